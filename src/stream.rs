//! Stream filters: crosscheck's stages without an index, for shell pipes and for workers of
//! a distributed job (a Spark partition). Articles in → claims out (`crosscheck extract`);
//! articles in → the story of each article (`crosscheck stories --articles`); claims in →
//! clusters and source ratings (`crosscheck compare --claims`, `crosscheck sources
//! --claims`).
//!
//! Each filter runs the index path's own code ([`crate::pipeline::run_into`] with a
//! [`Destination`] that writes or collects instead of indexing), so claim ids, story ids and
//! clusters are the ones an index of the same articles gives.
//!
//! Invariant: nothing here opens an index; a filter's memory is its input's (claims read
//! for comparison), or one line per article (ids seen, stories placed).

use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, Write};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::index::WriteOutcome;
use crate::ingest::fingerprint;
use crate::model::{sort_in_text_order, Article, Claim, Diagnostic};
use crate::pipeline::Destination;
use crate::stories::StoryBook;

/// Articles seen so far in a stream, by id and content, as the index's writer tells them
/// apart: the same id and content again is a duplicate (its claims are not given again),
/// the same id with other content a new version.
#[derive(Debug, Default)]
struct SeenArticles {
    prints: HashMap<String, String>,
}

impl SeenArticles {
    fn classify(&mut self, article: &Article) -> WriteOutcome {
        let print = fingerprint(article);
        let known = self.prints.insert(article.id.clone(), print.clone());
        WriteOutcome::judge(known.as_deref(), &print)
    }
}

/// Writes every claim of every article as one line of JSON (the claims contract), in input
/// order. A changed version of an article later in the stream gives its claims again; a
/// consumer keeps the last version of an article, as the index does.
pub struct ClaimLines<W: Write + Send> {
    out: W,
    seen: SeenArticles,
}

impl<W: Write + Send> ClaimLines<W> {
    pub fn new(out: W) -> Self {
        ClaimLines {
            out,
            seen: SeenArticles::default(),
        }
    }

    /// The writer, flushed.
    pub fn finish(mut self) -> Result<W> {
        self.commit()?;
        Ok(self.out)
    }
}

impl<W: Write + Send> Destination for ClaimLines<W> {
    fn classify(&mut self, article: &Article) -> Result<WriteOutcome> {
        Ok(self.seen.classify(article))
    }

    fn add(
        &mut self,
        _article: &Article,
        claims: &[Claim],
        outcome: WriteOutcome,
        _story: Option<&str>,
    ) -> Result<()> {
        if outcome == WriteOutcome::Duplicate {
            return Ok(());
        }
        for claim in claims {
            serde_json::to_writer(&mut self.out, claim)?;
            self.out
                .write_all(b"\n")
                .map_err(|e| Error::io("stdout", e))?;
        }
        Ok(())
    }

    fn commit(&mut self) -> Result<()> {
        self.out.flush().map_err(|e| Error::io("stdout", e))
    }
}

/// One article's story, as `crosscheck stories --articles` writes it (one JSON object per
/// line): the story id is the one an index of the same articles, in the same order, gives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleStory {
    pub article_id: String,
    pub story: String,
    /// The story's readable label ("earthquake, Morocco, Sept 2023").
    pub label: String,
}

/// Collects the story each new article is placed in.
#[derive(Debug, Default)]
pub struct StoryPlacements {
    seen: SeenArticles,
    /// (article id, story id when placed), in input order, the latest version of each.
    placed: Vec<(String, String)>,
    position: HashMap<String, usize>,
}

impl StoryPlacements {
    /// Each article's story once the run is over: merges made at the end of the run (see
    /// [`StoryBook::finish_run`]) are followed, as the index's listings follow them.
    pub fn resolve(self, book: &StoryBook) -> Vec<ArticleStory> {
        self.placed
            .into_iter()
            .map(|(article_id, placed)| {
                let (story, label) = match book.canonical(&placed) {
                    Some(story) => (story.id.clone(), story.label()),
                    None => (placed.clone(), placed),
                };
                ArticleStory {
                    article_id,
                    story,
                    label,
                }
            })
            .collect()
    }
}

impl Destination for StoryPlacements {
    fn classify(&mut self, article: &Article) -> Result<WriteOutcome> {
        Ok(self.seen.classify(article))
    }

    fn add(
        &mut self,
        article: &Article,
        _claims: &[Claim],
        outcome: WriteOutcome,
        story: Option<&str>,
    ) -> Result<()> {
        let Some(story) = story.filter(|_| outcome != WriteOutcome::Duplicate) else {
            return Ok(());
        };
        match self.position.get(&article.id) {
            Some(&i) => self.placed[i].1 = story.to_owned(),
            None => {
                self.position.insert(article.id.clone(), self.placed.len());
                self.placed.push((article.id.clone(), story.to_owned()));
            }
        }
        Ok(())
    }

    fn commit(&mut self) -> Result<()> {
        Ok(())
    }
}

/// Claims read from JSON Lines (the claims contract, as `crosscheck claims --format jsonl`
/// and `crosscheck extract` write them). A line that is not a claim is a diagnostic naming
/// `origin` and the line; the rest is read.
pub fn read_claims(reader: impl BufRead, origin: &str) -> (Vec<Claim>, Vec<Diagnostic>) {
    let mut claims = Vec::new();
    let mut diagnostics = Vec::new();
    for (number, line) in reader.lines().enumerate() {
        let place = format!("{origin}:{}", number + 1);
        let line = match line {
            Ok(line) => line,
            Err(err) => {
                diagnostics.push(crate::ingest::rejected(
                    &place,
                    format!("cannot read: {err}"),
                ));
                break;
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Claim>(&line) {
            Ok(claim) => claims.push(claim),
            Err(err) => diagnostics.push(crate::ingest::rejected(
                &place,
                format!("not a claim (claims contract): {err}"),
            )),
        }
    }
    (claims, diagnostics)
}

/// Claims grouped by story, in the order the index's `compare` goes through stories (most
/// articles first, then by id); claims without a story form one group, last. Within a
/// group claims come in the index's order (date, article, position), which comparison's
/// numbering of clusters follows, so that the input's order does not matter.
pub fn by_story(claims: Vec<Claim>) -> Vec<(Option<String>, Vec<Claim>)> {
    let mut groups: BTreeMap<Option<String>, Vec<Claim>> = BTreeMap::new();
    for claim in claims {
        groups.entry(claim.story.clone()).or_default().push(claim);
    }
    // (articles, story, claims): the article count is read once per story
    let mut ordered: Vec<(usize, Option<String>, Vec<Claim>)> = groups
        .into_iter()
        .map(|(story, mut claims)| {
            sort_in_text_order(&mut claims);
            let mut articles: Vec<&str> = claims.iter().map(|c| c.article_id.as_str()).collect();
            articles.sort_unstable();
            articles.dedup();
            (articles.len(), story, claims)
        })
        .collect();
    ordered.sort_by(|(a_n, a_id, _), (b_n, b_id, _)| {
        a_id.is_none()
            .cmp(&b_id.is_none())
            .then_with(|| b_n.cmp(a_n))
            .then_with(|| a_id.cmp(b_id))
    });
    ordered
        .into_iter()
        .map(|(_, story, claims)| (story, claims))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(id: &str, article: &str, story: Option<&str>) -> Claim {
        Claim {
            claim_id: id.into(),
            article_id: article.into(),
            outlet: None,
            date: None,
            kind: crate::model::ClaimKind::Quantity,
            sentence: String::new(),
            span: [0, 0],
            quantity: None,
            subject: None,
            key: None,
            attribution: None,
            as_of: None,
            certainty: crate::model::Certainty::default(),
            quote: None,
            status: None,
            location: None,
            as_of_partial: None,
            sentence_start: None,
            story: story.map(str::to_owned),
            frame: None,
        }
    }

    #[test]
    fn stories_come_biggest_first_and_storyless_claims_last() {
        let claims = vec![
            claim("1", "a", None),
            claim("2", "b", Some("s2")),
            claim("3", "c", Some("s1")),
            claim("4", "d", Some("s1")),
            claim("5", "d", Some("s1")),
            claim("6", "e", Some("s3")),
        ];
        let order: Vec<Option<String>> = by_story(claims).into_iter().map(|(s, _)| s).collect();
        assert_eq!(
            order,
            vec![
                Some("s1".to_owned()),
                Some("s2".to_owned()),
                Some("s3".to_owned()),
                None
            ]
        );
    }

    #[test]
    fn a_line_that_is_not_a_claim_names_its_line_and_the_rest_is_read() {
        let good = serde_json::to_string(&claim("c1", "a1", Some("s"))).unwrap_or_default();
        let input = format!("{good}\n{{\"claim_id\": 3}}\n\n{good}\n");
        let (claims, diagnostics) = read_claims(input.as_bytes(), "claims.jsonl");
        assert_eq!(claims.len(), 2);
        assert_eq!(diagnostics.len(), 1);
        assert!(
            diagnostics[0].origin.ends_with("claims.jsonl:2"),
            "{:?}",
            diagnostics[0]
        );
        assert!(diagnostics[0].rejected);
    }

    #[test]
    fn a_repeated_article_is_a_duplicate_and_a_changed_one_a_new_version() {
        let mut seen = SeenArticles::default();
        let article = Article {
            id: "a".into(),
            text: "Ten people died.".into(),
            ..Article::default()
        };
        assert_eq!(seen.classify(&article), WriteOutcome::Added);
        assert_eq!(seen.classify(&article), WriteOutcome::Duplicate);
        let changed = Article {
            text: "Eleven people died.".into(),
            ..article
        };
        assert_eq!(seen.classify(&changed), WriteOutcome::Replaced);
    }
}
