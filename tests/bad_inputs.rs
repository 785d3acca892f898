//! The bad-input table of TESTING.md: every row is one test here, run against
//! the real binary. Exit status 2 always comes with one line on stderr that
//! names the input, and nothing on stdout.

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command as StdCommand, Stdio};

use assert_cmd::Command;
use encoding_rs::{Encoding, KOI8_U, UTF_16BE, UTF_16LE, WINDOWS_1251, WINDOWS_1252};
use predicates::prelude::*;
use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_driftcheck");

const EN_A: &str = "The finance ministers met in the capital on Tuesday and agreed on a new budget \
for the coming year. Talks on the remaining questions will continue next week, officials said.\n";
const EN_B: &str = "The finance ministers met in the capital this Tuesday (14) and agreed on a new \
budget for the coming year. Talks on the open questions will go on next week, officials said.\n";
const PT: &str = "O ministro das Finanças disse nesta terça-feira que a proposta, but not the final \
version, será votada no próximo mês pelos deputados.\n";
const UK: &str = "Міністр фінансів заявив у вівторок, що уряд ухвалив новий бюджет на наступний рік. \
Переговори щодо решти питань триватимуть наступного тижня.\n";
const RU: &str = "Министр финансов заявил во вторник, что правительство приняло новый бюджет на \
следующий год. Переговоры продолжатся на следующей неделе.\n";

fn cmd() -> Command {
    Command::new(BIN)
}

/// A temporary directory with the given files.
fn dir_with(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, bytes) in files {
        std::fs::write(dir.path().join(name), bytes).expect("write fixture");
    }
    dir
}

fn encoded(text: &str, enc: &'static Encoding) -> Vec<u8> {
    let (bytes, _, unmappable) = enc.encode(text);
    assert!(!unmappable);
    bytes.into_owned()
}

fn utf16(text: &str, enc: &'static Encoding, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    if bom {
        out.extend_from_slice(if enc == UTF_16LE {
            b"\xFF\xFE"
        } else {
            b"\xFE\xFF"
        });
    }
    for unit in text.encode_utf16() {
        out.extend_from_slice(&if enc == UTF_16LE {
            unit.to_le_bytes()
        } else {
            unit.to_be_bytes()
        });
    }
    out
}

/// Runs a command expected to fail with status 2; returns its stderr.
fn fails(command: &mut Command) -> String {
    let out = command.assert().code(2).stdout("").get_output().clone();
    let stderr = String::from_utf8(out.stderr).expect("UTF-8 stderr");
    assert_eq!(stderr.lines().count(), 1, "one line on stderr: {stderr}");
    assert!(stderr.starts_with("driftcheck: "), "{stderr}");
    stderr
}

/// The JSON report of `check` (exit 0 or 1).
fn json_report(command: &mut Command) -> Value {
    let out = command
        .assert()
        .code(predicate::in_iter([0, 1]))
        .get_output()
        .clone();
    serde_json::from_slice(&out.stdout).expect("JSON report")
}

fn path_arg(p: &Path) -> String {
    p.display().to_string()
}

#[test]
fn missing_file_is_exit_2() {
    let dir = dir_with(&[("a.txt", EN_A.as_bytes())]);
    let missing = dir.path().join("nope.txt");
    let err = fails(
        cmd()
            .arg("check")
            .arg(dir.path().join("a.txt"))
            .arg(&missing),
    );
    assert!(
        err.contains(&path_arg(&missing)) && err.contains("no such file"),
        "{err}"
    );
}

#[test]
fn directory_without_documents_is_exit_2() {
    let dir = dir_with(&[("notes.json", b"{}"), ("image.png", b"\x89PNG")]);
    let err = fails(cmd().arg("check").arg(dir.path()));
    assert!(
        err.contains(&path_arg(dir.path())) && err.contains("holds no .txt"),
        "{err}"
    );
}

#[test]
fn empty_file_is_an_empty_document() {
    let dir = dir_with(&[("a.txt", EN_A.as_bytes()), ("b.txt", b"")]);
    let report = json_report(cmd().args(["check", "--format", "json"]).arg(dir.path()));
    assert_eq!(report["documents"][1]["id"], "b");
    assert_eq!(report["documents"][1]["language"], "und");
}

#[test]
fn unreadable_file_is_exit_2() {
    let dir = dir_with(&[("a.txt", EN_A.as_bytes()), ("secret.txt", EN_B.as_bytes())]);
    let secret = dir.path().join("secret.txt");
    let mut perms = std::fs::metadata(&secret).unwrap().permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o000);
    std::fs::set_permissions(&secret, perms).unwrap();
    // Root reads anything: drop to `nobody` so the permissions really apply,
    // running a copy of the binary that `nobody` can reach.
    let is_root = std::fs::File::open(&secret).is_ok();
    let mut command = if is_root {
        let mut open = std::fs::metadata(dir.path()).unwrap().permissions();
        std::os::unix::fs::PermissionsExt::set_mode(&mut open, 0o755);
        std::fs::set_permissions(dir.path(), open).unwrap();
        let copy = dir.path().join("driftcheck");
        std::fs::copy(BIN, &copy).unwrap();
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(&copy);
        c
    } else {
        cmd()
    };
    let err = fails(
        command
            .arg("check")
            .arg(dir.path().join("a.txt"))
            .arg(&secret),
    );
    assert!(
        err.contains(&path_arg(&secret)) && err.contains("cannot read"),
        "{err}"
    );
    assert!(err.contains("ermission denied"), "{err}");
}

#[test]
fn read_error_is_exit_2() {
    // Reading /proc/self/mem at offset 0 fails with an I/O error even for root.
    let err = fails(cmd().args(["langs", "/proc/self/mem"]));
    assert!(err.contains("/proc/self/mem: cannot read"), "{err}");
}

#[test]
fn damaged_utf8_reports_first_bad_byte() {
    let mut bytes = "Não é fácil: negociações e orçamento.".as_bytes().to_vec();
    let at = bytes.iter().position(|&b| b == b':').unwrap();
    bytes.insert(at, 0xFF);
    let dir = dir_with(&[("bad.txt", &bytes)]);
    let err = fails(cmd().arg("langs").arg(dir.path().join("bad.txt")));
    assert!(
        err.contains("bad.txt") && err.contains(&format!("offset {at}")),
        "{err}"
    );
    assert!(err.contains("not valid UTF-8"), "{err}");
}

#[test]
fn undecodable_bytes_are_exit_2() {
    let noise: Vec<u8> = (0..600u32).map(|i| (i * 97 % 251) as u8 | 0x80).collect();
    let dir = dir_with(&[("noise.txt", &noise)]);
    let err = fails(cmd().arg("langs").arg(dir.path().join("noise.txt")));
    assert!(
        err.contains("noise.txt") && err.contains("no other encoding fits"),
        "{err}"
    );
}

#[test]
fn binary_file_is_exit_2() {
    let dir = dir_with(&[
        ("a.txt", EN_A.as_bytes()),
        ("blob.txt", b"\x7fELF\x02\x01\x01\x00\x00\x00rest"),
    ]);
    let err = fails(cmd().arg("check").arg(dir.path()));
    assert!(
        err.contains("blob.txt") && err.contains("binary") && err.contains("offset 7"),
        "{err}"
    );
}

#[test]
fn utf16_with_bom_is_decoded() {
    let dir = dir_with(&[
        ("le.txt", &utf16(UK, UTF_16LE, true)),
        ("be.txt", &utf16(RU, UTF_16BE, true)),
    ]);
    let report = json_report(cmd().args(["check", "--format", "json"]).arg(dir.path()));
    let docs = &report["documents"];
    assert_eq!(
        (docs[0]["id"].as_str(), docs[0]["encoding"].as_str()),
        (Some("be"), Some("UTF-16BE"))
    );
    assert_eq!(docs[0]["language"], "ru");
    assert_eq!(
        (docs[1]["encoding"].as_str(), docs[1]["language"].as_str()),
        (Some("UTF-16LE"), Some("uk"))
    );
}

#[test]
fn utf16_without_bom_is_decoded() {
    let dir = dir_with(&[
        ("a.txt", EN_A.as_bytes()),
        ("b.txt", &utf16(EN_B, UTF_16LE, false)),
    ]);
    let report = json_report(cmd().args(["check", "--format", "json"]).arg(dir.path()));
    assert_eq!(report["documents"][1]["encoding"], "UTF-16LE");
}

/// Checks a legacy-encoded document: its encoding is reported and every
/// evidence span is a byte range of the decoded UTF-8 text.
fn legacy_document(name: &str, bytes: Vec<u8>, text: &str, encoding: &str, language: &str) {
    let dir = dir_with(&[(name, &bytes), ("a.txt", EN_B.as_bytes())]);
    let report = json_report(cmd().args(["check", "--format", "json"]).arg(dir.path()));
    let doc = report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["path"].as_str().unwrap().ends_with(name))
        .unwrap();
    assert_eq!(doc["encoding"], encoding);
    assert_eq!(doc["language"], language);
    let id = doc["id"].as_str().unwrap();
    let cited: Vec<&Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["evidence"].as_array().unwrap())
        .filter(|e| e["doc"] == id)
        .collect();
    for e in &cited {
        let (start, end) = (
            e["start"].as_u64().unwrap() as usize,
            e["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            e["text"].as_str(),
            text.get(start..end),
            "offsets into the decoded text"
        );
    }
    if language == "pt" {
        assert!(
            !cited.is_empty(),
            "the English clause in the Portuguese text is cited"
        );
    }
}

#[test]
fn latin1_is_decoded_and_offsets_are_utf8() {
    legacy_document(
        "pt.txt",
        encoded(PT, WINDOWS_1252),
        PT,
        "windows-1252",
        "pt",
    );
}

#[test]
fn windows_1251_is_decoded() {
    legacy_document(
        "uk.txt",
        encoded(UK, WINDOWS_1251),
        UK,
        "windows-1251",
        "uk",
    );
    legacy_document(
        "ru.txt",
        encoded(RU, WINDOWS_1251),
        RU,
        "windows-1251",
        "ru",
    );
}

#[test]
fn koi8u_is_decoded() {
    legacy_document("uk.txt", encoded(UK, KOI8_U), UK, "KOI8-U", "uk");
}

#[test]
fn forced_encoding_is_used() {
    let dir = dir_with(&[("ru.txt", &encoded(RU, WINDOWS_1251))]);
    let out = cmd()
        .args(["langs", "--format", "json", "--encoding", "cp1251"])
        .arg(dir.path())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let report: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(report["documents"][0]["language"], "ru");
    assert_eq!(report["documents"][0]["encoding"], "windows-1251");
}

#[test]
fn forced_encoding_with_malformed_bytes_is_exit_2() {
    let dir = dir_with(&[("pt.txt", &encoded(PT, WINDOWS_1252))]);
    let err = fails(
        cmd()
            .args(["langs", "--encoding", "utf-8"])
            .arg(dir.path().join("pt.txt")),
    );
    assert!(
        err.contains("pt.txt: not valid UTF-8: malformed bytes at offset"),
        "{err}"
    );
}

#[test]
fn unknown_encoding_label_is_exit_2() {
    let dir = dir_with(&[("a.txt", EN_A.as_bytes())]);
    let err = fails(
        cmd()
            .args(["langs", "--encoding", "klingon-8"])
            .arg(dir.path()),
    );
    assert!(
        err.contains("--encoding") && err.contains("klingon-8"),
        "{err}"
    );
}

#[test]
fn document_over_max_doc_bytes_is_exit_2() {
    let dir = dir_with(&[("a.txt", EN_A.as_bytes()), ("b.txt", EN_B.as_bytes())]);
    let err = fails(
        cmd()
            .args(["check", "--max-doc-bytes", "100"])
            .arg(dir.path()),
    );
    assert!(
        err.contains("a.txt") && err.contains("more than the limit of 100 bytes"),
        "{err}"
    );
    let err = fails(
        cmd()
            .args(["check", "--max-doc-bytes", "lots"])
            .arg(dir.path()),
    );
    assert!(
        err.contains("--max-doc-bytes") && err.contains("lots"),
        "{err}"
    );
}

#[test]
fn huge_document_over_the_default_limit_is_exit_2() {
    // A sparse 100 MB file: the size is checked before a byte is read.
    let dir = dir_with(&[("a.txt", EN_A.as_bytes())]);
    let huge = dir.path().join("huge.txt");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(100_000_000)
        .unwrap();
    let err = fails(cmd().arg("check").arg(dir.path()));
    assert!(
        err.contains("huge.txt: 100000000 bytes is more than the limit of 67108864 bytes"),
        "{err}"
    );
}

#[test]
fn stdin_over_max_doc_bytes_is_exit_2() {
    let err = fails(
        cmd()
            .args(["langs", "--max-doc-bytes", "1K", "-"])
            .write_stdin(EN_A.repeat(20)),
    );
    assert!(
        err.contains("-: ") && err.contains("more than the limit of 1024 bytes"),
        "{err}"
    );
}

#[test]
fn huge_line_without_breaks_is_analysed() {
    // 4 MB of one line (a debug build; the 10 MB and 100 MB figures of
    // TESTING.md are measured on the release binary).
    let words = [
        "ministro ",
        "budget ",
        "négociation ",
        "переговори ",
        "[das tensões] ",
    ];
    let mut line = String::new();
    let mut i = 0;
    while line.len() < 4_000_000 {
        line.push_str(words[i % words.len()]);
        i += 1;
    }
    let dir = dir_with(&[("a.txt", line.as_bytes()), ("b.txt", EN_A.as_bytes())]);
    let started = std::time::Instant::now();
    let report = json_report(cmd().args(["check", "--format", "json"]).arg(dir.path()));
    assert_eq!(report["documents"].as_array().map(Vec::len), Some(2));
    assert!(
        started.elapsed().as_secs() < 120,
        "took {:?}",
        started.elapsed()
    );
}

#[test]
fn many_documents_are_read_and_the_limit_holds() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..1500 {
        let text = if i % 2 == 0 { EN_A } else { EN_B };
        std::fs::write(dir.path().join(format!("v{i:05}.txt")), text).unwrap();
    }
    let report = json_report(cmd().args(["check", "--format", "json"]).arg(dir.path()));
    assert_eq!(report["documents"].as_array().map(Vec::len), Some(1500));
    assert_eq!(report["documents"][1499]["id"], "v01499");
    let err = fails(cmd().args(["check", "--max-docs", "1000"]).arg(dir.path()));
    assert!(
        err.contains(&path_arg(dir.path())) && err.contains("limit of 1000 documents"),
        "{err}"
    );
}

#[test]
fn html_scripts_are_dropped_and_evidence_is_in_the_extracted_text() {
    let page = "<!DOCTYPE html><html><head><title>Budget</title><script>var s = \"this Tuesday (14)\";</script>\
<style>p{margin:0}</style></head><body><nav><a href=\"/\">Home</a></nav><article>\
<p>The finance ministers met in the capital this Tuesday (14) and agreed on a new budget for the coming \
year &amp; beyond.</p><p>Talks on the open questions will go on next week, officials said.</p></article>\
<div class=\"comments\"><p>First!</p></div></body></html>";
    let dir = dir_with(&[("page.html", page.as_bytes()), ("a.txt", EN_A.as_bytes())]);
    let report = json_report(cmd().args(["check", "--format", "json"]).arg(dir.path()));
    let doc = &report["documents"][1];
    assert_eq!(doc["id"], "page");
    assert_eq!(
        doc["path"].as_str().map(|p| p.ends_with("page.html")),
        Some(true)
    );
    let reasons: Vec<&str> = doc["boilerplate"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["reason"].as_str().unwrap())
        .collect();
    assert_eq!(reasons, ["navigation", "comments"]);
    let langs = cmd()
        .args(["langs", "--format", "json"])
        .arg(dir.path().join("page.html"))
        .assert()
        .success();
    let langs: Value = serde_json::from_slice(&langs.get_output().stdout).unwrap();
    let nav = &langs["documents"][0]["boilerplate"][0];
    assert_eq!(
        (nav["start"].as_u64(), nav["text"].as_str()),
        (Some(0), Some("Home"))
    );
    let calque = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["kind"] == "calque" && f["evidence"][0]["doc"] == "page")
        .expect("the calque in the page is found");
    let e = &calque["evidence"][0];
    let text = e["text"].as_str().unwrap();
    assert!(
        page.contains(text),
        "evidence {text:?} appears in the HTML source"
    );
    // The offsets are into the extracted text: the script's copy of the same
    // words is not in it, so the cited span is the paragraph's.
    assert!(e["start"].as_u64().unwrap() < 100, "{e}");
    let extracted =
        &driftcheck::input::read_inputs(&[dir.path().join("page.html")]).unwrap()[0].text;
    let (start, end) = (
        e["start"].as_u64().unwrap() as usize,
        e["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(extracted.get(start..end), Some(text));
    assert!(
        !extracted.contains("var s") && !extracted.contains("margin"),
        "{extracted}"
    );
}

#[test]
fn deeply_nested_html_is_read() {
    let page = "<div>".repeat(50_000) + "Deep text here." + &"</div>".repeat(50_000);
    let dir = dir_with(&[("deep.html", page.as_bytes())]);
    cmd().arg("langs").arg(dir.path()).assert().success();
}

#[test]
fn empty_stdin() {
    cmd()
        .args(["langs", "--format", "json", "-"])
        .write_stdin("")
        .assert()
        .success();
    let err = fails(cmd().args(["check", "-"]).write_stdin(""));
    assert!(
        err.contains("at least two documents to compare, got 1"),
        "{err}"
    );
}

#[test]
fn unknown_language_id_is_exit_2() {
    let dir = dir_with(&[("a.txt", EN_A.as_bytes()), ("b.txt", EN_B.as_bytes())]);
    let err = fails(
        cmd()
            .args(["check", "--language", "zzz=pt"])
            .arg(dir.path()),
    );
    assert!(
        err.contains("--language") && err.contains("`zzz`") && err.contains("a, b"),
        "{err}"
    );
}

#[test]
fn bad_language_code_is_exit_2() {
    let dir = dir_with(&[("a.txt", EN_A.as_bytes()), ("b.txt", EN_B.as_bytes())]);
    for spec in ["a=portuguese", "a=", "=pt", "a"] {
        let err = fails(cmd().args(["check", "--language", spec]).arg(dir.path()));
        assert!(err.contains("--language") && err.contains(spec), "{err}");
    }
}

#[test]
fn unknown_reference_is_exit_2() {
    let dir = dir_with(&[("a.txt", EN_A.as_bytes()), ("b.txt", EN_B.as_bytes())]);
    let err = fails(cmd().args(["check", "--reference", "c"]).arg(dir.path()));
    assert!(err.contains("--reference") && err.contains("`c`"), "{err}");
}

#[test]
fn single_document_for_check_is_exit_2() {
    let dir = dir_with(&[("a.txt", EN_A.as_bytes())]);
    let err = fails(cmd().arg("check").arg(dir.path()));
    assert!(
        err.contains("at least two documents to compare, got 1: give two or more files"),
        "{err}"
    );
}

#[test]
fn duplicate_ids_are_exit_2() {
    let dir = dir_with(&[("a.txt", EN_A.as_bytes()), ("a.md", EN_B.as_bytes())]);
    let err = fails(cmd().arg("check").arg(dir.path()));
    assert!(err.contains("document id `a` is already used"), "{err}");
}

#[test]
fn unknown_flag_is_a_usage_error() {
    cmd()
        .args(["check", "--frobnicate", "x"])
        .assert()
        .code(2)
        .stdout("");
}

/// Writes the report of a story with many findings (over the 64 KiB a pipe
/// buffers) into `stdout`; returns the exit status and stderr.
fn many_findings(stdout: Stdio, close_early: bool) -> (Option<i32>, String) {
    let mut a = String::new();
    for i in 0..3000 {
        a.push_str(&format!("Paragraph {i}: the talks were described as an escalation [das negociações] by critics.\n\n"));
    }
    let dir = dir_with(&[("a.txt", a.as_bytes()), ("b.txt", EN_A.as_bytes())]);
    let mut child = StdCommand::new(BIN)
        .args(["check", "--format", "jsonl", "--fail-on", "never"])
        .arg(dir.path())
        .stdout(stdout)
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    if close_early {
        let mut out = child.stdout.take().expect("piped stdout");
        let mut one = [0u8; 1];
        out.read_exact(&mut one).expect("first byte");
        drop(out);
    }
    let output = child.wait_with_output().expect("wait");
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn broken_pipe_exits_quietly() {
    let (code, stderr) = many_findings(Stdio::piped(), true);
    assert_eq!((code, stderr.as_str()), (Some(0), ""));
}

#[test]
fn full_disk_on_stdout_is_exit_2() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    let (code, stderr) = many_findings(Stdio::from(full), false);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.starts_with("driftcheck: cannot write to standard output")
            && stderr.contains("No space"),
        "{stderr}"
    );
}

#[test]
fn full_disk_on_stderr_does_not_panic() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    let status = StdCommand::new(BIN)
        .args(["check", "/nonexistent/x.txt", "/nonexistent/y.txt"])
        .stderr(Stdio::from(full))
        .stdout(Stdio::null())
        .status()
        .expect("run");
    assert_eq!(status.code(), Some(2));
}

#[test]
fn help_into_a_closed_pipe_does_not_panic() {
    let mut child = StdCommand::new(BIN)
        .args(["check", "--help"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    drop(child.stdout.take());
    let output = child.wait_with_output().expect("wait");
    assert!(!String::from_utf8_lossy(&output.stderr).contains("panicked"));
    assert_ne!(output.status.code(), Some(101));
}

#[test]
fn stdin_document_is_read_once() {
    let mut child = StdCommand::new(BIN)
        .args(["langs", "--format", "json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(UK.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (
            report["documents"][0]["id"].as_str(),
            report["documents"][0]["language"].as_str()
        ),
        (Some("stdin"), Some("uk"))
    );
}
