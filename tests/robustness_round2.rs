//! Robustness, round 2: inputs and accidents that once cost a user the index or crashed a
//! command. Each test is a class of bug: one bad record, a lost catalogue, damaged
//! segments, closed pipes, hostile queries, control characters, dense articles.

mod common;

use std::io::Read;
use std::process::{Command, Stdio};

use common::{text, Workspace};
use serde_json::Value;

fn crosscheck_bin() -> std::path::PathBuf {
    assert_cmd::cargo::cargo_bin("crosscheck")
}

/// A small corpus of `n` articles from five outlets with a few figures each.
fn write_articles(ws: &Workspace, folder: &str, n: usize) {
    let mut lines = String::new();
    for i in 0..n {
        let body = format!(
            "Floods in Valdora have killed {} people, the health ministry said on Tuesday. About {} residents were evacuated, officials said. \"We are doing all we can for story {i},\" the governor said.",
            10 + i % 50,
            100 + (i * 7) % 900
        );
        lines.push_str(
            &serde_json::json!({
                "id": format!("{folder}-{i}"),
                "outlet": format!("Outlet {}", i % 5),
                "date": format!("2025-05-{:02}", 1 + i % 28),
                "title": format!("Flood update {i}"),
                "text": body,
            })
            .to_string(),
        );
        lines.push('\n');
    }
    ws.write(&format!("{folder}/articles.jsonl"), lines);
}

/// Every command that reads the index, with the formats it prints.
const READ_COMMANDS: &[&[&str]] = &[
    &["stats"],
    &["search", "floods"],
    &["claims", "--format", "jsonl"],
    &["compare", "--format", "json"],
    &["sources"],
    &["report"],
];

fn assert_damaged(out: &std::process::Output, what: &str) {
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{what}: {err}");
    assert!(
        err.contains("is damaged") && err.contains("--rebuild"),
        "{what}: {err}"
    );
    assert!(!err.contains("panicked"), "{what}: {err}");
    assert_eq!(err.lines().count(), 1, "one line, no backtrace: {err}");
}

#[test]
fn a_figure_json_cannot_carry_is_left_out_and_every_command_still_reads_the_index() {
    let ws = Workspace::new();
    write_articles(&ws, "c", 5);
    let digits = "9".repeat(400);
    ws.write(
        "c/huge.txt",
        format!("Outlet: Odd Post\nDate: 2025-05-03\n\nPolice said {digits} people marched in Valdora. Officials said 40 people were hurt."),
    );
    let out = ws.run(&["index", "c"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(
        err.contains("huge.txt") && err.contains("left out"),
        "names the file and the figure: {err}"
    );
    for args in READ_COMMANDS {
        let out = ws.run(args);
        assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
    }
    let claims = ws.run(&["claims", "--format", "json"]);
    let claims: Vec<Value> = serde_json::from_slice(&claims.stdout).expect("json");
    assert!(
        claims.iter().any(|c| c["sentence"]
            .as_str()
            .is_some_and(|s| s.contains("40 people were hurt"))),
        "the rest of the article is kept"
    );
}

#[test]
fn a_stored_claim_that_cannot_be_read_is_skipped_with_a_warning() {
    use crosscheck::index::{ClaimQuery, CrossIndex};
    let ws = Workspace::new();
    let index = CrossIndex::open_or_create(&ws.index_dir()).expect("index");
    let article = crosscheck::model::Article {
        id: "a1".into(),
        outlet: Some("Odd Post".into()),
        text: "Officials said 40 people were hurt and 12 were missing.".into(),
        origin: "odd.txt".into(),
        ..Default::default()
    };
    let mut claims = crosscheck::extract::extract_claims(&article);
    assert_eq!(claims.len(), 2);
    // What an older version stored: a value JSON writes as null.
    if let Some(q) = claims[0].quantity.as_mut() {
        q.value = f64::INFINITY;
    }
    let mut writer = index.writer(32 << 20).expect("writer");
    let outcome = writer.classify(&article).expect("classify");
    writer.add(&article, &claims, outcome, None).expect("add");
    writer.finish().expect("commit");
    let read = index.claims(&ClaimQuery::default()).expect("readable");
    assert_eq!(read.len(), 1, "the good claim is read");
    let warnings = index.take_warnings();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].message.contains(&claims[0].claim_id),
        "{warnings:?}"
    );
}

#[test]
fn a_folder_without_meta_json_is_reported_and_left_untouched() {
    let ws = Workspace::new();
    write_articles(&ws, "c", 30);
    assert!(ws.run(&["index", "c"]).status.success());
    std::fs::remove_file(ws.index_dir().join("meta.json")).expect("rm meta.json");
    let files = |ws: &Workspace| {
        let mut names: Vec<String> = std::fs::read_dir(ws.index_dir())
            .expect("index dir")
            .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
            .collect();
        names.sort();
        names
    };
    let before = files(&ws);
    let out = ws.run(&["index", "c"]);
    assert_damaged(&out, "index after meta.json was lost");
    assert!(text(&out.stderr).contains("meta.json is missing"));
    for args in READ_COMMANDS {
        assert_damaged(&ws.run(args), &format!("{args:?}"));
    }
    assert_eq!(files(&ws), before, "nothing deleted");
    let out = ws.run(&["index", "c", "--rebuild"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(ws.stats()["articles"], 30);

    // Someone's folder given as --index: refused, even with --rebuild, and kept.
    let notes = ws.write("notes/todo.txt", "keep me");
    for extra in [None, Some("--rebuild")] {
        let mut args = vec!["--index", "notes", "index", "c"];
        args.extend(extra);
        let out = Command::new(crosscheck_bin())
            .args(&args)
            .current_dir(ws.dir.path())
            .output()
            .expect("run");
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(
            text(&out.stderr).contains("is not a crosscheck index"),
            "{}",
            text(&out.stderr)
        );
        assert_eq!(std::fs::read_to_string(&notes).expect("kept"), "keep me");
        assert_eq!(std::fs::read_dir(ws.path("notes")).expect("dir").count(), 1);
    }
}

/// Zeroes 4 KB of the first index file with this extension (or the whole file if smaller).
fn zero_block(ws: &Workspace, extension: &str) {
    let path = std::fs::read_dir(ws.index_dir())
        .expect("index dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == extension))
        .max_by_key(|p| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0))
        .expect("a segment file");
    let mut bytes = std::fs::read(&path).expect("read");
    let start = (bytes.len() / 8).min(100);
    let end = (start + 4096).min(bytes.len());
    bytes[start..end].fill(0);
    std::fs::write(&path, bytes).expect("write");
}

#[test]
fn damaged_segments_give_the_damaged_index_error_not_a_panic() {
    // (Zeroed bytes inside a fieldnorm or positions file are valid data: nothing can tell.)
    for extension in ["idx", "store", "term"] {
        let ws = Workspace::new();
        write_articles(&ws, "c", 300);
        assert!(ws.run(&["index", "c"]).status.success());
        zero_block(&ws, extension);
        let mut detected = 0;
        for args in READ_COMMANDS {
            let out = ws.run(args);
            let err = text(&out.stderr);
            assert!(!err.contains("panicked"), "{extension} {args:?}: {err}");
            match out.status.code() {
                Some(0) => {}
                _ => {
                    assert_damaged(&out, &format!("{extension} {args:?}"));
                    detected += 1;
                }
            }
        }
        // Damage a command never reads goes unseen, but every file kind is read by some.
        assert!(detected > 0, "{extension}: no command saw the damage");
    }
}

/// Runs a command whose reader goes away at once, as `| head -0` does.
fn run_into_closed_pipe(ws: &Workspace, args: &[&str]) -> std::process::Output {
    let mut child = Command::new(crosscheck_bin())
        .arg("--index")
        .arg(ws.index_dir())
        .args(args)
        .current_dir(ws.dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    drop(child.stdout.take());
    let mut err = String::new();
    if let Some(mut stderr) = child.stderr.take() {
        let _ = stderr.read_to_string(&mut err);
    }
    let status = child.wait().expect("wait");
    std::process::Output {
        status,
        stdout: Vec::new(),
        stderr: err.into_bytes(),
    }
}

#[test]
fn a_closed_pipe_stops_every_command_quietly() {
    let ws = Workspace::new();
    write_articles(&ws, "c", 200);
    assert!(ws.run(&["index", "c"]).status.success());
    let mut commands: Vec<Vec<&str>> = Vec::new();
    for format in ["text", "json", "jsonl"] {
        commands.push(vec!["claims", "--format", format]);
        commands.push(vec!["search", "floods", "--format", format]);
        commands.push(vec!["stats", "--format", format]);
    }
    for format in ["text", "json", "md"] {
        commands.push(vec!["compare", "--format", format]);
    }
    for format in ["text", "json"] {
        commands.push(vec!["sources", "--format", format]);
    }
    for format in ["md", "json", "csv", "html"] {
        commands.push(vec!["report", "--format", format]);
    }
    for args in commands {
        let out = run_into_closed_pipe(&ws, &args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            text(&out.stderr)
        );
        assert!(out.stderr.is_empty(), "{args:?}: {}", text(&out.stderr));
    }
}

#[test]
fn hostile_queries_and_limits_are_usage_errors_or_bounded() {
    let ws = Workspace::new();
    write_articles(&ws, "c", 20);
    assert!(ws.run(&["index", "c"]).status.success());
    let deep = format!("{}floods{}", "(".repeat(10_000), ")".repeat(10_000));
    let nested = format!("{}floods{}", "(".repeat(40), ")".repeat(40));
    let long = "floods ".repeat(1_000);
    let long_key = "k".repeat(2_000);
    for args in [
        vec!["search", deep.as_str()],
        vec!["search", nested.as_str()],
        vec!["search", long.as_str()],
        vec!["claims", deep.as_str()],
        vec!["compare", deep.as_str()],
        vec!["search", "floods", "--limit", "0"],
        vec!["claims", "--limit", "0"],
        vec!["claims", "floods", "--limit", "0"],
        vec!["claims", "--key", long_key.as_str()],
        vec!["index", "c", "--writer-memory-mb", "99999999"],
    ] {
        let out = ws.run(&args);
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{:?}: {err}", &args[..2]);
        assert!(
            !err.contains("panicked") && !err.contains("internal error"),
            "{err}"
        );
    }
    let within = format!("{}floods{}", "(".repeat(30), ")".repeat(30));
    for args in [
        vec!["search", "floods", "--limit", "99999999999"],
        vec!["claims", "floods", "--limit", "99999999999"],
        vec!["search", within.as_str()],
    ] {
        let out = ws.run(&args);
        assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
    }
}

#[test]
fn queries_that_match_without_words_return_only_articles() {
    let ws = Workspace::new();
    write_articles(&ws, "c", 12);
    assert!(ws.run(&["index", "c"]).status.success());
    for query in [
        "*",
        "NOT toll",
        "doc_type:claim",
        "-floods",
        "floods",
        "*:*",
    ] {
        let out = ws.run(&["search", "--limit", "1000", "--format", "json", "--", query]);
        assert!(out.status.success(), "{query}: {}", text(&out.stderr));
        let hits: Vec<Value> = serde_json::from_slice(&out.stdout).expect("json");
        assert!(hits.len() <= 12, "{query}: {} hits", hits.len());
        for hit in &hits {
            assert!(
                hit["outlet"].is_string() && hit["title"].is_string(),
                "{query}: {hit}"
            );
        }
    }
}

#[test]
fn control_and_bidi_characters_never_reach_a_terminal_or_report_raw() {
    let ws = Workspace::new();
    let article = serde_json::json!({
        "id": "evil",
        "outlet": "Evil\nOutlet\u{1b}[2J",
        "title": "Title \u{202E}gnp.exe",
        "date": "2025-05-02",
        "text": ["Police said 12,000 people\u{7} marched in Valdora.\u{1b}[31m", "Organisers said\r 40,000 people marched in Valdora, the \u{202E}coalition said."],
    });
    ws.write("c/evil.jsonl", format!("{article}\n"));
    write_articles(&ws, "c", 3);
    assert!(ws.run(&["index", "c"]).status.success());
    let mut outputs = Vec::new();
    for args in [
        vec!["claims"],
        vec!["search", "marched"],
        vec!["stats"],
        vec!["compare"],
        vec!["sources"],
        vec!["report"],
        vec!["report", "--format", "html"],
        vec!["report", "--format", "csv"],
    ] {
        let out = ws.run(&args);
        assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
        outputs.push((args, text(&out.stdout)));
    }
    for (args, out) in &outputs {
        // A carriage return inside a quoted CSV field is the text's own line break, which
        // spreadsheets read as such.
        let csv = args.contains(&"csv");
        assert!(
            !out.chars().any(
                |c| (c.is_control() && c != '\n' && c != '\t' && !(csv && c == '\r'))
                    || c == '\u{202E}'
            ),
            "{args:?} printed a raw control character"
        );
    }
    let claims = &outputs[0].1;
    for line in claims.lines().filter(|l| l.contains("Evil")) {
        assert!(line.contains("Evil Outlet"), "one record, one line: {line}");
    }
    // Paragraphs of a text array are joined as paragraphs: two sentences, not one.
    let json = ws.run(&["claims", "--article", "evil", "--format", "json"]);
    let claims: Vec<Value> = serde_json::from_slice(&json.stdout).expect("json");
    assert!(
        claims.iter().all(
            |c| !c["sentence"].as_str().unwrap_or("").contains("Valdora.")
                || !c["sentence"].as_str().unwrap_or("").contains("Organisers")
        ),
        "{claims:?}"
    );
}

#[test]
fn the_report_marks_the_claims_own_figure() {
    let ws = Workspace::new();
    ws.write(
        "c/a.txt",
        "Outlet: Harbour Post\nDate: 2025-05-03\n\nThe death toll from the floods in Valdora rose to 150 on Saturday, up from 15 on Friday, officials said.",
    );
    ws.write(
        "c/b.txt",
        "Outlet: Valley Courier\nDate: 2025-05-03\n\nOfficials said the death toll from the floods in Valdora had reached 150 on Saturday.",
    );
    assert!(ws.run(&["index", "c"]).status.success());
    let md = text(&ws.run(&["report"]).stdout);
    assert!(!md.contains("**15**0"), "the 15 claim marked inside 150");
}

#[test]
fn an_article_repeating_figures_thousands_of_times_is_compared_in_bounded_work() {
    let ws = Workspace::new();
    // One figure repeated, and thousands of different figures from one voice.
    let repeated = "Police said 12,000 people marched in Port Elin. ".repeat(20_000);
    ws.write(
        "c/repeated.txt",
        format!("Outlet: Dense Daily\nDate: 2025-05-18\n\n{repeated}"),
    );
    let distinct: String = (0..5_000)
        .map(|i| format!("Police said {} people marched in Port Elin. ", 3 * i + 1))
        .collect();
    ws.write(
        "c/distinct.txt",
        format!("Outlet: Odd Daily\nDate: 2025-05-18\n\n{distinct}"),
    );
    assert!(ws.run(&["index", "c"]).status.success());
    let out = ws.run(&["compare", "--format", "json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let comparison: Value = serde_json::from_slice(&out.stdout).expect("json");
    let internal = comparison["internal"].as_array().expect("internal");
    // k incompatible figures of one voice give k - 1 findings, not k(k-1)/2.
    assert!(
        internal.len() < 5_000,
        "{} internal findings",
        internal.len()
    );
    let discrepancies: usize = comparison["clusters"]
        .as_array()
        .expect("clusters")
        .iter()
        .map(|c| c["discrepancies"].as_array().map_or(0, Vec::len))
        .sum();
    let bound = crosscheck::compare::MAX_COMPARED_POSITIONS.pow(2);
    assert!(discrepancies <= bound, "{discrepancies} discrepancies");
    for args in [&["report"][..], &["sources"]] {
        assert!(ws.run(args).status.success(), "{args:?}");
    }
}

#[test]
fn past_the_position_cap_outlets_are_still_compared_with_each_other() {
    let ws = Workspace::new();
    // One outlet with 1,050 different figures (over the cap of 1,000 positions), indexed
    // first, and another with one figure: that one must be among the positions compared.
    for (outlet, figures, offset) in [("Outlet A", 1_050, 2), ("Outlet B", 1, 1)] {
        let body: String = (0..figures)
            .map(|i| {
                format!(
                    "Police said {} people marched in Port Elin. ",
                    3 * i + offset
                )
            })
            .collect();
        ws.write(
            &format!("c/{outlet}.txt"),
            format!("Outlet: {outlet}\nDate: 2025-05-18\n\n{body}"),
        );
    }
    assert!(ws.run(&["index", "c"]).status.success());
    let out = ws.run(&["compare", "--format", "json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let comparison: Value = serde_json::from_slice(&out.stdout).expect("json");
    let cluster = &comparison["clusters"][0];
    assert!(cluster["uncompared_positions"].as_u64().unwrap_or(0) > 0);
    let conflicts = cluster["discrepancies"]
        .as_array()
        .map_or(0, |d| d.iter().filter(|d| d["type"] == "conflict").count());
    assert!(conflicts > 0, "the kept positions come from both outlets");
}

#[test]
fn special_files_and_unwritable_outputs_say_what_happened_once() {
    let ws = Workspace::new();
    write_articles(&ws, "c", 3);
    let out = ws.run(&["index", "/dev/null", "c"]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("/dev/null") && err.contains("not a regular file"),
        "{err}"
    );
    assert_eq!(ws.stats()["articles"], 3, "the rest goes on");
    #[cfg(unix)]
    {
        let fifo = ws.path("pipe.txt");
        let made = Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            let out = ws.run(&["index", "pipe.txt"]);
            let err = text(&out.stderr);
            assert_eq!(out.status.code(), Some(1), "{err}");
            assert!(err.contains("named pipe"), "{err}");
        }
    }
    ws.write("taken", "a file where the report folder should go");
    let out = ws.run(&["run", "c", "--out", "taken"]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let last = err.lines().last().unwrap_or_default();
    assert_eq!(
        last.matches("os error").count(),
        1,
        "cause said once: {last}"
    );
}

/// `n` articles in JSON Lines files of 1000 lines, each article with one figure.
fn write_batchable(ws: &Workspace, folder: &str, n: usize) {
    let mut file = String::new();
    for i in 0..n {
        let line = serde_json::json!({
            "id": format!("{folder}-{i:06}"),
            "outlet": format!("Outlet {}", i % 7),
            "date": format!("2025-06-{:02}", 1 + i % 28),
            "text": format!("Floods in Valdora have killed {} people, officials said. Report {i}.", 5 + i % 80),
        });
        file.push_str(&line.to_string());
        file.push('\n');
        if (i + 1) % 1000 == 0 || i + 1 == n {
            ws.write(&format!("{folder}/part-{:04}.jsonl", i / 1000), &file);
            file.clear();
        }
    }
}

#[test]
fn sixteen_readers_during_an_index_run_all_succeed_and_see_whole_batches() {
    const BATCH: u64 = 250;
    let ws = Workspace::new();
    write_batchable(&ws, "first", 500);
    assert!(ws.run(&["index", "first"]).status.success());
    write_batchable(&ws, "second", 6_000);
    let index = ws.index_dir();
    let mut writer = Command::new(crosscheck_bin())
        .arg("--index")
        .arg(&index)
        .args(["index", "second", "--batch", &BATCH.to_string()])
        .current_dir(ws.dir.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("writer");
    let writer_done = std::sync::atomic::AtomicBool::new(false);
    let seen: Vec<Vec<u64>> = std::thread::scope(|scope| {
        let readers: Vec<_> = (0..16)
            .map(|reader| {
                let (ws, writer_done) = (&ws, &writer_done);
                scope.spawn(move || {
                    let mut counts = Vec::new();
                    // Bounded: at most 12 rounds each, fewer once the writer is done.
                    for round in 0..12 {
                        let args: &[&str] = if (reader + round) % 2 == 0 {
                            &["stats", "--format", "json"]
                        } else {
                            &["search", "floods", "--format", "json", "--limit", "5"]
                        };
                        let out = ws.run(args);
                        assert!(
                            out.status.success(),
                            "reader {reader} {args:?}: {}",
                            text(&out.stderr)
                        );
                        if args[0] == "stats" {
                            let stats: Value =
                                serde_json::from_slice(&out.stdout).expect("stats json");
                            counts.push(stats["articles"].as_u64().unwrap_or(u64::MAX));
                        }
                        if writer_done.load(std::sync::atomic::Ordering::Relaxed) && round >= 2 {
                            break;
                        }
                    }
                    counts
                })
            })
            .collect();
        let status = writer.wait().expect("writer exit");
        writer_done.store(true, std::sync::atomic::Ordering::Relaxed);
        assert!(status.success(), "the writer finished");
        readers
            .into_iter()
            .map(|r| r.join().expect("reader thread"))
            .collect()
    });
    let counts: Vec<u64> = seen.into_iter().flatten().collect();
    assert!(!counts.is_empty());
    let mut distinct = counts.clone();
    distinct.sort_unstable();
    distinct.dedup();
    eprintln!("article counts readers saw: {distinct:?}");
    for n in &counts {
        assert!(
            *n % BATCH == 0 && (500..=6_500).contains(n),
            "a reader saw {n} articles: not a whole number of batches"
        );
    }
    assert_eq!(ws.stats()["articles"], 6_500);
}
