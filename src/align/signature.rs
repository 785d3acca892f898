//! Claim signatures and their similarity.

use std::hash::BuildHasher;
use std::sync::Arc;

use serde::Serialize;

use crate::document::Document;
use crate::extract::Facts;
use crate::extract::quantity::Quantity;
use crate::lexicon::Lexicons;
use crate::span::{Span, starting_in};
use crate::stem::stem;
use crate::text::{fold, is_capitalized, lower};

/// A claim: one story sentence with the features alignment compares.
/// Features are ids of the story's feature table ([`Features`]); after
/// [`Weights::of`] they are ranks in the features' sorted order, so each
/// list is sorted as its strings are and lists compare as the strings do.
#[derive(Clone, Debug, Serialize)]
pub struct Claim {
    /// Index of the sentence in the document.
    pub sentence: usize,
    /// The sentence's span.
    pub span: Span,
    /// Its length in characters: bytes would make Cyrillic twice as long.
    pub chars: usize,
    /// Relative position among the document's claims, 0.0 to 1.0.
    pub position: f64,
    /// Stems of its content words (sorted, unique): compared within a language.
    pub stems: Vec<u32>,
    /// Folded prefixes of its content words (sorted, unique): cognates and
    /// names across languages.
    pub roots: Vec<u32>,
    /// Language-independent anchors (sorted, unique): numbers, names, dates.
    pub anchors: Vec<u32>,
}

impl Claim {
    /// Every feature of the claim.
    pub fn features(&self) -> impl Iterator<Item = u32> + '_ {
        self.stems
            .iter()
            .chain(&self.roots)
            .chain(&self.anchors)
            .copied()
    }
}

/// A feature with its hash, worked out once: memoised word features keep
/// theirs, so a story's table never hashes them again.
#[derive(Clone, Debug)]
struct Hashed {
    hash: u64,
    text: Arc<str>,
}

/// The hasher of every feature (seeded once per process).
static FEATURE_HASH: std::sync::LazyLock<foldhash::fast::RandomState> =
    std::sync::LazyLock::new(foldhash::fast::RandomState::default);

impl Hashed {
    fn new(text: impl Into<Arc<str>>) -> Hashed {
        let text = text.into();
        Hashed {
            hash: FEATURE_HASH.hash_one(&*text),
            text,
        }
    }
}

/// The features of one story, each once: claims hold their ids.
#[derive(Debug, Default)]
pub struct Features {
    table: hashbrown::HashTable<u32>,
    names: Vec<Arc<str>>,
    hashes: Vec<u64>,
}

impl Features {
    /// The id of a feature.
    fn id(&mut self, feature: &Hashed) -> u32 {
        let Features {
            table,
            names,
            hashes,
        } = self;
        let found = table.find(feature.hash, |&id| {
            let name = &names[id as usize];
            Arc::ptr_eq(name, &feature.text) || **name == *feature.text
        });
        if let Some(&id) = found {
            return id;
        }
        let id = names.len() as u32;
        names.push(Arc::clone(&feature.text));
        hashes.push(feature.hash);
        table.insert_unique(feature.hash, id, |&id| hashes[id as usize]);
        id
    }

    /// The id of a feature, given it as a new string.
    fn id_of(&mut self, feature: String) -> u32 {
        self.id(&Hashed::new(feature))
    }
}

/// How many leading letters of a folded word make its cross-language root.
const ROOT_LEN: usize = 5;

/// A word in Latin letters for cross-language roots: Cyrillic through the
/// transliteration table, other letters folded to ASCII.
fn romanize(word: &str, lexicons: &Lexicons) -> String {
    let table = &lexicons.names.translit_ru;
    let mut mapped = String::with_capacity(word.len());
    for c in word.chars().flat_map(char::to_lowercase) {
        match table.get(&c) {
            Some(latin) => mapped.push_str(latin),
            None => mapped.push(c),
        }
    }
    deunicode::deunicode(&mapped).to_ascii_lowercase()
}

/// The anchor of a quantity: its value (or range), the same in every
/// language and form ("4,500", "4.500", "four thousand five hundred").
fn quantity_anchor(q: &Quantity) -> String {
    let show = |x: f64| format!("{}", (x * 1000.0).round() / 1000.0);
    match q.value {
        Some(v) => format!("n:{}", show(v)),
        None => format!("n:{}-{}", show(q.min), show(q.max)),
    }
}

/// The features of one content word: its stem, and its cross-language
/// roots (concept and glossary ids, the romanised prefix).
#[derive(Debug, Default)]
pub struct WordFeatures {
    stem: Option<Hashed>,
    roots: Vec<Hashed>,
}

impl WordFeatures {
    /// The stem of the word, lower-cased.
    pub fn stem(&self) -> Option<&str> {
        self.stem.as_ref().map(|s| &*s.text)
    }
}

/// The features of a word that does not start with a digit, or `None` for a
/// function word or a word holding a digit. A pure function of the word,
/// its language and the lexicons, so documents share it
/// ([`crate::document::word_info`]).
pub fn word_features(text: &str, lang: &str, lexicons: &Lexicons) -> Option<WordFeatures> {
    {
        let lex = lexicons.lang(lang);
        let low = lower(text);
        if lex.is_function_word_lower(&low) || text.chars().any(|c| c.is_ascii_digit()) {
            return None;
        }
        let mut features = WordFeatures {
            stem: (low.chars().count() >= 2).then(|| Hashed::new(stem(lang, &low))),
            roots: Vec::new(),
        };
        if let Some(id) = lex.concepts.of_noun(text) {
            features.roots.push(Hashed::new(format!("k:{id}")));
        }
        if let Some(id) = lex.glossary.of_noun(text) {
            features.roots.push(Hashed::new(format!("g:{id}")));
        }
        let latin = romanize(text, lexicons);
        if latin.len() >= 4 {
            features.roots.push(Hashed::new(
                latin.chars().take(ROOT_LEN).collect::<String>(),
            ));
        }
        Some(features)
    }
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
    story
        .iter()
        .enumerate()
        .map(|(k, &s)| {
            let sentence = &doc.sentences[s];
            let words = sentence.end_word - sentence.first_word;
            let mut stems = Vec::with_capacity(words);
            let mut roots = Vec::with_capacity(2 * words);
            let mut anchors = Vec::with_capacity(8);
            for (w, word) in doc.words_of(sentence).iter().enumerate() {
                let text = doc.slice(word.span);
                let info = &doc.infos[sentence.first_word + w];
                if text.starts_with(|c: char| c.is_ascii_digit()) {
                    // Without extracted quantities, digits without separators
                    // stand in: "1,200", "1.200" and "1 200" meet.
                    if facts.is_none() {
                        let digits: String = text.chars().filter(char::is_ascii_digit).collect();
                        anchors.push(table.id_of(format!("n:{digits}")));
                    }
                    continue;
                }
                let Some(features) = info.features(|| word_features(text, lang, lexicons)) else {
                    continue;
                };
                // Without extracted names, a capitalised word stands in for one.
                if facts.is_none() && w > 0 && is_capitalized(text) {
                    anchors.push(table.id_of(format!("c:{}", fold(text))));
                }
                stems.extend(features.stem.iter().map(|f| table.id(f)));
                roots.extend(features.roots.iter().map(|f| table.id(f)));
            }
            if let Some(facts) = facts {
                let names = starting_in(&facts.names, sentence.span, |n| n.span.start)
                    .iter()
                    .filter(|n| !n.boilerplate && sentence.span.contains(&n.span));
                anchors.extend(names.map(|n| table.id_of(format!("p:{}", n.key))));
                let quantities = starting_in(&facts.quantities, sentence.span, |q| q.span.start)
                    .iter()
                    .filter(|q| !q.boilerplate && sentence.span.contains(&q.span));
                let dates = starting_in(&facts.dates, sentence.span, |d| d.span.start)
                    .iter()
                    .filter(|d| !d.boilerplate && sentence.span.contains(&d.span));
                for d in dates {
                    if let Some(iso) = d.start.month.and(d.start.iso()) {
                        anchors.push(table.id_of(format!("d:{iso}")));
                    }
                }
                for q in quantities {
                    anchors.push(table.id_of(quantity_anchor(q)));
                    if let Some(concept) = q.counts.as_ref().and_then(|c| c.concept.as_ref()) {
                        roots.push(table.id_of(format!("k:{concept}")));
                    }
                }
            }
            // Sorted by rank and made unique in `Weights::of`.
            Claim {
                sentence: s,
                span: sentence.span,
                chars: doc.slice(sentence.span).chars().count(),
                position: k as f64 / count as f64,
                stems,
                roots,
                anchors,
            }
        })
        .collect()
}

/// How informative each feature is in one story: features found in many
/// claims (the story's topic words) count less than rare ones.
#[derive(Clone, Debug, Default)]
pub struct Weights {
    /// The weight of each feature id.
    weights: Vec<f64>,
}

impl Weights {
    /// Counts in how many claims each feature occurs, and turns the
    /// claims' feature ids into ranks in the features' sorted order (each
    /// list sorted and unique), so lists compare as their strings would.
    /// Returns the weights and the features by rank.
    pub fn of(all: &mut [Vec<Claim>], table: Features) -> (Weights, Vec<Arc<str>>) {
        // Sorted by their first eight bytes, then (rarely) whole: the order
        // of the strings, at the cost of integer comparisons.
        let prefix = |s: &str| {
            let mut bytes = [0u8; 8];
            let n = s.len().min(8);
            bytes[..n].copy_from_slice(&s.as_bytes()[..n]);
            u64::from_be_bytes(bytes)
        };
        let mut order: Vec<(u64, u32)> = (0..table.names.len())
            .map(|id| (prefix(&table.names[id]), id as u32))
            .collect();
        order.sort_unstable_by(|a, b| {
            a.0.cmp(&b.0)
                .then_with(|| table.names[a.1 as usize].cmp(&table.names[b.1 as usize]))
        });
        let order: Vec<u32> = order.into_iter().map(|(_, id)| id).collect();
        let mut rank = vec![0u32; order.len()];
        for (r, &id) in order.iter().enumerate() {
            rank[id as usize] = r as u32;
        }
        let mut frequency = vec![0u32; order.len()];
        let mut claims = 0.0;
        for claim in all.iter_mut().flatten() {
            claims += 1.0;
            for list in [&mut claim.stems, &mut claim.roots, &mut claim.anchors] {
                for id in list.iter_mut() {
                    *id = rank[*id as usize];
                }
                list.sort_unstable();
                list.dedup();
                // Sized for every word of the claim: a story keeps its
                // claims, so each keeps no more than it holds.
                list.shrink_to_fit();
                for &r in list.iter() {
                    frequency[r as usize] += 1;
                }
            }
        }
        // Frequencies are small numbers shared by many features: one
        // logarithm per frequency, not per feature.
        let most = frequency.iter().copied().max().unwrap_or(0).max(1) as usize;
        let by_df: Vec<f64> = (0..=most)
            .map(|df| (1.0 + claims / f64::from((df as u32).max(1))).ln().max(0.1))
            .collect();
        let weights = frequency.iter().map(|&df| by_df[df as usize]).collect();
        let names = order
            .iter()
            .map(|&id| Arc::clone(&table.names[id as usize]))
            .collect();
        (Weights { weights }, names)
    }

    /// Weighted Dice coefficient of two sorted, unique id lists.
    fn dice(&self, a: &[u32], b: &[u32]) -> f64 {
        if a.is_empty() || b.is_empty() {
            return 0.0;
        }
        let weight = |id: &u32| self.weights[*id as usize];
        let total: f64 = a.iter().chain(b).map(weight).sum();
        let (mut i, mut j, mut shared) = (0, 0, 0.0);
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    shared += 2.0 * weight(&a[i]);
                    i += 1;
                    j += 1;
                }
            }
        }
        shared / total
    }

    /// Similarity of two claims, 0.0 to 1.0. Within one language the stems
    /// carry most weight; across languages the anchors and the roots. A claim
    /// several times longer than the other (a headline against a paragraph)
    /// is penalised.
    pub fn similarity(&self, a: &Claim, b: &Claim, same_language: bool) -> f64 {
        let (a_stems, a_roots, a_anchors) = (&a.stems, &a.roots, &a.anchors);
        let (b_stems, b_roots, b_anchors) = (&b.stems, &b.roots, &b.anchors);
        let anchors = (!a_anchors.is_empty() && !b_anchors.is_empty())
            .then(|| self.dice(a_anchors, b_anchors));
        let roots = self.dice(a_roots, b_roots);
        let score = if same_language {
            let stems = self.dice(a_stems, b_stems);
            match anchors {
                Some(x) => 0.6 * stems + 0.3 * x + 0.1 * roots,
                None => 0.8 * stems + 0.2 * roots,
            }
        } else {
            match anchors {
                Some(x) => 0.55 * x + 0.45 * roots,
                None => 0.7 * roots,
            }
        };
        let (la, lb) = (a.chars.max(1) as f64, b.chars.max(1) as f64);
        if la.max(lb) / la.min(lb) > 3.0 {
            score * 0.6
        } else {
            score
        }
    }
}

/// The features two claims share, for people to see why they were paired;
/// `features` names each rank ([`Weights::of`]).
pub fn shared_features(
    a: &Claim,
    b: &Claim,
    same_language: bool,
    features: &[Arc<str>],
) -> Vec<String> {
    let shared = |x: &[u32], y: &[u32]| -> Vec<u32> {
        x.iter()
            .filter(|s| y.binary_search(s).is_ok())
            .copied()
            .collect()
    };
    let name = |r: u32| {
        features
            .get(r as usize)
            .map(|f| f.to_string())
            .unwrap_or_default()
    };
    let mut out: Vec<String> = shared(&a.anchors, &b.anchors)
        .into_iter()
        .map(name)
        .collect();
    if same_language {
        out.extend(shared(&a.stems, &b.stems).into_iter().map(name));
    } else {
        out.extend(
            shared(&a.roots, &b.roots)
                .into_iter()
                .map(|r| format!("~{}", name(r))),
        );
    }
    out
}

/// All features of a version at once, to pick the pivot: sorted, unique
/// feature ids ([`Weights::of`] must have given the claims theirs).
pub struct Bag {
    stems: Vec<u32>,
    cross: Vec<u32>,
}

/// Dice coefficient of two sorted, unique lists.
fn dice(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * shared as f64 / (a.len() + b.len()) as f64
}

impl Bag {
    /// The bag of a version's claims.
    pub fn of(claims: &[Claim]) -> Bag {
        let mut stems: Vec<u32> = claims
            .iter()
            .flat_map(|c| c.stems.iter().copied())
            .collect();
        let mut cross: Vec<u32> = claims
            .iter()
            .flat_map(|c| c.roots.iter().chain(&c.anchors).copied())
            .collect();
        for list in [&mut stems, &mut cross] {
            list.sort_unstable();
            list.dedup();
        }
        Bag { stems, cross }
    }

    /// Similarity of two versions as wholes.
    pub fn similarity(&self, other: &Bag, same_language: bool) -> f64 {
        if same_language {
            0.5 * dice(&self.stems, &other.stems) + 0.5 * dice(&self.cross, &other.cross)
        } else {
            dice(&self.cross, &other.cross)
        }
    }
}
