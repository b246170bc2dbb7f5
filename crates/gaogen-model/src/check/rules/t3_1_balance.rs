use crate::check::equation::SumRule;
use crate::check::{EmptyCells, Severity};
use crate::registry::{Command, RuleInfo};
use crate::schema::sums::{Equation, SumKind};
use crate::{Report, RowId, TableKey};

/// T3-1: in every column of 表三, 一 + 二 = （七）总计 + 四 (the official note:
/// 「第一项加第二项之和，等于第三项加第四项之和」).
///
/// Why: requests received plus carried over must all be either answered this year or carried
/// forward; a gap means requests were lost or double counted. Example: 新收 21 + 结转 0 ≠
/// 总计 20 + 结转下年 0.
/// Empty cells: not assessable (info), never passed.
pub(crate) static T3_1: SumRule = SumRule {
    info: &INFO,
    sum: (TableKey::Applications, SumKind::Balance),
    relation: "表三「一 + 二 = （七）+ 四」",
    subject,
};

/// The registry entry (see `registry.rs`).
pub(crate) static INFO: RuleInfo = RuleInfo {
    code: "T3-1",
    severity: Severity::Error,
    title: "表三每列：一 + 二 = （七）总计 + 四",
    explain: "检查什么：表三每一列，「一、本年新收」+「二、上年结转」是否等于「（七）总计」+「四、结转下年度继续办理」（表三左上角的官方说明）。\n为什么：收到的和结转来的申请，要么本年办结，要么结转下年；不相等说明有申请漏统或重复统计。\n例：自然人列 新收 21 + 结转 0 = 21，而 总计 20 + 结转下年 0 = 20，相差 1。\n空单元格：涉及的单元格为空或缺失时，报告「无法评估」（提示），不视为通过。",
    empty_cells: EmptyCells::NotAssessable,
    command: Command::Check,
};

fn subject(report: &Report, eq: &Equation) -> Option<String> {
    super::t3_column_subject(report, eq, RowId::NewRequests, "一 + 二 = （七）+ 四")
}
