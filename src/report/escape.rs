//! Escaping untrusted article text (titles, outlet names, sentences, URLs) for HTML,
//! Markdown and terminals. Everything from a corpus goes through here before it reaches a
//! report or a terminal.
//!
//! Bidirectional controls (U+202A–U+202E, U+2066–U+2069) are neutralised in every output:
//! an override in an outlet name or a quote reorders the text around it ("Trojan Source"),
//! so a reader would see words in an order the article never had. They are shown as
//! `<U+202E>`; the marks LRM/RLM/ALM, which reorder nothing beyond themselves, stay.

use std::borrow::Cow;

/// Whether `c` is a bidirectional embedding, override or isolate.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn push_visible(out: &mut String, c: char) {
    use std::fmt::Write;
    let _ = write!(out, "<U+{:04X}>", c as u32);
}

/// One field of text for a terminal line: line breaks and tabs become spaces, other
/// control characters (escape sequences, bells, carriage returns) and bidi controls are
/// shown as `<U+001B>`, so corpus text can neither move the cursor, recolour the
/// terminal, nor spread one record over several lines.
pub fn terminal(text: &str) -> Cow<'_, str> {
    terminal_with(text, false)
}

/// Several lines of text for a terminal: like [`terminal`], but line breaks stay (for a
/// printer's whole output, whose line structure is its own).
pub fn terminal_block(text: &str) -> Cow<'_, str> {
    terminal_with(text, true)
}

fn terminal_with(text: &str, keep_newlines: bool) -> Cow<'_, str> {
    let unsafe_char =
        |c: char| (c.is_control() && !(keep_newlines && c == '\n')) || is_bidi_control(c);
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '\n' if keep_newlines => out.push('\n'),
            '\n' | '\t' => out.push(' '),
            c if unsafe_char(c) => push_visible(&mut out, c),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

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
            c if is_bidi_control(c) => push_visible_html(&mut out, c),
            c => out.push(c),
        }
    }
    out
}

/// `<U+202E>` with its angle brackets escaped, for HTML and Markdown.
/// Escaped HTML with every bidi control shown as its code point, as [`html`] writes them:
/// for markup a template engine escaped already (which leaves these characters in), so
/// that article text cannot reverse the text around it.
pub fn visible_bidi(escaped_html: String) -> String {
    if !escaped_html.chars().any(is_bidi_control) {
        return escaped_html;
    }
    let mut out = String::with_capacity(escaped_html.len() + 16);
    for c in escaped_html.chars() {
        if is_bidi_control(c) {
            push_visible_html(&mut out, c);
        } else {
            out.push(c);
        }
    }
    out
}

fn push_visible_html(out: &mut String, c: char) {
    use std::fmt::Write;
    let _ = write!(out, "&lt;U+{:04X}&gt;", c as u32);
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
            c if is_bidi_control(c) => push_visible_html(&mut out, c),
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

    #[test]
    fn terminal_output_is_inert() {
        check_terminal("Harbour\nPost", "Harbour Post");
        check_terminal("\u{1b}[31mred\u{7}", "<U+001B>[31mred<U+0007>");
        check_terminal("a\rb", "a<U+000D>b");
        check_terminal("evil\u{202E}txt.exe", "evil<U+202E>txt.exe");
        check_terminal("plain · text", "plain · text");
        assert_eq!(terminal_block("one\ntwo\u{1b}"), "one\ntwo<U+001B>");
        assert_eq!(html("a\u{2066}b"), "a&lt;U+2066&gt;b");
        assert_eq!(markdown("a\u{202D}b"), "a&lt;U+202D&gt;b");
    }

    fn check_terminal(input: &str, expected: &str) {
        assert_eq!(terminal(input), expected, "{input:?}");
    }

    proptest! {
        #[test]
        fn no_raw_markup_survives(text in "\\PC*") {
            let h = html(&text);
            prop_assert!(!h.contains('<') && !h.contains('>') && !h.contains('"'));
            let m = markdown(&text);
            prop_assert!(!m.contains('<') && !m.contains('\n'));
            for out in [h.as_str(), m.as_str(), &terminal(&text), &terminal_block(&text)] {
                prop_assert!(!out.chars().any(is_bidi_control));
            }
            prop_assert!(!terminal(&text).chars().any(char::is_control));
            prop_assert!(!terminal_block(&text).chars().any(|c| c.is_control() && c != '\n'));
        }
    }
}
