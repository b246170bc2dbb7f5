//! The rules, one per file, in the order they run and are listed.

mod e_accountability;
pub(crate) mod e_cases;
mod e_deadline;
pub(crate) mod e_fee;
mod e_problems;
pub(crate) mod e_settled;
mod h_numbering;
pub(crate) mod h_placeholder;
mod h_punct;
mod h_repeat;
mod reading;
mod s1_sections;
pub(crate) mod s2_year_mentions;
mod s3_processing_fee;
mod s4_outdated_tables;
mod s5_measures;
mod t2_2_values;
pub(crate) mod t2_3_text_counts;
mod t3_1_balance;
mod t3_2_row_totals;
mod t3_3_results_total;
mod t3_4_subtotals;
mod t3_5_cells;
mod t3_7_text_counts;
mod t4_4_text_counts;
mod t4_totals;

use super::Rule;
use crate::schema::sums::Equation;
use crate::{Report, RowId, TableKey};

/// The subject of a broken column equation of 表三 (T3-1, T3-3): the column as the report labels
/// it in `row` (else its id), then the relation, e.g. 「表三「自然人」列：一 + 二 = （七）+ 四 」.
fn t3_column_subject(report: &Report, eq: &Equation, row: RowId, relation: &str) -> Option<String> {
    let column = eq.subject.column()?;
    let label = report
        .table(TableKey::Applications)
        .cell(row, column)
        .map_or(column.as_str(), |c| c.label);
    Some(format!("表三「{label}」列：{relation} "))
}

/// Every rule, in the order they run.
pub static RULES: &[&dyn Rule] = &[
    &s1_sections::S1,
    &s2_year_mentions::S2,
    &s3_processing_fee::S3,
    &s4_outdated_tables::S4,
    &s5_measures::S5,
    &t2_2_values::T2_2,
    &t2_3_text_counts::T2_3,
    &t3_1_balance::T3_1,
    &t3_2_row_totals::T3_2,
    &t3_3_results_total::T3_3,
    &t3_4_subtotals::T3_4,
    &t3_5_cells::T3_5,
    &t3_7_text_counts::T3_7,
    &t4_totals::T4_1,
    &t4_totals::T4_2,
    &t4_totals::T4_3,
    &t4_4_text_counts::T4_4,
    &e_deadline::E_DEADLINE,
    &e_settled::E_SETTLED,
    &e_cases::E_CASES,
    &e_problems::E_PROBLEMS,
    &e_fee::E_FEE,
    &e_accountability::E_ACCOUNTABILITY,
    &h_placeholder::H_PLACEHOLDER,
    &h_repeat::H_REPEAT,
    &h_punct::H_PUNCT,
    &h_numbering::H_NUMBERING,
    &reading::TABLE_MISSING,
    &reading::ROW_MISSING,
    &reading::ROW_AMBIGUOUS,
    &reading::CELL_MISSING,
    &reading::LABEL,
    &reading::UNPLACED,
    &reading::VALUE_UNREADABLE,
    &reading::CELLS_SPLIT,
    &reading::TITLE,
    &reading::TRUNCATED,
    &reading::SECOND_REPORT,
];
