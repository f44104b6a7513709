//! `xhht extract`: from the document people have (a plan as text or Word)
//! to a draft plan in xhht's own format. Rule-based, from how such plans
//! are worded: every item keeps the words it was read from (`quote`), its
//! `section` and its line, and what xhht is unsure of is marked for review
//! with a `# REVIEW:` comment on the item, never silently guessed.

pub mod agencies;
pub mod deadlines;
pub mod decode;
pub mod doc;
pub mod docx;
mod figures;
pub mod header;
pub mod pdf;
pub mod place;
mod render;
pub mod targets;
pub mod tasks;

use crate::i18n::Message;
use crate::model::{Document, Level, Link, Links, Period, Plan};
use crate::msg;
use crate::text::Text;

pub use render::yaml;

/// The largest document read: a plan's text is rarely over a megabyte.
pub const MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;

pub struct Options<'a> {
    /// The plan's level when the document does not say it plainly.
    pub level: Option<Level>,
    /// Where the document was read, recorded in `document.sources`.
    pub source: &'a str,
    /// The plan it is issued under (`--under`), when the user names one.
    pub parent: Option<&'a Plan>,
}

/// A draft plan and what the extractor knows about each of its items.
pub struct Draft {
    pub plan: Plan,
    /// By item id ("document" for the header): its line and what to review.
    pub notes: Vec<Note>,
    /// Targets no catalogue indicator fits: written as comments for the
    /// author to complete, since a plan cannot hold a target without one.
    pub set_aside: Vec<targets::Found>,
}

#[derive(Debug, Clone)]
pub struct Note {
    pub id: String,
    pub line: usize,
    pub review: Vec<Message>,
}

/// Counts for the summary on standard error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub agencies: usize,
    pub targets: usize,
    pub set_aside: usize,
    pub tasks: usize,
    pub deadlines: usize,
    pub review: usize,
}

impl Draft {
    pub fn summary(&self) -> Summary {
        Summary {
            agencies: self.plan.agencies.len(),
            targets: self.plan.targets.len(),
            set_aside: self.set_aside.len(),
            tasks: self.plan.tasks.len(),
            deadlines: self
                .plan
                .tasks
                .iter()
                .filter(|t| t.deadline.is_some())
                .count(),
            review: self.notes.iter().filter(|n| !n.review.is_empty()).count()
                + self.set_aside.len(),
        }
    }

    /// Every target read, with an indicator or not: what the scoring counts.
    pub fn all_targets(&self) -> impl Iterator<Item = &crate::model::Target> {
        self.plan
            .targets
            .iter()
            .chain(self.set_aside.iter().map(|f| &f.target))
    }
}

/// Reads a document's text into a draft plan.
pub fn from_text(text: &str, options: &Options<'_>) -> Draft {
    let doc = doc::Doc::parse(text);
    let header = header::read(&doc);
    let mut review = header.review.clone();
    let issued = header.date.map(|d| u16::try_from(d.year()).unwrap_or(0));
    let first = header.years.and_then(|(start, _)| start).or(issued);
    let time = (
        header.date,
        first
            .or(options.parent.map(|p| p.document.period.start))
            .unwrap_or(2020),
    );
    let level = level(options, &header, time, &mut review);
    let rough = Period {
        start: first.unwrap_or(2020),
        end: header.years.map(|(_, end)| end),
    };
    let cx = targets::Context {
        issued,
        period: rough,
    };
    let found_targets = targets::extract(&doc, &cx);
    let years: Vec<u16> = found_targets.iter().map(|t| t.target.year).collect();
    let period = period(first, header.years.map(|(_, end)| end), &years, &mut review);
    let mut agencies = agencies::Agencies::default();
    let found_tasks = tasks::extract(&doc, level, &mut agencies);
    tasks::name_all(&doc, level, &mut agencies);
    let within = options
        .parent
        .and_then(|p| place::province_of(p, place::after_merger(time)));
    let place = where_(&header, level, time, within.as_deref(), &mut review);
    let jurisdiction = place.jurisdiction;
    let issued_by = issuer(&header, level, &jurisdiction, &mut review);
    let document = Document {
        id: document_id(&jurisdiction, period),
        title: Text::new(header.title.as_deref().unwrap_or(jurisdiction.as_str())),
        kind: header.kind,
        issuer: Text::new(&issued_by),
        level,
        jurisdiction: Text::new(&jurisdiction),
        province: place.province,
        number: header.number.as_deref().map(Text::new),
        date: header.date,
        lead: None,
        approved_by: None,
        period,
        milestones: milestones(&years, period),
        phases: Vec::new(),
        sources: vec![Text::new(options.source)],
        restatements: Vec::new(),
        note: None,
    };
    let (kept, set_aside): (Vec<_>, Vec<_>) =
        found_targets.into_iter().partition(|t| t.indicator_known);
    let parent = parent_link(options.parent, header.parent.clone());
    let notes = item_notes(
        review,
        &header,
        parent.as_ref(),
        &agencies,
        &kept,
        &found_tasks,
    );
    let plan = Plan {
        document,
        links: Links {
            implements: header.implements.into_iter().map(|(l, _)| l).collect(),
            parent: parent.map(|(link, _, _)| link),
        },
        citations: Vec::new(),
        agencies: agencies.list,
        targets: kept.into_iter().map(|t| t.target).collect(),
        tasks: found_tasks.into_iter().map(|t| t.task).collect(),
        not_applicable: Vec::new(),
        progress: None,
    };
    Draft {
        plan,
        notes,
        set_aside,
    }
}

/// The plan's level: as `--level` gives it, else as the header names it,
/// else the level below the plan it is issued under.
fn level(
    options: &Options<'_>,
    header: &header::Header,
    time: (Option<crate::date::CivilDate>, u16),
    review: &mut Vec<Message>,
) -> Level {
    if let Some(level) = options.level {
        return level;
    }
    if let Some((_, level)) = &header.jurisdiction {
        return *level;
    }
    let Some(parent) = options.parent else {
        review.push(msg!("extract.review.level-assumed"));
        return Level::Province;
    };
    let level = match parent.document.level {
        Level::National => Level::Province,
        // Districts ended on 1 July 2025: a province's plans since are
        // communes'; before, a district's unless the document says "xã".
        Level::Province if place::after_merger(time) || header.says_commune => Level::Commune,
        Level::Province => Level::District,
        Level::District | Level::Commune => Level::Commune,
    };
    let (level_name, parent_id) = (
        crate::compare::level_name(level),
        parent.document.id.as_str(),
    );
    review.push(msg!(
        "extract.under.level",
        level = level_name,
        parent = parent_id
    ));
    level
}

/// The plan it is issued under: the one named with `--under`, else the one
/// its "Thực hiện Kế hoạch số …" line cites, with its line and what to review.
fn parent_link(
    named: Option<&Plan>,
    cited: Option<(Link, usize)>,
) -> Option<(Link, usize, Vec<Message>)> {
    if let Some(plan) = named {
        return Some(under(plan, cited));
    }
    cited.map(|(link, line)| {
        let review = if link.available {
            Vec::new()
        } else {
            vec![msg!("extract.review.parent-unavailable")]
        };
        (link, line, review)
    })
}

/// The link to the plan named with `--under`, with the words and line of
/// the document's own citation of it when it cites it; a document citing
/// another plan is marked for review, since one of the two is wrong.
fn under(plan: &Plan, cited: Option<(Link, usize)>) -> (Link, usize, Vec<Message>) {
    let d = &plan.document;
    let number = d.number.clone().unwrap_or_else(|| Text::new(""));
    let own = Link {
        plan: d.id.clone(),
        number: number.clone(),
        date: d.date,
        available: true,
        quote: None,
        section: None,
        note: None,
    };
    let key = crate::registry::compact(number.as_str());
    match cited {
        Some((link, at)) if crate::registry::compact(link.number.as_str()) == key => (
            Link {
                plan: d.id.clone(),
                available: true,
                date: link.date.or(d.date),
                ..link
            },
            at,
            Vec::new(),
        ),
        Some((link, at)) => {
            let (cited, id) = (link.number.as_str(), d.id.as_str());
            let review = msg!(
                "extract.under.cites-another",
                cited,
                id,
                number = number.as_str()
            );
            (own, at, vec![review])
        }
        None => (own, 1, Vec::new()),
    }
}

/// Each item's line and what to review in it, the header's first.
fn item_notes(
    review: Vec<Message>,
    header: &header::Header,
    parent: Option<&(Link, usize, Vec<Message>)>,
    agencies: &agencies::Agencies,
    kept: &[targets::Found],
    found_tasks: &[tasks::Found],
) -> Vec<Note> {
    let mut notes = Vec::new();
    notes.push(Note {
        id: "document".to_owned(),
        line: 1,
        review,
    });
    for (link, line) in &header.implements {
        notes.push(Note {
            id: link.plan.clone(),
            line: *line,
            review: Vec::new(),
        });
    }
    if let Some((link, line, review)) = parent {
        notes.push(Note {
            id: link.plan.clone(),
            line: *line,
            review: review.clone(),
        });
    }
    for (agency, line) in agencies.list.iter().zip(&agencies.first_line) {
        let review = if agency.registry.is_none() {
            vec![msg!("extract.review.agency-unknown")]
        } else {
            Vec::new()
        };
        notes.push(Note {
            id: agency.id.clone(),
            line: *line,
            review,
        });
    }
    for t in kept {
        notes.push(Note {
            id: t.target.id.clone(),
            line: t.line,
            review: t.review.clone(),
        });
    }
    for t in found_tasks {
        notes.push(Note {
            id: t.task.id.clone(),
            line: t.line,
            review: t.review.clone(),
        });
    }
    notes
}

/// The target years within the period, in order.
fn milestones(years: &[u16], period: Period) -> Vec<u16> {
    let mut milestones: Vec<u16> = years
        .iter()
        .copied()
        .filter(|y| period.contains(*y))
        .collect();
    milestones.sort_unstable();
    milestones.dedup();
    milestones
}

fn period(
    first: Option<u16>,
    end: Option<u16>,
    years: &[u16],
    review: &mut Vec<Message>,
) -> Period {
    let last_target = years.iter().copied().max();
    let start = first.or_else(|| years.iter().copied().min());
    let start = start.unwrap_or_else(|| {
        review.push(msg!("extract.review.period-assumed"));
        end.or(last_target).unwrap_or(2020)
    });
    let end = end.or(last_target).filter(|e| *e >= start);
    Period {
        start,
        end: Some(end.unwrap_or(start)),
    }
}

/// The territory, as the text gives it, found in the list of units of
/// the plan's time where it can be.
fn where_(
    header: &header::Header,
    level: Level,
    time: (Option<crate::date::CivilDate>, u16),
    within: Option<&str>,
    review: &mut Vec<Message>,
) -> place::Place {
    // The plan it is issued under says which province, for a plan below one.
    let province = within
        .filter(|_| level != Level::Province)
        .map(str::to_owned);
    let Some((written, _)) = &header.jurisdiction else {
        review.push(msg!("extract.review.no-jurisdiction"));
        return place::Place {
            jurisdiction: level_word(level).to_owned(),
            province,
        };
    };
    place::locate(written, level, time, within).unwrap_or_else(|why| {
        review.push(why);
        place::Place {
            jurisdiction: written.clone(),
            province,
        }
    })
}

/// The issuer, as the number implies it ("…/KH-UBND": the People's
/// Committee).
fn issuer(
    header: &header::Header,
    level: Level,
    jurisdiction: &str,
    review: &mut Vec<Message>,
) -> String {
    let code = header
        .number
        .as_deref()
        .and_then(|n| n.rsplit('-').next())
        .map(crate::text::fold);
    let issuer = match code.as_deref() {
        Some("bcd") => format!("Ban Chỉ đạo xây dựng xã hội học tập {}", level_word(level)),
        _ => format!("Ủy ban nhân dân {jurisdiction}"),
    };
    review.push(msg!("extract.review.issuer", issuer = issuer.as_str()));
    issuer
}

fn level_word(level: Level) -> &'static str {
    match level {
        Level::National => "quốc gia",
        Level::Province => "tỉnh",
        Level::District => "huyện",
        Level::Commune => "xã",
    }
}

/// "cat-hai-2020", "thai-binh-2021-2030": the territory without its level
/// word, and the years.
fn document_id(jurisdiction: &str, period: Period) -> String {
    let name = crate::init::slug(jurisdiction);
    let name = [
        "thanh-pho-",
        "tinh-",
        "huyen-",
        "quan-",
        "thi-xa-",
        "thi-tran-",
        "phuong-",
        "xa-",
    ]
    .iter()
    .find_map(|w| name.strip_prefix(w))
    .unwrap_or(&name)
    .to_owned();
    let name = if name.is_empty() {
        "ke-hoach".to_owned()
    } else {
        name
    };
    match period.end {
        Some(end) if end != period.start => format!("{name}-{}-{end}", period.start),
        _ => format!("{name}-{}", period.start),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Due, Mode, TargetValue};

    const FIXTURE: &str = include_str!("../../tests/fixtures/extract/huyen-thu.txt");

    fn draft() -> Draft {
        let options = Options {
            level: None,
            source: "huyen-thu.txt",
            parent: None,
        };
        from_text(FIXTURE, &options)
    }

    #[test]
    fn the_header_is_read() {
        let plan = draft().plan;
        let d = &plan.document;
        assert_eq!(d.id, "thu-2021-2030");
        assert_eq!(d.level, Level::District);
        assert_eq!(d.jurisdiction.as_str(), "huyện Thử");
        assert_eq!(d.number.as_ref().map(Text::as_str), Some("12/KH-UBND"));
        assert_eq!((d.period.start, d.period.end), (2021, Some(2030)));
        assert_eq!(plan.links.implements[0].plan, "de-an-1373");
    }

    #[test]
    fn figures_in_every_form_and_no_past_result() {
        let draft = draft();
        let got: Vec<(TargetValue, u16, Option<u8>)> = draft
            .all_targets()
            .map(|t| (t.value.clone(), t.year, t.level))
            .collect();
        assert_eq!(
            got,
            vec![
                (TargetValue::Point(99.5), 2025, None),
                (TargetValue::Above(95.0), 2025, None),
                (
                    TargetValue::Range {
                        min: 30.0,
                        max: 50.0
                    },
                    2025,
                    None
                ),
                (TargetValue::Point(100.0), 2025, Some(2)),
                (TargetValue::Above(55.0), 2025, Some(2)),
                (TargetValue::Point(30.0), 2025, Some(3)),
            ],
            "the 2020 result (85%) is not a target"
        );
        let two = draft.all_targets().nth(5).unwrap();
        assert_eq!(
            two.quote.as_ref().map(Text::as_str),
            Some("30% cán bộ, công chức, viên chức có trình độ ngoại ngữ bậc 3")
        );
        assert!(
            draft
                .all_targets()
                .all(|t| t.quote.is_some() && t.section.is_some())
        );
    }

    #[test]
    fn tasks_with_roles_requests_and_deadlines() {
        let plan = draft().plan;
        let gd = &plan.tasks[0];
        assert_eq!(gd.leads, ["phong-gddt"]);
        assert_eq!(gd.coordinates.len(), 1);
        assert_eq!(gd.mode, Mode::Assigned);
        let deadline = gd.deadline.as_ref().unwrap();
        assert_eq!(deadline.wording.as_str(), "trước ngày 20 tháng 12 hằng năm");
        assert!(matches!(
            deadline.due,
            Some(Due::Yearly {
                month: 12,
                day: Some(20),
                ..
            })
        ));
        let women = &plan.tasks[1];
        assert_eq!(women.leads, ["phong-gddt"], "\"Phối hợp với B\": B leads");
        assert_eq!(women.mode, Mode::Requested);
        assert_eq!(women.section.as_ref().map(Text::as_str), Some("II.2"));
    }

    #[test]
    fn every_item_has_its_line() {
        let draft = draft();
        for target in &draft.plan.targets {
            let note = draft.notes.iter().find(|n| n.id == target.id).unwrap();
            let line = FIXTURE.lines().nth(note.line - 1).unwrap();
            assert!(
                line.contains(target.quote.as_ref().unwrap().as_str()),
                "{line}"
            );
        }
    }

    #[test]
    fn a_province_named_with_a_dash_is_read_whole() {
        let text = "ỦY BAN NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU\nSố: 5/KH-UBND\nBà Rịa - Vũng Tàu, ngày 3 tháng 4 năm 2022\nKẾ HOẠCH\nHọc tập suốt đời giai đoạn 2022-2025\nI. MỤC TIÊU";
        let options = Options {
            level: None,
            source: "x.txt",
            parent: None,
        };
        let d = from_text(text, &options).plan.document;
        assert_eq!(d.jurisdiction.as_str(), "tỉnh Bà Rịa - Vũng Tàu");
        assert_eq!(d.level, Level::Province);
        assert_eq!(d.id, "ba-ria-vung-tau-2022-2025");
    }

    fn bundled(name: &str) -> Plan {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("plans")
            .join(name);
        crate::load::load_file(&path).unwrap().plan.unwrap()
    }

    /// A letterhead naming neither territory nor level, dated `date`.
    fn below(parent: &Plan, letterhead: &str, date: &str) -> Plan {
        let text = format!(
            "{letterhead}\nSố: 3/KH-UBND\nThử, ngày {date}\nKẾ HOẠCH\nXây dựng xã hội học tập\nI. MỤC TIÊU"
        );
        let options = Options {
            level: None,
            source: "x.txt",
            parent: Some(parent),
        };
        from_text(&text, &options).plan
    }

    #[test]
    fn the_level_below_the_parent_and_its_province() {
        let province = bundled("vinh-long-2012-2020.yaml");
        let before = below(&province, "ỦY BAN NHÂN DÂN", "2 tháng 3 năm 2014");
        assert_eq!(before.document.level, Level::District);
        assert_eq!(before.document.province.as_deref(), Some("vinh-long"));
        let link = before.links.parent.unwrap();
        assert_eq!(
            (link.plan.as_str(), link.number.as_str(), link.available),
            ("vinh-long-2012-2020", "446/KH-SGDĐT-GDCN-GDTX", true)
        );
        let commune = below(&province, "ỦY BAN NHÂN DÂN\nXÃ", "2 tháng 3 năm 2014");
        assert_eq!(commune.document.level, Level::Commune);
        // Since 1 July 2025 a province has communes below it, and Vĩnh Long
        // is part of the province of the 34 it was merged into.
        let after = below(&province, "ỦY BAN NHÂN DÂN", "2 tháng 8 năm 2025");
        assert_eq!(after.document.level, Level::Commune);
        assert_eq!(after.document.province.as_deref(), Some("vinh-long"));
        let district = bundled("cat-hai-2020.yaml");
        let under_district = below(&district, "ỦY BAN NHÂN DÂN", "2 tháng 3 năm 2020");
        assert_eq!(under_district.document.level, Level::Commune);
        assert_eq!(
            under_district.document.province.as_deref(),
            Some("hai-phong")
        );
    }

    #[test]
    fn a_parent_the_document_does_not_cite_is_for_review() {
        let province = bundled("vinh-long-2012-2020.yaml");
        let text = "UBND HUYỆN LONG HỒ\nKẾ HOẠCH\nXây dựng xã hội học tập\nThực hiện Kế hoạch số 99/KH-UBND ngày 01/02/2014 của Ủy ban nhân dân tỉnh;\nI. MỤC TIÊU";
        let options = Options {
            level: None,
            source: "x.txt",
            parent: Some(&province),
        };
        let draft = from_text(text, &options);
        assert_eq!(
            draft.plan.document.level,
            Level::District,
            "the header says"
        );
        let link = draft.plan.links.parent.as_ref().unwrap();
        assert_eq!(link.plan, "vinh-long-2012-2020");
        let note = draft.notes.iter().find(|n| n.id == link.plan).unwrap();
        let said = note.review[0].render(crate::i18n::Lang::En);
        assert!(said.contains("99/KH-UBND"), "{said}");
    }
}
