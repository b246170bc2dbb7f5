//! The `gaogen` command line: a thin shell over the library (`lib.rs`); one file per
//! subcommand under `commands/`.

mod commands;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use commands::{check, diff, export, import, init, parse, render, rollup, rules, score, serve};
use std::process::ExitCode;

/// gaogen：政府信息公开工作年度报告的读取、检查、编写与比较工具
#[derive(Debug, Parser)]
#[command(
    name = "gaogen",
    version,
    about = "gaogen：政府信息公开工作年度报告的读取、检查、编写与比较工具",
    long_about = None,
    after_help = gaogen::input::LIMITS_HELP
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// 读取已发布的报告（文本、网页、Word、PDF 等）或年报数据工作簿，输出模型：章节、表格、每个单元格及读取发现的问题
    Parse(parse::ParseArgs),
    /// 检查已发布的报告：逐条核对格式规则和勾稽关系，指出每个问题的位置、两边的数值和修改办法
    Check(check::CheckArgs),
    /// 由 report.toml 生成符合格式的报告（表格合计自动计算，先检查全部规则）
    Render(render::RenderArgs),
    /// 生成带注释的 report.toml；--from 上一年的报告时沿用机关、结转数
    Init(init::InitArgs),
    /// 把已发布的报告转换为 report.toml（读不出的单元格列出，不编造）
    Import(import::ImportArgs),
    /// 比较同一机关两年的报告：表格逐格变化、逐年衔接、与上一年相同的文字
    Diff(diff::DiffArgs),
    /// 导出全部报告的每个数值和派生指标：.sqlite、.csv 或 .xlsx（见 docs/export.md）
    Export(export::ExportArgs),
    /// 列出全部规则代码（检查、两年比较、report.toml）及其说明
    Rules(rules::RulesArgs),
    /// 按评分方案给报告打分：每一项的得分、扣分依据（规则、页码、行号、数值）和无法评估的项目
    Score(score::ScoreArgs),
    /// 汇总下级单位报告的表格，生成汇总报告的 report.toml（缺表、缺格的单位逐一列出）；--check 逐格核对已发布的汇总报告
    Rollup(rollup::RollupArgs),
    /// 启动网页服务：在浏览器中检查、编写、对比报告（默认只接受本机访问）
    Serve(serve::ServeArgs),
}

fn main() -> ExitCode {
    let matches = match commands::zh::localize(Cli::command()).try_get_matches() {
        Ok(m) => m,
        Err(e) => return commands::zh::exit(e),
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => return commands::zh::exit(e),
    };
    let result = match cli.command {
        Command::Parse(args) => parse::run(&args),
        Command::Check(args) => check::run(&args),
        Command::Diff(args) => diff::run(&args),
        Command::Render(args) => render::run(&args),
        Command::Init(args) => init::run(&args),
        Command::Import(args) => import::run(&args),
        Command::Export(args) => export::run(&args),
        Command::Rules(args) => rules::run(&args),
        Command::Score(args) => score::run(&args),
        Command::Rollup(args) => rollup::run(&args),
        Command::Serve(args) => serve::run(&args),
    };
    commands::finish(result).into()
}
