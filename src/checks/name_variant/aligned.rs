//! Slips found through the alignment: a capitalised word that one version
//! writes once, in a sentence whose counterparts in the other versions
//! write a near spelling of it (one vowel changed, or one letter doubled or
//! undoubled). Name keys cannot join these: the slip may change the key
//! ("Hooston" / "Houston"), may hit a word the extractor does not take for
//! a name (a title, a German word it cannot tell from a noun, a title in
//! quotes), or the name may occur once per version, so that only the other
//! versions' sentences can tell which spelling is odd.
//!
//! Guards, each against a family of legitimate differences:
//! - the odd spelling occurs once in the whole story (folded), and no
//!   counterpart writes it;
//! - Cyrillic words are compared only between versions in one language
//!   (Russian and Ukrainian spell names differently by design), Latin
//!   words across Latin-script versions;
//! - a changed vowel is a plain vowel in both spellings: a letter with a
//!   diacritic against a plain one is a language's orthography
//!   ("Präsident" / "President"), not a slip;
//! - the first letter and the last two are never the difference (endings
//!   inflect: "Бостона" / "Бостоне"; transliterations differ at the start:
//!   "Jemen" / "Yemen");
//! - between languages, neither spelling is a known exonym (spelt by
//!   language by design);
//! - the word is a name: capitalised inside a sentence in a language that
//!   does not capitalise nouns, or its near spelling is a name part
//!   somewhere in the story, or is capitalised inside a sentence in such a
//!   language.

use std::cell::OnceCell;
use std::collections::{BTreeMap, BTreeSet};

use crate::document::Document;
use crate::hash::{HashMap, HashMapExt, HashSet, HashSetExt};
use crate::lexicon::{Lexicons, Starts};
use crate::names::key;
use crate::span::{Span, starting_in};
use crate::story::Story;
use crate::text::{fold, is_all_caps, is_alphabetic, is_capitalized, is_cyrillic_word};

/// Shortest word, in letters, compared.
const MIN_LETTERS: usize = 5;
/// Lower-case words (adjectives) between an article and its noun.
const MAX_ADJECTIVES: usize = 2;
/// Letters at the end of a word that may differ (case endings).
const ENDING: usize = 2;

/// A capitalised word of a version: its index among the document's words
/// (its span, lower case and fold are read from there: a long document has
/// hundreds of thousands of capitalised words).
#[derive(Clone, Copy)]
struct Word {
    at: u32,
    /// The first word of its sentence.
    first: bool,
    cyrillic: bool,
}

impl Word {
    fn at(&self) -> usize {
        self.at as usize
    }

    fn span(&self, doc: &Document) -> Span {
        doc.words[self.at()].span()
    }
}

/// One slip: (document, span of the odd spelling), and the near spellings
/// of the other versions (document → first span).
pub(super) struct Slip {
    pub doc: usize,
    pub span: Span,
    pub usual: BTreeMap<usize, Span>,
}

/// The slips of a story (see the module documentation).
pub(super) fn slips(story: &Story, lexicons: &Lexicons) -> Vec<Slip> {
    let docs = &story.docs;
    let words: Vec<Vec<Word>> = docs.iter().map(capitalised_words).collect();
    let nouns_capitalised: Vec<bool> = docs
        .iter()
        .map(|d| !lexicons.lang(&d.language.code).cues.noun_markers.is_empty())
        .collect();
    // Folded spelling of a candidate → its uses in the story (every word,
    // any case). Only candidates are counted: a word is hashed only when
    // its first bytes are a candidate's.
    let mut uses: HashMap<&str, usize> = HashMap::new();
    let mut starts = Starts::default();
    for (d, ws) in words.iter().enumerate() {
        let doc = &docs[d];
        for w in ws
            .iter()
            .filter(|w| !w.first && !doc.is_boilerplate(w.span(doc)))
        {
            uses.insert(doc.fold(w.at()), 0);
            starts.insert(doc.fold(w.at()));
        }
    }
    for doc in docs {
        for w in 0..doc.words.len() {
            let f = doc.fold(w);
            if starts.may_hold(f) {
                if let Some(n) = uses.get_mut(f) {
                    *n += 1;
                }
            }
        }
    }
    // Spellings that are names: name parts, and words capitalised inside a
    // sentence of a language that does not capitalise nouns. Built for the
    // first near spelling (most stories have none).
    let named = OnceCell::new();
    let named = || {
        named.get_or_init(|| {
            let mut named: HashSet<String> = HashSet::new();
            for (doc, facts) in docs.iter().zip(&story.facts) {
                for m in facts.names.iter().filter(|m| !m.boilerplate) {
                    for p in m.parts.iter().filter(|p| !p.exonym) {
                        named.insert(fold(doc.slice(p.span)));
                        named.insert(fold(&p.form));
                    }
                }
            }
            for (d, ws) in words.iter().enumerate() {
                if !nouns_capitalised[d] {
                    named.extend(
                        ws.iter()
                            .filter(|w| !w.first)
                            .map(|w| docs[d].fold(w.at()).to_string()),
                    );
                }
            }
            named
        })
    };
    // Document → claim → group (`NONE`: none).
    const NONE: u32 = u32::MAX;
    let mut group_of: Vec<Vec<u32>> = (story.alignment.claims.iter())
        .map(|claims| vec![NONE; claims.len()])
        .collect();
    for (g, group) in story.alignment.groups.iter().enumerate() {
        for m in &group.members {
            for &c in &m.claims {
                group_of[m.doc][c] = u32::try_from(g).expect("fewer than 2^32 groups");
            }
        }
    }
    let exonym = |lower: &str, lang: &str| {
        let t = &lexicons.names;
        t.exonyms
            .contains_key(&key::phrase_key(lower, Some(lang), t))
    };
    // Whether a document writes a spelling: asked only for the rare vowel
    // change within one language, so read then.
    let writes = |o: usize, v: &str| (0..docs[o].words.len()).any(|w| docs[o].fold(w) == v);
    let t = &lexicons.names;
    let mut out = Vec::new();
    for (d, ws) in words.iter().enumerate() {
        let doc = &docs[d];
        let lang = doc.language.code.as_str();
        let claims = &story.alignment.claims[d];
        let markers = &lexicons.lang(lang).cues.noun_markers;
        for w in ws {
            let at = w.at();
            let (w_span, w_lower) = (w.span(doc), doc.lower(at));
            if w.first || uses.get(doc.fold(at)) != Some(&1) || doc.is_boilerplate(w_span) {
                continue;
            }
            let sentence = doc.sentence_of(at);
            // After an article, or an article and adjectives, a German
            // capitalised word is a noun ("das neue Parlament").
            if after_article(doc, at, markers) {
                continue;
            }
            let Ok(claim) = claims.binary_search_by_key(&sentence, |c| c.sentence) else {
                continue;
            };
            let g = match group_of[d][claim] {
                NONE => continue,
                g => g as usize,
            };
            let mut usual: BTreeMap<usize, Span> = BTreeMap::new();
            let mut spellings: BTreeSet<&str> = BTreeSet::new();
            // A doubled letter or a vowel changed against another
            // language's spelling is a slip at once; a vowel changed
            // against a version in the same language needs a second
            // document to write the usual spelling: two translators may
            // hear a foreign vowel two ways ("Портланд" / "Портленд").
            let mut sure = false;
            let mut vowels: BTreeSet<&str> = BTreeSet::new();
            let members = &story.alignment.groups[g].members;
            for m in members.iter().filter(|m| m.doc != d) {
                let other = &docs[m.doc];
                let other_lang = other.language.code.as_str();
                if w.cyrillic && other_lang != lang {
                    continue;
                }
                let span = story.alignment.member_span(m);
                // The words are in text order: those of the member's span
                // by binary search, not by a scan of the whole version.
                for o in starting_in(&words[m.doc], span, |o| o.span(other).start)
                    .iter()
                    .filter(|o| span.contains(&o.span(other)) && o.cyrillic == w.cyrillic)
                {
                    let (o_lower, o_folded) = (other.lower(o.at()), other.fold(o.at()));
                    let Some(change) = near(w_lower, o_lower, w.cyrillic) else {
                        continue;
                    };
                    // A capitalised word of a language that capitalises
                    // nouns is no name's spelling unless named elsewhere
                    // ("Parlament" / "Parlement").
                    if nouns_capitalised[m.doc] && !named().contains(o_folded) {
                        continue;
                    }
                    if other_lang != lang && (exonym(w_lower, lang) || exonym(o_lower, other_lang))
                    {
                        continue;
                    }
                    if change == Change::Vowel {
                        // The name folds make some vowels one (y / i).
                        if key::word_key_unclassed(o_lower, Some(other_lang), t)
                            == key::word_key_unclassed(w_lower, Some(lang), t)
                        {
                            continue;
                        }
                        if other_lang == lang {
                            vowels.insert(o_folded);
                        } else {
                            sure = true;
                        }
                    } else {
                        sure = true;
                    }
                    usual.entry(m.doc).or_insert(o.span(other));
                    spellings.insert(o_folded);
                }
            }
            if !sure && !vowels.is_empty() {
                let support = vowels
                    .iter()
                    .map(|v| {
                        let written = (0..docs.len())
                            .filter(|&o| docs[o].language.code == lang && writes(o, v))
                            .count();
                        // A Cyrillic spelling is also confirmed by a Latin
                        // counterpart it romanises to (and the odd one does not).
                        let romanised = if w.cyrillic {
                            let k = key::word_key_unclassed(v, Some(lang), t);
                            members
                                .iter()
                                .filter(|m| m.doc != d && !words[m.doc].iter().any(|o| o.cyrillic))
                                .filter(|m| {
                                    let span = story.alignment.member_span(m);
                                    let other = &docs[m.doc];
                                    let ol = Some(other.language.code.as_str());
                                    starting_in(&words[m.doc], span, |o| o.span(other).start)
                                        .iter()
                                        .any(|o| {
                                            span.contains(&o.span(other))
                                                && key::word_key_unclassed(
                                                    other.lower(o.at()),
                                                    ol,
                                                    t,
                                                ) == k
                                        })
                                })
                                .count()
                        } else {
                            0
                        };
                        written + romanised
                    })
                    .max()
                    .unwrap_or(0);
                sure = support >= 2;
            }
            let is_name =
                sure && (!nouns_capitalised[d] || spellings.iter().any(|s| named().contains(*s)));
            if is_name {
                out.push(Slip {
                    doc: d,
                    span: w_span,
                    usual,
                });
            }
        }
    }
    out
}

/// True when word `at` follows an article of its sentence, directly or
/// after at most [`MAX_ADJECTIVES`] lower-case words.
fn after_article(doc: &crate::document::Document, at: usize, markers: &HashSet<String>) -> bool {
    let first = doc.sentences[doc.sentence_of(at)].first_word;
    for p in (first..at).rev().take(1 + MAX_ADJECTIVES) {
        if markers.contains(doc.fold(p)) {
            return true;
        }
        if is_capitalized(doc.slice(doc.words[p].span())) {
            return false;
        }
    }
    false
}

/// The capitalised words of a document that may be names: letters only, at
/// least [`MIN_LETTERS`] of them, not all capitals (acronyms).
fn capitalised_words(doc: &Document) -> Vec<Word> {
    let mut out = Vec::new();
    for s in &doc.sentences {
        for (i, w) in (s.first_word..s.end_word).zip(doc.words_of(s)) {
            let text = doc.slice(w.span());
            if !is_capitalized(text)
                || is_all_caps(text)
                || !text.chars().all(is_alphabetic)
                || text.chars().count() < MIN_LETTERS
            {
                continue;
            }
            out.push(Word {
                at: u32::try_from(i).expect("fewer than 2^32 words"),
                first: i == s.first_word,
                cyrillic: is_cyrillic_word(text),
            });
        }
    }
    out
}

/// How a near spelling differs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Change {
    /// One plain vowel changed.
    Vowel,
    /// One letter doubled or undoubled.
    Double,
}

/// How `a` is a near spelling of `b`, if it is one: one plain vowel
/// changed, or one letter doubled or undoubled, not in the first letter or
/// the ending. Latin words must have one length (but for the doubled
/// letter); Cyrillic words are compared on their stems (all but the last
/// [`ENDING`] letters), so that their case endings may differ.
pub(super) fn near(a: &str, b: &str, cyrillic: bool) -> Option<Change> {
    // Neither change touches the first letter.
    if a.chars().next() != b.chars().next() {
        return None;
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a == b || a.len() < MIN_LETTERS || b.len() < MIN_LETTERS {
        return None;
    }
    if one_vowel_changed(&a, &b, cyrillic) {
        Some(Change::Vowel)
    } else if one_letter_doubled(&a, &b, cyrillic) {
        Some(Change::Double)
    } else {
        None
    }
}

/// Plain vowels (a letter with a diacritic is a language's spelling).
fn vowel(c: char) -> bool {
    "aeiouyаеиоуыэюяіє".contains(c)
}

/// Shortest stem compared between Cyrillic words of different lengths.
const MIN_STEM: usize = 4;

fn one_vowel_changed(a: &[char], b: &[char], cyrillic: bool) -> bool {
    let short = a.len().min(b.len());
    let n = short - ENDING;
    if cyrillic && a.len() != b.len() {
        // Endings of different lengths: only the shorter word's last
        // letter may differ besides the vowel ("Хорасана" / "Харасаном"),
        // so that a vowel written as two ("Индауре" / "Индоре") is no slip.
        if a.len().abs_diff(b.len()) > ENDING || n < MIN_STEM || a[n..short - 1] != b[n..short - 1]
        {
            return false;
        }
    } else if !cyrillic && (a.len() != b.len() || a[n..] != b[n..]) {
        return false;
    }
    let mut differ = (0..n).filter(|&i| a[i] != b[i]);
    matches!((differ.next(), differ.next()),
        (Some(i), None) if i >= 1 && vowel(a[i]) && vowel(b[i]))
}

fn one_letter_doubled(a: &[char], b: &[char], cyrillic: bool) -> bool {
    let (ua, ub) = (undouble(a), undouble(b));
    let stem = if cyrillic {
        let n = ua.len().min(ub.len());
        if ua.len().abs_diff(ub.len()) > ENDING || n < MIN_STEM + ENDING {
            return false;
        }
        n - ENDING
    } else {
        if ua != ub || a[a.len() - ENDING..] != b[b.len() - ENDING..] {
            return false;
        }
        ua.len() - ENDING
    };
    ua[..stem] == ub[..stem] && doubles(a, stem) != doubles(b, stem)
}

/// The letters a word doubles among its first `n` letters once doubles
/// are written once (its stem: endings may double too).
fn doubles(w: &[char], n: usize) -> BTreeSet<char> {
    let mut out = BTreeSet::new();
    let mut letters = 0;
    for (i, &c) in w.iter().enumerate() {
        if i > 0 && w[i - 1] == c {
            if letters <= n {
                out.insert(c);
            }
        } else {
            letters += 1;
        }
    }
    out
}

fn undouble(w: &[char]) -> Vec<char> {
    let mut out: Vec<char> = Vec::with_capacity(w.len());
    for &c in w {
        if out.last() != Some(&c) {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_spellings() {
        let vowel = Some(Change::Vowel);
        let double = Some(Change::Double);
        assert_eq!(near("hooston", "houston", false), vowel);
        assert_eq!(near("addmiral", "admiral", false), double);
        assert_eq!(near("харасан", "хорасан", true), vowel);
        assert_eq!(near("харасан", "хорасане", true), vowel);
        assert_eq!(near("кроншттадта", "кронштадт", true), double);
        assert_eq!(near("гаврриліти", "гавриліта", true), double);
    }

    #[test]
    fn far_or_legitimate_spellings() {
        // Endings, first letters, diacritics, consonants, two changes.
        for (a, b, cyrillic) in [
            ("бостоне", "бостона", true),
            ("mohammad", "mohammed", false),
            ("jemen", "yemen", false),
            ("präsident", "president", false),
            ("kovalenko", "kowalenko", false),
            ("hallen", "halle", false),
            ("marchenko", "marchinka", false),
            ("петров", "петрова", true),
            ("сэвидж", "саваж", true),
            ("ляказетта", "ляказеттом", true),
            ("индауре", "индоре", true),
        ] {
            assert_eq!(near(a, b, cyrillic), None, "{a} / {b}");
        }
    }
}
