//! Checks inside one article: parts against their whole, and one voice giving two figures
//! that cannot both hold.

use super::*;

/// (entity, location, as-of date) of a group of claims inside one article.
type ScopeKey<'a> = (String, Option<String>, Option<&'a str>);
/// Status → indices of the claims with that status.
type StatusClaims = BTreeMap<String, Vec<usize>>;

/// Part statuses that add up to a whole ("of those held, some alive, the rest dead") and
/// parts that can never exceed their whole.
const SUMS: &[(&str, &[&str])] = &[("held", &["alive", "dead"])];
const PARTS: &[(&str, &str)] = &[
    ("alive", "held"),
    ("dead", "held"),
    ("released", "kidnapped"),
    ("held", "kidnapped"),
];

/// At most this many distinct figures of each part are combined when checking that parts
/// add up to their whole: every combination is checked, and an article repeating a
/// thousand different figures must not make that a million.
const MAX_SUM_POSITIONS: usize = 16;

/// Checks inside each article: parts against their whole with interval arithmetic, and one
/// quantity given two incompatible values for the same date. Claims that repeat a figure
/// are one position, and incompatible figures are found by a sweep in order of value, so
/// the cost grows with the distinct figures of an article, not with the square of its
/// claims (an article repeating one sentence eight thousand times took 14 s).
pub fn internal_inconsistencies(claims: &[Claim]) -> Vec<Inconsistency> {
    let mut by_article: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, claim) in claims.iter().enumerate() {
        if claim.kind == ClaimKind::Quantity && claim.key.is_some() {
            by_article
                .entry(claim.article_id.as_str())
                .or_default()
                .push(i);
        }
    }
    let mut found = Vec::new();
    for (article_id, indices) in by_article {
        let intervals: HashMap<usize, Interval> = indices
            .iter()
            .filter_map(|&i| interval_of(&claims[i]).map(|iv| (i, iv)))
            .collect();
        // (entity, location, date) → status → claims
        let mut scopes: BTreeMap<ScopeKey, StatusClaims> = BTreeMap::new();
        for &i in &indices {
            if !intervals.contains_key(&i) {
                continue;
            }
            let Some(parts) = claims[i].frame.clone() else {
                continue;
            };
            scopes
                .entry((parts.measure, parts.place, claims[i].as_of.as_deref()))
                .or_default()
                .entry(parts.status)
                .or_default()
                .push(i);
        }
        let scope = ArticleScope {
            claims,
            intervals: &intervals,
            article_id,
        };
        for statuses in scopes.values() {
            scope.check(statuses, &mut found);
        }
    }
    found
}

/// One article's claims with their intervals, for [`internal_inconsistencies`].
struct ArticleScope<'a> {
    claims: &'a [Claim],
    /// Every claim in the status lists has one.
    intervals: &'a HashMap<usize, Interval>,
    article_id: &'a str,
}

impl ArticleScope<'_> {
    fn iv(&self, i: usize) -> Interval {
        self.intervals[&i]
    }

    fn surface(&self, i: usize) -> &str {
        self.claims[i]
            .quantity
            .as_ref()
            .map(|q| q.surface.as_str())
            .unwrap_or_default()
    }

    fn finding(&self, members: Vec<usize>, explanation: String) -> Inconsistency {
        Inconsistency {
            article_id: self.article_id.to_owned(),
            claims: members
                .into_iter()
                .map(|i| self.claims[i].claim_id.clone())
                .collect(),
            explanation,
        }
    }

    /// The first claim of each distinct interval in `list` (text order kept); with
    /// `by_voice`, also distinct by who gives it and by a year-less date.
    fn positions(&self, list: &[usize], by_voice: bool) -> Vec<usize> {
        let mut seen = std::collections::HashSet::new();
        list.iter()
            .copied()
            .filter(|&i| {
                let voice = by_voice.then(|| {
                    (
                        claimant_head(&self.claims[i]),
                        self.claims[i].as_of_partial.clone(),
                    )
                });
                seen.insert((self.iv(i).key(), voice))
            })
            .collect()
    }

    /// Among an article's figures for a whole (hostages held), the one that is the total:
    /// the largest. Smaller ones are usually subsets ("footage showed two captives").
    fn the_whole(&self, wholes: &[usize]) -> Option<usize> {
        wholes
            .iter()
            .copied()
            .max_by(|&a, &b| self.iv(a).magnitude().total_cmp(&self.iv(b).magnitude()))
    }

    fn check(&self, statuses: &BTreeMap<String, Vec<usize>>, found: &mut Vec<Inconsistency>) {
        self.check_sums(statuses, found);
        self.check_parts(statuses, found);
        for list in statuses.values() {
            self.check_one_voice(list, found);
        }
    }

    /// Parts that cannot add up to their whole: every combination of one figure per part.
    fn check_sums(&self, statuses: &BTreeMap<String, Vec<usize>>, found: &mut Vec<Inconsistency>) {
        for (whole, parts) in SUMS {
            let Some(w) = statuses
                .get(*whole)
                .and_then(|wholes| self.the_whole(wholes))
            else {
                continue;
            };
            let part_lists: Vec<Vec<usize>> = parts
                .iter()
                .filter_map(|p| statuses.get(*p))
                .map(|list| {
                    let mut positions = self.positions(list, false);
                    positions.truncate(MAX_SUM_POSITIONS);
                    positions
                })
                .collect();
            if part_lists.len() != parts.len() {
                continue;
            }
            let whole_iv = self.iv(w);
            let mut combos: Vec<Vec<usize>> = vec![Vec::new()];
            for list in &part_lists {
                combos = combos
                    .into_iter()
                    .flat_map(|c| list.iter().map(move |&p| [c.clone(), vec![p]].concat()))
                    .collect();
            }
            for combo in combos {
                let Some(sum) = combo.iter().map(|&p| self.iv(p)).reduce(|a, b| a.add(&b)) else {
                    continue;
                };
                if sum.overlaps(&whole_iv) {
                    continue;
                }
                let parts_text: Vec<String> = combo
                    .iter()
                    .zip(parts.iter())
                    .map(|(&p, name)| format!("{} {name}", self.surface(p)))
                    .collect();
                let explanation = format!(
                    "{} add up to {}, which cannot equal {} {whole}",
                    parts_text.join(" + "),
                    match (sum.low, sum.high) {
                        (Some(l), Some(h)) if l == h => number_text(l),
                        (low, high) => crate::model::interval_text(low, high),
                    },
                    self.surface(w)
                );
                found.push(self.finding(std::iter::once(w).chain(combo).collect(), explanation));
            }
        }
    }

    /// A part larger than its whole.
    fn check_parts(&self, statuses: &BTreeMap<String, Vec<usize>>, found: &mut Vec<Inconsistency>) {
        for (part, whole) in PARTS {
            let (Some(parts), Some(wholes)) = (statuses.get(*part), statuses.get(*whole)) else {
                continue;
            };
            let Some(w) = self.the_whole(wholes) else {
                continue;
            };
            let Some(whole_high) = self.iv(w).high else {
                continue;
            };
            for p in self.positions(parts, false) {
                if self.iv(p).low.is_some_and(|low| low > whole_high) {
                    let explanation = format!(
                        "{} {part} is more than the whole: {} {whole}",
                        self.surface(p),
                        self.surface(w)
                    );
                    found.push(self.finding(vec![w, p], explanation));
                }
            }
        }
    }

    /// Two figures for one quantity on one voice's authority that cannot both hold.
    /// Reporting two claimants' different figures is not inconsistent; giving two figures on
    /// one claimant's (or the article's own) authority is. Positions of one voice are swept
    /// in order of their lower bound: a figure that overlaps none of the figures before it
    /// is reported against the one reaching highest, so k incompatible figures give k − 1
    /// findings.
    fn check_one_voice(&self, list: &[usize], found: &mut Vec<Inconsistency>) {
        let mut voices: BTreeMap<(Option<String>, Option<String>), Vec<usize>> = BTreeMap::new();
        for p in self.positions(list, true) {
            let claim = &self.claims[p];
            // An attribution without a name to compare is no one's voice.
            if claim.attribution.is_some() && claimant_head(claim).is_none() {
                continue;
            }
            voices
                .entry((claimant_head(claim), claim.as_of_partial.clone()))
                .or_default()
                .push(p);
        }
        for mut group in voices.into_values() {
            let low = |i: usize| self.iv(i).low.unwrap_or(f64::NEG_INFINITY);
            group.sort_by(|&a, &b| low(a).total_cmp(&low(b)));
            let mut reach: Option<usize> = None;
            for p in group {
                let Some(r) = reach else {
                    reach = Some(p);
                    continue;
                };
                if !self.iv(p).overlaps(&self.iv(r)) {
                    let explanation = format!(
                        "the article gives both {} and {} for {}",
                        self.surface(r),
                        self.surface(p),
                        self.claims[r].key.as_deref().unwrap_or("the same quantity")
                    );
                    found.push(self.finding(vec![r, p], explanation));
                }
                let high = |i: usize| self.iv(i).high.unwrap_or(f64::INFINITY);
                if high(p) > high(r) {
                    reach = Some(p);
                }
            }
        }
    }
}
