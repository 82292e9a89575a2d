//! `matching` owns deciding which claims are about the same thing: the same quantity (same
//! counted entity, status, scope and, for one-off events, the same event) or the same quote
//! (same speaker, near-identical words). It works on [`Claim`]s only, never on the index.
//!
//! Candidates come from blocking on the extracted key (`entity/status/location`), so the
//! cost grows with block sizes, not with all pairs of claims in the corpus. Inside a block,
//! string similarity (strsim) merges near-identical entity names, attaches claims that name
//! no place to the located group they most resemble, and groups quotes.

use std::collections::{BTreeMap, HashMap};

use crate::interval::Interval;
use crate::model::{Claim, ClaimKind, Frame};

mod quotes;

use quotes::{merge_statements_in_story, quote_groups};
pub use quotes::{quote_words, speaker_key};

/// Statuses that describe a one-off event (a march's crowd): figures on different days are
/// different events, not updates of one figure.
const EVENT_STATUSES: &[&str] = &["marched"];
/// Event dates further apart than this are different events.
const EVENT_GAP_DAYS: i64 = 2;
/// Entities that say too little on their own ("money": which money?): their claims are
/// grouped only when their sentences also read alike, unless extraction said what they
/// are of (a percentage of the workforce, of the vote).
const GENERIC_ENTITIES: &[&str] = &["money", "percent"];
/// Sentences at least this similar (Jaccard of content words) are about the same thing.
const CONTEXT_SIMILARITY: f64 = 0.2;
/// Entity names at least this similar (normalised Levenshtein) are one entity.
const ENTITY_SIMILARITY: f64 = 0.85;

/// Claims judged to be about the same quantity or quote.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimGroup {
    /// `entity/status[/location]`, plus `@date` for an event; `quote/<speaker>/<n>` for quotes.
    pub key: String,
    pub kind: ClaimKind,
    pub entity: String,
    pub status: String,
    pub location: Option<String>,
    pub event_date: Option<String>,
    /// Indices into the claims given to [`group_claims`], in input order.
    pub members: Vec<usize>,
}

/// Figures of a place inside another ("Lahaina" in "Maui") that read like the larger
/// place's figures (the highest of each within this ratio: a toll that rises is given
/// late under both names) are the larger place's figure, named by where most of it
/// happened; a smaller figure is the part's own (a province's dead within a country's).
const SAME_SCOPE_RATIO: f64 = 1.25;

/// Moves the claims of a place inside another into the larger place when their figures
/// read alike: news names the same toll by the town where it happened or by its county.
fn merge_alike_places_within(
    claims: &[Claim],
    by_location: &mut BTreeMap<Option<String>, Vec<usize>>,
) {
    // The highest figure: a toll that rises is given late by both names alike.
    let highest = |members: &[usize]| -> Option<f64> {
        members
            .iter()
            .filter_map(|&i| claims[i].quantity.as_ref().map(|q| q.value))
            .max_by(f64::total_cmp)
    };
    let places: Vec<String> = by_location.keys().flatten().cloned().collect();
    for narrow in &places {
        let Some(narrow_high) = by_location
            .get(&Some(narrow.clone()))
            .and_then(|m| highest(m))
        else {
            continue;
        };
        let broad = places.iter().find(|broad| {
            location_within(narrow, broad)
                && by_location
                    .get(&Some((*broad).clone()))
                    .and_then(|m| highest(m))
                    .is_some_and(|broad_high| {
                        let ratio = narrow_high.max(broad_high)
                            / narrow_high.min(broad_high).max(f64::MIN_POSITIVE);
                        ratio <= SAME_SCOPE_RATIO
                    })
        });
        if let Some(broad) = broad {
            let moved = by_location
                .remove(&Some(narrow.clone()))
                .unwrap_or_default();
            by_location
                .entry(Some(broad.clone()))
                .or_default()
                .extend(moved);
        }
    }
}

/// Whether `narrow` is a part of `broad`: by the gazetteer ("lahaina" within "maui"), or
/// by name ("gaza-city" within "gaza").
pub fn location_within(narrow: &str, broad: &str) -> bool {
    let prefix = narrow
        .strip_prefix(broad)
        .is_some_and(|rest| rest.starts_with('-'));
    let suffix = narrow
        .strip_suffix(broad)
        .is_some_and(|rest| rest.ends_with('-'));
    narrow != broad && (prefix || suffix || crate::places::within(narrow, broad))
}

/// The date a claim's figure refers to: its `as_of`, else its article's date.
pub fn claim_date(claim: &Claim) -> Option<&str> {
    claim.as_of.as_deref().or(claim.date.as_deref())
}

/// The most common year among the members' dates: where a year-less date belongs.
pub fn usual_year(claims: &[Claim], members: &[usize]) -> Option<String> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for &i in members {
        if let Some(year) = claim_date(&claims[i]).and_then(|d| d.get(..4)) {
            *counts.entry(year).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(year, n)| (n, year))
        .map(|(year, _)| year.to_owned())
}

/// A claim's date, placing a year-less `--MM-DD` in `year` when it has no other.
pub fn claim_date_in(claim: &Claim, year: Option<&str>) -> Option<String> {
    if let Some(date) = claim_date(claim) {
        return Some(date.to_owned());
    }
    let partial = claim.as_of_partial.as_deref()?.strip_prefix("--")?;
    let date = format!("{}-{partial}", year?);
    date.parse::<jiff::civil::Date>()
        .ok()
        .map(|d| d.to_string())
}

/// Groups claims about the same quantity or quote. Claims with no key (a number whose
/// subject the extractor could not tell) are left out.
pub fn group_claims(claims: &[Claim]) -> Vec<ClaimGroup> {
    let mut groups = quantity_groups(claims);
    groups.extend(merge_statements_in_story(claims, quote_groups(claims)));
    groups
}

/// A claim index and the place its key names.
type Located = (usize, Option<String>);

fn quantity_groups(claims: &[Claim]) -> Vec<ClaimGroup> {
    let mut parsed: Vec<(usize, Frame)> = claims
        .iter()
        .enumerate()
        .filter(|(_, c)| c.kind == ClaimKind::Quantity)
        .filter_map(|(i, c)| Some((i, c.frame.clone()?)))
        .collect();
    canonicalise_entities(&mut parsed);
    adopt_unspecified_frames(claims, &mut parsed);
    adopt_story_measure(claims, &mut parsed);
    fold_home_nationals(claims, &mut parsed);

    let story_years = story_years(claims, &parsed);
    let story_months = story_months(claims, &parsed);
    type Block = (String, String, Option<i64>, Option<u32>);
    let mut blocks: BTreeMap<Block, Vec<Located>> = BTreeMap::new();
    for (i, parts) in parsed {
        let story = claims[i].story.as_deref();
        let story_year = story_years.get(&story).copied();
        // "last year's hajj" in an undated article: the year before its story's
        let era = parts
            .era
            .or_else(|| Some(story_year? - parts.years_back?))
            .filter(|&year| Some(year) != story_year);
        let month = parts
            .month
            .filter(|&month| Some(month) != story_months.get(&story).copied());
        blocks
            .entry((parts.measure, parts.status, era, month))
            .or_default()
            .push((i, parts.place));
    }

    let mut groups = Vec::new();
    for ((entity, status, era, month), members) in blocks {
        let mut by_location: BTreeMap<Option<String>, Vec<usize>> = BTreeMap::new();
        for (i, location) in &members {
            by_location.entry(location.clone()).or_default().push(*i);
        }
        if let Some(unlocated) = by_location.remove(&None) {
            let located = PlaceIndex::new(claims, &by_location);
            // Within one story, a figure that names no place is about the story's place:
            // the one most of the block's located figures name.
            // A place only one figure names, or no more figures than another place, is no
            // story's place: "400 jobs in Ireland" beside four unplaced figures of a
            // company's cuts does not take them.
            let mut counts: Vec<(usize, &Option<String>)> = by_location
                .iter()
                .map(|(place, m)| (m.len(), place))
                .collect();
            counts.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
            let main_place = match counts.as_slice() {
                [(first, place), rest @ ..]
                    if *first >= 2 && rest.first().is_none_or(|(second, _)| second < first) =>
                {
                    Some((*place).clone())
                }
                _ => None,
            };
            for i in unlocated {
                let target = located.best_location(claims, i).or_else(|| {
                    claims[i]
                        .story
                        .as_ref()
                        .and_then(|_| main_place.clone().flatten())
                });
                by_location.entry(target).or_default().push(i);
            }
        }
        merge_alike_places_within(claims, &mut by_location);
        for (location, mut indices) in by_location {
            indices.sort_unstable();
            let events = if EVENT_STATUSES.contains(&status.as_str()) {
                split_events(claims, indices)
            } else if (GENERIC_ENTITIES.contains(&entity.as_str()) && status == "count")
                || entity.starts_with(crate::model::SUBSET_OF)
            {
                split_by_context(claims, indices)
            } else {
                vec![(None, indices)]
            };
            let several = events.len() > 1;
            for (n, (event_date, members)) in events.into_iter().enumerate() {
                let mut key = format!("{entity}/{status}");
                if let Some(l) = &location {
                    key.push('/');
                    key.push_str(l);
                }
                if let Some(d) = &event_date {
                    key.push('@');
                    key.push_str(d);
                } else {
                    if let Some(month) = month {
                        // "jobs/count@--04": April's figure in a story of May's (ISO
                        // 8601's month without a year when the story names none)
                        let story_year = members
                            .first()
                            .and_then(|&i| story_years.get(&claims[i].story.as_deref()));
                        match era.or(story_year.copied()) {
                            Some(year) => key.push_str(&format!("@{year}-{month:02}")),
                            None => key.push_str(&format!("@--{month:02}")),
                        }
                    } else if let Some(year) = era {
                        key.push_str(&format!("@{year}"));
                    }
                    // parts told apart by their sentences keep apart keys (and ids)
                    if several {
                        key.push_str(&format!("#{}", n + 1));
                    }
                }
                groups.push(ClaimGroup {
                    key,
                    kind: ClaimKind::Quantity,
                    entity: entity.clone(),
                    status: status.clone(),
                    location: location.clone(),
                    event_date,
                    members,
                });
            }
        }
    }
    groups
}

/// Each story's year: the most common year of its claims' dates, else of the years their
/// phrases name (a story of undated articles about "the 2024 protests").
fn story_years<'a>(
    claims: &'a [Claim],
    parsed: &[(usize, Frame)],
) -> HashMap<Option<&'a str>, i64> {
    let mut dated: HashMap<Option<&str>, BTreeMap<i64, usize>> = HashMap::new();
    let mut named: HashMap<Option<&str>, BTreeMap<i64, usize>> = HashMap::new();
    for (i, frame) in parsed {
        let story = claims[*i].story.as_deref();
        if let Some(year) = claim_date(&claims[*i]).and_then(|d| d.get(..4)?.parse().ok()) {
            *dated.entry(story).or_default().entry(year).or_default() += 1;
        }
        if let Some(year) = frame.era {
            *named.entry(story).or_default().entry(year).or_default() += 1;
        }
    }
    let most_common = |years: &BTreeMap<i64, usize>| {
        years
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(year, _)| *year)
    };
    let mut years: HashMap<Option<&str>, i64> = named
        .iter()
        .filter_map(|(story, counts)| Some((*story, most_common(counts)?)))
        .collect();
    for (story, counts) in &dated {
        if let Some(year) = most_common(counts) {
            years.insert(*story, year);
        }
    }
    years
}

/// Each story's month: the month its claims' phrases name most often ("in June", "last
/// month"), for stories where some do. A jobs report's story names its own month more than
/// the months whose revisions it gives.
fn story_months<'a>(
    claims: &'a [Claim],
    parsed: &[(usize, Frame)],
) -> HashMap<Option<&'a str>, u32> {
    let mut named: HashMap<Option<&str>, [usize; 13]> = HashMap::new();
    for (i, frame) in parsed {
        if let Some(month) = frame.month.filter(|m| (1..=12).contains(m)) {
            named.entry(claims[*i].story.as_deref()).or_insert([0; 13])[month as usize] += 1;
        }
    }
    named
        .into_iter()
        .filter_map(|(story, counts)| {
            // the most named month; the earlier one on a tie
            let month = (1..=12u32)
                .max_by(|a, b| counts[*a as usize].cmp(&counts[*b as usize]).then(b.cmp(a)))?;
            Some((story, month))
        })
        .collect()
}

/// Counted nouns whose claims name what they are of (a percentage's base, as the status)
/// or who holds them (a party's seats, in the entity) when extraction could tell.
/// ("mps" only in claims stored before extraction read MPs as seats.)
const FRAMED_ENTITIES: &[&str] = &["percent", "seats", "mps", "votes"];
/// Framed claims of one story a claim without the frame is compared with, at most.
const FRAME_CANDIDATES: usize = 256;

/// A percentage or a count of seats whose sentence did not say of what, or whose, takes
/// the frame of the claim of its story whose sentence reads most like its own ("4.1%" in a
/// sentence about joblessness is the unemployment rate that other outlets name).
fn adopt_unspecified_frames(claims: &[Claim], parsed: &mut [(usize, Frame)]) {
    let base_of = |parts: &Frame| -> Option<&'static str> {
        let last = parts.measure.rsplit(' ').next().unwrap_or(&parts.measure);
        FRAMED_ENTITIES.iter().copied().find(|e| *e == last)
    };
    let unspecified = |parts: &Frame| match base_of(parts) {
        Some("percent") => parts.measure == "percent" && parts.status == "count",
        Some(base) => parts.measure == base,
        None => false,
    };
    // (story, counted noun) -> framed claims: their position in `parsed`, context words
    type FramedClaims = Vec<(usize, Vec<u64>)>;
    let mut framed: HashMap<(Option<&str>, &'static str), FramedClaims> = HashMap::new();
    for (n, (i, parts)) in parsed.iter().enumerate() {
        if let Some(base) = base_of(parts).filter(|_| !unspecified(parts)) {
            let list = framed
                .entry((claims[*i].story.as_deref(), base))
                .or_default();
            if list.len() < FRAME_CANDIDATES {
                list.push((n, context_words(&claims[*i])));
            }
        }
    }
    let mut adopted: Vec<(usize, String, String)> = Vec::new();
    for (i, parts) in parsed.iter() {
        let Some(base) = base_of(parts).filter(|_| unspecified(parts)) else {
            continue;
        };
        let Some(candidates) = framed.get(&(claims[*i].story.as_deref(), base)) else {
            continue;
        };
        if let Some(n) = most_alike(&claims[*i], candidates) {
            let from = &parsed[n].1;
            adopted.push((*i, from.measure.clone(), from.status.clone()));
        }
    }
    let by_claim: HashMap<usize, (String, String)> = adopted
        .into_iter()
        .map(|(i, entity, status)| (i, (entity, status)))
        .collect();
    for (i, parts) in parsed.iter_mut() {
        if let Some((entity, status)) = by_claim.get(i) {
            parts.measure = entity.clone();
            parts.status = status.clone();
        }
    }
}

/// The candidate (a position and its context words) whose sentence reads most like the
/// claim's, when alike enough; ties go to the earlier candidate.
fn most_alike(claim: &Claim, candidates: &[(usize, Vec<u64>)]) -> Option<usize> {
    let own = context_words(claim);
    candidates
        .iter()
        .map(|(n, words)| (jaccard(&own, words), *n))
        .filter(|(score, _)| *score >= CONTEXT_SIMILARITY)
        .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)))
        .map(|(_, n)| n)
}

/// The entity extraction gives a figure that only names a tally ("a tally gives at least
/// 1,114", "the count went past 100").
const TALLY: &str = "tally";

/// A tally takes the measure (entity and status) of the claim of its story whose sentence
/// reads most like its own: in a story about a hajj's heat deaths, "a tally gives 1,114"
/// counts its dead. Without an alike claim it stays apart.
fn adopt_story_measure(claims: &[Claim], parsed: &mut [(usize, Frame)]) {
    let mut measured: HashMap<Option<&str>, Vec<(usize, Vec<u64>)>> = HashMap::new();
    for (n, (i, parts)) in parsed.iter().enumerate() {
        let counts_people_or_things = parts.measure != TALLY
            && !FRAMED_ENTITIES.contains(&parts.measure.as_str())
            && parts.measure != "money";
        if counts_people_or_things && parts.status != "count" {
            let list = measured.entry(claims[*i].story.as_deref()).or_default();
            if list.len() < FRAME_CANDIDATES {
                list.push((n, context_words(&claims[*i])));
            }
        }
    }
    let mut adopted: HashMap<usize, (String, String)> = HashMap::new();
    for (i, parts) in parsed.iter() {
        if parts.measure != TALLY {
            continue;
        }
        let Some(candidates) = measured.get(&claims[*i].story.as_deref()) else {
            continue;
        };
        let n = most_alike(&claims[*i], candidates).or_else(|| {
            // Outside a story, what the whole pile counts most says nothing.
            claims[*i]
                .story
                .as_ref()
                .and_then(|_| most_reported(parsed, candidates))
        });
        if let Some(n) = n {
            let from = &parsed[n].1;
            adopted.insert(*i, (from.measure.clone(), from.status.clone()));
        }
    }
    for (i, parts) in parsed.iter_mut() {
        if let Some((entity, status)) = adopted.remove(i) {
            parts.measure = entity;
            parts.status = status;
        }
    }
}

/// The candidate whose measure the story reports most often: what a tally with no alike
/// sentence most likely counts (a hajj story's tally, its dead).
fn most_reported(parsed: &[(usize, Frame)], candidates: &[(usize, Vec<u64>)]) -> Option<usize> {
    let mut counts: BTreeMap<(&str, &str), (usize, usize)> = BTreeMap::new();
    for (n, _) in candidates {
        let frame = &parsed[*n].1;
        let entry = counts
            .entry((frame.measure.as_str(), frame.status.as_str()))
            .or_insert((0, *n));
        entry.0 += 1;
    }
    counts
        .into_values()
        .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)))
        .map(|(_, n)| n)
}

/// The nationality a measure counts the people of ("egypt people" → "egypt"); none for
/// a breakdown ("subset of people" ends in "people" too).
fn nationality(measure: &str) -> Option<&str> {
    measure
        .strip_suffix(" people")
        .filter(|_| !measure.starts_with(crate::model::SUBSET_OF))
}

/// "19 Kenyans died" in a story whose figures are placed in Kenya count the story's own
/// people: the nationality that extraction set apart ("Egyptian pilgrims" at a Saudi hajj)
/// is folded back when it is the story's main place, or the only nationality the story
/// counts.
fn fold_home_nationals(claims: &[Claim], parsed: &mut [(usize, Frame)]) {
    let mut places: HashMap<Option<&str>, HashMap<&str, usize>> = HashMap::new();
    for (i, parts) in parsed.iter() {
        if let Some(place) = &parts.place {
            *places
                .entry(claims[*i].story.as_deref())
                .or_default()
                .entry(place.as_str())
                .or_default() += 1;
        }
    }
    let main_place: HashMap<Option<&str>, String> = places
        .into_iter()
        .filter_map(|(story, counts)| {
            let place = counts
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))?
                .0;
            Some((story, place.to_owned()))
        })
        .collect();
    // A nationality is a breakdown only where the story gives more than one for the same
    // status (Egyptian, Jordanian and Indonesian pilgrims dead); one alone ("53,000
    // Palestinians killed" in Gaza) is the story's people under another name.
    let mut nationalities: HashMap<(Option<&str>, &str), Vec<&str>> = HashMap::new();
    for (i, parts) in parsed.iter() {
        if let Some(country) = nationality(&parts.measure) {
            let list = nationalities
                .entry((claims[*i].story.as_deref(), parts.status.as_str()))
                .or_default();
            if !list.contains(&country) {
                list.push(country);
            }
        }
    }
    let mut folded = Vec::new();
    for (n, (i, parts)) in parsed.iter().enumerate() {
        let Some(country) = nationality(&parts.measure) else {
            continue;
        };
        let story = claims[*i].story.as_deref();
        let home = main_place.get(&story);
        let at_home = home.is_some_and(|place| *place == country.replace(' ', "-"));
        let alone = nationalities
            .get(&(story, parts.status.as_str()))
            .is_none_or(|list| list.len() < 2);
        if at_home || alone {
            folded.push(n);
        }
    }
    for n in folded {
        parsed[n].1.measure = "people".to_owned();
    }
}

/// Folds entity names that differ only slightly ("home" / "homes") onto one spelling.
fn canonicalise_entities(parsed: &mut [(usize, Frame)]) {
    let mut names: Vec<String> = parsed.iter().map(|(_, p)| p.measure.clone()).collect();
    names.sort();
    names.dedup();
    let mut canonical: HashMap<String, String> = HashMap::new();
    for name in &names {
        let target = names
            .iter()
            .filter(|other| *other < name)
            .find(|other| strsim::normalized_levenshtein(other, name) >= ENTITY_SIMILARITY)
            .map(|other| {
                canonical
                    .get(other)
                    .cloned()
                    .unwrap_or_else(|| other.clone())
            })
            .unwrap_or_else(|| name.clone());
        canonical.insert(name.clone(), target);
    }
    for (_, parts) in parsed.iter_mut() {
        if let Some(c) = canonical.get(&parts.measure) {
            parts.measure = c.clone();
        }
    }
}

/// The located claims of one block, indexed by the words of their sentences, so that a
/// claim naming no place is compared only with claims that share a distinctive word.
struct PlaceIndex {
    places: Vec<Option<String>>,
    /// Per located claim: (its place's index in `places`, its context words).
    entries: Vec<(usize, Vec<u64>)>,
    postings: HashMap<u64, Vec<usize>>,
}

/// A word shared by more located claims than this says nothing about which place is meant.
pub(super) const COMMON_WORD_CLAIMS: usize = 64;

impl PlaceIndex {
    fn new(claims: &[Claim], by_location: &BTreeMap<Option<String>, Vec<usize>>) -> Self {
        let mut places = Vec::new();
        let mut entries = Vec::new();
        let mut postings: HashMap<u64, Vec<usize>> = HashMap::new();
        for (place, members) in by_location {
            places.push(place.clone());
            for &m in members {
                let words = context_words(&claims[m]);
                for &w in &words {
                    postings.entry(w).or_default().push(entries.len());
                }
                entries.push((places.len() - 1, words));
            }
        }
        PlaceIndex {
            places,
            entries,
            postings,
        }
    }

    /// The one place of the block, or the place whose claims read most like this one; none
    /// when nothing resembles it.
    fn best_location(&self, claims: &[Claim], i: usize) -> Option<String> {
        match self.places.as_slice() {
            [] => return None,
            [only] => return only.clone(),
            _ => {}
        }
        let own = context_words(&claims[i]);
        let mut candidates: Vec<usize> = own
            .iter()
            .filter_map(|w| self.postings.get(w))
            .filter(|list| list.len() <= COMMON_WORD_CLAIMS)
            .flatten()
            .copied()
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        candidates
            .into_iter()
            .map(|e| (jaccard(&own, &self.entries[e].1), self.entries[e].0))
            .filter(|(score, _)| *score >= 0.2)
            .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)))
            .and_then(|(_, place)| self.places[place].clone())
    }
}

/// The distinct content words of a claim's sentence, each as a hash of its lower-case form
/// (sorted): compared by the million in a big story, numbers cost a fraction of strings.
fn context_words(claim: &Claim) -> Vec<u64> {
    use std::hash::Hasher;
    let mut words: Vec<u64> = claim
        .sentence
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 3 && !w.chars().all(|c| c.is_ascii_digit()))
        .map(|w| {
            let mut hasher = rustc_hash::FxHasher::default();
            for c in w.chars().flat_map(char::to_lowercase) {
                hasher.write_u32(c as u32);
            }
            hasher.finish()
        })
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}

/// Shared items over all items of two sorted, distinct lists, by one merge.
pub(super) fn jaccard<T: Ord>(a: &[T], b: &[T]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    common as f64 / (a.len() + b.len() - common) as f64
}

/// Splits claims whose key is too generic into groups of alike sentences (single link).
///
/// Claims with the same context words (the same sentence repeated across articles, as
/// wire copy and syndication repeat it) are compared once: the pairs compared grow with the
/// square of the distinct sentences, not of the claims (a big story has thousands of
/// generic counts and few distinct sentences).
fn split_by_context(claims: &[Claim], indices: Vec<usize>) -> Vec<(Option<String>, Vec<usize>)> {
    let mut distinct: HashMap<Vec<u64>, usize> = HashMap::new();
    let mut sentences: Vec<Vec<u64>> = Vec::new();
    let mut sentence_of: Vec<usize> = Vec::with_capacity(indices.len());
    for &i in &indices {
        let ids = context_words(&claims[i]);
        // an empty sentence is like nothing, not even another empty one
        let node = if ids.is_empty() {
            sentences.push(ids);
            sentences.len() - 1
        } else {
            *distinct.entry(ids.clone()).or_insert_with(|| {
                sentences.push(ids);
                sentences.len() - 1
            })
        };
        sentence_of.push(node);
    }
    let mut parent: Vec<usize> = (0..sentences.len()).collect();
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for a in 0..sentences.len() {
        for b in a + 1..sentences.len() {
            if jaccard(&sentences[a], &sentences[b]) >= CONTEXT_SIMILARITY {
                let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
                parent[ra.max(rb)] = ra.min(rb);
            }
        }
    }
    // groups in the order of their first claim
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut first_of_root: HashMap<usize, usize> = HashMap::new();
    for (n, &i) in indices.iter().enumerate() {
        let r = root(&mut parent, sentence_of[n]);
        let first = *first_of_root.entry(r).or_insert(n);
        groups.entry(first).or_default().push(i);
    }
    groups
        .into_values()
        .map(|members| (None, members))
        .collect()
}

/// Splits an event's claims into separate events by date: dates more than
/// [`EVENT_GAP_DAYS`] apart are different events. Undated claims join the largest event.
fn split_events(claims: &[Claim], indices: Vec<usize>) -> Vec<(Option<String>, Vec<usize>)> {
    let mut dated: Vec<(jiff::civil::Date, usize)> = Vec::new();
    let mut undated = Vec::new();
    let year = usual_year(claims, &indices);
    for i in indices {
        match claim_date_in(&claims[i], year.as_deref())
            .and_then(|d| d.parse::<jiff::civil::Date>().ok())
        {
            Some(date) => dated.push((date, i)),
            None => undated.push(i),
        }
    }
    dated.sort();
    let mut events: Vec<(jiff::civil::Date, Vec<usize>)> = Vec::new();
    let mut last: Option<jiff::civil::Date> = None;
    for (date, i) in dated {
        let gap = last.map(|l| (date - l).get_days() as i64);
        match (events.last_mut(), gap) {
            (Some(event), Some(g)) if g <= EVENT_GAP_DAYS => event.1.push(i),
            _ => events.push((date, vec![i])),
        }
        last = Some(date);
    }
    if events.is_empty() {
        return vec![(None, undated)];
    }
    // An undated figure joins the event it fits: one where the same claimant gave a
    // compatible figure, else any compatible figure, else the best-reported event.
    for i in undated {
        let fit = |members: &Vec<usize>| {
            members
                .iter()
                .map(|&m| {
                    match (
                        compatible(&claims[i], &claims[m]),
                        same_claimant(&claims[i], &claims[m]),
                    ) {
                        (true, true) => 2,
                        (true, false) => 1,
                        _ => 0,
                    }
                })
                .max()
                .unwrap_or(0)
        };
        let best = (0..events.len()).max_by_key(|&e| (fit(&events[e].1), events[e].1.len()));
        if let Some(e) = best {
            events[e].1.push(i);
        }
    }
    events
        .into_iter()
        .map(|(date, mut members)| {
            members.sort_unstable();
            (Some(date.to_string()), members)
        })
        .collect()
}

/// Whether two quantity claims' intervals can both hold.
pub fn compatible(a: &Claim, b: &Claim) -> bool {
    match (&a.quantity, &b.quantity) {
        (Some(qa), Some(qb)) => Interval::of(qa).overlaps(&Interval::of(qb)),
        _ => false,
    }
}

/// Whether two claims name the same claimant ("The coalition" and "the Water for All
/// coalition" meet on their head noun).
pub fn same_claimant(a: &Claim, b: &Claim) -> bool {
    let head = |c: &Claim| {
        c.attribution
            .as_ref()
            .and_then(|at| at.source.split_whitespace().last().map(str::to_lowercase))
    };
    matches!((head(a), head(b)), (Some(x), Some(y)) if x == y)
}

#[cfg(test)]
mod tests;
