//! The CI formats from the command line: `sarif` (validated against the
//! official SARIF 2.1.0 schema in `tests/data/sarif-schema-2.1.0.json`),
//! `junit` and `github`, for `check` and for `feed`.

use assert_cmd::Command;
use serde_json::Value;

const STORY: &str = "fixtures/cup-final";

/// Runs driftcheck (never reading a driftcheck.toml); (status, stdout).
fn run(args: &[&str], stdin: Option<&str>) -> (i32, String) {
    let mut cmd = Command::cargo_bin("driftcheck").expect("binary built");
    cmd.args(args).arg("--no-config");
    if let Some(input) = stdin {
        cmd.write_stdin(input.to_string());
    }
    let out = cmd.output().expect("runs");
    let code = out.status.code().expect("exit code");
    assert!(
        code == 0 || code == 1,
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (code, String::from_utf8(out.stdout).expect("UTF-8"))
}

fn report(dir: &str) -> Value {
    serde_json::from_str(&run(&["check", "--format", "json", dir], None).1).unwrap()
}

/// A feed of two stories: one with a numeric drift, one single version.
fn feed() -> String {
    [
        serde_json::json!({"id": "n1", "story": "nurses", "text": "The ministry hired 120 nurses on Tuesday, the minister said."}),
        serde_json::json!({"id": "n2", "story": "nurses", "text": "The ministry hired 210 nurses on Tuesday, the minister said."}),
        serde_json::json!({"id": "f1", "story": "ferry", "text": "A new ferry line opened between the two islands on Sunday."}),
    ]
    .iter()
    .map(|l| l.to_string())
    .collect::<Vec<_>>()
    .join("\n")
}

fn sarif_validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string("tests/data/sarif-schema-2.1.0.json").unwrap(),
    )
    .unwrap();
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft4)
        .should_validate_formats(true)
        .build(&schema)
        .expect("the official schema compiles")
}

fn schema_errors(validator: &jsonschema::Validator, log: &Value) -> Vec<String> {
    validator
        .iter_errors(log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn sarif_validates_against_the_official_schema() {
    let validator = sarif_validator();
    let logs = [
        run(&["check", "--format", "sarif", STORY], None).1,
        run(
            &["check", "--format", "sarif", "fixtures/cup-semifinal"],
            None,
        )
        .1,
        run(&["check", "--format", "sarif", "tests/data/hostile"], None).1,
        run(&["feed", "--format", "sarif", "-"], Some(&feed())).1,
    ];
    for text in &logs {
        let log: Value = serde_json::from_str(text).expect("SARIF is JSON");
        let errors = schema_errors(&validator, &log);
        assert!(errors.is_empty(), "{errors:#?}");
    }
    // The validator does reject what the schema forbids.
    let mut broken: Value = serde_json::from_str(&logs[0]).unwrap();
    broken["runs"][0]["results"][0]["level"] = "fatal".into();
    broken["version"] = "2.0.0".into();
    assert_eq!(schema_errors(&validator, &broken).len(), 2);
}

#[test]
fn sarif_has_a_result_per_finding_and_a_location_per_evidence_span() {
    let (code, text) = run(&["check", "--format", "sarif", STORY], None);
    assert_eq!(code, 1, "the fixture's error fails the run");
    let log: Value = serde_json::from_str(&text).unwrap();
    let run0 = &log["runs"][0];
    assert_eq!(run0["columnKind"], "unicodeCodePoints");
    let rules = run0["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), 11, "a rule per finding kind");
    let artifacts = run0["artifacts"].as_array().unwrap();
    let report = report(STORY);
    let findings = report["findings"].as_array().unwrap();
    let results = run0["results"].as_array().unwrap();
    assert_eq!(results.len(), findings.len());
    for (r, f) in results.iter().zip(findings) {
        assert_eq!(r["ruleId"], f["kind"]);
        assert_eq!(
            rules[r["ruleIndex"].as_u64().unwrap() as usize]["id"],
            f["kind"]
        );
        let level = match f["severity"].as_str().unwrap() {
            "info" => "note",
            other => other,
        };
        assert_eq!(r["level"], level);
        assert_eq!(r["message"]["text"], f["message"]);
        let locations = r["locations"].as_array().unwrap();
        let evidence = f["evidence"].as_array().unwrap();
        assert_eq!(locations.len(), evidence.len());
        for (l, e) in locations.iter().zip(evidence) {
            let physical = &l["physicalLocation"];
            let artifact =
                &artifacts[physical["artifactLocation"]["index"].as_u64().unwrap() as usize];
            assert_eq!(artifact["properties"]["id"], e["doc"]);
            assert_eq!(
                physical["artifactLocation"]["uri"],
                artifact["location"]["uri"]
            );
            let path = artifact["location"]["uri"].as_str().unwrap();
            let file = std::fs::read_to_string(path).unwrap();
            let region = &physical["region"];
            let (start, len) = (
                region["byteOffset"].as_u64().unwrap() as usize,
                region["byteLength"].as_u64().unwrap() as usize,
            );
            assert_eq!(start, e["start"].as_u64().unwrap() as usize);
            let cited = &file[start..start + len];
            assert_eq!(cited, e["text"].as_str().unwrap());
            // Line and column (in characters) agree with the byte offset.
            let before = &file[..start];
            let line = before.matches('\n').count() + 1;
            let column = before[before.rfind('\n').map_or(0, |i| i + 1)..]
                .chars()
                .count()
                + 1;
            assert_eq!(region["startLine"], line);
            assert_eq!(region["startColumn"], column);
            let through = &file[..start + len];
            assert_eq!(region["endLine"], through.matches('\n').count() + 1);
            let end_column = through[through.rfind('\n').map_or(0, |i| i + 1)..]
                .chars()
                .count()
                + 1;
            assert_eq!(region["endColumn"], end_column);
            if len > 0 {
                assert_eq!(region["snippet"]["text"], cited);
            }
        }
    }
}

#[test]
fn sarif_of_a_feed_nests_documents_in_the_feed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("feed.jsonl");
    std::fs::write(&path, feed()).unwrap();
    let (_, text) = run(&["feed", "--format", "sarif", path.to_str().unwrap()], None);
    let log: Value = serde_json::from_str(&text).unwrap();
    let artifacts = log["runs"][0]["artifacts"].as_array().unwrap();
    assert_eq!(artifacts.len(), 4, "the feed and its three documents");
    assert!(
        artifacts[0]["location"]["uri"]
            .as_str()
            .unwrap()
            .ends_with("/feed.jsonl")
    );
    let lines: Vec<u64> = artifacts[1..]
        .iter()
        .map(|a| {
            assert_eq!(a["parentIndex"], 0);
            a["properties"]["line"].as_u64().unwrap()
        })
        .collect();
    assert_eq!(lines, [1, 2, 3]);
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert!(!results.is_empty());
    assert!(results.iter().all(|r| r["properties"]["story"] == "nurses"));
}

#[test]
fn junit_has_a_case_per_story_and_a_failure_per_finding_fail_on_fails_on() {
    let report = report(STORY);
    let findings = report["findings"].as_array().unwrap();
    let errors = findings.iter().filter(|f| f["severity"] == "error").count();
    let warnings_up = findings.iter().filter(|f| f["severity"] != "info").count();
    for (fail_on, failures) in [("error", errors), ("warning", warnings_up), ("never", 0)] {
        let (code, xml) = run(
            &["check", "--format", "junit", "--fail-on", fail_on, STORY],
            None,
        );
        assert_eq!(code, i32::from(failures > 0), "--fail-on {fail_on}");
        let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
        let cases: Vec<_> = doc
            .descendants()
            .filter(|n| n.has_tag_name("testcase"))
            .collect();
        assert_eq!(cases.len(), 1);
        assert_eq!(cases[0].attribute("name"), Some(STORY));
        let failed: Vec<_> = cases[0]
            .children()
            .filter(|n| n.has_tag_name("failure"))
            .collect();
        assert_eq!(failed.len(), failures, "--fail-on {fail_on}");
        let suite = doc.root_element();
        assert_eq!(suite.attribute("tests"), Some("1"));
        assert_eq!(
            suite.attribute("failures"),
            Some(if failures > 0 { "1" } else { "0" })
        );
        // Findings that do not fail are still listed.
        let out: String = cases[0]
            .children()
            .filter(|n| n.has_tag_name("system-out"))
            .filter_map(|n| n.text())
            .collect();
        assert_eq!(
            out.lines().filter(|l| !l.starts_with(' ')).count(),
            findings.len() - failures
        );
    }
    let (_, xml) = run(&["feed", "--format", "junit", "-"], Some(&feed()));
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let names: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("testcase"))
        .map(|n| n.attribute("name").unwrap().to_string())
        .collect();
    assert_eq!(names, ["nurses", "ferry"]);
    let hostile = run(
        &[
            "check",
            "--format",
            "junit",
            "--fail-on",
            "info",
            "tests/data/hostile",
        ],
        None,
    )
    .1;
    roxmltree::Document::parse(&hostile).expect("hostile text is escaped");
}

#[test]
fn github_prints_an_annotation_per_finding() {
    let report = report(STORY);
    let findings = report["findings"].as_array().unwrap();
    let (code, text) = run(&["check", "--format", "github", STORY], None);
    assert_eq!(code, 1);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), findings.len());
    let shape = regex::Regex::new(
        r"^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=driftcheck [a-z_]+::\S",
    )
    .unwrap();
    for (line, f) in lines.iter().zip(findings) {
        assert!(shape.is_match(line), "{line}");
        let e = &f["evidence"][0];
        let doc = report["documents"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["id"] == e["doc"])
            .unwrap();
        assert!(line.contains(&format!("file={},", doc["path"].as_str().unwrap())));
        assert!(!line[2..].contains("\n"));
    }
    let (_, text) = run(&["feed", "--format", "github", "-"], Some(&feed()));
    assert!(text.lines().count() >= 1);
    assert!(
        text.lines()
            .all(|l| l.starts_with("::error title=driftcheck numeric_drift (story nurses)::")),
        "standard input has no file to point at: {text}"
    );
}
