//! WARC input (`.warc`, `.warc.gz`: web archives such as Common Crawl's CC-NEWS). Each HTML
//! page an archive holds (a `response` record with an HTML payload, or an HTML `resource`
//! record) becomes an article through the same Readability path as an `.html` file, with the
//! record's target URI as its `url` and the WARC-Date as its date when the page gives none.
//! Other records (requests, metadata, warcinfo, revisits, non-HTML responses) are skipped
//! and counted.
//!
//! Streamed with bounded memory: records are read one at a time, and a body over the size
//! limit is skipped without being held. The `warc` crate parses each record's header block;
//! the framing around it is ours, because a crawl's files are damaged now and then and the
//! crate's reader cannot find the next record after a bad one (nor bound a header's size).
//! A damaged record is a diagnostic naming the file, the record's number and its byte
//! offset; reading goes on at the next record ("WARC/1.x" at the start of a line; for
//! `.warc.gz`, the next gzip member, which by the standard holds one record).

use std::collections::BTreeMap;
use std::io::{BufRead, Read};

use super::{decode, parse_html, rejected, Decoded, Parsed};
use crate::model::Diagnostic;

/// A WARC header block longer than this is damage, not a record.
const MAX_HEADER_BYTES: usize = 64 * 1024;

/// Records of a WARC stream, turned into articles a chunk at a time.
pub struct WarcArticles<R> {
    origin: String,
    reader: Rewind<R>,
    max_record_bytes: u64,
    /// Bytes of the (decompressed) stream consumed so far.
    offset: u64,
    /// Records begun, counting damaged ones.
    records: usize,
    articles: usize,
    skipped: BTreeMap<String, usize>,
    /// After damage: the next header is looked for line by line.
    resync: bool,
    done: bool,
    line: Vec<u8>,
}

impl<R: BufRead> WarcArticles<R> {
    pub fn from_reader(origin: String, reader: R, max_record_bytes: u64) -> Self {
        WarcArticles {
            origin,
            reader: Rewind {
                inner: reader,
                pending: Vec::new(),
                at: 0,
            },
            max_record_bytes,
            offset: 0,
            records: 0,
            articles: 0,
            skipped: BTreeMap::new(),
            resync: false,
            done: false,
            line: Vec::new(),
        }
    }

    /// Reads records until `max_articles` articles (or about [`super::CHUNK_BYTES`] of
    /// text) are in `out`. Returns `false` at the end of the stream, after a last
    /// diagnostic that counts the records skipped.
    pub fn next_chunk(&mut self, max_articles: usize, out: &mut Parsed) -> bool {
        let (start, mut bytes) = (out.articles.len(), 0);
        while !self.done && out.articles.len() - start < max_articles && bytes < super::CHUNK_BYTES
        {
            let before = out.articles.len();
            self.next_record(out);
            bytes += out.articles[before..]
                .iter()
                .map(|a| a.text.len())
                .sum::<usize>();
        }
        if self.done {
            self.summary(out);
        }
        !self.done
    }

    fn summary(&mut self, out: &mut Parsed) {
        if self.records == 0 {
            out.diagnostics
                .push(rejected(&self.origin, "no WARC records in the file"));
            return;
        }
        let skipped: usize = self.skipped.values().sum();
        if skipped == 0 {
            return;
        }
        let kinds: Vec<String> = self
            .skipped
            .iter()
            .map(|(kind, n)| format!("{kind} {n}"))
            .collect();
        out.diagnostics.push(Diagnostic {
            origin: self.origin.clone(),
            message: format!(
                "{} WARC records: {} read as articles, {skipped} skipped ({})",
                self.records,
                self.articles,
                kinds.join(", ")
            ),
            rejected: false,
        });
    }

    fn skip(&mut self, kind: impl Into<String>) {
        *self.skipped.entry(kind.into()).or_default() += 1;
    }

    /// Reads one record; damage becomes a diagnostic and a search for the next record.
    fn next_record(&mut self, out: &mut Parsed) {
        let at = self.offset;
        let header = match self.header_block() {
            Ok(Some(header)) => header,
            Ok(None) => {
                self.done = true;
                return;
            }
            Err(problem) => {
                self.records += 1;
                self.damaged(at, self.records, problem, out);
                return;
            }
        };
        self.records += 1;
        let record = self.records;
        let (kind, length, fields) = match warc::parser::headers(&header) {
            Ok((_, (_, fields, length))) => {
                let fields: Vec<(String, String)> = fields
                    .into_iter()
                    .map(|(name, value)| {
                        (
                            name.to_ascii_lowercase(),
                            String::from_utf8_lossy(value).trim().to_owned(),
                        )
                    })
                    .collect();
                let kind = field(&fields, "warc-type").unwrap_or("unknown").to_owned();
                (kind, length as u64, fields)
            }
            Err(_) => {
                self.damaged(at, record, "unreadable WARC header".into(), out);
                return;
            }
        };
        let wanted = kind == "response" || kind == "resource";
        let body = if length > self.max_record_bytes {
            out.diagnostics.push(rejected(
                &self.record_origin(record, at),
                format!(
                    "record body is {length} bytes, over the limit of {} (--max-file-bytes); skipped",
                    self.max_record_bytes
                ),
            ));
            self.discard(length).map(|()| None)
        } else {
            self.body(length).map(Some)
        };
        let body = match body {
            Ok(body) => body,
            Err(problem) => {
                self.damaged(at, record, problem, out);
                return;
            }
        };
        if let Err((problem, trailer)) = self.trailer() {
            // A Content-Length longer than the record ran into the records after it: read
            // on from the first record start inside what was taken for this body.
            if let Some(body) = body {
                let mut taken = body;
                taken.extend_from_slice(&trailer);
                let given_back = self.reader.rewind_to_record_start(taken);
                self.offset -= given_back as u64;
            }
            self.damaged(at, record, problem, out);
            return;
        }
        match body {
            Some(body) if wanted => self.article(record, at, &kind, &fields, &body, out),
            _ => self.skip(kind),
        }
    }

    fn record_origin(&self, record: usize, at: u64) -> String {
        format!("{}: record {record} (byte {at})", self.origin)
    }

    fn damaged(&mut self, at: u64, record: usize, problem: String, out: &mut Parsed) {
        out.diagnostics.push(rejected(
            &self.record_origin(record, at),
            format!("damaged WARC record ({problem}); reading on at the next record"),
        ));
        self.resync = true;
    }

    /// The next header block, from its "WARC/" line to the blank line; `None` at the end.
    fn header_block(&mut self) -> Result<Option<Vec<u8>>, String> {
        let mut block = Vec::new();
        loop {
            if !self.read_line()? {
                return if block.is_empty() {
                    Ok(None)
                } else {
                    Err("the file ends inside a header".into())
                };
            }
            if block.is_empty() {
                if self.line.starts_with(b"WARC/") {
                    self.resync = false;
                } else if self.resync || is_blank(&self.line) {
                    // Damage, or the blank lines some writers leave between records.
                    continue;
                } else {
                    return Err("no WARC version line where a record should start".into());
                }
            }
            if block.len() + self.line.len() > MAX_HEADER_BYTES {
                return Err(format!("header longer than {MAX_HEADER_BYTES} bytes"));
            }
            block.extend_from_slice(&self.line);
            if is_blank(&self.line) {
                return Ok(Some(block));
            }
        }
    }

    /// Reads one line (with its line ending) into `self.line`, at most `MAX_HEADER_BYTES`
    /// of it; `false` at the end of the stream.
    fn read_line(&mut self) -> Result<bool, String> {
        self.line.clear();
        let mut taken = (&mut self.reader).take(MAX_HEADER_BYTES as u64 + 1);
        let n = match taken.read_until(b'\n', &mut self.line) {
            Ok(n) => n,
            Err(err) => return Err(self.io_problem(err)),
        };
        self.offset += n as u64;
        Ok(n > 0)
    }

    /// A read error: damage in a compressed member is one damaged record; any other error
    /// (the disk, the pipe) ends the file's reading.
    fn io_problem(&mut self, err: std::io::Error) -> String {
        if err.kind() != std::io::ErrorKind::InvalidData {
            self.done = true;
        }
        format!("cannot read: {err}")
    }

    fn body(&mut self, length: u64) -> Result<Vec<u8>, String> {
        let mut body = Vec::with_capacity(length.min(1 << 20) as usize);
        let read = (&mut self.reader).take(length).read_to_end(&mut body);
        let n = read.map_err(|e| self.io_problem(e))?;
        self.offset += n as u64;
        if (n as u64) < length {
            return Err(format!(
                "the file ends inside a record body ({n} of {length} bytes)"
            ));
        }
        Ok(body)
    }

    fn discard(&mut self, length: u64) -> Result<(), String> {
        let copied = std::io::copy(&mut (&mut self.reader).take(length), &mut std::io::sink());
        let n = copied.map_err(|e| self.io_problem(e))?;
        self.offset += n;
        if n < length {
            return Err(format!(
                "the file ends inside a record body ({n} of {length} bytes)"
            ));
        }
        Ok(())
    }

    /// The two line breaks that end a record: anything else means its length was wrong
    /// (the bytes read instead are returned).
    fn trailer(&mut self) -> Result<(), (String, Vec<u8>)> {
        let mut end = [0u8; 4];
        let mut filled = 0;
        while filled < 4 {
            match self.reader.read(&mut end[filled..]) {
                Ok(0) => break,
                Ok(n) => filled += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err((self.io_problem(e), Vec::new())),
            }
        }
        self.offset += filled as u64;
        if &end[..filled] == b"\r\n\r\n" {
            Ok(())
        } else {
            Err((
                "its Content-Length does not end where the record does".into(),
                end[..filled].to_vec(),
            ))
        }
    }

    fn article(
        &mut self,
        record: usize,
        at: u64,
        kind: &str,
        fields: &[(String, String)],
        body: &[u8],
        out: &mut Parsed,
    ) {
        let origin = self.record_origin(record, at);
        let payload = if kind == "response" {
            match http_payload(body, self.max_record_bytes) {
                Ok(payload) => payload,
                Err(Skip(reason)) => {
                    self.skip(format!("response ({reason})"));
                    return;
                }
            }
        } else {
            let content_type = field(fields, "content-type").unwrap_or("");
            if !is_html(content_type) {
                self.skip("resource (not HTML)");
                return;
            }
            HttpPayload {
                bytes: body.to_vec(),
                charset: charset(content_type),
            }
        };
        let Some(text) = super::decoded_text(decode_page(&payload), &origin, &mut out.diagnostics)
        else {
            return;
        };
        let mut draft = parse_html(&text);
        let target = field(fields, "warc-target-uri").map(|uri| uri.trim_matches(['<', '>']));
        if let Some(target) = target {
            draft.url = Some(target.to_owned());
            if draft.outlet.is_none() {
                draft.outlet = host(target);
            }
        }
        if draft.date.is_none() {
            draft.date = field(fields, "warc-date").and_then(super::normalize_date);
        }
        if let Some(article) = draft.finish(&origin, &mut out.diagnostics) {
            self.articles += 1;
            out.articles.push(article);
        }
    }
}

fn field<'a>(fields: &'a [(String, String)], name: &str) -> Option<&'a str> {
    fields
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

fn is_blank(line: &[u8]) -> bool {
    line == b"\r\n" || line == b"\n"
}

fn is_html(content_type: &str) -> bool {
    let content_type = content_type.to_ascii_lowercase();
    content_type.contains("text/html") || content_type.contains("application/xhtml")
}

fn charset(content_type: &str) -> Option<String> {
    content_type.split(';').find_map(|part| {
        let (name, value) = part.split_once('=')?;
        (name.trim().eq_ignore_ascii_case("charset"))
            .then(|| value.trim().trim_matches('"').to_owned())
    })
}

/// A page's outlet when it names none: the site's host, without "www.".
fn host(uri: &str) -> Option<String> {
    let rest = uri.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?.split(':').next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

/// Why a response is not an article.
struct Skip(&'static str);

struct HttpPayload {
    bytes: Vec<u8>,
    charset: Option<String>,
}

/// The HTML payload of an HTTP response record: a success status, an HTML content type,
/// chunked transfer and gzip or deflate content encoding undone.
fn http_payload(body: &[u8], max_bytes: u64) -> Result<HttpPayload, Skip> {
    let mut headers = [httparse::EMPTY_HEADER; 96];
    let mut response = httparse::Response::new(&mut headers);
    let start = match response.parse(body) {
        Ok(httparse::Status::Complete(start)) => start,
        _ => return Err(Skip("unreadable HTTP header")),
    };
    if !response.code.is_some_and(|code| (200..300).contains(&code)) {
        return Err(Skip("not a success"));
    }
    let header = |name: &str| {
        response
            .headers
            .iter()
            .find(|h| h.name.eq_ignore_ascii_case(name))
            .map(|h| String::from_utf8_lossy(h.value).to_ascii_lowercase())
    };
    let content_type = header("content-type").unwrap_or_default();
    if !is_html(&content_type) {
        return Err(Skip("not HTML"));
    }
    let mut bytes = body[start..].to_vec();
    if header("transfer-encoding").is_some_and(|te| te.contains("chunked")) {
        bytes = dechunk(&bytes).ok_or(Skip("damaged chunked body"))?;
    }
    match header("content-encoding").as_deref().map(str::trim) {
        None | Some("" | "identity") => {}
        Some("gzip" | "x-gzip") => {
            bytes = inflate(flate2::read::MultiGzDecoder::new(&bytes[..]), max_bytes)?;
        }
        Some("deflate") => {
            bytes = inflate(flate2::read::ZlibDecoder::new(&bytes[..]), max_bytes)?;
        }
        Some(_) => return Err(Skip("unsupported content encoding")),
    }
    Ok(HttpPayload {
        bytes,
        charset: charset(&content_type),
    })
}

fn inflate(decoder: impl Read, max_bytes: u64) -> Result<Vec<u8>, Skip> {
    let mut out = Vec::new();
    decoder
        .take(max_bytes + 1)
        .read_to_end(&mut out)
        .map_err(|_| Skip("damaged compressed body"))?;
    if out.len() as u64 > max_bytes {
        return Err(Skip("decompressed body over the size limit"));
    }
    Ok(out)
}

/// The data of an HTTP/1.1 chunked body; `None` when its framing is broken.
fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    loop {
        let line_end = body.windows(2).position(|w| w == b"\r\n")?;
        let size_text = std::str::from_utf8(&body[..line_end]).ok()?;
        let size_text = size_text.split(';').next()?.trim();
        let size = usize::from_str_radix(size_text, 16).ok()?;
        body = &body[line_end + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(body.get(..size)?);
        body = body.get(size..)?.strip_prefix(b"\r\n")?;
    }
}

/// A page's bytes as text: the charset the server declared when it is not UTF-8, else the
/// same decoding as an `.html` file.
fn decode_page(payload: &HttpPayload) -> Decoded {
    let declared = payload
        .charset
        .as_deref()
        .and_then(|label| encoding_rs::Encoding::for_label(label.as_bytes()))
        .filter(|encoding| *encoding != encoding_rs::UTF_8);
    match declared {
        Some(encoding) if !super::looks_binary(&payload.bytes) => {
            let (text, _, _) = encoding.decode(&payload.bytes);
            Decoded::Text {
                text: text.into_owned(),
                warning: None,
            }
        }
        _ => decode(&payload.bytes),
    }
}

/// The members of a gzip file, decompressed one after another. A damaged member is one read
/// error (which the WARC reader reports as a damaged record); reading then goes on at the
/// next gzip member.
pub struct GzipMembers<R: BufRead> {
    state: Members<R>,
}

enum Members<R: BufRead> {
    Reading(flate2::bufread::GzDecoder<R>),
    Between(R),
    /// Transitional while a member is replaced.
    Empty,
}

impl<R: BufRead> GzipMembers<R> {
    pub fn new(reader: R) -> Self {
        GzipMembers {
            state: Members::Between(reader),
        }
    }
}

const GZIP_MAGIC: [u8; 3] = [0x1f, 0x8b, 0x08];

/// Moves `reader` to the next gzip member's start; `false` at the end of the stream.
fn seek_member<R: BufRead>(reader: &mut R) -> std::io::Result<bool> {
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            return Ok(false);
        }
        match buf.iter().position(|&b| b == GZIP_MAGIC[0]) {
            Some(i) => {
                // Three magic bytes when the buffer shows them; a candidate cut by the
                // buffer's end is tried, and a false start is one more failed member.
                let candidate = &buf[i..];
                let len = candidate.len().min(3);
                if candidate[..len] == GZIP_MAGIC[..len] {
                    reader.consume(i);
                    return Ok(true);
                }
                reader.consume(i + 1);
            }
            None => {
                let n = buf.len();
                reader.consume(n);
            }
        }
    }
}

impl<R: BufRead> Read for GzipMembers<R> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        loop {
            match std::mem::replace(&mut self.state, Members::Empty) {
                Members::Reading(mut decoder) => match decoder.read(out) {
                    Ok(0) if !out.is_empty() => {
                        self.state = Members::Between(decoder.into_inner());
                    }
                    Ok(n) => {
                        self.state = Members::Reading(decoder);
                        return Ok(n);
                    }
                    Err(err) => {
                        let mut reader = decoder.into_inner();
                        // Past the damaged member's first byte, so the search moves on.
                        if !reader.fill_buf()?.is_empty() {
                            reader.consume(1);
                        }
                        self.state = Members::Between(reader);
                        return Err(std::io::Error::new(
                            std::io::ErrorKind::InvalidData,
                            format!("damaged gzip member: {err}"),
                        ));
                    }
                },
                Members::Between(mut reader) => {
                    if !seek_member(&mut reader)? {
                        self.state = Members::Between(reader);
                        return Ok(0);
                    }
                    self.state = Members::Reading(flate2::bufread::GzDecoder::new(reader));
                }
                Members::Empty => return Ok(0),
            }
        }
    }
}

/// A reader that can be given back bytes it has already returned: the part of a damaged
/// record's body from the next record's start on.
struct Rewind<R> {
    inner: R,
    pending: Vec<u8>,
    at: usize,
}

impl<R: BufRead> Rewind<R> {
    /// Gives back `taken` from its first line that starts a record ("WARC/1."), if any;
    /// returns how many bytes were given back.
    fn rewind_to_record_start(&mut self, taken: Vec<u8>) -> usize {
        let start = taken
            .windows(8)
            .position(|w| w[0] == b'\n' && w[1..].starts_with(b"WARC/1."));
        let Some(start) = start else {
            return 0;
        };
        let mut rest = taken[start + 1..].to_vec();
        let given_back = rest.len();
        rest.extend_from_slice(&self.pending[self.at..]);
        self.pending = rest;
        self.at = 0;
        given_back
    }
}

impl<R: BufRead> Read for Rewind<R> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        let available = self.fill_buf()?;
        let n = available.len().min(out.len());
        out[..n].copy_from_slice(&available[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Rewind<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        if self.at < self.pending.len() {
            return Ok(&self.pending[self.at..]);
        }
        self.inner.fill_buf()
    }

    fn consume(&mut self, n: usize) {
        if self.at < self.pending.len() {
            self.at += n;
            if self.at >= self.pending.len() {
                self.pending = Vec::new();
                self.at = 0;
            }
        } else {
            self.inner.consume(n);
        }
    }
}

/// Whether a file starts like gzip (a `.warc.gz` that is not compressed is read as it is).
pub fn is_gzip(head: &[u8]) -> bool {
    head.starts_with(&GZIP_MAGIC[..2])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunked_bodies() {
        assert_eq!(
            dechunk(b"5\r\nhello\r\n6;x=y\r\n world\r\n0\r\n\r\n").as_deref(),
            Some(&b"hello world"[..])
        );
        assert_eq!(dechunk(b"5\r\nhel"), None);
        assert_eq!(dechunk(b"zz\r\n"), None);
    }

    #[test]
    fn hosts_and_charsets() {
        assert_eq!(
            host("https://www.Example.org:443/a/b?c").as_deref(),
            Some("example.org")
        );
        assert_eq!(host("not a uri"), None);
        assert_eq!(
            charset("text/html; charset=\"ISO-8859-1\"").as_deref(),
            Some("ISO-8859-1")
        );
        assert_eq!(charset("text/html"), None);
    }
}
