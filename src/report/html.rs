//! The HTML report: one self-contained file (inline CSS and SVG, no scripts, fonts, images
//! or external resources) that works offline and when mailed. Same content and order as
//! the Markdown report. Every piece of corpus text goes through [`escape::html`]; links
//! only for URLs [`escape::safe_url`] accepts.

use std::fmt::Write;

use super::common::{
    self, agreement_text, as_written, claim_interval, claimant, consensus_text, date_text, num,
    reliability_text, severity_text, share_text, split_sentence, truncate, Block, ClusterFlags,
    Flag, Lookup, METHODS,
};
use super::escape::html as esc;
use crate::model::{
    Claim, ClaimKind, Cluster, DiscrepancyType, Qualifier, ReportData, SourceScore, TimelinePoint,
};

macro_rules! w {
    ($out:expr, $($arg:tt)*) => {{
        let _ = write!($out, $($arg)*);
    }};
}

const CSS: &str = r#"
:root{--fg:#1a1a1a;--muted:#4d4d4d;--bg:#fff;--line:#cfd4da;--soft:#f4f6f8;--blue:#1f4e8c;--red:#b00020;--link:#0b57a4}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
.wrap{max-width:75rem;margin:0 auto;padding:1rem 1.25rem 3rem}
a{color:var(--link)}
a:focus,.scroll:focus{outline:3px solid #f0a500;outline-offset:2px}
.skip{position:absolute;left:-999px}
.skip:focus{left:1rem;top:1rem;background:#fff;padding:.25rem .5rem}
h1{font-size:2rem;line-height:1.2;margin:.5rem 0 .25rem;overflow-wrap:anywhere}
h2{font-size:1.5rem;line-height:1.25;margin:2.5rem 0 .75rem;padding-top:.6rem;border-top:3px solid var(--fg)}
h3{font-size:1.2rem;line-height:1.3;margin:2rem 0 .35rem;overflow-wrap:anywhere}
h4{font-size:1rem;margin:1rem 0 .3rem}
p{margin:.4rem 0 .8rem}
.meta{color:var(--muted);margin:0 0 .5rem}
nav ul{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;list-style:none;padding:0;margin:.75rem 0 0}
.stats{display:grid;grid-template-columns:repeat(auto-fit,minmax(9.5rem,1fr));gap:.6rem;margin:0}
.stats div{background:var(--soft);border:1px solid var(--line);border-radius:6px;padding:.5rem .8rem}
.stats dt{font-size:.85rem;color:var(--muted)}
.stats dd{margin:0;font-size:1.7rem;font-weight:700;font-variant-numeric:tabular-nums}
.cluster{border-left:4px solid var(--line);padding-left:1rem;margin-top:2rem}
.cluster.has-conflict{border-left-color:var(--red)}
.cluster h3{margin-top:0}
.num-label{color:var(--muted);font-weight:600}
.facts,.muted{color:var(--muted)}
.facts strong{color:var(--fg)}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85em;background:var(--soft);padding:0 .25em;border-radius:3px;overflow-wrap:anywhere}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch;margin:.5rem 0 1rem;border:1px solid var(--line);border-radius:6px}
table{border-collapse:collapse;width:100%;font-size:.9rem}
caption{caption-side:top;text-align:left;font-weight:600;padding:.5rem .7rem;border-bottom:1px solid var(--line)}
th,td{padding:.45rem .6rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
thead th{background:var(--soft);white-space:nowrap}
tbody tr:last-child>*{border-bottom:0}
tbody th{font-weight:600}
td.n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
td.nw{white-space:nowrap}
td.sentence{min-width:18rem}
td.article{min-width:9rem;font-size:.85rem}
tr.is-conflict>*{background:#fff4f5}
tr.is-conflict>th:first-child{box-shadow:inset 4px 0 var(--red)}
mark{background:#ffe066;color:#000;font-weight:600;padding:0 .12em;border-radius:2px}
.badge{display:inline-block;margin:0 .2em .2em 0;padding:0 .45em;border:1px solid;border-radius:4px;font-size:.8rem;font-weight:600;line-height:1.5;white-space:nowrap}
.b-conflict{color:#8a0018;background:#fde8eb}
.b-update{color:#284a7a;background:#e8eff9}
.b-scope{color:#6b4a00;background:#fff3d6}
.b-misquote{color:#5b2a86;background:#f2eafa}
.b-internal{color:#6b3a00;background:#fdecd9}
.disc{padding-left:1.2rem}
.disc li{margin:.3rem 0}
.sev{font-variant-numeric:tabular-nums;color:var(--muted)}
figure{margin:1rem 0}
.chart{overflow-x:auto;-webkit-overflow-scrolling:touch}
.chart svg{display:block;width:100%;height:auto;max-width:42rem}
figcaption{font-size:.85rem;color:var(--muted);margin-top:.25rem}
svg text{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:13px;fill:#1a1a1a}
svg .small{font-size:11.5px;fill:#4d4d4d}
svg .tick{font-size:11.5px;fill:#333}
svg .bad{font-size:12px;fill:#b00020;font-weight:700}
svg .lbl{font-weight:600}
svg .cons{fill:#2f6a22}
.legend{display:flex;flex-wrap:wrap;gap:.3rem 1.2rem;list-style:none;padding:.5rem .75rem;margin:.5rem 0 1rem;background:var(--soft);border:1px solid var(--line);border-radius:6px;font-size:.85rem}
.legend li{display:flex;align-items:center;gap:.4rem}
.legend svg{width:40px;height:16px;flex:none}
.explain li{margin:.35rem 0}
.methods .scroll{max-width:50rem}
footer{margin-top:3rem;padding-top:.75rem;border-top:1px solid var(--line);color:var(--muted);font-size:.85rem}
@media (max-width:640px){
 body{font-size:15px}
 .wrap{padding:.75rem .8rem 2rem}
 h1{font-size:1.55rem}
 h2{font-size:1.3rem}
 .cluster{padding-left:.6rem}
 td.sentence{min-width:16rem}
 .stats dd{font-size:1.35rem}
 svg text,svg .lbl{font-size:16px}
 svg .small,svg .tick,svg .bad{font-size:15px}
 svg .sub{display:none}
}
@media print{
 body{font-size:10pt}
 .wrap{max-width:none;padding:0}
 nav,.skip{display:none}
 .scroll,.chart{overflow:visible;border:0}
 td.sentence{min-width:0}
 figure,tr,.legend{break-inside:avoid}
 h2,h3,h4{break-after:avoid}
 h2{margin-top:1.5rem}
 a{color:inherit}
 a[href^="http"]::after{content:" (" attr(href) ")";font-size:.8em;overflow-wrap:anywhere}
 mark{border:1px solid #000}
}
"#;

const BLUE: &str = "#1f4e8c";
const RED: &str = "#b00020";
const CONSENSUS_FILL: &str = "#d9eed2";
const CONSENSUS_STROKE: &str = "#3d7a2e";

/// The whole report as one HTML5 file.
pub fn render(data: &ReportData) -> String {
    let lookup = Lookup::new(data);
    let mut out = String::with_capacity(256 * 1024);
    w!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"light\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">\n\
         <title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n\
         <a class=\"skip\" href=\"#summary\">Skip to the report</a>\n\
         <main class=\"wrap\">\n<header>\n<h1>{}</h1>\n",
        esc(&data.title),
        esc(&data.title)
    );
    if let Some(at) = &data.generated_at {
        w!(out, "<p class=\"meta\">Generated {}</p>\n", esc(at));
    }
    out.push_str(
        "<nav aria-label=\"Contents\"><ul>\
         <li><a href=\"#summary\">Summary</a></li>\
         <li><a href=\"#discrepancies\">Discrepancies</a></li>\
         <li><a href=\"#agreeing\">Agreeing figures</a></li>\
         <li><a href=\"#internal\">Inconsistencies inside one article</a></li>\
         <li><a href=\"#sources\">Source reliability</a></li>\
         <li><a href=\"#methods\">Methods</a></li>\
         </ul></nav>\n</header>\n",
    );

    summary(&mut out, data);

    let (with, without) = common::split_clusters(data);
    out.push_str(
        "<section id=\"discrepancies\" aria-labelledby=\"discrepancies-h\">\n\
         <h2 id=\"discrepancies-h\">Discrepancies</h2>\n",
    );
    if with.is_empty() {
        out.push_str("<p>No outlets disagree on any figure or quote.</p>\n");
    } else {
        legend(&mut out);
    }
    for (i, cluster) in with.iter().enumerate() {
        cluster_section(&mut out, i + 1, cluster, &lookup);
    }
    out.push_str("</section>\n");

    agreeing(&mut out, &without, &lookup);
    internal(&mut out, data, &lookup);
    sources(&mut out, data);
    methods(&mut out);

    out.push_str(
        "<footer><p>Made by crosscheck. This file is self-contained: no scripts, no \
         fonts, images or styles from elsewhere. Figures, names and sentences are quoted \
         from the articles as written.</p></footer>\n</main>\n</body>\n</html>\n",
    );
    out
}

fn summary(out: &mut String, data: &ReportData) {
    let s = &data.summary;
    out.push_str(
        "<section id=\"summary\" aria-labelledby=\"summary-h\">\n\
         <h2 id=\"summary-h\">Summary</h2>\n<dl class=\"stats\">\n",
    );
    for (label, n) in [
        ("Articles", s.articles),
        ("Outlets", s.outlets),
        ("Claims", s.claims),
        ("Clusters (figures and quotes compared)", s.clusters),
        ("Discrepancies", s.discrepancies),
        ("Inconsistencies inside one article", s.internal),
    ] {
        w!(out, "<div><dt>{label}</dt><dd>{n}</dd></div>\n");
    }
    out.push_str("</dl>\n</section>\n");
}

fn badge(flag: Flag) -> String {
    let (sym, text) = match flag {
        Flag::Conflict => ("✕", "conflict"),
        Flag::Update => ("↻", "update"),
        Flag::Scope => ("◇", "scope"),
        Flag::Misquote => ("❝", "misquote"),
        Flag::Internal => ("⚠", "internal"),
    };
    format!("<span class=\"badge b-{text}\"><span aria-hidden=\"true\">{sym}</span> {text}</span>")
}

fn flag_of(kind: DiscrepancyType) -> Flag {
    match kind {
        DiscrepancyType::Conflict => Flag::Conflict,
        DiscrepancyType::Update => Flag::Update,
        DiscrepancyType::Scope => Flag::Scope,
        DiscrepancyType::Misquote => Flag::Misquote,
    }
}

/// The sentence with the figure in `<mark>`, everything escaped.
fn sentence(claim: &Claim) -> String {
    let (before, hit, after) = split_sentence(claim);
    if hit.is_empty() {
        return esc(before);
    }
    format!("{}<mark>{}</mark>{}", esc(before), esc(hit), esc(after))
}

fn link(claim: &Claim, lookup: &Lookup) -> String {
    match lookup.link(claim) {
        Some((url, title)) => {
            let text = title
                .map(|t| truncate(t, 70))
                .filter(|t| !t.is_empty())
                .unwrap_or_else(|| "article".into());
            format!(
                "<a href=\"{}\" rel=\"noopener noreferrer\">{}</a>",
                esc(url),
                esc(&text)
            )
        }
        None => "—".into(),
    }
}

fn or_dash(text: String) -> String {
    if text.trim().is_empty() {
        "—".into()
    } else {
        text
    }
}

fn legend(out: &mut String) {
    out.push_str(
        "<p>Each figure below has a number line: one row per claim, numbered as in its table.</p>\n\
         <ul class=\"legend\" aria-label=\"How to read the number lines\">\n",
    );
    let items: [(&str, &str); 7] = [
        ("<circle cx=\"20\" cy=\"8\" r=\"5\" fill=\"#1f4e8c\"/>", "exact figure"),
        ("<rect x=\"6\" y=\"2\" width=\"28\" height=\"12\" fill=\"#1f4e8c\" fill-opacity=\"0.28\" stroke=\"#1f4e8c\"/><line x1=\"20\" y1=\"2\" x2=\"20\" y2=\"14\" stroke=\"#1f4e8c\" stroke-width=\"2\"/>", "“about”: band of allowed values"),
        ("<line x1=\"6\" y1=\"8\" x2=\"34\" y2=\"8\" stroke=\"#1f4e8c\" stroke-width=\"4\"/><line x1=\"6\" y1=\"2\" x2=\"6\" y2=\"14\" stroke=\"#1f4e8c\" stroke-width=\"2\"/><line x1=\"34\" y1=\"2\" x2=\"34\" y2=\"14\" stroke=\"#1f4e8c\" stroke-width=\"2\"/>", "range (“between”, “dozens”)"),
        ("<line x1=\"10\" y1=\"8\" x2=\"30\" y2=\"8\" stroke=\"#1f4e8c\" stroke-width=\"4\"/><circle cx=\"8\" cy=\"8\" r=\"4\" fill=\"#1f4e8c\"/><path d=\"M28 2 L38 8 L28 14 Z\" fill=\"#1f4e8c\"/>", "open end (“at least”, “up to”) runs to the edge"),
        ("<line x1=\"12\" y1=\"8\" x2=\"30\" y2=\"8\" stroke=\"#1f4e8c\" stroke-width=\"4\"/><circle cx=\"8\" cy=\"8\" r=\"4\" fill=\"#fff\" stroke=\"#1f4e8c\" stroke-width=\"2\"/><path d=\"M28 2 L38 8 L28 14 Z\" fill=\"#1f4e8c\"/>", "hollow end: bound not included (“more than”)"),
        ("<rect x=\"4\" y=\"0\" width=\"32\" height=\"16\" fill=\"#d9eed2\" stroke=\"#3d7a2e\" stroke-dasharray=\"3 2\"/>", "consensus (shaded)"),
        ("<circle cx=\"12\" cy=\"8\" r=\"5\" fill=\"#b00020\"/><text x=\"22\" y=\"13\" class=\"bad\">✕</text>", "in conflict (red, ✕, labelled)"),
    ];
    for (shape, text) in items {
        w!(
            out,
            "<li><svg viewBox=\"0 0 40 16\" aria-hidden=\"true\" focusable=\"false\">{shape}</svg>{text}</li>\n"
        );
    }
    out.push_str("</ul>\n");
}

fn cluster_section(out: &mut String, n: usize, cluster: &Cluster, lookup: &Lookup) {
    let claims = lookup.cluster_claims(cluster);
    let id = format!("d{n}");
    let conflicted = cluster
        .discrepancies
        .iter()
        .any(|d| d.kind == DiscrepancyType::Conflict);
    w!(
        out,
        "<section class=\"cluster{}\" id=\"{id}\" aria-labelledby=\"{id}-h\">\n\
         <h3 id=\"{id}-h\"><span class=\"num-label\">{n}.</span> {}</h3>\n<p class=\"facts\">",
        if conflicted { " has-conflict" } else { "" },
        esc(&cluster.label)
    );
    if cluster.kind == ClaimKind::Quantity {
        w!(
            out,
            "Consensus <strong>{}</strong> · ",
            esc(&consensus_text(&cluster.consensus))
        );
    }
    w!(
        out,
        "agreement <strong>{}</strong> · {} claims from {} outlets · key <code>{}</code></p>\n",
        agreement_text(cluster.agreement),
        claims.len(),
        cluster.outlets.len(),
        esc(&cluster.key)
    );

    if cluster.kind == ClaimKind::Quantity {
        if let Some(svg) = number_line(cluster, &claims, &format!("{id}-nl")) {
            w!(
                out,
                "<figure class=\"chart\">{svg}<figcaption>Each outlet’s figure as an interval; \
                 the shaded column is the consensus {}.</figcaption></figure>\n",
                esc(&consensus_text(&cluster.consensus))
            );
        }
        if cluster.timeline.len() >= 2 {
            if let Some(svg) = timeline(cluster, &format!("{id}-tl")) {
                w!(
                    out,
                    "<figure class=\"chart\">{svg}<figcaption>How the figure changed: the \
                     interval reported for each date.</figcaption></figure>\n"
                );
            }
        }
    }

    w!(
        out,
        "<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"{id}-cap\">\n\
         <table>\n<caption id=\"{id}-cap\">Every claim about {}</caption>\n<thead><tr>\
         <th scope=\"col\">Outlet</th><th scope=\"col\">As written</th>\
         <th scope=\"col\">Interval</th><th scope=\"col\">Claimant</th>\
         <th scope=\"col\">Date</th><th scope=\"col\">Flags</th>\
         <th scope=\"col\">Sentence</th><th scope=\"col\">Article</th></tr></thead>\n<tbody>\n",
        esc(&cluster.label)
    );
    let cluster_flags = ClusterFlags::new(cluster);
    for (i, claim) in claims.iter().enumerate() {
        let flags = cluster_flags.of(&claim.claim_id);
        let row_class = if flags.contains(&Flag::Conflict) {
            " class=\"is-conflict\""
        } else {
            ""
        };
        let badges: String = flags.iter().map(|f| badge(*f)).collect();
        w!(
            out,
            "<tr{row_class}><th scope=\"row\"><span class=\"num-label\">{}</span> {}</th>\
             <td>{}</td><td class=\"nw\">{}</td><td>{}</td><td class=\"nw\">{}</td>\
             <td>{}</td><td class=\"sentence\">{}</td><td class=\"article\">{}</td></tr>\n",
            i + 1,
            esc(common::outlet(claim)),
            or_dash(esc(&as_written(claim))),
            or_dash(esc(&claim_interval(claim))),
            esc(&claimant(claim)),
            esc(&date_text(claim)),
            or_dash(badges),
            sentence(claim),
            link(claim, lookup)
        );
    }
    out.push_str("</tbody>\n</table>\n</div>\n");

    w!(out, "<h4>What differs</h4>\n<ul class=\"disc\">\n");
    for d in common::ordered_discrepancies(cluster) {
        w!(
            out,
            "<li>{} <span class=\"sev\">severity {}</span>: {}</li>\n",
            badge(flag_of(d.kind)),
            severity_text(d.severity),
            esc(&d.explanation)
        );
    }
    out.push_str("</ul>\n</section>\n");
}

fn agreeing(out: &mut String, clusters: &[&Cluster], lookup: &Lookup) {
    out.push_str(
        "<section id=\"agreeing\" aria-labelledby=\"agreeing-h\">\n\
         <h2 id=\"agreeing-h\">Agreeing figures</h2>\n",
    );
    if clusters.is_empty() {
        out.push_str("<p>None.</p>\n</section>\n");
        return;
    }
    out.push_str(
        "<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"agreeing-cap\">\n\
         <table>\n<caption id=\"agreeing-cap\">Figures and quotes the outlets agree on \
         (or only one outlet reports)</caption>\n<thead><tr><th scope=\"col\">Figure</th>\
         <th scope=\"col\">Consensus</th><th scope=\"col\">Agreement</th>\
         <th scope=\"col\">Claims</th><th scope=\"col\">As written</th></tr></thead>\n<tbody>\n",
    );
    for cluster in clusters {
        let claims = lookup.cluster_claims(cluster);
        let written: Vec<String> = claims
            .iter()
            .map(|c| {
                format!(
                    "{}: {} <span class=\"muted\">({})</span>",
                    esc(common::outlet(c)),
                    esc(&as_written(c)),
                    esc(&date_text(c))
                )
            })
            .collect();
        let consensus = match cluster.kind {
            ClaimKind::Quantity => esc(&consensus_text(&cluster.consensus)),
            ClaimKind::Quote => "—".into(),
        };
        w!(
            out,
            "<tr><th scope=\"row\">{}</th><td class=\"nw\">{}</td><td class=\"n\">{}</td>\
             <td class=\"n\">{}</td><td>{}</td></tr>\n",
            esc(&cluster.label),
            consensus,
            agreement_text(cluster.agreement),
            claims.len(),
            or_dash(written.join("; "))
        );
    }
    out.push_str("</tbody>\n</table>\n</div>\n</section>\n");
}

fn internal(out: &mut String, data: &ReportData, lookup: &Lookup) {
    out.push_str(
        "<section id=\"internal\" aria-labelledby=\"internal-h\">\n\
         <h2 id=\"internal-h\">Inconsistencies inside one article</h2>\n",
    );
    if data.internal.is_empty() {
        out.push_str("<p>None found.</p>\n</section>\n");
        return;
    }
    out.push_str("<ul class=\"disc\">\n");
    for found in &data.internal {
        let outlet = common::inconsistency_outlet(lookup, &found.article_id, &found.claims);
        w!(
            out,
            "<li>{} <strong>{}</strong> (article <code>{}</code>): {}\n<ul>\n",
            badge(Flag::Internal),
            esc(outlet),
            esc(&found.article_id),
            esc(&found.explanation)
        );
        for claim in found.claims.iter().filter_map(|id| lookup.claim(id)) {
            w!(
                out,
                "<li>{}: {}</li>\n",
                esc(&common::figure_and_interval(claim)),
                sentence(claim)
            );
        }
        out.push_str("</ul></li>\n");
    }
    out.push_str("</ul>\n</section>\n");
}

fn sources(out: &mut String, data: &ReportData) {
    out.push_str(
        "<section id=\"sources\" aria-labelledby=\"sources-h\">\n\
         <h2 id=\"sources-h\">Source reliability</h2>\n",
    );
    if data.sources.is_empty() {
        out.push_str("<p>No sources scored.</p>\n</section>\n");
        return;
    }
    let top = common::top_sources(&data.sources, 25);
    let svg = reliability_chart(&top, "rel");
    w!(
        out,
        "<figure class=\"chart\">{svg}<figcaption>Reliability of the {} sources with most \
         claims. Bar: estimated reliability; black line: its 90% interval; square: outlet; \
         circle: claimant; dashed line: the prior mean 0.7.</figcaption></figure>\n",
        top.len()
    );
    out.push_str(
        "<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"sources-cap\">\n\
         <table>\n<caption id=\"sources-cap\">Every source scored</caption>\n<thead><tr>\
         <th scope=\"col\">Source</th><th scope=\"col\">Kind</th>\
         <th scope=\"col\">Reliability (90% interval)</th><th scope=\"col\">Claims</th>\
         <th scope=\"col\">Agreed</th><th scope=\"col\">Conflicted</th>\
         <th scope=\"col\">Relayed share</th></tr></thead>\n<tbody>\n",
    );
    for s in &data.sources {
        w!(
            out,
            "<tr><th scope=\"row\">{}</th><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>\
             <td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>\n",
            esc(&s.outlet),
            esc(&s.kind),
            reliability_text(s),
            s.claims,
            s.agreed,
            s.conflicted,
            share_text(s.attributed_share)
        );
    }
    out.push_str("</tbody>\n</table>\n</div>\n<ul class=\"explain\">\n");
    for s in &data.sources {
        w!(
            out,
            "<li><strong>{}</strong>: {}</li>\n",
            esc(&s.outlet),
            esc(common::explanation_body(s))
        );
    }
    out.push_str("</ul>\n</section>\n");
}

fn methods(out: &mut String) {
    out.push_str(
        "<section id=\"methods\" class=\"methods\" aria-labelledby=\"methods-h\">\n\
         <h2 id=\"methods-h\">Methods</h2>\n",
    );
    for (i, (heading, blocks)) in METHODS.iter().enumerate() {
        w!(out, "<h3>{}</h3>\n", esc(heading));
        for block in *blocks {
            match block {
                Block::P(text) => w!(out, "<p>{}</p>\n", esc(text)),
                Block::Table {
                    caption,
                    head,
                    rows,
                } => {
                    w!(
                        out,
                        "<div class=\"scroll\" role=\"region\" tabindex=\"0\" \
                         aria-labelledby=\"m{i}-cap\">\n<table>\n<caption id=\"m{i}-cap\">{}</caption>\n\
                         <thead><tr>",
                        esc(caption)
                    );
                    for h in *head {
                        w!(out, "<th scope=\"col\">{}</th>", esc(h));
                    }
                    out.push_str("</tr></thead>\n<tbody>\n");
                    for row in *rows {
                        out.push_str("<tr>");
                        for (j, c) in row.iter().enumerate() {
                            if j == 0 {
                                w!(out, "<th scope=\"row\">{}</th>", esc(c));
                            } else {
                                w!(out, "<td>{}</td>", esc(c));
                            }
                        }
                        out.push_str("</tr>\n");
                    }
                    out.push_str("</tbody>\n</table>\n</div>\n");
                }
            }
        }
    }
    out.push_str("</section>\n");
}

// ---------------------------------------------------------------------------------------
// Charts: hand-written SVG, deterministic, coordinates rounded to 0.1.

/// A coordinate without float noise: 12.3, 40, never -0.
fn f(x: f64) -> String {
    let r = (x * 10.0).round() / 10.0;
    if r == 0.0 || !r.is_finite() {
        "0".into()
    } else if r.fract() == 0.0 {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

struct Scale {
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

fn nice_step(span: f64, target: f64) -> f64 {
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
fn axis(lo: f64, hi: f64, open_lo: bool, open_hi: bool, target: f64) -> (f64, f64, Vec<f64>) {
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
fn tick_label(v: f64) -> String {
    let a = v.abs();
    if a >= 1e9 {
        format!("{} bn", num(v / 1e9))
    } else if a >= 1e6 {
        format!("{} m", num(v / 1e6))
    } else {
        num(v)
    }
}

fn finite(v: Option<f64>) -> Option<f64> {
    v.filter(|x| x.is_finite())
}

fn arrow_right(x: f64, y: f64, col: &str) -> String {
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

fn arrow_left(x: f64, y: f64, col: &str) -> String {
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

fn arrow_up(x: f64, y: f64, col: &str) -> String {
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

fn arrow_down(x: f64, y: f64, col: &str) -> String {
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

fn dot(x: f64, y: f64, r: f64, col: &str, hollow: bool) -> String {
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

fn line(x1: f64, y1: f64, x2: f64, y2: f64, col: &str, width: f64) -> String {
    format!(
        "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{col}\" stroke-width=\"{}\"/>",
        f(x1),
        f(y1),
        f(x2),
        f(y2),
        f(width)
    )
}

fn svg_open(out: &mut String, id: &str, width: f64, height: f64, title: &str, desc: &str) {
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

const NL_W: f64 = 480.0;
const NL_X0: f64 = 18.0;
const NL_X1: f64 = 458.0;
const NL_ROW: f64 = 44.0;
const NL_TOP: f64 = 24.0;
/// Where the bar sits in a row, below the row's label line.
const NL_BAR: f64 = 30.0;

/// A number line with one row per claim of a quantity cluster: each row has a label line
/// (number, outlet, date, claimant, and the conflict/update mark) over the claim's interval.
fn number_line(cluster: &Cluster, claims: &[&Claim], id: &str) -> Option<String> {
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

/// Days since 1970-01-01 of a `YYYY-MM-DD` date.
fn day_number(date: &str) -> Option<i64> {
    let mut parts = date.trim().splitn(3, '-');
    let y: i64 = parts.next()?.parse().ok()?;
    let m: i64 = parts.next()?.parse().ok()?;
    let d: i64 = parts.next()?.get(..2)?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

fn short_date(date: &str) -> String {
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

const TL_W: f64 = 480.0;
const TL_X0: f64 = 56.0;
const TL_X1: f64 = 466.0;
const TL_Y0: f64 = 22.0;
const TL_Y1: f64 = 160.0;

/// The figure over time: one vertical interval per date.
fn timeline(cluster: &Cluster, id: &str) -> Option<String> {
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

const RC_W: f64 = 480.0;
const RC_X0: f64 = 16.0;
const RC_X1: f64 = 466.0;
const RC_ROW: f64 = 36.0;
const RC_TOP: f64 = 22.0;

/// Reliability with its 90% interval, one row per source: a label line (shape for the
/// kind, name, figures) over the bar and its interval.
fn reliability_chart(sources: &[&SourceScore], id: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::markdown::tests::{hostile, sample};
    use proptest::prelude::*;

    /// Tags the template writes. Any other `<` in the output came from somewhere else.
    const TAGS: &[&str] = &[
        "!DOCTYPE",
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "a",
        "main",
        "header",
        "h1",
        "h2",
        "h3",
        "h4",
        "p",
        "nav",
        "ul",
        "li",
        "section",
        "dl",
        "div",
        "dt",
        "dd",
        "span",
        "strong",
        "code",
        "figure",
        "figcaption",
        "svg",
        "desc",
        "g",
        "line",
        "rect",
        "circle",
        "path",
        "text",
        "tspan",
        "polyline",
        "table",
        "caption",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "mark",
        "footer",
    ];

    /// Every `<` opens a known template tag, no tag carries an event handler or a
    /// `javascript:` URL, and no script can run.
    fn assert_only_template_markup(out: &str) {
        let body = out.split("</style>").nth(1).expect("one style block");
        let mut rest = body;
        while let Some(i) = rest.find('<') {
            rest = &rest[i + 1..];
            let end = rest.find('>').expect("tags close");
            let tag = &rest[..end];
            let name = tag
                .trim_start_matches('/')
                .split(|c: char| c.is_whitespace() || c == '/')
                .next()
                .unwrap_or("");
            assert!(TAGS.contains(&name), "unexpected tag <{tag}>");
            let lower = tag.to_ascii_lowercase();
            for attr in lower.split_whitespace().skip(1) {
                assert!(!attr.starts_with("on"), "event handler in <{tag}>");
                assert!(!attr.starts_with("style="), "inline style in <{tag}>");
                assert!(!attr.starts_with("src="), "external resource in <{tag}>");
            }
            assert!(!lower.contains("javascript:"), "javascript: in <{tag}>");
            if name == "a" && !tag.starts_with('/') {
                let href = lower.split("href=\"").nth(1).unwrap_or("");
                assert!(
                    href.starts_with('#') || href.starts_with("http"),
                    "bad link <{tag}>"
                );
                if href.starts_with("http") {
                    assert!(lower.contains("rel=\"noopener noreferrer\""));
                }
            }
        }
        let lower = out.to_ascii_lowercase();
        assert!(!lower.contains("<script"));
        assert!(!lower.contains("<link"));
        assert!(!lower.contains("<img"));
        assert!(!lower.contains("<iframe"));
        let css = out
            .split("<style>")
            .nth(1)
            .and_then(|s| s.split("</style>").next());
        let css = css.expect("inline style").to_ascii_lowercase();
        assert!(!css.contains("@import") && !css.contains("url(") && !css.contains('<'));
    }

    #[test]
    fn renders_the_sample() {
        let data = sample();
        let out = render(&data);
        assert!(out.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
        assert!(out.ends_with("</html>\n"));
        assert_eq!(out.matches("<h1>").count(), 1);
        assert_eq!(out.matches("<style>").count(), 1);
        assert_only_template_markup(&out);
        for id in [
            "summary",
            "discrepancies",
            "agreeing",
            "internal",
            "sources",
            "methods",
        ] {
            assert!(out.contains(&format!("<section id=\"{id}\"")), "{id}");
        }
        // Same order as the Markdown.
        let pos = |s: &str| out.find(s).unwrap_or_else(|| panic!("{s}"));
        assert!(pos("id=\"summary-h\"") < pos("id=\"discrepancies-h\""));
        assert!(pos("id=\"discrepancies-h\"") < pos("id=\"agreeing-h\""));
        assert!(pos("id=\"agreeing-h\"") < pos("id=\"internal-h\""));
        assert!(pos("id=\"internal-h\"") < pos("id=\"sources-h\""));
        assert!(pos("id=\"sources-h\"") < pos("id=\"methods-h\""));
        assert!(out.contains(&format!(
            "<dt>Discrepancies</dt><dd>{}</dd>",
            data.summary.discrepancies
        )));
        let first_claim = data
            .claims
            .iter()
            .find(|c| c.claim_id == data.clusters[0].claims[0])
            .and_then(|c| c.quantity.as_ref())
            .map(|q| q.surface.clone())
            .unwrap_or_default();
        assert!(
            out.contains(&format!("<mark>{first_claim}</mark>")),
            "{first_claim}"
        );
        assert!(out.contains(
            "<a href=\"https://harborledger.example/world/2025/05/19/talks-resume-captives-gaza\" rel=\"noopener noreferrer\">"
        ));
        // One number line per quantity cluster with discrepancies, timelines where the
        // figure changed, one reliability chart; each with a text alternative.
        let with: Vec<&Cluster> = data
            .clusters
            .iter()
            .filter(|c| !c.discrepancies.is_empty())
            .collect();
        let quantity = with
            .iter()
            .filter(|c| c.kind == ClaimKind::Quantity)
            .count();
        let timelines = with
            .iter()
            .filter(|c| c.kind == ClaimKind::Quantity && c.timeline.len() >= 2)
            .count();
        assert_eq!(out.matches("<title id=\"d").count(), quantity + timelines);
        assert!(timelines > 0);
        assert_eq!(
            out.matches("role=\"img\"").count(),
            quantity + timelines + 1
        );
        assert_eq!(
            out.matches("role=\"img\"").count(),
            out.matches("<desc id=").count()
        );
        assert!(out.contains("✕ conflict"));
        // Table headers have scopes and every table a caption.
        assert_eq!(
            out.matches("<table>").count(),
            out.matches("<caption").count()
        );
        assert!(!out.contains("<th>"));
        // Headings never skip a level.
        let mut last = 1;
        for (i, _) in out.match_indices("<h") {
            let level = out.as_bytes()[i + 2];
            if level.is_ascii_digit() {
                let level = (level - b'0') as i32;
                assert!(level <= last + 1, "heading jumps to h{level}");
                last = level;
            }
        }
        // No float noise in coordinates.
        assert!(!out.contains("0000001"));
        assert!(!out.contains("9999999"));
        assert!(!out.contains("NaN"));
        assert!(!out.contains("inf\""));
        // generated_at is left out when None.
        assert!(!out.contains("Generated"));
    }

    #[test]
    fn hostile_text_is_escaped() {
        let data = hostile();
        let out = render(&data);
        assert_only_template_markup(&out);
        assert!(!out.contains("<script"));
        assert!(!out.contains("<img"));
        assert!(!out.contains("<svg onload"));
        assert!(!out.contains("href=\"javascript:"));
        assert!(out.contains("&lt;img src=x onerror=alert(1)&gt;"));
        assert!(out.contains("<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>"));
        assert!(out.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
        assert!(out.contains("&quot;&gt;&lt;svg onload=alert(1)&gt;"));
        assert!(out.contains("<mark>about 48</mark>"));
        assert!(
            out.contains("href=\"https://ok.example/a?b=1&amp;c=2\" rel=\"noopener noreferrer\"")
        );
        assert!(out.contains("Generated &lt;script&gt;alert(7)&lt;/script&gt;"));
    }

    #[test]
    fn deterministic() {
        let data = sample();
        assert_eq!(render(&data), render(&data));
        let h = hostile();
        assert_eq!(render(&h), render(&h));
    }

    #[test]
    fn axes_are_round() {
        let (d0, d1, ticks) = axis(1140.0, 53000.0, false, true, 5.0);
        assert_eq!((d0, d1), (0.0, 80000.0));
        assert_eq!(ticks, vec![0.0, 20000.0, 40000.0, 60000.0, 80000.0]);
        let (_, _, ticks) = axis(0.1, 0.7, false, false, 5.0);
        assert!(ticks.iter().all(|t| num(*t).len() <= 3), "{ticks:?}");
        assert_eq!(f(-0.04), "0");
        assert_eq!(f(12.345), "12.3");
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(
            day_number("2025-05-19").unwrap() - day_number("2025-05-12").unwrap(),
            7
        );
        assert_eq!(short_date("2025-05-19"), "19 May");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn arbitrary_outlet_and_sentence_never_make_markup(outlet in "\\PC*", sentence in "\\PC*") {
            let mut data = hostile();
            let outlet = format!("QX{outlet}QZ");
            let sentence = format!("QX{sentence} about 48 QZ");
            data.claims[0].outlet = Some(outlet.clone());
            data.claims[0].sentence = sentence.clone();
            data.sources[0].outlet = outlet.clone();
            let out = render(&data);
            assert_only_template_markup(&out);
            prop_assert!(out.contains(&esc(&outlet)));
            if outlet.contains(['<', '>', '&', '"', '\'']) {
                prop_assert!(!out.contains(&outlet));
            }
            if sentence.contains(['<', '>', '&', '"', '\'']) {
                prop_assert!(!out.contains(&sentence));
            }
        }
    }
}
