//! `xhht report --format json` written as it is made (`report::stream`):
//! the country's plans in memory that does not grow with them.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{Settings, localized, warn_broken_beside, warn_skipped};
use crate::cli::InputArgs;
use crate::msg;
use crate::render::Format;
use crate::report::stream::{self, StreamError};
use crate::settings::Output;

/// Whether the run can be streamed. An accepted-findings file is compared
/// with the whole run's findings and recorded from a second report, and
/// `--occurrences` shares one allowance across the plans in order: those
/// runs are built whole, as is a plan read from standard input, which
/// cannot be read twice.
pub(super) fn streams(input: &InputArgs, output: &Output, occurrences: bool) -> bool {
    output.format == Format::Json
        && output.accepted.is_none()
        && output.write_accepted.is_none()
        && !occurrences
        && !input
            .paths
            .iter()
            .any(|path| path.as_os_str() == crate::load::STDIN)
}

/// `validate` or `report` over `input`, as `options` ask, in JSON;
/// `status` is a status file named on the command line.
pub(super) fn run(
    input: &InputArgs,
    status: Option<&Path>,
    output: &Output,
    options: &crate::report::Options<'_>,
    settings: &Settings,
) -> anyhow::Result<ExitCode> {
    let filter = input.filter();
    let files =
        crate::walk::find(&input.paths, &filter).map_err(|e| localized(&e.message(), settings))?;
    // As the whole run does: no files is said before an unknown --against.
    super::refuse_nothing_checked(input, &files, files.is_empty(), settings)?;
    let named: Vec<PathBuf> = files
        .iter()
        .filter(|f| f.named)
        .map(|f| f.path.clone())
        .collect();
    let against: Vec<String> = options.against.iter().map(|id| (*id).to_owned()).collect();
    let run = stream::Input {
        files: &files,
        skip_non_plans: input.skip_non_plans,
        search: crate::beside::Search {
            named: &named,
            dirs: &input.plans,
            also_wanted: &against,
            filter: &filter,
        },
    };
    let streamed = stream::run(&run, options).map_err(|error| match error {
        StreamError::Check(error) => localized(&error.message(), settings),
        StreamError::Spill(error) => {
            localized(&msg!("app.spill", error = error.to_string()), settings)
        }
        StreamError::UnknownAgainst { id, known } => {
            let known: Vec<&str> = known.iter().map(String::as_str).collect();
            let suggestion = super::did_you_mean(&id, &known);
            localized(&msg!("app.against-unknown", id, suggestion), settings)
        }
    })?;
    warn_broken_beside(&streamed.beside, settings);
    warn_skipped(&streamed.skipped, settings);
    let nothing = streamed.checked == 0 && !streamed.found_any;
    super::refuse_nothing_checked(input, &files, nothing, settings)?;
    let inputs: Vec<&Path> = streamed
        .read
        .iter()
        .map(PathBuf::as_path)
        .chain(status)
        .collect();
    super::stream_out(
        output.file.as_deref(),
        &|out| streamed.write_json(out),
        &inputs,
        settings,
    )?;
    let failing: Vec<&crate::finding::Finding> = streamed.findings().iter().collect();
    Ok(super::exit_code(&failing, output.fail_on))
}
