//! `crosscheck search QUERY`: BM25 full-text search with outlet and date filters.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use crosscheck::index::{CrossIndex, SearchRequest};

use super::{print_json, Format};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only this story (an id from `crosscheck stories`).
    #[arg(long)]
    pub story: Option<String>,
    /// Query in tantivy's syntax: words, "a phrase", AND / OR / -excluded, field:value.
    pub query: String,
    /// Only articles from this outlet (case-insensitive).
    #[arg(long)]
    pub outlet: Option<String>,
    /// Only articles dated on or after this day (YYYY-MM-DD).
    #[arg(long)]
    pub since: Option<String>,
    /// Only articles dated on or before this day (YYYY-MM-DD).
    #[arg(long)]
    pub until: Option<String>,
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

pub fn run(index_dir: &Path, args: Args) -> anyhow::Result<ExitCode> {
    let mut out = super::stdout();
    let index = CrossIndex::open(index_dir)?;
    let results = index.search(&SearchRequest {
        query: args.query,
        outlet: args.outlet,
        since: args.since,
        until: args.until,
        limit: args.limit,
        story: args.story,
        ..SearchRequest::default()
    })?;
    if let Some(warning) = &results.warning {
        eprintln!("warning: {warning}");
    }
    match args.format {
        Format::Json => print_json(&mut out, &results.hits)?,
        Format::Jsonl => {
            for hit in &results.hits {
                print_json(&mut out, hit)?;
            }
        }
        Format::Text => crosscheck::report::listing::search_text(&mut out, &results.hits)?,
    }
    out.flush()?;
    super::print_read_warnings(&index);
    Ok(ExitCode::SUCCESS)
}
