//! Word classes: the lexicon's word lists that extraction asks about most, looked up once
//! per token.
//!
//! Extraction asks "is token k one of these words?" tens of times per figure, over windows
//! that overlap (on real news about 30 such questions per byte of text). Scanning a word
//! list for each question took a third of extraction's time. Instead [`Toks::new`] looks
//! each word up once in one table of every listed word and keeps a bit per class, so
//! [`Toks::has`] is a bit test. Matching is the same as [`Toks::any`]'s over the same list
//! (ASCII case-insensitive); a test holds the two equal for every class.
//!
//! To make a list a class: give it a name below (its slot), and ask `tk.has(k, class::NAME)`
//! where `tk.any(k, NAME)` was. Lists asked about rarely can stay with `any`.
//!
//! [`Toks::new`]: super::tokens::Toks::new
//! [`Toks::has`]: super::tokens::Toks::has
//! [`Toks::any`]: super::tokens::Toks::any

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

/// One class: a bit in each token's class mask.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordClass(u8);

impl WordClass {
    #[inline]
    pub(super) fn bit(self) -> u64 {
        1 << self.0
    }
}

macro_rules! word_classes {
    ($($name:ident = $list:expr;)*) => {
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        #[repr(u8)]
        enum Slot {
            $($name,)*
            Count,
        }
        $(pub(super) const $name: WordClass = WordClass(Slot::$name as u8);)*
        const LISTS: [&[&str]; Slot::Count as usize] = [$($list,)*];
        #[cfg(test)]
        pub(super) const ALL: [WordClass; Slot::Count as usize] = [$($name,)*];
    };
}

use super::attribution as attr;
use super::lexicon as lex;

word_classes! {
    // lexicon
    LOC_PREP = lex::LOC_PREP;
    STOP = lex::STOP;
    FUNCTION = lex::FUNCTION;
    SAY_VERBS = lex::SAY_VERBS;
    DAY_WORDS = lex::DAY_WORDS;
    FORECAST_NOUNS = lex::FORECAST_NOUNS;
    ADMIN_WORDS = lex::ADMIN_WORDS;
    STATUS_ADJ = lex::STATUS_ADJ;
    PRE_NOUN_STATUS = lex::PRE_NOUN_STATUS;
    NOT_PLACE = lex::NOT_PLACE;
    LABEL_PREV = lex::LABEL_PREV;
    COUNT_NOUNS = lex::COUNT_NOUNS;
    CAP_OK = lex::CAP_OK;
    FACILITY_NOUNS = lex::FACILITY_NOUNS;
    // attribution
    CUE_VERBS = attr::CUE_VERBS;
    QUOTE_ONLY = attr::QUOTE_ONLY;
    BE = attr::BE;
    NP_STOP = attr::NP_STOP;
    REVISE_VERBS = attr::REVISE_VERBS;
    FIGURE_NOUNS = attr::FIGURE_NOUNS;
    TALLY_NOUNS = attr::TALLY_NOUNS;
    DOCUMENT_NOUNS = attr::DOCUMENT_NOUNS;
    OWNED_FIGURE_NOUNS = attr::OWNED_FIGURE_NOUNS;
    VERB_FILLERS = attr::VERB_FILLERS;
    // clauses and certainty
    CLAUSE_WORDS = super::CLAUSE_WORDS;
    POSSIBILITY_WORDS = super::clause::POSSIBILITY_WORDS;
    SAY_FORMS = super::clause::SAY_FORMS;
    CLAIM_WORDS = super::clause::CLAIM_WORDS;
    CLAIM_NOUN_BEFORE = super::clause::CLAIM_NOUN_BEFORE;
    ESTIMATE_WORDS = super::clause::ESTIMATE_WORDS;
    // frames, statuses, shares
    CUT_WORDS = super::frame::CUT_WORDS;
    MODEL_WORDS = super::frame::MODEL_WORDS;
    EXPECTATION_WORDS = super::frame::EXPECTATION_WORDS;
    HEDGE_BEFORE = super::frame::HEDGE_BEFORE;
    LEAVE_HOME_VERBS = super::status::LEAVE_HOME_VERBS;
    NATIONAL_TOLL_NOUNS = super::nationality::TOLL_NOUNS;
    HALVE = super::numbers::HALVE;
    HALF_OF = super::numbers::HALF_OF;
    FRACTION_STARTS = super::numbers::FRACTION_STARTS;
}

const _: () = assert!((Slot::Count as usize) <= 64, "a class mask is a u64");

/// The longest listed word in bytes: a longer token is in no class.
const MAX_WORD: usize = 32;

/// Every listed word, ASCII-lowercased, with the mask of the classes that list it.
fn table() -> &'static FxHashMap<Box<[u8]>, u64> {
    static TABLE: OnceLock<FxHashMap<Box<[u8]>, u64>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: FxHashMap<Box<[u8]>, u64> = FxHashMap::default();
        for (slot, list) in LISTS.iter().enumerate() {
            for word in list.iter() {
                let key = word.as_bytes().to_ascii_lowercase().into_boxed_slice();
                *table.entry(key).or_insert(0) |= 1 << slot;
            }
        }
        table
    })
}

/// The class mask of one word token.
pub(super) fn mask_of(word: &str) -> u64 {
    let bytes = word.as_bytes();
    if bytes.len() > MAX_WORD {
        return 0;
    }
    let mut buf = [0u8; MAX_WORD];
    let lower = &mut buf[..bytes.len()];
    lower.copy_from_slice(bytes);
    lower.make_ascii_lowercase();
    table().get(&*lower).copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::super::tokens::Toks;
    use super::*;

    #[test]
    fn no_listed_word_is_longer_than_the_lookup_buffer() {
        for list in LISTS {
            for word in list {
                assert!(
                    word.len() <= MAX_WORD,
                    "{word} is longer than {MAX_WORD} bytes"
                );
            }
        }
    }

    /// `has` answers as `any` does over the same list, for every class and every word of
    /// every list, in three cases, and for words of no list.
    #[test]
    fn has_agrees_with_any_for_every_class() {
        let mut text = String::new();
        for list in LISTS {
            for word in list.iter() {
                let upper = word.to_uppercase();
                let mut title = word.to_string();
                if let Some(first) = title.get(..1) {
                    title = first.to_uppercase() + &title[1..];
                }
                for form in [word.to_string(), upper, title] {
                    text.push_str(&form);
                    text.push(' ');
                }
            }
        }
        text.push_str("Kabul 1,200 , ; zzz hostages’ naïve Straße");
        let tk = Toks::new(&text);
        assert!(tk.len() > 1000);
        for i in 0..tk.len() {
            for (slot, class) in ALL.iter().enumerate() {
                assert_eq!(
                    tk.has(i, *class),
                    tk.any(i, LISTS[slot]),
                    "token {:?}, class {slot}",
                    tk.s(i)
                );
            }
        }
    }
}
