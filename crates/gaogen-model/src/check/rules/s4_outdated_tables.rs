use crate::check::{Diagnostic, EmptyCells, Rule, Severity};
use crate::registry::{Command, RuleInfo};
use crate::report::VersionBasis;
use crate::{FormatVersion, Report, TableKey};

/// S-4: a report for 2021 or later uses the 2021 tables.
///
/// Why: the 2019 tables (「本年新制作数量」, 表三 （六） as one row) were replaced by
/// 国办公开办函〔2021〕30号; using them is an outdated template. Example: a 2023 report whose 表三
/// has 「（六）其他处理」 as one row.
/// Empty cells: not applicable.
#[derive(Debug)]
pub(crate) struct OutdatedTables;
pub(crate) static S4: OutdatedTables = OutdatedTables;

/// The registry entry (see `registry.rs`).
pub(crate) static INFO: RuleInfo = RuleInfo {
    code: "S-4",
    severity: Severity::Warning,
    title: "2021 年及以后的报告使用 2021 版表格",
    explain: "检查什么：报告年度为 2021 年或以后时，每张表格是否为 2021 版格式。\n为什么：2019 版表格已由国办公开办函〔2021〕30号替换，继续使用说明模板过时，数据口径也不同。\n例：2023 年报告的表三「（六）其他处理」只有一行（2019 版），而 2021 版分为三个子项。\n空单元格：不涉及。",
    empty_cells: EmptyCells::NotApplicable,
    command: Command::Check,
};

impl Rule for OutdatedTables {
    fn info(&self) -> &RuleInfo {
        &INFO
    }
    fn check(&self, report: &Report, out: &mut Vec<Diagnostic>) {
        let Some(year) = report.year.filter(|&y| y >= 2021) else {
            return;
        };
        for key in TableKey::ALL {
            let t = report.table(key);
            if t.found
                && t.version == FormatVersion::V2019
                && t.version_basis == VersionBasis::Labels
            {
                out.push(
                    Diagnostic::new(
                        INFO.code,
                        Severity::Warning,
                        format!("{year} 年的报告中，{}使用的是 2019 版格式", key.name()),
                        t.span,
                    )
                    .in_table(key)
                    .help("按国办公开办函〔2021〕30号的 2021 版格式重新填报该表"),
                );
            }
        }
    }
}
