//! Bytes → text: BOMs, UTF-8, UTF-16 with BOM, GB18030/GBK detected; binary and oversized input
//! refused with a reason.

use encoding_rs::{Encoding, GB18030, UTF_8};

/// Larger inputs are refused: a real report is well under 1 MiB of text.
pub const MAX_INPUT_BYTES: usize = 32 * 1024 * 1024;

/// Why an input cannot be read as a report at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InputError {
    #[error("文件为空，没有可读取的内容")]
    Empty,
    #[error("文件过大（{size} 字节，上限 {limit} 字节），不像是一份年度报告")]
    TooLarge { size: usize, limit: usize },
    #[error("文件是二进制数据，不是文本、网页、PDF 或 Word 文档（第 {} 字节处有控制字符）", offset + 1)]
    Binary { offset: usize },
    #[error("Word 文档展开后的文字超过 {limit} 字节的上限（合并单元格或重复内容过多），不像是一份年度报告")]
    TooMuchText { limit: usize },
    #[error("文件是 zip 压缩包，但不是 Word 文档（.docx），或文档已损坏")]
    NotDocx,
    #[error("无法识别文件编码：既不是 UTF-8、UTF-16，也不是 GB18030/GBK（按 {encoding} 读到第 {} 字节处无法解码）", offset + 1)]
    UnknownEncoding {
        /// Byte offset (from 0) where the most likely encoding broke.
        offset: usize,
        encoding: &'static str,
    },
}

/// The text with every control character a terminal or an XML file could choke on (C0 and C1
/// controls other than tab, line ends and form feed; DEL; U+FFFE and U+FFFF) replaced by U+FFFD.
/// Text decoded from HTML character references, Word XML and PDF goes through it, so no escape
/// sequence from an input ever reaches a terminal or an output file.
pub fn clean_controls(text: &str) -> std::borrow::Cow<'_, str> {
    let bad = |c: char| matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{e}'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{fffe}' | '\u{ffff}');
    if !text.contains(bad) {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(
        text.chars()
            .map(|c| if bad(c) { '\u{fffd}' } else { c })
            .collect(),
    )
}

/// Decoded text and what was noticed on the way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// `UTF-8`, `UTF-16LE`, `UTF-16BE`, `GB18030`.
    pub encoding: &'static str,
    /// The input ended inside a character (a cut-off file); the partial character was dropped.
    pub truncated: bool,
}

/// Decodes report bytes, detecting the encoding.
pub fn decode(bytes: &[u8]) -> Result<Decoded, InputError> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(InputError::TooLarge {
            size: bytes.len(),
            limit: MAX_INPUT_BYTES,
        });
    }
    // UTF-16 without a BOM has zero bytes, and so has binary data; text has none (one fast scan).
    let zero = memchr::memchr(0, bytes);
    let (decoded, truncated) = if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        decode_strict(encoding, &bytes[bom..])?
    } else if let Some(encoding) = zero.and_then(|_| utf16_without_bom(bytes)) {
        decode_strict(encoding, bytes)?
    } else if let Some(offset) = zero {
        return Err(InputError::Binary { offset });
    } else {
        // SIMD validation for the common case; std's for the place of an error.
        let utf8 = match simdutf8::basic::from_utf8(bytes) {
            Ok(text) => Ok(text),
            Err(_) => std::str::from_utf8(bytes),
        };
        match utf8 {
            Ok(text) => ((text.to_string(), UTF_8.name()), false),
            Err(e) if e.error_len().is_none() => {
                // Valid UTF-8 cut off inside the last character.
                let text = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
                ((text.to_string(), UTF_8.name()), true)
            }
            Err(e) => match decode_strict(GB18030, bytes) {
                Ok(ok) => ok,
                // Mostly UTF-8 with one bad byte: say where UTF-8 broke, not where GB18030 did.
                Err(InputError::UnknownEncoding { offset, .. }) if e.valid_up_to() >= offset => {
                    return Err(InputError::UnknownEncoding {
                        offset: e.valid_up_to(),
                        encoding: "UTF-8",
                    })
                }
                Err(other) => return Err(other),
            },
        }
    };
    let (text, encoding) = decoded;
    accept(text, encoding, truncated)
}

/// Decoded text that is a report's text: not binary, not empty.
fn accept(text: String, encoding: &'static str, truncated: bool) -> Result<Decoded, InputError> {
    if let Some(offset) = binary_control_at(&text) {
        return Err(InputError::Binary { offset });
    }
    if text.trim().is_empty() {
        return Err(InputError::Empty);
    }
    Ok(Decoded {
        text,
        encoding,
        truncated,
    })
}

type Text = (String, &'static str);

/// From this size, UTF-8 bytes become the text without a copy, validated by std (slower than the
/// SIMD check, which needs the copy): a large input is then held once, and no freed buffer the
/// size of the input raises glibc's thresholds for returning memory.
const OWNED_FROM: usize = 1 << 20;

/// [`decode()`] taking the bytes: a large UTF-8 input without a BOM becomes the text as it is.
pub fn decode_owned(bytes: Vec<u8>) -> Result<Decoded, InputError> {
    if bytes.len() < OWNED_FROM
        || bytes.len() > MAX_INPUT_BYTES
        || Encoding::for_bom(&bytes).is_some()
        || memchr::memchr(0, &bytes).is_some()
    {
        return decode(&bytes);
    }
    match String::from_utf8(bytes) {
        Ok(text) => accept(text, UTF_8.name(), false),
        Err(e) => decode(e.as_bytes()),
    }
}

/// UTF-16 saved without a byte order mark: line ends, digits and ASCII punctuation put a zero
/// byte in every other position, and only there.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 16 {
        return None;
    }
    let pairs = bytes.len() / 2;
    let text_byte = |b: u8| matches!(b, b'\t' | b'\n' | b'\r' | 0x20..=0x7e);
    // (zero bytes, of which beside a printable ASCII byte) on each side.
    let (mut even, mut odd) = ((0usize, 0usize), (0usize, 0usize));
    for pair in bytes.chunks_exact(2) {
        if pair[0] == 0 {
            even.0 += 1;
            even.1 += usize::from(text_byte(pair[1]));
        }
        if pair[1] == 0 {
            odd.0 += 1;
            odd.1 += usize::from(text_byte(pair[0]));
        }
    }
    // Zeros on one side only, enough of them (a report has many digits and line ends), and
    // nearly all beside ASCII text.
    let enough = pairs / 20 + 1;
    let text_like = |(zeros, ascii): (usize, usize)| zeros >= enough && ascii * 10 >= zeros * 9;
    if text_like(odd) && even.0 * 4 <= odd.0 {
        Some(encoding_rs::UTF_16LE)
    } else if text_like(even) && odd.0 * 4 <= even.0 {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

fn decode_strict(encoding: &'static Encoding, bytes: &[u8]) -> Result<(Text, bool), InputError> {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len() * 3);
    let mut out = String::with_capacity(capacity);
    let (result, read) = decoder.decode_to_string_without_replacement(bytes, &mut out, true);
    match result {
        encoding_rs::DecoderResult::InputEmpty => Ok(((out, name(encoding)), false)),
        encoding_rs::DecoderResult::Malformed(bad, _) => {
            let offset = read.saturating_sub(bad as usize);
            // A multi-byte character cut off by the end of the file is a truncation, not garbage.
            if read == bytes.len() && offset + 4 >= bytes.len() && encoding != GB18030 {
                Ok(((out, name(encoding)), true))
            } else {
                Err(InputError::UnknownEncoding {
                    offset,
                    encoding: name(encoding),
                })
            }
        }
        encoding_rs::DecoderResult::OutputFull => Err(InputError::UnknownEncoding {
            offset: read,
            encoding: name(encoding),
        }),
    }
}

fn name(encoding: &'static Encoding) -> &'static str {
    if encoding == GB18030 {
        "GB18030"
    } else {
        encoding.name()
    }
}

/// Byte offset of the first control character no text report contains (tab, line ends and form
/// feed are fine), or of U+FFFD (a decoding that already failed once). Scans bytes: C0 controls
/// are single bytes, C1 controls start with 0xC2, U+FFFD with 0xEF.
fn binary_control_at(text: &str) -> Option<usize> {
    /// C0 controls other than tab, line ends and form feed, and DEL.
    fn is_control(b: u8) -> bool {
        (b < 0x20 && !matches!(b, 0x09 | 0x0a | 0x0c | 0x0d)) || b == 0x7f
    }
    let bytes = text.as_bytes();
    // A block is tested whole, without an early exit, which the compiler turns into vector
    // instructions; only a block holding a control is searched byte by byte.
    const BLOCK: usize = 64;
    let control = bytes.chunks(BLOCK).enumerate().find_map(|(k, block)| {
        block
            .iter()
            .fold(false, |any, &b| any | is_control(b))
            .then(|| block.iter().position(|&b| is_control(b)))
            .flatten()
            .map(|i| k * BLOCK + i)
    });
    // C1 controls (U+0080–U+009F, but U+0085, a line end) are 0xC2 and a byte 0x80–0x9F.
    let c1 = memchr::memchr_iter(0xc2, bytes).find(|&i| {
        bytes
            .get(i + 1)
            .is_some_and(|&n| (0x80..=0x9f).contains(&n) && n != 0x85)
    });
    let replacement = memchr::memmem::find(bytes, "\u{fffd}".as_bytes());
    [control, c1, replacement].into_iter().flatten().min()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_encodings() {
        let text = "一、总体情况\r\n规章\t0\n";
        assert_eq!(decode(text.as_bytes()).unwrap().encoding, "UTF-8");
        let (gb, _, _) = GB18030.encode(text);
        let d = decode(&gb).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (text, "GB18030"));
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
        assert_eq!(decode(&utf16).unwrap().text, text);
        let mut bom8 = vec![0xEF, 0xBB, 0xBF];
        bom8.extend_from_slice(text.as_bytes());
        assert_eq!(decode(&bom8).unwrap().text, text);
    }

    #[test]
    fn taking_the_bytes_decodes_as_borrowing_them() {
        // Large inputs take the owned path; each kind of input decodes the same either way.
        let line = "一、总体情况 规章\t0 政府信息公开\n".repeat(23_000);
        let big = line.as_bytes().to_vec();
        assert!(big.len() >= OWNED_FROM);
        let with = |at: usize, bytes: &[u8]| {
            let mut v = big.clone();
            v.splice(at..at, bytes.iter().copied());
            v
        };
        let (gb, _, _) = GB18030.encode(&line);
        let cases = vec![
            big.clone(),
            with(big.len() / 2, &[0xFF]),
            with(big.len() / 2, &[0x01]),
            with(big.len() / 2, &[0x00]),
            with(0, &[0xEF, 0xBB, 0xBF]),
            with(big.len(), &"总".as_bytes()[..2]),
            vec![b' '; OWNED_FROM + 1],
            gb.into_owned(),
            vec![b'a'; MAX_INPUT_BYTES + 1],
            b"small".to_vec(),
        ];
        for bytes in cases {
            assert_eq!(
                decode_owned(bytes.clone()),
                decode(&bytes),
                "{} bytes",
                bytes.len()
            );
        }
    }

    #[test]
    fn refuses_what_is_not_text() {
        assert_eq!(decode(b""), Err(InputError::Empty));
        assert_eq!(decode(b" \n\n"), Err(InputError::Empty));
        assert!(matches!(
            decode(b"%PDF-1.7\n\x00\x01\x02"),
            Err(InputError::Binary { .. })
        ));
        assert!(matches!(
            decode(&[0x81, 0x30, 0xFF, 0xFF, 0x41]),
            Err(InputError::UnknownEncoding { .. })
        ));
    }

    #[test]
    fn utf16_without_bom_and_utf8_error_offsets() {
        let text = "一、总体情况\n2023年，新收申请13件。\n表三\t10\t2\t0\n".repeat(5);
        let le: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        assert_eq!(decode(&le).unwrap().text, text);
        assert_eq!(decode(&be).unwrap().encoding, encoding_rs::UTF_16BE.name());
        let mut bad = "报告正文".repeat(300).into_bytes();
        bad[3000] = 0xFF;
        assert_eq!(
            decode(&bad),
            Err(InputError::UnknownEncoding {
                offset: 3000,
                encoding: "UTF-8"
            })
        );
    }

    #[test]
    fn controls_are_replaced() {
        assert_eq!(
            clean_controls("a\u{1b}]0;x\u{7}b\tc"),
            "a\u{fffd}]0;x\u{fffd}b\tc"
        );
        assert!(matches!(
            clean_controls("报告\n"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn cut_off_utf8_is_truncated_not_garbage() {
        let text = "报告";
        let d = decode(&text.as_bytes()[..5]).unwrap();
        assert_eq!((d.text.as_str(), d.truncated), ("报", true));
    }

    proptest::proptest! {
        /// The scans find the first refused character that a per-byte test finds.
        #[test]
        fn control_scan_equals_its_definition(
            text in "[a-z一，。\t\n\r\u{0c}\u{0}-\u{1f}\u{7f}\u{80}-\u{a0}\u{85}\u{fffd}\u{fffe}]{0,24}[a-z一，。\t\n]{0,90}[a-z\u{0}-\u{1f}\u{7f}]{0,3}",
        ) {
            let bytes = text.as_bytes();
            let naive = bytes.iter().enumerate().find_map(|(i, &b)| {
                let bad = match b {
                    b'\t' | b'\n' | b'\r' | 0x0c => false,
                    0x00..=0x1f | 0x7f => true,
                    0xc2 => bytes
                        .get(i + 1)
                        .is_some_and(|&n| (0x80..=0x9f).contains(&n) && n != 0x85),
                    0xef => bytes.get(i + 1..i + 3) == Some(&[0xbf, 0xbd]),
                    _ => false,
                };
                bad.then_some(i)
            });
            proptest::prop_assert_eq!(binary_control_at(&text), naive);
        }
    }
}
