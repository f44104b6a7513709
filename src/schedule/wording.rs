//! Reads a deadline as Vietnamese plans word it ("trong Quý III năm 2020",
//! "trước 15/01/2020", "trước ngày 20 tháng 12 hằng năm", "định kỳ 6 tháng")
//! into its normal form.
//!
//! The whole wording has to be understood: a phrase with words the grammar
//! does not know is unreadable rather than half-read, so "hàng năm và từng
//! giai đoạn" is not taken for "hàng năm", and "trước năm 2025" (before the
//! year starts, or by its end?) is refused instead of guessed. Numeric dates
//! are day/month/year, always: Vietnamese has no month-first order to guess.

use crate::date::CivilDate;
use crate::model::{DayOfYear, Due};
use crate::text::fold;
use crate::tr;

/// Why a wording could not be read, in words a plan's author can act on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{reason}")]
pub struct Unreadable {
    pub reason: String,
    /// What to write instead, where the reason calls for more than the
    /// usual `due`.
    pub hint: Option<String>,
}

fn unreadable(reason: impl Into<String>) -> Unreadable {
    Unreadable {
        reason: reason.into(),
        hint: None,
    }
}

impl Unreadable {
    fn hint(mut self, hint: String) -> Self {
        self.hint = Some(hint);
        self
    }
}

type Read = Result<Due, Unreadable>;

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
        return Err(unreadable(tr!(
            "\"đầu năm học\" (the start of the school year) names no day: the school year starts in September, but the text does not say how far into it the deadline falls",
            "\"đầu năm học\" không nêu ngày: năm học bắt đầu vào tháng 9, nhưng văn bản không nói thời hạn là bao lâu sau khi năm học bắt đầu"
        ))
        .hint(tr!(
            "if it means by the end of September each year, write `due: {{yearly: {{month: 9, day: 30}}}}`",
            "nếu hạn là cuối tháng 9 hằng năm, ghi `due: {{yearly: {{month: 9, day: 30}}}}`"
        )));
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
        return Err(unreadable(tr!(
            "\"hằng năm\" here qualifies the budget (\"ngân sách hằng năm\", \"kinh phí hằng năm\"): a yearly budget is not a deadline",
            "\"hằng năm\" ở đây bổ nghĩa cho ngân sách (\"ngân sách hằng năm\", \"kinh phí hằng năm\"): ngân sách hằng năm không phải là thời hạn"
        ))
        .hint(tr!(
            "if the task has no deadline of its own, leave `deadline` out",
            "nếu nhiệm vụ không có thời hạn riêng, bỏ trường `deadline`"
        )));
    }
    if let Some(months) = cycle(t, periodic, yearly)? {
        return Ok(Due::EveryMonths { months, from: None });
    }
    if let Some(days) = days_of_year(t)? {
        let first = days[0];
        return if yearly {
            Ok(Due::Yearly {
                month: first.month,
                day: first.day,
                also: days[1..].to_vec(),
                from: None,
            })
        } else if periodic {
            Err(unreadable(tr!(
                "\"định kỳ\" with a day but no cycle: add \"hằng năm\" if it is every year",
                "\"định kỳ\" có ngày nhưng không có chu kỳ: thêm \"hằng năm\" nếu là hằng năm"
            )))
        } else {
            let what = match first.day {
                Some(day) => format!("{day}/{}", first.month),
                None => tr!("month {}", "tháng {}", first.month),
            };
            Err(unreadable(tr!(
                "{what} has no year: add the year, or \"hằng năm\" if it is every year",
                "{what} không có năm: thêm năm, hoặc thêm \"hằng năm\" nếu là hằng năm"
            )))
        };
    }
    if yearly || periodic {
        return Err(unreadable(tr!(
            "a recurring deadline xhht does not read; it knows \"hằng năm\", \
             \"trước ngày D tháng M hằng năm\" and \"định kỳ N tháng\"",
            "thời hạn định kỳ mà xhht không đọc được; xhht đọc được \"hằng năm\", \
             \"trước ngày D tháng M hằng năm\" và \"định kỳ N tháng\""
        )));
    }
    one_off(t, year)
}

const YEARLY: &[&str] = &["hang", "nam"];

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

/// Words of the folded text, with `/` and dashes as tokens of their own so
/// that "15/01/2020", "Quý III/2020" and "2014 - 2015" split the same way.
fn tokens(folded: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in folded.char_indices() {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            out.push(&folded[s..i]);
        }
        match c {
            '/' => out.push("/"),
            '-' | '‐' | '–' | '—' => out.push("-"),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(&folded[s..]);
    }
    out
}

fn strip_front<'t, 's>(t: &'t [&'s str], prefix: &[&'s str]) -> (bool, &'t [&'s str]) {
    match t.strip_prefix(prefix) {
        Some(rest) => (true, rest),
        None => (false, t),
    }
}

fn strip_back<'t, 's>(t: &'t [&'s str], suffix: &[&'s str]) -> (bool, &'t [&'s str]) {
    match t.strip_suffix(suffix) {
        Some(rest) => (true, rest),
        None => (false, t),
    }
}

/// Strips the first of `preps` that starts `t` (list longer phrases first).
fn strip_any<'t, 's>(t: &'t [&'s str], preps: &[&[&'s str]]) -> &'t [&'s str] {
    preps.iter().find_map(|p| t.strip_prefix(*p)).unwrap_or(t)
}

/// Words that may stand before a date: by, at the latest, until, on.
const BY_DAY: &[&[&str]] = &[&["cham", "nhat"], &["truoc"], &["den"], &["vao"]];

/// Words that may stand before a month, quarter or year and mean "by its end"
/// or "during it". "trước" is not one: before a period is ambiguous.
const DURING: &[&[&str]] = &[
    &["tu", "nay", "den", "het"],
    &["tu", "nay", "den"],
    &["den", "het"],
    &["den"],
    &["het"],
    &["cuoi"],
    &["trong"],
    &["vao"],
];

fn cycle(t: &[&str], periodic: bool, yearly: bool) -> Result<Option<u8>, Unreadable> {
    let months = match t {
        [] if yearly => "12",
        [] if periodic => {
            return Err(unreadable(tr!(
                "\"định kỳ\" alone does not say how often: add the cycle, e.g. \"định kỳ 6 tháng\"",
                "chỉ ghi \"định kỳ\" thì không rõ bao lâu một lần: thêm chu kỳ, ví dụ \"định kỳ 6 tháng\""
            )));
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
        Some(n @ 1..=12) => Err(unreadable(tr!(
            "every {n} months and every year: a {n}-month cycle does not end with the year, so the yearly report is not one of its reports",
            "{n} tháng một lần và hằng năm: chu kỳ {n} tháng không kết thúc cùng năm, nên báo cáo năm không trùng với một kỳ báo cáo nào"
        ))),
        _ => Err(unreadable(tr!(
            "every {months} months is not a cycle of 1 to 12 months",
            "{months} tháng một lần không phải là chu kỳ từ 1 đến 12 tháng"
        ))),
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
            [d, "thang", m] | [d, "/", m] => (Some(*d), *m),
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
        let exists = CivilDate::new(2024, month as i8, day.unwrap_or(1) as i8).is_some();
        if !exists {
            return Err(unreadable(match day {
                Some(day) => tr!(
                    "{day}/{month} is not a day of the year",
                    "{day}/{month} không phải là một ngày trong năm"
                ),
                None => tr!("month {month} does not exist", "không có tháng {month}"),
            }));
        }
        days.push(DayOfYear { month, day });
    }
    Ok(Some(days))
}

fn before_a_period() -> Unreadable {
    unreadable(tr!(
        "\"trước\" a year, quarter or month is ambiguous (before it starts, or by its end?); \
         give the date, or write \"trong\" or \"đến hết\"",
        "\"trước\" một năm, quý hoặc tháng là không rõ nghĩa (trước khi bắt đầu hay trước khi kết thúc?); \
         ghi rõ ngày, hoặc dùng \"trong\" hay \"đến hết\""
    ))
}

/// `year` is the one a wording without a year stands for ([`parse_in`]).
fn one_off(t: &[&str], year: Option<u16>) -> Read {
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
    Err(unreadable(tr!(
        "no date, month, quarter, year or cycle that xhht reads",
        "không có ngày, tháng, quý, năm hoặc chu kỳ nào mà xhht đọc được"
    )))
}

/// A period named without its year, when the plan gives none either.
fn no_year(example: &str) -> Unreadable {
    unreadable(tr!(
        "it names no year, and the plan's period is not a single year to take it from",
        "cách ghi không nêu năm, và thời kỳ của kế hoạch không chỉ có một năm để suy ra năm"
    ))
    .hint(tr!(
        "add the year, e.g. {example}",
        "bổ sung năm, ví dụ {example}"
    ))
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
        ["quy", q, "nam", y] | ["quy", q, "/", y] => (*q, year_number(y)?),
        _ => return None,
    };
    let quarter = match q {
        "i" | "1" => 1,
        "ii" | "2" => 2,
        "iii" | "3" => 3,
        "iv" | "4" => 4,
        other => {
            return Some(Err(unreadable(tr!(
                "quarter `{other}` does not exist (Quý I to IV)",
                "không có quý `{other}` (chỉ có Quý I đến IV)"
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
        CivilDate::new(year as i16, month as i8, day as i8)
            .map(Due::Date)
            .ok_or_else(|| {
                unreadable(tr!(
                    "{d}/{m}/{y} is not a date",
                    "{d}/{m}/{y} không phải là một ngày hợp lệ"
                ))
            }),
    )
}

fn month(t: &[&str]) -> Option<Read> {
    let (m, y) = match strip_any(t, DURING) {
        ["thang", m, "nam", y] | ["thang", m, "/", y] => (small(m)?, year_number(y)?),
        _ => return None,
    };
    Some(if (1..=12).contains(&m) {
        Ok(Due::Month { year: y, month: m })
    } else {
        Err(unreadable(tr!(
            "month {m} does not exist",
            "không có tháng {m}"
        )))
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
                Err(unreadable(tr!(
                    "the years {first}-{last} run backwards",
                    "các năm {first}-{last} bị ghi ngược thứ tự"
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

/// A day, month, quarter or cycle: one or two ASCII digits ("01" is 1).
fn small(token: &str) -> Option<u8> {
    if !(1..=2).contains(&token.len()) {
        return None;
    }
    token
        .bytes()
        .try_fold(0u8, |n, b| b.is_ascii_digit().then(|| n * 10 + (b - b'0')))
}

/// A year: exactly four ASCII digits, not starting with 0.
fn year_number(token: &str) -> Option<u16> {
    let bytes = token.as_bytes();
    if bytes.len() != 4 || bytes[0] == b'0' || !bytes.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(bytes.iter().fold(0u16, |n, b| n * 10 + u16::from(b - b'0')))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use unicode_normalization::UnicodeNormalization;

    fn reads(wording: &str) -> Due {
        parse(wording).unwrap_or_else(|e| panic!("{wording:?}: {e}"))
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
        assert!(
            parse("Quý 5/2020")
                .unwrap_err()
                .reason
                .contains("Quý I to IV")
        );
    }

    #[test]
    fn dates_are_day_month_year() {
        assert_eq!(reads("trước 15/01/2020"), date(2020, 1, 15));
        assert_eq!(reads("trước 5/1/2020"), date(2020, 1, 5));
        assert_eq!(reads("trước ngày 05 tháng 01 năm 2020"), date(2020, 1, 5));
        assert_eq!(reads("chậm nhất ngày 15/1/2020."), date(2020, 1, 15));
        // 12/01 is 12 January, never 1 December.
        assert_eq!(reads("trước 12/01/2020"), date(2020, 1, 12));
        let err = parse("trước 01/13/2020").unwrap_err();
        assert!(err.reason.contains("01/13/2020 is not a date"), "{err}");
        assert!(parse("trước 31/02/2020").is_err());
        assert!(parse("trước 2020/01/15").is_err());
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
        assert!(err.reason.contains("has no year"), "{err}");
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
        assert!(err.reason.contains("5 months"), "{err}");
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
                err.reason.contains("qualifies the budget"),
                "{wording}: {err}"
            );
            assert!(
                err.hint
                    .as_deref()
                    .is_some_and(|h| h.contains("leave `deadline` out")),
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
        assert!(
            parse("tháng 13 hằng năm")
                .unwrap_err()
                .reason
                .contains("month 13")
        );
        assert!(
            parse("trước tháng 10 hằng năm")
                .unwrap_err()
                .reason
                .contains("ambiguous")
        );
        assert!(
            parse("tháng 10")
                .unwrap_err()
                .reason
                .contains("month 10 has no year")
        );
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
        assert!(
            parse("trước ngày 30/6 và 31/12")
                .unwrap_err()
                .reason
                .contains("30/6 has no year")
        );
        assert!(parse("trước ngày 30/6 và 31/13 hằng năm").is_err());
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
        assert!(err.reason.contains("names no year"), "{err}");
        assert!(
            err.hint
                .unwrap()
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
        assert!(err.reason.contains("names no year"), "{err}");
        assert!(err.hint.unwrap().contains("\"cuối năm 2020\""));
        assert_eq!(parse_in("cuối năm", Some(2020)), Ok(Due::Year(2020)));
        assert_eq!(parse_in("cuối năm 2021", Some(2020)), Ok(Due::Year(2021)));
    }

    /// Documented choice: refused, not guessed. The school year starts in
    /// September, but "đầu năm học" says nothing of how early in it.
    #[test]
    fn the_start_of_the_school_year_is_refused_with_a_reason() {
        for wording in [
            "đầu năm học",
            "vào đầu năm học 2021-2022",
            "hằng năm, đầu năm học",
        ] {
            let err = parse(wording).unwrap_err();
            assert!(
                err.reason.contains("starts in September"),
                "{wording}: {err}"
            );
            assert!(
                err.hint
                    .unwrap()
                    .contains("`due: {yearly: {month: 9, day: 30}}`")
            );
        }
    }

    #[test]
    fn continuous_is_ongoing_without_a_year() {
        assert_eq!(reads("thường xuyên"), Due::Ongoing);
        assert_eq!(reads("Thường xuyên, liên tục"), Due::Ongoing);
        assert_eq!(reads("từ năm 2013"), Due::FromYear(2013));
    }

    #[test]
    fn before_a_period_is_refused() {
        let err = parse("trước năm 2025").unwrap_err();
        assert!(err.reason.contains("ambiguous"), "{err}");
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
