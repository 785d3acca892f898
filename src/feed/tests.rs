use super::*;

#[derive(Default)]
struct Collect {
    problems: Vec<LineProblem>,
    stories: Vec<StoryReport>,
    assigned: Vec<(String, String, bool)>,
}

impl FeedSink for Collect {
    fn problem(&mut self, problem: &LineProblem) -> io::Result<()> {
        self.problems.push(problem.clone());
        Ok(())
    }
    fn story(&mut self, story: StoryReport) -> io::Result<()> {
        self.stories.push(story);
        Ok(())
    }
    fn assigned(&mut self, line: &str, key: &str, given: bool) -> io::Result<()> {
        self.assigned
            .push((line.to_string(), key.to_string(), given));
        Ok(())
    }
}

fn line(id: &str, story: Option<&str>, published: Option<&str>, text: &str) -> String {
    let mut v = serde_json::json!({"id": id, "text": text});
    if let Some(s) = story {
        v["story"] = s.into();
    }
    if let Some(p) = published {
        v["published"] = p.into();
    }
    v.to_string()
}

const HARBOUR_EN: &str = "The port authority of Valparaíso approved 4,800 new berths on Tuesday. \
Director Ingrid Solberg said the works would cost 312 million pesos and end in 2027.";
const HARBOUR_ES: &str = "La autoridad portuaria de Valparaíso aprobó el martes 4.800 nuevos atracaderos. \
La directora Ingrid Solberg dijo que las obras costarán 312 millones de pesos y terminarán en 2027.";
const HARBOUR_LATER: &str = "Director Ingrid Solberg of the Valparaíso port authority resigned on Friday \
after 19 years, citing a dispute over 65 dismissed workers.";
const FESTIVAL_DE: &str = "Das Filmfestival in Rotterdam zeigt in diesem Jahr 212 Filme aus 58 Ländern. \
Die Leiterin Amalia Ferreira erwartet 95.000 Besucher.";

fn run_feed(input: &str, options: &FeedOptions) -> (FeedSummary, Collect) {
    let mut sink = Collect::default();
    let summary = check(input.as_bytes(), &Lexicons::embedded(), options, &mut sink).unwrap();
    (summary, sink)
}

#[test]
fn explicit_keys_and_automatic_groups() {
    let feed = [
        line("h-en", None, Some("2025-03-04T09:00:00Z"), HARBOUR_EN),
        line("f-de", Some("fest"), None, FESTIVAL_DE),
        line("h-es", None, Some("2025-03-04T15:00:00Z"), HARBOUR_ES),
        line("h-later", None, Some("2025-03-14T09:00:00Z"), HARBOUR_LATER),
    ]
    .join("\n");
    let (summary, sink) = run_feed(&feed, &FeedOptions::default());
    assert!(sink.problems.is_empty(), "{:?}", sink.problems);
    let stories: Vec<(&str, &[usize])> = sink
        .stories
        .iter()
        .map(|s| (s.key.as_str(), s.lines.as_slice()))
        .collect();
    // The harbour story closes when the feed clock passes its window (line 4);
    // the rest close at the end, in order of their first line.
    assert_eq!(
        stories,
        [
            ("auto:h-en", &[1, 3][..]),
            ("fest", &[2][..]),
            ("auto:h-later", &[4][..])
        ]
    );
    assert_eq!(summary.versions, 4);
    assert_eq!(summary.stories, 3);
    assert_eq!(sink.stories[0].report.documents.len(), 2);
    assert!(
        sink.stories
            .iter()
            .flat_map(|s| s.report.findings.iter().map(move |f| (s, f)))
            .all(|(s, f)| f.story.as_deref() == Some(s.key.as_str()))
    );
}

#[test]
fn bad_lines_are_reported_and_the_rest_is_checked() {
    let feed = format!(
        "{}\n{{oops\n\n{}\n{}\n{}\n",
        line("a", Some("s"), None, HARBOUR_EN),
        r#"{"id":"b"}"#,
        line("a", Some("s"), None, HARBOUR_ES),
        line("c", Some("s"), Some("whenever"), HARBOUR_ES),
    );
    let (summary, sink) = run_feed(&feed, &FeedOptions::default());
    let problems: Vec<(usize, bool)> = sink.problems.iter().map(|p| (p.line, p.skipped)).collect();
    assert_eq!(problems, [(2, true), (4, true), (5, true), (6, false)]);
    assert!(sink.problems[2].reason.contains("repeats line 1"));
    assert_eq!(summary.skipped, 3);
    assert_eq!(sink.stories.len(), 1);
    assert_eq!(sink.stories[0].lines, [1, 6]);
}

#[test]
fn line_window_closes_stories_and_keys_reopen() {
    let feed = [
        line("a", Some("s"), None, HARBOUR_EN),
        line("b", Some("t"), None, FESTIVAL_DE),
        line("c", Some("t"), None, FESTIVAL_DE),
        line("d", Some("s"), None, HARBOUR_ES),
    ]
    .join("\n");
    let options = FeedOptions {
        window_lines: Some(2),
        ..FeedOptions::default()
    };
    let (_, sink) = run_feed(&feed, &options);
    let stories: Vec<(&str, &[usize])> = sink
        .stories
        .iter()
        .map(|s| (s.key.as_str(), s.lines.as_slice()))
        .collect();
    assert_eq!(
        stories,
        [("s", &[1][..]), ("t", &[2, 3][..]), ("s", &[4][..])]
    );
}

#[test]
fn threads_do_not_change_the_result() {
    let mut lines = Vec::new();
    for i in 0..40 {
        let text = if i % 2 == 0 { HARBOUR_EN } else { FESTIVAL_DE };
        lines.push(line(
            &format!("v{i}"),
            None,
            None,
            &text.replace("2027", &format!("{}", 3000 + i / 4)),
        ));
    }
    let feed = lines.join("\n");
    let keys = |jobs| {
        let options = FeedOptions {
            jobs,
            window_lines: Some(5),
            ..FeedOptions::default()
        };
        let (_, sink) = run_feed(&feed, &options);
        sink.stories
            .iter()
            .map(|s| (s.key.clone(), s.lines.clone(), s.report.findings.len()))
            .collect::<Vec<_>>()
    };
    assert_eq!(keys(1), keys(2));
}

#[test]
fn grouping_prints_lines_back_with_their_key() {
    let feed = [
        line("h-en", None, None, HARBOUR_EN),
        line("f-de", Some("fest"), None, FESTIVAL_DE),
        line("h-es", None, None, HARBOUR_ES),
    ]
    .join("\n");
    let mut sink = Collect::default();
    group(
        feed.as_bytes(),
        &Lexicons::embedded(),
        &FeedOptions::default(),
        &mut sink,
    )
    .unwrap();
    let keys: Vec<(&str, bool)> = sink
        .assigned
        .iter()
        .map(|(_, k, g)| (k.as_str(), *g))
        .collect();
    assert_eq!(
        keys,
        [("auto:h-en", false), ("fest", true), ("auto:h-en", false)]
    );
    let printed = with_story_key(&sink.assigned[0].0, &sink.assigned[0].1);
    let v: serde_json::Value = serde_json::from_str(&printed).unwrap();
    assert_eq!(v["story"], "auto:h-en");
    assert_eq!(v["id"], "h-en");
}

#[test]
fn over_long_lines_are_skipped_without_being_kept() {
    let mut reader = io::Cursor::new(vec![b'x'; MAX_LINE_BYTES + 10]);
    let mut buf = Vec::new();
    let (read, too_long) = read_line(&mut reader, &mut buf).unwrap();
    assert_eq!(read, MAX_LINE_BYTES + 10);
    assert!(too_long && buf.is_empty());
}
