//! Bytes to UTF-8 text. Evidence offsets everywhere else are byte offsets into
//! the *decoded* UTF-8 text (for HTML, into the extracted text), never into the
//! file's bytes; only the offsets in decoding errors are file offsets.
//!
//! The order of decisions:
//! 1. a forced encoding (`--encoding`) is used as is; malformed bytes are an
//!    error naming the first one;
//! 2. a byte-order mark decides: UTF-8 (removed, rest must be valid), UTF-16LE
//!    or UTF-16BE;
//! 3. NUL bytes mean binary data, unless the NULs all fall on one side of
//!    16-bit units and the bytes are valid UTF-16 text without a BOM;
//! 4. valid UTF-8 stays UTF-8;
//! 5. invalid UTF-8 whose non-ASCII bytes are mostly valid UTF-8 sequences is
//!    a UTF-8 file with an error: reported at its first bad byte;
//! 6. anything else is a legacy encoding: `chardetng` guesses (an HTML
//!    `<meta charset>` is tried first), and a sanity check that scores how
//!    plausible the words of each candidate decoding are corrects the guesses
//!    short texts get wrong (windows-1251 vs KOI8-U vs windows-1252); if no
//!    candidate reads as text, the input is undecodable.

use std::path::Path;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{
    DecoderResult, Encoding, KOI8_U, REPLACEMENT, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1251,
    WINDOWS_1252,
};

use crate::error::{Error, Result};
use crate::text::is_cyrillic;

/// How many bytes of a legacy-encoded input the detector and the sanity
/// check read: enough to decide, and it keeps a huge input cheap.
const SAMPLE_BYTES: usize = 1 << 20;

/// Below this share of plausible words no decoding is believed.
const MIN_PLAUSIBLE: f64 = 0.5;

/// How much better than `chardetng`'s guess another candidate must score to
/// replace it.
const MARGIN: f64 = 0.05;

/// The encoding a user names (`--encoding LABEL`), by its WHATWG label
/// (`latin1`, `cp1251`, `koi8-u`, `utf-16le`, ...).
pub fn encoding_for_label(label: &str) -> Result<&'static Encoding> {
    match Encoding::for_label(label.trim().as_bytes()) {
        Some(enc) if enc != REPLACEMENT => Ok(enc),
        _ => Err(Error::BadOption {
            option: "--encoding".into(),
            reason: format!(
                "unknown encoding `{label}` (use a WHATWG label such as utf-8, windows-1252, \
                 latin1, utf-16le, windows-1251, koi8-u)"
            ),
        }),
    }
}

/// Decodes a document's bytes; returns the text and the encoding it was read in.
pub fn decode(
    bytes: &[u8],
    forced: Option<&'static Encoding>,
    path: &Path,
) -> Result<(String, &'static Encoding)> {
    if let Some(enc) = forced {
        if !is_utf16(enc) {
            reject_nul(bytes, path)?;
        }
        return Ok((strict(bytes, enc, path)?, enc));
    }
    match Encoding::for_bom(bytes) {
        Some((enc, 3)) if enc == UTF_8 => {
            reject_nul(bytes, path)?;
            return utf8(&bytes[3..], 3, path).map(|text| (text, UTF_8));
        }
        Some((enc, _)) => return Ok((strict(bytes, enc, path)?, enc)),
        None => {}
    }
    if let Some(offset) = memchr(0, bytes) {
        return match bomless_utf16(bytes) {
            Some(enc) => Ok((strict(bytes, enc, path)?, enc)),
            None => Err(Error::Binary {
                path: path.to_path_buf(),
                offset,
            }),
        };
    }
    let first_bad = match std::str::from_utf8(bytes) {
        Ok(text) => return Ok((text.to_string(), UTF_8)),
        Err(e) => e.valid_up_to(),
    };
    if mostly_utf8(bytes) {
        return Err(Error::InvalidUtf8 {
            path: path.to_path_buf(),
            offset: first_bad,
        });
    }
    let enc = legacy(bytes).ok_or_else(|| Error::Undecodable {
        path: path.to_path_buf(),
        offset: first_bad,
    })?;
    Ok((strict(bytes, enc, path)?, enc))
}

fn memchr(needle: u8, bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == needle)
}

fn is_utf16(enc: &'static Encoding) -> bool {
    enc == UTF_16LE || enc == UTF_16BE
}

fn reject_nul(bytes: &[u8], path: &Path) -> Result<()> {
    match memchr(0, bytes) {
        Some(offset) => Err(Error::Binary {
            path: path.to_path_buf(),
            offset,
        }),
        None => Ok(()),
    }
}

/// UTF-8 after a removed BOM of `skipped` bytes; errors cite file offsets.
fn utf8(bytes: &[u8], skipped: usize, path: &Path) -> Result<String> {
    std::str::from_utf8(bytes)
        .map(str::to_string)
        .map_err(|e| Error::InvalidUtf8 {
            path: path.to_path_buf(),
            offset: e.valid_up_to() + skipped,
        })
}

/// Decodes without replacement characters: a malformed sequence (or a NUL
/// character, which text never holds) is an error at its file offset. A BOM
/// of this encoding is removed.
fn strict(bytes: &[u8], enc: &'static Encoding, path: &Path) -> Result<String> {
    let mut decoder = enc.new_decoder_with_bom_removal();
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 2 + 16);
    let mut read = 0;
    loop {
        let (result, n) =
            decoder.decode_to_string_without_replacement(&bytes[read..], &mut out, true);
        read += n;
        match result {
            DecoderResult::InputEmpty => break,
            DecoderResult::OutputFull => out.reserve(bytes.len() - read + 16),
            DecoderResult::Malformed(bad, after) => {
                return Err(Error::Malformed {
                    path: path.to_path_buf(),
                    encoding: enc.name(),
                    offset: read.saturating_sub(bad as usize + after as usize),
                });
            }
        }
    }
    if let Some(nul) = out.find('\0') {
        return Err(Error::Binary {
            path: path.to_path_buf(),
            offset: file_offset(&out, nul, enc),
        });
    }
    Ok(out)
}

/// The file offset of a byte offset of UTF-16 text decoded without a BOM
/// (with a BOM the offset is two bytes later, which is close enough for a
/// message: only UTF-16 text reaches here with a NUL).
fn file_offset(text: &str, offset: usize, enc: &'static Encoding) -> usize {
    if is_utf16(enc) {
        text[..offset].encode_utf16().count() * 2
    } else {
        offset
    }
}

/// UTF-16 without a BOM: an even length, every NUL byte on the same side of
/// its 16-bit unit, and at least one unit in ten with a NUL half (ASCII
/// spaces and punctuation give that even in Cyrillic text).
fn bomless_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() % 2 != 0 {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in bytes.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    let units = bytes.len() / 2;
    let enc = match (even, odd) {
        (0, n) if n * 10 >= units => UTF_16LE,
        (n, 0) if n * 10 >= units => UTF_16BE,
        _ => return None,
    };
    let (text, malformed) = enc.decode_without_bom_handling(bytes);
    let controls = text
        .chars()
        .filter(|&c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\x0c'))
        .count();
    (!malformed && controls == 0).then_some(enc)
}

/// True when the non-ASCII bytes form more valid UTF-8 sequences than
/// invalid ones: a UTF-8 file with some damage, not a legacy encoding.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut valid, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        valid += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    valid > invalid
}

/// The legacy encoding of non-UTF-8 bytes, or `None` when no candidate
/// decodes to plausible text.
fn legacy(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(SAMPLE_BYTES)];
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(sample, sample.len() == bytes.len());
    let detected = detector.guess(None, Utf8Detection::Deny);
    let guess = meta_charset(sample).unwrap_or(detected);
    if !guess.is_single_byte() {
        // Multi-byte legacy encodings (Shift_JIS, GBK, ...) are self-checking:
        // the strict decode that follows rejects bytes that do not fit.
        let (_, malformed) = guess.decode_without_bom_handling(sample);
        return (!malformed).then_some(guess);
    }
    let mut best = Reading::of(sample, guess);
    for other in [WINDOWS_1251, KOI8_U, WINDOWS_1252, detected] {
        if other != best.encoding && other.is_single_byte() {
            let reading = Reading::of(sample, other);
            if reading.better_than(&best) {
                best = reading;
            }
        }
    }
    (best.words >= MIN_PLAUSIBLE).then_some(best.encoding)
}

/// A candidate decoding of a sample and how plausible it reads.
struct Reading {
    encoding: &'static Encoding,
    /// [`plausibility`] of its words.
    words: f64,
    /// [`cyrillic_likelihood`] of its letters, when it has enough of them.
    letters: Option<f64>,
}

impl Reading {
    fn of(sample: &[u8], encoding: &'static Encoding) -> Reading {
        let text = decode_sample(sample, encoding);
        Reading {
            encoding,
            words: plausibility(&text),
            letters: cyrillic_likelihood(&text),
        }
    }

    /// Clearly better words win; with words about as good (an all-caps text
    /// reads as words in both windows-1251 and KOI8), Cyrillic letters that
    /// are clearly more typical of Russian and Ukrainian win.
    fn better_than(&self, other: &Reading) -> bool {
        if self.words > other.words + MARGIN {
            return true;
        }
        if self.words + MARGIN < other.words {
            return false;
        }
        match (self.letters, other.letters) {
            (Some(mine), Some(theirs)) => mine > theirs + LETTER_MARGIN,
            (Some(mine), None) => mine > TYPICAL_CYRILLIC,
            _ => false,
        }
    }
}

/// Mean log-frequency (natural log) of the Cyrillic letters of a text under
/// the letter frequencies of Russian and Ukrainian, or `None` below a dozen
/// letters. Real text scores about -3; a scrambled decoding about -4.
fn cyrillic_likelihood(text: &str) -> Option<f64> {
    let (mut n, mut sum) = (0usize, 0.0);
    for c in text.chars().filter(|&c| is_cyrillic(c)) {
        let low = c.to_lowercase().next().unwrap_or(c);
        let per_mille = CYRILLIC_FREQUENCIES
            .iter()
            .find(|(l, _)| *l == low)
            .map_or(0.1, |(_, f)| *f);
        sum += (per_mille / 1000.0_f64).ln();
        n += 1;
    }
    (n >= 12).then(|| sum / n as f64)
}

/// How much more typical (in mean log-frequency) one decoding's Cyrillic
/// letters must be to win a tie.
const LETTER_MARGIN: f64 = 0.3;

/// The mean log-frequency above which letters read as real Russian or
/// Ukrainian even when the other decoding has no Cyrillic to compare.
const TYPICAL_CYRILLIC: f64 = -3.4;

/// Letter frequencies per mille, the larger of Russian and Ukrainian.
const CYRILLIC_FREQUENCIES: [(char, f64); 37] = [
    ('о', 110.0),
    ('е', 85.0),
    ('а', 80.0),
    ('и', 73.0),
    ('н', 67.0),
    ('т', 63.0),
    ('і', 56.0),
    ('с', 55.0),
    ('в', 52.0),
    ('р', 47.0),
    ('л', 44.0),
    ('у', 39.0),
    ('к', 36.0),
    ('д', 35.0),
    ('м', 32.0),
    ('п', 29.0),
    ('з', 23.0),
    ('я', 22.0),
    ('ы', 19.0),
    ('ь', 17.0),
    ('г', 17.0),
    ('б', 16.0),
    ('ч', 14.0),
    ('й', 12.0),
    ('х', 10.0),
    ('ж', 9.0),
    ('ц', 9.0),
    ('ю', 8.0),
    ('ї', 8.0),
    ('ш', 8.0),
    ('щ', 7.0),
    ('є', 6.0),
    ('э', 3.0),
    ('ф', 3.0),
    ('ё', 0.5),
    ('ъ', 0.4),
    ('ґ', 0.2),
];

fn decode_sample(sample: &[u8], enc: &'static Encoding) -> String {
    enc.decode_without_bom_handling(sample).0.into_owned()
}

/// The encoding an HTML page declares in `<meta charset=...>` or
/// `content="...; charset=..."` within its first 1024 bytes, if any.
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(1024)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let at = lower.windows(8).position(|w| w == b"charset=")? + 8;
    let rest = &head[at..];
    let rest = rest
        .strip_prefix(b"\"")
        .or(rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|&b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.')))
        .unwrap_or(rest.len());
    Encoding::for_label(&rest[..end]).filter(|e| *e != REPLACEMENT && *e != UTF_8)
}

/// How much the words with a non-ASCII letter read as words, from 0 to 1:
/// one script, a sensible case pattern, no symbol or control inside, not
/// mostly accented letters in a Latin word, and for Cyrillic words a vowel
/// and mostly common letters. A wrong single-byte decoding fails these on
/// almost every such word (windows-1251 read as KOI8 swaps case and
/// scrambles letters). Text without such words scores 1.
pub(crate) fn plausibility(text: &str) -> f64 {
    let (mut seen, mut score) = (0usize, 0.0);
    for token in text.split(|c: char| c.is_whitespace()) {
        let core = token.trim_matches(|c: char| !c.is_alphanumeric() && !c.is_control());
        if core.is_ascii() {
            continue;
        }
        seen += 1;
        score += word_score(core);
    }
    if seen == 0 { 1.0 } else { score / seen as f64 }
}

#[derive(Clone, Copy, PartialEq)]
enum Script {
    Latin,
    Cyrillic,
    Other,
}

fn script(c: char) -> Script {
    if is_cyrillic(c) {
        Script::Cyrillic
    } else if c < '\u{0250}' || ('\u{1E00}'..='\u{1EFF}').contains(&c) {
        Script::Latin
    } else {
        Script::Other
    }
}

const CYRILLIC_VOWELS: &str = "аеєиіїоуюяыэё";

/// The sixteen most frequent letters of Russian and Ukrainian text, about
/// four in five of its letters.
const CYRILLIC_COMMON: &str = "оеаиінтсрвлкмдпу";

fn word_score(word: &str) -> f64 {
    let mut script_seen: Option<Script> = None;
    let (mut letters, mut upper, mut upper_after_first) = (0usize, 0usize, 0usize);
    let (mut accented, mut vowels, mut common) = (0usize, 0usize, 0usize);
    for c in word.chars() {
        if c.is_alphabetic() {
            let s = script(c);
            if script_seen.is_some_and(|seen| seen != s) {
                return 0.0;
            }
            script_seen = Some(s);
            if c.is_uppercase() {
                upper += 1;
                upper_after_first += usize::from(letters > 0);
            }
            let low = c.to_lowercase().next().unwrap_or(c);
            accented += usize::from(s == Script::Latin && !c.is_ascii());
            vowels += usize::from(CYRILLIC_VOWELS.contains(low));
            common += usize::from(CYRILLIC_COMMON.contains(low));
            letters += 1;
        } else if !(c.is_ascii_digit() || matches!(c, '\'' | '’' | 'ʼ' | '-' | '.' | ',' | '/'))
        {
            return 0.0;
        }
    }
    // Capitals after the first letter only in an all-caps word.
    let case = match (upper_after_first, letters) {
        (0, _) | (_, 0..=1) => 1.0,
        _ if upper == letters => 1.0,
        _ => return 0.0,
    };
    match script_seen {
        Some(Script::Cyrillic) if letters >= 3 && vowels == 0 => 0.0,
        Some(Script::Cyrillic) if common * 2 < letters => case * 0.5,
        Some(Script::Cyrillic) => case,
        Some(Script::Latin) if letters > 2 && accented * 2 > letters => 0.0,
        Some(Script::Latin) => case,
        Some(Script::Other) => 1.0,
        None => 0.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn auto(bytes: &[u8]) -> Result<(String, &'static str)> {
        decode(bytes, None, Path::new("t.txt")).map(|(t, e)| (t, e.name()))
    }

    fn encoded(text: &str, enc: &'static Encoding) -> Vec<u8> {
        let (bytes, _, unmappable) = enc.encode(text);
        assert!(!unmappable, "{text} is not all in {}", enc.name());
        bytes.into_owned()
    }

    const UK: &str =
        "Уряд заявив, що переговори щодо нового бюджету тривають і завершаться до кінця місяця.";
    const RU: &str =
        "Правительство сообщило, что переговоры о новом бюджете продолжаются уже третью неделю.";
    const PT: &str =
        "O governo anunciou que as negociações sobre o orçamento continuarão na próxima semana.";
    const FR: &str = "Le ministre a déclaré que la réunion était prévue à Genève après l'été.";
    const DE: &str = "Die Ministerin sagte, die Gespräche über den Haushalt würden fortgesetzt.";

    #[test]
    fn utf8_stays_and_bom_is_removed() {
        assert_eq!(auto(UK.as_bytes()).unwrap(), (UK.to_string(), "UTF-8"));
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(PT.as_bytes());
        assert_eq!(auto(&bom).unwrap(), (PT.to_string(), "UTF-8"));
    }

    #[test]
    fn legacy_latin_encodings() {
        for text in [PT, FR, DE] {
            let (t, e) = auto(&encoded(text, WINDOWS_1252)).unwrap();
            assert_eq!((t.as_str(), e), (text, "windows-1252"));
        }
    }

    #[test]
    fn cyrillic_encodings_long_and_short() {
        for text in [UK, RU, "Міністр прибув.", "Київ, вівторок", "Мы согласны."]
        {
            for enc in [WINDOWS_1251, KOI8_U] {
                let (t, e) = auto(&encoded(text, enc)).unwrap();
                assert_eq!(t, text, "{}", enc.name());
                let expected = if enc == KOI8_U {
                    ["KOI8-U", "KOI8-R"]
                } else {
                    ["windows-1251"; 2]
                };
                assert!(expected.contains(&e), "{text}: {e} for {}", enc.name());
            }
        }
        // Ukrainian letters that KOI8-R lacks must come out as letters.
        let (t, _) = auto(&encoded("Її їжак ґанок є", KOI8_U)).unwrap();
        assert_eq!(t, "Її їжак ґанок є");
    }

    #[test]
    fn utf16_with_and_without_bom() {
        for (enc, bom) in [(UTF_16LE, &b"\xFF\xFE"[..]), (UTF_16BE, &b"\xFE\xFF"[..])] {
            let units: Vec<u8> = UK
                .encode_utf16()
                .flat_map(|u| {
                    if enc == UTF_16LE {
                        u.to_le_bytes()
                    } else {
                        u.to_be_bytes()
                    }
                })
                .collect();
            let mut with_bom = bom.to_vec();
            with_bom.extend_from_slice(&units);
            assert_eq!(auto(&with_bom).unwrap(), (UK.to_string(), enc.name()));
            assert_eq!(auto(&units).unwrap(), (UK.to_string(), enc.name()));
        }
        // An unpaired surrogate is malformed, cited at its file offset.
        let err = auto(b"\xFF\xFEa\x00\x00\xD8b\x00").unwrap_err();
        assert!(matches!(err, Error::Malformed { offset: 4, .. }), "{err}");
    }

    #[test]
    fn damaged_utf8_binary_and_noise() {
        let text = "Não é fácil: negociações e orçamento";
        let at = text.find(':').unwrap();
        let mut damaged = text.as_bytes().to_vec();
        damaged.insert(at, 0xFF);
        let err = auto(&damaged).unwrap_err();
        assert!(
            matches!(err, Error::InvalidUtf8 { offset, .. } if offset == at),
            "{err}"
        );
        assert!(matches!(
            auto(b"ab\0cd"),
            Err(Error::Binary { offset: 2, .. })
        ));
        let noise: Vec<u8> = (0..400u32).map(|i| (i * 97 % 251) as u8 | 0x80).collect();
        assert!(
            matches!(auto(&noise), Err(Error::Undecodable { .. })),
            "{:?}",
            auto(&noise)
        );
    }

    #[test]
    fn forced_encoding() {
        let path = Path::new("f.txt");
        let bytes = encoded(RU, WINDOWS_1251);
        let (t, e) = decode(&bytes, Some(WINDOWS_1251), path).unwrap();
        assert_eq!((t.as_str(), e.name()), (RU, "windows-1251"));
        let err = decode(b"ok \xFF", Some(UTF_8), path).unwrap_err();
        assert!(
            matches!(
                err,
                Error::Malformed {
                    offset: 3,
                    encoding: "UTF-8",
                    ..
                }
            ),
            "{err}"
        );
        assert!(encoding_for_label("latin1").unwrap() == WINDOWS_1252);
        assert!(encoding_for_label("no-such-thing").is_err());
        assert!(encoding_for_label("iso-2022-kr").is_err());
    }

    #[test]
    fn meta_charset_is_read() {
        let page =
            b"<html><head><meta charset=\"windows-1251\"></head><body>\xcc\xe8\xf0</body></html>";
        assert_eq!(meta_charset(page), Some(WINDOWS_1251));
        assert_eq!(meta_charset(b"<p>no declaration</p>"), None);
    }

    #[test]
    fn plausibility_separates_right_from_wrong() {
        assert!(plausibility(UK) > 0.9, "{}", plausibility(UK));
        assert!(plausibility(RU) > 0.9, "{}", plausibility(RU));
        assert_eq!(plausibility(PT), 1.0);
        for text in [UK, RU, "ПРОЕКТ ЗАКОНУ УХВАЛЕНО", "МИНИСТР ПРИБЫЛ В СТОЛИЦУ"]
        {
            for (right, wrong) in [(WINDOWS_1251, KOI8_U), (KOI8_U, WINDOWS_1251)] {
                let bytes = encoded(text, right);
                let (good, bad) = (Reading::of(&bytes, right), Reading::of(&bytes, wrong));
                assert!(good.better_than(&bad), "{text} in {}", right.name());
                assert!(!bad.better_than(&good), "{text} in {}", right.name());
            }
        }
        let wrong = decode_sample(&encoded(PT, WINDOWS_1252), WINDOWS_1251);
        assert!(plausibility(&wrong) < 0.3, "{wrong}");
        let wrong = decode_sample(&encoded(RU, WINDOWS_1251), WINDOWS_1252);
        assert!(plausibility(&wrong) < 0.3, "{wrong}");
    }

    #[test]
    fn sanity_check_corrects_short_text_guesses() {
        // chardetng alone calls these windows-1254 and windows-1255.
        for (text, enc) in [
            ("Так.", WINDOWS_1251),
            ("ПРОЕКТ ЗАКОНУ УХВАЛЕНО", KOI8_U),
            ("МИНИСТР ПРИБЫЛ", KOI8_U),
            ("МИНИСТР ПРИБЫЛ", WINDOWS_1251),
        ] {
            let (t, e) = auto(&encoded(text, enc)).unwrap();
            assert_eq!((t.as_str(), e), (text, enc.name()));
        }
    }
}
