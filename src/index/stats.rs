//! Counts over the index: articles per outlet, date range, size on disk, claims per kind.

use std::collections::BTreeMap;

use serde::Serialize;
use tantivy::aggregation::agg_req::Aggregations;
use tantivy::aggregation::AggregationCollector;
use tantivy::collector::Count;

use super::schema::{date_string, ARTICLE, CLAIM};
use super::search::term;
use super::CrossIndex;
use crate::error::{Error, Result};

/// Name under which articles without an outlet are counted.
pub const UNKNOWN_OUTLET: &str = "(unknown)";

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Stats {
    pub articles: u64,
    pub outlets: BTreeMap<String, u64>,
    pub first_date: Option<String>,
    pub last_date: Option<String>,
    pub index_bytes: u64,
    pub claims: u64,
    pub claims_by_kind: BTreeMap<String, u64>,
}

impl CrossIndex {
    pub fn stats(&self) -> Result<Stats> {
        self.guarded(|| self.stats_unguarded())
    }

    fn stats_unguarded(&self) -> Result<Stats> {
        let f = self.fields;
        let searcher = self.searcher()?;
        let articles = term(f.doc_type, ARTICLE);
        let count = searcher.search(&*articles, &Count)? as u64;
        let request: Aggregations = serde_json::from_value(serde_json::json!({
            "outlets": {"terms": {"field": "outlet_name", "size": 65000, "missing": UNKNOWN_OUTLET}},
            "dates": {"stats": {"field": "date_num"}}
        }))?;
        let collector = AggregationCollector::from_aggs(request, Default::default());
        let results = searcher.search(&*articles, &collector)?;
        let results = serde_json::to_value(results)?;
        let mut outlets = BTreeMap::new();
        for bucket in results["outlets"]["buckets"]
            .as_array()
            .into_iter()
            .flatten()
        {
            if let (Some(key), Some(n)) = (bucket["key"].as_str(), bucket["doc_count"].as_u64()) {
                outlets.insert(key.to_owned(), n);
            }
        }
        let date = |name: &str| {
            results["dates"][name]
                .as_f64()
                .map(|n| date_string(n as u64))
        };

        let claims = term(f.doc_type, CLAIM);
        let claim_count = searcher.search(&*claims, &Count)? as u64;
        let mut claims_by_kind = BTreeMap::new();
        for kind in ["quantity", "quote"] {
            let query = tantivy::query::BooleanQuery::intersection(vec![
                term(f.doc_type, CLAIM),
                term(f.claim_kind, kind),
            ]);
            let n = searcher.search(&query, &Count)? as u64;
            if n > 0 {
                claims_by_kind.insert(kind.to_owned(), n);
            }
        }
        Ok(Stats {
            articles: count,
            outlets,
            first_date: date("min"),
            last_date: date("max"),
            index_bytes: dir_size(self.path())?,
            claims: claim_count,
            claims_by_kind,
        })
    }
}

fn dir_size(path: &std::path::Path) -> Result<u64> {
    let mut total = 0;
    for entry in std::fs::read_dir(path).map_err(|e| Error::io(path, e))? {
        let entry = entry.map_err(|e| Error::io(path, e))?;
        if let Ok(meta) = entry.metadata() {
            if meta.is_file() {
                total += meta.len();
            }
        }
    }
    Ok(total)
}
