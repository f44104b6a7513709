use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = xhht::cli::Cli::parse();
    let settings = xhht::settings::Settings::from_env(cli.lang);
    xhht::output::clean_up_when_interrupted();
    match xhht::app::run(cli.command, &settings) {
        Ok(code) => code,
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            xhht::app::print_error(&err);
            ExitCode::from(xhht::app::EXIT_USAGE)
        }
    }
}

/// A reader that stops early (`xhht … | head`) is not an error.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        let io = cause
            .downcast_ref::<std::io::Error>()
            .map(std::io::Error::kind);
        let json = cause
            .downcast_ref::<serde_json::Error>()
            .and_then(serde_json::Error::io_error_kind);
        io.or(json) == Some(std::io::ErrorKind::BrokenPipe)
    })
}
