//! Claims and their features: what of a sentence survives translation.

use std::fmt::Write;
use std::sync::Arc;

use serde::Serialize;

use crate::document::Document;
use crate::document::word_info::{Hashed, feature_hash, skeleton, word_features};
use crate::extract::Facts;
use crate::extract::quantity::Quantity;
use crate::lexicon::Lexicons;
use crate::span::{Span, starting_in};
use crate::text::fold;

use super::weights::Weights;

/// Punctuation a claim carries that translations keep: quote marks,
/// brackets, a question mark.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Marks {
    /// Quote marks of any style.
    pub quote: bool,
    /// A parenthesis.
    pub paren: bool,
    /// A question mark.
    pub question: bool,
}

impl Marks {
    fn of(text: &str) -> Marks {
        // Byte by byte: every mark is ASCII or starts with 0xC2 or 0xE2 0x80
        // in UTF-8, so most characters are never decoded.
        let mut marks = Marks::default();
        let bytes = text.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            match b {
                b'"' => marks.quote = true,
                b'(' | b')' | b'[' | b']' => marks.paren = true,
                b'?' => marks.question = true,
                // « » ¿
                0xC2 => match bytes.get(i + 1) {
                    Some(0xAB | 0xBB) => marks.quote = true,
                    Some(0xBF) => marks.question = true,
                    _ => {}
                },
                0xE2 if bytes.get(i + 1) == Some(&0x80) => match bytes.get(i + 2) {
                    // “ ” „ ‚ ‹ ›
                    Some(0x9A | 0x9C | 0x9D | 0x9E | 0xB9 | 0xBA) => marks.quote = true,
                    // ‘ ’: between letters an apostrophe ("it’s").
                    Some(0x98 | 0x99) => {
                        let previous = text[..i].chars().next_back().unwrap_or(' ');
                        let next = text[i + 3..].chars().next().unwrap_or(' ');
                        marks.quote |= !(previous.is_alphabetic() && next.is_alphabetic());
                    }
                    _ => {}
                },
                _ => {}
            }
        }
        marks
    }

    /// How many marks both carry, and how many only one carries.
    pub fn compare(self, other: Marks) -> (u32, u32) {
        let pairs = [
            (self.quote, other.quote),
            (self.paren, other.paren),
            (self.question, other.question),
        ];
        let both = pairs.iter().filter(|(a, b)| *a && *b).count() as u32;
        let one = pairs.iter().filter(|(a, b)| a != b).count() as u32;
        (both, one)
    }

    fn union(self, other: Marks) -> Marks {
        Marks {
            quote: self.quote || other.quote,
            paren: self.paren || other.paren,
            question: self.question || other.question,
        }
    }
}

/// A claim: one story sentence with the features alignment compares.
/// Features are ids of the story's feature table ([`Features`]); after
/// [`super::Weights::of`] they are ranks in the features' sorted order, so
/// each list is sorted as its strings are and lists compare as the strings
/// do.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Claim {
    /// Index of the sentence in the document.
    pub sentence: usize,
    /// Index of its paragraph in the document.
    pub paragraph: usize,
    /// The sentence's span.
    pub span: Span,
    /// Its length in characters: bytes would make Cyrillic twice as long.
    pub chars: usize,
    /// Relative position among the document's claims, 0.0 to 1.0.
    pub position: f64,
    /// Its four feature lists one after the other, in one allocation (a
    /// long document has hundreds of thousands of claims):
    /// [`Claim::stems`], [`Claim::cognates`], [`Claim::concepts`],
    /// [`Claim::anchors`].
    #[serde(skip)]
    features: Box<[u32]>,
    /// Where the second, third and fourth lists start in `features`.
    #[serde(skip)]
    starts: [u32; 3],
    /// Its punctuation marks.
    pub marks: Marks,
    /// The weight of each feature list (stems, cognates, concepts,
    /// anchors), for overlaps ([`Weights::fill_totals`]).
    #[serde(skip)]
    pub(super) totals: [f64; 4],
}

impl Claim {
    /// Every feature of the claim.
    pub fn features(&self) -> impl Iterator<Item = u32> + '_ {
        self.features.iter().copied()
    }

    /// Stems of its content words: compared within a language.
    pub fn stems(&self) -> &[u32] {
        self.list(0)
    }

    /// Cognate keys of its content words: compared across languages.
    pub fn cognates(&self) -> &[u32] {
        self.list(1)
    }

    /// Concept and glossary ids of its words and counted nouns.
    pub fn concepts(&self) -> &[u32] {
        self.list(2)
    }

    /// Anchors, the same in every language: numbers (`n:` values, `#`
    /// digits), dates (`d:`), names (`p:` keys), acronyms (`a:`).
    pub fn anchors(&self) -> &[u32] {
        self.list(3)
    }

    /// Feature list `k` (stems, cognates, concepts, anchors).
    fn list(&self, k: usize) -> &[u32] {
        let start = if k == 0 {
            0
        } else {
            self.starts[k - 1] as usize
        };
        let end = self
            .starts
            .get(k)
            .map_or(self.features.len(), |&e| e as usize);
        &self.features[start..end]
    }

    /// The feature lists, in a fixed order.
    pub(super) fn lists(&self) -> [&[u32]; 4] {
        [self.list(0), self.list(1), self.list(2), self.list(3)]
    }

    /// Drops the feature lists (the claim has none afterwards).
    pub(super) fn release_features(&mut self) {
        self.features = Box::default();
        self.starts = [0; 3];
    }

    /// Sets the four feature lists (stems, cognates, concepts, anchors).
    pub(super) fn set_lists(&mut self, lists: [&[u32]; 4]) {
        let mut all = Vec::with_capacity(lists.iter().map(|l| l.len()).sum());
        for (k, list) in lists.iter().enumerate() {
            if k > 0 {
                self.starts[k - 1] = all.len() as u32;
            }
            all.extend_from_slice(list);
        }
        self.features = all.into_boxed_slice();
    }

    /// Consecutive claims read as one (a sentence a translation split in
    /// two): their features united, their lengths added. The claims' lists
    /// must be sorted and unique ([`Weights::of`]), as the result's are.
    pub fn joined<'a>(claims: impl IntoIterator<Item = &'a Claim>, weights: &Weights) -> Claim {
        let mut claims = claims.into_iter();
        let mut out = claims.next().cloned().unwrap_or_default();
        for c in claims {
            out.span = out.span.cover(&c.span);
            out.chars = joined_chars([out.chars, c.chars]);
            out.marks = out.marks.union(c.marks);
            let [a, b, x, y] = out.lists();
            let [c0, c1, c2, c3] = c.lists();
            let united = [
                union_sorted(a, c0),
                union_sorted(b, c1),
                union_sorted(x, c2),
                union_sorted(y, c3),
            ];
            out.set_lists([&united[0], &united[1], &united[2], &united[3]]);
        }
        weights.fill_totals(&mut out);
        out
    }
}

/// The length in characters of claims read as one ([`Claim::joined`]):
/// theirs and a space between each two.
pub fn joined_chars(lengths: impl IntoIterator<Item = usize>) -> usize {
    let (sum, n) = lengths
        .into_iter()
        .fold((0usize, 0usize), |(s, n), l| (s + l, n + 1));
    sum + n.saturating_sub(1)
}

/// The union of two sorted, unique lists, sorted and unique.
fn union_sorted(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => {
                out.push(a[i]);
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                out.push(b[j]);
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

/// The features of one story, each once: claims hold their ids.
#[derive(Debug, Default)]
pub struct Features {
    table: hashbrown::HashTable<u32>,
    pub(super) names: Vec<Arc<str>>,
    hashes: Vec<u64>,
}

impl Features {
    /// The id of a feature.
    fn id(&mut self, feature: &Hashed) -> u32 {
        // A word's features are shared by every use of the word: most
        // lookups find the very same text, known without comparing bytes.
        let same = |name: &Arc<str>| Arc::ptr_eq(name, &feature.text) || **name == *feature.text;
        self.id_where(feature.hash, same, || Arc::clone(&feature.text))
    }

    /// The id of a feature given as text (stored only when new).
    fn id_of(&mut self, feature: &str) -> u32 {
        self.id_where(
            feature_hash(feature),
            |name| **name == *feature,
            || Arc::from(feature),
        )
    }

    /// The id of the feature of hash `hash` whose stored text is `same`,
    /// stored as `owned` when new.
    fn id_where(
        &mut self,
        hash: u64,
        same: impl Fn(&Arc<str>) -> bool,
        owned: impl FnOnce() -> Arc<str>,
    ) -> u32 {
        let Features {
            table,
            names,
            hashes,
        } = self;
        if let Some(&id) = table.find(hash, |&id| same(&names[id as usize])) {
            return id;
        }
        let id = names.len() as u32;
        names.push(owned());
        hashes.push(hash);
        table.insert_unique(hash, id, |&id| hashes[id as usize]);
        id
    }
}

/// The anchor of a quantity: its value (or range), the same in every
/// language and form ("4,500", "4.500", "four thousand five hundred").
fn quantity_anchor(q: &Quantity) -> String {
    match q.value {
        Some(v) => format!("n:{}", anchor_number(v)),
        None => format!("n:{}-{}", anchor_number(q.min), anchor_number(q.max)),
    }
}

/// A value to three decimals as floats print it; whole numbers print as
/// integers do, without float formatting (negative zero keeps its sign).
fn anchor_number(x: f64) -> String {
    let x = (x * 1000.0).round() / 1000.0;
    if x.fract() == 0.0 && x.abs() < 1e15 && !(x == 0.0 && x.is_sign_negative()) {
        (x as i64).to_string()
    } else {
        format!("{x}")
    }
}

/// An acronym: two to six capital letters in a sentence that is not all
/// capitals ("NATO", "НАТО", "UEFA"), as its Latin cognate key.
fn acronym(text: &str, lexicons: &Lexicons) -> Option<String> {
    // Most words fail on their first letter, before any counting.
    if !text.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let n = text.chars().count();
    if !(2..=6).contains(&n) || !text.chars().all(|c| c.is_uppercase()) {
        return None;
    }
    let latin = crate::document::word_info::cognate_key(text, lexicons)
        .unwrap_or_else(|| deunicode::deunicode(&fold(text)));
    Some(format!("a:{latin}"))
}

/// The claims of a document's story text, their features given ids in
/// `table`.
pub fn claims(
    doc: &Document,
    facts: Option<&Facts>,
    lexicons: &Lexicons,
    table: &mut Features,
) -> Vec<Claim> {
    let lang = doc.language.code.as_str();
    let story: Vec<usize> = doc.story_sentences().map(|(i, _)| i).collect();
    let count = story.len().max(2) - 1;
    // Anchors are written here, and stored only when new to the story.
    let mut key = String::new();
    // Each claim's lists are gathered here, then stored in one allocation.
    let (mut stems, mut cognates, mut concepts, mut anchors) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    story
        .iter()
        .enumerate()
        .map(|(k, &s)| {
            let sentence = &doc.sentences[s];
            let text = doc.slice(sentence.span);
            let shouting = !text.chars().any(char::is_lowercase);
            for list in [&mut stems, &mut cognates, &mut concepts, &mut anchors] {
                list.clear();
            }
            for (w, word) in doc.words_of(sentence).iter().enumerate() {
                let text = doc.slice(word.span());
                let info = &doc.infos[sentence.first_word + w];
                if text.starts_with(|c: char| c.is_ascii_digit()) {
                    // Digits without separators: "1,200", "1.200" and
                    // "1 200" meet, and so do years and days, which are
                    // not quantities.
                    key.clear();
                    key.push('#');
                    key.extend(text.chars().filter(char::is_ascii_digit));
                    anchors.push(table.id_of(&key));
                    continue;
                }
                if !shouting {
                    if let Some(a) = acronym(text, lexicons) {
                        anchors.push(table.id_of(&a));
                    }
                }
                let Some(features) = info.features(|| word_features(text, lang, lexicons)) else {
                    continue;
                };
                stems.extend(features.stem.iter().map(|f| table.id(f)));
                cognates.extend(features.cognate.iter().map(|f| table.id(f)));
                concepts.extend(features.concepts.iter().map(|f| table.id(f)));
            }
            if let Some(facts) = facts {
                let inside = |span: Span| sentence.span.contains(&span);
                for n in starting_in(&facts.names, sentence.span, |n| n.span.start) {
                    if !n.boilerplate && inside(n.span) {
                        // Keys spelled alike across scripts ("spencer" /
                        // "spenser") meet in their skeletons.
                        key.clear();
                        key.push_str("p:");
                        for (i, part) in n.key.split(' ').enumerate() {
                            if i > 0 {
                                key.push(' ');
                            }
                            key.push_str(&skeleton(part));
                        }
                        anchors.push(table.id_of(&key));
                    }
                }
                for d in starting_in(&facts.dates, sentence.span, |d| d.span.start) {
                    if d.boilerplate || !inside(d.span) {
                        continue;
                    }
                    if let Some(iso) = d.start.month.and(d.start.iso()) {
                        key.clear();
                        let _ = write!(key, "d:{iso}");
                        anchors.push(table.id_of(&key));
                    }
                }
                for q in starting_in(&facts.quantities, sentence.span, |q| q.span.start) {
                    if q.boilerplate || !inside(q.span) {
                        continue;
                    }
                    anchors.push(table.id_of(&quantity_anchor(q)));
                    if let Some(concept) = q.counts.as_ref().and_then(|c| c.concept.as_ref()) {
                        key.clear();
                        key.push_str("k:");
                        key.push_str(concept);
                        concepts.push(table.id_of(&key));
                    }
                }
            }
            // Sorted by rank and made unique in `Weights::of`.
            let mut claim = Claim {
                sentence: s,
                paragraph: sentence.paragraph,
                span: sentence.span,
                chars: text.chars().count(),
                position: k as f64 / count as f64,
                features: Box::default(),
                starts: [0; 3],
                marks: Marks::of(text),
                totals: [0.0; 4],
            };
            claim.set_lists([&stems, &cognates, &concepts, &anchors]);
            claim
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_of_every_quote_style_bracket_and_question() {
        for quoted in [
            "he said \"no\"",
            "«нет»",
            "„nein“",
            "‚nein‘",
            "“no”",
            "‹non›",
            "‘no’ he said",
        ] {
            assert!(Marks::of(quoted).quote, "{quoted}");
        }
        assert!(!Marks::of("it’s l’état, it's").quote);
        assert!(Marks::of("a (b) c").paren && Marks::of("[1]").paren);
        assert!(Marks::of("¿qué?").question && Marks::of("¿qué").question);
        assert_eq!(
            Marks::of("Plain words, ünïcödé — and dashes."),
            Marks::default()
        );
    }

    #[test]
    fn anchor_numbers_print_values_as_floats_do() {
        for v in [
            0.0,
            -0.0,
            1200.0,
            -3.0,
            2.5,
            0.1234,
            -0.0001,
            1e20,
            4_176_000.0,
        ] {
            let expected = format!("{}", (v * 1000.0_f64).round() / 1000.0);
            assert_eq!(anchor_number(v), expected, "{v}");
        }
    }

    #[test]
    fn joined_lists_stay_sorted_and_unique() {
        assert_eq!(union_sorted(&[1, 4, 7], &[2, 4, 9]), vec![1, 2, 4, 7, 9]);
        assert_eq!(union_sorted(&[], &[3]), vec![3]);
        // Lengths joined with a space between each two.
        assert_eq!(joined_chars([5]), 5);
        assert_eq!(joined_chars([3, 4, 2]), 11);
    }
}
