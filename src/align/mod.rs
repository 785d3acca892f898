//! Claim alignment across N versions of a story.
//!
//! A claim is a story sentence. Each claim gets a signature: stems of its
//! content words (for versions in the same language), cross-language roots
//! (folded word prefixes, which catch cognates and names), and anchors
//! (numbers, names, dates, quotes). Every version is aligned to a pivot (the
//! reference, or the version most similar to all others) with a dynamic
//! program in the spirit of Gale-Church and hunalign: monotonic, with skips and
//! 1-to-many merges, scored by signature similarity plus a prior on relative
//! position; strong pairs out of order are rescued afterwards. Claims no pivot
//! claim took are grouped among themselves. Each group holds at most one member
//! per version; a member may span two claims (a sentence split in two).

mod signature;

use crate::hash::{HashMap, HashMapExt};

use serde::Serialize;

use crate::document::Document;
use crate::extract::Facts;
use crate::lexicon::Lexicons;
use crate::span::Span;
pub use signature::{Claim, Weights, WordFeatures, shared_features, word_features};

/// A pair scores at least this to be aligned.
const MIN_SCORE: f64 = 0.28;
/// A feature shared by more groups than this proposes none of them.
const MAX_POSTINGS: usize = 64;
/// A pair out of order must score at least this to be aligned anyway.
const RESCUE_SCORE: f64 = 0.5;
/// The longest run of claims aligned by position alone.
const MAX_GAP: usize = 4;
/// Claims aligned by position alone may differ this much in length.
const GAP_LENGTH_RATIO: f64 = 2.5;
/// The score a claim aligned by position alone gets, when its words score
/// less: the alignment is as sure as its neighbours make it.
const GAP_SCORE: f64 = 0.5;
/// Weight of the relative-position prior.
const POSITION_WEIGHT: f64 = 0.12;

/// One version's part in a group.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Member {
    /// Index of the version in the story.
    pub doc: usize,
    /// Indices of its claims in [`Alignment::claims`]`[doc]` (one or two).
    pub claims: Vec<usize>,
    /// Similarity to the group's first member (1.0 for the first member).
    pub score: f64,
}

/// Claims of several versions that report the same thing.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Group {
    /// Members, at most one per version, by version index.
    pub members: Vec<Member>,
}

impl Group {
    /// The member of a version, if it has one.
    pub fn member(&self, doc: usize) -> Option<&Member> {
        self.members.iter().find(|m| m.doc == doc)
    }
}

/// The alignment of a story's versions.
#[derive(Clone, Debug)]
pub struct Alignment {
    /// The claims of each version, in text order.
    pub claims: Vec<Vec<Claim>>,
    /// The groups, ordered by the position of their first member's first claim
    /// in the pivot (pivot groups first), then by creation.
    pub groups: Vec<Group>,
    /// The version every other one was aligned to.
    pub pivot: usize,
    /// Feature weights of this story.
    pub weights: Weights,
    /// The story's claim features, by the rank the claims hold.
    pub features: Vec<std::sync::Arc<str>>,
}

impl Alignment {
    /// The groups more than one version takes part in: the claims versions
    /// can disagree on.
    pub fn shared_groups(&self) -> impl Iterator<Item = &Group> {
        self.groups.iter().filter(|g| g.members.len() >= 2)
    }

    /// Aligns the versions of a story.
    pub fn build(
        docs: &[Document],
        facts: &[Facts],
        lexicons: &Lexicons,
        reference: Option<usize>,
    ) -> Alignment {
        let mut table = signature::Features::default();
        let mut claims: Vec<Vec<Claim>> = docs
            .iter()
            .enumerate()
            .map(|(d, doc)| signature::claims(doc, facts.get(d), lexicons, &mut table))
            .collect();
        let (weights, features) = Weights::of(&mut claims, table);
        let similarity = |a: &Claim, b: &Claim, same: bool| weights.similarity(a, b, same);
        if docs.is_empty() {
            return Alignment {
                claims,
                groups: Vec::new(),
                pivot: 0,
                weights,
                features,
            };
        }
        let languages: Vec<&str> = docs.iter().map(|d| d.language.code.as_str()).collect();
        let pivot = reference.unwrap_or_else(|| choose_pivot(&claims, &languages));
        let mut groups: Vec<Group> = claims[pivot]
            .iter()
            .enumerate()
            .map(|(i, _)| Group {
                members: vec![Member {
                    doc: pivot,
                    claims: vec![i],
                    score: 1.0,
                }],
            })
            .collect();
        let mut unmatched: Vec<(usize, usize)> = Vec::new();
        for d in 0..docs.len() {
            if d == pivot {
                continue;
            }
            let same = languages[d] == languages[pivot];
            let pairs = align_pair(&claims[pivot], &claims[d], same, &weights);
            let mut taken = vec![false; claims[d].len()];
            for (p, members, by_position) in pairs {
                if groups[p].member(d).is_some() {
                    continue;
                }
                let mut score = members
                    .iter()
                    .map(|&j| similarity(&claims[pivot][p], &claims[d][j], same))
                    .fold(0.0, f64::max);
                if by_position {
                    score = score.max(GAP_SCORE);
                }
                for &j in &members {
                    taken[j] = true;
                }
                groups[p].members.push(Member {
                    doc: d,
                    claims: members,
                    score: round3(score),
                });
            }
            unmatched.extend(
                taken
                    .iter()
                    .enumerate()
                    .filter(|(_, t)| !**t)
                    .map(|(j, _)| (d, j)),
            );
        }
        // Claims the pivot lacks: group them with each other. Each is compared
        // only with the groups whose first claim shares a feature with it (an
        // inverted index; features found in many groups propose none), so a
        // version full of claims the others lack stays linear.
        let mut index: HashMap<u32, Vec<usize>> = HashMap::new();
        for (d, j) in unmatched {
            let claim = &claims[d][j];
            let mut candidates: Vec<usize> = claim
                .features()
                .filter_map(|f| index.get(&f))
                .filter(|postings| postings.len() <= MAX_POSTINGS)
                .flatten()
                .copied()
                .collect();
            candidates.sort_unstable();
            candidates.dedup();
            let best = candidates
                .into_iter()
                .filter(|&g| groups[g].member(d).is_none())
                .map(|g| {
                    let first = &groups[g].members[0];
                    let a = &claims[first.doc][first.claims[0]];
                    let same = languages[first.doc] == languages[d];
                    (g, similarity(a, claim, same))
                })
                .filter(|(_, s)| *s >= MIN_SCORE)
                .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
            match best {
                Some((g, s)) => groups[g].members.push(Member {
                    doc: d,
                    claims: vec![j],
                    score: round3(s),
                }),
                None => {
                    for f in claim.features() {
                        index.entry(f).or_default().push(groups.len());
                    }
                    groups.push(Group {
                        members: vec![Member {
                            doc: d,
                            claims: vec![j],
                            score: 1.0,
                        }],
                    });
                }
            }
        }
        for g in &mut groups {
            g.members.sort_by_key(|m| m.doc);
        }
        Alignment {
            claims,
            groups,
            pivot,
            weights,
            features,
        }
    }

    /// The features two claims share, as text ([`shared_features`]).
    pub fn shared_features(&self, a: &Claim, b: &Claim, same_language: bool) -> Vec<String> {
        shared_features(a, b, same_language, &self.features)
    }

    /// Similarity of two claims of this story.
    pub fn similarity(&self, a: (usize, usize), b: (usize, usize), same_language: bool) -> f64 {
        self.weights.similarity(
            &self.claims[a.0][a.1],
            &self.claims[b.0][b.1],
            same_language,
        )
    }

    /// The span a member covers (from its first to its last claim).
    pub fn member_span(&self, member: &Member) -> Span {
        let claims = &self.claims[member.doc];
        let first = claims[member.claims[0]].span;
        member
            .claims
            .iter()
            .fold(first, |acc, &c| acc.cover(&claims[c].span))
    }
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// The version whose claims resemble the others' most (ties: the first).
fn choose_pivot(claims: &[Vec<Claim>], languages: &[&str]) -> usize {
    // Compare each candidate with every version through a bag of all its
    // claims' features; cap the candidates so 1,000 versions stay cheap.
    let bags: Vec<signature::Bag> = claims.iter().map(|c| signature::Bag::of(c)).collect();
    let candidates = bags.len().min(64);
    (0..candidates)
        .map(|c| {
            let total: f64 = (0..bags.len())
                .filter(|&o| o != c)
                .map(|o| bags[c].similarity(&bags[o], languages[c] == languages[o]))
                .sum();
            (c, total)
        })
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
        .map_or(0, |(c, _)| c)
}

/// Aligns the claims of one version to the pivot's: (pivot claim, claims of
/// the version) pairs. Monotonic dynamic program with skips where a pivot
/// claim may take several consecutive claims and the reverse, then a rescue
/// of strong pairs out of order.
fn align_pair(
    pivot: &[Claim],
    other: &[Claim],
    same_language: bool,
    weights: &Weights,
) -> Vec<(usize, Vec<usize>, bool)> {
    let similarity = |a: &Claim, b: &Claim, same: bool| weights.similarity(a, b, same);
    let (n, m) = (pivot.len(), other.len());
    if n == 0 || m == 0 {
        return Vec::new();
    }
    // Pair scores above the threshold, plus the position prior; 0 elsewhere.
    // Only pairs that share a feature can score above 0: an index of the
    // version's claims by feature finds them, and the rest are never scored.
    let cells = Band::new(n, m, 0);
    let mut sim = vec![0.0f64; cells.len()];
    let mut by_feature: Vec<(u32, u32)> = other
        .iter()
        .enumerate()
        .flat_map(|(j, claim)| claim.features().map(move |f| (f, j as u32)))
        .collect();
    by_feature.sort_unstable();
    let mut sharing = vec![usize::MAX; m];
    for i in 0..n {
        // Only the postings inside the row's band: a feature most claims
        // share would otherwise make this quadratic on huge documents.
        let band = cells.columns(i);
        let (lo, hi) = (band.start as u32, band.end as u32);
        for f in pivot[i].features() {
            let from = by_feature.partition_point(|&p| p < (f, lo));
            for &(_, j) in by_feature[from..].iter().take_while(|&&p| p < (f, hi)) {
                sharing[j as usize] = i;
            }
        }
        for j in band.filter(|&j| sharing[j] == i) {
            let s = similarity(&pivot[i], &other[j], same_language);
            let prior = POSITION_WEIGHT
                * (1.0 - (pivot[i].position - other[j].position).abs() / 0.3).max(0.0);
            if s >= MIN_SCORE {
                sim[cells.at(i, j).unwrap_or(0)] = s - MIN_SCORE + prior + 0.01;
            }
        }
    }
    let score = |i: usize, j: usize| cells.at(i, j).map_or(0.0, |k| sim[k]);
    // best[i][j]: best score aligning pivot[..i] with other[..j].
    let dp = Band::new(n, m, 1);
    let mut best = vec![f64::MIN; dp.len()];
    let mut back = vec![0u8; dp.len()];
    let value = |best: &[f64], i: usize, j: usize| dp.at(i, j).map_or(f64::MIN, |k| best[k]);
    for i in 0..=n {
        for j in dp.columns(i) {
            let Some(k) = dp.at(i, j) else { continue };
            if i == 0 && j == 0 {
                best[k] = 0.0;
                continue;
            }
            let mut here = f64::MIN;
            let mut from = 0u8;
            if i > 0 && value(&best, i - 1, j) > here {
                here = value(&best, i - 1, j);
                from = 1;
            }
            if j > 0 && value(&best, i, j - 1) > here {
                here = value(&best, i, j - 1);
                from = 2;
            }
            if i > 0 && j > 0 {
                let s = score(i - 1, j - 1);
                if s > 0.0 && value(&best, i - 1, j - 1) + s > here {
                    here = value(&best, i - 1, j - 1) + s;
                    from = 3;
                }
            }
            best[k] = here;
            back[k] = from;
        }
    }
    let mut matched: Vec<(usize, usize)> = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        match dp.at(i, j).map(|k| back[k]) {
            Some(1) => i -= 1,
            Some(2) => j -= 1,
            Some(3) => {
                matched.push((i - 1, j - 1));
                i -= 1;
                j -= 1;
            }
            // Off the band (cannot happen: rows overlap) or at the origin.
            _ => break,
        }
    }
    matched.reverse();
    let mut taken_p = vec![false; n];
    let mut taken_o = vec![false; m];
    for &(p, o) in &matched {
        taken_p[p] = true;
        taken_o[o] = true;
    }
    // Splits: an unmatched claim next to a matched one that also fits the
    // same pivot claim joins it (one sentence translated as two), unless a
    // free pivot claim nearby fits it better.
    let mut extra = Vec::new();
    for &(p, o) in &matched {
        for next in [o.wrapping_sub(1), o + 1] {
            if next >= m || taken_o[next] || score(p, next) <= 0.0 {
                continue;
            }
            let other_fits_better = cells
                .rows(next)
                .any(|q| !taken_p[q] && score(q, next) > score(p, next));
            if !other_fits_better {
                extra.push((p, next));
                taken_o[next] = true;
            }
        }
    }
    // The reverse: a pivot claim next to a matched one that fits the same
    // claim of this version (two sentences rendered as one).
    for &(p, o) in &matched {
        for next in [p.wrapping_sub(1), p + 1] {
            if next >= n || taken_p[next] || score(next, o) <= 0.0 {
                continue;
            }
            let other_fits_better = cells
                .columns(next)
                .any(|q| !taken_o[q] && score(next, q) > score(next, o));
            if !other_fits_better {
                extra.push((next, o));
                taken_p[next] = true;
            }
        }
    }
    matched.extend(extra);
    // Rescue strong pairs out of order (every pair when the band is the
    // whole matrix; within the band for huge documents).
    for o in 0..m {
        if taken_o[o] {
            continue;
        }
        let best_p = cells
            .rows(o)
            .filter(|&p| !taken_p[p])
            .map(|p| (p, similarity(&pivot[p], &other[o], same_language)))
            .filter(|(_, s)| *s >= RESCUE_SCORE)
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        if let Some((p, _)) = best_p {
            taken_p[p] = true;
            taken_o[o] = true;
            matched.push((p, o));
        }
    }
    let gaps = fill_gaps(pivot, other, &matched, &taken_p, &taken_o);
    let mut by_pivot: std::collections::BTreeMap<usize, (Vec<usize>, bool)> =
        std::collections::BTreeMap::new();
    for (p, o) in matched {
        by_pivot.entry(p).or_default().0.push(o);
    }
    for (p, o) in gaps {
        by_pivot.insert(p, (vec![o], true));
    }
    by_pivot
        .into_iter()
        .map(|(p, (mut os, by_position))| {
            os.sort_unstable();
            os.dedup();
            (p, os, by_position)
        })
        .collect()
}

/// The cells of a pivot × version matrix that alignment looks at: all of
/// them for stories of ordinary size; for huge documents a band around the
/// diagonal, so time and memory grow with the number of claims rather than
/// with its square.
struct Band {
    rows: usize,
    cols: usize,
    /// Half-width of the band in columns (the whole row when it is wider).
    width: usize,
    /// Index of each row's first cell in the flat storage, and the total.
    starts: Vec<usize>,
}

/// Matrices up to this many cells are computed whole.
const FULL_CELLS: usize = 4_000_000;
/// Half-width of the band of huge matrices, in claims.
const BAND: usize = 64;

impl Band {
    /// The band of an `n × m` matrix; `extra` is 1 for the dynamic program's
    /// matrix, which has a row and a column more.
    fn new(n: usize, m: usize, extra: usize) -> Band {
        let (rows, cols) = (n + extra, m + extra);
        let width = if n.saturating_mul(m) <= FULL_CELLS {
            cols
        } else {
            // Wide enough that consecutive rows overlap whatever the slope.
            BAND.max(cols / rows.max(1) + 2)
        };
        let mut band = Band {
            rows,
            cols,
            width,
            starts: Vec::with_capacity(rows + 1),
        };
        let mut total = 0;
        for i in 0..rows {
            band.starts.push(total);
            total += band.columns(i).len();
        }
        band.starts.push(total);
        band
    }

    fn len(&self) -> usize {
        self.starts[self.rows]
    }

    fn center(&self, i: usize) -> usize {
        i * self.cols / self.rows.max(1)
    }

    /// The columns of row `i` inside the band.
    fn columns(&self, i: usize) -> std::ops::Range<usize> {
        if self.width >= self.cols {
            return 0..self.cols;
        }
        let c = self.center(i);
        c.saturating_sub(self.width)..(c + self.width + 1).min(self.cols)
    }

    /// The rows whose band holds column `j`.
    fn rows(&self, j: usize) -> impl Iterator<Item = usize> + '_ {
        let (lo, hi) = if self.width >= self.cols {
            (0, self.rows)
        } else {
            // Row i holds j when its centre is within `width` of j.
            let scale = |c: usize| c * self.rows / self.cols.max(1);
            (
                scale(j.saturating_sub(self.width)).saturating_sub(1),
                (scale(j + self.width + 1) + 2).min(self.rows),
            )
        };
        (lo..hi).filter(move |&i| self.columns(i).contains(&j))
    }

    /// The flat index of cell `(i, j)`, when it lies in the band.
    fn at(&self, i: usize, j: usize) -> Option<usize> {
        let cols = self.columns(i);
        (i < self.rows && cols.contains(&j)).then(|| self.starts[i] + j - cols.start)
    }
}

/// Claims that only their position aligns: between two aligned pairs (or a
/// document's start or end and its nearest aligned pair), a gap of the same
/// number of unaligned claims on both sides, at most [`MAX_GAP`], is
/// matched in order when lengths agree, as Gale-Church aligns by position and
/// length where words cannot help.
fn fill_gaps(
    pivot: &[Claim],
    other: &[Claim],
    matched: &[(usize, usize)],
    taken_p: &[bool],
    taken_o: &[bool],
) -> Vec<(usize, usize)> {
    let mut bounds: Vec<(usize, usize)> = matched.to_vec();
    bounds.sort_unstable();
    // Monotonic anchors only, from the start (before 0) to the end.
    let mut anchors: Vec<(isize, isize)> = vec![(-1, -1)];
    for (p, o) in bounds {
        let last = anchors[anchors.len() - 1];
        if p as isize > last.0 && o as isize > last.1 {
            anchors.push((p as isize, o as isize));
        }
    }
    anchors.push((pivot.len() as isize, other.len() as isize));
    let mut out = Vec::new();
    for w in anchors.windows(2) {
        let (ps, os) = ((w[0].0 + 1) as usize, (w[0].1 + 1) as usize);
        let (pe, oe) = (w[1].0 as usize, w[1].1 as usize);
        let k = pe.saturating_sub(ps);
        if k == 0 || k > MAX_GAP || oe.saturating_sub(os) != k {
            continue;
        }
        let free = (ps..pe).all(|p| !taken_p[p]) && (os..oe).all(|o| !taken_o[o]);
        let lengths_agree = (0..k).all(|i| {
            let (a, b) = (
                pivot[ps + i].chars.max(1) as f64,
                other[os + i].chars.max(1) as f64,
            );
            a.max(b) / a.min(b) <= GAP_LENGTH_RATIO
        });
        if free && lengths_agree {
            out.extend((0..k).map(|i| (ps + i, os + i)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::RawDocument;

    fn docs(texts: &[(&str, &str)]) -> Vec<Document> {
        let lex = Lexicons::embedded();
        texts
            .iter()
            .enumerate()
            .map(|(i, (lang, text))| {
                Document::analyze(
                    RawDocument {
                        id: format!("d{i}"),
                        text: text.to_string(),
                        language: Some(lang.to_string()),
                        ..Default::default()
                    },
                    &lex,
                )
            })
            .collect()
    }

    fn groups_as_text(docs: &[Document], a: &Alignment) -> Vec<Vec<String>> {
        a.groups
            .iter()
            .map(|g| {
                g.members
                    .iter()
                    .map(|m| format!("{}:{}", m.doc, docs[m.doc].slice(a.member_span(m))))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn same_language_versions_align_and_leave_additions_alone() {
        let d = docs(&[
            (
                "en",
                "The council approved a budget of 40 million euros on Monday. The mayor praised the vote. Protesters gathered outside the town hall.",
            ),
            (
                "en",
                "On Monday the council approved a 40 million euro budget. Protesters gathered in front of the town hall. A new park will open in May.",
            ),
        ]);
        let lex = Lexicons::embedded();
        let a = Alignment::build(&d, &[], &lex, Some(0));
        let g = groups_as_text(&d, &a);
        assert!(
            g.iter().any(|m| m.len() == 2
                && m[0].contains("approved a budget")
                && m[1].contains("40 million euro budget")),
            "{g:?}"
        );
        assert!(
            g.iter().any(|m| m.len() == 2
                && m[0].contains("Protesters")
                && m[1].contains("Protesters")),
            "{g:?}"
        );
        assert!(
            g.iter().any(|m| m.len() == 1 && m[0].contains("mayor")),
            "{g:?}"
        );
        assert!(
            g.iter().any(|m| m.len() == 1 && m[0].contains("park")),
            "{g:?}"
        );
    }

    #[test]
    fn split_sentence_joins_one_group() {
        let d = docs(&[
            (
                "en",
                "The minister resigned on Friday after a scandal over public contracts worth 12 million.",
            ),
            (
                "en",
                "The minister resigned on Friday. The scandal was over public contracts worth 12 million.",
            ),
        ]);
        let lex = Lexicons::embedded();
        let a = Alignment::build(&d, &[], &lex, Some(0));
        assert_eq!(a.groups.len(), 1, "{:?}", groups_as_text(&d, &a));
        assert_eq!(a.groups[0].member(1).unwrap().claims, vec![0, 1]);
    }
}
