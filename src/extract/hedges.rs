//! Hedge cues → qualifier, and the interval a hedged number allows.
//!
//! Approx tolerance ("precision as written"): let `u` be the unit of the last significant
//! digit as written (48 → 1, 50 → 10, 1,200 → 100, 1.2 million → 100 000, 12.8 → 0.1);
//! the tolerance is `t = max(u / 2, 0.05 × v)`, so "about 48" → [45.6, 50.4], "about 50" →
//! [45, 55], "about 1,000" → [500, 1500]. "nearly"/"almost" keep the upper end at `v`.
//! Counts never go below 0.

use super::tokens::Toks;
use crate::model::Qualifier;

/// Cues before a number, longest first within each length. Each entry: words, qualifier,
/// `upper_is_v` (nearly/almost).
const PRE: &[(&[&str], Qualifier, bool)] = &[
    (&["no", "fewer", "than"], Qualifier::AtLeast, false),
    (&["no", "less", "than"], Qualifier::AtLeast, false),
    (&["not", "less", "than"], Qualifier::AtLeast, false),
    (&["a", "minimum", "of"], Qualifier::AtLeast, false),
    (&["no", "more", "than"], Qualifier::AtMost, false),
    (&["not", "more", "than"], Qualifier::AtMost, false),
    (&["a", "maximum", "of"], Qualifier::AtMost, false),
    (&["in", "excess", "of"], Qualifier::MoreThan, false),
    (&["in", "the", "region", "of"], Qualifier::Approx, false),
    (&["on", "the", "order", "of"], Qualifier::Approx, false),
    (&["upwards", "of"], Qualifier::MoreThan, false),
    (&["upward", "of"], Qualifier::MoreThan, false),
    (&["north", "of"], Qualifier::MoreThan, false),
    (&["well", "over"], Qualifier::MoreThan, false),
    (&["well", "above"], Qualifier::MoreThan, false),
    (&["as", "few", "as"], Qualifier::AtLeast, false),
    (&["as", "many", "as"], Qualifier::AtMost, false),
    (&["as", "much", "as"], Qualifier::AtMost, false),
    (&["at", "least"], Qualifier::AtLeast, false),
    (&["at", "most"], Qualifier::AtMost, false),
    (&["up", "to"], Qualifier::AtMost, false),
    (&["more", "than"], Qualifier::MoreThan, false),
    (&["just", "over"], Qualifier::MoreThan, false),
    (&["just", "above"], Qualifier::MoreThan, false),
    (&["slightly", "more", "than"], Qualifier::MoreThan, false),
    (&["fewer", "than"], Qualifier::FewerThan, false),
    (&["less", "than"], Qualifier::FewerThan, false),
    (&["just", "under"], Qualifier::FewerThan, false),
    (&["just", "below"], Qualifier::FewerThan, false),
    (&["not", "even"], Qualifier::FewerThan, false),
    (&["an", "estimated"], Qualifier::Approx, false),
    (&["close", "to"], Qualifier::Approx, false),
    (&["nearly"], Qualifier::Approx, true),
    (&["almost"], Qualifier::Approx, true),
    (&["about"], Qualifier::Approx, false),
    (&["around"], Qualifier::Approx, false),
    (&["approximately"], Qualifier::Approx, false),
    (&["roughly"], Qualifier::Approx, false),
    (&["some"], Qualifier::Approx, false),
    (&["circa"], Qualifier::Approx, false),
    (&["approx"], Qualifier::Approx, false),
    (&["estimated"], Qualifier::Approx, false),
    (&["over"], Qualifier::MoreThan, false),
    (&["above"], Qualifier::MoreThan, false),
    (&["exceeding"], Qualifier::MoreThan, false),
    (&["under"], Qualifier::FewerThan, false),
    (&["below"], Qualifier::FewerThan, false),
    (&["only"], Qualifier::Exact, false),
    (&["just"], Qualifier::Exact, false),
    (&["exactly"], Qualifier::Exact, false),
    (&["precisely"], Qualifier::Exact, false),
];

/// Find a hedge ending right before token `first` (the first token of the number).
/// Returns (first token of the cue, qualifier, upper_is_v).
pub fn pre_hedge(tk: &Toks, first: usize) -> Option<(usize, Qualifier, bool)> {
    let mut best: Option<(usize, Qualifier, bool)> = None;
    for (words, q, nearly) in PRE {
        let n = words.len();
        if first < n {
            continue;
        }
        let start = first - n;
        let ok = words
            .iter()
            .enumerate()
            .all(|(k, w)| tk.is_word(start + k) && tk.is(start + k, w));
        if ok && best.map(|b| start < b.0).unwrap_or(true) {
            best = Some((start, *q, *nearly));
        }
    }
    best
}

/// Cues after a number: "or so", "or more", "or fewer", "or less", "+", "-plus".
/// Returns (token after the cue, qualifier).
pub fn post_hedge(tk: &Toks, after: usize) -> Option<(usize, Qualifier)> {
    if tk.punct(after, '+') && tk.adjacent(after) {
        return Some((after + 1, Qualifier::AtLeast));
    }
    if (tk.punct(after, '-') && tk.adjacent(after))
        && tk.is(after + 1, "plus")
        && tk.adjacent(after + 1)
    {
        return Some((after + 2, Qualifier::AtLeast));
    }
    if tk.is(after, "or") {
        let q = if tk.is(after + 1, "so") {
            Qualifier::Approx
        } else if tk.is(after + 1, "more") {
            Qualifier::AtLeast
        } else if tk.is(after + 1, "fewer") || tk.is(after + 1, "less") {
            Qualifier::AtMost
        } else {
            return None;
        };
        // "20 or more people" fine; "20 or more than 30" is not a hedge
        if tk.is(after + 2, "than") {
            return None;
        }
        return Some((after + 2, q));
    }
    None
}

fn tidy(x: f64) -> f64 {
    if x.abs() < 1e12 {
        (x * 1e6).round() / 1e6
    } else {
        x
    }
}

/// The tolerance of an approximate number: `max(u/2, 0.05 v)`.
pub fn tolerance(v: f64, ulp: f64) -> f64 {
    (ulp / 2.0).max(0.05 * v.abs())
}

/// (low, high) for a qualifier and stated value.
pub fn interval(q: Qualifier, v: f64, ulp: f64, upper_is_v: bool) -> (Option<f64>, Option<f64>) {
    match q {
        Qualifier::Exact => (Some(v), Some(v)),
        Qualifier::Approx => {
            let t = tolerance(v, ulp);
            let lo = tidy((v - t).max(0.0));
            let hi = if upper_is_v { v } else { tidy(v + t) };
            (Some(lo), Some(hi))
        }
        Qualifier::AtLeast | Qualifier::MoreThan => (Some(v), None),
        Qualifier::AtMost | Qualifier::FewerThan => (None, Some(v)),
        Qualifier::Range => (Some(v), Some(v)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn tolerance_rule() {
        assert_eq!(
            interval(Qualifier::Approx, 48.0, 1.0, false),
            (Some(45.6), Some(50.4))
        );
        assert_eq!(
            interval(Qualifier::Approx, 50.0, 10.0, false),
            (Some(45.0), Some(55.0))
        );
        assert_eq!(
            interval(Qualifier::Approx, 20.0, 10.0, false),
            (Some(15.0), Some(25.0))
        );
        assert_eq!(
            interval(Qualifier::Approx, 1000.0, 1000.0, false),
            (Some(500.0), Some(1500.0))
        );
        assert_eq!(
            interval(Qualifier::Approx, 48.0, 1.0, true),
            (Some(45.6), Some(48.0))
        );
    }
}
