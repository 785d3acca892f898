//! Automatic grouping: which open story a version without a story key
//! belongs to.
//!
//! Versions of one story share anchors (names, numbers, dates; see
//! [`super::anchor`]). An inverted index maps each anchor to the open groups
//! that have it, so a new version is compared only with the groups it shares
//! a rare anchor with (blocking): anchors held by more than [`MAX_POSTINGS`]
//! open groups find no candidates, and the cost per version stays about
//! constant as the feed grows. Anchors are weighted by their rarity among
//! all the versions read so far (counted in a fixed-size count-min sketch),
//! so a year, a famous name or a capitalised German noun counts for little.
//!
//! A version joins the best candidate whose versions it resembles enough;
//! numbers and dates decide between stories about the same people: when both
//! sides have several facts and share few, or when they were published more
//! than [`SAME_STORY_GAP`] apart and do not share nearly all their facts,
//! they are two stories. Everything is processed in feed order, so grouping does not
//! depend on threads.

use crate::hash::HashMap;
use std::collections::BTreeMap;

use super::anchor::Anchor;
use crate::text::stable_hash;

/// Anchors found in more open groups than this do not propose candidates.
pub const MAX_POSTINGS: usize = 64;

/// Versions published further apart than this (seconds) are one story only
/// when they share their numbers and dates.
pub const SAME_STORY_GAP: i64 = 36 * 3600;

/// Share of the smaller side's anchor weight that must be shared.
const MIN_SIMILARITY: f64 = 0.4;
/// Share of the smaller side's fact weight that counts as agreeing facts.
const FACTS_AGREE: f64 = 0.5;
/// Below this share of the smaller side's facts (by count) in common, two
/// versions with several facts each tell different events.
const FACTS_DISAGREE: f64 = 0.6;
/// Share of the smaller side's facts (by count) that versions published far
/// apart must have in common: all but about one in four.
const FACTS_MATCH: f64 = 0.75;
/// At least this many anchors in common.
const MIN_SHARED: usize = 2;
/// Facts in common that, agreeing, group versions without common names
/// (another script: the names are written differently).
const MIN_SHARED_FACTS: usize = 3;

/// A version as the grouping sees it: hashed anchors and a time.
#[derive(Clone, Debug, Default)]
pub struct Signature {
    /// (anchor hash, is a fact), sorted by hash, no duplicate hash.
    anchors: Vec<(u64, bool)>,
    /// Publication time (seconds since the epoch).
    time: Option<i64>,
}

impl Signature {
    /// The signature of a version's anchors and publication time.
    pub fn new(anchors: &[Anchor], time: Option<i64>) -> Signature {
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
        Signature {
            anchors: hashed,
            time,
        }
    }
}

/// Rows and columns of the document-frequency sketch: 4 × 2^18 counters
/// (4 MiB) keep estimates close for millions of distinct anchors.
const SKETCH_ROWS: usize = 4;
const SKETCH_BITS: u32 = 18;

/// How many versions had each anchor: a count-min sketch, so memory stays
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

    fn add(&mut self, sig: &Signature) {
        self.versions = self.versions.saturating_add(1);
        for (hash, _) in &sig.anchors {
            for cell in Self::cells(*hash) {
                self.counts[cell] = self.counts[cell].saturating_add(1);
            }
        }
    }

    /// Inverse document frequency of an anchor.
    fn weight(&self, hash: u64) -> f64 {
        let df = Self::cells(hash).map(|c| self.counts[c]).min().unwrap_or(0);
        (1.0 + f64::from(self.versions) / (1.0 + f64::from(df))).ln()
    }
}

/// The open groups and their index.
#[derive(Debug, Default)]
pub struct Grouper {
    /// Document frequencies over every version seen.
    rarity: Rarity,
    /// Open group id → its versions' signatures.
    groups: BTreeMap<u64, Vec<Signature>>,
    /// Open group id → every anchor hash of its versions, sorted.
    unions: HashMap<u64, Vec<u64>>,
    /// Anchor hash → open groups holding it, in the order they got it.
    postings: HashMap<u64, Vec<u64>>,
}

/// Shared and total weights of one comparison.
#[derive(Default)]
struct Overlap {
    shared: f64,
    shared_facts: f64,
    shared_count: usize,
    shared_fact_count: usize,
    total: [f64; 2],
    facts: [f64; 2],
    fact_count: [usize; 2],
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
        candidates.sort_unstable();
        candidates.dedup();
        // The new version's weights, once for all its comparisons.
        let weights: Vec<f64> = sig.anchors.iter().map(|(h, _)| self.weight(*h)).collect();
        let mut best: Option<(f64, u64)> = None;
        for id in candidates {
            let Some(versions) = self.groups.get(&id) else {
                continue;
            };
            let score = versions
                .iter()
                .filter_map(|v| self.score(sig, &weights, v))
                .fold(None, |m: Option<f64>, s| Some(m.map_or(s, |m| m.max(s))));
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
        self.rarity.add(&sig);
        let union = self.unions.entry(id).or_default();
        for (hash, _) in &sig.anchors {
            if let Err(at) = union.binary_search(hash) {
                union.insert(at, *hash);
                self.postings.entry(*hash).or_default().push(id);
            }
        }
        self.groups.entry(id).or_default().push(sig);
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

    fn weight(&self, hash: u64) -> f64 {
        self.rarity.weight(hash)
    }

    /// The similarity of a new version to one version of a group, or `None`
    /// when a rule says they are two stories.
    /// `wa` holds the weights of `a`'s anchors.
    fn score(&self, a: &Signature, wa: &[f64], b: &Signature) -> Option<f64> {
        let mut o = Overlap::default();
        let (mut i, mut j) = (0, 0);
        let side = |o: &mut Overlap, s: usize, w: f64, fact: bool| {
            o.total[s] += w;
            if fact {
                o.facts[s] += w;
                o.fact_count[s] += 1;
            }
        };
        while i < a.anchors.len() || j < b.anchors.len() {
            let x = a.anchors.get(i);
            let y = b.anchors.get(j);
            match (x, y) {
                (Some(&(h, fact)), Some(&(k, _))) if h == k => {
                    let w = wa[i];
                    side(&mut o, 0, w, fact);
                    side(&mut o, 1, w, fact);
                    o.shared += w;
                    o.shared_count += 1;
                    if fact {
                        o.shared_facts += w;
                        o.shared_fact_count += 1;
                    }
                    i += 1;
                    j += 1;
                }
                (Some(&(h, fact)), Some(&(k, _))) if h < k => {
                    side(&mut o, 0, wa[i], fact);
                    i += 1;
                }
                (Some(&(_, fact)), None) => {
                    side(&mut o, 0, wa[i], fact);
                    i += 1;
                }
                (_, Some(&(k, fact))) => {
                    side(&mut o, 1, self.weight(k), fact);
                    j += 1;
                }
                (None, None) => break,
            }
        }
        if o.shared_count < MIN_SHARED {
            return None;
        }
        let similarity = o.shared / o.total[0].min(o.total[1]).max(f64::MIN_POSITIVE);
        let fact_share = o.shared_facts / o.facts[0].min(o.facts[1]).max(f64::MIN_POSITIVE);
        let both_have_facts =
            o.fact_count[0] >= MIN_SHARED_FACTS && o.fact_count[1] >= MIN_SHARED_FACTS;
        let fact_count_share =
            o.shared_fact_count as f64 / o.fact_count[0].min(o.fact_count[1]).max(1) as f64;
        if both_have_facts && fact_count_share < FACTS_DISAGREE {
            return None;
        }
        let far = matches!((a.time, b.time), (Some(s), Some(t)) if (s - t).abs() > SAME_STORY_GAP);
        let facts_match =
            o.shared_fact_count >= MIN_SHARED_FACTS && fact_count_share >= FACTS_MATCH;
        if far && !facts_match {
            return None;
        }
        let by_facts = o.shared_fact_count >= MIN_SHARED_FACTS && fact_share >= FACTS_AGREE;
        (similarity >= MIN_SIMILARITY || by_facts).then_some(similarity + fact_share)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::anchor::AnchorKind;

    fn sig(names: &[&str], facts: &[&str], time: Option<i64>) -> Signature {
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
        Signature::new(&anchors, time)
    }

    #[test]
    fn joins_the_group_it_shares_anchors_with() {
        let mut g = Grouper::default();
        g.add(1, sig(&["kovacs", "porto"], &["1250", "2024"], None));
        g.add(2, sig(&["lindqvist", "oslo"], &["17", "2024"], None));
        assert_eq!(
            g.find(&sig(&["kovacs", "porto", "rat"], &["1250"], None)),
            Some(1)
        );
        assert_eq!(g.find(&sig(&["lindqvist", "oslo"], &["17"], None)), Some(2));
        assert_eq!(g.find(&sig(&["nobody"], &["2024"], None)), None);
        g.remove(1);
        assert_eq!(
            g.find(&sig(&["kovacs", "porto", "rat"], &["1250"], None)),
            None
        );
        assert!(g.postings.values().all(|p| !p.contains(&1)));
    }

    #[test]
    fn other_script_groups_by_facts() {
        let mut g = Grouper::default();
        g.add(1, sig(&["kovacs", "porto"], &["1250", "310", "48"], None));
        let uk = sig(&["ковач", "порту"], &["1250", "310", "48"], None);
        assert_eq!(g.find(&uk), Some(1));
    }

    #[test]
    fn same_people_other_facts_or_other_day_are_another_story() {
        let day = 86_400;
        let mut g = Grouper::default();
        g.add(
            1,
            sig(
                &["kovacs", "porto", "silva"],
                &["1250", "310", "48"],
                Some(0),
            ),
        );
        let next_week = sig(
            &["kovacs", "porto", "silva"],
            &["77", "12", "900"],
            Some(7 * day),
        );
        assert_eq!(g.find(&next_week), None);
        let same_facts_later = sig(&["kovacs"], &["1250", "310", "48"], Some(3 * day));
        assert_eq!(g.find(&same_facts_later), Some(1));
        let names_only_later = sig(&["kovacs", "porto", "silva"], &[], Some(3 * day));
        assert_eq!(g.find(&names_only_later), None);
    }
}
