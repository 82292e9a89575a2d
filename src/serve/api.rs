//! The JSON API: the CLI's contracts (search hits, stories, claims, compare clusters,
//! sources), wrapped in an object per endpoint. Also the reads the pages share with it.

use std::sync::Arc;

use axum::extract::{Path, Query, State as AxumState};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};

use super::{
    blocking, number, optional, required, Params, ServeError, State, MAX_LIMIT, STORY_VIEWS_KEPT,
};
use crate::error::{Error, Result};
use crate::index::{ClaimQuery, CrossIndex, SearchHit, SearchRequest};
use crate::model::{Claim, Cluster, ReportData, SourcesReport, StorySummary};

type Answer = std::result::Result<Json<Value>, ServeError>;

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
            cache.version = Some(version);
            cache.views.clear();
        }
        if let Some(view) = cache.views.get(&id) {
            return Ok(view.clone());
        }
    }
    // built outside the lock: other stories need not wait for this one
    let view = Arc::new(story_view(index, &id)?);
    let mut cache = lock(&state.story_views);
    if cache.version == Some(version) {
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

fn lock<T>(mutex: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    match mutex.lock() {
        Ok(guard) => guard,
        Err(poisoned) => poisoned.into_inner(),
    }
}

/// A cluster and its story's view. `story` (the id pages link with) saves comparing every
/// story to find it.
pub(super) fn cluster_view(
    state: &State,
    index: &CrossIndex,
    id: &str,
    story: Option<&str>,
) -> Result<Option<(Cluster, Arc<StoryView>)>> {
    let found = |view: Arc<StoryView>| {
        let cluster = view
            .data
            .clusters
            .iter()
            .find(|c| c.cluster_id == id)
            .cloned();
        cluster.map(|c| (c, view))
    };
    if let Some(story) = story {
        return Ok(found(cached_story_view(state, index, story)?));
    }
    for story in index.story_book()?.live_stories() {
        if let Some(hit) = found(Arc::new(story_view(index, &story.id)?)) {
            return Ok(Some(hit));
        }
    }
    Ok(None)
}

/// The cluster a request names (`{id}`, with `?story=` to skip the search), or 404.
pub(super) async fn find_cluster(
    state: &State,
    id: String,
    params: &Params,
) -> std::result::Result<(Cluster, Arc<StoryView>), ServeError> {
    let story = optional(params, "story");
    let wanted = id.clone();
    let shared = state.clone();
    blocking(state, move |index| {
        cluster_view(&shared, index, &wanted, story.as_deref())
    })
    .await?
    .ok_or_else(|| {
        ServeError::not_found(format!(
            "no cluster {id:?}: the clusters of a story are listed by /api/stories/{{id}}"
        ))
    })
}

pub(super) fn claim_query(params: &Params) -> std::result::Result<ClaimQuery, ServeError> {
    Ok(ClaimQuery {
        text: optional(params, "q"),
        story: optional(params, "story"),
        outlet: optional(params, "outlet"),
        key: optional(params, "key"),
        limit: Some(number(params, "limit", 50, 1, MAX_LIMIT)?),
        ..ClaimQuery::default()
    })
}

pub(super) fn sources_report(index: &CrossIndex, story: Option<String>) -> Result<SourcesReport> {
    let claims: Vec<Claim> = index.claims(&ClaimQuery {
        story,
        ..ClaimQuery::default()
    })?;
    Ok(crate::reliability::corpus::sources_from_claims(&claims))
}

fn to_json<T: serde::Serialize>(value: &T) -> std::result::Result<Value, ServeError> {
    serde_json::to_value(value).map_err(|e| ServeError::from(Error::Json(e.to_string())))
}

/// `GET /api/search?q=&limit=&offset=&outlet=&since=&until=&story=`
pub(super) async fn search(
    AxumState(state): AxumState<State>,
    Query(params): Query<Params>,
) -> Answer {
    let request = search_request(&params)?;
    let page = blocking(&state, move |index| hit_page(index, &request)).await?;
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
    Ok(Json(body))
}

/// Every story, read again only when the index changed: listing them reads every
/// article's metadata.
pub(super) async fn all_stories(
    state: &State,
) -> std::result::Result<std::sync::Arc<Vec<StorySummary>>, ServeError> {
    let shared = state.clone();
    blocking(state, move |index| {
        let version = index.version()?;
        let mut cache = lock(&shared.stories);
        if let Some((seen, stories)) = cache.as_ref() {
            if *seen == version {
                return Ok(stories.clone());
            }
        }
        let stories = std::sync::Arc::new(index.stories(None)?);
        *cache = Some((version, stories.clone()));
        Ok(stories)
    })
    .await
}

/// `GET /api/stories`: the body is kept as written while the index stays as it was (it
/// holds every article id, megabytes for a big index).
pub(super) async fn stories(
    AxumState(state): AxumState<State>,
) -> std::result::Result<Response, ServeError> {
    let stories = all_stories(&state).await?;
    let shared = state.clone();
    let body = blocking(&state, move |index| {
        let version = index.version()?;
        let mut cache = lock(&shared.stories_json);
        if let Some((seen, body)) = cache.as_ref() {
            if *seen == version {
                return Ok(body.clone());
            }
        }
        let body = Arc::new(serde_json::to_string(&json!({ "stories": &*stories }))?);
        *cache = Some((version, body.clone()));
        Ok(body)
    })
    .await?;
    Ok((
        [(header::CONTENT_TYPE, "application/json")],
        body.as_str().to_owned(),
    )
        .into_response())
}

/// `GET /api/stories/{id}`: the story object plus its clusters.
pub(super) async fn story(AxumState(state): AxumState<State>, Path(id): Path<String>) -> Answer {
    let shared = state.clone();
    let view = blocking(&state, move |index| cached_story_view(&shared, index, &id)).await?;
    let mut body = to_json(&view.summary)?;
    body["clusters"] = to_json(&view.data.clusters)?;
    body["internal"] = to_json(&view.data.internal)?;
    Ok(Json(body))
}

/// `GET /api/claims?q=&story=&outlet=&key=&limit=`
pub(super) async fn claims(
    AxumState(state): AxumState<State>,
    Query(params): Query<Params>,
) -> Answer {
    let query = claim_query(&params)?;
    let claims = blocking(&state, move |index| index.claims(&query)).await?;
    Ok(Json(json!({ "claims": to_json(&claims)? })))
}

/// `GET /api/clusters/{id}?story=`: the compare contract's cluster, plus the claims it
/// holds as claim objects.
pub(super) async fn cluster(
    AxumState(state): AxumState<State>,
    Path(id): Path<String>,
    Query(params): Query<Params>,
) -> Answer {
    let (cluster, view) = find_cluster(&state, id, &params).await?;
    let members: Vec<&Claim> = view
        .data
        .claims
        .iter()
        .filter(|c| cluster.claims.contains(&c.claim_id))
        .collect();
    let mut body = to_json(&cluster)?;
    body["claim_details"] = to_json(&members)?;
    Ok(Json(body))
}

/// `GET /api/sources?story=`: the sources contract.
pub(super) async fn sources(
    AxumState(state): AxumState<State>,
    Query(params): Query<Params>,
) -> Answer {
    let story = optional(&params, "story");
    let report = blocking(&state, move |index| sources_report(index, story)).await?;
    Ok(Json(to_json(&report)?))
}
