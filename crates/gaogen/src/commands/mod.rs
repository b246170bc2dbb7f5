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
use gaogen::written::Written;
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
    /// 按 -o 的扩展名写出文件，屏幕上输出 JSON：写出的文件、未能读出的单元格（见 docs/write-json.md）
    Json,
}

/// Whether `init`/`import` write a workbook: `--format xlsx`, or an output ending in .xlsx
/// (also under `--format json`).
pub(crate) fn wants_xlsx(format: Option<AuthorFormat>, output: Option<&std::path::Path>) -> bool {
    match format {
        Some(AuthorFormat::Xlsx) => true,
        Some(AuthorFormat::Toml) => false,
        None | Some(AuthorFormat::Json) => output.is_some_and(gaogen::workbook::is_xlsx),
    }
}

/// Ends a writing command under `--format json`: its document on stdout, with the error when it
/// could not run; the exit status is the one the human output would give.
/// Runs a command that writes files with its record of what it wrote; with `--format json` the
/// record is printed as the command's one JSON document ([`finish_json`]).
pub(crate) fn with_written(
    command: &'static str,
    json: bool,
    body: impl FnOnce(&mut Written) -> Outcome,
) -> Outcome {
    let mut doc = Written::new(command);
    let result = body(&mut doc);
    if json {
        finish_json(doc, result)
    } else {
        result
    }
}

pub(crate) fn finish_json(mut doc: Written, result: Outcome) -> Outcome {
    let status = match result {
        Ok(status) => status,
        Err(Error::Stdout(reason)) => return Err(Error::Stdout(reason)),
        Err(e) => {
            doc.error(&e);
            e.status()
        }
    };
    printer::print(doc.json(status))?;
    Ok(status)
}

/// A list of cells for people: a heading line, then one indented line each.
pub(crate) fn listed(heading: &str, items: &[String]) -> String {
    let mut message = format!("{heading}\n");
    for m in items {
        message.push_str(&format!("  {m}\n"));
    }
    message
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
