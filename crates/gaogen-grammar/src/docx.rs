//! A Word document (.docx) → report text: each paragraph a line, each table row a `| … |` line
//! with horizontally merged cells (`w:gridSpan`) expanded to empty grid cells and vertically merged
//! ones (`w:vMerge`) left empty below their first row, as HTML tables are. The text is then read
//! like any other; positions refer to its lines (the n-th paragraph or table row).

use crate::decode::{InputError, MAX_INPUT_BYTES};
use quick_xml::events::Event;
use quick_xml::Reader;
use std::io::Read;

/// Whether the bytes are a zip package (a .docx is one).
pub(crate) fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

fn attr(e: &quick_xml::events::BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .map(|a| a.value.to_string())
}

/// The text of the document's body.
pub(crate) fn docx_text(bytes: &[u8]) -> Result<String, InputError> {
    let mut archive =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|_| InputError::NotDocx)?;
    let entry = archive
        .by_name("word/document.xml")
        .map_err(|_| InputError::NotDocx)?;
    if entry.size() > MAX_INPUT_BYTES as u64 {
        return Err(InputError::TooLarge {
            size: entry.size() as usize,
            limit: MAX_INPUT_BYTES,
        });
    }
    let mut xml = String::new();
    entry
        .take(MAX_INPUT_BYTES as u64 + 1)
        .read_to_string(&mut xml)
        .map_err(|_| InputError::NotDocx)?;
    if xml.len() > MAX_INPUT_BYTES {
        return Err(InputError::TooLarge {
            size: xml.len(),
            limit: MAX_INPUT_BYTES,
        });
    }
    let lines = body_lines(&xml)?;
    Ok(crate::decode::clean_controls(&(lines.join("\n") + "\n")).into_owned())
}

/// Cells a row may fill when the table declares no grid: official tables have at most 16.
const MAX_COLUMNS: usize = 128;

/// Walks `word/document.xml` without building a tree (nesting costs nothing). Merged cells are
/// bounded by the table's grid, and the text produced counts against [`MAX_INPUT_BYTES`] as a
/// text file's would.
fn body_lines(xml: &str) -> Result<Vec<String>, InputError> {
    let mut produced = 0usize;
    let mut reader = Reader::from_str(xml);
    let mut lines = Vec::new();
    let mut paragraph = String::new();
    let mut in_text = false;
    // Table state: depth, current row's cells (text, span), current cell's text and span.
    let mut depth = 0usize;
    let mut row: Vec<(String, usize)> = Vec::new();
    let mut cell = String::new();
    let mut span = 1usize;
    // Columns of the current table's grid (`w:gridCol`), 0 when it declares none.
    let mut grid = 0usize;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => match e.local_name().as_ref() {
                "tbl" => {
                    depth += 1;
                    if depth == 1 {
                        grid = 0;
                    }
                }
                "gridCol" if depth == 1 => grid += 1,
                "tr" if depth == 1 => row.clear(),
                "tc" if depth == 1 => {
                    cell.clear();
                    span = 1;
                }
                "gridSpan" if depth == 1 => {
                    let width: usize = row.iter().map(|(_, s)| s).sum();
                    let room = if grid > 0 { grid } else { MAX_COLUMNS };
                    span = attr(&e, "w:val")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(1)
                        .clamp(1, room.saturating_sub(width).max(1))
                }
                "t" => in_text = true,
                "tab" => paragraph.push('\t'),
                "br" | "cr" => paragraph.push(' '),
                _ => {}
            },
            Ok(Event::Text(t)) if in_text => {
                paragraph.push_str(&t);
            }
            Ok(Event::GeneralRef(r)) if in_text => {
                let c = match &*r {
                    "amp" => Some('&'),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "quot" => Some('"'),
                    "apos" => Some('\''),
                    n => n
                        .strip_prefix("#x")
                        .and_then(|h| u32::from_str_radix(h, 16).ok())
                        .or_else(|| n.strip_prefix('#').and_then(|d| d.parse().ok()))
                        .and_then(char::from_u32),
                };
                if let Some(c) = c {
                    paragraph.push(c);
                }
            }
            Ok(Event::End(e)) => match e.local_name().as_ref() {
                "t" => in_text = false,
                "p" if depth == 0 => {
                    let line = std::mem::take(&mut paragraph).trim_end().to_string();
                    produced += line.len() + 1;
                    lines.push(line);
                }
                "p" => {
                    let text = std::mem::take(&mut paragraph);
                    if !cell.is_empty() && !text.trim().is_empty() {
                        cell.push(' ');
                    }
                    cell.push_str(text.trim());
                }
                "tc" if depth == 1 => {
                    let width: usize = row.iter().map(|(_, s)| s).sum();
                    if width < grid.max(MAX_COLUMNS) {
                        row.push((cell.replace(['|', '\t'], " "), span));
                    }
                }
                "tr" if depth == 1 => {
                    let mut line = String::from("|");
                    for (text, span) in &row {
                        line.push_str(&format!(" {text} |"));
                        for _ in 1..*span {
                            line.push_str("  |");
                        }
                    }
                    produced += line.len() + 1;
                    lines.push(line);
                }
                "tbl" => depth = depth.saturating_sub(1),
                _ => {}
            },
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
        if produced > MAX_INPUT_BYTES
            || paragraph.len() > MAX_INPUT_BYTES
            || cell.len() > MAX_INPUT_BYTES
        {
            return Err(InputError::TooMuchText {
                limit: MAX_INPUT_BYTES,
            });
        }
    }
    Ok(lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_and_merged_cells() {
        let xml = r#"<w:document xmlns:w="x"><w:body><w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>申请人</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>A&amp;B</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>2</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>"#;
        assert_eq!(
            body_lines(xml).unwrap(),
            vec!["一、总体情况", "| 申请人 |  | A&B |", "|  | 1 | 2 |"]
        );
    }
}
