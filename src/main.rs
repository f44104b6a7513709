use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = xhht::cli::Cli::parse();
    match xhht::app::run(cli) {
        Ok(code) => code,
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            anstream::eprintln!("error: {err:#}");
            ExitCode::from(xhht::app::EXIT_USAGE)
        }
    }
}

/// A reader that stops early (`xhht … | head`) is not an error.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
