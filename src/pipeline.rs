//! The indexing run: walk the corpus, parse files in parallel (rayon), and feed articles to
//! the index's single writer, committing in batches. Memory is bounded by the batch sizes,
//! not by the corpus: files are read a group at a time and JSON Lines a chunk of lines at a
//! time.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;

use crate::error::Result;
use crate::extract;
use crate::index::{CrossIndex, WriteOutcome, DEFAULT_WRITER_BYTES};
use crate::ingest::{self, Format, JsonLines, Parsed, DEFAULT_MAX_FILE_BYTES};
use crate::model::{Article, Claim, Diagnostic};
use crate::stories::{ArticleTerms, StoryBook};

/// How an indexing run behaves.
#[derive(Debug, Clone)]
pub struct IndexOptions {
    /// Files (and JSON Lines lines) larger than this are rejected.
    pub max_file_bytes: u64,
    /// Articles per commit: a crash loses at most this many, which a rerun restores.
    pub batch_articles: usize,
    /// Memory budget of the tantivy writer.
    pub writer_bytes: usize,
    /// Extract claims (off only for the index-only baseline of the benchmarks).
    pub extract: bool,
    /// Place articles in stories (off only for the stories benchmark's baseline; the
    /// articles of such a run belong to no story).
    pub stories: bool,
}

impl Default for IndexOptions {
    fn default() -> Self {
        IndexOptions {
            max_file_bytes: DEFAULT_MAX_FILE_BYTES,
            batch_articles: 2000,
            writer_bytes: DEFAULT_WRITER_BYTES,
            extract: true,
            stories: true,
        }
    }
}

/// What an indexing run did.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct IndexSummary {
    pub files: u64,
    pub bytes: u64,
    pub articles: u64,
    pub added: u64,
    pub replaced: u64,
    pub duplicates: u64,
    pub claims: u64,
    pub rejected: u64,
    pub warnings: u64,
}

/// Receives progress as the run goes: diagnostics as they are found, and a tick per file.
pub trait Progress {
    fn diagnostic(&mut self, diagnostic: &Diagnostic);
    fn file_done(&mut self, _bytes: u64, _articles: u64) {}
}

/// Ignores progress.
pub struct Silent;
impl Progress for Silent {
    fn diagnostic(&mut self, _: &Diagnostic) {}
}

/// Claims are extracted from at most this much of one article's text: news articles are
/// far shorter, and a runaway "article" (a whole dump in one file) must not take memory
/// and time in proportion to its size.
pub const MAX_EXTRACT_BYTES: usize = 4 * 1024 * 1024;

/// Claims of an article, from its first [`MAX_EXTRACT_BYTES`] of text, with what had to
/// be left out.
fn extract_bounded(article: &Article) -> extract::Extracted {
    if article.text.len() <= MAX_EXTRACT_BYTES {
        return extract::extract_checked(article);
    }
    let mut end = MAX_EXTRACT_BYTES;
    while !article.text.is_char_boundary(end) {
        end -= 1;
    }
    // Cut at the last paragraph break so no sentence is split.
    let end = article.text[..end].rfind('\n').unwrap_or(end);
    let head = Article {
        text: article.text[..end].to_owned(),
        ..article.clone()
    };
    extract::extract_checked(&head)
}

/// Indexing threads of the tantivy writer. With extraction, the cores go to extraction
/// (rayon) and one indexing thread per four cores keeps up with it; every further thread
/// holds its own share of the budget and writes its own small segments, which background
/// merges then read back (measured on a claim-dense 100 MB file, 2 cores: 2 threads peak at
/// 145 MB private memory and take 47 s, 1 thread 79 MB and 39 s). Without extraction (the
/// index-only baseline) indexing is all the work, so tantivy gets its default, a thread per
/// core.
fn writer_threads(options: &IndexOptions) -> Option<usize> {
    options.extract.then(|| {
        let cores = std::thread::available_parallelism().map_or(1, usize::from);
        (cores / 4).clamp(1, 8)
    })
}

/// Files read together in parallel: at most this many, or this many bytes.
const GROUP_FILES: usize = 256;
const GROUP_BYTES: u64 = 64 * 1024 * 1024;
/// JSON Lines lines parsed per chunk (with [`ingest::CHUNK_BYTES`]): a chunk and its claims are
/// held at once, and a claim-dense line carries dozens of claims.
const CHUNK_LINES: usize = 256;

/// Where a run's articles and their claims go, in input order: the index's writer, or a
/// stream filter's output ([`crate::stream`]).
pub trait Destination: Send {
    /// Whether an article is new, a repeat of one already taken, or a changed version.
    fn classify(&mut self, article: &Article) -> Result<WriteOutcome>;
    /// Takes an article and its claims as [`classify`](Self::classify) judged it.
    fn add(
        &mut self,
        article: &Article,
        claims: &[Claim],
        outcome: WriteOutcome,
        story: Option<&str>,
    ) -> Result<()>;
    /// Makes what was taken so far durable (a commit, a flush).
    fn commit(&mut self) -> Result<()>;
    /// The index folder the story book is saved in, for destinations that keep one.
    fn book_folder(&self) -> Option<&Path> {
        None
    }
}

impl Destination for crate::index::IndexWriterSink<'_> {
    fn classify(&mut self, article: &Article) -> Result<WriteOutcome> {
        crate::index::IndexWriterSink::classify(self, article)
    }
    fn add(
        &mut self,
        article: &Article,
        claims: &[Claim],
        outcome: WriteOutcome,
        story: Option<&str>,
    ) -> Result<()> {
        crate::index::IndexWriterSink::add(self, article, claims, outcome, story)
    }
    fn commit(&mut self) -> Result<()> {
        crate::index::IndexWriterSink::commit(self)
    }
    fn book_folder(&self) -> Option<&Path> {
        Some(self.index_path())
    }
}

/// What a run reads: files and folders, or JSON Lines on standard input.
#[derive(Debug, Clone, Copy)]
pub enum Input<'a> {
    Paths(&'a [PathBuf]),
    Stdin,
}

/// Indexes every article under `paths` into `index`. Bad input is reported through
/// `progress` and counted; the rest is indexed and committed.
pub fn index_paths(
    index: &CrossIndex,
    paths: &[PathBuf],
    options: &IndexOptions,
    progress: &mut dyn Progress,
) -> Result<IndexSummary> {
    let writer = index.writer_with_threads(options.writer_bytes, writer_threads(options))?;
    let book = if options.stories {
        Some(StoryBook::load(index.path())?)
    } else {
        None
    };
    let (summary, writer, book) = run_into(Input::Paths(paths), options, writer, book, progress)?;
    if let Some(mut book) = book {
        book.finish_run();
        book.save(index.path())?;
        index.forget_story_book();
    }
    writer.finish()?;
    Ok(summary)
}

/// Reads `input` into `destination`: parsing, extraction (when `options.extract`) and story
/// placing (when a `book` is given) as for the index. Returns what was done, the
/// destination (whose last articles the caller commits) and the book (whose run the caller
/// finishes).
pub fn run_into<D: Destination>(
    input: Input<'_>,
    options: &IndexOptions,
    destination: D,
    book: Option<StoryBook>,
    progress: &mut dyn Progress,
) -> Result<(IndexSummary, D, Option<StoryBook>)> {
    let stories = book.is_some();
    let mut run = Run {
        summary: IndexSummary::default(),
        sink: Sink {
            writer: destination,
            since_commit: 0,
            batch: options.batch_articles.max(1),
            written: IndexSummary::default(),
            commits: 0,
        },
        book,
        commits_at_save: 0,
        extract: options.extract,
        stories,
    };
    match input {
        Input::Paths(paths) => run.paths(paths, options, progress)?,
        Input::Stdin => {
            let stdin = std::io::stdin();
            let mut reader =
                JsonLines::from_reader("stdin".into(), stdin.lock(), options.max_file_bytes);
            run.chunks_from(&mut reader, 0, progress)?;
        }
    }
    let written = run.sink.written;
    let summary = IndexSummary {
        articles: written.articles,
        added: written.added,
        replaced: written.replaced,
        duplicates: written.duplicates,
        claims: written.claims,
        ..run.summary
    };
    Ok((summary, run.sink.writer, run.book))
}

impl<D: Destination> Run<D> {
    fn paths(
        &mut self,
        paths: &[PathBuf],
        options: &IndexOptions,
        progress: &mut dyn Progress,
    ) -> Result<()> {
        let (files, walk_problems) = ingest::discover(paths);
        for diagnostic in &walk_problems {
            self.note(diagnostic, progress);
        }
        let run = self;
        let mut group: Vec<(PathBuf, Format, u64)> = Vec::new();
        let mut group_bytes = 0;
        for (path, format) in files {
            let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
            if matches!(format, Format::JsonLines | Format::Warc) {
                run.flush_group(&mut group, options, progress)?;
                group_bytes = 0;
                run.streamed(&path, format, size, options, progress)?;
                continue;
            }
            group_bytes += size.min(options.max_file_bytes);
            group.push((path, format, size));
            if group.len() >= GROUP_FILES || group_bytes >= GROUP_BYTES {
                run.flush_group(&mut group, options, progress)?;
                group_bytes = 0;
            }
        }
        run.flush_group(&mut group, options, progress)?;
        Ok(())
    }
}

struct Run<D> {
    summary: IndexSummary,
    sink: Sink<D>,
    extract: bool,
    stories: bool,
    /// Places each new article in a story (none for the benchmarks' baselines). Placing
    /// is sequential; it runs on this thread while the writer thread writes the slice
    /// before.
    book: Option<StoryBook>,
    /// The writer's commit count when the book was last saved.
    commits_at_save: usize,
}

/// The writing side of a run: articles and claims go to the index's writer in order, with
/// a commit every `batch` articles. It runs on its own thread while the next articles'
/// claims are extracted.
struct Sink<D> {
    writer: D,
    since_commit: usize,
    batch: usize,
    /// What was written: articles by outcome, claims.
    written: IndexSummary,
    /// Commits made.
    commits: usize,
}

/// The story book is saved every this many commits (and at the end of a run): a crash
/// then costs at most these batches' statistics, never an article. Articles whose story
/// the saved book does not know still list, under their stored id.
const COMMITS_PER_BOOK_SAVE: usize = 16;

/// What the extraction threads prepare for the writer: an article's claims and its terms.
#[derive(Default)]
struct Prepared {
    extracted: extract::Extracted,
    terms: Option<ArticleTerms>,
    story: Option<String>,
}

/// Articles extracted and written together: while one slice is written (tantivy's indexing
/// thread is the slow side of writing), the next one's claims are extracted.
const PIPELINE_ARTICLES: usize = 256;

impl<D: Destination> Run<D> {
    fn note(&mut self, diagnostic: &Diagnostic, progress: &mut dyn Progress) {
        if diagnostic.rejected {
            self.summary.rejected += 1;
        } else {
            self.summary.warnings += 1;
        }
        progress.diagnostic(diagnostic);
    }

    fn flush_group(
        &mut self,
        group: &mut Vec<(PathBuf, Format, u64)>,
        options: &IndexOptions,
        progress: &mut dyn Progress,
    ) -> Result<()> {
        let parsed: Vec<(Parsed, u64)> = group
            .par_iter()
            .map(|(path, format, size)| {
                (
                    ingest::read_document(path, *format, options.max_file_bytes),
                    *size,
                )
            })
            .collect();
        group.clear();
        // The group's articles go through extraction and writing together, so that a
        // folder of one-article files is extracted in parallel and overlapped with writing
        // like a JSON Lines file is.
        let mut all = Parsed::default();
        for (parsed, size) in parsed {
            self.summary.files += 1;
            self.summary.bytes += size;
            progress.file_done(size, parsed.articles.len() as u64);
            all.articles.extend(parsed.articles);
            all.diagnostics.extend(parsed.diagnostics);
        }
        self.take(all, progress)
    }

    /// A JSON Lines or WARC file, read and written a chunk at a time.
    fn streamed(
        &mut self,
        path: &std::path::Path,
        format: Format,
        size: u64,
        options: &IndexOptions,
        progress: &mut dyn Progress,
    ) -> Result<()> {
        let reader: std::result::Result<Box<dyn ingest::Chunks>, Diagnostic> =
            if format == Format::Warc {
                ingest::open_warc(path, options.max_file_bytes).map(|r| Box::new(r) as _)
            } else {
                JsonLines::open(path, options.max_file_bytes).map(|r| Box::new(r) as _)
            };
        match reader {
            Ok(mut reader) => self.chunks_from(reader.as_mut(), size, progress),
            Err(diagnostic) => {
                self.summary.files += 1;
                self.summary.bytes += size;
                self.note(&diagnostic, progress);
                Ok(())
            }
        }
    }

    fn chunks_from(
        &mut self,
        reader: &mut dyn ingest::Chunks,
        size: u64,
        progress: &mut dyn Progress,
    ) -> Result<()> {
        self.summary.files += 1;
        self.summary.bytes += size;
        let mut total = 0;
        loop {
            let mut parsed = Parsed::default();
            let more = reader.next_chunk(CHUNK_LINES, &mut parsed);
            total += parsed.articles.len() as u64;
            self.take(parsed, progress)?;
            if !more {
                break;
            }
        }
        progress.file_done(size, total);
        Ok(())
    }

    fn take(&mut self, parsed: Parsed, progress: &mut dyn Progress) -> Result<()> {
        for diagnostic in &parsed.diagnostics {
            self.note(diagnostic, progress);
        }
        let mut outcomes = Vec::with_capacity(parsed.articles.len());
        for article in &parsed.articles {
            outcomes.push(self.sink.writer.classify(article)?);
        }
        for article in &parsed.articles {
            if article.text.len() > MAX_EXTRACT_BYTES && self.extract {
                self.note(
                    &Diagnostic {
                        origin: article.origin.clone(),
                        message: format!(
                            "article text is {} bytes; claims are extracted from its first {} bytes only (the whole text is indexed for search)",
                            article.text.len(),
                            MAX_EXTRACT_BYTES
                        ),
                        rejected: false,
                    },
                    progress,
                );
            }
        }
        // Extraction is the costly part: run it in parallel, only for articles that will be
        // written, and overlapped with writing the slice before.
        let (extract, stories) = (self.extract, self.stories);
        let claims_of = |articles: &[Article], outcomes: &[WriteOutcome]| -> Vec<Prepared> {
            articles
                .par_iter()
                .zip(outcomes)
                .map(|(article, outcome)| match outcome {
                    WriteOutcome::Duplicate => Prepared::default(),
                    _ => Prepared {
                        extracted: if extract {
                            extract_bounded(article)
                        } else {
                            extract::Extracted::default()
                        },
                        terms: stories.then(|| crate::stories::terms_of(article)),
                        story: None,
                    },
                })
                .collect()
        };
        let mut slices = parsed
            .articles
            .chunks(PIPELINE_ARTICLES)
            .zip(outcomes.chunks(PIPELINE_ARTICLES));
        let Some((articles, outcomes)) = slices.next() else {
            return Ok(());
        };
        // A slice is placed in its stories (in order: placing is sequential) and written on
        // the writing thread, while the next slice's claims and terms are extracted here.
        let first = claims_of(articles, outcomes);
        let mut ready = (articles, outcomes, first);
        for (articles, outcomes) in slices {
            let sink = &mut self.sink;
            let book = &mut self.book;
            let (written, claims) = std::thread::scope(|scope| {
                let (done_articles, done_outcomes, mut done_claims) = ready;
                let writing = scope.spawn(move || {
                    place(book.as_mut(), done_articles, &mut done_claims);
                    sink.write_all(done_articles, done_outcomes, done_claims)
                });
                let claims = claims_of(articles, outcomes);
                (writing.join(), claims)
            });
            match written {
                Ok(result) => {
                    for diagnostic in result? {
                        self.note(&diagnostic, progress);
                    }
                }
                Err(panic) => std::panic::resume_unwind(panic),
            }
            self.save_book_now_and_then()?;
            ready = (articles, outcomes, claims);
        }
        let (articles, outcomes, mut claims) = ready;
        place(self.book.as_mut(), articles, &mut claims);
        for diagnostic in self.sink.write_all(articles, outcomes, claims)? {
            self.note(&diagnostic, progress);
        }
        self.save_book_now_and_then()?;
        Ok(())
    }

    /// Saves the story book after every [`COMMITS_PER_BOOK_SAVE`] commits.
    fn save_book_now_and_then(&mut self) -> Result<()> {
        if let Some(book) = &self.book {
            if self.sink.commits >= self.commits_at_save + COMMITS_PER_BOOK_SAVE {
                if let Some(folder) = self.sink.writer.book_folder() {
                    book.save(folder)?;
                }
                self.commits_at_save = self.sink.commits;
            }
        }
        Ok(())
    }
}

/// Places each new article of a slice in its story, in order (nothing without a book).
fn place(book: Option<&mut StoryBook>, articles: &[Article], prepared: &mut [Prepared]) {
    let Some(book) = book else {
        return;
    };
    let (positions, batch): (Vec<usize>, Vec<(&str, &ArticleTerms)>) = articles
        .iter()
        .zip(prepared.iter())
        .enumerate()
        .filter_map(|(i, (article, p))| Some((i, (article.id.as_str(), p.terms.as_ref()?))))
        .unzip();
    let stories = book.place_batch(&batch);
    for (i, story) in positions.into_iter().zip(stories) {
        prepared[i].story = Some(story);
    }
}

impl<D: Destination> Sink<D> {
    /// Writes a slice of articles with their claims; returns extraction's diagnostics, for
    /// the caller to report in order.
    fn write_all(
        &mut self,
        articles: &[Article],
        outcomes: &[WriteOutcome],
        prepared: Vec<Prepared>,
    ) -> Result<Vec<Diagnostic>> {
        let mut diagnostics = Vec::new();
        for ((article, outcome), prepared) in articles.iter().zip(outcomes).zip(prepared) {
            let mut claims = prepared.extracted.claims;
            for claim in &mut claims {
                claim.story.clone_from(&prepared.story);
            }
            self.write(article, &claims, *outcome, prepared.story.as_deref())?;
            diagnostics.extend(prepared.extracted.diagnostics);
        }
        Ok(diagnostics)
    }

    fn write(
        &mut self,
        article: &Article,
        claims: &[Claim],
        outcome: WriteOutcome,
        story: Option<&str>,
    ) -> Result<()> {
        self.written.articles += 1;
        match outcome {
            WriteOutcome::Added => self.written.added += 1,
            WriteOutcome::Replaced => self.written.replaced += 1,
            WriteOutcome::Duplicate => {
                self.written.duplicates += 1;
                return Ok(());
            }
        }
        self.written.claims += claims.len() as u64;
        self.writer.add(article, claims, outcome, story)?;
        self.since_commit += 1;
        if self.since_commit >= self.batch {
            self.commits += 1;
            self.writer.commit()?;
            self.since_commit = 0;
        }
        Ok(())
    }
}

/// Everything a report shows, from the index: claims (all, or those about the quantities a
/// query selects), their comparison, source scores, and the articles' metadata.
pub fn report_data(
    index: &CrossIndex,
    query: Option<&str>,
    story: Option<&str>,
    generated_at: Option<String>,
) -> Result<crate::model::ReportData> {
    use crate::index::ClaimQuery;
    let (claims, hits) = index.claims_for_comparison(&ClaimQuery {
        text: query.map(str::to_owned),
        story: story.map(str::to_owned),
        ..ClaimQuery::default()
    })?;
    let articles = match story {
        Some(story) => index.story_article_metas(story)?,
        None => index.article_metas()?,
    };
    let mut report = build_report(claims, articles, hits.as_deref(), query, generated_at);
    if let Some(story) = story {
        report.title = format!("{} (story {story})", report.title);
    }
    let shown: std::collections::HashSet<&str> = report
        .clusters
        .iter()
        .filter_map(|c| c.story.as_deref())
        .chain(report.articles.iter().filter_map(|a| a.story.as_deref()))
        .collect();
    report.stories = match story {
        // one story: its summary alone, not every story's
        Some(story) => vec![index.story(story)?],
        None => {
            let mut stories = index.stories(None)?;
            stories.retain(|s| shown.contains(s.story_id.as_str()));
            stories
        }
    };
    Ok(report)
}

/// Every source of the index (or of one story) rated. Without a story filter the claims
/// are read and grouped one story at a time, so memory holds the largest story's claims
/// and the corpus's compact observations, not the corpus's claims.
pub fn index_sources(
    index: &CrossIndex,
    story: Option<String>,
) -> Result<crate::model::SourcesReport> {
    use crate::index::ClaimQuery;
    let book = index.story_book()?;
    let stories = book.live_stories();
    if story.is_some() || stories.is_empty() {
        let claims = index.claims(&ClaimQuery {
            story,
            ..ClaimQuery::default()
        })?;
        return Ok(crate::reliability::corpus::sources_from_claims(&claims));
    }
    let mut evidence = crate::reliability::corpus::SourceEvidence::default();
    let ids: Vec<String> = stories.iter().map(|s| s.id.clone()).collect();
    index.for_each_story_claims(&ClaimQuery::default(), &ids, |_, claims| {
        evidence.add_story(&claims);
        Ok(())
    })?;
    Ok(evidence.finish())
}

/// The report of given claims and articles. With `hits` (the claims a query matched), only
/// the clusters and articles that concern them are kept.
pub fn build_report(
    claims: Vec<Claim>,
    mut articles: Vec<crate::model::ArticleMeta>,
    hits: Option<&[String]>,
    query: Option<&str>,
    generated_at: Option<String>,
) -> crate::model::ReportData {
    use crate::model::{ReportData, ReportSummary};
    let mut comparison =
        crate::compare::compare(&claims, &crate::compare::CompareOptions::default());
    if let Some(hits) = hits {
        comparison.keep_concerning(hits);
        let used: std::collections::HashSet<&str> =
            claims.iter().map(|c| c.article_id.as_str()).collect();
        articles.retain(|a| used.contains(a.id.as_str()));
    }
    let sources = crate::reliability::corpus::sources_from_claims(&claims);
    let outlets: std::collections::BTreeSet<&str> = articles
        .iter()
        .filter_map(|a| a.outlet.as_deref())
        .collect();
    let summary = ReportSummary {
        articles: articles.len(),
        outlets: outlets.len(),
        claims: claims.len(),
        clusters: comparison.clusters.len(),
        discrepancies: comparison
            .clusters
            .iter()
            .map(|c| c.discrepancies.len())
            .sum(),
        internal: comparison.internal.len(),
    };
    ReportData {
        title: match query {
            Some(q) => format!("crosscheck report: {q}"),
            None => "crosscheck report".into(),
        },
        generated_at,
        summary,
        clusters: comparison.clusters,
        internal: comparison.internal,
        sources: sources.sources,
        truths: sources.truths,
        claims,
        articles,
        stories: Vec::new(),
    }
}

/// The report of the files under `paths`, read and extracted without an index (for tests
/// and one-off runs).
pub fn report_of_files(paths: &[PathBuf]) -> crate::model::ReportData {
    let (files, _) = ingest::discover(paths);
    let mut articles = Vec::new();
    for (path, format) in files {
        articles.extend(ingest::read_document(&path, format, DEFAULT_MAX_FILE_BYTES).articles);
    }
    let claims: Vec<Claim> = articles
        .par_iter()
        .flat_map(|article| extract::extract_checked(article).claims)
        .collect();
    let mut metas: Vec<crate::model::ArticleMeta> = articles
        .into_iter()
        .map(|a| crate::model::ArticleMeta {
            id: a.id,
            outlet: a.outlet,
            title: a.title,
            url: a.url,
            date: a.date,
            story: None,
        })
        .collect();
    metas.sort_by(|a, b| (a.date.as_deref(), &a.id).cmp(&(b.date.as_deref(), &b.id)));
    build_report(claims, metas, None, None, None)
}
