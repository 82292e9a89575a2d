//! End-to-end runs of `crosscheck sources`, on a claims table and on an index.

mod common;

use common::{text, Workspace};
use serde_json::Value;

#[test]
fn claims_table_with_a_bad_row() {
    let ws = Workspace::new();
    let mut rows = String::from("source,object,value,qualifier,low,high,date\n");
    // Three careful sources agree on every object; one sloppy source is always off.
    for object in ["a", "b", "c", "d", "e", "f"] {
        for source in ["ministry", "governor", "hospital"] {
            rows.push_str(&format!("{source},{object},100,,,,2025-05-01\n"));
        }
        rows.push_str(&format!("rumour,{object},250,,,,2025-05-01\n"));
    }
    rows.push_str("ngo,a,90,at_least,90,,2025-05-01\n");
    rows.push_str("broken row without enough columns\n");
    ws.write("claims.csv", &rows);
    let out = ws.run(&["sources", "--claims", "claims.csv", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "a rejected row means exit 1");
    let err = text(&out.stderr);
    assert!(
        err.contains("claims.csv:27"),
        "the bad row is named with its line: {err}"
    );
    let report: Value = serde_json::from_slice(&out.stdout).expect("json");
    let sources = report["sources"].as_array().expect("sources");
    for s in sources {
        for field in [
            "outlet",
            "kind",
            "reliability",
            "claims",
            "agreed",
            "conflicted",
            "attributed_share",
            "explanation",
        ] {
            assert!(s.get(field).is_some(), "missing {field}");
        }
        let r = s["reliability"].as_f64().unwrap_or(-1.0);
        assert!((0.0..=1.0).contains(&r));
    }
    let reliability = |name: &str| {
        sources
            .iter()
            .find(|s| s["outlet"] == name)
            .and_then(|s| s["reliability"].as_f64())
            .unwrap_or(f64::NAN)
    };
    assert!(reliability("ministry") > reliability("rumour"));
    let ngo = sources.iter().find(|s| s["outlet"] == "ngo").expect("ngo");
    assert!(
        ngo["reliability_high"].as_f64().unwrap_or(0.0)
            - ngo["reliability_low"].as_f64().unwrap_or(1.0)
            > 0.3,
        "a source seen once is not rated with certainty: {ngo}"
    );
    let truths = report["truths"].as_array().expect("truths");
    assert_eq!(truths.len(), 6);
    assert!(truths.iter().all(|t| t["value"] == 100.0), "{truths:?}");

    ws.write(
        "claims.tsv",
        "source\tobject\tvalue\nx\tq\t7:10 a.m.\ny\tq\t7:10am\nz\tq\t8:00 a.m.\n",
    );
    let out = ws.run(&["sources", "--claims", "claims.tsv", "--format", "json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let report: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(
        report["truths"][0]["value"], "7:10 a.m.",
        "times are normalised: {report}"
    );

    let out = ws.run(&["sources", "--claims", "missing.csv"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("missing.csv"));
}

#[test]
fn sources_from_the_index() {
    let ws = Workspace::new();
    let articles = [
        (
            "a",
            "Harbour Post",
            "Floods in Valdora killed 130 people, the governor said on Monday.",
        ),
        (
            "b",
            "Valley Courier",
            "The governor said 130 people were killed by the floods in Valdora.",
        ),
        (
            "c",
            "Wire Desk",
            "The governor said 160 people were killed by the floods in Valdora.",
        ),
        (
            "d",
            "Evening Lantern",
            "The health ministry said 130 people were killed by the floods in Valdora.",
        ),
    ];
    let body: Vec<String> = articles
        .iter()
        .map(|(id, outlet, text)| {
            serde_json::json!({"id": id, "outlet": outlet, "date": "2025-03-03", "text": text})
                .to_string()
        })
        .collect();
    ws.write("c/flood.jsonl", body.join("\n"));
    assert!(ws.run(&["index", "c"]).status.success());
    let out = ws.run(&["sources", "--format", "json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let report: Value = serde_json::from_slice(&out.stdout).expect("json");
    let sources = report["sources"].as_array().expect("sources");
    let find = |name: &str| {
        sources.iter().find(|s| {
            s["outlet"]
                .as_str()
                .is_some_and(|o| o.eq_ignore_ascii_case(name))
        })
    };
    let governor = find("the governor").expect("the governor is a claimant");
    assert_eq!(governor["kind"], "claimant");
    let wire = find("Wire Desk").expect("Wire Desk");
    let courier = find("Valley Courier").expect("Valley Courier");
    assert_eq!(wire["kind"], "outlet");
    assert!(
        wire["reliability"].as_f64() < courier["reliability"].as_f64(),
        "the outlet whose version of the governor's figure differs from the others' relays less faithfully: {wire} vs {courier}"
    );
    assert!(wire["explanation"]
        .as_str()
        .unwrap_or("")
        .contains("Relaying"));
    let shown = text(&ws.run(&["sources"]).stdout);
    assert!(shown.contains("Wire Desk"), "{shown}");
}
