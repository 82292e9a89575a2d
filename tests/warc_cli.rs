//! WARC input: `crosscheck index` and `extract` read `.warc` and `.warc.gz`. HTML responses
//! become articles (target URI as `url`, WARC-Date when the page has no date, the host when
//! it names no outlet); other records are skipped and counted; a damaged record or gzip
//! member is a diagnostic naming the file and record, and the records after it are read.

mod common;

use std::io::Write;

use common::{text, Workspace};
use serde_json::Value;

const FLOOD: &str = "<html><head><title>River bursts its banks in Dunmere</title>\
<meta property=\"og:site_name\" content=\"Harbour Gazette\"></head><body><article>\
<h1>River bursts its banks in Dunmere</h1>\
<p>At least 12 people died when the river Coll burst its banks in Dunmere overnight, \
the regional fire service said on Tuesday.</p>\
<p>About 3,000 residents were moved to schools and sports halls on higher ground, and \
rescue crews were still searching flooded streets near the old mill.</p>\
<p>The mayor said the town had not seen water this high since records began.</p>\
</article></body></html>";

const FLOOD_AGAIN: &str = "<html><head><title>Dunmere counts the cost</title></head><body>\
<article><h1>Dunmere counts the cost</h1>\
<p>The death toll in Dunmere rose to 14, the regional fire service said, as the river \
Coll fell back below its banks.</p>\
<p>Some 2,800 people spent a second night in emergency shelters, according to the \
council.</p></article></body></html>";

const STRIKE: &str = "<html><head><title>Dock workers walk out in Pellham</title>\
<meta property=\"article:published_time\" content=\"2024-03-02T08:00:00Z\"></head><body>\
<article><h1>Dock workers walk out in Pellham</h1>\
<p>More than 4,000 dock workers stopped work in Pellham on Saturday, the union said, \
after talks over pay broke down.</p>\
<p>The port authority said 40 ships were waiting to unload.</p></article></body></html>";

fn record(kind: &str, uri: &str, content_type: &str, body: &[u8], length: usize) -> Vec<u8> {
    let mut out = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{kind}-{}>\r\n\
         WARC-Date: 2024-03-05T10:00:00Z\r\nWARC-Target-URI: {uri}\r\n\
         Content-Type: {content_type}\r\nContent-Length: {length}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    out.extend_from_slice(body);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

fn response(uri: &str, http_headers: &str, payload: &[u8]) -> Vec<u8> {
    let mut body = format!("HTTP/1.1 {http_headers}\r\n\r\n").into_bytes();
    body.extend_from_slice(payload);
    record(
        "response",
        uri,
        "application/http; msgtype=response",
        &body,
        body.len(),
    )
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).expect("gzip in memory");
    encoder.finish().expect("gzip in memory")
}

fn chunked(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    for chunk in bytes.chunks(100) {
        out.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
        out.extend_from_slice(chunk);
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(b"0\r\n\r\n");
    out
}

/// The records of the test archive, in order: what each one is, and its bytes.
fn records() -> Vec<(&'static str, Vec<u8>)> {
    let warcinfo = b"software: a test\r\nformat: WARC File Format 1.1\r\n";
    let request = b"GET /news/flood HTTP/1.1\r\nHost: harbour.example\r\n\r\n";
    let redirect = b"";
    vec![
        (
            "warcinfo",
            record(
                "warcinfo",
                "",
                "application/warc-fields",
                warcinfo,
                warcinfo.len(),
            ),
        ),
        (
            "request",
            record(
                "request",
                "https://harbour.example/news/flood",
                "application/http; msgtype=request",
                request,
                request.len(),
            ),
        ),
        (
            "flood",
            response(
                "https://harbour.example/news/flood",
                "200 OK\r\nContent-Type: text/html; charset=utf-8",
                FLOOD.as_bytes(),
            ),
        ),
        (
            "metadata",
            record(
                "metadata",
                "https://harbour.example/news/flood",
                "application/warc-fields",
                b"fetchTimeMs: 120\r\n",
                18,
            ),
        ),
        (
            "flood again (chunked, gzip)",
            response(
                "https://www.valleynews.example/2024/03/dunmere",
                "200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\
                 Content-Encoding: gzip",
                &chunked(&gzip(FLOOD_AGAIN.as_bytes())),
            ),
        ),
        (
            "redirect",
            response(
                "https://harbour.example/old",
                "301 Moved Permanently\r\nLocation: https://harbour.example/new",
                redirect,
            ),
        ),
        (
            "image",
            response(
                "https://harbour.example/map.png",
                "200 OK\r\nContent-Type: image/png",
                b"\x89PNG not really",
            ),
        ),
        (
            "damaged",
            // Its Content-Length says 40 bytes more than it holds.
            record(
                "response",
                "https://harbour.example/broken",
                "application/http",
                b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>cut</p>",
                95,
            ),
        ),
        (
            "strike",
            response(
                "https://portnews.example/strike",
                "200 OK\r\nContent-Type: text/html",
                STRIKE.as_bytes(),
            ),
        ),
    ]
}

fn hits(ws: &Workspace) -> Vec<Value> {
    let out = ws.run(&["search", "Dunmere OR Pellham", "--format", "json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("search JSON: an array of hits")
}

fn hit<'a>(hits: &'a [Value], url: &str) -> Option<&'a Value> {
    hits.iter().find(|h| h["url"] == url)
}

#[test]
fn plain_warc_html_responses_become_articles_and_damage_is_reported() {
    let ws = Workspace::new();
    let archive: Vec<u8> = records().into_iter().flat_map(|(_, r)| r).collect();
    let path = ws.write("crawl/news.warc", archive);
    let out = ws.run(&["index", path.to_str().unwrap_or_default()]);
    let stderr = text(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(1),
        "a damaged record is rejected input: {stderr}"
    );
    assert!(
        stderr.contains("news.warc: record 8 (byte") && stderr.contains("damaged WARC record"),
        "{stderr}"
    );
    assert!(
        stderr.contains("9 WARC records: 3 read as articles")
            && stderr.contains("metadata 1")
            && stderr.contains("request 1")
            && stderr.contains("warcinfo 1")
            && stderr.contains("response (not a success) 1")
            && stderr.contains("response (not HTML) 1"),
        "{stderr}"
    );

    let hits = hits(&ws);
    assert_eq!(hits.len(), 3, "{hits:#?}");
    let flood = hit(&hits, "https://harbour.example/news/flood").expect("the flood page");
    assert_eq!(flood["outlet"], "Harbour Gazette");
    assert_eq!(
        flood["date"], "2024-03-05",
        "WARC-Date when the page has none"
    );
    let again =
        hit(&hits, "https://www.valleynews.example/2024/03/dunmere").expect("chunked, gzip page");
    assert_eq!(
        again["outlet"], "valleynews.example",
        "the host names the outlet"
    );
    let strike = hit(&hits, "https://portnews.example/strike").expect("the page after damage");
    assert_eq!(
        strike["date"], "2024-03-02",
        "the page's own date comes first"
    );

    // The same archive through the stream filter: the same articles' claims.
    let out = ws.run(&["extract", path.to_str().unwrap_or_default()]);
    assert_eq!(out.status.code(), Some(1));
    let claims: Vec<Value> = text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("claims JSON Lines"))
        .collect();
    let ids: std::collections::BTreeSet<&str> = claims
        .iter()
        .filter_map(|c| c["article_id"].as_str())
        .collect();
    assert_eq!(ids.len(), 3, "claims from all three articles: {ids:?}");
    assert!(
        claims.iter().any(|c| c["quantity"]["value"] == 14.0),
        "the toll of the chunked, gzip page"
    );
}

#[test]
fn gzip_members_are_read_one_by_one_and_a_damaged_member_is_skipped() {
    let ws = Workspace::new();
    let mut archive = Vec::new();
    let mut damaged_at = 0;
    for (what, bytes) in records() {
        if what == "damaged" {
            continue;
        }
        let mut member = gzip(&bytes);
        if what.starts_with("flood again") {
            // Garble the middle of the member: its deflate data or its checksum fails.
            let middle = member.len() / 2;
            for byte in &mut member[middle..middle + 16] {
                *byte ^= 0x5a;
            }
            damaged_at = archive.len();
        }
        archive.extend_from_slice(&member);
    }
    assert!(damaged_at > 0);
    let path = ws.write("crawl/news.warc.gz", archive);
    let out = ws.run(&["index", path.to_str().unwrap_or_default()]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("news.warc.gz: record 5") && stderr.contains("damaged gzip member"),
        "{stderr}"
    );
    let hits = hits(&ws);
    let urls: Vec<&str> = hits.iter().filter_map(|h| h["url"].as_str()).collect();
    assert_eq!(
        urls.len(),
        2,
        "the records before and after the damaged member: {urls:?}"
    );
    assert!(hit(&hits, "https://harbour.example/news/flood").is_some());
    assert!(hit(&hits, "https://portnews.example/strike").is_some());
}

#[test]
fn a_warc_file_found_in_a_folder_is_read_and_an_empty_one_is_rejected() {
    let ws = Workspace::new();
    let strike = records()
        .into_iter()
        .find(|(what, _)| *what == "strike")
        .map(|(_, bytes)| bytes)
        .unwrap_or_default();
    ws.write("corpus/a/strike.warc.gz", gzip(&strike));
    ws.write("corpus/b/empty.warc", "not a web archive at all\n");
    let corpus = ws.path("corpus");
    let out = ws.run(&["index", corpus.to_str().unwrap_or_default()]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("empty.warc"), "{stderr}");
    let hits = hits(&ws);
    assert_eq!(hits.len(), 1, "{hits:#?}");
}
