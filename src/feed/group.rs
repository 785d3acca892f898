//! Automatic grouping: which open story a version without a story key
//! belongs to.
//!
//! Versions of one story share anchors (names, numbers, dates; see
//! [`super::anchor`]). An inverted index maps each anchor to the open groups
//! that have it, so a new version is compared only with the groups it shares
//! a rare anchor with (blocking): anchors held by more than [`MAX_POSTINGS`]
//! open groups find no candidates, and the cost per version stays about
//! constant as the feed grows. Anchors and words are weighted by their
//! rarity among the versions read so far (counted in fixed-size count-min
//! sketches), so a year, a famous name, a capitalised German noun or the
//! wording of a template counts for little.
//!
//! A version is compared with the versions of each candidate group: with
//! those in its own language when the group has any (they share words as
//! well as anchors), with the others otherwise. Two versions
//!
//! - are two stories when both give numbers and dates and most of them
//!   differ (a template filled with another day's figures), or when they
//!   were published more than [`SAME_STORY_GAP`] apart without sharing
//!   nearly all of them;
//! - in two languages are one story when enough of their weighted anchors
//!   agree ([`anchor_agreement`]), however few words they share;
//! - in one language are one story when their anchors agree somewhat and
//!   their content words agree too.
//!
//! The further apart two versions were published (beyond a few hours), the
//! more they must agree. A version joins the best-scoring group that passes;
//! everything is processed in feed order, so grouping does not depend on
//! threads.

use crate::hash::HashMap;
use std::collections::BTreeMap;

use super::anchor::Anchor;
use crate::text::stable_hash;

/// Anchors found in more open groups than this do not propose candidates.
pub const MAX_POSTINGS: usize = 64;

/// Versions published further apart than this (seconds) are one story only
/// when they share their numbers and dates.
pub const SAME_STORY_GAP: i64 = 36 * 3600;

/// Anchor agreement two versions in different languages need.
const MIN_CROSS_LANGUAGE: f64 = 0.45;
/// Anchor agreement two versions in one language need (their words must
/// agree as well).
const MIN_SAME_LANGUAGE: f64 = 0.3;
/// Content-word agreement two versions in one language need.
const MIN_WORDS: f64 = 0.4;
/// Versions published within this many hours of each other are compared
/// as they are; beyond, every hour up to [`SAME_STORY_GAP`] raises the
/// agreement needed by [`AGREEMENT_PER_HOUR`].
const FREE_HOURS: f64 = 6.0;
const AGREEMENT_PER_HOUR: f64 = 0.01;
/// What a name of one version that the other lacks costs, at most: a rare
/// word taken for a name (a German noun) says little against a match.
const MAX_NAME_COST: f64 = 3.0;
/// And across languages, where names are often written so that their keys
/// do not meet, a share of that.
const CROSS_LANGUAGE_NAME_COST: f64 = 0.5;
/// Facts (numbers, dates, years) each side needs before they can disagree.
const MIN_FACTS: usize = 2;
/// Below this share of the smaller side's facts in common, they disagree:
/// two events. One drifted number among two or more still agrees.
const FACTS_DISAGREE: f64 = 0.5;
/// Share of the smaller side's facts that versions published far apart
/// must have in common: all but about one in four.
const FACTS_MATCH: f64 = 0.75;
/// Facts in common that versions published far apart need.
const MIN_SHARED_FACTS: usize = 3;

/// A version as the grouping sees it: hashed anchors and words, its
/// language and a time.
#[derive(Clone, Debug, Default)]
pub struct Signature {
    /// (anchor hash, is a fact), sorted by hash, no duplicate hash.
    anchors: Vec<(u64, bool)>,
    /// Hashed content words, sorted, no duplicates.
    words: Vec<u64>,
    /// Hash of the language code.
    language: u64,
    /// Publication time (seconds since the epoch).
    time: Option<i64>,
}

impl Signature {
    /// The signature of a version: its anchors, content words (sorted
    /// hashes, see [`super::anchor::content_words`]), language and
    /// publication time.
    pub fn new(anchors: &[Anchor], words: Vec<u64>, language: &str, time: Option<i64>) -> Self {
        let mut hashed: Vec<(u64, bool)> = anchors
            .iter()
            .map(|a| {
                let mut bytes = vec![a.kind as u8];
                bytes.extend_from_slice(a.key.as_bytes());
                (stable_hash(&bytes), a.kind.is_fact())
            })
            .collect();
        hashed.sort_unstable();
        hashed.dedup_by_key(|a| a.0);
        let mut words = words;
        words.sort_unstable();
        words.dedup();
        Signature {
            anchors: hashed,
            words,
            language: stable_hash(language.as_bytes()),
            time,
        }
    }
}

/// Rows and columns of a document-frequency sketch: 4 × 2^18 counters
/// (4 MiB) keep estimates close for millions of distinct keys.
const SKETCH_ROWS: usize = 4;
const SKETCH_BITS: u32 = 18;
/// Versions after which every count is halved, so rarity follows the
/// recent feed and a long feed does not fill the sketch up.
const HALF_LIFE: u32 = 1 << 17;

/// How many versions had each key: a count-min sketch, so memory stays
/// fixed however long the feed (estimates can only err upwards).
#[derive(Debug)]
struct Rarity {
    counts: Vec<u32>,
    versions: u32,
}

impl Default for Rarity {
    fn default() -> Self {
        Rarity {
            counts: vec![0; SKETCH_ROWS << SKETCH_BITS],
            versions: 0,
        }
    }
}

impl Rarity {
    fn cells(hash: u64) -> impl Iterator<Item = usize> {
        (0..SKETCH_ROWS).map(move |row| {
            let mixed = (hash ^ (row as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15))
                .wrapping_mul(0xbf58_476d_1ce4_e5b9);
            (row << SKETCH_BITS) | (mixed >> (64 - SKETCH_BITS)) as usize
        })
    }

    /// Counts one version's keys.
    fn add(&mut self, keys: impl Iterator<Item = u64>) {
        if self.versions >= HALF_LIFE {
            self.versions /= 2;
            for c in &mut self.counts {
                *c /= 2;
            }
        }
        self.versions += 1;
        for hash in keys {
            for cell in Self::cells(hash) {
                self.counts[cell] = self.counts[cell].saturating_add(1);
            }
        }
    }

    /// Inverse document frequency of a key.
    fn weight(&self, hash: u64) -> f64 {
        let df = Self::cells(hash).map(|c| self.counts[c]).min().unwrap_or(0);
        (1.0 + f64::from(self.versions) / (1.0 + f64::from(df))).ln()
    }
}

/// A version of an open group: its anchors and words with the weights
/// they had when it arrived.
#[derive(Debug)]
struct Member {
    /// (anchor hash, weight, is a fact), sorted by hash.
    anchors: Vec<(u64, f64, bool)>,
    words: Vec<u64>,
    /// Total weight of `words`.
    word_weight: f64,
    language: u64,
    time: Option<i64>,
}

/// The open groups and their index.
#[derive(Debug, Default)]
pub struct Grouper {
    /// Document frequencies of anchors and of words over the versions seen.
    anchor_rarity: Rarity,
    word_rarity: Rarity,
    /// Open group id → its versions.
    groups: BTreeMap<u64, Vec<Member>>,
    /// Open group id → every anchor hash of its versions, sorted.
    unions: HashMap<u64, Vec<u64>>,
    /// Anchor hash → open groups holding it, in the order they got it.
    postings: HashMap<u64, Vec<u64>>,
}

/// A new version with the weights of its anchors and words, worked out
/// once for all its comparisons.
struct Weighed<'a> {
    sig: &'a Signature,
    anchors: Vec<f64>,
    words: Vec<f64>,
    word_weight: f64,
}

/// How much of two versions' anchors agree: shared weight (the smaller of
/// the two sides' weights) against shared and missing weight, a Dice
/// coefficient. A missing fact costs its full weight, a missing name at
/// most [`MAX_NAME_COST`], and across languages a share of that. Also
/// returns (facts of the new version, of the other, in common, anchors in
/// common).
fn anchor_agreement(a: &Weighed<'_>, b: &Member) -> (f64, [usize; 3], usize) {
    let cross = a.sig.language != b.language;
    let missing = |w: f64, fact: bool| {
        if fact {
            w
        } else if cross {
            w.min(MAX_NAME_COST) * CROSS_LANGUAGE_NAME_COST
        } else {
            w.min(MAX_NAME_COST)
        }
    };
    let (mut shared, mut missed) = (0.0, 0.0);
    let mut facts = [0usize; 3];
    let mut common = 0;
    let (x, y) = (&a.sig.anchors, &b.anchors);
    let (mut i, mut j) = (0, 0);
    while i < x.len() || j < y.len() {
        match (x.get(i), y.get(j)) {
            (Some(&(h, fact)), Some(&(k, wb, _))) if h == k => {
                shared += a.anchors[i].min(wb);
                common += 1;
                if fact {
                    facts[0] += 1;
                    facts[1] += 1;
                    facts[2] += 1;
                }
                i += 1;
                j += 1;
            }
            (Some(&(h, fact)), Some(&(k, _, _))) if h < k => {
                missed += missing(a.anchors[i], fact);
                facts[0] += usize::from(fact);
                i += 1;
            }
            (Some(&(_, fact)), None) => {
                missed += missing(a.anchors[i], fact);
                facts[0] += usize::from(fact);
                i += 1;
            }
            (_, Some(&(_, wb, fact))) => {
                missed += missing(wb, fact);
                facts[1] += usize::from(fact);
                j += 1;
            }
            (None, None) => break,
        }
    }
    let agreement = 2.0 * shared / (2.0 * shared + missed).max(f64::MIN_POSITIVE);
    (agreement, facts, common)
}

/// How much two versions' content words agree (IDF-weighted Dice).
fn word_agreement(a: &Weighed<'_>, b: &Member) -> f64 {
    let (x, y) = (&a.sig.words, &b.words);
    let (mut i, mut j, mut shared) = (0, 0, 0.0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Equal => {
                shared += a.words[i];
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
        }
    }
    2.0 * shared / (a.word_weight + b.word_weight).max(f64::MIN_POSITIVE)
}

impl Grouper {
    /// How many groups are open.
    pub fn len(&self) -> usize {
        self.groups.len()
    }

    /// True when no group is open.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// The open group a version belongs to, if any: the best-scoring
    /// candidate that passes every rule (ties go to the older group).
    pub fn find(&self, sig: &Signature) -> Option<u64> {
        let mut candidates: Vec<u64> = Vec::new();
        for (hash, _) in &sig.anchors {
            if let Some(p) = self.postings.get(hash).filter(|p| p.len() <= MAX_POSTINGS) {
                candidates.extend_from_slice(p);
            }
        }
        if candidates.is_empty() {
            return None;
        }
        candidates.sort_unstable();
        candidates.dedup();
        let words: Vec<f64> = sig
            .words
            .iter()
            .map(|h| self.word_rarity.weight(*h))
            .collect();
        let new = Weighed {
            sig,
            anchors: sig
                .anchors
                .iter()
                .map(|(h, _)| self.anchor_rarity.weight(*h))
                .collect(),
            word_weight: words.iter().sum(),
            words,
        };
        let mut best: Option<(f64, u64)> = None;
        for id in candidates {
            let Some(members) = self.groups.get(&id) else {
                continue;
            };
            // Versions in the same language say more (their words too):
            // when the group has any, they decide.
            let same = members.iter().any(|m| m.language == sig.language);
            let score = members
                .iter()
                .filter(|m| !same || m.language == sig.language)
                .filter_map(|m| score(&new, m))
                .fold(None, |b: Option<f64>, s| Some(b.map_or(s, |b| b.max(s))));
            if let Some(score) = score {
                if best.is_none_or(|(b, _)| score > b) {
                    best = Some((score, id));
                }
            }
        }
        best.map(|(_, id)| id)
    }

    /// Adds a version to an open group (creating the group).
    pub fn add(&mut self, id: u64, sig: Signature) {
        self.anchor_rarity.add(sig.anchors.iter().map(|a| a.0));
        self.word_rarity.add(sig.words.iter().copied());
        let anchors = sig
            .anchors
            .iter()
            .map(|&(h, fact)| (h, self.anchor_rarity.weight(h), fact))
            .collect();
        let word_weight = sig.words.iter().map(|&h| self.word_rarity.weight(h)).sum();
        let union = self.unions.entry(id).or_default();
        for (hash, _) in &sig.anchors {
            if let Err(at) = union.binary_search(hash) {
                union.insert(at, *hash);
                self.postings.entry(*hash).or_default().push(id);
            }
        }
        self.groups.entry(id).or_default().push(Member {
            anchors,
            words: sig.words,
            word_weight,
            language: sig.language,
            time: sig.time,
        });
    }

    /// Forgets a closed group.
    pub fn remove(&mut self, id: u64) {
        self.groups.remove(&id);
        for hash in self.unions.remove(&id).unwrap_or_default() {
            if let Some(p) = self.postings.get_mut(&hash) {
                p.retain(|g| *g != id);
                if p.is_empty() {
                    self.postings.remove(&hash);
                }
            }
        }
    }
}

/// The similarity of a new version to one version of a group, or `None`
/// when a rule says they are two stories.
fn score(a: &Weighed<'_>, b: &Member) -> Option<f64> {
    let (anchors, [facts_a, facts_b, facts_shared], common) = anchor_agreement(a, b);
    if common == 0 {
        return None;
    }
    let fewer_facts = facts_a.min(facts_b);
    let fact_share = facts_shared as f64 / fewer_facts.max(1) as f64;
    if fewer_facts >= MIN_FACTS && fact_share < FACTS_DISAGREE {
        return None;
    }
    let gap = match (a.sig.time, b.time) {
        (Some(s), Some(t)) => (s - t).abs(),
        _ => 0,
    };
    if gap > SAME_STORY_GAP && !(facts_shared >= MIN_SHARED_FACTS && fact_share >= FACTS_MATCH) {
        return None;
    }
    let hours = gap.min(SAME_STORY_GAP) as f64 / 3600.0;
    let stricter = AGREEMENT_PER_HOUR * (hours - FREE_HOURS).max(0.0);
    if a.sig.language != b.language {
        return (anchors >= MIN_CROSS_LANGUAGE + stricter).then_some(anchors);
    }
    let words = word_agreement(a, b);
    (anchors >= MIN_SAME_LANGUAGE + stricter && words >= MIN_WORDS)
        .then_some((anchors + words) / 2.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::anchor::AnchorKind;

    const DAY: i64 = 86_400;

    fn sig(lang: &str, names: &[&str], facts: &[&str], words: &[&str], time: i64) -> Signature {
        let mut anchors: Vec<Anchor> = names
            .iter()
            .map(|k| Anchor {
                kind: AnchorKind::Name,
                key: k.to_string(),
            })
            .collect();
        anchors.extend(facts.iter().map(|k| Anchor {
            kind: AnchorKind::Number,
            key: k.to_string(),
        }));
        let words = words.iter().map(|w| stable_hash(w.as_bytes())).collect();
        Signature::new(&anchors, words, lang, Some(time))
    }

    /// A grouper that has seen unrelated versions, so rarity means something.
    fn warmed() -> Grouper {
        let mut g = Grouper::default();
        for i in 0..40 {
            let n = format!("{}", 100 + i);
            let m = format!("other{i}");
            g.add(1000 + i, sig("en", &[&m], &[&n], &["the", "said"], 0));
        }
        for i in 0..40 {
            g.remove(1000 + i);
        }
        g
    }

    #[test]
    fn joins_the_group_it_shares_anchors_with() {
        let mut g = warmed();
        g.add(1, sig("en", &["kovacs", "porto"], &["1250", "310"], &[], 0));
        g.add(
            2,
            sig("en", &["lindqvist", "oslo"], &["17.5", "912"], &[], 0),
        );
        let pt = sig(
            "pt",
            &["kovacs", "porto", "camara"],
            &["1250", "310"],
            &[],
            3600,
        );
        assert_eq!(g.find(&pt), Some(1));
        assert_eq!(
            g.find(&sig("de", &["lindqvist", "oslo"], &["17.5"], &[], 0)),
            Some(2)
        );
        assert_eq!(g.find(&sig("en", &["nobody"], &["2024"], &[], 0)), None);
        g.remove(1);
        assert_eq!(g.find(&pt), None);
        assert!(g.postings.values().all(|p| !p.contains(&1)));
    }

    #[test]
    fn other_script_groups_by_facts_alone() {
        let mut g = warmed();
        g.add(
            1,
            sig("en", &["kovacs", "porto"], &["1250", "310", "48.5"], &[], 0),
        );
        let uk = sig("uk", &["kovach", "portu"], &["1250", "310", "48.5"], &[], 0);
        assert_eq!(g.find(&uk), Some(1));
    }

    #[test]
    fn a_template_with_other_figures_is_another_story() {
        let words = ["index", "closed", "points", "shares", "gained", "lost"];
        let mut g = warmed();
        g.add(
            1,
            sig(
                "en",
                &["zakhid", "lviv", "merkator"],
                &["1.17", "9063.08", "5.11"],
                &words,
                0,
            ),
        );
        // The same wording and names a day later, with that day's figures.
        let next = sig(
            "en",
            &["zakhid", "lviv", "merkator"],
            &["0.82", "9140.5", "2.3"],
            &words,
            DAY,
        );
        assert_eq!(g.find(&next), None);
        // One drifted figure does not make another story.
        let drifted = sig(
            "de",
            &["zakhid", "lviv", "merkator"],
            &["1.17", "9064.08", "5.11"],
            &[],
            3600,
        );
        assert_eq!(g.find(&drifted), Some(1));
    }

    #[test]
    fn same_language_versions_need_shared_words_too() {
        let mut g = warmed();
        let told = ["minister", "resigned", "scandal", "contracts", "parliament"];
        g.add(1, sig("en", &["kovacs", "porto"], &["1250"], &told, 0));
        let retold = ["minister", "resigned", "scandal", "contracts", "vote"];
        assert_eq!(
            g.find(&sig("en", &["kovacs", "porto"], &["1250"], &retold, 3600)),
            Some(1)
        );
        let other = ["festival", "films", "visitors", "jury", "prize"];
        assert_eq!(
            g.find(&sig("en", &["kovacs", "porto"], &["1250"], &other, 3600)),
            None
        );
    }

    #[test]
    fn same_people_other_facts_or_other_day_are_another_story() {
        let mut g = warmed();
        g.add(
            1,
            sig(
                "en",
                &["kovacs", "porto", "silva"],
                &["1250", "310", "48"],
                &[],
                0,
            ),
        );
        let next_week = sig(
            "en",
            &["kovacs", "porto", "silva"],
            &["77", "12", "900"],
            &[],
            7 * DAY,
        );
        assert_eq!(g.find(&next_week), None);
        let same_facts_later = sig("pt", &["kovacs"], &["1250", "310", "48"], &[], 3 * DAY);
        assert_eq!(g.find(&same_facts_later), Some(1));
        let names_only_later = sig("pt", &["kovacs", "porto", "silva"], &[], &[], 3 * DAY);
        assert_eq!(g.find(&names_only_later), None);
    }

    #[test]
    fn rarity_halves_and_stays_bounded() {
        let mut r = Rarity::default();
        for _ in 0..HALF_LIFE + 10 {
            r.add([7u64].into_iter());
        }
        assert!(r.versions <= HALF_LIFE);
        let common = r.weight(7);
        let rare = r.weight(8);
        // A key every version has weighs ln 2; one none has, far more.
        assert!(common < 0.7 && rare > 10.0, "{common} {rare}");
    }
}
