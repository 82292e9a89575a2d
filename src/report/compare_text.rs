//! Text and Markdown printers for a [`Comparison`].

use std::collections::HashMap;
use std::fmt::Write;

use super::escape::{markdown, terminal};
use crate::matching::claim_date;
use crate::model::{
    interval_text, number_text, Claim, ClaimKind, Cluster, Comparison, Consensus, Inconsistency,
};

/// Looks claims up by id.
pub fn claim_map(claims: &[Claim]) -> HashMap<&str, &Claim> {
    claims.iter().map(|c| (c.claim_id.as_str(), c)).collect()
}

pub fn consensus_text(c: &Consensus) -> String {
    match c.value {
        Some(v) => format!(
            "{} (about {})",
            interval_text(c.low, c.high),
            number_text(v)
        ),
        None => "—".into(),
    }
}

fn figure(claim: &Claim) -> (String, String) {
    match (&claim.quantity, &claim.quote) {
        (Some(q), _) => (q.surface.clone(), interval_text(q.low, q.high)),
        (None, Some(quote)) => (format!("“{}”", quote.text), String::new()),
        _ => (String::new(), String::new()),
    }
}

/// The outlet of the article an internal inconsistency was found in.
fn finding_outlet<'a>(found: &Inconsistency, by_id: &HashMap<&str, &'a Claim>) -> &'a str {
    found
        .claims
        .first()
        .and_then(|id| by_id.get(id.as_str()))
        .and_then(|c| c.outlet.as_deref())
        .unwrap_or("(unknown outlet)")
}

/// One block per cluster, for a terminal.
pub fn text(comparison: &Comparison, claims: &[Claim]) -> String {
    let by_id = claim_map(claims);
    let mut out = String::new();
    for cluster in &comparison.clusters {
        let _ = writeln!(
            out,
            "== {}  [{}]",
            terminal(&cluster.label),
            terminal(&cluster.key)
        );
        if cluster.kind == ClaimKind::Quantity {
            let _ = writeln!(out, "   consensus {}", consensus_text(&cluster.consensus));
        }
        let _ = writeln!(
            out,
            "   agreement {:.2} · {} claims from {} outlets",
            cluster.agreement,
            cluster.claims.len(),
            cluster.outlets.len()
        );
        for id in &cluster.claims {
            let Some(claim) = by_id.get(id.as_str()) else {
                continue;
            };
            let (as_written, interval) = figure(claim);
            let _ = writeln!(
                out,
                "   - {:<24} {:<22} {:<16} {} · {}",
                terminal(claim.outlet.as_deref().unwrap_or("(unknown outlet)")),
                terminal(&as_written),
                interval,
                terminal(&claim.claimant_text()),
                claim_date(claim).unwrap_or("undated")
            );
        }
        for d in &cluster.discrepancies {
            let _ = writeln!(
                out,
                "   ! {} {:.2}: {}",
                d.kind.as_str(),
                d.severity,
                terminal(&d.explanation)
            );
        }
        out.push('\n');
    }
    if !comparison.internal.is_empty() {
        out.push_str("== inconsistencies inside one article\n");
        for found in &comparison.internal {
            let outlet = finding_outlet(found, &by_id);
            let _ = writeln!(
                out,
                "   ! {} ({}): {}",
                terminal(outlet),
                terminal(&found.article_id),
                terminal(&found.explanation)
            );
        }
    }
    if comparison.clusters.is_empty() && comparison.internal.is_empty() {
        out.push_str("no claims to compare\n");
    }
    out
}

/// Markdown that pastes cleanly into a newsroom document; all corpus text escaped.
pub fn markdown_clusters(comparison: &Comparison, claims: &[Claim], heading: &str) -> String {
    let by_id = claim_map(claims);
    let mut out = String::new();
    for cluster in &comparison.clusters {
        cluster_markdown(&mut out, cluster, &by_id, heading);
    }
    if !comparison.internal.is_empty() {
        let _ = writeln!(out, "{heading} Inconsistencies inside one article\n");
        for found in &comparison.internal {
            let outlet = finding_outlet(found, &by_id);
            let _ = writeln!(
                out,
                "- **{}** (article `{}`): {}",
                markdown(outlet),
                found.article_id.replace('`', "'"),
                markdown(&found.explanation)
            );
        }
        out.push('\n');
    }
    out
}

fn cluster_markdown(
    out: &mut String,
    cluster: &Cluster,
    by_id: &HashMap<&str, &Claim>,
    heading: &str,
) {
    let _ = writeln!(out, "{heading} {}\n", markdown(&cluster.label));
    let mut facts = format!(
        "Agreement **{:.2}** · {} claims from {} outlets · key `{}`",
        cluster.agreement,
        cluster.claims.len(),
        cluster.outlets.len(),
        cluster.key.replace('`', "'")
    );
    if cluster.kind == ClaimKind::Quantity {
        facts.push_str(&format!(
            " · consensus {}",
            markdown(&consensus_text(&cluster.consensus))
        ));
    }
    let _ = writeln!(out, "{facts}\n");
    out.push_str("| Outlet | As written | Interval | Claimant | Date |\n|---|---|---|---|---|\n");
    for id in &cluster.claims {
        let Some(claim) = by_id.get(id.as_str()) else {
            continue;
        };
        let (as_written, interval) = figure(claim);
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            markdown(claim.outlet.as_deref().unwrap_or("(unknown outlet)")),
            markdown(&as_written),
            markdown(&interval),
            markdown(&claim.claimant_text()),
            claim_date(claim).unwrap_or("undated")
        );
    }
    out.push('\n');
    for d in &cluster.discrepancies {
        let _ = writeln!(
            out,
            "- **{}** (severity {:.2}): {}",
            d.kind.as_str(),
            d.severity,
            markdown(&d.explanation)
        );
    }
    if !cluster.discrepancies.is_empty() {
        out.push('\n');
    }
}
