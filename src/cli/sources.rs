//! `crosscheck sources`: how reliable outlets and claimants have been, from the evidence.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crosscheck::index::CrossIndex;
use crosscheck::model::SourcesReport;
use crosscheck::reliability::{self, table};

use super::{print_json, Format};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only this story (an id from `crosscheck stories`).
    #[arg(long)]
    pub story: Option<String>,
    /// Score the sources of claims from a file instead of the index: JSON Lines of the
    /// claims contract (`.jsonl`, `.ndjson`, or `-` for standard input; as `crosscheck
    /// extract` or `claims --format jsonl` write them), or a structured claims table (CSV,
    /// or TSV for .tsv): columns source, object, value[, qualifier, low, high, date].
    #[arg(long, conflicts_with = "story")]
    pub claims: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

pub fn run(index_dir: &Path, args: Args) -> anyhow::Result<ExitCode> {
    let mut out = super::stdout();
    let mut code = ExitCode::SUCCESS;
    let report: SourcesReport = match &args.claims {
        Some(path) if is_claim_lines(path) => {
            let (claims, diagnostics) = super::read_claims_file(path)?;
            for diagnostic in &diagnostics {
                eprintln!("{diagnostic}");
                if diagnostic.rejected {
                    code = ExitCode::from(1);
                }
            }
            reliability::corpus::sources_from_claims(&claims)
        }
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
            reliability::report(discovery)
        }
        None => {
            let index = CrossIndex::open(index_dir)?;
            let report = crosscheck::pipeline::index_sources(&index, args.story.clone())?;
            super::print_read_warnings(&index);
            report
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

/// A claims file in JSON Lines (the claims contract) rather than a table.
fn is_claim_lines(path: &Path) -> bool {
    path.as_os_str() == "-"
        || path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| ["jsonl", "ndjson"].contains(&e.to_ascii_lowercase().as_str()))
}
