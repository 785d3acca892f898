//! `attribution_drift`: an aligned statement or quote credited to another
//! speaker or source.

use super::Check;
use super::support::{
    doc_names, entity_name, member_evidence, reference_reading, same_person, sort_evidence,
    versions,
};
use crate::align::{Group, Member};
use crate::finding::{Evidence, Finding, Kind, Severity};
use crate::lexicon::Lexicons;
use crate::span::overlapping;
use crate::story::Story;

/// Quotes opened before a claim that are still looked at (nested or long quotes).
const QUOTE_LOOKBACK: usize = 8;

/// Flags aligned claims whose named speakers differ.
pub struct AttributionDrift;

/// The speaker a member credits its statement to: the named speaker of the
/// first quote or reported statement in its claims. Pronoun speakers are left
/// out (a wrong pronoun is `pronoun_drift`'s business, and pronoun resolution
/// is a guess), as are quotes that only continue an earlier one.
fn speaker(story: &Story, member: &Member) -> Option<String> {
    let span = story.alignment.member_span(member);
    overlapping(&story.facts[member.doc].quotes, span, QUOTE_LOOKBACK, |q| {
        q.span
    })
    .filter(|q| !q.boilerplate && q.depth == 0)
    .find_map(|q| q.speaker.as_ref())
    .filter(|s| !s.via_pronoun && !s.continued)
    .map(|s| s.key.clone())
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
що ...) gets its speaker from speech-verb frames (lexicons/<lang>/speech_verbs.txt); \
speakers are entity keys, equal across spellings and scripts. In each group of aligned \
claims (see `driftcheck align`) the speakers named in each version are compared; a version \
naming another speaker than the reference (--reference) or the majority is reported. \
Speakers given only by a pronoun are not compared (see pronoun_drift)."
    }

    fn run(&self, story: &Story, _lexicons: &Lexicons) -> Vec<Finding> {
        story
            .alignment
            .shared_groups()
            .filter_map(|g| check_group(story, g))
            .collect()
    }
}

fn check_group(story: &Story, group: &Group) -> Option<Finding> {
    let readings: Vec<(usize, String)> = group
        .members
        .iter()
        .enumerate()
        .filter_map(|(i, m)| speaker(story, m).map(|s| (i, s)))
        .collect();
    // Spelling variants of one person's name read as that person.
    let readings: Vec<(usize, String)> = readings
        .iter()
        .map(|(i, s)| {
            let canonical = readings
                .iter()
                .map(|(_, o)| o)
                .find(|o| same_person(story, s, o))
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
    let odd: Vec<&(usize, String)> = readings.iter().filter(|(_, s)| *s != reference).collect();
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
