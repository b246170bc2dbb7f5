//! The grammar's own reading of a line, and the shapes of whole lines: the references the
//! hand-written readers of `lines.rs` are property-tested against (`tests.rs`).

use super::*;

impl LineShape<'_> {
    /// The shape's kind (`single` unknown here, so false).
    pub(crate) fn kind(&self) -> LineKind {
        match self {
            LineShape::Blank => LineKind::Blank,
            LineShape::PageNumber => LineKind::PageNumber,
            LineShape::Rule => LineKind::Rule,
            LineShape::Cells { .. } => LineKind::Cells { single: false },
        }
    }
}

/// [`heading`] by the grammar itself: the reference of its property test.
pub(crate) fn grammar_heading(line: &str) -> Option<HeadingShape<'_>> {
    let pairs = LineGrammar::parse(Rule::heading_line, line).ok()?;
    let mut number = 0;
    let mut start = None;
    let mut text = "";
    let mut end = 0;
    let mut cols = Columns::new(line);
    for pair in pairs.flatten() {
        match pair.as_rule() {
            Rule::section_number => {
                let c = pair.as_str().chars().next()?;
                number = CN.iter().position(|&d| d == c)? as u8 + 1;
                start = Some(cols.at(pair.as_span().start()));
            }
            Rule::heading_text => {
                text = pair.as_str().trim_end();
                end = cols.at(pair.as_span().start() + text.len());
            }
            _ => {}
        }
    }
    Some(HeadingShape {
        number,
        text,
        start: start?,
        end,
    })
}

/// The shape of a line when it is decided without the cell grammar; `None` when it needs it.
pub(crate) fn quick_shape(line: &str) -> Option<LineShape<'_>> {
    match quick(line) {
        Quick::Blank => Some(LineShape::Blank),
        Quick::PageNumber => Some(LineShape::PageNumber),
        Quick::Single => Some(single_cell(line)),
        Quick::Scan => None,
    }
}

/// The cells of a line.
pub(crate) fn shape(line: &str) -> LineShape<'_> {
    quick_shape(line).unwrap_or_else(|| scan_shape(line))
}

/// The shapes of many lines. Lines with separators are read by [`scan_shape`], which property
/// tests prove equal to the `cell_line` rule of the grammar on every line.
pub(crate) fn shapes<'a>(lines: &[&'a str]) -> Vec<LineShape<'a>> {
    lines
        .iter()
        .map(|l| quick_shape(l).unwrap_or_else(|| scan_shape(l)))
        .collect()
}

/// The shapes of many lines with the grammar itself: the lines that need the cell grammar are
/// parsed in one pest run. The reference for [`shapes`].
pub(crate) fn grammar_shapes<'a>(lines: &[&'a str]) -> Vec<LineShape<'a>> {
    let mut out: Vec<Option<LineShape<'a>>> = lines.iter().map(|l| quick_shape(l)).collect();
    let pending: Vec<usize> = (0..lines.len())
        .filter(|&i| out[i].is_none() && !lines[i].contains('\n'))
        .collect();
    let joined = pending
        .iter()
        .map(|&i| lines[i])
        .collect::<Vec<_>>()
        .join("\n");
    if let Ok(mut pairs) = LineGrammar::parse(Rule::cell_lines, &joined) {
        let rows = pairs
            .next()
            .map(|p| p.into_inner())
            .into_iter()
            .flatten()
            .filter(|p| p.as_rule() == Rule::cell_row);
        for (row, &i) in rows.zip(&pending) {
            let base = row.as_span().start();
            out[i] = Some(cells_of(lines[i], row.into_inner().flatten(), base));
        }
    }
    lines
        .iter()
        .zip(out)
        .map(|(line, shape)| shape.unwrap_or_else(|| grammar_shape(line)))
        .collect()
}

/// The cells of one line as the `cell_line` rule reads them.
pub(crate) fn grammar_shape(line: &str) -> LineShape<'_> {
    match LineGrammar::parse(Rule::cell_line, line) {
        Ok(pairs) => cells_of(line, pairs.flatten(), 0),
        // The grammar accepts every line; keep the whole line as one cell if it ever does not.
        Err(_) => single_cell(line),
    }
}

/// Builds a line's cells from its pairs; `base` is the byte offset of the line in the parsed text.
pub(crate) fn cells_of<'a, 'i>(
    line: &'a str,
    pairs: impl Iterator<Item = pest::iterators::Pair<'i, Rule>>,
    base: usize,
) -> LineShape<'a> {
    let mut cols = Columns::new(line);
    let mut hard = HardCells::new();
    let mut piped = false;
    for pair in pairs {
        let span = pair.as_span();
        let (start, end) = (span.start() - base, span.end() - base);
        match pair.as_rule() {
            Rule::hard_cell => hard.push(HardCell {
                tokens: Tokens::new(),
                start: cols.at(start),
            }),
            Rule::hard_sep => piped |= pair.as_str() == "|",
            Rule::soft_cell => {
                // A single space before a hard separator belongs to no cell.
                let text = line[start..end].trim_end();
                let (s, e) = (cols.at(start), cols.at(start + text.len()));
                if let Some(cell) = hard.last_mut() {
                    cell.tokens.push(Token {
                        text,
                        start: s,
                        end: e,
                    });
                }
            }
            _ => {}
        }
    }
    finish(line, hard, piped)
}
