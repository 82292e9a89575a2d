//! The library's error type. Parsing problems are not errors (they are
//! [`Diagnostic`](crate::model::Diagnostic)s); these are the failures that stop a command.

use std::path::PathBuf;

/// Everything that can stop a crosscheck command.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "index is locked by another crosscheck process ({path}); wait for it to finish, or stop it"
    )]
    IndexLocked { path: PathBuf },
    #[error("no index at {path}: run `crosscheck index` first")]
    NoIndex { path: PathBuf },
    #[error(
        "the index at {path} is damaged ({detail}); rebuild it: `crosscheck index --rebuild` (it deletes the index and reads the corpus again)"
    )]
    IndexDamaged { path: PathBuf, detail: String },
    #[error(
        "{path} is not a crosscheck index ({detail}); nothing there was changed: give --index an empty or new folder"
    )]
    NotAnIndex { path: PathBuf, detail: String },
    #[error("index error: {0}")]
    Index(#[from] tantivy::TantivyError),
    #[error("invalid query: {0}")]
    Query(String),
    #[error("invalid argument: {0}")]
    Usage(String),
    #[error("{origin}: {message}")]
    Input { origin: String, message: String },
    #[error("json: {0}")]
    Json(#[from] serde_json::Error),
}

impl Error {
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
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
