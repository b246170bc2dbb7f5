use crate::check::gated::Piece::{self, Chars, Close, Either, End, Lits, Open, Start};
use crate::check::gated::{Gate, Gated, Pattern, MANY, SPACES};
use crate::check::prose::paragraphs;
use crate::check::{Diagnostic, EmptyCells, Rule, Severity};
use crate::registry::{Command, RuleInfo};
use crate::{Paragraph, Report};

/// H-PLACEHOLDER: template placeholders left in the published text.
///
/// Why: 「XX」, 「××」, 「共……件」 or 「待补充」 in a published report show it was not finished;
/// evaluators list them among text errors. Example: 「全年受理申请××件」. Runs of X next to other
/// Latin letters (「xxgk」 in a web address) and an ellipsis not standing for a number are not
/// placeholders.
/// Empty cells: not applicable.
#[derive(Debug)]
pub(crate) struct Placeholder;
pub(crate) static H_PLACEHOLDER: Placeholder = Placeholder;

/// The placeholders.
pub(crate) static PATTERN: Gated = Gated::new(
    concat!(
        r"(?:^|[^A-Za-zＡ-Ｚａ-ｚ])([XxＸｘ×]{2,})(?:$|[^A-Za-zＡ-Ｚａ-ｚ])",
        r"|((?:共|计|约|第|为|收到|受理|发布)\s*(?:…+|\.{3,}|。{3,}|＿+|_{2,}))",
        r"|((?:…+|\.{3,}|＿+|_{2,})\s*(?:件|条|个|次|人|元|万元|项|期|篇|日|月|年|家))",
        r"|(待补充|待填写|待填报|此处填写|请填写|请补充)"
    ),
    // 「待填写」「待填报」「此处填写」「请填写」 hold 填, 「待补充」「请补充」 hold 补充.
    Gate::Literals(&[
        "X",
        "x",
        "Ｘ",
        "ｘ",
        "×",
        "…",
        "...",
        "。。。",
        "＿",
        "__",
        "填",
        "补充",
    ]),
    Pattern {
        pieces: &[Either(&[
            &[
                Either(&[&[Start], &[one(not_latin)]]),
                Open(1),
                Chars {
                    test: |c| matches!(c, 'X' | 'x' | 'Ｘ' | 'ｘ' | '×'),
                    min: 2,
                    max: MANY,
                },
                Close(1),
                Either(&[&[End], &[one(not_latin)]]),
            ],
            &[
                Open(2),
                Lits(&["共", "计", "约", "第", "为", "收到", "受理", "发布"]),
                SPACES,
                Either(&[
                    &[run(|c| c == '…', 1)],
                    &[run(|c| c == '.', 3)],
                    &[run(|c| c == '。', 3)],
                    &[run(|c| c == '＿', 1)],
                    &[run(|c| c == '_', 2)],
                ]),
                Close(2),
            ],
            // `((?:…+|\.{3,}|＿+|_{2,})\s*(?:件|…))` as four alternatives, one a run, in its order:
            // a failed run is not tried again from inside it (see `pattern.rs`).
            &[Open(3), run(|c| c == '…', 1), SPACES, UNIT, Close(3)],
            &[Open(3), run(|c| c == '.', 3), SPACES, UNIT, Close(3)],
            &[Open(3), run(|c| c == '＿', 1), SPACES, UNIT, Close(3)],
            &[Open(3), run(|c| c == '_', 2), SPACES, UNIT, Close(3)],
            &[
                Open(4),
                Lits(&["待补充", "待填写", "待填报", "此处填写", "请填写", "请补充"]),
                Close(4),
            ],
        ])],
        names: &[None, None, None, None, None],
    },
);

/// The unit after a placeholder number.
const UNIT: Piece = Lits(&[
    "件", "条", "个", "次", "人", "元", "万元", "项", "期", "篇", "日", "月", "年", "家",
]);

/// `[^A-Za-zＡ-Ｚａ-ｚ]`.
fn not_latin(c: char) -> bool {
    !matches!(c, 'A'..='Z' | 'a'..='z' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ')
}

/// One character passing `test`.
const fn one(test: fn(char) -> bool) -> Piece {
    Chars {
        test,
        min: 1,
        max: 1,
    }
}

/// `min` or more characters passing `test`.
const fn run(test: fn(char) -> bool, min: usize) -> Piece {
    Chars {
        test,
        min,
        max: MANY,
    }
}

/// The registry entry (see `registry.rs`).
pub(crate) static INFO: RuleInfo = RuleInfo {
    code: "H-PLACEHOLDER",
    severity: Severity::Warning,
    title: "正文中没有遗留的占位符",
    explain: "检查什么：标题和正文中是否留有模板占位符：「XX」「××」、代替数字的「……」（如「共……件」）、「待补充」「待填写」「此处填写」。\n为什么：占位符说明报告没有填写完整就发布了，评估中列为文字差错。\n例：「全年受理政府信息公开申请××件」。网址中的「xxgk」、普通省略号不算。\n空单元格：不涉及。",
    empty_cells: EmptyCells::NotApplicable,
    command: Command::Check,
};

impl Rule for Placeholder {
    fn info(&self) -> &RuleInfo {
        &INFO
    }
    fn check(&self, report: &Report, out: &mut Vec<Diagnostic>) {
        let title = report
            .title
            .as_ref()
            .map(|t| Paragraph::new(t.value.clone(), t.span));
        let texts = || title.iter().chain(paragraphs(report).map(|(_, p)| p));
        // Most reports hold none of the gate's literals: then no paragraph is searched.
        let gate = PATTERN.narrowed(texts().map(|p| p.text.as_str()));
        for p in texts() {
            for caps in gate.captures_iter(&p.text) {
                let Some(m) = (1..=4).find_map(|i| caps.get(i)) else {
                    continue;
                };
                let span = p.locate(m.range());
                out.push(
                    Diagnostic::new(
                        INFO.code,
                        Severity::Warning,
                        format!("正文留有占位符「{}」", m.as_str()),
                        Some(span),
                    )
                    .mark(span, "占位符")
                    .help("填入实际内容或数字后再发布"),
                );
            }
        }
    }
}
