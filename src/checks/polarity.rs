//! `polarity_drift`: one version negates a claim the others assert, or turns
//! it around with a word of opposite meaning.

use super::Check;
use super::support::{doc_names, member_evidence, reference_reading, versions};
use crate::align::{Group, Member};
use crate::finding::{Evidence, Finding, Kind, Severity};
use crate::lexicon::Lexicons;
use crate::span::Span;
use crate::stem::stem;
use crate::story::Story;

/// Flags aligned claims whose negation differs.
pub struct Polarity;

/// Across languages a flip is only trusted between members the alignment
/// is this sure of (the pair model's log-likelihood ratio, nats).
const CROSS_LANGUAGE_LLR: f64 = 2.0;
/// How many content words after a negation cue it negates, at most (a
/// clause boundary ends the scope earlier).
const SCOPE: usize = 3;

/// A content word with its polarity.
struct Signed {
    /// Its stem, or the pair key of an antonym ("accept|reject").
    key: String,
    /// True when the claim denies it: in the scope of a cue, or a negative
    /// word, or the negative side of an antonym pair (two of these cancel).
    negated: bool,
    /// True for the first word a cue negates, and for negative words.
    direct: bool,
    /// The word.
    span: Span,
}

/// The polarity of one member.
struct Reading {
    words: Vec<Signed>,
    /// Spans of the negation cues and negative words.
    cues: Vec<Span>,
    /// How many of them are negation cues ("not", "não"), which translations
    /// keep, rather than negative words ("refused"), which they may rephrase.
    plain: usize,
}

impl Reading {
    /// The word with this key or, when `fuzzy`, a stem close to it:
    /// irregular forms keep their start ("choose" / "chose"; "bring" /
    /// "brought" do not).
    fn sign(&self, key: &str, fuzzy: bool) -> Option<&Signed> {
        self.words.iter().find(|w| w.key == key).or_else(|| {
            self.words
                .iter()
                .find(|w| fuzzy && close_stems(&w.key, key))
        })
    }
}

/// True when two stems are probably forms of one word: the same first three
/// letters and a Jaro-Winkler similarity of at least 0.85.
fn close_stems(a: &str, b: &str) -> bool {
    let prefix = |s: &str| s.chars().take(3).collect::<String>();
    !a.contains('|')
        && !b.contains('|')
        && a.chars().count() >= 4
        && b.chars().count() >= 4
        && prefix(a) == prefix(b)
        && strsim::jaro_winkler(a, b) >= 0.85
}

/// Two claims in one language must be this similar for a flipped word to
/// count: in looser paraphrases the same word plays other roles.
const PARAPHRASE_SCORE: f64 = 0.45;
/// With no third reading to side with either, a pair of claims must be this
/// similar for a flipped word to count.
const LONE_PAIR_SCORE: f64 = 0.6;
/// Claims this similar are one sentence edited: only between them are two
/// close stems taken for one word.
const NEAR_IDENTICAL: f64 = 0.7;

/// The best similarity between the claims of two members.
fn member_similarity(story: &Story, a: &Member, b: &Member) -> f64 {
    let same = story.docs[a.doc].language.code == story.docs[b.doc].language.code;
    a.claims
        .iter()
        .flat_map(|&x| {
            b.claims
                .iter()
                .map(move |&y| story.alignment.similarity((a.doc, x), (b.doc, y), same))
        })
        .fold(0.0, f64::max)
}

/// Punctuation between two words that ends a negation's scope.
fn ends_scope(gap: &str) -> bool {
    gap.contains([
        ',', ';', ':', '.', '!', '?', '—', '–', '(', ')', '"', '“', '”', '«', '»',
    ])
}

fn read(story: &Story, member: &Member, lexicons: &Lexicons) -> Reading {
    let doc = &story.docs[member.doc];
    let lang = doc.language.code.as_str();
    let lex = lexicons.lang(lang);
    let claims = &story.alignment.claims[member.doc];
    let mut reading = Reading {
        words: Vec::new(),
        cues: Vec::new(),
        plain: 0,
    };
    let neg = &lex.negation;
    let mut pair = String::new();
    for &c in &member.claims {
        let sentence = &doc.sentences[claims[c].sentence];
        let words = doc.words_of(sentence);
        let lows: Vec<&str> = (sentence.first_word..sentence.end_word)
            .map(|w| doc.lower(w))
            .collect();
        // Content words still to negate, and whether the next one is the head.
        let mut scope = 0usize;
        let mut head = false;
        let mut i = 0;
        while i < words.len() {
            if i > 0 && ends_scope(&doc.text[words[i - 1].span.end..words[i].span.start]) {
                scope = 0;
            }
            pair.clear();
            if let Some(next) = lows
                .get(i + 1)
                .filter(|_| neg.pair_starts.contains(lows[i]))
            {
                pair.push_str(lows[i]);
                pair.push(' ');
                pair.push_str(next);
            }
            let two = !pair.is_empty() && (neg.is_cue(&pair) || neg.is_negative(&pair));
            let len = if two { 2 } else { 1 };
            let text = if two { pair.as_str() } else { lows[i] };
            let span = words[i].span.cover(&words[i + len - 1].span);
            let at = sentence.first_word + i;
            i += len;
            // An elided cue is one word with its verb: "n'a", "n’est".
            let elided = || {
                text.contains(['\'', '’']) && {
                    let text = text.replace('’', "'");
                    neg.elided.iter().any(|c| text.starts_with(c.as_str()))
                }
            };
            if neg.is_cue(text) || text.ends_with("n't") || elided() {
                reading.cues.push(span);
                reading.plain += 1;
                scope = SCOPE;
                head = true;
                continue;
            }
            let word = doc.slice(span);
            let name = span.start != words[0].span.start && crate::text::is_capitalized(word);
            // `text` is lower case already.
            if lex.is_function_word_lower(text) || name || word.chars().any(|c| c.is_ascii_digit())
            {
                continue;
            }
            // A single word's stem is among its alignment features.
            let shared = (!two)
                .then(|| {
                    doc.infos[at]
                        .features(|| {
                            crate::document::word_info::word_features(word, lang, lexicons)
                        })
                        .and_then(|f| f.stem())
                })
                .flatten();
            let stem = shared.map_or_else(|| stem(lang, text), str::to_string);
            let antonym = neg.antonym(&stem);
            let negative = neg.is_negative(text);
            if negative {
                reading.cues.push(span);
            }
            let (key, inherent) = match antonym {
                Some((p, q)) => (format!("{p}|{q}"), *q == stem),
                None => (stem, negative),
            };
            let in_scope = scope > 0;
            reading.words.push(Signed {
                key,
                negated: in_scope != inherent,
                direct: head || negative || antonym.is_some(),
                span,
            });
            head = false;
            scope = scope.saturating_sub(1);
        }
    }
    reading
}

/// The key of a word whose polarity differs between two claims in one
/// language: a word one claim negates directly (or an antonym) that the other
/// states with the other polarity.
fn flip_key(a: &Reading, b: &Reading, fuzzy: bool) -> Option<String> {
    let flips = |x: &Reading, y: &Reading| {
        x.words
            .iter()
            .filter(|w| w.direct)
            .find(|w| {
                y.sign(&w.key, fuzzy)
                    .is_some_and(|v| v.negated != w.negated)
            })
            .map(|w| w.key.clone())
    };
    flips(a, b).or_else(|| flips(b, a))
}

impl Check for Polarity {
    fn kind(&self) -> Kind {
        Kind::PolarityDrift
    }

    fn explain(&self) -> &'static str {
        "polarity_drift (error): one version negates a claim the others assert, or turns it \
around (\"there is no agreement\" vs \"there is now an agreement\", \"did not reject\" vs \
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
            .shared_groups()
            .filter_map(|g| check_group(story, g, lexicons))
            .collect()
    }
}

fn check_group(story: &Story, group: &Group, lexicons: &Lexicons) -> Option<Finding> {
    let lang = |i: usize| story.docs[group.members[i].doc].language.code.as_str();
    let readings: Vec<Reading> = (0..group.members.len())
        .map(|i| read(story, &group.members[i], lexicons))
        .collect();
    let n = readings.len();
    let pairs = (0..n).flat_map(|i| (i + 1..n).map(move |j| (i, j)));
    let same_language = pairs.filter(|&(i, j)| lang(i) == lang(j));
    // Within a language: the word whose polarity flips decides each reading.
    let sim = |i: usize, j: usize| member_similarity(story, &group.members[i], &group.members[j]);
    // Irregular forms are only matched between near-identical claims.
    let flip = same_language
        .filter(|&(i, j)| sim(i, j) >= PARAPHRASE_SCORE)
        .find_map(|(i, j)| {
            flip_key(&readings[i], &readings[j], sim(i, j) >= NEAR_IDENTICAL).map(|k| (k, i, j))
        });
    let (odd, even, what) = match flip {
        Some((key, fi, fj)) => {
            let fuzzy = |i: usize| sim(i, fi).max(sim(i, fj)) >= NEAR_IDENTICAL;
            let signs: Vec<(usize, bool)> = (0..n)
                .filter_map(|i| readings[i].sign(&key, fuzzy(i)).map(|w| (i, w.negated)))
                .collect();
            let (odd, even) = split(story, group, &signs)?;
            // One version against one other: only close paraphrases count.
            let sim = member_similarity(story, &group.members[odd[0]], &group.members[even[0]]);
            if odd.len() + even.len() == 2 && sim < LONE_PAIR_SCORE {
                return None;
            }
            let word = readings[odd[0]].sign(&key, true).map(|w| {
                story.docs[group.members[odd[0]].doc]
                    .slice(w.span)
                    .to_string()
            });
            (odd, even, word)
        }
        None => {
            // Across languages only a lone version against an aligned
            // majority in other languages is trusted, and only a plain
            // negation against versions with no negation at all: negative
            // words are rephrased by translators, "not" is not.
            let negated: Vec<(usize, bool)> =
                (0..n).map(|i| (i, !readings[i].cues.is_empty())).collect();
            let Some((odd, even)) = split(story, group, &negated) else {
                return clause_count_drift(story, group, &readings);
            };
            let lone = odd.len() == 1 && even.len() >= 2;
            // The lone version and at least two of the others are well
            // aligned; a loosely attached member does not veto the rest.
            let well = |i: usize| group.members[i].llr.is_none_or(|x| x >= CROSS_LANGUAGE_LLR);
            let aligned = well(odd[0]) && even.iter().filter(|&&e| well(e)).count() >= 2;
            let foreign = even.iter().all(|&e| lang(e) != lang(odd[0]));
            let plain =
                |i: usize| readings[i].plain > 0 && readings[i].plain == readings[i].cues.len();
            let clear = if readings[odd[0]].cues.is_empty() {
                even.iter().all(|&e| plain(e))
            } else {
                plain(odd[0])
            };
            if !(lone && aligned && foreign && clear) {
                return None;
            }
            (odd, even, None)
        }
    };
    let side = |idx: &[usize]| -> String {
        let docs: Vec<usize> = idx.iter().map(|&i| group.members[i].doc).collect();
        let mut cues: Vec<String> = idx
            .iter()
            .flat_map(|&i| {
                let doc = &story.docs[group.members[i].doc];
                readings[i]
                    .cues
                    .iter()
                    .map(move |c| format!("\"{}\"", doc.slice(*c)))
            })
            .collect();
        cues.dedup();
        let s = if idx.len() == 1 { "s" } else { "" };
        let negated = match &what {
            Some(_) => readings[idx[0]].words.iter().any(|w| w.negated && w.direct),
            None => !readings[idx[0]].cues.is_empty(),
        };
        let verb = if negated {
            format!("negate{s}")
        } else {
            format!("assert{s}")
        };
        let cues = if cues.is_empty() {
            String::new()
        } else {
            format!(" ({})", cues.join(", "))
        };
        format!(
            "{} ({}) {verb} it{cues}",
            versions(docs.len()),
            doc_names(story, &docs)
        )
    };
    let about = what
        .as_ref()
        .map(|w| format!(" about \"{w}\""))
        .unwrap_or_default();

    let message = format!(
        "Polarity differs{about}: {} while {}",
        side(&odd),
        side(&even)
    );
    Some(finding(
        story,
        group,
        odd.iter().chain(&even).copied(),
        message,
    ))
}

/// Across languages, when every version negates the claim: one version
/// negating fewer or more clauses than the others all agree on ("not our best
/// game, but they never gave up" / "our best game, but they never gave up").
/// Only plain negations count, as translators keep them.
fn clause_count_drift(story: &Story, group: &Group, readings: &[Reading]) -> Option<Finding> {
    let n = readings.len();
    let plain = |i: usize| readings[i].plain > 0 && readings[i].plain == readings[i].cues.len();
    if n < 3 || !(0..n).all(plain) {
        return None;
    }
    let counts: Vec<usize> = (0..n)
        .map(|i| negated_clauses(&story.docs[group.members[i].doc], &readings[i].cues))
        .collect();
    // Exactly one version differs from all the others, which agree.
    let differs = |i: usize| (0..n).filter(|&j| counts[j] != counts[i]).count();
    let odd = (0..n).find(|&i| differs(i) == n - 1 && (0..n).all(|j| j == i || differs(j) == 1))?;
    let lang = |i: usize| story.docs[group.members[i].doc].language.code.as_str();
    let even: Vec<usize> = (0..n).filter(|&i| i != odd).collect();
    let well = |i: usize| group.members[i].llr.is_none_or(|x| x >= CROSS_LANGUAGE_LLR);
    let foreign = even.iter().all(|&e| lang(e) != lang(odd));
    if !(well(odd) && even.iter().filter(|&&e| well(e)).count() >= 2 && foreign) {
        return None;
    }
    let cited = |i: usize| -> String {
        let doc = &story.docs[group.members[i].doc];
        readings[i]
            .cues
            .iter()
            .map(|c| format!("\"{}\"", doc.slice(*c)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let docs: Vec<usize> = even.iter().map(|&i| group.members[i].doc).collect();
    let clauses = |k: usize| format!("{k} negated clause{}", if k == 1 { "" } else { "s" });
    let message = format!(
        "Polarity differs: 1 version ({}) has {} ({}) while {} ({}) have {} ({})",
        story.docs[group.members[odd].doc].id,
        clauses(counts[odd]),
        cited(odd),
        versions(docs.len()),
        doc_names(story, &docs),
        clauses(counts[even[0]]),
        cited(even[0]),
    );
    Some(finding(story, group, 0..n, message))
}

/// The finding citing `members` of the group, in document order.
fn finding(
    story: &Story,
    group: &Group,
    members: impl Iterator<Item = usize>,
    message: String,
) -> Finding {
    let mut evidence: Vec<Evidence> = members
        .map(|i| member_evidence(story, &group.members[i]))
        .collect();
    evidence.sort_by_key(|e| (story.doc_index(&e.doc), e.start));
    Finding::new(Kind::PolarityDrift, Severity::Error, message, evidence)
}

/// How many clauses the cues negate: cues with no clause punctuation
/// between them negate one clause ("non hanno mai mollato").
fn negated_clauses(doc: &crate::document::Document, cues: &[Span]) -> usize {
    let mut sorted = cues.to_vec();
    sorted.sort_by_key(|c| c.start);
    sorted
        .windows(2)
        .filter(|w| ends_scope(&doc.text[w[0].end..w[1].start.max(w[0].end)]))
        .count()
        + usize::from(!sorted.is_empty())
}

/// Splits members by their reading into (those that differ from the
/// reference reading, those that hold it). With two readings and no
/// reference, the second member is set against the first.
fn split(
    story: &Story,
    group: &Group,
    readings: &[(usize, bool)],
) -> Option<(Vec<usize>, Vec<usize>)> {
    if readings.iter().all(|(_, r)| *r == readings[0].1) {
        return None;
    }
    match reference_reading(story, group, readings) {
        Some((value, holders)) => {
            let odd = readings
                .iter()
                .filter(|(_, r)| *r != value)
                .map(|(i, _)| *i)
                .collect();
            Some((odd, holders))
        }
        None if readings.len() == 2 => Some((vec![readings[1].0], vec![readings[0].0])),
        None => None,
    }
}
