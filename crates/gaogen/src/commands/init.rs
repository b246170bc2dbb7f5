//! `gaogen init`: a commented report.toml, blank or from last year's report.

use super::Outcome;
use gaogen::write::write_file;
use gaogen::{author, ExitStatus};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub(crate) struct InitArgs {
    /// 输出文件
    #[arg(short, long, default_value = "report.toml")]
    output: PathBuf,
    /// 以上一年的 report.toml 或已发布的报告为基础：机关、年度 + 1、上年结转、现行有效件数
    #[arg(long, value_name = "LAST")]
    from: Option<PathBuf>,
    /// 机关名称（没有 --from 时使用）
    #[arg(long, default_value = "××（机关名称）")]
    agency: String,
    /// 报告年度（没有 --from 时使用）
    #[arg(long, default_value_t = 2025)]
    year: u16,
    /// 覆盖已存在的文件
    #[arg(long)]
    force: bool,
}

pub(crate) fn run(args: &InitArgs) -> Outcome {
    let text = author::init_text(args.from.as_deref(), &args.agency, args.year)?;
    write_file(&args.output, text.as_bytes(), args.force)?;
    Ok(ExitStatus::Success)
}
