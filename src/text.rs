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
        out.extend(s.chars().map(|c| c.to_ascii_lowercase()));
        return;
    }
    for c in s.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        match c {
            'ß' => out.push_str("ss"),
            '’' | 'ʼ' | '‘' | '`' | 'ʹ' => out.push('\''),
            _ => out.extend(c.to_lowercase()),
        }
    }
}

/// Lower-cased and NFC-normalised, keeping diacritics: the key for lexicon
/// entries whose accents matter ("à" vs "a" in French function words).
pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let lowered = |c: char| {
        c.to_lowercase()
            .map(|c| if matches!(c, '’' | 'ʼ') { '\'' } else { c })
    };
    // Most text is already NFC: skip the normalising iterator then.
    if is_nfc_quick(s.chars()) == IsNormalized::Yes {
        s.chars().flat_map(lowered).collect()
    } else {
        s.nfc().flat_map(lowered).collect()
    }
}

/// True when the word starts with an upper-case letter.
pub fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// True when every letter of the word is upper case and it has at least two.
pub fn is_all_caps(word: &str) -> bool {
    let mut letters = 0;
    for c in word.chars().filter(|c| c.is_alphabetic()) {
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
        .find(|c| c.is_alphabetic())
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
