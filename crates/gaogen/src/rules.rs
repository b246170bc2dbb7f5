//! The rule list (`gaogen rules`), read from the one registry: text for people, JSON for
//! machines.

use gaogen_model::check::EmptyCells;
use gaogen_model::registry::{self, Command, RuleInfo};

fn empty_cells(e: EmptyCells) -> &'static str {
    match e {
        EmptyCells::NotAssessable => "无法评估（提示），不视为通过",
        EmptyCells::Reported => "作为问题报告",
        EmptyCells::NotApplicable => "不涉及",
    }
}

/// Every registered code as a JSON array of registry entries (docs/rules-json.md).
pub fn json() -> String {
    let all: Vec<&RuleInfo> = registry::all().collect();
    serde_json::to_string_pretty(&all).expect("serializes") + "\n"
}

/// Every registered code with its explanation, for people.
pub fn text() -> String {
    registry::all()
        .map(|r| {
            let from = match r.command {
                Command::Check => String::new(),
                other => format!("（gaogen {}）", other.name()),
            };
            format!(
                "{}  [{}]  {}{from}\n    空单元格：{}\n{}\n\n",
                r.code,
                r.severity.chinese(),
                r.title,
                empty_cells(r.empty_cells),
                r.explain
                    .lines()
                    .map(|l| format!("    {l}"))
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        })
        .collect()
}

/// `--explain CODE`: the rule's title, severity and explanation.
pub fn explain(code: &str) -> Result<String, crate::Error> {
    let r = registry::find(code).ok_or_else(|| crate::Error::UnknownRule(code.to_string()))?;
    Ok(format!(
        "{}  {}\n严重程度：{}\n\n{}\n",
        r.code,
        r.title,
        r.severity.chinese(),
        r.explain
    ))
}
