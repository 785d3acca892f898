//! driftcheck: checks translated and rewritten versions of one news story
//! against each other and cites the exact bytes of every version as evidence.
//!
//! The stages, each keeping byte offsets into the original text:
//! [`input`] → [`document`] (segmentation, language, boilerplate) →
//! [`extract`] (facts per version: names with [`names`] keys, quotes,
//! speakers, gender signals) → [`story`] (the versions together, with what
//! the checks share) → [`checks`] → [`finding`] → [`report`] → [`render`].
//!
//! ```
//! use driftcheck::{input::RawDocument, lexicon::Lexicons, report::Report, story::{Story, StoryOptions}};
//!
//! let raw = |id: &str, text: &str| RawDocument { id: id.into(), text: text.into(), ..Default::default() };
//! let lexicons = Lexicons::embedded();
//! let story = Story::build(
//!     vec![
//!         raw("a", "The minister met his counterparts in the capital on Friday to discuss the new budget."),
//!         raw("b", "The minister met his counterparts in the capital this Friday (29) to discuss the new budget."),
//!     ],
//!     &StoryOptions::default(),
//!     &lexicons,
//! )
//! .unwrap();
//! let report = Report::check(&story, &lexicons);
//! assert!(report.findings.iter().any(|f| f.kind.name() == "calque"));
//! ```

#![deny(missing_docs)]

pub mod align;
pub mod baseline;
pub mod checks;
pub mod config;
pub mod diff;
pub mod document;
pub mod error;
pub mod extract;
pub mod feed;
pub mod finding;
pub mod hash;
pub mod input;
pub mod lang;
pub mod lexicon;
pub mod memo;
pub mod names;
pub mod policy;
pub mod render;
pub mod report;
pub mod span;
pub mod stem;
pub mod story;
pub mod text;

pub use error::{Error, Result};
