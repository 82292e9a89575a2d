//! The Markdown report: pastes cleanly into a newsroom document. Every piece of corpus
//! text goes through [`escape::markdown`]; links only for URLs [`escape::safe_url`] accepts.

use std::fmt::Write;

use super::common::{
    self, agreement_text, as_written, claim_interval, claimant, consensus_text, date_text,
    flags_text, reliability_text, severity_text, share_text, split_sentence, Block, ClusterFlags,
    Lookup, METHODS,
};
use super::escape::markdown as md;
use crate::model::{Claim, ClaimKind, Cluster, ReportData};

/// The whole report as Markdown.
pub fn render(data: &ReportData) -> String {
    let lookup = Lookup::new(data);
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", md(&data.title));
    if let Some(at) = &data.generated_at {
        let _ = writeln!(out, "Generated {}\n", md(at));
    }

    summary(&mut out, data);

    if common::has_stories(data) {
        by_story(&mut out, data, &lookup);
    } else {
        let (with, without) = common::split_clusters(data);
        out.push_str("## Discrepancies\n\n");
        if with.is_empty() {
            out.push_str("No outlets disagree on any figure or quote.\n\n");
        }
        for (i, cluster) in with.iter().enumerate() {
            cluster_section(&mut out, "###", i + 1, cluster, &lookup);
        }
        out.push_str("## Agreeing figures\n\n");
        agreeing(&mut out, &without, &lookup);
    }

    out.push_str("## Inconsistencies inside one article\n\n");
    internal(&mut out, data, &lookup);

    out.push_str("## Source reliability\n\n");
    sources(&mut out, data);

    out.push_str("## Methods\n\n");
    methods(&mut out);
    out
}

fn summary(out: &mut String, data: &ReportData) {
    let s = &data.summary;
    out.push_str("## Summary\n\n");
    let _ = writeln!(out, "- Articles: {}", s.articles);
    let _ = writeln!(out, "- Outlets: {}", s.outlets);
    let _ = writeln!(out, "- Claims: {}", s.claims);
    let _ = writeln!(
        out,
        "- Clusters (figures and quotes compared): {}",
        s.clusters
    );
    let _ = writeln!(out, "- Discrepancies: {}", s.discrepancies);
    let _ = writeln!(
        out,
        "- Inconsistencies inside one article: {}\n",
        s.internal
    );
}

/// One table cell: escaped, never empty.
fn cell(text: &str) -> String {
    let t = md(text.trim());
    if t.is_empty() {
        "—".into()
    } else {
        t
    }
}

/// Text this printer made from numbers (intervals, consensus): no corpus text, and
/// nothing in it that Markdown reads as markup where it is placed (never at a line start).
fn gen(text: &str) -> String {
    if text.trim().is_empty() {
        "—".into()
    } else {
        text.to_owned()
    }
}

/// The sentence with the figure in bold, all corpus text escaped.
pub(crate) fn sentence(claim: &Claim) -> String {
    let (before, hit, after) = split_sentence(claim);
    if hit.trim().is_empty() {
        return cell(before);
    }
    format!("{}**{}**{}", md(before), md(hit.trim()), md(after))
}

fn link(claim: &Claim, lookup: &Lookup) -> String {
    match lookup.link(claim) {
        Some((url, title)) => {
            let text = title
                .map(|t| md(&common::truncate(t, 60)))
                .filter(|t| !t.is_empty())
                .unwrap_or_else(|| "article".into());
            format!("[{text}]({url})")
        }
        None => "—".into(),
    }
}

/// A table of the stories, then a section per story: its disputed figures, then its
/// agreeing ones. Stories with the biggest disagreements come first.
fn by_story(out: &mut String, data: &ReportData, lookup: &Lookup) {
    let groups = common::clusters_by_story(data);
    out.push_str("## Stories\n\n");
    out.push_str(
        "| # | Story | Dates | Articles | Outlets | Figures and quotes compared | Discrepancies |\n\
         |---|---|---|---|---|---|---|\n",
    );
    for (i, group) in groups.iter().enumerate() {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} |",
            i + 1,
            cell(&group.label()),
            gen(&group.dates()),
            group.story.map_or(0, |s| s.articles),
            group.story.map_or(0, |s| s.outlets.len()),
            group.disputed.len() + group.agreeing.len(),
            group.discrepancies()
        );
    }
    out.push('\n');
    let mut n = 0;
    for (i, group) in groups.iter().enumerate() {
        let _ = writeln!(out, "## Story {}: {}\n", i + 1, md(&group.label()));
        let mut facts = vec![group.dates()];
        if let Some(story) = group.story {
            facts.push(format!("{} articles", story.articles));
            if !story.outlets.is_empty() {
                facts.push(format!("outlets: {}", md(&story.outlets.join(", "))));
            }
            facts.push(format!("story id {}", md(&story.story_id)));
        }
        let _ = writeln!(out, "{}\n", facts.join(" · "));
        out.push_str("### Discrepancies\n\n");
        if group.disputed.is_empty() {
            out.push_str("No outlets disagree on any figure or quote of this story.\n\n");
        }
        for cluster in &group.disputed {
            n += 1;
            cluster_section(out, "####", n, cluster, lookup);
        }
        out.push_str("### Agreeing figures\n\n");
        agreeing(out, &group.agreeing, lookup);
    }
}

fn cluster_section(out: &mut String, level: &str, n: usize, cluster: &Cluster, lookup: &Lookup) {
    let claims = lookup.cluster_claims(cluster);
    let _ = writeln!(out, "{level} {n}. {}\n", md(&cluster.label));
    let mut facts = String::new();
    match common::positions_text(cluster, &claims) {
        Some(positions) => {
            let _ = write!(facts, "Disputed: {} · ", md(&positions.join(" · ")));
        }
        None if cluster.kind == ClaimKind::Quantity => {
            let _ = write!(
                facts,
                "Consensus **{}** · ",
                consensus_text(&cluster.consensus)
            );
        }
        None => {}
    }
    let _ = writeln!(
        out,
        "{facts}agreement **{}** · {} claims from {} outlets · key {}\n",
        agreement_text(cluster.agreement),
        claims.len(),
        cluster.outlets.len(),
        md(&cluster.key)
    );
    out.push_str(
        "| # | Outlet | As written | Interval | Claimant | Date | Flags | Sentence | Article |\n\
         |---|---|---|---|---|---|---|---|---|\n",
    );
    let cluster_flags = ClusterFlags::new(cluster);
    for (i, claim) in claims.iter().enumerate() {
        let flags = cluster_flags.of(&claim.claim_id);
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            i + 1,
            cell(common::outlet(claim)),
            cell(&as_written(claim)),
            gen(&claim_interval(claim)),
            cell(&claimant(claim)),
            cell(&date_text(claim)),
            cell(&flags_text(&flags)),
            sentence(claim),
            link(claim, lookup)
        );
    }
    out.push('\n');
    for d in common::ordered_discrepancies(cluster) {
        let _ = writeln!(
            out,
            "- **{}**, severity {}: {}",
            d.kind.as_str(),
            severity_text(d.severity),
            md(&d.explanation)
        );
    }
    out.push('\n');
}

fn agreeing(out: &mut String, clusters: &[&Cluster], lookup: &Lookup) {
    if clusters.is_empty() {
        out.push_str("None.\n\n");
        return;
    }
    out.push_str(
        "| Figure | Consensus | Agreement | Claims | As written |\n|---|---|---|---|---|\n",
    );
    for cluster in clusters {
        let claims = lookup.cluster_claims(cluster);
        let written: Vec<String> = claims
            .iter()
            .map(|c| {
                format!(
                    "{}: {} ({})",
                    md(common::outlet(c)),
                    md(&as_written(c)),
                    md(&date_text(c))
                )
            })
            .collect();
        let consensus = match cluster.kind {
            ClaimKind::Quantity => gen(&consensus_text(&cluster.consensus)),
            ClaimKind::Quote => "—".into(),
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            cell(&cluster.label),
            consensus,
            agreement_text(cluster.agreement),
            claims.len(),
            if written.is_empty() {
                "—".into()
            } else {
                written.join("; ")
            }
        );
    }
    out.push('\n');
}

fn internal(out: &mut String, data: &ReportData, lookup: &Lookup) {
    if data.internal.is_empty() {
        out.push_str("None found.\n\n");
        return;
    }
    for found in &data.internal {
        let outlet = common::inconsistency_outlet(lookup, &found.article_id, &found.claims);
        let _ = writeln!(
            out,
            "- **{}** (article {}): {}",
            md(outlet),
            md(&found.article_id),
            md(&found.explanation)
        );
        for claim in found.claims.iter().filter_map(|id| lookup.claim(id)) {
            let _ = writeln!(
                out,
                "  - {}: {}",
                md(&common::figure_and_interval(claim)),
                sentence(claim)
            );
        }
    }
    out.push('\n');
}

fn sources(out: &mut String, data: &ReportData) {
    if data.sources.is_empty() {
        out.push_str("No sources scored.\n\n");
        return;
    }
    out.push_str(
        "| Source | Kind | Reliability (90% interval) | Claims | Agreed | Conflicted | Relayed share |\n\
         |---|---|---|---|---|---|---|\n",
    );
    for s in &data.sources {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} |",
            cell(&s.outlet),
            cell(&s.kind),
            reliability_text(s),
            s.claims,
            s.agreed,
            s.conflicted,
            share_text(s.attributed_share)
        );
    }
    out.push('\n');
    for s in &data.sources {
        let _ = writeln!(
            out,
            "- **{}**: {}",
            md(&s.outlet),
            md(common::explanation_body(s))
        );
    }
    out.push('\n');
}

fn methods(out: &mut String) {
    for (heading, blocks) in METHODS {
        let _ = writeln!(out, "### {}\n", md(heading));
        for block in *blocks {
            match block {
                Block::P(text) => {
                    let _ = writeln!(out, "{}\n", md(text));
                }
                Block::Table { head, rows, .. } => {
                    let _ = writeln!(
                        out,
                        "| {} |",
                        head.iter().map(|h| md(h)).collect::<Vec<_>>().join(" | ")
                    );
                    let _ = writeln!(out, "|{}", "---|".repeat(head.len()));
                    for row in *rows {
                        let _ = writeln!(
                            out,
                            "| {} |",
                            row.iter().map(|c| md(c)).collect::<Vec<_>>().join(" | ")
                        );
                    }
                    out.push('\n');
                }
            }
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::*;
    use proptest::prelude::*;

    /// The report of the sample corpus, built without an index.
    pub(crate) fn sample() -> ReportData {
        let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        crate::pipeline::report_of_files(&[corpus])
    }

    fn claim(id: &str, article: &str, outlet: &str, sentence: &str, surface: &str) -> Claim {
        Claim {
            claim_id: id.into(),
            article_id: article.into(),
            outlet: Some(outlet.into()),
            date: Some("2025-05-19".into()),
            kind: ClaimKind::Quantity,
            sentence: sentence.into(),
            span: [0, 0],
            quantity: Some(Quantity {
                value: 48.0,
                qualifier: Qualifier::Approx,
                low: Some(45.6),
                high: Some(50.4),
                unit: None,
                surface: surface.into(),
            }),
            subject: Some("hostages".into()),
            key: Some("hostages/held/gaza".into()),
            attribution: None,
            as_of: None,
            certainty: Certainty::Asserted,
            quote: None,
            status: Some("held".into()),
            location: Some("Gaza".into()),
            as_of_partial: None,
            sentence_start: None,
            story: None,
            frame: Frame::from_key("hostages/held/gaza"),
        }
    }

    /// A report built from hostile article text: every field tries to break out.
    pub(crate) fn hostile() -> ReportData {
        let mut a = claim(
            "c1",
            "a1",
            "<img src=x onerror=alert(1)>",
            "Officials said about 48 <script>alert('x')</script> were held \"><svg onload=alert(1)>.",
            "about 48",
        );
        a.attribution = Some(Attribution {
            source: "the ministry\n## injected".into(),
            cue: "said".into(),
            via: Some("[click](javascript:alert(1))".into()),
        });
        let mut b = claim(
            "c2",
            "a2",
            "# heading | pipe | [click](javascript:alert(1))",
            "More than 900 <img src=x onerror=alert(1)> were held [click](javascript:alert(1)).",
            "More than 900",
        );
        b.quantity = Some(Quantity {
            value: 900.0,
            qualifier: Qualifier::MoreThan,
            low: Some(900.0),
            high: None,
            unit: None,
            surface: "More than 900".into(),
        });
        b.attribution = Some(Attribution {
            source: "x\n## injected\n<script>alert(2)</script>".into(),
            cue: "said".into(),
            via: None,
        });
        let mut q = claim(
            "c3",
            "a2",
            "<img src=x onerror=alert(1)>",
            "\"<script>alert('q')</script>\", said <b>Evil</b>.",
            "",
        );
        q.kind = ClaimKind::Quote;
        q.quantity = None;
        q.quote = Some(Quote {
            speaker: Some("Evil\n## injected".into()),
            text: "<script>alert('q')</script>".into(),
        });
        let disc = Discrepancy {
            a: "c1".into(),
            b: "c2".into(),
            kind: DiscrepancyType::Conflict,
            severity: 0.9,
            explanation: "<script>alert(3)</script> vs [x](javascript:alert(1))\n## injected"
                .into(),
            a_claims: vec!["c1".into()].into(),
            b_claims: vec!["c2".into()].into(),
            pairs: 1,
        };
        let cluster = Cluster {
            cluster_id: "\"><script>alert(4)</script>".into(),
            key: "hostages/held/gaza`\n## injected <script>".into(),
            label: "</h3><script>alert(5)</script>\n## injected".into(),
            kind: ClaimKind::Quantity,
            claims: vec!["c1".into(), "c2".into()],
            outlets: vec!["<img src=x onerror=alert(1)>".into()],
            consensus: Consensus {
                low: Some(45.6),
                high: Some(50.4),
                value: Some(48.0),
            },
            agreement: 0.0,
            discrepancies: vec![disc],
            timeline: vec![
                TimelinePoint {
                    date: "<script>alert(6)</script>".into(),
                    low: Some(45.6),
                    high: Some(50.4),
                    claims: vec!["c1".into()],
                },
                TimelinePoint {
                    date: "2025-05-20".into(),
                    low: Some(900.0),
                    high: None,
                    claims: vec!["c2".into()],
                },
            ],
            uncompared_positions: 0,
            story: None,
        };
        let quote_cluster = Cluster {
            cluster_id: "q".into(),
            key: "quote/evil".into(),
            label: "quote by <b>Evil</b>".into(),
            kind: ClaimKind::Quote,
            claims: vec!["c3".into()],
            outlets: vec!["<img src=x onerror=alert(1)>".into()],
            consensus: Consensus::default(),
            agreement: 1.0,
            discrepancies: vec![],
            timeline: vec![],
            uncompared_positions: 0,
            story: None,
        };
        ReportData {
            stories: Vec::new(),
            title: "</title><script>alert(1)</script>".into(),
            generated_at: Some("<script>alert(7)</script>".into()),
            summary: ReportSummary {
                articles: 2,
                outlets: 2,
                claims: 3,
                clusters: 2,
                discrepancies: 1,
                internal: 1,
            },
            clusters: vec![cluster, quote_cluster],
            internal: vec![Inconsistency {
                article_id: "a1`\n## injected".into(),
                claims: vec!["c1".into()],
                explanation: "<img src=x onerror=alert(1)> [x](javascript:alert(1))".into(),
            }],
            sources: vec![SourceScore {
                outlet: "<img src=x onerror=alert(1)>\n## injected".into(),
                kind: "<script>".into(),
                reliability: 0.7,
                claims: 2,
                agreed: 1,
                conflicted: 1,
                attributed_share: 0.5,
                explanation: "<svg onload=alert(1)> [x](javascript:alert(1))".into(),
                reliability_low: 0.3,
                reliability_high: 0.9,
                checked: 2,
                copies: vec![],
            }],
            truths: vec![],
            claims: vec![a, b, q],
            articles: vec![
                ArticleMeta {
                    id: "a1".into(),
                    outlet: Some("<img src=x onerror=alert(1)>".into()),
                    title: Some("</title><script>alert(1)</script>".into()),
                    url: Some("javascript:alert(1)".into()),
                    date: Some("2025-05-19".into()),
                    story: None,
                },
                ArticleMeta {
                    id: "a2".into(),
                    outlet: Some("# heading | pipe |".into()),
                    title: Some("[click](javascript:alert(1))".into()),
                    url: Some("https://ok.example/a?b=1&c=2".into()),
                    date: Some("2025-05-19".into()),
                    story: None,
                },
            ],
        }
    }

    #[test]
    fn renders_the_sample() {
        let data = sample();
        let out = render(&data);
        assert!(out.starts_with("# crosscheck report\n"));
        assert!(out.contains("- Articles: 21"));
        assert!(out.contains(&format!("- Discrepancies: {}", data.summary.discrepancies)));
        for heading in [
            "## Summary",
            "## Discrepancies",
            "## Agreeing figures",
            "## Inconsistencies inside one article",
            "## Source reliability",
            "## Methods",
        ] {
            assert_eq!(out.matches(&format!("{heading}\n")).count(), 1, "{heading}");
        }
        // Clusters with discrepancies come first, in input (severity) order.
        let first = data
            .clusters
            .iter()
            .find(|c| !c.discrepancies.is_empty())
            .unwrap();
        assert!(out.contains(&format!("### 1. {}\n", md(&first.label))));
        let first_claim = data
            .claims
            .iter()
            .find(|c| c.claim_id == data.clusters[0].claims[0])
            .and_then(|c| c.quantity.as_ref())
            .map(|q| q.surface.clone())
            .unwrap_or_default();
        assert!(out.contains(&format!("**{first_claim}**")), "{first_claim}");
        assert!(out.contains("Consensus **"));
        assert!(out.contains(
            "[Talks resume as Israel says 50 captives remain in Gaza](https://harborledger.example/world/2025/05/19/talks-resume-captives-gaza)"
        ));
        assert!(out.contains("20 alive \\+ 35 dead add up to 55"));
        assert!(
            out.contains("| Israeli government | claimant | 0.85 (0.59–1.00) | 2 | 2 | 0 | 0% |")
        );
        assert!(out.contains("Beta prior with mean 0.7 and weight 2"));
        assert!(!out.contains("Generated"));
        // Every table row has the same number of cells as its header.
        for block in out.split("\n\n") {
            let rows: Vec<&str> = block.lines().filter(|l| l.starts_with('|')).collect();
            if let Some(head) = rows.first() {
                let cells = |l: &str| l.replace("\\|", "").matches('|').count();
                for r in &rows {
                    assert_eq!(cells(r), cells(head), "{r}");
                }
            }
        }
    }

    #[test]
    fn prints_generated_at_only_when_set() {
        let mut data = sample();
        data.generated_at = Some("2025-05-21T10:00:00Z".into());
        assert!(render(&data).contains("Generated 2025\\-05\\-21T10:00:00Z\n"));
    }

    #[test]
    fn hostile_text_is_neutralised() {
        let out = render(&hostile());
        assert!(!out.contains("<script"), "{out}");
        assert!(!out.contains("<img"));
        assert!(!out.contains("<svg"));
        assert!(!out.contains("](javascript:"));
        for (i, _) in out.match_indices("(javascript:") {
            assert!(out[..i].ends_with('\\'), "unescaped link target at {i}");
        }
        for line in out.lines() {
            assert!(!line.trim_start().starts_with("## injected"), "{line}");
            assert!(!line.starts_with("# heading"), "{line}");
        }
        // The safe URL is a link; the javascript: one is not.
        assert!(out.contains("](https://ok.example/a?b=1&c=2)"));
        // Pipes in the outlet name do not add table cells.
        for block in out.split("\n\n") {
            let rows: Vec<&str> = block.lines().filter(|l| l.starts_with('|')).collect();
            if let Some(head) = rows.first() {
                let cells = |l: &str| l.replace("\\|", "").matches('|').count();
                for r in &rows {
                    assert_eq!(cells(r), cells(head), "{r}");
                }
            }
        }
    }

    #[test]
    fn deterministic() {
        let data = sample();
        assert_eq!(render(&data), render(&data));
        let h = hostile();
        assert_eq!(render(&h), render(&h));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn arbitrary_outlet_and_sentence_stay_inert(outlet in "\\PC*", sentence in "\\PC*") {
            let mut data = hostile();
            data.claims[0].outlet = Some(outlet.clone());
            data.claims[0].sentence = sentence.clone();
            data.sources[0].outlet = outlet.clone();
            let out = render(&data);
            prop_assert!(!out.contains("<script"));
            prop_assert!(!out.contains("](javascript:"));
            if !outlet.trim().is_empty() {
                prop_assert!(out.contains(&md(outlet.trim())));
            }
            for line in out.lines() {
                prop_assert!(!line.starts_with("## injected"));
            }
        }
    }
}
