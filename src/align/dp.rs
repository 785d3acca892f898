//! The dynamic program that aligns the claims of two versions, in the
//! tradition of Gale & Church, hunalign and Vecalign: monotonic beads of
//! 1-1, 1-2, 2-1 and 2-2 claims, and 1-0 and 0-1 gaps, each scored by the
//! pair model's log-likelihood ratio, a prior on its kind, and paragraph
//! breaks as soft boundaries; then a bounded pass that pairs strong
//! matches among the gaps out of order (paragraphs a rewrite moved).

use std::ops::Range;

/// A bead: claims of one version aligned with claims of the other (one
/// side empty for a gap).
/// Its claims are kept as `u32` (a long document against a short one has a
/// bead per claim).
#[derive(Clone, Debug, PartialEq)]
pub struct Bead {
    /// Claims of the first version.
    a: Range<u32>,
    /// Claims of the second version.
    b: Range<u32>,
    /// The pair's log-likelihood ratio (0 for a gap).
    pub llr: f64,
    /// True when the pass for moved paragraphs paired it out of order.
    pub moved: bool,
}

impl Bead {
    /// A bead of claims `a` of the first version and `b` of the second.
    pub fn new(a: Range<usize>, b: Range<usize>, llr: f64, moved: bool) -> Bead {
        let small = |r: Range<usize>| {
            let end = u32::try_from(r.end).expect("fewer than 4 billion claims");
            r.start as u32..end
        };
        Bead {
            a: small(a),
            b: small(b),
            llr,
            moved,
        }
    }

    /// Claims of the first version.
    pub fn a(&self) -> Range<usize> {
        self.a.start as usize..self.a.end as usize
    }

    /// Claims of the second version.
    pub fn b(&self) -> Range<usize> {
        self.b.start as usize..self.b.end as usize
    }

    /// True for a 1-0 or 0-1 gap.
    pub fn is_gap(&self) -> bool {
        self.a.is_empty() || self.b.is_empty()
    }
}

/// What the kinds of beads and paragraph breaks cost, in nats.
#[derive(Clone, Copy, Debug)]
pub struct Costs {
    /// A claim left without a partner (a 1-0 or 0-1 gap).
    pub gap: f64,
    /// A 1-2 or 2-1 bead, beyond its pair's score (a sentence split in two);
    /// twice this for 2-2.
    pub merge: f64,
    /// A bead that ends a paragraph in one version and not in the other,
    /// or that joins claims across a paragraph break.
    pub paragraph: f64,
}

/// What follows a claim in its version.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Break {
    /// The next claim of its paragraph.
    None,
    /// The next paragraph (or the end): joining across it costs.
    Paragraph,
    /// Text that is not a claim (boilerplate) before the next claim: no
    /// bead joins across it.
    Hard,
}

/// The kinds of beads: claims taken from each version.
const STEPS: [(usize, usize); 6] = [(1, 1), (1, 2), (2, 1), (2, 2), (1, 0), (0, 1)];

/// Aligns the claims of two versions, given what follows each claim
/// (`breaks_a`, `breaks_b`: one per claim); `llr` scores a pair of runs of
/// claims. Returns the beads in order, covering every claim once.
pub fn align(
    breaks_a: &[Break],
    breaks_b: &[Break],
    costs: &Costs,
    mut llr: impl FnMut(Range<usize>, Range<usize>) -> f64,
) -> Vec<Bead> {
    let (n, m) = (breaks_a.len(), breaks_b.len());
    let band = Band::new(n, m);
    // The best scores of the last three rows (a bead reaches two rows back)
    // and every cell's step back: the pair scores of the beads taken are
    // asked again on the way back rather than kept for every cell.
    let row_width = (0..=n).map(|i| band.columns(i).len()).max().unwrap_or(0);
    let mut best = vec![f64::NEG_INFINITY; 3 * row_width];
    let at_best = |i: usize, j: usize| -> Option<usize> {
        let cols = band.columns(i);
        cols.contains(&j)
            .then(|| i % 3 * row_width + j - cols.start)
    };
    let mut back = vec![u8::MAX; band.len()];
    // Paragraph breaks inside a run of claims: joining across them costs;
    // across text that is not a claim, no run may join (`None`).
    let inner = |breaks: &[Break], r: &Range<usize>| {
        (r.start..r.end.saturating_sub(1)).try_fold(0.0, |n, x| match breaks[x] {
            Break::None => Some(n),
            Break::Paragraph => Some(n + 1.0),
            Break::Hard => None,
        })
    };
    let ends = |breaks: &[Break], x: usize| breaks[x] != Break::None;
    for i in 0..=n {
        best[i % 3 * row_width..][..row_width].fill(f64::NEG_INFINITY);
        for j in band.columns(i) {
            let (Some(k), Some(here)) = (band.at(i, j), at_best(i, j)) else {
                continue;
            };
            if i == 0 && j == 0 {
                best[here] = 0.0;
                continue;
            }
            for (s, &(p, q)) in STEPS.iter().enumerate() {
                if i < p || j < q {
                    continue;
                }
                let Some(from) = at_best(i - p, j - q) else {
                    continue;
                };
                if best[from] == f64::NEG_INFINITY {
                    continue;
                }
                let (ra, rb) = (i - p..i, j - q..j);
                let gain = if p == 0 || q == 0 {
                    costs.gap
                } else {
                    let (Some(inner_a), Some(inner_b)) =
                        (inner(breaks_a, &ra), inner(breaks_b, &rb))
                    else {
                        continue;
                    };
                    let pair = llr(ra.clone(), rb.clone());
                    let prior = match (p, q) {
                        (1, 1) => 0.0,
                        (2, 2) => 2.0 * costs.merge,
                        _ => costs.merge,
                    };
                    let breaks =
                        f64::from(u8::from(ends(breaks_a, i - 1) != ends(breaks_b, j - 1)))
                            + inner_a
                            + inner_b;
                    pair + prior + breaks * costs.paragraph
                };
                if best[from] + gain > best[here] {
                    best[here] = best[from] + gain;
                    back[k] = s as u8;
                }
            }
        }
    }
    // The steps back from the last cell first, then the beads in order:
    // the table of steps and the band are dropped before the beads are
    // made (a long document against a short one has a bead per claim).
    let mut steps: Vec<u8> = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let Some(k) = band.at(i, j) else { break };
        let Some(&(p, q)) = STEPS.get(usize::from(back[k])) else {
            break;
        };
        steps.push(back[k]);
        i -= p;
        j -= q;
    }
    drop(back);
    drop(band);
    let mut beads = Vec::with_capacity(steps.len());
    for &s in steps.iter().rev() {
        let (p, q) = STEPS[usize::from(s)];
        let (a, b) = (i..i + p, j..j + q);
        let llr = if p == 0 || q == 0 {
            0.0
        } else {
            llr(a.clone(), b.clone())
        };
        beads.push(Bead::new(a, b, llr, false));
        i += p;
        j += q;
    }
    beads
}

/// Pairs claims left in 1-0 and 0-1 gaps with each other, out of order,
/// when their pair scores at least `min` (a paragraph a rewrite moved):
/// strongest first, each claim once. `candidates` are the (a, b) gap
/// claims worth scoring; `llr` scores one pair. The paired gaps become one
/// bead, marked as moved.
pub fn pair_moved(
    beads: &mut Vec<Bead>,
    candidates: &[(usize, usize)],
    min: f64,
    mut llr: impl FnMut(usize, usize) -> f64,
) {
    let mut scored: Vec<(f64, usize, usize)> = candidates
        .iter()
        .map(|&(a, b)| (llr(a, b), a, b))
        .filter(|(s, _, _)| *s >= min)
        .collect();
    scored.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let mut used_a = std::collections::HashSet::new();
    let mut used_b = std::collections::HashSet::new();
    let mut pairs = Vec::new();
    for (s, a, b) in scored {
        if used_a.contains(&a) || used_b.contains(&b) {
            continue;
        }
        used_a.insert(a);
        used_b.insert(b);
        pairs.push((a, b, s));
    }
    if pairs.is_empty() {
        return;
    }
    beads.retain(|bead| {
        !(bead.b.is_empty() && used_a.contains(&bead.a().start)
            || bead.a.is_empty() && used_b.contains(&bead.b().start))
    });
    beads.extend((pairs.into_iter()).map(|(a, b, llr)| Bead::new(a..a + 1, b..b + 1, llr, true)));
}

/// The cells of the `(n + 1) × (m + 1)` matrix the program looks at: all
/// of them for stories of ordinary size; for huge documents a band around
/// the diagonal, so time and memory grow with the number of claims rather
/// than with its square.
struct Band {
    rows: usize,
    cols: usize,
    /// Half-width of the band in columns (the whole row when it is wider).
    width: usize,
    /// Index of each row's first cell in the flat storage, and the total.
    starts: Vec<usize>,
}

/// Matrices up to this many cells are computed whole.
const FULL_CELLS: usize = 1_000_000;
/// Half-width of the band of huge matrices, in claims.
const BAND: usize = 64;

impl Band {
    fn new(n: usize, m: usize) -> Band {
        let (rows, cols) = (n + 1, m + 1);
        let width = if rows.saturating_mul(cols) <= FULL_CELLS {
            cols
        } else {
            // Wide enough that consecutive rows overlap whatever the slope.
            BAND.max(cols / rows + 3)
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

    /// The columns of row `i` inside the band.
    fn columns(&self, i: usize) -> Range<usize> {
        if self.width >= self.cols {
            return 0..self.cols;
        }
        // The diagonal from (0, 0) to the last cell.
        let c = i * (self.cols - 1) / (self.rows - 1).max(1);
        c.saturating_sub(self.width)..(c + self.width + 1).min(self.cols)
    }

    /// The flat index of cell `(i, j)`, when it lies in the band.
    fn at(&self, i: usize, j: usize) -> Option<usize> {
        if i >= self.rows {
            return None;
        }
        let cols = self.columns(i);
        cols.contains(&j).then(|| self.starts[i] + j - cols.start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const COSTS: Costs = Costs {
        gap: -3.0,
        merge: -1.0,
        paragraph: -1.0,
    };

    /// Runs the program on "claims" that are numbers: a pair scores well
    /// when the sums of its runs are equal.
    fn run(a: &[i32], b: &[i32]) -> Vec<(Range<usize>, Range<usize>)> {
        let breaks_a = vec![Break::Paragraph; a.len()];
        let breaks_b = vec![Break::Paragraph; b.len()];
        let beads = align(&breaks_a, &breaks_b, &COSTS, |x, y| {
            let (sx, sy): (i32, i32) = (a[x].iter().sum(), b[y].iter().sum());
            if sx == sy { 5.0 } else { -10.0 }
        });
        beads.into_iter().map(|b| (b.a(), b.b())).collect()
    }

    #[test]
    fn one_to_one() {
        assert_eq!(
            run(&[1, 2, 3], &[1, 2, 3]),
            vec![(0..1, 0..1), (1..2, 1..2), (2..3, 2..3)]
        );
    }

    #[test]
    fn gaps_where_a_claim_has_no_partner() {
        // 30 only in the second version, 7 only in the first.
        assert_eq!(
            run(&[1, 7, 2], &[1, 2, 30]),
            vec![(0..1, 0..1), (1..2, 1..1), (2..3, 1..2), (3..3, 2..3)]
        );
    }

    #[test]
    fn merges_and_splits() {
        // 5 = 2 + 3 (1-2), 4 + 4 = 8 (2-1), 1 + 6 = 3 + 4 (2-2).
        assert_eq!(
            run(&[5, 4, 4, 1, 6], &[2, 3, 8, 3, 4]),
            vec![(0..1, 0..2), (1..3, 2..3), (3..5, 3..5)]
        );
    }

    #[test]
    fn paragraph_breaks_steer_ties() {
        // Two equally good readings; the one that keeps breaks together wins.
        let breaks_a = [Break::Paragraph, Break::Paragraph];
        let breaks_b = [Break::None, Break::Paragraph];
        let beads = align(&breaks_a, &breaks_b, &COSTS, |_, _| 1.0);
        // 1-1 twice costs one break mismatch; 2-2 costs an inner break in a
        // and twice the merge prior. The 1-1 reading wins.
        assert_eq!(beads.len(), 2);
        assert!(beads.iter().all(|b| b.a().len() == 1 && b.b().len() == 1));
    }

    #[test]
    fn no_bead_joins_claims_across_boilerplate() {
        // The pair scores far better joined, but the first version has
        // boilerplate between its two claims.
        let score = |x: Range<usize>, y: Range<usize>| {
            if x.len() == 2 && y.len() == 1 {
                20.0
            } else {
                -1.0
            }
        };
        let joinable = align(
            &[Break::Paragraph, Break::Paragraph],
            &[Break::Paragraph],
            &COSTS,
            score,
        );
        assert_eq!(joinable.len(), 1);
        let apart = align(
            &[Break::Hard, Break::Paragraph],
            &[Break::Paragraph],
            &COSTS,
            score,
        );
        assert_eq!(apart.len(), 2);
    }

    /// A bead in order of the program.
    fn bead(a: Range<usize>, b: Range<usize>, llr: f64) -> Bead {
        Bead::new(a, b, llr, false)
    }

    #[test]
    fn moved_claims_are_paired_after_the_program() {
        let mut beads = vec![
            bead(0..1, 0..0, 0.0),
            bead(1..2, 0..1, 5.0),
            bead(2..2, 1..2, 0.0),
        ];
        pair_moved(&mut beads, &[(0, 1)], 4.0, |_, _| 6.0);
        assert_eq!(beads.len(), 2);
        assert!(
            beads
                .iter()
                .any(|b| b.a() == (0..1) && b.b() == (1..2) && b.moved)
        );
        // Too weak a pair stays two gaps.
        let mut weak = vec![bead(0..1, 0..0, 0.0), bead(1..1, 0..1, 0.0)];
        pair_moved(&mut weak, &[(0, 0)], 4.0, |_, _| 1.0);
        assert_eq!(weak.len(), 2);
    }

    #[test]
    fn huge_inputs_use_a_band() {
        let band = Band::new(5000, 5000);
        assert!(band.len() < 5001 * (2 * BAND + 2));
        assert!(band.at(2500, 2500).is_some());
        assert!(band.at(0, 4000).is_none());
        assert!(band.at(5000, 5000).is_some());
    }
}
