//! The cross-language name tables under `lexicons/names/`, parsed.

use crate::hash::{HashMap, HashMapExt, HashSet};

use regex::Regex;

use super::{EntityType, Gender, key};
use crate::error::Result;
use crate::lexicon::{Sources, parse};

/// The pattern of a rewrite rule: most are plain letters, which a substring
/// search finds far faster than a regex engine.
#[derive(Clone, Debug)]
pub(crate) enum Pattern {
    /// Plain text (no regex syntax in the pattern).
    Literal(String),
    /// Plain text at the start (`^text`).
    Prefix(String),
    /// Plain text at the end (`text$`).
    Suffix(String),
    /// A regular expression, with the ASCII bytes all its matches hold.
    Regex(Regex, u128),
}

impl Pattern {
    /// Parses a pattern of the tables, given its replacements (a `$` in
    /// one refers to a group, which only a regex has).
    fn new(pattern: &str, replacements: &[&str]) -> std::result::Result<Pattern, regex::Error> {
        let plain = |p: &str| regex::escape(p) == p && !p.is_empty();
        if !replacements.iter().any(|r| r.contains('$')) {
            if plain(pattern) {
                return Ok(Pattern::Literal(pattern.to_string()));
            }
            if let Some(p) = pattern.strip_prefix('^').filter(|p| plain(p)) {
                return Ok(Pattern::Prefix(p.to_string()));
            }
            if let Some(p) = pattern.strip_suffix('$').filter(|p| plain(p)) {
                return Ok(Pattern::Suffix(p.to_string()));
            }
        }
        let re = Regex::new(pattern)?;
        Ok(Pattern::Regex(re, required_bytes(pattern)))
    }

    /// The ASCII bytes every match holds, as a bit set (see [`ascii_bytes`]);
    /// `None` when that is not known (a regex, or text beyond ASCII).
    pub(crate) fn needs(&self) -> Option<u128> {
        match self {
            Pattern::Literal(p) | Pattern::Prefix(p) | Pattern::Suffix(p) if p.is_ascii() => {
                Some(ascii_bytes(p))
            }
            Pattern::Regex(_, needs) => Some(*needs),
            _ => None,
        }
    }

    /// True when the pattern occurs in `s`.
    pub(crate) fn is_match(&self, s: &str) -> bool {
        match self {
            Pattern::Literal(p) => contains_short(s.as_bytes(), p.as_bytes()),
            Pattern::Prefix(p) => s.starts_with(p.as_str()),
            Pattern::Suffix(p) => s.ends_with(p.as_str()),
            Pattern::Regex(re, _) => re.is_match(s),
        }
    }

    /// `s` with every occurrence replaced, as `Regex::replace_all` does
    /// (`to` is one of the replacements the pattern was made with).
    pub(crate) fn replace_all(&self, s: &str, to: &str) -> String {
        match self {
            Pattern::Literal(p) => s.replace(p.as_str(), to),
            Pattern::Prefix(p) => match s.strip_prefix(p.as_str()) {
                Some(rest) => format!("{to}{rest}"),
                None => s.to_string(),
            },
            Pattern::Suffix(p) => match s.strip_suffix(p.as_str()) {
                Some(rest) => format!("{rest}{to}"),
                None => s.to_string(),
            },
            Pattern::Regex(re, _) => re.replace_all(s, to).into_owned(),
        }
    }
}

/// The ASCII bytes every match of a regex holds: those common to all the
/// literals its matches can start with (none when those are unbounded).
fn required_bytes(pattern: &str) -> u128 {
    use regex_syntax::hir::literal::{ExtractKind, Extractor};
    let Ok(hir) = regex_syntax::parse(pattern) else {
        return 0;
    };
    let seq = Extractor::new().kind(ExtractKind::Prefix).extract(&hir);
    match seq.literals() {
        Some(literals) if !literals.is_empty() => literals
            .iter()
            .map(|l| {
                l.as_bytes()
                    .iter()
                    .filter(|b| b.is_ascii())
                    .fold(0u128, |set, &b| set | 1u128 << b)
            })
            .fold(u128::MAX, |all, set| all & set),
        _ => 0,
    }
}

/// The set of ASCII bytes of a text, one bit each: a rule whose letters a
/// word lacks cannot apply, which one AND tells.
pub(crate) fn ascii_bytes(s: &str) -> u128 {
    s.bytes()
        .filter(u8::is_ascii)
        .fold(0, |set, b| set | 1u128 << b)
}

/// Substring search for the short words names are made of, where setting
/// up a general searcher costs more than comparing at every position
/// (bytes of UTF-8 match where the characters do).
fn contains_short(haystack: &[u8], needle: &[u8]) -> bool {
    let Some((&first, rest)) = needle.split_first() else {
        return true;
    };
    haystack
        .iter()
        .enumerate()
        .any(|(i, &b)| b == first && haystack[i + 1..].starts_with(rest))
}

/// The Ukrainian romanisation table (`translit_uk.txt`).
#[derive(Clone, Debug, Default)]
pub(crate) struct UkrainianTable {
    /// Letter → (spelling, word-initial spelling if it differs).
    pub(crate) letters: HashMap<char, (String, Option<String>)>,
    /// Pairs of letters with a spelling of their own.
    pub(crate) pairs: HashMap<(char, char), String>,
}

impl UkrainianTable {
    fn parse((origin, text): &(String, String)) -> Result<UkrainianTable> {
        let mut table = UkrainianTable::default();
        for item in parse::labeled(text) {
            let letters: Vec<char> = item.label.chars().collect();
            let spelling = item.items.first().copied().unwrap_or("").to_string();
            match letters[..] {
                [c] => {
                    let initial = item.items.get(1).map(|s| s.to_string());
                    table.letters.insert(c, (spelling, initial));
                }
                [a, b] if item.items.len() <= 1 => {
                    table.pairs.insert((a, b), spelling);
                }
                _ => {
                    return Err(item.error(
                        origin,
                        "expected `letter: latin | initial latin` or `two letters: latin`",
                    ));
                }
            }
        }
        Ok(table)
    }
}

/// One spelling fold of `folding.txt`.
#[derive(Clone, Debug)]
pub(crate) enum Fold {
    /// A pattern, its replacement, and the ASCII bytes it needs
    /// ([`Pattern::needs`], worked out once).
    Rewrite(Pattern, String, Option<u128>),
    /// Doubled letters become single (`double > single`).
    CollapseDoubles,
}

/// One case-ending rule of `cyrillic_endings.txt`.
#[derive(Clone, Debug)]
pub struct EndingRule {
    /// The ending, lower case.
    pub ending: String,
    /// True when the ending is also a nominative ending, so the rule applies
    /// only when the nominative it gives is attested.
    pub ambiguous: bool,
    /// The nominative endings that replace it (empty string: none).
    pub nominatives: Vec<String>,
}

/// A given name of `given_names.txt`.
#[derive(Clone, Debug)]
pub struct GivenName {
    /// The key all spellings of the name share.
    pub key: String,
    /// The gender the name usually has.
    pub gender: Option<Gender>,
}

/// An entity of `exonyms.txt`.
#[derive(Clone, Debug)]
pub struct Exonym {
    /// The key all its names share (`x:` and the first name's key).
    pub key: String,
    /// Place or organisation.
    pub entity: EntityType,
}

/// The parsed tables of `lexicons/names/`.
#[derive(Clone, Debug, Default)]
pub struct NameTables {
    pub(crate) translit_ru: HashMap<char, String>,
    pub(crate) translit_uk: UkrainianTable,
    pub(crate) latin_letters: HashMap<char, String>,
    pub(crate) folds: Vec<Fold>,
    /// Lower-case particles inside names (von, da, bin).
    pub particles: HashSet<String>,
    /// Case-ending rules, longest ending first.
    pub endings: Vec<EndingRule>,
    /// Given names by word key.
    pub given: HashMap<String, GivenName>,
    /// Exonyms by whole-name key.
    pub exonyms: HashMap<String, Exonym>,
    /// Each language's romanisation conventions (`conventions.txt`): a
    /// pattern and its alternative replacements.
    pub(crate) conventions: HashMap<String, Vec<(Pattern, Vec<String>)>>,
    /// Unique per parse: memoised keys (`key::word_key_unclassed`) are kept
    /// apart by tables.
    pub(crate) id: u64,
}

/// The id of the next tables parsed.
static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

impl NameTables {
    /// Parses the tables from the lexicon sources.
    pub fn parse(sources: &Sources) -> Result<NameTables> {
        let file = |name: &str| {
            let rel = format!("names/{name}.txt");
            match sources.get(&rel) {
                Some((origin, text)) => (origin.to_string(), text.to_string()),
                None => (rel, String::new()),
            }
        };
        let mut t = NameTables {
            translit_ru: letter_table(&file("translit_ru"))?,
            translit_uk: UkrainianTable::parse(&file("translit_uk"))?,
            latin_letters: letter_table(&file("latin_letters"))?,
            id: NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            ..NameTables::default()
        };

        let (origin, text) = file("folding");
        for entry in parse::entries(&text) {
            let Some((from, to)) = entry.text.split_once(" > ") else {
                return Err(entry.error(&origin, "expected `pattern > replacement`"));
            };
            let (from, to) = (from.trim(), to.trim());
            if from == "double" && to == "single" {
                t.folds.push(Fold::CollapseDoubles);
                continue;
            }
            let re = Pattern::new(from, &[to])
                .map_err(|e| entry.error(&origin, &format!("bad pattern: {e}")))?;
            let needs = re.needs();
            t.folds.push(Fold::Rewrite(re, to.to_string(), needs));
        }

        let (origin, text) = file("conventions");
        for item in parse::labeled(&text) {
            let rules = t.conventions.entry(item.label.to_string()).or_default();
            for rule in &item.items {
                let Some((from, to)) = rule.split_once(" > ") else {
                    return Err(item.error(&origin, "expected `lang: pattern > replacement | ...`"));
                };
                let alternatives: Vec<&str> = to.split(" / ").map(str::trim).collect();
                let re = Pattern::new(from.trim(), &alternatives)
                    .map_err(|e| item.error(&origin, &format!("bad pattern: {e}")))?;
                rules.push((re, alternatives.iter().map(|r| r.to_string()).collect()));
            }
        }

        let (_, text) = file("particles");
        t.particles = parse::words(&text).map(crate::text::lower).collect();

        let (origin, text) = file("cyrillic_endings");
        for item in parse::labeled(&text) {
            let (ending, ambiguous) = match item.label.strip_suffix('?') {
                Some(e) => (e, true),
                None => (item.label, false),
            };
            if ending.is_empty() || item.items.is_empty() {
                return Err(item.error(&origin, "expected `ending: nominative | ...`"));
            }
            let nominatives = item
                .items
                .iter()
                .map(|n| {
                    if *n == "-" {
                        String::new()
                    } else {
                        n.to_string()
                    }
                })
                .collect();
            t.endings.push(EndingRule {
                ending: crate::text::lower(ending),
                ambiguous,
                nominatives,
            });
        }
        // Longest ending first: "ського" before "ого" before "о".
        t.endings
            .sort_by_key(|r| std::cmp::Reverse(r.ending.chars().count()));

        let (origin, text) = file("given_names");
        for item in parse::labeled(&text) {
            let (gender, list) = match item.label.split_once('-') {
                Some((g, "list")) => (g, true),
                _ => (item.label, false),
            };
            let gender = Gender::from_code(gender)
                .ok_or_else(|| item.error(&origin, "label must be m, f, m-list or f-list"))?;
            let mut class: Option<String> = None;
            for name in &item.items {
                let k = key::word_key_unclassed(name, None, &t);
                if k.is_empty() {
                    continue;
                }
                let class_key = if list {
                    k.clone()
                } else {
                    class.get_or_insert_with(|| k.clone()).clone()
                };
                // The first line that names a spelling wins.
                t.given.entry(k).or_insert(GivenName {
                    key: class_key,
                    gender: Some(gender),
                });
            }
        }

        let (origin, text) = file("exonyms");
        for item in parse::labeled(&text) {
            let entity = EntityType::from_label(item.label)
                .ok_or_else(|| item.error(&origin, "label must be place or org"))?;
            let mut class: Option<String> = None;
            for name in &item.items {
                let k = key::phrase_key(name, None, &t);
                if k.is_empty() {
                    continue;
                }
                let class_key = class.get_or_insert_with(|| format!("x:{k}")).clone();
                t.exonyms.entry(k).or_insert(Exonym {
                    key: class_key,
                    entity,
                });
            }
        }
        Ok(t)
    }
}

/// A `letter: replacement` table.
fn letter_table((origin, text): &(String, String)) -> Result<HashMap<char, String>> {
    let mut table = HashMap::new();
    for item in parse::labeled(text) {
        let mut letters = item.label.chars();
        let (Some(c), None) = (letters.next(), letters.next()) else {
            return Err(item.error(origin, "expected `letter: replacement`"));
        };
        table.insert(c, item.items.first().copied().unwrap_or("").to_string());
    }
    Ok(table)
}

#[cfg(test)]
mod tests {
    use super::Pattern;
    use crate::lexicon::Lexicons;

    #[test]
    fn plain_patterns_rewrite_as_their_regexes_do() {
        let cases = [
            ("sch", "S"),
            ("ff$", "v"),
            ("^ie", "e"),
            ("h", "g"),
            ("([aeiou])ie", "${1}e"),
            ("ij$", "ii"),
        ];
        let words = [
            "schiff", "iesch", "haff", "marie", "ieie", "", "ffff", "viij", "h",
        ];
        for (pattern, to) in cases {
            let p = Pattern::new(pattern, &[to]).unwrap();
            let re = regex::Regex::new(pattern).unwrap();
            for w in words {
                assert_eq!(p.is_match(w), re.is_match(w), "{pattern} in {w}");
                assert_eq!(
                    p.replace_all(w, to),
                    re.replace_all(w, to),
                    "{pattern} in {w}"
                );
            }
        }
        assert!(matches!(
            Pattern::new("ff$", &["v"]),
            Ok(Pattern::Suffix(_))
        ));
        assert!(matches!(Pattern::new("x", &["$1"]), Ok(Pattern::Regex(..))));
        // What a regex needs: "ie" after any vowel holds i and e.
        let needs = Pattern::new("([aeiou])ie", &["${1}e"])
            .unwrap()
            .needs()
            .unwrap();
        assert_eq!(needs, super::ascii_bytes("ie"));
    }
    use crate::names::{EntityType, Gender, key};

    #[test]
    fn tables_are_general_and_consistent() {
        let lex = Lexicons::embedded();
        let t = &lex.names;
        assert!(t.given.len() > 500, "given names: {}", t.given.len());
        assert!(t.exonyms.len() > 800, "exonym names: {}", t.exonyms.len());
        assert!(t.endings.len() > 40);
        // Every spelling of a line shares the line's key and gender.
        let g = |s: &str| t.given.get(&key::word_key_unclassed(s, None, t)).cloned();
        let (a, b) = (g("Галина").unwrap(), g("Galina").unwrap());
        assert_eq!(a.key, b.key);
        assert_eq!(a.gender, Some(Gender::Female));
        let x = |s: &str| t.exonyms.get(&key::phrase_key(s, None, t)).cloned();
        assert_eq!(x("Warschau").unwrap().key, x("Varsóvia").unwrap().key);
        assert_eq!(x("OTAN").unwrap().entity, EntityType::Organization);
        assert_eq!(x("Lisboa").unwrap().entity, EntityType::Place);
    }
}
