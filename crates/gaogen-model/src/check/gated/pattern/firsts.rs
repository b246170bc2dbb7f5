//! The characters a match can start with, worked out from a pattern's pieces.

use super::{Pattern, Piece};

/// The characters each alternative of a pattern can start a match with: an alternative is
/// only tried where one stands (most characters of a paragraph start none: this is what keeps
/// the search fast).
#[derive(Debug, Default)]
pub(crate) struct Firsts {
    /// Every alternative's first characters together.
    all: WayFirsts,
    ways: Vec<WayFirsts>,
}

#[derive(Debug, Default)]
struct WayFirsts {
    /// First characters of the literals a match can start with.
    chars: Vec<char>,
    /// Bit `c % 128` set for each of `chars`: most characters are turned away by one test,
    /// without comparing them with each of `chars`.
    mask: u128,
    /// Tests of the repetitions a match can start with.
    tests: Vec<fn(char) -> bool>,
    /// Whether a match can start anywhere (with `^`, `$` or nothing).
    any: bool,
}

impl Firsts {
    pub(crate) fn of(pattern: &Pattern) -> Firsts {
        let of = |pieces: &[Piece]| {
            let mut firsts = WayFirsts::default();
            if firsts.add(pieces) {
                firsts.any = true;
            }
            firsts
        };
        let ways = pattern.alternatives();
        Firsts {
            all: of(pattern.pieces),
            // One alternative: what admits the pattern admits it.
            ways: if ways.len() > 1 {
                ways.iter().map(|way| of(way)).collect()
            } else {
                Vec::new()
            },
        }
    }

    /// Whether alternative `way` can start a match with `c` (`None`: at the end of the text).
    pub(super) fn admits(&self, way: usize, c: Option<char>) -> bool {
        self.ways.get(way).is_none_or(|w| match c {
            Some(c) => w.admits(c),
            None => w.any,
        })
    }

    /// Whether some alternative can start a match with `c`.
    pub(super) fn admits_any(&self, c: Option<char>) -> bool {
        match c {
            Some(c) => self.all.admits(c),
            None => self.all.any,
        }
    }
}

impl WayFirsts {
    /// Adds the first characters of `pieces`; whether they can match the empty text.
    fn add(&mut self, pieces: &[Piece]) -> bool {
        for piece in pieces {
            match piece {
                Piece::Lits(lits) | Piece::Opt(lits) => {
                    for lit in lits.iter() {
                        match lit.chars().next() {
                            Some(c) => {
                                self.chars.push(c);
                                self.mask |= 1 << (u32::from(c) % 128);
                            }
                            None => self.any = true,
                        }
                    }
                    if matches!(piece, Piece::Lits(_)) {
                        return false;
                    }
                }
                &Piece::Chars { test, min, .. } => {
                    self.tests.push(test);
                    if min > 0 {
                        return false;
                    }
                }
                Piece::Either(ways) => {
                    let mut empty = false;
                    for way in ways.iter() {
                        empty |= self.add(way);
                    }
                    if !empty {
                        return false;
                    }
                }
                Piece::Open(_) | Piece::Close(_) => {}
                Piece::Start | Piece::End => {
                    self.any = true;
                    return false;
                }
            }
        }
        true
    }

    fn admits(&self, c: char) -> bool {
        self.any
            || (self.mask >> (u32::from(c) % 128) & 1 == 1 && self.chars.contains(&c))
            || self.tests.iter().any(|t| t(c))
    }
}
