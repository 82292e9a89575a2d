//! Extraction measured against annotated data: the dev set, quantulum3's test sentences
//! and the sample corpus.

use super::*;

// ---------- dev set scorer ----------
const TIME_UNITS: &[&str] = &[
    "hours",
    "days",
    "weeks",
    "months",
    "years",
    "minutes",
    "seconds",
    "decades",
    "centuries",
    "nights",
];

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1.0)
}

#[test]
fn dev_set_score() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/extraction_dev.jsonl");
    let Ok(data) = std::fs::read_to_string(&path) else {
        println!("skipped: no dev set");
        return;
    };
    println!("dev set: {}", path.display());
    let (mut gold_n, mut ext_n, mut matched, mut qual_ok, mut key_n, mut key_ok) =
        (0, 0, 0, 0, 0, 0);
    let mut ext_matched = 0;
    for (ln, line) in data.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => {
                println!("line {}: bad json: {e}", ln + 1);
                continue;
            }
        };
        let text = v["text"].as_str().unwrap_or("");
        let a = art(text, v["date"].as_str(), v["language"].as_str());
        let claims: Vec<Claim> = extract_claims(&a)
            .into_iter()
            .filter(|c| c.kind == ClaimKind::Quantity)
            .filter(|c| {
                !c.quantity
                    .as_ref()
                    .and_then(|q| q.unit.as_deref())
                    .is_some_and(|u| TIME_UNITS.contains(&u))
            })
            .collect();
        let gold = v["claims"].as_array().cloned().unwrap_or_default();
        ext_n += claims.len();
        gold_n += gold.len();
        let mut used = vec![false; claims.len()];
        let id = v["id"].as_str().unwrap_or("?");
        for g in &gold {
            let gv = g["value"].as_f64().unwrap_or(f64::NAN);
            let pos = claims.iter().enumerate().position(|(k, c)| {
                !used[k] && c.quantity.as_ref().is_some_and(|q| close(q.value, gv))
            });
            match pos {
                Some(k) => {
                    used[k] = true;
                    matched += 1;
                    let q = claims[k]
                        .quantity
                        .as_ref()
                        .map(|q| q.qualifier.as_str())
                        .unwrap_or("");
                    if Some(q) == g["qualifier"].as_str() {
                        qual_ok += 1;
                    } else {
                        println!(
                            "  {id}: qualifier of {gv}: got {q}, gold {}",
                            g["qualifier"]
                        );
                    }
                    if let Some(gk) = g["key"].as_str() {
                        key_n += 1;
                        if claims[k].key.as_deref() == Some(gk) {
                            key_ok += 1;
                        } else {
                            println!("  {id}: key of {gv}: got {:?}, gold {gk}", claims[k].key);
                        }
                    }
                }
                None => println!("  {id}: missed {gv} in {text:?}"),
            }
        }
        for (k, c) in claims.iter().enumerate() {
            if used[k] {
                ext_matched += 1;
            } else {
                println!(
                    "  {id}: spurious {:?}",
                    c.quantity.as_ref().map(|q| &q.surface)
                );
            }
        }
    }
    let p = ext_matched as f64 / ext_n.max(1) as f64;
    let r = matched as f64 / gold_n.max(1) as f64;
    let qa = qual_ok as f64 / matched.max(1) as f64;
    let ka = key_ok as f64 / key_n.max(1) as f64;
    println!("dev: gold {gold_n}, extracted {ext_n}, matched {matched}");
    println!("dev: precision {p:.3} recall {r:.3} qualifier accuracy {qa:.3} key accuracy {ka:.3} ({key_ok}/{key_n})");
    assert!(p >= 0.9 && r >= 0.9 && qa >= 0.9, "below 0.9");
}

// ---------- quantulum3 ----------
#[test]
fn quantulum_recall() {
    let Ok(data) = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/quantities/quantities.json"
    )) else {
        println!("skipped: quantulum data not found");
        return;
    };
    let v: serde_json::Value = serde_json::from_str(&data).expect("quantities.json is JSON");
    let (mut gold, mut found) = (0, 0);
    for case in v.as_array().cloned().unwrap_or_default() {
        let text = case["req"].as_str().unwrap_or("");
        let got: Vec<f64> = parse_quantities(text, None)
            .into_iter()
            .map(|(_, q)| q.value)
            .collect();
        for r in case["res"].as_array().cloned().unwrap_or_default() {
            let gv = r["value"].as_f64().unwrap_or(f64::NAN);
            gold += 1;
            if got.iter().any(|&x| close(x, gv)) {
                found += 1;
            }
        }
    }
    let recall = found as f64 / gold.max(1) as f64;
    println!("quantulum3: value recall {found}/{gold} = {recall:.3}");
    // Measured 0.655 (97/148): the set also counts units, times and ranges we leave out.
    assert!(gold > 100, "the test set was read ({gold} values)");
    assert!(recall >= 0.64, "value recall fell to {recall:.3}");
}

#[test]
#[ignore]
fn quantulum_misses() {
    let data = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/quantities/quantities.json"
    ))
    .unwrap_or_default();
    let v: serde_json::Value = serde_json::from_str(&data).unwrap_or_default();
    for case in v.as_array().cloned().unwrap_or_default() {
        let text = case["req"].as_str().unwrap_or("");
        let got: Vec<f64> = parse_quantities(text, None)
            .into_iter()
            .map(|(_, q)| q.value)
            .collect();
        for r in case["res"].as_array().cloned().unwrap_or_default() {
            let gv = r["value"].as_f64().unwrap_or(f64::NAN);
            if !got.iter().any(|&x| close(x, gv)) {
                println!("MISS {gv} {:?} in {text:?} got {got:?}", r["surface"]);
            }
        }
    }
}

// ---------- corpus scorer ----------
/// Drop trailing administrative words from the location part of a gold key, as the
/// extractor does ("people/dead/valdora-province" → "people/dead/valdora").
fn norm_gold_key(k: &str) -> String {
    let parts: Vec<&str> = k.splitn(3, '/').collect();
    if parts.len() < 3 {
        return k.to_string();
    }
    format!("{}/{}/{}", parts[0], parts[1], subject::slug(parts[2]))
}

fn words_of(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn norm_source(s: &str) -> String {
    s.trim().to_lowercase()
}

#[test]
#[ignore = "diagnostic listing of key/source mismatches; needs a corpus dump (see tests/corpus_accuracy.rs)"]
fn corpus_score() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let arts_path = std::env::var("CORPUS_ARTICLES")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|_| dir.join("corpus_articles.jsonl"));
    let (Ok(arts), Ok(gold)) = (
        std::fs::read_to_string(&arts_path),
        std::fs::read_to_string(dir.join("corpus_gold.jsonl")),
    ) else {
        println!("skipped: no corpus dump at {}", arts_path.display());
        return;
    };
    let gold: Vec<serde_json::Value> = gold
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .filter(|v: &serde_json::Value| v["value"].is_number())
        .collect();
    let (mut gold_n, mut ext_n, mut ext_matched, mut matched) = (0, 0, 0, 0);
    let (mut qual_ok, mut key_n, mut key_ok, mut key_ok_norm) = (0, 0, 0, 0);
    let (mut src_ok, mut asof_ok) = (0, 0);
    for line in arts.lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let gref = v["gold_ref"].as_str().unwrap_or("").to_string();
        let Ok(a) = serde_json::from_value::<Article>(v) else {
            continue;
        };
        let claims: Vec<Claim> = extract_claims(&a)
            .into_iter()
            .filter(|c| c.kind == ClaimKind::Quantity)
            .filter(|c| {
                !c.quantity
                    .as_ref()
                    .and_then(|q| q.unit.as_deref())
                    .is_some_and(|u| TIME_UNITS.contains(&u))
            })
            .collect();
        let mine: Vec<&serde_json::Value> = gold
            .iter()
            .filter(|g| g["article"] == gref.as_str())
            .collect();
        ext_n += claims.len();
        gold_n += mine.len();
        let mut used = vec![false; claims.len()];
        for g in &mine {
            let gv = g["value"].as_f64().unwrap_or(f64::NAN);
            let ex = words_of(g["excerpt"].as_str().unwrap_or(""));
            let best = claims
                .iter()
                .enumerate()
                .filter(|(k, c)| {
                    !used[*k] && c.quantity.as_ref().is_some_and(|q| close(q.value, gv))
                })
                .max_by_key(|(k, c)| {
                    let sw = words_of(&c.sentence);
                    let hit = ex.iter().filter(|w| sw.contains(w)).count();
                    (hit, usize::MAX - k)
                })
                .map(|(k, _)| k);
            let Some(k) = best else {
                println!("  {gref}: missed {gv} ({})", g["excerpt"]);
                continue;
            };
            used[k] = true;
            matched += 1;
            let c = &claims[k];
            let q = c
                .quantity
                .as_ref()
                .map(|q| q.qualifier.as_str())
                .unwrap_or("");
            if Some(q) == g["qualifier"].as_str() {
                qual_ok += 1;
            } else {
                println!(
                    "  {gref}: qualifier of {gv}: got {q}, gold {}",
                    g["qualifier"]
                );
            }
            if let Some(gk) = g["key"].as_str() {
                key_n += 1;
                let got = c.key.as_deref().unwrap_or("-");
                if got == gk {
                    key_ok += 1;
                }
                if got == norm_gold_key(gk) {
                    key_ok_norm += 1;
                } else {
                    println!("  KEY {gv}: got {got}, gold {gk}   | {}", c.sentence);
                }
            }
            let gs = g["source"].as_str().map(norm_source);
            let cs = c.attribution.as_ref().map(|x| norm_source(&x.source));
            if gs == cs {
                src_ok += 1;
            } else {
                println!("  SRC {gv}: got {cs:?}, gold {gs:?}   | {}", c.sentence);
            }
            if g["as_of"].as_str() == c.as_of.as_deref() {
                asof_ok += 1;
            } else {
                println!(
                    "  ASOF {gv}: got {:?}, gold {}   | {}",
                    c.as_of, g["as_of"], c.sentence
                );
            }
        }
        for (k, c) in claims.iter().enumerate() {
            if used[k] {
                ext_matched += 1;
            } else {
                println!(
                    "  {gref}: spurious {:?} key {:?}",
                    c.quantity.as_ref().map(|q| &q.surface),
                    c.key
                );
            }
        }
    }
    let p = ext_matched as f64 / ext_n.max(1) as f64;
    let r = matched as f64 / gold_n.max(1) as f64;
    let qa = qual_ok as f64 / matched.max(1) as f64;
    let ka = key_ok as f64 / key_n.max(1) as f64;
    let kn = key_ok_norm as f64 / key_n.max(1) as f64;
    let sa = src_ok as f64 / matched.max(1) as f64;
    let aa = asof_ok as f64 / matched.max(1) as f64;
    println!("corpus: gold {gold_n}, extracted {ext_n}, matched {matched}");
    println!(
        "corpus: precision {p:.3} recall {r:.3} qualifier {qa:.3} key {ka:.3} ({key_ok}/{key_n}) \
         key with place normalisation {kn:.3} ({key_ok_norm}/{key_n}) source {sa:.3} ({src_ok}/{matched}) as_of {aa:.3}"
    );
}

#[test]
fn places_under_other_names_are_one_slug() {
    let check = |name: &str, expected: &str| assert_eq!(subject::slug(name), expected, "{name}");
    check("Burma", "myanmar");
    check("Myanmar", "myanmar");
    check("the UK", "united-kingdom");
    check("Gaza Strip", "gaza");
    check("Lahaina", "lahaina");
}
