//! Bodies named in running text: matched to the registry where a spelling
//! of one starts at a capitalised word, and collectives ("các phòng, ban,
//! ngành liên quan") by their vocabulary. Each keeps the spelling the
//! document used.

use crate::extract::doc::has_words;
use crate::model::{Agency, AgencyKind, Level};
use crate::registry::{Body, Registry, compact};
use crate::text::{Text, fold};

/// A body named at `start..end` (bytes) of a text.
#[derive(Debug, Clone)]
pub struct Named {
    pub start: usize,
    pub end: usize,
    pub body: Option<&'static Body>,
}

/// Words a place name follows a body's name with: "Hội Khuyến học huyện".
const PLACE_WORDS: &[&str] = &[
    "huyện",
    "tỉnh",
    "thành phố",
    "thị xã",
    "xã",
    "thị trấn",
    "quận",
];

/// The body named at the very start of `text`, if any.
pub fn at_start(text: &str, level: Level) -> Option<Named> {
    // A name is read from the first words only: the whole rest of a long
    // line compacted at each of its words made a 124 KB line take 14 s.
    let head = &text[..char_boundary(text, window())];
    if let Some(end) = collective(head) {
        return Some(Named {
            start: 0,
            end,
            body: None,
        });
    }
    let first = text.chars().next()?;
    if !first.is_uppercase() {
        return None;
    }
    let registry = Registry::embedded();
    let key = compact(head);
    let longest = |body: &'static Body| -> usize {
        std::iter::once(&body.name)
            .chain(&body.aliases)
            .map(|s| compact(s.as_str()))
            .filter(|s| key.starts_with(s.as_str()))
            .map(|s| s.len())
            .max()
            .unwrap_or(0)
    };
    let here = registry.find(head, Some(level)).map(|b| (longest(b), b));
    let any = registry.find(head, None).map(|b| (longest(b), b));
    let found = match (here, any) {
        (Some(h), Some(a)) if a.0 > h.0 => Some(a),
        (Some(h), _) => Some(h),
        (None, found) => found,
    };
    let Some((length, body)) = found else {
        return at_every_level(head).map(|end| Named {
            start: 0,
            end,
            body: None,
        });
    };
    let end = extend(text, byte_end(text, length)?);
    Some(Named {
        start: 0,
        end,
        body: Some(body),
    })
}

/// How many characters of a text a body's name can take: twice the longest
/// spelling in the registry (a text may space or punctuate it more
/// loosely), and room for the longest collective.
fn window() -> usize {
    static WINDOW: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *WINDOW.get_or_init(|| {
        let longest = Registry::embedded()
            .bodies
            .iter()
            .flat_map(|b| std::iter::once(&b.name).chain(&b.aliases))
            .map(|s| s.as_str().chars().count())
            .max()
            .unwrap_or(0);
        (2 * longest).max(COLLECTIVE_LONGEST)
    })
}

/// Characters a collective ("các sở, ban, ngành, đoàn thể, tổ chức chính
/// trị - xã hội liên quan của tỉnh") is read within.
const COLLECTIVE_LONGEST: usize = 240;

/// The byte where the first `chars` characters of `text` end.
fn char_boundary(text: &str, chars: usize) -> usize {
    text.char_indices()
        .nth(chars)
        .map_or(text.len(), |(i, _)| i)
}

/// "Hội Khuyến học các cấp": a body of the registry named without its
/// level word ("Hội Khuyến học tỉnh", "… huyện") at every level, a
/// collective; the end of its name.
fn at_every_level(head: &str) -> Option<usize> {
    let (at, _) = head.match_indices(" các cấp").next()?;
    let end = at + " các cấp".len();
    if !crate::extract::doc::boundary(head, end) || head[..at].contains([',', ';', '.']) {
        return None;
    }
    let stem = compact(&head[..at]);
    let registry = Registry::embedded();
    let known = ["tinh", "huyen", "xa"].iter().any(|level| {
        let wanted = format!("{stem}{level}");
        registry.bodies.iter().any(|b| {
            std::iter::once(&b.name)
                .chain(&b.aliases)
                .any(|s| compact(s.as_str()) == wanted)
        })
    });
    known.then_some(end)
}

/// Every body named in `text`, left to right, without overlaps.
pub fn all_in(text: &str, level: Level) -> Vec<Named> {
    let mut found = Vec::new();
    let mut at = 0;
    while at < text.len() {
        let starts_word = crate::extract::doc::boundary(text, at)
            && text[at..].chars().next().is_some_and(char::is_alphanumeric);
        if starts_word && let Some(named) = at_start(&text[at..], level) {
            found.push(Named {
                start: at + named.start,
                end: at + named.end,
                body: named.body,
            });
            at += named.end.max(1);
            continue;
        }
        at += text[at..].chars().next().map_or(1, char::len_utf8);
    }
    found
}

/// The byte where `length` compacted characters of `text` end, if that is
/// the end of a word.
fn byte_end(text: &str, length: usize) -> Option<usize> {
    let mut counted = 0;
    for (i, c) in text.char_indices() {
        if counted >= length {
            return crate::extract::doc::boundary(text, i).then_some(i);
        }
        counted += compact(c.encode_utf8(&mut [0; 4])).len();
    }
    (counted >= length).then_some(text.len())
}

/// Takes in a place the name goes on with: " huyện", " tỉnh Vĩnh Long",
/// " Hải Phòng", " Cát Hải".
fn extend(text: &str, end: usize) -> usize {
    let rest = &text[end..];
    let Some(after) = rest.strip_prefix(' ') else {
        return end;
    };
    let mut taken = 0;
    for word in PLACE_WORDS {
        if let Some(tail) = after.strip_prefix(word)
            && tail.chars().next().is_none_or(|c| !c.is_alphanumeric())
        {
            taken = 1 + word.len();
            break;
        }
    }
    // Proper names: up to three capitalised words.
    let mut end = end + taken;
    for _ in 0..3 {
        let rest = &text[end..];
        let Some(word) = rest.strip_prefix(' ') else {
            break;
        };
        let length = word
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(word.len());
        let proper = word.chars().next().is_some_and(char::is_uppercase) && length > 0;
        if !proper || is_name_word(&word[..length]) {
            break;
        }
        end += 1 + length;
    }
    end
}

/// Capitalised words that start another body, not a place name.
fn is_name_word(word: &str) -> bool {
    matches!(
        fold(word).as_str(),
        "so" | "phong"
            | "hoi"
            | "uy"
            | "ubnd"
            | "ban"
            | "dai"
            | "cong"
            | "lien"
            | "doan"
            | "trung"
            | "bo"
            | "cac"
            | "co"
            | "truong"
            | "bao"
            | "huyen"
            | "tinh"
    )
}

/// Words a collective is made of: "các phòng, ban, ngành, đoàn thể liên quan".
const COLLECTIVE_WORDS: &[&str] = &[
    "cac", "so", "phong", "ban", "nganh", "co", "quan", "don", "vi", "dia", "phuong", "lien", "va",
    "to", "chuc", "chinh", "tri", "xa", "hoi", "doan", "the", "huyen", "tinh", "thanh", "pho",
    "cua", "thi", "tran", "khac", "nghe", "nghiep", "doanh", "truc", "thuoc", "cap", "vien",
];

/// What ends a word of a collective ("chính trị-xã hội" is two).
const STOPS: [char; 8] = [' ', ',', ';', ':', '.', '(', ')', '-'];

/// The end of a collective starting `text` ("các sở, ngành liên quan"): it
/// starts with "các", names a kind of body, and runs while its words do.
fn collective(text: &str) -> Option<usize> {
    if !fold(text.get(..4)?).starts_with("cac") {
        return None;
    }
    let mut end = 0;
    let mut words = 0;
    let mut kind_named = false;
    let mut at = 0;
    let mut last = String::new();
    let mut after_comma = false;
    let mut foreign = false;
    let mut pieces = text.split_inclusive(STOPS).peekable();
    while let Some(piece) = pieces.next() {
        let word = piece.trim_end_matches(STOPS);
        let key = fold(word);
        let key = key.trim_matches(|c: char| !c.is_alphanumeric());
        if key.is_empty() {
            at += piece.len();
            continue;
        }
        let next = pieces.peek().map(|p| fold(p.trim_end_matches(STOPS)));
        // "thành phố", not "tổ chức thành viên"; "tổ chức" after a kind
        // with no comma between is the duty's verb ("các sở, ngành tổ chức").
        let misread = (key == "thanh" && !matches!(next.as_deref(), Some("pho" | "vien")))
            || (key == "to" && words > 1 && !after_comma && !matches!(last.as_str(), "cac" | "va"));
        if !COLLECTIVE_WORDS.contains(&key) || (words == 0 && key != "cac") || misread {
            foreign = !misread;
            break;
        }
        kind_named |= matches!(key, "so" | "phong" | "nganh" | "co" | "don" | "dia" | "to");
        words += 1;
        at += piece.len();
        if !matches!(key, "va" | "cua" | "cac" | "cap" | "co") {
            end = at - (piece.len() - word.len());
        }
        // "liên quan", "khác" close a collective: "… liên quan tổ chức" is a duty.
        let closed = key == "khac" || (key == "quan" && last == "lien");
        key.clone_into(&mut last);
        after_comma = piece.ends_with(',') || piece.ends_with(", ");
        if closed || piece.ends_with(['.', ';', ':', '(', ')']) {
            foreign = false;
            break;
        }
    }
    if !(kind_named && words >= 2) {
        return None;
    }
    Some(if foreign {
        named_to_colon(text, end)
    } else {
        end
    })
}

/// "Các cơ sở giáo dục đại học trong tỉnh: …": a collective whose words
/// run out before a colon a few words on is named by all of them.
fn named_to_colon(text: &str, end: usize) -> usize {
    let Some(colon) = text[end..].find(':') else {
        return end;
    };
    let between = &text[end..end + colon];
    let short = between.split_whitespace().count() <= 8;
    let plain = !between.contains([',', ';', '.', '(', ')', '“', '”', '"']);
    // "Các sở, ngành có trách nhiệm:" heads the duties below; it names no more.
    let folded = fold(between);
    let duty = [
        "trach nhiem",
        "nhiem vu",
        "thuc hien",
        "chu tri",
        "phoi hop",
    ]
    .iter()
    .any(|w| has_words(&folded, w));
    if short && plain && !duty {
        end + between.trim_end().len()
    } else {
        end
    }
}

/// The kind a body not in the registry most likely is, from its first words.
pub fn kind_of(name: &str) -> AgencyKind {
    let key = fold(name);
    let starts = |p: &str| key.starts_with(p);
    if starts("cac ") {
        AgencyKind::Collective
    } else if starts("so ") {
        AgencyKind::Department
    } else if starts("phong ") {
        AgencyKind::Office
    } else if starts("uy ban nhan dan") || starts("ubnd") {
        AgencyKind::PeoplesCommittee
    } else if starts("ban chi dao") {
        AgencyKind::SteeringCommittee
    } else if [
        "hoi ",
        "lien doan",
        "doan ",
        "uy ban mat tran",
        "mat tran",
        "huyen doan",
        "tinh doan",
    ]
    .iter()
    .any(|p| starts(p))
    {
        AgencyKind::MassOrganisation
    } else if ["dai ", "bao ", "trung tam", "truong "]
        .iter()
        .any(|p| starts(p))
    {
        AgencyKind::PublicServiceUnit
    } else {
        AgencyKind::Other
    }
}

/// Who a collective means, for telling two spellings of it apart: its
/// words without "các", "và", "(có) liên quan" (every catch-all means the
/// bodies concerned) and the "ban" of "sở, ban, ngành" (the set phrase
/// for a province's departments). None for a body that is no collective.
fn catch_all(name: &str) -> Option<String> {
    if kind_of(name) != AgencyKind::Collective {
        return None;
    }
    let lower = name.to_lowercase();
    let lower = lower.replace("có liên quan", " ").replace("liên quan", " ");
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !matches!(*w, "các" | "và"))
        .collect();
    let departments = words.contains(&"sở") || words.contains(&"phòng");
    let kept: Vec<&str> = words
        .into_iter()
        .filter(|w| !(departments && *w == "ban"))
        .collect();
    Some(kept.join(" "))
}

/// The plan's agencies as they are met, one per body, with every spelling.
#[derive(Default)]
pub struct Agencies {
    pub list: Vec<Agency>,
    /// Line each was first named on, and whether the registry knew it.
    pub first_line: Vec<usize>,
}

impl Agencies {
    /// The id of the body named `name` (as written), adding it if new.
    pub fn add(&mut self, name: &str, body: Option<&Body>, level: Level, line: usize) -> String {
        let name = name.trim_matches(|c: char| !c.is_alphanumeric() && c != ')');
        let key = compact(name);
        let meant = catch_all(name);
        let same = |a: &Agency| match body {
            Some(b) => a.registry.as_deref() == Some(b.id.as_str()),
            None => {
                a.registry.is_none()
                    && std::iter::once(&a.name).chain(&a.aliases).any(|s| {
                        compact(s.as_str()) == key
                            || meant.is_some() && meant == catch_all(s.as_str())
                    })
            }
        };
        if let Some(agency) = self.list.iter_mut().find(|a| same(a)) {
            let spelled = std::iter::once(&agency.name)
                .chain(&agency.aliases)
                .any(|s| s.as_str() == name);
            if !spelled {
                agency.aliases.push(Text::new(name));
            }
            return agency.id.clone();
        }
        let slug = crate::init::slug(name);
        let wanted = match body {
            Some(b) => b.id.clone(),
            None if slug.is_empty() => "co-quan".to_owned(),
            None => slug,
        };
        let id = self.fresh_id(&wanted);
        self.list.push(Agency {
            id: id.clone(),
            name: Text::new(name),
            aliases: Vec::new(),
            kind: body.map_or_else(|| kind_of(name), |b| b.kind),
            level: body.map_or(level, |b| b.level),
            registry: body.map(|b| b.id.clone()),
        });
        self.first_line.push(line);
        id
    }

    fn fresh_id(&self, wanted: &str) -> String {
        let wanted: String = wanted.split('-').take(8).collect::<Vec<_>>().join("-");
        let taken = |id: &str| self.list.iter().any(|a| a.id == id);
        if !taken(&wanted) {
            return wanted;
        }
        (2..u32::MAX)
            .map(|n| format!("{wanted}-{n}"))
            .find(|id| !taken(id))
            .unwrap_or(wanted)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(&str, Option<&str>)> {
        all_in(text, Level::District)
            .into_iter()
            .map(|n| (&text[n.start..n.end], n.body.map(|b| b.id.as_str())))
            .collect()
    }

    #[test]
    fn bodies_are_found_with_the_spelling_used() {
        let text = "Chủ trì, phối hợp với Phòng Giáo dục và Đào tạo, Hội Khuyến học huyện và các phòng, ban, ngành liên quan tổ chức";
        let found = names(text);
        assert_eq!(found[0].0, "Phòng Giáo dục và Đào tạo");
        assert!(found[0].1.is_some());
        assert_eq!(found[1].0, "Hội Khuyến học huyện");
        assert_eq!(found[2], ("các phòng, ban, ngành liên quan", None));
    }

    #[test]
    fn a_province_body_is_found_from_a_district_plan() {
        let found = names("báo cáo Sở Giáo dục và Đào tạo Hải Phòng.");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "Sở Giáo dục và Đào tạo Hải Phòng");
    }

    #[test]
    fn a_200_kb_line_is_read_to_its_end() {
        // Each word of it was once a starting point for compacting all the
        // rest of the line: minutes for a line this long.
        let filler = "Tổ chức các Hoạt động Học tập cho Người dân ở Thôn, Xóm; ".repeat(1_600);
        let text =
            format!("{filler}Sở Giáo dục và Đào tạo chủ trì, {filler}báo cáo Hội Khuyến học huyện");
        assert!(text.len() > 200_000, "{}", text.len());
        let found = names(&text);
        let spelled: Vec<&str> = found.iter().map(|(name, _)| *name).collect();
        assert_eq!(spelled, ["Sở Giáo dục và Đào tạo", "Hội Khuyến học huyện"]);
        assert!(found.iter().all(|(_, body)| body.is_some()));
    }

    #[test]
    fn lower_case_words_are_not_bodies() {
        assert!(names("tổ chức sở thích học tập").is_empty());
    }

    #[test]
    fn a_collective_is_named_in_full() {
        let found =
            names("Các cơ sở dạy nghề trong huyện: mở lớp; các tổ chức thành viên vận động");
        let spelled: Vec<&str> = found.iter().map(|(name, _)| *name).collect();
        assert_eq!(
            spelled,
            ["Các cơ sở dạy nghề trong huyện", "các tổ chức thành viên"]
        );
        // "tổ chức" after a kind, with no comma, is the duty's verb.
        let found = names("các phòng, ban, địa phương tổ chức tuyên truyền");
        assert_eq!(found[0].0, "các phòng, ban, địa phương");
        let found = names("các tổ chức chính trị-xã hội tham gia");
        assert_eq!(found[0].0, "các tổ chức chính trị-xã hội");
        let found = names("Các phòng, ngành, địa phương có trách nhiệm: rà soát");
        assert_eq!(found[0].0, "Các phòng, ngành, địa phương");
    }

    #[test]
    fn a_body_at_every_level_is_a_collective() {
        let found = names("Hội Khuyến học các cấp vận động; Hội Khuyến học huyện báo cáo");
        assert_eq!(found[0], ("Hội Khuyến học các cấp", None));
        assert_eq!(found[1].0, "Hội Khuyến học huyện");
        assert!(found[1].1.is_some());
    }

    #[test]
    fn the_same_catch_all_spelled_twice_is_one_agency() {
        let mut agencies = Agencies::default();
        let a = agencies.add("các phòng, ngành liên quan", None, Level::District, 3);
        let b = agencies.add("các phòng, ban, ngành", None, Level::District, 7);
        let c = agencies.add("các phòng, ngành, đoàn thể", None, Level::District, 9);
        assert_eq!(a, b);
        assert_ne!(a, c, "a body more is another collective");
        assert_eq!(
            agencies.list[0].aliases,
            [Text::new("các phòng, ban, ngành")]
        );
    }

    #[test]
    fn one_body_many_spellings_one_agency() {
        let mut agencies = Agencies::default();
        let body = Registry::embedded().find("Ủy ban nhân dân huyện", Some(Level::District));
        let a = agencies.add("Ủy ban nhân dân huyện", body, Level::District, 3);
        let b = agencies.add("UBND huyện", body, Level::District, 9);
        assert_eq!(a, b);
        assert_eq!(agencies.list[0].aliases, [Text::new("UBND huyện")]);
    }
}
