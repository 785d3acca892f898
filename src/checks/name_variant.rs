//! `name_variant`: one entity spelled differently across versions or within
//! one. The names and their keys come from [`crate::extract::name`]; this
//! check compares the spellings of each word of each entity.

use std::collections::{BTreeMap, BTreeSet};

mod aligned;

use super::Check;
use crate::finding::{Evidence, Finding, Kind, Severity};
use crate::lexicon::Lexicons;
use crate::names::{EntityType, key};
use crate::span::Span;
use crate::story::Story;
use crate::text::{fold, is_cyrillic_word};

/// Reports the words of an entity's name that are spelled more than one way.
pub struct NameVariant;

/// (entity key, word key, pool): one group of spellings.
type GroupKey<'a> = (&'a str, &'a str, (u8, &'a str));

/// One spelling of a name word and where it occurs.
#[derive(Default)]
struct Spelling {
    /// Its readings (the spelling, and for inflected Cyrillic words the
    /// other readings): two spellings that share one are the same spelling.
    readings: Vec<String>,
    /// First occurrence in each document: (document index, span).
    first: BTreeMap<usize, Span>,
    /// (language, spelling in English-style romanisation) for each language
    /// it is written in: a German "Kowalenko" is an English "Kovalenko".
    conventional: BTreeSet<(String, String)>,
    /// (language, names a person) pairs whose conventional spellings are in.
    read: BTreeSet<(String, bool)>,
}

impl Spelling {
    /// True when the two are one spelling: they share a reading, or two
    /// languages' conventions give one spelling, unless one document writes
    /// both (a document has one language, whose convention gives one).
    fn same(&self, other: &Spelling) -> bool {
        self.readings.iter().any(|r| other.readings.contains(r))
            || !self.first.keys().any(|d| other.first.contains_key(d))
                && self
                    .conventional
                    .iter()
                    .any(|(la, a)| other.conventional.iter().any(|(lb, b)| la != lb && a == b))
    }
}

impl Check for NameVariant {
    fn kind(&self) -> Kind {
        Kind::NameVariant
    }

    fn explain(&self) -> &'static str {
        "name_variant (warning): one person, place or organisation spelled differently across \
versions or within one: \"Kovalenko\" in three versions and \"Kowalenko\" in a fourth, \"Kiev\" \
in one English version and \"Kyiv\" in the others.\n\n\
How: every name gets a key that survives romanisation and spelling conventions (Cyrillic \
romanised with the official Ukrainian or a Russian table, folds such as y/i, h/g, w/v, \
doubled letters and -iy/-yy/-y endings from lexicons/names/folding.txt, given-name classes \
from lexicons/names/given_names.txt, exonyms from lexicons/names/exonyms.txt), and a surname \
alone takes its full name's key. The words of one entity with one key are then compared by \
spelling. Not variants: case, diacritics (José / Jose), a possessive 's, Cyrillic case endings (Коваленка is \
Коваленко), and a Cyrillic spelling beside a Latin one, unless the Cyrillic doubles a consonant \
that no Latin spelling doubles (Ковваленко / Kovalenko: romanisations drop doubles, never add \
them). Latin spellings are compared across \
all Latin-script versions; Cyrillic spellings, and the names of a known exonym (Brussels / \
Bruxelas), only between versions in one language. Between languages, a spelling that one \
language's romanisation convention explains is not a variant (German \"Kowalenko\" beside \
English \"Kovalenko\", lexicons/names/conventions.txt); within one language it is, and so is a \
doubled letter one version writes both ways. A name word written once with one vowel changed \
from a spelling the same version uses at least twice, and that no other version writes \
(\"Lufthansa\" ×4, \"Lofthansa\" once), is a slip. Boilerplate is skipped.\n\n\
Evidence: the first occurrence of each spelling in each document. The message lists the \
spellings and how many documents use each."
    }

    fn run(&self, story: &Story, lexicons: &Lexicons) -> Vec<Finding> {
        // (entity key, word key, pool) → spellings by form. A pool is
        // (0, language) for a Latin exonym, (1, "") for other Latin words,
        // (2, language) for Cyrillic: the order of the pool names
        // "false:pt" < "latin" < "true:uk" this check was written with.
        let mut groups: BTreeMap<GroupKey<'_>, BTreeMap<String, Spelling>> = BTreeMap::new();
        let mut scripts: BTreeMap<(&str, &str), CrossScript> = BTreeMap::new();
        // Romanised Cyrillic forms, once per form and language.
        let mut romanised: BTreeMap<(&str, &str), String> = BTreeMap::new();
        for (d, (doc, facts)) in story.docs.iter().zip(&story.facts).enumerate() {
            for m in facts.names.iter().filter(|m| !m.boilerplate) {
                for p in &m.parts {
                    // An acronym of an exonym ("UK") is an abbreviation of
                    // the name, not a spelling of it.
                    if p.exonym && crate::text::is_all_caps(doc.slice(p.span)) {
                        continue;
                    }
                    // A Roman numeral ("XVII") counts, it spells no name.
                    if roman_numeral(doc.slice(p.span)) {
                        continue;
                    }
                    let cyrillic = is_cyrillic_word(&p.form);
                    let lang = doc.language.code.as_str();
                    // Spellings are compared within one script; Cyrillic
                    // orthographies and exonyms differ by language by design.
                    let pool = match (cyrillic || p.exonym, cyrillic) {
                        (false, _) => (1, ""),
                        (true, false) => (0, lang),
                        (true, true) => (2, lang),
                    };
                    // Diacritics are typography, not spelling ("José" / "Jose",
                    // "Пётр" / "Петр").
                    let folded = fold(&p.form);
                    let spelling = groups
                        .entry((m.key.as_str(), &*p.key, pool))
                        .or_default()
                        .entry(folded.clone())
                        .or_default();
                    if spelling.readings.is_empty() {
                        spelling.readings.push(folded.clone());
                        spelling
                            .readings
                            .extend(p.alts.iter().map(|(form, _)| fold(form)));
                        // The Cyrillic forms of a listed exonym are its case
                        // forms ("Пакистана", "Пакистане"): one name, unless
                        // one doubles a consonant the other does not (the key
                        // folds doubles: "Москкве" is a misspelling). Doubled
                        // vowels are case endings ("Италии", "Кореей").
                        if p.exonym && cyrillic {
                            let chars: Vec<char> = folded.chars().collect();
                            let doubles: String = chars
                                .windows(2)
                                .filter(|w| w[0] == w[1] && !CYRILLIC_VOWELS.contains(w[0]))
                                .map(|w| w[0])
                                .collect();
                            spelling.readings.push(format!("{}|{doubles}", p.key));
                        }
                    }
                    spelling.first.entry(d).or_insert(p.span);
                    if !p.exonym {
                        let cross = scripts.entry((m.key.as_str(), &*p.key)).or_default();
                        let (side, form) = if cyrillic {
                            let latin = romanised
                                .entry((&*p.form, lang))
                                .or_insert_with(|| key::latin(&p.form, Some(lang), &lexicons.names))
                                .clone();
                            (&mut cross.cyrillic, latin)
                        } else {
                            (&mut cross.latin, folded.clone())
                        };
                        side.entry(form).or_default().entry(d).or_insert(p.span);
                    }
                    // The conventional spellings depend on the form, the
                    // language and whether it names a person: once each.
                    let person = m.entity == EntityType::Person;
                    if !cyrillic && !p.exonym && spelling.read.insert((lang.to_string(), person)) {
                        for conv in key::conventional(&folded, lang, &lexicons.names) {
                            spelling.conventional.insert((lang.to_string(), conv));
                        }
                        // Languages double letters by their own orthography in
                        // the words they share ("Copa" / "Coppa"); people's
                        // names keep one spelling everywhere.
                        if !person {
                            let single: String = undoubled(&folded);
                            spelling.conventional.insert((lang.to_string(), single));
                        }
                    }
                }
            }
        }
        let mut out = Vec::new();
        for spellings in groups.into_values() {
            let classes = merge_readings(spellings);
            if classes.len() < 2 || !spelled_alike(story, &classes) {
                continue;
            }
            out.push(finding(story, &classes));
        }
        out.extend(scripts.values().filter_map(|c| c.finding(story)));
        out.extend(vowel_slips(story));
        // Slips the alignment finds, where no finding cites them already.
        for slip in aligned::slips(story, lexicons) {
            let id = &story.docs[slip.doc].id;
            let cited = out
                .iter()
                .flat_map(|f| &f.evidence)
                .any(|e| &e.doc == id && Span::new(e.start, e.end).overlaps(&slip.span));
            if cited {
                continue;
            }
            let mut usual = Spelling::default();
            usual.first = slip.usual;
            let mut odd = Spelling::default();
            odd.first.insert(slip.doc, slip.span);
            out.push(finding(story, &[usual, odd]));
        }
        out
    }
}

/// Cyrillic vowel letters (lower case, folded): case endings double them.
const CYRILLIC_VOWELS: &str = "аеёиіїоуыэюяє";

/// True for a Roman numeral in capitals.
fn roman_numeral(word: &str) -> bool {
    !word.is_empty() && word.chars().all(|c| "IVXLCDM".contains(c))
}

/// Smallest normalised Levenshtein similarity of two words that are one
/// word spelled two ways ("Kyiv" / "Kiev": 0.5).
const MIN_SPELLING_SIMILARITY: f64 = 0.5;

/// True when two of the classes are spellings of one name: as many words,
/// each pair alike. One entity's other names are no spellings of it:
/// "Russia" / "Russian Federation", "Petersburg" / "Saint Petersburg",
/// "United Kingdom" / "Great Britain".
fn spelled_alike(story: &Story, classes: &[Spelling]) -> bool {
    let texts: Vec<Vec<String>> = classes
        .iter()
        .filter_map(|c| c.first.iter().next())
        .map(|(&d, &span)| {
            key::name_words(story.docs[d].slice(span))
                .map(fold)
                .collect()
        })
        .collect();
    texts.iter().enumerate().any(|(i, a)| {
        texts[i + 1..].iter().any(|b| {
            a.len() == b.len()
                && a.iter()
                    .zip(b)
                    .all(|(x, y)| strsim::normalized_levenshtein(x, y) >= MIN_SPELLING_SIMILARITY)
        })
    })
}

/// Shortest name word (in key letters) whose one changed vowel is a slip.
const SLIP_MIN_LETTERS: usize = 5;

/// A name word one version writes once with one vowel changed from a
/// spelling it uses at least twice, and that no other version writes
/// ("Lufthansa" ×4 and "Lofthansa" once): keys differ, so no entity joins
/// them, but so near a spelling, so rare, in one text, is a slip. A second
/// person whose name differs by a vowel is named so by the other versions
/// too.
fn vowel_slips(story: &Story) -> Vec<Finding> {
    // Word key → document → (uses, first span).
    let mut uses: BTreeMap<&str, BTreeMap<usize, (usize, Span)>> = BTreeMap::new();
    for (d, facts) in story.facts.iter().enumerate() {
        for m in facts.names.iter().filter(|m| !m.boilerplate) {
            for p in m.parts.iter().filter(|p| !p.exonym) {
                let entry = uses
                    .entry(&*p.key)
                    .or_default()
                    .entry(d)
                    .or_insert((0, p.span));
                entry.0 += 1;
            }
        }
    }
    let mut out = Vec::new();
    for (rare, docs) in &uses {
        let [(&d, &(1, span))] = docs.iter().collect::<Vec<_>>()[..] else {
            continue;
        };
        let usual = uses.iter().find(|(key, other)| {
            one_vowel_apart(rare, key) && other.get(&d).is_some_and(|(n, _)| *n >= 2)
        });
        if let Some((_, other)) = usual {
            let mut common = Spelling::default();
            for (&o, &(_, s)) in other {
                common.first.insert(o, s);
            }
            let mut slip = Spelling::default();
            slip.first.insert(d, span);
            out.push(finding(story, &[common, slip]));
        }
    }
    out
}

/// True when two keys of at least [`SLIP_MIN_LETTERS`] letters differ in
/// exactly one letter, a vowel in both, before their last two letters
/// (where case endings change vowels: "Барселона" / "Барселоны").
fn one_vowel_apart(a: &str, b: &str) -> bool {
    let vowel = |c: char| "aeiouy".contains(c);
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len() != b.len() || a.len() < SLIP_MIN_LETTERS || a.contains(&' ') {
        return false;
    }
    let mut differ = (0..a.len()).filter(|&i| a[i] != b[i]);
    matches!((differ.next(), differ.next()),
        (Some(i), None) if i + 2 < a.len() && vowel(a[i]) && vowel(b[i]))
}

/// The Cyrillic and Latin spellings of one word of one entity: (romanised)
/// spelling → first occurrence in each document.
#[derive(Default)]
struct CrossScript {
    cyrillic: BTreeMap<String, BTreeMap<usize, Span>>,
    latin: BTreeMap<String, BTreeMap<usize, Span>>,
}

impl CrossScript {
    /// A Cyrillic spelling that doubles a consonant no Latin spelling
    /// doubles ("Ковваленко" beside "Kovalenko"). Romanisations never add a
    /// doubled consonant, while they may drop one (Russell / Рассел), so
    /// only this direction is a variant across scripts.
    fn finding(&self, story: &Story) -> Option<Finding> {
        if self.latin.is_empty() {
            return None;
        }
        let latin_doubles: BTreeSet<char> = self.latin.keys().flat_map(|f| doubled(f)).collect();
        let mut odd = Spelling::default();
        for (form, first) in &self.cyrillic {
            if doubled(form).iter().any(|c| !latin_doubles.contains(c)) {
                for (&d, &span) in first {
                    odd.first.entry(d).or_insert(span);
                }
            }
        }
        if odd.first.is_empty() {
            return None;
        }
        let mut latin = Spelling::default();
        for first in self.latin.values() {
            for (&d, &span) in first {
                latin.first.entry(d).or_insert(span);
            }
        }
        Some(finding(story, &[latin, odd]))
    }
}

/// A spelling with every doubled letter written once.
fn undoubled(form: &str) -> String {
    let mut out = String::with_capacity(form.len());
    for c in form.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// The consonants a (romanised) spelling doubles.
fn doubled(form: &str) -> BTreeSet<char> {
    let chars: Vec<char> = form.chars().collect();
    chars
        .windows(2)
        .filter(|w| w[0] == w[1] && w[0].is_ascii_alphabetic() && !"aeiouy".contains(w[0]))
        .map(|w| w[0])
        .collect()
}

/// Spellings that are one ([`Spelling::same`], transitively) become one
/// class, keeping each document's first occurrence.
fn merge_readings(spellings: BTreeMap<String, Spelling>) -> Vec<Spelling> {
    let list: Vec<Spelling> = spellings.into_values().collect();
    let mut class: Vec<usize> = (0..list.len()).collect();
    for i in 0..list.len() {
        for j in i + 1..list.len() {
            if list[i].same(&list[j]) {
                let (from, to) = (class[j], class[i]);
                for c in class.iter_mut().filter(|c| **c == from) {
                    *c = to;
                }
            }
        }
    }
    let mut merged: BTreeMap<usize, Spelling> = BTreeMap::new();
    for (s, c) in list.into_iter().zip(class) {
        match merged.get_mut(&c) {
            Some(m) => {
                for (d, span) in s.first {
                    let at = m.first.entry(d).or_insert(span);
                    if span.start < at.start {
                        *at = span;
                    }
                }
                m.readings.extend(s.readings);
                m.conventional.extend(s.conventional);
            }
            None => {
                merged.insert(c, s);
            }
        }
    }
    merged.into_values().collect()
}

fn finding(story: &Story, classes: &[Spelling]) -> Finding {
    let mut order: Vec<&Spelling> = classes.iter().collect();
    // Most documents first, then the earliest document and offset.
    order.sort_by_key(|c| {
        let first = c.first.iter().next().map(|(d, s)| (*d, s.start));
        (std::cmp::Reverse(c.first.len()), first)
    });
    let listed: Vec<String> = order
        .iter()
        .filter_map(|c| {
            let (&d, &span) = c.first.iter().next()?;
            let n = c.first.len();
            Some(format!(
                "\"{}\" ({} document{})",
                story.docs[d].slice(span),
                n,
                if n == 1 { "" } else { "s" }
            ))
        })
        .collect();
    let mut evidence: Vec<(usize, Span)> = classes
        .iter()
        .flat_map(|c| c.first.iter().map(|(&d, &s)| (d, s)))
        .collect();
    evidence.sort();
    Finding::new(
        Kind::NameVariant,
        Severity::Warning,
        format!("Name spelled differently: {}", listed.join(" / ")),
        evidence
            .into_iter()
            .map(|(d, s)| Evidence::new(&story.docs[d], s))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::RawDocument;
    use crate::story::{Story, StoryOptions};

    fn run(docs: &[(&str, &str, &str)]) -> Vec<Finding> {
        let lexicons = Lexicons::embedded();
        let raws = docs
            .iter()
            .map(|(id, lang, text)| RawDocument {
                id: id.to_string(),
                text: text.to_string(),
                language: Some(lang.to_string()),
                ..Default::default()
            })
            .collect();
        let story = Story::build(raws, &StoryOptions::default(), &lexicons).unwrap();
        NameVariant.run(&story, &lexicons)
    }

    /// The messages of findings, for assertion failures.
    fn messages(f: &[Finding]) -> Vec<&str> {
        f.iter().map(|f| f.message.as_str()).collect()
    }

    const A: &str =
        "Energy minister Olena Kovalenko visited Kyiv on Monday. Kovalenko said prices would fall.";

    #[test]
    fn spellings_across_versions_are_cited_once_per_document() {
        let f = run(&[
            ("a", "en", A),
            ("b", "en", A),
            (
                "c",
                "en",
                "Energy minister Olena Kowalenko visited Kiev on Monday. Kowalenko's plan was praised.",
            ),
        ]);
        let messages: Vec<&str> = f.iter().map(|f| f.message.as_str()).collect();
        assert!(messages.contains(&"Name spelled differently: \"Kovalenko\" (2 documents) / \"Kowalenko\" (1 document)"), "{messages:?}");
        assert!(
            messages.contains(
                &"Name spelled differently: \"Kyiv\" (2 documents) / \"Kiev\" (1 document)"
            ),
            "{messages:?}"
        );
        let surname = f.iter().find(|f| f.message.contains("Kowalenko")).unwrap();
        let cited: Vec<(&str, &str)> = surname
            .evidence
            .iter()
            .map(|e| (e.doc.as_str(), e.text.as_str()))
            .collect();
        assert_eq!(
            cited,
            [("a", "Kovalenko"), ("b", "Kovalenko"), ("c", "Kowalenko")]
        );
        assert_eq!(f.len(), 2, "{messages:?}");
    }

    #[test]
    fn spellings_within_one_version() {
        let f = run(&[
            ("a", "en", "Olena Kovalenko spoke. Later Kowalenko left."),
            ("b", "en", "Olena Kovalenko spoke."),
        ]);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].evidence.len(), 3);
    }

    /// Languages may double a letter of a shared word by their own
    /// orthography, but one version that writes a name both ways is
    /// inconsistent whatever its language.
    #[test]
    fn a_doubled_letter_within_one_version_is_a_variant() {
        for (lang, odd, twin) in [
            (
                "en",
                "The Norvale club signed Dorrant on Friday. Fans cheered Dorant at the gate.",
                "The Norvale club signed Dorant on Friday. Fans cheered Dorant at the gate.",
            ),
            (
                "it",
                "Il club Norvale ha ingaggiato Dorant venerdì. I tifosi hanno salutato Dorrant.",
                "Il club Norvale ha ingaggiato Dorant venerdì. I tifosi hanno salutato Dorant.",
            ),
            (
                "de",
                "Der Verein Norvale holte Lian Dorant am Freitag. Die Fans feierten Lian Dorrant.",
                "Der Verein Norvale holte Lian Dorant am Freitag. Die Fans feierten Lian Dorant.",
            ),
        ] {
            let other = "El club Norvale fichó a Dorant el viernes.";
            let f = run(&[("a", lang, odd), ("b", "es", other)]);
            assert_eq!(f.len(), 1, "{lang}: {:?}", messages(&f));
            let f = run(&[("a", lang, twin), ("b", "es", other)]);
            assert!(f.is_empty(), "{lang}: {:?}", messages(&f));
        }
    }

    /// One vowel changed once in a version that writes the name usually
    /// otherwise is a slip; two names a vowel apart that other versions
    /// write too are two names.
    #[test]
    fn a_vowel_slipped_once_is_a_variant() {
        for (lang, text) in [
            (
                "en",
                "The carrier Marvella Airways cut routes. Shares of Marvella Airways fell. \
                 Analysts expect Morvella Airways to recover.",
            ),
            (
                "fr",
                "La compagnie Marvella Airways réduit ses lignes. Les actions de Marvella Airways \
                 baissent. Selon les analystes, Morvella Airways se redressera.",
            ),
            (
                "ru",
                "Авиакомпания Марвелла сократила рейсы. Акции компании Марвелла упали. \
                 Аналитики ждут, что компания Морвелла восстановится.",
            ),
        ] {
            let other = "Die Fluglinie Marvella Airways streicht Strecken.";
            let f = run(&[("a", lang, text), ("b", "de", other)]);
            assert_eq!(f.len(), 1, "{lang}: {:?}", messages(&f));
            let slip = |t: &str| t.contains("orvell") || t.contains("орвелл");
            assert!(f[0].evidence.iter().any(|e| slip(&e.text)), "{lang}");
            // Both spellings in the other version too: two names.
            let both = "Die Fluglinien Marvella Airways und Morvella Airways streichen Strecken.";
            let f = run(&[("a", lang, text), ("b", "de", both)]);
            assert!(f.is_empty(), "{lang}: {:?}", messages(&f));
        }
    }

    /// The evidence of findings, as (document, text).
    fn cited(f: &[Finding]) -> Vec<(&str, &str)> {
        f.iter()
            .flat_map(|f| &f.evidence)
            .map(|e| (e.doc.as_str(), e.text.as_str()))
            .collect()
    }

    /// A name written once per version, with a vowel changed or a letter
    /// doubled in one: only the aligned sentences of the other versions
    /// can tell, whatever the language, and even where the extractor takes
    /// the word for no name (a German capitalised word after "laut").
    #[test]
    fn a_slip_in_a_name_written_once_is_found_through_the_alignment() {
        let en = "Police in Marlowton arrested two men on Friday after a long chase.";
        let de = "Die Polizei in Marlowton nahm am Freitag nach einer langen Verfolgung zwei Männer fest.";
        let fr = "La police de Marlowton a arrêté deux hommes vendredi après une longue poursuite.";
        let slip_fr = fr.replace("Marlowton", "Marlawton");
        let f = run(&[("a", "en", en), ("b", "de", de), ("c", "fr", &slip_fr)]);
        assert!(
            cited(&f).contains(&("c", "Marlawton")),
            "{:?}",
            messages(&f)
        );
        let slip_de = de.replace("Marlowton", "Marllowton");
        let f = run(&[("a", "en", en), ("b", "de", &slip_de), ("c", "fr", fr)]);
        assert!(
            cited(&f).contains(&("b", "Marllowton")),
            "{:?}",
            messages(&f)
        );
        let f = run(&[("a", "en", en), ("b", "de", de), ("c", "fr", fr)]);
        assert!(f.is_empty(), "{:?}", messages(&f));
        // German: a word the extractor cannot tell from a noun.
        let de_a = "Laut Brendaxo stiegen die Preise im Juli um vier Prozent.";
        let en = "According to Brendaxo, prices rose by four percent in July.";
        let de_b = de_a.replace("Brendaxo", "Brenndaxo");
        let f = run(&[("a", "de", de_a), ("b", "de", &de_b), ("c", "en", en)]);
        assert!(
            cited(&f).contains(&("b", "Brenndaxo")),
            "{:?}",
            messages(&f)
        );
    }

    /// Cognates of two languages, a German noun after its article, and a
    /// spelling with a diacritic are no slips.
    #[test]
    fn cognates_and_orthographies_are_no_slips() {
        let f = run(&[
            (
                "a",
                "de",
                "Das neue Parlament stimmte am Montag in Norvale für das Gesetz.",
            ),
            (
                "b",
                "fr",
                "Le nouveau Parlement a voté la loi lundi à Norvale.",
            ),
        ]);
        assert!(f.is_empty(), "{:?}", messages(&f));
        let f = run(&[
            (
                "a",
                "de",
                "Der Präsident sprach am Montag in Norvale über den Haushalt.",
            ),
            (
                "b",
                "en",
                "The President spoke about the budget in Norvale on Monday.",
            ),
        ]);
        assert!(f.is_empty(), "{:?}", messages(&f));
    }

    /// A vowel changed in a Cyrillic version against a spelling that a
    /// Latin version confirms is a slip; case endings are none.
    #[test]
    fn cyrillic_slips_and_case_endings() {
        let ru_a = "Полиция задержала двух мужчин, сообщил глава округа Дорвенбург.";
        let ru_b = "Полиция задержала двух мужчин, сообщил глава округа Дарвенбург.";
        let en = "Police detained two men, the head of the Dorvenburg district said.";
        let f = run(&[("a", "ru", ru_a), ("b", "ru", ru_b), ("c", "en", en)]);
        assert!(
            cited(&f).contains(&("b", "Дарвенбург")),
            "{:?}",
            messages(&f)
        );
        // Endings differ, the stem agrees.
        let uk_a = "Поліція Дорвенбурга затримала двох чоловіків у п'ятницю.";
        let uk_b = "У п'ятницю в Дорвенбурзі поліція затримала двох чоловіків.";
        let f = run(&[("a", "uk", uk_a), ("b", "uk", uk_b), ("c", "en", en)]);
        assert!(f.is_empty(), "{:?}", messages(&f));
    }

    #[test]
    fn case_endings_are_no_vowel_slips() {
        assert!(one_vowel_apart("lufthansa", "lofthansa"));
        assert!(!one_vowel_apart("barselona", "barselony"));
        assert!(!one_vowel_apart("pogba", "pogby"));
        assert!(!one_vowel_apart("kasel", "kasl"));
        assert!(!one_vowel_apart("marta", "marka"));
    }

    /// Other names of one place or state, and Roman numerals, are no
    /// spellings; a changed letter in an exonym is.
    #[test]
    fn other_names_of_one_entity_are_not_variants() {
        for (lang, a, b) in [
            (
                "en",
                "Russia said on Monday that it would reply.",
                "The Russian Federation said on Monday that it would reply.",
            ),
            (
                "ru",
                "Россия заявила в понедельник, что ответит.",
                "Российская Федерация заявила в понедельник, что ответит.",
            ),
            (
                "en",
                "The talks took place in Petersburg in the XVII century hall.",
                "The talks took place in Saint Petersburg in the XVIII century hall.",
            ),
        ] {
            let f = run(&[("a", lang, a), ("b", lang, b)]);
            assert!(f.is_empty(), "{lang}: {:?}", messages(&f));
        }
        let f = run(&[
            ("a", "fr", "Le sommet aura lieu à Bruxelles en mai."),
            ("b", "fr", "Le sommet aura lieu à Bruxxelles en mai."),
            ("c", "de", "Der Gipfel findet im Mai in Brüssel statt."),
        ]);
        assert_eq!(f.len(), 1, "{:?}", messages(&f));
    }

    #[test]
    fn form_differences_are_not_variants() {
        let f = run(&[
            (
                "a",
                "en",
                "Olena Kovalenko met the press in Brussels. KOVALENKO's staff agreed.",
            ),
            ("b", "pt", "A ministra Olena Kovalenko falou em Bruxelas."),
            (
                "c",
                "uk",
                "Міністерка Олена Коваленко виступила в Брюсселі. Коваленко заявила, що згодна.",
            ),
            ("d", "ru", "Министр Елена Коваленко выступила в Брюсселе."),
            ("e", "de", "Ministerin Olena Kovalenko sprach in Brüssel."),
            (
                "f",
                "es",
                "La ministra Olena Kovalenko habló con José Pérez.",
            ),
            ("g", "en", "Minister Olena Kovalenko spoke with Jose Perez."),
        ]);
        assert!(f.is_empty(), "{:?}", messages(&f));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

        #[test]
        fn evidence_is_always_an_exact_slice(
            a in proptest::collection::vec(proptest::sample::select(WORDS.to_vec()), 0..30),
            b in proptest::collection::vec(proptest::sample::select(WORDS.to_vec()), 0..30),
        ) {
            let (a, b) = (a.join(" "), b.join(" "));
            for f in run(&[("a", "en", &a), ("b", "uk", &b)]) {
                for e in &f.evidence {
                    let text = if e.doc == "a" { &a } else { &b };
                    proptest::prop_assert_eq!(text.get(e.start..e.end), Some(e.text.as_str()));
                }
            }
        }
    }

    const WORDS: [&str; 16] = [
        "Olena",
        "Kovalenko",
        "Kowalenko's",
        "said",
        "Kiev",
        "Kyiv",
        ".",
        "Коваленко",
        "Коваленка",
        "заявила",
        "“",
        "”",
        "she",
        "Mr.",
        "in",
        "Brussels",
    ];

    #[test]
    fn romanisation_conventions_of_other_languages_are_not_variants() {
        let en = "Coach Mykola Shevchuk praised the team.";
        let f = run(&[
            ("a", "en", en),
            ("b", "de", "Trainer Mykola Schewtschuk lobte das Team."),
            (
                "c",
                "fr",
                "L'entraîneur Mykola Chevtchouk a salué l'équipe.",
            ),
        ]);
        assert!(f.is_empty(), "{:?}", messages(&f));
        // Within one language the same difference is a variant.
        let f = run(&[
            ("a", "de", "Trainer Mykola Schewtschuk lobte das Team."),
            ("b", "de", "Trainer Mykola Shevchuk lobte das Team."),
        ]);
        assert_eq!(f.len(), 1);
    }

    #[test]
    fn near_misses_are_different_people() {
        let f = run(&[
            (
                "a",
                "en",
                "Olena Kovalenko met Anna Schmidt and Igor Petrov in Vienna.",
            ),
            (
                "b",
                "en",
                "Olena Kovalchuk met Anna Weber and Irina Petrova in Vienna.",
            ),
            ("c", "de", "Olena Müller traf Olena Miller."),
        ]);
        assert!(f.is_empty(), "{:?}", messages(&f));
    }

    #[test]
    fn a_consonant_doubled_only_in_cyrillic_is_a_variant() {
        let en = "Energy minister Olena Kovalenko visited the plant. Kovalenko praised the staff.";
        let uk = "Міністерка енергетики Олена Ковваленко відвідала станцію.";
        let f = run(&[("a", "en", en), ("b", "en", en), ("c", "uk", uk)]);
        assert_eq!(f.len(), 1, "{:?}", messages(&f));
        let cited: Vec<(&str, &str)> = f[0]
            .evidence
            .iter()
            .map(|e| (e.doc.as_str(), e.text.as_str()))
            .collect();
        assert_eq!(
            cited,
            [("a", "Kovalenko"), ("b", "Kovalenko"), ("c", "Ковваленко")]
        );
    }

    #[test]
    fn doubles_kept_or_dropped_by_romanisation_are_not_variants() {
        let f = run(&[
            (
                "a",
                "en",
                "Prime minister Mark Kallas met Tom Russell in Tallinn.",
            ),
            (
                "b",
                "ru",
                "Премьер-министр Марк Каллас встретился с Томом Расселом в Таллине.",
            ),
        ]);
        assert!(f.is_empty(), "{:?}", messages(&f));
    }

    #[test]
    fn orthographic_doubles_between_languages_are_not_variants() {
        let f = run(&[
            (
                "a",
                "es",
                "El equipo de Marco Rossi ganó la Copa nacional el sábado.",
            ),
            (
                "b",
                "it",
                "La squadra di Marco Rossi ha vinto la Coppa nazionale sabato.",
            ),
        ]);
        assert!(f.is_empty(), "{:?}", messages(&f));
        // A person's name is one spelling in every language.
        let f = run(&[
            ("a", "es", "El técnico Marco Rossi ganó el sábado."),
            ("b", "it", "L'allenatore Marco Rosi ha vinto sabato."),
            ("c", "pt", "O técnico Marco Rossi venceu no sábado."),
        ]);
        assert_eq!(f.len(), 1, "{:?}", messages(&f));
    }

    /// Case forms of one name are one spelling: Russian and Ukrainian
    /// exonyms whose endings double a vowel ("Италии", "Кореей", "Кореєю")
    /// and ya-stems after a vowel, a German genitive in "-es"; a doubled
    /// consonant or a changed vowel in one of them is still a variant.
    #[test]
    fn case_forms_are_no_variants_and_respellings_are() {
        for (lang, a, b, respelled) in [
            (
                "ru",
                "Делегация из Южной Кореи прибыла в Италию в среду. Переговоры с Италией прошли успешно.",
                "Делегация Южной Кореи в среду приехала в Италию. Министр Италии встретил гостей на границе с Южной Кореей.",
                ("в Италию.", "в Италлию."),
            ),
            (
                "uk",
                "Делегація з Південної Кореї прибула до Італії в середу. Переговори з Італією пройшли успішно.",
                "Делегація Південної Кореї в середу приїхала до Італії. Міністр зустрів гостей на кордоні з Південною Кореєю.",
                ("до Італії.", "до Італлії."),
            ),
            (
                "de",
                "Die Ärzte des Maria Tonhal Krankenhauses in Luanda streiken. Der Minister besuchte Luanda am Montag.",
                "Die Ärzte im Maria Tonhal Krankenhaus in Luanda streiken. Der Minister war am Montag in Luanda.",
                ("Tonhal Krankenhaus", "Tonhal Krankanhaus"),
            ),
        ] {
            let f = run(&[("a", lang, a), ("b", lang, b)]);
            assert!(f.is_empty(), "{lang}: {:?}", messages(&f));
            let (from, to) = respelled;
            assert!(b.contains(from), "{lang}");
            let f = run(&[("a", lang, a), ("b", lang, &b.replace(from, to))]);
            assert_eq!(f.len(), 1, "{lang}: {:?}", messages(&f));
        }
    }
}
