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
use crate::names::compare::{similar_names, similar_words};

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
                if let Some(k) = part_map.get(&p.key) {
                    p.key = k.clone();
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
                .flat_map(|m| m.parts.iter().map(|p| p.key.clone()))
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
            let joined_before = join(m.parts.iter().map(|p| p.key.as_str()));
            let mut changed = false;
            for p in &mut m.parts {
                if p.alts.is_empty() || elsewhere(d, &p.key) {
                    continue;
                }
                let found: Vec<&(String, String)> =
                    p.alts.iter().filter(|(_, k)| elsewhere(d, k)).collect();
                if let [(form, key)] = found[..] {
                    p.form = form.clone();
                    p.key = key.clone();
                    changed = true;
                }
            }
            if changed && m.key == joined_before {
                m.key = join(m.parts.iter().map(|p| p.key.as_str()));
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
    let keys: Vec<&str> = stats.keys().copied().collect();
    let mut parent: Vec<usize> = (0..keys.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    // A lone word matches a full name only when one full name ends with it.
    let mut surname_owners: BTreeMap<&str, BTreeSet<usize>> = BTreeMap::new();
    for (i, k) in keys.iter().enumerate() {
        if let Some((_, last)) = k.rsplit_once(' ') {
            surname_owners.entry(last).or_default().insert(i);
        }
    }
    for (i, a) in keys.iter().enumerate() {
        for (j, b) in keys.iter().enumerate().skip(i + 1) {
            if !stats[a].0.is_disjoint(&stats[b].0) {
                continue;
            }
            let lone = if a.contains(' ') { b } else { a };
            let lone_ok = a.contains(' ') && b.contains(' ')
                || surname_owners.get(lone).is_none_or(|o| o.len() <= 1);
            if lone_ok && similar_names(a, b) {
                let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
                parent[ri] = rj;
            }
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
        let rank = |k: &str| {
            (
                k.contains(' '),
                stats[k].1,
                std::cmp::Reverse(k.to_string()),
            )
        };
        let Some(&rep) = members
            .iter()
            .max_by(|&&x, &&y| rank(keys[x]).cmp(&rank(keys[y])))
        else {
            continue;
        };
        for &m in members {
            out.insert(keys[m].to_string(), keys[rep].to_string());
        }
    }
    out
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
                        .entry(p.key.clone())
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
