//! The `gaogen` command line.

mod check_cmd;
mod diff_cmd;
mod input;
mod output;
mod parse_cmd;
mod render_diag;
mod rules_cmd;
mod sarif;
mod table_text;

use clap::{Parser, Subcommand, ValueEnum};
use std::process::ExitCode;

/// gaogen：政府信息公开工作年度报告的读取、检查、编写与比较工具
#[derive(Debug, Parser)]
#[command(name = "gaogen", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// 读取已发布的报告（文本或网页），输出模型：章节、表格、每个单元格及读取发现的问题
    Parse(parse_cmd::ParseArgs),
    /// 检查已发布的报告：逐条核对格式规则和勾稽关系，指出每个问题的位置、两边的数值和修改办法
    Check(check_cmd::CheckArgs),
    /// 比较同一机关两年的报告：表格逐格变化、逐年衔接、与上一年相同的文字
    Diff(diff_cmd::DiffArgs),
    /// 列出全部检查规则及其说明
    Rules(rules_cmd::RulesArgs),
}

/// Output format shared by the commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    Json,
    Text,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Parse(args) => parse_cmd::run(&args),
        Command::Check(args) => check_cmd::run(&args),
        Command::Diff(args) => diff_cmd::run(&args),
        Command::Rules(args) => rules_cmd::run(&args),
    };
    ExitCode::from(code)
}
