//! What a run takes from outside the files it reads: the command line, the
//! environment, the clock, whether standard output is a terminal. Resolved
//! once, in `main`, and passed down; nothing below reads the environment.

use std::path::PathBuf;

use crate::cli::{FailOn, OutputArgs};
use crate::date::CivilDate;
use crate::finding::Severity;
use crate::i18n::Lang;
use crate::render::Format;

#[derive(Debug, Clone)]
pub struct Settings {
    /// `--lang`, else the language the environment asks for.
    pub lang: Lang,
    /// Today in Vietnam (UTC+7): deadlines are judged by the calendar there.
    pub today: CivilDate,
    /// Colour and diagnostics styling only go to a terminal.
    pub stdout_is_terminal: bool,
    /// `GITHUB_ACTIONS=true`: the default format is then annotations.
    pub github_actions: bool,
    /// `GITHUB_STEP_SUMMARY`: where a GitHub job summary is appended.
    pub step_summary: Option<PathBuf>,
}

/// Settings for a unit test: English, 1 January 2026, no CI.
#[cfg(test)]
impl Settings {
    pub(crate) fn for_test(stdout_is_terminal: bool) -> Self {
        Self {
            lang: Lang::En,
            today: CivilDate::parse_iso("2026-01-01").expect("a real date"),
            stdout_is_terminal,
            github_actions: false,
            step_summary: None,
        }
    }
}

/// Where and how one command writes its result.
#[derive(Debug, Clone)]
pub struct Output {
    pub format: Format,
    /// `--output`; standard output when absent.
    pub file: Option<PathBuf>,
    /// Colour, for the table on a terminal.
    pub color: bool,
    /// Findings at or above this severity fail the run.
    pub fail_on: Option<Severity>,
    pub accepted: Option<PathBuf>,
    pub write_accepted: Option<PathBuf>,
}

impl Settings {
    pub fn from_env(lang: Option<Lang>) -> Self {
        Self {
            lang: lang.unwrap_or_else(Lang::from_env),
            today: CivilDate::today_in_vietnam(),
            stdout_is_terminal: std::io::IsTerminal::is_terminal(&std::io::stdout()),
            github_actions: std::env::var("GITHUB_ACTIONS").is_ok_and(|v| v == "true"),
            step_summary: std::env::var_os("GITHUB_STEP_SUMMARY").map(PathBuf::from),
        }
    }

    /// Colour for what goes to standard output.
    pub fn color(&self) -> bool {
        self.stdout_is_terminal
    }

    /// The output a command's flags ask for, with CI's defaults.
    pub fn output(&self, args: &OutputArgs) -> Output {
        let format = args.format.unwrap_or(if self.github_actions {
            Format::Github
        } else {
            Format::Table
        });
        Output {
            format,
            // `-o -` is standard output, as most tools read it.
            file: args.output.clone().filter(|path| path.as_os_str() != "-"),
            color: args
                .output
                .as_ref()
                .is_none_or(|path| path.as_os_str() == "-")
                && self.stdout_is_terminal,
            fail_on: threshold(args.fail_on),
            accepted: args.accepted.clone(),
            write_accepted: args.write_accepted.clone(),
        }
    }
}

fn threshold(fail_on: FailOn) -> Option<Severity> {
    match fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
    }
}
