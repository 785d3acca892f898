//! `pronoun_drift`: the versions give one person different genders.

use std::collections::{BTreeMap, BTreeSet};

use super::Check;
use super::support::{
    ClaimGroups, claim_of, doc_names, entity_name, groups_of_claims, reference_reading,
    sort_evidence, versions,
};
use crate::align::{Group, Member};
use crate::extract::{GenderCue, GenderSignal};
use crate::finding::{Evidence, Finding, Kind, Severity};
use crate::lexicon::Lexicons;
use crate::names::Gender;
use crate::span::{Span, overlapping};
use crate::story::Story;

/// Flags gender cues of a person that contradict the other versions.
pub struct PronounDrift;

/// The cues of one person, by the gender they give: (version, cue).
type CuesByGender<'a> = BTreeMap<Gender, Vec<(usize, &'a GenderSignal)>>;

/// Words between a subject pronoun and the speech verb that makes it the
/// speaker's ("she has said", "a-t-elle déclaré").
const SPEECH_REACH: usize = 2;
/// At most this many cues of one side are cited per version.
const MAX_CITED: usize = 3;

/// Cues that are evidence of how a version genders a person (a given name's
/// usual gender is a prior, not evidence).
fn is_evidence(signal: &GenderSignal) -> bool {
    signal.cue != GenderCue::GivenName
}

/// True for a masculine office title in Russian or Ukrainian, which says
/// nothing of a person's gender: both use it for women as a matter of
/// course ("директор", "министр" of a woman), while a feminine title
/// (директорка, міністерка) does mark a woman. Elsewhere the masculine
/// form of a title a language also has in the feminine marks a man.
fn generic_title(signal: &GenderSignal, lang: &str) -> bool {
    signal.cue == GenderCue::Title && signal.gender == Gender::Male && matches!(lang, "ru" | "uk")
}

impl Check for PronounDrift {
    fn kind(&self) -> Kind {
        Kind::PronounDrift
    }

    fn explain(&self) -> &'static str {
        "pronoun_drift (error): a version gives a person another gender than the other versions \
do: \"she told Reuters\" in three versions, \"he stated\" in the fourth; \"In her letter, X\" \
where the others write \"In his letter, X\".\n\n\
How: pronouns (he/she, his/her, ele/ela, él/ella, er/sie, il/elle, він/вона, он/она), \
gendered verb forms (заявив/заявила, сказал/сказала), gendered titles (a ministra, die \
Ministerin, міністерка) and honorifics are tied to the person they refer to (the most \
recent person named, whatever the cue's gender, so that a wrong pronoun stays visible). \
A pronoun counts against the others only when the alignment ties it to a cue of the other \
gender for the same person in another version (both in one group of aligned claims): a \
pronoun resolved to the wrong person finds no such partner. \
Each person's gender is the reference version's or the majority of all versions' cues; a \
cue that contradicts it is reported with the cues of the other versions. With two cues \
that disagree and no majority, both are cited. Boilerplate is skipped."
    }

    fn run(&self, story: &Story, lexicons: &Lexicons) -> Vec<Finding> {
        // entity key → (gender → cues as (doc, signal)).
        let mut by_entity: BTreeMap<&str, CuesByGender> = BTreeMap::new();
        // entity key → (gender → versions whose given name says it).
        let mut priors: BTreeMap<&str, BTreeMap<Gender, BTreeSet<usize>>> = BTreeMap::new();
        for (d, facts) in story.facts.iter().enumerate() {
            for s in &facts.genders {
                if story.docs[d].is_boilerplate(s.span) {
                    continue;
                }
                if generic_title(s, &story.docs[d].language.code) {
                    continue;
                }
                if !is_evidence(s) {
                    priors
                        .entry(s.entity_key.as_str())
                        .or_default()
                        .entry(s.gender)
                        .or_default()
                        .insert(d);
                    continue;
                }
                by_entity
                    .entry(s.entity_key.as_str())
                    .or_default()
                    .entry(s.gender)
                    .or_default()
                    .push((d, s));
            }
        }
        let claim_groups = groups_of_claims(story);
        let mut out = Vec::new();
        for (key, genders) in by_entity {
            if genders.len() < 2 {
                continue;
            }
            // The gender the given name says in at least two versions, and
            // no version's given name contradicts.
            // It only counts against cues tied to the name itself (a verb,
            // a title): a pronoun that contradicts it may be resolved to
            // the wrong person.
            let prior = priors
                .get(key)
                .and_then(|p| match p.iter().collect::<Vec<_>>()[..] {
                    [(&g, docs)] if docs.len() >= 2 => Some(g),
                    _ => None,
                })
                .filter(|g| {
                    genders
                        .iter()
                        .filter(|(k, _)| *k != g)
                        .flat_map(|(_, cues)| cues)
                        .all(|(_, s)| s.cue != GenderCue::Pronoun)
                });
            let Some((right, wrong)) = decide(story, &genders, prior) else {
                continue;
            };
            if !tied(story, &claim_groups, &genders[&wrong], &genders[&right]) {
                continue;
            }
            let wrong_docs = docs_of(&genders[&wrong]);
            let right_docs = docs_of(&genders[&right]);
            // One version against one other in a story of more: a pronoun
            // resolved to the wrong person looks the same; wait for a
            // majority, which the given name may complete.
            if right_docs.len() < 2 && story.docs.len() > 2 && prior != Some(right) {
                continue;
            }
            let name = entity_name(story, key);
            let word = |g: Gender, d: usize| {
                let cue = genders[&g]
                    .iter()
                    .find(|(doc, _)| *doc == d)
                    .map(|(_, s)| s.span);
                cue.map(|c| story.docs[d].slice(c).to_string())
                    .unwrap_or_default()
            };
            let message = format!(
                "{name} is \"{}\" in {} ({}) but \"{}\" in {} ({})",
                word(right, right_docs[0]),
                versions(right_docs.len()),
                doc_names(story, &right_docs),
                word(wrong, wrong_docs[0]),
                versions(wrong_docs.len()),
                doc_names(story, &wrong_docs),
            );
            let mut evidence: Vec<Evidence> = Vec::new();
            for (g, docs) in [(wrong, &wrong_docs), (right, &right_docs)] {
                for &d in docs {
                    let cues = genders[&g]
                        .iter()
                        .filter(|(doc, _)| *doc == d)
                        .take(MAX_CITED);
                    evidence.extend(cues.map(|(_, s)| Evidence::new(&story.docs[d], s.span)));
                }
            }
            sort_evidence(story, &mut evidence);
            out.push(Finding::new(
                Kind::PronounDrift,
                Severity::Error,
                message,
                evidence,
            ));
        }
        let cited: Vec<(String, usize)> = out
            .iter()
            .flat_map(|f| f.evidence.iter().map(|e| (e.doc.clone(), e.start)))
            .collect();
        for group in story.alignment.shared_groups() {
            if let Some(f) = aligned_speakers(story, group, lexicons) {
                let known = f
                    .evidence
                    .iter()
                    .any(|e| cited.contains(&(e.doc.clone(), e.start)));
                if !known {
                    out.push(f);
                }
            }
        }
        out
    }
}

/// The gender cues of the person a claim is about, outside its quotes:
/// subject pronouns next to a speech verb ("she said", "ele disse") and
/// gendered speech verbs
/// (заявила, сказал). Pronoun resolution may not tie them to a person (a
/// pronoun that contradicts a gendered title is not resolved), so aligned
/// claims compare them directly.
fn speaker_cues(story: &Story, member: &Member, lexicons: &Lexicons) -> Vec<(Gender, Span)> {
    let doc = &story.docs[member.doc];
    let cues = &lexicons.lang(&doc.language.code).cues;
    let quotes: Vec<Span> = overlapping(
        &story.facts[member.doc].quotes,
        story.alignment.member_span(member),
        8,
        |q| q.span,
    )
    .filter(|q| !q.indirect)
    .map(|q| q.span)
    .collect();
    let claims = &story.alignment.claims[member.doc];
    let mut out = Vec::new();
    for &c in &member.claims {
        let sentence = &doc.sentences[claims[c].sentence];
        let words = doc.words_of(sentence);
        let folded = &doc.infos.slice(sentence.first_word..sentence.end_word);

        for (i, w) in words.iter().enumerate() {
            if quotes.iter().any(|q| q.contains(&w.span())) {
                continue;
            }
            // A subject pronoun is the speaker's only next to a speech verb
            // ("she said", "sagte er"): elsewhere it may stand for a thing,
            // which has a grammatical gender in most languages.
            let speaks = || {
                (i.saturating_sub(SPEECH_REACH)..(i + 1 + SPEECH_REACH).min(words.len()))
                    .any(|j| j != i && cues.speech_verbs.match_at(folded, j).is_some())
            };
            if let Some(p) = cues
                .pronouns
                .get(doc.lower(sentence.first_word + i))
                .filter(|p| p.subject && speaks())
            {
                out.push((p.gender, w.span()));
            } else if let Some(g) = cues.speech_verbs.match_at(folded, i).and_then(|p| p.gender) {
                out.push((g, w.span()));
            }
        }
    }
    out
}

/// Aligned claims whose speaker cues give different genders: "she told
/// Reuters" in two versions, "he stated" in a third.
fn aligned_speakers(story: &Story, group: &Group, lexicons: &Lexicons) -> Option<Finding> {
    let cues: Vec<Vec<(Gender, Span)>> = group
        .members
        .iter()
        .map(|m| speaker_cues(story, m, lexicons))
        .collect();
    let readings: Vec<(usize, Gender)> = cues
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.is_empty() && c.iter().all(|(g, _)| *g == c[0].0))
        .map(|(i, c)| (i, c[0].0))
        .collect();
    if readings.len() < 2 || readings.iter().all(|(_, g)| *g == readings[0].1) {
        return None;
    }
    let (right, holders) = match reference_reading(story, group, &readings) {
        Some(r) => r,
        None if story.docs.len() == 2 => (readings[0].1, vec![readings[0].0]),
        None => return None,
    };
    let odd: Vec<usize> = readings
        .iter()
        .filter(|(_, g)| *g != right)
        .map(|(i, _)| *i)
        .collect();
    let word = |i: usize| {
        story.docs[group.members[i].doc]
            .slice(cues[i][0].1)
            .to_string()
    };
    let docs = |idx: &[usize]| {
        idx.iter()
            .map(|&i| group.members[i].doc)
            .collect::<Vec<_>>()
    };
    let message = format!(
        "The speaker of this claim is \"{}\" in {} ({}) but \"{}\" in {} ({})",
        word(holders[0]),
        versions(holders.len()),
        doc_names(story, &docs(&holders)),
        word(odd[0]),
        versions(odd.len()),
        doc_names(story, &docs(&odd)),
    );
    let mut evidence: Vec<Evidence> = odd
        .iter()
        .chain(&holders)
        .map(|&i| Evidence::new(&story.docs[group.members[i].doc], cues[i][0].1))
        .collect();
    sort_evidence(story, &mut evidence);
    Some(Finding::new(
        Kind::PronounDrift,
        Severity::Error,
        message,
        evidence,
    ))
}

/// True when a cue of `wrong` is evidence against `right`: a verb, title or
/// honorific, which stand by the name itself, or a pronoun the alignment
/// ties to a cue of `right` in another version (both in claims of one
/// group). A pronoun is resolved to the person named last, who may be
/// another person; one whose claim no other version words with the other
/// gender for the same person is no evidence.
fn tied(
    story: &Story,
    claim_groups: &ClaimGroups,
    wrong: &[(usize, &GenderSignal)],
    right: &[(usize, &GenderSignal)],
) -> bool {
    let groups_at =
        |d: usize, s: Span| claim_of(story, d, s).map_or(&[][..], |c| claim_groups.of(d, c));
    wrong.iter().any(|&(d, w)| {
        if w.cue != GenderCue::Pronoun {
            return true;
        }
        let groups = groups_at(d, w.span);
        right
            .iter()
            .filter(|(d2, _)| *d2 != d)
            .any(|&(d2, r)| groups_at(d2, r.span).iter().any(|g| groups.contains(g)))
    })
}

fn docs_of(cues: &[(usize, &GenderSignal)]) -> Vec<usize> {
    let mut docs: Vec<usize> = cues.iter().map(|(d, _)| *d).collect();
    docs.dedup();
    docs
}

/// (the person's gender, the contradicting one): the reference version's
/// gender, else the gender more versions use, else the gender of more cues.
/// None when nothing tells them apart.
fn decide(
    story: &Story,
    genders: &CuesByGender,
    prior: Option<Gender>,
) -> Option<(Gender, Gender)> {
    let [(&a, ca), (&b, cb)] = genders.iter().collect::<Vec<_>>()[..] else {
        return None;
    };
    let flip = |g: Gender| if g == a { (a, b) } else { (b, a) };
    if let Some(r) = story.reference {
        let in_ref = |c: &[(usize, &GenderSignal)]| c.iter().filter(|(d, _)| *d == r).count();
        match in_ref(ca).cmp(&in_ref(cb)) {
            std::cmp::Ordering::Greater => return Some(flip(a)),
            std::cmp::Ordering::Less => return Some(flip(b)),
            std::cmp::Ordering::Equal => {}
        }
    }
    let (da, db) = (docs_of(ca).len(), docs_of(cb).len());
    // As many versions on each side: the given name decides.
    if let Some(g) = prior.filter(|g| da == db && genders.contains_key(g)) {
        return Some(flip(g));
    }
    match da.cmp(&db).then(ca.len().cmp(&cb.len())) {
        std::cmp::Ordering::Greater => Some(flip(a)),
        std::cmp::Ordering::Less => Some(flip(b)),
        // Two versions, one cue each: no side to take; cite both, the
        // first version's as the reference.
        std::cmp::Ordering::Equal => {
            let first = ca[0].0.min(cb[0].0);
            Some(if ca[0].0 == first { flip(a) } else { flip(b) })
        }
    }
}
