//! Export for search at scale: Elasticsearch / OpenSearch `_bulk` NDJSON (an action line,
//! then the document) for articles and claims, and the index template their fields need.
//! Quickwit's ingest takes the same documents (one per line, without the action lines).
//!
//! Documents are the contracts' objects with a few fields added for search: `doc_type`,
//! `claimant` (the attribution's source) and `speaker` as keywords, and `interval`, the
//! claim's interval as crosscheck compares it, as a `double_range`, so that a `term` query
//! with a value finds the claims whose interval contains it.

use std::io::Write;

use serde_json::{json, Map, Value};

use crate::error::Result;
use crate::interval::Interval;
use crate::model::{Article, Claim};

/// The two indexes written to: `{prefix}-articles` and `{prefix}-claims`.
pub fn index_names(prefix: &str) -> (String, String) {
    (format!("{prefix}-articles"), format!("{prefix}-claims"))
}

/// Writes one article as a `_bulk` action line and document line.
pub fn write_article(
    out: &mut impl Write,
    prefix: &str,
    article: &Article,
    story: Option<&str>,
) -> Result<()> {
    let document = json!({
        "doc_type": "article",
        "article_id": article.id,
        "outlet": article.outlet,
        "author": article.author,
        "title": article.title,
        "date": article.date,
        "url": article.url,
        "language": article.language,
        "story": story,
        "text": article.text,
    });
    write_pair(out, &index_names(prefix).0, &article.id, &document)
}

/// Writes one claim as a `_bulk` action line and document line.
pub fn write_claim(out: &mut impl Write, prefix: &str, claim: &Claim) -> Result<()> {
    write_pair(
        out,
        &index_names(prefix).1,
        &claim.claim_id,
        &claim_document(claim)?,
    )
}

/// A claim as a search document: the contract's object plus the search fields.
pub fn claim_document(claim: &Claim) -> Result<Value> {
    let mut document = match serde_json::to_value(claim)? {
        Value::Object(map) => map,
        _ => Map::new(),
    };
    document.insert("doc_type".into(), json!("claim"));
    if let Some(attribution) = &claim.attribution {
        document.insert("claimant".into(), json!(attribution.source));
    }
    if let Some(speaker) = claim.quote.as_ref().and_then(|q| q.speaker.as_ref()) {
        document.insert("speaker".into(), json!(speaker));
    }
    if let Some(range) = claim
        .quantity
        .as_ref()
        .and_then(|q| range(&Interval::of(q)))
    {
        document.insert("interval".into(), range);
    }
    Ok(Value::Object(document))
}

/// An interval as a `double_range` value: strict bounds stay strict; none when both sides
/// are open.
fn range(interval: &Interval) -> Option<Value> {
    let mut range = Map::new();
    if let Some(low) = interval.low.filter(|v| v.is_finite()) {
        let op = if interval.low_strict { "gt" } else { "gte" };
        range.insert(op.into(), json!(low));
    }
    if let Some(high) = interval.high.filter(|v| v.is_finite()) {
        let op = if interval.high_strict { "lt" } else { "lte" };
        range.insert(op.into(), json!(high));
    }
    (!range.is_empty()).then_some(Value::Object(range))
}

fn write_pair(out: &mut impl Write, index: &str, id: &str, document: &Value) -> Result<()> {
    let action = json!({"index": {"_index": index, "_id": id}});
    let io = |e| crate::error::Error::io("stdout", e);
    serde_json::to_writer(&mut *out, &action)?;
    out.write_all(b"\n").map_err(io)?;
    serde_json::to_writer(&mut *out, document)?;
    out.write_all(b"\n").map_err(io)?;
    Ok(())
}

/// A composable index template for both indexes (`PUT _index_template/NAME`): keywords for
/// ids, outlets, claimants, speakers, stories and keys; dates; English text for titles,
/// bodies, sentences and quotes; the claim's interval as a `double_range`. Fields not listed
/// are kept in `_source` but not indexed (`dynamic: false`), so no article can add a field
/// to the mapping.
pub fn index_template(prefix: &str) -> Value {
    let keyword = || json!({"type": "keyword"});
    let keyword_and_text = || json!({"type": "keyword", "fields": {"text": {"type": "text"}}});
    let text = || json!({"type": "text", "analyzer": "english"});
    let date = || json!({"type": "date", "format": "strict_date||yyyy-MM-dd"});
    json!({
        "index_patterns": [format!("{prefix}-*")],
        "template": {
            "mappings": {
                "dynamic": false,
                "properties": {
                    "doc_type": keyword(),
                    "article_id": keyword(),
                    "claim_id": keyword(),
                    "outlet": keyword_and_text(),
                    "author": keyword_and_text(),
                    "story": keyword(),
                    "title": text(),
                    "text": text(),
                    "url": keyword(),
                    "language": keyword(),
                    "date": date(),
                    "as_of": date(),
                    "kind": keyword(),
                    "key": keyword(),
                    "subject": text(),
                    "status": keyword(),
                    "location": keyword(),
                    "certainty": keyword(),
                    "sentence": text(),
                    "claimant": keyword_and_text(),
                    "speaker": keyword_and_text(),
                    "attribution": {"properties": {
                        "source": keyword_and_text(),
                        "cue": keyword(),
                        "via": keyword()
                    }},
                    "quantity": {"properties": {
                        "value": {"type": "double"},
                        "qualifier": keyword(),
                        "low": {"type": "double"},
                        "high": {"type": "double"},
                        "unit": keyword(),
                        "surface": text()
                    }},
                    "quote": {"properties": {
                        "speaker": keyword_and_text(),
                        "text": text()
                    }},
                    "interval": {"type": "double_range"}
                }
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(
        qualifier: crate::model::Qualifier,
        low: Option<f64>,
        high: Option<f64>,
        expected: Value,
    ) {
        let quantity = crate::model::Quantity {
            value: low.or(high).unwrap_or(0.0),
            qualifier,
            low,
            high,
            unit: None,
            surface: "48".into(),
        };
        assert_eq!(
            range(&Interval::of(&quantity)),
            Some(expected),
            "{qualifier:?} {low:?} {high:?}"
        );
    }

    #[test]
    fn intervals_become_ranges_with_their_strictness() {
        use crate::model::Qualifier::*;
        check(
            Exact,
            Some(48.0),
            Some(48.0),
            json!({"gte": 48.0, "lte": 48.0}),
        );
        check(MoreThan, Some(48.0), None, json!({"gt": 48.0}));
        check(AtLeast, Some(48.0), None, json!({"gte": 48.0}));
        check(FewerThan, None, Some(48.0), json!({"gte": 0.0, "lt": 48.0}));
        check(
            Range,
            Some(40.0),
            Some(48.0),
            json!({"gte": 40.0, "lte": 48.0}),
        );
    }

    #[test]
    fn the_template_maps_the_search_fields() {
        let template = index_template("crosscheck");
        let properties = &template["template"]["mappings"]["properties"];
        assert_eq!(properties["interval"]["type"], "double_range");
        for field in [
            "outlet",
            "claimant",
            "story",
            "article_id",
            "claim_id",
            "key",
        ] {
            assert_eq!(properties[field]["type"], "keyword", "{field}");
        }
        assert_eq!(properties["date"]["type"], "date");
        assert_eq!(template["index_patterns"][0], "crosscheck-*");
    }
}
