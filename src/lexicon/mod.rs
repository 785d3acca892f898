//! Word lists and rules as data. Every file under `lexicons/` is embedded at
//! build time and parsed once; `--lexicons DIR` adds to (or, with a first line
//! `#!replace`, replaces) any file of the same relative path.
//!
//! File formats (one entry a line, `#` starts a comment):
//! - word lists: words separated by white space (`function_words.txt`,
//!   `abbreviations.txt`);
//! - phrase lists: one phrase a line (`loanwords.txt`);
//! - labelled lists: `label: item | item | item` (`months.txt`,
//!   `weekdays.txt`, `boilerplate.txt`, `letters.txt` (`alphabet: a b c`));
//! - rule tables: `name | pattern | description` (`calques.txt`);
//! - quantities: `numbers.txt` (`N: forms`, `xN: forms` for multipliers,
//!   `and`, `a`, `half`, `of`, `ordinal`, `range`, `minus`, `point`),
//!   `vague.txt` (`LO..HI: forms`,
//!   `approx`/`min`/`max` qualifiers), `units.txt` (`percent`, `pp`, ISO
//!   currency codes, `time`, `id`): the full formats head the English files
//!   and are parsed by [`crate::extract::quantity::QuantityLexicon`];
//! - concepts: `concepts.txt` (`id: form | form`, the same ids in every
//!   language), parsed by [`concepts::Concepts`].
//! - date grammar words and relative dates (`date_words.txt`,
//!   `relative_dates.txt`), parsed by [`crate::extract::date::DateLexicon`].

pub mod concepts;
pub mod parse;

use crate::hash::{HashMap, HashSet, HashSetExt};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Arc, LazyLock, OnceLock};

use crate::document::boilerplate::{BoilerplateCues, Reason};
use crate::error::{Error, Result};
use crate::names::NameTables;
use crate::names::cues::NameCues;
use crate::text::fold;

pub use parse::{Entry, Labeled};

include!(concat!(env!("OUT_DIR"), "/embedded_lexicons.rs"));

/// The languages every lexicon kind is provided for.
pub const LANGUAGES: [&str; 8] = ["en", "pt", "es", "de", "fr", "it", "uk", "ru"];

/// The per-language lexicon kinds (file stems under `lexicons/<lang>/`).
pub const KINDS: [&str; 21] = [
    "function_words",
    "abbreviations",
    "boilerplate",
    "loanwords",
    "letters",
    "months",
    "weekdays",
    "calques",
    "negation",
    "antonyms",
    "titles",
    "speech_verbs",
    "pronouns",
    "name_cues",
    "numbers",
    "vague",
    "units",
    "concepts",
    "glossary",
    "date_words",
    "relative_dates",
];

/// The raw text of every lexicon file, after a user overlay.
#[derive(Clone, Debug, Default)]
pub struct Sources {
    files: BTreeMap<String, (String, String)>,
}

impl Sources {
    /// The files shipped in the binary.
    pub fn embedded() -> Self {
        let files = EMBEDDED
            .iter()
            .map(|(path, text)| {
                (
                    path.to_string(),
                    (format!("lexicons/{path}"), text.to_string()),
                )
            })
            .collect();
        Self { files }
    }

    /// Adds the files of a user directory laid out like `lexicons/`: each one
    /// is appended to the embedded file of the same path, or replaces it when
    /// its first line is `#!replace`.
    pub fn overlay(&mut self, dir: &Path) -> Result<()> {
        let mut found = Vec::new();
        walk(dir, dir, &mut found)?;
        for (rel, path) in found {
            let text = std::fs::read_to_string(&path).map_err(|source| Error::LexiconDir {
                path: path.clone(),
                source,
            })?;
            let origin = path.display().to_string();
            match text.strip_prefix("#!replace") {
                Some(rest) => {
                    self.files.insert(rel, (origin, rest.to_string()));
                }
                None => {
                    let entry = self.files.entry(rel).or_default();
                    entry.0 = origin;
                    entry.1.push('\n');
                    entry.1.push_str(&text);
                }
            }
        }
        Ok(())
    }

    /// The text of one file and the name to cite in errors.
    pub fn get(&self, rel: &str) -> Option<(&str, &str)> {
        self.files
            .get(rel)
            .map(|(origin, text)| (origin.as_str(), text.as_str()))
    }

    /// Every language that has at least one file.
    pub fn languages(&self) -> Vec<String> {
        let mut langs: Vec<String> = self
            .files
            .keys()
            .filter_map(|k| k.split_once('/').map(|(lang, _)| lang.to_string()))
            .filter(|lang| lang.len() <= 3)
            .collect();
        langs.dedup();
        langs
    }
}

fn walk(root: &Path, dir: &Path, out: &mut Vec<(String, std::path::PathBuf)>) -> Result<()> {
    let read = std::fs::read_dir(dir).map_err(|source| Error::LexiconDir {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut paths: Vec<_> = read.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            walk(root, &path, out)?;
        } else if path.extension().is_some_and(|e| e == "txt") {
            let rel = path
                .strip_prefix(root)
                .map(|p| p.to_string_lossy().replace('\\', "/"))
                .unwrap_or_default();
            out.push((rel, path));
        }
    }
    Ok(())
}

/// A table of word forms that name numbered things (month 1-12, ISO weekday
/// 1-7), looked up by folded form.
#[derive(Clone, Debug, Default)]
pub struct FormTable {
    /// Every form as written in the lexicon (lower-case), with its number.
    pub forms: Vec<(String, u8)>,
    index: HashMap<String, u8>,
    /// The first bytes of every folded form: most words of a text name no
    /// month, and one bit tells so before any hashing.
    starts: Starts,
}

/// The first two bytes of every key of a set, one bit each: a word whose
/// first bytes no key has is none of them, which costs no hashing. Most
/// words of a text are in no lexicon set, and sets are looked up per word.
#[derive(Clone, Debug, Default)]
pub struct Starts(Vec<u64>);

impl Starts {
    fn bit(key: &[u8]) -> usize {
        (usize::from(key[0]) << 8) | usize::from(key.get(1).copied().unwrap_or(0))
    }

    /// Records a key (the empty key is always let through).
    pub fn insert(&mut self, key: &str) {
        if !key.is_empty() {
            self.set(Starts::bit(key.as_bytes()));
        }
    }

    /// False when no recorded key starts as `key` does: a key and every
    /// longer text it begins share their first two bytes.
    pub fn may_hold(&self, key: &str) -> bool {
        if key.is_empty() {
            return true;
        }
        self.has(Starts::bit(key.as_bytes()))
    }

    /// Records how a key ends (its last two bytes), for [`Starts::may_end`]:
    /// a set keeps either starts or ends.
    pub fn insert_end(&mut self, key: &str) {
        if !key.is_empty() {
            self.set(Starts::end_bit(key.as_bytes()));
        }
    }

    /// False when no recorded key ends as `key` does: a key and every
    /// longer text it ends share their last two bytes.
    pub fn may_end(&self, key: &str) -> bool {
        key.is_empty() || self.has(Starts::end_bit(key.as_bytes()))
    }

    fn end_bit(key: &[u8]) -> usize {
        let n = key.len();
        (usize::from(key[n - 1]) << 8) | usize::from(n.checked_sub(2).map_or(0, |i| key[i]))
    }

    fn set(&mut self, bit: usize) {
        self.0.resize(1024, 0);
        self.0[bit / 64] |= 1 << (bit % 64);
    }

    fn has(&self, bit: usize) -> bool {
        self.0
            .get(bit / 64)
            .is_some_and(|w| w & (1 << (bit % 64)) != 0)
    }
}

impl FormTable {
    /// The number a word names, if any (case and diacritics ignored).
    pub fn get(&self, word: &str) -> Option<u8> {
        self.get_folded(&fold(word))
    }

    /// [`FormTable::get`] for a word already passed through [`fold`].
    pub fn get_folded(&self, key: &str) -> Option<u8> {
        if !self.starts.may_hold(key) {
            return None;
        }
        self.index.get(key).copied()
    }

    /// How many different numbers the table names.
    pub fn distinct(&self) -> usize {
        self.index.values().collect::<HashSet<_>>().len()
    }

    fn insert(&mut self, form: &str, n: u8) {
        self.forms.push((crate::text::lower(form), n));
        let key = fold(form);
        self.starts.insert(&key);
        self.index.insert(key, n);
    }
}

/// A calque rule: a convention of another language, as a pattern.
#[derive(Clone, Debug)]
pub struct CalqueRule {
    /// Rule name, reported with each finding.
    pub name: String,
    /// What shows through, in words.
    pub description: String,
    /// The pattern, placeholders expanded; checked when the lexicon is read.
    source: String,
    /// Compiled when a text first may match it ([`CalqueFilter`]): most
    /// runs never need most rules, and compiling all of them was a large
    /// part of the start-up.
    compiled: OnceLock<regex::Regex>,
}

impl CalqueRule {
    /// A rule whose pattern must parse (the error says why when it does not).
    fn new(name: &str, description: &str, source: String) -> Result<CalqueRule, String> {
        regex_syntax::parse(&source).map_err(|e| e.to_string())?;
        Ok(CalqueRule {
            name: name.to_string(),
            description: description.to_string(),
            source,
            compiled: OnceLock::new(),
        })
    }

    /// The compiled pattern.
    pub fn pattern(&self) -> &regex::Regex {
        self.compiled.get_or_init(|| {
            // The pattern parsed when the rule was made, and the size limit
            // is raised, so compiling cannot fail short of a pattern of a
            // gigabyte, which would match nothing rather than stop the run.
            regex::RegexBuilder::new(&self.source)
                .size_limit(1 << 30)
                .build()
                .unwrap_or_else(|_| {
                    regex::Regex::new(r"[^\s\S]").expect("the empty class compiles")
                })
        })
    }
}

/// A prefilter over a language's calque rules: the rules with every
/// assertion (word boundaries, anchors) dropped, in one automaton. It matches
/// wherever a rule matches (dropping an assertion only allows more), and a
/// DFA runs it over any text, where Unicode word boundaries would send each
/// rule through a slower engine; so one pass over a document tells which
/// rules need running at all.
/// Built on first use: most runs see a few of the languages.
#[derive(Clone, Debug, Default)]
pub struct CalqueFilter {
    patterns: Vec<String>,
    built: std::sync::OnceLock<Option<regex_automata::meta::Regex>>,
}

impl CalqueFilter {
    fn new(patterns: Vec<String>) -> CalqueFilter {
        CalqueFilter {
            patterns,
            built: std::sync::OnceLock::new(),
        }
    }

    fn build(patterns: &[String]) -> Option<regex_automata::meta::Regex> {
        let hirs = patterns
            .iter()
            .map(|p| regex_syntax::parse(p).ok().map(|h| without_assertions(&h)))
            .collect::<Option<Vec<_>>>()?;
        regex_automata::meta::Regex::builder()
            .configure(
                // The lazy DFA alone: the other engines only cost building.
                regex_automata::meta::Config::new()
                    .match_kind(regex_automata::MatchKind::All)
                    .utf8_empty(false)
                    .dfa(false)
                    .onepass(false)
                    .backtrack(false),
            )
            .build_many_from_hir(&hirs)
            .ok()
    }

    /// Which rules (by index) may match somewhere in the text; `None` when
    /// the filter could not be built (then every rule may).
    pub fn candidates(&self, text: &str) -> Option<regex_automata::PatternSet> {
        let filter = self
            .built
            .get_or_init(|| CalqueFilter::build(&self.patterns))
            .as_ref()?;
        let mut set = regex_automata::PatternSet::new(filter.pattern_len());
        filter.which_overlapping_matches(&regex_automata::Input::new(text), &mut set);
        Some(set)
    }
}

/// A pattern with its assertions replaced by the empty pattern.
/// Classes that reach beyond ASCII become their ASCII part plus every other
/// character: still a superset, and the automaton stays small (Unicode
/// letter and digit classes make the lazy DFA build thousands of states).
fn without_assertions(hir: &regex_syntax::hir::Hir) -> regex_syntax::hir::Hir {
    use regex_syntax::hir::{
        Capture, Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind, Repetition,
    };
    match hir.kind() {
        HirKind::Look(_) => Hir::empty(),
        HirKind::Class(Class::Unicode(class))
            if class.ranges().last().is_some_and(|r| r.end() > '\x7f') =>
        {
            let mut wide = ClassUnicode::new([ClassUnicodeRange::new('\u{80}', char::MAX)]);
            let mut ascii = class.clone();
            ascii.intersect(&ClassUnicode::new([ClassUnicodeRange::new('\0', '\x7f')]));
            wide.union(&ascii);
            Hir::class(Class::Unicode(wide))
        }
        HirKind::Empty | HirKind::Literal(_) | HirKind::Class(_) => hir.clone(),
        HirKind::Repetition(r) => Hir::repetition(Repetition {
            sub: Box::new(without_assertions(&r.sub)),
            ..r.clone()
        }),
        HirKind::Capture(c) => Hir::capture(Capture {
            sub: Box::new(without_assertions(&c.sub)),
            ..c.clone()
        }),
        HirKind::Concat(subs) => Hir::concat(subs.iter().map(without_assertions).collect()),
        HirKind::Alternation(subs) => {
            Hir::alternation(subs.iter().map(without_assertions).collect())
        }
    }
}

/// The parsed lexicon of one language.
#[derive(Clone, Debug, Default)]
pub struct LangLexicon {
    /// ISO 639-1 code.
    pub lang: String,
    /// Function words (lower-case, NFC, diacritics kept).
    pub function_words: HashSet<String>,
    /// Abbreviations that end with a period but do not end a sentence
    /// (lower-case, with the period).
    pub abbreviations: HashSet<String>,
    /// Boilerplate cues.
    pub boilerplate: BoilerplateCues,
    /// Established foreign phrases that are not untranslated spans (folded).
    pub loanwords: Vec<String>,
    /// [`LangLexicon::loanwords`] indexed by first word, built on first use.
    loanwords_by_first: std::sync::OnceLock<crate::lang::foreign::Loanwords>,
    /// The letters of the language's alphabet (lower case).
    pub alphabet: HashSet<char>,
    /// Month names: folded form → month number.
    pub months: FormTable,
    /// Weekday names: folded form → ISO weekday (1 = Monday).
    pub weekdays: FormTable,
    /// Calque rules that apply to documents in this language.
    pub calques: Vec<CalqueRule>,
    /// The prefilter of [`LangLexicon::calques`].
    pub calque_filter: CalqueFilter,
    /// Negation cues, negative words and antonyms (`negation.txt`,
    /// `antonyms.txt`), parsed by [`crate::checks::polarity::Negation`].
    pub negation: crate::checks::polarity::Negation,
    /// Titles, speech verbs, pronouns and name cues.
    pub cues: NameCues,
    /// Number words, vague amounts and units (`numbers.txt`, `vague.txt`,
    /// `units.txt`).
    pub quantities: crate::extract::quantity::QuantityLexicon,
    /// Concept ids of news vocabulary (`concepts.txt`).
    pub concepts: concepts::Concepts,
    /// Cross-language cues for aligning claims (`glossary.txt`, the format
    /// of `concepts.txt`).
    pub glossary: concepts::Concepts,
    /// Date grammar words and relative date phrases.
    pub dates: crate::extract::date::DateLexicon,
}

/// All parsed lexicons.
#[derive(Debug, Default)]
pub struct Lexicons {
    langs: BTreeMap<String, LangLexicon>,
    empty: LangLexicon,
    all_cues: BoilerplateCues,
    /// The cross-language name tables (`lexicons/names/`).
    pub names: NameTables,
}

static EMBEDDED_LEXICONS: LazyLock<Arc<Lexicons>> = LazyLock::new(|| {
    Arc::new(Lexicons::parse(&Sources::embedded()).expect("embedded lexicons parse (tested)"))
});

impl Lexicons {
    /// The embedded lexicons, parsed once.
    pub fn embedded() -> Arc<Lexicons> {
        Arc::clone(&EMBEDDED_LEXICONS)
    }

    /// The embedded lexicons with a user directory laid over them.
    pub fn with_overlay(dir: &Path) -> Result<Lexicons> {
        Lexicons::with_overlays(&[dir])
    }

    /// The embedded lexicons with user directories laid over them in order
    /// (`--lexicons` repeated, `lexicons` of driftcheck.toml).
    pub fn with_overlays(dirs: &[impl AsRef<Path>]) -> Result<Lexicons> {
        let mut sources = Sources::embedded();
        for dir in dirs {
            sources.overlay(dir.as_ref())?;
        }
        Lexicons::parse(&sources)
    }

    /// Parses every language found in `sources`.
    pub fn parse(sources: &Sources) -> Result<Lexicons> {
        let mut langs = BTreeMap::new();
        let mut all_cues = BoilerplateCues::default();
        for lang in sources.languages() {
            let lex = LangLexicon::parse(&lang, sources)?;
            all_cues.extend(&lex.boilerplate);
            langs.insert(lang.clone(), lex);
        }
        all_cues.build();
        Ok(Lexicons {
            langs,
            empty: LangLexicon::default(),
            all_cues,
            names: NameTables::parse(sources)?,
        })
    }

    /// The lexicon of a language; an empty one for a language without files.
    pub fn lang(&self, code: &str) -> &LangLexicon {
        self.langs.get(code).unwrap_or(&self.empty)
    }

    /// The boilerplate cues of every language at once: pages mix languages
    /// (an English site's furniture around a translated story).
    pub fn boilerplate_cues(&self) -> &BoilerplateCues {
        &self.all_cues
    }

    /// Every language with a lexicon, sorted by code.
    pub fn languages(&self) -> impl Iterator<Item = &LangLexicon> {
        self.langs.values()
    }
}

impl LangLexicon {
    fn parse(lang: &str, sources: &Sources) -> Result<Self> {
        let file = |kind: &str| -> (String, String) {
            let rel = format!("{lang}/{kind}.txt");
            match sources.get(&rel) {
                Some((origin, text)) => (origin.to_string(), text.to_string()),
                None => (rel, String::new()),
            }
        };
        let (_, text) = file("function_words");
        let function_words = parse::words(&text).map(crate::text::lower).collect();
        let (_, text) = file("abbreviations");
        let abbreviations = parse::words(&text).map(crate::text::lower).collect();
        let (_, text) = file("loanwords");
        let loanwords = parse::entries(&text).map(|e| fold(e.text)).collect();

        let (origin, text) = file("letters");
        let mut alphabet = HashSet::new();
        for item in parse::labeled(&text) {
            if item.label != "alphabet" {
                return Err(item.error(&origin, "the only label is `alphabet`"));
            }
            for letters in &item.items {
                alphabet.extend(
                    letters
                        .chars()
                        .filter(|c| c.is_alphabetic())
                        .flat_map(char::to_lowercase),
                );
            }
        }

        let months = form_table(&file("months"), 12)?;
        let weekdays = form_table(&file("weekdays"), 7)?;

        let (origin, text) = file("boilerplate");
        let mut boilerplate = BoilerplateCues::default();
        for item in parse::labeled(&text) {
            let reason = Reason::from_name(item.label).ok_or_else(|| {
                item.error(
                    &origin,
                    &format!("unknown boilerplate reason `{}`", item.label),
                )
            })?;
            for cue in &item.items {
                boilerplate.add(cue, reason);
            }
        }
        // No matcher of its own: documents are matched against the cues of
        // every language at once (`Lexicons::boilerplate_cues`).

        let (origin, text) = file("calques");
        let mut calques = Vec::new();
        let mut expanded_patterns = Vec::new();
        for entry in parse::entries(&text) {
            let parts: Vec<&str> = entry.text.splitn(3, " | ").map(str::trim).collect();
            let [name, pattern, description] = parts[..] else {
                return Err(entry.error(&origin, "expected `name | pattern | description`"));
            };
            let expanded = expand_placeholders(pattern, &months, &weekdays);
            let rule = CalqueRule::new(name, description, expanded.clone())
                .map_err(|e| entry.error(&origin, &format!("bad pattern: {e}")))?;
            calques.push(rule);
            expanded_patterns.push(expanded);
        }
        let calque_filter = CalqueFilter::new(expanded_patterns);

        let (negation_origin, negation_text) = file("negation");
        let (antonyms_origin, antonyms_text) = file("antonyms");
        let negation = crate::checks::polarity::Negation::parse(
            lang,
            (&negation_origin, &negation_text),
            (&antonyms_origin, &antonyms_text),
        )?;

        let (words_origin, words_text) = file("date_words");
        let (relative_origin, relative_text) = file("relative_dates");
        let mut dates = crate::extract::date::DateLexicon::parse(
            (&words_origin, &words_text),
            (&relative_origin, &relative_text),
        )?;
        dates.mark_short_forms([&months, &weekdays]);

        let cues = NameCues::parse(
            &file("titles"),
            &file("speech_verbs"),
            &file("pronouns"),
            &file("name_cues"),
        )?;
        let quantities = crate::extract::quantity::QuantityLexicon::parse(
            &file("numbers"),
            &file("vague"),
            &file("units"),
        )?;
        let (origin, text) = file("concepts");
        let concepts = concepts::Concepts::parse(lang, &origin, &text)?;
        let (origin, text) = file("glossary");
        let glossary = concepts::Concepts::parse(lang, &origin, &text)?;

        Ok(LangLexicon {
            lang: lang.to_string(),
            dates,
            quantities,
            concepts,
            glossary,
            negation,
            function_words,
            abbreviations,
            boilerplate,
            loanwords,
            loanwords_by_first: std::sync::OnceLock::new(),
            alphabet,
            months,
            weekdays,
            calques,
            calque_filter,
            cues,
        })
    }

    /// True when the word (any case) is a function word of this language,
    /// or begins with an elided one ("l'", "dell'", "qu'").
    pub fn is_function_word(&self, word: &str) -> bool {
        // Lower-case ASCII is its own lower case: no string to build.
        if word
            .bytes()
            .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
        {
            return self.is_function_word_lower(word);
        }
        self.function_words.contains(word) || self.is_function_word_lower(&crate::text::lower(word))
    }

    /// [`LangLexicon::is_function_word`] for a word already passed through
    /// [`crate::text::lower`]: no allocation, for loops over many languages.
    pub fn is_function_word_lower(&self, low: &str) -> bool {
        self.function_words.contains(low)
            || low.bytes().position(|b| b == b'\'').is_some_and(|i| {
                i > 0 && i + 1 < low.len() && self.function_words.contains(&low[..=i])
            })
    }

    /// The loanword phrases indexed by their first word.
    pub fn loanword_index(&self) -> &crate::lang::foreign::Loanwords {
        self.loanwords_by_first
            .get_or_init(|| crate::lang::foreign::Loanwords::new(&self.loanwords))
    }

    /// True when the language is written in Cyrillic script.
    pub fn is_cyrillic(&self) -> bool {
        self.alphabet.iter().any(|&c| crate::text::is_cyrillic(c))
    }
}

fn form_table((origin, text): &(String, String), max: u8) -> Result<FormTable> {
    let mut table = FormTable::default();
    for item in parse::labeled(text) {
        let n: u8 = item
            .label
            .parse()
            .ok()
            .filter(|n| (1..=max).contains(n))
            .ok_or_else(|| {
                item.error(origin, &format!("label must be a number from 1 to {max}"))
            })?;
        for form in &item.items {
            table.insert(form, n);
        }
    }
    Ok(table)
}

/// Replaces `{month}` and `{weekday}` in a calque pattern with an alternation
/// of the language's forms, longest first so that "sept." wins over "sep".
fn expand_placeholders(pattern: &str, months: &FormTable, weekdays: &FormTable) -> String {
    let alternation = |table: &FormTable| {
        let mut forms: Vec<&str> = table.forms.iter().map(|(f, _)| f.as_str()).collect();
        forms.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        forms.dedup();
        let parts: Vec<String> = forms.iter().map(|f| regex::escape(f)).collect();
        format!("(?:{})", parts.join("|"))
    };
    pattern
        .replace("{month}", &alternation(months))
        .replace("{weekday}", &alternation(weekdays))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_every_kind_and_parses() {
        let sources = Sources::embedded();
        for lang in LANGUAGES {
            for kind in KINDS {
                let rel = format!("{lang}/{kind}.txt");
                let (_, text) = sources.get(&rel).unwrap_or_else(|| panic!("missing {rel}"));
                assert!(
                    parse::entries(text).next().is_some(),
                    "{rel} has no entries"
                );
            }
        }
        let lex = Lexicons::parse(&sources).expect("embedded lexicons parse");
        for lang in LANGUAGES {
            let l = lex.lang(lang);
            assert_eq!(l.months.distinct(), 12, "{lang} months");
            assert_eq!(l.weekdays.distinct(), 7, "{lang} weekdays");
            assert!(l.function_words.len() >= 40, "{lang} function words");
        }
    }

    #[test]
    fn every_language_has_the_same_glossary_ids() {
        let lex = Lexicons::embedded();
        let ids = |lang: &str| {
            lex.lang(lang)
                .glossary
                .ids()
                .into_iter()
                .map(str::to_string)
                .collect::<Vec<_>>()
        };
        let english = ids("en");
        assert!(english.len() >= 80, "{} glossary ids", english.len());
        for lang in LANGUAGES {
            assert_eq!(ids(lang), english, "{lang} glossary ids");
        }
        // Inflected forms meet through stems: "страйку" is "страйк".
        assert_eq!(lex.lang("uk").glossary.of_noun("страйку"), Some("strike"));
        assert_eq!(
            lex.lang("de").glossary.of_noun("Gewerkschaften"),
            Some("union")
        );
    }

    #[test]
    fn overlay_appends_and_replaces() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("en")).unwrap();
        std::fs::write(dir.path().join("en/loanwords.txt"), "zeitgeistish phrase\n").unwrap();
        std::fs::write(
            dir.path().join("en/function_words.txt"),
            "#!replace\nthe of\n",
        )
        .unwrap();
        let lex = Lexicons::with_overlay(dir.path()).unwrap();
        let en = lex.lang("en");
        assert!(en.loanwords.iter().any(|l| l == "zeitgeistish phrase"));
        assert!(en.loanwords.len() > 1, "embedded loanwords kept");
        assert_eq!(en.function_words.len(), 2);
    }

    #[test]
    fn overlay_errors_name_the_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("en")).unwrap();
        std::fs::write(dir.path().join("en/months.txt"), "13: smarch\n").unwrap();
        let err = Lexicons::with_overlay(dir.path()).unwrap_err().to_string();
        assert!(err.contains("months.txt"), "{err}");
        assert!(err.contains("1 to 12"), "{err}");
    }

    #[test]
    fn calque_patterns_are_checked_on_load_and_compiled_on_use() {
        // A pattern that does not parse stops the load, though no rule is
        // compiled until a text may match it.
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("en")).unwrap();
        std::fs::write(
            dir.path().join("en/calques.txt"),
            "broken | (unclosed | a rule of this test\n",
        )
        .unwrap();
        let err = Lexicons::with_overlay(dir.path()).unwrap_err().to_string();
        assert!(err.contains("calques.txt"), "{err}");
        assert!(err.contains("bad pattern"), "{err}");
        // Every embedded rule compiles and matches what it parsed to.
        let lex = Lexicons::embedded();
        for l in LANGUAGES {
            for rule in &lex.lang(l).calques {
                assert_eq!(rule.pattern().as_str(), rule.source, "{l} {}", rule.name);
            }
        }
    }

    #[test]
    fn starts_let_through_every_recorded_key() {
        let mut starts = Starts::default();
        assert!(!starts.may_hold("x"), "an empty set holds nothing");
        for key in ["a", "mr", "міністр", "é", "zwei"] {
            starts.insert(key);
        }
        for key in ["a", "mr", "mrs", "міністра", "é", "zweiundzwanzig", ""] {
            assert!(starts.may_hold(key), "{key}");
        }
        for key in ["b", "ab", "да", "e", "zz"] {
            assert!(!starts.may_hold(key), "{key}");
        }
    }

    #[test]
    fn ends_let_through_every_word_a_recorded_key_ends() {
        let mut ends = Starts::default();
        assert!(!ends.may_end("x"), "an empty set holds nothing");
        for key in ["minister", "министр", "é", "präsident"] {
            ends.insert_end(key);
        }
        for key in ["bundesminister", "вицеминистр", "é", "vizepräsident", ""] {
            assert!(ends.may_end(key), "{key}");
        }
        for key in ["ministerin", "министра", "e", "präsidenten"] {
            assert!(!ends.may_end(key), "{key}");
        }
    }

    #[test]
    fn calque_filter_lets_through_every_rule_that_matches() {
        // Texts full of the conventions the rules look for, in every script.
        let texts = [
            "Segunda-feira (12), 3,5 milhões, 1.200 pessoas, 21h50, nº 5, 3 of March, 12/31/2024.",
            "On Tuesday (14) the 1,5 percent rise, €3,50, «quoted» and „low“, the 78. minute.",
            "Am 3.12.2024 um 8 Uhr, 1,200 Menschen, l'11 settembre, 5th place, 2.500 euros.",
            "У вівторок (17) 3.5 млн, 1,200 людей, «цитата», 21h50, 3 of December.",
            "Ninguna coincidencia aquí.",
            "",
        ];
        let lex = Lexicons::embedded();
        let mut matched = 0;
        for l in LANGUAGES {
            let l = lex.lang(l);
            for text in texts {
                let candidates = l.calque_filter.candidates(text).expect("filter builds");
                for (r, rule) in l.calques.iter().enumerate() {
                    if rule.pattern().is_match(text) {
                        matched += 1;
                        assert!(
                            candidates.contains(regex_automata::PatternID::must(r)),
                            "{}: {} matches {text:?} but the filter drops it",
                            l.lang,
                            rule.name
                        );
                    }
                }
            }
        }
        assert!(
            matched >= 20,
            "only {matched} rule matches: the texts test little"
        );
        // And it filters: plain words leave every digit rule out.
        let en = lex.lang("en");
        let plain = en
            .calque_filter
            .candidates("No numbers here at all.")
            .unwrap();
        assert!(plain.is_empty(), "{plain:?}");
    }

    #[test]
    fn dropping_assertions_keeps_the_rest_of_a_pattern() {
        let relaxed = |p: &str| without_assertions(&regex_syntax::parse(p).unwrap()).to_string();
        let dropped = relaxed(r"\b\d+h\d{2}\b");
        assert!(!dropped.contains(r"\b"), "{dropped}");
        // Unicode digits widen to every non-ASCII character, ASCII ones stay.
        let re = regex::Regex::new(&format!("^(?:{dropped})$")).unwrap();
        assert!(re.is_match("12h30") && re.is_match("١٢h٣٠") && re.is_match("ßh§§"));
        assert!(!re.is_match("ab h30"));
        assert_eq!(relaxed("^ab$"), relaxed("ab"));
        assert_ne!(relaxed(r"\bab"), relaxed("ba"));
    }
}
