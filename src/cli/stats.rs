//! `crosscheck stats`: what the index holds.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use crosscheck::index::CrossIndex;

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
        Format::Text => crosscheck::report::listing::stats_text(&mut out, &stats)?,
    }
    out.flush()?;
    super::print_read_warnings(&index);
    Ok(ExitCode::SUCCESS)
}
