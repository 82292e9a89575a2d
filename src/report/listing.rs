//! Text listings for a terminal: claims, search hits and index statistics. Every piece of
//! corpus text goes through [`terminal`], so it can neither move the cursor nor spread one
//! record over several lines.

use std::io::{self, Write};

use super::escape::terminal;
use crate::index::{SearchHit, Stats};
use crate::model::Claim;

/// Each claim as a line of figure, subject and key, its claimant, and its sentence.
pub fn claims_text(out: &mut impl Write, claims: &[Claim]) -> io::Result<()> {
    if claims.is_empty() {
        writeln!(out, "no matching claims")?;
    }
    for claim in claims {
        claim_text(out, claim)?;
    }
    Ok(())
}

fn claim_text(out: &mut impl Write, claim: &Claim) -> io::Result<()> {
    let outlet = terminal(claim.outlet.as_deref().unwrap_or("(unknown outlet)"));
    let date = terminal(
        claim
            .as_of
            .as_deref()
            .or(claim.date.as_deref())
            .unwrap_or("undated"),
    );
    match (&claim.quantity, &claim.quote) {
        (Some(q), _) => writeln!(
            out,
            "{outlet} · {date} · \"{}\" {} {}  [{}]",
            terminal(&q.surface),
            crate::model::interval_text(q.low, q.high),
            terminal(claim.subject.as_deref().unwrap_or("(no subject)")),
            terminal(claim.key.as_deref().unwrap_or("no key")),
        )?,
        (None, Some(quote)) => writeln!(
            out,
            "{outlet} · {date} · quote by {}: “{}”",
            terminal(quote.speaker.as_deref().unwrap_or("(unnamed)")),
            terminal(&quote.text)
        )?,
        (None, None) => writeln!(out, "{outlet} · {date} · {}", terminal(&claim.sentence))?,
    }
    if let Some(a) = &claim.attribution {
        let (source, cue) = (terminal(&a.source), terminal(&a.cue));
        match &a.via {
            Some(via) => writeln!(
                out,
                "    claimed by {source} ({cue}), via {}",
                terminal(via)
            )?,
            None => writeln!(out, "    claimed by {source} ({cue})")?,
        }
    }
    writeln!(out, "    {}", terminal(&claim.sentence))?;
    Ok(())
}

/// Each hit as outlet, date, title and score, and its snippet with the matches in bold.
pub fn search_text(out: &mut impl Write, hits: &[SearchHit]) -> io::Result<()> {
    if hits.is_empty() {
        writeln!(out, "no matching articles")?;
    }
    for hit in hits {
        writeln!(
            out,
            "{} · {} · {}  [{:.2}]",
            terminal(hit.outlet.as_deref().unwrap_or("(unknown outlet)")),
            terminal(hit.date.as_deref().unwrap_or("undated")),
            terminal(hit.title.as_deref().unwrap_or("(untitled)")),
            hit.score
        )?;
        writeln!(out, "    {}", emphasise(&hit.snippet, &hit.highlights))?;
        writeln!(out)?;
    }
    Ok(())
}

/// Each story as its label, id, dates and counts, then its outlets and defining terms.
pub fn stories_text(
    out: &mut impl Write,
    stories: &[crate::model::StorySummary],
) -> io::Result<()> {
    if stories.is_empty() {
        writeln!(out, "no stories")?;
    }
    for story in stories {
        let dates = match (&story.first_date, &story.last_date) {
            (Some(a), Some(b)) if a == b => a.clone(),
            (Some(a), Some(b)) => format!("{a} to {b}"),
            _ => "undated".into(),
        };
        writeln!(
            out,
            "{}  {}\n    {} · {} articles · {} claims · {} outlets",
            terminal(&story.story_id),
            terminal(&story.label),
            terminal(&dates),
            story.articles,
            story.claims,
            story.outlets.len()
        )?;
        if !story.terms.is_empty() {
            writeln!(out, "    terms: {}", terminal(&story.terms.join(", ")))?;
        }
        if !story.outlets.is_empty() {
            writeln!(out, "    outlets: {}", terminal(&story.outlets.join(", ")))?;
        }
    }
    Ok(())
}

/// The snippet with matched terms in `**bold**` and line breaks folded, for a terminal.
fn emphasise(snippet: &str, highlights: &[[usize; 2]]) -> String {
    let mut out = String::with_capacity(snippet.len() + highlights.len() * 4);
    let mut at = 0;
    for &[start, end] in highlights {
        if start < at || end > snippet.len() {
            continue;
        }
        out.push_str(&snippet[at..start]);
        out.push_str("**");
        out.push_str(&snippet[start..end]);
        out.push_str("**");
        at = end;
    }
    out.push_str(&snippet[at..]);
    terminal(&out.split_whitespace().collect::<Vec<_>>().join(" ")).into_owned()
}

/// What the index holds: articles, dates, size, claims by kind, articles per outlet.
pub fn stats_text(out: &mut impl Write, stats: &Stats) -> io::Result<()> {
    writeln!(out, "articles:    {}", stats.articles)?;
    writeln!(
        out,
        "dates:       {} to {}",
        stats.first_date.as_deref().unwrap_or("?"),
        stats.last_date.as_deref().unwrap_or("?")
    )?;
    writeln!(out, "index size:  {:.1} MB", stats.index_bytes as f64 / 1e6)?;
    writeln!(out, "claims:      {}", stats.claims)?;
    for (kind, n) in &stats.claims_by_kind {
        writeln!(out, "  {kind:<10} {n}")?;
    }
    writeln!(out, "outlets:     {}", stats.outlets.len())?;
    let mut outlets: Vec<_> = stats.outlets.iter().collect();
    outlets.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    for (outlet, n) in outlets {
        writeln!(out, "  {n:>6}  {}", terminal(outlet))?;
    }
    Ok(())
}
