//! Where every label and every number of the authoring workbook lies: one layout per table sheet,
//! derived from the schema (labels are never written here), shared by the writer and the reader.
//!
//! Rows and columns are 0-based as in both libraries; addresses shown to people are Excel's
//! (「表三!D12」).

use gaogen_model::schema::{
    header_cells, table_schema, FormatVersion, HeaderCell, RowKind, TableKey, ValueKind,
    T2_CONTENT_HEADER, T2_GROUPS, T3_HEADER, T4, T4_GROUPS, T4_HEADER,
};
use gaogen_model::{ColumnId, RowId};

/// The sheet with the agency, year, date, contact and the text of the six sections.
pub(crate) const SHEET_INFO: &str = "基本信息";

/// The first row of a table's header (row 0 is the title, row 1 the instructions).
const HEADER_ROW: u32 = 2;

/// What a label cell is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// A header over columns or groups.
    Header,
    /// The label of a data row (checked by the reader: a moved table is found by it).
    Row,
}

/// A label cell, possibly merged over `row..=last_row`, `col..=last_col`.
#[derive(Debug, Clone)]
pub(crate) struct Label {
    pub row: u32,
    pub col: u16,
    pub last_row: u32,
    pub last_col: u16,
    pub text: &'static str,
    pub role: Role,
}

/// A total written as a formula: the sum of a contiguous range when all `count` cells are
/// filled, blank otherwise (a blank is never 0).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Sum {
    pub first: (u32, u16),
    pub last: (u32, u16),
    pub count: usize,
}

impl Sum {
    /// `=IF(COUNT(D8:D30)=23,SUM(D8:D30),"")`.
    pub fn formula(&self) -> String {
        let range = format!(
            "{}:{}",
            address(self.first.0, self.first.1),
            address(self.last.0, self.last.1)
        );
        format!("=IF(COUNT({range})={},SUM({range}),\"\")", self.count)
    }

    /// The cells summed.
    pub fn cells(&self) -> impl Iterator<Item = (u32, u16)> + '_ {
        (self.first.0..=self.last.0)
            .flat_map(move |r| (self.first.1..=self.last.1).map(move |c| (r, c)))
    }
}

/// A cell that holds a number of the model.
#[derive(Debug, Clone)]
pub(crate) struct Slot {
    pub row: u32,
    pub col: u16,
    /// The last column of the merge when the value spans the rest of the table (表二).
    pub last_col: u16,
    pub row_id: RowId,
    pub row_label: &'static str,
    pub column: ColumnId,
    pub column_label: &'static str,
    pub kind: ValueKind,
    /// Set for totals: a formula, computed by gaogen too.
    pub sum: Option<Sum>,
}

/// One table sheet.
#[derive(Debug, Clone)]
pub(crate) struct SheetLayout {
    pub table: TableKey,
    pub version: FormatVersion,
    pub labels: Vec<Label>,
    pub slots: Vec<Slot>,
    /// Number of columns the table covers.
    pub width: u16,
    /// Column widths in characters.
    pub widths: Vec<f64>,
}

impl SheetLayout {
    pub fn name(&self) -> &'static str {
        self.table.name()
    }

    /// The title row's text: the official section heading.
    pub fn title(&self) -> String {
        gaogen_model::schema::section(match self.table {
            TableKey::ActiveDisclosure => gaogen_model::SectionKey::ActiveDisclosure,
            TableKey::Applications => gaogen_model::SectionKey::Applications,
            TableKey::ReviewsAndLitigation => gaogen_model::SectionKey::ReviewsAndLitigation,
        })
        .heading()
    }

    /// The label of the row a slot belongs to (for 表四, its first header).
    pub fn row_label_of(&self, row: u32) -> Option<&Label> {
        self.labels
            .iter()
            .find(|l| l.role == Role::Row && l.row == row)
    }
}

/// Excel's column letters: 0 → A, 25 → Z, 26 → AA.
pub(crate) fn column_name(col: u16) -> String {
    let mut n = u32::from(col) + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// 「D12」 for row 11, column 3.
pub(crate) fn address(row: u32, col: u16) -> String {
    format!("{}{}", column_name(col), row + 1)
}

fn label(row: u32, col: u16, last_row: u32, last_col: u16, text: &'static str) -> Label {
    Label {
        row,
        col,
        last_row,
        last_col,
        text,
        role: Role::Header,
    }
}

/// The header rows of the schema (表三, 表四) as merged labels from `HEADER_ROW`.
fn header_labels(header: &[&[HeaderCell]]) -> Vec<Label> {
    header_cells(header)
        .into_iter()
        .map(|(r, c, cell)| {
            let (row, col) = (HEADER_ROW + r as u32, c as u16);
            let last_row = row + cell.rows as u32 - 1;
            label(row, col, last_row, col + cell.cols as u16 - 1, cell.text)
        })
        .collect()
}

/// The layout of `table` in `version`.
pub(crate) fn layout(table: TableKey, version: FormatVersion) -> SheetLayout {
    match table {
        TableKey::ActiveDisclosure => table_two(version),
        TableKey::Applications => table_three(version),
        TableKey::ReviewsAndLitigation => table_four(),
    }
}

fn table_two(version: FormatVersion) -> SheetLayout {
    let schema = table_schema(TableKey::ActiveDisclosure, version);
    let width = schema
        .rows
        .iter()
        .map(|r| r.columns.len())
        .max()
        .unwrap_or(1) as u16;
    let mut labels = Vec::new();
    let mut slots = Vec::new();
    let mut r = HEADER_ROW;
    for header in T2_GROUPS {
        let rows: Vec<_> = schema
            .rows
            .iter()
            .filter(|d| d.group == Some(header))
            .collect();
        let Some(first) = rows.first() else { continue };
        labels.push(label(r, 0, r, width, header));
        r += 1;
        labels.push(label(r, 0, r, 0, T2_CONTENT_HEADER));
        let last = |i: usize, n: usize| if i + 1 == n { width } else { i as u16 + 1 };
        for (i, &c) in first.columns.iter().enumerate() {
            let col = schema.column(c).map_or("", |c| c.label);
            let end = last(i, first.columns.len());
            labels.push(label(r, i as u16 + 1, r, end, col));
        }
        r += 1;
        for def in rows {
            labels.push(Label {
                role: Role::Row,
                ..label(r, 0, r, 0, def.label)
            });
            for (i, &c) in def.columns.iter().enumerate() {
                let col = schema.column(c).expect("schema column");
                slots.push(Slot {
                    row: r,
                    col: i as u16 + 1,
                    last_col: last(i, def.columns.len()),
                    row_id: def.id,
                    row_label: def.label,
                    column: col.id,
                    column_label: col.label,
                    kind: col.kind,
                    sum: None,
                });
            }
            r += 1;
        }
    }
    let mut widths = vec![28.0];
    widths.extend(std::iter::repeat_n(18.0, usize::from(width)));
    SheetLayout {
        table: TableKey::ActiveDisclosure,
        version,
        labels,
        slots,
        width: width + 1,
        widths,
    }
}

fn table_three(version: FormatVersion) -> SheetLayout {
    let schema = table_schema(TableKey::Applications, version);
    let columns = schema.columns;
    let (h, first_value) = (HEADER_ROW, 3u16);
    let mut labels = header_labels(T3_HEADER);
    let data: Vec<_> = schema
        .rows
        .iter()
        .enumerate()
        .filter(|(_, d)| d.kind == RowKind::Data)
        .collect();
    let first_row = h + 3;
    let row_of = |id: RowId| -> u32 {
        first_row + data.iter().position(|(_, d)| d.id == id).unwrap_or(0) as u32
    };
    let (disclosed, total_row, forward) = (
        row_of(RowId::Disclosed),
        row_of(RowId::ResultsTotal),
        row_of(RowId::CarriedForward),
    );
    let group = schema.row(RowId::Results).map_or("", |g| g.label);
    labels.push(label(disclosed, 0, forward - 1, 0, group));
    let mut slots = Vec::new();
    for (n, &(i, def)) in data.iter().enumerate() {
        let r = first_row + n as u32;
        let in_results = (disclosed..forward).contains(&r);
        let is_sub = in_results && def.label.starts_with(|c: char| c.is_ascii_digit());
        let (col, last) = match (in_results, is_sub) {
            (false, _) => (0, 2),
            (true, false) => (1, 2),
            (true, true) => (2, 2),
        };
        labels.push(Label {
            role: Role::Row,
            ..label(r, col, r, last, def.label)
        });
        // The first item of a group carries the group's label, merged down over its items.
        if is_sub && schema.rows[i - 1].kind == RowKind::Group {
            let size = schema.rows[i..]
                .iter()
                .take_while(|d| d.kind == RowKind::Data && d.label.starts_with(char::is_numeric))
                .count() as u32;
            labels.push(label(r, 1, r + size - 1, 1, schema.rows[i - 1].label));
        }
        for (k, c) in columns.iter().enumerate() {
            let col = first_value + k as u16;
            let sum = if k == 6 {
                Some(Sum {
                    first: (r, first_value),
                    last: (r, first_value + 5),
                    count: 6,
                })
            } else if r == total_row {
                Some(Sum {
                    first: (disclosed, col),
                    last: (total_row - 1, col),
                    count: (total_row - disclosed) as usize,
                })
            } else {
                None
            };
            slots.push(Slot {
                row: r,
                col,
                last_col: col,
                row_id: def.id,
                row_label: def.label,
                column: c.id,
                column_label: c.label,
                kind: c.kind,
                sum,
            });
        }
    }
    let mut widths = vec![8.0, 16.0, 44.0];
    widths.extend([10.0; 7]);
    SheetLayout {
        table: TableKey::Applications,
        version,
        labels,
        slots,
        width: 10,
        widths,
    }
}

fn table_four() -> SheetLayout {
    let labels = header_labels(T4_HEADER);
    let mut slots = Vec::new();
    let data = HEADER_ROW + 3;
    let def = &T4.rows[0];
    for (g, group) in T4_GROUPS.iter().enumerate() {
        let start = g as u16 * 5;
        for (k, &id) in (0u16..).zip(&group.columns) {
            let c = T4.column(id).expect("a column of 表四");
            slots.push(Slot {
                row: data,
                col: start + k,
                last_col: start + k,
                row_id: def.id,
                row_label: def.label,
                column: c.id,
                column_label: c.label,
                kind: c.kind,
                sum: (k == 4).then_some(Sum {
                    first: (data, start),
                    last: (data, start + 3),
                    count: 4,
                }),
            });
        }
    }
    SheetLayout {
        table: TableKey::ReviewsAndLitigation,
        version: FormatVersion::V2021,
        labels,
        slots,
        width: 15,
        widths: vec![10.0; 15],
    }
}

/// The places of the text on 基本信息: the preamble, then the six sections by official heading.
pub(crate) fn text_parts() -> Vec<(Option<gaogen_model::SectionKey>, String)> {
    let mut parts = vec![(None, "前言".to_string())];
    parts.extend(
        gaogen_model::schema::SECTIONS
            .iter()
            .map(|s| (Some(s.key), s.heading())),
    );
    parts
}

/// The metadata rows of 基本信息: (key, label) in order, from row 2.
pub(crate) const INFO_FIELDS: [(&str, &str); 4] = [
    ("agency", "机关名称"),
    ("year", "报告年度"),
    ("date", "落款日期"),
    ("contact", "联系方式"),
];

/// The row of 基本信息 with the text header; parts follow it.
pub(crate) const TEXT_HEADER_ROW: u32 = 7;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_excel_style() {
        assert_eq!(address(11, 3), "D12");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
    }

    #[test]
    fn every_data_cell_has_a_slot() {
        for v in [FormatVersion::V2019, FormatVersion::V2021] {
            for t in TableKey::ALL {
                let l = layout(t, v);
                let schema = table_schema(t, v);
                assert_eq!(l.slots.len(), schema.data_cell_count(), "{t:?} {v:?}");
                let mut seen = std::collections::HashSet::new();
                for s in &l.slots {
                    assert!(
                        seen.insert((s.row, s.col)),
                        "two slots at {}",
                        address(s.row, s.col)
                    );
                }
            }
        }
    }

    #[test]
    fn table_three_totals_sum_the_results() {
        let l = layout(TableKey::Applications, FormatVersion::V2021);
        let total = l
            .slots
            .iter()
            .find(|s| s.row_id == RowId::ResultsTotal && s.column == ColumnId::NaturalPerson)
            .unwrap();
        let sum = total.sum.unwrap();
        // （一）…（六） with their items: 2 + 8 + 3 + 5 + 3 rows.
        assert_eq!(sum.count, 21);
        assert_eq!(sum.formula(), "=IF(COUNT(D8:D28)=21,SUM(D8:D28),\"\")");
    }

    #[test]
    fn headers_are_merged_as_the_schema_spans_them() {
        let merged = |l: &SheetLayout, text: &str| {
            l.labels
                .iter()
                .filter(|x| x.text == text && x.role == Role::Header)
                .map(|x| {
                    (
                        x.row - HEADER_ROW,
                        x.col,
                        x.last_row - HEADER_ROW,
                        x.last_col,
                    )
                })
                .collect::<Vec<_>>()
        };
        let t3 = layout(TableKey::Applications, FormatVersion::V2021);
        assert_eq!(merged(&t3, "申请人情况"), [(0, 3, 0, 9)]);
        assert_eq!(merged(&t3, "自然人"), [(1, 3, 2, 3)]);
        assert_eq!(merged(&t3, "法人或其他组织"), [(1, 4, 1, 8)]);
        assert_eq!(merged(&t3, "其他"), [(2, 8, 2, 8)]);
        let t4 = layout(TableKey::ReviewsAndLitigation, FormatVersion::V2021);
        assert_eq!(merged(&t4, "行政诉讼"), [(0, 5, 0, 14)]);
        assert_eq!(merged(&t4, "复议后起诉"), [(1, 10, 1, 14)]);
        assert_eq!(
            merged(&t4, "总计"),
            [(1, 4, 2, 4), (2, 9, 2, 9), (2, 14, 2, 14)]
        );
    }
}
