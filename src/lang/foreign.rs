//! Spans of a document written in another language than the document: a
//! bracketed insertion, a phrase or a clause left untranslated.
//!
//! Each story word votes for the languages it belongs to: a function word of
//! another language that is not one of the document's (2 votes), a letter
//! of another language's alphabet that the document's alphabet lacks (1
//! vote), a word in another script (1 vote). Capitalised words are names and end a run, as does punctuation
//! that closes a phrase. A run of at least two voting words, trimmed to its
//! first and last voting word, is a candidate; whatlang, restricted to the
//! document's language and the voted ones, must not call it the document's
//! own language. Established loanwords (lexicon) never vote.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::document::{Document, Word};
use crate::lang;
use crate::lexicon::{LangLexicon, Lexicons};
use crate::span::Span;
use crate::text::{fold, is_all_caps, is_capitalized, is_cyrillic_word, lower};

/// A span in another language than its document.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ForeignSpan {
    /// The span (with its brackets when the whole bracket is foreign).
    #[serde(flatten)]
    pub span: Span,
    /// ISO 639-1 code of the span's language.
    pub language: String,
    /// How sure: the share of the run's words that voted for the language.
    pub confidence: f64,
}

/// Punctuation between two words that ends a phrase.
const PHRASE_BREAKS: &[char] = &[
    '[', ']', '(', ')', '{', '}', '"', '“', '”', '«', '»', '„', '—', '–', ';', ':', ',', '.', '!',
    '?',
];

#[derive(Clone, Debug, PartialEq)]
enum Vote {
    /// Belongs to the document's language, or is a name: ends a run.
    Stop,
    /// No evidence either way (a content word).
    Neutral,
    /// Votes per candidate language.
    Foreign(BTreeMap<String, u32>),
}

/// Finds the foreign spans of a document's story text.
pub fn find(doc: &Document, lexicons: &Lexicons) -> Vec<ForeignSpan> {
    let own = lexicons.lang(&doc.language.code);
    if own.function_words.is_empty() {
        // Without the document language's own words every word looks foreign.
        return Vec::new();
    }
    let others: Vec<&LangLexicon> = lexicons
        .languages()
        .filter(|l| l.lang != own.lang && !l.function_words.is_empty())
        .collect();
    let doc_cyrillic = own.is_cyrillic();
    let loanwords = Loanwords::new(own);
    let mut out: Vec<ForeignSpan> = Vec::new();
    for (_, sentence) in doc.story_sentences() {
        let words = doc.words_of(sentence);
        let loan = loanwords.mask(doc, words);
        let votes: Vec<Vote> = words
            .iter()
            .enumerate()
            .map(|(i, w)| {
                if loan[i] {
                    Vote::Stop
                } else {
                    vote(doc.slice(w.span), i == 0, own, &others, doc_cyrillic)
                }
            })
            .collect();
        for run in runs(doc, words, &votes) {
            if let Some(found) = judge(doc, words, &votes, run, own) {
                match out.last_mut() {
                    Some(last)
                        if last.language == found.language
                            && doc.text[last.span.end..found.span.start].trim().len() <= 2 =>
                    {
                        last.span.end = found.span.end;
                    }
                    _ => out.push(found),
                }
            }
        }
    }
    out
}

/// A language's loanword phrases as word keys, indexed by their first word,
/// so marking a sentence costs one lookup per word, not one scan per phrase.
struct Loanwords<'a> {
    by_first: HashMap<&'a str, Vec<Vec<&'a str>>>,
}

impl<'a> Loanwords<'a> {
    fn new(own: &'a LangLexicon) -> Self {
        let mut by_first: HashMap<&str, Vec<Vec<&str>>> = HashMap::new();
        for phrase in &own.loanwords {
            let parts: Vec<&str> = phrase
                .split(|c: char| !c.is_alphanumeric())
                .filter(|p| !p.is_empty())
                .collect();
            if let Some(first) = parts.first() {
                by_first.entry(first).or_default().push(parts);
            }
        }
        Loanwords { by_first }
    }

    /// Marks the words that belong to an established loanword phrase.
    fn mask(&self, doc: &Document, words: &[Word]) -> Vec<bool> {
        let keys: Vec<String> = words.iter().map(|w| fold(doc.slice(w.span))).collect();
        let mut mask = vec![false; words.len()];
        for start in 0..keys.len() {
            let Some(phrases) = self.by_first.get(keys[start].as_str()) else {
                continue;
            };
            for parts in phrases {
                let end = start + parts.len();
                if end <= keys.len() && parts.iter().zip(&keys[start..end]).all(|(p, k)| p == k) {
                    mask[start..end].iter_mut().for_each(|m| *m = true);
                }
            }
        }
        mask
    }
}

fn vote(
    word: &str,
    sentence_start: bool,
    own: &LangLexicon,
    others: &[&LangLexicon],
    doc_cyrillic: bool,
) -> Vote {
    if word.chars().any(|c| c.is_ascii_digit()) {
        return Vote::Stop;
    }
    let capital = is_capitalized(word);
    if is_all_caps(word) || capital && !sentence_start {
        return Vote::Stop;
    }
    let low = lower(word);
    if own.is_function_word(&low) {
        return Vote::Stop;
    }
    let cyrillic = is_cyrillic_word(word);
    let other_script = cyrillic != doc_cyrillic;
    let mut votes = BTreeMap::new();
    for other in others {
        if cyrillic != other.is_cyrillic() {
            continue;
        }
        let mut n = 0;
        if other.is_function_word(&low) {
            n += 2;
        }
        if low
            .chars()
            .any(|c| other.alphabet.contains(&c) && !own.alphabet.contains(&c))
        {
            n += 1;
        }
        if other_script {
            n += 1;
        }
        if n > 0 {
            votes.insert(other.lang.clone(), n);
        }
    }
    if votes.is_empty() {
        if capital { Vote::Stop } else { Vote::Neutral }
    } else {
        Vote::Foreign(votes)
    }
}

/// Runs of words (index ranges) without a stop word or phrase break, trimmed
/// to their first and last foreign word.
fn runs(doc: &Document, words: &[Word], votes: &[Vote]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let close = |start: &mut Option<usize>, end: usize, out: &mut Vec<std::ops::Range<usize>>| {
        if let Some(s) = start.take() {
            let first = (s..end).find(|&i| matches!(votes[i], Vote::Foreign(_)));
            let last = (s..end)
                .rev()
                .find(|&i| matches!(votes[i], Vote::Foreign(_)));
            if let (Some(f), Some(l)) = (first, last) {
                out.push(f..l + 1);
            }
        }
    };
    for i in 0..words.len() {
        if i > 0 {
            let gap = &doc.text[words[i - 1].span.end..words[i].span.start];
            if gap.contains(PHRASE_BREAKS) {
                close(&mut start, i, &mut out);
            }
        }
        match votes[i] {
            Vote::Stop => close(&mut start, i, &mut out),
            _ => {
                start.get_or_insert(i);
            }
        }
    }
    close(&mut start, words.len(), &mut out);
    out
}

fn judge(
    doc: &Document,
    words: &[Word],
    votes: &[Vote],
    run: std::ops::Range<usize>,
    own: &LangLexicon,
) -> Option<ForeignSpan> {
    let mut totals: BTreeMap<&str, u32> = BTreeMap::new();
    let mut voting = 0usize;
    for v in &votes[run.clone()] {
        if let Vote::Foreign(map) = v {
            voting += 1;
            for (lang, n) in map {
                *totals.entry(lang.as_str()).or_default() += n;
            }
        }
    }
    let len = run.len();
    if voting < 2 || voting * 2 < len {
        return None;
    }
    let best = totals.values().copied().max()?;
    if best < 3 {
        return None;
    }
    let leaders: Vec<&str> = totals
        .iter()
        .filter(|(_, n)| **n == best)
        .map(|(l, _)| *l)
        .collect();
    let span = Span::new(words[run.start].span.start, words[run.end - 1].span.end);
    let text = doc.slice(span);
    let mut candidates: Vec<&str> = totals
        .iter()
        .filter(|(_, n)| **n * 2 >= best)
        .map(|(l, _)| *l)
        .collect();
    candidates.push(own.lang.as_str());
    let language = match lang::detect_among(text, &candidates) {
        Some((l, conf)) if l == own.lang && conf > 0.5 && len > 2 => return None,
        Some((l, _)) if leaders.contains(&l.as_str()) => l,
        _ => leaders[0].to_string(),
    };
    let confidence = ((voting as f64 / len as f64) * 100.0).round() / 100.0;
    Some(ForeignSpan {
        span: with_brackets(&doc.text, span),
        language,
        confidence,
    })
}

/// Widens a span to its enclosing brackets when it fills them.
fn with_brackets(text: &str, span: Span) -> Span {
    let before = text[..span.start].trim_end();
    let after = text[span.end..].trim_start();
    for (open, close) in [('[', ']'), ('(', ')')] {
        if before.ends_with(open) && after.starts_with(close) {
            let start = before.len() - open.len_utf8();
            let end = text.len() - after.len() + close.len_utf8();
            return Span::new(start, end);
        }
    }
    span
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::RawDocument;

    fn spans(lang: &str, text: &str) -> Vec<(String, String)> {
        let raw = RawDocument {
            id: "t".into(),
            text: text.into(),
            language: Some(lang.into()),
            ..Default::default()
        };
        let lex = Lexicons::embedded();
        let doc = Document::analyze(raw, &lex);
        find(&doc, &lex)
            .into_iter()
            .map(|f| (doc.slice(f.span).to_string(), f.language))
            .collect()
    }

    #[test]
    fn bracketed_portuguese_in_english() {
        let found = spans(
            "en",
            "He warned against a new escalation [das negociações] in the region.",
        );
        assert_eq!(found, [("[das negociações]".to_string(), "pt".to_string())]);
    }

    #[test]
    fn english_clause_in_ukrainian() {
        let found = spans(
            "uk",
            "Міністр заявив, що this is not the end of the war, і переговори тривають.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "en");
        assert!(found[0].0.starts_with("this is not"), "{found:?}");
    }

    #[test]
    fn names_and_loanwords_are_not_foreign() {
        assert!(
            spans(
                "en",
                "Charles de Gaulle Airport and the Banco do Brasil opened on Monday."
            )
            .is_empty()
        );
        assert!(
            spans(
                "en",
                "The ministers met a la carte, a de facto deal, said the coup d'état leader."
            )
            .is_empty()
        );
        assert!(
            spans(
                "pt",
                "O ministro Luiz Inácio Lula da Silva falou com a Casa Branca."
            )
            .is_empty()
        );
        assert!(
            spans(
                "de",
                "Die Ministerin traf die NATO und die Vereinten Nationen in New York."
            )
            .is_empty()
        );
    }

    #[test]
    fn spanish_phrase_in_portuguese() {
        let found = spans(
            "pt",
            "O governo disse que a proposta, pero sin los votos necesarios, não avança.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "es");
    }
}
