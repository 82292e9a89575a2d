//! Who is quoted: a speaker's full name where the article gives it ("Trump" -> "Donald
//! Trump"), and the person a "he" or "she" stands for when no speaker came before.

use std::cell::OnceCell;
use std::collections::HashMap;

use super::lexicon::NOT_PLACE;
use super::quotes::QuoteHit;
use super::tokens::Toks;

const TITLES: &[&str] = &[
    "President",
    "Prime",
    "Minister",
    "Secretary",
    "General",
    "Gen",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Senator",
    "Sen",
    "Governor",
    "Gov",
    "Mayor",
    "King",
    "Queen",
    "Prince",
    "Chancellor",
    "Spokesman",
    "Spokeswoman",
    "Spokesperson",
    "Chief",
    "Director",
    "Ambassador",
    "Envoy",
    "Foreign",
    "Defence",
    "Defense",
    "Vice",
    "Special",
    "U.S",
    "US",
    "UN",
    "Israeli",
    "The",
];

/// "Trump" → "Donald Trump" when the article names the longer form.
pub(super) fn full_name(tk: &Toks, name: &str) -> String {
    if name.split_whitespace().count() != 1
        || !name.chars().next().is_some_and(|c| c.is_uppercase())
    {
        return name.to_string();
    }
    let mut best = name.to_string();
    for k in 1..tk.len() {
        if tk.s(k) != name {
            continue;
        }
        let mut f = k;
        while f > 0 && k - f < 2 {
            let p = f - 1;
            if tk.capitalized(p) && !tk.any(p, TITLES) && !tk.adjacent(f) {
                f = p;
            } else {
                break;
            }
        }
        let cand = tk.span_text(f, k);
        if cand.len() > best.len() {
            best = cand.to_string();
        }
    }
    best
}

/// Tokens looked back over for the person a pronoun stands for.
const PERSON_WINDOW: usize = 2000;

/// Capitalised words that make a run of names a place, body or date, not a person.
const NOT_PERSON: &[&str] = &[
    "Agency",
    "April",
    "August",
    "Bureau",
    "Commission",
    "Committee",
    "Company",
    "Council",
    "County",
    "December",
    "Department",
    "February",
    "Friday",
    "Government",
    "House",
    "January",
    "July",
    "June",
    "March",
    "May",
    "Monday",
    "News",
    "November",
    "October",
    "Party",
    "Saturday",
    "September",
    "Service",
    "States",
    "Street",
    "Sunday",
    "Thursday",
    "Times",
    "Tuesday",
    "Union",
    "Wednesday",
];

/// The person a "he" or "she" before token `before` most likely is: of the people named
/// before it (runs of two or three capitalised words that are not a place, body or date),
/// the one whose surname the article uses most, the nearest on a tie. News calls its
/// main figure by surname throughout ("Joe Biden ... Biden said ... he said").
/// `quoted` says whether a token stands inside a quote; `mentions` counts a word's
/// occurrences in the article (built once per article by the caller).
fn salient_person(
    tk: &Toks,
    before: usize,
    quoted: &dyn Fn(usize) -> bool,
    mentions: &dyn Fn(&str) -> usize,
) -> Option<String> {
    let floor = before.saturating_sub(PERSON_WINDOW);
    let mut best: Option<(usize, String)> = None;
    let mut k = before;
    while k > floor {
        k -= 1;
        // names inside quotes are whom the speaker talks of ("Hey Bob")
        if !tk.capitalized(k) || quoted(k) {
            continue;
        }
        let end = k;
        let mut start = k;
        while start > floor
            && tk.capitalized(start - 1)
            && !quoted(start - 1)
            && !TITLES.iter().any(|t| tk.is(start - 1, t))
        {
            start -= 1;
        }
        k = start;
        let words = end - start + 1;
        let plain = (start..=end).all(|i| {
            let w = tk.s(i);
            !NOT_PERSON.contains(&w)
                && !NOT_PLACE.contains(&w)
                && !TITLES.contains(&w)
                && !w.chars().all(|c| c.is_uppercase())
                && !w.ends_with("'s")
                && !w.ends_with("’s")
        });
        // "in Puerto Rico", "from Lahaina": a place
        let place = start > 0 && tk.any(start - 1, &["in", "at", "from", "to", "of", "near"]);
        if !(2..=3).contains(&words) || !plain || place {
            continue;
        }
        let mentions = mentions(tk.s(end));
        if best.as_ref().is_none_or(|(n, _)| mentions > *n) {
            best = Some((mentions, tk.span_text(start, end).to_owned()));
        }
    }
    best.map(|(_, name)| name)
}

/// The person a "he" or "she" that opens no run of quotes stands for: [`salient_person`]
/// with names inside `quotes` left out. `counts` (capitalised words and how often they
/// occur) is built the first time an article needs it.
pub(super) fn pronoun_speaker<'a>(
    tk: &Toks<'a>,
    before: usize,
    quotes: &[QuoteHit],
    counts: &OnceCell<HashMap<&'a str, usize>>,
) -> Option<String> {
    // quotes come in text order and do not overlap
    let quoted = |k: usize| {
        let at = tk.t.get(k).map_or(0, |t| t.start);
        let n = quotes.partition_point(|q| q.close_end <= at);
        quotes.get(n).is_some_and(|q| q.open <= at)
    };
    let counts = counts.get_or_init(|| {
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for i in 0..tk.len() {
            if tk.capitalized(i) {
                *counts.entry(tk.s(i)).or_default() += 1;
            }
        }
        counts
    });
    let mentions = |word: &str| counts.get(word).copied().unwrap_or(0);
    salient_person(tk, before, &quoted, &mentions)
}

/// Words that open a clause before its subject ("Then he added:", "And Biden said:").
const CLAUSE_OPENERS: &[&str] = &["then", "and", "but", "so", "later", "also"];

/// The subject of the clause that ends in the colon at token `colon` (within the sentence
/// from `ta`): a name ("Biden hit back on a call:") or he/she ("He then added:"), with the
/// token it stands at. The clause starts after the last comma or semicolon.
pub fn subject_before_colon(tk: &Toks, ta: usize, colon: usize) -> Option<(String, usize)> {
    let mut k = (ta..colon)
        .rev()
        .find(|&j| tk.punct(j, ',') || tk.punct(j, ';'))
        .map_or(ta, |j| j + 1);
    while k < colon && tk.any(k, CLAUSE_OPENERS) {
        k += 1;
    }
    if tk.any(k, &["he", "she"]) {
        return Some((tk.s(k).to_owned(), k));
    }
    let mut end = k;
    while end < colon && end < k + 4 && tk.capitalized(end) {
        end += 1;
    }
    // a name, then its verb: not "The" alone, not a name running into the colon
    let named = end > k
        && end < colon
        && tk.is_word(end)
        && !tk.capitalized(end)
        && !tk.any(
            k,
            &[
                "the", "a", "an", "in", "on", "at", "after", "before", "as", "when",
            ],
        );
    named.then(|| (tk.span_text(k, end - 1).to_owned(), k))
}
