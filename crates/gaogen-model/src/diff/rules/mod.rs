//! Rules across two years, one per file. Each declares its `RuleInfo` (the registry entry) and
//! is listed in [`PAIR_RULES`], which both runs and registers it.

mod d_agency;
mod d_format;
mod d_promise;
mod d_reuse;
mod d_year;
mod t2_1_in_force;
mod t2_4_item_counts;
mod t3_6_carry_over;

use super::{ChainCheck, ChainStatus, DiffOptions, Reuse};
use crate::check::Diagnostic;
use crate::registry::RuleInfo;
use crate::Report;

/// What a rule across two years looks at: both reports, the text compared, the options.
#[derive(Debug, Clone, Copy)]
pub struct Pair<'a> {
    /// The previous year's report.
    pub old: &'a Report,
    /// This year's report.
    pub new: &'a Report,
    /// How much of NEW's text was carried over from OLD, per section.
    pub text: &'a Reuse,
    pub options: DiffOptions,
}

/// A rule that compares the previous year's report (OLD) with this year's (NEW).
pub trait PairRule: Sync {
    /// The rule's metadata, declared once in its file (see `registry.rs`).
    fn info(&self) -> &RuleInfo;
    /// Appends one [`ChainCheck`] per subject it evaluated and a diagnostic per failure.
    fn check(&self, pair: &Pair<'_>, checks: &mut Vec<ChainCheck>, out: &mut Vec<Diagnostic>);
    /// Stable code (its title, explanation and severity are in [`PairRule::info`]).
    fn code(&self) -> &'static str {
        self.info().code
    }
}

/// The table `key` of both years when both were found in `version` (the rules that compare an
/// edition's own rows).
pub(super) fn both_in<'a>(
    pair: &Pair<'a>,
    key: crate::TableKey,
    version: crate::FormatVersion,
) -> Option<(&'a crate::Table, &'a crate::Table)> {
    let (o, n) = (pair.old.table(key), pair.new.table(key));
    (o.found && n.found && o.version == version && n.version == version).then_some((o, n))
}

/// Every rule across two years, in the order they run.
pub static PAIR_RULES: &[&dyn PairRule] = &[
    &d_year::D_YEAR,
    &d_agency::D_AGENCY,
    &t3_6_carry_over::T3_6,
    &t2_1_in_force::T2_1,
    &t2_4_item_counts::T2_4,
    &d_format::D_FORMAT,
    &d_reuse::D_REUSE,
    &d_promise::D_PROMISE,
];

/// The count in a cell as text for a [`ChainCheck`], or `None` when it is not a number.
fn shown(
    report: &Report,
    table: crate::TableKey,
    row: crate::RowId,
    column: crate::ColumnId,
) -> (Option<i64>, Option<crate::Span>) {
    let cell = report.table(table).cell(row, column);
    (
        cell.and_then(|c| c.value.as_count()),
        cell.and_then(|c| c.span),
    )
}

/// Holds when both sides are known and agree, broken when both are known and do not, else not
/// assessable.
fn status<T>(old: Option<T>, new: Option<T>, agree: impl Fn(&T, &T) -> bool) -> ChainStatus {
    match (old, new) {
        (Some(a), Some(b)) if agree(&a, &b) => ChainStatus::Holds,
        (Some(_), Some(_)) => ChainStatus::Broken,
        _ => ChainStatus::NotAssessable,
    }
}
