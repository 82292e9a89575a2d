//! `crosscheck index [PATH...]`: read a corpus into the index.

use std::io::IsTerminal;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use crosscheck::index::CrossIndex;
use crosscheck::model::Diagnostic;
use crosscheck::pipeline::{self, IndexOptions, Progress};
use indicatif::{ProgressBar, ProgressStyle};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files and folders to read (folders recursively).
    #[arg(default_value = "corpus")]
    pub paths: Vec<PathBuf>,
    /// Reject files (and JSON Lines lines) larger than this many bytes.
    #[arg(long, default_value_t = crosscheck::ingest::DEFAULT_MAX_FILE_BYTES)]
    pub max_file_bytes: u64,
    /// Articles per commit (a crash loses at most one batch; a rerun completes the job).
    #[arg(long, default_value_t = 2000)]
    pub batch: usize,
    /// Memory budget of the index writer, in MiB (16 to 4000).
    #[arg(long, default_value_t = 128, value_parser = clap::value_parser!(u64).range(16..=4000))]
    pub writer_memory_mb: u64,
    /// Delete the index first (only its own files) and read everything again: the remedy
    /// for a damaged index, or one built by an older crosscheck.
    #[arg(long)]
    pub rebuild: bool,
    /// Index the articles only, without extracting claims (the benchmarks' baseline).
    #[arg(long, hide = true)]
    pub no_extract: bool,
    /// Extract claims but place no article in a story (the stories benchmark's baseline).
    #[arg(long, hide = true)]
    pub no_stories: bool,
}

pub fn run(index_dir: &Path, args: Args) -> anyhow::Result<ExitCode> {
    let mut out = super::stdout();
    let started = Instant::now();
    let index = if args.rebuild {
        CrossIndex::rebuild(index_dir)?
    } else {
        CrossIndex::open_or_create(index_dir)?
    };
    let options = IndexOptions {
        max_file_bytes: args.max_file_bytes,
        batch_articles: args.batch,
        writer_bytes: usize::try_from(args.writer_memory_mb).unwrap_or(128) * 1024 * 1024,
        extract: !args.no_extract,
        stories: !args.no_extract && !args.no_stories,
    };
    let mut progress = BarProgress::new();
    let summary = pipeline::index_paths(&index, &args.paths, &options, &mut progress)?;
    progress.bar.finish_and_clear();
    writeln!(out,
        "{} files read ({:.1} MB), {} articles indexed ({} new, {} replaced), {} claims, {} duplicates, {} rejected, {} warnings in {:.2} s",
        summary.files,
        summary.bytes as f64 / 1e6,
        summary.added + summary.replaced,
        summary.added,
        summary.replaced,
        summary.claims,
        summary.duplicates,
        summary.rejected,
        summary.warnings,
        started.elapsed().as_secs_f64(),
    )?;
    Ok(if summary.rejected > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// A progress bar on stderr when it is a terminal; diagnostics printed above it.
struct BarProgress {
    bar: ProgressBar,
    started: Instant,
    bytes: u64,
    articles: u64,
}

impl BarProgress {
    fn new() -> Self {
        let bar = if std::io::stderr().is_terminal() {
            let bar = ProgressBar::new_spinner();
            bar.set_style(
                ProgressStyle::with_template("{spinner} {pos} files, {msg}")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            bar
        } else {
            ProgressBar::hidden()
        };
        BarProgress {
            bar,
            started: Instant::now(),
            bytes: 0,
            articles: 0,
        }
    }
}

impl Progress for BarProgress {
    fn diagnostic(&mut self, diagnostic: &Diagnostic) {
        self.bar.suspend(|| eprintln!("{diagnostic}"));
    }

    fn file_done(&mut self, bytes: u64, articles: u64) {
        self.bytes += bytes;
        self.articles += articles;
        self.bar.inc(1);
        let secs = self.started.elapsed().as_secs_f64().max(1e-3);
        self.bar.set_message(format!(
            "{} articles, {:.1} MB/s",
            self.articles,
            self.bytes as f64 / 1e6 / secs
        ));
    }
}
