//! `github`: GitHub Actions workflow commands, one annotation per finding
//! (`::error file=...,line=...,col=...,endLine=...,endColumn=...,title=...::message`)
//! at its first evidence span, the message citing every span. Errors are
//! `error`, warnings `warning`, info `notice`. In a feed the annotation
//! points at the document's line of the feed file.

use std::io::{self, Write};

use super::location::{Origin, end_line_col};
use super::{Ending, RenderOptions, StoryPart, StreamFormat, cite};
use crate::finding::{Finding, Severity};
use crate::report::Report;

pub struct Github {
    feed: Option<String>,
}

impl Github {
    pub fn open(options: &RenderOptions) -> Github {
        Github {
            feed: options.feed.clone(),
        }
    }

    fn annotation(&self, f: &Finding, report: &Report) -> String {
        let mut properties: Vec<(&str, String)> = Vec::new();
        let path_of = |doc: &str| {
            report
                .documents
                .iter()
                .find(|d| d.id == doc)
                .map(|d| d.path.as_str())
        };
        if let Some(e) = f.evidence.first() {
            match path_of(&e.doc).map(|p| Origin::of(p, self.feed.as_deref())) {
                Some(Origin::File(path)) => {
                    let (end_line, end_column) = end_line_col(e);
                    properties.push(("file", path.to_string()));
                    properties.push(("line", e.line.to_string()));
                    properties.push(("col", e.column.to_string()));
                    properties.push(("endLine", end_line.to_string()));
                    properties.push(("endColumn", end_column.to_string()));
                }
                Some(Origin::FeedLine { feed, line }) if feed != "stdin" => {
                    properties.push(("file", feed.to_string()));
                    properties.push(("line", line.to_string()));
                }
                _ => {}
            }
        }
        let title = match &f.story {
            Some(story) => format!("driftcheck {} (story {story})", f.kind),
            None => format!("driftcheck {}", f.kind),
        };
        properties.push(("title", title));
        let mut message = f.message.to_string();
        for e in &f.evidence {
            message.push('\n');
            message.push_str(&cite(e, 80));
        }
        let level = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let properties: Vec<String> = properties
            .iter()
            .map(|(k, v)| format!("{k}={}", escape_property(v)))
            .collect();
        format!(
            "::{level} {}::{}",
            properties.join(","),
            escape_data(&message)
        )
    }
}

impl StreamFormat for Github {
    fn story(&mut self, part: &StoryPart<'_>, out: &mut dyn Write) -> io::Result<()> {
        for f in &part.report.findings {
            writeln!(out, "{}", self.annotation(f, part.report))?;
        }
        out.flush()
    }

    fn finish(&mut self, _: &Ending<'_>, out: &mut dyn Write) -> io::Result<()> {
        out.flush()
    }
}

/// The escaping of a command's message (GitHub's toolkit: `%`, CR, LF).
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// The escaping of a property value: the message's, plus `:` and `,`.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_cannot_be_broken_by_text() {
        assert_eq!(escape_data("50% off\n::error::x"), "50%25 off%0A::error::x");
        assert_eq!(escape_property("a,b:c\r"), "a%2Cb%3Ac%0D");
    }
}
