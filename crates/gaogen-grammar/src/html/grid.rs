//! Tables of a page: cells collected while tokenizing, then laid on a grid with merged cells
//! expanded (bounded: spans clamped, columns capped) and written as `| … |` rows.

use crate::source::{Origin, SourceLine};

/// Spans larger than this are clamped: no real table merges more cells.
pub(super) const MAX_SPAN: usize = 64;
/// Columns beyond this are dropped: official tables have at most 16, and a hostile page must not
/// make every row as wide as its widest.
pub(super) const MAX_COLUMNS: usize = 128;

#[derive(Debug, Default)]
pub(super) struct Cell {
    pub(super) text: String,
    pub(super) origin: Option<Origin>,
    /// Where the cell's content begins in the page, for a cell with no text (`&nbsp;`).
    pub(super) blank_origin: Option<Origin>,
    pub(super) rowspan: usize,
    pub(super) colspan: usize,
    /// A table nested in this cell was written out on its own: the cell is layout, not data.
    pub(super) had_table: bool,
}

#[derive(Debug, Default)]
pub(super) struct TableBuilder {
    pub(super) rows: Vec<Vec<Cell>>,
    pub(super) in_cell: bool,
}

pub(super) fn emit_paragraphs(
    out: &mut Vec<SourceLine<'static>>,
    text: &str,
    origin: Option<Origin>,
) {
    let Some(origin) = origin else { return };
    for part in text.split('\n').map(str::trim).filter(|p| !p.is_empty()) {
        out.push(SourceLine {
            text: crate::lines::normalize_spaces(part).into_owned().into(),
            origin,
        });
    }
}

/// A grid slot's text, where its text came from, and where a cell without text stood.
type GridText = (String, Option<Origin>, Option<Origin>);

/// Writes a table as `| … |` rows on a grid with merged cells expanded; a one-column table, or
/// one that held other tables, is page layout and is written as paragraphs.
pub(super) fn emit_table(out: &mut Vec<SourceLine<'static>>, table: TableBuilder) {
    let rows: Vec<Vec<Cell>> = table.rows.into_iter().filter(|r| !r.is_empty()).collect();
    let layout = rows.iter().all(|r| r.len() == 1) || rows.iter().flatten().any(|c| c.had_table);
    if layout {
        for cell in rows.into_iter().flatten() {
            emit_paragraphs(out, &cell.text, cell.origin);
        }
        return;
    }
    let mut grid: Vec<Vec<Option<GridText>>> = Vec::new();
    let mut occupied: Vec<Vec<bool>> = Vec::new();
    for (r, row) in rows.into_iter().enumerate() {
        let mut c = 0;
        for cell in row {
            ensure(&mut occupied, &mut grid, r, c);
            while occupied[r].get(c).copied().unwrap_or(false) {
                c += 1;
            }
            if c >= MAX_COLUMNS {
                break;
            }
            for dr in 0..cell.rowspan {
                for dc in 0..cell.colspan.min(MAX_COLUMNS - c) {
                    ensure(&mut occupied, &mut grid, r + dr, c + dc);
                    occupied[r + dr][c + dc] = true;
                }
            }
            grid[r][c] = Some((cell_text(&cell.text), cell.origin, cell.blank_origin));
            c += cell.colspan;
        }
    }
    let width = grid
        .iter()
        .map(Vec::len)
        .max()
        .unwrap_or(0)
        .min(MAX_COLUMNS);
    let row_count = occupied.len().min(grid.len());
    for row in grid.into_iter().take(row_count) {
        // A row with no text is not written (blank cells' places do not make it a row).
        let first = row.iter().flatten().find_map(|(_, o, _)| *o);
        let Some(first) = first else { continue };
        let mut text = String::from("|");
        let mut chars = 1u32;
        let mut origins = Vec::with_capacity(width);
        // The row's slots moved out, not cloned; past its last slot, empty ones.
        let mut slots = row.into_iter();
        for _ in 0..width {
            let (t, o, blank) = slots.next().flatten().unwrap_or_default();
            let t = crate::lines::normalize_spaces(&t);
            origins.push((o.or(blank).unwrap_or(first), chars + 1));
            text.push(' ');
            text.push_str(&t);
            text.push_str(" |");
            chars += t.chars().count() as u32 + 3;
        }
        out.push(SourceLine {
            text: crate::source::LineText::Row(Box::new(crate::source::RowText {
                text,
                cells: origins.into_boxed_slice(),
            })),
            origin: first,
        });
    }
}

/// A cell's text as one line: its words joined by one space, a `|` written as 「｜」 (it would
/// split the row). One string, built at once.
fn cell_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for ch in word.chars() {
            out.push(if ch == '|' { '｜' } else { ch });
        }
    }
    out
}

fn ensure<T: Default + Clone>(
    occupied: &mut Vec<Vec<bool>>,
    grid: &mut Vec<Vec<Option<T>>>,
    r: usize,
    c: usize,
) {
    if occupied.len() <= r {
        occupied.resize(r + 1, Vec::new());
        grid.resize(r + 1, Vec::new());
    }
    if occupied[r].len() <= c {
        occupied[r].resize(c + 1, false);
        grid[r].resize(c + 1, None);
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        /// `cell_text` is the words joined by one space with `|` replaced, as it was written
        /// before (`split_whitespace`, `join`, `replace`).
        #[test]
        fn a_cell_text_is_its_words_joined_with_bars_replaced(
            text in "[a|b 　\u{a0}\t\n表｜]{0,24}",
        ) {
            let before = text
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .replace('|', "｜");
            prop_assert_eq!(super::cell_text(&text), before);
        }
    }
}
