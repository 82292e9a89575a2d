//! Positions: the claims of a cluster that hold one figure (one interval as of one date), and
//! discrepancies stated between two positions with every claim on each side.

use super::*;

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
pub(super) struct Holders<'c> {
    /// The claims, in the group's order.
    pub(super) members: Vec<usize>,
    /// How many of the members each article holds: pairs inside one article are left out.
    pub(super) per_article: rustc_hash::FxHashMap<&'c str, usize>,
    /// The members' claim ids as a discrepancy lists them, by representative, made once.
    pub(super) listed: std::cell::RefCell<HashMap<usize, std::sync::Arc<[String]>>>,
}

impl<'c> Holders<'c> {
    pub(super) fn push(&mut self, claims: &'c [Claim], i: usize) {
        self.members.push(i);
        *self
            .per_article
            .entry(claims[i].article_id.as_str())
            .or_default() += 1;
    }

    /// Every member's claim id, `rep` first, shared by all discrepancies that list them.
    pub(super) fn listed(&self, claims: &[Claim], rep: usize) -> std::sync::Arc<[String]> {
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
    pub(super) fn inner_pairs(&self) -> usize {
        let n = self.members.len();
        let same: usize = self.per_article.values().map(|k| k * (k - 1) / 2).sum();
        n * (n - 1) / 2 - same
    }

    /// Pairs of one member of each from different articles.
    pub(super) fn cross_pairs(&self, other: &Holders) -> usize {
        // the articles holding both: looked up from the side with fewer articles (a figure
        // a hundred outlets repeat is compared with hundreds of one-article figures)
        if self.per_article.len() > other.per_article.len() {
            return other.cross_pairs(self);
        }
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
pub(super) struct Position<'c> {
    pub(super) holders: Holders<'c>,
    pub(super) interval: Interval,
    pub(super) date: Option<&'c str>,
}

pub(super) fn positions<'c>(
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

/// At most [`MAX_COMPARED_POSITIONS`] positions (in their order), and how many were left
/// out. Kept first: positions reported by the most articles, then by the most claims; among
/// equals, each article's first figure before any article's second, so that what is kept
/// can still be compared across outlets (two articles of 5,000 figures each keep 500 of
/// each, not 1,000 of the first).
pub(super) fn most_supported(mut positions: Vec<Position<'_>>) -> (Vec<Position<'_>>, usize) {
    let left_out = positions.len().saturating_sub(MAX_COMPARED_POSITIONS);
    if left_out > 0 {
        let mut seen_per_article: HashMap<&str, usize> = HashMap::new();
        let rank: Vec<(std::cmp::Reverse<usize>, std::cmp::Reverse<usize>, usize)> = positions
            .iter()
            .map(|p| {
                let first_article = p
                    .holders
                    .per_article
                    .keys()
                    .min()
                    .copied()
                    .unwrap_or_default();
                let turn = seen_per_article.entry(first_article).or_default();
                *turn += 1;
                (
                    std::cmp::Reverse(p.holders.per_article.len()),
                    std::cmp::Reverse(p.holders.members.len()),
                    *turn,
                )
            })
            .collect();
        let mut order: Vec<usize> = (0..positions.len()).collect();
        order.sort_by_key(|&p| (rank[p], p));
        let kept: std::collections::HashSet<usize> =
            order.into_iter().take(MAX_COMPARED_POSITIONS).collect();
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
pub(super) fn representative_pair(
    claims: &[Claim],
    p: &Holders,
    q: &Holders,
) -> Option<(usize, usize)> {
    p.members.iter().find_map(|&i| {
        q.members
            .iter()
            .find(|&&j| claims[i].article_id != claims[j].article_id)
            .map(|&j| (i, j))
    })
}

/// A discrepancy between two positions, stated for the representative claims `a` and `b`
/// and listing every claim of each side.
pub(super) fn between_positions(
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
