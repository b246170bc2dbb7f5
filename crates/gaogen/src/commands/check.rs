//! `gaogen check`: every rule on every report, for people (terminal), machines (JSON) and review
//! tools (SARIF), with a summary per file.

use super::Outcome;
use gaogen::check::{self, FileSummary, Totals};
use gaogen::input::collect;
use gaogen::{printer, sarif, summary, ExitStatus, Selection};
use gaogen_model::check::Diagnostic;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum CheckFormat {
    Human,
    Json,
    Sarif,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum SummaryFormat {
    Csv,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Deny {
    Warnings,
}

#[derive(Debug, clap::Args)]
pub(crate) struct CheckArgs {
    /// 报告文件或目录（目录中的 .txt .html .htm .pdf .docx 文件逐一检查）
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

/// What is kept of one checked file until its chunk is printed.
struct Done {
    summary: FileSummary,
    diagnostics: Vec<Diagnostic>,
    human: String,
}

/// Files are checked in chunks: in parallel within a chunk, printed in order after it, so memory
/// stays bounded by one chunk whatever the number of files.
const CHUNK: usize = 256;

pub(crate) fn run(args: &CheckArgs) -> Outcome {
    if let Some(code) = &args.explain {
        printer::print(check::explain(code)?)?;
        return Ok(ExitStatus::Success);
    }
    let selection = Selection {
        select: args.select.clone(),
        ignore: args.ignore.clone(),
    };
    selection.validate()?;
    let human = args.format == CheckFormat::Human && args.summary.is_none();
    let collected = collect(&args.paths);
    if let Some(message) = collected.skipped_message() {
        printer::eprintln(&message);
    }
    let (files, failures) = (collected.files, collected.failures);
    let mut failed = failures.len();
    let color = args.format == CheckFormat::Human && printer::stdout_color();
    let progress = (files.len() >= 50 && printer::stderr_is_terminal()).then(|| {
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
    let mut totals = Totals::default();
    for message in &failures {
        printer::eprintln(message);
    }
    for chunk in files.chunks(CHUNK) {
        let done: Vec<Done> = chunk
            .par_iter()
            .map(|p| {
                let c = check::check_path(p, &selection);
                Done {
                    human: if human { c.human(color) } else { String::new() },
                    summary: c.summary,
                    diagnostics: c.diagnostics,
                }
            })
            .collect();
        let mut out = String::new();
        for c in done {
            totals.add(&c.summary);
            if let Some(f) = &c.summary.failure {
                printer::eprintln(f);
                failed += 1;
            }
            match (args.summary, args.format) {
                (Some(_), _) => {}
                (None, CheckFormat::Human) => out.push_str(&c.human),
                (None, CheckFormat::Json) => {
                    json_files.push(check::json_entry(&c.summary, &c.diagnostics))
                }
                (None, CheckFormat::Sarif) => {
                    sarif_results.extend(sarif::results(&c.summary.path, &c.diagnostics))
                }
            }
            summaries.push(c.summary);
        }
        if let Some(bar) = &progress {
            bar.inc(chunk.len() as u64);
        }
        if !out.is_empty() {
            printer::print(out)?;
        }
    }
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    let tail = match (args.summary, args.format) {
        (Some(SummaryFormat::Csv), _) => summary::csv(&summaries),
        (Some(SummaryFormat::Json), _) => summary::json(&summaries),
        (None, CheckFormat::Human) if summaries.len() > 1 => summary::table(&summaries),
        (None, CheckFormat::Human) => String::new(),
        (None, CheckFormat::Json) => check::json_document(&json_files, &totals),
        (None, CheckFormat::Sarif) => sarif::document(sarif_results) + "\n",
    };
    printer::print(tail)?;
    Ok(check::status(
        &totals,
        failed,
        args.deny == Some(Deny::Warnings),
    ))
}
