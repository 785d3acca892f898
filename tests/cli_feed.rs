//! `driftcheck feed` and `driftcheck group` from the command line.

#[path = "support/feedgen.rs"]
mod feedgen;

use std::io::{BufRead, BufReader, Write};
use std::process::{Command as Process, Stdio};
use std::time::Duration;

use assert_cmd::Command;
use predicates::prelude::*;

fn driftcheck() -> Command {
    Command::cargo_bin("driftcheck").expect("binary built")
}

fn line(id: &str, story: Option<&str>, published: &str, text: &str) -> String {
    let mut v = serde_json::json!({"id": id, "published": published, "text": text});
    if let Some(s) = story {
        v["story"] = s.into();
    }
    v.to_string()
}

// One story in three languages, with a calque in the English version.
const BRIDGE_EN: &str = "Engineers in Coimbra closed the Santa Clara bridge on Thursday (6) after finding \
cracks in 14 of its 212 pillars. City engineer Rosalind Achterberg said repairs would cost 38 million euros.";
const BRIDGE_PT: &str = "Os engenheiros de Coimbra fecharam a ponte de Santa Clara na quinta-feira depois de \
encontrarem fissuras em 14 dos seus 212 pilares. A engenheira municipal Rosalind Achterberg disse que as \
reparações custarão 38 milhões de euros.";
const BRIDGE_IT: &str = "Gli ingegneri di Coimbra hanno chiuso il ponte di Santa Clara giovedì dopo aver \
trovato crepe in 14 dei suoi 212 piloni. L'ingegnera comunale Rosalind Achterberg ha detto che le \
riparazioni costeranno 38 milioni di euro.";
// The same engineer and bridge a week later: another story.
const BRIDGE_LATER: &str = "The Santa Clara bridge in Coimbra reopened to traffic after 9 days of work, \
city engineer Rosalind Achterberg said, adding that 3 lanes would stay closed until 2027.";
// Another story altogether, in German.
const CHOIR_DE: &str = "Der Jugendchor aus Tartu hat beim Wettbewerb in Graz den ersten Preis gewonnen. \
Dirigentin Maarja Lepiksaar sagte, die 46 Sängerinnen hätten 11 Monate geprobt.";

fn bridge_feed() -> String {
    [
        line("bridge-en", None, "2031-05-06T08:00:00Z", BRIDGE_EN),
        line("choir-de", Some("choir"), "2031-05-06T09:00:00Z", CHOIR_DE),
        line("bridge-pt", None, "2031-05-06T10:30:00Z", BRIDGE_PT),
        line("bridge-it", None, "2031-05-06T13:00:00Z", BRIDGE_IT),
        line("bridge-later", None, "2031-05-13T10:00:00Z", BRIDGE_LATER),
    ]
    .join("\n")
}

fn group_keys(feed: &str, extra: &[&str]) -> Vec<(String, String)> {
    let out = driftcheck()
        .arg("group")
        .args(extra)
        .write_stdin(feed.to_string())
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            (
                v["id"].as_str().unwrap().to_string(),
                v["story"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn group_keeps_keys_groups_versions_and_splits_days() {
    let keys = group_keys(&bridge_feed(), &[]);
    let expect = [
        ("bridge-en", "auto:bridge-en"),
        ("choir-de", "choir"),
        ("bridge-pt", "auto:bridge-en"),
        ("bridge-it", "auto:bridge-en"),
        ("bridge-later", "auto:bridge-later"),
    ];
    let got: Vec<(&str, &str)> = keys.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    assert_eq!(got, expect);
    // Without any window the later story is still told apart, by its date
    // and its numbers.
    let keys = group_keys(&bridge_feed(), &["--window", "none", "--window-lines", "0"]);
    assert_eq!(keys[4].1, "auto:bridge-later");
}

#[test]
fn group_prints_the_rest_of_each_line_unchanged() {
    let feed = r#"{"id":"x","text":"Ein kurzer Text.","url":"https://example.org/a?b=1"}"#;
    driftcheck()
        .arg("group")
        .write_stdin(feed)
        .assert()
        .code(0)
        .stdout(format!("{{\"story\":\"auto:x\",{}\n", &feed[1..]));
}

#[test]
fn jsonl_findings_carry_their_story() {
    let out = driftcheck()
        .args(["feed", "--format", "jsonl", "--fail-on", "info"])
        .write_stdin(bridge_feed())
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let findings: Vec<serde_json::Value> = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(!findings.is_empty());
    for f in &findings {
        let story = f["story"].as_str().unwrap();
        let docs: Vec<&str> = f["evidence"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["doc"].as_str().unwrap())
            .collect();
        if story == "auto:bridge-en" {
            assert!(
                docs.iter()
                    .all(|d| d.starts_with("bridge-") && *d != "bridge-later")
            );
        }
    }
    assert!(findings.iter().any(|f| f["kind"] == "calque"
        && f["story"] == "auto:bridge-en"
        && f["evidence"][0]["text"] == "Thursday (6)"));
}

#[test]
fn json_has_one_report_per_story_and_a_summary() {
    let out = driftcheck()
        .args(["feed", "--format", "json", "--fail-on", "never"])
        .write_stdin(bridge_feed())
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(json["schema_version"], 1);
    let stories: Vec<&str> = json["stories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["story"].as_str().unwrap())
        .collect();
    // The bridge story closes when the week-later line passes its window.
    assert_eq!(stories, ["auto:bridge-en", "choir", "auto:bridge-later"]);
    assert_eq!(json["stories"][0]["documents"].as_array().unwrap().len(), 3);
    assert_eq!(json["summary"]["stories"], 3);
    assert_eq!(json["summary"]["versions"], 5);
    assert!(
        json["summary"]["findings_by_kind"]["calque"]
            .as_u64()
            .unwrap()
            >= 1
    );
    driftcheck()
        .args(["feed", "--fail-on", "never"])
        .write_stdin(bridge_feed())
        .assert()
        .code(0)
        .stdout(
            predicate::str::contains("━━ story choir (lines 2)")
                .and(predicate::str::contains("feed: 3 stories, 5 versions,")),
        );
    driftcheck()
        .args(["feed", "--format", "markdown", "--fail-on", "never"])
        .write_stdin(bridge_feed())
        .assert()
        .code(0)
        .stdout(
            predicate::str::contains("## Story `auto:bridge-en` (lines 1, 3, 4)")
                .and(predicate::str::contains("**Feed:** 3 stories, 5 versions,")),
        );
}

#[test]
fn bad_lines_are_reported_skipped_and_exit_2() {
    let feed = format!(
        "{}\nnot json at all\n{}\n{{\"id\":\"no-text\"}}\n{}\n{}\n",
        line("bridge-en", Some("b"), "2031-05-06T08:00:00Z", BRIDGE_EN),
        format_args!("{}{}", "[".repeat(5000), "]".repeat(5000)),
        line("bridge-en", Some("b"), "2031-05-06T09:00:00Z", BRIDGE_PT),
        line("bridge-it", Some("b"), "2031-05-06T09:00:00Z", BRIDGE_IT),
    );
    let assert = driftcheck()
        .args(["feed", "--format", "jsonl", "--fail-on", "never"])
        .write_stdin(feed)
        .assert()
        .code(2);
    let out = assert.get_output();
    let stderr = String::from_utf8_lossy(&out.stderr);
    for n in ["line 2:", "line 3:", "line 4:", "line 5:"] {
        assert!(
            stderr.contains(&format!("stdin: {n}")),
            "{n} missing in {stderr}"
        );
    }
    assert!(stderr.contains("repeats line 1"), "{stderr}");
    assert!(!stderr.contains("line 6:"), "{stderr}");
    // The good lines were still checked: the calque of line 1 is reported.
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("Thursday (6)"), "{stdout}");
}

#[test]
fn output_is_the_same_for_any_number_of_threads() {
    let feed = feedgen::generate(&feedgen::Spec {
        stories: 40,
        versions: 3,
        ..Default::default()
    })
    .jsonl();
    let run = |jobs: &str| {
        driftcheck()
            .args([
                "feed",
                "--format",
                "json",
                "--fail-on",
                "never",
                "--jobs",
                jobs,
            ])
            .write_stdin(feed.clone())
            .assert()
            .code(0)
            .get_output()
            .stdout
            .clone()
    };
    let one = run("1");
    assert!(one.len() > 1000);
    assert_eq!(one, run("2"));
    assert_eq!(one, run("3"));
}

#[test]
fn a_long_stream_reports_stories_as_their_window_passes() {
    let mut child = Process::new(env!("CARGO_BIN_EXE_driftcheck"))
        .args([
            "feed",
            "--format",
            "jsonl",
            "--fail-on",
            "never",
            "--window",
            "24h",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut first = String::new();
        let _ = BufReader::new(stdout).read_line(&mut first);
        let _ = tx.send(first);
    });
    writeln!(
        stdin,
        "{}",
        line("a", None, "2031-05-06T08:00:00Z", BRIDGE_EN)
    )
    .unwrap();
    writeln!(
        stdin,
        "{}",
        line("b", None, "2031-05-06T09:00:00Z", BRIDGE_PT)
    )
    .unwrap();
    writeln!(
        stdin,
        "{}",
        line("c", None, "2031-05-09T09:00:00Z", CHOIR_DE)
    )
    .unwrap();
    stdin.flush().unwrap();
    // Input stays open: the first story must come out anyway.
    let first = rx
        .recv_timeout(Duration::from_secs(60))
        .expect("output before end of input");
    assert!(first.contains("\"story\":\"auto:a\""), "{first}");
    drop(stdin);
    assert!(child.wait().unwrap().success());
}

#[test]
fn missing_feed_file_is_a_usage_error() {
    driftcheck()
        .args(["feed", "/no/such/feed.jsonl"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("/no/such/feed.jsonl"));
    driftcheck()
        .args(["feed", "--window", "soon", "-"])
        .write_stdin("")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--window"));
}
