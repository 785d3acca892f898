//! Matching keys for names: Latin letters, spelling folds, given-name
//! classes, exonyms. Keys are for comparing only; they never replace text.

use unicode_normalization::UnicodeNormalization;

use super::NameTables;
use super::tables::Fold;
use crate::text::is_cyrillic;

/// Letters only Ukrainian writes; a word with one is romanised with the
/// Ukrainian table whatever the document's language.
const UKRAINIAN_LETTERS: [char; 4] = ['і', 'ї', 'є', 'ґ'];
/// Letters only Russian writes.
const RUSSIAN_LETTERS: [char; 4] = ['ы', 'э', 'ъ', 'ё'];

/// The word in lower-case ASCII letters: Cyrillic romanised (the official
/// Ukrainian table for Ukrainian words, the Russian table otherwise),
/// diacritics and other scripts folded, everything but letters dropped.
/// `lang` is the document's language, which decides for Cyrillic words that
/// have no letter only one of the two languages uses.
pub fn latin(word: &str, lang: Option<&str>, t: &NameTables) -> String {
    let lower: String = if word.is_ascii() {
        word.to_ascii_lowercase()
    } else {
        word.nfc().flat_map(char::to_lowercase).collect()
    };
    let mut out = String::with_capacity(lower.len());
    // Each character through the Latin letter table, then to ASCII letters
    // (deunicode works character by character).
    let mut plain = |c: char| {
        let mut push = |c: char| {
            if c.is_ascii() {
                if c.is_ascii_alphabetic() {
                    out.push(c.to_ascii_lowercase());
                }
            } else if let Some(ascii) = deunicode::deunicode_char(c) {
                out.extend(
                    ascii
                        .chars()
                        .filter(char::is_ascii_alphabetic)
                        .map(|c| c.to_ascii_lowercase()),
                );
            }
        };
        match t.latin_letters.get(&c) {
            Some(piece) => piece.chars().for_each(&mut push),
            None => push(c),
        }
    };
    if lower.chars().any(is_cyrillic) {
        let ukrainian = lower.chars().any(|c| UKRAINIAN_LETTERS.contains(&c))
            || (lang == Some("uk") && !lower.chars().any(|c| RUSSIAN_LETTERS.contains(&c)));
        if ukrainian {
            romanise_ukrainian(&lower, &t.translit_uk)
                .chars()
                .for_each(plain);
        } else {
            for c in lower.chars() {
                match t.translit_ru.get(&c) {
                    Some(piece) => piece.chars().for_each(&mut plain),
                    None => plain(c),
                }
            }
        }
    } else {
        lower.chars().for_each(plain);
    }
    out
}

/// Letters around an apostrophe that drops it (KMU 55: "Знам’янка" is
/// Znamianka): Cyrillic letters of Ukrainian and Russian, either case.
fn apostrophe_neighbour(c: char) -> bool {
    matches!(
        c,
        'А'..='я' | 'Ё' | 'Є' | 'І' | 'Ї' | 'Ў' | 'ё' | 'є' | 'і' | 'ї' | 'ў' | 'Ґ' | 'ґ'
    )
}

/// A lower-case Ukrainian word in Latin letters, by the table of
/// `translit_uk.txt`: apostrophes between letters dropped, then, left to
/// right, a word-initial spelling where the letter starts a word, else a
/// pair's spelling, else the letter's, else the character itself.
fn romanise_ukrainian(lower: &str, table: &crate::names::tables::UkrainianTable) -> String {
    use unicode_normalization::{IsNormalized, is_nfc_quick};
    let chars: Vec<char> = if is_nfc_quick(lower.chars()) == IsNormalized::Yes {
        lower.chars().collect()
    } else {
        lower.nfc().collect()
    };
    let text: Vec<char> = chars
        .iter()
        .enumerate()
        .filter(|&(i, &c)| {
            let between = i > 0
                && chars.get(i + 1).is_some_and(|&n| apostrophe_neighbour(n))
                && apostrophe_neighbour(chars[i - 1]);
            !(matches!(c, '’' | '\'') && between)
        })
        .map(|(_, &c)| c)
        .collect();
    let mut out = String::with_capacity(lower.len());
    let mut i = 0;
    while i < text.len() {
        let c = text[i];
        let initial = i == 0 || !regex_syntax::is_word_character(text[i - 1]);
        let letter = table.letters.get(&c);
        if let Some((_, Some(first))) = letter.filter(|_| initial) {
            out.push_str(first);
        } else if let Some(pair) = text
            .get(i + 1)
            .and_then(|&next| table.pairs.get(&(c, next)))
        {
            out.push_str(pair);
            i += 1;
        } else if let Some((spelling, _)) = letter {
            out.push_str(spelling);
        } else {
            out.push(c);
        }
        i += 1;
    }
    if out.is_ascii() {
        out
    } else {
        out.nfc().collect()
    }
}

/// Applies the spelling folds of `folding.txt` to a [`latin`] word.
pub fn fold(latin: &str, t: &NameTables) -> String {
    let mut s = latin.to_string();
    // Doubles collapsing keeps the set of letters: only rewrites change it.
    let mut letters = super::tables::ascii_bytes(&s);
    for f in &t.folds {
        match f {
            Fold::Rewrite(re, to, needs) => {
                if needs.is_some_and(|n| letters & n != n) {
                    continue;
                }
                if re.is_match(&s) {
                    s = re.replace_all(&s, to);
                    letters = super::tables::ascii_bytes(&s);
                }
            }
            Fold::CollapseDoubles => {
                let mut out = String::with_capacity(s.len());
                for c in s.chars() {
                    if !out.ends_with(c) {
                        out.push(c);
                    }
                }
                s = out;
            }
        }
    }
    s.to_ascii_lowercase()
}

/// Most English-style spellings one word may have.
const MAX_CONVENTIONAL: usize = 8;

/// A lower-case word rewritten from a language's romanisation conventions
/// into the English-style spellings it stands for ("kowalenko" in German →
/// "kovalenko"; "andrij" → "andrii", "andriy").
pub fn conventional(word: &str, lang: &str, t: &NameTables) -> Vec<String> {
    let mut out = vec![word.to_string()];
    for (re, alternatives) in t.conventions.get(lang).into_iter().flatten() {
        let mut next = Vec::new();
        for s in &out {
            if !re.is_match(s) {
                next.push(s.clone());
                continue;
            }
            for to in alternatives {
                next.push(re.replace_all(s, to));
            }
        }
        next.dedup();
        next.truncate(MAX_CONVENTIONAL);
        out = next;
    }
    out
}

thread_local! {
    static KEYS: crate::memo::Table = std::cell::RefCell::default();
}

/// The key of one word before given-name classes: [`latin`] then [`fold`].
pub fn word_key_unclassed(word: &str, lang: Option<&str>, t: &NameTables) -> String {
    // The tables are part of the key: user lexicons give other keys.
    crate::memo::get_or(&KEYS, t.id, &[lang.unwrap_or(""), word], || {
        fold(&latin(word, lang, t), t)
    })
}

/// The key of one word of a name: spellings of one given name share it
/// ("Halyna", "Galina", "Галина").
pub fn word_key(word: &str, lang: Option<&str>, t: &NameTables) -> String {
    let k = word_key_unclassed(word, lang, t);
    match t.given.get(&k) {
        Some(g) => g.key.clone(),
        None => k,
    }
}

/// The words of a name: split at white space and hyphens.
pub fn name_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c.is_whitespace() || matches!(c, '-' | '‐' | '‑' | '–'))
        .filter(|w| !w.is_empty())
}

/// The key of a phrase without exonym lookup: its word keys joined by spaces.
pub fn phrase_key(text: &str, lang: Option<&str>, t: &NameTables) -> String {
    let keys: Vec<String> = name_words(text)
        .map(|w| word_key(w, lang, t))
        .filter(|k| !k.is_empty())
        .collect();
    keys.join(" ")
}

/// The key of a whole name: the exonym's key when the name is a known place
/// or organisation in any of its languages, else [`phrase_key`].
pub fn name_key(text: &str, lang: Option<&str>, t: &NameTables) -> String {
    let k = phrase_key(text, lang, t);
    match t.exonyms.get(&k) {
        Some(x) => x.key.clone(),
        None => k,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicons;

    fn key(s: &str, lang: &str) -> String {
        name_key(s, Some(lang), &Lexicons::embedded().names)
    }

    proptest::proptest! {
        #[test]
        fn the_ukrainian_table_is_the_official_one(
            s in "[абвгґдеєжзиіїйклмнопрстуфхцчшщьюяёъыэў’'ʼ\\- 1\u{301}]{0,10}"
        ) {
            let t = &Lexicons::embedded().names;
            proptest::prop_assert_eq!(
                romanise_ukrainian(&s, &t.translit_uk),
                uklatn::encode(&s, uklatn::Table::Kmu55)
            );
        }
    }

    #[test]
    fn ukrainian_words_romanise_as_the_official_table_does() {
        let t = &Lexicons::embedded().names;
        for word in [
            "знам’янка",
            "згорани",
            "яготин",
            "їжакевич",
            "йосипівка",
            "юрій",
            "зґ",
            "п'ять",
            "’ярема",
            "ь",
        ] {
            assert_eq!(
                romanise_ukrainian(word, &t.translit_uk),
                uklatn::encode(word, uklatn::Table::Kmu55),
                "{word}"
            );
        }
    }

    #[test]
    fn romanisations_of_one_name_share_a_key() {
        // An invented surname in the Ukrainian, Russian and common spellings.
        let k = key("Коваленський", "uk");
        assert_eq!(k, key("Kovalenskyi", "en"));
        assert_eq!(k, key("Kovalensky", "en"));
        assert_eq!(k, key("Kovalenskiy", "en"));
        assert_eq!(k, key("Kovalenskyy", "en"));
        assert_eq!(k, key("Kowalenskij", "de"));
        assert_eq!(k, key("Коваленский", "ru"));
        assert_eq!(key("Гаврилюк", "uk"), key("Havryliuk", "en"));
        assert_eq!(key("Гаврилюк", "uk"), key("Gavrilyuk", "en"));
        assert_eq!(key("Шевчук", "uk"), key("Schewtschuk", "de"));
        assert_eq!(key("Шевчук", "uk"), key("Ševčuk", "it"));
    }

    #[test]
    fn given_names_and_exonyms_fold_across_languages() {
        assert_eq!(key("Halyna", "en"), key("Galina", "en"));
        assert_eq!(key("Галина", "uk"), key("Galina", "pt"));
        assert_eq!(key("Serhii", "en"), key("Serhiy", "en"));
        assert_eq!(key("Сергій", "uk"), key("Sergei", "en"));
        assert_eq!(key("Dmytro", "en"), key("Дмитрий", "ru"));
        assert_eq!(key("Oleksandr", "en"), key("Aleksandr", "en"));
        assert_eq!(key("Brussels", "en"), key("Bruxelas", "pt"));
        assert_eq!(key("Bruxelles", "fr"), key("Брюссель", "uk"));
        assert_eq!(key("Kiev", "en"), key("Kyiv", "en"));
        assert_eq!(key("Київ", "uk"), key("Kyiv", "en"));
        assert_eq!(key("Monaco di Baviera", "it"), key("Munich", "en"));
        assert_eq!(key("München", "de"), key("Múnich", "es"));
        assert_eq!(key("NATO", "en"), key("OTAN", "fr"));
    }

    #[test]
    fn press_conventions_give_english_style_spellings() {
        let t = &Lexicons::embedded().names;
        assert_eq!(conventional("kowalenko", "de", t), ["kovalenko"]);
        assert_eq!(conventional("schewtschuk", "de", t), ["shevchuk"]);
        assert_eq!(conventional("andrij", "de", t), ["andrii", "andriy"]);
        assert_eq!(conventional("oudaltsov", "fr", t), ["udaltsov"]);
        assert_eq!(conventional("kowalenko", "en", t), ["kowalenko"]);
    }

    #[test]
    fn different_names_keep_different_keys() {
        assert_ne!(key("Kovalenko", "en"), key("Kovalchuk", "en"));
        assert_ne!(key("Petrov", "en"), key("Petrenko", "en"));
        assert_ne!(key("Petrov", "en"), key("Petrova", "en"));
        assert_ne!(key("Müller", "de"), key("Miller", "en"));
        assert_ne!(key("Anna Schmidt", "de"), key("Anna Weber", "de"));
        assert_ne!(key("Vienna", "en"), key("Venice", "en"));
    }
}
