//! Arbitrary bytes as a JSONL feed → grouping and checking. Bad lines must
//! be reported with a line number inside the feed, never panic or vanish.
#![no_main]
use driftcheck::feed::{self, FeedOptions, FeedSink, StoryReport, line::LineProblem};
use driftcheck_fuzz::LEXICONS;
use libfuzzer_sys::fuzz_target;

#[derive(Default)]
struct Collect {
    problems: Vec<LineProblem>,
    stories: Vec<StoryReport>,
}

impl FeedSink for Collect {
    fn problem(&mut self, problem: &LineProblem) -> std::io::Result<()> {
        self.problems.push(problem.clone());
        Ok(())
    }
    fn story(&mut self, story: StoryReport) -> std::io::Result<()> {
        self.stories.push(story);
        Ok(())
    }
}

fuzz_target!(|data: &[u8]| {
    let options = FeedOptions {
        jobs: 1,
        ..FeedOptions::default()
    };
    let mut sink = Collect::default();
    let Ok(summary) = feed::check(data, &LEXICONS, &options, &mut sink) else {
        return;
    };
    let lines = data.split(|&b| b == b'\n').count();
    for p in &sink.problems {
        assert!(p.line >= 1 && p.line <= lines, "line {} of {lines}", p.line);
    }
    assert_eq!(summary.stories, sink.stories.len());
    let versions: usize = sink.stories.iter().map(|s| s.lines.len()).sum();
    assert_eq!(summary.versions, versions, "every accepted line is in one story");
    for story in &sink.stories {
        for f in &story.report.findings {
            assert!(!f.evidence.is_empty(), "a finding without evidence");
        }
    }
});
