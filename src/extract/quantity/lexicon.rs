//! The number lexicon of one language, parsed from `numbers.txt`,
//! `vague.txt` and `units.txt` (formats in the header of each English file).

use crate::hash::{HashMap, HashMapExt, HashSet, HashSetExt};

use super::token::{self, Locale, Token};
use super::{Currency, Qualifier, Unit};
use crate::error::Result;
use crate::lexicon::parse;

/// What a number word does inside a number.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Role {
    /// Adds its value ("thirty", "two").
    Value(f64),
    /// Multiplies what precedes it ("hundred", "million").
    Multiplier(f64),
    /// Joins two parts ("and", "e", "und").
    Joiner,
    /// Worth 1 before a multiplier only ("a", "um", "eine").
    Article,
    /// Adds half of the last unit ("five and a half", "two million and a
    /// half", German "zweieinhalb").
    Half,
}

/// A number word with its role.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NumberWord {
    /// Its role.
    pub role: Role,
    /// Alone, it counts only before a multiplier or a counted noun.
    pub weak: bool,
}

/// Phrases of one or more tokens, keyed by their folded tokens (hyphens
/// dropped), matched longest first.
#[derive(Clone, Debug)]
pub struct Phrases<T> {
    map: HashMap<String, T>,
    /// The first token of every phrase: most tokens start none, and are
    /// rejected without building a key.
    firsts: HashSet<String>,
    /// The first bytes of those tokens, to reject most before hashing.
    starts: crate::lexicon::Starts,
    longest: usize,
}

impl<T> Default for Phrases<T> {
    fn default() -> Self {
        Phrases {
            map: HashMap::new(),
            firsts: HashSet::new(),
            starts: crate::lexicon::Starts::default(),
            longest: 0,
        }
    }
}

/// The tokens of a lexicon phrase, hyphens dropped.
fn phrase_key(phrase: &str) -> (String, usize) {
    let tokens = token::tokenize(phrase, Locale::of("en"));
    let keys: Vec<&str> = tokens
        .iter()
        .filter(|t| !t.is_punct(&token::DASHES))
        .map(|t| t.key.as_str())
        .collect();
    (keys.join(" "), keys.len())
}

impl<T: Copy> Phrases<T> {
    fn insert(&mut self, phrase: &str, value: T) {
        let (key, len) = phrase_key(phrase);
        if len > 0 {
            self.longest = self.longest.max(len);
            let first = key.split(' ').next().unwrap_or_default();
            self.starts.insert(first);
            self.firsts.insert(first.to_string());
            self.map.entry(key).or_insert(value);
        }
    }

    /// The longest phrase starting at token `at`: its value and the index
    /// after its last token. Tokens of a phrase are separated by white space
    /// or a hyphen only.
    pub fn longest_at(&self, text: &str, tokens: &[Token], at: usize) -> Option<(T, usize)> {
        let first = &tokens.get(at)?.key;
        if !self.starts.may_hold(first) || !self.firsts.contains(first) {
            return None;
        }
        let mut key = String::new();
        let mut ends = Vec::with_capacity(self.longest);
        let mut prev_end = None;
        let mut i = at;
        while ends.len() < self.longest && i < tokens.len() {
            if let Some(prev_end) = prev_end {
                if tokens[i].is_punct(&token::DASHES) {
                    i += 1;
                }
                let Some(next) = tokens.get(i) else { break };
                if !text[prev_end..next.span.start]
                    .chars()
                    .all(|c| c.is_whitespace() || token::is_dash(c))
                {
                    break;
                }
                key.push(' ');
            }
            key.push_str(&tokens[i].key);
            prev_end = Some(tokens[i].span.end);
            i += 1;
            ends.push((key.clone(), i));
        }
        ends.iter()
            .rev()
            .find_map(|(k, end)| self.map.get(k).map(|&v| (v, *end)))
    }

    /// The value of a single-token key.
    pub fn get(&self, key: &str) -> Option<T> {
        if !self.starts.may_hold(key) {
            return None;
        }
        self.map.get(key).copied()
    }
}

/// A range pattern: the words before and between two numbers.
#[derive(Clone, Debug, Default)]
pub struct RangePattern {
    /// Folded tokens before the first number.
    pub before: Vec<String>,
    /// Folded tokens between the numbers.
    pub middle: Vec<String>,
}

/// What a word after a number says about it.
#[derive(Clone, Debug, PartialEq)]
pub enum After {
    /// A unit ("%", "euros").
    Unit(Unit),
    /// A clock time follows ("a.m.", "Uhr"): the number is no quantity.
    Time,
    /// A fraction's denominator ("two-thirds": 3).
    Fraction(u32),
}

/// The number lexicon of one language.
#[derive(Clone, Debug, Default)]
pub struct QuantityLexicon {
    /// Number words.
    pub(super) words: Phrases<NumberWord>,
    /// Single-token number words and compound parts, for splitting compounds.
    pub(super) pieces: HashMap<String, NumberWord>,
    /// Longest piece, in characters.
    pub(super) longest_piece: usize,
    /// Every proper prefix of a piece: a word none of whose prefixes is one
    /// cannot start a compound, and most words are told so in a letter or two.
    pub(super) piece_prefixes: HashSet<String>,
    /// Words between an amount and its noun ("of", "de").
    pub(super) of: Phrases<()>,
    /// Sign words before a number ("minus", "negative", "мінус").
    pub(super) minus: Phrases<()>,
    /// Spoken decimal marks ("point", "coma", "Komma").
    pub(super) point: Phrases<()>,
    /// Ordinal suffixes after digits (folded; "-й" keeps its hyphen).
    pub(super) ordinals: Vec<String>,
    /// Range patterns ("between _ and _").
    pub(super) ranges: Vec<RangePattern>,
    /// Vague amounts: (min, max).
    pub(super) vague: Phrases<(f64, f64)>,
    /// Qualifiers before a number.
    pub(super) qualifiers: Phrases<Qualifier>,
    /// Units and clock-time words, as indices into `after_list`.
    pub(super) after: Phrases<usize>,
    /// The units and time markers `after` points to.
    pub(super) after_list: Vec<After>,
    /// Words that make the number after them an identifier ("article 5").
    pub(super) ids: Phrases<()>,
    /// Multipliers only glued to the digits of an amount of money ("£3m"),
    /// by folded form.
    pub(super) money_multipliers: HashMap<String, f64>,
}

impl QuantityLexicon {
    /// Parses the three files of a language: `(origin, text)` each.
    pub fn parse(
        numbers: &(String, String),
        vague: &(String, String),
        units: &(String, String),
    ) -> Result<QuantityLexicon> {
        let mut lex = QuantityLexicon::default();
        lex.parse_numbers(numbers)?;
        lex.parse_vague(vague)?;
        lex.parse_units(units)?;
        Ok(lex)
    }

    fn parse_numbers(&mut self, (origin, text): &(String, String)) -> Result<()> {
        for item in parse::labeled(text) {
            let role = match item.label {
                "and" => Some(Role::Joiner),
                "a" => Some(Role::Article),
                "half" => Some(Role::Half),
                "of" | "ordinal" | "range" | "minus" | "point" => None,
                label => {
                    let (multiplier, number) = match label.strip_prefix('x') {
                        Some(n) => (true, n),
                        None => (false, label),
                    };
                    let n: f64 = number
                        .parse()
                        .ok()
                        .filter(|n: &f64| n.is_finite())
                        .ok_or_else(|| {
                            item.error(
                                origin,
                                "label is a number, `xN`, `and`, `a`, `half`, `of`, `ordinal`, \
                                 `range`, `minus` or `point`",
                            )
                        })?;
                    Some(if multiplier {
                        Role::Multiplier(n)
                    } else {
                        Role::Value(n)
                    })
                }
            };
            for form in &item.items {
                match (item.label, role) {
                    ("of", _) => self.of.insert(form, ()),
                    ("minus", _) => self.minus.insert(form, ()),
                    ("point", _) => self.point.insert(form, ()),
                    ("ordinal", _) => self.ordinals.push(crate::text::fold(form)),
                    ("range", _) => self.ranges.push(range_pattern(form).ok_or_else(|| {
                        item.error(origin, "a range has two `_`: `between _ and _`")
                    })?),
                    (_, Some(role)) => {
                        let form: &str = form;
                        if let (Some(money), Role::Multiplier(m)) = (form.strip_prefix('$'), role) {
                            self.money_multipliers.insert(crate::text::fold(money), m);
                            continue;
                        }
                        let (weak, part, form) = match form.as_bytes().first() {
                            Some(b'?') => (true, false, &form[1..]),
                            Some(b'~') => (false, true, &form[1..]),
                            _ => (false, false, form),
                        };
                        let word = NumberWord { role, weak };
                        let (key, len) = phrase_key(form);
                        if len == 1 {
                            self.longest_piece = self.longest_piece.max(key.chars().count());
                            for (i, _) in key.char_indices().skip(1) {
                                self.piece_prefixes.insert(key[..i].to_string());
                            }
                            self.pieces.entry(key).or_insert(word);
                        }
                        if !part {
                            self.words.insert(form, word);
                        }
                    }
                    (_, None) => {}
                }
            }
        }
        // Longest first: "ème" before "e".
        self.ordinals
            .sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        Ok(())
    }

    fn parse_vague(&mut self, (origin, text): &(String, String)) -> Result<()> {
        for item in parse::labeled(text) {
            let qualifier = match item.label {
                "approx" => Some(Qualifier::Approx),
                "min" => Some(Qualifier::Min),
                "max" => Some(Qualifier::Max),
                _ => None,
            };
            if let Some(q) = qualifier {
                for form in &item.items {
                    self.qualifiers.insert(form, q);
                }
                continue;
            }
            let range = item.label.split_once("..").and_then(|(lo, hi)| {
                let lo: f64 = lo.trim().parse().ok()?;
                let hi: f64 = hi.trim().parse().ok()?;
                (lo.is_finite() && hi.is_finite() && lo <= hi).then_some((lo, hi))
            });
            let range = range
                .ok_or_else(|| item.error(origin, "label is `LO..HI`, `approx`, `min` or `max`"))?;
            for form in &item.items {
                self.vague.insert(form, range);
            }
        }
        Ok(())
    }

    fn parse_units(&mut self, (origin, text): &(String, String)) -> Result<()> {
        for item in parse::labeled(text) {
            let after = match item.label {
                "percent" => After::Unit(Unit::Percent),
                "pp" => After::Unit(Unit::PercentagePoint),
                "time" => After::Time,
                label if label.starts_with('/') => match label[1..].parse() {
                    Ok(d) if d >= 2 => After::Fraction(d),
                    _ => return Err(item.error(origin, "a fraction label is `/N`, N ≥ 2")),
                },
                "id" => {
                    for form in &item.items {
                        self.ids.insert(form, ());
                    }
                    continue;
                }
                label => {
                    let Some(code) = Currency::new(label) else {
                        return Err(item.error(
                            origin,
                            "label is `percent`, `pp`, `time`, `id`, `/N` or a currency code",
                        ));
                    };
                    // The code itself is a unit too ("3 EUR").
                    let currency = After::Unit(Unit::Currency(code));
                    self.insert_after(label, currency.clone());
                    currency
                }
            };
            for form in &item.items {
                self.insert_after(form, after.clone());
            }
        }
        Ok(())
    }

    fn insert_after(&mut self, form: &str, after: After) {
        let index = match self.after_list.iter().position(|a| *a == after) {
            Some(i) => i,
            None => {
                self.after_list.push(after);
                self.after_list.len() - 1
            }
        };
        self.after.insert(form, index);
    }

    /// True when no qualifier is known (a language without `vague.txt`).
    pub fn qualifiers_empty(&self) -> bool {
        self.qualifiers.map.is_empty()
    }

    /// True when no vague amount is known.
    pub fn vague_empty(&self) -> bool {
        self.vague.map.is_empty()
    }

    /// The unit or time marker starting at token `at`, and the index after it.
    pub fn after_at(&self, text: &str, tokens: &[Token], at: usize) -> Option<(&After, usize)> {
        let (i, end) = self.after.longest_at(text, tokens, at)?;
        self.after_list.get(i).map(|a| (a, end))
    }

    /// True when a prefix of the word (or all of it) is a piece, walking
    /// the prefixes only while some piece still begins with them.
    fn starts_with_piece(&self, word: &str) -> bool {
        for (n, (i, c)) in word.char_indices().enumerate().take(self.longest_piece) {
            let prefix = &word[..i + c.len_utf8()];
            if self.pieces.contains_key(prefix) {
                return true;
            }
            if n + 1 < self.longest_piece && !self.piece_prefixes.contains(prefix) {
                return false;
            }
        }
        false
    }

    /// Splits a folded word into number pieces ("zweiunddreissig" → zwei,
    /// und, dreissig), preferring long pieces; None unless it splits into two
    /// or more. Linear in the word's length (dynamic programming from the
    /// end), and words longer than any real number word are not tried.
    pub fn split_compound(&self, word: &str) -> Option<Vec<NumberWord>> {
        let chars = word.chars().count();
        if self.pieces.is_empty() || !(4..=MAX_COMPOUND).contains(&chars) {
            return None;
        }
        if !self.starts_with_piece(word) {
            return None;
        }
        let bounds: Vec<usize> = word
            .char_indices()
            .map(|(i, _)| i)
            .chain([word.len()])
            .collect();
        // next[k]: the end (as a bound index) of the piece starting at bound k
        // on a path that reaches the end of the word.
        let mut next: Vec<Option<usize>> = vec![None; bounds.len()];
        for k in (0..bounds.len() - 1).rev() {
            let last = (k + self.longest_piece).min(bounds.len() - 1);
            next[k] = (k + 1..=last).rev().find(|&e| {
                (e == bounds.len() - 1 || next[e].is_some())
                    && self.pieces.contains_key(&word[bounds[k]..bounds[e]])
            });
        }
        let mut out = Vec::new();
        let mut k = 0;
        while k < bounds.len() - 1 {
            let e = next[k]?;
            out.push(*self.pieces.get(&word[bounds[k]..bounds[e]])?);
            k = e;
        }
        (out.len() >= 2).then_some(out)
    }
}

/// Longest word, in characters, tried as a compound number word
/// ("siebenhundertsiebenundsiebzigtausend" has 36).
const MAX_COMPOUND: usize = 80;

fn range_pattern(form: &str) -> Option<RangePattern> {
    let mut parts = form.split('_');
    let before = parts.next()?;
    let middle = parts.next()?;
    let after = parts.next()?;
    if parts.next().is_some() || !after.trim().is_empty() {
        return None;
    }
    let keys = |s: &str| {
        let (key, _) = phrase_key(s);
        key.split(' ')
            .filter(|k| !k.is_empty())
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    let middle = keys(middle);
    (!middle.is_empty()).then(|| RangePattern {
        before: keys(before),
        middle,
    })
}

/// True when the token at `at` (a word) starts with the given folded tokens,
/// separated by white space; returns the index after them.
pub fn match_keys(text: &str, tokens: &[Token], at: usize, keys: &[String]) -> Option<usize> {
    let mut i = at;
    for (n, key) in keys.iter().enumerate() {
        let t = tokens.get(i)?;
        if t.key != *key {
            return None;
        }
        if n > 0 && !text[tokens[i - 1].span.end..t.span.start].trim().is_empty() {
            return None;
        }
        i += 1;
    }
    Some(i)
}
