//! `markdown`: a report to paste into an issue or a pull request.

use std::io::{self, Write};

use super::{excerpt, summary_line};
use crate::finding::KINDS;
use crate::report::Report;

/// Escapes text for a Markdown table cell.
pub fn cell(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('\n', " ")
        .replace('`', "'")
}

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "# driftcheck report\n")?;
    writeln!(out, "{}\n", summary_line(report))?;
    writeln!(out, "| Document | Language | Boilerplate spans |")?;
    writeln!(out, "| --- | --- | --- |")?;
    for d in &report.documents {
        writeln!(
            out,
            "| {} | {} ({:.2}) | {} |",
            cell(&d.id),
            d.language,
            d.language_confidence,
            d.boilerplate.len()
        )?;
    }
    for kind in KINDS {
        let findings: Vec<_> = report.findings.iter().filter(|f| f.kind == kind).collect();
        if findings.is_empty() {
            continue;
        }
        writeln!(out, "\n## {kind} ({})\n", findings.len())?;
        writeln!(out, "| Severity | Finding | Evidence |")?;
        writeln!(out, "| --- | --- | --- |")?;
        for f in findings {
            let evidence: Vec<String> = f
                .evidence
                .iter()
                .map(|e| {
                    format!(
                        "{} {}:{} `{}`",
                        cell(&e.doc),
                        e.line,
                        e.column,
                        cell(&excerpt(&e.text, 80))
                    )
                })
                .collect();
            writeln!(
                out,
                "| {} | {} | {} |",
                f.severity,
                cell(&f.message),
                evidence.join("<br>")
            )?;
        }
    }
    Ok(())
}
