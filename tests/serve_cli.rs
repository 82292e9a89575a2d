//! `crosscheck serve` end to end: a real server on an ephemeral port over an index of the
//! sample corpus, asked the way a client and a person would (the JSON API, the pages, and
//! the pages in headless Chromium), including while `crosscheck index` adds articles.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};

use common::cdp::{chromium_or_skip, Browser};
use common::{repo, text, Workspace};
use serde_json::Value;

/// `crosscheck serve` over the workspace's index, on `addr`.
fn serve(ws: &Workspace, addr: &str) -> Command {
    let mut command = Command::new(assert_cmd::cargo::cargo_bin("crosscheck"));
    command
        .arg("--index")
        .arg(ws.index_dir())
        .args(["serve", "--addr", addr]);
    command
}

/// A running server, stopped when dropped.
struct Server {
    child: Child,
    port: u16,
}

impl Server {
    fn start(ws: &Workspace) -> Server {
        let mut child = serve(ws, "127.0.0.1:0")
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start crosscheck serve");
        let mut line = String::new();
        let stdout = child.stdout.take().expect("piped stdout");
        BufReader::new(stdout)
            .read_line(&mut line)
            .expect("the server prints its address");
        let port = line
            .trim()
            .rsplit(':')
            .next()
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("no port in {line:?}"));
        Server { child, port }
    }

    /// `GET path`: (status, content type, body).
    fn get(&self, path: &str) -> (u16, String, String) {
        self.request("GET", path)
    }

    fn request(&self, method: &str, path: &str) -> (u16, String, String) {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).expect("connect");
        write!(
            stream,
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\
             Connection: close\r\n\r\n"
        )
        .expect("send request");
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).expect("read response");
        let raw = text(&raw);
        let (head, body) = raw.split_once("\r\n\r\n").unwrap_or((&raw, ""));
        let status = head
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        let content_type = head
            .lines()
            .find_map(|l| {
                l.to_ascii_lowercase()
                    .strip_prefix("content-type:")
                    .map(|v| v.trim().to_owned())
            })
            .unwrap_or_default();
        (status, content_type, body.to_owned())
    }

    fn json(&self, path: &str) -> (u16, Value) {
        let (status, content_type, body) = self.get(path);
        assert!(
            content_type.starts_with("application/json"),
            "{path}: {content_type}"
        );
        let value = serde_json::from_str(&body).unwrap_or_else(|e| panic!("{path}: {e}: {body}"));
        (status, value)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An index of the sample corpus, plus one article whose text tries to break out of HTML.
fn indexed() -> Workspace {
    let ws = Workspace::new();
    ws.write(
        "extra/hostile.txt",
        "Title: Flood <script>alert('t')</script> update \u{202E}gnp.exe\nOutlet: Hostile <b>Wire</b>\n\
         Date: 2025-05-14\nURL: javascript:alert(document.cookie)\n\n\
         At least 12 people died in Valdora, <img src=x onerror=alert(1)> \
         officials said on Wednesday.\n",
    );
    let corpus = repo("corpus");
    let out = ws.run(&[
        "index",
        corpus.to_str().unwrap_or_default(),
        ws.path("extra").to_str().unwrap_or_default(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    ws
}

#[test]
fn the_json_api_wraps_the_contracts() {
    let ws = indexed();
    let server = Server::start(&ws);

    let (status, body) = server.json("/api/search?q=hostages&limit=2");
    assert_eq!(status, 200, "{body}");
    let hits = body["hits"].as_array().expect("hits");
    let total = body["total"].as_u64().expect("total") as usize;
    assert_eq!(hits.len(), 2);
    assert!(total >= 2, "{body}");
    for field in [
        "article_id",
        "outlet",
        "title",
        "date",
        "url",
        "snippet",
        "story",
        "score",
    ] {
        assert!(hits[0].get(field).is_some(), "{field} in {}", hits[0]);
    }
    // pages are stable: two pages of two are the first four
    let (_, four) = server.json("/api/search?q=hostages&limit=4");
    let (_, second) = server.json("/api/search?q=hostages&limit=2&offset=2");
    let ids = |v: &Value| -> Vec<String> {
        v["hits"]
            .as_array()
            .map(|a| a.iter().map(|h| h["article_id"].to_string()).collect())
            .unwrap_or_default()
    };
    let mut paged = ids(&body);
    paged.extend(ids(&second));
    assert_eq!(paged, ids(&four));

    let (status, body) = server.json("/api/stories");
    assert_eq!(status, 200);
    let stories = body["stories"].as_array().expect("stories").clone();
    assert_eq!(stories.len(), 3, "the sample corpus holds three stories");
    let id = stories[0]["story_id"]
        .as_str()
        .expect("story id")
        .to_owned();

    let (status, page) = server.json("/api/stories?limit=2&offset=1");
    assert_eq!(status, 200, "{page}");
    assert_eq!(page["stories"].as_array(), Some(&stories[1..3].to_vec()));
    assert_eq!(page["total"], 3);

    let (status, story) = server.json(&format!("/api/stories/{id}"));
    assert_eq!(status, 200);
    assert_eq!(story["story_id"], stories[0]["story_id"]);
    let clusters = story["clusters"].as_array().expect("clusters").clone();
    assert!(!clusters.is_empty());
    assert!(clusters.iter().all(|c| c["story"] == story["story_id"]));

    let cluster = &clusters[0];
    let cluster_id = cluster["cluster_id"].as_str().expect("cluster id");
    for path in [
        format!("/api/clusters/{cluster_id}"),
        format!("/api/clusters/{cluster_id}?story={id}"),
    ] {
        let (status, found) = server.json(&path);
        assert_eq!(status, 200, "{path}");
        assert_eq!(found["cluster_id"], cluster["cluster_id"]);
        assert_eq!(
            found["claim_details"].as_array().map(Vec::len),
            cluster["claims"].as_array().map(Vec::len)
        );
    }

    let (status, claims) = server.json(&format!("/api/claims?q=killed&story={id}"));
    assert_eq!(status, 200);
    let claims = claims["claims"].as_array().expect("claims").clone();
    assert!(claims
        .iter()
        .all(|c| c["story"].as_str() == Some(id.as_str())));

    let (status, sources) = server.json("/api/sources");
    assert_eq!(status, 200);
    assert!(!sources["sources"].as_array().expect("sources").is_empty());

    // a story's claims and sources come from its comparison's view: the same as the CLI's
    let cli = |args: &[&str]| -> Value {
        let out = ws.run(args);
        assert!(out.status.success(), "{}", text(&out.stderr));
        serde_json::from_slice(&out.stdout).expect("JSON")
    };
    let (status, claims) = server.json(&format!("/api/claims?story={id}&limit=3"));
    assert_eq!(status, 200);
    let all = cli(&["claims", "--story", &id, "--format", "json"]);
    let all = all
        .get("claims")
        .unwrap_or(&all)
        .as_array()
        .expect("claims");
    assert!(all.len() > 3, "{} claims", all.len());
    assert_eq!(claims["claims"].as_array(), Some(&all[..3].to_vec()));
    let (status, sources) = server.json(&format!("/api/sources?story={id}"));
    assert_eq!(status, 200);
    assert_eq!(
        sources,
        cli(&["sources", "--story", &id, "--format", "json"])
    );
    // asked again (kept), the same answer
    assert_eq!(server.json(&format!("/api/sources?story={id}")).1, sources);
}

#[test]
fn bad_requests_get_an_error_a_person_can_act_on() {
    let ws = indexed();
    let server = Server::start(&ws);
    let long = format!("/api/search?q={}", "a".repeat(10_000));
    for (path, status) in [
        ("/api/search", 400),
        ("/api/search?q=", 400),
        ("/api/search?q=toll&limit=0", 400),
        ("/api/search?q=toll&limit=ten", 400),
        ("/api/search?q=toll&offset=-1", 400),
        ("/api/search?q=toll&since=yesterday", 400),
        ("/api/stories/no-such-story", 404),
        ("/api/clusters/no-such-cluster", 404),
        ("/api/claims?q=toll&offset=-1", 400),
        ("/api/stories?limit=0", 400),
        ("/api/stories/%FF%FE", 400),
        (long.as_str(), 400),
    ] {
        let (got, body) = server.json(path);
        assert_eq!(got, status, "{path}: {body}");
        let message = body["error"].as_str().unwrap_or_default();
        assert!(message.len() > 10, "{path}: {body}");
    }
    // the framework's own refusals are the API's JSON errors too
    let (status, content_type, body) = server.request("POST", "/api/search?q=toll");
    assert_eq!(status, 405, "{body}");
    assert!(
        content_type.starts_with("application/json"),
        "{content_type}"
    );
    let body: Value = serde_json::from_str(&body).expect("a JSON error");
    assert!(
        body["error"].as_str().is_some_and(|m| m.contains("GET")),
        "{body}"
    );
}

#[test]
fn pages_escape_article_text_and_link_story_to_cluster() {
    let ws = indexed();
    let server = Server::start(&ws);
    let (status, content_type, home) = server.get("/");
    assert_eq!(status, 200);
    assert!(content_type.starts_with("text/html"), "{content_type}");
    assert!(home.contains("<form") && home.contains("action=\"/search\""));

    let (status, _, page) = server.get("/search?q=Valdora+died");
    assert_eq!(status, 200);
    assert!(page.contains("<mark>"), "matched words are marked");
    assert_inert("/search", &page);
    assert!(page.contains("&lt;script&gt;") || page.contains("&lt;img"));

    // the hostile article on every page that shows it: its story (timeline, clusters),
    // its clusters, the sources, its outlet's page, claim search
    let (_, hits) = server.json("/api/search?q=Valdora");
    let hostile_story = hits["hits"][0]["story"]
        .as_str()
        .expect("the hostile article's story")
        .to_owned();
    let (_, story) = server.json(&format!("/api/stories/{hostile_story}"));
    let mut paths = vec![
        format!("/stories/{hostile_story}"),
        "/sources".to_owned(),
        "/sources/Hostile%20%3Cb%3EWire%3C%2Fb%3E".to_owned(),
        "/claims?q=Valdora".to_owned(),
        "/".to_owned(),
    ];
    for cluster in story["clusters"].as_array().into_iter().flatten() {
        let id = cluster["cluster_id"].as_str().unwrap_or_default();
        paths.push(format!("/clusters/{id}?story={hostile_story}"));
    }
    for path in &paths {
        let (status, _, page) = server.get(path);
        assert_eq!(status, 200, "{path}");
        assert_inert(path, &page);
    }
    let (_, _, story_page) = server.get(&paths[0]);
    assert!(story_page.contains("Timeline"), "the story's timeline");
    assert!(
        story_page.contains("Hostile &lt;b&gt;Wire&lt;/b&gt;"),
        "the outlet is shown, as text"
    );
    let (_, _, outlet_page) = server.get(&paths[2]);
    assert!(
        outlet_page.contains("Valdora"),
        "an outlet's page lists its claims"
    );
    let (_, _, sources_page) = server.get("/sources");
    assert!(
        sources_page.contains("href=\"/sources/Hostile%20%3Cb%3EWire%3C%2Fb%3E\"")
            && !sources_page.contains(" hidden"),
        "each source's page is linked, visibly"
    );

    // from a story page to one of its clusters, by the links on the page
    let (_, body) = server.json("/api/stories");
    let id = body["stories"][0]["story_id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let (status, _, story) = server.get(&format!("/stories/{id}"));
    assert_eq!(status, 200);
    let link = story
        .split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .find(|href| href.starts_with("/clusters/"))
        .expect("a link to a cluster")
        .replace("&amp;", "&");
    let (status, _, cluster) = server.get(&link);
    assert_eq!(status, 200, "{link}");
    assert!(cluster.contains("<svg"), "the cluster's number line");

    for path in ["/sources", "/claims?q=killed", "/search"] {
        let (status, _, _) = server.get(path);
        assert_eq!(status, 200, "{path}");
    }
    let (status, _, _) = server.get("/stories/no-such-story");
    assert_eq!(status, 404);
}

/// A page shows article text only as text: no markup of the article's, no link that runs
/// script, and no script of the page's own (every page works without JavaScript).
fn assert_inert(path: &str, page: &str) {
    for planted in [
        "<script",
        "<img src=x",
        "<b>Wire",
        "href=\"javascript:",
        "href='javascript:",
        "\u{202E}",
    ] {
        assert!(!page.contains(planted), "{path}: {planted:?} in the page");
    }
}

#[test]
fn claims_come_in_pages() {
    let ws = indexed();
    let server = Server::start(&ws);
    let ids = |body: &Value| -> Vec<String> {
        body["claims"]
            .as_array()
            .map(|claims| {
                claims
                    .iter()
                    .filter_map(|c| c["claim_id"].as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    let (status, four) = server.json("/api/claims?q=killed&limit=4");
    assert_eq!(status, 200);
    assert_eq!(ids(&four).len(), 4, "{four}");
    assert_eq!(four["more"], true);
    let (_, first) = server.json("/api/claims?q=killed&limit=2");
    let (_, second) = server.json("/api/claims?q=killed&limit=2&offset=2");
    let mut paged = ids(&first);
    paged.extend(ids(&second));
    assert_eq!(paged, ids(&four));
    let (_, _, page) = server.get("/claims?q=killed&limit=2&offset=2");
    assert!(page.contains("Claims 3 to 4."), "{page}");
    assert!(page.contains("Previous") && page.contains("Next"));
}

#[test]
fn another_address_than_loopback_is_warned_about() {
    let ws = indexed();
    let mut child = serve(&ws, "0.0.0.0:0")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start crosscheck serve");
    let mut line = String::new();
    if let Some(stderr) = child.stderr.take() {
        BufReader::new(stderr).read_line(&mut line).expect("stderr");
    }
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        line.starts_with("warning:") && line.contains("0.0.0.0"),
        "{line}"
    );
}

#[test]
fn search_sees_articles_indexed_while_it_runs() {
    let ws = indexed();
    let server = Server::start(&ws);
    let (_, before) = server.json("/api/search?q=zephyrine");
    assert_eq!(before["total"], 0);
    ws.write(
        "later/new.txt",
        "Title: Zephyrine ferry\nOutlet: Late Wire\nDate: 2025-05-21\n\n\
         The Zephyrine ferry carried 212 passengers, the port authority said.\n",
    );
    let out = ws.run(&["index", ws.path("later").to_str().unwrap_or_default()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let (status, after) = server.json("/api/search?q=zephyrine");
    assert_eq!(status, 200);
    assert_eq!(after["total"], 1, "{after}");
    let (_, stories) = server.json("/api/stories");
    let story = after["hits"][0]["story"].clone();
    assert!(
        stories["stories"]
            .as_array()
            .is_some_and(|all| all.iter().any(|s| s["story_id"] == story)),
        "the new article's story is listed"
    );
}

/// With `UPDATE_SCREENSHOTS=1`, the page as shown goes to `docs/` for the README.
fn keep_screenshot(browser: &mut Browser, name: &str) {
    if std::env::var_os("UPDATE_SCREENSHOTS").is_some() {
        let png = browser.screenshot();
        assert!(png.starts_with(b"\x89PNG"), "a PNG");
        std::fs::write(repo("docs").join(name), png).expect("write screenshot");
    }
}

#[test]
fn a_person_searches_and_opens_a_story_and_a_cluster_in_chromium() {
    let Some(bin) = chromium_or_skip() else {
        return;
    };
    let ws = indexed();
    let server = Server::start(&ws);
    let base = format!("http://127.0.0.1:{}", server.port);
    let mut browser = Browser::launch(bin, &ws.path("profile"));

    browser.navigate(&format!("{base}/"));
    assert!(browser
        .html()
        .contains("Stories with the most disagreement"));
    keep_screenshot(&mut browser, "serve-home.png");

    // type a query into the search box and press Enter
    browser.click("#q");
    browser.type_text("hostages held");
    browser.press_enter();
    browser.wait_for_load();
    let results = browser.html();
    assert!(results.contains("articles match"), "{results}");
    assert!(results.contains("<mark>"), "matched words are marked");
    assert_eq!(
        browser.eval("new URLSearchParams(location.search).get('q')"),
        "hostages held"
    );
    keep_screenshot(&mut browser, "serve-search.png");

    // open a result's story, then one of its clusters
    browser.click("a[href^='/stories/']");
    browser.wait_for_load();
    assert!(browser.html().contains("Figures and quotes compared"));
    keep_screenshot(&mut browser, "serve-story.png");
    browser.click("a[href^='/clusters/']");
    browser.wait_for_load();
    assert_eq!(
        browser.eval("document.querySelectorAll('figure.chart svg').length > 0"),
        true,
        "the number line is shown"
    );
    keep_screenshot(&mut browser, "serve-cluster.png");

    browser.navigate(&format!("{base}/sources"));
    keep_screenshot(&mut browser, "serve-sources.png");
    // a source's page, by its link
    browser.click("ul.sources a[href^='/sources/']");
    browser.wait_for_load();
    assert!(browser.html().contains("Its claims"));
    keep_screenshot(&mut browser, "serve-source.png");
    browser.navigate(&format!("{base}/claims?q=killed"));
    assert!(browser.html().contains("Claims 1 to"));
    keep_screenshot(&mut browser, "serve-claims.png");

    // a hostile article shows as text: no element it tried to plant exists, on the
    // search results and on its story's page
    browser.navigate(&format!("{base}/search?q=Valdora+died+officials"));
    let planted = "document.querySelectorAll('script, img, iframe, [onerror], [onload], \
                   a[href^=\"javascript:\"], main b').length";
    assert_eq!(browser.eval(planted), 0, "{}", browser.html());
    let shown = browser.eval("document.body.textContent");
    let shown = shown.as_str().unwrap_or_default();
    assert!(shown.contains("<img src=x onerror=alert(1)>"), "{shown}");
    assert!(shown.contains("Hostile <b>Wire</b>"), "{shown}");
    browser.click("a[href^='/stories/']");
    browser.wait_for_load();
    assert_eq!(browser.eval(planted), 0, "{}", browser.html());
    let shown = browser.eval("document.body.textContent");
    assert!(
        shown
            .as_str()
            .unwrap_or_default()
            .contains("Hostile <b>Wire</b>"),
        "{shown}"
    );

    assert!(
        browser.errors.is_empty(),
        "page errors: {:?}",
        browser.errors
    );
}
