//! A scoring profile: data, not code. Items with points, the rules or the measure that decide
//! them, how much each finding takes off, a cap, and how an item that cannot be assessed counts.
//! The default profile is `default.toml` next to this file (documented in docs/scoring.md).

use crate::Error;
use gaogen_model::check::Severity;
use gaogen_model::registry;
use serde::Deserialize;

/// The default profile's text.
pub const DEFAULT_PROFILE: &str = include_str!("default.toml");

/// How an item that cannot be assessed counts. Whatever the choice, the output marks the item
/// 「无法评估」.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum NotAssessable {
    /// Left out of the maximum (the score is out of fewer points).
    #[default]
    Exclude,
    /// Counted as 0 points.
    Zero,
    /// Counted as full points.
    Full,
}

impl NotAssessable {
    pub fn chinese(self) -> &'static str {
        match self {
            NotAssessable::Exclude => "不计入满分",
            NotAssessable::Zero => "按 0 分计",
            NotAssessable::Full => "按满分计",
        }
    }
}

/// What decides an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// The diagnostics of the listed rules: `deduct` per finding.
    #[default]
    Findings,
    /// The share of the text carried over from last year's report: `deduct` once above
    /// `threshold`.
    Reuse,
    /// 表四's three 结果纠正 cells: `deduct` per case.
    CorrectedCases,
}

/// The lowest severity that counts as a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum MinSeverity {
    #[default]
    Warning,
    Error,
}

impl MinSeverity {
    pub fn admits(self, s: Severity) -> bool {
        match self {
            MinSeverity::Warning => s >= Severity::Warning,
            MinSeverity::Error => s == Severity::Error,
        }
    }
}

/// One scored item.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: String,
    pub title: String,
    pub points: f64,
    #[serde(default)]
    pub rules: Vec<String>,
    #[serde(default)]
    pub measure: Measure,
    /// Points off per finding (per case for `corrected_cases`, once for `reuse`).
    pub deduct: f64,
    /// `cell`: a finding that names several cells of a row (a row's blank cells, one diagnostic
    /// marking each) takes `deduct` once per cell marked; `finding` (default): once.
    #[serde(default)]
    pub per: Per,
    /// At most this much off (default: the item's points).
    pub cap: Option<f64>,
    /// For `reuse`: the share (0–1) above which the item is deducted.
    pub threshold: Option<f64>,
    #[serde(default)]
    pub severity: MinSeverity,
    /// Needs last year's report (pair rules, reuse); without it the item is not assessable.
    #[serde(default)]
    pub requires_previous: bool,
    #[serde(default)]
    pub not_assessable: NotAssessable,
    /// Where the criterion comes from (for people; not used in scoring).
    #[serde(default)]
    pub basis: Option<String>,
}

impl Item {
    /// Whether a diagnostic code belongs to this item (exact code or a prefix such as `T3`).
    pub fn decided_by(&self, code: &str) -> bool {
        self.rules
            .iter()
            .any(|p| item_matches(p.trim().trim_end_matches('-'), code))
    }

    /// The most this item can lose.
    pub fn cap(&self) -> f64 {
        self.cap.unwrap_or(self.points).min(self.points)
    }
}

/// What one deduction is counted on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Per {
    #[default]
    Finding,
    Cell,
}

/// A whole profile.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub name: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(rename = "item")]
    pub items: Vec<Item>,
}

impl Profile {
    /// The default profile.
    pub fn default_profile() -> Profile {
        Profile::parse("default.toml", DEFAULT_PROFILE).expect("the default profile is valid")
    }

    /// Reads a profile's TOML; every rule named must be registered (or a prefix of one).
    pub fn parse(name: &str, text: &str) -> Result<Profile, Error> {
        let profile: Profile = toml::from_str(text)
            .map_err(|e| Error::Read(format!("错误：评分方案 {name} 无法读取：{}", e.message())))?;
        let mut problems = Vec::new();
        if profile.items.is_empty() {
            problems.push("没有任何评分项（[[item]]）".to_string());
        }
        let mut ids = std::collections::BTreeSet::new();
        for item in &profile.items {
            if !ids.insert(item.id.as_str()) {
                problems.push(format!("评分项 id「{}」重复", item.id));
            }
            if !(item.points.is_finite() && item.points > 0.0) {
                problems.push(format!("评分项「{}」的 points 应为正数", item.id));
            }
            if !(item.deduct.is_finite() && item.deduct >= 0.0) {
                problems.push(format!("评分项「{}」的 deduct 应为非负数", item.id));
            }
            match item.measure {
                Measure::Findings if item.rules.is_empty() => {
                    problems.push(format!("评分项「{}」没有 rules，也没有 measure", item.id))
                }
                Measure::Reuse if !item.threshold.is_some_and(|t| (0.0..=1.0).contains(&t)) => {
                    problems.push(format!(
                        "评分项「{}」（reuse）需要 0 到 1 之间的 threshold",
                        item.id
                    ))
                }
                _ => {}
            }
            for code in &item.rules {
                let p = code.trim().trim_end_matches('-');
                let known = registry::all().any(|r| item_matches(p, r.code));
                if !known {
                    problems.push(format!(
                        "评分项「{}」中的规则「{code}」不存在（gaogen rules 列出全部规则）",
                        item.id
                    ));
                }
            }
        }
        if problems.is_empty() {
            Ok(profile)
        } else {
            Err(Error::Read(format!(
                "错误：评分方案 {name}：{}",
                problems.join("；")
            )))
        }
    }

    /// The maximum if every item is assessable.
    pub fn total_points(&self) -> f64 {
        self.items.iter().map(|i| i.points).sum()
    }
}

fn item_matches(pattern: &str, code: &str) -> bool {
    code.eq_ignore_ascii_case(pattern)
        || (code.len() > pattern.len()
            && code[..pattern.len()].eq_ignore_ascii_case(pattern)
            && code.as_bytes()[pattern.len()] == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_profile_is_valid_and_out_of_100() {
        let p = Profile::default_profile();
        assert_eq!(p.total_points(), 100.0);
        assert!(p.items.iter().any(|i| i.measure == Measure::CorrectedCases));
    }

    #[test]
    fn unknown_rules_and_bad_items_are_named() {
        let bad = "name = \"x\"\n[[item]]\nid = \"a\"\ntitle = \"a\"\npoints = 1\nrules = [\"nope\"]\ndeduct = 1\n";
        let e = Profile::parse("bad.toml", bad).unwrap_err().to_string();
        assert!(e.contains("nope"), "{e}");
        let reuse = "name = \"x\"\n[[item]]\nid = \"a\"\ntitle = \"a\"\npoints = 1\nmeasure = \"reuse\"\ndeduct = 1\n";
        assert!(Profile::parse("r.toml", reuse)
            .unwrap_err()
            .to_string()
            .contains("threshold"));
        let prefix = "name = \"x\"\n[[item]]\nid = \"a\"\ntitle = \"a\"\npoints = 1\nrules = [\"H\", \"T3\"]\ndeduct = 1\n";
        let p = Profile::parse("p.toml", prefix).unwrap();
        assert!(p.items[0].decided_by("H-PUNCT") && p.items[0].decided_by("T3-1"));
        assert!(!p.items[0].decided_by("T2-3"));
    }
}
