//! Inputs of the sizes users meet at the extremes, checked in seconds: a
//! scraped page of ten megabytes without a line break, and a results page
//! naming 40,000 people. Each once took minutes to hours (a quadratic step in
//! date extraction, in name unification); the bounds are generous for a
//! debug build, and the figures of an optimised build are in BENCHMARKS.md.

mod common;
#[path = "common/timed.rs"]
mod timed;

use std::time::Duration;

const BOUND: Duration = Duration::from_secs(60);

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
    timed::check_within("one line", text, Some("en"), 10 * BOUND);
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
    timed::check_within("names", text, Some("en"), BOUND);
}
