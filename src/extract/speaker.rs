//! Speakers of quotes and reported speech, pronoun resolution, and the
//! gender signals a text gives each person.
//!
//! A quote's speaker comes from a speech-verb frame after it ("…,” X said /
//! said X / he added) or before it (X said: “…” / according to X), else it
//! continues the previous quote's speaker when it opens a paragraph with no
//! frame of its own. Reported speech is a speech verb followed by "that"
//! (que, dass, що, что; in English also a subject pronoun: "says it
//! accepts"). A pronoun, a gendered verb without subject or "the minister"
//! points at the most recent person named outside quotes whose gender, as
//! titles, honorifics and verb endings give it, does not contradict it. The
//! gender a given name usually has is reported but never used to resolve a
//! pronoun: a pronoun that contradicts the name is what `pronoun_drift`
//! looks for.

use crate::hash::{HashMap, HashMapExt};

use serde::Serialize;

use super::name::NameMention;
use super::quote::{Quote, SpeakerRef};
use crate::document::Document;
use crate::lexicon::Lexicons;
use crate::names::cues::{NameCues, Pronoun};
use crate::names::{EntityType, Gender};
use crate::span::Span;
use crate::text::is_capitalized;

/// What gave a person a gender.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GenderCue {
    /// A pronoun that refers to the person (he, she, вона, ele).
    Pronoun,
    /// A gendered verb form with the person as subject (заявила, a-t-elle dit).
    Verb,
    /// A gendered title (ministra, Bundeskanzlerin, міністерка, la ministre).
    Title,
    /// A form of address (Mr, Mrs, Frau, Sra.).
    Honorific,
    /// The gender the person's given name usually has (a prior, not evidence).
    GivenName,
}

/// One cue of a person's gender in a document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GenderSignal {
    /// The person's entity key.
    pub entity_key: String,
    /// The gender the cue gives.
    pub gender: Gender,
    /// The cue itself (the pronoun, verb, title or honorific).
    pub span: Span,
    /// What kind of cue.
    pub cue: GenderCue,
}

impl GenderSignal {
    /// A signal for an entity.
    pub fn new(key: &str, gender: Gender, span: Span, cue: GenderCue) -> Self {
        GenderSignal {
            entity_key: key.to_string(),
            gender,
            span,
            cue,
        }
    }
}

/// Paragraphs back a pronoun may look for its person.
const PRONOUN_REACH: usize = 3;
/// Words after a quote in which its speech verb must start.
const FRAME_AFTER: usize = 8;
/// Words before a quote searched for its frame.
const FRAME_BEFORE: usize = 10;
/// Words a frameless quote needs to continue the previous speaker (a
/// quoted headline word is no statement).
const MIN_CONTINUED_WORDS: usize = 4;
/// Title words a frame may put between a verb and a name ("said Foreign Minister X").
const MAX_TITLE_WORDS: usize = 4;
/// Words of a title's complement a frame may put before the name ("del
/// Harbor City", "of the central bank").
const MAX_COMPLEMENT: usize = 5;

struct Ctx<'a> {
    doc: &'a Document,
    cues: &'a NameCues,
    names: &'a [NameMention],
    folds: crate::document::Folds<'a>,
    /// The mention each word belongs to (u32: one per word of a long
    /// document); see [`Ctx::mention`].
    mention_of: Vec<Option<u32>>,
    /// The first word of each mention.
    first_word: Vec<usize>,
    /// Words inside a direct quote.
    quoted: Vec<bool>,
    /// Gender each entity has from titles, honorifics and verb endings.
    known: HashMap<String, Gender>,
}

/// Finds speakers and reported speech, resolves pronouns, and adds the
/// gender signals of pronouns and gendered verbs to `signals`.
pub fn attribute(
    doc: &Document,
    lexicons: &Lexicons,
    names: &[NameMention],
    quotes: &mut Vec<Quote>,
    signals: &mut Vec<GenderSignal>,
) {
    let cues = &lexicons.lang(&doc.language.code).cues;
    let folds = doc.infos.all();
    let mut mention_of = vec![None; doc.words.len()];
    let mut first_word = vec![0; names.len()];
    for (m, mention) in names.iter().enumerate() {
        let first = doc
            .words
            .partition_point(|w| w.span().end <= mention.span.start);
        first_word[m] = first;
        for (w, word) in doc.words.iter().enumerate().skip(first) {
            if !mention.span.overlaps(&word.span()) {
                break;
            }
            mention_of[w] = u32::try_from(m).ok();
        }
    }
    // Each quote marks its own words (found by binary search): words ×
    // quotes would be quadratic in a long document.
    let mut quoted = vec![false; doc.words.len()];
    for q in quotes.iter().filter(|q| q.depth == 0) {
        let from = doc
            .words
            .partition_point(|w| w.span().start < q.inner.start);
        for (w, word) in doc.words.iter().enumerate().skip(from) {
            if word.span().start >= q.inner.end {
                break;
            }
            if q.inner.contains(&word.span()) {
                quoted[w] = true;
            }
        }
    }
    let mut cx = Ctx {
        doc,
        cues,
        names,
        folds,
        mention_of,
        first_word,
        quoted,
        known: HashMap::new(),
    };
    for s in signals
        .iter()
        .filter(|s| matches!(s.cue, GenderCue::Title | GenderCue::Honorific))
    {
        cx.known.entry(s.entity_key.clone()).or_insert(s.gender);
    }
    verb_genders(&mut cx, signals);
    pronoun_genders(&mut cx, signals);
    for q in quotes.iter_mut().filter(|q| q.depth == 0) {
        let (speaker, verb) = direct_speaker(&cx, q);
        q.speaker = speaker;
        q.verb_span = verb;
    }
    continue_speakers(doc, quotes);
    quotes.extend(reported_speech(&cx));
    quotes.extend(framed_after(&cx));
    quotes.sort_by_key(|q| (q.span.start, q.depth, q.indirect));
}

impl Ctx<'_> {
    /// The mention word `w` belongs to.
    fn mention(&self, w: usize) -> Option<usize> {
        self.mention_of[w].map(|m| m as usize)
    }
    fn word_span(&self, w: usize) -> Span {
        self.doc.words[w].span()
    }

    /// The text between word `w - 1` and word `w`.
    fn gap_before(&self, w: usize) -> &str {
        &self.doc.text[self.word_span(w - 1).end..self.word_span(w).start]
    }

    fn sentence_bounds(&self, w: usize) -> (usize, usize) {
        let s = &self.doc.sentences[self.doc.sentence_of(w)];
        (s.first_word, s.end_word)
    }

    fn pronoun(&self, w: usize) -> Option<Pronoun> {
        self.cues.pronouns.get(self.doc.lower(w)).copied()
    }

    fn speech_verb(&self, w: usize, end: usize) -> Option<(usize, Option<Gender>)> {
        self.cues
            .speech_verbs
            .match_at(&self.folds.slice(0..end), w)
            .map(|p| (p.words.len(), p.gender))
    }

    /// True when mention `m` can be the subject of a verb: not a possessor
    /// ("Mexico's agency said"), not after a preposition ("in Boston
    /// said", "в Бостоне заявил"), and not in an oblique case of an
    /// inflected language ("Российской Федерации", "Путину").
    fn can_be_subject(&self, m: usize) -> bool {
        let mention = &self.names[m];
        let after = &self.doc.text[mention.span.end..];
        if after.starts_with(['\'', '’']) {
            return false;
        }
        let first = self.first_word[m];
        if first > 0
            && self
                .cues
                .place_before
                .contains(self.folds[first - 1].fold())
        {
            return false;
        }
        !mention.parts.last().is_some_and(|p| {
            let surface = crate::text::lower(self.doc.slice(p.span));
            crate::text::is_cyrillic_word(&surface)
                && crate::names::key::name_words(&surface)
                    .last()
                    .is_some_and(|w| p.form.split(' ').next_back() != Some(w))
        })
    }

    /// The name that opens the clause `start..end` (its first word outside
    /// quotes), when it can be a subject: "X, the country's deputy prime
    /// minister, said".
    fn leading_mention(&self, start: usize, end: usize) -> Option<usize> {
        let first = (start..end).find(|&x| !self.quoted[x])?;
        self.mention(first).filter(|&m| self.can_be_subject(m))
    }

    /// The speaker a mention names: a person or an unknown-type name.
    fn mention_ref(&self, m: usize) -> SpeakerRef {
        SpeakerRef {
            key: self.names[m].key.clone(),
            span: self.names[m].span,
            via_pronoun: false,
            continued: false,
        }
    }

    /// The most recent person named outside quotes before word `w`, whose
    /// known gender does not contradict `gender`.
    fn antecedent(&self, w: usize, gender: Option<Gender>) -> Option<usize> {
        let at = self.word_span(w).start;
        let para = self.doc.sentences[self.doc.sentence_of(w)].paragraph;
        let reach = self.doc.paragraphs[para.saturating_sub(PRONOUN_REACH)]
            .span
            .start;
        // Names are in text order: only those starting before `at`, back to
        // `reach`, are candidates.
        let before = self.names.partition_point(|m| m.span.start < at);
        self.names[..before]
            .iter()
            .enumerate()
            .rev()
            .take_while(|(_, m)| m.span.start >= reach)
            .filter(|(_, m)| m.span.end <= at)
            .filter(|(_, m)| m.entity == EntityType::Person)
            .filter(|(i, _)| {
                !self
                    .quoted
                    .get(self.first_word[*i])
                    .copied()
                    .unwrap_or(false)
            })
            .find(|(_, m)| match (gender, self.known.get(&m.key)) {
                (Some(g), Some(k)) => g == *k,
                _ => true,
            })
            .map(|(i, _)| i)
    }

    /// A speaker named by a pronoun, title or gendered verb at word `w`.
    fn anaphor(&self, w: usize, cue: Span, gender: Option<Gender>) -> Option<SpeakerRef> {
        self.antecedent(w, gender).map(|m| SpeakerRef {
            key: self.names[m].key.clone(),
            span: cue,
            via_pronoun: true,
            continued: false,
        })
    }

    /// The subject of a verb that starts at word `v`: a name or pronoun just
    /// before it, or a name or pronoun just after it (inverted frames), or a
    /// title ("the minister said"); `after_end` is the verb's last word + 1.
    fn subject(
        &self,
        v: usize,
        after_end: usize,
        start: usize,
        end: usize,
        gender: Option<Gender>,
    ) -> Option<SpeakerRef> {
        // A name the verb follows after a comma or dash is its subject in
        // apposition ("the owner, X, said") unless a subject follows the
        // verb ("… in Boston, said X").
        let mut apposed = None;
        if v > start {
            let joined = !self
                .gap_before(v)
                .contains([',', ';', ':', '—', '–', '(', ')']);
            if let Some(m) = self.mention(v - 1).filter(|&m| self.can_be_subject(m)) {
                if joined {
                    return Some(self.mention_ref(m));
                }
                apposed = Some(m);
            }
            if let Some(p) = self.pronoun(v - 1).filter(|p| p.subject) {
                return self.anaphor(v - 1, self.word_span(v - 1), Some(p.gender));
            }
            let before = self.folds.slice(start..v);
            if let Some((i, phrase)) = self.cues.titles.match_ending(&before, before.len()) {
                let span = self.word_span(start + i).cover(&self.word_span(v - 1));
                return self.anaphor(start + i, span, phrase.gender.or(gender));
            }
        }
        // Inverted: "said X", "said the Foreign Minister X", "сказав він",
        // "dijo la entrenadora del Harbor City, X" (after a title, its
        // complement: short lower-case words and names of no person).
        let mut a = after_end;
        let mut titled = false;
        while a < end && a < after_end + MAX_TITLE_WORDS + if titled { MAX_COMPLEMENT } else { 0 } {
            if let Some(m) = self.mention(a) {
                if !self.can_be_subject(m) {
                    break;
                }
                if titled && self.names[m].entity != EntityType::Person {
                    while a < end && self.mention(a) == Some(m) {
                        a += 1;
                    }
                    continue;
                }
                return Some(self.mention_ref(m));
            }
            if let Some(p) = self.pronoun(a).filter(|p| p.subject) {
                return self.anaphor(a, self.word_span(a), Some(p.gender));
            }
            let title = self.cues.titles.match_at(&self.folds.slice(0..end), a);
            let word = self.doc.slice(self.word_span(a));
            // An elided article ("l'") has no gender of its own.
            let article = self.cues.articles.contains_key(self.folds[a].fold())
                || word.ends_with(['\'', '’']);
            // A capitalised word is part of the complement's name.
            let particle = titled && (is_capitalized(word) || word.chars().count() <= 5);
            match title {
                Some(p) => {
                    a += p.words.len();
                    titled = true;
                }
                None if article || particle => a += 1,
                None => break,
            }
        }
        if let Some(m) = apposed {
            return Some(self.mention_ref(m));
        }
        // A gendered verb alone ("a-t-elle dit", "— заявила"): its gender
        // points at the person.
        let verb = self.word_span(v).cover(&self.word_span(after_end - 1));
        gender.and_then(|g| self.anaphor(v, verb, Some(g)))
    }
}

/// Shortest past-tense verb whose ending tells its subject's gender.
const MIN_PAST_VERB: usize = 4;

/// The gender a lower-case past-tense verb's ending gives its subject.
fn past_gender(cues: &NameCues, word: &str) -> Option<Gender> {
    if word.chars().count() < MIN_PAST_VERB || !word.chars().next().is_some_and(char::is_lowercase)
    {
        return None;
    }
    cues.past_endings
        .iter()
        .find(|(e, _)| word.ends_with(e.as_str()))
        .map(|(_, g)| *g)
}

/// Gendered verbs with a named subject: "X заявила", "сказав X", and in
/// languages whose past tense agrees with its subject, "X прибула".
fn verb_genders(cx: &mut Ctx, signals: &mut Vec<GenderSignal>) {
    for s in &cx.doc.sentences {
        // Whether someone who can speak is named in the clause so far
        // ([`named_before`]), kept as the words go by: a scan back from each
        // verb was quadratic in a long sentence.
        let mut named = false;
        for v in s.first_word..s.end_word {
            if v > s.first_word {
                named = named_before(cx, named, v - 1);
            }
            let subject = (v > s.first_word).then(|| cx.mention(v - 1)).flatten();
            let past = subject
                .filter(|&m| cx.names[m].entity == EntityType::Person && cx.mention(v).is_none())
                .filter(|_| cx.gap_before(v).trim().is_empty())
                .and_then(|m| Some((m, past_gender(cx.cues, cx.doc.slice(cx.word_span(v)))?)));
            if let Some((m, g)) = past.filter(|_| cx.speech_verb(v, s.end_word).is_none()) {
                let key = cx.names[m].key.clone();
                signals.push(GenderSignal::new(&key, g, cx.word_span(v), GenderCue::Verb));
                cx.known.entry(key).or_insert(g);
                continue;
            }
            let Some((len, Some(g))) = cx.speech_verb(v, s.end_word) else {
                continue;
            };
            // A place just before the verb is where it was said ("в Москве
            // заявила X"), not who said it.
            let before = (v > s.first_word)
                .then(|| cx.mention(v - 1))
                .flatten()
                .filter(|&m| cx.names[m].entity != EntityType::Place);
            // A name after the verb is its subject ("— заявила X") unless a
            // person is named earlier in the clause: then the name after is
            // whom it was said to ("X, who left office, told Y").
            let after = (v + len < s.end_word && !named)
                .then(|| cx.mention(v + len))
                .flatten();
            if let Some(m) = before.or(after) {
                let key = cx.names[m].key.clone();
                let span = cx.word_span(v).cover(&cx.word_span(v + len - 1));
                signals.push(GenderSignal::new(&key, g, span, GenderCue::Verb));
                cx.known.entry(key).or_insert(g);
            }
        }
    }
}

/// Whether someone who can speak (a name that is not a place's) is named in
/// the clause up to and including word `w`, given whether one was before it:
/// a quote mark or a dash after `w` starts a new clause.
fn named_before(cx: &Ctx, named: bool, w: usize) -> bool {
    let named = named
        || cx
            .mention(w)
            .is_some_and(|m| cx.names[m].entity != EntityType::Place);
    named
        && !cx
            .gap_before(w + 1)
            .contains(['"', '«', '»', '“', '”', '„', '—', '–'])
}

/// Every pronoun outside quotes gives its person a gender. A possessive in
/// an opening phrase ("In her letter, X wrote") points forward to the
/// sentence's subject; any other pronoun points back. A person's first
/// pronoun also settles their gender for the pronouns after it, when no
/// title, honorific or verb did.
fn pronoun_genders(cx: &mut Ctx, signals: &mut Vec<GenderSignal>) {
    for s in &cx.doc.sentences {
        for w in s.first_word..s.end_word {
            let Some(p) = cx.pronoun(w) else { continue };
            if cx.quoted[w] {
                continue;
            }
            let span = cx.word_span(w);
            let named_before = (s.first_word..w).any(|x| {
                cx.mention(x)
                    .is_some_and(|m| cx.names[m].entity == EntityType::Person)
            });
            let comma = (w + 1..s.end_word).find(|&x| cx.gap_before(x).contains(','));
            let forward = (!p.subject && !named_before)
                .then_some(comma)
                .flatten()
                .and_then(|c| cx.mention(c))
                .filter(|&m| {
                    let n = &cx.names[m];
                    n.entity == EntityType::Person
                        || n.entity == EntityType::Unknown && n.parts.len() > 1
                });
            let m = forward.or_else(|| cx.antecedent(w, Some(p.gender)));
            if let Some(m) = m {
                let key = cx.names[m].key.clone();
                signals.push(GenderSignal::new(&key, p.gender, span, GenderCue::Pronoun));
                cx.known.entry(key).or_insert(p.gender);
            }
        }
    }
}

/// The speaker and verb of a direct quote.
fn direct_speaker(cx: &Ctx, q: &Quote) -> (Option<SpeakerRef>, Option<Span>) {
    let words = &cx.doc.words;
    // Words are in text order: binary searches, not scans, for each quote.
    let Some(last_inner) = words
        .partition_point(|w| w.span().end <= q.span.end)
        .checked_sub(1)
    else {
        return (None, None);
    };
    // After the quote, in the same sentence: "…,” X said / said X / he added.
    let first_after =
        Some(words.partition_point(|w| w.span().start < q.span.end)).filter(|&k| k < words.len());
    if let Some(k) = first_after {
        let (_, end) = cx.sentence_bounds(k);
        if cx.doc.sentence_of(last_inner) == cx.doc.sentence_of(k) {
            let stop = (k..end).find(|&x| cx.quoted[x]).unwrap_or(end);
            for v in k..stop.min(k + FRAME_AFTER) {
                if let Some((len, gender)) = cx.speech_verb(v, stop) {
                    let verb = cx.word_span(v).cover(&cx.word_span(v + len - 1));
                    let speaker = cx.subject(v, v + len, k, stop, gender);
                    if speaker.is_some() {
                        return (speaker, Some(verb));
                    }
                }
            }
        }
    }
    // Before the quote: "X said: “…”", "according to X, “…”".
    let first = words.partition_point(|w| w.span().start < q.span.start);
    if first == words.len() {
        return (None, None);
    }
    let (mut start, _) = cx.sentence_bounds(first);
    if start == first && first > 0 {
        // A quote that opens its sentence takes a frame ending in ":" before it.
        let gap = &cx.doc.text[words[first - 1].span().end..q.span.start];
        if gap.contains(':') {
            start = cx.sentence_bounds(first - 1).0;
        }
    }
    let from = start.max(first.saturating_sub(FRAME_BEFORE));
    for v in (from..first).rev() {
        if cx.quoted[v] {
            break;
        }
        if let Some(p) = cx.cues.sources.match_at(&cx.folds.slice(0..first), v) {
            let after = v + p.words.len();
            let verb = cx.word_span(v).cover(&cx.word_span(after - 1));
            if let Some(m) = (after..first.min(after + MAX_TITLE_WORDS)).find_map(|x| cx.mention(x))
            {
                return (Some(cx.mention_ref(m)), Some(verb));
            }
            // "Según ella, «…»".
            if let Some(p) = (after < first).then(|| cx.pronoun(after)).flatten() {
                let speaker = cx.anaphor(after, cx.word_span(after), Some(p.gender));
                return (speaker, Some(verb));
            }
        }
        if let Some((len, gender)) = cx.speech_verb(v, first) {
            let verb = cx.word_span(v).cover(&cx.word_span(v + len - 1));
            let speaker = cx.subject(v, v + len, start, first, gender).or_else(|| {
                // "X, the country's deputy prime minister, said": the subject leads.
                cx.leading_mention(start, v)
                    .filter(|&m| cx.names[m].entity == EntityType::Person)
                    .map(|m| cx.mention_ref(m))
            });
            if speaker.is_some() {
                return (speaker, Some(verb));
            }
        }
    }
    (None, None)
}

/// A quote that opens its paragraph with no frame continues the speaker of
/// the quote just before it (in this or the previous paragraph).
fn continue_speakers(doc: &Document, quotes: &mut [Quote]) {
    let para_of = |q: &Quote| {
        let p = doc.paragraphs.partition_point(|p| p.span.end < q.span.end);
        (p < doc.paragraphs.len() && doc.paragraphs[p].span.contains(&q.span)).then_some(p)
    };
    let mut last: Option<(usize, SpeakerRef)> = None;
    for q in quotes.iter_mut().filter(|q| q.depth == 0 && !q.indirect) {
        let para = para_of(q);
        let words = doc.slice(q.inner).split_whitespace().count();
        if q.speaker.is_none() && words >= MIN_CONTINUED_WORDS {
            let opens = para.is_some_and(|p| doc.paragraphs[p].span.start == q.span.start);
            if let (true, Some(p), Some((lp, sp))) = (opens, para, &last) {
                if p <= lp + 1 {
                    q.speaker = Some(SpeakerRef {
                        continued: true,
                        ..sp.clone()
                    });
                }
            }
        }
        if let (Some(p), Some(sp)) = (para, &q.speaker) {
            last = Some((p, sp.clone()));
        }
    }
}

/// Reported speech: "X said that …", "X disse que …", "X sagte, dass …".
fn reported_speech(cx: &Ctx) -> Vec<Quote> {
    let mut out = Vec::new();
    for s in &cx.doc.sentences {
        let (start, end) = (s.first_word, s.end_word);
        let mut v = start;
        while v < end {
            let Some((len, gender)) = cx.speech_verb(v, end) else {
                v += 1;
                continue;
            };
            if cx.quoted[v] {
                v += len;
                continue;
            }
            // The complementizer follows the verb, or an inverted subject
            // ("disse o ministro que"); in English it may be left out ("says
            // it accepts", "said Kyiv understood").
            let after = v + len;
            let mut c = after;
            while c < end
                && c < after + MAX_TITLE_WORDS
                && !opens_reported(cx, c)
                && inverted_subject_word(cx, c, end)
            {
                c += 1;
            }
            let (content_start, subject_end) = if c < end && opens_reported(cx, c) {
                (c + 1, c)
            } else if cx.doc.language.code == "en"
                && after < end
                && (cx.pronoun(after).is_some_and(|p| p.subject)
                    || clause_subject(cx, after, end)
                    || matches!(cx.folds[after].fold(), "it" | "they" | "we"))
            {
                (after, after)
            } else if after < end && named_then_comma(cx, start, v, after) {
                // "Kudlow sagte, das neue Gesetz wird …": a sentence that
                // opens with its speaker, a speech verb and a comma reports
                // what follows (German leaves "dass" out this way).
                (after, after)
            } else {
                v = after;
                continue;
            };
            if content_start >= end {
                break;
            }
            let speaker = cx
                .subject(v, after, start, subject_end, gender)
                .or_else(|| cx.leading_mention(start, v).map(|m| cx.mention_ref(m)));
            let content = cx
                .word_span(content_start)
                .cover(&Span::new(s.span.end, s.span.end))
                .trim(&cx.doc.text);
            out.push(Quote {
                span: content,
                inner: content,
                speaker,
                verb_span: Some(cx.word_span(v).cover(&cx.word_span(v + len - 1))),
                unterminated: false,
                indirect: true,
                depth: 0,
                boilerplate: cx.doc.is_boilerplate(content),
            });
            v = end;
        }
    }
    out
}

/// True when the sentence from word `start` is a name (after a title or
/// not) the speech verb at `v` follows, and a comma follows the verb (which
/// ends at `after`): "Nonnemacher sagte, für die Branche sei …",
/// "Ministerin Anna Roth sagte, es gebe …".
fn named_then_comma(cx: &Ctx, start: usize, v: usize, after: usize) -> bool {
    let Some(m) = v
        .checked_sub(1)
        .and_then(|w| cx.mention(w))
        .filter(|&m| cx.can_be_subject(m))
    else {
        return false;
    };
    let first = cx.first_word[m];
    let titled = first == start
        || cx
            .cues
            .titles
            .match_at(&cx.folds.slice(0..v), start)
            .is_some_and(|title| start + title.words.len() == first);
    titled && cx.gap_before(after).trim() == "," && !cx.quoted[after]
}

/// Statements framed after what was said: "…, as Huber explains", "…, wie
/// Landwirt Huber erläutert", "…, как пояснил Хубер". The frame follows a
/// comma: an as-word, then a speech verb within a few words and a name
/// before it or within a few words after it; the statement is the sentence
/// before the frame.
fn framed_after(cx: &Ctx) -> Vec<Quote> {
    let mut out = Vec::new();
    for s in &cx.doc.sentences {
        let (start, end) = (s.first_word, s.end_word);
        for w in (start + 2)..end {
            if cx.quoted[w]
                || !cx.gap_before(w).contains(',')
                || !cx.cues.as_frames.contains(cx.folds[w].fold())
            {
                continue;
            }
            let Some((v, len)) = (w + 1..end.min(w + 2 + MAX_TITLE_WORDS)).find_map(|v| {
                cx.speech_verb(v, end)
                    .map(|(len, _)| len)
                    .or_else(|| elided_speech_verb(cx, v))
                    .map(|len| (v, len))
            }) else {
                continue;
            };
            let speaker = (w + 1..v)
                .rev()
                .find_map(|x| cx.mention(x).filter(|&m| cx.can_be_subject(m)))
                .or_else(|| {
                    (v + len..end.min(v + len + MAX_TITLE_WORDS)).find_map(|x| cx.mention(x))
                });
            let Some(m) = speaker else {
                continue;
            };
            let content = cx
                .word_span(start)
                .cover(&cx.word_span(w - 1))
                .trim(&cx.doc.text);
            out.push(Quote {
                span: content,
                inner: content,
                speaker: Some(cx.mention_ref(m)),
                verb_span: Some(cx.word_span(v).cover(&cx.word_span(v + len - 1))),
                unterminated: false,
                indirect: true,
                depth: 0,
                boilerplate: cx.doc.is_boilerplate(content),
            });
            break;
        }
    }
    out
}

/// A speech verb after an elided object pronoun, as one word ("l’explique"
/// in "comme l’explique X"): its length in words (1).
fn elided_speech_verb(cx: &Ctx, v: usize) -> Option<usize> {
    let (_, verb) = cx.folds[v].fold().split_once('\'')?;
    cx.cues
        .speech_verbs
        .match_at(&[verb][..], 0)
        .filter(|p| p.words.len() == 1)
        .map(|_| 1)
}

/// True when a name starts at word `w` and a lower-case word follows it:
/// the subject of a reported clause ("said Kyiv understood ...").
fn clause_subject(cx: &Ctx, w: usize, end: usize) -> bool {
    let Some(m) = cx.mention(w) else {
        return false;
    };
    let next = (w..end).find(|&x| cx.mention(x) != Some(m));
    next.is_some_and(|x| {
        cx.doc
            .slice(cx.word_span(x))
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
    })
}

/// True when word `c` can belong to a subject placed after its verb: a
/// name, a pronoun, a title or an article.
fn inverted_subject_word(cx: &Ctx, c: usize, end: usize) -> bool {
    cx.mention(c).is_some()
        || cx.pronoun(c).is_some()
        || cx.cues.articles.contains_key(cx.folds[c].fold())
        || cx
            .cues
            .titles
            .match_at(&cx.folds.slice(0..end), c)
            .is_some()
}

/// True when word `c` is "that", "que", "dass", "що" (or "qu'il").
fn opens_reported(cx: &Ctx, c: usize) -> bool {
    let f = cx.folds[c].fold();
    cx.cues.complementizers.contains(f)
        || f.split_once('\'')
            .is_some_and(|(head, _)| cx.cues.complementizers.contains(&format!("{head}'")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::testing::facts;

    /// (quote text, speaker name as written, via pronoun, indirect) of each quote.
    fn speakers(lang: &str, text: &str) -> Vec<(String, Option<String>, bool, bool)> {
        let (d, f) = facts(lang, text);
        f.quotes
            .iter()
            .filter(|q| q.depth == 0)
            .map(|q| {
                (
                    d.slice(q.inner).to_string(),
                    q.speaker.as_ref().map(|s| {
                        let key = &s.key;
                        let name = f
                            .names
                            .iter()
                            .find(|m| &m.key == key)
                            .map(|m| d.slice(m.span));
                        name.unwrap_or("?").to_string()
                    }),
                    q.speaker.as_ref().is_some_and(|s| s.via_pronoun),
                    q.indirect,
                )
            })
            .collect()
    }

    /// (entity's first name as written, gender, cue text, cue) of each signal.
    fn genders(lang: &str, text: &str) -> Vec<(String, Gender, String, GenderCue)> {
        let (d, f) = facts(lang, text);
        f.genders
            .iter()
            .map(|g| {
                let name = f
                    .names
                    .iter()
                    .find(|m| m.key == g.entity_key)
                    .map_or("?", |m| d.slice(m.span));
                (
                    name.to_string(),
                    g.gender,
                    d.slice(g.span).to_string(),
                    g.cue,
                )
            })
            .collect()
    }

    #[test]
    fn frames_after_before_and_pronouns() {
        let q = speakers(
            "en",
            "Central bank governor Lena Markovic spoke on Tuesday. \
             \"Rates will stay high,\" Markovic said. \"We are patient,\" she added.\n\n\
             According to Markovic, \"inflation is easing\".\n\n\
             Trade minister Paolo Ricci said: \"We disagree.\"",
        );
        assert_eq!(
            q[0],
            (
                "Rates will stay high,".into(),
                Some("Lena Markovic".into()),
                false,
                false
            )
        );
        assert_eq!(
            q[1],
            (
                "We are patient,".into(),
                Some("Lena Markovic".into()),
                true,
                false
            )
        );
        assert_eq!(q[2].1.as_deref(), Some("Lena Markovic"));
        assert_eq!(q[3].1.as_deref(), Some("Paolo Ricci"));
    }

    #[test]
    fn inverted_frames_and_continued_quotes() {
        let q = speakers(
            "en",
            "\"The budget is balanced,\" said Finance Minister Erik Lund.\n\n\
             \"Nobody expected it to happen this fast, and we will keep going.\"",
        );
        assert_eq!(q[0].1.as_deref(), Some("Erik Lund"));
        assert_eq!(q[1].1.as_deref(), Some("Erik Lund"));
        let (_, f) = facts(
            "en",
            "\"The budget is balanced,\" said Erik Lund.\n\n\"Nobody expected it to happen this fast.\"",
        );
        assert!(f.quotes[1].speaker.as_ref().is_some_and(|s| s.continued));
    }

    #[test]
    fn reported_speech_in_several_languages() {
        let en = speakers(
            "en",
            "Minister Erik Lund said that the budget was balanced.",
        );
        assert_eq!(
            en[0],
            (
                "the budget was balanced.".into(),
                Some("Erik Lund".into()),
                false,
                true
            )
        );
        let pt = speakers(
            "pt",
            "O ministro Rui Tavares disse que o orçamento está equilibrado.",
        );
        assert_eq!(pt[0].1.as_deref(), Some("Rui Tavares"));
        assert!(pt[0].3);
        let de = speakers(
            "de",
            "Minister Jörg Albrecht sagte, dass der Haushalt ausgeglichen sei.",
        );
        assert_eq!(de[0].1.as_deref(), Some("Jörg Albrecht"));
        let uk = speakers(
            "uk",
            "Міністр Тарас Гордієнко заявив, що бюджет збалансований.",
        );
        assert_eq!(uk[0].1.as_deref(), Some("Тарас Гордієнко"));
        let es = speakers(
            "es",
            "El ministro Tomás Ibarra afirmó que el presupuesto está equilibrado.",
        );
        assert_eq!(es[0].1.as_deref(), Some("Tomás Ibarra"));
    }

    #[test]
    fn reported_speech_after_a_comma_without_complementizer() {
        // German leaves "dass" out: the verb-second clause after the comma
        // is what the sentence's opening name said.
        let de = speakers(
            "de",
            "Die Sitzung dauerte lange. Albrecht sagte, der Haushalt sei ausgeglichen.",
        );
        assert_eq!(
            de[0],
            (
                "der Haushalt sei ausgeglichen.".into(),
                Some("Albrecht".into()),
                false,
                true
            )
        );
        let titled = speakers(
            "de",
            "Ministerin Greta Lindqvist sagte, es gebe keinen Plan.",
        );
        assert_eq!(titled[0].1.as_deref(), Some("Greta Lindqvist"));
        // A frame after what was said is no report of what follows it, nor
        // is a name inside the sentence.
        assert!(
            speakers(
                "de",
                "Der Haushalt ist ausgeglichen, sagte Albrecht, aber knapp."
            )
            .iter()
            .all(|q| q.0 != "aber knapp.")
        );
        assert!(speakers("de", "Am Montag sagte Albrecht, der Haushalt sei knapp.").is_empty());
        assert!(
            speakers("de", "Albrecht sagte: „Der Haushalt ist knapp.“")
                .iter()
                .all(|q| !q.3)
        );
    }

    #[test]
    fn statements_framed_after_what_was_said() {
        for (lang, text, speaker) in [
            (
                "en",
                "The bridge will reopen in May, as engineer Ada Kowalczyk explained.",
                "Ada Kowalczyk",
            ),
            (
                "de",
                "Die Brücke wird im Mai wieder geöffnet, wie Ada Kowalczyk erläutert.",
                "Ada Kowalczyk",
            ),
            (
                "fr",
                "Le pont rouvrira en mai, comme l’explique Ada Kowalczyk.",
                "Ada Kowalczyk",
            ),
            (
                "ru",
                "Мост откроют в мае, как пояснил инженер Олег Сидоренко.",
                "Олег Сидоренко",
            ),
        ] {
            let found = speakers(lang, text);
            let framed = found
                .iter()
                .find(|q| q.3)
                .unwrap_or_else(|| panic!("{lang}: {found:?}"));
            assert_eq!(framed.1.as_deref(), Some(speaker), "{lang}");
            assert!(
                text.starts_with(framed.0.trim_end_matches(',')),
                "{lang}: {framed:?}"
            );
        }
        // An as-word with no speech verb and name is no frame.
        assert!(speakers("en", "Prices rose in May, as analysts had expected.").is_empty());
        assert!(speakers("de", "Die Preise stiegen im Mai, wie erwartet.").is_empty());
    }

    #[test]
    fn quotes_in_other_languages() {
        let fr = speakers(
            "fr",
            "Le ministre Étienne Garnier était là. « Nous tiendrons », a-t-il dit.",
        );
        assert_eq!(
            fr[0],
            (
                "Nous tiendrons".into(),
                Some("Étienne Garnier".into()),
                true,
                false
            )
        );
        let it = speakers("it", "«Non cederemo», ha detto Marco Ferri ai giornalisti.");
        assert_eq!(it[0].1.as_deref(), Some("Marco Ferri"));
        let ru = speakers("ru", "«Мы не отступим», — сказал министр Тарас Гордиенко.");
        assert_eq!(ru[0].1.as_deref(), Some("Тарас Гордиенко"));
        let de = speakers("de", "„Wir bleiben“, sagte Jörg Albrecht am Abend.");
        assert_eq!(de[0].1.as_deref(), Some("Jörg Albrecht"));
    }

    #[test]
    fn pronouns_resolve_to_the_compatible_person() {
        // Known genders: Mrs marks her, заявив marks him; "she" skips him.
        let g = genders(
            "en",
            "Mrs. Helga Brandt met Mr. Tomas Berg. Berg spoke first. Later she said the talks went well.",
        );
        assert!(
            g.contains(&(
                "Helga Brandt".into(),
                Gender::Female,
                "Mrs".into(),
                GenderCue::Honorific
            )),
            "{g:?}"
        );
        assert!(
            g.contains(&(
                "Helga Brandt".into(),
                Gender::Female,
                "she".into(),
                GenderCue::Pronoun
            )),
            "{g:?}"
        );
        let uk = genders(
            "uk",
            "Олена Петренко заявила, що все гаразд. Тарас Гордієнко заявив, що ні. Вона наполягала.",
        );
        assert!(
            uk.contains(&(
                "Олена Петренко".into(),
                Gender::Female,
                "заявила".into(),
                GenderCue::Verb
            )),
            "{uk:?}"
        );
        assert!(
            uk.contains(&(
                "Тарас Гордієнко".into(),
                Gender::Male,
                "заявив".into(),
                GenderCue::Verb
            )),
            "{uk:?}"
        );
        assert!(
            uk.contains(&(
                "Олена Петренко".into(),
                Gender::Female,
                "Вона".into(),
                GenderCue::Pronoun
            )),
            "{uk:?}"
        );
    }

    #[test]
    fn an_unexpected_pronoun_is_reported_not_corrected() {
        // No title or verb says her gender: "he" points at her, and the
        // given name's usual gender is a separate signal.
        let g = genders(
            "en",
            "Olena Petrenko met reporters. \"We are ready,\" he said.",
        );
        assert!(
            g.contains(&(
                "Olena Petrenko".into(),
                Gender::Male,
                "he".into(),
                GenderCue::Pronoun
            )),
            "{g:?}"
        );
        assert!(
            g.contains(&(
                "Olena Petrenko".into(),
                Gender::Female,
                "Olena".into(),
                GenderCue::GivenName
            )),
            "{g:?}"
        );
    }

    #[test]
    fn opening_possessive_points_forward_and_titles_give_gender() {
        let g = genders(
            "en",
            "Tomas Berg arrived. In her speech, Helga Brandt thanked him.",
        );
        assert!(
            g.contains(&(
                "Helga Brandt".into(),
                Gender::Female,
                "her".into(),
                GenderCue::Pronoun
            )),
            "{g:?}"
        );
        assert!(
            g.contains(&(
                "Tomas Berg".into(),
                Gender::Male,
                "him".into(),
                GenderCue::Pronoun
            )),
            "{g:?}"
        );
        let pt = genders("pt", "A ministra Beatriz Moura chegou.");
        assert!(
            pt.contains(&(
                "Beatriz Moura".into(),
                Gender::Female,
                "ministra".into(),
                GenderCue::Title
            )),
            "{pt:?}"
        );
        let de = genders("de", "Bundeskanzlerin Petra Schmidt kam an.");
        assert!(
            de.iter().any(|s| s.0 == "Petra Schmidt"
                && s.1 == Gender::Female
                && s.3 == GenderCue::Title),
            "{de:?}"
        );
        let es = genders("es", "La ministra Carmen Ruiz llegó.");
        assert!(
            es.iter()
                .any(|s| s.0 == "Carmen Ruiz" && s.1 == Gender::Female && s.3 == GenderCue::Title),
            "{es:?}"
        );
        let fr = genders("fr", "La ministre Claire Dubois est arrivée.");
        assert!(
            fr.iter().any(|s| s.0 == "Claire Dubois"
                && s.1 == Gender::Female
                && s.3 == GenderCue::Title),
            "{fr:?}"
        );
        let it = genders("it", "Il sindaco Marco Ferri è arrivato. Lui ha parlato.");
        assert!(
            it.iter()
                .any(|s| s.0 == "Marco Ferri" && s.1 == Gender::Male && s.3 == GenderCue::Pronoun),
            "{it:?}"
        );
        let uk = genders(
            "uk",
            "Олена Петренко прибула до Києва, а Тарас Гордієнко залишився вдома.",
        );
        assert!(
            uk.iter()
                .any(|s| s.0 == "Олена Петренко" && s.1 == Gender::Female && s.2 == "прибула"),
            "{uk:?}"
        );
        assert!(
            uk.iter()
                .any(|s| s.0 == "Тарас Гордієнко" && s.1 == Gender::Male && s.2 == "залишився"),
            "{uk:?}"
        );
        let ru = genders("ru", "Елена Петренко заявила, что всё в порядке.");
        assert!(
            ru.iter().any(|s| s.0 == "Елена Петренко"
                && s.1 == Gender::Female
                && s.3 == GenderCue::Verb),
            "{ru:?}"
        );
    }

    #[test]
    fn a_title_belongs_to_the_name_it_introduces_not_to_a_neighbour() {
        // Across "and" a title is the other name's; a title that runs into a
        // name after an apposition's comma is that name's.
        let titles = |lang: &str, text: &str| -> Vec<(String, String)> {
            genders(lang, text)
                .into_iter()
                .filter(|g| g.3 == GenderCue::Title)
                .map(|g| (g.0, g.2))
                .collect()
        };
        for (lang, text, person, title) in [
            (
                "en",
                "The Duchess and Tomas Varga opened the new bridge.",
                "Tomas Varga",
                "Duchess",
            ),
            (
                "de",
                "Die Kanzlerin und Tomas Varga eröffneten die Brücke.",
                "Tomas Varga",
                "Kanzlerin",
            ),
            (
                "fr",
                "La ministre et Tomas Varga ont inauguré le pont.",
                "Tomas Varga",
                "ministre",
            ),
            (
                "en",
                "The son of Tomas Varga, Princess Ilse Varga, spoke.",
                "Tomas Varga",
                "Princess",
            ),
            (
                "de",
                "Der Sohn von Tomas Varga, Königin Ilse Brandt, sprach.",
                "Tomas Varga",
                "Königin",
            ),
        ] {
            let found = titles(lang, text);
            assert!(
                !found.iter().any(|(p, t)| p == person && t == title),
                "{lang}: {text}: {found:?}"
            );
        }
        // The apposition itself still gives its name a gender.
        let found = titles("en", "Tomas Varga, the king, spoke.");
        assert!(
            found.iter().any(|(p, t)| p == "Tomas Varga" && t == "king"),
            "{found:?}"
        );
    }

    #[test]
    fn a_place_before_a_gendered_verb_is_not_its_subject() {
        for (lang, text) in [
            (
                "ru",
                "В Москве заявила Анна Смит, что переговоры продолжатся.",
            ),
            (
                "uk",
                "У Києві заявила Анна Сміт, що переговори триватимуть.",
            ),
        ] {
            let g = genders(lang, text);
            let verbs: Vec<&(String, Gender, String, GenderCue)> =
                g.iter().filter(|s| s.3 == GenderCue::Verb).collect();
            assert!(
                verbs
                    .iter()
                    .all(|s| s.0.starts_with("Анна") && s.1 == Gender::Female),
                "{lang}: {g:?}"
            );
            assert!(!verbs.is_empty(), "{lang}: {g:?}");
        }
    }
}
