//! Classifying one physical line with the pest grammar in `grammar/report.pest`.
//!
//! pest's `Rule` and `Pairs` stay inside this module: the rest of the crate sees [`LineShape`].

use pest::Parser;
use pest_derive::Parser;
use smallvec::{smallvec, SmallVec};

#[derive(Parser)]
#[grammar = "../../grammar/report.pest"]
struct LineGrammar;

/// A cell as written: its text and its character columns within the line (0-based, end exclusive).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token<'a> {
    pub text: &'a str,
    pub start: u32,
    pub end: u32,
}

/// The cells of one hard cell: nearly always one, kept inline (no allocation a cell).
pub(crate) type Tokens<'a> = SmallVec<[Token<'a>; 1]>;

/// The hard cells of a line, kept inline up to two (no allocation a line): one for every line of
/// prose, two for a cell written alone on its line with a separator (「12061786 |」, 「\t自然人」),
/// the lines of the cell-per-line layouts.
pub(crate) type HardCells<'a> = SmallVec<[HardCell<'a>; 2]>;

/// The cells between two hard separators (`|` or tab).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct HardCell<'a> {
    pub tokens: Tokens<'a>,
    /// Character column (0-based) where the cell starts, after its separator.
    pub start: u32,
}

/// What a line is, before any schema knowledge, with its cells. The reader has a line's kind
/// from [`kind`] and the cells of a line of cells from [`cells_shape`]; the blank and page-number
/// shapes are those of the grammar's reading (`reference.rs`) that the tests compare.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum LineShape<'a> {
    #[cfg(test)]
    Blank,
    #[cfg(test)]
    PageNumber,
    /// Markdown table rule `|---|---|`.
    Rule,
    Cells {
        hard: HardCells<'a>,
        /// Whether the line used `|` (a pipe grid keeps column positions).
        piped: bool,
    },
}

/// What a line is, without its cells: all that the report outside the tables needs (one byte a
/// line, so a report keeps no line's cells; the table reader splits each line as it reads it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineKind {
    Blank,
    PageNumber,
    Rule,
    /// Cells; `single`: the whole line is one cell (no separator), as [`single_cell`] reads it.
    Cells {
        single: bool,
    },
}

/// A line that looks like a section heading: the ordinal and the text after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct HeadingShape<'a> {
    pub number: u8,
    pub text: &'a str,
    /// Character column where the heading's visible text starts (0-based).
    pub start: u32,
    pub end: u32,
}

/// Replaces every Unicode space by one ASCII space (tabs stay), so that columns keep counting the
/// original characters.
pub(crate) fn normalize_spaces(line: &str) -> std::borrow::Cow<'_, str> {
    // Every odd space starts with one of these bytes (ASCII line ends and form feeds; the lead
    // bytes of U+0085/U+00A0, U+1680, U+2000–U+205F, U+3000 and U+FEFF): most characters of a
    // report are decided by one table lookup, without decoding them.
    const LEAD: [bool; 256] =
        gaogen_model::lines::byte_set(&[0x0a, 0x0b, 0x0c, 0x0d, 0xc2, 0xe1, 0xe2, 0xe3, 0xef]);
    let suspect = line
        .bytes()
        .enumerate()
        .filter(|&(_, b)| LEAD[b as usize])
        .any(|(i, _)| line[i..].chars().next().is_some_and(is_odd_space));
    if suspect {
        line.chars()
            .map(|c| if is_odd_space(c) { ' ' } else { c })
            .collect::<String>()
            .into()
    } else {
        line.into()
    }
}

/// Whether a character is an odd space: white space other than the ASCII space and the tab,
/// or a zero-width space, a byte-order mark or a form feed ([`normalize_spaces`] replaces them).
fn is_odd_space(c: char) -> bool {
    c != ' ' && c != '\t' && (c.is_whitespace() || matches!(c, '\u{200b}' | '\u{feff}' | '\u{0c}'))
}

/// The odd spaces of a whole text (every character [`is_odd_space`] tells but the line ends,
/// which are never inside a line), found by SIMD searches for their UTF-8 forms as the lines are
/// visited in order: one search a form, each going forward only, instead of a test of every byte.
pub(crate) struct OddSpaces<'a> {
    bytes: &'a [u8],
    /// For each form of [`FORMS`], where it next stands at or after the lines asked about
    /// (`usize::MAX`: nowhere).
    next: [usize; FORMS],
    /// The nearest of them.
    first: usize,
}

/// The searches: U+000B/U+000C; U+0085/U+00A0 (after the byte C2); U+2000–U+200B, U+2028,
/// U+2029 and U+202F (after E2 80); U+205F; U+1680; U+3000; U+FEFF.
const FORMS: usize = 7;

impl<'a> OddSpaces<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        let mut odd = OddSpaces {
            bytes: text.as_bytes(),
            next: [0; FORMS],
            first: 0,
        };
        for form in 0..FORMS {
            odd.next[form] = odd.find(form, 0);
        }
        odd.first = odd.next.iter().copied().min().unwrap_or(usize::MAX);
        odd
    }

    /// Whether an odd space stands in `start..end`; calls come with ranges in increasing order.
    pub(crate) fn any_in(&mut self, start: usize, end: usize) -> bool {
        // Most lines lie before the nearest odd space: nothing to search again.
        if self.first < start {
            for form in 0..FORMS {
                if self.next[form] < start {
                    self.next[form] = self.find(form, start);
                }
            }
            self.first = self.next.iter().copied().min().unwrap_or(usize::MAX);
        }
        self.first < end
    }

    /// Where form `form` next stands at or after `from`.
    fn find(&self, form: usize, from: usize) -> usize {
        static FINDERS: std::sync::OnceLock<[memchr::memmem::Finder<'static>; 5]> =
            std::sync::OnceLock::new();
        let finders = FINDERS.get_or_init(|| {
            [
                "\u{2000}".as_bytes()[..2].to_vec(),
                "\u{205f}".as_bytes().to_vec(),
                "\u{1680}".as_bytes().to_vec(),
                "\u{3000}".as_bytes().to_vec(),
                "\u{feff}".as_bytes().to_vec(),
            ]
            .map(|needle| memchr::memmem::Finder::new(&needle).into_owned())
        });
        let hay = &self.bytes[from.min(self.bytes.len())..];
        let at = match form {
            0 => memchr::memchr2(0x0b, 0x0c, hay),
            // C2 leads U+0080–U+00BF: only U+0085 and U+00A0 are spaces.
            1 => memchr::memchr_iter(0xc2, hay)
                .find(|&i| matches!(hay.get(i + 1), Some(0x85 | 0xa0))),
            // E2 80 leads U+2000–U+203F (quotes and dashes too).
            2 => finders[0]
                .find_iter(hay)
                .find(|&i| matches!(hay.get(i + 2), Some(0x80..=0x8b | 0xa8 | 0xa9 | 0xaf))),
            _ => finders[form - 2].find(hay),
        };
        at.map_or(usize::MAX, |i| from + i)
    }
}

#[cfg(test)]
#[test]
fn odd_spaces_are_found_by_their_forms_for_every_scalar_value() {
    for c in (0..=0x10ffu32 * 0x100 + 0xff).filter_map(char::from_u32) {
        if matches!(c, '\n' | '\r') {
            continue;
        }
        let text = format!("a{c}b");
        let mut odd = OddSpaces::new(&text);
        assert_eq!(odd.any_in(0, text.len()), is_odd_space(c), "{:?}", c);
    }
}

/// Converts byte offsets of one line to character columns, moving forward only.
struct Columns<'a> {
    line: &'a str,
    byte: usize,
    chars: u32,
}

impl<'a> Columns<'a> {
    fn new(line: &'a str) -> Self {
        Columns {
            line,
            byte: 0,
            chars: 0,
        }
    }

    fn at(&mut self, byte: usize) -> u32 {
        if byte < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += self.line[self.byte..byte].chars().count() as u32;
        self.byte = byte;
        self.chars
    }
}

const CN: [char; 6] = ['一', '二', '三', '四', '五', '六'];

/// If the line looks like a section heading, its parts: the `heading_line` rule written out by
/// hand (property-tested against the grammar, `reference::grammar_heading`). pest spent ~100
/// instructions a character on the heading text, and a heading line often holds its first
/// paragraph.
pub(crate) fn heading(line: &str) -> Option<HeadingShape<'_>> {
    let b = line.as_bytes();
    // A heading line starts with a space, a markdown mark or the first byte of 一–六 (0xE4 or
    // 0xE5): most lines are turned away by their first byte.
    if !matches!(b.first(), Some(b' ' | b'#' | b'*' | b'_' | 0xe4 | 0xe5)) {
        return None;
    }
    let spaces = |mut i: usize| {
        while b.get(i) == Some(&b' ') {
            i += 1;
        }
        i
    };
    let mut i = spaces(0);
    // `"#"{1,6}` takes at most six: a seventh is then no section number.
    let hashes = b[i..].iter().take(6).take_while(|&&c| c == b'#').count();
    i = spaces(i + hashes);
    if b[i..].starts_with(b"**") || b[i..].starts_with(b"__") {
        i += 2;
    }
    i = spaces(i);
    let c = line[i..].chars().next()?;
    let number = CN.iter().position(|&d| d == c)? as u8 + 1;
    let number_at = i;
    i = spaces(i + c.len_utf8());
    let sep = ["、", "，", "．", ".", ",", "："]
        .into_iter()
        .find(|s| line[i..].starts_with(s))?;
    i = spaces(i + sep.len());
    // `heading_text`: at least one character, none a hard separator, to the end of the line.
    let rest = &line[i..];
    if rest.is_empty() || memchr::memchr2(b'|', b'\t', rest.as_bytes()).is_some() {
        return None;
    }
    let text = rest.trim_end();
    let mut cols = Columns::new(line);
    let start = cols.at(number_at);
    let end = cols.at(i + text.len());
    Some(HeadingShape {
        number,
        text,
        start,
        end,
    })
}

/// What a line is when that is decided without splitting it (`reference::quick_shape` gives
/// the shapes).
enum Quick {
    Blank,
    PageNumber,
    /// One cell, the trimmed line ([`single_cell`]).
    Single,
    /// The line needs [`scan_shape`].
    Scan,
}

fn quick(line: &str) -> Quick {
    // `trim().is_empty()`, stopping at the first character that is not a space: where it stands
    // is also where `trim_start()` would start.
    let Some(lead_at) = line.char_indices().find(|&(_, c)| !c.is_whitespace()) else {
        return Quick::Blank;
    };
    let lead = &line[lead_at.0..];
    if lead.starts_with(['-', '—', '–', '－'])
        && LineGrammar::parse(Rule::page_number, line).is_ok()
    {
        return Quick::PageNumber;
    }
    // `trim_matches(' ')` over bytes (the space is ASCII, so no character is split).
    let bytes = line.as_bytes();
    let from = bytes.iter().position(|&b| b != b' ').unwrap_or(bytes.len());
    let to = bytes
        .iter()
        .rposition(|&b| b != b' ')
        .map_or(from, |i| i + 1);
    let inner = &bytes[from..to];
    static TWO_SPACES: std::sync::OnceLock<memchr::memmem::Finder<'static>> =
        std::sync::OnceLock::new();
    let two_spaces = TWO_SPACES.get_or_init(|| memchr::memmem::Finder::new(b"  "));
    if memchr::memchr2(b'|', b'\t', inner).is_none() && two_spaces.find(inner).is_none() {
        return Quick::Single;
    }
    // No table row of the format is this long (a whole 表三 on one line is about 10 KB): such a
    // line is kept whole as text, not split into millions of cells (memory stays linear).
    if line.len() > MAX_CELL_LINE {
        return Quick::Single;
    }
    Quick::Scan
}

/// The kind of a line, as its shape has it (`reference::shape`), without keeping its cells.
/// Only a line with a `|` whose characters are all separators, spaces and rule marks can be a
/// [`LineShape::Rule`]: only such a line is split to tell.
pub(crate) fn kind(line: &str) -> LineKind {
    match quick(line) {
        Quick::Blank => LineKind::Blank,
        Quick::PageNumber => LineKind::PageNumber,
        Quick::Single => LineKind::Cells { single: true },
        Quick::Scan => {
            let rule_marks_only = line
                .chars()
                .all(|c| matches!(c, '|' | '\t' | ' ' | '-' | ':' | '—' | '='));
            if rule_marks_only && line.contains('|') {
                match scan_shape(line) {
                    LineShape::Rule => LineKind::Rule,
                    _ => LineKind::Cells { single: false },
                }
            } else {
                LineKind::Cells { single: false }
            }
        }
    }
}

/// The cells of a line of kind [`LineKind::Cells`] (`None` for the other kinds).
pub(crate) fn cells_shape(line: &str, kind: LineKind) -> Option<LineShape<'_>> {
    match kind {
        LineKind::Cells { single: true } => Some(single_cell(line)),
        LineKind::Cells { single: false } => Some(scan_shape(line)),
        _ => None,
    }
}

/// Longest line (bytes) that is split into cells.
pub(crate) const MAX_CELL_LINE: usize = 64 * 1024;

/// The `cell_line` rule written out by hand over bytes (the separators are ASCII, so no UTF-8
/// continuation byte is taken for one): hard cells split at `|` and tab; inside them soft cells
/// start at a character that is not a space and stop before a separator or two spaces. A line
/// holding a line feed is one cell, as the grammar leaves it.
/// The bytes that can end a token: the hard separators and the space.
const STOPS: [bool; 256] = gaogen_model::lines::byte_set(b"|\t ");

fn scan_shape(line: &str) -> LineShape<'_> {
    let b = line.as_bytes();
    if memchr::memchr(b'\n', b).is_some() {
        return single_cell(line);
    }
    let n = b.len();
    // `col` is the character column of byte `i`, counted along (a byte that is no UTF-8
    // continuation byte starts a character).
    let (mut i, mut col) = (0, 0u32);
    let mut hard = HardCells::new();
    let mut piped = false;
    loop {
        let mut cell = HardCell {
            tokens: Tokens::new(),
            start: col,
        };
        while i < n && b[i] == b' ' {
            i += 1;
            col += 1;
        }
        loop {
            let (s, s_col) = (i, col);
            // One table lookup a byte: only a separator or a space stops the run (a space only
            // when another follows it).
            while i < n
                && !(STOPS[b[i] as usize] && (b[i] != b' ' || (i + 1 < n && b[i + 1] == b' ')))
            {
                col += u32::from(b[i] & 0xc0 != 0x80);
                i += 1;
            }
            if i == s {
                break;
            }
            // A single space before a hard separator belongs to no cell.
            let text = line[s..i].trim_end();
            let trimmed = line[s + text.len()..i].chars().count() as u32;
            cell.tokens.push(Token {
                text,
                start: s_col,
                end: col - trimmed,
            });
            while i < n && b[i] == b' ' {
                i += 1;
                col += 1;
            }
        }
        hard.push(cell);
        match b.get(i) {
            Some(&sep @ (b'|' | b'\t')) => {
                piped |= sep == b'|';
                i += 1;
                col += 1;
                // A line with separators is a table row: room for all its cells at once (one
                // more than the separators left), no more.
                if hard.len() == 1 {
                    hard.reserve_exact(memchr::memchr2_iter(b'|', b'\t', &b[i..]).count() + 1);
                }
            }
            _ => break,
        }
    }
    finish(line, hard, piped)
}

/// What `cell_line` gives for a line with no separator at all — one cell, the trimmed line —
/// without running the parser: most characters of a report are in such prose lines.
fn single_cell(line: &str) -> LineShape<'_> {
    let text = line.trim_matches(' ');
    let start = line[..line.len() - line.trim_start_matches(' ').len()]
        .chars()
        .count() as u32;
    let end = start + text.chars().count() as u32;
    LineShape::Cells {
        hard: smallvec![HardCell {
            tokens: smallvec![Token { text, start, end }],
            start: 0,
        }],
        piped: false,
    }
}

/// A line's hard cells as a shape: a Markdown rule, or cells without the empty ones outside the
/// outer pipes.
fn finish<'a>(line: &'a str, mut hard: HardCells<'a>, piped: bool) -> LineShape<'a> {
    if piped {
        let is_rule = |t: &Token<'_>| t.text.chars().all(|c| matches!(c, '-' | ':' | '—' | '='));
        // 「- |」 or 「— |」 alone (one cell per line): an empty cell written as a dash, not a rule.
        let mut tokens = hard.iter().flat_map(|h| &h.tokens);
        let lone_dash = matches!(
            (tokens.next(), tokens.next()),
            (Some(t), None) if matches!(t.text, "-" | "—" | "——" | "--")
        );
        if !lone_dash && hard.iter().flat_map(|h| &h.tokens).all(is_rule) {
            return LineShape::Rule;
        }
        // `| a | b |`: the empty cells outside the outer pipes are not grid cells.
        if line.trim_start().starts_with('|') && hard.first().is_some_and(|h| h.tokens.is_empty()) {
            hard.remove(0);
        }
        if line.trim_end().ends_with('|') && hard.last().is_some_and(|h| h.tokens.is_empty()) {
            hard.pop();
        }
    }
    LineShape::Cells { hard, piped }
}

#[cfg(test)]
mod reference;
#[cfg(test)]
use reference::*;

#[cfg(test)]
mod tests;
