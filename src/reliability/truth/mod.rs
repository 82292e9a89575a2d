//! Iterative truth discovery: source reliabilities and object truths estimated together.
//!
//! # Method
//! Claims are grouped by object and as-of date (a claim without a date joins its object's
//! latest date): an older figure is only compared with claims of its own date, so a figure
//! superseded later is not an error. The reported truth of an object is that of its latest
//! date. Each group's candidates are the values claimed in it, so a truth is always one of
//! the claimed values.
//!
//! Every round (Accu-style vote counts, Dong, Berti-Equille & Srivastava, VLDB 2009):
//! 1. A source with reliability `A` casts a vote of `τ = ln(n·A / (1 − A))` (`n` =
//!    [`Params::n_false`]) for every candidate its claim allows: its own value and, for a
//!    hedged claim, every candidate inside its interval (a truth inside the interval costs
//!    nothing). A numeric claim also lends `ρ·exp(−|a−b| / (s·max(|a|,|b|,1)))` of its vote
//!    to a nearby candidate `b` (`ρ` = [`Params::similarity_weight`], `s` =
//!    [`Params::similarity_scale`]; TruthFinder's "similar values support each other").
//! 2. Dependence: a claim relayed from a claimant votes as that claimant, once per group,
//!    however many outlets relay it. Among the sources voting for the same value, sorted by
//!    reliability, each vote is multiplied by `Π (1 − d·P(copy with an earlier voter))`
//!    (`d` = [`Params::copy_discount`], off by default, see there); `P(copy)` comes from
//!    AccuCopy's likelihood ratio over
//!    all objects the two share: identical wrong values are strong evidence of copying,
//!    identical right values weak, different values evidence of independence.
//! 3. Candidate probabilities are the softmax of the summed votes; the truth is the most
//!    probable candidate (ties: more direct supporters, then the smaller value key).
//! 4. A source's reliability is the posterior mean of a Beta prior ([`Params::prior_mean`],
//!    [`Params::prior_strength`]) updated with one soft observation per checkable claim: the
//!    probability, from step 3's posterior over the group's candidates, that the truth lies
//!    in what the claim allows (Accu's accuracy update, the E-step of EM as in Dawid & Skene
//!    1979). The posterior shares a dispute's credit between its sides: when two sources of
//!    similar standing disagree alone, each gets about one half, and the shares sum to one
//!    because the truth is one of the claimed values. A leave-one-out probability (from the
//!    *other* sources' votes only), used before, judged each side by the other's vote alone
//!    and so charged *both* nearly a full error. That cost is the same for every source but
//!    weighs differently: a source with few claims paid for each dispute with a bulk source
//!    almost in full, while the bulk source's thousands of agreements absorbed it, so
//!    careful editors sank below the prior and then lost every later dispute with the bulk
//!    source (`BENCHMARKS.md`: Population 234 → 237 of 277 right, Flights unchanged).
//!    A claim is checkable when at least one other independent voter speaks about the same
//!    group; a claim nobody else addresses is no evidence either way (alone, its value is
//!    the posterior's certain truth), so it counts at the prior mean with weight
//!    [`Params::unchecked_weight`] (reliability is the expected accuracy over all of a
//!    source's claims, and an unchecked claim's expected accuracy is the prior's). A bulk
//!    source checked on few of its claims therefore stays near the prior rather than being
//!    rated only on the claims others repeat.
//!
//! Rounds repeat until no reliability moves by more than [`Params::tolerance`] or
//! [`Params::max_rounds`] is reached. Everything is deterministic and independent of input
//! order (sources, groups and candidates are sorted; sums run in a fixed order).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

use rayon::prelude::*;

use super::{Observation, SourceKind, Value};

/// The method's parameters: set once for all data, never per dataset.
#[derive(Debug, Clone, PartialEq)]
pub struct Params {
    /// Prior mean reliability of a source never checked: 0.7, "usually right", the
    /// accuracy the literature reports for typical web sources (Li et al. 2012 find the
    /// majority wrong on ~30% of items, so most sources are right well under 90%).
    pub prior_mean: f64,
    /// Weight of the prior in claims: 2, so two checked claims weigh as much as the prior
    /// and a source with two claims keeps a wide interval.
    pub prior_strength: f64,
    /// Number of plausible wrong values per object in the vote count: 5. Sets how much a
    /// reliable source outweighs an unreliable one (Accu's `n`).
    pub n_false: f64,
    /// Share of a numeric vote lent to nearby values: 0.3.
    pub similarity_weight: f64,
    /// Relative distance at which that share falls by `e`: 0.01 (1%).
    pub similarity_scale: f64,
    /// Prior probability that two sources sharing objects copy: 0.2 (AccuCopy's α).
    pub copy_prior: f64,
    /// Probability a copier copies a given value: 0.8 (AccuCopy's c).
    pub copy_rate: f64,
    /// Copy probability from which a pair is reported: 0.9.
    pub copy_report: f64,
    /// How much a likely copier's vote is discounted, `1 − d·P(copy)`: 0 (off). AccuCopy
    /// discounts fully; on the Flights benchmark the largest copying cluster copies a
    /// *reliable* provider, and discounting it (d = 0.1 … 0.8) cut accuracy from 0.93 to
    /// 0.78 … 0.65, so copies are detected and reported but their votes are not cut.
    /// Explicit dependence (`relayed_from`) is always enforced: one vote per claimant.
    pub copy_discount: f64,
    /// Weight, in the reliability estimate, of each claim no other source addresses: 1.
    /// Reliability is a source's expected accuracy over *all* its claims; a claim nobody
    /// else addresses cannot be checked, so its expected accuracy is the prior mean, and it
    /// counts as one pseudo-observation at [`Params::prior_mean`]. A source checked on a
    /// small share of its claims (a bulk importer whose figures mostly nobody else gives)
    /// thus stays near the prior instead of being rated on the few that others repeat;
    /// a source checked on all its claims is rated on them alone, as before.
    pub unchecked_weight: f64,
    pub max_rounds: usize,
    pub tolerance: f64,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            prior_mean: 0.7,
            prior_strength: 2.0,
            n_false: 5.0,
            similarity_weight: 0.3,
            similarity_scale: 0.01,
            copy_prior: 0.2,
            copy_rate: 0.8,
            copy_report: 0.9,
            copy_discount: 0.0,
            unchecked_weight: 1.0,
            max_rounds: 50,
            tolerance: 1e-4,
        }
    }
}

/// Reliabilities are kept inside this range so votes stay finite.
const A_MIN: f64 = 0.01;
const A_MAX: f64 = 0.99;
/// 90% two-sided normal quantile, for the reliability interval.
const Z90: f64 = 1.645;

/// The estimated truth of one object.
#[derive(Debug, Clone, PartialEq)]
pub struct TruthEstimate {
    pub object: String,
    /// The as-of date the truth is for (the object's latest).
    pub date: Option<String>,
    pub value: Option<Value>,
    /// Interval of the truth: `None` for a point value.
    pub low: Option<f64>,
    pub high: Option<f64>,
    /// Probability of the chosen value among the candidates.
    pub confidence: f64,
    /// Sources whose claims allow the truth.
    pub support: Vec<String>,
}

/// One source's estimate and evidence.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceEstimate {
    pub name: String,
    pub kind: SourceKind,
    /// Posterior mean reliability in [0, 1].
    pub reliability: f64,
    /// 90% credible interval of `reliability`.
    pub low: f64,
    pub high: f64,
    pub claims: usize,
    /// Claims only relayed from a claimant.
    pub relayed: usize,
    pub agreed: usize,
    pub conflicted: usize,
    /// Sources it most likely copies from / shares an origin with, with probability.
    pub copies: Vec<(String, f64)>,
    pub explanation: String,
}

/// Result of [`discover`].
#[derive(Debug, Clone, PartialEq)]
pub struct Discovery {
    pub truths: Vec<TruthEstimate>,
    pub sources: Vec<SourceEstimate>,
    pub rounds: usize,
}

impl Group {
    /// The shares vote `vote` gives each candidate.
    fn support_of(&self, vote: usize) -> &[f64] {
        let n = self.candidates.len();
        &self.support[vote * n..(vote + 1) * n]
    }
}

struct Vote {
    voter: u32,
    /// Index of the observation behind the vote (for interval checks).
    obs: usize,
    /// Candidate of the vote's own value.
    cand: u32,
}

struct Group {
    object: Arc<str>,
    date: Option<Arc<str>>,
    latest: bool,
    candidates: Vec<Value>,
    /// One vote per (voter, candidate), sorted.
    votes: Vec<Vote>,
    /// The share of vote v given to candidate c, at `v * candidates + c` (one allocation
    /// per group, not per vote: a corpus has millions of votes).
    support: Vec<f64>,
    /// Observations of the group (for outlet evidence and support lists).
    obs: Vec<usize>,
}

/// Runs truth discovery on `observations` with `params`.
pub fn discover(observations: &[Observation], params: &Params) -> Discovery {
    // Sources: every claim's source and every claimant relayed from, sorted by name.
    let mut kinds: BTreeMap<Arc<str>, SourceKind> = BTreeMap::new();
    for o in observations {
        let k = kinds.entry(o.source.clone()).or_insert(o.kind);
        if o.kind == SourceKind::Claimant {
            *k = SourceKind::Claimant;
        }
        if let Some(r) = &o.relayed_from {
            kinds.entry(r.clone()).or_insert(SourceKind::Claimant);
        }
    }
    let names: Vec<String> = kinds.keys().map(|k| k.to_string()).collect();
    let id: HashMap<&str, u32> = names
        .iter()
        .enumerate()
        .map(|(i, n)| (n.as_str(), i as u32))
        .collect();
    let ns = names.len();
    let sid = |n: &str| id.get(n).copied().unwrap_or(0);

    // Groups by (object, as-of date); undated claims join the object's latest date.
    let mut latest: HashMap<&str, Option<&Arc<str>>> = HashMap::new();
    for o in observations {
        let e = latest.entry(&*o.object).or_insert(None);
        if let Some(d) = o.date.as_ref() {
            if e.is_none_or(|cur| d > cur) {
                *e = Some(d);
            }
        }
    }
    type GroupKey = (Arc<str>, Option<Arc<str>>);
    let mut by_group: BTreeMap<GroupKey, Vec<usize>> = BTreeMap::new();
    for (i, o) in observations.iter().enumerate() {
        let date = o
            .date
            .clone()
            .or_else(|| latest.get(&*o.object).copied().flatten().cloned());
        by_group
            .entry((o.object.clone(), date))
            .or_default()
            .push(i);
    }
    let mut groups: Vec<Group> = by_group
        .into_iter()
        .map(|((object, date), mut obs)| {
            obs.sort_by(|&a, &b| obs_order(&observations[a], &observations[b]));
            let is_latest = latest.get(&*object).copied().flatten() == date.as_ref();
            build_group(object, date, is_latest, obs, observations, &sid, params)
        })
        .collect();
    groups.shrink_to_fit();

    let mut acc = vec![params.prior_mean; ns];
    // Claims per source (one per group it votes in): those not checked count at the prior.
    let mut total = vec![0.0_f64; ns];
    for g in &groups {
        let voters: BTreeSet<u32> = g.votes.iter().map(|v| v.voter).collect();
        for v in voters {
            total[v as usize] += 1.0;
        }
    }
    let mut dep: HashMap<(u32, u32), f64> = HashMap::new();
    let mut rounds = 0;
    let mut results: Vec<GroupResult> = Vec::new();
    while rounds < params.max_rounds {
        rounds += 1;
        let tau: Vec<f64> = acc.iter().map(|&a| vote_weight(a, params)).collect();
        results = groups
            .par_iter()
            .map(|g| score_group(g, &acc, &tau, &dep, params))
            .collect();
        let mut num = vec![0.0; ns];
        let mut den = vec![0.0_f64; ns];
        for r in &results {
            for &(v, e) in &r.evidence {
                num[v as usize] += e;
                den[v as usize] += 1.0;
            }
        }
        let new_acc: Vec<f64> = (0..ns)
            .map(|s| {
                let a = (num[s] + params.prior_mean * strength(total[s], den[s], params))
                    / (den[s] + strength(total[s], den[s], params));
                a.clamp(A_MIN, A_MAX)
            })
            .collect();
        let delta = new_acc
            .iter()
            .zip(&acc)
            .map(|(a, b)| (a - b).abs())
            .fold(0.0, f64::max);
        acc = new_acc;
        dep = copy_probabilities(&groups, &results, &acc, params);
        if delta < params.tolerance && rounds > 1 {
            break;
        }
    }
    if results.is_empty() {
        // max_rounds == 0: one scoring pass so there is something to report.
        let tau: Vec<f64> = acc.iter().map(|&a| vote_weight(a, params)).collect();
        results = groups
            .par_iter()
            .map(|g| score_group(g, &acc, &tau, &dep, params))
            .collect();
    }

    finish(
        observations,
        &names,
        &kinds,
        &groups,
        &results,
        &acc,
        &dep,
        rounds,
        params,
    )
}

fn obs_order(a: &Observation, b: &Observation) -> std::cmp::Ordering {
    a.source
        .cmp(&b.source)
        .then_with(|| a.relayed_from.cmp(&b.relayed_from))
        .then_with(|| a.value.key().cmp(&b.value.key()))
        .then_with(|| a.low.map(f64::to_bits).cmp(&b.low.map(f64::to_bits)))
        .then_with(|| a.high.map(f64::to_bits).cmp(&b.high.map(f64::to_bits)))
}

fn build_group(
    object: Arc<str>,
    date: Option<Arc<str>>,
    latest: bool,
    obs: Vec<usize>,
    observations: &[Observation],
    sid: &dyn Fn(&str) -> u32,
    params: &Params,
) -> Group {
    let mut cands: BTreeMap<String, Value> = BTreeMap::new();
    for &i in &obs {
        let v = &observations[i].value;
        cands.entry(v.key()).or_insert_with(|| v.clone());
    }
    if cands.len() > MAX_CANDIDATES {
        keep_most_claimed(&mut cands, &obs, observations);
    }
    let cand_index: HashMap<&str, u32> = cands
        .keys()
        .enumerate()
        .map(|(i, k)| (k.as_str(), i as u32))
        .collect();
    let candidates: Vec<Value> = cands.values().cloned().collect();
    // One vote per (voter, candidate): a claimant relayed by several outlets votes once.
    let mut seen: BTreeSet<(u32, u32)> = BTreeSet::new();
    let mut votes = Vec::new();
    for &i in &obs {
        let o = &observations[i];
        let voter = sid(o.relayed_from.as_deref().unwrap_or(&o.source));
        // A value left out by the candidate cap has no vote here.
        let Some(cand) = cand_index.get(o.value.key().as_str()).copied() else {
            continue;
        };
        if seen.insert((voter, cand)) {
            votes.push(Vote {
                voter,
                obs: i,
                cand,
            });
        }
    }
    votes.sort_by_key(|v| (v.voter, v.cand));
    let support = votes
        .iter()
        .flat_map(|v| {
            let o = &observations[v.obs];
            candidates.iter().map(move |c| support_share(o, c, params))
        })
        .collect();
    Group {
        object,
        date,
        latest,
        candidates,
        votes,
        support,
        obs,
    }
}

/// At most this many candidate values per object: every vote's support is computed for
/// every candidate, so an object with thousands of distinct claimed values (one article
/// repeating a sentence with a new figure each time) would cost votes × candidates in time
/// and memory. Real objects have a few dozen at most (the Flights benchmark: 38 sources).
pub const MAX_CANDIDATES: usize = 500;

/// Keeps the [`MAX_CANDIDATES`] values claimed most often (ties: in key order).
fn keep_most_claimed(
    cands: &mut BTreeMap<String, Value>,
    obs: &[usize],
    observations: &[Observation],
) {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for &i in obs {
        *counts.entry(observations[i].value.key()).or_default() += 1;
    }
    let mut ranked: Vec<(&String, usize)> = cands
        .keys()
        .map(|k| (k, counts.get(k).copied().unwrap_or(0)))
        .collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let kept: BTreeSet<String> = ranked
        .into_iter()
        .take(MAX_CANDIDATES)
        .map(|(k, _)| k.clone())
        .collect();
    cands.retain(|k, _| kept.contains(k));
}

/// Share of a claim's vote given to candidate `c`: 1 when the claim allows `c`, else the
/// similarity share for numbers, else 0.
pub fn support_share(o: &Observation, c: &Value, params: &Params) -> f64 {
    if o.allows(c) {
        return 1.0;
    }
    match (o.value.as_num(), c.as_num()) {
        (Some(a), Some(b)) if params.similarity_weight > 0.0 => {
            let scale = params.similarity_scale * a.abs().max(b.abs()).max(1.0);
            params.similarity_weight * (-(a - b).abs() / scale).exp()
        }
        _ => 0.0,
    }
}

/// Weight of the prior for a source with `claims` claims of which `checked` were checked:
/// [`Params::prior_strength`] plus [`Params::unchecked_weight`] per unchecked claim.
fn strength(claims: f64, checked: f64, params: &Params) -> f64 {
    params.prior_strength + params.unchecked_weight * (claims - checked).max(0.0)
}

fn vote_weight(a: f64, params: &Params) -> f64 {
    let a = a.clamp(A_MIN, A_MAX);
    (params.n_false * a / (1.0 - a)).ln()
}

struct GroupResult {
    /// Index of the chosen candidate.
    truth: usize,
    confidence: f64,
    /// (voter, posterior probability that the truth lies in what its claim allows).
    evidence: Vec<(u32, f64)>,
}

fn softmax(x: &[f64]) -> Vec<f64> {
    let m = x.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let e: Vec<f64> = x.iter().map(|v| (v - m).exp()).collect();
    let z: f64 = e.iter().sum();
    e.iter().map(|v| v / z).collect()
}

fn score_group(
    g: &Group,
    acc: &[f64],
    tau: &[f64],
    dep: &HashMap<(u32, u32), f64>,
    params: &Params,
) -> GroupResult {
    let nc = g.candidates.len();
    // Independence weights among voters of the same value, most reliable first.
    let mut weight = vec![1.0; g.votes.len()];
    for c in 0..nc as u32 {
        let mut same: Vec<usize> = (0..g.votes.len())
            .filter(|&i| g.votes[i].cand == c)
            .collect();
        same.sort_by(|&a, &b| {
            acc[g.votes[b].voter as usize]
                .total_cmp(&acc[g.votes[a].voter as usize])
                .then(g.votes[a].voter.cmp(&g.votes[b].voter))
        });
        for (k, &i) in same.iter().enumerate() {
            let vi = g.votes[i].voter;
            let mut w = 1.0;
            for &j in &same[..k] {
                let p = pair_get(dep, vi, g.votes[j].voter);
                w *= 1.0 - params.copy_discount * p;
            }
            weight[i] = w;
        }
    }
    let contrib: Vec<Vec<f64>> = g
        .votes
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let t = weight[i] * tau[v.voter as usize];
            g.support_of(i).iter().map(|s| s * t).collect()
        })
        .collect();
    let mut raw = vec![0.0; nc];
    for c in &contrib {
        for (r, x) in raw.iter_mut().zip(c) {
            *r += x;
        }
    }
    let p = softmax(&raw);
    let direct = |c: usize| g.votes.iter().filter(|v| v.cand as usize == c).count();
    let mut truth = 0;
    for c in 1..nc {
        let better = p[c] > p[truth] + 1e-12
            || ((p[c] - p[truth]).abs() <= 1e-12 && direct(c) > direct(truth));
        if better {
            truth = c;
        }
    }
    // Evidence (Accu's E-step): the posterior probability that the truth lies in what the
    // claim allows, only when another voter speaks in the group.
    let voters: BTreeSet<u32> = g.votes.iter().map(|v| v.voter).collect();
    let mut evidence = Vec::new();
    if voters.len() >= 2 {
        for (i, v) in g.votes.iter().enumerate() {
            let allowed: f64 = (0..nc)
                .filter(|&c| g.support_of(i)[c] >= 1.0)
                .map(|c| p[c])
                .sum();
            evidence.push((v.voter, allowed.clamp(0.0, 1.0)));
        }
    }
    GroupResult {
        truth,
        confidence: p[truth],
        evidence,
    }
}

fn pair_key(a: u32, b: u32) -> (u32, u32) {
    if a < b {
        (a, b)
    } else {
        (b, a)
    }
}

fn pair_get(dep: &HashMap<(u32, u32), f64>, a: u32, b: u32) -> f64 {
    dep.get(&pair_key(a, b)).copied().unwrap_or(0.0)
}

/// AccuCopy-style probability that two sources are dependent, from the objects they share:
/// `[same and true, same and false, different]` counts against their reliabilities.
fn copy_probabilities(
    groups: &[Group],
    results: &[GroupResult],
    acc: &[f64],
    params: &Params,
) -> HashMap<(u32, u32), f64> {
    let mut counts: HashMap<(u32, u32), [u32; 3]> = HashMap::new();
    for (g, r) in groups.iter().zip(results) {
        for (i, a) in g.votes.iter().enumerate() {
            for b in &g.votes[i + 1..] {
                if a.voter == b.voter {
                    continue;
                }
                let e = counts.entry(pair_key(a.voter, b.voter)).or_insert([0; 3]);
                if a.cand == b.cand {
                    if a.cand as usize == r.truth {
                        e[0] += 1;
                    } else {
                        e[1] += 1;
                    }
                } else {
                    e[2] += 1;
                }
            }
        }
    }
    let c = params.copy_rate;
    let prior_odds = params.copy_prior / (1.0 - params.copy_prior);
    counts
        .into_iter()
        .filter_map(|((a, b), [kt, kf, kd])| {
            let (aa, ab) = (acc[a as usize], acc[b as usize]);
            let pt = aa * ab;
            let pf = (1.0 - aa) * (1.0 - ab) / params.n_false;
            let pd = (1.0 - pt - pf).max(1e-9);
            let m = (aa + ab) / 2.0;
            let pt_dep = c * m + (1.0 - c) * pt;
            let pf_dep = c * (1.0 - m) + (1.0 - c) * pf;
            let pd_dep = (1.0 - c) * pd;
            let llr = f64::from(kt) * (pt_dep / pt).ln()
                + f64::from(kf) * (pf_dep / pf).ln()
                + f64::from(kd) * (pd_dep / pd).ln();
            let p = 1.0 / (1.0 + (-(llr + prior_odds.ln())).clamp(-50.0, 50.0).exp());
            (p > 1e-3).then_some(((a, b), p))
        })
        .collect()
}

#[allow(clippy::too_many_arguments)]
fn finish(
    observations: &[Observation],
    names: &[String],
    kinds: &BTreeMap<Arc<str>, SourceKind>,
    groups: &[Group],
    results: &[GroupResult],
    acc: &[f64],
    dep: &HashMap<(u32, u32), f64>,
    rounds: usize,
    params: &Params,
) -> Discovery {
    let ns = names.len();
    let mut claims = vec![0usize; ns];
    let mut relayed = vec![0usize; ns];
    let mut agreed = vec![0usize; ns];
    let mut conflicted = vec![0usize; ns];
    let mut evidence_n = vec![0.0; ns];
    let idx: HashMap<&str, usize> = names
        .iter()
        .enumerate()
        .map(|(i, n)| (n.as_str(), i))
        .collect();
    let mut truths = Vec::new();
    for (g, r) in groups.iter().zip(results) {
        let truth = g.candidates.get(r.truth);
        for &(v, _) in &r.evidence {
            evidence_n[v as usize] += 1.0;
        }
        let voters: BTreeSet<u32> = g.votes.iter().map(|v| v.voter).collect();
        let mut support = BTreeSet::new();
        for &i in &g.obs {
            let o = &observations[i];
            let Some(&s) = idx.get(&*o.source) else {
                continue;
            };
            claims[s] += 1;
            if o.relayed_from.is_some() {
                relayed[s] += 1;
            }
            let ok = truth.is_some_and(|t| o.allows(t));
            if ok {
                support.insert(o.source.to_string());
            }
            if voters.len() >= 2 {
                if ok {
                    agreed[s] += 1;
                } else {
                    conflicted[s] += 1;
                }
            }
        }
        // A claimant's relayed claims count once per group for it.
        let mut claimant_seen = BTreeSet::new();
        for &i in &g.obs {
            let o = &observations[i];
            let Some(c) = o.relayed_from.as_deref() else {
                continue;
            };
            let Some(&s) = idx.get(c) else { continue };
            if kinds
                .get(c)
                .is_some_and(|_| !claimant_seen.insert((s, o.value.key())))
            {
                continue;
            }
            if &*observations[i].source == c {
                continue;
            }
            claims[s] += 1;
            let ok = truth.is_some_and(|t| o.allows(t));
            if ok {
                support.insert(c.to_string());
            }
            if voters.len() >= 2 {
                if ok {
                    agreed[s] += 1;
                } else {
                    conflicted[s] += 1;
                }
            }
        }
        if g.latest {
            truths.push(TruthEstimate {
                object: g.object.to_string(),
                date: g.date.as_deref().map(str::to_owned),
                value: truth.cloned(),
                low: None,
                high: None,
                confidence: r.confidence,
                support: support.into_iter().collect(),
            });
        }
    }
    let mut copies: Vec<Vec<(String, f64)>> = vec![Vec::new(); ns];
    let mut pairs: Vec<(&(u32, u32), &f64)> = dep
        .iter()
        .filter(|(_, &p)| p >= params.copy_report)
        .collect();
    pairs.sort_by(|a, b| a.0.cmp(b.0));
    for (&(a, b), &p) in pairs {
        copies[a as usize].push((names[b as usize].clone(), p));
        copies[b as usize].push((names[a as usize].clone(), p));
    }
    let sources = (0..ns)
        .map(|s| {
            let mut cp = std::mem::take(&mut copies[s]);
            cp.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            cp.truncate(5);
            let a = acc[s];
            let n = evidence_n[s] + params.prior_strength;
            let sd = (a * (1.0 - a) / (n + 1.0)).sqrt();
            let (low, high) = ((a - Z90 * sd).max(0.0), (a + Z90 * sd).min(1.0));
            let name = names[s].clone();
            let kind = kinds.get(name.as_str()).copied().unwrap_or_default();
            let explanation = explain(
                &name,
                a,
                low,
                high,
                claims[s],
                agreed[s],
                conflicted[s],
                evidence_n[s] as usize,
                &cp,
            );
            SourceEstimate {
                name,
                kind,
                reliability: a,
                low,
                high,
                claims: claims[s],
                relayed: relayed[s],
                agreed: agreed[s],
                conflicted: conflicted[s],
                copies: cp,
                explanation,
            }
        })
        .collect();
    Discovery {
        truths,
        sources,
        rounds,
    }
}

#[allow(clippy::too_many_arguments)]
fn explain(
    name: &str,
    a: f64,
    low: f64,
    high: f64,
    claims: usize,
    agreed: usize,
    conflicted: usize,
    checked_votes: usize,
    copies: &[(String, f64)],
) -> String {
    let checked = agreed + conflicted;
    let mut s = format!(
        "{name}: {agreed} of {checked} claims that other sources also address agree with the \
         estimated truth, {conflicted} conflict; {} of its {claims} claims no other source \
         addresses. Reliability {a:.2} (90% interval {low:.2}-{high:.2}).",
        claims.saturating_sub(checked)
    );
    if checked_votes < 5 {
        s.push_str(" Little evidence: the score stays near the prior.");
    }
    if !copies.is_empty() {
        let list: Vec<String> = copies
            .iter()
            .map(|(n, p)| format!("{n} ({:.0}%)", p * 100.0))
            .collect();
        s.push_str(&format!(
            " Likely copies or shares an origin with: {}; shared values are not counted as \
             independent confirmation.",
            list.join(", ")
        ));
    }
    s
}

#[cfg(test)]
mod tests;
