//! Comparing two years of one agency (`gaogen diff OLD NEW`): the comparison, its JSON and its
//! text for people.

use crate::author::load_any;
use crate::render_diag::{render, SourceText};
use crate::terminal::{wrap, Style};
use crate::{table_text::fitted, Error};
use gaogen_model::diff::{self, ChainStatus, DiffOptions, ReportDiff, SentenceOp};
use gaogen_model::{CellValue, Report};
use serde::Serialize;
use std::path::Path;

#[derive(Serialize)]
struct Side<'a> {
    path: String,
    agency: Option<&'a str>,
    year: Option<u16>,
}

#[derive(Serialize)]
struct JsonDiff<'a> {
    old: Side<'a>,
    new: Side<'a>,
    differs: bool,
    #[serde(flatten)]
    diff: &'a ReportDiff,
}

fn side<'a>(path: &Path, r: &'a Report) -> Side<'a> {
    Side {
        path: path.display().to_string(),
        agency: r.agency.as_deref(),
        year: r.year,
    }
}

/// Two reports compared: each side's text (for excerpts) and report, and the comparison.
#[derive(Debug)]
pub struct Compared {
    pub old: (String, Report),
    pub new: (String, Report),
    pub diff: ReportDiff,
}

/// Compares two files (report.toml or published reports). `reuse_threshold` is a percentage
/// (0–100): a section whose text is reused above it gets a warning.
pub fn compare_paths(old: &Path, new: &Path, reuse_threshold: f64) -> Result<Compared, Error> {
    let old = load_any(old)?;
    let new = load_any(new)?;
    compare(old, new, reuse_threshold)
}

/// Compares two reports already read, each with its text.
pub fn compare(
    old: (String, Report),
    new: (String, Report),
    reuse_threshold: f64,
) -> Result<Compared, Error> {
    if !(0.0..=100.0).contains(&reuse_threshold) {
        return Err(Error::ReuseThreshold);
    }
    let diff = diff::diff(
        &old.1,
        &new.1,
        DiffOptions {
            reuse_threshold: reuse_threshold / 100.0,
        },
    );
    Ok(Compared { old, new, diff })
}

impl Compared {
    /// Whether anything differs (the exit status is findings then).
    pub fn differs(&self) -> bool {
        self.diff.has_differences()
    }

    /// The JSON document (docs/diff-json.md); the paths are shown as given.
    pub fn json(&self, old_path: &Path, new_path: &Path) -> String {
        let json = JsonDiff {
            old: side(old_path, &self.old.1),
            new: side(new_path, &self.new.1),
            differs: self.differs(),
            diff: &self.diff,
        };
        serde_json::to_string_pretty(&json).expect("serializes") + "\n"
    }

    /// The text for people; at most `max_sentences` changed sentences per section.
    pub fn human(&self, paths: (&Path, &Path), max_sentences: usize, style: Style) -> String {
        human(
            paths,
            max_sentences,
            (&self.old.1, &self.old.0),
            (&self.new.1, &self.new.0),
            &self.diff,
            style,
        )
    }
}

/// A cell as a person reads it in a comparison: the value as written, or what stands there instead.
pub(crate) fn value_text(v: Option<&CellValue>) -> String {
    match v {
        None => "（无此格）".into(),
        Some(
            CellValue::Count { raw, .. } | CellValue::Amount { raw, .. } | CellValue::Text { raw },
        ) => raw.to_string(),
        Some(CellValue::Empty { marker }) if marker.is_empty() => "（空白）".into(),
        Some(CellValue::Empty { marker }) => marker.to_string(),
        Some(CellValue::Missing) => "（缺失）".into(),
    }
}

/// The line under a diagnostic across two years naming its place in the previous year's file
/// (`path:line:column`), or nothing.
pub(crate) fn previous_line(d: &gaogen_model::check::Diagnostic, previous: &str) -> String {
    d.previous.map_or(String::new(), |at| {
        format!("   = 上一年：{previous}:{}:{}\n", at.line, at.column)
    })
}

fn describe(path: &Path, r: &Report) -> String {
    format!(
        "{}（{} {}）",
        path.display(),
        r.agency.as_deref().unwrap_or("机关不详"),
        r.year.map_or("年度不详".to_string(), |y| format!("{y} 年"))
    )
}

/// A changed sentence after its 「    ~ 」, wrapped under itself.
fn sentence(text: Option<&str>, width: Option<usize>) -> String {
    wrap(text.unwrap_or(""), width, 6, "      ")
}

fn human(
    (old_path, new_path): (&Path, &Path),
    max_sentences: usize,
    old: (&Report, &str),
    new: (&Report, &str),
    d: &ReportDiff,
    style: Style,
) -> String {
    let (color, width) = (style.color, style.columns());
    let mut out = format!(
        "{}\n{}\n\n",
        wrap(
            &format!("旧：{}", describe(old_path, old.0)),
            width,
            0,
            "    "
        ),
        wrap(
            &format!("新：{}", describe(new_path, new.0)),
            width,
            0,
            "    "
        )
    );
    for t in &d.tables {
        out.push_str(&format!(
            "{}：变化 {} 格，未变 {} 格\n",
            t.table.name(),
            t.changes.len(),
            t.unchanged
        ));
        if t.changes.is_empty() {
            out.push('\n');
            continue;
        }
        let mut rows = vec![["行", "列", "旧", "新", "差", "变化"]
            .map(String::from)
            .to_vec()];
        for c in &t.changes {
            rows.push(vec![
                c.row_label.to_string(),
                c.column_label.to_string(),
                value_text(c.old.as_ref()),
                value_text(c.new.as_ref()),
                c.difference.as_deref().map_or(String::new(), |v| {
                    if v.starts_with('-') {
                        v.to_string()
                    } else {
                        format!("+{v}")
                    }
                }),
                c.percent.map_or(String::new(), |p| format!("{p:+.1}%")),
            ]);
        }
        out.push_str(&fitted(&rows, "  ", width));
        out.push('\n');
    }
    out.push_str("逐年衔接\n");
    for c in &d.chain {
        let mark = match c.status {
            ChainStatus::Holds => "✓",
            ChainStatus::Broken => "✗",
            ChainStatus::NotAssessable => "?",
        };
        let line = format!(
            "  {mark} {} {}：上一年 {}，本年 {}",
            c.code,
            c.subject,
            c.old_value.as_deref().unwrap_or("—"),
            c.new_value.as_deref().unwrap_or("—")
        );
        out.push_str(&wrap(&line, width, 0, "      "));
        out.push('\n');
    }
    out.push_str("\n与上一年相同的文字\n");
    let mut rows = vec![["部分", "相同", "字数"].map(String::from).to_vec()];
    for s in &d.text.sections {
        rows.push(vec![
            s.heading.clone(),
            format!("{:.0}%", s.ratio * 100.0),
            format!("{} / {}", s.reused_chars, s.new_chars),
        ]);
    }
    rows.push(vec![
        "全文".into(),
        format!("{:.0}%", d.text.ratio * 100.0),
        format!("{} / {}", d.text.reused_chars, d.text.new_chars),
    ]);
    out.push_str(&fitted(&rows, "  ", width));
    out.push_str(&wrap(
        &format!("  计算方法：{}", d.text.method),
        width,
        0,
        "    ",
    ));
    out.push('\n');
    let excluded: Vec<&str> = d
        .text
        .sections
        .iter()
        .flat_map(|s| s.excluded.iter().map(String::as_str))
        .collect();
    if !excluded.is_empty() {
        let line = format!(
            "  未计入的固定表述 {} 句：{}",
            excluded.len(),
            excluded.join(" / ")
        );
        out.push_str(&wrap(&line, width, 0, "    "));
        out.push('\n');
    }
    out.push_str("\n文字变化（- 删去，+ 新增，~ 改写）\n");
    let (del, ins, end) = if color {
        ("\x1b[31m", "\x1b[32m", "\x1b[0m")
    } else {
        ("[-", "{+", "")
    };
    let (del_end, ins_end) = if color { (end, end) } else { ("-]", "+}") };
    for s in d.text.sections.iter().filter(|s| !s.changes.is_empty()) {
        out.push_str(&format!(
            "  {}（{} 句未变）\n",
            s.heading, s.unchanged_sentences
        ));
        for c in s.changes.iter().take(max_sentences) {
            match c.op {
                SentenceOp::Deleted => {
                    out.push_str(&format!("    - {}\n", sentence(c.old.as_deref(), width)))
                }
                SentenceOp::Inserted => {
                    out.push_str(&format!("    + {}\n", sentence(c.new.as_deref(), width)))
                }
                SentenceOp::Replaced => {
                    let line: String = c
                        .pieces
                        .iter()
                        .map(|p| match p.tag {
                            "delete" => format!("{del}{}{del_end}", p.text),
                            "insert" => format!("{ins}{}{ins_end}", p.text),
                            _ => p.text.clone(),
                        })
                        .collect();
                    out.push_str(&format!("    ~ {}\n", sentence(Some(&line), width)));
                }
            }
        }
        if s.changes.len() > max_sentences {
            out.push_str(&format!(
                "    …另有 {} 句变化（--max-sentences 显示更多）\n",
                s.changes.len() - max_sentences
            ));
        }
    }
    if !d.diagnostics.is_empty() {
        out.push_str("\n问题\n");
        let source = SourceText::new(new.1);
        let shown = new_path.display().to_string();
        for diag in &d.diagnostics {
            out.push_str(&render(diag, &source, &shown, style));
            out.push_str(&previous_line(diag, &old_path.display().to_string()));
        }
    }
    out
}
