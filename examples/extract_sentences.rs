//! Extraction throughput on one sentence per line (the same file quantulum3 is timed on by
//! bench/extraction_vs_quantulum.py): one core, claims extracted from each line as an
//! article of its own. Prints MB/s and sentences/s.
//!
//! cargo run --release --example extract_sentences -- SENTENCES.txt [ROUNDS]

use std::time::Instant;

use crosscheck::extract::extract_claims;
use crosscheck::model::Article;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .ok_or("usage: extract_sentences FILE [ROUNDS]")?;
    let rounds: usize = args.next().map(|r| r.parse()).transpose()?.unwrap_or(5);
    let text = std::fs::read_to_string(&path)?;
    let articles: Vec<Article> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .map(|(i, line)| Article {
            id: i.to_string(),
            text: line.to_owned(),
            date: Some("2025-05-20".into()),
            ..Article::default()
        })
        .collect();
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let started = Instant::now();
    let mut claims = 0;
    for _ in 0..rounds {
        for article in &articles {
            claims += extract_claims(article).len();
        }
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "{} sentences ({:.2} MB) x {rounds}: {:.1} MB/s, {:.0} sentences/s, {} claims per round",
        articles.len(),
        bytes as f64 / 1e6,
        (bytes * rounds) as f64 / 1e6 / secs,
        (articles.len() * rounds) as f64 / secs,
        claims / rounds.max(1)
    );
    Ok(())
}
