//! Reading report files from disk: the only place the CLI touches input files.

use gaogen_model::Report;
use std::path::{Path, PathBuf};

/// File endings taken from a directory.
const REPORT_EXTENSIONS: &[&str] = &["txt", "html", "htm", "pdf", "docx"];

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "文件不存在".into(),
        std::io::ErrorKind::PermissionDenied => "没有读取权限".into(),
        _ => e.to_string(),
    }
}

fn read_bytes(path: &Path) -> Result<Vec<u8>, String> {
    let shown = path.display();
    let meta = std::fs::metadata(path)
        .map_err(|e| format!("错误：{shown}：无法读取文件（{}）", io_reason(&e)))?;
    if meta.is_dir() {
        return Err(format!("错误：{shown}：这是一个目录，不是报告文件"));
    }
    if meta.len() > gaogen_grammar::MAX_INPUT_BYTES as u64 {
        let e = gaogen_grammar::InputError::TooLarge {
            size: meta.len() as usize,
            limit: gaogen_grammar::MAX_INPUT_BYTES,
        };
        return Err(format!("错误：{shown}：{e}"));
    }
    std::fs::read(path).map_err(|e| format!("错误：{shown}：无法读取文件（{}）", io_reason(&e)))
}

/// Reads and parses one report; the error is a Chinese message naming the file.
pub fn read_report(path: &Path) -> Result<Report, String> {
    read_source(path).map(|(_, report)| report)
}

/// Reads one report and keeps its decoded text, to quote from.
pub fn read_source(path: &Path) -> Result<(String, Report), String> {
    let bytes = read_bytes(path)?;
    if bytes.starts_with(b"%PDF-") {
        return read_pdf(path);
    }
    gaogen_grammar::read(&bytes).map_err(|e| format!("错误：{}：{e}", path.display()))
}

/// A PDF read through poppler's `pdftotext -layout` (keeps each table row on one line).
fn read_pdf(path: &Path) -> Result<(String, Report), String> {
    let shown = path.display();
    let output = std::process::Command::new("pdftotext")
        .arg("-layout")
        .arg("-enc")
        .arg("UTF-8")
        .arg(path)
        .arg("-")
        .output();
    let output = match output {
        Ok(o) => o,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(format!(
                "错误：{shown}：读取 PDF 需要 poppler 的 pdftotext，但没有找到它。安装方法：Debian/Ubuntu 运行 apt-get install poppler-utils；macOS 运行 brew install poppler；也可以先把 PDF 导出为文本再检查"
            ))
        }
        Err(e) => return Err(format!("错误：{shown}：无法运行 pdftotext（{e}）")),
    };
    if !output.status.success() {
        let why = String::from_utf8_lossy(&output.stderr);
        return Err(format!(
            "错误：{shown}：pdftotext 无法读取这个 PDF（{}）",
            why.trim()
        ));
    }
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    if text.trim().is_empty() {
        return Err(format!(
            "错误：{shown}：PDF 中没有可提取的文字（可能是扫描件或图片），无法读取"
        ));
    }
    let mut report = gaogen_grammar::parse(&text);
    report.source.input = gaogen_model::InputKind::Pdf;
    Ok((text, report))
}

/// The files named, with directories expanded (recursively, sorted, hidden entries skipped), and
/// the messages for paths that do not exist.
pub fn collect_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<String>) {
    let mut files = Vec::new();
    let mut failures = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut stack = vec![path.clone()];
            let mut found = Vec::new();
            while let Some(dir) = stack.pop() {
                let Ok(entries) = std::fs::read_dir(&dir) else {
                    failures.push(format!("错误：{}：无法读取目录", dir.display()));
                    continue;
                };
                for entry in entries.flatten() {
                    let p = entry.path();
                    if p.file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| n.starts_with('.'))
                    {
                        continue;
                    }
                    if p.is_dir() {
                        stack.push(p);
                    } else if p.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                        REPORT_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str())
                    }) {
                        found.push(p);
                    }
                }
            }
            found.sort();
            files.extend(found);
        } else if path.exists() {
            files.push(path.clone());
        } else {
            failures.push(format!(
                "错误：{}：无法读取文件（文件不存在）",
                path.display()
            ));
        }
    }
    (files, failures)
}

/// Reads a report given as bytes (an upload, named `name` in messages): the same kinds as from a
/// file, detected from the bytes.
pub fn read_named(name: &str, bytes: &[u8]) -> Result<(String, Report), String> {
    if bytes.len() > gaogen_grammar::MAX_INPUT_BYTES {
        let e = gaogen_grammar::InputError::TooLarge {
            size: bytes.len(),
            limit: gaogen_grammar::MAX_INPUT_BYTES,
        };
        return Err(format!("错误：{name}：{e}"));
    }
    if bytes.starts_with(b"%PDF-") {
        return read_pdf_bytes(name, bytes);
    }
    gaogen_grammar::read(bytes).map_err(|e| format!("错误：{name}：{e}"))
}

/// A PDF given as bytes, piped through `pdftotext -layout - -`.
fn read_pdf_bytes(name: &str, bytes: &[u8]) -> Result<(String, Report), String> {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let child = Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8", "-", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = child.map_err(|e| format!("错误：{name}：无法运行 pdftotext（{e}）"))?;
    let output = std::thread::scope(|s| {
        let mut stdin = child.stdin.take();
        s.spawn(move || stdin.as_mut().map(|i| i.write_all(bytes)));
        child.wait_with_output()
    })
    .map_err(|e| format!("错误：{name}：无法运行 pdftotext（{e}）"))?;
    if !output.status.success() {
        let why = String::from_utf8_lossy(&output.stderr);
        return Err(format!(
            "错误：{name}：pdftotext 无法读取这个 PDF（{}）",
            why.trim()
        ));
    }
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    if text.trim().is_empty() {
        return Err(format!(
            "错误：{name}：PDF 中没有可提取的文字（可能是扫描件或图片），无法读取"
        ));
    }
    let mut report = gaogen_grammar::parse(&text);
    report.source.input = gaogen_model::InputKind::Pdf;
    Ok((text, report))
}

/// Reads a report.toml as text.
pub fn read_toml(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("错误：{}：无法读取（{e}）", path.display()))
}
