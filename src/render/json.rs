//! `json` (SPEC's report) and `jsonl` (one finding a line).

use std::io::{self, Write};

use crate::baseline::Entry;
use crate::finding::Finding;
use crate::report::Report;

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, report)?;
    writeln!(out)
}

pub fn render_lines(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    findings_lines(&report.findings, out)?;
    if let Some(outcome) = &report.baseline {
        fixed_lines(&outcome.fixed, out)?;
    }
    Ok(())
}

/// One finding a line.
pub fn findings_lines(findings: &[Finding], out: &mut dyn Write) -> io::Result<()> {
    for finding in findings {
        serde_json::to_writer(&mut *out, finding)?;
        writeln!(out)?;
    }
    Ok(())
}

/// One `{"fixed": entry}` line per baseline entry that disappeared; the key
/// tells these lines from findings.
pub fn fixed_lines(fixed: &[Entry], out: &mut dyn Write) -> io::Result<()> {
    for entry in fixed {
        serde_json::to_writer(&mut *out, &serde_json::json!({ "fixed": entry }))?;
        writeln!(out)?;
    }
    Ok(())
}
