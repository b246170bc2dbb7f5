//! Checking a report against the rules of the format (FORMAT.md §6) and turning reading findings
//! into diagnostics.
//!
//! Every rule lives in its own file under `rules/`, declares its [`RuleInfo`] there, implements
//! [`Rule`] and is listed in [`RULES`] (which is also what registers it). A rule that cannot be evaluated because cells are empty or missing says so with an
//! info diagnostic (`not_assessable: true`); it never counts as passed.

mod cells;
mod equation;
mod gated;
mod prose;
pub mod published;
mod rules;
mod text;
mod words;

pub use equation::{Culprit, EquationReport, Term};
pub use rules::RULES;

use crate::registry::RuleInfo;
use crate::{Report, Span, TableKey};
use serde::Serialize;
use std::borrow::Cow;
use std::sync::Arc;

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    /// 「错误」, 「警告」, 「提示」.
    pub fn chinese(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Info => "提示",
        }
    }
}

/// What a rule does when a cell it needs is empty or missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EmptyCells {
    /// The equation is reported as not assessable (info), never as passed.
    NotAssessable,
    /// Empty cells are what the rule reports.
    Reported,
    /// The rule reads no cells.
    NotApplicable,
}

/// A further place involved in a diagnostic, with what it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mark {
    pub span: Span,
    /// What the place holds (a fixed word is borrowed, not copied, for each mark).
    pub label: Cow<'static, str>,
}

/// One problem found in a report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnostic {
    /// Stable rule code, e.g. `T3-1`.
    pub code: &'static str,
    pub severity: Severity,
    /// Chinese, with the numbers on both sides (shared with the reader's finding it reports).
    pub message: Arc<str>,
    /// The main place; `None` when the problem is an absence with no place (a missing section).
    pub span: Option<Span>,
    /// Every other place involved (each cell of an equation, the text quoting a count).
    pub marks: Vec<Mark>,
    /// What to do (most rules say it in fixed words: borrowed, not copied, for each diagnostic).
    pub help: Option<Cow<'static, str>>,
    /// The rule could not be evaluated; this is not a pass.
    pub not_assessable: bool,
    pub table: Option<TableKey>,
    /// Boxed, as `culprit`: few diagnostics have one, and a diagnostic stays small (a report
    /// can have hundreds of thousands).
    pub equation: Option<Box<EquationReport>>,
    /// The single cell most likely wrong, when several broken equations agree on it.
    pub culprit: Option<Box<Culprit>>,
    /// For rules across two years: the place in the previous year's report.
    pub previous: Option<Span>,
}

impl Diagnostic {
    pub fn new(
        code: &'static str,
        severity: Severity,
        message: impl Into<Arc<str>>,
        span: Option<Span>,
    ) -> Self {
        Diagnostic {
            code,
            severity,
            message: message.into(),
            span,
            marks: Vec::new(),
            help: None,
            not_assessable: false,
            table: None,
            equation: None,
            culprit: None,
            previous: None,
        }
    }

    pub fn help(mut self, help: impl Into<Cow<'static, str>>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn mark(mut self, span: Span, label: impl Into<Cow<'static, str>>) -> Self {
        self.marks.push(Mark {
            span,
            label: label.into(),
        });
        self
    }

    pub fn in_table(mut self, table: TableKey) -> Self {
        self.table = Some(table);
        self
    }
}

/// A rule of the format: its registry entry, and the check.
pub trait Rule: Sync {
    /// The rule's metadata, declared once in its file (see `registry.rs`).
    fn info(&self) -> &RuleInfo;
    fn check(&self, report: &Report, out: &mut Vec<Diagnostic>);
    /// Stable code: `S-1`, `T3-1`, `R-ROW`, ….
    fn code(&self) -> &'static str {
        self.info().code
    }
    /// Severity of what the rule finds (not-assessable notes are always info).
    fn severity(&self) -> Severity {
        self.info().severity
    }
    /// One line, Chinese.
    fn title(&self) -> &'static str {
        self.info().title
    }
    /// What it checks, why it matters, an example; Chinese, for `gaogen check --explain`.
    fn explain(&self) -> &'static str {
        self.info().explain
    }
    fn empty_cells(&self) -> EmptyCells {
        self.info().empty_cells
    }
    /// As [`Rule::check`], told facts from outside the report (`--published`, the agency kind);
    /// only rules that use them override it.
    fn check_in(&self, report: &Report, context: &published::Context, out: &mut Vec<Diagnostic>) {
        let _ = context;
        self.check(report, out);
    }
}

/// The rule with this code.
pub fn rule(code: &str) -> Option<&'static dyn Rule> {
    RULES
        .iter()
        .copied()
        .find(|r| r.code().eq_ignore_ascii_case(code))
}

/// Runs every rule; diagnostics come in rule order, then reading order.
pub fn check(report: &Report) -> Vec<Diagnostic> {
    check_with(report, &published::Context::default())
}

/// Runs every rule, told facts from outside the report.
pub fn check_with(report: &Report, context: &published::Context) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for rule in RULES {
        rule.check_in(report, context, &mut out);
    }
    equation::name_culprits(&mut out);
    out
}
