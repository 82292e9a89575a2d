//! Command-line arguments (clap derive) and dispatch to one file per subcommand.

mod claims;
mod compare;
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
    /// Read articles (txt, json, jsonl, html) into the index.
    Index(index::Args),
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
