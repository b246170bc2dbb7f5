//! Reading report files from disk: the only place the CLI touches input files.

use gaogen_model::Report;
use std::path::Path;

/// Reads and parses one report; the error is a Chinese message naming the file.
pub(crate) fn read_report(path: &Path) -> Result<Report, String> {
    let shown = path.display();
    let meta = std::fs::metadata(path)
        .map_err(|e| format!("错误：{shown}：无法读取文件（{}）", io_reason(&e)))?;
    if meta.is_dir() {
        return Err(format!("错误：{shown}：这是一个目录，不是报告文件"));
    }
    if meta.len() > gaogen_grammar::MAX_INPUT_BYTES as u64 {
        return Err(format!(
            "错误：{shown}：{}",
            gaogen_grammar::InputError::TooLarge {
                size: meta.len() as usize,
                limit: gaogen_grammar::MAX_INPUT_BYTES
            }
        ));
    }
    let bytes = std::fs::read(path)
        .map_err(|e| format!("错误：{shown}：无法读取文件（{}）", io_reason(&e)))?;
    gaogen_grammar::parse_bytes(&bytes).map_err(|e| format!("错误：{shown}：{e}"))
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "文件不存在".into(),
        std::io::ErrorKind::PermissionDenied => "没有读取权限".into(),
        _ => e.to_string(),
    }
}
