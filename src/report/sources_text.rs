//! Text printer for source scores.

use std::fmt::Write;

use super::escape::terminal;
use crate::model::SourceScore;

pub fn text(sources: &[SourceScore]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<40} {:<9} {:>11} {:>7} {:>7} {:>7} {:>7}",
        "source", "kind", "reliability", "claims", "agreed", "against", "relayed"
    );
    for s in sources {
        let _ = writeln!(
            out,
            "{:<40} {:<9} {:>4.2} ±{:<5.2} {:>7} {:>7} {:>7} {:>6.0}%",
            truncate(&terminal(&s.outlet), 40),
            s.kind,
            s.reliability,
            (s.reliability_high - s.reliability_low) / 2.0,
            s.claims,
            s.agreed,
            s.conflicted,
            s.attributed_share * 100.0
        );
        let _ = writeln!(out, "    {}", terminal(&s.explanation));
    }
    if sources.is_empty() {
        out.push_str("no sources to rate\n");
    }
    out
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_owned()
    } else {
        let mut t: String = s.chars().take(n - 1).collect();
        t.push('…');
        t
    }
}
