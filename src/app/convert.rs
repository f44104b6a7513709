//! `xhht convert`: a plan in the other format, proven to read back the same,
//! on standard output or in a file.

use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

use crate::cli::ConvertArgs;
use crate::convert::{self, name};
use crate::finding::{Finding, Severity};
use crate::load;
use crate::msg;
use crate::render::{self, View};
use crate::settings::Settings;
use crate::source::Format;

use super::{EXIT_FINDINGS, EXIT_OK, localized, warn};

pub(super) fn run(args: &ConvertArgs, settings: &Settings) -> anyhow::Result<ExitCode> {
    // `-o -` is standard output, as for the other commands.
    let output = args
        .output
        .as_deref()
        .filter(|path| path.as_os_str() != "-");
    let named = output.and_then(Format::from_path);
    if let (Some(to), Some(named), Some(output)) = (args.to, named, output)
        && to != named
    {
        let message = msg!(
            "convert.extension-mismatch",
            to = extension(to),
            output,
            named = name(named)
        );
        return Err(localized(&message, settings));
    }
    if let Some(path) = output
        && path.is_file()
        && !args.force
    {
        return Err(localized(&msg!("convert.exists", path), settings));
    }
    let loaded = super::load_file(&args.plan, settings)?;
    let plan = match &loaded.plan {
        Ok(plan) => plan,
        Err(error) => return not_loaded(&loaded, error, settings),
    };
    let to = args
        .to
        .or(named)
        .unwrap_or_else(|| convert::other(loaded.source.format));
    let schema = convert::schema_of(&loaded.source.text);
    let written_as = output.map_or_else(
        || args.plan.with_extension(extension(to)),
        Path::to_path_buf,
    );
    let text = convert::convert(plan, to, schema, &written_as)
        .map_err(|error| localized(&error.message(&args.plan), settings))?;
    match output {
        // The plan itself is never replaced: its comments would be lost.
        Some(path) => crate::output::write(path, text.as_bytes(), &[&args.plan])
            .map_err(|e| localized(&e.message(), settings))?,
        None => write!(anstream::stdout().lock(), "{}", shown(text, settings))?,
    }
    let (path, format) = (&args.plan, name(to));
    let note = if schema.is_some() {
        msg!("convert.layout-not-kept-but-schema", path, format)
    } else {
        msg!("convert.layout-not-kept", path, format)
    };
    warn(&note, settings);
    Ok(ExitCode::from(EXIT_OK))
}

/// What goes to standard output. Redirected, the converted text exactly;
/// on a terminal, where the plan is read rather than stored, its control
/// characters and direction overrides are shown as escapes, as xhht shows
/// any text from a file: YAML and TOML may write some unescaped.
pub(super) fn shown(text: String, settings: &Settings) -> String {
    if settings.stdout_is_terminal {
        render::printable(&text, false)
    } else {
        text
    }
}

fn extension(format: Format) -> &'static str {
    match format {
        Format::Yaml => "yaml",
        Format::Toml => "toml",
    }
}

/// A plan that does not load, shown as `validate` shows it (the same
/// finding, drawn the same way), on standard error: standard output is for
/// the converted plan, and stays empty.
fn not_loaded(
    loaded: &load::Loaded,
    error: &load::LoadError,
    settings: &Settings,
) -> anyhow::Result<ExitCode> {
    let findings = Finding::from_load_errors(&loaded.source, error);
    let report = crate::report::of_findings(findings, settings.today, settings.lang);
    let input = render::Input {
        report: &report,
        files: std::slice::from_ref(loaded),
        view: View::Diagnostics,
        color: false,
        fail_on: Some(Severity::Error),
    };
    let text = render::draw(render::Format::Table, &input);
    anstream::stderr().lock().write_all(text.as_bytes())?;
    Ok(ExitCode::from(EXIT_FINDINGS))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(stdout_is_terminal: bool) -> Settings {
        Settings::for_test(stdout_is_terminal)
    }

    #[test]
    fn a_terminal_is_shown_escapes_and_a_redirect_gets_the_text_exactly() {
        let text = "note = \"tiêu đề\u{9b}31m \u{202e}ngược\"\n".to_owned();
        assert_eq!(shown(text.clone(), &settings(false)), text);
        assert_eq!(
            shown(text, &settings(true)),
            "note = \"tiêu đề\\u{9b}31m \\u{202e}ngược\"\n"
        );
    }
}
