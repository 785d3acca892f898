//! `--baseline`, `--write-baseline` and `--show-fixed` on `check` and `feed`.

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

const EN: &str = "The transport minister opened the new tram line in Porto on Monday.\n\n\
This Tuesday (4) the first trains carried 3,200 passengers, the operator said.\n\n\
The line cost 410 million euros and took four years to build.\n";

const PT: &str = "O ministro dos transportes inaugurou a nova linha de elétrico no Porto na segunda-feira.\n\n\
Na terça-feira, os primeiros comboios transportaram 3.200 passageiros, disse o operador.\n\n\
A linha custou 410 milhões de euros e levou quatro anos a construir.\n";

fn driftcheck() -> Command {
    Command::cargo_bin("driftcheck").expect("binary built")
}

fn write_story(dir: &Path, en: &str) {
    std::fs::write(dir.join("en.txt"), en).unwrap();
    std::fs::write(dir.join("pt.txt"), PT).unwrap();
}

fn check(dir: &Path, extra: &[&str]) -> assert_cmd::assert::Assert {
    driftcheck()
        .arg("check")
        .args(extra)
        .arg(dir.join("en.txt"))
        .arg(dir.join("pt.txt"))
        .assert()
}

#[test]
fn baseline_written_then_only_new_findings_count() {
    let dir = tempfile::tempdir().unwrap();
    write_story(dir.path(), EN);
    let base = dir.path().join("known.json");
    let b = base.to_str().unwrap();
    check(dir.path(), &["--fail-on", "info"]).code(1);
    check(dir.path(), &["--write-baseline", b, "--fail-on", "never"]).code(0);
    let text = std::fs::read_to_string(&base).unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["format"], "driftcheck-baseline");
    assert_eq!(json["version"], 1);
    let entries = json["findings"].as_array().unwrap();
    let calques: Vec<&serde_json::Value> =
        entries.iter().filter(|e| e["kind"] == "calque").collect();
    assert_eq!(calques.len(), 1, "{text}");
    assert_eq!(calques[0]["evidence"][0], "Tuesday (4)");
    let known = entries.len();

    // The same findings: nothing new, so --fail-on info passes.
    check(
        dir.path(),
        &["--baseline", b, "--fail-on", "info", "--format", "jsonl"],
    )
    .code(0)
    .stdout("");

    // An edit elsewhere (page furniture, no new claim) moves every offset but
    // keeps the fingerprints.
    let edited = format!("By Staff Reporter\n\n{EN}\nShare this article\n");
    write_story(dir.path(), &edited);
    check(dir.path(), &["--baseline", b, "--fail-on", "info"])
        .code(0)
        .stdout(predicate::str::contains(format!(
            "{known} known finding(s) hidden by the baseline"
        )));

    // A new finding appears: only it is reported, and it fails the run.
    let new = format!("{edited}On Friday (7) a second line was announced.\n");
    write_story(dir.path(), &new);
    let out = check(
        dir.path(),
        &["--baseline", b, "--fail-on", "info", "--format", "jsonl"],
    )
    .code(1)
    .get_output()
    .stdout
    .clone();
    let lines: Vec<serde_json::Value> = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(!lines.is_empty());
    assert!(
        lines
            .iter()
            .all(|l| l["evidence"].to_string().contains("Friday (7)")),
        "only findings about the new sentence: {lines:?}"
    );
    assert!(lines.iter().any(|l| l["kind"] == "calque"), "{lines:?}");
}

#[test]
fn show_fixed_lists_findings_that_disappeared() {
    let dir = tempfile::tempdir().unwrap();
    write_story(dir.path(), EN);
    let base = dir.path().join("known.json");
    let b = base.to_str().unwrap();
    check(dir.path(), &["--write-baseline", b, "--fail-on", "never"]).code(0);
    write_story(dir.path(), &EN.replace("This Tuesday (4)", "On Tuesday"));
    let out = check(
        dir.path(),
        &["--baseline", b, "--show-fixed", "--format", "json"],
    )
    .code(0)
    .get_output()
    .stdout
    .clone();
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let fixed = json["baseline"]["fixed"].as_array().unwrap();
    assert!(
        fixed
            .iter()
            .any(|f| f["kind"] == "calque" && f["evidence"][0] == "Tuesday (4)"),
        "{fixed:?}"
    );
    check(dir.path(), &["--baseline", b, "--show-fixed"])
        .code(0)
        .stdout(predicate::str::contains(format!(
            "fixed since the baseline ({})",
            fixed.len()
        )))
        .stdout(predicate::str::contains("Tuesday (4)"));
}

#[test]
fn corrupt_or_foreign_baselines_are_errors_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    write_story(dir.path(), EN);
    let corrupt = dir.path().join("corrupt.json");
    std::fs::write(
        &corrupt,
        "{\"format\": \"driftcheck-baseline\", \"version\": 1, \"findings\": [",
    )
    .unwrap();
    let c = corrupt.to_str().unwrap();
    check(dir.path(), &["--baseline", c])
        .code(2)
        .stdout("")
        .stderr(
            predicate::str::contains("corrupt.json")
                .and(predicate::str::contains("not a driftcheck baseline")),
        );
    check(dir.path(), &["--write-baseline", c])
        .code(2)
        .stdout("");
    let foreign = dir.path().join("notes.json");
    std::fs::write(&foreign, "[\"my notes\"]").unwrap();
    check(dir.path(), &["--write-baseline", foreign.to_str().unwrap()])
        .code(2)
        .stdout("");
    assert_eq!(std::fs::read_to_string(&foreign).unwrap(), "[\"my notes\"]");
    assert!(std::fs::read_to_string(&corrupt).unwrap().ends_with('['));
    check(
        dir.path(),
        &[
            "--baseline",
            dir.path().join("missing.json").to_str().unwrap(),
        ],
    )
    .code(2)
    .stderr(predicate::str::contains("missing.json"));
}

#[test]
fn feed_baseline_keys_findings_by_story() {
    let dir = tempfile::tempdir().unwrap();
    let line = |id: &str, text: &str| {
        serde_json::json!({"id": id, "story": "tram", "text": text}).to_string()
    };
    let feed = format!("{}\n{}\n", line("en", EN), line("pt", PT));
    let path = dir.path().join("feed.jsonl");
    std::fs::write(&path, &feed).unwrap();
    let base = dir.path().join("known.json");
    driftcheck()
        .args(["feed", "--fail-on", "never", "--write-baseline"])
        .arg(&base)
        .arg(&path)
        .assert()
        .code(0);
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&base).unwrap()).unwrap();
    assert_eq!(json["findings"][0]["story"], "tram");
    driftcheck()
        .args([
            "feed",
            "--fail-on",
            "info",
            "--format",
            "jsonl",
            "--baseline",
        ])
        .arg(&base)
        .arg(&path)
        .assert()
        .code(0)
        .stdout("");
    // The same finding under another story key is new.
    std::fs::write(&path, feed.replace("\"tram\"", "\"metro\"")).unwrap();
    driftcheck()
        .args([
            "feed",
            "--fail-on",
            "info",
            "--format",
            "jsonl",
            "--show-fixed",
            "--baseline",
        ])
        .arg(&base)
        .arg(&path)
        .assert()
        .code(1)
        .stdout(
            predicate::str::contains("\"story\":\"metro\"")
                .and(predicate::str::contains("{\"fixed\":")),
        );
}
