//! The per-file summary table of `check`: CSV, JSON, and aligned text for the terminal.

use crate::check::FileSummary;

/// One line per file, with a header (the field names of [`FileSummary`]).
pub fn csv(rows: &[FileSummary]) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    for r in rows {
        writer.serialize(r).expect("a summary serializes");
    }
    let bytes = writer.into_inner().expect("writing to memory");
    String::from_utf8(bytes).expect("UTF-8 in, UTF-8 out")
}

/// The summaries as a JSON array.
pub fn json(rows: &[FileSummary]) -> String {
    serde_json::to_string_pretty(rows).expect("serializes") + "\n"
}

/// The aligned table shown after checking several files, with the totals line.
pub fn table(rows: &[FileSummary]) -> String {
    let mut cells = vec![["文件", "格式", "章节", "数值", "错误", "警告"]
        .map(String::from)
        .to_vec()];
    for r in rows {
        cells.push(match &r.failure {
            Some(_) => vec![
                r.path.clone(),
                "无法读取".into(),
                "—".into(),
                "—".into(),
                "—".into(),
                "—".into(),
            ],
            None => vec![
                r.path.clone(),
                r.format.clone(),
                format!("{}/6", r.sections_found),
                r.cells_read.to_string(),
                r.errors.to_string(),
                r.warnings.to_string(),
            ],
        });
    }
    let mut out = crate::table_text::aligned(&cells, "");
    let errors: usize = rows.iter().map(|r| r.errors).sum();
    let warnings: usize = rows.iter().map(|r| r.warnings).sum();
    out.push_str(&format!(
        "共 {} 份报告：{errors} 个错误，{warnings} 个警告\n",
        rows.len()
    ));
    out
}
