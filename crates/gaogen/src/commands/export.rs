//! `gaogen export DIR -o facts.sqlite|facts.csv|facts.xlsx`: every cell of every report in long
//! format, and the derived figures (docs/export.md).

use super::{with_written, Format, Outcome};
use gaogen::export::{facts_of, Facts, Sink, SinkKind};
use gaogen::input::collect;
use gaogen::write::write_with;
use gaogen::written::{ExportCounts, Written};
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
    /// 屏幕上的输出：text（默认，供人阅读）或 json（写出的文件、报告数、数据行数、无法读取的文件、错误，见 docs/write-json.md）
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
}

/// Files read ahead of the one being written.
const WINDOW: usize = 32;

pub(crate) fn run(args: &ExportArgs) -> Outcome {
    let json = args.format == Format::Json;
    with_written("export", json, |doc| export(args, json, doc))
}

fn export(args: &ExportArgs, json: bool, doc: &mut Written) -> Outcome {
    let say = |message: &str| {
        if !json {
            printer::eprintln(message);
        }
    };
    let Some(kind) = SinkKind::of(&args.output) else {
        return Err(Error::Usage(format!(
            "无法从 {} 的扩展名判断导出格式：用 .sqlite、.csv 或 .xlsx",
            args.output.display()
        )));
    };
    let collected = collect(&args.paths);
    if let Some(message) = collected.skipped_message() {
        say(&message);
        doc.warnings.push(message);
    }
    for message in &collected.failures {
        say(message);
    }
    doc.failures.clone_from(&collected.failures);
    let files = collected.files;
    let selection = Selection::all();
    let mut counts = ExportCounts {
        failures: collected.failures.len(),
        ..ExportCounts::default()
    };
    let mut failures = Vec::new();
    let bytes = write_with(&args.output, args.force, |path, file| {
        let mut sink = Sink::open(kind, path, file)?;
        ordered::map_ordered(
            files.len(),
            ordered::threads_for(files.len()),
            WINDOW,
            |i| facts_of(&files[i], &selection, false),
            |_, f: Facts| {
                if !f.info.failure.is_empty() {
                    say(&f.info.failure);
                    failures.push(f.info.failure.clone());
                }
                counts.reports += 1;
                counts.rows += f.cells.len();
                counts.figures += f.figures.len();
                sink.add(&f.info, &f.cells, &f.figures)
            },
        )?;
        sink.finish()
    })?;
    counts.failures += failures.len();
    doc.failures.extend(failures);
    doc.counts = Some(counts);
    doc.file(&args.output, kind.name(), bytes);
    say(&format!(
        "已导出 {} 份报告到 {}（{} 份无法读取）",
        counts.reports,
        args.output.display(),
        counts.failures
    ));
    Ok(if counts.failures > 0 {
        ExitStatus::CouldNotRun
    } else {
        ExitStatus::Success
    })
}
