//! `crosscheck export --format es-bulk`: `_bulk` pairs for every article and claim of the
//! sample corpus's index, in the shapes Elasticsearch and OpenSearch take, and an index
//! template that maps the fields they are searched by.

mod common;

use std::collections::BTreeSet;

use common::{repo, text, Workspace};
use serde_json::Value;

#[test]
fn bulk_pairs_cover_every_article_and_claim() {
    let ws = Workspace::new();
    let corpus = repo("corpus");
    let out = ws.run(&["index", corpus.to_str().expect("utf-8 path")]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stats = ws.stats();

    let out = ws.run(&["export", "--format", "es-bulk", "--prefix", "news"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let lines: Vec<Value> = text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("every line is JSON"))
        .collect();
    assert_eq!(
        lines.len() % 2,
        0,
        "action and document lines come in pairs"
    );

    let (mut articles, mut claims) = (BTreeSet::new(), BTreeSet::new());
    for pair in lines.chunks(2) {
        let (action, document) = (&pair[0]["index"], &pair[1]);
        let id = action["_id"].as_str().expect("an _id");
        match action["_index"].as_str() {
            Some("news-articles") => {
                assert_eq!(document["doc_type"], "article");
                assert_eq!(document["article_id"], id);
                assert!(document["text"].as_str().is_some_and(|t| !t.is_empty()));
                assert!(document["story"].as_str().is_some(), "{document}");
                articles.insert(id.to_owned());
            }
            Some("news-claims") => {
                assert_eq!(document["doc_type"], "claim");
                assert_eq!(document["claim_id"], id);
                assert!(articles.contains(document["article_id"].as_str().expect("article")));
                if let Some(value) = document["quantity"]["value"].as_f64() {
                    let interval = &document["interval"];
                    let low = interval["gte"].as_f64().or(interval["gt"].as_f64());
                    let high = interval["lte"].as_f64().or(interval["lt"].as_f64());
                    assert!(low.is_some() || high.is_some(), "{document}");
                    assert!(low.is_none_or(|l| l <= value) && high.is_none_or(|h| value <= h));
                }
                if let Some(source) = document["attribution"]["source"].as_str() {
                    assert_eq!(document["claimant"], source);
                }
                claims.insert(id.to_owned());
            }
            other => panic!("unexpected index {other:?}"),
        }
    }
    assert_eq!(
        articles.len() as u64,
        stats["articles"].as_u64().expect("articles")
    );
    assert_eq!(
        claims.len() as u64,
        stats["claims"].as_u64().expect("claims")
    );
}

#[test]
fn the_mapping_is_an_index_template_for_both_indexes() {
    let ws = Workspace::new();
    let out = ws.run(&["export", "--mapping", "--prefix", "news"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let template: Value = serde_json::from_slice(&out.stdout).expect("template JSON");
    assert_eq!(template["index_patterns"][0], "news-*");
    let properties = &template["template"]["mappings"]["properties"];
    assert_eq!(properties["interval"]["type"], "double_range");
    assert_eq!(properties["story"]["type"], "keyword");
    assert_eq!(properties["claimant"]["type"], "keyword");

    let out = ws.run(&["export", "--prefix", "Bad Name"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "an invalid index name is a usage error"
    );
}
