//! `calque`: a convention of a source language showing through a translation.
//! The rules are data: `lexicons/<lang>/calques.txt` holds the patterns that
//! are foreign to documents in that language.

use std::collections::BTreeMap;

use regex_automata::PatternID;

use super::Check;
use crate::finding::{Evidence, Finding, Kind, Severity};
use crate::lang;
use crate::lexicon::Lexicons;
use crate::span::Span;
use crate::story::Story;

/// Runs the calque rules of each document's language over its story text.
pub struct Calque;

/// At most this many occurrences of one rule are cited per document.
const MAX_EVIDENCE: usize = 10;

impl Check for Calque {
    fn kind(&self) -> Kind {
        Kind::Calque
    }

    fn explain(&self) -> &'static str {
        "calque (info): a convention of another language showing through a translation: a \
weekday followed by the day of the month in parentheses (\"Friday (29)\", Brazilian style), \
a decimal comma or a thousands dot in an English number, « » or „ “ quotes in English text, \
nº/º ordinals, a day/month order the document's language does not use, \"3 of December\".\n\n\
How: the rules are regular expressions per document language in lexicons/<lang>/calques.txt \
(name | pattern | description; {month} and {weekday} expand to that language's names; a \
group named `at` narrows the evidence). \
Each rule gives one finding per document, citing every occurrence in the story text \
(boilerplate is skipped).\n\n\
Add a rule: put a line in a calques.txt of a --lexicons directory."
    }

    fn compares_versions(&self) -> bool {
        false
    }

    fn run(&self, story: &Story, lexicons: &Lexicons) -> Vec<Finding> {
        let mut out = Vec::new();
        for doc in &story.docs {
            let lex = lexicons.lang(&doc.language.code);
            let mut hits: BTreeMap<usize, Vec<Span>> = BTreeMap::new();
            let candidates = lex.calque_filter.candidates(&doc.text);
            let may_match = |r: usize| {
                candidates
                    .as_ref()
                    .is_none_or(|c| c.contains(PatternID::must(r)))
            };
            if lex.calques.is_empty() || (0..lex.calques.len()).all(|r| !may_match(r)) {
                continue;
            }
            for para in doc.paragraphs.iter().filter(|p| p.boilerplate.is_none()) {
                let body = doc.slice(para.span);
                for (r, rule) in lex.calques.iter().enumerate() {
                    if !may_match(r) {
                        continue;
                    }
                    for caps in rule.pattern().captures_iter(body) {
                        // A group named `at` narrows the evidence to the convention itself.
                        let Some(m) = caps.name("at").or_else(|| caps.get(0)) else {
                            continue;
                        };
                        hits.entry(r)
                            .or_default()
                            .push(Span::new(m.start(), m.end()).shift(para.span.start));
                    }
                }
            }
            for (r, spans) in hits {
                let rule = &lex.calques[r];
                let count = spans.len();
                let evidence = spans
                    .into_iter()
                    .take(MAX_EVIDENCE)
                    .map(|s| Evidence::new(doc, s))
                    .collect();
                let times = if count == 1 {
                    String::new()
                } else {
                    format!(", {count} times")
                };
                let message = format!(
                    "{} ({} text{times})",
                    capitalize(&rule.description),
                    lang::name(&doc.language.code),
                );
                out.push(
                    Finding::new(Kind::Calque, Severity::Info, message, evidence)
                        .with_rule(rule.name.clone()),
                );
            }
        }
        out
    }
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}
