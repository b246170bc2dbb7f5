//! Sums of table cells that must balance, and finding the one cell that breaks several.

use super::{Diagnostic, Severity};
use crate::schema::sums::{self, Equation, SumKind};
use crate::schema::{t4_group, ColumnId, RowId};
use crate::{Cell, CellValue, Report, Row, Span, Table, TableKey};
use serde::Serialize;

/// A cell in an equation with the value read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Term {
    pub row: RowId,
    pub column: ColumnId,
    /// 「一、本年新收政府信息公开申请数量 · 自然人」.
    pub label: String,
    pub value: i64,
    pub span: Option<Span>,
}

/// Both sides of a broken equation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EquationReport {
    pub left: Vec<Term>,
    pub right: Vec<Term>,
    /// Sums are wide enough that no row of `i64` values can wrap them.
    pub left_sum: i128,
    pub right_sum: i128,
    /// `left_sum - right_sum`.
    pub difference: i128,
}

impl EquationReport {
    /// Both sums and their difference, as people read them under the excerpt.
    pub fn sums_text(&self) -> String {
        format!(
            "左边 {} 项之和 = {}，右边 {} 项之和 = {}，相差 {}",
            self.left.len(),
            self.left_sum,
            self.right.len(),
            self.right_sum,
            self.difference
        )
    }
}

/// The cell most likely wrong: the one every broken equation of a group shares, and the value
/// that would make all of them hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Culprit {
    pub row: RowId,
    pub column: ColumnId,
    pub label: String,
    pub span: Option<Span>,
    pub value: i64,
    pub mended_value: i64,
    /// Codes of the equations it breaks.
    pub breaks: Vec<&'static str>,
}

/// A cell an equation needs, by row and column id.
pub(crate) use crate::schema::sums::CellRef;

/// The outcome of evaluating an equation.
pub(crate) enum Outcome {
    Holds,
    Broken(EquationReport),
    /// Cells that are empty, text or missing (named by `cell_label` when shown).
    NotAssessable(Vec<CellRef>),
}

fn cell_label(report: &Report, table: TableKey, (row, column): CellRef) -> String {
    let t = report.table(table);
    // 表四 has one row: name the column group instead (「行政复议 · 结果维持」).
    let row_label = match (table, t4_group(column)) {
        (TableKey::ReviewsAndLitigation, Some(name)) => name,
        _ => t.row(row).map_or(row.as_str(), |r| r.label),
    };
    let column_label = t.cell(row, column).map_or(column.as_str(), |c| c.label);
    format!("{row_label} · {column_label}")
}

/// A table's rows by id, made once for the equations of a rule: each looks up a dozen cells, and
/// [`Table::cell`] searches the rows from the first.
struct RowIndex<'a> {
    rows: &'a [Row],
    /// Where the first row of each id is in `rows` (`u16::MAX`: not there).
    at: [u16; RowId::ALL.len()],
}

impl<'a> RowIndex<'a> {
    fn new(table: &'a Table) -> Self {
        let mut at = [u16::MAX; RowId::ALL.len()];
        for (i, row) in table.rows.iter().enumerate().rev() {
            at[row.id as usize] = u16::try_from(i).unwrap_or(u16::MAX);
        }
        RowIndex {
            rows: &table.rows,
            at,
        }
    }

    /// [`Table::cell`] (a table of more rows than `u16` counts is searched as `Table::cell` does).
    fn cell(&self, row: RowId, column: ColumnId) -> Option<&'a Cell> {
        let rows = self.rows;
        let found = match self.at[row as usize] {
            u16::MAX => rows.iter().find(|r| r.id == row),
            i => rows.get(usize::from(i)),
        };
        found?.cells.iter().find(|c| c.column == column)
    }
}

/// A cell's value and place, by row and column.
type Value = (CellRef, i64, Option<Span>);

/// The values of `cells`; those that are not numbers go to `unusable`.
fn values(
    report: &Report,
    table: TableKey,
    cells: &[CellRef],
    unusable: &mut Vec<CellRef>,
) -> Vec<Value> {
    let t = report.table(table);
    let mut out = Vec::with_capacity(cells.len());
    for &(row, column) in cells {
        let cell = t.cell(row, column);
        match cell.map(|c| &c.value) {
            Some(CellValue::Count { value, .. }) => {
                out.push(((row, column), *value, cell.and_then(|c| c.span)))
            }
            _ => unusable.push((row, column)),
        }
    }
    out
}

/// Terms with their labels, built only for equations that are reported.
fn terms(report: &Report, table: TableKey, values: Vec<Value>) -> Vec<Term> {
    values
        .into_iter()
        .map(|((row, column), value, span)| Term {
            row,
            column,
            label: cell_label(report, table, (row, column)),
            value,
            span,
        })
        .collect()
}

/// Evaluates `Σ left = Σ right` over the cells of one table.
pub(crate) fn evaluate(
    report: &Report,
    table: TableKey,
    left: &[CellRef],
    right: &[CellRef],
) -> Outcome {
    let t = report.table(table);
    evaluate_by(
        report,
        table,
        |row, column| t.cell(row, column),
        left,
        right,
    )
}

/// [`evaluate`], the cells looked up by `cell` (an index made once for many equations).
fn evaluate_by<'a>(
    report: &Report,
    table: TableKey,
    cell: impl Fn(RowId, ColumnId) -> Option<&'a Cell>,
    left: &[CellRef],
    right: &[CellRef],
) -> Outcome {
    // Most equations hold: that is decided first, without allocating anything.
    let sum = |cells: &[CellRef]| {
        cells.iter().try_fold(0i128, |acc, &(row, column)| {
            match cell(row, column).map(|c| &c.value) {
                Some(CellValue::Count { value, .. }) => Some(acc + i128::from(*value)),
                _ => None,
            }
        })
    };
    if let (Some(l), Some(r)) = (sum(left), sum(right)) {
        if l == r {
            return Outcome::Holds;
        }
    }
    let mut unusable = Vec::new();
    let left = values(report, table, left, &mut unusable);
    let right = values(report, table, right, &mut unusable);
    if !unusable.is_empty() {
        return Outcome::NotAssessable(unusable);
    }
    let left_sum: i128 = left.iter().map(|v| i128::from(v.1)).sum();
    let right_sum: i128 = right.iter().map(|v| i128::from(v.1)).sum();
    if left_sum == right_sum {
        return Outcome::Holds;
    }
    Outcome::Broken(EquationReport {
        left: terms(report, table, left),
        right: terms(report, table, right),
        left_sum,
        right_sum,
        difference: left_sum - right_sum,
    })
}

/// `a + b + c = 12`.
pub(crate) fn side_text(terms: &[Term]) -> String {
    let values: Vec<String> = terms.iter().map(|t| t.value.to_string()).collect();
    if values.len() > 8 {
        let sum: i128 = terms.iter().map(|t| i128::from(t.value)).sum();
        format!("{} 项之和 {sum}", values.len())
    } else {
        format!(
            "{} = {}",
            values.join(" + "),
            terms.iter().map(|t| i128::from(t.value)).sum::<i128>()
        )
    }
}

/// A diagnostic for a broken equation, every cell marked with its value.
pub(crate) fn broken(
    code: &'static str,
    table: TableKey,
    what: String,
    eq: EquationReport,
) -> Diagnostic {
    let message = format!(
        "{what}不成立：左边 {}，右边 {}，相差 {}",
        side_text(&eq.left),
        side_text(&eq.right),
        eq.difference
    );
    let span = eq.left.iter().chain(&eq.right).find_map(|t| t.span);
    let mut d = Diagnostic::new(code, Severity::Error, message, span).in_table(table);
    for t in eq.left.iter().chain(&eq.right) {
        if let Some(s) = t.span {
            d = d.mark(s, format!("{} = {}", t.label, t.value));
        }
    }
    d.help = Some(
        "核对标出的单元格：改正填错的数值，使两边相等（合计数应由各项相加得出，不要手填）".into(),
    );
    d.equation = Some(Box::new(eq));
    d
}

/// One info diagnostic listing what a rule could not evaluate.
pub(crate) fn not_assessable(
    code: &'static str,
    table: TableKey,
    what: &str,
    shown: &[String],
    total: usize,
    span: Option<Span>,
) -> Diagnostic {
    let more = if total > shown.len() {
        format!(" 等 {total} 处")
    } else {
        String::new()
    };
    let mut d = Diagnostic::new(
        code,
        Severity::Info,
        format!(
            "{what}无法评估（不视为通过）：{}{more}为空、非数字或缺失",
            shown.join("；")
        ),
        span,
    )
    .in_table(table)
    .help("先补齐这些单元格（没有发生的填 0），再核对这一关系");
    d.not_assessable = true;
    d
}

/// Names the culprit cell where two or more broken equations share one cell and agree on the
/// value that would mend all of them.
pub(crate) fn name_culprits(diagnostics: &mut [Diagnostic]) {
    // (row, column) → [(diagnostic index, value that mends this equation)]
    let mut candidates: Vec<(CellRef, Vec<(usize, i64)>)> = Vec::new();
    for (i, d) in diagnostics.iter().enumerate() {
        let Some(eq) = &d.equation else { continue };
        for (t, sign) in eq
            .left
            .iter()
            .map(|t| (t, 1))
            .chain(eq.right.iter().map(|t| (t, -1)))
        {
            // A value that would not fit a count is no mend.
            let Ok(mended) = i64::try_from(i128::from(t.value) - sign * eq.difference) else {
                continue;
            };
            let key = (t.row, t.column);
            match candidates.iter_mut().find(|(k, _)| *k == key) {
                Some((_, v)) => v.push((i, mended)),
                None => candidates.push((key, vec![(i, mended)])),
            }
        }
    }
    for ((row, column), uses) in candidates {
        if uses.len() < 2 || uses.iter().any(|&(_, m)| m != uses[0].1 || m < 0) {
            continue;
        }
        let (first, mended) = uses[0];
        let Some(term) = diagnostics[first]
            .equation
            .as_ref()
            .and_then(|eq| {
                eq.left
                    .iter()
                    .chain(&eq.right)
                    .find(|t| t.row == row && t.column == column)
            })
            .cloned()
        else {
            continue;
        };
        let breaks: Vec<&'static str> = uses.iter().map(|&(i, _)| diagnostics[i].code).collect();
        for &(i, _) in &uses {
            let d = &mut diagnostics[i];
            if d.culprit.is_some() {
                continue;
            }
            d.help = Some(
                format!(
                    "最可能填错的是「{}」：读到 {}，改为 {mended} 可使 {} 同时成立",
                    term.label,
                    term.value,
                    breaks.join("、")
                )
                .into(),
            );
            d.culprit = Some(Box::new(Culprit {
                row,
                column,
                label: term.label.clone(),
                span: term.span,
                value: term.value,
                mended_value: mended,
                breaks: breaks.clone(),
            }));
        }
    }
}

/// Checks the §6 equations of one kind ([`crate::schema::sums`]) on a found table: each broken
/// one is reported as `what(equation)` (`None` skips an equation, e.g. a row not written), and
/// the cells that could not be used are gathered into one not-assessable note on `relation`.
pub(crate) fn check_sums(
    report: &Report,
    (table, kind): (TableKey, SumKind),
    code: &'static str,
    relation: &str,
    what: impl Fn(&Equation) -> Option<String>,
    out: &mut Vec<Diagnostic>,
) {
    let t = report.table(table);
    if !t.found {
        return;
    }
    let mut unusable = Vec::new();
    let rows = RowIndex::new(t);
    for eq in sums::of_kind(table, t.version, kind) {
        // The subject (a message text, or `None` to skip the equation) is only needed for an
        // equation that does not hold: most of them hold.
        match evaluate_by(report, table, |r, c| rows.cell(r, c), &eq.left, &eq.right) {
            Outcome::Holds => {}
            Outcome::Broken(broken_eq) => {
                if let Some(what) = what(eq) {
                    out.push(broken(code, table, what, broken_eq));
                }
            }
            Outcome::NotAssessable(cells) => {
                if what(eq).is_some() {
                    unusable.extend(cells);
                }
            }
        }
    }
    if !unusable.is_empty() {
        // Six cells are named, the rest counted: only those six labels are built.
        let shown: Vec<String> = unusable
            .iter()
            .take(6)
            .map(|&cell| cell_label(report, table, cell))
            .collect();
        out.push(not_assessable(
            code,
            table,
            relation,
            &shown,
            unusable.len(),
            t.span,
        ));
    }
}

/// A rule that is one of FORMAT.md §6's sums checked over a table: the equations of `sum`, each
/// broken one an error, each with empty cells not assessable. Each rule file declares its
/// [`RuleInfo`](crate::registry::RuleInfo) and one static of this type.
#[derive(Debug)]
pub(crate) struct SumRule {
    pub info: &'static crate::registry::RuleInfo,
    pub sum: (TableKey, SumKind),
    /// The relation as the not-assessable message names it (「表三「总计 = 各类申请人之和」」).
    pub relation: &'static str,
    /// The broken equation's subject for its message (「表三「自然人」列：…」); `None` skips it.
    pub subject: fn(&Report, &Equation) -> Option<String>,
}

impl super::Rule for SumRule {
    fn info(&self) -> &crate::registry::RuleInfo {
        self.info
    }
    fn check(&self, report: &Report, out: &mut Vec<Diagnostic>) {
        check_sums(
            report,
            self.sum,
            self.info.code,
            self.relation,
            |eq| (self.subject)(report, eq),
            out,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::RowIndex;
    use crate::schema::{table_schema, ColumnId, FormatVersion, RowId};
    use crate::{Row, Table, TableKey, VersionBasis};

    /// The index finds the cell `Table::cell` finds, for every row and column id: in every
    /// table, with a row left out and a row written twice (the first one counts).
    #[test]
    fn the_row_index_finds_what_table_cell_finds() {
        for key in TableKey::ALL {
            for version in FormatVersion::ALL {
                let schema = table_schema(key, version);
                let mut rows: Vec<Row> = schema
                    .rows
                    .iter()
                    .skip(1)
                    .map(|def| Row::missing(def, schema, None))
                    .collect();
                if let Some(def) = schema.rows.last() {
                    let mut again = Row::missing(def, schema, None);
                    again.label = "again";
                    rows.push(again);
                }
                let table = Table {
                    key,
                    found: true,
                    version,
                    version_basis: VersionBasis::Labels,
                    span: None,
                    rows,
                    unread: Vec::new(),
                };
                let index = RowIndex::new(&table);
                for &row in RowId::ALL {
                    for &column in ColumnId::ALL {
                        let (a, b) = (index.cell(row, column), table.cell(row, column));
                        assert!(
                            a.map(|c| c as *const _) == b.map(|c| c as *const _),
                            "{key:?} {version:?} {row} {column}"
                        );
                    }
                }
            }
        }
    }
}
