//! Telling people what happened and what to do next: the output format a file name asks for,
//! a file of the wrong kind (a published report where report.toml belongs, and the reverse),
//! what a writing command wrote, and what a draft still lacks before it is published.

use crate::author::{Loaded, RenderFormat};
use crate::Error;
use gaogen_model::{CellValue, RowId, SectionKey, TableKey};
use std::path::Path;

/// Whether a path names a report.toml (by its ending).
pub fn is_toml(path: &Path) -> bool {
    extension(path).as_deref() == Some("toml")
}

fn extension(path: &Path) -> Option<String> {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
}

/// Endings of published reports (what `import`, `check` and `parse` read).
const PUBLISHED: &[&str] = &[
    "txt", "text", "html", "htm", "docx", "doc", "wps", "pdf", "odt", "rtf",
];

fn format_of_extension(ext: &str) -> Option<RenderFormat> {
    match ext {
        "md" | "markdown" => Some(RenderFormat::Md),
        "txt" | "text" => Some(RenderFormat::Txt),
        "html" | "htm" => Some(RenderFormat::Html),
        "docx" => Some(RenderFormat::Docx),
        _ => None,
    }
}

fn format_name(f: RenderFormat) -> &'static str {
    match f {
        RenderFormat::Md => "md",
        RenderFormat::Txt => "txt",
        RenderFormat::Html => "html",
        RenderFormat::Docx => "docx",
    }
}

/// What `render` writes: `--format` when given, else what the output file's ending says
/// (Markdown to the terminal). A `--format` contradicting the ending, or an ending that names no
/// format, is an error: a file named .docx holding Markdown is refused by Word.
pub fn render_format(
    output: Option<&Path>,
    explicit: Option<RenderFormat>,
) -> Result<RenderFormat, Error> {
    let Some(path) = output else {
        return Ok(explicit.unwrap_or(RenderFormat::Md));
    };
    let ext = extension(path);
    match (ext.as_deref().and_then(format_of_extension), explicit) {
        (Some(by_name), Some(given)) if by_name != given => Err(Error::Usage(format!(
            "输出文件 {} 的扩展名是 .{}，与 --format {} 矛盾：去掉 --format（按扩展名输出），或把文件名改为 .{}",
            path.display(),
            ext.unwrap_or_default(),
            format_name(given),
            format_name(given)
        ))),
        (Some(by_name), _) => Ok(by_name),
        (None, Some(given)) => Ok(given),
        (None, None) => Err(Error::Usage(format!(
            "无法从 {} 的扩展名判断输出格式：用 .md .txt .html .docx 作扩展名，或加 --format",
            path.display()
        ))),
    }
}

/// `init`/`import` write report.toml: an output file with another ending is an error.
pub fn toml_output(path: &Path, command: &str) -> Result<(), Error> {
    match extension(path) {
        Some(ext) if ext != "toml" => Err(Error::Usage(format!(
            "gaogen {command} 写出的是 report.toml，输出文件 {} 却以 .{ext} 结尾：改为 .toml；要生成 Word、网页或 Markdown，写出 report.toml 后运行 gaogen render report.toml -o 报告.{ext}",
            path.display()
        ))),
        _ => Ok(()),
    }
}

/// A published report given where report.toml is expected.
pub fn published_not_toml(path: &Path) -> Option<Error> {
    let ext = extension(path)?;
    PUBLISHED.contains(&ext.as_str()).then(|| {
        Error::Usage(format!(
            "{} 是已发布的报告（.{ext}），不是 report.toml：先运行 gaogen import {} -o report.toml 转换，再对 report.toml 运行 gaogen render",
            path.display(),
            path.display()
        ))
    })
}

/// Whether report.toml-looking text that failed to parse is in fact a published report.
pub fn text_is_published(source: &str) -> bool {
    let looks_toml = source.lines().any(|l| {
        let l = l.trim_start();
        let key: String = l
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        l.starts_with('[') && l[1..].starts_with(|c: char| c.is_ascii_alphabetic())
            || (!key.is_empty() && l[key.len()..].trim_start().starts_with('='))
    });
    !looks_toml && source.contains("政府信息公开")
}

/// A report.toml given where a published report is expected.
pub fn toml_not_published(path: &Path, command: &str) -> Option<Error> {
    is_toml(path).then(|| {
        Error::Usage(format!(
            "{} 是 report.toml（编写报告用的输入），不必 {command}：检查用 gaogen check {}，生成报告用 gaogen render {} -o 报告.docx",
            path.display(),
            path.display(),
            path.display()
        ))
    })
}

/// 「已写入 report.docx（Word 文档，12.3 KB）」 and the next step.
pub fn written(path: &Path, what: &str, bytes: usize, next: &str) -> String {
    let size = if bytes >= 1024 {
        format!("{:.1} KB", bytes as f64 / 1024.0)
    } else {
        format!("{bytes} 字节")
    };
    format!(
        "已写入 {}（{what}，{size}）\n下一步：{next}\n",
        path.display()
    )
}

/// What a rendered draft still lacks: template placeholders left (「××」), sections 一、五、六
/// without text, carried-over counts that are not filled in.
pub fn draft_warnings(loaded: &Loaded, shown: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, line) in loaded.source.lines().enumerate() {
        let code = line.split('#').next().unwrap_or("");
        if code.contains("××") || code.contains("XX（") {
            out.push(format!(
                "{shown}:{}：还有模板占位「××」未替换：{}",
                i + 1,
                code.trim()
            ));
        }
    }
    // 二、三、四 are their tables; 一、五、六 must say something.
    let texts = [
        SectionKey::Overview,
        SectionKey::Problems,
        SectionKey::Other,
    ];
    for section in &loaded.report.sections {
        if section.paragraphs.is_empty() && texts.contains(&section.key) {
            out.push(format!(
                "{shown}：「{}」没有文字（在 [text] 中填写）",
                section.official_heading
            ));
        }
    }
    let carried = loaded
        .report
        .table(TableKey::Applications)
        .row(RowId::CarriedOver)
        .map(|r| {
            r.cells
                .iter()
                .filter(|c| matches!(c.value, CellValue::Empty { .. }))
                .count()
        })
        .unwrap_or(0);
    if carried > 0 {
        out.push(format!(
            "{shown}：表三「二、上年结转政府信息公开申请数量」有 {carried} 格没有填写（上一年的结转数未能读出）：请按上一年报告的「四、结转下年度继续办理」补填"
        ));
    }
    out
}
