//! The JSON report of SPEC.md, and the run of every check that fills it.

use serde::Serialize;

use crate::baseline::Entry;
use crate::checks::{self, Check};
use crate::document::Boilerplate;
use crate::extract::Facts;
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
        let mut findings = Vec::new();
        for check in checks_of(story) {
            check.run_into(story, lexicons, &mut findings);
        }
        Report::of(story, findings)
    }

    /// The same report as [`Report::check`], for a caller that reads
    /// neither the story's facts nor its claims' features afterwards (the
    /// `check` command: the renderers show text, foreign spans and
    /// findings). Each is released once the checks that read it have run,
    /// before those that do not (first the checks that compare claims by
    /// their features, then the others that read facts, then the additions
    /// and omissions, of which a long document has hundreds of thousands).
    /// A long document's facts take about as much memory as the analysis of
    /// its text, and its claims' features about a fifth of that. The story
    /// is left with empty facts and claims without features.
    pub fn check_releasing(story: &mut Story, lexicons: &Lexicons) -> Report {
        let mut findings = Vec::new();
        let mut run = |story: &Story, runs: fn(&dyn Check) -> bool| {
            for check in checks_of(story).filter(|c| runs(*c)) {
                check.run_into(story, lexicons, &mut findings);
            }
        };
        run(story, |c| c.reads_claim_features());
        story.alignment.release_features();
        run(story, |c| c.reads_facts() && !c.reads_claim_features());
        story.facts.iter_mut().for_each(|f| *f = Facts::default());
        run(story, |c| !c.reads_facts() && !c.reads_claim_features());
        Report::of(story, findings)
    }

    /// The report of a story's findings, sorted. The order the checks added
    /// them in does not matter: each check reports its own kind, which the
    /// sort orders by first, and keeps the order of its own findings.
    fn of(story: &Story, mut findings: Vec<Finding>) -> Report {
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

/// The checks that run on a story (for a story of one version, only those
/// that do not compare versions). Each adds its findings to one vector: a
/// long document has hundreds of thousands, and the check with most of them
/// gives it room for exactly theirs.
fn checks_of(story: &Story) -> impl Iterator<Item = &'static dyn Check> {
    let single = story.docs.len() < 2;
    (checks::REGISTRY.iter().copied()).filter(move |c| !single || !c.compares_versions())
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

#[cfg(test)]
mod tests {
    use super::Report;
    use crate::checks::REGISTRY;
    use crate::input::RawDocument;
    use crate::lexicon::Lexicons;
    use crate::story::{Story, StoryOptions};

    fn version(id: &str, text: &str) -> RawDocument {
        RawDocument {
            id: id.into(),
            text: text.into(),
            language: Some("en".into()),
            ..Default::default()
        }
    }

    /// The report's order may not depend on the order the checks add their
    /// findings in: each check reports its own kind alone (the sort's first
    /// key), and the report holds every check's findings.
    #[test]
    fn each_check_reports_its_own_kind_and_the_report_holds_them_all() {
        let lexicons = Lexicons::embedded();
        let story = Story::build(
            vec![
                version(
                    "one",
                    "The council approved 40 new buses on Tuesday.\n\n\
                     The mayor said the fleet would be ready in May.\n\n\
                     A new depot opens next year near the river.",
                ),
                version(
                    "two",
                    "The council approved 45 new buses on Tuesday.\n\n\
                     The mayor said the fleet would be ready in June.",
                ),
            ],
            &StoryOptions::default(),
            &lexicons,
        )
        .unwrap();
        let mut total = 0;
        for check in REGISTRY {
            let findings = check.run(&story, &lexicons);
            assert!(findings.iter().all(|f| f.kind == check.kind()));
            total += findings.len();
        }
        let report = Report::check(&story, &lexicons);
        assert!(total > 0);
        assert_eq!(report.findings.len(), total);
        // Releasing the claims' features and the facts before the checks
        // that do not read them changes nothing in the report.
        let mut story = story;
        let released = Report::check_releasing(&mut story, &lexicons);
        assert_eq!(released.findings, report.findings);
        assert!(story.facts.iter().all(|f| f.names.is_empty()));
        assert!(story.alignment.features.is_empty());
    }
}
