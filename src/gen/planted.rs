//! Reading back a generated corpus's planted stories, to score story grouping against
//! them (`tests/stories_cli.rs`, `examples/planted_stories.rs`).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Article id (as ingest gives it) → planted story, for the corpus `crosscheck gen --out
/// ROOT` wrote: JSON articles carry their id; a text or HTML file of one article is matched
/// by its path. Lines of `truth.jsonl` that are not JSON are an error, not skipped.
pub fn planted_stories(root: &Path) -> std::io::Result<HashMap<String, String>> {
    let truth = std::fs::read_to_string(root.join("truth.jsonl"))?;
    let mut by_id: HashMap<String, String> = HashMap::new();
    let mut by_path: HashMap<PathBuf, String> = HashMap::new();
    for (n, line) in truth.lines().enumerate() {
        let row: serde_json::Value = serde_json::from_str(line).map_err(|e| {
            std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!("truth.jsonl:{}: {e}", n + 1),
            )
        })?;
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
    let (files, _) = crate::ingest::discover(&[root.join("corpus")]);
    let mut gold = HashMap::new();
    for (path, format) in files {
        let parsed = crate::ingest::read_document(&path, format, u64::MAX);
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

/// Pairwise precision and recall of a grouping (article → group) against a gold one, over
/// the articles both know.
pub fn pairwise(predicted: &HashMap<String, String>, gold: &HashMap<String, String>) -> (f64, f64) {
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
    (
        tp as f64 / (tp + fp).max(1) as f64,
        tp as f64 / (tp + missed).max(1) as f64,
    )
}
