//! Anchors: the parts of a version that its translations and rewrites keep
//! (names, numbers, dates), as keys that the grouping index looks up.
//!
//! [`anchors`] is the one place that decides what an anchor is, so richer
//! facts (name keys across scripts, normalised quantities and dates) can
//! replace the surface keys below without touching the index.

use crate::document::Document;
use crate::extract::Facts;
use crate::lexicon::Lexicons;
use crate::text::{fold, is_capitalized};

/// What an anchor stands for. Numbers and dates tell one day's story from
/// another about the same people, so the grouping weighs them apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AnchorKind {
    /// A name (a capitalised word inside a sentence), folded.
    Name,
    /// A number written with digits, separators removed.
    Number,
    /// A day of a month (`12-03`), from a month name next to a day number.
    Date,
}

impl AnchorKind {
    /// True for numbers and dates: facts that change from one event to the next.
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

/// Longest digit run kept as a number anchor; longer runs are identifiers.
const MAX_NUMBER_DIGITS: usize = 12;

/// The anchors of a version, sorted and without duplicates. Only story
/// sentences count (boilerplate is shared by unrelated stories of one site).
///
/// - names: capitalised words that do not start their sentence and are not
///   function words, month or weekday names of the document's language;
/// - numbers: words made of digits (and separators) with two or more digits,
///   except the day of a date;
/// - dates: a month name with a day number (1-31) at most two words away.
///
/// `facts` is not read yet: the surface keys above stand in for the name
/// keys, quantities and dates that fact extraction will provide.
pub fn anchors(doc: &Document, _facts: &Facts, lexicons: &Lexicons) -> Vec<Anchor> {
    let lex = lexicons.lang(&doc.language.code);
    // Story words in text order with "starts a sentence"; a date may span a
    // sentence break the segmenter put after an ordinal ("3. Dezember").
    let words: Vec<(&str, bool)> = doc
        .story_sentences()
        .flat_map(|(_, s)| {
            doc.words_of(s)
                .iter()
                .enumerate()
                .map(|(i, w)| (doc.slice(w.span), i == 0))
        })
        .collect();
    let mut out = Vec::new();
    // Dates first, so a day number counts once (as part of its date).
    let mut day_words = Vec::new();
    for (i, &(word, _)) in words.iter().enumerate() {
        let Some(month) = lex.months.get(word) else {
            continue;
        };
        let day = (i.saturating_sub(2)..(i + 3).min(words.len()))
            .filter(|&j| j != i)
            .filter_map(|j| Some((j, words[j].0.parse::<u8>().ok()?)))
            .find(|(_, d)| (1..=31).contains(d));
        if let Some((j, day)) = day {
            day_words.push(j);
            out.push(Anchor {
                kind: AnchorKind::Date,
                key: format!("{month:02}-{day:02}"),
            });
        }
    }
    for (i, &(word, starts)) in words.iter().enumerate() {
        if let Some(digits) = number_key(word) {
            if digits.len() >= 2 && digits.len() <= MAX_NUMBER_DIGITS && !day_words.contains(&i) {
                out.push(Anchor {
                    kind: AnchorKind::Number,
                    key: digits,
                });
            }
            continue;
        }
        if starts
            || !is_capitalized(word)
            || lex.months.get(word).is_some()
            || lex.weekdays.get(word).is_some()
            || lex.is_function_word(word)
        {
            continue;
        }
        let key = fold(word);
        // "Lima's" and "Lima" are one name.
        let key = match key.split_once('\'') {
            Some((stem, _)) if stem.chars().count() >= 2 => stem.to_string(),
            _ => key,
        };
        if key.chars().count() >= 2 {
            out.push(Anchor {
                kind: AnchorKind::Name,
                key,
            });
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The digits of a word made of digits and number separators ("1,200",
/// "3.5", "12%" is not: it has a letter-like sign), or `None`.
fn number_key(word: &str) -> Option<String> {
    if !word.starts_with(|c: char| c.is_ascii_digit())
        || !word
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '\'' | '\u{a0}' | '\u{202f}'))
    {
        return None;
    }
    Some(word.chars().filter(char::is_ascii_digit).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::RawDocument;

    fn keys(lang: &str, text: &str) -> Vec<String> {
        let lexicons = Lexicons::embedded();
        let raw = RawDocument {
            id: "a".into(),
            text: text.into(),
            language: Some(lang.into()),
            ..Default::default()
        };
        let doc = Document::analyze(raw, &lexicons);
        anchors(&doc, &Facts::default(), &lexicons)
            .into_iter()
            .map(|a| format!("{:?}:{}", a.kind, a.key))
            .collect()
    }

    #[test]
    fn names_numbers_and_dates_across_languages() {
        let en = keys(
            "en",
            "On Friday the council led by Márta Kovács approved 1,250 new homes for Porto on 3 December.",
        );
        assert_eq!(
            en,
            [
                "Name:kovacs",
                "Name:marta",
                "Name:porto",
                "Number:1250",
                "Date:12-03"
            ]
        );
        let pt = keys(
            "pt",
            "Na sexta-feira, o conselho de Márta Kovács aprovou 1.250 casas no Porto em 3 de dezembro.",
        );
        assert!(pt.contains(&"Date:12-03".to_string()), "{pt:?}");
        assert!(pt.contains(&"Number:1250".to_string()), "{pt:?}");
        assert!(pt.contains(&"Name:kovacs".to_string()), "{pt:?}");
        let de = keys(
            "de",
            "Der Rat hat am 3. Dezember 1.250 Wohnungen genehmigt.",
        );
        assert!(de.contains(&"Date:12-03".to_string()), "{de:?}");
        let uk = keys(
            "uk",
            "Рада ухвалила 1 250 будинків 3 грудня, повідомила Марта Ковач.",
        );
        assert!(uk.contains(&"Date:12-03".to_string()), "{uk:?}");
        assert!(uk.contains(&"Name:ковач".to_string()), "{uk:?}");
    }

    #[test]
    fn boilerplate_and_sentence_starts_give_no_names() {
        let k = keys("en", "Officials said nothing. However, Lima's mayor spoke.");
        assert_eq!(k, ["Name:lima"]);
    }
}
