//! The header rows of 表三 and 表四 as the official forms draw them: each cell with the columns
//! and rows it spans, left to right, a cell spanning rows only where it starts. The HTML
//! templates, the web form and the Word writer draw the headers from here, and
//! [`header_grid`] lays them out as the plain grids of the Markdown and text outputs.

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
    /// Written in the header's first row in the plain grids (Markdown, text), where no cell spans
    /// rows: 表三's 「总计」 stands level with 「申请人情况」 there, as gaogen has always written it.
    pub grid_first_row: bool,
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
        grid_first_row: false,
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
            grid_first_row: false,
        },
        span(T3_APPLICANTS_HEADER, 7, 1),
    ],
    &[
        span("自然人", 1, 2),
        span(T3_LEGAL_PERSONS_HEADER, 5, 1),
        HeaderCell {
            grid_first_row: true,
            ..span("总计", 1, 2)
        },
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

/// Every cell of a header with the row and the first column it stands in (0-based), in order:
/// a cell takes the first column of its row that no cell from above still covers.
pub fn header_cells(header: &[&[HeaderCell]]) -> Vec<(usize, usize, HeaderCell)> {
    let width: usize = header
        .first()
        .map_or(0, |row| row.iter().map(|c| c.cols).sum());
    // Rows below the current one each column is still covered by a cell from above.
    let mut covered = vec![0usize; width];
    let mut out = Vec::new();
    for (r, row) in header.iter().enumerate() {
        let mut next: Vec<usize> = covered.iter().map(|n| n.saturating_sub(1)).collect();
        let mut col = 0;
        for cell in row.iter() {
            while col < width && covered[col] > 0 {
                col += 1;
            }
            if col >= width {
                break;
            }
            out.push((r, col, *cell));
            let end = (col + cell.cols).min(width);
            next[col..end].fill(cell.rows.saturating_sub(1));
            col = end;
        }
        covered = next;
    }
    out
}

/// The header as a plain grid, one text per column and row: each cell's text at its first column,
/// in its own row (or the first, see [`HeaderCell::grid_first_row`]), the rest blank.
pub fn header_grid(header: &[&[HeaderCell]]) -> Vec<Vec<&'static str>> {
    let width: usize = header
        .first()
        .map_or(0, |row| row.iter().map(|c| c.cols).sum());
    let mut grid = vec![vec![""; width]; header.len()];
    for (r, col, cell) in header_cells(header) {
        grid[if cell.grid_first_row { 0 } else { r }][col] = cell.text;
    }
    grid
}

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
    fn grids_write_each_text_at_its_first_column() {
        let t3 = header_grid(T3_HEADER);
        assert_eq!(t3.len(), 3);
        assert_eq!(t3[0][0], T3_NOTE);
        assert_eq!((t3[0][3], t3[0][9]), ("申请人情况", "总计"));
        assert_eq!(
            (t3[1][3], t3[1][4], t3[1][9]),
            ("自然人", "法人或其他组织", "")
        );
        assert_eq!((t3[2][3], t3[2][4], t3[2][8]), ("", "商业企业", "其他"));
        let t4 = header_grid(T4_HEADER);
        assert_eq!(
            (t4[0][0], t4[0][5], t4[0][14]),
            ("行政复议", "行政诉讼", "")
        );
        assert_eq!(
            (t4[1][4], t4[1][5], t4[1][10]),
            ("总计", "未经复议直接起诉", "复议后起诉")
        );
        assert_eq!((t4[2][4], t4[2][5], t4[2][14]), ("", "结果维持", "总计"));
    }

    #[test]
    fn every_row_spans_the_whole_table() {
        assert_eq!(widths(T3_HEADER), vec![10, 10, 10]);
        assert_eq!(widths(T4_HEADER), vec![15, 15, 15]);
    }
}
