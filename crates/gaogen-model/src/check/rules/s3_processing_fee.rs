use crate::check::{Diagnostic, EmptyCells, Rule, Severity};
use crate::registry::{Command, RuleInfo};
use crate::{Report, SectionKey};

/// S-3: in the 2021 format, section 六 reports the 信息处理费 collected under 国办函〔2020〕109号.
///
/// Why: the 2021 format makes this item mandatory, even when nothing was collected. Example: a
/// 2022 report whose section 六 says only 「无」.
/// Empty cells: not applicable.
#[derive(Debug)]
pub(crate) struct ProcessingFee;
pub(crate) static S3: ProcessingFee = ProcessingFee;

/// The registry entry (see `registry.rs`).
pub(crate) static INFO: RuleInfo = RuleInfo {
    code: "S-3",
    severity: Severity::Warning,
    title: "第六部分说明信息处理费收取情况（2021 版）",
    explain: "检查什么：2021 年及以后的报告，第六部分是否说明了按《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取信息处理费的情况。\n为什么：2021 版格式要求报告这一事项，没有收取也应写明「未收取」或金额 0。\n例：第六部分只写「无」。\n空单元格：不涉及。",
    empty_cells: EmptyCells::NotApplicable,
    command: Command::Check,
};

impl Rule for ProcessingFee {
    fn info(&self) -> &RuleInfo {
        &INFO
    }
    fn check(&self, report: &Report, out: &mut Vec<Diagnostic>) {
        if report.year.is_none_or(|y| y < 2021) {
            return;
        }
        let six = report.section(SectionKey::Other);
        if !six.found {
            return;
        }
        if six
            .paragraphs
            .iter()
            .any(|p| p.text.contains("处理费") || p.text.contains("信息处理"))
        {
            return;
        }
        let span = six
            .paragraphs
            .first()
            .map(|p| p.span)
            .or(six.heading.as_ref().map(|h| h.span));
        out.push(
            Diagnostic::new(
                INFO.code,
                Severity::Warning,
                "第六部分没有说明政府信息公开信息处理费的收取情况",
                span,
            )
            .help(
                "写明本年度收取信息处理费的金额（未收取的写「未收取」），依据国办函〔2020〕109号",
            ),
        );
    }
}
