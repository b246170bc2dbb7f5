use crate::check::published::{agency_kind, Context};
use crate::check::{Diagnostic, EmptyCells, Rule, Severity};
use crate::registry::{Command, RuleInfo};
use crate::{Report, SectionKey};
use memchr::memmem::Finder;
use std::sync::LazyLock;

/// E-ACCOUNTABILITY: a people's government's report states its 工作考核、社会评议和责任追究结果
/// (条例第五十条).
///
/// Why: article 50 requires this part for 各级人民政府; the 2021 format puts it in section 一.
/// Example: a 县人民政府 report whose section 一 mentions 考核 but neither 评议 nor 责任追究.
/// Sections 一 and 六 are read. Departments are not concerned; an agency whose kind the name does
/// not tell is not assessable (use `--agency-kind`).
/// Empty cells: not applicable.
#[derive(Debug)]
pub(crate) struct Accountability;
pub(crate) static E_ACCOUNTABILITY: Accountability = Accountability;

/// The three parts and the words that show each.
const PARTS: &[(&str, &[&str])] = &[
    ("工作考核", &["考核"]),
    ("社会评议", &["评议", "社会评价", "满意度"]),
    ("责任追究", &["责任追究", "追究责任", "追责", "问责"]),
];

/// The registry entry (see `registry.rs`).
pub(crate) static INFO: RuleInfo = RuleInfo {
    code: "E-ACCOUNTABILITY",
    severity: Severity::Warning,
    title: "人民政府的报告写明工作考核、社会评议和责任追究结果",
    explain: "检查什么：人民政府（含乡镇、街道）的报告，第一部分或第六部分是否写了政府信息公开工作考核（「考核」）、社会评议（「评议」「社会评价」「满意度」）和责任追究结果（「责任追究」「追责」「问责」）。\n为什么：《政府信息公开条例》第五十条要求各级人民政府的年度报告包括工作考核、社会评议和责任追究结果情况；2021 版格式放在总体情况中。\n例：县人民政府报告第一部分只写「纳入年度目标考核」，没有社会评议和责任追究。部门的报告不检查；机关名称看不出类别时报告「无法评估」，可用 --agency-kind 指定。\n空单元格：不涉及。",
    empty_cells: EmptyCells::NotApplicable,
    command: Command::Check,
};

impl Rule for Accountability {
    fn info(&self) -> &RuleInfo {
        &INFO
    }
    fn check(&self, report: &Report, out: &mut Vec<Diagnostic>) {
        self.check_in(report, &Context::default(), out);
    }
    fn check_in(&self, report: &Report, context: &Context, out: &mut Vec<Diagnostic>) {
        let one = report.section(SectionKey::Overview);
        let span = one
            .heading
            .as_ref()
            .map(|h| h.span)
            .or(report.title.as_ref().map(|t| t.span));
        match agency_kind(report, context) {
            Some((kind, _)) if !kind.is_government() => return,
            Some(_) => {}
            None => {
                if report.agency.is_some() {
                    let mut d = Diagnostic::new(
                        INFO.code,
                        Severity::Info,
                        format!("无法从机关名称「{}」判断是否为人民政府，不能确定是否需要写工作考核、社会评议和责任追究结果（不视为通过）", report.agency.as_deref().unwrap_or_default()),
                        span,
                    )
                    .help("用 --agency-kind 指定机关类别");
                    d.not_assessable = true;
                    out.push(d);
                }
                return;
            }
        }
        let six = report.section(SectionKey::Other);
        let texts: Vec<&str> = one
            .paragraphs
            .iter()
            .chain(&six.paragraphs)
            .map(|p| p.text.as_str())
            .collect();
        // Each word's searcher made once, not at every paragraph.
        static FINDERS: LazyLock<Vec<Vec<Finder<'static>>>> = LazyLock::new(|| {
            PARTS
                .iter()
                .map(|(_, words)| words.iter().map(Finder::new).collect())
                .collect()
        });
        let missing: Vec<&str> = PARTS
            .iter()
            .zip(FINDERS.iter())
            .filter(|(_, finders)| {
                !texts
                    .iter()
                    .any(|t| finders.iter().any(|f| f.find(t.as_bytes()).is_some()))
            })
            .map(|((name, _), _)| *name)
            .collect();
        if missing.is_empty() {
            return;
        }
        out.push(
            Diagnostic::new(
                INFO.code,
                Severity::Warning,
                format!(
                    "人民政府的报告没有写{}结果（条例第五十条）",
                    missing.join("、")
                ),
                span,
            )
            .help("在总体情况中写明政府信息公开工作考核、社会评议和责任追究结果情况"),
        );
    }
}
