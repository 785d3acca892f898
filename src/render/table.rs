//! `table`: findings grouped by kind, each with severity, message and an
//! excerpt per evidence span (`doc line:column`), fitted to 100 columns.

use std::io::{self, Write};

use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};

use super::{excerpt, summary_line};
use crate::finding::KINDS;
use crate::report::Report;

/// Terminal width the tables are fitted to.
pub const WIDTH: u16 = 100;

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
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
                        excerpt(&e.text, 60)
                    )
                })
                .collect();
            table.add_row(vec![
                f.severity.to_string(),
                f.message.clone(),
                evidence.join("\n"),
            ]);
        }
        writeln!(out, "{table}")?;
    }
    writeln!(out, "\n{}", summary_line(report))
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
