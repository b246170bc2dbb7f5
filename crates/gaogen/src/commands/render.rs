//! `gaogen render`: report.toml → a report in the official format, after every check.

use super::{finish_json, Outcome};
use gaogen::author::{self, diagnostics_text, RenderFormat};
use gaogen::write::write_file;
use gaogen::written::Written;
use gaogen::{guide, printer, workbook, Error, ExitStatus};
use std::path::PathBuf;

/// `--format`: what to write, or `json` (what the output's ending says, and JSON on the screen).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum RenderFormatArg {
    Md,
    Txt,
    Html,
    Docx,
    Json,
}

#[derive(Debug, clap::Args)]
pub(crate) struct RenderArgs {
    /// report.toml（格式见 docs/report-toml.md）或 gaogen init 生成的 .xlsx 工作簿
    toml: PathBuf,
    /// 输出文件（默认输出到屏幕）；格式按扩展名：.md .txt .html .docx
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// 输出格式（默认按 -o 的扩展名，输出到屏幕时为 md）：md（Markdown）、txt（纯文本，表格以制表符分隔，可粘贴到 Word）、html（可打印的网页）、docx（Word 文档，需 -o）；与扩展名矛盾时报错。json：按 -o 的扩展名写出文件（需 -o），屏幕上输出 JSON：写出的文件、全部检查结果、错误（见 docs/write-json.md）
    #[arg(long, value_enum)]
    format: Option<RenderFormatArg>,
    /// 覆盖已存在的输出文件
    #[arg(long)]
    force: bool,
    /// 即使检查发现错误也输出（例如重新排版 gaogen import 得到的、本身有缺项的报告）
    #[arg(long)]
    allow_errors: bool,
}

/// What one run says: to people on stderr, or into the JSON document.
struct Run<'a> {
    args: &'a RenderArgs,
    json: bool,
    doc: Written,
}

pub(crate) fn run(args: &RenderArgs) -> Outcome {
    let json = args.format == Some(RenderFormatArg::Json);
    let mut run = Run {
        args,
        json,
        doc: Written::new("render"),
    };
    let result = run.render();
    if json {
        finish_json(run.doc, result)
    } else {
        result
    }
}

impl Run<'_> {
    fn render(&mut self) -> Outcome {
        let args = self.args;
        let explicit = match args.format {
            Some(RenderFormatArg::Md) => Some(RenderFormat::Md),
            Some(RenderFormatArg::Txt) => Some(RenderFormat::Txt),
            Some(RenderFormatArg::Html) => Some(RenderFormat::Html),
            Some(RenderFormatArg::Docx) => Some(RenderFormat::Docx),
            None | Some(RenderFormatArg::Json) => None,
        };
        if self.json && args.output.is_none() {
            return Err(Error::Usage(
                "--format json 在屏幕上输出 JSON，报告需要用 -o 指定输出文件，如 -o 年报.docx"
                    .into(),
            ));
        }
        let format = guide::render_format(args.output.as_deref(), explicit)?;
        if format == RenderFormat::Docx && args.output.is_none() {
            return Err(Error::DocxNeedsOutput);
        }
        if workbook::is_xlsx(&args.toml) {
            return self.workbook(format);
        }
        let loaded = author::load_toml(&args.toml)?;
        let rendered = author::render(&loaded, format, args.allow_errors);
        let shown = args.toml.display().to_string();
        if self.json {
            self.doc.diagnostics(
                &shown,
                &loaded.report,
                &rendered.diagnostics,
                &loaded.source,
                None,
            );
        } else {
            printer::eprint(&diagnostics_text(
                &rendered.diagnostics,
                &loaded.source,
                &shown,
                printer::stderr_style(),
            ));
        }
        let Some(bytes) = rendered.bytes else {
            self.say(&format!(
                "检查发现 {} 个错误，未输出报告（改正 report.toml 中标出的数值后重试）",
                rendered.errors
            ));
            return Ok(ExitStatus::Findings);
        };
        let warnings = guide::draft_warnings(&loaded, &shown);
        for w in &warnings {
            self.say(&format!("警告：{w}"));
        }
        self.doc.warnings = warnings.clone();
        self.emit(format, &bytes, &warnings)
    }

    /// Tells people (not the JSON document: its checks and exit code say it).
    fn say(&self, line: &str) {
        if !self.json {
            printer::eprintln(line);
        }
    }

    /// `render X.xlsx`: the workbook read, every rule run, problems at their sheet and cell.
    fn workbook(&mut self, format: RenderFormat) -> Outcome {
        let args = self.args;
        let shown = args.toml.display().to_string();
        let book = workbook::read_path(&args.toml).map_err(Error::Read)?;
        let rendered = workbook::file::render(&book, format, args.allow_errors);
        if self.json {
            self.doc.diagnostics(
                &shown,
                &book.report,
                &rendered.diagnostics,
                "",
                Some(&book.places),
            );
        } else {
            printer::eprint(&workbook::file::diagnostics_text(
                &rendered.diagnostics,
                &book,
                &shown,
                printer::stderr_color(),
            ));
        }
        let Some(bytes) = rendered.bytes else {
            if rendered.errors > 0 {
                self.say(&format!(
                    "检查发现 {} 个错误，未输出报告（改正 {shown} 中标出的单元格后重试）",
                    rendered.errors
                ));
            }
            let blank = workbook::file::blank_cells(&book.report);
            if blank > 0 {
                let message = format!(
                    "工作簿中有 {blank} 个单元格空白或不是数字（见上面的警告），未输出报告：空白不等于 0，没有发生的请填 0"
                );
                self.say(&message);
                self.doc.warnings.push(message);
            }
            return Ok(ExitStatus::Findings);
        };
        self.emit(format, &bytes, &[])
    }

    /// Writes the rendered report and says what to do next.
    fn emit(&mut self, format: RenderFormat, bytes: &[u8], warnings: &[String]) -> Outcome {
        let args = self.args;
        let Some(path) = &args.output else {
            printer::print(bytes)?;
            return Ok(ExitStatus::Success);
        };
        write_file(path, bytes, args.force)?;
        let (kind, what, next) = match format {
            RenderFormat::Docx => ("docx", "Word 文档", "用 Word 或 WPS 打开，核对版式后发布"),
            RenderFormat::Html => (
                "html",
                "网页，可在浏览器中打印",
                "用浏览器打开核对，或发布到政府网站",
            ),
            RenderFormat::Md => (
                "md",
                "Markdown",
                "粘贴到网站后台，或 gaogen render 时用 -o 报告.docx 生成 Word 文档",
            ),
            RenderFormat::Txt => (
                "txt",
                "纯文本，表格以制表符分隔",
                "粘贴到 Word，或 gaogen render 时用 -o 报告.docx 直接生成 Word 文档",
            ),
        };
        self.doc.file(path, kind, bytes.len() as u64);
        if !self.json {
            let next = if warnings.is_empty() {
                next.to_string()
            } else {
                format!(
                    "先处理上面 {} 条警告，再重新生成；然后{next}",
                    warnings.len()
                )
            };
            printer::eprint(&guide::written(path, what, bytes.len(), &next));
        }
        Ok(ExitStatus::Success)
    }
}
