//! `crosscheck claims [QUERY]`: the claims extracted from the indexed articles.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use crosscheck::index::{ClaimQuery, CrossIndex};

use super::{print_json, Format};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only this story (an id from `crosscheck stories`).
    #[arg(long)]
    pub story: Option<String>,
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
        story: args.story,
    })?;
    match args.format {
        Format::Json => print_json(&mut out, &claims)?,
        Format::Jsonl => {
            for claim in &claims {
                print_json(&mut out, claim)?;
            }
        }
        Format::Text => crosscheck::report::listing::claims_text(&mut out, &claims)?,
    }
    out.flush()?;
    super::print_read_warnings(&index);
    Ok(ExitCode::SUCCESS)
}
