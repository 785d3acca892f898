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
