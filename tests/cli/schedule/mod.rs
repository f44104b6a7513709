//! Deadlines of the real bundled plans against the calendar, progress from
//! status files, and one fixture plan with a task for each schedule rule. The
//! tests are split by topic into the files beside this one; the helpers and
//! plan paths they share are here.

use std::path::{Path, PathBuf};

use xhht::date::CivilDate;
use xhht::finding::{Finding, Rule};
use xhht::load::load_file;
use xhht::model::Plan;
use xhht::registry::Registry;
use xhht::schedule::{self, OccurrenceRow, Options, Row, Schedule, StatusError};
use xhht::source::SourceFile;

use crate::common::root;

mod due_dates;
mod fixture;
mod owners;
mod status_files;
mod wordings;

fn load(relative: &str) -> (Plan, SourceFile) {
    load_path(&root().join(relative))
}

fn load_path(path: &Path) -> (Plan, SourceFile) {
    let loaded = load_file(path).unwrap();
    let plan = loaded
        .plan
        .unwrap_or_else(|e| panic!("{}: {}", path.display(), e.message.english()));
    (plan, loaded.source)
}

fn date(iso: &str) -> CivilDate {
    CivilDate::parse_iso(iso).unwrap()
}

fn check(relative: &str, as_of: &str, within_days: Option<u32>) -> Schedule {
    let (plan, source) = load(relative);
    run(&plan, &source, as_of, within_days, None).unwrap()
}

/// Reads the plan's progress (from `status`, else from beside the plan),
/// then checks its schedule, as a command does.
fn run(
    plan: &Plan,
    source: &SourceFile,
    as_of: &str,
    within_days: Option<u32>,
    status: Option<&Path>,
) -> Result<Schedule, StatusError> {
    let options = Options {
        as_of: date(as_of),
        within_days,
    };
    let status = schedule::status::read_for(plan, &source.path, status)?;
    Ok(schedule::run(
        plan,
        source,
        status.as_ref(),
        &options,
        Registry::embedded(),
    ))
}

/// The task's one row.
fn row<'s>(schedule: &'s Schedule, task: &str) -> &'s Row {
    let rows: Vec<_> = schedule.rows.iter().filter(|r| r.task == task).collect();
    assert_eq!(rows.len(), 1, "{task}: one row per task");
    rows[0]
}

/// The task's occurrences, in date order.
fn occurrences<'s>(schedule: &'s Schedule, task: &str) -> Vec<&'s OccurrenceRow> {
    schedule
        .occurrences
        .iter()
        .filter(|o| o.task == task)
        .collect()
}

fn task_index(plan: &Plan, task: &str) -> usize {
    plan.tasks.iter().position(|t| t.id == task).unwrap()
}

fn findings_at<'s>(schedule: &'s Schedule, field: &str) -> Vec<&'s Finding> {
    schedule
        .findings
        .iter()
        .filter(|f| f.field.as_deref() == Some(field))
        .collect()
}

fn codes(findings: &[&Finding]) -> Vec<Rule> {
    findings.iter().map(|f| f.code).collect()
}

const NINH_THUAN: &str = "plans/ninh-thuan-1960-2020.toml";

const VINH_LONG: &str = "plans/vinh-long-2012-2020.yaml";

const THAI_BINH: &str = "plans/thai-binh-2021-2030.yaml";

const CAT_HAI: &str = "plans/cat-hai-2020.yaml";

/// Thái Bình's plan and a status file (in a directory kept alive by the
/// returned guard) holding one record for it.
fn thai_binh_with(record: &str) -> (Plan, SourceFile, tempfile::TempDir, PathBuf) {
    let (plan, source) = load(THAI_BINH);
    let dir = tempfile::tempdir().unwrap();
    let status = write_status(
        dir.path(),
        "progress.yaml",
        "thai-binh-2021-2030",
        &format!("  - {record}\n"),
    );
    (plan, source, dir, status)
}

fn write_status(dir: &Path, name: &str, plan: &str, entries: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, format!("plan: {plan}\ntasks:\n{entries}")).unwrap();
    path
}
