//! `gaogen import`: a published report → report.toml; cells not read are listed, never made up.

use super::{listed, with_written, Outcome};
use gaogen::write::write_file;
use gaogen::written::Written;
use gaogen::{author, guide, input, printer, workbook, Error, ExitStatus};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub(crate) struct ImportArgs {
    /// 已发布的报告（gaogen parse 能读的任何形式）
    report: PathBuf,
    /// 输出的 report.toml 或 .xlsx 工作簿（默认把 report.toml 输出到屏幕）
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// 输出格式：toml 或 xlsx（Excel 工作簿，需 -o）；默认按 -o 的扩展名。json：按 -o 的扩展名写出文件（需 -o），屏幕上输出 JSON：写出的文件、未能读出的单元格、错误（见 docs/write-json.md）
    #[arg(long, value_enum)]
    format: Option<super::AuthorFormat>,
    /// 报告年度：报告中读不出年度时必须给出（不会猜测）；读得出时以此为准
    #[arg(long, value_parser = clap::value_parser!(u16).range(2008..=2100))]
    year: Option<u16>,
    /// 覆盖已存在的文件
    #[arg(long)]
    force: bool,
}

pub(crate) fn run(args: &ImportArgs) -> Outcome {
    let json = args.format == Some(super::AuthorFormat::Json);
    with_written("import", json, |doc| import(args, json, doc))
}

fn import(args: &ImportArgs, json: bool, doc: &mut Written) -> Outcome {
    if let Some(e) = guide::toml_not_published(&args.report, "import") {
        return Err(e);
    }
    if json && args.output.is_none() {
        return Err(Error::Usage(
            "--format json 在屏幕上输出 JSON，report.toml 需要用 -o 指定输出文件，如 -o report.toml"
                .into(),
        ));
    }
    let xlsx = super::wants_xlsx(args.format, args.output.as_deref());
    if let Some(path) = args.output.as_ref().filter(|_| !xlsx) {
        guide::toml_output(path, "import")?;
    }
    let mut report = input::read_report(&args.report).map_err(Error::Read)?;
    // A year is never guessed, and report.toml never gets one render refuses.
    report.year = args.year.or(report.year);
    if report.year.is_none() {
        return Err(Error::Read(format!(
            "{}：未能读出报告年度（标题、前言和正文开头都没有「XXXX年」），没有写出文件；请用 --year 指定，如 --year 2023",
            input::shown(&args.report)
        )));
    }
    if xlsx {
        let Some(path) = &args.output else {
            return Err(Error::Read(
                "错误：Excel 工作簿需要用 -o 指定输出文件，如 -o 年报数据.xlsx".into(),
            ));
        };
        let (bytes, missing) = workbook::import_bytes(&report)?;
        doc.unread.clone_from(&missing);
        if !missing.is_empty() && !json {
            printer::eprint(&listed(
                &format!(
                    "以下 {} 个单元格未能读出数字，已留空或照原样写入（请补填，不会自动当作 0）：",
                    missing.len()
                ),
                &missing,
            ));
        }
        write_file(path, &bytes, args.force)?;
        doc.file(path, "xlsx", bytes.len() as u64);
        if !json {
            let shown = path.display();
            let next = format!(
                "gaogen check {shown} 检查；gaogen render {shown} -o 报告.docx 生成 Word 文档"
            );
            printer::eprint(&guide::written(path, "Excel 工作簿", bytes.len(), &next));
        }
        return Ok(ExitStatus::Success);
    }
    let (text, missing) = author::import_report(&report);
    doc.unread.clone_from(&missing);
    if !missing.is_empty() && !json {
        printer::eprint(&listed(
            &format!(
                "以下 {} 个单元格未能读出，已写为 \"\"（请补填，不会自动当作 0）：",
                missing.len()
            ),
            &missing,
        ));
    }
    let Some(path) = &args.output else {
        printer::print(text)?;
        return Ok(ExitStatus::Success);
    };
    write_file(path, text.as_bytes(), args.force)?;
    doc.file(path, "toml", text.len() as u64);
    if !json {
        let shown = path.display();
        let next = if missing.is_empty() {
            format!("gaogen check {shown} 检查；gaogen render {shown} -o 报告.docx 生成 Word 文档")
        } else {
            format!("在 {shown} 中补填上面 {} 个未能读出的单元格（写为 \"\" 的格），然后 gaogen check {shown} 检查", missing.len())
        };
        printer::eprint(&guide::written(path, "report.toml", text.len(), &next));
    }
    Ok(ExitStatus::Success)
}
