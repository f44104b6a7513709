//! The JSON report of a whole country's plans in memory that does not grow
//! with them. The run's files are read, checked and written a chunk at a
//! time, in the run's order; what stays is what a plan is held to (a
//! commune's province plan, found by an index of the id every file
//! declares), the findings, and a path and an id per file. Each section of
//! the report goes to a temporary file as its rows are made; the report is
//! put together from them at the end: the same bytes as [`super::build`]
//! drawn by `render::write_json`, which the tests hold it to. Only a "did
//! you mean" hint can differ: it may also name an id that a file of the
//! run declares but that does not load, and it cannot name a plan beside
//! the run that only a later chunk asks for; and so can the warning that a
//! file beside the run names a wanted plan but does not load, given when
//! the chunk that asked still lacks the plan.
//!
//! A plan others are held to is read once and used as read, both for its
//! own rows and as a parent; a plan of an earlier chunk asked for later
//! (a commune held to another commune) is read again.

use std::collections::{BTreeSet, HashMap};
use std::io::{Seek, Write};
use std::path::PathBuf;

use rayon::prelude::*;
use serde::Serialize;

use super::{Checked, Options, Report};
use crate::beside::{Beside, Search};
use crate::check::{CheckError, Claims, Taken};
use crate::finding::Finding;
use crate::i18n::Lang;
use crate::load::{self, Loaded};
use crate::walk::Found;

/// Files read and checked at a time: enough to keep every thread busy, few
/// enough that their models are a small part of the run's memory.
const CHUNK: usize = 256;

/// What a streamed run reads.
pub struct Input<'a> {
    pub files: &'a [Found],
    pub skip_non_plans: bool,
    /// Where the plans referred to and not in the run are looked for.
    pub search: Search<'a>,
}

/// A run checked and its report written aside, ready to be put together.
pub struct Streamed {
    /// The report without its plans, comparisons, schedules, progress and
    /// findings.
    head: Report,
    findings: Vec<Finding>,
    /// Whether the run found anything before `--only` kept some of it.
    pub found_any: bool,
    /// Those four sections, in that order, each its rows as JSON.
    sections: [Written; 4],
    /// Every file the run read: no output may replace one.
    pub read: Vec<PathBuf>,
    /// How many of the run's files were checked as plans.
    pub checked: usize,
    pub skipped: Vec<(PathBuf, load::Shape)>,
    /// The plans found beside the run's, and the files that might have been.
    pub beside: Beside,
}

/// Why a streamed run stopped.
#[derive(Debug, thiserror::Error)]
pub enum StreamError {
    #[error(transparent)]
    Check(#[from] CheckError),
    /// A temporary file for the report's sections could not be written.
    #[error("{0}")]
    Spill(#[from] std::io::Error),
    /// `--against` names no plan the run knows.
    #[error("unknown plan {id}")]
    UnknownAgainst { id: String, known: Vec<String> },
}

impl Streamed {
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// The report, as `render::write_json` writes the one `build` makes.
    pub fn write_json(&self, out: &mut dyn Write) -> std::io::Result<()> {
        let head = crate::i18n::to_localized_json(&self.head, self.head.lang)
            .map_err(std::io::Error::other)?;
        let mut rest = head.as_str();
        for (key, spill) in SECTIONS.iter().zip(&self.sections) {
            rest = splice(out, rest, key, |out| spill.copy_to(out))?;
        }
        let lang = self.head.lang;
        rest = splice(out, rest, "findings", |out| {
            for (i, finding) in self.findings.iter().enumerate() {
                out.write_all(if i == 0 { b"\n    " } else { b",\n    " })?;
                let row = element(finding, lang).map_err(std::io::Error::other)?;
                out.write_all(row.as_bytes())?;
            }
            Ok(())
        })?;
        out.write_all(rest.as_bytes())?;
        out.write_all(b"\n")
    }
}

/// Writes `rest` up to its empty top-level list `key`, the rows `write`
/// writes in it, and returns what follows the list.
fn splice<'r>(
    out: &mut dyn Write,
    rest: &'r str,
    key: &str,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<&'r str> {
    // Top-level keys alone are indented by two spaces.
    let empty = format!("\n  \"{key}\": []");
    let at = rest
        .find(&empty)
        .ok_or_else(|| std::io::Error::other(format!("the report has no top-level `{key}`")))?;
    out.write_all(&rest.as_bytes()[..at + empty.len() - 1])?;
    let mut counted = Counted { out, written: 0 };
    write(&mut counted)?;
    if counted.written > 0 {
        out.write_all(b"\n  ")?;
    }
    out.write_all(b"]")?;
    Ok(&rest[at + empty.len()..])
}

/// A writer that counts what goes through it: whether a list had rows.
struct Counted<'w> {
    out: &'w mut dyn Write,
    written: usize,
}

impl Write for Counted<'_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let written = self.out.write(bytes)?;
        self.written += written;
        Ok(written)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

const SECTIONS: [&str; 4] = ["plans", "comparisons", "schedules", "progress"];

/// Checks the run's files as [`crate::check::check_found`] and
/// [`super::build`] do together, one chunk of files at a time.
pub fn run(input: &Input<'_>, options: &Options<'_>) -> Result<Streamed, StreamError> {
    let index = Index::of(input)?;
    let mut held = Held::new(&index, input);
    if let Some(id) = options.against {
        held.hold([id.to_owned()], &mut [])?;
        if !held.has(id) {
            return Err(StreamError::UnknownAgainst {
                id: id.to_owned(),
                known: held.known().ids().map(str::to_owned).collect(),
            });
        }
    }
    let mut run = Gathered::new()?;
    let mut statuses = Vec::new();
    for chunk in input.files.chunks(CHUNK) {
        let taken = chunk
            .par_iter()
            .map(|found| match held.by_path.get(&found.path) {
                Some(id) => Ok(Slot::Held(id.clone())),
                None => crate::check::take(found, input.skip_non_plans).map(Slot::Taken),
            })
            .collect::<Result<Vec<_>, load::ReadError>>()
            .map_err(CheckError::from)?;
        let mut plans = Vec::new();
        for slot in taken {
            match slot {
                Slot::Taken(Taken::Plan(file)) => plans.push(Slot::Read(file)),
                Slot::Taken(Taken::Skipped(path, shape)) => run.skipped.push((path, shape)),
                Slot::Taken(Taken::NamedStatus(file)) => statuses.push(file),
                other => plans.push(other),
            }
        }
        run.check(plans, &mut held, options)?;
    }
    let paired = crate::check::pair_statuses(
        statuses,
        |plan| run.read.iter().any(|read| read == plan),
        input.skip_non_plans,
    )
    .map_err(CheckError::from)?;
    let plans = paired
        .plans
        .into_iter()
        .map(|file| match held.by_path.get(&file.source.path) {
            Some(id) => Slot::Held(id.clone()),
            None => Slot::Read(file),
        })
        .collect();
    run.check(plans, &mut held, options)?;
    run.skipped.extend(paired.skipped);
    run.findings.extend(paired.orphans);
    Ok(run.finish(held, options)?)
}

/// A file of a chunk: as read, or the plan already held for its path (a
/// plan is read once, so the rows of a plan and its use as a parent agree).
enum Slot {
    Taken(Taken),
    Read(Loaded),
    Held(String),
}

/// The ids the run's files declare, each with the files that declare it in
/// the run's order: which file to read when a plan is held to one. The
/// plan beside a status file named on the command line comes last, as the
/// whole run checks it last.
struct Index {
    declared: HashMap<String, Vec<PathBuf>>,
    /// Every file the run may read as a plan, in its order.
    files: Vec<PathBuf>,
}

impl Index {
    fn of(input: &Input<'_>) -> Result<Self, CheckError> {
        let mut files: Vec<PathBuf> = input.files.iter().map(|f| f.path.clone()).collect();
        let beside_statuses = input
            .files
            .iter()
            .filter(|found| found.named && crate::check::plan_of_status(&found.path).is_some())
            .map(|found| crate::check::take(found, input.skip_non_plans))
            .collect::<Result<Vec<_>, load::ReadError>>()?;
        for taken in beside_statuses {
            if let Taken::NamedStatus(status) = taken
                && let Some(plan) = crate::check::plan_of_status(&status.source.path)
                && !files.contains(&plan)
            {
                files.push(plan);
            }
        }
        let ids: Vec<Option<String>> = files
            .par_iter()
            .map(|path| load::declared_id(path))
            .collect();
        let mut declared: HashMap<String, Vec<PathBuf>> = HashMap::new();
        for (path, id) in files.iter().zip(ids) {
            if let Some(id) = id {
                declared.entry(id).or_default().push(path.clone());
            }
        }
        Ok(Self { declared, files })
    }
}

/// The plans the run's plans are held to, read when first asked for and
/// kept: never more than the plans that others name.
struct Held<'a> {
    index: &'a Index,
    input: &'a Input<'a>,
    plans: HashMap<String, Loaded>,
    by_path: HashMap<PathBuf, String>,
    /// Every id asked for, held or not: asked once.
    asked: BTreeSet<String>,
    /// The run's files, canonical, when a search beside them needs them.
    canonical: Option<Vec<PathBuf>>,
    beside: Beside,
}

impl<'a> Held<'a> {
    fn new(index: &'a Index, input: &'a Input<'a>) -> Self {
        Self {
            index,
            input,
            plans: HashMap::new(),
            by_path: HashMap::new(),
            asked: BTreeSet::new(),
            canonical: None,
            beside: Beside::default(),
        }
    }

    fn has(&self, id: &str) -> bool {
        self.plans.contains_key(id) || crate::baselines::SCHEMES.iter().any(|s| s.id == id)
    }

    /// Holds the plans `wanted` and the plans they refer to in turn, as
    /// the whole run would know them: the last of the run's files that
    /// declares an id and loads (as a map of every file keeps the last),
    /// else the embedded scheme, else a plan found beside the run's. A
    /// file of the chunk being checked (`chunk`) is taken from it, not read
    /// again.
    fn hold(
        &mut self,
        wanted: impl IntoIterator<Item = String>,
        chunk: &mut [Slot],
    ) -> Result<(), StreamError> {
        let mut queue: Vec<String> = wanted.into_iter().collect();
        loop {
            let mut outside = BTreeSet::new();
            while let Some(id) = queue.pop() {
                if !self.asked.insert(id.clone()) {
                    continue;
                }
                let claimants = self.index.declared.get(&id).map_or(&[][..], Vec::as_slice);
                if let Some(file) = last_that_loads(&id, claimants, chunk) {
                    queue.extend(referenced(&file));
                    self.keep(id, file);
                } else if !self.has(&id) {
                    outside.insert(id);
                }
            }
            if outside.is_empty() {
                return Ok(());
            }
            let found = self.search_beside(outside)?;
            for file in found.plans {
                queue.extend(referenced(&file));
                if let Ok(plan) = &file.plan {
                    let id = plan.document.id.clone();
                    self.keep(id, file);
                }
            }
            for path in found.broken {
                if !self.beside.broken.contains(&path) {
                    self.beside.broken.push(path);
                }
            }
            for claim in found.ambiguous {
                if !self.beside.ambiguous.contains(&claim) {
                    self.beside.ambiguous.push(claim);
                }
            }
        }
    }

    /// Holds the run's files declaring `wanted`, and nothing beside the
    /// run: a scheme the plan says is not available to xhht is looked for
    /// among the run's files only, as the whole run knows them (validation
    /// still reads its tasks to tell a designated lead).
    fn hold_from_run(&mut self, wanted: Vec<String>, chunk: &mut [Slot]) {
        for id in wanted {
            if self.asked.contains(&id) || self.plans.contains_key(&id) {
                continue;
            }
            let claimants = self.index.declared.get(&id).map_or(&[][..], Vec::as_slice);
            if let Some(file) = last_that_loads(&id, claimants, chunk) {
                self.keep(id, file);
            }
        }
    }

    fn keep(&mut self, id: String, file: Loaded) {
        self.by_path.insert(file.source.path.clone(), id.clone());
        self.plans.insert(id, file);
    }

    fn search_beside(&mut self, wanted: BTreeSet<String>) -> Result<Beside, CheckError> {
        let files = &self.index.files;
        let canonical = self
            .canonical
            .get_or_insert_with(|| files.iter().map(|f| crate::beside::canonical(f)).collect());
        let known = self
            .index
            .declared
            .keys()
            .chain(&self.asked)
            .cloned()
            .chain(crate::baselines::SCHEMES.iter().map(|s| s.id.to_owned()))
            .filter(|id| !wanted.contains(id))
            .collect();
        Ok(crate::beside::find_ids(
            wanted,
            known,
            canonical,
            &self.input.search,
        )?)
    }

    fn known(&self) -> crate::compare::chain::Known<'_> {
        crate::compare::chain::known_listing(
            self.plans.values(),
            self.index.declared.keys().map(String::as_str),
        )
    }
}

/// The last of `claimants` (the files declaring `id`, in the run's order)
/// that loads as a plan with that id: taken from `chunk` when it is there
/// (the slot then points at the plan held), else read.
fn last_that_loads(id: &str, claimants: &[PathBuf], chunk: &mut [Slot]) -> Option<Loaded> {
    claimants.iter().rev().find_map(|path| {
        let in_chunk = chunk
            .iter()
            .position(|slot| matches!(slot, Slot::Read(file) if &file.source.path == path));
        let declares = |file: &Loaded| file.plan.as_ref().is_ok_and(|p| p.document.id == id);
        match in_chunk {
            Some(at) => {
                let Slot::Read(file) = &chunk[at] else {
                    return None;
                };
                if !declares(file) {
                    return None;
                }
                match std::mem::replace(&mut chunk[at], Slot::Held(id.to_owned())) {
                    Slot::Read(file) => Some(file),
                    _ => None,
                }
            }
            None => load::load_file(path).ok().filter(declares),
        }
    })
}

/// The schemes the chunk's plans implement without xhht having them
/// (`available: false`).
fn unavailable_schemes(chunk: &[Slot], held: &Held<'_>) -> Vec<String> {
    chunk
        .iter()
        .filter_map(|slot| match slot {
            Slot::Read(file) => file.plan.as_ref().ok(),
            Slot::Held(id) => held.plans.get(id)?.plan.as_ref().ok(),
            Slot::Taken(_) => None,
        })
        .flat_map(|plan| &plan.links.implements)
        .filter(|link| !link.available)
        .map(|link| link.plan.clone())
        .collect()
}

fn referenced(file: &Loaded) -> Vec<String> {
    file.plan
        .as_ref()
        .map(|plan| crate::beside::referenced(plan).collect())
        .unwrap_or_default()
}

/// The run so far: its findings, its sections written aside, and what it
/// read.
struct Gathered {
    findings: Vec<Finding>,
    sections: [Spill; 4],
    claims: Claims,
    read: Vec<PathBuf>,
    checked: usize,
    skipped: Vec<(PathBuf, load::Shape)>,
}

impl Gathered {
    fn new() -> std::io::Result<Self> {
        Ok(Self {
            findings: Vec::new(),
            sections: [Spill::new()?, Spill::new()?, Spill::new()?, Spill::new()?],
            claims: Claims::default(),
            read: Vec::new(),
            checked: 0,
            skipped: Vec::new(),
        })
    }

    /// Validates and checks `chunk`, files of the run in order, and writes
    /// their rows.
    fn check(
        &mut self,
        mut chunk: Vec<Slot>,
        held: &mut Held<'_>,
        options: &Options<'_>,
    ) -> Result<(), StreamError> {
        let wanted: Vec<String> = chunk
            .iter()
            .flat_map(|slot| match slot {
                Slot::Read(file) => referenced(file),
                Slot::Held(id) => held.plans.get(id).map(referenced).unwrap_or_default(),
                Slot::Taken(_) => Vec::new(),
            })
            .collect();
        held.hold(wanted, &mut chunk)?;
        held.hold_from_run(unavailable_schemes(&chunk, held), &mut chunk);
        let held = &*held;
        let plans: Vec<&Loaded> = chunk
            .iter()
            .filter_map(|slot| match slot {
                Slot::Read(file) => Some(file),
                Slot::Held(id) => held.plans.get(id),
                Slot::Taken(_) => None,
            })
            .collect();
        let cx = crate::validate::Context {
            catalogue: crate::catalogue::Catalogue::embedded(),
            plans: held.known(),
        };
        let rows = plans
            .par_iter()
            .map(|file| {
                let mut findings = crate::check::validate_file(file, &cx);
                let checked = super::check_plan(file, options, &cx.plans);
                let rows = checked
                    .map(|checked| Rows::of(checked, &mut findings, options.lang))
                    .transpose()?;
                Ok((findings, rows))
            })
            .collect::<serde_json::Result<Vec<_>>>()
            .map_err(std::io::Error::other)?;
        for (file, (findings, rows)) in plans.iter().zip(rows) {
            self.checked += 1;
            self.read.push(file.source.path.clone());
            self.findings.extend(findings);
            self.findings.extend(self.claims.claim(file));
            let Some(rows) = rows else { continue };
            self.read.extend(rows.status_file);
            self.sections[0].push(&rows.summary)?;
            for comparison in &rows.comparisons {
                self.sections[1].push(comparison)?;
            }
            if let Some((schedule, progress)) = &rows.scheduled {
                self.sections[2].push(schedule)?;
                self.sections[3].push(progress)?;
            }
        }
        Ok(())
    }

    fn finish(self, held: Held<'_>, options: &Options<'_>) -> std::io::Result<Streamed> {
        let found_any = !self.findings.is_empty();
        let mut report = super::assemble(
            self.checked,
            Vec::new(),
            Vec::new(),
            Vec::new(),
            super::keep_only(self.findings, options.only),
            options.as_of,
            options.lang,
        );
        report.generated = options.as_of;
        let findings = std::mem::take(&mut report.findings);
        let mut read = self.read;
        read.extend(held.plans.values().map(|f| f.source.path.clone()));
        let [plans, comparisons, schedules, progress] = self.sections;
        Ok(Streamed {
            head: report,
            findings,
            found_any,
            sections: [
                plans.finish()?,
                comparisons.finish()?,
                schedules.finish()?,
                progress.finish()?,
            ],
            read,
            checked: self.checked,
            skipped: self.skipped,
            beside: held.beside,
        })
    }
}

/// One plan's rows, as the report's JSON writes them.
struct Rows {
    summary: String,
    comparisons: Vec<String>,
    scheduled: Option<(String, String)>,
    status_file: Option<PathBuf>,
}

impl Rows {
    fn of(checked: Checked, findings: &mut Vec<Finding>, lang: Lang) -> serde_json::Result<Self> {
        findings.extend(checked.findings);
        Ok(Self {
            summary: element(&checked.summary, lang)?,
            comparisons: checked
                .comparisons
                .iter()
                .map(|c| element(c, lang))
                .collect::<serde_json::Result<_>>()?,
            scheduled: checked
                .scheduled
                .map(|(schedule, progress)| {
                    Ok::<_, serde_json::Error>((
                        element(&schedule, lang)?,
                        element(&progress, lang)?,
                    ))
                })
                .transpose()?,
            status_file: checked.status_source.map(|source| source.path),
        })
    }
}

/// A row as the whole report's pretty JSON writes it: an element of a
/// top-level list, four spaces in. JSON text has no raw line breaks inside
/// its strings, so each line break is where a line of the row begins.
fn element(value: &impl Serialize, lang: Lang) -> serde_json::Result<String> {
    Ok(crate::i18n::to_localized_json(value, lang)?.replace('\n', "\n    "))
}

/// A section's rows, written to a temporary file as they come.
struct Spill {
    file: std::io::BufWriter<std::fs::File>,
    rows: usize,
}

impl Spill {
    fn new() -> std::io::Result<Self> {
        Ok(Self {
            file: std::io::BufWriter::new(tempfile::tempfile()?),
            rows: 0,
        })
    }

    fn push(&mut self, row: &str) -> std::io::Result<()> {
        let separator: &[u8] = if self.rows == 0 {
            b"\n    "
        } else {
            b",\n    "
        };
        self.file.write_all(separator)?;
        self.file.write_all(row.as_bytes())?;
        self.rows += 1;
        Ok(())
    }

    fn finish(self) -> std::io::Result<Written> {
        Ok(Written {
            file: self
                .file
                .into_inner()
                .map_err(std::io::IntoInnerError::into_error)?,
        })
    }
}

/// A section's rows, all written.
struct Written {
    file: std::fs::File,
}

impl Written {
    fn copy_to(&self, out: &mut dyn Write) -> std::io::Result<()> {
        let mut file = &self.file;
        file.rewind()?;
        std::io::copy(&mut file, out)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::{Input, run};
    use crate::date::CivilDate;
    use crate::i18n::Lang;
    use crate::report::Options;

    /// The report built whole and drawn, as `xhht report --format json`
    /// gave it before it was streamed.
    fn whole(paths: &[PathBuf], options: &Options<'_>) -> String {
        let filter = crate::walk::Filter::default();
        let files = crate::walk::find(paths, &filter).unwrap();
        let checked = crate::check::check_found(&files, false, &[], &[], &filter).unwrap();
        let options = Options {
            also_known: &checked.beside.plans,
            ..*options
        };
        let report = crate::report::build(&checked.files, checked.findings, &options);
        let mut json = Vec::new();
        crate::render::write_json(&report, &mut json).unwrap();
        String::from_utf8(json).unwrap()
    }

    fn streamed(paths: &[PathBuf], options: &Options<'_>) -> String {
        let filter = crate::walk::Filter::default();
        let files = crate::walk::find(paths, &filter).unwrap();
        let named: Vec<PathBuf> = files.iter().map(|f| f.path.clone()).collect();
        let input = Input {
            files: &files,
            skip_non_plans: false,
            search: crate::beside::Search {
                named: &named,
                dirs: &[],
                also_wanted: &[],
                filter: &filter,
            },
        };
        let mut json = Vec::new();
        run(&input, options).unwrap().write_json(&mut json).unwrap();
        String::from_utf8(json).unwrap()
    }

    fn plan(id: &str, level: &str, parent: Option<&str>) -> String {
        let template = include_str!("../../tests/templates/hung-yen-plan.yaml.in");
        let mut text = template.replace("LEVEL", level).replace("ID", id);
        if let Some(parent) = parent {
            text.push_str(&format!("  parent: {{plan: {parent}, number: \"2/KH\"}}\n"));
        }
        text
    }

    /// What a run of its own files cannot show: a status file named with
    /// a plan of another directory, whose plan is the parent (and has a
    /// draft of the same id beside it); a plan whose first line is a
    /// quoted text that runs over a line starting `document:`.
    #[test]
    fn the_streamed_report_knows_the_plans_the_whole_run_knows() {
        let dir = tempfile::tempdir().unwrap();
        let write = |name: &str, text: &str| {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, text).unwrap();
            path
        };
        let child = write(
            "c/child.yaml",
            &plan("p-child", "commune", Some("p-parent")),
        );
        write("d/parent.yaml", &plan("p-parent", "province", None));
        write("d/parent-draft.yaml", &plan("p-parent", "province", None));
        let status = write("d/parent.status.yaml", "plan: p-parent\ntasks: []\n");
        let plain = plan("real-5", "province", None);
        let (head, _) = plain.split_once("links:").unwrap();
        let fooled = format!(
            "links: {{implements: [{{plan: de-an-1373, number: \"1373\", note: \"x\n\
             document:\n  id: fake-5\"}}]}}\n{head}"
        );
        write("e/parent.yaml", &fooled);
        write("e/child.yaml", &plan("child-5", "commune", Some("real-5")));
        let options = Options::full(CivilDate::new(2026, 11, 30).unwrap(), Lang::En);
        for paths in [vec![child, status], vec![dir.path().join("e")]] {
            let (whole, streamed) = (whole(&paths, &options), streamed(&paths, &options));
            assert!(whole.contains("\"relation\": \"parent\""), "{whole}");
            assert!(whole == streamed, "{paths:?}:\n{whole}\n---\n{streamed}");
        }
        // A scheme of the run the plan names `available: false`: its tasks
        // still tell validation who the designated lead is (XH031).
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let read = |path: &str| std::fs::read_to_string(root.join(path)).unwrap();
        let scheme = read("plans/national/de-an-281.yaml").replacen(
            "  id: \"de-an-281\"",
            "  id: \"sch-x\"",
            1,
        );
        write("f/a-scheme.yaml", &scheme);
        let link = "    - {plan: de-an-89, number: \"89/QĐ-TTg\", date: 2013-01-09}\n";
        let unavailable = "    - {plan: sch-x, number: \"281/QĐ-TTg\", available: false}\n";
        let implementing = read("tests/fixtures/validate/ordered-mass-organisation.yaml").replacen(
            link,
            &format!("{link}{unavailable}"),
            1,
        );
        write("f/b-plan.yaml", &implementing);
        let paths = [dir.path().join("f")];
        for compare in [false, true] {
            let options = Options { compare, ..options };
            let (whole, streamed) = (whole(&paths, &options), streamed(&paths, &options));
            assert!(!whole.contains("XH031"), "{whole}");
            assert!(whole == streamed, "{compare}:\n{whole}\n---\n{streamed}");
        }
    }

    /// Plans with parents and schemes, broken files, two files claiming one
    /// id, a parent found beside a plan named alone; in both languages,
    /// held to their own plans and to one scheme, and validated alone.
    #[test]
    fn the_streamed_report_is_the_whole_report_byte_for_byte() {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let runs: [Vec<PathBuf>; 4] = [
            vec![root.join("plans")],
            vec![root.join("tests/fixtures")],
            vec![root.join("plans"), root.join("tests/fixtures/diff")],
            vec![root.join("plans/thai-binh-2021-2030.yaml")],
        ];
        for paths in &runs {
            for lang in [Lang::En, Lang::Vi] {
                for (against, compare) in [(None, true), (Some("de-an-1373"), true), (None, false)]
                {
                    let options = Options {
                        against,
                        within_days: Some(30),
                        compare,
                        ..Options::full(CivilDate::new(2026, 11, 30).unwrap(), lang)
                    };
                    let (whole, streamed) = (whole(paths, &options), streamed(paths, &options));
                    assert!(whole.len() > 1000, "{paths:?}: {whole}");
                    assert!(
                        whole == streamed,
                        "{paths:?} {lang:?} {against:?}: they part at byte {}",
                        whole
                            .bytes()
                            .zip(streamed.bytes())
                            .position(|(a, b)| a != b)
                            .unwrap_or(whole.len().min(streamed.len()))
                    );
                }
            }
        }
    }
}
