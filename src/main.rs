use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = xhht::cli::Cli::parse();
    match xhht::app::run(cli) {
        Ok(code) => code,
        Err(err) => {
            anstream::eprintln!("error: {err:#}");
            ExitCode::from(xhht::app::EXIT_USAGE)
        }
    }
}
