//! What a check may be told besides the report (`--published`, the agency kind), and the
//! publication date found in the report itself: a page's 「发布时间」/「发布日期」 line or the date
//! of the closing signature (「2025年1月18日」, 「二〇二五年一月十八日」).

use super::prose::{chinese_year, paragraphs, small_number};
use crate::agency::{infer_kind, AgencyKind};
use crate::{Paragraph, Report, Span};
use regex::Regex;
use serde::Serialize;
use std::sync::OnceLock;

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// A valid date, or `None`.
    pub fn new(year: u32, month: u32, day: u32) -> Option<Date> {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        ((1900..=2200).contains(&year) && (1..=days).contains(&day)).then_some(Date {
            year: year as u16,
            month: month as u8,
            day: day as u8,
        })
    }

    /// `YYYY-MM-DD`.
    pub fn parse_iso(text: &str) -> Option<Date> {
        let mut parts = text.trim().split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() {
            return None;
        }
        Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }

    /// Days since 1970-01-01 (proleptic Gregorian).
    pub fn days(self) -> i64 {
        let (y, m, d) = (
            i64::from(self.year),
            i64::from(self.month),
            i64::from(self.day),
        );
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}年{}月{}日", self.year, self.month, self.day)
    }
}

/// Facts given to the checks from outside the report.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Context {
    /// `--published YYYY-MM-DD`: overrides any date found in the report.
    pub published: Option<Date>,
    /// The agency's kind when the name does not tell (or tells wrong).
    pub kind: Option<AgencyKind>,
}

/// Where the publication date was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    /// Given on the command line.
    Given,
    /// A 「发布时间」/「发布日期」 line of the page.
    PageLine,
    /// The date under the closing signature.
    Signature,
}

impl DateSource {
    pub fn chinese(self) -> &'static str {
        match self {
            DateSource::Given => "命令行 --published",
            DateSource::PageLine => "页面的发布时间",
            DateSource::Signature => "落款日期",
        }
    }
}

/// The date a report was published, with where it was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Publication {
    pub date: Date,
    pub source: DateSource,
    pub span: Option<Span>,
}

const DATE: &str = r"(?:([0-9]{4})\s*[年\-./]\s*([0-9]{1,2})\s*[月\-./]\s*([0-9]{1,2})|([〇○零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3}))";

fn page_line() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(&format!(r"发布(?:时间|日期)\s*[：:]?\s*{DATE}")).expect("valid"))
}

fn bare_date() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(&format!(r"{DATE}\s*日?\s*$")).expect("valid"))
}

/// The date in the captures of [`DATE`] (groups 1–6), with its byte range.
fn date_of(caps: &regex::Captures<'_>) -> Option<(Date, std::ops::Range<usize>)> {
    if let (Some(y), Some(m), Some(d)) = (caps.get(1), caps.get(2), caps.get(3)) {
        let date = Date::new(
            y.as_str().parse().ok()?,
            m.as_str().parse().ok()?,
            d.as_str().parse().ok()?,
        )?;
        return Some((date, y.start()..d.end()));
    }
    let (y, m, d) = (caps.get(4)?, caps.get(5)?, caps.get(6)?);
    let date = Date::new(
        chinese_year(y.as_str())?,
        small_number(m.as_str())?,
        small_number(d.as_str())?,
    )?;
    Some((date, y.start()..d.end()))
}

fn located(p: &Paragraph, caps: &regex::Captures<'_>, source: DateSource) -> Option<Publication> {
    let (date, range) = date_of(caps)?;
    Some(Publication {
        date,
        source,
        span: Some(p.locate(range)),
    })
}

/// The publication date: `--published`, else a 「发布时间」 line, else the closing signature's
/// date (the closing paragraphs, or a short date line ending the last section).
pub fn publication(report: &Report, context: &Context) -> Option<Publication> {
    if let Some(date) = context.published {
        return Some(Publication {
            date,
            source: DateSource::Given,
            span: None,
        });
    }
    for (_, p) in paragraphs(report) {
        if !p.text.contains("发布") {
            continue;
        }
        if let Some(found) = page_line()
            .captures(&p.text)
            .and_then(|c| located(p, &c, DateSource::PageLine))
        {
            return Some(found);
        }
    }
    let last_section = report
        .sections
        .iter()
        .rev()
        .find(|s| s.found)
        .and_then(|s| s.paragraphs.last());
    report
        .closing
        .iter()
        .rev()
        .chain(last_section)
        // A signature line: short, ending with the date (the agency's name may be joined to it).
        .filter(|p| p.text.chars().count() <= 40)
        .find_map(|p| {
            bare_date()
                .captures(&p.text)
                .and_then(|c| located(p, &c, DateSource::Signature))
        })
}

/// The agency's kind: given, else inferred from its name; `true` when inferred.
pub fn agency_kind(report: &Report, context: &Context) -> Option<(AgencyKind, bool)> {
    if let Some(kind) = context.kind {
        return Some((kind, false));
    }
    report
        .agency
        .as_deref()
        .and_then(infer_kind)
        .map(|k| (k, true))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(Date::parse_iso("2025-01-31"), Date::new(2025, 1, 31));
        assert_eq!(Date::parse_iso("2025-02-30"), None);
        assert_eq!(Date::parse_iso("2024-02-29").map(|d| d.day), Some(29));
        assert_eq!(Date::parse_iso("x"), None);
        let a = Date::new(2025, 1, 31).unwrap();
        let b = Date::new(2025, 3, 3).unwrap();
        assert_eq!(b.days() - a.days(), 31);
        assert_eq!(Date::new(1970, 1, 1).unwrap().days(), 0);
        assert_eq!(a.to_string(), "2025年1月31日");
    }

    #[test]
    fn signature_and_page_dates() {
        let p = |t: &str| Paragraph::new(t.into(), Span::on_line(1, 1, 2));
        let t = "二〇二五年一月十八日";
        let caps = bare_date().captures(t).unwrap();
        assert_eq!(
            located(&p(t), &caps, DateSource::Signature).map(|x| x.date),
            Date::new(2025, 1, 18)
        );
        let caps = page_line().captures("发布时间：2025-02-03 10:30").unwrap();
        assert_eq!(date_of(&caps).map(|x| x.0), Date::new(2025, 2, 3));
        assert!(bare_date()
            .captures("2025年1月18日，我镇召开会议")
            .is_none());
        let t = "青禾县白石镇人民政府二〇二五年二月三日";
        let caps = bare_date().captures(t).unwrap();
        assert_eq!(date_of(&caps).map(|x| x.0), Date::new(2025, 2, 3));
    }
}
