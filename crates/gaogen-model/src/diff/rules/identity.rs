use super::{status, PairRule};
use crate::check::{Diagnostic, Severity};
use crate::diff::{ChainCheck, ChainStatus};
use crate::Report;

/// D-YEAR and D-AGENCY: NEW is the year after OLD, of the same agency.
///
/// Why: comparing reports of different agencies or non-consecutive years says nothing about a
/// year chain. Example: OLD 2022 and NEW 2024 (a year skipped). Agency names are compared without
/// the enclosing 「淮安市」: 「洪泽区人民政府」 and 「淮安市洪泽区人民政府」 are the same agency.
#[derive(Debug)]
pub(crate) struct Identity;
pub(crate) static IDENTITY: Identity = Identity;

/// Whether two written agency names name the same agency (one ends with the other).
fn same_agency(a: &str, b: &str) -> bool {
    a == b || a.ends_with(b) || b.ends_with(a)
}

impl PairRule for Identity {
    fn code(&self) -> &'static str {
        "D-YEAR"
    }
    fn severity(&self) -> Severity {
        Severity::Warning
    }
    fn title(&self) -> &'static str {
        "两份报告是同一机关相邻两年的报告"
    }
    fn explain(&self) -> &'static str {
        "检查什么：新报告的年度是否为旧报告的下一年，两份报告的机关是否相同（D-YEAR、D-AGENCY）。\n为什么：只有同一机关相邻两年的报告，逐年衔接（上年结转 = 上年结转下年度）才有意义。\n例：旧报告 2022 年，新报告 2024 年。机关名称比较时允许省略上级地名：「洪泽区人民政府」与「淮安市洪泽区人民政府」视为同一机关。"
    }
    fn check(
        &self,
        old: &Report,
        new: &Report,
        checks: &mut Vec<ChainCheck>,
        out: &mut Vec<Diagnostic>,
    ) {
        let span = new.title.as_ref().map(|t| t.span);
        let previous = old.title.as_ref().map(|t| t.span);
        let year_status = status(old.year, new.year, |o, n| *n == o + 1);
        checks.push(ChainCheck {
            code: "D-YEAR",
            subject: "报告年度".into(),
            status: year_status,
            old_value: old.year.map(|y| y.to_string()),
            new_value: new.year.map(|y| y.to_string()),
        });
        if year_status == ChainStatus::Broken {
            let mut d = Diagnostic::new(
                "D-YEAR",
                Severity::Warning,
                format!(
                    "新报告年度 {} 不是旧报告年度 {} 的下一年",
                    new.year.unwrap_or(0),
                    old.year.unwrap_or(0)
                ),
                span,
            )
            .help("比较同一机关相邻两年的报告");
            d.previous = previous;
            out.push(d);
        }
        let status = status(old.agency.as_deref(), new.agency.as_deref(), |a, b| {
            same_agency(a, b)
        });
        checks.push(ChainCheck {
            code: "D-AGENCY",
            subject: "机关".into(),
            status,
            old_value: old.agency.clone(),
            new_value: new.agency.clone(),
        });
        if status == ChainStatus::Broken {
            let mut d = Diagnostic::new(
                "D-AGENCY",
                Severity::Warning,
                format!(
                    "两份报告的机关不同：旧「{}」，新「{}」",
                    old.agency.as_deref().unwrap_or(""),
                    new.agency.as_deref().unwrap_or("")
                ),
                span,
            )
            .help("比较同一机关的报告");
            d.previous = previous;
            out.push(d);
        }
    }
}
