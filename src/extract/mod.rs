//! Facts extracted from a document's text, each with its byte span:
//! quantities, dates, names, quotes and gender signals. Facts inside
//! boilerplate are kept but flagged, so `driftcheck facts` can show them
//! while the checks skip them.

pub mod name;
pub mod quote;
pub mod speaker;

use crate::document::Document;
use crate::lexicon::Lexicons;

pub use name::{NameMention, NamePart};
pub use quote::{Quote, SpeakerRef};
pub use speaker::{GenderCue, GenderSignal};

mod unify;
pub use unify::unify_names;

/// Every fact of one document.
#[derive(Clone, Debug, Default)]
pub struct Facts {
    /// Names of people, places and organisations, in text order.
    pub names: Vec<NameMention>,
    /// Direct quotes and reported speech, in text order.
    pub quotes: Vec<Quote>,
    /// Gender cues of people, by entity key, in text order.
    pub genders: Vec<GenderSignal>,
}

impl Facts {
    /// Extracts the facts of a document.
    pub fn extract(doc: &Document, lexicons: &Lexicons) -> Facts {
        let (names, mut genders) = name::extract(doc, lexicons);
        let mut quotes = quote::find(doc);
        speaker::attribute(doc, lexicons, &names, &mut quotes, &mut genders);
        genders.sort_by_key(|g| (g.span.start, g.span.end));
        Facts {
            names,
            quotes,
            genders,
        }
    }
}
