//! The codes of report.toml diagnostics (`A-`), registered once here (see `registry.rs`).

use crate::check::{EmptyCells, Severity};
use crate::registry::{Command, RuleInfo};

/// Syntax, unknown keys, wrong types.
pub static A_TOML: RuleInfo = RuleInfo {
    code: "A-TOML",
    severity: Severity::Error,
    title: "report.toml 的语法、键名或类型有误",
    explain: "检查什么：report.toml 是否是合法的 TOML，键名是否都是 docs/report-toml.md 列出的，值的类型（数字、文字、数组）是否正确。\n为什么：写错的键会被悄悄忽略，报告里就少了那一项；gaogen 宁可停下来指出位置。\n例：把 [report] 写成 [reprot]，或把件数写成 \"3件\"。\n空单元格：不涉及。",
    empty_cells: EmptyCells::NotApplicable,
    command: Command::Render,
};

/// A value that cannot be a count or an amount, a wrong number of values, a year or edition
/// out of range.
pub static A_VALUE: RuleInfo = RuleInfo {
    code: "A-VALUE",
    severity: Severity::Error,
    title: "report.toml 的数值无效",
    explain: "检查什么：每个数值是否是不小于 0 的件数（整数）或金额（最多 6 位小数），每行填写的个数是否等于列数，年度和格式版本是否有效。\n为什么：负数、小数件数或少填一个数都会让表格移位或出错；gaogen 不会猜测。\n例：表三「（一）予以公开」写了 6 个数，而该行有 7 列；格式版本写成 \"2020\"。\n空单元格：\"\" 表示未填写，不报告为本错误（见 A-MISSING）。",
    empty_cells: EmptyCells::NotApplicable,
    command: Command::Render,
};

/// A row of the edition that report.toml leaves out.
pub static A_MISSING: RuleInfo = RuleInfo {
    code: "A-MISSING",
    severity: Severity::Error,
    title: "report.toml 缺少表格的一行",
    explain: "检查什么：所选格式版本的每一个数据行是否都在 report.toml 中。\n为什么：缺少的行不等于 0，生成的报告会缺行，勾稽关系无法核对。\n例：表三没有 withheld_state_secret（「1.属于国家秘密」）这一行。\n空单元格：整行缺失时报告；行中的 \"\" 单元格不报告。",
    empty_cells: EmptyCells::Reported,
    command: Command::Render,
};

/// A total written in report.toml that differs from the one gaogen computes.
pub static A_TOTAL: RuleInfo = RuleInfo {
    code: "A-TOTAL",
    severity: Severity::Error,
    title: "report.toml 中写的合计与计算结果不符",
    explain: "检查什么：report.toml 中手写的合计（表三总计列、「（七）总计」行、表四总计）是否等于 gaogen 按 FORMAT.md §6 计算的结果。\n为什么：合计由 gaogen 计算；写了却写错，说明某个分项填错了。\n例：表三「（七）总计」写 20，而各办理结果之和为 21。\n空单元格：分项有空白时合计无法计算，不报告为本错误。",
    empty_cells: EmptyCells::NotAssessable,
    command: Command::Render,
};

/// Every report.toml code.
pub static CODES: &[&RuleInfo] = &[&A_TOML, &A_VALUE, &A_MISSING, &A_TOTAL];
