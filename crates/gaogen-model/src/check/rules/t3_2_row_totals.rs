use crate::check::equation::SumRule;
use crate::check::{EmptyCells, Severity};
use crate::registry::{Command, RuleInfo};
use crate::schema::sums::{Equation, SumKind};
use crate::{Report, TableKey};

/// T3-2: in every row of 表三, 总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他.
///
/// Why: the 总计 column is a sum; a hand-typed total that differs hides an error in one of its
/// parts. Example: 「（一）予以公开」 1288 + 21 + 0 + 0 + 50 + 3 = 1362, written 1363.
/// Empty cells: not assessable (info), never passed.
pub(crate) static T3_2: SumRule = SumRule {
    info: &INFO,
    sum: (TableKey::Applications, SumKind::RowTotal),
    relation: "表三「总计 = 各类申请人之和」",
    subject,
};

/// The registry entry (see `registry.rs`).
pub(crate) static INFO: RuleInfo = RuleInfo {
    code: "T3-2",
    severity: Severity::Error,
    title: "表三每行：总计 = 各类申请人之和",
    explain: "检查什么：表三每一行的「总计」是否等于自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他六列之和。\n为什么：总计是求和得出的，手填的总计与各项之和不符，说明某一格填错。\n例：「（一）予以公开」1288 + 21 + 0 + 0 + 50 + 3 = 1362，而总计填 1363。\n空单元格：涉及的单元格为空或缺失时，报告「无法评估」（提示），不视为通过。",
    empty_cells: EmptyCells::NotAssessable,
    command: Command::Check,
};

fn subject(report: &Report, eq: &Equation) -> Option<String> {
    let row = report
        .table(TableKey::Applications)
        .row(eq.subject.row()?)
        .filter(|r| !r.cells.is_empty())?;
    Some(format!("表三「{}」行：各类申请人之和 = 总计 ", row.label))
}
