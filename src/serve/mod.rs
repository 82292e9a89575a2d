//! `crosscheck serve`: a local web app and JSON API over one index. Read-only: it never
//! writes the index, and it sees new commits (and a new story book) while `crosscheck
//! index` runs in another process, because every request reads the index afresh.
//!
//! Owns: the router, request limits (URI length, body size, time per request, work in
//! flight), error responses (`{"error": …}` with 400, 404, 503), and the bridge between the
//! async server and the index (blocking work on tokio's blocking pool). The JSON
//! (`api.rs`) wraps the CLI's contracts; the pages (`pages.rs`) are rendered on the server
//! with maud, which escapes by default, and reuse the report's charts.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::{DefaultBodyLimit, Request};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use tokio::sync::Semaphore;

use crate::error::{Error, Result};
use crate::index::CrossIndex;
use crate::model::StorySummary;

mod api;
mod cache;

pub use cache::RESPONSE_CACHE_MB;
mod pages;

/// Longest request target (path and query) accepted.
pub const MAX_URI_BYTES: usize = 8 * 1024;
/// Largest request body accepted (the API reads none; this bounds what a client sends).
pub const MAX_BODY_BYTES: usize = 16 * 1024;
/// Index work a request may take before it is answered 503.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(20);
/// Requests doing index work at once; more wait (within their time) for a turn.
pub const MAX_WORK_IN_FLIGHT: usize = 4;
/// Rows a list may return at once.
pub const MAX_LIMIT: usize = 200;

/// Where to serve and what.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub index_dir: PathBuf,
    pub addr: SocketAddr,
    pub request_timeout: Duration,
    /// Bytes of API answers kept until the index changes (see `cache.rs`).
    pub response_cache_bytes: usize,
}

/// Shared by every request.
struct AppState {
    index: CrossIndex,
    /// Turns for index work; a turn is held until the work ends, even past its request.
    work: Arc<Semaphore>,
    timeout: Duration,
    /// Every story, with the index version it was read at.
    stories: std::sync::Mutex<Option<(IndexVersion, Arc<Vec<StorySummary>>)>>,
    /// API answers as sent, for the index version they were read at.
    responses: std::sync::Mutex<cache::ResponseCache>,
    /// The stories whose outlets disagree most, of every story, once ranked.
    ranking: std::sync::Mutex<Ranking>,
    /// The whole corpus's sources, with the index version they were rated at.
    corpus_sources: std::sync::Mutex<Option<(IndexVersion, Arc<crate::model::SourcesReport>)>>,
    /// One gate per answer being built: the same request asked again meanwhile waits for
    /// that answer instead of building it again (32 clients asking for the corpus's
    /// sources at once would otherwise hold every turn, each with its own copy).
    building: std::sync::Mutex<std::collections::HashMap<String, Arc<tokio::sync::Mutex<()>>>>,
    /// The stories last compared, for the index version they were compared at.
    story_views: std::sync::Mutex<StoryViews>,
}

/// Story views kept at once.
pub const STORY_VIEWS_KEPT: usize = 16;

#[derive(Default)]
struct StoryViews {
    version: Option<IndexVersion>,
    views: std::collections::HashMap<String, Arc<api::StoryView>>,
    /// Ids in the order they were kept, the oldest first.
    order: std::collections::VecDeque<String>,
    /// The story of every cluster seen in a view built at this version, kept or not, so
    /// that a cluster asked for without its story is found without comparing again.
    cluster_story: std::collections::HashMap<String, String>,
    /// Stories compared at this version (their clusters are in `cluster_story`).
    compared: std::collections::HashSet<String>,
}

/// The start page's ranking of every story by disagreement.
#[derive(Default)]
struct Ranking {
    /// The version `top` was ranked at.
    version: Option<IndexVersion>,
    /// The version a ranking was started for (in the background).
    started: Option<IndexVersion>,
    top: Vec<(usize, StorySummary)>,
}

/// Time a request for a cluster without its story may spend comparing stories to find it.
pub const CLUSTER_SEARCH_TIME: Duration = Duration::from_secs(3);

type IndexVersion = (u64, Option<std::time::SystemTime>);

type State = Arc<AppState>;

/// Serves until the process ends. `on_ready` gets the bound address (port 0 picks a free
/// one) once requests are accepted.
pub fn serve(options: &ServeOptions, on_ready: impl FnOnce(SocketAddr)) -> Result<()> {
    let index = CrossIndex::open(&options.index_dir)?;
    let state = Arc::new(AppState {
        index,
        work: Arc::new(Semaphore::new(MAX_WORK_IN_FLIGHT)),
        timeout: options.request_timeout,
        stories: std::sync::Mutex::new(None),
        responses: std::sync::Mutex::new(cache::ResponseCache::new(options.response_cache_bytes)),
        building: std::sync::Mutex::default(),
        corpus_sources: std::sync::Mutex::new(None),
        ranking: std::sync::Mutex::default(),
        story_views: std::sync::Mutex::new(StoryViews::default()),
    });
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| io_error(&options.index_dir, e))?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(options.addr)
            .await
            .map_err(|e| Error::Usage(format!("cannot listen on {}: {e}", options.addr)))?;
        let bound = listener
            .local_addr()
            .map_err(|e| io_error(&options.index_dir, e))?;
        on_ready(bound);
        axum::serve(listener, router(state))
            .await
            .map_err(|e| io_error(&options.index_dir, e))
    })
}

fn io_error(path: &std::path::Path, cause: std::io::Error) -> Error {
    Error::Io {
        path: path.to_owned(),
        cause,
    }
}

fn router(state: State) -> Router {
    Router::new()
        .route("/", get(pages::home))
        .route("/search", get(pages::search))
        .route("/stories/{id}", get(pages::story))
        .route("/clusters/{id}", get(pages::cluster))
        .route("/sources", get(pages::sources))
        .route("/sources/{name}", get(pages::source))
        .route("/claims", get(pages::claims))
        .route("/api/search", get(api::search))
        .route("/api/stories", get(api::stories))
        .route("/api/stories/{id}", get(api::story))
        .route("/api/claims", get(api::claims))
        .route("/api/clusters/{id}", get(api::cluster))
        .route("/api/sources", get(api::sources))
        .fallback(pages::not_found)
        .layer(middleware::from_fn(limits_and_headers))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .with_state(state)
}

/// Refuses an over-long request target; gives every answer the report's stance on
/// resources from elsewhere (none) and no referrer.
async fn limits_and_headers(request: Request, next: Next) -> Response {
    let target = request
        .uri()
        .path_and_query()
        .map_or(0, |p| p.as_str().len());
    let api = request.uri().path().starts_with("/api/");
    let mut response = if target > MAX_URI_BYTES {
        ServeError::bad(format!(
            "the request is {target} bytes long; at most {MAX_URI_BYTES} are accepted"
        ))
        .into_response()
    } else {
        next.run(request).await
    };
    if api && !response.status().is_success() && !is_json(&response) {
        response = as_json_error(response).await;
    }
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; \
             form-action 'self'; frame-ancestors 'none'",
        ),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}

fn is_json(response: &Response) -> bool {
    response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"))
}

/// An error the framework wrote itself (a path it could not read, a method other than
/// GET) as the API's JSON error, with its status and its `Allow` header.
async fn as_json_error(response: Response) -> Response {
    let (parts, body) = response.into_parts();
    let text = axum::body::to_bytes(body, 4096)
        .await
        .map(|b| String::from_utf8_lossy(&b).trim().to_owned())
        .unwrap_or_default();
    let message = match parts.status {
        StatusCode::METHOD_NOT_ALLOWED => "only GET requests are answered here".to_owned(),
        _ if !text.is_empty() => text,
        status => status.canonical_reason().unwrap_or("error").to_owned(),
    };
    let mut json = ServeError {
        status: parts.status,
        message,
    }
    .into_response();
    if let Some(allow) = parts.headers.get(header::ALLOW) {
        json.headers_mut().insert(header::ALLOW, allow.clone());
    }
    json
}

/// An answer other than success, with a message a person can act on.
#[derive(Debug)]
pub(crate) struct ServeError {
    status: StatusCode,
    message: String,
}

impl ServeError {
    fn bad(message: impl Into<String>) -> Self {
        ServeError {
            status: StatusCode::BAD_REQUEST,
            message: message.into(),
        }
    }

    fn not_found(message: impl Into<String>) -> Self {
        ServeError {
            status: StatusCode::NOT_FOUND,
            message: message.into(),
        }
    }

    fn busy() -> Self {
        ServeError {
            status: StatusCode::SERVICE_UNAVAILABLE,
            message: "the index took too long to answer; narrow the query or try again".into(),
        }
    }
}

impl From<Error> for ServeError {
    fn from(err: Error) -> Self {
        let status = match &err {
            Error::Usage(_) | Error::Query(_) => StatusCode::BAD_REQUEST,
            Error::NoStory { .. } => StatusCode::NOT_FOUND,
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        };
        ServeError {
            status,
            message: err.to_string(),
        }
    }
}

impl IntoResponse for ServeError {
    fn into_response(self) -> Response {
        (
            self.status,
            Json(serde_json::json!({ "error": self.message })),
        )
            .into_response()
    }
}

/// Runs index work off the async threads, one of at most [`MAX_WORK_IN_FLIGHT`] at once,
/// and answers 503 when it (with its wait for a turn) takes longer than the request may.
/// Work that overruns goes on in the background, holding its turn, and is dropped when
/// done: slow queries cannot pile up beyond the turns.
async fn blocking<T, F>(state: &State, work: F) -> std::result::Result<T, ServeError>
where
    T: Send + 'static,
    F: FnOnce(&CrossIndex) -> Result<T> + Send + 'static,
{
    blocking_by(state, tokio::time::Instant::now() + state.timeout, work).await
}

/// [`blocking`], answered 503 at `deadline`.
async fn blocking_by<T, F>(
    state: &State,
    deadline: tokio::time::Instant,
    work: F,
) -> std::result::Result<T, ServeError>
where
    T: Send + 'static,
    F: FnOnce(&CrossIndex) -> Result<T> + Send + 'static,
{
    let permit = tokio::time::timeout_at(deadline, state.work.clone().acquire_owned())
        .await
        .map_err(|_| ServeError::busy())?
        .map_err(|_| ServeError::busy())?;
    let shared = state.clone();
    let task = tokio::task::spawn_blocking(move || {
        let outcome = work(&shared.index);
        drop(permit);
        // records skipped while reading are reported by the CLI; a server has no one to
        // tell but its log
        for warning in shared.index.take_warnings() {
            eprintln!("warning: {warning}");
        }
        outcome
    });
    match tokio::time::timeout_at(deadline, task).await {
        Err(_) => Err(ServeError::busy()),
        Ok(Err(join)) => Err(ServeError {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            message: format!("the request failed: {join}"),
        }),
        Ok(Ok(result)) => result.map_err(ServeError::from),
    }
}

/// Query parameters as given; each handler reads and checks its own.
type Params = std::collections::HashMap<String, String>;

/// A parameter that must be there and not blank.
fn required<'p>(params: &'p Params, name: &str) -> std::result::Result<&'p str, ServeError> {
    params
        .get(name)
        .map(String::as_str)
        .filter(|v| !v.trim().is_empty())
        .ok_or_else(|| ServeError::bad(format!("the parameter {name:?} is required")))
}

/// An optional parameter; blank counts as absent (an empty filter box).
fn optional(params: &Params, name: &str) -> Option<String> {
    params
        .get(name)
        .filter(|v| !v.trim().is_empty())
        .map(|v| v.trim().to_owned())
}

/// A count parameter within `1..=max` (`min` 0 for offsets), or its default.
pub(super) fn number(
    params: &Params,
    name: &str,
    default: usize,
    min: usize,
    max: usize,
) -> std::result::Result<usize, ServeError> {
    match params.get(name).map(|v| v.trim()).filter(|v| !v.is_empty()) {
        None => Ok(default),
        Some(raw) => match raw.parse::<usize>() {
            Ok(n) if (min..=max).contains(&n) => Ok(n),
            _ => Err(ServeError::bad(format!(
                "the parameter {name:?} must be a whole number from {min} to {max}, not {raw:?}"
            ))),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(timeout: Duration, dir: &std::path::Path) -> State {
        let index = CrossIndex::open_or_create(dir).expect("a new index");
        Arc::new(AppState {
            index,
            work: Arc::new(Semaphore::new(1)),
            timeout,
            stories: std::sync::Mutex::new(None),
            responses: std::sync::Mutex::new(cache::ResponseCache::new(1024)),
            building: std::sync::Mutex::default(),
            corpus_sources: std::sync::Mutex::new(None),
            ranking: std::sync::Mutex::default(),
            story_views: std::sync::Mutex::new(StoryViews::default()),
        })
    }

    fn runtime() -> tokio::runtime::Runtime {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a runtime")
    }

    #[test]
    fn slow_work_is_answered_503_and_quick_work_is_answered() {
        let dir = tempfile::tempdir().expect("temp dir");
        let state = state(Duration::from_millis(50), dir.path());
        // one runtime throughout: dropping one waits for its blocking work
        let runtime = runtime();
        let slow = runtime.block_on(blocking(&state, |_| {
            std::thread::sleep(Duration::from_millis(400));
            Ok(())
        }));
        let err = slow.expect_err("too slow");
        assert_eq!(err.status, StatusCode::SERVICE_UNAVAILABLE);
        assert!(err.message.contains("too long"));
        // the slow work still holds the one turn until it ends: the next request waits for
        // it and runs out of time too; once it ended, requests are answered again
        let waiting = runtime.block_on(blocking(&state, |_| Ok(7)));
        assert_eq!(
            waiting.expect_err("no turn free").status,
            StatusCode::SERVICE_UNAVAILABLE
        );
        std::thread::sleep(Duration::from_millis(450));
        let quick = runtime.block_on(blocking(&state, |_| Ok(7)));
        assert_eq!(quick.expect("answered"), 7);
    }

    #[test]
    fn library_errors_map_to_statuses() {
        let status = |err: Error| ServeError::from(err).status;
        assert_eq!(status(Error::Usage("x".into())), StatusCode::BAD_REQUEST);
        assert_eq!(status(Error::Query("x".into())), StatusCode::BAD_REQUEST);
        assert_eq!(
            status(Error::NoStory { id: "s".into() }),
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            status(Error::Index("x".into())),
            StatusCode::INTERNAL_SERVER_ERROR
        );
    }
}
