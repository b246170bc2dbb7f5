//! The per-file summary table of `check`: CSV, JSON, and aligned text for the terminal.

use crate::check::FileSummary;

/// The CSV header: Chinese names of [`FileSummary`]'s fields, in its order (docs/check-json.md).
pub const CSV_HEADER: [&str; 8] = [
    "文件",
    "格式",
    "找到章节数",
    "读出数值数",
    "错误",
    "警告",
    "提示",
    "无法读取的原因",
];

/// One line per file after a Chinese header, UTF-8 with a byte-order mark so that Excel on a
/// Chinese Windows opens it without mojibake.
pub fn csv(rows: &[FileSummary]) -> String {
    // No file, no table (as the streamed output, which writes the header with the first row).
    if rows.is_empty() {
        return String::new();
    }
    let mut writer = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::new());
    writer.write_record(CSV_HEADER).expect("writing to memory");
    for r in rows {
        writer.serialize(r).expect("a summary serializes");
    }
    let bytes = writer.into_inner().expect("writing to memory");
    let text = String::from_utf8(bytes).expect("UTF-8 in, UTF-8 out");
    format!("\u{feff}{text}")
}

/// The summaries as a JSON array.
pub fn json(rows: &[FileSummary]) -> String {
    serde_json::to_string_pretty(rows).expect("serializes") + "\n"
}

/// What the summary table keeps of a file: its row, not the whole summary (a directory of
/// 100,000 files keeps 100,000 of these to the end).
#[derive(Debug, Clone)]
pub struct TableRow {
    path: Box<str>,
    format: compact_str::CompactString,
    failed: bool,
    sections_found: usize,
    cells_read: usize,
    errors: usize,
    warnings: usize,
}

impl From<&FileSummary> for TableRow {
    fn from(s: &FileSummary) -> Self {
        TableRow {
            path: s.path.as_str().into(),
            format: s.format.as_str().into(),
            failed: s.failure.is_some(),
            sections_found: s.sections_found,
            cells_read: s.cells_read,
            errors: s.errors,
            warnings: s.warnings,
        }
    }
}

/// The aligned table shown after checking several files, with the totals line.
pub fn table(rows: &[FileSummary], width: Option<usize>) -> String {
    let rows: Vec<TableRow> = rows.iter().map(TableRow::from).collect();
    let mut out = String::new();
    let Ok(()) = write_table(&rows, width, |text| {
        out.push_str(text);
        Ok::<(), std::convert::Infallible>(())
    });
    out
}

/// As [`table`], handing the text to `sink` a row at a time (the table of a directory of
/// 100,000 files is never one string).
pub fn write_table<E>(
    rows: &[TableRow],
    width: Option<usize>,
    mut sink: impl FnMut(&str) -> Result<(), E>,
) -> Result<(), E> {
    // Each row's cells are made when the table needs them, not all kept (100,000 files).
    let cells = |i: usize| match i.checked_sub(1).map(|i| &rows[i]) {
        None => ["文件", "格式", "章节", "数值", "错误", "警告"]
            .map(String::from)
            .to_vec(),
        Some(r) if r.failed => vec![
            r.path.to_string(),
            "无法读取".into(),
            "—".into(),
            "—".into(),
            "—".into(),
            "—".into(),
        ],
        Some(r) => vec![
            r.path.to_string(),
            r.format.to_string(),
            format!("{}/6", r.sections_found),
            r.cells_read.to_string(),
            r.errors.to_string(),
            r.warnings.to_string(),
        ],
    };
    crate::table_text::fitted_rows(rows.len() + 1, cells, "", width, &mut sink)?;
    let errors: usize = rows.iter().map(|r| r.errors).sum();
    let warnings: usize = rows.iter().map(|r| r.warnings).sum();
    sink(&format!(
        "共 {} 份报告：{errors} 个错误，{warnings} 个警告\n",
        rows.len()
    ))
}
