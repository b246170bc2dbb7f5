use crate::check::text::{quotes, Quoted};
use crate::check::{Diagnostic, EmptyCells, Rule, Severity};
use crate::registry::{Command, RuleInfo};
use crate::{ColumnId, Report, RowId, TableKey};

/// T3-7: counts of requests quoted in the text (「受理政府信息公开申请 17 件」) agree with 表三.
///
/// Why: text and table written separately drift apart; readers trust the text. A quoted count
/// agrees when it equals 一、本年新收 总计, or 一 + 二 (received plus carried over). Example
/// (洪泽区 2024): the text says 17 requests, 表三 says 95.
/// Empty cells: not assessable (info) when the 总计 cells are empty or missing.
#[derive(Debug)]
pub(crate) struct TextRequests;
pub(crate) static T3_7: TextRequests = TextRequests;

/// The registry entry (see `registry.rs`).
pub(crate) static INFO: RuleInfo = RuleInfo {
    code: "T3-7",
    severity: Severity::Warning,
    title: "正文中的申请件数与表三一致",
    explain: "检查什么：正文（前言及第一至四部分）中「受理/收到……申请 N 件」「未收到……申请」所说的件数，是否等于表三「一、本年新收」的总计（或「一」与「二、上年结转」之和）。\n为什么：正文和表格分别填写，容易不一致；读者通常只看正文。\n例：正文写「受理政府信息公开申请 17 件」，表三新收总计为 95。\n空单元格：表三的总计为空或缺失时，报告「无法评估」（提示）。",
    empty_cells: EmptyCells::NotAssessable,
    command: Command::Check,
};

impl Rule for TextRequests {
    fn info(&self) -> &RuleInfo {
        &INFO
    }
    fn check(&self, report: &Report, out: &mut Vec<Diagnostic>) {
        // Counts quoted in the text first: most reports quote none.
        let found = quotes(report, Quoted::Requests);
        let t = report.table(TableKey::Applications);
        if found.is_empty() || !t.found {
            return;
        }
        let new = t.cell(RowId::NewRequests, ColumnId::Total);
        let carried = t
            .cell(RowId::CarriedOver, ColumnId::Total)
            .and_then(|c| c.value.as_count())
            .unwrap_or(0);
        let Some(new_total) = new.and_then(|c| c.value.as_count()) else {
            let mut d = Diagnostic::new(INFO.code, Severity::Info, "正文提到了申请件数，但表三「一、本年新收」的总计为空或缺失，无法核对（不视为通过）", Some(found[0].span))
                .in_table(TableKey::Applications)
                .help("填写表三「一、本年新收」的总计");
            d.not_assessable = true;
            out.push(d);
            return;
        };
        for q in found {
            if q.value == new_total || Some(q.value) == new_total.checked_add(carried) {
                continue;
            }
            let mut d = Diagnostic::new(
                INFO.code,
                Severity::Warning,
                format!("正文「{}」说 {} 件，表三「一、本年新收政府信息公开申请数量」总计为 {new_total} 件", q.excerpt, q.value),
                Some(q.span),
            )
            .in_table(TableKey::Applications)
            .help("核对正文与表三，使两者一致（正文如只统计本机关某一部门，应写明口径）");
            d = d.mark(q.span, format!("正文：{} 件", q.value));
            if let Some(span) = new.and_then(|c| c.span) {
                d = d.mark(span, format!("表三：{new_total} 件"));
            }
            out.push(d);
        }
    }
}
