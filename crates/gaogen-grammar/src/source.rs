//! The lines the reader works on, each able to say where its characters came from.

use gaogen_model::Span;
use std::borrow::Cow;

/// Where a piece of a line starts in the original file (1-based line and column).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Origin {
    pub line: u32,
    pub column: u32,
}

/// One line of a rebuilt report: for HTML a block or a table row rebuilt from the page, with the
/// origin of each cell (a text file's lines are not stored as these: see [`Source`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SourceLine<'t> {
    /// The text with every Unicode space replaced by one ASCII space: borrowed from the decoded
    /// text unless a space had to be replaced or the line was rebuilt (HTML, Word).
    pub text: LineText<'t>,
    pub origin: Origin,
}

/// A line's text, and for a rebuilt table row where its cells came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum LineText<'t> {
    Borrowed(&'t str),
    Owned(String),
    /// A table row rebuilt from a page (boxed: rows are few, lines many).
    Row(Box<RowText>),
}

/// A table row rebuilt from a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RowText {
    pub text: String,
    /// Each `|`-separated cell's origin in the page and the column (0-based, in characters)
    /// where its text starts in `text`.
    pub cells: Box<[(Origin, u32)]>,
}

impl std::ops::Deref for LineText<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        match self {
            LineText::Borrowed(text) => text,
            LineText::Owned(text) => text,
            LineText::Row(row) => &row.text,
        }
    }
}

impl<'t> From<Cow<'t, str>> for LineText<'t> {
    fn from(text: Cow<'t, str>) -> Self {
        match text {
            Cow::Borrowed(text) => LineText::Borrowed(text),
            Cow::Owned(text) => LineText::Owned(text),
        }
    }
}

impl From<String> for LineText<'_> {
    fn from(text: String) -> Self {
        LineText::Owned(text)
    }
}

impl SourceLine<'_> {
    /// This line as the reader sees it.
    pub fn view(&self) -> Line<'_> {
        Line {
            text: &self.text,
            origin: self.origin,
            cells: match &self.text {
                LineText::Row(row) => Some(&row.cells),
                _ => None,
            },
        }
    }

    /// For a rebuilt table row: where each cell came from (see [`LineText::Row`]).
    #[cfg(test)]
    pub fn cell_origins(&self) -> Option<&[(Origin, u32)]> {
        self.view().cells
    }

    /// See [`Line::span`].
    #[cfg(test)]
    pub fn span(&self, hard_index: usize, start: u32, end: u32) -> Span {
        self.view().span(hard_index, start, end)
    }
}

/// One line as the reader sees it: its text, where it starts and, for a rebuilt table row,
/// where each cell came from. Made on demand from a [`Source`] (no line is stored as one).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Line<'a> {
    pub text: &'a str,
    pub origin: Origin,
    cells: Option<&'a [(Origin, u32)]>,
}

impl Line<'_> {
    /// For a rebuilt table row: where each cell came from (see [`LineText::Row`]).
    pub fn cell_origins(&self) -> Option<&[(Origin, u32)]> {
        self.cells
    }

    /// The span of characters `start..end` (0-based columns) of this line, inside hard cell
    /// `hard_index` when the line was rebuilt from a table.
    pub fn span(&self, hard_index: usize, start: u32, end: u32) -> Span {
        match self.cells.and_then(|cells| cells.get(hard_index)) {
            Some(&(o, cell_start)) => {
                let s = start.saturating_sub(cell_start);
                let e = end.saturating_sub(cell_start).max(s + 1);
                Span::on_line(o.line, o.column + s, o.column + e)
            }
            None => Span::on_line(
                self.origin.line,
                self.origin.column + start,
                self.origin.column + end.max(start + 1),
            ),
        }
    }

    /// The span of the whole line's visible text.
    pub fn whole(&self) -> Span {
        let lead = self.text.chars().take_while(|c| c.is_whitespace()).count() as u32;
        let len = self.text.trim_end().chars().count() as u32;
        self.span(0, lead, len.max(lead + 1))
    }
}

/// The lines of a report. A text file's lines are byte ranges of the decoded text (8 bytes a
/// line: a 30 MB report has millions of lines, all held while it is read); the few lines whose
/// spaces had to be replaced are kept in one buffer. HTML and Word lines are rebuilt, so stored.
#[derive(Debug)]
pub(crate) struct Source<'t> {
    repr: Repr<'t>,
}

#[derive(Debug)]
enum Repr<'t> {
    Plain {
        text: &'t str,
        /// Each line's `start..end`, in `text`, or in `normalized` when [`IN_BUFFER`] is set on
        /// its end.
        ranges: Vec<(u32, u32)>,
        normalized: String,
    },
    Built(Vec<SourceLine<'t>>),
}

/// Marks a plain line's range as one in the buffer of lines with replaced spaces.
const IN_BUFFER: u32 = 1 << 31;

impl<'t> Source<'t> {
    /// Lines rebuilt from a page or a document.
    pub fn built(lines: Vec<SourceLine<'t>>) -> Self {
        Source {
            repr: Repr::Built(lines),
        }
    }

    /// Every line.
    pub fn lines(&self) -> Lines<'_> {
        let end = match &self.repr {
            Repr::Plain { ranges, .. } => ranges.len(),
            Repr::Built(lines) => lines.len(),
        };
        Lines {
            source: self,
            start: 0,
            end,
        }
    }

    fn line(&self, i: usize) -> Line<'_> {
        match &self.repr {
            Repr::Plain {
                text,
                ranges,
                normalized,
            } => {
                let (start, end) = ranges[i];
                let text = if end & IN_BUFFER == 0 {
                    &text[start as usize..end as usize]
                } else {
                    &normalized[start as usize..(end & !IN_BUFFER) as usize]
                };
                Line {
                    text,
                    origin: Origin {
                        line: i as u32 + 1,
                        column: 1,
                    },
                    cells: None,
                }
            }
            Repr::Built(lines) => lines[i].view(),
        }
    }
}

/// A run of a report's lines (all of them, or a region), each made on demand.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Lines<'a> {
    source: &'a Source<'a>,
    start: usize,
    end: usize,
}

impl<'a> Lines<'a> {
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Line `i` of this run (panics past its end, as a slice does).
    pub fn line(&self, i: usize) -> Line<'a> {
        assert!(i < self.len(), "line {i} of {}", self.len());
        self.source.line(self.start + i)
    }

    pub fn last(&self) -> Option<Line<'a>> {
        self.len().checked_sub(1).map(|i| self.line(i))
    }

    /// The lines `range` of this run.
    pub fn slice(&self, range: impl std::ops::RangeBounds<usize>) -> Lines<'a> {
        use std::ops::Bound;
        let from = match range.start_bound() {
            Bound::Included(&s) => s,
            Bound::Excluded(&s) => s + 1,
            Bound::Unbounded => 0,
        };
        let to = match range.end_bound() {
            Bound::Included(&e) => e + 1,
            Bound::Excluded(&e) => e,
            Bound::Unbounded => self.len(),
        };
        assert!(
            from <= to && to <= self.len(),
            "lines {from}..{to} of {}",
            self.len()
        );
        Lines {
            source: self.source,
            start: self.start + from,
            end: self.start + to,
        }
    }

    pub fn iter(&self) -> impl DoubleEndedIterator<Item = Line<'a>> + ExactSizeIterator + 'a {
        let source = self.source;
        (self.start..self.end).map(move |i| source.line(i))
    }
}

/// Every line's kind; the table reader splits the lines of the table region into cells as it
/// reads them, so no line's cells are kept (memory: one byte a line). The reader has them from
/// the pass that finds the headings (`document::headings`); the tests from here.
#[cfg(test)]
pub(crate) fn kinds(lines: Lines<'_>) -> Vec<crate::lines::LineKind> {
    lines.iter().map(|l| crate::lines::kind(l.text)).collect()
}

/// Splits plain text into lines at `\r\n`, `\r` or `\n`.
pub(crate) fn text_lines(text: &str) -> Source<'_> {
    // The model's one position model decides where lines end, as the renderer does; streamed, so
    // no index of the lines is held (and freed) besides their ranges.
    use gaogen_model::lines::each_line;
    if u32::try_from(text.len()).map_or(true, |n| n >= IN_BUFFER) {
        // Beyond any input gaogen accepts (32 MiB); kept correct all the same.
        return Source::built(
            each_line(text)
                .zip(1u32..)
                .map(|((_, line), number)| SourceLine {
                    text: crate::lines::normalize_spaces(line).into(),
                    origin: Origin {
                        line: number,
                        column: 1,
                    },
                })
                .collect(),
        );
    }
    // A large text's lines are counted first, so the vector is sized once (a grown one would
    // hold up to three times the lines while it moves); a report of usual size just grows it.
    let mut ranges = if text.len() >= 1 << 20 {
        Vec::with_capacity(gaogen_model::lines::line_starts(text).count())
    } else {
        Vec::new()
    };
    let mut normalized = String::new();
    let mut odd = crate::lines::OddSpaces::new(text);
    for (start, line) in each_line(text) {
        let end = start + line.len();
        // A line with no odd space is its own text: told by one scan over the whole text, not
        // a call for every line.
        if !odd.any_in(start, end) {
            ranges.push((start as u32, end as u32));
            continue;
        }
        let range = match crate::lines::normalize_spaces(line) {
            Cow::Borrowed(_) => (start as u32, end as u32),
            Cow::Owned(spaced) => {
                let at = normalized.len();
                normalized.push_str(&spaced);
                (at as u32, (at + spaced.len()) as u32 | IN_BUFFER)
            }
        };
        ranges.push(range);
    }
    Source {
        repr: Repr::Plain {
            text,
            ranges,
            normalized,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_every_line_end() {
        let lines = text_lines("a\r\nb\rc\n\nd");
        let texts: Vec<_> = lines
            .lines()
            .iter()
            .map(|l| (l.text, l.origin.line))
            .collect();
        assert_eq!(texts, vec![("a", 1), ("b", 2), ("c", 3), ("", 4), ("d", 5)]);
    }

    proptest::proptest! {
        /// Every line is `normalize_spaces` of the line as `each_line` gives it, whichever
        /// lines the whole-text scan passes over.
        #[test]
        fn every_line_is_its_normalized_text(
            text in "[a表，。 \t\n\r\u{b}\u{c}\u{a0}\u{3000}\u{2028}\u{feff}\u{200b}\u{85}\u{1680}]{0,40}",
        ) {
            let source = text_lines(&text);
            let lines = source.lines();
            let expected: Vec<String> = gaogen_model::lines::each_line(&text)
                .map(|(_, line)| crate::lines::normalize_spaces(line).into_owned())
                .collect();
            let got: Vec<String> = lines.iter().map(|l| l.text.to_string()).collect();
            proptest::prop_assert_eq!(got, expected);
            // The scan finds an odd space in exactly the lines `normalize_spaces` changes.
            let mut odd = crate::lines::OddSpaces::new(&text);
            for (start, line) in gaogen_model::lines::each_line(&text) {
                let changed = matches!(crate::lines::normalize_spaces(line), Cow::Owned(_));
                proptest::prop_assert_eq!(odd.any_in(start, start + line.len()), changed);
            }
        }
    }

    #[test]
    fn lines_with_replaced_spaces_come_from_the_buffer() {
        let source = text_lines("甲\u{3000}乙\n丙\r\n\u{a0}丁 \n");
        let lines = source.lines();
        let texts: Vec<_> = lines.iter().map(|l| (l.text, l.origin.line)).collect();
        assert_eq!(texts, vec![("甲 乙", 1), ("丙", 2), (" 丁 ", 3)]);
        assert_eq!(lines.slice(1..).line(1).text, " 丁 ");
        assert_eq!(lines.slice(1..2).len(), 1);
        assert_eq!(lines.last().map(|l| l.origin.line), Some(3));
        assert!(lines.slice(3..).last().is_none());
    }

    #[test]
    fn a_line_stays_small() {
        // A 30 MB report has millions of lines, all held while it is read.
        assert!(std::mem::size_of::<SourceLine>() <= 32);
    }

    #[test]
    fn rebuilt_rows_point_at_their_cells() {
        let line = SourceLine {
            text: LineText::Row(Box::new(RowText {
                text: "| 规章 | 10 |".to_string(),
                cells: Box::new([
                    (Origin { line: 8, column: 5 }, 2),
                    (Origin { line: 9, column: 7 }, 7),
                ]),
            })),
            origin: Origin { line: 7, column: 1 },
        };
        assert_eq!(line.span(1, 7, 9), Span::on_line(9, 7, 9));
        assert_eq!(line.span(0, 2, 4), Span::on_line(8, 5, 7));
    }
}
