//! What the Markdown, CSV and HTML printers share: look-ups, number and interval text,
//! claim descriptions, flags and the methods text. Nothing here escapes: callers escape
//! every piece of corpus text for their own format.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::model::{
    ArticleMeta, Claim, ClaimKind, Cluster, Consensus, Discrepancy, DiscrepancyType, Qualifier,
    Quantity, ReportData, SourceScore, StorySummary,
};

/// Claims and articles by id. Only used for look-ups, never iterated, so the output order
/// never depends on hashing.
pub struct Lookup<'a> {
    claims: HashMap<&'a str, &'a Claim>,
    articles: HashMap<&'a str, &'a ArticleMeta>,
}

impl<'a> Lookup<'a> {
    pub fn new(data: &'a ReportData) -> Self {
        let mut claims = HashMap::new();
        for c in &data.claims {
            claims.entry(c.claim_id.as_str()).or_insert(c);
        }
        let mut articles = HashMap::new();
        for a in &data.articles {
            articles.entry(a.id.as_str()).or_insert(a);
        }
        Lookup { claims, articles }
    }

    pub fn claim(&self, id: &str) -> Option<&'a Claim> {
        self.claims.get(id).copied()
    }

    pub fn article(&self, id: &str) -> Option<&'a ArticleMeta> {
        self.articles.get(id).copied()
    }

    /// The claims of a cluster that exist, in the cluster's order.
    pub fn cluster_claims(&self, cluster: &Cluster) -> Vec<&'a Claim> {
        cluster
            .claims
            .iter()
            .filter_map(|id| self.claim(id))
            .collect()
    }

    /// The article's URL when it may become a link (http/https only).
    pub fn link(&self, claim: &Claim) -> Option<(&'a str, Option<&'a str>)> {
        let article = self.article(&claim.article_id)?;
        let url = crate::report::escape::safe_url(article.url.as_deref()?)?;
        Some((url, article.title.as_deref()))
    }
}

/// Clusters with discrepancies (input order, which is most severe first), then the rest.
pub fn split_clusters(data: &ReportData) -> (Vec<&Cluster>, Vec<&Cluster>) {
    data.clusters
        .iter()
        .partition(|c| !c.discrepancies.is_empty())
}

/// A cluster's discrepancies, conflicts first, then misquotes, scope differences and
/// updates; within a type in input (most severe first) order.
pub fn ordered_discrepancies(cluster: &Cluster) -> Vec<&Discrepancy> {
    let rank = |k: DiscrepancyType| match k {
        DiscrepancyType::Conflict => 0,
        DiscrepancyType::Misquote => 1,
        DiscrepancyType::Scope => 2,
        DiscrepancyType::Update => 3,
    };
    let mut v: Vec<&Discrepancy> = cluster.discrepancies.iter().collect();
    v.sort_by_key(|d| rank(d.kind));
    v
}

pub fn outlet(claim: &Claim) -> &str {
    claim.outlet.as_deref().unwrap_or("(unknown outlet)")
}

/// Who made the claim: "the health ministry via Harbor Ledger", or "unattributed".
pub fn claimant(claim: &Claim) -> String {
    claim.claimant_text()
}

/// The date the figure is about: its own "as of" date, else the article's date, else a
/// month and day without a year.
pub fn date_text(claim: &Claim) -> String {
    if let Some(d) = claim.as_of.as_deref().or(claim.date.as_deref()) {
        return d.to_owned();
    }
    match claim.as_of_partial.as_deref() {
        Some(p) => format!("{} (no year)", p.trim_start_matches('-')),
        None => "undated".into(),
    }
}

/// The figure as written: the number's surface, or the quote in quote marks.
pub fn as_written(claim: &Claim) -> String {
    match (&claim.quantity, &claim.quote) {
        (Some(q), _) => q.surface.clone(),
        (None, Some(quote)) => format!("“{}”", quote.text),
        _ => String::new(),
    }
}

/// The piece of the sentence to highlight: the quantity's surface, or the quote's words.
fn highlight_needle(claim: &Claim) -> Option<&str> {
    let needle = match (&claim.quantity, &claim.quote) {
        (Some(q), _) => q.surface.as_str(),
        (None, Some(quote)) => quote.text.as_str(),
        _ => return None,
    };
    let needle = needle.trim();
    (!needle.is_empty()).then_some(needle)
}

/// The sentence split around the claim's surface: (before, found, after). The claim's own
/// span marks it; without one (claims from older indexes), the first occurrence that is a
/// whole word or number ("15" is not the start of "150"). When the surface is not in the
/// sentence, everything is `before`.
pub fn split_sentence(claim: &Claim) -> (&str, &str, &str) {
    let s = claim.sentence.as_str();
    if let Some(start) = claim.sentence_start {
        let [a, b] = claim.span;
        if let (Some(a), Some(b)) = (a.checked_sub(start), b.checked_sub(start)) {
            if a < b && s.get(a..b).is_some() {
                return (&s[..a], &s[a..b], &s[b..]);
            }
        }
    }
    let Some(needle) = highlight_needle(claim) else {
        return (s, "", "");
    };
    let start = whole_match(s, needle).or_else(|| {
        // ASCII case folding keeps byte offsets, so "More than" finds "more than".
        let hay = s.to_ascii_lowercase();
        whole_match(&hay, &needle.to_ascii_lowercase())
    });
    match start {
        Some(i) if s.is_char_boundary(i) && s.is_char_boundary(i + needle.len()) => {
            (&s[..i], &s[i..i + needle.len()], &s[i + needle.len()..])
        }
        _ => (s, "", ""),
    }
}

/// The first place `needle` stands in `hay` not joined to a letter or digit on either side.
fn whole_match(hay: &str, needle: &str) -> Option<usize> {
    hay.match_indices(needle).map(|(i, _)| i).find(|&i| {
        let before = hay[..i].chars().next_back();
        let after = hay[i + needle.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// 53000 → "53,000"; 45.6 → "45.6"; at most three decimals, no float noise.
pub fn num(n: f64) -> String {
    if !n.is_finite() {
        return if n.is_nan() {
            "?".into()
        } else if n > 0.0 {
            "∞".into()
        } else {
            "−∞".into()
        };
    }
    let rounded = (n * 1000.0).round() / 1000.0;
    let neg = rounded < 0.0;
    let abs = rounded.abs();
    let mut int = abs.trunc();
    let mut frac = ((abs - int) * 1000.0).round() as u64;
    if frac >= 1000 {
        int += 1.0;
        frac = 0;
    }
    let digits = format!("{int:.0}");
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    let mut out = String::new();
    if neg && (int > 0.0 || frac > 0) {
        out.push('−');
    }
    out.push_str(&grouped);
    if frac > 0 {
        let f = format!("{frac:03}");
        out.push('.');
        out.push_str(f.trim_end_matches('0'));
    }
    out
}

/// An interval for people: `[45.6, 50.4]`, `≥ 8`, `≤ 30`, `= 48`, `(any)`.
pub fn interval(low: Option<f64>, high: Option<f64>) -> String {
    match (low, high) {
        (Some(l), Some(h)) if l == h => format!("= {}", num(l)),
        (Some(l), Some(h)) => format!("[{}, {}]", num(l), num(h)),
        (Some(l), None) => format!("≥ {}", num(l)),
        (None, Some(h)) => format!("≤ {}", num(h)),
        (None, None) => "(any)".into(),
    }
}

/// A claim's interval, with strict bounds shown strictly: "more than 200" → `> 200`.
pub fn quantity_interval(q: &Quantity) -> String {
    match (q.qualifier, q.low, q.high) {
        (Qualifier::MoreThan, Some(l), None) => format!("> {}", num(l)),
        (Qualifier::FewerThan, None, Some(h)) => format!("< {}", num(h)),
        (Qualifier::FewerThan, Some(l), Some(h)) if l != h => format!("[{}, {})", num(l), num(h)),
        (Qualifier::MoreThan, Some(l), Some(h)) if l != h => format!("({}, {}]", num(l), num(h)),
        _ => interval(q.low, q.high),
    }
}

pub fn claim_interval(claim: &Claim) -> String {
    claim
        .quantity
        .as_ref()
        .map(quantity_interval)
        .unwrap_or_default()
}

/// The interval most reports agree on, with its centre when that says something.
pub fn consensus_text(c: &Consensus) -> String {
    if c.low.is_none() && c.high.is_none() {
        return "—".into();
    }
    let mut s = interval(c.low, c.high);
    if let (Some(l), Some(h), Some(v)) = (c.low, c.high, c.value) {
        if l != h {
            s.push_str(&format!(" (centre {})", num(v)));
        }
    }
    s
}

pub fn agreement_text(a: f64) -> String {
    if a.is_finite() {
        format!("{:.0}%", (a * 100.0).clamp(0.0, 100.0))
    } else {
        "—".into()
    }
}

pub fn severity_text(s: f64) -> String {
    if s.is_finite() {
        format!("{:.2}", s.clamp(0.0, 1.0))
    } else {
        "—".into()
    }
}

pub fn share_text(s: f64) -> String {
    if s.is_finite() {
        format!("{:.0}%", (s * 100.0).clamp(0.0, 100.0))
    } else {
        "—".into()
    }
}

pub fn reliability_text(s: &SourceScore) -> String {
    format!(
        "{:.2} ({:.2}–{:.2})",
        finite(s.reliability),
        finite(s.reliability_low),
        finite(s.reliability_high)
    )
}

fn finite(x: f64) -> f64 {
    if x.is_finite() {
        x
    } else {
        0.0
    }
}

pub fn kind_text(kind: ClaimKind) -> &'static str {
    match kind {
        ClaimKind::Quantity => "quantity",
        ClaimKind::Quote => "quote",
    }
}

/// A claim's flags, in a fixed order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Flag {
    Conflict,
    Update,
    Scope,
    Misquote,
    Internal,
}

impl Flag {
    pub fn as_str(self) -> &'static str {
        match self {
            Flag::Conflict => "conflict",
            Flag::Update => "update",
            Flag::Scope => "scope",
            Flag::Misquote => "misquote",
            Flag::Internal => "internal",
        }
    }

    fn of(kind: DiscrepancyType) -> Flag {
        match kind {
            DiscrepancyType::Conflict => Flag::Conflict,
            DiscrepancyType::Update => Flag::Update,
            DiscrepancyType::Scope => Flag::Scope,
            DiscrepancyType::Misquote => Flag::Misquote,
        }
    }
}

/// Flags of the claims of one cluster (its discrepancies only).
/// Adds the flag of each discrepancy of `cluster` to each claim it involves.
fn add_discrepancy_flags<'a>(map: &mut HashMap<&'a str, BTreeSet<Flag>>, cluster: &'a Cluster) {
    for d in &cluster.discrepancies {
        for id in d.involved() {
            map.entry(id).or_default().insert(Flag::of(d.kind));
        }
    }
}

/// The flags of each claim of one cluster, gathered once: looking each claim up in every
/// discrepancy's claim lists cost claims × discrepancies × positions' holders.
pub struct ClusterFlags<'a> {
    map: HashMap<&'a str, BTreeSet<Flag>>,
}

impl<'a> ClusterFlags<'a> {
    pub fn new(cluster: &'a Cluster) -> Self {
        let mut map = HashMap::new();
        add_discrepancy_flags(&mut map, cluster);
        ClusterFlags { map }
    }

    pub fn of(&self, claim_id: &str) -> BTreeSet<Flag> {
        self.map.get(claim_id).cloned().unwrap_or_default()
    }
}

/// Every claim's flags across all clusters and internal inconsistencies.
pub struct Flags<'a> {
    map: HashMap<&'a str, BTreeSet<Flag>>,
}

impl<'a> Flags<'a> {
    pub fn new(data: &'a ReportData) -> Self {
        let mut map: HashMap<&str, BTreeSet<Flag>> = HashMap::new();
        for cluster in &data.clusters {
            add_discrepancy_flags(&mut map, cluster);
        }
        for found in &data.internal {
            for id in &found.claims {
                map.entry(id.as_str()).or_default().insert(Flag::Internal);
            }
        }
        Flags { map }
    }

    pub fn get(&self, claim_id: &str) -> Vec<Flag> {
        self.map
            .get(claim_id)
            .map(|s| s.iter().copied().collect())
            .unwrap_or_default()
    }
}

pub fn flags_text(flags: &BTreeSet<Flag>) -> String {
    flags
        .iter()
        .map(|f| f.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The outlet of the article an internal inconsistency was found in.
pub fn inconsistency_outlet<'a>(
    lookup: &Lookup<'a>,
    article_id: &str,
    claims: &[String],
) -> &'a str {
    lookup
        .article(article_id)
        .and_then(|a| a.outlet.as_deref())
        .or_else(|| {
            claims
                .iter()
                .filter_map(|id| lookup.claim(id))
                .find_map(|c| c.outlet.as_deref())
        })
        .unwrap_or("(unknown outlet)")
}

/// A source's explanation without its leading "Name: ", which the report already shows.
pub fn explanation_body(s: &SourceScore) -> &str {
    s.explanation
        .strip_prefix(s.outlet.as_str())
        .and_then(|rest| rest.strip_prefix(": "))
        .unwrap_or(&s.explanation)
}

/// The figure as written, with the interval it was read as when that says more:
/// "about 48 ([45.6, 50.4])", but just "48" for an exact figure.
pub fn figure_and_interval(claim: &Claim) -> String {
    let written = as_written(claim);
    match &claim.quantity {
        Some(q) if q.qualifier != Qualifier::Exact => {
            format!("{written} ({})", quantity_interval(q))
        }
        _ => written,
    }
}

/// Sources for the reliability chart: the `n` with most claims, ties in input order.
pub fn top_sources(sources: &[SourceScore], n: usize) -> Vec<&SourceScore> {
    let mut v: Vec<&SourceScore> = sources.iter().collect();
    v.sort_by_key(|s| std::cmp::Reverse(s.claims));
    v.truncate(n);
    v
}

/// Shorten text to at most `max` characters, with an ellipsis.
pub fn truncate(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut s: String = text.chars().take(max.saturating_sub(1)).collect();
    s = s.trim_end().to_owned();
    s.push('…');
    s
}

/// A block of the methods section: trusted text written here, not corpus text.
pub enum Block {
    P(&'static str),
    Table {
        caption: &'static str,
        head: &'static [&'static str],
        rows: &'static [&'static [&'static str]],
    },
}

/// The methods section: how a reader checks the judgement.
pub const METHODS: &[(&str, &[Block])] = &[
    (
        "From hedged words to intervals",
        &[
            Block::P(
                "Every figure becomes an interval of values the sentence allows. A plain number is exact; \
                 a number with a scale word, such as 1.08 million, is read as rounded to its last digit \
                 (1,075,000 to 1,085,000). Hedges widen or open the interval as in the table; the tolerance t of an \
                 approximate figure v is the larger of half a unit of its last significant digit and 5% of v, \
                 so about 48 is 45.6 to 50.4 and about 2,000 is 1,500 to 2,500.",
            ),
            Block::Table {
                caption: "Hedge cues and the intervals they give",
                head: &["Cue", "Example", "Interval"],
                rows: &[
                    &["about, around, approximately, roughly, some", "about 48", "[v − t, v + t]"],
                    &["nearly, almost", "nearly 11,000", "[v − t, v]"],
                    &["at least, no fewer than", "at least 12", "[v, ∞), shown as ≥ v"],
                    &["more than, over", "more than 200", "(v, ∞), shown as > v"],
                    &["up to, as many as, at most", "up to 30", "[0, v], shown as ≤ v"],
                    &["fewer than, under", "fewer than 100", "[0, v), shown as < v"],
                    &["between X and Y, X–Y", "between 15,000 and 18,000", "[X, Y]"],
                    &["dozens / hundreds / thousands", "dozens", "[24, 99] / [200, 999] / [2,000, 9,999]"],
                    &["tens of thousands", "tens of thousands", "[20,000, 99,999]"],
                    &["no hedge", "48", "= 48"],
                ],
            },
        ],
    ),
    (
        "How claims are matched",
        &[
            Block::P(
                "Claims are grouped under a key made of the counted thing, its status and its place \
                 (for example people / dead / Gaza). Figures for a one-off event are matched by the event's \
                 date. A figure without a date is placed at the date whose figures it matches. Quotes are \
                 matched by speaker and wording.",
            ),
        ],
    ),
    (
        "How agreement is computed",
        &[
            Block::P(
                "Agreement is the share of pairs of claims, from different articles and about the same time, \
                 whose intervals overlap. Strict bounds stay strict: more than 200 does not overlap up to 200. \
                 Two figures for different dates are an update, not a conflict. A conflict is a pair about the \
                 same time whose intervals cannot both hold; a scope difference is the same count for a \
                 different place (Gaza City against Gaza); a misquote is the same speaker quoted with \
                 different words. The consensus is the interval most reports agree on.",
            ),
        ],
    ),
    (
        "Severity",
        &[
            Block::P(
                "Severity is the gap between the two intervals divided by the larger value, from 0 (touching) \
                 to 1 (far apart). Figures are listed by their most severe disagreement. Within a figure, \
                 conflicts come first, then misquotes, scope differences and updates, each most severe first.",
            ),
        ],
    ),
    (
        "Checks inside one article",
        &[
            Block::P(
                "Figures in one article that are parts of a whole are added with interval arithmetic and \
                 compared with the whole: alive plus dead must be able to equal held. When the parts cannot \
                 add up to the whole, the article contradicts itself.",
            ),
        ],
    ),
    (
        "How reliability is scored",
        &[
            Block::P(
                "Reliability comes from truth discovery: the most likely value of each figure is estimated \
                 from all sources, weighted by how reliable each is, and each source is rated on whether \
                 its figures agree with that estimate. Claimants (the ministry, the police) \
                 are rated on their figures, and each claimant's figure counts once however many outlets relay \
                 it. Outlets are rated on the figures they state without attribution and on relaying others' \
                 figures faithfully. Only claims another independent source also speaks about can be checked. \
                 Every score starts from a Beta prior with mean 0.7 and weight 2, so a source with little \
                 evidence stays near 0.7 with a wide interval. The interval shown is the 90% credible interval.",
            ),
        ],
    ),
];

/// The clusters of one story, for a report organised by story.
pub struct StoryGroup<'a> {
    /// The story's id; `None` for claims that belong to no story (compared without an index).
    pub id: Option<&'a str>,
    pub story: Option<&'a StorySummary>,
    /// Clusters with discrepancies, most severe first.
    pub disputed: Vec<&'a Cluster>,
    pub agreeing: Vec<&'a Cluster>,
}

impl StoryGroup<'_> {
    pub fn discrepancies(&self) -> usize {
        self.disputed.iter().map(|c| c.discrepancies.len()).sum()
    }

    fn worst(&self) -> f64 {
        self.disputed
            .first()
            .and_then(|c| c.discrepancies.first())
            .map_or(-1.0, |d| d.severity)
    }

    /// "earthquake, Morocco, Sep 2023", or the id, or "claims outside any story".
    pub fn label(&self) -> String {
        match (self.story, self.id) {
            (Some(story), _) => story.label.clone(),
            (None, Some(id)) => id.to_owned(),
            (None, None) => "claims outside any story".into(),
        }
    }

    /// "2023-09-08 to 2023-09-12", or "undated".
    pub fn dates(&self) -> String {
        match self.story.map(|s| (&s.first_date, &s.last_date)) {
            Some((Some(a), Some(b))) if a == b => a.clone(),
            Some((Some(a), Some(b))) => format!("{a} to {b}"),
            _ => "undated".into(),
        }
    }
}

/// The report's clusters grouped by story, the stories with the biggest disagreements
/// first (most discrepancies, then the most severe, then most clusters).
pub fn clusters_by_story(data: &ReportData) -> Vec<StoryGroup<'_>> {
    let summaries: HashMap<&str, &StorySummary> = data
        .stories
        .iter()
        .map(|s| (s.story_id.as_str(), s))
        .collect();
    let mut groups: Vec<StoryGroup<'_>> = Vec::new();
    let mut position: HashMap<Option<&str>, usize> = HashMap::new();
    for cluster in &data.clusters {
        let id = cluster.story.as_deref();
        let at = *position.entry(id).or_insert_with(|| {
            groups.push(StoryGroup {
                id,
                story: id.and_then(|id| summaries.get(id).copied()),
                disputed: Vec::new(),
                agreeing: Vec::new(),
            });
            groups.len() - 1
        });
        if cluster.discrepancies.is_empty() {
            groups[at].agreeing.push(cluster);
        } else {
            groups[at].disputed.push(cluster);
        }
    }
    groups.sort_by(|a, b| {
        b.discrepancies()
            .cmp(&a.discrepancies())
            .then(b.worst().total_cmp(&a.worst()))
            .then((b.disputed.len() + b.agreeing.len()).cmp(&(a.disputed.len() + a.agreeing.len())))
            .then(a.id.cmp(&b.id))
    });
    groups
}

/// Whether the report is organised by story: its clusters carry stories.
pub fn has_stories(data: &ReportData) -> bool {
    data.clusters.iter().any(|c| c.story.is_some())
}

/// Claims of a cluster agree enough to speak of a consensus.
pub const CONSENSUS_AGREEMENT: f64 = 0.75;

/// A disputed figure's positions: who gives which figure, in how many outlets, the most
/// widely reported first ("police: 12000, in 3 outlets"). Only the claims in conflict
/// count (a later update is not a dispute). `None` when the claims mostly agree; then the
/// consensus is shown.
pub fn positions_text(cluster: &Cluster, claims: &[&Claim]) -> Option<Vec<String>> {
    let in_conflict: BTreeSet<&str> = cluster
        .discrepancies
        .iter()
        .filter(|d| d.kind == DiscrepancyType::Conflict)
        .flat_map(|d| d.involved())
        .collect();
    if cluster.kind != ClaimKind::Quantity
        || (cluster.agreement >= CONSENSUS_AGREEMENT && in_conflict.is_empty())
    {
        return None;
    }
    let mut positions: BTreeMap<(String, String), (String, BTreeSet<&str>)> = BTreeMap::new();
    for claim in claims {
        let Some(q) = &claim.quantity else {
            continue;
        };
        if !in_conflict.is_empty() && !in_conflict.contains(claim.claim_id.as_str()) {
            continue;
        }
        let who = claimant(claim);
        let figure = match (q.low, q.high) {
            (Some(low), Some(high)) if low == high => num(low),
            _ => quantity_interval(q),
        };
        positions
            .entry((who.to_lowercase(), figure.clone()))
            .or_insert_with(|| (who, BTreeSet::new()))
            .1
            .insert(outlet(claim));
    }
    let mut ranked: Vec<_> = positions.into_iter().collect();
    ranked.sort_by(|a, b| b.1 .1.len().cmp(&a.1 .1.len()).then(a.0.cmp(&b.0)));
    Some(
        ranked
            .into_iter()
            .map(|((_, figure), (who, outlets))| {
                let n = outlets.len();
                format!(
                    "{who}: {figure}, in {n} outlet{}",
                    if n == 1 { "" } else { "s" }
                )
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_well() {
        assert_eq!(num(53000.0), "53,000");
        assert_eq!(num(1_200_000_000.0), "1,200,000,000");
        assert_eq!(num(45.6), "45.6");
        assert_eq!(num(0.1 + 0.2), "0.3");
        assert_eq!(num(-0.0), "0");
        assert_eq!(num(-1234.5), "−1,234.5");
        assert_eq!(num(999.9999), "1,000");
        assert_eq!(num(5.0), "5");
        assert_eq!(interval(Some(1.0), None), "≥ 1");
    }

    #[test]
    fn truncates_on_char_boundaries() {
        assert_eq!(truncate("ééééé", 3), "éé…");
        assert_eq!(truncate("abc", 3), "abc");
    }

    /// The claim of the figure `surface` in `text` (one sentence), as extraction gives it.
    fn extracted(text: &str, surface: &str) -> Claim {
        let article = crate::model::Article {
            id: "a".into(),
            text: text.into(),
            ..Default::default()
        };
        crate::extract::extract_claims(&article)
            .into_iter()
            .find(|c| c.quantity.as_ref().is_some_and(|q| q.surface == surface))
            .unwrap_or_else(|| panic!("no claim {surface:?} in {text:?}"))
    }

    fn check_split(text: &str, surface: &str, expected: (&str, &str, &str)) {
        let claim = extracted(text, surface);
        assert_eq!(split_sentence(&claim), expected, "{text}");
        let legacy = Claim {
            sentence_start: None,
            ..claim
        };
        assert_eq!(
            split_sentence(&legacy),
            expected,
            "{text} (no sentence_start)"
        );
    }

    #[test]
    fn the_claims_own_figure_is_marked() {
        check_split(
            "The toll rose to 150, up from 15 on Monday.",
            "15",
            ("The toll rose to 150, up from ", "15", " on Monday."),
        );
        check_split(
            "The toll rose to 150, up from 15 on Monday.",
            "150",
            ("The toll rose to ", "150", ", up from 15 on Monday."),
        );
    }
}
