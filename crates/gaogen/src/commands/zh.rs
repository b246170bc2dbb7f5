//! clap in Chinese: help laid out by a Chinese template (用法、参数、选项、命令), the help and
//! version flags re-added with Chinese help, English value lists hidden (the help texts name the
//! values), and every argument error turned into a Chinese message with the usage (exit 2).

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command};
use gaogen::printer;
use std::process::ExitCode;

const TEMPLATE: &str = "{about-with-newline}\n用法：{usage}\n\n{all-args}{after-help}";

/// The command tree with Chinese help.
pub(crate) fn localize(cmd: Command) -> Command {
    let cmd = cmd.disable_version_flag(true).arg(
        Arg::new("version")
            .short('V')
            .long("version")
            .action(ArgAction::Version)
            .help("显示版本号"),
    );
    one(cmd)
}

fn one(cmd: Command) -> Command {
    let cmd = cmd
        .help_template(TEMPLATE)
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .subcommand_help_heading("命令")
        .subcommand_value_name("命令")
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("显示帮助"),
        )
        .mut_args(|a| {
            let heading = if a.is_positional() {
                "参数"
            } else {
                "选项"
            };
            let a = a.help_heading(heading);
            if a.get_action().takes_values() {
                a.hide_possible_values(true).hide_default_value(true)
            } else {
                a
            }
        });
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    names
        .iter()
        .fold(cmd, |cmd, name| cmd.mut_subcommand(name, one))
}

/// English words clap still puts into usage lines.
fn words(text: &str) -> String {
    text.replace("Usage: ", "")
        .replace("[OPTIONS]", "[选项]")
        .replace("<COMMAND>", "<命令>")
        .replace("命令:\n", "命令：\n")
        .replace("参数:\n", "参数：\n")
        .replace("选项:\n", "选项：\n")
}

fn context(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join("、")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => Some(
            v.iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .join("、"),
        ),
        ContextValue::Number(n) => Some(n.to_string()),
        ContextValue::Bool(b) => Some(b.to_string()),
        ContextValue::None => None,
        _ => None,
    }
}

/// The Chinese message for an argument error.
pub(crate) fn message(e: &clap::Error) -> String {
    let arg = context(e, ContextKind::InvalidArg).unwrap_or_default();
    let value = context(e, ContextKind::InvalidValue).unwrap_or_default();
    let mut out = match e.kind() {
        ErrorKind::MissingRequiredArgument => format!("缺少必需的参数：{}", words(&arg)),
        ErrorKind::UnknownArgument => format!("没有这个选项：{arg}"),
        ErrorKind::InvalidSubcommand => {
            let name = context(e, ContextKind::InvalidSubcommand).unwrap_or_default();
            let commands: Vec<String> = <crate::Cli as clap::CommandFactory>::command()
                .get_subcommands()
                .map(|c| c.get_name().to_string())
                .collect();
            format!(
                "没有「{name}」这个命令；可用的命令：{}",
                commands.join("、")
            )
        }
        ErrorKind::InvalidValue => {
            let valid = context(e, ContextKind::ValidValue);
            match valid {
                Some(valid) if value.is_empty() => {
                    format!("{} 需要一个值，可选：{valid}", words(&arg))
                }
                Some(valid) => format!("{} 的值「{value}」无效，可选：{valid}", words(&arg)),
                None if value.is_empty() => format!("{} 需要一个值", words(&arg)),
                None => format!("{} 的值「{value}」无效", words(&arg)),
            }
        }
        ErrorKind::ValueValidation => {
            format!(
                "{} 的值「{value}」无效（应为数字或规定的写法）",
                words(&arg)
            )
        }
        ErrorKind::ArgumentConflict => {
            let prior = context(e, ContextKind::PriorArg).unwrap_or_default();
            format!("{} 不能与 {} 同时使用", words(&arg), words(&prior))
        }
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            format!("{} 的值的个数不对", words(&arg))
        }
        ErrorKind::NoEquals => format!("{} 的值要用 = 连接", words(&arg)),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            "缺少命令：gaogen 后面要写一个命令，如 gaogen check 报告.pdf".to_string()
        }
        ErrorKind::InvalidUtf8 => "参数不是有效的 UTF-8 文字".to_string(),
        _ => "命令行参数有误".to_string(),
    };
    let suggested = context(e, ContextKind::SuggestedArg)
        .or_else(|| context(e, ContextKind::SuggestedSubcommand));
    if let Some(s) = suggested {
        out.push_str(&format!("；是否指 {s}？"));
    }
    let mut text = format!("错误：{out}\n");
    if let Some(usage) = context(e, ContextKind::Usage) {
        text.push_str(&format!("\n用法：{}\n", words(usage.trim())));
    }
    text.push_str("\n加 --help 查看说明。\n");
    text
}

/// Handles clap's early exits: help and version on stdout (0), everything else a Chinese
/// message on stderr (2).
pub(crate) fn exit(e: clap::Error) -> ExitCode {
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = printer::print(words(&e.render().to_string()));
            ExitCode::SUCCESS
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            printer::eprint(&words(&e.render().to_string()));
            ExitCode::from(2)
        }
        _ => {
            printer::eprint(&message(&e));
            ExitCode::from(2)
        }
    }
}
