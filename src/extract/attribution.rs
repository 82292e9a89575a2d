//! Who a sentence says made its claims: "according to X", "X said/estimated/claims/…",
//! "citing X", "X's figures", "said X", and chains ("The Herald reported, citing
//! officials, that …" → source officials, via The Herald). Also used for quote speakers.

use super::tokens::{Tk, Toks};

pub const CUE_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "stated",
    "states",
    "estimated",
    "estimates",
    "estimate",
    "claims",
    "claimed",
    "claim",
    "suggests",
    "suggested",
    "suggest",
    "reported",
    "reports",
    "report",
    "announced",
    "announces",
    "confirmed",
    "confirms",
    "believes",
    "believe",
    "added",
    "adds",
    "noted",
    "notes",
    "indicated",
    "indicates",
    "counted",
    "recorded",
    "documented",
    "alleged",
    "alleges",
    "allege",
    "wrote",
    "writes",
    "warned",
    "insisted",
    "declared",
    "explained",
    "emphasized",
    "emphasised",
    "stressed",
    "argued",
    "acknowledged",
    "admitted",
    "tallied",
    "put",
    "puts",
    "assessed",
    "assesses",
    "calculated",
    "counts",
    "continued",
    "asked",
    "replied",
    "stated",
];

/// Verbs that introduce quotes only (not quantity attribution).
const QUOTE_ONLY: &[&str] = &[
    "added",
    "adds",
    "wrote",
    "writes",
    "warned",
    "insisted",
    "declared",
    "explained",
    "emphasized",
    "emphasised",
    "stressed",
    "argued",
    "continued",
    "asked",
    "replied",
    "acknowledged",
    "admitted",
    "noted",
    "notes",
];

const BE: &[&str] = &[
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "the",
    "a",
    "an",
    "these",
    "those",
    "its",
    "their",
    "his",
    "her",
    "our",
    "such",
    "any",
    "no",
    "unconfirmed",
    "earlier",
    "media",
    "some",
    "many",
    "reinforcing",
    "amid",
    "of",
    "to",
    "by",
];

const NP_STOP: &[&str] = &[
    "that",
    "while",
    "but",
    "and",
    "which",
    "who",
    "as",
    "because",
    "after",
    "when",
    "although",
    "though",
    "whereas",
    "if",
    "since",
    "so",
    "meanwhile",
    "however",
    "also",
    "has",
    "have",
    "had",
    "is",
    "was",
    "are",
    "were",
    "will",
    "would",
    "previously",
    "earlier",
    "later",
    "then",
    "there",
    "where",
    "what",
    "how",
    "than",
    "not",
    "never",
    "it",
    "on",
    "in",
    "at",
    "with",
    "for",
    "from",
    "to",
    "of",
    "by",
    "said",
    "says",
    "have",
    "had",
    "again",
    "now",
    "today",
    "yesterday",
    "reportedly",
];

#[derive(Debug, Clone)]
pub struct Attr {
    /// Token where the cue sits (claims after it are covered).
    pub at: usize,
    /// Token after the attribution phrase.
    pub end: usize,
    pub source: String,
    pub cue: String,
    pub via: Option<String>,
    /// "X said" with the verb; used for speakers too.
    pub verb: bool,
}

fn is_np_word(tk: &Toks, k: usize) -> bool {
    tk.is_word(k) && !tk.any(k, NP_STOP)
}

/// Noun phrase ending at token `end` (inclusive), walking back; returns first token.
pub fn np_back(tk: &Toks, end: usize, floor: usize) -> Option<usize> {
    let mut k = end;
    let mut first = None;
    let mut words = 0;
    loop {
        if k < floor || k >= tk.len() {
            break;
        }
        if is_np_word(tk, k) {
            let w = tk.s(k);
            if words > 0 && w.ends_with("ing") && !tk.capitalized(k) {
                break;
            }
            first = Some(k);
            words += 1;
            if words >= 7 {
                break;
            }
            if tk.any(k, &["the", "a", "an"]) {
                break;
            }
        } else if tk.kind(k) == Some(Tk::Punct)
            && matches!(tk.s(k), "." | "-" | "’" | "'" | "&")
            && tk.adjacent(k)
            && k > floor
            && tk.is_word(k - 1)
            && first.is_some()
        {
            // U.S. / Al-Qassam / Hamas’
        } else if tk.kind(k) == Some(Tk::Punct)
            && matches!(tk.s(k), "." | "’" | "'")
            && first.is_none()
            && k > floor
            && tk.adjacent(k)
            && tk.is_word(k - 1)
        {
            // trailing period of "U.S." / possessive apostrophe
        } else {
            break;
        }
        if k == 0 {
            break;
        }
        k -= 1;
    }
    let f = first?;
    // a noun phrase needs a content word
    if (f..=end).all(|t| !tk.is_word(t) || tk.any(t, &["the", "a", "an"])) {
        return None;
    }
    Some(f)
}

/// Noun phrase starting at token `start`, forward to a comma/period/clause word.
pub fn np_fwd(tk: &Toks, start: usize, limit: usize) -> Option<usize> {
    let mut k = start;
    let mut last = None;
    while k < limit && k < start + 12 {
        if tk.is_word(k) {
            if tk.any(
                k,
                &["that", "which", "who", "while", "but", "there", "on", "as"],
            ) && last.is_some()
            {
                break;
            }
            if k > start && super::subject::status_word(tk.s(k)).is_some() && !tk.capitalized(k) {
                break;
            }
            last = Some(k);
        } else if tk.kind(k) == Some(Tk::Punct)
            && matches!(tk.s(k), "." | "-" | "’" | "'" | "&")
            && tk.adjacent(k)
            && tk.is_word(k + 1)
            && tk.adjacent(k + 1)
        {
            // U.S. / Al-Qassam inside
        } else if tk.punct(k, '.')
            && tk.adjacent(k)
            && k + 1 < limit
            && tk.is_word(k + 1)
            && !tk.capitalized(k + 1)
        {
            // "U.S. intelligence"
            last = Some(k);
        } else {
            break;
        }
        k += 1;
    }
    last
}

pub fn text_of(tk: &Toks, a: usize, b: usize) -> String {
    let s = tk.span_text(a, b);
    s.trim_matches(|c: char| c == ',' || c.is_whitespace())
        .to_string()
}

/// Attributions of the sentence spanning tokens [a, b).
pub fn find(tk: &Toks, a: usize, b: usize) -> Vec<Attr> {
    let mut out: Vec<Attr> = Vec::new();
    let mut citing: Option<Attr> = None;
    let mut k = a;
    while k < b {
        if !tk.is_word(k) {
            k += 1;
            continue;
        }
        // according to X
        if tk.is(k, "according") && tk.is(k + 1, "to") {
            if let Some(l) = np_fwd(tk, k + 2, b) {
                out.push(Attr {
                    at: k,
                    end: l + 1,
                    source: text_of(tk, k + 2, l),
                    cue: "according to".into(),
                    via: None,
                    verb: false,
                });
                k = l + 1;
                continue;
            }
        }
        if tk.is(k, "citing") {
            if let Some(l) = np_fwd(tk, k + 1, b) {
                citing = Some(Attr {
                    at: k,
                    end: l + 1,
                    source: text_of(tk, k + 1, l),
                    cue: "citing".into(),
                    via: None,
                    verb: false,
                });
                k = l + 1;
                continue;
            }
        }
        // figures/data/estimates from X
        if tk.any(
            k,
            &[
                "figures",
                "data",
                "estimates",
                "statistics",
                "tally",
                "numbers",
            ],
        ) && tk.any(k + 1, &["from", "by"])
        {
            if let Some(l) = np_fwd(tk, k + 2, b) {
                out.push(Attr {
                    at: k,
                    end: l + 1,
                    source: text_of(tk, k + 2, l),
                    cue: tk.s(k).to_lowercase(),
                    via: None,
                    verb: false,
                });
                k = l + 1;
                continue;
            }
        }
        // X's figures
        if tk.any(
            k,
            &[
                "figures",
                "data",
                "estimates",
                "tally",
                "count",
                "statistics",
                "numbers",
                "estimate",
            ],
        ) && k > a
        {
            let p = k - 1;
            let poss = tk.s(p).ends_with("'s")
                || tk.s(p).ends_with("’s")
                || (tk.kind(p) == Some(Tk::Punct) && matches!(tk.s(p), "’" | "'"));
            if poss {
                let end = if tk.is_word(p) {
                    p
                } else {
                    p.saturating_sub(1)
                };
                if let Some(f) = np_back(tk, end, a) {
                    let mut src = text_of(tk, f, end);
                    for suf in ["'s", "’s"] {
                        if let Some(x) = src.strip_suffix(suf) {
                            src = x.to_string();
                        }
                    }
                    out.push(Attr {
                        at: k,
                        end: k + 1,
                        source: src,
                        cue: format!("'s {}", tk.s(k).to_lowercase()),
                        via: None,
                        verb: false,
                    });
                }
            }
        }
        if tk.any(k, CUE_VERBS) && !tk.any(k.wrapping_sub(1), BE) {
            // "put the number at"
            if tk.any(k, &["put", "puts"])
                && !(tk.is(k + 1, "the")
                    && tk.any(
                        k + 2,
                        &["number", "toll", "figure", "total", "count", "tally"],
                    ))
            {
                k += 1;
                continue;
            }
            let cue = tk.s(k).to_lowercase();
            let mut src = None;
            if k > a {
                if let Some(f) = np_back(tk, k - 1, a) {
                    src = Some(text_of(tk, f, k - 1));
                }
            }
            let mut end = k + 1;
            if src.is_none() {
                // "…, said the ministry." / "” said Lin"
                let prev_ok = k == a || (k > a && tk.kind(k - 1) == Some(Tk::Punct));
                if prev_ok {
                    if let Some(l) = np_fwd(tk, k + 1, b) {
                        src = Some(text_of(tk, k + 1, l));
                        end = l + 1;
                    }
                }
            }
            if let Some(s) = src {
                out.push(Attr {
                    at: k,
                    end,
                    source: s,
                    cue,
                    via: None,
                    verb: true,
                });
            }
        }
        k += 1;
    }
    if let Some(mut c) = citing {
        // chain: the reporting outlet relays the cited source
        if let Some(pos) = out.iter().position(|x| x.verb) {
            let v = out.remove(pos);
            c.via = Some(v.source);
            c.at = c.at.min(v.at);
            c.end = c.end.max(v.end);
        }
        out.push(c);
        out.sort_by_key(|x| x.at);
    }
    out
}

/// Quote-only verbs should not attribute numbers; callers check with this.
pub fn quote_only(cue: &str) -> bool {
    QUOTE_ONLY.iter().any(|q| cue.eq_ignore_ascii_case(q))
}
