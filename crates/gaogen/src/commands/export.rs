//! `gaogen export DIR -o facts.sqlite|facts.csv|facts.xlsx`: every cell of every report in long
//! format, and the derived figures (docs/export.md).

use super::Outcome;
use gaogen::export::{facts_of, Facts, Sink, SinkKind};
use gaogen::input::collect;
use gaogen::write::write_with;
use gaogen::{ordered, printer, Error, ExitStatus, Selection};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub(crate) struct ExportArgs {
    /// 报告文件或目录（目录中的 .txt .html .htm .pdf .docx .doc .wps .odt .rtf 报告和 .xlsx 年报数据工作簿逐一读取）；report.toml 也可以
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// 输出文件：.sqlite（SQLite 数据库）、.csv（UTF-8 带 BOM）或 .xlsx；格式按扩展名
    #[arg(short, long)]
    output: PathBuf,
    /// 覆盖已存在的文件
    #[arg(long)]
    force: bool,
}

/// Files read ahead of the one being written.
const WINDOW: usize = 32;

pub(crate) fn run(args: &ExportArgs) -> Outcome {
    let Some(kind) = SinkKind::of(&args.output) else {
        return Err(Error::Usage(format!(
            "无法从 {} 的扩展名判断导出格式：用 .sqlite、.csv 或 .xlsx",
            args.output.display()
        )));
    };
    let collected = collect(&args.paths);
    if let Some(message) = collected.skipped_message() {
        printer::eprintln(&message);
    }
    for message in &collected.failures {
        printer::eprintln(message);
    }
    let files = collected.files;
    let selection = Selection::all();
    let mut unreadable = collected.failures.len();
    let mut reports = 0usize;
    write_with(&args.output, args.force, |path, file| {
        let mut sink = Sink::open(kind, path, file)?;
        ordered::map_ordered(
            files.len(),
            ordered::threads(),
            WINDOW,
            |i| facts_of(&files[i], &selection, false),
            |_, f: Facts| {
                if !f.info.failure.is_empty() {
                    printer::eprintln(&f.info.failure);
                    unreadable += 1;
                }
                reports += 1;
                sink.add(&f.info, &f.cells, &f.figures)
            },
        )?;
        sink.finish()
    })?;
    printer::eprintln(&format!(
        "已导出 {reports} 份报告到 {}（{} 份无法读取）",
        args.output.display(),
        unreadable
    ));
    Ok(if unreadable > 0 {
        ExitStatus::CouldNotRun
    } else {
        ExitStatus::Success
    })
}
