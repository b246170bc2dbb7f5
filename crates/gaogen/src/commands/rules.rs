//! `gaogen rules`: every rule with its explanation.

use super::{Format, Outcome};
use gaogen::{printer, rules, ExitStatus};

#[derive(Debug, clap::Args)]
pub(crate) struct RulesArgs {
    /// 输出格式：text（默认）或 json
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
}

pub(crate) fn run(args: &RulesArgs) -> Outcome {
    printer::print(match args.format {
        Format::Json => rules::json(),
        Format::Text => rules::text(),
    })?;
    Ok(ExitStatus::Success)
}
