//! `crosscheck export --format es-bulk`: the index's articles and claims as Elasticsearch /
//! OpenSearch `_bulk` NDJSON; `--mapping` prints the index template they need.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use clap::ValueEnum;
use crosscheck::index::{CrossIndex, Stored};
use crosscheck::report::bulk;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// `_bulk` pairs: an action line, then the document.
    EsBulk,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(long, value_enum, default_value_t = ExportFormat::EsBulk)]
    pub format: ExportFormat,
    /// Print the index template (`PUT _index_template/NAME`) instead of the documents.
    #[arg(long)]
    pub mapping: bool,
    /// The indexes written to are PREFIX-articles and PREFIX-claims.
    #[arg(long, default_value = "crosscheck")]
    pub prefix: String,
}

pub fn run(index_dir: &Path, args: Args) -> anyhow::Result<ExitCode> {
    let valid = !args.prefix.is_empty()
        && args
            .prefix
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
    if !valid {
        return Err(crosscheck::Error::Usage(
            "--prefix must be lower-case letters, digits, '-' or '_' (an index name)".into(),
        )
        .into());
    }
    let mut out = super::stdout();
    if args.mapping {
        super::print_json(&mut out, &bulk::index_template(&args.prefix))?;
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    let index = CrossIndex::open(index_dir)?;
    index.for_each_stored(|stored| match stored {
        Stored::Article { article, story } => {
            bulk::write_article(&mut out, &args.prefix, &article, story.as_deref())
        }
        Stored::Claim(claim) => bulk::write_claim(&mut out, &args.prefix, &claim),
    })?;
    out.flush()?;
    super::print_read_warnings(&index);
    Ok(ExitCode::SUCCESS)
}
