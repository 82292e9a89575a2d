//! `as_of`: the date a sentence's quantities refer to, from explicit dates ("on May 19",
//! "19 May 2025", "2025-05-19") and day words ("on Thursday", "yesterday", "today")
//! relative to the article date. Nothing stated → `None` (we do not default to the
//! article date: a bare number may describe any moment).

use super::classes as class;
use super::lexicon::MONTHS;
use super::numbers::is_month;
use super::tokens::Toks;

/// Days since 1970-01-01 of a `YYYY-MM-DD` date (a longer timestamp is cut).
pub use crate::dates::parse_iso;

pub fn fmt(days: i64) -> String {
    crate::dates::iso(days).unwrap_or_default()
}

/// The number of a month's name ("July" is 7), full or abbreviated.
fn month_num(s: &str) -> Option<u32> {
    let l = s.to_ascii_lowercase();
    let p = l.get(..3)?;
    Some(match p {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    })
}

const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// 0 = Monday.
fn weekday(days: i64) -> i64 {
    (days + 3).rem_euclid(7) // 1970-01-01 was a Thursday
}

fn small_int(tk: &Toks, i: usize) -> Option<u32> {
    if !tk.is_num(i) {
        return None;
    }
    let s = tk.s(i);
    if s.len() > 2 {
        return None;
    }
    s.parse().ok()
}

fn year_at(tk: &Toks, i: usize) -> Option<i64> {
    if !tk.is_num(i) || tk.s(i).len() != 4 {
        return None;
    }
    let y: i64 = tk.s(i).parse().ok()?;
    (1900..=2100).contains(&y).then_some(y)
}

/// The year a figure (its tokens, `figure`, within the sentence's tokens `sentence`)
/// belongs to when its phrase, the tokens between the commas around it, names one: "the
/// 61 killed by a 1960 tsunami", "last year's hajj saw over 200 deaths", "up 211 on
/// 2019". A year the figure is measured against ("the highest since 2021") or heads for
/// ("by 2030") is not its year. Matching sets a figure apart when its year is not its
/// story's.
pub fn era(
    tk: &Toks,
    sentence: std::ops::Range<usize>,
    figure: std::ops::Range<usize>,
    article_date: Option<&str>,
) -> Option<i64> {
    let article = article_date
        .and_then(parse_iso)
        .and_then(crate::dates::civil);
    match named_year(tk, sentence, figure)? {
        NamedYear::Year(year) => Some(year),
        NamedYear::LastYear => article.map(|(year, _, _)| year - 1),
        // "last July" in a January article is the year before's
        NamedYear::LastMonth(month) => {
            article.map(|(year, m, _)| if month >= m { year - 1 } else { year })
        }
        // "added 114,000 jobs last month" said in January: December of the year before
        NamedYear::PreviousMonth => {
            article.map(|(year, m, _)| if m == 1 { year - 1 } else { year })
        }
    }
}

/// How many years before its article the figure's phrase puts it ("last year's hajj"), for
/// an undated article, whose year [`era`] cannot name.
pub fn years_back(
    tk: &Toks,
    sentence: std::ops::Range<usize>,
    figure: std::ops::Range<usize>,
    article_date: Option<&str>,
) -> Option<i64> {
    if article_date.and_then(parse_iso).is_some() {
        return None;
    }
    matches!(named_year(tk, sentence, figure)?, NamedYear::LastYear).then_some(1)
}

/// Whether tokens `[from, to)` are only a place's name ("California" in "Paradise,
/// California, fire").
fn place_aside(tk: &Toks, from: usize, to: usize) -> bool {
    (1..=3).contains(&(to - from))
        && (from..to).all(|k| tk.is_word(k) && tk.capitalized(k))
        && crate::places::is_place(&super::subject::slug(tk.span_text(from, to - 1)))
}

/// The year a figure's phrase names, as written.
enum NamedYear {
    Year(i64),
    /// "last year", "a year earlier", "the previous year"
    LastYear,
    /// "last July": a month, numbered from 1
    LastMonth(u32),
    /// "last month": the month before the article's
    PreviousMonth,
}

/// The tokens of a figure's phrase, between the commas around it, nearest to the figure
/// first.
fn phrase_nearest(
    tk: &Toks,
    sentence: std::ops::Range<usize>,
    figure: std::ops::Range<usize>,
) -> impl Iterator<Item = usize> {
    let phrase_bound = |k: &usize| tk.punct(*k, ',') || tk.punct(*k, ';');
    // "the 2018 Paradise, California, fire (85)": a place set off by commas is inside
    // the phrase
    let mut from = sentence.start;
    let mut k = figure.start;
    while k > sentence.start {
        k -= 1;
        if !phrase_bound(&k) {
            continue;
        }
        let before = (sentence.start..k).rev().find(phrase_bound);
        match before {
            Some(open) if tk.punct(k, ',') && place_aside(tk, open + 1, k) => k = open,
            _ => {
                from = k + 1;
                break;
            }
        }
    }
    // "well below last year, which saw 212 deaths": a relative clause is about the
    // phrase before it
    if from > sentence.start && tk.any(from, &["which", "when"]) {
        from = (sentence.start..from - 1)
            .rev()
            .find(phrase_bound)
            .map_or(sentence.start, |k| k + 1);
    }
    let to = (figure.end..sentence.end)
        .find(phrase_bound)
        .unwrap_or(sentence.end);
    // the nearest year to the figure is its own: "a 1960 tsunami (61 dead) and the 2018
    // fire (85)"
    let to = to.min(tk.len());
    let reach = (figure.start - from.min(figure.start)).max(to.saturating_sub(figure.end));
    (1..=reach).flat_map(move |d| {
        let before = figure.start.checked_sub(d).filter(|&i| i >= from);
        let after = Some(figure.end + d - 1).filter(|&i| i < to);
        before.into_iter().chain(after)
    })
}

fn named_year(
    tk: &Toks,
    sentence: std::ops::Range<usize>,
    figure: std::ops::Range<usize>,
) -> Option<NamedYear> {
    for i in phrase_nearest(tk, sentence, figure) {
        if let Some(year) = year_at(tk, i) {
            let measured_against = tk.any(
                i.wrapping_sub(1),
                &["since", "until", "by", "before", "through", "till", "from"],
            ) || (is_month(tk, i.wrapping_sub(1))
                && tk.is(i.wrapping_sub(2), "since"));
            if !measured_against {
                return Some(NamedYear::Year(year));
            }
        }
        let year_word = tk.any(i + 1, &["year", "year's", "year’s"]);
        let last_year = (tk.is(i, "last") && year_word)
            || (tk.is(i, "a") && tk.is(i + 1, "year") && tk.any(i + 2, &["earlier", "ago"]))
            || (tk.is(i, "previous") && year_word);
        if last_year {
            return Some(NamedYear::LastYear);
        }
        if tk.is(i, "last") && tk.is(i + 1, "month") {
            return Some(NamedYear::PreviousMonth);
        }
        if tk.is(i, "last") && is_month(tk, i + 1) {
            if let Some(month) = month_num(tk.s(i + 1)) {
                return Some(NamedYear::LastMonth(month));
            }
        }
    }
    None
}

/// Words before a month that measure a figure against it ("slower than June", "the
/// highest since May") or bound it ("until June"): the month is not the figure's own.
const MONTH_MEASURED_AGAINST: &[&str] = &[
    "since", "until", "by", "before", "through", "till", "from", "than", "after", "trailing",
    "behind", "above", "below", "versus", "vs",
];

/// "by the end of March": a month a word of these bounds is a deadline, not a period.
const MONTH_BOUNDS: &[&str] = &["end", "start", "beginning", "middle", "close"];

/// The calendar month (1–12) a figure's phrase puts it in: "206,000 jobs in June", "April
/// was marked down by 57,000", "employers added 114,000 jobs last month" (the month before
/// the article's). A month with a day ("June 5") is a date, which `as_of` reads; a month
/// the figure is measured against ("slower than June") or that belongs to another figure
/// of the phrase ("rose to 4.1% from 4.0% in May": May is 4.0's) is not its own.
/// Matching keeps a monthly figure of another month than its story's apart, as it does
/// a figure of another year.
pub fn named_month(
    tk: &Toks,
    sentence: std::ops::Range<usize>,
    figure: std::ops::Range<usize>,
    article_date: Option<&str>,
) -> Option<u32> {
    let (figure_start, figure_end) = (figure.start, figure.end);
    let (sentence_start, sentence_end) = (sentence.start, sentence.end.min(tk.len()));
    // at equal distance the month after the figure first: "62.6% in June from 62.5% in
    // May" gives 62.5 May's
    let mut nearest: Vec<usize> = phrase_nearest(tk, sentence, figure).collect();
    nearest.sort_by_key(|&i| {
        if i < figure_start {
            (figure_start - i, 1)
        } else {
            (i + 1 - figure_end, 0)
        }
    });
    for i in nearest {
        let (between, distance) = if i < figure_start {
            (i + 1..figure_start, figure_start - i)
        } else {
            (figure_end..i, i + 1 - figure_end)
        };
        if between.clone().any(|k| tk.is_num(k)) {
            // another figure stands between: what follows is its own
            continue;
        }
        if is_month(tk, i) {
            let abbreviated = tk.punct(i + 1, '.');
            let day_after = if abbreviated { i + 2 } else { i + 1 };
            let dated =
                small_int(tk, day_after).is_some() || small_int(tk, i.wrapping_sub(1)).is_some();
            // "Zenda Jan district": a short form is a month only with its full stop
            let full_name = MONTHS[..12].contains(&tk.s(i));
            let measured_against = tk.any(i.wrapping_sub(1), MONTH_MEASURED_AGAINST)
                || (tk.is(i.wrapping_sub(1), "of") && tk.any(i.wrapping_sub(2), MONTH_BOUNDS));
            // "the Women's March": a name that is a month's
            let named = i > 0 && (tk.s(i - 1).ends_with("'s") || tk.s(i - 1).ends_with("’s"));
            // "April was marked down by 57,000 jobs and May by 54,000": a month nearer
            // to another figure is that figure's
            // (`phrase_nearest` gives no token inside the figure: `distance` is at least 1)
            let nearer_figure = (i.saturating_sub(distance - 1).max(sentence_start)
                ..(i + distance).min(sentence_end))
                .any(|k| {
                    tk.is_num(k)
                        && !(figure_start..figure_end).contains(&k)
                        && k != day_after
                        && year_at(tk, k).is_none()
                });
            if dated || measured_against || named || nearer_figure || !(full_name || abbreviated) {
                continue;
            }
            return month_num(tk.s(i));
        }
        let since_last = tk.any(i.wrapping_sub(1), MONTH_MEASURED_AGAINST);
        if tk.is(i, "last") && tk.is(i + 1, "month") && !since_last {
            let (_, month, _) = article_date
                .and_then(parse_iso)
                .and_then(crate::dates::civil)?;
            return Some(if month == 1 { 12 } else { month - 1 });
        }
    }
    None
}

fn mk(y: i64, m: u32, d: u32) -> Option<i64> {
    crate::dates::day_number(y, m, d)
}

/// Year for a month/day without year: the article's year, or the year before when that
/// would put the date more than a week after the article.
fn infer_year(m: u32, d: u32, article: Option<i64>) -> Option<i64> {
    let a = article?;
    let (y, _, _) = crate::dates::civil(a)?;
    let cand = mk(y, m, d)?;
    if cand > a + 7 {
        mk(y - 1, m, d)
    } else {
        Some(cand)
    }
}

/// A month and day with no year to put them in (the article is undated): ISO 8601's
/// `--MM-DD`, which [`split_partial`] moves out of `as_of`.
fn partial(m: u32, d: u32) -> Option<String> {
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then(|| format!("--{m:02}-{d:02}"))
}

/// Splits an as-of value into a full date and a year-less `--MM-DD`.
pub fn split_partial(as_of: Option<String>) -> (Option<String>, Option<String>) {
    match as_of {
        Some(value) if value.starts_with("--") => (None, Some(value)),
        other => (other, None),
    }
}

/// The first date the tokens [a, b) state, as `YYYY-MM-DD` (or `--MM-DD` when the article
/// is undated and the text gives no year).
pub fn as_of(tk: &Toks, a: usize, b: usize, article_date: Option<&str>) -> Option<String> {
    let art = article_date.and_then(parse_iso);
    let b = b.min(tk.len());
    for i in a..b {
        // ISO date 2025-05-19
        if let Some(y) = year_at(tk, i) {
            if tk.punct(i + 1, '-')
                && tk.adjacent(i + 1)
                && tk.is_num(i + 2)
                && tk.punct(i + 3, '-')
                && tk.is_num(i + 4)
            {
                let m: u32 = tk.s(i + 2).parse().ok()?;
                let d: u32 = tk.s(i + 4).parse().ok()?;
                if (1..=12).contains(&m) {
                    if let Some(x) = mk(y, m, d) {
                        return Some(fmt(x));
                    }
                }
            }
        }
        if is_month(tk, i) {
            let Some(m) = month_num(tk.s(i)) else {
                continue;
            };
            let mut j = i + 1;
            if tk.punct(j, '.') {
                j += 1;
            }
            // Month Day[, Year]
            if let Some(d) = small_int(tk, j) {
                let mut k = j + 1;
                if tk.is_word(k) && tk.adjacent(k) && tk.any(k, &["st", "nd", "rd", "th"]) {
                    k += 1;
                }
                if tk.punct(k, ',') {
                    k += 1;
                }
                let x = match year_at(tk, k) {
                    Some(y) => mk(y, m, d),
                    None if art.is_none() => return partial(m, d),
                    None => infer_year(m, d, art),
                };
                if let Some(x) = x {
                    return Some(fmt(x));
                }
            }
            // Day Month [Year]
            let mut p = i.wrapping_sub(1);
            if tk.is(p, "of") {
                p = p.wrapping_sub(1);
            }
            if tk.is_word(p) && tk.any(p, &["st", "nd", "rd", "th"]) {
                p = p.wrapping_sub(1);
            }
            if let Some(d) = small_int(tk, p) {
                let x = match year_at(tk, j) {
                    Some(y) => mk(y, m, d),
                    None if art.is_none() => return partial(m, d),
                    None => infer_year(m, d, art),
                };
                if let Some(x) = x {
                    return Some(fmt(x));
                }
            }
            continue;
        }
        let Some(a_days) = art else { continue };
        if tk.is_word(i) {
            if tk.is(i, "yesterday") {
                return Some(fmt(a_days - 1));
            }
            if tk.is(i, "today") || tk.is(i, "tonight") {
                return Some(fmt(a_days));
            }
            if tk.is(i, "last") && tk.is(i + 1, "night") {
                return Some(fmt(a_days - 1));
            }
            if tk.is(i, "this") && tk.any(i + 1, &["morning", "afternoon", "evening"]) {
                return Some(fmt(a_days));
            }
            // "on Saturday", "Saturday's march"
            let w = tk.s(i);
            let w = w
                .strip_suffix("'s")
                .or_else(|| w.strip_suffix("’s"))
                .unwrap_or(w);
            if let Some(wd) = WEEKDAYS.iter().position(|d| w == *d) {
                let aw = weekday(a_days);
                let next = tk.is(i.wrapping_sub(1), "next") || tk.is(i.wrapping_sub(1), "coming");
                let x = if next {
                    let delta = (wd as i64 - aw).rem_euclid(7);
                    a_days + if delta == 0 { 7 } else { delta }
                } else {
                    a_days - (aw - wd as i64).rem_euclid(7)
                };
                return Some(fmt(x));
            }
        }
    }
    None
}

/// A span of time that is itself the figure claimed: "16 weeks of base pay", "60 days'
/// notice", "a 22-minute interview", "jailed for 10 years". Spans that only place an event
/// in time ("10 days after the crash", "in 14 years", "a 12-month high") are not claims.
/// `a..b` are the tokens of the span as the number parser read it.
pub fn is_claimed_duration(tk: &Toks, a: usize, b: usize) -> bool {
    let unit_glued = b >= 2 && tk.punct(b - 2, '-') && tk.adjacent(b - 1);
    let possessive = (tk.punct(b, '\'') || tk.punct(b, '’')) && tk.adjacent(b);
    let of_something = tk.is(b, "of") && !tk.any(b + 1, &["the", "this", "that", "age"]);
    let lasting = tk.is(a.wrapping_sub(1), "for") && !tk.any(b, &["ago", "later", "earlier"]);
    let ranked = tk.any(
        b,
        &["high", "low", "record", "old", "ago", "later", "earlier"],
    ) || tk.is(a.wrapping_sub(1), "within");
    (unit_glued || possessive || of_something || lasting) && !ranked
}

/// The noun a duration qualifies when it is written as a modifier: "a 22-minute *interview*",
/// "60 days' *notice*". `b` is the token after the duration.
pub fn duration_noun(tk: &Toks, b: usize) -> Option<usize> {
    let glued = b >= 2 && tk.punct(b - 2, '-') && tk.adjacent(b - 1);
    let possessive = (tk.punct(b, '\'') || tk.punct(b, '’')) && tk.adjacent(b);
    let k = if possessive { b + 1 } else { b };
    let noun = tk.is_word(k) && !tk.capitalized(k) && !tk.has(k, class::FUNCTION);
    ((glued || possessive) && noun).then_some(k)
}

/// The status a duration's unit gives its key ("pay/weeks"): a static name for the unit.
pub fn unit_status(unit: &str) -> Option<&'static str> {
    const UNITS: &[&str] = &[
        "seconds",
        "minutes",
        "hours",
        "days",
        "nights",
        "weeks",
        "months",
        "years",
        "decades",
        "centuries",
    ];
    UNITS.iter().find(|u| **u == unit).copied()
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn civil() {
        assert_eq!(fmt(parse_iso("2025-05-20").unwrap_or(0)), "2025-05-20");
        // 2025-05-20 is a Tuesday
        assert_eq!(weekday(parse_iso("2025-05-20").unwrap_or(0)), 1);
    }

    fn check(text: &str, claimed: bool) {
        let tk = Toks::new(text);
        let a = (0..tk.len()).find(|&k| tk.is_num(k)).unwrap_or(0);
        let b = (a..tk.len())
            .find(|&k| lookup_unit(&tk, k))
            .map_or(a + 1, |k| k + 1);
        assert_eq!(is_claimed_duration(&tk, a, b), claimed, "{text}");
    }

    fn lookup_unit(tk: &Toks, k: usize) -> bool {
        tk.any(k, &["weeks", "days", "minute", "years", "hours", "month"])
    }

    #[test]
    fn spans_that_are_the_figure_claimed() {
        check("They get 16 weeks of base pay.", true);
        check("They get 60 days' notice.", true);
        check("He gave a 22-minute interview.", true);
        check("He was jailed for 10 years.", true);
        check("The bodies were found 10 days after the crash.", false);
        check("It was a 12-month high.", false);
        check("Bills rise within 3 years of a sale.", false);
        check("It happened 5 years ago.", false);
    }
}
