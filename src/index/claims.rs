//! Claims as their own documents: written with their article (one commit makes both
//! visible), searched by text, outlet, key, article and date, returned as [`Claim`]s.

use std::ops::Bound;

use tantivy::collector::{DocSetCollector, TopDocs};
use tantivy::query::{BooleanQuery, Occur, Query, QueryParser, RangeQuery};
use tantivy::schema::Value;
use tantivy::{TantivyDocument, Term};

use super::schema::{date_number, outlet_key, CLAIM};
use super::search::{
    check_limit, check_query, date_range, nonzero_limit, only_positive_words, term,
};
use super::{CrossIndex, Fields};
use crate::error::{Error, Result};
use crate::model::{sort_in_text_order, Claim, ClaimKind, Diagnostic, Frame};

/// Which claims to read.
#[derive(Debug, Clone, Default)]
pub struct ClaimQuery {
    /// Full-text query over the claim's sentence, subject and attribution; `None` = all.
    pub text: Option<String>,
    pub outlet: Option<String>,
    /// A claim key, or a prefix of one ending at a `/` boundary (`hostages/alive` matches
    /// `hostages/alive/gaza`).
    pub key: Option<String>,
    pub article: Option<String>,
    pub kind: Option<ClaimKind>,
    pub since: Option<String>,
    pub until: Option<String>,
    /// At most this many (ranked by relevance when there is a text query).
    pub limit: Option<usize>,
    /// Only the claims of this story.
    pub story: Option<String>,
}

pub(super) fn claim_doc(fields: &Fields, claim: &Claim) -> Result<TantivyDocument> {
    let f = fields;
    let mut doc = TantivyDocument::default();
    doc.add_text(f.doc_type, CLAIM);
    doc.add_text(f.article_id, &claim.article_id);
    doc.add_text(f.claim_id, &claim.claim_id);
    doc.add_text(
        f.claim_kind,
        match claim.kind {
            ClaimKind::Quantity => "quantity",
            ClaimKind::Quote => "quote",
        },
    );
    if let Some(outlet) = &claim.outlet {
        doc.add_text(f.outlet_key, outlet_key(outlet));
    }
    if let Some(key) = &claim.key {
        doc.add_text(f.claim_key, key);
    }
    let mut searchable = claim.sentence.clone();
    for extra in [
        claim.subject.as_deref(),
        claim.attribution.as_ref().map(|a| a.source.as_str()),
        claim.quote.as_ref().and_then(|q| q.speaker.as_deref()),
    ]
    .into_iter()
    .flatten()
    {
        searchable.push('\n');
        searchable.push_str(extra);
    }
    doc.add_text(f.claim_text, &searchable);
    if let Some(q) = &claim.quantity {
        doc.add_f64(f.low, q.low.unwrap_or(f64::NEG_INFINITY));
        doc.add_f64(f.high, q.high.unwrap_or(f64::INFINITY));
    }
    let date = claim.as_of.as_deref().or(claim.date.as_deref());
    if let Some(number) = date.and_then(date_number) {
        doc.add_u64(f.date_num, number);
    }
    if let Some(story) = &claim.story {
        doc.add_text(f.story, story);
    }
    doc.add_text(f.payload, serde_json::to_string(claim)?);
    Ok(doc)
}

/// The story an article document was placed in, as the book now names it.
pub(super) fn article_story(
    doc: &TantivyDocument,
    fields: &Fields,
    book: &crate::stories::StoryBook,
) -> Option<String> {
    let stored = doc.get_first(fields.story).and_then(|v| v.as_str())?;
    Some(book.canonical_id(stored).to_owned())
}

impl CrossIndex {
    /// Documents of the story `id`: its own id and those of stories merged into it. An id
    /// the index does not know is [`Error::NoStory`].
    pub(super) fn story_filter(&self, id: &str) -> Result<Box<dyn Query>> {
        let book = self.story_book()?;
        // a writer saves its story book every few commits: a story its documents already
        // carry, committed since the last save, is a story all the same
        if book.canonical(id).is_none() {
            let documents = self
                .searcher()?
                .search(&*term(self.fields.story, id), &tantivy::collector::Count)?;
            if documents == 0 {
                return Err(Error::NoStory { id: id.to_owned() });
            }
        }
        let clauses: Vec<(Occur, Box<dyn Query>)> = book
            .aliases(id)
            .iter()
            .map(|alias| (Occur::Should, term(self.fields.story, alias)))
            .collect();
        Ok(Box::new(BooleanQuery::new(clauses)))
    }

    /// Claims matching `query`. Without a text query they come in a stable order (article,
    /// then position in the text); with one, most relevant first.
    pub fn claims(&self, query: &ClaimQuery) -> Result<Vec<Claim>> {
        self.guarded(|| self.claims_unguarded(query))
    }

    fn claims_unguarded(&self, query: &ClaimQuery) -> Result<Vec<Claim>> {
        nonzero_limit(query.limit)?;
        let searcher = self.searcher()?;
        let query_of_clauses = self.claim_filter(query)?;
        let mut claims = Vec::new();
        if query.text.is_some() {
            let limit = check_limit(query.limit.unwrap_or(100), &searcher);
            for (_, address) in searcher.search(
                &*query_of_clauses,
                &TopDocs::with_limit(limit).order_by_score(),
            )? {
                claims.extend(self.claim_at(&searcher, address)?);
            }
        } else {
            claims = self.claims_in_store_order(&searcher, &*query_of_clauses)?;
            sort_in_text_order(&mut claims);
            if let Some(limit) = query.limit {
                claims.truncate(limit);
            }
        }
        Ok(claims)
    }

    /// The claims of each story in `stories`, in turn, as [`CrossIndex::claims`] would
    /// give them with `query` restricted to the story (text queries aside): one searcher and
    /// one reader of each segment's store serve every story, so reading a corpus story by
    /// story costs about what reading it at once does, while memory holds one story's
    /// claims.
    pub fn for_each_story_claims(
        &self,
        query: &ClaimQuery,
        stories: &[String],
        mut visit: impl FnMut(&str, Vec<Claim>) -> Result<()>,
    ) -> Result<()> {
        self.guarded(|| {
            let searcher = self.searcher()?;
            let stores = searcher
                .segment_readers()
                .iter()
                .map(|segment| self.store_reader(segment, 16))
                .collect::<Result<Vec<_>>>()?;
            for story in stories {
                let filter = self.claim_filter(&ClaimQuery {
                    text: None,
                    story: Some(story.clone()),
                    limit: None,
                    ..query.clone()
                })?;
                let mut addresses: Vec<tantivy::DocAddress> = searcher
                    .search(&*filter, &DocSetCollector)?
                    .into_iter()
                    .collect();
                addresses.sort_unstable_by_key(|a| (a.segment_ord, a.doc_id));
                let mut claims = Vec::with_capacity(addresses.len());
                for address in addresses {
                    let Some(store) = stores.get(address.segment_ord as usize) else {
                        continue;
                    };
                    let doc: TantivyDocument = store.get(address.doc_id)?;
                    claims.extend(self.claim_of(&doc));
                }
                sort_in_text_order(&mut claims);
                visit(story, claims)?;
            }
            Ok(())
        })
    }

    /// The query selecting the claims `query` asks for.
    fn claim_filter(&self, query: &ClaimQuery) -> Result<Box<dyn Query>> {
        let f = self.fields;
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let text = query.text.as_deref().filter(|t| !t.trim().is_empty());
        if let Some(text) = text {
            check_query(text)?;
            let parser = QueryParser::for_index(&self.index, vec![f.claim_text]);
            let (parsed, _) = parser.parse_query_lenient(text);
            clauses.push((Occur::Must, parsed));
        }
        // Only claims have `claim_text`: words searched there need no `doc_type` filter
        // (intersecting with every claim's posting was most of a claim search's time), as
        // in article search.
        if !text.is_some_and(only_positive_words) {
            clauses.push((Occur::Must, term(f.doc_type, CLAIM)));
        }
        if let Some(outlet) = &query.outlet {
            clauses.push((Occur::Must, term(f.outlet_key, &outlet_key(outlet))));
        }
        if let Some(article) = &query.article {
            clauses.push((Occur::Must, term(f.article_id, article)));
        }
        if let Some(kind) = query.kind {
            let kind = match kind {
                ClaimKind::Quantity => "quantity",
                ClaimKind::Quote => "quote",
            };
            clauses.push((Occur::Must, term(f.claim_kind, kind)));
        }
        if let Some(key) = &query.key {
            clauses.push((Occur::Must, key_query(f.claim_key, key)?));
        }
        if let Some(range) = date_range(f.date_num, &query.since, &query.until)? {
            clauses.push((Occur::Must, range));
        }
        if let Some(story) = &query.story {
            clauses.push((Occur::Must, self.story_filter(story)?));
        }
        // a lone text query is searched as it is, so that tantivy can skip blocks that
        // cannot reach the top (see article search)
        Ok(match clauses.len() {
            1 => clauses.remove(0).1,
            _ => Box::new(BooleanQuery::new(clauses)),
        })
    }

    /// Every claim `query` matches, read segment by segment (in parallel) and in document
    /// order within a segment, so each compressed block of the document store is
    /// decompressed once. (A hash set of addresses read in its own order jumps between
    /// blocks and decompressed most of them again for nearly every claim.)
    fn claims_in_store_order(
        &self,
        searcher: &tantivy::Searcher,
        query: &dyn Query,
    ) -> Result<Vec<Claim>> {
        use rayon::prelude::*;
        let mut by_segment: Vec<Vec<tantivy::DocId>> =
            vec![Vec::new(); searcher.segment_readers().len()];
        for address in searcher.search(query, &DocSetCollector)? {
            if let Some(docs) = by_segment.get_mut(address.segment_ord as usize) {
                docs.push(address.doc_id);
            }
        }
        let per_segment: Vec<Result<Vec<Claim>>> = by_segment
            .into_par_iter()
            .enumerate()
            .map(|(segment, mut docs)| {
                docs.sort_unstable();
                let store = self.store_reader(searcher.segment_reader(segment as u32), 1)?;
                let mut claims = Vec::with_capacity(docs.len());
                for doc_id in docs {
                    let doc: TantivyDocument = store.get(doc_id)?;
                    claims.extend(self.claim_of(&doc));
                }
                Ok(claims)
            })
            .collect();
        let mut claims = Vec::new();
        for segment in per_segment {
            claims.extend(segment?);
        }
        Ok(claims)
    }

    fn claim_at(
        &self,
        searcher: &tantivy::Searcher,
        address: tantivy::DocAddress,
    ) -> Result<Option<Claim>> {
        let doc: TantivyDocument = searcher.doc(address)?;
        Ok(self.claim_of(&doc))
    }

    /// The claim a stored document holds. One that cannot be read back (written by a
    /// version that stored a figure JSON cannot carry, or damaged) is skipped with a
    /// warning naming it, so that one bad record never makes the whole index unreadable.
    pub(super) fn claim_of(&self, doc: &TantivyDocument) -> Option<Claim> {
        let text = |field| doc.get_first(field).and_then(|v| v.as_str());
        let problem = match text(self.fields.payload) {
            None => "it has no stored payload".to_owned(),
            Some(payload) => match serde_json::from_str::<Claim>(payload) {
                Ok(mut claim) if crate::extract::unstorable(&claim).is_none() => {
                    if let (Some(story), Ok(book)) = (&claim.story, self.story_book()) {
                        claim.story = Some(book.canonical_id(story).to_owned());
                    }
                    // stored before claims carried their frame: its key is its frame
                    if claim.frame.is_none() && claim.kind == ClaimKind::Quantity {
                        claim.frame = claim.key.as_deref().and_then(Frame::from_key);
                    }
                    return Some(claim);
                }
                Ok(claim) => format!(
                    "its figure {:?} is not a storable number",
                    claim.quantity.map(|q| q.surface).unwrap_or_default()
                ),
                Err(err) => err.to_string(),
            },
        };
        self.warn(Diagnostic {
            origin: self.path.display().to_string(),
            message: format!(
                "claim {} of article {} cannot be read ({problem}); skipped. `crosscheck index --rebuild` repairs it",
                text(self.fields.claim_id).unwrap_or("(no id)"),
                text(self.fields.article_id).unwrap_or("(no id)"),
            ),
            rejected: false,
        });
        None
    }
}

/// The longest `--key` accepted, in bytes (keys are a few words joined by `/`).
pub const MAX_KEY_BYTES: usize = 1024;

/// Claims whose key is `key` or starts with `key/`: the term itself, or the terms from
/// `key/` up to `key0` (`0` is the byte after `/`), a range over the term dictionary with no
/// pattern to compile.
fn key_query(field: tantivy::schema::Field, key: &str) -> Result<Box<dyn Query>> {
    if key.len() > MAX_KEY_BYTES {
        return Err(Error::Usage(format!(
            "the key is {} bytes long; keys are at most {MAX_KEY_BYTES}",
            key.len()
        )));
    }
    let key = key.trim_end_matches('/');
    let exact = term(field, key);
    let below = RangeQuery::new(
        Bound::Included(Term::from_field_text(field, &format!("{key}/"))),
        Bound::Excluded(Term::from_field_text(field, &format!("{key}0"))),
    );
    Ok(Box::new(BooleanQuery::new(vec![
        (Occur::Should, exact),
        (Occur::Should, Box::new(below)),
    ])))
}

impl CrossIndex {
    /// The claims a comparison needs: without a query, every claim (optionally of one key
    /// and dates); with one, every claim about the same quantities (same entity and status)
    /// or from the same speakers as the claims the query matches, and the ids of those
    /// matched claims.
    pub fn claims_for_comparison(
        &self,
        query: &ClaimQuery,
    ) -> Result<(Vec<Claim>, Option<Vec<String>>)> {
        let Some(text) = query.text.as_deref().filter(|t| !t.trim().is_empty()) else {
            return Ok((
                self.claims(&ClaimQuery {
                    text: None,
                    limit: None,
                    ..query.clone()
                })?,
                None,
            ));
        };
        let hits = self.claims(&ClaimQuery {
            text: Some(text.to_owned()),
            limit: Some(query.limit.unwrap_or(1000)),
            ..query.clone()
        })?;
        let hit_ids: Vec<String> = hits.iter().map(|c| c.claim_id.clone()).collect();
        let mut prefixes: Vec<String> = hits
            .iter()
            .filter_map(|c| c.frame.as_ref())
            .map(Frame::measure_key)
            .collect();
        prefixes.sort();
        prefixes.dedup();
        let mut speakers: Vec<String> = hits
            .iter()
            .filter_map(|c| c.quote.as_ref())
            .map(|q| crate::model::speaker_key(q.speaker.as_deref()))
            .collect();
        speakers.sort();
        speakers.dedup();

        let mut claims = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let base = ClaimQuery {
            text: None,
            outlet: None,
            key: None,
            article: None,
            kind: None,
            since: query.since.clone(),
            until: query.until.clone(),
            limit: None,
            story: query.story.clone(),
        };
        for prefix in prefixes {
            for claim in self.claims(&ClaimQuery {
                key: Some(prefix),
                ..base.clone()
            })? {
                if seen.insert(claim.claim_id.clone()) {
                    claims.push(claim);
                }
            }
        }
        if !speakers.is_empty() {
            for claim in self.claims(&ClaimQuery {
                kind: Some(ClaimKind::Quote),
                ..base
            })? {
                let speaker = claim
                    .quote
                    .as_ref()
                    .map(|q| crate::model::speaker_key(q.speaker.as_deref()));
                if speaker.is_some_and(|s| speakers.contains(&s))
                    && seen.insert(claim.claim_id.clone())
                {
                    claims.push(claim);
                }
            }
        }
        Ok((claims, Some(hit_ids)))
    }
}

impl CrossIndex {
    /// Every article's metadata (not its text), ordered by date then id.
    pub fn article_metas(&self) -> Result<Vec<crate::model::ArticleMeta>> {
        self.guarded(|| self.article_metas_unguarded(None))
    }

    /// The metadata of one story's articles, ordered by date then id: read through the
    /// story's postings, not the whole index.
    pub fn story_article_metas(&self, story: &str) -> Result<Vec<crate::model::ArticleMeta>> {
        self.guarded(|| self.article_metas_unguarded(Some(story)))
    }

    fn article_metas_unguarded(
        &self,
        story: Option<&str>,
    ) -> Result<Vec<crate::model::ArticleMeta>> {
        let searcher = self.searcher()?;
        let book = self.story_book()?;
        let articles = term(self.fields.doc_type, super::schema::ARTICLE);
        let query: Box<dyn Query> = match story {
            None => articles,
            Some(story) => Box::new(BooleanQuery::new(vec![
                (Occur::Must, articles),
                (Occur::Must, self.story_filter(story)?),
            ])),
        };
        let mut metas = Vec::new();
        for address in searcher.search(&*query, &DocSetCollector)? {
            let doc: TantivyDocument = searcher.doc(address)?;
            let article = self.article_from_doc(&doc);
            metas.push(crate::model::ArticleMeta {
                id: article.id,
                outlet: article.outlet,
                title: article.title,
                url: article.url,
                date: article.date,
                story: article_story(&doc, &self.fields, &book),
            });
        }
        metas.sort_by(|a, b| (a.date.as_deref(), &a.id).cmp(&(b.date.as_deref(), &b.id)));
        Ok(metas)
    }
}
