//! Feed benchmark: `cargo bench --bench feed` (set BENCH_STORIES to change
//! the base size, default 2000 stories × 4 versions; BENCH_ROUNDS the
//! rounds of the yardstick and the 1-thread feed, default 3).
//!
//! In one run, over a generated feed (tests/support/feedgen.rs):
//! whatlang-only language detection over the same texts (the yardstick),
//! `check` per story, `feed` with 1 and 2 threads, `feed` on a 10× feed,
//! grouping F1, and the peak memory (VmHWM) of the release binary on feeds
//! of growing size. Prints a Markdown table for BENCHMARKS.md.

#[path = "../tests/support/feedgen.rs"]
mod feedgen;

use std::collections::BTreeMap;
use std::io;
use std::process::Command;
use std::time::Instant;

use driftcheck::feed::{self, FeedOptions, FeedSink, LineProblem, StoryReport};
use driftcheck::input::RawDocument;
use driftcheck::lexicon::Lexicons;
use driftcheck::report::Report;
use driftcheck::story::{Story, StoryOptions};

// The allocator of the binary, so the figures are what a user runs.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Default)]
struct Keys {
    lines: BTreeMap<usize, String>,
}

impl FeedSink for Keys {
    fn problem(&mut self, p: &LineProblem) -> io::Result<()> {
        panic!("generated feed has a bad line: {p}");
    }
    fn story(&mut self, story: StoryReport) -> io::Result<()> {
        for l in story.lines {
            self.lines.insert(l, story.key.clone());
        }
        Ok(())
    }
}

/// CPU seconds (user + system) of this process so far, from /proc.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // Fields 14 and 15 of stat (utime, stime) are 12 and 13 after the name.
    (ticks(11) + ticks(12)) / 100.0
}

struct Timing {
    wall: f64,
    cpu: f64,
}

fn time<T>(f: impl FnOnce() -> T) -> (T, Timing) {
    let (c, t) = (cpu_seconds(), Instant::now());
    let out = f();
    let timing = Timing {
        wall: t.elapsed().as_secs_f64(),
        cpu: cpu_seconds() - c,
    };
    (out, timing)
}

fn texts(generated: &feedgen::Feed) -> Vec<(String, String, String)> {
    generated
        .lines
        .iter()
        .zip(&generated.truth)
        .map(|(line, truth)| {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            (
                truth.story.clone(),
                truth.id.clone(),
                v["text"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn run_feed(generated: &feedgen::Feed, jobs: usize) -> (Keys, Timing) {
    let jsonl = generated.jsonl();
    let lexicons = Lexicons::embedded();
    let options = FeedOptions {
        jobs,
        ..FeedOptions::default()
    };
    time(|| {
        let mut keys = Keys::default();
        feed::check(jsonl.as_bytes(), &lexicons, &options, &mut keys).unwrap();
        keys
    })
}

/// Peak resident memory (KiB) of the release binary checking a feed file.
fn peak_memory(generated: &feedgen::Feed, dir: &std::path::Path) -> Option<u64> {
    let path = dir.join("feed.jsonl");
    std::fs::write(&path, generated.jsonl()).ok()?;
    let out = Command::new("/usr/bin/time")
        .args(["-f", "%M"])
        .arg(env!("CARGO_BIN_EXE_driftcheck"))
        .args(["feed", "--format", "jsonl", "--fail-on", "never"])
        .arg(&path)
        .stdout(std::process::Stdio::null())
        .output()
        .ok()?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    stderr.lines().last()?.trim().parse().ok()
}

/// The run with the median wall time.
fn median(mut runs: Vec<Timing>) -> Timing {
    runs.sort_by(|a, b| a.wall.total_cmp(&b.wall));
    runs.swap_remove(runs.len() / 2)
}

fn mb(bytes: usize, seconds: f64) -> f64 {
    bytes as f64 / 1e6 / seconds
}

fn main() {
    let stories: usize = std::env::var("BENCH_STORIES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(2000);
    let spec = |n: usize| feedgen::Spec {
        stories: n,
        versions: 4,
        seed: 3,
        ..Default::default()
    };
    let base = feedgen::generate(&spec(stories));
    let bytes = base.text_bytes;
    let lexicons = Lexicons::embedded();
    let docs = texts(&base);
    // Warm the embedded lexicons before timing anything.
    let _ = driftcheck::lang::detect("warm up", &lexicons);

    // The yardstick (whatlang alone over the same bytes) and the 1-thread
    // feed, in turns, several rounds: the median of each is quoted, so a
    // slower or faster spell of a shared machine counts against both.
    let rounds: usize = std::env::var("BENCH_ROUNDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3)
        .max(1);
    let mut whatlang_runs = Vec::new();
    let mut feed1_runs = Vec::new();
    let mut keys = Keys::default();
    for _ in 0..rounds {
        let (_, t) = time(|| {
            for (_, _, text) in &docs {
                std::hint::black_box(whatlang::detect(text));
            }
        });
        whatlang_runs.push(t);
        let (k, t) = run_feed(&base, 1);
        keys = k;
        feed1_runs.push(t);
    }
    let whatlang = median(whatlang_runs);
    let feed1 = median(feed1_runs);

    let (_, check) = time(|| {
        let mut by_story: BTreeMap<&str, Vec<RawDocument>> = BTreeMap::new();
        for (story, id, text) in &docs {
            by_story.entry(story).or_default().push(RawDocument {
                id: id.clone(),
                text: text.clone(),
                ..Default::default()
            });
        }
        for raws in by_story.into_values() {
            let story = Story::build(raws, &StoryOptions::default(), &lexicons).unwrap();
            std::hint::black_box(Report::check(&story, &lexicons));
        }
    });

    let (_, feed2) = run_feed(&base, 2);
    let predicted: Vec<String> = (1..=base.truth.len())
        .map(|l| keys.lines.get(&l).cloned().unwrap_or_default())
        .collect();
    let (precision, recall, f1) = feedgen::pairwise_f1(&base.truth, &predicted);

    let big = feedgen::generate(&spec(stories * 10));
    let (_, feed10) = run_feed(&big, 1);

    let dir = tempfile::tempdir().unwrap();
    let memory: Vec<(usize, usize, Option<u64>)> = [1, 4, 10]
        .iter()
        .map(|&k| {
            let g = if k == 10 {
                big.clone()
            } else {
                feedgen::generate(&spec(stories * k))
            };
            (k, g.jsonl().len(), peak_memory(&g, dir.path()))
        })
        .collect();

    println!(
        "base feed: {stories} stories × 4 versions, {:.1} MB of story text, {} lines; \
         whatlang and 1-thread feed: median of {rounds} alternating rounds",
        bytes as f64 / 1e6,
        base.lines.len()
    );
    println!();
    println!("| measure | wall s | CPU s | MB/s (story text) | ratio |");
    println!("| --- | ---: | ---: | ---: | --- |");
    let row = |name: &str, t: &Timing, b: usize, ratio: String| {
        println!(
            "| {name} | {:.2} | {:.2} | {:.2} | {ratio} |",
            t.wall,
            t.cpu,
            mb(b, t.wall)
        );
    };
    row(
        "whatlang-only detection (yardstick)",
        &whatlang,
        bytes,
        "1".into(),
    );
    row(
        "check per story, 1 thread",
        &check,
        bytes,
        format!("{:.2} of whatlang", whatlang.wall / check.wall),
    );
    row(
        "feed, 1 thread",
        &feed1,
        bytes,
        format!(
            "{:.2} of whatlang (target ≥ 0.33)",
            whatlang.wall / feed1.wall
        ),
    );
    row(
        "feed, 2 threads",
        &feed2,
        bytes,
        format!(
            "{:.2}× faster than 1 thread (target ≥ 1.7)",
            feed1.wall / feed2.wall
        ),
    );
    row(
        "feed 10×, 1 thread",
        &feed10,
        big.text_bytes,
        format!(
            "{:.2}× the time of 1× (target ≤ 12)",
            feed10.wall / feed1.wall
        ),
    );
    println!();
    println!(
        "grouping: precision {precision:.4}, recall {recall:.4}, pairwise F1 {f1:.4} (target ≥ 0.98)"
    );
    println!();
    println!("| feed size | JSONL MB | peak RSS MB |");
    println!("| --- | ---: | ---: |");
    for (k, len, kb) in memory {
        let rss = kb.map_or("n/a".to_string(), |kb| format!("{:.1}", kb as f64 / 1024.0));
        println!("| {k}× | {:.1} | {rss} |", len as f64 / 1e6);
    }
}
