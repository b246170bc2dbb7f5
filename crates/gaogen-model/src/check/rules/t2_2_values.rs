use crate::check::{cells, Diagnostic, EmptyCells, Rule, Severity};
use crate::registry::{Command, RuleInfo};
use crate::{Report, TableKey};

/// T2-2: every 表二 count is a whole number ≥ 0 and the fee a decimal ≥ 0.
///
/// Why: a blank or 「/」 is not 0, 「00」 or a unit typed into the cell shows a hand-filled table.
/// Example: 「规章 · 现行有效件数」 written 「00」; a fee written 「96.5万元」.
/// Empty cells: reported (blank and 「/」「-」「—」「无」 are what this rule finds).
#[derive(Debug)]
pub(crate) struct ActiveDisclosureValues;
pub(crate) static T2_2: ActiveDisclosureValues = ActiveDisclosureValues;

/// The registry entry (see `registry.rs`).
pub(crate) static INFO: RuleInfo = RuleInfo {
    code: "T2-2",
    severity: Severity::Warning,
    title: "表二：件数为非负整数，收费金额为非负小数",
    explain: "检查什么：表二每个单元格是否为数字：件数为不小于 0 的整数，收费金额（万元）为不小于 0 的数。\n为什么：空白、「/」「无」不等于 0；「00」或在格内写单位，说明表格是手工填写的，容易出错。\n例：「规章 · 现行有效件数」写作「00」；收费写作「96.5万元」。\n空单元格：本规则报告它们（警告）；同一行的几个空格合为一条，逐格标出。",
    empty_cells: EmptyCells::Reported,
    command: Command::Check,
};

impl Rule for ActiveDisclosureValues {
    fn info(&self) -> &RuleInfo {
        &INFO
    }
    fn check(&self, report: &Report, out: &mut Vec<Diagnostic>) {
        cells::check_values(report, TableKey::ActiveDisclosure, INFO.code, out);
    }
}
