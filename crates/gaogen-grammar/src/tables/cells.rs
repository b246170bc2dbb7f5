//! Placing one row's values in the official cells: in order when the count fits, by `|` grid
//! position, or not at all (ambiguous); and the findings about labels as written.

use super::raw::{GridCell, HeaderSeen, RawRow};
use gaogen_model::label::MatchQuality;
use gaogen_model::schema::{
    ColumnDef, RowDef, RowKind, TableSchema, ValueKind, VariantKind, T2_2019, T2_2021,
};
use gaogen_model::{
    Cell, CellValue, Finding, FindingKind, Located, Row, RowStatus, Span, TableKey,
};
use gaogen_model::{ColumnId, RowId};

pub(super) fn finding(
    kind: FindingKind,
    table: TableKey,
    message: impl Into<std::sync::Arc<str>>,
    span: Option<Span>,
) -> Finding {
    let mut f = Finding::new(kind, message, span);
    f.table = Some(table);
    f
}

pub(super) fn column_label(schema: &TableSchema, id: ColumnId) -> &'static str {
    schema
        .column(id)
        .or_else(|| [&T2_2021, &T2_2019].iter().find_map(|s| s.column(id)))
        .map_or("", |c| c.label)
}

pub(super) fn raw_text(value: &CellValue) -> &str {
    match value {
        CellValue::Count { raw, .. } | CellValue::Amount { raw, .. } | CellValue::Text { raw } => {
            raw
        }
        CellValue::Empty { marker } => marker,
        CellValue::Missing => "",
    }
}

/// A finding for a label written otherwise than the official text (wrapping is not a defect).
pub(super) fn report_label(
    findings: &mut Vec<Finding>,
    key: TableKey,
    quality: MatchQuality,
    written: &Located<String>,
    official: &str,
    row: Option<RowId>,
    column: Option<ColumnId>,
) {
    let what = match quality {
        MatchQuality::Exact | MatchQuality::Prefix { .. } => return,
        MatchQuality::Variant {
            variant: VariantKind::Outdated,
            ..
        } => "旧版格式的标签",
        MatchQuality::Variant {
            variant: VariantKind::Typo,
            ..
        }
        | MatchQuality::Fuzzy { .. } => "标签有误",
        MatchQuality::Variant {
            variant: VariantKind::Variant,
            ..
        } => "非官方写法的标签",
    };
    let mut f = finding(
        FindingKind::LabelVariant,
        key,
        format!(
            "{}{what}「{}」，官方文字为「{official}」",
            key.name(),
            written.value
        ),
        Some(written.span),
    );
    f.row = row;
    f.column = column;
    f.expected = Some(official.into());
    f.found = Some(written.value.as_str().into());
    findings.push(f);
}

pub(super) fn place_row(
    key: TableKey,
    schema: &TableSchema,
    headers: &[HeaderSeen],
    def: &'static RowDef,
    raw: &RawRow,
    quality: MatchQuality,
    findings: &mut Vec<Finding>,
) -> Row {
    let n = def.columns.len();
    let mut row = Row {
        id: def.id,
        label: def.label,
        kind: def.kind,
        status: RowStatus::Found,
        label_as_written: (!raw.label.value.is_empty()).then(|| raw.label.clone()),
        label_quality: (!raw.label.value.is_empty()).then_some(quality),
        cells: Vec::with_capacity(n),
        unplaced: Vec::new(),
    };
    if raw.cut.is_some() && raw.values.len() < n {
        return super::cut::place_cut_row(key, schema, def, raw, row, findings);
    }
    let cell = |c: ColumnId, value: CellValue, span: Option<Span>| cell_of(schema, c, value, span);
    let label_end = Some(raw.label.span);
    let values = raw.cells_for(n);
    if values.len() == n {
        for (&c, v) in def.columns.iter().zip(values.iter()) {
            row.cells.push(cell(c, v.value.clone(), Some(v.span)));
        }
    } else if let Some(by_position) = grid_values(headers, def, raw) {
        for (&c, v) in def.columns.iter().zip(by_position) {
            match v {
                Some(located) => row.cells.push(cell(c, located.value, Some(located.span))),
                None => row.cells.push(cell(c, CellValue::Missing, label_end)),
            }
        }
    } else if let Some(cells) = run_split(key, def, &values, findings) {
        for (&c, v) in def.columns.iter().zip(cells) {
            row.cells.push(cell(c, v.value, Some(v.span)));
        }
    } else if values.is_empty() && def.kind == RowKind::Group {
        // A group label without a subtotal.
    } else {
        row.status = if values.is_empty() {
            RowStatus::Found
        } else {
            RowStatus::Ambiguous
        };
        for &c in def.columns {
            row.cells.push(cell(c, CellValue::Missing, label_end));
        }
        row.unplaced = values.to_vec();
        let message = if values.is_empty() {
            format!("{}「{}」只有标签，没有数值", key.name(), def.label)
        } else if let [run] = &values[..] {
            format!(
                "{}「{}」的数字连在一起（「{}」），各栏之间没有分隔，无法唯一确定分界：未放入表格",
                key.name(),
                def.label,
                raw_text(&run.value)
            )
        } else {
            format!(
                "{}「{}」有 {} 个数值，但该行有 {n} 列：无法确定哪一列缺失，未放入表格",
                key.name(),
                def.label,
                values.len()
            )
        };
        let kind = if values.is_empty() {
            FindingKind::CellMissing
        } else {
            FindingKind::RowAmbiguous
        };
        let span = values
            .first()
            .map(|v| v.span.cover(values[values.len() - 1].span));
        let mut f = finding(kind, key, message, span.or(label_end));
        f.row = Some(def.id);
        findings.push(f);
        return row;
    }
    for c in &row.cells {
        let (kind, message, found) = match &c.value {
            CellValue::Text { raw } if crate::value::is_unreadable(&c.value) => (
                FindingKind::ValueUnreadable,
                format!("写作「{raw}」，不是可读的数字：原样保留为文字，同行其余数值照常读取"),
                Some(raw.to_string()),
            ),
            CellValue::Missing => (FindingKind::CellMissing, "没有填写".to_string(), None),
            _ => continue,
        };
        let message = format!(
            "{}「{}」的「{}」一栏{message}",
            key.name(),
            def.label,
            c.label
        );
        let mut f = finding(kind, key, message, c.span);
        f.row = Some(def.id);
        f.column = Some(c.column);
        f.found = found.map(String::into_boxed_str);
        findings.push(f);
    }
    row
}

/// The cell of column `c` holding `value` (as the column's kind).
pub(super) fn cell_of(
    schema: &TableSchema,
    c: ColumnId,
    value: CellValue,
    span: Option<Span>,
) -> Cell {
    // The column looked up once for its label and its kind.
    let def = schema.column(c);
    Cell {
        column: c,
        label: def.map_or_else(|| column_label(schema, c), |d| d.label),
        value: as_column_kind(def, value),
        span,
    }
}

/// A whole number in an amount column (「7545」 万元) is an amount.
fn as_column_kind(column: Option<&ColumnDef>, value: CellValue) -> CellValue {
    match value {
        CellValue::Count { value, raw } if column.is_some_and(|c| c.kind == ValueKind::Amount) => {
            CellValue::Amount {
                value: value.into(),
                raw,
            }
        }
        other => other,
    }
}

/// Values of a row placed by the `|` grid positions of its table's column headers, when the row
/// and the headers stood on lines of the same width. `None` entries are cells with nothing.
fn grid_values(
    headers: &[HeaderSeen],
    def: &RowDef,
    raw: &RawRow,
) -> Option<Vec<Option<Located<CellValue>>>> {
    let grid = raw.grid.as_ref()?;
    let mut out = Vec::with_capacity(def.columns.len());
    for &c in def.columns {
        let (width, index) = headers.iter().rev().find(|h| h.column == c)?.grid?;
        if width != grid.len() {
            return None;
        }
        out.push(match &grid[index] {
            GridCell::Value(v) => Some(v.clone()),
            GridCell::Blank(span) => Some(Located {
                value: CellValue::Empty {
                    marker: Default::default(),
                },
                span: *span,
            }),
            GridCell::Text => None,
        });
    }
    Some(out)
}

/// A row whose cells were run together into one digit run (crawler text), split where the
/// table's sums make the split unique (表三: 总计 = the six; 表四: each group's 总计 = its four).
fn run_split(
    key: TableKey,
    def: &RowDef,
    values: &[Located<CellValue>],
    findings: &mut Vec<Finding>,
) -> Option<Vec<Located<CellValue>>> {
    let [run] = values else { return None };
    let CellValue::Count { raw, .. } = &run.value else {
        return None;
    };
    let (groups, size) = match (key, def.columns.len()) {
        (TableKey::Applications, 7) => (1, 7),
        (TableKey::ReviewsAndLitigation, 15) => (3, 5),
        _ => return None,
    };
    if raw.len() < groups * size || !raw.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let cuts = super::runs::split_run(raw, groups, size).ok()?;
    let span = run.span;
    let one_line = span.end_line == span.line && span.end_column - span.column == raw.len() as u32;
    let cells: Vec<Located<CellValue>> = cuts
        .iter()
        .map(|&(s, e)| Located {
            value: CellValue::Count {
                value: raw[s..e].parse().unwrap_or_default(),
                raw: gaogen_model::CellText::from(&raw[s..e]),
            },
            span: if one_line {
                Span::on_line(span.line, span.column + s as u32, span.column + e as u32)
            } else {
                span
            },
        })
        .collect();
    let shown: Vec<&str> = cuts.iter().map(|&(s, e)| &raw[s..e]).collect();
    let mut f = finding(
        FindingKind::CellsSplit,
        key,
        format!(
            "{}「{}」的数字连在一起（「{raw}」），按总计唯一可行的拆分读作 {}：请核对原表",
            key.name(),
            def.label,
            shown.join("、")
        ),
        Some(span),
    );
    f.row = Some(def.id);
    f.found = Some(raw.as_str().into());
    findings.push(f);
    Some(cells)
}

#[cfg(test)]
mod tests {
    use super::super::read_text;
    use gaogen_model::{CellValue, ColumnId, FindingKind, RowId, RowStatus};

    #[test]
    fn a_row_with_too_few_values_is_ambiguous_and_keeps_them() {
        let read = read_text(
            "申请人情况\n一、本年新收政府信息公开申请数量  5  5\n",
            Some(2023),
        );
        let row = read.tables.applications.row(RowId::NewRequests).unwrap();
        assert_eq!(row.status, RowStatus::Ambiguous);
        assert_eq!(row.unplaced.len(), 2);
        assert!(row.cells.iter().all(|c| c.value == CellValue::Missing));
        assert!(read
            .findings
            .iter()
            .any(|f| f.kind == FindingKind::RowAmbiguous));
    }

    #[test]
    fn a_whole_number_in_an_amount_column_is_an_amount() {
        let read = read_text("第二十条第（八）项\n行政事业性收费  7545\n", Some(2023));
        let cell = read
            .tables
            .active_disclosure
            .cell(RowId::Fees, ColumnId::FeeAmount)
            .unwrap();
        assert!(matches!(cell.value, CellValue::Amount { .. }));
    }
}
