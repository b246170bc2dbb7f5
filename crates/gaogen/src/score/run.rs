//! A scoring run over files and directories: read every report, pair consecutive years of the
//! same agency, compare each pair, check and score every report.

use super::{score, Pages, Previous, Profile, ReportScore, Scorable};
use crate::author::load_any;
use crate::input::collect_files;
use crate::pairs::{self, AgencyYears, Identity};
use gaogen_model::check::published::Context;
use gaogen_model::check::{check_with, Diagnostic};
use gaogen_model::diff::{diff, DiffOptions, ReportDiff};
use gaogen_model::Report;
use rayon::prelude::*;
use std::path::PathBuf;

/// Everything a run produced.
#[derive(Debug)]
pub struct ScoreRun {
    pub reports: Vec<ReportScore>,
    /// The agencies and their years, as paired.
    pub agencies: Vec<AgencyYears>,
    /// Files that could not be read (Chinese messages naming them).
    pub failures: Vec<String>,
}

struct Read {
    path: String,
    pages: Pages,
    report: Report,
    diagnostics: Vec<Diagnostic>,
}

/// Scores every report under `paths`. All reports of the run are held in memory (each is a few
/// hundred kilobytes at most), so that any two can be paired.
pub fn score_paths(paths: &[PathBuf], profile: &Profile, context: &Context) -> ScoreRun {
    let (files, mut failures) = collect_files(paths);
    let read: Vec<Result<Read, String>> = files
        .par_iter()
        .map(|p| {
            // A report.toml is loaded as diff and rollup load it, not read as published text.
            let (text, report) = load_any(p).map_err(|e| e.to_string())?;
            let diagnostics = check_with(&report, context);
            Ok(Read {
                path: p.display().to_string(),
                pages: Pages::new(&text),
                report,
                diagnostics,
            })
        })
        .collect();
    let mut reports = Vec::new();
    for r in read {
        match r {
            Ok(r) => reports.push(r),
            Err(message) => failures.push(message),
        }
    }
    let identities: Vec<Identity> = reports
        .iter()
        .map(|r| Identity {
            path: r.path.clone(),
            agency: r.report.agency.clone(),
            year: r.report.year,
        })
        .collect();
    let pairs = pairs::pair(&identities);
    let diffs: Vec<(usize, usize, ReportDiff)> = pairs
        .par_iter()
        .map(|p| {
            let d = diff(
                &reports[p.previous].report,
                &reports[p.current].report,
                DiffOptions::default(),
            );
            (p.previous, p.current, d)
        })
        .collect();
    let scores = reports
        .par_iter()
        .enumerate()
        .map(|(i, r)| {
            let previous = diffs
                .iter()
                .find(|(_, current, _)| *current == i)
                .map(|(old, _, d)| Previous {
                    path: &reports[*old].path,
                    pages: &reports[*old].pages,
                    diff: d,
                });
            score(
                profile,
                &Scorable {
                    path: &r.path,
                    pages: &r.pages,
                    report: &r.report,
                    diagnostics: &r.diagnostics,
                    previous,
                },
            )
        })
        .collect();
    ScoreRun {
        reports: scores,
        agencies: pairs::agency_years(identities, &pairs),
        failures,
    }
}
