//! Source reliability from the claims of an indexed corpus: claimants are rated by truth
//! discovery on their figures (each claimant's figure counted once however many outlets
//! relay it), outlets on their own unattributed figures and on relaying faithfully (does
//! an outlet's version of a claimant's figure or quote match what the other outlets report
//! the same claimant said?).

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use super::{discover, report, round4, Observation, Params, SourceKind, SourcesReport, Value};
use crate::compare::{effective_dates, MAX_COMPARED_POSITIONS};
use crate::interval::Interval;
use crate::matching::{group_claims, quote_words, ClaimGroup};
use crate::model::{in_text_order, sort_in_text_order, Claim, ClaimKind, SourceScore};

/// A claimant's name as outlets agree on it: lower case, without a leading "the".
pub fn claimant_key(name: &str) -> String {
    let lower = name.trim().to_lowercase();
    let lower = lower.strip_prefix("the ").unwrap_or(&lower);
    lower.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Rates every outlet and claimant in `claims`, story by story (see [`SourceEvidence`]).
pub fn sources_from_claims(claims: &[Claim]) -> SourcesReport {
    let mut evidence = SourceEvidence::default();
    if claims.windows(2).all(|w| w[0].story == w[1].story) && in_text_order(claims) {
        evidence.add_story(claims);
        return evidence.finish();
    }
    let mut by_story: BTreeMap<Option<&str>, Vec<Claim>> = BTreeMap::new();
    for claim in claims {
        by_story
            .entry(claim.story.as_deref())
            .or_default()
            .push(claim.clone());
    }
    // Within a story, the index's order (which numbers a generic key's parts), whatever
    // the order the claims came in: a distributed job's shuffle gives any order.
    for claims in by_story.values_mut() {
        sort_in_text_order(claims);
        evidence.add_story(claims);
    }
    evidence.finish()
}

/// What separates a story from a key in an object's name inside truth discovery: the same
/// quantity in two stories is two objects.
const STORY_SEPARATOR: char = '\u{1f}';

/// The evidence about sources, gathered one story at a time so that memory holds one
/// story's claims and the corpus's compact observations, never the corpus's claims.
/// Claims of two stories are never grouped together, as in `compare`.
#[derive(Debug, Default)]
pub struct SourceEvidence {
    /// Spellings of each claimant (by [`claimant_key`]), for display names.
    spellings: HashMap<String, BTreeMap<String, usize>>,
    /// Outlets' figures; `relayed_from` holds the claimant's key until [`Self::finish`].
    observations: Vec<Observation>,
    /// Relay checks by outlet: agreeing and conflicting claims.
    agreed: HashMap<String, usize>,
    conflicted: HashMap<String, usize>,
    /// One copy of each source, object, date and claimant string.
    strings: std::collections::HashSet<Arc<str>>,
}

impl SourceEvidence {
    fn intern(&mut self, text: &str) -> Arc<str> {
        if let Some(shared) = self.strings.get(text) {
            return shared.clone();
        }
        let shared: Arc<str> = text.into();
        self.strings.insert(shared.clone());
        shared
    }

    /// Adds the claims of one story (or of claims without a story).
    pub fn add_story(&mut self, claims: &[Claim]) {
        let groups = group_claims(claims);
        self.add_groups(claims, &groups);
    }

    /// Adds the claims of one story as `groups` (from [`group_claims`]) group them.
    pub fn add_groups(&mut self, claims: &[Claim], groups: &[ClaimGroup]) {
        for claim in claims {
            if let Some(a) = &claim.attribution {
                *self
                    .spellings
                    .entry(claimant_key(&a.source))
                    .or_default()
                    .entry(a.source.trim().to_owned())
                    .or_default() += 1;
            }
        }
        for group in groups.iter().filter(|g| g.kind == ClaimKind::Quantity) {
            let dates = effective_dates(claims, group);
            for &i in &group.members {
                let claim = &claims[i];
                let Some(q) = &claim.quantity else { continue };
                let object = match &claim.story {
                    Some(story) => self.intern(&format!("{story}{STORY_SEPARATOR}{}", group.key)),
                    None => self.intern(&group.key),
                };
                let iv = Interval::of(q);
                let observation = Observation {
                    source: self.intern(claim.outlet.as_deref().unwrap_or("(unknown outlet)")),
                    object,
                    value: Value::Num(q.value),
                    low: iv.low,
                    high: iv.high,
                    date: dates
                        .get(&i)
                        .and_then(Option::as_deref)
                        .map(|d| self.intern(d)),
                    relayed_from: claim
                        .attribution
                        .as_ref()
                        .map(|a| self.intern(&claimant_key(&a.source))),
                    kind: SourceKind::Outlet,
                };
                self.observations.push(observation);
            }
        }
        relay_evidence(claims, groups, &mut self.agreed, &mut self.conflicted);
    }

    /// Rates every source from the evidence gathered.
    pub fn finish(mut self) -> SourcesReport {
        // Display names: the most common spelling of each claimant.
        let display: HashMap<&str, Arc<str>> = self
            .spellings
            .iter()
            .filter_map(|(key, names)| {
                let (name, _) = names
                    .iter()
                    .max_by_key(|(name, n)| (**n, std::cmp::Reverse((*name).clone())))?;
                Some((key.as_str(), Arc::from(name.as_str())))
            })
            .collect();
        for observation in &mut self.observations {
            if let Some(key) = observation.relayed_from.take() {
                let shown = display.get(&*key).cloned().unwrap_or(key);
                observation.relayed_from = Some(shown);
            }
        }
        drop(display);
        self.strings.clear();
        let discovery = discover(&self.observations, &Params::default());
        drop(self.observations);
        let mut sources = report(discovery);
        for truth in &mut sources.truths {
            if let Some((story, key)) = truth.key.split_once(STORY_SEPARATOR) {
                truth.story = Some(story.to_owned());
                truth.key = key.to_owned();
            }
        }
        apply_relay_evidence(&self.agreed, &self.conflicted, &mut sources.sources);
        sources.sources.sort_by(|a, b| {
            b.reliability
                .total_cmp(&a.reliability)
                .then_with(|| a.outlet.cmp(&b.outlet))
        });
        sources
    }
}

/// How faithfully each outlet relays: per claimant, date and quantity (or quote), an
/// outlet's version agrees when it fits what most other outlets report that claimant said.
/// Tallies, by outlet, the claims that agree and those that conflict.
fn relay_evidence(
    claims: &[Claim],
    groups: &[ClaimGroup],
    agreed: &mut HashMap<String, usize>,
    conflicted: &mut HashMap<String, usize>,
) {
    for group in groups {
        let dates = effective_dates(claims, group);
        // (claimant or speaker, date) → members
        let mut voices: BTreeMap<(String, Option<String>), Vec<usize>> = BTreeMap::new();
        for &i in &group.members {
            let voice = match claims[i].kind {
                ClaimKind::Quantity => claims[i]
                    .attribution
                    .as_ref()
                    .map(|a| claimant_key(&a.source)),
                ClaimKind::Quote => Some(group.key.clone()),
            };
            if let Some(voice) = voice {
                voices
                    .entry((voice, dates.get(&i).cloned().flatten()))
                    .or_default()
                    .push(i);
            }
        }
        for members in voices.values() {
            let outlets: std::collections::BTreeSet<&str> = members
                .iter()
                .filter_map(|&i| claims[i].outlet.as_deref())
                .collect();
            if outlets.len() < 2 {
                continue;
            }
            for (outlet, agrees, n) in relay_checks(claims, members) {
                let tally = if agrees {
                    &mut *agreed
                } else {
                    &mut *conflicted
                };
                *tally.entry(outlet.to_owned()).or_default() += n;
            }
        }
    }
}

/// Combines each outlet's relay checks with its own rating.
fn apply_relay_evidence(
    agreed: &HashMap<String, usize>,
    conflicted: &HashMap<String, usize>,
    scores: &mut [SourceScore],
) {
    for score in scores.iter_mut().filter(|s| s.kind == "outlet") {
        let a = agreed.get(&score.outlet).copied().unwrap_or(0);
        let c = conflicted.get(&score.outlet).copied().unwrap_or(0);
        if a + c == 0 {
            continue;
        }
        // Combine with the discovery's estimate as a Beta posterior: its checked claims
        // and the relay checks both count as evidence, on the same 0.7 / 2 prior.
        let params = Params::default();
        let own_checked = score.checked as f64;
        let own_right = score.reliability * own_checked;
        let n = own_checked + (a + c) as f64;
        let right = own_right + a as f64;
        let mean =
            (right + params.prior_mean * params.prior_strength) / (n + params.prior_strength);
        let sd = (mean * (1.0 - mean) / (n + params.prior_strength + 1.0)).sqrt();
        score.reliability = round4(mean);
        score.reliability_low = round4((mean - 1.645 * sd).max(0.0));
        score.reliability_high = round4((mean + 1.645 * sd).min(1.0));
        score.agreed += a;
        score.conflicted += c;
        score.checked += a + c;
        score.explanation.push_str(&format!(
            " Relaying: {a} of {} claimant figures or quotes it reports match what other outlets report the same claimant said{}. With that evidence: reliability {:.2} (90% interval {:.2}-{:.2}).",
            a + c,
            if c > 0 { format!("; {c} do not") } else { String::new() },
            score.reliability,
            score.reliability_low,
            score.reliability_high
        ));
    }
}

/// What one claimant said, by outlet: for each outlet's report of the voice, whether it
/// matches what most other outlets report the voice said, and how many of its claims that
/// covers. Claims of one outlet repeating one figure (or wording) are judged once, and at
/// most [`MAX_COMPARED_POSITIONS`] distinct reports (the most repeated) are compared pairwise,
/// so an article repeating a figure thousands of times costs nothing extra.
fn relay_checks<'c>(claims: &'c [Claim], members: &[usize]) -> Vec<(&'c str, bool, usize)> {
    #[derive(PartialEq, Eq, Hash)]
    enum Said {
        Figure(crate::interval::IntervalKey),
        Words(Vec<String>),
        Nothing,
    }
    let said = |claim: &Claim| match (claim.kind, &claim.quantity, &claim.quote) {
        (ClaimKind::Quantity, Some(q), _) => Said::Figure(Interval::of(q).key()),
        (ClaimKind::Quote, _, Some(quote)) => Said::Words(quote_words(&quote.text)),
        _ => Said::Nothing,
    };
    // (representative claim, how many claims hold it)
    let mut reports: Vec<(usize, usize)> = Vec::new();
    let mut index: HashMap<(Option<&str>, Said), usize> = HashMap::new();
    for &i in members {
        let at = *index
            .entry((claims[i].outlet.as_deref(), said(&claims[i])))
            .or_insert_with(|| {
                reports.push((i, 0));
                reports.len() - 1
            });
        reports[at].1 += 1;
    }
    if reports.len() > MAX_COMPARED_POSITIONS {
        reports.sort_by_key(|&(i, n)| (std::cmp::Reverse(n), i));
        reports.truncate(MAX_COMPARED_POSITIONS);
    }
    let mut out = Vec::new();
    for &(i, n) in &reports {
        let Some(outlet) = claims[i].outlet.as_deref() else {
            continue;
        };
        let (mut others, mut fits) = (0, 0);
        for &(j, m) in &reports {
            if claims[j].outlet == claims[i].outlet {
                continue;
            }
            others += m;
            if same_report(&claims[i], &claims[j]) {
                fits += m;
            }
        }
        out.push((outlet, fits * 2 >= others, n));
    }
    out
}

fn same_report(a: &Claim, b: &Claim) -> bool {
    match (a.kind, &a.quantity, &b.quantity, &a.quote, &b.quote) {
        (ClaimKind::Quantity, Some(qa), Some(qb), _, _) => {
            Interval::of(qa).overlaps(&Interval::of(qb))
        }
        (ClaimKind::Quote, _, _, Some(x), Some(y)) => quote_words(&x.text) == quote_words(&y.text),
        _ => false,
    }
}
