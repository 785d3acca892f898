//! `driftcheck feed` output, written story by story as stories close.
//!
//! - `jsonl`: one finding a line, each with its `story`; with `--show-fixed`
//!   a `{"fixed": entry}` line per baseline entry that disappeared, at the end.
//! - `json`: one document,
//!   `{"schema_version": 1, "stories": [{"story", "lines", "documents",
//!   "findings"}, ...], "summary": {...}, "baseline": {...}}`, each story
//!   on one line in closing order (see [`crate::feed`]); `baseline` only with
//!   `--baseline`.
//! - `table` and `markdown`: a section per story and a summary line.
//! - `html`, `sarif`, `junit`, `github`: as for `check`, a story at a time
//!   (the page has a section per story, JUnit a test case per story).

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;

use super::{
    Ending, Format, RenderOptions, ReportFormat, StoryPart, StreamFormat, json, markdown,
    open_stream, table,
};
use crate::feed::{FeedSummary, StoryReport};
use crate::finding::{Finding, Kind, Severity};
use crate::report::{BaselineOutcome, DocumentSummary, SCHEMA_VERSION};

/// Counts of what a feed run printed.
#[derive(Clone, Debug, Default, Serialize)]
pub struct FeedStats {
    /// Stories reported.
    pub stories: usize,
    /// Versions in them.
    pub versions: usize,
    /// Lines read.
    pub lines: usize,
    /// Lines skipped as bad.
    pub skipped_lines: usize,
    /// Findings reported (after a baseline).
    pub findings: usize,
    /// Findings per kind.
    pub findings_by_kind: BTreeMap<Kind, usize>,
    /// Findings per severity.
    pub findings_by_severity: BTreeMap<Severity, usize>,
}

impl FeedStats {
    /// The highest severity reported.
    pub fn max_severity(&self) -> Option<Severity> {
        self.findings_by_severity.keys().next_back().copied()
    }

    /// "3 stories, 7 versions, 4 findings (2 calque, 2 numeric_drift; 1
    /// error, 3 info)".
    pub fn line(&self) -> String {
        let plural = |n: usize, one: &str| format!("{n} {one}{}", if n == 1 { "" } else { "s" });
        let mut s = format!(
            "{}, {}, {}",
            plural(self.stories, "story").replace("storys", "stories"),
            plural(self.versions, "version"),
            plural(self.findings, "finding")
        );
        if self.findings > 0 {
            let kinds: Vec<String> = self
                .findings_by_kind
                .iter()
                .map(|(k, n)| format!("{n} {k}"))
                .collect();
            let severities: Vec<String> = self
                .findings_by_severity
                .iter()
                .rev()
                .map(|(k, n)| format!("{n} {k}"))
                .collect();
            s.push_str(&format!(
                " ({}; {})",
                kinds.join(", "),
                severities.join(", ")
            ));
        }
        if self.skipped_lines > 0 {
            s.push_str(&format!(
                ", {} skipped",
                plural(self.skipped_lines, "bad line")
            ));
        }
        s
    }
}

#[derive(Serialize)]
struct StoryJson<'a> {
    story: &'a str,
    lines: &'a [usize],
    documents: &'a [DocumentSummary],
    findings: &'a [Finding],
}

/// How a feed is written: a text format here, or a stream format.
enum Output {
    Text(Format),
    Stream(Box<dyn StreamFormat>),
}

/// Writes a feed's output as stories arrive.
pub struct FeedWriter<'a> {
    output: Output,
    out: &'a mut dyn Write,
    stats: FeedStats,
}

impl<'a> FeedWriter<'a> {
    /// Starts the output; `options.feed` should name the feed.
    pub fn new(
        format: ReportFormat,
        options: &RenderOptions,
        out: &'a mut dyn Write,
    ) -> io::Result<Self> {
        let output = match open_stream(format, options, out)? {
            Ok(stream) => Output::Stream(stream),
            Err(text) => {
                match text {
                    Format::Json => {
                        write!(out, "{{\"schema_version\":{SCHEMA_VERSION},\"stories\":[")?
                    }
                    Format::Markdown => writeln!(out, "# driftcheck feed report")?,
                    Format::Table | Format::Jsonl => {}
                }
                Output::Text(text)
            }
        };
        Ok(FeedWriter {
            output,
            out,
            stats: FeedStats::default(),
        })
    }

    /// True when the format shows the stories' text (the HTML page), so
    /// each [`StoryReport`] should keep its story.
    pub fn wants_stories(&self) -> bool {
        matches!(&self.output, Output::Stream(s) if s.shows_text())
    }

    /// What has been written so far.
    pub fn stats(&self) -> &FeedStats {
        &self.stats
    }

    /// Writes one story, and flushes so a stream shows it at once.
    pub fn story(&mut self, story: &StoryReport) -> io::Result<()> {
        let report = &story.report;
        let first = self.stats.stories == 0;
        self.stats.stories += 1;
        self.stats.versions += report.documents.len();
        for f in &report.findings {
            self.stats.findings += 1;
            *self.stats.findings_by_kind.entry(f.kind).or_default() += 1;
            *self
                .stats
                .findings_by_severity
                .entry(f.severity)
                .or_default() += 1;
        }
        let out = &mut *self.out;
        let lines = story
            .lines
            .iter()
            .map(usize::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        let format = match &mut self.output {
            Output::Text(format) => *format,
            Output::Stream(stream) => {
                let part = StoryPart {
                    key: Some(&story.key),
                    lines: &story.lines,
                    report,
                    story: story.story.as_deref(),
                };
                return stream.story(&part, out);
            }
        };
        match format {
            Format::Jsonl => json::findings_lines(&report.findings, out)?,
            Format::Json => {
                out.write_all(if first { b"\n" } else { b",\n" })?;
                serde_json::to_writer(
                    &mut *out,
                    &StoryJson {
                        story: &story.key,
                        lines: &story.lines,
                        documents: &report.documents,
                        findings: &report.findings,
                    },
                )?;
            }
            Format::Table => {
                writeln!(out, "━━ story {} (lines {lines})", story.key)?;
                table::body(report, out)?;
                writeln!(out)?;
            }
            Format::Markdown => {
                writeln!(
                    out,
                    "\n## Story `{}` (lines {lines})\n",
                    markdown::cell(&story.key)
                )?;
                markdown::body(report, "###", out)?;
            }
        }
        out.flush()
    }

    /// Ends the output with the summary (and what a baseline did).
    pub fn finish(
        mut self,
        summary: &FeedSummary,
        baseline: Option<&BaselineOutcome>,
    ) -> io::Result<FeedStats> {
        self.stats.lines = summary.lines;
        self.stats.skipped_lines = summary.skipped;
        let out = &mut *self.out;
        let format = match &mut self.output {
            Output::Text(format) => *format,
            Output::Stream(stream) => {
                let ending = Ending {
                    summary: format!("feed: {}", self.stats.line()),
                    baseline,
                };
                stream.finish(&ending, out)?;
                return Ok(self.stats);
            }
        };
        match format {
            Format::Jsonl => {
                if let Some(b) = baseline {
                    json::fixed_lines(&b.fixed, out)?;
                }
            }
            Format::Json => {
                write!(out, "\n],\"summary\":")?;
                serde_json::to_writer(&mut *out, &self.stats)?;
                if let Some(b) = baseline {
                    write!(out, ",\"baseline\":")?;
                    serde_json::to_writer(&mut *out, b)?;
                }
                writeln!(out, "}}")?;
            }
            Format::Table => {
                if let Some(b) = baseline {
                    table::baseline(b, out)?;
                }
                writeln!(out, "feed: {}", self.stats.line())?;
            }
            Format::Markdown => {
                if let Some(b) = baseline {
                    markdown::baseline(b, "##", out)?;
                }
                writeln!(out, "\n**Feed:** {}", self.stats.line())?;
            }
        }
        out.flush()?;
        Ok(self.stats)
    }
}
