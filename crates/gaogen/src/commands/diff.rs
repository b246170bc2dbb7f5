//! `gaogen diff OLD NEW`: two years of one agency side by side.

use super::Outcome;
use gaogen::{diff, printer, ExitStatus};
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum DiffFormat {
    Human,
    Json,
}

#[derive(Debug, clap::Args)]
pub(crate) struct DiffArgs {
    /// 上一年的报告（已发布的报告、report.toml 或年报数据工作簿 .xlsx）
    old: PathBuf,
    /// 本年的报告（已发布的报告、report.toml 或年报数据工作簿 .xlsx）
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

/// 0 no difference, 1 differences, 2 could not run.
pub(crate) fn run(args: &DiffArgs) -> Outcome {
    let compared = diff::compare_paths(&args.old, &args.new, args.reuse_threshold)?;
    let out = match args.format {
        DiffFormat::Json => compared.json(&args.old, &args.new),
        DiffFormat::Human => compared.human(
            (&args.old, &args.new),
            args.max_sentences,
            printer::stdout_style(),
        ),
    };
    printer::print(out)?;
    Ok(ExitStatus::findings_if(compared.differs()))
}
