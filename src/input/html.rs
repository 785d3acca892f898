//! HTML pages: the visible text, with the page furniture marked.
//!
//! A page is parsed with a real HTML parser (html5ever through `scraper`:
//! entities decoded, broken markup repaired as browsers do). The document's
//! text becomes the *extracted* text: block elements start and end
//! paragraphs (a blank line), `<br>` breaks a line, runs of HTML white space
//! collapse to one space (not inside `<pre>`), and `<head>`, scripts,
//! styles, `<noscript>`, `<template>`, form controls, embedded media and
//! hidden elements are dropped. Every offset the rest of driftcheck reports
//! for an HTML document is a byte offset into this extracted text, not into
//! the HTML source.
//!
//! Navigation, site headers, footers, asides, figure captions, forms, and
//! elements whose class, id or ARIA role names page furniture (comments,
//! share, newsletter, related, cookie, ad ...) stay in the text but come back
//! as boilerplate spans with a reason, which [`Document::analyze`] honours.
//!
//! [`Document::analyze`]: crate::document::Document::analyze

use ego_tree::iter::Edge;
use scraper::{Html, Node};

use crate::document::{Boilerplate, Reason};
use crate::span::Span;

/// Elements whose content is not visible text.
const DROPPED: &[&str] = &[
    "head", "script", "style", "noscript", "template", "title", "svg", "math", "iframe", "object",
    "embed", "canvas", "video", "audio", "select", "textarea", "button", "option",
];

/// Elements that start and end a paragraph.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "tr",
    "ul",
];

/// Class, id or role words (whole words of the attribute) that mark page
/// furniture, with the reason they give.
const CUES: &[(&str, Reason)] = &[
    ("comment", Reason::Comments),
    ("comments", Reason::Comments),
    ("disqus", Reason::Comments),
    ("share", Reason::Share),
    ("sharing", Reason::Share),
    ("social", Reason::Share),
    ("newsletter", Reason::Newsletter),
    ("subscribe", Reason::Newsletter),
    ("subscription", Reason::Newsletter),
    ("signup", Reason::Newsletter),
    ("related", Reason::Related),
    ("recommended", Reason::Related),
    ("readmore", Reason::Related),
    ("outbrain", Reason::Related),
    ("taboola", Reason::Related),
    ("cookie", Reason::Disclaimer),
    ("cookies", Reason::Disclaimer),
    ("consent", Reason::Disclaimer),
    ("ad", Reason::Advertisement),
    ("ads", Reason::Advertisement),
    ("advert", Reason::Advertisement),
    ("advertisement", Reason::Advertisement),
    ("sponsored", Reason::Advertisement),
    ("promo", Reason::Advertisement),
    ("byline", Reason::Byline),
    ("caption", Reason::Caption),
    ("breadcrumb", Reason::Navigation),
    ("breadcrumbs", Reason::Navigation),
    ("menu", Reason::Navigation),
    ("nav", Reason::Navigation),
    ("navbar", Reason::Navigation),
    ("navigation", Reason::Navigation),
    ("banner", Reason::Navigation),
    ("contentinfo", Reason::Navigation),
    ("complementary", Reason::Related),
    ("sidebar", Reason::Related),
];

/// The visible text of a page and its boilerplate spans (sorted, disjoint).
#[derive(Clone, Debug, Default)]
pub struct Extracted {
    /// The text, paragraphs separated by blank lines.
    pub text: String,
    /// Spans of `text` inside page furniture.
    pub boilerplate: Vec<Boilerplate>,
}

/// True when text that came without a file name looks like an HTML page.
pub fn sniff(text: &str) -> bool {
    let head = text.trim_start();
    let head = &head.as_bytes()[..head.len().min(14)];
    [&b"<!doctype html"[..], b"<html"]
        .iter()
        .any(|tag| head.len() >= tag.len() && head[..tag.len()].eq_ignore_ascii_case(tag))
}

/// Extracts the visible text of an HTML page.
pub fn extract(source: &str) -> Extracted {
    let page = Html::parse_document(&flatten(source));
    let mut out = Builder::default();
    // The element whose subtree is dropped, and the one whose subtree is
    // boilerplate (with its start and reason): only the outermost counts.
    let mut dropped = None;
    let mut marked: Option<(ego_tree::NodeId, usize, Reason)> = None;
    let mut pre = 0usize;
    let mut in_article = 0usize;
    for edge in page.tree.root().traverse() {
        match edge {
            Edge::Open(node) => {
                if dropped.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Text(text) => out.text(text, pre > 0),
                    Node::Element(el) => {
                        let name = el.name();
                        if DROPPED.contains(&name) || is_hidden(el) {
                            dropped = Some(node.id());
                            continue;
                        }
                        if BLOCKS.contains(&name) {
                            out.paragraph_break();
                        }
                        match name {
                            "br" => out.line_break(),
                            "pre" => pre += 1,
                            "article" | "main" => in_article += 1,
                            "td" | "th" => out.cell_break(),
                            _ => {}
                        }
                        if marked.is_none() {
                            if let Some(reason) = furniture(el, in_article > 0) {
                                marked = Some((node.id(), out.text.len(), reason));
                            }
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if dropped == Some(node.id()) {
                    dropped = None;
                    continue;
                }
                if dropped.is_some() {
                    continue;
                }
                let Node::Element(el) = node.value() else {
                    continue;
                };
                let name = el.name();
                if BLOCKS.contains(&name) {
                    out.paragraph_break();
                }
                match name {
                    "pre" => pre = pre.saturating_sub(1),
                    "article" | "main" => in_article = in_article.saturating_sub(1),
                    _ => {}
                }
                if let Some((id, start, reason)) = marked {
                    if id == node.id() {
                        marked = None;
                        out.mark(start, reason);
                    }
                }
            }
        }
    }
    out.finish()
}

/// The deepest element nesting handed to the parser. The HTML tree builder
/// walks the stack of open elements for many tags, so its cost grows with
/// tags × depth; browsers cap the depth for the same reason (Blink at 512).
pub const MAX_DEPTH: usize = 512;

/// Elements that never have content.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
    "source", "track", "wbr",
];

/// Elements whose end tag the parser implies (a new `<p>`, `<li>`, `<td>`
/// closes the open one), so they do not deepen the tree when left open.
const SELF_ENDING: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb", "rt", "rp", "rtc",
    "tbody", "thead", "tfoot", "colgroup", "caption", "html", "head", "body",
];

/// Elements whose content is raw text up to their end tag.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
];

/// The page with start and end tags nested deeper than [`MAX_DEPTH`]
/// removed (their text stays, in their parent), or the page itself when it
/// is not that deep. A light linear tag scanner estimates the depth; it
/// only needs to be right about pathological pages.
fn flatten(source: &str) -> std::borrow::Cow<'_, str> {
    if scan_tags(source, None) <= MAX_DEPTH {
        return std::borrow::Cow::Borrowed(source);
    }
    let mut out = String::with_capacity(source.len());
    scan_tags(source, Some(&mut out));
    std::borrow::Cow::Owned(out)
}

/// Scans the tags of a page and returns the deepest nesting seen; with
/// `out`, copies the page there without the tags nested deeper than
/// [`MAX_DEPTH`].
fn scan_tags(source: &str, mut out: Option<&mut String>) -> usize {
    let bytes = source.as_bytes();
    let (mut depth, mut deepest, mut copied, mut i) = (0usize, 0usize, 0usize, 0usize);
    while let Some(lt) = bytes[i..].iter().position(|&b| b == b'<').map(|p| p + i) {
        let rest = &bytes[lt + 1..];
        let end_tag = rest.first() == Some(&b'/');
        let name_start = lt + 1 + usize::from(end_tag);
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
            .count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            // A comment, doctype or processing instruction runs to its end;
            // a lone `<` is text.
            i = if rest.starts_with(b"!--") {
                find(bytes, lt + 4, b"-->").map_or(bytes.len(), |e| e + 3)
            } else if matches!(rest.first(), Some(b'!' | b'?')) {
                find(bytes, lt, b">").map_or(bytes.len(), |e| e + 1)
            } else {
                lt + 1
            };
            continue;
        }
        let name = source[name_start..name_start + name_len].to_ascii_lowercase();
        let close = tag_end(bytes, name_start + name_len);
        let self_closing = close >= 2 && bytes[close - 2] == b'/';
        let nests = !VOID.contains(&name.as_str())
            && !SELF_ENDING.contains(&name.as_str())
            && !self_closing;
        let mut drop = false;
        if nests && end_tag {
            drop = depth > MAX_DEPTH;
            depth = depth.saturating_sub(1);
        } else if nests {
            depth += 1;
            deepest = deepest.max(depth);
            drop = depth > MAX_DEPTH;
        }
        if let Some(out) = out.as_deref_mut() {
            out.push_str(&source[copied..lt]);
            if !drop {
                out.push_str(&source[lt..close]);
            }
            copied = close;
        }
        i = close;
        if !end_tag && RAW_TEXT.contains(&name.as_str()) {
            // Its content is not markup: skip to its end tag.
            i = find_end_tag(bytes, close, &name).unwrap_or(bytes.len());
        }
    }
    if let Some(out) = out {
        out.push_str(&source[copied..]);
    }
    deepest
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

/// One past the `>` that ends a tag whose attributes start at `from`
/// (a `>` inside a quoted attribute value does not end it).
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut quote: Option<u8> = None;
    for (i, &b) in bytes.iter().enumerate().skip(from) {
        match (quote, b) {
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') if bytes[from..i].last() == Some(&b'=') => quote = Some(b),
            (None, b'>') => return i + 1,
            _ => {}
        }
    }
    bytes.len()
}

/// The offset of `</name` (any case) at or after `from`.
fn find_end_tag(bytes: &[u8], from: usize, name: &str) -> Option<usize> {
    let mut at = from;
    while let Some(lt) = find(bytes, at, b"</") {
        let tail = &bytes[lt + 2..];
        if tail.len() >= name.len() && tail[..name.len()].eq_ignore_ascii_case(name.as_bytes()) {
            return Some(lt);
        }
        at = lt + 2;
    }
    None
}

/// The reason an element is page furniture, if it is: by tag, then by the
/// words of its class, id and role. A `<header>` inside an article or
/// `<main>` holds the headline, so only a page-level one is navigation.
fn furniture(el: &scraper::node::Element, in_article: bool) -> Option<Reason> {
    let by_tag = match el.name() {
        "nav" | "footer" | "form" => Some(Reason::Navigation),
        "header" if !in_article => Some(Reason::Navigation),
        "aside" => Some(Reason::Related),
        "figcaption" => Some(Reason::Caption),
        _ => None,
    };
    by_tag.or_else(|| {
        ["class", "id", "role"]
            .iter()
            .filter_map(|a| el.attr(a))
            .flat_map(|v| v.split(|c: char| !c.is_ascii_alphanumeric()))
            .find_map(|word| {
                let word = word.to_ascii_lowercase();
                CUES.iter().find(|(cue, _)| *cue == word).map(|(_, r)| *r)
            })
    })
}

fn is_hidden(el: &scraper::node::Element) -> bool {
    el.attr("hidden").is_some()
        || el.attr("aria-hidden").is_some_and(|v| v.trim() == "true")
        || el.attr("style").is_some_and(|s| {
            let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
            s.to_ascii_lowercase().contains("display:none")
        })
}

/// Builds the extracted text with HTML white-space rules.
#[derive(Default)]
struct Builder {
    text: String,
    /// White space seen since the last visible character.
    space: bool,
    boilerplate: Vec<Boilerplate>,
}

impl Builder {
    fn at_line_start(&self) -> bool {
        self.text.is_empty() || self.text.ends_with('\n')
    }

    fn text(&mut self, s: &str, pre: bool) {
        if pre {
            self.text.extend(s.chars().filter(|&c| c != '\r'));
            self.space = false;
            return;
        }
        for c in s.chars() {
            if matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c') {
                self.space = true;
                continue;
            }
            if self.space && !self.at_line_start() {
                self.text.push(' ');
            }
            self.space = false;
            self.text.push(c);
        }
    }

    fn trim_end(&mut self) {
        let keep = self.text.trim_end_matches([' ', '\t']).len();
        self.text.truncate(keep);
        self.space = false;
    }

    fn paragraph_break(&mut self) {
        self.trim_end();
        if self.text.is_empty() || self.text.ends_with("\n\n") {
            return;
        }
        self.text.push_str(if self.text.ends_with('\n') {
            "\n"
        } else {
            "\n\n"
        });
    }

    fn line_break(&mut self) {
        self.trim_end();
        self.text.push('\n');
    }

    fn cell_break(&mut self) {
        if !self.at_line_start() {
            self.space = true;
        }
    }

    fn mark(&mut self, start: usize, reason: Reason) {
        let span = Span::new(start, self.text.len()).trim(&self.text);
        if !span.is_empty() {
            self.boilerplate.push(Boilerplate { span, reason });
        }
    }

    fn finish(mut self) -> Extracted {
        self.trim_end();
        let keep = self.text.trim_end().len();
        self.text.truncate(keep);
        Extracted {
            text: self.text,
            boilerplate: self.boilerplate,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html>
<html><head><title>Page title</title><style>p { color: red }</style>
<script>var x = "<p>not text</p>";</script></head>
<body>
<header class="site"><a href="/">Home</a> | <a href="/world">World</a></header>
<nav><ul><li>Politics</li><li>Economy</li></ul></nav>
<main><article>
<header><h1>Ministers agree on the budget</h1></header>
<p>The ministers met on Tuesday&nbsp;and agreed   on a
new budget &amp; a plan.<br>It takes effect in May.</p>
<figure><img src="a.jpg" alt="A photo"><figcaption>The ministers in the capital.</figcaption></figure>
<div class="share-buttons">Share on social media</div>
<p>Talks will go on next week, officials said.</p>
<noscript>Enable JavaScript</noscript><template><p>hidden</p></template>
<p hidden>Invisible</p>
</article></main>
<section id="comments"><h2>12 comments</h2><p>Great article!</p></section>
<footer>© 2024 Example News</footer>
</body></html>"#;

    #[test]
    fn visible_text_with_breaks_and_entities() {
        let ex = extract(PAGE);
        let expected = "Home | World\n\nPolitics\n\nEconomy\n\nMinisters agree on the budget\n\n\
The ministers met on Tuesday\u{a0}and agreed on a new budget & a plan.\nIt takes effect in May.\n\n\
The ministers in the capital.\n\nShare on social media\n\n\
Talks will go on next week, officials said.\n\n12 comments\n\nGreat article!\n\n© 2024 Example News";
        assert_eq!(ex.text, expected);
        for dropped in [
            "Page title",
            "not text",
            "color",
            "Enable JavaScript",
            "hidden",
            "Invisible",
        ] {
            assert!(!ex.text.contains(dropped), "{dropped}");
        }
    }

    #[test]
    fn furniture_is_marked_with_reasons() {
        let ex = extract(PAGE);
        let marked: Vec<(&str, Reason)> = ex
            .boilerplate
            .iter()
            .map(|b| (b.span.slice(&ex.text), b.reason))
            .collect();
        assert_eq!(
            marked,
            [
                ("Home | World", Reason::Navigation),
                ("Politics\n\nEconomy", Reason::Navigation),
                ("The ministers in the capital.", Reason::Caption),
                ("Share on social media", Reason::Share),
                ("12 comments\n\nGreat article!", Reason::Comments),
                ("© 2024 Example News", Reason::Navigation),
            ]
        );
    }

    #[test]
    fn class_words_match_whole_words_only() {
        let ex = extract(
            r#"<div class="header-shadow loaded"><p>Story text here.</p></div><div class="ad-slot">Buy now</div>"#,
        );
        assert_eq!(ex.boilerplate.len(), 1);
        assert_eq!(ex.boilerplate[0].reason, Reason::Advertisement);
        assert_eq!(ex.boilerplate[0].span.slice(&ex.text), "Buy now");
    }

    #[test]
    fn pre_keeps_white_space_and_tables_keep_cells_apart() {
        let ex = extract(
            "<pre>a  b\n  c</pre><table><tr><td>1</td><td>2</td></tr><tr><td>3</td></tr></table>",
        );
        assert_eq!(ex.text, "a  b\n  c\n\n1 2\n\n3");
    }

    #[test]
    fn sniffing() {
        assert!(sniff("  <!DOCTYPE html><html>"));
        assert!(sniff("<HTML lang=en>"));
        assert!(!sniff("Plain <b>text</b>"));
        assert!(!sniff(""));
    }

    #[test]
    fn nesting_is_capped_and_text_kept() {
        let page = "<div class=\"a>b\"><p>One<p>Two<br/><b>x</b><!-- <div> --><script>'<div>'</script></div>";
        assert_eq!(scan_tags(page, None), 2);
        assert!(matches!(flatten(page), std::borrow::Cow::Borrowed(_)));
        let deep = "<div><b>".repeat(MAX_DEPTH) + "deep text" + &"</b></div>".repeat(MAX_DEPTH);
        assert_eq!(scan_tags(&deep, None), 2 * MAX_DEPTH);
        let flat = flatten(&deep);
        assert_eq!(scan_tags(&flat, None), MAX_DEPTH);
        assert_eq!(flat.matches("<div>").count(), MAX_DEPTH / 2);
        assert_eq!(extract(&deep).text, "deep text");
    }

    #[test]
    fn deep_nesting_and_garbage_do_not_panic() {
        let deep = "<div>".repeat(200_000) + "deep text" + &"</div>".repeat(200_000);
        let started = std::time::Instant::now();
        assert_eq!(extract(&deep).text, "deep text");
        assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
        let garbage = "<<<>>></p></div><b><i></b></i>&#xFFFFFF;&bogus;<![CDATA[x]]>";
        let ex = extract(garbage);
        assert!(ex.text.is_char_boundary(ex.text.len()));
    }
}
