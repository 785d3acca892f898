//! The `driftcheck` command: parses arguments, calls the library, prints.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use clap::{Args, Parser, Subcommand, ValueEnum};

use driftcheck::finding::{KINDS, Kind, Severity};
use driftcheck::input::{self, ReadOptions, read_inputs_with};
use driftcheck::lexicon::Lexicons;
use driftcheck::render::{self, Format, LangsReport};
use driftcheck::report::Report;
use driftcheck::story::{Story, StoryOptions};
use driftcheck::{Error, checks, lang};

const ABOUT: &str = "Checks translated and rewritten versions of one news story against each other";

const LONG_ABOUT: &str = "\
Checks translated and rewritten versions of one news story against each other: \
text left in another language, source-language conventions showing through, \
names spelled differently, numbers, dates, negations, speakers, pronouns and \
quotes that drifted, claims added or dropped. Every finding cites the exact \
bytes of every version involved.";

const AFTER_HELP: &str = "\
Examples:
  driftcheck check fixtures/summit/               compare every version in a directory
  driftcheck check --format json a.txt b.txt      the JSON report (SPEC.md)
  driftcheck check --reference orig a/ b.txt      treat orig.txt as the truth
  driftcheck langs fixtures/summit/               languages, boilerplate, foreign spans
  driftcheck explain calque                       what a finding kind means

Exit status: 0 nothing at or above --fail-on, 1 findings at or above it,
2 a usage or input error (one line on stderr, nothing on stdout).";

#[derive(Parser)]
#[command(name = "driftcheck", version, about = ABOUT, long_about = LONG_ABOUT, after_help = AFTER_HELP)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Compare versions of one story and report where they drift apart
    Check(CheckArgs),
    /// Show each document's language, boilerplate and foreign spans
    Langs(CommonArgs),
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

    /// Output format
    #[arg(long, value_enum, default_value_t = FormatArg::Table)]
    format: FormatArg,

    /// Force a document's language, e.g. `--language notes=pt` (repeatable)
    #[arg(long = "language", value_name = "ID=CODE")]
    languages: Vec<String>,

    /// A directory laid out like lexicons/ whose files add to the embedded
    /// ones (a file whose first line is `#!replace` replaces its twin)
    #[arg(long, value_name = "DIR")]
    lexicons: Option<PathBuf>,

    #[command(flatten)]
    read: ReadArgs,
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

    /// Treat this version (document id) as the truth; without it the
    /// majority reading of each claim is the reference
    #[arg(long, value_name = "ID")]
    reference: Option<String>,

    /// Exit with status 1 when a finding at or above this severity exists
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    fail_on: FailOn,
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
enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

impl FailOn {
    fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
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
    match cli.command {
        Command::Check(args) => {
            let (story, lexicons) = load(&args.common, args.reference.clone(), true)?;
            let report = Report::check(&story, &lexicons);
            emit(|out| render::render(&report, args.common.format.into(), out))?;
            let failed = match (args.fail_on.threshold(), report.max_severity()) {
                (Some(threshold), Some(max)) => max >= threshold,
                _ => false,
            };
            Ok(if failed {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Langs(args) => {
            let (story, _) = load(&args, None, false)?;
            let report = LangsReport::new(&story);
            emit(|out| render::render_langs(&report, args.format.into(), out))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Explain { kind } => {
            let kinds: Vec<Kind> = match kind {
                Some(name) => vec![Kind::from_name(&name).ok_or_else(|| Error::BadOption {
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
    }
}

/// Reads the inputs and analyses them into a story.
fn load(
    args: &CommonArgs,
    reference: Option<String>,
    compare: bool,
) -> anyhow::Result<(Story, Arc<Lexicons>)> {
    let lexicons = match &args.lexicons {
        Some(dir) => Arc::new(Lexicons::with_overlay(dir)?),
        None => Lexicons::embedded(),
    };
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
