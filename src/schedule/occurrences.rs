//! A task's deadline read, its occurrences placed on the calendar and
//! judged, and the one row and at most one finding they settle into.

use super::messages::{describe, semicolons};
use super::wording::Unreadable;
use super::{
    Check, CivilDate, Convention, Counts, Dated, Deadline, Due, FieldPath, Finding, Judged,
    Message, Occurrence, OccurrenceRow, Row, Rule, Standing, Task, TaskCx, TaskState, Timing,
    conventions, dates, days_after, period_text, wording,
};
use crate::msg;

/// How a task's due date was arrived at.
struct Reading {
    due: Due,
    /// `deadline.due`, or `deadline.wording` when read from the wording.
    path: FieldPath,
    from_wording: bool,
    /// Read from a wording that names no year, which took the single year
    /// of the plan's period ([`Convention::YearOfPeriod`]).
    year_of_period: bool,
}

impl<'a> Check<'a> {
    pub(super) fn task(&mut self, i: usize, task: &'a Task, deadline: &Deadline) {
        let path = FieldPath::root().key("tasks").index(i).key("deadline");
        let cx = TaskCx {
            task,
            wording: deadline.wording.to_string(),
            owner: self.owner(task),
            what: msg!("schedule.task.what", id = &task.id, title = &task.title),
            path,
        };
        let before = wording::before_day(deadline.wording.as_str());
        let Some(reading) = self.read(&cx, deadline, before) else {
            return;
        };
        let timing = match dates::timing(&reading.due, before, self.plan, self.as_of) {
            Ok(timing) => timing,
            Err(reason) => return self.unschedulable(&cx, &reading.path, reason),
        };
        let note = self.note(&reading, before);
        match timing {
            Timing::Once(occurrence) => {
                self.bounds(&cx, &occurrence, &reading.path);
                let judged = self.judge(&cx, &occurrence, false);
                self.settle(&cx, &reading.due, false, vec![judged], note);
            }
            Timing::Recurring(occurrences) => {
                let judged = occurrences
                    .iter()
                    .map(|o| self.judge(&cx, o, true))
                    .collect();
                self.settle(&cx, &reading.due, true, judged, note);
            }
            Timing::Ongoing { since } => self.without_occurrences(
                &cx,
                Standing::Ongoing,
                match since {
                    Some(since) => msg!("schedule.row.ongoing-since", since),
                    None => msg!("schedule.row.ongoing"),
                },
            ),
        }
    }

    /// The task's due date: its `due`, checked against what the wording
    /// says, else read from the wording. `None` when neither gives one: the
    /// task is then recorded as unreadable.
    fn read(&mut self, cx: &TaskCx<'_>, deadline: &Deadline, before: bool) -> Option<Reading> {
        let wording = deadline.wording.as_str();
        let period = self.plan.document.period;
        // The year a wording without one ("cuối năm") can only mean: that of
        // a plan whose period is one year.
        let year = (period.end == Some(period.start)).then_some(period.start);
        let reading = wording::parse_in(wording, year);
        let year_of_period = year.is_some() && reading.is_ok() && wording::parse(wording).is_err();
        let as_written = |due: &Due| Reading {
            due: due.clone(),
            path: cx.path.key("due"),
            from_wording: false,
            year_of_period: false,
        };
        match (&deadline.due, reading) {
            (Some(due), Ok(read)) => {
                if !self.agree(due, &read, before) {
                    self.mismatch(cx, due, &read);
                }
                Some(as_written(due))
            }
            (Some(due), Err(_)) => Some(as_written(due)),
            (None, Ok(read)) => Some(Reading {
                due: read,
                path: cx.path.key("wording"),
                from_wording: true,
                year_of_period,
            }),
            (None, Err(unreadable)) => {
                self.unreadable(cx, unreadable);
                None
            }
        }
    }

    /// XH208: `due` and the wording name different deadlines.
    fn mismatch(&mut self, cx: &TaskCx<'_>, due: &Due, read: &Due) {
        let message = msg!(
            "schedule.mismatch.message",
            what = &cx.what,
            due = describe(due),
            wording = &cx.wording,
            read = describe(read)
        );
        let finding = self
            .at(Rule::DeadlineMismatch, &cx.path.key("due"), message)
            .note(msg!("schedule.mismatch.note"))
            .hint(msg!("schedule.mismatch.hint"));
        self.push(cx, finding);
    }

    /// XH209 for a wording xhht cannot read, and the task's unscheduled row.
    fn unreadable(&mut self, cx: &TaskCx<'_>, unreadable: Unreadable) {
        let wording = &cx.wording;
        let message = msg!(
            "schedule.unreadable.message",
            what = &cx.what,
            wording,
            unreadable = unreadable.reason
        );
        let hint = unreadable
            .hint
            .unwrap_or_else(|| msg!("schedule.unreadable.hint"));
        let finding = self
            .at(Rule::UnreadableDeadline, &cx.path.key("wording"), message)
            .hint(hint);
        self.push(cx, finding);
        self.unscheduled(cx, msg!("schedule.row.unreadable", wording));
    }

    /// XH209 for a normal form that names no date, and the task's
    /// unscheduled row.
    fn unschedulable(&mut self, cx: &TaskCx<'_>, path: &FieldPath, reason: Message) {
        let message = msg!(
            "schedule.unschedulable.message",
            what = &cx.what,
            reason = &reason
        );
        let finding = self.at(Rule::UnreadableDeadline, path, message);
        self.push(cx, finding);
        self.unscheduled(cx, reason);
    }

    /// The conventions the due date rests on, added to the schedule's list;
    /// the main one is what the row and every finding note.
    fn note(&mut self, reading: &Reading, before: bool) -> Message {
        let mut conventions = conventions::conventions(&reading.due, before);
        if reading.year_of_period {
            conventions.push(Convention::YearOfPeriod);
        }
        for c in &conventions {
            if !self.conventions.contains(c) {
                self.conventions.push(*c);
            }
        }
        let main = conventions[0].message();
        let note = if reading.from_wording {
            msg!("schedule.row.from-wording", convention = main)
        } else {
            main
        };
        if reading.year_of_period {
            msg!(
                "schedule.words.joined",
                first = note,
                second = Convention::YearOfPeriod.message()
            )
        } else {
            note
        }
    }

    pub(super) fn unscheduled(&mut self, cx: &TaskCx<'_>, note: Message) {
        self.without_occurrences(cx, Standing::Unscheduled, note);
    }

    pub(super) fn without_occurrences(
        &mut self,
        cx: &TaskCx<'_>,
        standing: Standing,
        note: Message,
    ) {
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
    pub(super) fn agree(&self, due: &Due, read: &Due, before: bool) -> bool {
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

    pub(super) fn bounds(&mut self, cx: &TaskCx<'_>, occurrence: &Occurrence, path: &FieldPath) {
        let document = &self.plan.document;
        let due = occurrence.due;
        // A reversed or absurd period is validation's to report, once.
        let outside = !u16::try_from(due.year()).is_ok_and(|year| document.period.contains(year));
        if document.period.is_sound() && outside {
            let message = msg!(
                "schedule.bounds.outside-period",
                what = &cx.what,
                due,
                period = period_text(document.period)
            );
            let finding = self.at(Rule::DeadlineOutsidePeriod, path, message);
            self.push(cx, finding);
        }
        if let Some(issued) = document.date
            && due < issued
        {
            let message = msg!("schedule.bounds.before-issue", what = &cx.what, due, issued);
            let finding = self.at(Rule::DeadlineBeforeIssue, path, message);
            self.push(cx, finding);
        }
    }

    /// Where one occurrence stands on the as-of date: done (on time or
    /// late), cancelled, or else owner gone, missed, due soon or upcoming.
    pub(super) fn judge(
        &self,
        cx: &TaskCx<'_>,
        occurrence: &Occurrence,
        recurring: bool,
    ) -> OccurrenceRow {
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
    pub(super) fn soon(&self, due: CivilDate) -> bool {
        due >= self.as_of && self.soon_until.is_some_and(|until| due <= until)
    }

    /// An occurrence whose owner was gone by the time it fell due, or will
    /// be by the time it falls due within the window: worth a finding.
    pub(super) fn gone_by_now(&self, o: &OccurrenceRow) -> bool {
        o.standing == Standing::OwnerGone && (o.due < self.as_of || self.soon(o.due))
    }

    /// Which occurrence speaks for the task: the lower, the more pressing.
    pub(super) fn rank(&self, o: &OccurrenceRow) -> u8 {
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

    pub(super) fn dated(&self, o: &OccurrenceRow) -> Dated {
        Dated {
            period: o.period.clone(),
            due: o.due,
            days: days_after(o.due, self.as_of),
        }
    }

    /// The task's row, and at most one finding about its occurrences, from
    /// the most pressing of them: however many occurrences a recurring
    /// obligation has, it is one obligation.
    pub(super) fn settle(
        &mut self,
        cx: &TaskCx<'_>,
        due: &Due,
        recurring: bool,
        occurrences: Vec<OccurrenceRow>,
        note: Message,
    ) {
        let last_missed = occurrences
            .iter()
            .rev()
            .find(|o| matches!(o.standing, Standing::Overdue | Standing::Missed))
            .map(|o| self.dated(o));
        let next_due = occurrences
            .iter()
            .find(|o| matches!(o.standing, Standing::Upcoming | Standing::DueSoon))
            .map(|o| self.dated(o));
        let decisive = occurrences.iter().min_by_key(|o| self.rank(o));
        let judged = Judged {
            due,
            recurring,
            occurrences: &occurrences,
            note: &note,
        };
        if let Some(finding) = self.finding(
            cx,
            &judged,
            decisive,
            (last_missed.as_ref(), next_due.as_ref()),
        ) {
            self.push(cx, finding);
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
            standing: decisive.map_or(Standing::Unscheduled, |o| o.standing),
            state,
            occurrences: counts(&occurrences),
            last_missed,
            next_due,
            note: self.row_note(cx, &occurrences, note),
            successor,
        });
        self.occurrences.extend(occurrences);
    }

    /// At most one finding about the occurrences, from the `decisive` one,
    /// noting the successor that owes what is still owed after the merger.
    fn finding(
        &self,
        cx: &TaskCx<'_>,
        judged: &Judged<'_>,
        decisive: Option<&OccurrenceRow>,
        (last_missed, next_due): (Option<&Dated>, Option<&Dated>),
    ) -> Option<Finding> {
        let finding = match decisive.map(|o| o.standing) {
            Some(Standing::Overdue | Standing::Missed) => {
                last_missed.map(|last| self.missed(cx, judged, last, next_due))
            }
            Some(Standing::OwnerGone) if decisive.is_some_and(|o| self.gone_by_now(o)) => {
                Some(self.owner_gone(cx, judged))
            }
            Some(Standing::DueSoon) => Some(self.due_soon(cx, judged)),
            Some(Standing::DoneLate) => Some(self.done_late(cx, judged)),
            _ => None,
        }?;
        let after_merger = judged.occurrences.iter().any(|o| {
            o.due >= crate::units::merger_day()
                && !matches!(o.standing, Standing::Done | Standing::Cancelled)
        });
        Some(match self.successor(cx.task).filter(|_| after_merger) {
            Some(successor) => finding.note(successor),
            None => finding,
        })
    }

    /// The row says more than the convention its findings note: which
    /// leads were gone, or that no occurrence falls in the plan's window.
    fn row_note(&self, cx: &TaskCx<'_>, occurrences: &[OccurrenceRow], note: Message) -> Message {
        let mut row_note = note;
        let gone_from = occurrences
            .iter()
            .find(|o| o.standing == Standing::OwnerGone);
        if let Some(first) = gone_from {
            let (gone, _) = self.gone_owners(cx.task, first.due);
            row_note = msg!(
                "schedule.row.owner-gone",
                note = row_note,
                gone = semicolons(gone)
            );
        }
        if occurrences.is_empty() {
            row_note = msg!("schedule.row.no-occurrence", note = row_note);
        }
        row_note
    }
}

/// A task's occurrences counted by standing.
fn counts(occurrences: &[OccurrenceRow]) -> Counts {
    let mut counts = Counts {
        total: occurrences.len(),
        ..Counts::default()
    };
    for o in occurrences {
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
    counts
}
