//! Accuracy on the annotated sample corpus (tests/data/corpus_*.jsonl): extraction
//! precision/recall/qualifier accuracy, matching pairwise precision/recall, discrepancy
//! recall and false-alarm rate, internal-consistency findings. Figures are printed and held
//! to the thresholds of the issues.

mod common;

use std::collections::{BTreeSet, HashMap, HashSet};

use common::gold::{load_corpus, matched_gold, read_jsonl, Corpus};
use crosscheck::compare::{compare, CompareOptions};
use crosscheck::matching::group_claims;
use crosscheck::model::{ClaimKind, DiscrepancyType};
use serde_json::Value;

fn is_duration(unit: Option<&str>) -> bool {
    matches!(
        unit,
        Some("hours" | "days" | "weeks" | "months" | "years" | "minutes" | "seconds")
    )
}

#[test]
fn extraction_on_the_corpus() {
    let corpus = load_corpus();
    let matched = matched_gold(&corpus);
    let quantity_gold: Vec<&(Value, Option<usize>)> = matched
        .iter()
        .filter(|(g, _)| g.get("value").is_some())
        .collect();
    let found = quantity_gold.iter().filter(|(_, m)| m.is_some()).count();
    let recall = found as f64 / quantity_gold.len() as f64;
    let matched_ids: HashSet<usize> = matched.iter().filter_map(|(_, m)| *m).collect();
    let extracted: Vec<usize> = (0..corpus.claims.len())
        .filter(|&i| corpus.claims[i].kind == ClaimKind::Quantity)
        .filter(|&i| {
            !is_duration(
                corpus.claims[i]
                    .quantity
                    .as_ref()
                    .and_then(|q| q.unit.as_deref()),
            )
        })
        .collect();
    let true_positives = extracted.iter().filter(|i| matched_ids.contains(i)).count();
    let precision = true_positives as f64 / extracted.len().max(1) as f64;
    let qualifier_right = quantity_gold
        .iter()
        .filter_map(|(g, m)| Some((g, corpus.claims[(*m)?].quantity.as_ref()?)))
        .filter(|(g, q)| g["qualifier"].as_str() == Some(q.qualifier.as_str()))
        .count();
    let qualifier_accuracy = qualifier_right as f64 / found.max(1) as f64;
    let key_right = quantity_gold
        .iter()
        .filter_map(|(g, m)| Some((g, corpus.claims[(*m)?].key.as_deref())))
        .filter(|(g, key)| g["key"].as_str() == *key)
        .count();
    let quotes: Vec<&(Value, Option<usize>)> = matched
        .iter()
        .filter(|(g, _)| g.get("quote_text").is_some())
        .collect();
    let quotes_found = quotes.iter().filter(|(_, m)| m.is_some()).count();
    println!(
        "corpus extraction: {} gold quantities, {} extracted; precision {precision:.3}, recall {recall:.3}, qualifier accuracy {qualifier_accuracy:.3}, key accuracy {:.3}; quotes found {quotes_found}/{}",
        quantity_gold.len(),
        extracted.len(),
        key_right as f64 / found.max(1) as f64,
        quotes.len()
    );
    for (g, m) in &quantity_gold {
        if m.is_none() {
            println!(
                "  missed: {} {} in {}",
                g["value"], g["excerpt"], g["article"]
            );
        }
    }
    for &i in &extracted {
        if !matched_ids.contains(&i) {
            let c = &corpus.claims[i];
            println!(
                "  spurious: {:?} in {:?}",
                c.quantity.as_ref().map(|q| q.surface.as_str()),
                c.sentence
            );
        }
    }
    assert!(precision >= 0.9, "precision {precision:.3} < 0.9");
    assert!(recall >= 0.9, "recall {recall:.3} < 0.9");
    assert!(
        qualifier_accuracy >= 0.9,
        "qualifier accuracy {qualifier_accuracy:.3} < 0.9"
    );
}

/// Gold claim references of corpus_discrepancies.jsonl resolved to extracted claim ids.
fn resolve(corpus: &Corpus, matched: &[(Value, Option<usize>)], side: &Value) -> Option<String> {
    let article = side["article"].as_str()?;
    matched
        .iter()
        .filter(|(g, _)| g["article"].as_str() == Some(article))
        .find(|(g, _)| match (side.get("value"), side.get("quote_text")) {
            (Some(v), _) if v.is_number() => {
                g["value"].as_f64() == v.as_f64()
                    && side.get("excerpt").and_then(Value::as_str).is_none_or(|e| {
                        g["excerpt"].as_str() == Some(e) || side.get("qualifier").is_none()
                    })
            }
            (_, Some(q)) => g["quote_text"] == *q,
            _ => false,
        })
        .or_else(|| {
            matched
                .iter()
                .filter(|(g, _)| g["article"].as_str() == Some(article))
                .find(|(g, _)| {
                    side.get("value").and_then(Value::as_f64).is_some()
                        && g["value"].as_f64() == side["value"].as_f64()
                })
        })
        .and_then(|(_, m)| m.map(|i| corpus.claims[i].claim_id.clone()))
}

#[test]
fn matching_and_comparison_on_the_corpus() {
    let corpus = load_corpus();
    let matched = matched_gold(&corpus);

    // Pairwise matching precision / recall over the gold claims that were extracted.
    let groups = group_claims(&corpus.claims);
    let mut predicted: HashMap<usize, usize> = HashMap::new();
    for (g, group) in groups.iter().enumerate() {
        for &i in &group.members {
            predicted.insert(i, g);
        }
    }
    let labelled: Vec<(usize, &str)> = matched
        .iter()
        .filter_map(|(g, m)| Some(((*m)?, g["cluster"].as_str()?)))
        .collect();
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for (n, &(i, ci)) in labelled.iter().enumerate() {
        for &(j, cj) in &labelled[n + 1..] {
            let gold_same = ci == cj;
            let pred_same =
                matches!((predicted.get(&i), predicted.get(&j)), (Some(a), Some(b)) if a == b);
            match (gold_same, pred_same) {
                (true, true) => tp += 1,
                (false, true) => fp += 1,
                (true, false) => fn_ += 1,
                _ => {}
            }
        }
    }
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fn_).max(1) as f64;

    // Discrepancies: gold pairs found with the right type; predicted ones not in gold.
    // A discrepancy stands for every pair of one claim of each side from different
    // articles; `pairs` says how many.
    let comparison = compare(&corpus.claims, &CompareOptions::default());
    let article_of: HashMap<&str, &str> = corpus
        .claims
        .iter()
        .map(|c| (c.claim_id.as_str(), c.article_id.as_str()))
        .collect();
    let expand = |d: &crosscheck::model::Discrepancy| -> Vec<(String, String)> {
        let mut out = Vec::new();
        for a in d.a_claims.iter() {
            for b in d.b_claims.iter() {
                if article_of.get(a.as_str()) != article_of.get(b.as_str()) {
                    out.push(if a < b {
                        (a.clone(), b.clone())
                    } else {
                        (b.clone(), a.clone())
                    });
                }
            }
        }
        assert_eq!(out.len(), d.pairs, "pairs of {}", d.explanation);
        assert!(d.a_claims.first() == Some(&d.a) && d.b_claims.first() == Some(&d.b));
        out
    };
    let mut predicted_pairs: HashMap<(String, String), DiscrepancyType> = HashMap::new();
    for cluster in &comparison.clusters {
        for d in &cluster.discrepancies {
            for key in expand(d) {
                predicted_pairs.insert(key, d.kind);
            }
        }
    }
    // The gold lists every pair of incompatible figures; an update is reported only
    // between consecutive dates of a cluster (the steps of its timeline), so a gold update
    // between dates with another annotated date of the same cluster between them is implied
    // by the steps: not expected, and not a false alarm if reported.
    let mut cluster_dates: HashMap<String, BTreeSet<String>> = HashMap::new();
    for line in read_jsonl("tests/data/corpus_gold.jsonl") {
        if let (Some(cluster), Some(date)) = (line["cluster"].as_str(), line["as_of"].as_str()) {
            cluster_dates
                .entry(cluster.to_owned())
                .or_default()
                .insert(date.to_owned());
        }
    }
    let is_step = |line: &serde_json::Value| {
        let (Some(x), Some(y)) = (line["a"]["as_of"].as_str(), line["b"]["as_of"].as_str()) else {
            return true;
        };
        let (x, y) = if x <= y { (x, y) } else { (y, x) };
        let between = cluster_dates
            .get(line["cluster"].as_str().unwrap_or(""))
            .map_or(0, |dates| {
                dates
                    .iter()
                    .filter(|d| x < d.as_str() && d.as_str() < y)
                    .count()
            });
        between == 0
    };
    let mut gold = read_jsonl("tests/data/corpus_discrepancies.jsonl");
    let annotated = gold.len();
    let implied: Vec<serde_json::Value> = gold
        .iter()
        .filter(|line| line["type"] == "update" && !is_step(line))
        .cloned()
        .collect();
    gold.retain(|line| line["type"] != "update" || is_step(line));
    println!(
        "gold discrepancies: {annotated} annotated, {} updates implied by the timeline steps, {} expected",
        implied.len(),
        gold.len()
    );
    let mut found = 0;
    let mut gold_pairs = HashSet::new();
    for line in &implied {
        if let (Some(a), Some(b)) = (
            resolve(&corpus, &matched, &line["a"]),
            resolve(&corpus, &matched, &line["b"]),
        ) {
            gold_pairs.insert(if a < b { (a, b) } else { (b, a) });
        }
    }
    for line in &gold {
        let a = resolve(&corpus, &matched, &line["a"]);
        let b = resolve(&corpus, &matched, &line["b"]);
        let kind = line["type"].as_str().unwrap_or("");
        let (Some(a), Some(b)) = (a, b) else {
            println!("  gold discrepancy not extracted: {}", line["why"]);
            continue;
        };
        let key = if a < b { (a, b) } else { (b, a) };
        gold_pairs.insert(key.clone());
        match predicted_pairs.get(&key) {
            Some(t) if t.as_str() == kind => found += 1,
            Some(t) => println!("  wrong type {} (gold {kind}): {}", t.as_str(), line["why"]),
            None => println!("  missed {kind}: {}", line["why"]),
        }
    }
    let discrepancy_recall = found as f64 / gold.len() as f64;
    let false_alarms = predicted_pairs
        .keys()
        .filter(|k| !gold_pairs.contains(*k))
        .count();
    let false_alarm_rate = false_alarms as f64 / predicted_pairs.len().max(1) as f64;
    let by_id: HashMap<&str, &crosscheck::model::Claim> = corpus
        .claims
        .iter()
        .map(|c| (c.claim_id.as_str(), c))
        .collect();
    for cluster in &comparison.clusters {
        for d in &cluster.discrepancies {
            if expand(d).iter().any(|key| !gold_pairs.contains(key)) {
                let _ = &by_id;
                println!("  false alarm {}: {}", d.kind.as_str(), d.explanation);
            }
        }
    }
    println!(
        "corpus matching: pairwise precision {precision:.3}, recall {recall:.3} ({} labelled claims); discrepancies: recall {discrepancy_recall:.3} ({found}/{}), false-alarm rate {false_alarm_rate:.3} ({false_alarms}/{})",
        labelled.len(),
        gold.len(),
        predicted_pairs.len()
    );

    // Internal inconsistencies: every gold article flagged.
    let internal_gold = read_jsonl("tests/data/corpus_internal.jsonl");
    for line in &internal_gold {
        let id = corpus
            .refs
            .get(line["article"].as_str().unwrap_or(""))
            .cloned()
            .unwrap_or_default();
        assert!(
            comparison.internal.iter().any(|f| f.article_id == id),
            "internal inconsistency not found: {}",
            line["why"]
        );
    }
    let flagged: HashSet<&str> = comparison
        .internal
        .iter()
        .map(|f| f.article_id.as_str())
        .collect();
    let gold_ids: HashSet<String> = internal_gold
        .iter()
        .filter_map(|l| {
            corpus
                .refs
                .get(l["article"].as_str().unwrap_or(""))
                .cloned()
        })
        .collect();
    let extra: Vec<&&str> = flagged
        .iter()
        .filter(|id| !gold_ids.contains(**id))
        .collect();
    println!(
        "internal: {} articles flagged, {} in gold, {} flagged wrongly",
        flagged.len(),
        internal_gold.len(),
        extra.len()
    );
    assert!(
        extra.is_empty(),
        "articles flagged as inconsistent that are not: {extra:?}"
    );

    assert!(precision >= 0.9, "matching precision {precision:.3} < 0.9");
    assert!(recall >= 0.9, "matching recall {recall:.3} < 0.9");
    assert!(
        discrepancy_recall >= 0.9,
        "discrepancy recall {discrepancy_recall:.3} < 0.9"
    );
    assert!(
        false_alarm_rate <= 0.1,
        "false-alarm rate {false_alarm_rate:.3} > 0.1"
    );
}

#[test]
#[ignore = "diagnostic listing, run by hand"]
fn list_key_differences() {
    let corpus = load_corpus();
    for (g, m) in matched_gold(&corpus) {
        let Some(i) = m else { continue };
        let c = &corpus.claims[i];
        if g.get("value").is_some() && g["key"].as_str() != c.key.as_deref() {
            println!(
                "{:<32} got {:<34} as_of {:?}/{:?} src {:?}/{:?} | {}",
                g["key"].as_str().unwrap_or(""),
                c.key.as_deref().unwrap_or("-"),
                g["as_of"].as_str(),
                c.as_of,
                g["source"].as_str(),
                c.attribution.as_ref().map(|a| a.source.as_str()),
                g["excerpt"].as_str().unwrap_or("")
            );
        }
    }
}

#[test]
#[ignore = "writes the parsed corpus to $CORPUS_DUMP for tools outside the crate"]
fn dump_corpus_articles() {
    let Ok(path) = std::env::var("CORPUS_DUMP") else {
        return;
    };
    let corpus = load_corpus();
    let mut out = String::new();
    for article in &corpus.articles {
        let gold_ref = corpus
            .refs
            .iter()
            .find(|(_, id)| **id == article.id)
            .map(|(r, _)| r.clone());
        let mut value = serde_json::to_value(article).unwrap_or_default();
        value["gold_ref"] = serde_json::json!(gold_ref);
        out.push_str(&value.to_string());
        out.push('\n');
    }
    std::fs::write(path, out).unwrap_or_default();
}
