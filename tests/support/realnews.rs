//! A feed made of the real translated stories of `../shared/realnews/`
//! (read at run time, never copied into the project): every version a line,
//! no story key, no language, the stories spread over three days.
//!
//! Each story is given a publication time, its source version first; its
//! translations follow between 20 minutes and 8 hours later. The feed is in
//! publication order. Everything is drawn from a seeded generator, so the
//! same material and seed give the same feed. Shared by the realnews
//! grouping test and `examples/group_score.rs`; needs `feedgen` as a
//! sibling module of the crate root.
#![allow(dead_code)]

use std::io;
use std::path::{Path, PathBuf};

use crate::feedgen::{Feed, LineTruth, Rng, rfc3339};

/// 2030-03-02T00:00:00Z, the feed's first day.
const START: i64 = 1_898_640_000;
const DAY: i64 = 86_400;
/// Days the stories are spread over.
pub const DAYS: i64 = 3;

/// `../shared/realnews` beside the project, when it is there.
pub fn default_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/realnews");
    dir.is_dir().then_some(dir)
}

/// The language of a version file stem (`de_c` is German).
fn language(stem: &str) -> &'static str {
    match stem.split('_').next().unwrap_or("") {
        "en" => "en",
        "de" => "de",
        "fr" => "fr",
        "ru" => "ru",
        "uk" => "uk",
        _ => "und",
    }
}

/// One story: its truth key, its source version's stem and its versions
/// (stem, text), sorted by stem.
struct Story {
    key: String,
    source: String,
    versions: Vec<(String, String)>,
}

fn read_set(set_dir: &Path, set: &str, out: &mut Vec<Story>) -> io::Result<()> {
    let sources = std::fs::read_to_string(set_dir.join("sources.tsv"))?;
    for row in sources.lines().skip(1) {
        let mut cols = row.split('\t');
        let (Some(name), Some(source)) = (cols.next(), cols.next()) else {
            continue;
        };
        let mut versions = Vec::new();
        for entry in std::fs::read_dir(set_dir.join(name))? {
            let path = entry?.path();
            if path.extension().is_some_and(|e| e == "txt") {
                let stem = path
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                versions.push((stem, std::fs::read_to_string(&path)?));
            }
        }
        versions.sort();
        out.push(Story {
            key: format!("{set}/{name}"),
            source: source.to_string(),
            versions,
        });
    }
    Ok(())
}

/// Builds the feed from a `realnews` folder (its `wmt*/sources.tsv` sets).
pub fn build(root: &Path, seed: u64) -> io::Result<Feed> {
    let mut sets: Vec<String> = std::fs::read_dir(root)?
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("sources.tsv").is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    sets.sort();
    let mut stories = Vec::new();
    for set in &sets {
        read_set(&root.join(set), set, &mut stories)?;
    }
    let mut rng = Rng(seed);
    // A deterministic shuffle, then the stories in turn over the days.
    for i in (1..stories.len()).rev() {
        let j = (rng.next() % (i as u64 + 1)) as usize;
        stories.swap(i, j);
    }
    let n = stories.len().max(1) as i64;
    let mut entries: Vec<(i64, String, LineTruth)> = Vec::new();
    let mut feed = Feed::default();
    for (i, story) in stories.iter().enumerate() {
        let day = i as i64 * DAYS / n;
        // Newsroom hours: 06:00 to 23:00.
        let first = START + day * DAY + rng.range(6 * 3600, 23 * 3600) as i64;
        for (stem, text) in &story.versions {
            let time = if *stem == story.source {
                first
            } else {
                first + rng.range(20 * 60, 8 * 3600) as i64
            };
            let id = format!("{:012x}", rng.next() >> 16);
            feed.text_bytes += text.len();
            let line = serde_json::json!({"id": id, "published": rfc3339(time), "text": text});
            entries.push((
                time,
                line.to_string(),
                LineTruth {
                    id,
                    story: story.key.clone(),
                    language: language(stem),
                },
            ));
        }
    }
    entries.sort_by(|a, b| (a.0, &a.2.id).cmp(&(b.0, &b.2.id)));
    for (_, line, truth) in entries {
        feed.lines.push(line);
        feed.truth.push(truth);
    }
    Ok(feed)
}
