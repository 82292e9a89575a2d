//! `crosscheck run [CORPUS...]`: the main job. Index the corpus, then write the report in
//! every format into the output folder.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use crosscheck::index::CrossIndex;

use super::report::{write_report_file, ReportFormat};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files and folders to read (folders recursively).
    #[arg(default_value = "corpus")]
    pub paths: Vec<PathBuf>,
    /// The folder the reports are written to.
    #[arg(long, default_value = "report")]
    pub out: PathBuf,
    /// The time stamp printed in the reports (default: none, so reruns are identical).
    #[arg(long)]
    pub generated_at: Option<String>,
    /// Delete the index first (only its own files) and read the corpus again.
    #[arg(long)]
    pub rebuild: bool,
}

pub fn run(index_dir: &Path, args: Args) -> anyhow::Result<ExitCode> {
    let mut out = super::stdout();
    let index_args = super::index::Args {
        paths: args.paths,
        max_file_bytes: crosscheck::ingest::DEFAULT_MAX_FILE_BYTES,
        batch: 2000,
        writer_memory_mb: 128,
        rebuild: args.rebuild,
        no_extract: false,
        no_stories: false,
    };
    let index_code = super::index::run(index_dir, index_args)?;
    let index = CrossIndex::open(index_dir)?;
    let data = crosscheck::pipeline::report_data(&index, None, None, args.generated_at)?;
    super::print_read_warnings(&index);
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("creating {}", args.out.display()))?;
    for (name, format) in [
        ("report.html", ReportFormat::Html),
        ("report.md", ReportFormat::Md),
        ("report.json", ReportFormat::Json),
        ("claims.csv", ReportFormat::Csv),
    ] {
        let path = args.out.join(name);
        write_report_file(&data, format, &path)?;
        writeln!(out, "wrote {}", path.display())?;
    }
    writeln!(out,
        "{} articles from {} outlets, {} claims, {} clusters, {} discrepancies, {} internal inconsistencies",
        data.summary.articles,
        data.summary.outlets,
        data.summary.claims,
        data.summary.clusters,
        data.summary.discrepancies,
        data.summary.internal
    )?;
    Ok(index_code)
}
