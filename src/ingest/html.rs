//! HTML articles: the main text by Readability (`dom_smoothie`), metadata from the page's
//! meta tags (`og:site_name`, `article:published_time`, `author`, `og:title` / `<title>`,
//! `link rel=canonical` / `og:url`).

use scraper::{Html, Selector};

use super::{date::normalize_date, ArticleDraft};

/// Parses an HTML page. Never fails; a page with no readable text gives a draft without text.
pub fn parse_html(page: &str) -> ArticleDraft {
    let document = Html::parse_document(page);
    let mut draft = ArticleDraft {
        outlet: meta(
            &document,
            &[
                r#"meta[property="og:site_name"]"#,
                r#"meta[name="application-name"]"#,
            ],
        ),
        author: meta(
            &document,
            &[
                r#"meta[name="author"]"#,
                r#"meta[property="article:author"]"#,
            ],
        ),
        title: meta(&document, &[r#"meta[property="og:title"]"#])
            .or_else(|| element_text(&document, "title")),
        url: attr(&document, r#"link[rel="canonical"]"#, "href")
            .or_else(|| meta(&document, &[r#"meta[property="og:url"]"#])),
        language: attr(&document, "html", "lang"),
        ..ArticleDraft::default()
    };
    if let Some(raw) = meta(
        &document,
        &[
            r#"meta[property="article:published_time"]"#,
            r#"meta[name="date"]"#,
            r#"meta[itemprop="datePublished"]"#,
        ],
    ) {
        match normalize_date(&raw) {
            Some(date) => draft.date = Some(date),
            None => draft
                .warnings
                .push(format!("published time {raw:?} is not a date; ignored")),
        }
    }
    let text = readable_text(page).unwrap_or_else(|| paragraph_text(&document));
    draft.text = Some(text);
    draft
}

/// Readability's main text, one paragraph per line. `None` when it finds no article.
fn readable_text(page: &str) -> Option<String> {
    let config = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        ..Default::default()
    };
    let mut readability = dom_smoothie::Readability::new(page, None, Some(config)).ok()?;
    let article = readability.parse().ok()?;
    let text = tidy_lines(&article.text_content);
    (!text.is_empty()).then_some(text)
}

/// Fallback when Readability finds nothing: the page's paragraphs outside navigation.
fn paragraph_text(document: &Html) -> String {
    let Ok(selector) = Selector::parse("p, h1, h2, h3, li") else {
        return String::new();
    };
    let skipped = [
        "nav", "header", "footer", "aside", "script", "style", "form",
    ];
    let lines: Vec<String> = document
        .select(&selector)
        .filter(|el| {
            !el.ancestors().any(|a| {
                a.value()
                    .as_element()
                    .is_some_and(|e| skipped.contains(&e.name()))
            })
        })
        .map(|el| el.text().collect::<Vec<_>>().join(" "))
        .collect();
    tidy_lines(&lines.join("\n"))
}

fn tidy_lines(text: &str) -> String {
    text.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

fn meta(document: &Html, selectors: &[&str]) -> Option<String> {
    selectors.iter().find_map(|s| attr(document, s, "content"))
}

fn attr(document: &Html, selector: &str, name: &str) -> Option<String> {
    let selector = Selector::parse(selector).ok()?;
    document
        .select(&selector)
        .filter_map(|el| el.value().attr(name))
        .map(str::trim)
        .find(|v| !v.is_empty())
        .map(str::to_owned)
}

fn element_text(document: &Html, selector: &str) -> Option<String> {
    let selector = Selector::parse(selector).ok()?;
    let text = document
        .select(&selector)
        .next()?
        .text()
        .collect::<String>();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!text.is_empty()).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html><html lang="en"><head>
<title>Fallback title | Site</title>
<meta property="og:site_name" content="Harbour Post">
<meta property="og:title" content="Talks resume in the capital">
<meta property="article:published_time" content="2025-05-19T09:30:00+02:00">
<meta name="author" content="Lena Ortiz">
<link rel="canonical" href="https://harbourpost.example/talks">
<script>var tracking = "do not index me";</script>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> Subscribe now</nav>
<article><h1>Talks resume in the capital</h1>
<p>Negotiators met for a third round of talks on Monday, officials said, after a pause of several weeks in which neither side would comment publicly.</p>
<p>About 40 delegates attended the closed session, according to the foreign ministry, which said more meetings were planned before the end of the month.</p>
<p>Observers said the tone was cautious but that both delegations stayed longer than expected, a sign that the process may be gathering pace again.</p>
</article>
<footer>Copyright Harbour Post. All rights reserved. Cookie settings.</footer>
</body></html>"#;

    #[test]
    fn metadata_and_main_text() {
        let draft = parse_html(PAGE);
        assert_eq!(draft.outlet.as_deref(), Some("Harbour Post"));
        assert_eq!(draft.title.as_deref(), Some("Talks resume in the capital"));
        assert_eq!(draft.author.as_deref(), Some("Lena Ortiz"));
        assert_eq!(draft.date.as_deref(), Some("2025-05-19"));
        assert_eq!(
            draft.url.as_deref(),
            Some("https://harbourpost.example/talks")
        );
        assert_eq!(draft.language.as_deref(), Some("en"));
        let text = draft.text.unwrap_or_default();
        assert!(text.contains("About 40 delegates attended"), "{text}");
        assert!(!text.contains("do not index me"), "{text}");
        assert!(!text.contains("Cookie settings"), "{text}");
        assert!(!text.contains("Subscribe now"), "{text}");
    }

    #[test]
    fn page_without_article_falls_back() {
        let draft = parse_html(
            "<html><head><title>T</title></head><body><p>Only one short line.</p></body></html>",
        );
        assert_eq!(draft.title.as_deref(), Some("T"));
        assert!(draft
            .text
            .unwrap_or_default()
            .contains("Only one short line."));
    }
}
