//! The `gaogen` command line.

mod input;
mod output;
mod parse_cmd;

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
    };
    ExitCode::from(code)
}
