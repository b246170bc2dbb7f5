//! The report as a Word document (.docx): the official headings, body paragraphs, and the three
//! tables with their merged header cells, A4, with the official-document font families named
//! (仿宋 for the body, 宋体 for the title and tables, 黑体 for headings; not embedded).
//!
//! `word/document.xml` comes from the askama template `templates/docx/document.xml`; the package
//! around it is written in memory.

use super::render::View;
use askama::Template;
use std::io::Write;

/// A cell of a table with merges, as WordprocessingML writes them.
#[derive(Debug, Clone)]
pub struct MergedCell {
    pub text: String,
    /// Grid columns the cell covers (`w:gridSpan`).
    pub span: usize,
    /// `""`, `"restart"` (a vertical merge starts here) or `"continue"` (covered from above).
    pub merge: &'static str,
    pub bold: bool,
    /// Width in twips: the grid columns it covers (`w:tcW`; LibreOffice needs it per cell).
    pub width: u32,
}

impl MergedTable {
    /// Sets each cell's width from the grid columns it covers.
    fn with_widths(mut self) -> Self {
        for row in &mut self.rows {
            let mut at = 0;
            for c in row.iter_mut() {
                c.width = self.columns.iter().skip(at).take(c.span).sum();
                at += c.span;
            }
        }
        self
    }
}

/// A table as rows of merged cells over `columns` grid columns.
#[derive(Debug, Clone)]
pub struct MergedTable {
    /// Width of each grid column in twips.
    pub columns: Vec<u32>,
    pub rows: Vec<Vec<MergedCell>>,
}

fn cell(text: &str, span: usize, merge: &'static str) -> MergedCell {
    MergedCell {
        text: text.to_string(),
        span,
        merge,
        bold: false,
        width: 0,
    }
}

fn values(values: &[String]) -> Vec<MergedCell> {
    values.iter().map(|v| cell(v, 1, "")).collect()
}

/// Columns of equal width filling the A4 text width, the first `label` ones `label_width` wide.
fn widths(count: usize, label: usize, label_width: u32) -> Vec<u32> {
    const TEXT_WIDTH: u32 = 9_400;
    let rest = (TEXT_WIDTH - label_width * label as u32) / (count - label).max(1) as u32;
    (0..count)
        .map(|i| if i < label { label_width } else { rest })
        .collect()
}

fn table_two(v: &View) -> MergedTable {
    let width = v.t2.iter().map(|g| g.width).max().unwrap_or(1);
    let mut rows = Vec::new();
    for g in &v.t2 {
        let mut header = cell(g.header, width + 1, "");
        header.bold = true;
        rows.push(vec![header]);
        let mut labels = vec![cell("信息内容", 1, "")];
        labels.extend(g.columns.iter().enumerate().map(|(i, c)| {
            cell(
                c,
                if i + 1 == g.columns.len() {
                    width - i
                } else {
                    1
                },
                "",
            )
        }));
        rows.push(labels);
        for r in &g.rows {
            let mut row = vec![cell(r.label, 1, "")];
            row.extend(r.values.iter().enumerate().map(|(i, x)| {
                cell(
                    x,
                    if i + 1 == r.values.len() {
                        width - i
                    } else {
                        1
                    },
                    "",
                )
            }));
            rows.push(row);
        }
    }
    MergedTable {
        columns: widths(width + 1, 1, 2_400),
        rows,
    }
    .with_widths()
}

fn table_three(v: &View) -> MergedTable {
    let mut rows = vec![
        vec![cell(v.t3_note, 3, "restart"), cell("申请人情况", 7, "")],
        vec![
            cell("", 3, "continue"),
            cell("自然人", 1, "restart"),
            cell("法人或其他组织", 5, ""),
            cell("总计", 1, "restart"),
        ],
        vec![
            cell("", 3, "continue"),
            cell("", 1, "continue"),
            cell("商业企业", 1, ""),
            cell("科研机构", 1, ""),
            cell("社会公益组织", 1, ""),
            cell("法律服务机构", 1, ""),
            cell("其他", 1, ""),
            cell("", 1, "continue"),
        ],
    ];
    for l in &v.t3 {
        let mut row = match l.kind {
            "top" => vec![cell(l.label, 3, "")],
            "result" if l.group_rows > 0 => vec![cell(l.group, 1, "restart"), cell(l.label, 2, "")],
            "result" => vec![cell("", 1, "continue"), cell(l.label, 2, "")],
            _ if l.subgroup_rows > 0 => vec![
                cell("", 1, "continue"),
                cell(l.subgroup, 1, "restart"),
                cell(l.label, 1, ""),
            ],
            _ => vec![
                cell("", 1, "continue"),
                cell("", 1, "continue"),
                cell(l.label, 1, ""),
            ],
        };
        row.extend(values(&l.values));
        rows.push(row);
    }
    // Group, sub-group and item label columns, then seven values.
    let mut columns = vec![600, 1_300, 3_000];
    columns.extend([643; 7]);
    MergedTable { columns, rows }.with_widths()
}

fn table_four(v: &View) -> MergedTable {
    let parts = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
    let mut second: Vec<MergedCell> = parts.iter().map(|p| cell(p, 1, "restart")).collect();
    second.push(cell("未经复议直接起诉", 5, ""));
    second.push(cell("复议后起诉", 5, ""));
    let mut third: Vec<MergedCell> = (0..5).map(|_| cell("", 1, "continue")).collect();
    third.extend(parts.iter().chain(parts.iter()).map(|p| cell(p, 1, "")));
    MergedTable {
        columns: widths(15, 0, 0),
        rows: vec![
            vec![cell("行政复议", 5, ""), cell("行政诉讼", 10, "")],
            second,
            third,
            values(&v.t4),
        ],
    }
    .with_widths()
}

#[derive(Template)]
#[template(path = "docx/document.xml", escape = "html")]
struct Document<'a> {
    v: &'a View,
    t2: MergedTable,
    t3: MergedTable,
    t4: MergedTable,
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
"#;

const RELATIONSHIPS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
"#;

/// The .docx file of a view.
pub fn render_docx(view: &View) -> Vec<u8> {
    let document = Document {
        v: view,
        t2: table_two(view),
        t3: table_three(view),
        t4: table_four(view),
    }
    .render()
    .expect("the document template renders every view");
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, body) in [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", RELATIONSHIPS),
        ("word/document.xml", document.as_str()),
    ] {
        zip.start_file(name, options).expect("in-memory zip");
        zip.write_all(body.as_bytes()).expect("in-memory zip");
    }
    zip.finish().expect("in-memory zip").into_inner()
}
