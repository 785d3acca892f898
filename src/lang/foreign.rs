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

use crate::hash::{HashMap, HashMapExt};
use std::collections::BTreeMap;

use serde::Serialize;

use crate::document::{Document, FoldedWords, Word};
use crate::lang;
use crate::lexicon::{LangLexicon, Lexicons};
use crate::span::Span;
use crate::text::{is_all_caps, is_capitalized, is_cyrillic_word, lower};

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

/// The vote of a word of an established loanword phrase.
static OWN: Vote = Vote::Own;

/// What a word says about the language of its run.
#[derive(Clone, Debug, PartialEq)]
pub enum Vote {
    /// Belongs to the document's language (or is a number): ends a run.
    Own,
    /// A capitalised word: a name in most languages, ends a run.
    Name,
    /// No evidence either way (a content word).
    Neutral,
    /// Votes per candidate language (boxed: every entry of the shared word
    /// table holds two votes, and few words have foreign ones).
    Foreign(Box<BTreeMap<String, u32>>),
}

/// Finds the foreign spans of a document's story text.
pub fn find(doc: &Document, lexicons: &Lexicons) -> Vec<ForeignSpan> {
    let own = lexicons.lang(&doc.language.code);
    if own.function_words.is_empty() {
        // Without the document language's own words every word looks foreign.
        return Vec::new();
    }
    // With each language's script worked out once, not once per word.
    let others: Vec<(&LangLexicon, bool)> = lexicons
        .languages()
        .filter(|l| l.lang != own.lang && !l.function_words.is_empty())
        .map(|l| (l, l.is_cyrillic()))
        .collect();
    let doc_cyrillic = own.is_cyrillic();
    let loanwords = own.loanword_index();
    let mut out: Vec<ForeignSpan> = Vec::new();
    for (_, sentence) in doc.story_sentences() {
        let words = doc.words_of(sentence);
        let loan = loanwords.mask(&doc.infos.slice(sentence.first_word..sentence.end_word));
        let votes: Vec<&Vote> = words
            .iter()
            .enumerate()
            .map(|(i, w)| {
                if loan[i] {
                    &OWN
                } else {
                    doc.infos[sentence.first_word + i].vote(i == 0, || {
                        vote(doc.slice(w.span()), i == 0, own, &others, doc_cyrillic)
                    })
                }
            })
            .collect();
        let brackets = bracketed(doc, words, &votes, own);
        let runs: Vec<ForeignSpan> = runs(doc, words, &votes)
            .into_iter()
            .filter_map(|run| judge(doc, words, &votes, run, own))
            .filter(|f| !brackets.iter().any(|b| b.span.overlaps(&f.span)))
            .collect();
        let mut found_here: Vec<ForeignSpan> = brackets.into_iter().chain(runs).collect();
        found_here.sort_by_key(|f| f.span);
        for found in found_here {
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
    out
}

/// A language's loanword phrases as word keys, indexed by their first word,
/// so marking a sentence costs one lookup per word, not one scan per phrase.
#[derive(Clone, Debug, Default)]
pub struct Loanwords {
    by_first: HashMap<String, Vec<Vec<String>>>,
}

impl Loanwords {
    /// The index of folded loanword phrases.
    pub fn new(phrases: &[String]) -> Self {
        let mut by_first: HashMap<String, Vec<Vec<String>>> = HashMap::new();
        for phrase in phrases {
            let parts: Vec<String> = phrase
                .split(|c: char| !c.is_alphanumeric())
                .filter(|p| !p.is_empty())
                .map(str::to_string)
                .collect();
            if let Some(first) = parts.first() {
                by_first.entry(first.clone()).or_default().push(parts);
            }
        }
        Loanwords { by_first }
    }

    /// Marks the words (given folded) that belong to an established
    /// loanword phrase.
    fn mask<W: FoldedWords + ?Sized>(&self, keys: &W) -> Vec<bool> {
        let n = keys.count();
        let mut mask = vec![false; n];
        for start in 0..n {
            let Some(phrases) = self.by_first.get(keys.folded(start)) else {
                continue;
            };
            for parts in phrases {
                let end = start + parts.len();
                if end <= n
                    && parts
                        .iter()
                        .enumerate()
                        .all(|(k, p)| p == keys.folded(start + k))
                {
                    mask[start..end].iter_mut().for_each(|m| *m = true);
                }
            }
        }
        mask
    }
}

/// The vote of a word: a pure function of the word, its place and the
/// lexicons, which documents share ([`crate::document::word_info`]).
fn vote(
    word: &str,
    sentence_start: bool,
    own: &LangLexicon,
    others: &[(&LangLexicon, bool)],
    doc_cyrillic: bool,
) -> Vote {
    if word.chars().any(|c| c.is_ascii_digit()) {
        return Vote::Own;
    }
    let capital = is_capitalized(word);
    if is_all_caps(word) || capital && !sentence_start {
        return Vote::Name;
    }
    let low = lower(word);
    if own.is_function_word_lower(&low) {
        return Vote::Own;
    }
    let cyrillic = is_cyrillic_word(word);
    let other_script = cyrillic != doc_cyrillic;
    // Letters the document's alphabet lacks; most words have none, which
    // spares a look-up per letter per language.
    let strange: Vec<char> = low.chars().filter(|c| !own.alphabet.contains(c)).collect();
    let mut votes = BTreeMap::new();
    for &(other, other_cyrillic) in others {
        if cyrillic != other_cyrillic {
            continue;
        }
        let mut n = 0;
        if other.is_function_word_lower(&low) {
            n += 2;
        }
        if strange.iter().any(|c| other.alphabet.contains(c)) {
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
        if capital { Vote::Name } else { Vote::Neutral }
    } else {
        Vote::Foreign(Box::new(votes))
    }
}

/// Runs of words (index ranges) without a stop word or phrase break, trimmed
/// to their first and last foreign word.
fn runs(doc: &Document, words: &[Word], votes: &[&Vote]) -> Vec<std::ops::Range<usize>> {
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
            let gap = &doc.text[words[i - 1].span().end..words[i].span().start];
            if gap.contains(PHRASE_BREAKS) {
                close(&mut start, i, &mut out);
            }
        }
        match votes[i] {
            Vote::Own | Vote::Name => close(&mut start, i, &mut out),
            _ => {
                start.get_or_insert(i);
            }
        }
    }
    close(&mut start, words.len(), &mut out);
    out
}

/// Sums the votes of a range of words: per language, and how many words voted.
fn tally<'a>(votes: &[&'a Vote]) -> (BTreeMap<&'a str, u32>, usize) {
    let mut totals: BTreeMap<&str, u32> = BTreeMap::new();
    let mut voting = 0usize;
    for v in votes {
        if let Vote::Foreign(map) = v {
            voting += 1;
            for (lang, n) in map.iter() {
                *totals.entry(lang.as_str()).or_default() += n;
            }
        }
    }
    (totals, voting)
}

/// The language of a candidate span: the vote leader, unless whatlang,
/// restricted to the document's language and the well-voted ones, picks
/// another leader or (for spans long enough to judge) the document's own.
fn decide(
    text: &str,
    totals: &BTreeMap<&str, u32>,
    own: &LangLexicon,
    words: usize,
) -> Option<String> {
    let best = totals.values().copied().max()?;
    let leaders: Vec<&str> = totals
        .iter()
        .filter(|(_, n)| **n == best)
        .map(|(l, _)| *l)
        .collect();
    let mut candidates: Vec<&str> = totals
        .iter()
        .filter(|(_, n)| **n * 2 >= best)
        .map(|(l, _)| *l)
        .collect();
    candidates.push(own.lang.as_str());
    match lang::detect_among(text, &candidates) {
        Some((l, conf)) if l == own.lang && conf > 0.5 && words > 2 => None,
        Some((l, _)) if leaders.contains(&l.as_str()) => Some(l),
        _ => Some(leaders[0].to_string()),
    }
}

/// Brackets are where translators leave source words ("[das negociações]"):
/// a bracket whose words are all foreign or neutral, mostly lower case (a
/// capitalised bracket is a name or an acronym) and with a foreign function
/// word or letter is foreign even when short.
fn bracketed(
    doc: &Document,
    words: &[Word],
    votes: &[&Vote],
    own: &LangLexicon,
) -> Vec<ForeignSpan> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let before = &doc.text[..words[i].span().start];
        let open = before.trim_end_matches([' ', '\u{a0}']).chars().last();
        let close_char = match open {
            Some('[') => ']',
            Some('(') => ')',
            _ => {
                i += 1;
                continue;
            }
        };
        let mut j = i;
        while j + 1 < words.len()
            && !doc.text[words[j].span().end..words[j + 1].span().start].contains(close_char)
        {
            j += 1;
        }
        let after = doc.text[words[j].span().end..].trim_start_matches([' ', '\u{a0}']);
        let inside = &votes[i..=j];
        let names = inside.iter().filter(|v| ***v == Vote::Name).count();
        let count = j + 1 - i;
        if after.starts_with(close_char)
            && count <= 8
            && names * 2 < count
            && !inside.contains(&&Vote::Own)
        {
            let (totals, voting) = tally(inside);
            let span = Span::new(words[i].span().start, words[j].span().end);
            if voting >= 1 && totals.values().any(|&n| n >= 2) {
                if let Some(language) = decide(doc.slice(span), &totals, own, count) {
                    out.push(ForeignSpan {
                        span: with_brackets(&doc.text, span),
                        language,
                        confidence: ((voting as f64 / count as f64) * 100.0).round() / 100.0,
                    });
                }
            }
        }
        i = j + 1;
    }
    out
}

fn judge(
    doc: &Document,
    words: &[Word],
    votes: &[&Vote],
    run: std::ops::Range<usize>,
    own: &LangLexicon,
) -> Option<ForeignSpan> {
    let (totals, voting) = tally(&votes[run.clone()]);
    let len = run.len();
    if voting < 2 || voting * 2 < len || totals.values().copied().max()? < 3 {
        return None;
    }
    let span = Span::new(words[run.start].span().start, words[run.end - 1].span().end);
    let language = decide(doc.slice(span), &totals, own, len)?;
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
    fn short_brackets_with_one_function_word() {
        let found = spans("en", "Our patience ran out [dos trabalhadores], he said.");
        assert_eq!(
            found,
            [("[dos trabalhadores]".to_string(), "pt".to_string())]
        );
        let found = spans(
            "en",
            "They fought for 90 minutes [die ganze Zeit] without rest.",
        );
        assert_eq!(found, [("[die ganze Zeit]".to_string(), "de".to_string())]);
        assert!(spans("en", "He joined the state lender (Banco do Brasil) in May.").is_empty());
        assert!(spans("en", "The agency (known as the regulator) said so.").is_empty());
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
