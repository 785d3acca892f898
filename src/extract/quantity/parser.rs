//! Tokens to quantities: one left-to-right pass; at each token, the longest
//! quantity that starts there.

use std::sync::LazyLock;

use regex::Regex;

use super::lexicon::{After, NumberWord, QuantityLexicon, Role, match_keys};
use super::token::{self, DASHES, Digits, Locale, Token};
use super::{Counted, Quantity, Unit};
use crate::lexicon::LangLexicon;
use crate::span::Span;

/// Numeric dates, clock times and phone numbers: never quantities.
static NOT_QUANTITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?-u:\b)\d{1,4}/\d{1,2}/\d{2,4}(?-u:\b)",
        r"|(?-u:\b)\d{1,2}\.\d{1,2}\.\d{2,4}(?-u:\b)",
        r"|(?-u:\b)\d{4}-\d{1,2}-\d{1,2}(?-u:\b)",
        r"|(?-u:\b)\d{1,2}-\d{1,2}-\d{4}(?-u:\b)",
        // A season or fiscal year: "2024/25", "2024-25".
        r"|(?-u:\b)(?:19|20)\d{2}[/–-]\d{2}(?-u:\b)",
        r"|(?-u:\b)\d{2}\.(?:0[1-9]|1[0-2])\.(?:\s|$)",
        r"|(?-u:\b)(?:[01]?\d|2[0-4])[:h]\d{2}(?::\d{2})?(?-u:\b)",
        r"|(?-u:\b)\d{1,2}h(?-u:\b)",
        r"|\+\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d{2,4}){2,4}",
        r"|\(\d{2,3}\)\s?\d{4,5}-\d{4}",
        r"|(?-u:\b)(?:https?://|www\.)\S+",
    ))
    .expect("valid pattern")
});

/// Digits without separators this long may be identifiers, not amounts.
const LONGEST_PLAIN: usize = 8;
/// Plain digits longer than this are identifiers whatever they start with.
const LONGEST_AMOUNT: usize = 15;

/// A number read from the tokens.
#[derive(Clone, Copy, Debug)]
struct Num {
    /// Index after its last token.
    end: usize,
    value: f64,
    /// Product of its multipliers ("3 million": 1e6).
    mult: f64,
    precision: f64,
    spelled: bool,
    /// A weak word alone ("one"): needs a counted noun.
    weak: bool,
    /// The digits, when the number is one digits token and nothing else.
    digits: Option<Digits>,
}

impl Num {
    fn base(&self) -> f64 {
        self.value / self.mult
    }

    fn is_integer_digits(&self) -> bool {
        self.digits
            .is_some_and(|d| d.precision >= 1.0 && d.value.fract() == 0.0)
    }

    fn is_year(&self) -> bool {
        self.digits
            .is_some_and(|d| d.plain && d.lead == 4 && (1900.0..=2100.0).contains(&d.value))
    }
}

/// The most groups of a number: one per multiplier of a thousand or more.
const GROUPS: usize = 8;

/// The value of a number being read word by word.
///
/// Groups are amounts with a multiplier of a thousand or more, in falling
/// order of magnitude ("three billion | 455 thousand"). A larger multiplier
/// takes every smaller group before it and the value in progress
/// ("cuatrocientos cincuenta y cinco mil millones": 455 × 10⁹), which is how
/// "mil millones" and "dos mil ciento cuarenta y siete millones" read.
#[derive(Clone, Copy, Debug)]
struct Acc {
    /// (value, magnitude) of each group, largest first.
    groups: [(f64, f64); GROUPS],
    len: usize,
    current: f64,
    items: usize,
    joined: bool,
    from_digits: bool,
    /// Product of the multipliers since the last value word.
    scale: f64,
    /// Product of every multiplier.
    mult: f64,
    fraction: bool,
    /// "zero" was read: nothing adds to it.
    zero: bool,
}

impl Acc {
    fn new() -> Acc {
        Acc {
            groups: [(0.0, 0.0); GROUPS],
            len: 0,
            current: 0.0,
            items: 0,
            joined: false,
            from_digits: false,
            scale: 1.0,
            mult: 1.0,
            fraction: false,
            zero: false,
        }
    }

    fn digits(value: f64) -> Acc {
        Acc {
            current: value,
            items: 1,
            from_digits: true,
            ..Acc::new()
        }
    }

    fn value(&self) -> f64 {
        self.groups[..self.len].iter().map(|g| g.0).sum::<f64>() + self.current
    }

    /// The magnitude of the last group (0 before any).
    fn last_large(&self) -> f64 {
        self.len.checked_sub(1).map_or(0.0, |k| self.groups[k].1)
    }

    /// True while digits have not been scaled by a large multiplier: words
    /// may not add to "3" ("3 two"), but may to "41 mil" ("e quinhentos").
    fn digits_pending(&self) -> bool {
        self.from_digits && self.current != 0.0
    }

    /// Takes one more word; false (and unchanged) when it does not fit.
    fn push(&mut self, role: Role) -> bool {
        let before = *self;
        if self.zero {
            return false;
        }
        let ok = match role {
            Role::Joiner => {
                if self.items == 0 || self.joined || self.digits_pending() || self.fraction {
                    return false;
                }
                self.joined = true;
                return true;
            }
            Role::Article => (self.items == 0 || self.joined) && self.add(1.0),
            Role::Value(v) => !self.digits_pending() && self.add(v),
            Role::Multiplier(m) => !self.joined && self.multiply(m),
            Role::Half => self.half(),
        };
        if ok {
            self.items += 1;
            self.joined = false;
        } else {
            *self = before;
        }
        ok
    }

    fn add(&mut self, v: f64) -> bool {
        if v == 0.0 {
            // "zero" stands alone.
            if self.items > 0 {
                return false;
            }
            self.zero = true;
            return true;
        }
        // German puts units before tens: "zwei-und-dreißig".
        let units = self.current % 100.0;
        if self.joined
            && (20.0..100.0).contains(&v)
            && v % 10.0 == 0.0
            && units > 0.0
            && units < 10.0
        {
            self.current += v;
            return true;
        }
        if v < 1.0 {
            if self.items > 0 {
                return false;
            }
            self.fraction = true;
        } else if self.fraction
            || !(self.current == 0.0
                || (self.current.fract() == 0.0 && v < lowest_place(self.current)))
        {
            return false;
        }
        self.current += v;
        self.scale = 1.0;
        true
    }

    /// "and a half": half of one after a value, half of the last group's
    /// unit after a large multiplier ("a million and a half").
    fn half(&mut self) -> bool {
        if self.fraction {
            return false;
        }
        if self.current > 0.0 && self.current.fract() == 0.0 {
            self.current += 0.5;
            return true;
        }
        match self.len.checked_sub(1) {
            Some(k) if self.current == 0.0 => {
                self.groups[k].0 += 0.5 * self.groups[k].1;
                true
            }
            _ => false,
        }
    }

    fn multiply(&mut self, m: f64) -> bool {
        if m >= 1000.0 {
            let mut sum = self.current;
            if sum == 0.0 {
                // "thousand" alone, "миллион тысяча": one of it; after a
                // value without a multiplier, nothing.
                let after_group = self.len > 0 && m < self.last_large();
                if self.items == 0 || after_group {
                    sum = 1.0;
                }
            }
            let mut magnitude: f64 = 1.0;
            while self.len > 0 && self.groups[self.len - 1].1 < m {
                self.len -= 1;
                sum += self.groups[self.len].0;
                magnitude = magnitude.max(self.groups[self.len].1);
            }
            // Groups fall in magnitude: "two million three million" is two.
            let falls = self.len == 0 || self.last_large() > m * magnitude;
            if sum == 0.0 || self.len == GROUPS || !falls {
                return false;
            }
            self.groups[self.len] = (sum * m, m * magnitude);
            self.len += 1;
            self.current = 0.0;
        } else if self.current == 0.0 && self.items == 0 {
            self.current = m;
        } else if self.current != 0.0 && self.current < m && !self.fraction {
            self.current *= m;
        } else {
            return false;
        }
        self.fraction = false;
        // Digits scaled by a multiplier take words after them ("3 hundred
        // and one").
        self.from_digits = false;
        self.scale *= m;
        self.mult *= m;
        true
    }
}

/// The smallest power of ten that divides an integer ("120" → 10).
fn lowest_place(x: f64) -> f64 {
    let mut p = 1.0;
    while p < 1e15 && x % (p * 10.0) == 0.0 {
        p *= 10.0;
    }
    p
}

/// What a quantity's numbers are.
enum Core {
    One(Num),
    Range(Num, Num),
    Score(Num, Num),
    Vague { lo: f64, hi: f64, end: usize },
}

impl Core {
    fn end(&self) -> usize {
        match self {
            Core::One(n) => n.end,
            Core::Range(_, b) | Core::Score(_, b) => b.end,
            Core::Vague { end, .. } => *end,
        }
    }
}

/// What parsing at one token gave.
enum Outcome {
    Found(Box<Quantity>, usize),
    /// Not a quantity (a date, an identifier): go on after this token.
    Skip(usize),
    Nothing,
}

/// The parser of one text.
pub struct Parser<'a> {
    text: &'a str,
    lex: &'a LangLexicon,
    q: &'a QuantityLexicon,
    tokens: Vec<Token>,
    blocked: Vec<bool>,
    lang: &'a str,
}

impl<'a> Parser<'a> {
    /// Tokenizes `text`.
    pub fn new(text: &'a str, lang: &'a str, lex: &'a LangLexicon) -> Parser<'a> {
        let tokens = token::tokenize(text, Locale::of(lang));
        let mut blocked = vec![false; tokens.len()];
        let mut t = 0;
        for m in NOT_QUANTITY.find_iter(text) {
            while t < tokens.len() && tokens[t].span.end <= m.start() {
                t += 1;
            }
            let mut u = t;
            while u < tokens.len() && tokens[u].span.start < m.end() {
                blocked[u] = true;
                u += 1;
            }
        }
        Parser {
            text,
            lex,
            q: &lex.quantities,
            tokens,
            blocked,
            lang,
        }
    }

    /// Every quantity, in text order.
    pub fn run(&self) -> Vec<Quantity> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.tokens.len() {
            match self.quantity_at(i) {
                Outcome::Found(q, end) => {
                    out.push(*q);
                    i = end.max(i + 1);
                }
                Outcome::Skip(end) => i = end.max(i + 1),
                Outcome::Nothing => i += 1,
            }
        }
        out
    }

    /// True when only white space, and no line break, lies between tokens
    /// `a` and `b`.
    fn spaced(&self, a: usize, b: usize) -> bool {
        match (self.tokens.get(a), self.tokens.get(b)) {
            (Some(x), Some(y)) => self.text[x.span.end..y.span.start]
                .chars()
                .all(|c| c.is_whitespace() && c != '\n'),
            _ => false,
        }
    }

    /// True when token `b` starts right where token `a` ends.
    fn glued(&self, a: usize, b: usize) -> bool {
        match (self.tokens.get(a), self.tokens.get(b)) {
            (Some(x), Some(y)) => x.span.end == y.span.start,
            _ => false,
        }
    }

    fn word(&self, i: usize) -> &str {
        self.tokens[i].span.slice(self.text)
    }

    /// A multiplier word at `at` ("million", "Mio.", glued "bn").
    fn multiplier_at(&self, at: usize) -> Option<(f64, usize)> {
        if at == 0 || !(self.spaced(at - 1, at)) {
            return None;
        }
        match self.q.words.longest_at(self.text, &self.tokens, at)? {
            (
                NumberWord {
                    role: Role::Multiplier(m),
                    ..
                },
                end,
            ) => Some((m, end)),
            _ => None,
        }
    }

    /// The multiplier glued to the digits at `at` of an amount of money
    /// ("£3m", "US$50k"): the currency is glued before them.
    fn money_multiplier_at(&self, at: usize) -> Option<f64> {
        let m = self
            .tokens
            .get(at + 1)
            .filter(|t| t.is_word() && self.glued(at, at + 1))?;
        let m = *self
            .q
            .money_multipliers
            .get(&crate::text::fold(m.span.slice(self.text)))?;
        let money = at >= 1
            && self.glued(at - 1, at)
            && (1..=2.min(at)).any(|k| {
                self.currency_before(at - k)
                    .is_some_and(|(_, end)| end == at)
            });
        money.then_some(m)
    }

    /// The number words of one word or phrase at `at`: a lexicon phrase, or
    /// a compound split into pieces.
    fn pieces_at(&self, at: usize) -> Option<(Vec<NumberWord>, usize)> {
        let t = self.tokens.get(at)?;
        if !t.is_word() || self.blocked[at] {
            return None;
        }
        if let Some((w, end)) = self.q.words.longest_at(self.text, &self.tokens, at) {
            return Some((vec![w], end));
        }
        let pieces = self.q.split_compound(&t.key)?;
        Some((pieces, at + 1))
    }

    /// The next item of a spelled number after token `end - 1`: skips one
    /// hyphen, needs nothing but white space around it.
    fn next_pieces(&self, end: usize) -> Option<(Vec<NumberWord>, usize)> {
        let mut at = end;
        if self.tokens.get(at)?.is_punct(&DASHES) {
            at += 1;
        }
        let gap = &self.text[self.tokens[end - 1].span.end..self.tokens.get(at)?.span.start];
        if !gap.chars().all(|c| c.is_whitespace() || token::is_dash(c)) {
            return None;
        }
        self.pieces_at(at)
    }

    /// A number at `at`: digits with optional multipliers, or words.
    fn number_at(&self, at: usize) -> Option<Num> {
        let t = self.tokens.get(at)?;
        if self.blocked[at] {
            return None;
        }
        if let Some(d) = t.digits() {
            let (fraction, mut end) = self.fraction_after(at, d).unwrap_or((0.0, at + 1));
            let mut acc = Acc::digits(d.value + fraction);
            while let Some((m, next)) = self.multiplier_at(end) {
                if !acc.push(Role::Multiplier(m)) {
                    break;
                }
                end = next;
            }
            if end == at + 1 {
                if let Some(m) = self.money_multiplier_at(at) {
                    acc.push(Role::Multiplier(m));
                    end += 1;
                }
            }
            // A fraction is exact: "2 1/2" is 2.5 and not 3.
            let whole_precision = if fraction > 0.0 { 0.01 } else { d.precision };
            let mut precision = whole_precision * acc.scale;
            if acc.scale >= 100.0 {
                // "41 mil e quinhentos", "41 mil e 500", "3 hundred and 21",
                // "4 thousand 3 hundred": the rest after a multiplier, in
                // words, or in digits after a joiner or before a multiplier.
                while let Some((trial, next)) = self.rest_after_large(acc, end) {
                    acc = trial;
                    end = next;
                    precision = acc.scale;
                }
            }
            return Some(Num {
                end,
                value: acc.value(),
                mult: acc.mult,
                precision,
                spelled: false,
                weak: false,
                digits: (end == at + 1).then_some(d),
            });
        }
        self.spelled_at(at, true)
            .or_else(|| self.leading_decimal(at))
    }

    /// The fraction of a mixed number after whole digits at `at`: "2 1/2",
    /// "2½", "3 ¾" (a vulgar fraction, or a small one in digits after a
    /// space, not followed by another slash as a date would be); its value
    /// and the index after it.
    fn fraction_after(&self, at: usize, whole: Digits) -> Option<(f64, usize)> {
        if !whole.plain {
            return None;
        }
        let next = self.tokens.get(at + 1)?;
        let vulgar = match next.span.slice(self.text) {
            "½" => Some(0.5),
            "¼" => Some(0.25),
            "¾" => Some(0.75),
            "⅓" => Some(1.0 / 3.0),
            "⅔" => Some(2.0 / 3.0),
            _ => None,
        };
        if let Some(v) = vulgar {
            return (self.glued(at, at + 1) || self.spaced(at, at + 1)).then_some((v, at + 2));
        }
        let (n, den) = (next.digits()?, self.tokens.get(at + 3)?.digits()?);
        let slash = self.tokens.get(at + 2)?.is_punct(&["/"]);
        let date_like = self
            .tokens
            .get(at + 4)
            .is_some_and(|t| t.is_punct(&["/", "."]) && self.glued(at + 3, at + 4))
            && self
                .tokens
                .get(at + 5)
                .is_some_and(|t| t.digits().is_some() && self.glued(at + 4, at + 5));
        let small =
            n.plain && den.plain && n.value >= 1.0 && n.value < den.value && den.value <= 10.0;
        (slash
            && small
            && !date_like
            && self.spaced(at, at + 1)
            && self.glued(at + 1, at + 2)
            && self.glued(at + 2, at + 3))
        .then_some((n.value / den.value, at + 4))
    }

    /// "punto cinco", "ponto setenta e sete": a decimal without its zero,
    /// only where a paragraph starts with it.
    fn leading_decimal(&self, at: usize) -> Option<Num> {
        if at != 0 || self.blocked[at] {
            return None;
        }
        let ((), mark_end) = self.q.point.longest_at(self.text, &self.tokens, at)?;
        let (value, precision, end) = self
            .digits_after_mark(mark_end)
            .filter(|_| self.spaced(mark_end - 1, mark_end))?;
        Some(Num {
            end,
            value,
            mult: 1.0,
            precision,
            spelled: true,
            weak: false,
            digits: None,
        })
    }

    /// One more part of a number after `end`: number words, or a joiner and
    /// then words or plain digits below a thousand.
    fn rest_after_large(&self, acc: Acc, end: usize) -> Option<(Acc, usize)> {
        let mut trial = acc;
        let mut at = end;
        if let Some((_, next)) = self
            .next_pieces(end)
            .filter(|(p, _)| p.len() == 1 && p[0].role == Role::Joiner)
        {
            if !trial.push(Role::Joiner) {
                return None;
            }
            at = next;
        }
        let digits = self.tokens.get(at).and_then(|t| t.digits());
        // Digits before a smaller multiplier go on the number ("4 thousand
        // 3 hundred", "3 milhões e 200 mil").
        let multiplier_next = |at: usize| {
            self.multiplier_at(at + 1)
                .is_some_and(|(m, _)| m < acc.last_large())
        };
        // After a joiner, digits with a multiplier of their own start
        // another number ("3 cents et 2 cents").
        let joined_digits = |at: usize| at > end && self.multiplier_at(at + 1).is_none();
        let next = match digits {
            Some(d)
                if (joined_digits(at) || multiplier_next(at))
                    && d.plain
                    && d.value < 1000.0
                    && self.spaced(at - 1, at) =>
            {
                trial.push(Role::Value(d.value)).then_some(at + 1)?
            }
            _ => {
                let (pieces, next) = self.next_pieces(at)?;
                pieces.iter().all(|p| trial.push(p.role)).then_some(next)?
            }
        };
        (!trial.joined).then_some((trial, next))
    }

    /// A number written in words at `at`, with its spoken decimal part when
    /// `decimals`.
    fn spelled_at(&self, at: usize, decimals: bool) -> Option<Num> {
        let (first, mut end) = self.pieces_at(at)?;
        let mut acc = Acc::new();
        if !first.iter().all(|p| acc.push(p.role)) || acc.joined {
            return None;
        }
        let sole = (first.len() == 1).then(|| first[0]);
        while let Some((pieces, next)) = self.next_pieces(end) {
            let mut trial = acc;
            let mut next = next;
            if pieces.len() == 1 && pieces[0].role == Role::Joiner {
                // A joiner counts only with the word after it.
                let Some((more, after)) = self.next_pieces(next) else {
                    break;
                };
                if !trial.push(Role::Joiner) || !more.iter().all(|p| trial.push(p.role)) {
                    break;
                }
                next = after;
            } else if !pieces.iter().all(|p| trial.push(p.role)) {
                break;
            }
            if trial.joined {
                break;
            }
            acc = trial;
            end = next;
        }
        let alone = acc.items == 1;
        // An article is no number, but for one alone on its line ("Eine").
        let article = alone && sole.is_some_and(|w| w.role == Role::Article);
        if acc.fraction || (article && !self.alone(at, end)) {
            return None;
        }
        let mut num = Num {
            end,
            value: acc.value(),
            mult: acc.mult,
            precision: acc.scale,
            spelled: true,
            weak: alone && sole.is_some_and(|w| w.weak),
            digits: None,
        };
        if decimals && acc.value().fract() == 0.0 {
            if let Some((fraction, precision, after)) = self.decimals_after(end) {
                num.value += fraction;
                num.precision = precision;
                num.end = after;
                num.weak = false;
            }
        }
        Some(num)
    }

    /// A spoken decimal part at `at`: a decimal mark ("point", "coma",
    /// "Komma") and digits one by one ("three point one four") or one number
    /// ("cero coma quince", "zéro virgule cent douze"). The fraction, its
    /// precision and the index after it.
    fn decimals_after(&self, at: usize) -> Option<(f64, f64, usize)> {
        let ((), mark_end) = self.q.point.longest_at(self.text, &self.tokens, at)?;
        if !self.spaced(at - 1, at) || !self.spaced(mark_end - 1, mark_end) {
            return None;
        }
        self.digits_after_mark(mark_end)
    }

    /// The digits after a spoken decimal mark ending at `mark_end`.
    fn digits_after_mark(&self, mark_end: usize) -> Option<(f64, f64, usize)> {
        let single = |end: usize| -> Option<(u32, usize)> {
            match self.next_pieces(end)? {
                (p, next) if p.len() == 1 => match p[0].role {
                    Role::Value(v) if v.fract() == 0.0 && (0.0..10.0).contains(&v) => {
                        Some((v as u32, next))
                    }
                    _ => None,
                },
                _ => None,
            }
        };
        let mut digits = String::new();
        let mut end = mark_end;
        let mut next = single(end);
        // Digits one by one, unless the first word starts a larger number.
        let larger = self
            .spelled_at(mark_end, false)
            .is_some_and(|n| n.value >= 10.0);
        if !larger {
            while let Some((d, after)) = next {
                digits.push(char::from_digit(d, 10)?);
                end = after;
                next = single(end);
            }
        }
        if digits.is_empty() {
            let n = self.spelled_at(mark_end, false)?;
            if n.value.fract() != 0.0 || n.value >= 1000.0 {
                return None;
            }
            digits = format!("{}", n.value as u64);
            end = n.end;
        }
        let fraction: f64 = format!("0.{digits}").parse().ok()?;
        let precision = 10f64.powi(-(digits.len() as i32));
        Some((fraction, precision, end))
    }

    /// After `at`, an optional "of" word: the index after it.
    fn skip_of(&self, at: usize) -> usize {
        match self.q.of.longest_at(self.text, &self.tokens, at) {
            Some(((), end)) => end,
            None => at,
        }
    }

    /// A vague amount at `at`, scaled by the multipliers after it ("tens of
    /// thousands").
    fn vague_at(&self, at: usize) -> Option<Core> {
        let ((mut lo, mut hi), mut end) = self.q.vague.longest_at(self.text, &self.tokens, at)?;
        let mut next = self.skip_of(end);
        while let Some((m, after)) = self.multiplier_at(next).filter(|&(m, _)| m >= 100.0) {
            lo *= m;
            hi *= m;
            end = after;
            next = after;
        }
        Some(Core::Vague { lo, hi, end })
    }

    /// A second number joined to `a` by a dash, a colon or a range word:
    /// a range or a score. `currency` is the one written before `a`; the
    /// second number may repeat it ("£3 million to £8 million").
    fn continue_core(&self, a: Num, currency: Option<&Unit>) -> Core {
        let e = a.end;
        let Some(t) = self.tokens.get(e) else {
            return Core::One(a);
        };
        // "4.5%-5.5%": a percent sign after both ends of a range.
        let percent = |at: usize| self.tokens.get(at).is_some_and(|t| t.is_punct(&["%"]));
        if percent(e)
            && self.glued(e - 1, e)
            && self.tokens.get(e + 1).is_some_and(|t| t.is_punct(&DASHES))
        {
            if let Some(r) = self
                .number_at(e + 2)
                .filter(|b| percent(b.end) && self.glued(e + 1, e + 2))
                .and_then(|b| range(a, b))
            {
                return r;
            }
        }
        if t.is_punct(&["~"]) && self.glued(e - 1, e) && self.glued(e, e + 1) {
            // "20~100"
            if let Some(range) = self.number_at(e + 1).and_then(|b| range(a, b)) {
                return range;
            }
            return Core::One(a);
        }
        if t.is_punct(&DASHES) || t.is_punct(&[":"]) {
            let colon = t.is_punct(&[":"]);
            let tight = self.glued(e - 1, e) && self.glued(e, e + 1);
            let spaced = self.spaced(e - 1, e) && self.spaced(e, e + 1);
            if let Some(b) = self
                .number_at(e + 1)
                .filter(|_| tight || (spaced && !colon))
            {
                if a.is_integer_digits() && b.is_integer_digits() && (colon || a.value >= b.value) {
                    return Core::Score(a, b);
                }
                if !colon {
                    if let Some(range) = range(a, b) {
                        return range;
                    }
                }
            }
            return Core::One(a);
        }
        for pattern in self.q.ranges.iter().filter(|p| p.before.is_empty()) {
            let Some(at) = match_keys(self.text, &self.tokens, e, &pattern.middle) else {
                continue;
            };
            let at = currency.map_or(at, |c| self.same_currency_before(at, c));
            if let Some(b) = self.number_at(at) {
                // "3 a 1" is a score as "3-1" is; "3 a 5" a range.
                if a.is_integer_digits() && b.is_integer_digits() && a.value >= b.value {
                    return Core::Score(a, b);
                }
                if let Some(range) = range(a, b) {
                    return range;
                }
            }
        }
        Core::One(a)
    }

    /// A number with its sign: a sign word ("minus five", "negative ten") or
    /// a minus glued to digits ("-10").
    fn signed_number_at(&self, at: usize) -> Option<Num> {
        let negate = |mut n: Num| {
            n.value = -n.value;
            n
        };
        if let Some(((), end)) = self.q.minus.longest_at(self.text, &self.tokens, at) {
            if self.spaced(end - 1, end) {
                return self.number_at(end).map(negate);
            }
        }
        let t = self.tokens.get(at)?;
        if t.is_punct(&["-", "−"])
            && self.glued(at, at + 1)
            && self
                .tokens
                .get(at + 1)
                .is_some_and(|d| d.digits().is_some())
        {
            return self.number_at(at + 1).map(negate);
        }
        self.number_at(at)
    }

    /// A range with words before its first number ("between _ and _"), and
    /// the currency written before both its ends ("between £3m and £8m").
    fn lead_range_at(&self, at: usize) -> Option<(Core, Option<Unit>)> {
        self.q
            .ranges
            .iter()
            .filter(|p| !p.before.is_empty())
            .find_map(|pattern| {
                let first = match_keys(self.text, &self.tokens, at, &pattern.before)?;
                let (currency, first) = match self.currency_before(first) {
                    Some((unit, end)) => (Some(unit), end),
                    None => (None, first),
                };
                let a = self.signed_number_at(first)?;
                let second = match_keys(self.text, &self.tokens, a.end, &pattern.middle)?;
                let second = match &currency {
                    Some(c) => {
                        let after = self.same_currency_before(second, c);
                        // Both ends or neither carry the currency.
                        if after == second {
                            return None;
                        }
                        after
                    }
                    None => second,
                };
                Some((range(a, self.signed_number_at(second)?)?, currency))
            })
    }

    /// Where the number after `currency` written again at `at` starts, or
    /// `at` itself when it is not written there.
    fn same_currency_before(&self, at: usize, currency: &Unit) -> usize {
        match self.currency_before(at) {
            Some((unit, end)) if &unit == currency => end,
            _ => at,
        }
    }

    /// A currency before the number ("$", "R$", "EUR").
    fn currency_before(&self, at: usize) -> Option<(Unit, usize)> {
        match self.q.after_at(self.text, &self.tokens, at)? {
            (After::Unit(unit @ Unit::Currency(_)), end)
                if self.tokens.get(end).is_some_and(|t| t.digits().is_some())
                    && self.spaced(end - 1, end) =>
            {
                Some((unit.clone(), end))
            }
            _ => None,
        }
    }

    /// The unit after a number (directly, or after "of" for a currency:
    /// "milhões de euros"), or a clock-time marker.
    fn unit_after(&self, at: usize) -> Option<(After, usize)> {
        if at == 0 {
            return None;
        }
        // "two-thirds"
        if at + 1 < self.tokens.len()
            && self.tokens[at].is_punct(&DASHES)
            && self.glued(at - 1, at)
            && self.glued(at, at + 1)
        {
            if let Some((after @ After::Fraction(_), end)) =
                self.q.after_at(self.text, &self.tokens, at + 1)
            {
                return Some((after.clone(), end));
            }
        }
        if !self.spaced(at - 1, at) {
            return None;
        }
        if let Some((after, end)) = self.q.after_at(self.text, &self.tokens, at) {
            return Some((after.clone(), end));
        }
        let of = self.skip_of(at);
        match self.q.after_at(self.text, &self.tokens, of) {
            Some((after @ After::Unit(Unit::Currency(_)), end)) if of > at => {
                Some((after.clone(), end))
            }
            _ => None,
        }
    }

    /// An ordinal suffix glued to the digits ending at `at` ("rd", "º",
    /// "-й", German "." before a word): the index after it.
    fn ordinal_at(&self, at: usize) -> Option<usize> {
        let mut suffix = String::new();
        let mut best = None;
        let mut i = at;
        while i < at + 3 && self.glued(i - 1, i) {
            let t = &self.tokens[i];
            if t.digits().is_some() {
                break;
            }
            suffix.push_str(&t.key);
            i += 1;
            if self.q.ordinals.contains(&suffix) {
                best = Some(i);
            }
        }
        let end = best?;
        // Glued letters after the suffix make a word, not an ordinal.
        if self.glued(end - 1, end) && self.tokens[end].is_word() {
            return None;
        }
        if suffix_is_dot(&self.tokens[at..end]) {
            // "3." is an ordinal only before a content word ("am 3. Tag").
            let next = self.tokens.get(end).filter(|t| t.is_word())?;
            if self.lex.is_function_word(next.span.slice(self.text)) {
                return None;
            }
        }
        Some(end)
    }

    /// True when a month name stands right before token `at` or right after
    /// the numbers ending at `end` ("3 December", "Dec. 3", "3 e 4 de
    /// dezembro", "3. Dezember").
    fn next_to_month(&self, at: usize, end: usize) -> bool {
        let is_month = |i: usize| {
            self.tokens[i].is_word() && self.lex.months.get_folded(&self.tokens[i].key).is_some()
        };
        if at >= 1 && is_month(at - 1) {
            return true;
        }
        // "Friday (29)", "vendredi 29": a day of the month.
        let mut before = at;
        while before > 0 && self.tokens[before - 1].is_punct(&["(", ","]) {
            before -= 1;
        }
        if before > 0 && self.tokens[before - 1].is_word() {
            // The whole hyphenated word: "sexta-feira".
            let mut first = before - 1;
            while first >= 2
                && self.tokens[first - 1].is_punct(&DASHES)
                && self.glued(first - 2, first - 1)
                && self.glued(first - 1, first)
            {
                first -= 2;
            }
            let whole = Span::new(
                self.tokens[first].span.start,
                self.tokens[before - 1].span.end,
            );
            if self.lex.weekdays.get(whole.slice(self.text)).is_some()
                || self
                    .lex
                    .weekdays
                    .get_folded(&self.tokens[first].key)
                    .is_some()
            {
                return true;
            }
        }
        if at >= 2 && self.tokens[at - 1].is_punct(&["."]) && is_month(at - 2) {
            return true;
        }
        let joiners = |i: usize| {
            matches!(
                self.q.words.get(&self.tokens[i].key),
                Some(NumberWord {
                    role: Role::Joiner,
                    ..
                })
            ) || self.q.of.get(&self.tokens[i].key).is_some()
        };
        let mut i = end;
        while i < self.tokens.len() && i < end + 5 {
            if is_month(i) {
                return true;
            }
            let t = &self.tokens[i];
            let passes = t.digits().is_some()
                || (t.is_word() && joiners(i))
                || (i > 0 && self.glued(i - 1, i) && (t.is_word() || t.is_punct(&[".", "°", "-"])))
                || t.is_punct(&[",", "-", "–"]);
            if !passes {
                return false;
            }
            i += 1;
        }
        false
    }

    /// True when the number at `at` is part of an identifier: letters glued
    /// before it ("G7", "COVID-19") or an `id` word before it ("article 5").
    fn is_identifier(&self, at: usize) -> bool {
        // Long plain digits in running text are identifiers (registration,
        // account, case numbers): amounts that long are written with
        // separators. Alone on a line, or with a sign, one is an amount.
        let amount = |d: Digits| {
            d.lead <= LONGEST_AMOUNT
                && !self.tokens[at].key.starts_with('0')
                && (self.alone(at, at + 1)
                    || self
                        .sign(at, true)
                        .is_some_and(|(neg, s)| neg && self.alone(s, at + 1)))
        };
        if self.tokens[at]
            .digits()
            .is_some_and(|d| d.plain && d.lead >= LONGEST_PLAIN && !amount(d))
        {
            return true;
        }
        if at >= 1 && self.glued(at - 1, at) {
            let before = &self.tokens[at - 1];
            if before.is_word() {
                return true;
            }
            if before.is_punct(&DASHES) && at >= 2 && self.glued(at - 2, at - 1) {
                return self.tokens[at - 2].is_word();
            }
        }
        (1..=3.min(at)).any(|n| {
            self.q
                .ids
                .longest_at(self.text, &self.tokens, at - n)
                .is_some_and(|(_, end)| end == at)
        })
    }
}

impl Parser<'_> {
    /// The quantity starting at token `i`, if any.
    fn quantity_at(&self, i: usize) -> Outcome {
        if self.blocked[i] {
            return Outcome::Skip(i + 1);
        }
        let (qualifier, j) = match self.q.qualifiers.longest_at(self.text, &self.tokens, i) {
            Some((q, end)) => (Some(q), end),
            None => (None, i),
        };
        // "minus five", "negative one": a sign word.
        let (minus_word, j) = match self.q.minus.longest_at(self.text, &self.tokens, j) {
            Some(((), end)) if self.spaced(end - 1, end) && self.number_at(end).is_some() => {
                (Some(j), end)
            }
            _ => (None, j),
        };
        let (prefix, j) = match self.currency_before(j) {
            Some((unit, end)) => (Some(unit), end),
            None => (None, j),
        };
        let (core, prefix) = match self.lead_range_at(j) {
            Some((core, currency)) => (core, prefix.or(currency)),
            None => match prefix.is_none().then(|| self.vague_at(j)).flatten() {
                Some(core) => (core, prefix),
                None => match self.number_at(j) {
                    Some(a) => (self.continue_core(a, prefix.as_ref()), prefix),
                    None => return Outcome::Nothing,
                },
            },
        };
        let mut end = core.end();
        let first_digits = self.tokens[j].digits().is_some();
        if first_digits && prefix.is_none() && self.is_identifier(j) {
            return Outcome::Skip(end);
        }
        if self.next_to_month(j, end) {
            return Outcome::Skip(end);
        }
        let mut unit = prefix.unwrap_or(Unit::Count);
        match &core {
            Core::Score(..) => unit = Unit::Score,
            Core::One(n) if n.digits.is_some() => {
                if let Some(after) = self.ordinal_at(end) {
                    unit = Unit::Ordinal;
                    end = after;
                }
            }
            _ => {}
        }
        let mut denominator = None;
        if unit == Unit::Count || matches!(unit, Unit::Currency(_)) {
            match self.unit_after(end) {
                Some((After::Time, after)) => return Outcome::Skip(after),
                Some((After::Fraction(d), after)) => {
                    // Only a proper fraction: "two-thirds", not "5 quarti".
                    let numerator = match &core {
                        Core::One(n) if unit == Unit::Count => n.value,
                        _ => 0.0,
                    };
                    if numerator >= 1.0 && numerator < f64::from(d) && numerator.fract() == 0.0 {
                        unit = Unit::Fraction;
                        denominator = Some(f64::from(d));
                        end = after;
                    }
                }
                Some((After::Unit(u), after)) => {
                    if unit == Unit::Count {
                        unit = u;
                    }
                    end = after;
                }
                None => {}
            }
        }
        if matches!(core, Core::One(_) | Core::Range(..))
            && self.tokens[end - 1].digits().is_some()
            && self.tokens.get(end).is_some_and(|t| t.is_word())
            && self.glued(end - 1, end)
            && self.lex.concepts.of(self.word(end)).is_none()
        {
            // "5G", "3D": letters glued to digits make an identifier.
            return Outcome::Skip(end + 1);
        }
        // "Millions of people", but not "one of the countries".
        let of = match &core {
            Core::One(n) | Core::Range(_, n) => n.mult > 1.0,
            Core::Vague { .. } => true,
            Core::Score(..) => false,
        };
        let counted = match unit {
            Unit::Count => self.counted_at(end, of),
            // "two-thirds of the voters"
            Unit::Fraction => self.counted_at(end, true),
            _ => None,
        };
        let concept = counted.as_ref().and_then(|(c, _)| c.concept.as_deref());
        let years = match &core {
            Core::One(n) => {
                n.is_year() && unit == Unit::Count && concept.is_none_or(|c| c == "year")
            }
            Core::Range(a, b) | Core::Score(a, b) => {
                a.is_year() && (b.is_year() || b.end == a.end + 2)
            }
            Core::Vague { .. } => false,
        };
        if years {
            return Outcome::Skip(end);
        }
        if let Core::One(n) = &core {
            // "one" counts before a counted noun, after a sign word, or
            // alone on its line.
            if n.weak && concept.is_none() && minus_word.is_none() && !self.alone(j, end) {
                return Outcome::Nothing;
            }
        }
        let sign = match minus_word {
            Some(at) => Some((true, at)),
            None => self.sign(j, first_digits),
        };
        let start = sign.map_or(i, |(_, s)| s.min(i));
        let number = Span::new(self.tokens[start].span.start, self.tokens[end - 1].span.end);
        let (mut span, mut q_end) = match &counted {
            Some((c, after)) => (number.cover(&c.span), *after),
            None => (number, end),
        };
        // "un an et demi", "dos años y medio": the half after the noun.
        let mut half = 0.0;
        if let (Core::One(n), Some(_)) = (&core, &counted) {
            if n.value.fract() == 0.0 && n.mult == 1.0 && self.spaced(q_end - 1, q_end) {
                if let Some((w, after)) = self.q.words.longest_at(self.text, &self.tokens, q_end) {
                    if w.role == Role::Half {
                        half = 0.5;
                        span = span.cover(&Span::new(
                            self.tokens[q_end].span.start,
                            self.tokens[after - 1].span.end,
                        ));
                        q_end = after;
                    }
                }
            }
        }
        let negative = sign.is_some_and(|(neg, _)| neg);
        let mut q = Quantity {
            span,
            number,
            value: None,
            min: 0.0,
            max: 0.0,
            precision: 1.0,
            unit,
            qualifier,
            counts: counted.map(|(c, _)| Box::new(c)),
            vague: false,
            spelled: false,
            sides: None,
            boilerplate: false,
        };
        match core {
            Core::One(n) => {
                let d = denominator.unwrap_or(1.0);
                let value = n.value + half;
                let v = if negative { -value } else { value } / d;
                q.value = Some(v);
                q.min = v;
                q.max = v;
                q.precision = n.precision / d;
                q.spelled = n.spelled;
            }
            Core::Range(a, b) => {
                q.min = a.value;
                q.max = b.value;
                q.precision = a.precision.max(b.precision);
                q.spelled = a.spelled || b.spelled;
            }
            Core::Score(a, b) => {
                q.min = a.value.min(b.value);
                q.max = a.value.max(b.value);
                q.sides = Some(Box::new([a.value, b.value]));
            }
            Core::Vague { lo, hi, .. } => {
                q.min = lo;
                q.max = hi;
                q.vague = true;
                q.spelled = true;
            }
        }
        Outcome::Found(Box::new(q), q_end)
    }

    /// True when nothing but punctuation lies outside tokens `start..end`
    /// of the paragraph: a number standing alone ("One", "Uma").
    fn alone(&self, start: usize, end: usize) -> bool {
        let punct = |t: &Token| t.kind == token::Kind::Punct;
        self.tokens[..start].iter().all(punct) && self.tokens[end..].iter().all(punct)
    }

    /// A sign glued before the digits at `at` ("-5", "+3,2%"), not part of
    /// a word ("F-16"): negative or not, and its token index.
    fn sign(&self, at: usize, digits: bool) -> Option<(bool, usize)> {
        if !digits || at == 0 || !self.glued(at - 1, at) {
            return None;
        }
        let t = &self.tokens[at - 1];
        if !t.is_punct(&["-", "+", "−"]) {
            return None;
        }
        let free = at == 1 || !self.glued(at - 2, at - 1) || self.tokens[at - 2].is_punct(&["("]);
        free.then_some((!t.is_punct(&["+"]), at - 1))
    }

    /// What the number ending before `at` counts: the noun group after it
    /// (after "of" when `of` allows it), up to three words, and the index
    /// after it.
    fn counted_at(&self, at: usize, of: bool) -> Option<(Counted, usize)> {
        let concepts = &self.lex.concepts;
        let mut start = if of { self.skip_of(at) } else { at };
        // "33-month war", "5-year plan".
        if start == at
            && self.tokens.get(at).is_some_and(|t| t.is_punct(&DASHES))
            && self.glued(at - 1, at)
            && self.glued(at, at + 1)
        {
            start += 1;
        }
        // Words of the group: each a word or hyphenated words (token ranges).
        let mut units: Vec<(usize, usize)> = Vec::new();
        let mut k = start;
        let mut noun_seen = false;
        while units.len() < 3 {
            let Some(t) = self.tokens.get(k) else { break };
            let lower_after_noun = noun_seen && !crate::text::is_capitalized(self.word(k));
            noun_seen |= concepts.capitalized_nouns() && crate::text::is_capitalized(self.word(k));
            if !t.is_word()
                || lower_after_noun
                || self.blocked[k]
                || k == 0
                || !self.spaced(k - 1, k)
                || self.lex.is_function_word(self.word(k))
                || self
                    .q
                    .words
                    .longest_at(self.text, &self.tokens, k)
                    .is_some()
                || self.lex.months.get_folded(&self.tokens[k].key).is_some()
            {
                break;
            }
            let first = k;
            k += 1;
            while self.tokens.get(k).is_some_and(|t| t.is_punct(&DASHES))
                && self.glued(k - 1, k)
                && self.glued(k, k + 1)
                && self.tokens[k + 1].is_word()
            {
                k += 2;
            }
            units.push((first, k));
        }
        let head_last = concepts.head_last();
        let concept_of = |(first, end): (usize, usize), leading: bool| -> Option<(usize, &str)> {
            let mut parts: Vec<usize> = (first..end).step_by(2).collect();
            if head_last {
                parts.reverse();
            }
            parts.into_iter().find_map(|p| {
                let word = self.word(p);
                let id = if leading {
                    concepts.of(word)
                } else {
                    concepts.of_noun(word)
                };
                id.map(|id| (p, id))
            })
        };
        let found: Vec<Option<(usize, &str)>> = units
            .iter()
            .enumerate()
            .map(|(n, &u)| concept_of(u, n == 0))
            .collect();
        // Where heads come last, a run of listed nouns ends at its head
        // ("member countries"); stems would let verbs in ("stimmten").
        let exact = |(first, end): (usize, usize)| {
            (first..end)
                .step_by(2)
                .rev()
                .find_map(|p| concepts.exact(self.word(p)).map(|id| (p, id)))
        };
        let (last_unit, head) = match found.iter().position(Option::is_some) {
            Some(h) if head_last => {
                let mut head = (h, found[h]);
                while let Some(next) = units.get(head.0 + 1).and_then(|&u| exact(u)) {
                    head = (head.0 + 1, Some(next));
                }
                head
            }
            Some(h) => (h, found[h]),
            None => (0, None),
        };
        let &(first, _) = units.first()?;
        let end = units[last_unit].1;
        let span = Span::new(self.tokens[first].span.start, self.tokens[end - 1].span.end);
        let head_word = head.map_or_else(|| if head_last { end - 1 } else { first }, |(p, _)| p);
        let key = crate::stem::stem(self.lang, &crate::text::lower(self.word(head_word)));
        Some((
            Counted {
                span,
                text: span.slice(self.text).to_string(),
                key,
                concept: head.map(|(_, id)| id.to_string()),
            },
            end,
        ))
    }
}

/// A range of two numbers, the first taking the second's multiplier when it
/// has none ("3-4 million"); None unless the first is smaller.
fn range(mut a: Num, b: Num) -> Option<Core> {
    if a.mult == 1.0 && b.mult > 1.0 && a.value <= b.base() {
        a.value *= b.mult;
        a.precision *= b.mult;
        a.mult = b.mult;
    }
    (a.value < b.value).then_some(Core::Range(a, b))
}

fn suffix_is_dot(tokens: &[Token]) -> bool {
    tokens.len() == 1 && tokens[0].is_punct(&["."])
}
