//! Who is who across versions, for the checks that compare people
//! (attribution, pronouns): one person written two ways (a surname and a
//! full name, two transliterations, two scripts) must not read as two
//! people, and an institution is not its head.

use crate::names::compare::may_be_same;
use crate::span::Span;
use crate::story::Story;

/// The entities the versions of a story name.
pub struct Entities<'a> {
    story: &'a Story,
    /// Each version's keys outside boilerplate, once each.
    keys: Vec<Vec<&'a str>>,
}

/// One side of a comparison: a version, the span of its claim, and the
/// entity key it credits.
#[derive(Clone, Copy)]
pub struct Credit<'k> {
    /// The version.
    pub doc: usize,
    /// Its claim.
    pub span: Span,
    /// The entity key.
    pub key: &'k str,
}

impl<'a> Entities<'a> {
    /// The entities of a story.
    pub fn of(story: &'a Story) -> Entities<'a> {
        let mut keys = Vec::with_capacity(story.facts.len());
        for facts in &story.facts {
            let mut mine: Vec<&str> = Vec::new();
            for m in facts.names.iter().filter(|m| !m.boilerplate) {
                if !mine.contains(&m.key.as_str()) {
                    mine.push(&m.key);
                }
            }
            keys.push(mine);
        }
        Entities { story, keys }
    }

    /// True when version `doc` names, outside boilerplate, an entity that
    /// may be `key` and may not be `not`.
    fn names_apart(&self, doc: usize, key: &str, not: &str) -> bool {
        self.keys[doc]
            .iter()
            .any(|k| may_be_same(k, key) && !may_be_same(k, not))
    }

    /// True when a name inside `span` of version `doc` may be `key`; with
    /// `frame_only`, names in the words it quotes or reports do not count.
    fn named_in(&self, doc: usize, span: Span, key: &str, frame_only: bool) -> bool {
        let facts = &self.story.facts[doc];
        let quoted = |s: Span| {
            frame_only
                && facts
                    .quotes
                    .iter()
                    .any(|q| q.inner.overlaps(&span) && q.inner.contains(&s))
        };
        facts
            .names
            .iter()
            .filter(|m| span.contains(&m.span) && !quoted(m.span))
            .any(|m| may_be_same(&m.key, key))
    }

    /// True when an odd credit names clearly another entity than the
    /// reference: keys that cannot be one name, one of the versions naming
    /// the other's entity as someone apart from its own, the reference
    /// claim not naming the odd entity at all, and the odd claim naming the
    /// reference entity only in the words it quotes or reports ("the
    /// ministry said Minister X told": then the frame, not the
    /// translation, picked one of two names).
    pub fn distinct(&self, odd: Credit<'_>, reference: Credit<'_>) -> bool {
        !may_be_same(odd.key, reference.key)
            && (self.names_apart(odd.doc, reference.key, odd.key)
                || self.names_apart(reference.doc, odd.key, reference.key))
            && !self.named_in(reference.doc, reference.span, odd.key, false)
            && !self.named_in(odd.doc, odd.span, reference.key, true)
    }
}
