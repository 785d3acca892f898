//! `driftcheck align`: which claims of which versions were paired, and why:
//! the pair model's score of each member against its group's reference
//! member, signal by signal, and for each version a group lacks, its best
//! claim and why the alignment left it out.

use std::io::{self, Write};

use serde::Serialize;

use super::{Format, excerpt, markdown::cell, table::new_table};
use crate::align::{Alignment, Group, Signals};
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
    /// True for the member the others were scored against.
    pub reference: bool,
    /// The pair model's log-likelihood ratio (nats) against the reference
    /// member: above 0, more likely a translation than a neighbouring
    /// claim (absent for the reference member).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub llr: Option<f64>,
    /// What each signal contributed to it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signals: Option<Signals>,
    /// True when it was paired out of order (a moved paragraph).
    pub moved: bool,
    /// Lexical similarity to the reference member, 0 to 1.
    pub score: f64,
    /// Features shared with the reference member.
    pub shared: Vec<String>,
}

/// The best claim of a version a group lacks: why it was not paired.
#[derive(Clone, Debug, Serialize)]
pub struct NearMiss {
    /// Document id.
    pub doc: String,
    /// The group that holds that claim (from 1).
    pub group: usize,
    /// The claim text.
    pub text: String,
    /// Its log-likelihood ratio against the group's reference member.
    pub llr: f64,
    /// What each signal contributed.
    pub signals: Signals,
}

/// One group of aligned claims.
#[derive(Clone, Debug, Serialize)]
pub struct AlignGroup {
    /// Group number, from 1.
    pub group: usize,
    /// Its members, by document.
    pub members: Vec<AlignMember>,
    /// For each version without a member, its best claim.
    pub missing: Vec<NearMiss>,
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

/// The member the others of a group were scored against: the one the
/// alignment gave no score (the first of the group).
fn reference(group: &Group) -> usize {
    group
        .members
        .iter()
        .position(|m| m.llr.is_none())
        .unwrap_or(0)
}

impl AlignReport {
    /// Builds the report of a story's alignment.
    pub fn new(story: &Story) -> Self {
        let a = &story.alignment;
        // The group of every claim, for near misses.
        let mut group_of: Vec<Vec<usize>> = a.claims.iter().map(|c| vec![0; c.len()]).collect();
        for (g, group) in a.groups.iter().enumerate() {
            for m in &group.members {
                for &c in &m.claims {
                    group_of[m.doc][c] = g;
                }
            }
        }
        let groups = a
            .groups
            .iter()
            .enumerate()
            .map(|(g, group)| {
                let head = &group.members[reference(group)];
                let head_claim = a.joined_claims(head.doc, &head.claims);
                let members = group
                    .members
                    .iter()
                    .map(|m| {
                        let span = a.member_span(m);
                        let doc = &story.docs[m.doc];
                        let is_head = std::ptr::eq(m, head);
                        let same = a.languages[m.doc] == a.languages[head.doc];
                        let signals = (!is_head)
                            .then(|| a.signals((head.doc, &head.claims), (m.doc, &m.claims)));
                        let mut shared = if is_head {
                            Vec::new()
                        } else {
                            a.shared_features(&head_claim, &a.joined_claims(m.doc, &m.claims), same)
                        };
                        shared.sort();
                        shared.dedup();
                        AlignMember {
                            doc: doc.id.clone(),
                            start: span.start,
                            end: span.end,
                            text: doc.slice(span).to_string(),
                            reference: is_head,
                            llr: signals.map(|s| round2(s.total())),
                            signals: signals.map(rounded),
                            moved: m.moved,
                            score: m.score,
                            shared,
                        }
                    })
                    .collect();
                let missing = (0..story.docs.len())
                    .filter(|&d| group.member(d).is_none())
                    .filter_map(|d| near_miss(story, a, group, d, &group_of))
                    .collect();
                AlignGroup {
                    group: g + 1,
                    members,
                    missing,
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

/// The claim of version `d` that pairs best with the group's reference
/// member, and what its pair scores.
fn near_miss(
    story: &Story,
    a: &Alignment,
    group: &Group,
    d: usize,
    group_of: &[Vec<usize>],
) -> Option<NearMiss> {
    let head = &group.members[reference(group)];
    let (claim, signals) = (0..a.claims[d].len())
        .map(|c| (c, a.signals((head.doc, &head.claims), (d, &[c]))))
        .max_by(|x, y| x.1.total().total_cmp(&y.1.total()).then(y.0.cmp(&x.0)))?;
    let doc = &story.docs[d];
    Some(NearMiss {
        doc: doc.id.clone(),
        group: group_of[d][claim] + 1,
        text: doc.slice(a.claims[d][claim].span).to_string(),
        llr: round2(signals.total()),
        signals: rounded(signals),
    })
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn rounded(s: Signals) -> Signals {
    Signals {
        length: round2(s.length),
        anchors: round2(s.anchors),
        cognates: round2(s.cognates),
        glossary: round2(s.glossary),
        words: round2(s.words),
        marks: round2(s.marks),
        base: round2(s.base),
    }
}

/// "+6.2 = length +0.4, anchors +3.1, ...": the signals that are not 0.
fn explain(llr: f64, s: &Signals) -> String {
    let parts: Vec<String> = [
        ("length", s.length),
        ("anchors", s.anchors),
        ("cognates", s.cognates),
        ("glossary", s.glossary),
        ("words", s.words),
        ("marks", s.marks),
        ("base", s.base),
    ]
    .iter()
    .filter(|(_, v)| *v != 0.0)
    .map(|(name, v)| format!("{name} {v:+.1}"))
    .collect();
    format!("{llr:+.1} = {}", parts.join(", "))
}

/// The pairing cell of a member: its score and signals, or "reference".
fn pairing(m: &AlignMember) -> String {
    match (m.llr, &m.signals) {
        (Some(llr), Some(s)) => {
            let moved = if m.moved { "; moved" } else { "" };
            let shared = if m.shared.is_empty() {
                String::new()
            } else {
                format!("; shared: {}", m.shared.join(" "))
            };
            format!("{}{moved}{shared}", explain(llr, s))
        }
        _ => "reference".to_string(),
    }
}

fn near_miss_text(n: &NearMiss) -> String {
    format!(
        "not paired; best claim (group {}): {}",
        n.group,
        explain(n.llr, &n.signals)
    )
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
            writeln!(
                out,
                "pivot: {}; scores are log-likelihood ratios (nats) against each group's reference member",
                report.pivot
            )?;
            let mut table = new_table(&["Group", "Document", "Claim", "Pairing"]);
            for g in &report.groups {
                for m in &g.members {
                    table.add_row(vec![
                        g.group.to_string(),
                        m.doc.clone(),
                        excerpt(&m.text, 60),
                        excerpt(&pairing(m), 200),
                    ]);
                }
                for n in &g.missing {
                    table.add_row(vec![
                        g.group.to_string(),
                        n.doc.clone(),
                        "(none)".to_string(),
                        near_miss_text(n),
                    ]);
                }
            }
            writeln!(out, "{table}")
        }
        Format::Markdown => {
            writeln!(out, "# Alignment (pivot: {})\n", cell(&report.pivot))?;
            writeln!(
                out,
                "| Group | Document | Claim | Pairing |\n| --- | --- | --- | --- |"
            )?;
            for g in &report.groups {
                for m in &g.members {
                    writeln!(
                        out,
                        "| {} | {} | {} | {} |",
                        g.group,
                        cell(&m.doc),
                        cell(&excerpt(&m.text, 100)),
                        cell(&pairing(m))
                    )?;
                }
                for n in &g.missing {
                    writeln!(
                        out,
                        "| {} | {} | (none) | {} |",
                        g.group,
                        cell(&n.doc),
                        cell(&near_miss_text(n))
                    )?;
                }
            }
            Ok(())
        }
    }
}
