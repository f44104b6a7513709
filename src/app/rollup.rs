//! `xhht rollup`: many plans against one plan above them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::cli::RollupArgs;
use crate::load::Loaded;
use crate::msg;
use crate::rollup::{self, Rollup};
use crate::settings::Settings;

use super::{EXIT_FINDINGS, EXIT_OK, localized};

pub(super) fn run(args: &RollupArgs, settings: &Settings) -> anyhow::Result<ExitCode> {
    // `-o -` is standard output, as for the other commands.
    let output = args.output.as_deref().filter(|p| p.as_os_str() != "-");
    if args.format == crate::cli::RollupFormat::Xlsx
        && output.is_none()
        && settings.stdout_is_terminal
    {
        return Err(localized(&msg!("xlsx.binary-to-terminal"), settings));
    }
    let wanted: Vec<String> = args.against.iter().chain(&args.under).cloned().collect();
    let checked = super::check_input(&args.input, &wanted, settings)?;
    let Some(against) = args.against.as_deref().or(args.under.as_deref()) else {
        return Err(localized(&choose_against(&checked.files), settings));
    };
    let known = crate::compare::chain::known(checked.beside.plans.iter().chain(&checked.files));
    let options = rollup::Options {
        against,
        under: args.under.as_deref(),
        level: args.level,
        lang: settings.lang,
    };
    let rollup = rollup::build(&checked.files, &checked.findings, &known, &options)
        .map_err(|e| localized(&e.message(), settings))?;
    let unreadable = rollup.left_out.iter().filter(|l| l.plan.is_none()).count();
    if unreadable > 0 {
        super::warn(&msg!("rollup.unreadable", files = unreadable), settings);
    }
    let color = output.is_none() && settings.color();
    let drawn = crate::render::rollup::draw(args.format, &rollup, color, settings.today);
    let inputs: Vec<PathBuf> = checked
        .files
        .iter()
        .chain(&checked.beside.plans)
        .map(|f| f.source.path.clone())
        .collect();
    let inputs: Vec<&Path> = inputs.iter().map(PathBuf::as_path).collect();
    super::write_out(output, &drawn, &inputs, settings)?;
    Ok(ExitCode::from(exit_code(&rollup)))
}

/// A file that did not load leaves a hole in the matrix, and its unit may
/// be counted as having no plan: the run must not pass.
fn exit_code(rollup: &Rollup) -> u8 {
    if rollup.left_out.iter().any(|l| l.plan.is_none()) {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}

/// Without `--against` or `--under` there is no column to draw: name the
/// schemes the run's plans implement, the most implemented first.
fn choose_against(files: &[Loaded]) -> crate::i18n::Message {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for plan in files.iter().filter_map(|f| f.plan.as_ref().ok()) {
        for link in &plan.links.implements {
            *counts.entry(link.plan.as_str()).or_default() += 1;
        }
    }
    let mut schemes: Vec<(&str, usize)> = counts.into_iter().collect();
    schemes.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let schemes: Vec<crate::i18n::Message> = schemes
        .into_iter()
        .map(|(id, plans)| msg!("rollup.choose.scheme", id, plans))
        .collect();
    if schemes.is_empty() {
        msg!("rollup.choose.none")
    } else {
        msg!("rollup.choose.against", schemes)
    }
}
