//! The report as a Word document (.docx): the official headings, body paragraphs, and the three
//! tables with their merged header cells, A4, with the official-document font families named
//! (仿宋 for the body, 宋体 for the title and tables, 黑体 for headings; not embedded).
//!
//! Laid out like an official document: the section headings are Word headings (style 「标题 1」,
//! in the navigation pane), kept with what follows; the paragraph before a table is kept with it;
//! table rows never split across pages (`w:cantSplit`); the header rows of 表三 and 表四 repeat on
//! every page (`w:tblHeader`) and stay with the first data row; 表二 and 表四, being short, are
//! kept on one page; the footer carries the page number 「— 1 —」.
//!
//! `word/document.xml` comes from the askama template `templates/docx/document.xml`, the styles
//! and footer from `templates/docx/{styles,footer}.xml`; the package around them is written in
//! memory ([`package`]).

use super::package;
use super::render::View;
use crate::schema::HeaderCell;
use askama::Template;

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
    /// The first rows repeated on every page the table runs over (`w:tblHeader`).
    pub header_rows: usize,
    /// The first rows kept on the page of the row after them (`w:keepNext` in their paragraphs).
    pub keep_rows: usize,
}

impl MergedTable {
    fn new(columns: Vec<u32>, rows: Vec<Vec<MergedCell>>) -> Self {
        MergedTable {
            columns,
            rows,
            header_rows: 0,
            keep_rows: 0,
        }
        .with_widths()
    }

    /// Header rows repeated on every page and kept with the first data row.
    fn header(mut self, rows: usize) -> Self {
        self.header_rows = rows;
        self.keep_rows = self.keep_rows.max(rows);
        self
    }

    /// Whether row `r` (from 0) repeats on every page.
    pub fn repeats(&self, r: &usize) -> bool {
        *r < self.header_rows
    }

    /// Whether row `r` (from 0) stays on the page of the next row.
    pub fn keeps(&self, r: &usize) -> bool {
        *r < self.keep_rows
    }

    /// The whole table on one page (when it fits).
    fn kept_together(mut self) -> Self {
        self.keep_rows = self.rows.len().saturating_sub(1);
        self
    }
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

/// Header rows in Word's terms from the schema's (a cell spanning rows starts a vertical merge;
/// the rows below hold an empty cell continuing it, at the same place).
fn header_rows(header: &[&[HeaderCell]]) -> Vec<Vec<MergedCell>> {
    // (column, columns, rows still to continue) of the cells spanning down.
    let mut down: Vec<(usize, usize, usize)> = Vec::new();
    header
        .iter()
        .map(|row| {
            let (mut out, mut col, mut cells) = (Vec::new(), 0, row.iter());
            loop {
                if let Some(d) = down.iter_mut().find(|d| d.0 == col && d.2 > 0) {
                    d.2 -= 1;
                    out.push(cell("", d.1, "continue"));
                    col += d.1;
                    continue;
                }
                let Some(c) = cells.next() else { break };
                let merge = if c.rows > 1 { "restart" } else { "" };
                out.push(cell(c.text, c.cols, merge));
                if c.rows > 1 {
                    down.push((col, c.cols, c.rows - 1));
                }
                col += c.cols;
            }
            out
        })
        .collect()
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
        let mut labels = vec![cell(g.content_header, 1, "")];
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
    MergedTable::new(widths(width + 1, 1, 2_400), rows).kept_together()
}

fn table_three(v: &View) -> MergedTable {
    let mut rows = header_rows(v.t3_header);
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
    MergedTable::new(columns, rows).header(3)
}

fn table_four(v: &View) -> MergedTable {
    let mut rows = header_rows(v.t4_header);
    rows.push(values(&v.t4));
    MergedTable::new(widths(15, 0, 0), rows)
        .header(3)
        .kept_together()
}

#[derive(Template)]
#[template(path = "docx/document.xml", escape = "html")]
struct Document<'a> {
    v: &'a View,
    t2: MergedTable,
    t3: MergedTable,
    t4: MergedTable,
}

/// The .docx file of a view.
pub fn render_docx(view: &View) -> Vec<u8> {
    // Word refuses a document.xml with a control character in it.
    let view = &super::escape::xml_view(view);
    let document = Document {
        v: view,
        t2: table_two(view),
        t3: table_three(view),
        t4: table_four(view),
    }
    .render()
    .expect("the document template renders every view");
    package::zip(&document)
}
