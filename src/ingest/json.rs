//! JSON and JSON Lines articles, with the field aliases of common news scrapers
//! (news-please, trafilatura, newspaper) so their output loads as it is.

use serde_json::{Map, Value};

use super::{date::normalize_date, ArticleDraft};

const TEXT: &[&str] = &["text", "body", "content", "maintext"];
const OUTLET: &[&str] = &[
    "outlet",
    "source",
    "publisher",
    "site_name",
    "sitename",
    "source_domain",
    "hostname",
];
const AUTHOR: &[&str] = &["author", "authors", "byline"];
const TITLE: &[&str] = &["title", "headline"];
const DATE: &[&str] = &[
    "date",
    "published",
    "published_at",
    "date_publish",
    "pubdate",
];
const URL: &[&str] = &["url", "link", "source_url"];
const LANGUAGE: &[&str] = &["language", "lang"];

/// Reads one article object. `Err` names what makes it unusable (not an object, no text).
pub fn article_from_value(value: &Value) -> Result<ArticleDraft, String> {
    let Value::Object(object) = value else {
        return Err(format!("expected an article object, found {}", kind(value)));
    };
    let mut draft = ArticleDraft::default();
    let text = first_string_joined(object, TEXT, "\n\n", &mut draft.warnings);
    match text {
        Some(text) if !text.trim().is_empty() => draft.text = Some(text),
        _ => return Err("article has no text (fields text, body, content, maintext)".into()),
    }
    draft.outlet = first_string(object, OUTLET, &mut draft.warnings);
    draft.author = first_string(object, AUTHOR, &mut draft.warnings);
    draft.title = first_string(object, TITLE, &mut draft.warnings);
    draft.url = first_string(object, URL, &mut draft.warnings);
    draft.language = first_string(object, LANGUAGE, &mut draft.warnings);
    draft.id = match object.get("id") {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    if let Some(raw) = first_string(object, DATE, &mut draft.warnings) {
        match normalize_date(&raw) {
            Some(date) => draft.date = Some(date),
            None => draft
                .warnings
                .push(format!("date {raw:?} is not an ISO 8601 date; ignored")),
        }
    }
    Ok(draft)
}

/// The first present alias as a string; arrays of strings (news-please `authors`) are joined
/// with ", ". A value of another type is skipped with a warning.
fn first_string(
    object: &Map<String, Value>,
    names: &[&str],
    warnings: &mut Vec<String>,
) -> Option<String> {
    first_string_joined(object, names, ", ", warnings)
}

/// [`first_string`] with arrays joined by `separator` (a body's paragraphs by a blank line,
/// so sentences do not run into each other).
fn first_string_joined(
    object: &Map<String, Value>,
    names: &[&str],
    separator: &str,
    warnings: &mut Vec<String>,
) -> Option<String> {
    for name in names {
        match object.get(*name) {
            None | Some(Value::Null) => continue,
            Some(Value::String(s)) => {
                let s = s.trim();
                if !s.is_empty() {
                    return Some(s.to_owned());
                }
            }
            Some(Value::Array(items)) => {
                let parts: Vec<&str> = items
                    .iter()
                    .filter_map(Value::as_str)
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .collect();
                if !parts.is_empty() {
                    return Some(parts.join(separator));
                }
            }
            Some(other) => warnings.push(format!(
                "field {name:?} is {}, expected a string; ignored",
                kind(other)
            )),
        }
    }
    None
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn canonical_fields() {
        let draft = article_from_value(&json!({
            "id": "a-1", "text": "Body.", "outlet": "Harbour Post", "author": "Lena Ortiz",
            "title": "T", "date": "2025-05-19T10:00:00Z", "url": "https://x.example/a",
            "language": "en"
        }))
        .unwrap();
        assert_eq!(draft.id.as_deref(), Some("a-1"));
        assert_eq!(draft.outlet.as_deref(), Some("Harbour Post"));
        assert_eq!(draft.date.as_deref(), Some("2025-05-19"));
        assert_eq!(draft.language.as_deref(), Some("en"));
    }

    #[test]
    fn news_please_aliases() {
        let draft = article_from_value(&json!({
            "maintext": "Body.", "source_domain": "harbourpost.example",
            "authors": ["Lena Ortiz", "Sam Reyes"], "date_publish": "2025-05-20 08:15:00",
            "title": "T", "url": "https://harbourpost.example/a", "language": "en"
        }))
        .unwrap();
        assert_eq!(draft.text.as_deref(), Some("Body."));
        assert_eq!(draft.outlet.as_deref(), Some("harbourpost.example"));
        assert_eq!(draft.author.as_deref(), Some("Lena Ortiz, Sam Reyes"));
        assert_eq!(draft.date.as_deref(), Some("2025-05-20"));
    }

    #[test]
    fn trafilatura_and_other_aliases() {
        let draft = article_from_value(&json!({
            "text": "Body.", "sitename": "Valley Courier", "hostname": "vc.example",
            "author": "Sam Reyes", "date": "2025-05-21", "headline": "H", "link": "https://vc.example/b",
            "lang": "de"
        }))
        .unwrap();
        assert_eq!(draft.outlet.as_deref(), Some("Valley Courier"));
        assert_eq!(draft.title.as_deref(), Some("H"));
        assert_eq!(draft.url.as_deref(), Some("https://vc.example/b"));
        assert_eq!(draft.language.as_deref(), Some("de"));
        for (field, alias) in [
            ("body", "publisher"),
            ("content", "site_name"),
            ("text", "source"),
            ("text", "hostname"),
        ] {
            let draft = article_from_value(&json!({field: "B.", alias: "O", "published_at": "2025-01-02", "byline": "X Y", "source_url": "https://o.example"})).unwrap();
            assert_eq!(draft.text.as_deref(), Some("B."));
            assert_eq!(draft.outlet.as_deref(), Some("O"));
            assert_eq!(draft.author.as_deref(), Some("X Y"));
            assert_eq!(draft.date.as_deref(), Some("2025-01-02"));
            assert_eq!(draft.url.as_deref(), Some("https://o.example"));
        }
        for date_alias in ["pubdate", "published"] {
            let draft =
                article_from_value(&json!({"text": "B.", date_alias: "2025-03-04"})).unwrap();
            assert_eq!(draft.date.as_deref(), Some("2025-03-04"));
        }
    }

    #[test]
    fn rejects_without_text() {
        assert!(article_from_value(&json!({"title": "no body"})).is_err());
        assert!(article_from_value(&json!({"text": "   "})).is_err());
        assert!(article_from_value(&json!(["not", "an", "object"])).is_err());
        assert!(article_from_value(&json!({"text": 42})).is_err());
    }
}
