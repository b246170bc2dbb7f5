//! Blank markers shuffled through real layouts (issue 11): in a fixture of each layout, cells
//! chosen at random are written blank — `&nbsp;`, nothing, `/`, `-`, or a line holding only `|`
//! — and every value left is still read in its own cell, every blanked cell is not a number
//! (never a value moved into it), and no other cell changes.

#![allow(clippy::disallowed_methods)] // tests read their fixtures directly

use gaogen_model::{CellValue, ColumnId, Report, RowId, TableKey};
use proptest::prelude::*;
use std::path::PathBuf;

fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(name);
    String::from_utf8(std::fs::read(path).expect("fixture exists")).expect("UTF-8 fixture")
}

fn parse(text: &str) -> Report {
    gaogen_grammar::parse_bytes(text.as_bytes()).expect("decodes")
}

/// A number cell of the original reading: where it is and where it was written.
#[derive(Debug, Clone)]
struct NumberCell {
    table: TableKey,
    row: RowId,
    column: ColumnId,
    value: CellValue,
    line: usize,
    start: usize,
    end: usize,
}

fn number_cells(r: &Report) -> Vec<NumberCell> {
    let mut out = Vec::new();
    for table in TableKey::ALL {
        for row in &r.table(table).rows {
            for c in &row.cells {
                let (CellValue::Count { .. } | CellValue::Amount { .. }, Some(span)) =
                    (&c.value, c.span)
                else {
                    continue;
                };
                out.push(NumberCell {
                    table,
                    row: row.id,
                    column: c.column,
                    value: c.value.clone(),
                    line: span.line as usize - 1,
                    start: span.column as usize - 1,
                    end: span.end_column as usize - 1,
                });
            }
        }
    }
    out
}

fn value_of(r: &Report, table: TableKey, row: RowId, column: ColumnId) -> Option<&CellValue> {
    r.table(table).cell(row, column).map(|c| &c.value)
}

fn same_number(a: &CellValue, b: &CellValue) -> bool {
    match (a, b) {
        (CellValue::Count { value: x, .. }, CellValue::Count { value: y, .. }) => x == y,
        (CellValue::Amount { value: x, .. }, CellValue::Amount { value: y, .. }) => x == y,
        _ => false,
    }
}

/// The text with the chosen cells written as `markers[choice]` (`choice` past the markers keeps
/// the cell). Cells are replaced from the end of each line so earlier columns stay right.
fn blanked(text: &str, cells: &[NumberCell], choices: &[usize], markers: &[&str]) -> String {
    // Keep the file's own line ends (CRLF stays CRLF).
    let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    let mut order: Vec<usize> = (0..cells.len()).collect();
    order.sort_by_key(|&i| (cells[i].line, std::cmp::Reverse(cells[i].start)));
    for i in order {
        let Some(marker) = markers.get(choices[i]) else {
            continue;
        };
        let c = &cells[i];
        let chars: Vec<char> = lines[c.line].chars().collect();
        let mut line: String = chars[..c.start].iter().collect();
        line.push_str(marker);
        line.extend(&chars[c.end..]);
        lines[c.line] = line;
    }
    lines.join("\n")
}

fn check_layout(name: &str, markers: &[&str], choices: &[usize]) -> Result<(), TestCaseError> {
    let text = fixture(name);
    let original = parse(&text);
    let cells = number_cells(&original);
    prop_assume!(choices.len() >= cells.len());
    let changed = blanked(&text, &cells, choices, markers);
    let read = parse(&changed);
    for (c, &choice) in cells.iter().zip(choices) {
        let got = value_of(&read, c.table, c.row, c.column);
        if choice < markers.len() {
            prop_assert!(
                !matches!(
                    got,
                    Some(CellValue::Count { .. } | CellValue::Amount { .. })
                ),
                "{name}: {:?} {}/{} written {:?} read as {got:?}",
                c.table,
                c.row,
                c.column,
                markers[choice]
            );
        } else {
            prop_assert!(
                got.is_some_and(|v| same_number(v, &c.value)),
                "{name}: {:?} {}/{} = {:?} read as {got:?}\n{}",
                c.table,
                c.row,
                c.column,
                c.value,
                changed.lines().nth(c.line).unwrap_or_default()
            );
        }
    }
    // Nothing else became a number.
    prop_assert!(read.number_cell_count() <= original.number_cell_count());
    Ok(())
}

/// Per cell: 0..4 a marker, else kept (about half the cells blanked).
fn choices() -> impl Strategy<Value = Vec<usize>> {
    prop::collection::vec(0usize..8, 200)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// A saved web page (Word-exported tables).
    #[test]
    fn html_cells(choices in choices()) {
        check_layout("page.html", &["&nbsp;", "", "/", "-"], &choices)?;
    }

    /// Markdown pipe tables (CRLF, BOM).
    #[test]
    fn pipe_cells(choices in choices()) {
        check_layout("crlf_bom.txt", &["", " ", "/", "-"], &choices)?;
    }

    /// One cell per line ending in ` |`: a blank leaves a line holding only `|`.
    #[test]
    fn cell_per_line(choices in choices()) {
        check_layout("cell_per_line.txt", &["", "/", "-", "—"], &choices)?;
    }

    /// `pdftotext -layout`: columns by runs of spaces, so a blank is written with a marker.
    #[test]
    fn pdftotext_columns(choices in choices()) {
        check_layout("pdftotext_layout.txt", &["/", "-", "—", "／"], &choices)?;
    }

    /// A PDF viewer's copy: single spaces between cells.
    #[test]
    fn single_spaces(choices in choices()) {
        check_layout("row_single_spaces.txt", &["/", "-", "—", "／"], &choices)?;
    }

    /// One cell per line after a tab: a blank is a lone tab.
    #[test]
    fn tab_per_line(choices in choices()) {
        check_layout("tab_indented_cells.txt", &["", "/", "-", "—"], &choices)?;
    }
}
