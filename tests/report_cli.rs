//! `crosscheck run` and `crosscheck report`: golden files for the sample corpus, a hostile
//! article, and the HTML report opened in headless Chromium.

mod common;

use std::path::Path;
use std::process::Command;

use common::cdp::{chromium_or_skip, HEADLESS_FLAGS};
use common::{repo, text, Workspace};

/// Compares `actual` with the golden file; `UPDATE_GOLDEN=1` rewrites it instead.
fn golden(name: &str, actual: &str) {
    let path = repo("tests/golden").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).expect("write golden");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    if expected != actual {
        let first = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(expected.lines().count().min(actual.lines().count()));
        panic!(
            "{name} differs from tests/golden/{name} at line {}:\n  golden: {:?}\n  actual: {:?}\n(rerun with UPDATE_GOLDEN=1 after checking the change)",
            first + 1,
            expected.lines().nth(first),
            actual.lines().nth(first)
        );
    }
}

fn run_on_corpus(ws: &Workspace) -> std::path::PathBuf {
    let out = ws.run(&[
        "run",
        repo("corpus").to_str().unwrap_or_default(),
        "--out",
        "out",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let shown = text(&out.stdout);
    for name in ["report.html", "report.md", "report.json", "claims.csv"] {
        assert!(shown.contains(&format!("wrote out/{name}")), "{shown}");
    }
    ws.path("out")
}

#[test]
fn reports_of_the_sample_corpus_match_the_golden_files() {
    let ws = Workspace::new();
    let out = run_on_corpus(&ws);
    let md = std::fs::read_to_string(out.join("report.md")).expect("md");
    let json = std::fs::read_to_string(out.join("report.json")).expect("json");
    golden("report.md", &md);
    golden("report.json", &json);
    // A second run over the same index writes the same bytes: no time stamps, stable order.
    let again = run_on_corpus(&ws);
    assert_eq!(
        std::fs::read_to_string(again.join("report.md")).expect("md"),
        md
    );

    let report: serde_json::Value = serde_json::from_str(&json).expect("report json");
    for field in ["clusters", "internal", "sources", "truths"] {
        assert!(
            report.get(field).is_some(),
            "the JSON holds the compare and sources contracts: {field}"
        );
    }
    let csv = std::fs::read_to_string(out.join("claims.csv")).expect("csv");
    assert_eq!(
        csv.lines().count(),
        report["claims"].as_array().map_or(0, Vec::len) + 1
    );
    assert!(csv.starts_with("claim_id,article_id,outlet,date,as_of,kind,value,qualifier,low,high"));

    let out = ws.run(&["report", "--format", "md", "hostages"]);
    assert!(out.status.success());
    let queried = text(&out.stdout);
    assert!(queried.contains("hostages alive in Gaza"), "{queried}");
    assert!(
        !queried.contains("Valdora"),
        "a query keeps the report to its quantities"
    );
    let stamped = ws.run(&[
        "report",
        "--format",
        "md",
        "--generated-at",
        "2026-11-25T10:00Z",
    ]);
    assert!(
        text(&stamped.stdout).contains("10:00Z"),
        "the time stamp is printed when asked for"
    );
}

const HOSTILE_TEXT: &str = "About 48 hostages are held in Gaza <script>document.body.setAttribute(\"data-owned\",\"yes\")</script>, officials said. \
<img src=x onerror=\"document.body.setAttribute('data-owned','yes')\"> Around 20 are alive, the ministry said. \
[click me](javascript:alert(1)) and <a href=\"javascript:alert(1)\">here</a>.\n\
# Injected heading\n| a | table |\n\"><svg onload=alert(1)> “We will <b>never</b> stop,” said <i>Someone</i>.";

fn hostile_workspace() -> Workspace {
    let ws = Workspace::new();
    let hostile = serde_json::json!({
        "id": "hostile-1",
        "outlet": "<img src=x onerror=alert(1)>Evil | News](javascript:alert(1))",
        "title": "</title><script>document.body.setAttribute('data-owned','yes')</script>",
        "url": "javascript:alert(document.cookie)",
        "date": "2025-05-19",
        "text": HOSTILE_TEXT,
    });
    let fair = serde_json::json!({
        "id": "fair-1", "outlet": "Harbour Post", "date": "2025-05-19", "url": "https://hp.example/a?x=1&y=2",
        "title": "Hostages", "text": "About 70 hostages are held in Gaza, officials said. 24 are alive, the ministry said."
    });
    ws.write("c/articles.jsonl", format!("{hostile}\n{fair}\n"));
    ws
}

#[test]
fn hostile_article_is_escaped_in_every_report() {
    let ws = hostile_workspace();
    let out = ws.run(&["run", "c", "--out", "out"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let html = std::fs::read_to_string(ws.path("out/report.html")).expect("html");
    let lower = html.to_lowercase();
    for raw in [
        "<script",
        "<img",
        "<svg onload",
        "href=\"javascript:",
        "<b>never",
        "<i>someone",
        "<a href=\"javascript",
    ] {
        assert!(!lower.contains(raw), "raw {raw:?} reached the HTML");
    }
    // No tag the report writes carries an event handler or a javascript: URL.
    for tag in lower
        .split('<')
        .skip(1)
        .filter_map(|rest| rest.split('>').next())
    {
        for bad in [
            " onerror",
            " onload",
            " onclick",
            " onmouseover",
            "javascript:",
        ] {
            assert!(!tag.contains(bad), "tag <{tag}> carries {bad}");
        }
    }
    assert!(
        html.contains("&lt;script&gt;"),
        "the hostile text is shown, escaped"
    );
    assert!(
        html.contains("href=\"https://hp.example/a?x=1&amp;y=2\""),
        "safe links stay links"
    );
    let md = std::fs::read_to_string(ws.path("out/report.md")).expect("md");
    assert!(
        !md.contains("<script") && !md.contains("<img"),
        "raw HTML in Markdown"
    );
    assert!(
        !md.contains("](javascript:"),
        "a javascript: link in Markdown"
    );
    assert!(
        !md.lines().any(|l| l.starts_with("# Injected")),
        "a heading injected into Markdown"
    );
}

fn headless(bin: &str, profile: &Path) -> Command {
    let mut cmd = Command::new(bin);
    cmd.args(HEADLESS_FLAGS)
        .args(["--enable-logging=stderr", "--v=0"])
        .arg(format!("--user-data-dir={}", profile.display()));
    cmd
}

#[test]
fn html_report_renders_in_chromium_and_runs_nothing() {
    let Some(bin) = chromium_or_skip() else {
        return;
    };
    let ws = hostile_workspace();
    // The sample corpus and the hostile article in one report.
    let corpus = repo("corpus");
    let out = ws.run(&[
        "run",
        "c",
        corpus.to_str().unwrap_or_default(),
        "--out",
        "out",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let page = ws.path("out/report.html");
    let url = format!("file://{}", page.display());

    let dom = headless(bin, &ws.path("profile-dom"))
        .args(["--dump-dom", &url])
        .output()
        .expect("chromium --dump-dom");
    assert!(dom.status.success(), "{}", text(&dom.stderr));
    let dom_text = text(&dom.stdout);
    let log = text(&dom.stderr);
    assert!(
        dom_text.contains("<h1>"),
        "the page rendered: {}",
        &dom_text[..dom_text.len().min(300)]
    );
    assert!(
        !dom_text.contains("data-owned=\"yes\""),
        "a hostile script ran"
    );
    assert!(
        !dom_text.to_lowercase().contains("<script"),
        "a script element exists"
    );
    let script_log = log.lines().find(|l| {
        l.contains("CONSOLE") || l.contains("Uncaught") || l.contains("Content Security Policy")
    });
    assert!(
        script_log.is_none(),
        "the page logged a script error or a blocked script: {script_log:?}"
    );

    let shot = ws.path("out/screenshot.png");
    let status = headless(bin, &ws.path("profile-shot"))
        .args([
            "--window-size=1280,2200",
            &format!("--screenshot={}", shot.display()),
            &url,
        ])
        .output()
        .expect("chromium --screenshot");
    assert!(status.status.success(), "{}", text(&status.stderr));
    let png = std::fs::read(&shot).expect("screenshot written");
    assert!(
        png.starts_with(b"\x89PNG") && png.len() > 10_000,
        "a real screenshot"
    );
    if let Some(dir) = std::env::var_os("CROSSCHECK_SCREENSHOT_DIR") {
        let _ = std::fs::copy(&shot, Path::new(&dir).join("report-screenshot.png"));
    }
}
