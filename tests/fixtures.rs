//! Snapshot tests of the reports on the embedded fixture stories. A change in
//! any finding shows up as a reviewable diff (`cargo insta review`, or
//! `INSTA_UPDATE=always cargo test` then `git diff`).

use std::path::PathBuf;

use driftcheck::input::read_inputs;
use driftcheck::lexicon::Lexicons;
use driftcheck::render::{Format, render};
use driftcheck::report::Report;
use driftcheck::story::{Story, StoryOptions};

fn report(story: &str, format: Format) -> String {
    let lexicons = Lexicons::embedded();
    let raws = read_inputs(&[PathBuf::from(format!("fixtures/{story}"))]).expect("fixture reads");
    let story = Story::build(raws, &StoryOptions::default(), &lexicons).expect("story builds");
    let report = Report::check(&story, &lexicons);
    let mut out = Vec::new();
    render(&report, format, &mut out).expect("renders");
    String::from_utf8(out).expect("UTF-8")
}

#[test]
fn port_strike_json() {
    insta::assert_snapshot!(report("port-strike", Format::Json));
}

#[test]
fn port_strike_table() {
    insta::assert_snapshot!(report("port-strike", Format::Table));
}

#[test]
fn cup_final_json() {
    insta::assert_snapshot!(report("cup-final", Format::Json));
}

#[test]
fn cup_final_markdown() {
    insta::assert_snapshot!(report("cup-final", Format::Markdown));
}

/// Four faithful versions (English, French, Italian, Russian; English,
/// Spanish, Portuguese, Italian): every claim aligns across the languages and
/// nothing is reported.
#[test]
fn faithful_versions_are_clean() {
    for fixture in ["rate-decision", "cup-semifinal"] {
        faithful_story_is_clean(fixture);
    }
}

fn faithful_story_is_clean(fixture: &str) {
    let lexicons = Lexicons::embedded();
    let raws = read_inputs(&[PathBuf::from(format!("fixtures/{fixture}"))]).expect("fixture reads");
    let story = Story::build(raws, &StoryOptions::default(), &lexicons).expect("story builds");
    let report = Report::check(&story, &lexicons);
    let found: Vec<String> = report
        .findings
        .iter()
        .map(|f| format!("{} {}: {}", f.kind, f.severity, f.message))
        .collect();
    assert!(found.is_empty(), "{fixture}: {found:#?}");
    let full = story
        .alignment
        .groups
        .iter()
        .filter(|g| g.members.len() == story.docs.len())
        .count();
    assert_eq!(
        full,
        story.alignment.groups.len(),
        "every claim in all four versions"
    );
}

/// No untranslated span or calque lands on a person's, place's or
/// organisation's name, in the fixtures (and in the seed stories when the
/// shared material is checked out beside the project).
#[test]
fn foreign_spans_and_calques_avoid_names() {
    let lexicons = Lexicons::embedded();
    let mut dirs = vec![
        PathBuf::from("fixtures/port-strike"),
        PathBuf::from("fixtures/cup-final"),
        PathBuf::from("fixtures/rate-decision"),
        PathBuf::from("fixtures/cup-semifinal"),
    ];
    let seeds = PathBuf::from("../shared/seeds");
    if seeds.is_dir() {
        dirs.push(seeds);
    }
    let mut checked = 0;
    for dir in dirs {
        let raws = read_inputs(std::slice::from_ref(&dir)).expect("reads");
        let story = Story::build(raws, &StoryOptions::default(), &lexicons).expect("builds");
        let report = Report::check(&story, &lexicons);
        for f in report
            .findings
            .iter()
            .filter(|f| matches!(f.kind.name(), "untranslated_span" | "calque"))
        {
            for e in &f.evidence {
                let d = story.doc_index(&e.doc);
                let span = e.span();
                // A capitalised word of unknown kind inside a foreign span is
                // just a word of that language (German nouns), not a name.
                let hit = story.facts[d]
                    .names
                    .iter()
                    .find(|n| n.span.overlaps(&span) && n.entity.name() != "unknown");
                assert!(
                    hit.is_none(),
                    "{}: {} on the name {:?} in {}",
                    f.kind,
                    e.text,
                    hit.map(|n| &n.key),
                    e.doc
                );
                checked += 1;
            }
        }
    }
    assert!(
        checked >= 8,
        "the fixtures have untranslated spans and calques to check ({checked})"
    );
}
