//! A small tokenizer with byte offsets: words, digit runs (with internal `.`/`,`), and
//! single punctuation characters. Whitespace is skipped; `gap_before` tells whether
//! whitespace separated a token from the one before it.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tk {
    Word,
    Num,
    Punct,
}

#[derive(Debug, Clone, Copy)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: Tk,
}

pub struct Toks<'a> {
    pub text: &'a str,
    pub t: Vec<Token>,
    /// Each token's word classes ([`super::classes`]); 0 for numbers and punctuation.
    classes: Vec<u64>,
}

fn is_apos(c: char) -> bool {
    c == '\'' || c == '’'
}

pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5 + 4);
    let bytes = text.as_bytes();
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_ascii_digit() {
            let mut end = i + 1;
            loop {
                // digits
                while end < bytes.len() && bytes[end].is_ascii_digit() {
                    end += 1;
                }
                // internal separator followed by a digit
                if end + 1 < bytes.len()
                    && (bytes[end] == b'.' || bytes[end] == b',')
                    && bytes[end + 1].is_ascii_digit()
                {
                    end += 1;
                    continue;
                }
                break;
            }
            while let Some(&(j, _)) = it.peek() {
                if j < end {
                    it.next();
                } else {
                    break;
                }
            }
            out.push(Token {
                start: i,
                end,
                kind: Tk::Num,
            });
            continue;
        }
        if c.is_alphabetic() {
            let mut end = i + c.len_utf8();
            let mut prev_alpha = true;
            while let Some(&(j, d)) = it.peek() {
                if d.is_alphabetic() || d == '\u{0301}' {
                    prev_alpha = true;
                    end = j + d.len_utf8();
                    it.next();
                } else if is_apos(d) && prev_alpha {
                    // internal apostrophe only when a letter follows
                    let after = j + d.len_utf8();
                    let next_alpha = text[after..]
                        .chars()
                        .next()
                        .map(|x| x.is_alphabetic())
                        .unwrap_or(false);
                    if next_alpha {
                        prev_alpha = false;
                        end = after;
                        it.next();
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            out.push(Token {
                start: i,
                end,
                kind: Tk::Word,
            });
            continue;
        }
        out.push(Token {
            start: i,
            end: i + c.len_utf8(),
            kind: Tk::Punct,
        });
    }
    out
}

impl<'a> Toks<'a> {
    pub fn new(text: &'a str) -> Self {
        let t = tokenize(text);
        let classes = t
            .iter()
            .map(|token| match token.kind {
                Tk::Word => super::classes::mask_of(&text[token.start..token.end]),
                Tk::Num | Tk::Punct => 0,
            })
            .collect();
        Toks { text, t, classes }
    }
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.t.is_empty()
    }
    #[inline]
    pub fn len(&self) -> usize {
        self.t.len()
    }
    #[inline]
    pub fn s(&self, i: usize) -> &'a str {
        match self.t.get(i) {
            Some(t) => &self.text[t.start..t.end],
            None => "",
        }
    }
    #[inline]
    pub fn kind(&self, i: usize) -> Option<Tk> {
        self.t.get(i).map(|t| t.kind)
    }
    #[inline]
    pub fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(Tk::Word)
    }
    #[inline]
    pub fn is_num(&self, i: usize) -> bool {
        self.kind(i) == Some(Tk::Num)
    }
    /// Case-insensitive equality of token `i` with `w`.
    #[inline]
    pub fn is(&self, i: usize, w: &str) -> bool {
        i < self.t.len() && self.s(i).eq_ignore_ascii_case(w)
    }
    /// Token `i` is a word from `list` (case-insensitive).
    pub fn any(&self, i: usize, list: &[&str]) -> bool {
        if !self.is_word(i) {
            return false;
        }
        let s = self.s(i);
        list.iter().any(|w| s.eq_ignore_ascii_case(w))
    }
    /// Token `i` is a word of `class`: the same answer as [`Toks::any`] over the class's
    /// list, by one bit test.
    #[inline]
    pub fn has(&self, i: usize, class: super::classes::WordClass) -> bool {
        self.classes
            .get(i)
            .is_some_and(|mask| mask & class.bit() != 0)
    }
    #[inline]
    pub fn punct(&self, i: usize, c: char) -> bool {
        self.kind(i) == Some(Tk::Punct) && self.s(i).starts_with(c)
    }
    /// Token `i` directly follows token `i-1` (no whitespace in between).
    #[inline]
    pub fn adjacent(&self, i: usize) -> bool {
        i > 0 && i < self.t.len() && self.t[i].start == self.t[i - 1].end
    }
    /// Whitespace between token i-1 and i contains a newline.
    pub fn newline_before(&self, i: usize) -> bool {
        if i == 0 || i >= self.t.len() {
            return false;
        }
        self.text[self.t[i - 1].end..self.t[i].start].contains('\n')
    }
    pub fn capitalized(&self, i: usize) -> bool {
        self.is_word(i)
            && self
                .s(i)
                .chars()
                .next()
                .map(|c| c.is_uppercase())
                .unwrap_or(false)
    }
    /// Lowercased copy of a short ASCII word into `buf`, or "" when it does not fit.
    pub fn lower<'b>(&self, i: usize, buf: &'b mut [u8; 24]) -> &'b str {
        let s = self.s(i).as_bytes();
        if s.len() > buf.len() || !s.is_ascii() {
            return "";
        }
        for (k, b) in s.iter().enumerate() {
            buf[k] = b.to_ascii_lowercase();
        }
        std::str::from_utf8(&buf[..s.len()]).unwrap_or("")
    }
    /// Byte range text between tokens a..b (inclusive of both ends' tokens).
    pub fn span_text(&self, a: usize, b_incl: usize) -> &'a str {
        if a > b_incl || b_incl >= self.t.len() {
            return "";
        }
        &self.text[self.t[a].start..self.t[b_incl].end]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn tokens() {
        let t = Toks::new("About 1,200 men’s boots, 4.2M; Hamas’ wing.");
        let v: Vec<&str> = (0..t.len()).map(|i| t.s(i)).collect();
        assert_eq!(
            v,
            vec![
                "About", "1,200", "men’s", "boots", ",", "4.2", "M", ";", "Hamas", "’", "wing", "."
            ]
        );
    }
}
