//! Names of people, places and organisations, from capitalisation and the
//! cues around it (titles, honorifics, speech verbs, particles, exonyms),
//! each with a key that survives scripts and spellings ([`crate::names`]).
//!
//! A capitalised word is a name word unless it is a function word, a month
//! or a weekday; at the start of a sentence, in a title-case headline, or
//! after an article in a language that capitalises nouns it must also be
//! attested: known to the name lexicons, written capitalised mid-sentence
//! elsewhere (and never in lower case), or followed by a speech verb.
//! Title words ("Foreign Minister", "ministro das Relações Exteriores") are
//! never name words but cues. Runs of name words are joined by hyphens and
//! particles ("von", "da", "bin"), and a surname alone takes the key of the
//! one full name in the document it belongs to.

use crate::hash::{HashMap, HashMapExt, HashSet};
use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Serialize;

use super::speaker::{GenderCue, GenderSignal};
use crate::document::Document;
use crate::lexicon::{LangLexicon, Lexicons};
use crate::names::cues::NameCues;
use crate::names::{EntityType, Exonym, Gender, NameTables, key, lemma};
use crate::span::Span;
use crate::text::{fold, is_all_caps, is_capitalized, is_cyrillic_word, lower};

/// One word of a name, as compared between versions.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NamePart {
    /// The word (possessive "'s" excluded), or the whole name for an exonym.
    pub span: Span,
    /// Its key: equal keys are one word spelled two ways (shared by the
    /// document's parts that have it: [`Interner`]).
    pub key: Arc<str>,
    /// Its spelling: lower case, nominative for inflected Cyrillic names.
    pub form: Arc<str>,
    /// Other readings of an inflected word: (form, key), for matching.
    #[serde(skip)]
    pub alts: Alts,
    /// True when the whole name is a known exonym (its spelling differs by
    /// language by design).
    pub exonym: bool,
}

/// Other readings of an inflected name word, (form, key): most words have
/// none, so a part keeps one pointer for them, not a slice (a long document
/// has hundreds of thousands of name parts).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Alts(Option<Box<Readings>>);

/// Readings of a word: (form, key).
type Readings = Box<[(String, String)]>;

impl std::ops::Deref for Alts {
    type Target = [(String, String)];

    fn deref(&self) -> &[(String, String)] {
        self.0.as_deref().map_or(&[], |all| all)
    }
}

impl FromIterator<(String, String)> for Alts {
    fn from_iter<I: IntoIterator<Item = (String, String)>>(readings: I) -> Self {
        let all: Readings = readings.into_iter().collect();
        Alts((!all.is_empty()).then(|| Box::new(all)))
    }
}

/// A mention of a name in a document.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NameMention {
    /// The name, without titles and possessive endings.
    pub span: Span,
    /// The entity's key: equal keys are one entity, across spellings,
    /// scripts and versions (a surname alone has its full name's key).
    pub key: String,
    /// Person, place, organisation or unknown.
    pub entity: EntityType,
    /// Its words.
    pub parts: Box<[NamePart]>,
    /// True when the mention lies in boilerplate.
    pub boilerplate: bool,
}

/// Letters a Cyrillic stem needs before case forms are matched by it.
const MIN_STEM: usize = 4;
/// Letters a Cyrillic case ending may have.
const MAX_ENDING: usize = 3;

/// A Cyrillic word without its last letters, so its case forms share it
/// ("коваленка", "коваленко" → "ковален").
fn cyrillic_stem(word: &str) -> &str {
    let n = word.chars().count();
    let keep = n.saturating_sub(MAX_ENDING).max(n.min(MIN_STEM));
    word.char_indices()
        .nth(keep)
        .map_or(word, |(i, _)| &word[..i])
}

/// A share of capitalised words above which a sentence is a headline.
const TITLE_CASE_SHARE: f64 = 0.7;
/// Words a sentence needs before it can count as a headline.
const TITLE_CASE_MIN_WORDS: usize = 4;
/// Particles that may follow each other inside a name ("von der").
const MAX_PARTICLES: usize = 2;
/// Words between a title and the name it introduces ("the country's president, X").
const MAX_TITLE_GAP: usize = 2;
/// Words between a title and a name after a comma: the title's complement
/// ("la présidente de la banque, X"; "el entrenador del Harbor City, X").
const MAX_APPOSITION_GAP: usize = 4;

/// What the document says about one word.
#[derive(Clone, Debug, Default)]
struct Tok {
    /// Bytes of a possessive ending ("'s", "’s") at its end (one byte: a
    /// token per word of a long document is kept small).
    possessive: u8,
    cap: bool,
    caps: bool,
    /// First word of a sentence or of a quotation.
    initial: bool,
    headline: bool,
    /// Part of a title ("Foreign Minister", "ministro das Relações Exteriores").
    title: bool,
    /// A German genitive of a name the document writes ("Albrechts Plan"):
    /// like a possessive, it ends the name.
    genitive: bool,
}

thread_local! {
    static KNOWN: std::cell::RefCell<crate::memo::Memo<bool>> = std::cell::RefCell::default();
}

/// The words of a document with what name finding needs.
struct Ctx<'a> {
    doc: &'a Document,
    lex: &'a LangLexicon,
    cues: &'a NameCues,
    t: &'a NameTables,
    lang: Option<&'a str>,
    toks: Vec<Tok>,
    /// Each word folded, without its possessive ending.
    folds: Vec<&'a str>,
    mid_caps: HashSet<&'a str>,
    lower_words: HashSet<&'a str>,
}

/// The possessive ending ("'s", "’s") at the end of a word, if any.
fn possessive_len(text: &str) -> usize {
    ["'s", "’s", "'S", "’S"]
        .iter()
        .find(|p| text.len() > p.len() + 1 && text.ends_with(*p))
        .map_or(0, |p| p.len())
}

/// The folds of the words whose possessive ending must go (the document
/// folds every other word already), by word index: few words have one.
fn possessive_folds(doc: &Document) -> HashMap<usize, String> {
    doc.words
        .iter()
        .enumerate()
        .filter_map(|(i, w)| {
            let text = doc.slice(w.span());
            let n = possessive_len(text);
            (n > 0).then(|| (i, fold(&text[..text.len() - n])))
        })
        .collect()
}

/// Characters after which a capitalised word starts a sentence of its own.
fn opens_clause(gap: &str) -> bool {
    gap.chars().any(|c| {
        matches!(
            c,
            '“' | '"'
                | '«'
                | '„'
                | '‚'
                | '‘'
                | '\''
                | '('
                | '['
                | '—'
                | '–'
                | ':'
                | '»'
                | '‹'
                | '›'
        )
    })
}

impl<'a> Ctx<'a> {
    fn new(
        doc: &'a Document,
        lexicons: &'a Lexicons,
        possessive: &'a HashMap<usize, String>,
    ) -> Ctx<'a> {
        let lex = lexicons.lang(&doc.language.code);
        let folds: Vec<&str> = doc
            .infos
            .iter()
            .enumerate()
            .map(|(i, f)| possessive.get(&i).map_or(f.fold(), String::as_str))
            .collect();
        let mut toks: Vec<Tok> = Vec::with_capacity(doc.words.len());
        for s in &doc.sentences {
            let words = doc.words_of(s);
            for (i, w) in words.iter().enumerate() {
                let text = doc.slice(w.span());
                let possessive = possessive_len(text) as u8;
                let gap_start = if i == 0 {
                    s.span.start
                } else {
                    words[i - 1].span().end
                };
                toks.push(Tok {
                    possessive,
                    cap: is_capitalized(text),
                    caps: is_all_caps(text),
                    initial: i == 0 || opens_clause(&doc.text[gap_start..w.span().start]),
                    headline: false,
                    title: false,
                    genitive: false,
                });
            }
        }
        let lower_words: HashSet<&str> = doc
            .words
            .iter()
            .zip(&toks)
            .zip(&folds)
            .filter(|((w, t), _)| {
                !t.cap
                    && doc
                        .slice(w.span())
                        .chars()
                        .next()
                        .is_some_and(crate::text::is_alphabetic)
            })
            .map(|(_, f)| *f)
            .collect();
        // Title words are never name words, whatever their case, and
        // neither is a portfolio after a title and a particle ("ministra do
        // Planejamento", "Minister of Finance"), unless it is a known place
        // ("President of France").
        let t = &lexicons.names;
        let lang = Some(doc.language.code.as_str());
        let place = |w: usize| {
            let text = doc.slice(doc.words[w].span());
            t.exonyms
                .get(&key::phrase_key(text, lang, t))
                .is_some_and(|x| x.entity == EntityType::Place)
        };
        for s in &doc.sentences {
            let sentence = &folds[s.first_word..s.end_word];
            let mut i = 0;
            while i < sentence.len() {
                let Some(p) = lex.cues.titles.match_at(sentence, i) else {
                    i += 1;
                    continue;
                };
                let mut end = s.first_word + i + p.words.len();
                while end + 1 < s.end_word
                    && !toks[end].cap
                    && t.particles.contains(doc.lower(end))
                    && toks[end + 1].cap
                    && !place(end + 1)
                {
                    end += 1;
                    while end < s.end_word
                        && toks[end].cap
                        && !place(end)
                        && doc.text[doc.words[end - 1].span().end..doc.words[end].span().start]
                            .trim()
                            .is_empty()
                    {
                        end += 1;
                    }
                }
                for tok in &mut toks[s.first_word + i..end] {
                    tok.title = true;
                }
                i = end - s.first_word;
            }
        }
        // A headline capitalises most words, common ones among them (words
        // the document writes in lower case elsewhere). Languages that
        // capitalise nouns write headlines in sentence case.
        for s in doc
            .sentences
            .iter()
            .filter(|_| lex.cues.noun_markers.is_empty())
        {
            let range = s.first_word..s.end_word;
            let content: Vec<(&Tok, &str)> = toks[range.clone()]
                .iter()
                .zip(&folds[range.clone()])
                .zip(
                    doc.words_of(s)
                        .iter()
                        .zip(range.clone().map(|w| doc.lower(w))),
                )
                .filter(|(_, (w, low))| {
                    let t = doc.slice(w.span());
                    t.chars().any(crate::text::is_alphabetic) && !lex.is_function_word_lower(low)
                })
                .map(|((t, f), _)| (t, *f))
                .collect();
            let caps = content.iter().filter(|(t, _)| t.cap).count();
            let common = content
                .iter()
                .filter(|(t, f)| t.cap && !t.title && lower_words.contains(f))
                .count();
            if content.len() >= TITLE_CASE_MIN_WORDS
                && caps as f64 >= TITLE_CASE_SHARE * content.len() as f64
                && common >= 1
            {
                for t in &mut toks[range] {
                    t.headline = true;
                }
            }
        }
        let mid_caps: HashSet<&str> = toks
            .iter()
            .zip(&folds)
            .filter(|(t, _)| t.cap && !t.initial && !t.headline)
            .map(|(_, f)| *f)
            .collect();
        if doc.language.code == "de" {
            for (t, f) in toks.iter_mut().zip(&folds).filter(|(t, _)| t.cap) {
                t.genitive = f.strip_suffix('s').is_some_and(|g| mid_caps.contains(g));
            }
        }
        Ctx {
            doc,
            lex,
            cues: &lex.cues,
            t: &lexicons.names,
            lang: Some(doc.language.code.as_str()),
            toks,
            folds,
            mid_caps,
            lower_words,
        }
    }

    /// The folds of words `from..to` (none when `to` is not after `from`).
    fn words(&self, from: usize, to: usize) -> &[&'a str] {
        self.folds.get(from..to).unwrap_or(&[])
    }

    fn text(&self, i: usize) -> &'a str {
        let w = self.doc.words[i].span();
        &self.doc.text[w.start..w.end - usize::from(self.toks[i].possessive)]
    }

    /// The text between word `i` and the next (to the end for the last).
    fn gap(&self, i: usize) -> &'a str {
        let end = self
            .doc
            .words
            .get(i + 1)
            .map_or(self.doc.text.len(), |w| w.span().start);
        &self.doc.text[self.doc.words[i].span().end..end]
    }

    /// True when the name lexicons know the word (memoised: versions of a
    /// story repeat their names).
    fn known(&self, text: &str) -> bool {
        let (lang, t) = (self.lang, self.t);
        crate::memo::get_or(&KNOWN, t.id, &[lang.unwrap_or(""), text], || {
            let k = key::word_key_unclassed(text, lang, t);
            t.given.contains_key(&k) || t.exonyms.contains_key(&key::phrase_key(text, lang, t))
        })
    }

    /// True when the word is written capitalised mid-sentence elsewhere
    /// (for a Cyrillic word: in any case form) and never in lower case.
    fn attested(&self, i: usize) -> bool {
        let f = self.folds[i];
        if self.lower_words.contains(f) {
            return false;
        }
        // A German genitive ("Albrechts") is attested by its base form.
        let genitive = f.strip_suffix('s').filter(|_| self.lang == Some("de"));
        if self.mid_caps.contains(f) || genitive.is_some_and(|g| self.mid_caps.contains(g)) {
            return true;
        }
        is_cyrillic_word(f) && {
            let stem = cyrillic_stem(f);
            stem.chars().count() >= MIN_STEM
                && self.mid_caps.iter().any(|m| cyrillic_stem(m) == stem)
        }
    }

    fn speech_verb_at(&self, i: usize, end: usize) -> bool {
        let words = self.words(i, end.min(i + 4));
        self.cues.speech_verbs.match_at(words, 0).is_some()
    }

    /// True when word `i` (capitalised) can be a name word.
    fn name_word(&self, i: usize, sentence_end: usize) -> bool {
        let tok = &self.toks[i];
        let text = self.text(i);
        if !tok.cap || tok.title || !text.chars().any(crate::text::is_alphabetic) {
            return false;
        }
        // Where months and weekdays are written in lower case, a capitalised
        // one inside a sentence is a name ("Марта", Marta, is also "of March").
        let dates = &self.lex.dates;
        let words = &dates.words;
        // An abbreviation ("Jan", "Sun", "Mar") is a calendar word only next
        // to a number ("Jan. 5", "5 Jan"); elsewhere it may be a name.
        let span = self.doc.words[i].span();
        let next_to_number = || {
            let after = self.doc.text[span.end..].trim_start_matches(['.', ' ', '-', '/']);
            let before = self.doc.text[..span.start].trim_end_matches([' ', '-', '/']);
            after.starts_with(|c: char| c.is_ascii_digit())
                || before.ends_with(|c: char| c.is_ascii_digit())
        };
        let calendar = |table: &crate::lexicon::FormTable, capitalized: bool| {
            let fold = self.folds[i];
            table.get_folded(fold).is_some()
                && (capitalized || tok.initial)
                && (!dates.short_forms.contains(fold) || next_to_number())
        };
        if calendar(&self.lex.months, words.capitalized_months)
            || calendar(&self.lex.weekdays, words.capitalized_weekdays)
        {
            return false;
        }
        let acronym = tok.caps && !tok.initial && !tok.headline;
        // The document lower-cased the word already (but for a possessive).
        let function_word = if tok.possessive == 0 {
            self.lex.is_function_word_lower(self.doc.lower(i))
        } else {
            self.lex.is_function_word(text)
        };
        if function_word && !acronym {
            return false;
        }
        if self.cues.honorifics.contains_key(self.folds[i]) {
            return false;
        }
        let known = self.known(text);
        if tok.headline {
            return known || self.attested(i);
        }
        if tok.initial {
            // An unknown word opening a sentence before another name is as
            // likely an adverb ("Later Kovalenko said"): it needs support.
            // "Officials said", "Diplomats say": a common noun of the news
            // vocabulary before a speech verb is a source, not a name.
            let common = || {
                self.lex.concepts.of_noun(text).is_some()
                    || self.lex.glossary.of_noun(text).is_some()
            };
            return known
                || self.attested(i)
                || (!self.lower_words.contains(self.folds[i])
                    && self.speech_verb_at(i + 1, sentence_end)
                    && !common());
        }
        if !self.cues.noun_markers.is_empty() && i > 0 {
            // German capitalises every noun: after an article it is one.
            if self.cues.noun_markers.contains(self.folds[i - 1]) && !known {
                return false;
            }
        }
        true
    }
}

/// A run of name words before it becomes a mention.
struct Run {
    words: Vec<usize>,
    title: Option<(Span, Option<Gender>)>,
    honorific: Option<(Span, Gender)>,
}

/// Finds the name mentions of a document, with the gender signals that
/// titles, honorifics and given names give them.
pub fn extract(doc: &Document, lexicons: &Lexicons) -> (Vec<NameMention>, Vec<GenderSignal>) {
    let possessive = possessive_folds(doc);
    let cx = Ctx::new(doc, lexicons, &possessive);
    let mut runs: Vec<Run> = Vec::new();
    for s in &doc.sentences {
        runs.extend(sentence_runs(&cx, s.first_word, s.end_word));
    }
    let runs = split_places(&cx, runs);
    build_mentions(&cx, runs)
}

/// Cuts a place off the name after it: after a preposition of place, a
/// run whose first word the document also names alone, or that is a known
/// place, is that place and another name ("в Бостоне Бергер заявил", "in
/// Boston Keller said").
fn split_places(cx: &Ctx, runs: Vec<Run>) -> Vec<Run> {
    let alone: HashSet<&str> = runs
        .iter()
        .filter(|r| r.words.len() == 1)
        .map(|r| cx.folds[r.words[0]])
        .collect();
    let place = |w: usize| {
        alone.contains(cx.folds[w])
            || cx
                .t
                .exonyms
                .get(&key::phrase_key(cx.text(w), cx.lang, cx.t))
                .is_some_and(|x| x.entity == EntityType::Place)
    };
    let mut out = Vec::with_capacity(runs.len());
    for run in runs {
        let first = run.words[0];
        let after_place_word = first > 0
            && cx.doc.sentence_of(first - 1) == cx.doc.sentence_of(first)
            && cx.cues.place_before.contains(cx.folds[first - 1]);
        if run.words.len() > 1 && after_place_word && place(first) {
            out.push(Run {
                words: vec![first],
                title: None,
                honorific: None,
            });
            out.push(Run {
                words: run.words[1..].to_vec(),
                ..run
            });
        } else {
            out.push(run);
        }
    }
    out
}

fn sentence_runs(cx: &Ctx, start: usize, end: usize) -> Vec<Run> {
    let mut runs = Vec::new();
    let mut i = start;
    while i < end {
        if !cx.name_word(i, end) {
            i += 1;
            continue;
        }
        let mut words = vec![i];
        let mut j = i;
        while cx.toks[j].possessive == 0 && !cx.toks[j].genitive && j + 1 < end {
            let gap = cx.gap(j);
            let joins = gap.chars().all(char::is_whitespace) && !gap.contains("\n\n")
                || matches!(gap, "-" | "‐" | "‑");
            if joins && cx.toks[j + 1].cap && !cx.toks[j + 1].initial && cx.name_word(j + 1, end) {
                j += 1;
                words.push(j);
                continue;
            }
            // Particles: "von der", "da", "bin" between two name words.
            let mut k = j + 1;
            while k < end
                && k - j <= MAX_PARTICLES
                && !cx.toks[k].cap
                && cx.t.particles.contains(&lower(cx.text(k)))
                && cx.gap(k - 1).trim().is_empty()
            {
                k += 1;
            }
            // In a language that capitalises nouns only a name that starts
            // with a known given name takes particles ("nach Angaben von
            // Diplomaten" is no name).
            let particles_ok = cx.cues.noun_markers.is_empty() || cx.known(cx.text(words[0]));
            if k > j + 1
                && particles_ok
                && k < end
                && cx.gap(k - 1).trim().is_empty()
                && cx.toks[k].cap
                && cx.name_word(k, end)
            {
                words.extend(j + 1..=k);
                j = k;
                continue;
            }
            break;
        }
        i = j + 1;
        if let Some(run) = shape_run(cx, words, start, end) {
            runs.push(run);
        }
    }
    runs
}

/// Cuts titles and honorifics off a run, records them as cues, and drops
/// runs that are no names (a title alone, a demonym before a noun).
fn shape_run(cx: &Ctx, mut words: Vec<usize>, start: usize, end: usize) -> Option<Run> {
    // A known given name inside the run starts the name: "Deputy Prime
    // Minister for European Integration Olena X" → "Olena X".
    let given = |w: usize| {
        cx.t.given
            .contains_key(&key::word_key_unclassed(cx.text(w), cx.lang, cx.t))
    };
    if let Some(p) = (1..words.len()).find(|&p| given(words[p]) && !given(words[p - 1])) {
        words.drain(..p);
    }
    let (&first, &last) = (words.first()?, words.last()?);
    // A capitalised adjective of origin before a common noun or a title
    // ("North Korean troops", "Ukrainian Foreign Minister").
    if last + 1 < end
        && (!cx.toks[last + 1].cap || cx.toks[last + 1].title)
        && cx.gap(last).trim().is_empty()
        && !given(last)
        && !cx.speech_adjacent(first, last)
        && cx
            .cues
            .demonym_suffixes
            .iter()
            .any(|s| cx.folds[last].ends_with(s.as_str()))
    {
        return None;
    }
    let before = cx.words(start, first);
    let honorific = before.last().and_then(|h| {
        let g = cx.cues.honorifics.get(*h)?;
        Some((cx.doc.words[first - 1].span(), *g))
    });
    let title = title_before(cx, before, start).or_else(|| title_after(cx, last, end));
    Some(Run {
        words,
        title,
        honorific,
    })
}

/// A title that ends just before the run (a comma or a possessive may sit
/// between), with the gender its article gives a role that has none itself.
fn title_before(cx: &Ctx, before: &[&str], start: usize) -> Option<(Span, Option<Gender>)> {
    let apposition = !before.is_empty() && cx.gap(start + before.len() - 1).contains(',');
    let most = if apposition {
        MAX_APPOSITION_GAP
    } else {
        MAX_TITLE_GAP
    };
    for skip in 0..=most.min(before.len()) {
        let end = before.len() - skip;
        // "Queen and Adam Lambert": across "and" the title is another's.
        if skip > 0
            && (!skippable(cx, start + end) || cx.cues.coordinators.contains(cx.folds[start + end]))
        {
            break;
        }
        if let Some((i, phrase)) = cx.cues.titles.match_ending(before, end) {
            let gender = phrase.gender.or_else(|| {
                i.checked_sub(1)
                    .and_then(|a| cx.cues.articles.get(before[a]).copied())
            });
            let span = Span::new(
                cx.doc.words[start + i].span().start,
                cx.doc.words[start + end - 1].span().end,
            );
            return Some((span, gender));
        }
    }
    None
}

/// True when word `w` may stand between a title and its name ("the
/// country's president, X", "ministro de Exteriores de Ucrania, X"): no
/// speech verb, and no colon, quote mark or sentence end after it.
fn skippable(cx: &Ctx, w: usize) -> bool {
    let gap = cx.gap(w);
    !gap.chars().any(|c| ":;.!?\"“”«»„‘’()".contains(c))
        && cx.cues.speech_verbs.match_at(&cx.folds[w..=w], 0).is_none()
}

/// A title in apposition after the run: "X, deputy prime minister".
fn title_after(cx: &Ctx, last: usize, end: usize) -> Option<(Span, Option<Gender>)> {
    if last + 1 >= end || !cx.gap(last).trim_start().starts_with(',') {
        return None;
    }
    let after = cx.words(last + 1, end.min(last + 8));
    for skip in 0..=MAX_TITLE_GAP.min(after.len()) {
        if skip > 0 && !skippable(cx, last + skip) {
            break;
        }
        if let Some(phrase) = cx.cues.titles.match_at(after, skip) {
            let gender = phrase.gender.or_else(|| {
                skip.checked_sub(1)
                    .and_then(|a| cx.cues.articles.get(after[a]).copied())
            });
            let title_end = last + skip + phrase.words.len();
            // "X's mother, Queen Y": a title that goes on into a name is
            // that name's.
            let next = title_end + 1;
            if next < end && cx.gap(title_end).trim().is_empty() && cx.toks[next].cap {
                return None;
            }
            let span = Span::new(
                cx.doc.words[last + 1 + skip].span().start,
                cx.doc.words[title_end].span().end,
            );
            return Some((span, gender));
        }
    }
    None
}

fn build_mentions(cx: &Ctx, mut runs: Vec<Run>) -> (Vec<NameMention>, Vec<GenderSignal>) {
    if !cx.cues.noun_markers.is_empty() {
        // A language that capitalises nouns: a lone capitalised word is a
        // name only with support (a cue, the lexicons, an acronym, or the
        // same word inside a longer or cued name).
        let supported = |r: &Run| r.words.len() > 1 || r.title.is_some() || r.honorific.is_some();
        let named: HashSet<&str> = runs
            .iter()
            .filter(|r| supported(r))
            .flat_map(|r| r.words.iter().map(|&w| cx.folds[w]))
            .collect();
        let keep: Vec<bool> = runs
            .iter()
            .map(|r| {
                let w = r.words[0];
                supported(r)
                    || cx.toks[w].caps
                    || named.contains(cx.folds[w])
                    || cx.toks[w].genitive
                        && cx.folds[w]
                            .strip_suffix('s')
                            .is_some_and(|g| named.contains(g))
                    || cx.known(cx.text(w))
                    || cx.speech_adjacent(w, w)
            })
            .collect();
        let mut keep = keep.into_iter();
        runs.retain(|_| keep.next().unwrap_or(false));
    }
    // Every spelling in the document attests the nominative of the others.
    let surfaces: HashSet<String> = runs
        .iter()
        .flat_map(|r| r.words.iter().map(|&w| lower(cx.text(w))))
        .collect();
    let attested = |r: &str| {
        surfaces.contains(r)
            || cx
                .t
                .given
                .contains_key(&key::word_key_unclassed(r, cx.lang, cx.t))
            || cx
                .t
                .exonyms
                .contains_key(&key::phrase_key(r, cx.lang, cx.t))
    };
    let mut mentions = Vec::new();
    let mut signals = Vec::new();
    let mut strings = Interner::default();
    for run in &runs {
        let mut parts: Vec<NamePart> = run
            .words
            .iter()
            .map(|&w| part(cx, w, &surfaces, &attested, &mut strings))
            .collect();
        let first = cx.doc.words[run.words[0]].span();
        let last_w = run.words[run.words.len() - 1];
        let last = cx.doc.words[last_w].span();
        let span = Span::new(
            first.start,
            last.end - usize::from(cx.toks[last_w].possessive),
        );
        let exonym = exonym_reading(cx, &parts);
        let mut entity = EntityType::Unknown;
        if let Some((x, form)) = exonym {
            entity = x.entity;
            parts = vec![NamePart {
                span,
                key: x.key.as_str().into(),
                form: form.into(),
                alts: Alts::default(),
                exonym: true,
            }];
        }
        let key = parts.iter().map(|p| &*p.key).collect::<Vec<_>>().join(" ");
        if key.is_empty() {
            continue;
        }
        if entity == EntityType::Unknown {
            entity = entity_type(cx, run, &parts);
        }
        if let (Some((cue_span, Some(g))), EntityType::Person) = (run.title, entity) {
            signals.push(GenderSignal::new(&key, g, cue_span, GenderCue::Title));
        }
        if let (Some((cue_span, g)), EntityType::Person) = (run.honorific, entity) {
            signals.push(GenderSignal::new(&key, g, cue_span, GenderCue::Honorific));
        }
        if parts.len() > 1 {
            if let Some(g) = cx.t.given.get(&*parts[0].key).and_then(|g| g.gender) {
                signals.push(GenderSignal::new(
                    &key,
                    g,
                    parts[0].span,
                    GenderCue::GivenName,
                ));
            }
        }
        mentions.push(NameMention {
            span,
            key,
            entity,
            parts: parts.into_boxed_slice(),
            boilerplate: cx.doc.is_boilerplate(span),
        });
    }
    let remap = resolve_short_forms(&mut mentions);
    for s in &mut signals {
        if let Some(k) = remap.get(&s.entity_key) {
            s.entity_key = k.clone();
        }
    }
    (mentions, signals)
}

/// Most readings of a name tried against the exonyms.
const MAX_EXONYM_READINGS: usize = 16;

/// The exonym a name is, and the reading that names it: the words' chosen
/// readings first, then their other readings ("Российской Федерации" may
/// be "Российская Федерация" although "-ой" and "-ии" can also end a
/// nominative).
fn exonym_reading<'t>(cx: &Ctx<'t>, parts: &[NamePart]) -> Option<(&'t Exonym, String)> {
    let mut readings: Vec<String> = vec![String::new()];
    for (i, p) in parts.iter().enumerate() {
        let forms = std::iter::once(&*p.form).chain(p.alts.iter().map(|(f, _)| f.as_str()));
        let mut next = Vec::new();
        for r in &readings {
            for f in forms.clone() {
                next.push(if i == 0 {
                    f.to_string()
                } else {
                    format!("{r} {f}")
                });
            }
        }
        next.truncate(MAX_EXONYM_READINGS);
        readings = next;
    }
    readings.into_iter().find_map(|r| {
        cx.t.exonyms
            .get(&key::phrase_key(&r, cx.lang, cx.t))
            .map(|x| (x, r))
    })
}

/// The strings of a document's name parts, each once: a long document
/// names the same people again and again.
#[derive(Default)]
struct Interner(HashSet<Arc<str>>);

impl Interner {
    fn get(&mut self, s: String) -> Arc<str> {
        if let Some(known) = self.0.get(s.as_str()) {
            return Arc::clone(known);
        }
        let new: Arc<str> = s.into();
        self.0.insert(Arc::clone(&new));
        new
    }
}

/// One word of a name: its nominative, spelling and key.
fn part(
    cx: &Ctx,
    w: usize,
    surfaces: &HashSet<String>,
    attested: &dyn Fn(&str) -> bool,
    strings: &mut Interner,
) -> NamePart {
    let surface = lower(cx.text(w));
    let (form, others) = if is_cyrillic_word(&surface) {
        let l = lemma::lemma(&surface, attested, cx.t);
        (l.best, l.others)
    } else if cx.lang == Some("de") && surface.len() > 3 && surface.ends_with('s') {
        // German genitive: "Merkels" is "Merkel" when the document writes
        // "Merkel"; otherwise that stays a reading for other versions, as
        // does the stem of a genitive in "-es" ("des Krankenhauses").
        let mut stems = vec![surface[..surface.len() - 1].to_string()];
        if surface.len() > 5 && surface.ends_with("es") {
            stems.push(surface[..surface.len() - 2].to_string());
        }
        match stems.iter().position(|s| surfaces.contains(s)) {
            Some(i) => (stems.swap_remove(i), stems),
            None => (surface, stems),
        }
    } else {
        (surface, Vec::new())
    };
    NamePart {
        span: Span::new(
            cx.doc.words[w].span().start,
            cx.doc.words[w].span().end - usize::from(cx.toks[w].possessive),
        ),
        key: strings.get(key::word_key(&form, cx.lang, cx.t)),
        alts: others
            .into_iter()
            .map(|o| {
                let k = key::word_key(&o, cx.lang, cx.t);
                (o, k)
            })
            .collect(),
        form: strings.get(form),
        exonym: false,
    }
}

/// The type of a name from its cues.
fn entity_type(cx: &Ctx, run: &Run, parts: &[NamePart]) -> EntityType {
    if parts
        .iter()
        .any(|p| cx.cues.org_words.contains(&fold(&p.form)))
    {
        return EntityType::Organization;
    }
    if run.title.is_some() || run.honorific.is_some() {
        return EntityType::Person;
    }
    if parts.len() == 1 && cx.toks[run.words[0]].caps {
        return EntityType::Organization;
    }
    if parts.len() > 1 && cx.t.given.contains_key(&*parts[0].key) {
        return EntityType::Person;
    }
    let first = run.words[0];
    if cx.speech_adjacent(first, run.words[run.words.len() - 1]) {
        return EntityType::Person;
    }
    if first > 0
        && cx.doc.sentence_of(first - 1) == cx.doc.sentence_of(first)
        && cx.cues.place_before.contains(cx.folds[first - 1])
    {
        return EntityType::Place;
    }
    EntityType::Unknown
}

impl Ctx<'_> {
    /// True when a speech verb follows the name (words `first..=last`) or
    /// ends right before it: "X said", "said X".
    fn speech_adjacent(&self, first: usize, last: usize) -> bool {
        let s = &self.doc.sentences[self.doc.sentence_of(first)];
        let after = self.words(last + 1, s.end_word.min(last + 5));
        let space_after = last + 1 < s.end_word && self.gap(last).trim().is_empty();
        let before = self.words(s.first_word, first);
        space_after && self.cues.speech_verbs.match_at(after, 0).is_some()
            || self
                .cues
                .speech_verbs
                .match_ending(before, before.len())
                .is_some()
    }
}

/// Gives a surname alone the key of the one full name in the document's
/// story text it belongs to ("Kovalenko" after "Olena Kovalenko"; captions
/// do not count), and every mention of an
/// entity the type most of its mentions have. Returns the keys it replaced.
fn resolve_short_forms(mentions: &mut [NameMention]) -> HashMap<String, String> {
    let mut owners: BTreeMap<String, HashSet<&str>> = BTreeMap::new();
    for m in mentions
        .iter()
        .filter(|m| m.parts.len() > 1 && !m.parts[0].exonym && !m.boilerplate)
    {
        if matches!(m.entity, EntityType::Person | EntityType::Unknown) {
            // Every ending of the full name: "Neto", "Campos Neto".
            for i in 1..m.parts.len() {
                let tail: Vec<&str> = m.parts[i..].iter().map(|p| &*p.key).collect();
                owners
                    .entry(tail.join(" "))
                    .or_default()
                    .insert(m.key.as_str());
            }
        }
    }
    let mut remap: HashMap<String, String> = HashMap::new();
    for m in mentions.iter().filter(|m| !m.parts[0].exonym) {
        if let Some(full) = owners.get(&m.key) {
            // A place only by the weak "in X" cue may still be a surname.
            if full.len() == 1 && m.entity != EntityType::Organization {
                if let Some(k) = full.iter().next() {
                    remap.insert(m.key.clone(), k.to_string());
                }
            }
        }
    }
    for m in mentions.iter_mut() {
        if let Some(k) = remap.get(&m.key) {
            m.key = k.clone();
        }
    }
    // The most frequent known type of each entity (ties: person first).
    let mut types: BTreeMap<String, BTreeMap<EntityType, usize>> = BTreeMap::new();
    for m in mentions.iter().filter(|m| m.entity != EntityType::Unknown) {
        *types
            .entry(m.key.clone())
            .or_default()
            .entry(m.entity)
            .or_default() += 1;
    }
    for m in mentions.iter_mut() {
        if let Some(counts) = types.get(&m.key) {
            if let Some((t, _)) = counts.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))) {
                m.entity = *t;
            }
        }
    }
    remap
}

#[cfg(test)]
mod tests {
    use crate::extract::testing::names;

    fn has(found: &[(String, String, &str)], text: &str, entity: &str) -> bool {
        found.iter().any(|(t, _, e)| t == text && *e == entity)
    }

    fn key_of(found: &[(String, String, &str)], text: &str) -> String {
        found
            .iter()
            .find(|(t, _, _)| t == text)
            .map(|(_, k, _)| k.clone())
            .unwrap_or_else(|| panic!("{text} not found in {found:?}"))
    }

    #[test]
    fn english_titles_possessives_short_forms() {
        let f = names(
            "en",
            "Finance Minister Marta Kowalczyk met Mr. Derek Halvorsen in Oslo on Monday. \
             Kowalczyk's plan was praised. The plan, Halvorsen said, would help.",
        );
        assert!(has(&f, "Marta Kowalczyk", "person"), "{f:?}");
        assert!(has(&f, "Derek Halvorsen", "person"), "{f:?}");
        assert!(has(&f, "Oslo", "place"), "{f:?}");
        assert!(
            !f.iter()
                .any(|(t, _, _)| t == "Monday" || t == "The" || t.contains("Minister"))
        );
        // The possessive is not part of the name; the surname alone is the same person.
        assert_eq!(key_of(&f, "Kowalczyk"), key_of(&f, "Marta Kowalczyk"));
        assert_eq!(key_of(&f, "Halvorsen"), key_of(&f, "Derek Halvorsen"));
    }

    #[test]
    fn a_caption_does_not_make_a_surname_ambiguous() {
        let f = names(
            "en",
            "Budget talks resume\n\nFinance Minister Marta Kowalczyk Photo: Jan Nowak/ Reuters\n\n\
             Finance Minister Marta Kowalczyk spoke on Monday. In her speech, Kowalczyk thanked the unions.",
        );
        assert_eq!(
            key_of(&f, "Kowalczyk"),
            key_of(&f, "Marta Kowalczyk"),
            "{f:?}"
        );
    }

    #[test]
    fn sentence_initial_and_headline_words() {
        let f = names(
            "en",
            "Rising Prices Hit Small Firms Across The Region\n\n\
             Analysts expect more cuts. Brennan told reporters the bank would wait. \
             Later, the governor met Brennan again.",
        );
        assert!(has(&f, "Brennan", "person"), "{f:?}");
        assert!(
            !f.iter()
                .any(|(t, _, _)| t == "Analysts" || t == "Rising" || t == "Later"),
            "{f:?}"
        );
    }

    #[test]
    fn particles_and_hyphens_join() {
        let f = names(
            "en",
            "The report quoted Ursula van der Berg and Jean-Luc Moreau in Paris.",
        );
        assert!(has(&f, "Ursula van der Berg", "person"), "{f:?}");
        assert!(has(&f, "Jean-Luc Moreau", "person"), "{f:?}");
    }

    #[test]
    fn portuguese_spanish_italian_french() {
        let pt = names(
            "pt",
            "A ministra Beatriz Moura disse em Lisboa que o acordo está próximo.",
        );
        assert!(has(&pt, "Beatriz Moura", "person"), "{pt:?}");
        assert!(has(&pt, "Lisboa", "place"), "{pt:?}");
        let es = names(
            "es",
            "El alcalde Tomás Ibarra afirmó que Sevilla recibirá fondos.",
        );
        assert!(has(&es, "Tomás Ibarra", "person"), "{es:?}");
        assert_eq!(
            key_of(&es, "Sevilla"),
            key_of(&names("en", "He flew to Seville."), "Seville")
        );
        let it = names("it", "Il sindaco Marco Ferri ha detto che Milano è pronta.");
        assert!(has(&it, "Marco Ferri", "person"), "{it:?}");
        let fr = names(
            "fr",
            "Le maire Étienne Garnier a déclaré que Marseille était prête.",
        );
        assert!(has(&fr, "Étienne Garnier", "person"), "{fr:?}");
        assert!(!fr.iter().any(|(t, _, _)| t == "Le"));
    }

    #[test]
    fn portfolios_belong_to_titles_and_name_endings_are_short_forms() {
        let f = names(
            "pt",
            "A ministra do Planejamento, Helena Duarte Lima, falou com o presidente da França. \
             Segundo Duarte Lima, o plano avança.",
        );
        assert!(
            !f.iter().any(|(t, _, _)| t.contains("Planejamento")),
            "{f:?}"
        );
        assert!(has(&f, "França", "place"), "{f:?}");
        assert_eq!(key_of(&f, "Duarte Lima"), key_of(&f, "Helena Duarte Lima"));
        // An adjectival surname in the instrumental: "з Гладким".
        let uk = names(
            "uk",
            "Голова банку Остап Гладкий прибув. Ми поговорили з Гладким.",
        );
        assert_eq!(
            key_of(&uk, "Гладким"),
            key_of(&uk, "Остап Гладкий"),
            "{uk:?}"
        );
    }

    #[test]
    fn german_nouns_are_not_names() {
        let f = names(
            "de",
            "Die Regierung hat nach Angaben von Experten am Montag entschieden. \
             Finanzminister Jörg Albrecht sagte, der Haushalt sei solide. Albrecht reist nach München.",
        );
        assert!(has(&f, "Jörg Albrecht", "person"), "{f:?}");
        assert_eq!(key_of(&f, "Albrecht"), key_of(&f, "Jörg Albrecht"));
        assert!(has(&f, "München", "place"), "{f:?}");
        let genitive = names("de", "Albrechts Plan wurde gelobt, sagte Jörg Albrecht.");
        assert_eq!(
            key_of(&genitive, "Albrechts"),
            key_of(&genitive, "Jörg Albrecht"),
            "{genitive:?}"
        );
        for noun in ["Regierung", "Angaben", "Experten", "Haushalt", "Montag"] {
            assert!(
                !f.iter().any(|(t, _, _)| t.contains(noun)),
                "{noun} in {f:?}"
            );
        }
    }

    #[test]
    fn cyrillic_case_forms_are_one_entity() {
        let uk = names(
            "uk",
            "Міністр фінансів Тарас Гордієнко прибув до Львова. Гордієнка зустріли в аеропорту. \
             Пізніше Гордієнко заявив, що бюджет ухвалять.",
        );
        let k = key_of(&uk, "Тарас Гордієнко");
        assert_eq!(key_of(&uk, "Гордієнка"), k);
        assert_eq!(
            key_of(&uk, "Львова"),
            key_of(&names("en", "He went to Lviv."), "Lviv")
        );
        let ru = names("ru", "Министр финансов Тарас Гордиенко прибыл во Львов.");
        assert_eq!(key_of(&ru, "Тарас Гордиенко"), k, "{ru:?}");
        let en = names("en", "Finance Minister Taras Hordiienko arrived.");
        assert_eq!(key_of(&en, "Taras Hordiienko"), k, "{en:?}");
    }

    #[test]
    fn two_people_with_one_first_name_or_surname_stay_apart() {
        let f = names(
            "en",
            "Anna Schmidt met Anna Weber and Thomas Weber in Vienna. Weber said nothing.",
        );
        let (a, b, c) = (
            key_of(&f, "Anna Schmidt"),
            key_of(&f, "Anna Weber"),
            key_of(&f, "Thomas Weber"),
        );
        assert!(a != b && b != c && a != c);
        // A surname two people share stays unresolved.
        let weber = key_of(&f, "Weber");
        assert!(weber != b && weber != c, "{f:?}");
    }

    #[test]
    fn organisations_and_acronyms() {
        let f = names(
            "en",
            "The World Bank and NATO said the Ministry of Finance agreed.",
        );
        assert!(has(&f, "World Bank", "organization"), "{f:?}");
        assert!(has(&f, "NATO", "organization"), "{f:?}");
        let uk = names("uk", "У НАТО заявили, що Світовий банк погодився.");
        assert_eq!(key_of(&uk, "НАТО"), key_of(&f, "NATO"));
    }
}
