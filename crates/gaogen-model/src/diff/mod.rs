//! Comparing two years of one agency's report: changed cells, the year chain (T3-6, T2-1, T2-4,
//! year and agency), and how much text was carried over.

mod cells;
mod reuse;
mod rules;
mod text;

pub use cells::{CellChange, TableDiff};
pub use rules::{PairRule, PAIR_RULES};
pub use text::{Piece, Reuse, SectionReuse, SentenceChange, SentenceOp};

use crate::check::{Diagnostic, Severity};
use crate::{FormatVersion, Report, TableKey};
use serde::Serialize;

/// A chain rule evaluated on one subject (a column, a row), whether it held or not.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChainCheck {
    pub code: &'static str,
    /// What was compared, e.g. 「表三 · 自然人」.
    pub subject: String,
    pub status: ChainStatus,
    /// The value in the previous year's report the rule starts from (e.g. 四、结转下年度).
    pub old_value: Option<String>,
    /// The value in this year's report it must meet.
    pub new_value: Option<String>,
}

/// Outcome of a chain rule on one subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChainStatus {
    Holds,
    Broken,
    NotAssessable,
}

/// Everything that differs between OLD and NEW.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportDiff {
    pub tables: Vec<TableDiff>,
    pub chain: Vec<ChainCheck>,
    pub text: Reuse,
    /// Broken chain rules, identity mismatches, text reuse above the threshold, leftovers.
    pub diagnostics: Vec<Diagnostic>,
}

impl ReportDiff {
    /// Whether the two reports differ at all (cells or text).
    pub fn has_differences(&self) -> bool {
        self.tables.iter().any(|t| !t.changes.is_empty())
            || self
                .text
                .sections
                .iter()
                .any(|s| !s.changes.is_empty() || s.reused_chars < s.new_chars)
    }
}

/// Options for [`diff`].
#[derive(Debug, Clone, Copy)]
pub struct DiffOptions {
    /// Share of NEW's text (0..=1) carried over from OLD above which a section is flagged.
    pub reuse_threshold: f64,
}

impl Default for DiffOptions {
    fn default() -> Self {
        DiffOptions {
            reuse_threshold: 0.5,
        }
    }
}

fn version_name(v: FormatVersion) -> &'static str {
    match v {
        FormatVersion::V2019 => "2019",
        FormatVersion::V2021 => "2021",
    }
}

/// Compares OLD (the previous year) with NEW.
pub fn diff(old: &Report, new: &Report, options: DiffOptions) -> ReportDiff {
    let tables = TableKey::ALL
        .iter()
        .map(|&k| cells::diff_table(old, new, k))
        .collect();
    let mut chain = Vec::new();
    let mut diagnostics = Vec::new();
    for rule in PAIR_RULES {
        rule.check(old, new, &mut chain, &mut diagnostics);
    }
    for key in TableKey::ALL {
        let (o, n) = (old.table(key), new.table(key));
        if o.found && n.found && o.version != n.version && key != TableKey::ReviewsAndLitigation {
            diagnostics.push(
                Diagnostic::new(
                    "D-FORMAT",
                    Severity::Info,
                    format!(
                        "{}的格式从 {} 版改为 {} 版：两年的行列不完全对应",
                        key.name(),
                        version_name(o.version),
                        version_name(n.version)
                    ),
                    n.span,
                )
                .in_table(key),
            );
        }
    }
    let text = text::reuse(old, new);
    for section in &text.sections {
        if section.new_chars >= 20 && section.ratio > options.reuse_threshold {
            diagnostics.push(
                Diagnostic::new(
                    "D-REUSE",
                    Severity::Warning,
                    format!(
                        "「{}」有 {:.0}% 的文字照抄上一年报告（{} 字中 {} 字落在连续 {} 字以上相同的片段里），超过 {:.0}%",
                        section.heading,
                        section.ratio * 100.0,
                        section.new_chars,
                        section.reused_chars,
                        text.min_run,
                        options.reuse_threshold * 100.0
                    ),
                    section.span,
                )
                .help("按本年度的实际工作重写这一部分；内容雷同、照抄上一年在评估中扣分"),
            );
        }
    }
    // Leftovers of earlier years in NEW's text.
    if let Some(s2) = crate::check::rule("S-2") {
        s2.check(new, &mut diagnostics);
    }
    ReportDiff {
        tables,
        chain,
        text,
        diagnostics,
    }
}
