//! Deadlines against the calendar: which tasks of a plan are overdue, due
//! soon, done late, missed in a recurring cycle, or owned by a body that no
//! longer existed when they fell due.
//!
//! A task is one obligation however often its deadline recurs: one [`Row`]
//! counting its occurrences, and at most one finding about them, from the
//! most pressing. Each occurrence is kept too ([`Schedule::occurrences`]),
//! for a report that lists them on request.
//!
//! [`run`] is what a command calls: it finds the status file beside the plan
//! (or takes the one named), merges it with the plan's inline progress and
//! checks. [`check`] does the checking with the progress already in hand.
//! Every period a plan names is turned into a due date by a convention of
//! [`dates`]; the [`Schedule`] lists the conventions it relied on.

pub mod dates;
pub mod status;
pub mod wording;

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::date::CivilDate;
use crate::finding::{Anchor, Finding, Rule};
use crate::model::{
    Agency, AgencyKind, Deadline, Due, Plan, Progress, Task, TaskProgress, TaskState,
};
use crate::registry::Registry;
use crate::source::{FieldPath, SourceFile};
use crate::tr;
use crate::validate::period_text;

use dates::{Convention, Occurrence, Timing, days_after};
pub use status::StatusError;

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
    pub note: String,
    /// Who owes the occurrences after 1 July 2025, when the plan's province
    /// was merged then: its provincial leads' counterparts in the new province.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub successor: Option<String>,
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
    /// The status file the progress came from, when [`run`] found or was given one.
    pub status_file: Option<PathBuf>,
}

/// What a command passes to [`run`].
#[derive(Debug, Clone, Copy)]
pub struct Options<'a> {
    pub as_of: CivilDate,
    /// Report deadlines falling within this many days from `as_of` as due soon.
    pub within_days: Option<u32>,
    /// A status file to use instead of the one beside the plan (`--status`).
    pub status: Option<&'a Path>,
}

/// Checks the deadlines of `plan` (read from `source`) as of
/// `options.as_of`, with progress from `options.status`, else from the
/// status file beside the plan (`STEM.status.yaml|yml|toml`) if there is
/// one, plus the plan's inline `progress`. Fails when the status file cannot
/// be read, does not parse, or is for another plan.
pub fn run(
    plan: &Plan,
    source: &SourceFile,
    options: &Options<'_>,
    registry: &Registry,
) -> Result<Schedule, StatusError> {
    let status_file = match options.status {
        Some(path) => Some(path.to_owned()),
        None => status::status_beside(&source.path)?,
    };
    let status = match &status_file {
        Some(path) => {
            let (status, status_source) = status::read(path)?;
            if status.plan != plan.document.id {
                return Err(StatusError::OtherPlan {
                    path: path.clone(),
                    found: status.plan,
                    expected: plan.document.id.clone(),
                });
            }
            Some((status, status_source))
        }
        None => None,
    };
    let mut unknown = Vec::new();
    if let Some((file, file_source)) = &status {
        unknown.extend(status::unknown_records(
            plan,
            &file.tasks,
            &file.targets,
            file_source,
            &FieldPath::root(),
        ));
    }
    if let Some(inline) = &plan.progress {
        let base = FieldPath::root().key("progress");
        unknown.extend(status::unknown_records(
            plan,
            &inline.tasks,
            &inline.targets,
            source,
            &base,
        ));
    }
    let progress = status::merge(plan, status.as_ref().map(|(file, _)| file));
    let mut schedule = check(
        plan,
        source,
        &progress,
        options.as_of,
        options.within_days,
        registry,
    );
    schedule.status_file = status_file;
    schedule.findings.extend(unknown);
    Ok(schedule)
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
    what: String,
}

impl<'a> Check<'a> {
    fn at(&self, rule: Rule, path: &FieldPath, message: impl Into<String>) -> Finding {
        Finding::at(rule, self.source, path, Anchor::Value, message)
    }

    fn task(&mut self, i: usize, task: &'a Task, deadline: &Deadline) {
        let path = FieldPath::root().key("tasks").index(i).key("deadline");
        let cx = TaskCx {
            task,
            wording: deadline.wording.to_string(),
            owner: self.owner(task),
            what: tr!("task `{}` ({})", "nhiệm vụ `{}` ({})", task.id, task.title),
            path,
        };
        let wording = deadline.wording.as_str();
        let before = wording::before_day(wording);
        let period = self.plan.document.period;
        // The year a wording without one ("cuối năm") can only mean: that of
        // a plan whose period is one year.
        let year = (period.end == Some(period.start)).then_some(period.start);
        let reading = wording::parse_in(wording, year);
        let year_of_period = year.is_some() && reading.is_ok() && wording::parse(wording).is_err();
        let (due, due_path, from_wording) = match (&deadline.due, reading) {
            (Some(due), Ok(read)) => {
                if !self.agree(due, &read, before) {
                    let finding = self
                        .at(
                            Rule::DeadlineMismatch,
                            &cx.path.key("due"),
                            tr!(
                                "{}: `due` says {}, but the wording \"{wording}\" says {}",
                                "{}: `due` ghi {}, nhưng cách ghi \"{wording}\" có nghĩa là {}",
                                cx.what,
                                describe(due),
                                describe(&read)
                            ),
                        )
                        .note(tr!(
                            "the schedule follows `due`",
                            "tiến độ được tính theo `due`"
                        ))
                        .hint(tr!(
                            "correct whichever of the two misreads the source text",
                            "sửa chỗ đọc sai văn bản gốc trong hai chỗ này"
                        ));
                    self.findings
                        .push(finding.about(&self.plan.document.id, cx.task.id.clone()));
                }
                (due.clone(), cx.path.key("due"), false)
            }
            (Some(due), Err(_)) => (due.clone(), cx.path.key("due"), false),
            (None, Ok(read)) => (read, cx.path.key("wording"), true),
            (None, Err(unreadable)) => {
                let finding = self
                    .at(
                        Rule::UnreadableDeadline,
                        &cx.path.key("wording"),
                        tr!(
                            "{}: xhht cannot read the deadline \"{wording}\": {unreadable}",
                            "{}: xhht không đọc được thời hạn \"{wording}\": {unreadable}",
                            cx.what
                        ),
                    )
                    .hint(unreadable.hint.clone().unwrap_or_else(|| tr!(
                        "add `due` with the deadline's normal form, e.g. `due: {{year: 2020}}`; `xhht schema` lists the forms",
                        "bổ sung `due` với dạng chuẩn hóa của thời hạn, ví dụ `due: {{year: 2020}}`; lệnh `xhht schema` liệt kê các dạng này"
                    )));
                self.findings
                    .push(finding.about(&self.plan.document.id, cx.task.id.clone()));
                self.unscheduled(
                    &cx,
                    tr!("unreadable: \"{wording}\"", "không đọc được: \"{wording}\""),
                );
                return;
            }
        };
        let timing = match dates::timing(&due, before, self.plan, self.as_of) {
            Ok(timing) => timing,
            Err(reason) => {
                let finding = self.at(
                    Rule::UnreadableDeadline,
                    &due_path,
                    tr!(
                        "{}: the deadline names no date xhht can schedule: {reason}",
                        "{}: thời hạn không nêu ngày nào mà xhht tính được: {reason}",
                        cx.what
                    ),
                );
                self.findings
                    .push(finding.about(&self.plan.document.id, cx.task.id.clone()));
                self.unscheduled(&cx, reason);
                return;
            }
        };
        let mut conventions = dates::conventions(&due, before);
        if from_wording && year_of_period {
            conventions.push(Convention::YearOfPeriod);
        }
        for c in &conventions {
            if !self.conventions.contains(c) {
                self.conventions.push(*c);
            }
        }
        let mut note = if from_wording {
            tr!(
                "read from the wording; {}",
                "đọc từ cách ghi trong văn bản; {}",
                conventions[0].text()
            )
        } else {
            conventions[0].text().to_owned()
        };
        if from_wording && year_of_period {
            note = format!("{note}; {}", Convention::YearOfPeriod.text());
        }
        match timing {
            Timing::Once(occurrence) => {
                self.bounds(&cx, &occurrence, &due_path);
                let judged = self.judge(&cx, &occurrence, false);
                self.settle(&cx, &due, false, vec![judged], note);
            }
            Timing::Recurring(occurrences) => {
                let judged = occurrences
                    .iter()
                    .map(|o| self.judge(&cx, o, true))
                    .collect();
                self.settle(&cx, &due, true, judged, note);
            }
            Timing::Ongoing { since } => self.without_occurrences(
                &cx,
                Standing::Ongoing,
                match since {
                    Some(since) => tr!(
                        "ongoing since {since}; no due date, never overdue",
                        "thực hiện thường xuyên từ năm {since}; không có hạn, không bao giờ quá hạn"
                    ),
                    None => tr!(
                        "ongoing; no due date, never overdue",
                        "thực hiện thường xuyên; không có hạn, không bao giờ quá hạn"
                    ),
                },
            ),
        }
    }

    fn unscheduled(&mut self, cx: &TaskCx<'_>, note: String) {
        self.without_occurrences(cx, Standing::Unscheduled, note);
    }

    fn without_occurrences(&mut self, cx: &TaskCx<'_>, standing: Standing, note: String) {
        let state = self
            .record(cx.task, None)
            .map_or(TaskState::NotStarted, |r| r.state);
        self.rows.push(Row {
            task: cx.task.id.clone(),
            title: cx.task.title.to_string(),
            owner: cx.owner.clone(),
            wording: cx.wording.clone(),
            standing,
            state,
            occurrences: Counts::default(),
            last_missed: None,
            next_due: None,
            note,
            successor: None,
        });
    }

    /// The wording never states a `from` year, so only the day, the cycle or
    /// the due date itself can disagree.
    fn agree(&self, due: &Due, read: &Due, before: bool) -> bool {
        match (due, read) {
            (Due::Yearly { .. }, Due::Yearly { .. }) => due.days_of_year() == read.days_of_year(),
            (Due::EveryMonths { months, .. }, Due::EveryMonths { months: m, .. }) => months == m,
            (Due::FromYear(a), Due::FromYear(b)) => a == b,
            (Due::Ongoing, Due::Ongoing) => true,
            _ => match (
                dates::timing(due, before, self.plan, self.as_of),
                dates::timing(read, before, self.plan, self.as_of),
            ) {
                (Ok(Timing::Once(a)), Ok(Timing::Once(b))) => a.due == b.due,
                // A `due` that names no date is reported as unschedulable instead.
                (Err(_), _) => true,
                _ => false,
            },
        }
    }

    fn bounds(&mut self, cx: &TaskCx<'_>, occurrence: &Occurrence, path: &FieldPath) {
        let document = &self.plan.document;
        let due = occurrence.due;
        if !u16::try_from(due.year()).is_ok_and(|year| document.period.contains(year)) {
            let finding = self.at(
                Rule::DeadlineOutsidePeriod,
                path,
                tr!(
                    "{} is due {due}, outside the plan's period {}",
                    "{} đến hạn ngày {due}, ngoài thời kỳ của kế hoạch {}",
                    cx.what,
                    period_text(document.period)
                ),
            );
            self.findings
                .push(finding.about(&self.plan.document.id, cx.task.id.clone()));
        }
        if let Some(issued) = document.date
            && due < issued
        {
            let finding = self.at(
                Rule::DeadlineBeforeIssue,
                path,
                tr!(
                    "{} is due {due}, before the plan was issued on {issued}",
                    "{} đến hạn ngày {due}, trước ngày ban hành kế hoạch ({issued})",
                    cx.what
                ),
            );
            self.findings
                .push(finding.about(&self.plan.document.id, cx.task.id.clone()));
        }
    }

    /// Where one occurrence stands on the as-of date: done (on time or
    /// late), cancelled, or else owner gone, missed, due soon or upcoming.
    fn judge(&self, cx: &TaskCx<'_>, occurrence: &Occurrence, recurring: bool) -> OccurrenceRow {
        let Occurrence { key, due } = occurrence;
        let due = *due;
        let record = self.record(cx.task, Some((key, recurring)));
        let mut row = OccurrenceRow {
            task: cx.task.id.clone(),
            period: key.clone(),
            due,
            state: record.map_or(TaskState::NotStarted, |r| r.state),
            standing: Standing::Upcoming,
            days: None,
            done: None,
        };
        match record.map(|r| (r.state, r.date)) {
            Some((TaskState::Cancelled, _)) => row.standing = Standing::Cancelled,
            Some((TaskState::Done, date)) => {
                row.done = date;
                row.standing = if date.is_some_and(|done| done > due) {
                    Standing::DoneLate
                } else {
                    Standing::Done
                };
            }
            _ => {
                row.days = Some(days_after(due, self.as_of));
                row.standing = if self.gone_owners(cx.task, due).1 {
                    Standing::OwnerGone
                } else if due < self.as_of {
                    if recurring {
                        Standing::Missed
                    } else {
                        Standing::Overdue
                    }
                } else if self.soon(due) {
                    Standing::DueSoon
                } else {
                    Standing::Upcoming
                };
            }
        }
        row
    }

    /// Not yet due, but within the due-soon window.
    fn soon(&self, due: CivilDate) -> bool {
        due >= self.as_of && self.soon_until.is_some_and(|until| due <= until)
    }

    /// An occurrence whose owner was gone by the time it fell due, or will
    /// be by the time it falls due within the window: worth a finding.
    fn gone_by_now(&self, o: &OccurrenceRow) -> bool {
        o.standing == Standing::OwnerGone && (o.due < self.as_of || self.soon(o.due))
    }

    /// Which occurrence speaks for the task: the lower, the more pressing.
    fn rank(&self, o: &OccurrenceRow) -> u8 {
        match o.standing {
            Standing::Overdue | Standing::Missed => 0,
            Standing::OwnerGone if self.gone_by_now(o) => 1,
            Standing::DueSoon => 2,
            Standing::DoneLate => 3,
            Standing::Upcoming => 4,
            Standing::OwnerGone => 5,
            Standing::Done => 6,
            Standing::Cancelled => 7,
            Standing::Ongoing | Standing::Unscheduled => 8,
        }
    }

    fn dated(&self, o: &OccurrenceRow) -> Dated {
        Dated {
            period: o.period.clone(),
            due: o.due,
            days: days_after(o.due, self.as_of),
        }
    }

    /// The task's row, and at most one finding about its occurrences, from
    /// the most pressing of them: however many occurrences a recurring
    /// obligation has, it is one obligation.
    fn settle(
        &mut self,
        cx: &TaskCx<'_>,
        due: &Due,
        recurring: bool,
        occurrences: Vec<OccurrenceRow>,
        note: String,
    ) {
        let mut counts = Counts {
            total: occurrences.len(),
            ..Counts::default()
        };
        for o in &occurrences {
            let count = match o.standing {
                Standing::Done => &mut counts.done,
                Standing::DoneLate => &mut counts.done_late,
                Standing::Overdue | Standing::Missed => &mut counts.missed,
                Standing::Upcoming | Standing::DueSoon => &mut counts.upcoming,
                Standing::Cancelled => &mut counts.cancelled,
                Standing::OwnerGone => &mut counts.owner_gone,
                Standing::Ongoing | Standing::Unscheduled => continue,
            };
            *count += 1;
        }
        let last_missed = occurrences
            .iter()
            .rev()
            .find(|o| matches!(o.standing, Standing::Overdue | Standing::Missed))
            .map(|o| self.dated(o));
        let next_due = occurrences
            .iter()
            .find(|o| matches!(o.standing, Standing::Upcoming | Standing::DueSoon))
            .map(|o| self.dated(o));
        // The row says more than the convention its findings note.
        let mut row_note = note.clone();
        let gone_from = occurrences
            .iter()
            .find(|o| o.standing == Standing::OwnerGone);
        if let Some(first) = gone_from {
            let (gone, _) = self.gone_owners(cx.task, first.due);
            row_note = tr!(
                "{row_note}; owner no longer existed: {}",
                "{row_note}; cơ quan chủ trì không còn tồn tại: {}",
                gone.join("; ")
            );
        }
        let decisive = occurrences.iter().min_by_key(|o| self.rank(o));
        let standing = match decisive {
            Some(o) => o.standing,
            None => {
                row_note = tr!(
                    "{row_note}; no occurrence falls between the plan's issue date and the end of its period",
                    "{row_note}; không có kỳ nào từ ngày ban hành kế hoạch đến hết thời kỳ kế hoạch"
                );
                Standing::Unscheduled
            }
        };
        let finding = match decisive.map(|o| o.standing) {
            Some(Standing::Overdue | Standing::Missed) => last_missed.as_ref().map(|last| {
                self.missed(
                    cx,
                    due,
                    recurring,
                    &occurrences,
                    (last, next_due.as_ref()),
                    &note,
                )
            }),
            Some(Standing::OwnerGone) if decisive.is_some_and(|o| self.gone_by_now(o)) => {
                Some(self.owner_gone(cx, due, recurring, &occurrences, &note))
            }
            Some(Standing::DueSoon) => Some(self.due_soon(cx, recurring, &occurrences, &note)),
            Some(Standing::DoneLate) => {
                Some(self.done_late(cx, due, recurring, &occurrences, &note))
            }
            _ => None,
        };
        if let Some(mut finding) = finding {
            // Occurrences still owed after the merger are owed by the successor.
            let after_merger = occurrences.iter().any(|o| {
                o.due >= crate::units::merger_day()
                    && !matches!(o.standing, Standing::Done | Standing::Cancelled)
            });
            if let Some(successor) = self.successor(cx.task).filter(|_| after_merger) {
                finding = finding.note(successor);
            }
            self.findings
                .push(finding.about(&self.plan.document.id, cx.task.id.clone()));
        }
        let state = if recurring {
            self.record(cx.task, None)
                .map_or(TaskState::NotStarted, |r| r.state)
        } else {
            occurrences
                .first()
                .map_or(TaskState::NotStarted, |o| o.state)
        };
        let successor = occurrences
            .iter()
            .any(|o| o.due >= crate::units::merger_day())
            .then(|| self.successor(cx.task))
            .flatten();
        self.rows.push(Row {
            task: cx.task.id.clone(),
            title: cx.task.title.to_string(),
            owner: cx.owner.clone(),
            wording: cx.wording.clone(),
            standing,
            state,
            occurrences: counts,
            last_missed,
            next_due,
            note: row_note,
            successor,
        });
        self.occurrences.extend(occurrences);
    }

    /// "the 2023 occurrence of task `x` (…)", or the task itself for a one-off.
    fn which(cx: &TaskCx<'_>, o: &OccurrenceRow, recurring: bool) -> String {
        if recurring {
            let key = &o.period;
            tr!("the {key} occurrence of {}", "kỳ {key} của {}", cx.what)
        } else {
            cx.what.clone()
        }
    }

    /// XH201 for a one-off; XH204 for a recurring obligation, counting its
    /// misses and naming the last.
    fn missed(
        &self,
        cx: &TaskCx<'_>,
        due: &Due,
        recurring: bool,
        occurrences: &[OccurrenceRow],
        (last, next): (&Dated, Option<&Dated>),
        note: &str,
    ) -> Finding {
        let id = &cx.task.id;
        let (rule, message, hint) = if recurring {
            let cycle = cycle(due);
            let so_far = occurrences.iter().filter(|o| o.due < self.as_of).count();
            let missed = standing_at(occurrences, Standing::Missed).len();
            let (key, last_due) = (&last.period, last.due);
            let mut message = if missed == 1 {
                tr!(
                    "the {key} occurrence of {} was due {last_due} and has no done record",
                    "kỳ {key} của {} đến hạn ngày {last_due} nhưng chưa có ghi nhận hoàn thành",
                    cx.what
                )
            } else {
                tr!(
                    "{}: {missed} of {so_far} {cycle} occurrences due so far have no done record, the latest {key}, due {last_due}",
                    "{}: {missed} trong số {so_far} kỳ {cycle} đã đến hạn chưa có ghi nhận hoàn thành, gần nhất là kỳ {key}, hạn {last_due}",
                    cx.what
                )
            };
            if let Some(next) = next {
                let (key, next_due) = (&next.period, next.due);
                message.push_str(&tr!(
                    "; the next, {key}, is due {next_due}",
                    "; kỳ tiếp theo, {key}, đến hạn ngày {next_due}"
                ));
            } else if let Some(end) = self.period_end().filter(|end| *end < self.as_of) {
                message.push_str(&tr!(
                    "; the plan's period ended {end}",
                    "; thời kỳ của kế hoạch đã kết thúc ngày {end}"
                ));
            }
            let hint = tr!(
                "if they were done, record each in the plan's status file, e.g. \
                 {{task: {id}, period: \"{key}\", state: done, date: YYYY-MM-DD}}; \
                 `--occurrences` lists them all",
                "nếu đã hoàn thành, ghi nhận từng kỳ vào tệp theo dõi tiến độ của kế hoạch, ví dụ \
                 {{task: {id}, period: \"{key}\", state: done, date: YYYY-MM-DD}}; \
                 tùy chọn `--occurrences` liệt kê mọi kỳ"
            );
            (Rule::MissedOccurrence, message, hint)
        } else {
            let due = last.due;
            let message = tr!(
                "{} was due {due} and is not recorded as done: {} overdue",
                "{} đến hạn ngày {due} nhưng chưa được ghi nhận là hoàn thành: quá hạn {}",
                cx.what,
                days(last.days)
            );
            let hint = tr!(
                "if it was done, record it in the plan's status file: \
                 {{task: {id}, state: done, date: YYYY-MM-DD}}",
                "nếu đã hoàn thành, ghi nhận vào tệp theo dõi tiến độ của kế hoạch: \
                 {{task: {id}, state: done, date: YYYY-MM-DD}}"
            );
            (Rule::Overdue, message, hint)
        };
        let mut finding = self.at(rule, &cx.path, message).note(note).hint(hint);
        if let Some(next) = next.filter(|next| self.soon(next.due)) {
            let (key, due, left) = (&next.period, next.due, days(next.days));
            finding = finding.note(tr!(
                "the next, {key}, is due soon: {due}, in {left}",
                "kỳ tiếp theo, {key}, sắp đến hạn: ngày {due}, còn {left}"
            ));
        }
        if let Some(late) = self.late_note(occurrences) {
            finding = finding.note(late);
        }
        let gone = standing_at(occurrences, Standing::OwnerGone);
        if let Some(first) = gone.first() {
            let (n, key) = (gone.len(), &first.period);
            finding = finding.note(tr!(
                "{n} of its occurrences, from {key} on, fall after its owner ceased to exist",
                "{n} kỳ, kể từ kỳ {key}, rơi vào thời điểm cơ quan chủ trì không còn tồn tại"
            ));
        }
        for owner in self.gone_owners(cx.task, last.due).0 {
            finding = finding.note(tr!(
                "one lead no longer existed by then: {owner}",
                "một cơ quan chủ trì không còn tồn tại vào thời điểm đó: {owner}"
            ));
        }
        finding
    }

    /// "3 occurrences were done late, the latest …", for the notes of a
    /// finding about something else.
    fn late_note(&self, occurrences: &[OccurrenceRow]) -> Option<String> {
        let late = standing_at(occurrences, Standing::DoneLate);
        let latest = late.last()?;
        let (n, key, due) = (late.len(), &latest.period, latest.due);
        let done = latest.done?;
        let by = days(days_after(due, done));
        Some(match n {
            1 => tr!(
                "the {key} occurrence was done {done}, {by} after it was due {due}",
                "kỳ {key} hoàn thành ngày {done}, chậm {by} so với hạn {due}"
            ),
            _ => tr!(
                "{n} occurrences were done late, the latest {key}: done {done}, {by} after it was due {due}",
                "{n} kỳ hoàn thành muộn, gần nhất là kỳ {key}: hoàn thành ngày {done}, chậm {by} so với hạn {due}"
            ),
        })
    }

    /// XH207: fell due, or falls due within the window, after every lead had
    /// ceased to exist.
    fn owner_gone(
        &self,
        cx: &TaskCx<'_>,
        due: &Due,
        recurring: bool,
        occurrences: &[OccurrenceRow],
        note: &str,
    ) -> Finding {
        let gone_now: Vec<&OccurrenceRow> =
            occurrences.iter().filter(|o| self.gone_by_now(o)).collect();
        let first = gone_now[0];
        let (gone, _) = self.gone_owners(cx.task, first.due);
        let gone = gone.join("; ");
        let due_date = first.due;
        let message = if gone_now.len() > 1 {
            let (n, cycle, key) = (gone_now.len(), cycle(due), &first.period);
            tr!(
                "{n} {cycle} occurrences of {} fell due after its owner ceased to exist, the first {key} on {due_date}: {gone}",
                "{n} kỳ {cycle} của {} đến hạn khi cơ quan chủ trì đã không còn tồn tại, kỳ đầu tiên là {key} ngày {due_date}: {gone}",
                cx.what
            )
        } else {
            let which = Self::which(cx, first, recurring);
            let when = if due_date < self.as_of {
                tr!(
                    "was due {due_date} ({} ago)",
                    "đã đến hạn ngày {due_date} ({} trước)",
                    days(days_after(due_date, self.as_of))
                )
            } else {
                tr!("is due {due_date}", "đến hạn ngày {due_date}")
            };
            tr!(
                "{which} {when}, but its owner no longer existed by then: {gone}",
                "{which} {when}, nhưng khi đó cơ quan chủ trì không còn tồn tại: {gone}"
            )
        };
        let mut finding = self.at(Rule::OwnerGone, &cx.path, message).note(note).hint(tr!(
            "record the occurrence as cancelled, or as done by the successor, in the status file",
            "trong tệp theo dõi tiến độ, ghi nhận kỳ này là đã hủy, hoặc là đã được cơ quan kế thừa hoàn thành"
        ));
        if let Some(late) = self.late_note(occurrences) {
            finding = finding.note(late);
        }
        finding
    }

    /// XH202: the first occurrence in the due-soon window.
    fn due_soon(
        &self,
        cx: &TaskCx<'_>,
        recurring: bool,
        occurrences: &[OccurrenceRow],
        note: &str,
    ) -> Finding {
        let soon = standing_at(occurrences, Standing::DueSoon);
        let first = soon[0];
        let (which, due) = (Self::which(cx, first, recurring), first.due);
        let message = match days_after(due, self.as_of) {
            0 => tr!(
                "{which} is due today, {due}",
                "{which} đến hạn hôm nay, ngày {due}"
            ),
            after => tr!(
                "{which} is due {due}, in {}",
                "{which} đến hạn ngày {due}, còn {}",
                days(after)
            ),
        };
        let mut finding = self.at(Rule::DueSoon, &cx.path, message).note(note);
        if soon.len() > 1 {
            let more = soon.len() - 1;
            finding = finding.note(tr!(
                "{more} more occurrences fall due within the window",
                "còn {more} kỳ khác đến hạn trong khoảng thời gian này"
            ));
        }
        if let Some(late) = self.late_note(occurrences) {
            finding = finding.note(late);
        }
        finding
    }

    /// XH203: done, but after the due date; the latest such occurrence speaks.
    fn done_late(
        &self,
        cx: &TaskCx<'_>,
        due: &Due,
        recurring: bool,
        occurrences: &[OccurrenceRow],
        note: &str,
    ) -> Finding {
        let late = standing_at(occurrences, Standing::DoneLate);
        let latest = late[late.len() - 1];
        let (due_date, done) = (latest.due, latest.done.unwrap_or(latest.due));
        let by = days(days_after(due_date, done));
        let message = if late.len() > 1 {
            let (n, cycle, key) = (late.len(), cycle(due), &latest.period);
            tr!(
                "{n} {cycle} occurrences of {} were done late, the latest {key}: done {done}, {by} after it was due {due_date}",
                "{n} kỳ {cycle} của {} hoàn thành muộn, gần nhất là kỳ {key}: hoàn thành ngày {done}, chậm {by} so với hạn {due_date}",
                cx.what
            )
        } else {
            let which = Self::which(cx, latest, recurring);
            tr!(
                "{which} was done {done}, {by} after it was due {due_date}",
                "{which} hoàn thành ngày {done}, chậm {by} so với hạn {due_date}"
            )
        };
        self.at(Rule::DoneLate, &cx.path, message).note(note)
    }

    /// The last day of the plan's period, when it has an end.
    fn period_end(&self) -> Option<CivilDate> {
        let end = self.plan.document.period.end?;
        dates::year_end(i16::try_from(end).ok()?)
    }

    /// The last record for the task that applies: `occurrence` is its key
    /// and whether it recurs. A record without a period is about the task as
    /// a whole: it settles a one-off deadline, while for a recurring one only
    /// `cancelled` carries over to every occurrence (one "done" says nothing
    /// about each period).
    fn record(&self, task: &Task, occurrence: Option<(&str, bool)>) -> Option<&'a TaskProgress> {
        self.progress.tasks.iter().rev().find(|r| {
            // As of a date, what was recorded for later had not happened yet.
            let recorded_by_then = r.date.is_none_or(|d| d <= self.as_of);
            r.task == task.id
                && recorded_by_then
                && match (&r.period, occurrence) {
                    (Some(period), Some((key, _))) => status::period_eq(period, key),
                    (Some(_), None) => false,
                    (None, Some((_, true))) => r.state == TaskState::Cancelled,
                    (None, _) => true,
                }
        })
    }

    fn agency(&self, id: &str) -> Option<&'a Agency> {
        self.plan.agencies.iter().find(|a| a.id == id)
    }

    fn owner(&self, task: &Task) -> String {
        task.leads
            .iter()
            .map(|id| self.agency(id).map_or(id.as_str(), |a| a.name.as_str()))
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// From 1 July 2025 a merged province's departments are gone and their
    /// duties passed to the new province's: "Sở Giáo dục và Đào tạo tỉnh
    /// Hưng Yên, successor of Sở Giáo dục và Đào tạo tỉnh Thái Bình". Only
    /// provincial leads pass this way; a district's bodies ended with it.
    fn successor(&self, task: &Task) -> Option<String> {
        let units = crate::units::Units::embedded();
        let crate::units::PlanProvince::Before2025(old) = units.of_plan(self.plan)? else {
            return None;
        };
        let new = units.merged_into(&old.id)?;
        let heirs: Vec<String> = task
            .leads
            .iter()
            .filter_map(|id| self.agency(id))
            .filter(|a| {
                a.level == crate::model::Level::Province && a.kind != AgencyKind::Collective
            })
            .map(|a| {
                let body = without_place(a.name.as_str(), old.name.as_str());
                if new.name == old.name {
                    tr!(
                        "{body} {} {} (the merged province)",
                        "{body} {} {} (tỉnh sau sáp nhập)",
                        new.kind.prefix(),
                        new.name
                    )
                } else {
                    tr!(
                        "{body} {} {}, successor of {body} {} {}",
                        "{body} {} {}, kế thừa {body} {} {}",
                        new.kind.prefix(),
                        new.name,
                        old.kind.prefix(),
                        old.name
                    )
                }
            })
            .collect();
        (!heirs.is_empty()).then(|| {
            tr!(
                "from 1 July 2025 owed by {} (Nghị quyết 202/2025/QH15: {} {} formed from {})",
                "từ ngày 01/7/2025 do {} thực hiện (Nghị quyết 202/2025/QH15: {} {} được hợp nhất từ {})",
                heirs.join("; "),
                new.kind.prefix(),
                new.name,
                formed_from(units, new)
            )
        })
    }

    /// The leads that had ceased to exist before `due`, described, and
    /// whether that is every lead (a task without leads has no owner to lose).
    fn gone_owners(&self, task: &Task, due: CivilDate) -> (Vec<String>, bool) {
        let mut gone = Vec::new();
        for id in &task.leads {
            let Some(agency) = self.agency(id) else {
                continue;
            };
            let body = agency
                .registry
                .as_deref()
                .and_then(|id| self.registry.get(id))
                .or_else(|| {
                    std::iter::once(&agency.name)
                        .chain(&agency.aliases)
                        .find_map(|name| self.registry.find(name.as_str(), Some(agency.level)))
                });
            let Some((body, until)) = body.and_then(|b| Some((b, b.valid_until?))) else {
                continue;
            };
            if until < due {
                let successor = body
                    .successor
                    .as_deref()
                    .and_then(|id| self.registry.get(id))
                    .map_or_else(
                        || tr!("none recorded", "chưa có thông tin"),
                        |s| s.name.to_string(),
                    );
                gone.push(tr!(
                    "{} (abolished or merged: its last day was {until}; successor: {successor})",
                    "{} (đã giải thể hoặc sáp nhập: ngày hoạt động cuối cùng là {until}; cơ quan kế thừa: {successor})",
                    agency.name
                ));
            }
        }
        let everyone = !task.leads.is_empty() && gone.len() == task.leads.len();
        (gone, everyone)
    }
}

/// "Thái Bình, Hưng Yên": the provinces a 2025 province was formed from.
fn formed_from(units: &crate::units::Units, new: &crate::units::MergedProvince) -> String {
    let names: Vec<&str> = new
        .formed_from
        .iter()
        .map(|id| units.province(id).map_or(id.as_str(), |p| p.name.as_str()))
        .collect();
    names.join(", ")
}

/// "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh" and "Sở Y tế tỉnh Thái Bình" →
/// the body without its place, so the successor's place can follow it.
fn without_place<'n>(name: &'n str, province: &str) -> &'n str {
    let name = name.trim_end();
    let name = name.strip_suffix(province).unwrap_or(name).trim_end();
    ["tỉnh", "thành phố"]
        .iter()
        .find_map(|kind| name.strip_suffix(kind))
        .unwrap_or(name)
        .trim_end()
}

fn days(n: i64) -> String {
    match n.abs() {
        1 => tr!("1 day", "1 ngày"),
        n => tr!("{n} days", "{n} ngày"),
    }
}

/// The occurrences that stand at `standing`, in date order.
fn standing_at(occurrences: &[OccurrenceRow], standing: Standing) -> Vec<&OccurrenceRow> {
    occurrences
        .iter()
        .filter(|o| o.standing == standing)
        .collect()
}

/// How often a recurring `due` falls due, for messages that count occurrences.
fn cycle(due: &Due) -> String {
    match due {
        Due::Yearly { also, .. } if also.len() == 1 => tr!("twice-yearly", "hai lần mỗi năm"),
        Due::Yearly { also, .. } if !also.is_empty() => {
            tr!("{}-times-yearly", "{} lần mỗi năm", also.len() + 1)
        }
        Due::EveryMonths { months: 1, .. } => tr!("monthly", "hằng tháng"),
        Due::EveryMonths { months: 3, .. } => tr!("quarterly", "hằng quý"),
        Due::EveryMonths { months: 6, .. } => tr!("six-monthly", "6 tháng"),
        _ => tr!("yearly", "hằng năm"),
    }
}

/// A normal form in words, for messages that compare it with the wording.
fn describe(due: &Due) -> String {
    match *due {
        Due::Date(date) => date.to_string(),
        Due::Month { year, month } => tr!("month {month} of {year}", "tháng {month} năm {year}"),
        Due::Quarter { year, quarter } => {
            let roman = ["I", "II", "III", "IV"]
                .get(usize::from(quarter).wrapping_sub(1))
                .map_or_else(|| quarter.to_string(), |r| (*r).to_owned());
            format!("Quý {roman}/{year}")
        }
        Due::Year(year) => tr!("the year {year}", "năm {year}"),
        Due::Phase(ref id) => tr!("the end of phase `{id}`", "cuối giai đoạn `{id}`"),
        Due::Half { year, half } => match half {
            1 => tr!("the first half of {year}", "6 tháng đầu năm {year}"),
            _ => tr!("the second half of {year}", "6 tháng cuối năm {year}"),
        },
        Due::Yearly { from, .. } => {
            let days: Vec<String> = due
                .days_of_year()
                .iter()
                .map(|d| match d.day {
                    Some(day) => format!("{day:02}/{:02}", d.month),
                    None => tr!("month {}", "tháng {}", d.month),
                })
                .collect();
            let days = days.join(tr!(" and ", " và ").as_str());
            match from {
                Some(from) => tr!(
                    "{days} every year from {from}",
                    "{days} hằng năm từ năm {from}"
                ),
                None => tr!("{days} every year", "{days} hằng năm"),
            }
        }
        Due::EveryMonths { months, .. } => {
            tr!("every {months} months", "{months} tháng một lần")
        }
        Due::FromYear(year) => tr!("ongoing from {year}", "thường xuyên từ năm {year}"),
        Due::Ongoing => tr!("ongoing", "thường xuyên"),
    }
}

#[cfg(test)]
mod tests {
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
        assert!(schedule.findings[0].message.contains("month 13"));
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
        assert_eq!(describe(&quarter), "Quý III/2020");
        let yearly = Due::Yearly {
            month: 12,
            day: Some(1),
            also: Vec::new(),
            from: Some(2021),
        };
        assert_eq!(describe(&yearly), "01/12 every year from 2021");
        let twice = Due::Yearly {
            month: 6,
            day: Some(30),
            also: vec![crate::model::DayOfYear {
                month: 10,
                day: None,
            }],
            from: None,
        };
        assert_eq!(describe(&twice), "30/06 and month 10 every year");
        assert_eq!(cycle(&twice), "twice-yearly");
        let half = Due::Half {
            year: 2026,
            half: 1,
        };
        assert_eq!(describe(&half), "the first half of 2026");
        assert_eq!(days(1), "1 day");
        assert_eq!(days(-28), "28 days");
    }
}
