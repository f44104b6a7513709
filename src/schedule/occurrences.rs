//! A task's deadline read, its occurrences placed on the calendar and
//! judged, and the one row and at most one finding they settle into.

use super::messages::*;
use super::*;
use crate::tr;

impl<'a> Check<'a> {
    pub(super) fn task(&mut self, i: usize, task: &'a Task, deadline: &Deadline) {
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

    pub(super) fn unscheduled(&mut self, cx: &TaskCx<'_>, note: String) {
        self.without_occurrences(cx, Standing::Unscheduled, note);
    }

    pub(super) fn without_occurrences(
        &mut self,
        cx: &TaskCx<'_>,
        standing: Standing,
        note: String,
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
}
