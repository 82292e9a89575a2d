//! Robustness: crash safety under SIGKILL, readers during a write, a second writer, and
//! hostile input files.

mod common;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{text, Workspace};
use serde_json::Value;

const BATCH: usize = 500;

/// `n` small articles with a few figures each, in JSON Lines files of 1000 lines.
fn write_corpus(ws: &Workspace, folder: &str, n: usize) {
    let outlets = [
        "Harbour Post",
        "Valley Courier",
        "Wire Desk",
        "Evening Lantern",
        "Port Signal",
    ];
    let places = [
        "Valdora",
        "Port Elin",
        "Merrow",
        "Lusk",
        "Tarn Hollow",
        "Kerevia",
    ];
    let mut file = String::new();
    for i in 0..n {
        let place = places[i % places.len()];
        let body = format!(
            "Floods in {place} have killed {} people, the health ministry said on Tuesday. About {} residents were evacuated and at least {} remain missing, officials said. Story number {i}.",
            10 + i % 90,
            100 + (i * 7) % 900,
            1 + i % 20
        );
        file.push_str(
            &serde_json::json!({
                "id": format!("{folder}-{i:06}"),
                "outlet": outlets[i % outlets.len()],
                "date": format!("2025-05-{:02}", 1 + i % 28),
                "title": format!("Flood update {i}"),
                "text": body,
            })
            .to_string(),
        );
        file.push('\n');
        if (i + 1) % 1000 == 0 || i + 1 == n {
            ws.write(&format!("{folder}/part-{:04}.jsonl", i / 1000), &file);
            file.clear();
        }
    }
}

fn crosscheck_bin() -> std::path::PathBuf {
    assert_cmd::cargo::cargo_bin("crosscheck")
}

fn stats(ws: &Workspace, index: &std::path::Path) -> Value {
    let out = Command::new(crosscheck_bin())
        .args([
            "--index",
            index.to_str().unwrap_or_default(),
            "stats",
            "--format",
            "json",
        ])
        .current_dir(ws.dir.path())
        .output()
        .expect("stats");
    assert!(out.status.success(), "stats failed: {}", text(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("json")
}

fn claims_per_article(
    ws: &Workspace,
    index: &std::path::Path,
) -> std::collections::BTreeMap<String, usize> {
    let out = Command::new(crosscheck_bin())
        .args([
            "--index",
            index.to_str().unwrap_or_default(),
            "claims",
            "--format",
            "jsonl",
        ])
        .current_dir(ws.dir.path())
        .output()
        .expect("claims");
    let mut counts = std::collections::BTreeMap::new();
    for line in text(&out.stdout).lines() {
        let claim: Value = serde_json::from_str(line).expect("claim json");
        *counts
            .entry(claim["article_id"].as_str().unwrap_or("").to_owned())
            .or_default() += 1;
    }
    counts
}

#[test]
fn a_killed_index_run_keeps_whole_batches_and_a_rerun_completes_it() {
    let ws = Workspace::new();
    let n = 20_000;
    write_corpus(&ws, "big", n);

    let clean = ws.path("clean-index");
    let out = Command::new(crosscheck_bin())
        .args([
            "--index",
            clean.to_str().unwrap_or_default(),
            "index",
            "big",
            "--batch",
            &BATCH.to_string(),
        ])
        .current_dir(ws.dir.path())
        .output()
        .expect("clean run");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let clean_stats = stats(&ws, &clean);
    assert_eq!(clean_stats["articles"], n);

    let crashed = ws.path("crash-index");
    let mut child = Command::new(crosscheck_bin())
        .args([
            "--index",
            crashed.to_str().unwrap_or_default(),
            "index",
            "big",
            "--batch",
            &BATCH.to_string(),
        ])
        .current_dir(ws.dir.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start indexing");
    // Kill it once some batches are committed and before it finishes.
    let started = Instant::now();
    let mut seen = 0;
    while started.elapsed() < Duration::from_secs(120) {
        std::thread::sleep(Duration::from_millis(20));
        if crashed.join("meta.json").exists() {
            let probe = Command::new(crosscheck_bin())
                .args([
                    "--index",
                    crashed.to_str().unwrap_or_default(),
                    "stats",
                    "--format",
                    "json",
                ])
                .output()
                .expect("probe");
            if let Ok(v) = serde_json::from_slice::<Value>(&probe.stdout) {
                seen = v["articles"].as_u64().unwrap_or(0);
                if seen >= 2 * BATCH as u64 {
                    break;
                }
            }
        }
        if child.try_wait().ok().flatten().is_some() {
            break;
        }
    }
    let finished_early = child.try_wait().ok().flatten().is_some();
    let _ = child.kill(); // SIGKILL on Unix
    let _ = child.wait();
    assert!(
        !finished_early,
        "the run finished before it could be killed (saw {seen} articles)"
    );

    let after_kill = stats(&ws, &crashed);
    let kept = after_kill["articles"].as_u64().unwrap_or(0) as usize;
    println!("killed after {seen} visible articles; the index holds {kept} of {n}");
    assert!(kept > 0 && kept < n, "a partial index: {kept}");
    assert_eq!(kept % BATCH, 0, "only whole committed batches: {kept}");
    // Each committed article has all its claims, no more, no fewer.
    let clean_claims = claims_per_article(&ws, &clean);
    let kept_claims = claims_per_article(&ws, &crashed);
    for (article, count) in &kept_claims {
        assert_eq!(
            clean_claims.get(article),
            Some(count),
            "claims of {article}"
        );
    }

    let out = Command::new(crosscheck_bin())
        .args([
            "--index",
            crashed.to_str().unwrap_or_default(),
            "index",
            "big",
            "--batch",
            &BATCH.to_string(),
        ])
        .current_dir(ws.dir.path())
        .output()
        .expect("rerun");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains(&format!("{kept} duplicates")),
        "{}",
        text(&out.stdout)
    );
    let final_stats = stats(&ws, &crashed);
    assert_eq!(final_stats["articles"], clean_stats["articles"]);
    assert_eq!(final_stats["claims"], clean_stats["claims"]);
    assert_eq!(
        claims_per_article(&ws, &crashed),
        clean_claims,
        "no duplicates, nothing missing"
    );
}

#[test]
fn readers_work_while_a_writer_runs_and_a_second_writer_fails_fast() {
    let ws = Workspace::new();
    write_corpus(&ws, "first", 1_000);
    assert!(ws.run(&["index", "first"]).status.success());
    write_corpus(&ws, "second", 8_000);
    let index = ws.index_dir();
    let mut writer = Command::new(crosscheck_bin())
        .args([
            "--index",
            index.to_str().unwrap_or_default(),
            "index",
            "second",
            "--batch",
            "200",
        ])
        .current_dir(ws.dir.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("writer");
    std::thread::sleep(Duration::from_millis(300));
    let mut checked_while_running = false;
    for _ in 0..3 {
        let running = writer.try_wait().ok().flatten().is_none();
        for args in [
            vec!["search", "floods", "--format", "json"],
            vec![
                "claims",
                "--key",
                "people/dead",
                "--limit",
                "5",
                "--format",
                "json",
            ],
            vec!["compare", "--key", "people/missing", "--format", "json"],
        ] {
            let out = ws.run(&args);
            assert!(
                out.status.success(),
                "{args:?} during a write: {}",
                text(&out.stderr)
            );
        }
        let second = ws.run(&["index", "first"]);
        if running && writer.try_wait().ok().flatten().is_none() {
            assert_eq!(second.status.code(), Some(1));
            assert!(
                text(&second.stderr).contains("index is locked by another crosscheck process"),
                "{}",
                text(&second.stderr)
            );
            checked_while_running = true;
        }
    }
    let status = writer.wait().expect("writer exit");
    assert!(status.success());
    assert!(
        checked_while_running,
        "the writer finished too fast to test concurrency"
    );
    assert_eq!(ws.stats()["articles"], 9_000, "nothing corrupted");
}

#[test]
fn hostile_and_odd_files_are_handled() {
    let ws = Workspace::new();
    ws.write(
        "c/ok.txt",
        "Lena Ortiz – Harbour Post\nAbout 40 people were missing, officials said.",
    );
    ws.write("c/zero.txt", "");
    ws.write("c/nul.txt", b"text\x00with nul");
    ws.write("c/invalid.txt", b"Caf\xe9 \xff\xfe\xfd 12 people");
    let mut utf16 = vec![0xFE, 0xFF];
    for unit in "A UTF-16 big-endian article about 30 people.".encode_utf16() {
        utf16.extend_from_slice(&unit.to_be_bytes());
    }
    ws.write("c/utf16be.txt", utf16);
    let nested = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    ws.write("c/nested.json", nested);
    let deep_line = format!(
        "{{\"text\": \"x\", \"a\": {}{}}}\n",
        "{\"b\":".repeat(5_000),
        "}".repeat(5_000)
    );
    ws.write(
        "c/deep.jsonl",
        format!("{deep_line}{{\"text\": \"a fine line about 5 people\"}}\n"),
    );
    ws.write("c/long-line.jsonl", "y".repeat(10 * 1024 * 1024));
    ws.write(
        "c/page.html",
        "<html><body><script>alert(1)</script><p>Ten people were hurt.</p></body></html>",
    );
    let out = ws.run(&["index", "c"]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    for needle in [
        "zero.txt: empty file",
        "nul.txt: binary",
        "nested.json",
        "deep.jsonl:1",
        "long-line.jsonl:1",
    ] {
        assert!(err.contains(needle), "missing {needle:?} in {err}");
    }
    assert!(err.contains("invalid.txt: not valid UTF-8"), "{err}");
    let stats = ws.stats();
    assert_eq!(
        stats["articles"], 5,
        "ok, invalid, utf16be, the fine line, page: {stats}"
    );
    assert!(
        ws.search(&["alert"]).is_empty(),
        "script text is not article text"
    );
}

#[test]
fn a_damaged_index_is_detected_and_says_how_to_rebuild() {
    for damage in ["remove", "truncate"] {
        let ws = Workspace::new();
        write_corpus(&ws, "c", 300);
        assert!(ws.run(&["index", "c"]).status.success());
        let segment_file = std::fs::read_dir(ws.index_dir())
            .expect("index dir")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .find(|p| p.extension().is_some_and(|x| x == "store"))
            .expect("a segment store file");
        match damage {
            "remove" => std::fs::remove_file(&segment_file).expect("remove"),
            _ => {
                let f = std::fs::OpenOptions::new()
                    .write(true)
                    .open(&segment_file)
                    .expect("open");
                f.set_len(64).expect("truncate");
            }
        }
        for args in [
            vec!["stats"],
            vec!["search", "floods"],
            vec!["claims", "--format", "jsonl"],
            vec!["compare"],
        ] {
            let out = ws.run(&args);
            assert_eq!(out.status.code(), Some(1), "{damage} {args:?}");
            assert!(
                out.stdout.is_empty(),
                "no partial results: {}",
                text(&out.stdout)
            );
            let err = text(&out.stderr);
            assert!(
                err.contains("is damaged") && err.contains("rebuild it"),
                "{damage} {args:?}: {err}"
            );
        }
    }
}

#[test]
fn a_file_deleted_after_the_walk_is_reported_and_the_rest_goes_on() {
    let ws = Workspace::new();
    ws.write("c/a.txt", "About 40 people were missing, officials said.");
    ws.write("c/b.txt", "More than 12 people were hurt, police said.");
    let (files, problems) = crosscheck::ingest::discover(&[ws.path("c")]);
    assert!(problems.is_empty());
    assert_eq!(files.len(), 2);
    std::fs::remove_file(ws.path("c/a.txt")).expect("delete");
    let mut read = 0;
    let mut errors = Vec::new();
    for (path, format) in &files {
        let parsed = crosscheck::ingest::read_document(path, *format, 1 << 20);
        read += parsed.articles.len();
        errors.extend(parsed.diagnostics.into_iter().filter(|d| d.rejected));
    }
    assert_eq!(read, 1);
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0].origin.ends_with("a.txt") && errors[0].message.contains("cannot read"),
        "{errors:?}"
    );
}
