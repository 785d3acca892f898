//! `sarif`: SARIF 2.1.0 for code-scanning tools. One result per finding,
//! one location per evidence span (line, column, byte offset and length into
//! the document's text, and the snippet), one artifact per document, one
//! rule per finding kind with its `explain` text.
//!
//! Documents of a feed are nested artifacts of the feed file (its
//! `parentIndex`), described by their line; their regions are in the
//! document's text, as in every driftcheck report.
//!
//! Results are written as stories arrive; the artifacts close the run.

use std::collections::HashMap;
use std::io::{self, Write};

use serde_json::{Value, json};

use super::location::{Origin, end_line_col, path_uri};
use super::{Ending, RenderOptions, StoryPart, StreamFormat};
use crate::baseline::fingerprint;
use crate::checks;
use crate::finding::{Evidence, Finding, KINDS, Severity};
use crate::report::DocumentSummary;

/// The official schema of the version written.
const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

pub struct Sarif {
    feed: Option<String>,
    /// Results written so far (a comma goes before the next).
    results: usize,
    artifacts: Vec<Value>,
    /// The artifact location of each document id.
    index: HashMap<String, Value>,
}

impl Sarif {
    /// Writes the start of the log, up to the opening of the results.
    pub fn open(options: &RenderOptions, out: &mut dyn Write) -> io::Result<Sarif> {
        let rules: Vec<Value> = KINDS
            .iter()
            .map(|k| {
                let explain = checks::for_kind(*k).map_or("", |c| c.explain());
                let short = explain.split("\n\n").next().unwrap_or(explain);
                json!({
                    "id": k.name(),
                    "name": k.name(),
                    "shortDescription": {"text": short},
                    "fullDescription": {"text": explain},
                    "help": {"text": explain},
                })
            })
            .collect();
        let tool = json!({
            "driver": {
                "name": "driftcheck",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }
        });
        write!(
            out,
            "{{\"$schema\":{},\"version\":\"2.1.0\",\"runs\":[{{\"tool\":{},\
             \"columnKind\":\"unicodeCodePoints\",\"results\":[",
            json!(SCHEMA),
            tool
        )?;
        let mut artifacts = Vec::new();
        if let Some(feed) = &options.feed {
            artifacts.push(top_artifact(Origin::of(feed, None), None));
        }
        Ok(Sarif {
            feed: options.feed.clone(),
            results: 0,
            artifacts,
            index: HashMap::new(),
        })
    }

    /// The artifact location of a document (its index, and its URI where it
    /// is a file); the artifact is added on first sight.
    fn artifact(&mut self, doc: &DocumentSummary) -> Value {
        if let Some(location) = self.index.get(&doc.id) {
            return location.clone();
        }
        let i = self.artifacts.len();
        let mut artifact = match Origin::of(&doc.path, self.feed.as_deref()) {
            Origin::FeedLine { feed, line } => json!({
                "description": {"text": format!("line {line} of {feed}: document {}", doc.id)},
                "parentIndex": 0,
                "roles": ["analysisTarget"],
            }),
            origin => top_artifact(origin, Some(&doc.encoding)),
        };
        artifact["properties"] = json!({
            "id": doc.id,
            "language": doc.language,
            "languageConfidence": doc.language_confidence,
        });
        if let Origin::FeedLine { line, .. } = Origin::of(&doc.path, self.feed.as_deref()) {
            artifact["properties"]["line"] = json!(line);
        }
        let mut location = json!({"index": i});
        if let Some(uri) = artifact.pointer("/location/uri") {
            location["uri"] = uri.clone();
        }
        self.artifacts.push(artifact);
        self.index.insert(doc.id.clone(), location.clone());
        location
    }

    fn result(&self, f: &Finding, docs: &HashMap<&str, Value>) -> Value {
        let rule = KINDS.iter().position(|k| *k == f.kind).unwrap_or(0);
        let locations: Vec<Value> = f
            .evidence
            .iter()
            .enumerate()
            .map(|(i, e)| location(i, e, docs.get(e.doc.as_str())))
            .collect();
        let mut result = json!({
            "ruleId": f.kind.name(),
            "ruleIndex": rule,
            "level": level(f.severity),
            "message": {"text": f.message},
            "locations": locations,
            "partialFingerprints": {"driftcheck/v1": fingerprint(f)},
        });
        let mut properties = serde_json::Map::new();
        if let Some(story) = &f.story {
            properties.insert("story".into(), json!(story));
        }
        if let Some(r) = &f.rule {
            properties.insert("rule".into(), json!(r));
        }
        if !properties.is_empty() {
            result["properties"] = Value::Object(properties);
        }
        result
    }
}

impl StreamFormat for Sarif {
    fn story(&mut self, part: &StoryPart<'_>, out: &mut dyn Write) -> io::Result<()> {
        let docs: HashMap<&str, Value> = part
            .report
            .documents
            .iter()
            .map(|d| (d.id.as_str(), self.artifact(d)))
            .collect();
        for f in &part.report.findings {
            out.write_all(if self.results == 0 { b"\n" } else { b",\n" })?;
            serde_json::to_writer(&mut *out, &self.result(f, &docs))?;
            self.results += 1;
        }
        Ok(())
    }

    fn finish(&mut self, _: &Ending<'_>, out: &mut dyn Write) -> io::Result<()> {
        write!(out, "\n],\"artifacts\":")?;
        serde_json::to_writer(&mut *out, &self.artifacts)?;
        writeln!(out, "}}]}}")?;
        out.flush()
    }
}

/// The SARIF level of a severity.
fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A file or standard input as a top-level artifact.
fn top_artifact(origin: Origin<'_>, encoding: Option<&str>) -> Value {
    let mut artifact = match origin {
        Origin::File(path) | Origin::FeedLine { feed: path, .. } => json!({
            "location": {"uri": path_uri(path)},
            "roles": ["analysisTarget"],
        }),
        Origin::Stdin => json!({
            "description": {"text": "standard input"},
            "roles": ["analysisTarget", "standardStream"],
        }),
    };
    if let Some(encoding) = encoding {
        artifact["encoding"] = json!(encoding);
    }
    artifact
}

/// One evidence span as a location: its region in the document's text.
fn location(id: usize, e: &Evidence, artifact: Option<&Value>) -> Value {
    let (end_line, end_column) = end_line_col(e);
    let mut region = json!({
        "startLine": e.line,
        "startColumn": e.column,
        "endLine": end_line,
        "endColumn": end_column,
        "byteOffset": e.start,
        "byteLength": e.end - e.start,
    });
    let message = if e.text.is_empty() {
        format!("{}: missing here", e.doc)
    } else {
        region["snippet"] = json!({"text": e.text});
        e.doc.clone()
    };
    json!({
        "id": id,
        "physicalLocation": {
            "artifactLocation": artifact.cloned().unwrap_or_else(|| json!({})),
            "region": region,
        },
        "message": {"text": message},
    })
}
