//! The shared word table: what the stages know about one word of one
//! language, its fold and lower case, its votes for foreign spans and its
//! matching features (stem, cognate key, concept ids). A document looks each
//! of its words up once (a per-thread memo keyed by the word's text and
//! language, shared by every document of the thread) and keeps a pointer
//! per word, not strings: a story repeats its words. Votes and features are
//! worked out on first use, so the stages share one look-up per word.

use std::cell::RefCell;
use std::hash::BuildHasher;
use std::ops::{Index, Range};
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::sync::{Arc, LazyLock, OnceLock};

use crate::lang::foreign::Vote;
use crate::lexicon::Lexicons;
use crate::memo::Memo;
use crate::stem::stem;
use crate::text::lower;

/// The parts of one word; votes and features are computed on first use.
#[derive(Debug, Default)]
pub struct WordInfo {
    /// The word folded ([`crate::text::fold`]).
    fold: Box<str>,
    /// The word lower-cased ([`crate::text::lower`]) where that differs
    /// from its fold (diacritics); `None` for most words.
    lower: Option<Box<str>>,
    /// Foreign-span votes: mid-sentence, then at a sentence start.
    votes: [OnceLock<Vote>; 2],
    /// Matching features (`None`: a function word or a word with a digit),
    /// boxed: a long document has many distinct numbers, which have none.
    features: OnceLock<Option<Box<WordFeatures>>>,
    /// The word's id in the table of the document last built with it:
    /// that table's stamp (high half) and the id (low half)
    /// ([`WordTable::new`]).
    slot: AtomicU64,
}

impl WordInfo {
    fn new(word: &str) -> WordInfo {
        let fold = crate::text::fold(word);
        // ASCII words lower-case as they fold.
        let lower = (!word.is_ascii())
            .then(|| crate::text::lower(word))
            .filter(|lower| *lower != fold)
            .map(String::into_boxed_str);
        WordInfo {
            fold: fold.into_boxed_str(),
            lower,
            ..WordInfo::default()
        }
    }

    /// The word folded ([`crate::text::fold`]).
    pub fn fold(&self) -> &str {
        &self.fold
    }

    /// The word lower-cased ([`crate::text::lower`]).
    pub fn lower(&self) -> &str {
        self.lower.as_deref().unwrap_or(&self.fold)
    }

    /// The word's vote, worked out by `compute` the first time.
    pub(crate) fn vote(&self, sentence_start: bool, compute: impl FnOnce() -> Vote) -> &Vote {
        self.votes[usize::from(sentence_start)].get_or_init(compute)
    }

    /// The word's matching features, worked out by `compute` the first time.
    pub fn features(
        &self,
        compute: impl FnOnce() -> Option<WordFeatures>,
    ) -> Option<&WordFeatures> {
        self.features
            .get_or_init(|| compute().map(Box::new))
            .as_deref()
    }
}

/// One word of a document: a pointer into the shared word table. As
/// `AsRef<str>` it is the word's fold, so a run of words matches lexicon
/// phrases as a slice.
#[derive(Clone, Debug)]
pub struct WordRef(Arc<WordInfo>);

impl std::ops::Deref for WordRef {
    type Target = WordInfo;

    fn deref(&self) -> &WordInfo {
        &self.0
    }
}

impl AsRef<str> for WordRef {
    fn as_ref(&self) -> &str {
        &self.0.fold
    }
}

/// A document's words as entries of the shared word table: each entry the
/// document uses once, and a `u32` id per word (a pointer per word cost
/// twice as much: a long document has millions of words and a small
/// share of them distinct).
#[derive(Clone, Debug, Default)]
pub struct WordTable {
    entries: Vec<WordRef>,
    ids: Vec<u32>,
}

/// Stamps of the word tables built, so an entry knows which table its
/// remembered id belongs to.
static TABLE_STAMP: AtomicU32 = AtomicU32::new(1);

impl WordTable {
    /// The table of a document's words, in their order.
    pub fn new(words: impl ExactSizeIterator<Item = WordRef>) -> WordTable {
        let stamp = u64::from(TABLE_STAMP.fetch_add(1, Ordering::Relaxed));
        let mut table = WordTable {
            entries: Vec::new(),
            ids: Vec::with_capacity(words.len()),
        };
        for word in words {
            // The entry remembers its id in the table built last with it:
            // no look-up per word. (Stamps wrap after 4 billion tables, and
            // another thread may build one with the same entry: the id is
            // taken only when it points back at this entry.)
            let slot = word.slot.load(Ordering::Relaxed);
            let known = u32::try_from(slot & u64::from(u32::MAX)).expect("the low half");
            let id = if slot >> 32 == stamp
                && table
                    .entries
                    .get(known as usize)
                    .is_some_and(|e| Arc::ptr_eq(&e.0, &word.0))
            {
                known
            } else {
                let id = u32::try_from(table.entries.len()).expect("fewer than 4 billion words");
                word.slot
                    .store(stamp << 32 | u64::from(id), Ordering::Relaxed);
                table.entries.push(word);
                id
            };
            table.ids.push(id);
        }
        table.entries.shrink_to_fit();
        table
    }

    /// How many words the document has.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// True for a document without words.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The entries of every word, in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &WordInfo> + '_ {
        self.ids.iter().map(|&id| &*self.entries[id as usize])
    }

    /// Words `range`, as folded words phrases match against.
    pub fn slice(&self, range: Range<usize>) -> Folds<'_> {
        Folds {
            entries: &self.entries,
            ids: &self.ids[range],
        }
    }

    /// Every word, as folded words phrases match against.
    pub fn all(&self) -> Folds<'_> {
        self.slice(0..self.ids.len())
    }
}

impl Index<usize> for WordTable {
    type Output = WordInfo;

    fn index(&self, w: usize) -> &WordInfo {
        &self.entries[self.ids[w] as usize]
    }
}

/// A run of a document's words ([`WordTable::slice`]): indexed from its
/// first word, read as folds by the phrase matchers ([`FoldedWords`]).
#[derive(Clone, Copy, Debug)]
pub struct Folds<'a> {
    entries: &'a [WordRef],
    ids: &'a [u32],
}

impl<'a> Folds<'a> {
    /// How many words the run has.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// True for a run of no words.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Words `range` of the run.
    pub fn slice(&self, range: Range<usize>) -> Folds<'a> {
        Folds {
            entries: self.entries,
            ids: &self.ids[range],
        }
    }

    /// Word `i` of the run.
    pub fn get(&self, i: usize) -> &'a WordInfo {
        &self.entries[self.ids[i] as usize]
    }
}

impl Index<usize> for Folds<'_> {
    type Output = WordInfo;

    fn index(&self, i: usize) -> &WordInfo {
        self.get(i)
    }
}

/// Folded words phrases are matched against: a slice of strings, or a run
/// of a document's words ([`Folds`]).
pub trait FoldedWords {
    /// How many words.
    fn count(&self) -> usize;
    /// Word `i`, folded.
    fn folded(&self, i: usize) -> &str;
}

impl<S: AsRef<str>> FoldedWords for [S] {
    fn count(&self) -> usize {
        self.len()
    }

    fn folded(&self, i: usize) -> &str {
        self[i].as_ref()
    }
}

impl FoldedWords for Folds<'_> {
    fn count(&self) -> usize {
        self.len()
    }

    fn folded(&self, i: usize) -> &str {
        self.get(i).fold()
    }
}

thread_local! {
    static WORDS: RefCell<Memo<Arc<WordInfo>>> = RefCell::default();
}

/// The shared entry of a word written in a language.
pub(crate) fn of(word: &str, lang: &str, lexicons: &Lexicons) -> WordRef {
    WordRef(crate::memo::get_or(
        &WORDS,
        lexicons.names.id,
        &[lang, word],
        || Arc::new(WordInfo::new(word)),
    ))
}

/// A feature string with its hash, worked out once: memoised word features
/// keep theirs, so a story's feature table never hashes them again.
#[derive(Clone, Debug)]
pub struct Hashed {
    /// The hash ([`Hashed::new`]).
    pub hash: u64,
    /// The feature.
    pub text: Arc<str>,
}

/// The hasher of every feature (seeded once per process).
static FEATURE_HASH: LazyLock<foldhash::fast::RandomState> =
    LazyLock::new(foldhash::fast::RandomState::default);

impl Hashed {
    /// A feature and its hash.
    pub fn new(text: impl Into<Arc<str>>) -> Hashed {
        let text = text.into();
        Hashed {
            hash: feature_hash(&text),
            text,
        }
    }
}

/// The hash of a feature's text, as [`Hashed::new`] computes it.
pub fn feature_hash(text: &str) -> u64 {
    FEATURE_HASH.hash_one(text)
}

/// The matching features of one content word.
#[derive(Debug, Default)]
pub struct WordFeatures {
    /// Its stem, lower-cased: compared within a language.
    pub stem: Option<Hashed>,
    /// Its cognate key ([`cognate_key`]): compared across languages.
    pub cognate: Option<Hashed>,
    /// Its concept and glossary ids (`k:` and `g:`), the same in every
    /// language.
    pub concepts: Vec<Hashed>,
}

impl WordFeatures {
    /// The stem of the word, lower-cased.
    pub fn stem(&self) -> Option<&str> {
        self.stem.as_ref().map(|s| &*s.text)
    }
}

/// The features of a word that does not start with a digit, or `None` for a
/// function word or a word holding a digit. A pure function of the word,
/// its language and the lexicons, so documents share it.
pub fn word_features(text: &str, lang: &str, lexicons: &Lexicons) -> Option<WordFeatures> {
    let lex = lexicons.lang(lang);
    let low = lower(text);
    if lex.is_function_word_lower(&low) || text.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let mut features = WordFeatures {
        stem: (low.chars().count() >= 2).then(|| Hashed::new(stem(lang, &low))),
        cognate: cognate_key(text, lexicons).map(Hashed::new),
        concepts: Vec::new(),
    };
    if let Some(id) = lex.concepts.of_noun(text) {
        features.concepts.push(Hashed::new(format!("k:{id}")));
    }
    if let Some(id) = lex.glossary.of_noun(text) {
        features.concepts.push(Hashed::new(format!("g:{id}")));
    }
    Some(features)
}

/// How many leading letters of a word's skeleton make its cognate key.
const COGNATE_LEN: usize = 4;

/// The cognate key of a word: its first letters in Latin script after a
/// spelling fold, for words of four letters or more. Words that share it
/// across languages are likely cognates or one name (Simard, Foster &
/// Isabelle 1992 compare four-letter prefixes): "Confederate" /
/// "Konföderierten" / "Конфедерации" all give `konf`.
pub fn cognate_key(word: &str, lexicons: &Lexicons) -> Option<String> {
    let latin = romanize(word, lexicons);
    if latin.chars().count() < COGNATE_LEN {
        return None;
    }
    Some(skeleton(&latin).chars().take(COGNATE_LEN).collect())
}

/// A word in lower-case ASCII: Cyrillic through the Russian transliteration
/// table, other letters folded by deunicode.
fn romanize(word: &str, lexicons: &Lexicons) -> String {
    let table = &lexicons.names.translit_ru;
    let mut mapped = String::with_capacity(word.len());
    for c in word.chars().flat_map(char::to_lowercase) {
        match table.get(&c) {
            Some(latin) => mapped.push_str(latin),
            None => mapped.push(c),
        }
    }
    let mut out = deunicode::deunicode(&mapped);
    out.make_ascii_lowercase();
    out.retain(|c| c.is_ascii_alphabetic());
    out
}

/// Spellings of one sound that languages and transliterations write
/// differently, and their common form, tried in this order at each letter
/// ("ce" before "c": "Spencer" and "Спенсер" meet as "spenser").
const SKELETON_RULES: [(&str, &str); 20] = [
    ("tsch", "kh"),
    ("shch", "sh"),
    ("dzh", "g"),
    ("sch", "sh"),
    ("ph", "f"),
    ("ck", "k"),
    ("kh", "h"),
    ("zh", "i"),
    ("ts", "s"),
    ("ce", "se"),
    ("ci", "si"),
    ("cy", "si"),
    ("th", "t"),
    ("c", "k"),
    ("q", "k"),
    ("w", "v"),
    ("y", "i"),
    ("j", "i"),
    ("x", "ks"),
    ("z", "s"),
];

/// The bytes a rule of [`SKELETON_RULES`] starts with: most letters start
/// none, and need no rule tried.
const RULE_STARTS: [bool; 256] = {
    let mut starts = [false; 256];
    let mut k = 0;
    while k < SKELETON_RULES.len() {
        starts[SKELETON_RULES[k].0.as_bytes()[0] as usize] = true;
        k += 1;
    }
    starts
};

/// A romanised word with the spelling differences of [`SKELETON_RULES`]
/// folded and doubled letters made single, in one pass: "spencer" and
/// "spenser" ("Спенсер") meet.
pub fn skeleton(latin: &str) -> String {
    let bytes = latin.as_bytes();
    let mut out = String::with_capacity(latin.len());
    let push = |piece: &str, out: &mut String| {
        for c in piece.chars() {
            if !out.ends_with(c) {
                out.push(c);
            }
        }
    };
    let mut i = 0;
    while i < bytes.len() {
        let rest = &latin[i..];
        match SKELETON_RULES
            .iter()
            .filter(|_| RULE_STARTS[usize::from(bytes[i])])
            .find(|(from, _)| rest.starts_with(from))
        {
            Some((from, to)) => {
                push(to, &mut out);
                i += from.len();
            }
            None => {
                let c = rest.chars().next().unwrap_or_default();
                push(c.encode_utf8(&mut [0; 4]), &mut out);
                i += c.len_utf8();
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cognates_meet_across_spellings_and_scripts() {
        let lex = Lexicons::embedded();
        let key = |w: &str| cognate_key(w, &lex);
        assert_eq!(key("Confederate"), key("Konföderierten"));
        assert_eq!(key("Confederate"), key("Конфедерации"));
        assert_eq!(key("inflation"), key("Inflation"));
        assert_eq!(key("inflation"), key("инфляция"));
        assert_eq!(key("Toronto"), key("Торонто"));
        assert_eq!(skeleton("spencer"), skeleton("spenser"));
        assert_eq!(key("Philosophie"), key("filosofia"));
        assert_ne!(key("government"), key("Regierung"));
        assert_eq!(key("die"), None);
    }
}
