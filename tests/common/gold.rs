//! The annotated sample corpus: its articles, their extracted claims, and the gold answers
//! (tests/data/corpus_*.jsonl) matched to extracted claims.
#![allow(dead_code)]

use std::collections::HashMap;

use crosscheck::ingest;
use crosscheck::model::{Article, Claim, ClaimKind};
use serde_json::Value;

use super::repo;

pub struct Corpus {
    pub articles: Vec<Article>,
    /// Gold article reference (`id` for JSON articles, else the repo-relative path) → id.
    pub refs: HashMap<String, String>,
    pub claims: Vec<Claim>,
}

pub fn load_corpus() -> Corpus {
    let root = repo("");
    let (files, problems) = ingest::discover(&[repo("corpus")]);
    assert!(problems.is_empty(), "corpus walk problems: {problems:?}");
    let mut articles = Vec::new();
    let mut refs = HashMap::new();
    for (path, format) in files {
        let parsed = ingest::read_document(&path, format, ingest::DEFAULT_MAX_FILE_BYTES);
        assert!(
            parsed.diagnostics.iter().all(|d| !d.rejected),
            "corpus file rejected: {:?}",
            parsed.diagnostics
        );
        let rel = path
            .strip_prefix(&root)
            .unwrap_or(&path)
            .display()
            .to_string();
        for article in parsed.articles {
            let key = match format {
                ingest::Format::Json | ingest::Format::JsonLines => article.id.clone(),
                _ => rel.clone(),
            };
            refs.insert(key, article.id.clone());
            articles.push(article);
        }
    }
    let claims = articles
        .iter()
        .flat_map(crosscheck::extract::extract_claims)
        .collect();
    Corpus {
        articles,
        refs,
        claims,
    }
}

pub fn read_jsonl(rel: &str) -> Vec<Value> {
    let text = std::fs::read_to_string(repo(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .map(|(n, l)| serde_json::from_str(l).unwrap_or_else(|e| panic!("{rel}:{}: {e}", n + 1)))
        .collect()
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// How well a claim's sentence matches an excerpt: the share of the excerpt's words in it.
fn overlap(sentence: &str, excerpt: &str) -> f64 {
    let s = words(sentence);
    let e = words(excerpt);
    if e.is_empty() {
        return 0.0;
    }
    e.iter().filter(|w| s.contains(w)).count() as f64 / e.len() as f64
}

/// Matches a gold claim reference (`article`, `value` or `quote_text`, optional `excerpt`)
/// to the index of an extracted claim not yet taken.
pub fn match_gold(corpus: &Corpus, gold: &Value, taken: &mut [bool]) -> Option<usize> {
    let article_ref = gold["article"].as_str()?;
    let article_id = corpus.refs.get(article_ref)?;
    let excerpt = gold["excerpt"].as_str().unwrap_or("");
    let candidates = corpus
        .claims
        .iter()
        .enumerate()
        .filter(|(i, c)| !taken[*i] && &c.article_id == article_id);
    let best = if let Some(quote_text) = gold["quote_text"].as_str() {
        candidates
            .filter(|(_, c)| c.kind == ClaimKind::Quote)
            .map(|(i, c)| {
                let text = c.quote.as_ref().map(|q| q.text.as_str()).unwrap_or("");
                (
                    i,
                    strsim::normalized_levenshtein(
                        &words(text).join(" "),
                        &words(quote_text).join(" "),
                    ),
                )
            })
            .filter(|(_, score)| *score >= 0.6)
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(i, _)| i)
    } else {
        let value = gold["value"].as_f64()?;
        candidates
            .filter(|(_, c)| {
                c.quantity
                    .as_ref()
                    .is_some_and(|q| (q.value - value).abs() <= 1e-6 * value.abs().max(1.0))
            })
            .map(|(i, c)| (i, overlap(&c.sentence, excerpt)))
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
            .map(|(i, _)| i)
    };
    if let Some(i) = best {
        taken[i] = true;
    }
    best
}

/// Gold lines of corpus_gold.jsonl with the extracted claim each matched (if any).
pub fn matched_gold(corpus: &Corpus) -> Vec<(Value, Option<usize>)> {
    let gold = read_jsonl("tests/data/corpus_gold.jsonl");
    let mut taken = vec![false; corpus.claims.len()];
    // Quotes and exact excerpts first would not change much; keep file order for clarity.
    gold.into_iter()
        .map(|g| {
            let m = match_gold(corpus, &g, &mut taken);
            (g, m)
        })
        .collect()
}
