//! `crosscheck stories [QUERY]`: the stories (events) the indexed articles report; with
//! `--articles PATH...|-`, the story of each article read from files, without an index.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crosscheck::index::CrossIndex;
use crosscheck::pipeline::{self, IndexOptions};
use crosscheck::stories::StoryBook;
use crosscheck::stream::StoryPlacements;

use super::{print_json, Format};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Full-text query over the articles: only the stories of the articles it finds, best
    /// match first. None = every story, the biggest first.
    pub query: Option<String>,
    /// Place these articles (files, folders, or `-` for JSON Lines on standard input) in
    /// stories without an index, as indexing them in this order would, and write the story
    /// of each article: `{"article_id", "story", "label"}`.
    #[arg(long, num_args = 1.., conflicts_with = "query")]
    pub articles: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

pub fn run(index_dir: &Path, args: Args) -> anyhow::Result<ExitCode> {
    if !args.articles.is_empty() {
        return of_articles(&args.articles, args.format);
    }
    let mut out = super::stdout();
    let index = CrossIndex::open(index_dir)?;
    let stories = index.stories(args.query.as_deref())?;
    match args.format {
        Format::Json => print_json(&mut out, &stories)?,
        Format::Jsonl => {
            for story in &stories {
                print_json(&mut out, story)?;
            }
        }
        Format::Text => crosscheck::report::listing::stories_text(&mut out, &stories)?,
    }
    out.flush()?;
    super::print_read_warnings(&index);
    Ok(ExitCode::SUCCESS)
}

/// `stories --articles`: the same placing as at index time, in memory.
fn of_articles(paths: &[PathBuf], format: Format) -> anyhow::Result<ExitCode> {
    let input = super::extract::input_of(paths)?;
    let options = IndexOptions {
        extract: false,
        ..IndexOptions::default()
    };
    let (summary, placements, book) = pipeline::run_into(
        input,
        &options,
        StoryPlacements::default(),
        Some(StoryBook::new()),
        &mut super::extract::StderrProgress,
    )?;
    let mut book = book.unwrap_or_default();
    book.finish_run();
    let stories = placements.resolve(&book);
    let mut out = super::stdout();
    match format {
        Format::Json => print_json(&mut out, &stories)?,
        Format::Jsonl => {
            for story in &stories {
                print_json(&mut out, story)?;
            }
        }
        Format::Text => {
            for story in &stories {
                writeln!(
                    out,
                    "{}\t{}\t{}",
                    crosscheck::report::escape::terminal(&story.article_id),
                    story.story,
                    crosscheck::report::escape::terminal(&story.label)
                )?;
            }
        }
    }
    out.flush()?;
    Ok(if summary.rejected > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
