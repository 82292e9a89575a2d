//! What a whole article settles for its figures: the place it is about when a sentence
//! names none, and the measure its holders hold when a holder's figure names none.

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

/// Framed figures of an article's holders it takes before a holder's bare figure is read
/// as one more of the same ("Labour won 412 seats … Conservatives: 121").
const HELD_FIGURES: usize = 2;

/// Gives each holder's bare figure (claim index, holder) the measure the article's holders
/// hold most ("seats", "votes"), when it names one at least [`HELD_FIGURES`] times.
pub(super) fn hold_bare_figures(claims: &mut [Claim], bare: Vec<(usize, String)>) {
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
    let Some((measure, _)) = held
        .into_iter()
        .filter(|(_, n)| *n >= HELD_FIGURES)
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
    else {
        return;
    };
    let measure = measure.to_owned();
    for (i, holder) in bare {
        if let Some(claim) = claims.get_mut(i) {
            let frame = Frame {
                measure: format!("{holder} {measure}"),
                status: "count".to_owned(),
                place: None,
                era: None,
                years_back: None,
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
