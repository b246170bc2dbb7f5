//! `gaogen import`: a published report → report.toml; cells not read are listed, never made up.

use super::Outcome;
use gaogen::write::write_file;
use gaogen::{author, guide, input, printer, Error, ExitStatus};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub(crate) struct ImportArgs {
    /// 已发布的报告（gaogen parse 能读的任何形式）
    report: PathBuf,
    /// 输出的 report.toml（默认输出到屏幕）
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// 覆盖已存在的文件
    #[arg(long)]
    force: bool,
}

pub(crate) fn run(args: &ImportArgs) -> Outcome {
    if let Some(e) = guide::toml_not_published(&args.report, "import") {
        return Err(e);
    }
    if let Some(path) = &args.output {
        guide::toml_output(path, "import")?;
    }
    let report = input::read_report(&args.report).map_err(Error::Read)?;
    let (text, missing) = author::import_report(&report);
    if !missing.is_empty() {
        let mut message = format!(
            "以下 {} 个单元格未能读出，已写为 \"\"（请补填，不会自动当作 0）：\n",
            missing.len()
        );
        for m in &missing {
            message.push_str(&format!("  {m}\n"));
        }
        printer::eprint(&message);
    }
    match &args.output {
        Some(path) => {
            write_file(path, text.as_bytes(), args.force)?;
            let shown = path.display();
            let next = if missing.is_empty() {
                format!(
                    "gaogen check {shown} 检查；gaogen render {shown} -o 报告.docx 生成 Word 文档"
                )
            } else {
                format!("在 {shown} 中补填上面 {} 个未能读出的单元格（写为 \"\" 的格），然后 gaogen check {shown} 检查", missing.len())
            };
            printer::eprint(&guide::written(path, "report.toml", text.len(), &next));
        }
        None => printer::print(text)?,
    }
    Ok(ExitStatus::Success)
}
