//! `gaogen check`: every rule on every report, for people (terminal), machines (JSON) and review
//! tools (SARIF), with a summary per file.

use crate::input::{collect_files, read_source};
use crate::render_diag::{render, SourceText};
use crate::{output, sarif};
use clap::ValueEnum;
use gaogen_model::check::{self, Diagnostic, Severity};
use gaogen_model::{FormatVersion, Report, TableKey};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use serde::Serialize;
use std::io::IsTerminal;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum CheckFormat {
    Human,
    Json,
    Sarif,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum SummaryFormat {
    Csv,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Deny {
    Warnings,
}

#[derive(Debug, clap::Args)]
pub(crate) struct CheckArgs {
    /// 报告文件或目录（目录中的 .txt .html .htm 文件逐一检查）
    #[arg(required_unless_present = "explain")]
    paths: Vec<PathBuf>,
    /// 输出格式：human（默认，供人阅读）、json（结构见 docs/check-json.md）、sarif（代码审查工具）
    #[arg(long, value_enum, default_value = "human")]
    format: CheckFormat,
    /// 只运行这些规则（逗号分隔，可用前缀，如 T3 表示 T3-1…T3-7）
    #[arg(long, value_delimiter = ',')]
    select: Vec<String>,
    /// 不运行这些规则（逗号分隔，可用前缀）
    #[arg(long, value_delimiter = ',')]
    ignore: Vec<String>,
    /// 把警告也当作错误（退出码 1）
    #[arg(long, value_enum)]
    deny: Option<Deny>,
    /// 只输出每个文件一行的汇总表：csv 或 json
    #[arg(long, value_enum)]
    summary: Option<SummaryFormat>,
    /// 显示一条规则的说明，如 --explain T3-1
    #[arg(long, value_name = "CODE")]
    explain: Option<String>,
}

/// One row of the per-file summary.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct FileSummary {
    pub path: String,
    /// 「2021」, 「2019」, or e.g. 「表二 2021 / 表三 2019」.
    pub format: String,
    pub sections_found: usize,
    pub cells_read: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Set when the file could not be read at all.
    pub failure: Option<String>,
}

/// The result of checking one file.
pub(crate) struct Checked {
    pub summary: FileSummary,
    pub diagnostics: Vec<Diagnostic>,
    /// Rendered human output (only for the human format).
    pub human: String,
}

#[derive(Serialize)]
struct JsonFile<'a> {
    path: &'a str,
    summary: &'a FileSummary,
    diagnostics: &'a [Diagnostic],
}

#[derive(Serialize)]
struct JsonTotals {
    files: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
    unreadable: usize,
}

/// Whether a rule code passes `--select`/`--ignore`; `T3` stands for every `T3-…` code.
fn selected(code: &str, args: &CheckArgs) -> bool {
    let code = code.to_ascii_uppercase();
    let matches = |pattern: &String| {
        let p = pattern.trim().trim_end_matches('-').to_ascii_uppercase();
        !p.is_empty() && (code == p || code.starts_with(&format!("{p}-")))
    };
    (args.select.is_empty() || args.select.iter().any(matches)) && !args.ignore.iter().any(matches)
}

fn format_of(report: &Report) -> String {
    let versions: Vec<(TableKey, FormatVersion)> = TableKey::ALL
        .iter()
        .filter(|&&k| k != TableKey::ReviewsAndLitigation && report.table(k).found)
        .map(|&k| (k, report.table(k).version))
        .collect();
    let name = |v: FormatVersion| {
        if v == FormatVersion::V2019 {
            "2019"
        } else {
            "2021"
        }
    };
    match versions.as_slice() {
        [] => "—".to_string(),
        [(_, v), rest @ ..] if rest.iter().all(|(_, w)| w == v) => name(*v).to_string(),
        all => all
            .iter()
            .map(|(k, v)| format!("{} {}", k.name(), name(*v)))
            .collect::<Vec<_>>()
            .join(" / "),
    }
}

fn check_one(path: &std::path::Path, args: &CheckArgs, color: bool) -> Checked {
    let shown = path.display().to_string();
    let (text, report) = match read_source(path) {
        Ok(ok) => ok,
        Err(message) => {
            return Checked {
                summary: FileSummary {
                    path: shown,
                    format: String::new(),
                    sections_found: 0,
                    cells_read: 0,
                    errors: 0,
                    warnings: 0,
                    infos: 0,
                    failure: Some(message),
                },
                diagnostics: Vec::new(),
                human: String::new(),
            }
        }
    };
    let diagnostics: Vec<Diagnostic> = check::check(&report)
        .into_iter()
        .filter(|d| selected(d.code, args))
        .collect();
    let count = |s: Severity| diagnostics.iter().filter(|d| d.severity == s).count();
    let summary = FileSummary {
        path: shown.clone(),
        format: format_of(&report),
        sections_found: report.sections.iter().filter(|s| s.found).count(),
        cells_read: report.number_cell_count(),
        errors: count(Severity::Error),
        warnings: count(Severity::Warning),
        infos: count(Severity::Info),
        failure: None,
    };
    let human = if args.format == CheckFormat::Human && args.summary.is_none() {
        let source = SourceText::new(&text);
        let mut out: String = diagnostics
            .iter()
            .map(|d| render(d, &source, &shown, color))
            .collect();
        out.push_str(&file_line(&summary, color));
        out
    } else {
        String::new()
    };
    Checked {
        summary,
        diagnostics,
        human,
    }
}

fn file_line(s: &FileSummary, color: bool) -> String {
    let (red, yellow, reset) = if color {
        ("\x1b[1;31m", "\x1b[1;33m", "\x1b[0m")
    } else {
        ("", "", "")
    };
    format!(
        "{}：{red}{} 个错误{reset}，{yellow}{} 个警告{reset}，{} 条提示（格式 {}，章节 {}/6，读到 {} 个数值）\n\n",
        s.path, s.errors, s.warnings, s.infos, s.format, s.sections_found, s.cells_read
    )
}

/// Files are checked in chunks: in parallel within a chunk, printed in order after it, so memory
/// stays bounded by one chunk whatever the number of files.
const CHUNK: usize = 256;

pub(crate) fn run(args: &CheckArgs) -> u8 {
    if let Some(code) = &args.explain {
        return explain(code);
    }
    let (files, mut failures) = collect_files(&args.paths);
    let color = args.format == CheckFormat::Human
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        && std::io::stdout().is_terminal();
    let progress = (files.len() >= 50 && std::io::stderr().is_terminal()).then(|| {
        let bar = ProgressBar::new(files.len() as u64);
        bar.set_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} 份报告 {elapsed}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar
    });
    let mut summaries: Vec<FileSummary> = Vec::new();
    let mut json_files: Vec<String> = Vec::new();
    let mut sarif_results = Vec::new();
    let mut totals = JsonTotals {
        files: 0,
        errors: 0,
        warnings: 0,
        infos: 0,
        unreadable: 0,
    };
    for message in &failures {
        eprintln!("{message}");
    }
    for chunk in files.chunks(CHUNK) {
        let checked: Vec<Checked> = chunk
            .par_iter()
            .map(|p| check_one(p, args, color))
            .collect();
        let mut out = String::new();
        for c in checked {
            totals.files += 1;
            if let Some(f) = &c.summary.failure {
                eprintln!("{f}");
                totals.unreadable += 1;
                failures.push(f.clone());
            }
            totals.errors += c.summary.errors;
            totals.warnings += c.summary.warnings;
            totals.infos += c.summary.infos;
            match (args.summary, args.format) {
                (Some(_), _) => {}
                (None, CheckFormat::Human) => out.push_str(&c.human),
                (None, CheckFormat::Json) => json_files.push(
                    serde_json::to_string(&JsonFile {
                        path: &c.summary.path,
                        summary: &c.summary,
                        diagnostics: &c.diagnostics,
                    })
                    .expect("diagnostics serialize"),
                ),
                (None, CheckFormat::Sarif) => {
                    sarif_results.extend(sarif::results(&c.summary.path, &c.diagnostics))
                }
            }
            summaries.push(c.summary);
        }
        if let Some(bar) = &progress {
            bar.inc(chunk.len() as u64);
        }
        if !out.is_empty() && output::write_stdout(out.as_bytes()).is_err() {
            return 2;
        }
    }
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    let tail = match (args.summary, args.format) {
        (Some(SummaryFormat::Csv), _) => summary_csv(&summaries),
        (Some(SummaryFormat::Json), _) => {
            serde_json::to_string_pretty(&summaries).expect("serializes") + "\n"
        }
        (None, CheckFormat::Human) if summaries.len() > 1 => summary_table(&summaries),
        (None, CheckFormat::Human) => String::new(),
        (None, CheckFormat::Json) => format!(
            "{{\"files\":[{}],\"totals\":{}}}\n",
            json_files.join(","),
            serde_json::to_string(&totals).expect("serializes")
        ),
        (None, CheckFormat::Sarif) => sarif::document(sarif_results) + "\n",
    };
    if output::write_stdout(tail.as_bytes()).is_err() {
        return 2;
    }
    let denied = args.deny == Some(Deny::Warnings) && totals.warnings > 0;
    if !failures.is_empty() {
        2
    } else if totals.errors > 0 || denied {
        1
    } else {
        0
    }
}

fn explain(code: &str) -> u8 {
    let single = check::rule(code).map(|r| (r.code(), r.title(), r.severity(), r.explain()));
    let pair = gaogen_model::diff::PAIR_RULES
        .iter()
        .find(|r| r.code().eq_ignore_ascii_case(code))
        .map(|r| (r.code(), r.title(), r.severity(), r.explain()));
    match single.or(pair) {
        Some((code, title, severity, explain)) => {
            let text = format!(
                "{code}  {title}\n严重程度：{}\n\n{explain}\n",
                severity.chinese()
            );
            if output::write_stdout(text.as_bytes()).is_err() {
                return 2;
            }
            0
        }
        None => {
            eprintln!("错误：没有规则「{code}」；运行 gaogen rules 查看全部规则");
            2
        }
    }
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn summary_csv(rows: &[FileSummary]) -> String {
    let mut out =
        String::from("path,format,sections_found,cells_read,errors,warnings,infos,failure\n");
    for r in rows {
        out.push_str(&format!(
            "{},{},{},{},{},{},{},{}\n",
            csv_field(&r.path),
            csv_field(&r.format),
            r.sections_found,
            r.cells_read,
            r.errors,
            r.warnings,
            r.infos,
            csv_field(r.failure.as_deref().unwrap_or(""))
        ));
    }
    out
}

fn summary_table(rows: &[FileSummary]) -> String {
    let mut cells = vec![["文件", "格式", "章节", "数值", "错误", "警告"]
        .map(String::from)
        .to_vec()];
    for r in rows {
        cells.push(match &r.failure {
            Some(_) => vec![
                r.path.clone(),
                "无法读取".into(),
                "—".into(),
                "—".into(),
                "—".into(),
                "—".into(),
            ],
            None => vec![
                r.path.clone(),
                r.format.clone(),
                format!("{}/6", r.sections_found),
                r.cells_read.to_string(),
                r.errors.to_string(),
                r.warnings.to_string(),
            ],
        });
    }
    let mut out = crate::table_text::aligned(&cells, "");
    let errors: usize = rows.iter().map(|r| r.errors).sum();
    let warnings: usize = rows.iter().map(|r| r.warnings).sum();
    out.push_str(&format!(
        "共 {} 份报告：{errors} 个错误，{warnings} 个警告\n",
        rows.len()
    ));
    out
}
