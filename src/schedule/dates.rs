//! When a deadline falls due. Vietnamese plans name periods ("Quý III năm
//! 2020", "hằng năm", "định kỳ 6 tháng") more often than days, so every
//! period is turned into one due date by a convention, and each convention
//! is spelled out so a report can say which ones it relied on.

use serde::Serialize;

use crate::date::CivilDate;
use crate::i18n::Lang;
use crate::model::{Due, Plan};
use crate::tr;

/// A convention that turns a period into a due date, spelled out in the
/// run's language wherever a report lists it.
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

    /// The convention in the run's language.
    pub fn text(self) -> &'static str {
        self.text_in(crate::i18n::lang())
    }

    pub fn text_in(self, lang: Lang) -> &'static str {
        match self {
            Self::Date => lang.pick(
                "a date by itself or after \"đến ngày\" or \"chậm nhất ngày\" (\"chậm nhất ngày 15/01/2020\") is due on that day: done on it is on time, done after it is late",
                "thời hạn là một ngày, ghi riêng hoặc sau \"đến ngày\", \"chậm nhất ngày\" (\"chậm nhất ngày 15/01/2020\"), thì đến hạn vào chính ngày đó: hoàn thành trong ngày đó là đúng hạn, sau ngày đó là chậm",
            ),
            Self::Before => lang.pick(
                "\"trước\" a day (\"trước 15/01/2020\", \"trước ngày 20 tháng 12\") is due the day before it: done on the day named is late",
                "\"trước\" một ngày (\"trước 15/01/2020\", \"trước ngày 20 tháng 12\") thì hạn là ngày liền trước ngày đó: hoàn thành vào đúng ngày được nêu là chậm",
            ),
            Self::Month => lang.pick(
                "a month is due on its last day",
                "thời hạn là một tháng thì đến hạn vào ngày cuối tháng",
            ),
            Self::Quarter => lang.pick(
                "a quarter (Quý I-IV) is due on its last day: 31/03, 30/06, 30/09 or 31/12",
                "thời hạn là một quý (Quý I-IV) thì đến hạn vào ngày cuối quý: 31/03, 30/06, 30/09 hoặc 31/12",
            ),
            Self::Half => lang.pick(
                "a half-year (\"6 tháng đầu năm\", \"6 tháng cuối năm\") is due on its last day: 30/06 or 31/12",
                "thời hạn là nửa năm (\"6 tháng đầu năm\", \"6 tháng cuối năm\") thì đến hạn vào ngày cuối của nửa năm đó: 30/06 hoặc 31/12",
            ),
            Self::Year => lang.pick(
                "a year (\"trong năm 2022\", \"đến hết năm 2020\") is due on 31/12",
                "thời hạn là một năm (\"trong năm 2022\", \"đến hết năm 2020\") thì đến hạn vào ngày 31/12",
            ),
            Self::Phase => lang.pick(
                "a phase is due on 31/12 of its last year",
                "thời hạn là một giai đoạn thì đến hạn vào ngày 31/12 của năm cuối giai đoạn",
            ),
            Self::Yearly => lang.pick(
                "a day each year (\"ngày D tháng M hằng năm\") is due on D/M each year, or the day before with \"trước\"",
                "một ngày trong năm (\"ngày D tháng M hằng năm\") thì đến hạn vào ngày D/M mỗi năm, hoặc ngày liền trước nếu ghi \"trước\"",
            ),
            Self::LeapDay => lang.pick(
                "29/02 each year is due on 28/02 in years without a 29 February",
                "hạn 29/02 hằng năm được tính là ngày 28/02 trong những năm không có ngày 29 tháng 2",
            ),
            Self::Monthly => lang.pick(
                "every month: due on the last day of each calendar month",
                "hằng tháng: đến hạn vào ngày cuối của mỗi tháng",
            ),
            Self::Quarterly => lang.pick(
                "every 3 months: calendar quarters assumed, due 31/03, 30/06, 30/09 and 31/12",
                "3 tháng một lần: tính theo quý trong năm, đến hạn vào các ngày 31/03, 30/06, 30/09 và 31/12",
            ),
            Self::HalfYearly => lang.pick(
                "every 6 months: calendar half-years assumed, due 30/06 and 31/12",
                "6 tháng một lần: tính theo 6 tháng đầu năm và 6 tháng cuối năm, đến hạn vào các ngày 30/06 và 31/12",
            ),
            Self::YearlyNoDay => lang.pick(
                "every year with no day given (\"hằng năm\"): due 31/12 each year",
                "hằng năm, không nêu ngày cụ thể (\"hằng năm\"): đến hạn vào ngày 31/12 mỗi năm",
            ),
            Self::Ongoing => lang.pick(
                "\"thường xuyên\" and \"từ năm Y\" are ongoing (from that year): no single due date, never overdue",
                "\"thường xuyên\" và \"từ năm Y\" là nhiệm vụ thực hiện thường xuyên (kể từ năm đó): không có một hạn cụ thể và không bao giờ quá hạn",
            ),
            Self::YearOfPeriod => lang.pick(
                "a wording with no year (\"cuối năm\", \"6 tháng đầu năm\") takes the year of a plan whose period is that one year",
                "cách ghi không nêu năm (\"cuối năm\", \"6 tháng đầu năm\") được hiểu là năm của kế hoạch khi thời kỳ kế hoạch chỉ có một năm",
            ),
            Self::RecurringWindow => lang.pick(
                "recurring occurrences run from the plan's issue date (without one, the start of its period) to the end of its period (open-ended plans: to the end of the year after the as-of date)",
                "các kỳ của nhiệm vụ định kỳ được tính từ ngày ban hành kế hoạch (nếu không có thì từ đầu thời kỳ kế hoạch) đến hết thời kỳ kế hoạch (kế hoạch không có năm kết thúc: đến hết năm sau năm của ngày đánh giá --as-of)",
            ),
        }
    }
}

impl Serialize for Convention {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.text())
    }
}

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

/// The conventions `due` is scheduled by, the main one first (for a cycle
/// [`timing`] accepts: 1, 3, 6 or 12 months). `before`: the wording says
/// "trước" a day ([`super::wording::before_day`]).
pub fn conventions(due: &Due, before: bool) -> Vec<Convention> {
    use Convention::*;
    let mut conventions = main_conventions(due);
    if before && names_a_day(due) {
        // "Due on that day" is what "trước" overrides, so it is not stated too.
        conventions.retain(|c| *c != Date);
        conventions.insert(0, Before);
    }
    conventions
}

/// Whether `due` names a day, the only thing "trước" can put a deadline before.
fn names_a_day(due: &Due) -> bool {
    matches!(due, Due::Date(_)) || due.days_of_year().iter().any(|d| d.day.is_some())
}

fn main_conventions(due: &Due) -> Vec<Convention> {
    use Convention::*;
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

/// When `due` falls due for `plan`; `as_of` ends the window of an
/// open-ended plan's recurring obligations. `before`: the wording says
/// "trước" a day, so each day `due` names falls due the day before
/// ([`Convention::Before`]); the keys stay those of the days named. An error
/// says why the normal form names no date (a month 13, an unknown phase, a
/// year past 9999).
pub fn timing(due: &Due, before: bool, plan: &Plan, as_of: CivilDate) -> Result<Timing, String> {
    let shift = |date: CivilDate| {
        if before && names_a_day(due) {
            day_before(date)
        } else {
            date
        }
    };
    let once = |key: String, due: Option<CivilDate>, what: String| {
        due.map(|due| Timing::Once(Occurrence { key, due }))
            .ok_or(what)
    };
    match *due {
        Due::Date(date) => Ok(Timing::Once(Occurrence {
            key: date.to_string(),
            due: shift(date),
        })),
        Due::Month { year, month } => once(
            format!("{year:04}-{month:02}"),
            civil_year(year).and_then(|y| month_end(y, month)),
            tr!(
                "month {month} of {year} is not a calendar month",
                "tháng {month} năm {year} không phải là một tháng trong lịch"
            ),
        ),
        Due::Quarter { year, quarter } => once(
            format!("{year:04}-Q{quarter}"),
            civil_year(year).and_then(|y| quarter_end(y, quarter)),
            tr!(
                "quarter {quarter} of {year} is not a calendar quarter",
                "quý {quarter} năm {year} không phải là một quý trong lịch"
            ),
        ),
        Due::Year(year) => once(
            format!("{year:04}"),
            civil_year(year).and_then(year_end),
            tr!(
                "{year} is not a calendar year xhht can date",
                "{year} không phải là năm mà xhht tính được ngày"
            ),
        ),
        Due::Phase(ref id) => {
            let phase = plan
                .document
                .phases
                .iter()
                .find(|p| &p.id == id)
                .ok_or_else(|| {
                    tr!(
                        "the plan has no phase `{id}`",
                        "kế hoạch không có giai đoạn `{id}`"
                    )
                })?;
            once(
                format!("{:04}", phase.end),
                civil_year(phase.end).and_then(year_end),
                tr!(
                    "phase `{id}` ends in {}, a year xhht cannot date",
                    "giai đoạn `{id}` kết thúc năm {}, năm mà xhht không tính được ngày",
                    phase.end
                ),
            )
        }
        Due::Half { year, half } => once(
            format!("{year:04}-H{half}"),
            civil_year(year)
                .filter(|_| (1..=2).contains(&half))
                .and_then(|y| month_end(y, half * 6)),
            tr!(
                "half {half} of {year} is not a half-year",
                "nửa năm thứ {half} năm {year} không phải là nửa năm trong lịch"
            ),
        ),
        Due::Yearly { from, .. } => {
            let days = due.days_of_year();
            for d in &days {
                let exists = match d.day {
                    Some(day) => yearly_on(2024, d.month, day).is_some(),
                    None => (1..=12).contains(&d.month),
                };
                if !exists {
                    let (day, month) = (d.day.unwrap_or(0), d.month);
                    return Err(tr!(
                        "{day}/{month} is not a day of the year",
                        "{day}/{month} không phải là một ngày trong năm"
                    ));
                }
            }
            // One day a year keeps the year as its key, as status files have it.
            let keyed_by_year = days.len() == 1;
            Ok(Timing::Recurring(recurring(plan, from, as_of, |year| {
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
            })))
        }
        Due::EveryMonths { months, from } => {
            if !matches!(months, 1 | 3 | 6 | 12) {
                return Err(tr!(
                    "every {months} months: xhht schedules monthly, quarterly, half-yearly and yearly cycles only",
                    "{months} tháng một lần: xhht chỉ tính các chu kỳ hằng tháng, hằng quý, 6 tháng và hằng năm"
                ));
            }
            Ok(Timing::Recurring(recurring(plan, from, as_of, |year| {
                cycle_in_year(year, months)
            })))
        }
        Due::FromYear(since) => Ok(Timing::Ongoing { since: Some(since) }),
        Due::Ongoing => Ok(Timing::Ongoing { since: None }),
    }
}

/// Occurrences from the later of `from`, the plan's issue date and the start
/// of its period, through the end of its period (an open-ended plan: the end
/// of the year after the as-of year).
fn recurring(
    plan: &Plan,
    from: Option<u16>,
    as_of: CivilDate,
    in_year: impl Fn(i16) -> Vec<Occurrence>,
) -> Vec<Occurrence> {
    let period = plan.document.period;
    let first = i32::from(period.start.max(from.unwrap_or(0)));
    // An open-ended plan runs through the year after the as-of date, so a
    // due-soon window across New Year sees January's occurrences.
    let last = period
        .end
        .map_or(i32::from(as_of.year()) + 1, i32::from)
        .min(i32::from(jiff::civil::Date::MAX.year()));
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
/// ([`Convention::LeapDay`]).
pub fn yearly_on(year: i16, month: u8, day: u8) -> Option<CivilDate> {
    let (m, d) = (i8::try_from(month).ok()?, i8::try_from(day).ok()?);
    CivilDate::new(year, m, d).or_else(|| {
        (month == 2 && day == 29)
            .then(|| CivilDate::new(year, 2, 28))
            .flatten()
    })
}

/// The day before `date`, where a deadline "trước" it falls due
/// ([`Convention::Before`]).
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DayOfYear, Document, DocumentKind, Level, Period};
    use proptest::prelude::*;

    fn plan(start: u16, end: Option<u16>, issued: Option<CivilDate>) -> Plan {
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
            links: Default::default(),
            citations: Vec::new(),
            agencies: Vec::new(),
            targets: Vec::new(),
            tasks: Vec::new(),
            not_applicable: Vec::new(),
            progress: None,
        }
    }

    fn d(y: i16, m: i8, day: i8) -> CivilDate {
        CivilDate::new(y, m, day).unwrap()
    }

    fn recurring_of(due: &Due, plan: &Plan, as_of: CivilDate) -> Vec<Occurrence> {
        match timing(due, false, plan, as_of).unwrap() {
            Timing::Recurring(occurrences) => occurrences,
            other => panic!("not recurring: {other:?}"),
        }
    }

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
        let due = Due::Yearly {
            month: 2,
            day: Some(29),
            also: Vec::new(),
            from: None,
        };
        let got = recurring_of(&due, &plan(2023, Some(2025), None), d(2030, 1, 1));
        let dues: Vec<_> = got.iter().map(|o| o.due).collect();
        assert_eq!(dues, [d(2023, 2, 28), d(2024, 2, 29), d(2025, 2, 28)]);
        assert!(conventions(&due, false).contains(&Convention::LeapDay));
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
        let first_of_march = Due::Yearly {
            month: 3,
            day: Some(1),
            also: Vec::new(),
            from: None,
        };
        let dues: Vec<_> = match timing(&first_of_march, true, &p, as_of).unwrap() {
            Timing::Recurring(occurrences) => occurrences,
            other => panic!("not recurring: {other:?}"),
        };
        assert_eq!(
            dues,
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
        assert_eq!(
            conventions(&first_of_march, true),
            [
                Convention::Before,
                Convention::Yearly,
                Convention::RecurringWindow
            ]
        );
        assert_eq!(conventions(&date, true), [Convention::Before]);
        // "trước" a year is refused by the parser; a `due` year stays its 31/12.
        assert_eq!(conventions(&Due::Year(2024), true), [Convention::Year]);
        assert!(matches!(
            timing(&Due::Year(2024), true, &p, as_of),
            Ok(Timing::Once(Occurrence { due, .. })) if due == d(2024, 12, 31)
        ));
    }

    #[test]
    fn months_halves_several_days_and_no_date_at_all() {
        let p = plan(2023, Some(2024), None);
        let as_of = d(2030, 1, 1);
        let october = Due::Yearly {
            month: 10,
            day: None,
            also: Vec::new(),
            from: None,
        };
        let got = recurring_of(&october, &p, as_of);
        assert_eq!(
            got.iter()
                .map(|o| (o.key.as_str(), o.due))
                .collect::<Vec<_>>(),
            [("2023", d(2023, 10, 31)), ("2024", d(2024, 10, 31))]
        );
        assert_eq!(
            conventions(&october, true),
            [Convention::Month, Convention::RecurringWindow]
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
        assert!(
            timing(
                &Due::Half {
                    year: 2026,
                    half: 3
                },
                false,
                &p,
                as_of
            )
            .unwrap_err()
            .contains("half 3")
        );
        assert_eq!(
            timing(&Due::Ongoing, false, &p, as_of),
            Ok(Timing::Ongoing { since: None })
        );
        assert_eq!(conventions(&Due::Ongoing, false), [Convention::Ongoing]);
    }

    #[test]
    fn every_convention_is_said_in_both_languages() {
        for c in Convention::ALL {
            let (en, vi) = (c.text_in(Lang::En), c.text_in(Lang::Vi));
            assert!(!en.is_empty() && !vi.is_empty() && en != vi, "{c:?}");
        }
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
        assert_eq!(conventions(&due, false)[0], Convention::HalfYearly);
        assert!(
            Convention::HalfYearly
                .text_in(Lang::En)
                .contains("calendar half-years assumed")
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

    #[test]
    fn unschedulable_forms_say_why() {
        let p = plan(2020, Some(2020), None);
        let as_of = d(2020, 1, 1);
        let month13 = Due::Month {
            year: 2020,
            month: 13,
        };
        assert!(
            timing(&month13, false, &p, as_of)
                .unwrap_err()
                .contains("month 13")
        );
        let phase = Due::Phase("pilot".into());
        assert!(
            timing(&phase, false, &p, as_of)
                .unwrap_err()
                .contains("no phase")
        );
        let five = Due::EveryMonths {
            months: 5,
            from: None,
        };
        assert!(
            timing(&five, false, &p, as_of)
                .unwrap_err()
                .contains("every 5 months")
        );
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
            prop_assert_eq!(end.0.month(), (quarter * 3) as i8);
            prop_assert_eq!(end.0.day(), end.0.days_in_month());
            let next = end.0.tomorrow();
            if let Ok(next) = next {
                prop_assert_eq!(next.day(), 1);
                prop_assert_eq!(next.month(), ((quarter * 3) % 12 + 1) as i8);
            }
        }

        #[test]
        fn yearly_29_february_falls_in_february_every_year(year in 1i16..=9999) {
            let due = yearly_on(year, 2, 29).unwrap();
            prop_assert_eq!(due.0.month(), 2);
            prop_assert_eq!(due.0.day(), if due.0.in_leap_year() { 29 } else { 28 });
        }

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
            let issued = add_days(d(start as i16, 1, 1), issued_day as u32);
            let p = plan(start, Some(end), Some(issued));
            let as_of = d(2000, 1, 1);
            let cycle = Due::EveryMonths { months, from: None };
            let yearly = Due::Yearly { month: yearly_month, day: Some(yearly_day),
            also: Vec::new(), from: None };
            for due in [cycle, yearly] {
                let got = recurring_of(&due, &p, as_of);
                for o in &got {
                    prop_assert!(o.due >= issued);
                    prop_assert!(o.due.year() as u16 <= end);
                }
                // The last occurrence is the last one of the period's final year.
                let last_of_period = match due {
                    Due::EveryMonths { .. } => d(end as i16, 12, 31),
                    _ => yearly_on(end as i16, yearly_month, yearly_day).unwrap(),
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
                    prop_assert_eq!(all.first().map(|o| o.due.year() as u16), Some(start));
                }
            }
        }
    }
}
