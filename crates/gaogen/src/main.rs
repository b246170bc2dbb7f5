//! The `gaogen` command line.

mod author_cmd;
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
    /// 由 report.toml 生成符合格式的报告（表格合计自动计算，先检查全部规则）
    Render(author_cmd::RenderArgs),
    /// 生成带注释的 report.toml；--from 上一年的报告时沿用机关、结转数
    Init(author_cmd::InitArgs),
    /// 把已发布的报告转换为 report.toml（读不出的单元格列出，不编造）
    Import(author_cmd::ImportArgs),
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

/// Writes a file atomically (a temporary file renamed into place); an existing file is kept
/// unless `force`. Returns the exit code.
pub(crate) fn write_file(path: &std::path::Path, bytes: &[u8], force: bool) -> u8 {
    if path.exists() && !force {
        eprintln!("错误：{} 已存在；加 --force 才会覆盖", path.display());
        return 2;
    }
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = dir.join(format!(".{name}.gaogen-{}", std::process::id()));
    let written = std::fs::write(&temp, bytes).and_then(|()| std::fs::rename(&temp, path));
    match written {
        Ok(()) => 0,
        Err(e) => {
            let _ = std::fs::remove_file(&temp);
            eprintln!("错误：无法写入 {}（{e}）", path.display());
            2
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Parse(args) => parse_cmd::run(&args),
        Command::Check(args) => check_cmd::run(&args),
        Command::Diff(args) => diff_cmd::run(&args),
        Command::Render(args) => author_cmd::render(&args),
        Command::Init(args) => author_cmd::init(&args),
        Command::Import(args) => author_cmd::import(&args),
        Command::Rules(args) => rules_cmd::run(&args),
    };
    ExitCode::from(code)
}
