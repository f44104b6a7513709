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

/// Loads and validates every plan file under `paths`, in parallel, in a
/// deterministic order.
pub fn check_paths(paths: &[PathBuf]) -> Result<Checked, CheckError> {
    Ok(check_files(&crate::walk::plan_files(paths)?)?)
}

pub fn check_files(files: &[PathBuf]) -> Result<Checked, load::ReadError> {
    let found: Vec<Found> = files
        .iter()
        .map(|path| Found {
            path: path.clone(),
            named: true,
        })
        .collect();
    check_found(&found, false)
}

/// Loads and validates `files`, leaving out a file a directory search found
/// (or any file, with `skip_non_plans`) that parses and is plainly not a
/// plan: another tool's YAML, or a status file. A file that does not parse,
/// or that has some of a plan's keys, is always checked: skipping it would
/// turn a broken plan into a pass.
pub fn check_found(files: &[Found], skip_non_plans: bool) -> Result<Checked, load::ReadError> {
    let loaded = files
        .par_iter()
        .map(|found| {
            let loaded = load::load_file(&found.path)?;
            let shape = match &loaded.plan {
                Err(_) if skip_non_plans || !found.named => load::shape(&loaded.source),
                _ => load::Shape::BrokenPlan,
            };
            Ok((loaded, shape))
        })
        .collect::<Result<Vec<_>, load::ReadError>>()?;
    let mut kept = Vec::new();
    let mut skipped = Vec::new();
    for (file, shape) in loaded {
        match shape {
            load::Shape::BrokenPlan => kept.push(file),
            other => skipped.push((file.source.path, other)),
        }
    }
    let findings = check_loaded(&kept);
    Ok(Checked {
        files: kept,
        findings,
        skipped,
    })
}

/// Validates the run's files. References may point at any file of the run
/// and at the embedded national schemes; a file of the run wins over the
/// embedded scheme of the same id, so an edited copy is checked as edited.
pub fn check_loaded(loaded: &[Loaded]) -> Vec<Finding> {
    let plans: HashMap<&str, &crate::model::Plan> = crate::compare::chain::known(loaded)
        .into_iter()
        .map(|(id, (plan, _))| (id, plan))
        .collect();
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
            Err(error) => vec![Finding::from_load_error(&file.source, error)],
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
