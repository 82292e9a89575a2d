//! Story grouping against the generator's planted stories, for tuning on more than the one
//! corpus the test reads: `planted_stories GEN_DIR STORIES.jsonl` prints pairwise precision
//! and recall, and the planted stories that came out merged.
//!
//! `GEN_DIR` is `crosscheck gen --out GEN_DIR`; `STORIES.jsonl` is
//! `crosscheck --index IX stories --format jsonl` after `crosscheck --index IX index
//! GEN_DIR/corpus`.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use serde_json::Value;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [root, stories] = args.as_slice() else {
        eprintln!("usage: planted_stories GEN_DIR STORIES.jsonl");
        std::process::exit(2);
    };
    let gold = planted(Path::new(root))?;
    let mut predicted: HashMap<String, String> = HashMap::new();
    for line in std::fs::read_to_string(stories)?.lines() {
        let story: Value = serde_json::from_str(line)?;
        let id = story["story_id"].as_str().unwrap_or_default().to_owned();
        for article in story["article_ids"].as_array().into_iter().flatten() {
            predicted.insert(article.as_str().unwrap_or_default().to_owned(), id.clone());
        }
    }
    let ids: Vec<&String> = predicted
        .keys()
        .filter(|id| gold.contains_key(*id))
        .collect();
    let (mut tp, mut fp, mut missed) = (0u64, 0u64, 0u64);
    for (i, a) in ids.iter().enumerate() {
        for b in &ids[i + 1..] {
            let same_gold = gold[*a] == gold[*b];
            let same_predicted = predicted[*a] == predicted[*b];
            tp += u64::from(same_gold && same_predicted);
            fp += u64::from(same_predicted && !same_gold);
            missed += u64::from(same_gold && !same_predicted);
        }
    }
    let mut mixed: BTreeMap<&String, BTreeMap<&String, usize>> = BTreeMap::new();
    for id in &ids {
        *mixed
            .entry(&predicted[*id])
            .or_default()
            .entry(&gold[*id])
            .or_default() += 1;
    }
    for (story, planted) in mixed.iter().filter(|(_, p)| p.len() > 1) {
        println!("{story}: {planted:?}");
    }
    let stories: BTreeSet<&String> = ids.iter().map(|id| &predicted[*id]).collect();
    println!(
        "articles {} of {} · stories {} · P={:.3} R={:.3}",
        ids.len(),
        gold.len(),
        stories.len(),
        tp as f64 / (tp + fp).max(1) as f64,
        tp as f64 / (tp + missed).max(1) as f64
    );
    Ok(())
}

/// Article id → planted story, read from `truth.jsonl` and matched to the ids ingest gives
/// (its own for JSON, a derived one for text and HTML files of one article).
fn planted(root: &Path) -> Result<HashMap<String, String>, Box<dyn std::error::Error>> {
    let mut by_id: HashMap<String, String> = HashMap::new();
    let mut by_path: HashMap<PathBuf, String> = HashMap::new();
    for line in std::fs::read_to_string(root.join("truth.jsonl"))?.lines() {
        let row: Value = serde_json::from_str(line)?;
        if row["type"] != "article" {
            continue;
        }
        let story = row["story"].as_str().unwrap_or_default().to_owned();
        by_id.insert(
            row["article_id"].as_str().unwrap_or_default().to_owned(),
            story.clone(),
        );
        by_path.insert(root.join(row["path"].as_str().unwrap_or_default()), story);
    }
    let (files, _) = crosscheck::ingest::discover(&[root.join("corpus")]);
    let mut gold = HashMap::new();
    for (path, format) in files {
        let parsed = crosscheck::ingest::read_document(&path, format, u64::MAX);
        let single = parsed.articles.len() == 1;
        for article in parsed.articles {
            let story = by_id
                .get(&article.id)
                .or_else(|| single.then(|| by_path.get(&path)).flatten());
            if let Some(story) = story {
                gold.insert(article.id, story.clone());
            }
        }
    }
    Ok(gold)
}
