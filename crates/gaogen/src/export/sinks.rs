//! Where the facts go: CSV (UTF-8 with BOM), SQLite (rusqlite, one transaction), xlsx
//! (rust_xlsxwriter in constant-memory mode). Each takes one report at a time.

use super::{CellRow, Figure, ReportInfo};
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};
use std::io::{BufWriter, Write};
use std::path::Path;

/// The export format, from the output's ending.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SinkKind {
    Csv,
    Sqlite,
    Xlsx,
}

impl SinkKind {
    /// By extension: .csv, .sqlite/.db/.sqlite3, .xlsx.
    pub fn of(path: &Path) -> Option<SinkKind> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "csv" => Some(SinkKind::Csv),
            "sqlite" | "sqlite3" | "db" => Some(SinkKind::Sqlite),
            "xlsx" => Some(SinkKind::Xlsx),
            _ => None,
        }
    }

    /// Its name in `export --format json`: `csv`, `sqlite` or `xlsx`.
    pub fn name(self) -> &'static str {
        match self {
            SinkKind::Csv => "csv",
            SinkKind::Sqlite => "sqlite",
            SinkKind::Xlsx => "xlsx",
        }
    }
}

/// The columns of a fact row (CSV header, xlsx 数据 sheet, SQLite view `facts`).
pub const FACT_COLUMNS: [&str; 12] = [
    "file",
    "agency",
    "year",
    "kind",
    "table",
    "edition",
    "row_id",
    "row_label",
    "column_id",
    "column_label",
    "value",
    "status",
];

/// A destination for the rows of one report after another.
pub enum Sink {
    Csv(BufWriter<std::fs::File>),
    Sqlite(Box<rusqlite::Connection>, i64),
    Xlsx(Box<XlsxFacts>, std::fs::File),
}

/// The xlsx export: sheets 报告, 数据 (continued on 数据2 … past Excel's row limit), 指标.
pub struct XlsxFacts {
    book: Workbook,
    rows: [u32; 3],
    /// Index of the current 数据 sheet and how many there are.
    data_sheets: usize,
    current_data: usize,
}

const MAX_ROWS: u32 = 1_048_576;

fn csv_field(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\"")).into()
    } else {
        s.into()
    }
}

fn fmt_value(v: Option<f64>) -> String {
    v.map(|x| format!("{x}")).unwrap_or_default()
}

fn header(ws: &mut Worksheet, columns: &[&str], bold: &Format) -> Result<(), XlsxError> {
    for (i, c) in columns.iter().enumerate() {
        ws.write_string_with_format(0, i as u16, *c, bold)?;
        ws.set_column_width(i as u16, 14)?;
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}

const REPORT_COLUMNS: [&str; 9] = [
    "file",
    "agency",
    "year",
    "format",
    "sections_found",
    "cells_read",
    "errors",
    "warnings",
    "failure",
];
const FIGURE_COLUMNS: [&str; 8] = [
    "file",
    "agency",
    "year",
    "figure",
    "label",
    "value",
    "numerator",
    "denominator",
];

impl Sink {
    /// Opens a sink writing into `file` (at `path`, the temporary file of the output).
    pub fn open(kind: SinkKind, path: &Path, file: &std::fs::File) -> Result<Self, String> {
        let file = file.try_clone().map_err(|e| e.to_string())?;
        match kind {
            SinkKind::Csv => {
                let mut w = BufWriter::with_capacity(1 << 20, file);
                w.write_all(b"\xEF\xBB\xBF").map_err(|e| e.to_string())?;
                w.write_all(FACT_COLUMNS.join(",").as_bytes())
                    .and_then(|()| w.write_all(b",raw\n"))
                    .map_err(|e| e.to_string())?;
                Ok(Sink::Csv(w))
            }
            SinkKind::Sqlite => {
                let db = rusqlite::Connection::open(path).map_err(|e| e.to_string())?;
                db.execute_batch(include_str!("schema.sql"))
                    .map_err(|e| e.to_string())?;
                db.execute_batch("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; BEGIN;")
                    .map_err(|e| e.to_string())?;
                Ok(Sink::Sqlite(Box::new(db), 0))
            }
            SinkKind::Xlsx => {
                let mut book = Workbook::new();
                let bold = Format::new().set_bold();
                for (name, columns) in [
                    ("报告", &REPORT_COLUMNS[..]),
                    ("数据", &FACT_COLUMNS[..]),
                    ("指标", &FIGURE_COLUMNS[..]),
                ] {
                    let ws = book.add_worksheet_with_constant_memory();
                    ws.set_name(name).map_err(|e| e.to_string())?;
                    header(ws, columns, &bold).map_err(|e| e.to_string())?;
                }
                Ok(Sink::Xlsx(
                    Box::new(XlsxFacts {
                        book,
                        rows: [1, 1, 1],
                        data_sheets: 1,
                        current_data: 1,
                    }),
                    file,
                ))
            }
        }
    }

    /// Adds one report.
    pub fn add(
        &mut self,
        r: &ReportInfo,
        cells: &[CellRow],
        figures: &[Figure],
    ) -> Result<(), String> {
        match self {
            Sink::Csv(w) => csv_add(w, r, cells, figures).map_err(|e| e.to_string()),
            Sink::Sqlite(db, id) => {
                *id += 1;
                sqlite_add(db, *id, r, cells, figures).map_err(|e| e.to_string())
            }
            Sink::Xlsx(x, _) => x.add(r, cells, figures).map_err(|e| e.to_string()),
        }
    }

    /// Finishes the output.
    pub fn finish(self) -> Result<(), String> {
        match self {
            Sink::Csv(mut w) => w.flush().map_err(|e| e.to_string()),
            Sink::Sqlite(db, _) => db.execute_batch("COMMIT;").map_err(|e| e.to_string()),
            Sink::Xlsx(mut x, file) => x
                .book
                .save_to_writer(BufWriter::new(file))
                .map_err(|e| e.to_string()),
        }
    }
}

fn csv_add(
    w: &mut impl Write,
    r: &ReportInfo,
    cells: &[CellRow],
    figures: &[Figure],
) -> std::io::Result<()> {
    let head = format!("{},{},{}", csv_field(&r.file), csv_field(&r.agency), r.year);
    for c in cells {
        writeln!(
            w,
            "{head},cell,{},{},{},{},{},{},{},{},{}",
            c.table,
            c.edition,
            c.row_id,
            csv_field(c.row_label),
            c.column_id,
            csv_field(&c.column_label),
            c.value,
            c.status,
            csv_field(&c.raw)
        )?;
    }
    for f in figures {
        let status = if f.value.is_some() {
            "computed"
        } else {
            "not_assessable"
        };
        writeln!(
            w,
            "{head},figure,指标,,{},{},,{},{},{status},",
            f.id,
            f.label,
            csv_field(f.formula),
            fmt_value(f.value)
        )?;
    }
    Ok(())
}

fn sqlite_add(
    db: &rusqlite::Connection,
    id: i64,
    r: &ReportInfo,
    cells: &[CellRow],
    figures: &[Figure],
) -> rusqlite::Result<()> {
    let year: Option<i64> = r.year.parse().ok();
    db.prepare_cached(
        "INSERT INTO reports (id, file, agency, year, format, sections_found, cells_read, errors, warnings, failure) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(rusqlite::params![
        id,
        r.file,
        (!r.agency.is_empty()).then_some(&r.agency),
        year,
        r.format,
        r.sections_found as i64,
        r.cells_read as i64,
        r.errors as i64,
        r.warnings as i64,
        (!r.failure.is_empty()).then_some(&r.failure),
    ])?;
    let mut insert = db.prepare_cached(
        "INSERT INTO cells (report_id, table_name, edition, row_id, row_label, column_id, column_label, value, status, raw) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    for c in cells {
        insert.execute(rusqlite::params![
            id,
            c.table,
            c.edition,
            c.row_id.as_str(),
            c.row_label,
            c.column_id.as_str(),
            c.column_label,
            c.number(),
            c.status,
            (!c.raw.is_empty()).then_some(&c.raw),
        ])?;
    }
    let mut insert = db.prepare_cached(
        "INSERT INTO figures (report_id, figure, label, value, numerator, denominator, formula) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for f in figures {
        insert.execute(rusqlite::params![
            id,
            f.id,
            f.label,
            f.value,
            f.numerator,
            f.denominator,
            f.formula
        ])?;
    }
    Ok(())
}

impl XlsxFacts {
    fn add(
        &mut self,
        r: &ReportInfo,
        cells: &[CellRow],
        figures: &[Figure],
    ) -> Result<(), XlsxError> {
        let year: Option<f64> = r.year.parse().ok();
        let row = self.rows[0];
        r.write_xlsx_row(self.book.worksheet_from_index(0)?, row)?;
        self.rows[0] += 1;
        for c in cells {
            if self.rows[1] >= MAX_ROWS {
                self.data_sheets += 1;
                let bold = Format::new().set_bold();
                let ws = self.book.add_worksheet_with_constant_memory();
                ws.set_name(format!("数据{}", self.data_sheets))?;
                header(ws, &FACT_COLUMNS, &bold)?;
                self.current_data = self.book.worksheets_mut().len() - 1;
                self.rows[1] = 1;
            }
            let index = if self.data_sheets == 1 {
                1
            } else {
                self.current_data
            };
            let row = self.rows[1];
            let ws = self.book.worksheet_from_index(index)?;
            ws.write_string(row, 0, &r.file)?;
            ws.write_string(row, 1, &r.agency)?;
            if let Some(y) = year {
                ws.write_number(row, 2, y)?;
            }
            ws.write_string(row, 3, "cell")?;
            ws.write_string(row, 4, c.table)?;
            ws.write_string(row, 5, c.edition)?;
            ws.write_string(row, 6, c.row_id.as_str())?;
            ws.write_string(row, 7, c.row_label)?;
            ws.write_string(row, 8, c.column_id.as_str())?;
            ws.write_string(row, 9, &c.column_label)?;
            match c.number() {
                Some(n) => ws.write_number(row, 10, n)?,
                None => ws.write_string(row, 10, &c.raw)?,
            };
            ws.write_string(row, 11, c.status)?;
            self.rows[1] += 1;
        }
        let ws = self.book.worksheet_from_index(2)?;
        for f in figures {
            let row = self.rows[2];
            ws.write_string(row, 0, &r.file)?;
            ws.write_string(row, 1, &r.agency)?;
            if let Some(y) = year {
                ws.write_number(row, 2, y)?;
            }
            ws.write_string(row, 3, f.id)?;
            ws.write_string(row, 4, f.label)?;
            if let Some(v) = f.value {
                ws.write_number(row, 5, v)?;
            }
            if let Some(n) = f.numerator {
                ws.write_number(row, 6, n as f64)?;
            }
            if let Some(d) = f.denominator {
                ws.write_number(row, 7, d as f64)?;
            }
            self.rows[2] += 1;
        }
        Ok(())
    }
}

impl std::fmt::Debug for Sink {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Sink::Csv(_) => "Sink::Csv",
            Sink::Sqlite(..) => "Sink::Sqlite",
            Sink::Xlsx(..) => "Sink::Xlsx",
        })
    }
}

impl std::fmt::Debug for XlsxFacts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("XlsxFacts")
            .field("rows", &self.rows)
            .finish()
    }
}
