//! The rule list (`gaogen rules`): text for people, JSON for machines.

use gaogen_model::check::{EmptyCells, RULES};
use gaogen_model::diff::PAIR_RULES;
use serde_json::json;

fn empty_cells(e: EmptyCells) -> &'static str {
    match e {
        EmptyCells::NotAssessable => "无法评估（提示），不视为通过",
        EmptyCells::Reported => "作为问题报告",
        EmptyCells::NotApplicable => "不涉及",
    }
}

/// Every rule as a JSON array.
pub fn json() -> String {
    {
        let rules: Vec<_> = RULES
            .iter()
            .map(|r| {
                json!({
                    "code": r.code(), "severity": r.severity(), "title": r.title(),
                    "empty_cells": r.empty_cells(), "explain": r.explain(),
                })
            })
            .collect();
        let pairs = PAIR_RULES.iter().map(|r| {
            json!({
                "code": r.code(), "severity": r.severity(), "title": r.title(),
                "empty_cells": EmptyCells::NotAssessable, "explain": r.explain(), "command": "diff",
            })
        });
        let all: Vec<_> = rules.into_iter().chain(pairs).collect();
        serde_json::to_string_pretty(&all).expect("serializes") + "\n"
    }
}

/// Every rule with its explanation, for people.
pub fn text() -> String {
    RULES
        .iter()
        .map(|r| {
            format!(
                "{}  [{}]  {}\n    空单元格：{}\n{}\n\n",
                r.code(),
                r.severity().chinese(),
                r.title(),
                empty_cells(r.empty_cells()),
                r.explain()
                    .lines()
                    .map(|l| format!("    {l}"))
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        })
        .chain(PAIR_RULES.iter().map(|r| {
            format!(
                "{}  [{}]  {}（gaogen diff）\n{}\n\n",
                r.code(),
                r.severity().chinese(),
                r.title(),
                r.explain()
                    .lines()
                    .map(|l| format!("    {l}"))
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        }))
        .collect()
}
