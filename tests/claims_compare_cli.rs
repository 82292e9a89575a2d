//! End-to-end runs of `crosscheck claims` and `crosscheck compare` on small fixture corpora.

mod common;

use common::{shared, text, Workspace};
use serde_json::Value;

fn lines(out: &std::process::Output) -> Vec<Value> {
    text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

/// Three outlets report one death toll: two relay the governor's 130, one the ministry's 150;
/// a fourth has a newer figure the next day.
fn flood_corpus(ws: &Workspace) {
    let articles = [
        (
            "a",
            "Harbour Post",
            "2025-03-03",
            "Floods in Valdora killed 130 people, the governor said on Monday.",
        ),
        (
            "b",
            "Valley Courier",
            "2025-03-03",
            "The governor said 130 people were killed by the floods in Valdora.",
        ),
        (
            "c",
            "Wire Desk",
            "2025-03-03",
            "The health ministry said 150 people were killed by the floods in Valdora.",
        ),
        (
            "d",
            "Evening Lantern",
            "2025-03-04",
            "The death toll from the floods in Valdora rose to 171, the health ministry said.",
        ),
    ];
    let body: Vec<String> = articles
        .iter()
        .map(|(id, outlet, date, text)| {
            serde_json::json!({"id": id, "outlet": outlet, "date": date, "text": text}).to_string()
        })
        .collect();
    ws.write("c/flood.jsonl", body.join("\n"));
    let out = ws.run(&["index", "c"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
}

#[test]
fn claims_are_listed_searched_and_filtered() {
    let ws = Workspace::new();
    flood_corpus(&ws);
    let all = lines(&ws.run(&["claims", "--format", "jsonl"]));
    assert_eq!(all.len(), 4, "{all:?}");
    for claim in &all {
        for field in [
            "claim_id",
            "article_id",
            "outlet",
            "date",
            "kind",
            "sentence",
            "span",
            "quantity",
            "subject",
            "key",
            "attribution",
            "as_of",
            "certainty",
            "quote",
        ] {
            assert!(claim.get(field).is_some(), "missing {field} in {claim}");
        }
        assert_eq!(
            claim["key"].as_str().map(|k| k.starts_with("people/dead")),
            Some(true),
            "{claim}"
        );
    }
    let c = all
        .iter()
        .find(|c| c["article_id"] == "c")
        .expect("claim of article c");
    assert_eq!(c["quantity"]["value"], 150.0);
    assert_eq!(c["attribution"]["source"], "The health ministry");

    let one = lines(&ws.run(&["claims", "--article", "b", "--format", "jsonl"]));
    assert_eq!(one.len(), 1);
    assert_eq!(one[0]["quantity"]["value"], 130.0);
    let by_outlet = lines(&ws.run(&["claims", "--outlet", "wire desk", "--format", "jsonl"]));
    assert_eq!(by_outlet.len(), 1);
    let by_key = lines(&ws.run(&["claims", "--key", "people/dead", "--format", "jsonl"]));
    assert_eq!(by_key.len(), 4);
    let searched = lines(&ws.run(&["claims", "ministry", "--format", "jsonl"]));
    assert_eq!(searched.len(), 2);
    let shown = text(&ws.run(&["claims", "--article", "c"]).stdout);
    assert!(
        shown.contains("Wire Desk · 2025-03-03 · \"150\" = 150"),
        "{shown}"
    );
    assert!(shown.contains("claimed by The health ministry"), "{shown}");

    let stats = ws.stats();
    assert_eq!(stats["claims"], 4);
    assert_eq!(stats["claims_by_kind"]["quantity"], 4);
}

#[test]
fn compare_finds_conflicts_and_updates() {
    let ws = Workspace::new();
    flood_corpus(&ws);
    let out = ws.run(&["compare", "--format", "json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let comparison: Value = serde_json::from_slice(&out.stdout).expect("json");
    let clusters = comparison["clusters"].as_array().expect("clusters");
    assert_eq!(clusters.len(), 1, "{comparison}");
    let cluster = &clusters[0];
    assert_eq!(cluster["claims"].as_array().map(Vec::len), Some(4));
    assert_eq!(cluster["outlets"].as_array().map(Vec::len), Some(4));
    for field in [
        "cluster_id",
        "key",
        "label",
        "kind",
        "consensus",
        "agreement",
        "discrepancies",
    ] {
        assert!(cluster.get(field).is_some(), "missing {field}");
    }
    // Pairs of claims per type: the two reports of 130 are one position, so each
    // discrepancy with it stands for two pairs.
    let pairs_of = |kind: &str| -> (usize, u64) {
        let of_kind: Vec<&Value> = cluster["discrepancies"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|d| d["type"] == kind)
            .collect();
        let pairs = of_kind.iter().filter_map(|d| d["pairs"].as_u64()).sum();
        (of_kind.len(), pairs)
    };
    assert_eq!(pairs_of("conflict"), (1, 2), "{cluster}");
    assert_eq!(pairs_of("update"), (2, 3), "{cluster}");
    let merged = &cluster["discrepancies"][0];
    assert_eq!(
        merged["a_claims"].as_array().map(Vec::len),
        Some(2),
        "{merged}"
    );
    assert_eq!(
        merged["b_claims"].as_array().map(Vec::len),
        Some(1),
        "{merged}"
    );
    assert!(comparison["internal"].as_array().is_some_and(Vec::is_empty));

    let shown = text(&ws.run(&["compare"]).stdout);
    assert!(shown.contains("cannot both hold; 13% apart"), "{shown}");
    let md = text(&ws.run(&["compare", "--format", "md"]).stdout);
    assert!(
        md.contains("| Outlet | As written | Interval | Claimant | Date |"),
        "{md}"
    );
    let strict = ws.run(&["compare", "--format", "json", "--min-severity", "0.2"]);
    let strict: Value = serde_json::from_slice(&strict.stdout).expect("json");
    let kept = strict["clusters"][0]["discrepancies"]
        .as_array()
        .map(Vec::len);
    assert_eq!(
        kept,
        Some(1),
        "only the update from 130 (two reports) to 171 is at least 20% apart: {strict}"
    );
    let out = ws.run(&["compare", "--min-severity", "3"]);
    assert_eq!(out.status.code(), Some(2));

    let queried = ws.run(&["compare", "governor", "--format", "json"]);
    let queried: Value = serde_json::from_slice(&queried.stdout).expect("json");
    assert_eq!(
        queried["clusters"][0]["claims"].as_array().map(Vec::len),
        Some(4),
        "a query selects the quantity; the cluster holds every claim about it"
    );
}

#[test]
fn seed_claims_through_the_cli() {
    let Some(seed) = shared("seed") else {
        println!("skipped: ../shared/seed not found");
        return;
    };
    let ws = Workspace::new();
    assert!(ws
        .run(&["index", seed.to_str().unwrap_or_default()])
        .status
        .success());
    let claims = lines(&ws.run(&["claims", "--format", "jsonl"]));
    let find = |value: f64| claims.iter().find(|c| c["quantity"]["value"] == value);
    let held = find(48.0).expect("48 held");
    assert_eq!(held["quantity"]["qualifier"], "approx");
    assert_eq!(held["key"], "hostages/held/gaza");
    let dead = find(30.0).expect("30 dead");
    assert_eq!(dead["quantity"]["qualifier"], "at_most");
    assert_eq!(dead["certainty"], "possible");
    assert_eq!(dead["attribution"]["source"], "U.S. intelligence");
    let eight = find(8.0).expect("8 in Gaza City");
    assert_eq!(eight["quantity"]["qualifier"], "at_least");
    assert_eq!(eight["key"], "hostages/held/gaza-city");
    assert!(claims.iter().any(|c| c["kind"] == "quote"));
    let out = ws.run(&["compare", "--format", "json"]);
    let comparison: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert!(
        comparison["internal"].as_array().is_some_and(Vec::is_empty),
        "the seed's figures are consistent: {}",
        comparison["internal"]
    );
}
