//! `xhht completions SHELL`: a completion script generated from the clap
//! definitions in `cli.rs`, so it knows every command and flag there is.

use std::io::Write as _;
use std::process::ExitCode;

use clap::CommandFactory as _;

use super::EXIT_OK;

pub(super) fn run(shell: clap_complete::Shell) -> anyhow::Result<ExitCode> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut crate::cli::Cli::command(), "xhht", &mut script);
    anstream::stdout().lock().write_all(&script)?;
    Ok(ExitCode::from(EXIT_OK))
}
