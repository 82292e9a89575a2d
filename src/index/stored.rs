//! Every stored article and claim, one at a time in store order: for exports that must not
//! hold the corpus in memory.

use tantivy::schema::Value;
use tantivy::TantivyDocument;

use super::claims::article_story;
use super::CrossIndex;
use crate::error::Result;
use crate::model::{Article, Claim};

/// One stored document.
#[derive(Debug, Clone)]
pub enum Stored {
    /// An article and the story it is in now (after merges).
    Article {
        article: Box<Article>,
        story: Option<String>,
    },
    Claim(Box<Claim>),
}

impl CrossIndex {
    /// Calls `visit` with every live article and claim, segment by segment in document
    /// order (each block of the store is decompressed once). A claim that cannot be read
    /// back is skipped with a warning, as in [`CrossIndex::claims`].
    pub fn for_each_stored(&self, mut visit: impl FnMut(Stored) -> Result<()>) -> Result<()> {
        self.guarded(|| {
            let searcher = self.searcher()?;
            let book = self.story_book()?;
            for segment in searcher.segment_readers() {
                let store = self.store_reader(segment, 1)?;
                let alive = segment.alive_bitset();
                for doc_id in 0..segment.max_doc() {
                    if alive.is_some_and(|bits| bits.is_deleted(doc_id)) {
                        continue;
                    }
                    let doc: TantivyDocument = store.get(doc_id)?;
                    // only claims store a payload (`doc_type` is not stored)
                    if doc.get_first(self.fields.payload).is_some() {
                        if let Some(claim) = self.claim_of(&doc) {
                            visit(Stored::Claim(Box::new(claim)))?;
                        }
                    } else if doc
                        .get_first(self.fields.article_id)
                        .and_then(|v| v.as_str())
                        .is_some()
                    {
                        visit(Stored::Article {
                            article: Box::new(self.article_from_doc(&doc)),
                            story: article_story(&doc, &self.fields, &book),
                        })?;
                    }
                }
            }
            Ok(())
        })
    }
}
