//! The words a deadline's wording is made of, as the parser of
//! [`super::wording`] sees them: folded text split into tokens, the tables of
//! words that may stand before a date or a period, and the readers of day,
//! month and year numbers. Kept apart from the grammar so that a new
//! preposition is a line in a table here, not a new rule there.

/// "hằng năm" / "hàng năm" (every year), folded.
pub(super) const YEARLY: &[&str] = &["hang", "nam"];

/// Words that may stand before a date: by, at the latest, until, on.
pub(super) const BY_DAY: &[&[&str]] = &[&["cham", "nhat"], &["truoc"], &["den"], &["vao"]];

/// Words that may stand before a month, quarter or year and mean "by its end"
/// or "during it". "trước" is not one: before a period is ambiguous.
pub(super) const DURING: &[&[&str]] = &[
    &["tu", "nay", "den", "het"],
    &["tu", "nay", "den"],
    &["den", "het"],
    &["den"],
    &["het"],
    &["cuoi"],
    &["trong"],
    &["vao"],
];

/// Words of the folded text, with `/` and dashes as tokens of their own so
/// that "15/01/2020", "Quý III/2020" and "2014 - 2015" split the same way.
pub(super) fn tokens(folded: &str) -> Vec<&str> {
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

pub(super) fn strip_front<'t, 's>(t: &'t [&'s str], prefix: &[&'s str]) -> (bool, &'t [&'s str]) {
    match t.strip_prefix(prefix) {
        Some(rest) => (true, rest),
        None => (false, t),
    }
}

pub(super) fn strip_back<'t, 's>(t: &'t [&'s str], suffix: &[&'s str]) -> (bool, &'t [&'s str]) {
    match t.strip_suffix(suffix) {
        Some(rest) => (true, rest),
        None => (false, t),
    }
}

/// Strips the first of `preps` that starts `t` (list longer phrases first).
pub(super) fn strip_any<'t, 's>(t: &'t [&'s str], preps: &[&[&'s str]]) -> &'t [&'s str] {
    preps.iter().find_map(|p| t.strip_prefix(*p)).unwrap_or(t)
}

/// A day, month, quarter or cycle: one or two ASCII digits ("01" is 1).
pub(super) fn small(token: &str) -> Option<u8> {
    if !(1..=2).contains(&token.len()) {
        return None;
    }
    token
        .bytes()
        .try_fold(0u8, |n, b| b.is_ascii_digit().then(|| n * 10 + (b - b'0')))
}

/// A year: exactly four ASCII digits, not starting with 0.
pub(super) fn year_number(token: &str) -> Option<u16> {
    let bytes = token.as_bytes();
    if bytes.len() != 4 || bytes[0] == b'0' || !bytes.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(bytes.iter().fold(0u16, |n, b| n * 10 + u16::from(b - b'0')))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_spans_split_alike_however_spaced() {
        assert_eq!(tokens("quy iii/2020"), ["quy", "iii", "/", "2020"]);
        assert_eq!(tokens("2014 – 2015"), ["2014", "-", "2015"]);
        assert_eq!(tokens("15/01/2020."), ["15", "/", "01", "/", "2020"]);
    }

    #[test]
    fn numbers_are_read_only_in_their_own_shapes() {
        assert_eq!(small("01"), Some(1));
        assert_eq!(small("123"), None);
        assert_eq!(small("1a"), None);
        assert_eq!(year_number("2020"), Some(2020));
        assert_eq!(year_number("0202"), None);
        assert_eq!(year_number("20"), None);
    }
}
