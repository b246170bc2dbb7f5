//! `gaogen diff OLD NEW`: two years of one agency side by side.

use crate::input::read_source;
use crate::render_diag::{render, SourceText};
use crate::{output, table_text::aligned};
use clap::ValueEnum;
use gaogen_model::diff::{self, ChainStatus, DiffOptions, ReportDiff, SentenceOp};
use gaogen_model::{CellValue, Report};
use serde::Serialize;
use std::io::IsTerminal;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum DiffFormat {
    Human,
    Json,
}

#[derive(Debug, clap::Args)]
pub(crate) struct DiffArgs {
    /// 上一年的报告（已发布的报告，或 report.toml）
    old: PathBuf,
    /// 本年的报告（已发布的报告，或 report.toml）
    new: PathBuf,
    /// 输出格式：human（默认）或 json（结构见 docs/diff-json.md）
    #[arg(long, value_enum, default_value = "human")]
    format: DiffFormat,
    /// 某一部分与上一年相同的文字超过这个百分比时给出警告
    #[arg(long, default_value_t = 50.0, value_name = "PERCENT")]
    reuse_threshold: f64,
    /// 最多显示多少句文字变化（每部分）
    #[arg(long, default_value_t = 30)]
    max_sentences: usize,
}

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

fn side<'a>(path: &std::path::Path, r: &'a Report) -> Side<'a> {
    Side {
        path: path.display().to_string(),
        agency: r.agency.as_deref(),
        year: r.year,
    }
}

/// One side of the comparison: a report.toml, or a published report in any layout.
fn side_report(path: &std::path::Path) -> Result<(String, Report), u8> {
    if path.extension().is_some_and(|e| e == "toml") {
        return crate::author_cmd::load_toml(path).map(|(report, _, source)| (source, report));
    }
    read_source(path).map_err(|e| {
        eprintln!("{e}");
        2
    })
}

/// 0 no difference, 1 differences, 2 could not run.
pub(crate) fn run(args: &DiffArgs) -> u8 {
    let (old_text, old) = match side_report(&args.old) {
        Ok(ok) => ok,
        Err(code) => return code,
    };
    let (new_text, new) = match side_report(&args.new) {
        Ok(ok) => ok,
        Err(code) => return code,
    };
    if !(0.0..=100.0).contains(&args.reuse_threshold) {
        eprintln!("错误：--reuse-threshold 应在 0 到 100 之间");
        return 2;
    }
    let result = diff::diff(
        &old,
        &new,
        DiffOptions {
            reuse_threshold: args.reuse_threshold / 100.0,
        },
    );
    let differs = result.has_differences();
    let out = match args.format {
        DiffFormat::Json => {
            let json = JsonDiff {
                old: side(&args.old, &old),
                new: side(&args.new, &new),
                differs,
                diff: &result,
            };
            serde_json::to_string_pretty(&json).expect("serializes") + "\n"
        }
        DiffFormat::Human => {
            let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stdout().is_terminal();
            human(args, (&old, &old_text), (&new, &new_text), &result, color)
        }
    };
    if output::write_stdout(out.as_bytes()).is_err() {
        return 2;
    }
    u8::from(differs)
}

fn value_text(v: Option<&CellValue>) -> String {
    match v {
        None => "（无此格）".into(),
        Some(
            CellValue::Count { raw, .. } | CellValue::Amount { raw, .. } | CellValue::Text { raw },
        ) => raw.clone(),
        Some(CellValue::Empty { marker }) if marker.is_empty() => "（空白）".into(),
        Some(CellValue::Empty { marker }) => marker.clone(),
        Some(CellValue::Missing) => "（缺失）".into(),
    }
}

fn describe(path: &std::path::Path, r: &Report) -> String {
    format!(
        "{}（{} {}）",
        path.display(),
        r.agency.as_deref().unwrap_or("机关不详"),
        r.year.map_or("年度不详".to_string(), |y| format!("{y} 年"))
    )
}

fn human(
    args: &DiffArgs,
    old: (&Report, &str),
    new: (&Report, &str),
    d: &ReportDiff,
    color: bool,
) -> String {
    let mut out = format!(
        "旧：{}\n新：{}\n\n",
        describe(&args.old, old.0),
        describe(&args.new, new.0)
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
        out.push_str(&aligned(&rows, "  "));
        out.push('\n');
    }
    out.push_str("逐年衔接\n");
    for c in &d.chain {
        let mark = match c.status {
            ChainStatus::Holds => "✓",
            ChainStatus::Broken => "✗",
            ChainStatus::NotAssessable => "?",
        };
        out.push_str(&format!(
            "  {mark} {} {}：上一年 {}，本年 {}\n",
            c.code,
            c.subject,
            c.old_value.as_deref().unwrap_or("—"),
            c.new_value.as_deref().unwrap_or("—")
        ));
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
    out.push_str(&aligned(&rows, "  "));
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
        for c in s.changes.iter().take(args.max_sentences) {
            match c.op {
                SentenceOp::Deleted => {
                    out.push_str(&format!("    - {}\n", c.old.as_deref().unwrap_or("")))
                }
                SentenceOp::Inserted => {
                    out.push_str(&format!("    + {}\n", c.new.as_deref().unwrap_or("")))
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
                    out.push_str(&format!("    ~ {line}\n"));
                }
            }
        }
        if s.changes.len() > args.max_sentences {
            out.push_str(&format!(
                "    …另有 {} 句变化（--max-sentences 显示更多）\n",
                s.changes.len() - args.max_sentences
            ));
        }
    }
    if !d.diagnostics.is_empty() {
        out.push_str("\n问题\n");
        let source = SourceText::new(new.1);
        let shown = args.new.display().to_string();
        for diag in &d.diagnostics {
            let mut text = render(diag, &source, &shown, color);
            if let Some(p) = diag.previous {
                text.insert_str(
                    text.len() - 1,
                    &format!(
                        "   = 上一年：{}:{}:{}\n",
                        args.old.display(),
                        p.line,
                        p.column
                    ),
                );
            }
            out.push_str(&text);
        }
    }
    out
}
