//! What negates in one language, for the polarity check: `negation.txt`
//! and `antonyms.txt` (formats in the English files' headers).

use crate::error::Result;
use crate::hash::{HashMap, HashSet};
use crate::lexicon::Starts;
use crate::lexicon::parse;
use crate::text::{fold, lower};

/// The shortest stem (in letters) by which an inflected form of a negative
/// word is recognised: shorter stems join unrelated words.
const MIN_NEGATIVE_STEM: usize = 7;
/// The fewest letters after a negative prefix ("un" + "changed").
const MIN_PREFIXED_BASE: usize = 6;

/// The negation lexicon of one language.
#[derive(Clone, Debug, Default)]
pub struct Negation {
    /// Words (and two-word phrases) that negate what follows, lower case.
    cues: WordSet,
    /// Correlative cues ("nor", "ни"): they negate, but continue the
    /// negation of the clause before rather than open a new one.
    nor: WordSet,
    /// Words and two-word phrases negative in themselves ("refused",
    /// "without", "unable"), lower case.
    negative_words: WordSet,
    /// First words of the two-word cues and negative words.
    pair_starts: WordSet,
    /// Cues elided onto the next word ("n'"), which match a word's start.
    pub elided: Vec<String>,
    /// Phrases holding a cue that negate nothing ("not only", "не менее"):
    /// first word → the phrases' words.
    skips: HashMap<String, Vec<Vec<String>>>,
    /// The first bytes of the skips' first words.
    skip_starts: Starts,
    /// Words that open a relative or conditional clause ("who", "if",
    /// "который"): a negation inside one is not the claim's.
    embed: WordSet,
    /// Words that open such a clause only right after a comma (German
    /// relative pronouns are its articles: ", die nicht ...").
    embed_after_comma: WordSet,
    /// Words that make their sentence a question wherever they stand
    /// (Russian "ли").
    question: WordSet,
    /// Cues that negate only with a partner later in their clause (French
    /// "ne … pas"): without one they restrict ("ne … que", only) or are
    /// expletive.
    bound: WordSet,
    /// The partners of bound cues ("pas", "jamais", "rien").
    partners: WordSet,
    /// Words that, right after a partner, make it restrict rather than
    /// negate ("ne … plus que", "ne … pas seulement").
    restricts: WordSet,
    /// Words after which a partner is no partner ("au plus tard").
    partner_not_after: WordSet,
    /// Words of comparison: a cue, a word and one of these bound an amount
    /// rather than negate ("not older than", "nicht mehr als").
    than: WordSet,
    /// Words that open a new clause although no punctuation does
    /// ("because", "but").
    clause_openers: WordSet,
    /// Words after which a cue negates only the next word, not the claim
    /// ("einen nicht ausgeschriebenen Vertrag", "a not unusual case").
    constituent_after: WordSet,
    /// Stems of the one-word negative words: inflected forms count too.
    negative_stems: WordSet,
    /// Prefixes that negate a word ("un-", "не-"): a long word starting
    /// with one is a negative word of a sort ("unchanged", "неиспользование").
    prefixes: Vec<String>,
    /// Word starts with such a prefix that negate nothing ("under", "uni",
    /// "несколько").
    prefix_not: Vec<String>,
    /// Pairs of opposite words, as stems.
    antonyms: Vec<(String, String)>,
    /// Each stem of [`Negation::antonyms`] → the first pair it is in.
    antonym_of: HashMap<String, usize>,
    /// The first bytes of the antonyms' stems.
    antonym_starts: Starts,
}

/// A set of lower-case words or phrases that rejects most words by their
/// first bytes before hashing: every word of every claim is looked up in
/// several of them.
#[derive(Clone, Debug, Default)]
pub struct WordSet {
    words: HashSet<String>,
    starts: Starts,
}

impl WordSet {
    fn insert(&mut self, word: String) -> bool {
        self.starts.insert(&word);
        self.words.insert(word)
    }

    fn contains(&self, word: &str) -> bool {
        self.starts.may_hold(word) && self.words.contains(word)
    }

    fn iter(&self) -> impl Iterator<Item = &String> {
        self.words.iter()
    }

    #[cfg(test)]
    fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

impl Extend<String> for WordSet {
    fn extend<I: IntoIterator<Item = String>>(&mut self, words: I) {
        for w in words {
            self.insert(w);
        }
    }
}

impl Negation {
    /// Parses `negation.txt` and `antonyms.txt` of language `lang`, each as
    /// (name to cite in errors, text).
    pub fn parse(lang: &str, negation: (&str, &str), antonyms: (&str, &str)) -> Result<Negation> {
        let mut n = Negation::default();
        let (origin, text) = negation;
        for item in parse::labeled(text) {
            let words = item.items.iter().map(|w| lower(w));
            match item.label {
                "cue" | "nor" | "negative" => {
                    for w in words {
                        if let Some((first, _)) = w.split_once(' ') {
                            n.pair_starts.insert(first.to_string());
                        }
                        if w.ends_with('\'') {
                            n.elided.push(w.clone());
                        }
                        match item.label {
                            "negative" => {
                                if !w.contains(' ') {
                                    n.negative_stems.insert(crate::stem::stem(lang, &w));
                                }
                                n.negative_words.insert(w)
                            }
                            "nor" => {
                                n.cues.insert(w.clone());
                                n.nor.insert(w)
                            }
                            _ => n.cues.insert(w),
                        };
                    }
                }
                "skip" => {
                    for w in words {
                        let phrase: Vec<String> =
                            w.split_whitespace().map(str::to_string).collect();
                        if let Some(first) = phrase.first() {
                            n.skip_starts.insert(first);
                            n.skips.entry(first.clone()).or_default().push(phrase);
                        }
                    }
                }
                "bound" => {
                    for w in words {
                        if w.ends_with('\'') {
                            n.elided.push(w.clone());
                        }
                        n.cues.insert(w.clone());
                        n.bound.insert(w);
                    }
                }
                "partner" => n.partners.extend(words),
                "restricts" => n.restricts.extend(words),
                "partner_not_after" => n.partner_not_after.extend(words),
                "than" => n.than.extend(words),
                "clause" => n.clause_openers.extend(words),
                "constituent_after" => n.constituent_after.extend(words),
                "embed" => n.embed.extend(words),
                "prefix" => n.prefixes.extend(words),
                "prefix_not" => n.prefix_not.extend(words),
                "embed_after_comma" => n.embed_after_comma.extend(words),
                "question" => n.question.extend(words),
                _ => {
                    return Err(item.error(
                        origin,
                        "labels are cue, nor, bound, partner, restricts, partner_not_after, \
                         negative, skip, than, clause, embed, embed_after_comma, \
                         question, constituent_after, prefix, prefix_not",
                    ));
                }
            }
        }
        for phrases in n.skips.values_mut() {
            phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
        }
        let (origin, text) = antonyms;
        for entry in parse::entries(text) {
            let Some((a, b)) = entry.text.split_once('|') else {
                return Err(entry.error(origin, "expected `word | opposite`"));
            };
            let stem = |w: &str| crate::stem::stem(lang, &lower(w.trim()));
            let (a, b) = (stem(a), stem(b));
            // The first pair a stem is in is the one it belongs to.
            let at = n.antonyms.len();
            n.antonym_starts.insert(&a);
            n.antonym_starts.insert(&b);
            n.antonym_of.entry(a.clone()).or_insert(at);
            n.antonym_of.entry(b.clone()).or_insert(at);
            n.antonyms.push((a, b));
        }
        Ok(n)
    }

    /// True when the lower-case word or pair negates what follows.
    pub fn is_cue(&self, low: &str) -> bool {
        self.cues.contains(low)
    }

    /// True when the lower-case word is an elided cue with its verb:
    /// "n'a", "n’est".
    pub fn is_elided(&self, low: &str) -> bool {
        // Byte searches: a set of two characters is decoded one by one.
        (low.as_bytes().contains(&b'\'') || low.contains('’')) && {
            let low = low.replace('’', "'");
            self.elided.iter().any(|c| low.starts_with(c.as_str()))
        }
    }

    /// True when the lower-case word negates on its own, whatever its stem
    /// and its neighbours: a cue (elided ones included), a negative word or
    /// a negative prefix. Pairs and phrases that bound are [`starts_pair`]
    /// and [`skip_at`].
    ///
    /// [`starts_pair`]: Self::starts_pair
    /// [`skip_at`]: Self::skip_at
    pub fn negates_alone(&self, low: &str) -> bool {
        self.cues.contains(low)
            || low.ends_with("n't")
            || self.is_elided(low)
            || self.negative_words.contains(low)
            || self.has_negative_prefix(low)
    }

    /// True when the lower-case cue only continues a negation ("nor").
    pub fn is_nor(&self, low: &str) -> bool {
        self.nor.contains(low)
    }

    /// True when the lower-case word or pair carries a negation itself;
    /// `stem` is the word's stem. Another form of a listed word counts when
    /// the stem is long enough to tell words apart and the word is spelt
    /// with it (stemmers fold "äußern" and "außer" to one short stem).
    pub fn is_negative(&self, low: &str, stem: &str) -> bool {
        self.negative_words.contains(low)
            || self.negative_stems.contains(stem)
                && stem.chars().count() >= MIN_NEGATIVE_STEM
                && fold(low).starts_with(&fold(stem))
    }

    /// True when the cue (an elided one by its start) negates only with a
    /// partner later in its clause.
    pub fn is_bound(&self, cue: &str) -> bool {
        let cue = cue.replace('’', "'");
        self.bound.contains(&cue)
            || self
                .bound
                .iter()
                .any(|b| b.ends_with('\'') && cue.starts_with(b.as_str()))
    }

    /// True when the lower-case word completes a bound cue, given the words
    /// before and after it: "pas" does, "pas seulement", "plus que" and
    /// "au plus" do not.
    pub fn is_partner(&self, low: &str, before: Option<&str>, next: Option<&str>) -> bool {
        self.partners.contains(low)
            && !before.is_some_and(|b| self.partner_not_after.contains(b))
            && !next.is_some_and(|n| {
                self.restricts.contains(n)
                    || self
                        .restricts
                        .iter()
                        .any(|r| r.ends_with('\'') && n.replace('’', "'").starts_with(r.as_str()))
            })
    }

    /// True when the lower-case word is negated by a prefix ("unchanged"):
    /// it is long enough for the prefix not to be the word's own start, and
    /// starts with no listed exception.
    pub fn has_negative_prefix(&self, low: &str) -> bool {
        self.prefixes.iter().any(|p| {
            low.starts_with(p.as_str())
                && low.chars().count() >= p.chars().count() + MIN_PREFIXED_BASE
        }) && !self.prefix_not.iter().any(|p| low.starts_with(p.as_str()))
    }

    /// True when the lower-case word compares ("than", "als", "чем").
    pub fn is_than(&self, low: &str) -> bool {
        self.than.contains(low)
    }

    /// True when the lower-case word opens a clause of its own.
    pub fn opens_clause(&self, low: &str) -> bool {
        self.clause_openers.contains(low)
    }

    /// True when a cue after this lower-case word negates only the next word.
    pub fn negates_constituent_after(&self, low: &str) -> bool {
        self.constituent_after.contains(low)
    }

    /// True when a two-word cue or negative word may start with this word.
    pub fn starts_pair(&self, low: &str) -> bool {
        self.pair_starts.contains(low)
    }

    /// The number of words of the phrase that negates nothing starting at
    /// `lows[i]`, if one does.
    pub fn skip_at(&self, lows: &[&str], i: usize) -> Option<usize> {
        if !self.skip_starts.may_hold(lows[i]) {
            return None;
        }
        self.skips.get(lows[i])?.iter().find_map(|p| {
            let fits = lows.len() - i >= p.len() && p.iter().zip(&lows[i..]).all(|(a, b)| a == b);
            fits.then_some(p.len())
        })
    }

    /// True when the lower-case word opens a relative or conditional
    /// clause; `after_comma` says a comma comes right before it, `noun_next`
    /// that a capitalised word follows (then a German "die" after a comma is
    /// the article of a noun: ", die Firma habe keine ...").
    pub fn opens_embedded(&self, low: &str, after_comma: bool, noun_next: bool) -> bool {
        self.embed.contains(low)
            || after_comma && !noun_next && self.embed_after_comma.contains(low)
    }

    /// True when the lower-case word makes its sentence a question.
    pub fn asks(&self, low: &str) -> bool {
        self.question.contains(low)
    }

    /// The antonym pair a stem belongs to.
    pub fn antonym(&self, stem: &str) -> Option<&(String, String)> {
        if !self.antonym_starts.may_hold(stem) {
            return None;
        }
        self.antonym_of.get(stem).map(|&i| &self.antonyms[i])
    }
}

#[cfg(test)]
mod tests {
    use crate::lexicon::{LANGUAGES, Lexicons};

    #[test]
    fn every_language_has_cues_skips_and_clause_openers() {
        let lex = Lexicons::embedded();
        for lang in LANGUAGES {
            let n = &lex.lang(lang).negation;
            assert!(!n.cues.is_empty(), "{lang} cues");
            assert!(!n.negative_words.is_empty(), "{lang} negative words");
            assert!(!n.skips.is_empty(), "{lang} skips");
            assert!(!n.embed.is_empty(), "{lang} clause openers");
            assert!(!n.nor.is_empty(), "{lang} correlatives");
        }
    }

    #[test]
    fn skips_match_the_longest_phrase() {
        let lex = Lexicons::embedded();
        let ru = &lex.lang("ru").negation;
        assert_eq!(ru.skip_at(&["тем", "не", "менее", "он"], 0), Some(3));
        assert_eq!(ru.skip_at(&["не", "менее", "пяти"], 0), Some(2));
        assert_eq!(ru.skip_at(&["не", "пришёл"], 0), None);
        let en = &lex.lang("en").negation;
        assert_eq!(en.skip_at(&["not", "only", "the"], 0), Some(2));
    }

    #[test]
    fn negative_stems_need_the_spelling_and_prefixes_their_exceptions() {
        let lex = Lexicons::embedded();
        let de = &lex.lang("de").negation;
        let stem = |w: &str| crate::stem::stem("de", w);
        assert!(de.is_negative("außer", &stem("außer")));
        assert!(!de.is_negative("äußern", &stem("äußern")));
        assert!(de.has_negative_prefix("unverändert"));
        assert!(!de.has_negative_prefix("unternehmen"));
        let en = &lex.lang("en").negation;
        assert!(en.has_negative_prefix("unchanged"));
        assert!(!en.has_negative_prefix("understand"));
        assert!(!en.has_negative_prefix("unfortunately"));
        let ru = &lex.lang("ru").negation;
        assert!(ru.has_negative_prefix("неиспользование"));
        assert!(!ru.has_negative_prefix("нескольких"));
    }
}
