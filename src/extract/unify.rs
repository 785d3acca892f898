//! Story-wide name keys: after each version's names are found on their own,
//! one entity must have one key in every version. Three steps, each guarded
//! against merging two people:
//! 1. an inflected Cyrillic word whose reading is attested in no other
//!    version takes its other reading when exactly one is ("Путіна" → "Путін");
//! 2. a surname alone takes the key of the one full name that ends with it;
//! 3. keys that never occur in one version together and pass the guarded
//!    fuzzy comparison of [`crate::names::compare`] become one.

use crate::hash::{HashMap, HashMapExt};
use std::collections::{BTreeMap, BTreeSet};

use super::Facts;
use crate::names::compare::{similar_names, similar_words, skeleton};

/// Gives every entity one key across the versions of a story.
pub fn unify_names(facts: &mut [Facts]) {
    adopt_attested_readings(facts);
    let key_map = merge_entities(facts);
    let part_map = merge_parts(facts, &key_map);
    for f in facts.iter_mut() {
        for m in &mut f.names {
            if let Some(k) = key_map.get(&m.key) {
                m.key = k.clone();
            }
            for p in &mut m.parts {
                if let Some(k) = part_map.get(&*p.key) {
                    p.key = k.as_str().into();
                }
            }
        }
        for q in &mut f.quotes {
            if let Some(s) = &mut q.speaker {
                if let Some(k) = key_map.get(&s.key) {
                    s.key = k.clone();
                }
            }
        }
        for g in &mut f.genders {
            if let Some(k) = key_map.get(&g.entity_key) {
                g.entity_key = k.clone();
            }
        }
    }
}

fn adopt_attested_readings(facts: &mut [Facts]) {
    let doc_parts: Vec<BTreeSet<String>> = facts
        .iter()
        .map(|f| {
            f.names
                .iter()
                .flat_map(|m| m.parts.iter().map(|p| p.key.to_string()))
                .collect()
        })
        .collect();
    let elsewhere = |d: usize, k: &str| {
        doc_parts
            .iter()
            .enumerate()
            .any(|(o, keys)| o != d && keys.contains(k))
    };
    for (d, f) in facts.iter_mut().enumerate() {
        for m in &mut f.names {
            let joined_before = join(m.parts.iter().map(|p| &*p.key));
            let mut changed = false;
            for p in &mut m.parts {
                if p.alts.is_empty() || elsewhere(d, &p.key) {
                    continue;
                }
                let found: Vec<&(String, String)> =
                    p.alts.iter().filter(|(_, k)| elsewhere(d, k)).collect();
                if let [(form, key)] = found[..] {
                    p.form = form.as_str().into();
                    p.key = key.as_str().into();
                    changed = true;
                }
            }
            if changed && m.key == joined_before {
                m.key = join(m.parts.iter().map(|p| &*p.key));
            }
        }
    }
}

fn join<'a>(keys: impl Iterator<Item = &'a str>) -> String {
    keys.collect::<Vec<_>>().join(" ")
}

/// Entity key → the key its group takes.
fn merge_entities(facts: &[Facts]) -> HashMap<String, String> {
    // Each key's documents and mention count.
    let mut stats: BTreeMap<&str, (BTreeSet<usize>, usize)> = BTreeMap::new();
    for (d, f) in facts.iter().enumerate() {
        for m in f.names.iter().filter(|m| !m.parts.iter().any(|p| p.exonym)) {
            let e = stats.entry(m.key.as_str()).or_default();
            e.0.insert(d);
            e.1 += 1;
        }
    }
    let (keys, stats): (Vec<&str>, Vec<(BTreeSet<usize>, usize)>) = stats.into_iter().unzip();
    let mut parent: Vec<usize> = (0..keys.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    // A lone word matches a full name only when one full name ends with it.
    let mut surname_owners: HashMap<&str, usize> = HashMap::new();
    for k in &keys {
        if let Some((_, last)) = k.rsplit_once(' ') {
            *surname_owners.entry(last).or_default() += 1;
        }
    }
    for (i, j) in candidate_pairs(&keys) {
        let (a, b) = (keys[i], keys[j]);
        if !stats[i].0.is_disjoint(&stats[j].0) {
            continue;
        }
        let lone = if a.contains(' ') { b } else { a };
        let lone_ok =
            a.contains(' ') && b.contains(' ') || surname_owners.get(lone).is_none_or(|&o| o <= 1);
        if lone_ok && similar_names(a, b) {
            let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
            parent[ri] = rj;
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..keys.len() {
        groups.entry(root(&mut parent, i)).or_default().push(i);
    }
    let mut out = HashMap::new();
    for members in groups.values().filter(|g| g.len() > 1) {
        // The most used full name names the group (a surname alone only
        // when there is no full name).
        let rank = |i: usize| {
            (
                keys[i].contains(' '),
                stats[i].1,
                std::cmp::Reverse(keys[i]),
            )
        };
        let Some(&rep) = members.iter().max_by_key(|&&x| rank(x)) else {
            continue;
        };
        for &m in members {
            out.insert(keys[m].to_string(), keys[rep].to_string());
        }
    }
    out
}

/// The pairs of keys (`i < j`, sorted keys) that [`similar_names`] may
/// accept, found through blocks instead of trying every pair (a results
/// page names thousands of people). Two words can only be similar when
/// their consonant skeletons are equal, so:
/// - two full names share the skeleton of their last words, and the first
///   word of the shorter matches a word of the longer before its last;
/// - a lone word matches a word of a full name after its first, or another
///   lone word.
fn candidate_pairs(keys: &[&str]) -> Vec<(usize, usize)> {
    let mut full: HashMap<(String, String), Vec<usize>> = HashMap::new();
    let mut lone: HashMap<String, Vec<usize>> = HashMap::new();
    let words: Vec<Vec<&str>> = keys.iter().map(|k| k.split(' ').collect()).collect();
    for (i, w) in words.iter().enumerate() {
        match w.as_slice() {
            [] => {}
            [one] => lone.entry(skeleton(one)).or_default().push(i),
            [init @ .., last] => {
                let last = skeleton(last);
                let mut seen = BTreeSet::new();
                for word in init {
                    let s = skeleton(word);
                    if seen.insert(s.clone()) {
                        full.entry((last.clone(), s)).or_default().push(i);
                    }
                }
            }
        }
    }
    let mut pairs = Vec::new();
    let mut push = |a: usize, b: usize| {
        if a != b {
            pairs.push((a.min(b), a.max(b)));
        }
    };
    for (i, w) in words.iter().enumerate() {
        match w.as_slice() {
            [] => {}
            [one] => {
                for &j in &lone[&skeleton(one)] {
                    push(i, j);
                }
            }
            [first, .., last] => {
                for &j in &full[&(skeleton(last), skeleton(first))] {
                    push(i, j);
                }
                let mut seen = BTreeSet::new();
                for word in &w[1..] {
                    let s = skeleton(word);
                    if let Some(singles) = lone.get(&s).filter(|_| seen.insert(s.clone())) {
                        for &j in singles {
                            push(i, j);
                        }
                    }
                }
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// Word key → the key its spelling group takes, for the words of entities
/// that were merged fuzzily ("marchenkova" / "marchinkova").
fn merge_parts(facts: &[Facts], key_map: &HashMap<String, String>) -> HashMap<String, String> {
    let mut by_entity: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    for f in facts {
        for m in &f.names {
            if let Some(k) = key_map.get(&m.key) {
                for p in &m.parts {
                    *by_entity
                        .entry(k.clone())
                        .or_default()
                        .entry(p.key.to_string())
                        .or_default() += 1;
                }
            }
        }
    }
    let mut out = HashMap::new();
    for words in by_entity.values() {
        for (w, _) in words.iter() {
            let rep = words
                .iter()
                .filter(|(o, _)| similar_words(w, o))
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .map(|(o, _)| o.clone());
            if let Some(rep) = rep.filter(|r| r != w) {
                out.insert(w.clone(), rep);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// The blocks miss no pair the full comparison accepts.
        #[test]
        fn blocks_hold_every_similar_pair(
            names in prop::collection::btree_set(
                prop::collection::vec(prop::sample::select(vec![
                    "marchenko", "marchinko", "marchenkova", "kovalenko", "kovalenka",
                    "olena", "olina", "anna", "petrenko", "petrinko", "ivanov", "da", "silva",
                ]), 1..4)
                .prop_map(|w| w.join(" ")),
                0..24,
            )
        ) {
            let keys: Vec<&str> = names.iter().map(String::as_str).collect();
            let pairs = candidate_pairs(&keys);
            for i in 0..keys.len() {
                for j in i + 1..keys.len() {
                    if similar_names(keys[i], keys[j]) {
                        prop_assert!(pairs.binary_search(&(i, j)).is_ok(), "{} / {}", keys[i], keys[j]);
                    }
                }
            }
        }
    }

    fn keys(facts: &[Facts]) -> Vec<Vec<String>> {
        facts
            .iter()
            .map(|f| f.names.iter().map(|m| m.key.clone()).collect())
            .collect()
    }

    #[test]
    fn spellings_of_one_person_join_and_two_people_stay_apart() {
        let texts = [
            "Olena Marchenkova met Ivan Petrov in the capital.",
            "Olena Marchinkova met Ivan Petrova in the capital. Marchinkova left.",
        ];
        let mut facts: Vec<Facts> = texts
            .iter()
            .map(|t| crate::extract::testing::facts("en", t).1)
            .collect();
        unify_names(&mut facts);
        let k = keys(&facts);
        assert_eq!(k[0].len(), 2, "{k:?}");
        assert_eq!(k[1].len(), 3, "{k:?}");
        assert_eq!(k[0][0], k[1][0]);
        assert_eq!(
            k[1][2], k[0][0],
            "the lone surname takes the full name's key"
        );
        assert_ne!(k[0][1], k[1][1], "Petrov and Petrova are two people");
    }
}
