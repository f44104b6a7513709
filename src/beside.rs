//! The plans a run's plans refer to without being given to check: a parent
//! plan saved beside the plan, or in a directory named with `--plans`.
//! Every command finds them the same way, so a plan that `diff` resolves is
//! resolved by `validate` and `report` too.
//!
//! A directory of a whole country's plans must not be parsed to check one of
//! them: a file is parsed only when its text contains an id still wanted.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::load::{self, Loaded};
use crate::model::Plan;
use crate::source::Format;
use crate::walk::WalkError;

/// Plans found beside the run's, and files that name a wanted plan's id but
/// do not load (the parent may be among them: saying so beats "unknown plan").
#[derive(Default)]
pub struct Beside {
    pub plans: Vec<Loaded>,
    pub broken: Vec<PathBuf>,
}

/// Where to look: the directories of the files named on the command line,
/// and those named with `--plans`.
pub struct Search<'a> {
    pub named: &'a [PathBuf],
    pub dirs: &'a [PathBuf],
    /// Ids wanted besides those the plans refer to (`--against ID`).
    pub also_wanted: &'a [String],
}

impl Search<'_> {
    fn directories(&self) -> Vec<PathBuf> {
        let beside = self.named.iter().map(|file| match file.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
            _ => PathBuf::from("."),
        });
        let mut dirs: Vec<PathBuf> = self.dirs.iter().cloned().chain(beside).collect();
        dirs.sort();
        dirs.dedup();
        dirs
    }
}

/// Finds the plans that `run` refers to and neither it nor the embedded
/// schemes hold, following their own references in turn.
pub fn find(run: &[Loaded], search: &Search<'_>) -> Result<Beside, WalkError> {
    let mut known: BTreeSet<String> = crate::compare::chain::known(run)
        .keys()
        .map(|id| (*id).to_owned())
        .collect();
    let mut wanted: BTreeSet<String> = run
        .iter()
        .filter_map(|file| file.plan.as_ref().ok())
        .flat_map(referenced)
        .chain(search.also_wanted.iter().cloned())
        .filter(|id| !known.contains(id))
        .collect();
    let mut beside = Beside::default();
    if wanted.is_empty() {
        return Ok(beside);
    }
    let run_files: Vec<PathBuf> = run.iter().map(|f| canonical(&f.source.path)).collect();
    let mut candidates: Vec<PathBuf> = crate::walk::plan_files(&search.directories())?
        .into_iter()
        .filter(|path| !run_files.contains(&canonical(path)))
        .collect();
    // Each pass takes the files naming a wanted id; the plans found may
    // want others in turn (a commune's province plan names its scheme).
    while !wanted.is_empty() {
        let (mut found, mut rest) = (Vec::new(), Vec::new());
        for path in candidates {
            match naming(&path, &wanted) {
                Some(loaded) => found.push(loaded),
                None => rest.push(path),
            }
        }
        candidates = rest;
        if found.is_empty() {
            break;
        }
        for loaded in found {
            let Ok(plan) = &loaded.plan else {
                beside.broken.push(loaded.source.path.clone());
                continue;
            };
            if !wanted.remove(&plan.document.id) {
                continue;
            }
            known.insert(plan.document.id.clone());
            wanted.extend(referenced(plan).filter(|id| !known.contains(id)));
            beside.plans.push(loaded);
        }
    }
    Ok(beside)
}

/// The file, loaded, when its text contains one of the wanted ids; a file
/// that cannot be read is no candidate.
fn naming(path: &Path, wanted: &BTreeSet<String>) -> Option<Loaded> {
    let format = Format::from_path(path)?;
    let bytes = load::read_regular_file(path, load::MAX_FILE_BYTES).ok()?;
    let names_one = wanted
        .iter()
        .any(|id| memchr::memmem::find(&bytes, id.as_bytes()).is_some());
    names_one.then(|| load::load_bytes(path.to_owned(), bytes, format))
}

/// The ids of the plans a plan refers to.
fn referenced(plan: &Plan) -> impl Iterator<Item = String> + '_ {
    let links = &plan.links;
    let linked = links
        .implements
        .iter()
        .chain(&links.parent)
        .filter(|link| link.available)
        .map(|link| &link.plan);
    let items = plan
        .targets
        .iter()
        .flat_map(|t| &t.restates)
        .chain(plan.tasks.iter().flat_map(|t| &t.carries_out))
        .map(|item| &item.plan);
    let skipped = plan.not_applicable.iter().map(|n| &n.plan);
    linked.chain(items).chain(skipped).cloned()
}

fn canonical(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_owned())
}
