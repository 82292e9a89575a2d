//! `crosscheck gen`: write a synthetic corpus with planted truths, for benchmarks and tests.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use crosscheck::gen::{generate, GenOptions};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// How many articles.
    #[arg(long, default_value_t = 1000)]
    pub articles: usize,
    /// How many outlets.
    #[arg(long, default_value_t = 20)]
    pub outlets: usize,
    /// The same seed writes the same bytes.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Output folder: the corpus goes to OUT/corpus, the ground truth to OUT/truth.jsonl.
    #[arg(long)]
    pub out: PathBuf,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut out = super::stdout();
    if args.articles == 0 || args.outlets == 0 {
        return Err(
            crosscheck::Error::Usage("--articles and --outlets must be at least 1".into()).into(),
        );
    }
    let started = Instant::now();
    let summary = generate(&GenOptions {
        articles: args.articles,
        outlets: args.outlets,
        seed: args.seed,
        out: args.out.clone(),
    })?;
    let secs = started.elapsed().as_secs_f64().max(1e-6);
    writeln!(out,
        "{} articles about {} stories in {} files ({:.1} MB with the truth file) in {:.2} s ({:.0} MB/s): corpus {}, truth {}",
        summary.articles,
        summary.stories,
        summary.files,
        summary.bytes as f64 / 1e6,
        secs,
        summary.bytes as f64 / 1e6 / secs,
        args.out.join("corpus").display(),
        args.out.join("truth.jsonl").display()
    )?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
