//! `gaogen score DIR|FILE... [--profile FILE.toml]`: scores with a profile, every deduction
//! with its evidence.

use super::Outcome;
use gaogen::score::{score_paths, Profile, ScoreFormat};
use gaogen::{input, printer, Error, ExitStatus};
use gaogen_model::agency::AgencyKind;
use gaogen_model::check::published::{Context, Date};
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum FormatArg {
    Text,
    Json,
    Xlsx,
}

impl From<FormatArg> for ScoreFormat {
    fn from(f: FormatArg) -> Self {
        match f {
            FormatArg::Text => ScoreFormat::Text,
            FormatArg::Json => ScoreFormat::Json,
            FormatArg::Xlsx => ScoreFormat::Xlsx,
        }
    }
}

#[derive(Debug, clap::Args)]
pub(crate) struct ScoreArgs {
    /// 报告文件或目录（目录中的 .txt .html .htm .pdf .docx .doc .wps .odt .rtf 报告和 .xlsx 年报数据工作簿）；report.toml 也可以；同一机关相邻两年的报告自动配对
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// 评分方案（TOML，见 docs/scoring.md）；不给出时用默认方案
    #[arg(long, value_name = "FILE.toml")]
    profile: Option<PathBuf>,
    /// 输出格式：text（默认）、json（结构见 docs/scoring.md）或 xlsx（Excel 工作簿：得分、扣分依据、年度，需 -o）；给出 -o 时按扩展名
    #[arg(long, value_enum)]
    format: Option<FormatArg>,
    /// 输出文件（.xlsx、.json 或 .txt）；不给出时输出到终端
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// 覆盖已存在的输出文件
    #[arg(long)]
    force: bool,
    /// 发布日期 YYYY-MM-DD（报告中没有或读错时指定；用于「按期公布」）
    #[arg(long, value_name = "日期")]
    published: Option<String>,
    /// 机关类别：department（部门）、township-government（乡镇、街道）、county-government（县级以上人民政府）
    #[arg(long, value_name = "KIND")]
    agency_kind: Option<String>,
}

/// 0 every file scored, 2 some file could not be read or the profile is wrong.
pub(crate) fn run(args: &ScoreArgs) -> Outcome {
    let format = ScoreFormat::resolve(args.output.as_deref(), args.format.map(Into::into))?;
    let profile = match &args.profile {
        Some(path) => {
            let text = input::read_toml(path).map_err(Error::Read)?;
            Profile::parse(&path.display().to_string(), &text)?
        }
        None => Profile::default_profile(),
    };
    let published = match &args.published {
        Some(text) => Some(Date::parse_iso(text).ok_or_else(|| {
            Error::Read(format!(
                "错误：--published 应为 YYYY-MM-DD 格式的日期，如 2025-01-20，而不是「{text}」"
            ))
        })?),
        None => None,
    };
    let kind = match &args.agency_kind {
        Some(text) => Some(AgencyKind::parse(text).ok_or_else(|| {
            Error::Read(format!(
                "错误：--agency-kind 应为 department、township-government 或 county-government，而不是「{text}」"
            ))
        })?),
        None => None,
    };
    let run = score_paths(&args.paths, &profile, &Context { published, kind });
    for f in &run.failures {
        printer::eprintln(f);
    }
    let bytes = match format {
        ScoreFormat::Json => run.json().into_bytes(),
        ScoreFormat::Text => run.text(&profile).into_bytes(),
        ScoreFormat::Xlsx => run.xlsx(&profile).map_err(|e| Error::Write {
            path: args.output.clone().unwrap_or_default(),
            reason: format!("无法生成 Excel 工作簿：{e}"),
        })?,
    };
    match &args.output {
        Some(path) => {
            gaogen::write::write_file(path, &bytes, args.force)?;
            let what = match format {
                ScoreFormat::Xlsx => "Excel 工作簿：得分、扣分依据、年度",
                ScoreFormat::Json => "JSON，结构见 docs/scoring.md",
                ScoreFormat::Text => "文本",
            };
            printer::eprint(&gaogen::guide::written(
                path,
                &format!("{} 份报告的评分，{what}", run.reports.len()),
                bytes.len(),
                "逐项核对扣分依据中的页码和行号；无法评估的项目按评分方案计分",
            ));
        }
        None => printer::print(&bytes)?,
    }
    Ok(if run.failures.is_empty() {
        ExitStatus::Success
    } else {
        ExitStatus::CouldNotRun
    })
}
