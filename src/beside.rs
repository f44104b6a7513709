//! The plans a run's plans refer to without being given to check: a parent
//! plan saved beside the plan, or in a directory named with `--plans`.
//! Every command finds them the same way, so a plan that `diff` resolves is
//! resolved by `validate` and `report` too.
//!
//! A directory of a whole country's plans must not be parsed to check one of
//! them: a file is parsed only when its text contains an id still wanted.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::load::{self, Loaded};
use crate::model::Plan;
use crate::source::Format;
use crate::walk::WalkError;

/// Plans found beside the run's; when a wanted plan was not found, the
/// files that name its id but do not load (the parent may be among them:
/// saying so beats "unknown plan"); and ids more than one file claims.
#[derive(Default)]
pub struct Beside {
    pub plans: Vec<Loaded>,
    pub broken: Vec<PathBuf>,
    /// A plan id and the files that each claim it: none of them is used,
    /// since comparing with the wrong one would give a wrong verdict.
    pub ambiguous: Vec<(String, Vec<PathBuf>)>,
}

/// Where to look: the directory of each file named on the command line
/// (its own files, not its sub-directories: an `archive/` there is not
/// where a parent plan is kept), and every directory named with `--plans`,
/// throughout; `--include` and `--exclude` apply as to the run's files.
pub struct Search<'a> {
    pub named: &'a [PathBuf],
    pub dirs: &'a [PathBuf],
    /// Ids wanted besides those the plans refer to (`--against ID`).
    pub also_wanted: &'a [String],
    pub filter: &'a crate::walk::Filter,
}

impl Search<'_> {
    fn directories(&self) -> Vec<(PathBuf, Option<usize>)> {
        let beside = self.named.iter().map(|file| match file.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => (dir.to_path_buf(), Some(1)),
            _ => (PathBuf::from("."), Some(1)),
        });
        let throughout = self.dirs.iter().map(|dir| (dir.clone(), None));
        throughout.chain(beside).collect()
    }
}

/// Finds the plans that `run` refers to and neither it nor the embedded
/// schemes hold, following their own references in turn.
pub fn find(run: &[Loaded], search: &Search<'_>) -> Result<Beside, WalkError> {
    let known: BTreeSet<String> = crate::compare::chain::known(run)
        .ids()
        .map(str::to_owned)
        .collect();
    let wanted: BTreeSet<String> = run
        .iter()
        .filter_map(|file| file.plan.as_ref().ok())
        .flat_map(referenced)
        .chain(search.also_wanted.iter().cloned())
        .filter(|id| !known.contains(id))
        .collect();
    if wanted.is_empty() {
        return Ok(Beside::default());
    }
    let run_files: Vec<PathBuf> = run.iter().map(|f| canonical(&f.source.path)).collect();
    find_ids(wanted, known, &run_files, search)
}

/// Finds the plans `wanted` by id outside the run's files (`run_files`,
/// canonical), following their references to plans not `known`.
pub(crate) fn find_ids(
    mut wanted: BTreeSet<String>,
    mut known: BTreeSet<String>,
    run_files: &[PathBuf],
    search: &Search<'_>,
) -> Result<Beside, WalkError> {
    let mut beside = Beside::default();
    let mut candidates: Vec<PathBuf> = crate::walk::lookup(&search.directories(), search.filter)?
        .into_iter()
        .filter(|path| !run_files.contains(&canonical(path)))
        .collect();
    // One file reached by two spellings (`--plans .` and `plans/`) is one
    // candidate, not two claiming the same id.
    let mut seen = BTreeSet::new();
    candidates.retain(|path| seen.insert(canonical(path)));
    // Each pass takes the files naming a wanted id; the plans found may
    // want others in turn (a commune's province plan names its scheme).
    let mut broken = Vec::new();
    while !wanted.is_empty() {
        let (mut found, mut rest) = (Vec::new(), Vec::new());
        for path in candidates {
            match naming(&path, &wanted) {
                Some(loaded) => found.push(loaded),
                None => rest.push(path),
            }
        }
        candidates = rest;
        let mut claims: BTreeMap<String, Vec<Loaded>> = BTreeMap::new();
        for loaded in found {
            match &loaded.plan {
                Ok(plan) if wanted.contains(&plan.document.id) => {
                    claims
                        .entry(plan.document.id.clone())
                        .or_default()
                        .push(loaded);
                }
                Ok(_) => {}
                Err(_) => broken.push(loaded.source.path.clone()),
            }
        }
        if claims.is_empty() {
            break;
        }
        for (id, mut files) in claims {
            wanted.remove(&id);
            known.insert(id.clone());
            if files.len() > 1 {
                let paths = files.iter().map(|f| f.source.path.clone()).collect();
                beside.ambiguous.push((id, paths));
                continue;
            }
            let loaded = files.remove(0);
            if let Ok(plan) = &loaded.plan {
                wanted.extend(referenced(plan).filter(|id| !known.contains(id)));
            }
            beside.plans.push(loaded);
        }
    }
    // Only while a wanted plan is missing can a broken file be the reason.
    if !wanted.is_empty() {
        beside.broken = broken;
    }
    Ok(beside)
}

/// The file, loaded, when its text declares one of the wanted ids as an
/// `id` (not merely names it: every commune plan beside a province plan
/// names the province's id in its links); a file that cannot be read is no
/// candidate.
fn naming(path: &Path, wanted: &BTreeSet<String>) -> Option<Loaded> {
    let format = Format::from_path(path)?;
    let bytes = load::read_regular_file(path, load::MAX_FILE_BYTES).ok()?;
    let declares_one = wanted.iter().any(|id| declares(&bytes, id.as_bytes()));
    declares_one.then(|| load::load_bytes(path.to_owned(), bytes, format))
}

/// Whether `id` stands in `text` as the value of an `id` key, in YAML
/// (`id: x`, `{id: "x"}`) or TOML (`id = "x"`). A false "no" leaves the
/// plan unknown (XH012), never a wrong plan compared with.
pub(crate) fn declares(text: &[u8], id: &[u8]) -> bool {
    memchr::memmem::find_iter(text, id).any(|at| {
        // A key is short: look back a little, never to the start of a long line.
        let window = &text[at.saturating_sub(64)..at];
        let line = memchr::memrchr(b'\n', window).map_or(window, |n| &window[n + 1..]);
        let mut before = line.trim_ascii_end();
        if let Some(unquoted) = before
            .strip_suffix(b"\"")
            .or_else(|| before.strip_suffix(b"'"))
        {
            before = unquoted.trim_ascii_end();
        }
        let Some(key) = before
            .strip_suffix(b":")
            .or_else(|| before.strip_suffix(b"="))
        else {
            return false;
        };
        let key = key.trim_ascii_end();
        let is_id = key.ends_with(b"id")
            && key
                .len()
                .checked_sub(3)
                .is_none_or(|i| !(key[i].is_ascii_alphanumeric() || key[i] == b'_'));
        let after = text.get(at + id.len()).copied();
        let whole = after.is_none_or(|c| {
            matches!(
                c,
                b'"' | b'\'' | b',' | b'}' | b'\n' | b'\r' | b' ' | b'\t' | b'#'
            )
        });
        is_id && whole
    })
}

/// The ids of the plans a plan refers to.
pub(crate) fn referenced(plan: &Plan) -> impl Iterator<Item = String> + '_ {
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

pub(crate) fn canonical(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_owned())
}

#[cfg(test)]
mod tests {
    use super::declares;

    #[test]
    fn an_id_is_declared_only_as_the_value_of_an_id_key() {
        let id = b"thai-binh-2021-2030";
        for yes in [
            &b"document:\n  id: thai-binh-2021-2030\n"[..],
            b"  id: \"thai-binh-2021-2030\"  # the province\n",
            b"document: {id: thai-binh-2021-2030, title: x}",
            b"[document]\nid = \"thai-binh-2021-2030\"\n",
        ] {
            assert!(declares(yes, id), "{}", String::from_utf8_lossy(yes));
        }
        for no in [
            &b"links:\n  parent: {plan: thai-binh-2021-2030, number: x}\n"[..],
            b"  valid: thai-binh-2021-2030\n",
            b"  id: thai-binh-2021-2030-old\n",
            b"note: see id thai-binh-2021-2030\n",
        ] {
            assert!(!declares(no, id), "{}", String::from_utf8_lossy(no));
        }
    }
}
