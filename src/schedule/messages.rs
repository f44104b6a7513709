//! The findings a schedule raises, one per task, worded with its counts.

use super::*;
use crate::tr;

impl<'a> Check<'a> {
    /// "the 2023 occurrence of task `x` (…)", or the task itself for a one-off.
    pub(super) fn which(cx: &TaskCx<'_>, o: &OccurrenceRow, recurring: bool) -> String {
        if recurring {
            let key = &o.period;
            tr!("the {key} occurrence of {}", "kỳ {key} của {}", cx.what)
        } else {
            cx.what.clone()
        }
    }

    /// XH201 for a one-off; XH204 for a recurring obligation, counting its
    /// misses and naming the last.
    pub(super) fn missed(
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
    pub(super) fn late_note(&self, occurrences: &[OccurrenceRow]) -> Option<String> {
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
    pub(super) fn owner_gone(
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
    pub(super) fn due_soon(
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
    pub(super) fn done_late(
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
}

pub(super) fn days(n: i64) -> String {
    match n.abs() {
        1 => tr!("1 day", "1 ngày"),
        n => tr!("{n} days", "{n} ngày"),
    }
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
pub(super) fn cycle(due: &Due) -> String {
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
pub(super) fn describe(due: &Due) -> String {
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
