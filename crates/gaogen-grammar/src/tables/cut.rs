//! A table row cut by the end of the file (an excerpt that stops inside a table): the values
//! before the cut go in the row's leading columns, the rest are missing, with one truncation
//! finding. Only where the cells keep their places — one cell per line, or cells between `|` —
//! since a row written with spaces may have lost blank cells anywhere.

use super::cells::{cell_of, finding};
use super::raw::{capacity, RawRow};
use super::stream::Reader;
use crate::source::Line;
use gaogen_model::schema::{RowDef, TableSchema};
use gaogen_model::{CellValue, Finding, FindingKind, Row, RowId, RowStatus, TableKey};

impl Reader {
    /// At the end of a file whose tables run to its end: the row still open on the last line is
    /// cut there when its cells keep their places. Its last value counts only when a separator
    /// follows it on the line (the cut may have taken the rest of the number).
    pub fn mark_cut(&mut self, last: Line<'_>) {
        if last.cell_origins().is_some() {
            // A page's or a document's table ends with its markup, never mid-row.
            return;
        }
        let key = match self.current {
            Some(TableKey::ReviewsAndLitigation) => (TableKey::ReviewsAndLitigation, RowId::Cases),
            Some(_) if self.waiting.len() <= 1 => match self.open {
                Some(key) => key,
                None => return,
            },
            _ => return,
        };
        let cap = capacity(key);
        let Some(row) = self.table(key.0).row_mut(key.1) else {
            return;
        };
        let Some(end) = row.values.last().map(|v| v.span) else {
            return;
        };
        if end.line != last.origin.line || row.values.len() >= cap {
            return;
        }
        let piped = last.text.contains('|');
        let label_line = row.label.span.line;
        // 表四's row has no label of its own.
        let one_per_line = (row.label.value.is_empty()
            || row.values.iter().all(|v| v.span.line != label_line))
            && row
                .values
                .windows(2)
                .all(|w| w[0].span.line != w[1].span.line);
        if !piped && !one_per_line {
            return;
        }
        let after: String = last
            .text
            .chars()
            .skip(end.end_column.saturating_sub(last.origin.column) as usize)
            .collect();
        let whole = after.trim_start_matches(' ').starts_with(['|', '\t'])
            || matches!(
                row.values.last().map(|v| &v.value),
                Some(CellValue::Empty { .. })
            );
        let dropped = if whole { None } else { row.values.pop() };
        row.blanks.retain(|&b| b < row.values.len());
        row.cut = Some(dropped);
    }
}

/// The cells of a cut row: what was read in the leading columns (blanks in their places), the
/// rest missing; the finding names both.
pub(super) fn place_cut_row(
    key: TableKey,
    schema: &TableSchema,
    def: &'static RowDef,
    raw: &RawRow,
    mut row: Row,
    findings: &mut Vec<Finding>,
) -> Row {
    let dropped = raw.cut.clone().flatten();
    let at = raw.values.last().map_or(raw.label.span, |v| v.span);
    for (i, &c) in def.columns.iter().enumerate() {
        row.cells.push(match raw.values.get(i) {
            Some(v) => cell_of(schema, c, v.value.clone(), Some(v.span)),
            None => cell_of(schema, c, CellValue::Missing, Some(at)),
        });
    }
    row.status = RowStatus::Found;
    let read: Vec<&str> = row.cells[..raw.values.len()]
        .iter()
        .map(|c| c.label)
        .collect();
    let lost: Vec<&str> = row.cells[raw.values.len()..]
        .iter()
        .map(|c| c.label)
        .collect();
    let mut message = format!(
        "文件在{}「{}」一行中途结束：读到前 {} 栏（{}），其后 {} 栏（{}）没有读到",
        key.name(),
        def.label,
        read.len(),
        if read.is_empty() {
            "无".to_string()
        } else {
            read.join("、")
        },
        lost.len(),
        lost.join("、")
    );
    if let Some(v) = &dropped {
        message.push_str(&format!(
            "；最后的「{}」紧接文件末尾，可能不完整，未放入",
            super::cells::raw_text(&v.value)
        ));
    }
    let mut f = finding(
        FindingKind::InputTruncated,
        key,
        message,
        Some(dropped.map_or(at, |v| v.span)),
    );
    f.row = Some(def.id);
    findings.push(f);
    row
}
