//! Numbers, dates and periods as each language writes them: a Vietnamese
//! reader expects 30/11/2026, 99,5% and "Quý III/2026". Messages and labels
//! use them in every format, JSON's text fields included; JSON's data
//! fields keep numbers as numbers and dates in ISO form.

use super::Lang;
use crate::date::CivilDate;

/// A figure as `lang` writes it: "99,5" and "1.234" in Vietnamese, "99.5"
/// and "1,234" in English. At most two decimals, trailing zeros dropped.
pub fn number(value: f64, lang: Lang) -> String {
    number_with(value, 2, lang)
}

/// [`number`] with at most `decimals` decimals.
pub fn number_with(value: f64, decimals: u32, lang: Lang) -> String {
    // Beyond what any plan counts, the digits say nothing: written as Rust does.
    if !value.is_finite() || value.abs() >= 1e15 {
        return format!("{value:e}");
    }
    let scale = 10f64.powi(i32::try_from(decimals).unwrap_or(2));
    let rounded = (value * scale).round() / scale;
    let text = format!("{:.*}", decimals as usize, rounded.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let fraction = fraction.trim_end_matches('0');
    let (group, decimal) = match lang {
        Lang::Vi => ('.', ','),
        Lang::En => (',', '.'),
    };
    let mut out = String::with_capacity(text.len() + 4);
    if rounded < 0.0 {
        out.push('-');
    }
    // Years and small counts stay as written: 2025, not 2.025.
    if whole.len() > 4 {
        for (i, digit) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i) % 3 == 0 {
                out.push(group);
            }
            out.push(digit);
        }
    } else {
        out.push_str(whole);
    }
    if !fraction.is_empty() {
        out.push(decimal);
        out.push_str(fraction);
    }
    out
}

/// A date as `lang` writes it: 30/11/2026 in Vietnamese, 2026-11-30 in English.
pub fn date(date: CivilDate, lang: Lang) -> String {
    match lang {
        Lang::Vi => {
            let iso = date.to_string();
            let mut parts = iso.splitn(3, '-');
            match (parts.next(), parts.next(), parts.next()) {
                (Some(y), Some(m), Some(d)) => format!("{d}/{m}/{y}"),
                _ => iso,
            }
        }
        Lang::En => date.to_string(),
    }
}

/// An occurrence's key ("2026", "2026-H1", "2026-Q3", "2026-06",
/// "2026-06-30") as `lang` writes the period: "6 tháng đầu năm 2026",
/// "Quý III/2026", "tháng 6/2026" in Vietnamese. Anything else as it is.
pub fn period(key: &str, lang: Lang) -> String {
    if let Ok(day) = CivilDate::parse_iso(key) {
        return date(day, lang);
    }
    let Some((year, part)) = key.split_once('-') else {
        return key.to_owned();
    };
    if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
        return key.to_owned();
    }
    let vi = lang == Lang::Vi;
    match part.to_ascii_uppercase().as_str() {
        "H1" if vi => format!("6 tháng đầu năm {year}"),
        "H2" if vi => format!("6 tháng cuối năm {year}"),
        "H1" | "H2" => format!("{} {year}", part.to_ascii_uppercase()),
        "Q1" | "Q2" | "Q3" | "Q4" => {
            let quarter = &part[1..];
            if vi {
                let roman = ["I", "II", "III", "IV"][usize::from(quarter.as_bytes()[0] - b'1')];
                format!("Quý {roman}/{year}")
            } else {
                format!("Q{quarter} {year}")
            }
        }
        month if month.len() == 2 && month.bytes().all(|b| b.is_ascii_digit()) => {
            let number = month.trim_start_matches('0');
            if vi {
                format!("tháng {number}/{year}")
            } else {
                format!("{year}-{month}")
            }
        }
        _ => key.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_follow_the_language() {
        assert_eq!(number(99.5, Lang::Vi), "99,5");
        assert_eq!(number(99.5, Lang::En), "99.5");
        assert_eq!(number(96.0, Lang::Vi), "96");
        assert_eq!(number(2025.0, Lang::Vi), "2025");
        assert_eq!(number(12_345.25, Lang::Vi), "12.345,25");
        assert_eq!(number(12_345.25, Lang::En), "12,345.25");
        assert_eq!(number(-3.456, Lang::Vi), "-3,46");
        assert_eq!(number(0.004, Lang::En), "0");
        assert_eq!(number_with(99.996, 3, Lang::Vi), "99,996");
        assert_eq!(number(1e308, Lang::En), "1e308");
    }

    #[test]
    fn dates_and_periods_follow_the_language() {
        let day = CivilDate::parse_iso("2026-11-30").unwrap();
        assert_eq!(date(day, Lang::Vi), "30/11/2026");
        assert_eq!(date(day, Lang::En), "2026-11-30");
        assert_eq!(period("2026-Q3", Lang::Vi), "Quý III/2026");
        assert_eq!(period("2026-q4", Lang::En), "Q4 2026");
        assert_eq!(period("2026-H1", Lang::Vi), "6 tháng đầu năm 2026");
        assert_eq!(period("2026-H2", Lang::Vi), "6 tháng cuối năm 2026");
        assert_eq!(period("2026-06", Lang::Vi), "tháng 6/2026");
        assert_eq!(period("2026-06-30", Lang::Vi), "30/06/2026");
        assert_eq!(period("2026", Lang::Vi), "2026");
        assert_eq!(period("2026-Q9", Lang::Vi), "2026-Q9");
    }
}
