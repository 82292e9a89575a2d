//! Full-text search over articles: BM25, tantivy's query syntax (phrases, boolean
//! operators), outlet and date filters, a highlighted snippet per hit.

use std::ops::Bound;

use serde::Serialize;
use tantivy::collector::{Count, TopDocs};
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
    /// Only articles of this story.
    pub story: Option<String>,
    /// Hits to skip before the first returned (pagination).
    pub offset: usize,
    /// Also count every match (`SearchResults::total`). Counting visits every match, so
    /// the top hits can no longer skip blocks that cannot reach them: ask only when shown.
    pub count_total: bool,
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
    /// The article's story.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub story: Option<String>,
}

/// The outcome of a search, with a warning when the query had to be read leniently.
#[derive(Debug, Clone, Default)]
pub struct SearchResults {
    pub hits: Vec<SearchHit>,
    pub warning: Option<String>,
    /// Every match, when the request asked for the count.
    pub total: Option<usize>,
}

impl CrossIndex {
    /// Articles matching `request`, best first.
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResults> {
        self.guarded(|| self.search_unguarded(request))
    }

    fn search_unguarded(&self, request: &SearchRequest) -> Result<SearchResults> {
        nonzero_limit(Some(request.limit))?;
        let f = self.fields;
        let searcher = self.searcher()?;
        check_query(&request.query)?;
        let limit = check_limit(request.limit, &searcher);
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
        // field), so a query of plain words needs no `doc_type` filter; intersecting with the
        // postings of every article cost more than the query itself at a million articles.
        // A query that can match documents without its words (`*`, `NOT toll`) or names a
        // field (`doc_type:claim`) gets the filter.
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, text_query.box_clone())];
        if !only_positive_words(&request.query) {
            clauses.push((Occur::Must, term(f.doc_type, ARTICLE)));
        }
        if let Some(outlet) = &request.outlet {
            clauses.push((Occur::Must, term(f.outlet_key, &outlet_key(outlet))));
        }
        if let Some(range) = date_range(f.date_num, &request.since, &request.until)? {
            clauses.push((Occur::Must, range));
        }
        if let Some(story) = &request.story {
            clauses.push((Occur::Must, self.story_filter(story)?));
        }
        // A lone text query is searched as it is: wrapped as the only MUST clause of a
        // boolean query, tantivy scores every match instead of skipping blocks that cannot
        // reach the top (block-max WAND).
        let query: Box<dyn Query> = if clauses.len() == 1 {
            text_query.box_clone()
        } else {
            Box::new(BooleanQuery::new(clauses))
        };
        let top_docs = TopDocs::with_limit(limit)
            .and_offset(request.offset)
            .order_by_score();
        let (top, total) = if request.count_total {
            let (top, total) = searcher.search(&*query, &(top_docs, Count))?;
            (top, Some(total))
        } else {
            (searcher.search(&*query, &top_docs)?, None)
        };
        let snippets = SnippetGenerator::create(&searcher, &*text_query, f.body).ok();
        let book = self.story_book()?;
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
                story: super::claims::article_story(&doc, &f, &book),
            });
        }
        Ok(SearchResults {
            hits,
            warning,
            total,
        })
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
                        Error::Usage(format!("{name} {raw:?} is not a date (YYYY-MM-DD)"))
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

/// The longest query accepted, in bytes: far beyond any query a person types, and short
/// enough that parsing it costs nothing.
pub const MAX_QUERY_BYTES: usize = 4096;

/// The deepest nesting of parentheses accepted: tantivy's query parser recurses once per
/// level, and ten thousand levels overflow the stack.
pub const MAX_QUERY_DEPTH: usize = 32;

/// Rejects a query too long or too deeply nested to parse safely, as a usage error.
pub(super) fn check_query(query: &str) -> Result<()> {
    if query.len() > MAX_QUERY_BYTES {
        return Err(Error::Usage(format!(
            "the query is {} bytes long; at most {MAX_QUERY_BYTES} are accepted",
            query.len()
        )));
    }
    let mut depth = 0usize;
    let mut deepest = 0usize;
    for c in query.chars() {
        match c {
            '(' | '[' | '{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    if deepest > MAX_QUERY_DEPTH {
        return Err(Error::Usage(format!(
            "the query nests brackets {deepest} deep; at most {MAX_QUERY_DEPTH} levels are accepted"
        )));
    }
    Ok(())
}

/// How many hits to collect for `--limit`: at least one was asked for (0 is a usage error),
/// and never more than the index holds, so memory is never allocated by a user's number.
pub(super) fn check_limit(limit: usize, searcher: &tantivy::Searcher) -> usize {
    let docs = usize::try_from(searcher.num_docs()).unwrap_or(usize::MAX);
    limit.min(docs).max(1)
}

/// `--limit 0` asks for nothing; say so rather than guess what was meant.
pub(super) fn nonzero_limit(limit: Option<usize>) -> Result<()> {
    if limit == Some(0) {
        return Err(Error::Usage("--limit must be at least 1".into()));
    }
    Ok(())
}

/// Whether a query can only match documents that contain its words in the default fields:
/// no match-all (`*`), no negation (`NOT`, `-word`, `!word`), no field names (`f:value`),
/// and at least one word.
pub(super) fn only_positive_words(query: &str) -> bool {
    let mut words = 0;
    for token in query.split_whitespace() {
        let bare = token.trim_start_matches(['(', '+', '"']);
        if bare == "NOT" || bare.starts_with(['-', '!', '*']) || token.contains([':', '*']) {
            return false;
        }
        if bare.chars().any(char::is_alphanumeric) {
            words += 1;
        }
    }
    words > 0
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
