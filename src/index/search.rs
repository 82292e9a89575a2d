//! Full-text search over articles: BM25, tantivy's query syntax (phrases, boolean
//! operators), outlet and date filters, a highlighted snippet per hit.

use std::ops::Bound;

use serde::Serialize;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, Query, QueryParser, RangeQuery, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::snippet::SnippetGenerator;
use tantivy::{TantivyDocument, Term};

use super::schema::{date_number, outlet_key, ARTICLE};
use super::CrossIndex;
use crate::error::{Error, Result};

/// What to search for.
#[derive(Debug, Clone, Default)]
pub struct SearchRequest {
    pub query: String,
    pub outlet: Option<String>,
    /// Inclusive `YYYY-MM-DD` bounds on the article date; undated articles are excluded when
    /// either is set.
    pub since: Option<String>,
    pub until: Option<String>,
    pub limit: usize,
}

/// One matching article.
#[derive(Debug, Clone, Serialize)]
pub struct SearchHit {
    pub article_id: String,
    pub outlet: Option<String>,
    pub author: Option<String>,
    pub title: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub score: f32,
    /// A passage of the body around the best matches, as plain text.
    pub snippet: String,
    /// Byte ranges of the matched terms inside `snippet`.
    pub highlights: Vec<[usize; 2]>,
}

/// The outcome of a search, with a warning when the query had to be read leniently.
#[derive(Debug, Clone, Default)]
pub struct SearchResults {
    pub hits: Vec<SearchHit>,
    pub warning: Option<String>,
}

impl CrossIndex {
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResults> {
        let f = self.fields;
        let searcher = self.searcher()?;
        let mut parser = QueryParser::for_index(&self.index, vec![f.title, f.body, f.outlet]);
        parser.set_field_boost(f.title, 2.0);
        let mut warning = None;
        let text_query: Box<dyn Query> = if request.query.trim().is_empty() {
            Box::new(tantivy::query::AllQuery)
        } else {
            match parser.parse_query(&request.query) {
                Ok(query) => query,
                Err(err) => {
                    let (query, _) = parser.parse_query_lenient(&request.query);
                    warning = Some(format!("query read leniently ({err})"));
                    query
                }
            }
        };
        // Only articles have title, body and outlet text (a claim's text is in its own
        // field), so a text query needs no `doc_type` filter; intersecting with the postings
        // of every article cost more than the query itself at a million articles.
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, text_query.box_clone())];
        if request.query.trim().is_empty() {
            clauses.push((Occur::Must, term(f.doc_type, ARTICLE)));
        }
        if let Some(outlet) = &request.outlet {
            clauses.push((Occur::Must, term(f.outlet_key, &outlet_key(outlet))));
        }
        if let Some(range) = date_range(f.date_num, &request.since, &request.until)? {
            clauses.push((Occur::Must, range));
        }
        // A lone text query is searched as it is: wrapped as the only MUST clause of a
        // boolean query, tantivy scores every match instead of skipping blocks that cannot
        // reach the top (block-max WAND).
        let query: Box<dyn Query> = if clauses.len() == 1 {
            text_query.box_clone()
        } else {
            Box::new(BooleanQuery::new(clauses))
        };
        let limit = request.limit.max(1);
        let top = searcher.search(&*query, &TopDocs::with_limit(limit).order_by_score())?;
        let snippets = SnippetGenerator::create(&searcher, &*text_query, f.body).ok();
        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top {
            let doc: TantivyDocument = searcher.doc(address)?;
            let article = self.article_from_doc(&doc);
            let (snippet, highlights) = match &snippets {
                Some(generator) => {
                    let snippet = generator.snippet_from_doc(&doc);
                    let ranges = snippet
                        .highlighted()
                        .iter()
                        .map(|r| [r.start, r.end])
                        .collect();
                    (snippet.fragment().to_owned(), ranges)
                }
                None => (String::new(), Vec::new()),
            };
            let (snippet, highlights) = if snippet.is_empty() {
                (leading_words(&article.text, 150), Vec::new())
            } else {
                (snippet, highlights)
            };
            hits.push(SearchHit {
                article_id: article.id,
                outlet: article.outlet,
                author: article.author,
                title: article.title,
                date: article.date,
                url: article.url,
                score,
                snippet,
                highlights,
            });
        }
        Ok(SearchResults { hits, warning })
    }
}

pub(super) fn term(field: tantivy::schema::Field, value: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, value),
        IndexRecordOption::Basic,
    ))
}

/// A range query on the `YYYYMMDD` date number; `Err` for a malformed bound.
pub(super) fn date_range(
    field: tantivy::schema::Field,
    since: &Option<String>,
    until: &Option<String>,
) -> Result<Option<Box<dyn Query>>> {
    if since.is_none() && until.is_none() {
        return Ok(None);
    }
    let bound = |value: &Option<String>, name: &str| -> Result<Bound<Term>> {
        match value {
            None => Ok(Bound::Unbounded),
            Some(raw) => {
                let date = crate::ingest::normalize_date(raw)
                    .and_then(|d| date_number(&d))
                    .ok_or_else(|| {
                        Error::Usage(format!("--{name} {raw:?} is not a date (YYYY-MM-DD)"))
                    })?;
                Ok(Bound::Included(Term::from_field_u64(field, date)))
            }
        }
    };
    Ok(Some(Box::new(RangeQuery::new(
        bound(since, "since")?,
        bound(until, "until")?,
    ))))
}

/// The first words of a text, up to about `max` bytes, on a char boundary.
fn leading_words(text: &str, max: usize) -> String {
    if text.len() <= max {
        return text.to_owned();
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let cut = text[..end].rfind(' ').unwrap_or(end);
    format!("{}…", &text[..cut])
}
