//! `index` owns the tantivy index on disk: its schema, opening and locking it, writing
//! articles and their claims in committed batches, and reading them back (search, stats,
//! claims). No other module touches tantivy; they get [`Article`]s and [`Claim`]s.

mod claims;
mod schema;
mod search;
mod stats;
mod stem;
mod stored;
mod stories;
mod writer;

use std::path::{Path, PathBuf};

use tantivy::directory::error::LockError;
use tantivy::schema::Value;
use tantivy::{Index, IndexReader, ReloadPolicy, TantivyDocument, TantivyError};

pub use claims::ClaimQuery;
pub use schema::{date_number, date_string, outlet_key, Fields, ARTICLE, CLAIM};
pub use search::{SearchHit, SearchRequest};
pub use stats::Stats;
pub use stored::Stored;
pub use writer::{IndexWriterSink, WriteOutcome};

use crate::error::{Error, Result};
use crate::model::{Article, Diagnostic};
use crate::stories::StoryBook;

/// Default memory budget of the index writer, split over its threads.
pub const DEFAULT_WRITER_BYTES: usize = 128 * 1024 * 1024;

/// An opened crosscheck index.
pub struct CrossIndex {
    index: Index,
    fields: Fields,
    path: PathBuf,
    reader: IndexReader,
    /// Problems met while reading (records skipped), for the caller to report.
    warnings: std::sync::Mutex<Vec<Diagnostic>>,
    /// The story book, read on first use and read again when its file changes (a writer in
    /// this or another process saved a new one), with the file's modification time.
    story_book:
        std::sync::Mutex<Option<(Option<std::time::SystemTime>, std::sync::Arc<StoryBook>)>>,
}

impl CrossIndex {
    /// Opens an existing index; a missing one is [`Error::NoIndex`], a folder that holds
    /// files but no healthy index is [`Error::IndexDamaged`].
    pub fn open(path: &Path) -> Result<CrossIndex> {
        match folder_state(path)? {
            FolderState::Missing | FolderState::Empty => Err(Error::NoIndex {
                path: path.to_owned(),
            }),
            FolderState::Index => {
                let index = Index::open_in_dir(path).map_err(|e| damaged(path, e))?;
                Self::from_index(index, path)
            }
            other => Err(other.refusal(path)),
        }
    }

    /// Opens the index at `path`, creating it (and the folder) when there is none. A folder
    /// that holds anything else (an index whose `meta.json` is gone, someone's files) is
    /// left untouched and reported: creating an index there would let tantivy's garbage
    /// collection delete every file it does not know.
    pub fn open_or_create(path: &Path) -> Result<CrossIndex> {
        match folder_state(path)? {
            FolderState::Index => Self::open(path),
            FolderState::Missing | FolderState::Empty => Self::create(path),
            other => Err(other.refusal(path)),
        }
    }

    /// Deletes the index at `path` (only the files an index consists of; anything else is
    /// left) and creates an empty one. A folder with no index files but other files is
    /// refused, so a mistyped `--index` never turns someone's folder into an index.
    pub fn rebuild(path: &Path) -> Result<CrossIndex> {
        if let FolderState::Foreign(detail) = folder_state(path)? {
            return Err(Error::NotAnIndex {
                path: path.to_owned(),
                detail,
            });
        }
        if path.is_dir() {
            let entries = std::fs::read_dir(path).map_err(|e| Error::io(path, e))?;
            for entry in entries {
                let entry = entry.map_err(|e| Error::io(path, e))?;
                let is_file = entry.file_type().is_ok_and(|t| t.is_file());
                if is_file && is_index_file(&entry.file_name().to_string_lossy()) {
                    let file = entry.path();
                    std::fs::remove_file(&file).map_err(|e| Error::io(&file, e))?;
                }
            }
        }
        Self::create(path)
    }

    fn create(path: &Path) -> Result<CrossIndex> {
        std::fs::create_dir_all(path).map_err(|e| Error::io(path, e))?;
        let (schema, _) = schema::build();
        let index = Index::create_in_dir(path, schema)?;
        Self::from_index(index, path)
    }

    fn from_index(index: Index, path: &Path) -> Result<CrossIndex> {
        index.tokenizers().register("en_stem", stem::analyzer());
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
            warnings: std::sync::Mutex::new(Vec::new()),
            story_book: std::sync::Mutex::new(None),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The index's story book (empty for an index written before stories existed).
    pub fn story_book(&self) -> Result<std::sync::Arc<StoryBook>> {
        let mut cached = match self.story_book.lock() {
            Ok(guard) => guard,
            Err(poisoned) => poisoned.into_inner(),
        };
        let modified = std::fs::metadata(self.path.join(crate::stories::BOOK_FILE))
            .and_then(|m| m.modified())
            .ok();
        if let Some((seen, book)) = cached.as_ref() {
            if *seen == modified {
                return Ok(book.clone());
            }
        }
        let book = std::sync::Arc::new(StoryBook::load(&self.path)?);
        *cached = Some((modified, book.clone()));
        Ok(book)
    }

    /// What the index holds now, as a value that changes whenever a commit or a new story
    /// book changes it (for caches of whole-index answers).
    pub fn version(&self) -> Result<(u64, Option<std::time::SystemTime>)> {
        let opstamp = self
            .index
            .load_metas()
            .map_err(|e| damaged(&self.path, e))?
            .opstamp;
        let book = std::fs::metadata(self.path.join(crate::stories::BOOK_FILE))
            .and_then(|m| m.modified())
            .ok();
        Ok((opstamp, book))
    }

    /// Drops the cached story book, after a writer saved a new one.
    pub(crate) fn forget_story_book(&self) {
        match self.story_book.lock() {
            Ok(mut guard) => *guard = None,
            Err(poisoned) => *poisoned.into_inner() = None,
        }
    }

    /// The warnings reads have met since the last call (records that could not be read and
    /// were skipped), oldest first.
    pub fn take_warnings(&self) -> Vec<Diagnostic> {
        match self.warnings.lock() {
            Ok(mut warnings) => std::mem::take(&mut *warnings),
            Err(poisoned) => std::mem::take(&mut *poisoned.into_inner()),
        }
    }

    fn warn(&self, diagnostic: Diagnostic) {
        match self.warnings.lock() {
            Ok(mut warnings) => warnings.push(diagnostic),
            Err(poisoned) => poisoned.into_inner().push(diagnostic),
        }
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
            other => Error::from(other),
        })?;
        Ok(IndexWriterSink::new(self, writer))
    }

    /// Runs a read of the index so that damage shows as [`Error::IndexDamaged`] with its
    /// remedy: tantivy reports some damage as errors and panics on other (a zeroed block of
    /// a term dictionary overruns a buffer), so both are caught here.
    fn guarded<T>(&self, read: impl FnOnce() -> Result<T>) -> Result<T> {
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(read)) {
            Ok(Err(Error::Index(err))) => Err(damaged(&self.path, err)),
            Ok(other) => other,
            Err(panic) => Err(Error::IndexDamaged {
                path: self.path.clone(),
                detail: format!("reading it failed: {}", crate::panic_message(&*panic)),
            }),
        }
    }

    fn searcher(&self) -> Result<tantivy::Searcher> {
        self.reader.reload().map_err(|e| damaged(&self.path, e))?;
        Ok(self.reader.searcher())
    }

    /// A segment's document store, keeping `blocks` decompressed blocks.
    fn store_reader(
        &self,
        segment: &tantivy::SegmentReader,
        blocks: usize,
    ) -> Result<tantivy::store::StoreReader> {
        segment
            .get_store_reader(blocks)
            .map_err(|e| Error::IndexDamaged {
                path: self.path.clone(),
                detail: format!("cannot read the document store: {e}"),
            })
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
fn damaged(path: &Path, err: impl std::fmt::Display) -> Error {
    Error::IndexDamaged {
        path: path.to_owned(),
        detail: err.to_string(),
    }
}

/// What an `--index` folder holds.
enum FolderState {
    Missing,
    Empty,
    /// `meta.json` is there: tantivy can say whether the rest is sound.
    Index,
    /// Only index files, but no `meta.json`: an index that lost its catalogue.
    Broken(String),
    /// Files an index never has: not ours to touch.
    Foreign(String),
}

impl FolderState {
    /// Why an index cannot be opened in a folder in this state.
    fn refusal(self, path: &Path) -> Error {
        let path = path.to_owned();
        match self {
            FolderState::Foreign(detail) => Error::NotAnIndex { path, detail },
            FolderState::Broken(detail) => Error::IndexDamaged { path, detail },
            FolderState::Missing | FolderState::Empty | FolderState::Index => {
                Error::NoIndex { path }
            }
        }
    }
}

fn folder_state(path: &Path) -> Result<FolderState> {
    let entries = match std::fs::read_dir(path) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(FolderState::Missing),
        Err(e) if e.kind() == std::io::ErrorKind::NotADirectory || path.is_file() => {
            return Ok(FolderState::Foreign("it is a file, not a folder".into()))
        }
        Err(e) => return Err(Error::io(path, e)),
    };
    let mut index_files = 0;
    let mut has_meta = false;
    let mut foreign = None;
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(path, e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let is_file = entry.file_type().map(|t| t.is_file()).unwrap_or(false);
        if is_file && is_index_file(&name) {
            has_meta |= name == "meta.json";
            index_files += 1;
        } else if foreign.is_none() {
            foreign = Some(name);
        }
    }
    Ok(match (has_meta, index_files, foreign) {
        // Other files beside a catalogue are safe: tantivy only ever deletes files it lists.
        (true, _, _) => FolderState::Index,
        (false, 0, None) => FolderState::Empty,
        (false, 0, Some(name)) => {
            FolderState::Foreign(format!("it holds {name:?} and no index files"))
        }
        // Lock files alone are what a run killed before its first commit leaves.
        (false, _, None) if only_locks(path) => FolderState::Empty,
        (false, n, _) => FolderState::Broken(format!(
            "meta.json is missing but {n} index files are there; nothing was changed"
        )),
    })
}

fn only_locks(path: &Path) -> bool {
    std::fs::read_dir(path).is_ok_and(|entries| {
        entries.flatten().all(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            name.starts_with(".tantivy-") && name.ends_with(".lock")
        })
    })
}

/// The files tantivy writes in an index folder: `meta.json`, `.managed.json`, lock files,
/// and segment files named by a 32-digit hex id (`<id>.<component>`, `<id>.<n>.del`).
fn is_index_file(name: &str) -> bool {
    if matches!(
        name,
        "meta.json" | ".managed.json" | crate::stories::BOOK_FILE | "stories.json.tmp"
    ) {
        return true;
    }
    if name.starts_with(".tantivy-") && name.ends_with(".lock") {
        return true;
    }
    let (id, _) = name.split_once('.').unwrap_or((name, ""));
    id.len() == 32 && id.bytes().all(|b| b.is_ascii_hexdigit())
}
