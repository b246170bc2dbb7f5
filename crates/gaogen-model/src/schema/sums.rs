//! The sums of FORMAT.md §6 as one list. Authoring computes every total from it (a total is
//! never read), and `check` verifies the same list on published reports (T3-1, T3-2, T3-3,
//! T4-1…T4-3), so the two can never disagree about which cells add up to which.

use super::{table_schema, ColumnId, FormatVersion, RowId, TableKey, T3_COLUMN_IDS, T4_GROUPS};
use std::sync::OnceLock;

/// A cell by row and column id.
pub type CellRef = (RowId, ColumnId);

/// What an equation is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    /// A column of 表三 (T3-1, T3-3).
    Column(ColumnId),
    /// A row of 表三 (T3-2).
    Row(RowId),
    /// A column group of 表四, by its index in `T4_GROUPS` (T4-1…T4-3).
    Group(usize),
}

impl Subject {
    /// The column, for an equation about one.
    pub fn column(self) -> Option<ColumnId> {
        match self {
            Subject::Column(c) => Some(c),
            _ => None,
        }
    }

    /// The row, for an equation about one.
    pub fn row(self) -> Option<RowId> {
        match self {
            Subject::Row(r) => Some(r),
            _ => None,
        }
    }
}

/// Which relation of §6 an equation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SumKind {
    /// T3-1, per column of 表三: 一 + 二 = （七）总计 + 四 (checked, not computed).
    Balance,
    /// T3-2, per row of 表三: 总计 = the six applicant columns.
    RowTotal,
    /// T3-3, per column of 表三: （七）总计 = every result row.
    ResultsTotal,
    /// T4-1…T4-3, per group of 表四 (0, 1, 2): 总计 = 维持 + 纠正 + 其他 + 尚未审结.
    CaseTotal(usize),
}

/// `Σ left = Σ right` over the cells of one table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Equation {
    pub kind: SumKind,
    pub table: TableKey,
    /// The row (T3-2), column (T3-1, T3-3) or column group (表四) the equation is about.
    pub subject: Subject,
    pub left: Vec<CellRef>,
    pub right: Vec<CellRef>,
}

impl Equation {
    /// The cell authoring computes from the left side (every kind but the balance).
    pub fn total(&self) -> Option<CellRef> {
        match (self.kind, self.right.as_slice()) {
            (SumKind::Balance, _) => None,
            (_, [total]) => Some(*total),
            _ => None,
        }
    }

    /// Σ left, from the counts `value` gives; `None` as soon as one cell is not a count (a blank
    /// is never 0).
    pub fn sum_left(&self, value: impl Fn(CellRef) -> Option<i64>) -> Option<i64> {
        self.left
            .iter()
            .try_fold(0i64, |sum, &cell| sum.checked_add(value(cell)?))
    }
}

fn build(table: TableKey, version: FormatVersion) -> Vec<Equation> {
    let mut out = Vec::new();
    match table {
        TableKey::ActiveDisclosure => {}
        TableKey::Applications => {
            let schema = table_schema(table, version);
            let (parts, total) = T3_COLUMN_IDS.split_at(T3_COLUMN_IDS.len() - 1);
            for &column in T3_COLUMN_IDS {
                out.push(Equation {
                    kind: SumKind::Balance,
                    table,
                    subject: Subject::Column(column),
                    left: vec![(RowId::NewRequests, column), (RowId::CarriedOver, column)],
                    right: vec![
                        (RowId::ResultsTotal, column),
                        (RowId::CarriedForward, column),
                    ],
                });
            }
            for row in schema.rows {
                out.push(Equation {
                    kind: SumKind::RowTotal,
                    table,
                    subject: Subject::Row(row.id),
                    left: parts.iter().map(|&c| (row.id, c)).collect(),
                    right: vec![(row.id, total[0])],
                });
            }
            for &column in T3_COLUMN_IDS {
                out.push(Equation {
                    kind: SumKind::ResultsTotal,
                    table,
                    subject: Subject::Column(column),
                    left: schema.result_rows().map(|r| (r.id, column)).collect(),
                    right: vec![(RowId::ResultsTotal, column)],
                });
            }
        }
        TableKey::ReviewsAndLitigation => {
            for (i, group) in T4_GROUPS.iter().enumerate() {
                out.push(Equation {
                    kind: SumKind::CaseTotal(i),
                    table,
                    subject: Subject::Group(i),
                    left: group.parts().iter().map(|&c| (RowId::Cases, c)).collect(),
                    right: vec![(RowId::Cases, group.total())],
                });
            }
        }
    }
    out
}

/// Every §6 equation of one table edition, in the order they are checked (built once).
pub fn equations(table: TableKey, version: FormatVersion) -> &'static [Equation] {
    static ALL: OnceLock<Vec<Vec<Equation>>> = OnceLock::new();
    let all = ALL.get_or_init(|| {
        TableKey::ALL
            .iter()
            .flat_map(|&t| FormatVersion::ALL.iter().map(move |&v| build(t, v)))
            .collect()
    });
    let t = TableKey::ALL.iter().position(|&k| k == table).unwrap_or(0);
    let v = FormatVersion::ALL
        .iter()
        .position(|&k| k == version)
        .unwrap_or(0);
    &all[t * FormatVersion::ALL.len() + v]
}

/// The equations of one kind.
pub fn of_kind(
    table: TableKey,
    version: FormatVersion,
    kind: SumKind,
) -> impl Iterator<Item = &'static Equation> {
    equations(table, version)
        .iter()
        .filter(move |e| e.kind == kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_total_of_the_format_is_listed() {
        for v in FormatVersion::ALL {
            let t3 = equations(TableKey::Applications, v);
            assert_eq!(
                of_kind(TableKey::Applications, v, SumKind::Balance).count(),
                7
            );
            assert_eq!(
                of_kind(TableKey::Applications, v, SumKind::ResultsTotal).count(),
                7
            );
            let rows = table_schema(TableKey::Applications, v).rows.len();
            assert_eq!(t3.len(), 14 + rows);
            assert!(t3
                .iter()
                .all(|e| e.kind == SumKind::Balance || e.total().is_some()));
        }
        let t4 = equations(TableKey::ReviewsAndLitigation, FormatVersion::V2021);
        assert_eq!(t4.len(), 3);
        assert_eq!(
            t4[2].right,
            vec![(RowId::Cases, ColumnId::LitigationAfterReviewTotal)]
        );
        assert_eq!(t4[0].left.len(), 4);
    }

    #[test]
    fn a_blank_part_leaves_the_total_unknown() {
        let eq = &equations(TableKey::ReviewsAndLitigation, FormatVersion::V2021)[0];
        assert_eq!(eq.sum_left(|_| Some(2)), Some(8));
        assert_eq!(
            eq.sum_left(|(_, c)| (c != ColumnId::ReviewOther).then_some(2)),
            None
        );
    }
}
