//! What a check may be told besides the report (`--published`, the agency kind), and the
//! publication date found in the report itself: a page's 「发布时间」/「发布日期」 line or the date
//! of the closing signature (「2025年1月18日」, 「二〇二五年一月十八日」).

use super::prose::{chinese_year, paragraphs, small_number};
use crate::agency::{infer_kind, AgencyKind};
use crate::{Paragraph, Report, Span};
use serde::Serialize;
use written::WrittenDate;

mod written;

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

/// The date written, with its byte range.
fn date_of(written: &WrittenDate<'_>) -> Option<(Date, std::ops::Range<usize>)> {
    let date = if written.chinese {
        Date::new(
            chinese_year(written.year)?,
            small_number(written.month)?,
            small_number(written.day)?,
        )?
    } else {
        Date::new(
            written.year.parse().ok()?,
            written.month.parse().ok()?,
            written.day.parse().ok()?,
        )?
    };
    Some((date, written.range.clone()))
}

fn located(p: &Paragraph, written: &WrittenDate<'_>, source: DateSource) -> Option<Publication> {
    let (date, range) = date_of(written)?;
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
        if let Some(found) =
            written::page_line(&p.text).and_then(|d| located(p, &d, DateSource::PageLine))
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
            written::signature(&p.text).and_then(|d| located(p, &d, DateSource::Signature))
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
        let d = written::signature(t).unwrap();
        assert_eq!(
            located(&p(t), &d, DateSource::Signature).map(|x| x.date),
            Date::new(2025, 1, 18)
        );
        let d = written::page_line("发布时间：2025-02-03 10:30").unwrap();
        assert_eq!(date_of(&d).map(|x| x.0), Date::new(2025, 2, 3));
        assert!(written::signature("2025年1月18日，我镇召开会议").is_none());
        let t = "青禾县白石镇人民政府二〇二五年二月三日";
        let d = written::signature(t).unwrap();
        assert_eq!(date_of(&d).map(|x| x.0), Date::new(2025, 2, 3));
    }
}
