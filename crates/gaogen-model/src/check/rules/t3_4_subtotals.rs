use crate::check::equation::{broken, evaluate, Outcome};
use crate::check::{Diagnostic, EmptyCells, Rule, Severity};
use crate::registry::{Command, RuleInfo};
use crate::schema::{table_schema, RowKind, T3_COLUMN_IDS};
use crate::{Report, RowId, RowStatus, TableKey};

/// T3-4: a subtotal a report writes on a group row (「（三）不予公开」, 「（四）无法提供」,
/// 「（五）不予处理」, 2021 「（六）其他处理」) equals the sum of its sub-rows.
///
/// Why: subtotals are optional, but when written they must agree with their parts. Example:
/// 「（三）不予公开」 subtotal 9 over sub-rows adding up to 8.
/// Empty cells: a group row without values is not a subtotal and is not checked; a subtotal
/// over empty sub-rows is left to T3-3's not-assessable note.
#[derive(Debug)]
pub(crate) struct Subtotals;
pub(crate) static T3_4: Subtotals = Subtotals;

/// The registry entry (see `registry.rs`).
pub(crate) static INFO: RuleInfo = RuleInfo {
    code: "T3-4",
    severity: Severity::Error,
    title: "表三：自行添加的小计等于其子项之和",
    explain: "检查什么：报告在「（三）不予公开」「（四）无法提供」「（五）不予处理」「（六）其他处理」等分组行上自行填写的小计，是否等于其下各子项之和。\n为什么：小计不是格式要求，但一旦填写就必须与子项一致。\n例：「（三）不予公开」小计 9，而 1–8 项相加为 8。\n空单元格：分组行没有数值时不检查。",
    empty_cells: EmptyCells::NotAssessable,
    command: Command::Check,
};

impl Rule for Subtotals {
    fn info(&self) -> &RuleInfo {
        &INFO
    }
    fn check(&self, report: &Report, out: &mut Vec<Diagnostic>) {
        let t = report.table(TableKey::Applications);
        if !t.found {
            return;
        }
        let schema = table_schema(TableKey::Applications, t.version);
        for (i, group) in schema
            .rows
            .iter()
            .enumerate()
            .filter(|(_, r)| r.kind == RowKind::Group && r.id != RowId::Results)
        {
            let Some(row) = t
                .row(group.id)
                .filter(|r| r.status == RowStatus::Found && !r.cells.is_empty())
            else {
                continue;
            };
            let parts: Vec<RowId> = schema.rows[i + 1..]
                .iter()
                .take_while(|r| r.kind == RowKind::Data && r.id != RowId::ResultsTotal)
                .map(|r| r.id)
                .collect();
            for &column in T3_COLUMN_IDS {
                let left: Vec<_> = parts.iter().map(|&p| (p, column)).collect();
                if let Outcome::Broken(eq) =
                    evaluate(report, TableKey::Applications, &left, &[(row.id, column)])
                {
                    let label = t.cell(row.id, column).map_or(column.as_str(), |c| c.label);
                    out.push(broken(
                        INFO.code,
                        TableKey::Applications,
                        format!("表三「{}」小计（「{label}」列）= 子项之和 ", group.label),
                        eq,
                    ));
                }
            }
        }
    }
}
