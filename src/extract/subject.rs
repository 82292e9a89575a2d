//! What a number counts: the noun phrase as written, its status, its location, and the
//! normalised key `entity/status[/location]` (see CONVENTIONS.md).

use super::classes as class;
use super::lexicon::*;
use super::numbers::is_month;
use super::status::noun_status;
pub use super::status::{status_cue, status_word};
use super::tokens::{Tk, Toks};

/// Statuses under which the people an event befalls are counted as "people".
const PEOPLE_STATUSES: &[&str] = &[
    "dead",
    "injured",
    "hospitalized",
    "identified",
    "unidentified",
    "missing",
    "displaced",
    "evacuated",
    "alive",
    "kidnapped",
    "held",
];

/// The status a head noun and its status imply together: lives counted are lives lost.
pub fn status_of(head: &str, status: Option<&'static str>) -> Option<&'static str> {
    match (head, status) {
        ("lives", None) => Some("dead"),
        _ => status,
    }
}

/// The entity of the key for a head noun (lowercase) and status.
pub fn entity(head: &str, status: &str) -> String {
    let e = match head {
        "hostages" | "hostage" | "captives" | "captive" | "abductees" | "abductee" => "hostages",
        "prisoners" | "prisoner" if status == "held" || status == "alive" || status == "dead" => {
            "hostages"
        }
        "people" | "persons" | "person" | "residents" | "civilians" | "victims" | "deaths"
        | "death" | "casualties" | "bodies" | "injured" | "wounded" | "hurt" | "missing"
        | "displaced" | "evacuees" | "fatalities" | "individuals" | "dead" | "injuries"
        | "arrests" | "lives" | "mortalities" => "people",
        // Those an event befalls, named by what they were doing: in news about one event
        // they are its people ("1,301 pilgrims died" and "1,301 people died" are one toll).
        // Groups within them (children, women, soldiers) stay apart: a part, not the whole.
        "pilgrims" | "passengers" | "migrants" | "tourists" | "worshippers" | "spectators"
        | "concertgoers" | "attendees" | "occupants" | "travellers" | "travelers" | "visitors"
        | "inhabitants" | "villagers"
            if PEOPLE_STATUSES.contains(&status) =>
        {
            "people"
        }
        // "19 protesters were killed" in news of a protest: its dead, as "19 people"
        "protesters" | "protestors" | "demonstrators" | "marchers" | "citizens"
            if PEOPLE_STATUSES.contains(&status) =>
        {
            "people"
        }
        // What did it, read as the head ("the earthquakes killed 2,400"): its victims
        "earthquake" | "earthquakes" | "quake" | "quakes" | "heatwave" | "fire" | "fires"
        | "wildfire" | "wildfires" | "flood" | "floods" | "flooding" | "storm" | "attack"
        | "attacks" | "crash" | "blast" | "explosion" | "crush" | "tsunami"
            if PEOPLE_STATUSES.contains(&status) =>
        {
            "people"
        }
        "protesters" | "protestors" | "demonstrators" | "marchers" | "crowd" | "rally-goers"
        | "participants" | "attendance" => "protesters",
        "toll" => "people",
        // One workforce under its names: "3,000 staff", "3,000 employees", "staffers"
        "staff" | "employees" | "staffers" | "personnel" | "employee" => "employees",
        // A party's MPs are its seats in the house: "the SNP won nine seats", "nine MPs"
        "seats" | "mps" => "seats",
        // Buildings under their names; homes and houses are a kind of them and stay apart
        "structures" | "buildings" => "structures",
        other => {
            let s: String = other
                .chars()
                .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect();
            return if s.is_empty() { "things".into() } else { s };
        }
    };
    if e == "people" && status == "marched" {
        return "protesters".into();
    }
    // people abducted / taken captive are hostages
    if e == "people" && status == "kidnapped" {
        return "hostages".into();
    }
    e.into()
}

/// A capitalised plural nationality noun as written ("Palestinians", "Israelis",
/// "Sudanese", "Afghans"): it counts people.
pub fn nationality(w: &str) -> bool {
    let Some(first) = w.chars().next() else {
        return false;
    };
    if !first.is_uppercase() || w.len() < 5 || !w.is_ascii() {
        return false;
    }
    let l = w.to_ascii_lowercase();
    ["ians", "ans", "is", "ese"]
        .iter()
        .any(|suf| l.ends_with(suf))
        && !matches!(
            l.as_str(),
            "veterans" | "guardians" | "physicians" | "politicians"
        )
}

pub fn slug(loc: &str) -> String {
    let mut s = String::with_capacity(loc.len());
    let mut dash = false;
    for c in loc.chars() {
        if c.is_ascii_alphanumeric() {
            s.push(c.to_ascii_lowercase());
            dash = false;
        } else if !dash && !s.is_empty() {
            s.push('-');
            dash = true;
        }
    }
    while s.ends_with('-') {
        s.pop();
    }
    // "the Gaza Strip" and "Gaza", "Valdora Province" and "Valdora" are one place
    for suf in ADMIN_SUFFIX {
        if let Some(x) = s.strip_suffix(suf) {
            if !x.is_empty() {
                s = x.to_string();
                break;
            }
        }
    }
    // one country under its other names ("Burma" and "Myanmar")
    match PLACE_ALIASES.binary_search_by(|(alias, _)| (*alias).cmp(s.as_str())) {
        Ok(n) => PLACE_ALIASES[n].1.to_string(),
        Err(_) => s,
    }
}

/// The place a location names, as the frame keeps it: its slug, read through the gazetteer
/// ("Afghanistan's Herat" is Herat, "Mecca" is Makkah), a nationality's country ("Russian"
/// is Russia), or the slug as written for a place the gazetteer does not know.
pub fn place_slug(location: &str) -> String {
    let written = slug(location);
    // "U" of a "U.S." the tokens split: no place is one letter
    if written.len() < 2 {
        return String::new();
    }
    if let Some(country) = super::nationality::country_of(location.trim()) {
        return slug(country);
    }
    let place = crate::places::read_place(&written);
    crate::places::main_name(&place)
        .map(str::to_owned)
        .unwrap_or(place)
}

/// Other names of countries in news, slugged, sorted by alias: (alias, name).
const PLACE_ALIASES: &[(&str, &str)] = &[
    ("britain", "united-kingdom"),
    ("burma", "myanmar"),
    ("czech-republic", "czechia"),
    ("east-timor", "timor-leste"),
    ("great-britain", "united-kingdom"),
    ("holland", "netherlands"),
    ("ivory-coast", "cote-d-ivoire"),
    ("kiev", "kyiv"),
    ("persia", "iran"),
    ("swaziland", "eswatini"),
    ("the-netherlands", "netherlands"),
    ("the-uk", "united-kingdom"),
    ("the-us", "united-states"),
    ("turkiye", "turkey"),
    ("u-k", "united-kingdom"),
    ("u-s", "united-states"),
    ("u-s-a", "united-states"),
    ("uk", "united-kingdom"),
    ("us", "united-states"),
    ("usa", "united-states"),
];

/// One-word asides set off by commas ("the count, meanwhile, is down to 41").
const ASIDE_ADVERBS: &[&str] = &[
    "meanwhile",
    "however",
    "though",
    "too",
    "also",
    "now",
    "overall",
    "officially",
];

/// Tokens an aside between a counted noun and its predicate may take.
const ASIDE_TOKENS: usize = 10;

pub struct Subj {
    pub subject: Option<String>,
    pub head: Option<String>,
    /// "of those"/"of them": the subject is the previous claim's.
    pub anaphor: bool,
    pub status: Option<&'static str>,
    pub status_strong: bool,
    pub location: Option<String>,
    /// "26 of the dead were foreigners", "1,404 of them critically": a part of a whole
    /// already counted, with no status of its own; a breakdown, not the whole's figure.
    pub part: bool,
    /// "4,400 of its 5,500 contract workers": the whole a part is taken from, which the
    /// part's predicate does not befall.
    pub whole: bool,
}

fn ends_ly(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ly") && !w.eq_ignore_ascii_case("family")
}

/// "U.S.", "U.K.": two capital letters, each with its full stop, written together.
fn initialism_at(tk: &Toks, i: usize) -> bool {
    let letter = |k: usize| tk.is_word(k) && tk.s(k).len() == 1 && tk.capitalized(k);
    letter(i)
        && tk.punct(i + 1, '.')
        && tk.adjacent(i + 1)
        && letter(i + 2)
        && tk.adjacent(i + 2)
        && tk.punct(i + 3, '.')
        && tk.adjacent(i + 3)
}

/// The noun phrase after token `i`: returns (first, last) token indices when found.
fn noun_phrase(tk: &Toks, mut i: usize, limit: usize) -> Option<(usize, usize)> {
    let start = i;
    let mut last = None;
    let mut n = 0;
    while i < limit && n < 4 {
        // "206,000 U.S. jobs": an initialism is a modifier, never the noun
        if initialism_at(tk, i) && i + 4 < limit {
            i += 4;
            continue;
        }
        if !tk.is_word(i) {
            // hyphenated compound: rally-goers, multi-story
            if tk.punct(i, '-')
                && last == Some(i - 1)
                && tk.adjacent(i)
                && tk.is_word(i + 1)
                && tk.adjacent(i + 1)
            {
                i += 1;
                last = Some(i);
                i += 1;
                continue;
            }
            break;
        }
        let w = tk.s(i);
        if tk.has(i, class::STOP) || ends_ly(w) {
            // a status participle before a noun: "displaced people"
            if n == 0
                && tk.has(i, class::PRE_NOUN_STATUS)
                && tk.is_word(i + 1)
                && !tk.has(i + 1, class::STOP)
            {
                last = Some(i);
                n += 1;
                i += 1;
                continue;
            }
            break;
        }
        if n > 0 && (w.ends_with("ed") || w.ends_with("ing")) && !tk.capitalized(i) {
            break;
        }
        // "67 announced Friday", "115 earlier today": when, and who said, are not what
        if is_month(tk, i)
            || tk.has(i, class::DAY_WORDS)
            || tk.has(i, class::SAY_VERBS)
            || tk.any(i, TIME_ADVERBS)
        {
            break;
        }
        last = Some(i);
        n += 1;
        i += 1;
    }
    last.map(|l| (start, l))
}

pub fn analyze(tk: &Toks, a: usize, b: usize, back: usize, fwd: usize, money_or_pct: bool) -> Subj {
    let mut s = Subj {
        subject: None,
        head: None,
        anaphor: false,
        status: None,
        status_strong: false,
        location: None,
        part: false,
        whole: false,
    };
    let partitive = tk.is(b, "of")
        && tk.any(
            b + 1,
            &[
                "those", "them", "these", "whom", "the", "its", "their", "all",
            ],
        );
    let mut own_status = false;
    let mut j = b;
    if tk.is(j, "of") {
        if tk.any(j + 1, &["those", "them", "these", "whom", "which"]) {
            s.anaphor = true;
            j += 2;
        } else if tk.any(j + 1, &["the", "its", "their"]) {
            j += 2;
        } else if tk.is_word(j + 1) {
            j += 1;
        }
    } else if tk.is_word(j.wrapping_sub(1))
        && tk.any(a.wrapping_sub(1), &["of"])
        && tk.any(a.wrapping_sub(2), &["those", "them", "these"])
    {
        s.anaphor = true;
    }
    // "Egyptians accounted for at least 323": a share of a total named before
    let v = super::frame::before_hedge(tk, a, back);
    if v > back && tk.is(v, "for") && tk.any(v - 1, ACCOUNT_VERBS) {
        s.anaphor = true;
    }
    // "Of those, around 20 ..."
    let mut k = back;
    while k < a {
        if tk.is(k, "of") && tk.any(k + 1, &["those", "them", "these"]) {
            s.anaphor = true;
        }
        if tk.is(k, "among") && tk.any(k + 1, &["them", "those", "these"]) {
            s.anaphor = true;
        }
        // "The figure rose to 50", "the number stands at 30"
        if tk.any(k, &["the", "that", "this"])
            && tk.any(k + 1, &["figure", "number", "tally", "total"])
            && !tk.is(k + 2, "of")
        {
            s.anaphor = true;
        }
        // "That is up from 67", "down from 120 a day earlier": the figure it updates
        if k + 2 == a && tk.any(k, &["up", "down"]) && tk.is(k + 1, "from") {
            s.anaphor = true;
        }
        // "the other 24", "the remaining 28": the population named before
        if k + 2 == a && tk.is(k, "the") && tk.any(k + 1, &["other", "remaining", "rest"]) {
            s.anaphor = true;
        }
        k += 1;
    }
    // "the killings of 19 protesters", "deaths of the 12 miners": what befell them
    let befell = {
        let k = word_before(tk, a, &["the", "all"]);
        let befell = |words: &[&str]| k > back && tk.any(k - 1, words);
        if !tk.is(k, "of") {
            None
        } else if befell(&[
            "killings", "killing", "deaths", "murders", "murder", "death",
        ]) {
            Some("dead")
        } else if befell(&["detention", "arrest", "arrests", "detentions"]) {
            Some("arrested")
        } else {
            None
        }
    };
    // "deaths among its 56,000 pilgrims": the number is those the deaths are among
    let among = tk.is(
        word_before(tk, a, &["the", "its", "their", "some"]),
        "among",
    );
    let mut after_np = j;
    if !money_or_pct || tk.is(b, "of") {
        if let Some((x, y)) = noun_phrase(tk, j, fwd) {
            // all status words, no noun: "17 alive", "12 killed"
            let only_status = (x..=y).all(|t| tk.has(t, class::STATUS_ADJ));
            if only_status {
                s.status = status_word(tk.s(y));
            } else {
                s.subject = Some(tk.span_text(x, y).to_string());
                let h = if nationality(tk.s(y)) {
                    "people".to_string()
                } else {
                    tk.s(y).to_lowercase()
                };
                if let Some((st, strong)) = noun_status(&h) {
                    if strong {
                        s.status = Some(st);
                        s.status_strong = true;
                    }
                }
                // "40 missing cattle", "12 wounded soldiers"
                if s.status.is_none() && x < y && tk.has(x, class::PRE_NOUN_STATUS) {
                    s.status = status_word(tk.s(x));
                    s.status_strong = true;
                }
                s.head = Some(h);
            }
            after_np = y + 1;
        }
    }
    // subject before the number: "the death toll rose to 12,391", "the number of displaced
    // people reached 4,310"
    if s.subject.is_none() && !s.anaphor {
        let mut k = a;
        while k > back {
            k -= 1;
            // "the count of missing people, meanwhile, is down to 41": an aside
            if tk.punct(k, ',')
                && k >= back + 2
                && tk.punct(k - 2, ',')
                && (tk.any(k - 1, ASIDE_ADVERBS) || ends_ly(tk.s(k - 1)))
            {
                k -= 2;
                continue;
            }
            // "Deaths from the quake, which hit many provinces, have climbed to 2,862": a
            // relative clause between the counted noun and its verb
            if let Some(q) = relative_clause_before(tk, k, back) {
                k = q;
                continue;
            }
            if tk.punct(k, ',') || tk.punct(k, ';') {
                break;
            }
            if tk.is(k, "toll") {
                let first = if tk.is(k.wrapping_sub(1), "death") {
                    k - 1
                } else {
                    k
                };
                s.subject = Some(tk.span_text(first, k).to_string());
                s.head = Some("deaths".into());
                s.status = Some("dead");
                s.status_strong = true;
                break;
            }
            if tk.any(k, &["crowd", "crowds", "turnout", "attendance"])
                && (tk.any(
                    k.wrapping_sub(1),
                    &[
                        "the",
                        "a",
                        "its",
                        "their",
                        "s",
                        "put",
                        "puts",
                        "estimated",
                        "placed",
                    ],
                ) || tk.s(k.wrapping_sub(1)).ends_with("'s")
                    || tk.s(k.wrapping_sub(1)).ends_with("’s")
                    // "the Women's March turnout", "the rally crowd"
                    || tk.any(k.wrapping_sub(1), PROTEST_NOUNS))
            {
                s.subject = Some(tk.s(k).to_string());
                s.head = Some("crowd".into());
                s.status = Some("marched");
                break;
            }
            if tk.any(k, &["number", "tally", "count", "total"]) && tk.is(k + 1, "of") {
                if let Some((x, y)) = noun_phrase(tk, k + 2, a) {
                    s.subject = Some(tk.span_text(x, y).to_string());
                    let h = tk.s(y).to_lowercase();
                    if let Some((st, true)) = noun_status(&h) {
                        s.status = Some(st);
                        s.status_strong = true;
                    }
                    s.head = Some(h);
                    // "number of displaced people": status from the phrase
                    if s.status.is_none() {
                        for t in x..=y {
                            if let Some(st) = status_word(tk.s(t)) {
                                s.status = Some(st);
                            }
                        }
                    }
                }
                break;
            }
        }
    }
    // status after the phrase (up to a comma), then before the number, then the noun's own;
    // a predicate ("are alive") beats a participle modifying the noun ("hostages held in
    // Gaza are alive")
    if s.status.is_none() {
        let mut first: Option<&'static str> = None;
        let mut pred: Option<&'static str> = None;
        let mut k = after_np;
        let mut aside_skipped = false;
        while k < fwd {
            // "2,000 people, of every age, died", "five people in Nova Kakhovka, the city
            // beside the dam, have died": the predicate after an aside
            if tk.punct(k, ',')
                && !aside_skipped
                && (k == after_np || place_phrase(tk, after_np, k))
            {
                let close = (k + 1..(k + ASIDE_TOKENS).min(fwd))
                    .take_while(|&j| !tk.punct(j, ';') && !tk.punct(j, '.'))
                    .find(|&j| tk.punct(j, ','));
                if let Some(close) = close {
                    aside_skipped = true;
                    k = close + 1;
                    continue;
                }
            }
            if tk.punct(k, ',') || tk.punct(k, ';') || tk.punct(k, '.') {
                break;
            }
            // "shot dead 40 people and wounded over 100 others": the other figure's verb
            if tk.any(k, &["and", "but", "while", "whereas"])
                && (first.is_some() || own_figure_follows(tk, k))
            {
                break;
            }
            if tk.is_word(k) {
                if let Some(st) = status_cue(tk, k) {
                    let is_pred = k > after_np
                        && (k.saturating_sub(3).max(after_np)..k).any(|p| tk.any(p, AUX));
                    if first.is_none() {
                        first = Some(st);
                    }
                    if is_pred || (k == after_np && s.subject.is_none()) {
                        pred = Some(st);
                        break;
                    }
                }
            }
            k += 1;
        }
        // "24 of the 48 hostages remain alive": the part has a status of its own
        own_status = first.is_some();
        s.status = pred.or(first);
    }
    if s.status.is_none() && !among {
        let mut k = a;
        while k > back {
            k -= 1;
            if let Some(q) = relative_clause_before(tk, k, back) {
                k = q;
                continue;
            }
            if tk.punct(k, ';') || tk.punct(k, '.') || tk.punct(k, ',') {
                break;
            }
            if tk.is_word(k) {
                if let Some(st) = status_cue(tk, k) {
                    s.status = Some(st);
                    break;
                }
                // "the march drew 5,000 people"
                if tk.any(k, &["drew", "drawn", "draw", "attracted"])
                    && (back..k).any(|p| tk.any(p, PROTEST_NOUNS))
                {
                    s.status = Some("marched");
                    break;
                }
            }
        }
    }
    if s.status.is_none() {
        if let Some(h) = &s.head {
            if let Some((st, _)) = noun_status(h) {
                s.status = Some(st);
            }
        }
    }
    s.part = (partitive || super::frame::group_within(tk, b)) && !own_status && !money_or_pct;
    if let Some(st) = befell.filter(|_| !money_or_pct) {
        s.status = Some(st);
        s.status_strong = true;
    }
    // location: "in/at X" after the number, else before it
    let lb = (back..a)
        .rev()
        .find(|&k| tk.has(k, class::SAY_VERBS))
        .map(|k| k + 1)
        .unwrap_or(back);
    s.location = share_of_place(tk, a, back)
        .or_else(|| location(tk, after_np, fwd))
        .or_else(|| location(tk, lb, a))
        .or_else(|| settlement_apposition(tk, a));
    s
}

/// Tokens a relative clause set off by commas may run to.
const RELATIVE_CLAUSE_REACH: usize = 16;

/// Tokens `[from, to)` are only a place phrase: "in Nova Kakhovka", "near Al-Hoceima".
fn place_phrase(tk: &Toks, from: usize, to: usize) -> bool {
    to > from + 1
        && tk.any(from, &["in", "at", "near", "from", "outside"])
        && (from + 1..to).all(|j| tk.capitalized(j) || tk.punct(j, '-') || tk.punct(j, '.'))
}

/// When the comma at `k` closes a relative clause (", which hit many provinces,"), the
/// comma that opens it.
fn relative_clause_before(tk: &Toks, k: usize, back: usize) -> Option<usize> {
    if !tk.punct(k, ',') {
        return None;
    }
    let open = (k.saturating_sub(RELATIVE_CLAUSE_REACH).max(back)..k)
        .rev()
        .find(|&q| tk.punct(q, ',') || tk.punct(q, ';'))?;
    (tk.punct(open, ',') && open > back && tk.any(open + 1, &["which", "who", "whose"]))
        .then_some(open)
}

/// The place a breakdown gives a figure to: "Al Haouz Province accounted for 1,591", and
/// after it "and Taroudant for 809". Only a name the gazetteer knows as a place counts.
fn share_of_place(tk: &Toks, a: usize, back: usize) -> Option<String> {
    const BREAKDOWN_REACH: usize = 16;
    let mut k = a.checked_sub(1)?;
    if !tk.is(k, "for") || k <= back {
        return None;
    }
    k -= 1;
    if tk.any(k, ACCOUNT_VERBS) {
        k = k.checked_sub(1)?;
    } else if !(k.saturating_sub(BREAKDOWN_REACH)..k).any(|j| tk.any(j, ACCOUNT_VERBS)) {
        // "... and Taroudant for 809" continues a breakdown begun earlier in the sentence
        return None;
    }
    if !tk.capitalized(k) {
        return None;
    }
    let mut first = k;
    while first > back && first + 3 > k && tk.capitalized(first - 1) {
        first -= 1;
    }
    let name = tk.span_text(first, k).to_string();
    crate::places::is_place(&slug(&name)).then_some(name)
}

/// The token before the number at `a`, past one of `determiners` ("of the 19", "among
/// its 56,000").
fn word_before(tk: &Toks, a: usize, determiners: &[&str]) -> usize {
    if tk.any(a.wrapping_sub(1), determiners) {
        a.wrapping_sub(2)
    } else {
        a.wrapping_sub(1)
    }
}

/// Whether a number follows `k` within its clause: "and wounded over 100 others".
fn own_figure_follows(tk: &Toks, k: usize) -> bool {
    (k + 1..tk.len().min(k + 5))
        .take_while(|&j| !tk.punct(j, ',') && !tk.punct(j, ';') && !tk.punct(j, '.'))
        .any(|j| tk.is_num(j))
}

/// "Tarn Hollow, a village of about 900 people": the name before the apposition.
fn settlement_apposition(tk: &Toks, a: usize) -> Option<String> {
    let k = a.checked_sub(1)?;
    if !tk.is(k, "of")
        || !tk.any(
            k.wrapping_sub(1),
            &[
                "village",
                "town",
                "city",
                "settlement",
                "hamlet",
                "community",
                "district",
            ],
        )
        || !tk.any(k.wrapping_sub(2), &["a", "the"])
        || !tk.punct(k.wrapping_sub(3), ',')
    {
        return None;
    }
    let l = k.checked_sub(4)?;
    if !tk.capitalized(l) || tk.has(l, class::NOT_PLACE) {
        return None;
    }
    let mut f = l;
    while f > 0 && l - f < 3 && tk.capitalized(f - 1) && !tk.any(f - 1, &["to", "To", "The"]) {
        f -= 1;
    }
    Some(tk.span_text(f, l).to_string())
}

/// "Of the hostages, 17 are alive": the population a sentence opens with.
pub fn partitive_opener(tk: &Toks, ta: usize, tb: usize) -> Option<(String, String)> {
    if !tk.is(ta, "of") || !tk.any(ta + 1, &["the", "its", "their", "all"]) {
        return None;
    }
    let (x, y) = noun_phrase(tk, ta + 2, tb)?;
    if !tk.punct(y + 1, ',') {
        return None;
    }
    Some((tk.span_text(x, y).to_string(), tk.s(y).to_lowercase()))
}

fn location(tk: &Toks, from: usize, to: usize) -> Option<String> {
    location_at(tk, from, to).map(|x| x.1)
}

/// Every place named in tokens [from, to), in order (for the article's default place):
/// after a locative preposition, after "the streets of"/"the outskirts of", or a
/// capitalised name ending in an administrative word ("Valdora Province").
pub fn places(tk: &Toks, from: usize, to: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut k = from;
    while let Some((end, p)) = location_at(tk, k, to) {
        out.push(p);
        k = end.max(k + 1);
    }
    for k in from..to {
        if tk.is(k, "of")
            && tk.any(
                k.wrapping_sub(1),
                &[
                    "streets",
                    "outskirts",
                    "centre",
                    "center",
                    "parts",
                    "city",
                    "town",
                    "province",
                ],
            )
            && tk.capitalized(k + 1)
        {
            let mut l = k + 1;
            while l + 1 < to && tk.capitalized(l + 1) && l < k + 3 {
                l += 1;
            }
            if !tk.has(l, class::NOT_PLACE) {
                out.push(tk.span_text(k + 1, l).to_string());
            }
        }
        if tk.capitalized(k) && tk.has(k, class::ADMIN_WORDS) && k > from && tk.capitalized(k - 1) {
            let mut f = k - 1;
            while f > from
                && tk.capitalized(f - 1)
                && f + 3 > k
                && !tk.any(f - 1, &["The", "In", "A"])
            {
                f -= 1;
            }
            out.push(tk.span_text(f, k).to_string());
        }
    }
    out
}

/// A place name without its trailing administrative word: "Valdora Province" → "Valdora".
pub fn core_name(name: &str) -> &str {
    let t = name.trim();
    match t.rsplit_once(' ') {
        Some((head, last)) if ADMIN_WORDS.contains(&last) && !head.is_empty() => head,
        _ => t,
    }
}

/// The first place after a locative preposition in [from, to): (token after it, name).
fn location_at(tk: &Toks, from: usize, to: usize) -> Option<(usize, String)> {
    let mut k = from;
    while k < to {
        // "flown to Doha": where the counted people went
        let moved = tk.is(k, "to")
            && tk.any(
                k.wrapping_sub(1),
                &[
                    "flown",
                    "flew",
                    "travelled",
                    "traveled",
                    "sent",
                    "deployed",
                    "moved",
                    "headed",
                    "arrived",
                ],
            );
        // "the attack on Israel", "strikes on Gaza": where the victims were
        let attacked = tk.is(k, "on")
            && tk.any(
                k.wrapping_sub(1),
                &[
                    "attack",
                    "attacks",
                    "assault",
                    "raid",
                    "raids",
                    "strike",
                    "strikes",
                    "invasion",
                    "bombardment",
                    "offensive",
                ],
            );
        // "said in Kabul", "speaking to reporters in Kabul": where the speaker was
        let speaker_place = tk.has(k, class::LOC_PREP)
            && (k.saturating_sub(4)..k).any(|p| {
                tk.has(p, class::SAY_VERBS)
                    || tk.any(p, &["speaking", "reporters", "journalists", "briefing"])
            });
        // "according to the Taliban regime in Kabul", "citing a source in the Kremlin":
        // where the source sits
        let source_place = tk.has(k, class::LOC_PREP)
            && (k.saturating_sub(6)..k)
                .rev()
                .take_while(|&p| !tk.punct(p, ',') && !tk.punct(p, ';'))
                .any(|p| tk.is(p, "citing") || (tk.is(p, "according") && tk.is(p + 1, "to")));
        if speaker_place || source_place {
            k += 1;
            continue;
        }
        if tk.has(k, class::LOC_PREP) || moved || attacked {
            let mut m = k + 1;
            let det = tk.is(m, "the");
            if det {
                m += 1;
            }
            // "in the capital Nairobi", "in the city of Herat", "in the coastal town of Derna"
            if det {
                let mut n = m;
                while n < m + 2
                    && tk.is_word(n)
                    && !tk.capitalized(n)
                    && !tk.any(n, SETTLEMENT_WORDS)
                {
                    n += 1;
                }
                if tk.any(n, SETTLEMENT_WORDS) {
                    n += 1;
                    if tk.punct(n, ',') || tk.is(n, "of") {
                        n += 1;
                    }
                    if tk.capitalized(n) {
                        m = n;
                    }
                }
            }
            let first = m;
            let mut last = None;
            while m < to && m < first + 4 {
                if tk.capitalized(m) && !is_month(tk, m) && !weekday(tk, m) {
                    last = Some(m);
                    m += 1;
                } else if tk.punct(m, '-')
                    && last.is_some()
                    && tk.adjacent(m)
                    && tk.capitalized(m + 1)
                {
                    m += 1;
                } else {
                    break;
                }
            }
            if let Some(l) = last {
                // "in Hamas custody": a name used as a modifier is not a place
                let next_noun = tk.kind(l + 1) == Some(Tk::Word)
                    && !tk.capitalized(l + 1)
                    && !tk.has(l + 1, class::STOP)
                    && !tk.any(
                        l + 1,
                        &["and", "or", "where", "after", "since", "last", "on"],
                    );
                // "City Hall", "the University", "the Al-Muaisem morgue": buildings and
                // bodies are not places
                let facility = tk.has(l + 1, class::FACILITY_NOUNS);
                if (!next_noun || det) && !tk.has(l, class::NOT_PLACE) && !facility {
                    return Some((l + 1, tk.span_text(first, l).to_string()));
                }
            }
        }
        k += 1;
    }
    None
}

/// Nouns for a settlement or area that a name follows: "the capital Nairobi", "the town of
/// Derna".
const SETTLEMENT_WORDS: &[&str] = &[
    "capital", "city", "town", "village", "port", "province", "region", "district", "state",
];

fn weekday(tk: &Toks, i: usize) -> bool {
    tk.any(
        i,
        &[
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ],
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn place_aliases_are_sorted_for_binary_search() {
        assert!(super::PLACE_ALIASES.windows(2).all(|w| w[0].0 < w[1].0));
    }
}
