//! The HTML report in a real browser: headless Chromium loads pages of a
//! fixture, of hostile documents and of a feed, runs the page's script, and
//! the DOM it ends with must hold the findings, the aligned rows and the
//! hostile text as text, with no script of a document run.
//!
//! Skips, saying so, when Chromium is not installed (`apt-get install
//! chromium`), unless `DRIFTCHECK_REQUIRE_BROWSER` is set: `.ci/run`
//! installs Chromium and sets it, so CI cannot pass by skipping.
//! `DRIFTCHECK_CHROMIUM` names another binary.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::cargo::CommandCargoExt;
use scraper::{Html, Selector};

/// The browser, if there is one; panics when it must be there and is not.
fn chromium() -> Option<PathBuf> {
    let named = std::env::var_os("DRIFTCHECK_CHROMIUM").map(PathBuf::from);
    let found = named.or_else(|| {
        let path = std::env::var_os("PATH").unwrap_or_default();
        ["chromium", "chromium-browser", "google-chrome"]
            .iter()
            .flat_map(|name| std::env::split_paths(&path).map(move |d| d.join(name)))
            .find(|p| p.is_file())
    });
    if found.is_none() {
        assert!(
            std::env::var_os("DRIFTCHECK_REQUIRE_BROWSER").is_none(),
            "DRIFTCHECK_REQUIRE_BROWSER is set but no chromium was found"
        );
        eprintln!(
            "SKIPPED: the browser tests need Chromium (apt-get install chromium, or set \
             DRIFTCHECK_CHROMIUM); the HTML report was not checked in a browser"
        );
    }
    found
}

/// Runs driftcheck and returns its standard output.
fn driftcheck(args: &[&str], stdin: Option<&str>) -> String {
    let mut cmd = Command::cargo_bin("driftcheck").expect("binary built");
    cmd.args(args)
        .arg("--no-config")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped());
    let mut child = cmd.spawn().expect("driftcheck runs");
    {
        let mut input = child.stdin.take().unwrap();
        if let Some(text) = stdin {
            std::io::Write::write_all(&mut input, text.as_bytes()).unwrap();
        }
    }
    let out = child.wait_with_output().unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "driftcheck {args:?}: {:?}",
        out.status
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// Loads a page in headless Chromium and returns the DOM after its scripts
/// ran (`--dump-dom`).
fn dump_dom(browser: &Path, page: &Path, query: &str) -> Html {
    let profile = tempfile::tempdir().unwrap();
    let url = format!("file://{}{query}", page.display());
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("--dump-dom")
        .arg(&url)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut dom = String::new();
        stdout.read_to_string(&mut dom).map(|_| dom)
    });
    let started = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if started.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium did not finish loading {url} in 120 s");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let dom = reader.join().unwrap().expect("chromium's output is UTF-8");
    assert!(dom.contains("</html>"), "chromium printed no DOM for {url}");
    Html::parse_document(&dom)
}

fn select<'a>(dom: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    dom.select(&Selector::parse(css).unwrap()).collect()
}

fn text(e: &scraper::ElementRef<'_>) -> String {
    e.text().collect()
}

/// What every page must show after loading: the page's own script ran and
/// nothing else did.
fn assert_only_our_script_ran(dom: &Html) {
    assert_eq!(
        select(dom, "html[data-ready='1']").len(),
        1,
        "the page's script did not run (a wrong CSP hash?)"
    );
    assert!(
        select(dom, "[data-pwned]").is_empty(),
        "a document's script ran"
    );
    assert_eq!(select(dom, "script").len(), 1, "only the page's own script");
    assert!(select(dom, "img, iframe, object, embed, svg").is_empty());
    for e in select(dom, "*") {
        for (name, value) in e.value().attrs() {
            assert!(!name.starts_with("on"), "event handler attribute {name}");
            assert!(
                !value
                    .trim_start()
                    .to_ascii_lowercase()
                    .starts_with("javascript:"),
                "{name}={value}"
            );
        }
    }
}

/// The findings of a check, from its JSON report.
fn findings(dir: &str) -> Vec<serde_json::Value> {
    let json = driftcheck(&["check", "--format", "json", dir], None);
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    report["findings"].as_array().unwrap().clone()
}

/// Writes the page driftcheck renders, loads it (with a query string) and
/// checks that only the page's own script ran.
fn browse(browser: &Path, args: &[&str], stdin: Option<&str>, query: &str) -> Html {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    std::fs::write(&page, driftcheck(args, stdin)).unwrap();
    let dom = dump_dom(browser, &page, query);
    assert_only_our_script_ran(&dom);
    dom
}

#[test]
fn a_fixture_report_shows_findings_at_their_spans_and_the_versions_side_by_side() {
    let Some(browser) = chromium() else { return };
    let dom = browse(
        &browser,
        &["check", "--format", "html", "fixtures/cup-final"],
        None,
        "",
    );
    let expected = findings("fixtures/cup-final");
    let items = select(&dom, "li.finding");
    assert_eq!(items.len(), expected.len(), "one list item per finding");
    for (item, f) in items.iter().zip(&expected) {
        assert_eq!(item.value().attr("data-kind"), f["kind"].as_str());
        assert_eq!(item.value().attr("data-sev"), f["severity"].as_str());
        assert!(text(item).contains(f["message"].as_str().unwrap()));
        // Every evidence link jumps to an anchor in the grid, and the text
        // after it is the evidence (or a marker of what is missing).
        let links = select(&dom, &format!("#{} a[href]", item.value().id().unwrap()));
        assert_eq!(links.len(), f["evidence"].as_array().unwrap().len());
        for (link, e) in links.iter().zip(f["evidence"].as_array().unwrap()) {
            let target = &link.value().attr("href").unwrap()[1..];
            let anchors = select(&dom, &format!("table.grid #{target}"));
            assert_eq!(anchors.len(), 1, "anchor {target} in the grid");
            // The cell's text after the anchor is the evidence, or its start
            // when the evidence runs on into the next row.
            let after: String = anchors[0]
                .next_siblings()
                .flat_map(|n| n.descendants())
                .filter_map(|n| n.value().as_text().map(|t| t.to_string()))
                .collect();
            let evidence = e["text"].as_str().unwrap();
            assert!(
                after.starts_with(evidence) || evidence.starts_with(after.trim_end()),
                "{evidence:?} is not where its anchor is: {after:?}"
            );
        }
    }
    // Highlights carry the severity the script worked out.
    let pronoun = items
        .iter()
        .find(|i| i.value().attr("data-kind") == Some("pronoun_drift"))
        .expect("the fixture's pronoun drift");
    let id = pronoun.value().id().unwrap();
    let marked = select(&dom, &format!("table.grid [data-f~='{id}']"));
    assert!(!marked.is_empty());
    assert!(
        marked
            .iter()
            .all(|m| m.value().attr("data-show") == Some("error"))
    );
    // The versions side by side: four columns, and aligned rows holding a
    // claim of every version.
    assert_eq!(select(&dom, "table.grid thead th").len(), 1 + 4);
    let full_rows = select(&dom, "tr.row.aligned")
        .into_iter()
        .filter(|r| select_in(r, "td.cell").len() == 4)
        .count();
    assert!(
        full_rows >= 8,
        "{full_rows} rows aligned across all versions"
    );
    assert!(!select(&dom, "table.grid .bp").is_empty(), "boilerplate");
    assert!(!select(&dom, "table.grid .fg").is_empty(), "foreign span");
    let header = text(&select(&dom, "table.docs")[0]);
    for needle in ["en (1.00)", "es (", "de (", "UTF-8"] {
        assert!(header.contains(needle), "{needle} in {header}");
    }
}

fn select_in<'a>(e: &scraper::ElementRef<'a>, css: &str) -> Vec<scraper::ElementRef<'a>> {
    e.select(&Selector::parse(css).unwrap()).collect()
}

#[test]
fn hostile_documents_render_as_text_and_run_nothing() {
    let Some(browser) = chromium() else { return };
    let dom = browse(
        &browser,
        &["check", "--format", "html", "tests/data/hostile"],
        None,
        "",
    );
    let cells: Vec<String> = select(&dom, "table.grid td.cell")
        .iter()
        .map(text)
        .collect();
    let grid = cells.join("\n");
    for hostile in [
        "<script>document.body.dataset.pwned = 'script'</script>",
        "\"><img src=x onerror=\"document.body.dataset.pwned='img'\">",
        "javascript:document.body.dataset.pwned='link'",
    ] {
        assert_eq!(
            grid.matches(hostile).count(),
            2,
            "{hostile} in both versions"
        );
    }
    assert_eq!(
        select(&dom, "li.finding").len(),
        findings("tests/data/hostile").len()
    );
    // The quote whose evidence starts inside the hostile markup is cited as
    // text in the findings list too.
    let list = text(&select(&dom, "ol.findings")[0]);
    assert!(list.contains("> will cost 4 million euros"), "{list}");
}

#[test]
fn filters_from_the_address_hide_findings_and_their_highlights() {
    let Some(browser) = chromium() else { return };
    let dom = browse(
        &browser,
        &["check", "--format", "html", "tests/data/hostile"],
        None,
        "?hide=numeric_drift,info&only",
    );
    let items = select(&dom, "li.finding");
    for item in &items {
        let kind = item.value().attr("data-kind").unwrap();
        let sev = item.value().attr("data-sev").unwrap();
        let hidden = item.value().attr("hidden").is_some();
        assert_eq!(
            hidden,
            kind == "numeric_drift" || sev == "info",
            "{kind} {sev}"
        );
        let id = item.value().id().unwrap();
        for m in select(&dom, &format!("table.grid [data-f='{id}']")) {
            assert_eq!(
                m.value().attr("data-show") == Some(""),
                hidden,
                "highlight of {id}"
            );
        }
    }
    assert!(items.iter().any(|i| i.value().attr("hidden").is_none()));
    assert_eq!(select(&dom, "body.only-findings").len(), 1);
    let rows = select(&dom, "tr.row");
    let shown = select(&dom, "tr.row.has");
    assert!(!shown.is_empty() && shown.len() < rows.len());
}

#[test]
fn a_feed_page_has_a_section_per_story_and_escapes_ids_and_keys() {
    let Some(browser) = chromium() else { return };
    let hostile = std::fs::read_to_string("tests/data/hostile/a_safe.txt").unwrap();
    let other = std::fs::read_to_string("tests/data/hostile/b_unsafe.txt").unwrap();
    let key = "<b>bold</b>\"><script>document.body.dataset.pwned='key'</script>";
    let feed = [
        serde_json::json!({"id": "v1\"><img src=x onerror=\"document.body.dataset.pwned='id'\">", "story": key, "text": hostile}),
        serde_json::json!({"id": "v2", "story": key, "text": other}),
        serde_json::json!({"id": "w1", "story": "other", "text": "A quiet story about a library that opened a new reading room on Friday."}),
    ]
    .iter()
    .map(|l| l.to_string())
    .collect::<Vec<_>>()
    .join("\n");
    let dom = browse(
        &browser,
        &["feed", "--format", "html", "-"],
        Some(&feed),
        "",
    );
    let sections = select(&dom, "section.story");
    assert_eq!(sections.len(), 2);
    let heading = text(&select_in(&sections[0], "h2")[0]);
    assert!(heading.contains(key), "{heading}");
    let columns = text(&select_in(&sections[0], "table.grid thead")[0]);
    assert!(columns.contains("v1\"><img src=x"), "{columns}");
    assert!(!select_in(&sections[0], "li.finding").is_empty());
    assert!(select_in(&sections[1], "li.finding").is_empty());
}
