//! `attribution_drift`: an aligned statement or quote credited to another
//! speaker or source.

use super::Check;
use super::entities::{Credit, Entities};
use super::support::{
    doc_names, entity_name, member_evidence, reference_reading, sort_evidence, versions,
};
use crate::align::{Group, Member};
use crate::finding::{Evidence, Finding, Kind, Severity};
use crate::lexicon::Lexicons;
use crate::names::compare::may_be_same;
use crate::span::overlapping;
use crate::story::Story;

/// Quotes opened before a claim that are still looked at (nested or long quotes).
const QUOTE_LOOKBACK: usize = 8;

/// Flags aligned claims whose named speakers differ.
pub struct AttributionDrift;

/// The speakers a member credits its first statement to: the named
/// speakers of the quotes and reported statements of the first of its
/// claims that has any, whose frame names the speaker inside the member (a
/// quote over several claims is credited once, where its frame is), first
/// one first; a claim may credit two ("the ministry said Minister X
/// told"). Pronoun speakers are left out (a wrong pronoun is
/// `pronoun_drift`'s business, and pronoun resolution is a guess), as are
/// quotes that only continue an earlier one.
fn speakers(story: &Story, member: &Member) -> Vec<String> {
    let claims = &story.alignment.claims[member.doc];
    for &c in &member.claims {
        let span = claims[c].span;
        let mut out: Vec<String> = Vec::new();
        let quotes = overlapping(&story.facts[member.doc].quotes, span, QUOTE_LOOKBACK, |q| {
            q.span
        });
        for s in quotes
            .filter(|q| !q.boilerplate && q.depth == 0)
            .filter_map(|q| q.speaker.as_ref())
            .filter(|s| !s.via_pronoun && !s.continued && span.contains(&s.span))
        {
            if !out.contains(&s.key) {
                out.push(s.key.clone());
            }
        }
        if !out.is_empty() {
            return out;
        }
    }
    Vec::new()
}

impl Check for AttributionDrift {
    fn kind(&self) -> Kind {
        Kind::AttributionDrift
    }

    fn explain(&self) -> &'static str {
        "attribution_drift (error): an aligned statement or quote is credited to another speaker \
or source: \"the union says it accepts ...\" in three versions, \"the minister stressed \
that the union accepts ...\" in the fourth; one minister's quote given to another.\n\n\
How: each quote and reported statement (\"X said that ...\", disse que, sagte, dass, заявив, \
що ...) gets its speaker from speech-verb frames (lexicons/<lang>/speech_verbs.txt); a name \
after a preposition (\"in Boston said\", \"в Бостоне заявил\"), a possessor (\"Mexico's \
agency said\") or a Cyrillic name in an oblique case is never the speaker. In each group of \
aligned claims (see `driftcheck align`) the speakers of each version's first statement are \
compared. A version is reported only when its speaker is clearly another one than the \
reference's (--reference) or the majority's: names that may be one person's (two \
transliterations, two scripts, a surname and the full name: Scholz / Шольц, Müller / \
Мюллер) are one speaker; a claim crediting two speakers (\"the ministry said Minister X \
told\") matches either; some version names both as two people; and the reference claim \
does not name the other speaker, nor the other claim the reference speaker outside what it \
quotes. With two versions that differ, both are cited. Speakers given only by a pronoun are \
not compared (see pronoun_drift)."
    }

    fn run(&self, story: &Story, _lexicons: &Lexicons) -> Vec<Finding> {
        let entities = Entities::of(story);
        story
            .alignment
            .shared_groups()
            .filter_map(|g| check_group(story, &entities, g))
            .collect()
    }
}

/// What member `i` of a group credits to `key`.
fn credit<'k>(story: &Story, group: &Group, i: usize, key: &'k str) -> Credit<'k> {
    let member = &group.members[i];
    Credit {
        doc: member.doc,
        span: story.alignment.member_span(member),
        key,
    }
}

fn check_group(story: &Story, entities: &Entities<'_>, group: &Group) -> Option<Finding> {
    let credited: Vec<Vec<String>> = group.members.iter().map(|m| speakers(story, m)).collect();
    let readings: Vec<(usize, String)> = credited
        .iter()
        .enumerate()
        .filter_map(|(i, s)| s.first().map(|k| (i, k.clone())))
        .collect();
    // Names that may be one person's (spellings, scripts, a surname and
    // the full name) read as one.
    let readings: Vec<(usize, String)> = readings
        .iter()
        .map(|(i, s)| {
            let canonical = readings
                .iter()
                .map(|(_, o)| o)
                .find(|o| may_be_same(s, o))
                .unwrap_or(s);
            (*i, canonical.clone())
        })
        .collect();
    if readings.len() < 2 || readings.iter().all(|(_, s)| *s == readings[0].1) {
        return None;
    }
    let (reference, holders) = match reference_reading(story, group, &readings) {
        Some(r) => r,
        None if readings.len() == 2 => (readings[0].1.clone(), vec![readings[0].0]),
        None => return None,
    };
    // Only a speaker clearly apart from the reference's, by every version
    // that holds the reference, is another speaker.
    let odd: Vec<&(usize, String)> = readings
        .iter()
        .filter(|(i, s)| {
            *s != reference
                && holders.iter().all(|&h| {
                    // One speaker the two claims share is the same speaker
                    // ("the ministry said Minister X told" / "X told").
                    !credited[*i]
                        .iter()
                        .any(|o| credited[h].iter().any(|r| may_be_same(o, r)))
                        && entities.distinct(
                            credit(story, group, *i, s),
                            credit(story, group, h, &reference),
                        )
                })
        })
        .collect();
    if odd.is_empty() {
        return None;
    }
    let odd_docs: Vec<usize> = odd.iter().map(|(i, _)| group.members[*i].doc).collect();
    let holder_docs: Vec<usize> = holders.iter().map(|&i| group.members[i].doc).collect();
    let mut others: Vec<String> = odd.iter().map(|(_, s)| entity_name(story, s)).collect();
    others.dedup();
    let message = format!(
        "Attribution differs: {} ({}) credit{} this to {} while {} ({}) credit{} it to {}",
        versions(odd_docs.len()),
        doc_names(story, &odd_docs),
        if odd_docs.len() == 1 { "s" } else { "" },
        others.join(" / "),
        versions(holder_docs.len()),
        doc_names(story, &holder_docs),
        if holder_docs.len() == 1 { "s" } else { "" },
        entity_name(story, &reference),
    );
    let mut evidence: Vec<Evidence> = odd
        .iter()
        .map(|(i, _)| *i)
        .chain(holders.iter().copied())
        .map(|i| member_evidence(story, &group.members[i]))
        .collect();
    sort_evidence(story, &mut evidence);
    Some(Finding::new(
        Kind::AttributionDrift,
        Severity::Error,
        message,
        evidence,
    ))
}
