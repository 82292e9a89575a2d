//! Stream filters without an index: `extract`, `stories --articles`, `compare --claims`,
//! `sources --claims` give what the index path gives for the same articles, on the sample
//! corpus; bad lines are named and skipped; `-` reads standard input.

mod common;

use std::collections::BTreeMap;
use std::process::Output;

use assert_cmd::Command;
use common::{repo, text, Workspace};
use serde_json::Value;

/// `crosscheck ARGS...` in the workspace, with `stdin` on standard input.
fn run_with_stdin(ws: &Workspace, args: &[&str], stdin: &[u8]) -> Output {
    Command::cargo_bin("crosscheck")
        .expect("binary")
        .current_dir(ws.dir.path())
        .env_remove("CROSSCHECK_INDEX")
        .args(args)
        .write_stdin(stdin.to_vec())
        .output()
        .expect("run crosscheck")
}

fn ok(out: Output) -> String {
    assert!(out.status.success(), "{}", text(&out.stderr));
    text(&out.stdout)
}

fn json_lines(out: &str) -> Vec<Value> {
    out.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

/// Claims by id, without `story` (which only the index path and the join below give).
fn by_id(claims: &[Value]) -> BTreeMap<String, Value> {
    claims
        .iter()
        .map(|c| {
            let mut c = c.clone();
            if let Some(object) = c.as_object_mut() {
                object.remove("story");
            }
            (c["claim_id"].as_str().unwrap_or_default().to_owned(), c)
        })
        .collect()
}

/// The sample corpus indexed, and its claims and stories as the index gives them.
struct Indexed {
    ws: Workspace,
    claims: Vec<Value>,
}

fn indexed() -> Indexed {
    let ws = Workspace::new();
    let corpus = repo("corpus");
    let corpus = corpus.to_str().expect("utf-8 path");
    ok(ws.run(&["index", corpus]));
    let claims = json_lines(&ok(ws.run(&["claims", "--format", "jsonl"])));
    assert!(claims.len() > 50, "the sample corpus has claims");
    Indexed { ws, claims }
}

#[test]
fn the_four_filters_give_what_the_index_gives() {
    let Indexed { ws, claims } = indexed();
    let corpus = repo("corpus");
    let corpus = corpus.to_str().expect("utf-8 path");

    // extract: the same claims, the same ids
    let extracted = json_lines(&ok(ws.run(&["extract", corpus])));
    assert_eq!(extracted.len(), claims.len());
    assert_eq!(by_id(&extracted), by_id(&claims));
    assert!(extracted.iter().all(|c| c.get("story").is_none()));

    // stories --articles: each article's story and label, as the index lists them
    let placed = json_lines(&ok(ws.run(&[
        "stories",
        "--articles",
        corpus,
        "--format",
        "jsonl",
    ])));
    let listed = json_lines(&ok(ws.run(&["stories", "--format", "jsonl"])));
    let mut from_index = BTreeMap::new();
    for story in &listed {
        for article in story["article_ids"].as_array().expect("article_ids") {
            from_index.insert(
                article.as_str().expect("id").to_owned(),
                (story["story_id"].clone(), story["label"].clone()),
            );
        }
    }
    let from_stream: BTreeMap<String, (Value, Value)> = placed
        .iter()
        .map(|p| {
            (
                p["article_id"].as_str().expect("id").to_owned(),
                (p["story"].clone(), p["label"].clone()),
            )
        })
        .collect();
    assert!(listed.len() >= 3, "the sample corpus has three stories");
    assert_eq!(from_stream, from_index);

    // the claims joined with their article's story, as a pipeline would join them
    let mut joined = String::new();
    for claim in &extracted {
        let mut claim = claim.clone();
        let article = claim["article_id"].as_str().expect("id").to_owned();
        claim["story"] = from_stream[&article].0.clone();
        joined.push_str(&claim.to_string());
        joined.push('\n');
    }
    let file = ws.write("joined.jsonl", &joined);
    let file = file.to_str().expect("utf-8 path");

    // compare --claims: the same clusters, in the same order
    let compared: Value = serde_json::from_str(&ok(
        ws.run(&["compare", "--claims", file, "--format", "json"])
    ))
    .expect("compare json");
    let from_index: Value =
        serde_json::from_str(&ok(ws.run(&["compare", "--format", "json"]))).expect("json");
    assert!(from_index["clusters"]
        .as_array()
        .is_some_and(|c| c.len() > 20));
    assert_eq!(compared, from_index);

    // the input's order does not matter, and `-` reads standard input
    let reversed: String = joined.lines().rev().map(|l| format!("{l}\n")).collect();
    let from_stdin: Value = serde_json::from_str(&ok(run_with_stdin(
        &ws,
        &["compare", "--claims", "-", "--format", "json"],
        reversed.as_bytes(),
    )))
    .expect("compare json");
    assert_eq!(from_stdin, from_index);

    // sources --claims on JSON Lines
    let rated: Value = serde_json::from_str(&ok(
        ws.run(&["sources", "--claims", file, "--format", "json"])
    ))
    .expect("sources json");
    let from_index: Value =
        serde_json::from_str(&ok(ws.run(&["sources", "--format", "json"]))).expect("json");
    assert!(from_index["sources"]
        .as_array()
        .is_some_and(|s| !s.is_empty()));
    assert_eq!(rated, from_index);

    // ... whatever the order of its input (a distributed job's shuffle gives any order)
    let rated: Value = serde_json::from_str(&ok(run_with_stdin(
        &ws,
        &["sources", "--claims", "-", "--format", "json"],
        reversed.as_bytes(),
    )))
    .expect("sources json");
    assert_eq!(rated, from_index);
}

#[test]
fn extract_reads_json_lines_on_standard_input() {
    let ws = Workspace::new();
    let file = repo("corpus/flood/newsplease-export.jsonl");
    let lines = std::fs::read(&file).expect("sample JSON Lines");
    let from_file = ok(ws.run(&["extract", file.to_str().expect("utf-8 path")]));
    let from_stdin = ok(run_with_stdin(&ws, &["extract", "-"], &lines));
    assert!(!from_file.is_empty());
    assert_eq!(from_stdin, from_file);
}

#[test]
fn a_bad_line_is_named_and_the_rest_goes_on() {
    let ws = Workspace::new();
    let articles = concat!(
        r#"{"id": "a1", "outlet": "Tidewater Gazette", "date": "2025-03-02", "text": "At least 12 people died in the Marrow Valley floods, officials said."}"#,
        "\n",
        "{not json\n",
        r#"{"id": "a2", "outlet": "Norwick Times", "date": "2025-03-02", "text": "The floods in Marrow Valley killed 15 people, the regional governor said."}"#,
        "\n",
    );
    let path = ws.write("articles.jsonl", articles);
    let out = ws.run(&["extract", path.to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(1), "rejected input exits 1");
    assert!(
        text(&out.stderr).contains("articles.jsonl:2"),
        "{}",
        text(&out.stderr)
    );
    let claims = json_lines(&text(&out.stdout));
    let articles: Vec<&str> = claims
        .iter()
        .filter_map(|c| c["article_id"].as_str())
        .collect();
    assert!(
        articles.contains(&"a1") && articles.contains(&"a2"),
        "{claims:?}"
    );

    let good = claims[0].to_string();
    let path = ws.write("claims.jsonl", format!("{good}\n[1, 2]\n{good}\n"));
    let out = ws.run(&["compare", "--claims", path.to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("claims.jsonl:2"),
        "{}",
        text(&out.stderr)
    );
    assert!(!text(&out.stdout).is_empty(), "the good lines are compared");
}

#[test]
fn standard_input_is_alone_or_it_is_a_usage_error() {
    let ws = Workspace::new();
    let out = ws.run(&["extract", "-", "corpus"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    let out = ws.run(&["compare", "--claims", "x.jsonl", "hostages"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
}
