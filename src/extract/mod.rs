//! Facts extracted from a document's text, each with its byte span:
//! quantities, dates, names (and, later, quotes). Facts inside boilerplate are
//! kept but flagged, so `driftcheck facts` can show them while the checks
//! skip them.

pub mod quantity;

use crate::document::Document;
use crate::lexicon::Lexicons;
use quantity::Quantity;

/// Every fact of one document.
#[derive(Clone, Debug, Default)]
pub struct Facts {
    /// Numbers and quantities, in text order.
    pub quantities: Vec<Quantity>,
}

impl Facts {
    /// Extracts the facts of a document.
    pub fn extract(doc: &Document, lexicons: &Lexicons) -> Facts {
        Facts {
            quantities: quantity::extract_document(doc, lexicons),
        }
    }
}
