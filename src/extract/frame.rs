//! Parts of a claim's frame that the counted noun alone does not give: what a percentage is
//! a share of ("5% of its workforce", "the jobless rate rose to 4.1%"), and who holds a
//! count that parties or companies each have ("Labour won 412 seats", "the Tories' 121").
//! Two outlets' "percent" or "seats" are one quantity only when these agree.

use super::classes as class;
use super::lexicon::MONTHS;
use super::tokens::Toks;

/// Nouns a percentage is "of", with the quantity they stand for.
const SHARE_OF: &[(&str, &str)] = &[
    ("ballots", "vote"),
    ("dead", "dead"),
    ("deaths", "dead"),
    ("employee", "workforce"),
    ("employees", "workforce"),
    ("headcount", "workforce"),
    ("people", "population"),
    ("population", "population"),
    ("staff", "workforce"),
    ("team", "workforce"),
    ("victims", "dead"),
    ("vote", "vote"),
    ("voters", "turnout"),
    ("votes", "vote"),
    ("workers", "workforce"),
    ("workforce", "workforce"),
];

/// Nouns before a percentage that say what it measures ("turnout was 60%").
const MEASURED: &[(&str, &str)] = &[
    ("earnings", "wages"),
    ("inflation", "inflation"),
    ("jobless", "unemployment"),
    ("joblessness", "unemployment"),
    ("pay", "wages"),
    ("turnout", "turnout"),
    ("unemployment", "unemployment"),
    ("wage", "wages"),
    ("wages", "wages"),
];

/// Words that may stand between "of" and the noun ("of its entire workforce").
const OF_FILLERS: &[&str] = &[
    "a",
    "all",
    "an",
    "corporate",
    "entire",
    "global",
    "its",
    "million",
    "overall",
    "the",
    "their",
    "total",
    "thousand",
    "whole",
    "worldwide",
];

const PERCENT_WORDS: &[&str] = &["%", "percent", "per", "cent", "pc", "percentage", "points"];

/// Tokens looked at before a percentage for its measure.
const MEASURE_WINDOW: usize = 16;

/// What the percentage at tokens `[a, b)` is a share or measure of, within the sentence's
/// tokens `[ta, tb)`.
pub fn percent_base(tk: &Toks, a: usize, b: usize, ta: usize, tb: usize) -> Option<&'static str> {
    // "13% of an 87,000-person workforce", "36% of the vote"
    let mut k = past_percent_words(tk, b, tb);
    // "a 33.7% share of the vote"
    if tk.any(k, &["share", "proportion", "portion"]) && tk.is(k + 1, "of") {
        k += 1;
    }
    // "a 4.3% jobless rate", "the 4.1 percent unemployment rate"
    if let Some(base) = lookup(tk, k, MEASURED) {
        return Some(base);
    }
    // "fired half its workforce", "halve the workforce": a fraction needs no "of"
    let fraction = tk.any(
        b.wrapping_sub(1),
        &[
            "half", "halve", "halved", "halving", "third", "thirds", "quarter", "quarters",
        ],
    );
    let of_at = if tk.is(k, "of") {
        Some(k + 1)
    } else if fraction && tk.any(k, &["its", "their", "the"]) {
        Some(k)
    } else {
        None
    };
    if let Some(from) = of_at {
        for j in from..(from + 5).min(tb) {
            if let Some(base) = lookup(tk, j, SHARE_OF) {
                // "1.2% of the 1.544 million people Amazon reported employing": the
                // people an employer employs are its workforce
                let employed = (j + 1..(j + 4).min(tb)).any(|n| tk.any(n, EMPLOY_VERBS));
                return Some(if base == "population" && employed {
                    "workforce"
                } else {
                    base
                });
            }
            let filler = tk.any(j, OF_FILLERS)
                || tk.punct(j.wrapping_sub(1), '-')
                || tk.is_num(j)
                || tk.punct(j, '-')
                || possessive(tk.s(j))
                || tk.capitalized(j);
            if !filler {
                break;
            }
        }
    }
    // "the jobless rate edged up to 4.1%", "Turnout was 60%", "its vote share rose to 34%"
    let from = a.saturating_sub(MEASURE_WINDOW).max(ta);
    for j in (from..a).rev() {
        // "rose 0.1 percentage point to 4.1%": the change is of the same measure
        let change = tk.is_num(j) && tk.any(j + 1, &["percentage", "point", "points"]);
        // "unemployment rose to 4.3% from 4.1%", "grew 0.2% on the month and 3.6% on the
        // year": an earlier percentage of the clause measures the same thing
        let percentage = tk.is_num(j) && (tk.punct(j + 1, '%') || tk.any(j + 1, PERCENT_WORDS));
        if tk.punct(j, ';') || (tk.is_num(j) && !change && !percentage) {
            break;
        }
        if let Some(base) = lookup(tk, j, MEASURED) {
            return Some(base);
        }
        if tk.is(j, "share") && tk.any(j.wrapping_sub(1), &["vote", "voting"]) {
            return Some("vote");
        }
        // "Starmer's share of the vote, 36 per cent"
        if tk.any(j, &["share", "proportion"]) && tk.is(j + 1, "of") {
            let noun = (j + 2..a).find(|&n| !tk.any(n, OF_FILLERS));
            if let Some(base) = noun.and_then(|n| lookup(tk, n, SHARE_OF)) {
                return Some(base);
            }
        }
    }
    // "shrink its staff by about 13%", "11,000 jobs across its workforce, a cut of 13%":
    // the workforce named earlier in the clause
    let from = a.saturating_sub(SHARE_OF_WINDOW).max(ta);
    for j in (from..a).rev() {
        if tk.punct(j, ';') || tk.punct(j, '.') {
            break;
        }
        if let Some(base) = lookup(tk, j, SHARE_OF).filter(|b| *b == "workforce") {
            return Some(base);
        }
    }
    None
}

/// The first token from `b` that is not a percent sign or word ("per cent", "points").
fn past_percent_words(tk: &Toks, b: usize, tb: usize) -> usize {
    let mut k = b;
    while k < tb && (tk.any(k, PERCENT_WORDS) || tk.punct(k, '%')) {
        k += 1;
    }
    k
}

/// Words of a hedge that may stand right before a figure ("around 10,000").
pub(super) const HEDGE_BEFORE: &[&str] =
    &["about", "around", "roughly", "some", "nearly", "almost"];

/// The token before the figure at `a`, past any hedge words (stopping at `ta`).
pub(super) fn before_hedge(tk: &Toks, a: usize, ta: usize) -> usize {
    let mut k = a.wrapping_sub(1);
    while k > ta && tk.has(k, class::HEDGE_BEFORE) {
        k -= 1;
    }
    k
}

/// "83 per cent of them", "5% of those": a share of what the figure before counted.
pub fn share_of_those(tk: &Toks, b: usize, tb: usize) -> bool {
    let k = past_percent_words(tk, b, tb);
    tk.is(k, "of") && tk.any(k + 1, &["them", "those", "these"])
}

/// What a share of the figure counted by `frame` is a share of: its workforce, its dead.
pub fn base_of(frame: &crate::model::Frame) -> Option<&'static str> {
    if matches!(
        frame.measure.as_str(),
        "employees" | "jobs" | "staff" | "workers"
    ) {
        return Some("workforce");
    }
    ["dead", "injured", "missing", "evacuated", "arrested"]
        .into_iter()
        .find(|status| frame.status == *status)
}

/// Tokens looked back over for the workforce a cut's percentage is of.
const SHARE_OF_WINDOW: usize = 14;

fn lookup(tk: &Toks, i: usize, table: &[(&str, &'static str)]) -> Option<&'static str> {
    if !tk.is_word(i) {
        return None;
    }
    let word = tk.s(i);
    table
        .iter()
        .find(|(w, _)| word.eq_ignore_ascii_case(w))
        .map(|(_, base)| *base)
}

fn possessive(word: &str) -> bool {
    word.ends_with("'s") || word.ends_with("’s")
}

/// Counted nouns that several holders each have in one story (parties' seats and votes).
pub fn is_held(entity: &str, percent_base: Option<&str>) -> bool {
    matches!(entity, "seats" | "mps" | "votes") || percent_base == Some("vote")
}

/// Nicknames of holders that news uses beside their names.
const HOLDER_ALIASES: &[(&str, &str)] = &[
    ("conservatives", "conservative"),
    ("dems", "democrat"),
    ("democrats", "democrat"),
    ("gop", "republican"),
    ("libdems", "liberal democrat"),
    ("lib dems", "liberal democrat"),
    ("liberal democrats", "liberal democrat"),
    ("republicans", "republican"),
    ("tories", "conservative"),
    ("tory", "conservative"),
];

/// Words between "majority" and its figure that say the figure is its size.
const MAJORITY_LEVEL: &[&str] = &["stands", "stood", "is", "was", "now", "at", "reached", "to"];

/// Who holds the count at tokens `[a, b)`: the nearest name before it in its clause ("the
/// Tories' 121", "Labour had taken 411", past "a majority of 174 with"). `total` for "of
/// the 650 seats", `majority` for "a majority of 172" and "the majority stands at 176";
/// none when no name stands before it.
pub fn holder(tk: &Toks, a: usize, ta: usize) -> Option<String> {
    if tk.is(a.wrapping_sub(1), "of") && tk.is(a.wrapping_sub(2), "majority") {
        return Some("majority".into());
    }
    // "Labour's majority stands at 176 MPs", "Blair's majority was 179": the majority,
    // whoever holds it; not "won a majority with 412 seats"
    let majority_is = (a.saturating_sub(4).max(ta)..a).any(|k| {
        tk.any(k, &["majority", "majority's"])
            && (k + 1..a).all(|j| tk.any(j, MAJORITY_LEVEL) || tk.has(j, class::HEDGE_BEFORE))
    });
    if majority_is {
        return Some("majority".into());
    }
    if tk.is(a.wrapping_sub(1), "the")
        && tk.is(a.wrapping_sub(2), "of")
        && tk.is_num(a.wrapping_sub(3))
    {
        return Some("total".into());
    }
    let mut j = a;
    while j > ta {
        j -= 1;
        // "Labour won a majority of 174 with 412 seats": the majority is the holder's too
        let with_majority = tk.is_num(j)
            && tk.is(j.wrapping_sub(1), "of")
            && tk.is(j.wrapping_sub(2), "majority")
            && (j + 1..a).any(|k| tk.is(k, "with"))
            && !(j + 1..a).any(|k| tk.punct(k, ','));
        if with_majority {
            j -= 2;
            continue;
        }
        if tk.punct(j, ';') || tk.is_num(j) {
            return None;
        }
        if !tk.capitalized(j) || j == ta && !looks_like_name_at_start(tk, j) {
            continue;
        }
        // the run of capitalised words ending at j
        let end = j;
        let mut start = j;
        // "Keir Starmer's Labour Party": the name after the possessive holds
        while start > ta && tk.capitalized(start - 1) && !possessive(tk.s(start - 1)) {
            start -= 1;
        }
        while start < end && !looks_like_name_at_start(tk, start) {
            start += 1;
        }
        let name = tk.span_text(start, end);
        // "swept the UK election … 410 seats", "a BBC prediction gives the party 412
        // seats": a place or a forecaster holds nothing; the holder may stand before it
        let place = crate::places::is_place(&super::subject::slug(name));
        let forecaster = tk.has(end + 1, class::FORECAST_NOUNS);
        if place || forecaster {
            j = start;
            continue;
        }
        return Some(normalise_holder(name));
    }
    None
}

/// A signed change in brackets follows token `b` ("Labour 410 (+210)", "SNP 8 (-38)",
/// "Sinn Féin 7 (-)"): the figure before it is a row of a results table (seats, votes,
/// points), not part of a name like "Windows 11".
pub fn change_in_brackets_after(tk: &Toks, b: usize) -> bool {
    tk.punct(b, '(') && sign(tk, b + 1).is_some() && (tk.is_num(b + 2) || tk.punct(b + 2, ')'))
}

/// The figure at `[a, b)` is a signed change in brackets ("(+210)", "(-38)"): whether it is
/// a gain.
pub fn signed_in_brackets(tk: &Toks, a: usize, b: usize) -> Option<bool> {
    let gain = sign(tk, a.checked_sub(1)?)?;
    (tk.punct(a.wrapping_sub(2), '(') && tk.punct(b, ')')).then_some(gain)
}

/// The figure at `[a, b)` is the change in a results row ("410 (+210)"): the token of the
/// row's own figure and whether the change is a gain.
pub fn bracketed_change(tk: &Toks, a: usize, b: usize) -> Option<(usize, bool)> {
    let gain = signed_in_brackets(tk, a, b)?;
    let row = a.checked_sub(3)?;
    tk.is_num(row).then_some((row, gain))
}

/// The figure at `[a, b)` is a signed change in brackets after a name rather than a figure
/// ("hospitals (+20,000)", "Government (+70,000)"): that part's share of the whole the
/// sentence counts.
pub fn bracketed_part(tk: &Toks, a: usize, b: usize) -> bool {
    signed_in_brackets(tk, a, b).is_some() && tk.is_word(a.wrapping_sub(3))
}

/// Whether a measure ("labour seats", "votes") is one each holder has; its last word says.
pub fn is_held_measure(measure: &str, percent_base: Option<&str>) -> bool {
    is_held(measure.rsplit(' ').next().unwrap_or(measure), percent_base)
}

/// Words that say a held count changed, and whether it grew: "gained over 200 seats",
/// "lost 251", "up 211 on 2019".
const CHANGE_WORDS: &[(&str, bool)] = &[
    ("gained", true),
    ("gain", true),
    ("gains", true),
    ("gaining", true),
    ("up", true),
    ("lost", false),
    ("lose", false),
    ("loses", false),
    ("losing", false),
    ("shed", false),
    ("down", false),
];

/// Hedges that may stand between a change word and its figure ("gained over 200").
const CHANGE_HEDGES: &[&str] = &[
    "over", "more", "than", "about", "around", "nearly", "almost", "some", "just", "a", "further",
    "another",
];

/// Whether the held figure at token `a` is a change ("gained over 200 seats": `Some(true)`,
/// "lost 251 seats": `Some(false)`), read back from it within its clause (from `ta`).
pub fn held_change(tk: &Toks, a: usize, ta: usize) -> Option<bool> {
    let mut j = a;
    for _ in 0..4 {
        if j <= ta {
            return None;
        }
        j -= 1;
        if tk.any(j, CHANGE_HEDGES) {
            continue;
        }
        let word = tk.s(j);
        return CHANGE_WORDS
            .iter()
            .find(|(w, _)| word.eq_ignore_ascii_case(w))
            .map(|&(_, gain)| gain);
    }
    None
}

/// `+` (a gain) or a minus sign, hyphen or dash (a loss) at token `i`.
fn sign(tk: &Toks, i: usize) -> Option<bool> {
    if tk.punct(i, '+') {
        Some(true)
    } else if ['-', '−', '–'].into_iter().any(|m| tk.punct(i, m)) {
        Some(false)
    } else {
        None
    }
}

/// Who a group within a count is, said as its predicate ("97 were female", "at least four
/// were teenagers").
const GROUP_WORDS: &[&str] = &[
    "women",
    "female",
    "females",
    "men",
    "male",
    "males",
    "children",
    "minors",
    "teenagers",
    "teens",
    "girls",
    "boys",
    "students",
    "foreigners",
    "foreign",
    "elderly",
    "pensioners",
    "nationals",
    "tourists",
    "soldiers",
    "officers",
    "civilians",
];

/// Whether the figure ending before token `b` is a group within a count made before it:
/// "Nearly two-thirds of the dead -- 97 -- were female".
pub fn group_within(tk: &Toks, b: usize) -> bool {
    let mut k = b;
    while k < b + 3 && (tk.punct(k, '-') || tk.punct(k, '–') || tk.punct(k, '—')) {
        k += 1;
    }
    if !tk.any(k, &["were", "are", "was"]) {
        return false;
    }
    let group = if tk.any(k + 1, &["all", "mostly", "also"]) {
        k + 2
    } else {
        k + 1
    };
    tk.any(group, GROUP_WORDS)
}

/// A sentence's first word is a name only when it is not a common opening word.
fn looks_like_name_at_start(tk: &Toks, i: usize) -> bool {
    !tk.any(
        i,
        &[
            "a", "an", "and", "as", "at", "but", "by", "for", "in", "it", "its", "latest", "on",
            "the", "their", "this", "with",
        ],
    )
}

fn normalise_holder(name: &str) -> String {
    let mut name = name
        .trim_end_matches(['\'', '’'])
        .trim_end_matches("'s")
        .trim_end_matches("’s")
        .to_lowercase();
    // "Scottish National Party" is the SNP, "Democratic Unionist Party" the DUP: a party
    // of two words or more before "Party" goes by its initials, as news writes it after
    // the first mention
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() >= 3 && words.last() == Some(&"party") {
        return words.iter().filter_map(|w| w.chars().next()).collect();
    }
    for suffix in [" party", " parties", " partys"] {
        if let Some(stripped) = name.strip_suffix(suffix) {
            name = stripped.to_owned();
        }
    }
    // "Keir Starmer's Labour": the last name of a run is what holds
    if let Some(known) = HOLDER_ALIASES.iter().find(|(alias, _)| *alias == name) {
        return known.1.to_owned();
    }
    let last = name.rsplit(' ').next().unwrap_or(&name).to_owned();
    HOLDER_ALIASES
        .iter()
        .find(|(alias, _)| *alias == last)
        .map_or(name, |(_, canonical)| (*canonical).to_owned())
}

/// Nouns that say what a figure with no counted noun of its own measures ("payrolls grew
/// by 206,000", "the civilian toll ran into the hundreds"): (noun, entity, status).
const MEASURE_NOUNS: &[(&str, &str, &str)] = &[
    ("nonfarm", "jobs", "count"),
    ("payroll", "jobs", "count"),
    ("payrolls", "jobs", "count"),
    ("toll", "people", "dead"),
    // "a tally gives at least 1,114", "the count went past 100": the story's own measure,
    // which matching reads from the claims around it
    ("tally", "tally", "count"),
    ("count", "tally", "count"),
];

/// Verbs that say a bare figure right after them is jobs cut ("axes 1,200").
const LAYOFF_VERBS: &[&str] = &[
    "axe",
    "axes",
    "axed",
    "fires",
    "fired",
    "sacks",
    "sacked",
    "sheds",
    "shed",
    "eliminates",
    "eliminated",
];

/// Tokens looked at before a bare figure for what it measures.
const MEASURE_NOUN_WINDOW: usize = 8;

/// What a figure at token `a` with no counted noun measures, from a measure noun before it
/// in its clause.
pub fn measure_before(tk: &Toks, a: usize, ta: usize) -> Option<(&'static str, &'static str)> {
    // "Microsoft lays off around 10,000": an employer's verb says jobs
    let v = before_hedge(tk, a, ta);
    let laid_off = tk.is(v, "off") && tk.any(v.wrapping_sub(1), &["lay", "lays", "laid", "laying"]);
    if v >= ta && (laid_off || tk.any(v, LAYOFF_VERBS)) {
        return Some(("jobs", "cut"));
    }
    let from = a.saturating_sub(MEASURE_NOUN_WINDOW).max(ta);
    for j in (from..a).rev() {
        if tk.punct(j, ';') || tk.is_num(j) {
            return None;
        }
        if !tk.is_word(j) {
            continue;
        }
        let word = tk.s(j);
        if let Some((_, entity, status)) = MEASURE_NOUNS
            .iter()
            .find(|(noun, _, _)| word.eq_ignore_ascii_case(noun))
        {
            return Some((entity, status));
        }
    }
    None
}

/// What a workforce is counted in: a figure of these with a cutting verb near it counts
/// jobs cut, whichever noun the outlet chose ("10,000 jobs", "10,000 workers", "10,000
/// roles", "10,000 layoffs").
const JOB_NOUNS: &[&str] = &[
    "cuts",
    "employees",
    "jobs",
    "layoffs",
    "people",
    "positions",
    "posts",
    "redundancies",
    "roles",
    "staff",
    "staffers",
    "workers",
];

/// Verbs and nouns that mark cutting jobs.
pub(super) const CUT_WORDS: &[&str] = &[
    "axe",
    "axed",
    "axing",
    "cut",
    "cuts",
    "cutting",
    "eliminate",
    "eliminated",
    "eliminates",
    "eliminating",
    "fire",
    "fired",
    "firing",
    "laid",
    "lay",
    "laying",
    "layoff",
    "layoffs",
    "redundancies",
    "redundant",
    "reduction",
    "reductions",
    "shed",
    "sheds",
    "shedding",
    "slash",
    "slashed",
    "slashing",
];

/// Tokens around a figure looked at for a cutting word.
const CUT_WINDOW: usize = 10;

/// Whether the figure at tokens `[a, b)`, counting `entity`, is of jobs cut.
pub fn jobs_cut(tk: &Toks, entity: &str, a: usize, b: usize, ta: usize, tb: usize) -> bool {
    if !JOB_NOUNS.contains(&entity) {
        return false;
    }
    let before = (a.saturating_sub(CUT_WINDOW).max(ta)..a).rev();
    let after = b..(b + CUT_WINDOW).min(tb);
    let mut near = false;
    // "cut 5% of its staff, around 10,000 people": a figure set off by a comma restates
    // the one before it, whose verb it shares
    let restates = tk.punct(a.wrapping_sub(1), ',');
    for j in before {
        if tk.punct(j, ';') || (tk.is_num(j) && !restates) {
            break;
        }
        near |= cutting(tk, j);
    }
    for j in after {
        if tk.punct(j, ';') || tk.is_num(j) {
            break;
        }
        near |= cutting(tk, j);
    }
    near || cuts_reach(tk, a, ta)
}

/// Verbs by which cuts reach people: "job cuts planned at Amazon.com Inc will affect more
/// than 17,000 staff", "the layoffs will hit about 10,000 people".
const REACHING_VERBS: &[&str] = &[
    "affect",
    "affects",
    "affecting",
    "hit",
    "hits",
    "impact",
    "impacts",
];

/// Whether the figure at `a` is what the cuts its clause (from `ta`) names reach: a
/// reaching verb just before it, a cutting word before that.
fn cuts_reach(tk: &Toks, a: usize, ta: usize) -> bool {
    let verb = before_hedge(tk, a, ta);
    verb >= ta && verb < a && tk.any(verb, REACHING_VERBS) && (ta..verb).any(|j| cutting(tk, j))
}

/// Whether a count of `entity` can be a workforce or the jobs cut from it.
pub fn is_job_noun(entity: &str) -> bool {
    JOB_NOUNS.contains(&entity) && !matches!(entity, "cuts" | "layoffs" | "redundancies")
}

/// "employs more than 3,000 people": the figure is what the employer employs.
pub fn employs_before(tk: &Toks, a: usize, ta: usize) -> bool {
    (a.saturating_sub(4).max(ta)..a).any(|j| tk.any(j, EMPLOY_VERBS) || tk.is(j, "employment"))
}

/// "Twitter's roughly 7,500 employees", "its 5,500 staff": a possessor's workforce, the
/// figure right after the owner (and a hedge), its noun a workforce's.
pub fn owned_workforce(tk: &Toks, a: usize, b: usize, ta: usize) -> bool {
    let k = before_hedge(tk, a, ta);
    let owner = k >= ta
        && k < a
        && (tk.any(k, &["its", "their"])
            || (tk.capitalized(k) && (tk.s(k).ends_with("'s") || tk.s(k).ends_with("’s"))));
    owner
        && tk.any(
            b,
            &[
                "employees",
                "staff",
                "staffers",
                "workers",
                "personnel",
                "workforce",
            ],
        )
}

/// Whether token `j` says jobs are cut; "lay" and "laid" only with "off" ("laid to rest"
/// is buried).
fn cutting(tk: &Toks, j: usize) -> bool {
    if tk.any(j, &["lay", "laid", "laying", "lays"]) {
        return tk.is(j + 1, "off");
    }
    tk.has(j, class::CUT_WORDS) || leaving(tk, j)
}

/// Tokens after a count of bodies within which "identified" says they have names.
const IDENTIFIED_AFTER: usize = 8;

/// Whether the bodies counted before token `from` are said to be identified (`Some(true)`)
/// or not yet (`Some(false)`: "have not yet been identified", "remain unidentified"),
/// within the clause ending at `end`.
pub fn identified_after(tk: &Toks, from: usize, end: usize) -> Option<bool> {
    for k in from..(from + IDENTIFIED_AFTER).min(end) {
        if tk.punct(k, ',') || tk.punct(k, ';') || tk.is_num(k) {
            return None;
        }
        if tk.is(k, "unidentified") {
            return Some(false);
        }
        if tk.is(k, "identified") {
            let negated = (from..k).any(|j| tk.any(j, &["not", "yet", "never", "still"]));
            return Some(!negated);
        }
    }
    None
}

/// Whether people counted at tokens `[a, b)` are a workforce: "employs 3,000 people",
/// "3,000 people work directly for Meta".
pub fn is_workforce(tk: &Toks, a: usize, b: usize, ta: usize, tb: usize) -> bool {
    let employs = employs_before(tk, a, ta);
    let works = (b..(b + 4).min(tb)).any(|j| {
        tk.any(j, &["work", "works", "worked", "working"])
            && tk.any(j + 1, &["for", "at", "directly"])
    });
    // "the 1.2 million people the firm employs", "people Amazon reported employing"
    let employed = (b..(b + 5).min(tb))
        .take_while(|&j| !tk.punct(j, ',') && !tk.is_num(j))
        .any(|j| tk.any(j, EMPLOY_VERBS));
    employs || works || employed
}

/// An employer's verbs for those it employs.
const EMPLOY_VERBS: &[&str] = &["employing", "employs", "employed", "employ"];

/// "11,000 jobs would go", "employees being let go", "asked to go", "shown the door": a
/// workforce leaving, where "go" alone ("go to the polls") would say nothing.
fn leaving(tk: &Toks, j: usize) -> bool {
    (tk.is(j, "go")
        && tk.any(
            j.wrapping_sub(1),
            &[
                "would", "will", "could", "may", "might", "to", "let", "must",
            ],
        ))
        || (tk.is(j, "door") && tk.is(j.wrapping_sub(1), "the"))
}

/// Capitalised words that open a sentence without naming anyone ("Late last year the
/// company had cut…").
const NOT_EMPLOYER: &[&str] = &[
    "The",
    "A",
    "An",
    "It",
    "They",
    "He",
    "She",
    "We",
    "Late",
    "Early",
    "Last",
    "Earlier",
    "Later",
    "Now",
    "Meanwhile",
    "Also",
    "But",
    "And",
    "So",
    "Then",
    "Still",
    "Yet",
    "This",
    "That",
    "In",
    "On",
    "By",
    "After",
    "Before",
    "Since",
];

/// Tokens between an employer's name and the figure it cuts ("Microsoft will eliminate
/// 10,000 jobs", "Meta is laying off 11,000").
const EMPLOYER_GAP: usize = 6;

/// The employer announcing its own cuts: the capitalised name that opens the clause, when
/// only a verb group with a cutting word stands between it and the figure at token `a`.
/// A company cutting jobs is the source of that figure unless someone else is cited.
pub fn cutting_employer(tk: &Toks, ta: usize, a: usize) -> Option<String> {
    let mut end = ta;
    while end < a && (tk.capitalized(end) || (tk.punct(end, '.') && tk.adjacent(end))) {
        end += 1;
    }
    let gap = end..a;
    let verb_group = end > ta
        && !gap.is_empty()
        && gap.len() <= EMPLOYER_GAP
        && gap.clone().all(|j| tk.is_word(j) && !tk.capitalized(j))
        && gap.clone().any(|j| tk.has(j, class::CUT_WORDS));
    let opener = tk.any(ta, NOT_EMPLOYER) || tk.has(ta, class::DAY_WORDS) || tk.any(ta, MONTHS);
    (verb_group && !opener).then(|| tk.span_text(ta, end - 1).trim_end_matches('.').to_string())
}

/// Words that make a figure an expectation, not a report of what happened ("economists
/// had expected 175,000", "against forecasts of 180,000", "the 200,000 analysts expected").
/// ("Projected" and "predicted" are left out: an election night's projected seats are
/// reported as the result.)
pub(super) const EXPECTATION_WORDS: &[&str] = &[
    "anticipated",
    "consensus",
    "expectation",
    "expectations",
    "expected",
    "expecting",
    "expects",
    "forecast",
    "forecasted",
    "forecasts",
];

/// Words that make a figure a model's output ("USGS modelling suggested deaths were likely
/// to surpass 10,000"): a projection, another quantity than the count, said further ahead.
pub(super) const MODEL_WORDS: &[&str] = &[
    "modeled",
    "modeling",
    "modelled",
    "modelling",
    "projected",
    "projection",
    "projections",
];

/// Tokens before a figure looked at for a model word.
const MODEL_BEFORE: usize = 9;

/// Tokens before and after a figure looked at for an expectation word.
const EXPECTATION_BEFORE: usize = 5;
const EXPECTATION_AFTER: usize = 3;

/// Whether the figure at tokens `[a, b)` is what was expected rather than what was reported.
pub fn is_expectation(tk: &Toks, a: usize, b: usize, ta: usize, tb: usize) -> bool {
    // "against forecasts of 180,000 jobs and a 4.1 percent rate": the figure it is
    // coordinated with was expected, and so is it
    let coordinated = (a.saturating_sub(EXPECTATION_BEFORE).max(ta)..a)
        .rev()
        .take_while(|&j| !tk.punct(j, ',') && !tk.punct(j, ';'))
        .find(|&j| tk.is_num(j))
        .filter(|&j| (j + 1..a).any(|k| tk.is(k, "and")));
    if let Some(j) = coordinated {
        if is_expectation(tk, j, j + 1, ta, tb) {
            return true;
        }
    }
    let before = (a.saturating_sub(EXPECTATION_BEFORE).max(ta)..a)
        .rev()
        .take_while(|&j| !tk.punct(j, ',') && !tk.punct(j, ';') && !tk.is_num(j))
        .any(|j| tk.has(j, class::EXPECTATION_WORDS));
    let after = (b..(b + EXPECTATION_AFTER).min(tb))
        .take_while(|&j| !tk.punct(j, ',') && !tk.punct(j, ';') && !tk.is_num(j))
        .any(|j| tk.has(j, class::EXPECTATION_WORDS));
    before || after
}

/// Whether a model word stands before the figure at token `a` ("USGS modelling suggested
/// deaths could pass 10,000", "a projected 412 seats").
pub fn is_modelled(tk: &Toks, a: usize, ta: usize) -> bool {
    (a.saturating_sub(MODEL_BEFORE).max(ta)..a)
        .rev()
        .take_while(|&j| !tk.punct(j, ';') && !tk.is_num(j))
        .any(|j| tk.has(j, class::MODEL_WORDS))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first number of `text` and what `f` says of it.
    fn at_first_number<T>(text: &str, f: impl Fn(&Toks, usize, usize, usize) -> T) -> T {
        let tk = Toks::new(text);
        let a = (0..tk.len()).find(|&i| tk.is_num(i)).unwrap_or(0);
        f(&tk, a, a + 1, tk.len())
    }

    fn check_base(text: &str, expected: Option<&str>) {
        let got = at_first_number(text, |tk, a, b, tb| percent_base(tk, a, b, 0, tb));
        assert_eq!(got, expected, "{text}");
    }

    #[test]
    fn what_a_percentage_is_of() {
        check_base(
            "The firm will cut 13% of an 87,000-person workforce.",
            Some("workforce"),
        );
        check_base(
            "It cut about 5 percent of its entire staff.",
            Some("workforce"),
        );
        check_base("The jobless rate edged up to 4.1%.", Some("unemployment"));
        check_base("Turnout was 60%, the lowest in years.", Some("turnout"));
        check_base("Its vote share rose to 34%.", Some("vote"));
        check_base("The party won 36 per cent of the vote.", Some("vote"));
        check_base("Some 83 per cent of the dead had no permit.", Some("dead"));
        check_base("Shares fell 2% on Friday.", None);
        check_base(
            "The cut will shrink its staff by about 13%.",
            Some("workforce"),
        );
        check_base(
            "Its whole workforce, about a tenth, faces a cut of 13%.",
            Some("workforce"),
        );
    }

    #[test]
    fn what_a_bare_figure_measures() {
        let check = |text: &str, expected: Option<(&str, &str)>| {
            let got = at_first_number(text, |tk, a, _, _| measure_before(tk, a, 0));
            assert_eq!(got, expected, "{text}");
        };
        check(
            "Nonfarm payrolls grew by 206,000 in June.",
            Some(("jobs", "count")),
        );
        check("The civilian toll ran to 300.", Some(("people", "dead")));
        check("The index fell 610 points.", None);
    }

    #[test]
    fn jobs_cut_whatever_the_noun() {
        let check = |text: &str, entity: &str, expected: bool| {
            let got = at_first_number(text, |tk, a, b, tb| jobs_cut(tk, entity, a, b, 0, tb));
            assert_eq!(got, expected, "{text}");
        };
        check("Microsoft is laying off 10,000 workers.", "workers", true);
        check("The firm will cut 18,000 roles.", "roles", true);
        check("It will shed 11,000 jobs worldwide.", "jobs", true);
        check("Employers added 206,000 jobs in June.", "jobs", false);
        check("Six workers died when the bridge fell.", "workers", false);
    }

    #[test]
    fn expectations_are_not_reports() {
        let check = |text: &str, expected: bool| {
            let got = at_first_number(text, |tk, a, b, tb| is_expectation(tk, a, b, 0, tb));
            assert_eq!(got, expected, "{text}");
        };
        check("Economists had expected 175,000 new jobs.", true);
        check("It beat forecasts of 180,000 jobs.", true);
        check("It was above the 200,000 analysts expected.", true);
        check("Employers added 206,000 jobs.", false);
        check(
            "Police said 12,000 people marched, fewer than expected.",
            false,
        );
    }

    fn check_holder(text: &str, nth: usize, expected: Option<&str>) {
        let tk = Toks::new(text);
        let a = (0..tk.len())
            .filter(|&i| tk.is_num(i))
            .nth(nth)
            .unwrap_or(0);
        assert_eq!(holder(&tk, a, 0).as_deref(), expected, "{text} #{nth}");
    }

    #[test]
    fn who_holds_a_count() {
        let text = "Labour’s landslide brought 412 seats against the Tories’ 121.";
        check_holder(text, 0, Some("labour"));
        check_holder(text, 1, Some("conservative"));
        check_holder(
            "The Liberal Democrats took 71 seats.",
            0,
            Some("liberal democrat"),
        );
        check_holder("Labour had taken 411 of the 650 seats.", 1, Some("total"));
        // a party of two words or more before "Party" goes by its initials
        check_holder("The Scottish National Party kept 9 seats.", 0, Some("snp"));
        check_holder("The SNP kept 9 seats.", 0, Some("snp"));
        check_holder("The Labour Party won 412 seats.", 0, Some("labour"));
        check_holder("It won with a majority of 172.", 0, Some("majority"));
        check_holder("The party took some 410 seats.", 0, None);
        check_holder(
            "Rishi Sunak's Conservative Party kept 121 seats.",
            0,
            Some("conservative"),
        );
        // a place or a forecaster holds nothing
        check_holder(
            "Labour swept the UK election and is on course for 410 seats.",
            0,
            Some("labour"),
        );
        check_holder(
            "A revised BBC projection gives the party 412 seats.",
            0,
            None,
        );
        check_holder(
            "The Conservative Partys 122 seats.",
            0,
            Some("conservative"),
        );
    }
}
