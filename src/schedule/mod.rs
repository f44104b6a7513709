//! Deadlines against the calendar: which tasks of a plan are overdue, due
//! soon, done late, missed in a recurring cycle, or owned by a body that no
//! longer existed when they fell due.
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
use crate::model::{Agency, Deadline, Due, Plan, Progress, Task, TaskProgress, TaskState};
use crate::registry::Registry;
use crate::source::{FieldPath, SourceFile};
use crate::tr;
use crate::validate::period_text;

use dates::{Convention, Occurrence, Timing, days_after};
pub use status::StatusError;

/// Where a task's deadline stands on the as-of date.
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
    /// "từ năm 2013": ongoing, with no due date.
    Ongoing,
    /// The deadline names no date xhht can read or schedule.
    Unscheduled,
}

/// One occurrence of one task's deadline.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Row {
    pub task: String,
    pub title: String,
    /// The leads' names as the plan writes them, joined with "; ".
    pub owner: String,
    /// The occurrence's key, as a status file names it: "2021", "2021-H1",
    /// "2021-Q3", "2021-06"; a one-off's own quarter, month or year
    /// ("2020-Q2"), or its date ("2020-01-15"). None when there is no due date.
    pub period: Option<String>,
    pub due: Option<CivilDate>,
    /// The recorded state; `not_started` when nothing is recorded.
    pub state: TaskState,
    pub standing: Standing,
    /// Days past the due date (positive) or left until it (zero or negative),
    /// for occurrences not done or cancelled.
    pub days: Option<i64>,
    /// The convention the due date comes from, and anything else worth knowing.
    pub note: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Schedule {
    pub as_of: CivilDate,
    /// Tasks in plan order, each occurrence in date order.
    pub rows: Vec<Row>,
    /// In plan order; `finding::sort` orders them by position like other findings.
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
    findings: Vec<Finding>,
    conventions: Vec<Convention>,
}

/// What every row and finding of one task repeats.
struct TaskCx<'a> {
    task: &'a Task,
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
            owner: self.owner(task),
            what: tr!("task `{}` ({})", "nhiệm vụ `{}` ({})", task.id, task.title),
            path,
        };
        let wording = deadline.wording.as_str();
        let before = wording::before_day(wording);
        let (due, due_path, from_wording) = match (&deadline.due, wording::parse(wording)) {
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
                    .hint(tr!(
                        "add `due` with the deadline's normal form, e.g. `due: {{year: 2020}}`; `xhht schema` lists the forms",
                        "bổ sung `due` với dạng chuẩn hóa của thời hạn, ví dụ `due: {{year: 2020}}`; lệnh `xhht schema` liệt kê các dạng này"
                    ));
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
        let conventions = dates::conventions(&due, before);
        for c in &conventions {
            if !self.conventions.contains(c) {
                self.conventions.push(*c);
            }
        }
        let note = if from_wording {
            tr!(
                "read from the wording; {}",
                "đọc từ cách ghi trong văn bản; {}",
                conventions[0].text()
            )
        } else {
            conventions[0].text().to_owned()
        };
        match timing {
            Timing::Once(occurrence) => {
                self.bounds(&cx, &occurrence, &due_path);
                self.occurrence(&cx, &occurrence, false, &note);
            }
            Timing::Recurring(occurrences) => {
                for occurrence in &occurrences {
                    self.occurrence(&cx, occurrence, true, &note);
                }
            }
            Timing::Ongoing { since } => {
                let state = self
                    .record(task, None)
                    .map_or(TaskState::NotStarted, |r| r.state);
                self.rows.push(Row {
                    task: task.id.clone(),
                    title: task.title.to_string(),
                    owner: cx.owner.clone(),
                    period: None,
                    due: None,
                    state,
                    standing: Standing::Ongoing,
                    days: None,
                    note: tr!(
                        "ongoing since {since}; no due date, never overdue",
                        "thực hiện thường xuyên từ năm {since}; không có hạn, không bao giờ quá hạn"
                    ),
                });
            }
        }
    }

    fn unscheduled(&mut self, cx: &TaskCx<'_>, note: String) {
        let state = self
            .record(cx.task, None)
            .map_or(TaskState::NotStarted, |r| r.state);
        self.rows.push(Row {
            task: cx.task.id.clone(),
            title: cx.task.title.to_string(),
            owner: cx.owner.clone(),
            period: None,
            due: None,
            state,
            standing: Standing::Unscheduled,
            days: None,
            note,
        });
    }

    /// The wording never states a `from` year, so only the day, the cycle or
    /// the due date itself can disagree.
    fn agree(&self, due: &Due, read: &Due, before: bool) -> bool {
        match (due, read) {
            (
                Due::Yearly { month, day, .. },
                Due::Yearly {
                    month: m, day: d, ..
                },
            ) => month == m && day == d,
            (Due::EveryMonths { months, .. }, Due::EveryMonths { months: m, .. }) => months == m,
            (Due::FromYear(a), Due::FromYear(b)) => a == b,
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

    fn occurrence(
        &mut self,
        cx: &TaskCx<'_>,
        occurrence: &Occurrence,
        recurring: bool,
        note: &str,
    ) {
        let Occurrence { key, due } = occurrence;
        let due = *due;
        let record = self.record(cx.task, Some((key, recurring)));
        let which = if recurring {
            tr!("the {key} occurrence of {}", "kỳ {key} của {}", cx.what)
        } else {
            cx.what.clone()
        };
        // Occurrences of one task must stay apart (a ratchet matches on it).
        let subject = if recurring {
            format!("{} {key}", cx.task.id)
        } else {
            cx.task.id.clone()
        };
        let mut row = Row {
            task: cx.task.id.clone(),
            title: cx.task.title.to_string(),
            owner: cx.owner.clone(),
            period: Some(key.clone()),
            due: Some(due),
            state: record.map_or(TaskState::NotStarted, |r| r.state),
            standing: Standing::Upcoming,
            days: None,
            note: note.to_owned(),
        };
        match record.map(|r| (r.state, r.date)) {
            Some((TaskState::Cancelled, _)) => row.standing = Standing::Cancelled,
            Some((TaskState::Done, Some(done))) if done > due => {
                let late = days(days_after(due, done));
                row.standing = Standing::DoneLate;
                row.note = tr!(
                    "{}; done {done}, {late} late",
                    "{}; hoàn thành ngày {done}, chậm {late}",
                    row.note
                );
                let finding = self
                    .at(
                        Rule::DoneLate,
                        &cx.path,
                        tr!(
                            "{which} was done {done}, {late} after it was due {due}",
                            "{which} hoàn thành ngày {done}, chậm {late} so với hạn {due}"
                        ),
                    )
                    .note(note);
                self.findings
                    .push(finding.about(&self.plan.document.id, subject.clone()));
            }
            Some((TaskState::Done, _)) => row.standing = Standing::Done,
            _ => {
                let after = days_after(due, self.as_of);
                row.days = Some(after);
                let past = due < self.as_of;
                let soon = !past && self.soon_until.is_some_and(|until| due <= until);
                let (gone, everyone_gone) = self.gone_owners(cx.task, due);
                if everyone_gone {
                    row.standing = Standing::OwnerGone;
                    row.note = tr!(
                        "{}; owner no longer existed: {}",
                        "{}; cơ quan chủ trì không còn tồn tại: {}",
                        row.note,
                        gone.join("; ")
                    );
                    if past || soon {
                        let when = if past {
                            tr!(
                                "was due {due} ({} ago)",
                                "đã đến hạn ngày {due} ({} trước)",
                                days(after)
                            )
                        } else {
                            tr!("is due {due}", "đến hạn ngày {due}")
                        };
                        let finding = self
                            .at(
                                Rule::OwnerGone,
                                &cx.path,
                                tr!(
                                    "{which} {when}, but its owner no longer existed by then: {}",
                                    "{which} {when}, nhưng khi đó cơ quan chủ trì không còn tồn tại: {}",
                                    gone.join("; ")
                                ),
                            )
                            .note(note)
                            .hint(tr!(
                                "record the occurrence as cancelled, or as done by the successor, in the status file",
                                "trong tệp theo dõi tiến độ, ghi nhận kỳ này là đã hủy, hoặc là đã được cơ quan kế thừa hoàn thành"
                            ));
                        self.findings
                            .push(finding.about(&self.plan.document.id, subject.clone()));
                    }
                } else if past {
                    let (rule, standing, message) = if recurring {
                        (
                            Rule::MissedOccurrence,
                            Standing::Missed,
                            tr!(
                                "{which} was due {due} and has no done record: {} overdue",
                                "{which} đến hạn ngày {due} nhưng chưa có ghi nhận hoàn thành: quá hạn {}",
                                days(after)
                            ),
                        )
                    } else {
                        (
                            Rule::Overdue,
                            Standing::Overdue,
                            tr!(
                                "{which} was due {due} and is not recorded as done: {} overdue",
                                "{which} đến hạn ngày {due} nhưng chưa được ghi nhận là hoàn thành: quá hạn {}",
                                days(after)
                            ),
                        )
                    };
                    row.standing = standing;
                    let period = if recurring {
                        format!("period: \"{key}\", ")
                    } else {
                        String::new()
                    };
                    let mut finding = self.at(rule, &cx.path, message).note(note).hint(tr!(
                        "if it was done, record it in the plan's status file: \
                         {{task: {}, {period}state: done, date: YYYY-MM-DD}}",
                        "nếu đã hoàn thành, ghi nhận vào tệp theo dõi tiến độ của kế hoạch: \
                         {{task: {}, {period}state: done, date: YYYY-MM-DD}}",
                        cx.task.id
                    ));
                    for owner in &gone {
                        finding = finding.note(tr!(
                            "one lead no longer existed by then: {owner}",
                            "một cơ quan chủ trì không còn tồn tại vào thời điểm đó: {owner}"
                        ));
                    }
                    self.findings
                        .push(finding.about(&self.plan.document.id, subject.clone()));
                } else if soon {
                    row.standing = Standing::DueSoon;
                    let finding = self
                        .at(
                            Rule::DueSoon,
                            &cx.path,
                            match after {
                                0 => tr!(
                                    "{which} is due today, {due}",
                                    "{which} đến hạn hôm nay, ngày {due}"
                                ),
                                _ => tr!(
                                    "{which} is due {due}, in {}",
                                    "{which} đến hạn ngày {due}, còn {}",
                                    days(after)
                                ),
                            },
                        )
                        .note(note);
                    self.findings
                        .push(finding.about(&self.plan.document.id, subject.clone()));
                }
            }
        }
        self.rows.push(row);
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

fn days(n: i64) -> String {
    match n.abs() {
        1 => tr!("1 day", "1 ngày"),
        n => tr!("{n} days", "{n} ngày"),
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
        Due::Yearly { month, day, from } => match from {
            Some(from) => tr!(
                "{day:02}/{month:02} every year from {from}",
                "ngày {day:02}/{month:02} hằng năm từ năm {from}"
            ),
            None => tr!(
                "{day:02}/{month:02} every year",
                "ngày {day:02}/{month:02} hằng năm"
            ),
        },
        Due::EveryMonths { months, .. } => {
            tr!("every {months} months", "{months} tháng một lần")
        }
        Due::FromYear(year) => tr!("ongoing from {year}", "thường xuyên từ năm {year}"),
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
            assert_eq!(schedule.rows[0].days, Some(0), "{wording}");
            assert_eq!(schedule.rows[0].standing, Standing::Upcoming, "{wording}");
        }
    }

    #[test]
    fn before_a_day_is_overdue_on_that_day() {
        let schedule = schedule_of(
            "  - id: a\n    title: A\n    deadline: {wording: \"trước 15/06/2020\"}\n",
            CivilDate::new(2020, 6, 15).unwrap(),
        );
        assert_eq!(schedule.rows[0].due, CivilDate::new(2020, 6, 14));
        assert_eq!(schedule.rows[0].days, Some(1));
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
            day: 1,
            from: Some(2021),
        };
        assert_eq!(describe(&yearly), "01/12 every year from 2021");
        assert_eq!(days(1), "1 day");
        assert_eq!(days(-28), "28 days");
    }
}
