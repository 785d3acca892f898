//! `numeric_drift`: aligned claims whose quantities count the same thing and
//! differ.

use super::Check;
use super::support::{slot_drift, slot_findings};
use crate::align::Group;
use crate::extract::quantity::{Quantity, close};
use crate::finding::{Finding, Kind, Severity};
use crate::lexicon::Lexicons;
use crate::span::{Span, starting_in};
use crate::story::Story;

/// Compares the quantities of aligned claims.
pub struct NumericDrift;

/// One quantity of one group member.
struct Slotted<'a> {
    member: usize,
    quantity: &'a Quantity,
}

impl Check for NumericDrift {
    fn kind(&self) -> Kind {
        Kind::NumericDrift
    }

    fn explain(&self) -> &'static str {
        "numeric_drift (error): aligned claims whose quantities count the same thing and differ: \
\"12 member states\" / \"13\"; \"tens of thousands\" / \"thousands\"; 40,000 / 4,000; a \
percentage changed; a match score changed.\n\n\
How: numbers are read in every supported language, with any locale's separators, number \
words (\"thirty-two\", \"trinta e dois\", \"тридцять два\"), multipliers, percentages, \
currencies, ranges, scores and vague amounts (\"dezenas de milhares\" = 20,000 to 90,000), \
and what each counts is mapped to a concept shared by all languages \
(lexicons/<lang>/concepts.txt). In each group of aligned claims (see `driftcheck align`), \
quantities of the same unit that count the same concept are compared; a figure whose counted \
noun no concept maps (\"35-year-old\" / \"34-летний\"), or that counts nothing named, is compared \
with the one figure of the same unit and magnitude left without a partner, and never when there \
is a choice; a form difference \
(32 = thirty-two = 32 países; 1.7 million = 1,700,000) is never drift. The reading of the \
reference version (--reference) or of most versions is the reference; with two versions \
that differ, both are cited. A figure that is one end of another version's range \
(\"10 %\" / \"5 to 10 %\") and one score with its sides in the other order (\"3-1\" / \"1:3\") \
are warnings: the versions may not contradict each other. Boilerplate is skipped."
    }

    fn run(&self, story: &Story, _lexicons: &Lexicons) -> Vec<Finding> {
        slot_findings(story, slots, |s, g, slot| compare(s, g, slot))
    }
}

/// The quantities of each member of a group, sorted into slots of
/// comparable quantities (one per member at most): first every quantity
/// joins the slot whose first quantity states the same value, if one does
/// (counting the same thing, else maybe the same, else anything in the same
/// unit: one figure twice is no drift); then each remaining one joins the
/// first comparable slot its member has no quantity in yet ("23 minutes …
/// five minutes" beside "five minutes": the five meet, the 23 stays apart);
/// then quantities left alone join a slot that may count the same thing
/// when neither side has another choice ([`pair_leftovers`]).
fn slots<'a>(story: &'a Story, group: &Group) -> Vec<Vec<Slotted<'a>>> {
    let language = |m: usize| story.docs[group.members[m].doc].language.code.as_str();
    let mut slots: Vec<Vec<Slotted<'a>>> = Vec::new();
    for (i, member) in group.members.iter().enumerate() {
        let span = story.alignment.member_span(member);
        let quantities = starting_in(&story.facts[member.doc].quantities, span, |q| q.span.start)
            .iter()
            .filter(|q| !q.boilerplate && span.contains(&q.span));
        let free = |slots: &Vec<Vec<Slotted<'a>>>, s: usize| slots[s].iter().all(|x| x.member != i);
        let mut rest = Vec::new();
        for q in quantities {
            let head = |s: usize| &slots[s][0];
            let same: Vec<usize> = (0..slots.len())
                .filter(|&s| free(&slots, s) && head(s).quantity.same_value(q))
                .collect();
            let found = same
                .iter()
                .find(|&&s| head(s).quantity.comparable(q))
                .or_else(|| {
                    same.iter().find(|&&s| {
                        let same_language = language(head(s).member) == language(i);
                        may_count_alike(head(s).quantity, q, same_language)
                    })
                })
                .or_else(|| same.iter().find(|&&s| head(s).quantity.unit == q.unit));
            match found {
                Some(&s) => slots[s].push(Slotted {
                    member: i,
                    quantity: q,
                }),
                None => rest.push(q),
            }
        }
        for q in rest {
            let slotted = Slotted {
                member: i,
                quantity: q,
            };
            match (0..slots.len()).find(|&s| free(&slots, s) && slots[s][0].quantity.comparable(q))
            {
                Some(s) => slots[s].push(slotted),
                None => slots.push(vec![slotted]),
            }
        }
    }
    pair_leftovers(&mut slots, language);
    slots.retain(|s| s.len() >= 2);
    slots
}

/// Joins each quantity left alone in its slot to the one slot that may
/// count the same thing in the same magnitude ("35-year-old" / "34-летний")
/// and that no other lone quantity could join: a changed figure whose
/// counted noun no concept maps. Where there is any choice, nothing joins.
fn pair_leftovers<'a, 'l>(slots: &mut Vec<Vec<Slotted<'a>>>, language: impl Fn(usize) -> &'l str) {
    let fits = |slots: &Vec<Vec<Slotted<'a>>>, s: usize, t: usize| {
        let lone = &slots[s][0];
        t != s
            && slots[t].iter().all(|x| x.member != lone.member)
            && same_magnitude(slots[t][0].quantity, lone.quantity)
            && slots[t].iter().any(|x| {
                may_count_alike(
                    x.quantity,
                    lone.quantity,
                    language(x.member) == language(lone.member),
                )
            })
    };
    let candidates: Vec<(usize, Vec<usize>)> = (0..slots.len())
        .filter(|&s| slots[s].len() == 1)
        .map(|s| (s, (0..slots.len()).filter(|&t| fits(slots, s, t)).collect()))
        .collect();
    let choice = |s: usize| candidates.iter().find(|(x, _)| *x == s).map(|(_, c)| c);
    let mut merged = vec![false; slots.len()];
    for (s, to) in &candidates {
        let (s, [t]) = (*s, &to[..]) else {
            continue;
        };
        let t = *t;
        let rivals = candidates
            .iter()
            .any(|(o, c)| *o != s && *o != t && c.contains(&t));
        // A lone target must have chosen this one as well.
        let agreed = choice(t).is_none_or(|c| c[..] == [s]);
        if merged[s] || merged[t] || rivals || !agreed {
            continue;
        }
        let lone = slots[s].pop().expect("a lone quantity");
        slots[t].push(lone);
        merged[s] = true;
    }
}

/// True when two quantities may count the same thing though nothing says
/// so: the same unit, and no concept or (within one language) stem tells
/// them apart. Counted nouns in two languages that no concept maps
/// ("35-year-old" / "34-летний", "13-tägige" / "15 jours"), and numbers that
/// count nothing named ("4,6 Millionen" / "4,4 millions").
fn may_count_alike(a: &Quantity, b: &Quantity, same_language: bool) -> bool {
    if a.unit != b.unit || a.sides.is_some() || b.sides.is_some() {
        return false;
    }
    match (&a.counts, &b.counts) {
        (Some(x), Some(y)) => match (&x.concept, &y.concept) {
            (Some(c), Some(d)) => c == d,
            _ => !same_language || x.key == y.key,
        },
        (None, None) => true,
        _ => !same_language,
    }
}

/// True when two amounts are within a factor of two of each other: a
/// changed figure, not another one.
fn same_magnitude(a: &Quantity, b: &Quantity) -> bool {
    let (x, y) = ((a.min + a.max) / 2.0, (b.min + b.max) / 2.0);
    x > 0.0 && y > 0.0 && x.max(y) <= 2.0 * x.min(y)
}

fn compare(story: &Story, group: &Group, slot: &[Slotted<'_>]) -> Option<Finding> {
    // Readings by member: classes of quantities that state the same value.
    let mut heads: Vec<&Quantity> = Vec::new();
    let mut readings: Vec<(usize, usize)> = Vec::with_capacity(slot.len());
    for s in slot {
        let class = match heads.iter().position(|h| h.same_value(s.quantity)) {
            Some(c) => c,
            None => {
                heads.push(s.quantity);
                heads.len() - 1
            }
        };
        readings.push((s.member, class));
    }
    let members: Vec<(usize, Span)> = slot.iter().map(|s| (s.member, s.quantity.span)).collect();
    let class = |m: usize| {
        readings
            .iter()
            .find(|(x, _)| *x == m)
            .map_or(0, |(_, c)| *c)
    };
    let finding = slot_drift(story, group, &members, class, Kind::NumericDrift, "Numbers")?;
    Some(match lesser_difference(&heads) {
        Some(why) => {
            let message = format!("{} ({why})", finding.message);
            Finding {
                severity: Severity::Warning,
                message: message.into(),
                ..finding
            }
        }
        None => finding,
    })
}

/// Why readings that differ may not contradict each other, when every two
/// of them are one of these: a figure that is one end of another reading's
/// range ("10 %" / "5 to 10 %": a translator kept one end), or one score
/// with its sides reversed ("2:3" / "3-2": the teams named in the other
/// order). Such a difference is a warning for a person to look at, not an
/// error: a changed figure or a changed score is still an error.
fn lesser_difference(readings: &[&Quantity]) -> Option<&'static str> {
    let endpoint = |a: &Quantity, b: &Quantity| {
        let range = b.value.is_none() && !b.vague && b.sides.is_none() && b.min < b.max;
        let precision = a.precision.max(b.precision);
        a.sides.is_none()
            && a.value.is_some_and(|v| {
                range && (close(v, b.min, precision) || close(v, b.max, precision))
            })
    };
    let reversed = |a: &Quantity, b: &Quantity| match (&a.sides, &b.sides) {
        (Some(x), Some(y)) => x[0] == y[1] && x[1] == y[0],
        _ => false,
    };
    let mut why = None;
    for (i, a) in readings.iter().enumerate() {
        for b in &readings[i + 1..] {
            if endpoint(a, b) || endpoint(b, a) {
                why.get_or_insert("one version gives one end of the other's range");
            } else if reversed(a, b) {
                why.get_or_insert("the same score with its sides in the other order");
            } else {
                return None;
            }
        }
    }
    why
}
