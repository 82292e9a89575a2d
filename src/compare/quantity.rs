//! Quantity clusters: the date each figure refers to, agreement, consensus, conflicts and
//! updates between positions, and the timeline.

use super::*;

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

pub(super) fn quantity_cluster(claims: &[Claim], group: &ClaimGroup) -> Cluster {
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
    // positions some discrepancy lists; pairs of positions too many steps apart to list
    let mut listed = vec![false; positions.len()];
    // (position, position, steps apart, pairs of claims across them)
    let mut skipped: Vec<(usize, usize, usize, usize)> = Vec::new();
    for (n, p) in positions.iter().enumerate() {
        let inner = p.holders.inner_pairs();
        same_time_pairs += inner;
        if p.interval.overlaps(&p.interval) {
            compatible_pairs += inner;
        }
        for (m, q) in positions.iter().enumerate().skip(n + 1) {
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
                if let Some(steps) = step(x).zip(step(y)).map(|(x, y)| x.abs_diff(y)) {
                    if steps > 1 {
                        skipped.push((n, m, steps, pairs));
                        continue;
                    }
                }
            }
            if let Some(discrepancy) = discrepancy_between(claims, (p, q), pairs, different_times) {
                discrepancies.push(discrepancy);
                listed[n] = true;
                listed[m] = true;
            }
        }
    }
    // A figure no listed discrepancy names, but that cannot hold with a figure some steps
    // away (an "at least 80" that agrees with the next day's figures, after a 36), still
    // stands on the timeline: one update against the nearest such step.
    for k in 0..positions.len() {
        if listed[k] {
            continue;
        }
        let nearest = skipped
            .iter()
            .filter(|(n, m, _, _)| *n == k || *m == k)
            .min_by_key(|(n, m, steps, _)| (*steps, *n.min(m)));
        if let Some(&(n, m, _, pairs)) = nearest {
            if let Some(discrepancy) =
                discrepancy_between(claims, (&positions[n], &positions[m]), pairs, true)
            {
                discrepancies.push(discrepancy);
                listed[n] = true;
                listed[m] = true;
            }
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
        story: None,
    }
}

/// The discrepancy between two incompatible positions: an update when they are of
/// different dates, else a conflict. `None` when no claim can stand for a side.
fn discrepancy_between(
    claims: &[Claim],
    (p, q): (&Position, &Position),
    pairs: usize,
    different_times: bool,
) -> Option<Discrepancy> {
    let (from_p, from_q) = representative_pair(claims, &p.holders, &q.holders)?;
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
    Some(discrepancy)
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

pub(super) fn quantity_label(group: &ClaimGroup) -> String {
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

pub(super) fn title_case(slug: &str) -> String {
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
pub(super) fn consensus(
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
pub(super) fn best_supported_point(
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

pub(super) fn timeline(
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
