//! A story: the analysed versions of one news story, and everything the
//! checks share (foreign spans now; facts and alignment as they are built).

use crate::align::Alignment;
use crate::document::Document;
use crate::error::{Error, Result};
use crate::extract::Facts;
use crate::input::RawDocument;
use crate::lang::Language;
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

/// One version analysed on its own: everything about it that does not
/// depend on the other versions.
#[derive(Clone, Debug)]
pub struct Analyzed {
    /// The analysed document.
    pub doc: Document,
    /// Its foreign spans.
    pub foreign: Vec<ForeignSpan>,
    /// Its facts.
    pub facts: Facts,
}

impl Analyzed {
    /// Analyses one raw version: document model, foreign spans, facts.
    pub fn new(raw: RawDocument, lexicons: &Lexicons) -> Analyzed {
        let language = Document::language_of(&raw, lexicons);
        Analyzed::in_language(raw, language, lexicons)
    }

    /// Analyses one raw version whose language is already known (see
    /// [`Document::language_of`]).
    pub fn in_language(raw: RawDocument, language: Language, lexicons: &Lexicons) -> Analyzed {
        Analyzed::of_document(Document::analyze_in(raw, language, lexicons), lexicons)
    }

    /// The foreign spans and facts of an analysed document.
    pub fn of_document(doc: Document, lexicons: &Lexicons) -> Analyzed {
        let foreign = foreign::find(&doc, lexicons);
        let facts = Facts::extract(&doc, lexicons);
        Analyzed {
            doc,
            foreign,
            facts,
        }
    }
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
    /// The claims of every version, aligned across versions.
    pub alignment: Alignment,
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
        // Every language first: the detector's tables stay in the cache
        // from one version to the next instead of being evicted by each
        // version's analysis.
        let languages: Vec<Language> = raws
            .iter()
            .map(|r| Document::language_of(r, lexicons))
            .collect();
        let versions = raws
            .into_iter()
            .zip(languages)
            .map(|(r, language)| Analyzed::in_language(r, language, lexicons))
            .collect();
        Ok(Story::from_analyzed(
            versions,
            options.reference.as_deref(),
            lexicons,
        ))
    }

    /// Assembles a story from versions analysed one by one (a feed analyses
    /// each line once, in parallel, before it knows the line's story).
    /// `reference` names a version by id; an unknown id names none.
    pub fn from_analyzed(
        mut versions: Vec<Analyzed>,
        reference: Option<&str>,
        lexicons: &Lexicons,
    ) -> Story {
        versions.sort_by(|a, b| a.doc.id.cmp(&b.doc.id));
        let reference = reference.and_then(|id| versions.iter().position(|v| v.doc.id == id));
        let mut docs = Vec::with_capacity(versions.len());
        let mut foreign = Vec::with_capacity(versions.len());
        let mut facts = Vec::with_capacity(versions.len());
        for v in versions {
            docs.push(v.doc);
            foreign.push(v.foreign);
            facts.push(v.facts);
        }
        // Equal keys must mean one entity across versions before anything compares them.
        crate::extract::unify_names(&mut facts);
        let alignment = Alignment::build(&docs, &facts, lexicons, reference);
        Story {
            docs,
            reference,
            foreign,
            facts,
            alignment,
        }
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
