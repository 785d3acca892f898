//! The small line formats lexicon files share.

use crate::error::Error;

/// One meaningful line of a lexicon file.
#[derive(Clone, Copy, Debug)]
pub struct Entry<'a> {
    /// 1-based line number.
    pub line: usize,
    /// The line without its comment and surrounding white space.
    pub text: &'a str,
}

impl Entry<'_> {
    /// A parse error at this line.
    pub fn error(&self, file: &str, reason: &str) -> Error {
        Error::Lexicon {
            file: file.to_string(),
            line: self.line,
            reason: reason.to_string(),
        }
    }
}

/// A `label: item | item` line.
#[derive(Clone, Debug)]
pub struct Labeled<'a> {
    /// 1-based line number.
    pub line: usize,
    /// The text before the first `:`.
    pub label: &'a str,
    /// The `|`-separated items after it, trimmed, empty ones dropped.
    pub items: Vec<&'a str>,
}

impl Labeled<'_> {
    /// A parse error at this line.
    pub fn error(&self, file: &str, reason: &str) -> Error {
        Error::Lexicon {
            file: file.to_string(),
            line: self.line,
            reason: reason.to_string(),
        }
    }
}

/// Non-empty lines with comments removed. A `#` starts a comment only at the
/// start of a line or after white space, so patterns may contain `#`.
pub fn entries(text: &str) -> impl Iterator<Item = Entry<'_>> {
    text.lines().enumerate().filter_map(|(i, line)| {
        let line = strip_comment(line).trim();
        (!line.is_empty()).then_some(Entry {
            line: i + 1,
            text: line,
        })
    })
}

fn strip_comment(line: &str) -> &str {
    if line.trim_start().starts_with('#') {
        return "";
    }
    match line.find(" #") {
        Some(i) => &line[..i],
        None => line,
    }
}

/// Every white-space separated word of every entry.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    entries(text).flat_map(|e| e.text.split_whitespace())
}

/// Entries of the form `label: a | b | c`. A line without `:` is skipped by
/// nobody: it is returned with an empty label so the caller can reject it.
pub fn labeled(text: &str) -> impl Iterator<Item = Labeled<'_>> {
    entries(text).map(|e| {
        let (label, rest) = e.text.split_once(':').unwrap_or(("", e.text));
        Labeled {
            line: e.line,
            label: label.trim(),
            items: rest
                .split('|')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect(),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_labels() {
        let text = "# header\n\n12: december | dec. | dec # note\nfoo#bar\n";
        let items: Vec<_> = labeled(text).collect();
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].label, "12");
        assert_eq!(items[0].items, vec!["december", "dec.", "dec"]);
        assert_eq!(items[0].line, 3);
        assert_eq!(entries(text).nth(1).unwrap().text, "foo#bar");
    }
}
