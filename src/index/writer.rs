//! Writing articles (and later their claims) in batches: one writer, dedup by article id,
//! replacement when the text changed, a commit every batch so a crash loses at most one.

use std::collections::HashMap;

use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{IndexWriter, TantivyDocument, Term};

use super::schema::{date_number, outlet_key, ARTICLE};
use super::CrossIndex;
use crate::error::Result;
use crate::ingest::fingerprint;
use crate::model::{Article, Claim};

/// What became of one article handed to the writer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteOutcome {
    Added,
    /// The same id with the same content is already indexed (or was seen in this run).
    Duplicate,
    /// The same id with different content: the old version was replaced.
    Replaced,
}

impl WriteOutcome {
    /// An article with fingerprint `print` whose id was seen before with `known`.
    pub fn judge(known: Option<&str>, print: &str) -> WriteOutcome {
        match known {
            Some(p) if p == print => WriteOutcome::Duplicate,
            Some(_) => WriteOutcome::Replaced,
            None => WriteOutcome::Added,
        }
    }
}

/// The index's writer, with what it needs to tell new articles from known ones.
pub struct IndexWriterSink<'a> {
    index: &'a CrossIndex,
    writer: IndexWriter,
    /// Fingerprints of articles written since the last commit (not yet visible to searches).
    pending: HashMap<String, String>,
    searcher: tantivy::Searcher,
}

impl<'a> IndexWriterSink<'a> {
    pub(super) fn new(index: &'a CrossIndex, writer: IndexWriter) -> Self {
        let searcher = index.reader.searcher();
        IndexWriterSink {
            index,
            writer,
            pending: HashMap::new(),
            searcher,
        }
    }

    /// Says whether an article is new, a duplicate or a changed version, and remembers it
    /// so that a repeat later in the same batch is a duplicate.
    pub fn classify(&mut self, article: &Article) -> Result<WriteOutcome> {
        let print = fingerprint(article);
        let known = match self.pending.get(&article.id) {
            Some(p) => Some(p.clone()),
            None => self
                .index
                .guarded(|| self.committed_fingerprint(&article.id))?,
        };
        let outcome = WriteOutcome::judge(known.as_deref(), &print);
        self.pending.insert(article.id.clone(), print);
        Ok(outcome)
    }

    /// Writes an article and its claims as [`classify`](Self::classify) judged it: a
    /// replaced article's old version and old claims are deleted first.
    pub fn add(
        &mut self,
        article: &Article,
        claims: &[Claim],
        outcome: WriteOutcome,
        story: Option<&str>,
    ) -> Result<()> {
        let f = &self.index.fields;
        match outcome {
            WriteOutcome::Duplicate => return Ok(()),
            WriteOutcome::Replaced => {
                self.writer
                    .delete_term(Term::from_field_text(f.article_id, &article.id));
            }
            WriteOutcome::Added => {}
        }
        let print = fingerprint(article);
        let mut doc = self.article_doc(article, &print);
        if let Some(story) = story {
            doc.add_text(self.index.fields.story, story);
        }
        self.writer.add_document(doc)?;
        for claim in claims {
            self.writer
                .add_document(super::claims::claim_doc(&self.index.fields, claim)?)?;
        }
        Ok(())
    }

    /// The folder of the index being written.
    pub fn index_path(&self) -> &std::path::Path {
        self.index.path()
    }

    /// Makes everything written so far durable and visible.
    pub fn commit(&mut self) -> Result<()> {
        self.writer.commit()?;
        self.index
            .reader
            .reload()
            .map_err(|e| super::damaged(&self.index.path, e))?;
        self.searcher = self.index.reader.searcher();
        self.pending.clear();
        Ok(())
    }

    /// Commits and waits for background merges, so the index is compact when we exit.
    pub fn finish(mut self) -> Result<()> {
        self.commit()?;
        self.writer.wait_merging_threads()?;
        Ok(())
    }

    fn committed_fingerprint(&self, id: &str) -> Result<Option<String>> {
        let f = &self.index.fields;
        let query = BooleanQuery::intersection(vec![
            Box::new(TermQuery::new(
                Term::from_field_text(f.article_id, id),
                IndexRecordOption::Basic,
            )),
            Box::new(TermQuery::new(
                Term::from_field_text(f.doc_type, ARTICLE),
                IndexRecordOption::Basic,
            )),
        ]);
        let hits = self
            .searcher
            .search(&query, &TopDocs::with_limit(1).order_by_score())?;
        let Some((_, address)) = hits.first() else {
            return Ok(None);
        };
        let doc: TantivyDocument = self.searcher.doc(*address)?;
        Ok(doc
            .get_first(f.fingerprint)
            .and_then(|v| v.as_str())
            .map(str::to_owned))
    }

    fn article_doc(&self, article: &Article, print: &str) -> TantivyDocument {
        let f = &self.index.fields;
        let mut doc = TantivyDocument::default();
        doc.add_text(f.doc_type, ARTICLE);
        doc.add_text(f.article_id, &article.id);
        doc.add_text(f.fingerprint, print);
        if let Some(outlet) = &article.outlet {
            doc.add_text(f.outlet, outlet);
            doc.add_text(f.outlet_key, outlet_key(outlet));
            doc.add_text(f.outlet_name, outlet.trim());
        }
        let optional = [
            (f.author, &article.author),
            (f.title, &article.title),
            (f.url, &article.url),
            (f.date, &article.date),
            (f.language, &article.language),
        ];
        for (field, value) in optional {
            if let Some(value) = value {
                doc.add_text(field, value);
            }
        }
        if let Some(number) = article.date.as_deref().and_then(date_number) {
            doc.add_u64(f.date_num, number);
        }
        doc.add_text(f.body, &article.text);
        doc.add_text(f.origin, &article.origin);
        doc
    }
}
