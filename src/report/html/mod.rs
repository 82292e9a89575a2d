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

mod svg;

use svg::{number_line, reliability_chart, timeline};

/// The report's stylesheet, inlined into the page (no file is fetched).
const CSS: &str = include_str!("style.css");

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

    if common::has_stories(data) {
        by_story(&mut out, data, &lookup);
    } else {
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
        agreeing(&mut out, &without, &lookup, "agreeing", "h2");
    }
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
    let positions = common::positions_text(cluster, &claims);
    match &positions {
        Some(positions) => w!(
            out,
            "Disputed: <strong>{}</strong> · ",
            esc(&positions.join(" · "))
        ),
        None if cluster.kind == ClaimKind::Quantity => w!(
            out,
            "Consensus <strong>{}</strong> · ",
            esc(&consensus_text(&cluster.consensus))
        ),
        None => {}
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
            if positions.is_some() {
                w!(
                    out,
                    "<figure class=\"chart\">{svg}<figcaption>Each outlet’s figure as an \
                     interval; the shaded column is where most reports meet ({}), not an \
                     agreed figure.</figcaption></figure>\n",
                    esc(&consensus_text(&cluster.consensus))
                );
            } else {
                w!(
                    out,
                    "<figure class=\"chart\">{svg}<figcaption>Each outlet’s figure as an \
                     interval; the shaded column is the consensus {}.</figcaption></figure>\n",
                    esc(&consensus_text(&cluster.consensus))
                );
            }
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

/// A table of the stories, then a section per story (its disputed figures, then its
/// agreeing ones), the stories with the biggest disagreements first.
fn by_story(out: &mut String, data: &ReportData, lookup: &Lookup) {
    let groups = common::clusters_by_story(data);
    out.push_str(
        "<section id=\"discrepancies\" aria-labelledby=\"discrepancies-h\">\n\
         <h2 id=\"discrepancies-h\">Stories</h2>\n\
         <div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"stories-cap\">\n\
         <table>\n<caption id=\"stories-cap\">The events the articles report, the biggest \
         disagreements first</caption>\n<thead><tr><th scope=\"col\">#</th>\
         <th scope=\"col\">Story</th><th scope=\"col\">Dates</th>\
         <th scope=\"col\">Articles</th><th scope=\"col\">Outlets</th>\
         <th scope=\"col\">Compared</th><th scope=\"col\">Discrepancies</th></tr></thead>\n<tbody>\n",
    );
    for (i, group) in groups.iter().enumerate() {
        w!(
            out,
            "<tr><td class=\"n\">{}</td><th scope=\"row\"><a href=\"#story{}\">{}</a></th>\
             <td class=\"nw\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>\
             <td class=\"n\">{}</td><td class=\"n\">{}</td></tr>\n",
            i + 1,
            i + 1,
            esc(&group.label()),
            esc(&group.dates()),
            group.story.map_or(0, |s| s.articles),
            group.story.map_or(0, |s| s.outlets.len()),
            group.disputed.len() + group.agreeing.len(),
            group.discrepancies()
        );
    }
    out.push_str("</tbody>\n</table>\n</div>\n");
    if groups.iter().any(|g| !g.disputed.is_empty()) {
        legend(out);
    }
    out.push_str("</section>\n");
    let mut n = 0;
    for (i, group) in groups.iter().enumerate() {
        let id = format!("story{}", i + 1);
        w!(
            out,
            "<section class=\"story\" id=\"{id}\" aria-labelledby=\"{id}-h\">\n\
             <h2 id=\"{id}-h\">Story {}: {}</h2>\n<p class=\"facts\">{}",
            i + 1,
            esc(&group.label()),
            esc(&group.dates())
        );
        if let Some(story) = group.story {
            w!(out, " · {} articles", story.articles);
            if !story.outlets.is_empty() {
                w!(out, " · outlets: {}", esc(&story.outlets.join(", ")));
            }
            w!(out, " · story id <code>{}</code>", esc(&story.story_id));
        }
        out.push_str("</p>\n");
        if group.disputed.is_empty() {
            out.push_str("<p>No outlets disagree on any figure or quote of this story.</p>\n");
        }
        for cluster in &group.disputed {
            n += 1;
            cluster_section(out, n, cluster, lookup);
        }
        agreeing(
            out,
            &group.agreeing,
            lookup,
            &format!("{id}-agreeing"),
            "h3",
        );
        out.push_str("</section>\n");
    }
}

fn agreeing(out: &mut String, clusters: &[&Cluster], lookup: &Lookup, id: &str, heading: &str) {
    w!(
        out,
        "<section id=\"{id}\" aria-labelledby=\"{id}-h\">\n\
         <{heading} id=\"{id}-h\">Agreeing figures</{heading}>\n"
    );
    if clusters.is_empty() {
        out.push_str("<p>None.</p>\n</section>\n");
        return;
    }
    w!(
        out,
        "<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"{id}-cap\">\n\
         <table>\n<caption id=\"{id}-cap\">Figures and quotes the outlets agree on \
         (or only one outlet reports)</caption>\n<thead><tr><th scope=\"col\">Figure</th>\
         <th scope=\"col\">Consensus</th><th scope=\"col\">Agreement</th>\
         <th scope=\"col\">Claims</th><th scope=\"col\">As written</th></tr></thead>\n<tbody>\n"
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

/// The report's stylesheet, for pages that show report fragments (`crosscheck serve`).
pub fn stylesheet() -> &'static str {
    CSS
}

/// One cluster as the report shows it (its facts, number line, timeline, claims and
/// discrepancies), numbered `n`: the server's cluster and story pages use the same code.
pub fn cluster_fragment(n: usize, cluster: &Cluster, data: &ReportData) -> String {
    let lookup = Lookup::new(data);
    let mut out = String::new();
    cluster_section(&mut out, n, cluster, &lookup);
    out
}

/// The source-reliability section (chart, table, explanations) as the report shows it.
pub fn sources_fragment(data: &ReportData) -> String {
    let mut out = String::new();
    sources(&mut out, data);
    out
}

#[cfg(test)]
mod tests {
    use super::svg::timeline::{day_number, short_date};
    use super::svg::*;
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
