//! The HTML pages, rendered on the server with maud (every interpolation is escaped). They
//! work without JavaScript: forms are plain GET forms, filters are links. Clusters and the
//! reliability chart are the report's own fragments (`report::html`), so the number line,
//! timeline and reliability chart have one code path.

use axum::extract::{Path, Query, State as AxumState};
use axum::response::{Html, IntoResponse, Response};
use maud::{html, Markup, PreEscaped, DOCTYPE};

use super::api::lock;
use super::api::{
    cached_story_view, claim_query, claims_page, corpus_sources, find_cluster, hit_page, kept,
    kept_answer, search_request, sources_report, stories_now, unreachable_missing, StoryView,
};
use super::{blocking, optional, Params, ServeError, State};
use crate::model::{number_text, ArticleMeta, Claim, ReportData, SourceScore, StorySummary};
use crate::report::common::{explanation_body, reliability_text};
use crate::report::escape::safe_url;
use crate::report::html::{cluster_fragment, sources_fragment, stylesheet};

type Page = std::result::Result<Html<String>, PageError>;

/// Stories the home page compares to rank them by disagreement (the biggest first).
const HOME_STORIES_COMPARED: usize = 30;
/// Stories the home page lists.
const HOME_STORIES_SHOWN: usize = 10;

/// A failed page: the same status as the API, as a page a person reads.
pub(super) struct PageError(ServeError);

impl From<ServeError> for PageError {
    fn from(err: ServeError) -> Self {
        PageError(err)
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let status = self.0.status;
        let page = layout(
            "Error",
            html! {
                h1 { (status.as_u16()) " " (status.canonical_reason().unwrap_or("error")) }
                p { (self.0.message) }
                p { a href="/" { "Back to the start page" } }
            },
        );
        (status, page).into_response()
    }
}

fn layout(title: &str, body: Markup) -> Html<String> {
    let page = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="referrer" content="no-referrer";
                title { (title) " · crosscheck" }
                style { (PreEscaped(stylesheet())) }
            }
            body {
                a class="skip" href="#main" { "Skip to the content" }
                main class="wrap" id="main" {
                    nav aria-label="Site" {
                        ul {
                            li { a href="/" { "Start" } }
                            li { a href="/claims" { "Claims" } }
                            li { a href="/sources" { "Sources" } }
                        }
                    }
                    (body)
                }
            }
        }
    };
    Html(crate::report::escape::visible_bidi(page.into_string()))
}

fn search_form(params: &Params) -> Markup {
    let value = |name: &str| params.get(name).cloned().unwrap_or_default();
    html! {
        form method="get" action="/search" role="search" {
            label for="q" { "Search the articles" }
            " "
            input type="search" id="q" name="q" value=(value("q")) required maxlength="4096";
            " "
            label for="outlet" { "Outlet" }
            " "
            input type="text" id="outlet" name="outlet" value=(value("outlet"));
            " "
            label for="since" { "Since" }
            " "
            input type="date" id="since" name="since" value=(value("since"));
            " "
            label for="until" { "Until" }
            " "
            input type="date" id="until" name="until" value=(value("until"));
            @if let Some(story) = optional(params, "story") {
                input type="hidden" name="story" value=(story);
            }
            " "
            button type="submit" { "Search" }
        }
    }
}

fn story_link(story: &StorySummary) -> Markup {
    html! { a href={ "/stories/" (story.story_id) } { (story.label) } }
}

fn dates(story: &StorySummary) -> String {
    match (&story.first_date, &story.last_date) {
        (Some(a), Some(b)) if a != b => format!("{a} to {b}"),
        (Some(a), _) | (None, Some(a)) => a.clone(),
        (None, None) => "undated".into(),
    }
}

/// `/`: the search box and the stories whose outlets disagree most. Ranking every story
/// needs each compared (seconds for a big index), so it is done once per index version
/// in the background; until it is done, the page ranks the biggest stories and says so.
pub(super) async fn home(AxumState(state): AxumState<State>) -> Page {
    let shared = state.clone();
    let (ranked, stories, complete) =
        blocking(&state, move |index| home_ranking(&shared, index)).await?;
    Ok(home_page(&ranked, stories, complete))
}

/// Stories with their discrepancies, the most first.
type Ranked = Vec<(usize, StorySummary)>;

/// The stories to show, how many stories there are, and whether all were ranked.
fn home_ranking(
    state: &State,
    index: &crate::index::CrossIndex,
) -> crate::error::Result<(Ranked, usize, bool)> {
    let version = index.version()?;
    let stories = stories_now(state, index)?;
    {
        let mut ranking = lock(&state.ranking);
        if ranking.version == Some(version) {
            return Ok((ranking.top.clone(), stories.len(), true));
        }
        if ranking.started != Some(version) {
            ranking.started = Some(version);
            let shared = state.clone();
            let all = stories.clone();
            std::thread::spawn(move || {
                // a failed ranking leaves the page on the biggest stories
                if let Ok(top) = rank(&shared.index, all.iter()) {
                    let mut ranking = lock(&shared.ranking);
                    if ranking.started == Some(version) {
                        ranking.version = Some(version);
                        ranking.top = top;
                    }
                }
            });
        }
    }
    let top = rank(index, stories.iter().take(HOME_STORIES_COMPARED))?;
    Ok((top, stories.len(), false))
}

/// The stories whose outlets disagree most, by their discrepancies (then articles).
fn rank<'s>(
    index: &crate::index::CrossIndex,
    stories: impl Iterator<Item = &'s StorySummary>,
) -> crate::error::Result<Ranked> {
    let mut ranked = Vec::new();
    for story in stories {
        let claims = match index.claims(&crate::index::ClaimQuery {
            story: Some(story.story_id.clone()),
            ..Default::default()
        }) {
            Ok(claims) => claims,
            // merged away or gone since the list was read
            Err(crate::error::Error::NoStory { .. }) => continue,
            Err(err) => return Err(err),
        };
        let comparison =
            crate::compare::compare(&claims, &crate::compare::CompareOptions::default());
        let disagreements: usize = comparison
            .clusters
            .iter()
            .map(|c| c.discrepancies.len())
            .sum();
        ranked.push((disagreements, story.clone()));
    }
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.articles.cmp(&a.1.articles)));
    ranked.truncate(HOME_STORIES_SHOWN);
    Ok(ranked)
}

/// The content type of a page.
const HTML: &str = "text/html; charset=utf-8";

fn home_page(ranked: &[(usize, StorySummary)], stories: usize, complete: bool) -> Html<String> {
    layout(
        "crosscheck",
        html! {
            h1 { "crosscheck" }
            (search_form(&Params::new()))
            h2 { "Stories with the most disagreement" }
            @if ranked.is_empty() {
                p { "The index holds no stories yet." }
            } @else {
                @if complete {
                    p class="meta" { "Of all " (stories) " stories, the ones whose outlets disagree most." }
                } @else {
                    p class="meta" {
                        "Of the " (stories.min(HOME_STORIES_COMPARED)) " biggest of " (stories)
                        " stories, the ones whose outlets disagree most; all of them are being \
                         compared, reload in a moment."
                    }
                }
                table {
                    thead { tr {
                        th scope="col" { "Story" } th scope="col" { "Dates" }
                        th scope="col" { "Articles" } th scope="col" { "Outlets" }
                        th scope="col" { "Discrepancies" }
                    } }
                    tbody {
                        @for (disagreements, story) in ranked {
                            tr {
                                th scope="row" { (story_link(story)) }
                                td { (dates(story)) }
                                td class="n" { (story.articles) }
                                td class="n" { (story.outlets.len()) }
                                td class="n" { (disagreements) }
                            }
                        }
                    }
                }
            }
        },
    )
}

/// `/search?q=&outlet=&since=&until=&story=&offset=`
pub(super) async fn search(
    AxumState(state): AxumState<State>,
    Query(params): Query<Params>,
) -> Page {
    if optional(&params, "q").is_none() {
        return Ok(layout(
            "Search",
            html! { h1 { "Search" } (search_form(&params)) },
        ));
    }
    let request = search_request(&params)?;
    let (limit, offset) = (request.limit, request.offset);
    let page = blocking(&state, move |index| hit_page(index, &request)).await?;
    let more = |from: usize| {
        let mut link = url_with(&params, "offset", &from.to_string());
        link.insert_str(0, "/search?");
        link
    };
    Ok(layout(
        "Search",
        html! {
            h1 { "Search" }
            (search_form(&params))
            @if let Some(warning) = &page.warning { p class="meta" { (warning) } }
            p { (page.total) " articles match." }
            ol start=(offset + 1) {
                @for hit in &page.hits {
                    li {
                        @let title = hit.title.as_deref().unwrap_or("(untitled)");
                        @match hit.url.as_deref().and_then(safe_url) {
                            Some(url) => strong { a href=(url) rel="noopener noreferrer" { (title) } },
                            None => strong { (title) },
                        }
                        " · " (hit.outlet.as_deref().unwrap_or("unknown outlet"))
                        " · " (hit.date.as_deref().unwrap_or("undated"))
                        @if let Some(story) = &hit.story {
                            " · " a href={ "/stories/" (story) } { "its story" }
                        }
                        br;
                        (snippet(&hit.snippet, &hit.highlights))
                    }
                }
            }
            nav aria-label="Pages" {
                @if offset > 0 {
                    a href=(more(offset.saturating_sub(limit))) { "Previous" } " "
                }
                @if offset + page.hits.len() < page.total {
                    a href=(more(offset + limit)) { "Next" }
                }
            }
        },
    ))
}

/// The query string of `params` with `name` set to `value`, every part encoded.
fn url_with(params: &Params, name: &str, value: &str) -> String {
    let mut pairs: Vec<(&str, &str)> = params
        .iter()
        .filter(|(k, _)| k.as_str() != name)
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    pairs.push((name, value));
    pairs.sort();
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// A snippet with its matched words marked; the ranges come from tantivy and are checked.
fn snippet(text: &str, highlights: &[[usize; 2]]) -> Markup {
    let mut parts: Vec<(bool, &str)> = Vec::new();
    let mut at = 0;
    for &[start, end] in highlights {
        let fits = at <= start && start <= end && end <= text.len();
        if !fits || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue;
        }
        parts.push((false, &text[at..start]));
        parts.push((true, &text[start..end]));
        at = end;
    }
    parts.push((false, &text[at..]));
    html! {
        @for (marked, part) in parts {
            @if marked { mark { (part) } } @else { (part) }
        }
    }
}

/// The furthest a page of clusters or sources may start.
const MAX_PAGE_OFFSET: usize = 1_000_000;

/// Clusters a story's page shows at once.
const CLUSTERS_PER_PAGE: usize = 20;
/// Articles a story's timeline lists; a bigger story's timeline ends with a count.
const TIMELINE_ARTICLES: usize = 100;
/// Sources the sources page shows at once.
const SOURCES_PER_PAGE: usize = 100;

/// `/stories/{id}?offset=`: the story's facts and timeline, then its clusters, most
/// severe disagreement first, a page at a time; kept until the index changes.
pub(super) async fn story(
    AxumState(state): AxumState<State>,
    target: axum::http::Uri,
    Path(id): Path<String>,
    Query(params): Query<Params>,
) -> std::result::Result<Response, PageError> {
    let offset = crate::serve::number(&params, "offset", 0, 0, MAX_PAGE_OFFSET)?;
    let build = move |shared: &State, index: &crate::index::CrossIndex| {
        let view = cached_story_view(shared, index, &id)?;
        Ok(Some(story_page(&view, offset).0.into_bytes()))
    };
    Ok(kept(&state, &target, HTML, build, unreachable_missing).await?)
}

fn story_page(view: &StoryView, offset: usize) -> Html<String> {
    let summary = &view.summary;
    let clusters = &view.data.clusters;
    let from = offset.min(clusters.len());
    let to = (from + CLUSTERS_PER_PAGE).min(clusters.len());
    let link = |from: usize| format!("/stories/{}?offset={from}", summary.story_id);
    layout(
        &summary.label,
        html! {
            h1 { (summary.label) }
            p class="facts" {
                (dates(summary)) " · " (summary.articles) " articles · "
                (summary.claims) " claims · outlets: " (summary.outlets.join(", "))
            }
            (search_form(&[("story".to_owned(), summary.story_id.clone())].into_iter().collect()))
            (story_timeline(&view.data.articles))
            h2 { "Figures and quotes compared" }
            @if clusters.is_empty() {
                p { "No figure or quote of this story appears in two outlets." }
            } @else if from == to {
                p class="meta" { "No clusters this far: the story has " (clusters.len()) "." }
            } @else {
                p class="meta" {
                    "Clusters " (from + 1) " to " (to) " of " (clusters.len())
                    ", the most severe disagreement first."
                }
            }
            @for (n, cluster) in clusters[from..to].iter().enumerate() {
                (PreEscaped(cluster_fragment(from + n + 1, cluster, &view.data)))
                p {
                    a href={ "/clusters/" (cluster.cluster_id) "?story=" (summary.story_id) } {
                        "Open this cluster"
                    }
                }
            }
            nav aria-label="Pages" {
                @if from > 0 {
                    a href=(link(from.saturating_sub(CLUSTERS_PER_PAGE))) { "Previous clusters" } " "
                }
                @if to < clusters.len() {
                    a href=(link(to)) { "Next clusters" }
                }
            }
        },
    )
}

/// The story's articles in the order they were published, undated ones last.
fn story_timeline(articles: &[ArticleMeta]) -> Markup {
    let mut dated: Vec<&ArticleMeta> = articles.iter().collect();
    dated.sort_by(|a, b| {
        (a.date.is_none(), &a.date, &a.outlet, &a.id).cmp(&(
            b.date.is_none(),
            &b.date,
            &b.outlet,
            &b.id,
        ))
    });
    let more = dated.len().saturating_sub(TIMELINE_ARTICLES);
    dated.truncate(TIMELINE_ARTICLES);
    html! {
        h2 { "Timeline" }
        ol class="timeline" {
            @for article in dated {
                li {
                    (article.date.as_deref().unwrap_or("undated")) " · "
                    (article.outlet.as_deref().unwrap_or("unknown outlet")) " · "
                    @let title = article.title.as_deref().unwrap_or("(untitled)");
                    @match article.url.as_deref().and_then(safe_url) {
                        Some(url) => a href=(url) rel="noopener noreferrer" { (title) },
                        None => (title),
                    }
                }
            }
        }
        @if more > 0 {
            p class="meta" { "And " (more) " more articles: search the story to see them." }
        }
    }
}

/// `/clusters/{id}?story=`: the number line and every claim with its sentence.
pub(super) async fn cluster(
    AxumState(state): AxumState<State>,
    Path(id): Path<String>,
    Query(params): Query<Params>,
) -> Page {
    let (cluster, view) = find_cluster(&state, id, &params).await?;
    let data = &view.data;
    Ok(layout(
        &cluster.label,
        html! {
            @if let Some(story) = &cluster.story {
                p { a href={ "/stories/" (story) } { "Back to the story" } }
            }
            (PreEscaped(cluster_fragment(1, &cluster, data)))
        },
    ))
}

/// The report data the sources fragment draws from: these sources (it shows no truths).
fn sources_data(sources: Vec<SourceScore>) -> ReportData {
    ReportData {
        title: String::new(),
        generated_at: None,
        summary: Default::default(),
        clusters: Vec::new(),
        internal: Vec::new(),
        sources,
        truths: Vec::new(),
        claims: Vec::new(),
        articles: Vec::new(),
        stories: Vec::new(),
    }
}

/// `/sources?story=`: reliability of every outlet and claimant, with the evidence, kept
/// until the index changes (rating every source reads every claim).
pub(super) async fn sources(
    AxumState(state): AxumState<State>,
    target: axum::http::Uri,
    Query(params): Query<Params>,
) -> std::result::Result<Response, PageError> {
    let story = optional(&params, "story");
    let offset = crate::serve::number(&params, "offset", 0, 0, MAX_PAGE_OFFSET)?;
    if let Some(kept) = kept_answer(&state, &target, HTML).await {
        return Ok(kept);
    }
    let corpus = match story {
        None => Some(corpus_sources(&state).await?),
        Some(_) => None,
    };
    let build = move |_: &State, index: &crate::index::CrossIndex| {
        let report = match corpus {
            Some(report) => report,
            None => std::sync::Arc::new(sources_report(index, story)?),
        };
        let total = report.sources.len();
        let from = offset.min(total);
        let to = (from + SOURCES_PER_PAGE).min(total);
        let data = sources_data(report.sources[from..to].to_vec());
        let link = |from: usize| {
            format!(
                "/sources?{}",
                url_with(&params, "offset", &from.to_string())
            )
        };
        let page = layout(
            "Sources",
            html! {
                @if total > SOURCES_PER_PAGE {
                    p class="meta" { "Sources " (from + 1) " to " (to) " of " (total) "." }
                    nav aria-label="Pages" {
                        @if from > 0 {
                            a href=(link(from.saturating_sub(SOURCES_PER_PAGE))) { "Previous sources" } " "
                        }
                        @if to < total {
                            a href=(link(to)) { "Next sources" }
                        }
                    }
                }
                (PreEscaped(sources_fragment(&data)))
                h2 { "Each source's page" }
                ul class="sources" {
                    @for source in &data.sources {
                        li {
                            a href={ "/sources/" (encode(&source.outlet)) } { (source.outlet) }
                            " (" (source.kind) ")"
                        }
                    }
                }
            },
        );
        Ok(Some(page.0.into_bytes()))
    };
    Ok(kept(&state, &target, HTML, build, unreachable_missing).await?)
}

/// Claims a source's page lists as its evidence.
const SOURCE_CLAIMS_SHOWN: usize = 50;

/// `/sources/{name}`: one source's score and what it rests on: its claims.
pub(super) async fn source(
    AxumState(state): AxumState<State>,
    target: axum::http::Uri,
    Path(name): Path<String>,
) -> std::result::Result<Response, PageError> {
    let wanted = name.clone();
    if let Some(kept) = kept_answer(&state, &target, HTML).await {
        return Ok(kept);
    }
    let report = corpus_sources(&state).await?;
    let build = move |_: &State, index: &crate::index::CrossIndex| {
        let Some(score) = report
            .sources
            .iter()
            .find(|s| s.outlet.eq_ignore_ascii_case(&wanted))
        else {
            return Ok(None);
        };
        // an outlet's claims are those it published; a claimant's, those that name it
        let outlet = score.kind == "outlet";
        let mut query = crate::index::ClaimQuery {
            limit: Some(SOURCE_CLAIMS_SHOWN),
            ..Default::default()
        };
        let more = if outlet {
            query.outlet = Some(score.outlet.clone());
            format!("/claims?outlet={}", encode(&score.outlet))
        } else {
            query.text = Some(format!("\"{}\"", score.outlet.replace('"', " ")));
            format!("/claims?q={}", encode(&format!("\"{}\"", score.outlet)))
        };
        let mut claims = index.claims(&query)?;
        if !outlet {
            let key = score.outlet.to_lowercase();
            claims.retain(|c| {
                c.attribution
                    .as_ref()
                    .is_some_and(|a| a.source.to_lowercase().contains(&key))
                    || c.quote
                        .as_ref()
                        .and_then(|q| q.speaker.as_deref())
                        .is_some_and(|s| s.to_lowercase().contains(&key))
            });
        }
        let page = layout(
            &score.outlet,
            html! {
                h1 { (score.outlet) }
                p class="facts" {
                    (score.kind) " · reliability " (reliability_text(score)) " · "
                    (score.claims) " claims · " (score.agreed) " agreed · "
                    (score.conflicted) " conflicted"
                }
                p { (explanation_body(score)) }
                h2 { "Its claims" }
                (claims_table(&claims))
                p { a href=(more) { "All its claims" } }
            },
        );
        Ok(Some(page.0.into_bytes()))
    };
    let missing = move || ServeError::not_found(format!("no source {name:?}: /sources lists them"));
    Ok(kept(&state, &target, HTML, build, missing).await?)
}

/// `/claims?q=&story=&outlet=&key=&offset=`: claim search, a page at a time.
pub(super) async fn claims(
    AxumState(state): AxumState<State>,
    Query(params): Query<Params>,
) -> Page {
    let page = claim_query(&params)?;
    let (offset, limit) = (page.offset, page.limit);
    let shared = state.clone();
    let (claims, more) = blocking(&state, move |index| claims_page(&shared, index, &page)).await?;
    let value = |name: &str| params.get(name).cloned().unwrap_or_default();
    let link = |from: usize| format!("/claims?{}", url_with(&params, "offset", &from.to_string()));
    Ok(layout(
        "Claims",
        html! {
            h1 { "Claims" }
            form method="get" action="/claims" role="search" {
                label for="cq" { "Search the claims" } " "
                input type="search" id="cq" name="q" value=(value("q")) maxlength="4096";
                " " label for="key" { "Key" } " "
                input type="text" id="key" name="key" value=(value("key"));
                " " label for="coutlet" { "Outlet" } " "
                input type="text" id="coutlet" name="outlet" value=(value("outlet"));
                " " button type="submit" { "Search" }
            }
            @if claims.is_empty() {
                p { "No claims." }
            } @else {
                p { "Claims " (offset + 1) " to " (offset + claims.len()) "." }
            }
            (claims_table(&claims))
            nav aria-label="Pages" {
                @if offset > 0 {
                    a href=(link(offset.saturating_sub(limit))) { "Previous" } " "
                }
                @if more {
                    a href=(link(offset + limit)) { "Next" }
                }
            }
        },
    ))
}

fn claims_table(claims: &[Claim]) -> Markup {
    html! {
        table {
            thead { tr {
                th scope="col" { "Figure or quote" } th scope="col" { "Key" }
                th scope="col" { "Claimant" } th scope="col" { "Outlet" }
                th scope="col" { "Date" } th scope="col" { "Sentence" }
            } }
            tbody {
                @for claim in claims {
                    tr {
                        td { (figure(claim)) }
                        td { code { (claim.key.as_deref().unwrap_or("")) } }
                        td { (claim.attribution.as_ref().map_or("", |a| a.source.as_str())) }
                        td { (claim.outlet.as_deref().unwrap_or("")) }
                        td { (claim.as_of.as_deref().or(claim.date.as_deref()).unwrap_or("")) }
                        td { (claim.sentence) }
                    }
                }
            }
        }
    }
}

fn figure(claim: &Claim) -> String {
    match (&claim.quantity, &claim.quote) {
        (Some(q), _) => format!("{} ({})", q.surface, number_text(q.value)),
        (None, Some(quote)) => format!("“{}”", quote.text),
        (None, None) => String::new(),
    }
}

/// Any other path: the API answers JSON, a person gets a page.
pub(super) async fn not_found(uri: axum::http::Uri) -> Response {
    let err = ServeError::not_found(format!("nothing at {}", uri.path()));
    if uri.path().starts_with("/api/") {
        err.into_response()
    } else {
        PageError(err).into_response()
    }
}
