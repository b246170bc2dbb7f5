//! The rules across two years in a `check` run over several files: every pair of consecutive
//! years of one agency ([`super::pair`]) is compared (`gaogen_model::diff`) and its diagnostics —
//! the rules of `gaogen diff` only (T3-6 on every column, T2-1, T2-4, D-REUSE, D-PROMISE …),
//! selected like the file's own — are written after the files, in every output format.

use super::{AgencyYears, Identity};
use crate::check::{Checked, Selection};
use crate::render_diag::{render, SourceText};
use crate::terminal::Style;
use gaogen_model::check::{Diagnostic, Severity};
use gaogen_model::diff::{diff, ChainStatus, DiffOptions};
use gaogen_model::registry::{self, Command};
use serde::Serialize;

/// How the year chain went on one pair.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ChainCounts {
    pub holds: usize,
    pub broken: usize,
    pub not_assessable: usize,
}

/// One pair of consecutive years compared.
#[derive(Debug)]
pub struct PairChecked {
    /// The previous year's file, as shown.
    pub previous: String,
    /// This year's file, as shown; the diagnostics point into it (`previous` spans into the other).
    pub current: String,
    pub agency: Option<String>,
    pub years: (u16, u16),
    /// The selected rules across two years that found something.
    pub diagnostics: Vec<Diagnostic>,
    pub chain: ChainCounts,
    /// The share of this year's text carried over from the previous year (0–1).
    pub reuse: Option<f64>,
    /// Set when one side could not be read (again).
    pub failure: Option<String>,
    /// This year's decoded text, for excerpts.
    text: String,
    places: Option<crate::workbook::Places>,
}

impl PairChecked {
    /// Counts of the diagnostics by severity: errors, warnings, infos.
    pub fn counts(&self) -> (usize, usize, usize) {
        let n = |s: Severity| self.diagnostics.iter().filter(|d| d.severity == s).count();
        (n(Severity::Error), n(Severity::Warning), n(Severity::Info))
    }
}

/// What a run needs to know of each file to pair them: its path as shown, agency and year.
pub fn identity(checked: &Checked) -> Identity {
    Identity {
        path: checked.summary.path.clone(),
        agency: checked.report.as_ref().and_then(|r| r.agency.clone()),
        year: checked.report.as_ref().and_then(|r| r.year),
    }
}

/// Compares two checked files (the previous year first) with the selected rules across years.
pub fn compare(previous: &Checked, current: &Checked, selection: &Selection) -> PairChecked {
    let years = (
        previous.report.as_ref().and_then(|r| r.year).unwrap_or(0),
        current.report.as_ref().and_then(|r| r.year).unwrap_or(0),
    );
    let mut out = PairChecked {
        previous: previous.summary.path.clone(),
        current: current.summary.path.clone(),
        agency: current.report.as_ref().and_then(|r| r.agency.clone()),
        years,
        diagnostics: Vec::new(),
        chain: ChainCounts::default(),
        reuse: None,
        failure: None,
        text: String::new(),
        places: None,
    };
    let (Some(old), Some(new)) = (&previous.report, &current.report) else {
        out.failure = Some(
            [&previous.summary, &current.summary]
                .iter()
                .find_map(|s| s.failure.clone())
                .unwrap_or_else(|| format!("错误：{} 无法再次读取", out.current)),
        );
        return out;
    };
    let d = diff(old, new, DiffOptions::default());
    out.diagnostics = d
        .diagnostics
        .into_iter()
        .filter(|d| {
            registry::find(d.code).is_some_and(|r| r.command == Command::Diff)
                && selection.allows(d.code)
        })
        .collect();
    for c in &d.chain {
        match c.status {
            ChainStatus::Holds => out.chain.holds += 1,
            ChainStatus::Broken => out.chain.broken += 1,
            ChainStatus::NotAssessable => out.chain.not_assessable += 1,
        }
    }
    out.reuse = Some(d.text.ratio);
    out.text = current.text.clone();
    out.places = current.places.clone();
    out
}

/// Reads the two files of a pair again (a run keeps no report in memory) and compares them.
pub fn compare_paths(
    previous: &std::path::Path,
    current: &std::path::Path,
    selection: &Selection,
) -> PairChecked {
    let all = Selection::all();
    let old = crate::check::check_path(previous, &all);
    let new = crate::check::check_path(current, &all);
    compare(&old, &new, selection)
}

/// The heading of the pairs in the human output.
pub const HUMAN_HEADING: &str =
    "相邻年度比较（同一机关相邻两年的报告自动配对，规则同 gaogen diff）\n\n";

/// One pair for people: which files, the chain and the reused share, then each diagnostic with
/// its excerpt from this year's file and the place in last year's.
pub fn human(p: &PairChecked, style: Style) -> String {
    let mut out = format!(
        "{} → {}（{}，{} → {} 年）\n",
        p.previous,
        p.current,
        p.agency.as_deref().unwrap_or("机关不详"),
        p.years.0,
        p.years.1
    );
    if let Some(f) = &p.failure {
        out.push_str(&format!("  无法比较：{f}\n\n"));
        return out;
    }
    out.push_str(&format!(
        "  逐年衔接：{} 项相符，{} 项不符，{} 项无法评估；与上一年相同的文字 {:.0}%\n",
        p.chain.holds,
        p.chain.broken,
        p.chain.not_assessable,
        p.reuse.unwrap_or(0.0) * 100.0
    ));
    let source = SourceText::new(&p.text);
    for d in &p.diagnostics {
        out.push_str(&match &p.places {
            Some(places) => crate::workbook::render(d, places, &p.current, style.color),
            None => render(d, &source, &p.current, style),
        });
        out.push_str(&crate::diff::previous_line(d, &p.previous));
    }
    let (e, w, i) = p.counts();
    out.push_str(&format!("  跨年度：{e} 个错误，{w} 个警告，{i} 条提示\n\n"));
    out
}

#[derive(Serialize)]
struct JsonPair<'a, D: Serialize> {
    previous: &'a str,
    current: &'a str,
    agency: Option<&'a str>,
    years: [u16; 2],
    reuse: Option<f64>,
    chain: ChainCounts,
    diagnostics: D,
    failure: Option<&'a str>,
}

/// One pair's entry in `--format json`'s `pairs` (docs/check-json.md); a workbook's places also
/// name their cells, as in `files`.
pub fn json(p: &PairChecked) -> String {
    fn entry<D: Serialize>(p: &PairChecked, diagnostics: D) -> String {
        serde_json::to_string(&JsonPair {
            previous: &p.previous,
            current: &p.current,
            agency: p.agency.as_deref(),
            years: [p.years.0, p.years.1],
            reuse: p.reuse,
            chain: p.chain,
            diagnostics,
            failure: p.failure.as_deref(),
        })
        .expect("a pair serializes")
    }
    match &p.places {
        None => entry(p, &p.diagnostics),
        Some(places) => entry(p, crate::workbook::json_diagnostics(&p.diagnostics, places)),
    }
}

#[derive(Serialize)]
struct JsonYear<'a> {
    year: u16,
    path: &'a str,
}

#[derive(Serialize)]
struct JsonAgency<'a> {
    agency: &'a str,
    years: Vec<JsonYear<'a>>,
}

/// The per-agency year table as JSON: `[{"agency", "years": [{"year", "path"}]}]`.
pub fn agencies_json(groups: &[AgencyYears]) -> String {
    let rows: Vec<String> = groups.iter().map(agency_json).collect();
    format!("[{}]", rows.join(","))
}

/// One agency of [`agencies_json`]: `{"agency", "years": [{"year", "path"}]}` (the table of a
/// directory is written agency by agency, not built whole).
pub fn agency_json(g: &AgencyYears) -> String {
    let row = JsonAgency {
        agency: &g.agency,
        years: g
            .years
            .iter()
            .map(|(year, path)| JsonYear { year: *year, path })
            .collect(),
    };
    serde_json::to_string(&row).expect("an agency serializes")
}
