//! Properties of `check` on generated reports: consistent tables give no diagnostic; changing
//! one cell gives exactly the errors of the equations that cell enters, each naming that cell as
//! the culprit when more than one equation breaks.

use gaogen_model::check::{check, Severity};
use gaogen_model::schema::{RowKind, T3_2021, T3_COLUMN_IDS, T4};
use gaogen_model::RowId;
use proptest::prelude::*;
use std::collections::BTreeSet;

/// 表三 data rows in official order.
fn t3_rows() -> Vec<&'static gaogen_model::schema::RowDef> {
    T3_2021
        .rows
        .iter()
        .filter(|r| r.kind == RowKind::Data)
        .collect()
}

/// Index of a 表三 data row by id.
fn row_index(id: RowId) -> usize {
    t3_rows()
        .iter()
        .position(|r| r.id == id)
        .expect("row exists")
}

/// Consistent 表三 (25 × 7) and 表四 (15) from free parts.
fn consistent_tables(
    results: Vec<u8>,
    carried: Vec<u8>,
    forward: Vec<u8>,
    t4: Vec<u8>,
) -> (Vec<[i64; 7]>, [i64; 15]) {
    let rows = t3_rows();
    let first_result = row_index(RowId::Disclosed);
    let total_row = row_index(RowId::ResultsTotal);
    let mut t3 = vec![[0i64; 7]; rows.len()];
    for (k, r) in (first_result..total_row).enumerate() {
        for c in 0..6 {
            t3[r][c] = i64::from(results[k * 6 + c]);
        }
    }
    for c in 0..6 {
        t3[total_row][c] = (first_result..total_row).map(|r| t3[r][c]).sum();
        let forward = i64::from(forward[c]);
        let carried = i64::from(carried[c]).min(t3[total_row][c] + forward);
        t3[row_index(RowId::CarriedOver)][c] = carried;
        t3[row_index(RowId::CarriedForward)][c] = forward;
        t3[row_index(RowId::NewRequests)][c] = t3[total_row][c] + forward - carried;
    }
    for row in &mut t3 {
        row[6] = row[..6].iter().sum();
    }
    let mut four = [0i64; 15];
    for g in 0..3 {
        for k in 0..4 {
            four[g * 5 + k] = i64::from(t4[g * 4 + k]);
        }
        four[g * 5 + 4] = four[g * 5..g * 5 + 4].iter().sum();
    }
    (t3, four)
}

/// A complete 2021 report in the tab layout, with these tables.
fn report_text(t3: &[[i64; 7]], t4: &[i64; 15]) -> String {
    let mut out = String::from("示例县测试镇人民政府\n2023年政府信息公开工作年度报告\n一、总体情况\n本年度依法做好政府信息公开工作，纳入年度考核，开展社会评议1次，未发生责任追究情况。\n二、主动公开政府信息情况\n");
    out.push_str("第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t1\n行政规范性文件\t2\t1\t9\n");
    out.push_str("第二十条第（五）项\n信息内容\t本年处理决定数量\n行政许可\t5\n第二十条第（六）项\n信息内容\t本年处理决定数量\n行政处罚\t3\n行政强制\t0\n");
    out.push_str("第二十条第（八）项\n信息内容\t本年收费金额（单位：万元）\n行政事业性收费\t1.5\n三、收到和处理政府信息公开申请情况\n");
    out.push_str("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况\n\t自然人\t法人或其他组织\t总计\n\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\n");
    for (row, values) in t3_rows().iter().zip(t3) {
        let cells: Vec<String> = values.iter().map(i64::to_string).collect();
        out.push_str(&format!("{}\t{}\n", row.label, cells.join("\t")));
    }
    out.push_str("四、政府信息公开行政复议、行政诉讼情况\n行政复议\t行政诉讼\n");
    let cells: Vec<String> = t4.iter().map(i64::to_string).collect();
    out.push_str(&format!("{}\n", cells.join("\t")));
    out.push_str("五、存在的主要问题及改进情况\n镇级专栏的信息更新不够及时，个别栏目存在空档期。下一步将加强栏目维护。\n六、其他需要报告的事项\n本年度信息处理费按规定执行。\n示例县测试镇人民政府\n2024年1月20日\n");
    out
}

fn tables() -> impl Strategy<Value = (Vec<[i64; 7]>, [i64; 15])> {
    (
        prop::collection::vec(0u8..20, 21 * 6),
        prop::collection::vec(0u8..6, 6),
        prop::collection::vec(0u8..6, 6),
        prop::collection::vec(0u8..30, 12),
    )
        .prop_map(|(r, c, f, t4)| consistent_tables(r, c, f, t4))
}

/// The equations (rule codes) a 表三 cell of this row enters (any column: every row has a
/// 总计 and every column a balance).
fn t3_equations(row: usize) -> BTreeSet<&'static str> {
    let mut codes = BTreeSet::from(["T3-2"]);
    let id = t3_rows()[row].id;
    if matches!(
        id,
        RowId::NewRequests | RowId::CarriedOver | RowId::ResultsTotal | RowId::CarriedForward
    ) {
        codes.insert("T3-1");
    }
    if row >= row_index(RowId::Disclosed) && row <= row_index(RowId::ResultsTotal) {
        codes.insert("T3-3");
    }
    codes
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn consistent_tables_give_no_diagnostic((t3, t4) in tables()) {
        let report = gaogen_grammar::parse(&report_text(&t3, &t4));
        let found: Vec<_> = check(&report).into_iter().map(|d| (d.code, d.message)).collect();
        prop_assert!(found.is_empty(), "{:?}", found);
    }

    #[test]
    fn one_changed_cell_breaks_exactly_its_equations(
        (mut t3, mut t4) in tables(),
        cell in 0usize..(25 * 7 + 15),
        delta in 1i64..9,
    ) {
        let (expected, row_id, column_id, original) = if cell < 25 * 7 {
            let (r, c) = (cell / 7, cell % 7);
            let original = t3[r][c];
            t3[r][c] += delta;
            (t3_equations(r), t3_rows()[r].id, T3_COLUMN_IDS[c], original)
        } else {
            let j = cell - 25 * 7;
            let original = t4[j];
            t4[j] += delta;
            let code = ["T4-1", "T4-2", "T4-3"][j / 5];
            (BTreeSet::from([code]), RowId::Cases, T4.columns[j].id, original)
        };
        let report = gaogen_grammar::parse(&report_text(&t3, &t4));
        let errors: Vec<_> = check(&report).into_iter().filter(|d| d.severity == Severity::Error).collect();
        let codes: BTreeSet<&str> = errors.iter().map(|d| d.code).collect();
        prop_assert_eq!(&codes, &expected);
        prop_assert_eq!(errors.len(), expected.len(), "one error per broken equation");
        for d in &errors {
            let eq = d.equation.as_ref().expect("an equation error carries its equation");
            let involved = eq.left.iter().chain(&eq.right).any(|t| t.row == row_id && t.column == column_id);
            prop_assert!(involved, "{} does not point at the changed cell", d.code);
            if expected.len() > 1 {
                let culprit = d.culprit.as_ref().expect("culprit named");
                prop_assert_eq!((culprit.row, culprit.column, culprit.mended_value), (row_id, column_id, original));
            }
        }
    }
}
