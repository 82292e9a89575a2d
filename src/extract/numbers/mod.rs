//! Numbers in text: digits with separators (language aware), spaced thousands, number
//! words, scales, currencies, percentages, ranges, vague plurals, hedges; and the filters
//! that drop what is not a quantity (years, dates, times, ages, ordinals, phone numbers,
//! fiscal years, labels such as "Article 51" or "COVID-19").

use super::classes as class;
use super::hedges::{interval, post_hedge, pre_hedge};
use super::lexicon::*;
use super::tokens::{Tk, Toks};
use crate::model::{Qualifier, Quantity};

mod fractions;
pub(super) use fractions::{FRACTION_STARTS, HALF_OF, HALVE};
mod words;
use words::wv;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitKind {
    None,
    Percent,
    Money,
    Time,
    Measure,
}

#[derive(Debug, Clone)]
pub struct NumHit {
    /// Byte span of the surface (hedge included).
    pub start: usize,
    pub end: usize,
    /// Token range [tok_a, tok_b) of the surface.
    pub tok_a: usize,
    pub tok_b: usize,
    pub q: Quantity,
    pub unit_kind: UnitKind,
}

#[derive(Debug, Clone)]
struct Core {
    a: usize,
    b: usize,
    value: f64,
    ulp: f64,
    words: bool,
    /// Plain digits without separators, scale or unit (year/label candidates).
    plain: bool,
    scale: f64,
    unit: Option<&'static str>,
    kind: UnitKind,
    vague: Option<(f64, f64)>,
}

impl Core {
    /// Tokens up to `b` to skip: no number starts there.
    fn rejected(b: usize) -> Core {
        Core {
            a: usize::MAX,
            b,
            value: 0.0,
            ulp: 1.0,
            words: false,
            plain: false,
            scale: 1.0,
            unit: None,
            kind: UnitKind::None,
            vague: None,
        }
    }
}

pub fn is_month(tk: &Toks, i: usize) -> bool {
    tk.capitalized(i) && MONTHS.iter().any(|m| tk.s(i) == *m)
}

fn lookup(list: &[(&str, &'static str)], s: &str) -> Option<&'static str> {
    list.iter()
        .find(|(w, _)| s.eq_ignore_ascii_case(w))
        .map(|(_, u)| *u)
}

/// Token `i` names a unit of time ("days", "week").
fn lookup_time(tk: &Toks, i: usize) -> bool {
    tk.is_word(i) && lookup(TIME_UNITS, tk.s(i)).is_some()
}

fn currency_symbol(s: &str) -> Option<&'static str> {
    Some(match s {
        "$" => "USD",
        "€" => "EUR",
        "£" => "GBP",
        "¥" => "JPY",
        "₹" => "INR",
        _ => return None,
    })
}

fn currency_word(s: &str) -> Option<&'static str> {
    Some(match s {
        "USD" => "USD",
        "EUR" => "EUR",
        "GBP" => "GBP",
        "dollars" | "dollar" => "USD",
        "euros" | "euro" => "EUR",
        "shekels" => "ILS",
        "yen" => "JPY",
        "pounds sterling" => "GBP",
        _ => return None,
    })
}

fn scale_word(s: &str) -> Option<f64> {
    let mut b = [0u8; 24];
    let l = lower_str(s, &mut b);
    Some(match l {
        "hundred" => 100.0,
        "thousand" => 1e3,
        "million" | "millions" | "millionen" | "millones" | "milioni" | "miljoen" | "milhões" => {
            1e6
        }
        "billion" | "billions" | "milliarden" | "milliards" | "miliardi" | "mil millones" => 1e9,
        "trillion" => 1e12,
        "dozen" => 12.0,
        "bn" | "mn" | "mln" | "bln" => {
            if l == "bn" || l == "bln" {
                1e9
            } else {
                1e6
            }
        }
        _ => return None,
    })
}

fn scale_suffix(s: &str) -> Option<f64> {
    Some(match s {
        "k" | "K" => 1e3,
        "m" | "M" | "mn" | "mln" => 1e6,
        "bn" | "b" | "B" | "bln" | "billion" => 1e9,
        "million" => 1e6,
        "tn" | "trn" => 1e12,
        _ => return None,
    })
}

fn lower_str<'b>(s: &str, buf: &'b mut [u8; 24]) -> &'b str {
    let b = s.as_bytes();
    if b.len() > buf.len() || !b.is_ascii() {
        return "";
    }
    for (k, c) in b.iter().enumerate() {
        buf[k] = c.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..b.len()]).unwrap_or("")
}

/// Whether an ISO-ish language code writes decimals with a comma.
pub fn decimal_comma(lang: Option<&str>) -> bool {
    let Some(l) = lang else { return false };
    let l = l.trim();
    let p = l.get(..2).unwrap_or(l).to_ascii_lowercase();
    matches!(
        p.as_str(),
        "de" | "fr"
            | "es"
            | "it"
            | "nl"
            | "pt"
            | "pl"
            | "ru"
            | "sv"
            | "da"
            | "no"
            | "nb"
            | "fi"
            | "cs"
            | "sk"
            | "tr"
            | "id"
            | "ro"
            | "hu"
            | "el"
            | "uk"
            | "bg"
            | "hr"
            | "sl"
            | "sr"
            | "ca"
            | "lt"
            | "lv"
            | "et"
            | "vi"
    )
}

fn ulp_of_int_digits(d: &str) -> f64 {
    let tz = d.bytes().rev().take_while(|&b| b == b'0').count();
    if tz == d.len() {
        1.0
    } else {
        10f64.powi(tz as i32)
    }
}

/// Parse a digit token. Returns (value, ulp, has_separator, consumed_bytes).
fn parse_digits(s: &str, dec_comma: bool) -> Option<(f64, f64, bool, usize)> {
    let (thou, dec) = if dec_comma {
        (b'.', b',')
    } else {
        (b',', b'.')
    };
    let b = s.as_bytes();
    let n_dec = b.iter().filter(|&&c| c == dec).count();
    let n_thou = b.iter().filter(|&&c| c == thou).count();
    // integer part with thousands groups
    let mut int = String::with_capacity(b.len());
    let mut i = 0;
    let mut group_len = 0;
    let mut groups = 0;
    let mut first_len = 0;
    let mut valid = true;
    while i < b.len() && b[i] != dec {
        if b[i] == thou {
            if groups == 0 {
                first_len = group_len;
            } else if group_len != 3 {
                valid = false;
            }
            groups += 1;
            group_len = 0;
        } else {
            int.push(b[i] as char);
            group_len += 1;
        }
        i += 1;
    }
    if groups > 0 && (group_len != 3 || first_len == 0 || first_len > 3) {
        valid = false;
    }
    if !valid || n_dec > 1 {
        // "1,2": a list, or a decimal point in the other convention ("12.5" in a German text).
        if dec_comma && n_thou == 1 && n_dec == 0 {
            let v: f64 = s.parse().ok()?;
            let decs = s.len() - s.find('.').map(|p| p + 1).unwrap_or(s.len());
            return Some((v, 10f64.powi(-(decs as i32)), false, s.len()));
        }
        if n_dec > 1 {
            return None; // 20.05.2025 and the like
        }
        // take the first group only
        let first: usize = s.bytes().take_while(|c| c.is_ascii_digit()).count();
        let d = &s[..first];
        let v: f64 = d.parse().ok()?;
        return Some((v, ulp_of_int_digits(d), false, first));
    }
    let has_sep = groups > 0;
    if i < b.len() {
        // decimal part
        let frac = &s[i + 1..];
        if frac.is_empty() || !frac.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        let txt = format!("{int}.{frac}");
        let v: f64 = txt.parse().ok()?;
        return Some((v, 10f64.powi(-(frac.len() as i32)), has_sep, s.len()));
    }
    let v: f64 = int.parse().ok()?;
    Some((v, ulp_of_int_digits(&int), has_sep, s.len()))
}

fn is_space_sep(s: &str) -> bool {
    matches!(s, " " | "\u{a0}" | "\u{202f}" | "\u{2009}")
}

pub struct Parser<'t, 'a> {
    tk: &'t Toks<'a>,
    dec_comma: bool,
}

impl<'t, 'a> Parser<'t, 'a> {
    pub fn new(tk: &'t Toks<'a>, language: Option<&str>) -> Self {
        Parser {
            tk,
            dec_comma: decimal_comma(language),
        }
    }

    /// Every quantity in the token stream, in order.
    pub fn all(&self) -> Vec<NumHit> {
        let tk = self.tk;
        let mut out = Vec::new();
        let mut i = 0;
        while i < tk.len() {
            match self.at(i) {
                Step::Hits(hs, next) => {
                    out.extend(hs);
                    i = next.max(i + 1);
                }
                Step::Skip(next) => i = next.max(i + 1),
            }
        }
        out
    }

    fn at(&self, i: usize) -> Step {
        let tk = self.tk;
        let Some(c1) = self.core(i) else {
            return Step::Skip(i + 1);
        };
        if c1.a == usize::MAX {
            // rejected span
            return Step::Skip(c1.b);
        }
        if let Some(share) = self.ratio(&c1) {
            return match self.single(&share) {
                Some(h) => Step::Hits(vec![h], share.b),
                None => Step::Skip(share.b),
            };
        }
        // ranges: X-Y, X–Y, X to Y, between X and Y
        let between = tk.is(c1.a.wrapping_sub(1), "between")
            || (tk.is(c1.a.wrapping_sub(2), "between") && self.is_cur_sym(c1.a - 1));
        let j = c1.b;
        let mut second: Option<(Core, usize)> = None;
        let dash = tk.punct(j, '-') || tk.punct(j, '–') || tk.punct(j, '—');
        // "climbed 0.2 percentage points to 4.3%": a change, then the level it reached
        let change_in_points = tk.any(j.wrapping_sub(1), &["point", "points"]);
        let to = tk.is(j, "to") && !self.change_from(c1.a) && !change_in_points;
        if dash || to || (between && tk.is(j, "and")) {
            let mut k = j + 1;
            if self.is_cur_sym(k) {
                k += 1;
            }
            if let Some(c2) = self.core(k) {
                if c2.a != usize::MAX && c1.vague.is_none() && c2.vague.is_none() {
                    second = Some((c2, k));
                }
            }
        }
        if let Some((mut c2, _)) = second.clone() {
            let mut c1 = c1.clone();
            // fiscal years and year spans: 2012-13, 2019–2020
            if dash && c1.plain && c2.plain && (1800.0..=2100.0).contains(&c1.value) {
                let s2 = tk.s(c2.a).len();
                if s2 == 2 || s2 == 4 {
                    return Step::Skip(c2.b);
                }
            }
            // scale and unit shared ("1.2 to 1.5 million", "$2-3 billion", "20-24%")
            if c1.scale == 1.0 && c2.scale != 1.0 && !c1.words {
                c1.value *= c2.scale;
                c1.ulp *= c2.scale;
            }
            if c1.unit.is_none() {
                c1.unit = c2.unit;
                c1.kind = c2.kind;
            } else if c2.unit.is_none() {
                c2.unit = c1.unit;
                c2.kind = c1.kind;
            }
            if c1.value < c2.value {
                let start_tok = if between {
                    if tk.is(c1.a.wrapping_sub(1), "between") {
                        c1.a - 1
                    } else {
                        c1.a - 2
                    }
                } else {
                    c1.a
                };
                let mut a = start_tok;
                if !between {
                    // "from 20 to 24" keeps "from" out of the surface; a cur symbol stays in
                    a = c1.a;
                }
                let v = (c1.value + c2.value) / 2.0;
                let q = Quantity {
                    value: tidy(v),
                    qualifier: Qualifier::Range,
                    low: Some(c1.value),
                    high: Some(c2.value),
                    unit: c1.unit.or(c2.unit).map(str::to_string),
                    surface: String::new(),
                };
                let h = self.finish(a, c2.b, q, c1.kind.max_kind(c2.kind));
                return Step::Hits(vec![h], c2.b);
            }
            if dash && tk.adjacent(j) && tk.adjacent(j + 1) && !c1.words {
                // "5-3": a score or similar, not a quantity
                return Step::Skip(c2.b);
            }
        }
        // single number, maybe hedged
        let hit = self.single(&c1);
        match hit {
            Some(h) => {
                let n = h.tok_b;
                Step::Hits(vec![h], n)
            }
            None => Step::Skip(c1.b),
        }
    }

    fn is_cur_sym(&self, k: usize) -> bool {
        self.tk.kind(k) == Some(Tk::Punct) && currency_symbol(self.tk.s(k)).is_some()
    }

    /// "rose from 20 to 24": a change, not a range.
    fn change_from(&self, a: usize) -> bool {
        let tk = self.tk;
        let mut k = a;
        if k > 0 && self.is_cur_sym(k - 1) {
            k -= 1;
        }
        if !tk.is(k.wrapping_sub(1), "from") {
            return false;
        }
        for back in 2..=4 {
            let p = k.wrapping_sub(back);
            if tk.is_word(p) {
                let s = tk.s(p).to_ascii_lowercase();
                if s.starts_with("rose")
                    || s.starts_with("ris")
                    || s.starts_with("increas")
                    || s.starts_with("fell")
                    || s.starts_with("fall")
                    || s.starts_with("drop")
                    || s.starts_with("climb")
                    || s.starts_with("jump")
                    || s.starts_with("grew")
                    || s.starts_with("grow")
                    || s.starts_with("decl")
                    || s.starts_with("decreas")
                    || s.starts_with("revis")
                    || s.starts_with("rais")
                    || s.starts_with("lower")
                    || s.starts_with("up")
                    || s.starts_with("down")
                    || s.starts_with("soar")
                    || s.starts_with("surg")
                    || s.starts_with("swell")
                    || s.starts_with("doubl")
                {
                    return true;
                }
            }
        }
        false
    }

    fn single(&self, c: &Core) -> Option<NumHit> {
        let tk = self.tk;
        let mut b = c.b;
        let mut q = Qualifier::Exact;
        let mut nearly = false;
        let mut a = c.a;
        if let Some((s, hq, n)) = pre_hedge(tk, c.a) {
            q = hq;
            nearly = n;
            a = s;
        }
        if let Some((nb, hq)) = post_hedge(tk, c.b) {
            if q == Qualifier::Exact {
                q = hq;
            }
            b = nb;
        }
        let quantity = if let Some((lo, hi)) = c.vague {
            Quantity {
                value: tidy((lo + hi) / 2.0),
                qualifier: Qualifier::Range,
                low: Some(lo),
                high: Some(hi),
                unit: c.unit.map(str::to_string),
                surface: String::new(),
            }
        } else {
            let (lo, hi) = interval(q, c.value, c.ulp, nearly);
            Quantity {
                value: c.value,
                qualifier: q,
                low: lo,
                high: hi,
                unit: c.unit.map(str::to_string),
                surface: String::new(),
            }
        };
        Some(self.finish(a, b, quantity, c.kind))
    }

    fn finish(&self, a: usize, b: usize, mut q: Quantity, kind: UnitKind) -> NumHit {
        let tk = self.tk;
        let start = tk.t[a].start;
        let end = tk.t[b - 1].end;
        q.surface = tk.text[start..end].to_string();
        NumHit {
            start,
            end,
            tok_a: a,
            tok_b: b,
            q,
            unit_kind: kind,
        }
    }

    /// A number starting at token i (a currency symbol may come first). `None` when token
    /// i starts no number; a Core with `a == usize::MAX` marks tokens to skip (rejected).
    fn core(&self, i: usize) -> Option<Core> {
        let tk = self.tk;
        let reject = |b: usize| Some(Core::rejected(b));
        let mut a = i;
        let mut unit: Option<&'static str> = None;
        let mut kind = UnitKind::None;
        let mut n = i;
        // currency prefix: $, €, US$, A$, USD
        if tk.kind(i) == Some(Tk::Punct) {
            let cur = currency_symbol(tk.s(i))?;
            if !(tk.adjacent(i + 1) && (tk.is_num(i + 1) || wv(tk, i + 1).is_some())) {
                return None;
            }
            unit = Some(cur);
            kind = UnitKind::Money;
            n = i + 1;
            if cur == "USD" && tk.is_word(i.wrapping_sub(1)) && tk.adjacent(i) {
                let p = tk.s(i - 1);
                match p {
                    "US" => a = i - 1,
                    "A" | "AU" => {
                        a = i - 1;
                        unit = Some("AUD")
                    }
                    "C" | "CA" => {
                        a = i - 1;
                        unit = Some("CAD")
                    }
                    "NZ" => {
                        a = i - 1;
                        unit = Some("NZD")
                    }
                    "HK" => {
                        a = i - 1;
                        unit = Some("HKD")
                    }
                    _ => {}
                }
            }
        } else if tk.is_word(i) && matches!(tk.s(i), "USD" | "EUR" | "GBP") && tk.is_num(i + 1) {
            unit = currency_word(tk.s(i));
            kind = UnitKind::Money;
            n = i + 1;
        }
        if n == i && tk.is_word(n) {
            if let Some(share) = self.fraction(n) {
                return Some(share);
            }
        }
        let mut c = if tk.is_num(n) {
            match self.digits(n) {
                Some(c) => c,
                None => return reject(self.skip_num_chain(n)),
            }
        } else if tk.is_word(n) {
            let c = self.words(n)?;
            if c.a == usize::MAX {
                return Some(c);
            }
            c
        } else {
            return None;
        };
        if c.a == usize::MAX {
            return Some(c);
        }
        c.a = a;
        if unit.is_some() {
            c.unit = unit;
            c.kind = kind;
            c.plain = false;
        }
        // units after the number
        let j = c.b;
        if c.unit.is_none() {
            if tk.punct(j, '%') {
                c.unit = Some("percent");
                c.kind = UnitKind::Percent;
                c.b = j + 1;
            } else if tk.any(
                j,
                &[
                    "percent",
                    "pct",
                    "percentage",
                    "prozent",
                    "procent",
                    "por",
                    "pour",
                    "per",
                ],
            ) && (!tk.any(j, &["por", "pour", "per"])
                || tk.any(j + 1, &["cent", "ciento", "cento"]))
                && !(tk.is(j, "per") && tk.is(j + 1, "cent"))
            {
                c.unit = Some("percent");
                c.kind = UnitKind::Percent;
                c.b = j + 1;
                if tk.is(j, "percentage") && tk.any(j + 1, &["point", "points"]) {
                    // a change of a rate, in points of it
                    c.unit = Some("percentage points");
                    c.b = j + 2;
                } else if tk.any(j, &["por", "pour"]) {
                    c.b = j + 2;
                }
            } else if tk.is(j, "per") && tk.is(j + 1, "cent") {
                c.unit = Some("percent");
                c.kind = UnitKind::Percent;
                c.b = j + 2;
            } else if tk.is_word(j) && !tk.adjacent(j) {
                let w = tk.s(j);
                if let Some(cur) = currency_word(w) {
                    c.unit = Some(cur);
                    c.kind = UnitKind::Money;
                    c.b = j + 1;
                } else if tk.is(j, "US") && tk.is(j + 1, "dollars") {
                    c.unit = Some("USD");
                    c.kind = UnitKind::Money;
                    c.b = j + 2;
                } else if let Some(u) = lookup(TIME_UNITS, w) {
                    // "34 years old" / "aged 34" are ages, not quantities
                    if tk.is(j + 1, "old") {
                        return reject(j + 2);
                    }
                    c.unit = Some(u);
                    c.kind = UnitKind::Time;
                    c.b = j + 1;
                } else if let Some(u) = lookup(MEASURES, w) {
                    c.unit = Some(u);
                    c.kind = UnitKind::Measure;
                    c.b = j + 1;
                }
            }
        }
        if c.unit.is_some() {
            c.plain = false;
        }
        // labels and dates before the number
        if !c.words && c.plain && c.a == n {
            let p = n.wrapping_sub(1);
            if tk.has(p, class::LABEL_PREV) {
                return reject(self.skip_dash_num(c.b));
            }
            if tk.punct(p, '#') || (tk.punct(p, '.') && tk.is(p.wrapping_sub(1), "no")) {
                return reject(c.b);
            }
            let near_month =
                is_month(tk, p) || is_month(tk, c.b) || (tk.is(c.b, "of") && is_month(tk, c.b + 1));
            if near_month && (1.0..=31.0).contains(&c.value) {
                return reject(c.b);
            }
            let counted = tk.has(c.b, class::COUNT_NOUNS);
            if tk.capitalized(p)
                && !tk.adjacent(n)
                && !tk.has(p, class::CAP_OK)
                && !is_month(tk, p)
                && !counted
                && !crate::extract::frame::change_in_brackets_after(tk, c.b)
            {
                return reject(self.skip_dash_num(c.b));
            }
            // years
            let len = tk.s(n).len();
            if len == 4 && (1800.0..=2100.0).contains(&c.value) && c.scale == 1.0 {
                let next_is_noun = tk.is_word(c.b)
                    && !tk.capitalized(c.b)
                    && !tk.has(c.b, class::FUNCTION)
                    && lookup(TIME_UNITS, tk.s(c.b)).is_none();
                let prev_year = tk.any(p, YEAR_PREV)
                    || is_month(tk, p)
                    || (tk.punct(p, ',') && tk.is_num(p.wrapping_sub(1)));
                let counted_not_dated = counted && !tk.any(p, YEAR_ONLY_PREV) && !is_month(tk, p);
                if (!next_is_noun || prev_year) && !counted_not_dated {
                    return reject(self.skip_dash_num(c.b));
                }
            }
        }
        // "aged 34" / "age 34" for word numbers
        if tk.is(c.a.wrapping_sub(1), "aged") {
            return reject(c.b);
        }
        Some(c)
    }

    /// After a rejected number, also skip "-13" / "–2020" (fiscal years, year spans).
    fn skip_dash_num(&self, b: usize) -> usize {
        let tk = self.tk;
        if (tk.punct(b, '-') || tk.punct(b, '–') || tk.punct(b, '/'))
            && tk.adjacent(b)
            && tk.is_num(b + 1)
            && tk.adjacent(b + 1)
        {
            return b + 2;
        }
        b
    }

    /// Digit groups separated by single spaces ("+44 20 7946 0958"): a phone number.
    fn spaced_chain(&self, n: usize) -> Option<usize> {
        let tk = self.tk;
        let mut k = n;
        let mut groups = 0;
        while tk.is_num(k) && (k == n || tk.text[tk.t[k - 1].end..tk.t[k].start] == *" ") {
            groups += 1;
            k += 1;
        }
        if groups >= 2 {
            Some(k)
        } else {
            None
        }
    }

    /// Skip a run of digit groups joined by punctuation (dates, phone numbers).
    fn skip_num_chain(&self, n: usize) -> usize {
        let tk = self.tk;
        let mut k = n + 1;
        while k < tk.len() {
            let num = tk.is_num(k) && (tk.adjacent(k) || tk.punct(k - 1, ')'));
            let sep = tk.kind(k) == Some(Tk::Punct)
                && matches!(tk.s(k), "-" | "/" | "." | "(" | ")" | ":")
                && tk.adjacent(k)
                && tk.is_num(k + 1);
            if num || sep {
                k += 1;
            } else {
                break;
            }
        }
        k
    }

    fn digits(&self, n: usize) -> Option<Core> {
        let tk = self.tk;
        let rej = Core::rejected;
        let s = tk.s(n);
        // glued to letters before: G7, FY2024, MH17; or "COVID-19"
        if tk.adjacent(n) {
            let p = n - 1;
            if tk.is_word(p) {
                return Some(rej(n + 1));
            }
            if (tk.punct(p, '-') || tk.punct(p, '–'))
                && tk.is_word(p.wrapping_sub(1))
                && tk.adjacent(p)
            {
                return Some(rej(n + 1));
            }
            if let Some(k) = self.spaced_chain(n) {
                if tk.punct(p, '+') || tk.punct(p, '(') {
                    return Some(rej(k));
                }
            }
            let paren_phone = tk.punct(p, '(') && tk.punct(n + 1, ')') && tk.is_num(n + 2);
            // "Labour 410 (+210)": a gain in a results row; "(+44) 20 7946 0958" dials on
            let bracketed_gain = crate::extract::frame::signed_in_brackets(tk, n, n + 1)
                == Some(true)
                && !tk.is_num(n + 2);
            if (tk.punct(p, '+') && !bracketed_gain)
                || paren_phone
                || tk.punct(p, '/')
                || tk.punct(p, '.')
            {
                return Some(rej(self.skip_num_chain(n)));
            }
            if tk.punct(p, ':') && tk.is_num(p.wrapping_sub(1)) {
                return Some(rej(n + 1));
            }
        }
        // phone numbers and dates: 555-0134, 2025-05-20, 20/05/2025, 10:30
        let nx = n + 1;
        if tk.adjacent(nx)
            && tk.kind(nx) == Some(Tk::Punct)
            && matches!(tk.s(nx), ":" | "/")
            && tk.is_num(nx + 1)
            && tk.adjacent(nx + 1)
        {
            return Some(rej(self.skip_num_chain(n)));
        }
        if tk.punct(nx, '-') && tk.adjacent(nx) && tk.is_num(nx + 1) && tk.adjacent(nx + 1) {
            let s2 = tk.s(nx + 1);
            let third = tk.punct(nx + 2, '-') && tk.adjacent(nx + 2) && tk.is_num(nx + 3);
            let phone = s.len() >= 3 && s2.len() >= 4 && !s2.contains(',') && !s.contains(',');
            let lead0 = s2.len() > 1 && s2.starts_with('0');
            if third || phone || lead0 {
                return Some(rej(self.skip_num_chain(n)));
            }
        }
        let (mut value, mut ulp, sep, used) = parse_digits(s, self.dec_comma)?;
        let mut b = n + 1;
        if used < s.len() {
            // a list like "1,2" — keep only the first number, skip the token
            return Some(self.mk(n, b, value, ulp, false, 1.0));
        }
        let mut plain = !sep && !s.contains('.') && !s.contains(',');
        // spaced thousands: 816 000, 1 200 000
        if plain && s.len() <= 3 {
            let mut k = b;
            let mut digits = s.to_string();
            while tk.is_num(k)
                && tk.s(k).len() == 3
                && tk.s(k).bytes().all(|c| c.is_ascii_digit())
                && is_space_sep(&tk.text[tk.t[k - 1].end..tk.t[k].start])
            {
                digits.push_str(tk.s(k));
                k += 1;
            }
            // "17, 000": a thousands comma followed by a stray space
            while k == b
                && tk.punct(k, ',')
                && tk.adjacent(k)
                && tk.s(k + 1) == "000"
                && is_space_sep(&tk.text[tk.t[k].end..tk.t[k + 1].start])
            {
                digits.push_str("000");
                k += 2;
            }
            if k > b {
                value = digits.parse().unwrap_or(value);
                ulp = ulp_of_int_digits(&digits);
                b = k;
                plain = false;
            }
        }
        if plain && tk.is_num(b) && tk.text[tk.t[b - 1].end..tk.t[b].start] == *" " {
            if let Some(k) = self.spaced_chain(n) {
                return Some(rej(k));
            }
        }
        let mut scale = 1.0;
        // attached suffix: 4.2M, 2bn, 10k, 3rd, 1990s, 10am, 5km
        if tk.is_word(b) && tk.adjacent(b) {
            let w = tk.s(b);
            if let Some(sc) = scale_suffix(w) {
                scale = sc;
                b += 1;
            } else if matches!(
                w.to_ascii_lowercase().as_str(),
                "st" | "nd" | "rd" | "th" | "s" | "am" | "pm" | "x" | "h" | "gmt"
            ) {
                return Some(rej(b + 1));
            } else if let Some(u) = lookup(MEASURES, w) {
                let mut c = self.mk(n, b + 1, value, ulp, false, scale);
                c.unit = Some(u);
                c.kind = UnitKind::Measure;
                return Some(c);
            } else {
                return Some(rej(b + 1));
            }
        } else if tk.is_word(b) {
            if let Some(sc) = scale_word(tk.s(b)) {
                scale = sc;
                b += 1;
                // "2.5 million" and "two hundred thousand"-style stacking
                if sc == 100.0 {
                    if let Some(sc2) = scale_word(tk.s(b)) {
                        if sc2 >= 1e3 {
                            scale *= sc2;
                            b += 1;
                        }
                    }
                }
            } else if tk.s(b).eq_ignore_ascii_case("a") && tk.is(b + 1, "m") {
                return Some(rej(b + 2)); // 10 a.m.
            } else if (tk.is(b, "a") || tk.is(b, "p")) && tk.punct(b + 1, '.') && tk.is(b + 2, "m")
            {
                return Some(rej(b + 3));
            } else if tk.is(b, "o") && tk.punct(b + 1, '\'') {
                return Some(rej(b + 2));
            } else if tk.any(
                b,
                &["GMT", "UTC", "BST", "CET", "EST", "EDT", "PST", "am", "pm"],
            ) {
                return Some(rej(b + 1));
            }
        }
        // hyphenated: 34-year-old, 48-hour, 5,000-strong, 12-member
        if tk.punct(b, '-') && tk.adjacent(b) && tk.is_word(b + 1) && tk.adjacent(b + 1) {
            let w = tk.s(b + 1);
            if tk.is(b + 1, "plus") {
                // post hedge handles it
            } else if tk.punct(b + 2, '-') && tk.is(b + 3, "old") {
                return Some(rej(b + 4));
            } else if let Some(u) = lookup(TIME_UNITS, w) {
                let mut c = self.mk(n, b + 2, value * scale, ulp * scale, false, scale);
                c.unit = Some(u);
                c.kind = UnitKind::Time;
                return Some(c);
            } else if tk.is(b + 1, "strong") {
                let c = self.mk(n, b + 2, value * scale, ulp * scale, false, scale);
                return Some(c);
            } else if lookup(MEASURES, w).is_some() {
                let mut c = self.mk(n, b + 2, value * scale, ulp * scale, false, scale);
                c.unit = lookup(MEASURES, w);
                c.kind = UnitKind::Measure;
                return Some(c);
            } else {
                return Some(rej(b + 2));
            }
        }
        let mut c = self.mk(n, b, value * scale, ulp * scale, false, scale);
        c.plain = plain && scale == 1.0;
        Some(c)
    }

    fn mk(&self, a: usize, b: usize, value: f64, ulp: f64, words: bool, scale: f64) -> Core {
        Core {
            a,
            b,
            value: tidy(value),
            ulp,
            words,
            plain: false,
            scale,
            unit: None,
            kind: UnitKind::None,
            vague: None,
        }
    }
}

enum Step {
    Hits(Vec<NumHit>, usize),
    Skip(usize),
}

impl UnitKind {
    fn max_kind(self, o: UnitKind) -> UnitKind {
        if self == UnitKind::None {
            o
        } else {
            self
        }
    }
}

fn ulp_of_value(v: f64) -> f64 {
    if v <= 0.0 || v.fract() != 0.0 || v > 1e15 {
        return 1.0;
    }
    let mut u = 1.0;
    let mut x = v as u64;
    while x > 0 && x.is_multiple_of(10) {
        x /= 10;
        u *= 10.0;
    }
    u
}

fn tidy(x: f64) -> f64 {
    if x.abs() < 1e12 {
        (x * 1e6).round() / 1e6
    } else {
        x
    }
}

/// The quantities in a text with their byte ranges.
pub fn parse(text: &str, language: Option<&str>) -> Vec<(std::ops::Range<usize>, Quantity)> {
    let tk = Toks::new(text);
    Parser::new(&tk, language)
        .all()
        .into_iter()
        .map(|h| (h.start..h.end, h.q))
        .collect()
}
