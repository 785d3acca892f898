//! Claim alignment across N versions of a story.
//!
//! A claim is a story sentence ([`claim`]). Two versions are aligned by a
//! dynamic program over their claim sequences ([`dp`]) whose beads are
//! scored by a pair model of signals that survive translation ([`model`]):
//! lengths in characters, anchors (numbers, dates, name keys, acronyms),
//! cognates, concept and glossary ids, stems within a language, and
//! punctuation. Paragraph breaks are soft boundaries; claims a rewrite
//! moved are paired after the program when their pair is strong.
//!
//! Every version is aligned to a pivot (the reference, or the version most
//! similar to all others). A pivot claim and the claims of other versions
//! aligned with it form a group; where a version merged two pivot claims,
//! the group holds both. Claims the pivot lacks are grouped among
//! themselves. A claim alone in its group is an addition, a group a version
//! is missing from an omission: only the program's 1-0 and 0-1 gaps make
//! them.

mod claim;
mod dp;
pub mod model;
mod weights;

pub(crate) use weights::shared;

use std::borrow::Cow;
use std::cell::OnceCell;
use std::ops::Range;
use std::sync::Arc;

use serde::Serialize;

use crate::document::Document;
use crate::extract::Facts;
use crate::lexicon::Lexicons;
use crate::span::Span;
pub use claim::{Claim, Marks};
pub use dp::Bead;
pub use model::{Observed, Signals};
pub use weights::Weights;

/// What beads and paragraph breaks cost in the dynamic program (nats).
/// Tuned on the realnews stories as they are and perturbed (paragraphs
/// dropped, merged, split, moved; furniture added).
const COSTS: dp::Costs = dp::Costs {
    gap: -3.5,
    merge: -2.0,
    paragraph: -2.5,
};
/// Each claim a bead joins to another must share this much (nats of the
/// pair model's lexical signals) with the other side ...
const MIN_SUPPORT: f64 = 1.0;
/// ... unless joining it improves the length signal by this much (nats).
const MERGE_LENGTH_GAIN: f64 = 1.0;
/// A run of claims is only tried next to a pair that shares this much.
const MERGE_ANCHOR: f64 = 2.0;
/// A pair out of order must score at least this (nats) to be paired.
const MOVED_MIN: f64 = 3.0;
/// A feature shared by more claims than this proposes none of them.
const MAX_POSTINGS: usize = 64;
/// Pairs of gap claims (sharing a feature) scored at most for moved
/// paragraphs.
const MOVED_PAIRS: usize = 100_000;

/// A claim a column is compared by: a version's claim, or its claims joined
/// (boxed: most units borrow, and a column's units are kept for the whole
/// run of the dynamic program).
enum UnitClaim<'a> {
    Borrowed(&'a Claim),
    Owned(Box<Claim>),
}

impl std::ops::Deref for UnitClaim<'_> {
    type Target = Claim;

    fn deref(&self) -> &Claim {
        match self {
            UnitClaim::Borrowed(c) => c,
            UnitClaim::Owned(c) => c,
        }
    }
}

impl<'a> From<Cow<'a, Claim>> for UnitClaim<'a> {
    fn from(claim: Cow<'a, Claim>) -> Self {
        match claim {
            Cow::Borrowed(c) => UnitClaim::Borrowed(c),
            Cow::Owned(c) => UnitClaim::Owned(Box::new(c)),
        }
    }
}

/// What a column is compared by: (version, its claims as one) of a compared
/// member ([`Alignment::compared`]).
type Unit<'a> = (usize, UnitClaim<'a>);

/// The units of every column, in one list (a vector per column cost more
/// than its one or two units).
struct Units<'a> {
    /// Where each column's units start in `units` (one more than columns).
    starts: Vec<u32>,
    units: Vec<Unit<'a>>,
}

impl<'a> Units<'a> {
    fn of(columns: impl ExactSizeIterator<Item = impl IntoIterator<Item = Unit<'a>>>) -> Self {
        let mut starts = Vec::with_capacity(columns.len() + 1);
        let mut units = Vec::with_capacity(columns.len());
        for column in columns {
            starts.push(units.len() as u32);
            units.extend(column);
        }
        starts.push(units.len() as u32);
        units.shrink_to_fit();
        Units { starts, units }
    }

    /// The units of column `c`.
    fn column(&self, c: usize) -> &[Unit<'a>] {
        &self.units[self.starts[c] as usize..self.starts[c + 1] as usize]
    }

    fn columns(&self) -> usize {
        self.starts.len() - 1
    }
}

/// One version's part in a group.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Member {
    /// Index of the version in the story.
    pub doc: usize,
    /// Indices of its claims in [`Alignment::claims`]`[doc]`, consecutive.
    pub claims: ClaimList,
    /// Lexical similarity to the group's first member (1.0 for the first
    /// member; see [`Weights::similarity`]).
    pub score: f64,
    /// The pair model's log-likelihood ratio (nats) for this member
    /// against the group's first member: how sure the alignment is that
    /// they translate each other (`None` for the first member).
    pub llr: Option<f64>,
    /// True when the member was paired out of order (a moved paragraph).
    pub moved: bool,
}

/// Claims of several versions that report the same thing.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Group {
    /// Members, at most one per version, by version index.
    pub members: Members,
}

/// A member's claims: one claim (most members) is kept in place.
pub type ClaimList = OneOrMany<usize>;

/// A group's members, by version index: one member (most groups of a long
/// document) is kept in place.
pub type Members = OneOrMany<Member>;

/// A list read as a slice that keeps a single item in place and several in
/// a box: a long document's alignment has a group per claim and a member
/// per group, and a vector each cost 24 bytes and an allocation.
/// Serialized as a list.
#[derive(Clone, PartialEq)]
pub enum OneOrMany<T> {
    /// A single item.
    One(T),
    /// Any other number of items.
    Many(Box<[T]>),
}

impl<T> OneOrMany<T> {
    /// No item: what stands in a column's place while columns are
    /// assembled (it allocates nothing).
    fn none() -> OneOrMany<T> {
        OneOrMany::Many(Box::default())
    }

    /// One item.
    pub fn one(item: T) -> OneOrMany<T> {
        OneOrMany::One(item)
    }

    /// Adds an item after the others.
    pub fn push(&mut self, item: T) {
        self.extend([item]);
    }

    /// Adds items after the others.
    pub fn extend(&mut self, items: impl IntoIterator<Item = T>) {
        let mut all: Vec<T> = std::mem::replace(self, OneOrMany::none())
            .into_iter()
            .collect();
        all.extend(items);
        *self = all.into_iter().collect();
    }
}

impl<T> FromIterator<T> for OneOrMany<T> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Self {
        let mut all: Vec<T> = items.into_iter().collect();
        match all.len() {
            1 => OneOrMany::One(all.pop().expect("one item")),
            _ => OneOrMany::Many(all.into_boxed_slice()),
        }
    }
}

impl<T> std::ops::Deref for OneOrMany<T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        match self {
            OneOrMany::One(one) => std::slice::from_ref(one),
            OneOrMany::Many(all) => all,
        }
    }
}

impl<T> std::ops::DerefMut for OneOrMany<T> {
    fn deref_mut(&mut self) -> &mut [T] {
        match self {
            OneOrMany::One(one) => std::slice::from_mut(one),
            OneOrMany::Many(all) => all,
        }
    }
}

impl<'a, T> IntoIterator for &'a OneOrMany<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<T> IntoIterator for OneOrMany<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;

    fn into_iter(self) -> Self::IntoIter {
        match self {
            OneOrMany::One(one) => vec![one].into_iter(),
            OneOrMany::Many(all) => all.into_vec().into_iter(),
        }
    }
}

impl<T: PartialEq> PartialEq<Vec<T>> for OneOrMany<T> {
    fn eq(&self, other: &Vec<T>) -> bool {
        **self == other[..]
    }
}

impl<T: std::fmt::Debug> std::fmt::Debug for OneOrMany<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<T: Serialize> Serialize for OneOrMany<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

impl Group {
    /// The member of a version, if it has one.
    pub fn member(&self, doc: usize) -> Option<&Member> {
        self.members.iter().find(|m| m.doc == doc)
    }

    fn member_mut(&mut self, doc: usize) -> Option<&mut Member> {
        self.members.iter_mut().find(|m| m.doc == doc)
    }
}

/// The alignment of a story's versions.
#[derive(Clone, Debug)]
pub struct Alignment {
    /// The claims of each version, in text order.
    pub claims: Vec<Vec<Claim>>,
    /// The groups, in the pivot's order; groups the pivot has no part in
    /// stand after the group of the claim before them.
    pub groups: Vec<Group>,
    /// The version every other one was aligned to.
    pub pivot: usize,
    /// Feature weights of this story.
    pub weights: Weights,
    /// The story's claim features, by the rank the claims hold.
    pub features: Vec<Arc<str>>,
    /// The language of each version.
    pub languages: Vec<String>,
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
        let mut table = claim::Features::default();
        let mut claims: Vec<Vec<Claim>> = docs
            .iter()
            .enumerate()
            .map(|(d, doc)| claim::claims(doc, facts.get(d), lexicons, &mut table))
            .collect();
        let (weights, features) = Weights::of(&mut claims, table);
        let languages: Vec<String> = docs.iter().map(|d| d.language.code.clone()).collect();
        let mut alignment = Alignment {
            claims,
            groups: Vec::new(),
            pivot: 0,
            weights,
            features,
            languages,
        };
        if docs.is_empty() {
            return alignment;
        }
        let bags: Vec<weights::Bag> = alignment
            .claims
            .iter()
            .map(|c| weights::Bag::of(c, alignment.features.len()))
            .collect();
        alignment.pivot = reference.unwrap_or_else(|| alignment.choose_pivot(&bags));
        let order = alignment.order_of_versions(&bags);
        // The bags hold every feature of every version: not kept while the
        // versions are aligned.
        drop(bags);
        alignment.group(&order);
        alignment
    }

    /// The version whose claims resemble the others' most (ties: the first).
    fn choose_pivot(&self, bags: &[weights::Bag]) -> usize {
        // Compare each candidate with every version through a bag of all
        // its claims' features; cap the candidates so 1,000 versions stay
        // cheap.
        let candidates = bags.len().min(64);
        (0..candidates)
            .map(|c| {
                let total: f64 = (0..bags.len())
                    .filter(|&o| o != c)
                    .map(|o| bags[c].similarity(&bags[o], self.languages[c] == self.languages[o]))
                    .sum();
                (c, total)
            })
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
            .map_or(0, |(c, _)| c)
    }

    /// Builds the groups by progressive alignment: the pivot's claims are
    /// the first columns; each other version in turn (most similar to the
    /// pivot first) is aligned to the columns built so far, so a claim the
    /// pivot lacks but an earlier version has is a column too. A version's
    /// claim that matches no column starts one; a run of two claims may
    /// fill one column (a sentence split in two), and one claim may fill two
    /// columns, which then become one.
    fn group(&mut self, order: &[usize]) {
        let pivot = self.pivot;
        // Room for as many columns as the story has claims, the most there
        // can be: each version's columns are then assembled in place
        // ([`assemble`]).
        let mut columns: Vec<Group> = Vec::with_capacity(self.claims.iter().map(Vec::len).sum());
        columns.extend((0..self.claims[pivot].len()).map(|p| Group {
            members: Members::one(Member {
                doc: pivot,
                claims: ClaimList::one(p),
                score: 1.0,
                llr: None,
                moved: false,
            }),
        }));
        let breaks: Vec<Vec<dp::Break>> = self.claims.iter().map(|c| breaks(c)).collect();
        for &d in order {
            columns = self.add_version(columns, d, &breaks);
        }
        for g in &mut columns {
            let (head, rest) = g.members.split_at_mut(1);
            let a = self.member_claim(head[0].doc, &head[0].claims);
            for m in rest {
                let b = self.member_claim(m.doc, &m.claims);
                let same = self.languages[head[0].doc] == self.languages[m.doc];
                m.score = round3(self.weights.similarity(&a, &b, same));
            }
            g.members.sort_by_key(|m| m.doc);
        }
        // Versions that paired well leave much of the room unused.
        if columns.capacity() - columns.len() > columns.len() / 8 {
            columns.shrink_to_fit();
        }
        self.groups = columns;
    }

    /// The versions other than the pivot, most similar to it first (ties:
    /// by index).
    fn order_of_versions(&self, bags: &[weights::Bag]) -> Vec<usize> {
        let p = self.pivot;
        let mut others: Vec<(f64, usize)> = (0..self.claims.len())
            .filter(|&d| d != p)
            .map(|d| {
                let same = self.languages[d] == self.languages[p];
                (bags[p].similarity(&bags[d], same), d)
            })
            .collect();
        others.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        others.into_iter().map(|(_, d)| d).collect()
    }

    /// Aligns version `d` to the columns and returns the new columns.
    fn add_version(&self, columns: Vec<Group>, d: usize, breaks: &[Vec<dp::Break>]) -> Vec<Group> {
        // What the beads were found with is dropped before the columns are
        // assembled.
        let beads = self.beads(&columns, d, breaks);
        assemble(columns, d, beads)
    }

    /// The beads of version `d` against the columns.
    fn beads(&self, columns: &[Group], d: usize, breaks: &[Vec<dp::Break>]) -> Vec<Bead> {
        let claims = &self.claims[d];
        let lang = self.languages[d].as_str();
        let m = claims.len();
        let units = Units::of(columns.iter().map(|g| {
            self.compared(g, lang)
                .map(|m| (m.doc, self.member_claim(m.doc, &m.claims).into()))
        }));
        // Two neighbouring columns joined when a bead first needs them; the
        // dynamic program goes through the columns in order, so only the
        // latest pair is kept (keeping all held a copy of every claim).
        let mut pair_unit: Option<(usize, Vec<Unit>)> = None;
        // Two neighbouring claims joined when a bead first needs them.
        let joined_d: Vec<OnceCell<Box<Claim>>> =
            (0..m.saturating_sub(1)).map(|_| OnceCell::new()).collect();
        let unit_d = |r: &Range<usize>| -> &Claim {
            if r.len() == 1 {
                &claims[r.start]
            } else {
                joined_d[r.start]
                    .get_or_init(|| Box::new(Claim::joined(&claims[r.clone()], &self.weights)))
            }
        };
        let column_breaks: Vec<dp::Break> =
            columns.iter().map(|g| column_break(g, breaks)).collect();
        let shares_any = Sharing::of(&units, claims, self.features.len());
        // The best score and support of a claim against a column's units.
        let best = |candidates: &[Unit], y: &Claim| -> (f64, f64) {
            candidates
                .iter()
                .map(|(doc, x)| model::score(x, y, &self.languages[*doc], lang, &self.weights))
                .fold((f64::NEG_INFINITY, f64::NEG_INFINITY), |a, b| {
                    (a.0.max(b.0), a.1.max(b.1))
                })
        };
        // Single claims against single columns, each scored once while the
        // dynamic program is at its column (a bead reaches two columns
        // back): a table of every column and claim grew with the product of
        // the versions' lengths. A pair that shares no feature at all has no
        // overlap to measure.
        let mut cells = RecentColumns::new(m);
        let mut single = |c: usize, j: usize| -> (f64, f64) {
            cells.get_or(c, j, || {
                if shares_any.contains(c, j) {
                    best(units.column(c), &claims[j])
                } else {
                    let llr = units
                        .column(c)
                        .iter()
                        .map(|(doc, x)| {
                            model::score_disjoint(x, &claims[j], &self.languages[*doc], lang)
                        })
                        .fold(f64::NEG_INFINITY, f64::max);
                    (llr, 0.0)
                }
            })
        };
        let length = |a: &Unit, b: &Claim| {
            model::length_signal(a.1.chars, &self.languages[a.0], b.chars, lang)
        };
        let mut beads = dp::align(&column_breaks, &breaks[d], &COSTS, |ra, rb| {
            if ra.len() == 1 && rb.len() == 1 {
                return single(ra.start, rb.start).0;
            }
            // Only runs next to a pair that shares something are tried:
            // a split sentence keeps words or numbers of the whole in one
            // of its parts.
            if !ra
                .clone()
                .any(|c| rb.clone().any(|j| single(c, j).1 >= MERGE_ANCHOR))
            {
                return f64::NEG_INFINITY;
            }
            // A claim joined to another in a bead must earn its place: the
            // joined lengths fit clearly better than any single pair's, or
            // each joined claim shares something with the other side.
            // Otherwise a bead would take in a neighbour on its partner's
            // strength. Both tests need only lengths and the single pairs,
            // so the joined claims are built for admissible beads alone.
            let Some((column_doc, column_chars)) = self.joined_length(columns, &units, &ra) else {
                return f64::NEG_INFINITY;
            };
            let run_chars = claim::joined_chars(rb.clone().map(|j| claims[j].chars));
            let single_length = ra
                .clone()
                .flat_map(|c| rb.clone().map(move |j| (c, j)))
                .map(|(c, j)| length(&units.column(c)[0], &claims[j]))
                .fold(f64::NEG_INFINITY, f64::max);
            let joined_length =
                model::length_signal(column_chars, &self.languages[column_doc], run_chars, lang);
            if joined_length - single_length < MERGE_LENGTH_GAIN {
                let mut shares = |c: usize, j: usize| single(c, j).1 >= MIN_SUPPORT;
                let columns_share = ra.clone().all(|c| rb.clone().any(|j| shares(c, j)));
                let claims_share = rb.clone().all(|j| ra.clone().any(|c| shares(c, j)));
                if !(columns_share && claims_share) {
                    return f64::NEG_INFINITY;
                }
            }
            let column = if ra.len() == 1 {
                units.column(ra.start)
            } else {
                let c = ra.start;
                if pair_unit.as_ref().is_none_or(|(at, _)| *at != c) {
                    let joined = self.joined_columns(columns, &units, c);
                    pair_unit = Some((c, joined));
                }
                &pair_unit.as_ref().expect("set above").1
            };
            best(column, unit_d(&rb)).0
        });
        // The claims of each side in gaps, read off the beads (not
        // gathered: a long document against a short one has a gap per
        // claim).
        let gaps = |side_a: bool| {
            (beads.iter())
                .filter(|x| x.is_gap())
                .flat_map(move |x| if side_a { x.a() } else { x.b() })
        };
        // Through each gap column's sharing claims, not every pair of gaps
        // (quadratic when two long versions differ).
        let mut gap_b = vec![false; m];
        for j in gaps(false) {
            gap_b[j] = true;
        }
        let candidates: Vec<(usize, usize)> = gaps(true)
            .flat_map(|i| shares_any.claims(i).map(move |j| (i, j)))
            .filter(|&(_, j)| gap_b[j])
            .take(MOVED_PAIRS)
            .collect();
        dp::pair_moved(&mut beads, &candidates, MOVED_MIN, |i, j| single(i, j).0);
        beads
    }

    /// The members a column is compared by when a version in `lang` is
    /// aligned to it: its first member, and its first member in `lang` if
    /// that is another (words compare best within a language). Never more
    /// than two, so stories of many versions stay linear in them.
    fn compared<'g>(&self, group: &'g Group, lang: &str) -> impl Iterator<Item = &'g Member> {
        let first = group.members.first();
        let same = group
            .members
            .iter()
            .find(|m| self.languages[m.doc] == lang)
            .filter(|m| first.is_some_and(|f| f.doc != m.doc));
        first.into_iter().chain(same)
    }

    /// The compared members of column `c` whose claims continue in column
    /// `c + 1` (`units`: the columns' compared members), with their claims
    /// in both columns.
    fn spanning<'g>(
        &self,
        columns: &'g [Group],
        units: &'g Units,
        c: usize,
    ) -> impl Iterator<Item = (usize, &'g [usize], &'g [usize])> {
        let (first, second) = (&columns[c], &columns[c + 1]);
        units.column(c).iter().filter_map(move |(doc, _)| {
            let (m, next) = (first.member(*doc)?, second.member(*doc)?);
            (next.claims.first() == Some(&(*m.claims.last()? + 1))).then_some((
                *doc,
                &m.claims[..],
                &next.claims[..],
            ))
        })
    }

    /// The version and length in characters of what a run of one or two
    /// columns is compared by as one: its first compared member's claims
    /// ([`Self::joined_columns`] for two columns); `None` when no compared
    /// member spans the run.
    fn joined_length(
        &self,
        columns: &[Group],
        units: &Units,
        run: &Range<usize>,
    ) -> Option<(usize, usize)> {
        if run.len() == 1 {
            let (doc, claim) = units.column(run.start).first()?;
            return Some((*doc, claim.chars));
        }
        let chars = |doc: usize, claims: &[usize]| {
            claim::joined_chars(claims.iter().map(|&c| self.claims[doc][c].chars))
        };
        let (doc, a, b) = self.spanning(columns, units, run.start).next()?;
        Some((doc, claim::joined_chars([chars(doc, a), chars(doc, b)])))
    }

    /// Two neighbouring columns as one, for a claim that fills both: the
    /// claims of each compared member that has claims in both, in a row,
    /// joined.
    fn joined_columns(&self, columns: &[Group], units: &Units, c: usize) -> Vec<Unit<'_>> {
        self.spanning(columns, units, c)
            .map(|(doc, a, b)| {
                let all: Vec<usize> = a.iter().chain(b).copied().collect();
                (doc, self.member_claim(doc, &all).into())
            })
            .collect()
    }

    /// A member's claims as one: the claim itself, or the claims joined.
    fn member_claim(&self, doc: usize, claims: &[usize]) -> Cow<'_, Claim> {
        match claims {
            [one] => Cow::Borrowed(&self.claims[doc][*one]),
            _ => Cow::Owned(self.joined_claims(doc, claims)),
        }
    }

    /// Consecutive claims of a version as one.
    pub fn joined_claims(&self, doc: usize, claims: &[usize]) -> Claim {
        Claim::joined(claims.iter().map(|&c| &self.claims[doc][c]), &self.weights)
    }

    /// What each signal of the pair model says of two members' claims.
    pub fn signals(&self, a: (usize, &[usize]), b: (usize, &[usize])) -> Signals {
        let (x, y) = (self.joined_claims(a.0, a.1), self.joined_claims(b.0, b.1));
        let (la, lb) = (&self.languages[a.0], &self.languages[b.0]);
        model::signals(&model::observe(&x, &y, la, lb, &self.weights), la == lb)
    }

    /// The raw signals of the pair model for two members' claims.
    pub fn observe(&self, a: (usize, &[usize]), b: (usize, &[usize])) -> Observed {
        let (x, y) = (self.joined_claims(a.0, a.1), self.joined_claims(b.0, b.1));
        model::observe(
            &x,
            &y,
            &self.languages[a.0],
            &self.languages[b.0],
            &self.weights,
        )
    }

    /// The features two claims share, as text, for people to see why they
    /// were paired: anchors, then stems (one language) or cognates and
    /// concepts (`~`, two languages).
    pub fn shared_features(&self, a: &Claim, b: &Claim, same_language: bool) -> Vec<String> {
        let name = |r: u32| {
            self.features
                .get(r as usize)
                .map(|f| f.to_string())
                .unwrap_or_default()
        };
        let mut out: Vec<String> = weights::shared(a.anchors(), b.anchors())
            .map(name)
            .collect();
        if same_language {
            out.extend(weights::shared(a.stems(), b.stems()).map(name));
        } else {
            out.extend(
                weights::shared(a.cognates(), b.cognates())
                    .chain(weights::shared(a.concepts(), b.concepts()))
                    .map(|r| format!("~{}", name(r))),
            );
        }
        out
    }

    /// Drops every claim's features and the story's table of them, for a
    /// caller that compares no claims afterwards: similarity, signals and
    /// shared features find none then. A long document's claims hold about
    /// as many features as it has words.
    pub fn release_features(&mut self) {
        for claim in self.claims.iter_mut().flatten() {
            claim.release_features();
        }
        self.features = Vec::new();
    }

    /// Lexical similarity of two claims of this story ([`Weights::similarity`]).
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

/// What follows each claim: the next claim of its paragraph, the next
/// paragraph, or text that is not a claim (a sentence or paragraph of
/// boilerplate between them).
fn breaks(claims: &[Claim]) -> Vec<dp::Break> {
    (0..claims.len())
        .map(|i| match claims.get(i + 1) {
            None => dp::Break::Paragraph,
            Some(next) if next.sentence != claims[i].sentence + 1 => dp::Break::Hard,
            Some(next) if next.paragraph == claims[i].paragraph => dp::Break::None,
            Some(next) if next.paragraph == claims[i].paragraph + 1 => dp::Break::Paragraph,
            Some(_) => dp::Break::Hard,
        })
        .collect()
}

/// For every column, the claims that one of its units shares a feature
/// with, in order; features in more than [`MAX_POSTINGS`] claims do not
/// count, so a version of many claims stays linear (and so does this table,
/// which a column-by-claim matrix was not).
struct Sharing {
    /// A version of at most 64 claims: each column's claims as the bits of
    /// one word (a list's start alone takes as much, and a long document's
    /// columns against a short version share most of its claims: 14 MB of
    /// lists for a 20 MB document against 3 KB); otherwise empty.
    bits: Vec<u64>,
    /// Where each column's claims start in `claims` (one more than
    /// columns), for a version of more than 64 claims.
    starts: Vec<usize>,
    claims: Vec<u32>,
}

impl Sharing {
    /// `features`: how many features the story has (every rank is below).
    fn of(units: &Units, claims: &[Claim], features: usize) -> Sharing {
        // The postings of each feature: the claims that hold it, in order
        // (a claim twice if two of its lists do), counted, then placed.
        let mut from = vec![0u32; features + 1];
        for f in claims.iter().flat_map(Claim::features) {
            from[f as usize + 1] += 1;
        }
        for f in 1..from.len() {
            from[f] += from[f - 1];
        }
        let mut postings = vec![0u32; from[features] as usize];
        for (j, claim) in claims.iter().enumerate() {
            for f in claim.features() {
                postings[from[f as usize] as usize] = j as u32;
                from[f as usize] += 1;
            }
        }
        // Each start moved on to the next feature's: moved back.
        from.rotate_right(1);
        from[0] = 0;
        // The postings of the features of column `c`'s units.
        let shared = |c: usize| {
            units.column(c).iter().flat_map(|(_, x)| {
                x.features()
                    .map(|f| &postings[from[f as usize] as usize..from[f as usize + 1] as usize])
                    .filter(|postings| postings.len() <= MAX_POSTINGS)
            })
        };
        let mut sharing = Sharing {
            bits: Vec::new(),
            starts: Vec::new(),
            claims: Vec::new(),
        };
        if claims.len() <= u64::BITS as usize {
            sharing.bits = (0..units.columns())
                .map(|c| shared(c).flatten().fold(0u64, |bits, &j| bits | 1 << j))
                .collect();
            return sharing;
        }
        sharing.starts.reserve_exact(units.columns() + 1);
        for c in 0..units.columns() {
            let start = sharing.claims.len();
            sharing.starts.push(start);
            for postings in shared(c) {
                sharing.claims.extend_from_slice(postings);
            }
            let mut row = sharing.claims.split_off(start);
            row.sort_unstable();
            row.dedup();
            sharing.claims.append(&mut row);
        }
        sharing.starts.push(sharing.claims.len());
        sharing.claims.shrink_to_fit();
        sharing
    }

    /// The claims column `c` shares a feature with, in order.
    fn claims(&self, c: usize) -> impl Iterator<Item = usize> + '_ {
        let (bits, list) = match self.bits.get(c) {
            Some(&bits) => (bits, &[][..]),
            None => (0, self.list(c)),
        };
        (weights::set_bits(bits).map(|j| j as usize)).chain(list.iter().map(|&j| j as usize))
    }

    fn contains(&self, c: usize, j: usize) -> bool {
        match self.bits.get(c) {
            Some(&bits) => bits >> j & 1 == 1,
            None => self.list(c).binary_search(&(j as u32)).is_ok(),
        }
    }

    /// Column `c`'s claims, for a version of more than 64 claims.
    fn list(&self, c: usize) -> &[u32] {
        &self.claims[self.starts[c]..self.starts[c + 1]]
    }
}

/// Scores (best pair score, best support) of the last three columns the
/// dynamic program asked about, by claim: a bead ends at the current column
/// and reaches two back. Each entry is stamped with its column, so moving on
/// clears nothing and memory stays linear in the claims.
struct RecentColumns {
    rows: [Vec<(usize, f64, f64)>; 3],
}

impl RecentColumns {
    fn new(claims: usize) -> RecentColumns {
        RecentColumns {
            rows: std::array::from_fn(|_| vec![(usize::MAX, 0.0, 0.0); claims]),
        }
    }

    /// The scores of column `c` and claim `j`, computed by `score` unless
    /// they are at hand.
    fn get_or(&mut self, c: usize, j: usize, score: impl FnOnce() -> (f64, f64)) -> (f64, f64) {
        let entry = &mut self.rows[c % 3][j];
        if entry.0 != c {
            let (llr, support) = score();
            *entry = (c, llr, support);
        }
        (entry.1, entry.2)
    }
}

/// What follows a column: text that is not a claim after any member's
/// claims forbids joining it with the next; otherwise a paragraph break when
/// at least half its members end a paragraph there.
fn column_break(group: &Group, breaks: &[Vec<dp::Break>]) -> dp::Break {
    let after: Vec<dp::Break> = group
        .members
        .iter()
        .filter_map(|m| m.claims.last().map(|&c| breaks[m.doc][c]))
        .collect();
    if after.contains(&dp::Break::Hard) {
        dp::Break::Hard
    } else if 2 * after.iter().filter(|&&b| b == dp::Break::Paragraph).count() >= after.len() {
        dp::Break::Paragraph
    } else {
        dp::Break::None
    }
}

/// The columns after version `d`'s beads: matched claims join their
/// column (two columns one claim filled become one), and each claim that
/// matched none starts a column of its own, placed before the column of
/// the next claim of its version the program matched.
fn assemble(mut columns: Vec<Group>, d: usize, beads: Vec<Bead>) -> Vec<Group> {
    let n = columns.len();
    let mut joined_with_next = vec![false; n];
    // The bead that matched each column, by index (a member per column
    // cost 64 bytes a column).
    let mut member: Vec<u32> = vec![u32::MAX; n];
    let mut alone: Vec<usize> = Vec::new();
    // (claim, column) of the claims the program matched in order.
    let mut in_order: Vec<(usize, usize)> = Vec::new();
    for (k, bead) in beads.iter().enumerate() {
        if bead.a().is_empty() {
            alone.extend(bead.b());
            continue;
        }
        if bead.b().is_empty() {
            continue;
        }
        joined_with_next[bead.a().start..bead.a().end - 1].fill(true);
        if !bead.moved {
            in_order.push((bead.b().start, bead.a().start));
        }
        member[bead.a().start] = k as u32;
    }
    in_order.sort_unstable();
    alone.sort_unstable();
    // Each claim alone goes before the column of the next claim matched in
    // order: later claims never go before earlier columns, so the list
    // stays in column order.
    let mut before = alone
        .iter()
        .map(|&j| {
            let next = in_order.partition_point(|&(claim, _)| claim <= j);
            let at = in_order.get(next).map_or(n, |&(_, column)| column);
            let group = Group {
                members: Members::one(Member {
                    doc: d,
                    claims: ClaimList::one(j),
                    score: 1.0,
                    llr: None,
                    moved: false,
                }),
            };
            (at, group)
        })
        .peekable();
    // The groups are written over the columns, in place (a second vector
    // of a long document's columns doubled the alignment's peak): the
    // columns first move up by the number of claims alone, so a group is
    // never written past the columns not yet read. [`Alignment::group`]
    // gave the vector room for them.
    let k = alone.len();
    let placeholder = || Group {
        members: Members::none(),
    };
    columns.reserve_exact(k);
    columns.extend((0..k).map(|_| placeholder()));
    columns.rotate_right(k);
    let mut written = 0;
    let mut write = |columns: &mut Vec<Group>, group: Group| {
        columns[written] = group;
        written += 1;
    };
    let mut open: Option<Group> = None;
    for c in 0..n {
        let column = std::mem::replace(&mut columns[k + c], placeholder());
        while let Some((_, g)) = before.next_if(|(at, _)| *at <= c) {
            write(&mut columns, g);
        }
        let mut group = match open.take() {
            // The previous column joins this one: each version's claims
            // follow on.
            Some(mut g) => {
                for m in column.members {
                    match g.member_mut(m.doc) {
                        Some(x) => x.claims.extend(m.claims.iter().copied()),
                        None => g.members.push(m),
                    }
                }
                g
            }
            None => column,
        };
        if let Some(bead) = beads.get(member[c] as usize) {
            match group.member_mut(d) {
                Some(x) => x.claims.extend(bead.b()),
                None => group.members.push(Member {
                    doc: d,
                    claims: bead.b().collect(),
                    score: 0.0,
                    llr: Some(bead.llr),
                    moved: bead.moved,
                }),
            }
        }
        if joined_with_next[c] {
            open = Some(group);
        } else {
            write(&mut columns, group);
        }
    }
    for g in open.into_iter().chain(before.map(|(_, g)| g)) {
        write(&mut columns, g);
    }
    columns.truncate(written);
    columns
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claim_lists_and_members_read_as_slices_and_serialize_as_lists() {
        let mut claims = ClaimList::one(3);
        assert_eq!(claims, vec![3]);
        claims.extend([4, 5]);
        assert_eq!(claims, vec![3, 4, 5]);
        assert_eq!(serde_json::to_string(&claims).unwrap(), "[3,4,5]");
        let member = |doc: usize| Member {
            doc,
            claims: ClaimList::one(doc),
            score: 1.0,
            llr: None,
            moved: false,
        };
        let mut members = Members::one(member(2));
        members.push(member(0));
        members.sort_by_key(|m| m.doc);
        assert_eq!(members.iter().map(|m| m.doc).collect::<Vec<_>>(), [0, 2]);
        assert_eq!(members.into_iter().count(), 2);
        let one = Members::one(member(1));
        assert_eq!(
            serde_json::to_value(&one).unwrap()[0]["claims"],
            serde_json::json!([1])
        );
    }
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

    #[test]
    fn shared_anchors_and_cognates_raise_a_pair_and_lengths_apart_lower_it() {
        let d = docs(&[
            (
                "en",
                "The parliament of Estonia approved 37 new judges on Monday. Heavy rain is expected in the north over the weekend, with local flooding.",
            ),
            (
                "de",
                "Das Parlament von Estland hat am Montag 37 neue Richter gebilligt. Regen.",
            ),
        ]);
        let lex = Lexicons::embedded();
        let a = Alignment::build(&d, &[], &lex, Some(0));
        let twin = a.signals((0, &[0]), (1, &[0]));
        let stranger = a.signals((0, &[0]), (1, &[1]));
        assert!(twin.anchors > 0.0 && twin.cognates > 0.0, "{twin:?}");
        assert!(twin.total() > 3.0, "{twin:?}");
        // "Regen." against a long sentence: the lengths alone rule it out.
        let apart = a.signals((0, &[1]), (1, &[1]));
        assert!(apart.length < -5.0, "{apart:?}");
        assert!(
            stranger.total() < 0.0 && apart.total() < twin.total(),
            "{stranger:?} {apart:?}"
        );
    }

    #[test]
    fn claims_of_one_paragraph_split_differently_pair_as_runs() {
        // The German version says in two sentences what the English one
        // says in one: a 1-2 bead, one group.
        let d = docs(&[
            (
                "en",
                "Officials in Kaunas said 240 families were evacuated after the dam broke at dawn.\n\nSchools will stay closed until Friday.",
            ),
            (
                "de",
                "Beamte in Kaunas teilten mit, 240 Familien seien evakuiert worden. Der Damm war im Morgengrauen gebrochen.\n\nDie Schulen bleiben bis Freitag geschlossen.",
            ),
        ]);
        let lex = Lexicons::embedded();
        let a = Alignment::build(&d, &[], &lex, Some(0));
        assert_eq!(a.groups.len(), 2, "{:?}", groups_as_text(&d, &a));
        assert_eq!(a.groups[0].member(1).unwrap().claims, vec![0, 1]);
        assert_eq!(a.groups[1].member(1).unwrap().claims, vec![2]);
    }
}
