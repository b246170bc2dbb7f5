//! Authoring: `gaogen render`, `gaogen init`, `gaogen import`.

use crate::input::read_source;
use crate::render_diag::{render as render_diagnostic, SourceText};
use crate::{output, write_file};
use clap::ValueEnum;
use gaogen_model::author::{self, Editions, Fill, OutputFormat};
use gaogen_model::check::{self, Diagnostic, Severity};
use gaogen_model::{FormatVersion, Report, TableKey};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum RenderFormat {
    Md,
    Txt,
    Html,
    Docx,
}

#[derive(Debug, clap::Args)]
pub(crate) struct RenderArgs {
    /// report.toml（格式见 docs/report-toml.md）
    toml: PathBuf,
    /// 输出文件（默认输出到屏幕）
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// 输出格式：md（Markdown）、txt（纯文本，表格以制表符分隔，可粘贴到 Word）、html（可打印的网页）、docx（Word 文档，需 -o）
    #[arg(long, value_enum, default_value = "md")]
    format: RenderFormat,
    /// 覆盖已存在的输出文件
    #[arg(long)]
    force: bool,
    /// 即使检查发现错误也输出（例如重新排版 gaogen import 得到的、本身有缺项的报告）
    #[arg(long)]
    allow_errors: bool,
}

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

fn color() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stderr().is_terminal()
}

fn print_diagnostics(diagnostics: &[Diagnostic], source: &str, origin: &str) {
    let source = SourceText::new(source);
    for d in diagnostics {
        eprint!("{}", render_diagnostic(d, &source, origin, color()));
    }
}

/// Reads report.toml into a checked report; `Err` is the exit code after printing why.
pub(crate) fn load_toml(path: &Path) -> Result<(Report, author::ReportToml, String), u8> {
    let shown = path.display().to_string();
    let source = std::fs::read_to_string(path).map_err(|e| {
        eprintln!("错误：{shown}：无法读取（{e}）");
        2
    })?;
    let input = author::parse_toml(&source).map_err(|d| {
        print_diagnostics(&[*d], &source, &shown);
        2
    })?;
    let (report, errors) = author::to_report(&input, &source);
    if !errors.is_empty() {
        print_diagnostics(&errors, &source, &shown);
        return Err(2);
    }
    Ok((report, input, source))
}

pub(crate) fn render(args: &RenderArgs) -> u8 {
    let (report, input, source) = match load_toml(&args.toml) {
        Ok(ok) => ok,
        Err(code) => return code,
    };
    let diagnostics = check::check(&report);
    print_diagnostics(&diagnostics, &source, &args.toml.display().to_string());
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    if errors > 0 && !args.allow_errors {
        eprintln!("检查发现 {errors} 个错误，未输出报告（改正 report.toml 中标出的数值后重试）");
        return 1;
    }
    let view = author::view(
        &report,
        input.report.date.as_ref().map(|d| d.get_ref().as_str()),
        input.report.contact.as_ref().map(|c| c.get_ref().as_str()),
    );
    let bytes = match args.format {
        RenderFormat::Md => author::render(&view, OutputFormat::Markdown).into_bytes(),
        RenderFormat::Txt => author::render(&view, OutputFormat::Text).into_bytes(),
        RenderFormat::Html => author::render(&view, OutputFormat::Html).into_bytes(),
        RenderFormat::Docx => {
            if args.output.is_none() {
                eprintln!("错误：Word 文档需要用 -o 指定输出文件，如 -o report.docx");
                return 2;
            }
            author::render_docx(&view)
        }
    };
    match &args.output {
        Some(path) => write_file(path, &bytes, args.force),
        None => u8::from(output::write_stdout(&bytes).is_err()) * 2,
    }
}

/// Last year's report: a report.toml or a published report.
fn last_year(path: &Path) -> Result<Report, u8> {
    if path.extension().is_some_and(|e| e == "toml") {
        return load_toml(path).map(|(r, _, _)| r);
    }
    read_source(path).map(|(_, r)| r).map_err(|e| {
        eprintln!("{e}");
        2
    })
}

pub(crate) fn init(args: &InitArgs) -> u8 {
    let (text, _) = match &args.from {
        Some(path) => {
            let last = match last_year(path) {
                Ok(r) => r,
                Err(code) => return code,
            };
            let Some(year) = last.year.map(|y| y + 1) else {
                eprintln!("错误：{}：无法确定上一年报告的年度", path.display());
                return 2;
            };
            let agency = last.agency.clone().unwrap_or_else(|| args.agency.clone());
            author::write_toml(
                &agency,
                year,
                Editions {
                    table2: FormatVersion::V2021,
                    table3: FormatVersion::V2021,
                },
                Fill::NextYearOf(&last),
            )
        }
        None => {
            let v = FormatVersion::expected_for_year(args.year);
            author::write_toml(
                &args.agency,
                args.year,
                Editions {
                    table2: v,
                    table3: v,
                },
                Fill::Blank,
            )
        }
    };
    write_file(&args.output, text.as_bytes(), args.force)
}

pub(crate) fn import(args: &ImportArgs) -> u8 {
    let report = match read_source(&args.report) {
        Ok((_, r)) => r,
        Err(e) => {
            eprintln!("{e}");
            return 2;
        }
    };
    let editions = Editions {
        table2: report.table(TableKey::ActiveDisclosure).version,
        table3: report.table(TableKey::Applications).version,
    };
    let agency = report.agency.as_deref().unwrap_or("（未能读出机关名称）");
    let (text, missing) = author::write_toml(
        agency,
        report.year.unwrap_or(0),
        editions,
        Fill::Copy(&report),
    );
    if !missing.is_empty() {
        eprintln!(
            "以下 {} 个单元格未能读出，已写为 \"\"（请补填，不会自动当作 0）：",
            missing.len()
        );
        for m in &missing {
            eprintln!("  {m}");
        }
    }
    match &args.output {
        Some(path) => write_file(path, text.as_bytes(), args.force),
        None => u8::from(output::write_stdout(text.as_bytes()).is_err()) * 2,
    }
}
