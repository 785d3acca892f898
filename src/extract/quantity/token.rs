//! Tokens for number parsing: words, numbers written in digits (with every
//! locale's separators) and single punctuation marks, each with its byte
//! span. Lexicon phrases are tokenized the same way, so "a.m.", "R$" and
//! "quatre-vingts" match the text token by token.

use crate::span::Span;
use crate::text::fold;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Kind {
    /// A run of letters (an apostrophe between Cyrillic letters included:
    /// Ukrainian "п'ять").
    Word,
    /// Digits with their separators, already read.
    Number(Digits),
    /// One character that is neither a letter, a digit nor white space.
    Punct,
}

/// A number written in digits.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Digits {
    /// Its value.
    pub value: f64,
    /// The place value of its last digit (1 for "32", 0.1 for "3,5").
    pub precision: f64,
    /// True when written without separators or a fraction ("2024", not "2,024").
    pub plain: bool,
    /// Number of digits before any separator.
    pub lead: usize,
}

/// One token.
#[derive(Clone, Debug)]
pub struct Token {
    /// Its bytes in the text.
    pub span: Span,
    /// What it is.
    pub kind: Kind,
    /// Folded text: the matching key.
    pub key: String,
}

impl Token {
    /// True for a word token.
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }

    /// The number it holds, for a number token.
    pub fn digits(&self) -> Option<Digits> {
        match self.kind {
            Kind::Number(d) => Some(d),
            _ => None,
        }
    }

    /// True for a punctuation token that is one of `marks`.
    pub fn is_punct(&self, marks: &[&str]) -> bool {
        self.kind == Kind::Punct && marks.contains(&self.key.as_str())
    }
}

/// Dashes that join the two ends of a range or the sides of a score.
pub const DASHES: [&str; 4] = ["-", "–", "—", "‒"];

/// True for a dash character.
pub fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '‒')
}

/// How a document writes numbers.
#[derive(Clone, Copy, Debug)]
pub struct Locale {
    /// The decimal mark, `.` or `,`, used when a lone separator before three
    /// digits is ambiguous ("1.000", "1,000").
    pub decimal: char,
}

impl Locale {
    /// The convention of a language (ISO 639-1): English writes "3.5" and
    /// "1,000"; the others "3,5" and "1.000". Every language may group with
    /// spaces ("1 000"): translations carry it into English too.
    pub fn of(lang: &str) -> Locale {
        Locale {
            decimal: if lang == "en" { '.' } else { ',' },
        }
    }
}

/// Splits a text into tokens.
pub fn tokenize(text: &str, locale: Locale) -> Vec<Token> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some(&(i, c)) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
        } else if c.is_ascii_digit() {
            let (len, digits) = read_digits(&text[i..], locale);
            push(&mut out, text, Span::new(i, i + len), Kind::Number(digits));
            while chars.peek().is_some_and(|&(j, _)| j < i + len) {
                chars.next();
            }
        } else if crate::text::is_alphabetic(c) {
            let mut end = i;
            let mut prev = c;
            while let Some(&(j, d)) = chars.peek() {
                let joins = is_apostrophe(d)
                    && crate::text::is_cyrillic(prev)
                    && text[j + d.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(crate::text::is_cyrillic);
                if !(crate::text::is_alphabetic(d) || is_mark(d) || joins) {
                    break;
                }
                prev = d;
                end = j + d.len_utf8();
                chars.next();
            }
            push(&mut out, text, Span::new(i, end), Kind::Word);
        } else {
            chars.next();
            push(&mut out, text, Span::new(i, i + c.len_utf8()), Kind::Punct);
        }
    }
    out
}

fn push(out: &mut Vec<Token>, text: &str, span: Span, kind: Kind) {
    out.push(Token {
        span,
        kind,
        key: fold(span.slice(text)),
    });
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ')
}

fn is_mark(c: char) -> bool {
    unicode_normalization::char::is_combining_mark(c)
}

/// Separators that only group thousands.
fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{00A0}' | '\u{202F}' | '\u{2009}' | '\'' | '’')
}

/// Reads a number at the start of `s` (which starts with a digit): its
/// length in bytes and its value.
///
/// Rules: a separator followed by other than three digits, a leading "0",
/// more than three leading digits, or the second of two different marks
/// ("1,234.5") is decimal; repeated marks ("1,000,000", "1.000.000") and
/// spaces group; a lone mark before three digits is read by the locale,
/// except before "000", which always groups.
fn read_digits(s: &str, locale: Locale) -> (usize, Digits) {
    let run = |from: usize| s[from..].bytes().take_while(u8::is_ascii_digit).count();
    let lead = run(0);
    if let Some((len, value)) = indian_grouping(s, lead) {
        return (
            len,
            Digits {
                value,
                precision: 1.0,
                plain: false,
                lead,
            },
        );
    }
    // (separator, start of its digits, number of digits)
    let mut groups: Vec<(char, usize, usize)> = Vec::new();
    let mut pos = lead;
    while let Some(sep) = s[pos..].chars().next() {
        let start = pos + sep.len_utf8();
        let len = run(start);
        let spacing = is_group_space(sep);
        let ok = len > 0
            && if spacing {
                len == 3 && lead <= 3 && groups.iter().all(|g| is_group_space(g.0))
            } else {
                matches!(sep, ',' | '.')
            };
        if !ok {
            break;
        }
        groups.push((sep, start, len));
        pos = start + len;
        if !spacing && len != 3 {
            break;
        }
    }
    let decimal = decimal_group(s, lead, &groups, locale);
    // Every group before the decimal one must be a three-digit group of one
    // kind of mark, after at most three leading digits; otherwise the number
    // ends before its first separator.
    let grouping = &groups[..groups.len() - usize::from(decimal)];
    let valid = grouping.is_empty()
        || (lead <= 3
            && grouping.iter().all(|g| g.2 == 3 && g.0 == grouping[0].0)
            && decimal.then(|| groups[groups.len() - 1].0) != Some(grouping[0].0));
    if !valid {
        let value = s[..lead].parse().unwrap_or(0.0);
        return (
            lead,
            Digits {
                value,
                precision: 1.0,
                plain: true,
                lead,
            },
        );
    }
    let mut int = String::from(&s[..lead]);
    for &(_, start, len) in grouping {
        int.push_str(&s[start..start + len]);
    }
    let mut number = int;
    let mut precision = 1.0;
    if decimal {
        let &(_, start, len) = &groups[groups.len() - 1];
        number.push('.');
        number.push_str(&s[start..start + len]);
        precision = 10f64.powi(-(len.min(300) as i32));
    }
    (
        pos,
        Digits {
            value: number.parse().unwrap_or(0.0),
            precision,
            plain: groups.is_empty(),
            lead,
        },
    )
}

/// A number grouped the Indian way (lakh and crore): one or two leading
/// digits, commas before each pair of digits and before the last three
/// ("2,06,737" = 206,737; "1,23,45,678"). No locale writes a decimal comma
/// and then more groups, so the form is unambiguous.
fn indian_grouping(s: &str, lead: usize) -> Option<(usize, f64)> {
    if !(1..=2).contains(&lead) {
        return None;
    }
    let bytes = s.as_bytes();
    let digits_at = |at: usize, n: usize| {
        bytes
            .get(at..at + n)
            .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
            && !bytes.get(at + n).is_some_and(u8::is_ascii_digit)
    };
    let (mut pos, mut pairs) = (lead, 0);
    while bytes.get(pos) == Some(&b',') && digits_at(pos + 1, 2) {
        pos += 3;
        pairs += 1;
    }
    if pairs == 0 || bytes.get(pos) != Some(&b',') || !digits_at(pos + 1, 3) {
        return None;
    }
    // "5,00,000.50" or "5,00,000,000" go on: not this form.
    let end = pos + 4;
    if matches!(bytes.get(end), Some(b',' | b'.'))
        && bytes.get(end + 1).is_some_and(u8::is_ascii_digit)
    {
        return None;
    }
    let value = s[..end].replace(',', "").parse().ok()?;
    Some((end, value))
}

fn decimal_group(s: &str, lead: usize, groups: &[(char, usize, usize)], locale: Locale) -> bool {
    let Some(&(sep, start, len)) = groups.last() else {
        return false;
    };
    if !matches!(sep, ',' | '.') {
        return false;
    }
    let before = &groups[..groups.len() - 1];
    if before
        .iter()
        .any(|g| matches!(g.0, ',' | '.') && g.0 != sep)
    {
        return true;
    }
    if before.iter().any(|g| g.0 == sep) {
        return false;
    }
    if len != 3 || s.starts_with('0') || lead > 3 || !before.is_empty() {
        return true;
    }
    // Nobody writes "1,000" or "1.000" for one: three zeros group thousands
    // in any language.
    &s[start..start + len] != "000" && sep == locale.decimal
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(s: &str, lang: &str) -> (f64, usize) {
        let (len, d) = read_digits(s, Locale::of(lang));
        (d.value, len)
    }

    #[test]
    fn separators() {
        assert_eq!(value("1,000,000 x", "pt"), (1_000_000.0, 9));
        assert_eq!(value("1.000.000", "en"), (1_000_000.0, 9));
        assert_eq!(value("3,5%", "en"), (3.5, 3));
        assert_eq!(value("3.25", "de"), (3.25, 4));
        assert_eq!(value("1,000", "en"), (1000.0, 5));
        assert_eq!(value("1,500", "pt"), (1.5, 5));
        assert_eq!(value("1,000", "pt"), (1000.0, 5));
        assert_eq!(value("10.000", "en"), (10_000.0, 6));
        assert_eq!(value("1.500", "en"), (1.5, 5));
        assert_eq!(value("1.000", "pt"), (1000.0, 5));
        assert_eq!(value("1,234.5", "pt"), (1234.5, 7));
        assert_eq!(value("1.234,5", "en"), (1234.5, 7));
        assert_eq!(value("10 000 people", "fr"), (10_000.0, 6));
        assert_eq!(value("10 000 people", "en"), (10_000.0, 6));
        assert_eq!(value("10\u{a0}000", "en"), (10_000.0, 7));
        assert_eq!(value("1\u{202f}234,5", "ru"), (1234.5, 9));
        assert_eq!(value("2023 500", "pt"), (2023.0, 4));
        assert_eq!(value("0,125", "en"), (0.125, 5));
        // Indian grouping: lakh and crore.
        assert_eq!(value("1,00,000", "en"), (100_000.0, 8));
        assert_eq!(value("2,06,737 cases", "en"), (206_737.0, 8));
        assert_eq!(value("1,23,45,678", "de"), (12_345_678.0, 11));
        // Not that form: a pair alone, or more groups after the three.
        assert_eq!(value("1,00", "en"), (1.0, 4));
        assert_ne!(value("1,00,000,000", "en").0, 100_000.0);
        assert_eq!(value("5, 6", "en"), (5.0, 1));
        assert_eq!(value("12. Platz", "de"), (12.0, 2));
    }

    #[test]
    fn tokens_keep_spans() {
        let text = "п'ять d'euros R$10,5 a.m.";
        let toks = tokenize(text, Locale::of("pt"));
        let keys: Vec<&str> = toks.iter().map(|t| t.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "п'ять",
                "d",
                "'",
                "euros",
                "r",
                "$",
                "10,5",
                "a",
                ".",
                "m",
                "."
            ]
        );
        for t in &toks {
            assert_eq!(fold(t.span.slice(text)), t.key);
        }
        assert_eq!(toks[6].digits().map(|d| d.value), Some(10.5));
    }
}
