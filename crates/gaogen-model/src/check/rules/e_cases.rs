use crate::check::gated::Piece::{Close, Either, Lits, Open, Opt};
use crate::check::gated::{Gate, Gated, Pattern, DIGITS, SPACES};
use crate::check::prose::paragraphs;
use crate::check::{Diagnostic, EmptyCells, Rule, Severity};
use crate::registry::{Command, RuleInfo};
use crate::{ColumnId, RowId};
use crate::{Report, SectionKey, Span, TableKey};

/// E-CASES: what the text says about 行政复议, 行政诉讼 and 纠错 agrees with 表四.
///
/// Why: 「本年度未发生行政复议、行政诉讼」 while 表四 counts cases, or 「被纠错 1 件」 while
/// 结果纠正 is 0, contradicts the table; evaluators deduct per 纠错 case, so the number matters.
/// Example: 「未发生因政府信息公开被申请行政复议的情况」 with 表四 行政复议 总计 2. Counts 「行政复议
/// N 件」 are T4-4's. Section 五 (plans to lower the 纠错率) is not read.
/// Empty cells: totals empty or missing make the statement not assessable (info).
#[derive(Debug)]
pub(crate) struct Cases;
pub(crate) static E_CASES: Cases = Cases;

/// Every match holds one of the gate's literals.
pub(crate) static PATTERN: Gated = Gated::new(
    concat!(
        r"(?:未|没有|无)(?:发生|出现|收到)?(?:因|涉及)?(?:政府信息公开)?(?:工作)?而?(?:被申请|被提起|被)?(?:的)?",
        r"(?:(?P<review>行政复议)(?:案件)?(?:(?:和|、|或者|或|及|与)(?:被提起)?(?P<both>(?:行政)?诉讼))?|(?P<suit>行政诉讼))",
        r"|(?P<nocorrect>(?:未|没有|无)(?:被)?(?:纠错|败诉))",
        r"|(?:被)?(?:纠错|败诉)\s*(?P<corrected>[0-9]+)\s*(?:件|起|次)"
    ),
    Gate::Literals(&["行政复议", "行政诉讼", "纠错", "败诉"]),
    Pattern {
        pieces: &[Either(&[
            &[
                Lits(&["未", "没有", "无"]),
                Opt(&["发生", "出现", "收到"]),
                Opt(&["因", "涉及"]),
                Opt(&["政府信息公开"]),
                Opt(&["工作"]),
                Opt(&["而"]),
                Opt(&["被申请", "被提起", "被"]),
                Opt(&["的"]),
                Either(&[
                    &[
                        Open(1),
                        Lits(&["行政复议"]),
                        Close(1),
                        Opt(&["案件"]),
                        Either(&[
                            &[
                                Lits(&["和", "、", "或者", "或", "及", "与"]),
                                Opt(&["被提起"]),
                                Open(2),
                                Opt(&["行政"]),
                                Lits(&["诉讼"]),
                                Close(2),
                            ],
                            &[],
                        ]),
                    ],
                    &[Open(3), Lits(&["行政诉讼"]), Close(3)],
                ]),
            ],
            &[
                Open(4),
                Lits(&["未", "没有", "无"]),
                Opt(&["被"]),
                Lits(&["纠错", "败诉"]),
                Close(4),
            ],
            &[
                Opt(&["被"]),
                Lits(&["纠错", "败诉"]),
                SPACES,
                Open(5),
                DIGITS,
                Close(5),
                SPACES,
                Lits(&["件", "起", "次"]),
            ],
        ])],
        names: &[
            None,
            Some("review"),
            Some("both"),
            Some("suit"),
            Some("nocorrect"),
            Some("corrected"),
        ],
    },
);

/// The sum of 表四 cells, with the first cell's place; `None` when one is not a number.
fn sum(report: &Report, columns: &[ColumnId]) -> Option<(i64, Option<Span>)> {
    let t = report.table(TableKey::ReviewsAndLitigation);
    let mut total = 0;
    let mut span = None;
    for &c in columns {
        let cell = t.cell(RowId::Cases, c)?;
        total += cell.value.as_count()?;
        span = span.or(cell.span);
    }
    Some((total, span))
}

const REVIEW: &[ColumnId] = &[ColumnId::ReviewTotal];
const SUITS: &[ColumnId] = &[
    ColumnId::LitigationDirectTotal,
    ColumnId::LitigationAfterReviewTotal,
];
const CORRECTED: &[ColumnId] = &[
    ColumnId::ReviewCorrected,
    ColumnId::LitigationDirectCorrected,
    ColumnId::LitigationAfterReviewCorrected,
];

/// The registry entry (see `registry.rs`).
pub(crate) static INFO: RuleInfo = RuleInfo {
    code: "E-CASES",
    severity: Severity::Warning,
    title: "正文关于复议、诉讼、纠错的说法与表四一致",
    explain: "检查什么：正文说「未发生行政复议」「无行政诉讼」「未被纠错」或「被纠错 N 件」时，表四的行政复议总计、两组行政诉讼总计、三组「结果纠正」之和是否与之相符。\n为什么：正文与表四矛盾；纠错件数在考核中逐件扣分（如每件扣 2 分），必须准确。\n例：正文「本年度未发生因政府信息公开被申请行政复议的情况」，表四行政复议总计 2。「行政复议 N 件」的件数由 T4-4 核对；第五部分（降低纠错率的计划）不检查。\n空单元格：相关总计为空或缺失时，报告「无法评估」（提示）。",
    empty_cells: EmptyCells::NotAssessable,
    command: Command::Check,
};

impl Rule for Cases {
    fn info(&self) -> &RuleInfo {
        &INFO
    }
    fn check(&self, report: &Report, out: &mut Vec<Diagnostic>) {
        if !report.table(TableKey::ReviewsAndLitigation).found {
            return;
        }
        for (key, p) in paragraphs(report) {
            if key == Some(SectionKey::Problems) {
                continue;
            }
            for caps in PATTERN.captures_iter(&p.text) {
                let whole = caps.get(0).expect("group 0");
                let span = p.locate(whole.range());
                let mut claims: Vec<(&str, &[ColumnId], i64)> = Vec::new();
                if caps.name("review").is_some() {
                    claims.push(("行政复议总计", REVIEW, 0));
                }
                if caps.name("both").is_some() || caps.name("suit").is_some() {
                    claims.push(("行政诉讼总计（两组之和）", SUITS, 0));
                }
                if caps.name("nocorrect").is_some() {
                    claims.push(("结果纠正（三组之和）", CORRECTED, 0));
                }
                if let Some(n) = caps.name("corrected").and_then(|m| m.as_str().parse().ok()) {
                    claims.push(("结果纠正（三组之和）", CORRECTED, n));
                }
                for (what, columns, said) in claims {
                    match sum(report, columns) {
                        Some((n, _)) if n == said => {}
                        Some((n, at)) => {
                            let mut d = Diagnostic::new(
                                INFO.code,
                                Severity::Warning,
                                format!("正文说「{}」，但表四{what}为 {n} 件", whole.as_str()),
                                Some(span),
                            )
                            .in_table(TableKey::ReviewsAndLitigation)
                            .mark(span, format!("正文：{said} 件"))
                            .help("核对正文与表四，使两者一致");
                            if let Some(at) = at {
                                d = d.mark(at, format!("表四{what}：{n} 件"));
                            }
                            out.push(d);
                        }
                        None => {
                            let mut d = Diagnostic::new(
                                INFO.code,
                                Severity::Info,
                                format!("正文说「{}」，但表四{what}有空白或缺失的单元格，无法核对（不视为通过）", whole.as_str()),
                                Some(span),
                            )
                            .in_table(TableKey::ReviewsAndLitigation);
                            d.not_assessable = true;
                            out.push(d);
                        }
                    }
                }
            }
        }
    }
}
