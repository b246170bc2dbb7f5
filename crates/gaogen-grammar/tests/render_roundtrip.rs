//! Render → parse round trip: for any valid report.toml, every format reads back with the same
//! numbers and texts, and `gaogen check` finds neither error nor warning in what was rendered.

use gaogen_model::author::{parse_toml, render, to_report, view, OutputFormat};
use gaogen_model::check::check;
use gaogen_model::schema::{RowKind, T3_2021};
use gaogen_model::{CellValue, Report, RowId, SectionKey, TableKey};
use proptest::prelude::*;

/// Sentences of plain prose (no digits, no ordinals, nothing the reader takes for a label).
fn prose() -> impl Strategy<Value = String> {
    prop::collection::vec(
        "[政务公开信息平台群众服务工作规范推进完善制度网站栏目及时准确便民]{6,24}",
        1..4,
    )
    .prop_map(|sentences| sentences.join("，") + "。")
}

fn counts(n: usize, max: u32) -> impl Strategy<Value = Vec<u32>> {
    prop::collection::vec(0..max, n)
}

/// A consistent report.toml.
fn report_toml() -> impl Strategy<Value = String> {
    (
        (prose(), prose(), prose(), prose()),
        counts(21 * 6, 9),
        counts(6, 4),
        counts(6, 4),
        counts(12, 9),
        (counts(6, 50), 0u32..10_000_000),
    )
        .prop_map(|((overview, overview2, problems, other), results, carried, forward, t4, (t2, fee))| {
            let data: Vec<_> = T3_2021.rows.iter().filter(|r| r.kind == RowKind::Data && r.id != RowId::ResultsTotal).collect();
            let mut total7 = [0u32; 6];
            for k in 0..21 {
                for c in 0..6 {
                    total7[c] += results[k * 6 + c];
                }
            }
            let carried: Vec<u32> = (0..6).map(|c| carried[c].min(total7[c] + forward[c])).collect();
            let new: Vec<u32> = (0..6).map(|c| total7[c] + forward[c] - carried[c]).collect();
            let list = |v: &[u32]| v.iter().map(u32::to_string).collect::<Vec<_>>().join(", ");
            let mut t3 = String::new();
            let mut k = 0;
            for row in data {
                let values = match row.id {
                    RowId::NewRequests => new.clone(),
                    RowId::CarriedOver => carried.clone(),
                    RowId::CarriedForward => forward.clone(),
                    _ => {
                        k += 1;
                        results[(k - 1) * 6..k * 6].to_vec()
                    }
                };
                t3.push_str(&format!("{} = [{}]\n", row.id, list(&values)));
            }
            format!(
                "[report]\nagency = \"示例县测试镇人民政府\"\nyear = 2024\n\n[text]\noverview = \"\"\"\n{overview}\n\n{overview2}\n\"\"\"\nproblems = \"\"\"\n{problems}下一步将加强整改。\n\"\"\"\nother = \"\"\"\n{other}本年度未收取信息处理费。\n\"\"\"\n\n[active_disclosure]\nrules = [{}, {}, {}]\nnormative_documents = [{}, {}, {}]\nlicensing = [{}]\npenalty = [{}]\nenforcement = [{}]\nfees = [\"{}.{:02}\"]\n\n[applications]\n{t3}\n[reviews_and_litigation]\nreview = [{}]\nlitigation_direct = [{}]\nlitigation_after_review = [{}]\n",
                t2[0], 0, t2[0] + t2[1],
                t2[2], t2[3].min(t2[2]), t2[2] - t2[3].min(t2[2]) + t2[4],
                t2[5] * 7, t2[1] * 3, t2[4],
                fee / 100, fee % 100,
                list(&t4[0..4]), list(&t4[4..8]), list(&t4[8..12]),
            )
        })
}

fn number(v: &CellValue) -> Option<rust_decimal::Decimal> {
    match v {
        CellValue::Count { value, .. } => Some((*value).into()),
        CellValue::Amount { value, .. } => Some(*value),
        _ => None,
    }
}

/// Every cell of `authored` is read back with the same number in `read`.
fn same_numbers(authored: &Report, read: &Report) -> Result<(), String> {
    for key in TableKey::ALL {
        for row in &authored.table(key).rows {
            for cell in &row.cells {
                let back = read.table(key).cell(row.id, cell.column).map(|c| &c.value);
                if back.and_then(number) != number(&cell.value) || number(&cell.value).is_none() {
                    return Err(format!(
                        "{} {} {}: {:?} → {:?}",
                        key.name(),
                        row.id,
                        cell.column,
                        cell.value,
                        back
                    ));
                }
            }
        }
    }
    Ok(())
}

/// The rules of the format the generated reports satisfy; the evaluators' criteria (`E-`) and
/// text hygiene (`H-`) judge the content of the text, which is random here.
fn format_rule(code: &str) -> bool {
    !code.starts_with("E-") && !code.starts_with("H-")
}

fn texts(r: &Report, key: SectionKey) -> Vec<String> {
    r.section(key)
        .paragraphs
        .iter()
        .map(|p| p.text.clone())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn rendered_reports_read_back_and_check_clean(toml in report_toml()) {
        let input = parse_toml(&toml).map_err(|d| TestCaseError::fail(d.message.to_string()))?;
        let (authored, errors) = to_report(&input, &toml);
        prop_assert!(errors.is_empty(), "{:?}", errors.iter().map(|d| &d.message).collect::<Vec<_>>());
        let authored_findings: Vec<_> = check(&authored).into_iter().filter(|d| format_rule(d.code)).map(|d| (d.code, d.message)).collect();
        prop_assert!(authored_findings.is_empty(), "{:?}", authored_findings);
        for format in [OutputFormat::Markdown, OutputFormat::Text, OutputFormat::Html] {
            let text = render(&view(&authored, Some("2025年1月20日"), None), format);
            let read = gaogen_grammar::parse(&text);
            same_numbers(&authored, &read).map_err(|e| TestCaseError::fail(format!("{format:?}: {e}")))?;
            for key in [SectionKey::Overview, SectionKey::Problems, SectionKey::Other] {
                prop_assert_eq!(texts(&read, key), texts(&authored, key), "{:?} {:?}", format, key);
            }
            let closing: Vec<_> = read.closing.iter().map(|p| p.text.as_str()).collect();
            prop_assert_eq!(closing, vec!["示例县测试镇人民政府", "2025年1月20日"], "{:?}", format);
            let findings: Vec<_> = check(&read).into_iter().filter(|d| format_rule(d.code)).map(|d| (d.code, d.message)).collect();
            prop_assert!(findings.is_empty(), "{:?}: {:?}", format, findings);
        }
    }
}
