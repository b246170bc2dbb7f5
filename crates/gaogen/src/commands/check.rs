//! `gaogen check`: every rule on every report, for people (terminal), machines (JSON) and review
//! tools (SARIF), with a summary per file.

use super::Outcome;
use gaogen::check;
use gaogen::check_output::{Output, Stream};
use gaogen::input::collect;
use gaogen::pairs::{self, compared};
use gaogen::{ordered, printer, ExitStatus, Selection};
use indicatif::{ProgressBar, ProgressStyle};
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
    /// Excel 工作簿：汇总、问题、数据三张表（需 -o）
    Xlsx,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Deny {
    Warnings,
}

#[derive(Debug, clap::Args)]
pub(crate) struct CheckArgs {
    /// 报告文件或目录（目录中的 .txt .html .htm .pdf .docx .doc .wps .odt .rtf 报告和 .xlsx 年报数据工作簿逐一检查，其他文件列出后跳过）；report.toml 作为草稿检查
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
    /// 只输出每个文件一行的汇总表：csv 或 json；xlsx 写出工作簿（汇总、问题、每个数值，需 -o）
    #[arg(long, value_enum)]
    summary: Option<SummaryFormat>,
    /// 输出文件（--summary xlsx 时）
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// 覆盖已存在的输出文件
    #[arg(long)]
    force: bool,
    /// 显示一条规则的说明，如 --explain T3-1
    #[arg(long, value_name = "CODE")]
    explain: Option<String>,
}

/// At most this many files are checked ahead of the one being written: memory is bounded by
/// the window whatever the number of files (see `gaogen::ordered`).
const WINDOW: usize = 32;

/// A checked file's part of the output: built by its worker, or the file itself, its part to
/// be written straight to the output.
enum Part {
    Entry(gaogen::check::FileSummary, String),
    Whole(Box<gaogen::check::Checked>),
}

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
    let collected = collect(&args.paths);
    if let Some(message) = collected.skipped_message() {
        printer::eprintln(&message);
    }
    let (files, failures) = (collected.files, collected.failures);
    let mut failed = failures.len();
    let progress = (files.len() >= 50 && printer::stderr_is_terminal()).then(|| {
        let bar = ProgressBar::new(files.len() as u64);
        bar.set_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} 份报告 {elapsed}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar
    });
    for message in &failures {
        printer::eprintln(message);
    }
    if args.summary == Some(SummaryFormat::Xlsx) {
        return run_xlsx(args, &files, &selection, failed);
    }
    let output = match (args.summary, args.format) {
        (Some(SummaryFormat::Xlsx), _) => unreachable!("handled above"),
        (Some(SummaryFormat::Csv), _) => Output::SummaryCsv,
        (Some(SummaryFormat::Json), _) => Output::SummaryJson,
        (None, CheckFormat::Human) => Output::Human(printer::stdout_style()),
        (None, CheckFormat::Json) => Output::Json,
        (None, CheckFormat::Sarif) => Output::Sarif,
    };
    let mut stream = Stream::new(output, |text: &str| printer::print(text));
    // What pairing needs of each file (path, agency, year): a few bytes a file.
    let mut identities = Vec::with_capacity(files.len());
    // One file's JSON is written as it is made, not held whole (a large report's is as large
    // as the report); a file among many is built by its worker, in parallel.
    let written = files.len() == 1 && output == Output::Json;
    ordered::map_ordered(
        files.len(),
        ordered::threads_for(files.len()),
        WINDOW,
        |i| {
            let mut c = check::check_path(&files[i], &selection);
            let identity = compared::identity(&c);
            // The outputs need the diagnostics and the text, not the report read.
            c.report = None;
            let part = if written {
                Part::Whole(Box::new(c))
            } else {
                let entry = output.entry(&c);
                Part::Entry(c.summary, entry)
            };
            (identity, part)
        },
        |_, (identity, part)| {
            let summary = match &part {
                Part::Entry(summary, _) => summary,
                Part::Whole(c) => &c.summary,
            };
            if let Some(f) = &summary.failure {
                printer::eprintln(f);
                failed += 1;
            }
            if let Some(bar) = &progress {
                bar.inc(1);
            }
            identities.push(identity);
            match part {
                Part::Entry(summary, entry) => stream.push(summary, &entry),
                Part::Whole(c) => {
                    stream.push_written(&c.summary, |out| check::write_json_entry(&c, out))
                }
            }
        },
    )?;
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    // Consecutive years of one agency: both files read again and compared, in order.
    let pairs = pairs::pair(&identities);
    ordered::map_ordered(
        pairs.len(),
        ordered::threads_for(pairs.len()),
        WINDOW,
        |i| {
            let p = pairs[i];
            let c = compared::compare_paths(&files[p.previous], &files[p.current], &selection);
            let entry = output.pair_entry(&c);
            (c, entry)
        },
        |_, (c, entry)| stream.push_pair(&c, &entry),
    )?;
    let totals = stream.finish(&pairs::agency_years(identities, &pairs))?;
    Ok(check::status(
        &totals,
        failed,
        args.deny == Some(Deny::Warnings),
    ))
}

/// `--summary xlsx -o 检查结果.xlsx`: 汇总, 问题 and 数据 written as each report is checked.
fn run_xlsx(
    args: &CheckArgs,
    files: &[PathBuf],
    selection: &Selection,
    mut failed: usize,
) -> Outcome {
    use gaogen::export::summary_xlsx::SummaryXlsx;
    let Some(out) = &args.output else {
        return Err(gaogen::Error::Usage(
            "--summary xlsx 需要用 -o 指定输出文件，如 -o 检查结果.xlsx".into(),
        ));
    };
    let mut totals = check::Totals::default();
    gaogen::write::write_with(out, args.force, |_, file| {
        let mut book = SummaryXlsx::new().map_err(|e| e.to_string())?;
        ordered::map_ordered(
            files.len(),
            ordered::threads_for(files.len()),
            WINDOW,
            |i| gaogen::export::facts_of(&files[i], selection, true),
            |_, f: gaogen::export::Facts| {
                if !f.info.failure.is_empty() {
                    printer::eprintln(&f.info.failure);
                    failed += 1;
                }
                totals.files += 1;
                totals.errors += f.info.errors;
                totals.warnings += f.info.warnings;
                book.add(&f.info, &f.diagnostics, &f.cells)
                    .map_err(|e| e.to_string())
            },
        )?;
        let file = file.try_clone().map_err(|e| e.to_string())?;
        book.finish(file).map_err(|e| e.to_string())
    })?;
    printer::eprintln(&format!(
        "已写入 {}：{} 份报告，{} 个错误，{} 个警告",
        out.display(),
        totals.files,
        totals.errors,
        totals.warnings
    ));
    Ok(check::status(
        &totals,
        failed,
        args.deny == Some(Deny::Warnings),
    ))
}
