//! Sentence splitting with byte offsets. A sentence ends at a newline, or at `.`/`!`/`?`
//! (plus closing quotes/brackets) followed by whitespace and an uppercase letter, digit or
//! opening quote, unless the word before the period is an abbreviation ("Mr.", "U.S.").

const ABBREV: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt", "st",
    "jr", "sr", "inc", "ltd", "corp", "co", "no", "vs", "etc", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "rev", "hon", "adm", "maj",
    "cpl", "pres", "gov", "supt", "dept", "approx", "est", "fig", "vol",
];

fn is_close(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»')
}

fn abbreviation_before(text: &str, dot: usize) -> bool {
    // the word right before the '.'
    let before = &text[..dot];
    let word_start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '.'))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    let w = &before[word_start..];
    if w.is_empty() {
        return false;
    }
    // initials and dotted abbreviations: "U.S", "J", "a.m"
    // (not a decimal number with a scale: "€1.2bn.")
    if w.contains('.') && !w.chars().any(|c| c.is_ascii_digit()) {
        return true;
    }
    if w.chars().count() == 1 && w.chars().all(|c| c.is_uppercase()) {
        return true;
    }
    ABBREV.iter().any(|a| w.eq_ignore_ascii_case(a))
}

/// Byte ranges of the sentences of `text`, trimmed, in order, never empty.
pub fn split(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut chars = text.char_indices().peekable();
    let push = |out: &mut Vec<(usize, usize)>, a: usize, b: usize| {
        let s = &text[a..b];
        let lead = s.len() - s.trim_start().len();
        let trail = s.len() - s.trim_end().len();
        if a + lead < b - trail {
            out.push((a + lead, b - trail));
        }
    };
    while let Some((i, c)) = chars.next() {
        if c == '\n' {
            push(&mut out, start, i);
            start = i + 1;
            continue;
        }
        if c == '.' || c == '!' || c == '?' || c == '…' {
            // swallow closing quotes/brackets and further terminators
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if is_close(d) || d == '.' || d == '!' || d == '?' {
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            // need whitespace then a sentence-starting char
            let rest = &text[end..];
            let ws: usize = rest
                .char_indices()
                .find(|(_, d)| !d.is_whitespace() || *d == '\n')
                .map(|(k, _)| k)
                .unwrap_or(rest.len());
            if ws == 0 && !rest.is_empty() {
                continue;
            }
            let next = rest[ws..].chars().next();
            let starts = match next {
                None => true,
                Some(d) => {
                    d == '\n'
                        || d.is_uppercase()
                        || d.is_ascii_digit()
                        || matches!(d, '"' | '“' | '‘' | '\'' | '(' | '«' | '¿' | '¡')
                }
            };
            if !starts {
                continue;
            }
            if c == '.' && abbreviation_before(text, i) {
                continue;
            }
            push(&mut out, start, end);
            start = end;
        }
    }
    push(&mut out, start, text.len());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn splits() {
        let t = "Mr. Vale met U.S. President Lin. “It went well,” he said. Then 4.5 rose!\nNext";
        let v: Vec<&str> = split(t).iter().map(|&(a, b)| &t[a..b]).collect();
        assert_eq!(
            v,
            vec![
                "Mr. Vale met U.S. President Lin.",
                "“It went well,” he said.",
                "Then 4.5 rose!",
                "Next"
            ]
        );
    }
}
