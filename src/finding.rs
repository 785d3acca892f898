//! Findings: what driftcheck reports, with evidence cited as exact bytes.

use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::document::Document;
use crate::span::Span;

/// The kinds of finding (SPEC.md). Their order here is the report order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A span in another language than its document.
    UntranslatedSpan,
    /// A source-language convention showing through.
    Calque,
    /// One entity spelled differently.
    NameVariant,
    /// The same fact with another number.
    NumericDrift,
    /// The same event with another date.
    DateDrift,
    /// A claim negated in one version.
    PolarityDrift,
    /// A statement credited to another speaker.
    AttributionDrift,
    /// A person given another gender.
    PronounDrift,
    /// A quote worded differently, or found in one version only.
    QuoteDrift,
    /// A claim found in one version only.
    Addition,
    /// A claim missing from one version.
    Omission,
}

/// Every kind, in report order.
pub const KINDS: [Kind; 11] = [
    Kind::UntranslatedSpan,
    Kind::Calque,
    Kind::NameVariant,
    Kind::NumericDrift,
    Kind::DateDrift,
    Kind::PolarityDrift,
    Kind::AttributionDrift,
    Kind::PronounDrift,
    Kind::QuoteDrift,
    Kind::Addition,
    Kind::Omission,
];

impl Kind {
    /// The name used in reports (`untranslated_span`).
    pub fn name(self) -> &'static str {
        match self {
            Kind::UntranslatedSpan => "untranslated_span",
            Kind::Calque => "calque",
            Kind::NameVariant => "name_variant",
            Kind::NumericDrift => "numeric_drift",
            Kind::DateDrift => "date_drift",
            Kind::PolarityDrift => "polarity_drift",
            Kind::AttributionDrift => "attribution_drift",
            Kind::PronounDrift => "pronoun_drift",
            Kind::QuoteDrift => "quote_drift",
            Kind::Addition => "addition",
            Kind::Omission => "omission",
        }
    }

    /// The kind of a report name.
    pub fn from_name(name: &str) -> Option<Kind> {
        KINDS.iter().copied().find(|k| k.name() == name)
    }
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// How much a finding matters. Ordered: `Info < Warning < Error`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Worth a look.
    Info,
    /// Probably wrong; a person should decide.
    Warning,
    /// The meaning changed.
    Error,
}

impl Severity {
    /// The name used in reports.
    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Text shared by reference count, read as a `str`: a span of a document's
/// shared text (evidence cites it without copying it), or a whole string
/// that many findings may share (a message), or text read back from a
/// report. A long document has hundreds of thousands of findings.
#[derive(Clone)]
pub struct SharedStr {
    /// The whole text this is part of.
    source: Arc<str>,
    /// First byte in `source` (`u32`, as [`crate::document::Word`]).
    start: u32,
    /// One past the last byte.
    end: u32,
}

impl SharedStr {
    /// A span of a shared text (which must lie on character boundaries).
    pub fn of(source: &Arc<str>, span: Span) -> SharedStr {
        let offset = |x: usize| u32::try_from(x).expect("a document shorter than 4 GiB");
        assert!(source.is_char_boundary(span.start) && source.is_char_boundary(span.end));
        SharedStr {
            source: Arc::clone(source),
            start: offset(span.start),
            end: offset(span.end),
        }
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.source[self.start as usize..self.end as usize]
    }
}

impl From<&String> for SharedStr {
    fn from(text: &String) -> SharedStr {
        SharedStr::from(text.as_str())
    }
}

impl From<&SharedStr> for SharedStr {
    fn from(text: &SharedStr) -> SharedStr {
        text.clone()
    }
}

impl PartialOrd for SharedStr {
    fn partial_cmp(&self, other: &SharedStr) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for SharedStr {
    fn cmp(&self, other: &SharedStr) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl std::hash::Hash for SharedStr {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl From<&str> for SharedStr {
    fn from(text: &str) -> SharedStr {
        SharedStr::from(text.to_string())
    }
}

impl From<String> for SharedStr {
    fn from(text: String) -> SharedStr {
        let end = u32::try_from(text.len()).expect("an excerpt shorter than 4 GiB");
        SharedStr {
            source: text.into(),
            start: 0,
            end,
        }
    }
}

impl std::ops::Deref for SharedStr {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for SharedStr {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for SharedStr {
    fn eq(&self, other: &SharedStr) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for SharedStr {}

impl PartialEq<str> for SharedStr {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for SharedStr {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl std::fmt::Debug for SharedStr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for SharedStr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for SharedStr {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for SharedStr {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<SharedStr, D::Error> {
        String::deserialize(deserializer).map(SharedStr::from)
    }
}

/// One cited span of one document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// Document id.
    pub doc: String,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Exactly `text[start..end]` of the document.
    pub text: SharedStr,
    /// 1-based line of `start` (for people; not in the JSON report; `u32`,
    /// as a long document's findings are many).
    #[serde(skip)]
    pub line: u32,
    /// 1-based column of `start`, in characters.
    #[serde(skip)]
    pub column: u32,
}

impl Evidence {
    /// Cites a span of a document.
    pub fn new(doc: &Document, span: Span) -> Evidence {
        let (line, column) = doc.lines.line_col(&doc.text, span.start);
        let small = |x: usize| u32::try_from(x).expect("a document shorter than 4 GiB");
        let (line, column) = (small(line), small(column));
        Evidence {
            doc: doc.id.clone(),
            start: span.start,
            end: span.end,
            text: SharedStr::of(&doc.text, span),
            line,
            column,
        }
    }

    /// The cited span.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// One problem found, with evidence in every version it involves.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// What kind of drift.
    pub kind: Kind,
    /// How much it matters.
    pub severity: Severity,
    /// A sentence a person can act on.
    pub message: SharedStr,
    /// The cited spans; at least one.
    pub evidence: Vec<Evidence>,
    /// The rule that fired, for kinds with several rules (boxed strings:
    /// a long document has hundreds of thousands of findings, most
    /// without either).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<Box<str>>,
    /// The story a feed finding belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub story: Option<Box<str>>,
}

impl Finding {
    /// A finding without rule or story.
    pub fn new(
        kind: Kind,
        severity: Severity,
        message: impl Into<SharedStr>,
        evidence: Vec<Evidence>,
    ) -> Self {
        // (A `String` becomes an exact `Arc<str>`: no room to spare.)
        Finding {
            kind,
            severity,
            message: message.into(),
            evidence,
            rule: None,
            story: None,
        }
    }

    /// The same finding with a rule name.
    pub fn with_rule(mut self, rule: impl Into<String>) -> Self {
        self.rule = Some(rule.into().into_boxed_str());
        self
    }
}

/// Sorts findings into the documented report order: kind (SPEC order), then
/// severity (errors first), then evidence position (document order, then
/// offset), then message. `doc_order` maps a document id to its position.
pub fn sort(findings: &mut [Finding], doc_order: impl Fn(&str) -> usize) {
    // Compared in place: a key per finding would copy every message (a
    // long document has hundreds of thousands of findings).

    // Their indices are sorted (stably), then the findings moved into that
    // order: a stable sort of the findings themselves takes a buffer of
    // half of them or more.
    let key = |e: &Evidence| (doc_order(&e.doc), e.start, e.end);
    let mut order: Vec<u32> = (0..findings.len() as u32).collect();
    order.sort_by(|&a, &b| {
        let (a, b) = (&findings[a as usize], &findings[b as usize]);
        (a.kind, std::cmp::Reverse(a.severity))
            .cmp(&(b.kind, std::cmp::Reverse(b.severity)))
            .then_with(|| a.evidence.iter().map(key).cmp(b.evidence.iter().map(key)))
            .then_with(|| a.message.cmp(&b.message))
    });
    permute(findings, &mut order);
}

/// Puts `items` in `order` (item `k` becomes the one at `order[k]`), cycle
/// by cycle; `order` is consumed (each entry ends as its own index).
fn permute<T>(items: &mut [T], order: &mut [u32]) {
    for start in 0..items.len() {
        let mut k = start;
        loop {
            let next = order[k] as usize;
            order[k] = k as u32;
            if next == start || next == k {
                break;
            }
            items.swap(k, next);
            k = next;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::permute;

    #[test]
    fn permute_puts_items_in_the_given_order() {
        let mut items = vec!['a', 'b', 'c', 'd', 'e', 'f'];
        // Two cycles and a fixed point.
        let mut order = vec![2, 0, 1, 3, 5, 4];
        permute(&mut items, &mut order);
        assert_eq!(items, vec!['c', 'a', 'b', 'd', 'f', 'e']);
        let mut none: Vec<char> = Vec::new();
        permute(&mut none, &mut []);
        assert!(none.is_empty());
    }
}
