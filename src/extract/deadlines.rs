//! Deadline wordings in a task's line. Where a wording starts is told by
//! the words plans open one with ("trước", "trong", "Quý", "hằng năm",
//! "định kỳ", "từ", "vào", "cuối", …); where it ends, and what it means, is
//! left to the schedule's parser ([`crate::schedule::wording`]): the longest
//! run of words it reads is the wording. A few wordings the parser refuses
//! but that plainly set when a duty falls ("sau khi được cấp có thẩm quyền
//! ban hành", "định kỳ", "cuối kỳ") are kept too, for the author to settle.

use crate::schedule::wording::parse;
use crate::text::fold;

/// A wording found in a line, at `start..end` (bytes of the line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub wording: String,
}

/// The longest wording the parser is asked to read, in words.
const LONGEST: usize = 12;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum After {
    Space,
    Comma,
    /// No wording runs past: ";", ".", ":", a bracket or a quote.
    Stop,
}

impl Word {
    fn closes(&self) -> bool {
        self.after == After::Stop
    }
}

#[derive(Debug)]
struct Word {
    start: usize,
    end: usize,
    folded: String,
    /// The first word of a clause: after the line's start, ";", "." or ":".
    opens: bool,
    /// What follows the word.
    after: After,
    /// Inside quotation marks: the title of a programme, not a duty's date.
    quoted: bool,
}

/// Every deadline wording of `text`, left to right, none overlapping.
pub fn find(text: &str) -> Vec<Found> {
    let words = words(text);
    let mut found = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if let Some((last, wording)) = at(text, &words, i) {
            found.push(Found {
                start: words[i].start,
                end: words[last].end,
                wording,
            });
            i = last + 1;
        } else {
            i += 1;
        }
    }
    found
}

/// The wording that starts at word `i`, with the index of its last word.
fn at(text: &str, words: &[Word], i: usize) -> Option<(usize, String)> {
    let w = &words[i];
    if w.quoted {
        return None;
    }
    let next = words.get(i + 1).map_or("", |n| n.folded.as_str());
    let starts = match w.folded.as_str() {
        "truoc" | "quy" | "hang" | "dinh" | "tu" | "vao" | "cuoi" | "hoan" | "ke" | "6" => true,
        "trong" => matches!(next, "nam" | "quy" | "thang" | "6"),
        "cham" => next == "nhat",
        "den" => next == "het",
        "thang" => next.chars().all(|c| c.is_ascii_digit()),
        // A bare year or span opens its clause ("Năm 2025, …"); inside one
        // it names a programme's period or a target's horizon.
        "nam" | "giai" | "thuong" => w.opens,
        _ => false,
    };
    if let Some(refused) = refused_but_timed(text, words, i) {
        return Some(refused);
    }
    if !starts {
        return None;
    }
    let span = |last: usize| &text[w.start..words[last].end];
    let mut specific = None;
    for last in (i..words.len().min(i + LONGEST)).rev() {
        if words[i..last].iter().any(Word::closes) || words[last].quoted {
            continue;
        }
        let wording = span(last);
        match parse(wording) {
            Ok(_) if w.folded == "thuong" && !words[last].closes() && last + 1 < words.len() => {}
            Ok(_) if qualifies_budget(text, words, i, wording) => return None,
            Ok(_) => return Some((last, wording.to_owned())),
            Err(e) => {
                // "trước ngày 20 tháng 12" (no year): dated, for the author to settle.
                let dated = words[last].folded.chars().any(|c| c.is_ascii_digit())
                    && e.reason.id() != Some("schedule.wording.nothing-read");
                if dated && specific.is_none() {
                    specific = Some((last, wording.to_owned()));
                }
            }
        }
    }
    specific
}

/// "ngân sách hằng năm": the parser says whether the words before a
/// yearly wording make it the budget's, not the duty's.
fn qualifies_budget(text: &str, words: &[Word], i: usize, wording: &str) -> bool {
    let from = i.saturating_sub(2);
    let with_before = format!("{} {wording}", &text[words[from].start..words[i].start]);
    parse(&with_before).is_err_and(|e| e.reason.id() == Some("schedule.wording.budget"))
}

/// Wordings the parser refuses that still say when a duty falls: after an
/// approval ("sau khi được cấp có thẩm quyền ban hành", "khi được ban
/// hành", to the end of the clause), "định kỳ" with no cycle, "cuối kỳ",
/// "hằng năm và từng giai đoạn".
fn refused_but_timed(text: &str, words: &[Word], i: usize) -> Option<(usize, String)> {
    let key = |n: usize| words.get(i + n).map_or("", |w| w.folded.as_str());
    let fixed = |n: usize| {
        Some((
            i + n - 1,
            text[words[i].start..words[i + n - 1].end].to_owned(),
        ))
    };
    if matches!((key(0), key(1)), ("sau", "khi") | ("khi", "duoc")) {
        let last = (i..words.len().min(i + LONGEST)).find(|n| words[*n].after != After::Space);
        return last
            .or_else(|| (words.len() <= i + LONGEST).then_some(words.len() - 1))
            .and_then(|last| fixed(last - i + 1));
    }
    match (key(0), key(1), key(2), key(3), key(4), key(5)) {
        ("hang", "nam", "va", "tung", "giai", "doan") => fixed(6),
        ("theo", "dinh", "ky", ..) => fixed(3),
        ("cuoi", "ky", ..) => fixed(2),
        ("dinh", "ky", next, ..) if !starts_a_cycle(next) => fixed(2),
        _ => None,
    }
}

/// "định kỳ 6 tháng", "định kỳ hằng năm", "định kỳ trước ngày …": a cycle
/// or a day the parser goes on to read.
fn starts_a_cycle(next: &str) -> bool {
    next == "hang" || next == "truoc" || next.chars().all(|c| c.is_ascii_digit())
}

fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut quoted = false;
    let mut opens = true;
    for (start, piece) in pieces(text) {
        let opening = piece.starts_with(['“', '"', '(']);
        if piece.starts_with(['“', '"']) {
            quoted = true;
        }
        let core = piece.trim_matches(|c: char| !c.is_alphanumeric());
        if core.is_empty() {
            if piece.contains(['”', '"']) {
                quoted = false;
            }
            continue;
        }
        let lead = piece.find(core).unwrap_or(0);
        let tail = &piece[lead + core.len()..];
        out.push(Word {
            start: start + lead,
            end: start + lead + core.len(),
            folded: fold(core),
            opens,
            after: if tail.contains([';', '.', ':', '”', '"', '(', ')']) || opening {
                After::Stop
            } else if tail.contains(',') {
                After::Comma
            } else {
                After::Space
            },
            quoted,
        });
        opens = tail.contains([';', '.', ':']);
        if tail.contains(['”', '"']) {
            quoted = false;
        }
    }
    out
}

/// The text's whitespace-separated pieces with where each starts.
fn pieces(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_whitespace()
        .map(move |p| (p.as_ptr() as usize - text.as_ptr() as usize, p))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wordings(text: &str) -> Vec<String> {
        find(text).into_iter().map(|f| f.wording).collect()
    }

    #[test]
    fn the_parser_decides_where_a_wording_ends() {
        let cases: &[(&str, &[&str])] = &[
            (
                "định kỳ 6 tháng, hàng năm báo cáo tình hình thực hiện",
                &["định kỳ 6 tháng, hàng năm"],
            ),
            (
                "Tổ chức kiểm tra, giám sát và định kỳ trước ngày 01 tháng 12 hằng năm, gửi báo cáo",
                &["định kỳ trước ngày 01 tháng 12 hằng năm"],
            ),
            ("Tổ chức Tuần lễ học tập suốt đời hằng năm", &["hằng năm"]),
            (
                "Trong năm 2023, huyện Một triển khai làm điểm",
                &["Trong năm 2023"],
            ),
            (
                "hoàn thành trong Quý III năm 2021; tổng kết vào năm 2025",
                &["hoàn thành trong Quý III năm 2021", "vào năm 2025"],
            ),
            ("Năm 2024: hoàn thành thí điểm", &["Năm 2024"]),
            (
                "báo cáo Sở Giáo dục trước ngày 15 tháng 11",
                &["trước ngày 15 tháng 11"],
            ),
        ];
        for (text, wanted) in cases {
            assert_eq!(wordings(text), *wanted, "{text}");
        }
    }

    #[test]
    fn wordings_the_parser_refuses_but_that_set_a_time() {
        let cases: &[(&str, &[&str])] = &[
            (
                "tham mưu triển khai Đề án sau khi được cấp có thẩm quyền phê duyệt.",
                &["sau khi được cấp có thẩm quyền phê duyệt"],
            ),
            ("định kỳ báo cáo Ủy ban nhân dân", &["định kỳ"]),
            ("tổng hợp kết quả theo định kỳ.", &["theo định kỳ"]),
            (
                "sơ kết hằng năm và tổng kết cuối kỳ",
                &["hằng năm", "cuối kỳ"],
            ),
            (
                "thi đua hàng năm và từng giai đoạn",
                &["hàng năm và từng giai đoạn"],
            ),
        ];
        for (text, wanted) in cases {
            assert_eq!(wordings(text), *wanted, "{text}");
        }
    }

    #[test]
    fn what_is_not_a_deadline() {
        for text in [
            // A budget's year, a programme's period, a target's horizon.
            "căn cứ khả năng cân đối ngân sách hằng năm, bố trí kinh phí",
            "củng cố Ban Chỉ đạo xây dựng xã hội học tập giai đoạn 2021-2025",
            "phù hợp với chiến lược của địa phương đến năm 2030",
            "triển khai Đề án “Xây dựng xã hội học tập giai đoạn 2021-2030”",
            "Thường xuyên giám sát, hướng dẫn việc nhân rộng mô hình",
            "Tổ chức Tháng Khuyến học",
        ] {
            assert_eq!(wordings(text), Vec::<String>::new(), "{text}");
        }
        assert_eq!(wordings("Thời gian: thường xuyên."), ["thường xuyên"]);
    }
}
