//! Anchors: the parts of a version that its translations and rewrites keep
//! (names, numbers, dates), as keys that the grouping index looks up.
//!
//! [`anchors`] is the one place that decides what an anchor is, so richer
//! facts (name keys across scripts, normalised quantities and dates) can
//! replace the surface keys below without touching the index.

use crate::document::Document;
use crate::extract::Facts;
use crate::lexicon::Lexicons;

/// What an anchor stands for. Numbers and dates tell one day's story from
/// another about the same people, so the grouping weighs them apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AnchorKind {
    /// A word of a name, by its key.
    Name,
    /// The value of a quantity, in any language and form.
    Number,
    /// A day of a month (`12-03`).
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

/// The anchors of a version, sorted and without duplicates, from its facts
/// in the story text (boilerplate is shared by unrelated stories of one
/// site):
///
/// - names: the key of each word of each name (keys survive scripts and
///   transliteration, so "Kovalenko" and "Коваленко" meet; a respelled name
///   still shares its other words);
/// - numbers: the value of each quantity of at least 10 or with a fraction
///   (small counts are everywhere);
/// - dates: month and day of each date that gives both (`12-03`); years are
///   left out, as they are often inferred.
pub fn anchors(_doc: &Document, facts: &Facts, _lexicons: &Lexicons) -> Vec<Anchor> {
    let mut out = Vec::new();
    for name in facts.names.iter().filter(|n| !n.boilerplate) {
        out.extend(
            name.parts
                .iter()
                .filter(|p| p.key.chars().count() >= 2)
                .map(|p| Anchor {
                    kind: AnchorKind::Name,
                    key: p.key.clone(),
                }),
        );
    }
    for q in facts.quantities.iter().filter(|q| !q.boilerplate) {
        let value = q.value.unwrap_or(q.min);
        if value.abs() >= 10.0 || value.fract() != 0.0 {
            out.push(Anchor {
                kind: AnchorKind::Number,
                key: format!("{}", (value * 1000.0).round() / 1000.0),
            });
        }
    }
    for d in facts.dates.iter().filter(|d| !d.boilerplate) {
        if let (Some(month), Some(day)) = (d.start.month, d.start.day) {
            out.push(Anchor {
                kind: AnchorKind::Date,
                key: format!("{month:02}-{day:02}"),
            });
        }
    }
    out.sort();
    out.dedup();
    out
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
        let facts = Facts::extract(&doc, &lexicons);
        anchors(&doc, &facts, &lexicons)
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
                "Name:x:porto",
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
        assert!(pt.contains(&"Name:x:porto".to_string()), "{pt:?}");
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
        // Cyrillic names meet Latin ones through their keys.
        assert!(uk.contains(&"Name:marta".to_string()), "{uk:?}");
        assert!(uk.contains(&"Number:1250".to_string()), "{uk:?}");
    }

    #[test]
    fn boilerplate_and_sentence_starts_give_no_names() {
        let k = keys("en", "Officials said nothing. However, Lima's mayor spoke.");
        assert_eq!(k, ["Name:lima"]);
    }
}
