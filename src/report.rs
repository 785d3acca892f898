//! The JSON report of SPEC.md, and the run of every check that fills it.

use serde::Serialize;

use crate::baseline::Entry;
use crate::checks;
use crate::document::Boilerplate;
use crate::finding::{self, Finding, Severity};
use crate::lexicon::Lexicons;
use crate::story::Story;

/// The report schema version.
pub const SCHEMA_VERSION: u32 = 1;

/// One document as the report lists it.
#[derive(Clone, Debug, Serialize)]
pub struct DocumentSummary {
    /// Document id.
    pub id: String,
    /// Where it was read from.
    pub path: String,
    /// ISO 639-1 language code (639-3 where there is none).
    pub language: String,
    /// Confidence of the language, 0 to 1.
    pub language_confidence: f64,
    /// The encoding the document was decoded from.
    pub encoding: String,
    /// Spans that are not the story.
    pub boilerplate: Vec<Boilerplate>,
}

/// What a baseline (`--baseline`) did to a report.
#[derive(Clone, Debug, Default, Serialize)]
pub struct BaselineOutcome {
    /// Findings hidden because the baseline knows them.
    pub known: usize,
    /// Baseline entries no finding matched any more (with `--show-fixed`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fixed: Vec<Entry>,
}

/// A whole report: documents and findings, in a deterministic order.
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    /// Always [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// Documents by id.
    pub documents: Vec<DocumentSummary>,
    /// Findings in report order (see [`finding::sort`]).
    pub findings: Vec<Finding>,
    /// Set when a baseline filtered the findings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline: Option<BaselineOutcome>,
}

impl Report {
    /// Runs every registered check over a story (for a story of one version,
    /// only the checks that do not compare versions).
    pub fn check(story: &Story, lexicons: &Lexicons) -> Report {
        let single = story.docs.len() < 2;
        // Each check's findings moved, not copied one by one into a growing
        // vector: a long document has hundreds of thousands.
        let lists: Vec<Vec<Finding>> = checks::REGISTRY
            .iter()
            .filter(|c| !single || !c.compares_versions())
            .map(|c| c.run(story, lexicons))
            .collect();
        let total: usize = lists.iter().map(Vec::len).sum();
        let mut findings: Vec<Finding> = Vec::new();
        for mut more in lists {
            if findings.len() < more.len() {
                std::mem::swap(&mut findings, &mut more);
                // Room for all of them at once, if the list has not got it
                // (growing by appends doubled it).
                findings.reserve_exact(total - findings.len());
            }
            findings.append(&mut more);
        }
        finding::sort(&mut findings, |id| story.doc_index(id));
        Report {
            schema_version: SCHEMA_VERSION,
            documents: story.docs.iter().map(summary).collect(),
            findings,
            baseline: None,
        }
    }

    /// The highest severity among the findings.
    pub fn max_severity(&self) -> Option<Severity> {
        self.findings.iter().map(|f| f.severity).max()
    }
}

fn summary(doc: &crate::document::Document) -> DocumentSummary {
    DocumentSummary {
        id: doc.id.clone(),
        path: doc.path.clone(),
        language: doc.language.code.clone(),
        language_confidence: doc.language.confidence,
        encoding: doc.encoding.to_string(),
        boilerplate: doc.boilerplate.clone(),
    }
}
