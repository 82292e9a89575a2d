//! Fractions as shares: "half of the staff", "to halve the workforce", "two-thirds of the
//! dead", "more than a third of", "four out of five", "one in ten". News writes shares this
//! way as often as with a percent sign; each becomes a percent so that "half" and "50%"
//! compare as one figure.

use super::super::classes as class;
use super::{Core, Parser, UnitKind};
use crate::extract::tokens::Toks;

/// Denominators written as words, singular and plural.
const DENOMINATORS: &[(&str, f64)] = &[
    ("half", 2.0),
    ("halves", 2.0),
    ("third", 3.0),
    ("thirds", 3.0),
    ("quarter", 4.0),
    ("quarters", 4.0),
    ("fourth", 4.0),
    ("fourths", 4.0),
    ("fifth", 5.0),
    ("fifths", 5.0),
    ("sixth", 6.0),
    ("sixths", 6.0),
    ("seventh", 7.0),
    ("sevenths", 7.0),
    ("eighth", 8.0),
    ("eighths", 8.0),
    ("ninth", 9.0),
    ("ninths", 9.0),
    ("tenth", 10.0),
    ("tenths", 10.0),
];

/// Numerators written as words ("a third", "two-thirds", "three quarters").
const NUMERATORS: &[(&str, f64)] = &[
    ("a", 1.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
];

/// What may follow a bare "half" for it to be a share of something: "half of", "half the
/// staff", "half its workforce".
pub(in crate::extract) const HALF_OF: &[&str] = &[
    "of", "the", "its", "their", "his", "her", "our", "all", "those", "these",
];

/// Words before "half" that make it part of something else: "the second half", "and a
/// half", "first half".
const NOT_BEFORE_HALF: &[&str] = &[
    "a", "the", "first", "second", "last", "latter", "other", "one", "and", "by",
];

/// The verb forms of "halve": a cut to half is a share of one half.
pub(in crate::extract) const HALVE: &[&str] = &["halve", "halved", "halving", "halves"];

/// Every word a share can start with: "half", a form of "halve", or a numerator. The
/// parser asks at every word; one class test turns the other words away.
pub(in crate::extract) const FRACTION_STARTS: &[&str] = &[
    "half", "halve", "halved", "halving", "halves", "a", "one", "two", "three", "four", "five",
    "six", "seven", "eight", "nine",
];

fn table(list: &[(&str, f64)], tk: &Toks, i: usize) -> Option<f64> {
    if !tk.is_word(i) {
        return None;
    }
    list.iter().find(|(w, _)| tk.is(i, w)).map(|&(_, v)| v)
}

impl Parser<'_, '_> {
    /// A share written as a fraction starting at token `i`, as a percent.
    pub(super) fn fraction(&self, i: usize) -> Option<Core> {
        let tk = self.tk;
        if !tk.has(i, class::FRACTION_STARTS) {
            return None;
        }
        let glued_on = |k: usize| tk.adjacent(k) && tk.punct(k.wrapping_sub(1), '-');
        if glued_on(i) || (tk.punct(i + 1, '-') && tk.adjacent(i + 1) && tk.adjacent(i + 2)) {
            // "half-time", "first-half"; but "two-thirds" is read from its numerator
            if !(table(NUMERATORS, tk, i).is_some() && table(DENOMINATORS, tk, i + 2).is_some()) {
                return None;
            }
        }
        if tk.is(i, "half") {
            if tk.any(i.wrapping_sub(1), NOT_BEFORE_HALF) || !tk.has(i + 1, class::HALF_OF) {
                return None;
            }
            return Some(self.share(i, i + 1, 1.0, 2.0));
        }
        if tk.has(i, class::HALVE) && tk.has(i + 1, class::HALF_OF) && !tk.is(i + 1, "of") {
            return Some(self.share(i, i + 1, 1.0, 2.0));
        }
        let numerator = table(NUMERATORS, tk, i)?;
        let hyphen = tk.punct(i + 1, '-') && tk.adjacent(i + 1) && tk.adjacent(i + 2);
        let d = if hyphen { i + 2 } else { i + 1 };
        let denominator = table(DENOMINATORS, tk, d)?;
        let plural = tk.s(d).ends_with('s') && tk.s(d) != "halves";
        // "a third of", "two thirds of": the plural must agree and "of" must follow, or
        // "the third time" and "a quarter century" would read as shares
        if (numerator > 1.0) != plural || numerator >= denominator || !tk.is(d + 1, "of") {
            return None;
        }
        Some(self.share(i, d + 1, numerator, denominator))
    }

    /// "four out of five", "one in ten", "1 in 3": a share from two counts. `first` is the
    /// number already read at the start.
    pub(super) fn ratio(&self, first: &Core) -> Option<Core> {
        let tk = self.tk;
        if first.unit.is_some() || first.vague.is_some() || first.value <= 0.0 {
            return None;
        }
        let (k, out_of) = if tk.is(first.b, "out") && tk.is(first.b + 1, "of") {
            (first.b + 2, true)
        } else if tk.is(first.b, "in") {
            (first.b + 1, false)
        } else {
            return None;
        };
        if !tk.is_num(k) && !tk.is_word(k) {
            return None;
        }
        let second = if tk.is_num(k) {
            self.digits(k)?
        } else {
            self.words(k)?
        };
        let whole = second.value;
        // "four out of five", "one in ten", "9 in 100": a share is given over a round whole;
        // "35 out of 47 counties" gives two counts
        let round_whole = (2.0..=10.0).contains(&whole) || whole == 100.0 || whole == 1000.0;
        let plausible =
            second.a != usize::MAX && second.unit.is_none() && whole > first.value && round_whole;
        // "3 in 2024", "five in 10 days": a year or a span, not a share
        if !plausible || (!out_of && super::lookup_time(tk, second.b)) {
            return None;
        }
        Some(self.share(first.a, second.b, first.value, whole))
    }

    fn share(&self, a: usize, b: usize, part: f64, whole: f64) -> Core {
        let mut c = self.mk(a, b, 100.0 * part / whole, 0.5, true, 1.0);
        c.unit = Some("percent");
        c.kind = UnitKind::Percent;
        c
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::numbers::parse;

    fn check(text: &str, expected: &[(f64, &str)]) {
        let got: Vec<(f64, String)> = parse(text, None)
            .into_iter()
            .map(|(_, q)| ((q.value * 10.0).round() / 10.0, q.unit.unwrap_or_default()))
            .collect();
        let want: Vec<(f64, String)> = expected.iter().map(|&(v, u)| (v, u.to_string())).collect();
        assert_eq!(got, want, "{text}");
    }

    /// The guard at the start of `fraction` must let through every word a share can start
    /// with.
    #[test]
    fn every_share_start_is_in_the_guard_class() {
        let starts = super::FRACTION_STARTS;
        for (word, _) in super::NUMERATORS {
            assert!(starts.contains(word), "{word}");
        }
        for word in super::HALVE.iter().chain(&["half"]) {
            assert!(starts.contains(word), "{word}");
        }
    }

    #[test]
    fn fractions_become_shares() {
        check("About half of the staff left.", &[(50.0, "percent")]);
        check("It plans to halve the workforce.", &[(50.0, "percent")]);
        check(
            "Nearly two-thirds of the dead were women.",
            &[(66.7, "percent")],
        );
        check(
            "More than a third of the gains came from hiring.",
            &[(33.3, "percent")],
        );
        check("Three quarters of voters agreed.", &[(75.0, "percent")]);
        check(
            "Four out of five deaths were from heat.",
            &[(80.0, "percent")],
        );
        check("One in ten homes was damaged.", &[(10.0, "percent")]);
    }

    #[test]
    fn fraction_words_that_are_not_shares() {
        check("In the second half of the year sales rose.", &[]);
        check("It was the third time this year.", &[]);
        check("They waited a quarter century.", &[]);
        check("The half-time score stood.", &[]);
        check("Sales fell by half.", &[]);
        check("Half a million people marched.", &[(500000.0, "")]);
        check("She was one of 12 in 2024 to win.", &[(12.0, "")]);
        check(
            "Protests spread to 35 out of 47 counties.",
            &[(35.0, ""), (47.0, "")],
        );
        check(
            "Five in 10 days: the rains came.",
            &[(5.0, ""), (10.0, "days")],
        );
    }
}
