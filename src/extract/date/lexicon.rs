//! The date lexicon of one language: the small grammar words of dates
//! (`date_words.txt`) and relative expressions (`relative_dates.txt`).
//! The formats are described in the header of the English files.

use crate::hash::{HashMap, HashSet};

use crate::error::Result;
use crate::lexicon::{FormTable, parse};
use crate::text::fold;

/// How a language orders day and month in numeric dates.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum NumericOrder {
    /// 03/12/2024 is 3 December.
    #[default]
    DayMonth,
    /// 12/03/2024 is 3 December.
    MonthDay,
    /// Decided per date (a part above 12 is the day) and per document (the
    /// order its unambiguous dates use); otherwise left open.
    Auto,
}

/// The grammar words of dates in one language, folded.
#[derive(Clone, Debug, Default)]
pub struct DateWords {
    /// "3 December" is written.
    pub day_month: bool,
    /// "December 3" is written.
    pub month_day: bool,
    /// The order of numeric dates.
    pub numeric: NumericOrder,
    /// Month names are capitalised, so a lower-case one is another word.
    pub capitalized_months: bool,
    /// Weekday names are capitalised.
    pub capitalized_weekdays: bool,
    /// Words between day and month or month and year ("of", "de").
    pub of: HashSet<String>,
    /// Words between the two ends of a range ("to", "bis", "по").
    pub range: HashSet<String>,
    /// Conjunctions: they join the days of a list ("3 and 4 December"), and
    /// two dates into a range only after a `between` word.
    pub and: HashSet<String>,
    /// Words that open a range whose ends are joined by `and` ("between").
    pub between: HashSet<String>,
    /// Articles and contractions that may stand before a day ("the 15th",
    /// "le 3", "dem 19.", "al 5"): skipped inside ranges and lists.
    pub article: HashSet<String>,
    /// Words between a date and its year ("26 June in 2020", "junio en 2020").
    pub year_link: HashSet<String>,
    /// Nouns for "year" between a month and its year ("novembre de l'année
    /// 2016").
    pub year_word: HashSet<String>,
    /// A word for "day" between an ordinal and its month ("the 4th day of
    /// July", "le 3e jour d'octobre").
    pub day_word: HashSet<String>,
    /// Words after which a lone month, an ambiguous name or a year is a date.
    pub prep: HashSet<String>,
    /// Words after which a 4-digit number from 1900 to 2100 is a year.
    pub year_prep: HashSet<String>,
    /// Suffixes of a day number ("rd", "er", "-го", ".").
    pub ordinal: HashSet<String>,
    /// Words after a year that mark it ("року", "г.").
    pub year_marker: HashSet<String>,
    /// Month and weekday names that are also common words.
    pub ambiguous: HashSet<String>,
    /// Weekday forms that mean "every such day".
    pub habitual: HashSet<String>,
    /// Words before a year used as an adjective ("the 2022 invasion").
    pub attributive: HashSet<String>,
    /// Endings of plural nouns: after an attributive word, a year-like number
    /// followed by such a word counts it ("the 2000 soldiers").
    pub plural_ending: Vec<String>,
    /// Words after a number that make it a clock time.
    pub hour: HashSet<String>,
    /// Morning markers of a 12-hour clock.
    pub am: HashSet<String>,
    /// Afternoon markers of a 12-hour clock.
    pub pm: HashSet<String>,
}

/// What a relative expression counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RelativeUnit {
    /// Days ("yesterday").
    Day,
    /// Weeks ("next week").
    Week,
    /// Months ("last month").
    Month,
    /// Years ("this year").
    Year,
    /// A named weekday ("last Friday").
    Weekday,
    /// A named month ("last December").
    NamedMonth,
}

/// One slot of a relative phrase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Slot {
    /// A word, folded.
    Word(String),
    /// Any weekday name.
    Weekday,
    /// Any month name.
    Month,
    /// A number in digits.
    Number,
}

/// A relative phrase and what it means; `None` for phrases that are no date.
#[derive(Clone, Debug)]
pub struct RelativeRule {
    /// The words and slots, in order.
    pub phrase: Vec<Slot>,
    /// Unit and offset, or `None` for a `none:` phrase.
    pub meaning: Option<(RelativeUnit, Offset)>,
}

/// The offset of a relative phrase.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Offset {
    /// A fixed number of units (-1 "last week").
    Fixed(i32),
    /// The number in the `{n}` slot times this sign ("{n} days ago" is -1).
    PerNumber(i32),
}

/// The date lexicon of one language.
#[derive(Clone, Debug, Default)]
pub struct DateLexicon {
    /// Grammar words.
    pub words: DateWords,
    /// Relative phrases.
    pub relative: Vec<RelativeRule>,
    /// Month and weekday forms that are abbreviations (folded): written with a
    /// period, or listed with one too; a prefix of at most six letters of a
    /// form at least two letters longer ("dec" of "december", not the case
    /// form "мае" of "маем"); or a prefix before a hyphen ("sexta" of "sexta-feira").
    pub short_forms: HashSet<String>,
    /// Indices into `relative` by the folded first word of the phrase, or by
    /// `{weekday}`, `{month}`, `{n}` when it starts with a slot.
    pub by_first: HashMap<String, Vec<usize>>,
}

/// The key [`DateLexicon::by_first`] uses for a slot.
pub fn slot_key(slot: &Slot) -> &str {
    match slot {
        Slot::Word(w) => w,
        Slot::Weekday => "{weekday}",
        Slot::Month => "{month}",
        Slot::Number => "{n}",
    }
}

impl DateLexicon {
    pub(crate) fn parse(words: (&str, &str), relative: (&str, &str)) -> Result<Self> {
        DateLexicon::default()
            .with_words(words)?
            .with_relative(relative)
    }

    /// Finds the abbreviated forms of month and weekday names.
    pub(crate) fn mark_short_forms(&mut self, tables: [&FormTable; 2]) {
        for table in tables {
            let forms: Vec<(String, u8)> = table.forms.iter().map(|(f, n)| (fold(f), *n)).collect();
            for (form, n) in &forms {
                let prefix = || {
                    forms.iter().any(|(other, m)| {
                        m == n
                            && other.starts_with(form.as_str())
                            && other.len() > form.len()
                            && (other[form.len()..].starts_with('-')
                                || (form.chars().count() <= 6
                                    && other[form.len()..].chars().count() >= 2))
                    })
                };
                // "mrz" beside "mrz.": the same abbreviation without its period.
                let dotted = || {
                    forms
                        .iter()
                        .any(|(other, m)| m == n && other.strip_suffix('.') == Some(form))
                };
                if form.ends_with('.') || prefix() || dotted() {
                    self.short_forms.insert(form.clone());
                }
            }
        }
    }

    fn with_words(mut self, (origin, text): (&str, &str)) -> Result<Self> {
        let w = &mut self.words;
        for item in parse::labeled(text) {
            let folded = || item.items.iter().map(|i| fold(i)).collect::<Vec<_>>();
            let set = match item.label {
                "order" => {
                    for o in &item.items {
                        match *o {
                            "day-month" => w.day_month = true,
                            "month-day" => w.month_day = true,
                            _ => return Err(item.error(origin, "orders are day-month, month-day")),
                        }
                    }
                    continue;
                }
                "numeric" => {
                    w.numeric = match item.items.as_slice() {
                        ["dmy"] => NumericOrder::DayMonth,
                        ["mdy"] => NumericOrder::MonthDay,
                        ["auto"] => NumericOrder::Auto,
                        _ => return Err(item.error(origin, "numeric is dmy, mdy or auto")),
                    };
                    continue;
                }
                "capitalized" => {
                    for o in &item.items {
                        match *o {
                            "months" => w.capitalized_months = true,
                            "weekdays" => w.capitalized_weekdays = true,
                            _ => return Err(item.error(origin, "capitalized: months | weekdays")),
                        }
                    }
                    continue;
                }
                "of" => &mut w.of,
                "range" => &mut w.range,
                "and" => &mut w.and,
                "between" => &mut w.between,
                "article" => &mut w.article,
                "year_link" => &mut w.year_link,
                "year_word" => &mut w.year_word,
                "day_word" => &mut w.day_word,
                "prep" => &mut w.prep,
                "year_prep" => &mut w.year_prep,
                "ordinal" => &mut w.ordinal,
                "year_marker" => &mut w.year_marker,
                "ambiguous" => &mut w.ambiguous,
                "habitual" => &mut w.habitual,
                "attributive" => &mut w.attributive,
                "plural_ending" => {
                    w.plural_ending.extend(folded());
                    continue;
                }
                "hour" => &mut w.hour,
                "am" => &mut w.am,
                "pm" => &mut w.pm,
                other => {
                    return Err(item.error(origin, &format!("unknown date word label `{other}`")));
                }
            };
            set.extend(folded());
        }
        Ok(self)
    }

    fn with_relative(mut self, (origin, text): (&str, &str)) -> Result<Self> {
        for item in parse::labeled(text) {
            let meaning = if item.label == "none" {
                None
            } else {
                let mut parts = item.label.split_whitespace();
                let (Some(unit), Some(offset), None) = (parts.next(), parts.next(), parts.next())
                else {
                    return Err(item.error(origin, "expected `unit offset: phrase | phrase`"));
                };
                let offset = match offset {
                    "-n" => Offset::PerNumber(-1),
                    "n" | "+n" => Offset::PerNumber(1),
                    n => Offset::Fixed(
                        n.trim_start_matches('+')
                            .parse()
                            .map_err(|_| item.error(origin, "offset is a number, -n or n"))?,
                    ),
                };
                Some((unit, offset))
            };
            for phrase in &item.items {
                let slots: Vec<Slot> = phrase
                    .split_whitespace()
                    .map(|w| match w {
                        "{weekday}" => Slot::Weekday,
                        "{month}" => Slot::Month,
                        "{n}" => Slot::Number,
                        _ => Slot::Word(fold(w)),
                    })
                    .collect();
                let has = |s: &Slot| slots.contains(s);
                let meaning = match meaning {
                    None => None,
                    Some((unit, offset)) => {
                        let unit = match (unit, has(&Slot::Weekday), has(&Slot::Month)) {
                            ("day", false, false) => RelativeUnit::Day,
                            ("week", false, false) => RelativeUnit::Week,
                            ("month", false, false) => RelativeUnit::Month,
                            ("year", false, false) => RelativeUnit::Year,
                            ("weekday", true, false) => RelativeUnit::Weekday,
                            ("month", false, true) => RelativeUnit::NamedMonth,
                            _ => {
                                return Err(item.error(
                                    origin,
                                    "units are day, week, month, year; weekday needs {weekday}, \
                                     a {month} slot needs unit month",
                                ));
                            }
                        };
                        if matches!(offset, Offset::PerNumber(_)) != has(&Slot::Number) {
                            return Err(item.error(origin, "an offset n goes with a {n} slot"));
                        }
                        Some((unit, offset))
                    }
                };
                let Some(first) = slots.first() else { continue };
                self.by_first
                    .entry(slot_key(first).to_string())
                    .or_default()
                    .push(self.relative.len());
                self.relative.push(RelativeRule {
                    phrase: slots,
                    meaning,
                });
            }
        }
        Ok(self)
    }
}
