//! Plain-text tables for the terminal, aligned by display width (a Chinese character is two
//! columns wide).

use unicode_width::UnicodeWidthStr;

/// Renders `rows` (the first one is the header) as aligned columns with a rule under the header;
/// every line starts with `indent`.
pub fn aligned(rows: &[Vec<String>], indent: &str) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|i| {
            rows.iter()
                .filter_map(|r| r.get(i))
                .map(|c| c.width())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |cells: &[String]| {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(c, &w)| format!("{c}{}", " ".repeat(w.saturating_sub(c.width()))))
            .collect();
        format!("{indent}{}\n", padded.join("  ").trim_end())
    };
    let mut out = String::new();
    for (i, row) in rows.iter().enumerate() {
        out.push_str(&line(row));
        if i == 0 {
            out.push_str(&line(
                &widths.iter().map(|&w| "─".repeat(w)).collect::<Vec<_>>(),
            ));
        }
    }
    out
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
}
