//! Renderers: turn reports into text. They live apart from the checks and
//! never decide anything; the same report always renders to the same bytes.

mod align;
mod facts;
mod feed;
mod github;
mod html;
mod json;
mod junit;
mod langs;
mod location;
mod markdown;
mod sarif;
mod table;

use std::io::{self, Write};

use serde::{Deserialize, Deserializer};

pub use align::{AlignReport, render_align};
pub use facts::{FactRecord, FactsReport, render_facts};
pub use feed::{FeedStats, FeedWriter};
pub use langs::{LangsReport, render_langs};

use crate::finding::Evidence;
use crate::policy::FailOn;
use crate::report::{BaselineOutcome, Report};
use crate::story::Story;

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

/// The formats of `check` and `feed` reports: the text formats every
/// command has, and those made for a browser or a CI system.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportFormat {
    /// A text format.
    Text(Format),
    /// One self-contained HTML page: the versions side by side.
    Html,
    /// SARIF 2.1.0, for code-scanning tools.
    Sarif,
    /// JUnit XML: a test case per story.
    Junit,
    /// GitHub Actions workflow commands (annotations).
    Github,
}

impl ReportFormat {
    /// Every format, in `--help` order.
    pub const ALL: [ReportFormat; 8] = [
        ReportFormat::Text(Format::Table),
        ReportFormat::Text(Format::Json),
        ReportFormat::Text(Format::Jsonl),
        ReportFormat::Text(Format::Markdown),
        ReportFormat::Html,
        ReportFormat::Sarif,
        ReportFormat::Junit,
        ReportFormat::Github,
    ];

    /// Their names, in the same order.
    pub const NAMES: [&'static str; 8] = [
        "table", "json", "jsonl", "markdown", "html", "sarif", "junit", "github",
    ];

    /// The format's name on the command line and in `driftcheck.toml`.
    pub fn name(self) -> &'static str {
        match self {
            ReportFormat::Text(Format::Table) => "table",
            ReportFormat::Text(Format::Json) => "json",
            ReportFormat::Text(Format::Jsonl) => "jsonl",
            ReportFormat::Text(Format::Markdown) => "markdown",
            ReportFormat::Html => "html",
            ReportFormat::Sarif => "sarif",
            ReportFormat::Junit => "junit",
            ReportFormat::Github => "github",
        }
    }

    /// The format of a name.
    pub fn from_name(name: &str) -> Option<ReportFormat> {
        Self::ALL.into_iter().find(|f| f.name() == name)
    }
}

impl<'de> Deserialize<'de> for ReportFormat {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<ReportFormat, D::Error> {
        let name = String::deserialize(d)?;
        ReportFormat::from_name(&name)
            .ok_or_else(|| serde::de::Error::unknown_variant(&name, &Self::NAMES))
    }
}

/// What the stream formats need to know about the run.
#[derive(Clone, Debug, Default)]
pub struct RenderOptions {
    /// The `--fail-on` policy (JUnit failures are the findings it fails on).
    pub fail_on: FailOn,
    /// The feed's name when the stories come from a feed (its documents'
    /// paths are then `<feed>:<line>`).
    pub feed: Option<String>,
}

/// Renders a check report (the format's only story).
pub fn render(report: &Report, format: Format, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Table => table::render(report, out),
        Format::Json => json::render(report, out),
        Format::Jsonl => json::render_lines(report, out),
        Format::Markdown => markdown::render(report, out),
    }
}

/// Renders the report of `check` in any format; the story gives the HTML
/// page the versions' text.
pub fn render_check(
    story: &Story,
    report: &Report,
    format: ReportFormat,
    options: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut stream = match open_stream(format, options, out)? {
        Ok(stream) => stream,
        Err(text) => return render(report, text, out),
    };
    let part = StoryPart {
        key: None,
        lines: &[],
        report,
        story: Some(story),
    };
    stream.story(&part, out)?;
    stream.finish(
        &Ending {
            summary: summary_line(report),
            baseline: report.baseline.as_ref(),
        },
        out,
    )
}

/// One story as the stream formats see it.
pub(crate) struct StoryPart<'a> {
    /// The story key (feeds only).
    key: Option<&'a str>,
    /// Its lines in the feed.
    lines: &'a [usize],
    /// Its report.
    report: &'a Report,
    /// The analysed versions, where kept (the HTML page shows their text).
    story: Option<&'a Story>,
}

/// What the stream formats print at the end.
pub(crate) struct Ending<'a> {
    /// The summary line of the run.
    summary: String,
    /// What a baseline did.
    baseline: Option<&'a BaselineOutcome>,
}

/// A format written story by story: it starts when opened, takes each
/// story, and ends with [`StreamFormat::finish`].
pub(crate) trait StreamFormat {
    fn story(&mut self, part: &StoryPart<'_>, out: &mut dyn Write) -> io::Result<()>;
    fn finish(&mut self, ending: &Ending<'_>, out: &mut dyn Write) -> io::Result<()>;
    /// True when the format shows the versions' text.
    fn shows_text(&self) -> bool {
        false
    }
}

/// Opens a stream format, writing its start; a text format is handed back.
fn open_stream(
    format: ReportFormat,
    options: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<Result<Box<dyn StreamFormat>, Format>> {
    Ok(Ok(match format {
        ReportFormat::Text(text) => return Ok(Err(text)),
        ReportFormat::Html => Box::new(html::Html::open(options, out)?),
        ReportFormat::Sarif => Box::new(sarif::Sarif::open(options, out)?),
        ReportFormat::Junit => Box::new(junit::Junit::open(options)),
        ReportFormat::Github => Box::new(github::Github::open(options)),
    }))
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

/// One evidence span on one line: `doc line:column excerpt`.
pub(crate) fn cite(e: &Evidence, max: usize) -> String {
    format!(
        "{} {}:{} {}",
        e.doc,
        e.line,
        e.column,
        evidence_excerpt(&e.text, max)
    )
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

    #[test]
    fn format_names_round_trip() {
        for (format, name) in ReportFormat::ALL.into_iter().zip(ReportFormat::NAMES) {
            assert_eq!(format.name(), name);
            assert_eq!(ReportFormat::from_name(name), Some(format));
        }
        assert_eq!(ReportFormat::from_name("xml"), None);
    }
}
