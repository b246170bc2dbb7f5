//! `gaogen import`: a published report → report.toml; cells not read are listed, never made up.

use super::Outcome;
use gaogen::write::write_file;
use gaogen::{author, input, printer, Error, ExitStatus};
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
        Some(path) => write_file(path, text.as_bytes(), args.force)?,
        None => printer::print(text)?,
    }
    Ok(ExitStatus::Success)
}
