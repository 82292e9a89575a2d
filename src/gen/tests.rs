use super::*;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::time::Instant;

use serde_json::Value;

fn tmp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("crosscheck-gen-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    dir
}

fn run(name: &str, articles: usize, outlets: usize, seed: u64) -> (PathBuf, GenSummary) {
    let out = tmp(name);
    let summary = generate(&GenOptions {
        articles,
        outlets,
        seed,
        out: out.clone(),
    })
    .expect("generate");
    (out, summary)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .expect("read_dir")
        .map(|e| e.expect("entry").path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, files);
        } else {
            files.push(p);
        }
    }
}

/// FNV-1a over every file's relative path and content.
fn hash_tree(root: &Path) -> u64 {
    let mut files = Vec::new();
    walk(root, &mut files);
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for f in files {
        let rel = f
            .strip_prefix(root)
            .expect("prefix")
            .to_string_lossy()
            .into_owned();
        for b in rel.bytes().chain(fs::read(&f).expect("read")) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x100_0000_01b3);
        }
    }
    h
}

fn truth(out: &Path) -> Vec<Value> {
    fs::read_to_string(out.join("truth.jsonl"))
        .expect("truth")
        .lines()
        .map(|l| serde_json::from_str(l).expect("truth line parses"))
        .collect()
}

#[test]
fn same_seed_same_bytes_different_seed_differs() {
    let (a, sa) = run("a", 300, 15, 42);
    let (b, sb) = run("b", 300, 15, 42);
    let (c, _) = run("c", 300, 15, 43);
    assert_eq!(sa, sb);
    assert_eq!(hash_tree(&a), hash_tree(&b));
    assert_ne!(hash_tree(&a), hash_tree(&c));
    for d in [a, b, c] {
        let _ = fs::remove_dir_all(d);
    }
}

#[test]
fn counts_formats_and_truth_are_consistent() {
    let n = 400;
    let (out, summary) = run("counts", n, 20, 7);
    assert_eq!(summary.articles, n);
    assert_eq!(summary.stories, n / 20);
    let mut files = Vec::new();
    walk(&out.join("corpus"), &mut files);
    assert_eq!(files.len(), summary.files);
    let mut total_bytes = fs::metadata(out.join("truth.jsonl")).expect("truth").len();
    let mut articles = 0;
    let mut json_ids = HashSet::new();
    let mut paths = HashSet::new();
    let mut kinds: HashSet<String> = HashSet::new();
    for f in &files {
        total_bytes += fs::metadata(f).expect("meta").len();
        let rel = f
            .strip_prefix(&out)
            .expect("prefix")
            .to_string_lossy()
            .replace('\\', "/");
        let text = fs::read_to_string(f).expect("utf-8");
        match f.extension().and_then(|e| e.to_str()) {
            Some("jsonl") => {
                for line in text.lines() {
                    let v: Value = serde_json::from_str(line).expect("jsonl line parses");
                    let body = v
                        .get("text")
                        .or(v.get("maintext"))
                        .and_then(Value::as_str)
                        .expect("text");
                    assert!(!body.is_empty());
                    json_ids.insert(v["id"].as_str().expect("id").to_string());
                    articles += 1;
                    let flavor = if v.get("maintext").is_some() {
                        "jsonl_newsplease"
                    } else if v.get("sitename").is_some() {
                        "jsonl_trafilatura"
                    } else {
                        "jsonl"
                    };
                    kinds.insert(flavor.into());
                }
            }
            Some("json") => {
                let v: Value = serde_json::from_str(&text).expect("json parses");
                let list = match v {
                    Value::Array(a) => {
                        kinds.insert("json_array".into());
                        a
                    }
                    o => {
                        kinds.insert("json".into());
                        vec![o]
                    }
                };
                for o in list {
                    assert!(o["text"].as_str().is_some_and(|t| !t.is_empty()));
                    json_ids.insert(o["id"].as_str().expect("id").to_string());
                    articles += 1;
                }
            }
            Some("txt") => {
                let header = text.starts_with("Title: ");
                kinds.insert(if header { "txt_header" } else { "txt_byline" }.into());
                if !header {
                    let first = text.lines().next().expect("line");
                    assert!(
                        [" – ", " — ", " - ", " | "]
                            .iter()
                            .any(|s| first.contains(s)),
                        "{first}"
                    );
                }
                paths.insert(rel);
                articles += 1;
            }
            Some("html") => {
                assert!(text.contains("og:site_name") && text.contains("article:published_time"));
                assert!(text.contains("rel=\"canonical\"") && text.contains("<footer>"));
                kinds.insert("html".into());
                paths.insert(rel);
                articles += 1;
            }
            other => panic!("unexpected file {other:?}"),
        }
    }
    assert_eq!(articles, n);
    assert_eq!(total_bytes, summary.bytes);
    for k in [
        "txt_byline",
        "txt_header",
        "json",
        "json_array",
        "jsonl",
        "jsonl_newsplease",
        "jsonl_trafilatura",
        "html",
    ] {
        assert!(kinds.contains(k), "format {k} missing: {kinds:?}");
    }
    // truth: one article line per article; every claim and quote points at a known article
    let lines = truth(&out);
    let mut by_type: HashMap<String, usize> = HashMap::new();
    let mut article_ids = HashSet::new();
    let mut outlets = HashSet::new();
    let mut claims_per_article: BTreeMap<String, usize> = BTreeMap::new();
    for v in &lines {
        let t = v["type"].as_str().expect("type").to_string();
        *by_type.entry(t.clone()).or_default() += 1;
        match t.as_str() {
            "outlet" => {
                outlets.insert(v["outlet"].as_str().expect("outlet").to_string());
                let a = v["planted_accuracy"].as_f64().expect("accuracy");
                assert!((0.5..=1.0).contains(&a));
            }
            "article" => {
                let id = v["article_id"].as_str().expect("id").to_string();
                assert!(
                    json_ids.contains(&id) || paths.contains(&id),
                    "unknown article {id}"
                );
                let words = v["words"].as_u64().expect("words");
                assert!((120..=400).contains(&words), "{id}: {words} words");
                assert!(article_ids.insert(id));
            }
            "claim" => {
                let id = v["article_id"].as_str().expect("id").to_string();
                assert!(article_ids.contains(&id));
                assert!(outlets.contains(v["outlet"].as_str().expect("outlet")));
                *claims_per_article.entry(id).or_default() += 1;
                let key = v["key"].as_str().expect("key");
                assert!(
                    key.split('/').count() == 3 && key == key.to_ascii_lowercase(),
                    "{key}"
                );
                // a faithful report's interval contains the claimant's figure
                let cv = v["claimant_value"].as_f64().expect("cv");
                let lo = v["low"].as_f64().unwrap_or(f64::MIN);
                let hi = v["high"].as_f64().unwrap_or(f64::MAX);
                if !v["error"].as_bool().expect("error") {
                    assert!(lo <= cv && cv <= hi, "{v}");
                }
                let q = v["qualifier"].as_str().expect("qualifier");
                assert!([
                    "exact",
                    "approx",
                    "at_least",
                    "more_than",
                    "at_most",
                    "fewer_than",
                    "range"
                ]
                .contains(&q));
            }
            "quote" => assert!(article_ids.contains(v["article_id"].as_str().expect("id"))),
            "story" | "claimant" => {}
            other => panic!("unknown truth line {other}"),
        }
    }
    assert_eq!(by_type["article"], n);
    assert_eq!(by_type["outlet"], 20);
    assert_eq!(by_type["story"], n / 20);
    assert_eq!(claims_per_article.len(), n, "every article carries a claim");
    assert!(by_type["claim"] >= 2 * n);
    // copies exist and copy the original's figures
    assert!(lines
        .iter()
        .any(|v| v["type"] == "article" && !v["copied_from"].is_null()));
    let _ = fs::remove_dir_all(out);
}

#[test]
fn claims_appear_in_text() {
    let (out, _) = run("surface", 120, 10, 3);
    let mut bodies: HashMap<String, String> = HashMap::new();
    let mut files = Vec::new();
    walk(&out.join("corpus"), &mut files);
    for f in &files {
        let text = fs::read_to_string(f).expect("read");
        let rel = f
            .strip_prefix(&out)
            .expect("prefix")
            .to_string_lossy()
            .replace('\\', "/");
        match f.extension().and_then(|e| e.to_str()) {
            Some("jsonl") => {
                for line in text.lines() {
                    let v: Value = serde_json::from_str(line).expect("parse");
                    let body = v
                        .get("text")
                        .or(v.get("maintext"))
                        .and_then(Value::as_str)
                        .expect("text");
                    bodies.insert(v["id"].as_str().expect("id").into(), body.to_lowercase());
                }
            }
            Some("json") => {
                let v: Value = serde_json::from_str(&text).expect("parse");
                let list = if let Value::Array(a) = v { a } else { vec![v] };
                for o in list {
                    bodies.insert(
                        o["id"].as_str().expect("id").into(),
                        o["text"].as_str().expect("text").to_lowercase(),
                    );
                }
            }
            _ => {
                bodies.insert(rel, text.to_lowercase());
            }
        }
    }
    for v in truth(&out) {
        if v["type"] == "claim" {
            let body = &bodies[v["article_id"].as_str().expect("id")];
            let surface = v["surface"].as_str().expect("surface").to_lowercase();
            assert!(
                body.contains(&surface),
                "{surface} not in {}",
                v["article_id"]
            );
        }
    }
    let _ = fs::remove_dir_all(out);
}

#[test]
fn small_run_is_quick() {
    let start = Instant::now();
    let (out, s) = run("quick", 200, 12, 9);
    assert_eq!(s.articles, 200);
    assert!(start.elapsed().as_secs_f64() < 5.0);
    let _ = fs::remove_dir_all(out);
}

#[test]
fn zero_and_tiny_runs() {
    let (out, s) = run("zero", 0, 0, 1);
    assert_eq!(s.articles, 0);
    assert_eq!(s.stories, 1);
    let _ = fs::remove_dir_all(out);
    let (out, s) = run("tiny", 3, 1, 1);
    assert_eq!(s.articles, 3);
    let _ = fs::remove_dir_all(out);
}
