//! The timeline of a figure that changed: each date's range of reported values.

use super::*;

/// Days since 1970-01-01 of a `YYYY-MM-DD` date.
pub(crate) fn day_number(date: &str) -> Option<i64> {
    crate::dates::parse_iso(date)
}

pub(crate) fn short_date(date: &str) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let parts: Vec<&str> = date.trim().splitn(3, '-').collect();
    if let [_, m, d] = parts.as_slice() {
        if let (Ok(m), Ok(d)) = (m.parse::<usize>(), d.get(..2).unwrap_or("").parse::<u32>()) {
            if (1..=12).contains(&m) {
                return format!("{d} {}", MONTHS[m - 1]);
            }
        }
    }
    truncate(date, 12)
}

pub(crate) const TL_W: f64 = 480.0;
pub(crate) const TL_X0: f64 = 56.0;
pub(crate) const TL_X1: f64 = 466.0;
pub(crate) const TL_Y0: f64 = 22.0;
pub(crate) const TL_Y1: f64 = 160.0;

/// The figure over time: one vertical interval per date.
pub(crate) fn timeline(cluster: &Cluster, id: &str) -> Option<String> {
    let points: Vec<&TimelinePoint> = cluster
        .timeline
        .iter()
        .filter(|p| finite(p.low).is_some() || finite(p.high).is_some())
        .collect();
    if points.len() < 2 {
        return None;
    }
    let vals: Vec<f64> = points
        .iter()
        .flat_map(|p| [finite(p.low), finite(p.high)])
        .flatten()
        .collect();
    let lo = vals.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = vals.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let open_lo = points.iter().any(|p| finite(p.low).is_none());
    let open_hi = points.iter().any(|p| finite(p.high).is_none());
    let (d0, d1, ticks) = axis(lo, hi, open_lo, open_hi, 4.0);
    let sy = Scale {
        d0,
        d1,
        r0: TL_Y1,
        r1: TL_Y0,
    };
    let days: Option<Vec<i64>> = points.iter().map(|p| day_number(&p.date)).collect();
    let xs: Vec<f64> = match days {
        Some(days) if days.first() != days.last() => {
            let (a, b) = (
                *days.iter().min().unwrap_or(&0) as f64,
                *days.iter().max().unwrap_or(&0) as f64,
            );
            let sx = Scale {
                d0: a,
                d1: b,
                r0: TL_X0 + 30.0,
                r1: TL_X1 - 30.0,
            };
            days.iter().map(|d| sx.at(*d as f64)).collect()
        }
        _ => {
            let n = points.len() as f64;
            (0..points.len())
                .map(|i| TL_X0 + 30.0 + (TL_X1 - TL_X0 - 60.0) * i as f64 / (n - 1.0))
                .collect()
        }
    };
    let height = TL_Y1 + 40.0;
    let mut desc = format!("{} over time. ", cluster.label);
    for p in &points {
        let _ = write!(
            desc,
            "{}: {} ({} claims). ",
            p.date,
            common::interval(p.low, p.high),
            p.claims.len()
        );
    }
    let mut s = String::new();
    svg_open(
        &mut s,
        id,
        TL_W,
        height,
        &format!("Timeline: {}", cluster.label),
        desc.trim_end(),
    );
    for t in &ticks {
        let y = sy.at(*t);
        s.push_str(&line(TL_X0, y, TL_X1, y, "#e3e6ea", 1.0));
        w!(
            s,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" class=\"tick\">{}</text>",
            f(TL_X0 - 8.0),
            f(y + 4.0),
            esc(&tick_label(*t))
        );
    }
    s.push_str(&line(TL_X0, TL_Y1, TL_X1, TL_Y1, "#333", 1.0));
    s.push_str(&line(TL_X0, TL_Y0 - 6.0, TL_X0, TL_Y1, "#333", 1.0));

    // A dashed line through each date's middle (its lower bound when open above).
    let mids: Vec<(f64, f64)> = points
        .iter()
        .zip(&xs)
        .filter_map(|(p, x)| {
            let v = match (finite(p.low), finite(p.high)) {
                (Some(l), Some(h)) => (l + h) / 2.0,
                (Some(l), None) => l,
                (None, Some(h)) => h,
                (None, None) => return None,
            };
            Some((*x, sy.at(v)))
        })
        .collect();
    if mids.len() >= 2 {
        let pts: Vec<String> = mids
            .iter()
            .map(|(x, y)| format!("{},{}", f(*x), f(*y)))
            .collect();
        w!(
            s,
            "<polyline points=\"{}\" fill=\"none\" stroke=\"#8a94a3\" stroke-width=\"1.5\" stroke-dasharray=\"5 4\"/>",
            pts.join(" ")
        );
    }
    let labels = points.len() <= 10;
    for (p, x) in points.iter().zip(&xs) {
        let (lo, hi) = (finite(p.low), finite(p.high));
        w!(
            s,
            "<g><title>{}</title>",
            esc(&format!("{}: {}", p.date, common::interval(p.low, p.high)))
        );
        let label_y = match (lo, hi) {
            (Some(l), Some(h)) if l == h => {
                let y = sy.at(l);
                s.push_str(&dot(*x, y, 5.5, BLUE, false));
                y
            }
            _ => {
                let y1 = lo.map_or(TL_Y1, |v| sy.at(v));
                let y2 = hi.map_or(TL_Y0, |v| sy.at(v));
                s.push_str(&line(*x, y1, *x, y2, BLUE, 4.0));
                match lo {
                    Some(_) => s.push_str(&line(x - 6.0, y1, x + 6.0, y1, BLUE, 2.0)),
                    None => s.push_str(&arrow_down(*x, TL_Y1, BLUE)),
                }
                match hi {
                    Some(_) => s.push_str(&line(x - 6.0, y2, x + 6.0, y2, BLUE, 2.0)),
                    None => s.push_str(&arrow_up(*x, TL_Y0 - 4.0, BLUE)),
                }
                (y1 + y2) / 2.0
            }
        };
        if labels {
            // Right of the mark, or left of it near the right edge.
            let (lx, anchor) = if *x > TL_X1 - 70.0 {
                (x - 10.0, "end")
            } else {
                (x + 10.0, "start")
            };
            w!(
                s,
                "<text x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\" class=\"small\">{}</text>",
                f(lx),
                f(label_y + 4.0),
                esc(&common::interval(p.low, p.high))
            );
        }
        w!(
            s,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" class=\"tick\">{}</text></g>",
            f(*x),
            f(TL_Y1 + 18.0),
            esc(&short_date(&p.date))
        );
    }
    s.push_str("</svg>");
    Some(s)
}
