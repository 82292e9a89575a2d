//! Who is quoted: a speaker's full name where the article gives it ("Trump" -> "Donald
//! Trump"), and the person a "he" or "she" stands for when no speaker came before.

use super::classes as class;
use std::cell::OnceCell;
use std::collections::HashMap;

use super::attribution::SUBORDINATORS;
use super::lexicon::{DAY_WORDS, NOT_PLACE};
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
        // "Outside No 10": a sentence's first word may be capitalised only for that
        if start < end && tk.has(start, class::STOP) {
            start += 1;
        }
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
    sentence_starts: &[usize],
) -> Option<String> {
    let quoted = |k: usize| inside_quote(tk, quotes, k);
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
    previous_subject(tk, before, sentence_starts, &quoted)
        .or_else(|| salient_person(tk, before, &quoted, &mentions))
}

/// "Governor Ana Ruiz" → "Ana Ruiz": the name a pronoun stands for, as
/// [`salient_person`] gives it.
fn without_titles(name: &str) -> String {
    let mut words: Vec<&str> = name.split_whitespace().collect();
    while words.len() > 1
        && TITLES.contains(&words[0].trim_end_matches('.'))
        && words[1].starts_with(char::is_uppercase)
    {
        words.remove(0);
    }
    words.join(" ")
}

/// Whether token `k` stands inside one of `quotes` (in text order, not overlapping).
fn inside_quote(tk: &Toks, quotes: &[QuoteHit], k: usize) -> bool {
    let at = tk.t.get(k).map_or(0, |t| t.start);
    let n = quotes.partition_point(|q| q.close_end <= at);
    quotes.get(n).is_some_and(|q| q.open <= at)
}

/// Who speaks a quote that stands alone in its sentence, no speaker named before or after
/// it: the subject of the sentence before ("Biden was asked whether he would go. “It
/// depends …”").
pub(super) fn narrative_speaker(
    tk: &Toks,
    open: usize,
    quotes: &[QuoteHit],
    sentence_starts: &[usize],
) -> Option<String> {
    previous_subject(tk, open, sentence_starts, &|k| inside_quote(tk, quotes, k))
}

/// Sentences looked back over for the subject a pronoun continues.
const SUBJECT_SENTENCES: usize = 3;

/// The subject of the nearest sentence before token `before` that names one outside
/// quotes ("Biden was asked whether he would stand down. … He then added: …"): a "he"
/// that opens a sentence mostly continues the subject before it.
pub(super) fn previous_subject(
    tk: &Toks,
    before: usize,
    sentence_starts: &[usize],
    quoted: &dyn Fn(usize) -> bool,
) -> Option<String> {
    let here = sentence_starts
        .partition_point(|&s| s <= before)
        .saturating_sub(1);
    for j in (here.saturating_sub(SUBJECT_SENTENCES)..here).rev() {
        let start = sentence_starts[j];
        let end = sentence_starts.get(j + 1).copied().unwrap_or(tk.len());
        let end = (start..end).find(|&k| quoted(k)).unwrap_or(end);
        // "Fed chairman Jerome Powell said …": who spoke in it
        let spoke = super::attribution::find(tk, start, end)
            .into_iter()
            .find(|a| {
                a.verb
                    && super::attribution::speaks(&a.cue)
                    && a.source.starts_with(char::is_uppercase)
            });
        if let Some(a) = spoke {
            return Some(a.source);
        }
        match main_subject(tk, start, end) {
            Some((name, _))
                if name.eq_ignore_ascii_case("he") || name.eq_ignore_ascii_case("she") => {}
            Some((name, _)) => return Some(without_titles(&name)),
            None => {}
        }
    }
    None
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
        && !participle_opener(tk, k)
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

/// Words that open a clause with no subject of its own: prepositions ("In a filing, the
/// Windows maker put …") and the like.
const NO_SUBJECT_OPENERS: &[&str] = &[
    "in", "on", "at", "during", "with", "for", "from", "by", "under", "over", "amid", "despite",
    "without", "within", "onstage", "about", "to", "into", "of", "like", "unlike", "instead",
    "there", "it", "this", "that", "these", "those", "what", "how", "why", "whether",
];

/// Clauses that say something about the noun before them: the quote in one is the
/// antecedent's ("Tony Hinchcliffe, who at the rally called the island “…”").
const RELATIVES: &[&str] = &["who", "whose", "which", "whom"];

/// Heads of a noun phrase that can speak: people by role, companies, bodies.
const SPEAKING_NOUNS: &[&str] = &[
    "company",
    "firm",
    "maker",
    "group",
    "giant",
    "president",
    "chief",
    "minister",
    "pm",
    "premier",
    "chancellor",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "official",
    "officials",
    "government",
    "ministry",
    "police",
    "army",
    "military",
    "agency",
    "organisation",
    "organization",
    "ceo",
    "executive",
    "boss",
    "founder",
    "owner",
    "billionaire",
    "manager",
    "coach",
    "leader",
    "governor",
    "mayor",
    "diplomat",
    "senator",
    "envoy",
    "ambassador",
    "secretary",
    "prosecutor",
    "prosecutors",
    "judge",
    "lawyer",
    "lawyers",
    "statement",
    "union",
    "council",
    "committee",
    "party",
    "campaign",
    "team",
    "authorities",
    "witness",
    "survivor",
    "resident",
    "residents",
    "doctor",
    "doctors",
    "investor",
    "analyst",
    "activist",
    "activists",
    "organisers",
    "organizers",
    "pope",
    "king",
    "queen",
    "prince",
    "star",
    "player",
    "striker",
    "candidate",
    "nominee",
    "host",
];

/// What someone's words are called when the speaker is their owner ("Biden's offer was
/// this: “…”").
const SPEECH_NOUNS: &[&str] = &[
    "offer",
    "message",
    "words",
    "response",
    "reply",
    "answer",
    "statement",
    "comment",
    "comments",
    "remarks",
    "email",
    "letter",
    "post",
    "verdict",
    "promise",
    "warning",
];

/// A clause's subject as it stands at token `k` (after any openers), or None when the
/// clause has none a quote could be spoken by.
fn subject_at(tk: &Toks, k: usize, end: usize) -> Option<(String, usize)> {
    if k >= end || !tk.is_word(k) {
        return None;
    }
    if tk.any(k, &["he", "she"]) {
        return Some((tk.s(k).to_owned(), k));
    }
    if tk.any(k, NO_SUBJECT_OPENERS) || participle_opener(tk, k) {
        return None;
    }
    if tk.any(k, &["the", "a", "an", "its", "his", "her", "their"]) {
        // "the Windows maker put", "the chief of the team called", "The company has"
        let mut head = k + 1;
        while head < end && head < k + 6 && tk.is_word(head) && !tk.any(head, SPEAKING_NOUNS) {
            if tk.any(head, FUNCTION_WORDS) {
                return None;
            }
            head += 1;
        }
        let next = head + 1;
        let verb_follows = tk.is(next, "of")
            || (tk.is_word(next) && !tk.capitalized(next) && !tk.any(next, FUNCTION_WORDS));
        return (tk.any(head, SPEAKING_NOUNS) && verb_follows)
            .then(|| (tk.span_text(k, head).to_owned(), k));
    }
    // a role before a name: "comedian Tony Hinchcliffe", "investor Ron Baron"
    let start = if !tk.capitalized(k) && tk.capitalized(k + 1) && !tk.any(k, FUNCTION_WORDS) {
        k + 1
    } else {
        k
    };
    let mut last = start;
    while last + 1 < end && last < start + 4 && name_continues(tk, last + 1) {
        last += 1;
    }
    if !tk.capitalized(start)
        || tk.any(start, FUNCTION_WORDS)
        || tk.has(start, class::STOP)
        || !person_or_body(tk, start, last)
        || (start == last && common_word(tk, start))
    {
        return None;
    }
    let possessive = tk.s(last).ends_with("’s") || tk.s(last).ends_with("'s");
    if possessive {
        // "Biden’s offer was this:" is Biden's; "Disney’s Bob Iger" was read on above
        let owner = tk.s(last).trim_end_matches("’s").trim_end_matches("'s");
        let name = if last > start {
            format!("{} {owner}", tk.span_text(start, last - 1))
        } else {
            owner.to_owned()
        };
        return tk.any(last + 1, SPEECH_NOUNS).then_some((name, start));
    }
    let next = last + 1;
    let followed = next >= end
        || tk.punct(next, ',')
        || (tk.is_word(next) && !tk.capitalized(next) && !tk.any(next, FUNCTION_WORDS));
    followed.then(|| (tk.span_text(start, last).to_owned(), start))
}

/// Tokens either side of a word looked over for it in lower case: a bound, so that an
/// article of many quotes costs no more than its length times this.
const COMMON_WORD_WINDOW: usize = 2000;

/// A capitalised word that is a common word where it opens a sentence ("Only", "Two",
/// "Had"): the text near it writes it in lower case, or it is a number.
fn common_word(tk: &Toks, k: usize) -> bool {
    let word = tk.s(k);
    let lower = word.to_lowercase();
    let near = k.saturating_sub(COMMON_WORD_WINDOW)..(k + COMMON_WORD_WINDOW).min(tk.len());
    !super::numbers::parse(word, None).is_empty()
        || near
            .into_iter()
            .any(|i| i != k && tk.is_word(i) && !tk.capitalized(i) && tk.s(i) == lower)
}

/// Words that never start or continue a name run, whatever their case.
const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "and", "or", "but", "of", "in", "on", "at", "by", "for", "to", "from",
    "with", "as", "that", "which", "who", "this", "it", "its", "their", "his", "her", "there",
    "then", "so", "also", "if", "when", "while", "after", "before", "not", "no", "we", "i", "you",
    "they", "our", "my", "your",
];

/// Token `k` carries a name on: a capitalised word that is no function word.
fn name_continues(tk: &Toks, k: usize) -> bool {
    tk.capitalized(k) && !tk.any(k, FUNCTION_WORDS)
}

/// A run of capitalised words that names a person or a body, not a date or a word that is
/// capitalised only because it opens the sentence.
fn person_or_body(tk: &Toks, start: usize, last: usize) -> bool {
    (start..=last).all(|i| {
        let w = tk.s(i);
        let day = DAY_WORDS.iter().any(|d| w.eq_ignore_ascii_case(d));
        !NOT_PERSON.contains(&w) && !day && !w.eq_ignore_ascii_case("tonight")
    }) && !(start == last && tk.s(start).len() < 3)
}

/// "Pointing to …", "Speaking at …", "Asked about …", "Filmed in …": a participle opening
/// its clause, whose subject is the main clause's.
pub(super) fn participle_opener(tk: &Toks, k: usize) -> bool {
    let w = tk.s(k);
    (w.ends_with("ing") || w.ends_with("ed"))
        && w.len() > 4
        && tk.any(
            k + 1,
            &[
                "to", "at", "about", "in", "on", "by", "with", "for", "from", "after", "over",
                "up", "out", "the", "a", "his", "her", "their",
            ],
        )
}

/// Tokens that bound a clause for [`quote_clause_subject`]: commas, semicolons and dashes
/// set apart by spaces.
fn clause_bound(tk: &Toks, k: usize) -> bool {
    tk.punct(k, ',') || tk.punct(k, ';') || super::attribution::dash(tk, k)
}

/// Who speaks a quote no verb of saying introduces: the subject of the clause it stands in
/// ("Mark Zuckerberg, who runs the company, called the cuts “…”", "In a filing, the
/// Windows maker put the cuts down to “…”", "After Tony Hinchcliffe called the island
/// a “…”"), the noun a relative clause hangs on ("Hinchcliffe, whose joke had labelled the
/// island a “…”"), or after a participle clause the subject that follows the quote
/// ("Pointing to “…,” Microsoft is laying off"). `ta` is the sentence's first token,
/// `open` the quote mark's, `after` the first token past the closing mark, `tb` the end.
pub fn quote_clause_subject(
    tk: &Toks,
    ta: usize,
    open: usize,
    after: usize,
    tb: usize,
) -> Option<(String, usize)> {
    clause_walk(tk, ta, open, Some((after, tb)))
}

/// The subject of a sentence's main clause (tokens `ta..end`).
fn main_subject(tk: &Toks, ta: usize, end: usize) -> Option<(String, usize)> {
    clause_walk(tk, ta, end, None)
}

/// Walks the clauses of tokens `ta..open` for their subjects; with `quote` (the tokens
/// past the quote and the sentence's end), `open` is a quote's opening mark.
fn clause_walk(
    tk: &Toks,
    ta: usize,
    open: usize,
    quote: Option<(usize, usize)>,
) -> Option<(String, usize)> {
    let mut main: Option<(String, usize)> = None;
    let mut pending: Option<(String, usize)> = None;
    let mut start = ta;
    let mut participle = false;
    while start < open {
        let end = (start..open).find(|&k| clause_bound(tk, k)).unwrap_or(open);
        let holds_quote = quote.is_some() && end == open;
        let mut k = start;
        while k < end && (tk.any(k, CLAUSE_OPENERS) || !tk.is_word(k)) {
            k += 1;
        }
        if tk.any(k, RELATIVES) {
            if holds_quote {
                // "which he claimed set up a “…”": the relative clause's own subject
                if let Some(found) = subject_at(tk, k + 1, end) {
                    return Some(found);
                }
                if start > ta + 1 && tk.punct(start - 1, ',') {
                    let antecedent_end = start - 2;
                    let first = super::attribution::np_back(tk, antecedent_end, ta)?;
                    let head = tk.s(antecedent_end).to_lowercase();
                    let speaks =
                        tk.capitalized(antecedent_end) || SPEAKING_NOUNS.contains(&head.as_str());
                    return speaks.then(|| (tk.span_text(first, antecedent_end).to_owned(), first));
                }
            }
        } else if tk.any(k, SUBORDINATORS) {
            if holds_quote {
                if let Some(found) = subject_at(tk, k + 1, end) {
                    return Some(found);
                }
            }
        } else if tk.is_num(k) {
            // ", 38," an age in apposition
        } else if let Some(found) = subject_at(tk, k, end) {
            // "Zuck, 38, branded …": a subject before an apposition waits for its verb
            if tk.punct(end_of_name(tk, found.1), ',') {
                pending = Some(found);
            } else {
                main = Some(found);
            }
        } else if pending.is_some()
            && tk.is_word(k)
            && !tk.capitalized(k)
            && !tk.any(k, FUNCTION_WORDS)
        {
            main = pending.take();
        } else {
            participle = holds_quote && participle_opener(tk, k);
        }
        start = end + 1;
    }
    if let Some((after, tb)) = quote.filter(|_| main.is_none() && participle) {
        let mut k = after;
        while k < tb && !tk.is_word(k) {
            k += 1;
        }
        return subject_at(tk, k, tb);
    }
    main
}

/// The token after a name run starting at `k`.
fn end_of_name(tk: &Toks, k: usize) -> usize {
    let mut j = k;
    while name_continues(tk, j) || (j == k && tk.is_word(j)) {
        j += 1;
    }
    j
}
