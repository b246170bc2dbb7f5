//! Reading 表二, 表三 and 表四 from a stream of cells, by label.
//!
//! Reading happens in two steps. First the cells of the table region are read in order: a text
//! cell that matches an official row label opens that row, and the values that follow fill it
//! (so labels wrapped around their numbers, as `pdftotext -layout` writes them, still work);
//! values with no open row are kept as orphans. Then each table's format version is decided from
//! the labels seen, and the values are placed in the official rows and columns of that version:
//! in order when the count fits, by grid position when a pipe table says where each column is,
//! and otherwise not at all (the row is ambiguous).

use crate::lines::{LineShape, Token};
use crate::source::SourceLine;
use crate::value::parse_value;
use gaogen_model::label::{normalize, LabelSet, MatchQuality};
use gaogen_model::schema::{
    table_schema, RowDef, RowKind, TableSchema, ValueKind, VariantKind, T2_2019, T2_2021, T3_2019,
    T3_2021, T4,
};
use gaogen_model::{
    Cell, CellValue, Finding, FindingKind, FormatVersion, Located, Row, RowStatus, SectionKey,
    Span, Table, TableKey, Tables, VersionBasis,
};
use std::sync::OnceLock;

/// One line of the table region with the section it stands in.
pub(crate) struct RegionLine<'a> {
    pub source: &'a SourceLine,
    pub shape: &'a LineShape<'a>,
    pub section: Option<SectionKey>,
}

/// The tables, the findings of reading them, and which region lines were table content.
pub(crate) struct TablesRead {
    pub tables: Tables,
    pub findings: Vec<Finding>,
    pub is_table_line: Vec<bool>,
}

type RowKey = (TableKey, &'static str);

struct Labels {
    rows: LabelSet<RowKey>,
    /// The rows of each table edition, to grade a label against the edition decided.
    rows_by_version: LabelSet<(TableKey, FormatVersion, &'static str)>,
    t2_columns: LabelSet<(&'static str, Option<FormatVersion>)>,
    t3_columns: LabelSet<&'static str>,
}

fn labels() -> &'static Labels {
    static LABELS: OnceLock<Labels> = OnceLock::new();
    LABELS.get_or_init(|| {
        let rows = [&T2_2021, &T2_2019, &T3_2021, &T3_2019, &T4]
            .into_iter()
            .flat_map(|s| {
                s.rows
                    .iter()
                    .map(move |r| ((s.key, r.id), r.label, r.variants))
            })
            .filter(|((k, _), _, _)| *k != TableKey::ReviewsAndLitigation);
        let t2_columns = [&T2_2021, &T2_2019].into_iter().flat_map(|s| {
            s.columns
                .iter()
                .map(move |c| ((c.id, Some(s.version)), c.label, c.variants))
        });
        let rows_by_version = [&T2_2021, &T2_2019, &T3_2021, &T3_2019, &T4]
            .into_iter()
            .flat_map(|s| {
                s.rows
                    .iter()
                    .map(move |r| ((s.key, s.version, r.id), r.label, r.variants))
            });
        Labels {
            rows: LabelSet::new(rows),
            rows_by_version: LabelSet::new(rows_by_version),
            t2_columns: LabelSet::new(t2_columns),
            t3_columns: LabelSet::new(T3_2021.columns.iter().map(|c| (c.id, c.label, c.variants))),
        }
    })
}

/// Longer than any official label with room for spaces and markup (the longest, 表三 （六）2,
/// is 38 characters).
const LONGEST_LABEL_BYTES: usize = 240;

/// Header texts that belong to a table but name no row or column of its own.
const KNOWN_HEADER_TEXT: &[&str] = &[
    "信息内容",
    "法人或其他组织",
    "申请人情况",
    "行政复议",
    "行政诉讼",
    "未经复议直接起诉",
    "复议后起诉",
    "结果维持",
    "结果纠正",
    "其他结果",
    "尚未审结",
    "总计",
];

#[derive(Debug, Clone)]
enum GridCell {
    /// Nothing between the separators; where it stands.
    Blank(Span),
    Value(Located<CellValue>),
    Text,
}

#[derive(Debug, Clone)]
struct RawRow {
    id: &'static str,
    label: Located<String>,
    values: Vec<Located<CellValue>>,
    /// The row's cells by position, when it stood on one `|` line.
    grid: Option<Vec<GridCell>>,
}

#[derive(Debug, Clone)]
struct HeaderSeen {
    column: &'static str,
    written: Located<String>,
    quality: MatchQuality,
    /// (width of the `|` line, index of the cell) where the header stood.
    grid: Option<(usize, usize)>,
}

#[derive(Debug, Default)]
struct RawTable {
    found: bool,
    span: Option<Span>,
    rows: Vec<RawRow>,
    headers: Vec<HeaderSeen>,
    unread: Vec<Located<String>>,
    orphans: Vec<Vec<Located<CellValue>>>,
    /// Labels unique to the 2019 / 2021 edition.
    evidence: [u32; 2],
    data_started: bool,
}

impl RawTable {
    fn touch(&mut self, span: Span) {
        self.found = true;
        self.span = Some(self.span.map_or(span, |s| s.cover(span)));
    }

    fn row_mut(&mut self, id: &str) -> Option<&mut RawRow> {
        self.rows.iter_mut().find(|r| r.id == id)
    }
}

fn index(key: TableKey) -> usize {
    match key {
        TableKey::ActiveDisclosure => 0,
        TableKey::Applications => 1,
        TableKey::ReviewsAndLitigation => 2,
    }
}

/// The most values a row of this table can hold, over both editions.
fn capacity(key: RowKey) -> usize {
    [FormatVersion::V2019, FormatVersion::V2021]
        .iter()
        .filter_map(|&v| table_schema(key.0, v).row(key.1))
        .map(|r| r.columns.len())
        .max()
        .unwrap_or(0)
}

struct Reader {
    tables: [RawTable; 3],
    current: Option<TableKey>,
    open: Option<RowKey>,
    /// Values read since the last label with no row to take them.
    orphan_run: Vec<Located<CellValue>>,
    /// 表三 rows whose labels came one after another with no value yet (column-by-column text).
    waiting: Vec<RowKey>,
    /// Values read for the waiting rows, in reading order.
    block: Vec<Located<CellValue>>,
    /// Findings of the reading itself (an ambiguous column-by-column block).
    notes: Vec<Finding>,
}

/// 表三 columns.
const T3_WIDTH: usize = 7;

/// Whether a 表三 row takes values in every edition (「（六）其他处理」 does only in 2019).
fn t3_data_row(id: &str) -> bool {
    T3_2021.row(id).is_some_and(|r| r.kind == RowKind::Data)
}

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
    fn table(&mut self, key: TableKey) -> &mut RawTable {
        &mut self.tables[index(key)]
    }

    fn switch_to(&mut self, key: TableKey) {
        if self.current != Some(key) {
            self.end_orphan_run();
            self.open = None;
            self.current = Some(key);
        }
    }

    fn end_orphan_run(&mut self) {
        if self.orphan_run.is_empty() {
            return;
        }
        let run = std::mem::take(&mut self.orphan_run);
        // Values are only taken while a table is current.
        if let Some(key) = self.current {
            self.table(key).orphans.push(run);
        }
    }

    fn push_value(&mut self, value: Located<CellValue>) -> bool {
        let Some(current) = self.current else {
            return false;
        };
        if current == TableKey::ReviewsAndLitigation {
            let t = self.table(current);
            t.touch(value.span);
            let row = match t.rows.first_mut() {
                Some(row) => row,
                None => {
                    t.rows.push(RawRow {
                        id: "cases",
                        label: Located {
                            value: String::new(),
                            span: value.span,
                        },
                        values: Vec::new(),
                        grid: None,
                    });
                    &mut t.rows[0]
                }
            };
            row.values.push(value);
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
                .filter(|k| t3_data_row(k.1) || k.1 == "other_handling")
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
                if row.values.len() < cap {
                    row.values.push(value.clone());
                    t.touch(value.span);
                    return true;
                }
            }
        }
        self.open = None;
        self.orphan_run.push(value);
        true
    }

    /// The edition 表二's labels point to so far (2021 unless 2019 labels outnumber).
    fn t2_version(&self) -> FormatVersion {
        let [old, new] = self.tables[0].evidence;
        if old > new {
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

    fn t2_block_size(&self) -> usize {
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
    fn resolve_block(&mut self) {
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

    fn open_row(&mut self, key: RowKey, label: Located<String>) {
        self.end_orphan_run();
        self.resolve_block();
        self.switch_to(key.0);
        let t = self.table(key.0);
        t.touch(label.span);
        if key.0 == TableKey::Applications {
            t.data_started = true;
        }
        if key == (TableKey::ActiveDisclosure, "other_services")
            || key == (TableKey::ActiveDisclosure, "procurement")
        {
            t.evidence[0] += 1;
        }
        if key.0 == TableKey::Applications
            && key.1.starts_with("other_")
            && key.1 != "other_handling"
        {
            t.evidence[1] += 1;
        }
        match t.row_mut(key.1) {
            Some(existing) if existing.values.is_empty() => existing.label = label,
            Some(_) => {
                // The same row twice: the second one's values cannot be placed.
                t.unread.push(label);
                self.open = None;
                return;
            }
            None => t.rows.push(RawRow {
                id: key.1,
                label,
                values: Vec::new(),
                grid: None,
            }),
        }
        if matches!(key.0, TableKey::Applications | TableKey::ActiveDisclosure) {
            self.waiting.push(key);
        }
        self.open = Some(key);
    }

    /// Handles a text cell; returns whether it was table content.
    fn text(&mut self, token: &Token<'_>, span: Span, grid: Option<(usize, usize)>) -> bool {
        // No label is this long: a long cell is prose, not worth matching.
        if token.text.len() > LONGEST_LABEL_BYTES {
            return false;
        }
        let n = normalize(token.text);
        if n.chars().count() < 2 {
            return !n.is_empty() && self.current.is_some();
        }
        let located = || Located {
            value: token.text.trim().to_string(),
            span,
        };
        // Anchors that name a table.
        if n.contains("第二十条") {
            self.resolve_block();
            self.waiting.clear();
            self.switch_to(TableKey::ActiveDisclosure);
            self.open = None;
            self.table(TableKey::ActiveDisclosure).touch(span);
            if n.contains("(九)") {
                self.table(TableKey::ActiveDisclosure).evidence[0] += 1;
            }
            return true;
        }
        if n.contains("勾稽关系") || n == "申请人情况" {
            self.switch_to(TableKey::Applications);
            self.table(TableKey::Applications).touch(span);
            return true;
        }
        if matches!(
            n.as_str(),
            "行政复议" | "行政诉讼" | "未经复议直接起诉" | "复议后起诉"
        ) && self.current != Some(TableKey::ReviewsAndLitigation)
        {
            self.switch_to(TableKey::ReviewsAndLitigation);
            self.table(TableKey::ReviewsAndLitigation).touch(span);
            return true;
        }
        let labels = labels();
        // Column headers.
        if matches!(self.current, None | Some(TableKey::ActiveDisclosure)) {
            if let Some(((column, version), quality)) = labels.t2_columns.best(&n) {
                if !matches!(quality, MatchQuality::Prefix { .. }) || n.chars().count() >= 6 {
                    self.switch_to(TableKey::ActiveDisclosure);
                    let t = self.table(TableKey::ActiveDisclosure);
                    t.touch(span);
                    if quality == MatchQuality::Exact {
                        if let Some(v) = version.filter(|_| !is_shared_t2_column(column)) {
                            t.evidence[usize::from(v == FormatVersion::V2021)] += 1;
                        }
                    }
                    t.headers.push(HeaderSeen {
                        column,
                        written: located(),
                        quality,
                        grid,
                    });
                    self.open = None;
                    return true;
                }
            }
        }
        if self.current == Some(TableKey::Applications) && !self.tables[1].data_started {
            if let Some((column, quality)) = labels.t3_columns.best(&n) {
                let t = self.table(TableKey::Applications);
                t.headers.push(HeaderSeen {
                    column,
                    written: located(),
                    quality,
                    grid,
                });
                return true;
            }
        }
        if KNOWN_HEADER_TEXT.contains(&n.as_str())
            && !(n == "总计"
                && self.tables[1].data_started
                && self.current == Some(TableKey::Applications))
        {
            return self.current.is_some();
        }
        // Row labels: of the current table first, of another table only on an exact match.
        if self.current != Some(TableKey::ReviewsAndLitigation) || n.starts_with("一、") {
            if let Some((key, quality)) = labels.rows.best(&n) {
                let same_table = self.current.is_none_or(|c| c == key.0);
                if same_table
                    || matches!(quality, MatchQuality::Exact | MatchQuality::Variant { .. })
                {
                    self.open_row(key, located());
                    return true;
                }
            }
        }
        // 「（四）无法提供 1.本机关不掌握相关政府信息」: two labels in one cell, tried one by one.
        let parts: Vec<&str> = token.text.split(' ').filter(|p| !p.is_empty()).collect();
        if parts.len() > 1 && self.current == Some(TableKey::Applications) {
            let mut used = false;
            for part in parts {
                used |= self.text(
                    &Token {
                        text: part,
                        start: token.start,
                        end: token.end,
                    },
                    span,
                    None,
                );
            }
            return used;
        }
        match self.current {
            Some(key) if n.chars().count() < 40 && !n.ends_with('。') => {
                self.table(key).unread.push(located());
                true
            }
            _ => false,
        }
    }
}

/// 表二 columns named alike in both editions tell nothing about the version.
fn is_shared_t2_column(column: &str) -> bool {
    column == "decisions"
}

/// Reads the tables from the region lines.
pub(crate) fn read_tables(region: &[RegionLine<'_>], year: Option<u16>) -> TablesRead {
    let mut reader = Reader {
        tables: Default::default(),
        current: None,
        open: None,
        orphan_run: Vec::new(),
        waiting: Vec::new(),
        block: Vec::new(),
        notes: Vec::new(),
    };
    let mut is_table_line = vec![false; region.len()];
    let mut section = None;
    for (i, line) in region.iter().enumerate() {
        if line.section != section {
            section = line.section;
            match section {
                Some(SectionKey::ActiveDisclosure) => reader.switch_to(TableKey::ActiveDisclosure),
                Some(SectionKey::Applications) => reader.switch_to(TableKey::Applications),
                Some(SectionKey::ReviewsAndLitigation) => {
                    reader.switch_to(TableKey::ReviewsAndLitigation)
                }
                _ => {}
            }
        }
        let LineShape::Cells { hard, piped } = line.shape else {
            continue;
        };
        let width = hard.len();
        let grid_line = *piped && width >= 3;
        let mut grid: Vec<GridCell> = Vec::with_capacity(if grid_line { width } else { 0 });
        let mut row_before = reader.open;
        // Hard cells up to here hold the labels of the row opened last on this line.
        let mut label_at = 0;
        let mut used = false;
        for (h, cell) in hard.iter().enumerate() {
            if cell.tokens.is_empty() {
                grid.push(GridCell::Blank(line.source.span(
                    h,
                    cell.start,
                    cell.start + 1,
                )));
                continue;
            }
            let mut cell_kind = GridCell::Text;
            for token in &cell.tokens {
                let span = line.source.span(h, token.start, token.end);
                if let Some(value) = parse_value(token.text) {
                    let located = Located { value, span };
                    cell_kind = GridCell::Value(located.clone());
                    used |= reader.push_value(located);
                } else {
                    if reader.open != row_before && grid_line {
                        attach_grid(&mut reader, row_before, &grid, label_at, width);
                    }
                    used |= reader.text(token, span, grid_line.then_some((width, h)));
                    row_before = reader.open;
                    label_at = h;
                }
            }
            if grid_line {
                grid.push(cell_kind);
            }
        }
        if grid_line {
            let open = reader.open;
            attach_grid(&mut reader, open, &grid, label_at, width);
        }
        used |= width >= 2 && reader.current.is_some();
        is_table_line[i] = used;
    }
    reader.resolve_block();
    reader.end_orphan_run();
    place_all(reader, year, is_table_line)
}

/// Remembers the `|` grid of the row that was open on this line: the cells after its label.
fn attach_grid(
    reader: &mut Reader,
    key: Option<RowKey>,
    grid: &[GridCell],
    label_at: usize,
    width: usize,
) {
    let Some(key) = key else { return };
    let Some(row) = reader
        .table(key.0)
        .row_mut(key.1)
        .filter(|r| r.grid.is_none())
    else {
        return;
    };
    let mut cells: Vec<GridCell> = grid
        .iter()
        .enumerate()
        .map(|(i, c)| {
            if i < label_at {
                GridCell::Text
            } else {
                c.clone()
            }
        })
        .collect();
    cells.resize(width, GridCell::Text);
    row.grid = Some(cells);
}

fn place_all(mut reader: Reader, year: Option<u16>, is_table_line: Vec<bool>) -> TablesRead {
    let mut findings = std::mem::take(&mut reader.notes);
    let year_version = year.map(FormatVersion::expected_for_year);
    // 表四 without its heading: a run of exactly 15 values left over after 表三.
    let t4_empty = reader.tables[2]
        .rows
        .first()
        .is_none_or(|r| r.values.is_empty());
    if t4_empty {
        let t3 = &mut reader.tables[1];
        if let Some(pos) = t3
            .orphans
            .iter()
            .rposition(|run| run.len() == T4.rows[0].columns.len())
        {
            let run = t3.orphans.remove(pos);
            let span = run[0].span.cover(run[run.len() - 1].span);
            let t4 = &mut reader.tables[2];
            t4.touch(span);
            t4.rows = vec![RawRow {
                id: "cases",
                label: Located {
                    value: String::new(),
                    span,
                },
                values: run,
                grid: None,
            }];
            let mut f = Finding::new(
                FindingKind::TableWithoutHeading,
                "表三之后有一行 15 个数值，但没有表四的标题和表头：按表四（政府信息公开行政复议、行政诉讼情况）读取",
                Some(span),
            );
            f.table = Some(TableKey::ReviewsAndLitigation);
            findings.push(f);
        }
    }
    let [t2, t3, t4] = reader.tables;
    let tables = Tables {
        active_disclosure: place(TableKey::ActiveDisclosure, t2, year_version, &mut findings),
        applications: place(TableKey::Applications, t3, year_version, &mut findings),
        reviews_and_litigation: place(
            TableKey::ReviewsAndLitigation,
            t4,
            year_version,
            &mut findings,
        ),
    };
    TablesRead {
        tables,
        findings,
        is_table_line,
    }
}

fn decide_version(
    key: TableKey,
    raw: &RawTable,
    year: Option<FormatVersion>,
) -> (FormatVersion, VersionBasis) {
    let by_year = || match year {
        Some(v) => (v, VersionBasis::ReportYear),
        None => (FormatVersion::V2021, VersionBasis::Assumed),
    };
    match key {
        TableKey::ReviewsAndLitigation => by_year(),
        TableKey::ActiveDisclosure | TableKey::Applications => {
            let [old, new] = raw.evidence;
            if new > old {
                (FormatVersion::V2021, VersionBasis::Labels)
            } else if old > new || (key == TableKey::Applications && t3_single_other_row(raw)) {
                (FormatVersion::V2019, VersionBasis::Labels)
            } else {
                by_year()
            }
        }
    }
}

/// 2019 表三: 「（六）其他处理」 carries the values itself and 「（七）总计」 follows.
fn t3_single_other_row(raw: &RawTable) -> bool {
    let pos = |id: &str| raw.rows.iter().position(|r| r.id == id);
    match (pos("other_handling"), pos("results_total")) {
        (Some(o), Some(t)) => raw.rows[o].values.len() == T3_2019.columns.len() && t == o + 1,
        (Some(o), None) => raw.rows[o].values.len() == T3_2019.columns.len(),
        _ => false,
    }
}

fn finding(kind: FindingKind, table: TableKey, message: String, span: Option<Span>) -> Finding {
    let mut f = Finding::new(kind, message, span);
    f.table = Some(table);
    f
}

fn place(
    key: TableKey,
    raw: RawTable,
    year: Option<FormatVersion>,
    findings: &mut Vec<Finding>,
) -> Table {
    let (version, version_basis) = decide_version(key, &raw, year);
    let schema = table_schema(key, version);
    let name = key.name();
    if !raw.found {
        findings.push(finding(
            FindingKind::TableMissing,
            key,
            format!(
                "没有找到{name}（{}）：表格可能以图片发布或被删去",
                table_title(key)
            ),
            None,
        ));
        return Table {
            key,
            found: false,
            version,
            version_basis,
            span: None,
            rows: Vec::new(),
            unread: raw.unread,
        };
    }
    for header in &raw.headers {
        report_label(
            findings,
            key,
            header.quality,
            &header.written,
            column_label(schema, header.column),
            None,
            Some(header.column),
        );
    }
    let mut rows = Vec::with_capacity(schema.rows.len());
    let mut last_span = raw
        .span
        .map(|s| Span::on_line(s.line, s.column, s.column + 1));
    for def in schema.rows {
        let Some(found) = raw.rows.iter().find(|r| r.id == def.id) else {
            if def.kind == RowKind::Data {
                let mut f = finding(
                    FindingKind::RowMissing,
                    key,
                    format!("{name}缺少行「{}」", def.label),
                    last_span,
                );
                f.row = Some(def.id);
                f.expected = Some(def.label.to_string());
                findings.push(f);
                rows.push(Row::missing(def, schema, last_span));
            }
            continue;
        };
        let quality = labels()
            .rows_by_version
            .quality((key, version, def.id), &normalize(&found.label.value))
            .unwrap_or(MatchQuality::Fuzzy { score: 0.0 });
        if key != TableKey::ReviewsAndLitigation {
            report_label(
                findings,
                key,
                quality,
                &found.label,
                def.label,
                Some(def.id),
                None,
            );
        }
        let row = place_row(key, schema, &raw.headers, def, found, quality, findings);
        if let Some(span) = row
            .cells
            .iter()
            .rev()
            .find_map(|c| c.span)
            .or(Some(found.label.span))
        {
            last_span = Some(span);
        }
        rows.push(row);
    }
    for run in raw.orphans {
        let span = run[0].span.cover(run[run.len() - 1].span);
        let shown: Vec<&str> = run.iter().take(8).map(|v| raw_text(&v.value)).collect();
        findings.push(finding(
            FindingKind::UnplacedValues,
            key,
            format!(
                "{name}中有 {} 个数值没有对应的行标签，未能放入表格：{}",
                run.len(),
                shown.join("、")
            ),
            Some(span),
        ));
    }
    Table {
        key,
        found: true,
        version,
        version_basis,
        span: raw.span,
        rows,
        unread: raw.unread,
    }
}

fn table_title(key: TableKey) -> &'static str {
    match key {
        TableKey::ActiveDisclosure => "主动公开政府信息情况",
        TableKey::Applications => "收到和处理政府信息公开申请情况",
        TableKey::ReviewsAndLitigation => "政府信息公开行政复议、行政诉讼情况",
    }
}

fn column_label(schema: &TableSchema, id: &str) -> &'static str {
    schema
        .column(id)
        .or_else(|| [&T2_2021, &T2_2019].iter().find_map(|s| s.column(id)))
        .map_or("", |c| c.label)
}

fn raw_text(value: &CellValue) -> &str {
    match value {
        CellValue::Count { raw, .. } | CellValue::Amount { raw, .. } | CellValue::Text { raw } => {
            raw
        }
        CellValue::Empty { marker } => marker,
        CellValue::Missing => "",
    }
}

/// A finding for a label written otherwise than the official text (wrapping is not a defect).
fn report_label(
    findings: &mut Vec<Finding>,
    key: TableKey,
    quality: MatchQuality,
    written: &Located<String>,
    official: &str,
    row: Option<&'static str>,
    column: Option<&'static str>,
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
    f.expected = Some(official.to_string());
    f.found = Some(written.value.clone());
    findings.push(f);
}

fn place_row(
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
    let cell = |c: &'static str, value: CellValue, span: Option<Span>| Cell {
        column: c,
        label: column_label(schema, c),
        value: as_column_kind(schema, c, value),
        span,
    };
    let label_end = Some(raw.label.span);
    if raw.values.len() == n {
        for (&c, v) in def.columns.iter().zip(&raw.values) {
            row.cells.push(cell(c, v.value.clone(), Some(v.span)));
        }
    } else if let Some(by_position) = grid_values(headers, def, raw) {
        for (&c, v) in def.columns.iter().zip(by_position) {
            match v {
                Some(located) => row.cells.push(cell(c, located.value, Some(located.span))),
                None => row.cells.push(cell(c, CellValue::Missing, label_end)),
            }
        }
    } else if raw.values.is_empty() && def.kind == RowKind::Group {
        // A group label without a subtotal.
    } else {
        row.status = if raw.values.is_empty() {
            RowStatus::Found
        } else {
            RowStatus::Ambiguous
        };
        for &c in def.columns {
            row.cells.push(cell(c, CellValue::Missing, label_end));
        }
        row.unplaced = raw.values.clone();
        let message = if raw.values.is_empty() {
            format!("{}「{}」只有标签，没有数值", key.name(), def.label)
        } else {
            format!(
                "{}「{}」有 {} 个数值，但该行有 {n} 列：无法确定哪一列缺失，未放入表格",
                key.name(),
                def.label,
                raw.values.len()
            )
        };
        let kind = if raw.values.is_empty() {
            FindingKind::CellMissing
        } else {
            FindingKind::RowAmbiguous
        };
        let span = raw
            .values
            .first()
            .map(|v| v.span.cover(raw.values[raw.values.len() - 1].span));
        let mut f = finding(kind, key, message, span.or(label_end));
        f.row = Some(def.id);
        findings.push(f);
        return row;
    }
    for c in &row.cells {
        if c.value == CellValue::Missing {
            let mut f = finding(
                FindingKind::CellMissing,
                key,
                format!(
                    "{}「{}」的「{}」一栏没有填写",
                    key.name(),
                    def.label,
                    c.label
                ),
                c.span,
            );
            f.row = Some(def.id);
            f.column = Some(c.column);
            findings.push(f);
        }
    }
    row
}

/// A whole number in an amount column (「7545」 万元) is an amount.
fn as_column_kind(schema: &TableSchema, column: &str, value: CellValue) -> CellValue {
    match value {
        CellValue::Count { value, raw }
            if schema
                .column(column)
                .is_some_and(|c| c.kind == ValueKind::Amount) =>
        {
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
                    marker: String::new(),
                },
                span: *span,
            }),
            GridCell::Text => None,
        });
    }
    Some(out)
}
