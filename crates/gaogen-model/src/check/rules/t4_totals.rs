use crate::check::equation::check_sums;
use crate::check::{Diagnostic, EmptyCells, Rule, Severity};
use crate::registry::{Command, RuleInfo};
use crate::schema::sums::SumKind;
use crate::schema::T4_GROUPS;
use crate::{Report, TableKey};

/// T4-1, T4-2, T4-3: in each group of 表四 (行政复议; 行政诉讼 未经复议直接起诉; 复议后起诉),
/// 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.
///
/// Why: every case has exactly one state; the total is their sum. Example (洪泽区 2023 as
/// published): 行政复议 维持 10 + 纠正 1 + 其他 0 + 未审结 0 = 11, 总计 0.
/// Empty cells: not assessable (info), never passed.
#[derive(Debug)]
pub(crate) struct GroupTotal {
    info: RuleInfo,
    /// The column group of 表四 (its index in `T4_GROUPS`).
    group: usize,
}

pub(crate) static T4_1: GroupTotal = GroupTotal {
    info: RuleInfo {
        code: "T4-1",
        severity: Severity::Error,
        title: "表四 行政复议：总计 = 四项之和",
        explain: "检查什么：表四「行政复议」的总计是否等于结果维持、结果纠正、其他结果、尚未审结之和。\n为什么：每件复议案件只处于一种状态，总计必须是四项之和。\n例：维持 10 + 纠正 1 + 其他 0 + 未审结 0 = 11，而总计填 0。\n空单元格：涉及的单元格为空或缺失时，报告「无法评估」（提示），不视为通过。",
        empty_cells: EmptyCells::NotAssessable,
        command: Command::Check,
    },
    group: 0,
};
pub(crate) static T4_2: GroupTotal = GroupTotal {
    info: RuleInfo {
        code: "T4-2",
        severity: Severity::Error,
        title: "表四 未经复议直接起诉：总计 = 四项之和",
        explain: "检查什么：表四「行政诉讼·未经复议直接起诉」的总计是否等于结果维持、结果纠正、其他结果、尚未审结之和。\n为什么：每件诉讼案件只处于一种状态，总计必须是四项之和。\n例：维持 13 + 纠正 4 + 其他 8 + 未审结 1 = 26，总计 26 成立。\n空单元格：涉及的单元格为空或缺失时，报告「无法评估」（提示），不视为通过。",
        empty_cells: EmptyCells::NotAssessable,
        command: Command::Check,
    },
    group: 1,
};
pub(crate) static T4_3: GroupTotal = GroupTotal {
    info: RuleInfo {
        code: "T4-3",
        severity: Severity::Error,
        title: "表四 复议后起诉：总计 = 四项之和",
        explain: "检查什么：表四「行政诉讼·复议后起诉」的总计是否等于结果维持、结果纠正、其他结果、尚未审结之和。\n为什么：每件诉讼案件只处于一种状态，总计必须是四项之和。\n例：维持 5 + 纠正 0 + 其他 0 + 未审结 0 = 5，而总计填 0。\n空单元格：涉及的单元格为空或缺失时，报告「无法评估」（提示），不视为通过。",
        empty_cells: EmptyCells::NotAssessable,
        command: Command::Check,
    },
    group: 2,
};

impl Rule for GroupTotal {
    fn info(&self) -> &RuleInfo {
        &self.info
    }
    fn check(&self, report: &Report, out: &mut Vec<Diagnostic>) {
        let name = T4_GROUPS[self.group].name;
        check_sums(
            report,
            (
                TableKey::ReviewsAndLitigation,
                SumKind::CaseTotal(self.group),
            ),
            self.info.code,
            &format!("表四「{name}」总计"),
            |_| {
                Some(format!(
                    "表四「{name}」：结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计 "
                ))
            },
            out,
        );
    }
}
