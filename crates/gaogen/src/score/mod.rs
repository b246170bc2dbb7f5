//! Scoring reports with a profile (`gaogen score`): every item's points, what was deducted and
//! why (the diagnostics and cells that decided it, with file, page and line), and the items that
//! could not be assessed, counted as the profile says and always shown as such.

mod format;
pub mod profile;
mod run;
mod text;
mod xlsx;

pub use format::ScoreFormat;
pub use profile::{Item, Measure, NotAssessable, Profile};
pub use run::{score_paths, ScoreRun};

use gaogen_model::check::{Diagnostic, Severity};
use gaogen_model::diff::{ReportDiff, PAIR_RULES};
use gaogen_model::schema::T4_GROUPS;
use gaogen_model::RowId;
use gaogen_model::{Report, Span, TableKey};
use serde::Serialize;

/// A place in a file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Place {
    pub file: String,
    /// The PDF page (from `pdftotext`'s page breaks), when the file is a PDF.
    pub page: Option<u32>,
    pub line: u32,
    pub column: u32,
}

/// A value involved in a finding (a table cell, the quoted text), with where it stands.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Value {
    pub label: String,
    pub page: Option<u32>,
    pub line: u32,
    pub column: u32,
}

/// What decided (part of) an item.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    pub file: String,
    /// The rule's code; `None` for a figure the item measures itself (reuse, 表四 cells).
    pub code: Option<&'static str>,
    pub severity: Option<Severity>,
    pub message: String,
    pub page: Option<u32>,
    pub line: Option<u32>,
    pub column: Option<u32>,
    pub values: Vec<Value>,
    /// The evidence could not be assessed (it explains a not-assessable item).
    pub not_assessable: bool,
    /// For rules across two years: the place in last year's report.
    pub previous: Option<Place>,
    /// Points this piece of evidence took off.
    pub deducted: f64,
}

/// One item of one report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemScore {
    pub id: String,
    pub title: String,
    pub points: f64,
    pub deducted: f64,
    pub not_assessable: bool,
    pub evidence: Vec<Evidence>,
}

/// One report's score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportScore {
    pub path: String,
    pub agency: Option<String>,
    pub year: Option<u16>,
    /// The paired report of the year before, if any.
    pub previous: Option<String>,
    pub score: f64,
    pub max: f64,
    pub items: Vec<ItemScore>,
}

/// Line → page, for text from `pdftotext` (pages end with a form feed).
#[derive(Debug, Clone, Default)]
pub struct Pages {
    /// The page of each line (index = line − 1); empty when the text has no page breaks.
    of_line: Vec<u32>,
}

impl Pages {
    pub fn new(text: &str) -> Pages {
        // One SIMD search (`str::contains` tests a word at a time): most texts have no page.
        if memchr::memchr(b'\x0c', text.as_bytes()).is_none() {
            return Pages::default();
        }
        let mut of_line = Vec::new();
        let mut page = 1;
        let bytes = text.as_bytes();
        let mut i = 0;
        let mut line_page = page;
        while i < bytes.len() {
            match bytes[i] {
                b'\x0c' => {
                    page += 1;
                    if i == 0 || matches!(bytes[i - 1], b'\n' | b'\r') {
                        line_page = page;
                    }
                }
                b'\n' => {
                    of_line.push(line_page);
                    line_page = page;
                }
                b'\r' => {
                    of_line.push(line_page);
                    line_page = page;
                    if bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                }
                _ => {}
            }
            i += 1;
        }
        of_line.push(line_page);
        Pages { of_line }
    }

    /// The text has no page breaks.
    pub fn is_empty(&self) -> bool {
        self.of_line.is_empty()
    }

    pub fn page(&self, line: u32) -> Option<u32> {
        self.of_line.get((line as usize).checked_sub(1)?).copied()
    }
}

/// A report ready to be scored.
#[derive(Debug)]
pub struct Scorable<'a> {
    pub path: &'a str,
    pub pages: &'a Pages,
    pub report: &'a Report,
    /// Every check rule's diagnostics on it.
    pub diagnostics: &'a [Diagnostic],
    pub previous: Option<Previous<'a>>,
}

/// The paired report of the year before and the comparison.
#[derive(Debug)]
pub struct Previous<'a> {
    pub path: &'a str,
    pub pages: &'a Pages,
    pub diff: &'a ReportDiff,
}

fn evidence_of(d: &Diagnostic, s: &Scorable<'_>) -> Evidence {
    let value = |span: &Span, label: &str| Value {
        label: label.to_string(),
        page: s.pages.page(span.line),
        line: span.line,
        column: span.column,
    };
    Evidence {
        file: s.path.to_string(),
        code: Some(d.code),
        severity: Some(d.severity),
        message: d.message.to_string(),
        page: d.span.and_then(|sp| s.pages.page(sp.line)),
        line: d.span.map(|sp| sp.line),
        column: d.span.map(|sp| sp.column),
        values: d.marks.iter().map(|m| value(&m.span, &m.label)).collect(),
        not_assessable: d.not_assessable,
        previous: match (&s.previous, d.previous) {
            (Some(p), Some(sp)) => Some(Place {
                file: p.path.to_string(),
                page: p.pages.page(sp.line),
                line: sp.line,
                column: sp.column,
            }),
            _ => None,
        },
        deducted: 0.0,
    }
}

/// A figure the item measures itself, placed at `span` of the report.
fn figure(s: &Scorable<'_>, message: String, span: Option<Span>, values: Vec<Value>) -> Evidence {
    Evidence {
        file: s.path.to_string(),
        code: None,
        severity: None,
        message,
        page: span.and_then(|sp| s.pages.page(sp.line)),
        line: span.map(|sp| sp.line),
        column: span.map(|sp| sp.column),
        values,
        not_assessable: false,
        previous: None,
        deducted: 0.0,
    }
}

/// Scores one item: the evidence, the points off before the cap, and whether it could be
/// assessed at all.
fn assess(item: &Item, s: &Scorable<'_>) -> (Vec<Evidence>, f64, bool) {
    let title_span = s.report.title.as_ref().map(|t| t.span);
    if item.requires_previous && s.previous.is_none() {
        let mut e = figure(
            s,
            "没有同一机关上一年的报告可以配对，无法评估（把上一年的报告放在同一目录中）".into(),
            title_span,
            Vec::new(),
        );
        e.not_assessable = true;
        return (vec![e], 0.0, true);
    }
    match item.measure {
        profile::Measure::Findings => {
            // The comparison also re-runs S-2 on this year's report: only the rules across two
            // years are taken from it.
            let pair = s.previous.as_ref().map(|p| p.diff.diagnostics.as_slice());
            let across_years = |d: &&Diagnostic| PAIR_RULES.iter().any(|r| r.code() == d.code);
            let mut evidence = Vec::new();
            let mut off = 0.0;
            let mut unassessed = false;
            for d in s
                .diagnostics
                .iter()
                .chain(pair.unwrap_or_default().iter().filter(across_years))
            {
                if !item.decided_by(d.code) {
                    continue;
                }
                if d.not_assessable {
                    unassessed = true;
                    evidence.push(evidence_of(d, s));
                } else if item.severity.admits(d.severity) {
                    let times = match item.per {
                        profile::Per::Cell => d.marks.len().max(1) as f64,
                        profile::Per::Finding => 1.0,
                    };
                    let mut e = evidence_of(d, s);
                    e.deducted = item.deduct * times;
                    off += e.deducted;
                    evidence.push(e);
                }
            }
            (evidence, off, unassessed && off == 0.0)
        }
        profile::Measure::Reuse => {
            let Some(p) = &s.previous else {
                return (Vec::new(), 0.0, true);
            };
            let reuse = &p.diff.text;
            let threshold = item.threshold.unwrap_or(0.5);
            if reuse.new_chars == 0 {
                let mut e = figure(
                    s,
                    "正文没有文字，无法计算与上一年相同的比例".into(),
                    title_span,
                    Vec::new(),
                );
                e.not_assessable = true;
                return (vec![e], 0.0, true);
            }
            let above = reuse.ratio > threshold;
            let mut e = figure(
                s,
                format!(
                    "全文 {:.0}% 的文字与上一年报告 {} 相同（{} 字中 {} 字），{} {:.0}%",
                    reuse.ratio * 100.0,
                    p.path,
                    reuse.new_chars,
                    reuse.reused_chars,
                    if above { "超过" } else { "未超过" },
                    threshold * 100.0
                ),
                title_span,
                reuse
                    .sections
                    .iter()
                    .filter(|sec| sec.new_chars > 0)
                    .filter_map(|sec| {
                        let sp = sec.span?;
                        Some(Value {
                            label: format!(
                                "{}：{:.0}%（{} 字中 {} 字）",
                                sec.heading,
                                sec.ratio * 100.0,
                                sec.new_chars,
                                sec.reused_chars
                            ),
                            page: s.pages.page(sp.line),
                            line: sp.line,
                            column: sp.column,
                        })
                    })
                    .collect(),
            );
            let off = if above { item.deduct } else { 0.0 };
            e.deducted = off;
            (vec![e], off, false)
        }
        profile::Measure::CorrectedCases => corrected_cases(item, s),
    }
}

/// 表四's three 结果纠正 cells: `deduct` per case.
fn corrected_cases(item: &Item, s: &Scorable<'_>) -> (Vec<Evidence>, f64, bool) {
    let table = s.report.table(TableKey::ReviewsAndLitigation);
    let title_span = s.report.title.as_ref().map(|t| t.span);
    if !table.found {
        let mut e = figure(
            s,
            "没有读到表四，无法统计被纠错的复议、诉讼案件（不视为没有）".into(),
            title_span,
            Vec::new(),
        );
        e.not_assessable = true;
        return (vec![e], 0.0, true);
    }
    let mut evidence = Vec::new();
    let mut off = 0.0;
    let mut unreadable = Vec::new();
    for group in &T4_GROUPS {
        let (column, name) = (group.corrected(), group.name);
        let cell = table.cell(RowId::Cases, column);
        match cell.and_then(|c| c.value.as_count()) {
            Some(0) => {}
            Some(n) => {
                let span = cell.and_then(|c| c.span);
                let values = span
                    .map(|sp| Value {
                        label: format!("表四 {name} 结果纠正：{n} 件"),
                        page: s.pages.page(sp.line),
                        line: sp.line,
                        column: sp.column,
                    })
                    .into_iter()
                    .collect();
                let mut e = figure(
                    s,
                    format!("表四{name}「结果纠正」{n} 件：每件扣 {} 分", item.deduct),
                    span,
                    values,
                );
                e.deducted = item.deduct * n as f64;
                off += e.deducted;
                evidence.push(e);
            }
            None => unreadable.push(name),
        }
    }
    if !unreadable.is_empty() {
        let mut e = figure(
            s,
            format!(
                "表四{}的「结果纠正」为空或缺失，无法统计（不视为 0）",
                unreadable.join("、")
            ),
            table.span,
            Vec::new(),
        );
        e.not_assessable = true;
        evidence.push(e);
        return (evidence, off, off == 0.0);
    }
    (evidence, off, false)
}

/// Scores one report with a profile.
pub fn score(profile: &Profile, s: &Scorable<'_>) -> ReportScore {
    let mut items = Vec::new();
    let (mut max, mut lost) = (0.0, 0.0);
    for item in &profile.items {
        let (evidence, off, unassessed) = assess(item, s);
        let deducted = if unassessed {
            match item.not_assessable {
                NotAssessable::Exclude | NotAssessable::Full => 0.0,
                NotAssessable::Zero => item.points,
            }
        } else {
            off.min(item.cap())
        };
        if !(unassessed && item.not_assessable == NotAssessable::Exclude) {
            max += item.points;
            lost += deducted;
        }
        items.push(ItemScore {
            id: item.id.clone(),
            title: item.title.clone(),
            points: item.points,
            deducted: round(deducted),
            not_assessable: unassessed,
            evidence,
        });
    }
    ReportScore {
        path: s.path.to_string(),
        agency: s.report.agency.clone(),
        year: s.report.year,
        previous: s.previous.as_ref().map(|p| p.path.to_string()),
        score: round(max - lost),
        max: round(max),
        items,
    }
}

/// Two decimals (points are halves and quarters; sums of f64 must not show 0.30000000000000004).
pub fn round(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_follow_form_feeds() {
        let p = Pages::new("a\nb\n\u{c}c\nd\u{c}\ne");
        assert_eq!(p.page(1), Some(1));
        assert_eq!(p.page(2), Some(1));
        assert_eq!(p.page(3), Some(2));
        assert_eq!(p.page(4), Some(2));
        assert_eq!(p.page(5), Some(3));
        assert_eq!(Pages::new("a\nb").page(1), None);
    }
}
