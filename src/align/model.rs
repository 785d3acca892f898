//! The pair model: how likely two claims (or runs of consecutive claims)
//! of two versions are translations of each other, from signals that
//! survive translation, as a log-likelihood ratio (nats) against their
//! being neighbouring claims that say other things.
//!
//! The signals, after Gale & Church (1993) for length and hunalign for
//! lexical anchors:
//! - **length**: the log probability of the two lengths in characters
//!   under Gale & Church's model, with the expected ratio of the two
//!   languages ([`expansion`]);
//! - **anchors**: weighted overlap of numbers, dates, name keys and
//!   acronyms, and whether only one side has any;
//! - **cognates**: weighted overlap of the words' cognate keys;
//! - **concepts**: overlap of concept and glossary ids (a weak signal);
//! - **words**: weighted overlap of stems, within one language;
//! - **marks**: quote marks, brackets and question marks both or only one
//!   side carries.
//!
//! The coefficients were fitted by logistic regression
//! (`benches/align_calibration.py fit`) on the paragraph-parallel stories of
//! the WMT news test sets (the development set `../shared/realnews/`):
//! 78,000 pairs of single-sentence paragraphs, true pairs against the
//! paragraphs one and two places away; the constant is the intercept less
//! the prior log-odds of that set, so a score is a log-likelihood ratio
//! against a neighbouring claim.

use serde::Serialize;

use super::claim::Claim;
use super::weights::Weights;

/// Expected length of a text in a language relative to its English
/// translation, in characters. Measured on the realnews stories (English
/// against German 1.18, Russian 1.01, Ukrainian 0.93; German against
/// French 1.04); Spanish, Italian and Portuguese from their usual ratio
/// to English. Languages not listed count as English.
pub fn expansion(lang: &str) -> f64 {
    match lang {
        "de" => 1.18,
        "fr" => 1.20,
        "es" | "it" | "pt" => 1.15,
        "ru" => 1.03,
        "uk" => 0.95,
        _ => 1.0,
    }
}

/// Variance of a translation's length per character of the original
/// (Gale & Church's s²; 6.8 in their data, 2 to 6 in news paragraphs).
const LENGTH_VARIANCE: f64 = 4.0;
/// The floor of the length term: beyond it, lengths say nothing more.
const LENGTH_FLOOR: f64 = -25.0;

/// What the model observes of a pair: the raw signals.
#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct Observed {
    /// Log probability of the two lengths (0 at the expected ratio,
    /// negative as they part).
    pub length: f64,
    /// Weighted Dice of the anchors (0 when either side has none).
    pub anchors: f64,
    /// 1 when both sides have anchors.
    pub anchors_both: f64,
    /// 1 when only one side has anchors.
    pub anchors_one: f64,
    /// Weighted Dice of the cognate keys.
    pub cognates: f64,
    /// Dice of the concept and glossary ids.
    pub concepts: f64,
    /// Weighted Dice of the stems (same language only).
    pub words: f64,
    /// Marks both sides carry.
    pub marks_both: f64,
    /// Marks only one side carries.
    pub marks_one: f64,
}

/// Coefficients of one model (nats per unit of each signal).
#[derive(Clone, Copy, Debug)]
struct Coefficients {
    bias: f64,
    length: f64,
    anchors: f64,
    anchors_both: f64,
    anchors_one: f64,
    cognates: f64,
    concepts: f64,
    words: f64,
    marks_both: f64,
    marks_one: f64,
}

/// Versions in two languages.
const CROSS: Coefficients = Coefficients {
    bias: 1.13,
    length: 0.72,
    anchors: 4.20,
    anchors_both: -2.41,
    anchors_one: -2.19,
    cognates: 19.56,
    concepts: 3.35,
    words: 0.0,
    marks_both: 0.71,
    marks_one: -1.11,
};

/// Versions in one language.
const SAME: Coefficients = Coefficients {
    bias: -1.22,
    length: 0.60,
    anchors: 2.56,
    anchors_both: -2.39,
    anchors_one: -1.84,
    cognates: 7.88,
    concepts: 0.38,
    words: 6.61,
    marks_both: 0.63,
    marks_one: -1.14,
};

/// What each signal contributed to a pair's log-likelihood ratio (nats),
/// for people to see why two claims were or were not paired.
#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct Signals {
    /// Lengths in characters.
    pub length: f64,
    /// Shared numbers, dates, names and acronyms.
    pub anchors: f64,
    /// Shared cognates.
    pub cognates: f64,
    /// Shared concept and glossary ids.
    pub glossary: f64,
    /// Shared stems (same language).
    pub words: f64,
    /// Punctuation marks.
    pub marks: f64,
    /// The constant of the model.
    pub base: f64,
}

impl Signals {
    /// The log-likelihood ratio: the sum of the contributions.
    pub fn total(&self) -> f64 {
        self.length
            + self.anchors
            + self.cognates
            + self.glossary
            + self.words
            + self.marks
            + self.base
    }
}

/// The standard normal's two-sided tail beyond `|z|`, as a natural
/// logarithm: ln erfc(|z|/√2) (Numerical Recipes' erfcc, accurate to about
/// 1e-7 relative, and usable far in the tail because it is computed in
/// logarithms).
fn ln_two_sided_tail(z: f64) -> f64 {
    let x = z.abs() / std::f64::consts::SQRT_2;
    let t = 1.0 / (1.0 + 0.5 * x);
    let poly = -1.265_512_23
        + t * (1.000_023_68
            + t * (0.374_091_96
                + t * (0.096_784_18
                    + t * (-0.186_288_06
                        + t * (0.278_868_07
                            + t * (-1.135_203_98
                                + t * (1.488_515_87 + t * (-0.822_152_23 + t * 0.170_872_77))))))));
    t.ln() - x * x + poly
}

/// The length signal of two lengths in characters in two languages.
pub fn length_signal(a_chars: usize, a_lang: &str, b_chars: usize, b_lang: &str) -> f64 {
    // Both lengths in English characters, so the pair's order does not
    // matter.
    let la = a_chars.max(1) as f64 / expansion(a_lang);
    let lb = b_chars.max(1) as f64 / expansion(b_lang);
    let delta = (lb - la) / (LENGTH_VARIANCE * (la + lb) / 2.0).sqrt();
    ln_two_sided_tail(delta).max(LENGTH_FLOOR)
}

/// Observes a pair of claims (each possibly several joined,
/// [`Claim::joined`]).
pub fn observe(a: &Claim, b: &Claim, a_lang: &str, b_lang: &str, weights: &Weights) -> Observed {
    let same = a_lang == b_lang;
    let (a_has, b_has) = (!a.anchors().is_empty(), !b.anchors().is_empty());
    let (marks_both, marks_one) = a.marks.compare(b.marks);
    Observed {
        length: length_signal(a.chars, a_lang, b.chars, b_lang),
        anchors: weights.dice_of(a.anchors(), a.totals[3], b.anchors(), b.totals[3]),
        anchors_both: f64::from(u8::from(a_has && b_has)),
        anchors_one: f64::from(u8::from(a_has != b_has)),
        cognates: weights.dice_of(a.cognates(), a.totals[1], b.cognates(), b.totals[1]),
        concepts: weights.dice_of(a.concepts(), a.totals[2], b.concepts(), b.totals[2]),
        words: if same {
            weights.dice_of(a.stems(), a.totals[0], b.stems(), b.totals[0])
        } else {
            0.0
        },
        marks_both: f64::from(marks_both),
        marks_one: f64::from(marks_one),
    }
}

/// The contributions of each signal of an observed pair.
pub fn signals(o: &Observed, same_language: bool) -> Signals {
    let c = if same_language { &SAME } else { &CROSS };
    Signals {
        length: c.length * o.length,
        anchors: c.anchors * o.anchors
            + c.anchors_both * o.anchors_both
            + c.anchors_one * o.anchors_one,
        cognates: c.cognates * o.cognates,
        glossary: c.concepts * o.concepts,
        words: c.words * o.words,
        marks: c.marks_both * o.marks_both + c.marks_one * o.marks_one,
        base: c.bias,
    }
}

/// What the words of a pair share, in nats: the lexical part of its score
/// (shared anchors, cognates, concepts and stems), without lengths, marks
/// and the constant. A claim joined to another in a bead must share
/// something with the other side, or the bead would only borrow its
/// neighbour's score.
pub fn support(o: &Observed, same_language: bool) -> f64 {
    let c = if same_language { &SAME } else { &CROSS };
    c.anchors * o.anchors + c.cognates * o.cognates + c.concepts * o.concepts + c.words * o.words
}

/// The log-likelihood ratio of a pair that shares no feature: what lengths,
/// marks and the presence of anchors say (the overlaps are all 0).
pub fn score_disjoint(a: &Claim, b: &Claim, a_lang: &str, b_lang: &str) -> f64 {
    let (a_has, b_has) = (!a.anchors().is_empty(), !b.anchors().is_empty());
    let (marks_both, marks_one) = a.marks.compare(b.marks);
    let o = Observed {
        length: length_signal(a.chars, a_lang, b.chars, b_lang),
        anchors_both: f64::from(u8::from(a_has && b_has)),
        anchors_one: f64::from(u8::from(a_has != b_has)),
        marks_both: f64::from(marks_both),
        marks_one: f64::from(marks_one),
        ..Observed::default()
    };
    signals(&o, a_lang == b_lang).total()
}

/// The log-likelihood ratio of a pair and its [`support`].
pub fn score(a: &Claim, b: &Claim, a_lang: &str, b_lang: &str, weights: &Weights) -> (f64, f64) {
    let same = a_lang == b_lang;
    let o = observe(a, b, a_lang, b_lang, weights);
    (signals(&o, same).total(), support(&o, same))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn length_signal_peaks_at_the_expected_ratio() {
        // German runs longer than English: 118 German characters for 100
        // English ones is the expected ratio.
        let at = length_signal(100, "en", 118, "de");
        assert!(at > -0.05, "{at}");
        assert!(length_signal(100, "en", 100, "de") < at);
        assert!(length_signal(100, "en", 250, "de") < -10.0);
        // Symmetric in the order of the pair.
        let ab = length_signal(80, "en", 120, "ru");
        let ba = length_signal(120, "ru", 80, "en");
        assert!((ab - ba).abs() < 1e-9, "{ab} {ba}");
        // Never below the floor, however far apart.
        assert_eq!(length_signal(1, "en", 5000, "de"), LENGTH_FLOOR);
    }

    #[test]
    fn tail_matches_known_values() {
        // P(|Z| > 1.96) = 0.05, P(|Z| > 0) = 1.
        assert!((ln_two_sided_tail(1.96) - 0.05f64.ln()).abs() < 1e-3);
        assert!(ln_two_sided_tail(0.0).abs() < 1e-6);
        assert!(ln_two_sided_tail(10.0) < -50.0);
    }
}
