//! `driftcheck align`: which claims of which versions were paired, and why.

use std::io::{self, Write};

use serde::Serialize;

use super::{Format, excerpt, markdown::cell, table::new_table};
use crate::report::SCHEMA_VERSION;
use crate::story::Story;

/// One version's claim in a group.
#[derive(Clone, Debug, Serialize)]
pub struct AlignMember {
    /// Document id.
    pub doc: String,
    /// First byte of the claim(s).
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The claim text.
    pub text: String,
    /// Similarity to the group's first member.
    pub score: f64,
    /// Features shared with the group's first member.
    pub shared: Vec<String>,
}

/// One group of aligned claims.
#[derive(Clone, Debug, Serialize)]
pub struct AlignGroup {
    /// Group number, from 1.
    pub group: usize,
    /// Its members, by document.
    pub members: Vec<AlignMember>,
}

/// The `align` report.
#[derive(Clone, Debug, Serialize)]
pub struct AlignReport {
    /// Always the report schema version.
    pub schema_version: u32,
    /// The pivot version's id.
    pub pivot: String,
    /// The groups.
    pub groups: Vec<AlignGroup>,
}

impl AlignReport {
    /// Builds the report of a story's alignment.
    pub fn new(story: &Story) -> Self {
        let a = &story.alignment;
        let groups = a
            .groups
            .iter()
            .enumerate()
            .map(|(g, group)| {
                let first = &group.members[0];
                let head = &a.claims[first.doc][first.claims[0]];
                let members = group
                    .members
                    .iter()
                    .map(|m| {
                        let span = a.member_span(m);
                        let doc = &story.docs[m.doc];
                        let same = doc.language.code == story.docs[first.doc].language.code;
                        let mut shared: Vec<String> = m
                            .claims
                            .iter()
                            .flat_map(|&c| a.shared_features(head, &a.claims[m.doc][c], same))
                            .collect();
                        shared.sort();
                        shared.dedup();
                        AlignMember {
                            doc: doc.id.clone(),
                            start: span.start,
                            end: span.end,
                            text: doc.slice(span).to_string(),
                            score: m.score,
                            shared: if m.doc == first.doc {
                                Vec::new()
                            } else {
                                shared
                            },
                        }
                    })
                    .collect();
                AlignGroup {
                    group: g + 1,
                    members,
                }
            })
            .collect();
        AlignReport {
            schema_version: SCHEMA_VERSION,
            pivot: story
                .docs
                .get(a.pivot)
                .map(|d| d.id.clone())
                .unwrap_or_default(),
            groups,
        }
    }
}

/// Renders the `align` report.
pub fn render_align(report: &AlignReport, format: Format, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, report)?;
            writeln!(out)
        }
        Format::Jsonl => {
            for g in &report.groups {
                serde_json::to_writer(&mut *out, g)?;
                writeln!(out)?;
            }
            Ok(())
        }
        Format::Table => {
            writeln!(out, "pivot: {}", report.pivot)?;
            let mut table = new_table(&["Group", "Document", "Claim", "Score, shared"]);
            for g in &report.groups {
                for m in &g.members {
                    table.add_row(vec![
                        g.group.to_string(),
                        m.doc.clone(),
                        excerpt(&m.text, 70),
                        format!("{:.2} {}", m.score, excerpt(&m.shared.join(" "), 40)),
                    ]);
                }
            }
            writeln!(out, "{table}")
        }
        Format::Markdown => {
            writeln!(out, "# Alignment (pivot: {})\n", cell(&report.pivot))?;
            writeln!(
                out,
                "| Group | Document | Claim | Score | Shared |\n| --- | --- | --- | --- | --- |"
            )?;
            for g in &report.groups {
                for m in &g.members {
                    writeln!(
                        out,
                        "| {} | {} | {} | {:.2} | {} |",
                        g.group,
                        cell(&m.doc),
                        cell(&excerpt(&m.text, 100)),
                        m.score,
                        cell(&m.shared.join(" "))
                    )?;
                }
            }
            Ok(())
        }
    }
}
