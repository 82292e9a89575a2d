//! Escaping untrusted article text (titles, outlet names, sentences, URLs) for HTML and
//! Markdown. Everything from a corpus goes through here before it reaches a report.

/// Text for HTML element content and quoted attribute values.
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Text for a Markdown paragraph or table cell: inline markup, HTML and line structure
/// (headings, lists, tables) are neutralised; line breaks become spaces.
pub fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '!' | '~' | '{' | '}' | '(' | ')'
            | '+' | '-' | '=' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' => out.push(' '),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A URL that may become a link: only `http` and `https`, with no characters that could
/// leave an attribute or a Markdown link.
pub fn safe_url(url: &str) -> Option<&str> {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    let scheme_ok = lower.starts_with("http://") || lower.starts_with("https://");
    let chars_ok = !url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || "\"'<>`()[]{}\\|^".contains(c));
    (scheme_ok && chars_ok).then_some(url)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn neutralises_markup() {
        assert_eq!(
            html("<script>alert('x')</script>&"),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;"
        );
        assert_eq!(
            markdown("# Title\n[link](javascript:x) <b>"),
            "\\# Title \\[link\\]\\(javascript:x\\) &lt;b&gt;"
        );
        assert_eq!(
            safe_url("https://a.example/x?y=1"),
            Some("https://a.example/x?y=1")
        );
        assert_eq!(safe_url("javascript:alert(1)"), None);
        assert_eq!(safe_url("JAVASCRIPT:alert(1)"), None);
        assert_eq!(safe_url("https://a.example/\"onmouseover=x"), None);
        assert_eq!(safe_url("data:text/html,hi"), None);
    }

    proptest! {
        #[test]
        fn no_raw_markup_survives(text in "\\PC*") {
            let h = html(&text);
            prop_assert!(!h.contains('<') && !h.contains('>') && !h.contains('"'));
            let m = markdown(&text);
            prop_assert!(!m.contains('<') && !m.contains('\n'));
        }
    }
}
