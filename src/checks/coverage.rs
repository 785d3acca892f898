//! `addition` and `omission`: claims found in one version only, and claims
//! most versions (or the reference) report that one version lacks.

use super::Check;
use super::support::{
    doc_names, is_heading, member_evidence, member_text, sort_evidence, versions,
};
use crate::align::{Group, Member};
use crate::finding::{Evidence, Finding, Kind, Severity, SharedStr};
use crate::hash::{HashMap, HashMapExt};
use crate::lexicon::Lexicons;
use crate::span::Span;
use crate::story::Story;

/// Claims found in one version and in none of the others.
pub struct Addition;

/// Claims present in the reference or most versions but missing from one.
pub struct Omission;

/// What makes a claim weigh more than plain text: a quote, a number, a date.
fn weight(story: &Story, member: &Member, lexicons: &Lexicons) -> Option<&'static str> {
    let text = member_text(story, member);
    if text.contains(['"', '“', '”', '«', '»', '„']) {
        return Some("a quote");
    }
    if text.chars().any(|c| c.is_ascii_digit()) {
        return Some("a number");
    }
    let doc = &story.docs[member.doc];
    let lex = lexicons.lang(&doc.language.code);
    let claims = &story.alignment.claims[member.doc];
    let dated = member.claims.iter().any(|&c| {
        doc.words_of(&doc.sentences[claims[c].sentence])
            .iter()
            .any(|w| {
                lex.months.get(doc.slice(w.span())).is_some()
                    && crate::text::is_capitalized(doc.slice(w.span()))
                    || lex.weekdays.get(doc.slice(w.span())).is_some()
            })
    });
    dated.then_some("a date")
}

/// Where a version would hold a group's claim: an empty span after its last
/// claim that comes before the claim's position in the versions that have
/// it (relative positions), so the omitting version is cited too.
fn gap(story: &Story, group: &Group, doc: usize) -> Span {
    let target = group
        .members
        .iter()
        .map(|m| story.alignment.claims[m.doc][m.claims[0]].position)
        .sum::<f64>()
        / group.members.len() as f64;
    let claims = &story.alignment.claims[doc];
    match claims.iter().rev().find(|c| c.position <= target) {
        Some(c) => Span::new(c.span.end, c.span.end),
        None => claims
            .first()
            .map_or(Span::default(), |c| Span::new(c.span.start, c.span.start)),
    }
}

fn story_groups(story: &Story) -> impl Iterator<Item = &Group> {
    story
        .alignment
        .groups
        .iter()
        .filter(|g| !g.members.iter().all(|m| is_heading(story, m)))
}

impl Check for Addition {
    fn kind(&self) -> Kind {
        Kind::Addition
    }

    fn reads_facts(&self) -> bool {
        false
    }

    fn explain(&self) -> &'static str {
        "addition (info; warning when the claim carries a quote, a number or a date): a claim \
found in one version and in none of the others, such as a background paragraph one outlet \
added.\n\n\
How: claims (story sentences, boilerplate excluded) are aligned across all versions \
(see `driftcheck align`); a claim no other version's claim aligned with is an addition. \
Headings are not claims. Needs at least two versions."
    }

    fn run(&self, story: &Story, lexicons: &Lexicons) -> Vec<Finding> {
        let mut out = Vec::new();
        self.run_into(story, lexicons, &mut out);
        out
    }

    fn run_into(&self, story: &Story, lexicons: &Lexicons, out: &mut Vec<Finding>) {
        if story.docs.len() < 2 {
            return;
        }
        // Counted first, so the report's vector grows once, by exactly
        // their number (a long document has hundreds of thousands of
        // additions; a vector grown by doubling held up to twice their room,
        // and both the old and the new one while it grew).
        let added = || {
            (story.alignment.groups.iter())
                .filter(|g| g.members.len() == 1 && !is_heading(story, &g.members[0]))
        };
        out.reserve_exact(added().count());
        // One message per version and weight, shared by its findings.
        let mut messages: HashMap<(usize, Option<&str>), SharedStr> = HashMap::new();
        out.extend(added().map(|g| {
            let m = &g.members[0];
            let what = weight(story, m, lexicons);
            let severity = match what {
                Some(_) => Severity::Warning,
                None => Severity::Info,
            };
            let message = messages.entry((m.doc, what)).or_insert_with(|| {
                let doc = &story.docs[m.doc].id;
                let why = what.map_or(String::new(), |w| format!(", and it carries {w}"));
                format!("Only {doc} reports this claim; no other version has it{why}").into()
            });
            Finding::new(
                Kind::Addition,
                severity,
                message.clone(),
                vec![member_evidence(story, m)],
            )
        }));
    }
}

impl Check for Omission {
    fn kind(&self) -> Kind {
        Kind::Omission
    }

    fn reads_facts(&self) -> bool {
        false
    }

    fn explain(&self) -> &'static str {
        "omission (info; warning when the missing claim carries a quote, a number or a date): a \
claim present in the reference (--reference) or in most versions but missing from one, such \
as a dropped quote.\n\n\
How: from the claim alignment (see `driftcheck align`), a group of aligned claims that the \
reference holds, or that a strict majority of at least two versions hold, is missing from \
each version that has no claim in it. The evidence cites the claim in every version that \
has it."
    }

    fn run(&self, story: &Story, lexicons: &Lexicons) -> Vec<Finding> {
        let n = story.docs.len();
        if n < 2 {
            return Vec::new();
        }
        let mut out = Vec::new();
        for g in story_groups(story) {
            let present = match story.reference {
                Some(r) => g.member(r).is_some() && g.members.len() < n,
                None => g.members.len() >= 2 && g.members.len() * 2 > n && g.members.len() < n,
            };
            if !present {
                continue;
            }
            let holders: Vec<usize> = g.members.iter().map(|m| m.doc).collect();
            let missing: Vec<usize> = (0..n).filter(|d| !holders.contains(d)).collect();
            let weighty = g.members.iter().find_map(|m| weight(story, m, lexicons));
            let (severity, why) = match weighty {
                Some(what) => (Severity::Warning, format!("; the claim carries {what}")),
                None => (Severity::Info, String::new()),
            };
            let evidence = g
                .members
                .iter()
                .map(|m| member_evidence(story, m))
                .collect::<Vec<_>>();
            for d in missing {
                let message = format!(
                    "{} omits a claim that {} report ({}){why}",
                    story.docs[d].id,
                    versions(holders.len()),
                    doc_names(story, &holders),
                );
                let mut cited = evidence.clone();
                cited.push(Evidence::new(&story.docs[d], gap(story, g, d)));
                sort_evidence(story, &mut cited);
                out.push(Finding::new(Kind::Omission, severity, message, cited));
            }
        }
        out
    }
}
