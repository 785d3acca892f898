//! The per-language cues around names, quotes and speakers, parsed from
//! `lexicons/<lang>/titles.txt`, `speech_verbs.txt`, `pronouns.txt` and
//! `name_cues.txt` (formats in the files' headers).

use crate::hash::{HashMap, HashMapExt, HashSet};

use unicode_segmentation::UnicodeSegmentation;

use super::Gender;
use crate::document::FoldedWords;
use crate::error::Result;
use crate::lexicon::parse;
use crate::text::{fold, is_cyrillic_word, lower};

/// Longest inflectional ending a Cyrillic title word may carry and still
/// match its lexicon form ("міністра", "президентом").
const MAX_CASE_ENDING: usize = 3;

/// The words of a lexicon phrase, split the way documents are split into
/// words, folded.
pub fn phrase_words(phrase: &str) -> Vec<String> {
    phrase
        .split_word_bounds()
        .filter(|w| w.chars().any(crate::text::is_alphanumeric))
        .map(fold)
        .collect()
}

/// Shortest one-word title that may head a compound ("minister", not "chef").
const MIN_COMPOUND_HEAD: usize = 6;
/// Shortest part before a compound's head ("Bundes-", "Innen-").
const MIN_COMPOUND_STEM: usize = 3;

/// A phrase of a lexicon, with the gender it marks, if any.
#[derive(Clone, Debug)]
pub struct Phrase {
    /// Folded words.
    pub words: Vec<String>,
    /// The gender it marks.
    pub gender: Option<Gender>,
}

/// Phrases looked up by their first word; Cyrillic words also match with a
/// case ending added.
#[derive(Clone, Debug, Default)]
pub struct PhraseSet {
    by_first: HashMap<String, Vec<Phrase>>,
    /// The first bytes of the first words (also of their case forms: a cut
    /// keeps two letters), to reject most words before hashing.
    starts: crate::lexicon::Starts,
    inflected: bool,
    /// One-word phrases that also end a compound ("Bundesarbeitsminister"
    /// is a "minister"), longest first; empty unless the language writes
    /// compounds as one word.
    heads: Vec<Phrase>,
    /// Indices in `heads` by the last letters of the head ([`head_end`]):
    /// most words end like no head, and are rejected by one lookup.
    heads_by_end: HashMap<String, Vec<usize>>,
    /// The last bytes of the heads, to reject most words before hashing.
    head_ends: crate::lexicon::Starts,
}

/// How many last letters of a word index the compound heads.
const HEAD_END_LETTERS: usize = 3;

/// The last [`HEAD_END_LETTERS`] letters of a word.
fn head_end(word: &str) -> &str {
    let at = word
        .char_indices()
        .rev()
        .nth(HEAD_END_LETTERS - 1)
        .map_or(0, |(at, _)| at);
    &word[at..]
}

impl PhraseSet {
    fn new(inflected: bool) -> Self {
        PhraseSet {
            by_first: HashMap::new(),
            starts: crate::lexicon::Starts::default(),
            inflected,
            heads: Vec::new(),
            heads_by_end: HashMap::new(),
            head_ends: crate::lexicon::Starts::default(),
        }
    }

    /// Lets one-word phrases of at least [`MIN_COMPOUND_HEAD`] letters match
    /// as the head of a compound word with at least [`MIN_COMPOUND_STEM`]
    /// letters before it.
    fn match_compounds(&mut self) {
        self.heads = self
            .by_first
            .values()
            .flatten()
            .filter(|p| p.words.len() == 1 && p.words[0].chars().count() >= MIN_COMPOUND_HEAD)
            .cloned()
            .collect();
        self.heads
            .sort_by_key(|p| std::cmp::Reverse(p.words[0].len()));
        self.heads_by_end.clear();
        self.head_ends = crate::lexicon::Starts::default();
        for (i, p) in self.heads.iter().enumerate() {
            self.head_ends.insert_end(&p.words[0]);
            self.heads_by_end
                .entry(head_end(&p.words[0]).to_string())
                .or_default()
                .push(i);
        }
    }

    /// Adds a phrase; a gendered entry replaces an ungendered twin.
    fn add(&mut self, phrase: &str, gender: Option<Gender>) {
        let words = phrase_words(phrase);
        let Some(first) = words.first().cloned() else {
            return;
        };
        self.starts.insert(&first);
        let list = self.by_first.entry(first).or_default();
        match list.iter_mut().find(|p| p.words == words) {
            Some(p) => p.gender = p.gender.or(gender),
            None => list.push(Phrase { words, gender }),
        }
        // Longest first, so "deputy prime minister" wins over "deputy".
        list.sort_by_key(|p| std::cmp::Reverse(p.words.len()));
    }

    fn word_matches(&self, text: &str, entry: &str) -> bool {
        text == entry
            || (self.inflected
                && is_cyrillic_word(text)
                && text.starts_with(entry)
                && text[entry.len()..].chars().count() <= MAX_CASE_ENDING)
    }

    /// The longest phrase that starts at `words[i]` (folded words).
    pub fn match_at<W: FoldedWords + ?Sized>(&self, words: &W, i: usize) -> Option<&Phrase> {
        self.match_before(words, i, words.count())
    }

    /// The longest phrase that starts at `words[i]` and ends by `words[end - 1]`.
    fn match_before<W: FoldedWords + ?Sized>(
        &self,
        words: &W,
        i: usize,
        end: usize,
    ) -> Option<&Phrase> {
        if i >= end {
            return None;
        }
        let first = words.folded(i);
        if !self.starts.may_hold(first) {
            return self.compound_head(first);
        }
        let mut best: Option<&Phrase> = None;
        let mut try_key = |key: &str| {
            for p in self.by_first.get(key).into_iter().flatten() {
                let fits = p.words.len() <= end - i
                    && p.words
                        .iter()
                        .enumerate()
                        .all(|(k, e)| self.word_matches(words.folded(i + k), e));
                if fits && best.is_none_or(|b| b.words.len() < p.words.len()) {
                    best = Some(p);
                }
            }
        };
        try_key(first);
        if self.inflected && is_cyrillic_word(first) {
            // Without the last one, two, three letters, keeping two.
            let keep = MAX_CASE_ENDING.min(first.chars().count().saturating_sub(2));
            for (at, _) in first.char_indices().rev().take(keep) {
                try_key(&first[..at]);
            }
        }
        best.or_else(|| self.compound_head(first))
    }

    /// The one-word phrase a compound word ends with, if compounds match.
    fn compound_head(&self, word: &str) -> Option<&Phrase> {
        if self.heads.is_empty()
            || word.len() < MIN_COMPOUND_HEAD + MIN_COMPOUND_STEM
            || !self.head_ends.may_end(word)
        {
            return None;
        }
        let candidates = self.heads_by_end.get(head_end(word))?;
        candidates.iter().map(|&i| &self.heads[i]).find(|p| {
            word.strip_suffix(p.words[0].as_str()).is_some_and(|stem| {
                stem.chars().count() >= MIN_COMPOUND_STEM
                    && stem.chars().all(crate::text::is_alphabetic)
            })
        })
    }

    /// The longest phrase that ends at `words[end - 1]`.
    pub fn match_ending<W: FoldedWords + ?Sized>(
        &self,
        words: &W,
        end: usize,
    ) -> Option<(usize, &Phrase)> {
        (end.saturating_sub(6)..end)
            .filter_map(|i| self.match_before(words, i, end).map(|p| (i, p)))
            .find(|(i, p)| i + p.words.len() == end)
    }

    /// True when the set holds no phrase.
    pub fn is_empty(&self) -> bool {
        self.by_first.is_empty()
    }
}

/// A pronoun that gives a person a gender.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pronoun {
    /// The gender it gives.
    pub gender: Gender,
    /// True for subject pronouns ("he said").
    pub subject: bool,
}

/// The cues of one language.
#[derive(Clone, Debug, Default)]
pub struct NameCues {
    /// Titles and roles (gendered ones carry their gender).
    pub titles: PhraseSet,
    /// Forms of address (folded, without a final period) and their gender.
    pub honorifics: HashMap<String, Gender>,
    /// Articles that give a following role its gender (folded).
    pub articles: HashMap<String, Gender>,
    /// Speech verbs (gendered forms carry their gender).
    pub speech_verbs: PhraseSet,
    /// Words that open reported speech ("that", "que", "dass"), folded.
    pub complementizers: HashSet<String>,
    /// Phrases followed by the source of a statement ("according to").
    pub sources: PhraseSet,
    /// Words that open a frame after what was said ("…, as X explained",
    /// "…, wie X erläutert"), folded.
    pub as_frames: HashSet<String>,
    /// Endings of past-tense verbs that agree with the subject's gender
    /// (Ukrainian and Russian), longest first.
    pub past_endings: Vec<(String, Gender)>,
    /// Gendered pronouns (lower case, diacritics kept: Spanish "él" is not "el").
    pub pronouns: HashMap<String, Pronoun>,
    /// Words that make a name an organisation (folded).
    pub org_words: HashSet<String>,
    /// Words after which a name is usually a place (folded).
    pub place_before: HashSet<String>,
    /// Words after which a capitalised word is a common noun (folded).
    pub noun_markers: HashSet<String>,
    /// Endings of capitalised adjectives of origin (folded).
    pub demonym_suffixes: Vec<String>,
    /// Words that join two names ("and", "or"): a title does not reach a
    /// name across them (folded).
    pub coordinators: HashSet<String>,
}

impl NameCues {
    /// Parses the four cue files of one language: `(origin, text)` each.
    pub fn parse(
        titles: &(String, String),
        speech_verbs: &(String, String),
        pronouns: &(String, String),
        name_cues: &(String, String),
    ) -> Result<NameCues> {
        let mut c = NameCues {
            titles: PhraseSet::new(true),
            speech_verbs: PhraseSet::new(false),
            sources: PhraseSet::new(false),
            ..NameCues::default()
        };
        let (origin, text) = titles;
        for item in parse::labeled(text) {
            let (kind, gender) = split_gender(item.label);
            for entry in &item.items {
                let key = fold(entry.trim_end_matches('.'));
                match (kind, gender) {
                    ("title", g) => c.titles.add(entry, g),
                    ("honorific", Some(g)) => {
                        c.honorifics.insert(key, g);
                    }
                    ("article", Some(g)) => {
                        c.articles.insert(key, g);
                    }
                    _ => {
                        return Err(item.error(
                            origin,
                            "labels are title, title_m, title_f, honorific_m, honorific_f, \
                             article_m, article_f",
                        ));
                    }
                }
            }
        }
        let (origin, text) = speech_verbs;
        for item in parse::labeled(text) {
            let (kind, gender) = split_gender(item.label);
            for entry in &item.items {
                match kind {
                    "verb" => c.speech_verbs.add(entry, gender),
                    "that" => {
                        c.complementizers.insert(fold(entry));
                    }
                    "source" => c.sources.add(entry, None),
                    "as" => {
                        c.as_frames.insert(fold(entry));
                    }
                    "past" if gender.is_some() => {
                        if let Some(g) = gender {
                            c.past_endings.push((lower(entry), g));
                        }
                    }
                    _ => {
                        return Err(item.error(
                            origin,
                            "labels are verb, verb_m, verb_f, that, source, as, past_m, past_f",
                        ));
                    }
                }
            }
        }
        c.past_endings
            .sort_by_key(|(e, _)| std::cmp::Reverse(e.chars().count()));
        let (origin, text) = pronouns;
        for item in parse::labeled(text) {
            let (kind, gender) = split_gender(item.label);
            let (Some(gender), "subject" | "") = (gender, kind) else {
                return Err(item.error(origin, "labels are subject_m, subject_f, m, f"));
            };
            for entry in item.items.iter().filter(|e| !e.contains(' ')) {
                c.pronouns.insert(
                    lower(entry),
                    Pronoun {
                        gender,
                        subject: kind == "subject",
                    },
                );
            }
        }
        let (origin, text) = name_cues;
        for item in parse::labeled(text) {
            let set = match item.label {
                "org" => &mut c.org_words,
                "place_before" => &mut c.place_before,
                "noun_marker" => &mut c.noun_markers,
                "coordinator" => &mut c.coordinators,
                "demonym_suffix" => {
                    c.demonym_suffixes
                        .extend(item.items.iter().map(|s| fold(s)));
                    continue;
                }
                _ => {
                    return Err(item.error(
                        origin,
                        "labels are org, place_before, noun_marker, demonym_suffix, coordinator",
                    ));
                }
            };
            set.extend(item.items.iter().map(|s| fold(s)));
        }
        // A language that capitalises nouns writes compounds as one word:
        // its titles head them.
        if !c.noun_markers.is_empty() {
            c.titles.match_compounds();
        }
        Ok(c)
    }
}

/// "title_f" → ("title", Some(Female)); "m" → ("", Some(Male)); "verb" → ("verb", None).
fn split_gender(label: &str) -> (&str, Option<Gender>) {
    if let Some(g) = Gender::from_code(label) {
        return ("", Some(g));
    }
    match label.rsplit_once('_') {
        Some((kind, code)) => match Gender::from_code(code) {
            Some(g) => (kind, Some(g)),
            None => (label, None),
        },
        None => (label, None),
    }
}

#[cfg(test)]
mod tests {
    use crate::lexicon::Lexicons;

    use super::*;

    fn words(s: &str) -> Vec<String> {
        phrase_words(s)
    }

    #[test]
    fn titles_match_longest_and_inflected() {
        let lex = Lexicons::embedded();
        let en = &lex.lang("en").cues;
        let w = words("the Deputy Prime Minister said");
        assert_eq!(
            en.titles.match_at(&w[..], 1).map(|p| p.words.len()),
            Some(3)
        );
        let uk = &lex.lang("uk").cues;
        let w = words("слова міністра закордонних справ");
        assert_eq!(
            uk.titles.match_at(&w[..], 1).map(|p| p.words.len()),
            Some(3)
        );
        let de = &lex.lang("de").cues;
        let w = words("Bundeskanzlerin");
        assert_eq!(
            de.titles.match_at(&w[..], 0).and_then(|p| p.gender),
            Some(Gender::Female)
        );
        // German compounds end with their title.
        for (word, gender) in [
            ("Bundesarbeitsminister", Some(Gender::Male)),
            ("Landesgesundheitsministerin", Some(Gender::Female)),
            ("Regierungssprecher", Some(Gender::Male)),
        ] {
            let w = words(word);
            assert_eq!(
                de.titles.match_at(&w[..], 0).map(|p| p.gender),
                Some(gender),
                "{word}"
            );
        }
        // Not a title: a word that only contains one, or an English compound.
        assert!(de.titles.match_at(&words("Ministerium")[..], 0).is_none());
        assert!(en.titles.match_at(&words("Superminister")[..], 0).is_none());
    }

    #[test]
    fn every_language_has_cues() {
        let lex = Lexicons::embedded();
        for lang in crate::lexicon::LANGUAGES {
            let c = &lex.lang(lang).cues;
            assert!(!c.titles.is_empty(), "{lang} titles");
            assert!(!c.speech_verbs.is_empty(), "{lang} speech verbs");
            assert!(!c.complementizers.is_empty(), "{lang} complementizers");
            assert!(
                c.pronouns
                    .values()
                    .any(|p| p.subject && p.gender == Gender::Male),
                "{lang} pronouns"
            );
            assert!(!c.org_words.is_empty(), "{lang} org words");
        }
    }
}
