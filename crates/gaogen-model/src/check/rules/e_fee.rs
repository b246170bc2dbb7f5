use crate::check::gated::Piece::{Chars, Close, Either, Lits, Open, Opt};
use crate::check::gated::{Gate, Gated, Pattern, DIGITS, FRACTION, MANY, SPACES};
use crate::check::{Diagnostic, EmptyCells, Rule, Severity};
use crate::registry::{Command, RuleInfo};
use crate::{CellValue, ColumnId, Report, RowId, SectionKey, Span, TableKey};
use rust_decimal::Decimal;

/// E-FEE: what section 六 says about fees agrees with 表三（六）2 and 表二.
///
/// Why: evaluators check that the 信息处理费 reported in 第六部分 is consistent with the tables.
/// 表三「（六）2.申请人逾期未按收费通知要求缴纳费用」 > 0 means fee notices were sent, so 「不收取
/// 信息处理费」 needs explaining; a fee collected although 表三 discloses nothing (（一）+（二） = 0)
/// cannot be; 「未收取任何费用」 contradicts a 行政事业性收费 amount in 表二. Example: 六 says
/// 「本机关不收取信息处理费」 while （六）2 总计 is 1.
/// Empty cells: a needed cell empty or missing skips that comparison with a not-assessable note.
#[derive(Debug)]
pub(crate) struct Fee;
pub(crate) static E_FEE: Fee = Fee;

/// Every match holds one of the gate's literals.
pub(crate) static PATTERN: Gated = Gated::new(
    concat!(
        r"(?P<none>(?:未|没有|不|无)(?:收取|收缴|收)(?:过)?(?:任何)?(?:政府信息公开)?(?P<what>信息处理费|费用|任何费用))",
        r"|(?P<zero>信息处理费(?:共|共计|合计|为)?\s*0(?:\.0+)?\s*(?:元|万元))",
        r"|(?:收取|收缴)(?:了)?(?:政府信息公开)?信息处理费(?:共|共计|合计)?\s*(?P<amount>[0-9]+(?:\.[0-9]+)?)\s*(?:元|万元)"
    ),
    Gate::Literals(&["信息处理费", "费用"]),
    Pattern {
        pieces: &[Either(&[
            &[
                Open(1),
                Lits(&["未", "没有", "不", "无"]),
                Lits(&["收取", "收缴", "收"]),
                Opt(&["过"]),
                Opt(&["任何"]),
                Opt(&["政府信息公开"]),
                Open(2),
                Lits(&["信息处理费", "费用", "任何费用"]),
                Close(2),
                Close(1),
            ],
            &[
                Open(3),
                Lits(&["信息处理费"]),
                Opt(&["共", "共计", "合计", "为"]),
                SPACES,
                Lits(&["0"]),
                Either(&[
                    &[
                        Lits(&["."]),
                        Chars {
                            test: is_zero,
                            min: 1,
                            max: MANY,
                        },
                    ],
                    &[],
                ]),
                SPACES,
                Lits(&["元", "万元"]),
                Close(3),
            ],
            &[
                Lits(&["收取", "收缴"]),
                Opt(&["了"]),
                Opt(&["政府信息公开"]),
                Lits(&["信息处理费"]),
                Opt(&["共", "共计", "合计"]),
                SPACES,
                Open(4),
                DIGITS,
                FRACTION,
                Close(4),
                SPACES,
                Lits(&["元", "万元"]),
            ],
        ])],
        names: &[
            None,
            Some("none"),
            Some("what"),
            Some("zero"),
            Some("amount"),
        ],
    },
);

fn is_zero(c: char) -> bool {
    c == '0'
}

fn count(report: &Report, row: RowId) -> (Option<i64>, Option<Span>, bool) {
    let t = report.table(TableKey::Applications);
    let cell = t.cell(row, ColumnId::Total);
    (
        cell.and_then(|c| c.value.as_count()),
        cell.and_then(|c| c.span),
        cell.is_some(),
    )
}

fn warn(message: String, span: Span, table: TableKey) -> Diagnostic {
    Diagnostic::new(INFO.code, Severity::Warning, message, Some(span))
        .in_table(table)
        .mark(span, "第六部分")
        .help("核对第六部分关于收费的说明与表格，使两者一致，必要时说明原因")
}

fn not_assessable(what: &str, span: Span, table: TableKey) -> Diagnostic {
    let mut d = Diagnostic::new(
        INFO.code,
        Severity::Info,
        format!("第六部分说明了收费情况，但{what}为空或缺失，无法核对（不视为通过）"),
        Some(span),
    )
    .in_table(table);
    d.not_assessable = true;
    d
}

/// The registry entry (see `registry.rs`).
pub(crate) static INFO: RuleInfo = RuleInfo {
    code: "E-FEE",
    severity: Severity::Warning,
    title: "第六部分的收费说明与表三（六）2、表二一致",
    explain: "检查什么：第六部分说「不收取/未收取信息处理费」时，表三「（六）2.申请人逾期未按收费通知要求缴纳费用…」总计是否为 0（大于 0 说明发出过收费通知）；说收取了信息处理费时，表三（一）予以公开与（二）部分公开之和是否大于 0；说「未收取任何费用」时，表二行政事业性收费金额是否为 0。\n为什么：评估核对第六部分报告的信息处理费与表格是否一致。\n例：第六部分「本机关不收取信息处理费」，表三（六）2 总计为 1。\n空单元格：需要的单元格为空或缺失时，报告「无法评估」（提示）。",
    empty_cells: EmptyCells::NotAssessable,
    command: Command::Check,
};

impl Rule for Fee {
    fn info(&self) -> &RuleInfo {
        &INFO
    }
    fn check(&self, report: &Report, out: &mut Vec<Diagnostic>) {
        let six = report.section(SectionKey::Other);
        let t3 = report.table(TableKey::Applications).found;
        let t2 = report.table(TableKey::ActiveDisclosure);
        for p in &six.paragraphs {
            for caps in PATTERN.captures_iter(&p.text) {
                let whole = caps.get(0).expect("group 0");
                let span = p.locate(whole.range());
                let said_none = caps.name("none").is_some() || caps.name("zero").is_some();
                let general = caps
                    .name("what")
                    .is_some_and(|w| w.as_str() != "信息处理费");
                if said_none && t3 {
                    match count(report, RowId::OtherUnpaidFee) {
                        (Some(0), ..) | (None, _, false) => {}
                        (Some(n), at, _) => {
                            let mut d = warn(format!("第六部分说「{}」，但表三（六）2「申请人逾期未按收费通知要求缴纳费用」总计为 {n} 件，说明本年发出过收费通知", whole.as_str()), span, TableKey::Applications);
                            if let Some(at) = at {
                                d = d.mark(at, format!("表三（六）2：{n} 件"));
                            }
                            out.push(d);
                        }
                        (None, _, true) => out.push(not_assessable(
                            "表三（六）2 的总计",
                            span,
                            TableKey::Applications,
                        )),
                    }
                }
                if said_none && general && t2.found {
                    let cell = t2.cell(RowId::Fees, ColumnId::FeeAmount);
                    match cell.map(|c| &c.value) {
                        Some(CellValue::Amount { value, .. }) if *value > Decimal::ZERO => {
                            let mut d = warn(
                                format!(
                                    "第六部分说「{}」，但表二行政事业性收费金额为 {} 万元",
                                    whole.as_str(),
                                    value.normalize()
                                ),
                                span,
                                TableKey::ActiveDisclosure,
                            );
                            if let Some(at) = cell.and_then(|c| c.span) {
                                d = d.mark(at, format!("表二收费：{} 万元", value.normalize()));
                            }
                            out.push(d);
                        }
                        Some(CellValue::Count { value, .. }) if *value > 0 => {
                            let mut d = warn(
                                format!(
                                    "第六部分说「{}」，但表二行政事业性收费金额为 {value} 万元",
                                    whole.as_str()
                                ),
                                span,
                                TableKey::ActiveDisclosure,
                            );
                            if let Some(at) = cell.and_then(|c| c.span) {
                                d = d.mark(at, format!("表二收费：{value} 万元"));
                            }
                            out.push(d);
                        }
                        _ => {}
                    }
                }
                let amount = caps
                    .name("amount")
                    .and_then(|m| m.as_str().parse::<Decimal>().ok());
                if amount.is_some_and(|a| a > Decimal::ZERO) && t3 {
                    match (
                        count(report, RowId::Disclosed),
                        count(report, RowId::PartiallyDisclosed),
                    ) {
                        ((Some(a), at, _), (Some(b), _, _)) => {
                            if a + b == 0 {
                                let mut d = warn(format!("第六部分说「{}」，但表三（一）予以公开与（二）部分公开的总计都是 0：没有提供信息却收取了信息处理费", whole.as_str()), span, TableKey::Applications);
                                if let Some(at) = at {
                                    d = d.mark(at, "表三（一）予以公开：0 件");
                                }
                                out.push(d);
                            }
                        }
                        _ => out.push(not_assessable(
                            "表三（一）（二）的总计",
                            span,
                            TableKey::Applications,
                        )),
                    }
                }
            }
        }
    }
}
