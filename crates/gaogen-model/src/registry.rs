//! The one rule registry: every code gaogen can emit — format checks (`S-`, `T2-`, `T3-`, `T4-`),
//! reading findings (`R-`), rules across two years (`D-`, `T3-6`, …) and report.toml authoring
//! (`A-`) — with its metadata declared once, next to the code that emits it.
//!
//! `gaogen rules`, `check --explain`, SARIF, `--select`/`--ignore` and the web service read it.
//! To add a rule: write one file declaring a `RuleInfo` and implementing [`crate::check::Rule`]
//! (or [`crate::diff::PairRule`]), and add one line to `RULES` (or `PAIR_RULES`).

use crate::check::{EmptyCells, Severity};
use serde::Serialize;

/// Which command emits a code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Command {
    /// `gaogen check` (and `render`, which checks before writing).
    Check,
    /// `gaogen diff`: two years compared.
    Diff,
    /// Reading report.toml (`render`, `diff`/`init` given a report.toml).
    Render,
}

impl Command {
    /// The command's name: 「check」, 「diff」, 「render」.
    pub fn name(self) -> &'static str {
        match self {
            Command::Check => "check",
            Command::Diff => "diff",
            Command::Render => "render",
        }
    }
}

/// What one rule code is, declared once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RuleInfo {
    /// Stable code: `S-1`, `T3-1`, `R-ROW`, `D-REUSE`, `A-TOTAL`, ….
    pub code: &'static str,
    /// Severity of what the rule finds (not-assessable notes are always info).
    pub severity: Severity,
    /// One line, Chinese.
    pub title: &'static str,
    /// What it checks, why it matters, an example, and what it does with empty cells; Chinese.
    pub explain: &'static str,
    /// What the rule does when a cell it needs is empty or missing.
    pub empty_cells: EmptyCells,
    /// Which command emits it.
    pub command: Command,
}

/// Every registered code: check rules in the order they run, then the rules across two years,
/// then the report.toml codes.
pub fn all() -> impl Iterator<Item = &'static RuleInfo> {
    crate::check::RULES
        .iter()
        .map(|r| r.info())
        .chain(crate::diff::PAIR_RULES.iter().map(|r| r.info()))
        .chain(crate::author::CODES.iter().copied())
}

/// The registered code, ignoring ASCII case.
pub fn find(code: &str) -> Option<&'static RuleInfo> {
    all().find(|r| r.code.eq_ignore_ascii_case(code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_described() {
        let mut seen = std::collections::BTreeSet::new();
        for r in all() {
            assert!(seen.insert(r.code), "{} registered twice", r.code);
            assert!(
                !r.title.is_empty() && r.explain.contains("为什么"),
                "{}",
                r.code
            );
        }
        assert!(find("d-reuse").is_some());
        assert!(find("A-TOML").is_some());
        assert!(find("NOPE").is_none());
    }
}
