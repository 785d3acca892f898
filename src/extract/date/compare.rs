//! Whether two dates could be the same. Each date is turned into an interval
//! on the finest scale both know: days on the calendar when both have years,
//! days of the year when one lacks a year (a cycle), days of the month when
//! one lacks a month (a cycle); unknown parts widen an interval.

use super::calendar::{day_number, days_in_month, weekday};
use super::{DateFact, PartialDate};

/// The scale two dates are compared on.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Scale {
    /// Days since 1970.
    Calendar,
    /// Days of a 12 × 31 year.
    YearCycle,
    /// Days of a month.
    MonthCycle,
}

const YEAR_CYCLE: i64 = 12 * 31;
const MONTH_CYCLE: i64 = 31;

fn scale(dates: &[&PartialDate]) -> Option<Scale> {
    if dates.iter().any(|d| d.is_empty()) {
        return None;
    }
    if dates.iter().all(|d| d.year.is_some()) {
        Some(Scale::Calendar)
    } else if dates.iter().all(|d| d.month.is_some()) {
        Some(Scale::YearCycle)
    } else if dates.iter().all(|d| d.day.is_some()) {
        Some(Scale::MonthCycle)
    } else {
        None
    }
}

/// The first and last day a partial date may mean, on a scale.
fn bounds(d: &PartialDate, scale: Scale) -> (i64, i64) {
    match scale {
        Scale::Calendar => {
            let y = d.year.unwrap_or(0);
            let (m0, m1) = d.month.map_or((1, 12), |m| (m, m));
            let d0 = d.day.unwrap_or(1);
            let d1 = d.day.unwrap_or_else(|| days_in_month(y, m1));
            (day_number(y, m0, d0), day_number(y, m1, d1))
        }
        Scale::YearCycle => {
            let m = i64::from(d.month.unwrap_or(1)) - 1;
            let (d0, d1) = d
                .day
                .map_or((0, 30), |d| (i64::from(d) - 1, i64::from(d) - 1));
            (m * 31 + d0, m * 31 + d1)
        }
        Scale::MonthCycle => {
            let day = i64::from(d.day.unwrap_or(1)) - 1;
            (day, day)
        }
    }
}

/// True when the intervals `[a0, a1]` and `[b0, b1]` share a day; on a cycle
/// an interval whose end comes before its start wraps around.
fn meet((a0, a1): (i64, i64), (b0, b1): (i64, i64), scale: Scale) -> bool {
    let cycle = match scale {
        Scale::Calendar => return a0 <= b1 && b0 <= a1,
        Scale::YearCycle => YEAR_CYCLE,
        Scale::MonthCycle => MONTH_CYCLE,
    };
    let pieces = |lo: i64, hi: i64| {
        if lo <= hi {
            vec![(lo, hi)]
        } else {
            vec![(lo, cycle - 1), (0, hi)]
        }
    };
    pieces(a0, a1)
        .iter()
        .any(|&(x0, x1)| pieces(b0, b1).iter().any(|&(y0, y1)| x0 <= y1 && y0 <= x1))
}

/// The weekday of a single full date, or the one the text names.
fn weekday_of(d: &DateFact) -> Option<u8> {
    if d.end.is_some() {
        return None;
    }
    d.weekday.or_else(|| {
        let p = d.start;
        Some(weekday(day_number(p.year?, p.month?, p.day?)))
    })
}

/// See [`DateFact::conflicts`].
pub fn conflicts(a: &DateFact, b: &DateFact) -> bool {
    if a.start.is_empty() && b.start.is_empty() {
        if let (Some(ra), Some(rb)) = (a.relative, b.relative) {
            if ra.unit == rb.unit && ra.offset != rb.offset {
                return true;
            }
        }
    }
    if let (Some(wa), Some(wb)) = (weekday_of(a), weekday_of(b)) {
        if wa != wb {
            return true;
        }
    }
    match (a.end, b.end) {
        // Two written ranges must match at both ends ("3-4" / "3-5"); a
        // relative range ("next week") only says the date falls inside it.
        (Some(ae), Some(be)) if a.relative.is_none() && b.relative.is_none() => {
            differ(&a.start, &b.start) || differ(&ae, &be)
        }
        _ => {
            let (a_end, b_end) = (a.end.unwrap_or(a.start), b.end.unwrap_or(b.start));
            let Some(s) = scale(&[&a.start, &a_end, &b.start, &b_end]) else {
                return false;
            };
            let span =
                |start: &PartialDate, end: &PartialDate| (bounds(start, s).0, bounds(end, s).1);
            !meet(span(&a.start, &a_end), span(&b.start, &b_end), s)
        }
    }
}

/// True when two partial dates cannot be the same day.
fn differ(a: &PartialDate, b: &PartialDate) -> bool {
    scale(&[a, b]).is_some_and(|s| !meet(bounds(a, s), bounds(b, s), s))
}
