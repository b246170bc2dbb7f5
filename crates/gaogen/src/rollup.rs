//! Roll-up (`gaogen rollup`): the subordinate reports' tables summed cell by cell into a
//! report.toml for the region's compiled report, naming every child whose table or cell is
//! missing or unreadable — such a cell is left blank, never summed as 0; and `--check`: a
//! published compiled report compared with the sum, cell by cell.

use crate::Error;
use compact_str::ToCompactString;
use gaogen_model::author::{write_toml, Editions, Fill};
use gaogen_model::{CellValue, ColumnId, Report, RowId, TableKey};
use rust_decimal::Decimal;
use serde::Serialize;

/// The sum of the children.
#[derive(Debug)]
pub struct RollUp {
    /// The summed report (text sections empty: the compiled report's narrative is written by hand).
    pub report: Report,
    /// Every child whose table or cells could not be summed, in Chinese, naming the child.
    pub missing: Vec<String>,
}

/// A cell of the compiled report that differs from the sum, or could not be compared.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CellCheck {
    pub table: &'static str,
    pub row: RowId,
    pub column: ColumnId,
    /// 「表三 · 一、本年新收… · 自然人」.
    pub label: String,
    pub parent: Option<String>,
    pub sum: Option<String>,
    /// `differs` or `not_assessable`.
    pub status: &'static str,
}

fn number(v: &CellValue) -> Option<Decimal> {
    match v {
        CellValue::Count { value, .. } => Some(Decimal::from(*value)),
        CellValue::Amount { value, .. } => Some(*value),
        _ => None,
    }
}

/// Sums `children` (name, report). All must be of one year; a table is summed only over
/// children whose table has the same edition.
pub fn roll_up(children: &[(String, Report)]) -> Result<RollUp, Error> {
    let Some((_, first)) = children.first() else {
        return Err(Error::Read("错误：rollup 至少需要一份下级报告".into()));
    };
    let years: std::collections::BTreeSet<Option<u16>> =
        children.iter().map(|(_, r)| r.year).collect();
    if years.len() > 1 || years.contains(&None) {
        let list: Vec<String> = children
            .iter()
            .map(|(n, r)| {
                format!(
                    "{n}：{}",
                    r.year.map_or("年度不明".into(), |y| format!("{y} 年"))
                )
            })
            .collect();
        return Err(Error::Read(format!(
            "错误：下级报告的年度不一致，不能汇总（{}）",
            list.join("；")
        )));
    }
    let mut report = first.clone();
    for s in &mut report.sections {
        s.paragraphs.clear();
    }
    report.preamble.clear();
    report.closing.clear();
    report.findings.clear();
    let mut missing = Vec::new();
    for key in TableKey::ALL {
        // The edition: the first child that has the table.
        let Some((_, base)) = children.iter().find(|(_, r)| r.table(key).found) else {
            missing.push(format!(
                "所有下级报告都没有{}，{}未汇总",
                key.name(),
                key.name()
            ));
            continue;
        };
        let version = base.table(key).version;
        let mut summed = base.table(key).clone();
        let included: Vec<&(String, Report)> = children
            .iter()
            .filter(|(name, r)| {
                let t = r.table(key);
                if !t.found {
                    missing.push(format!(
                        "{name}：没有{}（未读到），{}各格留空，未按 0 计",
                        key.name(),
                        key.name()
                    ));
                    false
                } else if t.version != version {
                    missing.push(format!(
                        "{name}：{}是另一版本的格式，{}各格留空",
                        key.name(),
                        key.name()
                    ));
                    false
                } else {
                    true
                }
            })
            .collect();
        let complete = included.len() == children.len();
        for row in &mut summed.rows {
            for cell in &mut row.cells {
                let mut total = Some(Decimal::ZERO);
                let mut amount = false;
                for (name, r) in &included {
                    let value = r.table(key).cell(row.id, cell.column).map(|c| &c.value);
                    amount |= matches!(value, Some(CellValue::Amount { .. }));
                    match value.and_then(number) {
                        Some(v) => total = total.map(|t| t + v),
                        None => {
                            missing.push(format!(
                                "{name}：{}「{}」的「{}」为空或缺失，该格留空",
                                key.name(),
                                row.label,
                                cell.label
                            ));
                            total = None;
                        }
                    }
                }
                cell.value = match total {
                    Some(t) if complete && amount => CellValue::Amount {
                        value: t,
                        raw: t.normalize().to_compact_string(),
                    },
                    Some(t) if complete => match i64::try_from(t) {
                        Ok(v) => CellValue::Count {
                            value: v,
                            raw: v.to_compact_string(),
                        },
                        Err(_) => CellValue::Amount {
                            value: t,
                            raw: t.normalize().to_compact_string(),
                        },
                    },
                    _ => CellValue::Empty {
                        marker: Default::default(),
                    },
                };
            }
        }
        *match key {
            TableKey::ActiveDisclosure => &mut report.tables.active_disclosure,
            TableKey::Applications => &mut report.tables.applications,
            TableKey::ReviewsAndLitigation => &mut report.tables.reviews_and_litigation,
        } = summed;
    }
    Ok(RollUp { report, missing })
}

impl RollUp {
    /// The report.toml of the compiled report.
    pub fn toml(&self, agency: &str) -> String {
        let editions = Editions {
            table2: self.report.table(TableKey::ActiveDisclosure).version,
            table3: self.report.table(TableKey::Applications).version,
        };
        write_toml(
            agency,
            self.report.year.unwrap_or(0),
            editions,
            Fill::Copy(&self.report),
        )
        .0
    }

    /// Compares the published compiled report with the sum, cell by cell: every cell that
    /// differs, or that cannot be compared (blank on either side).
    pub fn check(&self, parent: &Report) -> Vec<CellCheck> {
        let mut out = Vec::new();
        for key in TableKey::ALL {
            let sum = self.report.table(key);
            for row in &sum.rows {
                for cell in &row.cells {
                    let theirs = parent
                        .table(key)
                        .cell(row.id, cell.column)
                        .map(|c| &c.value);
                    let (a, b) = (theirs.and_then(number), number(&cell.value));
                    let status = match (a, b) {
                        (Some(a), Some(b)) if a == b => continue,
                        (Some(_), Some(_)) => "differs",
                        _ => "not_assessable",
                    };
                    out.push(CellCheck {
                        table: key.name(),
                        row: row.id,
                        column: cell.column,
                        label: format!("{} · {} · {}", key.name(), row.label, cell.label),
                        parent: a.map(|v| v.normalize().to_string()),
                        sum: b.map(|v| v.normalize().to_string()),
                        status,
                    });
                }
            }
        }
        out
    }
}

/// The comparison for people.
pub fn check_text(checks: &[CellCheck], missing: &[String]) -> String {
    let mut out = String::new();
    for m in missing {
        out.push_str(&format!("未能汇总：{m}\n"));
    }
    let differs = checks.iter().filter(|c| c.status == "differs").count();
    for c in checks {
        match c.status {
            "differs" => out.push_str(&format!(
                "不一致：{}：汇总报告 {}，下级报告之和 {}\n",
                c.label,
                c.parent.as_deref().unwrap_or("—"),
                c.sum.as_deref().unwrap_or("—")
            )),
            _ => out.push_str(&format!(
                "无法核对：{}：汇总报告 {}，下级报告之和 {}（有空白或缺失，不视为一致）\n",
                c.label,
                c.parent.as_deref().unwrap_or("空白"),
                c.sum.as_deref().unwrap_or("无法计算")
            )),
        }
    }
    out.push_str(&format!(
        "共 {differs} 格不一致，{} 格无法核对\n",
        checks.len() - differs
    ));
    out
}
