//! `report.toml`: what an agency writes — metadata, narrative, the primary numbers of the three
//! tables — read with every value's position, and turned into a [`Report`] whose cells point at
//! their place in the TOML file. Totals are computed, never read: a total written anyway must
//! equal the computed one.

use super::codes::{A_MISSING, A_TOML, A_TOTAL, A_VALUE};
use super::toml_errors;
use crate::check::{Diagnostic, Severity};
use crate::schema::sums::{self, Subject, SumKind};
use crate::schema::{
    table_schema, ColumnId, FormatVersion, RowId, RowKind, SectionKey, ValueKind, SECTIONS,
    T3_COLUMN_IDS, T4, T4_GROUPS,
};
use crate::{
    Cell, CellValue, InputKind, Located, Paragraph, Report, Row, RowStatus, Section, SourceInfo,
    Span, Table, TableKey, Tables, VersionBasis, YearSource,
};
use compact_str::ToCompactString;
use rust_decimal::Decimal;
use serde::Deserialize;
use serde_spanned::Spanned;
use std::collections::BTreeMap;
use std::str::FromStr;

mod document;
pub use document::*;

struct Builder<'a> {
    pos: Positions<'a>,
    out: Vec<Diagnostic>,
}

impl Builder<'_> {
    /// A table's rows from its TOML section, in official order, totals computed.
    fn table(
        &mut self,
        key: TableKey,
        version: FormatVersion,
        rows: &Rows,
        section_span: Option<Span>,
    ) -> Table {
        let schema = table_schema(key, version);
        let mut out_rows = Vec::new();
        if key == TableKey::ReviewsAndLitigation {
            out_rows.push(self.table_four(rows));
        } else {
            for def in schema
                .rows
                .iter()
                .filter(|r| r.kind == RowKind::Data && !is_computed(r.id))
            {
                out_rows.push(self.row(key, version, def, rows.get(def.id.as_str())));
            }
            if key == TableKey::Applications {
                self.complete_table_three(version, &mut out_rows, rows);
            }
        }
        // Unknown row keys.
        let known: Vec<&str> = if key == TableKey::ReviewsAndLitigation {
            T4_GROUPS.iter().map(|g| g.key).collect()
        } else {
            schema
                .rows
                .iter()
                .filter(|r| r.kind == RowKind::Data)
                .map(|r| r.id.as_str())
                .collect()
        };
        for k in rows.keys() {
            if !known.contains(&k.get_ref().as_str()) {
                let span = self.pos.span(k.span());
                self.out.push(error(
                    A_TOML.code,
                    toml_errors::unknown_key(
                        format!("{}中没有「{}」这一行", key.name(), k.get_ref()),
                        k.get_ref(),
                        &known,
                    ),
                    span,
                    "删去或改为官方行的键（见 docs/report-toml.md）",
                ));
            }
        }
        let mut ordered: Vec<Row> = Vec::new();
        for def in schema.rows.iter().filter(|r| r.kind == RowKind::Data) {
            if let Some(i) = out_rows.iter().position(|r| r.id == def.id) {
                ordered.push(out_rows.swap_remove(i));
            }
        }
        Table {
            key,
            found: true,
            version,
            version_basis: VersionBasis::Labels,
            span: section_span,
            rows: ordered,
            unread: Vec::new(),
        }
    }

    fn row(
        &mut self,
        key: TableKey,
        version: FormatVersion,
        def: &'static crate::schema::RowDef,
        written: Option<&Spanned<Vec<Spanned<toml::Value>>>>,
    ) -> Row {
        let schema = table_schema(key, version);
        let columns = written_columns(key, def.columns);
        let mut cells = Vec::new();
        let Some(values) = written else {
            self.out.push(
                Diagnostic::new(
                    A_MISSING.code,
                    Severity::Error,
                    format!("{}缺少「{}」这一行（键 {}）", key.name(), def.label, def.id),
                    None,
                )
                .help("补上这一行；没有发生的事项填 0"),
            );
            return Row::missing(def, schema, None);
        };
        let span = self.pos.span(values.span());
        let list = values.get_ref();
        let total_given = key == TableKey::Applications && list.len() == columns.len() + 1;
        if list.len() != columns.len() && !total_given {
            self.out.push(error(
                A_VALUE.code,
                format!(
                    "{}「{}」应有 {} 个数（{}），写了 {} 个",
                    key.name(),
                    def.label,
                    columns.len(),
                    column_names(schema, columns),
                    list.len()
                ),
                span,
                "按列的顺序填写，每列一个数",
            ));
            return Row::missing(def, schema, None);
        }
        for (&c, v) in columns.iter().zip(list) {
            let col = schema.column(c).expect("schema column");
            let what = format!("{}「{}」的「{}」", key.name(), def.label, col.label);
            let value =
                number(v, col.kind, &self.pos, &what, &mut self.out).unwrap_or(CellValue::Missing);
            cells.push(Cell {
                column: c,
                label: col.label,
                value,
                span: Some(self.pos.span(v.span())),
            });
        }
        if key == TableKey::Applications {
            // The row's 总计, from the §6 list (T3-2).
            let sum = sums::of_kind(key, schema.version, SumKind::RowTotal)
                .find(|e| e.subject == Subject::Row(def.id))
                .and_then(|e| e.sum_left(|cell| count_in(&cells, cell.1)));
            if let (true, Some(given), Some(sum)) = (total_given, list.last(), sum) {
                if given.get_ref().as_integer() != Some(sum) {
                    self.out.push(error(
                        A_TOTAL.code,
                        format!(
                            "表三「{}」写的总计 {} 不等于各列之和 {sum}",
                            def.label,
                            given.get_ref()
                        ),
                        self.pos.span(given.span()),
                        "总计由 gaogen 计算：删去它，或改为计算结果",
                    ));
                }
            }
            cells.push(total_cell(sum, span));
        }
        Row::new(def, RowStatus::Found, cells)
    }

    /// 表三: （七）总计 computed from the results.
    fn complete_table_three(
        &mut self,
        version: FormatVersion,
        rows: &mut Vec<Row>,
        written: &Rows,
    ) {
        let schema = table_schema(TableKey::Applications, version);
        let def = schema
            .row(RowId::ResultsTotal)
            .expect("（七）总计 in schema");
        let span = rows
            .iter()
            .find(|r| r.id == RowId::NotProcessedConfirmation)
            .and_then(|r| r.cells.last())
            .and_then(|c| c.span);
        let mut cells = Vec::new();
        for &c in T3_COLUMN_IDS {
            // The column's （七）总计, from the §6 list (T3-3).
            let sum = sums::of_kind(TableKey::Applications, version, SumKind::ResultsTotal)
                .find(|e| e.subject == Subject::Column(c))
                .and_then(|e| {
                    e.sum_left(|(row, column)| {
                        let row = rows.iter().find(|r| r.id == row)?;
                        count_in(&row.cells, column)
                    })
                });
            let col = schema.column(c).expect("column");
            cells.push(Cell {
                column: c,
                label: col.label,
                value: sum.map_or(CellValue::Missing, |v| CellValue::Count {
                    value: v,
                    raw: v.to_compact_string(),
                }),
                span,
            });
        }
        if let Some(given) = written.get(RowId::ResultsTotal.as_str()) {
            let computed: Vec<Option<i64>> = cells.iter().map(|c| c.value.as_count()).collect();
            let wrote: Vec<Option<i64>> = given
                .get_ref()
                .iter()
                .map(|v| v.get_ref().as_integer())
                .collect();
            let matches = wrote.len() == 7 && wrote == computed
                || wrote.len() == 6 && wrote[..] == computed[..6];
            if !matches {
                self.out.push(error(
                    A_TOTAL.code,
                    format!("表三「（七）总计」写的 {wrote:?} 不等于各办理结果之和 {computed:?}"),
                    self.pos.span(given.span()),
                    "（七）总计由 gaogen 计算：删去 results_total，或改为计算结果",
                ));
            }
        }
        rows.push(Row::new(def, RowStatus::Found, cells));
    }

    /// 表四 from its three groups of four; each group's 总计 computed.
    fn table_four(&mut self, rows: &Rows) -> Row {
        let mut cells = Vec::new();
        for (g, group) in T4_GROUPS.iter().enumerate() {
            let (key, name) = (group.key, group.name);
            let columns: Vec<&'static crate::schema::ColumnDef> =
                group.columns.iter().filter_map(|&c| T4.column(c)).collect();
            let Some(values) = rows.get(key) else {
                self.out.push(
                    Diagnostic::new(
                        A_MISSING.code,
                        Severity::Error,
                        format!("表四缺少「{name}」（键 {key}）"),
                        None,
                    )
                    .help("补上这一组：结果维持、结果纠正、其他结果、尚未审结"),
                );
                cells.extend(columns.iter().map(|c| Cell {
                    column: c.id,
                    label: c.label,
                    value: CellValue::Missing,
                    span: None,
                }));
                continue;
            };
            let span = self.pos.span(values.span());
            let list = values.get_ref();
            if list.len() != 4 && list.len() != 5 {
                self.out.push(error(A_VALUE.code, format!("表四「{name}」应有 4 个数（结果维持、结果纠正、其他结果、尚未审结），写了 {} 个", list.len()), span, "按列的顺序填写；总计由 gaogen 计算"));
                cells.extend(columns.iter().map(|c| Cell {
                    column: c.id,
                    label: c.label,
                    value: CellValue::Missing,
                    span: Some(span),
                }));
                continue;
            }
            for (c, v) in columns.iter().take(4).zip(list) {
                let value = number(
                    v,
                    ValueKind::Count,
                    &self.pos,
                    &format!("表四「{name}」的「{}」", c.label),
                    &mut self.out,
                )
                .unwrap_or(CellValue::Missing);
                cells.push(Cell {
                    column: c.id,
                    label: c.label,
                    value,
                    span: Some(self.pos.span(v.span())),
                });
            }
            // The group's 总计, from the §6 list (T4-1…T4-3).
            let sum = sums::equations(TableKey::ReviewsAndLitigation, FormatVersion::V2021)
                .iter()
                .find(|e| e.subject == Subject::Group(g))
                .and_then(|e| e.sum_left(|cell| count_in(&cells, cell.1)));
            if let (Some(given), Some(s)) = (list.get(4), sum) {
                if given.get_ref().as_integer() != Some(s) {
                    self.out.push(error(
                        A_TOTAL.code,
                        format!(
                            "表四「{name}」写的总计 {} 不等于四项之和 {s}",
                            given.get_ref()
                        ),
                        self.pos.span(given.span()),
                        "总计由 gaogen 计算：删去它，或改为计算结果",
                    ));
                }
            }
            let total = columns[4];
            cells.push(Cell {
                column: total.id,
                label: total.label,
                value: sum.map_or(CellValue::Missing, |v| CellValue::Count {
                    value: v,
                    raw: v.to_compact_string(),
                }),
                span: Some(span),
            });
        }
        let def = &T4.rows[0];
        Row::new(def, RowStatus::Found, cells)
    }
}

/// The count in the cell of `column` among `cells`.
fn count_in(cells: &[Cell], column: ColumnId) -> Option<i64> {
    cells
        .iter()
        .find(|c| c.column == column)
        .and_then(|c| c.value.as_count())
}

/// Rows gaogen computes rather than reads.
fn is_computed(id: RowId) -> bool {
    id == RowId::ResultsTotal
}

fn column_names(schema: &crate::schema::TableSchema, columns: &[ColumnId]) -> String {
    columns
        .iter()
        .filter_map(|&c| schema.column(c))
        .map(|c| c.label)
        .collect::<Vec<_>>()
        .join("、")
}

fn total_cell(sum: Option<i64>, span: Span) -> Cell {
    Cell {
        column: ColumnId::Total,
        label: "总计",
        value: sum.map_or(CellValue::Missing, |v| CellValue::Count {
            value: v,
            raw: v.to_compact_string(),
        }),
        span: Some(span),
    }
}

/// Checks metadata, builds the [`Report`] (positions are TOML positions) and returns it with every
/// input error found (A-… codes). The report is usable for rules even when there are errors.
pub fn to_report(input: &ReportToml, source: &str) -> (Report, Vec<Diagnostic>) {
    let mut b = Builder {
        pos: Positions::new(source),
        out: Vec::new(),
    };
    let meta = &input.report;
    let year_span = b.pos.span(meta.year.span());
    let year = *meta.year.get_ref();
    if !(2019..=2100).contains(&year) {
        b.out.push(error(
            A_VALUE.code,
            format!("报告年度 {year} 不在 2019–2100 之间"),
            year_span,
            "填写报告所属的年度，如 2024（2019 年以前的格式不受支持）",
        ));
    }
    let edition =
        |given: &Option<Spanned<String>>, default: FormatVersion, b: &mut Builder<'_>| match given
            .as_ref()
            .map(|f| f.get_ref().as_str())
        {
            None => default,
            Some(given) if given.parse::<FormatVersion>().is_ok() => {
                given.parse().unwrap_or(default)
            }
            Some(other) => {
                let span = given
                    .as_ref()
                    .map(|f| b.pos.span(f.span()))
                    .unwrap_or(year_span);
                b.out.push(error(
                    A_VALUE.code,
                    format!("格式版本「{other}」无效"),
                    span,
                    "填写 \"2021\" 或 \"2019\"",
                ));
                default
            }
        };
    let version = edition(&meta.format, FormatVersion::V2021, &mut b);
    let version_t2 = edition(&meta.format_table2, version, &mut b);
    let version_t3 = edition(&meta.format_table3, version, &mut b);
    let agency = meta.agency.get_ref().trim().to_string();
    let title_text = format!("{agency}{year}年政府信息公开工作年度报告");
    let agency_span = b.pos.span(meta.agency.span());
    let texts = &input.text;
    let text_of = |t: &Option<Spanned<String>>, b: &Builder<'_>| {
        t.as_ref()
            .map(|t| paragraphs(t, &b.pos))
            .unwrap_or_default()
    };
    let sections: Vec<Section> = SECTIONS
        .iter()
        .map(|def| {
            let text = texts.section(def.key).as_ref();
            let span = text.map(|t| b.pos.span(t.span()));
            Section::authored(
                def,
                span,
                agency_span,
                text.map(|t| paragraphs(t, &b.pos)).unwrap_or_default(),
            )
        })
        .collect();
    let mut table = |key: TableKey, version: FormatVersion| {
        let rows = input.table(key);
        let span = rows.values().next().map(|v| b.pos.span(v.span()));
        b.table(key, version, rows, span)
    };
    let tables = Tables {
        active_disclosure: table(TableKey::ActiveDisclosure, version_t2),
        applications: table(TableKey::Applications, version_t3),
        reviews_and_litigation: table(TableKey::ReviewsAndLitigation, version),
    };
    let report = Report {
        source: SourceInfo {
            encoding: "UTF-8".into(),
            input: InputKind::Text,
            lines: b.pos.len() as u32,
        },
        title: Some(Located {
            value: title_text,
            span: agency_span,
        }),
        agency: Some(agency),
        year: u16::try_from(year).ok(),
        year_source: Some(YearSource::Title),
        preamble: text_of(&texts.preamble, &b),
        sections,
        closing: Vec::new(),
        tables,
        findings: Vec::new(),
    };
    (report, b.out)
}
