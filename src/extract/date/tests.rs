//! Table-driven extraction cases, one row per case:
//! `(publication date or "", input, expected)`, where `expected` lists every
//! date found as `text => date..end wd5 rel:day-1`, separated by `; `.

use super::*;
use crate::input::RawDocument;
use crate::lexicon::Lexicons;

fn doc(lang: &str, published: &str, text: &str) -> Document {
    let raw = RawDocument {
        id: "t".into(),
        text: text.into(),
        language: Some(lang.into()),
        published: (!published.is_empty()).then(|| published.to_string()),
        ..Default::default()
    };
    Document::analyze(raw, &Lexicons::embedded())
}

fn facts(lang: &str, published: &str, text: &str) -> (Document, DateFacts) {
    let lexicons = Lexicons::embedded();
    let d = doc(lang, published, text);
    let f = extract(&d, lexicons.lang(lang));
    (d, f)
}

fn render(doc: &Document, d: &DateFact) -> String {
    let mut s = format!("{} =>", doc.slice(d.span));
    if let Some(date) = d.date() {
        s += &format!(" {date}");
    }
    if let Some(end) = d.date_end() {
        s += &format!("..{end}");
    }
    if let Some(w) = d.weekday {
        s += &format!(" wd{w}");
    }
    if let Some(r) = d.relative {
        s += &format!(" rel:{:?}{:+}", r.unit, r.offset);
    }
    s
}

fn run(lang: &str, rows: &[(&str, &str, &str)]) {
    let mut failures = Vec::new();
    for (published, input, expected) in rows {
        let (d, f) = facts(lang, published, input);
        let got: Vec<String> = f.dates.iter().map(|x| render(&d, x)).collect();
        let got = got.join("; ");
        if got != *expected {
            failures.push(format!("[{lang}] {input:?}\n   expected: {expected}\n   got:      {got}"));
        }
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

/// Publication date used by the relative rows: a Thursday.
const PUB: &str = "2024-12-05";

#[test]
fn english() {
    run(
        "en",
        &[
            ("", "The summit on 3-4 December 2024 ended.", "3-4 December 2024 => 2024-12-03..2024-12-04"),
            ("", "Leaders meet December 3-4, 2024 in Brussels.", "December 3-4, 2024 => 2024-12-03..2024-12-04"),
            ("", "Talks were held Dec. 3-4 in Brussels.", "Dec. 3-4 => --12-03..--12-04"),
            ("", "The vote is on 3 December.", "3 December => --12-03"),
            ("", "The vote is on December 3.", "December 3 => --12-03"),
            ("", "It opened on the 3rd of December.", "3rd of December => --12-03"),
            ("", "He signed it on December 3rd, 2024.", "December 3rd, 2024 => 2024-12-03"),
            ("", "Filed on 2024-12-03 at noon.", "2024-12-03 => 2024-12-03"),
            ("", "Dated 25/12/2024.", "25/12/2024 => 2024-12-25"),
            ("", "Dated 12/25/2024.", "12/25/2024 => 2024-12-25"),
            ("", "Dated 03/04/2024.", "03/04/2024 => 2024"),
            ("", "Dated 12/25/2024 and 03/04/2024.", "12/25/2024 => 2024-12-25; 03/04/2024 => 2024-03-04"),
            ("", "On 3 December and on 03/04/2024.", "3 December => 2024-12-03; 03/04/2024 => 2024-04-03"),
            ("", "The invasion began in February 2022.", "February 2022 => 2022-02"),
            ("", "Prices rose in 2023.", "2023 => 2023"),
            ("", "In 2023 prices rose.", "2023 => 2023"),
            ("", "Since the 2022 invasion, exports fell.", "2022 => 2022"),
            ("", "About 2000 soldiers were sent.", ""),
            ("", "The 2000 soldiers arrived.", ""),
            ("", "It costs $2024 and 2024.5 units.", ""),
            ("", "It may rain in May.", "May => --05"),
            ("", "You may go. March on!", ""),
            ("", "Between March and May prices fell.", "March and May => --03..--05"),
            ("", "The fair runs from 3 to 5 December.", "3 to 5 December => --12-03..--12-05"),
            ("", "It ran from 30 November to 2 December 2024.", "30 November to 2 December 2024 => 2024-11-30..2024-12-02"),
            ("", "He served from 2014 to 2022.", "2014 to 2022 => 2014..2022"),
            ("", "Sunday, December 1, 2024 was cold.", "Sunday, December 1, 2024 => 2024-12-01 wd7"),
            ("", "Sun. and Sat. are short; the Sun.", ""),
            ("", "KYIV, Nov 14 (Reuters) - Talks began.", "Nov 14 => --11-14"),
            ("", "The meeting starts at 10:30 and ends at 3 p.m.", ""),
            ("", "They won 3-4 in March.", "March => --03"),
            (PUB, "The minister spoke on Friday.", "Friday => 2024-11-29 wd5"),
            (PUB, "He arrived this Friday (29).", "this Friday (29) => 2024-11-29 wd5 rel:Weekday+0"),
            (PUB, "They meet next Friday.", "next Friday => 2024-12-06 wd5 rel:Weekday+1"),
            (PUB, "They met last Friday.", "last Friday => 2024-11-29 wd5 rel:Weekday-1"),
            (PUB, "It happened yesterday.", "yesterday => 2024-12-04 rel:Day-1"),
            ("", "It happened yesterday.", "yesterday => rel:Day-1"),
            (PUB, "Talks resume next week.", "next week => 2024-12-09..2024-12-15 rel:Week+1"),
            (PUB, "Sales fell last month.", "last month => 2024-11 rel:Month-1"),
            (PUB, "Growth this year was weak.", "this year => 2024 rel:Year+0"),
            (PUB, "Last year's growth was weak.", "Last year's => 2023 rel:Year-1"),
            (PUB, "The vote is on December 3.", "December 3 => 2024-12-03"),
            (PUB, "It was agreed 3 days ago.", "3 days ago => 2024-12-02 rel:Day-3"),
            (PUB, "It was agreed last December.", "last December => 2023-12 rel:NamedMonth-1"),
            ("2025-01-04", "The vote was on December 30.", "December 30 => 2024-12-30"),
        ],
    );
}
