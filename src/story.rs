//! A story: the analysed versions of one news story, and everything the
//! checks share (foreign spans now; facts and alignment as they are built).

use crate::document::Document;
use crate::error::{Error, Result};
use crate::extract::Facts;
use crate::input::RawDocument;
use crate::lang::foreign::{self, ForeignSpan};
use crate::lexicon::Lexicons;

/// Options that shape how a story is analysed and checked.
#[derive(Clone, Debug, Default)]
pub struct StoryOptions {
    /// The id of the version to treat as the truth.
    pub reference: Option<String>,
    /// Languages forced per document id (`--language ID=CODE`).
    pub languages: Vec<(String, String)>,
}

/// The analysed versions of one story.
#[derive(Debug)]
pub struct Story {
    /// The versions, sorted by id.
    pub docs: Vec<Document>,
    /// Index of the reference version, if one was named.
    pub reference: Option<usize>,
    /// Foreign spans of each version (same order as `docs`).
    pub foreign: Vec<Vec<ForeignSpan>>,
    /// Facts of each version (same order as `docs`).
    pub facts: Vec<Facts>,
}

impl Story {
    /// Analyses raw versions into a story.
    pub fn build(
        mut raws: Vec<RawDocument>,
        options: &StoryOptions,
        lexicons: &Lexicons,
    ) -> Result<Story> {
        for (id, code) in &options.languages {
            let Some(at) = raws.iter().position(|r| &r.id == id) else {
                return Err(Error::UnknownDocument {
                    option: "--language".into(),
                    id: id.clone(),
                    known: known_ids(&raws),
                });
            };
            raws[at].language = Some(code.clone());
        }
        if let Some(id) = &options.reference {
            if !raws.iter().any(|r| &r.id == id) {
                return Err(Error::UnknownDocument {
                    option: "--reference".into(),
                    id: id.clone(),
                    known: known_ids(&raws),
                });
            }
        }
        raws.sort_by(|a, b| a.id.cmp(&b.id));
        let docs: Vec<Document> = raws
            .into_iter()
            .map(|r| Document::analyze(r, lexicons))
            .collect();
        let reference = options
            .reference
            .as_ref()
            .and_then(|id| docs.iter().position(|d| &d.id == id));
        let foreign = docs.iter().map(|d| foreign::find(d, lexicons)).collect();
        let facts = docs.iter().map(|d| Facts::extract(d, lexicons)).collect();
        Ok(Story {
            docs,
            reference,
            foreign,
            facts,
        })
    }

    /// The position of a document id in [`Story::docs`] (unknown ids last):
    /// a binary search, as the documents are sorted by id.
    pub fn doc_index(&self, id: &str) -> usize {
        self.docs
            .binary_search_by(|d| d.id.as_str().cmp(id))
            .unwrap_or(usize::MAX)
    }
}

/// The ids for an error message: all of a few, the first ones of many.
fn known_ids(raws: &[RawDocument]) -> String {
    const SHOWN: usize = 20;
    let mut ids: Vec<&str> = raws.iter().map(|r| r.id.as_str()).collect();
    ids.sort_unstable();
    let mut list = ids[..ids.len().min(SHOWN)].join(", ");
    if ids.len() > SHOWN {
        list.push_str(&format!(", ... ({} in all)", ids.len()));
    }
    list
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_ids_list_a_few_known_ones() {
        let raws: Vec<RawDocument> = (0..30)
            .map(|i| RawDocument {
                id: format!("v{i:02}"),
                ..Default::default()
            })
            .collect();
        let options = StoryOptions {
            reference: Some("nope".into()),
            ..Default::default()
        };
        let err = Story::build(raws, &options, &Lexicons::embedded()).unwrap_err();
        let message = err.to_string();
        assert!(
            message.contains("v00, v01") && message.contains("v19, ... (30 in all)"),
            "{message}"
        );
        assert!(!message.contains("v20"), "{message}");
    }
}
