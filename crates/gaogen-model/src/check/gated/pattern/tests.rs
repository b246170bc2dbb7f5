//! The matcher against the regex crate on small patterns made to exercise each choice it
//! makes: a group set on a way that fails, optional literals before nothing, repetition from
//! the most characters down, `^` and `$`. (The rules' own patterns: `gated/tests.rs`.)

use super::Piece::{Chars, Close, Either, End, Lits, Open, Opt, Start};
use super::{Fallback, Firsts, Pattern, Piece, MANY};
use proptest::prelude::*;
use regex::Regex;
use std::sync::LazyLock;

/// The cases' regexes, compiled once.
static REGEXES: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    CASES
        .iter()
        .map(|(source, _)| Regex::new(source).expect("valid"))
        .collect()
});

fn is_a(c: char) -> bool {
    c == 'a'
}
fn is_b(c: char) -> bool {
    c == 'b'
}
fn is_yi(c: char) -> bool {
    c == '一'
}

/// (regex, the same as a pattern).
static CASES: [(&str, Pattern); 5] = [
    (
        r"(a)x|ay",
        Pattern {
            pieces: &[Either(&[
                &[Open(1), Lits(&["a"]), Close(1), Lits(&["x"])],
                &[Lits(&["a"]), Lits(&["y"])],
            ])],
            names: &[None, None],
        },
    ),
    (
        r"(?:一)?(一?)二",
        Pattern {
            pieces: &[
                Opt(&["一"]),
                Open(1),
                Chars {
                    test: is_yi,
                    min: 0,
                    max: 1,
                },
                Close(1),
                Lits(&["二"]),
            ],
            names: &[None, None],
        },
    ),
    (
        r"([0-9]{0,3})(3)",
        Pattern {
            pieces: &[
                Open(1),
                Chars {
                    test: |c| c.is_ascii_digit(),
                    min: 0,
                    max: 3,
                },
                Close(1),
                Open(2),
                Lits(&["3"]),
                Close(2),
            ],
            names: &[None, None, None],
        },
    ),
    (
        r"^(a+)|(b)$",
        Pattern {
            pieces: &[Either(&[
                &[
                    Start,
                    Open(1),
                    Chars {
                        test: is_a,
                        min: 1,
                        max: MANY,
                    },
                    Close(1),
                ],
                &[Open(2), Lits(&["b"]), Close(2), End],
            ])],
            names: &[None, None, None],
        },
    ),
    (
        r"(?:(ab)|a)(b{0,2})(?P<end>c|bc)",
        Pattern {
            pieces: &[
                Either(&[&[Open(1), Lits(&["ab"]), Close(1)], &[Lits(&["a"])]]),
                Open(2),
                Chars {
                    test: is_b,
                    min: 0,
                    max: 2,
                },
                Close(2),
                Open(3),
                Lits(&["c", "bc"]),
                Close(3),
            ],
            names: &[None, None, None, Some("end")],
        },
    ),
];

fn by_regex(re: &Regex, text: &str) -> Vec<Vec<Option<std::ops::Range<usize>>>> {
    re.captures_iter(text)
        .map(|c| c.iter().map(|m| m.map(|m| m.range())).collect())
        .collect()
}

fn by_pattern(p: &Pattern, text: &str) -> Vec<Vec<Option<std::ops::Range<usize>>>> {
    p.captures_iter(text).iter().map(|f| f.groups()).collect()
}

const ALPHABET: &[&str] = &["a", "b", "c", "x", "y", "一", "二", "3", "7", " "];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]
    #[test]
    fn the_matcher_finds_what_the_regex_finds(
        t in prop::collection::vec(prop::sample::select(ALPHABET), 0..14)
    ) {
        let t = t.concat();
        for ((source, pattern), re) in CASES.iter().zip(REGEXES.iter()) {
            prop_assert_eq!(by_pattern(pattern, &t), by_regex(re, &t), "{} in {:?}", source, t);
        }
    }
}

#[test]
fn each_choice_is_the_regex_choice() {
    // Texts where a different choice gives a different answer.
    let texts = [
        ("ay", 0),
        ("一二", 1),
        ("一一二", 1),
        ("12333", 2),
        ("aab", 3),
        ("abbbc", 4),
        ("abc", 4),
    ];
    for (text, case) in texts {
        let (source, pattern) = &CASES[case];
        let found = by_pattern(pattern, text);
        assert!(!found.is_empty(), "{source} in {text}");
        assert_eq!(found, by_regex(&REGEXES[case], text), "{source} in {text}");
    }
    let (_, p) = &CASES[4];
    let found = p.captures_iter("xabbc");
    let f = found.first().expect("a match");
    assert_eq!(f.name("end").map(|h| h.as_str()), Some("c"));
    assert_eq!(f.get(1).map(|h| (h.start(), h.as_str())), Some((1, "ab")));
    assert!(f.name("nothing").is_none());
}

#[test]
fn a_piece_is_small() {
    // Patterns are static data; a piece stays a few words.
    assert!(std::mem::size_of::<Piece>() <= 32);
}

/// `x?a+b`: the run does not lead (an optional literal does), so a failed run is tried again
/// from each of its characters — quadratic, as a pattern the matcher cannot keep linear.
static QUADRATIC: Pattern = Pattern {
    pieces: &[
        Opt(&["x"]),
        Chars {
            test: is_a,
            min: 1,
            max: MANY,
        },
        Lits(&["b"]),
    ],
    names: &[None],
};

#[test]
fn a_search_that_spends_its_budget_is_finished_by_the_regex() {
    let fallback = Fallback::new("x?a+b");
    let re = Regex::new(fallback.source).expect("valid");
    let firsts = Firsts::of(&QUADRATIC);
    // A match, a long run that fails, then matches the regex must find.
    let text = format!("xab{}cab xaab", "a".repeat(5000));
    let mut matches = QUADRATIC.matches(&firsts, Some(&fallback), &text);
    let found: Vec<_> = matches.by_ref().map(|f| f.groups()).collect();
    assert!(matches.fell_back(), "the budget was not spent");
    assert_eq!(found, by_regex(&re, &text));
    assert_eq!(found.len(), 3);
    // A short text is finished by the pattern.
    let mut short = QUADRATIC.matches(&firsts, Some(&fallback), "aab");
    assert_eq!(short.by_ref().count(), 1);
    assert!(!short.fell_back());
}
