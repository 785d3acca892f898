//! `junit`: JUnit XML for CI test reports. One test case per story (for
//! `check`, named by the documents' directory), one `<failure>` per finding
//! that `--fail-on` fails on; the other findings are listed in the case's
//! `<system-out>`. Written at the end, when the counts are known (the
//! cases are kept, not the stories).

use std::borrow::Cow;
use std::io::{self, Write};
use std::path::Path;

use maud::{Markup, html};

use super::{Ending, RenderOptions, StoryPart, StreamFormat, cite};
use crate::finding::Finding;
use crate::policy::FailOn;
use crate::report::Report;

pub struct Junit {
    fail_on: FailOn,
    suite: String,
    cases: Vec<Markup>,
    failed: usize,
}

impl Junit {
    pub fn open(options: &RenderOptions) -> Junit {
        let suite = match &options.feed {
            Some(feed) => format!("driftcheck feed {feed}"),
            None => "driftcheck check".to_string(),
        };
        Junit {
            fail_on: options.fail_on,
            suite,
            cases: Vec::new(),
            failed: 0,
        }
    }
}

impl StreamFormat for Junit {
    fn story(&mut self, part: &StoryPart<'_>, _: &mut dyn Write) -> io::Result<()> {
        let report = part.report;
        let (failures, others): (Vec<&Finding>, Vec<&Finding>) = report
            .findings
            .iter()
            .partition(|f| self.fail_on.fails(f.severity));
        if !failures.is_empty() {
            self.failed += 1;
        }
        let name = match part.key {
            Some(key) => key.to_string(),
            None => story_name(report),
        };
        let lines: Vec<String> = part.lines.iter().map(usize::to_string).collect();
        let out: Vec<String> = others.iter().map(|f| describe(f)).collect();
        self.cases.push(html! {
            testcase name=(xml(&name)) classname=(xml(&self.suite)) {
                @for f in &failures {
                    failure type=(f.kind.name()) message=(xml(&f.message)) { (xml(&describe(f))) }
                }
                @if !lines.is_empty() || !out.is_empty() {
                    system-out {
                        @if !lines.is_empty() { "feed lines: " (lines.join(", ")) "\n" }
                        @for o in &out { (xml(o)) "\n" }
                    }
                }
            }
        });
        Ok(())
    }

    fn finish(&mut self, ending: &Ending<'_>, out: &mut dyn Write) -> io::Result<()> {
        let tests = self.cases.len();
        let suite = html! {
            testsuites name="driftcheck" tests=(tests) failures=(self.failed) errors="0" {
                testsuite name=(xml(&self.suite)) tests=(tests) failures=(self.failed)
                    errors="0" skipped="0" {
                    properties {
                        property name="summary" value=(xml(&ending.summary)) {}
                        @if let Some(b) = ending.baseline {
                            property name="baseline_known" value=(b.known) {}
                        }
                    }
                    @for case in &self.cases { (case) }
                }
            }
        };
        writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
        writeln!(out, "{}", suite.into_string())?;
        out.flush()
    }
}

/// A finding as text: severity, kind, message and each evidence span.
fn describe(f: &Finding) -> String {
    let mut s = format!("{} {}: {}", f.severity, f.kind, f.message);
    for e in &f.evidence {
        s.push_str("\n  ");
        s.push_str(&cite(e, 100));
    }
    s
}

/// The name of a `check` story: the directory its documents share, or
/// their ids.
fn story_name(report: &Report) -> String {
    let dirs: Vec<Option<&Path>> = report
        .documents
        .iter()
        .map(|d| Path::new(&d.path).parent())
        .collect();
    match dirs.first() {
        Some(Some(first))
            if !first.as_os_str().is_empty() && dirs.iter().all(|d| d == &Some(*first)) =>
        {
            first.display().to_string()
        }
        _ => report
            .documents
            .iter()
            .map(|d| d.id.as_str())
            .collect::<Vec<_>>()
            .join(" + "),
    }
}

/// Text without the characters XML 1.0 forbids even escaped (control
/// characters but tab and line breaks, U+FFFE, U+FFFF), each shown as U+FFFD.
fn xml(s: &str) -> Cow<'_, str> {
    let allowed = |c: char| {
        matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{fffe}' && c != '\u{ffff}')
    };
    if s.chars().all(allowed) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(
            s.chars()
                .map(|c| if allowed(c) { c } else { '\u{fffd}' })
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forbidden_characters_are_replaced() {
        assert_eq!(xml("a\u{1}b\tc"), "a\u{fffd}b\tc");
        assert!(matches!(xml("plain"), Cow::Borrowed(_)));
    }
}
