//! The findings a schedule raises, one per task, worded with its counts.

use super::{
    Check, Dated, Due, Finding, Judged, Message, OccurrenceRow, Rule, Standing, TaskCx, days_after,
};
use crate::i18n::Arg;
use crate::msg;

impl Check<'_> {
    /// "the 2023 occurrence of task `x` (…)", or the task itself for a one-off.
    pub(super) fn which(cx: &TaskCx<'_>, o: &OccurrenceRow, recurring: bool) -> Message {
        if recurring {
            msg!(
                "schedule.finding.which",
                key = Arg::period(&o.period),
                what = &cx.what
            )
        } else {
            cx.what.clone()
        }
    }

    /// XH201 for a one-off; XH204 for a recurring obligation, counting its
    /// misses and naming the last.
    pub(super) fn missed(
        &self,
        cx: &TaskCx<'_>,
        judged: &Judged<'_>,
        last: &Dated,
        next: Option<&Dated>,
    ) -> Finding {
        let id = &cx.task.id;
        let (rule, message, hint) = if judged.recurring {
            (
                Rule::MissedOccurrence,
                self.missed_occurrences(cx, judged, last, next),
                msg!("schedule.missed.hint", id, key = &last.period),
            )
        } else {
            let message = msg!(
                "schedule.overdue.message",
                what = &cx.what,
                due = last.due,
                days = days(last.days)
            );
            (Rule::Overdue, message, msg!("schedule.overdue.hint", id))
        };
        let mut finding = self
            .at(rule, &cx.path, message)
            .note(judged.note.clone())
            .hint(hint);
        if let Some(next) = next.filter(|next| self.soon(next.due)) {
            let (key, due, left) = (Arg::period(&next.period), next.due, days(next.days));
            finding = finding.note(msg!("schedule.missed.next-soon", key, due, left));
        }
        if let Some(late) = late_note(judged.occurrences) {
            finding = finding.note(late);
        }
        let gone = standing_at(judged.occurrences, Standing::OwnerGone);
        if let Some(first) = gone.first() {
            let (n, key) = (gone.len(), Arg::period(&first.period));
            finding = finding.note(msg!("schedule.missed.owner-gone-after", n, key));
        }
        for owner in self.gone_owners(cx.task, last.due).0 {
            finding = finding.note(msg!("schedule.missed.lead-gone", owner));
        }
        finding
    }

    /// "…: 5 of 5 yearly occurrences due so far have no done record, the
    /// latest 2025, due 2025-12-19; the next, 2026, is due 2026-12-19".
    fn missed_occurrences(
        &self,
        cx: &TaskCx<'_>,
        judged: &Judged<'_>,
        last: &Dated,
        next: Option<&Dated>,
    ) -> Message {
        let so_far = judged
            .occurrences
            .iter()
            .filter(|o| o.due < self.as_of)
            .count();
        let missed = standing_at(judged.occurrences, Standing::Missed).len();
        let (key, last_due) = (Arg::period(&last.period), last.due);
        let message = if missed == 1 {
            msg!("schedule.missed.one", key, what = &cx.what, last_due)
        } else {
            msg!(
                "schedule.missed.several",
                what = &cx.what,
                missed,
                so_far,
                cycle = cycle(judged.due),
                key,
                last_due
            )
        };
        if let Some(next) = next {
            let (key, next_due) = (Arg::period(&next.period), next.due);
            msg!("schedule.missed.then-next", message, key, next_due)
        } else if let Some(end) = self.period_end().filter(|end| *end < self.as_of) {
            msg!("schedule.missed.period-ended", message, end)
        } else {
            message
        }
    }

    /// XH207: fell due, or falls due within the window, after every lead had
    /// ceased to exist.
    pub(super) fn owner_gone(&self, cx: &TaskCx<'_>, judged: &Judged<'_>) -> Finding {
        let gone_now: Vec<&OccurrenceRow> = judged
            .occurrences
            .iter()
            .filter(|o| self.gone_by_now(o))
            .collect();
        let first = gone_now[0];
        let gone = semicolons(self.gone_owners(cx.task, first.due).0);
        let due_date = first.due;
        let message = if gone_now.len() > 1 {
            let (n, cycle, key) = (
                gone_now.len(),
                cycle(judged.due),
                Arg::period(&first.period),
            );
            msg!(
                "schedule.owner-gone.several",
                n,
                cycle,
                what = &cx.what,
                key,
                due_date,
                gone
            )
        } else {
            let which = Self::which(cx, first, judged.recurring);
            let when = if due_date < self.as_of {
                let ago = days(days_after(due_date, self.as_of));
                msg!("schedule.owner-gone.was-due", due_date, ago)
            } else {
                msg!("schedule.owner-gone.is-due", due_date)
            };
            msg!("schedule.owner-gone.one", which, when, gone)
        };
        let mut finding = self
            .at(Rule::OwnerGone, &cx.path, message)
            .note(judged.note.clone())
            .hint(msg!("schedule.owner-gone.hint"));
        if let Some(late) = late_note(judged.occurrences) {
            finding = finding.note(late);
        }
        finding
    }

    /// XH202: the first occurrence in the due-soon window.
    pub(super) fn due_soon(&self, cx: &TaskCx<'_>, judged: &Judged<'_>) -> Finding {
        let soon = standing_at(judged.occurrences, Standing::DueSoon);
        let first = soon[0];
        let (which, due) = (Self::which(cx, first, judged.recurring), first.due);
        let message = match days_after(due, self.as_of) {
            0 => msg!("schedule.due-soon.today", which, due),
            after => msg!("schedule.due-soon.in", which, due, days = days(after)),
        };
        let mut finding = self
            .at(Rule::DueSoon, &cx.path, message)
            .note(judged.note.clone());
        if soon.len() > 1 {
            let more = soon.len() - 1;
            finding = finding.note(msg!("schedule.due-soon.more", more));
        }
        if let Some(late) = late_note(judged.occurrences) {
            finding = finding.note(late);
        }
        finding
    }

    /// XH203: done, but after the due date; the latest such occurrence speaks.
    pub(super) fn done_late(&self, cx: &TaskCx<'_>, judged: &Judged<'_>) -> Finding {
        let late = standing_at(judged.occurrences, Standing::DoneLate);
        let latest = late[late.len() - 1];
        let (due_date, done) = (latest.due, latest.done.unwrap_or(latest.due));
        let by = days(days_after(due_date, done));
        let message = if late.len() > 1 {
            let (n, cycle, key) = (late.len(), cycle(judged.due), Arg::period(&latest.period));
            msg!(
                "schedule.done-late.several",
                n,
                cycle,
                what = &cx.what,
                key,
                done,
                by,
                due_date
            )
        } else {
            let which = Self::which(cx, latest, judged.recurring);
            msg!("schedule.done-late.one", which, done, by, due_date)
        };
        self.at(Rule::DoneLate, &cx.path, message)
            .note(judged.note.clone())
    }
}

pub(super) fn days(n: i64) -> Message {
    match n.abs() {
        1 => msg!("schedule.words.one-day"),
        n => msg!("schedule.words.days", n),
    }
}

/// `items` one after another with "; " between them, as lists of bodies read.
pub(super) fn semicolons(items: Vec<Message>) -> Message {
    items
        .into_iter()
        .reduce(|first, second| msg!("schedule.words.joined", first, second))
        .unwrap_or_else(|| Message::verbatim(""))
}

/// The occurrences that stand at `standing`, in date order.
pub(super) fn standing_at(
    occurrences: &[OccurrenceRow],
    standing: Standing,
) -> Vec<&OccurrenceRow> {
    occurrences
        .iter()
        .filter(|o| o.standing == standing)
        .collect()
}

/// How often a recurring `due` falls due, for messages that count occurrences.
pub(super) fn cycle(due: &Due) -> Message {
    match due {
        Due::Yearly { also, .. } if also.len() == 1 => msg!("schedule.cycle.twice-yearly"),
        Due::Yearly { also, .. } if !also.is_empty() => {
            msg!("schedule.cycle.times-yearly", n = also.len() + 1)
        }
        Due::EveryMonths { months: 1, .. } => msg!("schedule.cycle.monthly"),
        Due::EveryMonths { months: 3, .. } => msg!("schedule.cycle.quarterly"),
        Due::EveryMonths { months: 6, .. } => msg!("schedule.cycle.six-monthly"),
        _ => msg!("schedule.cycle.yearly"),
    }
}

/// A normal form in words, for messages that compare it with the wording.
pub(super) fn describe(due: &Due) -> Message {
    match *due {
        Due::Date(date) => Message::verbatim(date.to_string()),
        Due::Month { year, month } => msg!("schedule.due.month", month, year),
        Due::Quarter { year, quarter } => {
            let roman = ["I", "II", "III", "IV"]
                .get(usize::from(quarter).wrapping_sub(1))
                .map_or_else(|| quarter.to_string(), |r| (*r).to_owned());
            Message::verbatim(format!("Quý {roman}/{year}"))
        }
        Due::Year(year) => msg!("schedule.due.year", year),
        Due::Phase(ref id) => msg!("schedule.due.phase", id),
        Due::Half { year, half } => match half {
            1 => msg!("schedule.due.first-half", year),
            _ => msg!("schedule.due.second-half", year),
        },
        Due::Yearly { from, .. } => {
            let days = due
                .days_of_year()
                .iter()
                .map(|d| match d.day {
                    Some(day) => Message::verbatim(format!("{day:02}/{:02}", d.month)),
                    None => msg!("schedule.words.month", month = d.month),
                })
                .reduce(|first, second| msg!("schedule.words.and", first, second))
                .unwrap_or_else(|| Message::verbatim(""));
            match from {
                Some(from) => msg!("schedule.due.yearly-from", days, from),
                None => msg!("schedule.due.yearly", days),
            }
        }
        Due::EveryMonths { months, .. } => msg!("schedule.due.every-months", months),
        Due::FromYear(year) => msg!("schedule.due.from-year", year),
        Due::Ongoing => msg!("schedule.due.ongoing"),
    }
}

/// "3 occurrences were done late, the latest …", for the notes of a
/// finding about something else.
fn late_note(occurrences: &[OccurrenceRow]) -> Option<Message> {
    let late = standing_at(occurrences, Standing::DoneLate);
    let latest = late.last()?;
    let (n, key, due) = (late.len(), Arg::period(&latest.period), latest.due);
    let done = latest.done?;
    let by = days(days_after(due, done));
    Some(match n {
        1 => msg!("schedule.late.one", key, done, by, due),
        _ => msg!("schedule.late.several", n, key, done, by, due),
    })
}
