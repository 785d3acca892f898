//! The side-by-side grid of a story: the versions as columns, the aligned
//! claims as rows. Every byte of every version lies in exactly one cell (the
//! text between claims, boilerplate mostly, gets rows of its own), so no
//! evidence can fall outside the page. Each version's text is cut into
//! pieces at every cell and note boundary; a piece knows the notes
//! (evidence spans, foreign spans, boilerplate) that cover it.

use std::ops::Range;

use crate::span::Span;
use crate::story::Story;

/// The story's aligned claims: per group of claims that report the same
/// thing, each member's version and span. The only place the page reads the
/// alignment, so a new aligner changes this function alone.
fn aligned_claims(story: &Story) -> Vec<Vec<(usize, Span)>> {
    let a = &story.alignment;
    a.groups
        .iter()
        .map(|g| {
            g.members
                .iter()
                .map(|m| (m.doc, a.member_span(m)))
                .collect()
        })
        .collect()
}

/// What a row holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowKind {
    /// A claim found in two or more versions.
    Aligned,
    /// A claim of one version only.
    Single,
    /// Text between claims (boilerplate, headings, leftovers).
    Between,
}

/// One row: for each version, the pieces of its cell.
#[derive(Clone, Debug)]
pub struct Row {
    /// Per version (story order), its pieces, if it has a cell here.
    pub cells: Vec<Option<Range<usize>>>,
    /// What the row holds.
    pub kind: RowKind,
}

/// A note on a span of a version.
#[derive(Clone, Debug, PartialEq)]
pub enum Note {
    /// Evidence `evidence` of finding `finding` (indices in the report).
    Evidence {
        /// Finding index.
        finding: usize,
        /// Evidence index within the finding.
        evidence: usize,
    },
    /// Text in another language.
    Foreign(String),
    /// Not part of the story.
    Boilerplate(&'static str),
}

/// A stretch of one version's text with the same notes.
#[derive(Clone, Debug, Default)]
pub struct Piece {
    /// Its bytes.
    pub span: Span,
    /// The notes covering it (indices into the version's notes).
    pub notes: Vec<usize>,
    /// Evidence notes that start here, empty ones included (they are
    /// anchors to jump to).
    pub starts: Vec<usize>,
}

/// The grid of a story.
#[derive(Clone, Debug)]
pub struct Grid {
    /// Rows in reading order.
    pub rows: Vec<Row>,
    /// Per version, its pieces in text order.
    pub pieces: Vec<Vec<Piece>>,
    /// Per version, its notes.
    pub notes: Vec<Vec<(Span, Note)>>,
}

/// Cells as spans, before the text is cut into pieces.
struct RawRow {
    cells: Vec<Option<Span>>,
    kind: RowKind,
}

impl Grid {
    /// Lays out a story; `notes` holds each version's notes (same order as
    /// the story's documents).
    pub fn new(story: &Story, notes: Vec<Vec<(Span, Note)>>) -> Grid {
        let n = story.docs.len();
        let mut rows: Vec<RawRow> = aligned_claims(story)
            .into_iter()
            .map(|members| {
                let mut cells = vec![None; n];
                for (doc, span) in &members {
                    if let Some(cell) = cells.get_mut(*doc) {
                        *cell = Some(*span);
                    }
                }
                RawRow {
                    kind: if members.len() > 1 {
                        RowKind::Aligned
                    } else {
                        RowKind::Single
                    },
                    cells,
                }
            })
            .collect();
        for (d, doc) in story.docs.iter().enumerate() {
            tile(&doc.text, d, n, &mut rows);
        }
        rows.retain(|r| r.cells.iter().any(Option::is_some));
        let rows = merge_between(order(rows, lead(story, n)));
        let pieces: Vec<Vec<Piece>> = story
            .docs
            .iter()
            .enumerate()
            .map(|(d, doc)| cut(doc.text.len(), &rows, d, &notes[d]))
            .collect();
        let rows = rows
            .into_iter()
            .map(|r| Row {
                cells: r
                    .cells
                    .iter()
                    .enumerate()
                    .map(|(d, c)| c.map(|span| range_of(&pieces[d], span)))
                    .collect(),
                kind: r.kind,
            })
            .collect();
        Grid {
            rows,
            pieces,
            notes,
        }
    }
}

/// The version whose order the rows follow: the reference, else the one in
/// the most aligned rows (the first of equals).
fn lead(story: &Story, n: usize) -> usize {
    if let Some(r) = story.reference {
        return r;
    }
    let mut counts = vec![0usize; n];
    for members in aligned_claims(story) {
        if members.len() > 1 {
            for (d, _) in members {
                if let Some(c) = counts.get_mut(d) {
                    *c += 1;
                }
            }
        }
    }
    (0..n)
        .max_by_key(|&d| (counts[d], std::cmp::Reverse(d)))
        .unwrap_or(0)
}

/// Makes version `d`'s cells tile its text: overlapping cells are clipped,
/// white space between cells joins the cell before it, and other text
/// between cells becomes a [`RowKind::Between`] row.
fn tile(text: &str, d: usize, n: usize, rows: &mut Vec<RawRow>) {
    let mut cells: Vec<(Span, usize)> = rows
        .iter()
        .enumerate()
        .filter_map(|(r, row)| row.cells[d].map(|s| (s, r)))
        .collect();
    cells.sort();
    let mut between = Vec::new();
    let mut cursor = 0;
    let mut previous: Option<usize> = None;
    let close_gap = |rows: &mut Vec<RawRow>,
                     between: &mut Vec<Span>,
                     previous: Option<usize>,
                     gap: Span|
     -> bool {
        if gap.is_empty() {
            return false;
        }
        if gap.slice(text).trim().is_empty() {
            if let Some(p) = previous {
                if let Some(span) = rows[p].cells[d].as_mut() {
                    span.end = gap.end;
                }
                return false;
            }
            // Leading white space joins the first cell.
            return true;
        }
        between.push(gap);
        false
    };
    for (span, r) in cells {
        let start = span.start.max(cursor).min(text.len());
        let end = span.end.min(text.len());
        if end <= start {
            rows[r].cells[d] = None;
            continue;
        }
        let lead_in = close_gap(rows, &mut between, previous, Span::new(cursor, start));
        rows[r].cells[d] = Some(Span::new(if lead_in { cursor } else { start }, end));
        cursor = end;
        previous = Some(r);
    }
    if close_gap(rows, &mut between, previous, Span::new(cursor, text.len())) {
        // White space only, and no cell: keep it so the version has a cell.
        between.push(Span::new(cursor, text.len()));
    }
    for gap in between {
        let mut cells = vec![None; n];
        cells[d] = Some(gap);
        rows.push(RawRow {
            cells,
            kind: RowKind::Between,
        });
    }
}

/// Reading order: the lead version's rows by its text order; every other
/// row right after the last lead row that comes before it in its first
/// version's text.
fn order(rows: Vec<RawRow>, lead: usize) -> Vec<(i64, RawRow)> {
    let mut lead_rows: Vec<(usize, usize)> = rows
        .iter()
        .enumerate()
        .filter_map(|(r, row)| row.cells.get(lead).copied().flatten().map(|s| (s.start, r)))
        .collect();
    lead_rows.sort();
    let mut rank = vec![None; rows.len()];
    for (i, &(_, r)) in lead_rows.iter().enumerate() {
        rank[r] = Some(i as i64);
    }
    // Per version: the lead rows' starts in it, sorted, with the highest
    // rank at or before each.
    let n = rows.first().map_or(0, |r| r.cells.len());
    let mut before: Vec<Vec<(usize, i64)>> = vec![Vec::new(); n];
    for (r, row) in rows.iter().enumerate() {
        if let Some(k) = rank[r] {
            for (d, cell) in row.cells.iter().enumerate() {
                if let Some(s) = cell {
                    before[d].push((s.start, k));
                }
            }
        }
    }
    for list in &mut before {
        list.sort();
        let mut best = -1;
        for entry in list.iter_mut() {
            best = best.max(entry.1);
            entry.1 = best;
        }
    }
    let mut keyed: Vec<((i64, u8, usize, usize), RawRow)> = rows
        .into_iter()
        .enumerate()
        .map(|(r, row)| {
            let first = row
                .cells
                .iter()
                .enumerate()
                .find_map(|(d, c)| c.map(|s| (d, s.start)))
                .unwrap_or((0, 0));
            let key = match rank[r] {
                Some(k) => (k, 0, lead, first.1),
                None => {
                    let list = &before[first.0];
                    let at = list.partition_point(|&(s, _)| s < first.1);
                    let anchor = if at == 0 { -1 } else { list[at - 1].1 };
                    (anchor, 1, first.0, first.1)
                }
            };
            (key, row)
        })
        .collect();
    keyed.sort_by_key(|(key, _)| *key);
    keyed
        .into_iter()
        .map(|(key, row)| (if key.1 == 0 { i64::MIN } else { key.0 }, row))
        .collect()
}

/// Puts the text between claims of several versions that sits at the same
/// place side by side in one row.
fn merge_between(rows: Vec<(i64, RawRow)>) -> Vec<RawRow> {
    let mut out: Vec<(i64, RawRow)> = Vec::with_capacity(rows.len());
    for (anchor, row) in rows {
        if let Some((last_anchor, last)) = out.last_mut() {
            let fits = row.kind == RowKind::Between
                && last.kind == RowKind::Between
                && *last_anchor == anchor
                && anchor != i64::MIN
                && row
                    .cells
                    .iter()
                    .zip(&last.cells)
                    .all(|(a, b)| a.is_none() || b.is_none());
            if fits {
                for (a, b) in row.cells.into_iter().zip(last.cells.iter_mut()) {
                    if a.is_some() {
                        *b = a;
                    }
                }
                continue;
            }
        }
        out.push((anchor, row));
    }
    out.into_iter().map(|(_, r)| r).collect()
}

/// Cuts version `d`'s text (`len` bytes) into pieces at every cell and note
/// boundary.
fn cut(len: usize, rows: &[RawRow], d: usize, notes: &[(Span, Note)]) -> Vec<Piece> {
    let mut bounds: Vec<usize> = vec![0, len];
    for row in rows {
        if let Some(s) = row.cells[d] {
            bounds.extend([s.start, s.end]);
        }
    }
    for (s, _) in notes {
        bounds.extend([s.start.min(len), s.end.min(len)]);
    }
    bounds.sort_unstable();
    bounds.dedup();
    let mut pieces: Vec<Piece> = bounds
        .windows(2)
        .map(|w| Piece {
            span: Span::new(w[0], w[1]),
            ..Piece::default()
        })
        .collect();
    if pieces.is_empty() {
        pieces.push(Piece::default());
    }
    let mut by_start: Vec<usize> = (0..notes.len()).collect();
    by_start.sort_by_key(|&i| (notes[i].0.start, notes[i].0.end));
    let mut next = 0;
    let mut active: Vec<usize> = Vec::new();
    for piece in &mut pieces {
        while next < by_start.len() && notes[by_start[next]].0.start <= piece.span.start {
            active.push(by_start[next]);
            next += 1;
        }
        active.retain(|&i| notes[i].0.end > piece.span.start);
        piece.notes = active
            .iter()
            .copied()
            .filter(|&i| !notes[i].0.is_empty())
            .collect();
        piece.notes.sort_unstable();
    }
    // Anchors: each evidence note at the piece it starts (an empty span at
    // the end of the text: the last piece).
    for (i, (s, note)) in notes.iter().enumerate() {
        if matches!(note, Note::Evidence { .. }) {
            let at = pieces
                .partition_point(|p| p.span.start <= s.start.min(len))
                .saturating_sub(1);
            pieces[at].starts.push(i);
        }
    }
    pieces
}

/// The pieces a cell covers.
fn range_of(pieces: &[Piece], span: Span) -> Range<usize> {
    let from = pieces.partition_point(|p| p.span.start < span.start);
    let to = pieces.partition_point(|p| p.span.end <= span.end);
    from..to.max(from)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::RawDocument;
    use crate::lexicon::Lexicons;
    use crate::story::StoryOptions;

    fn story(texts: &[(&str, &str)]) -> Story {
        let raws = texts
            .iter()
            .map(|(id, text)| RawDocument {
                id: id.to_string(),
                text: text.to_string(),
                ..Default::default()
            })
            .collect();
        Story::build(raws, &StoryOptions::default(), &Lexicons::embedded()).unwrap()
    }

    #[test]
    fn cells_tile_every_version_in_reading_order() {
        let s = story(&[
            (
                "a",
                "The port reopened on Monday after a strike of nine days.\n\
                 Dock workers won a raise of 4 percent.\n\
                 Photo: Harbour Press\n\
                 Ships waited outside the harbour for a week.",
            ),
            (
                "b",
                "The port reopened on Monday after a strike of nine days.\n\
                 A union leader thanked the residents for their patience.\n\
                 Dock workers won a raise of 4 percent.\n\
                 Ships waited outside the harbour for a week.",
            ),
        ]);
        let grid = Grid::new(&s, vec![Vec::new(), Vec::new()]);
        for (d, doc) in s.docs.iter().enumerate() {
            // The pieces cover the text exactly, and each piece is in one cell.
            let pieces = &grid.pieces[d];
            assert_eq!(pieces[0].span.start, 0);
            assert_eq!(pieces.last().unwrap().span.end, doc.text.len());
            assert!(pieces.windows(2).all(|w| w[0].span.end == w[1].span.start));
            let mut covered: Vec<usize> = grid
                .rows
                .iter()
                .filter_map(|r| r.cells[d].clone())
                .flatten()
                .collect();
            let in_order = covered.windows(2).all(|w| w[0] < w[1]);
            assert!(
                in_order,
                "version {d}'s cells follow its text down the rows"
            );
            covered.dedup();
            assert_eq!(covered, (0..pieces.len()).collect::<Vec<_>>());
        }
        // The claim only b has sits between the claims around it, alone.
        let text = |r: &Row, d: usize| -> String {
            r.cells[d].clone().map_or(String::new(), |range| {
                grid.pieces[d][range]
                    .iter()
                    .map(|p| s.docs[d].slice(p.span))
                    .collect()
            })
        };
        let union = grid
            .rows
            .iter()
            .position(|r| text(r, 1).contains("union leader"))
            .unwrap();
        assert_eq!(grid.rows[union].kind, RowKind::Single);
        assert!(text(&grid.rows[union - 1], 1).contains("reopened"));
        assert!(text(&grid.rows[union + 1], 1).contains("Dock workers"));
        let raise = &grid.rows[union + 1];
        assert_eq!(raise.kind, RowKind::Aligned);
        assert!(text(raise, 0).contains("Dock workers"));
    }
}
