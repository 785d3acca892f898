//! Shared helpers of the fuzz targets: the invariants of the test suite
//! (included by path, so fuzzing and tests check the same things) and the
//! choices a target derives from its first input byte.

#[path = "../../tests/common/invariants.rs"]
pub mod invariants;

use std::sync::{Arc, LazyLock};

use driftcheck::lexicon::Lexicons;

/// The embedded lexicons, parsed once per process.
pub static LEXICONS: LazyLock<Arc<Lexicons>> = LazyLock::new(Lexicons::embedded);

/// The languages a target may force on a document, `None` meaning detect.
pub const LANGUAGES: [Option<&str>; 9] = [
    None,
    Some("en"),
    Some("pt"),
    Some("es"),
    Some("de"),
    Some("fr"),
    Some("it"),
    Some("uk"),
    Some("ru"),
];

/// Splits off the first byte as a selector (0 for empty input).
pub fn selector(data: &[u8]) -> (u8, &[u8]) {
    match data.split_first() {
        Some((&first, rest)) => (first, rest),
        None => (0, data),
    }
}
