//! Pathological shapes that used to cost (or could cost) quadratic time: each
//! is about a megabyte and must be analysed and checked in seconds even in a
//! debug build. The bounds are generous; a quadratic step takes minutes.

mod common;

use std::time::{Duration, Instant};

use common::invariants::check_all;
use driftcheck::input::RawDocument;
use driftcheck::lexicon::Lexicons;

const SIZE: usize = 1 << 20;
const BOUND: Duration = Duration::from_secs(60);

fn repeat_to(piece: &str, size: usize) -> String {
    piece.repeat(size / piece.len() + 1)
}

fn timed_check(name: &str, text: String, language: Option<&str>) {
    timed_check_within(name, text, language, BOUND);
}

fn timed_check_within(name: &str, text: String, language: Option<&str>, bound: Duration) {
    let raws = vec![
        RawDocument {
            id: "a".into(),
            text,
            language: language.map(str::to_string),
            ..Default::default()
        },
        RawDocument {
            id: "b".into(),
            text: "The minister said on Tuesday that talks would go on.".into(),
            ..Default::default()
        },
    ];
    let started = Instant::now();
    check_all(raws, &Lexicons::embedded());
    assert!(started.elapsed() < bound, "{name}: {:?}", started.elapsed());
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

#[test]
fn ten_megabytes_on_one_line() {
    // Scraped pages often have no line breaks: every stage must be linear in
    // the length of a paragraph (the dateline test once counted the words of
    // the whole line for every date in it).
    let mut text = String::with_capacity(10 << 20);
    let mut i = 0u32;
    while text.len() < 10 << 20 {
        text.push_str(&format!(
            "On {} March 2024 the ministry said {} people had left, and Ana Lima said on Friday \
             that talks would resume on 2024-04-{:02}. ",
            i % 28 + 1,
            1000 + i % 9000,
            i % 28 + 1
        ));
        i += 1;
    }
    // Ten times the other shapes, so ten times their bound (a debug build
    // takes about a minute; the quadratic steps took hours).
    timed_check_within("one line", text, Some("en"), 10 * BOUND);
}

#[test]
fn forty_thousand_distinct_people() {
    // A results page (about a megabyte): every name once. Name unification
    // once compared every pair of names.
    let syllables = [
        "ka", "lo", "mi", "ren", "tor", "van", "bel", "sa", "dri", "no",
    ];
    let word = |n: usize| -> String {
        let mut w: String = [n % 10, n / 10 % 10, n / 100 % 10]
            .iter()
            .map(|&k| syllables[k])
            .collect();
        w[..1].make_ascii_uppercase();
        w
    };
    let mut text = String::new();
    for i in 0..40_000 {
        if i % 5 == 0 {
            text.push_str("Finishers of the regional race: ");
        }
        let sep = if i % 5 == 4 { ".\n\n" } else { ", " };
        // (i % 1000, i / 1000 + 100 × (i % 7)) differs for every i.
        text.push_str(&format!(
            "{} {}{sep}",
            word(i % 1000),
            word(i / 1000 + 100 * (i % 7))
        ));
    }
    timed_check("names", text, Some("en"));
}
