//! Boilerplate on pages in every supported language: the furniture is marked,
//! the story is not.

use std::path::PathBuf;

use driftcheck::document::Document;
use driftcheck::input::read_inputs;
use driftcheck::lexicon::Lexicons;

fn page(name: &str) -> Document {
    let raw = read_inputs(&[PathBuf::from(format!("tests/data/pages/{name}"))])
        .expect("page reads")
        .remove(0);
    Document::analyze(raw, &Lexicons::embedded())
}

/// The reason of the boilerplate span covering the line that starts with `start`.
fn reason(doc: &Document, start: &str) -> Option<&'static str> {
    let at = doc
        .text
        .find(start)
        .unwrap_or_else(|| panic!("{start:?} not in {}", doc.id));
    let end = at + start.len();
    doc.boilerplate
        .iter()
        .find(|b| b.span.start <= at && b.span.end >= end)
        .map(|b| b.reason.name())
}

fn check(name: &str, furniture: &[(&str, &str)], story: &[&str]) {
    let doc = page(name);
    for (line, want) in furniture {
        assert_eq!(reason(&doc, line), Some(*want), "{name}: {line:?}");
    }
    for line in story {
        assert_eq!(
            reason(&doc, line),
            None,
            "{name}: story marked as boilerplate: {line:?}"
        );
    }
}

#[test]
fn portuguese_portal() {
    check(
        "pt_portal.txt",
        &[
            ("Por Mariana Lopes", "byline"),
            ("Publicado em", "dateline"),
            ("Foto: Ministro", "caption"),
            ("Leia mais:", "related"),
            ("Assine a newsletter", "newsletter"),
            ("Compartilhe", "share"),
            ("© 2025 Portal", "copyright"),
        ],
        &[
            "O governo federal anunciou",
            "Segundo o ministro",
            "Por outro lado, economistas",
            "O pacote inclui",
        ],
    );
}

#[test]
fn german_newspaper() {
    check(
        "de_zeitung.txt",
        &[
            ("Von Thomas Becker", "byline"),
            ("Stand: 14.03.2025", "dateline"),
            ("Mehr zum Thema", "related"),
            ("Spritpreise steigen", "related"),
            ("Anzeige", "advertisement"),
            ("© dpa-infocom", "copyright"),
        ],
        &[
            "Das Bundeskabinett hat",
            "Von den Maßnahmen sollen",
            "„Wir lassen niemanden",
            "Die Opposition kritisierte",
        ],
    );
}

#[test]
fn spanish_daily() {
    check(
        "es_diario.txt",
        &[
            ("Por Laura Gómez", "byline"),
            ("Actualizado el", "dateline"),
            ("Lee también", "related"),
            ("Suscríbete", "newsletter"),
            ("© 2025 Diario", "copyright"),
        ],
        &[
            "El Consejo de Ministros",
            "\"Nadie debería",
            "Por su parte, los promotores",
        ],
    );
}

#[test]
fn french_journal() {
    check(
        "fr_journal.txt",
        &[
            ("Par Claire Martin", "byline"),
            ("Publié le 15 mars", "dateline"),
            ("Lire aussi", "related"),
            ("Abonnez-vous", "newsletter"),
            ("© Le Journal", "copyright"),
        ],
        &[
            "Le gouvernement a présenté",
            "« Nous devons protéger",
            "Les syndicats ont salué",
        ],
    );
}

#[test]
fn italian_agency() {
    check(
        "it_agenzia.txt",
        &[
            ("di Luca Bianchi", "byline"),
            ("Leggi anche", "related"),
            ("Iscriviti alla newsletter", "newsletter"),
            ("Riproduzione riservata", "copyright"),
        ],
        &[
            "Il Consiglio dei ministri",
            "\"È un investimento",
            "Le opposizioni hanno",
        ],
    );
}

#[test]
fn ukrainian_news() {
    check(
        "uk_news.txt",
        &[
            ("Фото: ілюстративне", "caption"),
            ("Читайте також", "related"),
            ("Підписуйтесь на наш", "newsletter"),
            ("© 2025 Новини", "copyright"),
        ],
        &[
            "Кабінет міністрів у середу",
            "За словами міністра",
            "«Ми маємо підтримати",
            "Опозиція вважає",
        ],
    );
}

#[test]
fn russian_news() {
    check(
        "ru_news.txt",
        &[
            ("Фото: иллюстративное", "caption"),
            ("Читайте также", "related"),
            ("© 2025 Новости", "copyright"),
        ],
        &[
            "Правительство в четверг",
            "По словам министра",
            "«Мы не оставим",
            "Эксперты считают",
        ],
    );
}
