//! The date grammar: finds dates, relative expressions and clock times in the
//! token stream of one paragraph, left to right, taking the longest reading
//! at each token. Every element is bounded to a few tokens, so a scan is
//! linear.
//!
//! A date is built from parts: a day ("3", "3rd", "3.", "1º", "18-го"), a
//! month name, a year, glued by spaces, "of" words, commas, or without
//! spaces by `-`, `/` and `.` ("05-Aug-2016", "2019/aug/01", "Jan-1").
//! Numeric dates are read in the order their language writes them, or the
//! other order when only that one is a date ("04/21/2016" in a day-first
//! language). A range joins two dates, the first taking what it lacks from
//! the second ("from 13 to the 15th of July", "14.10. - 15.10.2018", "du 13
//! au dimanche 15 juillet").

use super::lexicon::{DateWords, NumericOrder, Offset, Slot, slot_key};
use super::token::{Kind, Token, tokenize};
use super::{PartialDate, Relative, RelativeUnit, TimeFact, calendar};
use crate::hash::HashSet;
use crate::lexicon::{FormTable, LangLexicon};
use crate::span::Span;

/// The most days a list or range of days may name ("3, 4 and 5 December").
const MAX_DAYS: usize = 8;
/// The most words skipped after a range separator ("au dimanche", "hasta
/// el próximo").
const MAX_FILLERS: usize = 3;

/// How a date was written, for the day/month order of numeric dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Order {
    /// "3 December", 03/12.
    DayMonth,
    /// "December 3", 12/03.
    MonthDay,
}

/// A date as found, before resolution.
#[derive(Clone, Debug, Default)]
pub struct RawDate {
    /// The words of the date.
    pub span: Span,
    /// The date or the start of a range, as written.
    pub start: PartialDate,
    /// The end of a range, as written.
    pub end: Option<PartialDate>,
    /// The weekday named.
    pub weekday: Option<u8>,
    /// The relative expression.
    pub relative: Option<Relative>,
    /// The order this date was written in, when it shows one.
    pub order: Option<Order>,
    /// A numeric date whose order is open: the two parts as written.
    pub open: Option<(u8, u8)>,
    /// Followed by an agency in parentheses ("Nov 14 (Reuters)").
    pub agency: bool,
    /// Written in digits (its order says how the document writes numeric dates).
    pub numeric: bool,
}

impl RawDate {
    /// A month of a year, without a day.
    fn month_of(year: i32, month: u8) -> RawDate {
        RawDate {
            start: PartialDate {
                year: Some(year),
                month: Some(month),
                day: None,
            },
            ..RawDate::default()
        }
    }
}

/// What a scan finds.
#[derive(Debug, Default)]
pub struct Found {
    /// Dates in text order.
    pub dates: Vec<RawDate>,
    /// Clock times in text order.
    pub times: Vec<TimeFact>,
}

/// Scans one paragraph for dates and times, spans relative to `text`.
pub fn scan(text: &str, lex: &LangLexicon) -> Found {
    let toks = tokenize(text);
    let mut g = Grammar {
        text,
        t: &toks,
        lex,
        w: &lex.dates.words,
        months: Vec::new(),
        weekdays: Vec::new(),
    };
    // Every rule asks for the month and weekday at a token, many times
    // over: look each up once.
    g.months = (0..toks.len())
        .map(|i| g.name(i, &lex.months, g.w.capitalized_months))
        .collect();
    g.weekdays = (0..toks.len())
        .map(|i| {
            g.name(i, &lex.weekdays, g.w.capitalized_weekdays)
                .filter(|n| !n.habitual)
        })
        .collect();
    let mut found = Found::default();
    let mut i = 0;
    while i < toks.len() {
        if let Some((time, end)) = g.time(i) {
            found.times.push(time);
            i = end;
            continue;
        }
        match g.date(i) {
            Some((date, end)) => {
                found.dates.extend(date);
                i = end.max(i + 1);
            }
            None => i += 1,
        }
    }
    found
}

/// A month or weekday name at a token.
#[derive(Clone, Copy, Debug)]
struct Name {
    value: u8,
    end: usize,
    /// An abbreviation: never a date on its own.
    short: bool,
    /// Also another word: a date only next to a number or after a `prep`.
    ambiguous: bool,
    habitual: bool,
    /// Written in lower case in a language that capitalises such names:
    /// a date only next to a number ("march 3", not "they march").
    lower: bool,
}

/// What comes before a date, which decides forms that are dates only in
/// context.
#[derive(Clone, Copy, Debug, Default)]
struct Context {
    /// A word before says a date follows ("on", "le", "am", a weekday).
    cue: bool,
    /// A weekday comes before ("Montag, Februar 18").
    weekday: bool,
    /// The second end of a range.
    range: bool,
}

impl Context {
    const RANGE: Context = Context {
        cue: true,
        weekday: false,
        range: true,
    };
}

/// One piece of a glued date ("05-Aug-2016").
#[derive(Clone, Copy)]
enum Piece {
    Day(u8),
    Month(u8),
    Year(i32),
}

struct Grammar<'a> {
    text: &'a str,
    t: &'a [Token],
    lex: &'a LangLexicon,
    w: &'a DateWords,
    /// The month name at each token.
    months: Vec<Option<Name>>,
    /// The weekday name at each token (habitual forms excluded).
    weekdays: Vec<Option<Name>>,
}

fn is_dash(t: &Token) -> bool {
    matches!(t.kind, Kind::Punct('-' | '–' | '—' | '‐' | '‑' | '−'))
}

/// A date with a day and a month from what a part gives.
fn day_month_date(day: u8, month: u8, year: Option<i32>) -> PartialDate {
    PartialDate {
        year,
        month: Some(month),
        day: Some(day),
    }
}

impl Grammar<'_> {
    fn tok(&self, i: usize) -> Option<&Token> {
        self.t.get(i)
    }

    /// The token at `i` when nothing (not even a space) comes before it.
    fn adjacent(&self, i: usize) -> Option<&Token> {
        self.t.get(i).filter(|t| !t.gap)
    }

    fn word_in(&self, i: usize, set: &HashSet<String>) -> bool {
        self.tok(i)
            .is_some_and(|t| t.is_word() && set.contains(&t.key))
    }

    fn is_punct(&self, i: usize, c: char) -> bool {
        self.tok(i).is_some_and(|t| t.is(c))
    }

    /// True when the token at `i` starts a line or follows sentence
    /// punctuation, where any word may be capitalised.
    fn sentence_start(&self, i: usize) -> bool {
        i == 0
            || self.t[i].line_start
            || matches!(self.t[i - 1].kind, Kind::Punct(c) if ".!?:;\"“”«»„()[]–—-•*#>".contains(c))
    }

    /// True when the word before `i` is a `prep` word.
    fn prep_before(&self, i: usize) -> bool {
        i > 0 && self.word_in(i - 1, &self.w.prep)
    }

    /// True when the word before `i` says a date follows: a `prep` word, an
    /// article, a weekday, or an opening parenthesis.
    fn cue_before(&self, i: usize) -> bool {
        i > 0
            && (self.prep_before(i)
                || self.word_in(i - 1, &self.w.article)
                || self.weekday(i - 1).is_some()
                || self.is_punct(i - 1, '('))
    }

    /// True when the tokens before `i` and from `end` on leave it alone on
    /// its line (a table cell, a dateline, a fragment).
    fn alone_on_line(&self, i: usize, end: usize) -> bool {
        self.t[i].line_start && self.t.get(end).is_none_or(|t| t.line_start)
    }

    /// A number that starts here and is not the tail of something else
    /// ("A3", "1.234", "$2000", "$ 12", "10:30").
    fn starts_number(&self, i: usize) -> bool {
        let Some(t) = self.tok(i) else { return false };
        if i == 0 {
            return true;
        }
        let prev = &self.t[i - 1];
        if matches!(prev.kind, Kind::Punct('$' | '€' | '£' | '¥' | '₴' | '₽')) {
            return false;
        }
        if t.gap {
            return true;
        }
        match prev.kind {
            Kind::Num(_) | Kind::Word => false,
            // "says:30 December", but not "10:30".
            Kind::Punct(':') => i >= 2 && self.t[i - 2].is_word(),
            Kind::Punct(c) => !".,/$€£¥#№+=^_".contains(c),
        }
    }

    /// True when the number at `i` goes on as a time, a decimal, a
    /// percentage or a group of thousands rather than ending.
    fn continues_number(&self, i: usize) -> bool {
        if let Some(n) = self.tok(i + 1).filter(|n| n.gap) {
            // "2 000": a group of thousands.
            return self.t[i].digits() <= 3
                && n.digits() == 3
                && self.adjacent(i + 2).is_none_or(|t| t.num().is_none());
        }
        let Some(next) = self.adjacent(i + 1) else {
            return false;
        };
        let then_digit = self.adjacent(i + 2).is_some_and(|t| t.num().is_some());
        match next.kind {
            Kind::Punct(':' | ',') => then_digit,
            // "3.5", but "16.11.2016" and "15.2." are dates.
            Kind::Punct('.') => then_digit && !self.dotted_date_follows(i),
            Kind::Punct('%' | '‰') => true,
            Kind::Word => next.key == "h" && then_digit,
            _ => false,
        }
    }

    /// True when the tokens from `i` read "d.m." or "d.m.yyyy".
    fn dotted_date_follows(&self, i: usize) -> bool {
        let small = |k: usize| {
            self.adjacent(k)
                .is_some_and(|t| (1..=2).contains(&t.digits()))
        };
        small(i)
            && self.adjacent(i + 1).is_some_and(|t| t.is('.'))
            && small(i + 2)
            && self.adjacent(i + 3).is_some_and(|t| t.is('.'))
    }

    fn name(&self, i: usize, table: &FormTable, capitalized: bool) -> Option<Name> {
        let t = self.tok(i).filter(|t| t.is_word())?;
        let written = t.span.slice(self.text);
        let lower = |w: &str| capitalized && !crate::text::is_capitalized(w);
        if table.get_folded(&t.key).is_none() {
            // "mid-December", "Friday-Jun": a word glued by a hyphen before
            // the name; "d'avril": an elided word before it.
            for mark in ['-', '\''] {
                // Most words hold neither: a byte test before any splitting.
                if !t.key.bytes().any(|b| b == mark as u8) {
                    continue;
                }
                let (Some((before, name)), Some((_, written))) = (
                    t.key.rsplit_once(mark),
                    written.rsplit_once(['-', '\'', '’']),
                ) else {
                    continue;
                };
                let glued = if mark == '-' {
                    self.w.prep.contains(before) || self.lex.weekdays.get_folded(before).is_some()
                } else {
                    let elided = format!("{before}'");
                    self.w.of.contains(&elided) || self.w.prep.contains(&elided)
                };
                if let Some(value) = table.get_folded(name).filter(|_| glued) {
                    let mut n = self.named(value, i + 1, name);
                    n.lower = lower(written);
                    return Some(n);
                }
            }
        }
        if self.adjacent(i + 1).is_some_and(|d| d.is('.')) {
            let dotted = format!("{}.", t.key);
            if let Some(value) = table.get_folded(&dotted) {
                let mut n = self.named(value, i + 2, &dotted);
                n.lower = lower(written);
                return Some(n);
            }
        }
        let value = table.get_folded(&t.key)?;
        let mut n = self.named(value, i + 1, &t.key);
        n.lower = lower(written);
        Some(n)
    }

    fn named(&self, value: u8, end: usize, key: &str) -> Name {
        let d = &self.lex.dates;
        Name {
            value,
            end,
            short: d.short_forms.contains(key),
            ambiguous: d.words.ambiguous.contains(key),
            habitual: d.words.habitual.contains(key),
            lower: false,
        }
    }

    fn month(&self, i: usize) -> Option<Name> {
        self.months.get(i).copied().flatten()
    }

    fn weekday(&self, i: usize) -> Option<Name> {
        self.weekdays.get(i).copied().flatten()
    }

    /// A day number with its ordinal suffix, not checked for what precedes.
    fn day_inner(&self, i: usize) -> Option<(u8, usize)> {
        let t = self.tok(i)?;
        let n = t
            .num()
            .filter(|n| (1..=31).contains(n) && t.digits() <= 2)?;
        if self.continues_number(i) {
            return None;
        }
        let mut end = i + 1;
        if let Some(s) = self.adjacent(end) {
            let ordinal = &self.w.ordinal;
            let suffix = (s.is_word() && ordinal.contains(&s.key))
                || (s.is('.') && ordinal.contains("."))
                || (s.is('°') && ordinal.contains("°"));
            if suffix {
                end += 1;
            } else if s.is('.')
                && self
                    .adjacent(end + 1)
                    .is_some_and(|w| w.is_word() && ordinal.contains(&w.key))
            {
                // "1.º de junio"
                end += 2;
            } else if is_dash(s)
                && self
                    .adjacent(end + 1)
                    .is_some_and(|w| w.is_word() && ordinal.contains(&format!("-{}", w.key)))
            {
                end += 2;
            }
        }
        Some((n as u8, end))
    }

    /// A day number that starts a date.
    fn day(&self, i: usize) -> Option<(u8, usize)> {
        self.starts_number(i).then(|| self.day_inner(i)).flatten()
    }

    /// A four-digit year in a date ("December 2024"), with its marker
    /// ("2024 року", "2024 г.", "2005г.").
    fn year(&self, i: usize) -> Option<(i32, usize)> {
        let t = self.tok(i)?;
        let n = t
            .num()
            .filter(|n| (1000..=2999).contains(n) && t.digits() == 4)?;
        if self.continues_number(i) || self.adjacent(i + 1).is_some_and(|n| n.num().is_some()) {
            return None;
        }
        Some((n as i32, self.year_marker(i + 1).unwrap_or(i + 1)))
    }

    /// The end of a year marker at `i`, when there is one.
    fn year_marker(&self, i: usize) -> Option<usize> {
        let t = self.tok(i).filter(|t| t.is_word())?;
        let markers = &self.w.year_marker;
        if self.adjacent(i + 1).is_some_and(|d| d.is('.'))
            && markers.contains(&format!("{}.", t.key))
        {
            return Some(i + 2);
        }
        markers.contains(&t.key).then_some(i + 1)
    }

    /// The year after a month or a day-month: "2024", ", 2024", "de 2024",
    /// "in 2020", "de l'année 2016".
    fn year_after(&self, j: usize) -> Option<(i32, usize)> {
        let mut k = j;
        if self.is_punct(k, ',') {
            k += 1;
        }
        if self.word_in(k, &self.w.of) || self.word_in(k, &self.w.year_link) {
            k += 1;
        }
        if self.word_in(k, &self.w.year_word) {
            k += 1;
        }
        self.year(k)
    }

    /// A separator between the two ends of a range; in a `list` of days
    /// also a comma or a conjunction, which join two dates only `between`
    /// ("between March and May"; "on 2/15 and on 11/22" are two dates).
    /// The index after it.
    fn range_sep(&self, j: usize, list: bool, between: bool) -> Option<usize> {
        let t = self.tok(j)?;
        if is_dash(t) || self.word_in(j, &self.w.range) {
            let k = j + 1;
            // "fino al", "hasta el": a second range word.
            return Some(if self.word_in(k, &self.w.range) {
                k + 1
            } else {
                k
            });
        }
        if t.is('/') || ((list || between) && self.word_in(j, &self.w.and)) {
            return Some(j + 1);
        }
        if list && t.is(',') {
            let joined = self.word_in(j + 1, &self.w.range) || self.word_in(j + 1, &self.w.and);
            return Some(if joined { j + 2 } else { j + 1 });
        }
        None
    }

    /// True when a `between` word (and maybe an article) comes before `i`.
    fn between_before(&self, i: usize) -> bool {
        (i > 0 && self.word_in(i - 1, &self.w.between))
            || (i > 1
                && self.word_in(i - 1, &self.w.article)
                && self.word_in(i - 2, &self.w.between))
    }

    /// The positions where the second end of a range may start after a
    /// separator: right there, or after articles, weekdays and `prep` words
    /// ("au dimanche 15", "et le 22", "a próximo 19/05").
    fn after_fillers(&self, k: usize) -> [usize; 2] {
        let mut j = k;
        while j < k + MAX_FILLERS {
            let filler = self.word_in(j, &self.w.article)
                || self.word_in(j, &self.w.prep)
                || self.weekday(j).is_some();
            if !filler {
                break;
            }
            j = self.weekday(j).map_or(j + 1, |w| w.end);
            if self.is_punct(j, ',') {
                j += 1;
            }
        }
        [k, j]
    }

    /// One day or several ("3", "3-4", "3 e 4", "3, 4 and 5", "3. bis 5.",
    /// "13 au dimanche 15", "4 et le 22").
    fn days(&self, i: usize) -> Option<(Vec<u8>, usize)> {
        Some(self.more_days(self.day(i)?))
    }

    /// The days of a list or range after its first.
    fn more_days(&self, (first, mut end): (u8, usize)) -> (Vec<u8>, usize) {
        let mut days = vec![first];
        while days.len() < MAX_DAYS {
            let Some(k) = self.range_sep(end, true, true) else {
                break;
            };
            let Some((d, e)) = self
                .after_fillers(k)
                .into_iter()
                .find_map(|k| self.day_inner(k))
            else {
                break;
            };
            days.push(d);
            end = e;
        }
        (days, end)
    }

    /// A date from days, a month and a year as written.
    fn dated(&self, days: &[u8], month: u8, year: Option<i32>) -> Option<RawDate> {
        let (&first, &last) = (days.first()?, days.last()?);
        if !calendar::valid(year, month, first) || !calendar::valid(year, month, last) {
            return None;
        }
        if days.len() > 1 && last <= first {
            return None;
        }
        Some(RawDate {
            start: day_month_date(first, month, year),
            end: (days.len() > 1).then(|| day_month_date(last, month, year)),
            ..RawDate::default()
        })
    }

    /// "3 December", "3-4 de dezembro de 2024", "3.–4. Dezember 2024",
    /// "3rd of December", "the 4th day of July", "3 грудня 2024 року",
    /// "16. Nov. 2016".
    fn day_month(&self, i: usize) -> Option<(RawDate, usize)> {
        let (days, mut j) = self.days(i)?;
        // "16. Nov. 2016" in a language whose days take no period: only
        // with a year after the month.
        let loose_period =
            self.adjacent(j).is_some_and(|t| t.is('.')) && self.month(j + 1).is_some();
        if loose_period {
            j += 1;
        }
        if self.word_in(j, &self.w.day_word) {
            j += 1;
        }
        if self.word_in(j, &self.w.of) {
            j += 1;
        }
        let month = self.month(j)?;
        let (year, end) = match self.year_after(month.end) {
            Some((y, e)) => (Some(y), e),
            None if loose_period => return None,
            None => (None, month.end),
        };
        if !(self.w.day_month || year.is_some()) {
            return None;
        }
        let mut d = self.dated(&days, month.value, year)?;
        d.order = Some(Order::DayMonth);
        Some((d, end))
    }

    /// "December 3", "Dec. 3-4, 2024", "December 3rd", "June the 28th 2020",
    /// "novembre 23 de 1987". Where the language writes the day first, only
    /// with a year, a weekday before, an ordinal day, a range, or nothing
    /// but punctuation or a clock time after it ("im Februar 18 Menschen"
    /// is a count).
    fn month_day(&self, i: usize, weekday_before: bool) -> Option<(RawDate, usize)> {
        let month = self.month(i)?;
        let mut k = month.end;
        if self.word_in(k, &self.w.article) {
            k += 1;
        }
        let first = self.day_inner(k)?;
        let ordinal = first.1 > k + 1;
        let (days, j) = self.more_days(first);
        let (year, end) = match self.year_after(j) {
            Some((y, e)) => (Some(y), e),
            None => (None, j),
        };
        if !self.w.month_day && year.is_none() && !weekday_before && !ordinal && days.len() == 1 {
            let after = self.tok(end);
            let ends = after.is_none_or(|t| {
                matches!(t.kind, Kind::Punct(c) if c != '%')
                    || self.word_in(end, &self.w.range)
                    || (t.num().is_some() && self.adjacent(end + 1).is_some_and(|s| s.is(':')))
            });
            if !ends {
                return None;
            }
        }
        let mut d = self.dated(&days, month.value, year)?;
        d.order = Some(Order::MonthDay);
        Some((d, end))
    }

    /// "February 2022", "fevereiro de 2022", "лютого 2022 року", "novembre
    /// de l'année 2016".
    fn month_year(&self, i: usize) -> Option<(RawDate, usize)> {
        let month = self.month(i)?;
        let (year, end) = self.year_after(month.end)?;
        Some((RawDate::month_of(year, month.value), end))
    }

    /// "2016, nov", "2016 june": a year and then a month without a day.
    fn year_month(&self, i: usize) -> Option<(RawDate, usize)> {
        if !self.starts_number(i) {
            return None;
        }
        let (year, mut j) = self.year(i)?;
        if self.is_punct(j, ',') {
            j += 1;
        }
        let month = self.month(j).filter(|m| !m.ambiguous)?;
        if self.day_inner(month.end).is_some() {
            return None;
        }
        Some((RawDate::month_of(year, month.value), month.end))
    }

    /// "November between 19 and 20", "im November zwischen dem 19. und dem
    /// 20.": a month, a `prep` word and a range of days.
    fn month_then_days(&self, i: usize) -> Option<(RawDate, usize)> {
        let month = self.month(i)?;
        if !self.word_in(month.end, &self.w.prep) {
            return None;
        }
        let (days, end) = self
            .after_fillers(month.end + 1)
            .into_iter()
            .filter_map(|k| self.day(k).map(|first| self.more_days(first)))
            .find(|(days, _)| days.len() > 1)?;
        let mut d = self.dated(&days, month.value, None)?;
        d.order = Some(Order::MonthDay);
        Some((d, end))
    }

    /// A month alone ("in May", "em dezembro", "у грудні"); `strict` false
    /// also takes an ambiguous one, for the ends of a range.
    fn month_alone(&self, i: usize, strict: bool) -> Option<(RawDate, usize)> {
        let month = self.month(i)?;
        if month.lower {
            return None;
        }
        // An abbreviation needs a day or a year; an ambiguous name a `prep`.
        if strict && (month.short || (month.ambiguous && !self.prep_before(i))) {
            return None;
        }
        Some((
            RawDate {
                start: PartialDate {
                    month: Some(month.value),
                    ..PartialDate::default()
                },
                ..RawDate::default()
            },
            month.end,
        ))
    }

    /// A date written without spaces around a month name: "05-Aug-2016",
    /// "2019/aug/01", "Jan-1", "2/Oct", "Dec-2018", "23-2020-setembro".
    fn glued(&self, i: usize) -> Option<(RawDate, usize)> {
        let mut pieces: Vec<(Piece, usize)> = Vec::with_capacity(3);
        let mut k = i;
        let mut sep = None;
        loop {
            let t = self.tok(k)?;
            let (piece, end) = if let Some(m) = self.month(k) {
                (Piece::Month(m.value), m.end)
            } else {
                let n = t.num()?;
                match t.digits() {
                    1 | 2 if (1..=31).contains(&n) => (Piece::Day(n as u8), k + 1),
                    4 if (1000..=2999).contains(&n) => (Piece::Year(n as i32), k + 1),
                    _ => return None,
                }
            };
            pieces.push((piece, end));
            // "oct." ends with its period: the separator comes after it.
            let Some(s) = self
                .adjacent(end)
                .filter(|s| matches!(s.kind, Kind::Punct('-' | '/' | '.')))
            else {
                break;
            };
            if pieces.len() == 3 || sep.is_some_and(|c| c != s.kind) {
                break;
            }
            if !self
                .adjacent(end + 1)
                .is_some_and(|t| t.num().is_some() || self.month(end + 1).is_some())
            {
                break;
            }
            sep = Some(s.kind);
            k = end + 1;
        }
        if pieces.len() < 2 || (self.t[i].num().is_some() && !self.starts_number(i)) {
            return None;
        }
        let end = pieces.last()?.1;
        if self
            .adjacent(end)
            .is_some_and(|t| t.num().is_some() || t.is_word())
        {
            return None;
        }
        let (mut day, mut month, mut year) = (None, None, None);
        let mut order = None;
        for (p, _) in &pieces {
            match *p {
                Piece::Day(d) if day.is_none() => {
                    day = Some(d);
                    order.get_or_insert(Order::DayMonth);
                }
                Piece::Month(m) if month.is_none() => {
                    month = Some(m);
                    order.get_or_insert(Order::MonthDay);
                }
                Piece::Year(y) if year.is_none() => year = Some(y),
                _ => return None,
            }
        }
        let month = month?;
        if day.is_none() && year.is_none() {
            return None;
        }
        if day.is_some_and(|d| !calendar::valid(year, month, d)) {
            return None;
        }
        Some((
            RawDate {
                start: PartialDate {
                    year,
                    month: Some(month),
                    day,
                },
                order: day.and(order),
                ..RawDate::default()
            },
            end,
        ))
    }

    /// A numeric date: ISO 2024-12-03 (also "2016 - 12 - 22"), or
    /// 03/12/2024, 03.12.2024, 3-12-2024; without a year "17/2", "4/22",
    /// "15.2." where it is taken for a date (`cue`: something before it
    /// says a date follows).
    fn numeric(&self, i: usize, cx: Context) -> Option<(RawDate, usize)> {
        let a = self.tok(i)?;
        if !self.starts_number(i) || a.num().is_none() {
            return None;
        }
        self.numeric_full(i).or_else(|| self.numeric_short(i, cx))
    }

    /// The day/month order of two numbers, as the language writes them or,
    /// when that reading is no date, the other way round; `Some(None)` when
    /// both readings are dates in a language that decides per document,
    /// `None` when neither is.
    /// Dates written with dots ("08.02.2023") are day-first in every
    /// language.
    fn numeric_order(
        &self,
        first: u8,
        second: u8,
        year: Option<i32>,
        dotted: bool,
    ) -> Option<Option<Order>> {
        let dm = calendar::valid(year, second, first);
        let md = calendar::valid(year, first, second);
        let numeric = if dotted {
            NumericOrder::DayMonth
        } else {
            self.w.numeric
        };
        let order = match (numeric, dm, md) {
            (_, false, false) => return None,
            (NumericOrder::Auto, true, true) if first != second => return Some(None),
            (NumericOrder::DayMonth | NumericOrder::Auto, true, _) => Order::DayMonth,
            (NumericOrder::MonthDay, _, true) => Order::MonthDay,
            (_, false, true) => Order::MonthDay,
            (_, true, false) => Order::DayMonth,
        };
        Some(Some(order))
    }

    fn numeric_full(&self, i: usize) -> Option<(RawDate, usize)> {
        let a = self.tok(i)?;
        // "2016 - 12 - 22": spaced dashes only after a year.
        let spaced = a.digits() == 4
            && self.tok(i + 1).is_some_and(is_dash)
            && self.tok(i + 3).is_some_and(is_dash);
        let at = |k: usize| {
            if spaced {
                self.tok(k)
            } else {
                self.adjacent(k)
            }
        };
        let sep = at(i + 1)?.kind;
        if !matches!(sep, Kind::Punct('-' | '/' | '.')) || at(i + 3)?.kind != sep {
            return None;
        }
        let part = |k: usize, digits: std::ops::RangeInclusive<usize>| {
            at(k)
                .filter(|t| digits.contains(&t.digits()))
                .and_then(Token::num)
        };
        let b = part(i + 2, 1..=2)?;
        let end = i + 5;
        let (year, first, second) = if a.digits() == 4 {
            (a.num()?, b, part(i + 4, 1..=2)?)
        } else if (1..=2).contains(&a.digits()) {
            (part(i + 4, 4..=4)?, a.num()?, b)
        } else {
            return None;
        };
        // "2016-12-16T12:23:59": a time glued by a "T".
        let timed = self.adjacent(end).is_some_and(|t| t.key == "t")
            && self.adjacent(end + 1).is_some_and(|t| t.num().is_some());
        let trailing = !timed
            && self.adjacent(end).is_some_and(|t| {
                t.num().is_some()
                    || t.is_word()
                    || (t.kind == sep
                        && self.adjacent(end + 1).is_some_and(|n| n.num().is_some())
                        && !(is_dash(t) && self.numeric_shape(end + 1)))
            });
        if trailing {
            return None;
        }
        let year = i32::try_from(year)
            .ok()
            .filter(|y| (1000..=2999).contains(y))?;
        let (first, second) = (u8::try_from(first).ok()?, u8::try_from(second).ok()?);
        let mut d = RawDate {
            start: PartialDate {
                year: Some(year),
                ..PartialDate::default()
            },
            numeric: true,
            ..RawDate::default()
        };
        if a.digits() == 4 {
            // Year first is always year-month-day.
            if !calendar::valid(Some(year), first, second) {
                return None;
            }
            d.start = PartialDate::ymd(year, first, second);
            return Some((d, end));
        }
        match self.numeric_order(first, second, Some(year), sep == Kind::Punct('.'))? {
            Some(o) => {
                let (day, month) = if o == Order::DayMonth {
                    (first, second)
                } else {
                    (second, first)
                };
                d.start = PartialDate::ymd(year, month, day);
                d.order = Some(o);
            }
            None => d.open = Some((first, second)),
        }
        Some((d, end))
    }

    /// True when a numeric date with a year starts at `k` ("…-7-10-2018").
    fn numeric_shape(&self, k: usize) -> bool {
        let digits = |k: usize| self.adjacent(k).map_or(0, Token::digits);
        let sep = |k: usize| {
            self.adjacent(k)
                .is_some_and(|t| matches!(t.kind, Kind::Punct('-' | '/' | '.')))
        };
        let (a, b, c) = (digits(k), digits(k + 2), digits(k + 4));
        sep(k + 1)
            && sep(k + 3)
            && (1..=2).contains(&b)
            && ((a == 4 && c <= 2 && c > 0) || (a <= 2 && a > 0 && c == 4))
    }

    /// "17/2", "4/22", "22/04", "15.2.", "12/08,2015": day and month without
    /// a year (which may follow after a comma). Taken after a cue, when
    /// zero-padded, when a part is above 12, or alone on its line; never
    /// before a word that is not a function word ("24/7 coverage").
    fn numeric_short(&self, i: usize, cx: Context) -> Option<(RawDate, usize)> {
        let a = self.tok(i)?;
        let s = self.adjacent(i + 1)?;
        let dotted = s.is('.');
        if !(s.is('/') || (dotted && self.w.numeric == NumericOrder::DayMonth)) {
            return None;
        }
        let b = self
            .adjacent(i + 2)
            .filter(|t| (1..=2).contains(&t.digits()))?;
        if !(1..=2).contains(&a.digits()) {
            return None;
        }
        let mut end = i + 3;
        if dotted {
            // "15.2." keeps its closing period; "1.5" is a decimal.
            if !self.adjacent(end).is_some_and(|t| t.is('.')) {
                return None;
            }
            end += 1;
        }
        if self
            .adjacent(end)
            .is_some_and(|t| t.num().is_some() || t.is_word() || t.is('/'))
        {
            return None;
        }
        let (first, second) = (u8::try_from(a.num()?).ok()?, u8::try_from(b.num()?).ok()?);
        let (year, year_end) = match self.year_after(end) {
            Some((y, e)) => (Some(y), e),
            None => (None, end),
        };
        // "1/2.5", "3/4,5": a decimal goes on.
        let decimal = self.adjacent(end).is_some_and(|t| t.is('.') || t.is(','))
            && self.adjacent(end + 1).is_some_and(|t| t.num().is_some());
        if decimal && year.is_none() {
            return None;
        }
        let order = self.numeric_order(first, second, year, dotted)?;
        if year.is_none() {
            let padded = a.digits() == 2 && b.digits() == 2;
            let clear = first > 12 || second > 12;
            // "the 1/8 final", "24/7 coverage": a fraction or an idiom
            // before its noun (never zero-padded nor closed by a period). A
            // word before a number ("environ 8 heures") is no such noun.
            let noun_after = !(padded || dotted || cx.range)
                && self.tok(end).is_some_and(|t| {
                    t.is_word()
                        && !self.lex.is_function_word(t.span.slice(self.text))
                        && !self.w.range.contains(&t.key)
                        && !self.w.hour.contains(&t.key)
                        && self.weekday(end).is_none()
                        && self.tok(end + 1).is_none_or(|n| n.num().is_none())
                });
            if noun_after {
                return None;
            }
            let shape = padded || clear || self.alone_on_line(i, end);
            // "10/1-11/2/2017", "14.10. - 15.10.": the first end of a range.
            let opens_range = || {
                self.range_sep(end, false, self.between_before(i))
                    .is_some_and(|k| {
                        self.numeric_full(k)
                            .or_else(|| self.numeric_short(k, Context::RANGE))
                            .is_some()
                    })
            };
            if !(cx.cue || shape || opens_range()) {
                return None;
            }
        }
        let mut d = RawDate {
            numeric: true,
            ..RawDate::default()
        };
        match order {
            Some(o) => {
                let (day, month) = if o == Order::DayMonth {
                    (first, second)
                } else {
                    (second, first)
                };
                d.start = day_month_date(day, month, year);
                d.order = Some(o);
            }
            None => {
                d.start.year = year;
                d.open = Some((first, second));
            }
        }
        Some((d, year_end))
    }
}

impl Grammar<'_> {
    /// A four-digit number that is a year by the rule in the module
    /// documentation: from 1900 to 2100, or any from 1000 to 2999 after a
    /// `year_prep` word and before punctuation ("in 2150.").
    fn year_alone(&self, i: usize) -> Option<(RawDate, usize)> {
        let t = self.tok(i)?;
        let n = t
            .num()
            .filter(|n| (1000..=2999).contains(n) && t.digits() == 4)?;
        // "2000$": an amount of money.
        let money = |t: &Token| matches!(t.kind, Kind::Punct('$' | '€' | '£' | '¥' | '₴' | '₽'));
        if !self.starts_number(i)
            || self.continues_number(i)
            || self
                .adjacent(i + 1)
                .is_some_and(|n| n.num().is_some() || n.is_word() || money(n))
        {
            return None;
        }
        let prev_is = |set: &HashSet<String>| i > 0 && self.word_in(i - 1, set);
        let year_only = |end| {
            Some((
                RawDate {
                    start: PartialDate {
                        year: Some(n as i32),
                        ..PartialDate::default()
                    },
                    ..RawDate::default()
                },
                end,
            ))
        };
        let w = self.w;
        if !(1900..=2100).contains(&n) {
            let closes = self
                .tok(i + 1)
                .is_none_or(|t| !t.is_word() && t.num().is_none());
            return if prev_is(&w.year_prep) && closes {
                year_only(i + 1)
            } else {
                None
            };
        }
        if let Some(end) = self.year_marker(i + 1) {
            return year_only(end);
        }
        let Some(next) = self.tok(i + 1).filter(|t| t.is_word()) else {
            // Punctuation or the end: nothing is counted.
            return year_only(i + 1);
        };
        let plural = w
            .plural_ending
            .iter()
            .any(|e| next.key.ends_with(e.as_str()));
        let is_year = prev_is(&w.year_prep)
            || self.lex.is_function_word(next.span.slice(self.text))
            || self.month(i + 1).is_some()
            || ((prev_is(&w.attributive) || self.possessive_before(i)) && !plural);
        if is_year { year_only(i + 1) } else { None }
    }

    /// True when the word before `i` is a possessive ("Russia's 2022
    /// invasion"), which makes a following year attributive.
    fn possessive_before(&self, i: usize) -> bool {
        i > 0
            && self.t[i - 1].is_word()
            && (self.t[i - 1].key.ends_with("'s") || self.t[i - 1].key.ends_with("s'"))
    }

    /// A weekday: with a date after it ("Friday, December 3", "jeudi
    /// 29/03", "viernes(6/7)"), with the day in parentheses ("Friday (29)"),
    /// or alone ("on Friday").
    fn weekday_date(&self, i: usize) -> Option<(RawDate, usize)> {
        let name = self.weekday(i)?;
        if let Some((mut d, end)) = self.date_after_weekday(name.end) {
            d.weekday = Some(name.value);
            return Some((d, end));
        }
        if name.short || name.lower || (name.ambiguous && !self.prep_before(i)) {
            return None;
        }
        let mut d = RawDate {
            weekday: Some(name.value),
            ..RawDate::default()
        };
        let end = self.day_in_parentheses(name.end, &mut d);
        Some((d, end))
    }

    /// The date after a weekday: ", 3 December", " 29/03", "(6/7)", "(jun-15)".
    fn date_after_weekday(&self, j: usize) -> Option<(RawDate, usize)> {
        let cx = Context {
            cue: true,
            weekday: true,
            range: false,
        };
        if self.is_punct(j, '(') {
            let (d, end) = self.absolute(j + 1, cx)?;
            return self.is_punct(end, ')').then_some((d, end + 1));
        }
        let mut k = if self.is_punct(j, ',') { j + 1 } else { j };
        // "Montag den 15. Januar", "viernes, el 12 de septiembre".
        if self.word_in(k, &self.w.article) && self.tok(k + 1).is_some_and(|t| t.num().is_some()) {
            k += 1;
        }
        self.absolute(k, cx)
    }

    /// "(29)" after a weekday: the day of the month.
    fn day_in_parentheses(&self, j: usize, d: &mut RawDate) -> usize {
        if self.is_punct(j, '(') {
            if let Some((day, e)) = self.day_inner(j + 1) {
                if self.is_punct(e, ')') {
                    d.start.day = Some(day);
                    return e + 1;
                }
            }
        }
        j
    }

    /// A date with a day, whichever form is longest: numeric, glued,
    /// day-month or month-day.
    fn absolute(&self, i: usize, cx: Context) -> Option<(RawDate, usize)> {
        [
            self.numeric(i, cx),
            self.glued(i),
            self.day_month(i),
            self.month_day(i, cx.weekday),
        ]
        .into_iter()
        .flatten()
        .filter(|(d, _)| d.start.day.is_some() || d.open.is_some())
        .max_by_key(|(_, end)| *end)
    }

    /// A relative phrase from the lexicon, the longest that matches here.
    /// `Some((None, end))` for a `none:` phrase, which only consumes words.
    fn relative(&self, i: usize) -> Option<(Option<RawDate>, usize)> {
        let t = self.tok(i)?;
        let rel = &self.lex.dates;
        // At most five first keys: no list to allocate per token.
        let word = t.is_word().then_some(t.key.as_str());
        let keys = [
            word,
            word.and_then(|w| w.strip_suffix("'s")),
            self.weekday(i).map(|_| slot_key(&Slot::Weekday)),
            self.month(i).map(|_| slot_key(&Slot::Month)),
            t.num().map(|_| slot_key(&Slot::Number)),
        ];
        let mut best: Option<(Option<RawDate>, usize)> = None;
        for key in keys.into_iter().flatten() {
            for &r in rel.by_first.get(key).into_iter().flatten() {
                let rule = &rel.relative[r];
                let Some((d, end)) = self.match_phrase(i, &rule.phrase, rule.meaning) else {
                    continue;
                };
                if best.as_ref().is_none_or(|(_, e)| end > *e) {
                    best = Some((d, end));
                }
            }
        }
        best
    }

    fn match_phrase(
        &self,
        i: usize,
        phrase: &[Slot],
        meaning: Option<(RelativeUnit, Offset)>,
    ) -> Option<(Option<RawDate>, usize)> {
        let mut d = RawDate::default();
        let mut number = 1;
        let mut j = i;
        for (k, slot) in phrase.iter().enumerate() {
            let t = self.tok(j)?;
            match slot {
                Slot::Word(w) => {
                    let last = k + 1 == phrase.len();
                    let ok = t.is_word()
                        && (t.key == *w || (last && t.key.strip_suffix("'s") == Some(w.as_str())));
                    if !ok {
                        return None;
                    }
                    j += 1;
                }
                Slot::Weekday => {
                    let name = self.weekday(j)?;
                    d.weekday = Some(name.value);
                    j = name.end;
                }
                Slot::Month => {
                    let name = self.month(j)?;
                    d.start.month = Some(name.value);
                    j = name.end;
                }
                Slot::Number => {
                    let n = t.num().filter(|_| t.digits() <= 3)?;
                    number = n as i32;
                    j += 1;
                }
            }
        }
        let Some((unit, offset)) = meaning else {
            return Some((None, j));
        };
        let offset = match offset {
            Offset::Fixed(n) => n,
            Offset::PerNumber(sign) => sign * number,
        };
        if unit == RelativeUnit::Weekday {
            // "this Friday, 12/05", "este viernes 12/05": the written date
            // says which Friday.
            if let Some((mut abs, end)) = self.date_after_weekday(j) {
                abs.weekday = d.weekday;
                return Some((Some(abs), end));
            }
        }
        d.relative = Some(Relative { unit, offset });
        if unit == RelativeUnit::Weekday {
            j = self.day_in_parentheses(j, &mut d);
        }
        Some((Some(d), j))
    }

    /// The longest date that starts at `i`, extended into a range when
    /// another date follows a range separator; `Some((None, end))` when a
    /// phrase that is no date is consumed.
    fn date(&self, i: usize) -> Option<(Option<RawDate>, usize)> {
        let t = self.tok(i)?;
        // Most tokens start nothing: punctuation, and words that are no
        // month, weekday or first word of a relative phrase.
        let starts = match t.kind {
            Kind::Num(_) => true,
            Kind::Punct(_) => false,
            Kind::Word => {
                let first = &self.lex.dates.by_first;
                self.month(i).is_some()
                    || self.weekday(i).is_some()
                    || first.contains_key(&t.key)
                    || t.key
                        .strip_suffix("'s")
                        .is_some_and(|k| first.contains_key(k))
            }
        };
        if !starts {
            return None;
        }
        let mut best: Option<(Option<RawDate>, usize)> = None;
        let mut consider = |c: Option<(RawDate, usize)>| {
            if let Some((d, end)) = c {
                let (d, end) = self.extend(d, i, end);
                if best.as_ref().is_none_or(|(_, e)| end > *e) {
                    best = Some((Some(d), end));
                }
            }
        };
        let cx = Context {
            cue: self.cue_before(i),
            ..Context::default()
        };
        if t.num().is_some() {
            consider(self.numeric(i, cx));
            consider(self.glued(i));
            consider(self.day_month(i));
            consider(self.year_month(i));
            consider(self.year_alone(i));
            consider(self.day_to_date(i));
        } else if t.is_word() {
            consider(self.glued(i));
            consider(self.month_day(i, false));
            consider(self.month_year(i));
            consider(self.month_then_days(i));
            consider(self.weekday_date(i));
            consider(self.month_alone(i, true));
            if best.is_none() {
                // An ambiguous month opens a range only with a month after it
                // ("March to May").
                if let Some((d, end)) = self.month_alone(i, false) {
                    let (d, e) = self.extend(d, i, end);
                    if d.end.is_some() {
                        best = Some((Some(d), e));
                    }
                }
            }
        }
        let named = t.is_word()
            && crate::text::is_capitalized(t.span.slice(self.text))
            && !self.sentence_start(i);
        if let Some((d, end)) = self.relative(i).filter(|_| !named) {
            let (d, end) = match d {
                Some(d) if d.relative.is_none() => {
                    let (d, end) = self.extend(d, i, end);
                    (Some(d), end)
                }
                other => (other, end),
            };
            if best.as_ref().is_none_or(|(_, e)| end > *e) {
                best = Some((d, end));
            }
        }
        let (mut d, mut end) = best?;
        if let Some(d) = d.as_mut() {
            end = self.trailing_weekday(end, d);
            d.span = Span::new(t.span.start, self.t[end - 1].span.end);
            d.agency = self.agency(end);
        }
        Some((d, end))
    }

    /// "Jul 18, Fri", "21 сентября 2021г., вторник", "May/22(Tue)": a weekday
    /// after a date with a day belongs to it.
    fn trailing_weekday(&self, end: usize, d: &mut RawDate) -> usize {
        if d.start.day.is_none() || d.weekday.is_some() || d.end.is_some() {
            return end;
        }
        let closes = |k: usize| {
            self.tok(k)
                .is_none_or(|t| !t.is_word() && t.num().is_none())
        };
        if self.is_punct(end, '(') {
            if let Some(w) = self.weekday(end + 1).filter(|w| self.is_punct(w.end, ')')) {
                d.weekday = Some(w.value);
                return w.end + 1;
            }
        }
        if self.is_punct(end, ',') {
            if let Some(w) = self.weekday(end + 1).filter(|w| !w.lower && closes(w.end)) {
                d.weekday = Some(w.value);
                return w.end;
            }
        }
        end
    }

    /// "from 4 to January 22, 1995", "du 13 au dimanche 15 juillet": a day
    /// alone, a range separator and a date with a day and a month, whose
    /// month and year the first day takes.
    fn day_to_date(&self, i: usize) -> Option<(RawDate, usize)> {
        let (day, j) = self.day(i)?;
        let k = self.range_sep(j, false, self.between_before(i))?;
        let (second, end) = self
            .after_fillers(k)
            .into_iter()
            .filter_map(|k| self.absolute(k, Context::RANGE))
            .filter(|(s, _)| s.end.is_none() && s.start.month.is_some())
            .max_by_key(|(_, e)| *e)?;
        let (b, month) = (second.start, second.start.month?);
        let (year, month) = if day < b.day? {
            (b.year, month)
        } else {
            // "30 to 2 January": the first day is in the month before.
            let (y, m) = calendar::add_months(b.year.unwrap_or(2000), month, -1);
            (b.year.map(|_| y), m)
        };
        if !calendar::valid(year, month, day) {
            return None;
        }
        Some((
            RawDate {
                start: day_month_date(day, month, year),
                end: Some(b),
                order: second.order,
                numeric: second.numeric,
                ..RawDate::default()
            },
            end,
        ))
    }

    /// Joins a date with a second one after a range separator: "30 November
    /// – 2 December 2024", "March to May", "2014-2022", "10/1-11/2/2017".
    /// The first takes the year (and for days the month) of the second
    /// where it lacks them.
    fn extend(&self, mut d: RawDate, start: usize, end: usize) -> (RawDate, usize) {
        if d.end.is_some() || d.open.is_some() {
            return (d, end);
        }
        let Some(k) = self.range_sep(end, false, self.between_before(start)) else {
            return (d, end);
        };
        let second = self
            .after_fillers(k)
            .into_iter()
            .flat_map(|k| {
                [
                    self.absolute(k, Context::RANGE),
                    self.month_year(k),
                    self.year_month(k),
                    self.month_alone(k, false),
                    self.year(k).map(|(y, e)| {
                        let start = PartialDate {
                            year: Some(y),
                            ..PartialDate::default()
                        };
                        (
                            RawDate {
                                start,
                                ..RawDate::default()
                            },
                            e,
                        )
                    }),
                ]
            })
            .flatten()
            .filter(|(s, _)| s.end.is_none() && s.open.is_none())
            .filter(|(s, _)| {
                s.start.day.is_some() == d.start.day.is_some()
                    && s.start.month.is_some() == d.start.month.is_some()
            })
            .max_by_key(|(_, e)| *e);
        let Some((s, e)) = second else {
            return (d, end);
        };
        let (a, b) = (d.start, s.start);
        if d.start.year.is_none() {
            d.start.year = match (b.year, a.month, b.month) {
                (Some(y), Some(am), Some(bm)) if am > bm => Some(y - 1),
                (y, _, _) => y,
            };
        }
        // A range ends after it starts ("el mar. y el mar" is no range).
        let ordered = match (a.year, b.year) {
            (Some(_), Some(_)) => (a.year, a.month, a.day) < (b.year, b.month, b.day),
            _ => (a.month, a.day) != (b.month, b.day),
        };
        if !ordered {
            return (d, end);
        }
        d.end = Some(b);
        if s.order.is_some() {
            d.order = s.order;
        }
        d.numeric |= s.numeric;
        (d, e)
    }

    /// True when "(Agency)" follows: a news dateline.
    fn agency(&self, j: usize) -> bool {
        self.is_punct(j, '(')
            && self.tok(j + 1).is_some_and(|t| {
                t.is_word() && crate::text::is_capitalized(t.span.slice(self.text))
            })
            && (j + 2..j + 5).any(|k| self.is_punct(k, ')'))
    }

    /// A clock time: "10:30", "21h50", "21h", "10.30 Uhr", "15 Uhr", "3 p.m.".
    fn time(&self, i: usize) -> Option<(TimeFact, usize)> {
        let t = self.tok(i)?;
        let mut hour = t.num().filter(|&h| h <= 24 && t.digits() <= 2)?;
        if !self.starts_number(i) {
            return None;
        }
        let minutes = |k: usize| {
            self.adjacent(k)
                .filter(|m| m.digits() == 2)
                .and_then(Token::num)
                .filter(|&m| m < 60)
        };
        let mut j = i + 1;
        let mut minute = 0;
        let mut clock = false;
        if let Some(sep) = self.adjacent(j) {
            if let Some(m) = minutes(j + 1) {
                if sep.is(':') || (sep.is_word() && sep.key == "h") {
                    (minute, j, clock) = (m, j + 2, true);
                    if self.adjacent(j).is_some_and(|t| t.is(':')) && minutes(j + 1).is_some() {
                        j += 2;
                    }
                } else if sep.is('.') {
                    (minute, j) = (m, j + 2);
                }
            }
        }
        let marker = |set: &HashSet<String>| self.marker(j, set);
        if let Some(e) = marker(&self.w.pm) {
            if hour > 12 {
                return None;
            }
            hour = if hour == 12 { 12 } else { hour + 12 };
            j = e;
        } else if let Some(e) = marker(&self.w.am) {
            if hour > 12 {
                return None;
            }
            hour = if hour == 12 { 0 } else { hour };
            j = e;
        } else if let Some(e) = marker(&self.w.hour) {
            j = e;
            // "20 h 45", "10 Uhr 30": minutes after the hour word.
            if !clock {
                if let Some(m) = self.tok(j).filter(|m| m.digits() == 2).and_then(Token::num) {
                    if m < 60 && !self.continues_number(j) {
                        (minute, j) = (m, j + 1);
                    }
                }
            }
        } else if !clock {
            return None;
        }
        if self
            .adjacent(j)
            .is_some_and(|t| t.num().is_some() || t.is_word())
        {
            return None;
        }
        let span = Span::new(t.span.start, self.t[j - 1].span.end);
        Some((
            TimeFact {
                span,
                hour: (hour % 24) as u8,
                minute: minute as u8,
            },
            j,
        ))
    }

    /// The end of a marker written as one or more tokens ("p.m.", "Uhr"),
    /// the longest in the set.
    fn marker(&self, j: usize, set: &HashSet<String>) -> Option<usize> {
        let first = self.tok(j).filter(|t| t.is_word())?;
        let mut key = first.key.clone();
        let mut best = set.contains(&key).then_some(j + 1);
        for k in j + 1..j + 4 {
            let Some(t) = self.adjacent(k) else { break };
            if !(t.is_word() || t.is('.')) {
                break;
            }
            key.push_str(&t.key);
            if set.contains(&key) {
                best = Some(k + 1);
            }
        }
        best
    }
}
