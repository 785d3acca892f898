//! `driftcheck facts`: the facts found in each document, with offsets. Users
//! debug and trust the tool through it.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::{Map, Value, json};

use super::{Format, excerpt, markdown::cell, table::new_table};
use crate::document::Document;
use crate::extract::quantity::{Quantity, Unit};
use crate::extract::{DateFact, Facts};
use crate::report::SCHEMA_VERSION;
use crate::span::Span;
use crate::story::Story;

/// One fact: its type, span, text and the fields of its type.
#[derive(Clone, Debug, Serialize)]
pub struct FactRecord {
    /// `quantity`, `date`, `time`, `name`, `quote` or `gender`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The fact's text.
    pub text: String,
    /// The fields of its type (`value`, `key`, `date` ...).
    #[serde(flatten)]
    pub fields: Map<String, Value>,
    /// True when the fact lies in boilerplate.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub boilerplate: bool,
}

impl FactRecord {
    fn new(
        doc: &Document,
        kind: &'static str,
        span: Span,
        fields: Value,
        boilerplate: bool,
    ) -> Self {
        let fields = match fields {
            Value::Object(map) => map,
            _ => Map::new(),
        };
        FactRecord {
            kind,
            start: span.start,
            end: span.end,
            text: doc.slice(span).to_string(),
            fields,
            boilerplate,
        }
    }
}

/// One document of the facts report.
#[derive(Clone, Debug, Serialize)]
pub struct FactsDocument {
    /// Document id.
    pub id: String,
    /// Language code.
    pub language: String,
    /// Its facts by start offset.
    pub facts: Vec<FactRecord>,
}

/// The facts report of SPEC.md.
#[derive(Clone, Debug, Serialize)]
pub struct FactsReport {
    /// Always the report schema version.
    pub schema_version: u32,
    /// Documents by id.
    pub documents: Vec<FactsDocument>,
}

impl FactsReport {
    /// Builds the report of a story's facts.
    pub fn new(story: &Story) -> Self {
        let documents = story
            .docs
            .iter()
            .zip(&story.facts)
            .map(|(doc, facts)| FactsDocument {
                id: doc.id.clone(),
                language: doc.language.code.clone(),
                facts: records(doc, facts),
            })
            .collect();
        FactsReport {
            schema_version: SCHEMA_VERSION,
            documents,
        }
    }
}

/// Every fact of a document as records, by start offset then type.
fn records(doc: &Document, facts: &Facts) -> Vec<FactRecord> {
    let mut out = Vec::new();
    for q in &facts.quantities {
        out.push(FactRecord::new(
            doc,
            "quantity",
            q.span,
            quantity_fields(q),
            q.boilerplate,
        ));
    }
    for d in &facts.dates {
        out.push(FactRecord::new(
            doc,
            "date",
            d.span,
            date_fields(d),
            d.boilerplate,
        ));
    }
    for t in &facts.times {
        let fields = json!({"time": format!("{:02}:{:02}", t.hour, t.minute)});
        out.push(FactRecord::new(
            doc,
            "time",
            t.span,
            fields,
            doc.is_boilerplate(t.span),
        ));
    }
    for n in &facts.names {
        out.push(FactRecord::new(
            doc,
            "name",
            n.span,
            json!({"key": n.key, "entity": n.entity.name()}),
            n.boilerplate,
        ));
    }
    for q in &facts.quotes {
        let mut fields = json!({"indirect": q.indirect});
        if let Some(s) = &q.speaker {
            fields["speaker"] = json!(s.key);
            fields["speaker_text"] = json!(doc.slice(s.span));
            fields["via_pronoun"] = json!(s.via_pronoun);
        }
        if q.unterminated {
            fields["unterminated"] = json!(true);
        }
        out.push(FactRecord::new(doc, "quote", q.span, fields, q.boilerplate));
    }
    for g in &facts.genders {
        let fields = json!({"key": g.entity_key, "gender": g.gender, "cue": g.cue});
        out.push(FactRecord::new(
            doc,
            "gender",
            g.span,
            fields,
            doc.is_boilerplate(g.span),
        ));
    }
    out.sort_by(|a, b| (a.start, a.end, a.kind).cmp(&(b.start, b.end, b.kind)));
    out
}

/// The fields of a quantity: `value` for one number, else `min` and `max`
/// (SPEC), and what it measures and counts.
fn quantity_fields(q: &Quantity) -> Value {
    let mut fields = match q.value {
        Some(v) => json!({"value": number(v)}),
        None => json!({"min": number(q.min), "max": number(q.max)}),
    };
    match &q.unit {
        Unit::Count => {}
        Unit::Currency(code) => fields["unit"] = json!(code.as_str()),
        other => fields["unit"] = json!(other),
    }
    if let Some(sides) = &q.sides {
        fields["sides"] = json!([number(sides[0]), number(sides[1])]);
    }
    if let Some(c) = &q.counts {
        fields["counts"] = json!(c.text);
        if let Some(concept) = &c.concept {
            fields["concept"] = json!(concept);
        }
    }
    if let Some(qualifier) = q.qualifier {
        fields["qualifier"] = json!(qualifier);
    }
    if q.vague {
        fields["vague"] = json!(true);
    }
    fields
}

/// The fields of a date (SPEC: `date`, `date_end`; no `date` for an
/// unresolved weekday or relative expression).
fn date_fields(d: &DateFact) -> Value {
    let mut fields = json!({});
    if let Some(date) = d.date() {
        fields["date"] = json!(date);
    }
    if let Some(end) = d.date_end() {
        fields["date_end"] = json!(end);
    }
    if let Some(w) = d.weekday {
        fields["weekday"] = json!(w);
    }
    if let Some(r) = d.relative {
        fields["relative"] = json!(r);
    }
    if d.resolved {
        fields["resolved"] = json!(true);
    }
    if d.ambiguous_order {
        fields["ambiguous_order"] = json!(true);
    }
    fields
}

/// A number as JSON: an integer when it is whole ("32", not "32.0").
fn number(x: f64) -> Value {
    if x.fract() == 0.0 && x.abs() < 9.0e15 {
        json!(x as i64)
    } else {
        json!(x)
    }
}

/// Renders the facts report.
pub fn render_facts(report: &FactsReport, format: Format, out: &mut dyn Write) -> io::Result<()> {
    let details = |f: &FactRecord| -> String {
        let mut parts: Vec<String> = f
            .fields
            .iter()
            .map(|(k, v)| match v {
                Value::String(s) => format!("{k}={s}"),
                other => format!("{k}={other}"),
            })
            .collect();
        if f.boilerplate {
            parts.push("boilerplate".to_string());
        }
        parts.join(" ")
    };
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, report)?;
            writeln!(out)
        }
        Format::Jsonl => {
            for doc in &report.documents {
                for fact in &doc.facts {
                    let mut line = serde_json::to_value(fact).map_err(io::Error::other)?;
                    line["doc"] = json!(doc.id);
                    serde_json::to_writer(&mut *out, &line)?;
                    writeln!(out)?;
                }
            }
            Ok(())
        }
        Format::Table => {
            for doc in &report.documents {
                writeln!(
                    out,
                    "{} ({}): {} facts",
                    doc.id,
                    doc.language,
                    doc.facts.len()
                )?;
                let mut table = new_table(&["Span", "Type", "Text", "Details"]);
                for f in &doc.facts {
                    table.add_row(vec![
                        format!("{}..{}", f.start, f.end),
                        f.kind.to_string(),
                        excerpt(&f.text, 40),
                        excerpt(&details(f), 50),
                    ]);
                }
                if table.row_count() > 0 {
                    writeln!(out, "{table}")?;
                }
                writeln!(out)?;
            }
            Ok(())
        }
        Format::Markdown => {
            for doc in &report.documents {
                writeln!(out, "## {} ({})\n", cell(&doc.id), doc.language)?;
                writeln!(
                    out,
                    "| Span | Type | Text | Details |\n| --- | --- | --- | --- |"
                )?;
                for f in &doc.facts {
                    writeln!(
                        out,
                        "| {}..{} | {} | {} | {} |",
                        f.start,
                        f.end,
                        f.kind,
                        cell(&excerpt(&f.text, 80)),
                        cell(&details(f))
                    )?;
                }
                writeln!(out)?;
            }
            Ok(())
        }
    }
}
