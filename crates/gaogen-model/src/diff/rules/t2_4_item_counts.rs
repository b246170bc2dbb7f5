use super::{shown, status, Pair, PairRule};
use crate::check::{Diagnostic, EmptyCells, Severity};
use crate::diff::{ChainCheck, ChainStatus};
use crate::registry::{Command, RuleInfo};
use crate::{ColumnId, FormatVersion, RowId, TableKey};

/// T2-4: in 2019-format 表二, last year's 「上一年项目数量」 + 「本年增/减」 = this year's
/// 「上一年项目数量」 (行政许可, 其他对外管理服务事项, 行政处罚, 行政强制, 行政事业性收费).
///
/// Why: the item count at the start of a year is last year's start plus last year's change.
/// Example: 2019 行政许可 上一年 120, 本年增/减 −4; 2020 上一年 116.
#[derive(Debug)]
pub(crate) struct ItemCounts;
pub(crate) static T2_4: ItemCounts = ItemCounts;

const ROWS: [RowId; 5] = [
    RowId::Licensing,
    RowId::OtherServices,
    RowId::Penalty,
    RowId::Enforcement,
    RowId::Fees,
];

/// The registry entry (see `registry.rs`).
pub(crate) static INFO: RuleInfo = RuleInfo {
    code: "T2-4",
    severity: Severity::Warning,
    title: "表二（2019 版）逐年衔接：上年项目数量 + 增减 = 本年的上一年项目数量",
    explain: "检查什么：两年都使用 2019 版表二时，上一年报告的「上一年项目数量」加「本年增/减」是否等于本年报告的「上一年项目数量」。\n为什么：每年年初的项目数量等于上一年年初数量加上一年的增减。\n例：2019 年行政许可上一年项目数量 120、本年增/减 −4，2020 年报告的上一年项目数量应为 116。\n空单元格：任一方为空或缺失时为「无法评估」。",
    empty_cells: EmptyCells::NotAssessable,
    command: Command::Diff,
};

impl PairRule for ItemCounts {
    fn info(&self) -> &RuleInfo {
        &INFO
    }
    fn check(&self, pair: &Pair<'_>, checks: &mut Vec<ChainCheck>, out: &mut Vec<Diagnostic>) {
        let (old, new) = (pair.old, pair.new);
        let key = TableKey::ActiveDisclosure;
        let Some((_, n)) = super::both_in(pair, key, FormatVersion::V2019) else {
            return;
        };
        for row in ROWS {
            let label = n.row(row).map_or(row.as_str(), |r| r.label);
            let (start, start_at) = shown(old, key, row, ColumnId::PreviousCount);
            let (change, _) = shown(old, key, row, ColumnId::Change);
            let (now, now_at) = shown(new, key, row, ColumnId::PreviousCount);
            let expected = start.zip(change).and_then(|(s, c)| s.checked_add(c));
            let status = status(expected, now, |a, b| a == b);
            checks.push(ChainCheck {
                code: INFO.code,
                subject: format!("表二 · {label}"),
                status,
                old_value: expected.map(|v| v.to_string()),
                new_value: now.map(|v| v.to_string()),
            });
            if let (ChainStatus::Broken, Some(e), Some(v)) = (status, expected, now) {
                let mut d = Diagnostic::new(
                    INFO.code,
                    Severity::Warning,
                    format!("表二「{label}」上一年项目数量为 {v}，按上一年报告应为 {e}"),
                    now_at,
                )
                .in_table(key)
                .help("核对两年的项目数量和增减");
                d.previous = start_at;
                out.push(d);
            }
        }
    }
}
