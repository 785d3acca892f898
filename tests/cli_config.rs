//! Rule selection (`--select`, `--ignore`) and `driftcheck.toml` from the
//! command line: discovery, every key, bad keys, and flags winning.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

const STORY: &str = "fixtures/cup-final";

fn story() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(STORY)
}

fn driftcheck(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("driftcheck").expect("binary built");
    cmd.current_dir(dir);
    cmd
}

fn kinds_and_severities(json: &[u8]) -> Vec<(String, String)> {
    let report: Value = serde_json::from_slice(json).expect("a JSON report");
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["kind"].as_str().unwrap().to_string(),
                f["severity"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// A directory with a driftcheck.toml (and no other in its parents that
/// could matter: the nearest one wins).
fn project(config: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("driftcheck.toml"), config).unwrap();
    dir
}

fn findings_of(dir: &Path, args: &[&str]) -> (i32, Vec<(String, String)>) {
    let out = driftcheck(dir).args(args).output().unwrap();
    let code = out.status.code().unwrap();
    assert!(code < 2, "{}", String::from_utf8_lossy(&out.stderr));
    (code, kinds_and_severities(&out.stdout))
}

#[test]
fn select_and_ignore_pick_kinds_and_severities() {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let all = findings_of(here, &["check", "--no-config", "--format", "json", STORY]).1;
    let kinds = |fs: &[(String, String)]| {
        let mut k: Vec<String> = fs.iter().map(|(k, _)| k.clone()).collect();
        k.dedup();
        k
    };
    assert!(kinds(&all).len() >= 3, "the fixture has several kinds");
    let select = |args: &[&str]| {
        let mut full = vec![
            "check",
            "--no-config",
            "--format",
            "json",
            "--fail-on",
            "never",
        ];
        full.extend(args);
        full.push(STORY);
        findings_of(here, &full).1
    };
    let calques = select(&["--select", "calque"]);
    assert!(!calques.is_empty() && calques.iter().all(|(k, _)| k == "calque"));
    assert_eq!(
        calques.len(),
        all.iter().filter(|(k, _)| k == "calque").count()
    );
    let union = select(&["--select", "calque,error"]);
    assert_eq!(
        union.len(),
        all.iter()
            .filter(|(k, s)| k == "calque" || s == "error")
            .count()
    );
    assert_eq!(union, select(&["--select", "calque", "--select", "error"]));
    let ignored = select(&["--ignore", "calque,info"]);
    assert_eq!(
        ignored.len(),
        all.iter()
            .filter(|(k, s)| k != "calque" && s != "info")
            .count()
    );
    assert!(select(&["--select", "all", "--ignore", "all"]).is_empty());
    // What is not reported does not fail the run.
    driftcheck(here)
        .args(["check", "--no-config", "--ignore", "error", STORY])
        .assert()
        .code(0);
    driftcheck(here)
        .args(["check", "--no-config", "--select", "numeric", STORY])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            "--select: unknown kind or severity `numeric`",
        ));
}

#[test]
fn select_and_ignore_apply_to_feeds_and_baselines() {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let feed = [
        serde_json::json!({"id": "n1", "story": "s", "text": "The ministry hired 120 nurses on Tuesday (4), the minister said."}),
        serde_json::json!({"id": "n2", "story": "s", "text": "The ministry hired 210 nurses on Tuesday, the minister said."}),
    ]
    .iter()
    .map(|l| l.to_string())
    .collect::<Vec<_>>()
    .join("\n");
    let run = |args: &[&str]| {
        let out = driftcheck(here)
            .args([
                "feed",
                "--no-config",
                "--format",
                "jsonl",
                "--fail-on",
                "never",
            ])
            .args(args)
            .write_stdin(feed.clone())
            .output()
            .unwrap();
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str::<Value>(l).unwrap()["kind"].to_string())
            .collect::<Vec<_>>()
    };
    let all = run(&[]);
    assert!(all.iter().any(|k| k == "\"numeric_drift\""), "{all:?}");
    assert!(all.iter().any(|k| k != "\"numeric_drift\""), "{all:?}");
    let only = run(&["--select", "numeric_drift"]);
    assert!(!only.is_empty() && only.iter().all(|k| k == "\"numeric_drift\""));
    // A baseline written under a selection records only what was selected.
    let dir = tempfile::tempdir().unwrap();
    let baseline = dir.path().join("b.json");
    run(&[
        "--select",
        "numeric_drift",
        "--write-baseline",
        baseline.to_str().unwrap(),
    ]);
    let recorded: Value =
        serde_json::from_str(&std::fs::read_to_string(&baseline).unwrap()).unwrap();
    assert_eq!(recorded["findings"].as_array().unwrap().len(), only.len());
    let after = run(&["--baseline", baseline.to_str().unwrap()]);
    assert_eq!(after.len(), all.len() - only.len());
}

#[test]
fn the_nearest_driftcheck_toml_sets_the_run() {
    let dir = project(
        "format = \"json\"\nfail-on = \"never\"\nselect = [\"calque\"]\nignore = \"info\"\n",
    );
    let inner = dir.path().join("a").join("b");
    std::fs::create_dir_all(&inner).unwrap();
    let story = story();
    let (code, found) = findings_of(&inner, &["check", story.to_str().unwrap()]);
    assert_eq!(code, 0, "fail-on = never");
    // Calques of the fixture are info: selected, then ignored.
    assert!(found.is_empty(), "{found:?}");
    // `--config FILE` names a file anywhere; --no-config ignores them all.
    let elsewhere = tempfile::tempdir().unwrap();
    let config = dir.path().join("driftcheck.toml");
    let (_, named) = findings_of(
        elsewhere.path(),
        &[
            "check",
            "--config",
            config.to_str().unwrap(),
            story.to_str().unwrap(),
        ],
    );
    assert!(named.is_empty());
    let out = driftcheck(&inner)
        .args(["check", "--no-config", story.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "defaults: fail on the error");
    assert!(
        String::from_utf8(out.stdout).unwrap().contains("┌"),
        "table"
    );
}

#[test]
fn flags_win_over_the_file() {
    let dir = project("format = \"json\"\nfail-on = \"never\"\nselect = [\"calque\"]\n");
    let story = story();
    let story = story.to_str().unwrap();
    // --format and --select replace the file's; its fail-on still holds.
    let out = driftcheck(dir.path())
        .args([
            "check",
            "--format",
            "jsonl",
            "--select",
            "pronoun_drift",
            story,
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "the file's fail-on = never");
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("jsonl, not the file's json"))
        .collect();
    assert!(!lines.is_empty());
    assert!(lines.iter().all(|f| f["kind"] == "pronoun_drift"));
    // --fail-on replaces the file's.
    driftcheck(dir.path())
        .args([
            "check",
            "--select",
            "pronoun_drift",
            "--fail-on",
            "error",
            story,
        ])
        .assert()
        .code(1);
}

#[test]
fn bad_keys_and_values_are_usage_errors_naming_the_file_and_the_key() {
    for (config, needles) in [
        (
            "format = \"json\"\nfial-on = \"never\"\n",
            &["driftcheck.toml", "line 2", "`fial-on`", "fail-on"][..],
        ),
        (
            "[check]\nformat = \"json\"\n",
            &["driftcheck.toml", "`check`"][..],
        ),
        (
            "format = \"pdf\"\n",
            &["driftcheck.toml", "`pdf`", "html"][..],
        ),
        (
            "ignore = [\"calques\"]\n",
            &["driftcheck.toml", "`calques`"][..],
        ),
        ("format = \n", &["driftcheck.toml", "line 1"][..]),
    ] {
        let dir = project(config);
        let story = story();
        let out = driftcheck(dir.path())
            .args(["check", story.to_str().unwrap()])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{config}");
        assert!(out.stdout.is_empty());
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
        for needle in needles {
            assert!(stderr.contains(needle), "{needle} not in {stderr}");
        }
        // --no-config runs regardless.
        driftcheck(dir.path())
            .args([
                "check",
                "--no-config",
                "--fail-on",
                "never",
                story.to_str().unwrap(),
            ])
            .assert()
            .code(0);
    }
    let missing = tempfile::tempdir().unwrap();
    driftcheck(missing.path())
        .args(["check", "--config", "nope.toml", STORY])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nope.toml: no such file"));
}

#[test]
fn the_file_names_lexicons_reference_and_baseline_relative_to_itself() {
    let dir = project(
        "format = \"json\"\nfail-on = \"never\"\nlexicons = [\"lex\"]\nreference = \"a_agency_en\"\n\
         baseline = \"known.json\"\n",
    );
    let story = story();
    let story = story.to_str().unwrap();
    // A lexicon directory relative to the file: a calque rule of its own.
    let lex = dir.path().join("lex").join("en");
    std::fs::create_dir_all(&lex).unwrap();
    std::fs::write(
        lex.join("calques.txt"),
        "test_cup_word | \\bcup\\b | the word cup (a rule of this test)\n",
    )
    .unwrap();
    // The baseline named in the file must exist: write it from a run.
    let baseline = dir.path().join("known.json");
    driftcheck(dir.path())
        .args([
            "check",
            "--no-config",
            "--select",
            "numeric_drift",
            "--write-baseline",
        ])
        .arg(&baseline)
        .arg(story)
        .assert()
        .code(0);
    let inner = dir.path().join("sub");
    std::fs::create_dir_all(&inner).unwrap();
    let out = driftcheck(&inner).args(["check", story]).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule"] == "test_cup_word"),
        "the file's lexicon directory was laid over the embedded one"
    );
    assert!(
        report["baseline"].is_object(),
        "the file's baseline was read"
    );
    // The file's reference must name a version of the story.
    let other = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/port-strike");
    driftcheck(&inner)
        .args(["check", other.to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("`a_agency_en`"));
    // --show-fixed needs a baseline, from a flag or the file.
    driftcheck(&inner)
        .args(["check", "--show-fixed", story])
        .assert()
        .code(0);
    driftcheck(&inner)
        .args(["check", "--no-config", "--show-fixed", story])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--show-fixed: needs a baseline"));
}

#[test]
fn help_teaches_the_new_options() {
    let out = Command::cargo_bin("driftcheck")
        .unwrap()
        .args(["check", "--help"])
        .output()
        .unwrap();
    let help = String::from_utf8(out.stdout).unwrap();
    for needle in [
        "--select",
        "--ignore",
        "--config",
        "--no-config",
        "html",
        "sarif",
        "junit",
        "github",
    ] {
        assert!(help.contains(needle), "{needle} missing from check --help");
    }
    let top = Command::cargo_bin("driftcheck")
        .unwrap()
        .arg("--help")
        .output()
        .unwrap();
    let top = String::from_utf8(top.stdout).unwrap();
    assert!(top.contains("driftcheck.toml") && top.contains("--format html"));
}

#[test]
fn lexicon_directories_are_laid_over_in_order() {
    let dir = tempfile::tempdir().unwrap();
    for (name, rule) in [
        (
            "one",
            "test_cup | \\bcup\\b | the word cup (a rule of this test)",
        ),
        (
            "two",
            "test_final | \\bfinal\\b | the word final (a rule of this test)",
        ),
    ] {
        let en = dir.path().join(name).join("en");
        std::fs::create_dir_all(&en).unwrap();
        std::fs::write(en.join("calques.txt"), format!("{rule}\n")).unwrap();
    }
    let rules = |args: &[&str]| -> Vec<String> {
        let out = driftcheck(dir.path())
            .args([
                "check",
                "--no-config",
                "--format",
                "json",
                "--select",
                "calque",
            ])
            .args(args)
            .arg(story())
            .output()
            .unwrap();
        let report: Value = serde_json::from_slice(&out.stdout).unwrap();
        report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|f| f["rule"].as_str().map(str::to_string))
            .filter(|r| r.starts_with("test_"))
            .collect()
    };
    let both = rules(&["--lexicons", "one", "--lexicons", "two"]);
    assert!(both.iter().any(|r| r == "test_cup") && both.iter().any(|r| r == "test_final"));
    // A `#!replace` file in a later directory replaces what came before.
    std::fs::write(
        dir.path().join("two").join("en").join("calques.txt"),
        "#!replace\ntest_final | \\bfinal\\b | the word final (a rule of this test)\n",
    )
    .unwrap();
    let replaced = rules(&["--lexicons", "one", "--lexicons", "two"]);
    assert!(replaced.iter().all(|r| r == "test_final") && !replaced.is_empty());
}
