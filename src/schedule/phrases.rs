//! The one-off phrases of a deadline's wording: a date, a month, a quarter,
//! a half-year, a year or a span of years, "từ năm Y" and "thường xuyên".
//! [`super::wording`] tries these once the wording has turned out to name
//! no cycle and no day of every year; each reader either does not recognise
//! the phrase (`None`), or reads it, or refuses it with a reason.

use crate::date::CivilDate;
use crate::model::Due;
use crate::msg;

use super::vocabulary::{BY_DAY, DURING, small, strip_any, strip_front, year_number};
use super::wording::{Read, Unreadable, unreadable};

/// `year` is the one a wording without a year stands for
/// ([`super::wording::parse_in`]).
pub(super) fn one_off(t: &[&str], year: Option<u16>) -> Read {
    if let ["thuong", "xuyen"] | ["thuong", "xuyen", "lien", "tuc"] = t {
        return Ok(Due::Ongoing);
    }
    if let Some(read) = quarter(t)
        .or_else(|| date(t))
        .or_else(|| month(t))
        .or_else(|| half(t, year))
        .or_else(|| whole_year(t, year))
        .or_else(|| from_year(t))
    {
        return read;
    }
    if let ["truoc", "nam" | "quy" | "thang", ..] = t {
        return Err(before_a_period());
    }
    Err(unreadable(msg!("schedule.wording.nothing-read")))
}

pub(super) fn before_a_period() -> Unreadable {
    unreadable(msg!("schedule.wording.before-a-period"))
}

/// A period named without its year, when the plan gives none either.
fn no_year(example: &str) -> Unreadable {
    unreadable(msg!("schedule.wording.no-year"))
        .hint(msg!("schedule.wording.no-year-hint", example))
}

/// "6 tháng đầu năm 2026", "trong 6 tháng cuối năm 2026".
fn half(t: &[&str], year: Option<u16>) -> Option<Read> {
    let (which, y) = match strip_any(t, DURING) {
        ["6", "thang", which, "nam", y] => (*which, Some(year_number(y)?)),
        ["6", "thang", which, "nam"] => (*which, None),
        _ => return None,
    };
    let half = match which {
        "dau" => 1,
        "cuoi" => 2,
        _ => return None,
    };
    Some(match y.or(year) {
        Some(year) => Ok(Due::Half { year, half }),
        None => Err(no_year("`due: {half: {year: 2020, half: 1}}`")),
    })
}

fn quarter(t: &[&str]) -> Option<Read> {
    let (q, y) = match strip_any(t, DURING) {
        ["quy", q, "nam" | "/", y] => (*q, year_number(y)?),
        _ => return None,
    };
    let quarter = match q {
        "i" | "1" => 1,
        "ii" | "2" => 2,
        "iii" | "3" => 3,
        "iv" | "4" => 4,
        other => {
            return Some(Err(unreadable(msg!(
                "schedule.wording.no-such-quarter",
                other
            ))));
        }
    };
    Some(Ok(Due::Quarter { year: y, quarter }))
}

fn date(t: &[&str]) -> Option<Read> {
    let t = strip_any(t, BY_DAY);
    let (_, t) = strip_front(t, &["ngay"]);
    let (d, m, y) = match t {
        [d, "/", m, "/", y] | [d, "thang", m, "nam", y] => (*d, *m, *y),
        _ => return None,
    };
    let (day, month, year) = (small(d)?, small(m)?, year_number(y)?);
    Some(
        CivilDate::from_numbers(year, month, day)
            .map(Due::Date)
            .ok_or_else(|| unreadable(msg!("schedule.wording.not-a-date", d, m, y))),
    )
}

fn month(t: &[&str]) -> Option<Read> {
    let (m, y) = match strip_any(t, DURING) {
        ["thang", m, "nam" | "/", y] => (small(m)?, year_number(y)?),
        _ => return None,
    };
    Some(if (1..=12).contains(&m) {
        Ok(Due::Month { year: y, month: m })
    } else {
        Err(unreadable(msg!("schedule.words.no-such-month", month = m)))
    })
}

/// A year, or a span of years by its last; "cuối năm" takes `year`.
fn whole_year(t: &[&str], year: Option<u16>) -> Option<Read> {
    match strip_any(t, DURING) {
        ["nam"] => Some(
            year.map(Due::Year)
                .ok_or_else(|| no_year("\"cuối năm 2020\", or `due: {year: 2020}`")),
        ),
        ["nam", y] => Some(Ok(Due::Year(year_number(y)?))),
        ["nam", a, "-", b] | ["giai", "doan", a, "-", b] | [a, "-", b] => {
            let (first, last) = (year_number(a)?, year_number(b)?);
            Some(if first <= last {
                Ok(Due::Year(last))
            } else {
                Err(unreadable(msg!(
                    "schedule.wording.years-backwards",
                    first,
                    last
                )))
            })
        }
        _ => None,
    }
}

fn from_year(t: &[&str]) -> Option<Read> {
    let (_, t) = strip_front(t, &["ke"]);
    match t {
        ["tu", "nam", y] | ["tu", "nam", y, "tro", "di"] => {
            Some(Ok(Due::FromYear(year_number(y)?)))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::wording::{parse, parse_in};
    use super::*;

    fn reads(wording: &str) -> Due {
        parse(wording).unwrap_or_else(|e| panic!("{wording:?}: {e:?}"))
    }

    /// Why `wording` is refused, in English.
    fn refused(wording: &str) -> String {
        parse(wording).unwrap_err().reason.english()
    }

    fn quarter(year: u16, quarter: u8) -> Due {
        Due::Quarter { year, quarter }
    }

    fn date(y: i16, m: i8, d: i8) -> Due {
        Due::Date(CivilDate::new(y, m, d).unwrap())
    }

    #[test]
    fn quarters_in_roman_numerals() {
        assert_eq!(reads("trong Quý II năm 2020"), quarter(2020, 2));
        assert_eq!(reads("Quý III/2020"), quarter(2020, 3));
        assert_eq!(reads("quý iv / 2020"), quarter(2020, 4));
        assert_eq!(reads("QUÝ I NĂM 2021"), quarter(2021, 1));
        assert_eq!(reads("hoàn thành trong Quý III năm 2020"), quarter(2020, 3));
        assert!(parse("Quý V năm 2020").is_err());
        assert!(refused("Quý 5/2020").contains("Quý I to IV"));
    }

    #[test]
    fn dates_are_day_month_year() {
        assert_eq!(reads("trước 15/01/2020"), date(2020, 1, 15));
        assert_eq!(reads("trước 5/1/2020"), date(2020, 1, 5));
        assert_eq!(reads("trước ngày 05 tháng 01 năm 2020"), date(2020, 1, 5));
        assert_eq!(reads("chậm nhất ngày 15/1/2020."), date(2020, 1, 15));
        // 12/01 is 12 January, never 1 December.
        assert_eq!(reads("trước 12/01/2020"), date(2020, 1, 12));
        let why = refused("trước 01/13/2020");
        assert!(why.contains("01/13/2020 is not a date"), "{why}");
        assert!(parse("trước 31/02/2020").is_err());
        assert!(parse("trước 2020/01/15").is_err());
    }

    #[test]
    fn years_months_and_ongoing() {
        assert_eq!(reads("trong năm 2022"), Due::Year(2022));
        assert_eq!(reads("vào năm 2025"), Due::Year(2025));
        assert_eq!(reads("năm 2025"), Due::Year(2025));
        assert_eq!(reads("đến hết năm 2020"), Due::Year(2020));
        assert_eq!(reads("từ nay đến hết năm 2020"), Due::Year(2020));
        assert_eq!(reads("Năm 2014-2015"), Due::Year(2015));
        assert_eq!(reads("giai đoạn 2021 – 2025"), Due::Year(2025));
        assert!(parse("năm 2015-2014").is_err());
        assert_eq!(reads("từ năm 2013"), Due::FromYear(2013));
        assert_eq!(reads("kể từ năm 2013 trở đi"), Due::FromYear(2013));
        assert_eq!(
            reads("tháng 6 năm 2020"),
            Due::Month {
                year: 2020,
                month: 6
            }
        );
        assert_eq!(
            reads("trong tháng 06/2020"),
            Due::Month {
                year: 2020,
                month: 6
            }
        );
        assert!(parse("tháng 13 năm 2020").is_err());
        assert!(parse("năm 20").is_err());
    }

    #[test]
    fn half_years() {
        assert_eq!(
            reads("6 tháng đầu năm 2026"),
            Due::Half {
                year: 2026,
                half: 1
            }
        );
        assert_eq!(
            reads("trong 6 tháng cuối năm 2026"),
            Due::Half {
                year: 2026,
                half: 2
            }
        );
        // Without a year, only a plan of one year can give it.
        let err = parse("6 tháng đầu năm").unwrap_err();
        assert!(err.reason.english().contains("names no year"), "{err:?}");
        assert!(
            err.hint
                .unwrap()
                .english()
                .contains("`due: {half: {year: 2020, half: 1}}`")
        );
        assert_eq!(
            parse_in("6 tháng đầu năm", Some(2020)),
            Ok(Due::Half {
                year: 2020,
                half: 1
            })
        );
    }

    #[test]
    fn the_end_of_the_year_needs_a_year() {
        let err = parse("cuối năm").unwrap_err();
        assert!(err.reason.english().contains("names no year"), "{err:?}");
        assert!(err.hint.unwrap().english().contains("\"cuối năm 2020\""));
        assert_eq!(parse_in("cuối năm", Some(2020)), Ok(Due::Year(2020)));
        assert_eq!(parse_in("cuối năm 2021", Some(2020)), Ok(Due::Year(2021)));
    }

    #[test]
    fn continuous_is_ongoing_without_a_year() {
        assert_eq!(reads("thường xuyên"), Due::Ongoing);
        assert_eq!(reads("Thường xuyên, liên tục"), Due::Ongoing);
        assert_eq!(reads("từ năm 2013"), Due::FromYear(2013));
    }

    #[test]
    fn before_a_period_is_refused() {
        let why = refused("trước năm 2025");
        assert!(why.contains("ambiguous"), "{why}");
        assert!(parse("trước Quý III năm 2020").is_err());
    }

    #[test]
    fn vague_wordings_are_unreadable() {
        for wording in [
            "",
            "kịp thời",
            "cuối kỳ",
            "khi được ban hành",
            "sau khi được cấp có thẩm quyền phê duyệt",
            "gắn với việc đánh giá kết quả công tác hằng năm",
            "before 15/12",
        ] {
            assert!(parse(wording).is_err(), "{wording:?} should be unreadable");
        }
    }
}
