//! The workbook as the commands use it: read from a path, rendered after every rule, checked as
//! a draft, written for `init`/`import`.

use super::{Content, ReadWorkbook};
use crate::author::{RenderFormat, Rendered};
use crate::check::{Checked, FileSummary, Selection};
use crate::Error;
use gaogen_model::author::{self as model_author, Editions, Fill, OutputFormat};
use gaogen_model::check::{self, Diagnostic, Severity};
use gaogen_model::{FormatVersion, Report};
use std::path::Path;

/// Whether a path names a workbook (by its extension).
pub fn is_xlsx(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
}

/// Reads a workbook file; the message names the file.
pub fn read_path(path: &Path) -> Result<ReadWorkbook, String> {
    let bytes = crate::input::read_workbook(path)?;
    super::read(&bytes).map_err(|e| format!("错误：{}：{e}", path.display()))
}

/// The workbook's input problems, then every rule.
pub fn diagnostics(book: &ReadWorkbook) -> Vec<Diagnostic> {
    let mut all = book.diagnostics.clone();
    all.extend(check::check(&book.report));
    all
}

/// Cells of the tables that hold no number (blank, text, a marker): a blank is never 0.
pub fn blank_cells(report: &Report) -> usize {
    gaogen_model::TableKey::ALL
        .iter()
        .flat_map(|&k| &report.table(k).rows)
        .flat_map(|r| &r.cells)
        .filter(|c| !c.value.is_number())
        .count()
}

/// Renders a workbook after every rule: errors, or cells without a number, stop it unless
/// `allow_errors`.
pub fn render(book: &ReadWorkbook, format: RenderFormat, allow_errors: bool) -> Rendered {
    let diagnostics = diagnostics(book);
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let blank = blank_cells(&book.report);
    let bytes = ((errors == 0 && blank == 0) || allow_errors).then(|| {
        let view = model_author::view(&book.report, book.date.as_deref(), book.contact.as_deref());
        match format {
            RenderFormat::Md => model_author::render(&view, OutputFormat::Markdown).into_bytes(),
            RenderFormat::Txt => model_author::render(&view, OutputFormat::Text).into_bytes(),
            RenderFormat::Html => model_author::render(&view, OutputFormat::Html).into_bytes(),
            RenderFormat::Docx => model_author::render_docx(&view),
        }
    });
    Rendered {
        diagnostics,
        errors,
        bytes,
    }
}

/// The diagnostics for people, each at its sheet and cell.
pub fn diagnostics_text(
    diagnostics: &[Diagnostic],
    book: &ReadWorkbook,
    origin: &str,
    color: bool,
) -> String {
    diagnostics
        .iter()
        .map(|d| super::render(d, &book.places, origin, color))
        .collect()
}

/// `check` of a workbook, as a draft: input problems and the selected rules.
pub fn check_path(path: &Path, selection: &Selection) -> Checked {
    let shown = path.display().to_string();
    let book = match read_path(path) {
        Ok(b) => b,
        Err(message) => return Checked::failed(shown, message),
    };
    let diagnostics: Vec<Diagnostic> = diagnostics(&book)
        .into_iter()
        .filter(|d| selection.allows(d.code))
        .collect();
    let summary = FileSummary::of(shown, &book.report, &diagnostics);
    Checked {
        summary,
        diagnostics,
        text: String::new(),
        report: Some(book.report),
        places: Some(book.places),
    }
}

/// The workbook's bytes for `init` (blank, or `from` last year's report) and the cells that could
/// not be filled.
pub fn init_bytes(from: Option<&Path>, agency: &str, year: u16) -> Result<Vec<u8>, Error> {
    let last = match from {
        Some(path) if is_xlsx(path) => Some(read_path(path).map_err(Error::Read)?.report),
        Some(path) => Some(crate::author::load_any(path)?.1),
        None => None,
    };
    let (agency, year, fill) = match &last {
        Some(r) => {
            let path = from.map(|p| p.display().to_string()).unwrap_or_default();
            let year = r.year.map(|y| y + 1).ok_or(Error::NoYear(path))?;
            let agency = r.agency.clone().unwrap_or_else(|| agency.to_string());
            (agency, year, Fill::NextYearOf(r))
        }
        None => (agency.to_string(), year, Fill::Blank),
    };
    let v = FormatVersion::expected_for_year(year);
    let content = Content {
        agency: &agency,
        year,
        editions: Editions {
            table2: v,
            table3: v,
        },
        fill,
        date: None,
        contact: None,
    };
    super::write(&content)
        .map(|(bytes, _)| bytes)
        .map_err(|e| Error::Read(format!("错误：无法生成工作簿（{e}）")))
}

/// A published report as a workbook, and the cells that could not be read (left blank or as
/// written, never 0).
pub fn import_bytes(report: &Report) -> Result<(Vec<u8>, Vec<String>), Error> {
    let content = Content {
        agency: report.agency.as_deref().unwrap_or("（未能读出机关名称）"),
        year: report.year.unwrap_or(0),
        editions: Editions {
            table2: report
                .table(gaogen_model::TableKey::ActiveDisclosure)
                .version,
            table3: report.table(gaogen_model::TableKey::Applications).version,
        },
        fill: Fill::Copy(report),
        date: None,
        contact: None,
    };
    super::write(&content).map_err(|e| Error::Read(format!("错误：无法生成工作簿（{e}）")))
}
