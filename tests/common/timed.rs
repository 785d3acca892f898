//! A check of one large document against a short version, within a time
//! bound. Included by path by the test binaries that time inputs (beside
//! `mod common`), so the others do not carry it unused.

use std::time::{Duration, Instant};

use driftcheck::input::RawDocument;
use driftcheck::lexicon::Lexicons;

use crate::common::invariants::check_all;

/// Checks `text` (in `language`, when given) against a one-sentence version
/// with every invariant, and fails when that takes `bound` or longer.
pub fn check_within(name: &str, text: String, language: Option<&str>, bound: Duration) {
    let raws = vec![
        RawDocument {
            id: "a".into(),
            text,
            language: language.map(str::to_string),
            ..Default::default()
        },
        RawDocument {
            id: "b".into(),
            text: "The minister said on Tuesday that talks would go on.".into(),
            ..Default::default()
        },
    ];
    let started = Instant::now();
    check_all(raws, &Lexicons::embedded());
    assert!(started.elapsed() < bound, "{name}: {:?}", started.elapsed());
}
