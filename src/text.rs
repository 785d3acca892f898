//! Matching keys for text. Keys are for comparing only: they never replace the
//! text and never move an offset.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Lower-cased, diacritics removed, NFC-composed key of a word or phrase:
/// "Tensões" → "tensoes", "Ärger" → "arger". Cyrillic letters keep their
/// identity except for й/ё/ї, which fold with their base letters.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// [`fold`] appending into a buffer, to avoid an allocation per word.
pub fn fold_into(s: &str, out: &mut String) {
    if s.is_ascii() {
        let start = out.len();
        out.push_str(s);
        out[start..].make_ascii_lowercase();
        return;
    }
    let table = &*CHARS;
    for c in s.chars() {
        match table.get(c) {
            Some(forms) => forms.push_fold(out),
            None => fold_char_into(c, out),
        }
    }
}

/// Calls `f` with each character of [`fold`]`(s)`, without building it.
pub fn fold_each(s: &str, mut f: impl FnMut(char)) {
    if s.is_ascii() {
        s.bytes()
            .for_each(|b| f(char::from(b.to_ascii_lowercase())));
        return;
    }
    let table = &*CHARS;
    let mut buf = String::new();
    for c in s.chars() {
        match table.get(c) {
            Some(forms) => match forms.fold1 {
                Some(c) => f(c),
                None => forms.fold.chars().for_each(&mut f),
            },
            None => {
                buf.clear();
                fold_char_into(c, &mut buf);
                buf.chars().for_each(&mut f);
            }
        }
    }
}

/// The fold of one character: canonical decomposition, combining marks
/// dropped, lower case. Folding is per character (dropping every mark makes
/// canonical reordering moot), which is what lets [`CHARS`] hold it.
fn fold_char_into(c: char, out: &mut String) {
    for d in std::iter::once(c).nfd() {
        if is_combining_mark(d) {
            continue;
        }
        match d {
            'ß' => out.push_str("ss"),
            '’' | 'ʼ' | '‘' | '`' | 'ʹ' => out.push('\''),
            _ => out.extend(d.to_lowercase()),
        }
    }
}

/// Lower-cased and NFC-normalised, keeping diacritics: the key for lexicon
/// entries whose accents matter ("à" vs "a" in French function words).
pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    // Text of the tabled scripts is NFC when every character is NFC by
    // itself (and none combines): then lower case is per character.
    let table = &*CHARS;
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match table.get(c) {
            Some(forms) if forms.nfc => match forms.lower1 {
                Some(c) => out.push(c),
                None => out.push_str(&forms.lower),
            },
            _ => return lower_slow(s),
        }
    }
    out
}

fn lower_slow(s: &str) -> String {
    let lowered = |c: char| c.to_lowercase().map(apostrophe);
    // Most text is already NFC: skip the normalising iterator then.
    if is_nfc_quick(s.chars()) == IsNormalized::Yes {
        s.chars().flat_map(lowered).collect()
    } else {
        s.nfc().flat_map(lowered).collect()
    }
}

/// The typographic apostrophes [`lower`] writes as a straight one.
fn apostrophe(c: char) -> char {
    if matches!(c, '’' | 'ʼ') { '\'' } else { c }
}

/// `char::is_alphabetic`, by a table for the tabled scripts: the Unicode
/// look-up behind it was a twentieth of a feed's time in the tokenizers.
pub fn is_alphabetic(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    match CHARS.get(c) {
        Some(forms) => forms.alphabetic,
        None => c.is_alphabetic(),
    }
}

/// `char::is_alphanumeric`, by the same table.
pub fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    match CHARS.get(c) {
        Some(forms) => forms.alphanumeric,
        None => c.is_alphanumeric(),
    }
}

/// What [`fold`] and [`lower`] make of one character.
struct CharForms {
    fold: String,
    lower: String,
    /// `fold` and `lower` when they are one character (most are), pushed
    /// without copying a string.
    fold1: Option<char>,
    lower1: Option<char>,
    /// NFC by itself and never composing with a neighbour.
    nfc: bool,
    /// `char::is_alphabetic`.
    alphabetic: bool,
    /// `char::is_alphanumeric`.
    alphanumeric: bool,
}

impl CharForms {
    fn push_fold(&self, out: &mut String) {
        match self.fold1 {
            Some(c) => out.push(c),
            None => out.push_str(&self.fold),
        }
    }
}

/// One character, when the text is exactly one.
fn single(s: &str) -> Option<char> {
    let mut chars = s.chars();
    chars.next().filter(|_| chars.next().is_none())
}

/// [`CharForms`] of the characters news text is mostly written in (Latin,
/// Greek, Cyrillic, general punctuation), worked out once with the same
/// functions the slow paths use.
struct CharTable {
    forms: Vec<CharForms>,
    punctuation: Vec<CharForms>,
}

/// Latin, Greek and Cyrillic: U+0000 to U+052F.
const TABLED: u32 = 0x530;
/// General punctuation (quotes, dashes, apostrophes): U+2000 to U+206F.
const PUNCTUATION: std::ops::Range<u32> = 0x2000..0x2070;

impl CharTable {
    fn get(&self, c: char) -> Option<&CharForms> {
        let u = c as u32;
        if u < TABLED {
            self.forms.get(u as usize)
        } else if PUNCTUATION.contains(&u) {
            self.punctuation.get((u - PUNCTUATION.start) as usize)
        } else {
            None
        }
    }
}

fn char_forms(u: u32) -> CharForms {
    let Some(c) = char::from_u32(u) else {
        return CharForms {
            fold: String::new(),
            lower: String::new(),
            fold1: None,
            lower1: None,
            nfc: false,
            alphabetic: false,
            alphanumeric: false,
        };
    };
    let mut fold = String::new();
    fold_char_into(c, &mut fold);
    let alone = c.to_string();
    // Alone NFC (quick check "yes", so nothing composes with it as a
    // second half) and a starter: then no neighbour changes it.
    let nfc = is_nfc_quick(alone.chars()) == IsNormalized::Yes
        && unicode_normalization::char::canonical_combining_class(c) == 0
        && !is_combining_mark(c);
    let lower: String = c.to_lowercase().map(apostrophe).collect();
    CharForms {
        fold1: single(&fold),
        lower1: single(&lower),
        fold,
        lower,
        nfc,
        alphabetic: c.is_alphabetic(),
        alphanumeric: c.is_alphanumeric(),
    }
}

static CHARS: std::sync::LazyLock<CharTable> = std::sync::LazyLock::new(|| CharTable {
    forms: (0..TABLED).map(char_forms).collect(),
    punctuation: PUNCTUATION.map(char_forms).collect(),
});

/// True when the word starts with an upper-case letter.
pub fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// True when every letter of the word is upper case and it has at least two.
pub fn is_all_caps(word: &str) -> bool {
    let mut letters = 0;
    for c in word.chars().filter(|&c| is_alphabetic(c)) {
        if !c.is_uppercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

/// True when the character is a Cyrillic letter.
pub fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{052F}')
}

/// True when the word is written in Cyrillic script (its first letter is).
pub fn is_cyrillic_word(word: &str) -> bool {
    word.chars()
        .find(|&c| is_alphabetic(c))
        .is_some_and(is_cyrillic)
}

/// FNV-1a, 64 bits: a hash that is the same on every platform and in every
/// version, for keys that are stored (baseline fingerprints) or compared.
pub fn stable_hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The definitions the tables speed up, written the plain way.
    fn fold_reference(s: &str) -> String {
        if s.is_ascii() {
            return s.to_ascii_lowercase();
        }
        let mut out = String::new();
        for c in s.nfd().filter(|&c| !is_combining_mark(c)) {
            match c {
                'ß' => out.push_str("ss"),
                '’' | 'ʼ' | '‘' | '`' | 'ʹ' => out.push('\''),
                _ => out.extend(c.to_lowercase()),
            }
        }
        out
    }

    fn lower_reference(s: &str) -> String {
        s.nfc()
            .flat_map(char::to_lowercase)
            .map(apostrophe)
            .collect()
    }

    #[test]
    fn tables_agree_with_the_definitions_for_every_character() {
        for c in (0..0x3_0000).filter_map(char::from_u32) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "alphabetic {c:?}");
            assert_eq!(
                is_alphanumeric(c),
                c.is_alphanumeric(),
                "alphanumeric {c:?}"
            );
            let alone = c.to_string();
            assert_eq!(fold(&alone), fold_reference(&alone), "fold {c:?}");
            assert_eq!(lower(&alone), lower_reference(&alone), "lower {c:?}");
        }
    }

    proptest! {
        #[test]
        fn fold_and_lower_agree_with_the_definitions(
            s in "[a-zA-Z éÉàçñßüÜøłİıЁёЙйЇїКиївΣσς\u{300}\u{301}\u{308}\u{327}\u{483}’ʼ`\u{2019}\u{2014}\u{1e9e}\u{1f600}]{0,12}"
        ) {
            prop_assert_eq!(fold(&s), fold_reference(&s));
            prop_assert_eq!(lower(&s), lower_reference(&s));
        }
    }

    #[test]
    fn fold_strips_diacritics_and_case() {
        assert_eq!(fold("Tensões"), "tensoes");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("ÉTÉ"), "ete");
        assert_eq!(fold("Київ"), "киів");
        assert_eq!(fold("don’t"), "don't");
    }

    #[test]
    fn stable_hash_is_fnv1a() {
        assert_eq!(stable_hash(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(stable_hash(b"a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn caps() {
        assert!(is_capitalized("Éric"));
        assert!(!is_capitalized("éric"));
        assert!(is_all_caps("NATO"));
        assert!(!is_all_caps("A"));
        assert!(!is_all_caps("NATOs"));
    }
}
