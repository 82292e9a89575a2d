//! The number line of a quantity cluster: each claim's interval on one axis, open ends for
//! "at least" / "up to", a band for "about", and the consensus shaded.

use super::*;

pub(crate) const NL_W: f64 = 480.0;
pub(crate) const NL_X0: f64 = 18.0;
pub(crate) const NL_X1: f64 = 458.0;
pub(crate) const NL_ROW: f64 = 44.0;
pub(crate) const NL_TOP: f64 = 24.0;
/// Where the bar sits in a row, below the row's label line.
pub(crate) const NL_BAR: f64 = 30.0;

/// A number line with one row per claim of a quantity cluster: each row has a label line
/// (number, outlet, date, claimant, and the conflict/update mark) over the claim's interval.
pub(crate) fn number_line(cluster: &Cluster, claims: &[&Claim], id: &str) -> Option<String> {
    let rows: Vec<(&Claim, &crate::model::Quantity)> = claims
        .iter()
        .filter_map(|c| c.quantity.as_ref().map(|q| (*c, q)))
        .collect();
    if rows.is_empty() {
        return None;
    }
    let mut vals: Vec<f64> = Vec::new();
    let (mut open_lo, mut open_hi) = (false, false);
    for (_, q) in &rows {
        let (lo, hi) = (finite(q.low), finite(q.high));
        vals.extend(lo);
        vals.extend(hi);
        if lo.is_none() && hi.is_none() {
            vals.extend(finite(Some(q.value)));
        }
        open_lo |= lo.is_none();
        open_hi |= hi.is_none();
    }
    let cons = &cluster.consensus;
    vals.extend(finite(cons.low));
    vals.extend(finite(cons.high));
    if vals.is_empty() {
        return None;
    }
    let lo = vals.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = vals.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let (d0, d1, ticks) = axis(lo, hi, open_lo, open_hi, 5.0);
    let sx = Scale {
        d0,
        d1,
        r0: NL_X0,
        r1: NL_X1,
    };
    let n = rows.len() as f64;
    let plot_bottom = NL_TOP + n * NL_ROW;
    let height = plot_bottom + 26.0;

    let mut desc = format!(
        "Number line of {} claims about {}. Consensus {}. ",
        rows.len(),
        cluster.label,
        consensus_text(cons)
    );
    let cluster_flags = ClusterFlags::new(cluster);
    for (i, (c, q)) in rows.iter().enumerate() {
        let flags = cluster_flags.of(&c.claim_id);
        w!(
            desc,
            "{}. {}: {} ({}), {}{}. ",
            i + 1,
            common::outlet(c),
            q.surface,
            common::quantity_interval(q),
            date_text(c),
            if flags.contains(&Flag::Conflict) {
                ", in conflict"
            } else {
                ""
            }
        );
    }

    let mut s = String::new();
    svg_open(
        &mut s,
        id,
        NL_W,
        height,
        &format!("Number line: {}", cluster.label),
        desc.trim_end(),
    );

    let has_consensus = finite(cons.low).is_some() || finite(cons.high).is_some();
    let (cx1, cx2) = {
        let x1 = finite(cons.low).map_or(NL_X0, |v| sx.at(v));
        let x2 = finite(cons.high).map_or(NL_X1, |v| sx.at(v));
        if x2 - x1 < 4.0 {
            ((x1 + x2) / 2.0 - 2.0, (x1 + x2) / 2.0 + 2.0)
        } else {
            (x1, x2)
        }
    };
    if has_consensus {
        let label = format!("consensus {}", consensus_text(cons));
        let (anchor, lx) = if cx1 > (NL_X0 + NL_X1) / 2.0 {
            ("end", cx2)
        } else {
            ("start", cx1)
        };
        w!(
            s,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\" class=\"small cons\">{}</text>",
            f(lx),
            f(NL_TOP - 10.0),
            esc(&label)
        );
        for x in [cx1, cx2] {
            w!(
                s,
                "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{CONSENSUS_STROKE}\" stroke-dasharray=\"4 3\"/>",
                f(x),
                f(NL_TOP - 6.0),
                f(x),
                f(plot_bottom)
            );
        }
    }

    let cluster_flags = ClusterFlags::new(cluster);
    for (i, (c, q)) in rows.iter().enumerate() {
        let top = NL_TOP + i as f64 * NL_ROW;
        let cy = top + NL_BAR;
        let flags = cluster_flags.of(&c.claim_id);
        let bad = flags.contains(&Flag::Conflict);
        let col = if bad { RED } else { BLUE };
        w!(
            s,
            "<g><title>{}</title>",
            esc(&format!(
                "{}: {} ({}), {}, {}",
                common::outlet(c),
                q.surface,
                common::quantity_interval(q),
                claimant(c),
                date_text(c)
            ))
        );
        if i % 2 == 1 {
            w!(
                s,
                "<rect x=\"0\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#000\" fill-opacity=\"0.035\"/>",
                f(top),
                f(NL_W),
                f(NL_ROW)
            );
        }
        // Grid and consensus in the bar's band only, so labels stay clean.
        for t in &ticks {
            let x = sx.at(*t);
            s.push_str(&line(x, cy - 11.0, x, cy + 11.0, "#d5d9de", 1.0));
        }
        if has_consensus {
            w!(
                s,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"22\" fill=\"{CONSENSUS_FILL}\"/>",
                f(cx1),
                f(cy - 11.0),
                f(cx2 - cx1)
            );
        }
        w!(
            s,
            "<text x=\"2\" y=\"{}\"><tspan class=\"lbl\"{}>{}. {}</tspan><tspan class=\"small sub\"> · {}</tspan></text>",
            f(top + 14.0),
            if bad { " fill=\"#b00020\"" } else { "" },
            i + 1,
            esc(&truncate(common::outlet(c), 24)),
            esc(&truncate(&format!("{} · {}", date_text(c), claimant(c)), 30))
        );
        let status = if bad {
            Some(("✕ conflict", "bad"))
        } else if flags.contains(&Flag::Update) {
            Some(("↻ update", "small"))
        } else if flags.contains(&Flag::Scope) {
            Some(("◇ scope", "small"))
        } else {
            None
        };
        if let Some((text, class)) = status {
            w!(
                s,
                "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" class=\"{class}\">{text}</text>",
                f(NL_W - 2.0),
                f(top + 14.0)
            );
        }

        let lo = finite(q.low);
        let hi = finite(q.high);
        match (lo, hi) {
            (Some(l), Some(h)) if l == h => s.push_str(&dot(sx.at(l), cy, 5.5, col, false)),
            (Some(l), Some(h)) if q.qualifier == Qualifier::Approx => {
                let (x1, x2) = (sx.at(l), sx.at(h));
                w!(
                    s,
                    "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"14\" fill=\"{col}\" fill-opacity=\"0.28\" stroke=\"{col}\"/>",
                    f(x1),
                    f(cy - 7.0),
                    f((x2 - x1).max(2.0))
                );
                if q.value.is_finite() {
                    let xv = sx.at(q.value);
                    s.push_str(&line(xv, cy - 7.0, xv, cy + 7.0, col, 2.5));
                }
            }
            _ => {
                let xl = lo.map_or(NL_X0, |v| sx.at(v));
                let xr = hi.map_or(NL_X1, |v| sx.at(v));
                s.push_str(&line(xl, cy, xr, cy, col, 4.0));
                match lo {
                    None => s.push_str(&arrow_left(NL_X0 - 2.0, cy, col)),
                    Some(_) if hi.is_some() => {
                        s.push_str(&line(xl, cy - 6.0, xl, cy + 6.0, col, 2.0))
                    }
                    Some(_) => {
                        s.push_str(&dot(xl, cy, 4.5, col, q.qualifier == Qualifier::MoreThan))
                    }
                }
                match hi {
                    None => s.push_str(&arrow_right(NL_X1 + 2.0, cy, col)),
                    Some(_) if lo.is_some() => {
                        s.push_str(&line(xr, cy - 6.0, xr, cy + 6.0, col, 2.0))
                    }
                    Some(_) => {
                        s.push_str(&dot(xr, cy, 4.5, col, q.qualifier == Qualifier::FewerThan))
                    }
                }
            }
        }
        s.push_str("</g>");
    }

    // Axis.
    s.push_str(&line(
        NL_X0,
        plot_bottom + 2.0,
        NL_X1,
        plot_bottom + 2.0,
        "#333",
        1.0,
    ));
    for t in &ticks {
        let x = sx.at(*t);
        s.push_str(&line(
            x,
            plot_bottom + 2.0,
            x,
            plot_bottom + 7.0,
            "#333",
            1.0,
        ));
        // Keep the outermost labels inside the chart.
        let (tx, anchor) = if x > NL_W - 40.0 {
            (x + 8.0, "end")
        } else if x < 30.0 {
            (x - 6.0, "start")
        } else {
            (x, "middle")
        };
        w!(
            s,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\" class=\"tick\">{}</text>",
            f(tx),
            f(plot_bottom + 20.0),
            esc(&tick_label(*t))
        );
    }
    s.push_str("</svg>");
    Some(s)
}
