//! Reading report files: the only place gaogen touches input files, and the one loader every
//! command (and the web server's uploads, through [`read_named`]) goes through.
//!
//! Bounds on every path: only regular files are opened (a FIFO or `/dev/zero` is refused before
//! it is opened); every read stops at [`MAX_INPUT_BYTES`] + 1 bytes whatever the file claims to
//! be; PDF and legacy Word files are converted by child programs with a time limit and a capped
//! read of their output ([`child`]); the text they produce counts against the same limit.

#![allow(clippy::disallowed_methods)] // the loader: the one module allowed to read files (clippy.toml)

mod child;
mod walk;

pub use child::stop_all as stop_children;
pub use walk::{collect, Collected, REPORT_EXTENSIONS};

use gaogen_grammar::MAX_INPUT_BYTES;
use gaogen_model::{InputKind, Report};
use std::io::Read;
use std::path::Path;

/// The PDF time limit in seconds (`GAOGEN_PDF_TIMEOUT` overrides it).
pub const PDF_SECONDS: u64 = 30;
/// The LibreOffice time limit in seconds (`GAOGEN_OFFICE_TIMEOUT` overrides it).
pub const OFFICE_SECONDS: u64 = 120;

/// The limits, as `--help` states them (README says the same).
pub const LIMITS_HELP: &str = "输入上限：每个文件最多 32 MiB（report.toml 相同）；Word 文档展开后的文字、PDF 提取出的文字同样以 32 MiB 为限。\n\
PDF 由 pdftotext 读取，限时 30 秒（环境变量 GAOGEN_PDF_TIMEOUT 可改）；.doc .wps .odt .rtf 由 LibreOffice 转换，限时 120 秒（GAOGEN_OFFICE_TIMEOUT）。\n\
只读取普通文件：命名管道、设备、套接字报错并跳过；目录中的符号链接目录只进入一次，同一文件只检查一次，不支持的文件类型列出后跳过。\n\
输出文件已存在（包括指向别处的符号链接）时不覆盖，加 --force 才覆盖（保留原权限）；中断时不留下临时文件。";

/// A path as shown in messages.
pub fn shown(path: &Path) -> String {
    gaogen_grammar::clean_controls(&path.display().to_string()).into_owned()
}

/// An OS error in Chinese.
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => "文件不存在".into(),
        PermissionDenied => "没有权限".into(),
        AlreadyExists => "文件已存在".into(),
        IsADirectory => "这是一个目录".into(),
        NotADirectory => "路径中有一段不是目录".into(),
        StorageFull => "磁盘已满".into(),
        ReadOnlyFilesystem => "文件系统只读".into(),
        QuotaExceeded => "超出磁盘配额".into(),
        FileTooLarge => "文件过大".into(),
        InvalidFilename => "文件名无效".into(),
        Interrupted => "操作被中断".into(),
        _ => match e.raw_os_error() {
            Some(code) => format!("系统错误 {code}"),
            None => "未知的系统错误".into(),
        },
    }
}

/// The kind of a file that is not a regular file, in Chinese.
pub fn special_kind(meta: &std::fs::Metadata) -> Option<&'static str> {
    special_type(meta.file_type())
}

/// [`special_kind`] of a file type (a directory listing's, with no further look at the file).
pub fn special_type(t: std::fs::FileType) -> Option<&'static str> {
    use std::os::unix::fs::FileTypeExt;
    if t.is_file() {
        None
    } else if t.is_dir() {
        Some("目录")
    } else if t.is_fifo() {
        Some("命名管道")
    } else if t.is_char_device() || t.is_block_device() {
        Some("设备文件")
    } else if t.is_socket() {
        Some("套接字")
    } else {
        Some("特殊文件")
    }
}

fn too_large(limit: usize) -> String {
    format!(
        "文件过大：超过 {limit} 字节（{} MiB）的上限，不像是一份年度报告，未读取",
        limit / (1024 * 1024)
    )
}

/// Reads at most `limit` bytes of a regular file; `Err` is the reason in Chinese (without the
/// file name).
pub fn read_limited(path: &Path, limit: usize) -> Result<Vec<u8>, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("无法读取文件（{}）", io_reason(&e)))?;
    if let Some(kind) = special_kind(&meta) {
        return Err(format!("不是普通文件（{kind}），未读取"));
    }
    let mut file =
        std::fs::File::open(path).map_err(|e| format!("无法读取文件（{}）", io_reason(&e)))?;
    // The file may have been swapped between the two looks.
    if let Some(kind) = file.metadata().ok().as_ref().and_then(special_kind) {
        return Err(format!("不是普通文件（{kind}），未读取"));
    }
    // Sized from the file: one read fills it and a second finds its end (the file may still
    // grow: the buffer doubles up to one byte over the limit, which bounds what is read).
    let mut bytes = vec![0; (meta.len() as usize).min(limit) + 1];
    let mut filled = 0;
    loop {
        if filled == bytes.len() {
            if filled > limit {
                return Err(too_large(limit));
            }
            bytes.resize((filled * 2).min(limit + 1), 0);
        }
        match file.read(&mut bytes[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(format!("无法读取文件（{}）", io_reason(&e))),
        }
    }
    bytes.truncate(filled);
    Ok(bytes)
}

/// Reads a report.toml as text, through the size limit.
pub fn read_toml(path: &Path) -> Result<String, String> {
    let shown = shown(path);
    let bytes = read_limited(path, MAX_INPUT_BYTES).map_err(|e| format!("错误：{shown}：{e}"))?;
    let bytes = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(&bytes)
        .to_vec();
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "错误：{shown}：第 {} 字节处不是有效的 UTF-8（report.toml 须以 UTF-8 保存）",
            e.utf8_error().valid_up_to() + 1
        )
    })
}

/// Reads the bytes of a workbook (.xlsx), with the bounds of a report file.
pub fn read_workbook(path: &Path) -> Result<Vec<u8>, String> {
    read_limited(path, MAX_INPUT_BYTES).map_err(|e| format!("错误：{}：{e}", shown(path)))
}

/// Reads and parses one report; the error is a Chinese message naming the file.
pub fn read_report(path: &Path) -> Result<Report, String> {
    read_source(path).map(|(_, report)| report)
}

/// The files named, with directories expanded, and the messages for paths that cannot be read
/// (see [`collect`] for what was skipped).
pub fn collect_files(paths: &[std::path::PathBuf]) -> (Vec<std::path::PathBuf>, Vec<String>) {
    let c = collect(paths);
    (c.files, c.failures)
}

/// Reads one report and keeps its decoded text, to quote from.
pub fn read_source(path: &Path) -> Result<(String, Report), String> {
    read_source_with(path, gaogen_grammar::Detail::Full)
}

/// [`read_source`] keeping `detail` of a text, HTML or Word file (`Detail::Check`: what checking
/// uses). Other kinds are read in full.
pub fn read_source_with(
    path: &Path,
    detail: gaogen_grammar::Detail,
) -> Result<(String, Report), String> {
    let name = shown(path);
    let bytes = read_limited(path, MAX_INPUT_BYTES).map_err(|e| format!("错误：{name}：{e}"))?;
    if kind_of(&name, &bytes) == Kind::Direct {
        // The bytes are freed once decoded (a large file is not held twice while it is read).
        return gaogen_grammar::read_owned_with(bytes, detail)
            .map_err(|e| format!("错误：{name}：{e}"));
    }
    read_named(&name, &bytes)
}

/// What the bytes are, by content first and the file name second.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Pdf,
    /// Read by LibreOffice: .doc, .wps (OLE2), .odt, .rtf; the extension to give it.
    Office(&'static str),
    /// Anything else the grammar crate reads: text, HTML, .docx.
    Direct,
    /// An Excel workbook named .xlsx: gaogen's authoring workbook (`gaogen init -o x.xlsx`).
    Workbook,
    /// A known file type that is not a report format.
    Unsupported(&'static str),
}

fn extension(name: &str) -> String {
    Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase()
}

fn zip_kind(bytes: &[u8], ext: &str) -> Kind {
    let Ok(archive) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else {
        return Kind::Direct;
    };
    let names: Vec<String> = archive
        .file_names()
        .flatten()
        .map(|n| n.into_owned())
        .collect();
    let has = |name: &str| names.iter().any(|n| n == name);
    let prefixed = |p: &str| names.iter().any(|n| n.starts_with(p));
    if has("word/document.xml") {
        Kind::Direct
    } else if prefixed("xl/") && ext == "xlsx" {
        Kind::Workbook
    } else if prefixed("xl/") {
        Kind::Unsupported("Excel 工作簿（.xlsx）")
    } else if prefixed("ppt/") {
        Kind::Unsupported("PowerPoint 演示文稿（.pptx）")
    } else if has("content.xml")
        && bytes
            .windows(39)
            .any(|w| w == b"application/vnd.oasis.opendocument.text")
    {
        Kind::Office("odt")
    } else if has("content.xml") {
        Kind::Unsupported("OpenDocument 表格或演示文稿")
    } else if ext == "docx" {
        Kind::Direct
    } else {
        Kind::Unsupported("zip 压缩包")
    }
}

fn kind_of(name: &str, bytes: &[u8]) -> Kind {
    let ext = extension(name);
    if bytes.starts_with(b"%PDF-") {
        Kind::Pdf
    } else if bytes.starts_with(b"PK\x03\x04") {
        zip_kind(bytes, &ext)
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        match ext.as_str() {
            "xls" | "et" => Kind::Unsupported("Excel 工作簿（.xls）"),
            "ppt" | "dps" => Kind::Unsupported("PowerPoint 演示文稿（.ppt）"),
            "wps" => Kind::Office("wps"),
            _ => Kind::Office("doc"),
        }
    } else if bytes.starts_with(b"{\\rtf") {
        Kind::Office("rtf")
    } else if bytes.starts_with(b"\x89PNG")
        || bytes.starts_with(&[0xFF, 0xD8, 0xFF])
        || bytes.starts_with(b"GIF8")
    {
        Kind::Unsupported("图片（扫描件须先识别文字）")
    } else if bytes.starts_with(b"Rar!")
        || bytes.starts_with(&[0x1F, 0x8B])
        || bytes.starts_with(b"7z\xBC\xAF")
    {
        Kind::Unsupported("压缩包")
    } else {
        Kind::Direct
    }
}

/// Reads one report from its bytes; `name` is how the file is called in messages (a path, or an
/// uploaded file's name) and gives its type when the content does not. The error is a Chinese
/// message naming it.
pub fn read_named(name: &str, bytes: &[u8]) -> Result<(String, Report), String> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(format!("错误：{name}：{}", too_large(MAX_INPUT_BYTES)));
    }
    match kind_of(name, bytes) {
        Kind::Pdf => read_pdf(name, bytes),
        Kind::Office(ext) => read_office(name, ext, bytes),
        Kind::Unsupported(what) => Err(format!(
            "错误：{name}：不支持的文件类型：{what}；gaogen 读取文本、网页、PDF 和 Word 文档（.docx，以及经 LibreOffice 转换的 .doc .wps .odt .rtf）"
        )),
        Kind::Direct => {
            gaogen_grammar::read(bytes).map_err(|e| format!("错误：{name}：{e}"))
        }
        // Positions in a workbook's report number its places (see `workbook::Places`); there is
        // no text to quote.
        Kind::Workbook => crate::workbook::read(bytes)
            .map(|book| (String::new(), book.report))
            .map_err(|e| format!("错误：{name}：{e}")),
    }
}

/// A private directory holding `bytes` as `input.<ext>`, for a child program to read.
fn private_copy(name: &str, ext: &str, bytes: &[u8]) -> Result<tempfile::TempDir, String> {
    let dir = tempfile::Builder::new()
        .prefix("gaogen-")
        .tempdir()
        .map_err(|e| format!("错误：{name}：无法创建临时目录（{}）", io_reason(&e)))?;
    std::fs::write(dir.path().join(format!("input.{ext}")), bytes)
        .map_err(|e| format!("错误：{name}：无法写入临时文件（{}）", io_reason(&e)))?;
    Ok(dir)
}

fn child_error(name: &str, program: &str, e: child::ChildError, install: &str) -> String {
    match e {
        child::ChildError::NotFound => {
            format!("错误：{name}：读取这种文件需要 {program}，但没有找到它。{install}")
        }
        child::ChildError::Spawn(e) => {
            format!("错误：{name}：无法运行 {program}（{}）", io_reason(&e))
        }
        child::ChildError::TimedOut(t) => format!(
            "错误：{name}：{program} 超过 {} 秒仍未读完，已停止（文件可能经过构造或已损坏）",
            t.as_secs()
        ),
        child::ChildError::TooMuchOutput(limit) => format!(
            "错误：{name}：{program} 提取出的文字超过 {limit} 字节的上限，已停止（不像是一份年度报告）"
        ),
        child::ChildError::Failed(why) => format!(
            "错误：{name}：{program} 无法读取这个文件（{}）",
            gaogen_grammar::clean_controls(why.lines().next().unwrap_or("").trim())
        ),
    }
}

/// A PDF read through poppler's `pdftotext -layout` (keeps each table row on one line).
fn read_pdf(name: &str, bytes: &[u8]) -> Result<(String, Report), String> {
    let dir = private_copy(name, "pdf", bytes)?;
    let mut command = std::process::Command::new("pdftotext");
    command
        .args(["-layout", "-enc", "UTF-8"])
        .arg(dir.path().join("input.pdf"))
        .arg("-");
    let time = child::limit_from_env("GAOGEN_PDF_TIMEOUT", PDF_SECONDS);
    let out = child::run(command, time, MAX_INPUT_BYTES).map_err(|e| {
        child_error(name, "poppler 的 pdftotext", e, "安装方法：Debian/Ubuntu 运行 apt-get install poppler-utils；macOS 运行 brew install poppler；也可以先把 PDF 导出为文本再检查")
    })?;
    let text = String::from_utf8_lossy(&out).into_owned();
    if text.trim().is_empty() {
        return Err(format!(
            "错误：{name}：PDF 中没有可提取的文字（可能是扫描件或图片），无法读取"
        ));
    }
    let text = gaogen_grammar::clean_controls(&text).into_owned();
    let mut report = gaogen_grammar::parse(&text);
    report.source.input = InputKind::Pdf;
    Ok((text, report))
}

/// .doc, .wps, .odt, .rtf converted to .docx by LibreOffice in a private directory (its own
/// profile there too, so runs in parallel do not wait on one another), then read as Word.
fn read_office(name: &str, ext: &str, bytes: &[u8]) -> Result<(String, Report), String> {
    let dir = private_copy(name, ext, bytes)?;
    let profile = dir.path().join("profile");
    let mut command = std::process::Command::new("soffice");
    command
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "docx",
            "--outdir",
        ])
        .arg(dir.path().join("out"))
        .arg(dir.path().join(format!("input.{ext}")))
        .env("HOME", dir.path());
    let time = child::limit_from_env("GAOGEN_OFFICE_TIMEOUT", OFFICE_SECONDS);
    child::run(command, time, 1024 * 1024).map_err(|e| {
        child_error(name, "LibreOffice（soffice）", e, "安装方法：Debian/Ubuntu 运行 apt-get install libreoffice-writer；macOS 运行 brew install --cask libreoffice；也可以在 Word 或 WPS 中另存为 .docx 再检查")
    })?;
    let converted = dir.path().join("out").join("input.docx");
    let docx = read_limited(&converted, MAX_INPUT_BYTES).map_err(|_| {
        format!("错误：{name}：LibreOffice 未能把这个文件转换为 Word 文档（文件可能已损坏或加密）")
    })?;
    let (text, report) = gaogen_grammar::read(&docx).map_err(|e| format!("错误：{name}：{e}"))?;
    Ok((text, report))
}

#[cfg(test)]
mod tests {
    use super::read_limited;

    #[test]
    fn a_file_is_read_whole_up_to_the_limit_and_refused_past_it() {
        let dir = tempfile::tempdir().expect("temp dir");
        for len in [0usize, 1, 9, 10, 11, 4096, 100_000] {
            let path = dir.path().join(format!("{len}.txt"));
            let content: Vec<u8> = (0..len).map(|i| b'a' + (i % 26) as u8).collect();
            crate::write::write_file(&path, &content, false).expect("written");
            for limit in [0usize, 1, 10, 4095, 4096, 100_000, 1 << 20] {
                match read_limited(&path, limit) {
                    Ok(bytes) => assert!(len <= limit && bytes == content, "{len} {limit}"),
                    Err(e) => assert!(len > limit && e.contains("文件过大"), "{len} {limit}: {e}"),
                }
            }
        }
        let missing = read_limited(&dir.path().join("none.txt"), 10).unwrap_err();
        assert!(missing.starts_with("无法读取文件"), "{missing}");
    }
}
