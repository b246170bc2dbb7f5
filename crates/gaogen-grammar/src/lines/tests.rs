//! The line scanner against the pest grammar, and line shapes.
use super::*;

#[test]
fn a_lone_dash_cell_is_a_cell_not_a_rule() {
    assert!(matches!(shape("- |"), LineShape::Cells { .. }));
    assert!(matches!(shape("— |"), LineShape::Cells { .. }));
    assert!(matches!(shape("|---|---|"), LineShape::Rule));
    assert!(matches!(shape("| - | - |"), LineShape::Rule));
}

fn texts(shape: &LineShape<'_>) -> Vec<Vec<String>> {
    match shape {
        LineShape::Cells { hard, .. } => hard
            .iter()
            .map(|h| h.tokens.iter().map(|t| t.text.to_string()).collect())
            .collect(),
        _ => vec![],
    }
}

#[test]
fn pipes_keep_blank_cells() {
    let s = shape("| 三、本年度办理结果 | (一) 予以公开 | | | 0 |");
    assert_eq!(
        texts(&s),
        vec![
            vec!["三、本年度办理结果"],
            vec!["(一) 予以公开"],
            vec![],
            vec![],
            vec!["0"]
        ]
    );
}

#[test]
fn runs_of_spaces_split_soft_cells() {
    let s = shape("4.无正当理由大量反复 申请        0    0   12");
    assert_eq!(
        texts(&s),
        vec![vec!["4.无正当理由大量反复 申请", "0", "0", "12"]]
    );
    let LineShape::Cells { hard, .. } = s else {
        panic!()
    };
    assert_eq!(hard[0].tokens[1].start, 22);
}

#[test]
fn tabs_are_hard_separators() {
    let s = shape("\t\t2. 其他法律行政法规禁止公开\t0\t0");
    assert_eq!(
        texts(&s),
        vec![
            vec![],
            vec![],
            vec!["2. 其他法律行政法规禁止公开"],
            vec!["0"],
            vec!["0"]
        ]
    );
}

proptest::proptest! {
    #[test]
    fn one_run_equals_line_by_line(lines in proptest::collection::vec("[ a-z0-9|\t一、。]{0,20}", 0..12)) {
        let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
        let each: Vec<_> = refs.iter().map(|l| shape(l)).collect();
        proptest::prop_assert_eq!(grammar_shapes(&refs), each);
    }

    #[test]
    fn scanner_equals_the_grammar(line in "[ a-z0-9|\t\n一、。:=—-]{0,40}") {
        proptest::prop_assert_eq!(scan_shape(&line), grammar_shape(&line));
    }

    #[test]
    fn scanner_equals_the_grammar_on_long_runs_of_characters_of_every_width(
        line in "[ a|\t一二、。é😀]{0,80}"
    ) {
        proptest::prop_assert_eq!(scan_shape(&line), grammar_shape(&line));
    }

    #[test]
    fn scanner_equals_the_grammar_on_spaced_columns(
        cells in proptest::collection::vec(("[a-z0-9一、 ]{0,6}", "( {1,4}|\\| ?|\t)"), 0..10),
    ) {
        let line: String = cells.iter().map(|(c, s)| format!("{c}{s}")).collect();
        proptest::prop_assert_eq!(scan_shape(&line), grammar_shape(&line));
    }

    #[test]
    fn shapes_equal_the_grammar_run(lines in proptest::collection::vec("[ a-z0-9|\t一、。-]{0,24}", 0..12)) {
        let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
        proptest::prop_assert_eq!(shapes(&refs), grammar_shapes(&refs));
    }

    /// The reader keeps a line's kind and splits its cells later: both are the grammar's.
    #[test]
    fn kind_and_cells_are_the_grammar_shapes(
        line in "[ a-z0-9|\t一、。:=—–－-]{0,30}|[ |\t:=—-]{0,12}|[ ]{0,3}[-—–－][ ]?[0-9]{1,3}[ ]?[-—–－]?[ ]{0,2}",
    ) {
        let grammar = grammar_shapes(&[line.as_str()]).remove(0);
        let kind = kind(&line);
        let plain = match kind {
            LineKind::Cells { .. } => LineKind::Cells { single: false },
            other => other,
        };
        proptest::prop_assert_eq!(plain, grammar.kind(), "{:?}", line);
        match cells_shape(&line, kind) {
            Some(cells) => proptest::prop_assert_eq!(cells, grammar),
            None => {
                let cells = matches!(grammar, LineShape::Cells { .. });
                proptest::prop_assert!(!cells, "{:?}", line);
            }
        }
    }

    #[test]
    fn a_heading_is_what_the_grammar_parses(
        line in "[ #*_]{0,8}[一二三六七]?[ ]{0,2}[、，．.,：:|\t]?[ ]{0,2}[ a-z总体情况|\t\n*]{0,12}",
    ) {
        proptest::prop_assert_eq!(heading(&line), grammar_heading(&line), "{:?}", line);
    }

    #[test]
    fn space_normalising_equals_its_definition(
        line in "[ a-z一、。，「」\u{3000}-\u{3002}\u{3080}\u{a0}\u{a1}\u{85}\u{86}\u{1680}\u{1681}\u{1a80}\u{2000}-\u{2060}\u{20af}\u{feff}\u{fefe}\u{ff0c}\u{0b}\u{0c}\r\n\t\u{e000}]{0,30}",
    ) {
        // The byte-table scan gives what testing every character gives.
        let odd = |c: char| {
            c != ' ' && c != '\t' && (c.is_whitespace() || matches!(c, '\u{200b}' | '\u{feff}' | '\u{0c}'))
        };
        let naive: String = line.chars().map(|c| if odd(c) { ' ' } else { c }).collect();
        proptest::prop_assert_eq!(normalize_spaces(&line).into_owned(), naive);
    }

    #[test]
    fn fast_path_equals_the_grammar(line in " {0,4}[ a-z0-9一二三、（）。，]{0,30} {0,4}") {
        proptest::prop_assume!(!line.trim().is_empty() && !line.trim_matches(' ').contains("  "));
        proptest::prop_assert_eq!(single_cell(&line), grammar_shape(&line));
    }
}

/// Every line of every fixture and example: the scanner gives the grammar's cells.
#[test]
#[allow(clippy::disallowed_methods)] // the test reads the fixtures directly
fn scanner_equals_the_grammar_on_every_fixture_line() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut lines = 0;
    for dir in ["tests/fixtures", "examples"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        for entry in entries.flatten() {
            let Ok(bytes) = std::fs::read(entry.path()) else {
                continue;
            };
            let Ok(text) = std::str::from_utf8(&bytes) else {
                continue;
            };
            for raw in text.lines() {
                let line = normalize_spaces(raw);
                assert_eq!(scan_shape(&line), grammar_shape(&line), "{line:?}");
                lines += 1;
            }
        }
    }
    assert!(lines > 500, "fixtures read: {lines} lines");
}

#[test]
fn an_overlong_line_is_one_cell() {
    let line = format!("一、总体情况{}", "|1".repeat(MAX_CELL_LINE));
    match shape(&line) {
        LineShape::Cells { hard, .. } => {
            assert_eq!(hard.len(), 1);
            assert_eq!(hard[0].tokens.len(), 1);
            assert_eq!(hard[0].tokens[0].text.len(), line.len());
        }
        other => panic!("{other:?}"),
    }
    let row = "|1".repeat(100) + "|";
    assert!(matches!(shape(&row), LineShape::Cells { hard, .. } if hard.len() > 50));
}

#[test]
fn hand_written_headings_equal_the_grammar_on_the_edges() {
    for line in [
        "一、总体情况",
        "  三． 收到申请 ",
        "###### 一、x",
        "####### 一、x",
        "**二、x",
        "__二、 x ",
        "## __四：x",
        "一、",
        "一、   ",
        "一、a|b",
        "一 、a",
        "七、x",
        "一、总体情况。2023年，本局\n续行",
    ] {
        assert_eq!(heading(line), grammar_heading(line), "{line:?}");
    }
    assert!(heading("一 、a").is_some() && heading("一、").is_none());
}

#[test]
fn headings_and_furniture() {
    let h = heading("## **六、其他需要报告的事项**").unwrap();
    assert_eq!((h.number, h.text), (6, "其他需要报告的事项**"));
    assert!(heading("| 三、本年度办理结果 | x").is_none());
    assert_eq!(shape("   -3-  "), LineShape::PageNumber);
    assert_eq!(shape("|---|:--|"), LineShape::Rule);
    assert_eq!(normalize_spaces("\u{a0}0\u{3000}"), " 0 ");
}

/// Every scalar value, alone and between Chinese characters, is made a space exactly when the
/// definition says it is an odd space.
#[test]
fn space_normalising_for_every_character() {
    let odd = super::is_odd_space;
    let mut buf = String::new();
    for c in (0..=0x10ffff).filter_map(char::from_u32) {
        let want = if odd(c) { ' ' } else { c };
        buf.clear();
        buf.push(c);
        assert_eq!(normalize_spaces(&buf), want.to_string(), "{c:?}");
        buf.clear();
        buf.extend(['公', c, '开']);
        assert_eq!(
            normalize_spaces(&buf),
            format!("公{want}开"),
            "{c:?} between"
        );
    }
}
