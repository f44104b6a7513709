//! Tasks: the items under a plan's "Tổ chức thực hiện" (or "Nhiệm vụ",
//! "Trách nhiệm") that a body carries out, with who leads and who
//! coordinates as the text words it, whether the body is asked ("Đề nghị")
//! or told, and the deadline the item names.

use crate::i18n::Message;
use crate::model::{AgencyKind, Deadline, Function, Level, Mode, Task};
use crate::msg;
use crate::text::{Text, fold};

use super::agencies::{Agencies, Named, all_in, at_start};
use super::doc::{Doc, Line, Marker, has_words};
use super::targets::unique;

#[derive(Debug, Clone)]
pub struct Found {
    pub task: Task,
    pub line: usize,
    pub review: Vec<Message>,
}

/// The body (or bodies) the lines below a heading are addressed to.
struct Addressee {
    section: String,
    leads: Vec<String>,
    coordinates: Vec<String>,
    mode: Mode,
}

pub fn extract(doc: &Doc, level: Level, agencies: &mut Agencies) -> Vec<Found> {
    let mut found = Vec::new();
    let mut addressee: Option<Addressee> = None;
    for line in &doc.lines {
        if !in_tasks(line) {
            addressee = None;
            continue;
        }
        let (requested, text) = strip_request(&line.text);
        let named = listed(text, 0, level);
        let named_end = named.last().map_or(0, |n| n.end);
        let rest = text[named_end..].trim_start_matches([',', ' ', ':']);
        let only_names = !named.is_empty() && (rest.is_empty() || is_duty_phrase(rest));
        if only_names || (!named.is_empty() && text.ends_with(':')) {
            let ids = ids(&named, text, level, line.no, agencies);
            let (leads, coordinates) = roles(rest, ids, level, line.no, agencies);
            addressee = Some(Addressee {
                section: line.section.clone(),
                leads,
                coordinates,
                mode: if requested {
                    Mode::Requested
                } else {
                    Mode::Assigned
                },
            });
            continue;
        }
        if matches!(line.marker, Marker::Number { .. })
            && addressee
                .as_ref()
                .is_some_and(|a| !line.section.starts_with(&a.section) || line.section == a.section)
            && !named.is_empty()
        {
            addressee = None;
        }
        let owned = !named.is_empty() && !text.ends_with(':');
        let (leads, coordinates, mode, duty) = if owned {
            let ids = ids(&named, text, level, line.no, agencies);
            let (leads, coordinates) = roles(rest, ids, level, line.no, agencies);
            let mode = if requested {
                Mode::Requested
            } else {
                Mode::Assigned
            };
            (leads, coordinates, mode, rest)
        } else if let Some(to) = addressee
            .as_ref()
            .filter(|a| line.section.starts_with(&a.section))
        {
            let (leads, mut coordinates) = roles(text, to.leads.clone(), level, line.no, agencies);
            for c in &to.coordinates {
                if !coordinates.contains(c) && !leads.contains(c) {
                    coordinates.push(c.clone());
                }
            }
            let mode = if requested { Mode::Requested } else { to.mode };
            (leads, coordinates, mode, duty_of(text, level))
        } else {
            continue;
        };
        if leads.is_empty() || duty.trim().is_empty() {
            continue;
        }
        found.push(task(line, leads, coordinates, mode, duty));
    }
    let mut taken = Vec::new();
    for item in &mut found {
        let section = crate::init::slug(item.task.section.as_ref().map_or("", Text::as_str));
        let wanted = if section.is_empty() {
            "t".to_owned()
        } else {
            format!("t-{section}")
        };
        let n = taken
            .iter()
            .filter(|t: &&String| t.starts_with(&format!("{wanted}-")))
            .count();
        item.task.id = unique(&mut taken, format!("{wanted}-{}", n + 1));
    }
    found
}

fn task(
    line: &Line,
    leads: Vec<String>,
    coordinates: Vec<String>,
    mode: Mode,
    duty: &str,
) -> Found {
    let mut review = Vec::new();
    let deadline = deadline(&line.text).map(|wording| {
        let due = crate::schedule::wording::parse(&wording).ok();
        if due.is_none() {
            review.push(msg!(
                "extract.review.deadline-unread",
                wording = wording.as_str()
            ));
        }
        Deadline {
            wording: Text::new(&wording),
            due,
        }
    });
    Found {
        task: Task {
            id: String::new(),
            title: Text::new(&title(duty)),
            leads,
            coordinates,
            mode,
            deadline,
            function: function(&fold(&line.text)),
            carries_out: Vec::new(),
            in_force_from: None,
            verification: None,
            sources: Vec::new(),
            quote: Some(Text::new(&line.text)),
            section: (!line.section.is_empty()).then(|| Text::new(&line.section)),
            note: None,
        },
        line: line.no,
        review,
    }
}

/// Under a heading that hands out duties.
fn in_tasks(line: &Line) -> bool {
    let headings: Vec<String> = line.headings.iter().map(|h| fold(h)).collect();
    let duty = [
        "to chuc thuc hien",
        "trach nhiem",
        "nhiem vu",
        "giai phap",
        "phan cong",
    ];
    headings
        .iter()
        .any(|h| duty.iter().any(|w| has_words(h, w)))
        && !headings
            .iter()
            .any(|h| has_words(h, "muc tieu") || has_words(h, "kinh phi"))
}

fn strip_request(text: &str) -> (bool, &str) {
    let folded = fold(text);
    if folded.starts_with("de nghi ") {
        let rest = text.split_once(' ').map_or("", |(_, r)| r);
        let rest = rest.split_once(' ').map_or("", |(_, r)| r);
        (true, rest.trim_start())
    } else {
        (false, text)
    }
}

/// "có trách nhiệm", "thực hiện các nhiệm vụ sau": words after a body's
/// name that make the line a heading for the duties below it.
fn is_duty_phrase(rest: &str) -> bool {
    let folded = fold(rest);
    folded.split_whitespace().count() <= 6
        && (has_words(&folded, "trach nhiem") || has_words(&folded, "nhiem vu"))
}

/// The bodies listed from `at`: "Sở A, Sở B và các sở, ngành liên quan".
fn listed(text: &str, at: usize, level: Level) -> Vec<Named> {
    let mut found = Vec::new();
    let mut at = at;
    loop {
        let rest = &text[at..];
        let skipped = rest.len()
            - rest
                .trim_start_matches([',', ' ', ';'])
                .trim_start_matches("và ")
                .trim_start_matches("với ")
                .len();
        if !found.is_empty() || skipped > 0 {
            at += skipped;
        }
        let Some(named) = at_start(&text[at..], level) else {
            break;
        };
        found.push(Named {
            start: at,
            end: at + named.end,
            body: named.body,
        });
        at += named.end;
        if named.end == 0 {
            break;
        }
    }
    found
}

fn ids(
    named: &[Named],
    text: &str,
    level: Level,
    line: usize,
    agencies: &mut Agencies,
) -> Vec<String> {
    let mut ids = Vec::new();
    for n in named {
        let id = agencies.add(&text[n.start..n.end], n.body, level, line);
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    ids
}

/// Leads and coordinators for a duty of `owners`, from its first words:
/// "Chủ trì, phối hợp với B …" keeps the owners as leads and B as
/// coordinators; "Phối hợp với B …" makes B the lead and the owners
/// coordinators, unless B is a collective, which cannot lead.
fn roles(
    text: &str,
    owners: Vec<String>,
    level: Level,
    line: usize,
    agencies: &mut Agencies,
) -> (Vec<String>, Vec<String>) {
    let folded = fold(text);
    let lead_first = folded.starts_with("chu tri");
    let helps = folded.starts_with("phoi hop") || folded.starts_with("tham gia phoi hop");
    if !lead_first && !helps {
        return (owners, Vec::new());
    }
    let at = role_words_end(text);
    let named = listed(text, at, level);
    let others = ids(&named, text, level, line, agencies);
    let collective = |id: &String| {
        agencies
            .list
            .iter()
            .any(|a| &a.id == id && a.kind == AgencyKind::Collective)
    };
    if lead_first || others.iter().all(collective) {
        let others = others.into_iter().filter(|o| !owners.contains(o)).collect();
        return (owners, others);
    }
    let (collectives, leads): (Vec<String>, Vec<String>) = others.into_iter().partition(collective);
    let mut coordinates = owners;
    coordinates.extend(collectives);
    (leads, coordinates)
}

/// Where the role words end: after "Chủ trì, phối hợp (chặt chẽ) (với)".
fn role_words_end(text: &str) -> usize {
    let mut at = 0;
    for word in text.split_inclusive(' ') {
        let key = fold(word.trim_end_matches([' ', ',']));
        if matches!(
            key.as_str(),
            "chu" | "tri" | "phoi" | "hop" | "chat" | "che" | "voi" | "tham" | "gia"
        ) {
            at += word.len();
        } else {
            break;
        }
    }
    at
}

/// The duty itself, after the role words and the bodies they name.
fn duty_of(text: &str, level: Level) -> &str {
    let at = role_words_end(text);
    if at == 0 {
        return text;
    }
    let end = listed(text, at, level).last().map_or(at, |n| n.end);
    text[end..].trim_start_matches([',', ' '])
}

/// A title from the duty's first clause, at most about twenty words.
fn title(duty: &str) -> String {
    let first = duty
        .split([';', '.'])
        .next()
        .unwrap_or(duty)
        .trim()
        .trim_end_matches([',', ':']);
    let words: Vec<&str> = first.split_whitespace().take(24).collect();
    let text = words.join(" ");
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Deadline wordings in the order they are tried: longest first.
fn deadline(text: &str) -> Option<String> {
    let folded = Folded::new(text);
    let f = folded.text.as_str();
    let anchors = [
        "dinh ky truoc ngay ",
        "truoc ngay ",
        "truoc ",
        "hoan thanh trong quy ",
        "trong quy ",
        "quy ",
        "tu nay den het nam ",
        "den het nam ",
        "trong nam ",
        "vao nam ",
        "tu nam ",
        "dinh ky 6 thang",
        "dinh ky hang nam",
        "dinh ky hang quy",
    ];
    for anchor in anchors {
        for (at, _) in f.match_indices(anchor) {
            if !super::doc::boundary(f, at) {
                continue;
            }
            let whole = (!anchor.ends_with(' ')).then_some(at + anchor.len());
            if let Some(end) = phrase_end(f, at + anchor.len()).or(whole)
                && let Some(wording) = folded.original(text, at, end)
                && readable_or_specific(wording)
            {
                return Some(wording.to_owned());
            }
        }
    }
    // "Hằng năm, …" opening the item, or "hằng năm" with a report.
    let opening = ["hang nam", "hang quy"].iter().find(|w| f.starts_with(*w));
    if let Some(word) = opening {
        return folded.original(text, 0, word.len()).map(str::to_owned);
    }
    if has_words(f, "bao cao") {
        for word in ["dinh ky hang nam", "hang nam"] {
            if let Some((at, _)) = f
                .match_indices(word)
                .find(|(at, _)| super::doc::boundary(f, *at))
            {
                return folded
                    .original(text, at, at + word.len())
                    .map(str::to_owned);
            }
        }
    }
    None
}

/// Where a deadline phrase ends: through numbers, dates, quarters and the
/// words that go with them, up to the last figure or "hằng năm".
fn phrase_end(f: &str, from: usize) -> Option<usize> {
    let mut end = None;
    let mut at = from;
    for piece in f[from..].split_inclusive(' ') {
        let key = piece.trim_end().trim_end_matches([',', ';', '.', ')', ':']);
        let figure = key.chars().any(|c| c.is_ascii_digit())
            && key
                .chars()
                .all(|c| c.is_ascii_digit() || c == '/' || c == '-');
        let roman = matches!(key, "i" | "ii" | "iii" | "iv");
        let yearly = key == "nam" && f[..at].ends_with("hang ");
        if figure || roman || yearly {
            end = Some(at + key.len());
        } else if !matches!(key, "ngay" | "thang" | "nam" | "hang" | "va") {
            break;
        }
        at += piece.len();
        if key.len() < piece.trim_end().len() {
            break;
        }
    }
    end
}

/// A wording the schedule reads, or a dated one it would refuse only for
/// ambiguity: either way the author must see it.
fn readable_or_specific(wording: &str) -> bool {
    crate::schedule::wording::parse(wording).is_ok() || wording.chars().any(|c| c.is_ascii_digit())
}

/// Folded text with, for each of its bytes, the byte of the original it came from.
struct Folded {
    text: String,
    map: Vec<usize>,
}

impl Folded {
    fn new(original: &str) -> Self {
        let mut text = String::new();
        let mut map = Vec::new();
        for (i, c) in original.char_indices() {
            for f in fold(c.encode_utf8(&mut [0; 4]))
                .chars()
                .chain(c.is_whitespace().then_some(' '))
            {
                let mut buf = [0; 4];
                for _ in 0..f.encode_utf8(&mut buf).len() {
                    map.push(i);
                }
                text.push(f);
            }
        }
        map.push(original.len());
        Self { text, map }
    }

    fn original<'a>(&self, original: &'a str, start: usize, end: usize) -> Option<&'a str> {
        let (s, e) = (*self.map.get(start)?, *self.map.get(end)?);
        original.get(s..e).map(str::trim).filter(|w| !w.is_empty())
    }
}

/// The scheme's function a duty carries out, from the words that name it.
fn function(folded: &str) -> Option<Function> {
    let table: &[(&[&str], Function)] = &[
        (&["bao cao"], Function::Reporting),
        (&["kinh phi", "ngan sach"], Function::Funding),
        (&["xoa mu chu"], Function::Literacy),
        (
            &["trung tam hoc tap cong dong"],
            Function::CommunityLearningCentres,
        ),
        (&["khen thuong", "thi dua"], Function::EmulationAndAwards),
        (&["quoc te", "unesco"], Function::InternationalCooperation),
        (&["tuyen truyen", "truyen thong"], Function::Communication),
        (&["kiem tra", "giam sat"], Function::InspectionAndReview),
        (&["cong nhan lao dong"], Function::WorkersLearning),
        (&["thu vien", "bao tang"], Function::LibrariesMuseums),
        (&["xay dung ke hoach"], Function::Planning),
    ];
    table
        .iter()
        .find(|(words, _)| words.iter().any(|w| has_words(folded, w)))
        .map(|(_, f)| *f)
}

/// The bodies a line names anywhere, added to the plan's agencies.
pub fn name_all(doc: &Doc, level: Level, agencies: &mut Agencies) {
    for line in &doc.lines {
        for named in all_in(&line.text, level) {
            agencies.add(
                &line.text[named.start..named.end],
                named.body,
                level,
                line.no,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deadlines_are_found_in_their_wording() {
        let cases = [
            (
                "Gửi báo cáo về Phòng Giáo dục và Đào tạo trước 15/01/2020 để tổng hợp",
                Some("trước 15/01/2020"),
            ),
            (
                "Xây dựng Kế hoạch trong Quý II năm 2020, gắn với",
                Some("trong Quý II năm 2020"),
            ),
            (
                "bổ sung Kế hoạch từ nay đến hết năm 2020.",
                Some("từ nay đến hết năm 2020"),
            ),
            (
                "định kỳ hằng năm báo cáo tình hình",
                Some("định kỳ hằng năm"),
            ),
            ("Hằng năm, tổ chức Tuần lễ", Some("Hằng năm")),
            (
                "báo cáo trước ngày 20 tháng 12 hằng năm.",
                Some("trước ngày 20 tháng 12 hằng năm"),
            ),
            ("Tổ chức tuyên truyền sâu rộng", None),
        ];
        for (text, wording) in cases {
            assert_eq!(deadline(text).as_deref(), wording, "{text}");
        }
    }

    #[test]
    fn titles_start_with_a_capital_and_stop_at_the_clause() {
        assert_eq!(title("tổ chức triển khai; hướng dẫn"), "Tổ chức triển khai");
    }
}
