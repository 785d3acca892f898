//! Mutation test: one change at a time to one version of a fixture story,
//! each caught with the right kind, and the unchanged control clean.
//!
//! The story is the port-strike fixture without its deliberately drifted
//! version: the English wire story, an exact copy of it (the version that is
//! mutated), and the Portuguese and Ukrainian versions.

use std::path::PathBuf;

use driftcheck::finding::{Finding, Kind, Severity};
use driftcheck::input::{RawDocument, read_inputs};
use driftcheck::lexicon::Lexicons;
use driftcheck::report::Report;
use driftcheck::story::{Story, StoryOptions};

const MUTANT: &str = "e_copy_en";

/// A mutation: what it changes, the kind that must catch it, the change.
type Mutation = (&'static str, Kind, Box<dyn Fn(&str) -> String>);

fn versions() -> Vec<RawDocument> {
    let dir = PathBuf::from("fixtures/port-strike");
    let mut raws: Vec<RawDocument> = read_inputs(&[dir])
        .expect("fixture reads")
        .into_iter()
        .filter(|r| r.id != "b_portal_en")
        .collect();
    let mut copy = raws
        .iter()
        .find(|r| r.id == "a_wire_en")
        .expect("wire story")
        .clone();
    copy.id = MUTANT.to_string();
    raws.push(copy);
    raws
}

fn check_with(mutate: impl Fn(&str) -> String) -> Vec<Finding> {
    let mut raws = versions();
    for r in raws.iter_mut().filter(|r| r.id == MUTANT) {
        r.text = mutate(&r.text);
    }
    let lexicons = Lexicons::embedded();
    let story = Story::build(raws, &StoryOptions::default(), &lexicons).expect("story builds");
    Report::check(&story, &lexicons).findings
}

/// Replaces `from` (which must occur exactly once) with `to`.
fn replace(from: &'static str, to: &'static str) -> impl Fn(&str) -> String {
    move |text: &str| {
        assert_eq!(text.matches(from).count(), 1, "{from:?} occurs once");
        text.replacen(from, to, 1)
    }
}

fn cites_mutant(f: &Finding) -> bool {
    f.evidence.iter().any(|e| e.doc == MUTANT) || f.message.contains(MUTANT)
}

#[test]
fn control_has_no_errors() {
    let f = check_with(|t| t.to_string());
    let errors: Vec<String> = f
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| format!("{}: {}", f.kind, f.message))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // The copy only ever appears beside the wire story it copies.
    for finding in f.iter().filter(|f| cites_mutant(f)) {
        let twin = finding.evidence.iter().any(|e| e.doc == "a_wire_en")
            || finding.message.contains("a_wire_en");
        assert!(twin, "the unchanged copy stands alone in {finding:#?}");
    }
}

#[test]
fn every_mutation_is_caught_with_its_kind() {
    let mutations: Vec<Mutation> = vec![
        (
            "a number",
            Kind::NumericDrift,
            Box::new(replace(
                "About 1,200 dockworkers",
                "About 1,500 dockworkers",
            )),
        ),
        (
            "a date",
            Kind::DateDrift,
            Box::new(replace("on November 18-19", "on November 25-26")),
        ),
        (
            "a negation",
            Kind::PolarityDrift,
            Box::new(replace(
                "The workers did not choose this strike",
                "The workers chose this strike",
            )),
        ),
        (
            "a speaker",
            Kind::AttributionDrift,
            Box::new(replace("out,\" Ferreira said.", "out,\" Marques said.")),
        ),
        (
            "a pronoun",
            Kind::PronounDrift,
            Box::new(replace("she said in a statement", "he said in a statement")),
        ),
        (
            "a quote word",
            Kind::QuoteDrift,
            Box::new(replace(
                "our patience has run out",
                "our patience is exhausted",
            )),
        ),
        (
            "a deleted sentence",
            Kind::Omission,
            Box::new(replace(
                "The union is demanding a 6% pay rise, while the operators have offered 3.5%, union leader Joaquim Ferreira told reporters in Lisbon.",
                "",
            )),
        ),
        (
            "an added sentence",
            Kind::Addition,
            Box::new(replace(
                "broke down.\n",
                "broke down.\n\nThe port authority said it would hire 300 extra workers before the summer.\n",
            )),
        ),
        (
            "a respelled name",
            Kind::NameVariant,
            Box::new(|t: &str| t.replace("Ferreira", "Fereira")),
        ),
        (
            "a phrase left in Portuguese",
            Kind::UntranslatedSpan,
            Box::new(replace("has run out,", "has run out [dos trabalhadores],")),
        ),
        (
            "a source convention",
            Kind::Calque,
            Box::new(replace(
                "their union said on Thursday",
                "their union said this Thursday (14)",
            )),
        ),
    ];
    let control = check_with(|t| t.to_string());
    let mut missed = Vec::new();
    for (what, kind, mutate) in &mutations {
        let findings = check_with(mutate);
        // Caught: a finding of the kind, about the mutant, that the control lacks.
        let caught = findings
            .iter()
            .any(|f| f.kind == *kind && cites_mutant(f) && !control.contains(f));
        if !caught {
            let got: Vec<String> = findings
                .iter()
                .filter(|f| cites_mutant(f))
                .map(|f| format!("{}: {}", f.kind, f.message))
                .collect();
            missed.push(format!(
                "{what} ({kind}) not caught; findings on the mutant: {got:#?}"
            ));
        }
    }
    assert!(missed.is_empty(), "{}", missed.join("\n"));
}
