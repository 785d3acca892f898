//! Invariants every analysed document, story and report keeps, whatever the
//! input. Shared by the property tests and the fuzz targets (which include
//! this file by path), so both check exactly the same things.

use driftcheck::document::Document;
use driftcheck::lexicon::Lexicons;
use driftcheck::render::{self, Format, LangsReport};
use driftcheck::report::Report;
use driftcheck::span::Span;
use driftcheck::story::Story;

/// Panics unless the span is a non-empty slice of `text` on char boundaries.
pub fn assert_slice(text: &str, span: Span, what: &str) {
    assert!(
        span.start < span.end && span.end <= text.len(),
        "{what} {span:?} outside 0..{}",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} {span:?} not on char boundaries"
    );
}

/// Panics unless the spans are sorted and disjoint.
fn assert_ordered(spans: impl Iterator<Item = Span>, what: &str) {
    let mut end = 0;
    for span in spans {
        assert!(
            span.start >= end,
            "{what} {span:?} overlaps or precedes the one before"
        );
        end = span.end;
    }
}

/// Panics unless every span of the document is a valid, ordered slice and
/// sentences and words sit inside their paragraph and sentence.
pub fn assert_document(doc: &Document) {
    let text = &doc.text;
    for p in &doc.paragraphs {
        assert_slice(text, p.span, "paragraph");
    }
    assert_ordered(doc.paragraphs.iter().map(|p| p.span), "paragraph");
    for s in &doc.sentences {
        assert_slice(text, s.span, "sentence");
        assert!(
            doc.paragraphs[s.paragraph].span.contains(&s.span),
            "sentence outside its paragraph"
        );
        assert!(
            s.first_word <= s.end_word && s.end_word <= doc.words.len(),
            "sentence word range"
        );
    }
    assert_ordered(doc.sentences.iter().map(|s| s.span), "sentence");
    for (i, w) in doc.words.iter().enumerate() {
        assert_slice(text, w.span(), "word");
        assert!(
            doc.sentences[doc.sentence_of(i)].span.contains(&w.span()),
            "word outside its sentence"
        );
        assert_eq!(doc.fold(i), driftcheck::text::fold(doc.slice(w.span())));
    }
    assert_ordered(doc.words.iter().map(|w| w.span()), "word");
    for b in &doc.boilerplate {
        assert_slice(text, b.span, "boilerplate");
    }
    assert_ordered(doc.boilerplate.iter().map(|b| b.span), "boilerplate");
    let (line, column) = doc.lines.line_col(text, text.len());
    assert!(line >= 1 && column >= 1);
}

/// Panics unless every document and foreign span of the story is valid.
pub fn assert_story(story: &Story) {
    assert!(
        story.docs.windows(2).all(|w| w[0].id < w[1].id),
        "documents not sorted by id"
    );
    assert_eq!(story.docs.len(), story.foreign.len());
    for (doc, foreign) in story.docs.iter().zip(&story.foreign) {
        assert_document(doc);
        for f in foreign {
            assert_slice(&doc.text, f.span, "foreign span");
            assert!(
                (0.0..=1.0).contains(&f.confidence),
                "foreign confidence {}",
                f.confidence
            );
        }
        assert_ordered(foreign.iter().map(|f| f.span), "foreign span");
    }
}

/// Panics unless every finding cites at least one span and each cited text
/// is exactly the document's slice; then renders every format.
pub fn assert_report(story: &Story, report: &Report) {
    for f in &report.findings {
        assert!(
            !f.evidence.is_empty(),
            "finding without evidence: {}",
            f.message
        );
        for e in &f.evidence {
            let doc = story
                .docs
                .iter()
                .find(|d| d.id == e.doc)
                .expect("evidence names a document");
            // An omission cites where the omitting version would hold the
            // claim: an empty span, the only evidence allowed to be empty.
            if e.start == e.end {
                assert_eq!(f.kind.name(), "omission", "empty evidence in {}", f.message);
                assert!(e.end <= doc.text.len() && doc.text.is_char_boundary(e.start));
            } else {
                assert_slice(&doc.text, e.span(), "evidence");
            }
            assert_eq!(
                e.text,
                doc.slice(e.span()),
                "evidence text is not the slice"
            );
            assert!(e.line >= 1 && e.column >= 1);
        }
    }
    for format in [Format::Table, Format::Json, Format::Jsonl, Format::Markdown] {
        let mut out = Vec::new();
        render::render(report, format, &mut out).expect("render");
        assert!(std::str::from_utf8(&out).is_ok());
        let mut out = Vec::new();
        render::render_langs(&LangsReport::new(story), format, &mut out).expect("render langs");
    }
    let mut json = Vec::new();
    render::render(report, Format::Json, &mut json).expect("render json");
    let value: serde_json::Value = serde_json::from_slice(&json).expect("JSON report parses");
    assert_eq!(
        value["findings"].as_array().map(Vec::len),
        Some(report.findings.len())
    );
}

/// Builds, checks and validates a story from raw documents.
pub fn check_all(raws: Vec<driftcheck::input::RawDocument>, lexicons: &Lexicons) -> Report {
    let story = Story::build(raws, &Default::default(), lexicons).expect("story builds");
    assert_story(&story);
    let report = Report::check(&story, lexicons);
    assert_report(&story, &report);
    report
}
