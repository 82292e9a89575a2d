//! `crosscheck sources`: how reliable outlets and claimants have been, from the evidence.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crosscheck::index::{ClaimQuery, CrossIndex};
use crosscheck::model::SourcesReport;
use crosscheck::reliability::{self, table};

use super::{print_json, Format};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only this story (an id from `crosscheck stories`).
    #[arg(long)]
    pub story: Option<String>,
    /// Score the sources of a structured claims table (CSV, or TSV for .tsv) instead of
    /// the index: columns source, object, value[, qualifier, low, high, date].
    #[arg(long)]
    pub claims: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

pub fn run(index_dir: &Path, args: Args) -> anyhow::Result<ExitCode> {
    let mut out = super::stdout();
    let mut code = ExitCode::SUCCESS;
    let report: SourcesReport = match &args.claims {
        Some(path) => {
            let table = table::read_claims(path)?;
            for diagnostic in &table.diagnostics {
                eprintln!("{diagnostic}");
                if diagnostic.rejected {
                    code = ExitCode::from(1);
                }
            }
            let discovery =
                reliability::discover(&table.observations, &reliability::Params::default());
            reliability::report(&discovery)
        }
        None => {
            let index = CrossIndex::open(index_dir)?;
            let claims = index.claims(&ClaimQuery {
                story: args.story.clone(),
                ..ClaimQuery::default()
            })?;
            super::print_read_warnings(&index);
            reliability::corpus::sources_from_claims(&claims)
        }
    };
    match args.format {
        Format::Json | Format::Jsonl => print_json(&mut out, &report)?,
        Format::Text => write!(
            out,
            "{}",
            crosscheck::report::sources_text::text(&report.sources)
        )?,
    }
    Ok(code)
}
