//! Publication dates as written by scrapers and editors, normalised to `YYYY-MM-DD`.

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Normalises an ISO 8601 date or date-time ("2025-05-20", "2025-05-20T08:15:00Z",
/// "2025-05-20 08:15:00", "2025/05/20"), or an English date ("May 20, 2025", "20 May 2025",
/// "Tue, 20 May 2025 08:15:00 +0000"), to `YYYY-MM-DD`. The calendar date is the one written:
/// a time zone offset does not move it. `None` when no valid date is found.
pub fn normalize_date(raw: &str) -> Option<String> {
    let raw = raw.trim();
    iso_prefix(raw).or_else(|| english_date(raw))
}

fn iso_prefix(raw: &str) -> Option<String> {
    let bytes = raw.as_bytes();
    if bytes.len() < 10 {
        return None;
    }
    let digits = |range: std::ops::Range<usize>| -> Option<i32> {
        let part = raw.get(range)?;
        if part.bytes().all(|b| b.is_ascii_digit()) {
            part.parse().ok()
        } else {
            None
        }
    };
    let sep = bytes[4];
    if !(sep == b'-' || sep == b'/') || bytes[7] != sep {
        return None;
    }
    if bytes.len() > 10 && bytes[10].is_ascii_digit() {
        return None;
    }
    valid(digits(0..4)?, digits(5..7)?, digits(8..10)?)
}

fn english_date(raw: &str) -> Option<String> {
    let words: Vec<&str> = raw
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let month_of = |w: &str| {
        let w = w.trim_end_matches('.').to_ascii_lowercase();
        if w.len() < 3 {
            return None;
        }
        MONTHS
            .iter()
            .position(|m| w.starts_with(m))
            .map(|i| i as i32 + 1)
    };
    let number = |w: &str| -> Option<i32> {
        let w = w.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '.');
        w.parse().ok()
    };
    for window in words.windows(3) {
        // "May 20 2025" and "20 May 2025"
        if let (Some(m), Some(d), Some(y)) =
            (month_of(window[0]), number(window[1]), number(window[2]))
        {
            if let Some(date) = valid(y, m, d) {
                return Some(date);
            }
        }
        if let (Some(d), Some(m), Some(y)) =
            (number(window[0]), month_of(window[1]), number(window[2]))
        {
            if let Some(date) = valid(y, m, d) {
                return Some(date);
            }
        }
    }
    None
}

fn valid(year: i32, month: i32, day: i32) -> Option<String> {
    if !(1800..=2200).contains(&year) {
        return None;
    }
    let date = jiff::civil::Date::new(
        i16::try_from(year).ok()?,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
    )
    .ok()?;
    Some(date.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: Option<&str>) {
        assert_eq!(normalize_date(input).as_deref(), expected, "{input}");
    }

    #[test]
    fn dates() {
        check("2025-05-20", Some("2025-05-20"));
        check("2025-05-20T08:15:00Z", Some("2025-05-20"));
        check("2025-05-20T23:15:00-05:00", Some("2025-05-20"));
        check("2025-05-20 08:15:00", Some("2025-05-20"));
        check("2025/05/20", Some("2025-05-20"));
        check("May 20, 2025", Some("2025-05-20"));
        check("20 May 2025", Some("2025-05-20"));
        check("Tue, 20 May 2025 08:15:00 +0000", Some("2025-05-20"));
        check("September 3rd, 2024", Some("2024-09-03"));
        check("2025-02-30", None);
        check("20250520", None);
        check("yesterday", None);
        check("", None);
    }
}
