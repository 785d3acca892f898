//! Which findings a run reports (`--select`, `--ignore`) and which of them
//! fail it (`--fail-on`).
//!
//! Selectors follow ruff's convention: a selector names a finding kind
//! (`numeric_drift`), a severity (`error`, `warning`, `info`) or `all`. A
//! finding is reported when some `select` selector matches it (or when
//! nothing is selected) and no `ignore` selector does.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer};

use crate::error::{Error, Result};
use crate::finding::{Finding, KINDS, Kind, Severity};

/// The severities, from the most to the least serious.
const SEVERITIES: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

/// One selector: a kind, a severity, or every finding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Selector {
    /// Every finding (`all`).
    All,
    /// The findings of one kind.
    Kind(Kind),
    /// The findings of one severity.
    Severity(Severity),
}

impl Selector {
    /// True when the finding is one this selector names.
    pub fn matches(self, finding: &Finding) -> bool {
        match self {
            Selector::All => true,
            Selector::Kind(k) => finding.kind == k,
            Selector::Severity(s) => finding.severity == s,
        }
    }

    /// Every name a selector can have, for messages and `--help`.
    pub fn names() -> Vec<&'static str> {
        let mut names = vec!["all"];
        names.extend(SEVERITIES.iter().map(|s| s.name()));
        names.extend(KINDS.iter().map(|k| k.name()));
        names
    }
}

impl FromStr for Selector {
    type Err = String;

    fn from_str(name: &str) -> Result<Selector, String> {
        let name = name.trim();
        if name.eq_ignore_ascii_case("all") {
            return Ok(Selector::All);
        }
        if let Some(s) = SEVERITIES.iter().find(|s| s.name() == name) {
            return Ok(Selector::Severity(*s));
        }
        Kind::from_name(name).map(Selector::Kind).ok_or_else(|| {
            format!(
                "unknown kind or severity `{name}` (expected one of: {})",
                Selector::names().join(", ")
            )
        })
    }
}

impl fmt::Display for Selector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Selector::All => f.write_str("all"),
            Selector::Kind(k) => f.write_str(k.name()),
            Selector::Severity(s) => f.write_str(s.name()),
        }
    }
}

impl<'de> Deserialize<'de> for Selector {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Selector, D::Error> {
        let name = String::deserialize(d)?;
        name.parse().map_err(serde::de::Error::custom)
    }
}

/// The findings a run reports.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// Report only findings some of these match (every finding when empty).
    pub select: Vec<Selector>,
    /// Never report findings any of these match.
    pub ignore: Vec<Selector>,
}

impl Selection {
    /// Parses comma-separated selector lists (each list may be repeated, as
    /// `--select a --select b` or `--select a,b`). `option` names the
    /// source of the lists in errors.
    pub fn parse(select: &[String], ignore: &[String], option: &str) -> Result<Selection> {
        let parse = |lists: &[String], which: &str| -> Result<Vec<Selector>> {
            lists
                .iter()
                .flat_map(|l| l.split(','))
                .filter(|s| !s.trim().is_empty())
                .map(|s| {
                    s.parse().map_err(|reason| Error::BadOption {
                        option: format!("{option}{which}"),
                        reason,
                    })
                })
                .collect()
        };
        Ok(Selection {
            select: parse(select, "select")?,
            ignore: parse(ignore, "ignore")?,
        })
    }

    /// True when every finding is reported.
    pub fn is_everything(&self) -> bool {
        self.select.is_empty() && self.ignore.is_empty()
    }

    /// True when a finding is reported.
    pub fn keeps(&self, finding: &Finding) -> bool {
        (self.select.is_empty() || self.select.iter().any(|s| s.matches(finding)))
            && !self.ignore.iter().any(|s| s.matches(finding))
    }

    /// Drops the findings that are not reported, keeping the order.
    pub fn retain(&self, findings: &mut Vec<Finding>) {
        if !self.is_everything() {
            findings.retain(|f| self.keeps(f));
        }
    }
}

/// The lowest severity that fails a run (exit status 1), or none.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FailOn {
    /// Fail on errors (the default).
    #[default]
    Error,
    /// Fail on warnings and errors.
    Warning,
    /// Fail on any finding.
    Info,
    /// Never fail because of findings.
    Never,
}

impl FailOn {
    /// Every value, by name.
    pub const NAMES: [&'static str; 4] = ["error", "warning", "info", "never"];

    /// The lowest failing severity (`None` for `never`).
    pub fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }

    /// True when a finding of this severity fails the run.
    pub fn fails(self, severity: Severity) -> bool {
        self.threshold().is_some_and(|t| severity >= t)
    }

    /// The value of a name.
    pub fn from_name(name: &str) -> Option<FailOn> {
        [FailOn::Error, FailOn::Warning, FailOn::Info, FailOn::Never]
            .into_iter()
            .zip(Self::NAMES)
            .find(|(_, n)| *n == name)
            .map(|(f, _)| f)
    }
}

impl<'de> Deserialize<'de> for FailOn {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<FailOn, D::Error> {
        let name = String::deserialize(d)?;
        FailOn::from_name(&name)
            .ok_or_else(|| serde::de::Error::unknown_variant(&name, &FailOn::NAMES))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Evidence;

    fn finding(kind: Kind, severity: Severity) -> Finding {
        Finding::new(kind, severity, "m", Vec::<Evidence>::new())
    }

    fn selection(select: &str, ignore: &str) -> Selection {
        Selection::parse(&[select.to_string()], &[ignore.to_string()], "--").unwrap()
    }

    #[test]
    fn select_is_a_union_and_ignore_wins() {
        let s = selection("numeric_drift,warning", "calque");
        assert!(s.keeps(&finding(Kind::NumericDrift, Severity::Error)));
        assert!(s.keeps(&finding(Kind::NameVariant, Severity::Warning)));
        assert!(!s.keeps(&finding(Kind::DateDrift, Severity::Error)));
        assert!(!s.keeps(&finding(Kind::Calque, Severity::Warning)));
    }

    #[test]
    fn nothing_selected_keeps_everything_not_ignored() {
        let s = selection("", "info");
        assert!(s.keeps(&finding(Kind::Addition, Severity::Warning)));
        assert!(!s.keeps(&finding(Kind::Calque, Severity::Info)));
        let all = selection("all", "");
        assert!(all.keeps(&finding(Kind::Omission, Severity::Info)));
        assert!(selection("", "").is_everything());
    }

    #[test]
    fn unknown_selectors_name_the_option_and_the_choices() {
        let err = Selection::parse(&["numeric".into()], &[], "--").unwrap_err();
        let message = err.to_string();
        assert!(message.starts_with("--select: unknown kind or severity `numeric`"));
        assert!(message.contains("numeric_drift") && message.contains("warning"));
    }

    #[test]
    fn fail_on_thresholds() {
        assert!(FailOn::Warning.fails(Severity::Error));
        assert!(!FailOn::Error.fails(Severity::Warning));
        assert!(!FailOn::Never.fails(Severity::Error));
        assert_eq!(FailOn::from_name("info"), Some(FailOn::Info));
        assert_eq!(FailOn::from_name("fatal"), None);
    }
}
