//! Extraction throughput on the sample corpus's article bodies (MB/s, one core).

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use crosscheck::extract::extract_claims;
use crosscheck::ingest;

fn corpus_articles() -> Vec<crosscheck::model::Article> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let (files, _) = ingest::discover(&[root]);
    files
        .iter()
        .flat_map(|(path, format)| ingest::read_document(path, *format, u64::MAX).articles)
        .collect()
}

fn bench_extract(c: &mut Criterion) {
    let articles = corpus_articles();
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("corpus", |b| {
        b.iter(|| {
            let n: usize = articles
                .iter()
                .map(|a| extract_claims(black_box(a)).len())
                .sum();
            black_box(n)
        })
    });
    group.finish();
}

criterion_group!(benches, bench_extract);
criterion_main!(benches);
