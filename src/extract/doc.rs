//! A document as numbered lines, each with the section it sits in. Plans
//! number their parts "I.", "1.", "1.1.", "a)" and list items with "-" or
//! "+"; a line's section is the chain of those numbers above it ("V.1",
//! "II.2.a"), the way the bundled plans cite a section.

use crate::text::fold;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// 1-based, in the document as read.
    pub no: usize,
    /// The line without its list marker or number, trimmed.
    pub text: String,
    /// The line's own marker, if it has one.
    pub marker: Marker,
    /// E.g. "II.1.a"; empty before the first numbered part.
    pub section: String,
    /// The numbered lines above this one, outermost first (their text).
    pub headings: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Marker {
    None,
    /// "-", "+", "•": an item of a list.
    Bullet,
    /// "I.", "1.", "1.2.", "a)" with the rank it has in the outline (0 is Roman).
    Number {
        rank: usize,
        label: String,
    },
}

pub struct Doc {
    pub lines: Vec<Line>,
}

impl Doc {
    /// Splits `text` into its non-blank lines. Table cells written as
    /// "… |" (text copied from a web page) lose their bars.
    pub fn parse(text: &str) -> Self {
        let mut lines = Vec::new();
        let mut open: Vec<(usize, String, String)> = Vec::new();
        let mut open_sentence = false;
        for (i, raw) in text.lines().enumerate() {
            let cleaned = raw.trim().trim_end_matches('|').trim();
            if cleaned.is_empty() || cleaned.chars().all(|c| matches!(c, '|' | '-')) {
                continue;
            }
            let (marker, rest) = marker(cleaned);
            // A paragraph broken in the middle of a sentence (text copied
            // from a PDF or a web page) goes on in lower case: one line.
            let left_open = std::mem::replace(&mut open_sentence, !ends_sentence(raw));
            if let Some(last) = lines.last_mut()
                && left_open
                && continues(last, &marker, rest)
            {
                last.text.push(' ');
                last.text.push_str(rest);
                continue;
            }
            if let Marker::Number { rank, label } = &marker {
                open.retain(|(r, _, _)| r < rank);
                open.push((*rank, label.clone(), rest.to_owned()));
            }
            lines.push(Line {
                no: i + 1,
                text: rest.to_owned(),
                marker,
                section: open
                    .iter()
                    .map(|(_, l, _)| l.as_str())
                    .collect::<Vec<_>>()
                    .join("."),
                headings: open.iter().map(|(_, _, t)| t.clone()).collect(),
            });
        }
        Self { lines }
    }
}

/// Whether `rest`, a line with `marker`, goes on with the sentence `last`
/// left open: no marker of its own, a lower-case start, and no stop at the
/// end of a line that is no heading.
fn continues(last: &Line, marker: &Marker, rest: &str) -> bool {
    *marker == Marker::None
        && !matches!(last.marker, Marker::Number { .. })
        && rest.chars().next().is_some_and(char::is_lowercase)
}

/// A line ending with a stop, or a table cell's bar, closes its sentence.
fn ends_sentence(raw: &str) -> bool {
    raw.trim_end()
        .ends_with(['.', ';', ':', '!', '?', '”', '"', ')', '|'])
}

const ROMAN: &[&str] = &[
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
];

/// The line's marker and the text after it. Ranks: Roman 0, "1." 1,
/// "1.1." 2, "a)" 3.
pub(super) fn marker(line: &str) -> (Marker, &str) {
    for bullet in ["- ", "+ ", "• ", "– ", "* "] {
        if let Some(rest) = line.strip_prefix(bullet) {
            return (Marker::Bullet, rest.trim_start());
        }
    }
    let Some((head, rest)) = line.split_once(char::is_whitespace) else {
        return (Marker::None, line);
    };
    let rest = rest.trim_start();
    let number = |rank: usize, label: &str| Marker::Number {
        rank,
        label: label.to_owned(),
    };
    if let Some(roman) = head.strip_suffix('.')
        && ROMAN.contains(&roman)
    {
        return (number(0, roman), rest);
    }
    let digits = head.trim_end_matches('.');
    let parts: Vec<&str> = digits.split('.').collect();
    let numeric = |p: &&str| !p.is_empty() && p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit());
    if (head.ends_with('.') || parts.len() > 1) && parts.iter().all(numeric) && parts.len() <= 3 {
        return (
            number(parts.len(), parts.last().copied().unwrap_or("")),
            rest,
        );
    }
    if let Some(letter) = head.strip_suffix(')')
        && letter.chars().count() == 1
        && letter.chars().all(char::is_lowercase)
    {
        return (number(3, letter), rest);
    }
    (Marker::None, line)
}

/// Whether the folded text holds the words, as whole words.
pub fn has_words(folded: &str, words: &str) -> bool {
    folded
        .match_indices(words)
        .any(|(at, _)| boundary(folded, at) && boundary(folded, at + words.len()))
}

/// Whether `at` falls between words of `text`.
pub fn boundary(text: &str, at: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at..].chars().next();
    before.is_none_or(|c| !c.is_alphanumeric()) || after.is_none_or(|c| !c.is_alphanumeric())
}

/// The folded line, for matching words.
pub fn folded(line: &Line) -> String {
    fold(&line.text)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_paragraph_broken_mid_sentence_is_one_line() {
        let doc = Doc::parse(
            "- Hội Khuyến học vận động các gia đình\n\n\nđăng ký danh hiệu gia đình học tập.\n\
             a) Mục tiêu đến năm 2030\n\
             tiếp tục như trên;\n\
             xã Thử |\nvà bảng",
        );
        let texts: Vec<(usize, &str)> = doc.lines.iter().map(|l| (l.no, l.text.as_str())).collect();
        assert_eq!(
            texts,
            [
                (
                    1,
                    "Hội Khuyến học vận động các gia đình đăng ký danh hiệu gia đình học tập."
                ),
                (5, "Mục tiêu đến năm 2030"),
                (6, "tiếp tục như trên;"),
                (7, "xã Thử"),
                (8, "và bảng"),
            ],
            "a heading, a stop or a table cell's bar ends the line"
        );
    }

    use super::*;

    #[test]
    fn sections_follow_the_outline() {
        let doc = Doc::parse(
            "KẾ HOẠCH\n\nII. MỤC TIÊU\n1. Xóa mù chữ\n- Trên 99% biết chữ.\n2. Tin học\na) Đến năm 2025\n+ 50% có bậc 2 |\nIII. NHIỆM VỤ\n- Một việc",
        );
        let got: Vec<(usize, &str, &str)> = doc
            .lines
            .iter()
            .map(|l| (l.no, l.section.as_str(), l.text.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                (1, "", "KẾ HOẠCH"),
                (3, "II", "MỤC TIÊU"),
                (4, "II.1", "Xóa mù chữ"),
                (5, "II.1", "Trên 99% biết chữ."),
                (6, "II.2", "Tin học"),
                (7, "II.2.a", "Đến năm 2025"),
                (8, "II.2.a", "50% có bậc 2"),
                (9, "III", "NHIỆM VỤ"),
                (10, "III", "Một việc"),
            ]
        );
        assert_eq!(
            doc.lines[6].headings,
            ["MỤC TIÊU", "Tin học", "Đến năm 2025"]
        );
    }

    #[test]
    fn numbers_that_are_not_markers_stay_text() {
        let doc = Doc::parse("2020. Năm tốt\n99,5% người\n3.1. Trung tâm");
        assert_eq!(doc.lines[0].marker, Marker::None);
        assert_eq!(doc.lines[1].marker, Marker::None);
        assert_eq!(doc.lines[2].section, "1");
    }
}
