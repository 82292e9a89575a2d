//! SVG drawing for the HTML report: scales, axes and marks shared by the charts, one file per
//! chart. Every chart has a `<title>` and a `<desc>` that says in words what it shows.

mod number_line;
mod reliability;
pub(crate) mod timeline;

pub(crate) use number_line::number_line;
pub(crate) use reliability::reliability_chart;
pub(crate) use timeline::timeline;

use super::*;

// Hand-written SVG, deterministic, coordinates rounded to 0.1.

/// A coordinate without float noise: 12.3, 40, never -0.
pub(crate) fn f(x: f64) -> String {
    let r = (x * 10.0).round() / 10.0;
    if r == 0.0 || !r.is_finite() {
        "0".into()
    } else if r.fract() == 0.0 {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

pub(crate) struct Scale {
    d0: f64,
    d1: f64,
    r0: f64,
    r1: f64,
}

impl Scale {
    fn at(&self, v: f64) -> f64 {
        let span = self.d1 - self.d0;
        if span <= 0.0 || !span.is_finite() {
            return (self.r0 + self.r1) / 2.0;
        }
        let t = ((v - self.d0) / span).clamp(0.0, 1.0);
        self.r0 + t * (self.r1 - self.r0)
    }
}

pub(crate) fn nice_step(span: f64, target: f64) -> f64 {
    let raw = (span / target).max(f64::MIN_POSITIVE);
    let mag = 10f64.powf(raw.log10().floor());
    let norm = raw / mag;
    let n = if norm <= 1.0 {
        1.0
    } else if norm <= 2.0 {
        2.0
    } else if norm <= 2.5 {
        2.5
    } else if norm <= 5.0 {
        5.0
    } else {
        10.0
    };
    n * mag
}

/// A domain with round ticks covering `[lo, hi]`; one step more on an open side.
pub(crate) fn axis(
    lo: f64,
    hi: f64,
    open_lo: bool,
    open_hi: bool,
    target: f64,
) -> (f64, f64, Vec<f64>) {
    let (mut lo, mut hi) = (lo, hi);
    let nonneg = lo >= 0.0;
    if hi - lo <= 0.0 {
        let pad = (lo.abs() * 0.1).max(1.0);
        lo -= pad;
        hi += pad;
    }
    let step = nice_step(hi - lo, target);
    let mut d0 = (lo / step).floor() * step;
    let mut d1 = (hi / step).ceil() * step;
    if open_hi && d1 - hi < step * 0.5 {
        d1 += step;
    }
    if open_lo && lo - d0 < step * 0.5 {
        d0 -= step;
    }
    if nonneg && d0 < 0.0 {
        d0 = 0.0;
    }
    let mut ticks = Vec::new();
    let count = ((d1 - d0) / step).round() as i64;
    if (0..=40).contains(&count) {
        for i in 0..=count {
            let t = d0 + i as f64 * step;
            // Snap away float noise relative to the step.
            let t = (t / step * 1e6).round() / 1e6 * step;
            ticks.push(t);
        }
    }
    (d0, d1, ticks)
}

/// Tick labels short enough to sit side by side.
pub(crate) fn tick_label(v: f64) -> String {
    let a = v.abs();
    if a >= 1e9 {
        format!("{} bn", num(v / 1e9))
    } else if a >= 1e6 {
        format!("{} m", num(v / 1e6))
    } else {
        num(v)
    }
}

pub(crate) fn finite(v: Option<f64>) -> Option<f64> {
    v.filter(|x| x.is_finite())
}

pub(crate) fn arrow_right(x: f64, y: f64, col: &str) -> String {
    format!(
        "<path d=\"M{} {} L{} {} L{} {} Z\" fill=\"{col}\"/>",
        f(x - 10.0),
        f(y - 6.0),
        f(x),
        f(y),
        f(x - 10.0),
        f(y + 6.0)
    )
}

pub(crate) fn arrow_left(x: f64, y: f64, col: &str) -> String {
    format!(
        "<path d=\"M{} {} L{} {} L{} {} Z\" fill=\"{col}\"/>",
        f(x + 10.0),
        f(y - 6.0),
        f(x),
        f(y),
        f(x + 10.0),
        f(y + 6.0)
    )
}

pub(crate) fn arrow_up(x: f64, y: f64, col: &str) -> String {
    format!(
        "<path d=\"M{} {} L{} {} L{} {} Z\" fill=\"{col}\"/>",
        f(x - 6.0),
        f(y + 10.0),
        f(x),
        f(y),
        f(x + 6.0),
        f(y + 10.0)
    )
}

pub(crate) fn arrow_down(x: f64, y: f64, col: &str) -> String {
    format!(
        "<path d=\"M{} {} L{} {} L{} {} Z\" fill=\"{col}\"/>",
        f(x - 6.0),
        f(y - 10.0),
        f(x),
        f(y),
        f(x + 6.0),
        f(y - 10.0)
    )
}

pub(crate) fn dot(x: f64, y: f64, r: f64, col: &str, hollow: bool) -> String {
    if hollow {
        format!(
            "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"#fff\" stroke=\"{col}\" stroke-width=\"2\"/>",
            f(x),
            f(y),
            f(r)
        )
    } else {
        format!(
            "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{col}\"/>",
            f(x),
            f(y),
            f(r)
        )
    }
}

pub(crate) fn line(x1: f64, y1: f64, x2: f64, y2: f64, col: &str, width: f64) -> String {
    format!(
        "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{col}\" stroke-width=\"{}\"/>",
        f(x1),
        f(y1),
        f(x2),
        f(y2),
        f(width)
    )
}

pub(crate) fn svg_open(
    out: &mut String,
    id: &str,
    width: f64,
    height: f64,
    title: &str,
    desc: &str,
) {
    w!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" \
         role=\"img\" aria-labelledby=\"{id}-t {id}-d\"><title id=\"{id}-t\">{}</title>\
         <desc id=\"{id}-d\">{}</desc>",
        f(width),
        f(height),
        f(width),
        f(height),
        esc(title),
        esc(desc)
    );
}
