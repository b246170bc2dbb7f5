//! `gaogen render`: report.toml → a report in the official format, after every check.

use super::Outcome;
use gaogen::author::{self, diagnostics_text, RenderFormat};
use gaogen::write::write_file;
use gaogen::{printer, Error, ExitStatus};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub(crate) struct RenderArgs {
    /// report.toml（格式见 docs/report-toml.md）
    toml: PathBuf,
    /// 输出文件（默认输出到屏幕）
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// 输出格式：md（Markdown）、txt（纯文本，表格以制表符分隔，可粘贴到 Word）、html（可打印的网页）、docx（Word 文档，需 -o）
    #[arg(long, value_enum, default_value = "md")]
    format: RenderFormat,
    /// 覆盖已存在的输出文件
    #[arg(long)]
    force: bool,
    /// 即使检查发现错误也输出（例如重新排版 gaogen import 得到的、本身有缺项的报告）
    #[arg(long)]
    allow_errors: bool,
}

pub(crate) fn run(args: &RenderArgs) -> Outcome {
    let loaded = author::load_toml(&args.toml)?;
    let rendered = author::render(&loaded, args.format, args.allow_errors);
    printer::eprint(&diagnostics_text(
        &rendered.diagnostics,
        &loaded.source,
        &args.toml.display().to_string(),
        printer::stderr_color(),
    ));
    let Some(bytes) = rendered.bytes else {
        printer::eprintln(&format!(
            "检查发现 {} 个错误，未输出报告（改正 report.toml 中标出的数值后重试）",
            rendered.errors
        ));
        return Ok(ExitStatus::Findings);
    };
    match &args.output {
        Some(path) => write_file(path, &bytes, args.force)?,
        None if args.format == RenderFormat::Docx => return Err(Error::DocxNeedsOutput),
        None => printer::print(bytes)?,
    }
    Ok(ExitStatus::Success)
}
