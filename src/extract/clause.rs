//! Reading one clause around a figure: where a clause ends, a figure compared with the
//! sentence's main one ("up from 23 a day earlier") and how many days back it is, and how
//! certain the clause says its figures are.

use super::classes as class;
use super::numbers::NumHit;
use super::tokens::Toks;
use crate::model::Certainty;

/// Token `end` (after an attribution phrase) closes a clause: a comma, semicolon or the
/// sentence end, possibly after a day phrase ("said on Tuesday,").
pub(super) fn closes_clause(tk: &Toks, end: usize, tb: usize) -> bool {
    let mut e = end;
    if tk.is(e, "on") && tk.is_word(e + 1) {
        e += 2;
    } else if tk.has(e, class::DAY_WORDS) || tk.any(e, &["earlier", "later"]) {
        e += 1;
    }
    e >= tb
        || tk.punct(e, ',')
        || tk.punct(e, ';')
        || tk.punct(e, '.')
        || tk.punct(e, ':')
        || tk.punct(e, '-')
        || tk.punct(e, '—')
        || tk.punct(e, '–')
}

/// "up from 23 a day earlier", "down from the figure of 28": a number compared with the
/// sentence's main figure; it takes that figure's key.
pub(super) fn comparison(tk: &Toks, a: usize) -> bool {
    let mut k = a.wrapping_sub(1);
    if tk.is(k, "of")
        && tk.any(
            k.wrapping_sub(1),
            &["figure", "number", "total", "tally", "toll"],
        )
        && tk.any(
            k.wrapping_sub(2),
            &["the", "a", "its", "their", "previous", "earlier"],
        )
    {
        k = k.wrapping_sub(3);
        if tk.any(k, &["previous", "earlier"]) {
            k = k.wrapping_sub(1);
        }
    }
    // "up from the 41"
    if tk.is(k, "the") && tk.is(k.wrapping_sub(1), "from") {
        k = k.wrapping_sub(1);
    }
    (tk.is(k, "from")
        && tk.any(
            k.wrapping_sub(1),
            &[
                "up", "down", "rising", "falling", "increase", "decrease", "rose", "fell",
            ],
        ))
        || (tk.any(k, &["with", "to"]) && tk.is(k.wrapping_sub(1), "compared"))
}

/// "a day earlier", "the day before", "the previous day": days back from the main figure.
pub(super) fn days_earlier(tk: &Toks, from: usize, to: usize) -> Option<i64> {
    for k in from..to.min(tk.len()) {
        if tk.punct(k, ',') || tk.punct(k, ';') {
            break;
        }
        let day = |i: usize| tk.any(i, &["day", "days", "week"]);
        let n = |i: usize| match tk.s(i).to_ascii_lowercase().as_str() {
            "a" | "one" | "the" => Some(1),
            "two" => Some(2),
            "three" => Some(3),
            _ => None,
        };
        if day(k + 1) && tk.any(k + 2, &["earlier", "before", "ago"]) {
            let mult = if tk.is(k + 1, "week") { 7 } else { 1 };
            return n(k).map(|d| d * mult);
        }
        if tk.is(k, "the") && tk.is(k + 1, "previous") && day(k + 2) {
            return Some(if tk.is(k + 2, "week") { 7 } else { 1 });
        }
    }
    None
}

/// The end of the phrase after a compared number: the next comma, semicolon or clause word.
pub(super) fn phrase_end(tk: &Toks, from: usize, to: usize) -> usize {
    (from..to)
        .find(|&k| tk.punct(k, ',') || tk.punct(k, ';') || tk.any(k, &["after", "as", "while"]))
        .unwrap_or(to)
}

/// Words that make a figure only possible ("might", "could").
pub(super) const POSSIBILITY_WORDS: &[&str] = &["might", "could", "possibly", "perhaps"];

/// "Says"/"said" before "it is", "they were": a claim by the one who says it.
pub(super) const SAY_FORMS: &[&str] = &["says", "say", "said"];

/// Words of claiming and alleging.
pub(super) const CLAIM_WORDS: &[&str] = &[
    "claims",
    "claimed",
    "claim",
    "alleges",
    "alleged",
    "allegedly",
    "alleging",
    "claiming",
];

/// Words before "claims" that make it a noun ("the claims", "reinforcing claims"), not
/// the verb.
pub(super) const CLAIM_NOUN_BEFORE: &[&str] = &[
    "the",
    "these",
    "those",
    "its",
    "their",
    "his",
    "her",
    "such",
    "of",
    "to",
    "unverified",
    "earlier",
];

/// Words that make a figure an estimate.
pub(super) const ESTIMATE_WORDS: &[&str] = &[
    "estimated",
    "estimates",
    "estimate",
    "believed",
    "believes",
    "thought",
    "reportedly",
    "presumed",
    "likely",
];

/// How sure the clause between tokens `[a, b)` says its figures are: possible ("may",
/// "could"), claimed ("claims", "alleged"), estimated, or asserted.
pub(super) fn certainty(tk: &Toks, a: usize, b: usize) -> Certainty {
    let mut est = false;
    let mut claimed = false;
    for k in a..b.min(tk.len()) {
        if !tk.is_word(k) {
            continue;
        }
        let may = tk.s(k) == "may" || (tk.s(k) == "May" && tk.any(k + 1, &["have", "be"]));
        if may || tk.has(k, class::POSSIBILITY_WORDS) {
            return Certainty::Possible;
        }
        if tk.has(k, class::SAY_FORMS)
            && tk.any(k + 1, &["it", "they"])
            && tk.any(k + 2, &["is", "are", "was", "were", "has", "have", "had"])
        {
            claimed = true;
        }
        if tk.has(k, class::CLAIM_WORDS) {
            // a verb, not the noun ("reinforcing claims that …", "the claims")
            let p = k.wrapping_sub(1);
            let noun =
                tk.has(p, class::CLAIM_NOUN_BEFORE) || (tk.is_word(p) && tk.s(p).ends_with("ing"));
            if !noun {
                claimed = true;
            }
        }
        if tk.has(k, class::ESTIMATE_WORDS) {
            est = true;
        }
    }
    if claimed {
        Certainty::Claimed
    } else if est {
        Certainty::Estimated
    } else {
        Certainty::Asserted
    }
}

/// Numbers that are not counts: ages in apposition ("Noa Baram, 52, whose …"), phone lines
/// ("call the emergency line on 112"), and "the two sides" style references.
pub(super) fn not_a_claim(tk: &Toks, h: &NumHit) -> bool {
    let (a, b) = (h.tok_a, h.tok_b);
    let plain_int =
        h.q.qualifier == crate::model::Qualifier::Exact && h.q.value.fract() == 0.0 && b == a + 1;
    let age = plain_int
        && h.q.value < 120.0
        && tk.is_num(a)
        && tk.punct(a.wrapping_sub(1), ',')
        && tk.capitalized(a.wrapping_sub(2))
        && (tk.punct(b, ',') || tk.punct(b, '.'));
    let phone = plain_int
        && tk.is_num(a)
        && ((tk.any(a.wrapping_sub(1), &["on", "at"])
            && tk.any(a.wrapping_sub(2), &["line", "hotline", "helpline"]))
            || tk.any(
                a.wrapping_sub(1),
                &["call", "dial", "dialling", "dialing", "calling"],
            ));
    let referential = plain_int
        && tk.is(a.wrapping_sub(1), "the")
        && tk.any(a, &["two", "three"])
        && tk.any(
            b,
            &[
                "sides",
                "parties",
                "countries",
                "nations",
                "leaders",
                "governments",
                "camps",
            ],
        );
    age || phone || referential
}
