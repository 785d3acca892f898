//! `driftcheck.toml`: settings kept with a project, so every run of
//! `check` and `feed` there reports the same way. Found in the current
//! directory or the nearest parent that has one, or named with `--config`;
//! command-line flags win over it.
//!
//! ```toml
//! format = "html"                     # table, json, jsonl, markdown, html, sarif, junit, github
//! fail-on = "warning"                 # error, warning, info, never
//! select = ["numeric_drift", "date_drift", "error"]   # kinds, severities or "all"
//! ignore = ["calque"]
//! lexicons = ["lexicons-local"]       # directories laid over the embedded lexicons
//! reference = "original"              # the version treated as the truth (check, align)
//! baseline = "known-findings.json"    # hide the findings recorded there
//! ```
//!
//! Paths are relative to the file's directory. A key driftcheck does not
//! know is an error that names the file, the key, its line and the keys
//! there are: a misspelt setting must not be silently ignored.

use std::fmt;
use std::marker::PhantomData;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde::de::{self, Deserializer, IntoDeserializer, SeqAccess, Visitor};

use crate::error::{Error, Result};
use crate::policy::{FailOn, Selector};
use crate::render::ReportFormat;

/// The name looked for in the current directory and its parents.
pub const FILE_NAME: &str = "driftcheck.toml";

/// The file as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Raw {
    format: Option<ReportFormat>,
    fail_on: Option<FailOn>,
    select: Option<OneOrMany<Selector>>,
    ignore: Option<OneOrMany<Selector>>,
    lexicons: Option<OneOrMany<PathBuf>>,
    reference: Option<String>,
    baseline: Option<PathBuf>,
}

/// The settings of a configuration file; `None` (or empty) where it says
/// nothing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Config {
    /// The file the settings come from.
    pub path: PathBuf,
    /// `format`: the output format of `check` and `feed`.
    pub format: Option<ReportFormat>,
    /// `fail-on`: the lowest severity that fails a run.
    pub fail_on: Option<FailOn>,
    /// `select`: the kinds and severities to report.
    pub select: Option<Vec<Selector>>,
    /// `ignore`: the kinds and severities never to report.
    pub ignore: Option<Vec<Selector>>,
    /// `lexicons`: directories laid over the embedded lexicons, in order,
    /// relative to the file's directory already.
    pub lexicons: Vec<PathBuf>,
    /// `reference`: the id of the version treated as the truth.
    pub reference: Option<String>,
    /// `baseline`: a baseline file, relative to the file's directory already.
    pub baseline: Option<PathBuf>,
}

impl Config {
    /// Reads and checks a configuration file.
    pub fn load(path: &Path) -> Result<Config> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::reading(path, source))?;
        let raw: Raw = toml::from_str(&text).map_err(|e| Error::Config {
            path: path.to_path_buf(),
            reason: describe(&e, &text),
        })?;
        let dir = path.parent().unwrap_or(Path::new(""));
        let resolve = |p: PathBuf| if p.is_absolute() { p } else { dir.join(p) };
        Ok(Config {
            path: path.to_path_buf(),
            format: raw.format,
            fail_on: raw.fail_on,
            select: raw.select.map(|s| s.0),
            ignore: raw.ignore.map(|s| s.0),
            lexicons: raw
                .lexicons
                .map(|l| l.0.into_iter().map(resolve).collect())
                .unwrap_or_default(),
            reference: raw.reference,
            baseline: raw.baseline.map(resolve),
        })
    }

    /// The configuration of a directory: [`FILE_NAME`] in it or in the
    /// nearest parent that has one.
    pub fn discover(dir: &Path) -> Result<Option<Config>> {
        for d in dir.ancestors() {
            let candidate = d.join(FILE_NAME);
            if candidate.is_file() {
                return Config::load(&candidate).map(Some);
            }
        }
        Ok(None)
    }
}

/// A TOML error as one line: where, and what.
fn describe(e: &toml::de::Error, text: &str) -> String {
    // serde speaks of fields and variants; the file has keys and values.
    let message = e
        .message()
        .trim()
        .replace('\n', " ")
        .replacen("unknown field", "unknown key", 1)
        .replacen("unknown variant", "unknown value", 1);
    match e.span() {
        Some(span) => {
            let before = &text[..span.start.min(text.len())];
            let line = before.matches('\n').count() + 1;
            let column = before[before.rfind('\n').map_or(0, |i| i + 1)..]
                .chars()
                .count()
                + 1;
            format!("line {line}, column {column}: {message}")
        }
        None => message,
    }
}

/// A value or a list of values (`select = "calque"` or `select = ["calque"]`).
#[derive(Debug)]
struct OneOrMany<T>(Vec<T>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for OneOrMany<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct Either<T>(PhantomData<T>);

        impl<'de, T: Deserialize<'de>> Visitor<'de> for Either<T> {
            type Value = OneOrMany<T>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string or a list of strings")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> std::result::Result<Self::Value, E> {
                let one: std::result::Result<T, E> = T::deserialize(v.into_deserializer());
                Ok(OneOrMany(vec![one?]))
            }

            fn visit_seq<A: SeqAccess<'de>>(
                self,
                seq: A,
            ) -> std::result::Result<Self::Value, A::Error> {
                Vec::deserialize(de::value::SeqAccessDeserializer::new(seq)).map(OneOrMany)
            }
        }

        d.deserialize_any(Either(PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Kind, Severity};
    use crate::render::Format;

    fn load(text: &str) -> Result<Config> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        std::fs::write(&path, text).unwrap();
        Config::load(&path)
    }

    #[test]
    fn every_key_is_read_and_paths_are_relative_to_the_file() {
        let c = load(
            "format = \"sarif\"\nfail-on = \"warning\"\nselect = [\"numeric_drift\", \"error\"]\n\
             ignore = \"calque\"\nlexicons = [\"lex\"]\nreference = \"orig\"\nbaseline = \"b.json\"\n",
        )
        .unwrap();
        let dir = c.path.parent().unwrap().to_path_buf();
        assert_eq!(c.format, Some(ReportFormat::Sarif));
        assert_eq!(c.fail_on, Some(FailOn::Warning));
        assert_eq!(
            c.select,
            Some(vec![
                Selector::Kind(Kind::NumericDrift),
                Selector::Severity(Severity::Error)
            ])
        );
        assert_eq!(c.ignore, Some(vec![Selector::Kind(Kind::Calque)]));
        assert_eq!(c.lexicons, vec![dir.join("lex")]);
        assert_eq!(c.reference.as_deref(), Some("orig"));
        assert_eq!(c.baseline, Some(dir.join("b.json")));
        let empty = load("").unwrap();
        assert_eq!(empty.format, None);
        assert!(empty.lexicons.is_empty());
        assert_eq!(
            load("format = \"table\"").unwrap().format,
            Some(ReportFormat::Text(Format::Table))
        );
    }

    #[test]
    fn unknown_keys_and_values_are_errors_naming_the_file_and_the_key() {
        let message = load("format = \"json\"\nfail_on = \"info\"\n")
            .unwrap_err()
            .to_string();
        assert!(message.contains(FILE_NAME), "{message}");
        assert!(message.contains("line 2, column 1"), "{message}");
        assert!(message.contains("`fail_on`"), "{message}");
        assert!(
            message.contains("fail-on"),
            "lists the known keys: {message}"
        );
        let message = load("select = [\"numerik\"]").unwrap_err().to_string();
        assert!(message.contains("`numerik`"), "{message}");
        let message = load("format = \"pdf\"").unwrap_err().to_string();
        assert!(
            message.contains("`pdf`") && message.contains("sarif"),
            "{message}"
        );
        let message = load("format = [").unwrap_err().to_string();
        assert!(message.contains("line 1"), "{message}");
    }

    #[test]
    fn discovery_walks_up_to_the_nearest_file() {
        let root = tempfile::tempdir().unwrap();
        let inner = root.path().join("a").join("b");
        std::fs::create_dir_all(&inner).unwrap();
        std::fs::write(root.path().join(FILE_NAME), "fail-on = \"never\"").unwrap();
        let found = Config::discover(&inner).unwrap().unwrap();
        assert_eq!(found.path, root.path().join(FILE_NAME));
        std::fs::write(root.path().join("a").join(FILE_NAME), "fail-on = \"info\"").unwrap();
        let nearer = Config::discover(&inner).unwrap().unwrap();
        assert_eq!(nearer.fail_on, Some(FailOn::Info));
    }
}
