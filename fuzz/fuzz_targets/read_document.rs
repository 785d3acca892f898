//! Bytes → decoding (detected or forced encoding; text or HTML) → analysis.
#![no_main]
use std::path::Path;

use driftcheck::document::Document;
use driftcheck::input::{ReadOptions, decode_document_with, encoding_for_label};
use driftcheck_fuzz::{LEXICONS, invariants, selector};
use libfuzzer_sys::fuzz_target;

const PATHS: [&str; 4] = ["doc.txt", "doc.html", "-", "doc.md"];
const FORCED: [Option<&str>; 6] = [
    None,
    None,
    Some("utf-8"),
    Some("windows-1251"),
    Some("koi8-u"),
    Some("utf-16le"),
];

fuzz_target!(|data: &[u8]| {
    let (sel, bytes) = selector(data);
    let path = Path::new(PATHS[usize::from(sel) % PATHS.len()]);
    let forced = FORCED[usize::from(sel / 4) % FORCED.len()];
    let options = ReadOptions {
        encoding: forced.map(|l| encoding_for_label(l).expect("known label")),
        ..ReadOptions::default()
    };
    let Ok(raw) = decode_document_with("doc", path, bytes.to_vec(), &options) else {
        return;
    };
    for b in &raw.boilerplate {
        invariants::assert_slice(&raw.text, b.span, "marked boilerplate");
    }
    let doc = Document::analyze(raw, &LEXICONS);
    invariants::assert_document(&doc);
});
