//! Assembling the report: title block, preamble, the six sections and their paragraphs, and the
//! table region handed to [`crate::tables`].

use crate::lines::{self, LineShape};
use crate::source::SourceLine;
use crate::tables::{read_tables, RegionLine};
use gaogen_model::label::{normalize, LabelSet, MatchQuality};
use gaogen_model::schema::{SectionKey, SECTIONS};
use gaogen_model::{
    Finding, FindingKind, Heading, InputKind, Located, Paragraph, Report, Section, SourceInfo,
    Span, YearSource,
};
use std::sync::OnceLock;

fn headings() -> &'static LabelSet<SectionKey> {
    static SET: OnceLock<LabelSet<SectionKey>> = OnceLock::new();
    SET.get_or_init(|| LabelSet::new(SECTIONS.iter().map(|s| (s.key, s.title, s.variants))))
}

/// A line recognised as a section heading.
struct FoundHeading {
    line: usize,
    key: SectionKey,
    heading: Heading,
    /// Text after the heading on the same line.
    rest: Option<(String, Span)>,
}

/// Whether `line` is a section heading, and which.
fn section_heading(line: &SourceLine) -> Option<FoundHeading> {
    let shape = lines::heading(&line.text)?;
    let text = shape.text.trim_end_matches(['*', '_', ' ']);
    let n = normalize(text);
    let set = headings();
    let (key, quality, rest) = match set.best(&n) {
        Some((key, q)) if !matches!(q, MatchQuality::Prefix { .. }) => (key, q, None),
        _ => {
            // 「一、总体情况。2021年，…」: a heading with its first sentence on the same line.
            let split = text
                .char_indices()
                .find(|&(_, c)| matches!(c, '。' | '：' | ':' | '（' | '('))?;
            let head = normalize(&text[..split.0]);
            let (key, q) = set.best(&head).filter(|(_, q)| q.is_official())?;
            let rest = text[split.0..].trim_start_matches(['。', '：', ':']).trim();
            let col = shape.start + text[..split.0].chars().count() as u32 + 2;
            let span = line.span(0, col, shape.end);
            (key, q, (!rest.is_empty()).then(|| (rest.to_string(), span)))
        }
    };
    if let MatchQuality::Fuzzy { score } = quality {
        if score < 0.8 {
            return None;
        }
    }
    let written: String = line
        .text
        .chars()
        .skip(shape.start as usize)
        .take((shape.end - shape.start) as usize)
        .collect();
    let heading = Heading {
        text: written.trim_end_matches(['*', '_', ' ']).to_string(),
        span: line.span(0, shape.start, shape.end),
        number_as_written: Some(shape.number),
        quality,
    };
    Some(FoundHeading {
        line: 0,
        key,
        heading,
        rest,
    })
}

/// Reads a whole report from its lines.
pub(crate) fn assemble(source: &[SourceLine], input: InputKind, encoding: &str) -> Report {
    let texts: Vec<&str> = source.iter().map(|l| l.text.as_str()).collect();
    let shapes: Vec<LineShape<'_>> = lines::shapes(&texts);
    let mut findings = Vec::new();

    // Section headings, each section at most once, in reading order.
    let mut found: Vec<FoundHeading> = Vec::new();
    for (i, line) in source.iter().enumerate() {
        if matches!(shapes[i], LineShape::Blank | LineShape::PageNumber) {
            continue;
        }
        if let Some(mut h) = section_heading(line) {
            if found.iter().any(|f| f.key == h.key) {
                continue;
            }
            h.line = i;
            found.push(h);
        }
    }
    let first_heading = found.first().map_or(source.len(), |h| h.line);

    // Title block and preamble.
    let (title, title_end) = title_block(source, &shapes, first_heading);
    let preamble_start = title_end.unwrap_or(0);
    let title_text = title.as_ref().map(|t| t.value.clone()).unwrap_or_default();
    let (mut year, mut year_source) = (find_year(&title_text), Some(YearSource::Title));
    if year.is_none() {
        year = source[preamble_start..first_heading]
            .iter()
            .find_map(|l| find_year(&l.text));
        year_source = Some(YearSource::Preamble);
    }
    if year.is_none() {
        year = source[first_heading..]
            .iter()
            .take(40)
            .find_map(|l| find_year(&l.text));
        year_source = Some(YearSource::Body);
    }
    let year_source = year.and(year_source);
    let agency = title.as_ref().and_then(|t| agency_of(&t.value));
    if title.is_none() {
        findings.push(Finding::new(
            FindingKind::TitleMissing,
            "没有找到报告标题（机关名称 + 年份 + 政府信息公开工作年度报告）",
            None,
        ));
    }
    if year.is_none() {
        findings.push(Finding::new(
            FindingKind::YearMissing,
            "无法确定报告年度：标题和前言中都没有「XXXX年」",
            None,
        ));
    }

    // Which section each line belongs to.
    let mut section_of = vec![None; source.len()];
    for (k, h) in found.iter().enumerate() {
        let end = found.get(k + 1).map_or(source.len(), |n| n.line);
        for s in &mut section_of[h.line + 1..end] {
            *s = Some(h.key);
        }
    }

    // The table region: from the first of sections 二–四 to the first of 五–六 after it.
    let is_table_section = |k: SectionKey| {
        matches!(
            k,
            SectionKey::ActiveDisclosure
                | SectionKey::Applications
                | SectionKey::ReviewsAndLitigation
        )
    };
    let region_start = found
        .iter()
        .find(|h| is_table_section(h.key))
        .or_else(|| found.iter().find(|h| h.key == SectionKey::Overview))
        .map_or(first_heading, |h| h.line + 1);
    let region_end = found
        .iter()
        .find(|h| {
            h.line >= region_start && matches!(h.key, SectionKey::Problems | SectionKey::Other)
        })
        .map_or(source.len(), |h| h.line);
    let region_lines: Vec<RegionLine<'_>> = (region_start..region_end.max(region_start))
        .filter(|&i| !found.iter().any(|h| h.line == i))
        .map(|i| RegionLine {
            source: &source[i],
            shape: &shapes[i],
            section: section_of[i],
        })
        .collect();
    let region_index: Vec<usize> = (region_start..region_end.max(region_start))
        .filter(|&i| !found.iter().any(|h| h.line == i))
        .collect();
    let read = read_tables(&region_lines, year);
    // Lines that are not running text: table content, and (below) section headings.
    let mut table_line = vec![false; source.len()];
    for (k, &i) in region_index.iter().enumerate() {
        table_line[i] = read.is_table_line[k];
    }

    for h in &found {
        table_line[h.line] = true;
    }
    let style = if input == InputKind::Html {
        Style::Blocks
    } else if is_wrapped(source, &shapes, &table_line) {
        Style::Wrapped
    } else {
        Style::OnePerLine
    };
    let preamble = paragraphs(
        source,
        &shapes,
        preamble_start..first_heading,
        &table_line,
        style,
    );

    // Sections in official order.
    let mut sections = Vec::with_capacity(6);
    let mut previous_line = None;
    for def in &SECTIONS {
        let Some((k, h)) = found.iter().enumerate().find(|(_, h)| h.key == def.key) else {
            findings.push({
                let mut f = Finding::new(
                    FindingKind::SectionMissing,
                    format!(
                        "缺少第{}部分「{}」的标题",
                        gaogen_model::schema::CHINESE_NUMERALS[usize::from(def.number) - 1],
                        def.heading()
                    ),
                    None,
                );
                f.expected = Some(def.heading());
                f
            });
            sections.push(Section {
                key: def.key,
                number: def.number,
                official_heading: def.heading(),
                found: false,
                heading: None,
                span: None,
                paragraphs: Vec::new(),
            });
            continue;
        };
        if previous_line.is_some_and(|p| h.line < p) {
            let mut f = Finding::new(
                FindingKind::SectionOutOfOrder,
                format!("「{}」的位置与官方顺序不符", h.heading.text),
                Some(h.heading.span),
            );
            f.expected = Some(def.heading());
            findings.push(f);
        }
        previous_line = Some(h.line);
        if !h.heading.quality.is_official() {
            let mut f = Finding::new(
                FindingKind::SectionHeadingVariant,
                format!(
                    "标题「{}」不是官方写法，应为「{}」",
                    h.heading.text,
                    def.heading()
                ),
                Some(h.heading.span),
            );
            f.expected = Some(def.heading());
            f.found = Some(h.heading.text.clone());
            findings.push(f);
        }
        let end = found.get(k + 1).map_or(source.len(), |n| n.line);
        let mut paras = Vec::new();
        if let Some((text, span)) = &h.rest {
            paras.push(Paragraph::new(text.clone(), *span));
        }
        paras.extend(paragraphs(
            source,
            &shapes,
            h.line + 1..end,
            &table_line,
            style,
        ));
        let last = (h.line..end)
            .rev()
            .find(|&i| !matches!(shapes[i], LineShape::Blank))
            .unwrap_or(h.line);
        sections.push(Section {
            key: def.key,
            number: def.number,
            official_heading: def.heading(),
            found: true,
            heading: Some(h.heading.clone()),
            span: Some(h.heading.span.cover(source[last].whole())),
            paragraphs: paras,
        });
    }
    findings.extend(read.findings);
    let closing = split_closing(&mut sections, agency.as_deref());
    Report {
        source: SourceInfo {
            encoding: encoding.to_string(),
            input,
            lines: source.last().map_or(0, |l| l.origin.line),
        },
        title,
        agency,
        year,
        year_source,
        preamble,
        sections,
        closing,
        tables: read.tables,
        findings,
    }
}

/// The title: the first line before the sections that names a report, with the line before it
/// when the agency stands there (「偃师区缙氏镇人民政府」 / 「2022年政府信息公开工作年度报告」).
fn title_block(
    source: &[SourceLine],
    shapes: &[LineShape<'_>],
    end: usize,
) -> (Option<Located<String>>, Option<usize>) {
    let content = |i: usize| !matches!(shapes[i], LineShape::Blank | LineShape::PageNumber);
    let Some(t) = (0..end).filter(|&i| content(i)).take(12).find(|&i| {
        let n = normalize(&source[i].text);
        n.contains("报告") && n.chars().count() <= 60
    }) else {
        return (None, None);
    };
    let line_text = |i: usize| {
        source[i]
            .text
            .trim()
            .trim_start_matches('#')
            .trim()
            .trim_matches('*')
            .trim()
            .to_string()
    };
    let mut text = line_text(t);
    let mut span = source[t].whole();
    // The agency stands on the line before (「偃师区缙氏镇人民政府」 / 「2022年…报告」), or the
    // title wrapped (「…2024 年政府信息公」 / 「开工作年度报告」).
    let starts_with_year = normalize(&text)
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit());
    if starts_with_year || find_year(&text).is_none() {
        if let Some(p) = (0..t).rev().find(|&i| content(i)) {
            let prev = line_text(p);
            if prev.chars().count() <= 40 && !prev.ends_with('。') {
                text = format!("{prev}{text}");
                span = source[p].whole().cover(span);
            }
        }
    }
    (Some(Located { value: text, span }), Some(t + 1))
}

/// A date alone on a line: 「2024年1月19日」, 「2024-01-19」.
fn is_date(text: &str) -> bool {
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

/// Takes the signature off the end of the last section: trailing short lines that are a date
/// (「2024年1月19日」, 「2024-01-19」) or an agency's name (the report's, or one ending in
/// 人民政府, 办公室, 局, 委员会 …).
fn split_closing(sections: &mut [Section], agency: Option<&str>) -> Vec<Paragraph> {
    let Some(last) = sections.iter_mut().rev().find(|s| s.found) else {
        return Vec::new();
    };
    let is_agency = |t: &str| {
        let n = normalize(t);
        n.chars().count() <= 30
            && !n.contains(['。', '，', ',', '：', ':'])
            && (agency.is_some_and(|a| n == normalize(a) || n.ends_with(&normalize(a)))
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
    };
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

/// The first 「19xx年」 or 「20xx年」 in the text.
fn find_year(text: &str) -> Option<u16> {
    let n = normalize(text);
    let chars: Vec<char> = n.chars().collect();
    chars.windows(5).find_map(|w| {
        let digits: String = w[..4].iter().collect();
        let ok = w[4] == '年'
            && digits.chars().all(|c| c.is_ascii_digit())
            && matches!(&digits[..2], "19" | "20");
        ok.then(|| digits.parse().ok()).flatten()
    })
}

/// The agency named in the title, before the year.
fn agency_of(title: &str) -> Option<String> {
    let n = normalize(title);
    let year_at = n
        .char_indices()
        .find(|&(i, _)| find_year(&n[i..]).is_some_and(|y| n[i..].starts_with(&y.to_string())));
    let before = match year_at {
        Some((i, _)) => &n[..i],
        None => n.split("政府信息公开").next().unwrap_or(""),
    };
    let agency = if let Some(a) = before.strip_suffix("人民政府信息公开工作") {
        format!("{a}人民政府")
    } else {
        before
            .strip_suffix("政府信息公开工作")
            .or_else(|| before.strip_suffix("信息公开工作"))
            .unwrap_or(before)
            .to_string()
    };
    let agency = agency.trim_end_matches(['(', '（']).to_string();
    (!agency.is_empty()).then_some(agency)
}

fn is_text_line(shapes: &[LineShape<'_>], table_line: &[bool], i: usize) -> bool {
    matches!(shapes[i], LineShape::Cells { .. }) && !table_line[i]
}

fn is_indented(line: &SourceLine) -> bool {
    line.text.starts_with("  ") || line.text.starts_with('\t')
}

/// Whether the text is *wrapped*: lines broken mid-sentence, paragraphs started by indentation.
fn is_wrapped(source: &[SourceLine], shapes: &[LineShape<'_>], table_line: &[bool]) -> bool {
    let text: Vec<&SourceLine> = (0..source.len())
        .filter(|&i| is_text_line(shapes, table_line, i))
        .map(|i| &source[i])
        .collect();
    let indented = text.iter().filter(|l| is_indented(l)).count();
    let flush: Vec<_> = text.iter().filter(|l| !is_indented(l)).collect();
    let mid_sentence = flush
        .iter()
        .filter(|l| !ends_sentence(l.text.trim_end()))
        .count();
    indented >= 2 && mid_sentence * 2 >= flush.len()
}

/// How lines make paragraphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
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
fn paragraphs(
    source: &[SourceLine],
    shapes: &[LineShape<'_>],
    range: std::ops::Range<usize>,
    table_line: &[bool],
    style: Style,
) -> Vec<Paragraph> {
    let wrapped = style == Style::Wrapped;
    let is_text = |i: usize| is_text_line(shapes, table_line, i);
    let indented = |i: usize| is_indented(&source[i]);
    let mut out: Vec<Paragraph> = Vec::new();
    let mut open = false;
    for i in range {
        if !is_text(i) {
            let blank = matches!(shapes[i], LineShape::Blank | LineShape::PageNumber);
            if !(wrapped && blank) {
                open = false;
            }
            continue;
        }
        let line = &source[i];
        let text = strip_markdown(line.text.trim());
        if text.is_empty() {
            continue;
        }
        let starts_item = starts_with_ordinal(&text);
        let sub_heading =
            starts_item && text.chars().count() <= 24 && !text.contains(['。', '；', '，']);
        let date = is_date(&text);
        if open && style != Style::Blocks && !starts_item && !date && !(wrapped && indented(i)) {
            if let Some(last) = out.last_mut() {
                last.push_line(&text, line.whole());
                open = wrapped || !ends_sentence(&text);
                continue;
            }
        }
        open = !sub_heading && !date && (wrapped || !ends_sentence(&text));
        out.push(Paragraph::new(text, line.whole()));
    }
    out
}

/// Paragraph text without markdown heading marks and emphasis.
fn strip_markdown(text: &str) -> String {
    text.trim_start_matches('#')
        .trim()
        .replace("**", "")
        .replace("__", "")
}

fn ends_sentence(text: &str) -> bool {
    text.ends_with(['。', '！', '？', '：', ':', '；', '」', '”', '）', ')'])
}

fn starts_with_ordinal(text: &str) -> bool {
    let head: String = text.chars().take(8).collect();
    let n = normalize(&head);
    gaogen_model::label::split_ordinal(&n).0.is_some()
        || ["一是", "二是", "三是", "四是", "五是", "六是"]
            .iter()
            .any(|p| n.starts_with(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_and_agencies() {
        assert_eq!(
            find_year("和田县吾宗肖乡人民政府信息公开工作2023年度报告"),
            Some(2023)
        );
        assert_eq!(find_year("## 2023 年政府信息公开工作年度报告"), Some(2023));
        assert_eq!(
            agency_of("和田县吾宗肖乡人民政府信息公开工作2023年度报告").as_deref(),
            Some("和田县吾宗肖乡人民政府")
        );
        assert_eq!(
            agency_of("文峰乡2021年政府信息公开工作年度报告").as_deref(),
            Some("文峰乡")
        );
        assert_eq!(
            agency_of("淮安市人民政府 2024 年政府信息公开工作年度报告").as_deref(),
            Some("淮安市人民政府")
        );
    }
}
