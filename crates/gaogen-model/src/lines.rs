//! One position model for every text gaogen points into: a published report (the reader), a
//! report.toml (the authoring reader) and both when a diagnostic is drawn (the renderer). A line
//! ends at `\n`, `\r\n` or a lone `\r`; lines and columns are 1-based, columns count characters.
//! Sharing it is what keeps carets under the cells they mark.

use crate::Span;

/// Each line's first byte offset, in order (the first is 0, also for an empty text): where
/// [`LineIndex`] puts its lines, without storing them.
pub fn line_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    let breaks = line_ends(bytes)
        .map(|i| i + 1)
        // A final line end opens no line.
        .filter(move |&start| start < bytes.len());
    std::iter::once(0).chain(breaks)
}

/// The offset of each line end's last byte: a `\n` (with the `\r` before it, if any), or a lone
/// `\r`.
fn line_ends(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr2_iter(b'\n', b'\r', bytes)
        .filter(move |&i| bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n'))
}

/// Every line of a text without its line end, with the byte offset it starts at: as
/// [`LineIndex::line`] gives them, without storing them.
pub fn each_line(text: &str) -> impl Iterator<Item = (usize, &str)> + '_ {
    let bytes = text.as_bytes();
    let mut ends = line_ends(bytes);
    let mut start = (!text.is_empty()).then_some(0);
    std::iter::from_fn(move || {
        let from = start?;
        let Some(end) = ends.next() else {
            start = None;
            return Some((from, &text[from..]));
        };
        // A final line end opens no line.
        start = Some(end + 1).filter(|&next| next < bytes.len());
        let cr = usize::from(bytes[end] == b'\n' && end > from && bytes[end - 1] == b'\r');
        Some((from, &text[from..end - cr]))
    })
}

/// Where each line of a text starts.
#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    text: &'a str,
    /// Byte offset of each line's first character; the first is 0.
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        LineIndex {
            text,
            starts: line_starts(text).collect(),
        }
    }

    /// The text indexed.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// How many lines (an empty text has none).
    pub fn len(&self) -> usize {
        if self.text.is_empty() {
            0
        } else {
            self.starts.len()
        }
    }

    /// Whether the text has no line.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Line `number` (1-based) without its line end, and the byte offset it starts at.
    pub fn line(&self, number: u32) -> Option<(usize, &'a str)> {
        let start = *self.starts.get((number as usize).checked_sub(1)?)?;
        let end = self
            .starts
            .get(number as usize)
            .copied()
            .unwrap_or(self.text.len());
        Some((start, self.text[start..end].trim_end_matches(['\n', '\r'])))
    }

    /// Every line without its line end, in order.
    pub fn lines(&self) -> impl Iterator<Item = &'a str> + '_ {
        (1..=self.len() as u32).filter_map(|n| self.line(n).map(|(_, t)| t))
    }

    /// The (line, column) of a byte offset (clamped to the text).
    pub fn point(&self, offset: usize) -> (u32, u32) {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let column = self
            .text
            .get(start..offset)
            .map_or(0, |s| s.chars().count());
        (line as u32, column as u32 + 1)
    }

    /// The span of a byte range (at least one character wide).
    pub fn span(&self, range: std::ops::Range<usize>) -> Span {
        let (line, column) = self.point(range.start);
        let (end_line, end_column) = self.point(range.end.max(range.start + 1));
        Span {
            line,
            column,
            end_line,
            end_column,
        }
    }

    /// The byte offset of a (line, column) position, clamped to the end of its line.
    pub fn offset(&self, line: u32, column: u32) -> Option<usize> {
        let (start, text) = self.line(line)?;
        let skip = column.saturating_sub(1) as usize;
        let within = text.char_indices().nth(skip).map_or(text.len(), |(b, _)| b);
        Some(start + within)
    }
}

/// A table saying, for every byte value, whether it is one of `bytes`: scans that look at most
/// bytes once decide them with one lookup (`const`, built at compile time).
pub const fn byte_set(bytes: &[u8]) -> [bool; 256] {
    let mut set = [false; 256];
    let mut i = 0;
    while i < bytes.len() {
        set[bytes[i] as usize] = true;
        i += 1;
    }
    set
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_end_and_back() {
        let text = "表三\r\n自然人 12\r商业\n\n末";
        let index = LineIndex::new(text);
        let lines: Vec<&str> = index.lines().collect();
        assert_eq!(lines, vec!["表三", "自然人 12", "商业", "", "末"]);
        let at = text.find("12").unwrap();
        assert_eq!(index.point(at), (2, 5));
        assert_eq!(index.offset(2, 5), Some(at));
        let span = index.span(at..at + 2);
        assert_eq!((span.line, span.column, span.end_column), (2, 5, 7));
        assert_eq!(LineIndex::new("a\n").len(), 1);
        assert_eq!(LineIndex::new("").len(), 0);
        assert_eq!(LineIndex::new("a\n\n").len(), 2);
    }

    #[test]
    fn streamed_lines_are_the_indexed_lines() {
        // Every text of up to 7 characters from 「a」, 「\r」, 「\n」, 「表」, against the index as
        // it was first written (line ends collected, a final line end opening no line).
        fn written_first(text: &str) -> Vec<usize> {
            let bytes = text.as_bytes();
            let mut starts = vec![0];
            for (i, &b) in bytes.iter().enumerate() {
                if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                    starts.push(i + 1);
                }
            }
            if starts.len() > 1 && starts.last() == Some(&text.len()) {
                starts.pop();
            }
            starts
        }
        let alphabet = ["a", "\r", "\n", "表"];
        let mut texts = vec![String::new()];
        for _ in 0..7 {
            let longer: Vec<String> = texts
                .iter()
                .filter(|t| t.chars().count() == texts.last().map_or(0, |l| l.chars().count()))
                .flat_map(|t| alphabet.iter().map(move |c| format!("{t}{c}")))
                .collect();
            texts.extend(longer);
        }
        assert_eq!(texts.len(), (0..=7).map(|n| 4usize.pow(n)).sum::<usize>());
        for text in &texts {
            assert_eq!(
                line_starts(text).collect::<Vec<_>>(),
                written_first(text),
                "{text:?}"
            );
            let index = LineIndex::new(text);
            let indexed: Vec<(usize, &str)> = (1..=index.len() as u32)
                .filter_map(|n| index.line(n))
                .collect();
            assert_eq!(each_line(text).collect::<Vec<_>>(), indexed, "{text:?}");
        }
    }
}
