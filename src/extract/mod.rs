//! Facts extracted from a document's text, each with its byte span:
//! quantities, dates, names (and, later, quotes). Facts inside boilerplate are
//! kept but flagged, so `driftcheck facts` can show them while the checks
//! skip them.

pub mod date;

use crate::document::Document;
use crate::lexicon::Lexicons;
pub use date::{DateFact, PartialDate, Relative, TimeFact};

/// Every fact of one document.
#[derive(Clone, Debug, Default)]
pub struct Facts {
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
        let lex = lexicons.lang(&doc.language.code);
        let dates = date::extract(doc, lex);
        Facts {
            dates: dates.dates,
            times: dates.times,
            reference_date: dates.reference,
        }
    }
}
