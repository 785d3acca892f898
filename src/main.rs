//! The `driftcheck` command: parses arguments, calls the library, prints.

use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use clap::{Args, Parser, Subcommand, ValueEnum};

/// mimalloc: the analysis allocates many small strings, and glibc's malloc
/// was a sixth of a feed's time.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `purge_delay` option (the same index in its v2 and v3
/// option enums; the crate exports no constant for it).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Memory freed is handed back to the system at once rather than a second
/// later (mimalloc v3's default): the transients of a long document's analysis (name extraction,
/// alignment) otherwise stay resident through the peak that follows them
/// (20 MB document: 24 MiB less peak RSS; the time is the same). Not for
/// `feed`: its many small stories free and take back memory all the time,
/// and handing it back at once cost a feed of 2,000 stories twice the
/// system time (its peak is bounded by its windows anyway).
fn purge_freed_memory_at_once() {
    // SAFETY: sets a plain integer option, before any other thread runs.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0) };
}

use driftcheck::baseline::{Baseline, Matcher};
use driftcheck::config::{self, Config};
use driftcheck::feed::{self, FeedOptions, FeedSink, LineProblem, Progress, StoryReport};
use driftcheck::finding::{Finding, KINDS, Kind, Severity};
use driftcheck::input::{self, ReadOptions, read_inputs_with};
use driftcheck::lexicon::Lexicons;
use driftcheck::policy::{FailOn, Selection};
use driftcheck::render::{
    self, AlignReport, FactsReport, FeedWriter, Format, LangsReport, RenderOptions, ReportFormat,
};
use driftcheck::report::{BaselineOutcome, Report};
use driftcheck::story::{Story, StoryOptions};
use driftcheck::{Error, checks, lang};
use indicatif::{ProgressBar, ProgressStyle};

const ABOUT: &str = "Checks translated and rewritten versions of one news story against each other";

const LONG_ABOUT: &str = "\
Checks translated and rewritten versions of one news story against each other: \
text left in another language, source-language conventions showing through, \
names spelled differently, numbers, dates, negations, speakers, pronouns and \
quotes that drifted, claims added or dropped. Every finding cites the exact \
bytes of every version involved.";

const AFTER_HELP: &str = "\
Examples:
  driftcheck check fixtures/port-strike/          compare every version in a directory
  driftcheck check --format json a.txt b.txt      the JSON report (SPEC.md)
  driftcheck check --reference orig a/ b.txt      treat orig.txt as the truth
  driftcheck langs fixtures/port-strike/          languages, boilerplate, foreign spans
  driftcheck align fixtures/port-strike/          which claims were paired across versions
  driftcheck explain calque                       what a finding kind means
  driftcheck feed --format jsonl feed.jsonl       check every story of a JSONL feed
  driftcheck group feed.jsonl                     the feed back, with a story key per line
  driftcheck check --write-baseline known.json a/ record today's findings
  driftcheck check --baseline known.json a/       report (and fail on) new ones only
  driftcheck check --format html a/ > report.html the versions side by side in a browser
  driftcheck check --format sarif a/ > r.sarif    for code scanning (also junit, github)
  driftcheck check --select numeric_drift,date_drift a/   only these kinds
  driftcheck check --ignore calque,info a/        everything but calques and info findings

Settings: `format`, `fail-on`, `select`, `ignore`, `lexicons`, `reference` and
`baseline` can be kept in a driftcheck.toml, found in the current directory or
its nearest parent that has one (or named with --config; --no-config ignores
it). Command-line flags win over the file. Example:
  format = \"html\"
  fail-on = \"warning\"
  ignore = [\"calque\"]

Exit status: 0 nothing at or above --fail-on, 1 findings at or above it,
2 a usage or input error (one line on stderr, nothing on stdout). For feed and
group, bad lines are reported on stderr with their line number and skipped,
the rest is still checked and printed, and the status is 2 at the end: bad
input wins over findings.";

#[derive(Parser)]
#[command(name = "driftcheck", version, about = ABOUT, long_about = LONG_ABOUT, after_help = AFTER_HELP)]
struct Cli {
    /// Read settings from this file instead of looking for driftcheck.toml
    /// in the current directory and its parents
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,

    /// Ignore any driftcheck.toml
    #[arg(long, global = true, conflicts_with = "config")]
    no_config: bool,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Compare versions of one story and report where they drift apart
    Check(CheckArgs),
    /// Check a JSONL feed of many stories: group the versions of each story,
    /// then check each group
    Feed(FeedArgs),
    /// Print a JSONL feed back with a `story` key on every line (the
    /// grouping `feed` uses)
    Group(GroupArgs),
    /// Show each document's language, boilerplate and foreign spans
    Langs(InspectArgs),
    /// Show the facts found in each document: quantities, dates, names,
    /// quotes and gender cues, with byte offsets
    Facts(InspectArgs),
    /// Show which claims of the versions were aligned, and why
    Align(AlignArgs),
    /// Explain a finding kind: what it flags, how, and its severity
    Explain {
        /// The kind (untranslated_span, calque, ...); all kinds when omitted
        kind: Option<String>,
    },
}

#[derive(Args)]
struct CommonArgs {
    /// Files, directories (their .txt, .md, .html, .htm files, sorted by
    /// name) or `-` for standard input. A document's id is its file stem.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,

    /// Force a document's language, e.g. `--language notes=pt` (repeatable)
    #[arg(long = "language", value_name = "ID=CODE")]
    languages: Vec<String>,

    /// A directory laid out like lexicons/ whose files add to the embedded
    /// ones (a file whose first line is `#!replace` replaces its twin);
    /// repeatable, later ones last
    #[arg(long, value_name = "DIR")]
    lexicons: Vec<PathBuf>,

    #[command(flatten)]
    read: ReadArgs,
}

#[derive(Args)]
struct InspectArgs {
    #[command(flatten)]
    common: CommonArgs,

    /// Output format
    #[arg(long, value_enum, default_value_t = FormatArg::Table)]
    format: FormatArg,
}

#[derive(Args)]
struct ReadArgs {
    /// Read every input in this encoding (a WHATWG label: utf-8,
    /// windows-1252, latin1, utf-16le, windows-1251, koi8-u ...) instead of
    /// detecting it
    #[arg(long, value_name = "LABEL")]
    encoding: Option<String>,

    /// The largest document accepted, in bytes (suffixes K, M, G)
    #[arg(long, value_name = "SIZE", default_value = "64M")]
    max_doc_bytes: String,

    /// The most documents accepted in one run
    #[arg(long, value_name = "N", default_value_t = input::DEFAULT_MAX_DOCS)]
    max_docs: usize,
}

impl ReadArgs {
    fn options(&self) -> Result<ReadOptions, Error> {
        Ok(ReadOptions {
            encoding: self
                .encoding
                .as_deref()
                .map(input::encoding_for_label)
                .transpose()?,
            max_doc_bytes: input::parse_byte_size(&self.max_doc_bytes)?,
            max_docs: self.max_docs,
        })
    }
}

#[derive(Args)]
struct CheckArgs {
    #[command(flatten)]
    common: CommonArgs,

    /// Output format [default: table]
    #[arg(long, value_enum)]
    format: Option<ReportFormatArg>,

    /// Treat this version (document id) as the truth; without it the
    /// majority reading of each claim is the reference
    #[arg(long, value_name = "ID")]
    reference: Option<String>,

    #[command(flatten)]
    policy: PolicyArgs,

    #[command(flatten)]
    baseline: BaselineArgs,
}

#[derive(Args)]
struct PolicyArgs {
    /// Exit with status 1 when a finding at or above this severity exists
    /// (after --select, --ignore and the baseline filter) [default: error]
    #[arg(long, value_enum)]
    fail_on: Option<FailOnArg>,

    /// Report only these finding kinds and severities, comma-separated
    /// (`numeric_drift,date_drift`, `error`, `all`); a finding is reported
    /// when any of them names it. `driftcheck explain` lists the kinds
    #[arg(long, value_name = "KIND|SEVERITY,...", value_delimiter = ',')]
    select: Vec<String>,

    /// Never report these finding kinds and severities (`calque,info`);
    /// wins over --select
    #[arg(long, value_name = "KIND|SEVERITY,...", value_delimiter = ',')]
    ignore: Vec<String>,
}

#[derive(Args)]
struct BaselineArgs {
    /// Hide the findings recorded in this baseline file; --fail-on then
    /// applies to new findings only
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,

    /// Record every finding of this run (after --select and --ignore, before
    /// --baseline hides any) in this baseline file; an existing file must be
    /// a baseline
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<PathBuf>,

    /// Also list baseline findings that no longer occur (needs a baseline)
    #[arg(long)]
    show_fixed: bool,
}

#[derive(Args)]
struct StreamArgs {
    /// The JSONL feed: one {"id", "text"} object a line, optionally with
    /// "story", "language", "published", "source", "url"; `-` or nothing
    /// reads standard input
    #[arg(value_name = "FILE|-", default_value = "-")]
    input: PathBuf,

    /// A directory laid out like lexicons/ whose files add to the embedded
    /// ones; repeatable
    #[arg(long, value_name = "DIR")]
    lexicons: Vec<PathBuf>,

    /// Threads for analysis and checks (default: one per core); output is
    /// the same for any number
    #[arg(long, value_name = "N", default_value_t = 0)]
    jobs: usize,

    /// Close a story when no version has arrived for this long in feed time
    /// (the latest `published` seen): 48h, 90m, 2d, or `none`
    #[arg(long, value_name = "DURATION", default_value = "48h")]
    window: String,

    /// Close a story when no version has arrived in this many lines (0: never);
    /// keeps memory bounded for feeds without `published` times
    #[arg(long, value_name = "N", default_value_t = feed::DEFAULT_WINDOW_LINES)]
    window_lines: usize,
}

#[derive(Args)]
struct FeedArgs {
    #[command(flatten)]
    stream: StreamArgs,

    /// Output format (html: one page with a section per story; junit: a
    /// test case per story) [default: table]
    #[arg(long, value_enum)]
    format: Option<ReportFormatArg>,

    #[command(flatten)]
    policy: PolicyArgs,

    #[command(flatten)]
    baseline: BaselineArgs,
}

#[derive(Args)]
struct GroupArgs {
    #[command(flatten)]
    stream: StreamArgs,
}

#[derive(Args)]
struct AlignArgs {
    #[command(flatten)]
    common: CommonArgs,

    /// Output format
    #[arg(long, value_enum, default_value_t = FormatArg::Table)]
    format: FormatArg,

    /// Align every version to this one (document id)
    #[arg(long, value_name = "ID")]
    reference: Option<String>,
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    Table,
    Json,
    Jsonl,
    Markdown,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Table => Format::Table,
            FormatArg::Json => Format::Json,
            FormatArg::Jsonl => Format::Jsonl,
            FormatArg::Markdown => Format::Markdown,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum ReportFormatArg {
    /// Tables for a terminal
    Table,
    /// The JSON report of SPEC.md
    Json,
    /// One JSON finding a line
    Jsonl,
    /// Markdown for an issue or a pull request
    Markdown,
    /// One self-contained page: the versions side by side, findings highlighted
    Html,
    /// SARIF 2.1.0 for code scanning
    Sarif,
    /// JUnit XML: a test case per story, a failure per finding at or above --fail-on
    Junit,
    /// GitHub Actions annotations (::error file=...,line=...::message)
    Github,
}

impl From<ReportFormatArg> for ReportFormat {
    fn from(f: ReportFormatArg) -> ReportFormat {
        match f {
            ReportFormatArg::Table => ReportFormat::Text(Format::Table),
            ReportFormatArg::Json => ReportFormat::Text(Format::Json),
            ReportFormatArg::Jsonl => ReportFormat::Text(Format::Jsonl),
            ReportFormatArg::Markdown => ReportFormat::Text(Format::Markdown),
            ReportFormatArg::Html => ReportFormat::Html,
            ReportFormatArg::Sarif => ReportFormat::Sarif,
            ReportFormatArg::Junit => ReportFormat::Junit,
            ReportFormatArg::Github => ReportFormat::Github,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum FailOnArg {
    Error,
    Warning,
    Info,
    Never,
}

impl From<FailOnArg> for FailOn {
    fn from(f: FailOnArg) -> FailOn {
        match f {
            FailOnArg::Error => FailOn::Error,
            FailOnArg::Warning => FailOn::Warning,
            FailOnArg::Info => FailOn::Info,
            FailOnArg::Never => FailOn::Never,
        }
    }
}

/// What a run of `check` or `feed` does: its flags, or else the
/// configuration file's settings, or else the defaults.
struct Settings {
    format: ReportFormat,
    fail_on: FailOn,
    selection: Selection,
    baseline: Option<PathBuf>,
}

impl Settings {
    fn new(
        config: Option<&Config>,
        format: Option<ReportFormatArg>,
        policy: &PolicyArgs,
        baseline: &BaselineArgs,
    ) -> anyhow::Result<Settings> {
        let flags = Selection::parse(&policy.select, &policy.ignore, "--")?;
        let from_file = |pick: fn(&Config) -> &Option<Vec<_>>| {
            config.and_then(|c| pick(c).clone()).unwrap_or_default()
        };
        let selection = Selection {
            select: if policy.select.is_empty() {
                from_file(|c| &c.select)
            } else {
                flags.select
            },
            ignore: if policy.ignore.is_empty() {
                from_file(|c| &c.ignore)
            } else {
                flags.ignore
            },
        };
        let baseline_file = baseline
            .baseline
            .clone()
            .or_else(|| config.and_then(|c| c.baseline.clone()));
        if baseline.show_fixed && baseline_file.is_none() {
            return Err(Error::BadOption {
                option: "--show-fixed".into(),
                reason: format!(
                    "needs a baseline (--baseline FILE, or `baseline` in {})",
                    config::FILE_NAME
                ),
            }
            .into());
        }
        Ok(Settings {
            format: format
                .map(Into::into)
                .or_else(|| config.and_then(|c| c.format))
                .unwrap_or(ReportFormat::Text(Format::Table)),
            fail_on: policy
                .fail_on
                .map(Into::into)
                .or_else(|| config.and_then(|c| c.fail_on))
                .unwrap_or_default(),
            selection,
            baseline: baseline_file,
        })
    }

    /// Loads the baseline and checks that `--write-baseline` may be
    /// written, before any work or output: a bad baseline is a usage error.
    fn prepare_baseline(&self, write: Option<&Path>) -> anyhow::Result<Option<Baseline>> {
        if let Some(path) = write {
            if path.exists() {
                Baseline::load(path)?;
            }
        }
        Ok(match &self.baseline {
            Some(path) => Some(Baseline::load(path)?),
            None => None,
        })
    }
}

/// The lexicon directories: the flags', or else the configuration file's.
fn lexicon_dirs<'a>(flags: &'a [PathBuf], config: Option<&'a Config>) -> &'a [PathBuf] {
    match config {
        Some(c) if flags.is_empty() => &c.lexicons,
        _ => flags,
    }
}

/// The embedded lexicons with the directories laid over them in order.
fn load_lexicons(dirs: &[PathBuf]) -> anyhow::Result<Arc<Lexicons>> {
    if dirs.is_empty() {
        return Ok(Lexicons::embedded());
    }
    Ok(Arc::new(Lexicons::with_overlays(dirs)?))
}

/// The configuration file in force: `--config`, none with `--no-config`,
/// else the nearest driftcheck.toml.
fn find_config(cli: &Cli) -> anyhow::Result<Option<Config>> {
    if cli.no_config {
        return Ok(None);
    }
    if let Some(path) = &cli.config {
        return Ok(Some(Config::load(path)?));
    }
    let here = std::env::current_dir().context("cannot read the current directory")?;
    Ok(Config::discover(&here)?)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if !matches!(cli.command, Command::Feed(_)) {
        purge_freed_memory_at_once();
    }
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            // A failing stderr must not turn the error into a panic.
            let _ = writeln!(io::stderr(), "driftcheck: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    // `explain` reads no input, and so no settings.
    let config = match &cli.command {
        Command::Explain { .. } => None,
        _ => find_config(&cli)?,
    };
    let config = config.as_ref();
    match cli.command {
        Command::Check(args) => run_check(args, config),
        Command::Feed(args) => run_feed(args, config),
        Command::Group(args) => run_group(args, config),
        Command::Langs(args) => {
            let (story, _) = load(&args.common, config, None, false)?;
            let report = LangsReport::new(&story);
            emit(|out| render::render_langs(&report, args.format.into(), out))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Facts(args) => {
            let (story, _) = load(&args.common, config, None, false)?;
            let report = FactsReport::new(&story);
            emit(|out| render::render_facts(&report, args.format.into(), out))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Align(args) => {
            let reference = args
                .reference
                .clone()
                .or_else(|| config.and_then(|c| c.reference.clone()));
            let (story, _) = load(&args.common, config, reference, true)?;
            let report = AlignReport::new(&story);
            emit(|out| render::render_align(&report, args.format.into(), out))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Explain { kind } => explain(kind.as_deref()),
    }
}

fn explain(kind: Option<&str>) -> anyhow::Result<ExitCode> {
    let kinds: Vec<Kind> = match kind {
        Some(name) => vec![Kind::from_name(name).ok_or_else(|| Error::BadOption {
            option: "explain".into(),
            reason: format!(
                "unknown kind `{name}` (kinds: {})",
                KINDS.iter().map(|k| k.name()).collect::<Vec<_>>().join(", ")
            ),
        })?],
        None => KINDS.to_vec(),
    };
    let text: Vec<String> = kinds
        .iter()
        .map(|k| match checks::for_kind(*k) {
            Some(check) => check.explain().to_string(),
            None => format!("{k}: not checked yet by this version of driftcheck."),
        })
        .collect();
    emit(|out| writeln!(out, "{}", text.join("\n\n")))?;
    Ok(ExitCode::SUCCESS)
}

fn run_check(args: CheckArgs, config: Option<&Config>) -> anyhow::Result<ExitCode> {
    let settings = Settings::new(config, args.format, &args.policy, &args.baseline)?;
    let known = settings.prepare_baseline(args.baseline.write_baseline.as_deref())?;
    let reference = args
        .reference
        .clone()
        .or_else(|| config.and_then(|c| c.reference.clone()));
    let (mut story, lexicons) = load(&args.common, config, reference, true)?;
    // Nothing after the report reads the facts or the claims' features (the
    // renderers show text, foreign spans and findings).
    let mut report = Report::check_releasing(&mut story, &lexicons);
    settings.selection.retain(&mut report.findings);
    if let Some(path) = &args.baseline.write_baseline {
        Baseline::of(&report.findings).write(path)?;
    }
    if let Some(known) = &known {
        let mut matcher = known.matcher();
        matcher.retain_new(&mut report.findings);
        report.baseline = Some(BaselineOutcome {
            known: matcher.known(),
            fixed: fixed(&matcher, args.baseline.show_fixed),
        });
    }
    let options = RenderOptions {
        fail_on: settings.fail_on,
        feed: None,
    };
    emit(|out| render::render_check(&story, &report, settings.format, &options, out))?;
    Ok(exit_status(settings.fail_on, report.max_severity()))
}

fn exit_status(fail_on: FailOn, max: Option<Severity>) -> ExitCode {
    if max.is_some_and(|m| fail_on.fails(m)) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn fixed(matcher: &Matcher<'_>, show: bool) -> Vec<driftcheck::baseline::Entry> {
    if show { matcher.fixed() } else { Vec::new() }
}

impl StreamArgs {
    fn options(&self) -> anyhow::Result<FeedOptions> {
        let window = match self.window.trim() {
            "none" | "0" => None,
            w => Some(
                feed::line::parse_duration(w).ok_or_else(|| Error::BadOption {
                    option: "--window".into(),
                    reason: format!("`{w}`: expected a duration such as 48h, 90m, 2d, or `none`"),
                })?,
            ),
        };
        Ok(FeedOptions {
            name: self.name(),
            window,
            window_lines: (self.window_lines > 0).then_some(self.window_lines),
            jobs: self.jobs,
        })
    }

    fn name(&self) -> String {
        if self.input.as_os_str() == "-" {
            "stdin".into()
        } else {
            self.input.display().to_string()
        }
    }

    fn lexicons(&self, config: Option<&Config>) -> anyhow::Result<Arc<Lexicons>> {
        load_lexicons(lexicon_dirs(&self.lexicons, config))
    }

    /// The input and its size when known (for the progress bar).
    fn open(&self) -> anyhow::Result<(Box<dyn Read + Send>, Option<u64>)> {
        if self.input.as_os_str() == "-" {
            return Ok((Box::new(io::stdin()), None));
        }
        let file = std::fs::File::open(&self.input)
            .map_err(|source| Error::reading(&self.input, source))?;
        let size = file.metadata().ok().map(|m| m.len());
        Ok((Box::new(file), size))
    }
}

/// A progress bar on stderr, only for a person watching a terminal: never
/// in pipes, redirections or CI.
fn progress_bar(size: Option<u64>) -> Option<ProgressBar> {
    if !io::stderr().is_terminal() || std::env::var_os("CI").is_some() {
        return None;
    }
    let bar = match size {
        Some(n) => ProgressBar::new(n).with_style(
            ProgressStyle::with_template("{bar:30} {bytes}/{total_bytes} {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        ),
        None => ProgressBar::new_spinner(),
    };
    Some(bar)
}

/// Prints line problems (above the progress bar) and moves the bar.
struct Console {
    name: String,
    bar: Option<ProgressBar>,
}

impl Console {
    fn problem(&self, problem: &LineProblem) {
        let message = format!("driftcheck: {}: {problem}", self.name);
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("{message}")),
            None => eprintln!("{message}"),
        }
    }

    fn progress(&self, p: &Progress) {
        if let Some(bar) = &self.bar {
            bar.set_position(p.bytes);
            bar.set_message(format!("{} lines, {} stories", p.lines, p.stories));
        }
    }
}

impl Drop for Console {
    fn drop(&mut self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

struct FeedCli<'a, 'b> {
    console: Console,
    writer: FeedWriter<'a>,
    selection: Selection,
    matcher: Option<Matcher<'b>>,
    recorded: Option<Vec<Finding>>,
}

impl FeedSink for FeedCli<'_, '_> {
    fn problem(&mut self, problem: &LineProblem) -> io::Result<()> {
        self.console.problem(problem);
        Ok(())
    }

    fn story(&mut self, mut story: StoryReport) -> io::Result<()> {
        self.selection.retain(&mut story.report.findings);
        if let Some(all) = &mut self.recorded {
            all.extend(story.report.findings.iter().cloned());
        }
        if let Some(m) = &mut self.matcher {
            m.retain_new(&mut story.report.findings);
        }
        self.writer.story(&story)
    }

    fn progress(&mut self, progress: &Progress) {
        self.console.progress(progress);
    }

    fn wants_stories(&self) -> bool {
        self.writer.wants_stories()
    }
}

fn run_feed(args: FeedArgs, config: Option<&Config>) -> anyhow::Result<ExitCode> {
    let settings = Settings::new(config, args.format, &args.policy, &args.baseline)?;
    let known = settings.prepare_baseline(args.baseline.write_baseline.as_deref())?;
    let options = args.stream.options()?;
    let lexicons = args.stream.lexicons(config)?;
    let (input, size) = args.stream.open()?;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut sink = FeedCli {
        console: Console {
            name: options.name.clone(),
            bar: progress_bar(size),
        },
        writer: FeedWriter::new(
            settings.format,
            &RenderOptions {
                fail_on: settings.fail_on,
                feed: Some(options.name.clone()),
            },
            &mut out,
        )
        .context("cannot write to standard output")?,
        selection: settings.selection.clone(),
        matcher: known.as_ref().map(Baseline::matcher),
        recorded: args.baseline.write_baseline.as_ref().map(|_| Vec::new()),
    };
    let summary = feed::check(input, &lexicons, &options, &mut sink)?;
    drop(sink.console);
    if let (Some(path), Some(all)) = (&args.baseline.write_baseline, &sink.recorded) {
        Baseline::of(all).write(path)?;
    }
    let outcome = sink.matcher.as_ref().map(|m| BaselineOutcome {
        known: m.known(),
        fixed: fixed(m, args.baseline.show_fixed),
    });
    let stats = sink
        .writer
        .finish(&summary, outcome.as_ref())
        .context("cannot write to standard output")?;
    if summary.problems > 0 {
        return Ok(ExitCode::from(2));
    }
    Ok(exit_status(settings.fail_on, stats.max_severity()))
}

struct GroupCli<'a> {
    console: Console,
    out: &'a mut dyn Write,
}

impl FeedSink for GroupCli<'_> {
    fn problem(&mut self, problem: &LineProblem) -> io::Result<()> {
        self.console.problem(problem);
        Ok(())
    }

    fn assigned(&mut self, line: &str, key: &str, given: bool) -> io::Result<()> {
        if given {
            writeln!(self.out, "{line}")
        } else {
            writeln!(self.out, "{}", feed::with_story_key(line, key))
        }
    }

    fn progress(&mut self, progress: &Progress) {
        self.console.progress(progress);
        // A stream shows each batch's lines at once; a closed pipe shows up
        // at the next write.
        let _ = self.out.flush();
    }
}

fn run_group(args: GroupArgs, config: Option<&Config>) -> anyhow::Result<ExitCode> {
    let options = args.stream.options()?;
    let lexicons = args.stream.lexicons(config)?;
    let (input, size) = args.stream.open()?;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut sink = GroupCli {
        console: Console {
            name: options.name.clone(),
            bar: progress_bar(size),
        },
        out: &mut out,
    };
    let summary = feed::group(input, &lexicons, &options, &mut sink)?;
    drop(sink);
    out.flush().context("cannot write to standard output")?;
    Ok(if summary.problems > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// Reads the inputs and analyses them into a story.
fn load(
    args: &CommonArgs,
    config: Option<&Config>,
    reference: Option<String>,
    compare: bool,
) -> anyhow::Result<(Story, Arc<Lexicons>)> {
    let lexicons = load_lexicons(lexicon_dirs(&args.lexicons, config))?;
    let languages = args
        .languages
        .iter()
        .map(|spec| parse_language(spec))
        .collect::<Result<Vec<_>, _>>()?;
    let raws = read_inputs_with(&args.inputs, &args.read.options()?)?;
    if compare && raws.len() < 2 {
        let hint = if raws.len() == 1 {
            ": give two or more files, or a directory holding the versions".to_string()
        } else {
            String::new()
        };
        return Err(Error::TooFewDocuments {
            found: raws.len(),
            hint,
        }
        .into());
    }
    let options = StoryOptions {
        reference,
        languages,
    };
    let story = Story::build(raws, &options, &lexicons)?;
    Ok((story, lexicons))
}

fn parse_language(spec: &str) -> Result<(String, String), Error> {
    let bad = |reason: &str| Error::BadOption {
        option: "--language".into(),
        reason: format!("`{spec}`: {reason}"),
    };
    let (id, code) = spec
        .split_once('=')
        .ok_or_else(|| bad("expected ID=CODE, e.g. notes=pt"))?;
    let code = code.trim().to_ascii_lowercase();
    if id.is_empty() || !lang::is_known_code(&code) {
        return Err(bad(
            "expected ID=CODE with an ISO 639-1 or 639-3 code, e.g. notes=pt",
        ));
    }
    Ok((id.to_string(), code))
}

/// Writes to standard output through a buffer; errors carry the io::Error so
/// a broken pipe can be told apart.
fn emit(write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> anyhow::Result<()> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    write(&mut out).context("cannot write to standard output")?;
    out.flush().context("cannot write to standard output")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    /// The option the binary sets is mimalloc's purge delay: the one whose
    /// default is 1000 ms in mimalloc v3 (its neighbours default to 1 and 0).
    #[test]
    fn purge_delay_option_is_the_documented_one() {
        // SAFETY: reads a plain integer option.
        let delay = unsafe { libmimalloc_sys::mi_option_get(super::MI_OPTION_PURGE_DELAY) };
        assert_eq!(delay, 1000);
    }
}
