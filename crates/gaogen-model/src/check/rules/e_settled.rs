use crate::check::gated::Piece::{Either, Lits, Opt};
use crate::check::gated::{Gate, Gated, Pattern, SPACES};
use crate::check::prose::{paragraphs, sentences};
use crate::check::{Diagnostic, EmptyCells, Rule, Severity};
use crate::registry::{Command, RuleInfo};
use crate::{ColumnId, Report, RowId, SectionKey, TableKey};

/// E-SETTLED: the text does not say every request was settled while 表三 carries requests into
/// next year.
///
/// Why: 「均已办结」 or 「全部按时答复」 next to 「四、结转下年度继续办理」 > 0 is a contradiction
/// evaluators name explicitly. Example: 「全年受理申请 12 件，均已按时办结」 with 结转下年度 2.
/// Empty cells: the 结转下年度 总计 empty or missing makes the claim not assessable (info).
#[derive(Debug)]
pub(crate) struct Settled;
pub(crate) static E_SETTLED: Settled = Settled;

/// Every match holds one of the gate's literals.
pub(crate) static PATTERN: Gated = Gated::new(
    concat!(
        r"(?:均|全部|全都|悉数|一律)(?:已|已经)?(?:在法定期限内|在规定时限内|按时|按期|及时|依法)?(?:予以)?(?:办结|答复完毕|答复|办理完毕|处理完毕|办理完成)",
        r"|办结率(?:达到?|为)?\s*100\s*[%％]",
        r"|(?:年末|年底)?无结转"
    ),
    Gate::Literals(&["办结", "答复", "办理完", "处理完毕", "无结转"]),
    Pattern {
        pieces: &[Either(&[
            &[
                Lits(&["均", "全部", "全都", "悉数", "一律"]),
                Opt(&["已", "已经"]),
                Opt(&[
                    "在法定期限内",
                    "在规定时限内",
                    "按时",
                    "按期",
                    "及时",
                    "依法",
                ]),
                Opt(&["予以"]),
                Lits(&[
                    "办结",
                    "答复完毕",
                    "答复",
                    "办理完毕",
                    "处理完毕",
                    "办理完成",
                ]),
            ],
            &[
                Lits(&["办结率"]),
                Either(&[&[Lits(&["达"]), Opt(&["到"])], &[Lits(&["为"])], &[]]),
                SPACES,
                Lits(&["100"]),
                SPACES,
                Lits(&["%", "％"]),
            ],
            &[Opt(&["年末", "年底"]), Lits(&["无结转"])],
        ])],
        names: &[None],
    },
);

/// The registry entry (see `registry.rs`).
pub(crate) static INFO: RuleInfo = RuleInfo {
    code: "E-SETTLED",
    severity: Severity::Warning,
    title: "正文「均已办结」与表三结转下年度一致",
    explain: "检查什么：正文说申请「均已办结」「全部按时答复」「办结率100%」「无结转」，而表三「四、结转下年度继续办理」总计大于 0。\n为什么：结转下年度的申请在年底尚未办结，两者矛盾；评估把正文与表格矛盾列为扣分项。\n例：「全年受理申请 12 件，均已按时办结」，表三结转下年度 2 件。同一句已说明结转（「另有 103 件顺延到下年度答复」）的不算。\n空单元格：结转下年度总计为空或缺失时，报告「无法评估」（提示）。",
    empty_cells: EmptyCells::NotAssessable,
    command: Command::Check,
};

impl Rule for Settled {
    fn info(&self) -> &RuleInfo {
        &INFO
    }
    fn check(&self, report: &Report, out: &mut Vec<Diagnostic>) {
        let table = report.table(TableKey::Applications);
        let cell = table.cell(RowId::CarriedForward, ColumnId::Total);
        let carried = cell.and_then(|c| c.value.as_count());
        for (key, p) in paragraphs(report) {
            // Section 五 may say that last year's requests were all settled.
            if key == Some(SectionKey::Problems) {
                continue;
            }
            for m in PATTERN.find_iter(&p.text) {
                // 「另有 103 件顺延到下年度答复」 in the same sentence states the carry-over.
                let sentence = sentences(&p.text)
                    .into_iter()
                    .find(|r| r.contains(&m.start()))
                    .map_or("", |r| &p.text[r]);
                if ["下年度", "下一年", "次年", "顺延"]
                    .iter()
                    .any(|w| sentence.contains(w))
                {
                    continue;
                }
                let span = p.locate(m.range());
                match carried {
                    Some(0) => {}
                    Some(n) => {
                        let mut d = Diagnostic::new(
                            INFO.code,
                            Severity::Warning,
                            format!("正文说「{}」，但表三「四、结转下年度继续办理」总计为 {n} 件", m.as_str()),
                            Some(span),
                        )
                        .in_table(TableKey::Applications)
                        .mark(span, "正文：全部办结")
                        .help("结转下年度的申请尚未办结：改写正文（如「除 N 件结转下年度外均已办结」）或核对表三");
                        if let Some(at) = cell.and_then(|c| c.span) {
                            d = d.mark(at, format!("表三结转下年度：{n} 件"));
                        }
                        out.push(d);
                    }
                    None if table.found => {
                        let mut d = Diagnostic::new(
                            INFO.code,
                            Severity::Info,
                            format!("正文说「{}」，但表三结转下年度总计为空或缺失，无法核对（不视为通过）", m.as_str()),
                            Some(span),
                        )
                        .in_table(TableKey::Applications);
                        d.not_assessable = true;
                        out.push(d);
                    }
                    None => {}
                }
            }
        }
    }
}
