//! Agencies: what kind of body published a report (it decides the legal deadline and whether
//! 条例第五十条's 工作考核、社会评议和责任追究 part is required), and whether two written names
//! name the same agency (for pairing years).

use crate::label::normalize;
use serde::Serialize;

/// The kind of body, as 条例第四十九、五十条 distinguish them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AgencyKind {
    /// A people's government at county level or above (县、区、市、州、省人民政府): report by
    /// 31 March.
    CountyGovernment,
    /// A township-level people's government (乡、镇人民政府, 街道办事处): report by 31 January.
    TownshipGovernment,
    /// A department or other administrative body (局、委、办 …): report by 31 January.
    Department,
}

impl AgencyKind {
    /// 「县级以上人民政府」, 「乡镇人民政府（街道）」, 「部门」.
    pub fn chinese(self) -> &'static str {
        match self {
            AgencyKind::CountyGovernment => "县级以上人民政府",
            AgencyKind::TownshipGovernment => "乡镇人民政府（街道）",
            AgencyKind::Department => "部门",
        }
    }

    /// Month and day of the legal deadline in the year after the report year (条例第四十九条).
    pub fn deadline(self) -> (u8, u8) {
        match self {
            AgencyKind::CountyGovernment => (3, 31),
            AgencyKind::TownshipGovernment | AgencyKind::Department => (1, 31),
        }
    }

    /// Whether 条例第五十条 asks for 工作考核、社会评议和责任追究结果 (各级人民政府).
    pub fn is_government(self) -> bool {
        matches!(
            self,
            AgencyKind::CountyGovernment | AgencyKind::TownshipGovernment
        )
    }

    /// Parses `county-government`, `township-government`, `department` (and the Chinese names).
    pub fn parse(text: &str) -> Option<AgencyKind> {
        match text.trim() {
            "county-government" | "county_government" | "县级以上人民政府" | "政府" => {
                Some(AgencyKind::CountyGovernment)
            }
            "township-government" | "township_government" | "乡镇人民政府" | "乡镇" | "街道" => {
                Some(AgencyKind::TownshipGovernment)
            }
            "department" | "部门" => Some(AgencyKind::Department),
            _ => None,
        }
    }
}

/// Endings of a department's name: the body is not a people's government itself.
const DEPARTMENT_ENDINGS: &[&str] = &[
    "办公室",
    "办公厅",
    "办",
    "局",
    "委员会",
    "委",
    "厅",
    "中心",
    "所",
    "院",
    "队",
    "站",
    "部",
    "署",
    "会",
    "处",
    "科",
    "司",
];

/// The kind of agency a written name denotes, when the name tells.
///
/// 「淮安市洪泽区人民政府」 → county level or above; 「白石镇人民政府」, 「文峰乡」,
/// 「新华街道办事处」 → township level; 「洪泽区教育局」, 「区政府办公室」 → department.
pub fn infer_kind(name: &str) -> Option<AgencyKind> {
    let n = normalize(name);
    if n.is_empty() {
        return None;
    }
    if n.ends_with("街道办事处") || n.ends_with("街道") {
        return Some(AgencyKind::TownshipGovernment);
    }
    let place = n
        .strip_suffix("人民政府")
        .or_else(|| n.strip_suffix("政府"));
    if let Some(place) = place {
        return match place.chars().last() {
            Some('乡' | '镇') => Some(AgencyKind::TownshipGovernment),
            Some('省' | '市' | '区' | '县' | '旗' | '州' | '盟') => {
                Some(AgencyKind::CountyGovernment)
            }
            _ => None,
        };
    }
    if n.ends_with('乡') || n.ends_with('镇') {
        return Some(AgencyKind::TownshipGovernment);
    }
    if DEPARTMENT_ENDINGS.iter().any(|e| n.ends_with(e)) {
        return Some(AgencyKind::Department);
    }
    None
}

/// The comparison form of an agency's name (normalised label form).
pub fn normalized_name(name: &str) -> String {
    normalize(name).into_owned()
}

/// Whether two written names name the same agency: equal, or one is the other with the
/// enclosing places written in front (「洪泽区人民政府」 and 「淮安市洪泽区人民政府」).
/// The shorter name must still name a place (a place name ending in 省、市、区、县、乡、镇 … after
/// at least one character), so that a bare 「人民政府」 or 「教育局」 matches nothing.
pub fn same_agency(a: &str, b: &str) -> bool {
    let (a, b) = (normalize(a), normalize(b));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    let names_place = short.chars().skip(1).any(|c| {
        matches!(
            c,
            '省' | '市' | '区' | '县' | '旗' | '州' | '盟' | '乡' | '镇' | '街'
        )
    });
    names_place && long.ends_with(&**short)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_from_names() {
        let cases = [
            ("淮安市洪泽区人民政府", Some(AgencyKind::CountyGovernment)),
            ("淮安市人民政府", Some(AgencyKind::CountyGovernment)),
            (
                "和田县吾宗肖乡人民政府",
                Some(AgencyKind::TownshipGovernment),
            ),
            ("青禾县白石镇人民政府", Some(AgencyKind::TownshipGovernment)),
            ("文峰乡", Some(AgencyKind::TownshipGovernment)),
            ("新华街道办事处", Some(AgencyKind::TownshipGovernment)),
            ("洪泽区教育局", Some(AgencyKind::Department)),
            ("淮安市人民政府办公室", Some(AgencyKind::Department)),
            ("青禾县发展和改革委员会", Some(AgencyKind::Department)),
            ("某某", None),
        ];
        for (name, kind) in cases {
            assert_eq!(infer_kind(name), kind, "{name}");
        }
    }

    #[test]
    fn deadlines_follow_article_49() {
        assert_eq!(AgencyKind::CountyGovernment.deadline(), (3, 31));
        assert_eq!(AgencyKind::Department.deadline(), (1, 31));
        assert_eq!(AgencyKind::TownshipGovernment.deadline(), (1, 31));
        assert!(AgencyKind::TownshipGovernment.is_government());
        assert!(!AgencyKind::Department.is_government());
    }

    #[test]
    fn same_agency_with_enclosing_places() {
        assert!(same_agency("洪泽区人民政府", "淮安市洪泽区人民政府"));
        assert!(same_agency("文峰乡", "某县文峰乡"));
        assert!(!same_agency("洪泽区人民政府", "淮安市人民政府"));
        assert!(!same_agency("人民政府", "淮安市人民政府"));
        assert!(!same_agency("教育局", "洪泽区教育局"));
        assert!(!same_agency("市场监督管理局", "淮安市市场监督管理局"));
        assert!(!same_agency("", ""));
    }
}
