//! The `check` pipeline on files, with the system allocator, for heap
//! profilers that cannot see the binary's mimalloc (BENCHMARKS.md, memory):
//!
//! ```text
//! cargo build --profile eval --example memprobe
//! heaptrack target/eval/examples/memprobe big.txt short.txt
//! ```
//!
//! Each file is one version of a story; prints the number of findings.

use std::process::ExitCode;

use driftcheck::input::RawDocument;
use driftcheck::lexicon::Lexicons;
use driftcheck::report::Report;
use driftcheck::story::{Story, StoryOptions};

fn main() -> ExitCode {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.is_empty() {
        eprintln!("usage: memprobe VERSION_FILE...");
        return ExitCode::from(2);
    }
    let mut raws = Vec::with_capacity(paths.len());
    for (i, path) in paths.iter().enumerate() {
        match std::fs::read_to_string(path) {
            Ok(text) => raws.push(RawDocument {
                id: format!("v{i}"),
                text,
                ..Default::default()
            }),
            Err(e) => {
                eprintln!("memprobe: {path}: {e}");
                return ExitCode::from(2);
            }
        }
    }
    let lexicons = Lexicons::embedded();
    let story = match Story::build(raws, &StoryOptions::default(), &lexicons) {
        Ok(story) => story,
        Err(e) => {
            eprintln!("memprobe: {e}");
            return ExitCode::from(2);
        }
    };
    println!("{}", Report::check(&story, &lexicons).findings.len());
    ExitCode::SUCCESS
}
