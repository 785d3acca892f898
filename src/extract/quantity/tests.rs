//! Table-driven extraction tests, one row per case, per language, plus
//! cross-language comparisons and a property test.
//!
//! A row is `(text, expected)`, the expectation of the first quantity found:
//! `=V` one value, `LO..HI` a range, `~LO..HI` a vague amount, `A:B` a score,
//! or `none` (no quantity at all); then the unit (`#` count, `%`, `pp`,
//! `ord`, a currency code); then optionally `@concept` (`@-`: counts
//! nothing), `q=min|max|approx`, `n=N` (number of quantities).

use super::*;

fn run(lang: &str, text: &str) -> Vec<Quantity> {
    let lex = Lexicons::embedded();
    extract(text, lang, lex.lang(lang))
}

fn unit_name(u: &Unit) -> String {
    match u {
        Unit::Count => "#".into(),
        Unit::Percent => "%".into(),
        Unit::PercentagePoint => "pp".into(),
        Unit::Currency(c) => c.clone(),
        Unit::Ordinal => "ord".into(),
        Unit::Score => "score".into(),
    }
}

fn describe(q: &Quantity) -> String {
    format!(
        "{:?} {}..{} {} {:?} {:?} vague={}",
        q.value,
        q.min,
        q.max,
        unit_name(&q.unit),
        q.qualifier,
        q.counts.as_ref().map(|c| (&c.text, &c.concept)),
        q.vague
    )
}

fn num(s: &str) -> f64 {
    s.parse().unwrap_or_else(|_| panic!("bad number {s}"))
}

fn check(lang: &str, rows: &[(&str, &str)]) {
    let mut failures = Vec::new();
    for (text, spec) in rows {
        let found = run(lang, text);
        if let Err(why) = matches(&found, spec) {
            let got: Vec<String> = found
                .iter()
                .map(|q| format!("[{}] {}", q.span.slice(text), describe(q)))
                .collect();
            failures.push(format!("{lang}: {text:?} expected {spec}: {why}; got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn matches(found: &[Quantity], spec: &str) -> Result<(), String> {
    let mut fields = spec.split_whitespace();
    let value = fields.next().ok_or("empty spec")?;
    if value == "none" {
        return if found.is_empty() { Ok(()) } else { Err("expected nothing".into()) };
    }
    let q = found.first().ok_or("nothing found")?;
    let close = |a: f64, b: f64| (a - b).abs() <= 1e-9 * a.abs().max(1.0);
    if let Some(v) = value.strip_prefix('=') {
        if !q.value.is_some_and(|x| close(x, num(v))) || q.vague {
            return Err("value".into());
        }
    } else if let Some((a, b)) = value.split_once(':') {
        if q.sides != Some([num(a), num(b)]) || q.unit != Unit::Score {
            return Err("score".into());
        }
    } else {
        let (vague, range) = match value.strip_prefix('~') {
            Some(r) => (true, r),
            None => (false, value),
        };
        let (lo, hi) = range.split_once("..").ok_or("bad range spec")?;
        if q.value.is_some() || q.vague != vague || !close(q.min, num(lo)) || !close(q.max, num(hi)) {
            return Err("range".into());
        }
    }
    if let Some(unit) = fields.next() {
        if unit != unit_name(&q.unit) && !(unit == "#" && q.unit == Unit::Score) {
            return Err(format!("unit {}", unit_name(&q.unit)));
        }
    }
    for field in fields {
        if let Some(c) = field.strip_prefix('@') {
            let got = q.counts.as_ref().and_then(|c| c.concept.as_deref());
            let ok = match c {
                "-" => q.counts.is_none(),
                _ => got == Some(c),
            };
            if !ok {
                return Err(format!("concept {got:?}"));
            }
        } else if let Some(want) = field.strip_prefix("q=") {
            let got = match q.qualifier {
                Some(Qualifier::Min) => "min",
                Some(Qualifier::Max) => "max",
                Some(Qualifier::Approx) => "approx",
                None => "none",
            };
            if got != want {
                return Err(format!("qualifier {got}"));
            }
        } else if let Some(n) = field.strip_prefix("n=") {
            if found.len().to_string() != n {
                return Err(format!("{} quantities", found.len()));
            }
        } else {
            return Err(format!("bad spec field {field}"));
        }
    }
    Ok(())
}

#[test]
fn debug_print() {
    if let Ok(text) = std::env::var("QTEXT") {
        let lang = std::env::var("QLANG").unwrap_or_else(|_| "en".into());
        for q in run(&lang, &text) {
            println!("[{}] {}", q.span.slice(&text), describe(&q));
        }
    }
}

#[test]
fn english() {
    check(
        "en",
        &[
            ("The alliance now has 32 member countries.", "=32 # @country"),
            ("Thirty-two countries signed the pact.", "=32 # @country"),
            ("Some 1,200 dockers walked out.", "=1200 # q=approx"),
            ("The deal is worth $1.7 million.", "=1700000 USD"),
            ("Profits reached $5bn last year.", "=5000000000 USD"),
            ("It costs €250 per night.", "=250 EUR"),
            ("Prices rose 12.5% in a year.", "=12.5 %"),
            ("Support fell 3 percentage points.", "=3 pp"),
            ("Unemployment stood at 4.2 percent.", "=4.2 %"),
            ("Tens of thousands of protesters marched.", "~20000..99999 # @protester"),
            ("Hundreds of people gathered.", "~200..999 # @person"),
            ("Dozens were arrested.", "~24..99 #"),
            ("Between 10 and 12 percent voted no.", "10..12 %"),
            ("Growth of 3-4 million jobs is expected.", "3000000..4000000 # @job"),
            ("Chelsea beat Arsenal 3-1 on Sunday.", "3:1 # n=1"),
            ("The final ended 2:2.", "2:2 #"),
            ("More than 30 people died.", "=30 # @person q=min"),
            ("Almost 40 schools closed.", "=40 # @school q=max"),
            ("Half a million tourists came.", "=500000 # @tourist"),
            ("A dozen police officers were hurt.", "=12 # @police"),
            ("Two hundred and five thousand voters registered.", "=205000 # @voter"),
            ("She finished 3rd in the race.", "=3 ord"),
            ("The summit opened on 3 December 2024.", "none"),
            ("In 2023 the economy grew.", "none"),
            ("Talks resume at 10:30 on Friday.", "none"),
            ("COVID-19 and the G7 were discussed, as were F-16 jets.", "none"),
            ("One of them refused.", "none"),
            ("Under article 5 the allies must respond.", "none"),
            ("One soldier was wounded.", "=1 # @soldier"),
            ("A million people fled.", "=1000000 # @person"),
            ("There were 2,000 spectators.", "=2000 # @spectator"),
            ("The strike involved 1,000,000 workers.", "=1000000 # @worker"),
            ("Temperatures fell to -5 degrees.", "=-5 #"),
            ("32 killed and 120 injured in the blast.", "=32 # @death n=2"),
            ("It lasted 90 minutes.", "=90 # @minute"),
        ],
    );
}
