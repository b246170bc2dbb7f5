use super::{status, Pair, PairRule};
use crate::check::{Diagnostic, EmptyCells, Severity};
use crate::diff::{ChainCheck, ChainStatus};
use crate::registry::{Command, RuleInfo};

/// D-AGENCY: OLD and NEW are reports of the same agency.
///
/// Why: comparing reports of different agencies says nothing about a year chain. Agency names
/// are compared without the enclosing 「淮安市」: 「洪泽区人民政府」 and 「淮安市洪泽区人民政府」
/// are the same agency.
#[derive(Debug)]
pub(crate) struct Agency;
pub(crate) static D_AGENCY: Agency = Agency;

/// The registry entry (see `registry.rs`).
pub(crate) static INFO: RuleInfo = RuleInfo {
    code: "D-AGENCY",
    severity: Severity::Warning,
    title: "两份报告是同一机关的报告",
    explain: "检查什么：两份报告的机关是否相同。\n为什么：只有同一机关的报告，逐年衔接才有意义。\n例：旧报告是「洪泽区人民政府」，新报告是「洪泽区财政局」。机关名称比较时允许省略上级地名：「洪泽区人民政府」与「淮安市洪泽区人民政府」视为同一机关。\n空单元格：任一份报告的机关无法确定时为「无法评估」，不视为通过。",
    empty_cells: EmptyCells::NotAssessable,
    command: Command::Diff,
};

/// Whether two written agency names name the same agency (one ends with the other).
fn same_agency(a: &str, b: &str) -> bool {
    a == b || a.ends_with(b) || b.ends_with(a)
}

impl PairRule for Agency {
    fn info(&self) -> &RuleInfo {
        &INFO
    }
    fn check(&self, pair: &Pair<'_>, checks: &mut Vec<ChainCheck>, out: &mut Vec<Diagnostic>) {
        let (old, new) = (pair.old, pair.new);
        let status = status(old.agency.as_deref(), new.agency.as_deref(), |a, b| {
            same_agency(a, b)
        });
        checks.push(ChainCheck {
            code: INFO.code,
            subject: "机关".into(),
            status,
            old_value: old.agency.clone(),
            new_value: new.agency.clone(),
        });
        if status == ChainStatus::Broken {
            let mut d = Diagnostic::new(
                INFO.code,
                Severity::Warning,
                format!(
                    "两份报告的机关不同：旧「{}」，新「{}」",
                    old.agency.as_deref().unwrap_or(""),
                    new.agency.as_deref().unwrap_or("")
                ),
                new.title.as_ref().map(|t| t.span),
            )
            .help("比较同一机关的报告");
            d.previous = old.title.as_ref().map(|t| t.span);
            out.push(d);
        }
    }
}
