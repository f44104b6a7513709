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
        // The list of recipients closes the plan: none of them is given a duty.
        if fold(&line.text).starts_with("noi nhan") {
            break;
        }
        if !in_tasks(line) {
            addressee = None;
            continue;
        }
        let (requested, text) = strip_request(&line.text);
        let named = listed(text, fronted(text, level), level);
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
        } else if unaddressed_duty(line) || opens_with_deadline(text) {
            (Vec::new(), Vec::new(), Mode::Assigned, text)
        } else {
            continue;
        };
        if duty.trim().is_empty() {
            continue;
        }
        for part in parts(&line.text, duty) {
            let roles = (leads.clone(), coordinates.clone(), mode);
            found.push(task(line, &part, roles));
        }
    }
    number(&mut found);
    found
}

/// Ids by section: "t-ii-1-1", "t-ii-1-2", ….
fn number(found: &mut [Found]) {
    let mut taken = Vec::new();
    for item in found {
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
}

/// One duty of a line: the words quoted for it, its title's words and the
/// deadline it names.
struct Part<'a> {
    quote: &'a str,
    duty: &'a str,
    deadline: Option<String>,
}

/// A line's duties, one for each deadline it names ("tổ chức sơ kết vào năm
/// 2025, tổng kết vào năm 2030"): the line is cut at the last ";", "," or
/// "và" between two wordings, or left whole when none stands between them.
/// `duty` is the end of `text` that the title is drawn from.
fn parts<'a>(text: &'a str, duty: &'a str) -> Vec<Part<'a>> {
    let found = super::deadlines::find(text);
    let mut parts: Vec<Part<'a>> = Vec::new();
    let mut from = 0;
    for (n, wording) in found.iter().enumerate() {
        let to = found
            .get(n + 1)
            .and_then(|next| cut(text, wording.end, next.start));
        let Some(to) = to.or_else(|| (n + 1 == found.len()).then_some(text.len())) else {
            continue;
        };
        let piece = &text[from..to];
        let duty_start = (text.len() - duty.len()).max(from);
        let duty = text.get(duty_start..to).unwrap_or(piece);
        parts.push(Part {
            quote: trim_part(piece),
            duty: trim_part(duty),
            deadline: Some(wording.wording.clone()),
        });
        from = to;
    }
    if parts.is_empty() {
        parts.push(Part {
            quote: text,
            duty,
            deadline: None,
        });
    }
    parts
}

/// Where the part ending between `after` and `before` is cut: after the
/// last ";", else the last ",", else before the last "và".
fn cut(text: &str, after: usize, before: usize) -> Option<usize> {
    let between = &text[after..before];
    between
        .rfind(';')
        .or_else(|| between.rfind(','))
        .map(|at| after + at + 1)
        .or_else(|| between.rfind(" và ").map(|at| after + at))
}

fn trim_part(text: &str) -> &str {
    let text = text.trim().trim_end_matches([',', ';', '.']).trim_end();
    text.strip_prefix("và ").unwrap_or(text).trim_start()
}

fn task(line: &Line, part: &Part<'_>, roles: (Vec<String>, Vec<String>, Mode)) -> Found {
    let (leads, coordinates, mode) = roles;
    let mut review = Vec::new();
    if leads.is_empty() {
        review.push(msg!("extract.review.no-lead"));
    }
    let deadline = part.deadline.as_ref().map(|wording| {
        let due = crate::schedule::wording::parse(wording).ok();
        if due.is_none() {
            review.push(msg!(
                "extract.review.deadline-unread",
                wording = wording.as_str()
            ));
        }
        Deadline {
            wording: Text::new(wording),
            due,
        }
    });
    Found {
        task: Task {
            id: String::new(),
            title: Text::new(&title(part.duty)),
            leads,
            coordinates,
            mode,
            deadline,
            function: function(&fold(part.quote)),
            carries_out: Vec::new(),
            in_force_from: None,
            verification: None,
            sources: Vec::new(),
            quote: Some(Text::new(part.quote)),
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
        // A funding part hands out duties too: "Sở Tài chính bố trí kinh phí …".
        "kinh phi",
    ];
    headings
        .iter()
        .any(|h| duty.iter().any(|w| has_words(h, w)))
        && !headings.iter().any(|h| has_words(h, "muc tieu"))
}

/// Where the words after a deadline or a ground that open the line start
/// ("Hằng năm, Sở A chủ trì …", "Căn cứ nhiệm vụ được giao, Hội B …"), or
/// 0: the body named after them is the one addressed.
fn fronted(text: &str, level: Level) -> usize {
    let after_deadline = super::deadlines::find(text)
        .first()
        .filter(|f| f.start == 0 && text[f.end..].starts_with(", "))
        .map_or(0, |f| f.end + 2);
    let rest = &text[after_deadline..];
    if !fold(rest).starts_with("can cu ") {
        return after_deadline;
    }
    rest.find(", ")
        .map(|comma| after_deadline + comma + 2)
        .filter(|at| at_start(&text[*at..], level).is_some())
        .unwrap_or(after_deadline)
}

/// A line that opens with when it falls ("Hằng năm, …") is a duty, named
/// body or not.
fn opens_with_deadline(text: &str) -> bool {
    super::deadlines::find(text)
        .first()
        .is_some_and(|f| f.start == 0 && text[f.end..].starts_with(", "))
}

/// An item of a "Nhiệm vụ và giải pháp" list that names no body and has
/// none above it: a duty of the plan all the same, for the author to give
/// a lead (plans often say who leads them only under "Tổ chức thực hiện").
fn unaddressed_duty(line: &Line) -> bool {
    let item = match &line.marker {
        Marker::Bullet => true,
        Marker::Number { label, .. } => label.chars().all(char::is_lowercase),
        Marker::None => false,
    };
    item && line.headings.iter().any(|h| {
        let h = fold(h);
        has_words(&h, "nhiem vu") || has_words(&h, "giai phap")
    })
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

/// The registry's bodies the plan's text names outside its duties, added to
/// the plan's agencies. Collectives ("các cơ quan liên quan") count only
/// where a duty is given to them: named in passing they are no agency of
/// the plan. Nor are the issuers of the documents it cites ("Căn cứ …",
/// "Quyết định số … của Thủ tướng Chính phủ") or those it is sent to.
pub fn name_all(doc: &Doc, level: Level, agencies: &mut Agencies) {
    for line in &doc.lines {
        let folded = fold(&line.text);
        if folded.starts_with("noi nhan") {
            break;
        }
        if folded.starts_with("can cu") {
            continue;
        }
        for named in all_in(&line.text, level) {
            if named.body.is_none() || issues_a_cited_document(&line.text[..named.start]) {
                continue;
            }
            agencies.add(
                &line.text[named.start..named.end],
                named.body,
                level,
                line.no,
            );
        }
    }
}

/// "… Quyết định số 1373/QĐ-TTg ngày 30/7/2021 của": the body named next
/// issued the document cited.
fn issues_a_cited_document(before: &str) -> bool {
    let folded = fold(before);
    let Some(head) = folded.trim_end().strip_suffix("cua") else {
        return false;
    };
    let near = head.char_indices().rev().nth(60).map_or(0, |(i, _)| i);
    head[near..].match_indices("so ").any(|(at, _)| {
        head[at + 3..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit())
    })
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
            let first = super::super::deadlines::find(text).into_iter().next();
            assert_eq!(first.map(|f| f.wording).as_deref(), wording, "{text}");
        }
    }

    #[test]
    fn a_ground_or_a_deadline_may_come_before_the_body() {
        let doc = Doc::parse(
            "IV. TỔ CHỨC THỰC HIỆN\n\
             - Căn cứ nhiệm vụ được giao hằng năm, Hội Khuyến học huyện lập dự toán kinh phí.\n\
             Hằng năm, căn cứ kết quả rà soát, các xã bổ sung kế hoạch.",
        );
        let mut agencies = Agencies::default();
        let found = extract(&doc, Level::District, &mut agencies);
        let got: Vec<(usize, Option<&str>)> = found
            .iter()
            .map(|f| {
                let wording = f.task.deadline.as_ref().map(|d| d.wording.as_str());
                (f.task.leads.len(), wording)
            })
            .collect();
        assert_eq!(got, [(1, Some("hằng năm")), (0, Some("Hằng năm"))]);
        let lead = &agencies.list[0];
        assert_eq!(lead.name.as_str(), "Hội Khuyến học huyện");
        assert_eq!(found[1].review[0].id(), Some("extract.review.no-lead"));
    }

    #[test]
    fn the_issuer_of_a_cited_document_is_not_an_agency_of_the_plan() {
        assert!(issues_a_cited_document(
            "theo Quyết định số 1373/QĐ-TTg ngày 30/7/2021 của "
        ));
        assert!(!issues_a_cited_document("báo cáo kết quả về "));
        assert!(!issues_a_cited_document("chỉ đạo của "));
    }

    #[test]
    fn titles_start_with_a_capital_and_stop_at_the_clause() {
        assert_eq!(title("tổ chức triển khai; hướng dẫn"), "Tổ chức triển khai");
    }
}
