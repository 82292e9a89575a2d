//! `crosscheck stories` and `--story`: the sample corpus's and the generator's planted
//! stories come out exactly, ids are stable, filters keep to one story, and compare never
//! puts two stories' claims in one cluster.

mod common;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use common::{repo, text, Workspace};
use crosscheck::gen::planted::{pairwise, planted_stories};
use serde_json::Value;

fn lines(out: &std::process::Output) -> Vec<Value> {
    assert!(out.status.success(), "{}", text(&out.stderr));
    text(&out.stdout)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("jsonl"))
        .collect()
}

fn stories(ws: &Workspace) -> Vec<Value> {
    lines(&ws.run(&["stories", "--format", "jsonl"]))
}

fn predicted(stories: &[Value]) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for story in stories {
        let id = story["story_id"].as_str().unwrap_or_default().to_owned();
        for article in story["article_ids"].as_array().into_iter().flatten() {
            out.insert(article.as_str().unwrap_or_default().to_owned(), id.clone());
        }
    }
    out
}

/// The gold story of each article of a folder of files: the folder it is in.
fn folder_gold(root: &Path) -> HashMap<String, String> {
    let (files, _) = crosscheck::ingest::discover(&[root.to_path_buf()]);
    let mut gold = HashMap::new();
    for (path, format) in files {
        let folder = path
            .parent()
            .and_then(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        for article in crosscheck::ingest::read_document(&path, format, u64::MAX).articles {
            gold.insert(article.id, folder.clone());
        }
    }
    gold
}

#[test]
fn the_sample_corpus_has_its_three_stories() {
    let ws = Workspace::new();
    let corpus = repo("corpus");
    let out = ws.run(&["index", corpus.to_str().unwrap_or_default()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let listed = stories(&ws);
    let (p, r) = pairwise(&predicted(&listed), &folder_gold(&corpus));
    println!("sample corpus stories: P={p:.3} R={r:.3}");
    assert_eq!((p, r), (1.0, 1.0));
    assert_eq!(listed.len(), 3);
    for story in &listed {
        for field in ["label", "first_date", "last_date"] {
            assert!(story[field].is_string(), "{field}: {story}");
        }
        assert!(story["claims"].as_u64().unwrap_or(0) > 0, "{story}");
        assert!(!story["terms"].as_array().expect("terms").is_empty());
        assert!(!story["outlets"].as_array().expect("outlets").is_empty());
    }
    let text_out = text(&ws.run(&["stories"]).stdout);
    assert!(text_out.contains("Valdora"), "{text_out}");

    // A query finds the stories of the articles it matches.
    let found = lines(&ws.run(&["stories", "hostages", "--format", "jsonl"]));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0]["terms"].to_string().contains("Gaza"));
}

#[test]
fn story_ids_are_stable_and_filters_keep_to_one_story() {
    let corpus = repo("corpus");
    let first = Workspace::new();
    let second = Workspace::new();
    for ws in [&first, &second] {
        let out = ws.run(&["index", corpus.to_str().unwrap_or_default()]);
        assert!(out.status.success(), "{}", text(&out.stderr));
    }
    let ids = |ws: &Workspace| -> BTreeSet<String> {
        stories(ws)
            .iter()
            .map(|s| s["story_id"].as_str().unwrap_or_default().to_owned())
            .collect()
    };
    assert_eq!(
        ids(&first),
        ids(&second),
        "indexing again gives the same ids"
    );
    // Indexing the same files again into the same index changes nothing.
    let out = first.run(&["index", corpus.to_str().unwrap_or_default()]);
    assert!(out.status.success());
    assert_eq!(ids(&first), ids(&second));

    let ws = first;
    let listed = stories(&ws);
    let flood = listed
        .iter()
        .find(|s| s["terms"].to_string().contains("Valdora"))
        .expect("the flood story");
    let id = flood["story_id"].as_str().unwrap_or_default();
    let articles: BTreeSet<&str> = flood["article_ids"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();

    let claims = lines(&ws.run(&["claims", "--story", id, "--format", "jsonl"]));
    assert_eq!(claims.len() as u64, flood["claims"].as_u64().unwrap_or(0));
    for claim in &claims {
        assert_eq!(claim["story"], id);
        assert!(articles.contains(claim["article_id"].as_str().unwrap_or_default()));
    }
    let hits = ws.search(&["flood OR hostages OR march", "--story", id, "--limit", "50"]);
    assert!(!hits.is_empty());
    for hit in &hits {
        assert_eq!(hit["story"], id, "{hit}");
    }
    let out = ws.run(&["compare", "--story", id, "--format", "json"]);
    let comparison: Value = serde_json::from_slice(&out.stdout).expect("compare json");
    let clusters = comparison["clusters"].as_array().expect("clusters");
    assert!(!clusters.is_empty());
    for cluster in clusters {
        assert_eq!(cluster["story"], id);
    }
    let out = ws.run(&["sources", "--story", id, "--format", "json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = ws.run(&["report", "--story", id, "--format", "md"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let report = text(&out.stdout);
    assert!(report.contains("## Story 1:"), "{report}");
    assert!(!report.contains("## Story 2:"), "one story only");

    let out = ws.run(&["claims", "--story", "s0000000000"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("no story"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn compare_never_mixes_stories() {
    let ws = Workspace::new();
    let corpus = repo("corpus");
    let out = ws.run(&["index", corpus.to_str().unwrap_or_default()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let story_of: HashMap<String, String> = lines(&ws.run(&["claims", "--format", "jsonl"]))
        .iter()
        .map(|c| {
            (
                c["claim_id"].as_str().unwrap_or_default().to_owned(),
                c["story"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    let out = ws.run(&["compare", "--format", "json"]);
    let comparison: Value = serde_json::from_slice(&out.stdout).expect("compare json");
    for cluster in comparison["clusters"].as_array().expect("clusters") {
        let stories: BTreeSet<&String> = cluster["claims"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|id| story_of.get(id.as_str().unwrap_or_default()))
            .collect();
        assert_eq!(stories.len(), 1, "{cluster}");
        assert_eq!(
            Some(*stories.iter().next().expect("a story")),
            cluster["story"].as_str().map(str::to_owned).as_ref()
        );
    }
}

/// Stories indexed in separate runs (a newsroom adds a day's articles at a time) still
/// come apart, and the first run's ids stay.
#[test]
fn stories_grow_across_runs() {
    let ws = Workspace::new();
    let corpus = repo("corpus");
    let mut before: BTreeMap<String, usize> = BTreeMap::new();
    for folder in ["flood", "hostages", "protest"] {
        let out = ws.run(&["index", corpus.join(folder).to_str().unwrap_or_default()]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        for story in stories(&ws) {
            let id = story["story_id"].as_str().unwrap_or_default().to_owned();
            let n = story["articles"].as_u64().unwrap_or(0) as usize;
            if let Some(old) = before.get(&id) {
                assert!(n >= *old, "a story never loses articles");
            }
            before.insert(id, n);
        }
    }
    let listed = stories(&ws);
    let (p, r) = pairwise(&predicted(&listed), &folder_gold(&corpus));
    println!("sample corpus in three runs: P={p:.3} R={r:.3}");
    assert_eq!((p, r), (1.0, 1.0));
}

/// The generator's planted stories: events of the same few kinds, written from the same
/// templates, in made-up places, often in the same weeks and quoting the same spokesmen.
/// Measured 400 articles, 20 stories: P .900, R .995. Two protests in "Port …" towns a
/// fortnight apart still come out as one story: besides "Port" (a place designator, no
/// longer a distinguishing name) they share a neighbouring town's name. Held at P .85, R .95.
#[test]
fn generated_stories_come_out_exactly() {
    let ws = Workspace::new();
    let out = ws.run(&["gen", "--articles", "400", "--out", "gen"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let gold = planted_stories(&ws.path("gen")).expect("the generated corpus's truth");
    assert!(gold.len() >= 390, "truth maps {} articles", gold.len());
    let corpus = ws.path("gen/corpus");
    let out = ws.run(&["index", corpus.to_str().unwrap_or_default()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let (p, r) = pairwise(&predicted(&stories(&ws)), &gold);
    println!("generated stories: P={p:.3} R={r:.3}");
    assert!(
        p >= 0.85 && r >= 0.95,
        "generated stories: P={p:.3} R={r:.3}"
    );
}
