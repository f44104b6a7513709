//! Figures in a sentence of a plan: "99,5%", "trên 95%", "ít nhất 30%",
//! "95% trở lên", "từ 30% - 50%", "30-50%", each with where it stands.

use crate::model::TargetValue;
use crate::text::fold;

#[derive(Debug, Clone, PartialEq)]
pub(super) struct Figure {
    /// Where the figure's words start (its qualifier: "trên", "từ") and end.
    pub start: usize,
    pub end: usize,
    pub value: TargetValue,
}

/// Every percentage in `text`, left to right; a range is one figure.
pub(super) fn percentages(text: &str) -> Vec<Figure> {
    let mut found: Vec<Figure> = Vec::new();
    for (percent, _) in text.match_indices('%') {
        let Some((start, value)) = number_before(text, percent) else {
            continue;
        };
        let end = percent + 1;
        // "30% - 50%", "từ 30% đến 50%": the figure before is the range's floor.
        if let Some(last) = found.last()
            && let TargetValue::Point(min) = last.value
            && joins_range(&text[last.end..start])
        {
            let last = found.pop().unwrap_or_else(|| unreachable!());
            found.push(Figure {
                start: qualified_start(text, last.start),
                end,
                value: TargetValue::Range { min, max: value },
            });
            continue;
        }
        // "30-50%", "30 - 50%": a bare number before.
        let before = &text[..start];
        let trimmed = before.trim_end();
        if let Some(joined) = strip_range_word(trimmed)
            && let Some((min_start, min)) = number_before(joined, joined.trim_end().len())
        {
            let start = qualified_start(text, min_start);
            found.push(Figure {
                start,
                end,
                value: TargetValue::Range { min, max: value },
            });
            continue;
        }
        found.push(qualified(text, start, end, value));
    }
    found
}

/// A number ending at `end` (spaces allowed before `end`): its start and value.
/// "99,5" and "99.5" are 99.5; "1.000" is not a percentage anyone writes.
fn number_before(text: &str, end: usize) -> Option<(usize, f64)> {
    let body = text[..end].trim_end();
    let digits_start = body
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_digit() || *c == ',' || *c == '.')
        .last()
        .map(|(i, _)| i)?;
    let number = body[digits_start..].trim_matches([',', '.']);
    let lead = body.len() - body[digits_start..].trim_start_matches([',', '.']).len();
    let value: f64 = number.replace(',', ".").parse().ok()?;
    (value.is_finite() && crate::extract::doc::boundary(text, lead)).then_some((lead, value))
}

fn joins_range(between: &str) -> bool {
    matches!(fold(between.trim()).as_str(), "-" | "–" | "den" | "toi")
}

/// The text before a range's upper figure without its joining word, if it has one.
fn strip_range_word(before: &str) -> Option<&str> {
    for joint in ["-", "–", "đến", "tới"] {
        if let Some(rest) = before.strip_suffix(joint) {
            return Some(rest);
        }
    }
    None
}

/// Qualifiers before the figure and after it.
fn qualified(text: &str, start: usize, end: usize, value: f64) -> Figure {
    let before = fold(&text[..start]);
    let before = before.trim_end();
    let after = fold(&text[end..]);
    let (value, start) = if before.ends_with("tren") {
        (TargetValue::Above(value), back_over(text, start, 1))
    } else if ["it nhat", "toi thieu", "khong duoi"]
        .iter()
        .any(|q| before.ends_with(q))
    {
        (TargetValue::AtLeast(value), back_over(text, start, 2))
    } else if before.ends_with("khong it hon") {
        (TargetValue::AtLeast(value), back_over(text, start, 3))
    } else if after.trim_start().starts_with("tro len") {
        (TargetValue::AtLeast(value), start)
    } else {
        (TargetValue::Point(value), start)
    };
    Figure { start, end, value }
}

/// Where a range's words start: at "từ" when it is written.
fn qualified_start(text: &str, start: usize) -> usize {
    if fold(&text[..start]).trim_end().ends_with("tu") {
        back_over(text, start, 1)
    } else {
        start
    }
}

/// The start of the `words` words before `at`.
fn back_over(text: &str, at: usize, words: usize) -> usize {
    let mut at = at;
    for _ in 0..words {
        let trimmed = text[..at].trim_end();
        at = trimmed.rfind(char::is_whitespace).map_or(0, |i| {
            i + trimmed[i..].chars().next().map_or(1, char::len_utf8)
        });
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<(TargetValue, &str)> {
        percentages(text)
            .into_iter()
            .map(|f| (f.value, &text[f.start..f.end]))
            .collect()
    }

    #[test]
    fn points_decimals_and_bounds() {
        assert_eq!(
            values("Trên 99% người; trên 99,5% người từ 15 đến 35"),
            vec![
                (TargetValue::Above(99.0), "Trên 99%"),
                (TargetValue::Above(99.5), "trên 99,5%")
            ]
        );
        assert_eq!(
            values("ít nhất 30% xã và 95% trở lên"),
            vec![
                (TargetValue::AtLeast(30.0), "ít nhất 30%"),
                (TargetValue::AtLeast(95.0), "95%")
            ]
        );
        assert_eq!(values("đạt 96%"), vec![(TargetValue::Point(96.0), "96%")]);
    }

    #[test]
    fn ranges_in_three_spellings() {
        let range = TargetValue::Range {
            min: 30.0,
            max: 50.0,
        };
        assert_eq!(
            values("Từ 30% - 50% dòng họ"),
            vec![(range.clone(), "Từ 30% - 50%")]
        );
        assert_eq!(
            values("từ 30% đến 50% dòng họ"),
            vec![(range.clone(), "từ 30% đến 50%")]
        );
        assert_eq!(values("30-50% dòng họ"), vec![(range, "30-50%")]);
    }

    #[test]
    fn a_percent_sign_without_a_number_is_no_figure() {
        assert!(values("tỷ lệ % tăng").is_empty());
        assert!(values("a%").is_empty());
    }
}
