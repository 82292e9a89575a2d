//! `reliability`: rates sources from the evidence by truth discovery.
//!
//! Input is a list of [`Observation`]s (who said what value about which object), from the
//! structured-claims table ([`table::read_claims`]) or, later, from the index. [`discover`]
//! estimates, together and iteratively, the truth of every object and the reliability of
//! every source ([`truth`] documents the method and its parameters); [`report`] turns the
//! result into the contract's JSON (`shared/contracts/sources.md`).

pub mod corpus;
pub mod table;
pub mod truth;

use serde::{Deserialize, Serialize};
use std::sync::Arc;

use crate::model::SourceScore;
pub use crate::model::{SourcesReport, TruthOut, Value};

pub use truth::{discover, Discovery, Params, SourceEstimate, TruthEstimate};

/// Whether a source reports (an outlet) or is said to make the claim (a claimant).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    #[default]
    Outlet,
    Claimant,
}

impl SourceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Outlet => "outlet",
            SourceKind::Claimant => "claimant",
        }
    }
}

/// One source's claim about one object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Observation {
    /// Shared strings (`Arc<str>`): a corpus has millions of observations and few distinct
    /// sources, objects, dates and claimants.
    pub source: Arc<str>,
    /// What the claim is about (a claim key, or the `object` column).
    pub object: Arc<str>,
    pub value: Value,
    /// Inclusive interval the claim allows (hedged numbers); `None` = unbounded on that
    /// side. Both `None` = the claim allows only `value`.
    pub low: Option<f64>,
    pub high: Option<f64>,
    /// As-of date `YYYY-MM-DD`: claims are compared with claims of the same date.
    pub date: Option<Arc<str>>,
    /// The claimant this source only relays: the claim is the claimant's, not an
    /// independent confirmation.
    pub relayed_from: Option<Arc<str>>,
    #[serde(default)]
    pub kind: SourceKind,
}

impl Observation {
    /// A plain claim `source` says `object` = `value`.
    pub fn new(source: &str, object: &str, value: Value) -> Self {
        Observation {
            source: source.into(),
            object: object.into(),
            value,
            low: None,
            high: None,
            date: None,
            relayed_from: None,
            kind: SourceKind::Outlet,
        }
    }

    /// Whether the claim's interval holds `v` (interval compatibility: a truth inside a
    /// hedged claim's interval makes the claim right). A claim with no interval holds only
    /// its own value; a one-sided interval (`at least 5`) is open on the other side.
    pub fn allows(&self, v: &Value) -> bool {
        if self.value.key() == v.key() {
            return true;
        }
        match (v, self.low, self.high) {
            (_, None, None) => false,
            (Value::Num(x), lo, hi) => lo.is_none_or(|lo| *x >= lo) && hi.is_none_or(|hi| *x <= hi),
            (Value::Text(_), _, _) => false,
        }
    }
}

/// Turns a [`Discovery`] into the contract's report: sources by reliability (best first,
/// then by name), truths by key. Consumes it: a corpus has hundreds of thousands of truths,
/// which are moved, not copied.
pub fn report(d: Discovery) -> SourcesReport {
    let mut sources: Vec<SourceScore> = d
        .sources
        .iter()
        .map(|s| SourceScore {
            outlet: s.name.clone(),
            kind: s.kind.as_str().to_string(),
            reliability: round4(s.reliability),
            claims: s.claims,
            agreed: s.agreed,
            conflicted: s.conflicted,
            attributed_share: round4(if s.claims == 0 {
                0.0
            } else {
                s.relayed as f64 / s.claims as f64
            }),
            explanation: s.explanation.clone(),
            reliability_low: round4(s.low),
            reliability_high: round4(s.high),
            checked: s.agreed + s.conflicted,
            copies: s.copies.iter().map(|(n, _)| n.clone()).collect(),
        })
        .collect();
    sources.sort_by(|a, b| {
        b.reliability
            .total_cmp(&a.reliability)
            .then_with(|| a.outlet.cmp(&b.outlet))
    });
    let mut truths: Vec<TruthOut> = d
        .truths
        .into_iter()
        .map(|t| TruthOut {
            key: t.object,
            value: t.value,
            low: t.low,
            high: t.high,
            support: t.support,
            story: None,
        })
        .collect();
    truths.sort_by(|a, b| a.key.cmp(&b.key));
    SourcesReport { sources, truths }
}

/// Rounded to four decimals, for stable output.
pub(crate) fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}
