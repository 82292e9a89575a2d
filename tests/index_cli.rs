//! End-to-end runs of `crosscheck index`, `search` and `stats` in temp folders.

mod common;

use common::{shared, text, Workspace};

const BODY: &str = "Rescue teams searched the flooded valley on Monday. About 40 people were missing, officials said.";

fn article_json(id: &str, outlet: &str, body: &str, date: &str) -> String {
    serde_json::json!({"id": id, "outlet": outlet, "text": body, "date": date, "title": format!("Title {id}")}).to_string()
}

#[test]
fn every_format_and_alias_set_is_read() {
    let ws = Workspace::new();
    ws.write(
        "c/byline.txt",
        "Lena Ortiz – Harbour Post\nThe river rose overnight.\nResidents fled.",
    );
    ws.write(
        "c/header.txt",
        "Title: Storm warning\nOutlet: Valley Courier\nAuthor: Sam Reyes\nDate: 2025-05-19\nURL: https://vc.example/storm\n\nThe storm arrived early.",
    );
    ws.write(
        "c/one.json",
        article_json("j1", "Wire Desk", BODY, "2025-05-20"),
    );
    ws.write(
        "c/many.json",
        format!(
            "[{}, {}]",
            article_json(
                "j2",
                "Wire Desk",
                "Second text about a storm.",
                "2025-05-21"
            ),
            article_json("j3", "Wire Desk", "Third text about a storm.", "2025-05-22")
        ),
    );
    ws.write(
        "c/newsplease.jsonl",
        concat!(
            r#"{"id": "np1", "maintext": "Flood text one.", "source_domain": "np.example", "authors": ["A B", "C D"], "date_publish": "2025-05-20 08:15:00", "title": "NP1", "url": "https://np.example/1"}"#,
            "\n",
            r#"{"id": "tf1", "text": "Flood text two.", "sitename": "Trafila News", "hostname": "tf.example", "author": "E F", "date": "2025-05-23", "title": "TF1", "url": "https://tf.example/1"}"#,
            "\n"
        ),
    );
    ws.write(
        "c/page.html",
        r#"<html lang="en"><head><meta property="og:site_name" content="Harbour Post"><meta property="og:title" content="Page title"><meta property="article:published_time" content="2025-05-24T10:00:00Z"><meta name="author" content="Lena Ortiz"><link rel="canonical" href="https://hp.example/page"></head><body><nav>Menu Home</nav><article><p>The valley flood left hundreds of homes under water, and relief crews said the clean-up would take weeks of work in every village.</p><p>Officials said more than 300 families had registered for aid by the evening, a figure expected to rise as the water goes down.</p></article><footer>Cookie policy</footer></body></html>"#,
    );
    ws.write("c/.hidden/skip.txt", "should not be read");
    ws.write("c/notes.md", "not an input format");

    let out = ws.run(&["index", "c"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stats = ws.stats();
    assert_eq!(stats["articles"], 8, "{stats}");
    assert_eq!(stats["outlets"]["Wire Desk"], 3);
    assert_eq!(stats["outlets"]["Harbour Post"], 2);
    assert_eq!(stats["outlets"]["np.example"], 1);
    assert_eq!(stats["outlets"]["Trafila News"], 1);
    assert_eq!(stats["first_date"], "2025-05-19");
    assert_eq!(stats["last_date"], "2025-05-24");
    assert!(stats["index_bytes"].as_u64().unwrap_or(0) > 0);

    let hits = ws.search(&["storm", "--limit", "20"]);
    let header = hits
        .iter()
        .find(|h| h["title"] == "Storm warning")
        .expect("header article");
    assert_eq!(header["author"], "Sam Reyes");
    assert_eq!(header["url"], "https://vc.example/storm");
    let hits = ws.search(&["relief"]);
    assert_eq!(hits[0]["title"], "Page title");
    assert_eq!(hits[0]["author"], "Lena Ortiz");
    let hits = ws.search(&["\"flood text one\""]);
    assert_eq!(
        hits[0]["article_id"], "np1",
        "the given id is the article_id"
    );
    assert_eq!(hits[0]["author"], "A B, C D");
    assert!(
        ws.search(&["should"]).is_empty(),
        "hidden folders are skipped"
    );
}

#[test]
fn bad_input_is_reported_and_the_rest_is_indexed() {
    let ws = Workspace::new();
    ws.write(
        "c/good.txt",
        "Sam Reyes | Valley Courier\nA perfectly good article.",
    );
    ws.write("c/empty.txt", "");
    ws.write("c/binary.txt", b"\x7fELF\x00\x01\x02binary");
    ws.write(
        "c/mixed.jsonl",
        format!(
            "{}\n{{\"text\": broken\n{}\n{{\"title\": \"no text\"}}\n",
            article_json("l1", "Wire Desk", "Line one text.", "2025-05-01"),
            article_json("l3", "Wire Desk", "Line three text.", "2025-05-02")
        ),
    );
    ws.write("c/notext.json", r#"{"title": "nothing to read"}"#);
    ws.write(
        "c/big.txt",
        format!("Big File – Big Outlet\n{}", "word ".repeat(400)),
    );

    let out = ws.run(&["index", "c", "--max-file-bytes", "1000"]);
    assert_eq!(out.status.code(), Some(1), "rejected input means exit 1");
    let err = text(&out.stderr);
    for needle in [
        "empty.txt: empty file",
        "binary.txt: binary file",
        "mixed.jsonl:2: invalid JSON",
        "mixed.jsonl:4: article has no text",
        "notext.json: article has no text",
        "big.txt: file is",
    ] {
        assert!(err.contains(needle), "missing {needle:?} in:\n{err}");
    }
    let summary = text(&out.stdout);
    assert!(summary.contains("3 articles indexed"), "{summary}");
    assert!(summary.contains("6 rejected"), "{summary}");
    assert_eq!(ws.stats()["articles"], 3);

    // A later failing run loses nothing already indexed.
    ws.write("d/bad.json", "{not json");
    let out = ws.run(&["index", "d"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("bad.json:1: invalid JSON"));
    assert_eq!(ws.stats()["articles"], 3);

    // A missing path is an error naming it; nothing else changes.
    let out = ws.run(&["index", "no-such-folder"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("no-such-folder: cannot read"));
}

#[test]
fn unreadable_folder_and_file_are_reported() {
    use std::os::unix::fs::PermissionsExt;
    use std::os::unix::process::CommandExt;
    let mode = |path: &std::path::Path, mode: u32| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod")
    };
    let ws = Workspace::new();
    ws.write("c/ok.txt", "A readable article about the flood.");
    let locked = ws.path("c/locked");
    std::fs::create_dir_all(&locked).expect("mkdir");
    std::fs::write(locked.join("inside.txt"), "hidden text").expect("write");
    let secret = ws.write("c/secret.txt", "An article nobody may read.");
    mode(&locked, 0o000);
    mode(&secret, 0o000);
    let out = if std::fs::read_dir(&locked).is_ok() {
        // Root reads whatever the mode says, so the run drops to the unprivileged `nobody`
        // (uid/gid 65534), from a copy of the binary in a folder it may enter, writing an
        // index folder it owns.
        mode(ws.dir.path(), 0o755);
        let binary = ws.path("crosscheck-bin");
        std::fs::copy(env!("CARGO_BIN_EXE_crosscheck"), &binary).expect("copy binary");
        mode(&binary, 0o755);
        std::fs::create_dir_all(ws.index_dir()).expect("mkdir index");
        mode(&ws.index_dir(), 0o777);
        let run = std::process::Command::new(&binary)
            .current_dir(ws.dir.path())
            .env_remove("CROSSCHECK_INDEX")
            .args(["--index", "index", "index", "c"])
            .uid(65534)
            .gid(65534)
            .output();
        match run {
            Ok(out) => out,
            Err(err) => {
                println!("skipped: cannot run as an unprivileged user here ({err})");
                mode(&locked, 0o755);
                return;
            }
        }
    } else {
        ws.run(&["index", "c"])
    };
    mode(&locked, 0o755);
    mode(&secret, 0o644);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(err.contains("locked: cannot read"), "{err}");
    assert!(err.contains("secret.txt: cannot read"), "{err}");
    assert_eq!(ws.stats()["articles"], 1);
}

#[test]
fn dangling_symlink_and_loop_are_reported() {
    let ws = Workspace::new();
    ws.write("c/ok.txt", "A readable article about the flood.");
    std::os::unix::fs::symlink(ws.path("c/missing-target.txt"), ws.path("c/dangling.txt"))
        .expect("symlink");
    std::os::unix::fs::symlink(ws.path("c"), ws.path("c/loop")).expect("symlink");
    let out = ws.run(&["index", "c"]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("dangling.txt: cannot read"), "{err}");
    assert!(err.contains("symbolic link loop"), "{err}");
    assert_eq!(ws.stats()["articles"], 1);
}

#[test]
fn encodings() {
    let ws = Workspace::new();
    ws.write("c/latin.txt", b"Caf\xe9 owners counted 12 customers.");
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in "UTF-16 text about a protest march.".encode_utf16() {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    ws.write("c/utf16.txt", utf16);
    ws.write(
        "c/bom.txt",
        b"\xEF\xBB\xBFLena Ortiz \xE2\x80\x93 Harbour Post\nBOM text.",
    );
    let out = ws.run(&["index", "c"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(
        err.contains("latin.txt: not valid UTF-8; decoded as Windows-1252"),
        "{err}"
    );
    assert_eq!(ws.stats()["articles"], 3);
    assert_eq!(ws.search(&["café"]).len(), 1);
    assert_eq!(ws.search(&["protest"]).len(), 1);
    assert_eq!(
        ws.stats()["outlets"]["Harbour Post"],
        1,
        "BOM does not hide the byline"
    );
}

#[test]
fn reindexing_is_idempotent_and_changed_text_replaces() {
    let ws = Workspace::new();
    ws.write(
        "c/a.json",
        article_json(
            "story-1",
            "Wire Desk",
            "First version: 20 alive.",
            "2025-05-01",
        ),
    );
    ws.write("c/b.txt", "Sam Reyes | Valley Courier\nUnchanged text.");
    assert!(ws.run(&["index", "c"]).status.success());
    assert_eq!(ws.stats()["articles"], 2);

    let out = ws.run(&["index", "c"]);
    assert!(out.status.success());
    assert!(
        text(&out.stdout).contains("2 duplicates"),
        "{}",
        text(&out.stdout)
    );
    assert_eq!(ws.stats()["articles"], 2);

    ws.write(
        "c/a.json",
        article_json(
            "story-1",
            "Wire Desk",
            "Second version: 21 alive.",
            "2025-05-01",
        ),
    );
    let out = ws.run(&["index", "c"]);
    assert!(
        text(&out.stdout).contains("1 replaced"),
        "{}",
        text(&out.stdout)
    );
    assert_eq!(ws.stats()["articles"], 2);
    assert_eq!(ws.search(&["second"]).len(), 1);
    assert!(ws.search(&["first"]).is_empty(), "the old text is gone");

    // The same id twice in one run keeps one copy.
    ws.write(
        "d/dup.jsonl",
        format!(
            "{}\n{}\n",
            article_json("x", "O", "Same.", "2025-05-01"),
            article_json("x", "O", "Same.", "2025-05-01")
        ),
    );
    let out = ws.run(&["index", "d"]);
    assert!(
        text(&out.stdout).contains("1 duplicates"),
        "{}",
        text(&out.stdout)
    );
    assert_eq!(ws.stats()["articles"], 3);
}

#[test]
fn search_filters_and_formats() {
    let ws = Workspace::new();
    ws.write(
        "c/all.jsonl",
        [
            article_json(
                "a",
                "Harbour Post",
                "The flood toll rose to 130.",
                "2025-05-10",
            ),
            article_json(
                "b",
                "Valley Courier",
                "The flood toll rose to 150.",
                "2025-05-12",
            ),
            article_json(
                "c",
                "Valley Courier",
                "A march drew a large crowd.",
                "2025-05-14",
            ),
            serde_json::json!({"id": "d", "text": "Undated flood note.", "outlet": "Harbour Post"})
                .to_string(),
        ]
        .join("\n"),
    );
    assert!(ws.run(&["index", "c"]).status.success());
    let ids = |hits: Vec<serde_json::Value>| -> Vec<String> {
        let mut ids: Vec<String> = hits
            .iter()
            .map(|h| h["article_id"].as_str().unwrap_or("").to_owned())
            .collect();
        ids.sort();
        ids
    };
    assert_eq!(ids(ws.search(&["flood"])), ["a", "b", "d"]);
    assert_eq!(
        ids(ws.search(&["flood", "--outlet", "valley courier"])),
        ["b"]
    );
    assert_eq!(ids(ws.search(&["flood", "--since", "2025-05-11"])), ["b"]);
    assert_eq!(ids(ws.search(&["flood", "--until", "2025-05-11"])), ["a"]);
    assert_eq!(
        ids(ws.search(&[
            "flood OR march",
            "--since",
            "2025-05-11",
            "--until",
            "2025-05-14"
        ])),
        ["b", "c"]
    );
    assert_eq!(ids(ws.search(&["\"toll rose to 150\""])), ["b"]);
    assert_eq!(ids(ws.search(&["flood -130"])), ["b", "d"]);
    assert_eq!(ids(ws.search(&["flood", "--limit", "1"])).len(), 1);

    let hit = &ws.search(&["march"])[0];
    for field in [
        "article_id",
        "outlet",
        "author",
        "title",
        "date",
        "url",
        "score",
        "snippet",
    ] {
        assert!(hit.get(field).is_some(), "missing {field}");
    }
    let snippet = hit["snippet"].as_str().unwrap_or("");
    let [start, end] = [
        hit["highlights"][0][0].as_u64().unwrap_or(0) as usize,
        hit["highlights"][0][1].as_u64().unwrap_or(0) as usize,
    ];
    assert_eq!(&snippet[start..end], "march");

    let out = ws.run(&["search", "flood", "--format", "jsonl"]);
    assert_eq!(text(&out.stdout).lines().count(), 3);
    let out = ws.run(&["search", "flood", "--outlet", "Harbour Post"]);
    let shown = text(&out.stdout);
    assert!(
        shown.contains("Harbour Post · 2025-05-10 · Title a"),
        "{shown}"
    );
    assert!(shown.contains("**flood**"), "{shown}");

    let out = ws.run(&["search", "flood", "--since", "last week"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "a malformed date is a usage error"
    );
    let out = ws.run(&["search", "flood AND (", "--format", "json"]);
    assert!(out.status.success(), "a malformed query is read leniently");
    assert!(text(&out.stderr).contains("leniently"));
    // a field the index does not have is the user's mistake, not a damaged index
    for command in ["search", "claims"] {
        let out = ws.run(&[command, "nosuchfield:*"]);
        assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
        assert!(
            text(&out.stderr).contains("does not have"),
            "{}",
            text(&out.stderr)
        );
    }
}

#[test]
fn missing_index_and_usage_errors() {
    let ws = Workspace::new();
    let out = ws.run(&["stats"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("no index at"),
        "{}",
        text(&out.stderr)
    );
    let out = ws.run(&["search"]);
    assert_eq!(out.status.code(), Some(2));
    let out = ws.run(&["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn index_env_var_and_default_folder() {
    let ws = Workspace::new();
    ws.write(
        "corpus/a.txt",
        "Lena Ortiz – Harbour Post\nText in the default corpus.",
    );
    let out = assert_cmd::Command::cargo_bin("crosscheck")
        .expect("binary")
        .current_dir(ws.dir.path())
        .env("CROSSCHECK_INDEX", ws.path("elsewhere"))
        .arg("index")
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        ws.path("elsewhere/meta.json").exists(),
        "CROSSCHECK_INDEX is honoured"
    );

    let out = assert_cmd::Command::cargo_bin("crosscheck")
        .expect("binary")
        .current_dir(ws.dir.path())
        .env_remove("CROSSCHECK_INDEX")
        .arg("index")
        .output()
        .expect("run");
    assert!(out.status.success());
    assert!(ws.path("index/meta.json").exists(), "index/ is the default");
}

#[test]
fn a_second_writer_gets_a_clear_message() {
    let ws = Workspace::new();
    ws.write("c/a.txt", "Some text.");
    assert!(ws.run(&["index", "c"]).status.success());
    let index = crosscheck::index::CrossIndex::open(&ws.index_dir()).expect("open");
    let _held = index.writer(32 * 1024 * 1024).expect("first writer");
    ws.write("c/b.txt", "More text.");
    let out = ws.run(&["index", "c"]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("index is locked by another crosscheck process"),
        "{err}"
    );
    // Readers still work while the writer is held.
    assert_eq!(ws.stats()["articles"], 1);
}

#[test]
fn seed_article_has_author_and_outlet() {
    let Some(seed) = shared("seed") else {
        println!("skipped: ../shared/seed not found");
        return;
    };
    let ws = Workspace::new();
    let out = ws.run(&["index", seed.to_str().unwrap_or_default()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stats = ws.stats();
    assert_eq!(stats["articles"], 1);
    assert_eq!(stats["outlets"]["Egypt Daily News"], 1);
    let hits = ws.search(&["hostages"]);
    assert_eq!(hits[0]["author"], "Ahmed Kamel");
    assert_eq!(hits[0]["outlet"], "Egypt Daily News");
}
