//! Table-driven extraction cases, one row per case:
//! `(publication date or "", input, expected)`, where `expected` lists every
//! date found as `text => date..end wd5 rel:day-1`, separated by `; `.

use super::*;
use crate::input::RawDocument;
use crate::lexicon::Lexicons;

fn doc(lang: &str, published: &str, text: &str) -> Document {
    let raw = RawDocument {
        id: "t".into(),
        text: text.into(),
        language: Some(lang.into()),
        published: (!published.is_empty()).then(|| published.to_string()),
        ..Default::default()
    };
    Document::analyze(raw, &Lexicons::embedded())
}

fn facts(lang: &str, published: &str, text: &str) -> (Document, DateFacts) {
    let lexicons = Lexicons::embedded();
    let d = doc(lang, published, text);
    let f = extract(&d, lexicons.lang(lang));
    (d, f)
}

fn render(doc: &Document, d: &DateFact) -> String {
    let mut s = format!("{} =>", doc.slice(d.span));
    if let Some(date) = d.date() {
        s += &format!(" {date}");
    }
    if let Some(end) = d.date_end() {
        s += &format!("..{end}");
    }
    if let Some(w) = d.weekday {
        s += &format!(" wd{w}");
    }
    if let Some(r) = d.relative {
        s += &format!(" rel:{:?}{:+}", r.unit, r.offset);
    }
    s
}

fn run(lang: &str, rows: &[(&str, &str, &str)]) {
    let mut failures = Vec::new();
    for (published, input, expected) in rows {
        let (d, f) = facts(lang, published, input);
        let got: Vec<String> = f.dates.iter().map(|x| render(&d, x)).collect();
        let got = got.join("; ");
        if got != *expected {
            failures.push(format!("[{lang}] {input:?}\n   expected: {expected}\n   got:      {got}"));
        }
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn smoke() {
    run(
        "en",
        &[("", "The talks on 3-4 December 2024 ended.", "3-4 December 2024 => 2024-12-03..2024-12-04")],
    );
}
