//! Comparing two years of one agency's report: changed cells, the year chain (T3-6, T2-1, T2-4,
//! year and agency), and how much text was carried over.

mod cells;
mod reuse;
mod rules;
mod text;

pub use cells::{CellChange, TableDiff};
pub use rules::{Pair, PairRule, PAIR_RULES};
pub use text::{Piece, Reuse, SectionReuse, SentenceChange, SentenceOp};

use crate::check::Diagnostic;
use crate::{Report, TableKey};
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

/// Compares OLD (the previous year) with NEW.
pub fn diff(old: &Report, new: &Report, options: DiffOptions) -> ReportDiff {
    let tables = TableKey::ALL
        .iter()
        .map(|&k| cells::diff_table(old, new, k))
        .collect();
    let mut chain = Vec::new();
    let mut diagnostics = Vec::new();
    let text = text::reuse(old, new);
    let pair = Pair {
        old,
        new,
        text: &text,
        options,
    };
    for rule in PAIR_RULES {
        rule.check(&pair, &mut chain, &mut diagnostics);
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
