//! The date grammar: finds dates, relative expressions and clock times in a
//! token stream, left to right, taking the longest reading at each token.
//! Every element is bounded to a few tokens, so a scan is linear.

use super::token::{Kind, Token, tokenize};
use super::{PartialDate, Relative, RelativeUnit, TimeFact, calendar};
use crate::lexicon::dates::{DateWords, NumericOrder, Offset, Slot, slot_key};
use crate::lexicon::{FormTable, LangLexicon};
use crate::span::Span;

/// The most days a list or range of days may name ("3, 4 and 5 December").
const MAX_DAYS: usize = 8;

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

/// What a scan finds.
#[derive(Debug, Default)]
pub struct Found {
    /// Dates in text order.
    pub dates: Vec<RawDate>,
    /// Clock times in text order.
    pub times: Vec<TimeFact>,
}

/// Scans a text for dates and times.
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

impl Grammar<'_> {
    /// The token at `i` unless a paragraph break comes before it.
    fn next(&self, i: usize) -> Option<&Token> {
        self.t.get(i).filter(|t| !t.brk)
    }

    /// The token at `i` when nothing (not even a space) comes before it.
    fn adjacent(&self, i: usize) -> Option<&Token> {
        self.t.get(i).filter(|t| !t.gap && !t.brk)
    }

    fn word_in(&self, i: usize, set: &crate::hash::HashSet<String>) -> bool {
        self.next(i)
            .is_some_and(|t| t.is_word() && set.contains(&t.key))
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
        i > 0 && self.next(i).is_some() && self.word_in(i - 1, &self.w.prep)
    }

    /// A number that starts here and is not the tail of something else
    /// ("A3", "1.234", "$2000").
    fn starts_number(&self, i: usize) -> bool {
        let Some(t) = self.t.get(i) else { return false };
        if i == 0 || t.gap {
            return true;
        }
        let prev = &self.t[i - 1];
        match prev.kind {
            Kind::Num(_) | Kind::Word => false,
            Kind::Punct(c) => !".,:/$€£¥#№+=^_".contains(c),
        }
    }

    /// True when the number at `i` goes on as a time, a decimal or a
    /// percentage rather than ending.
    fn continues_number(&self, i: usize) -> bool {
        let Some(next) = self.adjacent(i + 1) else {
            return false;
        };
        let then_digit = self.adjacent(i + 2).is_some_and(|t| t.num().is_some());
        match next.kind {
            Kind::Punct(':' | ',' | '.') => then_digit,
            Kind::Punct('%' | '‰') => true,
            Kind::Word => next.key == "h" && then_digit,
            _ => false,
        }
    }

    fn name(&self, i: usize, table: &FormTable, capitalized: bool) -> Option<Name> {
        let t = self.next(i).filter(|t| t.is_word())?;
        let written = t.span.slice(self.text);
        // Most words hold no hyphen: a byte test before any splitting.
        let glued_prep = t
            .key
            .bytes()
            .any(|b| b == b'-')
            .then(|| t.key.split_once('-'))
            .flatten()
            .filter(|_| table.get_folded(&t.key).is_none());
        if let Some((prep, name)) = glued_prep {
            // "mid-December", "early-June": a `prep` glued by a hyphen.
            let (_, written) = written.split_once('-')?;
            if capitalized && !crate::text::is_capitalized(written) {
                return None;
            }
            let value = table
                .get_folded(name)
                .filter(|_| self.w.prep.contains(prep))?;
            return Some(self.named(value, i + 1, name));
        }
        if capitalized && !crate::text::is_capitalized(written) {
            return None;
        }
        if self.adjacent(i + 1).is_some_and(|d| d.is('.')) {
            let dotted = format!("{}.", t.key);
            if let Some(value) = table.get_folded(&dotted) {
                return Some(self.named(value, i + 2, &dotted));
            }
        }
        let value = table.get_folded(&t.key)?;
        Some(self.named(value, i + 1, &t.key))
    }

    fn named(&self, value: u8, end: usize, key: &str) -> Name {
        let d = &self.lex.dates;
        Name {
            value,
            end,
            short: d.short_forms.contains(key),
            ambiguous: d.words.ambiguous.contains(key),
            habitual: d.words.habitual.contains(key),
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
        let t = self.next(i)?;
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
    /// ("2024 року", "2024 г.").
    fn year(&self, i: usize) -> Option<(i32, usize)> {
        let t = self.next(i)?;
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
        let t = self.next(i).filter(|t| t.is_word())?;
        let markers = &self.w.year_marker;
        if self.adjacent(i + 1).is_some_and(|d| d.is('.'))
            && markers.contains(&format!("{}.", t.key))
        {
            return Some(i + 2);
        }
        markers.contains(&t.key).then_some(i + 1)
    }

    /// A year after a month or a day-month: "2024", ", 2024", "de 2024".
    fn year_after(&self, j: usize) -> Option<(i32, usize)> {
        if let Some(y) = self.year(j) {
            return Some(y);
        }
        let joins = self.next(j).is_some_and(|t| t.is(',')) || self.word_in(j, &self.w.of);
        joins.then(|| self.year(j + 1)).flatten()
    }

    /// A separator between the two ends of a range, or a list comma; the
    /// index after it.
    fn range_sep(&self, j: usize, comma: bool) -> Option<usize> {
        let t = self.next(j)?;
        if is_dash(t) || t.is('/') || self.word_in(j, &self.w.range) {
            return Some(j + 1);
        }
        if comma && t.is(',') {
            return Some(if self.word_in(j + 1, &self.w.range) {
                j + 2
            } else {
                j + 1
            });
        }
        None
    }

    /// One day or several ("3", "3-4", "3 e 4", "3, 4 and 5", "3. bis 5.").
    fn days(&self, i: usize) -> Option<(Vec<u8>, usize)> {
        let (first, mut end) = self.day(i)?;
        let mut days = vec![first];
        while days.len() < MAX_DAYS {
            let Some(k) = self.range_sep(end, true) else {
                break;
            };
            let Some((d, e)) = self.day_inner(k) else {
                break;
            };
            days.push(d);
            end = e;
        }
        Some((days, end))
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
        let at = |day| PartialDate {
            year,
            month: Some(month),
            day: Some(day),
        };
        Some(RawDate {
            start: at(first),
            end: (days.len() > 1).then(|| at(last)),
            ..RawDate::default()
        })
    }

    /// "3 December", "3-4 de dezembro de 2024", "3.–4. Dezember 2024",
    /// "3rd of December", "3 грудня 2024 року".
    fn day_month(&self, i: usize) -> Option<(RawDate, usize)> {
        if !self.w.day_month {
            return None;
        }
        let (days, mut j) = self.days(i)?;
        if self.word_in(j, &self.w.of) {
            j += 1;
        }
        let month = self.month(j)?;
        let (year, end) = match self.year_after(month.end) {
            Some((y, e)) => (Some(y), e),
            None => (None, month.end),
        };
        let mut d = self.dated(&days, month.value, year)?;
        d.order = Some(Order::DayMonth);
        Some((d, end))
    }

    /// "December 3", "Dec. 3-4, 2024", "December 3rd".
    fn month_day(&self, i: usize) -> Option<(RawDate, usize)> {
        if !self.w.month_day {
            return None;
        }
        let month = self.month(i)?;
        let (first, mut j) = self.day_inner(month.end)?;
        let mut days = vec![first];
        while days.len() < MAX_DAYS {
            let Some(k) = self.range_sep(j, true) else {
                break;
            };
            let Some((d, e)) = self.day_inner(k) else {
                break;
            };
            days.push(d);
            j = e;
        }
        let (year, end) = match self.year_after(j) {
            Some((y, e)) => (Some(y), e),
            None => (None, j),
        };
        let mut d = self.dated(&days, month.value, year)?;
        d.order = Some(Order::MonthDay);
        Some((d, end))
    }

    /// "February 2022", "fevereiro de 2022", "лютого 2022 року".
    fn month_year(&self, i: usize) -> Option<(RawDate, usize)> {
        let month = self.month(i)?;
        let (year, end) = self.year_after(month.end)?;
        Some((
            RawDate {
                start: PartialDate {
                    year: Some(year),
                    month: Some(month.value),
                    day: None,
                },
                ..RawDate::default()
            },
            end,
        ))
    }

    /// A month alone ("in May", "em dezembro", "у грудні"); `strict` false
    /// also takes an ambiguous one, for the first end of a range.
    fn month_alone(&self, i: usize, strict: bool) -> Option<(RawDate, usize)> {
        let month = self.month(i)?;
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

    /// A numeric date: ISO 2024-12-03, or 03/12/2024, 03.12.2024, 3-12-2024.
    fn numeric(&self, i: usize) -> Option<(RawDate, usize)> {
        let a = self.next(i)?;
        if !self.starts_number(i) {
            return None;
        }
        let sep = self.adjacent(i + 1)?.kind;
        if !matches!(sep, Kind::Punct('-' | '/' | '.')) {
            return None;
        }
        let part = |k: usize, digits: std::ops::RangeInclusive<usize>| {
            self.adjacent(k)
                .filter(|t| digits.contains(&t.digits()))
                .and_then(Token::num)
        };
        let b = part(i + 2, 1..=2)?;
        if self.adjacent(i + 3)?.kind != sep {
            return None;
        }
        let end = i + 5;
        let trailing = self.adjacent(end).is_some_and(|t| {
            t.num().is_some()
                || t.is_word()
                || (t.kind == sep && self.adjacent(end + 1).is_some_and(|n| n.num().is_some()))
        });
        if trailing {
            return None;
        }
        let (year, first, second) = if a.digits() == 4 {
            let c = part(i + 4, 1..=2)?;
            (a.num()?, b, c)
        } else if (1..=2).contains(&a.digits()) {
            let y = part(i + 4, 4..=4)?;
            (y, a.num()?, b)
        } else {
            return None;
        };
        let year = i32::try_from(year)
            .ok()
            .filter(|y| (1000..=2999).contains(y))?;
        let (first, second) = (u8::try_from(first).ok()?, u8::try_from(second).ok()?);
        let order = if a.digits() == 4 {
            // Year first is always year-month-day.
            Some(Order::MonthDay)
        } else if sep == Kind::Punct('.') {
            // Dots separate day, month and year wherever they are used
            // (03.12.2024): the month-first habit writes slashes.
            Some(Order::DayMonth)
        } else {
            match self.w.numeric {
                NumericOrder::DayMonth => Some(Order::DayMonth),
                NumericOrder::MonthDay => Some(Order::MonthDay),
                NumericOrder::Auto if first > 12 => Some(Order::DayMonth),
                NumericOrder::Auto if second > 12 => Some(Order::MonthDay),
                NumericOrder::Auto => None,
            }
        };
        let mut d = RawDate {
            start: PartialDate {
                year: Some(year),
                ..PartialDate::default()
            },
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
                if !calendar::valid(Some(year), month, day) {
                    return None;
                }
                d.start = PartialDate::ymd(year, month, day);
                d.order = (a.digits() != 4).then_some(o);
            }
            None => {
                if !(calendar::valid(Some(year), second, first)
                    || calendar::valid(Some(year), first, second))
                {
                    return None;
                }
                d.open = Some((first, second));
            }
        }
        Some((d, end))
    }
}

impl Grammar<'_> {
    /// A four-digit number from 1900 to 2100 that is a year by the rule in
    /// the module documentation.
    fn year_alone(&self, i: usize) -> Option<(RawDate, usize)> {
        let t = self.next(i)?;
        let n = t
            .num()
            .filter(|n| (1900..=2100).contains(n) && t.digits() == 4)?;
        if !self.starts_number(i)
            || self.continues_number(i)
            || self
                .adjacent(i + 1)
                .is_some_and(|n| n.num().is_some() || n.is_word())
        {
            return None;
        }
        let prev_is =
            |set: &crate::hash::HashSet<String>| i > 0 && !t.brk && self.word_in(i - 1, set);
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
        if let Some(end) = self.year_marker(i + 1) {
            return year_only(end);
        }
        let Some(next) = self.next(i + 1).filter(|t| t.is_word()) else {
            // Punctuation or the end: nothing is counted.
            return year_only(i + 1);
        };
        let w = self.w;
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
            && self.next(i).is_some()
            && self.t[i - 1].is_word()
            && (self.t[i - 1].key.ends_with("'s") || self.t[i - 1].key.ends_with("s'"))
    }

    /// A weekday: with a date after it ("Friday, December 3"), with the day
    /// in parentheses ("Friday (29)"), or alone ("on Friday").
    fn weekday_date(&self, i: usize) -> Option<(RawDate, usize)> {
        let name = self.weekday(i)?;
        let k = if self.next(name.end).is_some_and(|t| t.is(',')) {
            name.end + 1
        } else {
            name.end
        };
        if let Some((mut d, end)) = self.absolute(k) {
            d.weekday = Some(name.value);
            return Some((d, end));
        }
        if name.short || (name.ambiguous && !self.prep_before(i)) {
            return None;
        }
        let mut d = RawDate {
            weekday: Some(name.value),
            ..RawDate::default()
        };
        let end = self.day_in_parentheses(name.end, &mut d);
        Some((d, end))
    }

    /// "(29)" after a weekday: the day of the month.
    fn day_in_parentheses(&self, j: usize, d: &mut RawDate) -> usize {
        if self.next(j).is_some_and(|t| t.is('(')) {
            if let Some((day, e)) = self.day_inner(j + 1) {
                if self.next(e).is_some_and(|t| t.is(')')) {
                    d.start.day = Some(day);
                    return e + 1;
                }
            }
        }
        j
    }

    /// A date with a day: numeric, day-month or month-day, whichever is longest.
    fn absolute(&self, i: usize) -> Option<(RawDate, usize)> {
        [self.numeric(i), self.day_month(i), self.month_day(i)]
            .into_iter()
            .flatten()
            .max_by_key(|(_, end)| *end)
    }

    /// A relative phrase from the lexicon, the longest that matches here.
    /// `Some((None, end))` for a `none:` phrase, which only consumes words.
    fn relative(&self, i: usize) -> Option<(Option<RawDate>, usize)> {
        let t = self.next(i)?;
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
            let t = self.next(j)?;
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
        let t = self.next(i)?;
        let mut best: Option<(Option<RawDate>, usize)> = None;
        let mut consider = |c: Option<(RawDate, usize)>, ranged: bool| {
            if let Some((d, end)) = c {
                let (d, end) = if ranged {
                    self.extend(d, end)
                } else {
                    (d, end)
                };
                if best.as_ref().is_none_or(|(_, e)| end > *e) {
                    best = Some((Some(d), end));
                }
            }
        };
        if t.num().is_some() {
            consider(self.numeric(i), false);
            consider(self.day_month(i), true);
            consider(self.year_alone(i), true);
        } else if t.is_word() {
            consider(self.month_day(i), true);
            consider(self.month_year(i), true);
            consider(self.weekday_date(i), false);
            consider(self.month_alone(i, true), true);
            if best.is_none() {
                // An ambiguous month opens a range only with a month after it
                // ("March to May").
                if let Some((d, end)) = self.month_alone(i, false) {
                    let (d, e) = self.extend(d.clone(), end);
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
            if best.as_ref().is_none_or(|(_, e)| end > *e) {
                best = Some((d, end));
            }
        }
        let (mut d, end) = best?;
        if let Some(d) = d.as_mut() {
            d.span = Span::new(t.span.start, self.t[end - 1].span.end);
            d.agency = self.agency(end);
        }
        Some((d, end))
    }

    /// Joins a date with a second one after a range separator: "30 November
    /// – 2 December 2024", "March to May", "2014-2022". The first takes the
    /// year (and for days the month) of the second where it lacks them.
    fn extend(&self, mut d: RawDate, end: usize) -> (RawDate, usize) {
        if d.end.is_some() || d.open.is_some() {
            return (d, end);
        }
        let Some(k) = self.range_sep(end, false) else {
            return (d, end);
        };
        let second = [
            self.numeric(k),
            self.day_month(k),
            self.month_day(k),
            self.month_year(k),
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
        .into_iter()
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
        if a.year.is_some()
            && b.year.is_some()
            && (a.year, a.month, a.day) >= (b.year, b.month, b.day)
        {
            return (d, end);
        }
        d.end = Some(b);
        if s.order.is_some() {
            d.order = s.order;
        }
        (d, e)
    }

    /// True when "(Agency)" follows: a news dateline.
    fn agency(&self, j: usize) -> bool {
        self.next(j).is_some_and(|t| t.is('('))
            && self.next(j + 1).is_some_and(|t| {
                t.is_word() && crate::text::is_capitalized(t.span.slice(self.text))
            })
            && (j + 2..j + 5).any(|k| self.next(k).is_some_and(|t| t.is(')')))
    }

    /// A clock time: "10:30", "21h50", "21h", "10.30 Uhr", "15 Uhr", "3 p.m.".
    fn time(&self, i: usize) -> Option<(TimeFact, usize)> {
        let t = self.next(i)?;
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
        let marker = |set: &crate::hash::HashSet<String>| self.marker(j, set);
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
                if let Some(m) = self
                    .next(j)
                    .filter(|m| m.digits() == 2)
                    .and_then(Token::num)
                {
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
    fn marker(&self, j: usize, set: &crate::hash::HashSet<String>) -> Option<usize> {
        let first = self.next(j).filter(|t| t.is_word())?;
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
