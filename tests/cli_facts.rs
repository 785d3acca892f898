//! `driftcheck facts` and `driftcheck align` on the command line: the facts
//! report of SPEC.md and the alignment view.

use assert_cmd::Command;
use serde_json::Value;

fn json_of(args: &[&str], stdin: &str) -> Value {
    let out = Command::cargo_bin("driftcheck")
        .expect("binary built")
        .args(args)
        .write_stdin(stdin)
        .output()
        .expect("runs");
    assert!(out.status.success(), "{args:?} failed: {out:?}");
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

const PT: &str = "O ministro Rui Costa disse que trinta e dois países-membros e \
dezenas de milhares de pessoas participam na cimeira de 3 e 4 de dezembro de 2024. \
Os preços subiram 12,5%.\n\nFoto: Rui Costa em 5 de dezembro de 2024\n";

fn facts_of_type<'a>(doc: &'a Value, kind: &str) -> Vec<&'a Value> {
    doc["facts"]
        .as_array()
        .expect("facts array")
        .iter()
        .filter(|f| f["type"] == kind)
        .collect()
}

#[test]
fn facts_json_is_the_spec_report() {
    let report = json_of(
        &["facts", "--format", "json", "--language", "stdin=pt", "-"],
        PT,
    );
    assert_eq!(report["schema_version"], 1);
    let doc = &report["documents"][0];
    assert_eq!(doc["id"], "stdin");
    assert_eq!(doc["language"], "pt");

    for f in doc["facts"].as_array().unwrap() {
        let (s, e) = (
            f["start"].as_u64().unwrap() as usize,
            f["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&PT[s..e], f["text"].as_str().unwrap(), "exact slice: {f}");
    }

    let quantities = facts_of_type(doc, "quantity");
    let countries = quantities
        .iter()
        .find(|q| q["text"].as_str().unwrap().starts_with("trinta e dois"))
        .expect("a spelled number");
    assert_eq!(countries["value"], 32);
    assert_eq!(countries["counts"], "países-membros");
    let crowd = quantities
        .iter()
        .find(|q| {
            q["text"]
                .as_str()
                .unwrap()
                .starts_with("dezenas de milhares")
        })
        .expect("a vague amount");
    assert_eq!(
        (crowd["min"].as_f64(), crowd["max"].as_f64()),
        (Some(20000.0), Some(90000.0))
    );
    assert!(crowd.get("value").is_none(), "a vague amount has no value");
    let percent = quantities
        .iter()
        .find(|q| q["text"] == "12,5%")
        .expect("a percentage");
    assert_eq!(percent["value"], 12.5);

    let dates = facts_of_type(doc, "date");
    let summit = dates
        .iter()
        .find(|d| d["text"] == "3 e 4 de dezembro de 2024")
        .expect("a date range");
    assert_eq!(summit["date"], "2024-12-03");
    assert_eq!(summit["date_end"], "2024-12-04");
    assert!(summit.get("boilerplate").is_none());
    let caption = dates
        .iter()
        .find(|d| d["text"] == "5 de dezembro de 2024")
        .expect("the caption's date is listed");
    assert_eq!(caption["boilerplate"], true);

    let names = facts_of_type(doc, "name");
    assert!(names.len() >= 2);
    assert!(names.iter().all(|n| n["key"] == "rui costa"), "{names:?}");
}

#[test]
fn facts_keys_agree_across_scripts_and_year_unknown_dates_are_reduced() {
    let uk = "Міністр Олег Коваленко заявив, що зустріч відбудеться 3 грудня.\n";
    let en = "Minister Oleh Kovalenko said the meeting would take place on 3 December.\n";
    let key = |text: &str, lang: &str| -> (String, String) {
        let report = json_of(
            &[
                "facts",
                "--format",
                "json",
                "--language",
                &format!("stdin={lang}"),
                "-",
            ],
            text,
        );
        let doc = &report["documents"][0];
        let name = facts_of_type(doc, "name")
            .into_iter()
            .find(|n| n["entity"] == "person")
            .expect("a person")["key"]
            .as_str()
            .unwrap()
            .to_string();
        let date = facts_of_type(doc, "date")[0]["date"]
            .as_str()
            .unwrap()
            .to_string();
        (name, date)
    };
    let (uk_key, uk_date) = key(uk, "uk");
    let (en_key, en_date) = key(en, "en");
    assert_eq!(uk_key, en_key);
    assert_eq!(uk_date, "--12-03");
    assert_eq!(en_date, "--12-03");
}

#[test]
fn dates_alone_on_a_line_and_in_furniture_are_listed() {
    // A headline date, a dateline and a caption: every date is a fact, the
    // ones in boilerplate flagged.
    let text = "2 March 2025\n\nKYIV, March 3, 2025 (Reuters) - Talks began on 4 March.\n\n\
Photo: crowds on 1 March 2025\n\nUpdated 14:30, 5 March 2025\n";
    let report = json_of(
        &["facts", "--format", "json", "--language", "stdin=en", "-"],
        text,
    );
    let dates = facts_of_type(&report["documents"][0], "date");
    let find = |t: &str| {
        *dates
            .iter()
            .find(|d| d["text"] == t)
            .unwrap_or_else(|| panic!("{t} listed: {dates:?}"))
    };
    assert_eq!(find("2 March 2025")["date"], "2025-03-02");
    assert_eq!(find("4 March")["date"], "2025-03-04");
    let caption = find("1 March 2025");
    assert_eq!(caption["boilerplate"], true);
    let updated = find("5 March 2025");
    assert_eq!(updated["boilerplate"], true);
    assert!(
        find("2 March 2025")
            .get("boilerplate")
            .is_none_or(|b| b == false)
    );
}

#[test]
fn align_json_pairs_claims_across_languages() {
    let out = Command::cargo_bin("driftcheck")
        .expect("binary built")
        .args(["align", "--format", "json", "fixtures/port-strike"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let report: Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let groups = report["groups"].as_array().expect("groups");
    // Some group holds a claim of every version, English, Portuguese and
    // Ukrainian alike, with the anchors that paired them.
    let full = groups
        .iter()
        .filter(|g| g["members"].as_array().unwrap().len() == 4)
        .count();
    assert!(full >= 3, "only {full} groups span all four versions");
    for g in groups {
        for m in g["members"].as_array().unwrap() {
            let doc = m["doc"].as_str().unwrap();
            let path = format!("fixtures/port-strike/{doc}.txt");
            let text = std::fs::read_to_string(path).unwrap();
            let (s, e) = (
                m["start"].as_u64().unwrap() as usize,
                m["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&text[s..e], m["text"].as_str().unwrap());
        }
    }
}
