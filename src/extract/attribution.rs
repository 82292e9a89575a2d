//! Who a sentence says made its claims: "according to X", "X said/estimated/claims/…",
//! "citing X", "X's figures", "said X", and chains ("The Herald reported, citing
//! officials, that …" → source officials, via The Herald). Also used for quote speakers.

use super::classes as class;
use super::report_verbs::{counts_as_verb, forecast_gives, gives_a_toll, puts_at, revises_a_toll};
use super::tokens::{Tk, Toks};

pub(super) use super::claimant::resolve_group;
pub use super::claimant::{clean_source, names_a_document, valid_source};

/// Verbs that report a claim; the quote-only verbs below report too (checked with them).
pub(super) const CUE_VERBS: &[&str] = &[
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
    "indicated",
    "indicates",
    "counted",
    "recorded",
    "documented",
    "alleged",
    "alleges",
    "allege",
    "tallied",
    "put",
    "puts",
    "assessed",
    "assesses",
    "calculated",
    "counts",
    "posted",
    "published",
    "publishes",
    "reckons",
    "reckoned",
    "predicts",
    "predicted",
    "expects",
    "expected",
    "show",
    "shows",
    "showed",
];

/// What a count, tally or forecast is called when it is named as the source ("by a
/// Reuters tally", "on the latest forecasts").
pub(super) const TALLY_NOUNS: &[&str] = &[
    "tally",
    "count",
    "reckoning",
    "forecast",
    "forecasts",
    "projection",
    "projections",
];

/// Verbs that introduce quotes only (not quantity attribution).
pub(super) const QUOTE_ONLY: &[&str] = &[
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
    "tweeted",
    "urged",
    "judged",
    "joked",
    "recalled",
    "pledged",
    "vowed",
    "conceded",
    "quipped",
    "remarked",
    "exclaimed",
    "repeated",
];

pub(super) const BE: &[&str] = &[
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

pub(super) const NP_STOP: &[&str] = &[
    // object pronouns end a subject ("to those who voted against him Ruiz said"); not
    // "us", which is also the US
    "him",
    "them",
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
    /// The attribution opens a subordinate clause ("after X indicated", "while X claims"):
    /// it covers claims after it in that clause, not claims before it.
    pub sub: bool,
}

impl Attr {
    /// A source named by a phrase rather than a verb ("according to X", "per X", "by a
    /// Reuters tally"), covering claims after token `at`.
    fn phrase(at: usize, end: usize, source: String, cue: String) -> Attr {
        Attr {
            at,
            end,
            source,
            cue,
            via: None,
            verb: false,
            sub: false,
        }
    }
}

fn is_np_word(tk: &Toks, k: usize) -> bool {
    tk.is_word(k) && !tk.has(k, class::NP_STOP)
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
            if words >= 10 {
                break;
            }
            if tk.any(k, &["the", "a", "an"])
                && !(tk.any(k.wrapping_sub(1), &["of", "at"])
                    && k >= floor + 2
                    && tk.capitalized(k + 1)
                    && is_np_word(tk, k - 2))
            {
                break;
            }
        } else if first.is_some()
            && k > floor
            && tk.any(k, &["for", "and", "of", "on"])
            && tk.capitalized(k - 1)
            && tk.capitalized(k + 1)
        {
            // "Water for All", "Doctors Without Borders"-style names
        } else if first.is_some()
            && k > floor
            && tk.is_word(k - 1)
            && !tk.has(k - 1, class::NP_STOP)
            && (tk.is(k, "of")
                || (tk.is(k, "at") && tk.is(k + 1, "the") && tk.capitalized(k + 2))
                || (tk.is(k, "in")
                    && tk.capitalized(k + 1)
                    && (!tk.capitalized(k - 1) || k - 1 == floor)))
        {
            // "the office of the government's hostage coordinator", "researchers at the
            // University of Port Elin"
        } else if tk.kind(k) == Some(Tk::Punct)
            && matches!(tk.s(k), "." | "-" | "’" | "'" | "&")
            && tk.adjacent(k)
            && k > floor
            && tk.is_word(k - 1)
            && first.is_some()
            && (tk.adjacent(k + 1) || (tk.s(k - 1).len() <= 2 && tk.capitalized(k - 1)))
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
        // "Saudi health ministry: 1,301 died", "Occupation authorities: 25 dead": a
        // headline's claimant before a colon (never a dateline's place, "Nairobi:", nor a
        // label, "Final results:": the phrase must end in a word for an institution)
        if k == a && (a == 0 || !tk.is_word(a - 1)) {
            let colon = (a + 1..b.min(a + 8)).find(|&j| tk.punct(j, ':'));
            if let Some(colon) =
                colon.filter(|&c| (a..c).all(|j| tk.is_word(j) || tk.punct(j, '.')))
            {
                let last = (a..colon).rev().find(|&j| tk.is_word(j));
                if let Some(last) = last.filter(|&l| tk.any(l, HEADLINE_CLAIMANTS)) {
                    let x = text_of(tk, a, last);
                    if valid_source(&x) {
                        out.push(Attr::phrase(a, colon + 1, x, ":".into()));
                        k = colon + 1;
                        continue;
                    }
                }
            }
        }
        // according to X
        if tk.is(k, "according") && tk.is(k + 1, "to") {
            if let Some(l) = np_fwd(tk, k + 2, b) {
                out.push(Attr::phrase(
                    k,
                    l + 1,
                    text_of(tk, k + 2, l),
                    "according to".into(),
                ));
                k = l + 1;
                continue;
            }
        }
        // "per the BLS", "as per NYT": never "per cent", "per share", "per day"
        if tk.is(k, "per")
            && (tk.capitalized(k + 1) || (tk.is(k + 1, "the") && tk.capitalized(k + 2)))
        {
            if let Some(l) = np_fwd(tk, k + 1, b) {
                let at = if tk.is(k.wrapping_sub(1), "as") {
                    k - 1
                } else {
                    k
                };
                out.push(Attr::phrase(at, l + 1, text_of(tk, k + 1, l), "per".into()));
                k = l + 1;
                continue;
            }
        }
        // "by a Reuters tally", "by one count", "on the latest forecasts": whose count
        if tk.any(k, &["by", "on"]) {
            if let Some(l) = np_fwd(tk, k + 1, b).filter(|&l| tk.has(l, class::TALLY_NOUNS)) {
                out.push(Attr::phrase(
                    k,
                    l + 1,
                    text_of(tk, k + 1, l),
                    tk.s(k).to_lowercase(),
                ));
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
                    sub: false,
                });
                k = l + 1;
                continue;
            }
        }
        // figures/data/estimates from X; "a count released Saturday by X", "the previous
        // count, released by the authorities on Saturday night,", "a statement from X"
        if tk.has(k, class::DOCUMENT_NOUNS) {
            let by = agent_after(tk, k + 1, b);
            // the author ends where the clause's verb begins ("by the authorities puts")
            let verb = by.and_then(|by| (by + 1..b).find(|&j| tk.any(j, CLAUSE_VERBS)));
            if let Some(l) = by.and_then(|by| np_fwd(tk, by + 1, verb.unwrap_or(b))) {
                let by = by.unwrap_or(k + 1);
                out.push(Attr::phrase(
                    k,
                    l + 1,
                    text_of(tk, by + 1, l),
                    tk.s(k).to_lowercase(),
                ));
                k = l + 1;
                continue;
            }
        }
        // "beating the 200,000 Dow Jones forecast": a named forecaster after the figure
        if tk.has(k, class::FORECAST_NOUNS) && k > a + 1 {
            let mut f = k;
            while f > a && tk.capitalized(f - 1) {
                f -= 1;
            }
            if f < k && f > a + 1 && tk.is_num(f - 1) {
                // it stands before the figure it names, and names no other
                let mut attr =
                    Attr::phrase(f - 2, k + 1, text_of(tk, f, k - 1), tk.s(k).to_lowercase());
                attr.sub = true;
                out.push(attr);
            }
        }
        // "the Dow Jones estimate of 200,000": a named forecaster before its figure
        if tk.has(k, class::FORECAST_NOUNS) && tk.is(k + 1, "of") && k > a && tk.capitalized(k - 1)
        {
            let mut f = k - 1;
            while f > a && tk.capitalized(f - 1) {
                f -= 1;
            }
            if tk.is(f.wrapping_sub(1), "the") && !tk.any(f, &["The"]) {
                let mut attr =
                    Attr::phrase(f, k + 1, text_of(tk, f, k - 1), tk.s(k).to_lowercase());
                attr.sub = true;
                out.push(attr);
            }
        }
        // X's figures
        if tk.has(k, class::OWNED_FIGURE_NOUNS) && k > a {
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
                    out.push(Attr::phrase(
                        k,
                        k + 1,
                        src,
                        format!("'s {}", tk.s(k).to_lowercase()),
                    ));
                }
            }
        }
        let put_at = tk.any(k, &["put", "puts"]) && puts_at(tk, k, b);
        let cue_verb = tk.has(k, class::CUE_VERBS)
            || tk.has(k, class::QUOTE_ONLY)
            || revises_a_toll(tk, k, b)
            || counts_as_verb(tk, k, a)
            || forecast_gives(tk, k, a)
            || gives_a_toll(tk, k, b);
        if cue_verb && (put_at || !tk.has(k.wrapping_sub(1), class::BE)) {
            // "put the number at", "put Egypt's toll on Sunday at 672": a figure put at
            if tk.any(k, &["put", "puts"]) && !puts_at(tk, k, b) {
                k += 1;
                continue;
            }
            // "confirmed dead", "reported missing": a status, not a report
            if tk.is_word(k + 1) && super::subject::status_word(tk.s(k + 1)).is_some() {
                k += 1;
                continue;
            }
            let mut cue = tk.s(k).to_lowercase();
            // "Choi added that 97 of the dead…", "wrote on Telegram that the toll…": a
            // quote verb reporting a clause
            let that = (k + 1..(k + 5).min(b))
                .take_while(|&j| tk.is_word(j))
                .find(|&j| tk.is(j, "that"));
            if quote_only(&cue) && that.is_some() {
                cue.push_str(" that");
            }
            let mut src = None;
            let mut sub = false;
            let mut end = k + 1;
            // "X, which earlier in the week said …": the relative pronoun's antecedent
            let rel = (a..k)
                .rev()
                .take_while(|&p| !tk.punct(p, ',') && !tk.punct(p, ';'))
                .find(|&p| tk.any(p, &["which", "who"]))
                // only a relative clause set off by a comma: in "to those who backed them
                // he said" the subject is after it
                .filter(|&p| p >= a + 2 && tk.punct(p - 1, ','));
            if let Some(p) = rel {
                if p >= a + 2 && tk.punct(p - 1, ',') {
                    src = np_back(tk, p - 2, a)
                        .map(|f| text_of(tk, f, p - 2))
                        .filter(|x| valid_source(x));
                }
            } else if k > a {
                // skip auxiliaries and adverbs: "Hamas has told", "The ministry also reported"
                let mut e = k - 1;
                while e > a && (tk.has(e, class::VERB_FILLERS) || weekday_or_day(tk, e)) {
                    e -= 1;
                }
                // "The Federal Security Service (FSB) said": the name before the brackets
                let mut bracket_end = None;
                if tk.punct(e, ')') {
                    if let Some(open) = (a..e).rev().find(|&p| tk.punct(p, '(')) {
                        if open > a {
                            bracket_end = Some(e);
                            e = open - 1;
                        }
                    }
                }
                if tk.any(e, &["it", "they", "he", "she"]) {
                    // resolved by the caller to the source named before
                    src = Some(tk.s(e).to_string());
                } else if let Some(f) = np_back(tk, e, a) {
                    sub = f > a && tk.any(f - 1, SUBORDINATORS);
                    let x = text_of(tk, f, bracket_end.unwrap_or(e));
                    if valid_source(&x) {
                        src = Some(x);
                    }
                }
            }
            if src.is_none() && rel.is_none() {
                // "…, said the ministry." / "” said Lin"
                let prev_ok = k == a || (k > a && tk.kind(k - 1) == Some(Tk::Punct));
                // "told" is followed by whom it was told, never by who told
                let inverts = !tk.any(k, &["told", "tells"]);
                if prev_ok
                    && inverts
                    && !tk.any(k + 1, NOT_AFTER_CUE)
                    && !tk.has(k + 1, class::DAY_WORDS)
                    && !tk.punct(k.wrapping_sub(1), ')')
                {
                    // the subject closes the clause ("…, said the ministry on Tuesday");
                    // in "…, said four nurses died" the phrase is the reported clause's
                    let closes = |l: usize| {
                        l + 1 >= b
                            || tk.kind(l + 1) == Some(Tk::Punct)
                            || tk.has(l + 1, class::DAY_WORDS)
                            || tk.any(l + 1, AFTER_INVERTED_SUBJECT)
                    };
                    if let Some(l) = np_fwd(tk, k + 1, b).filter(|&l| closes(l)) {
                        let x = text_of(tk, k + 1, l);
                        if valid_source(&x) {
                            src = Some(x);
                            end = l + 1;
                        }
                    }
                }
                // "X, a charity working in the area, said", "Meta – owner of Facebook –
                // said": the subject before the aside
                let aside = |p: usize| tk.punct(p, ',') || dash(tk, p);
                if src.is_none() && k > a + 2 && aside(k - 1) {
                    let close = tk.s(k - 1).to_owned();
                    // a dash aside may hold commas ("– owner of Facebook, Instagram and
                    // WhatsApp –")
                    let opens = |p: usize| {
                        tk.punct(p, ';')
                            || if dash(tk, k - 1) {
                                dash(tk, p)
                            } else {
                                aside(p)
                            }
                    };
                    // the noun phrase before the nearest opener, or before an earlier one
                    // where it opens its clause ("and Senator Marco Rubio, warming up the
                    // crowd in Allentown, Pennsylvania, said")
                    let before_opener = |q: usize| {
                        let f = np_back(tk, q - 1, a)?;
                        let x = text_of(tk, f, q - 1);
                        let opens_clause = f == a
                            || !tk.is_word(f - 1)
                            || tk.any(f - 1, &["and", "but", "while", "as"]);
                        valid_source(&x).then_some((x, opens_clause))
                    };
                    let openers: Vec<usize> = (a + 1..k - 1)
                        .rev()
                        .filter(|&p| opens(p))
                        .take_while(|&p| tk.s(p) == close)
                        .take(4)
                        .collect();
                    let found: Vec<(String, bool)> =
                        openers.iter().filter_map(|&q| before_opener(q)).collect();
                    src = found
                        .iter()
                        .find(|(_, opens_clause)| *opens_clause)
                        .or(found.first())
                        .map(|(x, _)| x.clone());
                }
                // "… reported 412 people injured and said …": the same subject
                if src.is_none() && tk.is(k.wrapping_sub(1), "and") {
                    src = out.iter().rev().find(|x| x.verb).map(|x| x.source.clone());
                }
            }
            // "X told Reuters": X relayed by Reuters
            let via = (tk.any(k, &["told", "tells"]) && tk.capitalized(k + 1) && src.is_some())
                .then(|| np_fwd(tk, k + 1, b).map(|l| text_of(tk, k + 1, l)))
                .flatten()
                .filter(|x| valid_source(x) && Some(x) != src.as_ref());
            if let Some(s) = src {
                out.push(Attr {
                    at: k,
                    end,
                    source: s,
                    cue,
                    via,
                    verb: true,
                    sub,
                });
            }
        }
        k += 1;
    }
    for x in out.iter_mut() {
        x.source = clean_source(&x.source);
    }
    out.retain(|x| valid_source(&x.source));
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

/// The last word of a headline's claimant before a colon ("Health ministry: …").
const HEADLINE_CLAIMANTS: &[&str] = &[
    "agency",
    "army",
    "authorities",
    "authority",
    "bureau",
    "commission",
    "council",
    "department",
    "dept",
    "governor",
    "government",
    "military",
    "minister",
    "ministry",
    "mayor",
    "office",
    "officials",
    "police",
    "president",
    "prosecutors",
    "service",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "union",
];

/// Words that may follow an inverted subject ("said the ministry in a statement", "said
/// Lin, adding …"): prepositions and adverbials, never a verb.
const AFTER_INVERTED_SUBJECT: &[&str] = &[
    "according",
    "adding",
    "after",
    "as",
    "at",
    "before",
    "citing",
    "during",
    "earlier",
    "for",
    "from",
    "in",
    "late",
    "later",
    "on",
    "quoting",
    "referring",
    "when",
    "while",
    "with",
    "without",
];

/// Words that open what follows a reporting verb when it is not its subject: "said in a
/// statement", "says at least 39".
const NOT_AFTER_CUE: &[&str] = &[
    "about", "almost", "around", "at", "by", "during", "in", "more", "nearly", "on", "only",
    "over", "roughly", "some", "that", "to", "up",
];

/// What an owner's figures are called: "the ministry's figures", "Reuters' tally".
pub(super) const OWNED_FIGURE_NOUNS: &[&str] = &[
    "figures",
    "data",
    "estimates",
    "tally",
    "count",
    "statistics",
    "numbers",
    "estimate",
];

/// Verbs that change a published figure: whoever raises a toll reports it.
pub(super) const REVISE_VERBS: &[&str] = &[
    "raised", "raises", "revised", "revises", "lowered", "lowers", "updated", "updates",
];

/// Nouns for a published figure.
pub(super) const FIGURE_NOUNS: &[&str] = &[
    "toll", "tally", "count", "figure", "figures", "estimate", "number", "numbers",
];

/// Nouns for a document of figures whose author follows ("figures from X", "a count
/// released by X").
pub(super) const DOCUMENT_NOUNS: &[&str] = &[
    "figures",
    "data",
    "estimates",
    "statistics",
    "tally",
    "numbers",
    "count",
    "statement",
];

/// Verbs that end the author of a document at the head of a clause.
const CLAUSE_VERBS: &[&str] = &[
    "put",
    "puts",
    "said",
    "says",
    "stood",
    "stands",
    "gives",
    "gave",
    "showed",
    "shows",
    "had",
    "has",
    "have",
    "was",
    "were",
    "is",
    "are",
    "reported",
    "confirmed",
    "listed",
];

/// Participles that say a document came out, before its author ("released by").
const RELEASED: &[&str] = &[
    "released",
    "published",
    "issued",
    "compiled",
    "provided",
    "given",
];

/// Words of a time between a participle and the author ("released on Saturday night by").
const RELEASE_TIMES: &[&str] = &[
    "on", "last", "late", "night", "morning", "evening", "earlier",
];

/// The "from" or "by" that names the author of a document noun ending before `from`:
/// right after it, or after a participle and a time ("released Saturday by"), set off by
/// commas or not.
fn agent_after(tk: &Toks, from: usize, b: usize) -> Option<usize> {
    let mut k = from;
    if tk.punct(k, ',') {
        k += 1;
    }
    if tk.any(k, &["from", "by"]) {
        return Some(k);
    }
    if !tk.any(k, RELEASED) {
        return None;
    }
    while k < b && k < from + 6 {
        if tk.is(k, "by") {
            return Some(k);
        }
        if !(tk.any(k, RELEASED) || tk.any(k, RELEASE_TIMES) || weekday_or_day(tk, k)) {
            return None;
        }
        k += 1;
    }
    None
}

/// A dash set apart by spaces: it opens or closes an aside ("Meta – owner of Facebook –
/// said").
pub(super) fn dash(tk: &Toks, k: usize) -> bool {
    (tk.punct(k, '–') || tk.punct(k, '—') || tk.punct(k, '-'))
        && !tk.adjacent(k)
        && !tk.adjacent(k + 1)
}

/// A weekday or relative day between a subject and its verb ("Meta on Wednesday said").
fn weekday_or_day(tk: &Toks, k: usize) -> bool {
    tk.is(k, "on")
        || tk.has(k, class::DAY_WORDS)
        // "Maui County on Thursday night published"
        || (tk.any(k, &["night", "morning", "afternoon", "evening"])
            && tk.has(k.wrapping_sub(1), class::DAY_WORDS))
}

/// Whether an attribution covers figures: a verb that only introduces quotes ("added",
/// "wrote") does when it reports a clause ("added that", "wrote on Telegram that") or
/// closes the sentence as its reporting clause ("…, he added.").
pub fn reports_figures(tk: &Toks, a: &Attr, b: usize) -> bool {
    if !(a.verb && quote_only(&a.cue)) {
        return true;
    }
    let mut k = a.end;
    while k < b && (tk.has(k, class::DAY_WORDS) || tk.is(k, "on")) {
        k += 1;
    }
    k >= b || tk.punct(k, '.')
}

/// Auxiliaries and adverbs between a subject and its reporting verb.
pub(super) const VERB_FILLERS: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "later",
    "earlier",
    "previously",
    "now",
    "then",
    "again",
    "meanwhile",
    "reportedly",
    "first",
    "last",
    "initially",
    "since",
];

/// Words opening a subordinate clause: its subject reports for that clause only.
pub(super) const SUBORDINATORS: &[&str] = &[
    "after", "because", "since", "when", "as", "while", "although", "though", "if", "before",
    "until", "once", "whereas",
];

/// Quote-only verbs should not attribute numbers; callers check with this.
/// Verbs whose subject is a document or a dataset ("UN figures show", "the county
/// published"): they attribute figures but never introduce someone's words.
const DOCUMENT_VERBS: &[&str] = &["show", "shows", "showed", "published", "publishes"];

/// Whether a cue can introduce a quote's speaker.
pub fn speaks(cue: &str) -> bool {
    !DOCUMENT_VERBS.contains(&cue)
}

pub fn quote_only(cue: &str) -> bool {
    QUOTE_ONLY.iter().any(|q| cue.eq_ignore_ascii_case(q))
}
