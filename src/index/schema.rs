//! The tantivy schema. Articles and claims live in one index, told apart by `doc_type`, so
//! one commit makes an article and its claims visible together.

use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, INDEXED, STORED, STRING,
};

pub const ARTICLE: &str = "article";
pub const CLAIM: &str = "claim";

/// Handles to every field of the schema.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    pub doc_type: Field,
    pub article_id: Field,
    pub fingerprint: Field,
    pub outlet: Field,
    pub outlet_key: Field,
    pub outlet_name: Field,
    pub author: Field,
    pub title: Field,
    pub body: Field,
    pub url: Field,
    pub date: Field,
    pub date_num: Field,
    pub language: Field,
    pub origin: Field,
    pub claim_id: Field,
    pub claim_key: Field,
    pub claim_kind: Field,
    /// A claim's searchable text (sentence, subject, claimant, speaker): indexed, not
    /// stored (the payload holds the claim), and apart from the articles' `body` so that
    /// claims do not weigh in article ranking.
    pub claim_text: Field,
    pub low: Field,
    pub high: Field,
    pub payload: Field,
    /// The story (event) of an article and of each of its claims, as placed when written;
    /// the story book resolves merged stories' ids.
    pub story: Field,
}

pub fn build() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let stemmed = TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer("en_stem")
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
        .set_stored();
    let searchable_only = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer("en_stem")
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let fields = Fields {
        doc_type: builder.add_text_field("doc_type", STRING | FAST),
        article_id: builder.add_text_field("article_id", STRING | STORED),
        fingerprint: builder.add_text_field("fingerprint", STRING | STORED),
        outlet: builder.add_text_field("outlet", stemmed.clone()),
        outlet_key: builder.add_text_field("outlet_key", STRING | FAST),
        outlet_name: builder.add_text_field("outlet_name", STRING | FAST),
        author: builder.add_text_field("author", stemmed.clone()),
        title: builder.add_text_field("title", stemmed.clone()),
        body: builder.add_text_field("body", stemmed),
        url: builder.add_text_field("url", STORED),
        date: builder.add_text_field("date", STORED),
        date_num: builder.add_u64_field("date_num", INDEXED | FAST | STORED),
        language: builder.add_text_field("language", STORED),
        origin: builder.add_text_field("origin", STORED),
        claim_id: builder.add_text_field("claim_id", STORED),
        claim_key: builder.add_text_field("claim_key", STRING | STORED | FAST),
        claim_kind: builder.add_text_field("claim_kind", STRING | FAST),
        claim_text: builder.add_text_field("claim_text", searchable_only),
        low: builder.add_f64_field("low", FAST),
        high: builder.add_f64_field("high", FAST),
        payload: builder.add_text_field("payload", STORED),
        story: builder.add_text_field("story", STRING | STORED),
    };
    (builder.build(), fields)
}

/// Resolves the fields of an opened index by name; `None` when the schema is not ours.
pub fn fields_of(schema: &Schema) -> Option<Fields> {
    let f = |name: &str| schema.get_field(name).ok();
    Some(Fields {
        doc_type: f("doc_type")?,
        article_id: f("article_id")?,
        fingerprint: f("fingerprint")?,
        outlet: f("outlet")?,
        outlet_key: f("outlet_key")?,
        outlet_name: f("outlet_name")?,
        author: f("author")?,
        title: f("title")?,
        body: f("body")?,
        url: f("url")?,
        date: f("date")?,
        date_num: f("date_num")?,
        language: f("language")?,
        origin: f("origin")?,
        claim_id: f("claim_id")?,
        claim_key: f("claim_key")?,
        claim_kind: f("claim_kind")?,
        claim_text: f("claim_text")?,
        low: f("low")?,
        high: f("high")?,
        payload: f("payload")?,
        story: f("story")?,
    })
}

/// The key an outlet name is filtered by: trimmed, lower-cased, spaces folded.
pub fn outlet_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// `YYYY-MM-DD` as the number `YYYYMMDD`, for range filters.
pub fn date_number(date: &str) -> Option<u64> {
    let digits: String = date.chars().filter(char::is_ascii_digit).collect();
    (digits.len() == 8).then(|| digits.parse().ok()).flatten()
}

/// The number `YYYYMMDD` back as `YYYY-MM-DD`.
pub fn date_string(number: u64) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        number / 10000,
        number / 100 % 100,
        number % 100
    )
}
