//! Reader for the structured-claims table of `crosscheck sources --claims FILE`
//! (contract: shared/contracts/sources.md) and the value normalisation it applies.
//!
//! FILE is CSV, or TSV when its name ends in `.tsv` (case-insensitive), with a header row.
//! Columns: `source`, `object`, `value` (required); `qualifier`, `low`, `high`, `date`,
//! `relayed_from` (optional; `relayed_from` names the claimant a row only relays). Column
//! names are matched case-insensitively after trimming. A row that cannot be read (wrong
//! field count, empty `source`/`object`, a `low`/`high` that is not a number, a `date` that
//! is not `YYYY-MM-DD`) becomes a [`Diagnostic`] naming the file and line, and reading goes
//! on with the next row.
//!
//! # Value normalisation (see [`normalise_value`])
//! Applied to every `value` cell, in this order:
//! 1. Whitespace: trimmed, inner runs of whitespace (and `&nbsp`) collapsed to one space.
//! 2. No value: cells that say there is no value are not claims and are skipped (counted in
//!    [`TableStats::no_value`]): empty, `n/a`, `na`, `none`, `null`, `unknown`, `-`, `?`,
//!    `not available`, `contact airline`, also after a leading date (`Dec 02 Not Available`).
//! 3. Numbers: an optional sign, digits with optional `,` thousands separators
//!    (`1,234,567`; a comma is accepted only between groups of three digits), an optional
//!    decimal part → [`Value::Num`]. So `2,096` and `2096` are one value.
//! 4. Times of day (the first `H:MM` in the cell, hour 0–23, minutes 00–59) → text in
//!    AP style `h:mm a.m.` / `h:mm p.m.` (the style of US news copy), so `7:10 a.m.`,
//!    `7:10am`, `7:10a`, `7:10 AM`, `07:10`, `Dec 2 7:10 AM`, `7:10aDec 1`,
//!    `12/01 7:10 a.m.`, `7:10 a.m. (Estimated runway)`, `7:10 a.m.  Fri 01-Dec-2011` are
//!    all `7:10 a.m.`. The marker after the minutes may be `a.m.`, `am`, `a`, `p.m.`, `pm`,
//!    `p` (any case) or `noon`; without a marker the hour is read on the 24-hour clock
//!    (`19:10` → `7:10 p.m.`). Dates, weekdays and notes around the time (`(Estimated)`,
//!    `Delayed`, `(+0:05)`) are dropped: the claim is about the clock time.
//! 5. Anything else stays text ([`Value::Text`]) after step 1, compared exactly.

use std::collections::HashMap;
use std::path::Path;

use crate::model::Diagnostic;
use crate::reliability::{Observation, SourceKind, Value};

/// Counts from reading one table.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TableStats {
    /// Data rows seen.
    pub rows: usize,
    /// Rows turned into observations.
    pub observations: usize,
    /// Rows whose value says there is no value (skipped, not an error).
    pub no_value: usize,
    /// Rows rejected with a diagnostic.
    pub rejected: usize,
    /// Later rows that replaced an earlier claim of the same source on the same object
    /// and date (the last row wins).
    pub replaced: usize,
}

/// What [`read_claims`] returns: the observations, the problems met, the counts.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub observations: Vec<Observation>,
    pub diagnostics: Vec<Diagnostic>,
    pub stats: TableStats,
}

/// Errors that stop reading a table altogether (a bad row does not).
#[derive(Debug, thiserror::Error)]
pub enum TableError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: the header lacks the required column `{column}`")]
    MissingColumn { path: String, column: &'static str },
    #[error("{path}: bad header: {message}")]
    Header { path: String, message: String },
}

/// Reads a claims table from a file; TSV when the name ends in `.tsv`, else CSV.
pub fn read_claims(path: &Path) -> Result<Table, TableError> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| TableError::Io {
        path: name.clone(),
        source,
    })?;
    let tsv = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("tsv"));
    read_claims_from(&bytes, if tsv { b'\t' } else { b',' }, &name)
}

/// Reads a claims table from bytes (`origin` names it in diagnostics). Invalid UTF-8 is
/// read lossily (replacement characters), with a warning.
pub fn read_claims_from(bytes: &[u8], delimiter: u8, origin: &str) -> Result<Table, TableError> {
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(true)
        .quoting(delimiter != b'\t')
        .from_reader(bytes);
    let headers = rdr.byte_headers().map_err(|e| TableError::Header {
        path: origin.to_string(),
        message: e.to_string(),
    })?;
    let col: HashMap<String, usize> = headers
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let h = String::from_utf8_lossy(h)
                .trim()
                .trim_start_matches('\u{feff}')
                .to_ascii_lowercase();
            (h, i)
        })
        .collect();
    let need = |column: &'static str| {
        col.get(column).copied().ok_or(TableError::MissingColumn {
            path: origin.to_string(),
            column,
        })
    };
    let (c_source, c_object, c_value) = (need("source")?, need("object")?, need("value")?);
    let c_low = col.get("low").copied();
    let c_high = col.get("high").copied();
    let c_date = col.get("date").copied();
    let c_qual = col.get("qualifier").copied();
    let c_relay = col.get("relayed_from").copied();
    let width = headers.len();

    let mut table = Table::default();
    // (source, object, date) → index in observations, for "last row wins".
    type RowKey = (
        std::sync::Arc<str>,
        std::sync::Arc<str>,
        Option<std::sync::Arc<str>>,
    );
    let mut seen: HashMap<RowKey, usize> = HashMap::new();
    let mut record = csv::ByteRecord::new();
    loop {
        let line_hint = rdr.position().line() + 1;
        match rdr.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                table.stats.rows += 1;
                table.stats.rejected += 1;
                let line = e.position().map_or(line_hint, |p| p.line());
                table.diagnostics.push(reject(origin, line, &e.to_string()));
                continue;
            }
        }
        table.stats.rows += 1;
        let line = record.position().map_or(line_hint, |p| p.line());
        if record.len() != width {
            table.stats.rejected += 1;
            let msg = format!("expected {width} fields, found {}", record.len());
            table.diagnostics.push(reject(origin, line, &msg));
            continue;
        }
        let mut lossy = false;
        let mut field = |i: usize| -> String {
            let raw = record.get(i).unwrap_or_default();
            match std::str::from_utf8(raw) {
                Ok(s) => s.trim().to_string(),
                Err(_) => {
                    lossy = true;
                    String::from_utf8_lossy(raw).trim().to_string()
                }
            }
        };
        let source = field(c_source);
        let object = field(c_object);
        let value_cell = field(c_value);
        let low_cell = c_low.map(&mut field).unwrap_or_default();
        let high_cell = c_high.map(&mut field).unwrap_or_default();
        let date_cell = c_date.map(&mut field).unwrap_or_default();
        let qual_cell = c_qual.map(&mut field).unwrap_or_default();
        let relay_cell = c_relay.map(&mut field).unwrap_or_default();
        if lossy {
            table.diagnostics.push(Diagnostic {
                origin: format!("{origin}:{line}"),
                message: "invalid UTF-8 replaced".to_string(),
                rejected: false,
            });
        }
        if source.is_empty() || object.is_empty() {
            table.stats.rejected += 1;
            table
                .diagnostics
                .push(reject(origin, line, "empty `source` or `object`"));
            continue;
        }
        let low = match parse_bound(&low_cell) {
            Ok(v) => v,
            Err(()) => {
                table.stats.rejected += 1;
                let msg = format!("`low` is not a number: {low_cell:?}");
                table.diagnostics.push(reject(origin, line, &msg));
                continue;
            }
        };
        let high = match parse_bound(&high_cell) {
            Ok(v) => v,
            Err(()) => {
                table.stats.rejected += 1;
                let msg = format!("`high` is not a number: {high_cell:?}");
                table.diagnostics.push(reject(origin, line, &msg));
                continue;
            }
        };
        if !qual_cell.is_empty() && crate::model::Qualifier::parse(&qual_cell).is_none() {
            table.diagnostics.push(Diagnostic {
                origin: format!("{origin}:{line}"),
                message: format!("unknown qualifier {qual_cell:?} ignored"),
                rejected: false,
            });
        }
        let date = if date_cell.is_empty() {
            None
        } else if is_iso_date(&date_cell) {
            Some(date_cell)
        } else {
            table.stats.rejected += 1;
            let msg = format!("`date` is not YYYY-MM-DD: {date_cell:?}");
            table.diagnostics.push(reject(origin, line, &msg));
            continue;
        };
        let Some(value) = normalise_value(&value_cell) else {
            table.stats.no_value += 1;
            continue;
        };
        let obs = Observation {
            source: source.into(),
            object: object.into(),
            value,
            low,
            high,
            date: date.map(Into::into),
            relayed_from: (!relay_cell.is_empty()).then(|| relay_cell.into()),
            kind: SourceKind::Outlet,
        };
        let k = (obs.source.clone(), obs.object.clone(), obs.date.clone());
        if let Some(&i) = seen.get(&k) {
            table.observations[i] = obs;
            table.stats.replaced += 1;
        } else {
            seen.insert(k, table.observations.len());
            table.observations.push(obs);
        }
    }
    table.stats.observations = table.observations.len();
    Ok(table)
}

fn reject(origin: &str, line: u64, message: &str) -> Diagnostic {
    Diagnostic {
        origin: format!("{origin}:{line}"),
        message: message.to_string(),
        rejected: true,
    }
}

fn parse_bound(cell: &str) -> Result<Option<f64>, ()> {
    if cell.is_empty() || cell.eq_ignore_ascii_case("null") {
        return Ok(None);
    }
    parse_number(cell).map(Some).ok_or(())
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// Normalises one `value` cell (rules in the module documentation); `None` = no value.
pub fn normalise_value(cell: &str) -> Option<Value> {
    let cleaned = cell.replace("&nbsp;", " ").replace("&nbsp", " ");
    let text = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    if is_no_value(&text) {
        return None;
    }
    if let Some(n) = parse_number(&text) {
        return Some(Value::Num(n));
    }
    if let Some(t) = parse_time(&text) {
        return Some(Value::Text(t));
    }
    Some(Value::Text(text))
}

const NO_VALUE: [&str; 10] = [
    "",
    "n/a",
    "na",
    "none",
    "null",
    "unknown",
    "-",
    "?",
    "not available",
    "contact airline",
];

fn is_no_value(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    if NO_VALUE.contains(&lower.as_str()) {
        return true;
    }
    // "Dec 02 Not Available": a date in front of a no-value phrase.
    let rest = lower
        .split_once(' ')
        .and_then(|(month, rest)| {
            let is_month = month.len() == 3 && month.bytes().all(|c| c.is_ascii_alphabetic());
            is_month.then_some(rest)
        })
        .and_then(|rest| rest.split_once(' '))
        .filter(|(day, _)| !day.is_empty() && day.bytes().all(|c| c.is_ascii_digit()))
        .map(|(_, rest)| rest);
    rest.is_some_and(|r| NO_VALUE.contains(&r) && !r.is_empty())
}

/// A plain number: sign, digits with optional `,` thousands groups, optional decimals.
pub fn parse_number(s: &str) -> Option<f64> {
    let s = s.trim();
    let body = s.strip_prefix(['-', '+']).unwrap_or(s);
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    if int.is_empty() || !int.bytes().next().is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    if let Some(f) = frac {
        if f.is_empty() || !f.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
    }
    let groups: Vec<&str> = int.split(',').collect();
    let ok = if groups.len() == 1 {
        int.bytes().all(|c| c.is_ascii_digit())
    } else {
        let first = groups[0];
        !first.is_empty()
            && first.len() <= 3
            && first.bytes().all(|c| c.is_ascii_digit())
            && groups[1..]
                .iter()
                .all(|g| g.len() == 3 && g.bytes().all(|c| c.is_ascii_digit()))
    };
    if !ok {
        return None;
    }
    let plain: String = s.chars().filter(|&c| c != ',').collect();
    plain.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// The first `H:MM` time of day in `s`, as AP-style `h:mm a.m.`/`h:mm p.m.`.
pub fn parse_time(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b':' && i > 0 && b[i - 1].is_ascii_digit() {
            let mut start = i - 1;
            if start > 0 && b[start - 1].is_ascii_digit() {
                start -= 1;
            }
            let preceded_by_digit = start > 0 && b[start - 1].is_ascii_digit();
            let mins = b.get(i + 1..i + 3);
            let after_ok = b.get(i + 3).is_none_or(|c| !c.is_ascii_digit());
            if let (false, Some(m), true) = (preceded_by_digit, mins, after_ok) {
                if m.iter().all(u8::is_ascii_digit) {
                    let hour: u32 = s[start..i].parse().ok()?;
                    let minute = u32::from(m[0] - b'0') * 10 + u32::from(m[1] - b'0');
                    let marker = s[i + 3..].trim_start().to_ascii_lowercase();
                    let hour24 = if marker.starts_with("noon") {
                        (hour == 12).then_some(12)
                    } else if marker.starts_with('a') && (1..=12).contains(&hour) {
                        Some(hour % 12)
                    } else if marker.starts_with('p') && (1..=12).contains(&hour) {
                        Some(hour % 12 + 12)
                    } else if hour <= 23 {
                        Some(hour)
                    } else {
                        None
                    };
                    if let (Some(h), true) = (hour24, minute <= 59) {
                        let half = if h < 12 { "a.m." } else { "p.m." };
                        let h12 = if h % 12 == 0 { 12 } else { h % 12 };
                        return Some(format!("{h12}:{minute:02} {half}"));
                    }
                }
            }
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_meet_in_one_form() {
        for cell in [
            "7:10 a.m.",
            "7:10am",
            "7:10a",
            "7:10 AM",
            "07:10",
            "Dec 2 7:10 AM",
            "7:10aDec 1",
            "12/01 7:10 a.m.",
            "7:10 a.m. (Estimated runway)",
            "7:10 a.m.  Fri 01-Dec-2011",
            "7:10A 12-01-11",
            "Thu  07:10",
        ] {
            assert_eq!(
                normalise_value(cell),
                Some(Value::Text("7:10 a.m.".into())),
                "{cell}"
            );
        }
        assert_eq!(parse_time("19:05").as_deref(), Some("7:05 p.m."));
        assert_eq!(parse_time("12:00noon").as_deref(), Some("12:00 p.m."));
        assert_eq!(
            parse_time("12:29 a.m. Dec 02").as_deref(),
            Some("12:29 a.m.")
        );
        assert_eq!(
            parse_time("3:04 p.m. (+0:05)").as_deref(),
            Some("3:04 p.m.")
        );
        assert_eq!(
            parse_time("12/1/11 9:15 a.m.").as_deref(),
            Some("9:15 a.m.")
        );
        assert_eq!(parse_time("25:10"), None);
    }

    #[test]
    fn numbers_and_no_values() {
        assert_eq!(normalise_value("1,234,567"), Some(Value::Num(1_234_567.0)));
        assert_eq!(normalise_value(" 74000 "), Some(Value::Num(74000.0)));
        assert_eq!(normalise_value("-3.5"), Some(Value::Num(-3.5)));
        assert_eq!(normalise_value("12,34"), Some(Value::Text("12,34".into())));
        assert_eq!(normalise_value("Not Available"), None);
        assert_eq!(normalise_value("Dec 02 Not Available"), None);
        assert_eq!(normalise_value("Contact Airline"), None);
        assert_eq!(
            normalise_value("  Blue   sky "),
            Some(Value::Text("Blue sky".into()))
        );
    }

    #[test]
    fn bad_rows_are_reported_and_reading_goes_on() {
        let csv = "source,object,value,low,high,date\n\
                   a,x,10,,,\n\
                   b,x,11,ten,,\n\
                   c,x\n\
                   d,y,5,4,6,2024-01-02\n\
                   e,y,5,,,yesterday\n\
                   a,x,12,,,\n";
        let t = read_claims_from(csv.as_bytes(), b',', "claims.csv").unwrap();
        assert_eq!(t.observations.len(), 2);
        assert_eq!(t.stats.rejected, 3);
        assert_eq!(t.stats.replaced, 1);
        let origins: Vec<&str> = t.diagnostics.iter().map(|d| d.origin.as_str()).collect();
        assert_eq!(origins, ["claims.csv:3", "claims.csv:4", "claims.csv:6"]);
        assert!(t.diagnostics.iter().all(|d| d.rejected));
        assert_eq!(t.observations[0].value, Value::Num(12.0));
        assert_eq!(t.observations[1].low, Some(4.0));
        assert_eq!(t.observations[1].date.as_deref(), Some("2024-01-02"));
    }

    #[test]
    fn tsv_and_missing_column() {
        let tsv = "Source\tObject\tValue\ns1\to1\t7:10am\n";
        let t = read_claims_from(tsv.as_bytes(), b'\t', "c.tsv").unwrap();
        assert_eq!(t.observations[0].value, Value::Text("7:10 a.m.".into()));
        let bad = "source,value\ns,1\n";
        let e = read_claims_from(bad.as_bytes(), b',', "c.csv").unwrap_err();
        assert!(e.to_string().contains("c.csv") && e.to_string().contains("object"));
    }
}
