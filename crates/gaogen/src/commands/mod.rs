//! One file per subcommand: arguments (clap), a call into the library, printing, exit status.

pub(crate) mod check;
pub(crate) mod diff;
pub(crate) mod export;
pub(crate) mod import;
pub(crate) mod init;
pub(crate) mod parse;
pub(crate) mod render;
pub(crate) mod rollup;
pub(crate) mod rules;
pub(crate) mod score;
pub(crate) mod serve;
pub(crate) mod zh;

use gaogen::author::diagnostics_text;
use gaogen::printer;
use gaogen::{Error, ExitStatus};

/// Output format shared by the commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
    Json,
    Text,
}

/// What `init` and `import` write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum AuthorFormat {
    /// report.toml
    Toml,
    /// Excel 工作簿（表格按官方格式排好，合计为公式）
    Xlsx,
}

/// Whether `init`/`import` write a workbook: `--format xlsx`, or an output ending in .xlsx.
pub(crate) fn wants_xlsx(format: Option<AuthorFormat>, output: Option<&std::path::Path>) -> bool {
    format.map_or_else(
        || output.is_some_and(gaogen::workbook::is_xlsx),
        |f| f == AuthorFormat::Xlsx,
    )
}

/// What a command returns: how it ended, or why it could not run.
pub(crate) type Outcome = Result<ExitStatus, Error>;

/// Prints why a command could not run (report.toml errors with their excerpts).
pub(crate) fn report_error(e: &Error) {
    match e {
        Error::Toml {
            path,
            source,
            diagnostics,
        } => printer::eprint(&diagnostics_text(
            diagnostics,
            source,
            path,
            printer::stderr_style(),
        )),
        // A closed or failing stdout has nobody to tell.
        Error::Stdout(_) => {}
        other => printer::eprintln(&other.to_string()),
    }
}

/// The exit status of a command, after printing its error if it could not run.
pub(crate) fn finish(result: Outcome) -> ExitStatus {
    result.unwrap_or_else(|e| {
        report_error(&e);
        e.status()
    })
}
