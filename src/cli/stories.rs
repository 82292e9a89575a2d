//! `crosscheck stories [QUERY]`: the stories (events) the indexed articles report.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use crosscheck::index::CrossIndex;

use super::{print_json, Format};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Full-text query over the articles: only the stories of the articles it finds, best
    /// match first. None = every story, the biggest first.
    pub query: Option<String>,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

pub fn run(index_dir: &Path, args: Args) -> anyhow::Result<ExitCode> {
    let mut out = super::stdout();
    let index = CrossIndex::open(index_dir)?;
    let stories = index.stories(args.query.as_deref())?;
    match args.format {
        Format::Json => print_json(&mut out, &stories)?,
        Format::Jsonl => {
            for story in &stories {
                print_json(&mut out, story)?;
            }
        }
        Format::Text => crosscheck::report::listing::stories_text(&mut out, &stories)?,
    }
    out.flush()?;
    super::print_read_warnings(&index);
    Ok(ExitCode::SUCCESS)
}
