use super::{Pair, PairRule};
use crate::check::{Diagnostic, EmptyCells, Severity};
use crate::diff::ChainCheck;
use crate::registry::{Command, RuleInfo};
use crate::TableKey;

/// D-FORMAT: a table changed edition between the years (2019 → 2021), so rows and columns do not
/// all correspond.
#[derive(Debug)]
pub(crate) struct FormatChange;
pub(crate) static D_FORMAT: FormatChange = FormatChange;

/// The registry entry (see `registry.rs`).
pub(crate) static INFO: RuleInfo = RuleInfo {
    code: "D-FORMAT",
    severity: Severity::Info,
    title: "两年的表格格式版本不同",
    explain: "检查什么：表二、表三在两年的报告中是否使用同一版格式（2019 版或 2021 版）。\n为什么：格式改版后部分行列不再一一对应，逐格比较和逐年衔接只在对应的单元格上进行。\n例：2020 年报告的表三为 2019 版，2021 年报告的表三为 2021 版。\n空单元格：不涉及。",
    empty_cells: EmptyCells::NotApplicable,
    command: Command::Diff,
};

impl PairRule for FormatChange {
    fn info(&self) -> &RuleInfo {
        &INFO
    }
    fn check(&self, pair: &Pair<'_>, _: &mut Vec<ChainCheck>, out: &mut Vec<Diagnostic>) {
        for key in TableKey::ALL {
            let (o, n) = (pair.old.table(key), pair.new.table(key));
            if o.found && n.found && o.version != n.version && key != TableKey::ReviewsAndLitigation
            {
                out.push(
                    Diagnostic::new(
                        INFO.code,
                        INFO.severity,
                        format!(
                            "{}的格式从 {} 版改为 {} 版：两年的行列不完全对应",
                            key.name(),
                            o.version,
                            n.version
                        ),
                        n.span,
                    )
                    .in_table(key),
                );
            }
        }
    }
}
