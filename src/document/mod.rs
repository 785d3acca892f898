//! The document model: lines, paragraphs, sentences and words, each a byte
//! span into the original text, plus language and boilerplate.

pub mod boilerplate;
pub mod word_info;

use std::sync::Arc;

use unicode_segmentation::UnicodeSegmentation;

use crate::input::RawDocument;
use crate::lang::{self, Language};
use crate::lexicon::{LangLexicon, Lexicons};
use crate::span::{LineIndex, Span};
pub use boilerplate::{Boilerplate, Reason};
pub use word_info::{FoldedWords, Folds, WordRef, WordTable};

/// A paragraph: one line, or several when the text is hard-wrapped.
#[derive(Clone, Debug)]
pub struct Paragraph {
    /// The paragraph's text, trimmed.
    pub span: Span,
    /// Why the paragraph is not story text, if it is not.
    pub boilerplate: Option<Reason>,
}

/// A sentence of a paragraph.
#[derive(Clone, Debug)]
pub struct Sentence {
    /// The sentence, trimmed.
    pub span: Span,
    /// Index into [`Document::paragraphs`].
    pub paragraph: usize,
    /// Index of the first of its words in [`Document::words`].
    pub first_word: usize,
    /// One past its last word.
    pub end_word: usize,
}

/// A word: a run of letters or digits as Unicode word boundaries find it
/// (its sentence: [`Document::sentence_of`]).
#[derive(Clone, Copy, Debug)]
pub struct Word {
    /// First byte (`u32`: a document has millions of words, and a text of
    /// 4 GiB is far beyond `--max-doc-bytes`).
    start: u32,
    /// One past the last byte.
    end: u32,
}

impl Word {
    /// A word of a span.
    pub fn new(span: Span) -> Word {
        let offset = |x: usize| u32::try_from(x).expect("a document shorter than 4 GiB");
        Word {
            start: offset(span.start),
            end: offset(span.end),
        }
    }

    /// The word.
    pub fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }
}

/// One analysed version of a story.
#[derive(Clone, Debug)]
pub struct Document {
    /// The id (file stem, `stdin`, or a feed line's id).
    pub id: String,
    /// Where it came from.
    pub path: String,
    /// The text, exactly as read (UTF-8, BOM removed); shared, so
    /// findings cite it without copying ([`crate::finding::SharedStr`]).
    pub text: Arc<str>,
    /// The encoding the text was decoded from.
    pub encoding: &'static str,
    /// The document's language.
    pub language: Language,
    /// Publication date or time (RFC 3339) when known.
    pub published: Option<String>,
    /// Paragraphs in text order.
    pub paragraphs: Vec<Paragraph>,
    /// Sentences in text order.
    pub sentences: Vec<Sentence>,
    /// Words in text order.
    pub words: Vec<Word>,
    /// Each word's entry in the shared word table ([`word_info`]), in the
    /// order of `words`: its fold ([`Document::fold`]; a run of them
    /// ([`WordTable::slice`]) matches lexicon phrases as folded words), lower case
    /// ([`Document::lower`]), and what the later stages work out about it.
    pub infos: WordTable,
    /// Spans that are not the story, merged, in text order.
    pub boilerplate: Vec<Boilerplate>,
    /// Line starts, for citing line and column of an offset.
    pub lines: LineIndex,
}

impl Document {
    /// Analyses a raw document: language, segmentation, boilerplate.
    pub fn analyze(raw: RawDocument, lexicons: &Lexicons) -> Document {
        let language = Document::language_of(&raw, lexicons);
        Document::analyze_in(raw, language, lexicons)
    }

    /// The language of a raw document: the one it was given, else detected.
    pub fn language_of(raw: &RawDocument, lexicons: &Lexicons) -> Language {
        match &raw.language {
            Some(code) => Language {
                code: code.clone(),
                confidence: 1.0,
            },
            None => lang::detect(&raw.text, lexicons),
        }
    }

    /// Analyses a raw document in a language already known (see
    /// [`Document::language_of`]): segmentation, boilerplate.
    pub fn analyze_in(mut raw: RawDocument, language: Language, lexicons: &Lexicons) -> Document {
        let lex = lexicons.lang(&language.code);
        // Shared from the start: the copy into an `Arc` is made while
        // little else is held.
        let text: Arc<str> = std::mem::take(&mut raw.text).into();
        let paragraph_spans = paragraphs(&text);
        let mut paragraphs: Vec<Paragraph> = paragraph_spans
            .into_iter()
            .map(|span| Paragraph {
                span,
                boilerplate: None,
            })
            .collect();
        let mut sentences = Vec::new();
        // About one word in six bytes: reserving that much spares most of
        // the copies (and the doubled peak) of a growing vector.
        let mut words = Vec::with_capacity(text.len() / 6);
        for (p, para) in paragraphs.iter().enumerate() {
            for span in sentences_of(&text, para.span, lex) {
                let first_word = words.len();
                words.extend(words_of(&text, span, lex).map(Word::new));
                sentences.push(Sentence {
                    span,
                    paragraph: p,
                    first_word,
                    end_word: words.len(),
                });
            }
        }
        words.shrink_to_fit();
        sentences.shrink_to_fit();
        let infos = WordTable::new(
            words
                .iter()
                .map(|w: &Word| word_info::of(w.span().slice(&text), &language.code, lexicons)),
        );
        boilerplate::classify(&text, &mut paragraphs, &sentences, lexicons);
        boilerplate::apply_marked(&mut paragraphs, &raw.boilerplate);
        let boilerplate = boilerplate::merge(&text, &paragraphs);
        let lines = LineIndex::new(&text);
        Document {
            id: raw.id,
            path: raw.path,
            text,
            encoding: raw.encoding,
            language,
            published: raw.published,
            paragraphs,
            sentences,
            words,
            infos,
            boilerplate,
            lines,
        }
    }

    /// The text of a span.
    pub fn slice(&self, span: Span) -> &str {
        span.slice(&self.text)
    }

    /// True when the span overlaps boilerplate. The spans are sorted and
    /// disjoint, so this is a binary search.
    pub fn is_boilerplate(&self, span: Span) -> bool {
        let after = self
            .boilerplate
            .partition_point(|b| b.span.end <= span.start);
        self.boilerplate
            .get(after)
            .is_some_and(|b| b.span.overlaps(&span))
    }

    /// The sentences of the story (not boilerplate), with their indices.
    pub fn story_sentences(&self) -> impl Iterator<Item = (usize, &Sentence)> {
        self.sentences
            .iter()
            .enumerate()
            .filter(|(_, s)| self.paragraphs[s.paragraph].boilerplate.is_none())
    }

    /// True when a sentence is a heading: alone in its paragraph, short, and
    /// without sentence punctuation at its end.
    pub fn is_heading(&self, sentence: usize) -> bool {
        let s = &self.sentences[sentence];
        let alone = self
            .sentences
            .get(sentence + 1)
            .is_none_or(|n| n.paragraph != s.paragraph)
            && (sentence == 0 || self.sentences[sentence - 1].paragraph != s.paragraph);
        alone && s.end_word - s.first_word <= 15 && !ends_sentence(self.slice(s.span))
    }

    /// Word `w` folded ([`crate::text::fold`]).
    pub fn fold(&self, w: usize) -> &str {
        self.infos[w].fold()
    }

    /// Word `w` lower-cased ([`crate::text::lower`]).
    pub fn lower(&self, w: usize) -> &str {
        self.infos[w].lower()
    }

    /// The index of the sentence word `w` is in.
    pub fn sentence_of(&self, w: usize) -> usize {
        self.sentences.partition_point(|s| s.end_word <= w)
    }

    /// The words of a sentence.
    pub fn words_of(&self, sentence: &Sentence) -> &[Word] {
        &self.words[sentence.first_word..sentence.end_word]
    }

    /// The indices of the words inside a span.
    pub fn word_range(&self, span: Span) -> std::ops::Range<usize> {
        let first = self.words.partition_point(|w| w.span().start < span.start);
        let n = self.words[first..]
            .iter()
            .take_while(|w| w.span().end <= span.end)
            .count();
        first..first + n
    }

    /// The words of a range of word indices, as written.
    pub fn word_texts(&self, range: std::ops::Range<usize>) -> Vec<&str> {
        range.map(|w| self.slice(self.words[w].span())).collect()
    }
}

/// Characters that end a sentence or a line that needs no continuation.
fn ends_sentence(line: &str) -> bool {
    line.trim_end().chars().last().is_some_and(|c| {
        matches!(
            c,
            '.' | '!' | '?' | ':' | ';' | '"' | '”' | '»' | '…' | ')' | '’' | '\''
        )
    })
}

/// Paragraph spans: non-blank lines, where a line that does not end a
/// sentence and is followed by a line starting in lower case continues into
/// it (hard-wrapped text).
fn paragraphs(text: &str) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut offset = 0;
    let mut joinable = false;
    for line in text.split_inclusive('\n') {
        let span = Span::new(offset, offset + line.len()).trim(text);
        offset += line.len();
        if span.is_empty() {
            joinable = false;
            continue;
        }
        let body = span.slice(text);
        let starts_lower = body.chars().next().is_some_and(char::is_lowercase);
        match out.last_mut() {
            Some(last) if joinable && starts_lower => last.end = span.end,
            _ => out.push(span),
        }
        joinable = !ends_sentence(body);
    }
    out
}

/// Sentence spans within a paragraph: Unicode sentence boundaries, merged
/// back where a boundary follows an abbreviation or an initial.
fn sentences_of(text: &str, para: Span, lex: &LangLexicon) -> Vec<Span> {
    let body = para.slice(text);
    let mut out: Vec<Span> = Vec::new();
    let mut glue = false;
    for (i, s) in body.split_sentence_bound_indices() {
        let mut span = Span::new(para.start + i, para.start + i + s.len()).trim(text);
        if let Some(last) = out.last_mut() {
            // "« Fini. » Elle": the closing mark ends the previous sentence.
            let closing = closing_marks(last.slice(text), span.slice(text));
            if closing > 0 {
                last.end = span.start + closing;
                span = Span::new(span.start + closing, span.end).trim(text);
            }
        }
        if span.is_empty() {
            continue;
        }
        // A fragment that starts in lower case continues the sentence, and
        // one without a word is its closing mark ("… longtemps. »").
        let continues = span
            .slice(text)
            .chars()
            .find(|&c| crate::text::is_alphanumeric(c))
            .is_none_or(char::is_lowercase);
        match out.last_mut() {
            Some(last) if glue || continues => last.end = span.end,
            _ => out.push(span),
        }
        glue = out
            .last()
            .is_some_and(|last| ends_with_abbreviation(last.slice(text), lex));
    }
    out
}

/// The length in bytes of the quotation marks and parentheses at the start
/// of `next` that close one left open in `previous`.
fn closing_marks(previous: &str, next: &str) -> usize {
    let count = |text: &str, c: char| text.chars().filter(|&x| x == c).count();
    let mut len = 0;
    for c in next.chars() {
        let before = &next[..len];
        let open = |opener: char| {
            count(previous, opener) + count(before, opener) > count(previous, c) + count(before, c)
        };
        let closes = match c {
            '»' => open('«'),
            '«' => open('»'),
            '”' => open('“'),
            '“' => open('„'),
            ')' => open('('),
            '"' => (count(previous, '"') + count(before, '"')) % 2 == 1,
            _ => false,
        };
        if !closes {
            break;
        }
        len += c.len_utf8();
    }
    len
}

/// True when the text ends with a word that the lexicon lists as an
/// abbreviation ("Dr.", "Dec.") or with a single-letter initial ("J.").
fn ends_with_abbreviation(sentence: &str, lex: &LangLexicon) -> bool {
    // Abbreviations are short: looking at the tail keeps a long run of
    // glued fragments without spaces from being rescanned at every glue.
    let Some(before) = tail(sentence, 64).strip_suffix('.') else {
        return false;
    };
    let last = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"')
        .next()
        .unwrap_or("");
    if last.is_empty() {
        return false;
    }
    let mut letters = last.chars();
    let initial = letters.next().is_some_and(char::is_uppercase) && letters.next().is_none();
    // "0." in the list: the language writes ordinals as a number and a
    // period ("am 3. Dezember", "in der 78. Minute").
    let ordinal = last.bytes().all(|b| b.is_ascii_digit()) && lex.abbreviations.contains("0.");
    initial
        || ordinal
        || lex
            .abbreviations
            .contains(&format!("{}.", crate::text::lower(last)))
}

/// The last `max` bytes of a text (fewer, to start on a char boundary).
fn tail(text: &str, max: usize) -> &str {
    let mut start = text.len().saturating_sub(max);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..]
}

/// Word spans of a sentence (tokens with at least one letter or digit). An
/// elided function word is a word of its own ("l'|inflation", "n'|a",
/// "dell'|Harbor"), as the language's function words list it.
/// The UAX #29 word pieces of a text that hold a letter or a digit. ASCII
/// text takes unicode-segmentation's fast path (the same boundaries).
fn word_pieces(text: &str) -> Box<dyn Iterator<Item = (usize, &str)> + '_> {
    if text.is_ascii() {
        Box::new(text.unicode_word_indices())
    } else {
        Box::new(
            text.split_word_bound_indices()
                .filter(|(_, w)| w.chars().any(crate::text::is_alphanumeric)),
        )
    }
}

fn words_of<'a>(
    text: &'a str,
    sentence: Span,
    lex: &'a LangLexicon,
) -> impl Iterator<Item = Span> + 'a {
    word_pieces(sentence.slice(text)).flat_map(move |(i, w)| {
        let start = sentence.start + i;
        // Most words hold no apostrophe: their bytes say so first (’ ends
        // in 0x99, ʼ in 0xBC).
        let maybe = w.bytes().any(|b| matches!(b, b'\'' | 0x99 | 0xBC));
        let cut = maybe
            .then(|| {
                w.char_indices()
                    .find(|&(_, c)| matches!(c, '\'' | '’' | 'ʼ'))
            })
            .flatten()
            .map(|(k, c)| k + c.len_utf8())
            .filter(|&k| {
                k < w.len()
                    && w[k..].chars().any(crate::text::is_alphanumeric)
                    && lex.function_words.contains(&crate::text::lower(&w[..k]))
            });
        match cut {
            Some(k) => [
                Some(Span::new(start, start + k)),
                Some(Span::new(start + k, start + w.len())),
            ],
            None => [Some(Span::new(start, start + w.len())), None],
        }
        .into_iter()
        .flatten()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn ascii_word_pieces_are_the_general_ones(s in "[a-zA-Z0-9 .,:;'\"!?()_-]{0,40}") {
            let general: Vec<(usize, &str)> = s
                .split_word_bound_indices()
                .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
                .collect();
            let fast: Vec<(usize, &str)> = word_pieces(&s).collect();
            proptest::prop_assert_eq!(fast, general);
        }
    }

    fn doc(text: &str) -> Document {
        let raw = RawDocument {
            id: "t".into(),
            text: text.into(),
            language: Some("en".into()),
            ..Default::default()
        };
        Document::analyze(raw, &Lexicons::embedded())
    }

    #[test]
    fn sentences_respect_abbreviations_and_initials() {
        let d = doc("Dr. Ana Lima met J. Smith on Dec. 3. They talked.\nNext line here.");
        let s: Vec<&str> = d.sentences.iter().map(|s| d.slice(s.span)).collect();
        assert_eq!(
            s,
            [
                "Dr. Ana Lima met J. Smith on Dec. 3.",
                "They talked.",
                "Next line here."
            ]
        );
    }

    #[test]
    fn a_closing_quote_after_a_space_stays_with_its_sentence() {
        let raw = RawDocument {
            id: "t".into(),
            text: "« Ce n'est pas fini. » Elle est partie. « Vraiment ? »".into(),
            language: Some("fr".into()),
            ..Default::default()
        };
        let d = Document::analyze(raw, &Lexicons::embedded());
        let s: Vec<&str> = d.sentences.iter().map(|s| d.slice(s.span)).collect();
        assert_eq!(
            s,
            [
                "« Ce n'est pas fini. »",
                "Elle est partie.",
                "« Vraiment ? »"
            ]
        );
    }

    #[test]
    fn german_ordinals_do_not_end_sentences() {
        let raw = RawDocument {
            id: "t".into(),
            text: "Sie treffen sich am 3. und 4. Dezember in Wien. In der 78. Minute fiel das Tor."
                .into(),
            language: Some("de".into()),
            ..Default::default()
        };
        let d = Document::analyze(raw, &Lexicons::embedded());
        let s: Vec<&str> = d.sentences.iter().map(|s| d.slice(s.span)).collect();
        assert_eq!(
            s,
            [
                "Sie treffen sich am 3. und 4. Dezember in Wien.",
                "In der 78. Minute fiel das Tor."
            ]
        );
    }

    #[test]
    fn wrapped_lines_join_into_one_paragraph() {
        let d = doc("The minister said on Monday that\nthe talks would go on.\n\nA new one.");
        assert_eq!(d.paragraphs.len(), 2);
        assert_eq!(d.sentences.len(), 2);
        assert!(d.slice(d.sentences[0].span).ends_with("go on."));
    }

    #[test]
    fn every_span_is_a_slice() {
        let d = doc("  Ünïcödé wörds — “quoted” text…\r\n\r\nSecond paragraph, with ümlauts. ");
        for w in &d.words {
            assert!(
                d.text.is_char_boundary(w.span().start) && d.text.is_char_boundary(w.span().end)
            );
        }
        let words: Vec<&str> = d.words.iter().map(|w| d.slice(w.span())).collect();
        assert_eq!(words[0], "Ünïcödé");
        assert!(!d.slice(d.paragraphs[0].span).ends_with('\r'));
    }
}
