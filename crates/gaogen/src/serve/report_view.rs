//! What the 检查 page shows for one file: the text with every diagnostic at its line, and the
//! three tables as read with each cell marked.

use crate::check::Checked;
use gaogen_model::check::{Diagnostic, Severity};
use gaogen_model::schema::{t4_group, table_schema};
use gaogen_model::{CellValue, ColumnId, Report, RowId, RowStatus, Span, TableKey};

/// A diagnostic as shown.
#[derive(Debug)]
pub(crate) struct DiagView {
    pub code: &'static str,
    /// `error`, `warning`, `info` (CSS class).
    pub class: &'static str,
    pub severity: &'static str,
    pub message: String,
    pub place: String,
    pub help: String,
    /// 「左边 … = 12；右边 … = 10；相差 2」.
    pub equation: String,
    pub culprit: String,
    pub marks: Vec<String>,
}

/// A piece of a source line: `marked` when a diagnostic points at it.
#[derive(Debug)]
pub(crate) struct Piece {
    pub text: String,
    pub marked: bool,
}

#[derive(Debug)]
pub(crate) struct LineView {
    pub number: u32,
    pub pieces: Vec<Piece>,
    pub diagnostics: Vec<DiagView>,
    /// 「…（省略 120 行）」 before this line.
    pub gap: usize,
}

#[derive(Debug)]
pub(crate) struct CellView {
    pub text: String,
    /// read, blank, text, missing, na, broken, culprit.
    pub class: &'static str,
    pub title: String,
}

#[derive(Debug)]
pub(crate) struct RowView {
    pub label: String,
    pub note: String,
    pub cells: Vec<CellView>,
}

#[derive(Debug)]
pub(crate) struct TableView {
    pub caption: String,
    pub groups: Vec<(String, usize)>,
    pub columns: Vec<&'static str>,
    pub rows: Vec<RowView>,
}

#[derive(Debug)]
pub(crate) struct FileView {
    pub id: usize,
    pub checked: Checked,
    pub lines: Vec<LineView>,
    pub unplaced: Vec<DiagView>,
    pub tables: Vec<TableView>,
    pub trailing_gap: usize,
}

/// Above this many lines only the lines around diagnostics are shown.
const FULL_TEXT_LINES: usize = 3000;
const CONTEXT: u32 = 3;
const MAX_LINE_CHARS: usize = 2000;

fn point(s: &Span) -> String {
    format!("第 {} 行第 {} 列", s.line, s.column)
}

pub(crate) fn diag_view(d: &Diagnostic) -> DiagView {
    let (class, severity) = match d.severity {
        Severity::Error => ("error", "错误"),
        Severity::Warning => ("warning", "警告"),
        Severity::Info => ("info", "提示"),
    };
    let equation = d.equation.as_ref().map_or(String::new(), |e| {
        let side = |terms: &[gaogen_model::check::Term]| {
            terms
                .iter()
                .map(|t| format!("{} {}", t.label, t.value))
                .collect::<Vec<_>>()
                .join(" + ")
        };
        format!(
            "左边：{} = {}；右边：{} = {}；相差 {}",
            side(&e.left),
            e.left_sum,
            side(&e.right),
            e.right_sum,
            e.difference
        )
    });
    let culprit = d.culprit.as_ref().map_or(String::new(), |c| {
        format!(
            "最可能有误的单元格：{}（现为 {}，改为 {} 可使 {} 同时成立）",
            c.label,
            c.value,
            c.mended_value,
            c.breaks.join("、")
        )
    });
    DiagView {
        code: d.code,
        class,
        severity,
        message: d.message.to_string(),
        place: d.span.as_ref().map_or(String::new(), point),
        help: d.help.as_deref().unwrap_or_default().to_string(),
        equation,
        culprit,
        marks: d
            .marks
            .iter()
            .map(|m| format!("{}：{}", point(&m.span), m.label))
            .collect(),
    }
}

/// Every (line, start column, end column) a diagnostic points at.
fn marked_ranges(diagnostics: &[Diagnostic]) -> Vec<(u32, u32, u32)> {
    let mut out = Vec::new();
    let mut push = |s: &Span| {
        if s.line == s.end_line {
            out.push((s.line, s.column, s.end_column.max(s.column + 1)));
        } else {
            out.push((s.line, s.column, u32::MAX));
        }
    };
    for d in diagnostics {
        d.span.iter().for_each(&mut push);
        d.marks.iter().for_each(|m| push(&m.span));
        if let Some(s) = d.culprit.as_ref().and_then(|c| c.span.as_ref()) {
            push(s);
        }
    }
    out.sort_unstable();
    out
}

fn pieces(line: &str, number: u32, ranges: &[(u32, u32, u32)]) -> Vec<Piece> {
    let chars: Vec<char> = line.chars().take(MAX_LINE_CHARS).collect();
    let cut = line.chars().nth(MAX_LINE_CHARS).is_some();
    let mut marked = vec![false; chars.len()];
    for &(_, start, end) in ranges.iter().filter(|r| r.0 == number) {
        let (a, b) = (
            (start as usize).saturating_sub(1),
            (end as usize).saturating_sub(1),
        );
        for m in marked.iter_mut().take(b.min(chars.len())).skip(a) {
            *m = true;
        }
    }
    let mut out: Vec<Piece> = Vec::new();
    for (c, m) in chars.into_iter().zip(marked) {
        match out.last_mut() {
            Some(p) if p.marked == m => p.text.push(c),
            _ => out.push(Piece {
                text: c.to_string(),
                marked: m,
            }),
        }
    }
    if cut {
        out.push(Piece {
            text: "…（此行过长，其余省略）".into(),
            marked: false,
        });
    }
    out
}

fn text_lines(text: &str, diagnostics: &[Diagnostic]) -> (Vec<LineView>, Vec<DiagView>, usize) {
    let all: Vec<&str> = text.split('\n').map(|l| l.trim_end_matches('\r')).collect();
    let total = all.len() as u32;
    let ranges = marked_ranges(diagnostics);
    let mut unplaced = Vec::new();
    let mut at: std::collections::BTreeMap<u32, Vec<DiagView>> = Default::default();
    for d in diagnostics {
        match d.span.or(d.culprit.as_ref().and_then(|c| c.span)) {
            Some(s) if s.line >= 1 && s.line <= total => {
                at.entry(s.end_line.clamp(s.line, total))
                    .or_default()
                    .push(diag_view(d));
            }
            _ => unplaced.push(diag_view(d)),
        }
    }
    let full = all.len() <= FULL_TEXT_LINES;
    let diag_lines: Vec<u32> = at.keys().copied().collect();
    let shown = |n: u32| {
        full || diag_lines
            .iter()
            .any(|&k| n + CONTEXT >= k && n <= k + CONTEXT)
            || ranges.iter().any(|r| r.0 == n)
    };
    let mut lines = Vec::new();
    let mut gap = 0;
    for (i, line) in all.iter().enumerate() {
        let number = i as u32 + 1;
        if !shown(number) {
            gap += 1;
            continue;
        }
        lines.push(LineView {
            number,
            pieces: pieces(line, number, &ranges),
            diagnostics: at.remove(&number).unwrap_or_default(),
            gap,
        });
        gap = 0;
    }
    (lines, unplaced, gap)
}

fn cell_view(value: &CellValue, broken: Option<&'static str>, title: String) -> CellView {
    let (text, class) = match value {
        CellValue::Count { raw, .. } | CellValue::Amount { raw, .. } => (raw.clone(), "read"),
        CellValue::Empty { marker } if marker.is_empty() => ("空白".into(), "blank"),
        CellValue::Empty { marker } => (marker.clone(), "blank"),
        CellValue::Text { raw } => (raw.clone(), "text"),
        CellValue::Missing => ("缺".into(), "missing"),
    };
    CellView {
        text: text.to_string(),
        class: broken.unwrap_or(class),
        title,
    }
}

fn table_view(report: &Report, key: TableKey, diagnostics: &[Diagnostic]) -> TableView {
    let table = report.table(key);
    let schema = table_schema(key, table.version);
    let broken = |row: RowId, column: ColumnId| -> Option<&'static str> {
        let in_table = diagnostics.iter().filter(|d| d.table == Some(key));
        let mut hit = None;
        for d in in_table {
            if d.culprit
                .as_ref()
                .is_some_and(|c| c.row == row && c.column == column)
            {
                return Some("culprit");
            }
            if d.equation.as_ref().is_some_and(|e| {
                e.left
                    .iter()
                    .chain(&e.right)
                    .any(|t| t.row == row && t.column == column)
            }) {
                hit = Some("broken");
            }
        }
        hit
    };
    let columns: Vec<ColumnId> = schema
        .columns
        .iter()
        .filter(|c| {
            table
                .rows
                .iter()
                .any(|r| r.cells.iter().any(|x| x.column == c.id))
        })
        .map(|c| c.id)
        .collect();
    let mut groups: Vec<(String, usize)> = Vec::new();
    if key == TableKey::ReviewsAndLitigation {
        for &c in &columns {
            let g = t4_group(c).unwrap_or("").to_string();
            match groups.last_mut() {
                Some((name, n)) if *name == g => *n += 1,
                _ => groups.push((g, 1)),
            }
        }
    }
    let rows = table
        .rows
        .iter()
        .map(|r| RowView {
            label: r.label.to_string(),
            note: match r.status {
                RowStatus::Found => String::new(),
                RowStatus::Missing => "未读到此行".into(),
                RowStatus::Ambiguous => format!(
                    "数值个数与列数不符，未放入：{}",
                    r.unplaced
                        .iter()
                        .map(|v| match &v.value {
                            CellValue::Count { raw, .. }
                            | CellValue::Amount { raw, .. }
                            | CellValue::Text { raw } => raw.clone(),
                            _ => "空".into(),
                        })
                        .collect::<Vec<_>>()
                        .join(" ")
                ),
            },
            cells: columns
                .iter()
                .map(|&c| match r.cells.iter().find(|x| x.column == c) {
                    Some(cell) => cell_view(
                        &cell.value,
                        broken(r.id, c),
                        cell.span.as_ref().map_or(String::new(), point),
                    ),
                    None => CellView {
                        text: String::new(),
                        class: "na",
                        title: String::new(),
                    },
                })
                .collect(),
        })
        .collect();
    TableView {
        caption: if table.found {
            format!("{}（{} 年版）", key.name(), table.version)
        } else {
            format!("{}：未找到", key.name())
        },
        groups,
        columns: columns
            .iter()
            .map(|&c| schema.column(c).map_or("", |d| d.label))
            .collect(),
        rows,
    }
}

pub(crate) fn file_view(id: usize, checked: Checked) -> FileView {
    let (lines, unplaced, trailing_gap, tables) = match &checked.report {
        Some(report) => {
            let (lines, unplaced, gap) = text_lines(&checked.text, &checked.diagnostics);
            let tables = TableKey::ALL
                .iter()
                .map(|&k| table_view(report, k, &checked.diagnostics))
                .collect();
            (lines, unplaced, gap, tables)
        }
        None => (Vec::new(), Vec::new(), 0, Vec::new()),
    };
    FileView {
        id,
        checked,
        lines,
        unplaced,
        tables,
        trailing_gap,
    }
}
