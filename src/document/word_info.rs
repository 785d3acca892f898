//! What the later stages work out about one word of one language: its
//! votes for foreign spans and its alignment features. A document looks each
//! of its words up once (a per-thread memo keyed by the word's text and
//! language, shared by every document of the thread), and each part is
//! worked out on first use, so the stages share one look-up per word.

use std::cell::RefCell;
use std::sync::{Arc, OnceLock};

use crate::align::WordFeatures;
use crate::lang::foreign::Vote;
use crate::lexicon::Lexicons;
use crate::memo::Memo;

/// The parts of one word, each computed on first use.
#[derive(Debug, Default)]
pub struct WordInfo {
    /// Foreign-span votes: mid-sentence, then at a sentence start.
    votes: [OnceLock<Vote>; 2],
    /// Alignment features (`None`: a function word or a word with a digit).
    features: OnceLock<Option<WordFeatures>>,
}

impl WordInfo {
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

thread_local! {
    static WORDS: RefCell<Memo<Arc<WordInfo>>> = RefCell::default();
}

/// The shared parts of a word written in a language.
pub(crate) fn of(word: &str, lang: &str, lexicons: &Lexicons) -> Arc<WordInfo> {
    crate::memo::get_or(&WORDS, lexicons.names.id, &[lang, word], || {
        Arc::new(WordInfo::default())
    })
}
