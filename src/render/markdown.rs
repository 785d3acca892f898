//! `markdown`: a report to paste into an issue or a pull request.

use std::io::{self, Write};

use super::{evidence_excerpt, excerpt, summary_line};
use crate::finding::KINDS;
use crate::report::{BaselineOutcome, Report};

/// Escapes text for a Markdown table cell.
pub fn cell(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('\n', " ")
        .replace('`', "'")
}

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "# driftcheck report\n")?;
    body(report, "##", out)?;
    if let Some(outcome) = &report.baseline {
        baseline(outcome, "##", out)?;
    }
    Ok(())
}

/// The summary, documents and findings of a report; `heading` is the
/// Markdown heading of each kind's section (`##`, or `###` inside a story).
pub fn body(report: &Report, heading: &str, out: &mut dyn Write) -> io::Result<()> {
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
        writeln!(out, "\n{heading} {kind} ({})\n", findings.len())?;
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
                        cell(&evidence_excerpt(&e.text, 80))
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

/// What the baseline hid, and the known findings that are gone.
pub fn baseline(outcome: &BaselineOutcome, heading: &str, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "\n{} known finding(s) hidden by the baseline.",
        outcome.known
    )?;
    if outcome.fixed.is_empty() {
        return Ok(());
    }
    writeln!(
        out,
        "\n{heading} Fixed since the baseline ({})\n",
        outcome.fixed.len()
    )?;
    writeln!(out, "| Kind | Story | Finding | Evidence |")?;
    writeln!(out, "| --- | --- | --- | --- |")?;
    for e in &outcome.fixed {
        let evidence: Vec<String> = e
            .docs
            .iter()
            .zip(&e.evidence)
            .map(|(d, t)| format!("{} `{}`", cell(d), cell(&excerpt(t, 80))))
            .collect();
        writeln!(
            out,
            "| {} | {} | {} | {} |",
            e.kind,
            cell(e.story.as_deref().unwrap_or("")),
            cell(&e.message),
            evidence.join("<br>")
        )?;
    }
    Ok(())
}
