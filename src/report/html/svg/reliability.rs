//! The reliability chart: each source's estimate with its uncertainty.

use super::*;

pub(crate) const RC_W: f64 = 480.0;
pub(crate) const RC_X0: f64 = 16.0;
pub(crate) const RC_X1: f64 = 466.0;
pub(crate) const RC_ROW: f64 = 36.0;
pub(crate) const RC_TOP: f64 = 22.0;

/// Reliability with its 90% interval, one row per source: a label line (shape for the
/// kind, name, figures) over the bar and its interval.
pub(crate) fn reliability_chart(sources: &[&SourceScore], id: &str) -> String {
    let n = sources.len() as f64;
    let bottom = RC_TOP + n * RC_ROW;
    let height = bottom + 26.0;
    let sx = Scale {
        d0: 0.0,
        d1: 1.0,
        r0: RC_X0,
        r1: RC_X1,
    };
    let mut desc = String::from("Reliability of each source, with its 90% interval. ");
    for s in sources {
        w!(
            desc,
            "{} ({}, {} claims): {}. ",
            s.outlet,
            s.kind,
            s.claims,
            reliability_text(s)
        );
    }
    let mut out = String::new();
    svg_open(
        &mut out,
        id,
        RC_W,
        height,
        "Source reliability with 90% intervals",
        desc.trim_end(),
    );
    let xp = sx.at(0.7);
    w!(
        out,
        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" class=\"small\">prior 0.7</text>",
        f(xp),
        f(RC_TOP - 8.0)
    );
    for (i, s) in sources.iter().enumerate() {
        let top = RC_TOP + i as f64 * RC_ROW;
        let cy = top + 25.0;
        let claimant = s.kind == "claimant";
        let col = if claimant { "#6a3d9a" } else { BLUE };
        w!(
            out,
            "<g><title>{}</title>",
            esc(&format!(
                "{} ({}): {}, {} claims",
                s.outlet,
                s.kind,
                reliability_text(s),
                s.claims
            ))
        );
        if i % 2 == 1 {
            w!(
                out,
                "<rect x=\"0\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#000\" fill-opacity=\"0.035\"/>",
                f(top),
                f(RC_W),
                f(RC_ROW)
            );
        }
        for t in [0.0, 0.25, 0.5, 0.75, 1.0] {
            let x = sx.at(t);
            out.push_str(&line(x, cy - 9.0, x, cy + 9.0, "#d5d9de", 1.0));
        }
        if claimant {
            out.push_str(&dot(RC_X0 - 9.0, top + 10.0, 4.5, col, false));
        } else {
            w!(
                out,
                "<rect x=\"{}\" y=\"{}\" width=\"9\" height=\"9\" fill=\"{col}\"/>",
                f(RC_X0 - 13.5),
                f(top + 5.5)
            );
        }
        w!(
            out,
            "<text x=\"{}\" y=\"{}\" class=\"lbl\">{}</text>",
            f(RC_X0),
            f(top + 14.0),
            esc(&truncate(&s.outlet, 34))
        );
        w!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" class=\"tick\">{}<tspan class=\"sub\"> · {} claims</tspan></text>",
            f(RC_W - 2.0),
            f(top + 14.0),
            esc(&reliability_text(s)),
            s.claims
        );
        let r = if s.reliability.is_finite() {
            s.reliability.clamp(0.0, 1.0)
        } else {
            0.0
        };
        w!(
            out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"10\" fill=\"{col}\" fill-opacity=\"0.75\"/>",
            f(RC_X0),
            f(cy - 5.0),
            f(sx.at(r) - RC_X0)
        );
        let lo = if s.reliability_low.is_finite() {
            s.reliability_low.clamp(0.0, 1.0)
        } else {
            r
        };
        let hi = if s.reliability_high.is_finite() {
            s.reliability_high.clamp(0.0, 1.0)
        } else {
            r
        };
        let (xl, xh) = (sx.at(lo), sx.at(hi));
        out.push_str(&line(xl, cy, xh, cy, "#111", 1.5));
        out.push_str(&line(xl, cy - 5.0, xl, cy + 5.0, "#111", 1.5));
        out.push_str(&line(xh, cy - 5.0, xh, cy + 5.0, "#111", 1.5));
        w!(
            out,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#555\" stroke-width=\"1.5\" stroke-dasharray=\"3 2\"/></g>",
            f(xp),
            f(cy - 9.0),
            f(xp),
            f(cy + 9.0)
        );
    }
    out.push_str(&line(RC_X0, bottom + 2.0, RC_X1, bottom + 2.0, "#333", 1.0));
    for t in [0.0, 0.25, 0.5, 0.75, 1.0] {
        let x = sx.at(t);
        out.push_str(&line(x, bottom + 2.0, x, bottom + 7.0, "#333", 1.0));
        w!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" class=\"tick\">{}</text>",
            f(x),
            f(bottom + 20.0),
            if t == 0.0 || t == 1.0 {
                format!("{t:.0}")
            } else {
                format!("{t}")
            }
        );
    }
    out.push_str("</svg>");
    out
}
