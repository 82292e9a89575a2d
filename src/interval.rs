//! Interval reasoning for hedged numbers: what a claim allows, whether two claims can both
//! hold, how far apart they are, and sums for parts-versus-whole checks.

use crate::model::{Qualifier, Quantity};

/// The values a statement allows. `None` = unbounded; a strict bound excludes its value
/// ("more than 50" allows 50.0001 but not 50).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub low_strict: bool,
    pub high_strict: bool,
}

/// [`Interval::key`]: equal keys, equal intervals.
pub type IntervalKey = (Option<u64>, Option<u64>, bool, bool);

impl Interval {
    pub fn closed(low: f64, high: f64) -> Interval {
        Interval {
            low: Some(low),
            high: Some(high),
            low_strict: false,
            high_strict: false,
        }
    }

    /// The interval a quantity claim allows. Plain numbers written with a scale and a
    /// fraction ("1.08 million") are read as rounded: they allow half a unit of their last
    /// digit either side, so that "1.08 million" and "1,080,000" agree. Counts are never
    /// negative.
    pub fn of(quantity: &Quantity) -> Interval {
        let mut interval = Interval {
            low: quantity.low,
            high: quantity.high,
            low_strict: quantity.qualifier == Qualifier::MoreThan,
            high_strict: quantity.qualifier == Qualifier::FewerThan,
        };
        if quantity.qualifier == Qualifier::Exact {
            let half = rounding_half_unit(&quantity.surface, quantity.value);
            if half > 0.0 {
                interval.low = Some(quantity.value - half);
                interval.high = Some(quantity.value + half);
            }
        }
        if interval.low.is_none() && quantity.value >= 0.0 {
            interval.low = Some(0.0);
        }
        interval
    }

    /// The interval as a key for hashing and equality: its bounds' bits and strictness.
    pub fn key(&self) -> IntervalKey {
        (
            self.low.map(f64::to_bits),
            self.high.map(f64::to_bits),
            self.low_strict,
            self.high_strict,
        )
    }

    /// Whether some value lies in both intervals.
    pub fn overlaps(&self, other: &Interval) -> bool {
        let (low, low_strict) = max_low(self, other);
        let (high, high_strict) = min_high(self, other);
        match (low, high) {
            (Some(l), Some(h)) => l < h || (l == h && !low_strict && !high_strict),
            _ => true,
        }
    }

    /// The values both allow, when there are any.
    pub fn intersect(&self, other: &Interval) -> Option<Interval> {
        if !self.overlaps(other) {
            return None;
        }
        let (low, low_strict) = max_low(self, other);
        let (high, high_strict) = min_high(self, other);
        Some(Interval {
            low,
            high,
            low_strict,
            high_strict,
        })
    }

    pub fn contains(&self, x: f64) -> bool {
        let above = match self.low {
            Some(l) => x > l || (x == l && !self.low_strict),
            None => true,
        };
        let below = match self.high {
            Some(h) => x < h || (x == h && !self.high_strict),
            None => true,
        };
        above && below
    }

    /// The distance between the intervals (0 when they touch or overlap).
    pub fn gap(&self, other: &Interval) -> f64 {
        let gap_above = match (self.high, other.low) {
            (Some(h), Some(l)) if l > h => l - h,
            _ => 0.0,
        };
        let gap_below = match (other.high, self.low) {
            (Some(h), Some(l)) if l > h => l - h,
            _ => 0.0,
        };
        gap_above.max(gap_below)
    }

    /// Interval sum (for parts that add up to a whole).
    pub fn add(&self, other: &Interval) -> Interval {
        let sum = |a: Option<f64>, b: Option<f64>| Some(a? + b?);
        Interval {
            low: sum(self.low, other.low),
            high: sum(self.high, other.high),
            low_strict: self.low_strict || other.low_strict,
            high_strict: self.high_strict || other.high_strict,
        }
    }

    /// A representative magnitude: the midpoint of a bounded interval, else its one bound.
    pub fn magnitude(&self) -> f64 {
        match (self.low, self.high) {
            (Some(l), Some(h)) => (l + h) / 2.0,
            (Some(l), None) => l,
            (None, Some(h)) => h,
            (None, None) => 0.0,
        }
    }

    /// Whether `self` allows every value `other` allows.
    pub fn covers(&self, other: &Interval) -> bool {
        let low_ok = match (self.low, other.low) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(a), Some(b)) => a < b || (a == b && (!self.low_strict || other.low_strict)),
        };
        let high_ok = match (self.high, other.high) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(a), Some(b)) => a > b || (a == b && (!self.high_strict || other.high_strict)),
        };
        low_ok && high_ok
    }
}

fn max_low(a: &Interval, b: &Interval) -> (Option<f64>, bool) {
    match (a.low, b.low) {
        (None, None) => (None, false),
        (Some(x), None) => (Some(x), a.low_strict),
        (None, Some(y)) => (Some(y), b.low_strict),
        (Some(x), Some(y)) if x > y => (Some(x), a.low_strict),
        (Some(x), Some(y)) if y > x => (Some(y), b.low_strict),
        (Some(x), Some(_)) => (Some(x), a.low_strict || b.low_strict),
    }
}

fn min_high(a: &Interval, b: &Interval) -> (Option<f64>, bool) {
    match (a.high, b.high) {
        (None, None) => (None, false),
        (Some(x), None) => (Some(x), a.high_strict),
        (None, Some(y)) => (Some(y), b.high_strict),
        (Some(x), Some(y)) if x < y => (Some(x), a.high_strict),
        (Some(x), Some(y)) if y < x => (Some(y), b.high_strict),
        (Some(x), Some(_)) => (Some(x), a.high_strict || b.high_strict),
    }
}

/// Half a unit of the last written digit of a scaled decimal ("1.08 million" → 5,000);
/// 0 for numbers written out in full, which are taken as exact.
fn rounding_half_unit(surface: &str, value: f64) -> f64 {
    let lower = surface.to_ascii_lowercase();
    let scaled = [
        "million", "billion", "trillion", "thousand", "bn", "m ", "k ",
    ]
    .iter()
    .any(|s| lower.contains(s))
        || lower.ends_with('m')
        || lower.ends_with('k');
    if !scaled {
        return 0.0;
    }
    let digits: String = surface
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .collect();
    let Some((_, fraction)) = digits.split_once('.') else {
        // "2 million" is as round as it looks: allow half of the scale unit's tenth.
        return 0.0;
    };
    let mantissa: f64 = digits.replace(',', "").parse().unwrap_or(0.0);
    if mantissa == 0.0 {
        return 0.0;
    }
    let scale = value / mantissa;
    0.5 * scale / 10f64.powi(fraction.len() as i32)
}

/// How far apart two claims are, relative to their size, in [0, 1]: 0 when compatible.
pub fn severity(a: &Interval, b: &Interval) -> f64 {
    let gap = a.gap(b);
    if gap == 0.0 {
        return 0.0;
    }
    let scale = a.magnitude().abs().max(b.magnitude().abs()).max(1e-9);
    (gap / scale).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn q(
        value: f64,
        qualifier: Qualifier,
        low: Option<f64>,
        high: Option<f64>,
        surface: &str,
    ) -> Quantity {
        Quantity {
            value,
            qualifier,
            low,
            high,
            unit: None,
            surface: surface.into(),
        }
    }

    fn check(a: Quantity, b: Quantity, compatible: bool) {
        let (ia, ib) = (Interval::of(&a), Interval::of(&b));
        assert_eq!(
            ia.overlaps(&ib),
            compatible,
            "{} vs {}",
            a.surface,
            b.surface
        );
        assert_eq!(
            ib.overlaps(&ia),
            compatible,
            "symmetric: {} vs {}",
            b.surface,
            a.surface
        );
    }

    #[test]
    fn compatibility_table() {
        use Qualifier::*;
        check(
            q(48.0, Approx, Some(45.6), Some(50.4), "approximately 48"),
            q(50.0, Exact, Some(50.0), Some(50.0), "50"),
            true,
        );
        check(
            q(8.0, AtLeast, Some(8.0), None, "at least 8"),
            q(48.0, Exact, Some(48.0), Some(48.0), "48"),
            true,
        );
        check(
            q(50.0, FewerThan, None, Some(50.0), "fewer than 50"),
            q(50.0, AtLeast, Some(50.0), None, "at least 50"),
            false,
        );
        check(
            q(50.0, AtMost, None, Some(50.0), "at most 50"),
            q(50.0, AtLeast, Some(50.0), None, "at least 50"),
            true,
        );
        check(
            q(50.0, MoreThan, Some(50.0), None, "more than 50"),
            q(50.0, Exact, Some(50.0), Some(50.0), "50"),
            false,
        );
        check(
            q(
                1_080_000.0,
                Exact,
                Some(1_080_000.0),
                Some(1_080_000.0),
                "1.08 million",
            ),
            q(
                1_080_000.0,
                Exact,
                Some(1_080_000.0),
                Some(1_080_000.0),
                "1,080,000",
            ),
            true,
        );
        check(
            q(
                1_080_000.0,
                Exact,
                Some(1_080_000.0),
                Some(1_080_000.0),
                "1.08 million",
            ),
            q(
                1_083_000.0,
                Exact,
                Some(1_083_000.0),
                Some(1_083_000.0),
                "1,083,000",
            ),
            true,
        );
        check(
            q(
                1_080_000.0,
                Exact,
                Some(1_080_000.0),
                Some(1_080_000.0),
                "1.08 million",
            ),
            q(
                1_100_000.0,
                Exact,
                Some(1_100_000.0),
                Some(1_100_000.0),
                "1,100,000",
            ),
            false,
        );
        check(
            q(130.0, Exact, Some(130.0), Some(130.0), "130"),
            q(150.0, Exact, Some(150.0), Some(150.0), "150"),
            false,
        );
        check(
            q(30.0, AtMost, None, Some(30.0), "up to 30"),
            q(35.0, Exact, Some(35.0), Some(35.0), "35"),
            false,
        );
        check(
            q(17.5, Range, Some(15.0), Some(20.0), "between 15 and 20"),
            q(20.0, Exact, Some(20.0), Some(20.0), "20"),
            true,
        );
    }

    #[test]
    fn seed_parts_add_up_and_the_bad_version_does_not() {
        let held = Interval::closed(45.6, 50.4);
        let alive = Interval::closed(15.0, 25.0);
        let dead = Interval::of(&q(30.0, Qualifier::AtMost, None, Some(30.0), "up to 30"));
        assert!(alive.add(&dead).overlaps(&held));
        let parts = Interval::closed(20.0, 20.0).add(&Interval::closed(35.0, 35.0));
        assert!(!parts.overlaps(&Interval::closed(48.0, 48.0)));
    }

    #[test]
    fn severity_is_relative() {
        let s = severity(
            &Interval::closed(130.0, 130.0),
            &Interval::closed(150.0, 150.0),
        );
        assert!((s - 20.0 / 150.0).abs() < 1e-9, "{s}");
        assert_eq!(
            severity(&Interval::closed(1.0, 5.0), &Interval::closed(5.0, 9.0)),
            0.0
        );
    }

    fn interval() -> impl Strategy<Value = Interval> {
        (
            proptest::option::of(-1e6..1e6f64),
            proptest::option::of(0.0..1e6f64),
            any::<bool>(),
            any::<bool>(),
        )
            .prop_map(|(low, width, low_strict, high_strict)| Interval {
                low,
                high: match (low, width) {
                    (Some(l), Some(w)) => Some(l + w),
                    (None, Some(w)) => Some(w),
                    _ => None,
                },
                low_strict: low_strict && low.is_some(),
                high_strict: high_strict && width.is_some() && width != Some(0.0),
            })
    }

    proptest! {
        #[test]
        fn overlap_is_symmetric(a in interval(), b in interval()) {
            prop_assert_eq!(a.overlaps(&b), b.overlaps(&a));
            prop_assert_eq!(severity(&a, &b), severity(&b, &a));
        }

        #[test]
        fn an_interval_overlaps_itself(a in interval()) {
            let nonempty = match (a.low, a.high) {
                (Some(l), Some(h)) => l < h || (!a.low_strict && !a.high_strict),
                _ => true,
            };
            prop_assume!(nonempty);
            prop_assert!(a.overlaps(&a));
        }

        #[test]
        fn widening_never_creates_a_conflict(a in interval(), b in interval(), widen_low in 0.0..1e5f64, widen_high in 0.0..1e5f64) {
            let wider = Interval {
                low: a.low.map(|l| l - widen_low),
                high: a.high.map(|h| h + widen_high),
                ..a
            };
            prop_assert!(wider.covers(&a));
            if a.overlaps(&b) {
                prop_assert!(wider.overlaps(&b));
            }
            prop_assert!(severity(&wider, &b) <= severity(&a, &b) + 1e-9);
        }
    }
}
