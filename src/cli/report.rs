//! `crosscheck report [QUERY]`: the discrepancy report in one format, to stdout or a file.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::ValueEnum;
use crosscheck::index::CrossIndex;
use crosscheck::model::ReportData;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Md,
    Json,
    Csv,
    Html,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Full-text query selecting the quantities to report; none = everything.
    pub query: Option<String>,
    #[arg(long, value_enum, default_value_t = ReportFormat::Md)]
    pub format: ReportFormat,
    /// Write here instead of stdout.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// The time stamp printed in the report (default: none, so reruns are identical).
    #[arg(long)]
    pub generated_at: Option<String>,
}

pub fn render(data: &ReportData, format: ReportFormat) -> anyhow::Result<String> {
    Ok(match format {
        ReportFormat::Json => format!("{}\n", serde_json::to_string_pretty(data)?),
        ReportFormat::Md => crosscheck::report::markdown::render(data),
        ReportFormat::Csv => crosscheck::report::csv::render(data)?,
        ReportFormat::Html => crosscheck::report::html::render(data),
    })
}

pub fn run(index_dir: &Path, args: Args) -> anyhow::Result<ExitCode> {
    let mut out = super::stdout();
    let index = CrossIndex::open(index_dir)?;
    let data = crosscheck::pipeline::report_data(&index, args.query.as_deref(), args.generated_at)?;
    super::print_read_warnings(&index);
    let text = render(&data, args.format)?;
    match &args.out {
        Some(path) => {
            std::fs::write(path, text).with_context(|| format!("writing {}", path.display()))?;
            writeln!(out, "{}", path.display())?;
        }
        None => write!(out, "{text}")?,
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
