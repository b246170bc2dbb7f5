//! A complete [`Report`] → the published text, through the askama templates in `templates/`.

use crate::schema::{
    header_grid, table_schema, ColumnId, FormatVersion, HeaderCell, RowId, RowKind,
    T2_CONTENT_HEADER, T2_GROUPS, T3_HEADER, T3_NOTE, T4_HEADER,
};
use crate::{CellValue, Report, SectionKey, TableKey};
use askama::Template;

/// What `gaogen render --format` produces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    /// Markdown with the official headings and pipe tables.
    Markdown,
    /// Plain text with tab-separated tables, for pasting into a word processor.
    Text,
    /// One self-contained, printable HTML page with the official merged headers.
    Html,
}

/// A row of 表二.
#[derive(Debug, Clone)]
pub struct T2Row {
    pub label: &'static str,
    pub values: Vec<String>,
}

/// A group of 表二 (「第二十条第（一）项」) with its columns and rows.
#[derive(Debug, Clone)]
pub struct T2Group {
    pub header: &'static str,
    /// 「信息内容」, over the row labels.
    pub content_header: &'static str,
    pub columns: Vec<&'static str>,
    pub rows: Vec<T2Row>,
    /// Columns of the widest group: narrower ones span the rest.
    pub width: usize,
}

/// A data row of 表三 with what the official layout puts left of it.
#[derive(Debug, Clone)]
pub struct T3Line<V = String> {
    /// `top` (一、二、四: label across the three label columns), `result` (under 三, label across
    /// two columns), `sub` (under a （三）–（六） group).
    pub kind: &'static str,
    /// 「三、本年度办理结果」 on the first result row, with how many rows it spans (HTML).
    pub group: &'static str,
    pub group_rows: usize,
    /// 「（三）不予公开」 … on the first row of a group, with how many rows it spans (HTML).
    pub subgroup: &'static str,
    pub subgroup_rows: usize,
    pub label: &'static str,
    pub values: Vec<V>,
}

impl<V> T3Line<V> {
    /// The same line (layout and label) holding other values: the web form's input cells.
    pub fn with_values<W>(&self, values: Vec<W>) -> T3Line<W> {
        T3Line {
            kind: self.kind,
            group: self.group,
            group_rows: self.group_rows,
            subgroup: self.subgroup,
            subgroup_rows: self.subgroup_rows,
            label: self.label,
            values,
        }
    }
}

/// A section as rendered.
#[derive(Debug, Clone)]
pub struct SectionView {
    pub heading: String,
    pub paragraphs: Vec<String>,
    /// `t2`, `t3`, `t4` or empty: the table that follows the text.
    pub table: &'static str,
}

/// Everything the templates show.
#[derive(Debug, Clone)]
pub struct View {
    pub title: String,
    pub agency: String,
    pub preamble: Vec<String>,
    pub sections: Vec<SectionView>,
    pub t2: Vec<T2Group>,
    pub t3_note: &'static str,
    /// 表三's and 表四's header rows (the schema's, for HTML and Word).
    pub t3_header: &'static [&'static [HeaderCell]],
    pub t4_header: &'static [&'static [HeaderCell]],
    pub t3: Vec<T3Line>,
    pub t4: Vec<String>,
    /// The three tables as plain grids (header rows included), for Markdown and text.
    pub t2_grid: Vec<Vec<String>>,
    pub t3_grid: Vec<Vec<String>>,
    pub t4_grid: Vec<Vec<String>>,
    pub date: String,
    pub contact: String,
}

#[derive(Template)]
#[template(path = "report.md", escape = "none")]
struct MarkdownPage<'a> {
    v: &'a View,
}

#[derive(Template)]
#[template(path = "report.txt", escape = "none")]
struct TextPage<'a> {
    v: &'a View,
}

#[derive(Template)]
#[template(path = "report.html")]
struct HtmlPage<'a> {
    v: &'a View,
}

fn shown(value: &CellValue) -> String {
    match value {
        CellValue::Count { value, .. } => value.to_string(),
        CellValue::Amount { value, .. } => value.normalize().to_string(),
        CellValue::Text { raw } => raw.to_string(),
        CellValue::Empty { marker } => marker.to_string(),
        CellValue::Missing => String::new(),
    }
}

fn values(report: &Report, key: TableKey, row: RowId, columns: &[ColumnId]) -> Vec<String> {
    columns
        .iter()
        .map(|&c| {
            report
                .table(key)
                .cell(row, c)
                .map(|c| shown(&c.value))
                .unwrap_or_default()
        })
        .collect()
}

fn table_two(report: &Report) -> Vec<T2Group> {
    let t = report.table(TableKey::ActiveDisclosure);
    let schema = table_schema(TableKey::ActiveDisclosure, t.version);
    let width = schema
        .rows
        .iter()
        .map(|r| r.columns.len())
        .max()
        .unwrap_or(1);
    T2_GROUPS
        .iter()
        .filter_map(|&header| {
            let rows: Vec<_> = schema
                .rows
                .iter()
                .filter(|r| r.group == Some(header))
                .collect();
            let first = rows.first()?;
            Some(T2Group {
                header,
                content_header: T2_CONTENT_HEADER,
                columns: first
                    .columns
                    .iter()
                    .filter_map(|&c| schema.column(c))
                    .map(|c| c.label)
                    .collect(),
                rows: rows
                    .iter()
                    .map(|r| T2Row {
                        label: r.label,
                        values: values(report, TableKey::ActiveDisclosure, r.id, r.columns),
                    })
                    .collect(),
                width,
            })
        })
        .collect()
}

fn table_three(report: &Report) -> Vec<T3Line> {
    let t = report.table(TableKey::Applications);
    let schema = table_schema(TableKey::Applications, t.version);
    let rows = schema.rows;
    let results_start = rows
        .iter()
        .position(|r| r.id == RowId::Disclosed)
        .unwrap_or(0);
    let results_end = rows
        .iter()
        .position(|r| r.id == RowId::CarriedForward)
        .unwrap_or(rows.len());
    let result_rows = rows[results_start..results_end]
        .iter()
        .filter(|r| r.kind == RowKind::Data)
        .count();
    let group_label = rows
        .iter()
        .find(|r| r.id == RowId::Results)
        .map_or("", |r| r.label);
    let mut out = Vec::new();
    let mut subgroup: Option<(&'static str, usize)> = None;
    for (i, r) in rows.iter().enumerate() {
        if r.kind == RowKind::Group {
            if r.id != RowId::Results {
                let size = rows[i + 1..]
                    .iter()
                    .take_while(|n| n.kind == RowKind::Data && n.id != RowId::ResultsTotal)
                    .count();
                subgroup = Some((r.label, size));
            }
            continue;
        }
        let in_results = i >= results_start && i < results_end;
        let is_sub = in_results && r.label.starts_with(|c: char| c.is_ascii_digit());
        let (sub_label, sub_rows) = match (is_sub, subgroup.take()) {
            (true, Some(first)) => first,
            _ => ("", 0),
        };
        out.push(T3Line {
            kind: if !in_results {
                "top"
            } else if is_sub {
                "sub"
            } else {
                "result"
            },
            group: if r.id == RowId::Disclosed {
                group_label
            } else {
                ""
            },
            group_rows: if r.id == RowId::Disclosed {
                result_rows
            } else {
                0
            },
            subgroup: sub_label,
            subgroup_rows: sub_rows,
            label: r.label,
            values: values(report, TableKey::Applications, r.id, r.columns),
        });
    }
    out
}

fn strings(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|c| c.to_string()).collect()
}

fn pad(mut row: Vec<String>, width: usize) -> Vec<String> {
    row.resize(width, String::new());
    row
}

/// 表二 as a grid: per group its header, its column labels, its rows.
fn grid_two(groups: &[T2Group]) -> Vec<Vec<String>> {
    let width = groups.iter().map(|g| g.width).max().unwrap_or(1) + 1;
    let mut out = Vec::new();
    for g in groups {
        out.push(pad(vec![g.header.to_string()], width));
        out.push(pad(
            [vec![g.content_header.to_string()], strings(&g.columns)].concat(),
            width,
        ));
        for r in &g.rows {
            out.push(pad(
                [vec![r.label.to_string()], r.values.clone()].concat(),
                width,
            ));
        }
    }
    out
}

/// A header of the schema as grid rows.
fn header_rows(header: &[&[HeaderCell]]) -> Vec<Vec<String>> {
    header_grid(header)
        .into_iter()
        .map(|row| strings(&row))
        .collect()
}

/// 表三 as a grid: the schema's header, then three label columns (group, sub-group, item) and the
/// seven values.
fn grid_three(lines: &[T3Line]) -> Vec<Vec<String>> {
    let mut out = header_rows(T3_HEADER);
    for l in lines {
        let labels = match l.kind {
            "top" => [l.label, "", ""],
            "result" => [l.group, l.label, ""],
            _ => ["", l.subgroup, l.label],
        };
        out.push([strings(&labels), l.values.clone()].concat());
    }
    out
}

/// 表四 as a grid: the schema's three header rows, then the fifteen values.
fn grid_four(values: &[String]) -> Vec<Vec<String>> {
    let mut out = header_rows(T4_HEADER);
    out.push(values.to_vec());
    out
}

/// The view of a complete report.
pub fn view(report: &Report, date: Option<&str>, contact: Option<&str>) -> View {
    let table_of = |k: SectionKey| match k {
        SectionKey::ActiveDisclosure => "t2",
        SectionKey::Applications => "t3",
        SectionKey::ReviewsAndLitigation => "t4",
        _ => "",
    };
    let t4 = &crate::schema::T4;
    let t2 = table_two(report);
    let t3 = table_three(report);
    let t4_values = values(
        report,
        TableKey::ReviewsAndLitigation,
        RowId::Cases,
        &t4.columns.iter().map(|c| c.id).collect::<Vec<_>>(),
    );
    View {
        title: report
            .title
            .as_ref()
            .map(|t| t.value.clone())
            .unwrap_or_default(),
        agency: report.agency.clone().unwrap_or_default(),
        preamble: report.preamble.iter().map(|p| p.text.clone()).collect(),
        sections: report
            .sections
            .iter()
            .map(|s| SectionView {
                heading: s.official_heading.clone(),
                paragraphs: s.paragraphs.iter().map(|p| p.text.clone()).collect(),
                table: table_of(s.key),
            })
            .collect(),
        t2_grid: grid_two(&t2),
        t3_grid: grid_three(&t3),
        t4_grid: grid_four(&t4_values),
        t2,
        t3_note: T3_NOTE,
        t3_header: T3_HEADER,
        t4_header: T4_HEADER,
        t3,
        t4: t4_values,
        date: date.unwrap_or_default().to_string(),
        contact: contact.unwrap_or_default().to_string(),
    }
}

/// Renders a view.
pub fn render(view: &View, format: OutputFormat) -> String {
    let rendered = match format {
        OutputFormat::Markdown => MarkdownPage {
            v: &super::escape::markdown_view(view),
        }
        .render(),
        OutputFormat::Text => TextPage { v: view }.render(),
        OutputFormat::Html => HtmlPage {
            v: &super::escape::xml_view(view),
        }
        .render(),
    };
    let mut text = rendered.expect("templates render every view");
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text
}

/// Whether the report uses the 2019 edition anywhere (rendered with its own table layout).
pub fn uses_2019(report: &Report) -> bool {
    TableKey::ALL.iter().any(|&k| {
        report.table(k).version == FormatVersion::V2019 && k != TableKey::ReviewsAndLitigation
    })
}
