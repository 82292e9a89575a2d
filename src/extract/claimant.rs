//! Who a claimant phrase names: whether a phrase can name one at all ("officials" can,
//! "the number" cannot), its cleaned form ("police estimates" → "police"), a document
//! rather than who issued it, and "the group" as the organisation named before it.

use super::lexicon::DAY_WORDS;
use super::tokens::Toks;

/// Words that cannot be, or end, a claimant: pronouns, quantity words, time nouns,
/// auxiliaries, status adjectives.
const NOT_SOURCE: &[&str] = &[
    "more", "less", "fewer", "than", "number", "figure", "had", "has", "have", "was", "were", "is",
    "are", "been", "be", "will", "would", "could", "may", "might", "only", "believed", "not", "no",
];
const PRONOUNS: &[&str] = &[
    "it",
    "they",
    "he",
    "she",
    "we",
    "i",
    "you",
    "this",
    "that",
    "these",
    "those",
    "other",
    "others",
    "the other",
    "the others",
    "which",
    "who",
    "one",
    "some",
    "many",
    "most",
];
/// Time nouns besides the day words ([`DAY_WORDS`]).
const TIME_NOUNS: &[&str] = &[
    "week",
    "weeks",
    "day",
    "days",
    "month",
    "months",
    "year",
    "years",
    "morning",
    "afternoon",
    "evening",
    "night",
    "weekend",
    "hours",
    "time",
];
const STATUS_ENDS: &[&str] = &[
    "dead",
    "injured",
    "wounded",
    "missing",
    "killed",
    "displaced",
    "alive",
    "held",
    "arrested",
    "released",
    "evacuated",
];

/// Whether a phrase can name a claimant (a person or body). A lone "it"/"they" passes:
/// the caller resolves it to the source named before, or drops it.
pub fn valid_source(s: &str) -> bool {
    let l = s.trim().to_lowercase();
    if l.is_empty() || l.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    if matches!(l.as_str(), "it" | "they" | "he" | "she") {
        return true;
    }
    let words: Vec<&str> = l
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    if PRONOUNS.contains(&l.as_str())
        || PRONOUNS.contains(first) && !matches!(*first, "some" | "many" | "most")
    {
        return false;
    }
    if words.len() <= 2 && matches!(*first, "some" | "many" | "most" | "one") {
        return false;
    }
    // "the" left of "the deaths" once the counted noun is cut off: nobody
    if words
        .iter()
        .all(|w| matches!(*w, "the" | "a" | "an" | "its" | "their"))
    {
        return false;
    }
    !words.iter().any(|w| NOT_SOURCE.contains(w))
        && !TIME_NOUNS.contains(last)
        && !DAY_WORDS.contains(last)
        && !STATUS_ENDS.contains(last)
}

/// "Israeli government figures" → "Israeli government", "a tally compiled by the Valdora
/// Hospitals Association" → "the Valdora Hospitals Association", "police estimates" →
/// "police".
pub fn clean_source(s: &str) -> String {
    let mut t = s.trim().to_string();
    // "Wednesday Meta" (from "On Wednesday Meta said"): the day is not the claimant
    while let Some((first, rest)) = t.split_once(' ') {
        let first = first.to_lowercase();
        let day_or_time =
            TIME_NOUNS.contains(&first.as_str()) || DAY_WORDS.contains(&first.as_str());
        if day_or_time && !rest.is_empty() {
            t = rest.to_string();
        } else {
            break;
        }
    }
    for by in [
        " compiled by ",
        " released by ",
        " published by ",
        " issued by ",
        " kept by ",
    ] {
        if let Some(i) = t.find(by) {
            t = t[i + by.len()..].to_string();
        }
    }
    for data in [
        " figures",
        " estimates",
        " data",
        " statistics",
        " tally",
        " count",
        " numbers",
    ] {
        if let Some(x) = t.strip_suffix(data) {
            let n = x.split_whitespace().count();
            let body = x.split_whitespace().last().is_some_and(|w| {
                matches!(
                    w.to_lowercase().as_str(),
                    "police"
                        | "officials"
                        | "authorities"
                        | "organisers"
                        | "organizers"
                        | "ministry"
                        | "army"
                        | "military"
                        | "government"
                )
            });
            if n >= 2 || body {
                t = x.to_string();
            }
        }
    }
    // "A revised BBC prediction" → "BBC": a forecast named for whoever made it
    let words: Vec<&str> = t.split_whitespace().collect();
    let forecast = words.last().is_some_and(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "prediction" | "predictions" | "projection" | "projections" | "forecast" | "forecasts"
        )
    });
    if forecast && words.len() >= 2 {
        let owner_end = words.len() - 1;
        let owner_start = (0..owner_end)
            .rev()
            .take_while(|&i| words[i].chars().next().is_some_and(char::is_uppercase))
            .last();
        // a lone first word may be capitalised only because it opens the sentence
        // ("Revised projections"), unless it is an acronym
        let opener_only = |start: usize| {
            start == 0
                && owner_end == 1
                && !words[0]
                    .chars()
                    .all(|c| c.is_uppercase() || !c.is_alphabetic())
        };
        if let Some(start) = owner_start.filter(|&start| !opener_only(start)) {
            let owner = words[start..owner_end].join(" ");
            if !matches!(owner.as_str(), "A" | "An" | "The") {
                t = owner;
            }
        }
    }
    t
}

/// Whether a source is a document rather than who issued it ("preliminary data", "a
/// provisional report"): a claimant named in the same sentence is preferred to it.
pub fn names_a_document(source: &str) -> bool {
    let last = source.rsplit(' ').next().unwrap_or(source).to_lowercase();
    matches!(
        last.as_str(),
        "data"
            | "report"
            | "reports"
            | "figures"
            | "statement"
            | "estimate"
            | "estimates"
            | "count"
            | "tally"
            | "post"
            | "survey"
            | "study"
            | "assessment"
            | "findings"
            | "records"
            | "gathered"
    )
}

const ORG_WORDS: &[&str] = &[
    "Brigades",
    "Brigade",
    "Ministry",
    "Army",
    "Forces",
    "Party",
    "Front",
    "Movement",
    "Council",
    "Agency",
    "Committee",
    "Organization",
    "Organisation",
    "Group",
    "Office",
    "Service",
    "Services",
    "Police",
    "Authority",
    "Union",
    "Association",
    "Institute",
    "Corps",
    "Guard",
    "Department",
    "Commission",
    "Coalition",
    "Network",
    "Observatory",
    "Bureau",
    "Directorate",
    "Federation",
    "Alliance",
    "Command",
    "Wing",
    "Society",
    "Crescent",
    "Cross",
    "Board",
];

const GROUP_NOUNS: &[&str] = &[
    "group",
    "organisation",
    "organization",
    "movement",
    "faction",
    "militia",
    "militants",
];

/// "the group", "The militant group": an organisation named earlier.
fn is_group_ref(s: &str) -> bool {
    let l = s.to_lowercase();
    let w: Vec<&str> = l.split_whitespace().collect();
    if w.is_empty() || w.len() > 3 || w[0] != "the" {
        return false;
    }
    w.last().map(|x| GROUP_NOUNS.contains(x)).unwrap_or(false)
}

/// The most recent organisation named before token `upto`.
fn last_org(tk: &Toks, upto: usize) -> Option<String> {
    let mut k = upto.min(tk.len());
    while k > 0 {
        k -= 1;
        if tk.capitalized(k) && ORG_WORDS.iter().any(|o| tk.s(k) == *o) {
            // extend left over capitalised words and hyphens: "Al-Qassam Brigades"
            let mut f = k;
            while f > 0 {
                let p = f - 1;
                let word = tk.capitalized(p) && !tk.any(p, &["The", "A", "An"]);
                let hyphen = tk.punct(p, '-') && tk.adjacent(p) && p > 0 && tk.capitalized(p - 1);
                if word || hyphen {
                    f = p;
                } else {
                    break;
                }
            }
            if f == k && tk.s(k) == "Wing" {
                continue;
            }
            // the first word of a sentence may be a plain capitalised word
            return Some(tk.span_text(f, k).to_string());
        }
    }
    None
}

/// "the group" as a source: the organisation named most recently before token `at`.
pub(super) fn resolve_group(tk: &Toks, s: String, at: usize) -> String {
    if is_group_ref(&s) {
        if let Some(o) = last_org(tk, at) {
            return o;
        }
    }
    s
}
