//! `gaogen check DIR --summary xlsx -o 检查结果.xlsx`: sheets 汇总 (one row per report), 问题 (one
//! row per diagnostic) and 数据 (every cell), written in constant-memory mode as chunks finish.

use super::{CellRow, ReportInfo};
use gaogen_model::check::Diagnostic;
use rust_xlsxwriter::{Format, Workbook, XlsxError};

const SUMMARY: [(&str, f64); 9] = [
    ("文件", 40.0),
    ("机关", 30.0),
    ("年度", 8.0),
    ("格式", 12.0),
    ("章节", 8.0),
    ("读到的数值", 12.0),
    ("错误", 8.0),
    ("警告", 8.0),
    ("无法读取", 40.0),
];
const PROBLEMS: [(&str, f64); 9] = [
    ("文件", 40.0),
    ("规则", 10.0),
    ("严重程度", 10.0),
    ("行", 8.0),
    ("列", 8.0),
    ("问题", 80.0),
    ("修改建议", 50.0),
    ("左边", 12.0),
    ("右边", 12.0),
];
const DATA: [(&str, f64); 8] = [
    ("机关", 30.0),
    ("年度", 8.0),
    ("表", 8.0),
    ("行", 50.0),
    ("列", 24.0),
    ("数值", 12.0),
    ("状态", 10.0),
    ("文件", 40.0),
];

/// The workbook being written.
pub struct SummaryXlsx {
    book: Workbook,
    rows: [u32; 3],
    /// Sheets of 数据 so far (a new one past Excel's row limit).
    data_sheet: usize,
}

const MAX_ROWS: u32 = 1_048_576;

fn sheet(book: &mut Workbook, name: &str, columns: &[(&str, f64)]) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    let ws = book.add_worksheet_with_constant_memory();
    ws.set_name(name)?;
    for (i, (label, width)) in columns.iter().enumerate() {
        ws.write_string_with_format(0, i as u16, *label, &bold)?;
        ws.set_column_width(i as u16, *width)?;
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}

impl SummaryXlsx {
    pub fn new() -> Result<Self, XlsxError> {
        let mut book = Workbook::new();
        sheet(&mut book, "汇总", &SUMMARY)?;
        sheet(&mut book, "问题", &PROBLEMS)?;
        sheet(&mut book, "数据", &DATA)?;
        Ok(SummaryXlsx {
            book,
            rows: [1, 1, 1],
            data_sheet: 2,
        })
    }

    /// One report: its summary row, its diagnostics, its cells.
    pub fn add(
        &mut self,
        r: &ReportInfo,
        diagnostics: &[Diagnostic],
        cells: &[CellRow],
    ) -> Result<(), XlsxError> {
        let year: Option<f64> = r.year.parse().ok();
        let row = self.rows[0];
        r.write_xlsx_row(self.book.worksheet_from_index(0)?, row)?;
        self.rows[0] += 1;
        let ws = self.book.worksheet_from_index(1)?;
        for d in diagnostics {
            let row = self.rows[1];
            if row >= MAX_ROWS {
                break;
            }
            ws.write_string(row, 0, &r.file)?;
            ws.write_string(row, 1, d.code)?;
            ws.write_string(row, 2, d.severity.chinese())?;
            if let Some(s) = d.span {
                ws.write_number(row, 3, f64::from(s.line))?;
                ws.write_number(row, 4, f64::from(s.column))?;
            }
            ws.write_string(row, 5, &*d.message)?;
            ws.write_string(row, 6, d.help.as_deref().unwrap_or(""))?;
            if let Some(eq) = &d.equation {
                ws.write_number(row, 7, eq.left_sum as f64)?;
                ws.write_number(row, 8, eq.right_sum as f64)?;
            }
            self.rows[1] += 1;
        }
        for c in cells {
            if self.rows[2] >= MAX_ROWS {
                let n = self.book.worksheets_mut().len() - 1;
                sheet(&mut self.book, &format!("数据{n}"), &DATA)?;
                self.data_sheet = self.book.worksheets_mut().len() - 1;
                self.rows[2] = 1;
            }
            let row = self.rows[2];
            let ws = self.book.worksheet_from_index(self.data_sheet)?;
            ws.write_string(row, 0, &r.agency)?;
            if let Some(y) = year {
                ws.write_number(row, 1, y)?;
            }
            ws.write_string(row, 2, c.table)?;
            ws.write_string(row, 3, c.row_label)?;
            ws.write_string(row, 4, &c.column_label)?;
            match c.number() {
                Some(n) => ws.write_number(row, 5, n)?,
                None => ws.write_string(row, 5, &c.raw)?,
            };
            ws.write_string(row, 6, c.status)?;
            ws.write_string(row, 7, &r.file)?;
            self.rows[2] += 1;
        }
        Ok(())
    }

    /// Filters over every sheet, then the workbook into `out`.
    pub fn finish(mut self, out: std::fs::File) -> Result<(), XlsxError> {
        let widths = [SUMMARY.len(), PROBLEMS.len(), DATA.len()];
        let count = self.book.worksheets_mut().len();
        for i in 0..count {
            let last_row = match i {
                0 => self.rows[0],
                1 => self.rows[1],
                _ if i == self.data_sheet => self.rows[2],
                _ => MAX_ROWS,
            };
            let cols = widths[i.min(2)] as u16;
            let ws = self.book.worksheet_from_index(i)?;
            ws.autofilter(0, 0, last_row.saturating_sub(1).max(1), cols - 1)?;
        }
        self.book.save_to_writer(std::io::BufWriter::new(out))
    }
}

impl std::fmt::Debug for SummaryXlsx {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SummaryXlsx")
            .field("rows", &self.rows)
            .finish()
    }
}
