//! `--format html` without a browser: the page parsed with html5ever (the
//! HTML parsing algorithm browsers use) must be self-contained, show
//! hostile text as text, hold every byte of every version, and be the same
//! bytes on every run. `tests/browser.rs` checks the page in Chromium.

use assert_cmd::Command;
use scraper::{ElementRef, Html, Selector};

fn driftcheck(args: &[&str]) -> String {
    let out = Command::cargo_bin("driftcheck")
        .expect("binary built")
        .args(args)
        .arg("--no-config")
        .output()
        .expect("runs");
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

fn select<'a>(dom: &'a Html, css: &str) -> Vec<ElementRef<'a>> {
    dom.select(&Selector::parse(css).unwrap()).collect()
}

#[test]
fn the_page_is_self_contained_and_deterministic() {
    let args = ["check", "--format", "html", "fixtures/port-strike"];
    let page = driftcheck(&args);
    assert_eq!(page, driftcheck(&args), "same bytes on every run");
    let dom = Html::parse_document(&page);
    let csp = select(&dom, "meta[http-equiv='Content-Security-Policy']");
    let policy = csp[0].value().attr("content").unwrap();
    assert!(policy.starts_with("default-src 'none'"), "{policy}");
    for e in select(&dom, "*") {
        for attr in ["src", "href", "action", "srcset", "poster"] {
            if let Some(v) = e.value().attr(attr) {
                assert!(v.starts_with('#'), "{attr}={v}: only links within the page");
            }
        }
    }
    assert!(select(&dom, "link, img, iframe, object").is_empty());
}

/// The text of each version's column, cell after cell.
fn columns(dom: &Html) -> Vec<String> {
    let n = select(dom, "table.grid thead th").len() - 1;
    let mut columns = vec![String::new(); n];
    for row in select(dom, "table.grid tbody tr") {
        let cells: Vec<ElementRef<'_>> = row
            .select(&Selector::parse("td").unwrap())
            .skip(1)
            .collect();
        for (d, cell) in cells.iter().enumerate() {
            if cell
                .value()
                .has_class("cell", scraper::CaseSensitivity::CaseSensitive)
            {
                // Without the markers of missing text, which are not the document's.
                let text: String = cell
                    .descendants()
                    .filter(|n| {
                        !n.ancestors()
                            .any(|a| a.value().as_element().is_some_and(|e| e.name() == "mark"))
                    })
                    .filter_map(|n| n.value().as_text().map(|t| t.to_string()))
                    .collect();
                columns[d].push_str(&text);
            }
        }
    }
    columns
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn every_version_is_shown_whole_and_as_text() {
    for dir in [
        "tests/data/hostile",
        "fixtures/cup-final",
        "fixtures/port-strike",
    ] {
        let dom = Html::parse_document(&driftcheck(&["check", "--format", "html", dir]));
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        let columns = columns(&dom);
        assert_eq!(columns.len(), files.len());
        for (column, file) in columns.iter().zip(&files) {
            let text = std::fs::read_to_string(file).unwrap();
            // Each cell is shown without the white space around it; every
            // other character, markup included, stays and in its order.
            assert_eq!(squeeze(column), squeeze(&text), "{}", file.display());
        }
    }
}

#[test]
fn hostile_text_stays_text() {
    let page = driftcheck(&["check", "--format", "html", "tests/data/hostile"]);
    assert!(!page.contains("<script>document"), "raw markup in the page");
    assert!(!page.contains("<img"), "raw markup in the page");
    let dom = Html::parse_document(&page);
    assert_eq!(select(&dom, "script").len(), 1);
    assert!(select(&dom, "img").is_empty());
    for e in select(&dom, "*") {
        for (name, _) in e.value().attrs() {
            assert!(!name.starts_with("on"), "event handler {name}");
        }
    }
    let grid: String = select(&dom, "table.grid")[0].text().collect();
    assert!(grid.contains("<script>document.body.dataset.pwned = 'script'</script>"));
    assert!(grid.contains("\"><img src=x onerror=\"document.body.dataset.pwned='img'\">"));
}

#[test]
fn hostile_file_names_stay_text() {
    let dir = tempfile::tempdir().unwrap();
    for (name, source) in [
        ("a\"><b onmouseover=x>.txt", "tests/data/hostile/a_safe.txt"),
        ("b<script>x.txt", "tests/data/hostile/b_unsafe.txt"),
    ] {
        std::fs::copy(source, dir.path().join(name)).unwrap();
    }
    let page = driftcheck(&["check", "--format", "html", dir.path().to_str().unwrap()]);
    let dom = Html::parse_document(&page);
    assert_eq!(select(&dom, "script").len(), 1);
    assert!(select(&dom, "b").is_empty());
    let heads: String = select(&dom, "table.grid thead")[0].text().collect();
    assert!(heads.contains("a\"><b onmouseover=x>"), "{heads}");
    assert!(heads.contains("b<script>x"), "{heads}");
}

#[test]
fn the_findings_list_links_to_anchors_at_the_evidence() {
    let page = driftcheck(&["check", "--format", "html", "fixtures/port-strike"]);
    let json = driftcheck(&["check", "--format", "json", "fixtures/port-strike"]);
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    let dom = Html::parse_document(&page);
    let items = select(&dom, "li.finding");
    let findings = report["findings"].as_array().unwrap();
    assert_eq!(items.len(), findings.len());
    let ids: Vec<&str> = select(&dom, "[id]")
        .iter()
        .filter_map(|e| e.value().id())
        .collect();
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "ids are unique");
    for link in select(&dom, "li.finding a[href]") {
        let target = &link.value().attr("href").unwrap()[1..];
        assert!(ids.contains(&target), "{target} has no anchor");
    }
}

#[test]
fn a_feed_page_has_one_section_per_story() {
    let feed = [
        serde_json::json!({"id": "a1", "story": "one", "text": "The ministry hired 120 nurses on Tuesday, the minister said."}),
        serde_json::json!({"id": "a2", "story": "one", "text": "The ministry hired 210 nurses on Tuesday, the minister said."}),
        serde_json::json!({"id": "b1", "story": "two", "text": "A new ferry line opened between the two islands on Sunday."}),
    ]
    .iter()
    .map(|l| l.to_string())
    .collect::<Vec<_>>()
    .join("\n");
    let out = Command::cargo_bin("driftcheck")
        .unwrap()
        .args(["feed", "--format", "html", "--no-config"])
        .write_stdin(feed)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "the numeric drift fails the run"
    );
    let dom = Html::parse_document(&String::from_utf8(out.stdout).unwrap());
    let sections = select(&dom, "section.story");
    assert_eq!(sections.len(), 2);
    let first: String = sections[0].text().collect();
    assert!(first.contains("Story one") && first.contains("numeric_drift"));
    assert_eq!(
        select(&dom, "table.grid").len(),
        2,
        "each story side by side"
    );
    let footer: String = select(&dom, "footer")[0].text().collect();
    assert!(footer.contains("2 stories, 3 versions"), "{footer}");
}
