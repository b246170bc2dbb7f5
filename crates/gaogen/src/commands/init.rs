//! `gaogen init`: a commented report.toml, blank or from last year's report.

use super::{listed, with_written, Outcome};
use gaogen::write::write_file;
use gaogen::written::Written;
use gaogen::{author, guide, printer, workbook, ExitStatus};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub(crate) struct InitArgs {
    /// 输出文件
    #[arg(short, long, default_value = "report.toml")]
    output: PathBuf,
    /// 以上一年的 report.toml、年报数据工作簿 .xlsx 或已发布的报告为基础：机关、年度 + 1、上年结转、现行有效件数
    #[arg(long, value_name = "LAST")]
    from: Option<PathBuf>,
    /// 机关名称（没有 --from 时使用）
    #[arg(long, default_value = "××（机关名称）")]
    agency: String,
    /// 报告年度（没有 --from 时使用）
    #[arg(long, default_value_t = 2025)]
    year: u16,
    /// 输出格式：toml（report.toml）或 xlsx（Excel 工作簿）；默认按 -o 的扩展名。json：按 -o 的扩展名写出文件，屏幕上输出 JSON：写出的文件、未能沿用的单元格、错误（见 docs/write-json.md）
    #[arg(long, value_enum)]
    format: Option<super::AuthorFormat>,
    /// 覆盖已存在的文件
    #[arg(long)]
    force: bool,
}

pub(crate) fn run(args: &InitArgs) -> Outcome {
    let json = args.format == Some(super::AuthorFormat::Json);
    with_written("init", json, |doc| write(args, json, doc))
}

fn write(args: &InitArgs, json: bool, doc: &mut Written) -> Outcome {
    let shown = args.output.display();
    if super::wants_xlsx(args.format, Some(&args.output)) {
        let bytes = workbook::init_bytes(args.from.as_deref(), &args.agency, args.year)?;
        write_file(&args.output, &bytes, args.force)?;
        doc.file(&args.output, "xlsx", bytes.len() as u64);
        if !json {
            printer::eprint(&guide::written(
                &args.output,
                "Excel 工作簿",
                bytes.len(),
                &format!("在 Excel 或 WPS 中填写浅黄色单元格（没有发生的填 0），然后 gaogen check {shown} 检查，gaogen render {shown} -o 报告.docx 生成 Word 文档"),
            ));
        }
        return Ok(ExitStatus::Success);
    }
    guide::toml_output(&args.output, "init")?;
    let (text, unread) = author::init_text(args.from.as_deref(), &args.agency, args.year)?;
    write_file(&args.output, text.as_bytes(), args.force)?;
    doc.file(&args.output, "toml", text.len() as u64);
    doc.unread.clone_from(&unread);
    if json {
        return Ok(ExitStatus::Success);
    }
    if !unread.is_empty() {
        printer::eprint(&listed(
            &format!(
                "警告：上一年报告中以下 {} 个单元格未能读出，沿用的数已写为 \"\"（请按上一年报告补填）：",
                unread.len()
            ),
            &unread,
        ));
    }
    let what = match &args.from {
        Some(from) => format!("以 {} 为基础的 report.toml", from.display()),
        None => "空白的 report.toml".to_string(),
    };
    printer::eprint(&guide::written(
        &args.output,
        &what,
        text.len(),
        &format!("按注释填写机关、文字和数字（替换「××」），然后 gaogen check {shown} 检查，gaogen render {shown} -o 报告.docx 生成 Word 文档"),
    ));
    Ok(ExitStatus::Success)
}
