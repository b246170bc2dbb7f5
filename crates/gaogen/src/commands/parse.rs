//! `gaogen parse`: print the model of each report.

use super::{report_error, Format, Outcome};
use gaogen::{parse, printer, ExitStatus};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub(crate) struct ParseArgs {
    /// 报告文件：.txt .html .htm .pdf .docx，.doc .wps .odt .rtf（经 LibreOffice 转换），或 gaogen 年报数据工作簿 .xlsx；文本编码 UTF-8、UTF-16、GB18030 均可
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// 输出格式：json（默认，结构见 docs/model-json.md）或 text（供人阅读的摘要）
    #[arg(long, value_enum, default_value = "json")]
    format: Format,
}

/// Exit codes: 0 read, 2 some file could not be read at all.
pub(crate) fn run(args: &ParseArgs) -> Outcome {
    let mut failed = false;
    let mut reports = Vec::new();
    for path in &args.files {
        if let Some(e) = gaogen::guide::toml_not_published(path, "parse") {
            report_error(&e);
            failed = true;
            continue;
        }
        match parse::read(path) {
            Ok((report, places)) => reports.push((path, report, places)),
            Err(message) => {
                report_error(&gaogen::Error::Read(message));
                failed = true;
            }
        }
    }
    let out = match args.format {
        Format::Json => {
            let all: Vec<_> = reports.iter().map(|(_, r, p)| (r, p.as_ref())).collect();
            parse::json_with_places(&all, args.files.len() == 1)
        }
        Format::Text => reports
            .iter()
            .map(|(p, r, _)| parse::summary(&p.display().to_string(), r))
            .collect(),
    };
    printer::print(out)?;
    Ok(if failed {
        ExitStatus::CouldNotRun
    } else {
        ExitStatus::Success
    })
}
