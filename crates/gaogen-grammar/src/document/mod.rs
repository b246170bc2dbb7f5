//! Assembling the report: title block, preamble, the six sections and their paragraphs, and the
//! table region handed to [`crate::tables`].

mod headings;
mod paragraphs;
mod title;

use crate::lines::LineKind;
use crate::source::Lines;
use crate::tables::{read_tables, Region};
use crate::Detail;
use gaogen_model::schema::{SectionKey, SECTIONS};
use gaogen_model::{
    Finding, FindingKind, InputKind, Paragraph, Report, Section, SourceInfo, YearSource,
};
use headings::{find_headings_and_kinds, heading_after, FoundHeading};
use paragraphs::{is_wrapped, names_agency, paragraphs, split_closing, Style};
use title::{agency_of, find_year, metadata_before, publisher, title_block, title_year};

/// Reads a whole report from its lines. A second report in the same file (two years pasted one
/// after the other) is not read into the first one's section 六: the first is read, the second
/// named in a finding.
pub(crate) fn assemble(
    source: Lines<'_>,
    input: InputKind,
    encoding: &str,
    detail: Detail,
) -> Report {
    // One pass over the lines finds the headings and every line's kind (lines are split into
    // cells only later, for the report that is read: memory stays linear).
    let (found, kinds) = find_headings_and_kinds(source);
    let Some((second, title)) = second_report(source, &found) else {
        return assemble_one(source, &kinds, found, input, encoding, detail);
    };
    let first = source.slice(..second);
    let found = found.into_iter().filter(|h| h.line < second).collect();
    let mut report = assemble_one(first, &kinds[..second], found, input, encoding, detail);
    let line = source.line(title);
    let mut f = Finding::new(
        FindingKind::SecondReport,
        format!(
            "文件中从这里起是另一份报告（「{}」），只读取了前一份；两份报告应分别发布、分别检查",
            line.text.trim()
        ),
        Some(line.whole()),
    );
    f.found = Some(line.text.trim().into());
    report.findings.push(f);
    report.source.lines = source.last().map_or(0, |l| l.origin.line);
    report
}

/// Where a second report starts: a report title (naming 政府信息公开 and a year) shortly before a
/// heading 「一、…」 that follows the heading of 六, with the agency line above the title; and the
/// title's line.
fn second_report(source: Lines<'_>, found: &[FoundHeading]) -> Option<(usize, usize)> {
    let six = found.iter().position(|h| h.key == SectionKey::Other)?;
    let again = heading_after(source, found[six].line + 1, SectionKey::Overview)?;
    let title = (found[six].line + 1..again)
        .rev()
        .filter(|&i| !source.line(i).text.trim().is_empty())
        .take(8)
        .find(|&i| {
            let t = source.line(i).text;
            title::is_title(t) && t.contains("政府信息公开") && find_year(t).is_some()
        })?;
    // The agency standing alone above the title belongs to the second report too.
    let above = (found[six].line + 1..title)
        .rev()
        .find(|&i| !source.line(i).text.trim().is_empty());
    let start = match above {
        Some(i)
            if find_year(source.line(i).text).is_none()
                && names_agency(source.line(i).text, None) =>
        {
            i
        }
        _ => title,
    };
    Some((start, title))
}

fn assemble_one(
    source: Lines<'_>,
    kinds: &[LineKind],
    found: Vec<FoundHeading>,
    input: InputKind,
    encoding: &str,
    detail: Detail,
) -> Report {
    let mut findings = Vec::new();
    let first_heading = found.first().map_or(source.len(), |h| h.line);

    // Title block and preamble.
    let (title, title_end) = title_block(source, kinds, first_heading);
    let preamble_start = title_end.unwrap_or(0);
    let title_text = title.as_ref().map(|t| t.value.clone()).unwrap_or_default();
    let (mut year, mut year_source) = (title_year(&title_text), Some(YearSource::Title));
    if year.is_none() {
        year = source
            .slice(preamble_start..first_heading)
            .iter()
            .find_map(|l| find_year(l.text));
        year_source = Some(YearSource::Preamble);
    }
    if year.is_none() {
        year = source
            .slice(first_heading..)
            .iter()
            .take(40)
            .find_map(|l| find_year(l.text));
        year_source = Some(YearSource::Body);
    }
    let year_source = year.and(year_source);
    let agency = title
        .as_ref()
        .and_then(|t| agency_of(&t.value))
        .or_else(|| publisher(source, first_heading));
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
    let mut region_start = found
        .iter()
        .find(|h| is_table_section(h.key))
        .or_else(|| found.iter().find(|h| h.key == SectionKey::Overview))
        .map_or(first_heading, |h| h.line + 1);
    // A fragment that starts inside 表二 (no heading of 一 or 二 before 三 or 四): the lines
    // before the first heading are read for tables too.
    let starts_inside_tables = found.first().is_some_and(|h| {
        matches!(
            h.key,
            SectionKey::Applications | SectionKey::ReviewsAndLitigation
        )
    }) && !found
        .iter()
        .any(|h| matches!(h.key, SectionKey::Overview | SectionKey::ActiveDisclosure));
    if starts_inside_tables {
        region_start = preamble_start.min(first_heading);
    }
    let region_end = found
        .iter()
        .find(|h| {
            h.line >= region_start && matches!(h.key, SectionKey::Problems | SectionKey::Other)
        })
        .map_or(source.len(), |h| h.line);
    let region = region_start..region_end.max(region_start);
    let mut headings: Vec<usize> = found
        .iter()
        .filter(|h| region.contains(&h.line))
        .map(|h| h.line - region.start)
        .collect();
    headings.sort_unstable();
    let read = read_tables(
        &Region {
            source: source.slice(region.clone()),
            kinds: &kinds[region.clone()],
            sections: &section_of[region.clone()],
            headings: &headings,
            drop_unread: detail == Detail::Check,
        },
        year,
        region_end == source.len(),
    );
    // Lines that are not running text: table content, and (below) section headings.
    let mut table_line = vec![false; source.len()];
    table_line[region].copy_from_slice(&read.is_table_line);

    for h in &found {
        table_line[h.line] = true;
    }
    let style = if input == InputKind::Html {
        Style::Blocks
    } else if is_wrapped(source, kinds, &table_line) {
        Style::Wrapped
    } else {
        Style::OnePerLine
    };
    // A page's metadata lines before the title (「发布时间: …」) are kept with the preamble.
    // Both in the vector the paragraphs were read into (a long preamble is not copied).
    let mut preamble = paragraphs(
        source,
        kinds,
        preamble_start..first_heading,
        &table_line,
        style,
    );
    if let Some(end) = title_end {
        preamble.splice(0..0, metadata_before(source, end - 1));
    }

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
                f.expected = Some(def.heading().into());
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
            f.expected = Some(def.heading().into());
            findings.push(f);
        }
        previous_line = Some(h.line);
        if !h.heading.quality.is_official() && !official_2019_heading(h, year) {
            let mut f = Finding::new(
                FindingKind::SectionHeadingVariant,
                format!(
                    "标题「{}」不是官方写法，应为「{}」",
                    h.heading.text,
                    def.heading()
                ),
                Some(h.heading.span),
            );
            f.expected = Some(def.heading().into());
            f.found = Some(h.heading.text.as_str().into());
            findings.push(f);
        }
        let end = found.get(k + 1).map_or(source.len(), |n| n.line);
        // The section's paragraphs in the vector they were read into (not copied into a second:
        // a long report has hundreds of thousands); text after the heading on its line first.
        let mut paras = paragraphs(source, kinds, h.line + 1..end, &table_line, style);
        if let Some((text, span)) = &h.rest {
            paras.reserve_exact(1);
            paras.insert(0, Paragraph::new(text.clone(), *span));
        }
        let last = (h.line..end)
            .rev()
            .find(|&i| kinds[i] != LineKind::Blank)
            .unwrap_or(h.line);
        sections.push(Section {
            key: def.key,
            number: def.number,
            official_heading: def.heading(),
            found: true,
            heading: Some(h.heading.clone()),
            span: Some(h.heading.span.cover(source.line(last).whole())),
            paragraphs: paras,
        });
    }
    // The tables' findings after the others, moved into their vector (not copied into a second
    // one: a large report can have hundreds of thousands), room made exactly (one more for the
    // truncation finding `parse_decoded` may put first), so the vector does not double.
    let mut read_findings = read.findings;
    read_findings.reserve_exact(findings.len() + 1);
    read_findings.splice(0..0, findings);
    let findings = read_findings;
    let closing = split_closing(&mut sections, agency.as_deref());
    // A title without the agency (「2022年政府信息公开工作年度报告」): the closing signature names it.
    let agency = agency.or_else(|| {
        closing
            .iter()
            .find(|p| !paragraphs::is_date(&p.text))
            .map(|p| p.text.trim().to_string())
    });
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

/// The 2019 edition's heading of 五 (「五、政府信息公开工作存在的主要问题及改进情况」) is official
/// in a report of a year that edition applies to (2019, 2020).
fn official_2019_heading(h: &FoundHeading, year: Option<u16>) -> bool {
    h.key == SectionKey::Problems
        && year.is_some_and(|y| {
            gaogen_model::FormatVersion::expected_for_year(y) == gaogen_model::FormatVersion::V2019
        })
        && gaogen_model::label::normalize(&h.heading.text)
            .ends_with("政府信息公开工作存在的主要问题及改进情况")
}
