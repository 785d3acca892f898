//! How informative each feature is in one story, and weighted overlaps of
//! feature lists.

use std::sync::Arc;

use super::claim::{Claim, Features};

/// How informative each feature is in one story: features found in many
/// claims (the story's topic words) count less than rare ones.
#[derive(Clone, Debug, Default)]
pub struct Weights {
    /// The weight of each feature rank.
    weights: Vec<f64>,
}

impl Weights {
    /// Counts in how many claims each feature occurs, and turns the
    /// claims' feature ids into ranks in the features' sorted order (each
    /// list sorted and unique), so lists compare as their strings would.
    /// Returns the weights and the features by rank.
    pub fn of(all: &mut [Vec<Claim>], table: Features) -> (Weights, Vec<Arc<str>>) {
        let names = &table.names;
        // Sorted by their first eight bytes, then (rarely) whole: the order
        // of the strings, at the cost of integer comparisons.
        let prefix = |s: &str| {
            let mut bytes = [0u8; 8];
            let n = s.len().min(8);
            bytes[..n].copy_from_slice(&s.as_bytes()[..n]);
            u64::from_be_bytes(bytes)
        };
        let mut order: Vec<(u64, u32)> = (0..names.len())
            .map(|id| (prefix(&names[id]), id as u32))
            .collect();
        order.sort_unstable_by(|a, b| {
            a.0.cmp(&b.0)
                .then_with(|| names[a.1 as usize].cmp(&names[b.1 as usize]))
        });
        let order: Vec<u32> = order.into_iter().map(|(_, id)| id).collect();
        let mut rank = vec![0u32; order.len()];
        for (r, &id) in order.iter().enumerate() {
            rank[id as usize] = r as u32;
        }
        let mut frequency = vec![0u32; order.len()];
        let mut claims = 0.0;
        let mut lists: [Vec<u32>; 4] = Default::default();
        for claim in all.iter_mut().flatten() {
            claims += 1.0;
            for (list, ids) in lists.iter_mut().zip(claim.lists()) {
                list.clear();
                list.extend(ids.iter().map(|&id| rank[id as usize]));
                list.sort_unstable();
                list.dedup();
                for &r in list.iter() {
                    frequency[r as usize] += 1;
                }
            }
            claim.set_lists([&lists[0], &lists[1], &lists[2], &lists[3]]);
        }
        // Frequencies are small numbers shared by many features: one
        // logarithm per frequency, not per feature.
        let most = frequency.iter().copied().max().unwrap_or(0).max(1) as usize;
        let by_df: Vec<f64> = (0..=most)
            .map(|df| (1.0 + claims / f64::from((df as u32).max(1))).ln().max(0.1))
            .collect();
        let weights = Weights {
            weights: frequency.iter().map(|&df| by_df[df as usize]).collect(),
        };
        for claim in all.iter_mut().flatten() {
            weights.fill_totals(claim);
        }
        let names = order
            .iter()
            .map(|&id| Arc::clone(&names[id as usize]))
            .collect();
        (weights, names)
    }

    /// Sets the weight of each of a claim's feature lists.
    pub fn fill_totals(&self, claim: &mut Claim) {
        let total = |list: &[u32]| list.iter().map(|&r| self.weights[r as usize]).sum();
        claim.totals = [
            total(claim.stems()),
            total(claim.cognates()),
            total(claim.concepts()),
            total(claim.anchors()),
        ];
    }

    /// Weighted Dice coefficient of two sorted, unique rank lists whose
    /// weights sum to `total_a` and `total_b` (0 when either is empty).
    pub fn dice_of(&self, a: &[u32], total_a: f64, b: &[u32], total_b: f64) -> f64 {
        if a.is_empty() || b.is_empty() {
            return 0.0;
        }
        let shared = shared_sum(a, b, |r| self.weights[r as usize]);
        2.0 * shared / (total_a + total_b)
    }

    /// Weighted Dice coefficient of two sorted, unique rank lists (0 when
    /// either is empty).
    pub fn dice(&self, a: &[u32], b: &[u32]) -> f64 {
        if a.is_empty() || b.is_empty() {
            return 0.0;
        }
        let weight = |id: &u32| self.weights[*id as usize];
        let total: f64 = a.iter().chain(b).map(weight).sum();
        let shared = shared_sum(a, b, |r| 2.0 * weight(&r));
        shared / total
    }

    /// Lexical similarity of two claims, 0.0 to 1.0: weighted overlap of
    /// their stems (within one language), anchors, cognates and concepts.
    /// What the checks use to judge how closely two aligned claims word the
    /// same thing; alignment itself weighs more ([`super::model`]).
    pub fn similarity(&self, a: &Claim, b: &Claim, same_language: bool) -> f64 {
        let anchors = (!a.anchors().is_empty() && !b.anchors().is_empty())
            .then(|| self.dice(a.anchors(), b.anchors()));
        let cross = 0.7 * self.dice(a.cognates(), b.cognates())
            + 0.3 * self.dice(a.concepts(), b.concepts());
        let score = if same_language {
            let stems = self.dice(a.stems(), b.stems());
            match anchors {
                Some(x) => 0.6 * stems + 0.3 * x + 0.1 * cross,
                None => 0.8 * stems + 0.2 * cross,
            }
        } else {
            match anchors {
                Some(x) => 0.55 * x + 0.45 * cross,
                None => 0.7 * cross,
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

/// The elements two sorted, unique lists share.
pub fn shared<'a, T: Ord + Copy>(a: &'a [T], b: &'a [T]) -> impl Iterator<Item = T> + 'a {
    let (mut i, mut j) = (0, 0);
    std::iter::from_fn(move || {
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    i += 1;
                    j += 1;
                    return Some(a[i - 1]);
                }
            }
        }
        None
    })
}

/// The sum of `value` over the elements two sorted, unique lists share.
/// Both lists advance without a branch on which is behind: which one is
/// cannot be predicted, and a mispredicted branch per step cost more than
/// the comparisons (pairs are scored by the thousand per story).
fn shared_sum(a: &[u32], b: &[u32], value: impl Fn(u32) -> f64) -> f64 {
    let (mut i, mut j) = (0, 0);
    let mut sum = 0.0;
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        if x == y {
            sum += value(x);
        }
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    sum
}

/// All features of a version at once, to pick the pivot: sorted, unique
/// feature ranks ([`Weights::of`] must have given the claims theirs).
pub struct Bag {
    stems: Vec<u32>,
    cross: Vec<u32>,
}

/// The ranks whose bits are set, in order.
fn ranks(bits: &[u64]) -> Vec<u32> {
    let mut out = Vec::with_capacity(bits.iter().map(|b| b.count_ones() as usize).sum());
    for (k, &word) in bits.iter().enumerate() {
        out.extend(set_bits(word).map(|b| k as u32 * 64 + b));
    }
    out
}

/// The positions of the bits set in `word`, lowest first.
pub(super) fn set_bits(mut word: u64) -> impl Iterator<Item = u32> {
    std::iter::from_fn(move || {
        (word != 0).then(|| {
            let b = word.trailing_zeros();
            word &= word - 1;
            b
        })
    })
}

/// Dice coefficient of two sorted, unique lists.
fn dice(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    2.0 * shared_sum(a, b, |_| 1.0) / (a.len() + b.len()) as f64
}

impl Bag {
    /// The bag of a version's claims; `features`: how many features the
    /// story has (every rank is below). Marked in a bit per feature, not
    /// gathered and sorted: a long document's claims hold millions.
    pub fn of(claims: &[Claim], features: usize) -> Bag {
        let words = features.div_ceil(64);
        let (mut stems, mut cross) = (vec![0u64; words], vec![0u64; words]);
        let mark = |bits: &mut [u64], r: u32| bits[r as usize / 64] |= 1 << (r % 64);
        for c in claims {
            for &r in c.stems() {
                mark(&mut stems, r);
            }
            for &r in c.cognates().iter().chain(c.concepts()).chain(c.anchors()) {
                mark(&mut cross, r);
            }
        }
        Bag {
            stems: ranks(&stems),
            cross: ranks(&cross),
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn sorted_unique(v: Vec<u32>) -> Vec<u32> {
        let mut v = v;
        v.sort_unstable();
        v.dedup();
        v
    }

    proptest! {
        #[test]
        fn shared_sum_adds_what_both_lists_hold(
            a in proptest::collection::vec(0u32..40, 0..30),
            b in proptest::collection::vec(0u32..40, 0..30),
        ) {
            let (a, b) = (sorted_unique(a), sorted_unique(b));
            let both: Vec<u32> = a.iter().copied().filter(|x| b.contains(x)).collect();
            prop_assert_eq!(shared(&a, &b).collect::<Vec<_>>(), both.clone());
            let expected: f64 = both.iter().map(|&x| f64::from(x) * 0.5).sum();
            prop_assert_eq!(shared_sum(&a, &b, |x| f64::from(x) * 0.5), expected);
        }
    }
}
