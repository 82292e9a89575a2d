//! Command-line arguments (clap derive) and dispatch to one file per subcommand.

mod claims;
mod compare;
mod export;
mod extract;
mod gen;
mod index;
mod report;
mod run;
mod search;
mod serve;
mod sources;
mod stats;
mod stories;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "crosscheck",
    version,
    about = "Finds the same claim across news outlets, scores agreement, flags discrepancies."
)]
pub struct Cli {
    /// The index folder.
    #[arg(long, global = true, env = "CROSSCHECK_INDEX", default_value = "index")]
    pub index: PathBuf,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// The main job: index the corpus and write every report into report/.
    Run(run::Args),
    /// Read articles (txt, json, jsonl, html, warc, warc.gz) into the index.
    Index(index::Args),
    /// Articles in, claims out (JSON Lines), no index: the worker of a pipeline.
    Extract(extract::Args),
    /// Full-text search over the indexed articles.
    Search(search::Args),
    /// The claims extracted from the indexed articles.
    Claims(claims::Args),
    /// Clusters of the same claim across outlets: agreement, consensus, discrepancies.
    Compare(compare::Args),
    /// How reliable outlets and claimants have been, with the evidence.
    Sources(sources::Args),
    /// The discrepancy report (Markdown, JSON, CSV or HTML).
    Report(report::Args),
    /// Write a synthetic corpus with planted truths (benchmarks, tests).
    Gen(gen::Args),
    /// The index's articles and claims for Elasticsearch / OpenSearch (`_bulk` NDJSON), or
    /// their index template (`--mapping`).
    Export(export::Args),
    /// Articles per outlet, date range, claims, index size.
    Stats(stats::Args),
    /// The stories (events) the articles report: dates, outlets, defining terms.
    Stories(stories::Args),
    /// A local web app and JSON API for searching claims across sources.
    Serve(serve::Args),
}

/// Output formats shared by the subcommands; each accepts the ones it supports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
    Jsonl,
}

pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Run(args) => run::run(&cli.index, args),
        Command::Index(args) => index::run(&cli.index, args),
        Command::Extract(args) => extract::run(args),
        Command::Export(args) => export::run(&cli.index, args),
        Command::Search(args) => search::run(&cli.index, args),
        Command::Claims(args) => claims::run(&cli.index, args),
        Command::Compare(args) => compare::run(&cli.index, args),
        Command::Sources(args) => sources::run(&cli.index, args),
        Command::Report(args) => report::run(&cli.index, args),
        Command::Gen(args) => gen::run(args),
        Command::Stats(args) => stats::run(&cli.index, args),
        Command::Stories(args) => stories::run(&cli.index, args),
        Command::Serve(args) => serve::run(&cli.index, args),
    }
}

/// Standard output, buffered and locked for the whole command. Printers write through it
/// and pass its errors up: a closed pipe (`crosscheck claims | head -1`) is an `Err` that
/// `main` turns into a quiet exit 0, never a panic.
pub fn stdout() -> std::io::BufWriter<std::io::StdoutLock<'static>> {
    std::io::BufWriter::new(std::io::stdout().lock())
}

/// Claims from a JSON Lines file, or standard input for `-`, with a diagnostic for each
/// line that is not a claim.
pub fn read_claims_file(
    path: &std::path::Path,
) -> anyhow::Result<(
    Vec<crosscheck::model::Claim>,
    Vec<crosscheck::model::Diagnostic>,
)> {
    use anyhow::Context;
    if path.as_os_str() == "-" {
        return Ok(crosscheck::stream::read_claims(
            std::io::stdin().lock(),
            "stdin",
        ));
    }
    let file =
        std::fs::File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
    Ok(crosscheck::stream::read_claims(
        std::io::BufReader::new(file),
        &path.display().to_string(),
    ))
}

/// Reports on stderr what reading the index had to skip.
pub fn print_read_warnings(index: &crosscheck::index::CrossIndex) {
    for warning in index.take_warnings() {
        eprintln!("{warning}");
    }
}

/// Writes a JSON value on one line, streamed (a comparison of a large corpus is hundreds
/// of MB of JSON, never held as one string).
pub fn print_json<T: serde::Serialize>(
    out: &mut impl std::io::Write,
    value: &T,
) -> anyhow::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    writeln!(out)?;
    Ok(())
}
