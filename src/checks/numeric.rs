//! `numeric_drift`: aligned claims whose quantities count the same thing and
//! differ.

use super::Check;
use super::support::{slot_drift, slot_findings};
use crate::align::Group;
use crate::extract::quantity::Quantity;
use crate::finding::{Finding, Kind};
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
quantities of the same unit that count the same concept are compared; a form difference \
(32 = thirty-two = 32 países; 1.7 million = 1,700,000) is never drift. The reading of the \
reference version (--reference) or of most versions is the reference; with two versions \
that differ, both are cited. Boilerplate is skipped."
    }

    fn run(&self, story: &Story, _lexicons: &Lexicons) -> Vec<Finding> {
        slot_findings(story, slots, |s, g, slot| compare(s, g, slot))
    }
}

/// The quantities of each member of a group, sorted into slots of
/// comparable quantities (one per member at most): first every quantity
/// joins the slot whose first quantity states the same value, if one does;
/// then each remaining one joins the first comparable slot its member has no
/// quantity in yet ("23 minutes … five minutes" beside "five minutes": the
/// five meet, the 23 stays apart).
fn slots<'a>(story: &'a Story, group: &Group) -> Vec<Vec<Slotted<'a>>> {
    let mut slots: Vec<Vec<Slotted<'a>>> = Vec::new();
    for (i, member) in group.members.iter().enumerate() {
        let span = story.alignment.member_span(member);
        let quantities = starting_in(&story.facts[member.doc].quantities, span, |q| q.span.start)
            .iter()
            .filter(|q| !q.boilerplate && span.contains(&q.span));
        let free = |slots: &Vec<Vec<Slotted<'a>>>, s: usize, q: &Quantity| {
            slots[s][0].quantity.comparable(q) && slots[s].iter().all(|x| x.member != i)
        };
        let mut rest = Vec::new();
        for q in quantities {
            let same = (0..slots.len())
                .find(|&s| free(&slots, s, q) && slots[s][0].quantity.same_value(q));
            match same {
                Some(s) => slots[s].push(Slotted {
                    member: i,
                    quantity: q,
                }),
                None => rest.push(q),
            }
        }
        for q in rest {
            match (0..slots.len()).find(|&s| free(&slots, s, q)) {
                Some(s) => slots[s].push(Slotted {
                    member: i,
                    quantity: q,
                }),
                None => slots.push(vec![Slotted {
                    member: i,
                    quantity: q,
                }]),
            }
        }
    }
    slots.retain(|s| s.len() >= 2);
    slots
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
    slot_drift(story, group, &members, class, Kind::NumericDrift, "Numbers")
}
