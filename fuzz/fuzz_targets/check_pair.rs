//! Two arbitrary versions of a story → the full check and every renderer.
//! The input is split at its first NUL byte (which text never holds).
#![no_main]
use driftcheck::input::RawDocument;
use driftcheck_fuzz::{LANGUAGES, LEXICONS, invariants, selector};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (sel, rest) = selector(data);
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let (a, b) = text.split_once('\0').unwrap_or((text, ""));
    let language = |n: u8| LANGUAGES[usize::from(n) % LANGUAGES.len()].map(str::to_string);
    let raw = |id: &str, text: &str, language| RawDocument {
        id: id.into(),
        text: text.into(),
        language,
        ..Default::default()
    };
    let raws = vec![raw("b", b, language(sel / 16)), raw("a", a, language(sel))];
    invariants::check_all(raws, &LEXICONS);
});
