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
    let taken = files
        .par_iter()
        .map(|found| take(found, skip_non_plans))
        .collect::<Result<Vec<_>, load::ReadError>>()?;
    let mut kept = Vec::new();
    let mut skipped = Vec::new();
    let mut statuses = Vec::new();
    for taken in taken {
        match taken {
            Taken::Plan(file) => kept.push(file),
            Taken::Skipped(path, shape) => skipped.push((path, shape)),
            Taken::NamedStatus(file) => statuses.push(file),
        }
    }
    let paired = pair_statuses(
        statuses,
        |plan| kept.iter().any(|f| f.source.path == plan),
        skip_non_plans,
    )?;
    kept.extend(paired.plans);
    skipped.extend(paired.skipped);
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
    findings.extend(paired.orphans);
    Ok(Checked {
        files: kept,
        beside,
        findings,
        skipped,
    })
}

/// What a file of the run turned out to be.
pub(crate) enum Taken {
    /// A plan, or a file that may be one with a mistake: checked.
    Plan(Loaded),
    /// Plainly something else: left out, and said so.
    Skipped(PathBuf, load::Shape),
    /// A status file named on the command line: checked with its plan.
    NamedStatus(Loaded),
}

/// Reads one file of the run and says what it is (see [`check_found`]).
pub(crate) fn take(found: &Found, skip_non_plans: bool) -> Result<Taken, load::ReadError> {
    let loaded = load::load_named(&found.path)?;
    if loaded.plan.is_ok() {
        return Ok(Taken::Plan(loaded));
    }
    Ok(match load::shape(&loaded.source) {
        load::Shape::StatusFile if found.named => Taken::NamedStatus(loaded),
        shape if skip_non_plans || !found.named => match shape {
            load::Shape::BrokenPlan => Taken::Plan(loaded),
            other => Taken::Skipped(loaded.source.path, other),
        },
        _ => Taken::Plan(loaded),
    })
}

/// The plans of the status files named on the command line, once all the
/// run's files were read.
pub(crate) struct Paired {
    /// Plans the run did not hold already: checked after its own files.
    pub plans: Vec<Loaded>,
    pub skipped: Vec<(PathBuf, load::Shape)>,
    pub orphans: Vec<Finding>,
}

/// Pairs each status file named with the plan beside it, reading that plan
/// unless `is_kept` says the run checks it already.
pub(crate) fn pair_statuses(
    statuses: Vec<Loaded>,
    is_kept: impl Fn(&std::path::Path) -> bool,
    skip_non_plans: bool,
) -> Result<Paired, load::ReadError> {
    let mut paired = Paired {
        plans: Vec::new(),
        skipped: Vec::new(),
        orphans: Vec::new(),
    };
    for status in statuses {
        match plan_of_status(&status.source.path) {
            Some(plan) if is_kept(&plan) || paired.plans.iter().any(|f| f.source.path == plan) => {}
            Some(plan) => paired.plans.push(load::load_file(&plan)?),
            // Pre-commit names every file: one without its plan is left out,
            // as `--skip-non-plans` promises.
            None if skip_non_plans => {
                paired
                    .skipped
                    .push((status.source.path, load::Shape::StatusFile));
            }
            None => paired.orphans.push(orphan_status(&status.source)),
        }
    }
    Ok(paired)
}

/// The plan a status file sits beside: `STEM.yaml`, `.yml` or `.toml` for
/// `STEM.status.yaml`, whichever exists.
pub(crate) fn plan_of_status(path: &std::path::Path) -> Option<PathBuf> {
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
        .flat_map_iter(|file| validate_file(file, &cx))
        .collect();
    let mut claims = Claims::default();
    findings.extend(loaded.iter().filter_map(|file| claims.claim(file)));
    finding::sort(&mut findings);
    findings
}

/// One file's findings: its load errors, or what validating it found.
pub(crate) fn validate_file(file: &Loaded, cx: &Context<'_>) -> Vec<Finding> {
    match &file.plan {
        Ok(plan) => validate::validate(plan, &file.source, cx),
        Err(error) => Finding::from_load_errors(&file.source, error),
    }
}

/// The document ids the run's files claimed so far, in the run's order.
#[derive(Default)]
pub(crate) struct Claims {
    first: HashMap<String, PathBuf>,
}

impl Claims {
    /// Two files of one run claiming one document id: references to it
    /// would silently reach only one of them, so both comparisons are
    /// suspect. The finding is on the later file.
    pub(crate) fn claim(&mut self, file: &Loaded) -> Option<Finding> {
        let plan = file.plan.as_ref().ok()?;
        let id = plan.document.id.as_str();
        let Some(other) = self.first.get(id) else {
            self.first.insert(id.to_owned(), file.source.path.clone());
            return None;
        };
        let path = crate::source::FieldPath::root().key("document").key("id");
        Some(
            Finding::at(
                Rule::DuplicateId,
                &file.source,
                &path,
                finding::Anchor::Value,
                msg!("check.duplicate-plan-id", id, other),
            )
            .in_plan(id)
            .hint(msg!("check.duplicate-plan-id-hint")),
        )
    }
}
