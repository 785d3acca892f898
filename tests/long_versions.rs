//! Two long versions of one story: the heap the check takes grows with their
//! lengths, not with their product (the aligner once kept a score and a flag
//! for every pair of claims: two one-megabyte versions took 1.9 GB). The
//! heap is counted by this binary's allocator, so the binary holds this
//! test alone; figures of an optimised build are in BENCHMARKS.md.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use driftcheck::finding::Kind;
use driftcheck::input::RawDocument;
use driftcheck::lexicon::Lexicons;
use driftcheck::report::Report;
use driftcheck::story::{Story, StoryOptions};

/// The system allocator, counting the bytes in use and their peak.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's layout is passed on unchanged.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = IN_USE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` was allocated by `alloc` above with this layout.
        unsafe { System.dealloc(ptr, layout) };
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// `paragraphs` news paragraphs (about 130 bytes each); `edited` changes
/// a figure in every 40th paragraph and drops every 97th, so the alignment
/// has pairs, gaps and changed numbers to find.
fn story(paragraphs: usize, edited: bool) -> String {
    let cities = ["Lisbon", "Kyiv", "Madrid", "Berlin", "Rome", "Vienna"];
    let mut text = String::with_capacity(paragraphs * 140);
    for i in 1..=paragraphs {
        if edited && i % 97 == 0 {
            continue;
        }
        let figure = if edited && i % 40 == 0 { i + 7 } else { i };
        text.push_str(&format!(
            "The agency said on Tuesday that {} families had left {} since {} May, \
             and officials expect talks to resume within {} days.\n\n",
            1000 + figure * 3,
            cities[i % cities.len()],
            i % 28 + 1,
            i % 9 + 2
        ));
    }
    text
}

#[test]
fn heap_grows_with_the_versions_not_their_product() {
    const PARAGRAPHS: usize = 8_000;
    let raws: Vec<RawDocument> = [("a", false), ("b", true)]
        .into_iter()
        .map(|(id, edited)| RawDocument {
            id: id.into(),
            text: story(PARAGRAPHS, edited),
            language: Some("en".into()),
            ..Default::default()
        })
        .collect();
    let input: usize = raws.iter().map(|r| r.text.len()).sum();
    let lexicons = Lexicons::embedded();
    let before = IN_USE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let story = Story::build(raws, &StoryOptions::default(), &lexicons).expect("story builds");
    let report = Report::check(&story, &lexicons);
    let drifts = report
        .findings
        .iter()
        .filter(|f| f.kind == Kind::NumericDrift)
        .count();
    // Every 40th paragraph has another figure (200; the dropped ones
    // among them have none to differ from), and nothing else differs.
    assert!(
        (190..=200).contains(&drifts),
        "{drifts} numeric drifts found"
    );
    let peak = PEAK.load(Ordering::Relaxed) - before;
    eprintln!("{input} bytes of input: peak heap {peak} bytes, {drifts} numeric drifts");
    // About 22 bytes a byte of input in a debug build; a table of every
    // pair of claims (8,000 and 7,918) took hundreds of times the input.
    assert!(
        peak < 150 * input,
        "peak heap {peak} bytes for {input} bytes of input"
    );
}
