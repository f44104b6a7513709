//! The occurrences of a recurring deadline: days of each year ("trước ngày
//! 20 tháng 12 hằng năm", "tháng 10 hằng năm") and cycles of months
//! ("định kỳ 6 tháng"), each placed in every year of the plan's window.
//! Apart from [`super::dates`] because the window, not the date arithmetic,
//! is what decides how many occurrences a plan owes.

use crate::date::CivilDate;
use crate::i18n::Message;
use crate::model::{Due, Period, Plan};
use crate::msg;

use super::dates::{Occurrence, month_end, yearly_on};

/// The occurrences of a `Due::Yearly` (`due`), starting no earlier than
/// `from`; `shift` moves a named day to when it falls due ("trước" it: the
/// day before). Fails on a day no year has.
pub(super) fn yearly(
    due: &Due,
    from: Option<u16>,
    plan: &Plan,
    as_of: CivilDate,
    shift: &impl Fn(CivilDate) -> CivilDate,
) -> Result<Vec<Occurrence>, Message> {
    let days = due.days_of_year();
    for d in &days {
        let exists = match d.day {
            Some(day) => yearly_on(2024, d.month, day).is_some(),
            None => (1..=12).contains(&d.month),
        };
        if !exists {
            let (day, month) = (d.day.unwrap_or(0), d.month);
            return Err(msg!("schedule.words.not-a-day", day, month));
        }
    }
    // One day a year keeps the year as its key, as status files have it.
    let keyed_by_year = days.len() == 1;
    Ok(window(plan, from, as_of, |year| {
        let mut occurrences: Vec<Occurrence> = days
            .iter()
            .filter_map(|d| {
                let (due, key) = match d.day {
                    Some(day) => (
                        shift(yearly_on(year, d.month, day)?),
                        format!("{year:04}-{:02}-{day:02}", d.month),
                    ),
                    None => (
                        month_end(year, d.month)?,
                        format!("{year:04}-{:02}", d.month),
                    ),
                };
                let key = if keyed_by_year {
                    format!("{year:04}")
                } else {
                    key
                };
                Some(Occurrence { key, due })
            })
            .collect();
        occurrences.sort_by_key(|o| o.due);
        occurrences
    }))
}

/// The occurrences of a cycle of `months` (1, 3, 6 or 12: calendar months,
/// quarters, half-years or years), starting no earlier than `from`.
pub(super) fn every(
    months: u8,
    from: Option<u16>,
    plan: &Plan,
    as_of: CivilDate,
) -> Result<Vec<Occurrence>, Message> {
    if !matches!(months, 1 | 3 | 6 | 12) {
        return Err(msg!("schedule.timing.unsupported-cycle", months));
    }
    Ok(window(plan, from, as_of, |year| {
        cycle_in_year(year, months)
    }))
}

/// Occurrences from the later of `from`, the plan's issue date and the start
/// of its period, through the end of its period (an open-ended plan: the end
/// of the year after the as-of year). Never outside the years a period may
/// span ([`Period::EARLIEST`] to [`Period::LATEST`]): a period past them is
/// an error of its own (XH020), and walking `{start: 1, end: 9999}` month
/// by month would take minutes.
fn window(
    plan: &Plan,
    from: Option<u16>,
    as_of: CivilDate,
    in_year: impl Fn(i16) -> Vec<Occurrence>,
) -> Vec<Occurrence> {
    let period = plan.document.period;
    let first = i32::from(period.start.max(from.unwrap_or(0)).max(Period::EARLIEST));
    // An open-ended plan runs through the year after the as-of date, so a
    // due-soon window across New Year sees January's occurrences.
    let last = period
        .end
        .map_or(i32::from(as_of.year()) + 1, i32::from)
        .min(i32::from(Period::LATEST));
    let issued = plan.document.date;
    (first..=last)
        .filter_map(|year| i16::try_from(year).ok())
        .flat_map(in_year)
        .filter(|o| issued.is_none_or(|issued| issued <= o.due))
        .collect()
}

fn cycle_in_year(year: i16, months: u8) -> Vec<Occurrence> {
    let ends = (1..=12u8).filter(|m| m % months == 0);
    ends.filter_map(|m| {
        let due = month_end(year, m)?;
        let n = m / months;
        let key = match months {
            1 => format!("{year:04}-{m:02}"),
            3 => format!("{year:04}-Q{n}"),
            6 => format!("{year:04}-H{n}"),
            _ => format!("{year:04}"),
        };
        Some(Occurrence { key, due })
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::super::dates::fixtures::{d, plan};
    use super::super::dates::{Timing, add_days, timing};
    use super::*;
    use crate::model::DayOfYear;
    use proptest::prelude::*;

    fn recurring_of(due: &Due, plan: &Plan, as_of: CivilDate) -> Vec<Occurrence> {
        recurring_before(due, false, plan, as_of)
    }

    fn recurring_before(due: &Due, before: bool, plan: &Plan, as_of: CivilDate) -> Vec<Occurrence> {
        match timing(due, before, plan, as_of).unwrap() {
            Timing::Recurring(occurrences) => occurrences,
            other => panic!("not recurring: {other:?}"),
        }
    }

    #[test]
    fn leap_day_each_year_clamps_back_to_28_february() {
        let due = Due::Yearly {
            month: 2,
            day: Some(29),
            also: Vec::new(),
            from: None,
        };
        let got = recurring_of(&due, &plan(2023, Some(2025), None), d(2030, 1, 1));
        let dues: Vec<_> = got.iter().map(|o| o.due).collect();
        assert_eq!(dues, [d(2023, 2, 28), d(2024, 2, 29), d(2025, 2, 28)]);
    }

    #[test]
    fn before_a_day_each_year_falls_due_the_day_before_under_the_year() {
        let first_of_march = Due::Yearly {
            month: 3,
            day: Some(1),
            also: Vec::new(),
            from: None,
        };
        let p = plan(2023, Some(2024), None);
        assert_eq!(
            recurring_before(&first_of_march, true, &p, d(2030, 1, 1)),
            [
                Occurrence {
                    key: "2023".into(),
                    due: d(2023, 2, 28)
                },
                Occurrence {
                    key: "2024".into(),
                    due: d(2024, 2, 29)
                },
            ]
        );
    }

    #[test]
    fn months_and_several_days_each_year() {
        let as_of = d(2030, 1, 1);
        let october = Due::Yearly {
            month: 10,
            day: None,
            also: Vec::new(),
            from: None,
        };
        let got = recurring_of(&october, &plan(2023, Some(2024), None), as_of);
        assert_eq!(
            got.iter()
                .map(|o| (o.key.as_str(), o.due))
                .collect::<Vec<_>>(),
            [("2023", d(2023, 10, 31)), ("2024", d(2024, 10, 31))]
        );
        // Listed out of order, due in date order, each under its own key.
        let twice = Due::Yearly {
            month: 12,
            day: Some(31),
            also: vec![DayOfYear {
                month: 6,
                day: Some(30),
            }],
            from: None,
        };
        let got = recurring_of(&twice, &plan(2024, Some(2024), None), as_of);
        assert_eq!(
            got.iter()
                .map(|o| (o.key.as_str(), o.due))
                .collect::<Vec<_>>(),
            [
                ("2024-06-30", d(2024, 6, 30)),
                ("2024-12-31", d(2024, 12, 31))
            ]
        );
    }

    #[test]
    fn half_years_and_keys() {
        let due = Due::EveryMonths {
            months: 6,
            from: None,
        };
        let got = recurring_of(&due, &plan(2013, Some(2014), None), d(2030, 1, 1));
        let keys: Vec<_> = got.iter().map(|o| (o.key.as_str(), o.due)).collect();
        assert_eq!(
            keys,
            [
                ("2013-H1", d(2013, 6, 30)),
                ("2013-H2", d(2013, 12, 31)),
                ("2014-H1", d(2014, 6, 30)),
                ("2014-H2", d(2014, 12, 31)),
            ]
        );
        let monthly = Due::EveryMonths {
            months: 1,
            from: None,
        };
        let got = recurring_of(&monthly, &plan(2020, Some(2020), None), d(2030, 1, 1));
        assert_eq!(got.len(), 12);
        assert_eq!(got[1].key, "2020-02");
        assert_eq!(got[1].due, d(2020, 2, 29));
        let quarterly = Due::EveryMonths {
            months: 3,
            from: None,
        };
        let got = recurring_of(&quarterly, &plan(2020, Some(2020), None), d(2030, 1, 1));
        assert_eq!(got[2].key, "2020-Q3");
    }

    #[test]
    fn issue_date_and_from_cut_the_window() {
        let due = Due::Yearly {
            month: 12,
            day: Some(20),
            also: Vec::new(),
            from: None,
        };
        let issued_late = plan(2021, Some(2023), Some(d(2021, 12, 21)));
        let keys: Vec<_> = recurring_of(&due, &issued_late, d(2030, 1, 1))
            .into_iter()
            .map(|o| o.key)
            .collect();
        assert_eq!(keys, ["2022", "2023"]);
        let from = Due::Yearly {
            month: 12,
            day: Some(20),
            also: Vec::new(),
            from: Some(2023),
        };
        assert_eq!(
            recurring_of(&from, &plan(2021, Some(2030), None), d(2024, 1, 1)).len(),
            8
        );
    }

    #[test]
    fn open_ended_plans_run_to_the_year_after_the_as_of_date() {
        let due = Due::EveryMonths {
            months: 12,
            from: None,
        };
        let got = recurring_of(&due, &plan(2020, None, None), d(2022, 3, 1));
        let keys: Vec<_> = got.iter().map(|o| o.key.as_str()).collect();
        assert_eq!(keys, ["2020", "2021", "2022", "2023"]);
    }

    /// A period of `{start: 1, end: 9999}` (an error, XH020) once gave a
    /// monthly task 119,988 occurrences to build and judge; the schedule
    /// walks no year outside the bounds a period may have.
    #[test]
    fn an_absurd_period_is_walked_only_within_the_years_a_period_may_span() {
        let monthly = Due::EveryMonths {
            months: 1,
            from: None,
        };
        let as_of = d(2026, 1, 1);
        for p in [plan(1, Some(9999), None), plan(1, None, None)] {
            let got = recurring_of(&monthly, &p, as_of);
            assert_eq!(got.first().map(|o| o.key.as_str()), Some("1945-01"));
        }
        let got = recurring_of(&monthly, &plan(1, Some(9999), None), as_of);
        assert_eq!(got.len(), (2100 - 1945 + 1) * 12);
        assert_eq!(got.last().map(|o| o.key.as_str()), Some("2100-12"));
        // Nor past it for an open-ended plan checked as of a far-off date.
        let got = recurring_of(&monthly, &plan(2020, None, None), d(9000, 1, 1));
        assert_eq!(got.last().map(|o| o.key.as_str()), Some("2100-12"));
    }

    proptest! {
        #[test]
        fn recurring_occurrences_stay_inside_the_period(
            start in 1990u16..2040,
            length in 0u16..12,
            months in prop_oneof![Just(1u8), Just(3), Just(6), Just(12)],
            issued_day in 0i64..800,
            yearly_day in 1u8..=28,
            yearly_month in 1u8..=12,
        ) {
            let end = start + length;
            let issued = add_days(d(i16::try_from(start).unwrap(), 1, 1), u32::try_from(issued_day).unwrap());
            let p = plan(start, Some(end), Some(issued));
            let as_of = d(2000, 1, 1);
            let cycle = Due::EveryMonths { months, from: None };
            let yearly = Due::Yearly { month: yearly_month, day: Some(yearly_day),
            also: Vec::new(), from: None };
            for due in [cycle, yearly] {
                let got = recurring_of(&due, &p, as_of);
                for o in &got {
                    prop_assert!(o.due >= issued);
                    prop_assert!(o.due.year() <= i16::try_from(end).unwrap());
                }
                // The last occurrence is the last one of the period's final year.
                let last_of_period = match due {
                    Due::EveryMonths { .. } => d(i16::try_from(end).unwrap(), 12, 31),
                    _ => yearly_on(i16::try_from(end).unwrap(), yearly_month, yearly_day).unwrap(),
                };
                if last_of_period >= issued {
                    prop_assert_eq!(got.last().map(|o| o.due), Some(last_of_period));
                } else {
                    prop_assert!(got.is_empty());
                }
                // The first one is the first due on or after the issue date.
                if let Some(first) = got.first() {
                    let all = recurring_of(&due, &plan(start, Some(end), None), as_of);
                    let expected = all.iter().find(|o| o.due >= issued).map(|o| o.due);
                    prop_assert_eq!(Some(first.due), expected);
                    prop_assert_eq!(all.first().map(|o| o.due.year()), i16::try_from(start).ok());
                }
            }
        }
    }
}
