//! `index` owns the tantivy index on disk: its schema, opening and locking it, writing
//! articles and their claims in committed batches, and reading them back (search, stats,
//! claims). No other module touches tantivy; they get [`Article`]s and [`Claim`]s.

mod claims;
mod schema;
mod search;
mod stats;
mod writer;

use std::path::{Path, PathBuf};

use tantivy::directory::error::LockError;
use tantivy::schema::Value;
use tantivy::{Index, IndexReader, ReloadPolicy, TantivyDocument, TantivyError};

pub use claims::ClaimQuery;
pub use schema::{date_number, date_string, outlet_key, Fields, ARTICLE, CLAIM};
pub use search::{SearchHit, SearchRequest};
pub use stats::Stats;
pub use writer::{IndexWriterSink, WriteOutcome};

use crate::error::{Error, Result};
use crate::model::Article;

/// Default memory budget of the index writer, split over its threads.
pub const DEFAULT_WRITER_BYTES: usize = 128 * 1024 * 1024;

/// An opened crosscheck index.
pub struct CrossIndex {
    index: Index,
    fields: Fields,
    path: PathBuf,
    reader: IndexReader,
}

impl CrossIndex {
    /// Opens an existing index; a missing one is [`Error::NoIndex`].
    pub fn open(path: &Path) -> Result<CrossIndex> {
        if !path.join("meta.json").exists() {
            return Err(Error::NoIndex {
                path: path.to_owned(),
            });
        }
        let index = Index::open_in_dir(path).map_err(|e| damaged(path, e))?;
        Self::from_index(index, path)
    }

    /// Opens the index at `path`, creating it (and the folder) when there is none.
    pub fn open_or_create(path: &Path) -> Result<CrossIndex> {
        if path.join("meta.json").exists() {
            return Self::open(path);
        }
        std::fs::create_dir_all(path).map_err(|e| Error::io(path, e))?;
        let (schema, _) = schema::build();
        let index = Index::create_in_dir(path, schema)?;
        Self::from_index(index, path)
    }

    fn from_index(index: Index, path: &Path) -> Result<CrossIndex> {
        let fields = schema::fields_of(&index.schema()).ok_or_else(|| Error::IndexDamaged {
            path: path.to_owned(),
            detail: if index.schema().get_field("doc_type").is_ok() {
                "built by an older version of crosscheck (its schema differs)".into()
            } else {
                "not a crosscheck index (unknown schema)".into()
            },
        })?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|e| damaged(path, e))?;
        Ok(CrossIndex {
            index,
            fields,
            path: path.to_owned(),
            reader,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Takes the index's single writer, with tantivy's default number of indexing threads;
    /// a second process gets [`Error::IndexLocked`].
    pub fn writer(&self, memory_bytes: usize) -> Result<IndexWriterSink<'_>> {
        self.writer_with_threads(memory_bytes, None)
    }

    /// [`writer`](Self::writer) with `threads` indexing threads (`None`: tantivy's default,
    /// one per core up to 8). Each thread gets its share of `memory_bytes` and writes its own
    /// segments.
    pub fn writer_with_threads(
        &self,
        memory_bytes: usize,
        threads: Option<usize>,
    ) -> Result<IndexWriterSink<'_>> {
        let writer = match threads {
            Some(n) => self.index.writer_with_num_threads(n.max(1), memory_bytes),
            None => self.index.writer(memory_bytes),
        };
        let writer = writer.map_err(|e| match e {
            TantivyError::LockFailure(LockError::LockBusy, _) => Error::IndexLocked {
                path: self.path.clone(),
            },
            other => Error::Index(other),
        })?;
        Ok(IndexWriterSink::new(self, writer))
    }

    fn searcher(&self) -> Result<tantivy::Searcher> {
        self.reader.reload().map_err(|e| damaged(&self.path, e))?;
        Ok(self.reader.searcher())
    }

    fn article_from_doc(&self, doc: &TantivyDocument) -> Article {
        let f = &self.fields;
        let text = |field| {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .map(str::to_owned)
        };
        Article {
            id: text(f.article_id).unwrap_or_default(),
            outlet: text(f.outlet),
            author: text(f.author),
            title: text(f.title),
            date: text(f.date),
            url: text(f.url),
            language: text(f.language),
            text: text(f.body).unwrap_or_default(),
            origin: text(f.origin).unwrap_or_default(),
        }
    }
}

/// Read errors on an index that exists mean damage: say so, and how to recover.
fn damaged(path: &Path, err: TantivyError) -> Error {
    Error::IndexDamaged {
        path: path.to_owned(),
        detail: err.to_string(),
    }
}
