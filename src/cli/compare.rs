//! `crosscheck compare [QUERY]`: clusters of the same claim across outlets, agreement,
//! discrepancies.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use clap::ValueEnum;
use crosscheck::compare::{compare, CompareOptions};
use crosscheck::index::{ClaimQuery, CrossIndex};
use crosscheck::report::compare_text;

use super::print_json;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompareFormat {
    Text,
    Json,
    Md,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only this story (an id from `crosscheck stories`).
    #[arg(long)]
    pub story: Option<String>,
    /// Full-text query selecting the claims to compare; none = every cluster in the index.
    pub query: Option<String>,
    /// Only this claim key, or keys starting with it (`hostages/alive`).
    #[arg(long)]
    pub key: Option<String>,
    /// Only claims as of (or published) on or after this day.
    #[arg(long)]
    pub since: Option<String>,
    /// Only claims as of (or published) on or before this day.
    #[arg(long)]
    pub until: Option<String>,
    /// Leave out discrepancies less severe than this (0 to 1).
    #[arg(long, default_value_t = 0.0)]
    pub min_severity: f64,
    #[arg(long, value_enum, default_value_t = CompareFormat::Text)]
    pub format: CompareFormat,
}

pub fn run(index_dir: &Path, args: Args) -> anyhow::Result<ExitCode> {
    let mut out = super::stdout();
    if !(0.0..=1.0).contains(&args.min_severity) {
        return Err(
            crosscheck::Error::Usage("--min-severity must be between 0 and 1".into()).into(),
        );
    }
    let index = CrossIndex::open(index_dir)?;
    let (claims, hits) = index.claims_for_comparison(&ClaimQuery {
        text: args.query,
        key: args.key,
        since: args.since,
        until: args.until,
        story: args.story,
        ..ClaimQuery::default()
    })?;
    let mut comparison = compare(
        &claims,
        &CompareOptions {
            min_severity: args.min_severity,
        },
    );
    if let Some(hits) = hits {
        let hits: std::collections::HashSet<&str> = hits.iter().map(String::as_str).collect();
        comparison
            .clusters
            .retain(|c| c.claims.iter().any(|id| hits.contains(id.as_str())));
        comparison
            .internal
            .retain(|i| i.claims.iter().any(|id| hits.contains(id.as_str())));
    }
    match args.format {
        CompareFormat::Json => print_json(&mut out, &comparison)?,
        CompareFormat::Text => write!(out, "{}", compare_text::text(&comparison, &claims))?,
        CompareFormat::Md => write!(
            out,
            "{}",
            compare_text::markdown_clusters(&comparison, &claims, "##")
        )?,
    }
    out.flush()?;
    super::print_read_warnings(&index);
    Ok(ExitCode::SUCCESS)
}
