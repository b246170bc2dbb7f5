//! Every table cell that changed from OLD to NEW.

use crate::schema::t4_group;
use crate::{CellValue, ColumnId, FormatVersion, Report, RowId, Span, TableKey};
use rust_decimal::Decimal;
use serde::Serialize;

/// One cell that differs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CellChange {
    pub row: RowId,
    pub row_label: &'static str,
    pub column: ColumnId,
    pub column_label: &'static str,
    /// `None`: the cell does not exist in that year's table (another format, or the row is missing).
    pub old: Option<CellValue>,
    pub new: Option<CellValue>,
    pub old_span: Option<Span>,
    pub new_span: Option<Span>,
    /// NEW − OLD, when both are numbers (a decimal string for amounts).
    pub difference: Option<String>,
    /// The difference as a percentage of OLD, when OLD is a non-zero number.
    pub percent: Option<f64>,
}

/// The changes of one table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TableDiff {
    pub table: TableKey,
    pub old_version: Option<FormatVersion>,
    pub new_version: Option<FormatVersion>,
    /// In official order (NEW's rows first, then cells only OLD has).
    pub changes: Vec<CellChange>,
    pub unchanged: usize,
}

fn number(value: &CellValue) -> Option<Decimal> {
    match value {
        CellValue::Count { value, .. } => Some(Decimal::from(*value)),
        CellValue::Amount { value, .. } => Some(*value),
        _ => None,
    }
}

/// Same value: numbers by value (「00」 = 「0」), other cells by content.
fn same(a: &CellValue, b: &CellValue) -> bool {
    match (number(a), number(b)) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}

pub(crate) fn diff_table(old: &Report, new: &Report, key: TableKey) -> TableDiff {
    let (o, n) = (old.table(key), new.table(key));
    let mut changes = Vec::new();
    let mut unchanged = 0;
    let mut seen: Vec<(RowId, ColumnId)> = Vec::new();
    for row in &n.rows {
        for cell in &row.cells {
            seen.push((row.id, cell.column));
            let before = o.cell(row.id, cell.column);
            match before {
                Some(b) if same(&b.value, &cell.value) => unchanged += 1,
                _ => changes.push(change(
                    row.id,
                    row_label(key, row.label, cell.column),
                    cell.column,
                    cell.label,
                    before.map(|b| (&b.value, b.span)),
                    Some((&cell.value, cell.span)),
                )),
            }
        }
    }
    for row in &o.rows {
        for cell in &row.cells {
            if !seen.contains(&(row.id, cell.column)) {
                changes.push(change(
                    row.id,
                    row_label(key, row.label, cell.column),
                    cell.column,
                    cell.label,
                    Some((&cell.value, cell.span)),
                    None,
                ));
            }
        }
    }
    TableDiff {
        table: key,
        old_version: o.found.then_some(o.version),
        new_version: n.found.then_some(n.version),
        changes,
        unchanged,
    }
}

/// The row label to show: 表四's single row is named by the column's group.
fn row_label(table: TableKey, label: &'static str, column: ColumnId) -> &'static str {
    match (table, t4_group(column)) {
        (TableKey::ReviewsAndLitigation, Some(group)) => group,
        _ => label,
    }
}

fn change(
    row: RowId,
    row_label: &'static str,
    column: ColumnId,
    column_label: &'static str,
    old: Option<(&CellValue, Option<Span>)>,
    new: Option<(&CellValue, Option<Span>)>,
) -> CellChange {
    let (a, b) = (old.and_then(|o| number(o.0)), new.and_then(|n| number(n.0)));
    // Amounts near Decimal's limit cannot be subtracted: no difference rather than a panic.
    let difference = a
        .zip(b)
        .and_then(|(a, b)| b.checked_sub(a))
        .map(|d| d.normalize().to_string());
    let percent = a.zip(b).and_then(|(a, b)| {
        let a: f64 = a.try_into().ok()?;
        let b: f64 = b.try_into().ok()?;
        (a != 0.0).then(|| ((b - a) / a * 1000.0).round() / 10.0)
    });
    CellChange {
        row,
        row_label,
        column,
        column_label,
        old: old.map(|o| o.0.clone()),
        new: new.map(|n| n.0.clone()),
        old_span: old.and_then(|o| o.1),
        new_span: new.and_then(|n| n.1),
        difference,
        percent,
    }
}
