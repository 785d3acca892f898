//! Checks: each one small unit behind [`Check`], registered in [`REGISTRY`],
//! with its own documentation (`driftcheck explain <kind>`).

mod calque;
mod name_variant;
mod untranslated;

use crate::finding::{Finding, Kind};
use crate::lexicon::Lexicons;
use crate::story::Story;

/// One check over a story's versions.
pub trait Check: Sync {
    /// The kind of finding it reports.
    fn kind(&self) -> Kind;
    /// What it flags, how, its severity policy, and an example: the text of
    /// `driftcheck explain <kind>`.
    fn explain(&self) -> &'static str;
    /// Its findings for one story.
    fn run(&self, story: &Story, lexicons: &Lexicons) -> Vec<Finding>;
}

/// Every check, in report order.
pub static REGISTRY: &[&dyn Check] = &[
    &untranslated::Untranslated,
    &calque::Calque,
    &name_variant::NameVariant,
];

/// The check that reports a kind, if one is registered.
pub fn for_kind(kind: Kind) -> Option<&'static dyn Check> {
    REGISTRY.iter().copied().find(|c| c.kind() == kind)
}
