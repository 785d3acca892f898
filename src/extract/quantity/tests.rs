//! Table-driven extraction tests, one row per case, per language.

use super::*;

fn show(lang: &str, text: &str) -> String {
    let lex = Lexicons::embedded();
    extract(text, lang, lex.lang(lang))
        .iter()
        .map(|q| {
            format!(
                "[{}] {:?} {}..{} {:?} {:?} {:?} vague={}",
                q.span.slice(text),
                q.value,
                q.min,
                q.max,
                q.unit,
                q.qualifier,
                q.counts.as_ref().map(|c| (&c.text, &c.concept)),
                q.vague
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn debug_print() {
    if let Ok(text) = std::env::var("QTEXT") {
        let lang = std::env::var("QLANG").unwrap_or_else(|_| "en".into());
        println!("{}", show(&lang, &text));
    }
}
