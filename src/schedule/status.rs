//! Progress records: a status file beside the plan (`PLAN.status.yaml`,
//! `.yml` or `.toml`) and the plan's inline `progress`. The approved text
//! and what has been done since are kept apart, so a status file can change
//! every month while the plan file stays as issued.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::date::CivilDate;
use crate::finding::{Anchor, Finding, Rule};
use crate::i18n::Message;
use crate::load::{self, LoadError, ReadError};
use crate::model::{Plan, Progress, StatusFile, TargetProgress, TaskProgress, Unit};
use crate::msg;
use crate::source::{FieldPath, LineCol, SourceFile};

/// Why the progress of a plan could not be read; nothing was checked then.
/// A report shows [`StatusError::message`] in its language, with
/// [`StatusError::hint`]; `Display` is that message in English (a read
/// error: as the loader words it), for logs and `--status` errors.
#[derive(thiserror::Error)]
#[error("{}", self.message().render(crate::i18n::Lang::En))]
pub enum StatusError {
    /// The file cannot be read, or is not YAML or TOML by its name.
    #[error(transparent)]
    Read(#[from] ReadError),
    /// The file is not a status file; `Finding::from_load_error(&file,
    /// &error)` turns this into a diagnostic with the offending line.
    Invalid {
        file: Box<SourceFile>,
        error: LoadError,
    },
    OtherPlan {
        path: PathBuf,
        found: String,
        expected: String,
    },
    Ambiguous {
        first: PathBuf,
        second: PathBuf,
    },
}

impl StatusError {
    /// What went wrong, naming the file.
    pub fn message(&self) -> Message {
        match self {
            // Worded by the loader, which reads plans the same way.
            Self::Read(error) => error.message(),
            Self::Invalid { file, error } => msg!(
                "schedule.status.invalid",
                file = &file.path,
                error = error.message.clone()
            ),
            Self::OtherPlan {
                path,
                found,
                expected,
            } => msg!("schedule.status.other-plan", path, found, expected),
            Self::Ambiguous { first, second } => {
                msg!("schedule.status.ambiguous", first, second)
            }
        }
    }

    /// What to do about it.
    pub fn hint(&self) -> Message {
        msg!("schedule.status.fix-or-remove")
    }

    /// The file at fault (the first of two beside the plan), and where in
    /// it when the parser says.
    pub fn location(&self) -> (&Path, Option<LineCol>) {
        match self {
            Self::Read(error) => (error.path(), None),
            Self::Invalid { file, error } => (
                &file.path,
                error.span.as_ref().map(|span| file.line_col(span.start)),
            ),
            Self::OtherPlan { path, .. } => (path, None),
            Self::Ambiguous { first, .. } => (first, None),
        }
    }
}

// A SourceFile holds the whole text; the message says what matters.
impl fmt::Debug for StatusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "StatusError({self})")
    }
}

/// A status file as read, with its text for findings that point into it.
pub struct LoadedStatus {
    pub status: StatusFile,
    pub source: SourceFile,
}

const EXTENSIONS: [&str; 3] = ["yaml", "yml", "toml"];

/// Reads the progress recorded for `plan`, loaded from `plan_path`: from
/// `named` (`--status`), else from the status file beside the plan, if
/// there is one. The schedule's only access to the disk: checking takes
/// what this returns. Fails when the file cannot be read, does not parse,
/// or is for another plan, or when two files sit beside the plan.
pub fn read_for(
    plan: &Plan,
    plan_path: &Path,
    named: Option<&Path>,
) -> Result<Option<LoadedStatus>, StatusError> {
    let path = match named {
        Some(path) => path.to_owned(),
        None => match status_beside(plan_path)? {
            Some(path) => path,
            None => return Ok(None),
        },
    };
    let loaded = read(&path)?;
    if loaded.status.plan != plan.document.id {
        return Err(StatusError::OtherPlan {
            path,
            found: loaded.status.plan,
            expected: plan.document.id.clone(),
        });
    }
    Ok(Some(loaded))
}

/// The status file beside `plan_path`: `STEM.status.yaml`, `.yml` or
/// `.toml`, whichever exists. Two of them is an error rather than a silent
/// choice, since they could disagree.
pub fn status_beside(plan_path: &Path) -> Result<Option<PathBuf>, StatusError> {
    let Some(stem) = plan_path.file_stem() else {
        return Ok(None);
    };
    let mut existing = EXTENSIONS
        .iter()
        .map(|ext| {
            let mut name = stem.to_owned();
            name.push(format!(".status.{ext}"));
            plan_path.with_file_name(name)
        })
        .filter(|p| p.is_file());
    match (existing.next(), existing.next()) {
        (Some(first), Some(second)) => Err(StatusError::Ambiguous { first, second }),
        (first, _) => Ok(first),
    }
}

/// Reads a status file, YAML or TOML, with the same parser and options as plans.
pub fn load_status(path: &Path) -> Result<StatusFile, StatusError> {
    read(path).map(|loaded| loaded.status)
}

/// The status file with its text.
pub fn read(path: &Path) -> Result<LoadedStatus, StatusError> {
    let parsed = load::load_file_as::<StatusFile>(path)?;
    match parsed.value {
        Ok(status) => Ok(LoadedStatus {
            status,
            source: parsed.source,
        }),
        Err(error) => Err(StatusError::Invalid {
            file: Box::new(parsed.source),
            error,
        }),
    }
}

/// Everything wrong with progress records (a status file's, or the plan's
/// inline ones under `base`), as of `as_of`: records for items the plan does
/// not have, figures a target's unit cannot take, and records dated after
/// `as_of` or for a year not yet begun.
pub fn check_records(
    plan: &Plan,
    records: &[TaskProgress],
    targets: &[TargetProgress],
    source: &SourceFile,
    base: &FieldPath,
    as_of: CivilDate,
) -> Vec<Finding> {
    let mut findings = unknown_records(plan, records, targets, source, base);
    findings.extend(repeated_figures(plan, targets, source, base));
    let at = |rule: Rule, path: &FieldPath, what: Message| {
        Finding::at(rule, source, path, Anchor::Value, what).in_plan(&plan.document.id)
    };
    let ahead = |path: &FieldPath, what: Message| at(Rule::RecordedAhead, path, what);
    for (i, record) in records.iter().enumerate() {
        if let Some(date) = record.date.filter(|d| *d > as_of) {
            let path = base.key("tasks").index(i).key("date");
            let task = &record.task;
            findings.push(ahead(
                &path,
                msg!("progress.records.task-ahead", task, date, as_of),
            ));
        }
    }
    for (i, record) in targets.iter().enumerate() {
        let here = base.key("targets").index(i);
        let target = &record.target;
        if record.year < EARLIEST_YEAR {
            let year = record.year;
            let message = msg!("progress.records.year-before", target, year);
            findings.push(at(Rule::OutOfRange, &here.key("year"), message));
        }
        if i32::from(record.year) > i32::from(as_of.year()) {
            let year = record.year;
            findings.push(ahead(
                &here.key("year"),
                msg!("progress.records.year-ahead", target, year, as_of),
            ));
        }
        if let Some(date) = record.date.filter(|d| *d > as_of) {
            findings.push(ahead(
                &here.key("date"),
                msg!("progress.records.figure-ahead", target, date, as_of),
            ));
        }
        let unit = plan
            .targets
            .iter()
            .find(|t| &t.id == target)
            .map(|t| t.unit);
        if let Some(problem) = unit.and_then(|unit| impossible(record.achieved, unit)) {
            let achieved = record.achieved;
            let message = msg!("progress.records.out-of-range", target, achieved, problem);
            findings.push(at(Rule::OutOfRange, &here.key("achieved"), message));
        }
    }
    findings
}

/// A second figure for a target and year: one of the two is wrong, and
/// which one the verdict rests on must not be left to the order of lines.
fn repeated_figures(
    plan: &Plan,
    targets: &[TargetProgress],
    source: &SourceFile,
    base: &FieldPath,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (i, record) in targets.iter().enumerate() {
        let Some(first) = targets[..i]
            .iter()
            .find(|r| r.target == record.target && r.year == record.year)
        else {
            continue;
        };
        let target = &record.target;
        let (year, earlier, later) = (record.year, first.achieved, record.achieved);
        findings.push(
            Finding::at(
                Rule::DuplicateId,
                source,
                &base.key("targets").index(i).key("year"),
                Anchor::Value,
                msg!("progress.records.twice", target, year, earlier, later),
            )
            .in_plan(&plan.document.id)
            .hint(msg!("progress.records.twice-hint")),
        );
    }
    findings
}

/// No figure of a plan's indicators predates the Democratic Republic (1945).
const EARLIEST_YEAR: u16 = 1945;

/// Why a figure cannot be one of `unit`: a share over 100%, a count below zero.
fn impossible(value: f64, unit: Unit) -> Option<Message> {
    if !value.is_finite() {
        return Some(msg!("progress.records.not-a-number"));
    }
    match unit {
        Unit::Percent if !(0.0..=100.0).contains(&value) => Some(msg!("progress.records.percent")),
        Unit::Count if value < 0.0 => Some(msg!("progress.records.negative")),
        Unit::Level if value < 0.0 || value.fract() != 0.0 => Some(msg!("progress.records.level")),
        _ => None,
    }
}

/// Records naming a task or target the plan does not have: progress that
/// silently matched nothing would leave its item looking undone, or hide a
/// typo behind a pass.
fn unknown_records(
    plan: &Plan,
    records: &[TaskProgress],
    targets: &[TargetProgress],
    source: &SourceFile,
    base: &FieldPath,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    let task_ids: Vec<&str> = plan.tasks.iter().map(|t| t.id.as_str()).collect();
    for (i, record) in records.iter().enumerate() {
        if !task_ids.contains(&record.task.as_str()) {
            findings.push(unknown(
                source,
                &base.key("tasks").index(i).key("task"),
                "task",
                &record.task,
                &task_ids,
                plan,
            ));
        }
    }
    let target_ids: Vec<&str> = plan.targets.iter().map(|t| t.id.as_str()).collect();
    for (i, record) in targets.iter().enumerate() {
        if !target_ids.contains(&record.target.as_str()) {
            findings.push(unknown(
                source,
                &base.key("targets").index(i).key("target"),
                "target",
                &record.target,
                &target_ids,
                plan,
            ));
        }
    }
    findings
}

fn unknown(
    source: &SourceFile,
    path: &FieldPath,
    kind: &str,
    id: &str,
    ids: &[&str],
    plan: &Plan,
) -> Finding {
    let plan_id = &plan.document.id;
    let mut finding = Finding::at(
        Rule::UnknownItem,
        source,
        path,
        Anchor::Value,
        msg!("schedule.status.unknown-item", kind, id, plan_id),
    )
    .about(plan_id, id.to_owned());
    if let Some(best) = crate::suggest::closest(id, ids.iter().copied()) {
        finding = finding.hint(crate::suggest::did_you_mean(best));
    }
    finding
}

/// The status file's records, then the plan's inline ones that the file does
/// not also record: the file wins for the same task and period (and the same
/// target and year), being where progress is normally kept up to date.
pub fn merge(plan: &Plan, status: Option<&StatusFile>) -> Progress {
    let file = status
        .map(|s| (&s.tasks[..], &s.targets[..]))
        .unwrap_or_default();
    let inline = plan
        .progress
        .as_ref()
        .map(|p| (&p.tasks[..], &p.targets[..]))
        .unwrap_or_default();
    // Records are read last-first, so the file's come after the inline ones:
    // where both speak of the same task or target, the file wins.
    let mut progress = Progress::default();
    progress.tasks.extend(
        inline
            .0
            .iter()
            .filter(|record| {
                !file
                    .0
                    .iter()
                    .any(|r| r.task == record.task && same_period(r, record))
            })
            .cloned(),
    );
    progress.tasks.extend(file.0.iter().cloned());
    progress.targets.extend(
        inline
            .1
            .iter()
            .filter(|record| {
                !file
                    .1
                    .iter()
                    .any(|r| r.target == record.target && r.year == record.year)
            })
            .cloned(),
    );
    progress.targets.extend(file.1.iter().cloned());
    progress
}

fn same_period(a: &TaskProgress, b: &TaskProgress) -> bool {
    match (&a.period, &b.period) {
        (None, None) => true,
        (Some(a), Some(b)) => period_eq(a, b),
        _ => false,
    }
}

/// Period keys compare without regard to case or surrounding space: "2023-h1" is "2023-H1".
pub(super) fn period_eq(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TaskState;

    fn record(task: &str, period: Option<&str>, state: TaskState) -> TaskProgress {
        TaskProgress {
            task: task.into(),
            period: period.map(str::to_owned),
            state,
            date: None,
            note: None,
        }
    }

    #[test]
    fn the_file_wins_for_the_same_task_and_period() {
        let loaded = load::load_file(Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/plans/cat-hai-2020.yaml"
        )))
        .unwrap();
        let mut plan = loaded.plan.unwrap();
        plan.progress = Some(Progress {
            tasks: vec![
                record("a", Some("2023"), TaskState::InProgress),
                record("a", Some("2024"), TaskState::Done),
                record("b", None, TaskState::Done),
            ],
            targets: Vec::new(),
        });
        let status = StatusFile {
            plan: plan.document.id.clone(),
            tasks: vec![record("a", Some("2023 "), TaskState::Done)],
            targets: Vec::new(),
        };
        let merged = merge(&plan, Some(&status));
        assert_eq!(
            merged.tasks,
            [
                record("a", Some("2024"), TaskState::Done),
                record("b", None, TaskState::Done),
                record("a", Some("2023 "), TaskState::Done),
            ]
        );
        assert_eq!(merge(&plan, None).tasks.len(), 3);
    }

    #[test]
    fn status_files_are_found_beside_the_plan() {
        let dir = tempfile::tempdir().unwrap();
        let plan = dir.path().join("thai-binh.yaml");
        assert_eq!(status_beside(&plan).unwrap(), None);
        let toml = dir.path().join("thai-binh.status.toml");
        std::fs::write(&toml, "plan = \"thai-binh\"\n").unwrap();
        assert_eq!(status_beside(&plan).unwrap(), Some(toml.clone()));
        assert_eq!(load_status(&toml).unwrap().plan, "thai-binh");
        std::fs::write(dir.path().join("thai-binh.status.yaml"), "plan: x\n").unwrap();
        assert!(matches!(
            status_beside(&plan),
            Err(StatusError::Ambiguous { .. })
        ));
    }

    #[test]
    fn a_bad_status_file_keeps_its_text_for_the_diagnostic() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.status.yaml");
        std::fs::write(&path, "plan: p\ntasks:\n  - task: a\n    state: finished\n").unwrap();
        match load_status(&path) {
            Err(StatusError::Invalid { file, error }) => {
                assert!(file.text.contains("finished"));
                assert!(
                    error.message.english().contains("finished"),
                    "{}",
                    error.message.english()
                );
                assert!(error.span.is_some());
            }
            other => panic!("expected an invalid status file, got {other:?}"),
        }
        assert!(matches!(
            load_status(&dir.path().join("missing.status.yaml")),
            Err(StatusError::Read(_))
        ));
    }

    #[test]
    fn a_status_error_names_the_file_where_and_what_to_do() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.status.yaml");
        std::fs::write(&path, "plan: p\ntasks:\n  - task: a\n    state: finished\n").unwrap();
        let error = load_status(&path).unwrap_err();
        let (file, at) = error.location();
        assert_eq!(file, path);
        assert_eq!(at.map(|at| at.line), Some(4));
        assert!(error.to_string().starts_with(&path.display().to_string()));
        assert!(
            error
                .hint()
                .english()
                .contains("fix or remove the status file")
        );
        let missing = dir.path().join("missing.status.yaml");
        let error = load_status(&missing).unwrap_err();
        assert_eq!(error.location(), (missing.as_path(), None));
    }

    #[test]
    fn progress_is_read_only_for_its_own_plan() {
        let loaded = load::load_file(Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/plans/cat-hai-2020.yaml"
        )))
        .unwrap();
        let plan = loaded.plan.unwrap();
        let dir = tempfile::tempdir().unwrap();
        let plan_path = dir.path().join("cat-hai-2020.yaml");
        assert!(read_for(&plan, &plan_path, None).unwrap().is_none());
        let beside = dir.path().join("cat-hai-2020.status.yaml");
        std::fs::write(&beside, format!("plan: {}\n", plan.document.id)).unwrap();
        let read = read_for(&plan, &plan_path, None).unwrap().unwrap();
        assert_eq!(read.source.path, beside);
        let other = dir.path().join("other.status.yaml");
        std::fs::write(&other, "plan: thai-binh-2021-2030\n").unwrap();
        match read_for(&plan, &plan_path, Some(&other)) {
            Err(error @ StatusError::OtherPlan { .. }) => {
                assert_eq!(error.location(), (other.as_path(), None));
                assert!(
                    error
                        .message()
                        .render(crate::i18n::Lang::Vi)
                        .contains("không phải của"),
                    "{error}"
                );
            }
            Err(other) => panic!("expected a status file for another plan, got {other:?}"),
            Ok(_) => panic!("a status file for another plan was read"),
        }
    }
}
