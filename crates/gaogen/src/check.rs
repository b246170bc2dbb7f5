//! Checking reports: rule selection, one file (from disk or from memory), per-file summaries and
//! the totals of a run. The CLI (`commands/check.rs`) and the web service call these.

use crate::input::{read_named, read_source_with};
use crate::render_diag::{render, SourceText};
use crate::Error;
use gaogen_model::check::{self, Diagnostic, Severity};
use gaogen_model::{FormatVersion, Report, TableKey};
use serde::Serialize;
use std::path::Path;

mod json;

/// Which rules run: `--select` and `--ignore` codes or prefixes (`T3` stands for every `T3-…`).
#[derive(Debug, Clone, Default)]
pub struct Selection {
    pub select: Vec<String>,
    pub ignore: Vec<String>,
}

impl Selection {
    /// Every rule.
    pub fn all() -> Self {
        Selection::default()
    }

    /// `Err` naming the patterns of `--select`/`--ignore` that match no registered code (a typo
    /// must not silently check nothing), with the list of codes.
    pub fn validate(&self) -> Result<(), crate::Error> {
        let codes: Vec<&str> = gaogen_model::registry::all().map(|r| r.code).collect();
        let unknown: Vec<&str> = self
            .select
            .iter()
            .chain(&self.ignore)
            .map(|p| p.trim())
            .filter(|p| {
                let only = Selection {
                    select: vec![p.to_string()],
                    ignore: Vec::new(),
                };
                !codes.iter().any(|c| only.allows(c))
            })
            .collect();
        if unknown.is_empty() {
            return Ok(());
        }
        Err(crate::Error::Usage(format!(
            "没有规则「{}」（--select/--ignore）；规则代码有：{}（也可用前缀，如 T3）",
            unknown.join("」「"),
            codes.join(" ")
        )))
    }

    /// Whether a rule code passes the selection.
    pub fn allows(&self, code: &str) -> bool {
        // Compared ignoring ASCII case, byte by byte (asked for every diagnostic: no copy made).
        let (code, n) = (code.as_bytes(), code.len());
        let matches = |pattern: &String| {
            let p = pattern.trim().trim_end_matches('-').as_bytes();
            !p.is_empty()
                && n >= p.len()
                && code[..p.len()].eq_ignore_ascii_case(p)
                && (n == p.len() || code[p.len()] == b'-')
        };
        (self.select.is_empty() || self.select.iter().any(matches))
            && !self.ignore.iter().any(matches)
    }
}

/// One row of the per-file summary.
#[derive(Debug, Clone, Serialize)]
pub struct FileSummary {
    pub path: String,
    /// 「2021」, 「2019」, or e.g. 「表二 2021 / 表三 2019」.
    pub format: String,
    pub sections_found: usize,
    pub cells_read: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Set when the file could not be read at all.
    pub failure: Option<String>,
}

impl FileSummary {
    /// The summary of a report read and checked.
    pub(crate) fn of(path: String, report: &Report, diagnostics: &[Diagnostic]) -> Self {
        let count = |s: Severity| diagnostics.iter().filter(|d| d.severity == s).count();
        FileSummary {
            path,
            format: format_of(report),
            sections_found: report.sections.iter().filter(|s| s.found).count(),
            cells_read: report.number_cell_count(),
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            infos: count(Severity::Info),
            failure: None,
        }
    }

    pub(crate) fn failed(path: String, message: String) -> Self {
        FileSummary {
            path,
            format: String::new(),
            sections_found: 0,
            cells_read: 0,
            errors: 0,
            warnings: 0,
            infos: 0,
            failure: Some(message),
        }
    }
}

/// The result of checking one file.
#[derive(Debug)]
pub struct Checked {
    pub summary: FileSummary,
    pub diagnostics: Vec<Diagnostic>,
    /// The decoded text the diagnostics point into (empty when the file could not be read).
    pub text: String,
    /// The report read (absent when the file could not be read).
    pub report: Option<Report>,
    /// For a workbook: the cells the diagnostics' positions stand for (「表三!D12」).
    pub places: Option<crate::workbook::Places>,
}

impl Checked {
    /// A file that could not be read.
    pub fn failed(shown: String, message: String) -> Self {
        Checked {
            summary: FileSummary::failed(shown, message),
            diagnostics: Vec::new(),
            text: String::new(),
            report: None,
            places: None,
        }
    }

    /// The diagnostics rendered for people (rustc-style excerpts), then the file's summary line.
    /// In text with pages (pdftotext's form feeds) the place names its page:
    /// `--> 报告.pdf:第 3 页:120:5`.
    pub fn human(&self, style: crate::terminal::Style) -> String {
        let source = SourceText::new(&self.text);
        let pages = crate::score::Pages::new(&self.text);
        let mut out: String = self
            .diagnostics
            .iter()
            .map(|d| match &self.places {
                Some(places) => crate::workbook::render(d, places, &self.summary.path, style.color),
                None => {
                    let primary = d.culprit.as_ref().and_then(|c| c.span).or(d.span);
                    let origin = match primary.and_then(|s| pages.page(s.line)) {
                        Some(page) => format!("{}:第 {page} 页", self.summary.path),
                        None => self.summary.path.clone(),
                    };
                    render(d, &source, &origin, style)
                }
            })
            .collect();
        out.push_str(&file_line(&self.summary, style));
        out
    }
}

/// Totals over a run of `check`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Totals {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub unreadable: usize,
    /// Pairs of consecutive years compared; their diagnostics count in errors, warnings, infos.
    pub pairs: usize,
}

impl Totals {
    /// Counts one file in.
    pub fn add(&mut self, s: &FileSummary) {
        self.files += 1;
        self.unreadable += usize::from(s.failure.is_some());
        self.errors += s.errors;
        self.warnings += s.warnings;
        self.infos += s.infos;
    }

    /// Counts one pair of consecutive years in.
    pub fn add_pair(&mut self, p: &crate::pairs::compared::PairChecked) {
        let (errors, warnings, infos) = p.counts();
        self.pairs += 1;
        self.errors += errors;
        self.warnings += warnings;
        self.infos += infos;
    }
}

/// The edition(s) of a report's tables: 「2021」, 「2019」, 「表二 2021 / 表三 2019」 or 「—」.
pub fn format_of(report: &Report) -> String {
    let versions: Vec<(TableKey, FormatVersion)> = TableKey::ALL
        .iter()
        .filter(|&&k| k != TableKey::ReviewsAndLitigation && report.table(k).found)
        .map(|&k| (k, report.table(k).version))
        .collect();
    match versions.as_slice() {
        [] => "—".to_string(),
        [(_, v), rest @ ..] if rest.iter().all(|(_, w)| w == v) => v.to_string(),
        all => all
            .iter()
            .map(|(k, v)| format!("{} {v}", k.name()))
            .collect::<Vec<_>>()
            .join(" / "),
    }
}

/// Checks a report already read: the selected rules, and the summary.
pub fn check_read(
    shown: String,
    text: String,
    mut report: Report,
    selection: &Selection,
) -> Checked {
    // Labels the reader could not use are for `parse` to show; no rule and no output of a check
    // reads them, and a file of pasted tables has hundreds of thousands (a text file read for
    // checking, `Detail::Check`, never keeps them; a PDF, an upload or a workbook drops them here).
    let tables = &mut report.tables;
    for table in [
        &mut tables.active_disclosure,
        &mut tables.applications,
        &mut tables.reviews_and_litigation,
    ] {
        table.unread = Vec::new();
    }
    let diagnostics: Vec<Diagnostic> = check::check(&report)
        .into_iter()
        .filter(|d| selection.allows(d.code))
        .collect();
    let summary = FileSummary::of(shown, &report, &diagnostics);
    Checked {
        summary,
        diagnostics,
        text,
        report: Some(report),
        places: None,
    }
}

/// Checks one report given as bytes (an upload); `name` is shown as its path and tells nothing
/// about the kind (the loader detects it from the bytes).
pub fn check_report(name: &str, bytes: &[u8], selection: &Selection) -> Result<Checked, Error> {
    let (text, report) = read_named(name, bytes).map_err(Error::Read)?;
    Ok(check_read(name.to_string(), text, report, selection))
}

/// Checks one file; a file that cannot be read gives a summary with `failure` set. A
/// report.toml (by its ending) is checked as a draft: its own errors (A- codes) or, when it has
/// none, every rule, at TOML positions.
pub fn check_path(path: &Path, selection: &Selection) -> Checked {
    if crate::workbook::is_xlsx(path) {
        return crate::workbook::check_path(path, selection);
    }
    let shown = path.display().to_string();
    if crate::guide::is_toml(path) {
        return crate::draft::check_draft(path, shown, selection);
    }
    match read_source_with(path, gaogen_grammar::Detail::Check) {
        Ok((text, report)) => check_read(shown, text, report, selection),
        Err(message) => Checked::failed(shown, message),
    }
}

fn file_line(s: &FileSummary, style: crate::terminal::Style) -> String {
    let (red, yellow, reset) = if style.color {
        ("\x1b[1;31m", "\x1b[1;33m", "\x1b[0m")
    } else {
        ("", "", "")
    };
    let line = format!(
        "{}：{red}{} 个错误{reset}，{yellow}{} 个警告{reset}，{} 条提示（格式 {}，章节 {}/6，读到 {} 个数值）",
        s.path, s.errors, s.warnings, s.infos, s.format, s.sections_found, s.cells_read
    );
    crate::terminal::wrap(&line, style.columns(), 0, "  ") + "\n\n"
}

#[derive(Serialize)]
struct JsonFile<'a, D: Serialize> {
    path: &'a str,
    summary: &'a FileSummary,
    diagnostics: D,
}

/// One file's entry in `--format json` (docs/check-json.md). For a workbook (`places`), every
/// place of a diagnostic also names its cell (`"cell": "表三!D12"`); for text with pages
/// (pdftotext's form feeds), every span names its page (`"page": 3`).
pub fn json_entry(checked: &Checked) -> String {
    let pages = crate::score::Pages::new(&checked.text);
    let mut buf = String::with_capacity(4096);
    if json::write_plain(checked, &pages, &mut buf, |_| Ok(())).expect("no write can fail") {
        return buf;
    }
    serde_json::to_string(&JsonEntry(checked, &pages)).expect("diagnostics serialize")
}

/// [`json_entry`] written to `out` as it is made (a large report's entry is not held whole).
pub fn write_json_entry(checked: &Checked, mut out: impl std::io::Write) -> std::io::Result<()> {
    let mut buf = String::new();
    let flush = |buf: &mut String| {
        out.write_all(buf.as_bytes())?;
        buf.clear();
        Ok(())
    };
    let pages = crate::score::Pages::new(&checked.text);
    if json::write_plain(checked, &pages, &mut buf, flush)? {
        return Ok(());
    }
    Ok(serde_json::to_writer(out, &JsonEntry(checked, &pages))?)
}

/// A file's entry, as [`json_entry`] describes it, for text with pages (`--format json` names
/// each span's page) and workbooks (each place's cell); `json::write_plain` writes the others.
struct JsonEntry<'a>(&'a Checked, &'a crate::score::Pages);

impl Serialize for JsonEntry<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let JsonEntry(checked, pages) = *self;
        let summary = &checked.summary;
        let diagnostics = &checked.diagnostics;
        match &checked.places {
            None => JsonFile {
                path: &summary.path,
                summary,
                diagnostics: paged(diagnostics, pages),
            }
            .serialize(serializer),
            Some(places) => JsonFile {
                path: &summary.path,
                summary,
                diagnostics: crate::workbook::json_diagnostics(diagnostics, places),
            }
            .serialize(serializer),
        }
    }
}

/// The diagnostics as JSON with `"page"` added to every span (the main one, marks, culprit,
/// equation terms, the previous year's place).
fn paged(diagnostics: &[Diagnostic], pages: &crate::score::Pages) -> Vec<serde_json::Value> {
    fn add(v: &mut serde_json::Value, pages: &crate::score::Pages) {
        match v {
            serde_json::Value::Object(obj) => {
                let page = obj
                    .get("line")
                    .filter(|_| obj.contains_key("end_column"))
                    .and_then(|l| l.as_u64())
                    .and_then(|l| pages.page(u32::try_from(l).ok()?));
                if let Some(page) = page {
                    obj.insert("page".into(), page.into());
                }
                obj.iter_mut()
                    .filter(|(k, _)| k.as_str() != "previous")
                    .for_each(|(_, v)| add(v, pages));
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(|v| add(v, pages)),
            _ => {}
        }
    }
    diagnostics
        .iter()
        .map(|d| {
            let mut v = serde_json::to_value(d).expect("diagnostics serialize");
            add(&mut v, pages);
            v
        })
        .collect()
}

/// The whole `--format json` document from the files' entries ([`json_entry`]), the pairs'
/// entries (`pairs::compared::json`) and the agencies' years (`pairs::compared::agencies_json`).
pub fn json_document(
    files: &[String],
    pairs: &[String],
    agencies: &str,
    totals: &Totals,
) -> String {
    /// The document: each entry kept as the JSON text it already is.
    #[derive(Serialize)]
    struct JsonRun<'a> {
        files: Vec<&'a serde_json::value::RawValue>,
        pairs: Vec<&'a serde_json::value::RawValue>,
        agencies: &'a serde_json::value::RawValue,
        totals: &'a Totals,
    }
    fn raw(entry: &str) -> &serde_json::value::RawValue {
        serde_json::from_str(entry).expect("an entry from json_entry or compared::json")
    }
    let run = JsonRun {
        files: files.iter().map(|f| raw(f)).collect(),
        pairs: pairs.iter().map(|p| raw(p)).collect(),
        agencies: serde_json::from_str(agencies).expect("agencies from agencies_json"),
        totals,
    };
    serde_json::to_string(&run).expect("serializes") + "\n"
}

/// The exit status of a run: could not run when a file was unreadable, findings when there are
/// errors (or warnings, when `deny_warnings`).
pub fn status(totals: &Totals, failures: usize, deny_warnings: bool) -> crate::ExitStatus {
    if failures > 0 {
        crate::ExitStatus::CouldNotRun
    } else {
        crate::ExitStatus::findings_if(totals.errors > 0 || (deny_warnings && totals.warnings > 0))
    }
}

/// `--explain CODE`: the rule's title, severity and explanation.
pub fn explain(code: &str) -> Result<String, Error> {
    crate::rules::explain(code)
}
