//! A small tokenizer for dates: digit runs, words (letters with inner
//! apostrophes and hyphens, as in "sexta-feira" or "п'ятниця") and single
//! punctuation characters, each with its byte span and whether white space or
//! a line break comes before it. The grammar reads one paragraph at a time,
//! so nothing joins across paragraphs.

use unicode_normalization::char::is_combining_mark;

use crate::span::Span;
use crate::text::fold;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// ASCII digits; the value saturates at `u32::MAX`.
    Num(u32),
    /// A word; its folded form is the token's key.
    Word,
    /// One other non-space character.
    Punct(char),
}

/// One token.
#[derive(Clone, Debug)]
pub struct Token {
    /// What it is.
    pub kind: Kind,
    /// Where it is.
    pub span: Span,
    /// Folded form of a word; the digits of a number; the character otherwise.
    pub key: String,
    /// White space comes before it.
    pub gap: bool,
    /// It starts the text or a line.
    pub line_start: bool,
}

impl Token {
    /// Number of digits of a number token, 0 for others.
    pub fn digits(&self) -> usize {
        match self.kind {
            Kind::Num(_) => self.span.len(),
            _ => 0,
        }
    }

    /// The number, when the token is one.
    pub fn num(&self) -> Option<u32> {
        match self.kind {
            Kind::Num(n) => Some(n),
            _ => None,
        }
    }

    /// True when the token is this punctuation character.
    pub fn is(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }

    /// True when the token is a word.
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }
}

fn joins_word(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '-' | '\u{2011}')
}

fn is_letter(c: char) -> bool {
    crate::text::is_alphabetic(c) || is_combining_mark(c)
}

/// The tokens of a text, in order.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut gap = false;
    let mut newlines = 0;
    while let Some(&(start, c)) = chars.peek() {
        if c.is_whitespace() {
            gap = true;
            newlines += usize::from(c == '\n');
            chars.next();
            continue;
        }
        let (kind, end) = if c.is_ascii_digit() {
            let mut end = start;
            let mut value: u32 = 0;
            while let Some(&(i, d)) = chars.peek() {
                let Some(v) = d.to_digit(10).filter(|_| d.is_ascii_digit()) else {
                    break;
                };
                value = value.saturating_mul(10).saturating_add(v);
                end = i + 1;
                chars.next();
            }
            (Kind::Num(value), end)
        } else if is_letter(c) {
            let mut end = start;
            while let Some(&(i, d)) = chars.peek() {
                let joined = joins_word(d)
                    && text[i + d.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(crate::text::is_alphabetic);
                if is_letter(d) || joined {
                    end = i + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            (Kind::Word, end)
        } else {
            chars.next();
            (Kind::Punct(c), start + c.len_utf8())
        };
        let span = Span::new(start, end);
        let key = match kind {
            Kind::Word => fold(span.slice(text)),
            _ => span.slice(text).to_string(),
        };
        out.push(Token {
            kind,
            span,
            key,
            gap,
            line_start: out.is_empty() || newlines > 0,
        });
        gap = false;
        newlines = 0;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_numbers_and_marks() {
        let text = "Na sexta-feira, 3.–4. Dezember\n п’ятницю 21h50";
        let toks = tokenize(text);
        let keys: Vec<&str> = toks.iter().map(|t| t.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "na",
                "sexta-feira",
                ",",
                "3",
                ".",
                "–",
                "4",
                ".",
                "dezember",
                "п'ятницю",
                "21",
                "h",
                "50"
            ]
        );
        assert!(toks[9].line_start && !toks[8].line_start);
        assert!(toks[1].gap && !toks[2].gap);
        assert_eq!(toks[3].num(), Some(3));
    }
}
