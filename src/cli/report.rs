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
    /// Only this story (an id from `crosscheck stories`).
    #[arg(long)]
    pub story: Option<String>,
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

/// Writes the report in `format`. JSON is streamed: it lists every claim of every
/// discrepancy's positions and can be far larger than the other formats.
pub fn write_report(
    data: &ReportData,
    format: ReportFormat,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    let text = match format {
        ReportFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, data)?;
            writeln!(out)?;
            return Ok(());
        }
        ReportFormat::Md => crosscheck::report::markdown::render(data),
        ReportFormat::Csv => crosscheck::report::csv::render(data)?,
        ReportFormat::Html => crosscheck::report::html::render(data),
    };
    out.write_all(text.as_bytes())?;
    Ok(())
}

/// Writes the report into a file (created or replaced).
pub fn write_report_file(
    data: &ReportData,
    format: ReportFormat,
    path: &Path,
) -> anyhow::Result<()> {
    let file =
        std::fs::File::create(path).with_context(|| format!("writing {}", path.display()))?;
    let mut file = std::io::BufWriter::new(file);
    write_report(data, format, &mut file)
        .and_then(|()| Ok(file.flush()?))
        .with_context(|| format!("writing {}", path.display()))
}

pub fn run(index_dir: &Path, args: Args) -> anyhow::Result<ExitCode> {
    let mut out = super::stdout();
    let index = CrossIndex::open(index_dir)?;
    let data = crosscheck::pipeline::report_data(
        &index,
        args.query.as_deref(),
        args.story.as_deref(),
        args.generated_at,
    )?;
    super::print_read_warnings(&index);
    match &args.out {
        Some(path) => {
            write_report_file(&data, args.format, path)?;
            writeln!(out, "{}", path.display())?;
        }
        None => write_report(&data, args.format, &mut out)?,
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
