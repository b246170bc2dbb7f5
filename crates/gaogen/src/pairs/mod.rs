//! Year pairs across a directory: reports of the same agency (names compared without the
//! enclosing places, `gaogen_model::agency::same_agency`) in consecutive years are paired, so
//! that `check DIR` and `score DIR` run the rules across two years on every pair; and the
//! per-agency year table of the summary.

pub mod compared;

use gaogen_model::agency::{normalized_name, same_agency};
use serde::Serialize;

/// What pairing needs to know of one report.
#[derive(Debug, Clone)]
pub struct Identity {
    pub path: String,
    pub agency: Option<String>,
    pub year: Option<u16>,
}

/// OLD (`previous`, the year before) and NEW, as indexes into the identities.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Pair {
    pub previous: usize,
    pub current: usize,
}

/// One agency's reports by year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AgencyYears {
    /// The longest name written (the most complete).
    pub agency: String,
    /// (year, path), by year then path.
    pub years: Vec<(u16, String)>,
}

/// One year's reports by normalised agency name, and every suffix of those names (so that
/// 「淮安市洪泽区人民政府」 finds 「洪泽区人民政府」 and the reverse without comparing every pair).
#[derive(Default)]
struct YearIndex {
    /// Normalised name → reports, in path order.
    names: std::collections::BTreeMap<String, Vec<usize>>,
    /// Proper suffix → the normalised names ending with it.
    suffixes: std::collections::BTreeMap<String, Vec<String>>,
}

/// The proper suffixes of a name, longest first.
fn suffixes(name: &str) -> impl Iterator<Item = &str> {
    name.char_indices().skip(1).map(move |(i, _)| &name[i..])
}

/// Pairs every report with the report of the same agency one year earlier. When two reports of
/// the earlier year match, the one with the very same name is taken, else the first by path;
/// reports without agency or year are not paired. Names are looked up, not compared pairwise:
/// the cost grows with the number of reports, not its square.
pub fn pair(reports: &[Identity]) -> Vec<Pair> {
    let normalized: Vec<Option<String>> = reports
        .iter()
        .map(|r| r.agency.as_deref().map(normalized_name))
        .collect();
    let mut by_year: std::collections::BTreeMap<u16, YearIndex> = Default::default();
    for (i, r) in reports.iter().enumerate() {
        if let (Some(name), Some(y)) = (&normalized[i], r.year) {
            let index = by_year.entry(y).or_default();
            let list = index.names.entry(name.clone()).or_default();
            if list.is_empty() {
                for s in suffixes(name) {
                    index
                        .suffixes
                        .entry(s.to_string())
                        .or_default()
                        .push(name.clone());
                }
            }
            list.push(i);
        }
    }
    let mut pairs = Vec::new();
    for (i, r) in reports.iter().enumerate() {
        let (Some(agency), Some(name), Some(year)) = (&r.agency, &normalized[i], r.year) else {
            continue;
        };
        let Some(index) = year.checked_sub(1).and_then(|y| by_year.get(&y)) else {
            continue;
        };
        let exact = index.names.get(name).and_then(|list| list.first().copied());
        let chosen = exact.or_else(|| {
            // Earlier names that are a suffix of this one, or end with it; same_agency decides.
            let shorter = suffixes(name).filter_map(|s| index.names.get_key_value(s));
            let longer = index
                .suffixes
                .get(name)
                .into_iter()
                .flatten()
                .filter_map(|n| index.names.get_key_value(n));
            shorter
                .chain(longer)
                .filter(|(other, _)| same_agency(other, agency))
                .flat_map(|(_, list)| list.iter().copied())
                .min_by(|&a, &b| reports[a].path.cmp(&reports[b].path))
        });
        if let Some(j) = chosen {
            pairs.push(Pair {
                previous: j,
                current: i,
            });
        }
    }
    pairs
}

/// The reports grouped by agency (linked by pairs, or by the same name), each with its years.
/// Takes the identities: their paths move into the table instead of being copied (100,000
/// reports' paths are held once).
pub fn agency_years(reports: Vec<Identity>, pairs: &[Pair]) -> Vec<AgencyYears> {
    // Union-find over pairs and equal names.
    let mut parent: Vec<usize> = (0..reports.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let union = |a: usize, b: usize, parent: &mut Vec<usize>| {
        let (ra, rb) = (root(parent, a), root(parent, b));
        if ra != rb {
            parent[ra.max(rb)] = ra.min(rb);
        }
    };
    for p in pairs {
        union(p.previous, p.current, &mut parent);
    }
    let mut by_name: std::collections::BTreeMap<String, usize> = Default::default();
    for (i, r) in reports.iter().enumerate() {
        if let Some(a) = &r.agency {
            match by_name.get(&normalized_name(a)) {
                Some(&j) => union(i, j, &mut parent),
                None => {
                    by_name.insert(normalized_name(a), i);
                }
            }
        }
    }
    let mut groups: std::collections::BTreeMap<usize, AgencyYears> = Default::default();
    for (i, r) in reports.into_iter().enumerate() {
        let g = groups
            .entry(root(&mut parent, i))
            .or_insert_with(|| AgencyYears {
                agency: String::new(),
                years: Vec::new(),
            });
        let name = r.agency.unwrap_or_else(|| "（机关不明）".into());
        if name.chars().count() > g.agency.chars().count() {
            g.agency = name;
        }
        if let Some(y) = r.year {
            g.years.push((y, r.path));
        }
    }
    let mut out: Vec<AgencyYears> = groups.into_values().collect();
    for g in &mut out {
        g.years.sort();
    }
    out.sort_by(|a, b| a.agency.cmp(&b.agency));
    out
}

/// The per-agency year table for people: one line per agency, one column per year.
pub fn year_table(groups: &[AgencyYears]) -> String {
    let mut years: Vec<u16> = groups
        .iter()
        .flat_map(|g| g.years.iter().map(|(y, _)| *y))
        .collect();
    years.sort_unstable();
    years.dedup();
    if years.is_empty() {
        return String::new();
    }
    let mut rows = vec![std::iter::once("机关".to_string())
        .chain(years.iter().map(|y| format!("{y}年")))
        .collect::<Vec<_>>()];
    for g in groups {
        let mut row = vec![g.agency.clone()];
        for y in &years {
            let n = g.years.iter().filter(|(gy, _)| gy == y).count();
            row.push(match n {
                0 => "—".into(),
                1 => "✓".into(),
                n => format!("✓×{n}"),
            });
        }
        rows.push(row);
    }
    let mut out = String::from("各机关的报告年度（相邻两年自动配对比较）\n");
    out.push_str(&crate::table_text::aligned(&rows, "  "));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(path: &str, agency: &str, year: u16) -> Identity {
        Identity {
            path: path.into(),
            agency: Some(agency.into()),
            year: Some(year),
        }
    }

    fn pairs_of(indexes: &[(usize, usize)]) -> Vec<Pair> {
        indexes
            .iter()
            .map(|&(previous, current)| Pair { previous, current })
            .collect()
    }

    #[test]
    fn consecutive_years_of_one_agency_pair() {
        let reports = [
            id("a/2023.pdf", "洪泽区人民政府", 2023),
            id("a/2024.pdf", "淮安市洪泽区人民政府", 2024),
            id("b/2024.txt", "淮安市人民政府", 2024),
            id("c/2022.txt", "文峰乡", 2022),
            id("c/2024.txt", "文峰乡", 2024),
        ];
        let pairs = pair(&reports);
        assert_eq!(pairs, pairs_of(&[(0, 1)]));
        let groups = agency_years(reports.to_vec(), &pairs);
        assert_eq!(groups.len(), 3);
        let hongze = groups
            .iter()
            .find(|g| g.agency == "淮安市洪泽区人民政府")
            .unwrap();
        assert_eq!(hongze.years.len(), 2);
        let wenfeng = groups.iter().find(|g| g.agency == "文峰乡").unwrap();
        assert_eq!(
            wenfeng.years.len(),
            2,
            "same name, a year skipped: one agency, no pair"
        );
        let table = year_table(&groups);
        assert!(table.contains("2022年") && table.contains("文峰乡"));
    }

    #[test]
    fn enclosing_places_either_way_and_the_same_name_first() {
        let reports = [
            id("x/2023.pdf", "淮安市洪泽区人民政府", 2023),
            id("y/2024.pdf", "洪泽区人民政府", 2024),
            id("a/2023.txt", "人民政府", 2023),
            id("b/2024.txt", "县人民政府", 2024),
            id("c/2023.txt", "青禾县白石镇人民政府", 2023),
            id("d/2023.txt", "白石镇人民政府", 2023),
            id("e/2024.txt", "白石镇人民政府", 2024),
        ];
        let pairs = pair(&reports);
        assert_eq!(
            pairs,
            pairs_of(&[(0, 1), (5, 6)]),
            "the longer name of 2023 pairs with the shorter of 2024; a bare 人民政府 pairs with nothing; the very same name wins over the first by path"
        );
    }
}
