//! Column-by-column blocks (pdfminer-style text): a run of labels, then the values column after
//! column, placed in the orientation the table's sums confirm, otherwise reported.

use super::raw::{t3_data_row, T3_WIDTH};
use super::stream::Reader;
use gaogen_model::{CellValue, Finding, FindingKind, Located, RowId, TableKey};

/// Rows × 7 values as each row's seven: column by column (`columns`), the 总计 column standing
/// `total_at`-th and the six others in their official order; or row by row, 总计 last.
fn arrange(
    rows: usize,
    values: &[Located<CellValue>],
    columns: bool,
    total_at: usize,
) -> Vec<Vec<Located<CellValue>>> {
    // Official column c (总计 is the last) → the column it was read in.
    let source = |c: usize| {
        if c == T3_WIDTH - 1 {
            total_at
        } else if c < total_at {
            c
        } else {
            c + 1
        }
    };
    (0..rows)
        .map(|r| {
            (0..T3_WIDTH)
                .map(|c| {
                    values[if columns {
                        source(c) * rows + r
                    } else {
                        r * T3_WIDTH + c
                    }]
                    .clone()
                })
                .collect()
        })
        .collect()
}

/// In a column-by-column block, the column that is the sum of the other six in every row: found
/// by the sums, not by where it stands (pdfminer may put it before the last applicant column).
/// Two columns can both be the sum only when they are equal and every other column is 0; then
/// the 总计 column is the one of them among the last two read — 总计 is the right-most column
/// and extraction moves it at most before its neighbour, and among the last two either choice
/// gives the same cells. Otherwise no column is certain.
fn total_column(rows: usize, values: &[Located<CellValue>]) -> Option<usize> {
    let cell = |r: usize, c: usize| values.get(c * rows + r).and_then(|v| v.value.as_count());
    let sums = |j: usize| {
        (0..rows).all(|r| {
            (0..T3_WIDTH)
                .filter(|&c| c != j)
                .map(|c| cell(r, c))
                .sum::<Option<i64>>()
                == cell(r, j)
        })
    };
    let found: Vec<usize> = (0..T3_WIDTH).filter(|&j| sums(j)).collect();
    match found.as_slice() {
        [j] => Some(*j),
        // Every column is the sum of the others only when every value is 0.
        all if all.len() == T3_WIDTH => Some(T3_WIDTH - 1),
        [_, b] if *b >= T3_WIDTH - 2 => Some(*b),
        _ => None,
    }
}

/// Every row's 总计 equals its six other columns.
fn totals_hold(rows: &[Vec<Located<CellValue>>]) -> bool {
    rows.iter().all(|r| {
        let counts: Option<Vec<i64>> = r.iter().map(|v| v.value.as_count()).collect();
        counts.is_some_and(|c| c[..6].iter().sum::<i64>() == c[6])
    })
}

/// The same values in the same cells.
fn same_cells(a: &[Vec<Located<CellValue>>], b: &[Vec<Located<CellValue>>]) -> bool {
    a.iter()
        .flatten()
        .map(|v| &v.value)
        .eq(b.iter().flatten().map(|v| &v.value))
}

impl Reader {
    /// Places the values read for several labels in a row: column by column or row by row,
    /// whichever the table's own sums confirm; otherwise says so and places nothing.
    pub fn resolve_block(&mut self) {
        if self.block.is_empty() {
            return;
        }
        if self
            .waiting
            .first()
            .is_some_and(|k| k.0 == TableKey::ActiveDisclosure)
        {
            return self.resolve_t2_block();
        }
        let mut values = std::mem::take(&mut self.block);
        let mut rows = std::mem::take(&mut self.waiting);
        // Group labels take no values; 「（六）其他处理」 does in the 2019 edition: keep it when the
        // values fit.
        rows.retain(|k| t3_data_row(k.1) || k.1 == RowId::OtherHandling);
        if values.len() != rows.len() * T3_WIDTH {
            rows.retain(|k| t3_data_row(k.1));
        }
        let placed = if values.len() == rows.len() * T3_WIDTH {
            let by_column =
                total_column(rows.len(), &values).map(|j| arrange(rows.len(), &values, true, j));
            let by_row =
                Some(arrange(rows.len(), &values, false, T3_WIDTH - 1)).filter(|a| totals_hold(a));
            match (by_column, by_row) {
                (Some(c), None) => {
                    self.t3_by_column = Some(true);
                    Some(c)
                }
                (None, Some(r)) => {
                    self.t3_by_column = Some(false);
                    Some(r)
                }
                (Some(c), Some(r)) if same_cells(&c, &r) => Some(r),
                _ => None,
            }
        } else {
            None
        };
        match placed {
            Some(arranged) => {
                for (key, row_values) in rows.iter().zip(arranged) {
                    if let Some(row) = self.table(key.0).row_mut(key.1) {
                        row.values = row_values;
                        row.blanks.clear();
                    }
                }
                self.resolve_t2_pending();
            }
            None if values.len() > T3_WIDTH => {
                let span = values[0].span.cover(values[values.len() - 1].span);
                let why = if values.len() == rows.len() * T3_WIDTH {
                    "无法由总计确定哪一列是「总计」、行列方向如何"
                } else {
                    "数值个数不是行数的 7 倍"
                };
                let mut f = Finding::new(
                    FindingKind::RowAmbiguous,
                    format!(
                        "表三中 {} 个行标签之后有 {} 个数值，像是逐列排列的文字（如 PDF 提取），但{why}：未放入表格",
                        rows.len(),
                        values.len()
                    ),
                    Some(span),
                );
                f.table = Some(TableKey::Applications);
                self.notes.push(f);
                self.table(TableKey::Applications).add_orphans(values);
            }
            None => {
                // As many values as one row: they belong to the last label, as in row-by-row text.
                if let Some(key) = rows.last() {
                    let rest = values.split_off(values.len().min(T3_WIDTH));
                    if let Some(row) = self.table(key.0).row_mut(key.1) {
                        row.values = values;
                    }
                    if !rest.is_empty() {
                        self.table(TableKey::Applications).add_orphans(rest);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::read_text;
    use super::*;
    use compact_str::ToCompactString;
    use gaogen_model::{ColumnId, RowId};
    use gaogen_model::{FindingKind, Span};

    fn located(values: &[i64]) -> Vec<Located<CellValue>> {
        values
            .iter()
            .enumerate()
            .map(|(i, &v)| Located {
                value: CellValue::Count {
                    value: v,
                    raw: v.to_compact_string(),
                },
                span: Span::on_line(i as u32 + 1, 1, 2),
            })
            .collect()
    }

    #[test]
    fn the_total_column_is_found_by_the_sums() {
        // Two rows, column by column; the 总计 column (3, 4) stands fifth.
        let v = located(&[1, 1, 0, 1, 0, 0, 0, 0, 3, 4, 1, 1, 1, 1]);
        assert_eq!(total_column(2, &v), Some(4));
        let placed = arrange(2, &v, true, 4);
        assert!(totals_hold(&placed));
        let by_value = |r: &[Located<CellValue>]| -> Vec<i64> {
            r.iter().filter_map(|c| c.value.as_count()).collect()
        };
        // The six others keep their order; 总计 goes last.
        assert_eq!(by_value(&placed[0]), vec![1, 0, 0, 0, 1, 1, 3]);
        assert_eq!(by_value(&placed[1]), vec![1, 1, 0, 0, 1, 1, 4]);
        let rows = arrange(1, &located(&[1, 1, 0, 0, 0, 0, 2]), false, 6);
        assert!(totals_hold(&rows));
    }

    #[test]
    fn two_equal_columns_decide_only_among_the_last_two() {
        // Only 自然人 has requests: 自然人 and 总计 are equal, every other column is 0. A block
        // is written one letter a column, in reading order: `n` the column (21, 4), `z` (0, 0).
        let block = |order: &str| {
            let columns: Vec<[i64; 2]> = order
                .chars()
                .map(|c| if c == 'n' { [21, 4] } else { [0, 0] })
                .collect();
            located(&columns.concat())
        };
        // 总计 read sixth (before the last applicant column, as pdfminer does): sixth.
        let sixth = block("nzzzznz");
        assert_eq!(total_column(2, &sixth), Some(5));
        assert_eq!(arrange(2, &sixth, true, 5)[0][0].value.as_count(), Some(21));
        // Read last: last.
        assert_eq!(total_column(2, &block("nzzzzzn")), Some(6));
        // Two equal columns neither of them among the last two: no column is certain.
        assert_eq!(total_column(2, &block("nznzzzz")), None);
        // 其他 alone has requests and equals 总计 in the last two: either gives the same cells.
        let other = block("zzzzznn");
        let (a, b) = (arrange(2, &other, true, 5), arrange(2, &other, true, 6));
        assert!(same_cells(&a, &b));
        assert_eq!(total_column(2, &other), Some(6));
        // All zero: every column is the sum of the others, every placement the same.
        assert_eq!(total_column(2, &block("zzzzzzz")), Some(6));
    }

    #[test]
    fn a_column_by_column_block_is_placed_when_the_totals_confirm() {
        let labels =
            "申请人情况\n一、本年新收政府信息公开申请数量\n二、上年结转政府信息公开申请数量\n";
        let columns = "1\n0\n2\n0\n0\n0\n0\n0\n0\n0\n0\n0\n3\n0\n";
        let read = read_text(&format!("{labels}{columns}"), Some(2023));
        let t3 = &read.tables.applications;
        let count = |row, column| t3.cell(row, column).and_then(|c| c.value.as_count());
        assert_eq!(count(RowId::NewRequests, ColumnId::NaturalPerson), Some(1));
        assert_eq!(count(RowId::NewRequests, ColumnId::Commercial), Some(2));
        assert_eq!(count(RowId::NewRequests, ColumnId::Total), Some(3));
        assert_eq!(count(RowId::CarriedOver, ColumnId::Total), Some(0));
        assert!(!read
            .findings
            .iter()
            .any(|f| f.kind == FindingKind::RowAmbiguous));
    }
}
