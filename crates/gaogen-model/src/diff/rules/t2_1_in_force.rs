use super::{shown, status, Pair, PairRule};
use crate::check::{Diagnostic, EmptyCells, Severity};
use crate::diff::{ChainCheck, ChainStatus};
use crate::registry::{Command, RuleInfo};
use crate::{ColumnId, FormatVersion, RowId, TableKey};

/// T2-1: 表二 (2021) 「现行有效件数」 ≈ last year's 现行有效件数 + 本年制发件数 − 本年废止件数,
/// for 规章 and 行政规范性文件.
///
/// Why: the documents in force change only by issuing and repealing; a gap needs an explanation
/// (a clean-up of old documents legitimately breaks it, hence a warning). Example: 2023 现行有效
/// 5, 2024 制发 3, 废止 0, 现行有效 8: holds.
#[derive(Debug)]
pub(crate) struct InForce;
pub(crate) static T2_1: InForce = InForce;

/// The registry entry (see `registry.rs`).
pub(crate) static INFO: RuleInfo = RuleInfo {
    code: "T2-1",
    severity: Severity::Warning,
    title: "表二逐年衔接：现行有效件数 = 上年现行有效 + 制发 − 废止",
    explain: "检查什么：表二（2021 版）规章、行政规范性文件的「现行有效件数」是否等于上一年的现行有效件数加本年制发件数、减本年废止件数。\n为什么：现行有效的文件只因制发和废止而变化；不一致需要说明（集中清理文件时可能合理，所以只是警告）。\n例：上一年现行有效 5 件，本年制发 3 件、废止 0 件，本年现行有效应为 8 件。\n空单元格：任一方为空或缺失时为「无法评估」。",
    empty_cells: EmptyCells::NotAssessable,
    command: Command::Diff,
};

impl PairRule for InForce {
    fn info(&self) -> &RuleInfo {
        &INFO
    }
    fn check(&self, pair: &Pair<'_>, checks: &mut Vec<ChainCheck>, out: &mut Vec<Diagnostic>) {
        let (old, new) = (pair.old, pair.new);
        let key = TableKey::ActiveDisclosure;
        let Some((_, n)) = super::both_in(pair, key, FormatVersion::V2021) else {
            return;
        };
        for row in [RowId::Rules, RowId::NormativeDocuments] {
            let label = n.row(row).map_or(row.as_str(), |r| r.label);
            let (before, before_at) = shown(old, key, row, ColumnId::InForce);
            let (issued, _) = shown(new, key, row, ColumnId::Issued);
            let (repealed, _) = shown(new, key, row, ColumnId::Repealed);
            let (now, now_at) = shown(new, key, row, ColumnId::InForce);
            let expected = before
                .zip(issued)
                .zip(repealed)
                .and_then(|((b, i), r)| b.checked_add(i)?.checked_sub(r));
            let status = status(expected, now, |a, b| a == b);
            checks.push(ChainCheck {
                code: INFO.code,
                subject: format!("表二 · {label}"),
                status,
                old_value: expected.map(|v| {
                    format!(
                        "{} + {} − {} = {v}",
                        before.unwrap_or(0),
                        issued.unwrap_or(0),
                        repealed.unwrap_or(0)
                    )
                }),
                new_value: now.map(|v| v.to_string()),
            });
            if let (ChainStatus::Broken, Some(e), Some(v)) = (status, expected, now) {
                let mut d = Diagnostic::new(
                    INFO.code,
                    Severity::Warning,
                    format!("表二「{label}」现行有效件数为 {v}，按上一年现行有效 + 本年制发 − 本年废止应为 {e}，相差 {}", i128::from(v) - i128::from(e)),
                    now_at,
                )
                .in_table(key)
                .help("核对现行有效件数；如因集中清理文件而变化，在正文中说明");
                d.previous = before_at;
                out.push(d);
            }
        }
    }
}
