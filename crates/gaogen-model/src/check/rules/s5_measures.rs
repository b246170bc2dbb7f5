use crate::check::words::Words;
use crate::check::{Diagnostic, EmptyCells, Rule, Severity};
use crate::registry::{Command, RuleInfo};
use crate::{Report, SectionKey};

/// Words that announce a measure.
const MEASURE_WORDS: &[&str] = &[
    "改进",
    "措施",
    "下一步",
    "整改",
    "加强",
    "完善",
    "提升",
    "推进",
    "将",
];

/// [`MEASURE_WORDS`] with their searchers, made once.
static MEASURES: Words = Words::new(MEASURE_WORDS);

/// S-5: section 五 states how problems are being fixed, not only what they are.
///
/// Why: the format asks for problems *and* their improvement; a section listing problems with no
/// measures is a common evaluation deduction. Example: 「存在问题：信息更新不及时。」 and nothing
/// more.
/// Empty cells: not applicable.
#[derive(Debug)]
pub(crate) struct ProblemsWithMeasures;
pub(crate) static S5: ProblemsWithMeasures = ProblemsWithMeasures;

/// The registry entry (see `registry.rs`).
pub(crate) static INFO: RuleInfo = RuleInfo {
    code: "S-5",
    severity: Severity::Warning,
    title: "第五部分既写问题也写改进措施",
    explain: "检查什么：第五部分是否有内容，且写了改进情况或措施（「下一步」「将」「加强」「完善」等）。\n为什么：格式要求写明存在的主要问题及改进情况；只列问题不写措施，或照抄空话，评估中会扣分。\n例：第五部分只有「存在问题：信息更新不及时。」\n空单元格：不涉及。",
    empty_cells: EmptyCells::NotApplicable,
    command: Command::Check,
};

impl Rule for ProblemsWithMeasures {
    fn info(&self) -> &RuleInfo {
        &INFO
    }
    fn check(&self, report: &Report, out: &mut Vec<Diagnostic>) {
        let five = report.section(SectionKey::Problems);
        let Some(heading) = five.heading.as_ref() else {
            return;
        };
        if five.paragraphs.is_empty() {
            out.push(
                Diagnostic::new(
                    INFO.code,
                    Severity::Warning,
                    "第五部分没有内容",
                    Some(heading.span),
                )
                .help("写明本年度存在的主要问题、上一年问题的整改情况和改进措施"),
            );
        } else if !five.paragraphs.iter().any(|p| MEASURES.any_in(&p.text)) {
            out.push(
                Diagnostic::new(
                    INFO.code,
                    Severity::Warning,
                    "第五部分只写了问题，没有写改进情况或措施",
                    five.span,
                )
                .help("补充针对每个问题的改进措施和上一年问题的整改情况"),
            );
        }
    }
}
