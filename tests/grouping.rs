//! Story grouping without story keys, scored pairwise (precision, recall,
//! F1) against the truth:
//!
//! - templated stories (tests/support/templated.rs): market closes, match
//!   reports, casualty updates and election tallies from one template each,
//!   in six languages and the spellings of their feeds, with recurring
//!   people and places and one drifted number in every other story: one
//!   story a day, and four a day;
//! - the real translated stories of `../shared/realnews/` spread over three
//!   days (tests/support/realnews.rs), when that folder is beside the
//!   project; the test says it skipped otherwise.
//!
//! The figures are printed (`cargo test --test grouping -- --nocapture`).

#[path = "support/feedgen.rs"]
mod feedgen;
#[path = "support/grouping.rs"]
mod grouping;
#[path = "support/realnews.rs"]
mod realnews;
#[path = "support/templated.rs"]
mod templated;

use driftcheck::feed::FeedOptions;

fn templated_score(per_day: usize) -> grouping::Score {
    let spec = templated::Spec {
        stories: 200,
        per_day,
        seed: 1,
        keys: false,
    };
    let feed = templated::generate(&spec);
    let score = grouping::score(&feed, &grouping::group(&feed, &FeedOptions::default()));
    println!("templated feed, {per_day} a day: {score}");
    score
}

#[test]
fn templated_stories_a_day_apart_stay_apart() {
    let score = templated_score(1);
    assert!(score.f1 >= 0.98, "{score}");
}

#[test]
fn templated_stories_four_a_day_stay_apart() {
    let score = templated_score(4);
    assert!(score.f1 >= 0.95, "{score}");
}

#[test]
fn templated_versions_with_a_drifted_number_join_their_story() {
    let spec = templated::Spec {
        stories: 60,
        per_day: 1,
        seed: 9,
        keys: false,
    };
    let feed = templated::generate(&spec);
    let predicted = grouping::group(&feed, &FeedOptions::default());
    let group_of = |id: &str| {
        let line = feed.truth.iter().position(|t| t.id == id);
        line.map(|l| predicted[l].clone())
    };
    let mut joined = 0;
    for m in &feed.mutations {
        let first = feed
            .truth
            .iter()
            .position(|t| t.story == m.story && t.id != m.id)
            .map(|l| predicted[l].clone());
        joined += usize::from(group_of(&m.id).is_some() && group_of(&m.id) == first);
    }
    println!(
        "drifted versions in their story: {joined}/{}",
        feed.mutations.len()
    );
    assert!(feed.mutations.len() >= 25);
    assert!(
        joined * 10 >= feed.mutations.len() * 9,
        "{joined}/{}",
        feed.mutations.len()
    );
}

#[test]
fn real_translated_stories_over_three_days() {
    let Some(dir) = realnews::default_dir() else {
        println!("skipped: ../shared/realnews is not beside the project");
        return;
    };
    let feed = realnews::build(&dir, 1).expect("reads ../shared/realnews");
    let score = grouping::score(&feed, &grouping::group(&feed, &FeedOptions::default()));
    println!("realnews feed: {score}");
    assert!(score.f1 >= 0.98, "{score}");
}
