//! Reading published 政府信息公开工作年度报告 into the gaogen model.
//!
//! Data flow: bytes → [`decode()`] (encoding detected) → lines (plain text, or an HTML page rebuilt
//! into blocks and `| … |` table rows) → each line classified by the pest grammar in
//! `grammar/report.pest` → sections and tables assembled against the official schema →
//! [`gaogen_model::Report`] with its reading findings.
//!
//! pest's types never leave this crate.

mod decode;
mod document;
mod docx;
mod html;
mod lines;
mod source;
mod tables;
mod value;

pub use decode::{clean_controls, decode, decode_owned, Decoded, InputError, MAX_INPUT_BYTES};
use gaogen_model::{Finding, FindingKind, InputKind, Report};

/// How much of what was read a report keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Detail {
    /// Everything (for `parse` and the library), the labels the reader could not use included.
    #[default]
    Full,
    /// What checking uses: labels that opened no row (`Table.unread`, shown only by `parse`) are
    /// not kept — a file of pasted tables has hundreds of thousands.
    Check,
}

/// Reads a report from text (plain text or HTML, told apart by content).
pub fn parse(text: &str) -> Report {
    parse_with(text, Detail::Full)
}

/// [`parse`], keeping `detail`.
pub fn parse_with(text: &str, detail: Detail) -> Report {
    parse_text(text, "UTF-8", detail)
}

/// Reads a report from the bytes of a file: decodes, then [`parse`]s. Fails only when the bytes
/// are not a text at all (empty, binary, too large, undecodable).
pub fn parse_bytes(bytes: &[u8]) -> Result<Report, InputError> {
    read(bytes).map(|(_, report)| report)
}

/// Reads any report file's bytes — text in any supported encoding, an HTML page, or a Word
/// document (.docx) — into the text the reader worked on (to quote from) and the report.
pub fn read(bytes: &[u8]) -> Result<(String, Report), InputError> {
    read_with(bytes, Detail::Full)
}

/// [`read`], keeping `detail`.
pub fn read_with(bytes: &[u8], detail: Detail) -> Result<(String, Report), InputError> {
    if docx::is_zip(bytes) {
        let text = docx::docx_text(bytes)?;
        let mut report = parse_text(&text, "UTF-8", detail);
        report.source.input = InputKind::Docx;
        return Ok((text, report));
    }
    let decoded = decode(bytes)?;
    let report = parse_decoded(&decoded, detail);
    Ok((decoded.text, report))
}

/// [`read`] taking the bytes: they become the text or are freed once decoded, before the report
/// is read (a large input is not held twice while it is parsed).
pub fn read_owned(bytes: Vec<u8>) -> Result<(String, Report), InputError> {
    read_owned_with(bytes, Detail::Full)
}

/// [`read_owned`], keeping `detail`.
pub fn read_owned_with(bytes: Vec<u8>, detail: Detail) -> Result<(String, Report), InputError> {
    if docx::is_zip(&bytes) {
        return read_with(&bytes, detail);
    }
    let decoded = decode_owned(bytes)?;
    let report = parse_decoded(&decoded, detail);
    Ok((decoded.text, report))
}

/// Reads a report from text already [`decode()`]d (keep the text to quote from it).
fn parse_decoded(decoded: &Decoded, detail: Detail) -> Report {
    let mut report = parse_text(&decoded.text, decoded.encoding, detail);
    if decoded.truncated {
        report.findings.insert(
            0,
            Finding::new(
                FindingKind::InputTruncated,
                "文件在一个字符中间结束：文件可能被截断，末尾残缺的字符已忽略",
                None,
            ),
        );
    }
    report
}

fn parse_text(text: &str, encoding: &str, detail: Detail) -> Report {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if html::looks_like_html(text) {
        let lines = source::Source::built(html::html_lines(text));
        document::assemble(lines.lines(), InputKind::Html, encoding, detail)
    } else {
        let lines = source::text_lines(text);
        document::assemble(lines.lines(), InputKind::Text, encoding, detail)
    }
}
