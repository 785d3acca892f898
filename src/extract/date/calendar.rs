//! Proleptic Gregorian calendar arithmetic on day numbers (days since
//! 1970-01-01), enough to resolve "yesterday" or "last Friday".

/// Days in a month of a year.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        _ => 28,
    }
}

/// True when the day exists in that month (of that year, or of some year
/// when the year is unknown: 29 February exists).
pub fn valid(year: Option<i32>, month: u8, day: u8) -> bool {
    (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year.unwrap_or(2000), month)
}

/// The day number of a date (Howard Hinnant's `days_from_civil`).
pub fn day_number(year: i32, month: u8, day: u8) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day number.
pub fn civil(days: i64) -> (i32, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    (year, month, day)
}

/// ISO weekday (1 = Monday) of a day number.
pub fn weekday(days: i64) -> u8 {
    // 1970-01-01 was a Thursday (4).
    ((days + 3).rem_euclid(7) + 1) as u8
}

/// A month shifted by a number of months: (year, month).
pub fn add_months(year: i32, month: u8, delta: i32) -> (i32, u8) {
    let index = i64::from(year) * 12 + i64::from(month) - 1 + i64::from(delta);
    (
        index.div_euclid(12) as i32,
        (index.rem_euclid(12) + 1) as u8,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_weekdays() {
        assert_eq!(day_number(1970, 1, 1), 0);
        assert_eq!(civil(day_number(2024, 2, 29)), (2024, 2, 29));
        assert_eq!(civil(day_number(2024, 2, 28) + 2), (2024, 3, 1));
        // 29 November 2024 was a Friday, 1 January 2000 a Saturday.
        assert_eq!(weekday(day_number(2024, 11, 29)), 5);
        assert_eq!(weekday(day_number(2000, 1, 1)), 6);
        assert_eq!(add_months(2024, 1, -1), (2023, 12));
        assert_eq!(add_months(2024, 12, 1), (2025, 1));
        assert!(valid(None, 2, 29) && !valid(Some(2023), 2, 29) && !valid(None, 4, 31));
    }
}
