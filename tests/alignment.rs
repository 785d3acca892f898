//! Claim alignment on a paragraph-parallel story written for these tests
//! (`tests/data/parallel/tramline`: English, German, French and Russian):
//! right as it is, and after each perturbation of a rewrite (a paragraph
//! dropped, two merged, one split, one moved, furniture lines added); an
//! addition or omission only where a version really lacks a claim; and the
//! same alignment whatever the order of the inputs.

#[path = "support/parallel.rs"]
mod parallel;

use std::collections::BTreeSet;
use std::path::Path;

use driftcheck::lexicon::Lexicons;
use driftcheck::report::Report;
use driftcheck::story::{Story, StoryOptions};
use parallel::Version;
use proptest::prelude::*;

fn tramline() -> Vec<Version> {
    parallel::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/parallel/tramline"))
}

fn story(versions: &[Version]) -> Story {
    let raws = versions.iter().map(Version::raw).collect();
    Story::build(raws, &StoryOptions::default(), &Lexicons::embedded()).unwrap()
}

/// The groups as sets of (document id, claim start) members.
fn groups(story: &Story) -> BTreeSet<BTreeSet<(String, usize)>> {
    let a = &story.alignment;
    a.groups
        .iter()
        .map(|g| {
            g.members
                .iter()
                .flat_map(|m| {
                    m.claims
                        .iter()
                        .map(|&c| (story.docs[m.doc].id.clone(), a.claims[m.doc][c].span.start))
                })
                .collect()
        })
        .collect()
}

#[test]
fn faithful_translations_align_claim_for_claim() {
    let versions = tramline();
    assert_eq!(versions.len(), 4);
    let s = story(&versions);
    let counts = parallel::score(&s, &versions);
    assert_eq!(counts.right, counts.links, "{counts:?}");
    assert_eq!(counts.found, counts.alignable, "{counts:?}");
    // Ten claims (a headline, nine paragraphs, one of two sentences), each a
    // group of all four versions.
    assert_eq!(s.alignment.groups.len(), 10);
    assert!(s.alignment.groups.iter().all(|g| g.members.len() == 4));
    let report = Report::check(&s, &Lexicons::embedded());
    let coverage: Vec<&str> = report
        .findings
        .iter()
        .filter(|f| matches!(f.kind.name(), "addition" | "omission"))
        .map(|f| f.message.as_str())
        .collect();
    assert!(coverage.is_empty(), "{coverage:#?}");
}

#[test]
fn each_perturbation_keeps_the_alignment_right() {
    let versions = tramline();
    for kind in parallel::PERTURBATIONS {
        let perturbed = parallel::perturb_with("tramline", &versions, &[kind]);
        let counts = parallel::score(&story(&perturbed), &perturbed);
        let (p, r, f) = counts.prf();
        assert!(
            f >= 0.95,
            "{kind}: precision {p:.3}, recall {r:.3}, F1 {f:.3}"
        );
    }
}

#[test]
fn a_dropped_paragraph_is_the_only_omission() {
    let versions = tramline();
    let perturbed = parallel::perturb_with("tramline", &versions, &["drop"]);
    // The perturbation drops one paragraph of the first version (de).
    let kept: BTreeSet<usize> = perturbed[0]
        .lines
        .iter()
        .flat_map(|(_, o)| o.clone())
        .collect();
    let dropped: Vec<usize> = (0..versions[0].lines.len())
        .filter(|k| !kept.contains(k))
        .collect();
    assert_eq!(dropped.len(), 1);
    let s = story(&perturbed);
    let report = Report::check(&s, &Lexicons::embedded());
    let coverage: Vec<_> = report
        .findings
        .iter()
        .filter(|f| matches!(f.kind.name(), "addition" | "omission"))
        .collect();
    assert_eq!(coverage.len(), 1, "{coverage:#?}");
    assert_eq!(coverage[0].kind.name(), "omission");
    // It cites the paragraph in the three other versions, and an empty span
    // in the German one.
    let english = &versions.iter().find(|v| v.id == "en").unwrap();
    let (range, _) = &english.lines[dropped[0]];
    assert!(
        coverage[0]
            .evidence
            .iter()
            .any(|e| e.doc == "en" && range.start <= e.start && e.end <= range.end),
        "{:#?}",
        coverage[0]
    );
    assert!(
        coverage[0]
            .evidence
            .iter()
            .any(|e| e.doc == "de" && e.start == e.end)
    );
}

#[test]
fn a_moved_paragraph_is_paired_out_of_order() {
    let versions = tramline();
    let perturbed = parallel::perturb_with("tramline", &versions, &["move"]);
    let s = story(&perturbed);
    assert!(
        s.alignment
            .groups
            .iter()
            .flat_map(|g| &g.members)
            .any(|m| m.moved),
        "no member was paired out of order"
    );
    let report = Report::check(&s, &Lexicons::embedded());
    assert!(
        !report
            .findings
            .iter()
            .any(|f| matches!(f.kind.name(), "addition" | "omission")),
        "{:#?}",
        report.findings
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// The same versions in any order, any two or more of them, perturbed or
    /// not, align into the same groups.
    #[test]
    fn alignment_does_not_depend_on_input_order(
        keep in prop::collection::vec(any::<bool>(), 4),
        perturbation in prop::option::of(0usize..5),
        rotation in 0usize..4,
        reverse in any::<bool>(),
    ) {
        let all = tramline();
        let mut versions: Vec<Version> = all
            .iter()
            .zip(&keep)
            .filter(|(_, k)| **k)
            .map(|(v, _)| v.clone())
            .collect();
        prop_assume!(versions.len() >= 2);
        if let Some(p) = perturbation {
            versions = parallel::perturb_with("tramline", &versions, &[parallel::PERTURBATIONS[p]]);
        }
        let mut shuffled = versions.clone();
        let len = shuffled.len();
        shuffled.rotate_left(rotation % len);
        if reverse {
            shuffled.reverse();
        }
        prop_assert_eq!(groups(&story(&versions)), groups(&story(&shuffled)));
    }
}
