//! Writes a synthetic JSONL feed and its ground truth.
//!
//! ```text
//! cargo run --release --example gen_feed -- --stories 1000 --versions 4 \
//!     --out feed.jsonl --truth truth.json [--seed 7] [--keys] [--follow-up-every 4]
//! cargo run --release --example gen_feed -- --templated --stories 200 [--per-day 1] \
//!     --out feed.jsonl --truth truth.json [--seed 1] [--keys]
//! ```
//!
//! Every story has one mutated version (a number changed, a date changed, a
//! negation, a name respelled, a sentence dropped, in turn); every
//! `--follow-up-every`-th story is a later story about the same people.
//!
//! `--templated` writes templated stories instead (market closes, match
//! reports, casualty updates, election tallies in six languages; see
//! `tests/support/templated.rs`), `--per-day` of them a day; every other
//! story has one version with a drifted number.

#[path = "../tests/support/feedgen.rs"]
mod feedgen;
#[path = "../tests/support/templated.rs"]
mod templated;

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut spec = feedgen::Spec::default();
    let (mut templated, mut per_day, mut seed) = (false, 1, None);
    let mut out = None;
    let mut truth = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().unwrap_or_default();
        let number = |v: String| v.parse::<usize>().ok();
        match arg.as_str() {
            "--stories" => spec.stories = number(value()).unwrap_or(spec.stories),
            "--versions" => spec.versions = number(value()).unwrap_or(spec.versions),
            "--seed" => seed = number(value()).map(|n| n as u64),
            "--templated" => templated = true,
            "--per-day" => per_day = number(value()).unwrap_or(per_day),
            "--follow-up-every" => spec.follow_up_every = number(value()).unwrap_or(0),
            "--keys" => spec.keys = true,
            "--out" => out = Some(value()),
            "--truth" => truth = Some(value()),
            other => {
                eprintln!("gen_feed: unknown argument `{other}`");
                return ExitCode::from(2);
            }
        }
    }
    let feed = if templated {
        templated::generate(&templated::Spec {
            stories: spec.stories,
            per_day,
            seed: seed.unwrap_or(1),
            keys: spec.keys,
        })
    } else {
        spec.seed = seed.unwrap_or(spec.seed);
        feedgen::generate(&spec)
    };
    let write = |path: Option<String>, text: String| match path {
        Some(p) => std::fs::write(&p, text).map_err(|e| format!("{p}: {e}")),
        None => {
            print!("{text}");
            Ok(())
        }
    };
    let result = write(out, feed.jsonl()).and_then(|()| match truth {
        Some(p) => write(Some(p), feed.truth_json()),
        None => Ok(()),
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen_feed: {e}");
            ExitCode::from(2)
        }
    }
}
