//! Cell-by-cell value checks shared by T2-2 and T3-5.

use super::{Diagnostic, Severity};
use crate::schema::{table_schema, ValueKind};
use crate::{CellValue, Report, TableKey};

/// Reports every cell of `key` whose value is not a proper value of its column: a row's empty
/// cells (blank or a marker such as 「/」) in one diagnostic listing them, each marked; every other
/// improper cell on its own.
pub(crate) fn check_values(
    report: &Report,
    key: TableKey,
    code: &'static str,
    out: &mut Vec<Diagnostic>,
) {
    let table = report.table(key);
    if !table.found {
        return;
    }
    let schema = table_schema(key, table.version);
    for row in &table.rows {
        let label_span = row.label_as_written.as_ref().map(|l| l.span);
        let empty: Vec<(&crate::Cell, &str)> = row
            .cells
            .iter()
            .filter_map(|c| match &c.value {
                CellValue::Empty { marker } => Some((c, marker.as_str())),
                _ => None,
            })
            .collect();
        if empty.len() > 1 {
            out.push(empty_row(key, row.label, &empty, label_span, code));
        }
        for cell in &row.cells {
            if empty.len() > 1 && matches!(cell.value, CellValue::Empty { .. }) {
                continue;
            }
            let kind = schema
                .column(cell.column)
                .map_or(ValueKind::Count, |c| c.kind);
            if is_proper(&cell.value, kind) {
                continue;
            }
            let place = format!("{}「{}」的「{}」", key.name(), row.label, cell.label);
            let (message, help) = match &cell.value {
                CellValue::Empty { marker } if marker.is_empty() => (
                    format!("{place}是空白：空白不等于 0"),
                    "填入数值；没有发生的填 0".to_string(),
                ),
                CellValue::Empty { marker } => (
                    format!("{place}填的是「{marker}」，不是数字：不等于 0"),
                    "填入数值；没有发生的填 0".to_string(),
                ),
                CellValue::Text { raw } => (
                    format!("{place}填的是「{raw}」，单元格里只应有数字"),
                    "去掉单位和文字，只填数字（单位见表头）".to_string(),
                ),
                CellValue::Count { value, raw } => {
                    if *value < 0 && kind != ValueKind::SignedCount {
                        (
                            format!("{place}是负数 {raw}"),
                            "件数不能为负，核对后改正".to_string(),
                        )
                    } else if raw.len() > 1 && raw.starts_with('0') {
                        (format!("{place}写作「{raw}」"), format!("写作「{value}」"))
                    } else {
                        continue;
                    }
                }
                CellValue::Amount { value, raw } => {
                    if kind != ValueKind::Amount {
                        (
                            format!("{place}是小数 {raw}，件数应为整数"),
                            "核对后填入整数".to_string(),
                        )
                    } else if value.is_sign_negative() {
                        (
                            format!("{place}是负数 {raw}"),
                            "金额不能为负，核对后改正".to_string(),
                        )
                    } else {
                        continue;
                    }
                }
                CellValue::Missing => continue,
            };
            out.push(
                Diagnostic::new(code, Severity::Warning, message, cell.span.or(label_span))
                    .in_table(key)
                    .help(help),
            );
        }
    }
}

/// One diagnostic for a row's empty cells (two or more): where each is, what it holds.
fn empty_row(
    key: TableKey,
    row: &str,
    empty: &[(&crate::Cell, &str)],
    label_span: Option<crate::Span>,
    code: &'static str,
) -> Diagnostic {
    let what = |marker: &str| {
        if marker.is_empty() {
            "空白".to_string()
        } else {
            format!("「{marker}」")
        }
    };
    let same = empty.iter().all(|(_, m)| *m == empty[0].1);
    let cells: Vec<String> = empty
        .iter()
        .map(|(c, m)| {
            if same {
                c.label.to_string()
            } else {
                format!("{}（{}）", c.label, what(m))
            }
        })
        .collect();
    let n = empty.len();
    let place = format!("{}「{row}」", key.name());
    let message = match (same, empty[0].1) {
        (true, "") => format!("{place}有 {n} 格是空白：{}；空白不等于 0", cells.join("、")),
        (true, marker) => format!(
            "{place}有 {n} 格填的是「{marker}」，不是数字：{}；不等于 0",
            cells.join("、")
        ),
        (false, _) => format!(
            "{place}有 {n} 格没有数字：{}；空白和标记都不等于 0",
            cells.join("、")
        ),
    };
    let mut d = Diagnostic::new(
        code,
        Severity::Warning,
        message,
        empty.iter().find_map(|(c, _)| c.span).or(label_span),
    )
    .in_table(key)
    .help("填入数值；没有发生的填 0");
    for ((c, _), label) in empty.iter().zip(cells) {
        if let Some(span) = c.span {
            d = d.mark(span, label);
        }
    }
    d
}

/// A value that needs no diagnostic (the common case, decided without formatting anything).
fn is_proper(value: &CellValue, kind: ValueKind) -> bool {
    match value {
        CellValue::Count { value, raw } => {
            (*value >= 0 || kind == ValueKind::SignedCount)
                && !(raw.len() > 1 && raw.starts_with('0'))
        }
        CellValue::Amount { value, .. } => kind == ValueKind::Amount && !value.is_sign_negative(),
        CellValue::Missing => true,
        CellValue::Empty { .. } | CellValue::Text { .. } => false,
    }
}
