//! `claims.csv`: one row per claim, with its cluster and flags.
//!
//! Quoting is the `csv` crate's. Text from the corpus that a spreadsheet would read as a
//! formula (a cell starting with `=`, `+`, `-`, `@`, tab or carriage return) gets a leading
//! `'`, so opening the file runs nothing. Numbers are written plainly (`53000`, `45.6`).

use std::collections::HashMap;

use super::common::{Flags, Lookup};
use super::escape::safe_url;
use crate::model::{number_text, ReportData};

pub const HEADER: [&str; 24] = [
    "claim_id",
    "article_id",
    "outlet",
    "date",
    "as_of",
    "kind",
    "value",
    "qualifier",
    "low",
    "high",
    "unit",
    "surface",
    "subject",
    "key",
    "claimant",
    "via",
    "certainty",
    "quote_speaker",
    "quote_text",
    "cluster_id",
    "cluster_label",
    "flags",
    "url",
    "sentence",
];

/// Corpus text made inert for spreadsheets: no formula, no bidi control.
fn text(s: &str) -> String {
    let s = if s.chars().any(super::escape::is_bidi_control) {
        super::escape::terminal_block(s).into_owned()
    } else {
        s.to_owned()
    };
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{s}"),
        _ => s,
    }
}

fn opt_text(s: Option<&str>) -> String {
    s.map(text).unwrap_or_default()
}

fn opt_num(n: Option<f64>) -> String {
    n.filter(|n| n.is_finite())
        .map(number_text)
        .unwrap_or_default()
}

/// All claims (in `data.claims` order) as CSV with a header row.
pub fn render(data: &ReportData) -> Result<String, ::csv::Error> {
    let lookup = Lookup::new(data);
    let flags = Flags::new(data);
    let mut cluster_of: HashMap<&str, (&str, &str)> = HashMap::new();
    for cluster in &data.clusters {
        for id in &cluster.claims {
            cluster_of
                .entry(id.as_str())
                .or_insert((cluster.cluster_id.as_str(), cluster.label.as_str()));
        }
    }

    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    w.write_record(HEADER)?;
    for c in &data.claims {
        let q = c.quantity.as_ref();
        let (cluster_id, cluster_label) = cluster_of
            .get(c.claim_id.as_str())
            .copied()
            .unwrap_or(("", ""));
        let url = lookup
            .article(&c.article_id)
            .and_then(|a| a.url.as_deref())
            .and_then(safe_url)
            .map(text)
            .unwrap_or_default();
        let flags = flags
            .get(&c.claim_id)
            .iter()
            .map(|f| f.as_str())
            .collect::<Vec<_>>()
            .join(";");
        let as_of = c
            .as_of
            .as_deref()
            .or(c.as_of_partial.as_deref())
            .map(|d| {
                // An ISO month-day (`--05-17`) stays as the engine wrote it: digits and
                // dashes only, nothing a spreadsheet could run.
                let iso_month_day = d.len() == 7
                    && d.starts_with("--")
                    && d.as_bytes()[4] == b'-'
                    && d.bytes()
                        .enumerate()
                        .all(|(i, b)| i == 0 || i == 1 || i == 4 || b.is_ascii_digit());
                if iso_month_day {
                    d.to_owned()
                } else {
                    text(d)
                }
            })
            .unwrap_or_default();
        let record: [String; 24] = [
            text(&c.claim_id),
            text(&c.article_id),
            opt_text(c.outlet.as_deref()),
            opt_text(c.date.as_deref()),
            as_of,
            super::common::kind_text(c.kind).to_owned(),
            opt_num(q.map(|q| q.value)),
            q.map(|q| q.qualifier.as_str().to_owned())
                .unwrap_or_default(),
            opt_num(q.and_then(|q| q.low)),
            opt_num(q.and_then(|q| q.high)),
            opt_text(q.and_then(|q| q.unit.as_deref())),
            opt_text(q.map(|q| q.surface.as_str())),
            opt_text(c.subject.as_deref()),
            opt_text(c.key.as_deref()),
            opt_text(c.attribution.as_ref().map(|a| a.source.as_str())),
            opt_text(c.attribution.as_ref().and_then(|a| a.via.as_deref())),
            c.certainty.as_str().to_owned(),
            opt_text(c.quote.as_ref().and_then(|q| q.speaker.as_deref())),
            opt_text(c.quote.as_ref().map(|q| q.text.as_str())),
            text(cluster_id),
            text(cluster_label),
            flags,
            url,
            text(&c.sentence),
        ];
        w.write_record(&record)?;
    }
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8(bytes).expect("csv of UTF-8 strings is UTF-8"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::markdown::tests::{hostile, sample};

    fn parse(out: &str) -> Vec<::csv::StringRecord> {
        ::csv::Reader::from_reader(out.as_bytes())
            .records()
            .collect::<Result<_, _>>()
            .expect("valid csv")
    }

    #[test]
    fn one_row_per_claim() {
        let data = sample();
        let out = render(&data).unwrap();
        let mut reader = ::csv::Reader::from_reader(out.as_bytes());
        assert_eq!(reader.headers().unwrap().iter().collect::<Vec<_>>(), HEADER);
        let rows = parse(&out);
        assert_eq!(rows.len(), data.claims.len());
        for (row, claim) in rows.iter().zip(&data.claims) {
            assert_eq!(row.len(), HEADER.len());
            assert_eq!(&row[0], claim.claim_id);
            assert_eq!(&row[23], claim.sentence);
            // a figure with no key ("walked for three hours") is listed but not compared
            let compared = claim.kind == crate::model::ClaimKind::Quote || claim.key.is_some();
            assert_eq!(!row[19].is_empty(), compared, "{}", claim.sentence);
        }
        // A claim in a conflict carries the flag; the internal inconsistency's claims too.
        let first = &data.clusters[0].discrepancies[0];
        let row = rows.iter().find(|r| r[0] == first.a).unwrap();
        assert!(row[21].split(';').any(|f| f == first.kind.as_str()));
        let internal = &data.internal[0].claims[0];
        let row = rows.iter().find(|r| &r[0] == internal).unwrap();
        assert!(row[21].split(';').any(|f| f == "internal"));
        // Numbers are plain; open bounds are empty.
        let more = rows.iter().find(|r| &r[11] == "more than 53,000").unwrap();
        assert_eq!(
            (&more[6], &more[7], &more[8], &more[9]),
            ("53000", "more_than", "53000", "")
        );
    }

    #[test]
    fn hostile_text_survives_quoting_and_is_inert() {
        let mut data = hostile();
        data.claims[0].outlet = Some("=HYPERLINK(\"http://x\",\"y\")".into());
        data.claims[1].sentence = "line one,\n\"two\"".into();
        let out = render(&data).unwrap();
        let rows = parse(&out);
        assert_eq!(rows.len(), 3);
        assert_eq!(&rows[0][2], "'=HYPERLINK(\"http://x\",\"y\")");
        assert_eq!(&rows[1][23], "line one,\n\"two\"");
        assert_eq!(&rows[0][22], "", "javascript: URLs are left out");
        assert_eq!(&rows[1][22], "https://ok.example/a?b=1&c=2");
        assert_eq!(&rows[0][21], "conflict;internal");
        let mut data = hostile();
        data.claims[0].as_of_partial = Some("--05-17".into());
        data.claims[1].as_of = Some("-1+cmd|' /C calc'!A0".into());
        let rows = parse(&render(&data).unwrap());
        assert_eq!(&rows[0][4], "--05-17");
        assert_eq!(&rows[1][4], "'-1+cmd|' /C calc'!A0");
    }

    #[test]
    fn deterministic() {
        let data = sample();
        assert_eq!(render(&data).unwrap(), render(&data).unwrap());
    }
}
