//! Where a document and a span of it are, for the formats that point into
//! files (SARIF, GitHub annotations, JUnit).

use crate::finding::Evidence;

/// Where a document came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin<'a> {
    /// A file, by the path the user gave.
    File(&'a str),
    /// Standard input.
    Stdin,
    /// A line of a JSONL feed.
    FeedLine {
        /// The feed's path (or `stdin`).
        feed: &'a str,
        /// The 1-based line.
        line: usize,
    },
}

impl<'a> Origin<'a> {
    /// The origin of a document's path; in a feed, paths are
    /// `<feed>:<line>` (see [`crate::feed::line`]).
    pub fn of(path: &'a str, feed: Option<&'a str>) -> Origin<'a> {
        if let Some(feed) = feed {
            let line = path
                .strip_prefix(feed)
                .and_then(|rest| rest.strip_prefix(':'))
                .and_then(|n| n.parse().ok());
            if let Some(line) = line {
                return Origin::FeedLine { feed, line };
            }
        }
        if path == "-" {
            Origin::Stdin
        } else {
            Origin::File(path)
        }
    }
}

/// 1-based line and column (in characters) one past the end of an evidence
/// span, worked out from its start and its text.
pub fn end_line_col(e: &Evidence) -> (usize, usize) {
    let (line, column) = (e.line as usize, e.column as usize);
    match e.text.rfind('\n') {
        Some(last) => (
            line + e.text.matches('\n').count(),
            e.text[last + 1..].chars().count() + 1,
        ),
        None => (line, column + e.text.chars().count()),
    }
}

/// A file path as a URI reference (RFC 3986): relative paths stay
/// relative, absolute ones become `file://` URIs; every byte outside the
/// unreserved set and `/` is percent-encoded, so spaces, `#`, `?` and `%`
/// in names survive.
pub fn path_uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut uri = String::with_capacity(path.len() + 8);
    if path.starts_with('/') {
        uri.push_str("file://");
    }
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            uri.push(b as char);
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri
}

#[cfg(test)]
mod tests {
    use super::*;

    fn evidence(text: &str, line: u32, column: u32) -> Evidence {
        Evidence {
            doc: "d".into(),
            start: 0,
            end: text.len(),
            text: text.into(),
            line,
            column,
        }
    }

    #[test]
    fn end_positions_count_characters_and_lines() {
        assert_eq!(end_line_col(&evidence("née", 3, 5)), (3, 8));
        assert_eq!(end_line_col(&evidence("ab\ncdé", 3, 5)), (4, 4));
        assert_eq!(end_line_col(&evidence("", 2, 1)), (2, 1));
    }

    #[test]
    fn origins() {
        assert_eq!(
            Origin::of("in.jsonl:12", Some("in.jsonl")),
            Origin::FeedLine {
                feed: "in.jsonl",
                line: 12
            }
        );
        assert_eq!(Origin::of("a/b.txt", None), Origin::File("a/b.txt"));
        assert_eq!(Origin::of("-", None), Origin::Stdin);
    }

    #[test]
    fn uris_are_percent_encoded() {
        assert_eq!(path_uri("dir/a b#1.txt"), "dir/a%20b%231.txt");
        assert_eq!(path_uri("/tmp/x.txt"), "file:///tmp/x.txt");
        assert_eq!(path_uri("ü.txt"), "%C3%BC.txt");
    }
}
