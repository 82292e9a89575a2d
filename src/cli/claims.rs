//! `crosscheck claims [QUERY]`: the claims extracted from the indexed articles.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use crosscheck::index::{ClaimQuery, CrossIndex};
use crosscheck::model::Claim;
use crosscheck::report::escape::terminal;

use super::{print_json, Format};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Full-text query over claim sentences, subjects and claimants; none = every claim.
    pub query: Option<String>,
    /// Only claims reported by this outlet.
    #[arg(long)]
    pub outlet: Option<String>,
    /// Only claims with this key, or a key starting with it (`hostages/alive`).
    #[arg(long)]
    pub key: Option<String>,
    /// Only the claims of this article (its id).
    #[arg(long)]
    pub article: Option<String>,
    /// Only claims as of (or published) on or after this day.
    #[arg(long)]
    pub since: Option<String>,
    /// Only claims as of (or published) on or before this day.
    #[arg(long)]
    pub until: Option<String>,
    /// At most this many claims (default: all; 100 with a query).
    #[arg(long)]
    pub limit: Option<usize>,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

pub fn run(index_dir: &Path, args: Args) -> anyhow::Result<ExitCode> {
    let mut out = super::stdout();
    let index = CrossIndex::open(index_dir)?;
    let claims = index.claims(&ClaimQuery {
        text: args.query,
        outlet: args.outlet,
        key: args.key,
        article: args.article,
        kind: None,
        since: args.since,
        until: args.until,
        limit: args.limit,
    })?;
    match args.format {
        Format::Json => print_json(&mut out, &claims)?,
        Format::Jsonl => {
            for claim in &claims {
                print_json(&mut out, claim)?;
            }
        }
        Format::Text => {
            if claims.is_empty() {
                writeln!(out, "no matching claims")?;
            }
            for claim in &claims {
                print_text(&mut out, claim)?;
            }
        }
    }
    out.flush()?;
    super::print_read_warnings(&index);
    Ok(ExitCode::SUCCESS)
}

fn print_text(out: &mut impl Write, claim: &Claim) -> std::io::Result<()> {
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
            crosscheck::model::interval_text(q.low, q.high),
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
