//! `quote_drift`: a quote worded differently in versions of one language, or
//! words one version quotes that the others report without quoting.

use crate::hash::{HashMap, HashMapExt};
use std::collections::{BTreeMap, BTreeSet};

use super::Check;
use super::support::{doc_names, groups_of_claims, sort_evidence, versions};
use std::cell::OnceCell;

use crate::checks::polarity::SpanPolarity;
use crate::diff::{Edit, describe, word_diff};
use crate::document::Document;
use crate::extract::Quote;
use crate::extract::quantity::Quantity;
use crate::finding::{Evidence, Finding, Kind, Severity};
use crate::lexicon::Lexicons;
use crate::names::EntityType;
use crate::span::{Span, starting_in};
use crate::story::Story;
use crate::text::fold;

/// Compares the wording of quotes across versions.
pub struct QuoteDrift;

/// Quotes shorter than this (in words) are names of things ("victory plan"),
/// not statements.
const MIN_WORDS: usize = 3;
/// Two quotes of one language this alike (Dice on words) are one quote even
/// when their claims were not aligned.
const SAME_QUOTE: f64 = 0.5;
/// At most this many changes are spelled out in a message.
const MAX_CHANGES: usize = 4;

/// A direct quote of a version, with what the comparison needs.
struct Quoted<'a> {
    doc: usize,
    quote: &'a Quote,
    /// Its words, by index in the document (read when quotes are compared:
    /// a long document has tens of thousands of quotes).
    range: std::ops::Range<usize>,
    /// Its words' folds (the document's: [`Document::fold`]).
    keys: Sorted<&'a str>,
    groups: Sorted<usize>,
    /// What a translation keeps, whatever its wording: the names in it,
    /// its quantities, and how it negates.
    names: Box<[QuotedName<'a>]>,
    quantities: Box<[&'a Quantity]>,
    /// Its document and the lexicons, to read its polarity: read only for
    /// the few quotes whose translations are compared.
    document: &'a Document,
    lexicons: &'a Lexicons,
    polarity: OnceCell<SpanPolarity>,
    /// Its sentences.
    around: Span,
    negative_around: OnceCell<bool>,
}

/// A name in a quote: its entity key, its words as written (lower case,
/// folded), and whether the quote's language capitalises nouns and the
/// name is of no known type (then it may be a noun).
struct QuotedName<'a> {
    key: &'a str,
    words: Vec<String>,
    maybe_noun: bool,
}

/// Letters two forms of one word may each add to their shared start (case
/// endings: "Europe" / "Европы" / "Европу", "Australien" / "Australiens").
const MAX_ENDING: usize = 3;
/// The shortest shared start of two forms of one name word.
const MIN_STEM: usize = 4;

/// True when two words (lower case, folded) may be forms of one word:
/// equal, or a shared start of [`MIN_STEM`] letters that each extends by
/// at most [`MAX_ENDING`].
fn word_forms(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let shared = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    shared >= MIN_STEM
        && a.chars().count() - shared <= MAX_ENDING
        && b.chars().count() - shared <= MAX_ENDING
}

impl QuotedName<'_> {
    /// True when two names of quotes in one language may name one entity:
    /// their keys may ("Kovács" / "Anna Kovács"), or they share a word in
    /// two of its forms ("Five Eyes Jurisdiktionen" / "Five-Eyes-Ländern";
    /// "Европе" / "Европы", which only one form of takes an exonym's key).
    fn same(&self, other: &QuotedName<'_>) -> bool {
        crate::names::compare::may_be_same(self.key, other.key)
            || self
                .words
                .iter()
                .any(|a| other.words.iter().any(|b| word_forms(a, b)))
    }
}

/// What the quotes in the other languages of a cluster's claim keep: the
/// original and its other translations.
#[derive(Default)]
struct Original<'q, 'a> {
    quotes: Vec<&'q Quoted<'a>>,
}

impl Original<'_, '_> {
    /// Whether the other-language quotes negate plainly: `None` when there
    /// are none, `Some(None)` when they disagree (their translators word the
    /// negation each their own way, so a difference here is wording too).
    fn negated(&self) -> Option<Option<bool>> {
        let first = self.quotes.first()?.polarity().plain;
        Some(
            self.quotes
                .iter()
                .all(|q| q.polarity().plain == first)
                .then_some(first),
        )
    }

    /// True when a name is in one of the other-language quotes (by key,
    /// across scripts), or there are none to tell.
    fn keeps_name(&self, name: &QuotedName<'_>) -> bool {
        self.quotes.is_empty()
            || self.quotes.iter().any(|q| {
                q.names
                    .iter()
                    .any(|n| crate::names::compare::may_be_same(n.key, name.key))
            })
    }

    /// True when the quantities of a quote are those of one of the
    /// other-language quotes, or there are none to tell.
    fn keeps_quantities(&self, quoted: &Quoted<'_>) -> bool {
        self.quotes.is_empty()
            || self.quotes.iter().any(|q| {
                unmatched(&q.quantities, &quoted.quantities).is_empty()
                    && unmatched(&quoted.quantities, &q.quantities).is_empty()
            })
    }
}

/// The quantities of `a` that state no amount of `b`.
fn unmatched<'q>(a: &[&'q Quantity], b: &[&Quantity]) -> Vec<&'q Quantity> {
    a.iter()
        .filter(|x| !b.iter().any(|y| x.same_value(y)))
        .copied()
        .collect()
}

impl<'a> Quoted<'a> {
    /// How the quote negates.
    fn polarity(&self) -> SpanPolarity {
        *self.polarity.get_or_init(|| {
            crate::checks::polarity::read_span(self.document, self.quote.inner, self.lexicons)
        })
    }

    /// True when some negation is in the quote's sentences, inside the
    /// quote marks or out: a translator may put the negative word of the
    /// original's quote outside them ("to prevent the «further spread»").
    fn negative_around(&self) -> bool {
        *self.negative_around.get_or_init(|| {
            crate::checks::polarity::read_span(self.document, self.around, self.lexicons).any
        })
    }

    fn dice(&self, other: &Quoted<'_>) -> f64 {
        let shared = self.keys.shared(&other.keys);
        2.0 * shared as f64 / (self.keys.len() + other.keys.len()).max(1) as f64
    }

    /// Its words as written.
    fn words(&self) -> Vec<&'a str> {
        self.document.word_texts(self.range.clone())
    }

    fn wording(&self) -> Vec<String> {
        self.words().iter().map(|w| fold(w)).collect()
    }

    /// True when `other` differs from this (the reference) in what any
    /// translation keeps: a number, a negation, or a name in place of
    /// another. Where quotes in other languages (`original`) tell, the
    /// reference must keep what they say for a difference to count: a
    /// reference that words it another way is no measure.
    fn differs_in_substance(&self, other: &Quoted<'_>, original: &Original<'_, '_>) -> bool {
        self.numbers_differ(other, original)
            || self.negation_differs(other, original)
            || self.name_replaced(other, original)
    }

    /// An amount one states that the other does not: one quote has it in
    /// digits and the other has no amount in digits, or the other states
    /// another precise amount of the same measure ("14 days" / "two weeks"
    /// measure two ways). Vague amounts ("thousands", "dozens") and a
    /// number word the other leaves out ("four walls", "twice") are
    /// wording; numbers glued to a word ("Covid-19"), years and dates are
    /// no quantities.
    fn numbers_differ(&self, other: &Quoted<'_>, original: &Original<'_, '_>) -> bool {
        let (mine, theirs) = (
            unmatched(&self.quantities, &other.quantities),
            unmatched(&other.quantities, &self.quantities),
        );
        let digits = |q: &&Quantity| !q.vague && !q.spelled;
        let lone = |un: &[&Quantity], all: &[&Quantity]| {
            un.iter().any(digits) && all.iter().all(|q| q.vague)
        };
        let differ = lone(&mine, &other.quantities)
            || lone(&theirs, &self.quantities)
            || mine.iter().any(|a| {
                theirs
                    .iter()
                    .any(|b| !a.vague && !b.vague && a.comparable(b))
            });
        differ && original.keeps_quantities(self)
    }

    /// A plain negation in one that the other renders with no negation of
    /// any sort: a negative word ("bad" for "not good", "failed" for "did
    /// not manage") is the translator's wording; a negation in a question,
    /// a condition or a turn of phrase ("not only") negates nothing.
    fn negation_differs(&self, other: &Quoted<'_>, original: &Original<'_, '_>) -> bool {
        let (a, b) = (self.polarity(), other.polarity());
        let differ = a.plain && !other.negative_around() || b.plain && !self.negative_around();
        differ
            && match original.negated() {
                None => true,
                Some(None) => false,
                Some(Some(o)) => a.plain == o,
            }
    }

    /// A name of one (kept by the original) that the other lacks, with a
    /// name of its own in its place. Two spellings or case forms of one
    /// name are one; a translator may add a name the original leaves to a
    /// pronoun; an acronym may stand for a name spelled out; in a language
    /// that capitalises nouns a capitalised word of no known type may be a
    /// noun.
    fn name_replaced(&self, other: &Quoted<'_>, original: &Original<'_, '_>) -> bool {
        let lost = |a: &Quoted<'_>, b: &Quoted<'_>| -> bool {
            a.names
                .iter()
                .any(|n| !b.names.iter().any(|m| n.same(m)) && !n.maybe_noun)
        };
        let kept = self
            .names
            .iter()
            .filter(|n| !other.names.iter().any(|m| n.same(m)) && !n.maybe_noun)
            .any(|n| original.keeps_name(n));
        lost(self, other) && lost(other, self) && kept
    }
}

/// A set as a sorted list without repeats: a quote's words and groups are
/// few, and a tree took a node of its own for each quote.
struct Sorted<T>(Box<[T]>);

impl<T: Ord> FromIterator<T> for Sorted<T> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Self {
        let mut items: Vec<T> = items.into_iter().collect();
        items.sort_unstable();
        items.dedup();
        Sorted(items.into_boxed_slice())
    }
}

impl<T: Ord + Copy> Sorted<T> {
    fn iter(&self) -> std::slice::Iter<'_, T> {
        self.0.iter()
    }

    fn len(&self) -> usize {
        self.0.len()
    }

    /// How many items both sets hold.
    fn shared(&self, other: &Sorted<T>) -> usize {
        crate::align::shared(&self.0, &other.0).count()
    }

    fn is_disjoint(&self, other: &Sorted<T>) -> bool {
        crate::align::shared(&self.0, &other.0).next().is_none()
    }
}

impl<'s, T> IntoIterator for &'s Sorted<T> {
    type Item = &'s T;
    type IntoIter = std::slice::Iter<'s, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

/// The words of a span of a document.
fn words_in(story: &Story, doc: usize, span: Span) -> Vec<&str> {
    let d = &story.docs[doc];
    d.word_texts(d.word_range(span))
}

fn collect<'a>(story: &'a Story, lexicons: &'a Lexicons) -> Vec<Quoted<'a>> {
    let claim_groups = groups_of_claims(story);
    let direct = |q: &&Quote| !q.indirect && q.depth == 0 && !q.boilerplate;
    // Room for every direct quote at once (a long document has tens of
    // thousands; a vector grown by doubling held both its old and its new
    // room while it grew).
    let mut out = Vec::with_capacity(
        (story.facts.iter())
            .map(|f| f.quotes.iter().filter(direct).count())
            .sum(),
    );
    for (d, facts) in story.facts.iter().enumerate() {
        for q in facts.quotes.iter().filter(direct) {
            let doc = &story.docs[d];
            let range = doc.word_range(q.inner);
            if range.len() < MIN_WORDS {
                continue;
            }
            // Claims are in text order and disjoint: find the first that ends
            // after the quote starts, then walk while they start inside it.
            let claims = &story.alignment.claims[d];
            let first = claims.partition_point(|c| c.span.end <= q.span.start);
            let groups = (first..claims.len())
                .take_while(|&c| claims[c].span.start < q.span.end)
                .flat_map(|c| claim_groups.of(d, c).iter().copied())
                .collect();
            let keys = range.clone().map(|w| doc.fold(w)).collect();
            let nouns_capitalised = !lexicons
                .lang(&doc.language.code)
                .cues
                .noun_markers
                .is_empty();
            // Facts are in text order: those inside a quote are found by a
            // binary search, not a scan of every fact per quote (quadratic
            // in a long document).
            let names = starting_in(&facts.names, q.inner, |n| n.span.start)
                .iter()
                .filter(|n| q.inner.contains(&n.span))
                // An acronym may stand for a name another version spells out.
                .filter(|n| !crate::text::is_all_caps(doc.slice(n.span)))
                .map(|n| QuotedName {
                    key: n.key.as_str(),
                    words: crate::names::key::name_words(doc.slice(n.span))
                        .map(|w| fold(&crate::text::lower(w)))
                        .collect(),
                    maybe_noun: nouns_capitalised
                        && n.entity == EntityType::Unknown
                        && !n.parts.iter().any(|p| p.exonym),
                })
                .collect();
            let quantities = starting_in(&facts.quantities, q.inner, |n| n.span.start)
                .iter()
                .filter(|n| q.inner.contains(&n.span))
                .collect();
            out.push(Quoted {
                doc: d,
                quote: q,
                range,
                keys,
                groups,
                names,
                quantities,
                document: doc,
                lexicons,
                polarity: OnceCell::new(),
                around: {
                    let first = doc
                        .sentences
                        .partition_point(|s| s.span.end <= q.span.start);
                    doc.sentences[first..]
                        .iter()
                        .take_while(|s| s.span.start < q.span.end)
                        .fold(q.span, |a, s| a.cover(&s.span))
                },
                negative_around: OnceCell::new(),
            });
        }
    }
    out
}

/// True when every changed word is a number or a date word: a form change
/// ("3-4 December 2024" / "December 3-4, 2024") is at most info.
fn only_form(edits: &[Edit<'_>], story: &Story, doc: usize, lexicons: &Lexicons) -> bool {
    let lex = lexicons.lang(&story.docs[doc].language.code);
    let form = |w: &&str| {
        w.chars().all(|c| c.is_ascii_digit())
            || lex.months.get(w).is_some()
            || lex.weekdays.get(w).is_some()
    };
    edits.iter().all(|e| match e {
        Edit::Same(_) => true,
        Edit::Changed(old, new) => old.iter().chain(new).all(form),
    })
}

impl Check for QuoteDrift {
    fn kind(&self) -> Kind {
        Kind::QuoteDrift
    }

    fn explain(&self) -> &'static str {
        "quote_drift (warning): two versions in one language quote the same words differently \
(\"the strike it has called\" / \"the strike it has announced\"; the message shows a word-level \
diff), or one version quotes words that the other versions report without quoting. Quotes \
in different languages are translations of each other and are never compared word by word; \
when a version in another language reports the claim, quotes in one language may be two \
translations of it, so only a number, a negation or a name in place of another counts (unless the two versions \
word most of their claims alike: one text edited, not two translations): amounts compared by \
value (\"forty\" = \"40\", \"1.200\" = \"1200\"; vague amounts and a number word one \
leaves out are wording), a negation only against a quote with no negation of any sort in its \
sentence (\"not good\" / \"bad\"; none in a question, a condition or \"not only\"), a name \
only when the other has a name of its own in its place (case forms, acronyms, and \
nouns capitalised by a language that capitalises nouns are no names in place of another), and, where the quotes in other \
languages tell, only when the reference keeps what they say; and \
a quote the versions of other languages render without quote marks is the translator's \
choice. \
A quote whose only changes are numbers or dates written another way (\"3-4 December 2024\" \
/ \"December 3-4, 2024\") is info.\n\n\
How: direct quotes in every quotation style are paired across versions of one language \
when their claims were aligned (see `driftcheck align`) or their words largely agree; the \
wording the reference version (--reference) or most versions use is the reference. \
Boilerplate is skipped."
    }

    fn run(&self, story: &Story, lexicons: &Lexicons) -> Vec<Finding> {
        let quotes = collect(story, lexicons);
        let mut out = Vec::new();
        out.extend(wording(story, &quotes, lexicons));
        out.extend(unquoted_elsewhere(story, &quotes));
        out
    }
}

/// Clusters of quotes that are one quote in several versions of one
/// language: at most one quote per version, the best-matching one. A quote
/// joins the first cluster whose head shares an aligned group with it or
/// most of its words; heads are indexed by group and word, so a document
/// with many quotes is not compared with every cluster.
fn clusters<'a, 'q>(story: &Story, quotes: &'q [Quoted<'a>]) -> Vec<Vec<&'q Quoted<'a>>> {
    let mut out: Vec<Vec<&Quoted>> = Vec::new();
    let mut by_group: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut by_key: HashMap<&str, Vec<usize>> = HashMap::new();
    let lang = |q: &Quoted| story.docs[q.doc].language.code.as_str();
    for q in quotes {
        let fits = |c: &Vec<&Quoted>| {
            let head = c[0];
            lang(head) == lang(q)
                && c.iter().all(|m| m.doc != q.doc)
                && (!head.groups.is_disjoint(&q.groups) || head.dice(q) >= SAME_QUOTE)
        };
        let mut candidates: Vec<usize> = q
            .groups
            .iter()
            .filter_map(|g| by_group.get(g))
            .chain(q.keys.iter().filter_map(|k| by_key.get(k)))
            .flatten()
            .copied()
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        match candidates.into_iter().find(|&c| fits(&out[c])) {
            Some(c) => out[c].push(q),
            None => {
                let c = out.len();
                for &g in &q.groups {
                    by_group.entry(g).or_default().push(c);
                }
                for k in &q.keys {
                    let postings = by_key.entry(*k).or_default();
                    // A word in very many quotes proposes only the first few.
                    if postings.len() < MAX_POSTINGS {
                        postings.push(c);
                    }
                }
                out.push(vec![q]);
            }
        }
    }
    out.retain(|c| c.len() >= 2);
    out
}

/// Clusters a quote word proposes, at most.
const MAX_POSTINGS: usize = 64;

fn wording(story: &Story, quotes: &[Quoted<'_>], lexicons: &Lexicons) -> Vec<Finding> {
    let mut out = Vec::new();
    // The clusters first: their indexes are dropped before this one is
    // made (a long document has tens of thousands of quotes).
    let clusters = clusters(story, quotes);
    // The quotes in each aligned group, for the quotes in other languages
    // of a cluster.
    let mut by_group: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, q) in quotes.iter().enumerate() {
        for &g in &q.groups {
            by_group.entry(g).or_default().push(i);
        }
    }
    for cluster in clusters {
        let original = OnceCell::new();
        let wordings: Vec<Vec<String>> = cluster.iter().map(|q| q.wording()).collect();
        if wordings.iter().all(|w| *w == wordings[0]) {
            continue;
        }
        let translated = translated_elsewhere(story, &cluster);
        // The reference wording: the reference version's, else the one most
        // versions share (if two or more do and no other as many), else the
        // first version's.
        let count = |w: &Vec<String>| wordings.iter().filter(|x| *x == w).count();
        let by_reference = story
            .reference
            .and_then(|r| cluster.iter().position(|q| q.doc == r));
        let by_majority = (0..cluster.len())
            .max_by_key(|&i| (count(&wordings[i]), std::cmp::Reverse(i)))
            .filter(|&i| {
                count(&wordings[i]) >= 2
                    && (0..cluster.len()).all(|j| {
                        wordings[j] == wordings[i] || count(&wordings[j]) < count(&wordings[i])
                    })
            });
        let reference = by_reference.or(by_majority).unwrap_or(0);
        let holders: Vec<usize> = (0..cluster.len())
            .filter(|&i| wordings[i] == wordings[reference])
            .collect();
        let holder_docs: Vec<usize> = holders.iter().map(|&i| cluster[i].doc).collect();
        let mut seen: BTreeMap<&Vec<String>, ()> = BTreeMap::new();
        for (i, q) in cluster.iter().enumerate() {
            if wordings[i] == wordings[reference] || seen.insert(&wordings[i], ()).is_some() {
                continue;
            }
            // Two translations of one quote word it each their own way; one
            // text edited is compared word by word.
            if translated
                && !one_text(story, cluster[reference].doc, q.doc)
                && !cluster[reference].differs_in_substance(
                    q,
                    original.get_or_init(|| originals(story, quotes, &by_group, &cluster)),
                )
            {
                continue;
            }
            let same: Vec<usize> = (0..cluster.len())
                .filter(|&j| wordings[j] == wordings[i])
                .collect();
            let docs: Vec<usize> = same.iter().map(|&j| cluster[j].doc).collect();
            let edits = word_diff(&cluster[reference].words(), &q.words());
            let severity = if only_form(&edits, story, q.doc, lexicons) {
                Severity::Info
            } else {
                Severity::Warning
            };
            let message = format!(
                "Quote worded differently in {} ({}) than in {} ({}): {}",
                versions(docs.len()),
                doc_names(story, &docs),
                versions(holder_docs.len()),
                doc_names(story, &holder_docs),
                describe(&edits, MAX_CHANGES),
            );
            let mut evidence: Vec<Evidence> = same
                .iter()
                .chain(&holders)
                .map(|&j| Evidence::new(&story.docs[cluster[j].doc], cluster[j].quote.inner))
                .collect();
            sort_evidence(story, &mut evidence);
            out.push(Finding::new(Kind::QuoteDrift, severity, message, evidence));
        }
    }
    out
}

/// The quotes in other languages that share a group with a cluster's
/// quotes.
fn originals<'q, 'a>(
    story: &Story,
    quotes: &'q [Quoted<'a>],
    by_group: &HashMap<usize, Vec<usize>>,
    cluster: &[&Quoted<'_>],
) -> Original<'q, 'a> {
    let lang = |d: usize| story.docs[d].language.code.as_str();
    let here = lang(cluster[0].doc);
    let others: BTreeSet<usize> = cluster
        .iter()
        .flat_map(|q| &q.groups)
        .filter_map(|g| by_group.get(g))
        .flatten()
        .copied()
        .filter(|&o| lang(quotes[o].doc) != here)
        .collect();
    Original {
        quotes: others.iter().map(|&o| &quotes[o]).collect(),
    }
}

/// True when a version in another language reports the claim of a
/// cluster's quotes: then they may all translate one quote, and translators
/// word a quote each their own way.
fn translated_elsewhere(story: &Story, cluster: &[&Quoted<'_>]) -> bool {
    let lang = |d: usize| story.docs[d].language.code.as_str();
    let here = lang(cluster[0].doc);
    cluster.iter().flat_map(|q| &q.groups).any(|&g| {
        story.alignment.groups[g]
            .members
            .iter()
            .any(|m| lang(m.doc) != here)
    })
}

/// True when two versions word most claims they share alike: one text
/// edited (a copy, a rewrite of a wire story), not two translations.
fn one_text(story: &Story, a: usize, b: usize) -> bool {
    let wording = |m: &crate::align::Member| -> Vec<String> {
        words_in(story, m.doc, story.alignment.member_span(m))
            .iter()
            .map(|w| fold(w))
            .collect()
    };
    let (mut shared, mut alike) = (0usize, 0usize);
    for g in &story.alignment.groups {
        let ma = g.members.iter().find(|m| m.doc == a);
        let mb = g.members.iter().find(|m| m.doc == b);
        if let (Some(ma), Some(mb)) = (ma, mb) {
            shared += 1;
            alike += usize::from(wording(ma) == wording(mb));
        }
    }
    2 * alike > shared
}

/// Quotes whose claims other versions of their language report, none of
/// them as a quote. A claim versions in other languages report is left
/// alone: whether to render words as a quote is a translator's choice.
/// (A claim no other version reports at all is an `addition`.)
fn unquoted_elsewhere(story: &Story, quotes: &[Quoted<'_>]) -> Vec<Finding> {
    let mut out = Vec::new();
    for q in quotes {
        let groups: Vec<&crate::align::Group> = q
            .groups
            .iter()
            .map(|&g| &story.alignment.groups[g])
            .collect();
        let reported_elsewhere = groups
            .iter()
            .any(|g| g.members.iter().any(|m| m.doc != q.doc));
        let quoted_elsewhere = quotes.iter().any(|o| {
            o.doc != q.doc && (!o.groups.is_disjoint(&q.groups) || o.dice(q) >= SAME_QUOTE)
        });
        let lang = |d: usize| story.docs[d].language.code.as_str();
        let translated = groups
            .iter()
            .any(|g| g.members.iter().any(|m| lang(m.doc) != lang(q.doc)));
        if !reported_elsewhere || quoted_elsewhere || translated {
            continue;
        }
        let others: Vec<usize> = groups
            .iter()
            .flat_map(|g| g.members.iter().map(|m| m.doc))
            .filter(|&d| d != q.doc)
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let message = format!(
            "Only {} quotes these words; {} ({}) report{} the claim without quoting it",
            story.docs[q.doc].id,
            versions(others.len()),
            doc_names(story, &others),
            if others.len() == 1 { "s" } else { "" },
        );
        out.push(Finding::new(
            Kind::QuoteDrift,
            Severity::Warning,
            message,
            vec![Evidence::new(&story.docs[q.doc], q.quote.inner)],
        ));
    }
    out
}
