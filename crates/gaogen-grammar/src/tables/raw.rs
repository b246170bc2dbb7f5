//! The raw tables: what the cell stream read for each table, before placement. State is typed
//! and keyed by [`TableKey`].

use super::cells::raw_text;
use gaogen_model::label::MatchQuality;
use gaogen_model::schema::{table_schema, RowKind, T3_2021, T4};
use gaogen_model::{CellValue, ColumnId, FormatVersion, Located, RowId, Span, TableKey};
use std::sync::OnceLock;

/// A row of one table: the table and the row id.
pub(super) type RowKey = (TableKey, RowId);

#[derive(Debug, Clone)]
pub(super) enum GridCell {
    /// Nothing between the separators; where it stands.
    Blank(Span),
    Value(Located<CellValue>),
    Text,
}

#[derive(Debug, Clone)]
pub(super) struct RawRow {
    pub id: RowId,
    pub label: Located<String>,
    pub values: Vec<Located<CellValue>>,
    /// The row's cells by position, when it stood on one `|` line.
    pub grid: Option<Vec<GridCell>>,
    /// Indices in `values` of tentative blanks (see [`RawRow::push_blank`]).
    pub blanks: Vec<usize>,
    /// Cut by the end of the file with its cells in their places (see `cut.rs`); the last value
    /// read when it may itself be cut (「1」 of 「12」).
    pub cut: Option<Option<Located<CellValue>>>,
}

impl RawRow {
    pub fn new(id: RowId, label: Located<String>) -> RawRow {
        RawRow {
            id,
            label,
            values: Vec::new(),
            grid: None,
            blanks: Vec::new(),
            cut: None,
        }
    }

    /// Values read, tentative blanks not counted.
    pub fn filled(&self) -> usize {
        self.values.len() - self.blanks.len()
    }

    /// An empty cell that holds its grid position only if the row's cells, blanks included, then
    /// number exactly its columns.
    pub fn push_blank(&mut self, blank: Located<CellValue>) {
        self.blanks.push(self.values.len());
        self.values.push(blank);
    }

    /// The row's cells for a row of `columns` columns: with the blanks when they fill it exactly,
    /// else the values alone.
    pub fn cells_for(&self, columns: usize) -> std::borrow::Cow<'_, [Located<CellValue>]> {
        if self.blanks.is_empty() || self.values.len() == columns {
            return std::borrow::Cow::Borrowed(&self.values);
        }
        let mut blanks = self.blanks.iter().peekable();
        let mut out = Vec::with_capacity(self.filled());
        for (i, v) in self.values.iter().enumerate() {
            if blanks.next_if(|&&b| b == i).is_none() {
                out.push(v.clone());
            }
        }
        std::borrow::Cow::Owned(out)
    }
}

#[derive(Debug, Clone)]
pub(super) struct HeaderSeen {
    pub column: ColumnId,
    pub written: Located<String>,
    pub quality: MatchQuality,
    /// (width of the `|` line, index of the cell) where the header stood.
    pub grid: Option<(usize, usize)>,
}

/// Values with no open row, one run of them. Kept as what its finding shows (where, how many,
/// the first [`OrphanRun::SHOWN`] as written), not value by value: a 30 MB report of repeated
/// tables has millions. A run as long as a row of 表四 is kept whole: it may be 表四 written
/// without its heading (`place.rs`).
#[derive(Debug)]
pub(super) enum OrphanRun {
    Whole(Vec<Located<CellValue>>),
    Seen {
        span: Span,
        len: usize,
        /// The first values as written, joined by 「、」.
        shown: String,
    },
}

/// The values of a row of 表四.
const T4_ROW: usize = T4.rows[0].columns.len();

impl OrphanRun {
    /// Values a finding quotes.
    pub const SHOWN: usize = 8;

    /// `values` must not be empty.
    pub fn new(values: Vec<Located<CellValue>>) -> OrphanRun {
        if values.len() == T4_ROW {
            return OrphanRun::Whole(values);
        }
        OrphanRun::Seen {
            span: Self::cover(&values),
            len: values.len(),
            shown: Self::show(&values),
        }
    }

    fn cover(values: &[Located<CellValue>]) -> Span {
        values[0].span.cover(values[values.len() - 1].span)
    }

    fn show(values: &[Located<CellValue>]) -> String {
        let shown: Vec<&str> = values
            .iter()
            .take(Self::SHOWN)
            .map(|v| raw_text(&v.value))
            .collect();
        shown.join("、")
    }

    /// Where the run stands, its length and its first values as written.
    pub fn into_shown(self) -> (Span, usize, String) {
        match self {
            OrphanRun::Whole(values) => (Self::cover(&values), values.len(), Self::show(&values)),
            OrphanRun::Seen { span, len, shown } => (span, len, shown),
        }
    }
}

#[derive(Debug, Default)]
pub(super) struct RawTable {
    pub found: bool,
    pub span: Option<Span>,
    pub rows: Vec<RawRow>,
    pub headers: Vec<HeaderSeen>,
    pub unread: Vec<Located<String>>,
    pub orphans: Vec<OrphanRun>,
    /// Labels unique to one edition.
    pub evidence: Evidence,
    /// 表三: a row label was read, so column headers are over.
    pub data_started: bool,
}

impl RawTable {
    /// Keeps a run of values with no row (`values` not empty).
    pub fn add_orphans(&mut self, values: Vec<Located<CellValue>>) {
        self.orphans.push(OrphanRun::new(values));
    }
}

/// How many labels unique to each edition a table showed.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(super) struct Evidence {
    pub v2019: u32,
    pub v2021: u32,
}

impl Evidence {
    pub fn add(&mut self, version: FormatVersion) {
        match version {
            FormatVersion::V2019 => self.v2019 += 1,
            FormatVersion::V2021 => self.v2021 += 1,
        }
    }

    /// The edition with more evidence, if one has more.
    pub fn leaning(self) -> Option<FormatVersion> {
        match self.v2019.cmp(&self.v2021) {
            std::cmp::Ordering::Greater => Some(FormatVersion::V2019),
            std::cmp::Ordering::Less => Some(FormatVersion::V2021),
            std::cmp::Ordering::Equal => None,
        }
    }
}

/// The three tables as read, one per [`TableKey`].
#[derive(Debug, Default)]
pub(super) struct RawTables {
    pub active_disclosure: RawTable,
    pub applications: RawTable,
    pub reviews_and_litigation: RawTable,
}

impl RawTables {
    pub fn get(&self, key: TableKey) -> &RawTable {
        match key {
            TableKey::ActiveDisclosure => &self.active_disclosure,
            TableKey::Applications => &self.applications,
            TableKey::ReviewsAndLitigation => &self.reviews_and_litigation,
        }
    }

    pub fn get_mut(&mut self, key: TableKey) -> &mut RawTable {
        match key {
            TableKey::ActiveDisclosure => &mut self.active_disclosure,
            TableKey::Applications => &mut self.applications,
            TableKey::ReviewsAndLitigation => &mut self.reviews_and_litigation,
        }
    }
}

impl RawTable {
    pub fn touch(&mut self, span: Span) {
        self.found = true;
        self.span = Some(self.span.map_or(span, |s| s.cover(span)));
    }

    pub fn row_mut(&mut self, id: RowId) -> Option<&mut RawRow> {
        self.rows.iter_mut().find(|r| r.id == id)
    }
}

/// The most values a row of this table can hold, over both editions (looked up for every value
/// read: computed once for every table and row).
pub(super) fn capacity(key: RowKey) -> usize {
    const TABLES: [TableKey; 3] = [
        TableKey::ActiveDisclosure,
        TableKey::Applications,
        TableKey::ReviewsAndLitigation,
    ];
    static WIDEST: OnceLock<Vec<[usize; 3]>> = OnceLock::new();
    let widest = WIDEST.get_or_init(|| {
        RowId::ALL
            .iter()
            .map(|&row| TABLES.map(|table| widest(table, row)))
            .collect()
    });
    // `RowId::ALL` lists the ids in declaration order, so an id's number is its place there
    // (tested below); the tables in the order of `TABLES`.
    let table = match key.0 {
        TableKey::ActiveDisclosure => 0,
        TableKey::Applications => 1,
        TableKey::ReviewsAndLitigation => 2,
    };
    widest[key.1 as usize][table]
}

fn widest(table: TableKey, row: RowId) -> usize {
    [FormatVersion::V2019, FormatVersion::V2021]
        .iter()
        .filter_map(|&v| table_schema(table, v).row(row))
        .map(|r| r.columns.len())
        .max()
        .unwrap_or(0)
}

/// 表三 columns.
pub(super) const T3_WIDTH: usize = 7;

/// Whether a 表三 row takes values in every edition (「（六）其他处理」 does only in 2019).
/// Looked up by the id's place in `RowId::ALL`, not searched in the schema: a column-by-column
/// block asks it for every waiting label at every value (a pdfminer 表三 spent a quarter of its
/// reading on the search).
pub(super) fn t3_data_row(id: RowId) -> bool {
    static DATA: OnceLock<Vec<bool>> = OnceLock::new();
    DATA.get_or_init(|| {
        RowId::ALL
            .iter()
            .map(|&id| t3_data_row_in_schema(id))
            .collect()
    })[id as usize]
}

fn t3_data_row_in_schema(id: RowId) -> bool {
    T3_2021.row(id).is_some_and(|r| r.kind == RowKind::Data)
}

#[cfg(test)]
mod tests {
    use super::*;
    use gaogen_model::RowId;

    #[test]
    fn evidence_leans_to_the_edition_with_more_labels() {
        let mut e = Evidence::default();
        assert_eq!(e.leaning(), None);
        e.add(FormatVersion::V2019);
        assert_eq!(e.leaning(), Some(FormatVersion::V2019));
        e.add(FormatVersion::V2021);
        e.add(FormatVersion::V2021);
        assert_eq!(e.leaning(), Some(FormatVersion::V2021));
    }

    #[test]
    fn tables_are_kept_by_key() {
        let mut t = RawTables::default();
        t.get_mut(TableKey::Applications)
            .touch(Span::on_line(3, 1, 2));
        assert!(t.applications.found);
        assert!(!t.get(TableKey::ActiveDisclosure).found);
        assert_eq!(t.get(TableKey::Applications).span.map(|s| s.line), Some(3));
    }

    #[test]
    fn a_row_id_is_its_place_in_all() {
        for (i, &id) in RowId::ALL.iter().enumerate() {
            assert_eq!(id as usize, i);
        }
    }

    #[test]
    fn capacity_is_the_widest_edition() {
        assert_eq!(
            capacity((TableKey::Applications, RowId::NewRequests)),
            T3_WIDTH
        );
        assert_eq!(capacity((TableKey::ReviewsAndLitigation, RowId::Cases)), 15);
        assert!(t3_data_row(RowId::NewRequests));
        assert!(!t3_data_row(RowId::OtherHandling));
    }

    #[test]
    fn a_t3_data_row_is_what_the_schema_says_for_every_id() {
        for &id in RowId::ALL {
            assert_eq!(t3_data_row(id), t3_data_row_in_schema(id), "{id:?}");
        }
        assert!(RowId::ALL.iter().any(|&id| t3_data_row(id)));
        assert!(RowId::ALL.iter().any(|&id| !t3_data_row(id)));
    }
}
