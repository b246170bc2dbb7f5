//! The sheet 基本信息: agency, year, date, contact and the text, one paragraph per row; and the
//! report assembled from it and the three tables.

use super::layout::{text_parts, INFO_FIELDS, SHEET_INFO};
use super::read::text_at;
use super::{Place, Places};
use calamine::{Data, Range};
use gaogen_model::check::{Diagnostic, Severity};
use gaogen_model::schema::{SectionKey, SECTIONS};
use gaogen_model::{
    InputKind, Located, Paragraph, Report, Section, SourceInfo, Span, Table, Tables, YearSource,
};

/// What 基本信息 holds.
#[derive(Debug, Default)]
pub(crate) struct Info {
    pub agency: Option<(String, Span)>,
    pub year: Option<(u16, Span)>,
    pub date: Option<String>,
    pub contact: Option<String>,
    pub preamble: Vec<Paragraph>,
    pub sections: Vec<(SectionKey, Vec<Paragraph>, Option<Span>)>,
}

fn value_text(range: &Range<Data>, row: u32, col: u16) -> String {
    match range.get_value((row, u32::from(col))) {
        Some(Data::String(s)) => s.trim().to_string(),
        Some(Data::Float(f)) if f.fract() == 0.0 => format!("{}", *f as i64),
        Some(Data::Empty) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

fn error(message: String, span: Option<Span>, help: &str) -> Diagnostic {
    Diagnostic::new("A-VALUE", Severity::Error, message, span).help(help.to_string())
}

/// Reads 基本信息; problems become diagnostics at their cell, never a refusal.
pub(crate) fn read_info(
    range: &Range<Data>,
    places: &mut Places,
    out: &mut Vec<Diagnostic>,
) -> Info {
    let mut info = Info::default();
    let end = range.end().map_or(0, |(r, _)| r);
    let find = |label: &str| (0..=end.min(50)).find(|&r| text_at(range, r, 0) == label);
    for (key, label) in INFO_FIELDS {
        let Some(row) = find(label) else {
            if matches!(key, "agency" | "year") {
                out.push(error(
                    format!("工作表「{SHEET_INFO}」中没有「{label}」这一行"),
                    None,
                    "A 列写「机关名称」「报告年度」，B 列写内容（见 gaogen init 生成的工作簿）",
                ));
            }
            continue;
        };
        let text = value_text(range, row, 1);
        let span = places.add(Place::new(SHEET_INFO, row, 1, label.to_string()));
        match key {
            "agency" if text.is_empty() => out.push(error(
                format!("{SHEET_INFO}!B{} 的机关名称是空白", row + 1),
                Some(span),
                "填写机关全称",
            )),
            "agency" => info.agency = Some((text, span)),
            "year" => match text
                .parse::<u16>()
                .ok()
                .filter(|y| (2019..=2100).contains(y))
            {
                Some(y) => info.year = Some((y, span)),
                None => out.push(error(
                    format!("{SHEET_INFO}!B{} 的报告年度「{text}」无效", row + 1),
                    Some(span),
                    "填写 2019 到 2100 之间的年度，如 2025",
                )),
            },
            "date" => info.date = Some(text).filter(|t| !t.is_empty()),
            _ => info.contact = Some(text).filter(|t| !t.is_empty()),
        }
    }
    let parts = text_parts();
    let mut sections: Vec<(SectionKey, Vec<Paragraph>, Option<Span>)> =
        SECTIONS.iter().map(|s| (s.key, Vec::new(), None)).collect();
    let Some(header) = find("部分") else {
        out.push(error(
            format!("工作表「{SHEET_INFO}」中没有「部分」表头行，正文没有读入"),
            None,
            "A 列写部分名称（前言、一、总体情况……），B 列每行一段文字",
        ));
        info.sections = sections;
        return info;
    };
    // `None` before any part; `Some(None)` is the preamble.
    let mut current: Option<Option<SectionKey>> = None;
    for row in header + 1..=end {
        let name = text_at(range, row, 0);
        if !name.is_empty() {
            current = parts
                .iter()
                .find(|(_, p)| p.chars().filter(|c| !c.is_whitespace()).collect::<String>() == name)
                .map(|(k, _)| *k);
            if current.is_none() {
                let span = places.add(Place::new(SHEET_INFO, row, 0, name.clone()));
                out.push(error(
                    format!("{SHEET_INFO}!A{}「{name}」不是报告的部分名称，这一行的文字没有读入", row + 1),
                    Some(span),
                    "A 列写「前言」或官方章节标题（如「一、总体情况」），或者留空（属于上面的部分）",
                ));
            }
        }
        let text = value_text(range, row, 1);
        if text.is_empty() {
            continue;
        }
        let Some(part) = current else {
            if name.is_empty() {
                let span = places.add(Place::new(SHEET_INFO, row, 1, String::new()));
                out.push(error(
                    format!("{SHEET_INFO}!B{} 的文字不属于任何部分，没有读入", row + 1),
                    Some(span),
                    "在 A 列写上部分名称",
                ));
            }
            continue;
        };
        let span = places.add(Place::new(
            SHEET_INFO,
            row,
            1,
            text.chars().take(20).collect::<String>(),
        ));
        let paragraphs = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(|l| Paragraph::new(l.to_string(), span));
        match part {
            None => info.preamble.extend(paragraphs),
            Some(k) => {
                if let Some(entry) = sections.iter_mut().find(|(key, _, _)| *key == k) {
                    entry.1.extend(paragraphs);
                    entry.2.get_or_insert(span);
                }
            }
        }
    }
    info.sections = sections;
    info
}

/// The report from 基本信息 and the three tables (in [`gaogen_model::TableKey::ALL`] order).
pub(crate) fn assemble(info: &Info, tables: Vec<Table>, places: usize) -> Report {
    let mut tables = tables.into_iter();
    let mut next = || tables.next().expect("three tables");
    let tables = Tables {
        active_disclosure: next(),
        applications: next(),
        reviews_and_litigation: next(),
    };
    let agency = info.agency.as_ref().map(|(a, _)| a.clone());
    let year = info.year.map(|(y, _)| y);
    let title_span = info
        .agency
        .as_ref()
        .map(|(_, s)| *s)
        .or(info.year.map(|(_, s)| s));
    let title = match (&agency, year, title_span) {
        (Some(a), Some(y), Some(span)) => Some(Located {
            value: format!("{a}{y}年政府信息公开工作年度报告"),
            span,
        }),
        _ => None,
    };
    let fallback = title_span.unwrap_or(Span::on_line(1, 1, 2));
    let sections = SECTIONS
        .iter()
        .map(|def| {
            let (_, paragraphs, span) = info
                .sections
                .iter()
                .find(|(k, _, _)| *k == def.key)
                .cloned()
                .unwrap_or((def.key, Vec::new(), None));
            Section::authored(def, span, fallback, paragraphs)
        })
        .collect();
    Report {
        source: SourceInfo {
            encoding: "UTF-8".into(),
            input: InputKind::Xlsx,
            lines: places as u32,
        },
        title,
        agency,
        year,
        year_source: year.map(|_| YearSource::Title),
        preamble: info.preamble.clone(),
        sections,
        closing: Vec::new(),
        tables,
        findings: Vec::new(),
    }
}
