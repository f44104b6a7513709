//! `xhht init`: a new plan's first draft, on standard output or in a file
//! that is never replaced without `--force`.

use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

use crate::cli::InitArgs;
use crate::load::Loaded;
use crate::model::{Level, Period};
use crate::msg;
use crate::settings::Settings;

use super::{EXIT_OK, did_you_mean, localized, warn};

/// The day districts ended (Nghị quyết 202/2025/QH15): a district plan
/// cannot start after the year it ended in.
const LAST_DISTRICT_YEAR: u16 = 2025;

pub(super) fn run(args: &InitArgs, settings: &Settings) -> anyhow::Result<ExitCode> {
    if args.level == Level::National {
        return Err(localized(&msg!("init.national"), settings));
    }
    let output = super::draft_output(args.output.as_deref(), args.force, settings, |path| {
        msg!("init.exists", path)
    })?;
    if let Some(name) = &args.name
        && crate::init::slug(name).is_empty()
    {
        let name = name.as_str();
        return Err(localized(&msg!("init.bad-name", name), settings));
    }
    let under = parent(&args.under, settings)?;
    let Ok(parent_plan) = &under.plan else {
        let path = &args.under;
        return Err(localized(&msg!("init.parent-broken", path), settings));
    };
    let below = parent_plan.document.kind == crate::model::DocumentKind::Scheme
        || args.level > parent_plan.document.level;
    if !below {
        let (level, parent) = (
            level_arg(args.level),
            crate::compare::level_name(parent_plan.document.level),
        );
        return Err(localized(&msg!("init.not-below", level, parent), settings));
    }
    let period = match &args.period {
        Some(text) => period(text)
            .ok_or_else(|| localized(&msg!("init.bad-period", text = text.as_str()), settings))?,
        None => parent_plan.document.period,
    };
    if args.level == Level::District && period.start > LAST_DISTRICT_YEAR {
        let start = period.start;
        return Err(localized(&msg!("init.no-districts", start), settings));
    }
    let above = above(&under, args, settings)?;
    let mut known: Vec<&Loaded> = above.iter().collect();
    known.push(&under);
    let request = crate::init::Request {
        level: args.level,
        name: args.name.as_deref(),
        period,
    };
    let draft = crate::init::draft(&request, &under, &known)
        .ok_or_else(|| localized(&msg!("init.failed"), settings))?;
    let written_as = output.map_or_else(|| Path::new("plan.yaml").to_path_buf(), Path::to_path_buf);
    let text = crate::convert::convert(&draft.plan, args.format, None, &written_as)
        .map_err(|e| localized(&e.message(&written_as), settings))?;
    match output {
        Some(path) => {
            let under_path = Path::new(&args.under);
            crate::output::write(path, text.as_bytes(), &[under_path])
                .map_err(|e| localized(&e.message(), settings))?;
        }
        None => write!(
            anstream::stdout().lock(),
            "{}",
            super::convert::shown(text, settings)
        )?,
    }
    let (targets, tasks) = (draft.targets, draft.tasks);
    let path = output.map_or_else(|| "-".to_owned(), |p| p.display().to_string());
    warn(&msg!("init.written", path, targets, tasks), settings);
    if targets + tasks == 0 {
        let under = args.under.as_str();
        warn(&msg!("init.nothing", under), settings);
    }
    Ok(ExitCode::from(EXIT_OK))
}

/// The level as `--level` spells it.
fn level_arg(level: Level) -> &'static str {
    match level {
        Level::National => "national",
        Level::Province => "province",
        Level::District => "district",
        Level::Commune => "commune",
    }
}

/// The plan named with `--under`: a file, or an embedded scheme by its id.
fn parent(under: &str, settings: &Settings) -> anyhow::Result<Loaded> {
    if Path::new(under).is_file() {
        return super::load_file(Path::new(under), settings);
    }
    if let Some((_, source)) = crate::baselines::scheme(under) {
        // Re-read from the embedded text: an owned copy, never a file on disk.
        let text = source.text.clone().into_bytes();
        return Ok(crate::load::load_bytes(
            source.path.clone(),
            text,
            source.format,
        ));
    }
    let ids: Vec<&str> = crate::baselines::SCHEMES.iter().map(|s| s.id).collect();
    let suggestion = did_you_mean(under, &ids);
    let message = msg!("init.no-parent", under, suggestion, schemes = ids);
    Err(localized(&message, settings))
}

/// The plans the parent plan is itself issued under, found as every
/// command finds them.
fn above(under: &Loaded, args: &InitArgs, settings: &Settings) -> anyhow::Result<Vec<Loaded>> {
    if !Path::new(&args.under).is_file() {
        return Ok(Vec::new());
    }
    let named = [Path::new(&args.under).to_path_buf()];
    let search = crate::beside::Search {
        named: &named,
        dirs: &args.plans,
        also_wanted: &[],
        filter: &crate::walk::Filter::default(),
    };
    let found = crate::beside::find(std::slice::from_ref(under), &search)
        .map_err(|e| localized(&e.message(), settings))?;
    Ok(found.plans)
}

/// `2021-2025`, or one year.
fn period(text: &str) -> Option<Period> {
    let year = |s: &str| s.trim().parse::<u16>().ok();
    let (start, end) = match text.split_once(['-', '–']) {
        Some((start, end)) => (year(start)?, year(end)?),
        None => (year(text)?, year(text)?),
    };
    let sane = Period::EARLIEST <= start && start <= end && end <= Period::LATEST;
    sane.then_some(Period {
        start,
        end: Some(end),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_are_read_as_written() {
        assert_eq!(
            period("2021-2025").map(|p| (p.start, p.end)),
            Some((2021, Some(2025)))
        );
        assert_eq!(
            period("2022").map(|p| (p.start, p.end)),
            Some((2022, Some(2022)))
        );
        assert!(period("2025-2021").is_none());
        assert!(period("1-9999").is_none());
        assert!(period("sau").is_none());
    }
}
