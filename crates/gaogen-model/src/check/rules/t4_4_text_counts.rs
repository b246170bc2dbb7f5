use crate::check::text::{quotes, Quoted};
use crate::check::{Diagnostic, EmptyCells, Rule, Severity};
use crate::registry::{Command, RuleInfo};
use crate::{ColumnId, RowId};
use crate::{Report, Span, TableKey};

/// T4-4: counts of cases quoted in the text (「行政复议 351 件」, 「行政诉讼 46 件」) agree with 表四.
///
/// Why: as for T3-7, text and table must tell the same story. 行政诉讼 in the text is compared
/// with 未经复议直接起诉 + 复议后起诉. Example: text 「行政复议 3 件」 while 表四 总计 is 2.
/// Empty cells: not assessable (info).
#[derive(Debug)]
pub(crate) struct TextCases;
pub(crate) static T4_4: TextCases = TextCases;

/// The registry entry (see `registry.rs`).
pub(crate) static INFO: RuleInfo = RuleInfo {
    code: "T4-4",
    severity: Severity::Warning,
    title: "正文中的复议、诉讼件数与表四一致",
    explain: "检查什么：正文中「行政复议 N 件」「行政诉讼 N 件」是否等于表四行政复议总计、行政诉讼两组总计之和。\n为什么：正文和表格分别填写，容易不一致。\n例：正文写「行政复议 3 件」，表四行政复议总计为 2。\n空单元格：表四总计为空或缺失时，报告「无法评估」（提示）。",
    empty_cells: EmptyCells::NotAssessable,
    command: Command::Check,
};

impl Rule for TextCases {
    fn info(&self) -> &RuleInfo {
        &INFO
    }
    fn check(&self, report: &Report, out: &mut Vec<Diagnostic>) {
        let t = report.table(TableKey::ReviewsAndLitigation);
        if !t.found {
            return;
        }
        let total = |ids: &[ColumnId]| -> Option<(i64, Option<Span>)> {
            let mut sum = 0;
            let mut span = None;
            for &id in ids {
                let cell = t.cell(RowId::Cases, id)?;
                sum = cell.value.as_count().and_then(|v| v.checked_add(sum))?;
                span = span.or(cell.span);
            }
            Some((sum, span))
        };
        let checks = [
            (Quoted::Reviews, "行政复议", total(&[ColumnId::ReviewTotal])),
            (
                Quoted::Lawsuits,
                "行政诉讼",
                total(&[
                    ColumnId::LitigationDirectTotal,
                    ColumnId::LitigationAfterReviewTotal,
                ]),
            ),
        ];
        for (what, name, table_total) in checks {
            for q in quotes(report, what) {
                match table_total {
                    Some((n, _)) if n == q.value => {}
                    Some((n, span)) => {
                        let mut d = Diagnostic::new(
                            INFO.code,
                            Severity::Warning,
                            format!(
                                "正文「{}」说{name} {} 件，表四为 {n} 件",
                                q.excerpt, q.value
                            ),
                            Some(q.span),
                        )
                        .in_table(TableKey::ReviewsAndLitigation)
                        .help("核对正文与表四，使两者一致")
                        .mark(q.span, format!("正文：{} 件", q.value));
                        if let Some(s) = span {
                            d = d.mark(s, format!("表四：{n} 件"));
                        }
                        out.push(d);
                    }
                    None => {
                        let mut d = Diagnostic::new(INFO.code, Severity::Info, format!("正文提到{name}件数，但表四的总计为空或缺失，无法核对（不视为通过）"), Some(q.span))
                            .in_table(TableKey::ReviewsAndLitigation);
                        d.not_assessable = true;
                        out.push(d);
                    }
                }
            }
        }
    }
}
