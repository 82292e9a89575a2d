//! Civil dates as days since 1970-01-01 (proleptic Gregorian).

pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
pub const WEEKDAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date(pub i64);

impl Date {
    pub fn from_ymd(y: i64, m: i64, d: i64) -> Date {
        let y = if m <= 2 { y - 1 } else { y };
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let mp = if m > 2 { m - 3 } else { m + 9 };
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Date(era * 146_097 + doe - 719_468)
    }

    pub fn ymd(self) -> (i64, i64, i64) {
        let z = self.0 + 719_468;
        let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        (yoe + era * 400 + i64::from(m <= 2), m, d)
    }

    pub fn add(self, days: i64) -> Date {
        Date(self.0 + days)
    }

    pub fn weekday(self) -> &'static str {
        WEEKDAYS[(self.0 + 4).rem_euclid(7) as usize]
    }

    pub fn iso(self) -> String {
        let (y, m, d) = self.ymd();
        format!("{y:04}-{m:02}-{d:02}")
    }

    /// "May 13"
    pub fn month_day(self) -> String {
        let (_, m, d) = self.ymd();
        format!("{} {}", MONTHS[(m - 1) as usize], d)
    }

    pub fn month(self) -> &'static str {
        MONTHS[(self.ymd().1 - 1) as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip() {
        let d = Date::from_ymd(2025, 5, 16);
        assert_eq!(d.iso(), "2025-05-16");
        assert_eq!(d.weekday(), "Friday");
        assert_eq!(Date::from_ymd(1970, 1, 1).0, 0);
        assert_eq!(d.add(20).iso(), "2025-06-05");
        assert_eq!(Date::from_ymd(2025, 12, 31).add(1).iso(), "2026-01-01");
    }
}
