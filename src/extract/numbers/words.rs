//! Numbers written in words ("two hundred and six", "a dozen", "half a million"), vague
//! plurals ("dozens", "tens of thousands") and fractions ("half of", "two-thirds of").

use super::{lookup, ulp_of_value, Core, Parser, UnitKind};
use crate::extract::lexicon::TIME_UNITS;
use crate::extract::tokens::Toks;

#[derive(Clone, Copy, PartialEq)]
pub(super) enum W {
    Unit(f64),
    Ten(f64),
    Hundred,
    Scale(f64),
    Dozen,
}

fn word_val(l: &str) -> Option<W> {
    Some(match l {
        "zero" => W::Unit(0.0),
        "one" => W::Unit(1.0),
        "two" => W::Unit(2.0),
        "three" => W::Unit(3.0),
        "four" => W::Unit(4.0),
        "five" => W::Unit(5.0),
        "six" => W::Unit(6.0),
        "seven" => W::Unit(7.0),
        "eight" => W::Unit(8.0),
        "nine" => W::Unit(9.0),
        "ten" => W::Unit(10.0),
        "eleven" => W::Unit(11.0),
        "twelve" => W::Unit(12.0),
        "thirteen" => W::Unit(13.0),
        "fourteen" => W::Unit(14.0),
        "fifteen" => W::Unit(15.0),
        "sixteen" => W::Unit(16.0),
        "seventeen" => W::Unit(17.0),
        "eighteen" => W::Unit(18.0),
        "nineteen" => W::Unit(19.0),
        "twenty" => W::Ten(20.0),
        "thirty" => W::Ten(30.0),
        "forty" => W::Ten(40.0),
        "fifty" => W::Ten(50.0),
        "sixty" => W::Ten(60.0),
        "seventy" => W::Ten(70.0),
        "eighty" => W::Ten(80.0),
        "ninety" => W::Ten(90.0),
        "hundred" => W::Hundred,
        "thousand" => W::Scale(1e3),
        "million" => W::Scale(1e6),
        "billion" => W::Scale(1e9),
        "trillion" => W::Scale(1e12),
        "dozen" => W::Dozen,
        _ => return None,
    })
}

pub(super) fn wv(tk: &Toks, i: usize) -> Option<W> {
    if !tk.is_word(i) {
        return None;
    }
    let mut b = [0u8; 24];
    word_val(tk.lower(i, &mut b))
}

impl Parser<'_, '_> {
    /// Number words: "eight", "twenty-two", "a hundred and two", "two dozen",
    /// "a couple (of) hundred", "half a million", "1.2 million"-style words after digits are
    /// handled in `digits`. Vague plurals: dozens, hundreds, thousands, tens of thousands.
    pub(super) fn words(&self, i: usize) -> Option<Core> {
        let tk = self.tk;
        let mut buf = [0u8; 24];
        let l = tk.lower(i, &mut buf);
        if l.is_empty() {
            return None;
        }
        // vague plurals
        let vague = |lo: f64, hi: f64, b: usize| {
            let mut c = self.mk(i, b, (lo + hi) / 2.0, 1.0, true, 1.0);
            c.vague = Some((lo, hi));
            Some(c)
        };
        match l {
            "dozens" => return vague(24.0, 99.0, i + 1),
            "hundreds" => {
                if tk.is(i + 1, "of") && tk.is(i + 2, "thousands") {
                    return vague(200_000.0, 999_999.0, i + 3);
                }
                return vague(200.0, 999.0, i + 1);
            }
            "thousands" => return vague(2000.0, 9999.0, i + 1),
            "tens" if tk.is(i + 1, "of") && tk.is(i + 2, "thousands") => {
                return vague(20_000.0, 99_999.0, i + 3)
            }
            "millions" => return vague(2e6, 9_999_999.0, i + 1),
            _ => {}
        }
        let mut j = i;
        let mut cur = 0.0f64;
        let mut total = 0.0f64;
        let mut any = false;
        if l == "half" && tk.is(i + 1, "a") {
            if let Some(w) = wv(tk, i + 2) {
                let s = match w {
                    W::Scale(s) => s,
                    W::Dozen => 12.0,
                    W::Hundred => 100.0,
                    _ => return None,
                };
                let v = s / 2.0;
                return Some(self.mk(i, i + 3, v, ulp_of_value(v), true, s));
            }
            return None;
        }
        if l == "a" || l == "an" {
            let mut k = i + 1;
            if tk.is(k, "couple") {
                k += 1;
                if tk.is(k, "of") {
                    k += 1;
                }
                match wv(tk, k) {
                    Some(W::Hundred) | Some(W::Scale(_)) | Some(W::Dozen) => {
                        cur = 2.0;
                        j = k;
                    }
                    _ => return None,
                }
            } else {
                match wv(tk, k) {
                    Some(W::Hundred) | Some(W::Scale(_)) | Some(W::Dozen) => {
                        cur = 1.0;
                        j = k;
                    }
                    _ => return None,
                }
            }
        }
        let mut last: Option<W> = None;
        loop {
            let Some(w) = wv(tk, j) else {
                // "and" inside: "a hundred and two"
                if tk.is(j, "and")
                    && matches!(last, Some(W::Hundred) | Some(W::Scale(_)))
                    && matches!(wv(tk, j + 1), Some(W::Unit(_)) | Some(W::Ten(_)))
                {
                    j += 1;
                    continue;
                }
                break;
            };
            match w {
                W::Unit(n) => {
                    if matches!(last, Some(W::Unit(_)))
                        || (matches!(last, Some(W::Ten(_))) && n >= 10.0)
                    {
                        break;
                    }
                    cur += n;
                    any = true;
                    j += 1;
                }
                W::Ten(n) => {
                    if matches!(last, Some(W::Unit(_)) | Some(W::Ten(_))) {
                        break;
                    }
                    cur += n;
                    any = true;
                    j += 1;
                    // twenty-two
                    if tk.punct(j, '-') && tk.adjacent(j) && tk.adjacent(j + 1) {
                        if let Some(W::Unit(u)) = wv(tk, j + 1) {
                            if u < 10.0 && u > 0.0 {
                                cur += u;
                                j += 2;
                                last = Some(W::Unit(u));
                                continue;
                            }
                        }
                    }
                }
                W::Hundred => {
                    if cur == 0.0 {
                        break;
                    }
                    cur *= 100.0;
                    any = true;
                    j += 1;
                }
                W::Dozen => {
                    if cur == 0.0 {
                        break;
                    }
                    cur *= 12.0;
                    any = true;
                    j += 1;
                }
                W::Scale(s) => {
                    if cur == 0.0 {
                        break;
                    }
                    total += cur * s;
                    cur = 0.0;
                    any = true;
                    j += 1;
                }
            }
            last = Some(w);
        }
        if !any {
            return None;
        }
        let v = total + cur;
        let single = j == i + 1;
        if single {
            // "one of the", "the one", "no one", "one another"; "two-state", "three-day"
            if v == 1.0 {
                let p = i.wrapping_sub(1);
                if tk.any(
                    j,
                    &[
                        "of", "another", "day", "time", "way", "side", "thing", "hand",
                    ],
                ) || tk.any(
                    p,
                    &[
                        "the", "no", "any", "every", "each", "this", "that", "which", "only",
                        "someone", "anyone", "everyone", "no-one",
                    ],
                ) || !tk.is_word(j)
                {
                    return Some(Core {
                        a: usize::MAX,
                        b: j,
                        ..self.mk(i, j, 0.0, 1.0, true, 1.0)
                    });
                }
            }
        }
        if tk.punct(j, '-') && tk.adjacent(j) && tk.is_word(j + 1) && tk.adjacent(j + 1) {
            let w = tk.s(j + 1);
            if tk.punct(j + 2, '-') && tk.is(j + 3, "old") {
                return Some(Core {
                    a: usize::MAX,
                    b: j + 4,
                    ..self.mk(i, j, v, 1.0, true, 1.0)
                });
            }
            if let Some(u) = lookup(TIME_UNITS, w) {
                let mut c = self.mk(i, j + 2, v, ulp_of_value(v), true, 1.0);
                c.unit = Some(u);
                c.kind = UnitKind::Time;
                return Some(c);
            }
            if tk.is(j + 1, "strong") {
                return Some(self.mk(i, j + 2, v, ulp_of_value(v), true, 1.0));
            }
            if !tk.is(j + 1, "plus") {
                return Some(Core {
                    a: usize::MAX,
                    b: j + 2,
                    ..self.mk(i, j, v, 1.0, true, 1.0)
                });
            }
        }
        Some(self.mk(i, j, v, ulp_of_value(v), true, 1.0))
    }
}
