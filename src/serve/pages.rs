//! The HTML pages, rendered on the server with maud (every interpolation is escaped). They
//! work without JavaScript: forms are plain GET forms, filters are links. Clusters and the
//! reliability chart are the report's own fragments (`report::html`), so the number line,
//! timeline and reliability chart have one code path.

use axum::extract::{Path, Query, State as AxumState};
use axum::response::{Html, IntoResponse, Response};
use maud::{html, Markup, PreEscaped, DOCTYPE};

use super::api::{
    all_stories, cached_story_view, claim_query, find_cluster, hit_page, search_request,
    sources_report,
};
use super::{blocking, optional, Params, ServeError, State};
use crate::model::{number_text, Claim, ReportData, SourcesReport, StorySummary};
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
    Html(page.into_string())
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

/// `/`: the search box and the stories whose outlets disagree most.
pub(super) async fn home(AxumState(state): AxumState<State>) -> Page {
    let stories = all_stories(&state).await?;
    let ranked = blocking(&state, move |index| {
        let mut rows = Vec::new();
        for story in stories.iter().take(HOME_STORIES_COMPARED).cloned() {
            let claims = index.claims(&crate::index::ClaimQuery {
                story: Some(story.story_id.clone()),
                ..Default::default()
            })?;
            let comparison =
                crate::compare::compare(&claims, &crate::compare::CompareOptions::default());
            let disagreements: usize = comparison
                .clusters
                .iter()
                .map(|c| c.discrepancies.len())
                .sum();
            rows.push((disagreements, story));
        }
        rows.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.articles.cmp(&a.1.articles)));
        rows.truncate(HOME_STORIES_SHOWN);
        Ok(rows)
    })
    .await?;
    Ok(layout(
        "crosscheck",
        html! {
            h1 { "crosscheck" }
            (search_form(&Params::new()))
            h2 { "Stories with the most disagreement" }
            @if ranked.is_empty() {
                p { "The index holds no stories yet." }
            } @else {
                table {
                    thead { tr {
                        th scope="col" { "Story" } th scope="col" { "Dates" }
                        th scope="col" { "Articles" } th scope="col" { "Outlets" }
                        th scope="col" { "Discrepancies" }
                    } }
                    tbody {
                        @for (disagreements, story) in &ranked {
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
    ))
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

/// `/stories/{id}`: the story's facts, then its clusters, most severe disagreement first.
pub(super) async fn story(AxumState(state): AxumState<State>, Path(id): Path<String>) -> Page {
    let shared = state.clone();
    let view = blocking(&state, move |index| cached_story_view(&shared, index, &id)).await?;
    let summary = &view.summary;
    Ok(layout(
        &summary.label,
        html! {
            h1 { (summary.label) }
            p class="facts" {
                (dates(summary)) " · " (summary.articles) " articles · "
                (summary.claims) " claims · outlets: " (summary.outlets.join(", "))
            }
            (search_form(&[("story".to_owned(), summary.story_id.clone())].into_iter().collect()))
            h2 { "Figures and quotes compared" }
            @if view.data.clusters.is_empty() {
                p { "No figure or quote of this story appears in two outlets." }
            }
            @for (n, cluster) in view.data.clusters.iter().enumerate() {
                (PreEscaped(cluster_fragment(n + 1, cluster, &view.data)))
                p {
                    a href={ "/clusters/" (cluster.cluster_id) "?story=" (summary.story_id) } {
                        "Open this cluster"
                    }
                }
            }
        },
    ))
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

fn sources_data(report: SourcesReport) -> ReportData {
    ReportData {
        title: String::new(),
        generated_at: None,
        summary: Default::default(),
        clusters: Vec::new(),
        internal: Vec::new(),
        sources: report.sources,
        truths: report.truths,
        claims: Vec::new(),
        articles: Vec::new(),
        stories: Vec::new(),
    }
}

/// `/sources?story=`: reliability of every outlet and claimant, with the evidence.
pub(super) async fn sources(
    AxumState(state): AxumState<State>,
    Query(params): Query<Params>,
) -> Page {
    let story = optional(&params, "story");
    let report = blocking(&state, move |index| sources_report(index, story)).await?;
    let data = sources_data(report);
    Ok(layout(
        "Sources",
        html! {
            @for source in &data.sources {
                a href={ "/sources/" (encode(&source.outlet)) } hidden { (source.outlet) }
            }
            (PreEscaped(sources_fragment(&data)))
        },
    ))
}

/// `/sources/{name}`: one source's score and what it rests on.
pub(super) async fn source(AxumState(state): AxumState<State>, Path(name): Path<String>) -> Page {
    let report = blocking(&state, |index| sources_report(index, None)).await?;
    let Some(score) = report
        .sources
        .iter()
        .find(|s| s.outlet.eq_ignore_ascii_case(&name))
    else {
        return Err(
            ServeError::not_found(format!("no source {name:?}: /sources lists them")).into(),
        );
    };
    Ok(layout(
        &score.outlet,
        html! {
            h1 { (score.outlet) }
            p class="facts" {
                (score.kind) " · reliability " (reliability_text(score)) " · "
                (score.claims) " claims · " (score.agreed) " agreed · "
                (score.conflicted) " conflicted"
            }
            p { (explanation_body(score)) }
            p { a href={ "/claims?q=" (encode(&score.outlet)) } { "Claims that name this source" } }
        },
    ))
}

/// `/claims?q=&story=&outlet=&key=`: claim search.
pub(super) async fn claims(
    AxumState(state): AxumState<State>,
    Query(params): Query<Params>,
) -> Page {
    let query = claim_query(&params)?;
    let claims: Vec<Claim> = blocking(&state, move |index| index.claims(&query)).await?;
    let value = |name: &str| params.get(name).cloned().unwrap_or_default();
    Ok(layout(
        "Claims",
        html! {
            h1 { "Claims" }
            form method="get" action="/claims" role="search" {
                label for="cq" { "Search the claims" } " "
                input type="search" id="cq" name="q" value=(value("q")) maxlength="4096";
                " " label for="key" { "Key" } " "
                input type="text" id="key" name="key" value=(value("key"));
                " " button type="submit" { "Search" }
            }
            p { (claims.len()) " claims." }
            table {
                thead { tr {
                    th scope="col" { "Figure or quote" } th scope="col" { "Key" }
                    th scope="col" { "Claimant" } th scope="col" { "Outlet" }
                    th scope="col" { "Date" } th scope="col" { "Sentence" }
                } }
                tbody {
                    @for claim in &claims {
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
        },
    ))
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
