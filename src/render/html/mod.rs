//! `html`: one self-contained page (no network, no external asset) with
//! each story's versions side by side, the aligned claims as rows, every
//! finding highlighted at its evidence spans, a findings list that jumps to
//! them, boilerplate greyed, foreign spans marked, and filters by kind and
//! severity that work without a server.
//!
//! The page is written with maud, which escapes every value it is given:
//! document text can only ever become text. A Content-Security-Policy lets
//! the page run its own script (by its hash) and nothing else, and load
//! nothing. The same report always gives the same bytes.

mod grid;

use std::io::{self, Write};

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::{Ending, RenderOptions, StoryPart, StreamFormat, evidence_excerpt, summary_line};
use crate::finding::{Finding, KINDS, Severity};
use crate::report::Report;
use crate::story::Story;
use grid::{Grid, Note, Piece, RowKind};

const CSS: &str = include_str!("page.css");
const SCRIPT: &str = include_str!("page.js");
/// The CSP hash of [`SCRIPT`] (checked by a test).
const SCRIPT_HASH: &str = "sha256-PUKOMgI7PoWbJc+EPQKBe+QBczb4Os1soP+AzEPGsYg=";

const SEVERITIES: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

pub struct Html {
    /// Stories written so far: the prefix of the next one's ids.
    stories: usize,
}

impl Html {
    /// Writes the page's head and its filter bar.
    pub fn open(options: &RenderOptions, out: &mut dyn Write) -> io::Result<Html> {
        let title = match &options.feed {
            Some(feed) => format!("driftcheck feed report: {feed}"),
            None => "driftcheck report".to_string(),
        };
        let csp = format!(
            "default-src 'none'; style-src 'unsafe-inline'; script-src '{SCRIPT_HASH}'; \
             base-uri 'none'; form-action 'none'"
        );
        let head = html! {
            (DOCTYPE)
            meta charset="utf-8";
            meta http-equiv="Content-Security-Policy" content=(csp);
            meta name="viewport" content="width=device-width, initial-scale=1";
            meta name="generator" content=(concat!("driftcheck ", env!("CARGO_PKG_VERSION")));
            title { (title) }
            style { (PreEscaped(CSS)) }
        };
        let bar = html! {
            header.page {
                h1 { (title) }
                form #filters {
                    fieldset {
                        legend { "Severity" }
                        @for s in SEVERITIES { (filter(s.name())) }
                    }
                    fieldset {
                        legend { "Kind" }
                        @for k in KINDS { (filter(k.name())) }
                    }
                    label { input #only-findings type="checkbox"; " only rows with findings" }
                }
            }
        };
        write!(
            out,
            "<html lang=\"en\">{}<body>{}<main>",
            head.into_string(),
            bar.into_string()
        )?;
        Ok(Html { stories: 0 })
    }
}

impl StreamFormat for Html {
    fn shows_text(&self) -> bool {
        true
    }

    fn story(&mut self, part: &StoryPart<'_>, out: &mut dyn Write) -> io::Result<()> {
        let prefix = format!("s{}", self.stories);
        self.stories += 1;
        let section = section(part, &prefix);
        out.write_all(section.into_string().as_bytes())?;
        out.flush()
    }

    fn finish(&mut self, ending: &Ending<'_>, out: &mut dyn Write) -> io::Result<()> {
        let footer = html! {
            footer.page {
                p { (ending.summary) }
                @if let Some(b) = ending.baseline {
                    p { (b.known) " known finding(s) hidden by the baseline." }
                    @if !b.fixed.is_empty() {
                        h2 { "Fixed since the baseline (" (b.fixed.len()) ")" }
                        ul {
                            @for e in &b.fixed {
                                li {
                                    span.badge.kind { (e.kind) }
                                    @if let Some(story) = &e.story { "[" (story) "] " }
                                    (e.message)
                                }
                            }
                        }
                    }
                }
            }
        };
        writeln!(
            out,
            "</main>{}<script>{SCRIPT}</script></body></html>",
            footer.into_string()
        )?;
        out.flush()
    }
}

/// A filter checkbox with its count (filled in by the script).
fn filter(value: &str) -> Markup {
    html! {
        label {
            input type="checkbox" data-filter value=(value) checked;
            " " (value) " " span.count {}
        }
    }
}

/// One story: its documents, findings and grid.
fn section(part: &StoryPart<'_>, prefix: &str) -> Markup {
    let report = part.report;
    let lines: Vec<String> = part.lines.iter().map(usize::to_string).collect();
    html! {
        section.story id=(prefix) {
            @if let Some(key) = part.key {
                h2 { "Story " (key) @if !lines.is_empty() { " " small { "lines " (lines.join(", ")) } } }
            }
            p.summary { (summary_line(report)) }
            (documents(report, part.story))
            (findings(report, prefix))
            @if let Some(story) = part.story {
                // In a feed, stories without findings start folded.
                (side_by_side(story, report, prefix, part.key.is_none() || !report.findings.is_empty()))
            }
        }
    }
}

/// The documents: language and its confidence, encoding, path, spans.
fn documents(report: &Report, story: Option<&Story>) -> Markup {
    html! {
        table.docs {
            thead { tr { th { "Version" } th { "Language" } th { "Encoding" } th { "Path" } th { "Boilerplate" } th { "Foreign spans" } } }
            tbody {
                @for (d, doc) in report.documents.iter().enumerate() {
                    tr {
                        td { (doc.id) @if story.and_then(|s| s.reference) == Some(d) { span.ref { "reference" } } }
                        td { (doc.language) " (" (format!("{:.2}", doc.language_confidence)) ")" }
                        td { (doc.encoding) }
                        td { (doc.path) }
                        td { (doc.boilerplate.len()) }
                        td { @if let Some(s) = story { (s.foreign.get(d).map_or(0, Vec::len)) } }
                    }
                }
            }
        }
    }
}

/// The findings list; each evidence span links to its place in the grid.
fn findings(report: &Report, prefix: &str) -> Markup {
    html! {
        @if report.findings.is_empty() {
            p { "No findings." }
        } @else {
            details.findings open {
            summary { "Findings (" (report.findings.len()) ")" }
            ol.findings {
                @for (i, f) in report.findings.iter().enumerate() {
                    li.finding id=(format!("{prefix}-f{i}")) data-kind=(f.kind.name()) data-sev=(f.severity.name()) {
                        span.badge.kind { (f.kind) }
                        span class=(format!("badge sev-{}", f.severity)) { (f.severity) }
                        (f.message)
                        @if let Some(rule) = &f.rule { " " span.count { "(" (rule) ")" } }
                        ul {
                            @for (k, e) in f.evidence.iter().enumerate() {
                                li {
                                    a href=(format!("#{prefix}-f{i}-e{k}")) { (e.doc) " " (e.line) ":" (e.column) }
                                    " " span.quote { "“" (evidence_excerpt(&e.text, 120)) "”" }
                                }
                            }
                        }
                    }
                }
            }
            }
        }
    }
}

/// Each version's notes: evidence spans, foreign spans, boilerplate.
fn notes(story: &Story, report: &Report) -> Vec<Vec<(crate::span::Span, Note)>> {
    let mut notes: Vec<Vec<_>> = story
        .docs
        .iter()
        .zip(&story.foreign)
        .map(|(doc, foreign)| {
            let mut n: Vec<_> = foreign
                .iter()
                .map(|f| (f.span, Note::Foreign(f.language.clone())))
                .collect();
            n.extend(
                doc.boilerplate
                    .iter()
                    .map(|b| (b.span, Note::Boilerplate(b.reason.name()))),
            );
            n
        })
        .collect();
    for (finding, f) in report.findings.iter().enumerate() {
        for (evidence, e) in f.evidence.iter().enumerate() {
            let d = story.doc_index(&e.doc);
            if let (Some(list), Some(doc)) = (notes.get_mut(d), story.docs.get(d)) {
                let end = e.end.min(doc.text.len());
                let span = crate::span::Span::new(e.start.min(end), end);
                list.push((span, Note::Evidence { finding, evidence }));
            }
        }
    }
    notes
}

/// The versions side by side.
fn side_by_side(story: &Story, report: &Report, prefix: &str, open: bool) -> Markup {
    let grid = Grid::new(story, notes(story, report));
    html! {
        details.grid open[open] {
            summary {
                "Versions side by side (" (grid.rows.len())
                @if grid.rows.len() == 1 { " row)" } @else { " rows)" }
            }
            table.grid {
                thead {
                    tr {
                        th.n { "#" }
                        @for (d, doc) in story.docs.iter().enumerate() {
                            th {
                                (doc.id)
                                @if story.reference == Some(d) { span.ref { "reference" } }
                                span.meta { (doc.language.code) " · " (doc.encoding) }
                            }
                        }
                    }
                }
                tbody {
                    @for (r, row) in grid.rows.iter().enumerate() {
                        @let kind = match row.kind {
                            RowKind::Aligned => "aligned",
                            RowKind::Single => "single",
                            RowKind::Between => "between",
                        };
                        @let has = row.cells.iter().enumerate().any(|(d, c)| {
                            c.clone().is_some_and(|range| grid.pieces[d][range].iter().any(|p| severity(p, &grid.notes[d], report).is_some()
                                || p.starts.iter().any(|&n| grid.notes[d][n].0.is_empty())))
                        });
                        tr class=(format!("row {kind}{}", if has { " has" } else { "" })) id=(format!("{prefix}-r{r}")) {
                            td.n { (r + 1) }
                            @for (d, cell) in row.cells.iter().enumerate() {
                                @match cell {
                                    Some(range) => td.cell lang=(story.docs[d].language.code) dir="auto" {
                                        @for (i, piece) in grid.pieces[d][range.clone()].iter().enumerate() {
                                            @let text = story.docs[d].slice(piece.span);
                                            // The line breaks around a cell's text would only add blank lines.
                                            @let text = if i == 0 { text.trim_start() } else { text };
                                            @let text = if range.start + i + 1 == range.end { text.trim_end() } else { text };
                                            (piece_markup(piece, text, &grid.notes[d], report, prefix))
                                        }
                                    },
                                    None => td.none {},
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The highest severity of the findings citing a piece.
fn severity(
    piece: &Piece,
    notes: &[(crate::span::Span, Note)],
    report: &Report,
) -> Option<Severity> {
    piece
        .notes
        .iter()
        .filter_map(|&n| match notes[n].1 {
            Note::Evidence { finding, .. } => report.findings.get(finding).map(|f| f.severity),
            _ => None,
        })
        .max()
}

/// The id of a finding and of one of its evidence anchors.
fn ids(prefix: &str, finding: usize, evidence: usize) -> (String, String) {
    let f = format!("{prefix}-f{finding}");
    let e = format!("{f}-e{evidence}");
    (f, e)
}

/// One piece of text with its notes: anchors for the evidence starting
/// here, a marker for evidence of something missing, and a highlight.
fn piece_markup(
    piece: &Piece,
    text: &str,
    notes: &[(crate::span::Span, Note)],
    report: &Report,
    prefix: &str,
) -> Markup {
    let finding = |n: usize| -> Option<(usize, usize, &Finding)> {
        match notes[n].1 {
            Note::Evidence { finding, evidence } => {
                report.findings.get(finding).map(|f| (finding, evidence, f))
            }
            _ => None,
        }
    };
    let mut cited: Vec<String> = Vec::new();
    let mut titles: Vec<String> = Vec::new();
    let mut foreign = false;
    let mut boilerplate = false;
    for &n in &piece.notes {
        match &notes[n].1 {
            Note::Evidence { .. } => {
                if let Some((i, _, f)) = finding(n) {
                    let id = format!("{prefix}-f{i}");
                    if !cited.contains(&id) {
                        cited.push(id);
                        titles.push(format!("{} ({}): {}", f.kind, f.severity, f.message));
                    }
                }
            }
            Note::Foreign(lang) => {
                foreign = true;
                titles.push(format!("foreign span ({lang})"));
            }
            Note::Boilerplate(reason) => {
                boilerplate = true;
                titles.push(format!("boilerplate ({reason})"));
            }
        }
    }
    let show = severity(piece, notes, report).map_or("", |s| s.name());
    let at_start = |n: &usize| notes[*n].0.start <= piece.span.start;
    let anchors = |before: bool| -> Markup {
        html! {
            @for &n in piece.starts.iter().filter(|n| at_start(n) == before) {
                @if let Some((i, k, f)) = finding(n) {
                    @let (fid, eid) = ids(prefix, i, k);
                    @if notes[n].0.is_empty() {
                        mark.missing id=(eid) data-f=(fid) data-show=(f.severity.name())
                            title=(format!("{} ({}): {} — missing here", f.kind, f.severity, f.message)) { "⌀ missing" }
                    } @else {
                        a.anchor id=(eid) {}
                    }
                }
            }
        }
    };
    html! {
        (anchors(true))
        @if titles.is_empty() {
            (text)
        } @else {
            span .fg[foreign] .bp[boilerplate] data-f=[(!cited.is_empty()).then(|| cited.join(" "))]
                data-show=[(!show.is_empty()).then_some(show)] title=(titles.join("\n")) { (text) }
        }
        (anchors(false))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_csp_hash_is_the_scripts() {
        use base64::Engine;
        use sha2::Digest;
        let digest = sha2::Sha256::digest(SCRIPT.as_bytes());
        let hash = format!(
            "sha256-{}",
            base64::engine::general_purpose::STANDARD.encode(digest)
        );
        assert_eq!(
            SCRIPT_HASH, hash,
            "page.js changed: set SCRIPT_HASH to the new hash, or the browser will not run it"
        );
    }
}
