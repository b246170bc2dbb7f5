use super::*;

#[test]
fn detects_pages() {
    assert!(looks_like_html("<!DOCTYPE html><html>"));
    assert!(looks_like_html("<table><tr><td>规章</td></tr></table>"));
    assert!(!looks_like_html("一、总体情况\n规章\t0"));
}

#[test]
fn tables_expand_merged_cells() {
    let page = "<p>二、主动公开政府信息情况</p>\n<table>\n<tr><td rowspan=2>信息内容</td><td colspan=2>件数</td></tr>\n<tr><td>制发</td><td>废止</td></tr>\n<tr><td>规章</td><td>1</td><td>&nbsp;</td></tr></table><script>var a='<td>x</td>';</script>";
    let lines = html_lines(page);
    let texts: Vec<_> = lines.iter().map(|l| &*l.text).collect();
    assert_eq!(
        texts,
        vec![
            "二、主动公开政府信息情况",
            "| 信息内容 | 件数 |  |",
            "|  | 制发 | 废止 |",
            "| 规章 | 1 |  |"
        ]
    );
    assert_eq!(
        lines[3].cell_origins().unwrap()[1].0,
        Origin {
            line: 5,
            column: 20
        }
    );
}

#[test]
fn text_is_found_in_content_not_in_attributes() {
    assert!(starts_text("<td style=\"padding:0px\"><span>"));
    assert!(starts_text("<td>&nbsp;"));
    assert!(!starts_text("<td style=\"padding:"));
    let page = "<table><tr><td style=\"padding:0px\">规章</td><td style=\"padding:0px\"><p>&nbsp;0&nbsp;</p></td><td>1</td></tr></table>";
    let lines = html_lines(page);
    let origins = lines[0].cell_origins().unwrap();
    let byte = page.find("0&nbsp;</p>").unwrap();
    assert_eq!(origins[1].0.column, 1 + page[..byte].chars().count() as u32);
}

#[test]
fn every_cell_is_found_past_attributes_full_of_its_text() {
    // Word's export: each cell's style holds many 「0」s (「#000000」, 「0px」) before its own 「0」,
    // written between entities: each cell has its own column.
    let td = "<td style=\"border:1px solid #000000;padding:0px 7px\">";
    let page = format!(
        "<table><tr>{td}规章</td>{td}<p><span>0</span></p></td>{td}<span>&nbsp;0&nbsp;</span></td>{td}&nbsp;0&nbsp;</td>{td}1&nbsp;268</td></tr></table>"
    );
    let lines = html_lines(&page);
    let origins = lines[0].cell_origins().unwrap();
    let chars_before = |byte: usize| 1 + page[..byte].chars().count() as u32;
    let zeros: Vec<usize> = page
        .match_indices("0</span></p>")
        .chain(page.match_indices("0&nbsp;"))
        .map(|(b, _)| b)
        .collect();
    let mut want: Vec<u32> = zeros.into_iter().map(chars_before).collect();
    want.push(chars_before(page.find("1&nbsp;268").unwrap()));
    let got: Vec<u32> = origins[1..].iter().map(|(o, _)| o.column).collect();
    assert_eq!(got, want);
}

#[test]
fn wide_merges_are_clamped() {
    let page = "<table><tr>".to_string()
        + &"<td colspan=64>x</td>".repeat(600)
        + &"<tr><td>y</td>".repeat(50)
        + "</table>";
    let lines = html_lines(&page);
    assert!(lines
        .iter()
        .all(|l| l.cell_origins().is_some_and(|c| c.len() <= MAX_COLUMNS)));
}

#[test]
fn one_line_pages_keep_exact_columns() {
    let page: String = (0..300).map(|i| format!("<p>t{i:03}</p>")).collect();
    let lines = html_lines(&page);
    assert_eq!(
        lines[299].origin,
        Origin {
            line: 1,
            column: 299 * 11 + 4
        }
    );
}

#[test]
fn an_unclosed_container_does_not_hide_the_page() {
    for tag in ["header", "nav", "footer", "svg", "button", "select"] {
        let page =
            format!("<{tag}><p>网站首页</p><p>一、总体情况</p><p>二、主动公开政府信息情况</p>");
        let texts: Vec<String> = html_lines(&page)
            .into_iter()
            .map(|l| l.text.to_string())
            .collect();
        assert!(
            texts.contains(&"一、总体情况".to_string()),
            "{tag}: {texts:?}"
        );
    }
    let closed = "<header><p>网站首页</p></header><p>一、总体情况</p>";
    let texts: Vec<String> = html_lines(closed)
        .into_iter()
        .map(|l| l.text.to_string())
        .collect();
    assert_eq!(texts, vec!["一、总体情况"]);
}

#[test]
fn deep_nesting_is_flat() {
    let page = "<div>".repeat(200_000) + "一、总体情况" + &"</div>".repeat(200_000);
    assert_eq!(html_lines(&page).len(), 1);
}

#[test]
fn empty_cells_have_their_own_places() {
    // `&nbsp;`, nothing at all, `<th>` and attributes: each empty cell is where it stands, not at
    // the row's first cell; a row of empty cells only is still not a line.
    let page = "<table>\n<tr><td>规章</td><td>&nbsp;</td><td></td><TD class=\"x\"> &nbsp; </TD><th>2</th></tr>\n<tr><td>&nbsp;</td><td></td></tr>\n</table>";
    let lines = html_lines(page);
    assert_eq!(lines.len(), 1);
    assert_eq!(&*lines[0].text, "| 规章 |  |  |  | 2 |");
    let columns: Vec<u32> = lines[0]
        .cell_origins()
        .unwrap()
        .iter()
        .map(|(o, _)| o.column)
        .collect();
    let line = page.lines().nth(1).unwrap();
    let after = |needle: &str| line[..line.find(needle).unwrap()].chars().count() as u32 + 1;
    assert_eq!(
        columns,
        vec![
            after("规章"),
            after("&nbsp;</td><td></td>"),
            after("</td><TD"),
            after(" &nbsp; </TD>"),
            after("2</th>")
        ]
    );
}
