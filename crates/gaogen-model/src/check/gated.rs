//! Patterns searched only where they can match: a regex compiled on first use, behind a cheap
//! test that every text the regex matches passes (a literal every match holds, found by
//! substring search, or a small hand-written test). A text that fails the test is not
//! searched, and a run whose texts all fail it never compiles the regex.
//!
//! The test is a necessary condition, so the results are the regex's own: `tests` below check
//! every gate against its regex on texts that match and texts that nearly do.

use memchr::memmem;
use regex::{Captures, Match, Regex};
use std::sync::OnceLock;

/// What a text must pass before the regex is run on it.
pub(crate) enum Gate {
    /// One of these literals is in every match.
    Literals(&'static [&'static str]),
    /// A test every matching text passes.
    Test(fn(&str) -> bool),
}

/// A regex searched only in texts that pass its gate.
pub(crate) struct Gated {
    source: &'static str,
    gate: Gate,
    regex: OnceLock<Regex>,
    finders: OnceLock<Vec<memmem::Finder<'static>>>,
}

impl Gated {
    pub(crate) const fn new(source: &'static str, gate: Gate) -> Self {
        Gated {
            source,
            gate,
            regex: OnceLock::new(),
            finders: OnceLock::new(),
        }
    }

    /// The regex itself (compiled now if it was not).
    pub(crate) fn regex(&self) -> &Regex {
        self.regex
            .get_or_init(|| Regex::new(self.source).expect("pattern is valid"))
    }

    /// Whether the regex can match somewhere in `text`.
    pub(crate) fn may_match(&self, text: &str) -> bool {
        match &self.gate {
            // One prebuilt SIMD substring search a literal (nothing to compile; the gates hold
            // one to twelve literals).
            Gate::Literals(literals) => self
                .finders
                .get_or_init(|| literals.iter().map(memmem::Finder::new).collect())
                .iter()
                .any(|f| f.find(text.as_bytes()).is_some()),
            Gate::Test(test) => test(text),
        }
    }

    /// The regex, when `text` passes the gate.
    fn for_text(&self, text: &str) -> Option<&Regex> {
        self.may_match(text).then(|| self.regex())
    }

    /// `Regex::captures_iter`, or nothing when the text fails the gate.
    pub(crate) fn captures_iter<'s, 'h>(
        &'s self,
        text: &'h str,
    ) -> impl Iterator<Item = Captures<'h>> + use<'s, 'h> {
        self.for_text(text)
            .into_iter()
            .flat_map(move |r| r.captures_iter(text))
    }

    /// `Regex::find_iter`, or nothing when the text fails the gate.
    pub(crate) fn find_iter<'s, 'h>(
        &'s self,
        text: &'h str,
    ) -> impl Iterator<Item = Match<'h>> + use<'s, 'h> {
        self.for_text(text)
            .into_iter()
            .flat_map(move |r| r.find_iter(text))
    }
}

/// Whether a period can be written: a year before 「年」 and 「31」 (its end, 12 月 31 日).
pub(crate) fn year_and_31(text: &str) -> bool {
    digit_before_nian(text) && text.contains("31")
}

/// The places of 「年」 with an ASCII digit before them (white space between).
fn years(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.match_indices('年').map(|(at, _)| at).filter(|&at| {
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
