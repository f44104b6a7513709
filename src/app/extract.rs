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
use crate::load::{Loaded, ReadError, read_regular_file};
use crate::model::Plan;
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
    let parent = under(args, settings)?;
    let options = Options {
        level: args.level,
        source: &source,
        parent: parent.as_ref(),
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

/// The plan named with `--under`: a file, or a plan of that id beside the
/// document or under `--plans`, found as every command finds them.
fn under(args: &ExtractArgs, settings: &Settings) -> anyhow::Result<Option<Plan>> {
    let Some(under) = args.under.as_deref() else {
        return Ok(None);
    };
    let loaded = if Path::new(under).is_file() {
        super::load_file(Path::new(under), settings)?
    } else if crate::baselines::scheme(under).is_some() {
        return Err(localized(&msg!("extract.under.scheme", under), settings));
    } else {
        by_id(under, args, settings)?
    };
    match loaded.plan {
        Ok(plan) => Ok(Some(plan)),
        Err(e) => {
            let (path, error) = (&loaded.source.path, e.message);
            Err(localized(
                &msg!("extract.under.broken", path, error),
                settings,
            ))
        }
    }
}

fn by_id(id: &str, args: &ExtractArgs, settings: &Settings) -> anyhow::Result<Loaded> {
    let wanted = [id.to_owned()];
    let named = [args.document.clone()];
    let search = crate::beside::Search {
        named: &named,
        dirs: &args.plans,
        also_wanted: &wanted,
        filter: &crate::walk::Filter::default(),
    };
    let mut found =
        crate::beside::find(&[], &search).map_err(|e| localized(&e.message(), settings))?;
    super::warn_broken_beside(&found, settings);
    let at = found
        .plans
        .iter()
        .position(|l| l.plan.as_ref().is_ok_and(|p| p.document.id == id));
    if let Some(at) = at {
        return Ok(found.plans.swap_remove(at));
    }
    if found.ambiguous.iter().any(|(claimed, _)| claimed == id) {
        // Said by the warning above: which files claim it.
        return Err(localized(
            &msg!("extract.under.ambiguous", under = id),
            settings,
        ));
    }
    let ids = plan_ids(&named, &args.plans);
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    let suggestion = super::did_you_mean(id, &ids);
    let document = args.document.as_path();
    Err(localized(
        &msg!("extract.under.unknown", under = id, document, suggestion),
        settings,
    ))
}

/// The ids of the plans where `--under` looks: read only to suggest one
/// when the id named is not among them.
fn plan_ids(named: &[std::path::PathBuf], dirs: &[std::path::PathBuf]) -> Vec<String> {
    let beside = named.iter().map(|file| match file.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => (dir.to_path_buf(), Some(1)),
        _ => (std::path::PathBuf::from("."), Some(1)),
    });
    let dirs: Vec<_> = dirs
        .iter()
        .map(|d| (d.clone(), None))
        .chain(beside)
        .collect();
    let files = crate::walk::lookup(&dirs, &crate::walk::Filter::default()).unwrap_or_default();
    files
        .iter()
        .filter_map(|path| crate::load::load_file(path).ok()?.plan.ok())
        .map(|plan| plan.document.id)
        .collect()
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
        DecodeError::LegacyLine(legacy, line) => {
            let encoding = legacy.name();
            localized(
                &msg!("extract.decode.legacy-line", path, encoding, line),
                settings,
            )
        }
        DecodeError::NotUnicode => localized(&msg!("extract.not-unicode", path), settings),
    })?;
    if let Some(legacy) = decoded.converted_from {
        let encoding = legacy.name();
        let lines = decoded.converted_lines;
        if lines.is_empty() {
            warn(&msg!("extract.read.converted", path, encoding), settings);
        } else {
            let count = lines.len();
            let message = msg!(
                "extract.decode.converted-lines",
                path,
                encoding,
                count,
                lines
            );
            warn(&message, settings);
        }
    }
    let text = decoded.text;
    if crate::text::is_blank(&text) {
        return Err(localized(&msg!("extract.empty", path), settings));
    }
    Ok(text)
}
