//! Property tests over arbitrary Unicode text and arbitrary version sets:
//! nothing panics, every span is an exact slice on character boundaries,
//! reports do not depend on the order of the inputs, decoding round-trips,
//! and a version that differs only in form adds no error finding.
//!
//! Case counts are kept small (the whole file runs in seconds) because CI
//! has two shared cores; fuzzing (fuzz/) covers the long runs.

mod common;

use std::path::Path;

use common::invariants::{assert_document, assert_slice, check_all};
use driftcheck::document::Document;
use driftcheck::finding::Severity;
use driftcheck::input::{RawDocument, decode_document, html};
use driftcheck::lexicon::Lexicons;
use driftcheck::render::{self, Format};
use driftcheck::report::Report;
use driftcheck::story::{Story, StoryOptions};
use proptest::prelude::*;

const LANGUAGES: [Option<&str>; 9] = [
    None,
    Some("en"),
    Some("pt"),
    Some("es"),
    Some("de"),
    Some("fr"),
    Some("it"),
    Some("uk"),
    Some("ru"),
];

/// Pieces of news text in the eight languages plus the shapes that stress
/// segmentation, boilerplate and foreign-span detection.
const PIECES: &[&str] = &[
    "the ",
    "minister ",
    "said ",
    "on Tuesday ",
    "that ",
    "talks ",
    "would ",
    "continue. ",
    "o ",
    "governo ",
    "disse ",
    "que ",
    "não ",
    "há ",
    "consenso. ",
    "el ",
    "Gobierno ",
    "afirmó ",
    "die ",
    "Ministerin ",
    "sagte, ",
    "dass ",
    "über ",
    "le ",
    "ministre ",
    "a déclaré ",
    "qu'il ",
    "il ",
    "ministro ",
    "ha detto ",
    "che ",
    "Міністр ",
    "заявив, ",
    "що ",
    "переговори ",
    "тривають. ",
    "Министр ",
    "сказал, ",
    "что ",
    "ёлка ",
    "Dr. ",
    "J. ",
    "Dec. ",
    "nº 5 ",
    "this Friday (29) ",
    "[das negociações] ",
    "(de facto) ",
    "«",
    "» ",
    "“",
    "” ",
    "„",
    "\"",
    "'",
    "’",
    "— ",
    "– ",
    "…",
    "32 ",
    "3,5% ",
    "1.000 ",
    "2024-12-03 ",
    "29/11/2024 21h50",
    "3 e 4 de dezembro ",
    "\n",
    "\n\n",
    "\r\n",
    "  ",
    "\t",
    ". ",
    "? ",
    "! ",
    ": ",
    "; ",
    ", ",
    "Photo: Reuters",
    "12 comments",
    "Read more:",
    "-4 ( +4 / -8 )",
    "https://example.org/a?b=1",
    "By Ana Lima and Jo Smith",
    "© 2024 News",
    "e\u{301}",
    "\u{200b}",
    "\u{feff}",
    "\u{202e}",
    "🙂",
    "ﬁ",
    "İ",
    "ß",
    "ǅ",
    "\u{0}",
    "\u{1b}[0m",
    "\u{a0}",
];

fn soup() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..120).prop_map(|v| v.concat())
}

/// Arbitrary Unicode, or news-like soup, or both glued together.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        soup(),
        (soup(), any::<String>()).prop_map(|(a, b)| a + &b),
    ]
}

fn language() -> impl Strategy<Value = Option<String>> {
    prop::sample::select(&LANGUAGES[..]).prop_map(|l| l.map(str::to_string))
}

fn raw(id: &str, text: &str, language: Option<String>) -> RawDocument {
    RawDocument {
        id: id.into(),
        path: format!("{id}.txt"),
        text: text.into(),
        language,
        ..Default::default()
    }
}

fn json(report: &Report) -> String {
    let mut out = Vec::new();
    render::render(report, Format::Json, &mut out).expect("render");
    String::from_utf8(out).expect("UTF-8")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_text_analyses_into_exact_slices(text in any_text(), lang in language()) {
        let lexicons = Lexicons::embedded();
        let doc = Document::analyze(raw("d", &text, lang), &lexicons);
        assert_document(&doc);
        for f in driftcheck::lang::foreign::find(&doc, &lexicons) {
            assert_slice(&doc.text, f.span, "foreign span");
        }
    }

    #[test]
    fn utf8_round_trips(text in any::<String>()) {
        prop_assume!(!text.contains('\0') && !text.starts_with('\u{feff}'));
        let doc = decode_document("d", Path::new("d.txt"), text.clone().into_bytes()).unwrap();
        prop_assert_eq!(doc.text, text);
        prop_assert_eq!(doc.encoding, "UTF-8");
    }

    #[test]
    fn utf16_with_bom_round_trips(text in any::<String>()) {
        prop_assume!(!text.contains('\0'));
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        let doc = decode_document("d", Path::new("d.txt"), bytes).unwrap();
        prop_assert_eq!(doc.text, text.strip_prefix('\u{feff}').unwrap_or(&text));
        prop_assert_eq!(doc.encoding, "UTF-16LE");
    }

    #[test]
    fn any_bytes_decode_or_fail_cleanly(bytes in prop::collection::vec(any::<u8>(), 0..400), html_path in any::<bool>()) {
        let path = Path::new(if html_path { "d.html" } else { "d.txt" });
        if let Ok(raw) = decode_document("d", path, bytes) {
            prop_assert!(!raw.text.contains('\0'));
            for b in &raw.boilerplate {
                assert_slice(&raw.text, b.span, "marked boilerplate");
            }
            assert_document(&Document::analyze(raw, &Lexicons::embedded()));
        }
    }

    #[test]
    fn html_soup_extracts_exact_spans(
        parts in prop::collection::vec(prop::sample::select(&[
            "<p>", "</p>", "<div class=\"share\">", "<div class='comments x'>", "</div>", "<nav>", "</nav>",
            "<br>", "<script>", "</script>", "<pre>", "</pre>", "<li>", "<td>", "&amp;", "&nbsp;", "&#x41;",
            "<aside>", "</aside>", "<figcaption>", "<header>", "<article>", "</article>", "<!--", "-->",
            "The minister said ", "que não ", "переговори ", "\n", "  ", "<b>", "</b>", "<x-y z=1>",
        ][..]), 0..80),
        tail in any::<String>(),
    ) {
        let source = parts.concat() + &tail;
        let page = html::extract(&source);
        let mut end = 0;
        for b in &page.boilerplate {
            assert_slice(&page.text, b.span, "page boilerplate");
            prop_assert!(b.span.start >= end);
            end = b.span.end;
        }
        let raw = RawDocument { text: page.text, boilerplate: page.boilerplate, ..raw("p", "", None) };
        assert_document(&Document::analyze(raw, &Lexicons::embedded()));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_version_set_checks_into_exact_evidence(
        versions in prop::collection::vec((any_text(), language()), 1..5),
    ) {
        let raws = versions
            .iter()
            .enumerate()
            .map(|(i, (text, lang))| raw(&format!("v{i}"), text, lang.clone()))
            .collect();
        check_all(raws, &Lexicons::embedded());
    }

    #[test]
    fn report_is_independent_of_input_order(
        versions in prop::collection::vec((soup(), language()), 2..5),
        seed in any::<u64>(),
    ) {
        let lexicons = Lexicons::embedded();
        let raws: Vec<RawDocument> = versions
            .iter()
            .enumerate()
            .map(|(i, (text, lang))| raw(&format!("v{i}"), text, lang.clone()))
            .collect();
        let mut shuffled = raws.clone();
        // A deterministic shuffle: rotate, then reverse on odd seeds.
        let len = shuffled.len();
        shuffled.rotate_left((seed % len as u64) as usize);
        if seed % 2 == 1 {
            shuffled.reverse();
        }
        let options = StoryOptions::default();
        let first = Report::check(&Story::build(raws.clone(), &options, &lexicons).unwrap(), &lexicons);
        let again = Report::check(&Story::build(raws, &options, &lexicons).unwrap(), &lexicons);
        let other = Report::check(&Story::build(shuffled, &options, &lexicons).unwrap(), &lexicons);
        prop_assert_eq!(json(&first), json(&again));
        prop_assert_eq!(json(&first), json(&other));
    }

    #[test]
    fn form_only_variants_add_no_error(story in story(), forms in prop::collection::vec(0usize..4, 1..4)) {
        let (template, lang) = story;
        let lexicons = Lexicons::embedded();
        let raws: Vec<RawDocument> = std::iter::once(0)
            .chain(forms)
            .enumerate()
            .map(|(i, form)| raw(&format!("v{i}"), &form_variant(&template, lang, form), Some(lang.to_string())))
            .collect();
        let texts: Vec<String> = raws.iter().map(|r| r.text.clone()).collect();
        let report = check_all(raws, &lexicons);
        let errors: Vec<&str> = report
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| f.message.as_str())
            .collect();
        prop_assert!(errors.is_empty(), "{texts:#?}\n{errors:?}");
    }
}

/// Story templates per language: a speaker, a date, a number and a quote.
/// `{q}`/`{/q}` are quote marks and `{date}` a date, so a variant can change
/// only their form.
const TEMPLATES: &[(&str, &str)] = &[
    (
        "en",
        "The {role} said on {date} that {n} members had agreed. {q}We will not stop the talks now{/q}, she told reporters.\n\nThe meeting ends on Friday.",
    ),
    (
        "pt",
        "O {role} afirmou em {date} que {n} países-membros concordaram. {q}Não vamos parar as negociações{/q}, disse ela.\n\nA reunião termina na sexta-feira.",
    ),
    (
        "es",
        "El {role} dijo el {date} que {n} países miembros estaban de acuerdo. {q}No vamos a detener las negociaciones{/q}, afirmó.\n\nLa reunión termina el viernes.",
    ),
    (
        "de",
        "Der {role} sagte am {date}, dass {n} Mitgliedstaaten zugestimmt hätten. {q}Wir werden die Gespräche nicht beenden{/q}, sagte sie.\n\nDas Treffen endet am Freitag.",
    ),
    (
        "fr",
        "Le {role} a déclaré le {date} que {n} pays membres étaient d'accord. {q}Nous n'arrêterons pas les négociations{/q}, a-t-elle dit.\n\nLa réunion se termine vendredi.",
    ),
    (
        "it",
        "Il {role} ha detto il {date} che {n} paesi membri erano d'accordo. {q}Non fermeremo i negoziati{/q}, ha detto.\n\nLa riunione finisce venerdì.",
    ),
    (
        "uk",
        "{role} заявив {date}, що {n} країн-членів погодилися. {q}Ми не зупинимо переговори{/q}, сказала вона.\n\nЗустріч завершиться у пʼятницю.",
    ),
    (
        "ru",
        "{role} заявил {date}, что {n} стран-членов согласились. {q}Мы не остановим переговоры{/q}, сказала она.\n\nВстреча завершится в пятницу.",
    ),
];

const ROLES: &[(&str, &[&str])] = &[
    ("en", &["minister", "spokeswoman", "chair"]),
    ("pt", &["ministro", "porta-voz", "presidente"]),
    ("es", &["ministro", "portavoz", "presidente"]),
    ("de", &["Minister", "Sprecher", "Vorsitzende"]),
    ("fr", &["ministre", "porte-parole", "président"]),
    ("it", &["ministro", "portavoce", "presidente"]),
    ("uk", &["Міністр", "Речник", "Голова"]),
    ("ru", &["Министр", "Представитель", "Председатель"]),
];

const MONTHS: &[(&str, [&str; 3])] = &[
    ("en", ["March", "June", "December"]),
    ("pt", ["março", "junho", "dezembro"]),
    ("es", ["marzo", "junio", "diciembre"]),
    ("de", ["März", "Juni", "Dezember"]),
    ("fr", ["mars", "juin", "décembre"]),
    ("it", ["marzo", "giugno", "dicembre"]),
    ("uk", ["березня", "червня", "грудня"]),
    ("ru", ["марта", "июня", "декабря"]),
];

/// A filled template: the text with its `{q}`, `{/q}` and `{date:D:M:Y}`
/// markers still in place, and its language.
fn story() -> impl Strategy<Value = (String, &'static str)> {
    (
        0..TEMPLATES.len(),
        0usize..3,
        1u32..60,
        1u32..29,
        0usize..3,
        2019u32..2026,
    )
        .prop_map(|(t, role, n, day, month, year)| {
            let (lang, template) = TEMPLATES[t];
            let role = ROLES[t].1[role];
            let text = template
                .replace("{role}", role)
                .replace("{n}", &n.to_string())
                .replace("{date}", &format!("{{date:{day}:{month}:{year}}}"));
            (text, lang)
        })
}

/// Renders the markers of a filled template: `form` picks the quote marks
/// and the date style, so two forms of one story differ only in form.
fn form_variant(text: &str, lang: &str, form: usize) -> String {
    let months = MONTHS
        .iter()
        .find(|(l, _)| *l == lang)
        .map_or(&MONTHS[0].1, |(_, m)| m);
    let (open, close) = [("\"", "\""), ("“", "”"), ("«", "»"), ("„", "“")][form % 4];
    let mut out = text.replace("{q}", open).replace("{/q}", close);
    while let Some(start) = out.find("{date:") {
        let Some(len) = out[start..].find('}') else {
            break;
        };
        let fields: Vec<usize> = out[start + 6..start + len]
            .split(':')
            .filter_map(|f| f.parse().ok())
            .collect();
        let [day, month, year] = fields[..] else {
            break;
        };
        let name = months[month];
        let date = match (form / 2 % 2, lang) {
            (0, _) => format!("{day} {name} {year}"),
            (_, "en") => format!("{name} {day}, {year}"),
            (_, "pt" | "es") => format!("{day} de {name} de {year}"),
            (_, "de") => format!("{day}. {name} {year}"),
            _ => format!("{day:02}.{:02}.{year}", [3, 6, 12][month]),
        };
        out.replace_range(start..start + len + 1, &date);
    }
    out
}

#[test]
fn form_variants_differ_only_in_form() {
    let text = "The minister said on {date:3:2:2024} that 5 members had agreed. {q}Yes{/q}.";
    assert_eq!(
        form_variant(text, "en", 0),
        "The minister said on 3 December 2024 that 5 members had agreed. \"Yes\"."
    );
    assert_eq!(
        form_variant(text, "en", 3),
        "The minister said on December 3, 2024 that 5 members had agreed. „Yes“."
    );
    assert_eq!(
        form_variant(text, "uk", 2),
        "The minister said on 03.12.2024 that 5 members had agreed. «Yes»."
    );
}
