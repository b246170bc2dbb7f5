//! The 编写 form: the official tables laid out as printed (merged headers), built from the same
//! view the renderer uses, with an input for every leaf cell and an output for every total.

use gaogen_model::author::{self, Editions, Fill};
use gaogen_model::schema::{
    table_schema, HeaderCell, RowKind, SECTIONS, T3_HEADER, T4, T4_GROUPS, T4_HEADER,
};
use gaogen_model::{ColumnId, FormatVersion, RowId, SectionKey, TableKey};

/// A cell of the form: typed (`input`) or computed by the server (`output`).
#[derive(Debug)]
pub(crate) struct FormCell {
    /// `applications/new_requests/natural_person`: table, row and column ids.
    pub cell: String,
    /// `applications/new_requests/0`: the place in report.toml; empty for a computed cell.
    pub name: String,
    /// `count` or `amount`.
    pub kind: &'static str,
    pub label: String,
}

#[derive(Debug)]
pub(crate) struct T2FormGroup {
    pub header: &'static str,
    pub content_header: &'static str,
    pub columns: Vec<&'static str>,
    pub width: usize,
    pub rows: Vec<(&'static str, Vec<FormCell>)>,
}

/// A text area: the report.toml key, the official heading, the guidance.
#[derive(Debug)]
pub(crate) struct TextField {
    pub key: &'static str,
    pub heading: String,
    pub guidance: &'static str,
    /// The table that follows this text (`t2`, `t3`, `t4`) or empty.
    pub table: &'static str,
}

#[derive(Debug)]
pub(crate) struct Form {
    pub t2: Vec<T2FormGroup>,
    /// 表三's and 表四's header rows (the schema's).
    pub t3_header: &'static [&'static [HeaderCell]],
    pub t4_header: &'static [&'static [HeaderCell]],
    pub t3: Vec<author::T3Line<FormCell>>,
    pub t4: Vec<FormCell>,
    pub texts: Vec<TextField>,
}

/// What a section's text area says, and the table that follows it (「t2」…, or none).
fn guidance(key: SectionKey) -> (&'static str, &'static str) {
    match key {
        SectionKey::Overview => ("概述本年度主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障五个方面的工作（通常分（一）至（五）五部分）；人民政府还应写明工作考核、社会评议和责任追究结果情况。", ""),
        SectionKey::ActiveDisclosure => ("表二之前的说明文字（可不填）。表中数字在下表中填写。", "t2"),
        SectionKey::Applications => ("表三之前的说明文字（可不填）。表中数字在下表中填写，「总计」列和「（七）总计」行自动计算。", "t3"),
        SectionKey::ReviewsAndLitigation => ("表四之前的说明文字（可不填）。各组「总计」自动计算。", "t4"),
        SectionKey::Problems => ("写明本年度存在的主要问题、上一年度报告所列问题的改进情况，以及下一步的具体改进措施。", ""),
        SectionKey::Other => ("2021 年版须说明依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取信息处理费的情况（未收取也应写明）；可写落实上级年度政务公开工作要点、人大代表建议和政协提案办理结果公开、年度工作创新等情况。", ""),
    }
}

fn cell(
    table: TableKey,
    row: RowId,
    column: ColumnId,
    index: Option<usize>,
    label: String,
) -> FormCell {
    let section = table.key();
    let schema = table_schema(table, FormatVersion::V2021);
    let kind = match schema.column(column).map(|c| c.kind) {
        Some(gaogen_model::schema::ValueKind::Amount) => "amount",
        _ => "count",
    };
    FormCell {
        cell: format!("{section}/{row}/{column}"),
        name: index.map_or(String::new(), |i| format!("{section}/{row}/{i}")),
        kind,
        label,
    }
}

/// The form of the 2021 edition.
pub(crate) fn form() -> Form {
    let editions = Editions {
        table2: FormatVersion::V2021,
        table3: FormatVersion::V2021,
    };
    let (toml, _) = author::write_toml("", 2025, editions, Fill::Blank);
    let view = author::parse_toml(&toml)
        .ok()
        .map(|input| author::to_report(&input, &toml).0)
        .map(|report| author::view(&report, None, None));
    let t2_schema = table_schema(TableKey::ActiveDisclosure, FormatVersion::V2021);
    let t3_schema = table_schema(TableKey::Applications, FormatVersion::V2021);
    let t2 = view.as_ref().map_or(Vec::new(), |v| {
        v.t2.iter()
            .map(|g| T2FormGroup {
                header: g.header,
                content_header: g.content_header,
                columns: g.columns.clone(),
                width: g.width,
                rows: t2_schema
                    .rows
                    .iter()
                    .filter(|r| r.group == Some(g.header))
                    .map(|r| {
                        let cells = r
                            .columns
                            .iter()
                            .enumerate()
                            .map(|(i, &c)| {
                                let label = format!(
                                    "{} · {}",
                                    r.label,
                                    t2_schema.column(c).map_or("", |d| d.label)
                                );
                                cell(TableKey::ActiveDisclosure, r.id, c, Some(i), label)
                            })
                            .collect();
                        (r.label, cells)
                    })
                    .collect(),
            })
            .collect()
    });
    let data_rows = t3_schema.rows.iter().filter(|r| r.kind == RowKind::Data);
    let t3 = view.as_ref().map_or(Vec::new(), |v| {
        v.t3.iter()
            .zip(data_rows)
            .map(|(line, r)| {
                line.with_values(
                    r.columns
                        .iter()
                        .enumerate()
                        .map(|(i, &c)| {
                            let typed = r.id != RowId::ResultsTotal && c != ColumnId::Total;
                            let label = format!(
                                "{} · {}",
                                r.label,
                                t3_schema.column(c).map_or("", |d| d.label)
                            );
                            cell(TableKey::Applications, r.id, c, typed.then_some(i), label)
                        })
                        .collect(),
                )
            })
            .collect()
    });
    let t4_row = T4.rows[0].id;
    let t4 = T4_GROUPS
        .iter()
        .flat_map(|g| g.columns.iter().map(move |&c| (g, c)))
        .map(|(g, c)| {
            let label = T4.column(c).map_or("", |d| d.label);
            let mut fc = cell(
                TableKey::ReviewsAndLitigation,
                t4_row,
                c,
                None,
                format!("{} · {label}", g.name),
            );
            if let Some(i) = g.parts().iter().position(|&p| p == c) {
                fc.name = format!("reviews_and_litigation/{}/{i}", g.key);
            }
            fc
        })
        .collect();
    let texts = std::iter::once(TextField {
        key: "preamble",
        heading: "前言".into(),
        guidance: "写明编制依据（《中华人民共和国政府信息公开条例》）、统计期限、报告的网上下载地址和联系方式。",
        table: "",
    })
    .chain(SECTIONS.iter().map(|s| {
        let (guidance, table) = guidance(s.key);
        TextField {
            key: s.key.key(),
            heading: s.heading(),
            guidance,
            table,
        }
    }))
    .collect();
    Form {
        t2,
        t3_header: T3_HEADER,
        t4_header: T4_HEADER,
        t3,
        t4,
        texts,
    }
}
