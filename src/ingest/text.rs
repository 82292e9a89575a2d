//! Plain-text articles: an optional `Key: value` header block or a byline first line, then
//! the body.

use super::{date::normalize_date, ArticleDraft};

/// Header keys recognised in a text file's header block (case-insensitive).
const HEADER_KEYS: &[&str] = &[
    "title",
    "headline",
    "outlet",
    "source",
    "publisher",
    "author",
    "byline",
    "date",
    "published",
    "url",
    "link",
    "id",
    "language",
    "lang",
];

/// Separators between author and outlet on a byline, most specific first.
const BYLINE_SEPARATORS: &[&str] = &[" – ", " — ", " | ", " - ", "–", "—"];

/// Words that may stand lower-case inside a person's name.
const NAME_PARTICLES: &[&str] = &[
    "and", "de", "da", "del", "della", "van", "von", "der", "den", "al", "el", "bin", "ibn", "la",
    "le", "du", "dos", "das", "y",
];

/// Parses a text article. Never fails; problems become warnings on the draft.
pub fn parse_text(content: &str) -> ArticleDraft {
    let content = content.replace("\r\n", "\n").replace('\r', "\n");
    let mut lines = content.lines().peekable();
    while lines.peek().is_some_and(|l| l.trim().is_empty()) {
        lines.next();
    }
    let mut draft = ArticleDraft::default();

    let first = lines.peek().map(|l| l.trim()).unwrap_or_default();
    if header_line(first).is_some() {
        while let Some(line) = lines.peek() {
            let Some((key, value)) = header_line(line.trim()) else {
                break;
            };
            apply_header(&mut draft, &key, value);
            lines.next();
        }
    } else if let Some((author, outlet)) = parse_byline(first) {
        draft.author = Some(author);
        draft.outlet = Some(outlet);
        lines.next();
    }

    let body: Vec<&str> = lines.map(str::trim).filter(|l| !l.is_empty()).collect();
    draft.text = Some(body.join("\n"));
    draft
}

fn header_line(line: &str) -> Option<(String, &str)> {
    let (key, value) = line.split_once(':')?;
    let key = key.trim().to_ascii_lowercase();
    HEADER_KEYS
        .contains(&key.as_str())
        .then(|| (key, value.trim()))
}

fn apply_header(draft: &mut ArticleDraft, key: &str, value: &str) {
    if value.is_empty() {
        return;
    }
    let slot = match key {
        "title" | "headline" => &mut draft.title,
        "outlet" | "source" | "publisher" => &mut draft.outlet,
        "author" | "byline" => &mut draft.author,
        "url" | "link" => &mut draft.url,
        "id" => &mut draft.id,
        "language" | "lang" => &mut draft.language,
        "date" | "published" => {
            match normalize_date(value) {
                Some(date) => draft.date = Some(date),
                None => draft
                    .warnings
                    .push(format!("header Date {value:?} is not a date; ignored")),
            }
            return;
        }
        _ => return,
    };
    if slot.is_none() {
        *slot = Some(value.to_owned());
    }
}

/// Recognises a byline such as `Ahmed Kamel – Egypt Daily News` and returns (author, outlet).
/// A line that reads like a sentence is not a byline.
pub fn parse_byline(line: &str) -> Option<(String, String)> {
    let line = line.trim();
    if line.is_empty() || line.chars().count() > 120 || line.ends_with(['.', '?', '!', ':']) {
        return None;
    }
    for sep in BYLINE_SEPARATORS {
        let Some((author, outlet)) = line.split_once(sep) else {
            continue;
        };
        let author = author.trim();
        let author = author
            .strip_prefix("By ")
            .or_else(|| author.strip_prefix("by "))
            .unwrap_or(author)
            .trim();
        let outlet = outlet.trim();
        if looks_like_name(author) && looks_like_outlet(outlet) {
            return Some((author.to_owned(), outlet.to_owned()));
        }
        return None;
    }
    None
}

fn looks_like_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 8
        && words.first().is_some_and(|w| starts_upper(w))
        && words.iter().all(|w| {
            starts_upper(w)
                || NAME_PARTICLES.contains(&w.to_lowercase().trim_end_matches(','))
                || w.starts_with("al-")
                || w.starts_with("el-")
        })
        && !s.chars().any(|c| c.is_ascii_digit())
}

fn looks_like_outlet(s: &str) -> bool {
    let words = s.split_whitespace().count();
    (1..=8).contains(&words) && s.chars().next().is_some_and(|c| c.is_alphanumeric())
}

fn starts_upper(word: &str) -> bool {
    word.trim_start_matches(['(', '"', '\''])
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(line: &str, expected: Option<(&str, &str)>) {
        let got = parse_byline(line);
        let got = got.as_ref().map(|(a, o)| (a.as_str(), o.as_str()));
        assert_eq!(got, expected, "{line:?}");
    }

    #[test]
    fn bylines() {
        check(
            "Ahmed Kamel – Egypt Daily News",
            Some(("Ahmed Kamel", "Egypt Daily News")),
        );
        check(
            "Lena Ortiz — The Harbour Post",
            Some(("Lena Ortiz", "The Harbour Post")),
        );
        check(
            "Lena Ortiz—The Harbour Post",
            Some(("Lena Ortiz", "The Harbour Post")),
        );
        check(
            "Sam Reyes - Valley Courier",
            Some(("Sam Reyes", "Valley Courier")),
        );
        check(
            "Sam Reyes | Valley Courier",
            Some(("Sam Reyes", "Valley Courier")),
        );
        check(
            "By Sam Reyes | Valley Courier",
            Some(("Sam Reyes", "Valley Courier")),
        );
        check(
            "Omar al-Masri and Ana de la Cruz – Wire Desk",
            Some(("Omar al-Masri and Ana de la Cruz", "Wire Desk")),
        );
        check(
            "After weeks of silence, talks resumed – officials said.",
            None,
        );
        check("the quick brown fox - jumps", None);
        check("Plain opening line of an article", None);
        check("", None);
    }

    #[test]
    fn header_block_and_byline() {
        let draft = parse_text(
            "Title: Talks resume\nOutlet: Harbour Post\nAuthor: Lena Ortiz\nDate: 2025-05-19\nURL: https://hp.example/a\n\nFirst paragraph.\n\nSecond paragraph.\n",
        );
        assert_eq!(draft.title.as_deref(), Some("Talks resume"));
        assert_eq!(draft.outlet.as_deref(), Some("Harbour Post"));
        assert_eq!(draft.author.as_deref(), Some("Lena Ortiz"));
        assert_eq!(draft.date.as_deref(), Some("2025-05-19"));
        assert_eq!(draft.url.as_deref(), Some("https://hp.example/a"));
        assert_eq!(
            draft.text.as_deref(),
            Some("First paragraph.\nSecond paragraph.")
        );

        let draft = parse_text("Ahmed Kamel – Egypt Daily News\r\nBody line one.\r\nBody two.");
        assert_eq!(draft.author.as_deref(), Some("Ahmed Kamel"));
        assert_eq!(draft.outlet.as_deref(), Some("Egypt Daily News"));
        assert_eq!(draft.text.as_deref(), Some("Body line one.\nBody two."));

        let draft = parse_text("No byline here, just a sentence.\nAnd more.");
        assert_eq!(draft.author, None);
        assert_eq!(
            draft.text.as_deref(),
            Some("No byline here, just a sentence.\nAnd more.")
        );

        let draft = parse_text("Date: someday\n\nBody.");
        assert_eq!(draft.date, None);
        assert_eq!(draft.warnings.len(), 1);
    }
}
