//! A scoring run as an Excel workbook (`gaogen score DIR -o 评分结果.xlsx`): sheet 得分 (one row
//! per report, one column per item with the points obtained or 「无法评估」), sheet 扣分依据 (one
//! row per piece of evidence: item, points off, rule, message, page, line, the values, last
//! year's place) and sheet 年度 (each agency's reports by year). Frozen header rows, filters,
//! widths for Chinese text.

use super::{round, Evidence, Profile, ScoreRun};
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

const SCORES: [(&str, f64); 6] = [
    ("文件", 40.0),
    ("机关", 30.0),
    ("年度", 8.0),
    ("上一年报告", 40.0),
    ("得分", 8.0),
    ("满分", 8.0),
];
const EVIDENCE: [(&str, f64); 13] = [
    ("文件", 40.0),
    ("机关", 30.0),
    ("年度", 8.0),
    ("评分项", 30.0),
    ("扣分", 8.0),
    ("无法评估", 10.0),
    ("规则", 16.0),
    ("依据", 80.0),
    ("页", 6.0),
    ("行", 6.0),
    ("列", 6.0),
    ("涉及的数值", 50.0),
    ("上一年报告中的位置", 40.0),
];
const YEARS: [(&str, f64); 3] = [("机关", 30.0), ("年度", 8.0), ("文件", 40.0)];

fn header(ws: &mut Worksheet, name: &str, columns: &[(String, f64)]) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold().set_text_wrap();
    ws.set_name(name)?;
    for (i, (label, width)) in columns.iter().enumerate() {
        ws.write_string_with_format(0, i as u16, label, &bold)?;
        ws.set_column_width(i as u16, *width)?;
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}

fn owned(columns: &[(&str, f64)]) -> Vec<(String, f64)> {
    columns.iter().map(|(l, w)| (l.to_string(), *w)).collect()
}

fn at(page: Option<u32>, line: u32, column: u32) -> String {
    match page {
        Some(p) => format!("第 {p} 页第 {line} 行第 {column} 列"),
        None => format!("第 {line} 行第 {column} 列"),
    }
}

fn values_text(e: &Evidence) -> String {
    e.values
        .iter()
        .map(|v| format!("{}（{}）", v.label, at(v.page, v.line, v.column)))
        .collect::<Vec<_>>()
        .join("；")
}

impl ScoreRun {
    /// The workbook's bytes.
    pub fn xlsx(&self, profile: &Profile) -> Result<Vec<u8>, XlsxError> {
        let mut book = Workbook::new();
        // 得分: the fixed columns, then one per item.
        let mut columns = owned(&SCORES);
        columns.extend(
            profile
                .items
                .iter()
                .map(|i| (format!("{}（{} 分）", i.title, round(i.points)), 16.0)),
        );
        let ws = book.add_worksheet();
        header(ws, "得分", &columns)?;
        ws.set_row_height(0, 48)?;
        for (n, r) in self.reports.iter().enumerate() {
            let row = n as u32 + 1;
            ws.write_string(row, 0, &r.path)?;
            ws.write_string(row, 1, r.agency.as_deref().unwrap_or("（未读到）"))?;
            if let Some(y) = r.year {
                ws.write_number(row, 2, f64::from(y))?;
            }
            ws.write_string(row, 3, r.previous.as_deref().unwrap_or(""))?;
            ws.write_number(row, 4, round(r.score))?;
            ws.write_number(row, 5, round(r.max))?;
            for (i, item) in r.items.iter().enumerate() {
                let col = (SCORES.len() + i) as u16;
                if item.not_assessable {
                    ws.write_string(row, col, "无法评估")?;
                } else {
                    ws.write_number(row, col, round(item.points - item.deducted))?;
                }
            }
        }
        ws.autofilter(
            0,
            0,
            self.reports.len().max(1) as u32,
            columns.len() as u16 - 1,
        )?;
        // 扣分依据: every piece of evidence of every item.
        let ws = book.add_worksheet();
        header(ws, "扣分依据", &owned(&EVIDENCE))?;
        let mut row = 1u32;
        for r in &self.reports {
            for item in &r.items {
                for e in &item.evidence {
                    ws.write_string(row, 0, &r.path)?;
                    ws.write_string(row, 1, r.agency.as_deref().unwrap_or("（未读到）"))?;
                    if let Some(y) = r.year {
                        ws.write_number(row, 2, f64::from(y))?;
                    }
                    ws.write_string(row, 3, &item.title)?;
                    ws.write_number(row, 4, round(e.deducted))?;
                    ws.write_string(row, 5, if e.not_assessable { "是" } else { "" })?;
                    ws.write_string(row, 6, e.code.unwrap_or(""))?;
                    ws.write_string(row, 7, &e.message)?;
                    if let Some(p) = e.page {
                        ws.write_number(row, 8, f64::from(p))?;
                    }
                    if let Some(l) = e.line {
                        ws.write_number(row, 9, f64::from(l))?;
                    }
                    if let Some(c) = e.column {
                        ws.write_number(row, 10, f64::from(c))?;
                    }
                    ws.write_string(row, 11, values_text(e))?;
                    if let Some(p) = &e.previous {
                        ws.write_string(
                            row,
                            12,
                            format!("{} {}", p.file, at(p.page, p.line, p.column)),
                        )?;
                    }
                    row += 1;
                }
            }
        }
        ws.autofilter(0, 0, (row - 1).max(1), EVIDENCE.len() as u16 - 1)?;
        // 年度: each agency's reports by year.
        let ws = book.add_worksheet();
        header(ws, "年度", &owned(&YEARS))?;
        let mut row = 1u32;
        for g in &self.agencies {
            for (year, path) in &g.years {
                ws.write_string(row, 0, &g.agency)?;
                ws.write_number(row, 1, f64::from(*year))?;
                ws.write_string(row, 2, path)?;
                row += 1;
            }
        }
        ws.autofilter(0, 0, (row - 1).max(1), YEARS.len() as u16 - 1)?;
        book.save_to_buffer()
    }
}
