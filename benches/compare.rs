//! Matching and comparison time as the number of claims grows 10× (stories grow with the
//! corpus; each quantity is reported by about 20 articles). The ratio of the two sizes'
//! times is what BENCHMARKS.md reports: linear growth gives 10×, all-pairs 100×.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use crosscheck::compare::{compare, CompareOptions};
use crosscheck::model::{Attribution, Certainty, Claim, ClaimKind, Frame, Qualifier, Quantity};

/// `n` claims about `n / 20` quantities, with hedges, claimants, two dates and some
/// outliers; deterministic (a small LCG, no external randomness).
pub fn synthetic_claims(n: usize) -> Vec<Claim> {
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) as usize
    };
    let statuses = ["dead", "injured", "missing", "held", "alive", "marched"];
    let claimants = [
        "the ministry",
        "the governor",
        "police",
        "organisers",
        "an NGO",
    ];
    (0..n)
        .map(|i| {
            let story = i / 20;
            let truth = 100.0 + (story % 97) as f64 * 13.0;
            let noisy = next() % 10 == 0;
            let value = if noisy { truth * 1.3 } else { truth };
            let qualifier = [Qualifier::Exact, Qualifier::Approx, Qualifier::AtLeast][next() % 3];
            let (low, high) = match qualifier {
                Qualifier::Approx => (Some(value * 0.95), Some(value * 1.05)),
                Qualifier::AtLeast => (Some(value), None),
                _ => (Some(value), Some(value)),
            };
            let day = 10 + (next() % 2);
            let frame = Frame {
                measure: "people".into(),
                status: statuses[story % statuses.len()].into(),
                place: Some(format!("place-{story}")),
                era: None,
                years_back: None,
                month: None,
            };
            Claim {
                claim_id: format!("c{i}"),
                article_id: format!("a{}", i / 3),
                outlet: Some(format!("Outlet {}", next() % 40)),
                date: Some(format!("2025-05-{day}")),
                kind: ClaimKind::Quantity,
                sentence: format!("Story {story}: {value} people, officials said."),
                span: [0, 3],
                quantity: Some(Quantity {
                    value,
                    qualifier,
                    low,
                    high,
                    unit: Some("people".into()),
                    surface: format!("{value}"),
                }),
                subject: Some("people".into()),
                key: Some(frame.key()),
                attribution: Some(Attribution {
                    source: claimants[next() % claimants.len()].into(),
                    cue: "said".into(),
                    via: None,
                }),
                as_of: None,
                certainty: Certainty::Asserted,
                quote: None,
                status: None,
                location: None,
                as_of_partial: None,
                sentence_start: None,
                story: None,
                frame: Some(frame),
            }
        })
        .collect()
}

fn bench_compare(c: &mut Criterion) {
    let mut group = c.benchmark_group("compare");
    group.sample_size(10);
    for n in [2_000usize, 20_000] {
        let claims = synthetic_claims(n);
        group.bench_with_input(BenchmarkId::from_parameter(n), &claims, |b, claims| {
            b.iter(|| black_box(compare(black_box(claims), &CompareOptions::default())))
        });
    }
    group.finish();
}

criterion_group!(benches, bench_compare);
criterion_main!(benches);
