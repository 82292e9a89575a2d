//! Synthetic corpus generator: stories whose true quantities change over time, outlets with
//! planted accuracy and habits (rounding, hedging, attribution, relaying, copying, errors),
//! articles in every input format of `contracts/articles.md`, and a ground-truth file.
//!
//! Layout written into `options.out`:
//! - `corpus/p0000/ … corpus/pNNNN/`: at most 1,000 files per folder; `.txt` (byline or
//!   header block), `.json` (one object or an array), `.jsonl` (canonical, news-please and
//!   trafilatura field names; most articles at scale) and `.html`.
//! - `truth.jsonl`: one line per outlet, story, claimant, article, quantity claim and quote
//!   (field `type`), see [`truth`].
//!
//! Everything is derived from `options.seed` with a small deterministic PRNG, so the same
//! seed gives byte-identical output everywhere. Articles are written as they are produced:
//! memory holds one story and one article at a time.

mod article;
mod date;
mod names;
mod number;
pub mod planted;
mod rng;
mod text;
pub mod truth;
mod world;

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use article::{render, title, Rendered};
use date::Date;
use names::NameSpace;
use rng::Rng;
use world::{make_outlets, Outlet, Story};

pub struct GenOptions {
    pub articles: usize,
    pub outlets: usize,
    pub seed: u64,
    pub out: PathBuf,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GenSummary {
    pub articles: usize,
    pub files: usize,
    /// Bytes written, corpus and `truth.jsonl` together.
    pub bytes: u64,
    pub stories: usize,
}

/// A buffered file writer that counts the bytes it writes (one `Vec` append per write;
/// serde_json issues many small writes).
struct Counted {
    file: File,
    buf: Vec<u8>,
    n: u64,
}

const BUF: usize = 1 << 16;

impl Counted {
    fn create(path: &Path) -> io::Result<Counted> {
        Ok(Counted {
            file: File::create(path)?,
            buf: Vec::with_capacity(BUF + 4096),
            n: 0,
        })
    }

    fn finish(mut self) -> io::Result<u64> {
        self.flush()?;
        Ok(self.n)
    }
}

impl Write for Counted {
    #[inline]
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.write_all(buf)?;
        Ok(buf.len())
    }

    #[inline]
    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.buf.extend_from_slice(buf);
        self.n += buf.len() as u64;
        if self.buf.len() >= BUF {
            self.file.write_all(&self.buf)?;
            self.buf.clear();
        }
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.write_all(&self.buf)?;
        self.buf.clear();
        self.file.flush()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    TxtByline,
    TxtHeader,
    Json,
    JsonArray,
    Jsonl,
    Html,
}

impl Format {
    fn json_id(self) -> bool {
        matches!(self, Format::Json | Format::JsonArray | Format::Jsonl)
    }
}

const JSONL_FLAVORS: [&str; 3] = ["jsonl", "jsonl_newsplease", "jsonl_trafilatura"];

/// Everything a format writer needs about one article.
struct Meta<'a> {
    id: &'a str,
    outlet: &'a Outlet,
    author: &'a str,
    date: Date,
    time: String,
    title: &'a str,
    url: &'a str,
    body: &'a str,
}

#[derive(serde::Serialize)]
struct Canonical<'a> {
    id: &'a str,
    outlet: &'a str,
    author: &'a str,
    date: &'a str,
    title: &'a str,
    url: &'a str,
    language: &'a str,
    text: &'a str,
}

#[derive(serde::Serialize)]
struct NewsPlease<'a> {
    id: &'a str,
    title: &'a str,
    source_domain: &'a str,
    authors: [&'a str; 1],
    date_publish: &'a str,
    language: &'a str,
    url: &'a str,
    maintext: &'a str,
}

#[derive(serde::Serialize)]
struct Trafilatura<'a> {
    id: &'a str,
    title: &'a str,
    sitename: &'a str,
    hostname: &'a str,
    author: &'a str,
    date: &'a str,
    url: &'a str,
    text: &'a str,
}

fn canonical<'a>(m: &'a Meta<'a>, date: &'a str) -> Canonical<'a> {
    Canonical {
        id: m.id,
        outlet: &m.outlet.name,
        author: m.author,
        date,
        title: m.title,
        url: m.url,
        language: "en",
        text: m.body,
    }
}

fn json_err(e: serde_json::Error) -> io::Error {
    io::Error::other(e)
}

fn html_escape(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
}

fn html_page(m: &Meta, g: u64) -> String {
    let mut s = String::with_capacity(m.body.len() + 3000);
    let esc = |s: &mut String, t: &str| html_escape(t, s);
    let o = &m.outlet.name;
    let (y, _, _) = m.date.ymd();
    s.push_str("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
    esc(&mut s, m.title);
    s.push_str(" – ");
    esc(&mut s, o);
    s.push_str("</title>\n<meta property=\"og:site_name\" content=\"");
    esc(&mut s, o);
    s.push_str("\">\n<meta property=\"og:title\" content=\"");
    esc(&mut s, m.title);
    s.push_str("\">\n<meta property=\"og:url\" content=\"");
    esc(&mut s, m.url);
    s.push_str(&format!(
        "\">\n<meta property=\"article:published_time\" content=\"{}T{}:00+00:00\">\n<meta name=\"author\" content=\"",
        m.date.iso(),
        m.time
    ));
    esc(&mut s, m.author);
    s.push_str("\">\n<link rel=\"canonical\" href=\"");
    esc(&mut s, m.url);
    s.push_str(&format!(
        "\">\n<script>\n  window.dataLayer = {{ pageId: {}, adSlots: {}, consentVersion: {} }};\n</script>\n<style>.story p {{ margin: 0 0 {}px; }}</style>\n</head>\n<body>\n",
        g % 100_000,
        3 + g % 5,
        2 + g % 4,
        12 + g % 8
    ));
    s.push_str(&format!(
        "<div id=\"cookie-banner\">We use {} kinds of cookies. <button>Accept all</button></div>\n<nav aria-label=\"Main\">\n  <a href=\"/\">Home</a> | <a href=\"/news\">News</a> | <a href=\"/world\">World</a> | <a href=\"/business\">Business</a> | <a href=\"/weather\">Weather: {}°C</a> | <a href=\"/markets\">Markets {}.{}%</a>\n</nav>\n<header><div class=\"masthead\">",
        4 + g % 6,
        8 + g % 20,
        g % 3,
        g % 10
    ));
    esc(&mut s, o);
    s.push_str("</div></header>\n<main>\n<article class=\"story\">\n  <h1>");
    esc(&mut s, m.title);
    s.push_str("</h1>\n  <p class=\"byline\">By <span class=\"author\">");
    esc(&mut s, m.author);
    s.push_str(&format!("</span>, {}</p>\n", m.date.month_day()));
    for p in m.body.split('\n') {
        s.push_str("  <p>");
        esc(&mut s, p);
        s.push_str("</p>\n");
    }
    s.push_str(&format!(
        "</article>\n<aside class=\"most-read\">\n  <h3>Most read</h3>\n  <ol>\n    <li><a href=\"/sport/{y}/harbour-fc\">Harbour FC win {}-{} in cup replay</a></li>\n    <li><a href=\"/business/{y}/rates\">Central bank holds rates at {}.{} percent</a></li>\n    <li><a href=\"/news/{y}/council\">Council votes {} to {} on budget</a></li>\n  </ol>\n</aside>\n</main>\n<footer>\n  <p>",
        1 + g % 4,
        g % 3,
        2 + g % 5,
        g % 10,
        20 + g % 15,
        10 + g % 9
    ));
    esc(&mut s, o);
    s.push_str(&format!(
        ", {} Quay Street. Newsdesk: +44 20 7946 {:04}.</p>\n  <p>Copyright © {y} ",
        1 + g % 90,
        g % 10_000
    ));
    esc(&mut s, o);
    s.push_str(". All rights reserved.</p>\n  <p><a href=\"/about\">About us</a> <a href=\"/jobs\">Jobs</a> <a href=\"/privacy\">Privacy</a></p>\n</footer>\n</body>\n</html>\n");
    s
}

/// Where articles go: folders of at most 1,000 files, one open JSON Lines file and one open
/// JSON array file at a time.
struct Sink {
    out: PathBuf,
    files: usize,
    folder: Option<usize>,
    bytes: u64,
    jsonl: Option<(Counted, &'static str, String)>,
    jsonl_lines: usize,
    jsonl_per_file: usize,
    jsonl_files: usize,
    array: Option<(Counted, String)>,
    array_left: usize,
}

const FILES_PER_FOLDER: usize = 1000;

impl Sink {
    fn new_file(&mut self, name: &str) -> io::Result<(Counted, String)> {
        let folder = self.files / FILES_PER_FOLDER;
        let rel_dir = format!("corpus/p{folder:04}");
        if self.folder != Some(folder) {
            fs::create_dir_all(self.out.join(&rel_dir))?;
            self.folder = Some(folder);
        }
        self.files += 1;
        let rel = format!("{rel_dir}/{name}");
        Ok((Counted::create(&self.out.join(&rel))?, rel))
    }

    fn single(&mut self, name: &str, content: &[u8]) -> io::Result<String> {
        let (mut w, rel) = self.new_file(name)?;
        w.write_all(content)?;
        self.bytes += w.finish()?;
        Ok(rel)
    }

    /// Writes the article; returns the file's path relative to `out` and the format detail.
    fn write(
        &mut self,
        format: Format,
        m: &Meta,
        g: u64,
        rng: &mut Rng,
    ) -> io::Result<(String, &'static str)> {
        let date = m.date.iso();
        match format {
            Format::TxtByline => {
                let sep = *rng.pick(&[" – ", " — ", " - ", " | "]);
                let s = format!("{}{sep}{}\n{}\n", m.author, m.outlet.name, m.body);
                Ok((
                    self.single(&format!("{}-{g:07}.txt", m.outlet.slug), s.as_bytes())?,
                    "txt_byline",
                ))
            }
            Format::TxtHeader => {
                let s = format!(
                    "Title: {}\nOutlet: {}\nAuthor: {}\nDate: {date}\nURL: {}\n\n{}\n",
                    m.title, m.outlet.name, m.author, m.url, m.body
                );
                Ok((
                    self.single(&format!("{}-{g:07}.txt", m.outlet.slug), s.as_bytes())?,
                    "txt_header",
                ))
            }
            Format::Json => {
                let mut v = serde_json::to_vec_pretty(&canonical(m, &date)).map_err(json_err)?;
                v.push(b'\n');
                Ok((
                    self.single(&format!("{}-{g:07}.json", m.outlet.slug), &v)?,
                    "json",
                ))
            }
            Format::Html => {
                let s = html_page(m, g);
                Ok((
                    self.single(&format!("{}-{g:07}.html", m.outlet.slug), s.as_bytes())?,
                    "html",
                ))
            }
            Format::JsonArray => {
                let first = self.array.is_none();
                if first {
                    let (mut w, rel) = self.new_file(&format!("batch-{g:07}.json"))?;
                    w.write_all(b"[\n")?;
                    self.array = Some((w, rel));
                    self.array_left = rng.range(2, 4) as usize;
                }
                let Some((w, rel)) = self.array.as_mut() else {
                    return Err(io::Error::other("no open array file"));
                };
                if !first {
                    w.write_all(b",\n")?;
                }
                serde_json::to_writer_pretty(&mut *w, &canonical(m, &date)).map_err(json_err)?;
                let rel = rel.clone();
                self.array_left -= 1;
                if self.array_left == 0 {
                    self.close_array()?;
                }
                Ok((rel, "json_array"))
            }
            Format::Jsonl => {
                if self.jsonl.is_none() {
                    let flavor = JSONL_FLAVORS[self.jsonl_files % JSONL_FLAVORS.len()];
                    self.jsonl_files += 1;
                    let (w, rel) =
                        self.new_file(&format!("{flavor}-{:05}.jsonl", self.jsonl_files))?;
                    self.jsonl = Some((w, flavor, rel));
                    self.jsonl_lines = 0;
                }
                let Some((w, flavor, rel)) = self.jsonl.as_mut() else {
                    return Err(io::Error::other("no open jsonl file"));
                };
                let flavor = *flavor;
                let rel = rel.clone();
                match flavor {
                    "jsonl_newsplease" => {
                        let when = format!("{date} {}:00", m.time);
                        let host = &m.outlet.domain;
                        let rec = NewsPlease {
                            id: m.id,
                            title: m.title,
                            source_domain: host,
                            authors: [m.author],
                            date_publish: &when,
                            language: "en",
                            url: m.url,
                            maintext: m.body,
                        };
                        serde_json::to_writer(&mut *w, &rec).map_err(json_err)?;
                    }
                    "jsonl_trafilatura" => {
                        let rec = Trafilatura {
                            id: m.id,
                            title: m.title,
                            sitename: &m.outlet.name,
                            hostname: &m.outlet.domain,
                            author: m.author,
                            date: &date,
                            url: m.url,
                            text: m.body,
                        };
                        serde_json::to_writer(&mut *w, &rec).map_err(json_err)?;
                    }
                    _ => serde_json::to_writer(&mut *w, &canonical(m, &date)).map_err(json_err)?,
                }
                w.write_all(b"\n")?;
                self.jsonl_lines += 1;
                if self.jsonl_lines >= self.jsonl_per_file {
                    self.close_jsonl()?;
                }
                Ok((rel, flavor))
            }
        }
    }

    fn close_array(&mut self) -> io::Result<()> {
        if let Some((mut w, _)) = self.array.take() {
            w.write_all(b"\n]\n")?;
            self.bytes += w.finish()?;
        }
        Ok(())
    }

    fn close_jsonl(&mut self) -> io::Result<()> {
        if let Some((w, _, _)) = self.jsonl.take() {
            self.bytes += w.finish()?;
        }
        Ok(())
    }
}

fn slugify_title(t: &str) -> String {
    let s = names::slug(t);
    s.split('-').take(8).collect::<Vec<_>>().join("-")
}

fn choose_format(g: u64, single_p: f64, rng: &mut Rng) -> Format {
    const SINGLES: [Format; 5] = [
        Format::TxtByline,
        Format::TxtHeader,
        Format::Json,
        Format::JsonArray,
        Format::Html,
    ];
    if g < SINGLES.len() as u64 {
        return SINGLES[g as usize];
    }
    if !rng.chance(single_p) {
        return Format::Jsonl;
    }
    match rng.below(100) {
        0..=21 => Format::TxtByline,
        22..=43 => Format::TxtHeader,
        44..=58 => Format::Json,
        59..=74 => Format::JsonArray,
        _ => Format::Html,
    }
}

/// Writes the corpus and `truth.jsonl` into `options.out`. Streams: memory does not grow with `articles`.
pub fn generate(options: &GenOptions) -> io::Result<GenSummary> {
    let n = options.articles;
    let m = options.outlets.max(1);
    let seed = options.seed;
    let stories = (n / 20).max(1);
    fs::create_dir_all(options.out.join("corpus"))?;
    let names = NameSpace::new((stories + m) as u64, seed);
    let outlets = make_outlets(seed, m, &names, stories as u64);
    let mut cumulative = Vec::with_capacity(m);
    let mut total_weight = 0.0;
    for o in &outlets {
        total_weight += o.weight;
        cumulative.push(total_weight);
    }
    let mut truth_w = Counted::create(&options.out.join("truth.jsonl"))?;
    for o in &outlets {
        truth::outlet_line(&mut truth_w, o, &outlets)?;
    }
    let mut sink = Sink {
        out: options.out.clone(),
        files: 0,
        folder: None,
        bytes: 0,
        jsonl: None,
        jsonl_lines: 0,
        jsonl_per_file: (n / 20).clamp(10, 1000),
        jsonl_files: 0,
        array: None,
        array_left: 0,
    };
    let single_p = if n == 0 {
        0.0
    } else {
        ((2000 + n / 200) as f64 / n as f64).min(0.3)
    };
    let mut g: u64 = 0;
    // the last original article of each outlet in the current story:
    // (outlet, day, content seed, copiers that already copied it)
    let mut last: Vec<(usize, u32, u64, Vec<usize>)> = Vec::new();
    for s in 0..stories {
        let story = Story::new(seed, s, &names);
        truth::story_lines(&mut truth_w, &story)?;
        let count = n / stories + usize::from(s < n % stories);
        last.clear();
        for k in 0..count {
            let mut rng = Rng::derive(seed, &[4, g]);
            let x = rng.unit() * total_weight;
            let o = cumulative.partition_point(|&c| c <= x).min(m - 1);
            let outlet = &outlets[o];
            let mut day = (k as u64 * u64::from(story.days) / count as u64) as u32;
            let format = choose_format(g, single_p, &mut rng);
            let explicit = format == Format::TxtByline;
            let mut copied_from = None;
            let mut content = (o, rng.next_u64());
            if let Some(t) = outlet.copies {
                let roll = rng.chance(outlet.copy_rate);
                if let Some(e) = last.iter_mut().find(|e| e.0 == t && !e.3.contains(&o)) {
                    if roll {
                        e.3.push(o);
                        copied_from = Some(t);
                        content = (t, e.2);
                        day = e.1;
                    }
                }
            }
            let mut art: Rendered = render(&story, &outlets, content.0, day, explicit, content.1);
            if copied_from.is_some() {
                if rng.chance(0.5) {
                    art.drop_filler(&mut rng);
                }
                if rng.chance(0.5) {
                    let lead = art.claims[0].stated.clone();
                    art.title = title(&story, &lead, &mut rng);
                }
            } else {
                match last.iter_mut().find(|e| e.0 == o) {
                    Some(e) => *e = (o, day, content.1, Vec::new()),
                    None => last.push((o, day, content.1, Vec::new())),
                }
            }
            let date = story.date(day);
            let body = art.body();
            let author = &outlet.authors[rng.index(outlet.authors.len())];
            let url = format!(
                "https://{}/{}/{}/{}-{g}",
                outlet.domain,
                outlet.section,
                date.iso().replace('-', "/"),
                slugify_title(&art.title)
            );
            let short = outlet.domain.trim_end_matches(".example");
            let json_id = format!("{short}-{}-{g:07}", date.iso());
            let time = format!("{:02}:{:02}", 6 + g % 15, (g * 7) % 60);
            let meta = Meta {
                id: &json_id,
                outlet,
                author,
                date,
                time,
                title: &art.title,
                url: &url,
                body: &body,
            };
            let (path, detail) = sink.write(format, &meta, g, &mut rng)?;
            let article_id = if format.json_id() {
                json_id.as_str()
            } else {
                path.as_str()
            };
            let rec = truth::ArticleRec {
                article_id,
                outlet: &outlet.name,
                story: &story,
                date,
                format: detail,
                path: &path,
                copied_from: copied_from.map(|t| outlets[t].name.as_str()),
            };
            truth::article_lines(&mut truth_w, &rec, &art, &outlets)?;
            g += 1;
        }
    }
    sink.close_array()?;
    sink.close_jsonl()?;
    let truth_bytes = truth_w.finish()?;
    Ok(GenSummary {
        articles: g as usize,
        files: sink.files,
        bytes: sink.bytes + truth_bytes,
        stories,
    })
}

#[cfg(test)]
mod tests;
