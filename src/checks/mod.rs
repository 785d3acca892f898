//! Checks: each one small unit behind [`Check`], registered in [`REGISTRY`],
//! with its own documentation (`driftcheck explain <kind>`).

mod attribution;
mod calque;
mod coverage;
mod date;
mod entities;
mod name_variant;
mod numeric;
pub mod polarity;
mod pronoun;
mod quote;
mod support;
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
    /// True when the check compares versions and so has nothing to say about
    /// a story of one version (a feed checks single versions too).
    fn compares_versions(&self) -> bool {
        true
    }
    /// True when the check reads the story's facts ([`Story::facts`]);
    /// [`crate::report::Report::check_releasing`] releases them before the
    /// checks that do not.
    fn reads_facts(&self) -> bool {
        true
    }
    /// True when the check compares claims by their features (similarity,
    /// the pair model's signals); [`crate::report::Report::check_releasing`]
    /// releases them after these checks.
    fn reads_claim_features(&self) -> bool {
        false
    }
    /// Its findings for one story.
    fn run(&self, story: &Story, lexicons: &Lexicons) -> Vec<Finding>;
    /// Its findings for one story, added to `out`. A check that may report
    /// very many findings (an addition per claim of a long document) gives
    /// `out` exactly the room they take, instead of a vector of its own
    /// that would then be copied into a larger one.
    fn run_into(&self, story: &Story, lexicons: &Lexicons, out: &mut Vec<Finding>) {
        let mut list = self.run(story, lexicons);
        if out.is_empty() && out.capacity() <= list.capacity() {
            *out = list;
        } else {
            out.append(&mut list);
        }
    }
}

/// Every check, in report order.
pub static REGISTRY: &[&dyn Check] = &[
    &untranslated::Untranslated,
    &calque::Calque,
    &name_variant::NameVariant,
    &numeric::NumericDrift,
    &date::DateDrift,
    &polarity::Polarity,
    &attribution::AttributionDrift,
    &pronoun::PronounDrift,
    &quote::QuoteDrift,
    &coverage::Addition,
    &coverage::Omission,
];

/// The check that reports a kind, if one is registered.
pub fn for_kind(kind: Kind) -> Option<&'static dyn Check> {
    REGISTRY.iter().copied().find(|c| c.kind() == kind)
}
