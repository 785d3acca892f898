//! Byte spans into a document's UTF-8 text. Every stage of driftcheck keeps
//! these, so evidence can always be cited as the exact original bytes.

use serde::Serialize;

/// A half-open byte range `start..end` into a document's text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// Length in bytes.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no byte.
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The text this span covers.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }

    /// True when the two spans share at least one byte.
    pub const fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies entirely within this span.
    pub const fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: &Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// This span shifted right by `offset` bytes (from a sub-slice to its parent).
    pub const fn shift(&self, offset: usize) -> Span {
        Span::new(self.start + offset, self.end + offset)
    }

    /// The span without leading and trailing white space.
    pub fn trim(&self, text: &str) -> Span {
        let s = self.slice(text);
        let lead = s.len() - s.trim_start().len();
        let trimmed = s.trim();
        Span::new(self.start + lead, self.start + lead + trimmed.len())
    }
}

/// Where lines start in a text, and how many characters precede every
/// [`LineIndex::CHECKPOINT`]-th byte: line and column of any offset then
/// cost a binary search and a count of at most that many bytes, so citing
/// many spans of a huge document (or of one huge line) stays linear.
#[derive(Clone, Debug, Default)]
pub struct LineIndex {
    /// Byte offsets of line starts (`u32`, as [`crate::document::Word`]'s).
    line_starts: Vec<u32>,
    /// (byte offset on a char boundary, characters before it), ascending.
    checkpoints: Vec<(usize, usize)>,
}

impl LineIndex {
    /// Bytes between two character-count checkpoints.
    pub const CHECKPOINT: usize = 4096;

    /// Indexes a text.
    pub fn new(text: &str) -> LineIndex {
        let offset = |x: usize| u32::try_from(x).expect("a document shorter than 4 GiB");
        let mut line_starts = vec![0];
        line_starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| offset(i + 1)),
        );
        line_starts.shrink_to_fit();
        let mut checkpoints = vec![(0, 0)];
        let mut next = Self::CHECKPOINT;
        for (chars, (i, _)) in text.char_indices().enumerate() {
            if i >= next {
                checkpoints.push((i, chars));
                next = i + Self::CHECKPOINT;
            }
        }
        LineIndex {
            line_starts,
            checkpoints,
        }
    }

    /// 1-based line and column (in characters) of a byte offset of the
    /// indexed text, for humans. Offsets past the end or inside a character
    /// count as the nearest boundary before them.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self
            .line_starts
            .partition_point(|&s| s as usize <= offset)
            .max(1);
        let start = (self.line_starts[line - 1] as usize).min(offset);
        let col = self.chars_before(text, offset) - self.chars_before(text, start) + 1;
        (line, col)
    }

    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let i = self
            .checkpoints
            .partition_point(|&(b, _)| b <= offset)
            .saturating_sub(1);
        let (at, before) = self.checkpoints.get(i).copied().unwrap_or((0, 0));
        before + text[at..offset].chars().count()
    }
}

/// The items (sorted by start offset) that overlap `span`: those starting
/// inside it, and up to `lookback` of those starting before it (a quote may
/// open a sentence earlier than the claim it covers).
pub fn overlapping<T>(
    items: &[T],
    span: Span,
    lookback: usize,
    span_of: impl Fn(&T) -> Span,
) -> impl Iterator<Item = &T> {
    let lo = items.partition_point(|t| span_of(t).start < span.start);
    let hi = items
        .partition_point(|t| span_of(t).start < span.end)
        .max(lo);
    items[lo.saturating_sub(lookback)..hi]
        .iter()
        .filter(move |t| span_of(t).overlaps(&span))
}

/// The items (sorted by start offset) that start inside `span`, found by
/// binary search: checks look up the facts of a claim this way, so a huge
/// document with many claims and facts is not scanned once per claim.
pub fn starting_in<T>(items: &[T], span: Span, start_of: impl Fn(&T) -> usize) -> &[T] {
    let lo = items.partition_point(|t| start_of(t) < span.start);
    let hi = items.partition_point(|t| start_of(t) < span.end).max(lo);
    &items[lo..hi]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trim_keeps_offsets() {
        let text = "ab  cd  ";
        let s = Span::new(2, 8).trim(text);
        assert_eq!(s, Span::new(4, 6));
        assert_eq!(s.slice(text), "cd");
    }

    #[test]
    fn line_col_counts_characters() {
        let text = "ä\nbé c";
        let index = LineIndex::new(text);
        assert_eq!(index.line_col(text, 0), (1, 1));
        assert_eq!(index.line_col(text, 3), (2, 1));
        let c = text.find('c').unwrap();
        assert_eq!(index.line_col(text, c), (2, 4));
        assert_eq!(index.line_col(text, 1), (1, 1), "inside ä");
        assert_eq!(index.line_col(text, 99), (2, 5));
    }

    #[test]
    fn line_col_agrees_with_counting_across_checkpoints() {
        let text = "жж\n".repeat(3000) + &"é".repeat(10_000);
        let index = LineIndex::new(&text);
        for offset in (0..text.len())
            .step_by(997)
            .filter(|&o| text.is_char_boundary(o))
        {
            let before = &text[..offset];
            let line = before.matches('\n').count() + 1;
            let col = before[before.rfind('\n').map_or(0, |i| i + 1)..]
                .chars()
                .count()
                + 1;
            assert_eq!(index.line_col(&text, offset), (line, col), "{offset}");
        }
    }
}
