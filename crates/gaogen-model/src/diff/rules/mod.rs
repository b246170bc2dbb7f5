//! Rules across two years, one per file.

mod identity;
mod t2_1_in_force;
mod t2_4_item_counts;
mod t3_6_carry_over;

use super::{ChainCheck, ChainStatus};
use crate::check::{Diagnostic, Severity};
use crate::Report;

/// A rule that compares the previous year's report (OLD) with this year's (NEW).
pub trait PairRule: Sync {
    fn code(&self) -> &'static str;
    fn severity(&self) -> Severity;
    fn title(&self) -> &'static str;
    /// What it checks, why, an example; Chinese.
    fn explain(&self) -> &'static str;
    /// Appends one [`ChainCheck`] per subject it evaluated and a diagnostic per failure.
    fn check(
        &self,
        old: &Report,
        new: &Report,
        checks: &mut Vec<ChainCheck>,
        out: &mut Vec<Diagnostic>,
    );
}

/// Every rule across two years, in the order they run.
pub static PAIR_RULES: &[&dyn PairRule] = &[
    &identity::IDENTITY,
    &t3_6_carry_over::T3_6,
    &t2_1_in_force::T2_1,
    &t2_4_item_counts::T2_4,
];

/// The count in a cell as text for a [`ChainCheck`], or `None` when it is not a number.
fn shown(
    report: &Report,
    table: crate::TableKey,
    row: &str,
    column: &str,
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
