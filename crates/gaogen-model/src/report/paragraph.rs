//! A paragraph of running text, and where each of its characters stands in the file.

use super::Span;
use serde::Serialize;

/// A paragraph of running text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Paragraph {
    pub text: String,
    pub span: Span,
    /// Where each line after the first starts, in `text` and in the file (the first starts at
    /// `span`'s start). Empty for a paragraph of one line, most of them: no allocation. Twelve
    /// bytes a line: a file of pasted reports has a million joined lines.
    #[serde(skip)]
    joins: Vec<Join>,
}

/// The start of a joined line: its byte offset in the paragraph's text and its line and column
/// in the file. Offsets are `u32` like every position of the model (a paragraph's text is far
/// below 4 GiB: no file that large is read).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Join {
    offset: u32,
    line: u32,
    column: u32,
}

impl Paragraph {
    /// A paragraph of one piece of text at `span`.
    pub fn new(text: String, span: Span) -> Paragraph {
        Paragraph {
            text,
            span,
            joins: Vec::new(),
        }
    }

    /// Room for `additional` more lines (a reader that knows them all asks once, exactly).
    pub fn reserve_lines(&mut self, additional: usize) {
        self.joins.reserve_exact(additional);
    }

    /// Appends a line read at `span`; lines are appended in the order of the file.
    pub fn push_line(&mut self, line: &str, span: Span) {
        self.joins.push(Join {
            offset: u32::try_from(self.text.len()).unwrap_or(u32::MAX),
            line: span.line,
            column: span.column,
        });
        self.text.push_str(line);
        self.span = self.span.cover(span);
    }

    /// How many lines of the file the paragraph was joined from.
    pub fn line_count(&self) -> usize {
        1 + self.joins.len()
    }

    /// Line `k` (0: the first): its byte offset in `text`, its line and column in the file.
    fn line_start(&self, k: usize) -> (usize, u32, u32) {
        match k.checked_sub(1).and_then(|j| self.joins.get(j)) {
            Some(j) => (j.offset as usize, j.line, j.column),
            None => (0, self.span.line, self.span.column),
        }
    }

    /// The position in the file of `text[range]` (which must lie on char boundaries).
    pub fn locate(&self, range: std::ops::Range<usize>) -> Span {
        // The last line starting at or before the range (offsets increase).
        let k = self
            .joins
            .partition_point(|j| j.offset as usize <= range.start);
        let (start, line, column) = self.line_start(k);
        let column = column + self.text[start..range.start].chars().count() as u32;
        let width = self.text[range].chars().count().max(1) as u32;
        Span::on_line(line, column, column + width)
    }

    /// Locates ranges given in increasing order in one pass (a long paragraph with many matches
    /// stays linear, where [`Paragraph::locate`] counts from the line's start each time).
    pub fn locator(&self) -> Locator<'_> {
        Locator {
            paragraph: self,
            line: 0,
            byte: 0,
            chars: 0,
        }
    }
}

/// See [`Paragraph::locator`].
#[derive(Debug)]
pub struct Locator<'a> {
    paragraph: &'a Paragraph,
    /// The line `byte` is on (0: the first).
    line: usize,
    byte: usize,
    /// Characters from the line's start to `byte`.
    chars: u32,
}

impl Locator<'_> {
    /// The position in the file of `text[range]`.
    pub fn locate(&mut self, range: std::ops::Range<usize>) -> Span {
        let p = self.paragraph;
        if range.start < self.byte {
            return p.locate(range);
        }
        while let Some(next) = p.joins.get(self.line) {
            if next.offset as usize > range.start {
                break;
            }
            self.line += 1;
            self.byte = next.offset as usize;
            self.chars = 0;
        }
        self.chars += p.text[self.byte..range.start].chars().count() as u32;
        self.byte = range.start;
        let (_, line, column) = p.line_start(self.line);
        let column = column + self.chars;
        let width = p.text[range].chars().count().max(1) as u32;
        Span::on_line(line, column, column + width)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn joined() -> Paragraph {
        let mut p = Paragraph::new("收到申请13件，".repeat(3), Span::on_line(4, 3, 12));
        p.push_line(&"又收到申请2件。".repeat(2), Span::on_line(5, 1, 9));
        p.push_line("", Span::on_line(6, 2, 2));
        p.push_line("申请", Span::on_line(7, 5, 7));
        p
    }

    #[test]
    fn locator_agrees_with_locate() {
        let p = joined();
        let ranges: Vec<_> = p
            .text
            .match_indices("申请")
            .map(|(i, s)| i..i + s.len())
            .collect();
        let mut locator = p.locator();
        for r in ranges {
            assert_eq!(locator.locate(r.clone()), p.locate(r));
        }
    }

    #[test]
    fn each_line_is_located_from_its_own_start() {
        let p = joined();
        assert_eq!(p.line_count(), 4);
        let at = |needle: &str, nth: usize| {
            let i = p.text.match_indices(needle).nth(nth).unwrap().0;
            let s = p.locate(i..i + needle.len());
            (s.line, s.column, s.end_column)
        };
        // First line: from the span's start (column 3).
        assert_eq!(at("申请", 0), (4, 5, 7));
        // Second line: from its column 1; 「又」 opens it.
        assert_eq!(at("又", 0), (5, 1, 2));
        assert_eq!(at("申请", 3), (5, 4, 6));
        // The empty line adds no characters; the last line starts at its column 5.
        assert_eq!(at("申请", 5), (7, 5, 7));
        assert_eq!((p.span.line, p.span.end_line, p.span.end_column), (4, 7, 7));
    }
}
