//! Story grouping against the generator's planted stories, for tuning on more than the one
//! corpus the test reads: `planted_stories GEN_DIR STORIES.jsonl` prints pairwise precision
//! and recall, and the planted stories that came out merged.
//!
//! `GEN_DIR` is `crosscheck gen --out GEN_DIR`; `STORIES.jsonl` is
//! `crosscheck --index IX stories --format jsonl` after `crosscheck --index IX index
//! GEN_DIR/corpus`.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use crosscheck::gen::planted::{pairwise, planted_stories};
use serde_json::Value;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [root, stories] = args.as_slice() else {
        eprintln!("usage: planted_stories GEN_DIR STORIES.jsonl");
        std::process::exit(2);
    };
    let gold = planted_stories(Path::new(root))?;
    let mut predicted: HashMap<String, String> = HashMap::new();
    for line in std::fs::read_to_string(stories)?.lines() {
        let story: Value = serde_json::from_str(line)?;
        let id = story["story_id"].as_str().unwrap_or_default().to_owned();
        for article in story["article_ids"].as_array().into_iter().flatten() {
            predicted.insert(article.as_str().unwrap_or_default().to_owned(), id.clone());
        }
    }
    let known: Vec<&String> = predicted
        .keys()
        .filter(|id| gold.contains_key(*id))
        .collect();
    let mut mixed: BTreeMap<&String, BTreeMap<&String, usize>> = BTreeMap::new();
    for id in &known {
        *mixed
            .entry(&predicted[*id])
            .or_default()
            .entry(&gold[*id])
            .or_default() += 1;
    }
    for (story, planted) in mixed.iter().filter(|(_, p)| p.len() > 1) {
        println!("{story}: {planted:?}");
    }
    let stories: BTreeSet<&String> = known.iter().map(|id| &predicted[*id]).collect();
    let (p, r) = pairwise(&predicted, &gold);
    println!(
        "articles {} of {} · stories {} · P={p:.3} R={r:.3}",
        known.len(),
        gold.len(),
        stories.len(),
    );
    Ok(())
}
