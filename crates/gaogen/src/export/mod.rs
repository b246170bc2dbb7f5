//! Every number as data: each cell of each report in long format, and figures derived per report
//! (docs/export.md), for `gaogen export` (SQLite, CSV, xlsx) and `check --summary xlsx`.
//!
//! Rows are built per report in the workers and written in order by one sink, so memory does not
//! grow with the number of reports.

mod sinks;
pub mod summary_xlsx;

pub use sinks::{Sink, SinkKind};

use gaogen_model::schema::{t4_group, TableKey};
use gaogen_model::{CellValue, ColumnId, Report, RowId, RowStatus};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// The report a row belongs to.
#[derive(Debug, Clone, Default)]
pub struct ReportInfo {
    pub file: String,
    pub agency: String,
    /// Empty when the year could not be read.
    pub year: String,
    pub format: String,
    pub sections_found: usize,
    pub cells_read: usize,
    pub errors: usize,
    pub warnings: usize,
    /// Why the file could not be read (then there are no cells).
    pub failure: String,
}

impl ReportInfo {
    /// The report's line of a workbook's 报告 sheet: file, agency, year, format, sections, cells,
    /// errors, warnings, failure; the counts left blank for a file that could not be read.
    pub(crate) fn write_xlsx_row(
        &self,
        ws: &mut rust_xlsxwriter::Worksheet,
        row: u32,
    ) -> Result<(), rust_xlsxwriter::XlsxError> {
        ws.write_string(row, 0, &self.file)?;
        ws.write_string(row, 1, &self.agency)?;
        if let Ok(year) = self.year.parse::<f64>() {
            ws.write_number(row, 2, year)?;
        }
        ws.write_string(row, 3, &self.format)?;
        if self.failure.is_empty() {
            let counts = [
                self.sections_found,
                self.cells_read,
                self.errors,
                self.warnings,
            ];
            for (column, n) in (4..).zip(counts) {
                ws.write_number(row, column, n as f64)?;
            }
        }
        ws.write_string(row, 8, &self.failure)?;
        Ok(())
    }
}

/// One cell of one report.
#[derive(Debug, Clone)]
pub struct CellRow {
    pub table: &'static str,
    pub edition: &'static str,
    pub row_id: RowId,
    pub row_label: &'static str,
    pub column_id: ColumnId,
    /// For 表四 with its group: 「行政复议 · 结果纠正」.
    pub column_label: String,
    /// The number, as text (「12」, 「356.82」), or empty.
    pub value: String,
    /// `number`, `empty`, `text`, `missing`, `ambiguous`.
    pub status: &'static str,
    /// What was written (the marker, the text), when it is not the number itself.
    pub raw: String,
}

impl CellRow {
    /// The number as f64 (for SQLite and xlsx), when there is one.
    pub fn number(&self) -> Option<f64> {
        (self.status == "number")
            .then(|| self.value.parse().ok())
            .flatten()
    }
}

/// A derived figure of one report.
#[derive(Debug, Clone)]
pub struct Figure {
    pub id: &'static str,
    pub label: &'static str,
    pub formula: &'static str,
    /// `None` when a term is not a number or the base is 0: never 0.
    pub value: Option<f64>,
    pub numerator: Option<i64>,
    pub denominator: Option<i64>,
}

/// Every cell of every official row of the tables read, in schema order.
pub fn cells(report: &Report) -> Vec<CellRow> {
    let mut out = Vec::with_capacity(200);
    for key in TableKey::ALL {
        let t = report.table(key);
        if !t.found {
            continue;
        }
        for row in &t.rows {
            for c in &row.cells {
                let column_label = match (key, t4_group(c.column)) {
                    (TableKey::ReviewsAndLitigation, Some(g)) => format!("{g} · {}", c.label),
                    _ => c.label.to_string(),
                };
                let (value, status, raw) = match &c.value {
                    CellValue::Count { value, raw } => (
                        value.to_string(),
                        "number",
                        if *raw == value.to_string() {
                            String::new()
                        } else {
                            raw.to_string()
                        },
                    ),
                    CellValue::Amount { value, raw } => {
                        (value.normalize().to_string(), "number", raw.to_string())
                    }
                    CellValue::Empty { marker } => (String::new(), "empty", marker.to_string()),
                    CellValue::Text { raw } => (String::new(), "text", raw.to_string()),
                    CellValue::Missing if row.status == RowStatus::Ambiguous => {
                        (String::new(), "ambiguous", String::new())
                    }
                    CellValue::Missing => (String::new(), "missing", String::new()),
                };
                out.push(CellRow {
                    table: key.name(),
                    edition: t.version.as_str(),
                    row_id: row.id,
                    row_label: row.label,
                    column_id: c.column,
                    column_label,
                    value,
                    status,
                    raw,
                });
            }
        }
    }
    out
}

/// A term of a figure: a cell of 表三's 总计 column, or of 表四's one row.
#[derive(Debug, Clone, Copy)]
enum Term {
    T3(RowId),
    T4(ColumnId),
}

impl Term {
    fn count(self, report: &Report) -> Option<i64> {
        let (key, row, column) = match self {
            Term::T3(row) => (TableKey::Applications, row, ColumnId::Total),
            Term::T4(column) => (TableKey::ReviewsAndLitigation, RowId::Cases, column),
        };
        report.table(key).cell(row, column)?.value.as_count()
    }
}

/// A derived figure as data: numerator and denominator are sums of terms (one blank term or a
/// base of 0 gives no figure, never 0).
#[derive(Debug)]
struct FigureDef {
    id: &'static str,
    label: &'static str,
    formula: &'static str,
    numerator: &'static [Term],
    denominator: &'static [Term],
}

/// The derived figures, in the order they are written (formulas in docs/export.md).
static FIGURES: [FigureDef; 5] = [
    FigureDef {
        id: "disclosure_rate",
        label: "实质公开率",
        formula: "(（一）予以公开 + （二）部分公开) / （七）总计，各取总计列",
        numerator: &[
            Term::T3(RowId::Disclosed),
            Term::T3(RowId::PartiallyDisclosed),
        ],
        denominator: &[Term::T3(RowId::ResultsTotal)],
    },
    FigureDef {
        id: "review_correction_rate",
        label: "复议纠错率",
        formula: "表四 行政复议 结果纠正 / 行政复议 总计",
        numerator: &[Term::T4(ColumnId::ReviewCorrected)],
        denominator: &[Term::T4(ColumnId::ReviewTotal)],
    },
    FigureDef {
        id: "litigation_correction_rate",
        label: "诉讼纠错率",
        formula: "表四 (未经复议直接起诉 + 复议后起诉) 结果纠正 / 两者总计之和",
        numerator: &[
            Term::T4(ColumnId::LitigationDirectCorrected),
            Term::T4(ColumnId::LitigationAfterReviewCorrected),
        ],
        denominator: &[
            Term::T4(ColumnId::LitigationDirectTotal),
            Term::T4(ColumnId::LitigationAfterReviewTotal),
        ],
    },
    FigureDef {
        id: "carry_forward_rate",
        label: "结转率",
        formula: "四、结转下年度继续办理 / (一、本年新收 + 二、上年结转)，各取总计列",
        numerator: &[Term::T3(RowId::CarriedForward)],
        denominator: &[Term::T3(RowId::NewRequests), Term::T3(RowId::CarriedOver)],
    },
    FigureDef {
        id: "unavailable_share",
        label: "无法提供占比",
        formula: "（四）无法提供 1–3 项之和 / （七）总计，各取总计列",
        numerator: &[
            Term::T3(RowId::UnavailableNotHeld),
            Term::T3(RowId::UnavailableNeedsCreation),
            Term::T3(RowId::UnavailableUnclear),
        ],
        denominator: &[Term::T3(RowId::ResultsTotal)],
    },
];

fn figure(
    id: &'static str,
    label: &'static str,
    formula: &'static str,
    numerator: Option<i64>,
    denominator: Option<i64>,
) -> Figure {
    let value = match (numerator, denominator) {
        (Some(n), Some(d)) if d != 0 => (Decimal::from(n) / Decimal::from(d)).round_dp(6).to_f64(),
        _ => None,
    };
    Figure {
        id,
        label,
        formula,
        value,
        numerator,
        denominator,
    }
}

/// The derived figures of one report (formulas in docs/export.md).
pub fn figures(report: &Report) -> Vec<Figure> {
    let sum = |terms: &[Term]| terms.iter().map(|t| t.count(report)).sum::<Option<i64>>();
    FIGURES
        .iter()
        .map(|d| {
            figure(
                d.id,
                d.label,
                d.formula,
                sum(d.numerator),
                sum(d.denominator),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_zero_base_gives_no_figure_not_zero() {
        assert_eq!(figure("x", "x", "x", Some(0), Some(0)).value, None);
        assert_eq!(figure("x", "x", "x", None, Some(4)).value, None);
        assert_eq!(figure("x", "x", "x", Some(1), Some(4)).value, Some(0.25));
        assert_eq!(figure("x", "x", "x", Some(0), Some(4)).value, Some(0.0));
    }
}

/// What one file gives the export: its identity and counts, its cells, its figures, and (for
/// `check --summary xlsx`) its diagnostics.
#[derive(Debug)]
pub struct Facts {
    pub info: ReportInfo,
    pub cells: Vec<CellRow>,
    pub figures: Vec<Figure>,
    pub diagnostics: Vec<gaogen_model::check::Diagnostic>,
}

/// Reads and checks one file (a workbook or a published report) and turns it into facts.
pub fn facts_of(
    path: &std::path::Path,
    selection: &crate::Selection,
    keep_diagnostics: bool,
) -> Facts {
    let checked = crate::check::check_path(path, selection);
    let mut info = ReportInfo {
        file: checked.summary.path.clone(),
        format: checked.summary.format.clone(),
        sections_found: checked.summary.sections_found,
        cells_read: checked.summary.cells_read,
        errors: checked.summary.errors,
        warnings: checked.summary.warnings,
        failure: checked.summary.failure.clone().unwrap_or_default(),
        ..ReportInfo::default()
    };
    let (cells, figures) = match &checked.report {
        Some(report) => {
            info.agency = report.agency.clone().unwrap_or_default();
            info.year = report.year.map(|y| y.to_string()).unwrap_or_default();
            (cells(report), figures(report))
        }
        None => (Vec::new(), Vec::new()),
    };
    Facts {
        info,
        cells,
        figures,
        diagnostics: if keep_diagnostics {
            checked.diagnostics
        } else {
            Vec::new()
        },
    }
}
