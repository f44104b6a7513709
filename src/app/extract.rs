//! `xhht extract`: a draft plan from the document, on standard output or in
//! a file that is never replaced without `--force`, with a summary on
//! standard error.

use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

use crate::cli::ExtractArgs;
use crate::extract::decode::DecodeError;
use crate::extract::pdf::PdfError;
use crate::extract::{self, MAX_INPUT_BYTES, Options};
use crate::load::{ReadError, read_regular_file};
use crate::msg;
use crate::settings::Settings;

use super::{EXIT_OK, localized, warn};

pub(super) fn run(args: &ExtractArgs, settings: &Settings) -> anyhow::Result<ExitCode> {
    let output = super::draft_output(args.output.as_deref(), args.force, settings, |path| {
        msg!("extract.exists", path)
    })?;
    let path = args.document.as_path();
    let text = read(path, settings)?;
    let source = path.display().to_string();
    let options = Options {
        level: args.level,
        source: &source,
    };
    let draft = extract::from_text(&text, &options);
    let written_as =
        output.map_or_else(|| Path::new("draft.yaml").to_path_buf(), Path::to_path_buf);
    let yaml = extract::yaml(&draft, &written_as, settings.lang)
        .map_err(|e| localized(&e.message(&written_as), settings))?;
    match output {
        Some(out) => crate::output::write(out, yaml.as_bytes(), &[path])
            .map_err(|e| localized(&e.message(), settings))?,
        None => write!(
            anstream::stdout().lock(),
            "{}",
            super::convert::shown(yaml, settings)
        )?,
    }
    let s = draft.summary();
    let written = output.map_or_else(|| "-".to_owned(), |p| p.display().to_string());
    warn(
        &msg!(
            "extract.summary",
            path = written,
            agencies = s.agencies,
            targets = s.targets,
            set_aside = s.set_aside,
            tasks = s.tasks,
            deadlines = s.deadlines,
            review = s.review
        ),
        settings,
    );
    Ok(ExitCode::from(EXIT_OK))
}

/// The document's text, from whichever format it is in.
fn read(path: &Path, settings: &Settings) -> anyhow::Result<String> {
    let bytes = read_regular_file(path, MAX_INPUT_BYTES).map_err(|e| match e {
        ReadError::TooLarge { size, .. } => {
            let limit = MAX_INPUT_BYTES;
            let size = size.unwrap_or(limit as u64 + 1);
            localized(&msg!("extract.too-large", path, size, limit), settings)
        }
        other => localized(&other.message(), settings),
    })?;
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let decoded = match extension.as_str() {
        "docx" => extract::docx::text(&bytes)
            .map_err(|error| localized(&msg!("extract.docx-unreadable", path, error), settings))
            .map(|text| extract::decode::unlegacy(&text))?,
        "doc" => return Err(localized(&msg!("extract.doc", path), settings)),
        "pdf" => extract::pdf::text(&bytes)
            .map_err(|e| match e {
                PdfError::Unreadable(error) => {
                    localized(&msg!("extract.read.pdf-unreadable", path, error), settings)
                }
                PdfError::Scan { pages } => {
                    localized(&msg!("extract.read.pdf-scan", path, pages), settings)
                }
            })
            .map(|text| extract::decode::unlegacy(&text))?,
        _ => extract::decode::decode(&bytes),
    };
    let decoded = decoded.map_err(|e| match e {
        DecodeError::Legacy(legacy) => {
            let encoding = legacy.name();
            localized(
                &msg!("extract.read.legacy-unsure", path, encoding),
                settings,
            )
        }
        DecodeError::NotUnicode => localized(&msg!("extract.not-unicode", path), settings),
    })?;
    if let Some(legacy) = decoded.converted_from {
        let encoding = legacy.name();
        warn(&msg!("extract.read.converted", path, encoding), settings);
    }
    let text = decoded.text;
    if crate::text::is_blank(&text) {
        return Err(localized(&msg!("extract.empty", path), settings));
    }
    Ok(text)
}
