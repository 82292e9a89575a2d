//! `crosscheck extract [PATH...|-]`: articles in, claims out as JSON Lines (the claims
//! contract), no index. The worker of a distributed job; the same claim ids as the index.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use crosscheck::model::Diagnostic;
use crosscheck::pipeline::{self, IndexOptions, Input, Progress};
use crosscheck::stream::ClaimLines;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files and folders of articles (txt, json, jsonl, html, warc, warc.gz), or `-` for JSON Lines on
    /// standard input.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Files (and JSON Lines lines) larger than this are rejected.
    #[arg(long, default_value_t = crosscheck::ingest::DEFAULT_MAX_FILE_BYTES)]
    pub max_file_bytes: u64,
}

/// Diagnostics go to stderr as they are found; stdout carries only claims.
pub(super) struct StderrProgress;

impl Progress for StderrProgress {
    fn diagnostic(&mut self, diagnostic: &Diagnostic) {
        eprintln!("{diagnostic}");
    }
}

/// The input the paths name: `-` alone is standard input.
pub(super) fn input_of(paths: &[PathBuf]) -> anyhow::Result<Input<'_>> {
    let stdin = paths.iter().filter(|p| p.as_os_str() == "-").count();
    match stdin {
        0 => Ok(Input::Paths(paths)),
        1 if paths.len() == 1 => Ok(Input::Stdin),
        _ => Err(crosscheck::Error::Usage(
            "`-` (JSON Lines on standard input) cannot be given with other paths".into(),
        )
        .into()),
    }
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let input = input_of(&args.paths)?;
    let options = IndexOptions {
        max_file_bytes: args.max_file_bytes,
        stories: false,
        ..IndexOptions::default()
    };
    let out = std::io::BufWriter::with_capacity(256 * 1024, std::io::stdout());
    let (summary, lines, _) = pipeline::run_into(
        input,
        &options,
        ClaimLines::new(out),
        None,
        &mut StderrProgress,
    )?;
    lines.finish()?.flush()?;
    Ok(if summary.rejected > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
