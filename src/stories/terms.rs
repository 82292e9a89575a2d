//! The typed terms that tell one event from another: names (capitalised words, and pairs of
//! them), years, months and figures weigh more than common words, because two events of the
//! same kind share their common words ("earthquake", "killed", "rescue") and differ in
//! places, names and dates.

use std::collections::HashMap;
use std::fmt::Write;

use super::TermHasher;

/// What a term is; its weight in an article's vector.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum TermKind {
    /// A common word, lower-cased.
    Word,
    /// A name: a capitalised word that is not only capitalised because it starts a sentence.
    Name,
    /// Two names in a row ("Kenya Revenue", "Pope Francis").
    NamePair,
    /// A four-digit year, 1900–2100.
    Year,
    /// A month name.
    Month,
    /// A figure of 10 or more, or with a fraction.
    Figure,
}

impl TermKind {
    pub fn weight(self) -> f32 {
        match self {
            TermKind::Word | TermKind::NamePair => 1.0,
            TermKind::Name | TermKind::Year | TermKind::Month | TermKind::Figure => 2.0,
        }
    }

    fn code(self) -> u64 {
        match self {
            TermKind::Word => 0,
            TermKind::Name => 1,
            TermKind::NamePair => 2,
            TermKind::Year => 3,
            TermKind::Month => 4,
            TermKind::Figure => 5,
        }
    }

    fn tag(self) -> u8 {
        match self {
            TermKind::Word => b'W',
            TermKind::Name => b'E',
            TermKind::NamePair => b'B',
            TermKind::Year => b'Y',
            TermKind::Month => b'M',
            TermKind::Figure => b'N',
        }
    }
}

/// One distinct term of an article.
#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    /// Stable hash of kind and text (the same on every machine and every run).
    pub hash: u64,
    pub kind: TermKind,
    /// Occurrences in the article.
    pub count: u32,
    /// The term as read, lower-cased ("morocco", "2023", "9" for September): kept in
    /// tests only, since placing reads hashes (an allocation per distinct term of every
    /// article was a tenth of story assignment's cost).
    #[cfg(test)]
    pub text: String,
    /// How the article first wrote it ("Morocco", "Pope Francis", "September").
    pub shown: String,
}

/// An article's terms and date, as story assignment needs them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleTerms {
    /// Distinct terms, sorted by hash.
    pub terms: Vec<Term>,
    /// Publication day number, when the article is dated.
    pub day: Option<i64>,
}

/// FNV-1a, 64 bits: a stable hash for terms stored in the story book (std's hasher may
/// change between Rust versions; the book must read the same on every build). The top
/// three bits hold the kind, so a story's centroid tells its names from its words.
pub fn term_hash(kind: TermKind, text: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in std::iter::once(kind.tag()).chain(text.bytes()) {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    (hash >> KIND_BITS) | (kind.code() << (64 - KIND_BITS))
}

const KIND_BITS: u32 = 3;

/// Whether a term hash is a name's or a pair of names'.
pub fn is_name_hash(hash: u64) -> bool {
    let code = hash >> (64 - KIND_BITS);
    code == TermKind::Name.code() || code == TermKind::NamePair.code()
}

/// Words that make a place's name without telling which place it is: "Port" of "Port
/// Viorvon", "Province" of "Herat Province", "New" of "New Delhi". Two towns called
/// "Port …" share this word and nothing else. They stay names in an article's vector (a
/// story about "Herat Province" still matches one about "Herat"), but are never the names
/// that tell two events apart. Sorted, for binary search.
const PLACE_DESIGNATORS: &[&str] = &[
    "bay",
    "city",
    "coast",
    "county",
    "district",
    "east",
    "fort",
    "gulf",
    "island",
    "islands",
    "lake",
    "mount",
    "mountains",
    "new",
    "north",
    "northern",
    "port",
    "province",
    "region",
    "river",
    "saint",
    "san",
    "santa",
    "south",
    "southern",
    "st",
    "state",
    "valley",
    "west",
    "western",
];

/// Whether a term hash is the name of a place designator (see [`PLACE_DESIGNATORS`]).
pub fn is_designator_hash(hash: u64) -> bool {
    static HASHES: std::sync::LazyLock<Vec<u64>> = std::sync::LazyLock::new(|| {
        let mut hashes: Vec<u64> = PLACE_DESIGNATORS
            .iter()
            .map(|word| term_hash(TermKind::Name, word))
            .collect();
        hashes.sort_unstable();
        hashes
    });
    HASHES.binary_search(&hash).is_ok()
}

/// Words that say nothing about which event an article reports: function words, weekdays,
/// relative days, attribution verbs, and small number words.
const STOP: &[&str] = &[
    "a",
    "about",
    "above",
    "according",
    "after",
    "again",
    "against",
    "all",
    "also",
    "although",
    "am",
    "among",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "day",
    "days",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "dr",
    "during",
    "each",
    "eight",
    "even",
    "few",
    "first",
    "five",
    "for",
    "four",
    "friday",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "last",
    "me",
    "monday",
    "month",
    "months",
    "more",
    "most",
    "mr",
    "mrs",
    "ms",
    "my",
    "myself",
    "new",
    "next",
    "nine",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "per",
    "said",
    "same",
    "saturday",
    "say",
    "says",
    "seven",
    "she",
    "should",
    "since",
    "six",
    "so",
    "some",
    "still",
    "such",
    "sunday",
    "ten",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "three",
    "through",
    "thursday",
    "time",
    "to",
    "today",
    "told",
    "tomorrow",
    "too",
    "tuesday",
    "two",
    "under",
    "until",
    "up",
    "upon",
    "very",
    "via",
    "was",
    "we",
    "wednesday",
    "week",
    "weeks",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "year",
    "years",
    "yesterday",
    "yet",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
];

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// The stop list as a hash set: asked for every word of every article, a binary search
/// over strings was 6% of indexing's CPU.
static STOP_SET: std::sync::LazyLock<rustc_hash::FxHashSet<&'static str>> =
    std::sync::LazyLock::new(|| STOP.iter().copied().collect());

fn is_stop(word: &str) -> bool {
    STOP_SET.contains(word)
}

fn month_of(word: &str) -> Option<u32> {
    // Most words are not months: their length or first letter says so without a scan.
    let first = *word.as_bytes().first()?;
    if !(3..=9).contains(&word.len()) || !b"jfmasond".contains(&first) {
        return None;
    }
    MONTHS.iter().find(|(m, _)| *m == word).map(|(_, n)| *n)
}

/// One token of the text.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Token<'a> {
    Word { text: &'a str, sentence_start: bool },
    Number { value: f64, plain_year: bool },
    Break,
}

/// Splits text into words, numbers ("206,000", "1.5 million", "40k") and breaks (sentence
/// ends, quote marks, brackets: after them a capital says nothing about a name).
fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut sentence_start = true;
    let mut i = 0;
    while i < text.len() {
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        if c.is_alphabetic() {
            let start = i;
            let mut end = i + c.len_utf8();
            while let Some(next) = text[end..].chars().next() {
                let apostrophe_inside = (next == '\'' || next == '’')
                    && text[end + next.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphabetic);
                if !(next.is_alphabetic() || apostrophe_inside) {
                    break;
                }
                end += next.len_utf8();
            }
            out.push(Token::Word {
                text: &text[start..end],
                sentence_start,
            });
            sentence_start = false;
            i = end;
        } else if c.is_ascii_digit() {
            let start = i;
            let mut end = i;
            while end < bytes.len() {
                let b = bytes[end];
                let separator =
                    (b == b',' || b == b'.') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit);
                if b.is_ascii_digit() || separator {
                    end += 1;
                } else {
                    break;
                }
            }
            let written = &text[start..end];
            let (value, scaled_end) = number_value(written, &text[end..]);
            if let Some(value) = value {
                let plain_year = written.len() == 4 && scaled_end == 0;
                out.push(Token::Number { value, plain_year });
            }
            sentence_start = false;
            i = end + scaled_end;
        } else {
            if matches!(
                c,
                '.' | '!' | '?' | ';' | ':' | '\n' | '"' | '“' | '”' | '(' | '—' | '–'
            ) {
                if !matches!(c, ';' | '—' | '–' | '”') {
                    sentence_start = true;
                }
                out.push(Token::Break);
            }
            i += c.len_utf8();
        }
    }
    out
}

/// The value of digits as written, with a following scale word ("million", "k"); returns
/// the value and how many bytes of `rest` the scale took.
fn number_value(written: &str, rest: &str) -> (Option<f64>, usize) {
    let plain = if written.matches('.').count() > 1 {
        return (None, 0);
    } else if written.contains('.') && written.contains(',') {
        written.replace(',', "")
    } else if written.contains('.') {
        written.to_owned()
    } else {
        written.replace(',', "")
    };
    let Ok(value) = plain.parse::<f64>() else {
        return (None, 0);
    };
    let trimmed = rest.trim_start_matches(' ');
    let gap = rest.len() - trimmed.len();
    for (word, scale) in [
        ("million", 1e6),
        ("billion", 1e9),
        ("trillion", 1e12),
        ("k", 1e3),
        ("K", 1e3),
    ] {
        if let Some(after) = trimmed.strip_prefix(word) {
            if !after.chars().next().is_some_and(char::is_alphanumeric) && gap <= 1 {
                return (Some(value * scale), gap + word.len());
            }
        }
    }
    (Some(value), 0)
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn is_acronym(word: &str) -> bool {
    word.chars().count() >= 2 && word.chars().all(|c| !c.is_lowercase())
}

/// Month numbers as term text.
const MONTH_NUMBERS: [&str; 12] = [
    "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12",
];

/// `word` lower-cased into `out` (reused, so no allocation per word), with the curly
/// apostrophe written straight.
fn lower_into(out: &mut String, word: &str) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
    } else {
        for c in word.chars().flat_map(char::to_lowercase) {
            out.push(if c == '’' { '\'' } else { c });
        }
    }
}

/// A lower-cased word without its possessive "'s".
fn normal_from_lower(lower: &str) -> &str {
    lower.strip_suffix("'s").unwrap_or(lower)
}

fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word)
}

/// Who published and wrote an article: their names in its text (a byline, "told The
/// Harbour Post") say nothing about which event it reports, and every story of the outlet
/// shares them.
#[derive(Debug, Clone, Copy, Default)]
pub struct Masthead<'a> {
    pub outlet: Option<&'a str>,
    pub author: Option<&'a str>,
}

impl Masthead<'_> {
    fn words(&self) -> std::collections::HashSet<String> {
        [self.outlet, self.author]
            .into_iter()
            .flatten()
            .flat_map(|s| s.split(|c: char| !c.is_alphanumeric()))
            .filter(|w| w.chars().count() >= 2)
            .map(str::to_lowercase)
            .collect()
    }
}

/// The typed terms of an article's title and text.
pub fn article_terms(title: Option<&str>, text: &str, date: Option<&str>) -> ArticleTerms {
    article_terms_from(title, text, date, Masthead::default())
}

/// [`article_terms`], leaving out the names of the article's outlet and author.
pub fn article_terms_from(
    title: Option<&str>,
    text: &str,
    date: Option<&str>,
    masthead: Masthead<'_>,
) -> ArticleTerms {
    let masthead = masthead.words();
    let mut full = String::with_capacity(text.len() + 2 + title.map_or(0, str::len));
    if let Some(title) = title {
        full.push_str(title);
        full.push('\n');
    }
    full.push_str(text);
    let tokens = tokens(&full);

    // A capital at the start of a sentence marks a name only when the word is written with
    // a capital elsewhere in the article (mid-sentence) at least as often as without. Keyed
    // by hash: an article has thousands of words and few distinct ones.
    let mut lower = String::new();
    let mut case: HashMap<u64, (u32, u32), TermHasher> = HashMap::default();
    for token in &tokens {
        if let Token::Word {
            text,
            sentence_start: false,
        } = token
        {
            lower_into(&mut lower, text);
            let entry = case.entry(term_hash(TermKind::Word, &lower)).or_default();
            if is_capitalised(text) {
                entry.0 += 1;
            } else {
                entry.1 += 1;
            }
        }
    }
    let proper = |lower: &str| {
        case.get(&term_hash(TermKind::Word, lower))
            .is_some_and(|&(capital, small)| capital > 0 && capital >= small)
    };

    let mut counts: HashMap<u64, Term, TermHasher> = HashMap::default();
    let mut count = |kind: TermKind, text: &str, shown: &str| {
        let hash = term_hash(kind, text);
        counts
            .entry(hash)
            .or_insert_with(|| Term {
                hash,
                kind,
                count: 0,
                #[cfg(test)]
                text: text.to_owned(),
                shown: shown.to_owned(),
            })
            .count += 1;
    };
    // The name before this word, as read and as shown, when the word right before was one:
    // two buffers reused rather than two strings per name.
    let mut previous_name = false;
    let (mut previous_term, mut previous_shown) = (String::new(), String::new());
    let mut number = String::new();
    let mut pair = String::new();
    let mut pair_shown = String::new();
    for token in tokens {
        match token {
            Token::Break => previous_name = false,
            Token::Number { value, plain_year } => {
                previous_name = false;
                number.clear();
                let _ = write!(number, "{value}");
                if plain_year && (1900.0..=2100.0).contains(&value) {
                    count(TermKind::Year, &number, &number);
                } else if value.fract() != 0.0 || value >= 10.0 {
                    count(TermKind::Figure, &number, &number);
                }
            }
            Token::Word {
                text,
                sentence_start,
            } => {
                lower_into(&mut lower, text);
                if let Some(month) = month_of(&lower) {
                    if is_capitalised(text) && !(lower == "may" && sentence_start) {
                        count(TermKind::Month, MONTH_NUMBERS[month as usize - 1], text);
                        previous_name = false;
                        continue;
                    }
                }
                if lower.len() < 2 || is_stop(&lower) {
                    previous_name = false;
                    continue;
                }
                let name = (is_capitalised(text) && (!sentence_start || proper(&lower)))
                    || is_acronym(text);
                let term = normal_from_lower(&lower);
                if name && masthead.contains(term) {
                    previous_name = false;
                    continue;
                }
                if name {
                    let shown = strip_possessive(text);
                    if previous_name {
                        pair.clear();
                        let _ = write!(pair, "{previous_term} {term}");
                        pair_shown.clear();
                        let _ = write!(pair_shown, "{previous_shown} {shown}");
                        count(TermKind::NamePair, &pair, &pair_shown);
                    }
                    count(TermKind::Name, term, shown);
                    previous_name = true;
                    previous_term.clear();
                    previous_term.push_str(term);
                    previous_shown.clear();
                    previous_shown.push_str(shown);
                } else {
                    count(TermKind::Word, term, term);
                    previous_name = false;
                }
            }
        }
    }
    let mut terms: Vec<Term> = counts.into_values().collect();
    terms.sort_by_key(|t| t.hash);
    ArticleTerms {
        terms,
        day: date.and_then(crate::dates::parse_iso),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: &[(TermKind, &str)]) {
        let got = article_terms(None, text, None);
        let mut got: Vec<(TermKind, String)> =
            got.terms.into_iter().map(|t| (t.kind, t.text)).collect();
        got.sort();
        let mut want: Vec<(TermKind, String)> = expected
            .iter()
            .map(|(k, t)| (*k, (*t).to_owned()))
            .collect();
        want.sort();
        assert_eq!(got, want, "{text}");
    }

    #[test]
    fn word_lists_stay_sorted() {
        assert!(
            STOP.windows(2).all(|w| w[0] < w[1]),
            "STOP must stay sorted"
        );
        assert!(
            PLACE_DESIGNATORS.windows(2).all(|w| w[0] < w[1]),
            "PLACE_DESIGNATORS must stay sorted"
        );
    }

    #[test]
    fn designators_are_names_but_not_distinctive() {
        let terms = article_terms(None, "Crowds filled Port Arlen and Arlen Province.", None);
        let names: Vec<&str> = terms
            .terms
            .iter()
            .filter(|t| is_name_hash(t.hash) && !is_designator_hash(t.hash))
            .map(|t| t.text.as_str())
            .collect();
        assert!(
            names.contains(&"arlen") && names.contains(&"port arlen"),
            "{names:?}"
        );
        assert!(
            !names.contains(&"port") && !names.contains(&"province"),
            "{names:?}"
        );
        assert!(terms
            .terms
            .iter()
            .any(|t| t.text == "port" && t.kind == TermKind::Name));
    }

    #[test]
    fn typed_terms() {
        use TermKind::*;
        check(
            "Rescuers in Morocco said 2,100 died in September 2023.",
            &[
                (Word, "rescuers"),
                (Name, "morocco"),
                (Word, "died"),
                (Figure, "2100"),
                (Month, "9"),
                (Year, "2023"),
            ],
        );
        // A sentence-initial capital is a name only if the word is a name elsewhere.
        check(
            "Floods hit Lagos. Officials in Lagos counted 40k homes.",
            &[
                (Word, "floods"),
                (Word, "hit"),
                (Name, "lagos"),
                (Word, "officials"),
                (Word, "counted"),
                (Figure, "40000"),
                (Word, "homes"),
            ],
        );
        check(
            "the Pope Francis visit, May be",
            &[
                (Name, "pope"),
                (Name, "francis"),
                (NamePair, "pope francis"),
                (Word, "visit"),
                (Month, "5"),
            ],
        );
        // Small numbers and weekdays say nothing about the event.
        check("On Monday 3 people", &[(Word, "people")]);
        check(
            "1.5 million voters",
            &[(Figure, "1500000"), (Word, "voters")],
        );
    }

    #[test]
    fn hash_is_stable() {
        // The story book stores these hashes: they must never change.
        assert_eq!(
            term_hash(TermKind::Name, "morocco"),
            2_560_341_630_039_244_434
        );
        assert!(is_name_hash(term_hash(TermKind::Name, "morocco")));
        assert!(is_name_hash(term_hash(TermKind::NamePair, "pope francis")));
        assert!(!is_name_hash(term_hash(TermKind::Word, "morocco")));
    }
}
