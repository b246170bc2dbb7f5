//! Reading findings as diagnostics: what the reader could not read as the format expects.
//!
//! One table-driven rule type, [`FindingRule`], with one instance (and code) per kind of
//! finding, so each stays selectable on its own.

use crate::check::{Diagnostic, EmptyCells, Rule, Severity};
use crate::registry::{Command, RuleInfo};
use crate::schema::table_schema;
use crate::{Finding, FindingKind, Report, RowId, TableKey};

/// Reports the reader's findings of some kinds under one code.
#[derive(Debug)]
pub(crate) struct FindingRule {
    info: RuleInfo,
    kinds: &'static [FindingKind],
    help: &'static str,
    /// Findings about single cells of one row become one diagnostic listing them, each marked.
    per_row: bool,
}

impl Rule for FindingRule {
    fn info(&self) -> &RuleInfo {
        &self.info
    }
    fn check(&self, report: &Report, out: &mut Vec<Diagnostic>) {
        let findings: Vec<&Finding> = report
            .findings
            .iter()
            .filter(|f| self.kinds.contains(&f.kind))
            .collect();
        // Room for them all at once: a report can have hundreds of thousands, and a vector grown
        // step by step leaves its smaller copies behind in the allocator.
        out.reserve(findings.len());
        let mut grouped = vec![false; findings.len()];
        for (i, f) in findings.iter().enumerate() {
            if grouped[i] {
                continue;
            }
            if let (true, Some(key), Some(row), Some(_)) = (self.per_row, f.table, f.row, f.column)
            {
                let same: Vec<usize> = (i..findings.len())
                    .filter(|&j| {
                        let g = findings[j];
                        g.table == f.table && g.row == Some(row) && g.column.is_some()
                    })
                    .collect();
                if same.len() > 1 {
                    same.iter().for_each(|&j| grouped[j] = true);
                    let cells: Vec<&Finding> = same.iter().map(|&j| findings[j]).collect();
                    out.push(self.row_diagnostic(report, key, row, &cells));
                    continue;
                }
            }
            let mut d = Diagnostic::new(
                self.info.code,
                self.info.severity,
                f.message.clone(),
                f.span,
            );
            d.table = f.table;
            d.help = Some(match &f.expected {
                Some(official) if f.kind == FindingKind::LabelVariant => {
                    format!("改为官方文字「{official}」").into()
                }
                _ => self.help.into(),
            });
            out.push(d);
        }
    }
}

impl FindingRule {
    /// One diagnostic for several cells of one row: the cells listed and each marked.
    fn row_diagnostic(
        &self,
        report: &Report,
        key: TableKey,
        row: RowId,
        cells: &[&Finding],
    ) -> Diagnostic {
        let schema = table_schema(key, report.table(key).version);
        let row_label = schema.row(row).map_or(row.as_str(), |r| r.label);
        let labels: Vec<&str> = cells
            .iter()
            .filter_map(|f| f.column)
            .map(|c| schema.column(c).map_or(c.as_str(), |c| c.label))
            .collect();
        let mut d = Diagnostic::new(
            self.info.code,
            self.info.severity,
            format!(
                "{}「{row_label}」有 {} 栏没有填写：{}",
                key.name(),
                labels.len(),
                labels.join("、")
            ),
            cells.iter().find_map(|f| f.span),
        )
        .in_table(key)
        .help(self.help);
        for (f, label) in cells.iter().zip(&labels) {
            if let Some(span) = f.span {
                d = d.mark(span, *label);
            }
        }
        d
    }
}

/// A table was not found at all (published as an image, or left out).
pub(crate) static TABLE_MISSING: FindingRule = FindingRule {
    info: RuleInfo {
        code: "R-TABLE",
        severity: Severity::Error,
        title: "统计表缺失或没有标题",
        explain: "检查什么：表二、表三、表四是否都能在报告中找到。\n为什么：三张统计表是年度报告的法定内容，以图片发布或漏发的表格无法核对，评估中按缺表扣分。\n例：表四只剩一行 15 个数字而没有标题和表头，会被读作表四并给出本提示。\n空单元格：不涉及。",
        empty_cells: EmptyCells::NotApplicable,
        command: Command::Check,
    },
    kinds: &[FindingKind::TableMissing, FindingKind::TableWithoutHeading],
    help: "以文字表格形式补全该表（不要用图片），并保留官方标题和表头",
    per_row: false,
};

/// A data row of a table is missing.
pub(crate) static ROW_MISSING: FindingRule = FindingRule {
    info: RuleInfo {
        code: "R-ROW",
        severity: Severity::Error,
        title: "统计表缺少行",
        explain: "检查什么：表格中每一个官方数据行是否都在。\n为什么：缺少的行不等于 0；表格被截断或漏行时，勾稽关系无法核对。\n例：表三在「（四）1.本机关不掌握相关政府信息」之后中断，其后 12 行全部缺失。\n空单元格：不涉及（整行缺失）。",
        empty_cells: EmptyCells::NotApplicable,
        command: Command::Check,
    },
    kinds: &[FindingKind::RowMissing],
    help: "按官方格式补齐这一行；没有发生的事项填 0",
    per_row: false,
};

/// A row whose values do not fit its columns.
pub(crate) static ROW_AMBIGUOUS: FindingRule = FindingRule {
    info: RuleInfo {
        code: "R-AMBIGUOUS",
        severity: Severity::Error,
        title: "行的数值个数与列数不符",
        explain: "检查什么：每行读到的数值个数是否等于该行的列数。\n为什么：少一个数时无法判断缺的是哪一列，gaogen 不会猜测移位，这些数值不放入表格。\n例：表三「（七）总计」只有 6 个数值，而该行有 7 列。\n空单元格：不涉及。",
        empty_cells: EmptyCells::NotApplicable,
        command: Command::Check,
    },
    kinds: &[FindingKind::RowAmbiguous],
    help: "补齐缺失的那一格（没有发生的填 0），使每列都有一个数值",
    per_row: false,
};

/// A cell with nothing in it.
pub(crate) static CELL_MISSING: FindingRule = FindingRule {
    info: RuleInfo {
        code: "R-CELL",
        severity: Severity::Warning,
        title: "单元格没有填写",
        explain: "检查什么：已找到的行中是否有没有数值的单元格。\n为什么：未填写不等于 0，涉及该格的勾稽关系将无法评估。\n例：表三「（一）予以公开」一行只填了总计，「自然人」一格被标签占据。\n空单元格：本规则报告的就是它们；同一行的几格合为一条，逐格标出。",
        empty_cells: EmptyCells::NotApplicable,
        command: Command::Check,
    },
    kinds: &[FindingKind::CellMissing],
    help: "填入数值；没有发生的填 0",
    per_row: true,
};

/// A label written otherwise than the official text.
pub(crate) static LABEL: FindingRule = FindingRule {
    info: RuleInfo {
        code: "R-LABEL",
        severity: Severity::Warning,
        title: "标签不是官方文字（旧版、变体或错字）",
        explain: "检查什么：表格的行、列标签是否与官方格式一致。\n为什么：旧版标签（如 2021 版表格中的「规范性文件」「社会组织」）说明使用了过时模板；错字（「本年度止件数」）影响可读性和机器核对。\n例：「社会组织」应为「社会公益组织」。\n空单元格：不涉及。",
        empty_cells: EmptyCells::NotApplicable,
        command: Command::Check,
    },
    kinds: &[FindingKind::LabelVariant],
    help: "改为官方文字",
    per_row: false,
};

/// Something written where a number belongs that cannot be read as one.
pub(crate) static VALUE_UNREADABLE: FindingRule = FindingRule {
    info: RuleInfo {
        code: "R-VALUE",
        severity: Severity::Error,
        title: "单元格里写的不是可读的数字",
        explain: "检查什么：表格中应填数字的单元格是否写成了无法读作数字的内容，如字母 O 代替 0（「1O」）、超长数字、汉字数字（「九」）、「9e0」「NaN」。\n为什么：这样的单元格无法参与勾稽关系核对；gaogen 原样保留所写内容（作为文字），同一行其余可读的数值照常读取，不会丢失。\n例：表三「（七）总计」的「总计」一栏写作「1O」。\n空单元格：不涉及。",
        empty_cells: EmptyCells::NotApplicable,
        command: Command::Check,
    },
    kinds: &[FindingKind::ValueUnreadable],
    help: "改为阿拉伯数字（没有发生的填 0）",
    per_row: false,
};

/// A row's cells written run together, split by the table's sums.
pub(crate) static CELLS_SPLIT: FindingRule = FindingRule {
    info: RuleInfo {
        code: "R-SPLIT",
        severity: Severity::Warning,
        title: "一行的数字连在一起，已按总计拆分",
        explain: "检查什么：一行各栏的数字之间没有分隔（如网页抓取的文字「一、本年新收政府信息公开申请数量 453001049」）。\n为什么：连在一起的数字无法直接对应到各栏；只有当总计关系（表三：总计 = 六类申请人之和；表四：每组总计 = 其余四栏之和）使拆分方式唯一时，gaogen 才这样拆分，并以本提示说明，请对照原表核对；不唯一时整行不放入表格（R-AMBIGUOUS）。\n例：「453001049」唯一可行的拆分是 45、3、0、0、1、0、49。\n空单元格：不涉及。",
        empty_cells: EmptyCells::NotApplicable,
        command: Command::Check,
    },
    kinds: &[FindingKind::CellsSplit],
    help: "发布时在各栏之间保留分隔（表格或空格）",
    per_row: false,
};

/// Values with no row label to take them.
pub(crate) static UNPLACED: FindingRule = FindingRule {
    info: RuleInfo {
        code: "R-UNPLACED",
        severity: Severity::Warning,
        title: "有数值找不到对应的行",
        explain: "检查什么：表格区域中是否有无法对应到任何行标签的数值。\n为什么：这些数值可能属于丢失了标签的行，无法核对。\n例：表头丢失后的一串数字。\n空单元格：不涉及。",
        empty_cells: EmptyCells::NotApplicable,
        command: Command::Check,
    },
    kinds: &[FindingKind::UnplacedValues],
    help: "为这些数值补上官方行标签",
    per_row: false,
};

/// No title or no year.
pub(crate) static TITLE: FindingRule = FindingRule {
    info: RuleInfo {
        code: "R-TITLE",
        severity: Severity::Warning,
        title: "缺少标题或无法确定年度",
        explain: "检查什么：报告开头是否有「机关名称 + 年份 + 政府信息公开工作年度报告」的标题。\n为什么：没有年度就无法判断应使用哪一版格式，也无法与上一年比较。\n例：标题只写「政府信息公开工作年度报告」。\n空单元格：不涉及。",
        empty_cells: EmptyCells::NotApplicable,
        command: Command::Check,
    },
    kinds: &[FindingKind::TitleMissing, FindingKind::YearMissing],
    help: "在开头写明「××（机关）××××年政府信息公开工作年度报告」",
    per_row: false,
};

/// A second report in the same file.
pub(crate) static SECOND_REPORT: FindingRule = FindingRule {
    info: RuleInfo {
        code: "R-SECOND",
        severity: Severity::Warning,
        title: "一个文件中有两份报告",
        explain: "检查什么：第六部分之后是否又出现了一份报告（标题和「一、总体情况」）。\n为什么：两份报告连在一起时，后一份的文字和表格会被当作前一份第六部分的内容，数字无法核对；只检查前一份。\n例：把 2023 年和 2024 年的报告复制到同一个文件里。\n空单元格：不涉及。",
        empty_cells: EmptyCells::NotApplicable,
        command: Command::Check,
    },
    kinds: &[FindingKind::SecondReport],
    help: "把两份报告分成两个文件，分别发布、分别检查",
    per_row: false,
};

/// The file ends inside a character.
pub(crate) static TRUNCATED: FindingRule = FindingRule {
    info: RuleInfo {
        code: "R-TRUNCATED",
        severity: Severity::Error,
        title: "文件被截断",
        explain: "检查什么：文件是否在一个字符中间或一行表格中间结束（摘录、下载不完整）。\n为什么：这通常说明下载或复制不完整，报告后面的内容都丢失了；中断的那一行只读入中断前的各栏，其余各栏和其后各行都不视为 0。\n例：网页另存时中断；文件在表三「（二）部分公开」一行读到两栏后结束。\n空单元格：中断后的单元格记为缺失。",
        empty_cells: EmptyCells::NotApplicable,
        command: Command::Check,
    },
    kinds: &[FindingKind::InputTruncated],
    help: "重新获取完整的报告文件",
    per_row: false,
};
