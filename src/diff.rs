//! Word-level differences between two wordings, for messages people read.

use crate::text::fold;

/// One step of a word diff.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit<'a> {
    /// Words both wordings have.
    Same(Vec<&'a str>),
    /// Words only the first wording has, replaced by words only the second has
    /// (either side may be empty).
    Changed(Vec<&'a str>, Vec<&'a str>),
}

/// The word diff of two token lists (longest common subsequence; words are
/// compared case- and accent-insensitively).
pub fn word_diff<'a>(a: &[&'a str], b: &[&'a str]) -> Vec<Edit<'a>> {
    let ka: Vec<String> = a.iter().map(|w| fold(w)).collect();
    let kb: Vec<String> = b.iter().map(|w| fold(w)).collect();
    let (n, m) = (a.len(), b.len());
    // lcs[i][j]: common subsequence length of a[i..] and b[j..].
    let mut lcs = vec![0u32; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[at(i, j)] = if ka[i] == kb[j] {
                lcs[at(i + 1, j + 1)] + 1
            } else {
                lcs[at(i + 1, j)].max(lcs[at(i, j + 1)])
            };
        }
    }
    let mut out: Vec<Edit<'a>> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && ka[i] == kb[j] {
            match out.last_mut() {
                Some(Edit::Same(words)) => words.push(a[i]),
                _ => out.push(Edit::Same(vec![a[i]])),
            }
            i += 1;
            j += 1;
            continue;
        }
        let take_a = j >= m || i < n && lcs[at(i + 1, j)] >= lcs[at(i, j + 1)];
        if !matches!(out.last(), Some(Edit::Changed(..))) {
            out.push(Edit::Changed(Vec::new(), Vec::new()));
        }
        if let Some(Edit::Changed(old, new)) = out.last_mut() {
            if take_a {
                old.push(a[i]);
                i += 1;
            } else {
                new.push(b[j]);
                j += 1;
            }
        }
    }
    out
}

/// Share of words the two wordings have in common, 0.0 to 1.0 (Dice).
pub fn overlap(edits: &[Edit<'_>], a_len: usize, b_len: usize) -> f64 {
    let same: usize = edits
        .iter()
        .map(|e| match e {
            Edit::Same(w) => w.len(),
            Edit::Changed(..) => 0,
        })
        .sum();
    if a_len + b_len == 0 {
        1.0
    } else {
        2.0 * same as f64 / (a_len + b_len) as f64
    }
}

/// `"offer" → "proposal"; "have" dropped; "[dos estivadores]" added`, at most
/// `max` changes, then "and N more".
pub fn describe(edits: &[Edit<'_>], max: usize) -> String {
    let changes: Vec<String> = edits
        .iter()
        .filter_map(|e| match e {
            Edit::Changed(old, new) if new.is_empty() => {
                Some(format!("\"{}\" dropped", old.join(" ")))
            }
            Edit::Changed(old, new) if old.is_empty() => {
                Some(format!("\"{}\" added", new.join(" ")))
            }
            Edit::Changed(old, new) => {
                Some(format!("\"{}\" → \"{}\"", old.join(" "), new.join(" ")))
            }
            Edit::Same(_) => None,
        })
        .collect();
    let mut text = changes
        .iter()
        .take(max)
        .cloned()
        .collect::<Vec<_>>()
        .join("; ");
    if changes.len() > max {
        text.push_str(&format!("; and {} more", changes.len() - max));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        s.split_whitespace().collect()
    }

    #[test]
    fn replacement_drop_and_addition() {
        let a = words("the strike it has called in the north");
        let b = words("the strike it has announced in north now");
        let edits = word_diff(&a, &b);
        assert_eq!(
            describe(&edits, 5),
            "\"called\" → \"announced\"; \"the\" dropped; \"now\" added"
        );
        assert!(overlap(&edits, a.len(), b.len()) > 0.6);
    }

    #[test]
    fn case_and_accents_are_not_changes() {
        let edits = word_diff(&words("Olá Mundo"), &words("ola mundo"));
        assert_eq!(edits.len(), 1);
        assert!(matches!(&edits[0], Edit::Same(w) if w.len() == 2));
    }

    #[test]
    fn limit_changes() {
        let edits = word_diff(&words("a b c d e f"), &words("a x c y e z"));
        assert_eq!(
            describe(&edits, 2),
            "\"b\" → \"x\"; \"d\" → \"y\"; and 1 more"
        );
    }
}
