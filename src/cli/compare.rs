//! `crosscheck compare [QUERY]`: clusters of the same claim across outlets, agreement,
//! discrepancies.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::ValueEnum;
use crosscheck::compare::{compare, CompareOptions};
use crosscheck::index::{ClaimQuery, CrossIndex};
use crosscheck::model::{Claim, Comparison};
use crosscheck::report::compare_text;
use crosscheck::report::escape::{markdown, terminal};

use super::print_json;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompareFormat {
    Text,
    Json,
    Md,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only this story (an id from `crosscheck stories`).
    #[arg(long)]
    pub story: Option<String>,
    /// Full-text query selecting the claims to compare; none = every cluster in the index.
    pub query: Option<String>,
    /// Only this claim key, or keys starting with it (`hostages/alive`).
    #[arg(long)]
    pub key: Option<String>,
    /// Only claims as of (or published) on or after this day.
    #[arg(long)]
    pub since: Option<String>,
    /// Only claims as of (or published) on or before this day.
    #[arg(long)]
    pub until: Option<String>,
    /// Leave out discrepancies less severe than this (0 to 1).
    #[arg(long, default_value_t = 0.0)]
    pub min_severity: f64,
    /// Compare the claims of a JSON Lines file (the claims contract, as `crosscheck claims
    /// --format jsonl` or `crosscheck extract` write them; `-` for standard input) instead
    /// of the index's, story by story when the claims carry `story`.
    #[arg(long, conflicts_with_all = ["story", "query", "key", "since", "until"])]
    pub claims: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = CompareFormat::Text)]
    pub format: CompareFormat,
}

pub fn run(index_dir: &Path, args: Args) -> anyhow::Result<ExitCode> {
    let mut out = super::stdout();
    if !(0.0..=1.0).contains(&args.min_severity) {
        return Err(
            crosscheck::Error::Usage("--min-severity must be between 0 and 1".into()).into(),
        );
    }
    let options = CompareOptions {
        min_severity: args.min_severity,
    };
    if let Some(path) = &args.claims {
        return of_claims_file(path, &options, args.format);
    }
    let index = CrossIndex::open(index_dir)?;
    let query = ClaimQuery {
        text: args.query,
        key: args.key,
        since: args.since,
        until: args.until,
        story: args.story,
        ..ClaimQuery::default()
    };
    let book = index.story_book()?;
    let stories = book.live_stories();
    if query.text.is_none() && query.story.is_none() && !stories.is_empty() {
        // Story by story: memory holds one story's claims at a time, never the corpus's.
        let mut printer = Printer::new(&mut out, args.format)?;
        let ids: Vec<String> = stories.iter().map(|s| s.id.clone()).collect();
        let labels: std::collections::HashMap<&str, String> =
            stories.iter().map(|s| (s.id.as_str(), s.label())).collect();
        // A failed write (a closed pipe) stops the reading; its error is the one reported.
        let mut printed: anyhow::Result<()> = Ok(());
        let read = index.for_each_story_claims(&query, &ids, |id, claims| {
            if claims.is_empty() {
                return Ok(());
            }
            let comparison = compare(&claims, &options);
            let label = labels.get(id).map_or(id, String::as_str);
            printed = printer.story(label, id, &comparison, &claims);
            match printed {
                Ok(()) => Ok(()),
                Err(_) => Err(crosscheck::Error::Usage("output stopped".into())),
            }
        });
        printed?;
        read?;
        printer.finish()?;
    } else {
        let (claims, hits) = index.claims_for_comparison(&query)?;
        let mut comparison = compare(&claims, &options);
        if let Some(hits) = hits {
            comparison.keep_concerning(&hits);
        }
        match args.format {
            CompareFormat::Json => print_json(&mut out, &comparison)?,
            CompareFormat::Text => write!(out, "{}", compare_text::text(&comparison, &claims))?,
            CompareFormat::Md => write!(
                out,
                "{}",
                compare_text::markdown_clusters(&comparison, &claims, "##")
            )?,
        }
    }
    out.flush()?;
    super::print_read_warnings(&index);
    Ok(ExitCode::SUCCESS)
}

/// `compare --claims`: the claims of a file, story by story, printed as from the index.
fn of_claims_file(
    path: &Path,
    options: &CompareOptions,
    format: CompareFormat,
) -> anyhow::Result<ExitCode> {
    let (claims, diagnostics) = super::read_claims_file(path)?;
    for diagnostic in &diagnostics {
        eprintln!("{diagnostic}");
    }
    let mut out = super::stdout();
    let mut printer = Printer::new(&mut out, format)?;
    for (story, claims) in crosscheck::stream::by_story(claims) {
        let comparison = compare(&claims, options);
        let id = story.as_deref().unwrap_or("-");
        let label = story.as_deref().unwrap_or("claims without a story");
        printer.story(label, id, &comparison, &claims)?;
    }
    printer.finish()?;
    out.flush()?;
    Ok(if diagnostics.iter().any(|d| d.rejected) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Writes a comparison story by story. JSON is the contract's one object, streamed: the
/// clusters as each story is compared, the inconsistencies inside articles at the end.
struct Printer<'a, W: Write> {
    out: &'a mut W,
    format: CompareFormat,
    clusters_written: usize,
    internal: Vec<crosscheck::model::Inconsistency>,
}

impl<'a, W: Write> Printer<'a, W> {
    fn new(out: &'a mut W, format: CompareFormat) -> anyhow::Result<Self> {
        if format == CompareFormat::Json {
            write!(out, "{{\"clusters\":[")?;
        }
        Ok(Printer {
            out,
            format,
            clusters_written: 0,
            internal: Vec::new(),
        })
    }

    fn story(
        &mut self,
        label: &str,
        id: &str,
        comparison: &Comparison,
        claims: &[Claim],
    ) -> anyhow::Result<()> {
        match self.format {
            CompareFormat::Json => {
                for cluster in &comparison.clusters {
                    if self.clusters_written > 0 {
                        write!(self.out, ",")?;
                    }
                    serde_json::to_writer(&mut *self.out, cluster)?;
                    self.clusters_written += 1;
                }
                self.internal.extend(comparison.internal.iter().cloned());
            }
            CompareFormat::Text => {
                if comparison.clusters.is_empty() && comparison.internal.is_empty() {
                    return Ok(());
                }
                writeln!(
                    self.out,
                    "#### story {}: {}\n",
                    terminal(id),
                    terminal(label)
                )?;
                write!(self.out, "{}", compare_text::text(comparison, claims))?;
            }
            CompareFormat::Md => {
                if comparison.clusters.is_empty() && comparison.internal.is_empty() {
                    return Ok(());
                }
                writeln!(
                    self.out,
                    "## Story: {} (`{}`)\n",
                    markdown(label),
                    id.replace('`', "'")
                )?;
                write!(
                    self.out,
                    "{}",
                    compare_text::markdown_clusters(comparison, claims, "###")
                )?;
            }
        }
        Ok(())
    }

    fn finish(self) -> anyhow::Result<()> {
        if self.format == CompareFormat::Json {
            write!(self.out, "],\"internal\":")?;
            serde_json::to_writer(&mut *self.out, &self.internal)?;
            writeln!(self.out, "}}")?;
        }
        Ok(())
    }
}
