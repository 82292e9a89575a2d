//! `stories` owns the grouping of articles into stories: the events they report. Every
//! article gets exactly one story when it is indexed, incrementally: the story book (kept in
//! the index folder as `stories.json`) holds each story's term centroid, dates and figures,
//! and the corpus's document frequencies; a new article is compared only with the stories
//! that share its most distinctive terms (a more-like-this lookup through the book's
//! postings), never with every story.
//!
//! Splits and merges, and why ids stay stable: a story's id is a hash of the article that
//! opened it, so indexing the same corpus again gives the same ids. Stories never split
//! (an article keeps the story it was given). Two stories merge when a new article shows
//! they are one (their centroids come close), and at the end of an indexing run a story of
//! a few articles joins the larger story it resembles; the merged story's id becomes an
//! alias of the surviving (older, or larger) story's id, so documents already written keep
//! their stored id and every reader resolves it through [`StoryBook::canonical_id`].

mod terms;
mod vector;

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use serde::{Deserialize, Serialize};

pub use terms::{
    article_terms, article_terms_from, is_designator_hash, is_name_hash, term_hash, ArticleTerms,
    Masthead, Term, TermKind,
};
pub use vector::SparseVector;

use crate::error::{Error, Result};

/// An article's story is read from its title and first this many bytes: news puts the
/// event (who, where, when) at the top, and the rest costs time and adds noise.
pub const STORY_TEXT_BYTES: usize = 2000;

/// The terms that place an article in its story: its title and lede, without the names of
/// its outlet and author.
pub fn terms_of(article: &crate::model::Article) -> ArticleTerms {
    let mut end = article.text.len().min(STORY_TEXT_BYTES);
    while !article.text.is_char_boundary(end) {
        end -= 1;
    }
    article_terms_from(
        article.title.as_deref(),
        &article.text[..end],
        article.date.as_deref(),
        Masthead {
            outlet: article.outlet.as_deref(),
            author: article.author.as_deref(),
        },
    )
}

/// The book's file in the index folder.
pub const BOOK_FILE: &str = "stories.json";
const BOOK_VERSION: u32 = 1;

/// Thresholds, chosen on the realnews dev set (pairwise F1 of story grouping) and on the
/// generator's planted stories; see `bench/stories_prototype.py` for the search.
mod tuning {
    /// An article joins the best candidate story at this cosine or above.
    pub const JOIN: f32 = 0.10;
    /// Two stories merge at this centroid cosine or above.
    pub const MERGE: f32 = 0.25;
    /// A story of at least `COHESIVE_MEMBERS` articles takes an article only if its cosine
    /// is at least this share of the story's cohesion (the mean cosine of its members).
    pub const COHESION_SHARE: f32 = 0.5;
    pub const COHESIVE_MEMBERS: u32 = 3;
    /// At the end of a run, stories of at most this many articles join a larger story at
    /// this cosine or above.
    pub const RESCUE_MEMBERS: u32 = 6;
    pub const RESCUE: f32 = 0.10;
    /// Articles more than this many days outside a story's dates count half.
    pub const DATE_WINDOW: i64 = 14;
    pub const DATE_PENALTY: f32 = 0.5;
    /// Articles this many days outside a story's dates report another event whatever
    /// they share (a protest and its anniversary): a story that goes on is covered in
    /// between, and its dates grow with it.
    pub const SEASON_APART: i64 = 120;
    /// An article none of whose heaviest names the story has counts half: two events of
    /// one kind share their words, not their places and people.
    pub const NAMES_CHECKED: usize = 3;
    pub const NAME_PENALTY: f32 = 0.2;
    /// An article whose repeated figures are mostly not the story's counts half.
    pub const FIGURE_AGREEMENT: f32 = 0.2;
    pub const FIGURE_PENALTY: f32 = 0.5;
    /// Terms of an article that look for candidate stories, and candidates scored.
    pub const QUERY_TERMS: usize = 25;
    pub const CANDIDATES: usize = 10;
    /// Terms a story's centroid keeps (memory per story is bounded by this).
    pub const CENTROID_TERMS: usize = 96;
    /// Stories remembered per term for candidate lookup (the most recent ones).
    pub const POSTINGS_PER_TERM: usize = 128;
    /// A term in the centroids of this many stories is too common to look for candidates by.
    pub const COMMON_TERM_STORIES: usize = 48;
    /// Figures a story remembers.
    pub const STORY_FIGURES: usize = 64;
    /// Below this many articles, document frequencies count as if from this many.
    pub const MIN_STATISTICS: u64 = 200;
    /// Terms a story shows.
    pub const SHOWN_TERMS: usize = 8;
}

/// One story as the book keeps it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Story {
    pub id: String,
    /// The story this one was merged into (by position in the book).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merged_into: Option<u32>,
    pub members: u32,
    /// Sum of the members' unit vectors, its heaviest terms kept.
    pub sum: SparseVector,
    /// Squared length of the untruncated sum, for the story's cohesion.
    pub sum_norm_sq: f32,
    /// Length of the kept sum (candidate scoring divides by it for every posting).
    #[serde(skip)]
    norm: f32,
    /// Its heaviest names' hashes, kept with `norm` (every candidate's check reads them).
    #[serde(skip)]
    names: Vec<u64>,
    pub first_day: Option<i64>,
    pub last_day: Option<i64>,
    /// Figures of its articles with how many articles gave them, sorted by hash.
    pub figures: Vec<(u64, u32)>,
    /// Readable text of its heaviest terms: (hash, kind, text).
    pub shown: Vec<(u64, TermKind, String)>,
}

impl Story {
    fn cohesion(&self) -> f32 {
        if self.members == 0 {
            return 0.0;
        }
        self.sum_norm_sq.max(0.0).sqrt() / self.members as f32
    }

    fn date_factor(&self, first: Option<i64>, last: Option<i64>) -> f32 {
        let (Some(a0), Some(a1), Some(s0), Some(s1)) = (first, last, self.first_day, self.last_day)
        else {
            return 1.0;
        };
        let gap = (s0 - a1).max(a0 - s1).max(0);
        if gap <= tuning::DATE_WINDOW {
            1.0
        } else if gap > tuning::SEASON_APART {
            0.0
        } else {
            tuning::DATE_PENALTY
        }
    }

    /// Figures at least two of its articles gave.
    fn repeated_figures(&self) -> Vec<u64> {
        self.figures
            .iter()
            .filter(|(_, n)| *n >= 2)
            .map(|(h, _)| *h)
            .collect()
    }

    /// The readable terms: names and pairs of names first, then words, years, months.
    pub fn terms(&self) -> Vec<String> {
        let mut names: Vec<&(u64, TermKind, String)> = self.shown.iter().collect();
        names.sort_by_key(|(_, kind, _)| match kind {
            TermKind::NamePair => 0,
            TermKind::Name => 1,
            TermKind::Word => 2,
            _ => 3,
        });
        let mut seen = std::collections::HashSet::new();
        names
            .into_iter()
            .filter(|(_, kind, _)| !matches!(kind, TermKind::Month | TermKind::Figure))
            .filter(|(_, _, text)| seen.insert(text.to_lowercase()))
            .map(|(_, _, text)| text.clone())
            .collect()
    }

    /// A readable label: the heaviest common word, the heaviest names, the month.
    pub fn label(&self) -> String {
        let word = self
            .shown
            .iter()
            .find(|(_, kind, _)| *kind == TermKind::Word);
        let mut parts: Vec<String> = Vec::new();
        if let Some((_, _, word)) = word {
            parts.push(word.clone());
        }
        for (_, _, name) in self
            .shown
            .iter()
            .filter(|(_, kind, _)| *kind == TermKind::Name)
            .take(2)
        {
            parts.push(name.clone());
        }
        if let Some((year, month, _)) = self.first_day.and_then(crate::dates::civil) {
            const MONTHS: [&str; 12] = [
                "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
            ];
            let month = MONTHS.get(month as usize - 1).copied().unwrap_or("");
            parts.push(format!("{month} {year}"));
        }
        if parts.is_empty() {
            self.id.clone()
        } else {
            parts.join(", ")
        }
    }
}

/// Term hashes are already well mixed (FNV-1a): the maps use them as they are instead of
/// hashing them again.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct TermHasher;

impl std::hash::BuildHasher for TermHasher {
    type Hasher = IdentityHasher;
    fn build_hasher(&self) -> IdentityHasher {
        IdentityHasher(0)
    }
}

pub(crate) struct IdentityHasher(u64);

impl std::hash::Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        // The kind sits in the top bits, which the table uses as tags: one multiply
        // spreads the hash's low bits over them.
        self.0 = n.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

/// The stories of one index and the statistics that place new articles.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct StoryBook {
    version: u32,
    /// Articles placed so far.
    articles: u64,
    /// Articles each term occurs in.
    df: HashMap<u64, u32, TermHasher>,
    stories: Vec<Story>,
    /// term → stories whose centroid holds it (candidate lookup).
    #[serde(skip)]
    postings: HashMap<u64, Vec<u32>, TermHasher>,
    #[serde(skip)]
    by_id: HashMap<String, u32>,
    /// Stories opened or joined in this run, for the end-of-run rescue.
    #[serde(skip)]
    touched: std::collections::BTreeSet<u32>,
    /// Each surviving story's members (itself and the stories merged into it), built when
    /// first asked for and forgotten at a merge: asked for story by story, a scan of the
    /// whole book each time cost the square of the number of stories.
    #[serde(skip)]
    members_of_root: std::sync::OnceLock<HashMap<u32, Vec<u32>>>,
}

impl StoryBook {
    /// The book of the index at `folder`; an empty book when there is none yet.
    pub fn load(folder: &Path) -> Result<StoryBook> {
        let path = folder.join(BOOK_FILE);
        let text = match std::fs::read(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(StoryBook::new()),
            Err(e) => return Err(Error::io(&path, e)),
        };
        let mut book: StoryBook =
            serde_json::from_slice(&text).map_err(|e| Error::IndexDamaged {
                path: path.clone(),
                detail: format!("its story book cannot be read ({e})"),
            })?;
        if book.version != BOOK_VERSION {
            return Err(Error::IndexDamaged {
                path,
                detail: format!(
                    "story book version {} (expected {BOOK_VERSION})",
                    book.version
                ),
            });
        }
        book.rebuild_lookups();
        Ok(book)
    }

    pub fn new() -> StoryBook {
        StoryBook {
            version: BOOK_VERSION,
            ..StoryBook::default()
        }
    }

    /// Writes the book next to the index, atomically (a reader never sees half a book).
    pub fn save(&self, folder: &Path) -> Result<()> {
        let path = folder.join(BOOK_FILE);
        let temporary = folder.join(format!("{BOOK_FILE}.tmp"));
        // Streamed: a large book is never held as one string beside itself.
        let file = std::fs::File::create(&temporary).map_err(|e| Error::io(&temporary, e))?;
        let mut out = std::io::BufWriter::new(file);
        serde_json::to_writer(&mut out, self).map_err(|e| Error::Json(e.to_string()))?;
        std::io::Write::flush(&mut out).map_err(|e| Error::io(&temporary, e))?;
        std::fs::rename(&temporary, &path).map_err(|e| Error::io(&path, e))?;
        Ok(())
    }

    fn rebuild_lookups(&mut self) {
        for story in &mut self.stories {
            story.norm = story.sum.norm();
            story.names = heaviest_names(&story.sum);
        }
        self.by_id = self
            .stories
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.clone(), i as u32))
            .collect();
        self.postings.clear();
        for i in 0..self.stories.len() as u32 {
            if self.stories[i as usize].merged_into.is_none() {
                self.post(i);
            }
        }
    }

    /// Every story, merged ones included.
    pub fn stories(&self) -> &[Story] {
        &self.stories
    }

    /// The stories that stand (not merged into another), the biggest first.
    pub fn live_stories(&self) -> Vec<&Story> {
        let mut live: Vec<&Story> = self
            .stories
            .iter()
            .filter(|s| s.merged_into.is_none())
            .collect();
        live.sort_by(|a, b| b.members.cmp(&a.members).then_with(|| a.id.cmp(&b.id)));
        live
    }

    /// The story an id stands for now (after merges); `None` for an unknown id.
    pub fn canonical(&self, id: &str) -> Option<&Story> {
        let position = *self.by_id.get(id)?;
        Some(&self.stories[self.root(position) as usize])
    }

    /// The id documents should be reported under: the surviving story of `id`'s merges,
    /// or `id` itself when the book does not know it.
    pub fn canonical_id<'a>(&'a self, id: &'a str) -> &'a str {
        self.canonical(id).map_or(id, |s| s.id.as_str())
    }

    /// Every stored id that stands for the story `id` (itself and the stories merged into
    /// it), for filters.
    pub fn aliases(&self, id: &str) -> Vec<String> {
        let Some(&position) = self.by_id.get(id) else {
            return vec![id.to_owned()];
        };
        let root = self.root(position);
        let members = self.members_of_root.get_or_init(|| {
            let mut members: HashMap<u32, Vec<u32>> = HashMap::new();
            for i in 0..self.stories.len() as u32 {
                members.entry(self.root(i)).or_default().push(i);
            }
            members
        });
        members
            .get(&root)
            .map(|list| {
                list.iter()
                    .map(|&i| self.stories[i as usize].id.clone())
                    .collect()
            })
            .unwrap_or_else(|| vec![id.to_owned()])
    }

    fn root(&self, mut position: u32) -> u32 {
        let mut steps = 0;
        while let Some(next) = self.stories[position as usize].merged_into {
            position = next;
            steps += 1;
            if steps > self.stories.len() {
                break; // a damaged book with a cycle: stop rather than loop
            }
        }
        position
    }

    /// Inverse document frequency. A small index's statistics say little (in four articles
    /// about one flood, the flood's place is in all four and would weigh nothing), so they
    /// count as if from at least [`tuning::MIN_STATISTICS`] articles, the others lacking
    /// the term.
    fn idf(&self, hash: u64) -> f32 {
        let df = self.df.get(&hash).copied().unwrap_or(0) as f32;
        let articles = self.articles.max(tuning::MIN_STATISTICS) as f32;
        ((articles + 1.0) / (df + 0.5)).ln()
    }

    fn vector(&self, terms: &ArticleTerms) -> SparseVector {
        let weights = terms
            .terms
            .iter()
            .filter_map(|t| {
                let idf = self.idf(t.hash);
                (idf > 0.0).then(|| {
                    (
                        t.hash,
                        t.kind.weight() * (1.0 + (t.count as f32).ln()) * idf,
                    )
                })
            })
            .collect();
        SparseVector(weights).normalised()
    }

    /// Places a batch of articles, in order: the batch's terms count in the statistics
    /// first (the index's document frequencies include the batch), then each article joins
    /// a story or opens one. Returns each article's story id.
    pub fn place_batch(&mut self, batch: &[(&str, &ArticleTerms)]) -> Vec<String> {
        for (_, terms) in batch {
            self.articles += 1;
            for term in &terms.terms {
                *self.df.entry(term.hash).or_default() += 1;
            }
        }
        batch
            .iter()
            .map(|(article_id, terms)| self.place(article_id, terms))
            .collect()
    }

    fn place(&mut self, article_id: &str, terms: &ArticleTerms) -> String {
        let vector = self.vector(terms);
        let names = heaviest_names(&vector);
        let candidates = self.candidates(&vector);
        let figures = self.known_figures(terms);
        let mut best: Option<(f32, u32)> = None;
        for &candidate in &candidates {
            let story = &self.stories[candidate as usize];
            let (dates, names) = (
                story.date_factor(terms.day, terms.day),
                name_factor((&vector, &names), (&story.sum, &story.names)),
            );
            if apart(dates, names) {
                continue;
            }
            let score =
                cosine_to_sum(&vector, story) * dates * names * figure_factor(&figures, story);
            if story.members >= tuning::COHESIVE_MEMBERS
                && score < tuning::COHESION_SHARE * story.cohesion()
            {
                continue;
            }
            if best.is_none_or(|(b, _)| score > b) {
                best = Some((score, candidate));
            }
        }
        let position = match best {
            Some((score, position)) if score >= tuning::JOIN => position,
            _ => self.open(article_id),
        };
        self.join(position, &vector, terms);
        let position = self.merge_close(position, &candidates);
        self.stories[position as usize].id.clone()
    }

    /// Stories that share the article's most distinctive terms, best first.
    fn candidates(&self, vector: &SparseVector) -> Vec<u32> {
        let mut scores: HashMap<u32, f32> = HashMap::new();
        for (hash, weight) in vector.heaviest(tuning::QUERY_TERMS) {
            let posted = self.postings.get(&hash).map_or(&[][..], Vec::as_slice);
            // A term in the centroids of this many stories is a common word of the
            // corpus's stories, not a clue to one (more-like-this's maximum document
            // frequency); scanning it would cost the most and tell the least.
            if posted.len() >= tuning::COMMON_TERM_STORIES {
                continue;
            }
            for &posted in posted {
                let root = self.root(posted);
                let story = &self.stories[root as usize];
                if story.norm > 0.0 {
                    *scores.entry(root).or_default() +=
                        weight * story.sum.weight(hash) / story.norm;
                }
            }
        }
        let mut ranked: Vec<(u32, f32)> = scores.into_iter().filter(|(_, s)| *s > 0.0).collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        ranked.truncate(tuning::CANDIDATES);
        let mut positions: Vec<u32> = ranked.into_iter().map(|(p, _)| p).collect();
        positions.sort_unstable();
        positions
    }

    /// The article's figures that other articles gave too.
    fn known_figures(&self, terms: &ArticleTerms) -> Vec<u64> {
        terms
            .terms
            .iter()
            .filter(|t| t.kind == TermKind::Figure)
            .filter(|t| self.df.get(&t.hash).is_some_and(|&n| n >= 2))
            .map(|t| t.hash)
            .collect()
    }

    fn open(&mut self, article_id: &str) -> u32 {
        let digest = blake3::hash(article_id.as_bytes()).to_hex();
        let mut id = format!("s{}", &digest[..10]);
        let mut n = 2;
        while self.by_id.contains_key(&id) {
            id = format!("s{}-{n}", &digest[..10]);
            n += 1;
        }
        let position = self.stories.len() as u32;
        self.by_id.insert(id.clone(), position);
        self.stories.push(Story {
            id,
            merged_into: None,
            members: 0,
            sum: SparseVector::default(),
            sum_norm_sq: 0.0,
            norm: 0.0,
            names: Vec::new(),
            first_day: None,
            last_day: None,
            figures: Vec::new(),
            shown: Vec::new(),
        });
        position
    }

    fn join(&mut self, position: u32, vector: &SparseVector, terms: &ArticleTerms) {
        let story = &mut self.stories[position as usize];
        let before: Vec<u64> = story.sum.0.iter().map(|(h, _)| *h).collect();
        story.sum_norm_sq += 2.0 * story.sum.dot(vector) + vector.dot(vector);
        story.sum.add(vector);
        story.sum.keep_heaviest(tuning::CENTROID_TERMS);
        story.norm = story.sum.norm();
        story.names = heaviest_names(&story.sum);
        story.members += 1;
        if let Some(day) = terms.day {
            story.first_day = Some(story.first_day.map_or(day, |d| d.min(day)));
            story.last_day = Some(story.last_day.map_or(day, |d| d.max(day)));
        }
        let figures: Vec<(u64, u32)> = terms
            .terms
            .iter()
            .filter(|t| t.kind == TermKind::Figure)
            .map(|t| (t.hash, 1))
            .collect();
        story.figures = add_counts(&story.figures, &figures);
        refresh_shown(story, Some(terms));
        // Only terms new to the centroid need posting (both lists are sorted by hash).
        let new: Vec<u64> = story
            .sum
            .0
            .iter()
            .map(|(h, _)| *h)
            .filter(|h| before.binary_search(h).is_err())
            .collect();
        for hash in new {
            self.post_one(hash, position);
        }
        self.touched.insert(position);
    }

    /// Files a story under all its centroid's terms for candidate lookup.
    fn post(&mut self, position: u32) {
        let hashes: Vec<u64> = self.stories[position as usize]
            .sum
            .0
            .iter()
            .map(|(h, _)| *h)
            .collect();
        for hash in hashes {
            let list = self.postings.entry(hash).or_default();
            if !list.contains(&position) {
                self.post_one(hash, position);
            }
        }
    }

    fn post_one(&mut self, hash: u64, position: u32) {
        let list = self.postings.entry(hash).or_default();
        if list.last() != Some(&position) {
            list.push(position);
            if list.len() > tuning::POSTINGS_PER_TERM {
                list.remove(0);
            }
        }
    }

    /// Merges the story at `position` with any other candidate whose centroid is close;
    /// returns the surviving position.
    fn merge_close(&mut self, mut position: u32, candidates: &[u32]) -> u32 {
        for &other in candidates {
            let other = self.root(other);
            if other == position {
                continue;
            }
            let (a, b) = (
                &self.stories[position as usize],
                &self.stories[other as usize],
            );
            let (small, big) = if a.members <= b.members {
                (a, b)
            } else {
                (b, a)
            };
            let small_figures: Vec<u64> = small
                .figures
                .iter()
                .filter(|(h, _)| self.df.get(h).is_some_and(|&n| n >= 2))
                .map(|(h, _)| *h)
                .collect();
            let (dates, names) = (
                a.date_factor(b.first_day, b.last_day),
                name_factor((&small.sum, &small.names), (&big.sum, &big.names)),
            );
            if apart(dates, names) {
                continue;
            }
            let similarity =
                story_cosine(a, b) * dates * names * figure_factor(&small_figures, big);
            if similarity >= tuning::MERGE {
                let (keep, drop) = (position.min(other), position.max(other));
                self.merge(drop, keep);
                position = keep;
            }
        }
        position
    }

    fn merge(&mut self, drop: u32, keep: u32) {
        let dropped = self.stories[drop as usize].clone();
        let story = &mut self.stories[keep as usize];
        story.sum_norm_sq += 2.0 * story.sum.dot(&dropped.sum) + dropped.sum_norm_sq;
        story.sum.add(&dropped.sum);
        story.sum.keep_heaviest(tuning::CENTROID_TERMS);
        story.norm = story.sum.norm();
        story.names = heaviest_names(&story.sum);
        story.members += dropped.members;
        story.first_day = min_some(story.first_day, dropped.first_day);
        story.last_day = match (story.last_day, dropped.last_day) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
        story.figures = add_counts(&story.figures, &dropped.figures);
        let mut shown = story.shown.clone();
        shown.extend(dropped.shown.iter().cloned());
        story.shown = shown;
        refresh_shown(story, None);
        self.stories[drop as usize].merged_into = Some(keep);
        self.members_of_root = std::sync::OnceLock::new();
        self.stories[drop as usize].sum = SparseVector::default();
        self.stories[drop as usize].names = Vec::new();
        self.post(keep);
        self.touched.insert(keep);
    }

    /// The end of a run: each small story opened or joined in it joins the larger story it
    /// most resembles, if close enough (a story's first articles are placed before the
    /// statistics know the story's terms are distinctive).
    pub fn finish_run(&mut self) {
        let touched: Vec<u32> = std::mem::take(&mut self.touched).into_iter().collect();
        for position in touched {
            if self.root(position) != position {
                continue;
            }
            let story = &self.stories[position as usize];
            if story.members > tuning::RESCUE_MEMBERS {
                continue;
            }
            let query = SparseVector(story.sum.0.clone()).normalised();
            let mut best: Option<(f32, u32)> = None;
            for candidate in self.candidates_wide(&query) {
                let other = &self.stories[candidate as usize];
                // Into a larger story, or an older one of the same size.
                let larger = other.members > story.members
                    || (other.members == story.members && candidate < position);
                if candidate == position || !larger {
                    continue;
                }
                let (dates, names) = (
                    other.date_factor(story.first_day, story.last_day),
                    name_factor((&story.sum, &story.names), (&other.sum, &other.names)),
                );
                if apart(dates, names) {
                    continue;
                }
                let similarity = story_cosine(story, other) * dates * names;
                if best.is_none_or(|(b, _)| similarity > b) {
                    best = Some((similarity, candidate));
                }
            }
            if let Some((similarity, into)) = best {
                if similarity >= tuning::RESCUE {
                    self.merge(position, into);
                }
            }
        }
        self.touched.clear();
    }

    /// Like [`candidates`](Self::candidates), all stories sharing a query term.
    fn candidates_wide(&self, vector: &SparseVector) -> Vec<u32> {
        let mut out: Vec<u32> = vector
            .heaviest(tuning::QUERY_TERMS)
            .iter()
            .filter_map(|(hash, _)| self.postings.get(hash))
            .filter(|posted| posted.len() < tuning::COMMON_TERM_STORIES)
            .flatten()
            .map(|&p| self.root(p))
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

fn min_some(a: Option<i64>, b: Option<i64>) -> Option<i64> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

fn cosine_to_sum(vector: &SparseVector, story: &Story) -> f32 {
    if story.norm > 0.0 {
        vector.dot(&story.sum) / story.norm
    } else {
        0.0
    }
}

fn story_cosine(a: &Story, b: &Story) -> f32 {
    a.sum.cosine(&b.sum)
}

/// Weeks apart and sharing none of their names: another event of the same kind (the next
/// month's jobs report, the same protest in another city), however alike the words; or a
/// season apart whatever they share.
fn apart(date_factor: f32, name_factor: f32) -> bool {
    date_factor == 0.0 || (date_factor < 1.0 && name_factor < 1.0)
}

/// Half weight when neither side has the other's heaviest names (an article's or a
/// story's terms against a story's): two events of one kind share their words, and
/// sometimes a spokesman, but not their main places and people.
fn name_factor(
    (vector, mine): (&SparseVector, &[u64]),
    (other, theirs): (&SparseVector, &[u64]),
) -> f32 {
    if mine.is_empty() || theirs.is_empty() {
        return 1.0;
    }
    let shared = mine.iter().any(|h| other.weight(*h) > 0.0)
        || theirs.iter().any(|h| vector.weight(*h) > 0.0);
    if shared {
        1.0
    } else {
        tuning::NAME_PENALTY
    }
}

/// The hashes of a vector's heaviest names, heaviest first, place designators left out.
fn heaviest_names(vector: &SparseVector) -> Vec<u64> {
    let mut names: Vec<&(u64, f32)> = vector
        .0
        .iter()
        .filter(|(h, _)| is_name_hash(*h) && !is_designator_hash(*h))
        .collect();
    names.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    names
        .into_iter()
        .take(tuning::NAMES_CHECKED)
        .map(|(h, _)| *h)
        .collect()
}

/// Half weight when most of an article's repeated figures are not among the story's.
fn figure_factor(figures: &[u64], story: &Story) -> f32 {
    if story.members < 2 || figures.len() < 2 {
        return 1.0;
    }
    let repeated = story.repeated_figures();
    if repeated.len() < 2 {
        return 1.0;
    }
    let shared = figures
        .iter()
        .filter(|h| repeated.binary_search(h).is_ok())
        .count();
    if (shared as f32) / (figures.len() as f32) < tuning::FIGURE_AGREEMENT {
        tuning::FIGURE_PENALTY
    } else {
        1.0
    }
}

/// Sums two sorted count lists, keeping the most frequent [`tuning::STORY_FIGURES`].
fn add_counts(a: &[(u64, u32)], b: &[(u64, u32)]) -> Vec<(u64, u32)> {
    let mut merged: BTreeMap<u64, u32> = a.iter().copied().collect();
    for (hash, n) in b {
        *merged.entry(*hash).or_default() += n;
    }
    let mut all: Vec<(u64, u32)> = merged.into_iter().collect();
    if all.len() > tuning::STORY_FIGURES {
        all.sort_by(|x, y| y.1.cmp(&x.1).then_with(|| x.0.cmp(&y.0)));
        all.truncate(tuning::STORY_FIGURES);
        all.sort_unstable();
    }
    all
}

/// Keeps readable text for the story's heaviest terms, taking new text from `terms`.
fn refresh_shown(story: &mut Story, terms: Option<&ArticleTerms>) {
    let heaviest = story.sum.heaviest(tuning::SHOWN_TERMS * 2);
    let mut shown = Vec::new();
    for (hash, _) in heaviest {
        let known = story.shown.iter().find(|(h, _, _)| *h == hash).cloned();
        let found = known.or_else(|| {
            let terms = terms?;
            let i = terms.terms.binary_search_by_key(&hash, |t| t.hash).ok()?;
            let term = &terms.terms[i];
            Some((hash, term.kind, term.shown.clone()))
        });
        if let Some(entry) = found {
            if !matches!(entry.1, TermKind::Figure) {
                shown.push(entry);
            }
        }
        if shown.len() >= tuning::SHOWN_TERMS {
            break;
        }
    }
    story.shown = shown;
}

#[cfg(test)]
mod tests;
