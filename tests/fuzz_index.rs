//! Fuzz-style properties of the whole indexing path: random bytes and random JSON (shaped
//! like news-please and trafilatura output, with odd types and values) go through ingest,
//! extraction and the index; afterwards every read the commands make works on the result,
//! nothing panics, and the index opens again.

use std::path::PathBuf;

use crosscheck::compare::{compare, CompareOptions};
use crosscheck::index::{ClaimQuery, CrossIndex, SearchRequest};
use crosscheck::pipeline::{self, IndexOptions, Silent};
use proptest::prelude::*;
use serde_json::{json, Value};

/// Field names the JSON readers know, and some they do not.
const KEYS: &[&str] = &[
    "id",
    "text",
    "body",
    "maintext",
    "title",
    "outlet",
    "source_domain",
    "date",
    "date_publish",
    "authors",
    "url",
    "language",
    "extra",
];

fn scalar() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>().prop_map(|x| json!(x)),
        "\\PC{0,60}".prop_map(Value::String),
        // Sentences with figures, hedges and claimants, so extraction has work to do.
        (0u64..10_000_000, "[A-Z][a-z]{2,8}", prop::sample::select(vec!["about", "at least", "up to", "more than", ""]))
            .prop_map(|(n, name, hedge)| json!(format!("Police in {name} said {hedge} {n} people marched, and {name} officials said 9{} were hurt.", "9".repeat((n % 40) as usize)))),
    ]
}

fn json_value() -> impl Strategy<Value = Value> {
    scalar().prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(KEYS), inner), 0..6).prop_map(|fields| {
                Value::Object(fields.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
            }),
        ]
    })
}

/// One input file: its name and bytes.
fn input_file() -> impl Strategy<Value = (String, Vec<u8>)> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..600).prop_map(|b| ("bytes.txt".to_owned(), b)),
        prop::collection::vec(any::<u8>(), 0..600).prop_map(|b| ("bytes.html".to_owned(), b)),
        prop::collection::vec(any::<u8>(), 0..600).prop_map(|b| ("bytes.jsonl".to_owned(), b)),
        json_value().prop_map(|v| ("one.json".to_owned(), v.to_string().into_bytes())),
        prop::collection::vec(json_value(), 0..6).prop_map(|lines| {
            let text: Vec<String> = lines.iter().map(Value::to_string).collect();
            ("lines.jsonl".to_owned(), text.join("\n").into_bytes())
        }),
        (scalar(), "\\PC{0,40}").prop_map(|(body, title)| {
            let body = body
                .as_str()
                .unwrap_or("Officials said 12 people died.")
                .to_owned();
            (
                "article.txt".to_owned(),
                format!(
                    "Title: {title}\nOutlet: {title}\nDate: 2025-05-0{}\n\n{body}",
                    body.len() % 9 + 1
                )
                .into_bytes(),
            )
        }),
    ]
}

fn read_everything(index: &CrossIndex, query: &str) {
    let stats = index.stats().expect("stats");
    let claims = index.claims(&ClaimQuery::default()).expect("claims");
    assert_eq!(
        stats.claims as usize,
        claims.len(),
        "every stored claim reads back"
    );
    for text in [query, "*", "NOT people", "doc_type:claim", "\"death toll\""] {
        // A query may be refused as a usage error; it may never fail otherwise.
        match index.search(&SearchRequest {
            query: text.to_owned(),
            limit: 50,
            ..SearchRequest::default()
        }) {
            Ok(results) => {
                for hit in results.hits {
                    assert!(!hit.article_id.is_empty(), "an article, not a claim");
                }
            }
            Err(crosscheck::Error::Usage(_)) => {}
            Err(other) => panic!("search {text:?}: {other}"),
        }
        match index.claims_for_comparison(&ClaimQuery {
            text: Some(text.to_owned()),
            ..ClaimQuery::default()
        }) {
            Ok(_) | Err(crosscheck::Error::Usage(_)) => {}
            Err(other) => panic!("claims {text:?}: {other}"),
        }
    }
    let comparison = compare(&claims, &CompareOptions::default());
    serde_json::to_string(&comparison).expect("comparison serialises");
    let sources = crosscheck::reliability::corpus::sources_from_claims(&claims);
    serde_json::to_string(&sources).expect("sources serialise");
    let data = pipeline::report_data(index, None, None, None).expect("report data");
    crosscheck::report::markdown::render(&data);
    crosscheck::report::html::render(&data);
    crosscheck::report::csv::render(&data).expect("csv");
    let json = serde_json::to_string(&data).expect("report json");
    let _: Value = serde_json::from_str(&json).expect("report json reads back");
    assert!(index.take_warnings().is_empty(), "no record was unreadable");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn random_inputs_index_and_every_read_works(
        files in prop::collection::vec(input_file(), 1..6),
        query in "\\PC{0,30}",
    ) {
        let dir = tempfile::tempdir().expect("temp dir");
        let corpus = dir.path().join("corpus");
        std::fs::create_dir_all(&corpus).expect("mkdir");
        for (n, (name, bytes)) in files.iter().enumerate() {
            std::fs::write(corpus.join(format!("{n}-{name}")), bytes).expect("write");
        }
        let index_dir = dir.path().join("index");
        {
            let index = CrossIndex::open_or_create(&index_dir).expect("index");
            let options = IndexOptions { batch_articles: 3, ..IndexOptions::default() };
            pipeline::index_paths(&index, &[PathBuf::from(&corpus)], &options, &mut Silent)
                .expect("indexing never fails on bad input");
            read_everything(&index, &query);
        }
        // Indexed twice (nothing new), and opened afresh: still whole.
        let index = CrossIndex::open(&index_dir).expect("reopens");
        let before = index.stats().expect("stats").articles;
        pipeline::index_paths(&index, &[corpus], &IndexOptions::default(), &mut Silent)
            .expect("re-index");
        prop_assert_eq!(index.stats().expect("stats").articles, before);
        read_everything(&index, &query);
    }
}
