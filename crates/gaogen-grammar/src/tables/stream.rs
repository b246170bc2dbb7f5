//! The cell stream: in reading order, a label opens its row and the values that follow fill it;
//! values with no open row are kept as orphan runs.

use super::raw::{capacity, t3_data_row, RawRow, RawTable, RawTables, RowKey, T3_WIDTH};
use super::t2_blocks::PendingGroup;
use gaogen_model::schema::T3_2019;
use gaogen_model::{CellValue, Finding, FormatVersion, Located, RowId, Span, TableKey};

#[derive(Default)]
pub(super) struct Reader {
    pub tables: RawTables,
    /// The table the cells belong to now.
    pub current: Option<TableKey>,
    /// The row the next values fill.
    pub open: Option<RowKey>,
    /// Values read since the last label with no row to take them.
    pub orphan_run: Vec<Located<CellValue>>,
    /// 表三 rows whose labels came one after another with no value yet (column-by-column text).
    pub waiting: Vec<RowKey>,
    /// Values read for the waiting rows, in reading order.
    pub block: Vec<Located<CellValue>>,
    /// Findings of the reading itself (an ambiguous column-by-column block).
    pub notes: Vec<Finding>,
    /// How 表三's sums showed the extraction wrote its values: column by column (`true`) or row
    /// by row; 表二 groups that cannot tell wait for it.
    pub t3_by_column: Option<bool>,
    /// 表二 groups waiting for 表三's orientation.
    pub t2_pending: Vec<PendingGroup>,
    /// 表三: the last text read was a column header (「自然人」…), so a lone 「总计」 or 「其他」
    /// after it is a header too, not the row 「（七）总计」 or 「3.其他」.
    pub in_t3_headers: bool,
    /// Labels that open no row are not kept (`Table.unread` stays empty).
    pub drop_unread: bool,
}

impl Reader {
    pub fn table(&mut self, key: TableKey) -> &mut RawTable {
        self.tables.get_mut(key)
    }

    pub fn switch_to(&mut self, key: TableKey) {
        if self.current != Some(key) {
            self.end_orphan_run();
            self.open = None;
            self.current = Some(key);
        }
    }

    pub fn end_orphan_run(&mut self) {
        if self.orphan_run.is_empty() {
            return;
        }
        let run = std::mem::take(&mut self.orphan_run);
        // Values are only taken while a table is current.
        if let Some(key) = self.current {
            self.table(key).add_orphans(run);
        }
    }

    pub fn push_value(&mut self, value: Located<CellValue>) -> bool {
        let Some(current) = self.current else {
            return false;
        };
        self.in_t3_headers = false;
        self.row_by_row_if_on_label_line(value.span);
        if current == TableKey::ReviewsAndLitigation {
            self.t4_row(value.span).values.push(value);
            return true;
        }
        if current == TableKey::ActiveDisclosure && self.waiting.len() >= 2 {
            self.block.push(value);
            if self.block.len() == self.t2_block_size() {
                self.resolve_block();
            }
            return true;
        }
        if current == TableKey::Applications
            && self.waiting.iter().filter(|k| t3_data_row(k.1)).count() >= 2
        {
            self.block.push(value);
            let data_rows = self
                .waiting
                .iter()
                .filter(|k| t3_data_row(k.1) || k.1 == RowId::OtherHandling)
                .count();
            if self.block.len() == data_rows * T3_WIDTH {
                self.resolve_block();
            }
            return true;
        }
        self.waiting.clear();
        if let Some(key) = self.open {
            let cap = capacity(key);
            let t = self.table(key.0);
            if let Some(row) = t.row_mut(key.1) {
                if row.filled() < cap {
                    let span = value.span;
                    row.values.push(value);
                    t.touch(span);
                    return true;
                }
            }
        }
        self.open = None;
        self.orphan_run.push(value);
        true
    }

    /// A first value on the line of the last waiting label: the text is row by row, so the labels
    /// before it were rows without values, not the start of a column-by-column block.
    fn row_by_row_if_on_label_line(&mut self, span: Span) {
        if !self.block.is_empty() || self.waiting.len() < 2 {
            return;
        }
        let Some(&last) = self.waiting.last() else {
            return;
        };
        let on_label_line = self
            .tables
            .get(last.0)
            .rows
            .iter()
            .any(|r| r.id == last.1 && r.label.span.line == span.line);
        if on_label_line {
            self.waiting = vec![last];
        }
    }

    /// Text in 表四 before any value (its headers): the empty cells read so far were header
    /// cells (the empty corners of merged headers), not the value row's.
    pub fn t4_text_seen(&mut self) {
        let t = self.table(TableKey::ReviewsAndLitigation);
        if let Some(row) = t.rows.first_mut().filter(|r| r.filled() == 0) {
            row.values.clear();
            row.blanks.clear();
        }
    }

    /// 表四's one row, made when its first cell is read.
    fn t4_row(&mut self, span: Span) -> &mut RawRow {
        let t = self.table(TableKey::ReviewsAndLitigation);
        t.touch(span);
        if t.rows.is_empty() {
            let mut row = RawRow::new(
                RowId::Cases,
                Located {
                    value: String::new(),
                    span,
                },
            );
            row.values
                .reserve_exact(capacity((TableKey::ReviewsAndLitigation, RowId::Cases)));
            t.rows.push(row);
        }
        &mut t.rows[0]
    }

    /// An empty cell that holds a grid position (a lone `|` line, an empty `| |` cell after a
    /// row's label or values). It is tentative: placement uses it only when the row's cells then
    /// number exactly its columns.
    /// `value_line`: no text stood before it on its line (表四's value row has no label).
    pub fn push_blank(&mut self, span: Span, value_line: bool) -> bool {
        self.push_blank_cell(span, value_line, false)
    }

    /// A line holding only `|` or a tab: an empty cell of one-cell-per-line text.
    pub fn push_lone_blank(&mut self, span: Span) -> bool {
        self.push_blank_cell(span, true, true)
    }

    fn push_blank_cell(&mut self, span: Span, value_line: bool, lone: bool) -> bool {
        let Some(current) = self.current else {
            return false;
        };
        let blank = Located {
            value: CellValue::Empty {
                marker: Default::default(),
            },
            span,
        };
        if current == TableKey::ReviewsAndLitigation {
            if value_line {
                self.t4_row(span).push_blank(blank);
            }
            return true;
        }
        if self.in_block() {
            return true;
        }
        let Some(key) = self.open else {
            return true;
        };
        let cap = capacity(key);
        if let Some(row) = self.table(key.0).row_mut(key.1) {
            // One cell per line: once the row's cells, blanks included, fill it, an empty cell
            // belongs to the next row (its empty group-label cells).
            let full = lone && row.values.len() >= cap;
            if row.filled() < cap && !full {
                row.push_blank(blank);
                // The row is read row by row, not as part of a column-by-column block.
                self.waiting.clear();
            }
        }
        true
    }

    /// Whether labels came one after another, so values are read as a column-by-column block.
    fn in_block(&self) -> bool {
        match self.current {
            Some(TableKey::ActiveDisclosure) => self.waiting.len() >= 2,
            Some(TableKey::Applications) => {
                self.waiting.iter().filter(|k| t3_data_row(k.1)).count() >= 2
            }
            _ => false,
        }
    }

    pub fn open_row(&mut self, key: RowKey, label: Located<String>) {
        self.in_t3_headers = false;
        self.end_orphan_run();
        self.resolve_block();
        self.switch_to(key.0);
        let keep_unread = !self.drop_unread;
        let t = self.table(key.0);
        t.touch(label.span);
        if key.0 == TableKey::Applications {
            t.data_started = true;
        }
        if key == (TableKey::ActiveDisclosure, RowId::OtherServices)
            || key == (TableKey::ActiveDisclosure, RowId::Procurement)
        {
            t.evidence.add(FormatVersion::V2019);
        }
        if key.0 == TableKey::Applications && T3_2019.row(key.1).is_none() {
            t.evidence.add(FormatVersion::V2021);
        }
        match t.row_mut(key.1) {
            Some(existing) if existing.filled() == 0 => {
                existing.label = label;
                existing.values.clear();
                existing.blanks.clear();
            }
            Some(_) => {
                // The same row twice: the second one's values cannot be placed.
                if keep_unread {
                    t.unread.push(label);
                }
                self.open = None;
                return;
            }
            None => {
                // Room for the row's values at once (most rows are filled).
                let mut row = RawRow::new(key.1, label);
                row.values.reserve_exact(capacity(key));
                t.rows.push(row);
            }
        }
        if matches!(key.0, TableKey::Applications | TableKey::ActiveDisclosure) {
            self.waiting.push(key);
        }
        self.open = Some(key);
    }
}

#[cfg(test)]
mod tests {
    use super::super::read_text;
    use gaogen_model::{CellValue, FindingKind, TableKey};
    use gaogen_model::{ColumnId, RowId};

    #[test]
    fn a_label_opens_its_row_and_values_fill_it() {
        let read = read_text(
            "申请人情况\n一、本年新收政府信息公开申请数量  1  2  0  0  0  0  3\n",
            Some(2023),
        );
        let t3 = &read.tables.applications;
        let cell = t3.cell(RowId::NewRequests, ColumnId::Total).unwrap();
        assert_eq!(cell.value.as_count(), Some(3));
        assert_eq!(cell.span.unwrap().line, 2);
    }

    fn t3_row(read: &super::super::TablesRead, id: RowId) -> Vec<CellValue> {
        read.tables
            .applications
            .row(id)
            .unwrap()
            .cells
            .iter()
            .map(|c| c.value.clone())
            .collect()
    }

    #[test]
    fn one_cell_per_line_blanks_hold_their_place() {
        // Empty cells as lines holding only `|` (or ` |`) or a tab; after the row's seven cells,
        // the next row's empty label cells do not belong to it.
        let read = read_text(
            "申请人情况\n一、本年新收政府信息公开申请数量 |\n |\n|\n\t\n |\n |\n0 |\n- |\n\n |\n |\n二、上年结转政府信息公开申请数量 |\n1 |\n",
            Some(2023),
        );
        let row = t3_row(&read, RowId::NewRequests);
        assert!(row[..5]
            .iter()
            .all(|v| matches!(v, CellValue::Empty { .. })));
        assert_eq!(row[5].as_count(), Some(0));
        assert_eq!(row[6], CellValue::Empty { marker: "-".into() });
    }

    #[test]
    fn empty_table_four_header_cells_are_not_values() {
        let read = read_text(
            "行政复议\n\t\n\t\n结果维持\n\t\n1\n0\n0\n1\n0\n0\n0\n0\n0\n0\n0\n0\n0\n0\n",
            Some(2023),
        );
        let t4 = read
            .tables
            .reviews_and_litigation
            .row(RowId::Cases)
            .unwrap();
        let values: Vec<Option<i64>> = t4.cells.iter().map(|c| c.value.as_count()).collect();
        assert_eq!(values[0], None);
        assert_eq!(values[1], Some(1));
        assert_eq!(values[4], Some(1));
        assert_eq!(values[5], Some(0));
    }

    #[test]
    fn values_past_the_row_are_orphans() {
        let read = read_text(
            "申请人情况\n二、上年结转政府信息公开申请数量  0  0  0  0  0  0  0  9  9\n",
            Some(2023),
        );
        let unplaced = read
            .findings
            .iter()
            .find(|f| f.kind == FindingKind::UnplacedValues)
            .expect("two values too many");
        assert_eq!(unplaced.table, Some(TableKey::Applications));
        assert!(unplaced.message.contains("9、9"));
        assert_ne!(
            read.tables
                .applications
                .cell(RowId::CarriedOver, ColumnId::Total)
                .map(|c| &c.value),
            Some(&CellValue::Missing)
        );
    }

    #[test]
    fn runs_with_the_same_values_share_one_message() {
        let read = read_text(
            concat!(
                "申请人情况\n",
                "一、本年新收政府信息公开申请数量  1  2  3  4  5  6  7  9  9\n",
                "二、上年结转政府信息公开申请数量  0  0  0  0  0  0  0  9  9\n",
                "（一）予以公开  1  1  1  1  1  1  1  8\n",
            ),
            Some(2023),
        );
        let unplaced: Vec<&std::sync::Arc<str>> = read
            .findings
            .iter()
            .filter(|f| f.kind == FindingKind::UnplacedValues)
            .map(|f| &f.message)
            .collect();
        assert_eq!(unplaced.len(), 3, "{unplaced:?}");
        assert!(unplaced[0].ends_with("：9、9"), "{}", unplaced[0]);
        assert!(
            std::sync::Arc::ptr_eq(unplaced[0], unplaced[1]),
            "{unplaced:?}"
        );
        assert!(unplaced[2].ends_with("：8"), "{}", unplaced[2]);
    }
}
