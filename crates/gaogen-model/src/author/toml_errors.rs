//! report.toml errors in words a person typing Chinese can act on: full-width punctuation from a
//! Chinese input method named with the character to type instead, a missing closing quote, a
//! misspelt key answered with the nearest real one (「是否指 new_requests？」).

/// Full-width punctuation TOML does not accept outside strings, and what to type instead.
const FULL_WIDTH: &[(char, &str, &str)] = &[
    ('，', "全角逗号", ","),
    ('＝', "全角等号", "="),
    ('［', "全角方括号", "["),
    ('］', "全角方括号", "]"),
    ('【', "中文方括号", "["),
    ('】', "中文方括号", "]"),
    ('｛', "全角花括号", "{"),
    ('｝', "全角花括号", "}"),
    ('“', "中文引号", "\""),
    ('”', "中文引号", "\""),
    ('‘', "中文单引号", "'"),
    ('’', "中文单引号", "'"),
    ('＂', "全角引号", "\""),
    ('：', "全角冒号", "="),
    ('＃', "全角井号", "#"),
    ('．', "全角句点", "."),
    ('、', "顿号", ","),
    ('。', "句号", "."),
    ('　', "全角空格", " "),
];

/// A full-width punctuation mark outside strings and comments: its byte offset, and the message.
pub(crate) fn full_width_outside_strings(source: &str) -> Option<(usize, String)> {
    let mut in_string: Option<&str> = None;
    let mut in_comment = false;
    let mut chars = source.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '\n' {
            in_comment = false;
            if matches!(in_string, Some("\"") | Some("'")) {
                in_string = None;
            }
            continue;
        }
        if in_comment {
            continue;
        }
        if let Some(delim) = in_string {
            if c == '\\' && delim.starts_with('"') {
                chars.next();
            } else if source[i..].starts_with(delim) {
                for _ in 1..delim.len() {
                    chars.next();
                }
                in_string = None;
            }
            continue;
        }
        match c {
            '#' => in_comment = true,
            '"' | '\'' => {
                let triple = if c == '"' { "\"\"\"" } else { "'''" };
                if source[i..].starts_with(triple) {
                    chars.next();
                    chars.next();
                    in_string = Some(triple);
                } else {
                    in_string = Some(if c == '"' { "\"" } else { "'" });
                }
            }
            _ => {
                if let Some((_, name, instead)) = FULL_WIDTH.iter().find(|(f, _, _)| *f == c) {
                    return Some((
                        i,
                        format!(
                            "这里是{name}「{c}」：report.toml 的键、等号、逗号、方括号和引号都要用半角（英文）字符，请改为「{instead}」（多半是中文输入法打出来的；引号里的文字不受影响）"
                        ),
                    ));
                }
            }
        }
    }
    None
}

/// The toml crate's message in Chinese.
pub(crate) fn translate(raw: &str, expected_keys: &[&str]) -> String {
    if let Some(rest) = raw.strip_prefix("unknown field ") {
        let name = rest
            .split('`')
            .nth(1)
            .unwrap_or_else(|| rest.split(',').next().unwrap_or(rest));
        let expected: Vec<&str> = rest
            .split_once("expected")
            .map(|(_, list)| list.split('`').skip(1).step_by(2).collect())
            .unwrap_or_default();
        let keys = if expected.is_empty() {
            expected_keys
        } else {
            &expected[..]
        };
        return unknown_key(format!("未知的键 {name}"), name, keys);
    }
    if let Some(rest) = raw.strip_prefix("missing field ") {
        return format!("缺少必填的键 {}", rest.trim_matches('`'));
    }
    if raw.contains("invalid basic string") || raw.contains("invalid literal string") {
        return "字符串缺少结尾的引号：在文字末尾（行尾注释 # 之前）补上与开头相同的英文引号 \""
            .to_string();
    }
    if raw.contains("string values must be quoted") {
        return "这个值 TOML 认不出：文字要用英文双引号括起来（\"…\"），数字直接写（不加引号，用半角数字）".to_string();
    }
    if raw.starts_with("invalid type") {
        let expected = raw.rsplit("expected ").next().unwrap_or("");
        let wanted = match expected {
            e if e.contains("i64") || e.contains("integer") => "整数",
            e if e.contains("string") => "用英文双引号括起来的文字",
            e if e.contains("sequence") => "方括号中的一组数 [ … ]",
            e if e.contains("struct") || e.contains("map") || e.contains("table") => {
                "一个表（[名称] 开头的一段）"
            }
            _ => "另一种类型",
        };
        return format!("类型不对：这里应写{wanted}（{raw}）");
    }
    if raw.contains("duplicate key") {
        return format!("同一个键写了两次：删去其中一个（{raw}）");
    }
    if raw.contains("expected `=`") || raw.contains("expected `.`, `=`") {
        return format!("键后面应是半角等号 =（{raw}）");
    }
    format!("TOML 格式错误：{raw}")
}

/// 「未知的键 reprot：是否指 report？可用的键：report、text、…」 (`lead`: 「未知的键 reprot」).
pub(crate) fn unknown_key(lead: String, name: &str, keys: &[&str]) -> String {
    let mut message = lead;
    if let Some(near) = nearest(name, keys) {
        message.push_str(&format!("：是否指 {near}？"));
    } else {
        message.push('。');
    }
    message.push_str(&format!("可用的键：{}", keys.join("、")));
    message
}

/// The key nearest to `name` by edit distance, when near enough to be a typo.
pub(crate) fn nearest<'a>(name: &str, keys: &[&'a str]) -> Option<&'a str> {
    let name = name.to_ascii_lowercase();
    keys.iter()
        .map(|k| (distance(&name, k), *k))
        .filter(|&(d, k)| d <= (k.chars().count() / 3).max(2))
        .min_by_key(|&(d, _)| d)
        .map(|(_, k)| k)
}

/// Levenshtein distance over characters (keys are short).
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let here = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(here + 1);
            prev = here;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_commas_are_found_outside_strings_only() {
        let src = "[report]\nagency = \"某局，办公室\" # 注释，也不算\nnew_requests = [10，2]\n";
        let (at, message) = full_width_outside_strings(src).unwrap();
        assert_eq!(&src[at..at + 3], "，");
        assert!(src[..at].ends_with("[10"));
        assert!(message.contains("「,」"), "{message}");
        assert!(full_width_outside_strings("a = \"，\"\nb = '''\n，\n'''\n").is_none());
    }

    #[test]
    fn a_misspelt_key_gets_the_nearest() {
        let keys = ["new_requests", "carried_over", "disclosed"];
        assert_eq!(nearest("new_requets", &keys), Some("new_requests"));
        assert_eq!(nearest("carried_ovr", &keys), Some("carried_over"));
        assert_eq!(nearest("xyz", &keys), None);
        let m = translate(
            "unknown field `reprot`, expected one of `report`, `text`",
            &[],
        );
        assert!(m.starts_with("未知的键 reprot：是否指 report？"), "{m}");
    }
}
