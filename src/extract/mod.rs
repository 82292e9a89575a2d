//! The `extract` stage: article text → claims (quantities with hedges as intervals, and
//! quotes), each with its subject, key, attribution, date and certainty.
//!
//! Pipeline per article: tokenize once ([`tokens`]), split sentences ([`sentences`]), find
//! numbers with their hedges ([`numbers`], [`hedges`]), then per sentence: counted subject,
//! status, location and key ([`subject`]), attribution ([`attribution`]), `as_of`
//! ([`time`]), certainty from modality; quotes come from [`quotes`].
//!
//! Rules worth knowing:
//! - approx intervals follow the precision as written (see [`hedges`]).
//! - Durations ("the past 48 hours") are parsed but never emitted as claims.
//! - A number with no counted noun inherits the subject and location of the previous
//!   claim when that claim is in the same or the previous sentence ("Of those, around 20
//!   are believed to be alive"); a coordinated number takes the noun of its partner
//!   ("5 and 6 people").
//! - Attribution: a cue before a claim covers it; a cue after all claims of the sentence
//!   (", officials said.") covers them all; a sentence opening with "Of those"/"Of them"
//!   carries the previous sentence's attribution. "The group"/"the militant group"
//!   resolves to the most recent organisation named before (a capitalised name ending in
//!   Brigades, Ministry, Army, …).
//! - `as_of` is null unless the sentence states a date or day word.
//! - Default place: a quantity (not money/percent) whose sentence names no place takes the
//!   article's dominant place ([`default_place`]). Places are slugged without trailing
//!   administrative words (Valdora Province → `valdora`; Gaza City stays `gaza-city`).
//! - "24 of the 48 hostages … remain alive": the part takes the predicate (alive), the
//!   whole keeps its noun's status (held). "up from 23 a day earlier" takes the key of the
//!   figure it is compared with and its own date.
//! - Attribution sources must name a person or body ([`attribution::valid_source`]);
//!   "it"/"the same assessment" resolve to the source named just before, else nothing.

mod article;
pub mod attribution;
mod checked;
mod claimant;
mod classes;
mod clause;
mod frame;
pub mod hedges;
mod lexicon;
mod nationality;
pub mod numbers;
pub mod quotes;
mod report_verbs;
pub mod sentences;
mod speakers;
mod status;
pub mod subject;
pub mod time;
pub mod tokens;

#[cfg(test)]
mod tests;

pub use checked::{extract_checked, unstorable, Extracted, MAX_FIGURE};

use classes as class;
use std::collections::HashMap;

use crate::model::{Article, Attribution, Certainty, Claim, ClaimKind, Frame, Quote};
use article::{
    companies, default_place, hold_bare_figures, is_addition, mark_additions, HeldFigure, RowPart,
};
use clause::{certainty, closes_clause, comparison, days_earlier, not_a_claim, phrase_end};
use lexicon::{STATUS_VERBS_BREAK, WHOLE_OPENERS};
use numbers::{NumHit, Parser, UnitKind};
use tokens::Toks;

/// The quantities in one piece of text (no subject/attribution), for tests and benchmarks.
pub fn parse_quantities(
    text: &str,
    language: Option<&str>,
) -> Vec<(std::ops::Range<usize>, crate::model::Quantity)> {
    numbers::parse(text, language)
}

fn claim_id(article_id: &str, kind: &str, span: [usize; 2]) -> String {
    let mut h = blake3::Hasher::new();
    h.update(article_id.as_bytes());
    h.update(b"\0");
    h.update(kind.as_bytes());
    h.update(b"\0");
    h.update(format!("{}:{}", span[0], span[1]).as_bytes());
    let hex = h.finalize().to_hex();
    hex.as_str()[..16].to_string()
}

#[derive(Clone)]
struct Prev {
    sent: usize,
    subject: Option<String>,
    head: Option<String>,
    location: Option<String>,
    status: Option<&'static str>,
    frame: Option<Frame>,
    attribution: Option<Attribution>,
}

/// Tokens after a closing quote mark within which its speaker's verb may stand.
const SPEAKER_AFTER_QUOTE: usize = 24;

const CLAUSE_WORDS: &[&str] = &["while", "but", "whereas", "although", "though", "meanwhile"];

/// An explicit date this many days before publication, in a present-tense sentence, is an
/// event date rather than the date of the count.
const STALE_DATE_DAYS: i64 = 60;

fn present_tense(sentence: &str) -> bool {
    sentence.split(|c: char| !c.is_alphabetic()).any(|w| {
        matches!(
            w.to_ascii_lowercase().as_str(),
            "have" | "has" | "are" | "is" | "remain" | "remains" | "stands" | "stand"
        )
    })
}

/// Every claim an article makes, in text order. Never panics, whatever the text.
pub fn extract_claims(article: &Article) -> Vec<Claim> {
    let text = article.text.as_str();
    let tk = Toks::new(text);
    let sents = sentences::split(text);
    let hits: Vec<NumHit> = Parser::new(&tk, article.language.as_deref())
        .all()
        .into_iter()
        .filter(|h| {
            (h.unit_kind != UnitKind::Time || time::is_claimed_duration(&tk, h.tok_a, h.tok_b))
                && !not_a_claim(&tk, h)
        })
        .collect();
    let quotes = quotes::find(text);
    let word_counts: std::cell::OnceCell<HashMap<&str, usize>> = std::cell::OnceCell::new();
    let mut out: Vec<Claim> = Vec::with_capacity(hits.len() + quotes.len());
    let tok_at = |byte: usize| tk.t.partition_point(|t| t.start < byte);
    let sentence_starts: Vec<usize> = sents.iter().map(|&(start, _)| tok_at(start)).collect();
    let sent_of = |byte: usize| {
        sents
            .partition_point(|s| s.1 <= byte)
            .min(sents.len().saturating_sub(1))
    };
    let mk = |kind: ClaimKind, (sa, sb): (usize, usize), span: [usize; 2]| Claim {
        claim_id: claim_id(
            &article.id,
            if kind == ClaimKind::Quote {
                "quote"
            } else {
                "quantity"
            },
            span,
        ),
        article_id: article.id.clone(),
        outlet: article.outlet.clone(),
        date: article.date.clone(),
        kind,
        sentence: text[sa..sb].to_string(),
        span,
        quantity: None,
        subject: None,
        key: None,
        attribution: None,
        as_of: None,
        certainty: Certainty::Asserted,
        quote: None,
        status: None,
        location: None,
        as_of_partial: None,
        sentence_start: Some(sa),
        story: None,
        frame: None,
    };

    // "cuts at Meta": a name the article uses for a company is no place of its figures
    let companies = companies(&tk);
    let is_company = |place: &str| companies.contains(&subject::slug(place));
    let default_place = default_place(&tk, &sents, &tok_at, article.title.as_deref())
        .filter(|place| !is_company(place));
    let mut prev: Option<Prev> = None;
    // Figures said to come in addition to another ("another 980"), by index in `out`
    let mut additions: Vec<usize> = Vec::new();
    // The employer that announced cuts in a sentence, for the sentence's later figures
    let mut employer: Option<(usize, Attribution)> = None;
    let mut bare_held: Vec<HeldFigure> = Vec::new();
    let mut hi = 0;
    for (si, &(sa, sb)) in sents.iter().enumerate() {
        let first = hi;
        while hi < hits.len() && hits[hi].start < sb {
            hi += 1;
        }
        let sh: Vec<&NumHit> = hits[first..hi].iter().filter(|h| h.start >= sa).collect();
        if sh.is_empty() {
            continue;
        }
        let ta = tok_at(sa);
        let tb = tok_at(sb);
        let attrs = attribution::find(&tk, ta, tb);
        // compared figures ("up from 23 a day earlier") carry their own date
        let cmp: Vec<Option<(usize, usize)>> = sh
            .iter()
            .map(|h| {
                comparison(&tk, h.tok_a).then(|| {
                    let start = (h.tok_a.saturating_sub(6).max(ta)..h.tok_a)
                        .find(|&k| {
                            tk.any(
                                k,
                                &[
                                    "up", "down", "compared", "rising", "falling", "rose", "fell",
                                    "increase", "decrease",
                                ],
                            )
                        })
                        .unwrap_or(h.tok_a);
                    (start, phrase_end(&tk, h.tok_b, tb))
                })
            })
            .collect();
        let as_of = {
            let mut segs = Vec::new();
            let mut from = ta;
            for &(x, y) in cmp.iter().flatten() {
                segs.push((from, x));
                from = y;
            }
            segs.push((from, tb));
            segs.iter()
                .filter(|(x, y)| x < y)
                .find_map(|&(x, y)| time::as_of(&tk, x, y, article.date.as_deref()))
        };
        let bounds: Vec<usize> = (ta..tb)
            .filter(|&k| {
                // ", meanwhile," is an aside, not a new clause
                tk.punct(k, ';')
                    || (tk.has(k, class::CLAUSE_WORDS)
                        && tk.punct(k.wrapping_sub(1), ',')
                        && !tk.punct(k + 1, ','))
            })
            .collect();
        let opener = subject::partitive_opener(&tk, ta, tb);
        let opens_with_anaphor =
            (tk.is(ta, "of") || tk.is(ta, "among")) && tk.any(ta + 1, &["those", "them", "these"]);
        // subjects first, so coordinated numbers can share a noun
        let mut subs = Vec::with_capacity(sh.len());
        for (n, h) in sh.iter().enumerate() {
            let cb = bounds
                .iter()
                .rev()
                .find(|&&x| x < h.tok_a)
                .copied()
                .unwrap_or(ta);
            let cf = bounds
                .iter()
                .find(|&&x| x >= h.tok_b)
                .copied()
                .unwrap_or(tb);
            let back = if n > 0 { sh[n - 1].tok_b.max(cb) } else { cb };
            let fwd = if n + 1 < sh.len() {
                sh[n + 1].tok_a.min(cf)
            } else {
                cf
            };
            let mp = matches!(h.unit_kind, UnitKind::Money | UnitKind::Percent);
            let mut sj = subject::analyze(&tk, h.tok_a, h.tok_b, back, fwd, mp);
            if let Some((o, hd)) = opener.as_ref().filter(|_| sj.subject.is_none() && !mp) {
                sj.subject = Some(o.clone());
                sj.head = Some(hd.clone());
            }
            if h.unit_kind == UnitKind::Time {
                // "a 22-minute interview", "60 days' notice": the next word is what lasts
                // "16 weeks of base pay": the analysed noun; "walked for three hours": none
                if let Some(k) = time::duration_noun(&tk, h.tok_b) {
                    sj.subject = Some(tk.s(k).to_string());
                    sj.head = Some(tk.s(k).to_lowercase());
                } else if !tk.is(h.tok_b, "of") {
                    sj.subject = None;
                    sj.head = None;
                    sj.status = None;
                }
            }
            subs.push((sj, cb, cf));
        }
        for n in 0..sh.len().saturating_sub(1) {
            // "24 of the 48 hostages still in Gaza remain alive": the part takes the noun and
            // the predicate; the whole keeps only what its noun says
            let gap = sh[n].tok_b..sh[n + 1].tok_a;
            let partitive = tk.is(gap.start, "of")
                && gap.len() <= 3
                && (gap.start + 1..gap.end).all(|k| tk.any(k, WHOLE_OPENERS));
            if partitive
                && subs[n].0.subject.is_none()
                && !subs[n].0.anaphor
                && subs[n + 1].0.subject.is_some()
            {
                let x = &subs[n + 1].0;
                let (sj, hd, lc, st, strong) = (
                    x.subject.clone(),
                    x.head.clone(),
                    x.location.clone(),
                    x.status,
                    x.status_strong,
                );
                let me = &mut subs[n].0;
                me.subject = sj;
                me.head = hd;
                if me.location.is_none() {
                    me.location = lc;
                }
                if me.status.is_none() {
                    me.status = st;
                }
                // "24 of the 48 hostages remain alive": the part's own predicate
                if st.is_some() && !strong {
                    me.part = false;
                }
                if !strong {
                    subs[n + 1].0.status = None;
                    subs[n + 1].0.whole = true;
                }
            } else if partitive && subs[n + 1].0.subject.is_none() && !subs[n + 1].0.anaphor {
                // "241 of the 242 on board"
                subs[n + 1].0.whole = true;
            }
        }
        for n in (0..sh.len().saturating_sub(1)).rev() {
            // "17 were alive and 29 dead in Port Elin": the place covers both
            if subs[n].0.location.is_none()
                && subs[n + 1].0.subject.is_none()
                && subs[n + 1].0.location.is_some()
                && subs[n + 1].1 == subs[n].1
            {
                subs[n].0.location = subs[n + 1].0.location.clone();
            }
            let gap = sh[n].tok_b..sh[n + 1].tok_a;
            let joined = !gap.is_empty()
                && gap.len() <= 2
                && gap
                    .clone()
                    .all(|k| tk.any(k, &["and", "or"]) || tk.punct(k, ','));
            if subs[n].1 == subs[n + 1].1 {
                // "Three firefighters and two police officers were injured", "arrested 5
                // and 6 people": coordinated numbers share a status one of them states
                let gap = sh[n].tok_b..sh[n + 1].tok_a;
                // "deaths have climbed to 2,862 and injuries to 2,562": what stands after
                // the "and" is the second figure's alone
                let own_noun_after_and = gap
                    .clone()
                    .skip_while(|&k| !tk.is(k, "and"))
                    .any(|k| subject::status_word(tk.s(k)).is_some());
                let both_nouns_gap = gap.clone().any(|k| tk.is(k, "and"))
                    && !own_noun_after_and
                    && gap
                        .clone()
                        .all(|k| !tk.punct(k, ',') && !tk.any(k, STATUS_VERBS_BREAK));
                if joined || both_nouns_gap {
                    let (a0, a1) = (subs[n].0.status, subs[n + 1].0.status);
                    if a0.is_none() && a1.is_some() && !subs[n + 1].0.status_strong {
                        subs[n].0.status = a1;
                    } else if a1.is_none() && a0.is_some() && !subs[n].0.status_strong {
                        subs[n + 1].0.status = a0;
                    }
                }
            }
            if joined
                && subs[n].0.subject.is_none()
                && !subs[n].0.anaphor
                && subs[n + 1].0.subject.is_some()
            {
                let (s, h, l, st) = {
                    let x = &subs[n + 1].0;
                    (
                        x.subject.clone(),
                        x.head.clone(),
                        x.location.clone(),
                        x.status,
                    )
                };
                let me = &mut subs[n].0;
                me.subject = s;
                me.head = h;
                if me.location.is_none() {
                    me.location = l;
                }
                if me.status.is_none() {
                    me.status = st;
                }
            }
        }
        // "the deaths of 41 Jordanians, 35 Tunisians and 11 Iranians": the items of a list
        // share its first item's status
        for n in 0..sh.len().saturating_sub(1) {
            let gap = sh[n].tok_b..sh[n + 1].tok_a;
            let separators = gap
                .clone()
                .rev()
                .take_while(|&k| tk.punct(k, ',') || tk.is(k, "and"))
                .count();
            let noun_words = gap.len() - separators;
            let own_noun = |sub: &subject::Subj| {
                sub.subject
                    .as_deref()
                    .is_some_and(|noun| noun.split_whitespace().count() == noun_words)
            };
            let listed = separators > 0
                && noun_words > 0
                && subs[n].1 == subs[n + 1].1
                && own_noun(&subs[n].0)
                && subs[n + 1].0.subject.is_some()
                && (gap.start..gap.end - separators).all(|k| tk.is_word(k));
            if listed && subs[n + 1].0.status.is_none() {
                subs[n + 1].0.status = subs[n].0.status;
            }
        }
        // "155 dead in Valencia, two in Castile-La Mancha and one in Andalusia, a total of
        // 158 people": the total of a list of parts has their status, and none's place
        for n in 2..sh.len() {
            let a = sh[n].tok_a;
            let totals = tk.is(a.wrapping_sub(1), "of") && tk.is(a.wrapping_sub(2), "total");
            if !totals || subs[n].0.status.is_some() {
                continue;
            }
            // the parts: one status among them (items after the first may leave it unsaid),
            // in places of their own
            let parts = &subs[..n];
            let mut statuses = parts.iter().filter_map(|p| p.0.status);
            let status = statuses.next();
            let one_status = status.is_some() && statuses.all(|st| Some(st) == status);
            let places: std::collections::HashSet<_> = parts
                .iter()
                .filter_map(|p| p.0.location.as_deref())
                .collect();
            if one_status && places.len() >= 2 {
                subs[n].0.status = status;
                subs[n].0.location = None;
            }
        }
        let last_tok = sh.last().map(|h| h.tok_a).unwrap_or(ta);
        for (n, h) in sh.iter().enumerate() {
            let (ref s, cb, cf) = subs[n];
            let mut c = mk(ClaimKind::Quantity, (sa, sb), [h.start, h.end]);
            c.quantity = Some(h.q.clone());
            c.as_of = as_of.clone();
            let mut subject = s.subject.clone();
            let mut head = s.head.clone();
            let mut location = s.location.clone().filter(|place| !is_company(place));
            let money_pct = matches!(h.unit_kind, UnitKind::Money | UnitKind::Percent);
            let inherit = prev
                .as_ref()
                .filter(|p| p.sent == si || (s.anaphor && p.sent + 2 >= si));
            let mut status = s.status;
            // a span of time names its own noun or has none ("walked for three hours")
            let durational = h.unit_kind == UnitKind::Time;
            if subject.is_none() && !money_pct && !durational {
                if let Some(p) = inherit {
                    subject = p.subject.clone();
                    head = p.head.clone();
                    if location.is_none() {
                        location = p.location.clone();
                    }
                    if status.is_none() && !s.whole {
                        status = p.status;
                    }
                }
            } else if s.anaphor && location.is_none() {
                if let Some(p) = inherit {
                    location = p.location.clone();
                }
            }
            let compared = cmp[n].and_then(|_| prev.as_ref().filter(|p| p.sent == si));
            // "freed 90 prisoners in exchange for three hostages": the partner's status
            let k0 = h.tok_a;
            let partner = (tk.is(k0.wrapping_sub(1), "for")
                && tk.is(k0.wrapping_sub(2), "exchange")
                && tk.is(k0.wrapping_sub(3), "in"))
                || (tk.is(k0.wrapping_sub(1), "with")
                    && tk.any(k0.wrapping_sub(2), &["along", "together"]))
                || (tk.is(k0.wrapping_sub(1), "as")
                    && tk.is(k0.wrapping_sub(2), "well")
                    && tk.is(k0.wrapping_sub(3), "as"));
            if partner && !s.status_strong {
                if let Some(p) = prev.as_ref().filter(|p| p.sent == si && p.status.is_some()) {
                    status = p.status;
                }
            }
            // attribution: nearest cue before the claim, else one after every claim
            let before = attrs
                .iter()
                .rfind(|a| a.at < h.tok_a && !(a.verb && attribution::quote_only(&a.cue)));
            // a cue after the claim covers it when it follows every claim, or when it closes
            // its clause (", the office said, and …"), with no semicolon in between; "…, he
            // added." reports too
            let after = attrs.iter().find(|a| {
                a.at >= h.tok_b
                    && !a.sub
                    && (a.at > last_tok || closes_clause(&tk, a.end, tb))
                    && !(h.tok_b..a.at).any(|k| tk.punct(k, ';'))
                    && attribution::reports_figures(&tk, a, tb)
            });
            // "“According to preliminary data, 40 were killed,” the service said": a
            // document is what the claimant cites, the claimant is who said it
            let before =
                before.filter(|b| after.is_none() || !attribution::names_a_document(&b.source));
            let mut attr = before.or(after).and_then(|a| {
                let src = attribution::resolve_group(&tk, a.source.clone(), a.at);
                // "it", "they", "the same assessment": the source named just before
                let l = src.to_lowercase();
                let person = matches!(l.as_str(), "he" | "she" | "her" | "him");
                let anaphoric = person
                    || matches!(l.as_str(), "it" | "they" | "them")
                    || l.starts_with("the same ");
                if anaphoric {
                    let before = prev
                        .as_ref()
                        .filter(|p| p.sent + 2 >= si)
                        .and_then(|p| p.attribution.clone());
                    // "According to her, two more were missing": the person the article
                    // is about, when no source was named just before
                    return before.or_else(|| {
                        person
                            .then(|| {
                                speakers::pronoun_speaker(
                                    &tk,
                                    a.at,
                                    &quotes,
                                    &word_counts,
                                    &sentence_starts,
                                )
                            })
                            .flatten()
                            .map(|name| Attribution {
                                source: speakers::full_name(&tk, &name),
                                cue: a.cue.clone(),
                                via: a.via.clone(),
                            })
                    });
                }
                Some(Attribution {
                    source: src,
                    cue: a.cue.clone(),
                    via: a.via.clone(),
                })
            });
            if attr.is_none() && opens_with_anaphor {
                if let Some(p) = prev.as_ref().filter(|p| p.sent + 1 == si) {
                    attr = p.attribution.clone();
                }
            }
            c.certainty = certainty(&tk, cb, cf);
            // entity and key
            if let Some(hd) = &head {
                status = subject::status_of(hd, status);
                // "just three bodies have been identified", "19 bodies have not yet been
                // identified": what is counted is how many of the dead have names
                if status == Some("dead") && matches!(hd.as_str(), "bodies" | "victims" | "dead") {
                    if let Some(named) = frame::identified_after(&tk, h.tok_b, cf) {
                        status = Some(if named { "identified" } else { "unidentified" });
                    } else if hd == "bodies" {
                        // "204 bodies have been recovered", "28 bodies were found in a
                        // restroom": how far the search has got, not the toll
                        status = Some("recovered");
                    }
                }
            }
            let ent = match h.unit_kind {
                UnitKind::Money => Some("money".to_string()),
                // "rose 0.1 percentage point": a change of a rate, not a rate
                UnitKind::Percent if h.q.unit.as_deref() == Some("percentage points") => {
                    Some("percentage points".to_string())
                }
                UnitKind::Percent => Some("percent".to_string()),
                _ => match (&head, status) {
                    (Some(hd), st) => Some(subject::entity(hd, st.unwrap_or("count"))),
                    (None, Some(st)) => Some(
                        match st {
                            "marched" => "protesters",
                            "held" => "hostages",
                            _ => "people",
                        }
                        .to_string(),
                    ),
                    (None, None) => None,
                },
            };
            if status.is_none() && ent.as_deref() == Some("hostages") {
                status = Some("held");
            }
            if money_pct {
                status = None;
            }
            // "16 weeks of base pay": how long, in which unit, is the measure
            if h.unit_kind == UnitKind::Time {
                status = h.q.unit.as_deref().and_then(time::unit_status);
            }
            // "5% of its workforce", "the jobless rate rose to 4.1%": what it is a share of
            // "1,301 died, 83 per cent of them without permits": a share of the figure before
            let share_of_those = || {
                let p = prev.as_ref().filter(|p| p.sent == si)?;
                frame::share_of_those(&tk, h.tok_b, tb)
                    .then(|| frame::base_of(p.frame.as_ref()?))
                    .flatten()
            };
            let share_of = (h.unit_kind == UnitKind::Percent)
                .then(|| {
                    share_of_those().or_else(|| frame::percent_base(&tk, h.tok_a, h.tok_b, ta, tb))
                })
                .flatten();
            if share_of.is_some() {
                status = share_of;
            }
            // "payrolls grew by 206,000": a figure with no noun of its own
            let ent = match ent {
                None if h.unit_kind == UnitKind::None => frame::measure_before(&tk, h.tok_a, ta)
                    .map(|(entity, measured)| {
                        if status.is_none() {
                            status = Some(measured);
                        }
                        entity.to_owned()
                    }),
                ent => ent,
            };
            // "employs 3,000 people": a workforce
            let ent = match ent {
                Some(e)
                    if e == "people"
                        && status.is_none()
                        && frame::is_workforce(&tk, h.tok_a, h.tok_b, ta, tb) =>
                {
                    Some("employees".to_owned())
                }
                ent => ent,
            };
            // "let go 4,400 of its 5,500 workers", "Twitter's 7,500 employees braced for
            // cuts": a workforce, not the jobs cut
            let workforce = s.whole || frame::owned_workforce(&tk, h.tok_a, h.tok_b, ta);
            let ent = match ent {
                Some(e)
                    if status.is_none() && workforce && e != "people" && frame::is_job_noun(&e) =>
                {
                    Some("employees".to_owned())
                }
                ent => ent,
            };
            // "laying off 10,000 workers", "cutting 10,000 roles": one measure, jobs cut
            let ent = match ent {
                Some(e)
                    if status.is_none()
                        && !workforce
                        && !frame::employs_before(&tk, h.tok_a, ta)
                        && frame::jobs_cut(&tk, &e, h.tok_a, h.tok_b, ta, tb) =>
                {
                    status = Some("cut");
                    Some("jobs".to_owned())
                }
                ent => ent,
            };
            // "323 Egyptian pilgrims died": one nationality's dead are a part of the toll
            let ent = match (ent, h.unit_kind) {
                (Some(e), UnitKind::None) if e == "people" || e == "foreigners" => {
                    // "19 Kenyans died" in a story set in Kenya are its people
                    let home = |place: &Option<String>, country: &str| {
                        place.as_deref().map(subject::slug).as_deref()
                            == Some(&subject::slug(country))
                    };
                    // "Egypt's toll at 672" in an article set elsewhere (or nowhere it
                    // names) is Egypt's people
                    let set_elsewhere = |country: &str| {
                        let place = location.as_deref().or(default_place.as_deref());
                        place.is_none_or(|place| {
                            let place = subject::place_slug(place);
                            place != subject::slug(country)
                                && !crate::places::within(&place, &subject::slug(country))
                        })
                    };
                    match nationality::nationality(&tk, h.tok_a, h.tok_b, ta, tb) {
                        Some(country)
                            if !home(&location, country) && !home(&default_place, country) =>
                        {
                            Some(format!("{country} people"))
                        }
                        None => match nationality::possessive_country(&tk, h.tok_a, ta) {
                            Some(country) if set_elsewhere(country) => {
                                location = None;
                                Some(format!("{country} people"))
                            }
                            _ => Some(e),
                        },
                        _ => Some(e),
                    }
                }
                (ent, _) => ent,
            };
            // "economists had expected 175,000": an expectation is another quantity
            let ent = ent.map(|e| {
                // an election night's projected seats are reported as its result
                let modelled =
                    !frame::is_held(&e, share_of) && frame::is_modelled(&tk, h.tok_a, ta);
                if modelled || frame::is_expectation(&tk, h.tok_a, h.tok_b, ta, tb) {
                    format!("expected {e}")
                } else if (s.part || frame::bracketed_part(&tk, h.tok_a, h.tok_b))
                    && status != Some("cut")
                    && !frame::is_held(&e, share_of)
                {
                    format!("{}{e}", crate::model::SUBSET_OF)
                } else {
                    e
                }
            });
            // "Labour won 412 seats, the Tories 121": one quantity per holder
            let ent = ent.map(|e| {
                match frame::is_held(&e, share_of)
                    .then(|| frame::holder(&tk, h.tok_a, ta))
                    .flatten()
                {
                    Some(holder) => format!("{holder} {e}"),
                    None => e,
                }
            });
            // "14 ministers attended": a crowd verb makes protesters only of people
            if status == Some("marched")
                && !matches!(ent.as_deref(), Some("people") | Some("protesters"))
            {
                status = None;
            }
            // "Labour gained over 200 seats", "the Tories lost 251": seats won or lost
            if ent
                .as_deref()
                .is_some_and(|e| frame::is_held_measure(e, share_of))
            {
                match frame::held_change(&tk, h.tok_a, ta) {
                    Some(true) => status = Some("gained"),
                    Some(false) => status = Some("lost"),
                    // "Labour already holds 400 of the seats": holding seats is having them
                    None if status == Some("held") => status = None,
                    None => {}
                }
            }
            if location.is_none() && !money_pct && ent.is_some() {
                location = default_place.clone();
            }
            c.frame = ent.map(|measure| Frame {
                measure,
                status: status.unwrap_or("count").to_owned(),
                place: location
                    .as_deref()
                    .map(subject::place_slug)
                    .filter(|place| !place.is_empty()),
                era: time::era(&tk, ta..tb, h.tok_a..h.tok_b, article.date.as_deref()),
                years_back: time::years_back(
                    &tk,
                    ta..tb,
                    h.tok_a..h.tok_b,
                    article.date.as_deref(),
                ),
                month: time::named_month(&tk, ta..tb, h.tok_a..h.tok_b, article.date.as_deref()),
            });
            if let (Some(p), Some((_, end))) = (compared, cmp[n]) {
                // the compared figure is the same quantity at another time, and its own
                // phrase says which month ("206,000 in June, up from 150,000 in May")
                c.frame = p.frame.clone().map(|frame| Frame {
                    month: time::named_month(
                        &tk,
                        ta..tb,
                        h.tok_a..h.tok_b,
                        article.date.as_deref(),
                    ),
                    ..frame
                });
                subject = p.subject.clone();
                head = p.head.clone();
                status = p.status;
                location = p.location.clone();
                let base = as_of
                    .as_deref()
                    .or(article.date.as_deref())
                    .and_then(time::parse_iso);
                c.as_of = time::as_of(&tk, h.tok_b, end, article.date.as_deref()).or_else(|| {
                    days_earlier(&tk, h.tok_b, end).and_then(|d| base.map(|b| time::fmt(b - d)))
                });
            }
            c.key = c.frame.as_ref().map(Frame::key);
            // "The ministry said 2,946 had died. Of the victims, 2,854 have been buried.": a
            // sentence with no source of its own that goes on about the same measure goes on
            // with the source of the sentence before
            if attr.is_none() && attrs.is_empty() {
                let same_measure = |p: &Prev| matches!((&p.frame, &c.frame), (Some(a), Some(b)) if a.measure == b.measure);
                if let Some(p) = prev
                    .as_ref()
                    .filter(|p| p.sent + 1 == si && same_measure(p))
                {
                    attr = p.attribution.clone();
                }
            }
            c.subject = subject.clone();
            c.status = status.map(str::to_string);
            c.location = location.clone();
            if attr.is_none() && status == Some("cut") {
                // "Microsoft will eliminate 10,000 jobs": the employer announces its cuts
                let clause_start = cb.max(ta);
                attr =
                    frame::cutting_employer(&tk, clause_start, h.tok_a).map(|source| Attribution {
                        source,
                        cue: "announced".into(),
                        via: None,
                    });
                if let Some(a) = &attr {
                    employer = Some((si, a.clone()));
                }
            } else if attr.is_none() {
                // "… 10,000 jobs - about 5% of its staff - aiming to save $1 billion": the
                // share of its staff and the money the cuts save are the employer's figures too
                let share_or_money = c.frame.as_ref().is_some_and(|f| {
                    f.measure == "money" || (f.measure == "percent" && f.status == "workforce")
                });
                if let Some((_, a)) = employer
                    .as_ref()
                    .filter(|(s, _)| *s == si && share_or_money)
                {
                    attr = Some(a.clone());
                }
            }
            c.attribution = attr.clone();
            // "Conservatives: 121", "the Liberal Democrats' 71": a holder's bare figure,
            // counted in what the article's holders hold (read when the article is done)
            if c.frame.is_none() && h.unit_kind == UnitKind::None && subject.is_none() {
                // "Labour 410 (+210)": a results row's figure, and its change since before
                let (at, part) = match frame::bracketed_change(&tk, h.tok_a, h.tok_b) {
                    Some((row, gain)) => (row, RowPart::Change { gain }),
                    None if frame::change_in_brackets_after(&tk, h.tok_b) => {
                        (h.tok_a, RowPart::RowFigure)
                    }
                    None => (h.tok_a, RowPart::Plain),
                };
                if let Some(holder) = frame::holder(&tk, at, ta) {
                    bare_held.push(HeldFigure {
                        claim: out.len(),
                        holder,
                        part,
                    });
                }
            }
            if c.frame.is_some() && is_addition(&tk, h.tok_a, h.tok_b) {
                additions.push(out.len());
            }
            prev = Some(Prev {
                sent: si,
                subject,
                head,
                location,
                status,
                frame: c.frame.clone(),
                attribution: attr,
            });
            out.push(c);
        }
    }

    hold_bare_figures(&mut out, bare_held);
    mark_additions(&mut out, &additions);

    // quotes
    let mut last_speaker: Option<(usize, String)> = None;
    // how often each capitalised word occurs: built the first time a pronoun needs it
    for q in &quotes {
        let si = sent_of(q.open);
        let Some(&(sa, sb)) = sents.get(si) else {
            continue;
        };
        let ta = tok_at(sa);
        // a quote of several sentences: its speaker follows the sentence it closes in
        let closing_end = sents
            .get(sent_of(q.close_end.saturating_sub(1)))
            .map_or(sb, |&(_, end)| end);
        let tb = tok_at(sb.max(q.close_end).max(closing_end));
        let open_tok = tok_at(q.open);
        let after_tok = tok_at(q.close_end);
        let mut speaker: Option<(String, usize)> = None;
        // after the quote: ", Trump stated." / ", said the minister."
        let attrs_after = attribution::find(&tk, after_tok, tb.max(after_tok));
        // (the speaker's name may carry a long title: ", Kim, head of the bureau at the
        // agency, said Monday.")
        if let Some(a) = attrs_after.iter().find(|a| {
            a.verb && attribution::speaks(&a.cue) && a.at < after_tok + SPEAKER_AFTER_QUOTE
        }) {
            speaker = Some((a.source.clone(), a.at));
        }
        if speaker.is_none() && open_tok > ta {
            let attrs_before = attribution::find(&tk, ta, open_tok);
            if let Some(a) = attrs_before
                .iter()
                .rev()
                .find(|a| a.verb && attribution::speaks(&a.cue))
            {
                speaker = Some((a.source.clone(), a.at));
            }
        }
        // a transcript: "MUSK: “I hope they stop.”"
        if speaker.is_none() && open_tok >= ta + 2 && tk.punct(open_tok - 1, ':') {
            let name = tk.s(open_tok - 2);
            if tk.is_word(open_tok - 2)
                && name.len() >= 3
                && name.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
            {
                speaker = Some((name.to_owned(), open_tok - 2));
            }
        }
        // "Biden hit back on a call: “…”", "He then added: “…”": the clause's subject
        if speaker.is_none() && open_tok > ta && tk.punct(open_tok - 1, ':') {
            speaker = speakers::subject_before_colon(&tk, ta, open_tok - 1);
        }
        // "Zuckerberg called the cuts “…”": the subject of the quote's clause
        if speaker.is_none() && open_tok > ta {
            speaker = speakers::quote_clause_subject(&tk, ta, open_tok, after_tok, tb);
        }
        if speaker.is_none() {
            // a quote continuing the previous speaker's words
            if let Some((ls, sp)) = &last_speaker {
                if si <= ls + 1 {
                    speaker = Some((sp.clone(), open_tok));
                }
            }
        }
        if speaker.is_none() {
            speaker = speakers::narrative_speaker(&tk, open_tok, &quotes, &sentence_starts)
                .map(|name| (name, open_tok));
        }
        let sp = speaker.map(|(s, at)| {
            let s = attribution::resolve_group(&tk, s, at);
            if s.eq_ignore_ascii_case("he") || s.eq_ignore_ascii_case("she") {
                last_speaker
                    .as_ref()
                    .map(|x| x.1.clone())
                    .or_else(|| {
                        speakers::pronoun_speaker(
                            &tk,
                            open_tok,
                            &quotes,
                            &word_counts,
                            &sentence_starts,
                        )
                        .map(|name| speakers::full_name(&tk, &name))
                    })
                    .unwrap_or(s)
            } else {
                speakers::full_name(&tk, &s)
            }
        });
        if let Some(s) = &sp {
            last_speaker = Some((si, s.clone()));
        }
        let mut c = mk(ClaimKind::Quote, (sa, sb), [q.start, q.end]);
        c.quote = Some(Quote {
            speaker: sp.clone(),
            text: text[q.start..q.end].to_string(),
        });
        c.attribution = sp.map(|s| Attribution {
            source: s,
            cue: "quote".into(),
            via: None,
        });
        out.push(c);
    }
    // "“We will give 16 weeks of base pay,” he wrote": a figure inside a quote is its
    // speaker's
    let spoken: Vec<(usize, usize, Attribution)> = out
        .iter()
        .filter(|c| c.kind == ClaimKind::Quote)
        .filter_map(|c| Some((c.span[0], c.span[1], c.attribution.clone()?)))
        .collect();
    for claim in out.iter_mut().filter(|c| c.kind == ClaimKind::Quantity) {
        if claim.attribution.is_none() {
            claim.attribution = spoken
                .iter()
                .find(|(start, end, _)| *start <= claim.span[0] && claim.span[1] <= *end)
                .map(|(_, _, speaker)| speaker.clone());
        }
    }
    out.sort_by_key(|c| (c.span[0], c.span[1]));
    let article_days = article.date.as_deref().and_then(time::parse_iso);
    for claim in &mut out {
        let (full, partial) = time::split_partial(claim.as_of.take());
        claim.as_of = full;
        claim.as_of_partial = partial;
        // A count stated in the present or present perfect ("35 hostages have died, ... on
        // October 7, 2023") is a count as of publication; a much older date in the
        // sentence says when something happened, not when it was counted.
        let old_date = match (
            claim.as_of.as_deref().and_then(time::parse_iso),
            article_days,
        ) {
            (Some(as_of), Some(published)) => published - as_of > STALE_DATE_DAYS,
            _ => false,
        };
        if old_date && claim.kind == ClaimKind::Quantity && present_tense(&claim.sentence) {
            claim.as_of = None;
        }
    }
    out
}
