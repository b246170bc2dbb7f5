//! Writing `report.toml`: every key followed by its official label, for `gaogen init` (zeros or
//! last year's carry-over) and `gaogen import` (a published report's values).

use crate::schema::{
    section, table_schema, ColumnId, FormatVersion, RowId, RowKind, SectionKey, TableKey, SECTIONS,
    T3_COLUMN_IDS, T4_GROUPS,
};
use crate::{CellValue, Report};
use std::fmt::Write;

/// What to write for the cells and the text.
#[derive(Debug, Clone, Copy)]
pub enum Fill<'a> {
    /// Zeros everywhere, text left to write (`gaogen init`).
    Blank,
    /// Zeros, but 上年结转 and 现行有效件数 taken from last year; last year's text as comments.
    NextYearOf(&'a Report),
    /// The values and text of a published report (`gaogen import`).
    Copy(&'a Report),
}

fn quote(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

/// A cell for the file: the number, or `""` where nothing could be read (listed with what was
/// written, not invented).
fn cell(
    report: Option<&Report>,
    key: TableKey,
    row: RowId,
    column: ColumnId,
    missing: &mut Vec<String>,
) -> String {
    let Some(r) = report else { return "0".into() };
    let schema = table_schema(key, r.table(key).version);
    let label = schema.row(row).map_or(row.as_str(), |x| x.label);
    let column_label = schema.column(column).map_or(column.as_str(), |c| c.label);
    let mut blank = |why: String| {
        missing.push(format!("{}「{label}」·「{column_label}」{why}", key.name()));
        "\"\"".to_string()
    };
    let max = crate::MAX_CELL_VALUE;
    match r.table(key).cell(row, column).map(|c| &c.value) {
        // A number render would refuse (above the computable limit) is not written as one.
        Some(CellValue::Count { value, raw }) if value.unsigned_abs() > max.unsigned_abs() => {
            blank(format!(
                "（原文写作「{raw}」，超出可计算的范围，上限 {max}）"
            ))
        }
        Some(CellValue::Amount { value, raw })
            if value.abs() > rust_decimal::Decimal::from(max) =>
        {
            blank(format!(
                "（原文写作「{raw}」，超出可计算的范围，上限 {max}）"
            ))
        }
        Some(CellValue::Count { value, .. }) => value.to_string(),
        Some(CellValue::Amount { value, .. }) => quote(&value.normalize().to_string()),
        // What was written where a number belongs (「1O」): the file cannot hold it as a number,
        // so the cell is left to fill in and the list names what was written.
        Some(CellValue::Text { raw }) => blank(format!("（原文写作「{raw}」）")),
        _ => blank(String::new()),
    }
}

fn text_block(out: &mut String, key: &str, label: &str, text: &[String], commented: bool) {
    let _ = writeln!(out, "# {label}");
    if commented {
        let _ = writeln!(out, "# 上一年的文字（仅供参考，请按本年度情况重写）：");
        for p in text {
            let p: String = p
                .chars()
                .map(|c| if c < ' ' || c == '\u{7f}' { ' ' } else { c })
                .collect();
            let _ = writeln!(out, "#   {p}");
        }
        let _ = writeln!(out, "{key} = \"\"\"\n\"\"\"\n");
    } else {
        let body = text
            .join("\n\n")
            .replace('\\', "\\\\")
            .replace("\"\"\"", "\\\"\\\"\\\"");
        // TOML takes no control character in a string but tab and line ends: escape the rest.
        let body: String = body
            .chars()
            .map(|c| match c {
                '\n' | '\t' => c.to_string(),
                c if c < ' ' || c == '\u{7f}' => format!("\\u{:04X}", c as u32),
                c => c.to_string(),
            })
            .collect();
        let _ = writeln!(out, "{key} = \"\"\"\n{body}\n\"\"\"\n");
    }
}

fn paragraphs(report: &Report, key: SectionKey) -> Vec<String> {
    report
        .section(key)
        .paragraphs
        .iter()
        .map(|p| p.text.clone())
        .collect()
}

/// Editions of 表二 and 表三 (the same unless a published report mixes them).
#[derive(Debug, Clone, Copy)]
pub struct Editions {
    pub table2: FormatVersion,
    pub table3: FormatVersion,
}

/// The text of `report.toml`, and the cells that could not be read (for `import`).
pub fn write_toml(
    agency: &str,
    year: u16,
    editions: Editions,
    fill: Fill<'_>,
) -> (String, Vec<String>) {
    let mut out = String::new();
    let mut missing = Vec::new();
    let _ = writeln!(
        out,
        "# 政府信息公开工作年度报告 —— gaogen render 的输入。每个键后的注释是官方格式中的名称。"
    );
    let _ = writeln!(
        out,
        "# 合计（表三「总计」列、「（七）总计」、表四各组「总计」）由 gaogen 计算，不必填写。\n"
    );
    let _ = writeln!(out, "[report]");
    let _ = writeln!(out, "agency = {}  # 机关名称", quote(agency));
    let _ = writeln!(out, "year = {year}  # 报告年度");
    let v = editions.table3.as_str();
    let _ = writeln!(
        out,
        "format = \"{v}\"  # 格式版本：\"2021\"（2021 年度起），补报 2019、2020 年度用 \"2019\""
    );
    if editions.table2 != editions.table3 {
        let _ = writeln!(
            out,
            "format_table2 = \"{}\"  # 表二的格式版本（与表三不同，照原报告）",
            editions.table2.as_str()
        );
    }
    let _ = writeln!(
        out,
        "# date = \"{}年1月20日\"  # 落款日期（可选）",
        year + 1
    );
    let _ = writeln!(out, "# contact = \"\"  # 联系方式（可选）\n");
    let (source, commented) = match fill {
        Fill::Blank => (None, false),
        Fill::NextYearOf(r) => (Some(r), true),
        Fill::Copy(r) => (Some(r), false),
    };
    let _ = writeln!(out, "[text]  # 各部分文字；段落之间空一行");
    // The preamble, then each section by its official heading and what goes there.
    let texts = std::iter::once((
        None,
        "前言（法律依据、统计期限、联系方式；可选）".to_string(),
    ))
    .chain(SECTIONS.iter().map(|def| {
        let note = match def.key {
            SectionKey::Overview | SectionKey::Problems => "",
            SectionKey::Other => "（2021 版须说明信息处理费收取情况）",
            _ => "（表前文字，可选）",
        };
        (Some(def.key), format!("{}{note}", def.heading()))
    }));
    for (section, label) in texts {
        let key = section.map_or("preamble", SectionKey::key);
        let text = match (source, section) {
            (Some(r), Some(s)) => paragraphs(r, s),
            (Some(r), None) => r.preamble.iter().map(|p| p.text.clone()).collect(),
            _ => Vec::new(),
        };
        text_block(&mut out, key, &label, &text, commented);
    }
    let copy = match fill {
        Fill::Copy(r) => Some(r),
        _ => None,
    };
    // 表二.
    let t2 = table_schema(TableKey::ActiveDisclosure, editions.table2);
    let _ = writeln!(
        out,
        "[{}]  # 表二 {}：每行按列的顺序填写",
        TableKey::ActiveDisclosure.key(),
        section(SectionKey::ActiveDisclosure).title
    );
    for row in t2.rows {
        let labels: Vec<&str> = row
            .columns
            .iter()
            .filter_map(|&c| t2.column(c))
            .map(|c| c.label)
            .collect();
        let mut unread = Vec::new();
        let values: Vec<String> = row
            .columns
            .iter()
            .map(|&c| match fill {
                Fill::NextYearOf(last) if c == ColumnId::InForce => cell(
                    Some(last),
                    TableKey::ActiveDisclosure,
                    row.id,
                    c,
                    &mut unread,
                ),
                _ => cell(copy, TableKey::ActiveDisclosure, row.id, c, &mut missing),
            })
            .collect();
        let hint = match fill {
            Fill::NextYearOf(_) if !unread.is_empty() => {
                "；上一年的现行有效件数未能读出，已写为 \"\"，请补填"
            }
            Fill::NextYearOf(_) if row.columns.contains(&ColumnId::InForce) => {
                "；现行有效件数已填上一年的数，请加本年制发、减本年废止"
            }
            _ => "",
        };
        missing.extend(unread.into_iter().map(|m| format!("上一年{m}")));
        let _ = writeln!(
            out,
            "{} = [{}]  # {}（{}）{hint}",
            row.id,
            values.join(", "),
            row.label,
            labels.join("、")
        );
    }
    // 表三.
    let t3 = table_schema(TableKey::Applications, editions.table3);
    let _ = writeln!(
        out,
        "\n[{}]  # 表三 {}",
        TableKey::Applications.key(),
        section(SectionKey::Applications).title
    );
    let _ = writeln!(out, "# 每行 6 个数：自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他（总计与（七）总计自动计算）");
    for row in t3
        .rows
        .iter()
        .filter(|r| r.kind == RowKind::Data && r.id != RowId::ResultsTotal)
    {
        let mut unread = Vec::new();
        let values: Vec<String> = T3_COLUMN_IDS[..6]
            .iter()
            .map(|&c| match fill {
                Fill::NextYearOf(last) if row.id == RowId::CarriedOver => cell(
                    Some(last),
                    TableKey::Applications,
                    RowId::CarriedForward,
                    c,
                    &mut unread,
                ),
                _ => cell(copy, TableKey::Applications, row.id, c, &mut missing),
            })
            .collect();
        let hint = match fill {
            Fill::NextYearOf(_) if row.id == RowId::CarriedOver && unread.len() == values.len() => {
                "（上一年的「结转下年度继续办理」未能读出，已写为 \"\"，请按上一年报告补填）"
            }
            Fill::NextYearOf(_) if row.id == RowId::CarriedOver && !unread.is_empty() => {
                "（已按上一年「结转下年度继续办理」填写能读出的格；写为 \"\" 的格未能读出，请补填）"
            }
            Fill::NextYearOf(_) if row.id == RowId::CarriedOver => {
                "（已按上一年「结转下年度继续办理」填写）"
            }
            _ => "",
        };
        missing.extend(unread.into_iter().map(|m| format!("上一年{m}")));
        let _ = writeln!(
            out,
            "{} = [{}]  # {}{hint}",
            row.id,
            values.join(", "),
            row.label
        );
    }
    // 表四.
    let _ = writeln!(
        out,
        "\n[{}]  # 表四：每组 4 个数：结果维持、结果纠正、其他结果、尚未审结（总计自动计算）",
        TableKey::ReviewsAndLitigation.key()
    );
    for group in &T4_GROUPS {
        let values: Vec<String> = group
            .parts()
            .iter()
            .map(|&c| {
                cell(
                    copy,
                    TableKey::ReviewsAndLitigation,
                    RowId::Cases,
                    c,
                    &mut missing,
                )
            })
            .collect();
        let _ = writeln!(
            out,
            "{} = [{}]  # {}",
            group.key,
            values.join(", "),
            group.name
        );
    }
    (out, missing)
}
