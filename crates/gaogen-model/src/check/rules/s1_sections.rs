use crate::check::{Diagnostic, EmptyCells, Rule, Severity};
use crate::registry::{Command, RuleInfo};
use crate::{FindingKind, Report};

/// S-1: the six sections are present, in order, under their official headings.
///
/// Why: the six sections are fixed by the format; a missing one is missing content, a variant
/// heading shows an outdated or hand-made template. Example: a report without 「四、政府信息公开
/// 行政复议、行政诉讼情况」 is an error; 「五、存在问题及改进情况」 is a warning.
/// Empty cells: not applicable.
#[derive(Debug)]
pub(crate) struct SectionsPresent;
pub(crate) static S1: SectionsPresent = SectionsPresent;

/// The registry entry (see `registry.rs`).
pub(crate) static INFO: RuleInfo = RuleInfo {
    code: "S-1",
    severity: Severity::Error,
    title: "六个部分齐全、顺序正确、使用官方标题",
    explain: "检查什么：一至六部分是否都有标题、顺序是否正确、标题是否为官方文字。\n为什么：六个部分是格式规定的内容，缺少即内容缺失（错误）；标题写法不同说明模板过时或自拟（警告）。\n例：缺少「四、政府信息公开行政复议、行政诉讼情况」为错误；「五、存在问题及改进情况」为警告，应为「五、存在的主要问题及改进情况」。\n空单元格：不涉及。",
    empty_cells: EmptyCells::NotApplicable,
    command: Command::Check,
};

impl Rule for SectionsPresent {
    fn info(&self) -> &RuleInfo {
        &INFO
    }
    fn check(&self, report: &Report, out: &mut Vec<Diagnostic>) {
        for f in &report.findings {
            let severity = match f.kind {
                FindingKind::SectionMissing | FindingKind::SectionOutOfOrder => Severity::Error,
                FindingKind::SectionHeadingVariant => Severity::Warning,
                _ => continue,
            };
            let help = match (&f.expected, f.kind) {
                (Some(h), FindingKind::SectionMissing) => format!("补上标题「{h}」及其内容"),
                (Some(h), FindingKind::SectionOutOfOrder) => {
                    format!("按官方顺序排列，「{h}」应在前一部分之后")
                }
                (Some(h), _) => format!("改为官方标题「{h}」"),
                (None, _) => "按官方格式修改".to_string(),
            };
            out.push(Diagnostic::new(INFO.code, severity, f.message.clone(), f.span).help(help));
        }
    }
}
