//! Reading the table sheets of an authoring workbook (calamine) into rows of the model. Every
//! label is checked where the layout puts it, so a moved table or a renamed row stops the reading
//! with the sheet and cell named; totals are computed from their parts and a typed total that
//! disagrees is reported at its cell.

use super::layout::{address, layout, Role, SheetLayout, Slot};
use super::{Place, Places};
use calamine::{Data, Range};
use compact_str::ToCompactString;
use gaogen_model::check::{Diagnostic, Severity};
use gaogen_model::label::MatchQuality;
use gaogen_model::schema::{table_schema, FormatVersion, RowKind, TableKey, ValueKind};
use gaogen_model::{Cell, CellValue, Located, Row, RowStatus, Table, VersionBasis};
use rust_decimal::Decimal;
use std::collections::HashMap;
use std::str::FromStr;

/// The text of a cell, whitespace removed (for comparing labels).
pub(crate) fn text_at(range: &Range<Data>, row: u32, col: u16) -> String {
    match range.get_value((row, u32::from(col))) {
        Some(Data::String(s)) => s.chars().filter(|c| !c.is_whitespace()).collect(),
        Some(Data::Empty) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// How many of the layout's row labels stand where it puts them.
fn matching_labels(range: &Range<Data>, l: &SheetLayout) -> usize {
    l.labels
        .iter()
        .filter(|lab| {
            lab.role == Role::Row && text_at(range, lab.row, lab.col) == squeeze(lab.text)
        })
        .count()
}

/// The layout the sheet follows (2021 or 2019), or why none fits.
pub(crate) fn pick_layout(range: &Range<Data>, table: TableKey) -> Result<SheetLayout, String> {
    let candidates: Vec<SheetLayout> = match table {
        TableKey::ReviewsAndLitigation => vec![layout(table, FormatVersion::V2021)],
        _ => vec![
            layout(table, FormatVersion::V2021),
            layout(table, FormatVersion::V2019),
        ],
    };
    let mut best: Option<(usize, SheetLayout)> = None;
    for l in candidates {
        let wanted: Vec<_> = l
            .labels
            .iter()
            .filter(|x| x.role == Role::Row || table == TableKey::ReviewsAndLitigation)
            .collect();
        let found = if table == TableKey::ReviewsAndLitigation {
            wanted
                .iter()
                .filter(|lab| text_at(range, lab.row, lab.col) == squeeze(lab.text))
                .count()
        } else {
            matching_labels(range, &l)
        };
        if found == wanted.len() {
            return Ok(l);
        }
        if best.as_ref().is_none_or(|(n, _)| found > *n) {
            best = Some((found, l));
        }
    }
    let (_, l) = best.expect("at least one layout");
    Err(moved(range, &l))
}

/// Why the labels of `l` are not where they belong: the first one out of place, and where it is
/// now if it is anywhere on the sheet.
fn moved(range: &Range<Data>, l: &SheetLayout) -> String {
    let sheet = l.name();
    // Row labels first: 「一、本年新收…」 says more than a header.
    let out_of_place =
        |lab: &&super::layout::Label| text_at(range, lab.row, lab.col) != squeeze(lab.text);
    let Some(lab) = l
        .labels
        .iter()
        .filter(|lab| lab.role == Role::Row)
        .find(out_of_place)
        .or_else(|| l.labels.iter().find(out_of_place))
    else {
        return format!("工作表「{sheet}」的表格与官方格式不符");
    };
    let want = address(lab.row, lab.col);
    let expected = squeeze(lab.text);
    let now = range.cells().find(|(_, _, d)| match d {
        Data::String(s) => squeeze(s) == expected,
        _ => false,
    });
    let found = text_at(range, lab.row, lab.col);
    let found = if found.is_empty() {
        "空白".to_string()
    } else {
        format!("「{found}」")
    };
    match now {
        Some((r, c, _)) => {
            let (start_row, start_col) = range.start().unwrap_or((0, 0));
            let at = address(start_row + r as u32, (start_col as usize + c) as u16);
            format!(
                "工作表「{sheet}」的表格被移动了：「{}」应在 {sheet}!{want}，现在在 {sheet}!{at}（插入或删除了行、列？）。请撤销这些改动，或用 gaogen init 重新生成工作簿后把数字复制过去",
                lab.text
            )
        }
        None => format!(
            "工作表「{sheet}」不是 gaogen 生成的表格：{sheet}!{want} 应为「{}」，现在是{found}。请用 gaogen init 生成的工作簿填写，不要改动表头和行名",
            lab.text
        ),
    }
}

/// Markers meaning "nothing written" — never 0.
const EMPTY_MARKERS: &[&str] = &["/", "-", "—", "－", "--", "——", "无", "／"];

/// A cell's value in the model, with a diagnostic when it breaks the column's rules.
fn leaf(data: Option<&Data>, kind: ValueKind) -> (CellValue, Option<String>) {
    let amount = |text: String| match Decimal::from_str(&text) {
        Ok(d) if kind == ValueKind::Amount && d.scale() > 6 => (
            CellValue::Amount {
                value: d,
                raw: text.as_str().into(),
            },
            Some(format!("「{text}」的小数超过 6 位")),
        ),
        Ok(d) => (
            CellValue::Amount {
                value: d,
                raw: text.into(),
            },
            None,
        ),
        Err(_) => (CellValue::Text { raw: text.into() }, None),
    };
    let count = |v: i64| match kind {
        ValueKind::Amount => (
            CellValue::Amount {
                value: Decimal::from(v),
                raw: v.to_compact_string(),
            },
            None,
        ),
        _ => (
            CellValue::Count {
                value: v,
                raw: v.to_compact_string(),
            },
            None,
        ),
    };
    match data {
        None | Some(Data::Empty) => (
            CellValue::Empty {
                marker: Default::default(),
            },
            None,
        ),
        Some(Data::Int(i)) => count(*i),
        Some(Data::Float(f))
            if f.fract() == 0.0 && f.abs() < 9.0e15 && kind != ValueKind::Amount =>
        {
            count(*f as i64)
        }
        Some(Data::Float(f)) => amount(format!("{f}")),
        Some(Data::String(s)) => {
            let t = s.trim();
            if t.is_empty() || EMPTY_MARKERS.contains(&t) {
                return (
                    CellValue::Empty {
                        marker: t.to_compact_string(),
                    },
                    None,
                );
            }
            if !t.is_empty() && t.len() <= 18 && t.bytes().all(|b| b.is_ascii_digit() || b == b'-')
            {
                if let Ok(v) = t.parse::<i64>() {
                    return (
                        CellValue::Count {
                            value: v,
                            raw: t.to_compact_string(),
                        },
                        None,
                    );
                }
            }
            if t.bytes()
                .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-')
            {
                return amount(t.to_string());
            }
            (
                CellValue::Text {
                    raw: t.to_compact_string(),
                },
                None,
            )
        }
        Some(other) => (
            CellValue::Text {
                raw: other.to_compact_string(),
            },
            None,
        ),
    }
}

fn same_formula(written: &str, expected: &str) -> bool {
    let norm = |s: &str| {
        s.trim_start_matches('=')
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '$')
            .flat_map(char::to_uppercase)
            .collect::<String>()
    };
    norm(written) == norm(expected)
}

/// One table sheet → a table of the model; places are added for every label and value.
pub(crate) fn read_table(
    range: &Range<Data>,
    formulas: &Range<String>,
    l: &SheetLayout,
    places: &mut Places,
    out: &mut Vec<Diagnostic>,
) -> Table {
    let sheet = l.name();
    let title = places.add(Place::new(sheet, 0, 0, l.title()));
    let mut values: HashMap<(u32, u16), (CellValue, gaogen_model::Span)> = HashMap::new();
    let what = |s: &Slot| format!("{} · {}", s.row_label, s.column_label);
    for s in l.slots.iter().filter(|s| s.sum.is_none()) {
        let span = places.add(Place::new(sheet, s.row, s.col, what(s)));
        let (value, problem) = leaf(range.get_value((s.row, u32::from(s.col))), s.kind);
        if let Some(p) = problem {
            out.push(
                Diagnostic::new(
                    "A-VALUE",
                    Severity::Error,
                    format!("{sheet}「{}」的「{}」{p}", s.row_label, s.column_label),
                    Some(span),
                )
                .in_table(l.table)
                .help("金额最多保留 6 位小数"),
            );
        }
        values.insert((s.row, s.col), (value, span));
    }
    // Totals: column sums first (their cells are all leaves), then row sums.
    let mut sums: Vec<&Slot> = l.slots.iter().filter(|s| s.sum.is_some()).collect();
    sums.sort_by_key(|s| s.sum.is_some_and(|m| m.first.0 == m.last.0));
    for s in sums {
        let sum = s.sum.expect("filtered");
        let span = places.add(Place::new(sheet, s.row, s.col, what(s)));
        let computed: Option<i64> = sum
            .cells()
            .map(|c| values.get(&c).and_then(|(v, _)| v.as_count()))
            .sum();
        let formula = formulas
            .get_value((s.row, u32::from(s.col)))
            .map_or("", String::as_str);
        let expected = sum.formula();
        let cell = format!("{sheet}!{}", address(s.row, s.col));
        let as_computed = || {
            computed.map_or(CellValue::Missing, |v| CellValue::Count {
                value: v,
                raw: v.to_compact_string(),
            })
        };
        let value = if same_formula(formula, &expected) {
            as_computed()
        } else {
            let (typed, _) = leaf(range.get_value((s.row, u32::from(s.col))), s.kind);
            let label = format!("{sheet}「{}」的「{}」", s.row_label, s.column_label);
            match (&typed, computed) {
                (CellValue::Empty { marker }, Some(c)) if marker.is_empty() => {
                    out.push(
                        Diagnostic::new(
                            "A-TOTAL",
                            Severity::Warning,
                            format!("{label}（{cell}）的公式被删除；按各项之和计为 {c}"),
                            Some(span),
                        )
                        .in_table(l.table)
                        .help(format!("恢复公式 {expected}")),
                    );
                    as_computed()
                }
                (CellValue::Count { value, .. }, Some(c)) if *value != c => {
                    out.push(
                        Diagnostic::new(
                            "A-TOTAL",
                            Severity::Error,
                            format!(
                                "{label}（{cell}）写的是 {value}，不等于各项之和 {c}（这里原是公式，被改成了数值）"
                            ),
                            Some(span),
                        )
                        .in_table(l.table)
                        .help(format!("恢复公式 {expected}，或改为 {c} 并核对各项")),
                    );
                    typed
                }
                _ => typed,
            }
        };
        values.insert((s.row, s.col), (value, span));
    }
    let schema = table_schema(l.table, l.version);
    let mut rows = Vec::new();
    for def in schema.rows.iter().filter(|r| r.kind == RowKind::Data) {
        let slots: Vec<&Slot> = l.slots.iter().filter(|s| s.row_id == def.id).collect();
        let label_span = slots
            .first()
            .and_then(|s| l.row_label_of(s.row))
            .map(|lab| places.add(Place::new(sheet, lab.row, lab.col, lab.text.to_string())))
            .unwrap_or(title);
        let cells = slots
            .iter()
            .map(|s| {
                let (value, span) = values
                    .remove(&(s.row, s.col))
                    .unwrap_or((CellValue::Missing, label_span));
                Cell {
                    column: s.column,
                    label: s.column_label,
                    value,
                    span: Some(span),
                }
            })
            .collect();
        let mut row = Row::new(def, RowStatus::Found, cells);
        row.label_as_written = Some(Located {
            value: def.label.to_string(),
            span: label_span,
        });
        row.label_quality = Some(MatchQuality::Exact);
        rows.push(row);
    }
    Table {
        key: l.table,
        found: true,
        version: l.version,
        version_basis: VersionBasis::Labels,
        span: Some(title),
        rows,
        unread: Vec::new(),
    }
}
