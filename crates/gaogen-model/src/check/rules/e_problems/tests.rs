//! `specific` against the Aho-Corasick replacement it writes out.

use super::{is_han, specific, SET_PHRASES};
use aho_corasick::{AhoCorasick, MatchKind};
use proptest::prelude::*;
use std::sync::LazyLock;

/// The set vocabulary as one automaton, longest phrase first where several start at one place.
static AC: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let mut phrases = SET_PHRASES.to_vec();
    phrases.sort_by_key(|p| std::cmp::Reverse(p.chars().count()));
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostFirst)
        .build(&phrases)
        .expect("valid phrases")
});

fn by_automaton(sentence: &str) -> String {
    AC.replace_all(sentence, &vec![""; SET_PHRASES.len()])
        .chars()
        .filter(|&c| is_han(c))
        .collect()
}

/// Phrases, their halves and characters around them.
fn pieces() -> Vec<String> {
    let mut out: Vec<String> = SET_PHRASES.iter().map(|p| p.to_string()).collect();
    for p in SET_PHRASES {
        let chars: Vec<char> = p.chars().collect();
        out.push(chars[..chars.len().div_ceil(2)].iter().collect());
        out.push(chars[chars.len() / 2..].iter().collect());
    }
    out.extend(["依申请", "栏目", "，", "a", "1", " ", "。"].map(String::from));
    out
}

static PIECES: LazyLock<Vec<String>> = LazyLock::new(pieces);

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]
    #[test]
    fn specific_is_the_automaton_replacement(
        picks in prop::collection::vec(any::<prop::sample::Index>(), 0..16)
    ) {
        let sentence: String = picks.iter().map(|i| i.get(&PIECES).as_str()).collect();
        prop_assert_eq!(specific(&sentence), by_automaton(&sentence), "{:?}", sentence);
    }
}

#[test]
fn the_longest_phrase_at_a_place_is_removed() {
    let s = "政务公开队伍建设有待加强，依申请公开答复规范性还需提高";
    assert_eq!(specific(s), by_automaton(s));
    assert!(!specific(s).is_empty());
}
