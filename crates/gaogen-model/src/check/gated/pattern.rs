//! A rule's pattern written as data and searched by backtracking, so that no regex is compiled
//! when a report is checked (compiling the rules' regexes was half of a one-report `check`).
//!
//! A [`Pattern`] is the regex it replaces, piece by piece: literals tried in the regex's order,
//! optional literals, greedy character repetitions, alternatives of sequences and capture groups.
//! The search is the regex crate's semantics (leftmost-first, like a backtracking engine):
//! the leftmost start where the pattern matches, and there the first way to match in the
//! pattern's order of preference. `gated/tests.rs` compares every pattern with its regex (the
//! `source` kept beside it) on texts built from the patterns' pieces and their near misses.
//!
//! Backtracking can take time quadratic in a text built to defeat it: a long run of 「…」 with
//! nothing after it would be tried from each of its characters. An alternative that starts
//! with a repetition and failed at a run's first character is not tried again inside that run
//! (from any later character of it, it tries fewer places for the rest, all of which failed).
//! And a search has a budget of steps proportional to the text's length ([`STEPS_PER_BYTE`]): a
//! search that spends it is finished by the regex (compiled then, once), whose time is linear,
//! with the same answers.

pub(crate) use firsts::Firsts;
use regex::Regex;
use std::ops::Range;
use std::sync::OnceLock;

/// The most capture groups a pattern has, group 0 (the whole match) included.
pub(crate) const GROUPS: usize = 6;

/// Steps a search may take for each byte of its text (plus [`STEPS_PER_BYTE`] × 64): real
/// texts take fewer than one; past the budget the regex finishes the search.
const STEPS_PER_BYTE: usize = 16;

/// No upper bound on a repetition (`+`, `*`, `{n,}`).
pub(crate) const MANY: usize = usize::MAX;

/// One piece of a pattern.
#[derive(Debug)]
pub(crate) enum Piece {
    /// One of these literals, tried in order (`(?:a|b)`).
    Lits(&'static [&'static str]),
    /// One of these literals or none, tried in order before none (`(?:a|b)?`).
    Opt(&'static [&'static str]),
    /// `min` to `max` characters passing `test`, as many as possible first (`[..]{min,max}`).
    Chars {
        test: fn(char) -> bool,
        min: usize,
        max: usize,
    },
    /// One of these sequences, tried in order (`(?:ab|c)`; an empty last sequence makes it
    /// optional).
    Either(&'static [&'static [Piece]]),
    /// The start of capture group N.
    Open(usize),
    /// The end of capture group N.
    Close(usize),
    /// The start of the text (`^`).
    Start,
    /// The end of the text (`$`).
    End,
}

/// `\s*`: Unicode white space (the regex crate's `\s`, `char::is_whitespace`), any number.
pub(crate) const SPACES: Piece = Piece::Chars {
    test: char::is_whitespace,
    min: 0,
    max: MANY,
};

/// `[0-9]+`.
pub(crate) const DIGITS: Piece = Piece::Chars {
    test: is_digit,
    min: 1,
    max: MANY,
};

/// `(?:\.[0-9]+)?`: an optional decimal part.
pub(crate) const FRACTION: Piece = Piece::Either(&[&[Piece::Lits(&["."]), DIGITS], &[]]);

fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
}

/// A whole pattern: its alternatives and the names of its groups (`None` for group 0 and
/// unnamed groups, as the regex crate's `capture_names`).
#[derive(Debug)]
pub(crate) struct Pattern {
    pub(crate) pieces: &'static [Piece],
    pub(crate) names: &'static [Option<&'static str>],
}

/// A match: the text and where each group matched.
#[derive(Debug, Clone)]
pub(crate) struct Found<'h> {
    text: &'h str,
    names: &'static [Option<&'static str>],
    groups: [Option<(usize, usize)>; GROUPS],
}

/// Where a group matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit<'h> {
    text: &'h str,
    start: usize,
    end: usize,
}

impl<'h> Hit<'h> {
    pub(crate) fn as_str(&self) -> &'h str {
        &self.text[self.start..self.end]
    }
    pub(crate) fn range(&self) -> Range<usize> {
        self.start..self.end
    }
    pub(crate) fn start(&self) -> usize {
        self.start
    }
}

impl<'h> Found<'h> {
    /// Group `i` (0: the whole match), when it took part in the match.
    pub(crate) fn get(&self, i: usize) -> Option<Hit<'h>> {
        let (start, end) = (*self.groups.get(i)?)?;
        Some(Hit {
            text: self.text,
            start,
            end,
        })
    }
    /// The group named `name`, when it took part in the match.
    pub(crate) fn name(&self, name: &str) -> Option<Hit<'h>> {
        let i = self.names.iter().position(|n| *n == Some(name))?;
        self.get(i)
    }
    /// Every group, in order (for the tests).
    #[cfg(test)]
    pub(crate) fn groups(&self) -> Vec<Option<Range<usize>>> {
        (0..self.names.len())
            .map(|i| self.get(i).map(|h| h.range()))
            .collect()
    }
}

/// What is left to match after the current sequence: the rest of enclosing sequences.
struct Then<'a> {
    pieces: &'a [Piece],
    next: Option<&'a Then<'a>>,
}

/// The search's state at one start.
struct State<'h> {
    text: &'h str,
    opens: [usize; GROUPS],
    groups: [Option<(usize, usize)>; GROUPS],
    /// Steps left; at 0 every step fails, so no match is found after the budget is spent.
    steps: usize,
}

impl State<'_> {
    /// The end of a match of `pieces` then `then` from `at`, the first in the order of
    /// preference.
    fn run(&mut self, pieces: &[Piece], then: Option<&Then>, at: usize) -> Option<usize> {
        self.steps = self.steps.checked_sub(1)?;
        let Some((piece, rest)) = pieces.split_first() else {
            return match then {
                Some(t) => self.run(t.pieces, t.next, at),
                None => Some(at),
            };
        };
        match piece {
            Piece::Lits(lits) => self.literals(lits, rest, then, at),
            Piece::Opt(lits) => self
                .literals(lits, rest, then, at)
                .or_else(|| self.run(rest, then, at)),
            &Piece::Chars { test, min, max } => {
                let tail = &self.text[at..];
                let mut taken = 0;
                let mut end = at;
                for c in tail.chars().take_while(|&c| test(c)).take(max) {
                    taken += 1;
                    end += c.len_utf8();
                }
                // As many as possible first, then one fewer each time down to `min`.
                loop {
                    if taken < min {
                        return None;
                    }
                    if let Some(found) = self.run(rest, then, end) {
                        return Some(found);
                    }
                    if taken == min {
                        return None;
                    }
                    let last = self.text[..end].chars().next_back().expect("a taken char");
                    end -= last.len_utf8();
                    taken -= 1;
                }
            }
            Piece::Either(ways) => {
                let after = Then {
                    pieces: rest,
                    next: then,
                };
                ways.iter().find_map(|way| self.run(way, Some(&after), at))
            }
            &Piece::Open(g) => {
                let before = self.opens[g];
                self.opens[g] = at;
                let found = self.run(rest, then, at);
                if found.is_none() {
                    self.opens[g] = before;
                }
                found
            }
            &Piece::Close(g) => {
                let before = self.groups[g];
                self.groups[g] = Some((self.opens[g], at));
                let found = self.run(rest, then, at);
                if found.is_none() {
                    self.groups[g] = before;
                }
                found
            }
            Piece::Start => (at == 0).then(|| self.run(rest, then, at)).flatten(),
            Piece::End => (at == self.text.len())
                .then(|| self.run(rest, then, at))
                .flatten(),
        }
    }

    fn literals(
        &mut self,
        lits: &[&str],
        rest: &[Piece],
        then: Option<&Then>,
        at: usize,
    ) -> Option<usize> {
        let tail = self.text.as_bytes().get(at..)?;
        lits.iter().find_map(|lit| {
            tail.starts_with(lit.as_bytes())
                .then(|| self.run(rest, then, at + lit.len()))
                .flatten()
        })
    }
}

impl Pattern {
    /// The matches in `text`, one after another (`Regex::captures_iter`); `firsts` must be
    /// [`Firsts::of`] this pattern, and `fallback` its regex, which finishes a search that spends
    /// its budget (without one, the search has no budget).
    pub(crate) fn matches<'p, 'h>(
        &'p self,
        firsts: &'p Firsts,
        fallback: Option<&'p Fallback>,
        text: &'h str,
    ) -> Matches<'p, 'h> {
        let budget = match fallback {
            Some(_) => STEPS_PER_BYTE.saturating_mul(text.len().saturating_add(64)),
            None => usize::MAX,
        };
        Matches {
            pattern: self,
            firsts,
            fallback,
            regex: None,
            text,
            at: 0,
            budget,
        }
    }

    /// The matches in `text` (for the tests: the first characters are worked out each time).
    #[cfg(test)]
    pub(crate) fn captures_iter<'h>(&self, text: &'h str) -> Vec<Found<'h>> {
        let firsts = Firsts::of(self);
        self.matches(&firsts, None, text).collect()
    }

    /// The pattern's alternatives: the ways of a leading `Either` alone, else the whole.
    fn alternatives(&self) -> &[&'static [Piece]] {
        match self.pieces {
            [Piece::Either(ways)] => ways,
            _ => std::slice::from_ref(&self.pieces),
        }
    }

    /// The first match starting at `from` or later; `Err` when the budget ran out first.
    fn find_at<'h>(
        &self,
        firsts: &Firsts,
        text: &'h str,
        from: usize,
        budget: &mut usize,
    ) -> Result<Option<Found<'h>>, Spent> {
        let mut state = State {
            text,
            opens: [0; GROUPS],
            groups: [None; GROUPS],
            steps: *budget,
        };
        let ways = self.alternatives();
        // For each alternative, where a failed run it starts with ends: it fails before that.
        let mut failed_until = [0usize; 8];
        let starts = text[from..]
            .char_indices()
            .map(|(i, c)| (from + i, Some(c)))
            .chain(std::iter::once((text.len(), None)))
            .filter(|&(_, c)| firsts.admits_any(c));
        for (start, c) in starts {
            for (i, way) in ways.iter().enumerate() {
                if !firsts.admits(i, c) || failed_until.get(i).is_some_and(|&until| start < until) {
                    continue;
                }
                state.groups = [None; GROUPS];
                let end = state.run(way, None, start);
                *budget = state.steps;
                if let Some(end) = end {
                    state.groups[0] = Some((start, end));
                    return Ok(Some(Found {
                        text,
                        names: self.names,
                        groups: state.groups,
                    }));
                }
                if state.steps == 0 {
                    return Err(Spent);
                }
                if let (Some(until), Some(slot)) =
                    (run_end(way, text, start), failed_until.get_mut(i))
                {
                    *slot = until;
                }
            }
        }
        Ok(None)
    }
}

/// Where the run of a leading unbounded repetition of `way` ends when it starts at `start`
/// (`None` when `way` does not start with one).
fn run_end(way: &[Piece], text: &str, start: usize) -> Option<usize> {
    let first = way
        .iter()
        .find(|p| !matches!(p, Piece::Open(_) | Piece::Close(_)))?;
    let &Piece::Chars {
        test, max: MANY, ..
    } = first
    else {
        return None;
    };
    let run: usize = text[start..]
        .chars()
        .take_while(|&c| test(c))
        .map(char::len_utf8)
        .sum();
    Some(start + run)
}

/// The budget of a search ran out.
struct Spent;

/// A pattern's regex, compiled when a search first spends its budget.
#[derive(Debug)]
pub(crate) struct Fallback {
    pub(crate) source: &'static str,
    regex: OnceLock<Regex>,
}

impl Fallback {
    pub(crate) const fn new(source: &'static str) -> Fallback {
        Fallback {
            source,
            regex: OnceLock::new(),
        }
    }

    fn regex(&self) -> &Regex {
        self.regex
            .get_or_init(|| Regex::new(self.source).expect("pattern is valid"))
    }
}

/// The matches of a pattern in a text (see [`Pattern::matches`]).
pub(crate) struct Matches<'p, 'h> {
    pattern: &'p Pattern,
    firsts: &'p Firsts,
    fallback: Option<&'p Fallback>,
    /// Set once the budget is spent: the regex finds the rest.
    regex: Option<&'p Regex>,
    text: &'h str,
    at: usize,
    budget: usize,
}

impl Matches<'_, '_> {
    /// Whether the regex finished the search (for the tests).
    #[cfg(test)]
    pub(crate) fn fell_back(&self) -> bool {
        self.regex.is_some()
    }
}

impl<'h> Iterator for Matches<'_, 'h> {
    type Item = Found<'h>;
    fn next(&mut self) -> Option<Found<'h>> {
        if self.at > self.text.len() {
            return None;
        }
        let found = match self.regex {
            Some(regex) => self.by_regex(regex)?,
            None => match self
                .pattern
                .find_at(self.firsts, self.text, self.at, &mut self.budget)
            {
                Ok(found) => found?,
                Err(Spent) => {
                    let regex = self
                        .fallback
                        .expect("a budget only with a fallback")
                        .regex();
                    self.regex = Some(regex);
                    self.by_regex(regex)?
                }
            },
        };
        let (start, end) = found.groups[0].expect("group 0");
        // No pattern here matches the empty text; were one to, the search moves on a character.
        self.at = if end > start {
            end
        } else {
            end + self.text[end..].chars().next().map_or(1, char::len_utf8)
        };
        Some(found)
    }
}

impl<'h> Matches<'_, 'h> {
    /// The regex's first match from `at` (the whole text seen, as `^` needs).
    fn by_regex(&self, regex: &Regex) -> Option<Found<'h>> {
        let caps = regex.captures_at(self.text, self.at)?;
        let mut groups = [None; GROUPS];
        for (i, group) in groups.iter_mut().enumerate().take(self.pattern.names.len()) {
            *group = caps.get(i).map(|m| (m.start(), m.end()));
        }
        Some(Found {
            text: self.text,
            names: self.pattern.names,
            groups,
        })
    }
}

mod firsts;
#[cfg(test)]
mod random;
#[cfg(test)]
mod tests;
