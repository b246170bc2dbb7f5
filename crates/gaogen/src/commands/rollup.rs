//! `gaogen rollup CHILD... -o 汇总.toml` and `gaogen rollup --check PARENT CHILD...`.

use super::{with_written, Outcome};
use gaogen::author::load_any;
use gaogen::rollup::{check_text, roll_up};
use gaogen::written::Written;
use gaogen::{printer, write, Error, ExitStatus};
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum RollupFormat {
    Text,
    Json,
}

#[derive(Debug, clap::Args)]
pub(crate) struct RollupArgs {
    /// 下级单位的报告（已发布的报告、report.toml 或年报数据工作簿 .xlsx）
    #[arg(required = true)]
    children: Vec<PathBuf>,
    /// 汇总结果写入的 report.toml
    #[arg(
        short,
        long,
        value_name = "汇总.toml",
        required_unless_present = "check"
    )]
    output: Option<PathBuf>,
    /// 覆盖已存在的输出文件
    #[arg(long)]
    force: bool,
    /// 汇总报告的机关名称
    #[arg(long, default_value = "（汇总）")]
    agency: String,
    /// 核对已发布的汇总报告：逐格与下级报告之和比较
    #[arg(long, value_name = "PARENT")]
    check: Option<PathBuf>,
    /// 输出格式：text（默认）或 json。--check 时为逐格核对的结果；写出汇总时，屏幕上输出 JSON：写出的文件、未能汇总的下级单位、错误（见 docs/write-json.md）
    #[arg(long, value_enum, default_value = "text")]
    format: RollupFormat,
}

/// 0 complete (or the compiled report agrees), 1 children missing tables or cells (or
/// differences), 2 could not run.
pub(crate) fn run(args: &RollupArgs) -> Outcome {
    let json = args.check.is_none() && args.format == RollupFormat::Json;
    with_written("rollup", json, |doc| roll(args, doc))
}

fn roll(args: &RollupArgs, doc: &mut Written) -> Outcome {
    let json = args.format == RollupFormat::Json;
    let mut children = Vec::new();
    for path in &args.children {
        let (_, report) = load_any(path)?;
        children.push((path.display().to_string(), report));
    }
    let rolled = roll_up(&children)?;
    if let Some(parent) = &args.check {
        let (_, parent) = load_any(parent)?;
        let checks = rolled.check(&parent);
        let out = match args.format {
            RollupFormat::Json => {
                serde_json::to_string_pretty(&serde_json::json!({
                    "missing": rolled.missing,
                    "cells": checks,
                }))
                .map_err(|e| Error::Stdout(e.to_string()))?
                    + "\n"
            }
            RollupFormat::Text => check_text(&checks, &rolled.missing),
        };
        printer::print(out)?;
        return Ok(ExitStatus::findings_if(
            !checks.is_empty() || !rolled.missing.is_empty(),
        ));
    }
    let Some(output) = &args.output else {
        return Err(Error::Read(
            "错误：需要 -o 指定汇总结果的 report.toml".into(),
        ));
    };
    let text = rolled.toml(&args.agency);
    write::write_file(output, text.as_bytes(), args.force)?;
    doc.file(output, "toml", text.len() as u64);
    doc.unread.clone_from(&rolled.missing);
    if json {
        return Ok(ExitStatus::findings_if(!rolled.missing.is_empty()));
    }
    let mut message = format!(
        "已写入 {}：{} 份下级报告的表格之和\n",
        output.display(),
        children.len()
    );
    for m in &rolled.missing {
        message.push_str(&format!("未能汇总：{m}\n"));
    }
    printer::eprint(&message);
    Ok(ExitStatus::findings_if(!rolled.missing.is_empty()))
}
