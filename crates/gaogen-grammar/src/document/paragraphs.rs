//! Paragraphs of running text: how lines join (one per line, wrapped PDF text, HTML blocks),
//! and the signature split off the end.

use crate::lines::LineKind;
use crate::source::{Line, Lines};
use gaogen_model::label::normalize;
use gaogen_model::{Paragraph, Section, Span};
use std::borrow::Cow;

/// A date alone on a line: 「2024年1月19日」, 「2024-01-19」.
pub(super) fn is_date(text: &str) -> bool {
    // 「2024年12月31日」 with spaces fits in 40 bytes; longer lines are never a bare date.
    if text.len() > 40 {
        return false;
    }
    let n = normalize(text);
    let digits = n.chars().filter(char::is_ascii_digit).count();
    let only =
        |seps: &[char]| n.chars().all(|c| c.is_ascii_digit() || seps.contains(&c)) && digits >= 6;
    (n.ends_with('日') && n.contains('年') && n.contains('月') && only(&['年', '月', '日']))
        || only(&['-', '.', '/'])
}

/// Whether a short line only names an agency: the report's (`agency`), or one ending in 人民政府,
/// 办公室, 局, 委员会 … (a signature, or the agency line above a title).
pub(super) fn names_agency(text: &str, agency: Option<&str>) -> bool {
    let n = normalize(text);
    n.chars().count() <= 30
        && !n.contains(['。', '，', ',', '：', ':'])
        && (agency.is_some_and(|a| n == normalize(a) || n.ends_with(&*normalize(a)))
            || [
                "人民政府",
                "办公室",
                "办公厅",
                "局",
                "委员会",
                "街道办事处",
                "管理委员会",
            ]
            .iter()
            .any(|s| n.ends_with(s)))
}

/// Takes the signature off the end of the last section: trailing short lines that are a date
/// (「2024年1月19日」, 「2024-01-19」) or an agency's name (the report's, or one ending in
/// 人民政府, 办公室, 局, 委员会 …).
pub(super) fn split_closing(sections: &mut [Section], agency: Option<&str>) -> Vec<Paragraph> {
    let Some(last) = sections.iter_mut().rev().find(|s| s.found) else {
        return Vec::new();
    };
    let is_agency = |t: &str| names_agency(t, agency);
    let mut closing = Vec::new();
    while let Some(p) = last.paragraphs.last() {
        if last.paragraphs.len() > 1
            && (is_date(&p.text) || is_agency(&p.text))
            && closing.len() < 3
        {
            closing.insert(0, last.paragraphs.pop().expect("checked"));
        } else {
            break;
        }
    }
    closing
}

fn is_text_line(kinds: &[LineKind], table_line: &[bool], i: usize) -> bool {
    matches!(kinds[i], LineKind::Cells { .. }) && !table_line[i]
}

fn is_indented(line: Line<'_>) -> bool {
    line.text.starts_with("  ") || line.text.starts_with('\t')
}

/// Whether the text is *wrapped*: lines broken mid-sentence, paragraphs started by indentation.
pub(super) fn is_wrapped(source: Lines<'_>, kinds: &[LineKind], table_line: &[bool]) -> bool {
    // Counted, not collected: a large report has millions of lines.
    let (mut indented, mut flush, mut mid_sentence) = (0usize, 0usize, 0usize);
    for line in (0..source.len())
        .filter(|&i| is_text_line(kinds, table_line, i))
        .map(|i| source.line(i))
    {
        if is_indented(line) {
            indented += 1;
        } else {
            flush += 1;
            mid_sentence += usize::from(!ends_sentence(line.text.trim_end()));
        }
    }
    indented >= 2 && mid_sentence * 2 >= flush
}

/// How lines make paragraphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Style {
    /// Copies and exports: a paragraph ends at a blank line or a sentence end.
    OnePerLine,
    /// PDF extraction: lines break mid-sentence, a paragraph starts with an indented line, blank
    /// lines only surround page breaks.
    Wrapped,
    /// HTML: every line is a block of the page and a paragraph of its own.
    Blocks,
}

/// Paragraphs of running text in `range`, skipping table lines. In every style an ordinal
/// (「（一）」, 「一是」, 「1.」) starts a new paragraph, and a short ordinal line (a sub-heading)
/// stands alone.
pub(super) fn paragraphs(
    source: Lines<'_>,
    kinds: &[LineKind],
    range: std::ops::Range<usize>,
    table_line: &[bool],
    style: Style,
) -> Vec<Paragraph> {
    let wrapped = style == Style::Wrapped;
    let is_text = |i: usize| is_text_line(kinds, table_line, i);
    let indented = |i: usize| is_indented(source.line(i));
    let mut out: Vec<Paragraph> = Vec::new();
    // The lines of the paragraph being read (the last one): its text is made once it is
    // complete, at its exact length, not grown line by line.
    let mut open_lines: Vec<(Cow<'_, str>, Span)> = Vec::new();
    let mut open = false;
    for i in range {
        if !is_text(i) {
            let blank = matches!(kinds[i], LineKind::Blank | LineKind::PageNumber);
            if !(wrapped && blank) {
                open = false;
            }
            continue;
        }
        let line = source.line(i);
        let text = strip_markdown(line.text.trim());
        if text.is_empty() {
            continue;
        }
        let starts_item = starts_with_ordinal(&text);
        let sub_heading =
            starts_item && text.chars().count() <= 24 && !text.contains(['。', '；', '，']);
        let date = is_date(&text);
        let joins =
            open && style != Style::Blocks && !starts_item && !date && !(wrapped && indented(i));
        if joins && !open_lines.is_empty() {
            open = wrapped || !ends_sentence(&text);
            open_lines.push((text, line.whole()));
            continue;
        }
        open = !sub_heading && !date && (wrapped || !ends_sentence(&text));
        close(&mut open_lines, &mut out);
        open_lines.push((text, line.whole()));
    }
    close(&mut open_lines, &mut out);
    // The vector grew by doubling: a long run gives back its slack (in place).
    if out.capacity() - out.len() > COMPACT_SLACK {
        out.shrink_to_fit();
    }
    out
}

/// Slack (paragraphs) above which a section's vector is shrunk to its length.
const COMPACT_SLACK: usize = 1024;

/// Makes the paragraph of `lines` (if any), joined at its exact length.
fn close(lines: &mut Vec<(Cow<'_, str>, Span)>, out: &mut Vec<Paragraph>) {
    let Some(((first, span), rest)) = lines.split_first() else {
        return;
    };
    let mut text = String::with_capacity(lines.iter().map(|(t, _)| t.len()).sum());
    text.push_str(first);
    let mut paragraph = Paragraph::new(text, *span);
    paragraph.reserve_lines(rest.len());
    for (line, span) in rest {
        paragraph.push_line(line, *span);
    }
    out.push(paragraph);
    lines.clear();
}

/// Paragraph text without markdown heading marks and emphasis.
fn strip_markdown(text: &str) -> Cow<'_, str> {
    let text = text.trim_start_matches('#').trim();
    // 「**」 or 「__」: a mark byte followed by itself.
    let b = text.as_bytes();
    if memchr::memchr2_iter(b'*', b'_', b).any(|i| b.get(i + 1) == Some(&b[i])) {
        text.replace("**", "").replace("__", "").into()
    } else {
        text.into()
    }
}

fn ends_sentence(text: &str) -> bool {
    text.ends_with(['。', '！', '？', '：', ':', '；', '」', '”', '）', ')'])
}

fn starts_with_ordinal(text: &str) -> bool {
    let head = text
        .char_indices()
        .nth(8)
        .map_or(text, |(end, _)| &text[..end]);
    let n = normalize(head);
    gaogen_model::label::split_ordinal(&n).0.is_some()
        || ["一是", "二是", "三是", "四是", "五是", "六是"]
            .iter()
            .any(|p| n.starts_with(p))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::text_lines;

    fn paras(text: &str, style: Style) -> Vec<String> {
        let source = text_lines(text);
        let source = source.lines();
        let kinds = crate::source::kinds(source);
        let table_line = vec![false; source.len()];
        paragraphs(source, &kinds, 0..source.len(), &table_line, style)
            .into_iter()
            .map(|p| p.text)
            .collect()
    }

    #[test]
    fn dates_alone_on_a_line() {
        assert!(is_date("2024年1月19日"));
        assert!(is_date("2024-01-19"));
        assert!(!is_date("2024年本机关收到申请"));
    }

    #[test]
    fn lines_join_until_a_sentence_ends_or_an_ordinal_starts() {
        let text = "本机关全年共收到申请\n13件。\n（一）主动公开\n一是加强领导。\n";
        assert_eq!(
            paras(text, Style::OnePerLine),
            vec![
                "本机关全年共收到申请13件。",
                "（一）主动公开",
                "一是加强领导。"
            ]
        );
        assert_eq!(paras("甲\n乙\n", Style::Blocks), vec!["甲", "乙"]);
    }

    #[test]
    fn joined_paragraphs_keep_no_slack_and_know_their_lines() {
        let text = "  本机关全年\n共收到申请\n13**件**。\n  第二段\n继续。\n".repeat(700);
        let source = text_lines(&text);
        let source = source.lines();
        let kinds = crate::source::kinds(source);
        let table_line = vec![false; source.len()];
        let out = paragraphs(source, &kinds, 0..source.len(), &table_line, Style::Wrapped);
        assert_eq!(out.len(), 1400);
        // A long run's vector is shrunk; each text is made at its length, not grown line by line.
        assert!(out.capacity() - out.len() <= COMPACT_SLACK);
        assert!(out.iter().all(|p| p.text.capacity() == p.text.len()));
        let first = &out[0];
        assert_eq!(first.text, "本机关全年共收到申请13件。");
        assert_eq!(first.line_count(), 3);
        // 「申请」 stands on the second line, in its 4th and 5th columns.
        let at = first.text.find("申请").unwrap();
        let span = first.locate(at..at + "申请".len());
        assert_eq!((span.line, span.column, span.end_column), (2, 4, 6));
        assert_eq!(out[1399].text, "第二段继续。");
    }

    #[test]
    fn wrapped_text_starts_paragraphs_at_indentation() {
        let text = "  本机关全年\n共收到申请。\n  第二段\n继续。\n";
        assert_eq!(
            paras(text, Style::Wrapped),
            vec!["本机关全年共收到申请。", "第二段继续。"]
        );
    }
}
