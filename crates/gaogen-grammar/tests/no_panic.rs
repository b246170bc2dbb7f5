//! Whatever the text, reading gives a well-formed model and never panics.

use gaogen_model::{RowKind, TableKey};
use proptest::prelude::*;

/// Fragments real reports are made of, so generated text reaches deep into the reader.
const PIECES: &[&str] = &[
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
    "第二十条第（一）项",
    "信息内容",
    "本年制发件数",
    "规章",
    "行政规范性文件",
    "行政许可",
    "申请人情况",
    "自然人",
    "总计",
    "一、本年新收政府信息公开申请数量",
    "（一）予以公开",
    "1.属于国家秘密",
    "（七）总计",
    "四、结转下年度继续办理",
    "行政复议",
    "结果维持",
    "0",
    "12",
    "7730.28",
    "/",
    "—",
    "00",
    "|",
    "\t",
    "  ",
    "\n",
    "\r\n",
    "（",
    "）",
    "#",
    "**",
    "\u{a0}",
    "-3-",
    "<table>",
    "<td rowspan=3>",
    "</td>",
    "<tr>",
    "2023年",
    "报告",
];

fn report_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..400).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn generated_reports_give_a_well_formed_model(text in report_text()) {
        let r = gaogen_grammar::parse(&text);
        prop_assert_eq!(r.sections.len(), 6);
        for key in TableKey::ALL {
            let t = r.table(key);
            if t.found {
                let schema = gaogen_model::schema::table_schema(key, t.version);
                let data_rows = t.rows.iter().filter(|row| row.kind == RowKind::Data).count();
                let expected = schema.rows.iter().filter(|row| row.kind == RowKind::Data).count();
                prop_assert_eq!(data_rows, expected);
            }
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let _ = gaogen_grammar::parse_bytes(&bytes);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,600}") {
        let _ = gaogen_grammar::parse(&text);
    }
}
