//! Authoring: report.toml → checked report → Markdown/text/HTML/Word; `init` and `import`.

use crate::input::{read_source, read_toml};
use crate::render_diag::{render as render_diagnostic, SourceText};
use crate::Error;
use gaogen_model::author::{self, Editions, Fill, OutputFormat};
use gaogen_model::check::{self, Diagnostic, Severity};
use gaogen_model::{FormatVersion, Report, TableKey};
use std::path::Path;

/// What `render` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum RenderFormat {
    Md,
    Txt,
    Html,
    Docx,
}

/// A report.toml read and turned into a report.
#[derive(Debug)]
pub struct Loaded {
    pub report: Report,
    pub input: author::ReportToml,
    /// The report.toml text the diagnostics point into.
    pub source: String,
}

/// The diagnostics rendered for people, one after the other.
pub fn diagnostics_text(
    diagnostics: &[Diagnostic],
    source: &str,
    origin: &str,
    style: crate::terminal::Style,
) -> String {
    let source = SourceText::new(source);
    diagnostics
        .iter()
        .map(|d| render_diagnostic(d, &source, origin, style))
        .collect()
}

/// Parses report.toml text (`name` is shown in messages) into a report.
pub fn load_toml_text(name: &str, source: String) -> Result<Loaded, Error> {
    let input = match author::parse_toml(&source) {
        Ok(input) => input,
        Err(d) => {
            return Err(Error::Toml {
                path: name.to_string(),
                source,
                diagnostics: vec![*d],
            })
        }
    };
    let (report, errors) = author::to_report(&input, &source);
    if !errors.is_empty() {
        return Err(Error::Toml {
            path: name.to_string(),
            source,
            diagnostics: errors,
        });
    }
    Ok(Loaded {
        report,
        input,
        source,
    })
}

/// Reads a report.toml file into a report. A published report given instead is told to go
/// through `gaogen import` first.
pub fn load_toml(path: &Path) -> Result<Loaded, Error> {
    if let Some(e) = crate::guide::published_not_toml(path) {
        return Err(e);
    }
    let source = read_toml(path).map_err(Error::Read)?;
    let published = crate::guide::text_is_published(&source);
    match load_toml_text(&path.display().to_string(), source) {
        Err(Error::Toml { .. }) if published => Err(Error::Usage(format!(
            "{} 看起来是已发布的报告，不是 report.toml：先运行 gaogen import {} -o report.toml 转换，再对 report.toml 运行 gaogen render",
            path.display(),
            path.display()
        ))),
        other => other,
    }
}

/// A report from a report.toml (by its ending) or a published report in any layout, with the
/// text positions point into.
pub fn load_any(path: &Path) -> Result<(String, Report), Error> {
    if path.extension().is_some_and(|e| e == "toml") {
        return load_toml(path).map(|l| (l.source, l.report));
    }
    read_source(path).map_err(Error::Read)
}

/// The result of rendering: every diagnostic of the check, and the document unless errors
/// stopped it.
#[derive(Debug)]
pub struct Rendered {
    pub diagnostics: Vec<Diagnostic>,
    pub errors: usize,
    /// `None` when the check found errors and they were not allowed.
    pub bytes: Option<Vec<u8>>,
}

/// Checks a loaded report.toml and renders it, unless the check found errors and
/// `allow_errors` is false.
pub fn render(loaded: &Loaded, format: RenderFormat, allow_errors: bool) -> Rendered {
    let diagnostics = check::check(&loaded.report);
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let bytes = (errors == 0 || allow_errors).then(|| {
        let view = author::view(
            &loaded.report,
            loaded
                .input
                .report
                .date
                .as_ref()
                .map(|d| d.get_ref().as_str()),
            loaded
                .input
                .report
                .contact
                .as_ref()
                .map(|c| c.get_ref().as_str()),
        );
        match format {
            RenderFormat::Md => author::render(&view, OutputFormat::Markdown).into_bytes(),
            RenderFormat::Txt => author::render(&view, OutputFormat::Text).into_bytes(),
            RenderFormat::Html => author::render(&view, OutputFormat::Html).into_bytes(),
            RenderFormat::Docx => author::render_docx(&view),
        }
    });
    Rendered {
        diagnostics,
        errors,
        bytes,
    }
}

/// report.toml text rendered: `name` is shown in messages.
pub fn render_toml(
    name: &str,
    source: String,
    format: RenderFormat,
    allow_errors: bool,
) -> Result<Rendered, Error> {
    load_toml_text(name, source).map(|l| render(&l, format, allow_errors))
}

/// A commented report.toml for a new year: from last year's report (agency, year + 1, carried
/// over counts) or blank for `agency` and `year`; and last year's cells that should have been
/// carried but could not be read (written as `""`).
pub fn init_text(
    from: Option<&Path>,
    agency: &str,
    year: u16,
) -> Result<(String, Vec<String>), Error> {
    let (text, unread) = match from {
        Some(path) => {
            let (_, last) = load_any(path)?;
            let year = last
                .year
                .map(|y| y + 1)
                .ok_or_else(|| Error::NoYear(path.display().to_string()))?;
            let agency = last.agency.clone().unwrap_or_else(|| agency.to_string());
            author::write_toml(
                &agency,
                year,
                Editions {
                    table2: FormatVersion::V2021,
                    table3: FormatVersion::V2021,
                },
                Fill::NextYearOf(&last),
            )
        }
        None => {
            let v = FormatVersion::expected_for_year(year);
            author::write_toml(
                agency,
                year,
                Editions {
                    table2: v,
                    table3: v,
                },
                Fill::Blank,
            )
        }
    };
    Ok((text, unread))
}

/// A published report turned into report.toml text, and the cells that could not be read
/// (written as `""`, never as 0).
pub fn import_report(report: &Report) -> (String, Vec<String>) {
    let editions = Editions {
        table2: report.table(TableKey::ActiveDisclosure).version,
        table3: report.table(TableKey::Applications).version,
    };
    let agency = report.agency.as_deref().unwrap_or("（未能读出机关名称）");
    author::write_toml(
        agency,
        report.year.unwrap_or(0),
        editions,
        Fill::Copy(report),
    )
}
