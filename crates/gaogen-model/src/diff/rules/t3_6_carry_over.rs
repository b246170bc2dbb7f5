use super::{shown, status, Pair, PairRule};
use crate::check::{Diagnostic, EmptyCells, Severity};
use crate::diff::{ChainCheck, ChainStatus};
use crate::registry::{Command, RuleInfo};
use crate::schema::T3_COLUMN_IDS;
use crate::{RowId, TableKey};

/// T3-6: in every column of 表三, this year's 「二、上年结转政府信息公开申请数量」 equals last
/// year's 「四、结转下年度继续办理」.
///
/// Why: requests carried forward at the end of one year are exactly those carried over into the
/// next; a gap means requests were lost between the years. Example: 2023 结转下年度 3, 2024
/// 上年结转 0. Empty or missing cells: not assessable, never holds.
#[derive(Debug)]
pub(crate) struct CarryOver;
pub(crate) static T3_6: CarryOver = CarryOver;

/// The registry entry (see `registry.rs`).
pub(crate) static INFO: RuleInfo = RuleInfo {
    code: "T3-6",
    severity: Severity::Error,
    title: "表三逐年衔接：本年「上年结转」= 上年「结转下年度」",
    explain: "检查什么：表三每一列，本年报告的「二、上年结转政府信息公开申请数量」是否等于上一年报告的「四、结转下年度继续办理」。\n为什么：上一年年末结转的申请就是本年接续办理的申请，两者不等说明申请在年度之间遗漏或重复统计。\n例：2023 年报告结转下年度 3 件，2024 年报告上年结转 0 件。\n空单元格：任一方为空或缺失时为「无法评估」，不视为通过。",
    empty_cells: EmptyCells::NotAssessable,
    command: Command::Diff,
};

impl PairRule for CarryOver {
    fn info(&self) -> &RuleInfo {
        &INFO
    }
    fn check(&self, pair: &Pair<'_>, checks: &mut Vec<ChainCheck>, out: &mut Vec<Diagnostic>) {
        let (old, new) = (pair.old, pair.new);
        let key = TableKey::Applications;
        if !old.table(key).found || !new.table(key).found {
            return;
        }
        for &column in T3_COLUMN_IDS {
            let label = new
                .table(key)
                .cell(RowId::CarriedOver, column)
                .map_or(column.as_str(), |c| c.label);
            let (before, before_at) = shown(old, key, RowId::CarriedForward, column);
            let (now, now_at) = shown(new, key, RowId::CarriedOver, column);
            let status = status(before, now, |a, b| a == b);
            checks.push(ChainCheck {
                code: INFO.code,
                subject: format!("表三 · {label}"),
                status,
                old_value: before.map(|v| v.to_string()),
                new_value: now.map(|v| v.to_string()),
            });
            if let (ChainStatus::Broken, Some(b), Some(n)) = (status, before, now) {
                let mut d = Diagnostic::new(
                    INFO.code,
                    Severity::Error,
                    format!("表三「{label}」列：本年「上年结转」{n} 件，上一年「结转下年度继续办理」{b} 件，相差 {}", i128::from(n) - i128::from(b)),
                    now_at,
                )
                .in_table(key)
                .help("核对两年的表三：本年上年结转应等于上一年结转下年度");
                d.previous = before_at;
                out.push(d);
            }
        }
    }
}
