//! 表二 column-by-column blocks (pdfminer-style text): the labels of several rows, then their
//! values. Rows of one column take theirs in order; rows of several columns (规章, 行政规范性文件)
//! are placed in the orientation both readings agree on, else in the one the same file's 表三
//! proved by its sums, else reported.

use super::raw::RowKey;
use super::stream::Reader;
use gaogen_model::schema::table_schema;
use gaogen_model::{CellValue, Finding, FindingKind, FormatVersion, Located, TableKey};

/// A group of 表二 rows of several columns whose values one group cannot orient, kept until the
/// same file's 表三 shows how the extraction wrote its columns.
#[derive(Debug)]
pub(super) struct PendingGroup {
    rows: Vec<RowKey>,
    columns: usize,
    values: Vec<Located<CellValue>>,
}

/// `rows` × `columns` values as each row's, read column by column or row by row.
fn arranged(
    rows: usize,
    columns: usize,
    values: &[Located<CellValue>],
    by_column: bool,
) -> Vec<Vec<Located<CellValue>>> {
    (0..rows)
        .map(|r| {
            (0..columns)
                .map(|c| {
                    values[if by_column {
                        c * rows + r
                    } else {
                        r * columns + c
                    }]
                    .clone()
                })
                .collect()
        })
        .collect()
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

    fn place_t2(&mut self, rows: &[RowKey], per_row: Vec<Vec<Located<CellValue>>>) {
        for (key, row_values) in rows.iter().zip(per_row) {
            if let Some(row) = self.table(key.0).row_mut(key.1) {
                row.values = row_values;
                row.blanks.clear();
            }
        }
    }

    /// 表二 labels followed by their values: consecutive rows of the same width form a group that
    /// takes its values in reading order (as pdfminer writes 第（一）项's two rows, then 第（五）项's
    /// one); the whole block is reported when the count does not fit.
    pub(super) fn resolve_t2_block(&mut self) {
        let columns = self.t2_columns();
        let values = std::mem::take(&mut self.block);
        let rows = std::mem::take(&mut self.waiting);
        if values.len() != columns.iter().sum::<usize>() {
            return self.t2_ambiguous(&rows, values);
        }
        let mut at = 0;
        let mut start = 0;
        while start < rows.len() {
            let n = columns[start];
            let end = (start..rows.len())
                .find(|&i| columns[i] != n)
                .unwrap_or(rows.len());
            let group = rows[start..end].to_vec();
            let vals = values[at..at + group.len() * n].to_vec();
            at += vals.len();
            start = end;
            let (a, b) = (
                arranged(group.len(), n, &vals, true),
                arranged(group.len(), n, &vals, false),
            );
            let agree = a
                .iter()
                .flatten()
                .map(|v| &v.value)
                .eq(b.iter().flatten().map(|v| &v.value));
            match self.t3_by_column {
                _ if agree => self.place_t2(&group, b),
                Some(by_column) => self.place_t2(&group, if by_column { a } else { b }),
                None => self.t2_pending.push(PendingGroup {
                    rows: group,
                    columns: n,
                    values: vals,
                }),
            }
        }
    }

    /// Places the 表二 groups kept for the orientation 表三 has now proved.
    pub fn resolve_t2_pending(&mut self) {
        let Some(by_column) = self.t3_by_column else {
            return;
        };
        for g in std::mem::take(&mut self.t2_pending) {
            let per_row = arranged(g.rows.len(), g.columns, &g.values, by_column);
            self.place_t2(&g.rows, per_row);
        }
    }

    /// At the end of the tables: groups no 表三 oriented are reported.
    pub fn finish_t2(&mut self) {
        self.resolve_t2_pending();
        for g in std::mem::take(&mut self.t2_pending) {
            self.t2_ambiguous(&g.rows, g.values);
        }
    }

    fn t2_ambiguous(&mut self, rows: &[RowKey], values: Vec<Located<CellValue>>) {
        let span = values[0].span.cover(values[values.len() - 1].span);
        let schema = table_schema(TableKey::ActiveDisclosure, self.t2_version());
        let labels: Vec<&str> = rows
            .iter()
            .map(|k| schema.row(k.1).map_or(k.1.as_str(), |r| r.label))
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
        self.table(TableKey::ActiveDisclosure).add_orphans(values);
    }
}

#[cfg(test)]
mod tests {
    use super::super::read_text;
    use gaogen_model::{FindingKind, RowId, Tables};

    fn t2(tables: &Tables, row: RowId) -> Vec<Option<i64>> {
        tables
            .active_disclosure
            .row(row)
            .unwrap()
            .cells
            .iter()
            .map(|c| c.value.as_count())
            .collect()
    }

    const T2_LABELS: &str = "第二十条第（一）项\n信息内容\n本年制发件数 本年废止件数 现行有效件数\n规章\n行政规范性文件\n";

    #[test]
    fn groups_take_their_values_in_order_across_group_headings() {
        // 「第二十条第（五）项」 and 行政许可 stand between the first group's labels and its values.
        let text = format!(
            "{T2_LABELS}第二十条第（五）项\n信息内容\n行政许可\n1\n8\n0\n26\n11\n66\n本年处理决定数量\n447228\n"
        );
        let read = read_text(&text, Some(2024));
        // One group of two rows cannot be oriented alone: both readings are kept apart.
        assert_eq!(t2(&read.tables, RowId::Licensing), vec![Some(447228)]);
        assert!(read
            .findings
            .iter()
            .any(|f| f.kind == FindingKind::RowAmbiguous && f.message.contains("规章")));
        assert_eq!(t2(&read.tables, RowId::Rules), vec![None; 3]);
    }

    #[test]
    fn table_three_proves_the_orientation_of_table_two() {
        // 表三 written column by column (its sums prove it): 表二's group is too.
        let t3 = "申请人情况\n一、本年新收政府信息公开申请数量\n二、上年结转政府信息公开申请数量\n1\n0\n2\n0\n0\n0\n0\n0\n0\n0\n0\n0\n3\n0\n";
        let read = read_text(&format!("{T2_LABELS}1\n8\n0\n26\n11\n66\n{t3}"), Some(2024));
        assert_eq!(
            t2(&read.tables, RowId::Rules),
            vec![Some(1), Some(0), Some(11)]
        );
        assert_eq!(
            t2(&read.tables, RowId::NormativeDocuments),
            vec![Some(8), Some(26), Some(66)]
        );
        assert!(!read
            .findings
            .iter()
            .any(|f| f.kind == FindingKind::RowAmbiguous));
    }

    #[test]
    fn rows_of_one_column_take_their_values_in_order() {
        let read = read_text(
            "第二十条第（六）项\n信息内容\n行政处罚\n行政强制\n第二十条第（八）项\n本年处理决定数量\n3985758\n88283\n",
            Some(2024),
        );
        assert_eq!(t2(&read.tables, RowId::Penalty), vec![Some(3985758)]);
        assert_eq!(t2(&read.tables, RowId::Enforcement), vec![Some(88283)]);
    }

    #[test]
    fn a_label_without_values_before_a_row_on_one_line() {
        // 规章 left blank, then a row written row by row: no column-by-column block.
        let read = read_text(&format!("{T2_LABELS}行政规范性文件  5  0  5\n"), Some(2024));
        assert_eq!(
            t2(&read.tables, RowId::NormativeDocuments),
            vec![Some(5), Some(0), Some(5)]
        );
        assert_eq!(t2(&read.tables, RowId::Rules), vec![None; 3]);
    }
}
