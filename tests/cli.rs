//! The command line: every exit code, every format, every input error.

use assert_cmd::Command;
use predicates::prelude::*;

fn driftcheck() -> Command {
    Command::cargo_bin("driftcheck").expect("binary built")
}

const STORY: &str = "fixtures/port-strike";

fn stdout_of(args: &[&str]) -> String {
    let out = driftcheck().args(args).output().expect("runs");
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

#[test]
fn check_json_is_the_spec_report() {
    let out = stdout_of(&["check", "--format", "json", "--fail-on", "never", STORY]);
    let report: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(report["schema_version"], 1);
    let docs = report["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 4);
    let ids: Vec<&str> = docs.iter().map(|d| d["id"].as_str().unwrap()).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted, "documents by id");
    for d in docs {
        for key in [
            "id",
            "path",
            "language",
            "language_confidence",
            "boilerplate",
        ] {
            assert!(d.get(key).is_some(), "document lacks {key}");
        }
    }
    let findings = report["findings"].as_array().unwrap();
    assert!(!findings.is_empty());
    for f in findings {
        for key in ["kind", "severity", "message", "evidence"] {
            assert!(f.get(key).is_some(), "finding lacks {key}");
        }
        let ev = f["evidence"].as_array().unwrap();
        assert!(!ev.is_empty(), "every finding has evidence");
        for e in ev {
            let doc = e["doc"].as_str().unwrap();
            let path = docs.iter().find(|d| d["id"] == doc).unwrap()["path"]
                .as_str()
                .unwrap();
            let text = std::fs::read_to_string(path).unwrap();
            let (s, t) = (
                e["start"].as_u64().unwrap() as usize,
                e["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(
                &text[s..t],
                e["text"].as_str().unwrap(),
                "evidence is the exact slice"
            );
        }
    }
}

#[test]
fn every_format_renders_and_is_deterministic() {
    for format in ["table", "json", "jsonl", "markdown"] {
        let args = ["check", "--format", format, "--fail-on", "never", STORY];
        let first = stdout_of(&args);
        assert!(!first.is_empty(), "{format} printed nothing");
        assert_eq!(
            first,
            stdout_of(&args),
            "{format} output differs between runs"
        );
    }
    let jsonl = stdout_of(&["check", "--format", "jsonl", "--fail-on", "never", STORY]);
    for line in jsonl.lines() {
        let f: serde_json::Value = serde_json::from_str(line).expect("each line is JSON");
        assert!(f.get("kind").is_some());
    }
    let md = stdout_of(&["check", "--format", "markdown", "--fail-on", "never", STORY]);
    assert!(md.starts_with("# driftcheck report"));
    let table = stdout_of(&["check", "--fail-on", "never", STORY]);
    assert!(
        table.lines().all(|l| l.chars().count() <= 100),
        "table fits 100 columns"
    );
}

#[test]
fn fail_on_sets_the_exit_status() {
    // The fixture has calques (info) and untranslated spans (warning).
    driftcheck()
        .args(["check", "--fail-on", "info", STORY])
        .assert()
        .code(1);
    driftcheck()
        .args(["check", "--fail-on", "warning", STORY])
        .assert()
        .code(1);
    driftcheck()
        .args(["check", "--fail-on", "never", STORY])
        .assert()
        .code(0);
}

#[test]
fn clean_versions_exit_zero() {
    let dir = tempfile::tempdir().unwrap();
    let text = "The council approved the new budget on Monday after a long debate.\n";
    std::fs::write(dir.path().join("a.txt"), text).unwrap();
    std::fs::write(dir.path().join("b.txt"), text).unwrap();
    driftcheck()
        .args(["check", "--fail-on", "info"])
        .arg(dir.path())
        .assert()
        .code(0)
        .stdout(predicate::str::contains("2 documents, 0 findings"));
}

fn input_error(args: &[&str], stdin: Option<&[u8]>, reason: &str) {
    let mut cmd = driftcheck();
    cmd.args(args);
    if let Some(bytes) = stdin {
        cmd.write_stdin(bytes.to_vec());
    }
    let out = cmd.output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    assert!(out.stdout.is_empty(), "nothing on stdout for {args:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
    assert!(err.contains(reason), "{args:?}: {err}");
}

#[test]
fn input_errors_exit_two_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("empty")).unwrap();
    // Mostly UTF-8 (so not a legacy encoding), with one damaged byte.
    let mut bad = "Olá, café é ótimo. ".as_bytes().to_vec();
    bad.push(0xFF);
    bad.extend_from_slice(b" fim");
    std::fs::write(d.join("bad.txt"), bad).unwrap();
    std::fs::write(d.join("bin.txt"), b"PK\x03\x04\x00\x00binary").unwrap();
    std::fs::write(d.join("one.txt"), "Only one version of the story.").unwrap();
    let p = |name: &str| d.join(name).display().to_string();

    input_error(
        &["check", &p("missing.txt"), &p("one.txt")],
        None,
        "missing.txt: no such file",
    );
    input_error(&["check", &p("empty")], None, "directory holds no");
    input_error(
        &["check", &p("bad.txt"), &p("one.txt")],
        None,
        "bad.txt: not valid UTF-8: first bad byte at offset 23",
    );
    input_error(
        &["check", &p("bin.txt"), &p("one.txt")],
        None,
        "bin.txt: looks like a binary file",
    );
    input_error(&["check", &p("one.txt")], None, "at least two documents");
    input_error(
        &["check", "-"],
        Some(b"Only stdin here."),
        "at least two documents",
    );
    input_error(
        &["check", "--reference", "nope", &p("one.txt"), STORY],
        None,
        "--reference: no document has the id `nope`",
    );
    input_error(
        &["check", "--language", "one=xx1", &p("one.txt"), STORY],
        None,
        "--language",
    );
    input_error(
        &["check", "--language", "ghost=pt", &p("one.txt"), STORY],
        None,
        "no document has the id `ghost`",
    );
    input_error(&["explain", "not_a_kind"], None, "unknown kind");
    input_error(
        &["check", "--lexicons", &p("nowhere"), STORY],
        None,
        "cannot read lexicon directory",
    );
}

#[test]
fn usage_errors_exit_two() {
    driftcheck()
        .args(["check", "--format", "yaml", STORY])
        .assert()
        .code(2)
        .stdout("");
    driftcheck().args(["check"]).assert().code(2).stdout("");
    driftcheck()
        .args(["frobnicate"])
        .assert()
        .code(2)
        .stdout("");
}

#[test]
fn stdin_is_a_document_called_stdin() {
    let text = std::fs::read_to_string(format!("{STORY}/b_portal_en.txt")).unwrap();
    let out = driftcheck()
        .args([
            "check",
            "--format",
            "json",
            "--fail-on",
            "never",
            "-",
            STORY,
        ])
        .write_stdin(text)
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        report["documents"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["id"] == "stdin")
    );
}

#[test]
fn language_override_applies() {
    let out = stdout_of(&[
        "langs",
        "--format",
        "json",
        "--language",
        "a_wire_en=pt",
        STORY,
    ]);
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    let doc = &report["documents"][0];
    assert_eq!(doc["id"], "a_wire_en");
    assert_eq!(doc["language"], "pt");
    assert_eq!(doc["language_confidence"], 1.0);
}

#[test]
fn langs_lists_languages_boilerplate_and_foreign_spans() {
    let out = stdout_of(&["langs", "--format", "json", STORY]);
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    let langs: Vec<&str> = report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["language"].as_str().unwrap())
        .collect();
    assert_eq!(langs, ["en", "en", "pt", "uk"]);
    let uk = &report["documents"][3];
    assert_eq!(uk["foreign"][0]["label"], "en");
    assert!(!uk["boilerplate"].as_array().unwrap().is_empty());
    for format in ["table", "jsonl", "markdown"] {
        assert!(!stdout_of(&["langs", "--format", format, STORY]).is_empty());
    }
}

#[test]
fn explain_documents_every_registered_kind() {
    driftcheck()
        .args(["explain", "calque"])
        .assert()
        .success()
        .stdout(predicate::str::contains("calque (info)"));
    driftcheck()
        .arg("explain")
        .assert()
        .success()
        .stdout(predicate::str::contains("untranslated_span"));
}

#[test]
fn user_lexicons_add_rules() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("en")).unwrap();
    std::fs::write(
        dir.path().join("en/calques.txt"),
        "port_word | \\bdockworkers\\b | the word dockworkers (a test rule)\n",
    )
    .unwrap();
    let out = stdout_of(&[
        "check",
        "--format",
        "jsonl",
        "--fail-on",
        "never",
        "--lexicons",
        &dir.path().display().to_string(),
        STORY,
    ]);
    assert!(out.contains("\"rule\":\"port_word\""), "{out}");
}
