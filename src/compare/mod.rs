//! `compare` owns judging claims about the same thing: whether their intervals can both
//! hold, agreement and consensus per cluster, typed discrepancies (conflict, update, scope,
//! misquote) with severities and explanations a person can check, and parts-versus-whole
//! consistency inside one article. It gets [`Claim`]s and [`matching`](crate::matching)'s
//! groups; it never reads the index.

pub mod interval;

use std::collections::{BTreeMap, BTreeSet, HashMap};

pub use interval::{severity, Interval};

use crate::matching::{self, claim_date, location_within, quote_words, ClaimGroup};
use crate::model::{
    number_text, Claim, ClaimKind, Cluster, Comparison, Consensus, Discrepancy, DiscrepancyType,
    Inconsistency, TimelinePoint,
};

/// Severity given to a scope difference: a caution for the reader, not a contradiction.
pub const SCOPE_SEVERITY: f64 = 0.2;

#[derive(Debug, Clone, Default)]
pub struct CompareOptions {
    /// Discrepancies less severe than this are left out.
    pub min_severity: f64,
}

/// Compares every group of claims about the same thing.
pub fn compare(claims: &[Claim], options: &CompareOptions) -> Comparison {
    let groups = matching::group_claims(claims);
    compare_groups(claims, &groups, options)
}

/// Compares given groups (from [`matching::group_claims`]).
pub fn compare_groups(
    claims: &[Claim],
    groups: &[ClaimGroup],
    options: &CompareOptions,
) -> Comparison {
    let mut clusters: Vec<Cluster> = groups
        .iter()
        .map(|group| match group.kind {
            ClaimKind::Quantity => quantity_cluster(claims, group),
            ClaimKind::Quote => quote_cluster(claims, group),
        })
        .collect();
    add_scope_discrepancies(claims, groups, &mut clusters);
    for cluster in &mut clusters {
        cluster
            .discrepancies
            .retain(|d| d.severity >= options.min_severity);
        cluster.discrepancies.sort_by(|a, b| {
            b.severity
                .total_cmp(&a.severity)
                .then(a.kind.cmp(&b.kind))
                .then(a.a.cmp(&b.a))
                .then(a.b.cmp(&b.b))
        });
    }
    clusters.sort_by(|a, b| {
        let worst = |c: &Cluster| c.discrepancies.first().map_or(-1.0, |d| d.severity);
        worst(b)
            .total_cmp(&worst(a))
            .then(b.claims.len().cmp(&a.claims.len()))
            .then(a.key.cmp(&b.key))
    });
    Comparison {
        clusters,
        internal: internal_inconsistencies(claims),
    }
}

fn interval_of(claim: &Claim) -> Option<Interval> {
    claim.quantity.as_ref().map(Interval::of)
}

fn cluster_id(key: &str) -> String {
    blake3::hash(key.as_bytes()).to_hex()[..12].to_owned()
}

fn outlets(claims: &[Claim], members: &[usize]) -> Vec<String> {
    members
        .iter()
        .filter_map(|&i| claims[i].outlet.clone())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect()
}

/// The date each member's figure refers to. An event's figures all describe the one event,
/// so they share a time. An undated figure is placed at the latest date whose figures it
/// matches (from the same claimant if possible): a report that repeats a known figure is
/// about that figure's time; one that matches nothing stays undated.
pub fn effective_dates(claims: &[Claim], group: &ClaimGroup) -> HashMap<usize, Option<String>> {
    let members = &group.members;
    if group.event_date.is_some() {
        return members
            .iter()
            .map(|&i| (i, group.event_date.clone()))
            .collect();
    }
    let year = matching::usual_year(claims, members);
    let mut dates: HashMap<usize, Option<String>> = members
        .iter()
        .map(|&i| (i, matching::claim_date_in(&claims[i], year.as_deref())))
        .collect();
    // Figures already dated, one per distinct (interval, claimant, date), latest first:
    // an undated figure takes the first that overlaps it (from its own claimant if one
    // does). Undated figures that repeat one interval and claimant are placed once.
    let mut seen = std::collections::HashSet::new();
    let mut dated: Vec<(usize, Interval, &str)> = members
        .iter()
        .filter_map(|&m| Some((m, interval_of(&claims[m])?, claim_date(&claims[m])?)))
        .filter(|&(m, iv, date)| seen.insert((iv.key(), claimant_head(&claims[m]), date)))
        .collect();
    dated.sort_by(|a, b| b.2.cmp(a.2));
    dated.truncate(MAX_COMPARED_POSITIONS);
    let mut placed: HashMap<(interval::IntervalKey, Option<String>), Option<String>> =
        HashMap::new();
    for &i in members {
        if dates[&i].is_some() {
            continue;
        }
        let Some(iv) = interval_of(&claims[i]) else {
            continue;
        };
        let head = claimant_head(&claims[i]);
        let date = placed
            .entry((iv.key(), head.clone()))
            .or_insert_with(|| {
                let overlapping = || dated.iter().filter(|(_, other, _)| iv.overlaps(other));
                let same_voice = head.as_ref().and_then(|h| {
                    overlapping().find(|(m, _, _)| claimant_head(&claims[*m]).as_ref() == Some(h))
                });
                same_voice
                    .or_else(|| overlapping().next())
                    .map(|(_, _, date)| (*date).to_owned())
            })
            .clone();
        if date.is_some() {
            dates.insert(i, date);
        }
    }
    dates
}

/// The claimant as [`matching::same_claimant`] compares it: its last word, lower-cased.
pub fn claimant_head(claim: &Claim) -> Option<String> {
    claim
        .attribution
        .as_ref()
        .and_then(|a| a.source.split_whitespace().last().map(str::to_lowercase))
}

/// At most this many distinct figures (positions) of one cluster are compared pairwise,
/// those held by the most claims first. Discrepancies are pairs of positions, so their
/// number grows with the square of the positions; a cluster with more distinct figures
/// than this is noise (or a page of tables), and comparing all of them would stall.
pub const MAX_COMPARED_POSITIONS: usize = 1000;

/// Claims that say the same thing (one figure, or one wording of a quote), with the
/// articles they come from: discrepancies are judged between such groups, not between every
/// pair of claims, so a figure that a hundred outlets repeat costs one comparison and is
/// reported once, with every claim that holds it.
#[derive(Default)]
struct Holders<'c> {
    /// The claims, in the group's order.
    members: Vec<usize>,
    /// How many of the members each article holds: pairs inside one article are left out.
    per_article: HashMap<&'c str, usize>,
    /// The members' claim ids as a discrepancy lists them, by representative, made once.
    listed: std::cell::RefCell<HashMap<usize, std::sync::Arc<[String]>>>,
}

impl<'c> Holders<'c> {
    fn push(&mut self, claims: &'c [Claim], i: usize) {
        self.members.push(i);
        *self
            .per_article
            .entry(claims[i].article_id.as_str())
            .or_default() += 1;
    }

    /// Every member's claim id, `rep` first, shared by all discrepancies that list them.
    fn listed(&self, claims: &[Claim], rep: usize) -> std::sync::Arc<[String]> {
        self.listed
            .borrow_mut()
            .entry(rep)
            .or_insert_with(|| {
                std::iter::once(rep)
                    .chain(self.members.iter().copied().filter(|&m| m != rep))
                    .map(|m| claims[m].claim_id.clone())
                    .collect()
            })
            .clone()
    }

    /// Pairs of members from different articles.
    fn inner_pairs(&self) -> usize {
        let n = self.members.len();
        let same: usize = self.per_article.values().map(|k| k * (k - 1) / 2).sum();
        n * (n - 1) / 2 - same
    }

    /// Pairs of one member of each from different articles.
    fn cross_pairs(&self, other: &Holders) -> usize {
        let same: usize = self
            .per_article
            .iter()
            .map(|(article, k)| k * other.per_article.get(article).copied().unwrap_or(0))
            .sum();
        self.members.len() * other.members.len() - same
    }
}

/// The claims of a quantity cluster holding one interval as of one date (the explanation of
/// a discrepancy names the first one's outlet and claimant).
struct Position<'c> {
    holders: Holders<'c>,
    interval: Interval,
    date: Option<&'c str>,
}

fn positions<'c>(
    claims: &'c [Claim],
    members: &[usize],
    dates: &'c HashMap<usize, Option<String>>,
) -> Vec<Position<'c>> {
    let mut index: HashMap<(interval::IntervalKey, Option<&'c str>), usize> = HashMap::new();
    let mut out: Vec<Position<'c>> = Vec::new();
    for &i in members {
        let Some(interval) = interval_of(&claims[i]) else {
            continue;
        };
        let date = dates.get(&i).and_then(|d| d.as_deref());
        let at = *index.entry((interval.key(), date)).or_insert_with(|| {
            out.push(Position {
                holders: Holders::default(),
                interval,
                date,
            });
            out.len() - 1
        });
        out[at].holders.push(claims, i);
    }
    out
}

/// At most [`MAX_COMPARED_POSITIONS`] positions, those held by the most claims (in their
/// order), and how many were left out.
fn most_supported(mut positions: Vec<Position<'_>>) -> (Vec<Position<'_>>, usize) {
    let left_out = positions.len().saturating_sub(MAX_COMPARED_POSITIONS);
    if left_out > 0 {
        let mut by_support: Vec<usize> = (0..positions.len()).collect();
        by_support.sort_by_key(|&p| std::cmp::Reverse(positions[p].holders.members.len()));
        let kept: std::collections::HashSet<usize> = by_support
            .into_iter()
            .take(MAX_COMPARED_POSITIONS)
            .collect();
        let mut at = 0;
        positions.retain(|_| {
            at += 1;
            kept.contains(&(at - 1))
        });
    }
    (positions, left_out)
}

/// The first pair (in the group's order) of a member of `p` and a member of `q` from
/// different articles; `None` when every pair shares an article.
fn representative_pair(claims: &[Claim], p: &Holders, q: &Holders) -> Option<(usize, usize)> {
    p.members.iter().find_map(|&i| {
        q.members
            .iter()
            .find(|&&j| claims[i].article_id != claims[j].article_id)
            .map(|&j| (i, j))
    })
}

/// A discrepancy between two positions, stated for the representative claims `a` and `b`
/// and listing every claim of each side.
fn between_positions(
    claims: &[Claim],
    (a, b): (usize, usize),
    (side_a, side_b): (&Holders, &Holders),
    pairs: usize,
    kind: DiscrepancyType,
    severity: f64,
    explanation: String,
) -> Discrepancy {
    let (a_claims, b_claims) = (side_a.listed(claims, a), side_b.listed(claims, b));
    let explanation = if a_claims.len() > 1 || b_claims.len() > 1 {
        format!(
            "{explanation} (the first in {} report{}, the second in {})",
            a_claims.len(),
            if a_claims.len() == 1 { "" } else { "s" },
            b_claims.len()
        )
    } else {
        explanation
    };
    Discrepancy {
        a: claims[a].claim_id.clone(),
        b: claims[b].claim_id.clone(),
        kind,
        severity,
        explanation,
        a_claims,
        b_claims,
        pairs,
    }
}

fn quantity_cluster(claims: &[Claim], group: &ClaimGroup) -> Cluster {
    let members = &group.members;
    let dates = effective_dates(claims, group);
    let (positions, uncompared_positions) = most_supported(positions(claims, members, &dates));
    // An update is reported between figures of consecutive dates, the steps of the
    // timeline: 62 on May 2, 80 on May 5 and 120 on May 9 are two updates, not three, and a
    // story followed for months does not list every old figure against every newer one.
    let timeline_dates: Vec<&str> = positions
        .iter()
        .filter_map(|p| p.date)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let step = |d: &str| timeline_dates.binary_search(&d).ok();
    let mut same_time_pairs = 0usize;
    let mut compatible_pairs = 0usize;
    let mut discrepancies = Vec::new();
    for (n, p) in positions.iter().enumerate() {
        let inner = p.holders.inner_pairs();
        same_time_pairs += inner;
        if p.interval.overlaps(&p.interval) {
            compatible_pairs += inner;
        }
        for q in &positions[n + 1..] {
            let pairs = p.holders.cross_pairs(&q.holders);
            if pairs == 0 {
                continue;
            }
            let different_times = matches!((p.date, q.date), (Some(x), Some(y)) if x != y);
            let compatible = p.interval.overlaps(&q.interval);
            if !different_times {
                same_time_pairs += pairs;
                if compatible {
                    compatible_pairs += pairs;
                }
            }
            if compatible {
                continue;
            }
            if let (true, Some(x), Some(y)) = (different_times, p.date, q.date) {
                if step(x).zip(step(y)).is_some_and(|(x, y)| x.abs_diff(y) > 1) {
                    continue;
                }
            }
            let Some((from_p, from_q)) = representative_pair(claims, &p.holders, &q.holders) else {
                continue;
            };
            // The earlier claim of the group is `a`, as when claims were compared pairwise.
            let ((i, side_i), (j, side_j)) = if from_p <= from_q {
                ((from_p, p), (from_q, q))
            } else {
                ((from_q, q), (from_p, p))
            };
            let severity = severity(&side_i.interval, &side_j.interval);
            let discrepancy = if different_times {
                let ((older, older_side), (newer, newer_side)) = if side_i.date <= side_j.date {
                    ((i, side_i), (j, side_j))
                } else {
                    ((j, side_j), (i, side_i))
                };
                between_positions(
                    claims,
                    (older, newer),
                    (&older_side.holders, &newer_side.holders),
                    pairs,
                    DiscrepancyType::Update,
                    severity,
                    format!(
                        "{} vs {}: a newer figure ({} is later); {:.0}% apart",
                        describe(&claims[older]),
                        describe(&claims[newer]),
                        newer_side.date.unwrap_or("?"),
                        severity * 100.0
                    ),
                )
            } else {
                between_positions(
                    claims,
                    (i, j),
                    (&side_i.holders, &side_j.holders),
                    pairs,
                    DiscrepancyType::Conflict,
                    severity,
                    format!(
                        "{} vs {}: cannot both hold; {:.0}% apart",
                        describe(&claims[i]),
                        describe(&claims[j]),
                        severity * 100.0
                    ),
                )
            };
            discrepancies.push(discrepancy);
        }
    }
    let agreement = if same_time_pairs == 0 {
        1.0
    } else {
        compatible_pairs as f64 / same_time_pairs as f64
    };
    Cluster {
        cluster_id: cluster_id(&group.key),
        key: group.key.clone(),
        label: quantity_label(group),
        kind: ClaimKind::Quantity,
        claims: members
            .iter()
            .map(|&i| claims[i].claim_id.clone())
            .collect(),
        outlets: outlets(claims, members),
        consensus: consensus(claims, members, &dates),
        agreement,
        discrepancies,
        timeline: timeline(claims, members, &dates),
        uncompared_positions,
    }
}

/// "Harbour Post: about 130 (the governor, 2025-05-20)".
pub fn describe(claim: &Claim) -> String {
    let outlet = claim.outlet.as_deref().unwrap_or("(unknown outlet)");
    let figure = claim
        .quantity
        .as_ref()
        .map(|q| q.surface.clone())
        .unwrap_or_default();
    let claimant = claim.claimant_text();
    let date = claim_date(claim).unwrap_or("undated");
    format!("{outlet}: {figure} ({claimant}, {date})")
}

fn quantity_label(group: &ClaimGroup) -> String {
    let status = match group.status.as_str() {
        "marched" => "at the march",
        "count" => "",
        other => other,
    };
    let mut label = group.entity.clone();
    if !status.is_empty() {
        label.push(' ');
        label.push_str(status);
    }
    if let Some(location) = &group.location {
        label.push_str(" in ");
        label.push_str(&title_case(location));
    }
    if let Some(date) = &group.event_date {
        label.push_str(" on ");
        label.push_str(date);
    }
    label
}

fn title_case(slug: &str) -> String {
    slug.split('-')
        .map(|w| {
            let mut chars = w.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The interval most outlets' claims share at the latest date reported: the point covered
/// by the most distinct outlets, and the intersection of the claims that cover it.
fn consensus(
    claims: &[Claim],
    members: &[usize],
    dates: &HashMap<usize, Option<String>>,
) -> Consensus {
    let date_of = |i: usize| dates.get(&i).and_then(|d| d.as_deref());
    let latest = members.iter().filter_map(|&i| date_of(i)).max();
    let current: Vec<(usize, Interval)> = members
        .iter()
        .filter(|&&i| date_of(i).is_none() || date_of(i) == latest)
        .filter_map(|&i| Some((i, interval_of(&claims[i])?)))
        .collect();
    let mut points: Vec<f64> = current
        .iter()
        .flat_map(|(_, iv)| [iv.low, iv.high])
        .flatten()
        .filter(|x| x.is_finite())
        .collect();
    points.sort_by(f64::total_cmp);
    points.dedup();
    let midpoints: Vec<f64> = points.windows(2).map(|w| (w[0] + w[1]) / 2.0).collect();
    points.extend(midpoints);
    if let Some(last) = points.iter().copied().reduce(f64::max) {
        points.push(last + 1.0);
    }
    points.sort_by(f64::total_cmp);
    let Some(best) = best_supported_point(claims, &current, &points) else {
        return Consensus::default();
    };
    let covering: Vec<&(usize, Interval)> =
        current.iter().filter(|(_, iv)| iv.contains(best)).collect();
    let mut hull = covering[0].1;
    for (_, iv) in &covering[1..] {
        if let Some(next) = hull.intersect(iv) {
            hull = next;
        }
    }
    let mut values: Vec<f64> = covering
        .iter()
        .filter_map(|(i, _)| claims[*i].quantity.as_ref().map(|q| q.value))
        .collect();
    values.sort_by(f64::total_cmp);
    let value = values.get(values.len() / 2).copied().unwrap_or(best);
    Consensus {
        low: hull.low,
        high: hull.high,
        value: Some(value),
    }
}

/// Of `points` (ascending), the one contained in the intervals of the most outlets (ties:
/// the smallest). A sweep: intervals enter as the points pass their lower bounds and leave
/// as they pass their upper ones, so the cost is (points + intervals) · log, not their
/// product, however many distinct figures a cluster has.
fn best_supported_point(
    claims: &[Claim],
    current: &[(usize, Interval)],
    points: &[f64],
) -> Option<f64> {
    let holder = |i: usize| claims[i].outlet.as_deref().unwrap_or(&claims[i].article_id);
    // Entering: an interval contains x once x > low (strict) or x >= low; sorted so that
    // those that enter earlier come first.
    let mut entering: Vec<&(usize, Interval)> = current.iter().collect();
    entering.sort_by(|(_, a), (_, b)| {
        let key = |iv: &Interval| (iv.low.unwrap_or(f64::NEG_INFINITY), iv.low_strict);
        let (ka, kb) = (key(a), key(b));
        ka.0.total_cmp(&kb.0).then(ka.1.cmp(&kb.1))
    });
    // Leaving: no longer contains x once x > high, or x >= high when strict.
    let mut leaving: Vec<&(usize, Interval)> = current.iter().collect();
    leaving.sort_by(|(_, a), (_, b)| {
        let key = |iv: &Interval| (iv.high.unwrap_or(f64::INFINITY), !iv.high_strict);
        let (ka, kb) = (key(a), key(b));
        ka.0.total_cmp(&kb.0).then(ka.1.cmp(&kb.1))
    });
    let entered = |iv: &Interval, x: f64| match iv.low {
        None => true,
        Some(l) => x > l || (x == l && !iv.low_strict),
    };
    let left = |iv: &Interval, x: f64| match iv.high {
        None => false,
        Some(h) => x > h || (x == h && iv.high_strict),
    };
    let mut active: HashMap<&str, usize> = HashMap::new();
    let (mut next_in, mut next_out) = (0, 0);
    let mut best: Option<(usize, f64)> = None;
    for &x in points {
        while let Some((i, iv)) = entering.get(next_in) {
            if !entered(iv, x) {
                break;
            }
            *active.entry(holder(*i)).or_default() += 1;
            next_in += 1;
        }
        while let Some((i, iv)) = leaving.get(next_out) {
            if !left(iv, x) {
                break;
            }
            if let Some(n) = active.get_mut(holder(*i)) {
                *n -= 1;
                if *n == 0 {
                    active.remove(holder(*i));
                }
            }
            next_out += 1;
        }
        let support = active.len();
        if support > 0 && best.is_none_or(|(n, _)| support > n) {
            best = Some((support, x));
        }
    }
    best.map(|(_, x)| x)
}

fn timeline(
    claims: &[Claim],
    members: &[usize],
    dates: &HashMap<usize, Option<String>>,
) -> Vec<TimelinePoint> {
    let mut by_date: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for &i in members {
        if let Some(date) = dates.get(&i).and_then(|d| d.as_deref()) {
            by_date.entry(date.to_owned()).or_default().push(i);
        }
    }
    if by_date.len() < 2 {
        return Vec::new();
    }
    by_date
        .into_iter()
        .map(|(date, day)| {
            let intervals: Vec<Interval> = day
                .iter()
                .filter_map(|&i| interval_of(&claims[i]))
                .collect();
            let low = intervals
                .iter()
                .map(|iv| iv.low)
                .collect::<Option<Vec<_>>>()
                .and_then(|v| v.into_iter().reduce(f64::min));
            let high = intervals
                .iter()
                .map(|iv| iv.high)
                .collect::<Option<Vec<_>>>()
                .and_then(|v| v.into_iter().reduce(f64::max));
            TimelinePoint {
                date,
                low,
                high,
                claims: day.iter().map(|&i| claims[i].claim_id.clone()).collect(),
            }
        })
        .collect()
}

fn quote_cluster(claims: &[Claim], group: &ClaimGroup) -> Cluster {
    let members = &group.members;
    let text = |i: usize| {
        claims[i]
            .quote
            .as_ref()
            .map(|q| q.text.as_str())
            .unwrap_or("")
    };
    // One entry per wording (the quote's words, case and punctuation aside).
    let mut wordings: Vec<(Vec<String>, Holders)> = Vec::new();
    let mut index: HashMap<Vec<String>, usize> = HashMap::new();
    for &i in members {
        let words = quote_words(text(i));
        let at = *index.entry(words.clone()).or_insert_with(|| {
            wordings.push((words, Holders::default()));
            wordings.len() - 1
        });
        wordings[at].1.push(claims, i);
    }
    let same: usize = wordings.iter().map(|(_, h)| h.inner_pairs()).sum();
    let mut pairs = same;
    let mut discrepancies = Vec::new();
    for (n, (wa, ha)) in wordings.iter().enumerate() {
        for (wb, hb) in &wordings[n + 1..] {
            let count = ha.cross_pairs(hb);
            let Some((i, j)) = representative_pair(claims, ha, hb) else {
                continue;
            };
            pairs += count;
            let similarity = strsim::normalized_levenshtein(&wa.join(" "), &wb.join(" "));
            let only_a: Vec<&str> = wa
                .iter()
                .filter(|w| !wb.contains(w))
                .map(String::as_str)
                .collect();
            let only_b: Vec<&str> = wb
                .iter()
                .filter(|w| !wa.contains(w))
                .map(String::as_str)
                .collect();
            let speaker = claims[i]
                .quote
                .as_ref()
                .and_then(|q| q.speaker.as_deref())
                .unwrap_or("the speaker");
            discrepancies.push(between_positions(
                claims,
                (i, j),
                (ha, hb),
                count,
                DiscrepancyType::Misquote,
                (1.0 - similarity).clamp(0.0, 1.0),
                format!(
                    "{} and {} quote {speaker} differently: “{}” has [{}] where “{}” has [{}]",
                    claims[i].outlet.as_deref().unwrap_or("(unknown outlet)"),
                    claims[j].outlet.as_deref().unwrap_or("(unknown outlet)"),
                    text(i),
                    only_a.join(" "),
                    text(j),
                    only_b.join(" ")
                ),
            ));
        }
    }
    let first = members.first().map(|&i| text(i)).unwrap_or("");
    let speaker = members
        .first()
        .and_then(|&i| claims[i].quote.as_ref())
        .and_then(|q| q.speaker.clone())
        .unwrap_or_else(|| "unnamed speaker".into());
    let preview: String = first
        .split_whitespace()
        .take(8)
        .collect::<Vec<_>>()
        .join(" ");
    Cluster {
        cluster_id: cluster_id(&format!("{}\u{0}{}", group.key, first)),
        key: group.key.clone(),
        label: format!("quote by {speaker}: “{preview}…”"),
        kind: ClaimKind::Quote,
        claims: members
            .iter()
            .map(|&i| claims[i].claim_id.clone())
            .collect(),
        outlets: outlets(claims, members),
        consensus: Consensus::default(),
        agreement: if pairs == 0 {
            1.0
        } else {
            same as f64 / pairs as f64
        },
        discrepancies,
        timeline: Vec::new(),
        uncompared_positions: 0,
    }
}

/// A claim about a narrower place (Gaza City) beside claims about the wider one (Gaza) with
/// the same subject: reported on the wider cluster so a reader is not misled.
fn add_scope_discrepancies(claims: &[Claim], groups: &[ClaimGroup], clusters: &mut [Cluster]) {
    // Groups by what they count and where: a narrower place's wider places are found by
    // name ("gaza-city" → "gaza"), so the cost grows with the groups, not their pairs.
    let mut by_place: HashMap<(&str, &str, &str), Vec<usize>> = HashMap::new();
    for (g, group) in groups.iter().enumerate() {
        if let (ClaimKind::Quantity, Some(location)) = (group.kind, &group.location) {
            by_place
                .entry((
                    group.entity.as_str(),
                    group.status.as_str(),
                    location.as_str(),
                ))
                .or_default()
                .push(g);
        }
    }
    for narrow in groups.iter().filter(|g| g.kind == ClaimKind::Quantity) {
        let Some(narrow_location) = &narrow.location else {
            continue;
        };
        for broad_location in wider_places(narrow_location) {
            let key = (
                narrow.entity.as_str(),
                narrow.status.as_str(),
                broad_location,
            );
            for &b in by_place.get(&key).map(Vec::as_slice).unwrap_or_default() {
                let broad = &groups[b];
                if !location_within(narrow_location, broad_location) {
                    continue;
                }
                // Positions without dates: a scope difference holds whenever it was said.
                let undated = HashMap::new();
                let (narrow_positions, _) =
                    most_supported(positions(claims, &narrow.members, &undated));
                let (wide_positions, _) =
                    most_supported(positions(claims, &broad.members, &undated));
                for wide in wide_positions {
                    for tight in &narrow_positions {
                        let pairs = wide.holders.cross_pairs(&tight.holders);
                        let Some((w, n)) =
                            representative_pair(claims, &wide.holders, &tight.holders)
                        else {
                            continue;
                        };
                        let (wc, nc) = (&claims[w], &claims[n]);
                        clusters[b].discrepancies.push(between_positions(
                            claims,
                            (w, n),
                            (&wide.holders, &tight.holders),
                            pairs,
                            DiscrepancyType::Scope,
                            SCOPE_SEVERITY,
                            format!(
                                "{} is about {}, {} about {}: different scope, not comparable as the same figure",
                                describe(wc),
                                title_case(broad_location),
                                describe(nc),
                                title_case(narrow_location)
                            ),
                        ));
                    }
                }
            }
        }
    }
}

/// The wider places a place slug names inside itself: "north-gaza-city" → "north-gaza",
/// "north", "gaza-city", "gaza", "city".
fn wider_places(slug: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for (i, c) in slug.char_indices() {
        if c == '-' {
            out.push(&slug[..i]);
            out.push(&slug[i + 1..]);
        }
    }
    out
}

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
            let Some(parts) = claims[i].key.as_deref().and_then(matching::parse_key) else {
                continue;
            };
            scopes
                .entry((parts.entity, parts.location, claims[i].as_of.as_deref()))
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

/// Numbers as people write them, for explanations.
pub fn figure(n: f64) -> String {
    number_text(n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Attribution, Certainty, Qualifier, Quantity, Quote};

    fn claim(
        id: &str,
        article: &str,
        outlet: &str,
        key: &str,
        q: (f64, Qualifier, Option<f64>, Option<f64>, &str),
        date: &str,
        source: Option<&str>,
    ) -> Claim {
        Claim {
            claim_id: id.into(),
            article_id: article.into(),
            outlet: Some(outlet.into()),
            date: Some(date.into()),
            kind: ClaimKind::Quantity,
            sentence: format!("{} {}", q.4, key),
            span: [0, 1],
            quantity: Some(Quantity {
                value: q.0,
                qualifier: q.1,
                low: q.2,
                high: q.3,
                unit: Some("people".into()),
                surface: q.4.into(),
            }),
            subject: None,
            key: Some(key.into()),
            attribution: source.map(|s| Attribution {
                source: s.into(),
                cue: "said".into(),
                via: None,
            }),
            as_of: None,
            certainty: Certainty::Asserted,
            quote: None,
            status: None,
            location: None,
            as_of_partial: None,
            sentence_start: None,
        }
    }

    fn exact(v: f64, s: &str) -> (f64, Qualifier, Option<f64>, Option<f64>, &str) {
        (v, Qualifier::Exact, Some(v), Some(v), s)
    }

    fn kinds(comparison: &Comparison) -> Vec<(String, String, &'static str)> {
        comparison
            .clusters
            .iter()
            .flat_map(|c| {
                c.discrepancies.iter().flat_map(|d| {
                    d.a_claims.iter().flat_map(move |a| {
                        d.b_claims
                            .iter()
                            .map(move |b| (a.clone(), b.clone(), d.kind.as_str()))
                    })
                })
            })
            .collect()
    }

    #[test]
    fn claimants_decide_who_disagrees_with_whom() {
        let claims = vec![
            claim(
                "a",
                "1",
                "Harbour Post",
                "people/dead/valdora",
                exact(130.0, "130"),
                "2025-03-03",
                Some("the governor"),
            ),
            claim(
                "b",
                "2",
                "Valley Courier",
                "people/dead/valdora",
                exact(130.0, "130"),
                "2025-03-03",
                Some("the governor"),
            ),
            claim(
                "c",
                "3",
                "Wire Desk",
                "people/dead/valdora",
                exact(150.0, "150"),
                "2025-03-03",
                Some("the health ministry"),
            ),
        ];
        let comparison = compare(&claims, &CompareOptions::default());
        let cluster = &comparison.clusters[0];
        assert_eq!(cluster.claims.len(), 3);
        assert!((cluster.agreement - 1.0 / 3.0).abs() < 1e-9);
        assert_eq!(cluster.consensus.value, Some(130.0));
        let found = kinds(&comparison);
        assert_eq!(
            found,
            vec![
                ("a".into(), "c".into(), "conflict"),
                ("b".into(), "c".into(), "conflict")
            ]
        );
        let explanation = &cluster.discrepancies[0].explanation;
        assert!(
            explanation.contains("Harbour Post: 130 (the governor, 2025-03-03)"),
            "{explanation}"
        );
        assert!(
            explanation.contains("Wire Desk: 150 (the health ministry, 2025-03-03)"),
            "{explanation}"
        );
        assert!(
            explanation.contains("cannot both hold; 13% apart"),
            "{explanation}"
        );
    }

    #[test]
    fn a_later_figure_is_an_update_with_a_timeline() {
        let claims = vec![
            claim(
                "a",
                "1",
                "Harbour Post",
                "people/dead/valdora",
                exact(130.0, "130"),
                "2025-03-03",
                None,
            ),
            claim(
                "b",
                "2",
                "Valley Courier",
                "people/dead/valdora",
                exact(170.0, "170"),
                "2025-03-04",
                None,
            ),
            claim(
                "c",
                "3",
                "Wire Desk",
                "people/dead/valdora",
                (170.0, Qualifier::AtLeast, Some(170.0), None, "at least 170"),
                "2025-03-04",
                None,
            ),
        ];
        let comparison = compare(&claims, &CompareOptions::default());
        assert_eq!(
            kinds(&comparison),
            vec![
                ("a".into(), "b".into(), "update"),
                ("a".into(), "c".into(), "update")
            ]
        );
        let cluster = &comparison.clusters[0];
        assert_eq!(cluster.agreement, 1.0, "same-day claims agree");
        assert_eq!(cluster.timeline.len(), 2);
        assert_eq!(cluster.consensus.value, Some(170.0));
        assert_eq!(cluster.consensus.low, Some(170.0));
    }

    #[test]
    fn compatible_hedges_raise_nothing_and_min_severity_filters() {
        let claims = vec![
            claim(
                "a",
                "1",
                "A",
                "hostages/held/gaza",
                (48.0, Qualifier::Approx, Some(45.6), Some(50.4), "about 48"),
                "2025-05-19",
                None,
            ),
            claim(
                "b",
                "2",
                "B",
                "hostages/held/gaza",
                exact(50.0, "50"),
                "2025-05-19",
                None,
            ),
            claim(
                "c",
                "3",
                "C",
                "hostages/held/gaza",
                (8.0, Qualifier::AtLeast, Some(8.0), None, "at least 8"),
                "2025-05-19",
                None,
            ),
            claim(
                "d",
                "4",
                "D",
                "hostages/held/gaza",
                exact(59.0, "59"),
                "2025-05-19",
                None,
            ),
        ];
        let all = compare(&claims, &CompareOptions::default());
        assert_eq!(kinds(&all).len(), 2, "{:?}", kinds(&all));
        // 50 vs 59: 9 / 59 = 0.153; about 48 [45.6, 50.4] vs 59: 8.6 / 59 = 0.146.
        let severe = compare(&claims, &CompareOptions { min_severity: 0.15 });
        assert_eq!(kinds(&severe), vec![("b".into(), "d".into(), "conflict")]);
    }

    #[test]
    fn scope_is_reported_on_the_wider_cluster() {
        let claims = vec![
            claim(
                "a",
                "1",
                "A",
                "hostages/held/gaza",
                (48.0, Qualifier::Approx, Some(45.6), Some(50.4), "about 48"),
                "2025-05-19",
                None,
            ),
            claim(
                "b",
                "2",
                "B",
                "hostages/held/gaza-city",
                (8.0, Qualifier::AtLeast, Some(8.0), None, "at least eight"),
                "2025-05-19",
                Some("the group"),
            ),
        ];
        let comparison = compare(&claims, &CompareOptions::default());
        assert_eq!(kinds(&comparison), vec![("a".into(), "b".into(), "scope")]);
        let wide = comparison
            .clusters
            .iter()
            .find(|c| c.key == "hostages/held/gaza")
            .map(|c| c.discrepancies.len());
        assert_eq!(wide, Some(1));
    }

    #[test]
    fn parts_against_the_whole_inside_one_article() {
        let consistent = vec![
            claim(
                "h",
                "seed",
                "E",
                "hostages/held/gaza",
                (
                    48.0,
                    Qualifier::Approx,
                    Some(45.6),
                    Some(50.4),
                    "approximately 48",
                ),
                "2025-05-19",
                None,
            ),
            claim(
                "a",
                "seed",
                "E",
                "hostages/alive/gaza",
                (20.0, Qualifier::Approx, Some(15.0), Some(25.0), "around 20"),
                "2025-05-19",
                None,
            ),
            claim(
                "d",
                "seed",
                "E",
                "hostages/dead/gaza",
                (30.0, Qualifier::AtMost, None, Some(30.0), "up to 30"),
                "2025-05-19",
                None,
            ),
        ];
        assert!(internal_inconsistencies(&consistent).is_empty());
        let broken = vec![
            claim(
                "h",
                "x",
                "E",
                "hostages/held/gaza",
                exact(48.0, "48"),
                "2025-05-19",
                None,
            ),
            claim(
                "a",
                "x",
                "E",
                "hostages/alive/gaza",
                exact(20.0, "20"),
                "2025-05-19",
                None,
            ),
            claim(
                "d",
                "x",
                "E",
                "hostages/dead/gaza",
                exact(35.0, "35"),
                "2025-05-19",
                None,
            ),
        ];
        let found = internal_inconsistencies(&broken);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].claims, ["h", "a", "d"]);
        assert!(
            found[0]
                .explanation
                .contains("20 alive + 35 dead add up to 55, which cannot equal 48 held"),
            "{}",
            found[0].explanation
        );
        let too_many_alive = vec![
            claim(
                "h",
                "y",
                "E",
                "hostages/held/gaza",
                exact(48.0, "48"),
                "2025-05-19",
                None,
            ),
            claim(
                "a",
                "y",
                "E",
                "hostages/alive/gaza",
                exact(60.0, "60"),
                "2025-05-19",
                None,
            ),
        ];
        assert_eq!(internal_inconsistencies(&too_many_alive).len(), 1);
    }

    #[test]
    fn misquotes_show_the_differing_words() {
        let quote = |id: &str, article: &str, text: &str| Claim {
            kind: ClaimKind::Quote,
            quantity: None,
            key: None,
            quote: Some(Quote {
                speaker: Some("Donald Trump".into()),
                text: text.into(),
            }),
            ..claim(
                id,
                article,
                &format!("Outlet {article}"),
                "x",
                exact(0.0, ""),
                "2025-05-19",
                None,
            )
        };
        let claims = vec![
            quote("a", "1", "Release the hostages and good things will happen"),
            quote("b", "2", "Release the hostages and good things will happen"),
            quote("c", "3", "Free the hostages and good things can happen"),
        ];
        let comparison = compare(&claims, &CompareOptions::default());
        let cluster = &comparison.clusters[0];
        assert_eq!(cluster.claims.len(), 3);
        assert!((cluster.agreement - 1.0 / 3.0).abs() < 1e-9);
        // One wording against the other: one discrepancy standing for both pairs.
        assert_eq!(cluster.discrepancies.len(), 1);
        let d = &cluster.discrepancies[0];
        assert_eq!(d.kind, DiscrepancyType::Misquote);
        assert_eq!((d.a_claims.len(), d.b_claims.len(), d.pairs), (2, 1, 2));
        assert!(
            d.explanation.contains("[release will]") && d.explanation.contains("[free can]"),
            "{}",
            d.explanation
        );
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        fn quantity() -> impl Strategy<Value = (f64, Qualifier, Option<f64>, Option<f64>)> {
            (1.0..1000.0f64, 0usize..5, 0.0..50.0f64).prop_map(|(v, q, w)| match q {
                0 => (v, Qualifier::Exact, Some(v), Some(v)),
                1 => (v, Qualifier::Approx, Some((v - w).max(0.0)), Some(v + w)),
                2 => (v, Qualifier::AtLeast, Some(v), None),
                3 => (v, Qualifier::AtMost, None, Some(v)),
                _ => (v, Qualifier::Range, Some(v), Some(v + w)),
            })
        }

        fn claims_of(qs: &[(f64, Qualifier, Option<f64>, Option<f64>)]) -> Vec<Claim> {
            qs.iter()
                .enumerate()
                .map(|(i, q)| {
                    claim(
                        &format!("c{i}"),
                        &format!("a{i}"),
                        &format!("Outlet {i}"),
                        "people/dead/valdora",
                        (q.0, q.1, q.2, q.3, "figure"),
                        "2025-05-19",
                        None,
                    )
                })
                .collect()
        }

        proptest! {
            #[test]
            fn agreement_is_in_range_and_ignores_order(qs in prop::collection::vec(quantity(), 1..8)) {
                let forward = compare(&claims_of(&qs), &CompareOptions::default());
                let mut reversed_claims = claims_of(&qs);
                reversed_claims.reverse();
                let backward = compare(&reversed_claims, &CompareOptions::default());
                let a = forward.clusters[0].agreement;
                prop_assert!((0.0..=1.0).contains(&a));
                prop_assert!((a - backward.clusters[0].agreement).abs() < 1e-12);
                let count = |c: &Comparison| c.clusters[0].discrepancies.len();
                prop_assert_eq!(count(&forward), count(&backward));
            }

            #[test]
            fn a_claim_never_conflicts_with_itself(q in quantity()) {
                let comparison = compare(&claims_of(&[q, q]), &CompareOptions::default());
                prop_assert_eq!(comparison.clusters[0].agreement, 1.0);
                prop_assert!(comparison.clusters[0].discrepancies.is_empty());
            }

            #[test]
            fn widening_a_claim_never_creates_a_conflict(qs in prop::collection::vec(quantity(), 2..6), pick in 0usize..6, widen in 0.0..100.0f64) {
                let before = compare(&claims_of(&qs), &CompareOptions::default());
                let mut wider = qs.clone();
                let i = pick % wider.len();
                let (v, _, low, high) = wider[i];
                wider[i] = (v, Qualifier::Range, Some(low.map_or(0.0, |l| (l - widen).max(0.0))), high.map(|h| h + widen));
                if wider[i].3.is_none() {
                    wider[i].1 = Qualifier::AtLeast;
                }
                let after = compare(&claims_of(&wider), &CompareOptions::default());
                let conflicts = |c: &Comparison| c.clusters[0].discrepancies.iter().filter(|d| d.a == format!("c{i}") || d.b == format!("c{i}")).count();
                prop_assert!(conflicts(&after) <= conflicts(&before));
                prop_assert!(after.clusters[0].agreement >= before.clusters[0].agreement - 1e-12);
            }
        }
    }
}
