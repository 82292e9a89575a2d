//! `ingest` owns reading the corpus: finding files, decoding bytes, and turning plain text,
//! JSON, JSON Lines and HTML into [`Article`]s. It never fails on bad input: every problem
//! becomes a [`Diagnostic`] naming the file (and line), and the rest goes on.

mod date;
mod decode;
mod html;
mod json;
mod text;
mod warc;

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

pub use date::normalize_date;
pub use decode::{decode, looks_binary, Decoded};
pub use html::parse_html;
pub use json::article_from_value;
pub use text::{parse_byline, parse_text};
pub use warc::WarcArticles;

use crate::model::{Article, Diagnostic};

/// Default for `--max-file-bytes`: larger files (and larger JSON Lines lines) are rejected.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Input formats, chosen by file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    JsonLines,
    Html,
    /// A web archive, `.warc` or `.warc.gz`.
    Warc,
}

impl Format {
    pub fn of(path: &Path) -> Option<Format> {
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
        if name.ends_with(".warc") || name.ends_with(".warc.gz") {
            return Some(Format::Warc);
        }
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" | "text" => Format::Text,
            "json" => Format::Json,
            "jsonl" | "ndjson" => Format::JsonLines,
            "html" | "htm" => Format::Html,
            _ => return None,
        })
    }
}

/// Article metadata and text as read, before it gets its identity.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleDraft {
    pub id: Option<String>,
    pub outlet: Option<String>,
    pub author: Option<String>,
    pub title: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
    pub text: Option<String>,
    pub warnings: Vec<String>,
}

impl ArticleDraft {
    /// The finished article, or the reason it is rejected (no text). Warnings are appended to
    /// `diagnostics`.
    pub fn finish(self, origin: &str, diagnostics: &mut Vec<Diagnostic>) -> Option<Article> {
        diagnostics.extend(self.warnings.into_iter().map(|message| Diagnostic {
            origin: origin.to_owned(),
            message,
            rejected: false,
        }));
        let text = self.text.map(body_text).filter(|t| !t.trim().is_empty());
        let Some(text) = text else {
            diagnostics.push(rejected(origin, "article has no text"));
            return None;
        };
        let outlet = self.outlet.map(one_line);
        let id = self
            .id
            .map(one_line)
            .unwrap_or_else(|| content_id(outlet.as_deref(), &text));
        Some(Article {
            id,
            outlet,
            author: self.author.map(one_line),
            title: self.title.map(one_line),
            date: self.date.map(one_line),
            url: self.url.map(one_line),
            language: self.language.map(one_line),
            text,
            origin: origin.to_owned(),
        })
    }
}

/// A metadata value (outlet, title, author, …) on one line: line breaks and tabs become
/// spaces, runs of spaces one, other control characters go. An outlet with a newline in it
/// is never meant, and would spread one record of a listing over several lines.
pub fn one_line(value: String) -> String {
    if !value
        .chars()
        .any(|c| c.is_control() || c == '\u{2028}' || c == '\u{2029}')
    {
        return value;
    }
    let mut out = String::with_capacity(value.len());
    for word in value.split(|c: char| c.is_whitespace()) {
        let word: String = word.chars().filter(|c| !c.is_control()).collect();
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&word);
    }
    out
}

/// An article body without control characters other than line breaks and tabs (escape
/// sequences, bells and NULs in a text are debris of its source, never content).
pub fn body_text(text: String) -> String {
    let stray = |c: char| c.is_control() && !matches!(c, '\n' | '\r' | '\t');
    if !text.chars().any(stray) {
        return text;
    }
    text.chars().filter(|&c| !stray(c)).collect()
}

/// The identity of an article that has no `id`: a hash of its outlet and text.
pub fn content_id(outlet: Option<&str>, text: &str) -> String {
    let mut hasher = blake3::Hasher::new();
    hasher.update(outlet.unwrap_or("").as_bytes());
    hasher.update(b"\0");
    hasher.update(text.as_bytes());
    hasher.finalize().to_hex()[..16].to_owned()
}

/// A hash of everything stored about an article, to tell an unchanged re-index from a change.
pub fn fingerprint(article: &Article) -> String {
    let mut hasher = blake3::Hasher::new();
    for part in [
        article.outlet.as_deref(),
        article.author.as_deref(),
        article.title.as_deref(),
        article.date.as_deref(),
        article.url.as_deref(),
        article.language.as_deref(),
        Some(article.text.as_str()),
    ] {
        hasher.update(part.unwrap_or("\u{1}").as_bytes());
        hasher.update(b"\0");
    }
    hasher.finalize().to_hex()[..16].to_owned()
}

pub fn rejected(origin: &str, message: impl Into<String>) -> Diagnostic {
    Diagnostic {
        origin: origin.to_owned(),
        message: message.into(),
        rejected: true,
    }
}

/// Articles and problems from one file (or one chunk of a JSON Lines file).
#[derive(Debug, Default)]
pub struct Parsed {
    pub articles: Vec<Article>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Every input file under `paths`, in a stable order, with problems met while walking.
/// Folders are walked recursively; hidden files and folders are skipped, and so are files of
/// other formats inside folders. A file named explicitly must be of a known format.
pub fn discover(paths: &[PathBuf]) -> (Vec<(PathBuf, Format)>, Vec<Diagnostic>) {
    let mut files = Vec::new();
    let mut diagnostics = Vec::new();
    for root in paths {
        let origin = root.display().to_string();
        let meta = match std::fs::metadata(root) {
            Ok(meta) => meta,
            Err(err) => {
                diagnostics.push(rejected(&origin, format!("cannot read: {err}")));
                continue;
            }
        };
        if meta.is_file() {
            match Format::of(root) {
                Some(format) => files.push((root.clone(), format)),
                None => diagnostics.push(rejected(
                    &origin,
                    "unknown format (expected .txt, .json, .jsonl, .ndjson, .html, .htm, .warc or .warc.gz)",
                )),
            }
            continue;
        }
        if !meta.is_dir() {
            // A FIFO would block the run waiting for a writer; a device is no article.
            diagnostics.push(rejected(
                &origin,
                format!(
                    "not a regular file or folder ({}); skipped",
                    special_file_kind(&meta)
                ),
            ));
            continue;
        }
        let walker = walkdir::WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
        for entry in walker {
            match entry {
                Ok(entry) if entry.file_type().is_file() => {
                    if let Some(format) = Format::of(entry.path()) {
                        files.push((entry.into_path(), format));
                    }
                }
                Ok(_) => {}
                Err(err) => {
                    let origin = err
                        .path()
                        .map(|p| p.display().to_string())
                        .unwrap_or_else(|| origin.clone());
                    let message = if err.loop_ancestor().is_some() {
                        "symbolic link loop; skipped".to_owned()
                    } else {
                        match err.io_error() {
                            Some(io) => format!("cannot read: {io}"),
                            None => format!("cannot read: {err}"),
                        }
                    };
                    diagnostics.push(rejected(&origin, message));
                }
            }
        }
    }
    (files, diagnostics)
}

fn special_file_kind(meta: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let kind = meta.file_type();
        if kind.is_fifo() {
            return "a named pipe";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    let _ = meta;
    "a special file"
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|n| n.starts_with('.'))
}

/// Reads a whole-document file (text, JSON or HTML). Never fails: problems are diagnostics.
pub fn read_document(path: &Path, format: Format, max_bytes: u64) -> Parsed {
    let origin = path.display().to_string();
    let mut parsed = Parsed::default();
    if format == Format::Warc {
        match open_warc(path, max_bytes) {
            Ok(mut records) => while records.next_chunk(usize::MAX, &mut parsed) {},
            Err(diagnostic) => parsed.diagnostics.push(diagnostic),
        }
        return parsed;
    }
    // The other formats are read whole (a WARC's records were streamed above).
    let bytes = match read_limited(path, max_bytes) {
        Ok(bytes) => bytes,
        Err(message) => {
            parsed.diagnostics.push(rejected(&origin, message));
            return parsed;
        }
    };
    let Some(text) = decoded_text(decode(&bytes), &origin, &mut parsed.diagnostics) else {
        return parsed;
    };
    drop(bytes);
    match format {
        Format::Text => push_draft(&mut parsed, parse_text(&text), &origin),
        Format::Html => push_draft(&mut parsed, parse_html(&text), &origin),
        Format::Json => match serde_json::from_str::<serde_json::Value>(&text) {
            Ok(serde_json::Value::Array(items)) => {
                if items.is_empty() {
                    parsed
                        .diagnostics
                        .push(rejected(&origin, "empty JSON array: no articles"));
                }
                for (i, item) in items.iter().enumerate() {
                    let origin = format!("{origin}: item {}", i + 1);
                    match article_from_value(item) {
                        Ok(draft) => push_draft(&mut parsed, draft, &origin),
                        Err(message) => parsed.diagnostics.push(rejected(&origin, message)),
                    }
                }
            }
            Ok(value) => match article_from_value(&value) {
                Ok(draft) => push_draft(&mut parsed, draft, &origin),
                Err(message) => parsed.diagnostics.push(rejected(&origin, message)),
            },
            Err(err) => parsed.diagnostics.push(rejected(
                &format!("{origin}:{}", err.line()),
                format!("invalid JSON: {err}"),
            )),
        },
        Format::JsonLines => {
            let mut lines = JsonLines::from_reader(origin.clone(), text.as_bytes(), max_bytes);
            while lines.next_chunk(usize::MAX, &mut parsed) {}
        }
        Format::Warc => {}
    }
    parsed
}

/// A WARC file's records as a stream of articles; `.warc.gz` is decompressed member by
/// member. `max_record_bytes` bounds one record's body, not the file.
pub fn open_warc(
    path: &Path,
    max_record_bytes: u64,
) -> Result<WarcArticles<Box<dyn BufRead>>, Diagnostic> {
    let origin = path.display().to_string();
    let file = File::open(path).map_err(|e| rejected(&origin, format!("cannot read: {e}")))?;
    let mut raw = BufReader::with_capacity(256 * 1024, file);
    let head = raw
        .fill_buf()
        .map_err(|e| rejected(&origin, format!("cannot read: {e}")))?;
    let reader: Box<dyn BufRead> = if warc::is_gzip(head) {
        Box::new(BufReader::with_capacity(
            256 * 1024,
            warc::GzipMembers::new(raw),
        ))
    } else {
        Box::new(raw)
    };
    Ok(WarcArticles::from_reader(origin, reader, max_record_bytes))
}

/// The text of decoded bytes, its decoding warning noted; `None` (and the reason noted)
/// when they were rejected.
fn decoded_text(
    decoded: Decoded,
    origin: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<String> {
    match decoded {
        Decoded::Text { text, warning } => {
            if let Some(message) = warning {
                diagnostics.push(Diagnostic {
                    origin: origin.to_owned(),
                    message,
                    rejected: false,
                });
            }
            Some(text)
        }
        Decoded::Rejected(message) => {
            diagnostics.push(rejected(origin, message));
            None
        }
    }
}

fn push_draft(parsed: &mut Parsed, draft: ArticleDraft, origin: &str) {
    if let Some(article) = draft.finish(origin, &mut parsed.diagnostics) {
        parsed.articles.push(article);
    }
}

fn read_limited(path: &Path, max_bytes: u64) -> Result<Vec<u8>, String> {
    let file = File::open(path).map_err(|e| format!("cannot read: {e}"))?;
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    if len > max_bytes {
        return Err(format!(
            "file is {len} bytes, over the limit of {max_bytes} (--max-file-bytes)"
        ));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read: {e}"))?;
    if bytes.len() as u64 > max_bytes {
        return Err(format!(
            "file grew over the limit of {max_bytes} bytes (--max-file-bytes)"
        ));
    }
    Ok(bytes)
}

/// A chunk of JSON Lines ends after this many bytes of lines (or its line count), which
/// bounds the memory one chunk takes whatever the file's size.
pub const CHUNK_BYTES: usize = 8 * 1024 * 1024;

/// A JSON Lines file read a chunk of lines at a time, so memory does not grow with the file.
/// A line longer than the limit is skipped (and reported) without being held in memory.
pub struct JsonLines<R> {
    origin: String,
    reader: R,
    line_number: usize,
    max_line_bytes: u64,
    line: Vec<u8>,
    done: bool,
}

impl JsonLines<BufReader<File>> {
    pub fn open(path: &Path, max_line_bytes: u64) -> Result<Self, Diagnostic> {
        let origin = path.display().to_string();
        let file = File::open(path).map_err(|e| rejected(&origin, format!("cannot read: {e}")))?;
        Ok(JsonLines::from_reader(
            origin,
            BufReader::with_capacity(256 * 1024, file),
            max_line_bytes,
        ))
    }
}

/// A file read a chunk of articles at a time (JSON Lines, WARC), so that memory does not
/// grow with the file.
pub trait Chunks {
    /// Parses up to `max_articles` further articles into `out`; `false` at the end.
    fn next_chunk(&mut self, max_articles: usize, out: &mut Parsed) -> bool;
}

impl<R: BufRead> Chunks for JsonLines<R> {
    fn next_chunk(&mut self, max_articles: usize, out: &mut Parsed) -> bool {
        JsonLines::next_chunk(self, max_articles, out)
    }
}

impl<R: BufRead> Chunks for WarcArticles<R> {
    fn next_chunk(&mut self, max_articles: usize, out: &mut Parsed) -> bool {
        WarcArticles::next_chunk(self, max_articles, out)
    }
}

impl<R: BufRead> JsonLines<R> {
    pub fn from_reader(origin: String, reader: R, max_line_bytes: u64) -> Self {
        JsonLines {
            origin,
            reader,
            line_number: 0,
            max_line_bytes,
            line: Vec::new(),
            done: false,
        }
    }

    /// Parses up to `max_lines` further lines into `out`. Returns `false` at the end of the
    /// file (or on a read error, which is reported).
    pub fn next_chunk(&mut self, max_lines: usize, out: &mut Parsed) -> bool {
        let mut taken = 0;
        let mut bytes = 0;
        while taken < max_lines && bytes < CHUNK_BYTES && !self.done {
            match self.read_line() {
                Ok(None) => self.done = true,
                Ok(Some(too_long)) => {
                    taken += 1;
                    bytes += self.line.len();
                    let origin = format!("{}:{}", self.origin, self.line_number);
                    if too_long {
                        out.diagnostics.push(rejected(
                            &origin,
                            format!("line longer than {} bytes; skipped", self.max_line_bytes),
                        ));
                    } else {
                        self.parse_line(&origin, out);
                    }
                }
                Err(err) => {
                    out.diagnostics.push(rejected(
                        &format!("{}:{}", self.origin, self.line_number + 1),
                        format!("cannot read: {err}"),
                    ));
                    self.done = true;
                }
            }
        }
        if self.line_number == 0 && self.done && out.articles.is_empty() {
            out.diagnostics.push(rejected(&self.origin, "empty file"));
        }
        !self.done
    }

    /// Reads the next line into `self.line`; `Some(true)` when it was too long and skipped.
    fn read_line(&mut self) -> std::io::Result<Option<bool>> {
        self.line.clear();
        let mut too_long = false;
        let mut any = false;
        loop {
            let buf = self.reader.fill_buf()?;
            if buf.is_empty() {
                break;
            }
            any = true;
            let (chunk, found_newline) = match buf.iter().position(|&b| b == b'\n') {
                Some(i) => (&buf[..i], true),
                None => (buf, false),
            };
            if !too_long {
                if (self.line.len() + chunk.len()) as u64 > self.max_line_bytes {
                    too_long = true;
                    self.line.clear();
                } else {
                    self.line.extend_from_slice(chunk);
                }
            }
            let used = chunk.len() + usize::from(found_newline);
            self.reader.consume(used);
            if found_newline {
                break;
            }
        }
        if !any {
            return Ok(None);
        }
        self.line_number += 1;
        Ok(Some(too_long))
    }

    fn parse_line(&mut self, origin: &str, out: &mut Parsed) {
        let mut bytes = self.line.as_slice();
        if self.line_number == 1 {
            bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
        }
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return;
        }
        if bytes.contains(&0) {
            out.diagnostics
                .push(rejected(origin, "binary data (NUL bytes); line skipped"));
            return;
        }
        let text = match std::str::from_utf8(bytes) {
            Ok(text) => std::borrow::Cow::Borrowed(text),
            Err(_) => {
                out.diagnostics.push(Diagnostic {
                    origin: origin.to_owned(),
                    message: "not valid UTF-8; decoded as Windows-1252".into(),
                    rejected: false,
                });
                encoding_rs::WINDOWS_1252.decode(bytes).0
            }
        };
        match serde_json::from_str::<serde_json::Value>(&text) {
            Ok(value) => match article_from_value(&value) {
                Ok(draft) => push_draft(out, draft, origin),
                Err(message) => out.diagnostics.push(rejected(origin, message)),
            },
            Err(err) => out
                .diagnostics
                .push(rejected(origin, format!("invalid JSON: {err}"))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &str, max: u64) -> Parsed {
        let mut parsed = Parsed::default();
        let mut reader = JsonLines::from_reader("f.jsonl".into(), input.as_bytes(), max);
        while reader.next_chunk(2, &mut parsed) {}
        parsed
    }

    #[test]
    fn json_lines_report_bad_lines_and_keep_the_rest() {
        let parsed = lines(
            "{\"text\": \"one\", \"id\": \"1\"}\n{broken\n\n{\"title\": \"no text\"}\n{\"text\": \"four\"}",
            1000,
        );
        assert_eq!(parsed.articles.len(), 2);
        let origins: Vec<&str> = parsed
            .diagnostics
            .iter()
            .map(|d| d.origin.as_str())
            .collect();
        assert_eq!(origins, ["f.jsonl:2", "f.jsonl:4"]);
        assert!(parsed.diagnostics.iter().all(|d| d.rejected));
    }

    #[test]
    fn overlong_line_is_skipped() {
        let long = format!("{{\"text\": \"{}\"}}", "x".repeat(5000));
        let parsed = lines(&format!("{long}\n{{\"text\": \"ok\"}}\n"), 100);
        assert_eq!(parsed.articles.len(), 1);
        assert_eq!(parsed.diagnostics[0].origin, "f.jsonl:1");
        assert!(parsed.diagnostics[0].message.contains("longer than"));
    }

    #[test]
    fn ids_are_stable_content_hashes() {
        let a = content_id(Some("Outlet"), "text");
        assert_eq!(a, content_id(Some("Outlet"), "text"));
        assert_ne!(a, content_id(Some("Other"), "text"));
        assert_eq!(a.len(), 16);
    }

    mod fuzz {
        use super::super::*;
        use proptest::prelude::*;

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(256))]

            #[test]
            fn text_parser_never_panics(input in "\\PC{0,400}", sep in prop::sample::select(vec![" – ", " — ", " | ", " - ", ": ", "\n", "\n\n"])) {
                let draft = parse_text(&format!("{input}{sep}{input}"));
                prop_assert!(draft.text.is_some());
                let _ = parse_byline(&input);
            }

            #[test]
            fn decode_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
                if let Decoded::Text { text, .. } = decode(&bytes) {
                    prop_assert!(!text.contains('\0'));
                }
            }

            #[test]
            fn json_reader_never_panics(input in "\\PC{0,300}") {
                let mut parsed = Parsed::default();
                let mut lines = JsonLines::from_reader("f".into(), input.as_bytes(), 1000);
                while lines.next_chunk(3, &mut parsed) {}
                if let Ok(value) = serde_json::from_str::<serde_json::Value>(&input) {
                    let _ = article_from_value(&value);
                }
            }

            #[test]
            fn json_objects_with_odd_fields(text in "\\PC{0,50}", outlet in "\\PC{0,20}", date in "\\PC{0,25}", n in any::<i64>()) {
                let value = serde_json::json!({"text": text, "outlet": outlet, "date": date, "authors": [outlet, n], "id": n});
                if let Ok(draft) = article_from_value(&value) {
                    prop_assert!(draft.text.is_some());
                }
            }

            #[test]
            fn html_extractor_never_panics(body in "\\PC{0,300}", tag in prop::sample::select(vec!["p", "article", "script", "nav", "div", "meta", "title"])) {
                let page = format!("<html><head><title>{body}</title></head><body><{tag}>{body}</{tag}><p>{body}</p></body></html>");
                let draft = parse_html(&page);
                prop_assert!(draft.text.is_some());
                let _ = parse_html(&body);
            }
        }
    }
}
