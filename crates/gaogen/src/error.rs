//! The library's typed results: why a command could not run, and the exit status.

use gaogen_model::check::Diagnostic;
use std::fmt;
use std::path::PathBuf;

/// How a command ended; the process exit code is `code()`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ExitStatus {
    /// 0: ran, nothing to report (no errors; for `diff`, no differences).
    Success,
    /// 1: ran and found something (errors, denied warnings, differences).
    Findings,
    /// 2: could not run, or some input could not be read.
    CouldNotRun,
}

impl ExitStatus {
    /// The process exit code: 0, 1 or 2.
    pub fn code(self) -> u8 {
        match self {
            ExitStatus::Success => 0,
            ExitStatus::Findings => 1,
            ExitStatus::CouldNotRun => 2,
        }
    }

    /// `Findings` when `found`, else `Success`.
    pub fn findings_if(found: bool) -> Self {
        if found {
            ExitStatus::Findings
        } else {
            ExitStatus::Success
        }
    }
}

impl From<ExitStatus> for std::process::ExitCode {
    fn from(s: ExitStatus) -> Self {
        std::process::ExitCode::from(s.code())
    }
}

/// Why something could not be done. `Display` is the Chinese message for people.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// A report could not be read; the message names the file (from the loader).
    Read(String),
    /// A report.toml that does not parse or does not fit the format: the diagnostics point into
    /// `source` (to be rendered with excerpts).
    Toml {
        path: String,
        source: String,
        diagnostics: Vec<Diagnostic>,
    },
    /// The output file exists and `--force` was not given.
    Exists(PathBuf),
    /// The output file could not be written.
    Write { path: PathBuf, reason: String },
    /// Standard output could not be written (other than a closed pipe).
    Stdout(String),
    /// A Word document cannot go to the terminal.
    DocxNeedsOutput,
    /// `diff --reuse-threshold` outside 0–100.
    ReuseThreshold,
    /// `--explain` of a code that is not registered.
    UnknownRule(String),
    /// `init --from` a report whose year cannot be told.
    NoYear(String),
    /// The command was used in a way that cannot work (a file of the wrong kind, an output
    /// format contradicting the file name): the Chinese message says what to do instead.
    Usage(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Read(message) => f.write_str(message),
            Error::Toml {
                path, diagnostics, ..
            } => {
                let first = diagnostics.first().map_or("", |d| &*d.message);
                write!(f, "错误：{path}：{first}")
            }
            Error::Exists(path) => {
                write!(f, "错误：{} 已存在；加 --force 才会覆盖", path.display())
            }
            Error::Write { path, reason } => {
                write!(f, "错误：无法写入 {}（{reason}）", path.display())
            }
            Error::Stdout(reason) => write!(f, "错误：无法输出（{reason}）"),
            Error::DocxNeedsOutput => {
                f.write_str("错误：Word 文档需要用 -o 指定输出文件，如 -o report.docx")
            }
            Error::ReuseThreshold => f.write_str("错误：--reuse-threshold 应在 0 到 100 之间"),
            Error::UnknownRule(code) => {
                write!(
                    f,
                    "错误：没有规则「{code}」；运行 gaogen rules 查看全部规则"
                )
            }
            Error::NoYear(path) => write!(f, "错误：{path}：无法确定上一年报告的年度"),
            Error::Usage(message) => write!(f, "错误：{message}"),
        }
    }
}

impl std::error::Error for Error {}

impl Error {
    /// The exit status this error ends a command with.
    pub fn status(&self) -> ExitStatus {
        ExitStatus::CouldNotRun
    }
}
