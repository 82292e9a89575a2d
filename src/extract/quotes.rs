//! Quoted speech: text inside “…”, "…", «…» or „…“ of at least three words.

#[derive(Debug, Clone)]
pub struct QuoteHit {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// The quoted words (trailing comma/space trimmed): [start, end).
    pub start: usize,
    pub end: usize,
    /// Byte offset just after the closing mark.
    pub close_end: usize,
}

fn closer(c: char) -> Option<char> {
    Some(match c {
        '“' => '”',
        '"' => '"',
        '«' => '»',
        '„' => '“',
        _ => return None,
    })
}

pub fn find(text: &str) -> Vec<QuoteHit> {
    let mut out = Vec::new();
    let mut it = text.char_indices();
    while let Some((i, c)) = it.next() {
        let Some(close) = closer(c) else { continue };
        let inner_start = i + c.len_utf8();
        // the closing mark, within the paragraph
        let rest = &text[inner_start..];
        let mut found = None;
        for (j, d) in rest.char_indices() {
            if d == '\n' {
                break;
            }
            if d == close || (close == '”' && d == '"') {
                found = Some(inner_start + j);
                break;
            }
        }
        let Some(cl) = found else { continue };
        let close_end = cl + text[cl..].chars().next().map(|x| x.len_utf8()).unwrap_or(1);
        let inner = &text[inner_start..cl];
        let trimmed =
            inner.trim_end_matches(|c: char| c == ',' || c == ';' || c == ':' || c.is_whitespace());
        let lead = inner.len() - inner.trim_start().len();
        let start = inner_start + lead;
        let end = (inner_start + trimmed.len()).max(start);
        let words = || text[start..end].split_whitespace();
        // a title or name in quote marks ("Operation Desert Wind") is not speech
        let all_caps = words().all(|w| !w.chars().next().is_some_and(|c| c.is_lowercase()));
        if end > start && words().count() >= 3 && !all_caps {
            out.push(QuoteHit {
                open: i,
                start,
                end,
                close_end,
            });
        }
        // continue after the closing mark
        while let Some(&(k, _)) = it.clone().peekable().peek() {
            if k < close_end {
                it.next();
            } else {
                break;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn quotes() {
        let t =
            "He said “we will not stop now,” and left. \"Too short\" she said. «Trois mots ici»";
        let q: Vec<&str> = find(t).iter().map(|q| &t[q.start..q.end]).collect();
        assert_eq!(q, vec!["we will not stop now", "Trois mots ici"]);
    }
}
