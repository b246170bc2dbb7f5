//! Cells run together (crawler text of table pages): 「一、本年新收政府信息公开申请数量 453001049」.
//! A digit run is split into the row's cells only when the table's sums make the split unique:
//! each group's last cell (总计) is the sum of the others.

/// Longest cell accepted in a split (a count of up to a billion).
const MAX_CELL_DIGITS: usize = 10;

/// The one way to cut `digits` into `groups` groups of `size` cells where each group's last
/// cell is the sum of the others (byte ranges); `Err(n)` with the number of ways (0 or 2 = more
/// than one) otherwise. A cell never starts with 0 unless it is 「0」.
pub(super) fn split_run(
    digits: &str,
    groups: usize,
    size: usize,
) -> Result<Vec<(usize, usize)>, usize> {
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(0);
    }
    let mut found = Vec::new();
    let mut current = Vec::with_capacity(groups * size);
    let mut count = 0;
    search(
        digits.as_bytes(),
        0,
        groups,
        size,
        &mut current,
        &mut found,
        &mut count,
    );
    if count == 1 {
        Ok(found)
    } else {
        Err(count.min(2))
    }
}

fn cell_value(bytes: &[u8]) -> Option<u64> {
    if bytes.is_empty() || bytes.len() > MAX_CELL_DIGITS || (bytes.len() > 1 && bytes[0] == b'0') {
        return None;
    }
    Some(
        bytes
            .iter()
            .fold(0u64, |a, &b| a * 10 + u64::from(b - b'0')),
    )
}

/// Depth-first over cut positions, group by group, counting solutions up to two.
fn search(
    bytes: &[u8],
    at: usize,
    groups: usize,
    size: usize,
    current: &mut Vec<(usize, usize)>,
    found: &mut Vec<(usize, usize)>,
    count: &mut usize,
) {
    if *count >= 2 {
        return;
    }
    let cells_left = groups * size - current.len();
    if cells_left == 0 {
        if at == bytes.len() {
            *count += 1;
            *found = current.clone();
        }
        return;
    }
    let rest = bytes.len() - at;
    if rest < cells_left || rest > cells_left * MAX_CELL_DIGITS {
        return;
    }
    let in_group = current.len() % size;
    for len in 1..=MAX_CELL_DIGITS.min(rest) {
        let Some(v) = cell_value(&bytes[at..at + len]) else {
            if len == 1 {
                return;
            }
            continue;
        };
        if in_group == size - 1 {
            let start = current.len() - in_group;
            let sum: u64 = current[start..]
                .iter()
                .map(|&(s, e)| cell_value(&bytes[s..e]).unwrap_or(0))
                .sum();
            if sum != v {
                continue;
            }
        }
        current.push((at, at + len));
        search(bytes, at + len, groups, size, current, found, count);
        current.pop();
        if bytes[at] == b'0' {
            // 「0」 only: a longer cell would start with 0.
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(digits: &str, groups: usize, size: usize) -> Result<Vec<&str>, usize> {
        split_run(digits, groups, size).map(|r| r.iter().map(|&(s, e)| &digits[s..e]).collect())
    }

    #[test]
    fn the_sums_make_the_split_unique() {
        assert_eq!(
            cells("453001049", 1, 7),
            Ok(vec!["45", "3", "0", "0", "1", "0", "49"])
        );
        assert_eq!(cells("0000000", 1, 7), Ok(vec!["0"; 7]));
        assert_eq!(
            cells("1000001", 1, 7),
            Ok(vec!["1", "0", "0", "0", "0", "0", "1"])
        );
        // 表四: 2 0 1 0 3 | 0 1 0 0 1 | 1 0 0 0 1.
        assert_eq!(
            cells("201030100110001", 3, 5),
            Ok(vec![
                "2", "0", "1", "0", "3", "0", "1", "0", "0", "1", "1", "0", "0", "0", "1"
            ])
        );
    }

    #[test]
    fn several_splits_or_none_are_refused() {
        assert_eq!(cells("11", 1, 7), Err(0));
        assert_eq!(cells("1234567", 1, 7), Err(0));
        // 「1 10 0 0 0 0 11」 and 「11 0 0 0 0 0 11」 both add up.
        assert_eq!(cells("110000011", 1, 7), Err(2));
    }
}
