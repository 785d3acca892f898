//! Feeds: JSONL streams of many versions of many stories.
//!
//! Each line is parsed and analysed on its own (in parallel), then assigned
//! to a story in feed order: by its `story` key, or automatically
//! ([`mod@group`]). A story closes when input ends, when no version has arrived
//! for [`FeedOptions::window`] of feed time (the latest `published` seen), or
//! for [`FeedOptions::window_lines`] lines; closed stories are checked (in
//! parallel) and handed to a [`FeedSink`] in the order they closed. Memory
//! therefore grows with the stories still open, not with the feed (but for
//! a 64-bit hash per line that catches repeated ids).
//!
//! The order of closing is a function of the input alone: stories that close
//! at the same line close in the order of their first line, and at the end
//! of input every open story closes in that order. Output does not depend on
//! the number of threads or on how lines arrive.

pub mod anchor;
pub mod group;
pub mod line;

use crate::hash::{HashMap, HashMapExt};
use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, BufRead, BufReader, Read};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use rayon::prelude::*;

use crate::document::Document;
use crate::error::{Error, Result};
use crate::lang::Language;
use crate::lexicon::Lexicons;
use crate::report::Report;
use crate::story::{Analyzed, Story};
use crate::text::stable_hash;
use group::{Grouper, Signature};
pub use line::{FeedLine, LineProblem};

/// Default time window: a story with no new version for 48 hours of feed
/// time is closed.
pub const DEFAULT_WINDOW: i64 = 48 * 3600;

/// Default line window: a story with no new version in the last 10,000
/// lines is closed (feeds without `published` times stay bounded too).
pub const DEFAULT_WINDOW_LINES: usize = 10_000;

/// Longest line read; a longer one is reported and skipped without being
/// held in memory.
pub const MAX_LINE_BYTES: usize = 64 * 1024 * 1024;

/// Prefix of the keys given to automatically grouped stories; the rest is
/// the id of the story's first version.
pub const AUTO_KEY_PREFIX: &str = "auto:";

/// Lines analysed together; small enough to keep a slow stream flowing,
/// large enough to keep every thread busy.
const BATCH_LINES: usize = 256;

/// How a feed is read and grouped.
#[derive(Clone, Debug)]
pub struct FeedOptions {
    /// The feed's name in messages and document paths (`stdin` for `-`).
    pub name: String,
    /// Close a story after this many seconds of feed time without a new
    /// version (`None`: never by time).
    pub window: Option<i64>,
    /// Close a story after this many lines without a new version (`None`:
    /// never by lines).
    pub window_lines: Option<usize>,
    /// Threads for analysis and checks; 0 is one per available core.
    pub jobs: usize,
}

impl Default for FeedOptions {
    fn default() -> Self {
        FeedOptions {
            name: "stdin".into(),
            window: Some(DEFAULT_WINDOW),
            window_lines: Some(DEFAULT_WINDOW_LINES),
            jobs: 0,
        }
    }
}

/// The report of one closed story.
#[derive(Clone, Debug)]
pub struct StoryReport {
    /// The story key (given, or [`AUTO_KEY_PREFIX`] + first version's id).
    pub key: String,
    /// Line numbers of its versions, in feed order.
    pub lines: Vec<usize>,
    /// The check report; every finding carries the story key.
    pub report: Report,
    /// The analysed versions, kept only when the sink asks for them
    /// ([`FeedSink::wants_stories`]).
    pub story: Option<Arc<Story>>,
}

/// How far a feed has been read.
#[derive(Clone, Copy, Debug, Default)]
pub struct Progress {
    /// Bytes read.
    pub bytes: u64,
    /// Lines read.
    pub lines: usize,
    /// Stories closed so far.
    pub stories: usize,
}

/// Counts of a whole feed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FeedSummary {
    /// Lines read (blank lines included).
    pub lines: usize,
    /// Versions grouped and checked.
    pub versions: usize,
    /// Stories closed.
    pub stories: usize,
    /// Problems reported (skipped lines and ignored fields).
    pub problems: usize,
    /// Lines skipped.
    pub skipped: usize,
}

/// Receives what a feed run produces, in a deterministic order.
pub trait FeedSink {
    /// A problem with a line, as soon as it is found.
    fn problem(&mut self, problem: &LineProblem) -> io::Result<()>;
    /// A checked story (feed checking only).
    fn story(&mut self, _story: StoryReport) -> io::Result<()> {
        Ok(())
    }
    /// A line and the story key it was given (grouping only); `given` is
    /// true when the line carried the key itself.
    fn assigned(&mut self, _line: &str, _key: &str, _given: bool) -> io::Result<()> {
        Ok(())
    }
    /// Progress, after each batch of lines.
    fn progress(&mut self, _progress: &Progress) {}
    /// True when each [`StoryReport`] should keep its analysed story (a
    /// page that shows the versions' text); stories are dropped otherwise.
    fn wants_stories(&self) -> bool {
        false
    }
}

/// Reads a feed, groups its versions into stories and checks each story.
pub fn check(
    input: impl Read + Send,
    lexicons: &Lexicons,
    options: &FeedOptions,
    sink: &mut dyn FeedSink,
) -> Result<FeedSummary> {
    run(input, lexicons, options, Mode::Check, sink)
}

/// Reads a feed and gives each line its story key, without checking.
pub fn group(
    input: impl Read + Send,
    lexicons: &Lexicons,
    options: &FeedOptions,
    sink: &mut dyn FeedSink,
) -> Result<FeedSummary> {
    run(input, lexicons, options, Mode::Group, sink)
}

/// A line with a `story` key added as the first member, everything else
/// byte for byte as it was (the line is a JSON object without a `story`).
pub fn with_story_key(line: &str, key: &str) -> String {
    let body = line.trim_start();
    let rest = body.strip_prefix('{').unwrap_or(body);
    let key = serde_json::Value::String(key.to_string());
    format!("{{\"story\":{key},{rest}")
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Check,
    Group,
}

/// What the reader thread sends.
enum Item {
    Line {
        number: usize,
        bytes: Vec<u8>,
        offset: u64,
    },
    TooLong {
        number: usize,
        offset: u64,
    },
    Failed(io::Error),
}

/// A line after the first parallel stage.
enum Parsed {
    Blank,
    Bad(LineProblem),
    Good(Box<ParsedLine>),
}

/// A usable line, parsed.
struct ParsedLine {
    line: FeedLine,
    problems: Vec<LineProblem>,
    /// The line as read, when grouping prints it back.
    text: Option<String>,
    /// How far its analysis has come, when it needs one.
    analysis: Option<Analysis>,
}

/// A line's analysis between the parallel stages.
#[expect(
    clippy::large_enum_variant,
    reason = "held in a boxed ParsedLine; boxing the document too would add an allocation per line"
)]
enum Analysis {
    Language(Language),
    Document(Document),
}

impl ParsedLine {
    /// Builds the document model of a line whose language is known.
    fn segment(&mut self, lexicons: &Lexicons) {
        self.analysis = match self.analysis.take() {
            Some(Analysis::Language(language)) => {
                let raw = std::mem::take(&mut self.line.raw);
                self.line.raw.id.clone_from(&raw.id);
                let doc = Document::analyze_in(raw, language, lexicons);
                Some(Analysis::Document(doc))
            }
            done => done,
        };
    }
}

/// A line after the parallel stages.
enum Prepared {
    Blank,
    Bad(LineProblem),
    Good(Box<Ready>),
}

/// A usable line, analysed.
struct Ready {
    line: FeedLine,
    problems: Vec<LineProblem>,
    version: Option<Analyzed>,
    signature: Option<Signature>,
    /// The line as read (grouping prints it back).
    text: Option<String>,
}

/// An open story.
struct Open {
    key: String,
    auto: bool,
    lines: Vec<usize>,
    last_line: usize,
    last_time: Option<i64>,
    versions: Vec<Analyzed>,
}

struct Engine<'a> {
    mode: Mode,
    options: &'a FeedOptions,
    lexicons: &'a Lexicons,
    /// Open stories by id; ids grow with the first line.
    open: BTreeMap<u64, Open>,
    by_key: HashMap<String, u64>,
    grouper: Grouper,
    by_line: BTreeSet<(usize, u64)>,
    by_time: BTreeSet<(i64, u64)>,
    clock: Option<i64>,
    /// Every id read (as a 64-bit hash: 16 bytes a line instead of the id
    /// itself; two distinct ids collide with odds of about n²/2⁶⁵, 1 in 10
    /// million for 2 million lines) → its line.
    ids: HashMap<u64, usize>,
    next_id: u64,
    summary: FeedSummary,
    closed: Vec<Open>,
}

fn run(
    input: impl Read + Send,
    lexicons: &Lexicons,
    options: &FeedOptions,
    mode: Mode,
    sink: &mut dyn FeedSink,
) -> Result<FeedSummary> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.jobs)
        .build()
        .map_err(|e| Error::BadOption {
            option: "--jobs".into(),
            reason: e.to_string(),
        })?;
    let mut engine = Engine {
        mode,
        options,
        lexicons,
        open: BTreeMap::new(),
        by_key: HashMap::new(),
        grouper: Grouper::default(),
        by_line: BTreeSet::new(),
        by_time: BTreeSet::new(),
        clock: None,
        ids: HashMap::new(),
        next_id: 0,
        summary: FeedSummary::default(),
        closed: Vec::new(),
    };
    std::thread::scope(|scope| {
        let (tx, rx) = sync_channel::<Item>(4 * BATCH_LINES);
        scope.spawn(move || read_lines(input, tx));
        let result = engine.consume(&rx, &pool, sink);
        // Unblocks the reader if it waits to send after an output error.
        drop(rx);
        result
    })?;
    let ids: Vec<u64> = engine.open.keys().copied().collect();
    for id in ids {
        engine.close(id);
    }
    engine.flush(&pool, sink)?;
    Ok(engine.summary)
}

impl Engine<'_> {
    fn consume(
        &mut self,
        rx: &Receiver<Item>,
        pool: &rayon::ThreadPool,
        sink: &mut dyn FeedSink,
    ) -> Result<()> {
        let mut progress = Progress::default();
        while let Ok(first) = rx.recv() {
            let mut batch = vec![first];
            while batch.len() < BATCH_LINES {
                match rx.try_recv() {
                    Ok(item) => batch.push(item),
                    Err(_) => break,
                }
            }
            let mut lines = Vec::with_capacity(batch.len());
            for item in batch {
                match item {
                    Item::Line {
                        number,
                        bytes,
                        offset,
                    } => {
                        progress.bytes = offset;
                        lines.push((number, bytes));
                    }
                    Item::TooLong { number, offset } => {
                        progress.bytes = offset;
                        lines.push((number, Vec::new()));
                        self.report(
                            &LineProblem::skip(
                                number,
                                format!("longer than {} MiB", MAX_LINE_BYTES >> 20),
                            ),
                            sink,
                        )?;
                    }
                    Item::Failed(source) => {
                        return Err(Error::Unreadable {
                            path: PathBuf::from(&self.options.name),
                            source,
                        });
                    }
                }
            }
            let prepared: Vec<(usize, Prepared)> = pool.install(|| {
                // Each stage runs over the whole batch before the next:
                // the tables a stage reads (the language detector's
                // trigrams, the word lexicons) stay in the cache from one
                // line to the next instead of being evicted by the other
                // stages. With 1 MiB of cache per core that took a third
                // of the feed's cache misses away.
                let parsed: Vec<(usize, Parsed)> = lines
                    .into_par_iter()
                    .map(|(number, bytes)| (number, self.parse(number, bytes)))
                    .collect();
                let parsed: Vec<(usize, Parsed)> = parsed
                    .into_par_iter()
                    .map(|(number, parsed)| (number, self.segment(parsed)))
                    .collect();
                parsed
                    .into_par_iter()
                    .map(|(number, parsed)| (number, self.prepare(parsed)))
                    .collect()
            });
            for (number, p) in prepared {
                self.summary.lines = self.summary.lines.max(number);
                self.accept(number, p, sink)?;
            }
            self.flush(pool, sink)?;
            progress.lines = self.summary.lines;
            progress.stories = self.summary.stories;
            sink.progress(&progress);
        }
        Ok(())
    }

    /// The first parallel part of a line: parse it, and detect its
    /// language when it will be analysed.
    fn parse(&self, number: usize, bytes: Vec<u8>) -> Parsed {
        if bytes.is_empty() {
            // An over-long line, already reported.
            return Parsed::Blank;
        }
        let (line, problems) = match line::parse(&self.options.name, number, &bytes) {
            Ok(Some(parsed)) => parsed,
            Ok(None) => return Parsed::Blank,
            Err(problem) => return Parsed::Bad(problem),
        };
        let auto = line.story.is_none();
        let needs_analysis = self.mode == Mode::Check || auto;
        let analysis = needs_analysis
            .then(|| Analysis::Language(Document::language_of(&line.raw, self.lexicons)));
        let text = match self.mode {
            // The line is printed back as read; bytes were checked as UTF-8.
            Mode::Group => Some(String::from_utf8(bytes).unwrap_or_default()),
            Mode::Check => None,
        };
        Parsed::Good(Box::new(ParsedLine {
            line,
            problems,
            text,
            analysis,
        }))
    }

    /// The second parallel part of a line: its document model.
    fn segment(&self, mut parsed: Parsed) -> Parsed {
        if let Parsed::Good(p) = &mut parsed {
            p.segment(self.lexicons);
        }
        parsed
    }

    /// The third parallel part of a line: foreign spans, facts, anchors.
    fn prepare(&self, parsed: Parsed) -> Prepared {
        let mut parsed = match parsed {
            Parsed::Blank => return Prepared::Blank,
            Parsed::Bad(problem) => return Prepared::Bad(problem),
            Parsed::Good(parsed) => parsed,
        };
        parsed.segment(self.lexicons);
        let ParsedLine {
            line,
            problems,
            text,
            analysis,
        } = *parsed;
        let auto = line.story.is_none();
        let version = match analysis {
            Some(Analysis::Document(doc)) => Some(Analyzed::of_document(doc, self.lexicons)),
            _ => None,
        };
        let signature = match (&version, auto) {
            (Some(v), true) => Some(Signature::new(
                &anchor::anchors(&v.doc, &v.facts, self.lexicons),
                anchor::content_words(&v.doc, self.lexicons),
                &v.doc.language.code,
                line.time,
            )),
            _ => None,
        };
        Prepared::Good(Box::new(Ready {
            line,
            problems,
            version: version.filter(|_| self.mode == Mode::Check),
            signature,
            text,
        }))
    }

    fn report(&mut self, problem: &LineProblem, sink: &mut dyn FeedSink) -> Result<()> {
        self.summary.problems += 1;
        if problem.skipped {
            self.summary.skipped += 1;
        }
        sink.problem(problem)
            .map_err(|source| Error::Output { source })
    }

    /// The sequential part of a line: ids, story assignment, windows.
    fn accept(&mut self, number: usize, p: Prepared, sink: &mut dyn FeedSink) -> Result<()> {
        let Ready {
            line,
            problems,
            version,
            signature,
            text,
        } = match p {
            Prepared::Blank => return Ok(()),
            Prepared::Bad(problem) => return self.report(&problem, sink),
            Prepared::Good(ready) => *ready,
        };
        let id_hash = stable_hash(line.raw.id.as_bytes());
        if let Some(&first) = self.ids.get(&id_hash) {
            let problem =
                LineProblem::skip(number, format!("id `{}` repeats line {first}", line.raw.id));
            return self.report(&problem, sink);
        }
        self.ids.insert(id_hash, number);
        for problem in &problems {
            self.report(problem, sink)?;
        }
        if let Some(t) = line.time {
            self.clock = Some(self.clock.map_or(t, |c| c.max(t)));
        }
        self.expire(number);
        let given = line.story.is_some();
        let id = match &line.story {
            Some(key) => match self.by_key.get(key) {
                Some(&id) => id,
                None => {
                    let id = self.create(key.clone(), false);
                    self.by_key.insert(key.clone(), id);
                    id
                }
            },
            None => {
                let found = signature.as_ref().and_then(|s| self.grouper.find(s));
                match found {
                    Some(id) => id,
                    None => self.create(format!("{AUTO_KEY_PREFIX}{}", line.raw.id), true),
                }
            }
        };
        if let Some(sig) = signature {
            self.grouper.add(id, sig);
        }
        let Some(story) = self.open.get_mut(&id) else {
            return Ok(());
        };
        self.by_line.remove(&(story.last_line, id));
        if let Some(t) = story.last_time {
            self.by_time.remove(&(t, id));
        }
        story.lines.push(number);
        story.last_line = number;
        if let Some(t) = line.time {
            story.last_time = Some(story.last_time.map_or(t, |s| s.max(t)));
        }
        story.versions.extend(version);
        self.by_line.insert((number, id));
        if let Some(t) = story.last_time {
            self.by_time.insert((t, id));
        }
        self.summary.versions += 1;
        if let Some(text) = text {
            let key = story.key.clone();
            sink.assigned(&text, &key, given)
                .map_err(|source| Error::Output { source })?;
        }
        Ok(())
    }

    fn create(&mut self, key: String, auto: bool) -> u64 {
        let id = self.next_id;
        self.next_id += 1;
        self.open.insert(
            id,
            Open {
                key,
                auto,
                lines: Vec::new(),
                last_line: 0,
                last_time: None,
                versions: Vec::new(),
            },
        );
        id
    }

    /// Closes the stories whose window has passed before line `number`.
    fn expire(&mut self, number: usize) {
        let mut due: Vec<u64> = Vec::new();
        if let Some(lines) = self.options.window_lines {
            due.extend(
                self.by_line
                    .iter()
                    .take_while(|(l, _)| l.saturating_add(lines) < number)
                    .map(|&(_, id)| id),
            );
        }
        if let (Some(window), Some(clock)) = (self.options.window, self.clock) {
            due.extend(
                self.by_time
                    .iter()
                    .take_while(|(t, _)| t.saturating_add(window) < clock)
                    .map(|&(_, id)| id),
            );
        }
        due.sort_unstable();
        due.dedup();
        for id in due {
            self.close(id);
        }
    }

    fn close(&mut self, id: u64) {
        let Some(story) = self.open.remove(&id) else {
            return;
        };
        self.by_line.remove(&(story.last_line, id));
        if let Some(t) = story.last_time {
            self.by_time.remove(&(t, id));
        }
        if story.auto {
            self.grouper.remove(id);
        } else if self.by_key.get(&story.key) == Some(&id) {
            self.by_key.remove(&story.key);
        }
        self.summary.stories += 1;
        self.closed.push(story);
    }

    /// Checks the stories closed so far (in parallel) and hands them to the
    /// sink in closing order.
    fn flush(&mut self, pool: &rayon::ThreadPool, sink: &mut dyn FeedSink) -> Result<()> {
        let closed = std::mem::take(&mut self.closed);
        if self.mode == Mode::Group {
            return Ok(());
        }
        let lexicons = self.lexicons;
        let keep = sink.wants_stories();
        let reports: Vec<StoryReport> = pool.install(|| {
            closed
                .into_par_iter()
                .map(|s| check_story(s, lexicons, keep))
                .collect()
        });
        for report in reports {
            sink.story(report)
                .map_err(|source| Error::Output { source })?;
        }
        Ok(())
    }
}

fn check_story(story: Open, lexicons: &Lexicons, keep: bool) -> StoryReport {
    let built = Story::from_analyzed(story.versions, None, lexicons);
    let mut report = Report::check(&built, lexicons);
    for finding in &mut report.findings {
        finding.story = Some(story.key.as_str().into());
    }
    StoryReport {
        key: story.key,
        lines: story.lines,
        report,
        story: keep.then(|| Arc::new(built)),
    }
}

/// The reader thread: lines (without their line break) and read errors.
fn read_lines(input: impl Read, tx: SyncSender<Item>) {
    let mut reader = BufReader::with_capacity(1 << 20, input);
    let mut number = 0;
    let mut offset = 0u64;
    loop {
        let mut bytes = Vec::new();
        let (read, too_long) = match read_line(&mut reader, &mut bytes) {
            Ok(r) => r,
            Err(e) => {
                let _ = tx.send(Item::Failed(e));
                return;
            }
        };
        if read == 0 {
            return;
        }
        number += 1;
        offset += read as u64;
        while matches!(bytes.last(), Some(b'\n' | b'\r')) {
            bytes.pop();
        }
        let item = if too_long {
            Item::TooLong { number, offset }
        } else if bytes.is_empty() {
            continue;
        } else {
            Item::Line {
                number,
                bytes,
                offset,
            }
        };
        if tx.send(item).is_err() {
            return;
        }
    }
}

/// Reads one line into `buf`, keeping at most [`MAX_LINE_BYTES`]; returns the
/// bytes consumed and whether the line was too long (then `buf` is empty).
fn read_line(reader: &mut impl BufRead, buf: &mut Vec<u8>) -> io::Result<(usize, bool)> {
    let mut consumed = 0;
    let mut too_long = false;
    loop {
        let available = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok((consumed, too_long));
        }
        let (n, done) = match available.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (available.len(), false),
        };
        if !too_long {
            if buf.len() + n > MAX_LINE_BYTES {
                too_long = true;
                *buf = Vec::new();
            } else {
                buf.extend_from_slice(&available[..n]);
            }
        }
        reader.consume(n);
        consumed += n;
        if done {
            return Ok((consumed, too_long));
        }
    }
}

#[cfg(test)]
mod tests;
