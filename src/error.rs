//! The library's error type. Parsing problems are not errors (they are
//! [`Diagnostic`](crate::model::Diagnostic)s); these are the failures that stop a command.

use std::path::PathBuf;

/// Everything that can stop a crosscheck command.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    // The cause is part of the message and deliberately not a `source`: a printer that
    // walks the chain (anyhow's `{:#}`) would say it twice ("File exists: File exists").
    #[error("{path}: {cause}")]
    Io {
        path: PathBuf,
        cause: std::io::Error,
    },
    #[error(
        "index is locked by another crosscheck process ({path}); wait for it to finish, or stop it"
    )]
    IndexLocked { path: PathBuf },
    #[error("no index at {path}: run `crosscheck index` first")]
    NoIndex { path: PathBuf },
    #[error("no story {id:?} in this index: `crosscheck stories` lists them")]
    NoStory { id: String },
    #[error(
        "the index at {path} is damaged ({detail}); rebuild it: `crosscheck index --rebuild` (it deletes the index and reads the corpus again)"
    )]
    IndexDamaged { path: PathBuf, detail: String },
    #[error(
        "{path} is not a crosscheck index ({detail}); nothing there was changed: give --index an empty or new folder"
    )]
    NotAnIndex { path: PathBuf, detail: String },
    /// A failure inside the search library (tantivy), as its message; tantivy's own error
    /// type stays inside `index`.
    #[error("index error: {0}")]
    Index(String),
    #[error("invalid query: {0}")]
    Query(String),
    #[error("invalid argument: {0}")]
    Usage(String),
    #[error("{origin}: {message}")]
    Input { origin: String, message: String },
    #[error("json: {0}")]
    Json(String),
}

impl Error {
    pub fn io(path: impl Into<PathBuf>, cause: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            cause,
        }
    }

    /// The kind of the I/O failure behind this error, if it is one.
    pub fn io_kind(&self) -> Option<std::io::ErrorKind> {
        match self {
            Error::Io { cause, .. } => Some(cause.kind()),
            _ => None,
        }
    }
}

impl From<tantivy::TantivyError> for Error {
    fn from(err: tantivy::TantivyError) -> Self {
        match err {
            // The schema is checked when an index is opened: a field it lacks can only be
            // one a query names ("nosuchfield:*"), which is the user's to fix.
            tantivy::TantivyError::FieldNotFound(field) => Error::Usage(format!(
                "the query names a field the index does not have: {field:?}"
            )),
            err => Error::Index(err.to_string()),
        }
    }
}

impl From<serde_json::Error> for Error {
    fn from(err: serde_json::Error) -> Self {
        Error::Json(err.to_string())
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The message a panic carried (`panic!("...")` gives a `&str` or a `String`).
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(text) = payload.downcast_ref::<&str>() {
        (*text).to_owned()
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else {
        "unknown panic".to_owned()
    }
}
