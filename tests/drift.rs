//! Drift checks on small stories in several languages, each with its negative
//! twin: the same story with only form differences, which must give no drift.

use driftcheck::finding::{Finding, Kind, Severity};
use driftcheck::input::RawDocument;
use driftcheck::lexicon::Lexicons;
use driftcheck::report::Report;
use driftcheck::story::{Story, StoryOptions};

fn check(versions: &[(&str, &str, &str)]) -> Vec<Finding> {
    let raws = versions
        .iter()
        .map(|(id, lang, text)| RawDocument {
            id: id.to_string(),
            path: format!("{id}.txt"),
            text: text.to_string(),
            language: Some(lang.to_string()),
            ..Default::default()
        })
        .collect();
    let lexicons = Lexicons::embedded();
    let story = Story::build(raws, &StoryOptions::default(), &lexicons).expect("story builds");
    Report::check(&story, &lexicons).findings
}

fn kinds(findings: &[Finding], kind: Kind) -> Vec<&Finding> {
    findings.iter().filter(|f| f.kind == kind).collect()
}

fn errors(findings: &[Finding]) -> Vec<String> {
    findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| format!("{}: {}", f.kind, f.message))
        .collect()
}

const EN: &str = "The city council met on Monday to discuss the budget. \
Council members said there is no agreement on the new tax. \
The mayor will present a revised plan next month.";

#[test]
fn polarity_flip_in_english() {
    let flipped = EN.replace("there is no agreement", "there is now an agreement");
    let f = check(&[("a", "en", EN), ("b", "en", EN), ("c", "en", &flipped)]);
    let p = kinds(&f, Kind::PolarityDrift);
    assert_eq!(p.len(), 1, "{f:#?}");
    assert_eq!(p[0].severity, Severity::Error);
    assert!(p[0].message.contains("1 version (c)"), "{}", p[0].message);
    assert!(
        p[0].evidence
            .iter()
            .any(|e| e.doc == "c" && e.text.contains("now an agreement"))
    );
    assert!(p[0].evidence.iter().any(|e| e.doc == "a"));
}

#[test]
fn polarity_twin_in_english_is_clean() {
    let twin = EN.replace("there is no agreement", "there isn't any agreement");
    let f = check(&[("a", "en", EN), ("b", "en", &twin)]);
    assert!(errors(&f).is_empty(), "{:?}", errors(&f));
}

const PT: &str = "O governo apresentou o orçamento na segunda-feira. \
O ministro disse que o parlamento não aprovou a proposta de reforma fiscal. \
A votação final será no próximo mês.";

#[test]
fn polarity_flip_in_portuguese() {
    let flipped = PT.replace("não aprovou", "aprovou");
    let f = check(&[("a", "pt", PT), ("b", "pt", &flipped)]);
    let p = kinds(&f, Kind::PolarityDrift);
    assert_eq!(p.len(), 1, "{f:#?}");
    assert_eq!(p[0].evidence.len(), 2, "both sides cited");
}

#[test]
fn polarity_twin_in_portuguese_is_clean() {
    let twin = PT.replace("não aprovou", "nunca aprovou");
    assert!(errors(&check(&[("a", "pt", PT), ("b", "pt", &twin)])).is_empty());
}

const UK: &str = "Уряд представив бюджет у понеділок. \
Міністр сказав, що парламент не схвалив реформу податків. \
Остаточне голосування відбудеться наступного місяця.";

#[test]
fn polarity_flip_in_ukrainian() {
    let flipped = UK.replace("не схвалив", "схвалив");
    let f = check(&[("a", "uk", UK), ("b", "uk", &flipped)]);
    assert_eq!(kinds(&f, Kind::PolarityDrift).len(), 1, "{f:#?}");
}

#[test]
fn antonym_flip_in_english() {
    let base = EN.replace("there is no agreement on", "they accepted");
    let turned = EN.replace("there is no agreement on", "they rejected");
    let f = check(&[("a", "en", &base), ("b", "en", &turned)]);
    assert_eq!(kinds(&f, Kind::PolarityDrift).len(), 1, "{f:#?}");
}

#[test]
fn double_negation_is_an_assertion() {
    let base = EN.replace("there is no agreement on", "they did not reject");
    let turned = EN.replace("there is no agreement on", "they rejected");
    let f = check(&[("a", "en", &base), ("b", "en", &turned)]);
    assert_eq!(kinds(&f, Kind::PolarityDrift).len(), 1, "{f:#?}");
    let same = EN.replace("there is no agreement on", "they accepted");
    assert!(errors(&check(&[("a", "en", &base), ("b", "en", &same)])).is_empty());
}

#[test]
fn additions_and_omissions() {
    let extra = format!("{EN} Protesters gathered outside the town hall on Monday evening.");
    let short = EN.replace("The mayor will present a revised plan next month.", "");
    let f = check(&[
        ("a", "en", EN),
        ("b", "en", EN),
        ("c", "en", &extra),
        ("d", "en", &short),
    ]);
    let add = kinds(&f, Kind::Addition);
    assert_eq!(add.len(), 1, "{add:#?}");
    assert_eq!(add[0].evidence[0].doc, "c");
    let om = kinds(&f, Kind::Omission);
    assert_eq!(om.len(), 1, "{om:#?}");
    assert!(om[0].message.starts_with("d omits"), "{}", om[0].message);
    assert_eq!(
        om[0].evidence.len(),
        3,
        "cites every version that has the claim"
    );
}

#[test]
fn identical_versions_have_no_findings() {
    let f = check(&[
        ("a", "en", EN),
        ("b", "en", EN),
        ("c", "pt", PT),
        ("d", "uk", UK),
    ]);
    assert!(errors(&f).is_empty(), "{:?}", errors(&f));
}
