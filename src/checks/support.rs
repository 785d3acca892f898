//! What the comparison checks share: reading an aligned group member by
//! member, majorities, evidence and wording of messages.

use crate::align::{Group, Member};
use crate::finding::{Evidence, Finding, Kind, Severity};
use crate::span::Span;
use crate::story::Story;

/// The evidence of a group member: its claim(s) as one span.
pub fn member_evidence(story: &Story, member: &Member) -> Evidence {
    Evidence::new(&story.docs[member.doc], story.alignment.member_span(member))
}

/// The text of a group member.
pub fn member_text<'a>(story: &'a Story, member: &Member) -> &'a str {
    story.docs[member.doc].slice(story.alignment.member_span(member))
}

/// "a_wire_en, b_portal_en" for a list of version indices.
pub fn doc_names(story: &Story, docs: &[usize]) -> String {
    docs.iter()
        .map(|&d| story.docs[d].id.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// "1 version" / "3 versions".
pub fn versions(n: usize) -> String {
    if n == 1 {
        "1 version".to_string()
    } else {
        format!("{n} versions")
    }
}

/// True when every claim of the member is a heading.
pub fn is_heading(story: &Story, member: &Member) -> bool {
    let claims = &story.alignment.claims[member.doc];
    member
        .claims
        .iter()
        .all(|&c| story.docs[member.doc].is_heading(claims[c].sentence))
}

/// Readings of a group split into the reference reading and the others.
/// `readings` holds (member index in the group, reading); members without a
/// reading are left out. With `--reference`, the reference version's reading
/// is the reference; otherwise the reading most versions hold, when it is a
/// strict majority. Returns (reference reading, its member indices) or None
/// when no reading can be called the reference (two versions that differ).
pub fn reference_reading<T: PartialEq + Clone>(
    story: &Story,
    group: &Group,
    readings: &[(usize, T)],
) -> Option<(T, Vec<usize>)> {
    if let Some(r) = story.reference {
        let (_, reading) = readings.iter().find(|(m, _)| group.members[*m].doc == r)?;
        let holders = readings
            .iter()
            .filter(|(_, x)| x == reading)
            .map(|(m, _)| *m)
            .collect();
        return Some((reading.clone(), holders));
    }
    // A strict majority: at most one reading can have it.
    readings.iter().find_map(|(_, reading)| {
        let holders: Vec<usize> = readings
            .iter()
            .filter(|(_, x)| x == reading)
            .map(|(m, _)| *m)
            .collect();
        (holders.len() * 2 > readings.len()).then(|| (reading.clone(), holders))
    })
}

/// How an entity is written in the story: its longest mention in the first
/// version that names it (the key itself when no version does).
pub fn entity_name(story: &Story, key: &str) -> String {
    for (doc, facts) in story.docs.iter().zip(&story.facts) {
        let best = facts
            .names
            .iter()
            .filter(|n| n.key == key && !n.boilerplate)
            .max_by_key(|n| (n.span.len(), std::cmp::Reverse(n.span.start)));
        if let Some(n) = best {
            return doc.slice(n.span).to_string();
        }
    }
    key.trim_start_matches("x:").to_string()
}

/// Sorts evidence by document order, then offset.
pub fn sort_evidence(story: &Story, evidence: &mut [Evidence]) {
    evidence.sort_by_key(|e| (story.doc_index(&e.doc), e.start, e.end));
}

/// The findings of every slot of comparable facts of every shared group:
/// `slots` cuts a group's facts into slots, `compare` judges one.
pub fn slot_findings<'a, S>(
    story: &'a Story,
    slots: impl Fn(&'a Story, &'a Group) -> Vec<S>,
    compare: impl Fn(&Story, &Group, &S) -> Option<Finding>,
) -> Vec<Finding> {
    story
        .alignment
        .shared_groups()
        .flat_map(|group| {
            slots(story, group)
                .into_iter()
                .filter_map(|slot| compare(story, group, &slot))
        })
        .collect()
}

/// A drift finding over one slot of comparable facts, one per member:
/// `class` gives each member's reading (members whose facts agree share
/// one), `span` each member's fact. The reference reading (the reference
/// version's, or the majority's; with two members, the first's) is set
/// against the others, and every side is cited. `what` names the facts in
/// the message ("Numbers", "Dates").
pub fn slot_drift(
    story: &Story,
    group: &Group,
    members: &[(usize, Span)],
    class: impl Fn(usize) -> usize,
    kind: Kind,
    what: &str,
) -> Option<Finding> {
    let readings: Vec<(usize, usize)> = members.iter().map(|&(m, _)| (m, class(m))).collect();
    if readings.iter().all(|(_, c)| *c == readings[0].1) {
        return None;
    }
    let (reference, holders) = match reference_reading(story, group, &readings) {
        Some(r) => r,
        None if members.len() == 2 => (readings[0].1, vec![readings[0].0]),
        None => return None,
    };
    let odd: Vec<usize> = readings
        .iter()
        .filter(|(_, c)| *c != reference)
        .map(|(m, _)| *m)
        .collect();
    let span = |m: usize| members.iter().find(|(x, _)| *x == m).map(|(_, s)| *s);
    let text = |m: usize| {
        let doc = &story.docs[group.members[m].doc];
        span(m)
            .map(|s| doc.slice(s).to_string())
            .unwrap_or_default()
    };
    let docs = |idx: &[usize]| {
        idx.iter()
            .map(|&m| group.members[m].doc)
            .collect::<Vec<_>>()
    };
    let mut odd_texts: Vec<String> = odd.iter().map(|&m| format!("\"{}\"", text(m))).collect();
    odd_texts.dedup();
    let message = format!(
        "{what} differ: {} in {} ({}) but \"{}\" in {} ({})",
        odd_texts.join(" / "),
        versions(odd.len()),
        doc_names(story, &docs(&odd)),
        text(holders[0]),
        versions(holders.len()),
        doc_names(story, &docs(&holders)),
    );
    let mut evidence: Vec<Evidence> = odd
        .iter()
        .chain(&holders)
        .filter_map(|&m| span(m).map(|s| Evidence::new(&story.docs[group.members[m].doc], s)))
        .collect();
    sort_evidence(story, &mut evidence);
    Some(Finding::new(kind, Severity::Error, message, evidence))
}

/// The claim groups each claim of each version belongs to.
pub fn groups_of_claims(story: &Story) -> ClaimGroups {
    // Counted, then placed: a vector per claim cost 56 bytes or more for
    // the one group most claims are in (a long document has hundreds of
    // thousands).
    let claims = &story.alignment.claims;
    let mut starts: Vec<Vec<u32>> = claims.iter().map(|c| vec![0; c.len() + 1]).collect();
    for group in &story.alignment.groups {
        for m in &group.members {
            for &c in &m.claims {
                starts[m.doc][c + 1] += 1;
            }
        }
    }
    for list in &mut starts {
        for c in 1..list.len() {
            list[c] += list[c - 1];
        }
    }
    let mut groups: Vec<Vec<usize>> = starts
        .iter()
        .map(|s| vec![0; s.last().map_or(0, |&n| n as usize)])
        .collect();
    let mut next: Vec<Vec<u32>> = starts.clone();
    for (g, group) in story.alignment.groups.iter().enumerate() {
        for m in &group.members {
            for &c in &m.claims {
                let at = &mut next[m.doc][c];
                groups[m.doc][*at as usize] = g;
                *at += 1;
            }
        }
    }
    ClaimGroups { starts, groups }
}

/// The groups each claim of each version is in, in group order
/// ([`groups_of_claims`]).
pub struct ClaimGroups {
    /// Per version, where each claim's groups start in `groups` (one more
    /// than claims).
    starts: Vec<Vec<u32>>,
    /// Per version, the groups of its claims one after the other.
    groups: Vec<Vec<usize>>,
}

impl ClaimGroups {
    /// The groups claim `c` of version `d` is in.
    pub fn of(&self, d: usize, c: usize) -> &[usize] {
        let starts = &self.starts[d];
        &self.groups[d][starts[c] as usize..starts[c + 1] as usize]
    }
}

/// The index of the claim of document `doc` that holds `span`, if one does.
pub fn claim_of(story: &Story, doc: usize, span: Span) -> Option<usize> {
    let claims = &story.alignment.claims[doc];
    let c = claims.partition_point(|c| c.span.end <= span.start);
    claims.get(c).filter(|c| c.span.contains(&span)).map(|_| c)
}
