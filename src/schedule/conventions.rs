//! The conventions that turn a period into one due date ("a quarter is due on
//! its last day"), and which of them a normal form is scheduled by. Kept
//! apart from the date arithmetic of [`super::dates`] because they are what
//! a report states, in words, beside its rows; their texts are the
//! catalogue's `[convention]` table.

use serde::Serialize;

use crate::i18n::Message;
use crate::model::Due;

/// A convention that turns a period into a due date, stated wherever a
/// report lists the ones it relied on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Convention {
    /// The obligation is met when done on or before its due date; a day later it is late.
    Date,
    /// "trước" is exclusive, as in the civil service: a report "trước 15/01"
    /// must be in by 14/01.
    Before,
    Month,
    Quarter,
    Half,
    Year,
    Phase,
    Yearly,
    /// Clamping back, not forward to 01/03, keeps the deadline inside the month the text names.
    LeapDay,
    Monthly,
    Quarterly,
    HalfYearly,
    YearlyNoDay,
    Ongoing,
    RecurringWindow,
    /// Read only where the plan leaves no doubt: a period of a single year.
    YearOfPeriod,
}

impl Convention {
    pub const ALL: &[Convention] = &[
        Self::Date,
        Self::Before,
        Self::Month,
        Self::Quarter,
        Self::Half,
        Self::Year,
        Self::Phase,
        Self::Yearly,
        Self::LeapDay,
        Self::Monthly,
        Self::Quarterly,
        Self::HalfYearly,
        Self::YearlyNoDay,
        Self::Ongoing,
        Self::RecurringWindow,
        Self::YearOfPeriod,
    ];

    /// The convention in words.
    pub fn message(self) -> Message {
        match self {
            Self::Date => crate::msg!("convention.date"),
            Self::Before => crate::msg!("convention.before"),
            Self::Month => crate::msg!("convention.month"),
            Self::Quarter => crate::msg!("convention.quarter"),
            Self::Half => crate::msg!("convention.half"),
            Self::Year => crate::msg!("convention.year"),
            Self::Phase => crate::msg!("convention.phase"),
            Self::Yearly => crate::msg!("convention.yearly"),
            Self::LeapDay => crate::msg!("convention.leap-day"),
            Self::Monthly => crate::msg!("convention.monthly"),
            Self::Quarterly => crate::msg!("convention.quarterly"),
            Self::HalfYearly => crate::msg!("convention.half-yearly"),
            Self::YearlyNoDay => crate::msg!("convention.yearly-no-day"),
            Self::Ongoing => crate::msg!("convention.ongoing"),
            Self::YearOfPeriod => crate::msg!("convention.year-of-period"),
            Self::RecurringWindow => crate::msg!("convention.recurring-window"),
        }
    }
}

/// Written as its message, which the JSON renderer puts in the run's language.
impl Serialize for Convention {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.message().serialize(serializer)
    }
}

/// The conventions `due` is scheduled by, the main one first (for a cycle
/// [`super::dates::timing`] accepts: 1, 3, 6 or 12 months). `before`: the
/// wording says "trước" a day ([`super::wording::before_day`]).
pub fn conventions(due: &Due, before: bool) -> Vec<Convention> {
    use Convention::{Before, Date};
    let mut conventions = main_conventions(due);
    if before && names_a_day(due) {
        // "Due on that day" is what "trước" overrides, so it is not stated too.
        conventions.retain(|c| *c != Date);
        conventions.insert(0, Before);
    }
    conventions
}

/// Whether `due` names a day, the only thing "trước" can put a deadline before.
pub(super) fn names_a_day(due: &Due) -> bool {
    matches!(due, Due::Date(_)) || due.days_of_year().iter().any(|d| d.day.is_some())
}

fn main_conventions(due: &Due) -> Vec<Convention> {
    use Convention::{
        Date, Half, HalfYearly, LeapDay, Month, Monthly, Ongoing, Phase, Quarter, Quarterly,
        RecurringWindow, Year, Yearly, YearlyNoDay,
    };
    match *due {
        Due::Date(_) => vec![Date],
        Due::Month { .. } => vec![Month],
        Due::Quarter { .. } => vec![Quarter],
        Due::Year(_) => vec![Year],
        Due::Phase(_) => vec![Phase],
        Due::Half { .. } => vec![Half],
        Due::Yearly { .. } => {
            let days = due.days_of_year();
            let mut conventions = Vec::new();
            if days.iter().any(|d| d.day.is_some()) {
                conventions.push(Yearly);
            }
            if days.iter().any(|d| d.day.is_none()) {
                conventions.push(Month);
            }
            if days.iter().any(|d| (d.month, d.day) == (2, Some(29))) {
                conventions.push(LeapDay);
            }
            conventions.push(RecurringWindow);
            conventions
        }
        Due::EveryMonths { months, .. } => vec![
            match months {
                1 => Monthly,
                3 => Quarterly,
                6 => HalfYearly,
                _ => YearlyNoDay,
            },
            RecurringWindow,
        ],
        Due::FromYear(_) | Due::Ongoing => vec![Ongoing],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::model::DayOfYear;

    #[test]
    fn every_convention_is_said_in_both_languages() {
        for c in Convention::ALL {
            let (en, vi) = (c.message().render(Lang::En), c.message().render(Lang::Vi));
            assert!(!en.is_empty() && !vi.is_empty() && en != vi, "{c:?}");
        }
    }

    #[test]
    fn before_a_day_replaces_due_on_that_day() {
        let first_of_march = Due::Yearly {
            month: 3,
            day: Some(1),
            also: Vec::new(),
            from: None,
        };
        assert_eq!(
            conventions(&first_of_march, true),
            [
                Convention::Before,
                Convention::Yearly,
                Convention::RecurringWindow
            ]
        );
        let date = Due::Date(crate::date::CivilDate::new(2024, 1, 1).unwrap());
        assert_eq!(conventions(&date, true), [Convention::Before]);
        // "trước" a year is refused by the parser; a `due` year stays its 31/12.
        assert_eq!(conventions(&Due::Year(2024), true), [Convention::Year]);
    }

    #[test]
    fn a_month_each_year_and_a_leap_day_say_so() {
        let october = Due::Yearly {
            month: 10,
            day: None,
            also: Vec::new(),
            from: None,
        };
        assert_eq!(
            conventions(&october, true),
            [Convention::Month, Convention::RecurringWindow]
        );
        let leap = Due::Yearly {
            month: 2,
            day: Some(29),
            also: vec![DayOfYear {
                month: 8,
                day: None,
            }],
            from: None,
        };
        assert_eq!(
            conventions(&leap, false),
            [
                Convention::Yearly,
                Convention::Month,
                Convention::LeapDay,
                Convention::RecurringWindow
            ]
        );
        assert_eq!(conventions(&Due::Ongoing, false), [Convention::Ongoing]);
        let half_yearly = Due::EveryMonths {
            months: 6,
            from: None,
        };
        assert_eq!(conventions(&half_yearly, false)[0], Convention::HalfYearly);
        assert!(
            Convention::HalfYearly
                .message()
                .english()
                .contains("calendar half-years assumed")
        );
    }
}
