use crate::check::prose::{is_chinese_punct, is_han, is_page_metadata, paragraphs};
use crate::check::{Diagnostic, EmptyCells, Rule, Severity};
use crate::registry::{Command, RuleInfo};
use crate::Report;

/// H-PUNCT: half-width (ASCII) punctuation in Chinese text.
///
/// Why: Chinese official documents use full-width punctuation (GB/T 15834); 「,」 「;」 「:」
/// 「(」 next to Chinese characters are a typing error evaluators list. Example: 「全年受理申请9件,均已办结」.
/// Only punctuation touching a Chinese character or Chinese punctuation is reported, so numbers
/// (「1,234」), times (「9:00」) and web addresses are left alone, and so are a web page's metadata
/// lines (「发布时间: …」, written by the site); one diagnostic per paragraph.
/// Empty cells: not applicable.
#[derive(Debug)]
pub(crate) struct AsciiPunct;
pub(crate) static H_PUNCT: AsciiPunct = AsciiPunct;

const ASCII_PUNCT: &[u8] = b",;:?!()";

/// Whether a byte is one of [`ASCII_PUNCT`].
const MARK: [bool; 256] = crate::lines::byte_set(ASCII_PUNCT);

/// For each ASCII mark: its label in a diagnostic and what to do, as fixed texts (borrowed by
/// every diagnostic, not built for each: a long text can have a hundred thousand).
fn texts(c: char) -> (&'static str, &'static str) {
    match c {
        ',' => ("半角「,」", "改为全角标点，如「,」改为「，」"),
        ';' => ("半角「;」", "改为全角标点，如「;」改为「；」"),
        ':' => ("半角「:」", "改为全角标点，如「:」改为「：」"),
        '?' => ("半角「?」", "改为全角标点，如「?」改为「？」"),
        '!' => ("半角「!」", "改为全角标点，如「!」改为「！」"),
        '(' => ("半角「(」", "改为全角标点，如「(」改为「（」"),
        _ => ("半角「)」", "改为全角标点，如「)」改为「）」"),
    }
}

/// Every ASCII mark of `text` whose character before or after is `chinese`, with its byte
/// offset. The marks are found byte by byte (an ASCII byte is always a whole character), and only
/// their neighbours are decoded.
fn ascii_marks(text: &str, chinese: impl Fn(Option<char>) -> bool) -> Vec<(usize, char)> {
    // Sixteen bytes at a time: a run with every high bit set (Chinese text, no ASCII byte) holds
    // no mark and is passed at once; the others are looked at byte by byte, one table lookup
    // each, in a plain loop.
    const HIGH: u128 = u128::from_ne_bytes([0x80; 16]);
    let mut found = Vec::new();
    for (n, chunk) in text.as_bytes().chunks(16).enumerate() {
        if let Ok(bytes) = <[u8; 16]>::try_from(chunk) {
            if u128::from_ne_bytes(bytes) & HIGH == HIGH {
                continue;
            }
        }
        for (k, &b) in chunk.iter().enumerate() {
            let i = n * 16 + k;
            if MARK[b as usize]
                && (chinese(text[..i].chars().next_back()) || chinese(text[i + 1..].chars().next()))
            {
                found.push((i, b as char));
            }
        }
    }
    found
}

/// The registry entry (see `registry.rs`).
pub(crate) static INFO: RuleInfo = RuleInfo {
    code: "H-PUNCT",
    severity: Severity::Warning,
    title: "中文正文使用全角标点",
    explain: "检查什么：紧挨汉字或中文标点的半角标点「,」「;」「:」「?」「!」「(」「)」。\n为什么：公文用全角标点（GB/T 15834），半角标点是录入差错，评估中列为文字差错。\n例：「全年受理申请9件,均已办结」。数字中的「1,234」、时间「9:00」、网址不受影响；每段只报告一次，注明个数。\n空单元格：不涉及。",
    empty_cells: EmptyCells::NotApplicable,
    command: Command::Check,
};

impl Rule for AsciiPunct {
    fn info(&self) -> &RuleInfo {
        &INFO
    }
    fn check(&self, report: &Report, out: &mut Vec<Diagnostic>) {
        let chinese = |c: Option<char>| c.is_some_and(|c| is_han(c) || is_chinese_punct(c));
        for (_, p) in paragraphs(report) {
            // One byte scan finds the marks; a page's metadata line is looked at only then.
            let found = ascii_marks(&p.text, chinese);
            let Some(&(first, c)) = found.first() else {
                continue;
            };
            if is_page_metadata(p) {
                continue;
            }
            let span = p.locate(first..first + 1);
            let mut d = Diagnostic::new(
                INFO.code,
                Severity::Warning,
                format!("中文正文中有 {} 处半角标点，第一处是「{c}」", found.len()),
                Some(span),
            )
            .help(texts(c).1);
            d.marks.reserve_exact(found.len().min(5));
            for &(at, c) in found.iter().take(5) {
                d = d.mark(p.locate(at..at + 1), texts(c).0);
            }
            out.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{ascii_marks, texts, ASCII_PUNCT, MARK};
    use crate::check::prose::{is_chinese_punct, is_han};
    use proptest::prelude::*;

    #[test]
    fn each_mark_names_itself_and_its_full_width_form() {
        let full = ['，', '；', '：', '？', '！', '（', '）'];
        for (&b, f) in ASCII_PUNCT.iter().zip(full) {
            let c = b as char;
            assert_eq!(
                texts(c),
                (
                    &*format!("半角「{c}」"),
                    &*format!("改为全角标点，如「{c}」改为「{f}」")
                )
            );
        }
    }

    /// The definition: every character read in order, with the one before and after.
    fn by_characters(text: &str, chinese: impl Fn(Option<char>) -> bool) -> Vec<(usize, char)> {
        let mut found = Vec::new();
        let mut prev: Option<char> = None;
        let mut iter = text.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            let next = iter.peek().map(|&(_, n)| n);
            if c.is_ascii() && MARK[c as usize] && (chinese(prev) || chinese(next)) {
                found.push((i, c));
            }
            prev = Some(c);
        }
        found
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn the_byte_scan_finds_what_the_characters_give(
            chars in prop::collection::vec(prop::sample::select(&[',', ';', ':', '?', '!', '(', ')', 'a', '1', ' ', '公', '开', '，', '。', '（', '“', 'é', '😀', '\u{3000}'][..]), 0..40)
        ) {
            let text: String = chars.into_iter().collect();
            let chinese = |c: Option<char>| c.is_some_and(|c| is_han(c) || is_chinese_punct(c));
            prop_assert_eq!(ascii_marks(&text, chinese), by_characters(&text, chinese));
        }
    }
}
