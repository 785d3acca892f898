//! Dates and times in the text: absolute dates in every common written and
//! numeric form, ranges, weekdays and relative expressions ("yesterday",
//! "la semaine prochaine"), resolved against the publication date when one is
//! known.
//!
//! Rules worth knowing (the grammar is in `date/grammar.rs`, the words in
//! `lexicons/<lang>/date_words.txt` and `relative_dates.txt`):
//! - A 4-digit number from 1900 to 2100 standing alone is a year unless it
//!   counts something: it is a year after a `year_prep` word ("in 2023",
//!   "seit 2014"), before a year marker ("2023 року"), before punctuation, the
//!   end, a function word or a month; after an `attributive` word or a
//!   possessive ("the 2022 invasion", "Russia's 2022 invasion", "a invasão de
//!   2022") unless the next word ends like a plural
//!   noun ("the 2000 soldiers", "de 2000 pessoas"). Before any other word it
//!   is taken as a count ("2000 soldiers", "2000 Menschen").
//! - Numeric dates: ISO `2024-12-03` everywhere; `03.12.2024` day first
//!   everywhere (the month-first habit writes slashes); `03/12/2024` day
//!   first except where the lexicon says `numeric: mdy` or `auto`. With
//!   `auto` (English) a part above 12 is the day; when both parts are 12 or
//!   less the document decides: the order of its other numeric dates that
//!   are unambiguous, else the order of its written dates ("December 3" reads
//!   month first); else only the year is kept and the fact is flagged
//!   [`DateFact::ambiguous_order`].
//! - Month names that are also other words ("May", "March", "mars") and
//!   abbreviations ("Dec.", "sex.") are dates only next to a day or a year,
//!   or after a `prep` word; in languages that capitalise month names a
//!   lower-case "may" is never one. Weekday abbreviations are only taken in
//!   front of a date ("Fri., Dec. 3").
//! - A weekday resolves against the publication date: alone ("on Friday")
//!   to the most recent such day on or before it (news reports the past);
//!   "this Friday" to the day in the same Monday–Sunday week; "last Friday" to
//!   the most recent strictly before, "next Friday" to the first strictly
//!   after. "this Friday (29)" takes the day of the month from the
//!   parentheses and the month nearest the publication date.
//! - A date without a year takes the year that puts it nearest the
//!   publication date; without one, the year of the document's written dates
//!   with a month (outside boilerplate) when they all share one year;
//!   otherwise it stays `--12-03`.
//! - A relative phrase whose first word is capitalised in mid-sentence is a
//!   name ("Japan Today"), not a date.
//! - The publication date is [`Document::published`]; failing that, a date
//!   with day, month and year near the top that boilerplate marked as a
//!   dateline (among the first eight paragraphs) or that is followed by an
//!   agency in parentheses ("(Reuters)") or stands on a short line among the
//!   first three paragraphs. A dateline without a year is no reference.

mod calendar;
mod compare;
mod grammar;
pub mod lexicon;
mod resolve;
mod token;

#[cfg(test)]
mod tests;

use serde::Serialize;

use crate::document::Document;
use crate::lexicon::LangLexicon;
use crate::span::Span;
pub use lexicon::{DateLexicon, RelativeUnit};

/// A date with as much precision as the text gives.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct PartialDate {
    /// The year, when known.
    pub year: Option<i32>,
    /// The month (1-12), when known.
    pub month: Option<u8>,
    /// The day of the month, when known.
    pub day: Option<u8>,
}

impl PartialDate {
    /// A date with year, month and day.
    pub const fn ymd(year: i32, month: u8, day: u8) -> Self {
        Self {
            year: Some(year),
            month: Some(month),
            day: Some(day),
        }
    }

    /// True when nothing is known.
    pub fn is_empty(&self) -> bool {
        self.year.is_none() && self.month.is_none() && self.day.is_none()
    }

    /// The ISO 8601 rendering at the precision known: `2024`, `2024-12`,
    /// `2024-12-03`, `--12-03` and `--12` without a year, `---29` for a day
    /// alone; `None` when nothing is known.
    pub fn iso(&self) -> Option<String> {
        match (self.year, self.month, self.day) {
            (Some(y), Some(m), Some(d)) => Some(format!("{y:04}-{m:02}-{d:02}")),
            (Some(y), Some(m), None) => Some(format!("{y:04}-{m:02}")),
            (Some(y), None, _) => Some(format!("{y:04}")),
            (None, Some(m), Some(d)) => Some(format!("--{m:02}-{d:02}")),
            (None, Some(m), None) => Some(format!("--{m:02}")),
            (None, None, Some(d)) => Some(format!("---{d:02}")),
            (None, None, None) => None,
        }
    }
}

/// A relative expression: a count of units from the publication date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Relative {
    /// What is counted.
    pub unit: RelativeUnit,
    /// How many: -1 "yesterday", "last week"; 0 "this year"; 1 "next month".
    pub offset: i32,
}

/// A date found in a document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DateFact {
    /// The words of the date, e.g. "3 e 4 de dezembro de 2024".
    pub span: Span,
    /// The date, or the first day of a range, as precise as known
    /// (after resolution and year inference).
    pub start: PartialDate,
    /// The last day of a range.
    pub end: Option<PartialDate>,
    /// The weekday named (ISO, 1 = Monday), when one is.
    pub weekday: Option<u8>,
    /// The relative expression, when the date is one.
    pub relative: Option<Relative>,
    /// True when parts of `start`/`end` were not written but inferred: a year
    /// taken from the context, a weekday or relative expression resolved
    /// against the publication date.
    pub resolved: bool,
    /// True for a numeric date whose day/month order could not be decided:
    /// `start` then keeps only the year.
    pub ambiguous_order: bool,
    /// True when the date lies in boilerplate (a dateline, a caption ...).
    pub boilerplate: bool,
}

/// A clock time found in a document ("10:30", "21h50", "3 p.m.").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct TimeFact {
    /// The words of the time.
    pub span: Span,
    /// Hour, 0-23.
    pub hour: u8,
    /// Minute, 0-59.
    pub minute: u8,
}

/// The dates and times of a document.
#[derive(Clone, Debug, Default)]
pub struct DateFacts {
    /// Dates in text order.
    pub dates: Vec<DateFact>,
    /// Clock times in text order.
    pub times: Vec<TimeFact>,
    /// The date relative expressions were resolved against, when known.
    pub reference: Option<PartialDate>,
}

impl DateFact {
    /// The ISO rendering of the date (see [`PartialDate::iso`]); `None` for an
    /// unresolved weekday or relative expression, and for a day of the month
    /// alone ("this Friday (29)" without a publication date), which the
    /// facts report cannot write; `start.day` keeps it for comparisons.
    pub fn date(&self) -> Option<String> {
        if self.start.year.is_none() && self.start.month.is_none() {
            return None;
        }
        self.start.iso()
    }

    /// The ISO rendering of the end of a range.
    pub fn date_end(&self) -> Option<String> {
        self.end.and_then(|e| e.iso())
    }

    /// True when the two dates could be the same: nothing known of both
    /// differs. A date inside a range, a month containing a day, a year
    /// containing a month are compatible; two ranges are compatible only when
    /// their starts and their ends are. This is `!self.conflicts(other)`.
    pub fn compatible(&self, other: &DateFact) -> bool {
        !self.conflicts(other)
    }

    /// True when the two dates are definitely different: a day, month or year
    /// both give differs (for ranges: their start or end does); a single date
    /// lies outside the other's range; two named weekdays differ, or a named
    /// weekday is not the weekday of the other's full date; two unresolved
    /// relative expressions of the same unit have different offsets.
    pub fn conflicts(&self, other: &DateFact) -> bool {
        compare::conflicts(self, other)
    }
}

/// True when a span overlaps a date or a time: numbers there are parts of a
/// date (a day, a year) or a clock time, not quantities.
pub fn covers(dates: &[DateFact], times: &[TimeFact], span: Span) -> bool {
    // Both lists are in text order and do not nest: a binary search finds
    // the few that can overlap.
    crate::span::overlapping(dates, span, 2, |d| d.span)
        .next()
        .is_some()
        || crate::span::overlapping(times, span, 2, |t| t.span)
            .next()
            .is_some()
}

/// The dates and times of a document, resolved against its publication date
/// (or its dateline) where it has one.
pub fn extract(doc: &Document, lex: &LangLexicon) -> DateFacts {
    let published = doc.published.as_deref().and_then(parse_published);
    // One paragraph at a time: nothing joins across paragraphs, and the
    // tokens of one paragraph are all that is held.
    let mut found = grammar::Found::default();
    for p in &doc.paragraphs {
        let shift = p.span.start;
        let mut part = grammar::scan(doc.slice(p.span), lex);
        for d in &mut part.dates {
            d.span = d.span.shift(shift);
        }
        for t in &mut part.times {
            t.span = t.span.shift(shift);
        }
        found.dates.append(&mut part.dates);
        found.times.append(&mut part.times);
    }
    resolve::resolve(
        found,
        published,
        |span| top_line(doc, span),
        |span| doc.is_boilerplate(span),
    )
}

/// The publication date of an RFC 3339 date or date-time ("2024-11-29",
/// "2024-11-29T21:50:00Z").
pub fn parse_published(s: &str) -> Option<PartialDate> {
    let s = s.trim();
    let part = |r: std::ops::Range<usize>| s.get(r).and_then(|p| p.parse::<u32>().ok());
    let (year, month, day) = (part(0..4)?, part(5..7)?, part(8..10)?);
    let (month, day) = (u8::try_from(month).ok()?, u8::try_from(day).ok()?);
    let year = i32::try_from(year).ok()?;
    (s.as_bytes().get(4) == Some(&b'-')
        && s.as_bytes().get(7) == Some(&b'-')
        && calendar::valid(Some(year), month, day))
    .then_some(PartialDate::ymd(year, month, day))
}

/// Whether a span may hold the document's dateline (`None` when not) and
/// whether its paragraph is a dateline line: one boilerplate marked so among
/// the first eight paragraphs (page furniture comes first), or a short line
/// among the first three.
fn top_line(doc: &Document, span: Span) -> Option<bool> {
    let (k, p) = doc
        .paragraphs
        .iter()
        .enumerate()
        .take(8)
        .find(|(_, p)| p.span.contains(&span))?;
    if p.boilerplate == Some(crate::document::Reason::Dateline) {
        return Some(true);
    }
    // Stop counting at the ninth word: a long paragraph is no dateline, and
    // counting all its words for every date in it would be quadratic.
    (k < 3).then(|| doc.slice(p.span).split_whitespace().nth(8).is_none())
}
