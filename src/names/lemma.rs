//! The nominative of an inflected Ukrainian or Russian name ("Коваленського"
//! → "Коваленський", "Сороки" → "Сорока", "Києві" → "Київ"), from the ending
//! rules of `lexicons/names/cyrillic_endings.txt`.

use super::NameTables;
use crate::text::is_cyrillic;

/// The readings of one word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lemma {
    /// The reading chosen (lower case).
    pub best: String,
    /// The other readings, for matching against other documents.
    pub others: Vec<String>,
}

/// Shortest stem an ending may leave: "Ян" is not "Я" + "н".
const MIN_STEM: usize = 2;

/// The nominative of a lower-case word. `attested` says whether a reading
/// is attested elsewhere (another mention of the document, a name lexicon);
/// an attested reading wins, then the first reading of an ending that is
/// never nominative, then the word itself. Latin words are returned as is.
pub fn lemma(word: &str, attested: impl Fn(&str) -> bool, t: &NameTables) -> Lemma {
    let chars = word.chars().count();
    if chars < MIN_STEM + 2 || !word.chars().any(is_cyrillic) {
        return Lemma {
            best: word.to_string(),
            others: Vec::new(),
        };
    }
    let mut readings: Vec<(String, bool)> = Vec::new();
    for rule in &t.endings {
        let Some(stem) = word.strip_suffix(rule.ending.as_str()) else {
            continue;
        };
        if stem.chars().count() < MIN_STEM {
            continue;
        }
        for nom in &rule.nominatives {
            let reading = format!("{stem}{nom}");
            if reading != word && !readings.iter().any(|(r, _)| *r == reading) {
                readings.push((reading, rule.ambiguous));
            }
        }
    }
    let best = readings
        .iter()
        .find(|(r, _)| attested(r))
        .or_else(|| readings.iter().find(|(_, ambiguous)| !ambiguous))
        .map_or_else(|| word.to_string(), |(r, _)| r.clone());
    let mut others: Vec<String> = readings.into_iter().map(|(r, _)| r).collect();
    others.push(word.to_string());
    others.retain(|r| *r != best);
    Lemma { best, others }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicons;

    fn best(word: &str, attested: &[&str]) -> String {
        lemma(word, |r| attested.contains(&r), &Lexicons::embedded().names).best
    }

    #[test]
    fn oblique_endings_give_the_nominative() {
        assert_eq!(best("коваленського", &[]), "коваленський");
        assert_eq!(best("коваленского", &[]), "коваленский");
        assert_eq!(best("петренка", &[]), "петренко");
        assert_eq!(best("гаврилюком", &[]), "гаврилюк");
        assert_eq!(best("сороки", &[]), "сорока");
        assert_eq!(best("ковальової", &[]), "ковальова");
        assert_eq!(best("києві", &[]), "київ");
    }

    #[test]
    fn ambiguous_endings_need_an_attested_nominative() {
        assert_eq!(best("мельника", &[]), "мельника");
        assert_eq!(best("мельника", &["мельник"]), "мельник");
        assert_eq!(best("сергія", &["сергій"]), "сергій");
        assert_eq!(best("брюсселі", &["брюссель"]), "брюссель");
        let l = lemma("мельника", |_| false, &Lexicons::embedded().names);
        assert!(l.others.contains(&"мельник".to_string()));
    }

    #[test]
    fn latin_and_short_words_are_kept() {
        assert_eq!(best("kovalenko", &[]), "kovalenko");
        assert_eq!(best("яна", &[]), "яна");
    }
}
