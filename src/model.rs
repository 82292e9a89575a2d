//! Plain serde data types shared by every pipeline stage.
//!
//! Stages talk to each other only through these types: `ingest` makes [`Article`]s,
//! `extract` turns an article into [`Claim`]s, `index` stores and returns both, `matching`
//! and `compare` group claims into [`Cluster`]s, `reliability` scores sources as
//! [`SourceScore`]s. Field names follow the binding contracts in `shared/contracts/`.

use serde::{Deserialize, Serialize};

/// One news article as read from the corpus.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Article {
    /// The article's identity: the `id` given in the input, else a content hash of
    /// outlet and text.
    pub id: String,
    pub outlet: Option<String>,
    pub author: Option<String>,
    pub title: Option<String>,
    /// Publication date as `YYYY-MM-DD`.
    pub date: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
    /// The body text; paragraphs separated by `\n`.
    pub text: String,
    /// Where the article was read from (file path, with `:line` for JSON Lines).
    pub origin: String,
}

/// How a number was hedged in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    Exact,
    Approx,
    AtLeast,
    MoreThan,
    AtMost,
    FewerThan,
    Range,
}

impl Qualifier {
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::Approx => "approx",
            Qualifier::AtLeast => "at_least",
            Qualifier::MoreThan => "more_than",
            Qualifier::AtMost => "at_most",
            Qualifier::FewerThan => "fewer_than",
            Qualifier::Range => "range",
        }
    }

    pub fn parse(s: &str) -> Option<Qualifier> {
        Some(match s.trim().to_ascii_lowercase().as_str() {
            "exact" => Qualifier::Exact,
            "approx" => Qualifier::Approx,
            "at_least" => Qualifier::AtLeast,
            "more_than" => Qualifier::MoreThan,
            "at_most" => Qualifier::AtMost,
            "fewer_than" => Qualifier::FewerThan,
            "range" => Qualifier::Range,
            _ => return None,
        })
    }
}

/// A stated number and the interval the statement allows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// The number as stated, words and scales resolved ("two dozen" → 24).
    pub value: f64,
    pub qualifier: Qualifier,
    /// Inclusive lower bound; `None` = unbounded.
    pub low: Option<f64>,
    /// Inclusive upper bound; `None` = unbounded.
    pub high: Option<f64>,
    pub unit: Option<String>,
    /// The text as written: "approximately 48".
    pub surface: String,
}

/// Who the article says made a claim, and the words that say so.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attribution {
    /// The claimant: "U.S. intelligence", "the health ministry".
    pub source: String,
    /// The cue that attributes: "according to", "said", "citing".
    pub cue: String,
    /// The intermediary that relays the claimant, when a chain is stated
    /// ("The Coastal Herald reported, citing regional officials" → via "The Coastal Herald").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
}

/// How firmly the article asserts a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Certainty {
    #[default]
    Asserted,
    Estimated,
    Possible,
    Claimed,
}

impl Certainty {
    pub fn as_str(self) -> &'static str {
        match self {
            Certainty::Asserted => "asserted",
            Certainty::Estimated => "estimated",
            Certainty::Possible => "possible",
            Certainty::Claimed => "claimed",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    Quantity,
    Quote,
}

impl Claim {
    /// Who the article says makes the claim, and via whom: "the governor via Wire Desk",
    /// or "unattributed".
    pub fn claimant_text(&self) -> String {
        match &self.attribution {
            Some(a) => match &a.via {
                Some(via) => format!("{} via {via}", a.source),
                None => a.source.clone(),
            },
            None => "unattributed".into(),
        }
    }
}

/// Words inside quote marks and who the article says spoke them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    pub speaker: Option<String>,
    pub text: String,
}

/// What a quantity claim counts, as extraction read it: the typed form of the claim's
/// `key`, which is derived from it ([`Frame::key`]). Stages compare frames, never key
/// strings. A frame's time and story are the claim's own `as_of` and `story`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Frame {
    /// The normalised measure counted: "people", "hostages", "jobs", "percent", "money",
    /// "labour seats" (seats with their holder), "egypt people" (a nationality's share).
    pub measure: String,
    /// Its status: "dead", "held", "cut", "marched", "count" when none was stated; a
    /// percentage's base ("unemployment", "workforce"); a duration's unit ("weeks").
    pub status: String,
    /// The place as a normalised name ("gaza", "gaza-city"); `None` when none was given.
    pub place: Option<String>,
    /// The year the figure's own phrase puts it in ("last year's hajj", "a 1960 tsunami"),
    /// when it names one: matching keeps a figure of another year than its story's apart.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub era: Option<i64>,
    /// How many years before its article the figure's phrase puts it ("last year's hajj")
    /// when the article is undated, so no year can be named: matching counts back from the
    /// story's year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub years_back: Option<i64>,
    /// The calendar month (1–12) the figure's own phrase puts it in ("206,000 jobs in
    /// June", "added 114,000 last month"): matching keeps a monthly figure of another month
    /// than its story's apart (one month's payrolls from the revisions of the months
    /// before).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub month: Option<u32>,
}

/// What a part's measure starts with ("subset of people/dead"): a part of a whole already
/// counted ("26 of the dead were foreigners"), a breakdown, never the whole's figure.
pub const SUBSET_OF: &str = "subset of ";

impl Frame {
    /// The display key: `measure/status[/place]`.
    pub fn key(&self) -> String {
        match &self.place {
            Some(place) => format!("{}/{}/{}", self.measure, self.status, place),
            None => format!("{}/{}", self.measure, self.status),
        }
    }

    /// `measure/status`: the frame without its place.
    pub fn measure_key(&self) -> String {
        format!("{}/{}", self.measure, self.status)
    }

    /// Reads a display key back: only for claims stored by versions that kept no frame,
    /// and for keys a person types.
    pub fn from_key(key: &str) -> Option<Frame> {
        let mut parts = key.splitn(3, '/');
        let measure = parts.next()?.trim();
        let status = parts.next().unwrap_or("count").trim();
        let place = parts.next().map(str::trim).filter(|l| !l.is_empty());
        (!measure.is_empty()).then(|| Frame {
            measure: measure.to_owned(),
            status: status.to_owned(),
            place: place.map(str::to_owned),
            era: None,
            years_back: None,
            month: None,
        })
    }
}

/// Something an article asserts that another article can agree or disagree with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub claim_id: String,
    pub article_id: String,
    pub outlet: Option<String>,
    pub date: Option<String>,
    pub kind: ClaimKind,
    pub sentence: String,
    /// Byte offsets of the claim's surface text in the article body.
    pub span: [usize; 2],
    pub quantity: Option<Quantity>,
    pub subject: Option<String>,
    pub key: Option<String>,
    pub attribution: Option<Attribution>,
    pub as_of: Option<String>,
    pub certainty: Certainty,
    pub quote: Option<Quote>,
    /// The counted thing's state: held, alive, dead, killed, injured, marched, …
    #[serde(default)]
    pub status: Option<String>,
    /// Where the counted thing is: "Gaza", "Gaza City".
    #[serde(default)]
    pub location: Option<String>,
    /// A month and day the text gives without a year in an undated article (`--05-10`);
    /// comparison places it in the year of the other reports on the same quantity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of_partial: Option<String>,
    /// Byte offset of `sentence` in the article body, so that `span` locates the figure
    /// inside the sentence (the same digits may stand there twice: "rose to 150, up from
    /// 15"). Absent in claims from older indexes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentence_start: Option<usize>,
    /// The story (event) of the claim's article; absent for claims not read from an index.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub story: Option<String>,
    /// What a quantity claim counts, typed; `key` is its display form. Absent when the
    /// extractor could not tell what is counted (then `key` is absent too).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frame: Option<Frame>,
}

/// Claims in the order of their articles' texts: date, article, position (the order the
/// index lists claims in, and comparison numbers clusters by).
pub fn sort_in_text_order(claims: &mut [Claim]) {
    claims.sort_by(text_order);
}

/// Whether claims are in [`sort_in_text_order`]'s order already.
pub fn in_text_order(claims: &[Claim]) -> bool {
    claims.windows(2).all(|w| text_order(&w[0], &w[1]).is_le())
}

fn text_order(a: &Claim, b: &Claim) -> std::cmp::Ordering {
    (a.date.as_deref(), &a.article_id, a.span).cmp(&(b.date.as_deref(), &b.article_id, b.span))
}

/// A problem met while reading or parsing; parsing goes on and reports these.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// The file (and `:line`) the problem is in.
    pub origin: String,
    pub message: String,
    /// `true` when the input was rejected, `false` for a warning.
    pub rejected: bool,
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let level = if self.rejected { "error" } else { "warning" };
        write!(f, "{level}: {}: {}", self.origin, self.message)
    }
}

/// An interval for people: `[45.6, 50.4]`, `≥ 8`, `≤ 30`, `= 48`, `(any)`.
pub fn interval_text(low: Option<f64>, high: Option<f64>) -> String {
    match (low, high) {
        (Some(l), Some(h)) if l == h => format!("= {}", number_text(l)),
        (Some(l), Some(h)) => format!("[{}, {}]", number_text(l), number_text(h)),
        (Some(l), None) => format!("≥ {}", number_text(l)),
        (None, Some(h)) => format!("≤ {}", number_text(h)),
        (None, None) => "(any)".into(),
    }
}

/// A number without a needless fraction: 48, 45.6, 1200000.
pub fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        let s = format!("{n:.3}");
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    }
}

/// The kind of difference between two claims in a cluster.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum DiscrepancyType {
    /// The two intervals cannot both hold for the same quantity at the same time.
    Conflict,
    /// They differ but refer to different dates; the later one is a newer figure.
    Update,
    /// Same subject, different scope (Gaza City vs Gaza).
    Scope,
    /// The same speaker quoted with different words.
    Misquote,
}

impl DiscrepancyType {
    pub fn as_str(self) -> &'static str {
        match self {
            DiscrepancyType::Conflict => "conflict",
            DiscrepancyType::Update => "update",
            DiscrepancyType::Scope => "scope",
            DiscrepancyType::Misquote => "misquote",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Discrepancy {
    pub a: String,
    pub b: String,
    #[serde(rename = "type")]
    pub kind: DiscrepancyType,
    /// How far apart, relative to the values, in [0, 1].
    pub severity: f64,
    pub explanation: String,
    /// Every claim holding `a`'s position (the same interval, date and claimant), `a`
    /// first. Claims that repeat a figure are listed here rather than each paired with every
    /// claim of the other side, so a figure repeated by a hundred outlets is one line.
    /// Shared with every other discrepancy of the position (one figure repeated by
    /// thousands of claims and in conflict with hundreds of others is held once).
    #[serde(default)]
    pub a_claims: std::sync::Arc<[String]>,
    /// Every claim holding `b`'s position, `b` first.
    #[serde(default)]
    pub b_claims: std::sync::Arc<[String]>,
    /// How many pairs of claims from different articles this discrepancy stands for.
    #[serde(default = "one")]
    pub pairs: usize,
}

fn one() -> usize {
    1
}

impl Discrepancy {
    /// Every claim on either side: `a_claims` and `b_claims`, or `a` and `b` where the
    /// lists are absent (JSON written before they existed).
    pub fn involved(&self) -> Vec<&str> {
        if self.a_claims.is_empty() && self.b_claims.is_empty() {
            return vec![self.a.as_str(), self.b.as_str()];
        }
        self.a_claims
            .iter()
            .chain(self.b_claims.iter())
            .map(String::as_str)
            .collect()
    }
}

/// The interval most reports agree on.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Consensus {
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub value: Option<f64>,
}

/// Claims about the same quantity (or the same quote) across outlets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cluster {
    pub cluster_id: String,
    pub key: String,
    pub label: String,
    pub kind: ClaimKind,
    pub claims: Vec<String>,
    pub outlets: Vec<String>,
    pub consensus: Consensus,
    /// 1 = every claim compatible with every other claim about the same time.
    pub agreement: f64,
    pub discrepancies: Vec<Discrepancy>,
    /// The figures over time, oldest first: (date, claim ids) for quantities that changed.
    #[serde(default)]
    pub timeline: Vec<TimelinePoint>,
    /// Distinct figures (positions) of the cluster held by the fewest claims that were left
    /// out of the pairwise comparison because the cluster had more than
    /// `compare::MAX_COMPARED_POSITIONS`; 0 (and absent) normally.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub uncompared_positions: usize,
    /// The story every claim of the cluster belongs to; absent when the claims carry none
    /// (claims compared without an index).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub story: Option<String>,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelinePoint {
    pub date: String,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub claims: Vec<String>,
}

/// Claims inside one article that cannot all hold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Inconsistency {
    pub article_id: String,
    pub claims: Vec<String>,
    pub explanation: String,
}

/// What `compare` finds: the contract of `crosscheck compare --format json`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    pub clusters: Vec<Cluster>,
    pub internal: Vec<Inconsistency>,
}

impl Comparison {
    /// Keeps only the clusters and inconsistencies that hold one of `claim_ids` (the claims
    /// a query matched).
    pub fn keep_concerning(&mut self, claim_ids: &[String]) {
        let wanted: std::collections::HashSet<&str> =
            claim_ids.iter().map(String::as_str).collect();
        self.clusters
            .retain(|c| c.claims.iter().any(|id| wanted.contains(id.as_str())));
        self.internal
            .retain(|i| i.claims.iter().any(|id| wanted.contains(id.as_str())));
    }
}

/// One source's score in `crosscheck sources` (contract: shared/contracts/sources.md).
///
/// The first eight fields are the contract's; `reliability_low`/`reliability_high` (the
/// 90% credible interval of `reliability`), `checked` and `copies` are additions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceScore {
    pub outlet: String,
    /// `"outlet"` or `"claimant"`.
    pub kind: String,
    /// Estimated probability that a claim of this source is right, in [0, 1].
    pub reliability: f64,
    /// Claims the source made.
    pub claims: usize,
    /// Claims that agree with the estimated truth, counted where another independent
    /// source also spoke about the same object (only those can be checked).
    pub agreed: usize,
    /// Checked claims that disagree with the estimated truth.
    pub conflicted: usize,
    /// Share of the source's claims it only relays from someone else.
    pub attributed_share: f64,
    pub explanation: String,
    /// Lower end of the 90% credible interval of `reliability`.
    pub reliability_low: f64,
    /// Upper end of the 90% credible interval of `reliability`.
    pub reliability_high: f64,
    /// Claims that could be checked (`agreed + conflicted`).
    pub checked: usize,
    /// Sources this one most likely copies from or shares a common origin with.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub copies: Vec<String>,
}

/// A claimed value: a number or a categorical (text) value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Value {
    Num(f64),
    Text(String),
}

impl Value {
    /// A key under which equal values meet (numbers by value, `-0` = `0`).
    pub fn key(&self) -> String {
        match self {
            Value::Num(n) => {
                let n = if *n == 0.0 { 0.0 } else { *n };
                format!("n:{n}")
            }
            Value::Text(t) => format!("t:{t}"),
        }
    }

    pub fn as_num(&self) -> Option<f64> {
        match self {
            Value::Num(n) => Some(*n),
            Value::Text(_) => None,
        }
    }
}

impl std::fmt::Display for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Num(n) => write!(f, "{n}"),
            Value::Text(t) => f.write_str(t),
        }
    }
}

/// One object's estimated truth in the contract's output.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TruthOut {
    pub key: String,
    pub value: Option<Value>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub support: Vec<String>,
    /// The story the quantity belongs to: the same key in two stories is two truths.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub story: Option<String>,
}

/// The contract's JSON for `crosscheck sources --format json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourcesReport {
    pub sources: Vec<SourceScore>,
    pub truths: Vec<TruthOut>,
}

/// What a report shows about one article (for links and attribution).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleMeta {
    pub id: String,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub story: Option<String>,
}

/// One story (event) as `crosscheck stories` lists it (contract: `stories.md`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StorySummary {
    pub story_id: String,
    pub label: String,
    pub first_date: Option<String>,
    pub last_date: Option<String>,
    pub articles: usize,
    pub claims: usize,
    pub outlets: Vec<String>,
    /// The distinctive terms (places, names) that define it.
    pub terms: Vec<String>,
    pub article_ids: Vec<String>,
}

/// Counts at the top of a report.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ReportSummary {
    pub articles: usize,
    pub outlets: usize,
    pub claims: usize,
    pub clusters: usize,
    pub discrepancies: usize,
    pub internal: usize,
}

/// Everything `crosscheck report` presents: the comparison and sources contracts together,
/// with the claims and articles they refer to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportData {
    pub title: String,
    /// When the report was made; `None` leaves it out (stable golden files).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generated_at: Option<String>,
    pub summary: ReportSummary,
    pub clusters: Vec<Cluster>,
    pub internal: Vec<Inconsistency>,
    pub sources: Vec<SourceScore>,
    pub truths: Vec<TruthOut>,
    pub claims: Vec<Claim>,
    pub articles: Vec<ArticleMeta>,
    /// The stories the report's clusters belong to; the report is organised by them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stories: Vec<StorySummary>,
}

/// A speaker's name reduced to what outlets agree on: the last word, lower-cased
/// ("U.S. President Donald Trump" and "Trump" meet).
pub fn speaker_key(speaker: Option<&str>) -> String {
    speaker
        .and_then(|s| s.split_whitespace().last())
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .unwrap_or_else(|| "unknown".into())
}
