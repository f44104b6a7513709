//! Deadline by deadline: a local plan may bring an obligation forward, never
//! push it back past the date the plan above sets for it.

use crate::date::CivilDate;
use crate::finding::{Anchor, Finding, Rule};
use crate::i18n::Message;
use crate::model::{Deadline, Due, Function, Plan, Task};
use crate::msg;
use crate::schedule::dates::{day_before, month_end, quarter_end, year_end, yearly_on};
use crate::schedule::wording;
use crate::source::{FieldPath, SourceFile};

/// When an obligation falls due, in a form two plans can be compared on.
#[derive(Debug, Clone, Copy, PartialEq)]
enum When {
    Once(CivilDate),
    /// Every year on this day, given in a leap year (so 29/02 is one).
    Yearly(CivilDate),
}

/// The year yearly days are compared in: one with a 29 February.
const LEAP: i16 = 2024;

/// Only deadlines the text pins to a day, month, quarter or year compare; a
/// bare "hằng năm" or "định kỳ" names no date to be late against. Due dates
/// follow the schedule's conventions, "trước" a day included.
fn when(deadline: &Deadline) -> Option<When> {
    let due = match &deadline.due {
        Some(due) => due.clone(),
        None => wording::parse(deadline.wording.as_str()).ok()?,
    };
    let before = wording::before_day(deadline.wording.as_str());
    let named = |date: CivilDate| if before { day_before(date) } else { date };
    match due {
        Due::Date(date) => Some(When::Once(named(date))),
        Due::Month { year, month } => month_end(i16::try_from(year).ok()?, month).map(When::Once),
        Due::Quarter { year, quarter } => {
            quarter_end(i16::try_from(year).ok()?, quarter).map(When::Once)
        }
        Due::Year(year) => year_end(i16::try_from(year).ok()?).map(When::Once),
        Due::Half { year, half } => (1..=2)
            .contains(&half)
            .then(|| month_end(i16::try_from(year).ok()?, half * 6))
            .flatten()
            .map(When::Once),
        // Several days a year are not one day to compare with another's.
        Due::Yearly {
            month,
            day,
            ref also,
            ..
        } if also.is_empty() => match day {
            Some(day) => yearly_on(LEAP, month, day).map(|d| When::Yearly(named(d))),
            None => month_end(LEAP, month).map(When::Yearly),
        },
        Due::Yearly { .. }
        | Due::Phase(_)
        | Due::EveryMonths { .. }
        | Due::FromYear(_)
        | Due::Ongoing => None,
    }
}

fn later(ours: When, theirs: When) -> bool {
    match (ours, theirs) {
        (When::Once(a), When::Once(b)) | (When::Yearly(a), When::Yearly(b)) => a > b,
        // A one-off against a yearly duty, or the reverse, is not the same obligation.
        _ => false,
    }
}

fn same_obligation(ours: &Task, theirs: &Task, upper_id: &str) -> bool {
    let carried = ours
        .carries_out
        .iter()
        .any(|r| r.plan == upper_id && r.item == theirs.id);
    let same_function =
        ours.function.is_some_and(|f| f != Function::Other) && ours.function == theirs.function;
    carried || same_function
}

fn show(when: When) -> Message {
    match when {
        When::Once(date) => Message::verbatim(date.0.strftime("%d/%m/%Y").to_string()),
        When::Yearly(date) => {
            msg!(
                "compare.deadlines.every-year",
                day = date.0.strftime("%d/%m").to_string()
            )
        }
    }
}

pub(super) fn compare(local: &Plan, source: &SourceFile, upper: &Plan) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (li, ours) in local.tasks.iter().enumerate() {
        let Some(our_when) = ours.deadline.as_ref().and_then(when) else {
            continue;
        };
        let stricter = upper
            .tasks
            .iter()
            .filter(|theirs| same_obligation(ours, theirs, &upper.document.id))
            .filter_map(|theirs| Some((theirs, theirs.deadline.as_ref().and_then(when)?)))
            .find(|(_, their_when)| later(our_when, *their_when));
        let Some((theirs, their_when)) = stricter else {
            continue;
        };
        let (ours_due, theirs_due) = (show(our_when), show(their_when));
        let upper_id = &upper.document.id;
        let finding = Finding::at(
            Rule::DeadlineConflict,
            source,
            &FieldPath::root().key("tasks").index(li).key("deadline"),
            Anchor::Value,
            msg!(
                "compare.deadlines.later",
                task = &ours.id,
                ours_due = &ours_due,
                upper = upper_id,
                duty = &theirs.id,
                theirs_due = &theirs_due
            ),
        )
        .about(&local.document.id, ours.id.clone())
        .figures(Some(theirs_due), Some(ours_due))
        .rests_on(upper_id, &theirs.id, theirs.verification)
        .hint(msg!("compare.deadlines.later-hint"));
        findings.push(finding);
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    fn yearly(month: i8, day: i8) -> When {
        When::Yearly(CivilDate::new(LEAP, month, day).unwrap())
    }

    #[test]
    fn later_compares_like_with_like() {
        let d = |y, m, d| When::Once(CivilDate::new(y, m, d).unwrap());
        assert!(later(d(2020, 10, 1), d(2020, 9, 30)));
        assert!(!later(d(2020, 9, 30), d(2020, 9, 30)));
        assert!(later(yearly(12, 20), yearly(12, 15)));
        assert!(!later(yearly(12, 1), yearly(12, 15)));
        assert!(!later(d(2020, 12, 31), yearly(12, 15)));
    }

    #[test]
    fn before_a_day_is_a_day_earlier_than_by_it() {
        let read = |wording: &str| {
            when(&Deadline {
                wording: wording.into(),
                due: None,
            })
            .unwrap()
        };
        let before = read("trước 15/01/2020");
        let by = read("chậm nhất ngày 15/01/2020");
        assert_eq!(before, When::Once(CivilDate::new(2020, 1, 14).unwrap()));
        assert!(later(by, before));
        assert!(!later(before, by));
        assert_eq!(read("trước ngày 01 tháng 03 hằng năm"), yearly(2, 29));
        assert_eq!(
            show(read("trước ngày 20 tháng 12 hằng năm")).english(),
            "19/12 every year"
        );
    }
}
