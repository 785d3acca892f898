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
        let mut findings = concatenate(lists);
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

/// The checks' finding lists as one, in the order the sort breaks ties by:
/// a list longer than all before it goes in front of them. The others are
/// moved into the list with the most room (one grown by doubling often has
/// room for all of them), which gets room for all at once only when it has
/// not: a long document has hundreds of thousands of findings, and a second
/// vector of all of them doubled the report's peak.
fn concatenate(mut lists: Vec<Vec<Finding>>) -> Vec<Finding> {
    let mut order = std::collections::VecDeque::with_capacity(lists.len());
    let mut len = 0;
    for (i, list) in lists.iter().enumerate() {
        if len < list.len() {
            order.push_front(i);
        } else {
            order.push_back(i);
        }
        len += list.len();
    }
    let Some(widest) = (0..lists.len()).max_by_key(|&i| lists[i].capacity()) else {
        return Vec::new();
    };
    let mut findings = std::mem::take(&mut lists[widest]);
    findings.reserve_exact(len - findings.len());
    let at = order.iter().position(|&i| i == widest).unwrap_or(0);
    // The lists after the widest one, then those before it, rotated to
    // the front.
    for &i in order.iter().skip(at + 1) {
        findings.append(&mut lists[i]);
    }
    let after = findings.len();
    for &i in order.iter().take(at) {
        findings.append(&mut lists[i]);
    }
    let before = findings.len() - after;
    findings.rotate_right(before);
    findings
}

#[cfg(test)]
mod tests {
    use super::concatenate;
    use crate::finding::{Finding, Kind, Severity};

    fn list(names: &[&str], room: usize) -> Vec<Finding> {
        let mut list = Vec::with_capacity(room);
        list.extend(
            names
                .iter()
                .map(|n| Finding::new(Kind::Addition, Severity::Info, *n, Vec::new())),
        );
        list
    }

    #[test]
    fn a_list_longer_than_all_before_it_goes_in_front_and_the_widest_is_reused() {
        let lists = vec![
            list(&["a1"], 1),
            list(&["b1", "b2"], 2),
            list(&["c1"], 64),
            list(&["d1", "d2", "d3", "d4", "d5"], 5),
            list(&[], 0),
        ];
        let all = concatenate(lists);
        let messages: Vec<&str> = all.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            messages,
            ["d1", "d2", "d3", "d4", "d5", "b1", "b2", "a1", "c1"]
        );
        assert_eq!(all.capacity(), 64);
        assert!(concatenate(Vec::new()).is_empty());
    }
}
