//! Calendar days for every stage: a date as a day number (days since 1970-01-01) and back,
//! on jiff's civil dates, so no stage carries calendar arithmetic of its own.

use jiff::civil::Date;
use jiff::Span;

const EPOCH: Date = jiff::civil::date(1970, 1, 1);

/// The day number of a civil date; `None` for a date that does not exist (31 April,
/// 29 February of a common year) or is out of range.
pub fn day_number(year: i64, month: u32, day: u32) -> Option<i64> {
    let date = Date::new(
        i16::try_from(year).ok()?,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
    )
    .ok()?;
    Some(i64::from(date.since(EPOCH).ok()?.get_days()))
}

/// The civil date (year, month, day) of a day number.
pub fn civil(days: i64) -> Option<(i64, u32, u32)> {
    let date = EPOCH.checked_add(Span::new().try_days(days).ok()?).ok()?;
    Some((
        i64::from(date.year()),
        u32::try_from(date.month()).ok()?,
        u32::try_from(date.day()).ok()?,
    ))
}

/// The day number of a `YYYY-MM-DD` date (a longer timestamp is cut after the day).
pub fn parse_iso(text: &str) -> Option<i64> {
    let text = text.trim().get(..10)?;
    let bytes = text.as_bytes();
    if bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    day_number(
        text[..4].parse().ok()?,
        text[5..7].parse().ok()?,
        text[8..10].parse().ok()?,
    )
}

/// `YYYY-MM-DD` of a day number.
pub fn iso(days: i64) -> Option<String> {
    let (y, m, d) = civil(days)?;
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: Option<i64>) {
        assert_eq!(parse_iso(text), expected, "{text}");
        if let Some(days) = expected {
            assert_eq!(iso(days).as_deref(), text.get(..10), "{text}");
        }
    }

    #[test]
    fn days_round_trip() {
        check("1970-01-01", Some(0));
        check("2025-05-19", Some(20_227));
        check("2024-02-29T10:00:00Z", Some(19_782));
        check("1969-12-31", Some(-1));
        check("2023-02-29", None);
        check("2025-04-31", None);
        check("2025-13-01", None);
        check("20250519", None);
        check("", None);
    }
}
