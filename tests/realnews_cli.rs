//! crosscheck on real news it was not written with (`../shared/data/realnews/`): the
//! corpus is indexed through the CLI, and the data's own scorer (`score.py`, the one the
//! held-out measurement uses) reads `claims`, `compare` and `stories` output. Every figure is
//! printed; each is held at the level measured when it was last improved, so a change that
//! loses ground fails. (The targets are higher; see the closing notes.) Skipped, with
//! a message, where the data or python3 is missing.

mod common;

use std::collections::HashMap;
use std::process::Command;

use common::{shared, text, Workspace};

/// Measured on 2026-11-28 (twelfth session: inverted subjects that close their clause,
/// headline claimants, a forecast's verbs, "give" with a toll): value recall .923,
/// precision .929, attribution .781, matching .706, discrepancy recall .696, speaker .811,
/// same-statement .772, story F1 .938. The floor each figure is held to, a little under
/// what was measured.
const FLOORS: &[(&str, f64)] = &[
    ("value recall", 0.91),
    ("value precision", 0.915),
    ("qualifier", 0.97),
    ("attribution", 0.77),
    ("matching F1", 0.70),
    ("discrepancy recall", 0.71),
    ("quotes recall", 0.86),
    ("speaker", 0.78),
    ("same-statement F1", 0.76),
    ("story F1", 0.92),
];
/// False alarms are held below this.
const MAX_FALSE_ALARMS: f64 = 0.03;

/// `key=value` numbers out of the scorer's lines.
fn figures(report: &str) -> HashMap<String, f64> {
    let mut out = HashMap::new();
    let mut put = |name: &str, line: &str, field: &str| {
        let Some(at) = line.find(&format!("{field}=")) else {
            return;
        };
        let rest = &line[at + field.len() + 1..];
        let number: String = rest
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '.')
            .collect();
        if let Ok(value) = number.parse() {
            out.insert(name.to_owned(), value);
        }
    };
    for line in report.lines() {
        if line.starts_with("extraction:") {
            put("value recall", line, "recall");
            put("value precision", line, "precision");
        } else if line.starts_with("qualifier_acc") {
            put("qualifier", line, "qualifier_acc");
            put("attribution", line, "attribution_recall");
        } else if line.starts_with("matching:") {
            put("matching F1", line, "F1");
        } else if line.starts_with("discrepancies:") {
            put("discrepancy recall", line, "recall");
            put("false alarms", line, "false_alarms");
        } else if line.starts_with("quotes:") {
            put("quotes recall", line, "recall");
            put("speaker", line, "speaker_acc");
            put("same-statement F1", line, "F1");
        } else if line.starts_with("stories:") {
            put("story F1", line, "F1");
        }
    }
    out
}

#[test]
fn figures_on_real_news_hold() {
    let Some(folder) = shared("data/realnews") else {
        println!("skipped: ../shared/data/realnews not found");
        return;
    };
    let scorer = folder.join("score.py");
    let ws = Workspace::new();
    let corpus = ws.path("realnews.jsonl");
    let converted = Command::new("python3")
        .arg(&scorer)
        .arg("to-jsonl")
        .arg(&corpus)
        .output();
    match converted {
        Ok(out) if out.status.success() => {}
        _ => {
            println!("skipped: python3 cannot run {}", scorer.display());
            return;
        }
    }
    let out = ws.run(&["index", corpus.to_str().unwrap_or_default()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    for (args, file) in [
        (&["claims", "--format", "jsonl"][..], "claims.jsonl"),
        (&["compare", "--format", "json"][..], "compare.json"),
        (&["stories", "--format", "jsonl"][..], "stories.jsonl"),
    ] {
        let out = ws.run(args);
        assert!(out.status.success(), "{}", text(&out.stderr));
        std::fs::write(ws.path(file), &out.stdout).expect("write output");
    }
    let scored = Command::new("python3")
        .arg(&scorer)
        .arg("score")
        .arg(ws.path("claims.jsonl"))
        .arg(ws.path("compare.json"))
        .arg(ws.path("stories.jsonl"))
        .output()
        .expect("run score.py");
    assert!(scored.status.success(), "{}", text(&scored.stderr));
    let report = text(&scored.stdout);
    println!("{report}");
    let got = figures(&report);
    let mut failures = Vec::new();
    for (name, floor) in FLOORS {
        match got.get(*name) {
            Some(value) if value >= floor => {}
            Some(value) => failures.push(format!("{name} {value:.3} below {floor}")),
            None => failures.push(format!("{name} not in the scorer's output")),
        }
    }
    match got.get("false alarms") {
        Some(value) if *value <= MAX_FALSE_ALARMS => {}
        other => failures.push(format!("false alarms {other:?} above {MAX_FALSE_ALARMS}")),
    }
    assert!(failures.is_empty(), "{failures:?}\n{report}");
}
