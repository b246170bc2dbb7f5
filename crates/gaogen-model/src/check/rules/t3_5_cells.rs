use crate::check::{cells, Diagnostic, EmptyCells, Rule, Severity};
use crate::registry::{Command, RuleInfo};
use crate::{Report, TableKey};

/// T3-5: every cell of 表三 and 表四 is a whole number ≥ 0.
///
/// Why: blank, 「/」, 「-」, 「—」 and 「无」 are *empty*, never silently 0, and every sum they
/// enter becomes not assessable. Example: 表三 「（一）予以公开」 with only its 总计 filled.
/// Empty cells: reported (warning).
#[derive(Debug)]
pub(crate) struct ApplicationCells;
pub(crate) static T3_5: ApplicationCells = ApplicationCells;

/// The registry entry (see `registry.rs`).
pub(crate) static INFO: RuleInfo = RuleInfo {
    code: "T3-5",
    severity: Severity::Warning,
    title: "表三、表四：每格为非负整数，空白不等于 0",
    explain: "检查什么：表三、表四的每个单元格是否为不小于 0 的整数。\n为什么：空白、「/」「-」「—」「无」都不是 0；含空格的求和关系无法核对，评估中按数据不完整扣分。\n例：表三「（一）予以公开」只填了总计，申请人各列空白。\n空单元格：本规则报告它们（警告）；同一行的几个空格合为一条，逐格标出。",
    empty_cells: EmptyCells::Reported,
    command: Command::Check,
};

impl Rule for ApplicationCells {
    fn info(&self) -> &RuleInfo {
        &INFO
    }
    fn check(&self, report: &Report, out: &mut Vec<Diagnostic>) {
        cells::check_values(report, TableKey::Applications, INFO.code, out);
        cells::check_values(report, TableKey::ReviewsAndLitigation, INFO.code, out);
    }
}
