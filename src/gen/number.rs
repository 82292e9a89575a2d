//! Numbers as outlets write them: digits with thousands separators or words, and hedges
//! turned into the intervals of CONVENTIONS.md.

use super::rng::Rng;

const SMALL: [&str; 21] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];
const TENS: [&str; 10] = [
    "", "ten", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];
pub const ORDINALS: [&str; 12] = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth",
];

/// "1,200", "12,391", "48".
pub fn digits(v: u64) -> String {
    let raw = v.to_string();
    let mut out = String::with_capacity(raw.len() + raw.len() / 3);
    for (i, c) in raw.chars().enumerate() {
        if i > 0 && (raw.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Words for numbers that are commonly spelled out, if any.
pub fn words(v: u64) -> Option<&'static str> {
    match v {
        0..=20 => Some(SMALL[v as usize]),
        24 => Some("two dozen"),
        36 => Some("three dozen"),
        30..=90 if v.is_multiple_of(10) => Some(TENS[(v / 10) as usize]),
        _ => None,
    }
}

fn pow10(n: u32) -> u64 {
    10u64.pow(n)
}

/// Unit an outlet rounds to: 1 below 20, 10 below 1,000 (two significant digits above 100).
fn round_unit(v: u64) -> u64 {
    if v < 20 {
        1
    } else if v < 100 {
        10
    } else {
        let d = v.to_string().len() as u32;
        pow10(d - 2)
    }
}

/// The unit of the last significant digit as written: 48 → 1, 50 → 10, 1,200 → 100.
fn written_unit(v: u64) -> u64 {
    if v == 0 {
        return 1;
    }
    let mut u = 1;
    while v.is_multiple_of(u * 10) {
        u *= 10;
    }
    u
}

fn floor_to(v: u64, u: u64) -> u64 {
    v / u * u
}

fn ceil_to(v: u64, u: u64) -> u64 {
    v.div_ceil(u) * u
}

/// A number as stated in a sentence, with its qualifier and interval.
#[derive(Clone, Debug)]
pub struct Stated {
    /// Text as written, without "of" for vague plurals: "about 1,200", "dozens".
    pub surface: String,
    pub value: f64,
    pub qualifier: &'static str,
    pub low: Option<f64>,
    pub high: Option<f64>,
    /// A vague plural ("dozens"): needs "of" before a noun.
    pub vague: bool,
    /// Can stand alone after "rose to" / "put the figure at".
    pub standalone: bool,
}

impl Stated {
    /// The phrase before a counted noun: "dozens of", "about 1,200".
    pub fn before_noun(&self) -> String {
        if self.vague {
            format!("{} of", self.surface)
        } else {
            self.surface.clone()
        }
    }

    #[cfg(test)]
    pub fn contains(&self, x: u64) -> bool {
        let x = x as f64;
        self.low.is_none_or(|l| x >= l) && self.high.is_none_or(|h| x <= h)
    }
}

/// How an outlet states numbers.
#[derive(Clone, Copy, Debug)]
pub struct Habits {
    pub round_p: f64,
    pub hedge_p: f64,
    pub words_p: f64,
}

fn num_text(v: u64, habits: &Habits, rng: &mut Rng) -> String {
    match words(v) {
        Some(w) if rng.chance(habits.words_p) => w.to_string(),
        _ => digits(v),
    }
}

fn exact(v: u64, habits: &Habits, rng: &mut Rng) -> Stated {
    Stated {
        surface: num_text(v, habits, rng),
        value: v as f64,
        qualifier: "exact",
        low: Some(v as f64),
        high: Some(v as f64),
        vague: false,
        standalone: true,
    }
}

/// Approx interval in hundredths, exact decimal arithmetic: t = max(u/2, 0.05 v).
fn approx_bounds(v: u64) -> (f64, f64) {
    let t = (written_unit(v) * 50).max(v * 5);
    let c = v * 100;
    (c.saturating_sub(t) as f64 / 100.0, (c + t) as f64 / 100.0)
}

fn approx(base: u64, habits: &Habits, rng: &mut Rng) -> Stated {
    let u = round_unit(base);
    let roll = rng.below(20);
    if roll >= 16 {
        // nearly / almost: v at or above the figure, interval [v − t, v]
        let v = ceil_to(base, u);
        let (lo, _) = approx_bounds(v);
        if v > base && (base as f64) >= lo {
            let cue = if roll.is_multiple_of(2) {
                "nearly"
            } else {
                "almost"
            };
            return Stated {
                surface: format!("{cue} {}", num_text(v, habits, rng)),
                value: v as f64,
                qualifier: "approx",
                low: Some(lo),
                high: Some(v as f64),
                vague: false,
                standalone: true,
            };
        }
    }
    let v = ((base + u / 2) / u * u).max(1);
    let cue = *rng.pick(&[
        "about",
        "about",
        "around",
        "roughly",
        "approximately",
        "some",
        "an estimated",
        "close to",
    ]);
    let (lo, hi) = approx_bounds(v);
    Stated {
        surface: format!("{cue} {}", num_text(v, habits, rng)),
        value: v as f64,
        qualifier: "approx",
        low: Some(lo),
        high: Some(hi),
        vague: false,
        standalone: true,
    }
}

fn vague(base: u64) -> Option<Stated> {
    let (word, lo, hi) = match base {
        24..=99 => ("dozens", 24, 99),
        200..=999 => ("hundreds", 200, 999),
        2000..=9999 => ("thousands", 2000, 9999),
        20_000..=99_999 => ("tens of thousands", 20_000, 99_999),
        _ => return None,
    };
    Some(Stated {
        surface: word.to_string(),
        value: (lo + hi) as f64 / 2.0,
        qualifier: "range",
        low: Some(lo as f64),
        high: Some(hi as f64),
        vague: true,
        standalone: false,
    })
}

fn bound(
    v: u64,
    cue: &str,
    qualifier: &'static str,
    lower: bool,
    habits: &Habits,
    rng: &mut Rng,
) -> Stated {
    let standalone = lower;
    Stated {
        surface: format!("{cue} {}", num_text(v, habits, rng)),
        value: v as f64,
        qualifier,
        low: if lower { Some(v as f64) } else { None },
        high: if lower { None } else { Some(v as f64) },
        vague: false,
        standalone,
    }
}

fn hedge(base: u64, habits: &Habits, rng: &mut Rng) -> Stated {
    let u = round_unit(base);
    match rng.below(100) {
        0..=24 => {
            let v = if rng.chance(0.5) || floor_to(base, u) == 0 {
                base
            } else {
                floor_to(base, u)
            };
            let cue = *rng.pick(&["at least", "at least", "no fewer than", "a minimum of"]);
            bound(v, cue, "at_least", true, habits, rng)
        }
        25..=49 => {
            let mut v = floor_to(base, u);
            if v == base {
                v = base.saturating_sub(u);
            }
            if v == 0 {
                return bound(base, "at least", "at_least", true, habits, rng);
            }
            let cue = *rng.pick(&[
                "more than",
                "more than",
                "over",
                "upwards of",
                "in excess of",
            ]);
            bound(v, cue, "more_than", true, habits, rng)
        }
        50..=61 => {
            let v = ceil_to(base, u);
            let cue = *rng.pick(&["up to", "up to", "as many as", "no more than", "at most"]);
            bound(v, cue, "at_most", false, habits, rng)
        }
        62..=69 => {
            let mut v = ceil_to(base, u);
            if v == base {
                v += u;
            }
            let cue = *rng.pick(&["fewer than", "less than", "under"]);
            bound(v, cue, "fewer_than", false, habits, rng)
        }
        70..=84 if base >= 8 => {
            let x = floor_to(base * 85 / 100, u).max(1);
            let y = ceil_to(base * 115 / 100 + 1, u);
            let surface = if rng.chance(0.75) {
                format!("between {} and {}", digits(x), digits(y))
            } else {
                format!("{} to {}", digits(x), digits(y))
            };
            Stated {
                surface,
                value: (x + y) as f64 / 2.0,
                qualifier: "range",
                low: Some(x as f64),
                high: Some(y as f64),
                vague: false,
                standalone: true,
            }
        }
        _ => match vague(base) {
            Some(s) => s,
            None => bound(base, "at least", "at_least", true, habits, rng),
        },
    }
}

/// State `base` the way an outlet with `habits` would; the interval always contains `base`.
pub fn state(base: u64, habits: &Habits, rng: &mut Rng) -> Stated {
    let r = rng.unit();
    if base == 0 {
        return exact(0, habits, rng);
    }
    if r < habits.round_p {
        approx(base, habits, rng)
    } else if r < habits.round_p + habits.hedge_p {
        hedge(base, habits, rng)
    } else {
        exact(base, habits, rng)
    }
}

/// An exact statement (for back-references such as "up from 23 a day earlier").
pub fn state_exact(v: u64, habits: &Habits, rng: &mut Rng) -> Stated {
    exact(v, habits, rng)
}

/// A figure off by 5–40% (never equal to `base`, never below 1).
pub fn perturb(base: u64, rng: &mut Rng) -> u64 {
    let e = rng.uniform(0.05, 0.40);
    let f = if rng.chance(0.5) { 1.0 + e } else { 1.0 - e };
    let v = ((base as f64) * f + 0.5) as u64;
    let v = v.max(1);
    if v != base {
        v
    } else if f > 1.0 || base <= 1 {
        base + 1
    } else {
        base - 1
    }
}

/// A wrong figure keeps the precision of the figure it replaces (a round 220,000 becomes a
/// round 290,000, not 293,776), and stays different from it.
pub fn round_like(wrong: u64, right: u64) -> u64 {
    let u = written_unit(right).min(round_unit(wrong)).max(1);
    let v = ((wrong + u / 2) / u * u).max(u);
    if v != right {
        v
    } else if wrong > right {
        v + u
    } else {
        v.saturating_sub(u).max(1)
    }
}

/// Round to two significant digits (claimants such as organisers announce round figures).
pub fn round2(v: u64) -> u64 {
    if v < 100 {
        return v;
    }
    let u = round_unit(v);
    (v + u / 2) / u * u
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_and_intervals() {
        assert_eq!(digits(1200), "1,200");
        assert_eq!(digits(12_391), "12,391");
        assert_eq!(digits(999), "999");
        assert_eq!(digits(1_000_000), "1,000,000");
        assert_eq!(approx_bounds(48), (45.6, 50.4));
        assert_eq!(approx_bounds(50), (45.0, 55.0));
        assert_eq!(approx_bounds(20), (15.0, 25.0));
        assert_eq!(approx_bounds(1000), (500.0, 1500.0));
        assert_eq!(approx_bounds(1200), (1140.0, 1260.0));
    }

    #[test]
    fn stated_interval_contains_base() {
        let habits = Habits {
            round_p: 0.4,
            hedge_p: 0.4,
            words_p: 0.5,
        };
        let mut rng = Rng::derive(7, &[]);
        for base in (1..3000).chain([12_391, 48_000, 150_000, 523_456]) {
            for _ in 0..8 {
                let s = state(base, &habits, &mut rng);
                assert!(s.contains(base), "{base} {s:?}");
            }
            assert_ne!(perturb(base, &mut rng), base);
        }
    }
}
