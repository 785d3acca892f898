//! Arbitrary text in a forced or detected language → segmentation,
//! boilerplate and foreign spans.
#![no_main]
use driftcheck::document::Document;
use driftcheck::input::RawDocument;
use driftcheck::lang::foreign;
use driftcheck_fuzz::{LANGUAGES, LEXICONS, invariants, selector};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (sel, bytes) = selector(data);
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let raw = RawDocument {
        id: "doc".into(),
        text: text.to_string(),
        language: LANGUAGES[usize::from(sel) % LANGUAGES.len()].map(str::to_string),
        ..Default::default()
    };
    let doc = Document::analyze(raw, &LEXICONS);
    invariants::assert_document(&doc);
    let spans = foreign::find(&doc, &LEXICONS);
    for f in &spans {
        invariants::assert_slice(&doc.text, f.span, "foreign span");
    }
});
