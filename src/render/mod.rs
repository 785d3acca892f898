//! Renderers: turn reports into text. They live apart from the checks and
//! never decide anything; the same report always renders to the same bytes.

mod align;
mod facts;
mod feed;
mod json;
mod langs;
mod markdown;
mod table;

use std::io::{self, Write};

pub use align::{AlignReport, render_align};
pub use facts::{FactRecord, FactsReport, render_facts};
pub use feed::{FeedStats, FeedWriter};
pub use langs::{LangsReport, render_langs};

use crate::report::Report;

/// Output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Human-readable tables (default).
    Table,
    /// The JSON report of SPEC.md.
    Json,
    /// One JSON finding a line.
    Jsonl,
    /// Markdown, for issues and pull requests.
    Markdown,
}

/// Renders a check report.
pub fn render(report: &Report, format: Format, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Table => table::render(report, out),
        Format::Json => json::render(report, out),
        Format::Jsonl => json::render_lines(report, out),
        Format::Markdown => markdown::render(report, out),
    }
}

/// A piece of evidence text shortened for a table cell: line breaks shown as
/// `⏎`, at most `max` characters, cut in the middle of long spans.
pub fn excerpt(text: &str, max: usize) -> String {
    let flat: String = text
        .chars()
        .map(|c| if c == '\n' { '⏎' } else { c })
        .collect();
    let n = flat.chars().count();
    if n <= max {
        return flat;
    }
    let head: String = flat.chars().take(max * 2 / 3).collect();
    let tail: String = flat.chars().skip(n - (max - max * 2 / 3 - 1)).collect();
    format!("{head}…{tail}")
}

/// The excerpt of an evidence span; an empty span marks where something is
/// missing (an omission), which a person should see as such.
pub fn evidence_excerpt(text: &str, max: usize) -> String {
    if text.is_empty() {
        "(missing here)".to_string()
    } else {
        excerpt(text, max)
    }
}

/// "3 findings (1 error, 2 warnings)".
pub fn summary_line(report: &Report) -> String {
    use crate::finding::Severity;
    let count = |s: Severity| report.findings.iter().filter(|f| f.severity == s).count();
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let parts: Vec<String> = [
        (Severity::Error, "error", "errors"),
        (Severity::Warning, "warning", "warnings"),
        (Severity::Info, "info", "info"),
    ]
    .iter()
    .filter(|(s, _, _)| count(*s) > 0)
    .map(|(s, one, many)| plural(count(*s), one, many))
    .collect();
    let docs = plural(report.documents.len(), "document", "documents");
    let findings = plural(report.findings.len(), "finding", "findings");
    if parts.is_empty() {
        format!("{docs}, {findings}")
    } else {
        format!("{docs}, {findings} ({})", parts.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpt_shortens_in_the_middle() {
        assert_eq!(excerpt("short", 10), "short");
        let e = excerpt("abcdefghijklmnopqrstuvwxyz", 10);
        assert_eq!(e.chars().count(), 10);
        assert!(e.starts_with("abcdef") && e.ends_with("xyz"), "{e}");
        assert_eq!(excerpt("a\nb", 10), "a⏎b");
    }
}
