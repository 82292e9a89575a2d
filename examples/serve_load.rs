//! A bounded load test for `crosscheck serve`: N clients, each on its own thread and
//! connection per request, send a mix of API requests for a fixed time; prints requests,
//! errors (any status but 200, or no answer) and latency percentiles.
//!
//! `cargo run --release --example serve_load -- PORT [CLIENTS] [SECONDS] PATH...`
//! (`bench/serve_load.sh` builds an index, starts the server and picks the paths.)

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

fn get(port: u16, path: &str) -> Option<u16> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .ok()?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).ok()?;
    let head = String::from_utf8_lossy(&raw[..raw.len().min(32)]).into_owned();
    head.split_whitespace().nth(1)?.parse().ok()
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((p / 100.0) * (sorted.len() - 1) as f64).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: serve_load PORT [CLIENTS] [SECONDS] PATH...";
    let port: u16 = args.first().and_then(|p| p.parse().ok()).expect(usage);
    let clients: usize = args.get(1).and_then(|c| c.parse().ok()).unwrap_or(32);
    let seconds: u64 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(10);
    let paths: Vec<String> = args.iter().skip(3).cloned().collect();
    assert!(!paths.is_empty(), "{usage}");
    let until = Instant::now() + Duration::from_secs(seconds);
    let workers: Vec<_> = (0..clients)
        .map(|client| {
            let paths = paths.clone();
            std::thread::spawn(move || {
                let mut latencies = Vec::new();
                let mut errors = Vec::new();
                let mut n = client;
                while Instant::now() < until {
                    let path = &paths[n % paths.len()];
                    n += 1;
                    let started = Instant::now();
                    let status = get(port, path);
                    latencies.push(started.elapsed());
                    if status != Some(200) {
                        errors.push(format!("{path}: {status:?}"));
                    }
                }
                (latencies, errors)
            })
        })
        .collect();
    let mut latencies = Vec::new();
    let mut errors = Vec::new();
    for worker in workers {
        let (l, e) = worker.join().expect("a client thread");
        latencies.extend(l);
        errors.extend(e);
    }
    latencies.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "clients {clients} · {seconds} s · requests {} ({:.0}/s) · errors {} · p50 {:.1} ms · p90 {:.1} ms · p99 {:.1} ms · max {:.1} ms",
        latencies.len(),
        latencies.len() as f64 / seconds as f64,
        errors.len(),
        ms(percentile(&latencies, 50.0)),
        ms(percentile(&latencies, 90.0)),
        ms(percentile(&latencies, 99.0)),
        ms(latencies.last().copied().unwrap_or_default()),
    );
    for error in errors.iter().take(10) {
        println!("error: {error}");
    }
}
