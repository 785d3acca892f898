//! `polarity_drift`: one version negates a claim the others assert, or turns
//! it around with a word of opposite meaning.

mod lexicon;

pub use lexicon::Negation;

use super::Check;
use super::support::{doc_names, member_evidence, reference_reading, versions};
use crate::align::{Group, Member};
use crate::document::Document;
use crate::finding::{Evidence, Finding, Kind, Severity};
use crate::lexicon::Lexicons;
use crate::span::Span;
use crate::stem::stem;
use crate::story::Story;

/// Flags aligned claims whose negation differs.
pub struct Polarity;

/// Two claims are compared only when the alignment is this sure they
/// translate each other (the pair model's log-likelihood ratio, nats).
const MIN_LLR: f64 = 0.0;
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
    /// The index of its clause in [`Reading::clauses`].
    clause: usize,
}

/// The negations of one clause (text between clause punctuation).
#[derive(Default)]
struct Clause {
    /// A plain cue of the claim's own (not only one that continues a
    /// negation, "nor", "ни") is in it.
    plain: bool,
    /// A cue of any sort is in it: several cues in one clause are one
    /// negation ("no vino nadie", "никто не пришёл").
    cued: bool,
    /// Negative words in it ("refused", "without").
    negatives: usize,
    /// A cue of any sort that is not in a question is in it: the clause is
    /// stated, whether as the claim's own or in a relative or conditional
    /// clause.
    stated: bool,
    /// A phrase that bounds or hedges ("not only", "nicht unbedingt") is in
    /// it.
    hedged: bool,
}

impl Clause {
    /// True when the clause negates the claim plainly, and its negations
    /// do not cancel out ("did not fail to").
    fn negates(&self) -> bool {
        self.plain && self.negatives % 2 == 0
    }

    /// Its negations of any sort.
    fn signs(&self) -> usize {
        usize::from(self.cued) + self.negatives
    }
}

/// The polarity of one member.
#[derive(Default)]
struct Reading {
    words: Vec<Signed>,
    /// Spans of every negation of any sort: cues, negative words, phrases
    /// that bound or hedge ("no more than", "not only").
    cues: Vec<Span>,
    /// Cues ("not", "não") of the claim's own clauses: not in a question or
    /// a condition. Translators keep these; negative words ("refused",
    /// "without") they may rephrase.
    plain_cues: usize,
    clauses: Vec<Clause>,
    /// Words of the negative side of an antonym pair ("lost", "rejected").
    opposites: usize,
    /// Negations that are no negative words: cues, and phrases that bound
    /// or hedge.
    marks: usize,
    /// Negative words ("refused", "without").
    negatives: usize,
    /// Words negated by a prefix ("unchanged", "невиновность").
    prefixed: usize,
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

    /// True when the claim has no negation of any sort.
    fn affirmative(&self) -> bool {
        self.cues.is_empty()
    }

    /// True when a clause negates the claim plainly.
    fn plain(&self) -> bool {
        self.clauses.iter().any(Clause::negates)
    }

    /// Negations and opposite words: the claim's polarity is their parity
    /// ("did not reject" asserts, as "accepted" does).
    fn parity(&self) -> usize {
        (self.clauses.iter().map(Clause::signs).sum::<usize>() + self.opposites) % 2
    }

    /// How many clauses a plain cue negates.
    fn negated_clauses(&self) -> usize {
        self.clauses.iter().filter(|c| c.plain).count()
    }

    /// True when clause `c` has no negation of any sort.
    fn clean(&self, c: usize) -> bool {
        self.clauses
            .get(c)
            .is_some_and(|c| c.signs() == 0 && !c.hedged)
    }

    /// True when this claim lacks the negation `other` states: it has no
    /// cue, and either no negative word while `other` negates plainly (or,
    /// when `embedded` allows, in a relative or conditional clause), or
    /// only negative words (or words negated by a prefix) that `other` has
    /// as many of, counting its words of opposite meaning, and the two
    /// differ in polarity ("bestreitet ... keine" / "dément ... il y a eu";
    /// "невиновности ... соблюдена" / "innocence ... not observed"). A
    /// negative word the other version lacks may be how its translator
    /// rendered the cue ("withheld" / "did not pay").
    fn lacks(&self, other: &Reading, embedded: bool) -> bool {
        // A clause whose negations cancel out ("nicht ... fehlen lassen")
        // asserts.
        let stated = |even: bool| {
            other
                .clauses
                .iter()
                .any(|c| c.stated && (!even || c.negatives % 2 == 0))
        };
        let own = self.negatives + self.prefixed;
        let parity = |r: &Reading| (r.parity() + r.prefixed) % 2;
        self.marks == 0
            && if own == 0 {
                other.plain() || embedded && stated(true)
            } else {
                stated(false)
                    && own <= other.negatives + other.prefixed + other.opposites
                    && parity(self) != parity(other)
            }
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

/// The pair model's log-likelihood ratio that two members translate each
/// other.
fn pair_llr(story: &Story, a: &Member, b: &Member) -> f64 {
    story
        .alignment
        .signals((a.doc, &a.claims), (b.doc, &b.claims))
        .total()
}

/// Punctuation between two words that ends a negation's scope and a clause.
fn ends_scope(gap: &str) -> bool {
    gap.contains([
        ',', ';', ':', '.', '!', '?', '—', '–', '(', ')', '"', '“', '”', '«', '»',
    ])
}

/// True when a capitalised word inside a sentence is part of a title or
/// name ("Eat This, Not That"), not a negation: not the first word, and no
/// quote mark, colon or dash opens a sentence before it.
fn in_title(doc: &Document, words: &[crate::document::Word], i: usize) -> bool {
    i > 0
        && crate::text::is_capitalized(doc.slice(words[i].span()))
        && !gap_before(doc, words, i).contains([':', '"', '“', '«', '„', '(', '—', '–'])
}

/// The text between word `i` and the word before it ("" for the first).
fn gap_before<'d>(doc: &'d Document, words: &[crate::document::Word], i: usize) -> &'d str {
    match i.checked_sub(1) {
        Some(p) => &doc.text[words[p].span().end..words[i].span().start],
        None => "",
    }
}

/// True when the word after word `i` is capitalised (a German noun after
/// an article that is no relative pronoun).
fn capitalised_next(doc: &Document, words: &[crate::document::Word], i: usize) -> bool {
    words
        .get(i + 1)
        .is_some_and(|w| crate::text::is_capitalized(doc.slice(w.span())))
}

/// The stem of document word `at` (`low` lower-cased): the one among its
/// alignment features, computed when the word has none.
fn content_stem<'d>(
    doc: &'d Document,
    at: usize,
    low: &str,
    lexicons: &Lexicons,
) -> std::borrow::Cow<'d, str> {
    let lang = doc.language.code.as_str();
    let word = doc.slice(doc.words[at].span());
    doc.infos[at]
        .features(|| crate::document::word_info::word_features(word, lang, lexicons))
        .and_then(|f| f.stem())
        .map_or_else(|| stem(lang, low).into(), Into::into)
}

/// True when a partner of a bound cue ("pas" of "ne … pas", "aucun" of
/// "aucun … ne") is in the clause of word `at`.
fn partnered(
    doc: &Document,
    words: &[crate::document::Word],
    lows: &[&str],
    at: usize,
    neg: &Negation,
) -> bool {
    let boundary = |j: usize| ends_scope(gap_before(doc, words, j));
    let start = (1..=at).rev().find(|&j| boundary(j)).unwrap_or(0);
    let end = (at + 1..words.len())
        .find(|&j| boundary(j))
        .unwrap_or(words.len());
    (start..end).any(|j| {
        j != at
            && neg.is_partner(
                lows[j],
                j.checked_sub(1).map(|b| lows[b]),
                lows.get(j + 1).copied(),
            )
    })
}

/// The token at word `i` of lower-case `lows`: a two-word cue or negative
/// word (spelt into `pair`), else the word; and how many words it spans.
fn token<'t>(lows: &[&'t str], i: usize, neg: &Negation, pair: &'t mut String) -> (usize, &'t str) {
    pair.clear();
    if let Some(next) = lows.get(i + 1).filter(|_| neg.starts_pair(lows[i])) {
        pair.push_str(lows[i]);
        pair.push(' ');
        pair.push_str(next);
    }
    if !pair.is_empty() && (neg.is_cue(pair) || neg.is_negative(pair, pair)) {
        (2, pair.as_str())
    } else {
        (1, lows[i])
    }
}

/// True when the token `text` at word `here` is a negation cue: a listed
/// one, "n't", or an elided one with its verb ("n'a", "n’est"); not the
/// abbreviation of "number", nor a word of a title.
fn is_cue_at(
    doc: &Document,
    words: &[crate::document::Word],
    here: usize,
    text: &str,
    neg: &Negation,
) -> bool {
    (neg.is_cue(text) || text.ends_with("n't") || neg.is_elided(text))
        && !numero(doc, words, here)
        && !in_title(doc, words, here)
}

/// True when the cue at word `i` is the abbreviation of "number" ("No. 30").
fn numero(doc: &Document, words: &[crate::document::Word], i: usize) -> bool {
    words.get(i + 1).is_some_and(|next| {
        doc.text[words[i].span().end..next.span().start].starts_with('.')
            && doc
                .slice(next.span())
                .starts_with(|c: char| c.is_ascii_digit())
    })
}

/// True when no word of the member's claims may negate or turn a claim
/// around: no cue, negative word or prefix, pair or phrase that bounds (see
/// [`Negation::negates_alone`]), no negative stem and no negative side of an
/// antonym. Its [`read`]ing would have no negation, no negated word and no
/// opposite.
fn plainly_affirmative(story: &Story, member: &Member, lexicons: &Lexicons) -> bool {
    let doc = &story.docs[member.doc];
    let lang = doc.language.code.as_str();
    let lex = lexicons.lang(lang);
    let neg = &lex.negation;
    let claims = &story.alignment.claims[member.doc];
    let mut pair = String::new();
    member.claims.iter().all(|&c| {
        let sentence = &doc.sentences[claims[c].sentence];
        let lows: Vec<&str> = (sentence.first_word..sentence.end_word)
            .map(|w| doc.lower(w))
            .collect();
        lows.iter().enumerate().all(|(i, &low)| {
            if neg.negates_alone(low) || neg.skip_at(&lows, i).is_some() {
                return false;
            }
            if token(&lows, i, neg, &mut pair).0 == 2 {
                return false;
            }
            let w = sentence.first_word + i;
            let word = doc.slice(doc.words[w].span());
            // `read` takes no stem of these.
            if lex.is_function_word_lower(low) || word.chars().any(|c| c.is_ascii_digit()) {
                return true;
            }
            let stem = content_stem(doc, w, low, lexicons);
            !neg.is_negative(low, &stem) && neg.antonym(&stem).is_none_or(|(_, q)| *q != *stem)
        })
    })
}

fn read(story: &Story, member: &Member, lexicons: &Lexicons) -> Reading {
    let doc = &story.docs[member.doc];
    let lang = doc.language.code.as_str();
    let lex = lexicons.lang(lang);
    let claims = &story.alignment.claims[member.doc];
    let mut reading = Reading::default();
    let neg = &lex.negation;
    let span = story.alignment.member_span(member);
    // Names are no content words ("Not That" in a title; German nouns are
    // capitalised, names are what the name finder found).
    let names: Vec<Span> =
        crate::span::starting_in(&story.facts[member.doc].names, span, |n| n.span.start)
            .iter()
            .map(|n| n.span)
            .collect();
    let mut pair = String::new();
    for &c in &member.claims {
        let sentence = &doc.sentences[claims[c].sentence];
        let words = doc.words_of(sentence);
        let lows: Vec<&str> = (sentence.first_word..sentence.end_word)
            .map(|w| doc.lower(w))
            .collect();
        // A question asks rather than asserts: its negations are not plain,
        // and negate no word ("Isn't it time?" / "Maybe it is time?").
        let question = doc
            .slice(sentence.span)
            .trim_end_matches(|c: char| c.is_whitespace() || "\"'“”«»„‘’)".contains(c))
            .ends_with('?')
            || lows.iter().any(|w| neg.asks(w));
        // Content words still to negate, and whether the next one is the head.
        let mut scope = 0usize;
        let mut head = false;
        // Inside a relative or conditional clause.
        let mut embedded = false;
        let mut aside = false;
        let mut clause = Clause::default();
        let mut i = 0;
        while i < words.len() {
            let gap = gap_before(doc, words, i);
            if i > 0 && (ends_scope(gap) || neg.opens_clause(lows[i])) {
                scope = 0;
                embedded = false;
                reading.clauses.push(std::mem::take(&mut clause));
            }
            if let Some(len) = neg.skip_at(&lows, i) {
                // A bound ("no more than", "не менее") or a turn of phrase
                // ("not only"): no negation, but no plain affirmation
                // either.
                reading
                    .cues
                    .push(words[i].span().cover(&words[i + len - 1].span()));
                reading.marks += 1;
                clause.hedged = true;
                i += len;
                continue;
            }
            if neg.opens_embedded(lows[i], gap.contains(','), capitalised_next(doc, words, i)) {
                embedded = true;
            }
            // An aside in parentheses ("(not her real name)") is no part of
            // the claim: its negations are like a question's.
            aside = (aside || gap.contains('(')) && !gap.contains(')');
            let (len, text) = token(&lows, i, neg, &mut pair);
            let two = len == 2;
            let span = words[i].span().cover(&words[i + len - 1].span());
            let at = sentence.first_word + i;
            let here = i;
            i += len;
            let word = doc.slice(span);
            let cue = is_cue_at(doc, words, here, text, neg);
            // "ne … que" restricts, "ne" alone is expletive: only a partner
            // ("pas", "jamais") makes a bound cue negate.
            // "not older than", "nicht mehr als": an amount bounded.
            if cue && lows.get(here + len + 1).is_some_and(|w| neg.is_than(w)) {
                reading.cues.push(span);
                reading.marks += 1;
                clause.hedged = true;
                continue;
            }
            if cue && neg.is_bound(text) && !partnered(doc, words, &lows, here, neg) {
                // Still a negation of a sort for an affirmative reading to
                // stand against ("ne peut", cannot, in literary French).
                reading.cues.push(span);
                reading.marks += 1;
                continue;
            }
            // "einen nicht ausgeschriebenen Vertrag": a cue after an article
            // or preposition negates a word, as a negative word does.
            // A bound cue is never one ("de ne pas", "pour ne pas" negate
            // an infinitive), nor is a cue after a relative pronoun ("...,
            // die nicht passen").
            let relative = here > 1 && gap_before(doc, words, here - 1).contains(',');
            // "nicht unerheblich", "not unlikely": a cue before a word
            // negated by a prefix negates that word alone (litotes).
            let litotes = lows
                .get(here + len)
                .is_some_and(|w| neg.has_negative_prefix(w));
            let constituent = litotes
                || here > 0
                    && !neg.is_bound(text)
                    && !relative
                    && neg.negates_constituent_after(lows[here - 1])
                    && gap.trim().is_empty();
            if cue && !constituent {
                reading.cues.push(span);
                reading.marks += 1;
                clause.cued = true;
                clause.stated |= !question && !aside;
                if !embedded && !question && !aside {
                    reading.plain_cues += 1;
                    clause.plain |= !neg.is_nor(text);
                }
                if !question && !aside {
                    scope = SCOPE;
                    head = true;
                }
                continue;
            }
            if cue {
                reading.cues.push(span);
                reading.negatives += 1;
                clause.negatives += 1;
                continue;
            }
            let name = names.iter().any(|n| n.contains(&span));
            // `text` is lower case already.
            if lex.is_function_word_lower(text) || name || word.chars().any(|c| c.is_ascii_digit())
            {
                // A negative preposition is a function word ("without").
                if neg.is_negative(text, text) {
                    reading.cues.push(span);
                    reading.negatives += 1;
                    clause.negatives += 1;
                }
                continue;
            }
            // A single word's stem is among its alignment features.
            let stem = if two {
                stem(lang, text)
            } else {
                content_stem(doc, at, text, lexicons).into_owned()
            };
            let antonym = neg.antonym(&stem);
            let negative = neg.is_negative(text, &stem);
            if negative {
                reading.cues.push(span);
                reading.negatives += 1;
                clause.negatives += 1;
            } else if !two && neg.has_negative_prefix(text) {
                // A translator's "unchanged" for "no change": negation
                // enough that the claim is no plain affirmation, too weak
                // to set against the same word elsewhere.
                reading.cues.push(span);
                reading.prefixed += 1;
            }
            let (key, inherent) = match antonym {
                Some((p, q)) => (format!("{p}|{q}"), *q == stem),
                None => (stem, negative),
            };
            reading.opposites += usize::from(inherent && !negative);
            let in_scope = scope > 0;
            reading.words.push(Signed {
                key,
                negated: in_scope != inherent,
                direct: head || negative || antonym.is_some(),
                span,
                clause: reading.clauses.len(),
            });
            head = false;
            scope = scope.saturating_sub(1);
        }
        reading.clauses.push(clause);
    }
    reading
}

/// How a span of text (a quote) negates, read as [`read`] reads a claim
/// but without the alignment: whether it negates plainly, and whether it
/// holds a negation of any sort.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SpanPolarity {
    /// A cue negates one of its own statements: not in a question, a
    /// relative or conditional clause, an aside, a bound ("not more than")
    /// or a turn of phrase ("not only"), and not a correlative ("ни").
    pub plain: bool,
    /// Some negation is in it: a cue of any sort, a negative word
    /// ("refused", "worse" against "not better"), a word negated by a
    /// prefix, the negative side of an antonym pair, or a hedge.
    pub any: bool,
}

/// Reads the polarity of the words of `doc` in `span` (see
/// [`SpanPolarity`]).
pub(crate) fn read_span(doc: &Document, span: Span, lexicons: &Lexicons) -> SpanPolarity {
    let lang = doc.language.code.as_str();
    let neg = &lexicons.lang(lang).negation;
    let range = doc.word_range(span);
    let words = &doc.words[range.clone()];
    let lows: Vec<&str> = range.map(|w| doc.lower(w)).collect();
    let mut out = SpanPolarity::default();
    // A sentence's plain cue counts once its end shows it is no question.
    let mut pending = false;
    let mut asks = false;
    let mut embedded = false;
    let close = |pending: &mut bool, asks: &mut bool, end: &str, out: &mut SpanPolarity| {
        if *pending && !*asks && !end.contains('?') {
            out.plain = true;
        }
        *pending = false;
        *asks = false;
    };
    let mut pair = String::new();
    let mut i = 0;
    while i < words.len() {
        let g = gap_before(doc, words, i);
        if g.contains(['.', '!', '?', ';']) {
            close(&mut pending, &mut asks, g, &mut out);
        }
        if i > 0 && (ends_scope(g) || neg.opens_clause(lows[i])) {
            embedded = false;
        }
        asks |= neg.asks(lows[i]);
        if let Some(len) = neg.skip_at(&lows, i) {
            out.any = true;
            i += len;
            continue;
        }
        embedded |= neg.opens_embedded(lows[i], g.contains(','), capitalised_next(doc, words, i));
        let (len, text) = token(&lows, i, neg, &mut pair);
        let two = len == 2;
        let here = i;
        i += len;
        let cue = is_cue_at(doc, words, here, text, neg);
        if cue {
            out.any = true;
            let bounds = lows.get(here + len + 1).is_some_and(|w| neg.is_than(w));
            let unpartnered = neg.is_bound(text) && !partnered(doc, words, &lows, here, neg);
            let litotes = lows
                .get(here + len)
                .is_some_and(|w| neg.has_negative_prefix(w));
            let aside = g.contains('(');
            if !bounds && !unpartnered && !litotes && !aside && !embedded && !neg.is_nor(text) {
                pending = true;
            }
            continue;
        }
        if neg.is_negative(text, text) || !two && neg.has_negative_prefix(text) {
            out.any = true;
            continue;
        }
        if !two && !lexicons.lang(lang).is_function_word_lower(text) {
            let st = stem(lang, text);
            out.any |= neg.is_negative(text, &st)
                || neg
                    .antonym(&st)
                    .is_some_and(|(_, negative)| *negative == st);
        }
    }
    // The punctuation after the last word, inside the quote marks or
    // just outside them ("... ?»").
    let end_gap: String = words.last().map_or_else(String::new, |w| {
        doc.text[w.span().end..]
            .chars()
            .take_while(|c| !c.is_alphanumeric())
            .take(4)
            .collect()
    });
    close(&mut pending, &mut asks, &end_gap, &mut out);
    out
}

/// The key of a word whose polarity differs between two claims in one
/// language: a word one claim negates directly (or an antonym) that the other
/// states with the other polarity; and whether the clause that asserts it has
/// no negation of any sort.
fn flip_key(a: &Reading, b: &Reading, fuzzy: bool) -> Option<(String, bool)> {
    let flips = |x: &Reading, y: &Reading| {
        x.words.iter().filter(|w| w.direct).find_map(|w| {
            let v = y.sign(&w.key, fuzzy)?;
            (v.negated != w.negated).then(|| {
                let clean = if w.negated {
                    y.clean(v.clause)
                } else {
                    x.clean(w.clause)
                };
                (w.key.clone(), clean)
            })
        })
    };
    flips(a, b).or_else(|| flips(b, a))
}

impl Check for Polarity {
    fn kind(&self) -> Kind {
        Kind::PolarityDrift
    }

    fn reads_claim_features(&self) -> bool {
        true
    }

    fn explain(&self) -> &'static str {
        "polarity_drift (error): one version negates a claim the others assert, or turns it \
around (\"there is no agreement\" vs \"there is now an agreement\", \"did not reject\" vs \
\"rejected\", \"won\" vs \"lost\").\n\n\
How: in each group of aligned claims (see `driftcheck align`), each version's claim is \
read for negation cues (\"not\", \"nicht\", \"ne ... pas\", \"не\"), negative words \
(\"refused\", \"without\", \"unable\", \"отказался\": lexicons/<lang>/negation.txt) and words \
of opposite meaning (antonyms.txt). Phrases that negate nothing (\"not only\", \"не менее\", \
\"No. 30\") are skipped, and a negation inside a question, a relative clause or a condition \
is not the claim's own. A version is reported when its claim has a plain negation and a \
version it is well aligned with (the pair model is sure they translate each other) has no \
negation of any sort, or the reverse: translators render \"not\" as \"not\", while a negative \
word may become an affirmative one (\"withheld\" / \"did not pay\"), so a claim with only a \
negative word is never set against an affirmative one. Within one language, a word negated \
in one version and asserted in the other (or turned into its antonym) is reported when the \
claims are close paraphrases and their negations do not cancel out. With three or more \
versions, one that negates fewer clauses than all the others agree on is reported too. \
The reference version's (--reference) or the majority's reading is the reference; with two \
versions that differ, both sides are cited."
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
    // Most groups have no negation at all: nothing to compare, and no need
    // to read each word's scope and clause.
    if group
        .members
        .iter()
        .all(|m| plainly_affirmative(story, m, lexicons))
    {
        return None;
    }
    let readings: Vec<Reading> = (0..group.members.len())
        .map(|i| read(story, &group.members[i], lexicons))
        .collect();
    if let Some((odd, even)) = plain_against_none(story, group, &readings) {
        return Some(report(story, group, &readings, &odd, &even, None));
    }
    if let Some((odd, even, word)) = flipped_word(story, group, &readings) {
        return Some(report(story, group, &readings, &odd, &even, Some(word)));
    }
    clause_count_drift(story, group, &readings)
}

/// A version whose claim lacks a negation that versions well aligned with
/// it state (see [`Reading::lacks`]), or has a plain negation where they
/// have none: (odd members, members holding the reference reading).
fn plain_against_none(
    story: &Story,
    group: &Group,
    readings: &[Reading],
) -> Option<(Vec<usize>, Vec<usize>)> {
    let marked: Vec<(usize, bool)> = (0..readings.len())
        .map(|i| (i, readings[i].marks > 0))
        .collect();
    if readings.len() == 2 && marked[0].1 != marked[1].1 {
        // Either version may lack the other's negation.
        let (o, e) = if marked[0].1 { (1, 0) } else { (0, 1) };
        if let Some(found) = lost_negation(story, group, readings, vec![o], vec![e]) {
            return Some(found);
        }
    } else if let Some((odd, even)) = split(story, group, &marked) {
        if readings[odd[0]].marks == 0 {
            return lost_negation(story, group, readings, odd, even);
        }
    }
    // A word of opposite meaning ("lost control") may render a negation
    // ("не справился").
    let negated: Vec<(usize, bool)> = (0..readings.len())
        .map(|i| (i, !readings[i].affirmative() || readings[i].opposites > 0))
        .collect();
    let (odd, even) = split(story, group, &negated)?;
    (!readings[odd[0]].affirmative())
        .then(|| added_negation(story, group, readings, odd, even))
        .flatten()
}

/// True when the pair model is sure members `a` and `b` translate each other.
fn well(story: &Story, group: &Group, a: usize, b: usize) -> bool {
    pair_llr(story, &group.members[a], &group.members[b]) >= MIN_LLR
}

/// The language of member `i`.
fn lang<'a>(story: &'a Story, group: &Group, i: usize) -> &'a str {
    story.docs[group.members[i].doc].language.code.as_str()
}

/// Versions without a negation cue (`odd`) against versions with one: a
/// version is reported when it lacks the negation of every other version
/// well aligned with it. With two versions, they must be of different
/// languages (two of one language are compared word by word in
/// `flipped_word`); with more, at least two others, one of them in another
/// language, must outvote it: a same-language sibling that words the claim
/// with a cue is one more vote, not a veto against the other languages.
fn lost_negation(
    story: &Story,
    group: &Group,
    readings: &[Reading],
    odd: Vec<usize>,
    even: Vec<usize>,
) -> Option<(Vec<usize>, Vec<usize>)> {
    let lang = |i: usize| lang(story, group, i);
    // A lost negation may have stood in a relative or conditional clause.
    let lacks =
        |o: usize, e: usize| well(story, group, o, e) && readings[o].lacks(&readings[e], true);
    if readings.len() == 2 {
        let (o, e) = (odd[0], even[0]);
        return (lacks(o, e) && lang(o) != lang(e)).then_some((odd, even));
    }
    let clear = |o: usize| {
        let aligned: Vec<usize> = even
            .iter()
            .copied()
            .filter(|&e| well(story, group, o, e))
            .collect();
        // A version in its language that words the claim otherwise shows
        // the translators chose their own turns of phrase: one of them must
        // be a paraphrase of it.
        let siblings = aligned.iter().filter(|&&e| lang(e) == lang(o));
        let close = siblings.clone().count() == 0
            || siblings.clone().any(|&e| {
                member_similarity(story, &group.members[o], &group.members[e]) >= PARAPHRASE_SCORE
            });
        aligned.len() >= 2
            && close
            && aligned.iter().all(|&e| lacks(o, e))
            && aligned.iter().any(|&e| lang(e) != lang(o))
    };
    let flagged: Vec<usize> = odd.iter().copied().filter(|&o| clear(o)).collect();
    // Two translators into one language who word the claim alike chose the
    // same turn of phrase.
    let alike = |o: usize| flagged.contains(&o) || readings[o].affirmative();
    if odd
        .iter()
        .enumerate()
        .any(|(k, &a)| alike(a) && odd[k + 1..].iter().any(|&b| alike(b) && lang(a) == lang(b)))
    {
        return None;
    }
    (!flagged.is_empty()).then_some((flagged, even))
}

/// Versions with a negation (`odd`) against versions with none: with two
/// versions of different languages, a plain negation is reported. With
/// three or more, a version stands alone, and the evidence must name the
/// predicate where it can: another version in its language, a close
/// paraphrase, words the claim with the same word asserted (a translator's
/// negated paraphrase, "no change" for "unchanged", uses another word);
/// with none in its language, at least two versions well aligned with it
/// have no negation at all.
fn added_negation(
    story: &Story,
    group: &Group,
    readings: &[Reading],
    odd: Vec<usize>,
    even: Vec<usize>,
) -> Option<(Vec<usize>, Vec<usize>)> {
    let lang = |i: usize| lang(story, group, i);
    let well = |a: usize, b: usize| well(story, group, a, b);
    let plain = |i: usize| readings[i].plain();
    if readings.len() == 2 {
        let (o, e) = (odd[0], even[0]);
        return (plain(o) && well(o, e) && lang(o) != lang(e)).then_some((odd, even));
    }
    if odd
        .iter()
        .enumerate()
        .any(|(k, &a)| odd[k + 1..].iter().any(|&b| lang(a) == lang(b)))
    {
        return None;
    }
    let clear = |o: usize| {
        if !plain(o) {
            return false;
        }
        let siblings: Vec<usize> = even
            .iter()
            .copied()
            .filter(|&e| lang(e) == lang(o))
            .collect();
        if siblings.is_empty() {
            even.iter().filter(|&&e| well(o, e)).count() >= 2
        } else {
            siblings.iter().any(|&e| {
                let sim = member_similarity(story, &group.members[o], &group.members[e]);
                sim >= LONE_PAIR_SCORE
                    && well(o, e)
                    && flip_key(&readings[o], &readings[e], sim >= NEAR_IDENTICAL).is_some()
            })
        }
    };
    let odd: Vec<usize> = odd.into_iter().filter(|&o| clear(o)).collect();
    (!odd.is_empty()).then_some((odd, even))
}

/// Within one language: a word one version negates and another asserts
/// (or an antonym), in close paraphrases whose negations do not cancel
/// out. Returns (odd members, reference members, the word in the odd one).
fn flipped_word(
    story: &Story,
    group: &Group,
    readings: &[Reading],
) -> Option<(Vec<usize>, Vec<usize>, String)> {
    let lang = |i: usize| story.docs[group.members[i].doc].language.code.as_str();
    let n = readings.len();
    let sim = |i: usize, j: usize| member_similarity(story, &group.members[i], &group.members[j]);
    let parity = |i: usize| readings[i].parity();
    // Irregular forms are only matched between near-identical claims. A
    // word negated in both claims by different means ("nicht" / "kaum") is
    // a paraphrase: one claim must be affirmative (or, in near-identical
    // claims, the clause that asserts the word), or the word an antonym.
    let (key, fi, fj) = (0..n)
        .flat_map(|i| (i + 1..n).map(move |j| (i, j)))
        .filter(|&(i, j)| lang(i) == lang(j) && parity(i) != parity(j))
        .filter(|&(i, j)| sim(i, j) >= PARAPHRASE_SCORE)
        .find_map(|(i, j)| {
            let near = sim(i, j) >= NEAR_IDENTICAL;
            let (key, clean) = flip_key(&readings[i], &readings[j], near)?;
            let plain_flip =
                clean && near || readings[i].affirmative() || readings[j].affirmative();
            (plain_flip || key.contains('|')).then_some((key, i, j))
        })?;
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
    })?;
    Some((odd, even, word))
}

/// The finding of a polarity difference: `odd` members against `even`
/// ones, about `word` when one word flipped.
fn report(
    story: &Story,
    group: &Group,
    readings: &[Reading],
    odd: &[usize],
    even: &[usize],
    word: Option<String>,
) -> Finding {
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
        let negated = match &word {
            Some(_) => readings[idx[0]].words.iter().any(|w| w.negated && w.direct),
            None => readings[idx[0]].marks > 0,
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
    let about = word
        .as_ref()
        .map(|w| format!(" about \"{w}\""))
        .unwrap_or_default();
    let message = format!(
        "Polarity differs{about}: {} while {}",
        side(odd),
        side(even)
    );
    finding(story, group, odd.iter().chain(even).copied(), message)
}

/// With three or more versions that all negate the claim plainly: one
/// version negating fewer clauses than the others all agree on ("not our
/// best game, but they never gave up" / "our best game, but they never gave
/// up"). A version negating more clauses is how translators split a
/// sentence, not drift.
fn clause_count_drift(story: &Story, group: &Group, readings: &[Reading]) -> Option<Finding> {
    let n = readings.len();
    let plain =
        |i: usize| readings[i].plain_cues > 0 && readings[i].plain_cues == readings[i].cues.len();
    if n < 3 || !(0..n).all(plain) {
        return None;
    }
    let counts: Vec<usize> = readings.iter().map(Reading::negated_clauses).collect();
    // Exactly one version differs from all the others, which agree.
    let differs = |i: usize| (0..n).filter(|&j| counts[j] != counts[i]).count();
    let odd = (0..n).find(|&i| differs(i) == n - 1 && (0..n).all(|j| j == i || differs(j) == 1))?;
    let even: Vec<usize> = (0..n).filter(|&i| i != odd).collect();
    if counts[odd] > counts[even[0]] {
        return None;
    }
    let well = |i: usize| {
        even.iter()
            .filter(|&&e| pair_llr(story, &group.members[i], &group.members[e]) >= MIN_LLR)
            .count()
            >= 2
    };
    if !well(odd) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::RawDocument;
    use crate::story::{Story, StoryOptions};
    use std::sync::Arc;

    fn story(docs: &[(&str, &str)]) -> (Story, Arc<Lexicons>) {
        let lexicons = Lexicons::embedded();
        let raws = docs
            .iter()
            .enumerate()
            .map(|(i, (lang, text))| RawDocument {
                id: format!("v{i}"),
                text: text.to_string(),
                language: Some(lang.to_string()),
                ..Default::default()
            })
            .collect();
        let story = Story::build(raws, &StoryOptions::default(), &lexicons).unwrap();
        (story, lexicons)
    }

    /// The shortcut must agree with the full reading: a member it calls
    /// plainly affirmative reads with no negation, negated word or opposite,
    /// and each negation of any sort keeps the member from it.
    #[test]
    fn plainly_affirmative_claims_read_with_no_negation() {
        let (s, lex) = story(&[
            (
                "en",
                "The council approved the budget on Monday. The mayor did not attend. \
                 The plan is unrealistic, critics said. It rose by no more than a tenth. \
                 The board rejected the offer. Workers left without pay.",
            ),
            (
                "fr",
                "Le conseil a approuvé le budget lundi. Le maire n'a pas assisté. \
                 Le plan est irréaliste, selon les critiques. Il a augmenté de pas plus d'un dixième. \
                 Le conseil a rejeté l'offre. Les ouvriers sont partis sans salaire.",
            ),
            (
                "ru",
                "Совет утвердил бюджет в понедельник. Мэр не присутствовал. \
                 План нереалистичен, считают критики. Он вырос не более чем на десятую часть. \
                 Совет отклонил предложение. Рабочие ушли без оплаты.",
            ),
        ]);
        let mut plain = [0, 0];
        for group in &s.alignment.groups {
            for m in &group.members {
                let r = read(&s, m, &lex);
                let neutral = r.cues.is_empty()
                    && r.negatives == 0
                    && r.opposites == 0
                    && r.prefixed == 0
                    && r.words.iter().all(|w| !w.negated);
                let shortcut = plainly_affirmative(&s, m, &lex);
                assert!(!shortcut || neutral, "doc {} claims {:?}", m.doc, m.claims);
                plain[usize::from(shortcut)] += 1;
            }
        }
        // Both sides are exercised: the first claim of each version is
        // plain, the others negate in one way or another.
        assert!(plain[1] >= 3 && plain[0] >= 12, "{plain:?}");
    }
}
