//! Quotation spans in every quotation style: straight and curly double and
//! single quotes, « », » «, „ “, ‚ ‘, ‹ ›, dash-introduced speech, nested
//! quotes and quotes left open at the end of a paragraph (closed there and
//! marked `unterminated`). Apostrophes ("don't", "Putin’s", "п'ятниця") are
//! not quote marks: a ' or ’ between two letters never opens or closes.

use serde::Serialize;

use crate::document::Document;
use crate::span::Span;

/// Who a quote or reported statement is credited to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SpeakerRef {
    /// The speaker's entity key (as in [`super::name::NameMention::key`]).
    pub key: String,
    /// The name or pronoun that names the speaker.
    pub span: Span,
    /// True when a pronoun ("he said") named the speaker.
    pub via_pronoun: bool,
    /// True when the quote has no frame of its own and continues the previous
    /// quote of the same speaker.
    pub continued: bool,
}

/// A quotation, or a reported statement ("X said that ...").
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Quote {
    /// The quote with its marks (for reported speech: the statement).
    pub span: Span,
    /// The quoted words, without marks.
    pub inner: Span,
    /// Who said it, when a frame or pronoun tells.
    pub speaker: Option<SpeakerRef>,
    /// The speech verb or source phrase of its frame.
    pub verb_span: Option<Span>,
    /// True when the quote was still open at the end of its paragraph.
    pub unterminated: bool,
    /// True for reported speech without quote marks.
    pub indirect: bool,
    /// 0 for a top-level quote, 1 for a quote inside it, and so on.
    pub depth: usize,
    /// True when the quote lies in boilerplate.
    pub boilerplate: bool,
}

/// How a mark may close a quote opened by another.
fn closers(open: char) -> &'static [char] {
    match open {
        '“' => &['”', '“'],
        '”' => &['”'],
        '„' => &['“', '”'],
        '«' => &['»'],
        '»' => &['«'],
        '‹' => &['›'],
        '›' => &['‹'],
        '‚' => &['‘', '’'],
        '‘' => &['’'],
        '"' => &['"'],
        '\'' => &['\''],
        _ => &[],
    }
}

/// True for a character that may open or close a quote: one with closers,
/// or ’ (which only closes).
fn is_quote_mark(c: char) -> bool {
    !closers(c).is_empty() || c == '’'
}

/// Quotes open at once beyond which more opening marks are ignored.
const MAX_DEPTH: usize = 8;

/// Dashes that introduce speech at the start of a paragraph.
fn is_dash(c: char) -> bool {
    matches!(c, '—' | '―' | '–')
}

struct Open {
    mark: char,
    start: usize,
    len: usize,
}

/// The direct quotes of a document (no speakers yet).
pub fn find(doc: &Document) -> Vec<Quote> {
    let mut out = Vec::new();
    // The mark of a quote the paragraphs before left open.
    let mut pending: Option<char> = None;
    for para in &doc.paragraphs {
        let body = doc.slice(para.span);
        let before = out.len();
        pending = quotes_in(body, para.span.start, pending, &mut out);
        for q in &mut out[before..] {
            q.boilerplate = para.boilerplate.is_some();
        }
    }
    out.sort_by_key(|q| (q.span.start, q.depth));
    out
}

fn quote(
    body: &str,
    offset: usize,
    start: usize,
    end: usize,
    marks: (usize, usize),
    depth: usize,
) -> Quote {
    Quote {
        span: Span::new(start, end),
        inner: Span::new(start + marks.0, end - marks.1).trim_in(body, offset),
        speaker: None,
        verb_span: None,
        unterminated: false,
        indirect: false,
        depth,
        boilerplate: false,
    }
}

/// The quotes of one paragraph. `pending` is the mark of a quote earlier
/// paragraphs left open: a quote that runs over several paragraphs
/// ("“We are close.\n\nWe will win,” she said.") ends in this one when a
/// mark closes it before any other opens. Returns the mark of a quote this
/// paragraph leaves open, or `pending` again when it has no quote mark.
fn quotes_in(
    body: &str,
    offset: usize,
    pending: Option<char>,
    out: &mut Vec<Quote>,
) -> Option<char> {
    let chars: Vec<(usize, char)> = body.char_indices().collect();
    // The quote left open before, as an opening of no width at the start.
    let mut stack: Vec<Open> = pending
        .map(|mark| Open {
            mark,
            start: 0,
            len: 0,
        })
        .into_iter()
        .collect();
    let mut marks = false;
    // Dash-introduced speech: from the dash to the next " — " or the end.
    if let Some(&(_, c)) = chars.first() {
        if is_dash(c) && chars.get(1).is_some_and(|(_, n)| n.is_whitespace()) {
            let rest = &body[c.len_utf8()..];
            let end = rest
                .find(" — ")
                .or_else(|| rest.find(" – "))
                .map_or(body.len(), |i| c.len_utf8() + i);
            let inner = Span::new(offset + c.len_utf8(), offset + end).trim_in(body, offset);
            out.push(Quote {
                span: Span::new(offset, offset + end),
                inner,
                ..quote(body, offset, offset, offset + end, (0, 0), 0)
            });
        }
    }
    for (n, &(i, c)) in chars.iter().enumerate() {
        // Only a quote mark opens or closes a quote.
        if !is_quote_mark(c) {
            continue;
        }
        let prev = n.checked_sub(1).map(|p| chars[p].1);
        let next = chars.get(n + 1).map(|&(_, c)| c);
        let letter = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        let space = |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || "([{—–-/".contains(c));
        if matches!(c, '\'' | '’') && letter(prev) && letter(next) {
            continue; // an apostrophe inside a word
        }
        marks = true;
        // The quote left open before closes only at a mark shaped as a
        // closing one: not right before a word.
        let closes = stack
            .iter()
            .rposition(|o| closers(o.mark).contains(&c) && (o.len > 0 || !letter(next)));
        let symmetric = matches!(c, '"' | '\'' | '’');
        // A symmetric mark closes when something was said before it.
        if let Some(pos) = closes {
            if !symmetric || !space(prev) {
                // The carried quote is no level of its own for the others.
                let carried = usize::from(pos > 0 && stack[0].len == 0);
                let depth = pos - carried;
                let open = stack.remove(pos);
                stack.truncate(pos);
                let end = i + c.len_utf8();
                if end - open.start > open.len + c.len_utf8() {
                    out.push(quote(
                        body,
                        offset,
                        offset + open.start,
                        offset + end,
                        (open.len, c.len_utf8()),
                        depth,
                    ));
                }
                continue;
            }
        }
        let opener = match c {
            // « ‹ „ only ever open (French sets them off with a space).
            '«' | '‹' | '„' => true,
            '“' | '‚' | '"' | '»' | '›' => !next.is_some_and(char::is_whitespace),
            '‘' | '\'' => space(prev) && letter(next),
            _ => false,
        };
        // » and › open only German-style quotes: not right after a word.
        // Nesting deeper than a few levels is stray marks, not quotes (and an
        // unbounded stack would make this loop quadratic).
        if opener && (!matches!(c, '»' | '›') || space(prev)) && stack.len() < MAX_DEPTH {
            stack.push(Open {
                mark: c,
                start: i,
                len: c.len_utf8(),
            });
        }
    }
    // The quote left open before and not closed here stays pending (when
    // the paragraph has no marks) or was a stray mark.
    let carried = stack.first().is_some_and(|o| o.len == 0);
    if carried {
        stack.remove(0);
    }
    let left_open = stack.first().map(|o| o.mark);
    // Still open at the end of the paragraph: close there.
    for (depth, open) in stack.into_iter().enumerate() {
        if body.len() > open.start + open.len {
            let mut q = quote(
                body,
                offset,
                offset + open.start,
                offset + body.len(),
                (open.len, 0),
                depth,
            );
            q.unterminated = true;
            out.push(q);
        }
    }
    match left_open {
        Some(mark) => Some(mark),
        None if carried && !marks => pending,
        None => None,
    }
}

trait TrimIn {
    fn trim_in(self, body: &str, offset: usize) -> Span;
}

impl TrimIn for Span {
    /// Trims white space, for a span of `body` that starts at `offset`.
    fn trim_in(self, body: &str, offset: usize) -> Span {
        Span::new(self.start - offset, self.end - offset)
            .trim(body)
            .shift(offset)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::RawDocument;
    use crate::lexicon::Lexicons;

    fn quotes(text: &str) -> Vec<(String, bool, usize)> {
        let doc = Document::analyze(
            RawDocument {
                id: "t".into(),
                text: text.into(),
                language: Some("en".into()),
                ..Default::default()
            },
            &Lexicons::embedded(),
        );
        find(&doc)
            .into_iter()
            .map(|q| (doc.slice(q.inner).to_string(), q.unterminated, q.depth))
            .collect()
    }

    fn inner(text: &str) -> Vec<String> {
        quotes(text).into_iter().map(|q| q.0).collect()
    }

    #[test]
    fn every_quotation_style() {
        assert_eq!(inner("He said \"we will win\" today."), ["we will win"]);
        assert_eq!(inner("He said “we will win” today."), ["we will win"]);
        assert_eq!(inner("Ele disse «vamos vencer» hoje."), ["vamos vencer"]);
        assert_eq!(inner("Er sagte „wir gewinnen“ heute."), ["wir gewinnen"]);
        assert_eq!(inner("Er sagte »wir gewinnen« heute."), ["wir gewinnen"]);
        assert_eq!(inner("Er sagte ‚wir gewinnen‘ heute."), ["wir gewinnen"]);
        assert_eq!(
            inner("Il a dit ‹ nous gagnerons › hier."),
            ["nous gagnerons"]
        );
        assert_eq!(
            inner("Il a dit « nous gagnerons », puis il est parti."),
            ["nous gagnerons"]
        );
        assert_eq!(inner("He called it 'a farce' twice."), ["a farce"]);
        assert_eq!(inner("He called it ‘a farce’ twice."), ["a farce"]);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(inner("Don't touch the mayor’s car on п'ятниця.").is_empty());
        assert_eq!(
            inner("‘The mayor’s car isn't here,’ she said."),
            ["The mayor’s car isn't here,"]
        );
    }

    #[test]
    fn nested_spanning_and_unterminated_quotes() {
        let q = quotes("“He told me ‘never again’. Then he left.” She nodded.");
        assert_eq!(
            q[0],
            ("He told me ‘never again’. Then he left.".into(), false, 0)
        );
        assert_eq!(q[1], ("never again".into(), false, 1));
        let q = quotes("“The first paragraph goes on\n\n“and the second ends.” Done.");
        assert_eq!(q[0], ("The first paragraph goes on".into(), true, 0));
        assert_eq!(q[1], ("and the second ends.".into(), false, 0));
    }

    #[test]
    fn a_quote_over_paragraphs_ends_where_its_mark_closes_it() {
        let q = quotes(
            "“We are getting closer.\n\nWe will be members.\n\nWe will win,” she said.\n\nThen she left.",
        );
        assert_eq!(q[0], ("We are getting closer.".into(), true, 0));
        assert_eq!(q[1], ("We will win,".into(), false, 0));
        assert_eq!(q.len(), 2, "{q:?}");
        let q = quotes("«Nous avancerons.\n\nEnsemble », a-t-il dit.");
        assert_eq!(q[1], ("Ensemble".into(), false, 0));
        // A paragraph that opens a quote of its own does not close the old one.
        let q = quotes("“Open.\n\nHe said “new” twice.");
        assert_eq!(q[1], ("new".into(), false, 0));
        assert_eq!(q.len(), 2, "{q:?}");
    }

    #[test]
    fn dash_speech() {
        let q = inner("— Ми не відступимо — сказав він.");
        assert_eq!(q, ["Ми не відступимо"]);
    }
}
