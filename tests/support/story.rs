//! Checking small stories written in the tests: shared by the drift tests.

use driftcheck::finding::{Finding, Kind, Severity};
use driftcheck::input::RawDocument;
use driftcheck::lexicon::Lexicons;
use driftcheck::report::Report;
use driftcheck::story::{Story, StoryOptions};

/// The findings of a story of (id, language, text) versions.
pub fn check(versions: &[(&str, &str, &str)]) -> Vec<Finding> {
    let raws = versions
        .iter()
        .map(|(id, lang, text)| RawDocument {
            id: id.to_string(),
            path: format!("{id}.txt"),
            text: text.to_string(),
            language: Some(lang.to_string()),
            ..Default::default()
        })
        .collect();
    let lexicons = Lexicons::embedded();
    let story = Story::build(raws, &StoryOptions::default(), &lexicons).expect("story builds");
    Report::check(&story, &lexicons).findings
}

/// The findings of one kind.
pub fn kinds(findings: &[Finding], kind: Kind) -> Vec<&Finding> {
    findings.iter().filter(|f| f.kind == kind).collect()
}

/// The error findings, as "kind: message" lines.
pub fn errors(findings: &[Finding]) -> Vec<String> {
    findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| format!("{}: {}", f.kind, f.message))
        .collect()
}
