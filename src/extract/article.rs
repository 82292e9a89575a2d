//! What a whole article settles for its figures: the place it is about when a sentence
//! names none, the names it uses for a company (no place, whatever the gazetteer says), the
//! measure its holders hold when a holder's figure names none, and which figures are
//! additions to another of their sentence.

use super::frame;
use super::subject;
use super::tokens::Toks;
use crate::model::{Claim, Frame};

/// The article's default place: each place the sentences name (after a locative
/// preposition, "the streets of X", or a name ending in Province/Region/…) scores the
/// number of times its name occurs in the title and text, plus one when the lead sentence
/// names it; the best score wins when it is at least 2 (ties: the place named first).
pub(super) fn default_place(
    tk: &Toks,
    sents: &[(usize, usize)],
    tok_at: &dyn Fn(usize) -> usize,
    title: Option<&str>,
) -> Option<String> {
    let mut seen: Vec<(String, String, usize)> = Vec::new();
    for (n, &(sa, sb)) in sents.iter().enumerate() {
        for p in subject::places(tk, tok_at(sa), tok_at(sb)) {
            let sl = subject::slug(&p);
            if sl.is_empty() {
                continue;
            }
            let lead = usize::from(n == 0);
            match seen.iter_mut().find(|x| x.0 == sl) {
                Some(x) => x.2 = x.2.max(lead),
                None => seen.push((sl, p, lead)),
            }
        }
    }
    let mut best: Option<(usize, &String)> = None;
    for (_, name, lead) in &seen {
        let core = subject::core_name(name);
        if core.is_empty() {
            continue;
        }
        let score =
            lead + count_word(tk.text, core) + title.map(|t| count_word(t, core)).unwrap_or(0);
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, name));
        }
    }
    best.filter(|(s, _)| *s >= 2).map(|(_, n)| n.clone())
}

/// Words after a one-word name's possessive that make it a company: "Meta's shares",
/// "Amazon's CEO". Not "workforce" or "chief": a country has those too.
const COMPANY_POSSESSIONS: &[&str] = &[
    "ceo",
    "shares",
    "stock",
    "shareholders",
    "layoffs",
    "headcount",
    "founder",
    "revenue",
    "earnings",
    "profits",
    "profit",
    "subsidiary",
];
/// Words after a name that make it a company: "Microsoft Corp", "Amazon.com Inc".
const COMPANY_SUFFIXES: &[&str] = &["inc", "corp", "corporation", "ltd", "llc", "plc"];
/// Its people after a one-word name: "11,000 Meta employees".
const COMPANY_STAFF: &[&str] = &["employees", "shareholders", "executives"];

/// The slugged one-word names an article uses for a company ("Meta's shares", "Microsoft
/// Corp", "Amazon.com", "Meta employees"): a place the gazetteer knows by that name (Meta,
/// a Colombian department) is not what "cuts at Meta" are about.
pub(super) fn companies(tk: &Toks) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for i in 0..tk.len() {
        if !tk.capitalized(i) || tk.capitalized(i.wrapping_sub(1)) {
            continue;
        }
        let word = tk.s(i);
        let name = word
            .strip_suffix("'s")
            .or_else(|| word.strip_suffix("’s"))
            .unwrap_or(word);
        let possessive = name.len() < word.len();
        let next = i + 1;
        let company = if possessive {
            tk.any(next, COMPANY_POSSESSIONS)
        } else {
            (tk.any(next, COMPANY_SUFFIXES) && !tk.capitalized(next + 1))
                || (tk.punct(next, '.') && tk.is(next + 1, "com"))
                || tk.any(next, COMPANY_STAFF)
        };
        if company {
            let slug = subject::slug(name);
            // "China's stock market": a country is never the company
            if !slug.is_empty() && !crate::places::is_country(&slug) && !found.contains(&slug) {
                found.push(slug);
            }
        }
    }
    found
}

/// Framed figures of an article's holders it takes before a holder's bare figure is read
/// as one more of the same ("Labour won 412 seats … Conservatives: 121").
const HELD_FIGURES: usize = 2;

/// Rows of a results table ("Labour 410 (+210)") that, with one framed figure of the
/// holders' measure, show what the table counts.
const TABLE_ROWS: usize = 3;

/// A holder's figure that names no measure.
pub(super) struct HeldFigure {
    /// Its index among the article's claims.
    pub claim: usize,
    pub holder: String,
    pub part: RowPart,
}

/// Where a holder's bare figure stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum RowPart {
    /// "Conservatives: 121", "the Liberal Democrats' 71".
    Plain,
    /// The figure of a results row: 410 in "Labour 410 (+210)".
    RowFigure,
    /// The change a results row gives in brackets: 210 in "Labour 410 (+210)".
    Change { gain: bool },
}

/// Gives each holder's bare figure the measure the article's holders hold most ("seats",
/// "votes"), when it names one at least [`HELD_FIGURES`] times (once beside a table of
/// [`TABLE_ROWS`] rows or more). A row's change is the measure gained or lost.
pub(super) fn hold_bare_figures(claims: &mut [Claim], bare: Vec<HeldFigure>) {
    if bare.is_empty() {
        return;
    }
    let mut held: Vec<(&str, usize)> = Vec::new();
    for frame in claims.iter().filter_map(|c| c.frame.as_ref()) {
        let measure = frame.measure.rsplit(' ').next().unwrap_or(&frame.measure);
        if frame::is_held(measure, None) {
            match held.iter_mut().find(|(m, _)| *m == measure) {
                Some((_, n)) => *n += 1,
                None => held.push((measure, 1)),
            }
        }
    }
    let rows = bare.iter().filter(|b| b.part == RowPart::RowFigure).count();
    let needed = if rows >= TABLE_ROWS { 1 } else { HELD_FIGURES };
    let Some((measure, _)) = held
        .into_iter()
        .filter(|(_, n)| *n >= needed)
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
    else {
        return;
    };
    let measure = measure.to_owned();
    for figure in bare {
        if let Some(claim) = claims.get_mut(figure.claim) {
            let status = match figure.part {
                RowPart::Change { gain: true } => "gained",
                RowPart::Change { gain: false } => "lost",
                RowPart::Plain | RowPart::RowFigure => "count",
            };
            let frame = Frame {
                measure: format!("{} {measure}", figure.holder),
                status: status.to_owned(),
                place: None,
                era: None,
                years_back: None,
                month: None,
            };
            claim.key = Some(frame.key());
            claim.frame = Some(frame);
        }
    }
}

/// Occurrences of `w` in `text` as whole words.
fn count_word(text: &str, w: &str) -> usize {
    let mut n = 0;
    for (i, _) in text.match_indices(w) {
        let before = text[..i].chars().next_back();
        let after = text[i + w.len()..].chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            n += 1;
        }
    }
    n
}

/// Words before a figure that add it to one already given: "another 980 in Taroudant".
const ADDED_BEFORE: &[&str] = &["another", "further", "additional", "extra"];
/// Words after a figure that do the same: "two more victims died", "24 more on the ground".
const ADDED_AFTER: &[&str] = &["more", "additional", "extra"];

/// Whether the figure of tokens `[a, b)` is said to come in addition to another ("another
/// 44 are outpatients", "38 more people died there"). "20 more than expected" is a
/// difference and "50 or more" a hedge; neither is an addition.
pub(super) fn is_addition(tk: &Toks, a: usize, b: usize) -> bool {
    (tk.any(b, ADDED_AFTER) && !tk.is(b + 1, "than"))
        || a.checked_sub(1).is_some_and(|k| tk.any(k, ADDED_BEFORE))
}

/// An addition is a part when its sentence gives another figure of the same measure and
/// status: "1,684 died in Al Haouz, with another 980 in Taroudant", "two more victims
/// died, raising the toll to 139". Neither is the whole the story counts. "23 died and
/// another 30 were treated" adds another kind of count, the whole of its own: it stays.
pub(super) fn mark_additions(claims: &mut [Claim], additions: &[usize]) {
    let parts: Vec<usize> = additions
        .iter()
        .copied()
        .filter(|&i| {
            let Some(mine) = claims.get(i).and_then(|c| c.frame.as_ref()) else {
                return false;
            };
            let Some(sentence) = claims[i].sentence_start else {
                return false;
            };
            claims.iter().enumerate().any(|(j, other)| {
                j != i
                    && other.sentence_start == Some(sentence)
                    && other
                        .frame
                        .as_ref()
                        .is_some_and(|f| f.measure == mine.measure && f.status == mine.status)
            })
        })
        .collect();
    for i in parts {
        if let Some(frame) = claims[i].frame.as_mut() {
            if !frame.measure.starts_with(crate::model::SUBSET_OF) {
                frame.measure = format!("{}{}", crate::model::SUBSET_OF, frame.measure);
            }
            claims[i].key = Some(frame.key());
        }
    }
}
