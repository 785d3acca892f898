//! Word stems for matching: Snowball stemmers (rust-stemmers) where one
//! exists, a suffix rule for Ukrainian, the lower-cased word otherwise.

use rust_stemmers::{Algorithm, Stemmer};

/// Ukrainian inflection endings, longest first; stripped once, keeping at
/// least three letters of stem.
const UK_SUFFIXES: &[&str] = &[
    "ськими",
    "ського",
    "ському",
    "ській",
    "ьому",
    "ього",
    "ими",
    "ами",
    "ями",
    "ого",
    "ому",
    "ові",
    "еві",
    "ої",
    "ій",
    "их",
    "іх",
    "ах",
    "ях",
    "ів",
    "їв",
    "ою",
    "ею",
    "єю",
    "ий",
    "ом",
    "ем",
    "а",
    "я",
    "у",
    "ю",
    "і",
    "и",
    "е",
    "о",
];

thread_local! {
    static STEMS: crate::memo::Table = std::cell::RefCell::default();
}

/// The stem of a lower-cased word in a language (ISO 639-1).
pub fn stem(lang: &str, word: &str) -> String {
    crate::memo::get_or(&STEMS, 0, &[lang, word], || stem_uncached(lang, word))
}

fn stem_uncached(lang: &str, word: &str) -> String {
    let algorithm = match lang {
        "en" => Algorithm::English,
        "pt" => Algorithm::Portuguese,
        "es" => Algorithm::Spanish,
        "de" => Algorithm::German,
        "fr" => Algorithm::French,
        "it" => Algorithm::Italian,
        "ru" => Algorithm::Russian,
        "nl" => Algorithm::Dutch,
        "ro" => Algorithm::Romanian,
        "sv" => Algorithm::Swedish,
        "da" => Algorithm::Danish,
        "nb" => Algorithm::Norwegian,
        "fi" => Algorithm::Finnish,
        "hu" => Algorithm::Hungarian,
        "tr" => Algorithm::Turkish,
        "el" => Algorithm::Greek,
        "uk" => return stem_ukrainian(word),
        _ => return word.to_string(),
    };
    Stemmer::create(algorithm).stem(word).into_owned()
}

fn stem_ukrainian(word: &str) -> String {
    let trimmed = word.trim_end_matches('ь');
    for suffix in UK_SUFFIXES.iter() {
        if let Some(base) = trimmed.strip_suffix(suffix) {
            if base.chars().count() >= 3 {
                return base.to_string();
            }
        }
    }
    trimmed.to_string()
}

#[cfg(test)]
mod tests {
    use super::stem;

    #[test]
    fn stems_per_language() {
        assert_eq!(stem("en", "countries"), stem("en", "country"));
        assert_eq!(stem("pt", "países"), stem("pt", "país"));
        assert_eq!(
            stem("de", "Länder".to_lowercase().as_str()),
            stem("de", "länder")
        );
        assert_eq!(stem("uk", "країнами"), stem("uk", "країни"));
        assert_eq!(stem("uk", "переговорів"), stem("uk", "переговори"));
        assert_eq!(stem("xx", "word"), "word");
    }
}
