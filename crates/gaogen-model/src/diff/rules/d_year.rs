use super::{status, Pair, PairRule};
use crate::check::{Diagnostic, EmptyCells, Severity};
use crate::diff::{ChainCheck, ChainStatus};
use crate::registry::{Command, RuleInfo};

/// D-YEAR: NEW is the year after OLD.
///
/// Why: comparing reports of non-consecutive years says nothing about a year chain. Example:
/// OLD 2022 and NEW 2024 (a year skipped).
#[derive(Debug)]
pub(crate) struct Year;
pub(crate) static D_YEAR: Year = Year;

/// The registry entry (see `registry.rs`).
pub(crate) static INFO: RuleInfo = RuleInfo {
    code: "D-YEAR",
    severity: Severity::Warning,
    title: "新报告是旧报告的下一年",
    explain: "检查什么：新报告的年度是否为旧报告的下一年。\n为什么：只有相邻两年的报告，逐年衔接（上年结转 = 上年结转下年度）才有意义。\n例：旧报告 2022 年，新报告 2024 年。\n空单元格：任一份报告的年度无法确定时为「无法评估」，不视为通过。",
    empty_cells: EmptyCells::NotAssessable,
    command: Command::Diff,
};

impl PairRule for Year {
    fn info(&self) -> &RuleInfo {
        &INFO
    }
    fn check(&self, pair: &Pair<'_>, checks: &mut Vec<ChainCheck>, out: &mut Vec<Diagnostic>) {
        let (old, new) = (pair.old, pair.new);
        let year_status = status(old.year, new.year, |o, n| *n == o + 1);
        checks.push(ChainCheck {
            code: INFO.code,
            subject: "报告年度".into(),
            status: year_status,
            old_value: old.year.map(|y| y.to_string()),
            new_value: new.year.map(|y| y.to_string()),
        });
        if year_status == ChainStatus::Broken {
            let mut d = Diagnostic::new(
                INFO.code,
                Severity::Warning,
                format!(
                    "新报告年度 {} 不是旧报告年度 {} 的下一年",
                    new.year.unwrap_or(0),
                    old.year.unwrap_or(0)
                ),
                new.title.as_ref().map(|t| t.span),
            )
            .help("比较同一机关相邻两年的报告");
            d.previous = old.title.as_ref().map(|t| t.span);
            out.push(d);
        }
    }
}
