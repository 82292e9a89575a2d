use super::*;
use proptest::prelude::*;

/// Small deterministic generator (xorshift) so tests need no extra crate.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> f64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Planted world: `accs.len()` independent sources with the given accuracies, each
/// answering `coverage` of `objects` objects (truth 1000+i, wrong values drawn from 5
/// alternatives), plus copiers that copy source 0's value 90% of the time. Also one
/// source seen on just two objects.
fn world(accs: &[f64], copiers: usize, objects: usize, seed: u64) -> Vec<Observation> {
    let mut rng = Rng(seed);
    let mut obs = Vec::new();
    for o in 0..objects {
        let truth = 1000.0 + o as f64;
        let object = format!("obj{o}");
        let mut first = None;
        for (s, &a) in accs.iter().enumerate() {
            if rng.next() > 0.8 {
                continue;
            }
            let v = if rng.next() < a {
                truth
            } else {
                truth + 100.0 * (1.0 + (rng.next() * 5.0).floor())
            };
            if s == 0 {
                first = Some(v);
            }
            obs.push(Observation::new(
                &format!("s{s:02}"),
                &object,
                Value::Num(v),
            ));
        }
        for c in 0..copiers {
            let v = match first {
                Some(v) if rng.next() < 0.9 => v,
                _ if rng.next() < 0.5 => truth,
                _ => truth + 700.0,
            };
            obs.push(Observation::new(
                &format!("copier{c}"),
                &object,
                Value::Num(v),
            ));
        }
        if o < 2 {
            obs.push(Observation::new("rare", &object, Value::Num(truth)));
        }
    }
    obs
}

fn ranks(x: &[f64]) -> Vec<f64> {
    let mut idx: Vec<usize> = (0..x.len()).collect();
    idx.sort_by(|&a, &b| x[a].total_cmp(&x[b]));
    let mut r = vec![0.0; x.len()];
    let mut i = 0;
    while i < idx.len() {
        let mut j = i;
        while j + 1 < idx.len() && x[idx[j + 1]] == x[idx[i]] {
            j += 1;
        }
        for &k in &idx[i..=j] {
            r[k] = (i + j) as f64 / 2.0;
        }
        i = j + 1;
    }
    r
}

fn spearman(a: &[f64], b: &[f64]) -> f64 {
    let (ra, rb) = (ranks(a), ranks(b));
    let n = a.len() as f64;
    let (ma, mb) = (ra.iter().sum::<f64>() / n, rb.iter().sum::<f64>() / n);
    let cov: f64 = ra.iter().zip(&rb).map(|(x, y)| (x - ma) * (y - mb)).sum();
    let va: f64 = ra.iter().map(|x| (x - ma).powi(2)).sum();
    let vb: f64 = rb.iter().map(|y| (y - mb).powi(2)).sum();
    cov / (va * vb).sqrt()
}

const ACCS: [f64; 10] = [0.35, 0.95, 0.9, 0.85, 0.8, 0.7, 0.6, 0.5, 0.45, 0.4];

#[test]
fn planted_ranking_is_recovered_and_copiers_detected() {
    let obs = world(&ACCS, 2, 400, 0x5eed);
    let d = discover(&obs, &Params::default());
    let est: Vec<f64> = (0..ACCS.len())
        .map(|s| {
            let name = format!("s{s:02}");
            d.sources
                .iter()
                .find(|x| x.name == name)
                .map_or(f64::NAN, |x| x.reliability)
        })
        .collect();
    let rho = spearman(&ACCS, &est);
    println!("planted {ACCS:?}\nestimated {est:?}\nSpearman {rho:.3}");
    assert!(rho >= 0.9, "Spearman {rho}");
    for c in ["copier0", "copier1"] {
        let s = d.sources.iter().find(|x| x.name == c).unwrap();
        assert!(
            s.copies.iter().any(|(n, _)| n == "s00"),
            "{c} copies not found: {:?}",
            s.copies
        );
        assert!(s.explanation.contains("Likely copies"), "{}", s.explanation);
    }
    // No false copy report between independent good sources.
    let s01 = d.sources.iter().find(|x| x.name == "s01").unwrap();
    assert!(
        s01.copies.iter().all(|(n, _)| !n.starts_with('s')),
        "{:?}",
        s01.copies
    );
}

#[test]
fn little_evidence_is_not_certain() {
    let obs = world(&ACCS, 0, 200, 7);
    let d = discover(&obs, &Params::default());
    let rare = d.sources.iter().find(|x| x.name == "rare").unwrap();
    let best = d.sources.iter().find(|x| x.name == "s01").unwrap();
    println!(
        "rare: {} [{:.2}, {:.2}]",
        rare.reliability, rare.low, rare.high
    );
    assert_eq!(rare.claims, 2);
    assert!(rare.high - rare.low > 0.4, "{rare:?}");
    assert!(best.high - best.low < 0.15, "{best:?}");
    assert!(rare.reliability < best.reliability);
    assert!(rare.explanation.contains("Little evidence"));
}

#[test]
fn interval_compatibility() {
    let mut hedged = Observation::new("a", "x", Value::Num(50.0));
    hedged.low = Some(45.0);
    hedged.high = Some(55.0);
    assert!(hedged.allows(&Value::Num(48.0)));
    assert!(hedged.allows(&Value::Num(55.0)));
    assert!(!hedged.allows(&Value::Num(56.0)));
    let mut at_least = Observation::new("a", "x", Value::Num(100.0));
    at_least.low = Some(100.0);
    assert!(at_least.allows(&Value::Num(1e6)));
    assert!(!at_least.allows(&Value::Num(99.0)));
    let exact = Observation::new("a", "x", Value::Num(48.0));
    assert!(exact.allows(&Value::Num(48.0)));
    assert!(!exact.allows(&Value::Num(48.5)));
    assert!(!hedged.allows(&Value::Text("48".into())));
    let p = Params::default();
    assert_eq!(support_share(&hedged, &Value::Num(46.0), &p), 1.0);
    assert!(support_share(&exact, &Value::Num(48.2), &p) > 0.0);

    // A hedged claim whose interval holds the truth is not conflicted.
    let mut obs = vec![
        Observation::new("b", "x", Value::Num(48.0)),
        Observation::new("c", "x", Value::Num(48.0)),
        hedged,
    ];
    obs.push(Observation::new("d", "x", Value::Num(90.0)));
    let d = discover(&obs, &p);
    assert_eq!(d.truths[0].value, Some(Value::Num(48.0)));
    let a = d.sources.iter().find(|s| s.name == "a").unwrap();
    assert_eq!((a.agreed, a.conflicted), (1, 0));
    assert!(d.truths[0].support.contains(&"a".to_string()));
}

#[test]
fn older_figures_are_not_errors_and_relays_count_once() {
    let mut old = Observation::new("early", "toll", Value::Num(10.0));
    old.date = Some("2024-01-01".into());
    let mut newer = Observation::new("late", "toll", Value::Num(25.0));
    newer.date = Some("2024-01-05".into());
    let mut newer2 = Observation::new("late2", "toll", Value::Num(25.0));
    newer2.date = Some("2024-01-05".into());
    let d = discover(&[old, newer, newer2], &Params::default());
    assert_eq!(d.truths.len(), 1);
    assert_eq!(d.truths[0].value, Some(Value::Num(25.0)));
    let early = d.sources.iter().find(|s| s.name == "early").unwrap();
    assert_eq!(early.conflicted, 0);

    // Three outlets relaying one claimant do not outvote two independent sources.
    let mut obs = Vec::new();
    for o in ["o1", "o2", "o3"] {
        let mut x = Observation::new(o, "k", Value::Num(7.0));
        x.relayed_from = Some("the ministry".into());
        obs.push(x);
    }
    obs.push(Observation::new("i1", "k", Value::Num(9.0)));
    obs.push(Observation::new("i2", "k", Value::Num(9.0)));
    let d = discover(&obs, &Params::default());
    assert_eq!(d.truths[0].value, Some(Value::Num(9.0)));
    let r = crate::reliability::report(d);
    let o1 = r.sources.iter().find(|s| s.outlet == "o1").unwrap();
    assert_eq!(o1.attributed_share, 1.0);
    let m = r
        .sources
        .iter()
        .find(|s| s.outlet == "the ministry")
        .unwrap();
    assert_eq!(m.kind, "claimant");
}

fn arb_obs() -> impl Strategy<Value = Vec<Observation>> {
    prop::collection::vec((0u8..6, 0u8..8, 0u8..4, any::<bool>()), 1..60).prop_map(|v| {
        v.into_iter()
            .map(|(s, o, x, text)| {
                let value = if text {
                    Value::Text(format!("v{x}"))
                } else {
                    Value::Num(f64::from(x) * 10.0)
                };
                Observation::new(&format!("s{s}"), &format!("o{o}"), value)
            })
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn reliabilities_in_unit_interval_and_order_free(obs in arb_obs(), seed in any::<u64>()) {
        let p = Params::default();
        let a = discover(&obs, &p);
        for s in &a.sources {
            prop_assert!((0.0..=1.0).contains(&s.reliability));
            prop_assert!(s.low <= s.reliability && s.reliability <= s.high);
            prop_assert!(s.low >= 0.0 && s.high <= 1.0);
        }
        let mut shuffled = obs.clone();
        let mut rng = Rng(seed | 1);
        for i in (1..shuffled.len()).rev() {
            let j = (rng.next() * (i + 1) as f64) as usize;
            shuffled.swap(i, j.min(i));
        }
        let b = discover(&shuffled, &p);
        prop_assert_eq!(crate::reliability::report(a), crate::reliability::report(b));
    }
}
