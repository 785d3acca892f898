//! Builds a feed without story keys and scores story grouping against its
//! truth, pairwise (precision, recall, F1):
//!
//! - `--feed realnews` (default): the real translated stories of
//!   `../shared/realnews/` (or `--dir`), every version a line, the stories
//!   spread over three days in publication order. The stories are read at
//!   run time and are not part of the project.
//! - `--feed templated`: 200 templated stories (`--stories`), `--per-day`
//!   a day (default 1).
//! - `--feed generated`: the generated feed of the benchmark and the
//!   recall test (`--stories`, 4 versions each).
//!
//! ```text
//! cargo run --profile eval --example group_score -- [--feed realnews] [--seed 1] \
//!     [--out feed.jsonl] [--truth truth.json] [--binary target/eval/driftcheck]
//! ```
//!
//! Without `--binary` the feed is grouped by the library (what
//! `driftcheck group` runs); with it, by that binary's `group` command. The
//! last line printed is the score.

#[path = "../tests/support/feedgen.rs"]
mod feedgen;
#[path = "../tests/support/grouping.rs"]
mod grouping;
#[path = "../tests/support/realnews.rs"]
mod realnews;
#[path = "../tests/support/templated.rs"]
mod templated;

use std::path::PathBuf;
use std::process::{Command, ExitCode, Stdio};

use driftcheck::feed::FeedOptions;

fn fail(message: String) -> ExitCode {
    eprintln!("group_score: {message}");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let mut kind = "realnews".to_string();
    let mut dir = realnews::default_dir();
    let (mut seed, mut stories, mut per_day) = (1, None, 1);
    let (mut out, mut truth, mut binary) = (None, None, None);
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().unwrap_or_default();
        match arg.as_str() {
            "--feed" => kind = value(),
            "--dir" => dir = Some(PathBuf::from(value())),
            "--seed" => seed = value().parse().unwrap_or(seed),
            "--stories" => stories = value().parse().ok(),
            "--per-day" => per_day = value().parse().unwrap_or(per_day),
            "--out" => out = Some(value()),
            "--truth" => truth = Some(value()),
            "--binary" => binary = Some(value()),
            other => return fail(format!("unknown argument `{other}`")),
        }
    }
    let feed = match kind.as_str() {
        "realnews" => {
            let Some(dir) = dir else {
                return fail("../shared/realnews is not there; give --dir".into());
            };
            match realnews::build(&dir, seed) {
                Ok(f) => f,
                Err(e) => return fail(format!("{}: {e}", dir.display())),
            }
        }
        "templated" => templated::generate(&templated::Spec {
            stories: stories.unwrap_or(200),
            per_day,
            seed,
            keys: false,
        }),
        "generated" => feedgen::generate(&feedgen::Spec {
            stories: stories.unwrap_or(150),
            seed,
            ..Default::default()
        }),
        other => {
            return fail(format!(
                "unknown feed `{other}` (realnews, templated, generated)"
            ));
        }
    };
    for (path, text) in [(out, feed.jsonl()), (truth, feed.truth_json())] {
        if let Some(p) = path {
            if let Err(e) = std::fs::write(&p, text) {
                return fail(format!("{p}: {e}"));
            }
        }
    }
    let predicted = match binary {
        None => grouping::group(&feed, &FeedOptions::default()),
        Some(bin) => {
            let tmp =
                std::env::temp_dir().join(format!("group-score-{}.jsonl", std::process::id()));
            if let Err(e) = std::fs::write(&tmp, feed.jsonl()) {
                return fail(format!("{}: {e}", tmp.display()));
            }
            let run = Command::new(&bin)
                .arg("group")
                .arg(&tmp)
                .stderr(Stdio::inherit())
                .output();
            let _ = std::fs::remove_file(&tmp);
            match run {
                Ok(o) => grouping::from_output(&feed, &String::from_utf8_lossy(&o.stdout)),
                Err(e) => return fail(format!("{bin}: {e}")),
            }
        }
    };
    println!(
        "{kind} feed: {} versions, {:.1} MB of text, seed {seed}",
        feed.lines.len(),
        feed.text_bytes as f64 / 1e6
    );
    println!("grouping: {}", grouping::score(&feed, &predicted));
    ExitCode::SUCCESS
}
