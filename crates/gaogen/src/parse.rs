//! Reading reports (`gaogen parse`): the model as JSON, or a short summary for people.

use crate::workbook::Places;
use gaogen_model::{CellValue, Report, RowStatus, TableKey};

/// Reads one file for `parse`: the report, and for a workbook (.xlsx) the places its positions
/// number. The error is a Chinese message naming the file.
pub fn read(path: &std::path::Path) -> Result<(Report, Option<Places>), String> {
    if crate::workbook::is_xlsx(path) {
        let book = crate::workbook::read_path(path)?;
        return Ok((book.report, Some(book.places)));
    }
    crate::input::read_report(path).map(|r| (r, None))
}

/// The model as pretty JSON (one object for a single file, else an array); a workbook's spans
/// also name their cells (`"cell": "表三!D12"`).
pub fn json_with_places(reports: &[(&Report, Option<&Places>)], single: bool) -> String {
    if reports.iter().all(|(_, p)| p.is_none()) {
        let plain: Vec<&Report> = reports.iter().map(|(r, _)| *r).collect();
        return json(&plain, single);
    }
    let values: Vec<serde_json::Value> = reports
        .iter()
        .map(|(r, places)| {
            let mut v = serde_json::to_value(r).expect("the model serializes");
            if let Some(places) = places {
                crate::workbook::cells_in_json(&mut v, places);
            }
            v
        })
        .collect();
    let json = if single {
        values.first().map(serde_json::to_string_pretty)
    } else {
        Some(serde_json::to_string_pretty(&values))
    };
    json.map(|j| j.expect("the model serializes") + "\n")
        .unwrap_or_default()
}

/// The model as pretty JSON: one object for a single file, else an array.
pub fn json(reports: &[&Report], single: bool) -> String {
    let json = if single {
        reports.first().map(serde_json::to_string_pretty)
    } else {
        Some(serde_json::to_string_pretty(reports))
    };
    json.map(|j| j.expect("the model serializes") + "\n")
        .unwrap_or_default()
}

/// What was read, for people: title, agency, year, sections, each table's cells, findings.
pub fn summary(path: &str, r: &Report) -> String {
    let mut s = String::new();
    let mut line = |t: String| {
        s.push_str(&t);
        s.push('\n');
    };
    line(path.to_string());
    line(format!(
        "  标题：{}",
        r.title
            .as_ref()
            .map_or("（未找到）".to_string(), |t| t.value.clone())
    ));
    line(format!(
        "  机关：{}    年度：{}    编码：{}",
        r.agency.as_deref().unwrap_or("（未知）"),
        r.year.map_or("（未知）".to_string(), |y| y.to_string()),
        r.source.encoding
    ));
    let found: Vec<String> = r
        .sections
        .iter()
        .map(|sec| format!("{}{}", sec.number, if sec.found { "✓" } else { "✗" }))
        .collect();
    line(format!("  章节：{}", found.join(" ")));
    for key in TableKey::ALL {
        let t = r.table(key);
        if !t.found {
            line(format!("  {}：未找到", key.name()));
            continue;
        }
        let cells: Vec<_> = t.rows.iter().flat_map(|row| &row.cells).collect();
        let numbers = cells.iter().filter(|c| c.value.is_number()).count();
        let empty = cells
            .iter()
            .filter(|c| matches!(c.value, CellValue::Empty { .. }))
            .count();
        let missing = cells
            .iter()
            .filter(|c| c.value == CellValue::Missing)
            .count();
        let rows_missing = t
            .rows
            .iter()
            .filter(|row| row.status == RowStatus::Missing)
            .count();
        let ambiguous = t
            .rows
            .iter()
            .filter(|row| row.status == RowStatus::Ambiguous)
            .count();
        let version = t.version;
        line(format!(
            "  {}（{version} 版）：数值 {numbers} 格，空白 {empty} 格，缺失 {missing} 格；缺行 {rows_missing}，无法对齐的行 {ambiguous}",
            key.name()
        ));
    }
    if r.findings.is_empty() {
        line("  读取发现：无".to_string());
    } else {
        line(format!("  读取发现 {} 项：", r.findings.len()));
    }
    for f in &r.findings {
        let at = f
            .span
            .map_or(String::new(), |sp| format!("{}:{}: ", sp.line, sp.column));
        line(format!("    {at}{}", f.message));
    }
    s
}
