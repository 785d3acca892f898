//! Boilerplate: the parts of a page that are not the story (captions, reader
//! comments, newsletter prompts, bylines, credits, copyright lines, author
//! bios, navigation). Cues are lexicon data (`lexicons/<lang>/boilerplate.txt`)
//! matched on whole paragraphs; structure does the rest: a cue that ends the
//! story takes everything after it, a list cue takes the short lines after it,
//! and vote counts, bare links and date lines are recognised by shape.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex::Regex;
use serde::Serialize;

use super::{Paragraph, Sentence};
use crate::lexicon::Lexicons;
use crate::span::Span;

/// Why a span is boilerplate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// A photo caption or photo credit.
    Caption,
    /// Reader comments, their vote counts, comment prompts.
    Comments,
    /// Newsletter and subscription prompts.
    Newsletter,
    /// Share buttons and social prompts.
    Share,
    /// Site navigation, section labels, bare links.
    Navigation,
    /// "By X and Y".
    Byline,
    /// "Reporting by / Editing by" and similar credits.
    Credits,
    /// Copyright lines.
    Copyright,
    /// "This content was originally published by", "Source: ...".
    SourceCredit,
    /// A paragraph about the author.
    AuthorBio,
    /// "Read more", "Related" lists.
    Related,
    /// Advertising.
    Advertisement,
    /// Legal disclaimers ("The views expressed ...").
    Disclaimer,
    /// A date or time line of the page, not of the story.
    Dateline,
}

const REASONS: [(&str, Reason); 14] = [
    ("caption", Reason::Caption),
    ("comments", Reason::Comments),
    ("newsletter", Reason::Newsletter),
    ("share", Reason::Share),
    ("navigation", Reason::Navigation),
    ("byline", Reason::Byline),
    ("credits", Reason::Credits),
    ("copyright", Reason::Copyright),
    ("source_credit", Reason::SourceCredit),
    ("author_bio", Reason::AuthorBio),
    ("related", Reason::Related),
    ("advertisement", Reason::Advertisement),
    ("disclaimer", Reason::Disclaimer),
    ("dateline", Reason::Dateline),
];

impl Reason {
    /// The reason of a lexicon label.
    pub fn from_name(name: &str) -> Option<Reason> {
        REASONS.iter().find(|(n, _)| *n == name).map(|(_, r)| *r)
    }

    /// The label used in reports and lexicons.
    pub fn name(self) -> &'static str {
        REASONS
            .iter()
            .find(|(_, r)| *r == self)
            .map_or("boilerplate", |(n, _)| n)
    }

    /// Reasons after which the rest of the page is not story.
    fn ends_story(self) -> bool {
        matches!(
            self,
            Reason::Comments
                | Reason::Copyright
                | Reason::SourceCredit
                | Reason::AuthorBio
                | Reason::Disclaimer
                | Reason::Credits
        )
    }

    /// Reasons followed by a list of short lines of the same kind.
    fn starts_list(self) -> bool {
        matches!(self, Reason::Related | Reason::Navigation | Reason::Share)
    }

    /// Reasons whose cues only mark a short label line ("By Ana Costa"), since
    /// the same words open story sentences ("By the end of the year ...").
    fn label_only(self) -> bool {
        matches!(
            self,
            Reason::Byline | Reason::Dateline | Reason::Navigation | Reason::Share
        )
    }

    /// The longest paragraph (in words) a cue of this reason may mark: a
    /// cue phrase inside a long story paragraph is story, not boilerplate.
    fn max_words(self) -> usize {
        match self {
            Reason::Caption => 90,
            Reason::AuthorBio | Reason::Disclaimer | Reason::SourceCredit => 70,
            _ => 40,
        }
    }
}

/// A span that is not the story.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Boilerplate {
    /// The span.
    #[serde(flatten)]
    pub span: Span,
    /// Why.
    pub reason: Reason,
}

#[derive(Clone, Debug)]
struct Cue {
    reason: Reason,
    at_start: bool,
    at_end: bool,
}

/// Cue phrases of one or more languages, ready to match.
#[derive(Clone, Debug, Default)]
pub struct BoilerplateCues {
    patterns: Vec<String>,
    cues: Vec<Cue>,
    matcher: Option<AhoCorasick>,
}

impl BoilerplateCues {
    /// Adds a cue: a phrase, `^` to anchor it at the start of a paragraph,
    /// `$` at its end, `{n}` for any number.
    pub fn add(&mut self, cue: &str, reason: Reason) {
        let at_start = cue.starts_with('^');
        let at_end = cue.ends_with('$');
        let body = cue.trim_start_matches('^').trim_end_matches('$');
        // A cue's own punctuation stays: "foto:" is a credit line, "foto"
        // alone a word any sentence may use.
        let pattern = cue_key(&body.replace("{n}", "0"), "");
        if pattern.is_empty() {
            return;
        }
        self.patterns.push(pattern);
        self.cues.push(Cue {
            reason,
            at_start,
            at_end,
        });
    }

    /// Adds every cue of another set.
    pub fn extend(&mut self, other: &BoilerplateCues) {
        self.patterns.extend(other.patterns.iter().cloned());
        self.cues.extend(other.cues.iter().cloned());
    }

    /// Builds the matcher; call after the last [`add`](Self::add).
    pub fn build(&mut self) {
        // A DFA: every paragraph of every document goes through it, and
        // overlapping search on the default automaton was the slow part.
        self.matcher = AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(&self.patterns)
            .or_else(|_| AhoCorasick::new(&self.patterns))
            .ok();
    }

    /// How many cues the set holds.
    pub fn len(&self) -> usize {
        self.cues.len()
    }

    /// True when the set holds no cue.
    pub fn is_empty(&self) -> bool {
        self.cues.is_empty()
    }

    /// The reason of the first cue found in a paragraph's text.
    pub fn find(&self, paragraph: &str) -> Option<Reason> {
        let matcher = self.matcher.as_ref()?;
        let key = cue_key(paragraph, ".:!?…|");
        let bytes = key.as_bytes();
        let mut best: Option<(usize, Reason)> = None;
        for m in matcher.find_overlapping_iter(&key) {
            let cue = &self.cues[m.pattern().as_usize()];
            let pattern = &self.patterns[m.pattern().as_usize()];
            if cue.at_start && m.start() != 0 || cue.at_end && m.end() != key.len() {
                continue;
            }
            let word_char = |b: u8| b.is_ascii_alphanumeric() || b >= 0x80;
            let open_start = pattern.as_bytes().first().is_some_and(|&b| word_char(b));
            let open_end = pattern.as_bytes().last().is_some_and(|&b| word_char(b));
            if open_start && m.start() > 0 && word_char(bytes[m.start() - 1])
                || open_end && m.end() < bytes.len() && word_char(bytes[m.end()])
            {
                continue;
            }
            if best.is_none_or(|(start, _)| m.start() < start) {
                best = Some((m.start(), cue.reason));
            }
        }
        best.map(|(_, reason)| reason)
    }
}

/// The matching key of a paragraph or cue: folded, numbers as `0`, white
/// space collapsed, list and heading marks trimmed, and at the end white
/// space and the characters of `trailing` (a paragraph's closing
/// punctuation).
fn cue_key(s: &str, trailing: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut last_digit = false;
    let mut last_space = true;
    crate::text::fold_each(s, |c| {
        if c.is_ascii_digit() {
            if !last_digit {
                out.push('0');
            }
            last_digit = true;
            last_space = false;
            return;
        }
        last_digit = false;
        if c.is_whitespace() {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
            return;
        }
        last_space = false;
        out.push(c);
    });
    let start = out.len()
        - out
            .trim_start_matches(|c: char| c.is_whitespace() || "#*->•|–—".contains(c))
            .len();
    let end = start
        + out[start..]
            .trim_end_matches(|c: char| c.is_whitespace() || trailing.contains(c))
            .len();
    out.truncate(end);
    out.drain(..start);
    out
}

static VOTES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[-+]?\d+\s*\(\s*\+\d+\s*/\s*[-−]\d+\s*\)$").expect("regex"));
static LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:<?https?://|www\.)\S+$").expect("regex"));
static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}(?:[ ,T]+\d{1,2}(?:[:h]\d{2})?(?::\d{2})?\s*(?:[ap]\.?m\.?|h)?)?$")
        .expect("regex")
});

/// A breadcrumb trail: two to six short labels joined by one of the
/// separators sites print between them ("Home > World > Europe",
/// "Главная › В мире", "News | Sport").
static BREADCRUMB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[^.!?>›»|/]{1,40}(?:\s+(?:>|›|»|\||/)\s+[^.!?>›»|/]{1,40}){1,5}$").expect("regex")
});

fn word_count(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(crate::text::is_alphanumeric))
        .count()
}

/// True when a paragraph reads like story prose: long enough and ending a sentence.
fn is_prose(s: &str, words: usize) -> bool {
    words >= 8 && super::ends_sentence(s)
}

/// A short line with no sentence punctuation at its end (a list item, a label).
fn is_short_label(s: &str, words: usize) -> bool {
    words <= 12 && !s.trim_end().ends_with(['.', '!', '?', '"', '”'])
}

/// Marks each paragraph that is not story text with its reason.
pub(crate) fn classify(
    text: &str,
    paragraphs: &mut [Paragraph],
    _sentences: &[Sentence],
    lexicons: &Lexicons,
) {
    let cues = lexicons.boilerplate_cues();
    // Word counts of the paragraphs, for every rule below.
    let counts: Vec<usize> = paragraphs
        .iter()
        .map(|p| word_count(p.span.slice(text)))
        .collect();
    let mut story_before = 0usize;
    let mut tail: Option<Reason> = None;
    let mut list: Option<Reason> = None;
    for (para, &words) in paragraphs.iter_mut().zip(&counts) {
        let body = para.span.slice(text);
        let cue = cues
            .find(body)
            .filter(|r| words <= r.max_words() && (!r.label_only() || is_short_label(body, words)));
        let shape = if VOTES.is_match(body) {
            Some(Reason::Comments)
        } else if LINK.is_match(body) {
            Some(Reason::Navigation)
        } else if DATE_LINE.is_match(body) {
            Some(Reason::Dateline)
        } else if words <= 12 && BREADCRUMB.is_match(body) {
            Some(Reason::Navigation)
        } else {
            None
        };
        let reason = cue.or(shape);
        if let Some(r) = reason {
            if r.ends_story() && story_before >= 3 {
                tail = Some(r);
            }
        }
        para.boilerplate = reason
            .or(tail)
            .or_else(|| list.filter(|_| is_short_label(body, words)));
        list = match para.boilerplate {
            Some(r) if r.starts_list() => Some(r),
            _ => None,
        };
        if para.boilerplate.is_none() && is_prose(body, words) {
            story_before += 1;
        }
    }
    mark_caption_copies(text, paragraphs, &counts);
    mark_trailing_labels(text, paragraphs, &counts);
}

/// Caption × paragraph pairs checked one by one; more go through one
/// automaton, so many captions and paragraphs stay linear.
const DIRECT_SEARCHES: usize = 256;

/// A paragraph repeated inside a caption (pages often print a caption twice,
/// once with its credit) is a caption too. One automaton over the candidate
/// paragraphs scans the captions once, so many captions and paragraphs cost
/// linear time, not their product.
fn mark_caption_copies(text: &str, paragraphs: &mut [Paragraph], counts: &[usize]) {
    let captions: Vec<&str> = paragraphs
        .iter()
        .filter(|p| p.boilerplate == Some(Reason::Caption))
        .map(|p| p.span.slice(text))
        .collect();
    let longest = captions.iter().map(|c| c.len()).max().unwrap_or(0);
    let mut candidates: Vec<&str> = paragraphs
        .iter()
        .zip(counts)
        .filter(|(p, words)| p.boilerplate.is_none() && p.span.len() < longest && **words >= 4)
        .map(|(p, _)| p.span.slice(text))
        .collect();
    candidates.sort_unstable();
    candidates.dedup();
    if candidates.is_empty() {
        return;
    }
    let mut copied = vec![false; candidates.len()];
    if captions.len() * candidates.len() <= DIRECT_SEARCHES {
        // Few pairs: a substring search each costs less than an automaton.
        for caption in &captions {
            for (c, candidate) in candidates.iter().enumerate() {
                copied[c] |= candidate.len() < caption.len() && caption.contains(candidate);
            }
        }
    } else {
        // An NFA: building the default DFA for one document costs more than
        // the searches it speeds up.
        let Ok(matcher) = AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::NoncontiguousNFA))
            .build(&candidates)
        else {
            return;
        };
        for caption in captions {
            for m in matcher.find_overlapping_iter(caption) {
                copied[m.pattern().as_usize()] |= m.len() < caption.len();
            }
        }
    }
    for para in paragraphs.iter_mut().filter(|p| p.boilerplate.is_none()) {
        let body = para.span.slice(text);
        if let Ok(i) = candidates.binary_search(&body) {
            if copied[i] {
                para.boilerplate = Some(Reason::Caption);
            }
        }
    }
}

/// Short label lines after the last story paragraph are navigation.
fn mark_trailing_labels(text: &str, paragraphs: &mut [Paragraph], counts: &[usize]) {
    let Some(last_story) = paragraphs
        .iter()
        .zip(counts)
        .rposition(|(p, &words)| p.boilerplate.is_none() && is_prose(p.span.slice(text), words))
    else {
        return;
    };
    for (para, &words) in paragraphs[last_story + 1..]
        .iter_mut()
        .zip(&counts[last_story + 1..])
    {
        if para.boilerplate.is_none() && is_short_label(para.span.slice(text), words) {
            para.boilerplate = Some(Reason::Navigation);
        }
    }
}

/// Marks the paragraphs that spans known in advance (page furniture of an
/// HTML page) cover for at least half their length, with the reason of the
/// span covering most of it. Such marks win over the text cues: the page's
/// structure is better evidence than its wording.
pub(crate) fn apply_marked(paragraphs: &mut [Paragraph], marked: &[Boilerplate]) {
    if marked.is_empty() {
        return;
    }
    let mut spans = marked.to_vec();
    spans.sort_by_key(|b| (b.span.start, b.span.end));
    // Clip overlaps so the spans are disjoint and one cursor can walk them.
    let mut end = 0;
    for b in &mut spans {
        b.span.start = b.span.start.max(end);
        b.span.end = b.span.end.max(b.span.start);
        end = b.span.end;
    }
    let mut first = 0;
    for para in paragraphs.iter_mut() {
        while first < spans.len() && spans[first].span.end <= para.span.start {
            first += 1;
        }
        let mut covered = 0;
        let mut best: Option<(usize, Reason)> = None;
        for b in spans[first..]
            .iter()
            .take_while(|b| b.span.start < para.span.end)
        {
            let overlap = b.span.end.min(para.span.end) - b.span.start.max(para.span.start);
            covered += overlap;
            if best.is_none_or(|(n, _)| overlap > n) {
                best = Some((overlap, b.reason));
            }
        }
        if let Some((_, reason)) = best.filter(|_| covered * 2 >= para.span.len()) {
            para.boilerplate = Some(reason);
        }
    }
}

/// Boilerplate spans: consecutive paragraphs with one reason merged.
pub(crate) fn merge(text: &str, paragraphs: &[Paragraph]) -> Vec<Boilerplate> {
    let mut out: Vec<Boilerplate> = Vec::new();
    let mut prev_boiler = false;
    for para in paragraphs {
        match para.boilerplate {
            Some(reason) => {
                match out.last_mut() {
                    Some(last)
                        if prev_boiler
                            && last.reason == reason
                            && text[last.span.end..para.span.start].trim().is_empty() =>
                    {
                        last.span.end = para.span.end;
                    }
                    _ => out.push(Boilerplate {
                        span: para.span,
                        reason,
                    }),
                }
                prev_boiler = true;
            }
            None => prev_boiler = false,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cues(list: &[(&str, Reason)]) -> BoilerplateCues {
        let mut c = BoilerplateCues::default();
        for (cue, r) in list {
            c.add(cue, *r);
        }
        c.build();
        c
    }

    #[test]
    fn anchors_and_word_boundaries() {
        let c = cues(&[
            ("^related$", Reason::Related),
            ("subscribe to", Reason::Newsletter),
            ("^{n} comments$", Reason::Comments),
        ]);
        assert_eq!(c.find("Related:"), Some(Reason::Related));
        assert_eq!(c.find("### Related"), Some(Reason::Related));
        assert_eq!(c.find("Unrelated news"), None);
        assert_eq!(c.find("Related news stories"), None);
        assert_eq!(
            c.find("Subscribe to our newsletter!"),
            Some(Reason::Newsletter)
        );
        assert_eq!(c.find("Resubscribe tomorrow"), None);
        assert_eq!(c.find("12 Comments"), Some(Reason::Comments));
    }

    #[test]
    fn a_credit_cue_keeps_its_colon() {
        let c = cues(&[
            ("^foto:", Reason::Caption),
            ("photo:", Reason::Caption),
            ("фото:", Reason::Caption),
        ]);
        assert_eq!(c.find("Foto: dpa"), Some(Reason::Caption));
        assert_eq!(
            c.find("Protesters in the square. Photo: AP"),
            Some(Reason::Caption)
        );
        assert_eq!(
            c.find("Митинг в центре города. Фото: ТАСС"),
            Some(Reason::Caption)
        );
        // The word alone, in a sentence of the story, is no caption.
        assert_eq!(c.find("Das Foto der Klasse entstand im Hof."), None);
        assert_eq!(c.find("She took a photo of the crowd."), None);
        assert_eq!(c.find("Он сделал фото на память."), None);
    }

    #[test]
    fn marked_spans_cover_paragraphs_by_majority() {
        let para = |start, end| Paragraph {
            span: Span::new(start, end),
            boilerplate: None,
        };
        let mut paragraphs = vec![para(0, 10), para(12, 20), para(22, 30), para(32, 40)];
        let marked = [
            Boilerplate {
                span: Span::new(25, 41),
                reason: Reason::Share,
            },
            Boilerplate {
                span: Span::new(0, 3),
                reason: Reason::Caption,
            },
            Boilerplate {
                span: Span::new(11, 21),
                reason: Reason::Caption,
            },
            Boilerplate {
                span: Span::new(14, 18),
                reason: Reason::Navigation,
            },
        ];
        apply_marked(&mut paragraphs, &marked);
        let reasons: Vec<Option<Reason>> = paragraphs.iter().map(|p| p.boilerplate).collect();
        assert_eq!(
            reasons,
            [
                None,
                Some(Reason::Caption),
                Some(Reason::Share),
                Some(Reason::Share)
            ]
        );
    }

    #[test]
    fn shapes() {
        assert!(VOTES.is_match("-4 ( +4 / -8 )"));
        assert!(VOTES.is_match("0 ( +0 / -0 )"));
        assert!(LINK.is_match("https://example.org/a/b?c=1"));
        assert!(DATE_LINE.is_match("29/11/2024 21h50"));
        assert!(DATE_LINE.is_match("2024-11-29"));
        assert!(!DATE_LINE.is_match("On 29/11/2024 the talks began."));
        assert!(BREADCRUMB.is_match("Inicio > Deportes > Fútbol"));
        assert!(BREADCRUMB.is_match("Головна › Економіка"));
        assert!(BREADCRUMB.is_match("Notizie | Cronaca"));
        // Prose with a comparison or a fraction is not a trail.
        assert!(!BREADCRUMB.is_match("Prices rose > 5% in May."));
        assert!(!BREADCRUMB.is_match("Inflation stood at 3.2 percent"));
        assert!(!BREADCRUMB.is_match("Der Umsatz stieg um 3/4 Prozent"));
    }
}
