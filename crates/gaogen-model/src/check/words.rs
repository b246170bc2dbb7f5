//! Fixed words searched in texts, each with a searcher made once (memchr's `memmem::Finder`):
//! `str::contains` and `str::find` with a `&str` make a new searcher at every call, and the rules
//! ask for the same words in every paragraph or sentence.

use memchr::memmem::Finder;
use std::sync::OnceLock;

/// A list of words and their searchers, made at the first search.
pub(crate) struct Words {
    words: &'static [&'static str],
    finders: OnceLock<Vec<Finder<'static>>>,
}

impl Words {
    pub(crate) const fn new(words: &'static [&'static str]) -> Self {
        Words {
            words,
            finders: OnceLock::new(),
        }
    }

    fn finders(&self) -> &[Finder<'static>] {
        self.finders
            .get_or_init(|| self.words.iter().map(Finder::new).collect())
    }

    /// Whether one of the words is in `text` (`words.iter().any(|w| text.contains(w))`).
    pub(crate) fn any_in(&self, text: &str) -> bool {
        self.finders()
            .iter()
            .any(|f| f.find(text.as_bytes()).is_some())
    }

    /// The places in the list of the words that are in `text`.
    pub(crate) fn present_in(&self, text: &str) -> Vec<usize> {
        (self.finders().iter().enumerate())
            .filter(|(_, f)| f.find(text.as_bytes()).is_some())
            .map(|(i, _)| i)
            .collect()
    }

    /// Whether one of the words at places `which` is in `text`.
    pub(crate) fn any_of_in(&self, which: &[usize], text: &str) -> bool {
        let finders = self.finders();
        which
            .iter()
            .any(|&i| finders[i].find(text.as_bytes()).is_some())
    }

    /// Where the first of the words starts in `text`: the least of each word's first place
    /// (`words.iter().filter_map(|w| text.find(w)).min()`).
    pub(crate) fn first_in(&self, text: &str) -> Option<usize> {
        self.finders()
            .iter()
            .filter_map(|f| f.find(text.as_bytes()))
            .min()
    }
}

#[cfg(test)]
mod tests {
    use super::Words;
    use proptest::prelude::*;

    static WORDS: Words = Words::new(&["件", "元", "下一步", "将", "整改", "a"]);

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        /// The searchers find what `str::contains` and `str::find` find.
        #[test]
        fn words_are_found_where_str_finds_them(
            text in "[件元下一步将整改ab，。 ]{0,30}"
        ) {
            let words = ["件", "元", "下一步", "将", "整改", "a"];
            prop_assert_eq!(WORDS.any_in(&text), words.iter().any(|w| text.contains(w)));
            prop_assert_eq!(
                WORDS.first_in(&text),
                words.iter().filter_map(|w| text.find(w)).min()
            );
            let present: Vec<usize> = (0..words.len()).filter(|&i| text.contains(words[i])).collect();
            prop_assert_eq!(WORDS.present_in(&text), present.clone());
            prop_assert_eq!(WORDS.any_of_in(&present[present.len().min(1)..], &text), present.len() > 1);
        }
    }
}
