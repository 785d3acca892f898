//! `table`: findings grouped by kind, each with severity, message and an
//! excerpt per evidence span (`doc line:column`), fitted to 100 columns.

use std::io::{self, Write};

use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};

use super::{evidence_excerpt, excerpt, summary_line};
use crate::finding::KINDS;
use crate::report::{BaselineOutcome, Report};

/// Terminal width the tables are fitted to.
pub const WIDTH: u16 = 100;

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    body(report, out)?;
    if let Some(outcome) = &report.baseline {
        baseline(outcome, out)?;
    }
    Ok(())
}

/// Documents, findings by kind and the summary line of a report.
pub fn body(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let mut docs = new_table(&["Document", "Language", "Boilerplate"]);
    for d in &report.documents {
        docs.add_row(vec![
            d.id.clone(),
            format!("{} ({:.2})", d.language, d.language_confidence),
            format!("{} spans", d.boilerplate.len()),
        ]);
    }
    writeln!(out, "{docs}")?;
    for kind in KINDS {
        let findings: Vec<_> = report.findings.iter().filter(|f| f.kind == kind).collect();
        if findings.is_empty() {
            continue;
        }
        writeln!(out, "\n{kind} ({})", findings.len())?;
        let mut table = new_table(&["Severity", "Finding", "Evidence"]);
        for f in findings {
            let evidence: Vec<String> = f
                .evidence
                .iter()
                .map(|e| {
                    format!(
                        "{} {}:{}\n  {}",
                        e.doc,
                        e.line,
                        e.column,
                        evidence_excerpt(&e.text, 60)
                    )
                })
                .collect();
            table.add_row(vec![
                f.severity.to_string(),
                f.message.to_string(),
                evidence.join("\n"),
            ]);
        }
        writeln!(out, "{table}")?;
    }
    writeln!(out, "\n{}", summary_line(report))
}

/// What the baseline hid, and the known findings that are gone.
pub fn baseline(outcome: &BaselineOutcome, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "{} known finding(s) hidden by the baseline",
        outcome.known
    )?;
    if outcome.fixed.is_empty() {
        return Ok(());
    }
    writeln!(out, "\nfixed since the baseline ({})", outcome.fixed.len())?;
    let mut table = new_table(&["Kind", "Finding", "Evidence"]);
    for e in &outcome.fixed {
        let evidence: Vec<String> = e
            .docs
            .iter()
            .zip(&e.evidence)
            .map(|(d, t)| format!("{d}\n  {}", excerpt(t, 60)))
            .collect();
        let story = e
            .story
            .as_deref()
            .map(|s| format!(" [{s}]"))
            .unwrap_or_default();
        table.add_row(vec![
            format!("{}{story}", e.kind),
            e.message.clone(),
            evidence.join("\n"),
        ]);
    }
    writeln!(out, "{table}")
}

/// A table with the house style, fitted to [`WIDTH`].
pub fn new_table(header: &[&str]) -> Table {
    let mut table = Table::new();
    table
        .load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(WIDTH)
        .set_header(header.to_vec());
    table
}
