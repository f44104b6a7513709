//! When a deadline falls due. Vietnamese plans name periods ("Quý III năm
//! 2020", "hằng năm", "định kỳ 6 tháng") more often than days, so every
//! period is turned into one due date by a convention
//! ([`super::conventions`]).
//!
//! This file places a one-off deadline (a date, month, quarter, half-year,
//! year or phase) and holds the calendar arithmetic the rest of xhht shares;
//! [`super::recurring`] places the occurrences of a recurring one.

use crate::date::CivilDate;
use crate::i18n::Message;
use crate::model::{Due, Plan};
use crate::msg;

use super::conventions::names_a_day;
use super::recurring;

/// One time an obligation falls due, with the key a status file uses for
/// it: "2021" (a year), "2021-H1", "2021-Q3", "2021-06", or for a one-off
/// date "2020-01-15".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    pub key: String,
    pub due: CivilDate,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Timing {
    Once(Occurrence),
    /// The occurrences inside the plan's window, earliest first.
    Recurring(Vec<Occurrence>),
    /// "từ năm 2013" (since 2013), "thường xuyên" (no year).
    Ongoing {
        since: Option<u16>,
    },
}

/// When `due` falls due for `plan`; `as_of` ends the window of an
/// open-ended plan's recurring obligations. `before`: the wording says
/// "trước" a day, so each day `due` names falls due the day before
/// ([`super::Convention::Before`]); the keys stay those of the days named.
/// An error says why the normal form names no date (a month 13, an unknown
/// phase, a year past 9999).
pub fn timing(due: &Due, before: bool, plan: &Plan, as_of: CivilDate) -> Result<Timing, Message> {
    let shift = |date: CivilDate| {
        if before && names_a_day(due) {
            day_before(date)
        } else {
            date
        }
    };
    match *due {
        Due::Date(date) => Ok(Timing::Once(Occurrence {
            key: date.to_string(),
            due: shift(date),
        })),
        Due::Month { year, month } => once(
            format!("{year:04}-{month:02}"),
            civil_year(year).and_then(|y| month_end(y, month)),
            msg!("schedule.timing.not-a-month", month, year),
        ),
        Due::Quarter { year, quarter } => once(
            format!("{year:04}-Q{quarter}"),
            civil_year(year).and_then(|y| quarter_end(y, quarter)),
            msg!("schedule.timing.not-a-quarter", quarter, year),
        ),
        Due::Year(year) => once(
            format!("{year:04}"),
            civil_year(year).and_then(year_end),
            msg!("schedule.timing.not-a-year", year),
        ),
        Due::Phase(ref id) => phase_end(plan, id),
        Due::Half { year, half } => once(
            format!("{year:04}-H{half}"),
            civil_year(year)
                .filter(|_| (1..=2).contains(&half))
                .and_then(|y| month_end(y, half * 6)),
            msg!("schedule.timing.not-a-half", half, year),
        ),
        Due::Yearly { from, .. } => {
            recurring::yearly(due, from, plan, as_of, &shift).map(Timing::Recurring)
        }
        Due::EveryMonths { months, from } => {
            recurring::every(months, from, plan, as_of).map(Timing::Recurring)
        }
        Due::FromYear(since) => Ok(Timing::Ongoing { since: Some(since) }),
        Due::Ongoing => Ok(Timing::Ongoing { since: None }),
    }
}

/// A one-off occurrence under `key`, or `unschedulable` when its period
/// names no date.
fn once(key: String, due: Option<CivilDate>, unschedulable: Message) -> Result<Timing, Message> {
    due.map(|due| Timing::Once(Occurrence { key, due }))
        .ok_or(unschedulable)
}

/// A phase falls due at the end of its last year.
fn phase_end(plan: &Plan, id: &str) -> Result<Timing, Message> {
    let phase = plan
        .document
        .phases
        .iter()
        .find(|p| p.id == id)
        .ok_or_else(|| msg!("schedule.timing.no-phase", id))?;
    once(
        format!("{:04}", phase.end),
        civil_year(phase.end).and_then(year_end),
        msg!("schedule.timing.phase-undatable", id, end = phase.end),
    )
}

fn civil_year(year: u16) -> Option<i16> {
    i16::try_from(year).ok()
}

pub fn year_end(year: i16) -> Option<CivilDate> {
    CivilDate::new(year, 12, 31)
}

pub fn month_end(year: i16, month: u8) -> Option<CivilDate> {
    let first = jiff::civil::Date::new(year, i8::try_from(month).ok()?, 1).ok()?;
    Some(CivilDate(first.last_of_month()))
}

pub fn quarter_end(year: i16, quarter: u8) -> Option<CivilDate> {
    (1..=4)
        .contains(&quarter)
        .then(|| month_end(year, quarter * 3))?
}

/// `day`/`month` of `year`, with 29/02 falling back to 28/02 in common years
/// ([`super::Convention::LeapDay`]).
pub fn yearly_on(year: i16, month: u8, day: u8) -> Option<CivilDate> {
    let (m, d) = (i8::try_from(month).ok()?, i8::try_from(day).ok()?);
    CivilDate::new(year, m, d).or_else(|| {
        (month == 2 && day == 29)
            .then(|| CivilDate::new(year, 2, 28))
            .flatten()
    })
}

/// The day before `date`, where a deadline "trước" it falls due
/// ([`super::Convention::Before`]).
pub fn day_before(date: CivilDate) -> CivilDate {
    // Only the first day jiff can represent has none; no plan reaches it.
    date.0.yesterday().map_or(date, CivilDate)
}

/// Whole days from `due` to `as_of`: positive when `as_of` is later.
pub fn days_after(due: CivilDate, as_of: CivilDate) -> i64 {
    // Any two civil dates are at most ~7.3 million days apart, which a Span holds.
    let span = due
        .0
        .until(as_of.0)
        .expect("two civil dates are always a representable number of days apart");
    i64::from(span.get_days())
}

/// `date` plus `days`, or the last representable date when that runs past it.
pub fn add_days(date: CivilDate, days: u32) -> CivilDate {
    jiff::Span::new()
        .try_days(i64::from(days))
        .ok()
        .and_then(|span| date.0.checked_add(span).ok())
        .map_or(CivilDate(jiff::civil::Date::MAX), CivilDate)
}

/// What the tests of the schedule's placement share: a bare plan.
#[cfg(test)]
pub(super) mod fixtures {
    use crate::date::CivilDate;
    use crate::model::{Document, DocumentKind, Level, Period, Plan};

    pub(crate) fn plan(start: u16, end: Option<u16>, issued: Option<CivilDate>) -> Plan {
        Plan {
            document: Document {
                id: "p".into(),
                title: "P".into(),
                kind: DocumentKind::Plan,
                issuer: "UBND".into(),
                level: Level::Province,
                jurisdiction: "tỉnh X".into(),
                province: None,
                number: None,
                lead: None,
                date: issued,
                approved_by: None,
                period: Period { start, end },
                milestones: Vec::new(),
                phases: Vec::new(),
                sources: Vec::new(),
                restatements: Vec::new(),
                note: None,
            },
            links: crate::model::Links::default(),
            citations: Vec::new(),
            agencies: Vec::new(),
            targets: Vec::new(),
            tasks: Vec::new(),
            not_applicable: Vec::new(),
            progress: None,
        }
    }

    pub(crate) fn d(y: i16, m: i8, day: i8) -> CivilDate {
        CivilDate::new(y, m, day).unwrap()
    }
}

#[cfg(test)]
mod tests {
    use super::fixtures::{d, plan};
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn quarter_ends() {
        assert_eq!(quarter_end(2020, 1), Some(d(2020, 3, 31)));
        assert_eq!(quarter_end(2020, 2), Some(d(2020, 6, 30)));
        assert_eq!(quarter_end(2020, 3), Some(d(2020, 9, 30)));
        assert_eq!(quarter_end(2020, 4), Some(d(2020, 12, 31)));
        assert_eq!(quarter_end(2020, 0), None);
        assert_eq!(quarter_end(2020, 5), None);
    }

    #[test]
    fn leap_day_clamps_back_to_28_february() {
        assert_eq!(yearly_on(2024, 2, 29), Some(d(2024, 2, 29)));
        assert_eq!(yearly_on(2023, 2, 29), Some(d(2023, 2, 28)));
        assert_eq!(yearly_on(2100, 2, 29), Some(d(2100, 2, 28)));
        assert_eq!(yearly_on(2000, 2, 29), Some(d(2000, 2, 29)));
        assert_eq!(yearly_on(2023, 2, 30), None);
    }

    #[test]
    fn before_a_day_falls_due_the_day_before_under_the_named_key() {
        let p = plan(2023, Some(2024), None);
        let as_of = d(2030, 1, 1);
        let date = Due::Date(d(2024, 1, 1));
        assert_eq!(
            timing(&date, true, &p, as_of),
            Ok(Timing::Once(Occurrence {
                key: "2024-01-01".into(),
                due: d(2023, 12, 31),
            }))
        );
        assert!(matches!(
            timing(&Due::Year(2024), true, &p, as_of),
            Ok(Timing::Once(Occurrence { due, .. })) if due == d(2024, 12, 31)
        ));
    }

    #[test]
    fn halves_and_no_date_at_all() {
        let p = plan(2023, Some(2024), None);
        let as_of = d(2030, 1, 1);
        let half = Due::Half {
            year: 2026,
            half: 2,
        };
        assert_eq!(
            timing(&half, false, &p, as_of),
            Ok(Timing::Once(Occurrence {
                key: "2026-H2".into(),
                due: d(2026, 12, 31)
            }))
        );
        let third = Due::Half {
            year: 2026,
            half: 3,
        };
        let why = timing(&third, false, &p, as_of).unwrap_err();
        assert!(why.english().contains("half 3"), "{why:?}");
        assert_eq!(
            timing(&Due::Ongoing, false, &p, as_of),
            Ok(Timing::Ongoing { since: None })
        );
    }

    #[test]
    fn unschedulable_forms_say_why() {
        let p = plan(2020, Some(2020), None);
        let as_of = d(2020, 1, 1);
        let why = |due: &Due| timing(due, false, &p, as_of).unwrap_err().english();
        let month13 = Due::Month {
            year: 2020,
            month: 13,
        };
        assert!(why(&month13).contains("month 13"));
        assert!(why(&Due::Phase("pilot".into())).contains("no phase"));
        let five = Due::EveryMonths {
            months: 5,
            from: None,
        };
        assert!(why(&five).contains("every 5 months"));
        assert!(timing(&Due::Year(40000), false, &p, as_of).is_err());
    }

    #[test]
    fn days_and_windows() {
        assert_eq!(days_after(d(2020, 6, 30), d(2020, 7, 1)), 1);
        assert_eq!(days_after(d(2022, 12, 20), d(2022, 11, 22)), -28);
        assert_eq!(add_days(d(2022, 11, 22), 30), d(2022, 12, 22));
        assert_eq!(
            add_days(d(9999, 12, 1), u32::MAX),
            CivilDate(jiff::civil::Date::MAX)
        );
    }

    proptest! {
        #[test]
        fn a_quarter_ends_on_the_last_day_of_its_last_month(year in 1i16..=9999, quarter in 1u8..=4) {
            let end = quarter_end(year, quarter).unwrap();
            prop_assert_eq!(end.0.month(), i8::try_from(quarter * 3).unwrap());
            prop_assert_eq!(end.0.day(), end.0.days_in_month());
            let next = end.0.tomorrow();
            if let Ok(next) = next {
                prop_assert_eq!(next.day(), 1);
                prop_assert_eq!(next.month(), i8::try_from((quarter * 3) % 12 + 1).unwrap());
            }
        }

        #[test]
        fn yearly_29_february_falls_in_february_every_year(year in 1i16..=9999) {
            let due = yearly_on(year, 2, 29).unwrap();
            prop_assert_eq!(due.0.month(), 2);
            prop_assert_eq!(due.0.day(), if due.0.in_leap_year() { 29 } else { 28 });
        }
    }
}
