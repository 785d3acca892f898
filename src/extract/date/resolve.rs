//! From dates as written to dates as meant: the day/month order of numeric
//! dates, the publication date, missing years, weekdays and relative
//! expressions (the rules are in the parent module's documentation).

use super::calendar::{add_months, civil, day_number, days_in_month, valid, weekday};
use super::grammar::{Found, Order, RawDate};
use super::{DateFact, DateFacts, PartialDate, RelativeUnit};
use crate::span::Span;

/// Resolves what a scan found. `top` says whether a span lies near the top of
/// the document (`None` when not) and whether it is a dateline line there.
pub fn resolve(
    found: Found,
    published: Option<PartialDate>,
    top: impl Fn(Span) -> Option<bool>,
    boilerplate: impl Fn(Span) -> bool,
) -> DateFacts {
    let reference = published.or_else(|| dateline(&found.dates, &top));
    let order = document_order(&found.dates);
    let mut dates: Vec<DateFact> = found.dates.iter().map(|raw| fact(raw, order)).collect();
    for d in &mut dates {
        d.boilerplate = boilerplate(d.span);
    }
    let shared = shared_year(&dates);
    for d in &mut dates {
        infer_year(d, reference, shared);
        if let Some(r) = reference {
            resolve_relative(d, r);
        }
    }
    DateFacts {
        dates,
        times: found.times,
        reference,
    }
}

/// The first full date near the top that is a dateline line or is followed
/// by an agency ("Nov 14 (Reuters)").
fn dateline(raws: &[RawDate], top: &impl Fn(Span) -> Option<bool>) -> Option<PartialDate> {
    raws.iter()
        .filter(|d| d.relative.is_none() && d.end.is_none() && is_full(&d.start))
        .find(|d| top(d.span).is_some_and(|line| line || d.agency))
        .map(|d| d.start)
}

fn is_full(p: &PartialDate) -> bool {
    p.year.is_some() && p.month.is_some() && p.day.is_some()
}

/// How the document writes numeric dates: the order of its unambiguous
/// numeric dates, else the order of its written ones.
fn document_order(raws: &[RawDate]) -> Option<Order> {
    let vote = |numeric: bool| {
        let mut count = [0usize; 2];
        for d in raws.iter().filter(|d| d.numeric == numeric) {
            match d.order {
                Some(Order::DayMonth) => count[0] += 1,
                Some(Order::MonthDay) => count[1] += 1,
                None => {}
            }
        }
        match count[0].cmp(&count[1]) {
            std::cmp::Ordering::Greater => Some(Order::DayMonth),
            std::cmp::Ordering::Less => Some(Order::MonthDay),
            std::cmp::Ordering::Equal => None,
        }
    };
    vote(true).or_else(|| vote(false))
}

fn fact(raw: &RawDate, order: Option<Order>) -> DateFact {
    let mut start = raw.start;
    let mut ambiguous_order = false;
    if let Some((first, second)) = raw.open {
        let (day, month) = match order {
            Some(Order::DayMonth) => (first, second),
            Some(Order::MonthDay) => (second, first),
            None => (0, 0),
        };
        if valid(start.year, month, day) {
            start.month = Some(month);
            start.day = Some(day);
        } else {
            ambiguous_order = true;
        }
    }
    DateFact {
        span: raw.span,
        start,
        end: raw.end,
        weekday: raw.weekday,
        relative: raw.relative,
        resolved: false,
        ambiguous_order,
        boilerplate: false,
    }
}

/// The year every written date with a month and a year shares, if they
/// share one; boilerplate (captions of old photos) does not count.
fn shared_year(dates: &[DateFact]) -> Option<i32> {
    let mut years = dates
        .iter()
        .filter(|d| d.relative.is_none() && d.start.month.is_some() && !d.boilerplate)
        .filter_map(|d| d.start.year);
    let first = years.next()?;
    years.all(|y| y == first).then_some(first)
}

/// Gives a date with a month but no year the year nearest the reference, or
/// the year the document's dates share.
fn infer_year(d: &mut DateFact, reference: Option<PartialDate>, shared: Option<i32>) {
    let Some(month) = d.start.month else { return };
    if d.start.year.is_some() || d.relative.is_some() {
        return;
    }
    let year = match reference.and_then(ymd) {
        Some((ry, rm, rd)) => {
            let at = day_number(ry, rm, rd);
            let day = |y| d.start.day.unwrap_or(15).min(days_in_month(y, month));
            (ry - 1..=ry + 1)
                .filter(|&y| d.start.day.is_none_or(|day| valid(Some(y), month, day)))
                .min_by_key(|&y| (day_number(y, month, day(y)) - at).abs())
        }
        None => shared,
    };
    let Some(year) = year else { return };
    d.start.year = Some(year);
    if let Some(end) = d.end.as_mut().filter(|e| e.year.is_none()) {
        let wraps = end.month.is_some_and(|m| m < month);
        end.year = Some(year + i32::from(wraps));
    }
    d.resolved = true;
}

fn ymd(p: PartialDate) -> Option<(i32, u8, u8)> {
    Some((p.year?, p.month?, p.day?))
}

fn full(days: i64) -> PartialDate {
    let (y, m, d) = civil(days);
    PartialDate::ymd(y, m, d)
}

/// Resolves a weekday or relative expression against the reference date.
fn resolve_relative(d: &mut DateFact, reference: PartialDate) {
    let Some((ry, rm, rd)) = ymd(reference) else {
        return;
    };
    let today = day_number(ry, rm, rd);
    let rel = d.relative;
    let weekday_only = d.start.year.is_none() && d.start.month.is_none();
    let resolved = match (rel, d.weekday) {
        (Some(rel), _) => match rel.unit {
            RelativeUnit::Day => Some(full(today + i64::from(rel.offset))),
            RelativeUnit::Week => {
                let monday = today - i64::from(weekday(today) - 1) + 7 * i64::from(rel.offset);
                d.end = Some(full(monday + 6));
                Some(full(monday))
            }
            RelativeUnit::Month => {
                let (y, m) = add_months(ry, rm, rel.offset);
                Some(PartialDate {
                    year: Some(y),
                    month: Some(m),
                    day: None,
                })
            }
            RelativeUnit::Year => Some(PartialDate {
                year: Some(ry + rel.offset),
                ..PartialDate::default()
            }),
            RelativeUnit::NamedMonth => d.start.month.map(|m| {
                let year = match rel.offset.signum() {
                    -1 => ry - i32::from(m >= rm) + rel.offset + 1,
                    1 => ry + i32::from(m <= rm) + rel.offset - 1,
                    _ => ry,
                };
                PartialDate {
                    year: Some(year),
                    month: Some(m),
                    day: None,
                }
            }),
            RelativeUnit::Weekday => d
                .weekday
                .map(|w| pick_weekday(today, w, d.start.day, Some(rel.offset))),
        },
        (None, Some(w)) if weekday_only => Some(pick_weekday(today, w, d.start.day, None)),
        _ => None,
    };
    if let Some(start) = resolved {
        d.start = start;
        d.resolved = true;
    }
}

/// The date a weekday names, seen from `today`: with a day of the month,
/// the nearest date with that day (preferring one on that weekday);
/// otherwise by the offset: none, the most recent on or before today; 0, the
/// one in today's Monday–Sunday week; -1 the most recent before today; 1 the
/// first after today.
fn pick_weekday(today: i64, w: u8, day: Option<u8>, offset: Option<i32>) -> PartialDate {
    if let Some(day) = day {
        let (y, m, _) = civil(today);
        let best = (-1..=1)
            .map(|k| add_months(y, m, k))
            .filter(|&(y, m)| valid(Some(y), m, day))
            .map(|(y, m)| day_number(y, m, day))
            .min_by_key(|&n| (weekday(n) != w, (n - today).abs()));
        if let Some(n) = best {
            return full(n);
        }
    }
    let back = i64::from((weekday(today) + 7 - w) % 7);
    let n = match offset {
        None => today - back,
        Some(0) => today - i64::from(weekday(today)) + i64::from(w),
        Some(k) if k < 0 => today - if back == 0 { 7 } else { back } + 7 * i64::from(k + 1),
        Some(k) => {
            let ahead = i64::from((w + 7 - weekday(today)) % 7);
            today + if ahead == 0 { 7 } else { ahead } + 7 * i64::from(k - 1)
        }
    };
    full(n)
}
