//! Scoring a grouping: runs `feed::group` over a feed (or reads what
//! `driftcheck group` printed) and compares the story keys with the truth,
//! pairwise. Needs `feedgen` as a sibling module of the crate root.
#![allow(dead_code)]

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::io;

use driftcheck::feed::{self, FeedOptions, FeedSink, LineProblem};
use driftcheck::lexicon::Lexicons;

use crate::feedgen::{Feed, pairwise_f1};

/// Pairwise precision, recall and F1, and how many groups and stories.
#[derive(Clone, Copy, Debug)]
pub struct Score {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub groups: usize,
    pub stories: usize,
}

impl fmt::Display for Score {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "precision {:.4}, recall {:.4}, F1 {:.4} ({} groups for {} stories)",
            self.precision, self.recall, self.f1, self.groups, self.stories
        )
    }
}

/// The score of `predicted` (the group of each line of `feed`, in order).
pub fn score(feed: &Feed, predicted: &[String]) -> Score {
    let (precision, recall, f1) = pairwise_f1(&feed.truth, predicted);
    Score {
        precision,
        recall,
        f1,
        groups: predicted.iter().collect::<HashSet<_>>().len(),
        stories: feed
            .truth
            .iter()
            .map(|t| &t.story)
            .collect::<HashSet<_>>()
            .len(),
    }
}

#[derive(Default)]
struct Keys {
    by_id: HashMap<String, String>,
    problems: usize,
}

impl FeedSink for Keys {
    fn problem(&mut self, _: &LineProblem) -> io::Result<()> {
        self.problems += 1;
        Ok(())
    }
    fn assigned(&mut self, line: &str, key: &str, _given: bool) -> io::Result<()> {
        let v: serde_json::Value = serde_json::from_str(line).map_err(io::Error::other)?;
        let id = v["id"].as_str().unwrap_or_default().to_string();
        self.by_id.insert(id, key.to_string());
        Ok(())
    }
}

/// The group of each line of `feed` (`?` for a line left out).
fn in_feed_order(feed: &Feed, by_id: &HashMap<String, String>) -> Vec<String> {
    feed.truth
        .iter()
        .map(|t| by_id.get(&t.id).cloned().unwrap_or_else(|| "?".into()))
        .collect()
}

/// Groups `feed` with the library, as `driftcheck group` does.
pub fn group(feed: &Feed, options: &FeedOptions) -> Vec<String> {
    let mut keys = Keys::default();
    feed::group(
        feed.jsonl().as_bytes(),
        &Lexicons::embedded(),
        options,
        &mut keys,
    )
    .expect("grouping runs");
    assert_eq!(keys.problems, 0, "the feed has bad lines");
    in_feed_order(feed, &keys.by_id)
}

/// The groups of what `driftcheck group` printed for `feed`.
pub fn from_output(feed: &Feed, output: &str) -> Vec<String> {
    let by_id = output
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .map(|v| {
            let field = |k: &str| v[k].as_str().unwrap_or_default().to_string();
            (field("id"), field("story"))
        })
        .collect();
    in_feed_order(feed, &by_id)
}
