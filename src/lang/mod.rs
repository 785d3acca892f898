//! Document language (whatlang, reported as ISO 639-1) and spans written in
//! another language than their document.

pub mod foreign;

use whatlang::{Detector, Lang};

use crate::lexicon::Lexicons;

/// A detected or given language.
#[derive(Clone, Debug, PartialEq)]
pub struct Language {
    /// ISO 639-1 code where one exists, else ISO 639-3.
    pub code: String,
    /// 0.0 to 1.0; 1.0 when the user gave the language.
    pub confidence: f64,
}

/// How many bytes of a document language detection reads: enough to be sure,
/// and it keeps detection linear in a feed of huge documents.
const SAMPLE_BYTES: usize = 16 * 1024;

/// Below this whatlang confidence, function words decide among the
/// languages with a lexicon.
const UNSURE: f64 = 0.5;

/// Detects the language of a text. Text with no letters is `und`. When
/// whatlang is unsure (short texts), the share of each lexicon language's
/// function words among the words decides if one language clearly leads.
pub fn detect(text: &str, lexicons: &Lexicons) -> Language {
    let sample = sample(text, SAMPLE_BYTES);
    let detected = whatlang::detect(sample).map(|info| Language {
        code: iso639_1(info.lang()).to_string(),
        confidence: round2(info.confidence()),
    });
    match detected {
        Some(lang) if lang.confidence >= UNSURE => lang,
        unsure => by_function_words(sample, lexicons)
            .or(unsure)
            .unwrap_or(Language {
                code: "und".to_string(),
                confidence: 0.0,
            }),
    }
}

/// The lexicon language whose function words make up the largest share of
/// the text's words, when it leads the next one by a clear margin.
fn by_function_words(text: &str, lexicons: &Lexicons) -> Option<Language> {
    use unicode_segmentation::UnicodeSegmentation;
    let words: Vec<String> = text.unicode_words().map(crate::text::lower).collect();
    if words.len() < 3 {
        return None;
    }
    let mut scores: Vec<(usize, &str)> = lexicons
        .languages()
        .map(|l| {
            (
                words.iter().filter(|w| l.is_function_word_lower(w)).count(),
                l.lang.as_str(),
            )
        })
        .collect();
    scores.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    let (best, code) = *scores.first()?;
    let second = scores.get(1).map_or(0, |s| s.0);
    let share = best as f64 / words.len() as f64;
    (share >= 0.2 && best >= second + 2 && best as f64 >= 1.3 * second as f64).then(|| Language {
        code: code.to_string(),
        confidence: round2(share.min(1.0)),
    })
}

/// Detects the language of a short span among a few candidate languages
/// (ISO 639-1 codes). Returns the code and whatlang's confidence.
pub fn detect_among(text: &str, candidates: &[&str]) -> Option<(String, f64)> {
    let allow: Vec<Lang> = candidates.iter().filter_map(|c| from_iso639_1(c)).collect();
    if allow.len() < 2 {
        return None;
    }
    let info = Detector::with_allowlist(allow).detect(text)?;
    Some((iso639_1(info.lang()).to_string(), info.confidence()))
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// The first `max` bytes of `text`, cut at a character boundary.
pub fn sample(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// ISO 639-3 → 639-1 for the languages whatlang knows that have a 639-1 code.
const ISO_PAIRS: [(&str, &str); 66] = [
    ("afr", "af"),
    ("aka", "ak"),
    ("amh", "am"),
    ("ara", "ar"),
    ("aze", "az"),
    ("bel", "be"),
    ("ben", "bn"),
    ("bul", "bg"),
    ("cat", "ca"),
    ("ces", "cs"),
    ("cmn", "zh"),
    ("cym", "cy"),
    ("dan", "da"),
    ("deu", "de"),
    ("ell", "el"),
    ("eng", "en"),
    ("epo", "eo"),
    ("est", "et"),
    ("fin", "fi"),
    ("fra", "fr"),
    ("guj", "gu"),
    ("heb", "he"),
    ("hin", "hi"),
    ("hrv", "hr"),
    ("hun", "hu"),
    ("hye", "hy"),
    ("ind", "id"),
    ("ita", "it"),
    ("jav", "jv"),
    ("jpn", "ja"),
    ("kan", "kn"),
    ("kat", "ka"),
    ("khm", "km"),
    ("kor", "ko"),
    ("lat", "la"),
    ("lav", "lv"),
    ("lit", "lt"),
    ("mal", "ml"),
    ("mar", "mr"),
    ("mkd", "mk"),
    ("mya", "my"),
    ("nep", "ne"),
    ("nld", "nl"),
    ("nob", "nb"),
    ("ori", "or"),
    ("pan", "pa"),
    ("pes", "fa"),
    ("pol", "pl"),
    ("por", "pt"),
    ("ron", "ro"),
    ("rus", "ru"),
    ("sin", "si"),
    ("slk", "sk"),
    ("slv", "sl"),
    ("sna", "sn"),
    ("spa", "es"),
    ("srp", "sr"),
    ("swe", "sv"),
    ("tam", "ta"),
    ("tel", "te"),
    ("tgl", "tl"),
    ("tha", "th"),
    ("tuk", "tk"),
    ("tur", "tr"),
    ("ukr", "uk"),
    ("urd", "ur"),
];

/// The ISO 639-1 code of a whatlang language, or its 639-3 code.
pub fn iso639_1(lang: Lang) -> &'static str {
    let code = lang.code();
    ISO_PAIRS
        .iter()
        .find(|(three, _)| *three == code)
        .map_or(code, |(_, two)| two)
}

/// The whatlang language of an ISO 639-1 (or 639-3) code.
pub fn from_iso639_1(code: &str) -> Option<Lang> {
    ISO_PAIRS
        .iter()
        .find(|(_, two)| *two == code)
        .and_then(|(three, _)| Lang::from_code(*three))
        .or_else(|| Lang::from_code(code))
}

/// The English name of a language code, for messages ("Portuguese").
pub fn name(code: &str) -> String {
    from_iso639_1(code).map_or_else(|| code.to_string(), |l| l.eng_name().to_string())
}

/// True when the code is a known ISO 639-1 or 639-3 language code.
pub fn is_known_code(code: &str) -> bool {
    from_iso639_1(code).is_some()
        || (code.len() == 2 && code.chars().all(|c| c.is_ascii_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_and_maps_codes() {
        let lex = Lexicons::embedded();
        let en = detect(
            "The ministers met in the capital on Tuesday and agreed on a new budget for the coming year.",
            &lex,
        );
        assert_eq!(en.code, "en");
        let uk = detect(
            "Міністри зустрілися у столиці у вівторок і домовилися про новий бюджет на наступний рік.",
            &lex,
        );
        assert_eq!(uk.code, "uk");
        assert_eq!(detect("1234 ...", &lex).code, "und");
        // whatlang alone takes this short English text for French.
        let short = detect(
            "The transport minister opened the new tram line in Porto on Monday. On Tuesday the first trains carried 3,200 passengers, the operator said.",
            &lex,
        );
        assert_eq!(short.code, "en");
        assert_eq!(name("pt"), "Portuguese");
        assert_eq!(iso639_1(Lang::Epo), "eo");
    }

    #[test]
    fn sample_cuts_on_char_boundary() {
        assert_eq!(sample("aé", 2), "a");
        assert_eq!(sample("aé", 3), "aé");
    }
}
