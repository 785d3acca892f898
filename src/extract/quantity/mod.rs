//! Numbers and quantities in eight languages, each with its byte span.
//!
//! What is read:
//! - digits with any locale's separators ("1,000", "1.000", "1 000", NBSP
//!   and thin-space groups, "3,5", "3.5"; the rules are in `token.rs`),
//!   signs, percentages, currencies (symbols, ISO codes, words), multipliers
//!   ("1,7 milhões", "3 Mrd."), ordinals ("3rd", "3º", "3-й", German "3."
//!   before a word);
//! - number words, compound and inflected ("trinta e dois",
//!   "zweiunddreißig", "quatre-vingt-dix", "двадцяти"), from
//!   `numbers.txt`;
//! - ranges ("3-4", "between 10 and 12", "від 10 до 12"); two integers joined
//!   by a dash where the first is not smaller ("3-1"), or by a colon ("3:1"),
//!   are a [`Unit::Score`], not a range;
//! - vague amounts as intervals ("tens of thousands" = 20000..=90000,
//!   `vague.txt`) and qualifiers ("more than 30": [`Qualifier::Min`]);
//! - proper fractions in words ("two-thirds", "due terzi", "дві третини"),
//!   the denominators from `units.txt`;
//! - what a quantity counts: the noun after it, with a concept id from
//!   `concepts.txt` ([`crate::lexicon::concepts`]).
//!
//! What is not a quantity: years (a plain 1900–2100 that counts nothing but
//! years: "in 2023", "2024 року"), numbers next to a month name ("3
//! December", "December 3", "3 de dezembro"), numeric dates and clock times
//! ("03.12.2024", "10:30", "21h50", "10 a.m."), phone numbers, identifiers
//! (letters glued to the digits: "COVID-19", "G7", "F-16", "5G"; after an
//! `id` word of `units.txt`: "article 5"). A lone article ("a", "un") is
//! never a number, and a weak number word ("one", "uno") alone counts only
//! before a counted noun with a known concept ("one country", not "one of
//! them").

mod lexicon;
mod parser;
mod token;

#[cfg(test)]
mod tests;

use serde::Serialize;

use crate::document::Document;
use crate::lexicon::{LangLexicon, Lexicons};
use crate::span::Span;

pub use lexicon::QuantityLexicon;

/// What a quantity measures.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// A count of things (the default).
    Count,
    /// A percentage: the value is the number itself ("12,5%" is 12.5).
    Percent,
    /// Percentage points.
    PercentagePoint,
    /// Money in a currency (ISO 4217 code).
    Currency(Currency),
    /// A rank ("3rd", "3º", "3-й").
    Ordinal,
    /// A match score ("3-1", "2:0"); [`Quantity::sides`] holds both sides.
    Score,
    /// A proper fraction written in words ("two-thirds" is 0.666…).
    Fraction,
}

/// How the text bounds a quantity, without changing its value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// About that much ("about", "cerca de", "около").
    Approx,
    /// At least that much ("more than", "mais de", "понад").
    Min,
    /// At most that much ("less than", "almost", "до").
    Max,
}

/// An ISO 4217 currency code ("EUR"), three ASCII capitals.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Currency([u8; 3]);

impl Currency {
    /// The code of a three-letter ASCII string.
    pub fn new(code: &str) -> Option<Currency> {
        let bytes: [u8; 3] = code.as_bytes().try_into().ok()?;
        bytes
            .iter()
            .all(u8::is_ascii_uppercase)
            .then_some(Currency(bytes))
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        // Three ASCII capitals, checked in `new`.
        std::str::from_utf8(&self.0).unwrap_or("XXX")
    }
}

impl std::fmt::Debug for Currency {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::fmt::Display for Currency {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Currency {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// What a quantity counts: the noun after it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Counted {
    /// The noun group as written ("member countries").
    pub span: Span,
    /// Its text, exactly `text[span]`.
    pub text: String,
    /// Stem of its head word: compares within a language.
    pub key: String,
    /// Language-independent concept id of the head word ("country").
    pub concept: Option<String>,
}

/// A number or quantity found in a text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Quantity {
    /// The whole expression: qualifier, number, unit and counted noun.
    pub span: Span,
    /// The amount alone (qualifier, number and unit), without the noun.
    pub number: Span,
    /// The value when it is one number; None for ranges and vague amounts.
    pub value: Option<f64>,
    /// Lower bound (the value itself for one number).
    pub min: f64,
    /// Upper bound (the value itself for one number).
    pub max: f64,
    /// The place value of the last written digit ("1.7 million": 100000),
    /// for comparing rounded forms.
    pub precision: f64,
    /// What it measures.
    pub unit: Unit,
    /// "About", "more than", "less than".
    pub qualifier: Option<Qualifier>,
    /// What it counts (boxed: most numbers of a long document count
    /// nothing named, and a quantity is kept small).
    pub counts: Option<Box<Counted>>,
    /// True for a vague amount ("thousands", "dezenas de milhares").
    pub vague: bool,
    /// True when written in words ("thirty-two").
    pub spelled: bool,
    /// Both sides of a score in text order ("3-1": [3, 1]).
    pub sides: Option<Box<[f64; 2]>>,
    /// True when found in boilerplate.
    pub boilerplate: bool,
}

/// Relative difference two values may have and still be one rounded number.
const ROUNDING: f64 = 0.05;

impl Quantity {
    /// True when two quantities (in any languages) state the same amount:
    /// equal values up to the rounding of the less precise form ("1.7
    /// million" = "1 700 000", never more than 5% apart); equal ends for
    /// ranges; overlapping intervals for two vague amounts ("tens of
    /// thousands" ≠ "thousands"); a value inside a vague amount. Opposite
    /// qualifiers ("more than 30" / "less than 30") differ.
    pub fn same_value(&self, other: &Quantity) -> bool {
        let opposite = matches!(
            (self.qualifier, other.qualifier),
            (Some(Qualifier::Min), Some(Qualifier::Max))
                | (Some(Qualifier::Max), Some(Qualifier::Min))
        );
        if opposite {
            return false;
        }
        if let (Some(a), Some(b)) = (&self.sides, &other.sides) {
            return a == b;
        }
        if self.sides.is_some() || other.sides.is_some() {
            return false;
        }
        let precision = self.precision.max(other.precision);
        match (self.vague, other.vague) {
            (true, true) => self.min <= other.max && other.min <= self.max,
            (true, false) => self.min <= other.min && other.max <= self.max,
            (false, true) => other.min <= self.min && self.max <= other.max,
            (false, false) => {
                close(self.min, other.min, precision) && close(self.max, other.max, precision)
            }
        }
    }

    /// True when two quantities measure the same thing, so a different value
    /// is drift: the same unit and, for counts, the same concept (or the same
    /// stem key when either has no concept).
    pub fn comparable(&self, other: &Quantity) -> bool {
        if self.unit != other.unit {
            return false;
        }
        match (&self.counts, &other.counts) {
            (Some(a), Some(b)) => match (&a.concept, &b.concept) {
                (Some(x), Some(y)) => x == y,
                _ => a.key == b.key,
            },
            (None, None) => self.unit != Unit::Count,
            _ => false,
        }
    }
}

/// True when `a` and `b` are one number written with `precision`.
pub(crate) fn close(a: f64, b: f64, precision: f64) -> bool {
    let scale = a.abs().max(b.abs());
    let tolerance = (precision / 2.0).min(ROUNDING * scale) + 1e-9 * scale.max(1.0);
    (a - b).abs() <= tolerance
}

/// The quantities of a text in a language (ISO 639-1 `lang`, whose lexicon
/// is `lex`), spans relative to `text`.
pub fn extract(text: &str, lang: &str, lex: &LangLexicon) -> Vec<Quantity> {
    let mut quantities = parser::Parser::new(text, lang, lex).run();
    for q in &mut quantities {
        whole_count(q, text);
    }
    quantities
}

/// A count of things is a whole number: "1.200 dockworkers" in an English
/// text (a translation keeping its source's thousands dot) is 1200, not 1.2.
/// Only a lone mark before exactly three digits is read again.
fn whole_count(q: &mut Quantity, text: &str) {
    let numerals: Vec<&str> = q
        .number
        .slice(text)
        .split_whitespace()
        .filter(|w| w.starts_with(|c: char| c.is_ascii_digit()))
        .collect();
    let lone_mark = matches!(numerals[..], [n] if n.split_once(['.', ',']).is_some_and(|(int, frac)| {
        (1..=3).contains(&int.len())
            && frac.len() == 3
            && int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit())
    }));
    let counted = q.unit == Unit::Count && q.counts.is_some() && !q.vague;
    if let (true, true, Some(v)) = (lone_mark, counted, q.value) {
        if v.fract() != 0.0 {
            let whole = (v * 1000.0).round();
            q.value = Some(whole);
            q.min = whole;
            q.max = whole;
            q.precision = 1.0;
        }
    }
}

/// The quantities of a document, paragraph by paragraph, flagged when in
/// boilerplate.
pub fn extract_document(doc: &Document, lexicons: &Lexicons) -> Vec<Quantity> {
    let lex = lexicons.lang(&doc.language.code);
    let mut out = Vec::new();
    for para in &doc.paragraphs {
        for mut q in extract(doc.slice(para.span), &doc.language.code, lex) {
            q.span = q.span.shift(para.span.start);
            q.number = q.number.shift(para.span.start);
            if let Some(c) = q.counts.as_mut() {
                c.span = c.span.shift(para.span.start);
            }
            q.boilerplate = para.boilerplate.is_some() || doc.is_boilerplate(q.span);
            out.push(q);
        }
    }
    out
}
