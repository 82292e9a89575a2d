//! Search latency on an existing index: runs a fixed mix of queries (words, phrases,
//! boolean, outlet and date filters) many times and prints p50 / p99 in milliseconds.
//!
//! cargo run --release --example search_latency -- INDEX_DIR [ROUNDS]

use std::time::Instant;

use crosscheck::index::{CrossIndex, SearchRequest};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = args
        .next()
        .ok_or("usage: search_latency INDEX_DIR [ROUNDS]")?;
    let rounds: usize = args.next().map(|r| r.parse()).transpose()?.unwrap_or(50);
    let index = CrossIndex::open(std::path::Path::new(&dir))?;
    let outlet = index
        .stats()?
        .outlets
        .into_iter()
        .max_by_key(|(_, n)| *n)
        .map(|(name, _)| name);
    let requests = [
        SearchRequest {
            query: "hostages".into(),
            limit: 10,
            ..Default::default()
        },
        SearchRequest {
            query: "\"death toll\"".into(),
            limit: 10,
            ..Default::default()
        },
        SearchRequest {
            query: "police AND organisers".into(),
            limit: 10,
            ..Default::default()
        },
        SearchRequest {
            query: "flood missing -earthquake".into(),
            limit: 10,
            ..Default::default()
        },
        SearchRequest {
            query: "ministry said".into(),
            outlet: outlet.clone(),
            limit: 10,
            ..Default::default()
        },
        SearchRequest {
            query: "displaced".into(),
            since: Some("2025-03-01".into()),
            until: Some("2025-06-30".into()),
            limit: 10,
            ..Default::default()
        },
    ];
    // Warm the page cache and the reader once.
    for request in &requests {
        index.search(request)?;
    }
    let mut times = Vec::with_capacity(rounds * requests.len());
    let mut per_request = vec![Vec::with_capacity(rounds); requests.len()];
    for _ in 0..rounds {
        for (n, request) in requests.iter().enumerate() {
            let started = Instant::now();
            let results = index.search(request)?;
            let ms = started.elapsed().as_secs_f64() * 1000.0;
            times.push(ms);
            per_request[n].push(ms);
            std::hint::black_box(results);
        }
    }
    let median = |t: &mut Vec<f64>| {
        t.sort_by(f64::total_cmp);
        t[t.len() / 2]
    };
    for (request, t) in requests.iter().zip(&mut per_request) {
        let filters = [
            request.outlet.as_ref().map(|_| "--outlet"),
            request.since.as_ref().map(|_| "--since/--until"),
        ];
        let filters: Vec<&str> = filters.into_iter().flatten().collect();
        println!(
            "  {:<32} {:<16} p50 {:.2} ms",
            request.query,
            filters.join(" "),
            median(t)
        );
    }
    times.sort_by(f64::total_cmp);
    let pct = |p: f64| times[((times.len() - 1) as f64 * p).round() as usize];
    println!(
        "{} searches: p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        times.len(),
        pct(0.5),
        pct(0.99),
        pct(1.0)
    );
    Ok(())
}
