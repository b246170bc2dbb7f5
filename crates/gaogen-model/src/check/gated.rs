//! Patterns searched only where they can match: a rule's pattern, written as data
//! ([`pattern::Pattern`], searched by backtracking: nothing to compile unless a text built to
//! defeat backtracking spends a search's budget), behind a cheap test that
//! every text the pattern matches passes (a literal every match holds, found by substring
//! search, or a small hand-written test). A text that fails the test is not searched.
//!
//! Each pattern keeps the regex it is written from (`source`): the tests check that the
//! pattern finds exactly what the regex finds, and that every text the regex matches passes
//! the gate, so the results are the regex's own.

use crate::check::words::Words;
use memchr::memmem;
use std::sync::OnceLock;

pub(crate) mod pattern;

use pattern::{Fallback, Firsts};
pub(crate) use pattern::{Found, Hit, Pattern, Piece, DIGITS, FRACTION, MANY, SPACES};

/// `\s*([0-9]+)\s*`: a count, group 1, between optional white space (a one-way `Either` is a
/// sequence inside a sequence).
pub(crate) const COUNT: Piece =
    Piece::Either(&[&[SPACES, Piece::Open(1), DIGITS, Piece::Close(1), SPACES]]);

/// What a text must pass before the pattern is searched in it.
pub(crate) enum Gate {
    /// One of these literals is in every match.
    Literals(&'static [&'static str]),
    /// A test every matching text passes.
    Test(fn(&str) -> bool),
}

/// A pattern searched only in texts that pass its gate.
pub(crate) struct Gated {
    /// The regex the pattern is written from: what the tests compare it with, and what finishes
    /// a search that spends its budget.
    fallback: Fallback,
    gate: Gate,
    pattern: Pattern,
    /// The gate's literals with their searchers (none for a test).
    literals: Words,
    firsts: OnceLock<Firsts>,
}

impl Gated {
    pub(crate) const fn new(source: &'static str, gate: Gate, pattern: Pattern) -> Self {
        let literals = match gate {
            Gate::Literals(literals) => Words::new(literals),
            Gate::Test(_) => Words::new(&[]),
        };
        Gated {
            fallback: Fallback::new(source),
            gate,
            pattern,
            literals,
            firsts: OnceLock::new(),
        }
    }

    /// The regex the pattern is written from, compiled (for the tests).
    #[cfg(test)]
    pub(crate) fn regex(&self) -> regex::Regex {
        regex::Regex::new(self.fallback.source).expect("pattern is valid")
    }

    /// The pattern itself (for the tests).
    #[cfg(test)]
    pub(crate) fn pattern(&self) -> &Pattern {
        &self.pattern
    }

    /// The matches in `text`, the gate left out.
    pub(crate) fn ungated<'s, 'h>(&'s self, text: &'h str) -> pattern::Matches<'s, 'h> {
        let firsts = self.firsts.get_or_init(|| Firsts::of(&self.pattern));
        self.pattern.matches(firsts, Some(&self.fallback), text)
    }

    /// Whether the pattern can match somewhere in `text`.
    pub(crate) fn may_match(&self, text: &str) -> bool {
        match &self.gate {
            // One prebuilt SIMD substring search a literal (nothing to compile; the gates hold
            // one to twelve literals).
            Gate::Literals(_) => self.literals.any_in(text),
            Gate::Test(test) => test(text),
        }
    }

    /// The matches in `text` (`Regex::captures_iter`), none when the text fails the gate.
    pub(crate) fn captures_iter<'s, 'h>(
        &'s self,
        text: &'h str,
    ) -> impl Iterator<Item = Found<'h>> + use<'s, 'h> {
        self.matches_if(self.may_match(text), text)
    }

    /// The matches in `text` where its gate was passed, none where it was not.
    fn matches_if<'s, 'h>(
        &'s self,
        passed: bool,
        text: &'h str,
    ) -> impl Iterator<Item = Found<'h>> + use<'s, 'h> {
        passed.then(|| self.ungated(text)).into_iter().flatten()
    }

    /// The gate narrowed to the texts of one report: a literal found in none of them is not
    /// looked for again in each. The texts are searched once, joined by line ends (no literal
    /// holds one, so none is found across two texts): one search a literal over the report
    /// instead of one a literal for every paragraph.
    pub(crate) fn narrowed<'t>(&self, texts: impl IntoIterator<Item = &'t str>) -> Narrowed<'_> {
        let Gate::Literals(_) = &self.gate else {
            return Narrowed {
                gated: self,
                present: Vec::new(),
            };
        };
        let mut joined = String::new();
        for text in texts {
            joined.push_str(text);
            joined.push('\n');
        }
        let present = self.literals.present_in(&joined);
        Narrowed {
            gated: self,
            present,
        }
    }

    /// Where the matches in `text` are (`Regex::find_iter`), none when the text fails the gate.
    pub(crate) fn find_iter<'s, 'h>(
        &'s self,
        text: &'h str,
    ) -> impl Iterator<Item = Hit<'h>> + use<'s, 'h> {
        self.captures_iter(text)
            .map(|found| found.get(0).expect("group 0"))
    }
}

/// A gate narrowed to the literals one report holds ([`Gated::narrowed`]).
pub(crate) struct Narrowed<'g> {
    gated: &'g Gated,
    /// The literals found in the report's texts, by their place in the gate.
    present: Vec<usize>,
}

impl Narrowed<'_> {
    /// Whether the pattern can match somewhere in `text`, one of the report's texts: what
    /// [`Gated::may_match`] says, searching only the literals the report holds.
    pub(crate) fn may_match(&self, text: &str) -> bool {
        match &self.gated.gate {
            Gate::Literals(_) => self.gated.literals.any_of_in(&self.present, text),
            Gate::Test(test) => test(text),
        }
    }

    /// The matches in `text`, one of the report's texts (`Regex::captures_iter`).
    pub(crate) fn captures_iter<'s, 'h>(
        &'s self,
        text: &'h str,
    ) -> impl Iterator<Item = Found<'h>> + use<'s, 'h> {
        self.gated.matches_if(self.may_match(text), text)
    }
}

/// Whether a period can be written: a year before 「年」 and 「31」 (its end, 12 月 31 日).
pub(crate) fn year_and_31(text: &str) -> bool {
    digit_before_nian(text) && text.contains("31")
}

/// The places of 「年」 with an ASCII digit before them (white space between).
fn years(text: &str) -> impl Iterator<Item = usize> + '_ {
    // memchr's substring search, not `match_indices`: that one looks for 「年」's last byte,
    // which ends one Chinese character in 64.
    static NIAN: OnceLock<memmem::Finder<'static>> = OnceLock::new();
    let nian = NIAN.get_or_init(|| memmem::Finder::new("年"));
    nian.find_iter(text.as_bytes()).filter(move |&at| {
        text[..at]
            .chars()
            .rev()
            .find(|c| !c.is_whitespace())
            .is_some_and(|c| c.is_ascii_digit())
    })
}

/// Whether an ASCII digit stands before some 「年」, with only white space between (`[0-9]\s*年`,
/// `\s` being Unicode white space as in the regex crate).
pub(crate) fn digit_before_nian(text: &str) -> bool {
    years(text).next().is_some()
}

#[cfg(test)]
mod tests;
