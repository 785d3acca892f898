//! `polarity_drift`: one version negates a claim the others assert, or turns
//! it around with a word of opposite meaning.

use super::Check;
use super::support::{doc_names, member_evidence, reference_reading, versions};
use crate::align::{Group, Member};
use crate::finding::{Evidence, Finding, Kind, Severity};
use crate::lexicon::{LangLexicon, Lexicons};
use crate::stem::stem;
use crate::story::Story;
use crate::text::lower;

/// Flags aligned claims whose negation differs.
pub struct Polarity;

/// Across languages a flip is only trusted in a group this well aligned.
const CROSS_LANGUAGE_SCORE: f64 = 0.4;
/// How many words after a negation cue its head may be.
const HEAD_WINDOW: usize = 4;

/// The polarity of one member.
struct Reading {
    /// Spans of the negation cues and negative words.
    cues: Vec<crate::span::Span>,
    /// How many of them are cues ("not"), not negative words ("refused").
    plain_cues: usize,
    /// Spans of words that have an opposite in the lexicon ("accepted").
    opposable: Vec<crate::span::Span>,
    /// Stems of the words the cues negate.
    heads: Vec<String>,
    /// Stems of every content word.
    stems: Vec<String>,
}

impl Reading {
    /// Each cue and each negative word turns the claim around once: "did not
    /// reject" asserts what "accepted" does, and denies what "rejected" does.
    fn negated(&self) -> bool {
        self.cues.len() % 2 == 1
    }
}

fn read(story: &Story, member: &Member, lex: &LangLexicon) -> Reading {
    let doc = &story.docs[member.doc];
    let lang = doc.language.code.as_str();
    let claims = &story.alignment.claims[member.doc];
    let mut reading = Reading {
        cues: Vec::new(),
        plain_cues: 0,
        opposable: Vec::new(),
        heads: Vec::new(),
        stems: Vec::new(),
    };
    for &c in &member.claims {
        let words = doc.words_of(&doc.sentences[claims[c].sentence]);
        let lows: Vec<String> = words.iter().map(|w| lower(doc.slice(w.span))).collect();
        let mut i = 0;
        while i < words.len() {
            let pair = lows.get(i + 1).map(|next| format!("{} {next}", lows[i]));
            let is = |list: &[String], w: &str| list.iter().any(|c| c == w);
            let (len, cue) = match &pair {
                Some(p) if is(&lex.negation_cues, p) || is(&lex.negative_words, p) => {
                    (2, is(&lex.negation_cues, p))
                }
                _ if is(&lex.negation_cues, &lows[i]) || lows[i].ends_with("n't") => (1, true),
                _ if is(&lex.negative_words, &lows[i]) => (1, false),
                _ => {
                    if !lex.is_function_word(&lows[i]) {
                        let s = stem(lang, &lows[i]);
                        if lex.antonyms.iter().any(|(p, q)| *p == s || *q == s) {
                            reading.opposable.push(words[i].span);
                        }
                        reading.stems.push(s);
                    }
                    i += 1;
                    continue;
                }
            };
            reading
                .cues
                .push(words[i].span.cover(&words[i + len - 1].span));
            if cue {
                reading.plain_cues += 1;
                let head = (i + len..words.len().min(i + len + HEAD_WINDOW)).find(|&k| {
                    !lex.is_function_word(&lows[k]) && !is(&lex.negation_cues, &lows[k])
                });
                if let Some(k) = head {
                    reading.heads.push(stem(lang, &lows[k]));
                }
            } else {
                // A negative word is its own head, and a content word too.
                reading.heads.push(stem(lang, &lows[i]));
                reading.stems.push(stem(lang, &lows[i]));
            }
            i += len;
        }
    }
    reading.stems.sort();
    reading.stems.dedup();
    reading
}

/// True when one reading negates a word the other asserts, or the two use
/// words of opposite meaning.
fn confirmed_flip(a: &Reading, b: &Reading, lex: &LangLexicon) -> bool {
    let negates = |x: &Reading, y: &Reading| {
        x.negated() && !y.negated() && x.heads.iter().any(|h| y.stems.contains(h))
    };
    let opposite = lex.antonyms.iter().any(|(p, q)| {
        a.stems.contains(p) && b.stems.contains(q) || a.stems.contains(q) && b.stems.contains(p)
    }) && (a.plain_cues > 0) == (b.plain_cues > 0);
    negates(a, b) || negates(b, a) || opposite
}

impl Check for Polarity {
    fn kind(&self) -> Kind {
        Kind::PolarityDrift
    }

    fn explain(&self) -> &'static str {
        "polarity_drift (error): one version negates a claim the others assert, or turns it \
around (\"there is no consensus\" vs \"there is now a consensus\", \"did not reject\" vs \
\"rejected\", \"won\" vs \"lost\").\n\n\
How: in each group of aligned claims (see `driftcheck align`), each version's claim is \
read for negation cues and negative words (lexicons/<lang>/negation.txt) and words of \
opposite meaning (antonyms.txt). A version whose polarity differs from the reference's \
(--reference) or the majority's is reported when the flip is confirmed: within one \
language, the negated word appears un-negated in the other version, or the versions use \
opposite words; across languages, the group is well aligned and a single version stands \
against at least two. With two versions that differ, both sides are cited without taking \
a side."
    }

    fn run(&self, story: &Story, lexicons: &Lexicons) -> Vec<Finding> {
        story
            .alignment
            .groups
            .iter()
            .filter(|g| g.members.len() >= 2)
            .filter_map(|g| check_group(story, g, lexicons))
            .collect()
    }
}

fn check_group(story: &Story, group: &Group, lexicons: &Lexicons) -> Option<Finding> {
    let lang = |m: &Member| story.docs[m.doc].language.code.as_str();
    let readings: Vec<Reading> = group
        .members
        .iter()
        .map(|m| read(story, m, lexicons.lang(lang(m))))
        .collect();
    let polarity: Vec<(usize, bool)> = readings
        .iter()
        .enumerate()
        .map(|(i, r)| (i, r.negated()))
        .collect();
    let flipped_pair = |i: usize, j: usize| {
        let (mi, mj) = (&group.members[i], &group.members[j]);
        lang(mi) == lang(mj) && confirmed_flip(&readings[i], &readings[j], lexicons.lang(lang(mi)))
    };
    let (odd, even): (Vec<usize>, Vec<usize>) = match reference_reading(story, group, &polarity) {
        Some((_, holders)) => {
            let odd: Vec<usize> = (0..readings.len())
                .filter(|i| !holders.contains(i))
                .collect();
            (odd, holders)
        }
        None if readings.len() == 2 => (vec![1], vec![0]),
        None => return None,
    };
    // Antonyms flip claims of equal negation, which the majority above cannot see.
    let (odd, even) = if odd.is_empty() {
        let pair = (0..readings.len())
            .flat_map(|i| (i + 1..readings.len()).map(move |j| (i, j)))
            .find(|&(i, j)| flipped_pair(i, j))?;
        if readings.len() > 2 {
            return None;
        }
        (vec![pair.1], vec![pair.0])
    } else {
        (odd, even)
    };
    let confirmed = odd.iter().all(|&o| {
        even.iter().any(|&e| flipped_pair(o, e))
            || odd.len() == 1
                && even.len() >= 2
                && group
                    .members
                    .iter()
                    .all(|m| m.score >= CROSS_LANGUAGE_SCORE)
                && even
                    .iter()
                    .all(|&e| lang(&group.members[e]) != lang(&group.members[o]))
    });
    if !confirmed {
        return None;
    }
    let describe = |idx: &[usize]| -> String {
        let docs: Vec<usize> = idx.iter().map(|&i| group.members[i].doc).collect();
        let quoted = |spans: &dyn Fn(&Reading) -> &Vec<crate::span::Span>| -> Vec<String> {
            let mut words: Vec<String> = idx
                .iter()
                .flat_map(|&i| {
                    let doc = &story.docs[group.members[i].doc];
                    spans(&readings[i])
                        .iter()
                        .map(move |c| format!("\"{}\"", doc.slice(*c)))
                })
                .collect();
            words.dedup();
            words
        };
        let cues = quoted(&|r: &Reading| &r.cues);
        let opposable = quoted(&|r: &Reading| &r.opposable);
        // "1 version (b) negates it", "2 versions (a, c) assert it".
        let s = if idx.len() == 1 { "s" } else { "" };
        let how = if readings[idx[0]].negated() {
            format!("negate{s} it ({})", cues.join(", "))
        } else {
            let words: Vec<String> = cues.into_iter().chain(opposable).collect();
            if words.is_empty() {
                format!("assert{s} it")
            } else {
                format!("assert{s} it ({})", words.join(", "))
            }
        };

        format!(
            "{} ({}) {how}",
            versions(docs.len()),
            doc_names(story, &docs)
        )
    };
    let message = format!(
        "Polarity differs: {} while {}",
        describe(&odd),
        describe(&even)
    );
    let mut evidence: Vec<Evidence> = odd
        .iter()
        .chain(&even)
        .map(|&i| member_evidence(story, &group.members[i]))
        .collect();
    evidence.sort_by(|a, b| {
        (story.doc_index(&a.doc), a.start).cmp(&(story.doc_index(&b.doc), b.start))
    });
    Some(Finding::new(
        Kind::PolarityDrift,
        Severity::Error,
        message,
        evidence,
    ))
}
