//! A run's files, loaded and validated: the step every command starts from.

use std::collections::HashMap;
use std::path::PathBuf;

use rayon::prelude::*;

use crate::catalogue::Catalogue;
use crate::finding::{self, Finding, Rule};
use crate::load::{self, Loaded};
use crate::msg;
use crate::validate::{self, Context};
use crate::walk::Found;

/// Every file of a run, loaded, with the findings of loading and validating.
pub struct Checked {
    pub files: Vec<Loaded>,
    /// Plans the files refer to, found beside them: known, not checked.
    pub beside: crate::beside::Beside,
    pub findings: Vec<Finding>,
    /// Files left out as not plans, and what they are.
    pub skipped: Vec<(PathBuf, load::Shape)>,
}

/// Why a run's files could not be checked: a path could not be searched,
/// or a file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum CheckError {
    #[error(transparent)]
    Walk(#[from] crate::walk::WalkError),
    #[error(transparent)]
    Read(#[from] load::ReadError),
}

impl CheckError {
    /// The error in the run's language.
    pub fn message(&self) -> crate::i18n::Message {
        match self {
            Self::Walk(error) => error.message(),
            Self::Read(error) => error.message(),
        }
    }
}

/// Loads and validates every plan file under `paths`, in parallel, in a
/// deterministic order.
pub fn check_paths(paths: &[PathBuf]) -> Result<Checked, CheckError> {
    check_files(&crate::walk::plan_files(paths)?)
}

pub fn check_files(files: &[PathBuf]) -> Result<Checked, CheckError> {
    let found: Vec<Found> = files
        .iter()
        .map(|path| Found {
            path: path.clone(),
            named: true,
        })
        .collect();
    check_found(&found, false, &[], &[], &crate::walk::Filter::default())
}

/// Loads and validates `files`, leaving out a file a directory search found
/// (or any file, with `skip_non_plans`) that parses and is plainly not a
/// plan: another tool's YAML, or a status file. A file that does not parse,
/// or that has some of a plan's keys, is always checked: skipping it would
/// turn a broken plan into a pass. The plans they refer to (and the ids in
/// `also_wanted`) are looked for beside the files named and in `plans_dirs`.
pub fn check_found(
    files: &[Found],
    skip_non_plans: bool,
    plans_dirs: &[PathBuf],
    also_wanted: &[String],
    filter: &crate::walk::Filter,
) -> Result<Checked, CheckError> {
    let loaded = files
        .par_iter()
        .map(|found| {
            let loaded = load::load_named(&found.path)?;
            let shape = match &loaded.plan {
                Err(_) => match load::shape(&loaded.source) {
                    // A status file named on the command line is checked
                    // with its plan; another tool's file only when asked to skip.
                    load::Shape::StatusFile if found.named => Shape::NamedStatus,
                    shape if skip_non_plans || !found.named => Shape::Other(shape),
                    _ => Shape::Other(load::Shape::BrokenPlan),
                },
                Ok(_) => Shape::Other(load::Shape::BrokenPlan),
            };
            Ok((loaded, shape))
        })
        .collect::<Result<Vec<_>, load::ReadError>>()?;
    let mut kept = Vec::new();
    let mut skipped = Vec::new();
    let mut orphans = Vec::new();
    let mut statuses = Vec::new();
    for (file, shape) in loaded {
        match shape {
            Shape::Other(load::Shape::BrokenPlan) => kept.push(file),
            Shape::Other(other) => skipped.push((file.source.path, other)),
            Shape::NamedStatus => statuses.push(file),
        }
    }
    for status in statuses {
        match plan_of_status(&status.source.path) {
            Some(plan) if kept.iter().any(|f| f.source.path == plan) => {}
            Some(plan) => kept.push(load::load_file(&plan)?),
            // Pre-commit names every file: one without its plan is left out,
            // as `--skip-non-plans` promises.
            None if skip_non_plans => {
                skipped.push((status.source.path, load::Shape::StatusFile));
            }
            None => orphans.push(orphan_status(&status.source)),
        }
    }
    let named: Vec<PathBuf> = files
        .iter()
        .filter(|f| f.named)
        .map(|f| f.path.clone())
        .collect();
    let search = crate::beside::Search {
        named: &named,
        dirs: plans_dirs,
        also_wanted,
        filter,
    };
    let beside = crate::beside::find(&kept, &search)?;
    let mut findings = check_loaded(&kept, &beside.plans);
    findings.extend(orphans);
    Ok(Checked {
        files: kept,
        beside,
        findings,
        skipped,
    })
}

/// What a file of the run turned out to be.
enum Shape {
    /// A status file named on the command line: checked with its plan.
    NamedStatus,
    Other(load::Shape),
}

/// The plan a status file sits beside: `STEM.yaml`, `.yml` or `.toml` for
/// `STEM.status.yaml`, whichever exists.
fn plan_of_status(path: &std::path::Path) -> Option<PathBuf> {
    let name = path.file_name()?.to_str()?;
    let (stem, _) = name.rsplit_once('.')?;
    let stem = stem.strip_suffix(".status")?;
    ["yaml", "yml", "toml"]
        .iter()
        .map(|ext| path.with_file_name(format!("{stem}.{ext}")))
        .find(|candidate| candidate.is_file())
}

/// A status file named without a plan beside it: nothing to check it against.
fn orphan_status(source: &crate::source::SourceFile) -> Finding {
    Finding::new(
        Rule::UnknownPlan,
        source,
        0..0,
        msg!("check.orphan-status", path = &source.path),
    )
    .hint(msg!("check.orphan-status-hint"))
}

/// Validates the run's files. References may point at any file of the run,
/// at the plans found beside them and at the embedded national schemes; a
/// file of the run wins over the embedded scheme of the same id, so an
/// edited copy is checked as edited.
pub fn check_loaded(loaded: &[Loaded], beside: &[Loaded]) -> Vec<Finding> {
    let plans = crate::compare::chain::known(beside.iter().chain(loaded));
    let cx = Context {
        catalogue: Catalogue::embedded(),
        plans,
    };
    // Validation builds each file's span index when it has findings: the
    // costly part, so it runs in parallel like loading.
    let mut findings: Vec<Finding> = loaded
        .par_iter()
        .flat_map_iter(|file| match &file.plan {
            Ok(plan) => validate::validate(plan, &file.source, &cx),
            Err(error) => Finding::from_load_errors(&file.source, error),
        })
        .collect();
    findings.extend(duplicate_plan_ids(loaded));
    finding::sort(&mut findings);
    findings
}

/// Two files of one run claiming one document id: references to it would
/// silently reach only one of them, so both comparisons are suspect.
fn duplicate_plan_ids(loaded: &[Loaded]) -> Vec<Finding> {
    let mut first: HashMap<&str, &Loaded> = HashMap::new();
    let mut findings = Vec::new();
    for file in loaded {
        let Ok(plan) = &file.plan else { continue };
        let id = plan.document.id.as_str();
        let Some(earlier) = first.get(id) else {
            first.insert(id, file);
            continue;
        };
        let path = crate::source::FieldPath::root().key("document").key("id");
        let other = &earlier.source.path;
        findings.push(
            Finding::at(
                Rule::DuplicateId,
                &file.source,
                &path,
                finding::Anchor::Value,
                msg!("check.duplicate-plan-id", id, other),
            )
            .in_plan(id)
            .hint(msg!("check.duplicate-plan-id-hint")),
        );
    }
    findings
}
