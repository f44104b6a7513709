//! Reads a deadline as Vietnamese plans word it ("trong Quý III năm 2020",
//! "trước 15/01/2020", "trước ngày 20 tháng 12 hằng năm", "định kỳ 6 tháng")
//! into its normal form.
//!
//! The whole wording has to be understood: a phrase with words the grammar
//! does not know is unreadable rather than half-read, so "hàng năm và từng
//! giai đoạn" is not taken for "hàng năm", and "trước năm 2025" (before the
//! year starts, or by its end?) is refused instead of guessed. Numeric dates
//! are day/month/year, always: Vietnamese has no month-first order to guess.
//!
//! This file holds the grammar of recurring wordings (cycles, days of every
//! year) and the refusals that apply to a whole wording; the one-off phrases
//! are read by [`super::phrases`], and the words themselves are tabled in
//! [`super::vocabulary`].

use crate::date::CivilDate;
use crate::i18n::Message;
use crate::model::{DayOfYear, Due};
use crate::msg;
use crate::text::fold;

use super::phrases::{before_a_period, one_off};
use super::vocabulary::{
    BY_DAY, DURING, YEARLY, small, strip_any, strip_back, strip_front, tokens,
};

/// Why a wording could not be read, in words a plan's author can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    pub reason: Message,
    /// What to write instead, where the reason calls for more than the
    /// usual `due`.
    pub hint: Option<Message>,
}

pub(super) fn unreadable(reason: Message) -> Unreadable {
    Unreadable { reason, hint: None }
}

impl Unreadable {
    pub(super) fn hint(mut self, hint: Message) -> Self {
        self.hint = Some(hint);
        self
    }
}

pub(super) type Read = Result<Due, Unreadable>;

/// Reads `wording` into a [`Due`]. Case, NFC/NFD and old/new tone placement
/// do not matter; punctuation other than `/` and `-` is ignored. Recurring
/// wordings carry no `from` year: the text never states one, and the
/// schedule starts them at the plan's issue date.
///
/// | wording | reads as |
/// |---|---|
/// | `trong Quý II năm 2020`, `Quý III/2020`, `hoàn thành trong Quý IV năm 2020` | `Quarter` |
/// | `trước 15/01/2020`, `trước ngày 5 tháng 1 năm 2020`, `chậm nhất ngày 15/1/2020` | `Date` |
/// | `tháng 6 năm 2020`, `trong tháng 6/2020` | `Month` |
/// | `năm 2025`, `trong năm 2022`, `vào năm 2025`, `(từ nay) đến hết năm 2020`, `cuối năm 2020` | `Year` |
/// | `năm 2014-2015`, `giai đoạn 2021-2025` | `Year` of the last year |
/// | `6 tháng đầu năm 2026`, `6 tháng cuối năm 2026` | `Half` |
/// | `từ năm 2013` | `FromYear` |
/// | `thường xuyên` | `Ongoing` |
/// | `(định kỳ) trước ngày 20 tháng 12 hằng năm`, `hằng năm, trước ngày 20/12` | `Yearly` |
/// | `tháng 10 hằng năm` | `Yearly` of a month, no day |
/// | `trước ngày 30/6 và 31/12 hằng năm` | `Yearly` of two days, one obligation |
/// | `hằng năm`, `hàng năm`, `định kỳ hằng năm` | `EveryMonths { months: 12 }` |
/// | `định kỳ 6 tháng`, `6 tháng một lần`, `hằng quý`, `hằng tháng` | `EveryMonths` |
/// | `định kỳ 6 tháng, hàng năm`, `hằng quý và hằng năm` | `EveryMonths` of the shorter cycle: the year's last report is the yearly one |
///
/// Refused with a reason: `cuối năm` and `6 tháng đầu năm` with no year
/// ([`parse_in`] gives them one); `đầu năm học`, since the school year
/// starts in September but nothing says how far into it the deadline falls;
/// a "hằng năm" that qualifies a budget ("ngân sách hằng năm").
pub fn parse(wording: &str) -> Read {
    parse_in(wording, None)
}

/// [`parse`], with the year a wording that names none ("cuối năm", "6 tháng
/// đầu năm") stands for: the schedule passes that of a plan whose period is
/// one year, and nothing otherwise.
pub fn parse_in(wording: &str, year: Option<u16>) -> Read {
    let folded = fold(wording);
    let all = tokens(&folded);
    if all.windows(3).any(|w| w == ["dau", "nam", "hoc"]) {
        return Err(unreadable(msg!("schedule.wording.school-year"))
            .hint(msg!("schedule.wording.school-year-hint")));
    }
    let (_, t) = strip_front(&all, &["hoan", "thanh"]);
    let (periodic, t) = strip_front(t, &["dinh", "ky"]);
    let (yearly_front, t) = strip_front(t, YEARLY);
    let (yearly_back, t) = strip_back(t, YEARLY);
    // "hằng quý và hằng năm": the "và" belongs to the "hằng năm" just taken off.
    let t = match t {
        [rest @ .., "va"] if yearly_back => rest,
        _ => t,
    };
    let yearly = yearly_front || yearly_back;
    if yearly_back && let [.., "ngan", "sach"] | [.., "kinh", "phi"] = t {
        return Err(
            unreadable(msg!("schedule.wording.budget")).hint(msg!("schedule.wording.budget-hint"))
        );
    }
    if let Some(months) = cycle(t, periodic, yearly)? {
        return Ok(Due::EveryMonths { months, from: None });
    }
    if let Some(days) = days_of_year(t)? {
        return every_year(&days, yearly, periodic);
    }
    if yearly || periodic {
        return Err(unreadable(msg!("schedule.wording.unknown-recurring")));
    }
    one_off(t, year)
}

/// Days of a year the wording leaves unnamed: those of every year with
/// "hằng năm", else refused for the want of a year or a cycle.
fn every_year(days: &[DayOfYear], yearly: bool, periodic: bool) -> Read {
    let first = days[0];
    if yearly {
        Ok(Due::Yearly {
            month: first.month,
            day: first.day,
            also: days[1..].to_vec(),
            from: None,
        })
    } else if periodic {
        Err(unreadable(msg!("schedule.wording.periodic-day")))
    } else {
        let what = match first.day {
            Some(day) => Message::verbatim(format!("{day}/{}", first.month)),
            None => msg!("schedule.words.month", month = first.month),
        };
        Err(unreadable(msg!("schedule.wording.no-year-day", what)))
    }
}

/// Whether the wording puts "trước" (before) in front of a day: "trước
/// 15/01/2020", "trước ngày 20 tháng 12 hằng năm". Read on its own, apart
/// from [`parse`], because it holds even where the rest of the wording is
/// left to the plan's `due` ("trước ngày 20 tháng 12", with the year from
/// the sentence around it). Before a quarter or a year it does not count:
/// that wording is refused as ambiguous.
pub fn before_day(wording: &str) -> bool {
    let folded = fold(wording);
    tokens(&folded)
        .windows(2)
        .any(|pair| pair[0] == "truoc" && (pair[1] == "ngay" || small(pair[1]).is_some()))
}

fn cycle(t: &[&str], periodic: bool, yearly: bool) -> Result<Option<u8>, Unreadable> {
    let months = match t {
        [] if yearly => "12",
        [] if periodic => {
            return Err(unreadable(msg!("schedule.wording.periodic-alone")));
        }
        ["hang", "quy"] => "3",
        ["hang", "thang"] => "1",
        [n, "thang", "mot", "lan"] => *n,
        [n, "thang"] if periodic => *n,
        _ => return Ok(None),
    };
    match small(months) {
        // With "hằng năm" as well ("định kỳ 6 tháng, hàng năm"), the report
        // closing the year is the yearly one: one obligation, one cycle.
        Some(n @ 1..=12) if !yearly || 12 % n == 0 => Ok(Some(n)),
        Some(n @ 1..=12) => Err(unreadable(msg!("schedule.wording.cycle-not-yearly", n))),
        _ => Err(unreadable(msg!("schedule.wording.not-a-cycle", months))),
    }
}

/// Days or months of a year that is not named, joined by "và": "trước
/// ngày 20 tháng 12", "trước 20/12", "ngày 30/6 và 31/12", "tháng 10".
fn days_of_year(t: &[&str]) -> Result<Option<Vec<DayOfYear>>, Unreadable> {
    if let ["truoc", "thang", ..] = t {
        return Err(before_a_period());
    }
    let by_day = strip_any(t, BY_DAY);
    let t = if by_day.len() < t.len() {
        by_day
    } else {
        strip_any(t, DURING)
    };
    let mut days = Vec::new();
    for part in t.split(|w| *w == "va") {
        let (_, part) = strip_front(part, &["ngay"]);
        let (d, m) = match part {
            [d, "thang" | "/", m] => (Some(*d), *m),
            ["thang", m] => (None, *m),
            _ => return Ok(None),
        };
        let Some(month) = small(m) else {
            return Ok(None);
        };
        let day = match d.map(small) {
            Some(Some(day)) => Some(day),
            Some(None) => return Ok(None),
            None => None,
        };
        // 2024 is a leap year, so 29/02 passes here and the schedule decides.
        let exists = CivilDate::from_numbers(2024, month, day.unwrap_or(1)).is_some();
        if !exists {
            return Err(unreadable(match day {
                Some(day) => msg!("schedule.words.not-a-day", day, month),
                None => msg!("schedule.words.no-such-month", month),
            }));
        }
        days.push(DayOfYear { month, day });
    }
    Ok(Some(days))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use unicode_normalization::UnicodeNormalization;

    fn reads(wording: &str) -> Due {
        parse(wording).unwrap_or_else(|e| panic!("{wording:?}: {e:?}"))
    }

    /// Why `wording` is refused, in English.
    fn refused(wording: &str) -> String {
        parse(wording).unwrap_err().reason.english()
    }

    #[test]
    fn yearly_days() {
        let yearly = |month, day| Due::Yearly {
            month,
            day: Some(day),
            also: Vec::new(),
            from: None,
        };
        assert_eq!(reads("trước ngày 20 tháng 12 hằng năm"), yearly(12, 20));
        assert_eq!(reads("trước ngày 20 tháng 12 hàng năm"), yearly(12, 20));
        assert_eq!(
            reads("định kỳ trước ngày 01 tháng 12 hằng năm"),
            yearly(12, 1)
        );
        assert_eq!(reads("Hằng năm, trước ngày 20/12"), yearly(12, 20));
        assert_eq!(reads("trước ngày 29 tháng 2 hằng năm"), yearly(2, 29));
        assert!(parse("trước ngày 30 tháng 2 hằng năm").is_err());
        let err = parse("trước ngày 20 tháng 12").unwrap_err();
        assert!(err.reason.english().contains("has no year"), "{err:?}");
    }

    #[test]
    fn cycles() {
        let every = |months| Due::EveryMonths { months, from: None };
        assert_eq!(reads("định kỳ 6 tháng"), every(6));
        assert_eq!(reads("6 tháng một lần"), every(6));
        assert_eq!(reads("hằng năm"), every(12));
        assert_eq!(reads("Hàng năm"), every(12));
        assert_eq!(reads("định kỳ hằng năm"), every(12));
        assert_eq!(reads("hằng quý"), every(3));
        assert_eq!(reads("định kỳ hằng tháng"), every(1));
        assert!(parse("định kỳ").is_err());
        assert!(parse("theo định kỳ").is_err());
        assert!(parse("định kỳ 13 tháng").is_err());
        assert!(parse("hàng năm và từng giai đoạn").is_err());
    }

    /// Vĩnh Long reports "định kỳ 6 tháng, hàng năm": one six-monthly cycle
    /// whose second report of the year is the yearly one, not two schedules.
    #[test]
    fn a_cycle_with_its_yearly_report_is_one_cycle() {
        let every = |months| Due::EveryMonths { months, from: None };
        assert_eq!(reads("định kỳ 6 tháng, hàng năm"), every(6));
        assert_eq!(reads("Định kỳ 6 tháng, hằng năm"), every(6));
        assert_eq!(reads("định kỳ hằng quý, hằng năm"), every(3));
        assert_eq!(reads("hằng quý và hằng năm"), every(3));
        // A cycle that does not end with the year cannot hold its report.
        let err = parse("định kỳ 5 tháng, hằng năm").unwrap_err();
        assert!(err.reason.english().contains("5 months"), "{err:?}");
    }

    #[test]
    fn before_names_a_day_only_with_truoc() {
        for wording in [
            "trước 15/01/2020",
            "trước ngày 20 tháng 12",
            "Trước ngày 05 tháng 01 năm 2020",
            "định kỳ trước ngày 01 tháng 12 hằng năm",
            "Hằng năm, trước ngày 20/12",
        ] {
            assert!(before_day(wording), "{wording:?}");
        }
        for wording in [
            "chậm nhất ngày 15/1/2020",
            "đến ngày 15/01/2020",
            "15/01/2020",
            "vào ngày 15/01/2020",
            "trước Quý III năm 2020",
            "trước năm 2025",
            "hằng năm",
        ] {
            assert!(!before_day(wording), "{wording:?}");
        }
    }

    /// "hằng năm" after a budget noun says which budget, not when anything
    /// is due (Thái Bình V.8: "căn cứ … khả năng cân đối ngân sách hằng năm").
    #[test]
    fn a_yearly_budget_is_not_a_deadline() {
        for wording in [
            "căn cứ vào các nguồn lực, khả năng cân đối ngân sách hằng năm",
            "khả năng cân đối ngân sách hằng năm",
            "dự toán ngân sách hàng năm",
            "kinh phí hằng năm",
        ] {
            let err = parse(wording).unwrap_err();
            assert!(
                err.reason.english().contains("qualifies the budget"),
                "{wording}: {err:?}"
            );
            assert!(
                err.hint
                    .as_ref()
                    .is_some_and(|h| h.english().contains("leave `deadline` out")),
                "{wording}: {err:?}"
            );
        }
        // An action done every year stays a yearly deadline.
        assert_eq!(
            reads("hằng năm"),
            Due::EveryMonths {
                months: 12,
                from: None
            }
        );
    }

    #[test]
    fn a_month_every_year() {
        let october = Due::Yearly {
            month: 10,
            day: None,
            also: Vec::new(),
            from: None,
        };
        assert_eq!(reads("tháng 10 hằng năm"), october);
        assert_eq!(reads("vào tháng 10 hằng năm"), october);
        assert_eq!(reads("Hằng năm, trong tháng 10"), october);
        assert!(refused("tháng 13 hằng năm").contains("month 13"));
        assert!(refused("trước tháng 10 hằng năm").contains("ambiguous"));
        assert!(refused("tháng 10").contains("month 10 has no year"));
    }

    #[test]
    fn two_days_every_year_are_one_obligation() {
        let twice = Due::Yearly {
            month: 6,
            day: Some(30),
            also: vec![DayOfYear {
                month: 12,
                day: Some(31),
            }],
            from: None,
        };
        assert_eq!(reads("trước ngày 30/6 và 31/12 hằng năm"), twice);
        assert_eq!(
            reads("trước ngày 30 tháng 6 và ngày 31 tháng 12 hằng năm"),
            twice
        );
        assert!(before_day("trước ngày 30/6 và 31/12 hằng năm"));
        assert!(refused("trước ngày 30/6 và 31/12").contains("30/6 has no year"));
        assert!(parse("trước ngày 30/6 và 31/13 hằng năm").is_err());
    }

    #[test]
    fn the_start_of_the_school_year_is_refused_with_a_reason() {
        for wording in [
            "đầu năm học",
            "vào đầu năm học 2021-2022",
            "hằng năm, đầu năm học",
        ] {
            let err = parse(wording).unwrap_err();
            assert!(
                err.reason.english().contains("starts in September"),
                "{wording}: {err:?}"
            );
            assert!(
                err.hint
                    .unwrap()
                    .english()
                    .contains("`due: {yearly: {month: 9, day: 30}}`")
            );
        }
    }

    #[test]
    fn normalisation_and_case_do_not_matter() {
        for wording in [
            "trong Quý II năm 2020",
            "Trước ngày 20 tháng 12 hằng năm",
            "ĐỊNH KỲ 6 THÁNG",
        ] {
            let nfd: String = wording.nfd().collect();
            assert_eq!(parse(&nfd), parse(wording));
            assert_eq!(parse(&wording.to_uppercase()), parse(wording));
        }
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,60}") {
            let _ = parse(&s);
        }

        #[test]
        fn never_panics_near_the_grammar(words in proptest::collection::vec(
            prop_oneof![
                Just("trước"), Just("ngày"), Just("tháng"), Just("năm"), Just("Quý"),
                Just("hằng"), Just("định kỳ"), Just("từ"), Just("đến hết"), Just("/"),
                Just("-"), Just("I"), Just("IV"), Just("0"), Just("29"), Just("02"),
                Just("99"), Just("2020"), Just("9999"), Just("65535"), Just("một lần"),
            ],
            0..9,
        )) {
            let wording = words.join(" ");
            if let Ok(Due::Date(d)) = parse(&wording) {
                prop_assert!(d.year() >= 1000);
            }
        }
    }
}
