//! Reading uploads: multipart fields into memory with the per-file, per-request and
//! files-per-request limits, and `.zip` archives expanded (bounded) into their reports.

use super::error::{megabytes, ApiError};
use super::Config;
use axum::extract::multipart::{Multipart, MultipartError};
use axum::http::StatusCode;
use std::io::Read;

/// One uploaded file (or a text field: `file_name` is `None`).
#[derive(Debug)]
pub(crate) struct Upload {
    /// The form field: `file`, `old`, `new`, ….
    pub field: String,
    /// The file's name as the browser sent it, without directories.
    pub name: String,
    pub bytes: Vec<u8>,
    pub is_file: bool,
}

/// Text fields are short: a mode, a threshold.
const MAX_TEXT_FIELD: usize = 64 << 10;

fn multipart_error(e: &MultipartError, config: &Config) -> ApiError {
    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
        ApiError::request_too_large(config.max_request)
    } else {
        ApiError::bad_request(format!(
            "上传的数据无法解析（multipart 格式不正确：{}）",
            e.body_text()
        ))
    }
}

/// The base name of a path sent by a browser (`C:\a\b.txt`, `dir/b.txt` → `b.txt`).
pub(crate) fn base_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name).trim();
    if base.is_empty() {
        "（未命名文件）".to_string()
    } else {
        base.chars().take(200).collect()
    }
}

/// Reads every field of a multipart body into memory, enforcing the limits.
pub(crate) async fn read_all(
    mut multipart: Multipart,
    config: &Config,
) -> Result<Vec<Upload>, ApiError> {
    let mut uploads: Vec<Upload> = Vec::new();
    let mut total = 0usize;
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(e) => return Err(multipart_error(&e, config)),
        };
        let field_name = field.name().unwrap_or("").to_string();
        let file_name = field.file_name().map(base_name);
        let is_file = file_name.is_some();
        let name = file_name.unwrap_or_else(|| field_name.clone());
        if is_file && uploads.iter().filter(|u| u.is_file).count() >= config.max_files {
            return Err(ApiError::too_large(format!(
                "文件过多：一次最多上传 {} 个文件",
                config.max_files
            )));
        }
        let limit = if is_file {
            config.max_file
        } else {
            MAX_TEXT_FIELD
        };
        let mut bytes = Vec::new();
        let mut field = field;
        loop {
            let chunk = match field.chunk().await {
                Ok(Some(c)) => c,
                Ok(None) => break,
                Err(e) => return Err(multipart_error(&e, config)),
            };
            total += chunk.len();
            if total > config.max_request {
                return Err(ApiError::request_too_large(config.max_request));
            }
            if bytes.len() + chunk.len() > limit {
                return Err(ApiError::too_large(if is_file {
                    format!(
                        "文件「{name}」过大：单个文件不能超过 {}",
                        megabytes(config.max_file)
                    )
                } else {
                    format!("表单字段「{name}」过长")
                }));
            }
            bytes.extend_from_slice(&chunk);
        }
        uploads.push(Upload {
            field: field_name,
            name,
            bytes,
            is_file,
        });
    }
    Ok(uploads)
}

/// A report to read, or why an entry could not be taken.
#[derive(Debug)]
pub(crate) enum Item {
    File { name: String, bytes: Vec<u8> },
    Failed { name: String, message: String },
}

/// Extensions taken from inside a `.zip`.
const REPORT_EXTENSIONS: &[&str] = &[
    "txt", "html", "htm", "pdf", "docx", "doc", "wps", "odt", "rtf", "toml",
];

fn is_zip_name(name: &str) -> bool {
    name.to_ascii_lowercase().ends_with(".zip")
}

/// Entry names in Chinese archives made on Windows are GB18030, not UTF-8.
fn entry_name(raw: &[u8]) -> String {
    match std::str::from_utf8(raw) {
        Ok(s) => s.to_string(),
        Err(_) => encoding_rs::GB18030.decode(raw).0.into_owned(),
    }
}

/// The files of a request with every `.zip` expanded: entries are bounded in number and size,
/// hidden and non-report entries skipped, sorted as in the archive.
pub(crate) fn expand(uploads: Vec<Upload>, config: &Config) -> Result<Vec<Item>, ApiError> {
    let mut items = Vec::new();
    let mut expanded_total = 0usize;
    for u in uploads.into_iter().filter(|u| u.is_file) {
        if !is_zip_name(&u.name) {
            items.push(Item::File {
                name: u.name,
                bytes: u.bytes,
            });
            continue;
        }
        let mut archive = match zip::ZipArchive::new(std::io::Cursor::new(&u.bytes)) {
            Ok(a) => a,
            Err(e) => {
                items.push(Item::Failed {
                    name: u.name.clone(),
                    message: format!("错误：{}：不是有效的 zip 压缩包（{e}）", u.name),
                });
                continue;
            }
        };
        for i in 0..archive.len() {
            let Ok(mut entry) = archive.by_index(i) else {
                continue;
            };
            let inner = entry_name(entry.name_raw());
            let shown = format!("{}/{}", u.name, inner);
            let base = inner.rsplit('/').next().unwrap_or("");
            let hidden = inner
                .split('/')
                .any(|p| p.starts_with('.') || p == "__MACOSX");
            let ext = base.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
            if entry.is_dir()
                || hidden
                || !ext.is_some_and(|e| REPORT_EXTENSIONS.contains(&e.as_str()))
            {
                continue;
            }
            if items.len() >= config.max_files {
                return Err(ApiError::too_large(format!(
                    "文件过多：一次最多检查 {} 个文件（含压缩包中的文件）",
                    config.max_files
                )));
            }
            if entry.size() > config.max_file as u64 {
                items.push(Item::Failed {
                    message: format!(
                        "错误：{shown}：文件过大（解压后 {} 字节，单个文件不能超过 {}）",
                        entry.size(),
                        megabytes(config.max_file)
                    ),
                    name: shown,
                });
                continue;
            }
            let mut bytes = Vec::new();
            let read = (&mut entry)
                .take(config.max_file as u64 + 1)
                .read_to_end(&mut bytes);
            expanded_total += bytes.len();
            if expanded_total > config.max_request.saturating_mul(4) {
                return Err(ApiError::too_large(format!(
                    "压缩包「{}」解压后过大（超过 {}）",
                    u.name,
                    megabytes(config.max_request.saturating_mul(4))
                )));
            }
            let message = match read {
                Err(e) => Some(format!("错误：{shown}：无法解压（{e}）")),
                Ok(_) if bytes.len() > config.max_file => Some(format!(
                    "错误：{shown}：文件过大（单个文件不能超过 {}）",
                    megabytes(config.max_file)
                )),
                Ok(_) => None,
            };
            items.push(match message {
                Some(message) => Item::Failed {
                    name: shown,
                    message,
                },
                None => Item::File { name: shown, bytes },
            });
        }
    }
    Ok(items)
}
