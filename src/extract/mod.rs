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

pub mod attribution;
pub mod hedges;
pub mod numbers;
pub mod quotes;
pub mod sentences;
pub mod subject;
pub mod time;
pub mod tokens;

#[cfg(test)]
mod tests;

use crate::model::{Article, Attribution, Certainty, Claim, ClaimKind, Quote};
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
    attribution: Option<Attribution>,
}

const CLAUSE_WORDS: &[&str] = &["while", "but", "whereas", "although", "though", "meanwhile"];

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

fn resolve_group(tk: &Toks, s: String, at: usize) -> String {
    if is_group_ref(&s) {
        if let Some(o) = last_org(tk, at) {
            return o;
        }
    }
    s
}

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
fn full_name(tk: &Toks, name: &str) -> String {
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

fn certainty(tk: &Toks, a: usize, b: usize) -> Certainty {
    let mut est = false;
    let mut claimed = false;
    for k in a..b.min(tk.len()) {
        if !tk.is_word(k) {
            continue;
        }
        let may = tk.s(k) == "may" || (tk.s(k) == "May" && tk.any(k + 1, &["have", "be"]));
        if may || tk.any(k, &["might", "could", "possibly", "perhaps"]) {
            return Certainty::Possible;
        }
        if tk.any(k, &["says", "say", "said"])
            && tk.any(k + 1, &["it", "they"])
            && tk.any(k + 2, &["is", "are", "was", "were", "has", "have", "had"])
        {
            claimed = true;
        }
        if tk.any(
            k,
            &[
                "claims",
                "claimed",
                "claim",
                "alleges",
                "alleged",
                "allegedly",
                "alleging",
                "claiming",
            ],
        ) {
            // a verb, not the noun ("reinforcing claims that …", "the claims")
            let p = k.wrapping_sub(1);
            let noun = tk.any(
                p,
                &[
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
                ],
            ) || (tk.is_word(p) && tk.s(p).ends_with("ing"));
            if !noun {
                claimed = true;
            }
        }
        if tk.any(
            k,
            &[
                "estimated",
                "estimates",
                "estimate",
                "believed",
                "believes",
                "thought",
                "reportedly",
                "presumed",
                "likely",
            ],
        ) {
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

/// Every claim an article makes, in text order. Never panics, whatever the text.
pub fn extract_claims(article: &Article) -> Vec<Claim> {
    let text = article.text.as_str();
    let tk = Toks::new(text);
    let sents = sentences::split(text);
    let hits: Vec<NumHit> = Parser::new(&tk, article.language.as_deref())
        .all()
        .into_iter()
        .filter(|h| h.unit_kind != UnitKind::Time)
        .collect();
    let quotes = quotes::find(text);
    let mut out: Vec<Claim> = Vec::with_capacity(hits.len() + quotes.len());
    let tok_at = |byte: usize| tk.t.partition_point(|t| t.start < byte);
    let sent_of = |byte: usize| {
        sents
            .partition_point(|s| s.1 <= byte)
            .min(sents.len().saturating_sub(1))
    };
    let mk = |kind: ClaimKind, sentence: &str, span: [usize; 2]| Claim {
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
        sentence: sentence.to_string(),
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
    };

    let mut prev: Option<Prev> = None;
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
        let sentence = &text[sa..sb];
        let attrs = attribution::find(&tk, ta, tb);
        let as_of = time::as_of(&tk, ta, tb, article.date.as_deref());
        let bounds: Vec<usize> = (ta..tb)
            .filter(|&k| {
                tk.punct(k, ';') || (tk.any(k, CLAUSE_WORDS) && tk.punct(k.wrapping_sub(1), ','))
            })
            .collect();
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
            subs.push((
                subject::analyze(&tk, h.tok_a, h.tok_b, back, fwd, mp),
                cb,
                cf,
            ));
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
            if subs[n].0.subject.is_none() && !subs[n].0.anaphor && subs[n + 1].0.subject.is_some()
            {
                let gap = sh[n].tok_b..sh[n + 1].tok_a;
                let joined = gap.len() <= 2
                    && gap
                        .clone()
                        .all(|k| tk.any(k, &["and", "or"]) || tk.punct(k, ','));
                if joined {
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
        }
        let last_tok = sh.last().map(|h| h.tok_a).unwrap_or(ta);
        for (n, h) in sh.iter().enumerate() {
            let (ref s, cb, cf) = subs[n];
            let mut c = mk(ClaimKind::Quantity, sentence, [h.start, h.end]);
            c.quantity = Some(h.q.clone());
            c.as_of = as_of.clone();
            let mut subject = s.subject.clone();
            let mut head = s.head.clone();
            let mut location = s.location.clone();
            let money_pct = matches!(h.unit_kind, UnitKind::Money | UnitKind::Percent);
            let inherit = prev
                .as_ref()
                .filter(|p| p.sent == si || (s.anaphor && p.sent + 2 >= si));
            if subject.is_none() && !money_pct {
                if let Some(p) = inherit {
                    subject = p.subject.clone();
                    head = p.head.clone();
                    if location.is_none() {
                        location = p.location.clone();
                    }
                }
            } else if s.anaphor && location.is_none() {
                if let Some(p) = inherit {
                    location = p.location.clone();
                }
            }
            let mut status = s.status;
            // attribution: nearest cue before the claim, else one after every claim
            let before = attrs
                .iter()
                .rfind(|a| a.at < h.tok_a && !(a.verb && attribution::quote_only(&a.cue)));
            let after = attrs.iter().find(|a| {
                a.at >= h.tok_b && a.at > last_tok && !(a.verb && attribution::quote_only(&a.cue))
            });
            let mut attr = before.or(after).map(|a| Attribution {
                source: resolve_group(&tk, a.source.clone(), a.at),
                cue: a.cue.clone(),
                via: a.via.clone(),
            });
            if attr.is_none() && opens_with_anaphor {
                if let Some(p) = prev.as_ref().filter(|p| p.sent + 1 == si) {
                    attr = p.attribution.clone();
                }
            }
            c.certainty = certainty(&tk, cb, cf);
            // entity and key
            let ent = match h.unit_kind {
                UnitKind::Money => Some("money".to_string()),
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
            c.key = ent.map(|e| {
                let mut k = format!("{}/{}", e, status.unwrap_or("count"));
                if let Some(l) = &location {
                    let sl = subject::slug(l);
                    if !sl.is_empty() {
                        k.push('/');
                        k.push_str(&sl);
                    }
                }
                k
            });
            c.subject = subject.clone();
            c.status = status.map(str::to_string);
            c.location = location.clone();
            c.attribution = attr.clone();
            prev = Some(Prev {
                sent: si,
                subject,
                head,
                location,
                attribution: attr,
            });
            out.push(c);
        }
    }

    // quotes
    let mut last_speaker: Option<(usize, String)> = None;
    for q in &quotes {
        let si = sent_of(q.open);
        let Some(&(sa, sb)) = sents.get(si) else {
            continue;
        };
        let ta = tok_at(sa);
        let tb = tok_at(sb.max(q.close_end));
        let open_tok = tok_at(q.open);
        let after_tok = tok_at(q.close_end);
        let mut speaker: Option<(String, usize)> = None;
        // after the quote: ", Trump stated." / ", said the minister."
        let attrs_after = attribution::find(&tk, after_tok, tb.max(after_tok));
        if let Some(a) = attrs_after.iter().find(|a| a.verb && a.at < after_tok + 8) {
            speaker = Some((a.source.clone(), a.at));
        }
        if speaker.is_none() && open_tok > ta {
            let attrs_before = attribution::find(&tk, ta, open_tok);
            if let Some(a) = attrs_before.iter().rev().find(|a| a.verb) {
                speaker = Some((a.source.clone(), a.at));
            }
        }
        if speaker.is_none() {
            // a quote continuing the previous speaker's words
            if let Some((ls, sp)) = &last_speaker {
                if si <= ls + 1 {
                    speaker = Some((sp.clone(), open_tok));
                }
            }
        }
        let sp = speaker.map(|(s, at)| {
            let s = resolve_group(&tk, s, at);
            if s.eq_ignore_ascii_case("he") || s.eq_ignore_ascii_case("she") {
                last_speaker.as_ref().map(|x| x.1.clone()).unwrap_or(s)
            } else {
                full_name(&tk, &s)
            }
        });
        if let Some(s) = &sp {
            last_speaker = Some((si, s.clone()));
        }
        let mut c = mk(ClaimKind::Quote, &text[sa..sb], [q.start, q.end]);
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
    out.sort_by_key(|c| (c.span[0], c.span[1]));
    out
}
