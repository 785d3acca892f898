//! Anchors: the parts of a version that its translations and rewrites keep
//! (names, numbers, dates), as keys that the grouping index looks up, and
//! the content words that versions in one language share.
//!
//! [`anchors`] is the one place that decides what an anchor is, and
//! [`content_words`] what a version's wording is, so the grouping
//! ([`super::group`]) only ever sees hashed keys.

use crate::document::Document;
use crate::extract::Facts;
use crate::extract::quantity::{Quantity, Unit};
use crate::lexicon::Lexicons;
use crate::text::stable_hash;

/// What an anchor stands for. Numbers and dates tell one day's story from
/// another about the same people, so the grouping weighs them apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AnchorKind {
    /// A word of a name, by the sound of its key.
    Name,
    /// The value of a quantity, in any language and form (a match score
    /// by its two sides).
    Number,
    /// A day of a month (`12-03`).
    Date,
    /// A year written on its own (`1905`).
    Year,
}

impl AnchorKind {
    /// True for numbers, dates and years: facts that change from one event
    /// to the next.
    pub fn is_fact(self) -> bool {
        !matches!(self, AnchorKind::Name)
    }
}

/// One anchor of a version.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Anchor {
    /// What it is.
    pub kind: AnchorKind,
    /// Its matching key.
    pub key: String,
}

/// Consonant digits written after a name word's first letter.
const SOUND_DIGITS: usize = 4;
/// Fewest characters of a sound key: a name word with fewer consonants
/// sounds like too many others.
const MIN_SOUND_KEY: usize = 3;
/// Values from this size up count only when written with digits: a scale
/// word alone ("Milliarden", "millions") is an order of magnitude, not a
/// figure a translation keeps.
const MIN_WORDLESS: f64 = 1000.0;

/// The sound class of a consonant (Soundex): letters that romanisations
/// and languages swap for each other share one.
fn sound_class(c: char) -> Option<char> {
    Some(match c {
        'b' | 'f' | 'p' | 'v' => '1',
        'c' | 'g' | 'j' | 'k' | 'q' | 's' | 'x' | 'z' => '2',
        'd' | 't' => '3',
        'l' => '4',
        'm' | 'n' => '5',
        'r' => '6',
        _ => return None,
    })
}

/// The key a name word is matched by: a known exonym's key as it is (it is
/// one key in every language already), otherwise its [`sound_key`].
fn name_anchor(key: &str) -> Option<String> {
    if key.starts_with(EXONYM) {
        Some(key.to_string())
    } else {
        sound_key(key)
    }
}

/// The mark of an exonym's key (`x:lisbon`).
const EXONYM: &str = "x:";

/// The sound of a name word's key: its first letter's class (`0` for a
/// vowel) and the classes of the next consonants, vowels dropped and
/// repeats merged. Name keys already agree across scripts for most names;
/// the sound also joins the spellings they keep apart (case endings as in
/// `brandt`/`brandta`, `corvin`/`korvin`, `escobar`/`eskobara`). It is
/// coarser than the consonant skeleton that decides whether two spellings
/// are one name ([`crate::names::compare`]) on purpose: in grouping, words
/// that merely sound alike cost only their weight, which rarity keeps low
/// for sounds many names share.
pub fn sound_key(key: &str) -> Option<String> {
    let letters: String = key
        .chars()
        .filter(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let letters = letters.replace("dzh", "j").replace("dj", "j");
    let mut chars = letters.chars();
    let first = chars.next()?;
    let mut out = String::with_capacity(SOUND_DIGITS + 1);
    let mut last = sound_class(first);
    out.push(last.unwrap_or('0'));
    for c in chars {
        let class = sound_class(c);
        if let Some(d) = class.filter(|&d| Some(d) != last) {
            if out.len() > SOUND_DIGITS {
                break;
            }
            out.push(d);
        }
        // `h` and `w` sit between two letters of one class without
        // separating them; vowels separate.
        if !matches!(c, 'h' | 'w') {
            last = class;
        }
    }
    (out.len() >= MIN_SOUND_KEY).then_some(out)
}

/// The anchor of a quantity, if it is one: an exact value (not a vague
/// amount or a range), at least 10 or with a fraction (small counts are
/// everywhere), written with digits when large; a match score by its sides.
fn number_anchor(doc: &Document, q: &Quantity) -> Option<Anchor> {
    if q.unit == Unit::Score {
        let [a, b] = **q.sides.as_ref()?;
        return Some(Anchor {
            kind: AnchorKind::Number,
            key: format!("{}-{}", a.max(b), a.min(b)),
        });
    }
    let value = q.value?;
    let written = doc.slice(q.number).chars().any(|c| c.is_ascii_digit());
    if (!written && value.abs() >= MIN_WORDLESS) || (value.abs() < 10.0 && value.fract() == 0.0) {
        return None;
    }
    Some(Anchor {
        kind: AnchorKind::Number,
        key: format!("{}", (value * 1000.0).round() / 1000.0),
    })
}

/// The anchors of a version, sorted and without duplicates, from its facts
/// in the story text (boilerplate is shared by unrelated stories of one
/// site):
///
/// - names: each word of each name by [`name_anchor`] (name keys survive
///   scripts and transliteration, and their sound survives what the keys
///   keep apart);
/// - numbers: see [`number_anchor`];
/// - dates: month and day of each date that gives both (`12-03`), written
///   or resolved from a weekday or "yesterday"; the year of a date written
///   without its day.
pub fn anchors(doc: &Document, facts: &Facts, _lexicons: &Lexicons) -> Vec<Anchor> {
    let mut out = Vec::new();
    for name in facts.names.iter().filter(|n| !n.boilerplate) {
        out.extend(
            name.parts
                .iter()
                .filter_map(|p| name_anchor(&p.key))
                .map(|key| Anchor {
                    kind: AnchorKind::Name,
                    key,
                }),
        );
    }
    out.extend(
        facts
            .quantities
            .iter()
            .filter(|q| !q.boilerplate)
            .filter_map(|q| number_anchor(doc, q)),
    );
    for d in facts.dates.iter().filter(|d| !d.boilerplate) {
        match (d.start.year, d.start.month, d.start.day) {
            (_, Some(month), Some(day)) => out.push(Anchor {
                kind: AnchorKind::Date,
                key: format!("{month:02}-{day:02}"),
            }),
            (Some(year), _, _) if !d.resolved => out.push(Anchor {
                kind: AnchorKind::Year,
                key: year.to_string(),
            }),
            _ => {}
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The content words of a version's story text, as hashed stems of its
/// language, sorted and without duplicates: what two versions in one
/// language share when they tell one story, whatever their anchors.
pub fn content_words(doc: &Document, lexicons: &Lexicons) -> Vec<u64> {
    let lang = doc.language.code.as_str();
    let mut out = Vec::new();
    let mut bytes = Vec::new();
    for (_, sentence) in doc.story_sentences() {
        for w in sentence.first_word..sentence.end_word {
            let text = doc.slice(doc.words[w].span());
            if text.starts_with(|c: char| c.is_ascii_digit()) {
                continue;
            }
            let features = doc.infos[w]
                .features(|| crate::document::word_info::word_features(text, lang, lexicons));
            if let Some(stem) = features.and_then(|f| f.stem()) {
                bytes.clear();
                bytes.extend_from_slice(lang.as_bytes());
                bytes.push(0);
                bytes.extend_from_slice(stem.as_bytes());
                out.push(stable_hash(&bytes));
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::RawDocument;

    fn analyze(lang: &str, text: &str) -> (Document, Facts) {
        let lexicons = Lexicons::embedded();
        let raw = RawDocument {
            id: "a".into(),
            text: text.into(),
            language: Some(lang.into()),
            ..Default::default()
        };
        let doc = Document::analyze(raw, &lexicons);
        let facts = Facts::extract(&doc, &lexicons);
        (doc, facts)
    }

    fn keys(lang: &str, text: &str) -> Vec<String> {
        let (doc, facts) = analyze(lang, text);
        anchors(&doc, &facts, &Lexicons::embedded())
            .into_iter()
            .map(|a| format!("{:?}:{}", a.kind, a.key))
            .collect()
    }

    fn sound(word: &str) -> String {
        sound_key(word).unwrap_or_default()
    }

    #[test]
    fn sound_keys_join_spellings_and_case_forms() {
        assert_eq!(sound("brandt"), sound("brandta"));
        assert_eq!(sound("corvin"), sound("korvin"));
        assert_eq!(sound("escobar"), sound("eskobara"));
        assert_eq!(sound("fenviks"), sound("fenvika"));
        assert_eq!(sound("kovalchuk"), sound("kovalcuk"));
        assert_eq!(sound("dzharov"), sound("jarov"));
        assert_ne!(sound("kovalchuk"), sound("hrytsenko"));
        // Too few consonants to tell one name from many.
        assert_eq!(sound_key("ana"), None);
        assert_eq!(sound_key(""), None);
    }

    #[test]
    fn names_numbers_and_dates_across_languages() {
        let en = keys(
            "en",
            "On Friday the council led by Márta Kovács approved 1,250 new homes for Porto on 3 December.",
        );
        let pt = keys(
            "pt",
            "Na sexta-feira, o conselho de Márta Kovács aprovou 1.250 casas no Porto em 3 de dezembro.",
        );
        let uk = keys(
            "uk",
            "Рада ухвалила 1 250 будинків 3 грудня, повідомила Марта Ковач.",
        );
        for expected in ["Number:1250", "Date:12-03"] {
            assert!(en.contains(&expected.to_string()), "{en:?}");
            assert!(pt.contains(&expected.to_string()), "{pt:?}");
            assert!(uk.contains(&expected.to_string()), "{uk:?}");
        }
        let kovacs = format!("Name:{}", sound("kovacs"));
        assert!(
            en.contains(&kovacs) && pt.contains(&kovacs),
            "{en:?} {pt:?}"
        );
        // Cyrillic names meet Latin ones through their keys' sound.
        assert!(uk.contains(&format!("Name:{}", sound("marta"))), "{uk:?}");
        let de = keys(
            "de",
            "Der Rat hat am 3. Dezember 1.250 Wohnungen genehmigt.",
        );
        assert!(de.contains(&"Date:12-03".to_string()), "{de:?}");
    }

    #[test]
    fn a_name_in_the_spellings_of_five_feeds_is_one_anchor() {
        let name = format!("Name:{}", sound("kovalchuk"));
        for (lang, text) in [
            (
                "en",
                "Finance minister Oleh Kovalchuk said the budget was ready.",
            ),
            (
                "de",
                "Finanzminister Oleh Kowaltschuk sagte, der Haushalt sei fertig.",
            ),
            (
                "fr",
                "Le ministre des Finances, Oleh Kovaltchouk, a déclaré que le budget était prêt.",
            ),
            (
                "uk",
                "Міністр фінансів Олег Ковальчук заявив, що бюджет готовий.",
            ),
            ("ru", "Министр финансов Олег Ковальчука не видел."),
        ] {
            let k = keys(lang, text);
            assert!(k.contains(&name), "{lang}: {k:?}");
        }
    }

    #[test]
    fn vague_amounts_small_counts_and_scale_words_are_not_anchors() {
        let k = keys(
            "en",
            "Dozens of fans saw 3 goals. Millions watched. The club made 2.5 million in 1998, \
             and Lindqvist's side won 3-1.",
        );
        assert!(k.contains(&"Number:2500000".to_string()), "{k:?}");
        assert!(k.contains(&"Number:3-1".to_string()), "{k:?}");
        assert!(k.contains(&"Year:1998".to_string()), "{k:?}");
        assert!(
            !k.iter()
                .any(|a| a == "Number:3" || a == "Number:1000000" || a == "Number:1"),
            "{k:?}"
        );
    }

    #[test]
    fn boilerplate_and_sentence_starts_give_no_names() {
        let k = keys(
            "en",
            "Officials said nothing. However, Lisbon's mayor spoke.",
        );
        assert_eq!(k, ["Name:x:lisbon"]);
    }

    #[test]
    fn content_words_are_stems_of_one_language() {
        let lexicons = Lexicons::embedded();
        let (a, _) = analyze("en", "The harbour workers walked out on Tuesday.");
        let (b, _) = analyze("en", "The workers of the harbour walk out.");
        let (c, _) = analyze("pt", "Os trabalhadores do porto entraram em greve.");
        let (wa, wb, wc) = (
            content_words(&a, &lexicons),
            content_words(&b, &lexicons),
            content_words(&c, &lexicons),
        );
        let shared = wa.iter().filter(|w| wb.binary_search(w).is_ok()).count();
        assert!(shared >= 3, "{wa:?} {wb:?}");
        assert!(wc.iter().all(|w| wa.binary_search(w).is_err()));
        assert!(wa.windows(2).all(|p| p[0] < p[1]));
    }
}
