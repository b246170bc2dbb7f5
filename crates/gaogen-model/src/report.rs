//! The model of one report as it was published: what was found, where, and what was not.
//!
//! Invariants: every [`Section`] and every official row of a found table is present in the model,
//! found or not; a value that could not be placed is never put in a cell; positions are 1-based
//! line and column (in characters) of the original file.

use crate::label::MatchQuality;
use crate::schema::{
    ColumnId, FormatVersion, RowDef, RowId, RowKind, SectionKey, TableKey, TableSchema,
};
use rust_decimal::Decimal;
use serde::Serialize;

mod paragraph;
pub use paragraph::{Locator, Paragraph};

/// A range in the original file: 1-based lines, 1-based columns counted in characters,
/// `end_column` exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
}

impl Span {
    /// A span within one line.
    pub fn on_line(line: u32, column: u32, end_column: u32) -> Span {
        Span {
            line,
            column,
            end_line: line,
            end_column,
        }
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        let start = (self.line, self.column).min((other.line, other.column));
        let end = (self.end_line, self.end_column).max((other.end_line, other.end_column));
        Span {
            line: start.0,
            column: start.1,
            end_line: end.0,
            end_column: end.1,
        }
    }
}

/// Text with the place it was read from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Located<T> {
    pub value: T,
    pub span: Span,
}

/// How the input reached the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum InputKind {
    Text,
    Html,
    /// A PDF, read as the text `pdftotext -layout` extracts: positions refer to that text.
    Pdf,
    /// A Word document, read as one line per paragraph and per table row: positions refer to
    /// those lines.
    Docx,
    /// A workbook written by `gaogen init`/`import` (.xlsx): a position's line is the number of a
    /// cell in the list the workbook reader keeps (shown as 「表三!D12」).
    Xlsx,
}

/// Facts about the decoded input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceInfo {
    /// `UTF-8`, `UTF-16LE`, `GB18030`, ….
    pub encoding: String,
    pub input: InputKind,
    pub lines: u32,
}

/// Where the report year was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum YearSource {
    Title,
    Preamble,
    Body,
}

/// A whole published report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub source: SourceInfo,
    pub title: Option<Located<String>>,
    pub agency: Option<String>,
    pub year: Option<u16>,
    pub year_source: Option<YearSource>,
    /// Paragraphs between the title and the first section (legal basis, period, contact).
    pub preamble: Vec<Paragraph>,
    /// Always the six official sections, in official order.
    pub sections: Vec<Section>,
    /// The signature after section 六: the agency's name and the date, when written.
    pub closing: Vec<Paragraph>,
    pub tables: Tables,
    /// What the reader could not read as the format expects.
    pub findings: Vec<Finding>,
}

impl Report {
    pub fn section(&self, key: SectionKey) -> &Section {
        self.sections
            .iter()
            .find(|s| s.key == key)
            .expect("all six sections are in the model")
    }

    pub fn table(&self, key: TableKey) -> &Table {
        match key {
            TableKey::ActiveDisclosure => &self.tables.active_disclosure,
            TableKey::Applications => &self.tables.applications,
            TableKey::ReviewsAndLitigation => &self.tables.reviews_and_litigation,
        }
    }

    /// Number cells placed in official rows and columns, over all tables.
    pub fn number_cell_count(&self) -> usize {
        TableKey::ALL
            .iter()
            .map(|&k| self.table(k).number_cell_count())
            .sum()
    }
}

/// A section heading as written.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Heading {
    pub text: String,
    pub span: Span,
    /// The ordinal written in front (「五、」 → 5), if any.
    pub number_as_written: Option<u8>,
    #[serde(rename = "match")]
    pub quality: MatchQuality,
}

/// One of the six sections.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Section {
    pub key: SectionKey,
    pub number: u8,
    pub official_heading: String,
    pub found: bool,
    pub heading: Option<Heading>,
    /// From the heading to the last line before the next section.
    pub span: Option<Span>,
    pub paragraphs: Vec<Paragraph>,
}

/// The three statistical tables.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tables {
    pub active_disclosure: Table,
    pub applications: Table,
    pub reviews_and_litigation: Table,
}

/// Why a table is taken to follow its format version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum VersionBasis {
    /// Labels that exist in only one edition were found.
    Labels,
    /// No telling label: the edition the report year calls for.
    ReportYear,
    /// Neither labels nor a year: 2021 assumed.
    Assumed,
}

/// A statistical table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    pub key: TableKey,
    pub found: bool,
    pub version: FormatVersion,
    pub version_basis: VersionBasis,
    pub span: Option<Span>,
    /// Every row of the schema, in official order; group rows only when written.
    pub rows: Vec<Row>,
    /// Text inside the table region that is neither a known label nor a value.
    pub unread: Vec<Located<String>>,
}

impl Table {
    pub fn row(&self, id: RowId) -> Option<&Row> {
        self.rows.iter().find(|r| r.id == id)
    }

    pub fn cell(&self, row: RowId, column: ColumnId) -> Option<&Cell> {
        self.row(row)?.cells.iter().find(|c| c.column == column)
    }

    pub fn number_cell_count(&self) -> usize {
        self.rows
            .iter()
            .flat_map(|r| &r.cells)
            .filter(|c| c.value.is_number())
            .count()
    }
}

/// Whether a row was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RowStatus {
    /// Label found and its values placed (some cells may still be empty or missing).
    Found,
    /// Label not found: every cell is missing.
    Missing,
    /// Label found but its values do not fit the columns; they are kept in `unplaced`.
    Ambiguous,
}

/// An official row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    pub id: RowId,
    pub label: &'static str,
    pub kind: RowKind,
    pub status: RowStatus,
    pub label_as_written: Option<Located<String>>,
    #[serde(rename = "label_match")]
    pub label_quality: Option<MatchQuality>,
    pub cells: Vec<Cell>,
    /// Values read for an ambiguous row, in reading order.
    pub unplaced: Vec<Located<CellValue>>,
}

impl Row {
    /// A row of the schema with these cells.
    pub fn new(def: &'static RowDef, status: RowStatus, cells: Vec<Cell>) -> Row {
        Row {
            id: def.id,
            label: def.label,
            kind: def.kind,
            status,
            label_as_written: None,
            label_quality: None,
            cells,
            unplaced: Vec::new(),
        }
    }

    /// A row that was not found: every cell missing, placed at `span` (where it should have been).
    pub fn missing(def: &'static RowDef, schema: &TableSchema, span: Option<Span>) -> Row {
        let cells = def
            .columns
            .iter()
            .map(|&c| Cell {
                column: c,
                label: schema.column(c).map_or("", |d| d.label),
                value: CellValue::Missing,
                span,
            })
            .collect();
        Row::new(def, RowStatus::Missing, cells)
    }
}

/// A cell in an official row and column.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cell {
    pub column: ColumnId,
    pub label: &'static str,
    pub value: CellValue,
    /// Where the value was read; for a missing cell, where it should have been.
    pub span: Option<Span>,
}

/// The largest value a cell of report.toml may hold (一千万亿): sums of a table's cells can then
/// never overflow, and no agency has handled more.
pub const MAX_CELL_VALUE: i64 = 1_000_000_000_000_000;

/// A cell's text as written: up to 24 bytes are held inline (every number a table holds), so
/// reading and copying cells allocates nothing. Serialised as a plain string.
pub type CellText = compact_str::CompactString;

/// A cell's content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CellValue {
    /// A whole number, as written in `raw` (「00」 stays visible).
    Count { value: i64, raw: CellText },
    /// A decimal number.
    Amount {
        #[serde(with = "rust_decimal::serde::str")]
        value: Decimal,
        raw: CellText,
    },
    /// Blank, 「/」, 「-」, 「—」 or 「无」: never 0.
    Empty { marker: CellText },
    /// Text where a number belongs.
    Text { raw: CellText },
    /// Nothing was written where this cell belongs.
    Missing,
}

impl CellValue {
    pub fn is_number(&self) -> bool {
        matches!(self, CellValue::Count { .. } | CellValue::Amount { .. })
    }

    /// The value as a whole number, if it is one.
    pub fn as_count(&self) -> Option<i64> {
        match self {
            CellValue::Count { value, .. } => Some(*value),
            _ => None,
        }
    }
}

/// What the reader noticed while reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    InputTruncated,
    TitleMissing,
    YearMissing,
    SectionMissing,
    SectionHeadingVariant,
    SectionOutOfOrder,
    TableMissing,
    TableWithoutHeading,
    RowMissing,
    RowAmbiguous,
    CellMissing,
    LabelVariant,
    UnplacedValues,
    /// Something written where a number belongs that is not a readable number (「1O」, 40 digits,
    /// 「九」): kept as text in its cell.
    ValueUnreadable,
    /// A row's cells run together into one digit run, split where the sums make it unique.
    CellsSplit,
    /// A second report follows the first in the same file (two years pasted together).
    SecondReport,
}

/// One reading finding. `message` is Chinese, for people; the other fields are for machines.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub kind: FindingKind,
    /// Shared with the diagnostic made of it, not copied (a report can have hundreds of thousands).
    pub message: std::sync::Arc<str>,
    pub span: Option<Span>,
    pub table: Option<TableKey>,
    pub row: Option<RowId>,
    pub column: Option<ColumnId>,
    /// The official text, where the finding is about a label or heading.
    pub expected: Option<Box<str>>,
    /// What was written.
    pub found: Option<Box<str>>,
}

impl Finding {
    pub fn new(
        kind: FindingKind,
        message: impl Into<std::sync::Arc<str>>,
        span: Option<Span>,
    ) -> Finding {
        Finding {
            kind,
            message: message.into(),
            span,
            table: None,
            row: None,
            column: None,
            expected: None,
            found: None,
        }
    }
}
