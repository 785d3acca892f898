//! Feed lines: one JSON object a line, checked field by field so that a bad
//! line is reported with its number and reason and the rest of the feed goes on.

use serde_json::{Map, Value};

use crate::input::RawDocument;
use crate::lang;

/// A problem with one line of a feed. Every problem is reported; a skipped
/// line is not checked at all, the others are checked without the bad field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineProblem {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong, for a person.
    pub reason: String,
    /// True when the whole line was skipped.
    pub skipped: bool,
}

impl LineProblem {
    /// A problem that makes the line unusable.
    pub fn skip(line: usize, reason: impl Into<String>) -> Self {
        LineProblem {
            line,
            reason: reason.into(),
            skipped: true,
        }
    }

    fn field(line: usize, reason: String) -> Self {
        LineProblem {
            line,
            reason,
            skipped: false,
        }
    }
}

impl std::fmt::Display for LineProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let what = if self.skipped {
            "line skipped"
        } else {
            "field ignored"
        };
        write!(f, "line {}: {}; {what}", self.line, self.reason)
    }
}

/// One usable line of a feed.
#[derive(Clone, Debug)]
pub struct FeedLine {
    /// 1-based line number.
    pub number: usize,
    /// The version, ready for analysis (`path` is `<feed>:<line>`).
    pub raw: RawDocument,
    /// The story key the line gave, if any.
    pub story: Option<String>,
    /// `published` as seconds since the Unix epoch (UTC).
    pub time: Option<i64>,
    /// The `source` field, if any.
    pub source: Option<String>,
    /// The `url` field, if any.
    pub url: Option<String>,
}

/// Parses one line. `Ok` carries the line and the problems with optional
/// fields (the line is still used); `Err` is a line to skip. A blank line
/// gives `Ok(None)`: it holds nothing to check.
pub fn parse(
    feed: &str,
    number: usize,
    bytes: &[u8],
) -> Result<Option<(FeedLine, Vec<LineProblem>)>, LineProblem> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        LineProblem::skip(
            number,
            format!("not valid UTF-8 (first bad byte at {})", e.valid_up_to()),
        )
    })?;
    if text.trim().is_empty() {
        return Ok(None);
    }
    // serde_json keeps its recursion limit (128 levels): a deeply nested line
    // is an error here, not a stack overflow.
    let value: Value = serde_json::from_str(text).map_err(|e| {
        // The line number serde_json adds is always 1 here: keep the column.
        let message = e.to_string();
        let message = message
            .rsplit_once(" at line ")
            .map_or(&*message, |(m, _)| m);
        LineProblem::skip(
            number,
            format!("not valid JSON at column {}: {message}", e.column()),
        )
    })?;
    let Value::Object(mut map) = value else {
        return Err(LineProblem::skip(number, "not a JSON object"));
    };
    let id = required(&mut map, "id", number)?;
    if id.is_empty() {
        return Err(LineProblem::skip(number, "`id` is empty"));
    }
    let text = required(&mut map, "text", number)?;
    let mut problems = Vec::new();
    let mut optional = |name: &str| -> Option<String> {
        match map.remove(name) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s),
            Some(_) => {
                problems.push(LineProblem::field(
                    number,
                    format!("`{name}` is not a string"),
                ));
                None
            }
        }
    };
    let story = optional("story").filter(|s| !s.is_empty());
    let language = optional("language");
    let published = optional("published");
    let source = optional("source");
    let url = optional("url");
    let language = language.and_then(|code| {
        let code = code.trim().to_ascii_lowercase();
        if lang::is_known_code(&code) {
            Some(code)
        } else {
            problems.push(LineProblem::field(
                number,
                format!("`language` `{code}` is not an ISO 639-1 or 639-3 code"),
            ));
            None
        }
    });
    let time = published.as_deref().and_then(|p| {
        let t = parse_time(p);
        if t.is_none() {
            problems.push(LineProblem::field(
                number,
                format!("`published` `{p}` is not an RFC 3339 date or time"),
            ));
        }
        t
    });
    let raw = RawDocument {
        id,
        path: format!("{feed}:{number}"),
        text,
        language,
        published: published.filter(|_| time.is_some()),
        ..RawDocument::default()
    };
    Ok(Some((
        FeedLine {
            number,
            raw,
            story,
            time,
            source,
            url,
        },
        problems,
    )))
}

fn required(map: &mut Map<String, Value>, name: &str, line: usize) -> Result<String, LineProblem> {
    match map.remove(name) {
        Some(Value::String(s)) => Ok(s),
        None | Some(Value::Null) => Err(LineProblem::skip(line, format!("`{name}` is missing"))),
        Some(_) => Err(LineProblem::skip(line, format!("`{name}` is not a string"))),
    }
}

/// Seconds since the Unix epoch of an RFC 3339 date (`2024-12-03`, midnight
/// UTC) or date-time (`2024-12-03T10:00:00Z`, `2024-12-03 10:00+02:00`;
/// seconds, fraction and offset optional, UTC without an offset).
pub fn parse_time(s: &str) -> Option<i64> {
    let s = s.trim();
    let date = s.get(..10)?;
    let b = date.as_bytes();
    if b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year: i64 = digits(&date[..4])?;
    let month: i64 = digits(&date[5..7])?;
    let day: i64 = digits(&date[8..10])?;
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    let days = days_from_civil(year, month, day);
    let rest = &s[10..];
    if rest.is_empty() {
        return Some(days * 86_400);
    }
    let rest = rest.strip_prefix(['T', 't', ' '])?;
    let (clock, offset) = match rest.find(['Z', 'z', '+', '-']) {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, ""),
    };
    let (hms, _fraction) = clock.split_once('.').unwrap_or((clock, ""));
    let mut parts = hms.split(':');
    let hour: i64 = digits(parts.next()?)?;
    let minute: i64 = digits(parts.next()?)?;
    let second: i64 = parts.next().map_or(Some(0), digits)?;
    if parts.next().is_some() || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let offset = match offset {
        "" | "Z" | "z" => 0,
        o => {
            let sign = if o.starts_with('-') { -1 } else { 1 };
            let (h, m) = o[1..].split_once(':')?;
            let (h, m): (i64, i64) = (digits(h)?, digits(m)?);
            if h > 23 || m > 59 {
                return None;
            }
            sign * (h * 3600 + m * 60)
        }
    };
    Some(days * 86_400 + hour * 3600 + minute * 60 + second - offset)
}

fn digits(s: &str) -> Option<i64> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Parses a window length: a number followed by `s`, `m`, `h` or `d`
/// (`48h`, `90m`, `2d`); a bare number is seconds.
pub fn parse_duration(s: &str) -> Option<i64> {
    let s = s.trim();
    let (number, unit) = match s.char_indices().last()? {
        (i, c) if c.is_ascii_alphabetic() => (&s[..i], c.to_ascii_lowercase()),
        _ => (s, 's'),
    };
    let n = digits(number)?;
    let scale = match unit {
        's' => 1,
        'm' => 60,
        'h' => 3600,
        'd' => 86_400,
        _ => return None,
    };
    n.checked_mul(scale)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(line: &str) -> String {
        parse("f", 7, line.as_bytes()).unwrap_err().reason
    }

    #[test]
    fn good_line_with_optional_fields() {
        let (line, problems) = parse(
            "f",
            3,
            br#"{"id":"a","text":"Hola.","story":"s1","language":"ES","published":"2024-12-03T10:00:00+01:00","url":"u"}"#,
        )
        .unwrap()
        .unwrap();
        assert!(problems.is_empty());
        assert_eq!(line.raw.id, "a");
        assert_eq!(line.raw.path, "f:3");
        assert_eq!(line.raw.language.as_deref(), Some("es"));
        assert_eq!(line.story.as_deref(), Some("s1"));
        assert_eq!(line.time, parse_time("2024-12-03T09:00:00Z"));
        assert_eq!(line.url.as_deref(), Some("u"));
    }

    #[test]
    fn bad_lines_say_why() {
        assert!(problem("{not json").starts_with("not valid JSON"));
        assert_eq!(problem("[1,2]"), "not a JSON object");
        assert_eq!(problem(r#"{"text":"x"}"#), "`id` is missing");
        assert_eq!(problem(r#"{"id":5,"text":"x"}"#), "`id` is not a string");
        assert_eq!(problem(r#"{"id":"a"}"#), "`text` is missing");
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(problem(&deep).starts_with("not valid JSON"));
        let err = parse("f", 1, b"{\"id\":\"\xff\"}").unwrap_err();
        assert!(err.reason.contains("UTF-8"), "{err}");
        assert!(parse("f", 1, b"  \r").unwrap().is_none());
    }

    #[test]
    fn bad_optional_fields_are_reported_and_ignored() {
        let (line, problems) = parse(
            "f",
            2,
            br#"{"id":"a","text":"x","story":3,"published":"yesterday","language":"klingon"}"#,
        )
        .unwrap()
        .unwrap();
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(problems.iter().all(|p| !p.skipped && p.line == 2));
        assert!(line.story.is_none() && line.time.is_none() && line.raw.published.is_none());
    }

    #[test]
    fn times_and_durations() {
        assert_eq!(parse_time("1970-01-01"), Some(0));
        assert_eq!(parse_time("1970-01-02T00:00Z"), Some(86_400));
        assert_eq!(parse_time("2000-03-01"), Some(951_868_800));
        assert_eq!(
            parse_time("2024-02-29T12:30:15.5-02:30"),
            parse_time("2024-02-29T15:00:15Z")
        );
        assert_eq!(parse_time("2023-02-29"), None);
        assert_eq!(parse_time("2024-12-03T25:00Z"), None);
        assert_eq!(parse_time("ça-va"), None);
        assert_eq!(parse_duration("48h"), Some(172_800));
        assert_eq!(parse_duration("2d"), Some(172_800));
        assert_eq!(parse_duration("90"), Some(90));
        assert_eq!(parse_duration("h"), None);
        assert_eq!(parse_duration("5w"), None);
    }
}
