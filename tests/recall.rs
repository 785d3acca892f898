//! Grouping and mutation recall on a generated feed (tests/support/feedgen.rs).
//!
//! Asserted: grouping pairwise F1 of at least 0.98, and the generated
//! mutations (number, date, negation, name, dropped sentence) found with
//! their kind at least 90% of the time over all kinds. The figures per kind
//! are printed (`cargo test --test recall -- --nocapture`).

#[path = "support/feedgen.rs"]
mod feedgen;

use std::collections::HashMap;
use std::io;

use driftcheck::feed::{self, FeedOptions, FeedSink, LineProblem, StoryReport};
use driftcheck::lexicon::Lexicons;

#[derive(Default)]
struct Collect {
    problems: usize,
    stories: Vec<StoryReport>,
}

impl FeedSink for Collect {
    fn problem(&mut self, _: &LineProblem) -> io::Result<()> {
        self.problems += 1;
        Ok(())
    }
    fn story(&mut self, story: StoryReport) -> io::Result<()> {
        self.stories.push(story);
        Ok(())
    }
}

fn run(spec: &feedgen::Spec, options: &FeedOptions) -> (feedgen::Feed, Collect) {
    let generated = feedgen::generate(spec);
    let mut sink = Collect::default();
    feed::check(
        generated.jsonl().as_bytes(),
        &Lexicons::embedded(),
        options,
        &mut sink,
    )
    .unwrap();
    (generated, sink)
}

fn predicted(generated: &feedgen::Feed, sink: &Collect) -> Vec<String> {
    let mut group_of: HashMap<usize, &str> = HashMap::new();
    for s in &sink.stories {
        for &l in &s.lines {
            group_of.insert(l, &s.key);
        }
    }
    (1..=generated.truth.len())
        .map(|l| group_of.get(&l).copied().unwrap_or("?").to_string())
        .collect()
}

#[test]
fn grouping_f1_and_mutation_recall() {
    let spec = feedgen::Spec {
        stories: 150,
        versions: 4,
        seed: 11,
        ..Default::default()
    };
    let (generated, sink) = run(&spec, &FeedOptions::default());
    assert_eq!(sink.problems, 0);
    let (p, r, f1) = feedgen::pairwise_f1(&generated.truth, &predicted(&generated, &sink));
    println!("grouping: precision {p:.4}, recall {r:.4}, F1 {f1:.4}");
    assert!(
        f1 >= 0.98,
        "grouping F1 {f1:.4} (precision {p:.4}, recall {r:.4})"
    );

    let mut found: HashMap<&str, (usize, usize)> = HashMap::new();
    for m in &generated.mutations {
        let hit = sink.stories.iter().any(|s| {
            s.report
                .findings
                .iter()
                .any(|f| f.kind.name() == m.expects && f.evidence.iter().any(|e| e.doc == m.id))
        });
        let e = found.entry(m.expects).or_default();
        e.0 += usize::from(hit);
        e.1 += 1;
    }
    let mut kinds: Vec<_> = found.into_iter().collect();
    kinds.sort();
    let (hits, all) = kinds
        .iter()
        .fold((0, 0), |(h, a), (_, (x, y))| (h + x, a + y));
    for (kind, (h, n)) in &kinds {
        println!("mutation recall {kind}: {h}/{n}");
    }
    println!("mutation recall: {hits}/{all}");
    assert!(
        hits * 10 >= all * 9,
        "mutation recall {hits}/{all} is under 90%"
    );
}

#[test]
fn follow_ups_about_the_same_people_stay_apart_without_windows() {
    let spec = feedgen::Spec {
        stories: 120,
        versions: 3,
        seed: 5,
        follow_up_every: 2,
        ..Default::default()
    };
    let options = FeedOptions {
        window: None,
        window_lines: None,
        ..FeedOptions::default()
    };
    let (generated, sink) = run(&spec, &options);
    let (p, r, f1) = feedgen::pairwise_f1(&generated.truth, &predicted(&generated, &sink));
    println!(
        "no windows, half the stories follow-ups: precision {p:.4}, recall {r:.4}, F1 {f1:.4}"
    );
    assert!(
        p >= 0.98,
        "precision {p:.4}: stories about the same people were merged"
    );
    assert!(f1 >= 0.98, "F1 {f1:.4}");
}
