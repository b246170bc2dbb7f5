//! The files a run reads: paths named on the command line, directories expanded. Symlinked
//! directories are followed once (a link back to `.` is no loop), each file is read once however
//! it is reached, and what is not a report is named, not silently dropped.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// File endings read as reports (.doc .wps .odt .rtf through LibreOffice; .xlsx as gaogen's
/// authoring workbook).
pub const REPORT_EXTENSIONS: &[&str] = &[
    "txt", "html", "htm", "pdf", "docx", "doc", "wps", "odt", "rtf", "xlsx",
];

/// What a run is given to read.
#[derive(Debug, Default)]
pub struct Collected {
    /// Files to read, in order.
    pub files: Vec<PathBuf>,
    /// Messages for paths that cannot be read (each one makes the run exit 2).
    pub failures: Vec<String>,
    /// Files in directories that are not reports (named once, the run goes on).
    pub skipped: Vec<PathBuf>,
}

impl Collected {
    /// 「跳过 3 个不支持的文件：a.pptx、b.zip、c.png」, when something was skipped.
    pub fn skipped_message(&self) -> Option<String> {
        if self.skipped.is_empty() {
            return None;
        }
        let shown: Vec<String> = self
            .skipped
            .iter()
            .take(10)
            .map(|p| crate::input::shown(p))
            .collect();
        let more = if self.skipped.len() > 10 { " 等" } else { "" };
        Some(format!(
            "提示：跳过 {} 个不支持的文件：{}{more}（可读取 {}）",
            self.skipped.len(),
            shown.join("、"),
            REPORT_EXTENSIONS
                .iter()
                .map(|e| format!(".{e}"))
                .collect::<Vec<_>>()
                .join(" ")
        ))
    }
}

fn is_report_name(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| REPORT_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

fn hidden(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.'))
}

/// The files named, with directories expanded (recursively, sorted, hidden entries skipped).
pub fn collect(paths: &[PathBuf]) -> Collected {
    let mut out = Collected::default();
    let mut seen_files: HashSet<PathBuf> = HashSet::new();
    let mut seen_dirs: HashSet<PathBuf> = HashSet::new();
    for path in paths {
        let shown = crate::input::shown(path);
        let meta = match std::fs::metadata(path) {
            Ok(m) => m,
            Err(e) => {
                out.failures.push(format!(
                    "错误：{shown}：无法读取（{}）",
                    crate::input::io_reason(&e)
                ));
                continue;
            }
        };
        if !meta.is_dir() {
            // Named explicitly: read (or refused with its reason) whatever it is, once.
            let key = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
            if seen_files.insert(key) {
                out.files.push(path.clone());
            }
            continue;
        }
        if std::fs::canonicalize(path).is_ok_and(|c| seen_dirs.contains(&c)) {
            continue;
        }
        let before = out.files.len();
        let mut found = Vec::new();
        let mut stack = vec![path.clone()];
        while let Some(dir) = stack.pop() {
            let Ok(canonical) = std::fs::canonicalize(&dir) else {
                out.failures
                    .push(format!("错误：{}：无法读取目录", crate::input::shown(&dir)));
                continue;
            };
            if !seen_dirs.insert(canonical.clone()) {
                continue;
            }
            let entries = match std::fs::read_dir(&dir) {
                Ok(entries) => entries,
                Err(e) => {
                    out.failures.push(format!(
                        "错误：{}：无法读取目录（{}）",
                        crate::input::shown(&dir),
                        crate::input::io_reason(&e)
                    ));
                    continue;
                }
            };
            // The type of an entry that is no symbolic link comes with the listing (no system
            // call a file); a link's (`None`) is looked up through it.
            let mut names: Vec<(PathBuf, Option<std::fs::FileType>)> = entries
                .flatten()
                .map(|e| (e.path(), e.file_type().ok().filter(|t| !t.is_symlink())))
                .collect();
            names.sort_by(|a, b| a.0.cmp(&b.0));
            for (p, listed) in names {
                if hidden(&p) {
                    continue;
                }
                let link = listed.is_none();
                // Follows symlinks; a dangling link is reported like a missing file.
                let Some(file_type) =
                    listed.or_else(|| std::fs::metadata(&p).ok().map(|m| m.file_type()))
                else {
                    if is_report_name(&p) {
                        out.failures.push(format!(
                            "错误：{}：无法读取（链接指向的文件不存在）",
                            crate::input::shown(&p)
                        ));
                    }
                    continue;
                };
                if file_type.is_dir() {
                    stack.push(p);
                } else if !is_report_name(&p) {
                    out.skipped.push(p);
                } else if let Some(kind) = crate::input::special_type(file_type) {
                    out.failures.push(format!(
                        "错误：{}：不是普通文件（{kind}），已跳过",
                        crate::input::shown(&p)
                    ));
                } else {
                    // The canonical name of an entry that is no link is its canonical directory's
                    // name joined with its own (no path resolution a file).
                    let key = match p.file_name() {
                        Some(name) if !link => canonical.join(name),
                        _ => std::fs::canonicalize(&p).unwrap_or_else(|_| p.clone()),
                    };
                    if seen_files.insert(key) {
                        found.push(p);
                    }
                }
            }
        }
        found.sort();
        out.files.extend(found);
        if out.files.len() == before {
            out.failures.push(format!(
                "错误：{shown}：目录中没有可读取的报告文件（{}）",
                REPORT_EXTENSIONS
                    .iter()
                    .map(|e| format!(".{e}"))
                    .collect::<Vec<_>>()
                    .join(" ")
            ));
        }
    }
    out
}
