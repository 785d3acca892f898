//! `driftcheck langs`: each document's language, boilerplate and foreign spans.

use std::io::{self, Write};

use serde::Serialize;

use super::{Format, excerpt, markdown::cell, table::new_table};
use crate::lang::foreign::ForeignSpan;
use crate::report::SCHEMA_VERSION;
use crate::span::Span;
use crate::story::Story;

/// A boilerplate or foreign span with its text.
#[derive(Clone, Debug, Serialize)]
pub struct LabeledSpan {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The reason (boilerplate) or language code (foreign span).
    pub label: String,
    /// The span's text.
    pub text: String,
}

/// One document of the `langs` report.
#[derive(Clone, Debug, Serialize)]
pub struct LangsDocument {
    /// Document id.
    pub id: String,
    /// Language code.
    pub language: String,
    /// Its confidence.
    pub language_confidence: f64,
    /// The encoding the document was read in (WHATWG name).
    pub encoding: String,
    /// Boilerplate spans (label: reason).
    pub boilerplate: Vec<LabeledSpan>,
    /// Foreign spans (label: language).
    pub foreign: Vec<LabeledSpan>,
}

/// The `langs` report.
#[derive(Clone, Debug, Serialize)]
pub struct LangsReport {
    /// Always the report schema version.
    pub schema_version: u32,
    /// Documents by id.
    pub documents: Vec<LangsDocument>,
}

impl LangsReport {
    /// Builds the report of a story.
    pub fn new(story: &Story) -> Self {
        let documents = story
            .docs
            .iter()
            .zip(&story.foreign)
            .map(|(doc, foreign)| {
                let labeled = |span: Span, label: String| LabeledSpan {
                    start: span.start,
                    end: span.end,
                    label,
                    text: doc.slice(span).to_string(),
                };
                LangsDocument {
                    id: doc.id.clone(),
                    language: doc.language.code.clone(),
                    language_confidence: doc.language.confidence,
                    encoding: doc.encoding.to_string(),
                    boilerplate: doc
                        .boilerplate
                        .iter()
                        .map(|b| labeled(b.span, b.reason.name().to_string()))
                        .collect(),
                    foreign: foreign
                        .iter()
                        .map(|f: &ForeignSpan| labeled(f.span, f.language.clone()))
                        .collect(),
                }
            })
            .collect();
        LangsReport {
            schema_version: SCHEMA_VERSION,
            documents,
        }
    }
}

/// Renders the `langs` report.
pub fn render_langs(report: &LangsReport, format: Format, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, report)?;
            writeln!(out)
        }
        Format::Jsonl => {
            for doc in &report.documents {
                serde_json::to_writer(&mut *out, doc)?;
                writeln!(out)?;
            }
            Ok(())
        }
        Format::Table => {
            for doc in &report.documents {
                writeln!(
                    out,
                    "{}: {} ({:.2})",
                    doc.id, doc.language, doc.language_confidence
                )?;
                let mut table = new_table(&["Span", "Kind", "Text"]);
                for (what, spans) in [("boilerplate", &doc.boilerplate), ("foreign", &doc.foreign)]
                {
                    for s in spans {
                        table.add_row(vec![
                            format!("{}..{}", s.start, s.end),
                            format!("{what}: {}", s.label),
                            excerpt(&s.text, 60),
                        ]);
                    }
                }
                if table.row_count() > 0 {
                    writeln!(out, "{table}")?;
                }
                writeln!(out)?;
            }
            Ok(())
        }
        Format::Markdown => {
            for doc in &report.documents {
                writeln!(
                    out,
                    "## {} — {} ({:.2})\n",
                    cell(&doc.id),
                    doc.language,
                    doc.language_confidence
                )?;
                writeln!(out, "| Span | Kind | Text |\n| --- | --- | --- |")?;
                for (what, spans) in [("boilerplate", &doc.boilerplate), ("foreign", &doc.foreign)]
                {
                    for s in spans {
                        writeln!(
                            out,
                            "| {}..{} | {what}: {} | {} |",
                            s.start,
                            s.end,
                            cell(&s.label),
                            cell(&excerpt(&s.text, 80))
                        )?;
                    }
                }
                writeln!(out)?;
            }
            Ok(())
        }
    }
}
