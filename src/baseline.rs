//! Baselines: the findings a team has already seen, so a pipeline fails only
//! on new drift.
//!
//! A finding's fingerprint hashes its kind, story, rule, the documents it
//! cites and the normalised text of each evidence span (folded, white space
//! collapsed), never offsets or the message: an edit elsewhere in a document
//! keeps every other fingerprint. The file is JSON a person can read and
//! review in a diff:
//!
//! ```json
//! {
//!   "format": "driftcheck-baseline",
//!   "version": 1,
//!   "findings": [
//!     {"fingerprint": "5c0e3a8f1b2d4e6f", "kind": "calque", "severity": "info",
//!      "story": null, "rule": "weekday_day_parens", "docs": ["b"],
//!      "evidence": ["Friday (29)"], "message": "..."}
//!   ]
//! }
//! ```
//!
//! Entries are sorted by story, kind and fingerprint. Files are written to a
//! temporary file in the same directory and renamed over the target, so a
//! reader never sees half a baseline; an existing file that is not a
//! baseline is never overwritten.

use crate::hash::{HashMap, HashMapExt};
use std::io::Write;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::finding::{Finding, Kind, Severity};
use crate::text::{fold, stable_hash};

/// The `format` marker of a baseline file.
pub const FORMAT: &str = "driftcheck-baseline";

/// The baseline file version this build reads and writes.
pub const VERSION: u32 = 1;

/// One known finding.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// 16 hex digits identifying the finding (see the module docs).
    pub fingerprint: String,
    /// Its kind.
    pub kind: Kind,
    /// Its severity when recorded (not part of the fingerprint).
    pub severity: Severity,
    /// The story key (feeds), if any.
    pub story: Option<String>,
    /// The rule, if any.
    pub rule: Option<String>,
    /// The document of each evidence span.
    pub docs: Vec<String>,
    /// The text of each evidence span, as cited.
    pub evidence: Vec<String>,
    /// The message when recorded, for people (not part of the fingerprint).
    pub message: String,
}

impl Entry {
    /// The entry of a finding.
    pub fn of(finding: &Finding) -> Entry {
        Entry {
            fingerprint: fingerprint(finding),
            kind: finding.kind,
            severity: finding.severity,
            story: finding.story.as_deref().map(String::from),
            rule: finding.rule.as_deref().map(String::from),
            docs: finding.evidence.iter().map(|e| e.doc.clone()).collect(),
            evidence: finding
                .evidence
                .iter()
                .map(|e| e.text.to_string())
                .collect(),
            message: finding.message.to_string(),
        }
    }

    fn order_key(&self) -> (&Option<String>, Kind, &str) {
        (&self.story, self.kind, &self.fingerprint)
    }
}

/// The fingerprint of a finding: kind, story, rule, and each evidence span's
/// document and normalised text, hashed.
pub fn fingerprint(finding: &Finding) -> String {
    // Unit and record separators keep fields from running into each other.
    let mut key = String::new();
    key.push_str(finding.kind.name());
    for part in [&finding.story, &finding.rule] {
        key.push('\u{1f}');
        key.push_str(part.as_deref().unwrap_or(""));
    }
    for e in &finding.evidence {
        key.push('\u{1e}');
        key.push_str(&e.doc);
        key.push('\u{1f}');
        key.push_str(&normalise(&e.text));
    }
    format!("{:016x}", stable_hash(key.as_bytes()))
}

/// Folded, with runs of white space as one space: line wrapping, case and
/// accents changed by an edit do not make a finding new.
fn normalise(text: &str) -> String {
    fold(text).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A baseline file's contents.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Baseline {
    /// Always [`FORMAT`].
    pub format: String,
    /// Always [`VERSION`].
    pub version: u32,
    /// Known findings, sorted.
    pub findings: Vec<Entry>,
}

impl Baseline {
    /// The baseline of a set of findings.
    pub fn of<'a>(findings: impl IntoIterator<Item = &'a Finding>) -> Baseline {
        let mut entries: Vec<Entry> = findings.into_iter().map(Entry::of).collect();
        entries.sort_by(|a, b| a.order_key().cmp(&b.order_key()));
        Baseline {
            format: FORMAT.into(),
            version: VERSION,
            findings: entries,
        }
    }

    /// Reads a baseline file. A file that is not a baseline of this
    /// version is an error naming the file.
    pub fn load(path: &Path) -> Result<Baseline> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::reading(path, source))?;
        let bad = |reason: String| Error::Baseline {
            path: path.to_path_buf(),
            reason,
        };
        let value: serde_json::Value =
            serde_json::from_str(&text).map_err(|e| bad(format!("invalid JSON: {e}")))?;
        if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
            return Err(bad(format!("no `\"format\": \"{FORMAT}\"` marker")));
        }
        match value.get("version").and_then(|v| v.as_u64()) {
            Some(v) if v == u64::from(VERSION) => {}
            Some(v) => return Err(bad(format!("version {v}, this driftcheck reads {VERSION}"))),
            None => return Err(bad("no `version`".into())),
        }
        serde_json::from_value(value).map_err(|e| bad(e.to_string()))
    }

    /// Writes the baseline atomically. An existing file at `path` must be a
    /// baseline (it is replaced); anything else is left alone and is an error.
    pub fn write(&self, path: &Path) -> Result<()> {
        if path.exists() {
            Baseline::load(path)?;
        }
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let io = |source| Error::Unreadable {
            path: path.to_path_buf(),
            source,
        };
        let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(io)?;
        let mut text = serde_json::to_string_pretty(self).map_err(|e| Error::Baseline {
            path: path.to_path_buf(),
            reason: e.to_string(),
        })?;
        text.push('\n');
        tmp.write_all(text.as_bytes()).map_err(io)?;
        tmp.as_file().sync_all().map_err(io)?;
        tmp.persist(path).map_err(|e| io(e.error))?;
        Ok(())
    }

    /// A matcher that tells new findings from known ones.
    pub fn matcher(&self) -> Matcher<'_> {
        let mut remaining: HashMap<&str, Vec<&Entry>> = HashMap::new();
        for entry in &self.findings {
            remaining.entry(&entry.fingerprint).or_default().push(entry);
        }
        Matcher {
            remaining,
            known: 0,
        }
    }
}

/// Consumes baseline entries as findings match them: each entry hides one
/// finding, so a finding that appears twice where it was known once is new.
#[derive(Debug)]
pub struct Matcher<'a> {
    remaining: HashMap<&'a str, Vec<&'a Entry>>,
    known: usize,
}

impl Matcher<'_> {
    /// True (and the entry used up) when the finding is in the baseline.
    pub fn is_known(&mut self, finding: &Finding) -> bool {
        let hit = self
            .remaining
            .get_mut(fingerprint(finding).as_str())
            .and_then(Vec::pop)
            .is_some();
        self.known += usize::from(hit);
        hit
    }

    /// Keeps only the findings that are not in the baseline.
    pub fn retain_new(&mut self, findings: &mut Vec<Finding>) {
        findings.retain(|f| !self.is_known(f));
    }

    /// How many findings the baseline hid.
    pub fn known(&self) -> usize {
        self.known
    }

    /// The entries no finding matched: drift that was fixed, sorted.
    pub fn fixed(&self) -> Vec<Entry> {
        let mut out: Vec<Entry> = self
            .remaining
            .values()
            .flatten()
            .map(|e| (*e).clone())
            .collect();
        out.sort_by(|a, b| a.order_key().cmp(&b.order_key()));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Evidence;

    fn finding(doc: &str, start: usize, text: &str) -> Finding {
        let ev = Evidence {
            doc: doc.into(),
            start,
            end: start + text.len(),
            text: text.into(),
            line: 1,
            column: 1,
        };
        Finding::new(Kind::Calque, Severity::Info, "m", vec![ev]).with_rule("r")
    }

    #[test]
    fn fingerprints_ignore_offsets_and_form_only() {
        let a = finding("d", 10, "Friday (29)");
        assert_eq!(
            fingerprint(&a),
            fingerprint(&finding("d", 900, "friday\n (29)"))
        );
        assert_ne!(
            fingerprint(&a),
            fingerprint(&finding("e", 10, "Friday (29)"))
        );
        assert_ne!(
            fingerprint(&a),
            fingerprint(&finding("d", 10, "Friday (30)"))
        );
        let mut storied = a.clone();
        storied.story = Some("s".into());
        assert_ne!(fingerprint(&a), fingerprint(&storied));
    }

    #[test]
    fn matcher_hides_known_and_lists_fixed() {
        let known = finding("d", 1, "one");
        let gone = finding("d", 1, "gone");
        let base = Baseline::of([&known, &gone]);
        let mut m = base.matcher();
        let mut now = vec![
            finding("d", 5, "one"),
            finding("d", 9, "one"),
            finding("d", 1, "new"),
        ];
        m.retain_new(&mut now);
        let left: Vec<&str> = now.iter().map(|f| f.evidence[0].text.as_str()).collect();
        assert_eq!(left, ["one", "new"]);
        assert_eq!(m.known(), 1);
        assert_eq!(m.fixed().len(), 1);
        assert_eq!(m.fixed()[0].evidence, ["gone"]);
    }

    #[test]
    fn write_load_and_refuse_foreign_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("base.json");
        let base = Baseline::of([&finding("d", 1, "x")]);
        base.write(&path).unwrap();
        assert_eq!(Baseline::load(&path).unwrap(), base);
        base.write(&path).unwrap();
        let foreign = dir.path().join("notes.json");
        std::fs::write(&foreign, "{\"hello\": 1}").unwrap();
        let err = base.write(&foreign).unwrap_err();
        assert!(err.to_string().contains("driftcheck-baseline"), "{err}");
        assert_eq!(std::fs::read_to_string(&foreign).unwrap(), "{\"hello\": 1}");
        std::fs::write(
            &foreign,
            "{\"format\":\"driftcheck-baseline\",\"version\":9}",
        )
        .unwrap();
        assert!(
            Baseline::load(&foreign)
                .unwrap_err()
                .to_string()
                .contains("version 9")
        );
        assert!(matches!(
            Baseline::load(&dir.path().join("missing.json")),
            Err(Error::NotFound { .. })
        ));
        let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(leftovers, 2, "no temporary file left behind");
    }
}
