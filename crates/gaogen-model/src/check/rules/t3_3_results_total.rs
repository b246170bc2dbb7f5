use crate::check::equation::SumRule;
use crate::check::{EmptyCells, Severity};
use crate::registry::{Command, RuleInfo};
use crate::schema::sums::{Equation, SumKind};
use crate::{Report, RowId, TableKey};

/// T3-3: in every column of 表三, （七）总计 = （一） + （二） + Σ（三）1–8 + Σ（四）1–3 +
/// Σ（五）1–5 + （六） (2021: Σ（六）1–3).
///
/// Why: every request handled ends in exactly one result; the total of results is their sum.
/// Example: results adding up to 3049 under a （七）总计 of 3050.
/// Empty cells: not assessable (info), never passed.
pub(crate) static T3_3: SumRule = SumRule {
    info: &INFO,
    sum: (TableKey::Applications, SumKind::ResultsTotal),
    relation: "表三「（七）总计 = 各办理结果之和」",
    subject,
};

/// The registry entry (see `registry.rs`).
pub(crate) static INFO: RuleInfo = RuleInfo {
    code: "T3-3",
    severity: Severity::Error,
    title: "表三每列：（七）总计 = 各办理结果之和",
    explain: "检查什么：表三每一列的「（七）总计」是否等于（一）予以公开、（二）部分公开、（三）1–8、（四）1–3、（五）1–5、（六）（2021 版为（六）1–3）之和。\n为什么：每件办结的申请只有一种办理结果，结果之和必须等于总计。\n例：各办理结果相加为 3049，而（七）总计为 3050。\n空单元格：涉及的单元格为空或缺失时，报告「无法评估」（提示），不视为通过。",
    empty_cells: EmptyCells::NotAssessable,
    command: Command::Check,
};

fn subject(report: &Report, eq: &Equation) -> Option<String> {
    super::t3_column_subject(
        report,
        eq,
        RowId::ResultsTotal,
        "各办理结果之和 = （七）总计",
    )
}
