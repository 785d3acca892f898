//! Two translations of one quote into one language (issue 17): the ways
//! translators word numbers, names and negations differently stay silent,
//! family by family and in at least three languages each; a number, a name
//! or a negation that really changed is still `quote_drift`.

#[path = "support/story.rs"]
mod story;

use driftcheck::finding::Kind;
use story::{check, kinds};

/// One quote of a story, in its original and in two translations into
/// another language (each a paragraph between two plain ones, so that the
/// alignment pairs them).
struct Case {
    lang: &'static str,
    original: (&'static str, &'static str),
    first: &'static str,
    second: &'static str,
    /// A real drift of the family: (original, first translation, drifted
    /// second translation); `None` fields are the faithful case's.
    drift: (Option<&'static str>, Option<&'static str>, &'static str),
}

/// The quote_drift findings of a story whose quote paragraph is `a` in one
/// version and `b` in the other, beside the original.
fn quote_drift(case: &Case, original: &str, a: &str, b: &str) -> Vec<String> {
    let story = |lang: &str, quote: &str, second: bool| -> String {
        let (before, after) = frame(lang, second);
        format!("{before}\n\n{quote}\n\n{after}")
    };
    let f = check(&[
        (
            "o",
            case.original.0,
            &story(case.original.0, original, false),
        ),
        ("a", case.lang, &story(case.lang, a, false)),
        ("b", case.lang, &story(case.lang, b, true)),
    ]);
    kinds(&f, Kind::QuoteDrift)
        .iter()
        .map(|f| f.message.clone())
        .collect()
}

/// The plain paragraphs around a quote, in each language, as each of two
/// translators words them (two translations, not one text edited).
fn frame(lang: &str, second: bool) -> (&'static str, &'static str) {
    match (lang, second) {
        ("en", false) => (
            "The harbour authority met the shipping companies on Tuesday.",
            "The companies will answer next week.",
        ),
        ("en", true) => (
            "On Tuesday the port authority held talks with the shipowners.",
            "An answer from the firms is expected in a week.",
        ),
        ("de", false) => (
            "Die Hafenbehörde traf sich am Dienstag mit den Reedereien.",
            "Die Reedereien wollen in der nächsten Woche antworten.",
        ),
        ("de", true) => (
            "Am Dienstag verhandelte die Hafenverwaltung mit den Schiffseignern.",
            "Eine Antwort der Firmen wird in einer Woche erwartet.",
        ),
        ("ru", false) => (
            "Во вторник администрация порта встретилась с судоходными компаниями.",
            "Компании ответят на следующей неделе.",
        ),
        ("ru", true) => (
            "Портовые власти во вторник провели переговоры с судовладельцами.",
            "Ответ фирм ожидается через неделю.",
        ),
        ("fr", false) => (
            "L'autorité portuaire a rencontré mardi les compagnies maritimes.",
            "Les compagnies répondront la semaine prochaine.",
        ),
        ("fr", true) => (
            "Mardi, les autorités du port ont discuté avec les armateurs.",
            "Une réponse des entreprises est attendue dans une semaine.",
        ),
        (other, _) => panic!("no frame for {other}"),
    }
}

fn assert_family(family: &str, cases: &[Case]) {
    for case in cases {
        let found = quote_drift(case, case.original.1, case.first, case.second);
        assert!(
            found.is_empty(),
            "{family}, {}: two translations taken for drift: {found:?}",
            case.lang
        );
        let (original, first, drifted) = case.drift;
        let found = quote_drift(
            case,
            original.unwrap_or(case.original.1),
            first.unwrap_or(case.first),
            drifted,
        );
        assert_eq!(
            found.len(),
            1,
            "{family}, {}: real drift missed: {found:?}",
            case.lang
        );
    }
}

/// A number in words in one translation and in digits in the other, or
/// with another thousands mark, is one number; a vague amount or a number
/// word one translator leaves out ("in four walls") is wording; an amount
/// of another measure is no other amount ("14 days" / "two weeks").
#[test]
fn numbers_written_two_ways_are_one_number() {
    assert_family(
        "numbers",
        &[
            Case {
                lang: "en",
                original: (
                    "de",
                    "„Wir werden in diesem Jahr vierzig Schiffe in Dienst stellen“, sagte der Direktor Oskar Lind.",
                ),
                first: "\"We will put 40 ships into service this year,\" director Oskar Lind said.",
                second: "\"This year forty vessels will enter service,\" director Oskar Lind said.",
                drift: (
                    None,
                    None,
                    "\"This year 60 vessels will enter service,\" director Oskar Lind said.",
                ),
            },
            Case {
                lang: "de",
                original: (
                    "en",
                    "\"The ferry costs 1,200 euros a day and the crew will rest for 14 days,\" director Oskar Lind said.",
                ),
                first: "„Die Fähre kostet 1.200 Euro am Tag, und die Besatzung ruht 14 Tage“, sagte Direktor Oskar Lind.",
                second: "„Die Fähre kostet täglich 1200 Euro, und die Besatzung ruht zwei Wochen“, sagte Direktor Oskar Lind.",
                drift: (
                    None,
                    None,
                    "„Die Fähre kostet täglich 1500 Euro, und die Besatzung ruht zwei Wochen“, sagte Direktor Oskar Lind.",
                ),
            },
            Case {
                lang: "ru",
                original: (
                    "en",
                    "\"Thousands of sailors sat within four walls for twelve days,\" director Oskar Lind said.",
                ),
                first: "«Тысячи моряков двенадцать дней просидели в четырёх стенах», — сказал директор Оскар Линд.",
                second: "«Многие тысячи моряков 12 дней были заперты на судах», — сказал директор Оскар Линд.",
                drift: (
                    None,
                    None,
                    "«Многие тысячи моряков 20 дней были заперты на судах», — сказал директор Оскар Линд.",
                ),
            },
        ],
    );
}

/// One name in two case forms, a name and its acronym, and a capitalised
/// noun of a language that capitalises nouns are no name in place of
/// another; another place is.
#[test]
fn case_forms_acronyms_and_nouns_are_no_name_in_place_of_another() {
    assert_family(
        "names",
        &[
            Case {
                lang: "ru",
                original: (
                    "en",
                    "\"Our ships will carry grain from Europe to Egypt,\" director Oskar Lind said.",
                ),
                first: "«Наши суда будут возить зерно из Европы в Египет», — сказал директор Оскар Линд.",
                second: "«Наши корабли доставят зерно в Египет из Европы», — сказал директор Оскар Линд.",
                drift: (
                    None,
                    None,
                    "«Наши корабли доставят зерно в Марокко из Европы», — сказал директор Оскар Линд.",
                ),
            },
            Case {
                lang: "de",
                original: (
                    "en",
                    "\"The Nordic Shipping Council will open an office in Lisbon,\" director Oskar Lind said.",
                ),
                first: "„Der Nordic Shipping Council wird in Lissabon ein Büro eröffnen“, sagte Direktor Oskar Lind.",
                second: "„Der NSC wird eine Vertretung in Lissabon einrichten“, sagte Direktor Oskar Lind.",
                drift: (
                    None,
                    None,
                    "„Der NSC wird eine Vertretung in Madrid einrichten“, sagte Direktor Oskar Lind.",
                ),
            },
            Case {
                lang: "fr",
                original: (
                    "en",
                    "\"The Nordic Shipping Council will open an office in Lisbon,\" director Oskar Lind said.",
                ),
                first: "« Le Nordic Shipping Council ouvrira un bureau à Lisbonne », a déclaré le directeur Oskar Lind.",
                second: "« Le NSC installera une antenne à Lisbonne », a déclaré le directeur Oskar Lind.",
                drift: (
                    None,
                    None,
                    "« Le NSC installera une antenne à Madrid », a déclaré le directeur Oskar Lind.",
                ),
            },
        ],
    );
}

/// A negation one translator renders with a negative word, a negation in a
/// question or in "not only", and one the other translator puts outside
/// the quote marks, are no negation lost; a negation added to a plain
/// statement is.
#[test]
fn negations_worded_another_way_are_no_negation_lost() {
    assert_family(
        "negation",
        &[
            Case {
                lang: "en",
                original: (
                    "de",
                    "„Die Reedereien haben es nicht geschafft, die Löhne zu zahlen“, sagte Direktor Oskar Lind.",
                ),
                first: "\"The shipping companies did not manage to pay the wages,\" director Oskar Lind said.",
                second: "\"The shipowners failed to pay the wages,\" director Oskar Lind said.",
                drift: (
                    None,
                    None,
                    "\"The shipowners managed to pay the wages,\" director Oskar Lind said.",
                ),
            },
            Case {
                lang: "de",
                original: (
                    "en",
                    "\"Don't people wonder why the port still charges the old fees?\" director Oskar Lind asked.",
                ),
                first: "„Fragen sich die Leute nicht, warum der Hafen noch die alten Gebühren verlangt?“, fragte Direktor Oskar Lind.",
                second: "„Die Leute fragen sich, warum der Hafen weiterhin die alten Gebühren erhebt“, fragte Direktor Oskar Lind.",
                drift: (
                    Some("\"The port will keep the old fees,\" director Oskar Lind said."),
                    Some(
                        "„Der Hafen wird die alten Gebühren beibehalten“, sagte Direktor Oskar Lind.",
                    ),
                    "„Der Hafen wird die alten Gebühren nicht behalten“, sagte Direktor Oskar Lind.",
                ),
            },
            Case {
                lang: "ru",
                original: (
                    "en",
                    "\"The companies did not pay the crews,\" director Oskar Lind said.",
                ),
                first: "«Компании не заплатили экипажам», — сказал директор Оскар Линд.",
                second: "«Компании отказались платить командам», — сказал директор Оскар Линд.",
                drift: (
                    None,
                    None,
                    "«Компании заплатили командам», — сказал директор Оскар Линд.",
                ),
            },
            Case {
                lang: "fr",
                original: (
                    "en",
                    "\"Why don't the companies pay the crews?\" director Oskar Lind asked.",
                ),
                first: "« Pourquoi les compagnies ne paient-elles pas les équipages ? », a demandé le directeur Oskar Lind.",
                second: "« Qu'attendent les armateurs pour payer les marins ? », a demandé le directeur Oskar Lind.",
                drift: (
                    Some("\"The companies pay the crews,\" director Oskar Lind said."),
                    Some(
                        "« Les compagnies paient les équipages », a déclaré le directeur Oskar Lind.",
                    ),
                    "« Les armateurs ne paient pas les marins », a déclaré le directeur Oskar Lind.",
                ),
            },
            Case {
                lang: "en",
                original: (
                    "de",
                    "Direktor Oskar Lind forderte die Firmen auf, „weitere Verspätungen der Getreideschiffe“ zu verhindern.",
                ),
                first: "Director Oskar Lind urged the firms to prevent \"further delays of the grain ships\".",
                second: "Director Oskar Lind urged the firms to make sure that \"the grain ships are not delayed again\".",
                drift: (
                    Some(
                        "„Die Getreideschiffe werden im Hafen warten“, sagte Direktor Oskar Lind.",
                    ),
                    Some("\"The grain ships will wait in the port,\" director Oskar Lind said."),
                    "\"The grain ships will not stay in the port,\" director Oskar Lind said.",
                ),
            },
            Case {
                lang: "ru",
                original: (
                    "en",
                    "Director Oskar Lind asked the companies to prevent \"further delays of the grain ships\".",
                ),
                first: "Директор Оскар Линд попросил компании избежать «дальнейших задержек судов с зерном».",
                second: "Директор Оскар Линд попросил компании, чтобы «суда с зерном больше не задерживались».",
                drift: (
                    Some("\"The grain ships will wait in the port,\" director Oskar Lind said."),
                    Some("«Суда с зерном будут ждать в порту», — сказал директор Оскар Линд."),
                    "«Суда с зерном не будут стоять в порту», — сказал директор Оскар Линд.",
                ),
            },
        ],
    );
}
