//! Deadlines against the calendar: which tasks of a plan are overdue, due
//! soon, done late, missed in a recurring cycle, or owned by a body that no
//! longer existed when they fell due.
//!
//! A task is one obligation however often its deadline recurs: one [`Row`]
//! counting its occurrences, and at most one finding about them, from the
//! most pressing. Each occurrence is kept too ([`Schedule::occurrences`]),
//! for a report that lists them on request.
//!
//! Reading progress is a step of its own: [`status::read_for`] finds the
//! status file beside the plan (or takes the one named) and reads it; [`run`]
//! merges it with the plan's inline progress and checks, without touching
//! the disk. [`check`] does the checking with the progress already merged.
//! Every period a plan names is turned into a due date by a convention of
//! [`conventions`]; the [`Schedule`] lists the conventions it relied on.

pub mod conventions;
pub mod dates;
pub mod status;
pub mod wording;

mod messages;
mod occurrences;
mod owners;
mod phrases;
mod recurring;
mod vocabulary;

use std::path::PathBuf;

use serde::Serialize;

use crate::date::CivilDate;
use crate::finding::{Anchor, Finding, Rule};
use crate::i18n::Message;
use crate::model::{
    Agency, AgencyKind, Deadline, Due, Plan, Progress, Task, TaskProgress, TaskState,
};
use crate::registry::Registry;
use crate::source::{FieldPath, SourceFile};
use crate::validate::period_text;

pub use conventions::Convention;
use dates::{Occurrence, Timing, days_after};
pub use status::{LoadedStatus, StatusError};

/// Where a task's deadline, or one occurrence of it, stands on the as-of date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    /// Not yet due, and not within the due-soon window.
    Upcoming,
    DueSoon,
    /// A one-off deadline passed without a done record.
    Overdue,
    /// An occurrence of a recurring obligation passed without a done record.
    Missed,
    Done,
    DoneLate,
    Cancelled,
    /// Not done, and every lead had ceased to exist by the due date.
    OwnerGone,
    /// "từ năm 2013", "thường xuyên": ongoing, with no due date.
    Ongoing,
    /// The deadline names no date xhht can read or schedule.
    Unscheduled,
}

/// One task's deadline on the as-of date. A recurring obligation is one row
/// with its occurrences counted; [`Schedule::occurrences`] holds each one.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Row {
    pub task: String,
    pub title: String,
    /// The leads' names as the plan writes them, joined with "; ".
    pub owner: String,
    /// The deadline as the plan words it.
    pub wording: String,
    /// The most pressing of its occurrences' standings: missed or overdue,
    /// then owner gone (once due), due soon, done late, upcoming, owner gone
    /// (not yet due), done, cancelled.
    pub standing: Standing,
    /// What is recorded for the task as a whole (for a one-off, its record);
    /// `not_started` when nothing is.
    pub state: TaskState,
    /// Its occurrences from the plan's issue date to the end of its period;
    /// a one-off has one, an ongoing or unscheduled deadline none.
    pub occurrences: Counts,
    /// The latest occurrence that fell due without a done record.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_missed: Option<Dated>,
    /// The earliest occurrence not yet due (and with an owner to do it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_due: Option<Dated>,
    /// The convention the due dates come from, and anything else worth knowing.
    pub note: Message,
    /// Who owes the occurrences after 1 July 2025, when the plan's province
    /// was merged then: its provincial leads' counterparts in the new province.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub successor: Option<Message>,
}

/// A task's occurrences by standing; the counts add up to `total`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Counts {
    pub total: usize,
    pub done: usize,
    pub done_late: usize,
    /// Fell due before the as-of date without a done record.
    pub missed: usize,
    /// Not due yet; the due-soon ones included.
    pub upcoming: usize,
    pub cancelled: usize,
    /// Not done, and every lead had ceased to exist by its due date.
    pub owner_gone: usize,
}

/// An occurrence a row points to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Dated {
    /// Its key, as a status file names it ([`OccurrenceRow::period`]).
    pub period: String,
    pub due: CivilDate,
    /// Days past the due date (positive) or left until it (zero or negative).
    pub days: i64,
}

/// One occurrence of one task's deadline.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct OccurrenceRow {
    pub task: String,
    /// The occurrence's key, as a status file names it: "2021", "2021-H1",
    /// "2021-Q3", "2021-06"; a one-off's own quarter, month or year
    /// ("2020-Q2"), or the date it names ("2020-01-15").
    pub period: String,
    pub due: CivilDate,
    /// The recorded state; `not_started` when nothing is recorded.
    pub state: TaskState,
    pub standing: Standing,
    /// Days past the due date (positive) or left until it (zero or negative),
    /// for occurrences not done or cancelled.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub days: Option<i64>,
    /// The date it was recorded as done.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub done: Option<CivilDate>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Schedule {
    pub as_of: CivilDate,
    /// One per task with a deadline, in plan order.
    pub rows: Vec<Row>,
    /// Every occurrence of every row, in row order, each row's in date order.
    pub occurrences: Vec<OccurrenceRow>,
    /// In plan order, at most one about the occurrences of each task;
    /// `finding::sort` orders them by position like other findings.
    pub findings: Vec<Finding>,
    /// The conventions the rows rely on, in order of first use.
    pub conventions: Vec<Convention>,
    /// The status file the progress came from, when [`run`] was given one.
    pub status_file: Option<PathBuf>,
}

/// What a command passes to [`run`].
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub as_of: CivilDate,
    /// Report deadlines falling within this many days from `as_of` as due soon.
    pub within_days: Option<u32>,
}

/// Checks the deadlines of `plan` (read from `source`) as of
/// `options.as_of`, with the progress of `status` (as
/// [`status::read_for`] read it) and the plan's inline `progress`. Records
/// in either that name a task or target the plan does not have are findings
/// too.
pub fn run(
    plan: &Plan,
    source: &SourceFile,
    status: Option<&LoadedStatus>,
    options: &Options,
    registry: &Registry,
) -> Schedule {
    let mut unknown = Vec::new();
    if let Some(loaded) = status {
        unknown.extend(status::check_records(
            plan,
            &loaded.status.tasks,
            &loaded.status.targets,
            &loaded.source,
            &FieldPath::root(),
            options.as_of,
        ));
    }
    if let Some(inline) = &plan.progress {
        let base = FieldPath::root().key("progress");
        unknown.extend(status::check_records(
            plan,
            &inline.tasks,
            &inline.targets,
            source,
            &base,
            options.as_of,
        ));
    }
    let progress = status::merge(plan, status.map(|loaded| &loaded.status));
    let mut schedule = check(
        plan,
        source,
        &progress,
        options.as_of,
        options.within_days,
        registry,
    );
    schedule.status_file = status.map(|loaded| loaded.source.path.clone());
    schedule.findings.extend(unknown);
    schedule
}

/// Checks every task deadline of `plan` against `progress` as of `as_of`.
/// `within_days` turns on due-soon findings (XH202) for deadlines from
/// `as_of` to `as_of + within_days`, both included.
pub fn check(
    plan: &Plan,
    source: &SourceFile,
    progress: &Progress,
    as_of: CivilDate,
    within_days: Option<u32>,
    registry: &Registry,
) -> Schedule {
    let mut check = Check {
        plan,
        source,
        progress,
        as_of,
        soon_until: within_days.map(|days| dates::add_days(as_of, days)),
        registry,
        rows: Vec::new(),
        occurrences: Vec::new(),
        findings: Vec::new(),
        conventions: Vec::new(),
    };
    for (i, task) in plan.tasks.iter().enumerate() {
        if let Some(deadline) = &task.deadline {
            check.task(i, task, deadline);
        }
    }
    Schedule {
        as_of,
        rows: check.rows,
        occurrences: check.occurrences,
        findings: check.findings,
        conventions: check.conventions,
        status_file: None,
    }
}

struct Check<'a> {
    plan: &'a Plan,
    source: &'a SourceFile,
    progress: &'a Progress,
    as_of: CivilDate,
    soon_until: Option<CivilDate>,
    registry: &'a Registry,
    rows: Vec<Row>,
    occurrences: Vec<OccurrenceRow>,
    findings: Vec<Finding>,
    conventions: Vec<Convention>,
}

/// What every row and finding of one task repeats.
struct TaskCx<'a> {
    task: &'a Task,
    /// The deadline as the plan words it.
    wording: String,
    /// `tasks[i].deadline`
    path: FieldPath,
    owner: String,
    /// "task `id` (title)"
    what: Message,
}

/// A task's occurrences as judged, with what every finding about them repeats.
struct Judged<'j> {
    due: &'j Due,
    recurring: bool,
    occurrences: &'j [OccurrenceRow],
    /// The convention the due dates come from.
    note: &'j Message,
}

impl Check<'_> {
    fn at(&self, rule: Rule, path: &FieldPath, message: Message) -> Finding {
        Finding::at(rule, self.source, path, Anchor::Value, message)
    }

    /// Records a finding about the task.
    fn push(&mut self, cx: &TaskCx<'_>, finding: Finding) {
        self.findings
            .push(finding.about(&self.plan.document.id, cx.task.id.clone()));
    }
}

#[cfg(test)]
mod tests {
    use super::messages::{cycle, days, describe};
    use super::*;
    use crate::load::load_bytes;
    use crate::source::Format;

    fn schedule_of(tasks: &str, as_of: CivilDate) -> Schedule {
        let text = format!(
            "document:\n  id: p\n  title: P\n  kind: plan\n  issuer: UBND\n  level: province\n  \
             jurisdiction: tỉnh X\n  period: {{start: 2020, end: 2020}}\ntasks:\n{tasks}"
        );
        let loaded = load_bytes("p.yaml".into(), text.into_bytes(), Format::Yaml);
        let plan = loaded.plan.unwrap();
        check(
            &plan,
            &loaded.source,
            &Progress::default(),
            as_of,
            None,
            Registry::embedded(),
        )
    }

    #[test]
    fn a_due_that_names_no_date_is_unschedulable_not_a_mismatch() {
        let schedule = schedule_of(
            "  - id: a\n    title: A\n    deadline: {wording: \"tháng 6 năm 2020\", due: {month: {year: 2020, month: 13}}}\n",
            CivilDate::new(2021, 1, 1).unwrap(),
        );
        let codes: Vec<_> = schedule.findings.iter().map(|f| f.code).collect();
        assert_eq!(codes, [Rule::UnreadableDeadline]);
        assert_eq!(
            schedule.findings[0].field.as_deref(),
            Some("tasks[0].deadline.due")
        );
        assert!(schedule.findings[0].message.english().contains("month 13"));
        assert_eq!(schedule.rows[0].standing, Standing::Unscheduled);
    }

    #[test]
    fn a_deadline_due_today_is_not_overdue() {
        // "đến ngày D", "chậm nhất ngày D" and a bare date are due on D itself.
        for wording in [
            "chậm nhất ngày 15/06/2020",
            "đến ngày 15/06/2020",
            "15/06/2020",
        ] {
            let schedule = schedule_of(
                &format!("  - id: a\n    title: A\n    deadline: {{wording: \"{wording}\"}}\n"),
                CivilDate::new(2020, 6, 15).unwrap(),
            );
            assert!(schedule.findings.is_empty(), "{wording}");
            assert_eq!(schedule.occurrences[0].days, Some(0), "{wording}");
            assert_eq!(schedule.rows[0].standing, Standing::Upcoming, "{wording}");
        }
    }

    #[test]
    fn before_a_day_is_overdue_on_that_day() {
        let schedule = schedule_of(
            "  - id: a\n    title: A\n    deadline: {wording: \"trước 15/06/2020\"}\n",
            CivilDate::new(2020, 6, 15).unwrap(),
        );
        assert_eq!(
            schedule.occurrences[0].due,
            CivilDate::new(2020, 6, 14).unwrap()
        );
        assert_eq!(schedule.occurrences[0].days, Some(1));
        assert_eq!(schedule.rows[0].standing, Standing::Overdue);
        assert_eq!(schedule.findings[0].code, Rule::Overdue);
    }

    #[test]
    fn normal_forms_read_back_in_words() {
        let quarter = Due::Quarter {
            year: 2020,
            quarter: 3,
        };
        assert_eq!(describe(&quarter).english(), "Quý III/2020");
        let yearly = Due::Yearly {
            month: 12,
            day: Some(1),
            also: Vec::new(),
            from: Some(2021),
        };
        assert_eq!(describe(&yearly).english(), "01/12 every year from 2021");
        let twice = Due::Yearly {
            month: 6,
            day: Some(30),
            also: vec![crate::model::DayOfYear {
                month: 10,
                day: None,
            }],
            from: None,
        };
        assert_eq!(describe(&twice).english(), "30/06 and month 10 every year");
        assert_eq!(cycle(&twice).english(), "twice-yearly");
        let half = Due::Half {
            year: 2026,
            half: 1,
        };
        assert_eq!(describe(&half).english(), "the first half of 2026");
        assert_eq!(days(1).english(), "1 day");
        assert_eq!(days(-28).english(), "28 days");
    }
}
