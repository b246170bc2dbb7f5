//! The header rows of 表三 and 表四 as the official forms draw them: each cell with the columns
//! and rows it spans, left to right, a cell spanning rows only where it starts. The HTML
//! templates and the Word writer draw the headers from here.

use super::tables::{T3_APPLICANTS_HEADER, T3_LEGAL_PERSONS_HEADER, T3_NOTE};

/// One header cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeaderCell {
    pub text: &'static str,
    /// Columns spanned (1 for one).
    pub cols: usize,
    /// Rows spanned (1 for one).
    pub rows: usize,
    /// The table's note (表三's top-left cell), set apart in print.
    pub note: bool,
}

const fn th(text: &'static str) -> HeaderCell {
    span(text, 1, 1)
}

const fn span(text: &'static str, cols: usize, rows: usize) -> HeaderCell {
    HeaderCell {
        text,
        cols,
        rows,
        note: false,
    }
}

/// 表三's header: the note over the three label columns, then 申请人情况 over 自然人, the five
/// 法人或其他组织 columns and 总计.
pub const T3_HEADER: &[&[HeaderCell]] = &[
    &[
        HeaderCell {
            text: T3_NOTE,
            cols: 3,
            rows: 3,
            note: true,
        },
        span(T3_APPLICANTS_HEADER, 7, 1),
    ],
    &[
        span("自然人", 1, 2),
        span(T3_LEGAL_PERSONS_HEADER, 5, 1),
        span("总计", 1, 2),
    ],
    &[
        th("商业企业"),
        th("科研机构"),
        th("社会公益组织"),
        th("法律服务机构"),
        th("其他"),
    ],
];

const OUTCOMES: [&str; 5] = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];

/// 表四's header: 行政复议 (five columns) and 行政诉讼 (ten: 未经复议直接起诉, 复议后起诉).
pub const T4_HEADER: &[&[HeaderCell]] = &[
    &[span("行政复议", 5, 1), span("行政诉讼", 10, 1)],
    &[
        span(OUTCOMES[0], 1, 2),
        span(OUTCOMES[1], 1, 2),
        span(OUTCOMES[2], 1, 2),
        span(OUTCOMES[3], 1, 2),
        span(OUTCOMES[4], 1, 2),
        span("未经复议直接起诉", 5, 1),
        span("复议后起诉", 5, 1),
    ],
    &[
        th(OUTCOMES[0]),
        th(OUTCOMES[1]),
        th(OUTCOMES[2]),
        th(OUTCOMES[3]),
        th(OUTCOMES[4]),
        th(OUTCOMES[0]),
        th(OUTCOMES[1]),
        th(OUTCOMES[2]),
        th(OUTCOMES[3]),
        th(OUTCOMES[4]),
    ],
];

#[cfg(test)]
mod tests {
    use super::*;

    /// Every header row covers the table's width once the cells spanning rows from above count.
    fn widths(header: &[&[HeaderCell]]) -> Vec<usize> {
        let mut carried: Vec<(usize, usize)> = Vec::new(); // (cols, rows left)
        header
            .iter()
            .map(|row| {
                let width = carried.iter().map(|c| c.0).sum::<usize>()
                    + row.iter().map(|c| c.cols).sum::<usize>();
                carried.iter_mut().for_each(|c| c.1 -= 1);
                carried.retain(|c| c.1 > 0);
                carried.extend(
                    row.iter()
                        .filter(|c| c.rows > 1)
                        .map(|c| (c.cols, c.rows - 1)),
                );
                width
            })
            .collect()
    }

    #[test]
    fn every_row_spans_the_whole_table() {
        assert_eq!(widths(T3_HEADER), vec![10, 10, 10]);
        assert_eq!(widths(T4_HEADER), vec![15, 15, 15]);
    }
}
