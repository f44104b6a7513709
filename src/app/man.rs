//! `xhht man [SUBCOMMAND]`: the man page (roff) generated from the clap
//! definitions in `cli.rs`, with the help texts `--help` shows.

use std::io::Write as _;
use std::process::ExitCode;

use clap::CommandFactory as _;

use crate::msg;
use crate::settings::Settings;

use super::{EXIT_OK, did_you_mean, localized};

pub(super) fn run(subcommand: Option<&str>, settings: &Settings) -> anyhow::Result<ExitCode> {
    // `xhht help` is clap's, and `--help` says the same: no page of its own.
    let mut xhht = crate::cli::Cli::command().disable_help_subcommand(true);
    // Built, each subcommand knows its full name (`xhht-validate`), which
    // titles its page and names it in the parent's list.
    xhht.build();
    let command = match subcommand {
        None => xhht,
        Some(wanted) => {
            let Some(command) = xhht.find_subcommand(wanted) else {
                let names: Vec<&str> = xhht
                    .get_subcommands()
                    .map(clap::Command::get_name)
                    .collect();
                let suggestion = did_you_mean(wanted, &names);
                let message = msg!(
                    "completions.no-subcommand",
                    name = wanted,
                    suggestion,
                    names
                );
                return Err(localized(&message, settings));
            };
            command.clone()
        }
    };
    let mut page = Vec::new();
    // A subcommand has no version of its own; every page is of this release.
    let source = format!("xhht {}", env!("CARGO_PKG_VERSION"));
    clap_mangen::Man::new(command)
        .source(source)
        .render(&mut page)?;
    anstream::stdout().lock().write_all(&page)?;
    Ok(ExitCode::from(EXIT_OK))
}
