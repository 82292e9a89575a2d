//! `compare` owns judging claims about the same thing: whether their intervals can both
//! hold, agreement and consensus per cluster, typed discrepancies (conflict, update, scope,
//! misquote) with severities and explanations a person can check, and parts-versus-whole
//! consistency inside one article. It gets [`Claim`]s and [`matching`](crate::matching)'s
//! groups; it never reads the index.

mod internal;
/// Interval reasoning lives below the stages ([`crate::interval`]); compare re-exports it
/// for callers that name it here.
pub use crate::interval;
mod positions;
mod quantity;
mod quotes;
mod scope;

use std::collections::{BTreeMap, BTreeSet, HashMap};

pub use internal::internal_inconsistencies;
pub use interval::{severity, Interval};
pub use positions::MAX_COMPARED_POSITIONS;
pub use quantity::{claimant_head, describe, effective_dates};

use positions::*;
use quantity::*;
use quotes::*;
use scope::*;

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

/// Compares every group of claims about the same thing. Claims of different stories are
/// never about the same thing: they are grouped and compared story by story, so the work
/// (and memory) of a step is bounded by the largest story.
pub fn compare(claims: &[Claim], options: &CompareOptions) -> Comparison {
    let mut by_story: BTreeMap<Option<&str>, Vec<usize>> = BTreeMap::new();
    for (i, claim) in claims.iter().enumerate() {
        by_story.entry(claim.story.as_deref()).or_default().push(i);
    }
    if by_story.len() <= 1 {
        let groups = matching::group_claims(claims);
        let mut comparison = compare_groups(claims, &groups, options);
        let story = claims.first().and_then(|c| c.story.clone());
        for cluster in &mut comparison.clusters {
            set_story(cluster, story.as_deref());
        }
        return comparison;
    }
    let mut all = Comparison::default();
    for (story, members) in by_story {
        let part: Vec<Claim> = members.iter().map(|&i| claims[i].clone()).collect();
        let groups = matching::group_claims(&part);
        let comparison = compare_groups(&part, &groups, options);
        for mut cluster in comparison.clusters {
            set_story(&mut cluster, story);
            all.clusters.push(cluster);
        }
        all.internal.extend(comparison.internal);
    }
    sort_clusters(&mut all.clusters);
    all
}

/// Marks a cluster as its story's; the id includes the story, so the same quantity in two
/// stories has two ids.
fn set_story(cluster: &mut Cluster, story: Option<&str>) {
    if let Some(story) = story {
        cluster.cluster_id = cluster_id(&format!("{story}\u{0}{}", cluster.cluster_id));
        cluster.story = Some(story.to_owned());
    }
}

/// Most severe first, then the biggest clusters.
fn sort_clusters(clusters: &mut [Cluster]) {
    clusters.sort_by(|a, b| {
        let worst = |c: &Cluster| c.discrepancies.first().map_or(-1.0, |d| d.severity);
        worst(b)
            .total_cmp(&worst(a))
            .then(b.claims.len().cmp(&a.claims.len()))
            .then(a.story.cmp(&b.story))
            .then(a.key.cmp(&b.key))
    });
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
    sort_clusters(&mut clusters);
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

/// Numbers as people write them, for explanations.
pub fn figure(n: f64) -> String {
    number_text(n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Attribution, Certainty, Frame, Qualifier, Quantity, Quote};

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
            story: None,
            frame: Frame::from_key(key),
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
    fn a_figure_only_steps_away_from_its_conflict_still_stands_on_the_timeline() {
        // 40 missing on the 2nd, "dozens" on the 3rd (agrees with both), about 70 on the
        // 4th: 40 and 70 are two steps apart, and 40 has no update without this one
        let claims = vec![
            claim(
                "a",
                "1",
                "A",
                "people/missing/valdora",
                exact(40.0, "40"),
                "2025-03-02",
                None,
            ),
            claim(
                "b",
                "2",
                "B",
                "people/missing/valdora",
                (61.5, Qualifier::Range, Some(24.0), Some(99.0), "dozens"),
                "2025-03-03",
                None,
            ),
            claim(
                "c",
                "3",
                "C",
                "people/missing/valdora",
                (70.0, Qualifier::Approx, Some(65.0), Some(75.0), "about 70"),
                "2025-03-04",
                None,
            ),
            claim(
                "d",
                "4",
                "D",
                "people/missing/valdora",
                exact(52.0, "52"),
                "2025-03-05",
                None,
            ),
        ];
        let comparison = compare(&claims, &CompareOptions::default());
        assert_eq!(
            kinds(&comparison),
            vec![
                ("a".into(), "c".into(), "update"),
                ("c".into(), "d".into(), "update")
            ]
        );
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

    /// A quote of Donald Trump in outlet `article`.
    fn quote(id: &str, article: &str, text: &str) -> Claim {
        Claim {
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
        }
    }

    #[test]
    fn misquotes_show_the_differing_words() {
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

    #[test]
    fn a_fragment_is_not_a_misquote() {
        let claims = vec![
            quote(
                "a",
                "1",
                "We will rebuild every school on this coast before the next rains come",
            ),
            quote("b", "2", "rebuild every school on this coast"),
        ];
        let comparison = compare(&claims, &CompareOptions::default());
        let cluster = &comparison.clusters[0];
        assert_eq!(cluster.claims.len(), 2);
        assert!(
            cluster.discrepancies.is_empty(),
            "{:?}",
            cluster.discrepancies
        );
        assert_eq!(cluster.agreement, 1.0);
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
