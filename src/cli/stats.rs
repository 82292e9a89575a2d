//! `crosscheck stats`: what the index holds.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use crosscheck::index::CrossIndex;
use crosscheck::report::escape::terminal;

use super::{print_json, Format};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

pub fn run(index_dir: &Path, args: Args) -> anyhow::Result<ExitCode> {
    let mut out = super::stdout();
    let index = CrossIndex::open(index_dir)?;
    let stats = index.stats()?;
    match args.format {
        Format::Json | Format::Jsonl => print_json(&mut out, &stats)?,
        Format::Text => {
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
        }
    }
    out.flush()?;
    super::print_read_warnings(&index);
    Ok(ExitCode::SUCCESS)
}
