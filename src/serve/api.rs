//! The JSON API: the CLI's contracts (search hits, stories, claims, compare clusters,
//! sources), wrapped in an object per endpoint. Also the reads the pages share with it.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, Query, State as AxumState};
use axum::http::{header, Uri};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

use super::{
    blocking, blocking_by, number, optional, required, Params, ServeError, State, StoryViews,
    CLUSTER_SEARCH_TIME, MAX_LIMIT, STORY_VIEWS_KEPT,
};
use crate::error::{Error, Result};
use crate::index::{ClaimQuery, CrossIndex, SearchHit, SearchRequest};
use crate::model::{
    Claim, Cluster, Inconsistency, ReportData, SourceScore, SourcesReport, StorySummary, TruthOut,
};

/// One page of search hits and the number of all matches.
pub(super) struct HitPage {
    pub hits: Vec<SearchHit>,
    pub total: usize,
    pub warning: Option<String>,
}

/// The search a request's parameters ask for.
pub(super) fn search_request(params: &Params) -> std::result::Result<SearchRequest, ServeError> {
    Ok(SearchRequest {
        query: required(params, "q")?.to_owned(),
        outlet: optional(params, "outlet"),
        since: optional(params, "since"),
        until: optional(params, "until"),
        story: optional(params, "story"),
        limit: number(params, "limit", 10, 1, MAX_LIMIT)?,
        offset: number(params, "offset", 0, 0, 100_000)?,
        count_total: true,
    })
}

pub(super) fn hit_page(index: &CrossIndex, request: &SearchRequest) -> Result<HitPage> {
    let results = index.search(request)?;
    Ok(HitPage {
        total: results.total.unwrap_or(results.hits.len()),
        hits: results.hits,
        warning: results.warning,
    })
}

/// A story with its comparison, as the report builds it for that story alone.
pub(super) struct StoryView {
    pub summary: StorySummary,
    pub data: ReportData,
}

pub(super) fn story_view(index: &CrossIndex, id: &str) -> Result<StoryView> {
    let summary = index.story(id)?;
    let mut data = crate::pipeline::report_data(index, None, Some(&summary.story_id), None)?;
    // most severe disagreement first, then the most reported
    data.clusters.sort_by(|a, b| {
        worst(b)
            .total_cmp(&worst(a))
            .then(b.claims.len().cmp(&a.claims.len()))
            .then(a.cluster_id.cmp(&b.cluster_id))
    });
    Ok(StoryView { summary, data })
}

fn worst(cluster: &Cluster) -> f64 {
    cluster
        .discrepancies
        .iter()
        .map(|d| d.severity)
        .fold(0.0, f64::max)
}

/// A story's view, kept while the index stays as it was: comparing a big story takes tens
/// of milliseconds, and the same stories are asked for again and again.
pub(super) fn cached_story_view(
    state: &State,
    index: &CrossIndex,
    id: &str,
) -> Result<Arc<StoryView>> {
    let version = index.version()?;
    let id = index.story_book()?.canonical_id(id).to_owned();
    {
        let mut cache = lock(&state.story_views);
        if cache.version != Some(version) {
            *cache = StoryViews {
                version: Some(version),
                ..StoryViews::default()
            };
        }
        if let Some(view) = cache.views.get(&id) {
            return Ok(view.clone());
        }
    }
    // built outside the lock: other stories need not wait for this one
    let view = Arc::new(story_view(index, &id)?);
    let mut cache = lock(&state.story_views);
    if cache.version == Some(version) {
        remember_clusters(&mut cache, &view);
        if cache.views.len() >= STORY_VIEWS_KEPT {
            if let Some(oldest) = cache.order.pop_front() {
                cache.views.remove(&oldest);
            }
        }
        if cache.views.insert(id.clone(), view.clone()).is_none() {
            cache.order.push_back(id);
        }
    }
    Ok(view)
}

fn remember_clusters(cache: &mut StoryViews, view: &StoryView) {
    cache.compared.insert(view.summary.story_id.clone());
    for cluster in &view.data.clusters {
        cache
            .cluster_story
            .insert(cluster.cluster_id.clone(), view.summary.story_id.clone());
    }
}

pub(super) fn lock<T>(mutex: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    match mutex.lock() {
        Ok(guard) => guard,
        Err(poisoned) => poisoned.into_inner(),
    }
}

/// What looking for a cluster found.
pub(super) enum ClusterLookup {
    Found(Box<Cluster>, Arc<StoryView>),
    /// No story holds it.
    Missing,
    /// Not in the stories compared within [`CLUSTER_SEARCH_TIME`] (of all of them).
    OutOfTime {
        compared: usize,
        stories: usize,
    },
}

/// A cluster and its story's view. `story` (the id pages link with) saves the search:
/// without it, the story is one already compared since the index last changed, or else
/// the stories not yet compared are compared one by one, for at most
/// [`CLUSTER_SEARCH_TIME`], each remembered, so that the next request goes on where this
/// one stopped.
pub(super) fn cluster_view(
    state: &State,
    index: &CrossIndex,
    id: &str,
    story: Option<&str>,
) -> Result<ClusterLookup> {
    let found = |view: Arc<StoryView>| {
        let cluster = view
            .data
            .clusters
            .iter()
            .find(|c| c.cluster_id == id)
            .cloned();
        match cluster {
            Some(c) => ClusterLookup::Found(Box::new(c), view),
            None => ClusterLookup::Missing,
        }
    };
    if let Some(story) = story {
        return Ok(found(cached_story_view(state, index, story)?));
    }
    let version = index.version()?;
    let known = {
        let mut cache = lock(&state.story_views);
        if cache.version != Some(version) {
            *cache = StoryViews {
                version: Some(version),
                ..StoryViews::default()
            };
        }
        cache.cluster_story.get(id).cloned()
    };
    if let Some(story) = known {
        return Ok(found(cached_story_view(state, index, &story)?));
    }
    let started = std::time::Instant::now();
    let book = index.story_book()?;
    let stories = book.live_stories();
    let mut compared = 0;
    for story in &stories {
        let seen = {
            let cache = lock(&state.story_views);
            cache.version == Some(version) && cache.compared.contains(&story.id)
        };
        if seen {
            compared += 1;
            continue;
        }
        if started.elapsed() > CLUSTER_SEARCH_TIME {
            return Ok(ClusterLookup::OutOfTime {
                compared,
                stories: stories.len(),
            });
        }
        let view = Arc::new(story_view(index, &story.id)?);
        compared += 1;
        {
            let mut cache = lock(&state.story_views);
            if cache.version == Some(version) {
                remember_clusters(&mut cache, &view);
            }
        }
        if let ClusterLookup::Found(c, v) = found(view) {
            return Ok(ClusterLookup::Found(c, v));
        }
    }
    Ok(ClusterLookup::Missing)
}

/// The cluster a request names (`{id}`, with `?story=` to skip the search): 404 when no
/// story holds it, 400 asking for the story when the search ran out of time.
pub(super) async fn find_cluster(
    state: &State,
    id: String,
    params: &Params,
) -> std::result::Result<(Cluster, Arc<StoryView>), ServeError> {
    let story = optional(params, "story");
    let wanted = id.clone();
    let shared = state.clone();
    let lookup = blocking(state, move |index| {
        cluster_view(&shared, index, &wanted, story.as_deref())
    })
    .await?;
    lookup_answer(lookup, &id)
}

fn lookup_answer(
    lookup: ClusterLookup,
    id: &str,
) -> std::result::Result<(Cluster, Arc<StoryView>), ServeError> {
    match lookup {
        ClusterLookup::Found(cluster, view) => Ok((*cluster, view)),
        ClusterLookup::Missing => Err(no_cluster(id)),
        ClusterLookup::OutOfTime { compared, stories } => Err(ServeError::bad(format!(
            "cluster {id:?} is not among the {compared} of {stories} stories compared so far; \
             ask again to go on, or name its story: /api/clusters/{id}?story=ID"
        ))),
    }
}

/// A page of claims a request asks for: its query, and where the page starts and how long
/// it is.
pub(super) struct ClaimPage {
    pub query: ClaimQuery,
    pub offset: usize,
    pub limit: usize,
}

/// Claims pages go this deep at most (each page reads the claims before it again).
pub const MAX_CLAIM_OFFSET: usize = 10_000;

pub(super) fn claim_query(params: &Params) -> std::result::Result<ClaimPage, ServeError> {
    let limit = number(params, "limit", 50, 1, MAX_LIMIT)?;
    let offset = number(params, "offset", 0, 0, MAX_CLAIM_OFFSET)?;
    Ok(ClaimPage {
        query: ClaimQuery {
            text: optional(params, "q"),
            story: optional(params, "story"),
            outlet: optional(params, "outlet"),
            key: optional(params, "key"),
            since: optional(params, "since"),
            until: optional(params, "until"),
            // one more than the page, to tell whether another follows
            limit: Some(offset + limit + 1),
            ..ClaimQuery::default()
        },
        offset,
        limit,
    })
}

/// The claims of a page, and whether more follow. A story's claims alone are its view's,
/// in the same order the index gives them.
pub(super) fn claims_page(
    state: &State,
    index: &CrossIndex,
    page: &ClaimPage,
) -> Result<(Vec<Claim>, bool)> {
    let page_of = |claims: &[Claim]| {
        let from = page.offset.min(claims.len());
        let to = (from + page.limit).min(claims.len());
        (claims[from..to].to_vec(), claims.len() > to)
    };
    Ok(match story_only(&page.query) {
        Some(story) => page_of(&cached_story_view(state, index, story)?.data.claims),
        None => page_of(&index.claims(&page.query)?),
    })
}

pub(super) fn sources_report(index: &CrossIndex, story: Option<String>) -> Result<SourcesReport> {
    crate::pipeline::index_sources(index, story)
}

/// The answer to the request `target`, kept while the index stays as it was (see
/// `cache.rs`): built once in the blocking pool, then sent again as the same bytes.
/// `build` answers `None` for a thing that does not exist, which `missing` words as 404.
pub(super) async fn kept<F>(
    state: &State,
    target: &Uri,
    content_type: &'static str,
    build: F,
    missing: impl FnOnce() -> ServeError,
) -> std::result::Result<Response, ServeError>
where
    F: FnOnce(&State, &CrossIndex) -> Result<Option<Vec<u8>>> + Send + 'static,
{
    let key = cache_key(target);
    let deadline = tokio::time::Instant::now() + state.timeout;
    if let Some(kept) = kept_answer(state, target, content_type).await {
        return Ok(kept);
    }
    let _turn = Gate::enter(state, &key, deadline).await?;
    let shared = state.clone();
    let body = blocking_by(state, deadline, move |index| {
        let version = index.version()?;
        if let Some(body) = lock(&shared.responses).get(version, &key) {
            return Ok(Some(body));
        }
        let Some(body) = build(&shared, index)? else {
            return Ok(None);
        };
        let body = Bytes::from(body);
        lock(&shared.responses).put(version, key, body.clone());
        Ok(Some(body))
    })
    .await?
    .ok_or_else(missing)?;
    Ok(([(header::CONTENT_TYPE, content_type)], body).into_response())
}

/// What an answer is kept under: its request target, path and query.
fn cache_key(target: &Uri) -> String {
    target
        .path_and_query()
        .map_or_else(|| target.path().to_owned(), |p| p.as_str().to_owned())
}

/// The answer kept for `target`, if any. It takes no turn: reading the index version is
/// one small file.
pub(super) async fn kept_answer(
    state: &State,
    target: &Uri,
    content_type: &'static str,
) -> Option<Response> {
    let key = cache_key(target);
    let shared = state.clone();
    let body = tokio::task::spawn_blocking(move || {
        let version = shared.index.version().ok()?;
        lock(&shared.responses).get(version, &key)
    })
    .await
    .ok()
    .flatten()?;
    Some(([(header::CONTENT_TYPE, content_type)], body).into_response())
}

/// The sources of the whole corpus, rated once per index version: every source page and
/// `/api/sources` read them, and rating reads every claim (seconds for a big index), so
/// requests wait at one gate for the one rating under way.
pub(super) async fn corpus_sources(
    state: &State,
) -> std::result::Result<Arc<SourcesReport>, ServeError> {
    let deadline = tokio::time::Instant::now() + state.timeout;
    let _turn = Gate::enter(state, "\u{0}corpus sources", deadline).await?;
    let shared = state.clone();
    blocking_by(state, deadline, move |index| {
        let version = index.version()?;
        if let Some((seen, report)) = lock(&shared.corpus_sources).as_ref() {
            if *seen == version {
                return Ok(report.clone());
            }
        }
        let report = Arc::new(sources_report(index, None)?);
        *lock(&shared.corpus_sources) = Some((version, report.clone()));
        Ok(report)
    })
    .await
}

/// A turn at the gate of one answer: while it is held, the same request waits (holding no
/// turn for index work) instead of building the answer again. The gate goes when nobody
/// waits at it, however the request ends (answered, out of time, or dropped when its
/// client left).
pub(super) struct Gate {
    state: State,
    key: String,
    gate: Arc<tokio::sync::Mutex<()>>,
    turn: Option<tokio::sync::OwnedMutexGuard<()>>,
}

impl Gate {
    pub(super) async fn enter(
        state: &State,
        key: &str,
        deadline: tokio::time::Instant,
    ) -> std::result::Result<Gate, ServeError> {
        let gate = lock(&state.building)
            .entry(key.to_owned())
            .or_default()
            .clone();
        let mut entered = Gate {
            state: state.clone(),
            key: key.to_owned(),
            gate: gate.clone(),
            turn: None,
        };
        let turn = tokio::time::timeout_at(deadline, gate.lock_owned())
            .await
            .map_err(|_| ServeError::busy())?;
        entered.turn = Some(turn);
        Ok(entered)
    }
}

impl Drop for Gate {
    fn drop(&mut self) {
        self.turn = None;
        let mut building = lock(&self.state.building);
        // the map's handle and this one: nobody else waits here
        if Arc::strong_count(&self.gate) <= 2 {
            building.remove(&self.key);
        }
    }
}

/// [`kept`] for the JSON API.
async fn kept_json<F>(
    state: &State,
    target: &Uri,
    build: F,
    missing: impl FnOnce() -> ServeError,
) -> std::result::Result<Response, ServeError>
where
    F: FnOnce(&State, &CrossIndex) -> Result<Option<Vec<u8>>> + Send + 'static,
{
    kept(state, target, "application/json", build, missing).await
}

/// Never called: every id these endpoints take is checked by the index (404 through
/// [`crate::error::Error::NoStory`]).
pub(super) fn unreachable_missing() -> ServeError {
    ServeError::not_found("not found")
}

/// `GET /api/search?q=&limit=&offset=&outlet=&since=&until=&story=`
pub(super) async fn search(
    AxumState(state): AxumState<State>,
    target: Uri,
    Query(params): Query<Params>,
) -> std::result::Result<Response, ServeError> {
    let request = search_request(&params)?;
    let build = move |_: &State, index: &CrossIndex| {
        let page = hit_page(index, &request)?;
        let hits: Vec<Value> = page
            .hits
            .iter()
            .map(|h| {
                json!({
                    "article_id": h.article_id,
                    "outlet": h.outlet,
                    "title": h.title,
                    "date": h.date,
                    "url": h.url,
                    "snippet": h.snippet,
                    "highlights": h.highlights,
                    "story": h.story,
                    "score": h.score,
                })
            })
            .collect();
        let mut body = json!({ "hits": hits, "total": page.total });
        if let Some(warning) = page.warning {
            body["warning"] = json!(warning);
        }
        Ok(Some(serde_json::to_vec(&body)?))
    };
    kept_json(&state, &target, build, unreachable_missing).await
}

/// Every story, read again only when the index changed: listing them reads every
/// article's metadata.
pub(super) fn stories_now(state: &State, index: &CrossIndex) -> Result<Arc<Vec<StorySummary>>> {
    let version = index.version()?;
    let mut cache = lock(&state.stories);
    if let Some((seen, stories)) = cache.as_ref() {
        if *seen == version {
            return Ok(stories.clone());
        }
    }
    let stories = Arc::new(index.stories(None)?);
    *cache = Some((version, stories.clone()));
    Ok(stories)
}

/// `GET /api/stories?limit=&offset=`: every story by default (the contract), or a page
/// of them in the same order, with `total`. The whole list holds every article id
/// (megabytes for a big index), so it is written straight from the stories, without a
/// JSON tree in between, and kept.
pub(super) async fn stories(
    AxumState(state): AxumState<State>,
    target: Uri,
    Query(params): Query<Params>,
) -> std::result::Result<Response, ServeError> {
    let limit = number(&params, "limit", usize::MAX, 1, MAX_STORIES_PAGE)?;
    let offset = number(&params, "offset", 0, 0, MAX_STORIES_OFFSET)?;
    let build = move |shared: &State, index: &CrossIndex| {
        let stories = stories_now(shared, index)?;
        let from = offset.min(stories.len());
        let to = from.saturating_add(limit).min(stories.len());
        Ok(Some(serde_json::to_vec(&StoriesBody {
            stories: &stories[from..to],
            total: stories.len(),
        })?))
    };
    kept_json(&state, &target, build, unreachable_missing).await
}

/// The longest page of stories asked for by `limit` (without it, every story).
const MAX_STORIES_PAGE: usize = 100_000;
/// The furthest a page of stories may start.
const MAX_STORIES_OFFSET: usize = 10_000_000;

#[derive(serde::Serialize)]
struct StoriesBody<'a> {
    stories: &'a [StorySummary],
    total: usize,
}

/// `GET /api/stories/{id}`: the story object plus its clusters.
pub(super) async fn story(
    AxumState(state): AxumState<State>,
    target: Uri,
    Path(id): Path<String>,
) -> std::result::Result<Response, ServeError> {
    let build = move |shared: &State, index: &CrossIndex| {
        let view = cached_story_view(shared, index, &id)?;
        let body = StoryBody {
            summary: &view.summary,
            clusters: &view.data.clusters,
            internal: &view.data.internal,
        };
        Ok(Some(serde_json::to_vec(&body)?))
    };
    kept_json(&state, &target, build, unreachable_missing).await
}

/// The story contract's object with the story's clusters and contradictions, written
/// straight from the view (no JSON tree in between: a big story's answer is a megabyte).
#[derive(serde::Serialize)]
struct StoryBody<'a> {
    #[serde(flatten)]
    summary: &'a StorySummary,
    clusters: &'a [Cluster],
    internal: &'a [Inconsistency],
}

/// `GET /api/claims?q=&story=&outlet=&key=&since=&until=&limit=&offset=`: a page of claims,
/// and `more` when another follows.
pub(super) async fn claims(
    AxumState(state): AxumState<State>,
    target: Uri,
    Query(params): Query<Params>,
) -> std::result::Result<Response, ServeError> {
    let page = claim_query(&params)?;
    let build = move |shared: &State, index: &CrossIndex| {
        let (claims, more) = claims_page(shared, index, &page)?;
        Ok(Some(serde_json::to_vec(
            &json!({ "claims": claims, "more": more }),
        )?))
    };
    kept_json(&state, &target, build, unreachable_missing).await
}

/// The story a claim query asks for when it asks for nothing else.
fn story_only(query: &ClaimQuery) -> Option<&str> {
    let ClaimQuery {
        text: None,
        outlet: None,
        key: None,
        article: None,
        kind: None,
        since: None,
        until: None,
        limit: _,
        story: Some(story),
    } = query
    else {
        return None;
    };
    Some(story)
}

/// `GET /api/clusters/{id}?story=`: the compare contract's cluster, plus the claims it
/// holds as claim objects.
pub(super) async fn cluster(
    AxumState(state): AxumState<State>,
    Path(id): Path<String>,
    Query(params): Query<Params>,
) -> std::result::Result<Response, ServeError> {
    let (cluster, view) = find_cluster(&state, id, &params).await?;
    let members: Vec<&Claim> = view
        .data
        .claims
        .iter()
        .filter(|c| cluster.claims.contains(&c.claim_id))
        .collect();
    let mut body = serde_json::to_value(&cluster).map_err(json_error)?;
    body["claim_details"] = serde_json::to_value(&members).map_err(json_error)?;
    let body = serde_json::to_vec(&body).map_err(json_error)?;
    Ok(([(header::CONTENT_TYPE, "application/json")], body).into_response())
}

fn json_error(err: serde_json::Error) -> ServeError {
    ServeError::from(Error::from(err))
}

fn no_cluster(id: &str) -> ServeError {
    ServeError::not_found(format!(
        "no cluster {id:?}: the clusters of a story are listed by /api/stories/{{id}}"
    ))
}

/// `GET /api/sources?story=`: the sources contract. A story's sources are its view's
/// (the same claims, rated the same way); the corpus's are rated once per index version.
pub(super) async fn sources(
    AxumState(state): AxumState<State>,
    target: Uri,
    Query(params): Query<Params>,
) -> std::result::Result<Response, ServeError> {
    let story = optional(&params, "story");
    if story.is_none() {
        if let Some(kept) = kept_answer(&state, &target, "application/json").await {
            return Ok(kept);
        }
    }
    let corpus = match story {
        None => Some(corpus_sources(&state).await?),
        Some(_) => None,
    };
    let build = move |shared: &State, index: &CrossIndex| {
        let body = match (story, corpus) {
            (Some(story), _) => {
                let view = cached_story_view(shared, index, &story)?;
                serde_json::to_vec(&SourcesBody {
                    sources: &view.data.sources,
                    truths: &view.data.truths,
                })?
            }
            (None, Some(report)) => serde_json::to_vec(&*report)?,
            (None, None) => serde_json::to_vec(&sources_report(index, None)?)?,
        };
        Ok(Some(body))
    };
    kept_json(&state, &target, build, unreachable_missing).await
}

/// [`SourcesReport`] borrowed from a story's view.
#[derive(serde::Serialize)]
struct SourcesBody<'a> {
    sources: &'a [SourceScore],
    truths: &'a [TruthOut],
}
