use crate::check::gated::Piece::{self, Close, Either, Lits, Open, Opt};
use crate::check::gated::{Gate, Gated, Pattern, COUNT, DIGITS, FRACTION, SPACES};
use crate::check::prose::paragraphs;
use crate::check::words::Words;
use crate::check::{Diagnostic, EmptyCells, Rule, Severity};
use crate::registry::{Command, RuleInfo};
use crate::{CellValue, ColumnId, FormatVersion, Report, RowId, SectionKey, TableKey};
use rust_decimal::Decimal;

/// A paragraph quotes a count or an amount only with one of these.
static COUNTED: Words = Words::new(&["件", "元"]);

/// T2-3: counts and amounts quoted in the text (「现行有效的规范性文件 393 件」, 「本年制发…件」,
/// 行政许可、处罚、强制 decisions, 行政事业性收费 amount) agree with 表二.
///
/// Why: as T3-7 for 表三, text and table are typed separately and drift apart; evaluators
/// deduct when text contradicts the tables. Example: text 「现行有效规范性文件 16 件」, 表二 17.
/// Amounts in 元 are compared with 表二's 万元. Approximate counts (「300余件」) are not compared;
/// section 五 is not read.
/// Empty cells: an empty or missing table cell makes the quote not assessable (info).
#[derive(Debug)]
pub(crate) struct TextActive;
pub(crate) static T2_3: TextActive = TextActive;

/// `(?:了)?(?:行政)?规范性文件(?:共|共计|合计)?\s*([0-9]+)\s*件`: how many documents were issued or
/// repealed, after the verb.
const ISSUED_OR_REPEALED: Piece = Either(&[&[
    Opt(&["了"]),
    Opt(&["行政"]),
    Lits(&["规范性文件"]),
    Opt(&["共", "共计", "合计"]),
    COUNT,
    Lits(&["件"]),
]]);

/// (pattern, row, column in the 2021 format, column in the 2019 format, what).
pub(crate) type Quote = (Gated, RowId, ColumnId, Option<ColumnId>, &'static str);

pub(crate) static QUOTES: [Quote; 7] = [
    (
        Gated::new(
            r"现行有效(?:的)?(?:行政)?规范性文件(?:共|共计|合计|为)?\s*([0-9]+)\s*件",
            Gate::Literals(&["规范性文件"]),
            Pattern {
                pieces: &[
                    Lits(&["现行有效"]),
                    Opt(&["的"]),
                    Opt(&["行政"]),
                    Lits(&["规范性文件"]),
                    Opt(&["共", "共计", "合计", "为"]),
                    COUNT,
                    Lits(&["件"]),
                ],
                names: &[None, None],
            },
        ),
        RowId::NormativeDocuments,
        ColumnId::InForce,
        Some(ColumnId::TotalPublic),
        "现行有效的行政规范性文件",
    ),
    (
        Gated::new(
            r"(?:制发|印发|出台|制定)(?:了)?(?:行政)?规范性文件(?:共|共计|合计)?\s*([0-9]+)\s*件",
            Gate::Literals(&["规范性文件"]),
            Pattern {
                pieces: &[Lits(&["制发", "印发", "出台", "制定"]), ISSUED_OR_REPEALED],
                names: &[None, None],
            },
        ),
        RowId::NormativeDocuments,
        ColumnId::Issued,
        Some(ColumnId::Produced),
        "本年制发的行政规范性文件",
    ),
    (
        Gated::new(
            r"废止(?:了)?(?:行政)?规范性文件(?:共|共计|合计)?\s*([0-9]+)\s*件",
            Gate::Literals(&["规范性文件"]),
            Pattern {
                pieces: &[Lits(&["废止"]), ISSUED_OR_REPEALED],
                names: &[None, None],
            },
        ),
        RowId::NormativeDocuments,
        ColumnId::Repealed,
        None,
        "本年废止的行政规范性文件",
    ),
    (
        Gated::new(
            r"行政许可(?:决定|案件)?(?:共|共计|合计)?\s*([0-9]+)\s*(?:件|起)",
            Gate::Literals(&["行政许可"]),
            Pattern {
                pieces: &[
                    Lits(&["行政许可"]),
                    Opt(&["决定", "案件"]),
                    Opt(&["共", "共计", "合计"]),
                    COUNT,
                    Lits(&["件", "起"]),
                ],
                names: &[None, None],
            },
        ),
        RowId::Licensing,
        ColumnId::Decisions,
        Some(ColumnId::Decisions),
        "行政许可处理决定",
    ),
    (
        Gated::new(
            r"行政处罚(?:决定|案件)?(?:共|共计|合计)?\s*([0-9]+)\s*(?:件|起|宗)",
            Gate::Literals(&["行政处罚"]),
            Pattern {
                pieces: &[
                    Lits(&["行政处罚"]),
                    Opt(&["决定", "案件"]),
                    Opt(&["共", "共计", "合计"]),
                    COUNT,
                    Lits(&["件", "起", "宗"]),
                ],
                names: &[None, None],
            },
        ),
        RowId::Penalty,
        ColumnId::Decisions,
        Some(ColumnId::Decisions),
        "行政处罚处理决定",
    ),
    (
        Gated::new(
            r"行政强制(?:决定|措施|案件)?(?:共|共计|合计)?\s*([0-9]+)\s*(?:件|起|宗)",
            Gate::Literals(&["行政强制"]),
            Pattern {
                pieces: &[
                    Lits(&["行政强制"]),
                    Opt(&["决定", "措施", "案件"]),
                    Opt(&["共", "共计", "合计"]),
                    COUNT,
                    Lits(&["件", "起", "宗"]),
                ],
                names: &[None, None],
            },
        ),
        RowId::Enforcement,
        ColumnId::Decisions,
        Some(ColumnId::Decisions),
        "行政强制处理决定",
    ),
    (
        Gated::new(
            r"行政事业性收费(?:金额)?(?:共|共计|合计|为)?\s*([0-9]+(?:\.[0-9]+)?)\s*(万元|元)",
            Gate::Literals(&["行政事业性收费"]),
            Pattern {
                pieces: &[
                    Lits(&["行政事业性收费"]),
                    Opt(&["金额"]),
                    Opt(&["共", "共计", "合计", "为"]),
                    SPACES,
                    Open(1),
                    DIGITS,
                    FRACTION,
                    Close(1),
                    SPACES,
                    Open(2),
                    Lits(&["万元", "元"]),
                    Close(2),
                ],
                names: &[None, None, None],
            },
        ),
        RowId::Fees,
        ColumnId::FeeAmount,
        None,
        "行政事业性收费金额",
    ),
];

/// The cell's value in 万元 or 件, as a decimal.
fn cell_number(value: &CellValue) -> Option<Decimal> {
    match value {
        CellValue::Count { value, .. } => Some(Decimal::from(*value)),
        CellValue::Amount { value, .. } => Some(*value),
        _ => None,
    }
}

/// Whether the text's amount is the table's, possibly rounded to the decimals the text wrote
/// (「9.63万元」 for 9.63211); a whole number in the text must be exact.
fn agree(text: Decimal, table: Decimal) -> bool {
    text == table || (text.scale() >= 1 && table.round_dp(text.scale()) == text)
}

/// The registry entry (see `registry.rs`).
pub(crate) static INFO: RuleInfo = RuleInfo {
    code: "T2-3",
    severity: Severity::Warning,
    title: "正文中的件数、收费金额与表二一致",
    explain: "检查什么：正文中「现行有效的规范性文件 N 件」「制发规范性文件 N 件」「废止…N 件」「行政许可 N 件」「行政处罚 N 件」「行政强制 N 件」「行政事业性收费 N 万元/元」是否等于表二对应单元格。\n为什么：正文和表二分别填写，容易不一致；正文与表格矛盾在评估中扣分。\n例：正文「现行有效规范性文件 16 件」，表二现行有效件数为 17。以「元」写的金额换算为万元比较；「300余件」这类约数不比较；第五部分不检查。\n空单元格：表二对应单元格为空或缺失时，报告「无法评估」（提示）。",
    empty_cells: EmptyCells::NotAssessable,
    command: Command::Check,
};

impl Rule for TextActive {
    fn info(&self) -> &RuleInfo {
        &INFO
    }
    fn check(&self, report: &Report, out: &mut Vec<Diagnostic>) {
        let table = report.table(TableKey::ActiveDisclosure);
        if !table.found {
            return;
        }
        for (key, p) in paragraphs(report) {
            if key == Some(SectionKey::Problems) || !COUNTED.any_in(&p.text) {
                continue;
            }
            for &(ref re, row, c2021, c2019, what) in &QUOTES {
                let column = match table.version {
                    FormatVersion::V2021 => Some(c2021),
                    FormatVersion::V2019 => c2019,
                };
                let Some(column) = column else { continue };
                for caps in re.captures_iter(&p.text) {
                    let (Some(whole), Some(number)) = (caps.get(0), caps.get(1)) else {
                        continue;
                    };
                    let Ok(mut said) = number.as_str().parse::<Decimal>() else {
                        continue;
                    };
                    if caps.get(2).is_some_and(|u| u.as_str() == "元") {
                        said /= Decimal::from(10_000);
                    }
                    let span = p.locate(whole.range());
                    let cell = table.cell(row, column);
                    let unit = if row == RowId::Fees { "万元" } else { "件" };
                    match cell.and_then(|c| cell_number(&c.value)) {
                        Some(n) if agree(said, n) => {}
                        Some(n) => {
                            let mut d = Diagnostic::new(
                                INFO.code,
                                Severity::Warning,
                                format!(
                                    "正文「{}」说{what}为 {} {unit}，表二为 {} {unit}",
                                    whole.as_str(),
                                    said.normalize(),
                                    n.normalize()
                                ),
                                Some(span),
                            )
                            .in_table(TableKey::ActiveDisclosure)
                            .mark(span, format!("正文：{} {unit}", said.normalize()))
                            .help("核对正文与表二，使两者一致");
                            if let Some(at) = cell.and_then(|c| c.span) {
                                d = d.mark(at, format!("表二：{} {unit}", n.normalize()));
                            }
                            out.push(d);
                        }
                        None => {
                            let mut d = Diagnostic::new(
                                INFO.code,
                                Severity::Info,
                                format!("正文「{}」提到{what}，但表二对应单元格为空或缺失，无法核对（不视为通过）", whole.as_str()),
                                Some(span),
                            )
                            .in_table(TableKey::ActiveDisclosure);
                            d.not_assessable = true;
                            out.push(d);
                        }
                    }
                }
            }
        }
    }
}
