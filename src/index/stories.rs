//! Stories as the index holds them: each article's stored story, resolved through the
//! story book, summarised per story for `crosscheck stories`.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use tantivy::collector::Count;
use tantivy::query::{BooleanQuery, Occur, Query};

use super::search::term;
use super::{CrossIndex, SearchRequest};
use crate::error::Result;
use crate::model::StorySummary;

/// Articles a story query looks through for the stories it names.
const QUERY_ARTICLES: usize = 10_000;

impl CrossIndex {
    /// Every story of the index, the biggest first; with `query`, the stories of the
    /// articles the query finds, best match first.
    pub fn stories(&self, query: Option<&str>) -> Result<Vec<StorySummary>> {
        self.guarded(|| self.stories_unguarded(query))
    }

    fn stories_unguarded(&self, query: Option<&str>) -> Result<Vec<StorySummary>> {
        let book = self.story_book()?;
        let metas = self.article_metas()?;
        let mut by_story: BTreeMap<String, Vec<&crate::model::ArticleMeta>> = BTreeMap::new();
        for meta in &metas {
            if let Some(story) = &meta.story {
                by_story.entry(story.clone()).or_default().push(meta);
            }
        }
        let mut stories = Vec::with_capacity(by_story.len());
        for (id, articles) in &by_story {
            stories.push(self.summarise(&book, id, articles)?);
        }
        match query.filter(|q| !q.trim().is_empty()) {
            None => {
                stories.sort_by(|a, b| {
                    b.articles
                        .cmp(&a.articles)
                        .then(a.first_date.cmp(&b.first_date))
                        .then(a.story_id.cmp(&b.story_id))
                });
                Ok(stories)
            }
            Some(query) => {
                let hits = self.search(&SearchRequest {
                    query: query.to_owned(),
                    limit: QUERY_ARTICLES,
                    ..SearchRequest::default()
                })?;
                let mut rank: HashMap<String, usize> = HashMap::new();
                for (i, hit) in hits.hits.iter().enumerate() {
                    if let Some(story) = &hit.story {
                        rank.entry(story.clone()).or_insert(i);
                    }
                }
                stories.retain(|s| rank.contains_key(&s.story_id));
                stories.sort_by_key(|s| rank[&s.story_id]);
                Ok(stories)
            }
        }
    }

    /// One story's summary, read through its own articles (the API's story page).
    pub fn story(&self, id: &str) -> Result<StorySummary> {
        self.guarded(|| {
            let book = self.story_book()?;
            let id = book.canonical_id(id).to_owned();
            let metas = self.story_article_metas(&id)?;
            let articles: Vec<&crate::model::ArticleMeta> = metas.iter().collect();
            self.summarise(&book, &id, &articles)
        })
    }

    fn summarise(
        &self,
        book: &crate::stories::StoryBook,
        id: &str,
        articles: &[&crate::model::ArticleMeta],
    ) -> Result<StorySummary> {
        let searcher = self.searcher()?;
        let aliases = book.aliases(id);
        let clauses: Vec<(Occur, Box<dyn Query>)> = aliases
            .iter()
            .map(|alias| (Occur::Should, term(self.fields.story, alias)))
            .collect();
        let documents = searcher.search(&BooleanQuery::new(clauses), &Count)?;
        let known = book.canonical(id);
        let dates: BTreeSet<&str> = articles.iter().filter_map(|a| a.date.as_deref()).collect();
        let book_date = |day: Option<i64>| day.and_then(crate::dates::iso);
        Ok(StorySummary {
            story_id: id.to_owned(),
            label: known.map_or_else(|| id.to_owned(), |s| s.label()),
            first_date: dates
                .first()
                .map(|d| (*d).to_owned())
                .or_else(|| book_date(known.and_then(|s| s.first_day))),
            last_date: dates
                .last()
                .map(|d| (*d).to_owned())
                .or_else(|| book_date(known.and_then(|s| s.last_day))),
            articles: articles.len(),
            claims: documents.saturating_sub(articles.len()),
            outlets: articles
                .iter()
                .filter_map(|a| a.outlet.clone())
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect(),
            terms: known.map(|s| s.terms()).unwrap_or_default(),
            article_ids: articles.iter().map(|a| a.id.clone()).collect(),
        })
    }
}
