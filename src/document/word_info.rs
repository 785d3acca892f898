//! The shared word table: what the stages know about one word of one
//! language, its fold and lower case, its votes for foreign spans and its
//! alignment features. A document looks each of its words up once (a
//! per-thread memo keyed by the word's text and language, shared by every
//! document of the thread) and keeps a pointer per word, not strings: a
//! story repeats its words. Votes and features are worked out on first
//! use, so the stages share one look-up per word.

use std::cell::RefCell;
use std::sync::{Arc, OnceLock};

use crate::align::WordFeatures;
use crate::lang::foreign::Vote;
use crate::lexicon::Lexicons;
use crate::memo::Memo;

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
    /// Alignment features (`None`: a function word or a word with a digit).
    features: OnceLock<Option<WordFeatures>>,
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

    /// The word's alignment features, worked out by `compute` the first time.
    pub(crate) fn features(
        &self,
        compute: impl FnOnce() -> Option<WordFeatures>,
    ) -> Option<&WordFeatures> {
        self.features.get_or_init(compute).as_ref()
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
