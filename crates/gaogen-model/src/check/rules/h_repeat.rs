use crate::check::prose::{is_han, paragraphs};
use crate::check::{Diagnostic, EmptyCells, Rule, Severity};
use crate::registry::{Command, RuleInfo};
use crate::Report;

/// H-REPEAT: a word written twice in a row (「政府信息政府信息」, 「的的」).
///
/// Why: duplicated words are typing or pasting errors evaluators list among text errors.
/// Example: 「全年公开公开政府信息 203 条」. Reduplication is Chinese grammar and not reported: a
/// single character doubled is reported only for function words (的、了、和、与、及、在、对、将 …)
/// and never inside an AABB form (「实实在在」, 「的的确确」).
/// Empty cells: not applicable.
#[derive(Debug)]
pub(crate) struct Repeat;
pub(crate) static H_REPEAT: Repeat = Repeat;

/// Characters that never double in good Chinese.
const FUNCTION_CHARS: &[char] = &[
    '的', '了', '和', '与', '及', '在', '对', '将', '把', '被', '从', '于', '并', '为', '其', '已',
    '向', '以', '按', '由', '等', '或',
];

/// The length in characters of a word repeated at `i` (2–6 characters, or a doubled function
/// character), if any.
fn repeated_at(chars: &[char], i: usize) -> Option<usize> {
    let n = chars.len();
    // Every repetition found starts with a Chinese character (a word, or a function character).
    if !is_han(chars[i]) {
        return None;
    }
    for k in (2..=6).rev() {
        // The first characters compared alone first: most positions fail there.
        if i + 2 * k <= n
            && chars[i + k] == chars[i]
            && chars[i..i + k] == chars[i + k..i + 2 * k]
            && chars[i..i + 2 * k].iter().all(|&c| is_han(c))
        {
            return Some(k);
        }
    }
    let c = chars[i];
    if i + 1 >= n || chars[i + 1] != c {
        return None;
    }
    let doubled = FUNCTION_CHARS.contains(&c);
    let aabb_before = i >= 2 && chars[i - 2] == chars[i - 1];
    let aabb_after = i + 3 < n && chars[i + 2] == chars[i + 3];
    let tripled = i + 2 < n && chars[i + 2] == c;
    // 「等等」 closing a list is a word.
    let dengdeng = c == '等' && chars.get(i + 2).is_none_or(|&c| !is_han(c));
    (doubled && !aabb_before && !aabb_after && !tripled && !dengdeng).then_some(1)
}

/// Marks (1) in `near` every position whose character comes again within the next 6 characters:
/// the only positions where [`repeated_at`] can find a repetition. Comparing whole slices, one
/// distance at a time, is what the compiler turns into vector instructions; bytes, so that the
/// marks are found with `memchr`.
fn near_repeats(chars: &[char], near: &mut Vec<u8>) {
    near.clear();
    near.resize(chars.len(), 0);
    for k in 1..=6.min(chars.len()) {
        let (head, tail) = (&chars[..chars.len() - k], &chars[k..]);
        for ((n, a), b) in near.iter_mut().zip(head).zip(tail) {
            *n |= u8::from(a == b);
        }
    }
}

/// The registry entry (see `registry.rs`).
pub(crate) static INFO: RuleInfo = RuleInfo {
    code: "H-REPEAT",
    severity: Severity::Warning,
    title: "正文中没有重复的字词",
    explain: "检查什么：正文中是否有连续重复的词（2 至 6 个汉字的词紧接着再写一遍，如「公开公开」「政府信息政府信息」），以及重复的虚词（「的的」「和和」）。\n为什么：重复字词是录入或粘贴错误，评估中列为文字差错。\n例：「全年公开公开政府信息 203 条」。叠词是正常语法，不报告：单字重叠只查虚词，且「实实在在」「的的确确」这类 AABB 形式不算。\n空单元格：不涉及。",
    empty_cells: EmptyCells::NotApplicable,
    command: Command::Check,
};

impl Rule for Repeat {
    fn info(&self) -> &RuleInfo {
        &INFO
    }
    fn check(&self, report: &Report, out: &mut Vec<Diagnostic>) {
        // Characters only (4 bytes each), one buffer for every paragraph; byte offsets are
        // counted only up to each repetition found.
        let mut chars: Vec<char> = Vec::new();
        let mut near: Vec<u8> = Vec::new();
        let width = |run: &[char]| run.iter().map(|c| c.len_utf8()).sum::<usize>();
        for (_, p) in paragraphs(report) {
            chars.clear();
            chars.extend(p.text.chars());
            near_repeats(&chars, &mut near);
            // `start` is the byte offset of `chars[counted]`.
            let (mut i, mut counted, mut start) = (0, 0, 0);
            while let Some(skip) = memchr::memchr(1, &near[i..]) {
                i += skip;
                let Some(k) = repeated_at(&chars, i) else {
                    i += 1;
                    continue;
                };
                start += width(&chars[counted..i]);
                let end = start + width(&chars[i..i + 2 * k]);
                let word: String = chars[i..i + k].iter().collect();
                let span = p.locate(start..end);
                out.push(
                    Diagnostic::new(
                        INFO.code,
                        Severity::Warning,
                        format!("「{word}」连续写了两遍：「{}」", &p.text[start..end]),
                        Some(span),
                    )
                    .mark(span, "重复")
                    .help(format!("删去多余的「{word}」")),
                );
                start = end;
                i += 2 * k;
                counted = i;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{near_repeats, repeated_at};
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        /// Skipping the positions `near_repeats` leaves unmarked loses no repetition.
        #[test]
        fn every_repetition_starts_at_a_marked_position(
            chars in prop::collection::vec(prop::sample::select(&['的', '公', '开', '实', '在', '等', 'a', '1', '，'][..]), 0..40)
        ) {
            let mut near = Vec::new();
            near_repeats(&chars, &mut near);
            prop_assert_eq!(near.len(), chars.len());
            for (i, &marked) in near.iter().enumerate() {
                if repeated_at(&chars, i).is_some() {
                    prop_assert!(marked == 1, "{:?} at {}", chars, i);
                }
            }
        }
    }
}
