//! The matcher against the regex crate on random patterns: literals, optional literals,
//! repetitions of a class (bounded and not), alternatives, nested groups, `^` and `$`, each
//! written both as pieces and as the regex, on random texts. Each alternative ends with a
//! literal, so no pattern matches the empty text (no rule's does; empty matches are stepped
//! over differently).

use super::Piece::{Chars, Close, Either, End, Lits, Open, Opt, Start};
use super::{Pattern, Piece, GROUPS, MANY};
use proptest::prelude::*;
use regex::Regex;

/// A repetition's test and the regex class it stands for.
type Class = (fn(char) -> bool, &'static str);

/// Repetition tests with the regex class each stands for.
const TESTS: &[Class] = &[
    (|c| c == 'a', "a"),
    (|c| matches!(c, 'a' | 'b'), "[ab]"),
    (|c| c != 'c', "[^c]"),
    (|c| c == '一', "一"),
];

const LITERALS: &[&str] = &["a", "b", "c", "一", "ab", "ba", "一a", "aa"];

/// A pattern and its regex grown from a seed (xorshift).
struct Grow {
    state: u64,
    groups: usize,
}

fn leak<T>(v: Vec<T>) -> &'static [T] {
    Box::leak(v.into_boxed_slice())
}

impl Grow {
    fn pick(&mut self, n: usize) -> usize {
        self.state ^= self.state << 13;
        self.state ^= self.state >> 7;
        self.state ^= self.state << 17;
        (self.state % n as u64) as usize
    }

    fn literals(&mut self) -> (&'static [&'static str], String) {
        let n = 1 + self.pick(3);
        let lits: Vec<&str> = (0..n)
            .map(|_| LITERALS[self.pick(LITERALS.len())])
            .collect();
        let regex = format!("(?:{})", lits.join("|"));
        (leak(lits), regex)
    }

    /// A sequence that ends with a literal.
    fn ending(&mut self, depth: usize) -> (Vec<Piece>, String) {
        let (mut pieces, mut regex) = self.sequence(depth);
        let (lits, last) = self.literals();
        pieces.push(Lits(lits));
        regex += &last;
        (pieces, regex)
    }

    fn sequence(&mut self, depth: usize) -> (Vec<Piece>, String) {
        let n = self.pick(4);
        let mut pieces = Vec::new();
        let mut regex = String::new();
        for _ in 0..n {
            regex += &self.piece(depth, &mut pieces);
        }
        (pieces, regex)
    }

    /// Adds one piece (a group adds three) and returns its regex.
    fn piece(&mut self, depth: usize, out: &mut Vec<Piece>) -> String {
        let kinds = if depth == 0 { 3 } else { 7 };
        match self.pick(kinds) {
            0 => {
                let (lits, regex) = self.literals();
                out.push(Lits(lits));
                regex
            }
            1 => {
                let (lits, regex) = self.literals();
                out.push(Opt(lits));
                regex + "?"
            }
            2 => {
                let (test, class) = TESTS[self.pick(TESTS.len())];
                let min = self.pick(3);
                let (max, bound) = match self.pick(3) {
                    0 => (MANY, String::new()),
                    k => (min + k, (min + k).to_string()),
                };
                out.push(Chars { test, min, max });
                format!("{class}{{{min},{bound}}}")
            }
            3 | 4 => {
                let ways = (0..1 + self.pick(3))
                    .map(|_| self.sequence(depth - 1))
                    .collect();
                let (either, regex) = alternation(ways);
                out.push(either);
                format!("(?:{regex})")
            }
            5 if self.groups + 1 < GROUPS => {
                // Numbered when its parenthesis opens, as the regex numbers it.
                self.groups += 1;
                let g = self.groups;
                let (inner, regex) = self.sequence(depth - 1);
                out.extend([Open(g), Either(leak(vec![leak(inner)])), Close(g)]);
                format!("({regex})")
            }
            _ => {
                if self.pick(2) == 0 {
                    out.push(Start);
                    "^".into()
                } else {
                    out.push(End);
                    "$".into()
                }
            }
        }
    }
}

/// Sequences as one `Either`, and their regexes joined by `|`.
fn alternation(ways: Vec<(Vec<Piece>, String)>) -> (Piece, String) {
    let regex = ways
        .iter()
        .map(|(_, r)| r.as_str())
        .collect::<Vec<_>>()
        .join("|");
    let ways: Vec<&'static [Piece]> = ways.into_iter().map(|(p, _)| leak(p)).collect();
    (Either(leak(ways)), regex)
}

/// A random pattern with its regex.
fn grow(seed: u64) -> (Pattern, String) {
    let mut g = Grow {
        state: seed | 1,
        groups: 0,
    };
    // A top-level alternation half of the time (where runs that failed are skipped).
    let (pieces, regex) = if g.pick(2) == 0 {
        let (either, regex) = alternation((0..2 + g.pick(3)).map(|_| g.ending(2)).collect());
        (vec![either], regex)
    } else {
        g.ending(3)
    };
    let names = leak(vec![None; g.groups + 1]);
    (
        Pattern {
            pieces: leak(pieces),
            names,
        },
        regex,
    )
}

const ALPHABET: &[&str] = &["a", "b", "c", "一", "x", "aa", "ab"];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]
    #[test]
    fn random_patterns_find_what_their_regexes_find(
        seed in any::<u64>(),
        texts in prop::collection::vec(
            prop::collection::vec(prop::sample::select(ALPHABET), 0..10), 1..6
        ),
    ) {
        let (pattern, source) = grow(seed);
        let re = Regex::new(&source).expect("a valid regex");
        prop_assert!(!re.is_match(""), "{} matches the empty text", source);
        for t in texts {
            let t = t.concat();
            let found: Vec<Vec<Option<std::ops::Range<usize>>>> =
                pattern.captures_iter(&t).iter().map(|f| f.groups()).collect();
            let expected: Vec<Vec<Option<std::ops::Range<usize>>>> = re
                .captures_iter(&t)
                .map(|c| c.iter().map(|m| m.map(|m| m.range())).collect())
                .collect();
            prop_assert_eq!(found, expected, "{} in {:?}", source, t);
        }
    }
}
