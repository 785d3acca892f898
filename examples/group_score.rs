//! Builds a feed of the real translated stories of `../shared/realnews/`
//! (every version a line, no story key, the stories spread over three days
//! in publication order) and scores story grouping against the truth.
//!
//! ```text
//! cargo run --profile eval --example realnews_feed -- \
//!     [--dir ../shared/realnews] [--seed 1] [--out feed.jsonl] [--truth truth.json] \
//!     [--binary target/eval/driftcheck]
//! ```
//!
//! Without `--binary` the feed is grouped by the library (what
//! `driftcheck group` runs); with it, by that binary's `group` command. The
//! last line printed is the score. The stories are read at run time and are
//! not part of the project.

#[path = "../tests/support/feedgen.rs"]
mod feedgen;
#[path = "../tests/support/grouping.rs"]
mod grouping;
#[path = "../tests/support/realnews.rs"]
mod realnews;

use std::path::PathBuf;
use std::process::{Command, ExitCode, Stdio};

use driftcheck::feed::FeedOptions;

fn main() -> ExitCode {
    let mut dir = realnews::default_dir();
    let mut seed = 1;
    let (mut out, mut truth, mut binary) = (None, None, None);
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().unwrap_or_default();
        match arg.as_str() {
            "--dir" => dir = Some(PathBuf::from(value())),
            "--seed" => seed = value().parse().unwrap_or(seed),
            "--out" => out = Some(value()),
            "--truth" => truth = Some(value()),
            "--binary" => binary = Some(value()),
            other => {
                eprintln!("realnews_feed: unknown argument `{other}`");
                return ExitCode::from(2);
            }
        }
    }
    let Some(dir) = dir else {
        eprintln!("realnews_feed: ../shared/realnews is not there; give --dir");
        return ExitCode::from(2);
    };
    let feed = match realnews::build(&dir, seed) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("realnews_feed: {}: {e}", dir.display());
            return ExitCode::from(2);
        }
    };
    for (path, text) in [(out, feed.jsonl()), (truth, feed.truth_json())] {
        if let Some(p) = path {
            if let Err(e) = std::fs::write(&p, text) {
                eprintln!("realnews_feed: {p}: {e}");
                return ExitCode::from(2);
            }
        }
    }
    let predicted = match binary {
        None => grouping::group(&feed, &FeedOptions::default()),
        Some(bin) => {
            let tmp =
                std::env::temp_dir().join(format!("realnews-feed-{}.jsonl", std::process::id()));
            if let Err(e) = std::fs::write(&tmp, feed.jsonl()) {
                eprintln!("realnews_feed: {}: {e}", tmp.display());
                return ExitCode::from(2);
            }
            let run = Command::new(&bin)
                .arg("group")
                .arg(&tmp)
                .stderr(Stdio::inherit())
                .output();
            let _ = std::fs::remove_file(&tmp);
            match run {
                Ok(o) => grouping::from_output(&feed, &String::from_utf8_lossy(&o.stdout)),
                Err(e) => {
                    eprintln!("realnews_feed: {bin}: {e}");
                    return ExitCode::from(2);
                }
            }
        }
    };
    println!(
        "realnews feed: {} versions, {:.1} MB of text, seed {seed}",
        feed.lines.len(),
        feed.text_bytes as f64 / 1e6
    );
    println!("grouping: {}", grouping::score(&feed, &predicted));
    ExitCode::SUCCESS
}
