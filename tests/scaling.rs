//! Pathological shapes that used to cost (or could cost) quadratic time: each
//! is about a megabyte and must be analysed and checked in seconds even in a
//! debug build. The bounds are generous; a quadratic step takes minutes.
//! Inputs ten times as large are in `huge_inputs.rs` (a test binary of their
//! own, so they do not run beside these and stretch their times).

mod common;
#[path = "common/timed.rs"]
mod timed;

use std::time::Duration;

const SIZE: usize = 1 << 20;
const BOUND: Duration = Duration::from_secs(60);

fn repeat_to(piece: &str, size: usize) -> String {
    piece.repeat(size / piece.len() + 1)
}

fn timed_check(name: &str, text: String, language: Option<&str>) {
    timed::check_within(name, text, language, BOUND);
}

#[test]
fn glued_fragments_without_spaces() {
    timed_check("initials", repeat_to("J.中", SIZE), Some("en"));
    timed_check("abbreviations", repeat_to("e.g.", SIZE), Some("en"));
}

#[test]
fn many_captions_and_paragraphs() {
    // Every caption is a candidate container for every story paragraph.
    let mut text = String::new();
    let mut i = 0;
    while text.len() < SIZE {
        text.push_str(&format!(
            "Photo: the ministers meet in the capital, number {i}\n\nThe ministers met again in the capital on day {i} of talks.\n\n"
        ));
        i += 1;
    }
    timed_check("captions", text, Some("en"));
}

#[test]
fn many_foreign_runs_and_findings() {
    // Thousands of foreign spans, each cited with line and column.
    timed_check(
        "foreign",
        repeat_to(
            "The plan was called an escalation [das negociações] by critics. ",
            SIZE,
        ),
        Some("en"),
    );
    timed_check(
        "one line of foreign words",
        repeat_to("das negociações para ", SIZE),
        Some("en"),
    );
}

#[test]
fn many_short_lines_of_boilerplate() {
    timed_check("vote lines", repeat_to("-4 ( +4 / -8 )\n", SIZE), None);
    timed_check(
        "links",
        repeat_to("https://example.org/a\nRelated\n", SIZE),
        None,
    );
}

#[test]
fn unbalanced_marks() {
    timed_check("brackets", repeat_to("[das (de « „ ", SIZE), Some("pt"));
}

#[test]
fn many_quotes_with_speakers_names_and_dates() {
    // Every quote once looked at every word, and every number at every date.
    let piece = "\"We will not accept this proposal,\" Olena Kovalenko told reporters \
on 3 December 2024, adding that 1,200 workers had joined. Marco Rossi said on Friday \
that talks would resume on 10 December.\n\n";
    timed_check("many quotes", repeat_to(piece, SIZE), Some("en"));
}

#[test]
fn many_distinct_quotes_in_one_version() {
    // Every quote was once compared with every cluster of quotes.
    let text: String = (0..6000)
        .map(|i| format!("\"Plan {i} moves ahead in district {i},\" Ana Lima said.\n\n"))
        .collect();
    timed_check("distinct quotes", text, Some("en"));
}
