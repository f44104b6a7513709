//! The integration tests: one binary, so the crate is linked once and every
//! test runs the real CLI through `common`, which clears the developer's
//! language, colour and CI variables.

mod adoption;
mod authoring;
mod bundled;
mod ci;
mod common;
mod completions;
mod convert;
mod diff;
mod hostile;
mod hostile_input;
mod i18n;
mod init;
mod jurisdiction;
mod loading;
mod lookups;
mod parents;
mod printed;
mod progress;
mod registry;
mod report;
mod rollup;
mod schedule;
mod schema;
mod seeds;
mod successors;
mod validate_cli;

#[test]
fn the_command_line_is_well_formed() {
    use clap::CommandFactory;
    xhht::cli::Cli::command().debug_assert();
}
mod extract;
mod xlsx;
