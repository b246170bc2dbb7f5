//! A bound on attributes per tag. html5ever compares each new attribute with every earlier one of
//! the same tag (duplicates are dropped), so one tag with 80,000 attributes costs seconds: past
//! [`MAX_ATTRIBUTES`] the rest of a tag is blanked before tokenizing. Blanking keeps every byte's
//! position and every line end, so line numbers and the source lines used for columns still
//! agree with the page.

use std::borrow::Cow;

/// No real tag has more (a Word export's `<td>` has a handful).
pub(super) const MAX_ATTRIBUTES: usize = 256;

/// The page with attributes past [`MAX_ATTRIBUTES`] in any tag blanked.
pub(super) fn cap_attributes(page: &str) -> Cow<'_, str> {
    let bytes = page.as_bytes();
    let mut blanks: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while let Some(lt) = memchr(b'<', &bytes[i..]) {
        i += lt + 1;
        if !bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        // Tag name.
        while i < bytes.len()
            && !matches!(bytes[i], b' ' | b'\t' | b'\n' | b'\r' | 0x0c | b'/' | b'>')
        {
            i += 1;
        }
        let mut count = 0;
        loop {
            while i < bytes.len() && matches!(bytes[i], b' ' | b'\t' | b'\n' | b'\r' | 0x0c | b'/')
            {
                i += 1;
            }
            if i >= bytes.len() || bytes[i] == b'>' {
                break;
            }
            count += 1;
            if count > MAX_ATTRIBUTES {
                let start = i;
                while i < bytes.len() && bytes[i] != b'>' {
                    match bytes[i] {
                        q @ (b'"' | b'\'') => {
                            i += 1;
                            while i < bytes.len() && bytes[i] != q {
                                i += 1;
                            }
                            i += 1;
                        }
                        _ => i += 1,
                    }
                }
                blanks.push((start, i.min(bytes.len())));
                break;
            }
            // Name, then an optional `= value`.
            while i < bytes.len()
                && !matches!(
                    bytes[i],
                    b' ' | b'\t' | b'\n' | b'\r' | 0x0c | b'/' | b'>' | b'='
                )
            {
                i += 1;
            }
            while i < bytes.len() && matches!(bytes[i], b' ' | b'\t' | b'\n' | b'\r' | 0x0c) {
                i += 1;
            }
            if bytes.get(i) != Some(&b'=') {
                continue;
            }
            i += 1;
            while i < bytes.len() && matches!(bytes[i], b' ' | b'\t' | b'\n' | b'\r' | 0x0c) {
                i += 1;
            }
            match bytes.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    i += 1;
                    while i < bytes.len() && bytes[i] != q {
                        i += 1;
                    }
                    i += 1;
                }
                _ => {
                    while i < bytes.len()
                        && !matches!(bytes[i], b' ' | b'\t' | b'\n' | b'\r' | 0x0c | b'>')
                    {
                        i += 1;
                    }
                }
            }
        }
        if i >= bytes.len() {
            break;
        }
    }
    if blanks.is_empty() {
        return Cow::Borrowed(page);
    }
    let mut out = bytes.to_vec();
    for (start, end) in blanks {
        for b in &mut out[start..end] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    }
    // Whole characters were replaced byte by byte with ASCII: still UTF-8.
    Cow::Owned(
        String::from_utf8(out)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
    )
}

fn memchr(needle: u8, haystack: &[u8]) -> Option<usize> {
    haystack.iter().position(|&b| b == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_keep_their_first_attributes() {
        let page = "<td rowspan=2 colspan=\"3\">x</td>";
        assert!(matches!(cap_attributes(page), Cow::Borrowed(_)));
        let many: String = (0..300).map(|i| format!(" a{i}=\"v>\"")).collect();
        let page = format!("<div{many}>\n<p>正文</p>");
        let capped = cap_attributes(&page);
        assert_eq!(capped.len(), page.len());
        assert!(capped.contains(" a255=\"v>\"") && !capped.contains("a256"));
        assert!(capped.ends_with(">\n<p>正文</p>"));
    }
}
