//! Facts extracted from a document's text, each with its byte span:
//! quantities, dates, names, quotes and gender signals. Facts inside
//! boilerplate are kept but flagged, so `driftcheck facts` can show them
//! while the checks skip them.

pub mod name;
pub mod quantity;
pub mod quote;
pub mod speaker;

pub mod date;

use crate::document::Document;
use crate::lexicon::Lexicons;
use quantity::Quantity;

pub use name::{NameMention, NamePart};
pub use quote::{Quote, SpeakerRef};
pub use speaker::{GenderCue, GenderSignal};

mod unify;
pub use date::{DateFact, PartialDate, Relative, TimeFact};
pub use unify::unify_names;

/// Every fact of one document.
#[derive(Clone, Debug, Default)]
pub struct Facts {
    /// Numbers and quantities, in text order.
    pub quantities: Vec<Quantity>,
    /// Names of people, places and organisations, in text order.
    pub names: Vec<NameMention>,
    /// Direct quotes and reported speech, in text order.
    pub quotes: Vec<Quote>,
    /// Gender cues of people, by entity key, in text order.
    pub genders: Vec<GenderSignal>,
    /// Dates, in text order. Numbers inside their spans are days and years,
    /// not quantities.
    pub dates: Vec<DateFact>,
    /// Clock times, in text order; their numbers are not quantities either.
    pub times: Vec<TimeFact>,
    /// The date relative dates were resolved against: the publication date,
    /// or the document's dateline.
    pub reference_date: Option<PartialDate>,
}

impl Facts {
    /// Extracts the facts of a document.
    pub fn extract(doc: &Document, lexicons: &Lexicons) -> Facts {
        let (names, mut genders) = name::extract(doc, lexicons);
        let mut quotes = quote::find(doc);
        speaker::attribute(doc, lexicons, &names, &mut quotes, &mut genders);
        genders.sort_by_key(|g| (g.span.start, g.span.end));
        let lex = lexicons.lang(&doc.language.code);
        let dates = date::extract(doc, lex);
        // Days, years and clock times are parts of dates, not quantities.
        let mut quantities = quantity::extract_document(doc, lexicons);
        quantities.retain(|q| !date::covers(&dates.dates, &dates.times, q.number));
        let mut facts = Facts {
            quantities,
            dates: dates.dates,
            times: dates.times,
            reference_date: dates.reference,
            names,
            quotes,
            genders,
        };
        // A story keeps its facts to the end: without the slack of vectors
        // grown by doubling.
        facts.quantities.shrink_to_fit();
        facts.dates.shrink_to_fit();
        facts.times.shrink_to_fit();
        facts.names.shrink_to_fit();
        facts.quotes.shrink_to_fit();
        facts.genders.shrink_to_fit();
        facts
    }
}

/// Helpers for the extraction tests.
#[cfg(test)]
pub(crate) mod testing {
    use super::Facts;
    use crate::document::Document;
    use crate::input::RawDocument;
    use crate::lexicon::Lexicons;

    /// A document in a given language.
    pub fn doc(lang: &str, text: &str) -> Document {
        Document::analyze(
            RawDocument {
                id: lang.into(),
                text: text.into(),
                language: Some(lang.into()),
                ..Default::default()
            },
            &Lexicons::embedded(),
        )
    }

    /// A document and its facts.
    pub fn facts(lang: &str, text: &str) -> (Document, Facts) {
        let d = doc(lang, text);
        let f = Facts::extract(&d, &Lexicons::embedded());
        (d, f)
    }

    /// (name text, key, entity type) of every mention.
    pub fn names(lang: &str, text: &str) -> Vec<(String, String, &'static str)> {
        let (d, f) = facts(lang, text);
        f.names
            .iter()
            .map(|m| (d.slice(m.span).to_string(), m.key.clone(), m.entity.name()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::testing::facts;

    fn check_spans(text: &str, lang: &str) {
        let (d, f) = facts(lang, text);
        let ok = |s: crate::span::Span| {
            s.start <= s.end
                && s.end <= d.text.len()
                && d.text.is_char_boundary(s.start)
                && d.text.is_char_boundary(s.end)
        };
        for m in &f.names {
            assert!(ok(m.span), "{m:?}");
            assert!(
                m.parts
                    .iter()
                    .all(|p| ok(p.span) && m.span.contains(&p.span))
            );
        }
        for q in &f.quotes {
            assert!(
                ok(q.span) && ok(q.inner) && q.span.contains(&q.inner),
                "{q:?}"
            );
            assert!(q.verb_span.is_none_or(ok));
            assert!(q.speaker.as_ref().is_none_or(|s| ok(s.span)));
        }
        assert!(f.genders.iter().all(|g| ok(g.span)));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn never_panics_and_spans_are_slices(text in "\\PC{0,200}", lang in prop::sample::select(vec!["en", "pt", "es", "de", "fr", "it", "uk", "ru"])) {
            check_spans(&text, lang);
        }

        #[test]
        fn quote_marks_and_names_never_break_spans(
            parts in prop::collection::vec(prop::sample::select(vec![
                "“", "”", "„", "«", "»", "‹", "›", "‚", "‘", "’", "'", "\"", "— ", " ", ", ", ". ", "\n", "\n\n",
                "Olena", "Kovalenko's", "Коваленка", "von", "der", "said", "сказала", "вона", "she", "Mr.", "Frau",
                "Президент", "that", "que", "dass", "ї", "é", "😀", "A", "-",
            ]), 0..40),
            lang in prop::sample::select(vec!["en", "pt", "de", "fr", "uk", "ru"]),
        ) {
            check_spans(&parts.concat(), lang);
        }
    }
}
