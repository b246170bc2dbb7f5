//! Reading 表二, 表三 and 表四 from a stream of cells, by label.
//!
//! Reading happens in two steps. First the cells of the table region are read in order: a text
//! cell that matches an official row label opens that row, and the values that follow fill it
//! (so labels wrapped around their numbers, as `pdftotext -layout` writes them, still work);
//! values with no open row are kept as orphans. Then each table's format version is decided from
//! the labels seen, and the values are placed in the official rows and columns of that version:
//! in order when the count fits, by grid position when a pipe table says where each column is,
//! and otherwise not at all (the row is ambiguous).
//!
//! Parts: [`raw`] (the typed state per table), [`stream`] (the cell stream: rows opened by
//! labels, values filling them), [`labels`] (label matching and table anchors), [`blocks`] and
//! [`t2_blocks`] (column-by-column text), [`place`] and [`cells`] (editions and official cells),
//! [`cut`] (a row cut by the end of an excerpt).

mod blocks;
mod cells;
mod cut;
mod labels;
mod place;
mod raw;
mod runs;
mod stream;
mod t2_blocks;
mod words;

use crate::lines::{HardCell, LineKind, LineShape, Token};
use crate::source::{Line, Lines};
use crate::value::parse_value;
use gaogen_model::{CellValue, Finding, Located, SectionKey, Span, TableKey, Tables};
use raw::{GridCell, RowKey};
use stream::Reader;

/// The table region: a run of the report's lines with their kinds and sections, read line by
/// line (no line's cells are kept). Section headings inside it are not read.
pub(crate) struct Region<'a> {
    pub source: Lines<'a>,
    pub kinds: &'a [LineKind],
    pub sections: &'a [Option<SectionKey>],
    /// Lines (indices into the region, ascending) that are section headings.
    pub headings: &'a [usize],
    /// Labels that open no row are not kept (`Table.unread` stays empty).
    pub drop_unread: bool,
}

/// One line of the table region with its kind and the section it stands in.
struct RegionLine<'a> {
    source: Line<'a>,
    kind: LineKind,
    section: Option<SectionKey>,
}

impl<'a> Region<'a> {
    fn len(&self) -> usize {
        self.source.len()
    }

    /// Line `k`, unless it is a section heading.
    fn line(&self, k: usize) -> Option<RegionLine<'a>> {
        self.headings
            .binary_search(&k)
            .is_err()
            .then(|| RegionLine {
                source: self.source.line(k),
                kind: self.kinds[k],
                section: self.sections[k],
            })
    }
}

/// The tables, the findings of reading them, and which region lines were table content.
pub(crate) struct TablesRead {
    pub tables: Tables,
    pub findings: Vec<Finding>,
    pub is_table_line: Vec<bool>,
}

/// Reads the tables from the region lines.
/// `ends_file`: the region runs to the end of the file (no section 五 or 六 after the tables), so
/// its last row may be cut by the end of an excerpt.
pub(crate) fn read_tables(region: &Region<'_>, year: Option<u16>, ends_file: bool) -> TablesRead {
    let mut reader = Reader {
        drop_unread: region.drop_unread,
        ..Reader::default()
    };
    let mut is_table_line = vec![false; region.len()];
    let mut section = None;
    for (i, is_table) in is_table_line.iter_mut().enumerate() {
        let Some(line) = region.line(i) else {
            continue;
        };
        if line.section != section {
            section = line.section;
            match section {
                Some(SectionKey::ActiveDisclosure) => reader.switch_to(TableKey::ActiveDisclosure),
                Some(SectionKey::Applications) => reader.switch_to(TableKey::Applications),
                Some(SectionKey::ReviewsAndLitigation) => {
                    reader.switch_to(TableKey::ReviewsAndLitigation)
                }
                _ => {}
            }
        }
        // A line holding only `|` (one cell per line, each ending in ` |`) or only a tab (one
        // cell per line after a tab) is one empty cell.
        if let Some(col) = lone_blank(line.source.text) {
            *is_table = reader.push_lone_blank(line.source.span(0, col, col + 1));
            continue;
        }
        let Some(LineShape::Cells { hard, piped }) =
            crate::lines::cells_shape(line.source.text, line.kind)
        else {
            continue;
        };
        *is_table = read_line(&mut reader, line.source, &hard, piped);
    }
    if ends_file {
        let last = (0..region.len())
            .rev()
            .filter_map(|k| region.line(k))
            .find(|l| !matches!(l.kind, LineKind::Blank | LineKind::PageNumber));
        if let Some(last) = last {
            reader.mark_cut(last.source);
        }
    }
    reader.resolve_block();
    reader.finish_t2();
    reader.end_orphan_run();
    let mut findings = std::mem::take(&mut reader.notes);
    let tables = place::place_all(reader.tables, year, &mut findings);
    TablesRead {
        tables,
        findings,
        is_table_line,
    }
}

/// Where the one empty cell of a line holding only `|` or only a tab stands (0-based column).
fn lone_blank(text: &str) -> Option<u32> {
    // Most lines are decided by their first byte that is no space or tab: a character that is
    // neither white space (whose first bytes are ASCII controls, 0xC2, 0xE1, 0xE2 or 0xE3) nor
    // 「|」 starts the trimmed text, which is then neither 「|」 nor empty.
    match text.bytes().find(|&b| b != b' ' && b != b'\t') {
        Some(first) if !matches!(first, b'|' | 0x0a..=0x0d | 0xc2 | 0xe1..=0xe3) => None,
        _ => lone_blank_trimmed(text),
    }
}

/// [`lone_blank`] by its definition: the trimmed line is 「|」, or empty with a tab in it.
fn lone_blank_trimmed(text: &str) -> Option<u32> {
    let marker = match text.trim() {
        "|" => '|',
        "" if text.contains('\t') => '\t',
        _ => return None,
    };
    Some(text.chars().take_while(|&c| c != marker).count() as u32)
}

/// What one line of cells holds, as it is read.
struct LineRead {
    width: usize,
    grid_line: bool,
    grid: Vec<GridCell>,
    row_before: Option<RowKey>,
    /// Hard cells up to here hold the labels of the row opened last on this line.
    label_at: usize,
    used: bool,
    /// A label or value was read on this line (empty cells before it belong to no row).
    content: bool,
    /// A text cell was read on this line.
    text_seen: bool,
    /// Empty `|` cells before any content: kept only if a value comes first.
    leading_blanks: Vec<Span>,
}

/// Reads one line of cells; returns whether it was table content.
fn read_line(reader: &mut Reader, source: Line<'_>, hard: &[HardCell<'_>], piped: bool) -> bool {
    let width = hard.len();
    let grid_line = piped && width >= 3;
    let mut line = LineRead {
        width,
        grid_line,
        grid: Vec::with_capacity(if grid_line { width } else { 0 }),
        row_before: reader.open,
        label_at: 0,
        used: false,
        content: false,
        text_seen: false,
        leading_blanks: Vec::new(),
    };
    for (h, cell) in hard.iter().enumerate() {
        if cell.tokens.is_empty() {
            let span = source.span(h, cell.start, cell.start + 1);
            if grid_line {
                line.grid.push(GridCell::Blank(span));
            }
            if piped {
                if line.content {
                    line.used |= reader.push_blank(span, !line.text_seen);
                } else {
                    line.leading_blanks.push(span);
                }
            }
            continue;
        }
        let mut cell_kind = GridCell::Text;
        for token in &cell.tokens {
            // A token of digits alone (most values) is never split: `split_words` leaves it.
            let digits = token.text.bytes().all(|b| b.is_ascii_digit());
            let split = (!digits)
                .then(|| words::split_words(token))
                .flatten()
                .filter(|(label, _)| label.as_ref().is_none_or(|l| labels::names_a_row(l.text)));
            if let Some((label, values)) = split {
                if let Some(label) = label {
                    line.text(reader, source, h, &label);
                }
                for (token, value) in values {
                    cell_kind = line.value(reader, source, h, &token, value);
                }
                continue;
            }
            let value = parse_value(token.text).or_else(|| {
                // 「九」 where a number belongs: kept as written, never dropped.
                (width >= 2 && line.content)
                    .then(|| crate::value::numeral_text(token.text))
                    .flatten()
            });
            match value {
                Some(value) => cell_kind = line.value(reader, source, h, token, value),
                None => line.text(reader, source, h, token),
            }
        }
        if grid_line {
            line.grid.push(cell_kind);
        }
    }
    if grid_line {
        let open = reader.open;
        attach_grid(reader, open, &line.grid, line.label_at, width);
    }
    line.used || (width >= 2 && reader.current.is_some())
}

impl LineRead {
    fn value(
        &mut self,
        reader: &mut Reader,
        source: Line<'_>,
        h: usize,
        token: &Token<'_>,
        value: CellValue,
    ) -> GridCell {
        if !self.content {
            self.content = true;
            for span in std::mem::take(&mut self.leading_blanks) {
                self.used |= reader.push_blank(span, true);
            }
        }
        let located = Located {
            value,
            span: source.span(h, token.start, token.end),
        };
        // Only a grid line keeps its cells (the value again, by position).
        let kind = if self.grid_line {
            GridCell::Value(located.clone())
        } else {
            GridCell::Text
        };
        self.used |= reader.push_value(located);
        kind
    }

    fn text(&mut self, reader: &mut Reader, source: Line<'_>, h: usize, token: &Token<'_>) {
        self.content = true;
        self.text_seen = true;
        self.leading_blanks.clear();
        let span = source.span(h, token.start, token.end);
        if reader.open != self.row_before && self.grid_line {
            attach_grid(
                reader,
                self.row_before,
                &self.grid,
                self.label_at,
                self.width,
            );
        }
        self.used |= reader.text(token, span, self.grid_line.then_some((self.width, h)));
        self.row_before = reader.open;
        self.label_at = h;
    }
}

/// Remembers the `|` grid of the row that was open on this line: the cells after its label.
fn attach_grid(
    reader: &mut Reader,
    key: Option<RowKey>,
    grid: &[GridCell],
    label_at: usize,
    width: usize,
) {
    let Some(key) = key else { return };
    let Some(row) = reader
        .table(key.0)
        .row_mut(key.1)
        .filter(|r| r.grid.is_none())
    else {
        return;
    };
    let mut cells: Vec<GridCell> = grid
        .iter()
        .enumerate()
        .map(|(i, c)| {
            if i < label_at {
                GridCell::Text
            } else {
                c.clone()
            }
        })
        .collect();
    cells.resize(width, GridCell::Text);
    row.grid = Some(cells);
}

/// Reads the tables of a small text, every line in the table region (for the parts' tests).
#[cfg(test)]
pub(crate) fn read_text(text: &str, year: Option<u16>) -> TablesRead {
    let source = crate::source::text_lines(text);
    let source = source.lines();
    let kinds = crate::source::kinds(source);
    let sections = vec![None; source.len()];
    let region = Region {
        source,
        kinds: &kinds,
        sections: &sections,
        headings: &[],
        drop_unread: false,
    };
    read_tables(&region, year, false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use gaogen_model::{CellValue, FindingKind};
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        /// The first byte's shortcut gives what the trimmed line gives, on any line.
        #[test]
        fn a_lone_blank_is_told_as_its_trimmed_line_tells(
            chars in prop::collection::vec(prop::sample::select(&[' ', '\t', '|', '\u{3000}', '\u{a0}', '\u{85}', '\u{2003}', '\u{1680}', '\u{0b}', 'a', '1', '公', '-'][..]), 0..8)
        ) {
            let text: String = chars.into_iter().collect();
            prop_assert_eq!(lone_blank(&text), lone_blank_trimmed(&text));
        }
    }

    #[test]
    fn pipe_grid_keeps_blank_cells_by_header_position() {
        let read = read_text(
            "| 行政复议 | | 行政诉讼 |\n| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n| 1 | 2 | 0 | 0 | 3 |\n",
            Some(2023),
        );
        assert!(read.tables.reviews_and_litigation.found);
        assert!(read.is_table_line.iter().all(|&b| b));
    }

    #[test]
    fn values_without_a_table_are_not_table_lines() {
        let read = read_text("1 2 3\n", Some(2023));
        assert_eq!(read.is_table_line, vec![false]);
        assert!(!read.tables.applications.found);
        assert!(read
            .findings
            .iter()
            .any(|f| f.kind == FindingKind::TableMissing));
        let _ = CellValue::Missing;
    }
}
