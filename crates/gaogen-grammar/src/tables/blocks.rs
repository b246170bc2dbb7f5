//! Column-by-column blocks (pdfminer-style text): a run of labels, then the values column after
//! column, placed in the orientation the table's sums confirm, otherwise reported.

use super::raw::{t3_data_row, T3_WIDTH};
use super::stream::Reader;
use gaogen_model::schema::table_schema;
use gaogen_model::{CellValue, Finding, FindingKind, FormatVersion, Located, TableKey};

/// Rows × 7 values as each row's seven, column by column (`columns`) or row by row.
fn arrange(
    rows: usize,
    values: &[Located<CellValue>],
    columns: bool,
) -> Vec<Vec<Located<CellValue>>> {
    (0..rows)
        .map(|r| {
            (0..T3_WIDTH)
                .map(|c| {
                    values[if columns {
                        c * rows + r
                    } else {
                        r * T3_WIDTH + c
                    }]
                    .clone()
                })
                .collect()
        })
        .collect()
}

/// In a column-by-column block, the one column that is the sum of the other six in every row.
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
    (found.len() == 1).then(|| found[0])
}

/// Every row's 总计 equals its six other columns.
fn totals_hold(rows: &[Vec<Located<CellValue>>]) -> bool {
    rows.iter().all(|r| {
        let counts: Option<Vec<i64>> = r.iter().map(|v| v.value.as_count()).collect();
        counts.is_some_and(|c| c[..6].iter().sum::<i64>() == c[6])
    })
}

impl Reader {
    /// The edition 表二's labels point to so far (2021 unless 2019 labels outnumber).
    fn t2_version(&self) -> FormatVersion {
        if self
            .tables
            .get(TableKey::ActiveDisclosure)
            .evidence
            .leaning()
            == Some(FormatVersion::V2019)
        {
            FormatVersion::V2019
        } else {
            FormatVersion::V2021
        }
    }

    /// Columns of each waiting 表二 row.
    fn t2_columns(&self) -> Vec<usize> {
        let schema = table_schema(TableKey::ActiveDisclosure, self.t2_version());
        self.waiting
            .iter()
            .map(|k| schema.row(k.1).map_or(1, |r| r.columns.len()))
            .collect()
    }

    pub fn t2_block_size(&self) -> usize {
        self.t2_columns().iter().sum()
    }

    /// 表二 labels followed by their values (column by column in PDF extraction): one-column rows
    /// take the values in order; rows of several columns only when both orientations agree,
    /// because no rule of one year's 表二 can tell them apart.
    fn resolve_t2_block(&mut self) {
        let columns = self.t2_columns();
        let values = std::mem::take(&mut self.block);
        let rows = std::mem::take(&mut self.waiting);
        let n = columns.first().copied().unwrap_or(1);
        let uniform = columns.iter().all(|&c| c == n);
        let arranged = |by_column: bool| -> Vec<Vec<Located<CellValue>>> {
            (0..rows.len())
                .map(|r| {
                    (0..n)
                        .map(|c| {
                            values[if by_column {
                                c * rows.len() + r
                            } else {
                                r * n + c
                            }]
                            .clone()
                        })
                        .collect()
                })
                .collect()
        };
        let fits = values.len() == columns.iter().sum::<usize>() && uniform;
        let placed = if fits && n == 1 {
            Some(arranged(false))
        } else if fits {
            let (a, b) = (arranged(true), arranged(false));
            let same = a
                .iter()
                .flatten()
                .map(|v| &v.value)
                .eq(b.iter().flatten().map(|v| &v.value));
            same.then_some(b)
        } else {
            None
        };
        match placed {
            Some(per_row) => {
                for (key, row_values) in rows.iter().zip(per_row) {
                    if let Some(row) = self.table(key.0).row_mut(key.1) {
                        row.values = row_values;
                        row.blanks.clear();
                    }
                }
            }
            None => {
                let span = values[0].span.cover(values[values.len() - 1].span);
                let schema = table_schema(TableKey::ActiveDisclosure, self.t2_version());
                let labels: Vec<&str> = rows
                    .iter()
                    .map(|k| schema.row(k.1).map_or(k.1, |r| r.label))
                    .collect();
                let mut f = Finding::new(
                    FindingKind::RowAmbiguous,
                    format!(
                        "表二中 {} 个行标签（「{}」）之后有 {} 个数值，像是逐列排列的文字（如 PDF 提取），但无法确定哪个数值属于哪一行哪一列：未放入表格",
                        rows.len(),
                        labels.join("」「"),
                        values.len()
                    ),
                    Some(span),
                );
                f.table = Some(TableKey::ActiveDisclosure);
                self.notes.push(f);
                self.table(TableKey::ActiveDisclosure).orphans.push(values);
            }
        }
    }

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
        rows.retain(|k| t3_data_row(k.1) || k.1 == "other_handling");
        if values.len() != rows.len() * T3_WIDTH {
            rows.retain(|k| t3_data_row(k.1));
        }
        let placed = if values.len() == rows.len() * T3_WIDTH {
            let by_column = arrange(rows.len(), &values, true);
            let by_row = arrange(rows.len(), &values, false);
            let same = |a: &[Vec<Located<CellValue>>], b: &[Vec<Located<CellValue>>]| {
                a.iter()
                    .flatten()
                    .map(|v| &v.value)
                    .eq(b.iter().flatten().map(|v| &v.value))
            };
            match (totals_hold(&by_column), totals_hold(&by_row)) {
                (true, false) => Some(by_column),
                (false, true) => Some(by_row),
                (true, true) if same(&by_column, &by_row) => Some(by_row),
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
            }
            None if values.len() > T3_WIDTH => {
                let span = values[0].span.cover(values[values.len() - 1].span);
                let why = match total_column(rows.len(), &values) {
                    Some(j) if values.len() == rows.len() * T3_WIDTH => format!(
                        "逐列读出时「总计」是第 {} 列而不是第 7 列，其余各列的先后无法确定",
                        j + 1
                    ),
                    _ => "行列方向无法由总计核实".to_string(),
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
                self.table(TableKey::Applications).orphans.push(values);
            }
            None => {
                // As many values as one row: they belong to the last label, as in row-by-row text.
                if let Some(key) = rows.last() {
                    let rest = values.split_off(values.len().min(T3_WIDTH));
                    if let Some(row) = self.table(key.0).row_mut(key.1) {
                        row.values = values;
                    }
                    if !rest.is_empty() {
                        self.table(TableKey::Applications).orphans.push(rest);
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
    use gaogen_model::{FindingKind, Span};

    fn located(values: &[i64]) -> Vec<Located<CellValue>> {
        values
            .iter()
            .enumerate()
            .map(|(i, &v)| Located {
                value: CellValue::Count {
                    value: v,
                    raw: v.to_string(),
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
        let rows = arrange(1, &located(&[1, 1, 0, 0, 0, 0, 2]), false);
        assert!(totals_hold(&rows));
    }

    #[test]
    fn a_column_by_column_block_is_placed_when_the_totals_confirm() {
        let labels =
            "申请人情况\n一、本年新收政府信息公开申请数量\n二、上年结转政府信息公开申请数量\n";
        let columns = "1\n0\n2\n0\n0\n0\n0\n0\n0\n0\n0\n0\n3\n0\n";
        let read = read_text(&format!("{labels}{columns}"), Some(2023));
        let t3 = &read.tables.applications;
        assert_eq!(
            t3.cell("new_requests", "natural_person")
                .unwrap()
                .value
                .as_count(),
            Some(1)
        );
        assert_eq!(
            t3.cell("new_requests", "commercial")
                .unwrap()
                .value
                .as_count(),
            Some(2)
        );
        assert_eq!(
            t3.cell("new_requests", "total").unwrap().value.as_count(),
            Some(3)
        );
        assert_eq!(
            t3.cell("carried_over", "total").unwrap().value.as_count(),
            Some(0)
        );
        assert!(!read
            .findings
            .iter()
            .any(|f| f.kind == FindingKind::RowAmbiguous));
    }
}
