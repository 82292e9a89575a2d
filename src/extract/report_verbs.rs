//! Verbs that report a figure only in some company: "put" with an "at" ("put the toll at
//! 672"), "give" with a toll ("gave 577 deaths"), "count" after a plural subject ("officials
//! now count 16 dead"), a poll's or forecast's "gives"/"had" ("the exit poll had Labour on
//! 410"), and "revised"/"raised" with a toll. Alone each is too common a word to mark a
//! claimant; `attribution::find` asks these before taking one as a reporting verb.

use super::classes as class;
use super::tokens::Toks;

/// "The commission raised the death toll to 39", "the ministry revised its figure": a
/// revising verb reports when a toll or figure follows.
pub(super) fn revises_a_toll(tk: &Toks, k: usize, b: usize) -> bool {
    tk.has(k, class::REVISE_VERBS)
        && (k + 1..(k + 5).min(b)).any(|j| tk.has(j, class::FIGURE_NOUNS))
}

/// "The mayor had given the number of dead as six", "a senior official gave 577 deaths",
/// "Ukraine last gave a right-bank toll": "give" reports a figure when a toll, a count or a
/// number of dead follows (not in "gave 500 families shelter").
pub(super) fn gives_a_toll(tk: &Toks, k: usize, b: usize) -> bool {
    if !tk.any(k, &["give", "gives", "gave", "given"]) {
        return false;
    }
    let figure_noun = (k + 1..(k + 7).min(b))
        .take_while(|&j| !tk.punct(j, ';') && !tk.punct(j, '.') && !tk.punct(j, ','))
        .any(|j| tk.has(j, class::FIGURE_NOUNS));
    let toll = tk.is_num(k + 1)
        && tk.is_word(k + 2)
        && super::subject::status_word(tk.s(k + 2)).is_some_and(|status| status == "dead");
    figure_noun || toll
}

/// "put" reports a figure when an "at" follows in its clause ("put the toll at 672").
pub(super) fn puts_at(tk: &Toks, k: usize, b: usize) -> bool {
    (k + 1..(k + 16).min(b))
        .take_while(|&j| !tk.punct(j, ';') && !tk.punct(j, '.'))
        .any(|j| tk.is(j, "at"))
}

/// "Kyiv officials now count 16 dead": "count" as a plural subject's verb, not the noun
/// ("the death count", "the count of missing").
pub(super) fn counts_as_verb(tk: &Toks, k: usize, a: usize) -> bool {
    if !tk.is(k, "count") || k <= a {
        return false;
    }
    let mut p = k - 1;
    while p > a && tk.has(p, class::VERB_FILLERS) {
        p -= 1;
    }
    let plural = tk.is_word(p) && tk.s(p).len() > 3 && tk.s(p).ends_with('s');
    let object = tk.is_num(k + 1) || tk.any(k + 1, &["at", "more", "over", "about", "around"]);
    plural && !tk.has(p, class::BE) && object
}

/// "A revised BBC prediction gives the party 412 seats", "the exit poll had Labour on
/// 410": a forecast's or tally's own verb, whose subject is then the source. These verbs
/// report nothing after any other subject ("the party has 412 seats").
pub(super) fn forecast_gives(tk: &Toks, k: usize, a: usize) -> bool {
    if !tk.any(k, FORECAST_VERBS) || k <= a {
        return false;
    }
    let mut p = k - 1;
    while p > a && tk.has(p, class::VERB_FILLERS) {
        p -= 1;
    }
    // a poll or a forecast; a tally or an estimate only when named for its owner ("an AFP
    // tally gives"): "the tally had stood at" reports another's count
    tk.any(p, FORECASTS) || (tk.has(p, class::TALLY_NOUNS) && p > a && tk.capitalized(p - 1))
}

const FORECASTS: &[&str] = &[
    "forecast",
    "forecasts",
    "poll",
    "polls",
    "prediction",
    "predictions",
    "projection",
    "projections",
];

const FORECAST_VERBS: &[&str] = &[
    "gave",
    "give",
    "gives",
    "had",
    "has",
    "predicted",
    "predicts",
    "projected",
    "projects",
    "put",
    "puts",
    "suggested",
    "suggests",
];
