//! The lines the reader works on, each able to say where its characters came from.

use gaogen_model::Span;
use std::borrow::Cow;

/// Where a piece of a line starts in the original file (1-based line and column).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Origin {
    pub line: u32,
    pub column: u32,
}

/// One line of report text. For text files it is a physical line; for HTML it is a block or a
/// table row rebuilt from the page, with the origin of each cell. 32 bytes: a 30 MB report has
/// millions of lines, all held while it is read.
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
    /// For a rebuilt table row: where each cell came from (see [`LineText::Row`]).
    pub fn cell_origins(&self) -> Option<&[(Origin, u32)]> {
        match &self.text {
            LineText::Row(row) => Some(&row.cells),
            _ => None,
        }
    }

    /// The span of characters `start..end` (0-based columns) of this line, inside hard cell
    /// `hard_index` when the line was rebuilt from a table.
    pub fn span(&self, hard_index: usize, start: u32, end: u32) -> Span {
        match self.cell_origins().and_then(|cells| cells.get(hard_index)) {
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

/// Every line's kind; the table reader splits the lines of the table region into cells as it
/// reads them, so no line's cells are kept (memory: one byte a line).
pub(crate) fn kinds(lines: &[SourceLine<'_>]) -> Vec<crate::lines::LineKind> {
    lines.iter().map(|l| crate::lines::kind(&l.text)).collect()
}

/// Splits plain text into lines at `\r\n`, `\r` or `\n`.
pub(crate) fn text_lines(text: &str) -> Vec<SourceLine<'_>> {
    // The model's one position model decides where lines end, as the renderer does.
    let index = gaogen_model::lines::LineIndex::new(text);
    // Sized once: a grown vector would hold up to three times the lines while it moves.
    let mut out = Vec::with_capacity(index.len());
    out.extend(index.lines().zip(1u32..).map(|(line, number)| SourceLine {
        text: crate::lines::normalize_spaces(line).into(),
        origin: Origin {
            line: number,
            column: 1,
        },
    }));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_every_line_end() {
        let lines = text_lines("a\r\nb\rc\n\nd");
        let texts: Vec<_> = lines.iter().map(|l| (&*l.text, l.origin.line)).collect();
        assert_eq!(texts, vec![("a", 1), ("b", 2), ("c", 3), ("", 4), ("d", 5)]);
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
