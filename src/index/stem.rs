//! The `en_stem` analyzer the schema's text fields name, with tantivy's own steps (simple
//! tokenizer, long tokens removed, lower case, the English Snowball stemmer) and a memo of
//! stems: news repeats its words, and stemming each occurrence again was a tenth of an
//! indexing run's CPU on claim-dense text, all of it on the writer's indexing thread.

use std::cell::RefCell;

use rustc_hash::FxHashMap as HashMap;

use tantivy::tokenizer::{
    LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer, Token, TokenFilter, TokenStream,
    Tokenizer,
};

/// The analyzer registered as `en_stem`: the same tokens as tantivy's default one, so
/// indexes written before it and queries parsed with either agree.
pub fn analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(MemoStemmer)
        .build()
}

/// Distinct words remembered per thread before the memo starts again (3 MB at most).
const MEMO_WORDS: usize = 65_536;

/// A short word held inline (its length, then its bytes), so a look-up reads one table
/// slot and no string elsewhere in memory; longer words are stemmed every time.
type Inline = [u8; 24];

fn inline(word: &str) -> Option<Inline> {
    let bytes = word.as_bytes();
    let mut out = [0u8; 24];
    let len = u8::try_from(bytes.len()).ok().filter(|&n| n < 24)?;
    out[0] = len;
    out[1..=bytes.len()].copy_from_slice(bytes);
    Some(out)
}

fn text_of(slot: &Inline) -> &str {
    let len = usize::from(slot[0]);
    std::str::from_utf8(&slot[1..=len]).unwrap_or("")
}

thread_local! {
    static STEMS: RefCell<HashMap<Inline, Inline>> = RefCell::new(HashMap::default());
}

/// The English stemmer, remembering each word's stem.
#[derive(Clone, Copy)]
pub struct MemoStemmer;

impl TokenFilter for MemoStemmer {
    type Tokenizer<T: Tokenizer> = MemoStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> MemoStemmerFilter<T> {
        MemoStemmerFilter { inner: tokenizer }
    }
}

#[derive(Clone)]
pub struct MemoStemmerFilter<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for MemoStemmerFilter<T> {
    type TokenStream<'a> = MemoStemmerStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        MemoStemmerStream {
            tail: self.inner.token_stream(text),
            stemmer: frostem::Stemmer::new(frostem::Algorithm::English),
        }
    }
}

pub struct MemoStemmerStream<T> {
    tail: T,
    stemmer: frostem::Stemmer,
}

impl<T: TokenStream> TokenStream for MemoStemmerStream<T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        let Some(word) = inline(&token.text) else {
            token.text = self.stemmer.stem(&token.text).into_owned();
            return true;
        };
        STEMS.with(|memo| {
            let mut memo = memo.borrow_mut();
            if let Some(stem) = memo.get(&word) {
                token.text.clear();
                token.text.push_str(text_of(stem));
                return;
            }
            let stem = self.stemmer.stem(&token.text).into_owned();
            if let Some(slot) = inline(&stem) {
                if memo.len() >= MEMO_WORDS {
                    memo.clear();
                }
                memo.insert(word, slot);
            }
            token.text = stem;
        });
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(mut analyzer: TextAnalyzer, text: &str) -> Vec<String> {
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push(stream.token().text.clone());
        }
        out
    }

    #[test]
    fn stems_as_tantivy_does_and_again_from_the_memo() {
        let text = "Rescuers were searching the flooded villages; searching again, \
                    the rescuers found 12 more bodies. Running, runs, ran.";
        let reference = tantivy::tokenizer::TokenizerManager::default()
            .get("en_stem")
            .map(|a| tokens(a, text));
        assert_eq!(reference.as_ref(), Some(&tokens(analyzer(), text)));
        // the second pass reads every stem from the memo
        assert_eq!(reference.as_ref(), Some(&tokens(analyzer(), text)));
    }
}
