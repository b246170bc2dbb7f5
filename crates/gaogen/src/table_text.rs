//! Plain-text tables for the terminal, aligned by display width (a Chinese character is two
//! columns wide).

use unicode_width::UnicodeWidthStr;

/// Renders `rows` (the first one is the header) as aligned columns with a rule under the header;
/// every line starts with `indent`.
pub fn aligned(rows: &[Vec<String>], indent: &str) -> String {
    fitted(rows, indent, None)
}

/// Columns are not narrowed below this many display columns to fit a terminal.
const MIN_COLUMN: usize = 8;

/// As [`aligned`], fitted into `width` display columns when given: the widest columns are narrowed
/// and their cells wrapped over several lines.
pub fn fitted(rows: &[Vec<String>], indent: &str, width: Option<usize>) -> String {
    let mut out = String::new();
    let Ok(()) = fitted_rows(
        rows.len(),
        |i| rows[i].clone(),
        indent,
        width,
        |text| {
            out.push_str(text);
            Ok::<(), std::convert::Infallible>(())
        },
    );
    out
}

/// As [`fitted`], with row `i` (0: the header) made by `row(i)` when it is needed — twice, once
/// for the widths and once to write it — and each row's lines handed to `sink` as they are made,
/// so that a table of 100,000 rows is never held whole.
pub fn fitted_rows<E>(
    count: usize,
    row: impl Fn(usize) -> Vec<String>,
    indent: &str,
    width: Option<usize>,
    mut sink: impl FnMut(&str) -> Result<(), E>,
) -> Result<(), E> {
    let mut widths: Vec<usize> = Vec::new();
    for i in 0..count {
        for (k, c) in row(i).iter().enumerate() {
            let w = c.width();
            match widths.get_mut(k) {
                Some(max) => *max = (*max).max(w),
                None => widths.push(w),
            }
        }
    }
    if let Some(width) = width {
        let total =
            |w: &[usize]| indent.width() + w.iter().sum::<usize>() + 2 * w.len().saturating_sub(1);
        while total(&widths) > width {
            let Some((widest, &w)) = widths
                .iter()
                .enumerate()
                .max_by_key(|&(i, w)| (*w, usize::MAX - i))
            else {
                break;
            };
            if w <= MIN_COLUMN {
                break;
            }
            widths[widest] = w - 1;
        }
    }
    let line = |cells: &[String], out: &mut String| {
        let wrapped: Vec<Vec<String>> = cells
            .iter()
            .zip(&widths)
            .map(|(c, &w)| crate::terminal::cell_lines(c, w))
            .collect();
        let height = wrapped.iter().map(Vec::len).max().unwrap_or(1);
        for k in 0..height {
            let padded: Vec<String> = wrapped
                .iter()
                .zip(&widths)
                .map(|(lines, &w)| {
                    let c = lines.get(k).map_or("", String::as_str);
                    format!("{c}{}", " ".repeat(w.saturating_sub(c.width())))
                })
                .collect();
            out.push_str(&format!("{indent}{}\n", padded.join("  ").trim_end()));
        }
    };
    let mut out = String::new();
    for i in 0..count {
        out.clear();
        line(&row(i), &mut out);
        if i == 0 {
            line(
                &widths.iter().map(|&w| "─".repeat(w)).collect::<Vec<_>>(),
                &mut out,
            );
        }
        sink(&out)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_counts_two_columns() {
        let rows = vec![
            vec!["文件".to_string(), "错误".to_string()],
            vec!["a.txt".to_string(), "1".to_string()],
        ];
        let text = aligned(&rows, "");
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "文件   错误");
        assert_eq!(lines[2], "a.txt  1");
    }

    #[test]
    fn a_wide_table_is_fitted_into_the_terminal() {
        let long = "（三）不予公开·3.危及“三安全一稳定”".repeat(3);
        let rows = vec![
            vec!["行".to_string(), "旧".to_string(), "新".to_string()],
            vec![long.clone(), "12".to_string(), "13".to_string()],
        ];
        let text = fitted(&rows, "  ", Some(40));
        assert!(text.lines().all(|l| l.width() <= 40), "{text}");
        // Nothing is lost: the wrapped cell reads back whole.
        let first: String = text
            .lines()
            .skip(2)
            .map(|l| l.trim_start().split("  ").next().unwrap_or(""))
            .collect();
        assert_eq!(first, long);
        assert!(text.contains("12") && text.contains("13"));
        assert_eq!(fitted(&rows, "  ", None), aligned(&rows, "  "));
    }
}
