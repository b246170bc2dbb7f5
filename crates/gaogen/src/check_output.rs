//! The output of `check` over many files, streamed: each file's part is built in the worker that
//! checked it ([`Output::entry`]) and written in order as soon as it is ready ([`Stream`]), so
//! memory does not grow with the number of files in any format. The bytes are exactly those of
//! the whole document built at once (`--format json`, SARIF, `--summary csv|json`).

mod chunks;

use crate::check::{json_entry, Checked, FileSummary, Totals};
use crate::pairs::compared::{self, PairChecked};
use crate::pairs::AgencyYears;
use crate::{sarif, summary};
use chunks::Chunks;
pub use chunks::Gathered;
use serde::Serialize;

/// What `check` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// Diagnostics for people, then the summary table when there are several files.
    Human(crate::terminal::Style),
    /// `--format json` (docs/check-json.md).
    Json,
    /// `--format sarif`.
    Sarif,
    /// `--summary csv`.
    SummaryCsv,
    /// `--summary json`.
    SummaryJson,
}

/// `value` pretty-printed as JSON with every line indented by `indent`.
fn pretty_indented(value: &impl Serialize, indent: &str) -> String {
    let text = serde_json::to_string_pretty(value).expect("serializes");
    let mut out = String::with_capacity(text.len() + indent.len() * 8);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(indent);
        out.push_str(line);
    }
    out
}

/// The SARIF log around its results: the text before the first result, the indentation of a
/// result, and the text after the last one.
struct SarifFrame {
    head: String,
    indent: String,
    tail: String,
}

const PLACEHOLDER: &str = "\"gaogen-sarif-results\"";

impl SarifFrame {
    fn new() -> Self {
        let doc = sarif::document(vec![serde_json::Value::String(
            "gaogen-sarif-results".to_string(),
        )]);
        let at = doc.find(PLACEHOLDER).expect("placeholder in the SARIF log");
        let line_start = doc[..at].rfind('\n').map_or(0, |i| i + 1);
        SarifFrame {
            head: doc[..line_start].to_string(),
            indent: doc[line_start..at].to_string(),
            tail: doc[at + PLACEHOLDER.len()..].to_string() + "\n",
        }
    }
}

impl Output {
    /// The part of one file, built where the file was checked. Empty when the file adds nothing
    /// (a summary-only line is still a part).
    pub fn entry(&self, checked: &Checked) -> String {
        match self {
            Output::Human(style) => checked.human(*style),
            Output::Json => json_entry(checked),
            Output::Sarif => {
                let indent = SARIF_INDENT.get_or_init(|| SarifFrame::new().indent);
                let results = sarif::checked_results(checked);
                let parts: Vec<String> =
                    results.iter().map(|r| pretty_indented(r, indent)).collect();
                parts.join(",\n")
            }
            // The mark, the header and the row; the stream keeps those of the first file only.
            Output::SummaryCsv => summary::csv(std::slice::from_ref(&checked.summary)),
            Output::SummaryJson => pretty_indented(&checked.summary, "  "),
        }
    }

    /// The part of one pair of consecutive years (written after every file). Empty for the
    /// summaries, which have one row per file.
    pub fn pair_entry(&self, pair: &PairChecked) -> String {
        match self {
            Output::Human(style) => compared::human(pair, *style),
            Output::Json => compared::json(pair),
            Output::Sarif => {
                let indent = SARIF_INDENT.get_or_init(|| SarifFrame::new().indent);
                let results = sarif::results(&pair.current, &pair.diagnostics);
                let parts: Vec<String> =
                    results.iter().map(|r| pretty_indented(r, indent)).collect();
                parts.join(",\n")
            }
            Output::SummaryCsv | Output::SummaryJson => String::new(),
        }
    }

    /// Whether the run keeps every file's summary until the end (the table of the human output).
    pub fn keeps_summaries(&self) -> bool {
        matches!(self, Output::Human(_))
    }
}

static SARIF_INDENT: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// Writes a run's output piece by piece through `write`, in file order.
pub struct Stream<W: FnMut(&str) -> Result<(), crate::Error>> {
    output: Output,
    write: W,
    buffer: String,
    entries: usize,
    pairs: usize,
    /// Errors and warnings of the pairs (the summary table counts the files').
    pair_counts: (usize, usize),
    sarif: Option<SarifFrame>,
    /// Kept only when the output needs them at the end ([`Output::keeps_summaries`]).
    pub summaries: Vec<summary::TableRow>,
    pub totals: Totals,
}

impl<W: FnMut(&str) -> Result<(), crate::Error>> std::fmt::Debug for Stream<W> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Stream")
            .field("output", &self.output)
            .field("entries", &self.entries)
            .field("totals", &self.totals)
            .finish_non_exhaustive()
    }
}

/// Output is handed to `write` in pieces of about this size.
const FLUSH_AT: usize = 64 * 1024;

impl<W: FnMut(&str) -> Result<(), crate::Error>> Stream<W> {
    /// Starts a run's output.
    pub fn new(output: Output, write: W) -> Self {
        let buffer = match output {
            Output::Json => "{\"files\":[".to_string(),
            _ => String::new(),
        };
        Stream {
            output,
            write,
            buffer,
            entries: 0,
            pairs: 0,
            pair_counts: (0, 0),
            sarif: (output == Output::Sarif).then(SarifFrame::new),
            summaries: Vec::new(),
            totals: Totals::default(),
        }
    }

    /// Adds the next file: its summary and its part from [`Output::entry`].
    pub fn push(&mut self, summary: FileSummary, entry: &str) -> Result<(), crate::Error> {
        self.totals.add(&summary);
        let entry = match self.output {
            Output::SummaryCsv if self.entries > 0 => {
                entry.split_once('\n').map_or("", |(_, row)| row)
            }
            _ => entry,
        };
        self.append(entry);
        if self.output.keeps_summaries() {
            self.summaries.push(summary::TableRow::from(&summary));
        }
        self.flush_if_full()
    }

    /// Adds a pair of consecutive years, after every file: its counts and its part from
    /// [`Output::pair_entry`].
    pub fn push_pair(&mut self, pair: &PairChecked, entry: &str) -> Result<(), crate::Error> {
        self.totals.add_pair(pair);
        let (errors, warnings, _) = pair.counts();
        self.pair_counts.0 += errors;
        self.pair_counts.1 += warnings;
        match self.output {
            Output::Json => {
                self.buffer.push_str(if self.pairs == 0 {
                    "],\"pairs\":["
                } else {
                    ","
                });
                self.buffer.push_str(entry);
            }
            Output::Human { .. } => {
                if self.pairs == 0 {
                    self.buffer.push_str(compared::HUMAN_HEADING);
                }
                self.buffer.push_str(entry);
            }
            _ => self.append(entry),
        }
        self.pairs += 1;
        self.flush_if_full()
    }

    /// Appends one part with the separator the format needs.
    fn append(&mut self, entry: &str) {
        let separator = match self.output {
            Output::Json if self.entries > 0 => ",",
            Output::Sarif | Output::SummaryJson if !entry.is_empty() => match self.entries {
                0 => {
                    if let Some(frame) = &self.sarif {
                        self.buffer.push_str(&frame.head);
                    } else {
                        self.buffer.push_str("[\n");
                    }
                    ""
                }
                _ => ",\n",
            },
            _ => "",
        };
        if !entry.is_empty() || self.output == Output::Json {
            self.entries += 1;
        }
        self.buffer.push_str(separator);
        self.buffer.push_str(entry);
    }

    /// [`Stream::push`] with the file's part written by `write_part` straight through to the
    /// output as it is made, not held whole (the JSON of one large report).
    pub fn push_written(
        &mut self,
        summary: &FileSummary,
        write_part: impl FnOnce(&mut Gathered<'_, '_, W>) -> std::io::Result<()>,
    ) -> Result<(), crate::Error> {
        self.totals.add(summary);
        // The separator before the part, and the part counted.
        self.append("");
        self.flush()?;
        Chunks::write_through(&mut self.write, write_part)?;
        if self.output.keeps_summaries() {
            self.summaries.push(summary::TableRow::from(summary));
        }
        Ok(())
    }

    fn flush_if_full(&mut self) -> Result<(), crate::Error> {
        if self.buffer.len() >= FLUSH_AT {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<(), crate::Error> {
        if !self.buffer.is_empty() {
            (self.write)(&self.buffer)?;
            self.buffer.clear();
        }
        Ok(())
    }

    /// Ends the output (closing brackets, the agencies' years, totals, the human summary table)
    /// and writes the rest.
    pub fn finish(mut self, agencies: &[AgencyYears]) -> Result<Totals, crate::Error> {
        match self.output {
            Output::Human(style) if self.summaries.len() > 1 => {
                // Written a row at a time, flushed as the buffer fills.
                let summaries = std::mem::take(&mut self.summaries);
                summary::write_table(&summaries, style.columns(), |text| {
                    self.buffer.push_str(text);
                    self.flush_if_full()
                })?;
                if self.pairs > 0 {
                    self.buffer.push_str(&format!(
                        "另有相邻年度比较 {} 对：{} 个错误，{} 个警告\n",
                        self.pairs, self.pair_counts.0, self.pair_counts.1
                    ));
                }
                let years = crate::pairs::year_table(agencies);
                if !years.is_empty() {
                    self.buffer.push('\n');
                    self.buffer.push_str(&years);
                }
            }
            Output::Human(_) | Output::SummaryCsv => {}
            Output::Json => {
                if self.pairs == 0 {
                    self.buffer.push_str("],\"pairs\":[");
                }
                // Agency by agency, flushed as the buffer fills: 100,000 paths are never one
                // string.
                self.buffer.push_str("],\"agencies\":[");
                for (i, g) in agencies.iter().enumerate() {
                    if i > 0 {
                        self.buffer.push(',');
                    }
                    self.buffer.push_str(&compared::agency_json(g));
                    self.flush_if_full()?;
                }
                self.buffer.push(']');
                self.buffer.push_str(",\"totals\":");
                self.buffer
                    .push_str(&serde_json::to_string(&self.totals).expect("serializes"));
                self.buffer.push_str("}\n");
            }
            Output::Sarif => {
                let frame = self.sarif.take().expect("SARIF frame");
                if self.entries == 0 {
                    self.buffer.push_str(frame.head.trim_end());
                    self.buffer.push_str(frame.tail.trim_start());
                } else {
                    self.buffer.push_str(&frame.tail);
                }
            }
            Output::SummaryJson => {
                self.buffer
                    .push_str(if self.entries == 0 { "[]\n" } else { "\n]\n" })
            }
        }
        self.flush()?;
        Ok(self.totals)
    }
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // the test lists the fixtures directly
mod tests {
    use super::*;
    use crate::check::{check_path, Selection};
    use std::path::Path;

    /// Every fixture, and a file that cannot be read, in a fixed order.
    fn checked() -> Vec<Checked> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures");
        let mut paths: Vec<_> = std::fs::read_dir(&dir)
            .expect("fixtures")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "html"))
            .collect();
        paths.sort();
        paths.insert(2, dir.join("no-such-file.txt"));
        // Two years of one agency: a pair.
        paths.push(dir.join("evaluator/township_2023.txt"));
        paths.push(dir.join("evaluator/township_2024.txt"));
        paths
            .iter()
            .map(|p| check_path(p, &Selection::all()))
            .collect()
    }

    /// The pairs of consecutive years among `files`, compared, and the agencies' years.
    fn paired(files: &[Checked]) -> (Vec<PairChecked>, Vec<AgencyYears>) {
        let ids: Vec<_> = files.iter().map(compared::identity).collect();
        let pairs = crate::pairs::pair(&ids);
        let compared = pairs
            .iter()
            .map(|p| compared::compare(&files[p.previous], &files[p.current], &Selection::all()))
            .collect();
        (compared, crate::pairs::agency_years(ids, &pairs))
    }

    /// The whole document built at once, as `check` did before it streamed.
    fn whole(output: Output, files: &[Checked]) -> String {
        let summaries: Vec<FileSummary> = files.iter().map(|c| c.summary.clone()).collect();
        let (pairs, agencies) = paired(files);
        let mut totals = Totals::default();
        summaries.iter().for_each(|s| totals.add(s));
        pairs.iter().for_each(|p| totals.add_pair(p));
        match output {
            Output::Human(style) => {
                let mut out: String = files.iter().map(|c| c.human(style)).collect();
                if !pairs.is_empty() {
                    out.push_str(compared::HUMAN_HEADING);
                    out.extend(pairs.iter().map(|p| compared::human(p, style)));
                }
                if files.len() > 1 {
                    out.push_str(&summary::table(&summaries, style.columns()));
                    if !pairs.is_empty() {
                        let (e, w) = pairs.iter().fold((0, 0), |(e, w), p| {
                            let (pe, pw, _) = p.counts();
                            (e + pe, w + pw)
                        });
                        out.push_str(&format!(
                            "另有相邻年度比较 {} 对：{e} 个错误，{w} 个警告\n",
                            pairs.len()
                        ));
                    }
                    let years = crate::pairs::year_table(&agencies);
                    if !years.is_empty() {
                        out.push('\n');
                        out.push_str(&years);
                    }
                }
                out
            }
            Output::Json => crate::check::json_document(
                &files.iter().map(json_entry).collect::<Vec<_>>(),
                &pairs.iter().map(compared::json).collect::<Vec<_>>(),
                &compared::agencies_json(&agencies),
                &totals,
            ),
            Output::Sarif => {
                let results = files
                    .iter()
                    .flat_map(sarif::checked_results)
                    .chain(
                        pairs
                            .iter()
                            .flat_map(|p| sarif::results(&p.current, &p.diagnostics)),
                    )
                    .collect();
                sarif::document(results) + "\n"
            }
            Output::SummaryCsv => summary::csv(&summaries),
            Output::SummaryJson => summary::json(&summaries),
        }
    }

    fn streamed(output: Output, files: &[Checked]) -> String {
        let mut out = String::new();
        let mut stream = Stream::new(output, |t: &str| {
            out.push_str(t);
            Ok(())
        });
        for c in files {
            stream
                .push(c.summary.clone(), &output.entry(c))
                .expect("writes");
        }
        let (pairs, agencies) = paired(files);
        for p in &pairs {
            stream.push_pair(p, &output.pair_entry(p)).expect("writes");
        }
        stream.finish(&agencies).expect("writes");
        out
    }

    #[test]
    fn streamed_output_is_the_whole_document_byte_for_byte() {
        let all = checked();
        assert!(all.iter().any(|c| !c.diagnostics.is_empty()));
        assert!(all.iter().any(|c| c.summary.failure.is_some()));
        assert_eq!(paired(&all).0.len(), 1, "the township's two years pair");
        for output in [
            Output::Human(crate::terminal::Style::PLAIN),
            Output::Human(crate::terminal::Style {
                color: true,
                width: Some(80),
            }),
            Output::Json,
            Output::Sarif,
            Output::SummaryCsv,
            Output::SummaryJson,
        ] {
            let n = all.len();
            for files in [&all[..0], &all[..1], &all[2..3], &all[n - 2..], &all[..]] {
                assert_eq!(
                    streamed(output, files),
                    whole(output, files),
                    "{output:?} over {} files",
                    files.len()
                );
            }
        }
    }
}
