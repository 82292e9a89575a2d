//! Which quotes are one statement: quotes of one speaker whose words are near-identical
//! (a misquote stays in its statement), and within a story quotes given to different
//! names for the same words (a fragment, "he" in one outlet and the name in another).

use std::collections::{BTreeMap, HashMap};

use super::{jaccard, ClaimGroup, COMMON_WORD_CLAIMS};
use crate::model::{Claim, ClaimKind};

/// Quotes of one speaker at least this similar are the same quote (possibly misquoted).
const QUOTE_SIMILARITY: f64 = 0.5;

/// Normalises a quote's words for comparison: lower case, letters and digits only.
pub fn quote_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase().replace('’', "'"))
        .collect()
}

pub use crate::model::speaker_key;

fn quote_similarity(a: &str, b: &str) -> f64 {
    let (wa, wb) = (quote_words(a), quote_words(b));
    let (ja, jb) = (wa.join(" "), wb.join(" "));
    let mut sa = wa.clone();
    let mut sb = wb.clone();
    sa.sort();
    sa.dedup();
    sb.sort();
    sb.dedup();
    strsim::normalized_levenshtein(&ja, &jb)
        .max(jaccard(&sa, &sb))
        .max(fragment_share(&sa, &sb))
}

/// How much of the shorter quote's words (sorted, distinct) the longer one holds; 0 below
/// [`MIN_FRAGMENT_WORDS`], where a short phrase says too little to be a fragment.
fn fragment_share(a: &[String], b: &[String]) -> f64 {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.len() < MIN_FRAGMENT_WORDS {
        return 0.0;
    }
    let shared = short
        .iter()
        .filter(|w| long.binary_search(w).is_ok())
        .count();
    let share = shared as f64 / short.len() as f64;
    if share >= FRAGMENT_SHARE {
        share
    } else {
        0.0
    }
}

/// Within one story, quote groups of different speakers are one statement when one's
/// words hold the other's (a fragment, or the same words given to "he" in one outlet and
/// to the speaker's name in another): the speaker as an outlet names them varies, the words
/// do not.
pub(super) fn merge_statements_in_story(
    claims: &[Claim],
    groups: Vec<ClaimGroup>,
) -> Vec<ClaimGroup> {
    let in_story = groups
        .iter()
        .flat_map(|g| &g.members)
        .all(|&i| claims[i].story.is_some());
    if groups.len() < 2 || !in_story {
        return groups;
    }
    // Each group's distinct wordings, as given (a short fragment must stand in the longer
    // quote as a phrase) and as sorted distinct words (a longer one as a bag).
    let each_wording = |words_of: &dyn Fn(&str) -> Vec<String>| -> Vec<Vec<Vec<String>>> {
        groups
            .iter()
            .map(|g| {
                let mut all: Vec<Vec<String>> = g
                    .members
                    .iter()
                    .filter_map(|&i| claims[i].quote.as_ref())
                    .map(|q| words_of(&q.text))
                    .collect();
                all.sort();
                all.dedup();
                all
            })
            .collect()
    };
    let phrases = each_wording(&quote_words);
    let wordings = each_wording(&|text: &str| {
        let mut w = quote_words(text);
        w.sort();
        w.dedup();
        w
    });
    let postings = postings_of(&wordings);
    let mut parent: Vec<usize> = (0..groups.len()).collect();
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for (g, phrases_of_g) in phrases.iter().enumerate() {
        for phrase in phrases_of_g
            .iter()
            .filter(|p| (MIN_PHRASE_WORDS..MIN_FRAGMENT_WORDS).contains(&p.len()))
        {
            for other in sharing(phrase, &postings, |o| o != g) {
                let contained = phrases[other].iter().any(|theirs| {
                    theirs.len() >= phrase.len()
                        && theirs.windows(phrase.len()).any(|w| w == phrase.as_slice())
                });
                if contained {
                    let (a, b) = (root(&mut parent, g), root(&mut parent, other));
                    parent[b.max(a)] = a.min(b);
                }
            }
        }
    }
    for (g, words) in wordings.iter().enumerate() {
        for wording in words.iter().filter(|w| w.len() >= MIN_FRAGMENT_WORDS) {
            for other in sharing(wording, &postings, |o| o > g) {
                let contained = wordings[other]
                    .iter()
                    .any(|theirs| fragment_share(wording, theirs) > 0.0);
                if contained {
                    let (a, b) = (root(&mut parent, g), root(&mut parent, other));
                    parent[b.max(a)] = a.min(b);
                }
            }
        }
    }
    // Paraphrases and translations: the same content words, however the clauses run
    // ("nothing can be ruled out" / "nothing should be excluded, dynamically").
    let stemmer = frostem::Stemmer::new(frostem::Algorithm::English);
    let gists: Vec<Vec<Vec<String>>> = phrases
        .iter()
        .map(|wordings| {
            wordings
                .iter()
                .map(|words| content_stems(words, &stemmer))
                .filter(|stems| stems.len() >= PARAPHRASE_SHARED)
                .collect()
        })
        .collect();
    let gist_postings = postings_of(&gists);
    for (g, stems_of_g) in gists.iter().enumerate() {
        for stems in stems_of_g {
            for other in sharing(stems, &gist_postings, |o| o > g) {
                if gists[other].iter().any(|theirs| paraphrase(stems, theirs)) {
                    let (a, b) = (root(&mut parent, g), root(&mut parent, other));
                    parent[b.max(a)] = a.min(b);
                }
            }
        }
    }
    let mut merged: BTreeMap<usize, ClaimGroup> = BTreeMap::new();
    for (g, group) in groups.into_iter().enumerate() {
        let r = root(&mut parent, g);
        match merged.get_mut(&r) {
            Some(into) => {
                into.members.extend(group.members);
                into.members.sort_unstable();
            }
            None => {
                merged.insert(r, group);
            }
        }
    }
    merged.into_values().collect()
}

/// Two quotes are one statement said in other words when they share at least this many
/// content stems ...
const PARAPHRASE_SHARED: usize = 4;
/// ... and these make at least this share of both quotes' stems (Dice): a long quote
/// that runs two statements together must not join each of them to the other.
const PARAPHRASE_OVERLAP: f64 = 0.6;

/// Words a statement's gist does not rest on.
const GIST_STOP: &[&str] = &[
    "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be",
    "because", "been", "being", "but", "by", "can", "cannot", "could", "did", "do", "does",
    "don't", "for", "from", "had", "has", "have", "he", "her", "here", "him", "his", "how", "i",
    "i'm", "if", "in", "into", "is", "it", "it's", "its", "just", "me", "more", "my", "no", "not",
    "of", "on", "one", "or", "our", "out", "said", "say", "she", "should", "so", "some", "than",
    "that", "that's", "the", "their", "them", "then", "there", "there's", "these", "they", "this",
    "those", "to", "too", "up", "us", "very", "was", "we", "we're", "we'll", "we've", "were",
    "what", "when", "which", "who", "will", "with", "would", "you", "your",
];

/// A quote's content words (its normalised words past [`GIST_STOP`]), stemmed, sorted and
/// distinct: "officially" meets "official", "dynamics" meets "dynamically".
fn content_stems(words: &[String], stemmer: &frostem::Stemmer) -> Vec<String> {
    let mut stems: Vec<String> = words
        .iter()
        .filter(|w| !GIST_STOP.contains(&w.as_str()) && !w.chars().all(|c| c.is_ascii_digit()))
        .map(|w| stemmer.stem(w).into_owned())
        .collect();
    stems.sort_unstable();
    stems.dedup();
    stems
}

/// Whether two quotes' content stems (sorted, distinct) say the same thing in other
/// words: see [`PARAPHRASE_SHARED`] and [`PARAPHRASE_OVERLAP`]. Measured on the realnews
/// statements: share of the shorter quote instead of Dice, F1 unchanged (recall up,
/// precision down as combined quotes bridged two statements).
fn paraphrase(a: &[String], b: &[String]) -> bool {
    let shared = a.iter().filter(|w| b.binary_search(w).is_ok()).count();
    let both = (a.len() + b.len()).max(1);
    shared >= PARAPHRASE_SHARED && 2.0 * shared as f64 / both as f64 >= PARAPHRASE_OVERLAP
}

/// Each word's groups: those one of whose wordings holds it.
fn postings_of(wordings: &[Vec<Vec<String>>]) -> HashMap<&str, Vec<usize>> {
    let mut postings: HashMap<&str, Vec<usize>> = HashMap::new();
    for (g, words) in wordings.iter().enumerate() {
        let mut seen: Vec<&str> = words.iter().flatten().map(String::as_str).collect();
        seen.sort_unstable();
        seen.dedup();
        for w in seen {
            postings.entry(w).or_default().push(g);
        }
    }
    postings
}

/// The groups that share a word of `words` no more common than [`COMMON_WORD_CLAIMS`]
/// groups, those `wanted` keeps, each once.
fn sharing(
    words: &[String],
    postings: &HashMap<&str, Vec<usize>>,
    wanted: impl Fn(usize) -> bool,
) -> Vec<usize> {
    let mut candidates: Vec<usize> = words
        .iter()
        .filter_map(|w| postings.get(w.as_str()))
        .filter(|list| list.len() <= COMMON_WORD_CLAIMS)
        .flatten()
        .copied()
        .filter(|&o| wanted(o))
        .collect();
    candidates.sort_unstable();
    candidates.dedup();
    candidates
}

/// A quote of at least this many distinct words can be recognised as a fragment.
const MIN_FRAGMENT_WORDS: usize = 5;
/// A shorter quote of at least this many words is a fragment when the longer one holds
/// it word for word, in order ("running out of energy").
const MIN_PHRASE_WORDS: usize = 3;
/// Share of the shorter quote's words the longer one must hold.
const FRAGMENT_SHARE: f64 = 0.8;

pub(super) fn quote_groups(claims: &[Claim]) -> Vec<ClaimGroup> {
    let mut by_speaker: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, claim) in claims.iter().enumerate() {
        if let (ClaimKind::Quote, Some(quote)) = (claim.kind, &claim.quote) {
            by_speaker
                .entry(speaker_key(quote.speaker.as_deref()))
                .or_default()
                .push(i);
        }
    }
    let mut groups = Vec::new();
    for (speaker, indices) in by_speaker {
        let threshold = if speaker == "unknown" {
            0.8
        } else {
            QUOTE_SIMILARITY
        };
        // Candidates come from an index of the words of the quotes already placed, so a
        // quote is compared only with quotes that share a word, not with all of them.
        let mut clusters: Vec<Vec<usize>> = Vec::new();
        let mut placed: Vec<(usize, usize)> = Vec::new(); // (claim, cluster)
        let mut postings: HashMap<String, Vec<usize>> = HashMap::new();
        // A wording seen before joins its cluster at once: outlets repeat quotes word for
        // word, and only a new wording needs comparing.
        let mut wordings: HashMap<Vec<String>, usize> = HashMap::new();
        for i in indices {
            let text = claims[i]
                .quote
                .as_ref()
                .map(|q| q.text.as_str())
                .unwrap_or("");
            let mut words = quote_words(text);
            if let Some(&cluster) = wordings.get(&words) {
                clusters[cluster].push(i);
                continue;
            }
            let wording = words.clone();
            words.sort();
            words.dedup();
            let mut candidates: Vec<usize> = words
                .iter()
                .filter_map(|w| postings.get(w))
                .flatten()
                .copied()
                .collect();
            candidates.sort_unstable();
            candidates.dedup();
            let home = candidates.into_iter().find(|&p| {
                let other = claims[placed[p].0]
                    .quote
                    .as_ref()
                    .map(|q| q.text.as_str())
                    .unwrap_or("");
                quote_similarity(text, other) >= threshold
            });
            let cluster = match home {
                Some(p) => placed[p].1,
                None => {
                    clusters.push(Vec::new());
                    clusters.len() - 1
                }
            };
            clusters[cluster].push(i);
            wordings.insert(wording, cluster);
            for w in words {
                postings.entry(w).or_default().push(placed.len());
            }
            placed.push((i, cluster));
        }
        for (n, members) in clusters.into_iter().enumerate() {
            groups.push(ClaimGroup {
                key: format!("quote/{speaker}/{}", n + 1),
                kind: ClaimKind::Quote,
                entity: "quote".into(),
                status: speaker.clone(),
                location: None,
                event_date: None,
                members,
            });
        }
    }
    groups
}
