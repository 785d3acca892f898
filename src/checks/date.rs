//! `date_drift`: aligned claims dating the same event differently.

use super::Check;
use super::support::{slot_drift, slot_findings};
use crate::align::Group;
use crate::extract::DateFact;
use crate::finding::{Finding, Kind};
use crate::lexicon::Lexicons;
use crate::span::{Span, starting_in};
use crate::story::Story;

/// Compares the dates of aligned claims.
pub struct DateDrift;

/// What sort of date a fact is: only dates of one sort fill a slot, since a
/// year and a day in one claim are rarely the same event's date.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Sort {
    /// A day of the month (a resolved weekday or relative day included).
    Day,
    /// A month without a day.
    Month,
    /// A year alone.
    Year,
    /// A weekday not tied to a calendar date.
    Weekday,
    /// An unresolved relative expression ("next week").
    Relative,
}

fn sort_of(d: &DateFact) -> Sort {
    match (d.start.day, d.start.month, d.start.year) {
        (Some(_), _, _) => Sort::Day,
        (None, Some(_), _) => Sort::Month,
        (None, None, Some(_)) => Sort::Year,
        (None, None, None) if d.weekday.is_some() => Sort::Weekday,
        _ => Sort::Relative,
    }
}

/// True when two dates could be one: compatible, or compatible once a year
/// that was inferred rather than written is set aside (a year taken from the
/// document's other dates is a guess, not a reading).
fn agree(a: &DateFact, b: &DateFact) -> bool {
    let without_year = |d: &DateFact| {
        let mut d = d.clone();
        d.start.year = None;
        if let Some(end) = d.end.as_mut() {
            end.year = None;
        }
        d
    };
    a.compatible(b) || (a.resolved || b.resolved) && without_year(a).compatible(&without_year(b))
}

impl Check for DateDrift {
    fn kind(&self) -> Kind {
        Kind::DateDrift
    }

    fn explain(&self) -> &'static str {
        "date_drift (error): aligned claims dating the same event differently: \"3-4 December \
2024\" / \"10-11 December\"; \"on Friday\" / \"on Thursday\"; 2022 / 2023.\n\n\
How: dates are read in every supported language (\"3-4 December 2024\", \"December 3-4, \
2024\", \"Dec. 3-4\", \"3 e 4 de dezembro de 2024\", \"3.–4. Dezember\", \"3–4 грудня\", \
numeric and ISO dates, months and years, weekdays, \"next week\"), with missing years and \
weekdays resolved against the publication date when one is known (a feed's `published`, or \
a dateline). In each group of aligned claims (see `driftcheck align`) the dates are \
compared as intervals on the finest scale both know, so a date written in another form, or \
with less precision (\"3-4 December\" against \"3-4 December 2024\"), is never drift. The \
reference version's (--reference) or most versions' date is the reference; with two \
versions that differ, both are cited. Dates in boilerplate (captions, datelines) are never \
compared."
    }

    fn run(&self, story: &Story, _lexicons: &Lexicons) -> Vec<Finding> {
        slot_findings(story, slots, |s, g, slot| compare(s, g, slot))
    }
}

/// The dates of a group's members in slots of one sort, one per member: a
/// date joins the slot whose first date it is compatible with, else the
/// first slot of its sort its member has no date in yet.
fn slots<'a>(story: &'a Story, group: &Group) -> Vec<Vec<(usize, &'a DateFact)>> {
    let mut slots: Vec<Vec<(usize, &DateFact)>> = Vec::new();
    for (i, member) in group.members.iter().enumerate() {
        let span = story.alignment.member_span(member);
        let dates = starting_in(&story.facts[member.doc].dates, span, |d| d.span.start)
            .iter()
            .filter(|d| !d.boilerplate && !d.ambiguous_order && span.contains(&d.span));
        for d in dates {
            let free = |slot: &Vec<(usize, &DateFact)>| {
                sort_of(slot[0].1) == sort_of(d) && slot.iter().all(|(m, _)| *m != i)
            };
            let same = slots.iter().position(|s| free(s) && agree(s[0].1, d));
            match same.or_else(|| slots.iter().position(free)) {
                Some(s) => slots[s].push((i, d)),
                None => slots.push(vec![(i, d)]),
            }
        }
    }
    slots.retain(|s| s.len() >= 2);
    slots
}

fn compare(story: &Story, group: &Group, slot: &[(usize, &DateFact)]) -> Option<Finding> {
    // Readings: classes of mutually compatible dates, by member.
    let mut heads: Vec<&DateFact> = Vec::new();
    let mut readings: Vec<(usize, usize)> = Vec::new();
    for &(m, d) in slot {
        let class = match heads.iter().position(|h| agree(h, d)) {
            Some(c) => c,
            None => {
                heads.push(d);
                heads.len() - 1
            }
        };
        readings.push((m, class));
    }
    let members: Vec<(usize, Span)> = slot.iter().map(|&(m, d)| (m, d.span)).collect();
    let class = |m: usize| {
        readings
            .iter()
            .find(|(x, _)| *x == m)
            .map_or(0, |(_, c)| *c)
    };
    slot_drift(story, group, &members, class, Kind::DateDrift, "Dates")
}
