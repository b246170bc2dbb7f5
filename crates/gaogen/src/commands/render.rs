//! `gaogen render`: report.toml → a report in the official format, after every check.

use super::Outcome;
use gaogen::author::{self, diagnostics_text, RenderFormat};
use gaogen::write::write_file;
use gaogen::{guide, printer, workbook, Error, ExitStatus};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub(crate) struct RenderArgs {
    /// report.toml（格式见 docs/report-toml.md）或 gaogen init 生成的 .xlsx 工作簿
    toml: PathBuf,
    /// 输出文件（默认输出到屏幕）；格式按扩展名：.md .txt .html .docx
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// 输出格式（默认按 -o 的扩展名，输出到屏幕时为 md）：md（Markdown）、txt（纯文本，表格以制表符分隔，可粘贴到 Word）、html（可打印的网页）、docx（Word 文档，需 -o）；与扩展名矛盾时报错
    #[arg(long, value_enum)]
    format: Option<RenderFormat>,
    /// 覆盖已存在的输出文件
    #[arg(long)]
    force: bool,
    /// 即使检查发现错误也输出（例如重新排版 gaogen import 得到的、本身有缺项的报告）
    #[arg(long)]
    allow_errors: bool,
}

pub(crate) fn run(args: &RenderArgs) -> Outcome {
    let format = guide::render_format(args.output.as_deref(), args.format)?;
    if format == RenderFormat::Docx && args.output.is_none() {
        return Err(Error::DocxNeedsOutput);
    }
    if workbook::is_xlsx(&args.toml) {
        return run_workbook(args, format);
    }
    let loaded = author::load_toml(&args.toml)?;
    let rendered = author::render(&loaded, format, args.allow_errors);
    printer::eprint(&diagnostics_text(
        &rendered.diagnostics,
        &loaded.source,
        &args.toml.display().to_string(),
        printer::stderr_style(),
    ));
    let Some(bytes) = rendered.bytes else {
        printer::eprintln(&format!(
            "检查发现 {} 个错误，未输出报告（改正 report.toml 中标出的数值后重试）",
            rendered.errors
        ));
        return Ok(ExitStatus::Findings);
    };
    let shown = args.toml.display().to_string();
    let warnings = guide::draft_warnings(&loaded, &shown);
    for w in &warnings {
        printer::eprintln(&format!("警告：{w}"));
    }
    emit(args, format, &bytes, &warnings)
}

/// `render X.xlsx`: the workbook read, every rule run, problems at their sheet and cell.
fn run_workbook(args: &RenderArgs, format: RenderFormat) -> Outcome {
    let shown = args.toml.display().to_string();
    let book = workbook::read_path(&args.toml).map_err(Error::Read)?;
    let rendered = workbook::file::render(&book, format, args.allow_errors);
    printer::eprint(&workbook::file::diagnostics_text(
        &rendered.diagnostics,
        &book,
        &shown,
        printer::stderr_color(),
    ));
    let Some(bytes) = rendered.bytes else {
        if rendered.errors > 0 {
            printer::eprintln(&format!(
                "检查发现 {} 个错误，未输出报告（改正 {shown} 中标出的单元格后重试）",
                rendered.errors
            ));
        }
        let blank = workbook::file::blank_cells(&book.report);
        if blank > 0 {
            printer::eprintln(&format!(
                "工作簿中有 {blank} 个单元格空白或不是数字（见上面的警告），未输出报告：空白不等于 0，没有发生的请填 0"
            ));
        }
        return Ok(ExitStatus::Findings);
    };
    emit(args, format, &bytes, &[])
}

/// Writes the rendered report and says what to do next.
fn emit(args: &RenderArgs, format: RenderFormat, bytes: &[u8], warnings: &[String]) -> Outcome {
    match &args.output {
        Some(path) => {
            write_file(path, bytes, args.force)?;
            let (what, next) = match format {
                RenderFormat::Docx => ("Word 文档", "用 Word 或 WPS 打开，核对版式后发布"),
                RenderFormat::Html => (
                    "网页，可在浏览器中打印",
                    "用浏览器打开核对，或发布到政府网站",
                ),
                RenderFormat::Md => (
                    "Markdown",
                    "粘贴到网站后台，或 gaogen render 时用 -o 报告.docx 生成 Word 文档",
                ),
                RenderFormat::Txt => (
                    "纯文本，表格以制表符分隔",
                    "粘贴到 Word，或 gaogen render 时用 -o 报告.docx 直接生成 Word 文档",
                ),
            };
            let next = if warnings.is_empty() {
                next.to_string()
            } else {
                format!(
                    "先处理上面 {} 条警告，再重新生成；然后{next}",
                    warnings.len()
                )
            };
            printer::eprint(&guide::written(path, what, bytes.len(), &next));
        }
        None => printer::print(bytes)?,
    }
    Ok(ExitStatus::Success)
}
