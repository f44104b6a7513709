//! The document's header: number, date, kind, title, territory and level,
//! period, and the "Căn cứ …" / "Thực hiện …" lines that say which schemes
//! it implements and which plan it is issued under.

use crate::date::CivilDate;
use crate::i18n::Message;
use crate::model::{DocumentKind, Level, Link};
use crate::msg;
use crate::registry::compact;
use crate::text::{Text, fold};

use super::doc::{Doc, Line, Marker};

#[derive(Debug, Clone)]
pub struct Header {
    pub number: Option<String>,
    pub date: Option<CivilDate>,
    pub kind: DocumentKind,
    pub title: Option<String>,
    /// "huyện Cát Hải", with its level.
    pub jurisdiction: Option<(String, Level)>,
    /// Years from the title: "giai đoạn 2021-2030", "đến năm 2020".
    pub years: Option<(Option<u16>, u16)>,
    pub implements: Vec<(Link, usize)>,
    pub parent: Option<(Link, usize)>,
    /// Whether the letterhead or the title names a commune ("xã",
    /// "phường", "thị trấn") without the territory being read from it.
    pub says_commune: bool,
    pub review: Vec<Message>,
}

/// How far into the document the header is looked for.
const HEAD: usize = 40;

pub fn read(doc: &Doc) -> Header {
    let head: Vec<&Line> = doc.lines.iter().take(HEAD).collect();
    let number = head.iter().find_map(|l| number(&l.text));
    let date = head.iter().find_map(|l| issue_date(&l.text));
    let kind_line = head.iter().position(|l| {
        let folded = fold(&l.text);
        folded == "ke hoach" || folded == "quyet dinh"
    });
    let kind = match kind_line.map(|i| fold(&head[i].text)) {
        Some(k) if k == "quyet dinh" => DocumentKind::Decision,
        _ => DocumentKind::Plan,
    };
    let title = kind_line
        .and_then(|i| head.get(i + 1))
        .filter(|l| !starts_preamble(&l.text))
        .map(|l| l.text.clone());
    let letterhead = kind_line.map_or_else(
        || {
            head.iter()
                .take_while(|l| !starts_preamble(&l.text))
                .count()
        },
        |i| i + 2,
    );
    let says_commune = head.iter().take(letterhead).any(|l| names_commune(&l.text));
    let preamble: Vec<&Line> = doc
        .lines
        .iter()
        .take_while(|l| !matches!(&l.marker, Marker::Number { rank: 0, .. }))
        .collect();
    let named = title
        .as_deref()
        .and_then(territory)
        .or_else(|| preamble.iter().find_map(|l| territory(&l.text)))
        .or_else(|| doc.lines.iter().find_map(|l| territory(&l.text)));
    // The issuing committee's territory is the plan's; the text's own
    // mention of it, when the same, is better spelled than capitals.
    let mut review = Vec::new();
    let issuer = head.iter().find_map(|l| issuing_committee(&l.text));
    // A letterhead that names no territory ("ỦY BAN NHÂN DÂN" alone): the
    // place it is dated at is the issuer's, when the list of units has it
    // (a territory the title names is surer: it says its level).
    let issuer = issuer.or_else(|| {
        let titled = title.as_deref().and_then(territory);
        titled.is_none().then_some(())?;
        let at = head.iter().find_map(|l| dated_at(&l.text))?;
        let year = date.map_or(0, |d| u16::try_from(d.year()).unwrap_or(0));
        let (place, level, also) = super::place::dated(at, (date, year))?;
        if let Some(also) = also {
            let (written, level) = (place.as_str(), crate::compare::level_name(level));
            review.push(msg!("extract.place.dated", written, level, also));
        }
        Some((place, level))
    });
    let jurisdiction = match (issuer, named) {
        (Some(issuer), Some(named)) if fold(&issuer.0) == fold(&named.0) => Some(named),
        (issuer, named) => issuer.or(named),
    };
    let years = title
        .as_deref()
        .and_then(|t| period_in(t, date, &mut review));
    if title.is_none() {
        review.push(msg!("extract.review.no-title"));
    }
    let (implements, parent) = links(&preamble);
    Header {
        number,
        date,
        kind,
        title,
        jurisdiction,
        years,
        implements,
        parent,
        says_commune,
        review,
    }
}

/// "Số: 08 /KH-BCĐ |" → "08 /KH-BCĐ".
fn number(text: &str) -> Option<String> {
    fold(text).starts_with("so:").then(|| {
        text.split_once(':')
            .map_or("", |(_, n)| n)
            .trim()
            .trim_matches('|')
            .trim()
            .to_owned()
    })
}

/// "Căn cứ …", or "Thực hiện …" citing a numbered document ("Thực hiện
/// Quyết định số 1373/QĐ-TTg"): a title may begin "Thực hiện Đề án …"
/// too, but cites no number.
fn starts_preamble(text: &str) -> bool {
    let folded = fold(text);
    folded.starts_with("can cu") || (folded.starts_with("thuc hien") && cites_number(text))
}

/// A document's number: "281/QĐ-TTg", "49-KL/TW" (a date has no letters).
fn cites_number(text: &str) -> bool {
    text.split_whitespace().any(|w| {
        w.starts_with(|c: char| c.is_ascii_digit())
            && w.contains('/')
            && w.chars().any(char::is_alphabetic)
    })
}

/// "xã", "phường" or "thị trấn" as a word of their own ("HÒA XÃ HỘI" is
/// the society of the national motto, not a commune).
fn names_commune(text: &str) -> bool {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().enumerate().any(|(i, w)| match *w {
        "xã" => words.get(i + 1) != Some(&"hội"),
        "phường" => true,
        "thị" => words.get(i + 1) == Some(&"trấn"),
        _ => false,
    })
}

/// "Ninh Thuận, ngày 02 tháng 6 năm 2020" → "Ninh Thuận": the place a
/// document is dated at, a name of a few capitalised words.
fn dated_at(text: &str) -> Option<&str> {
    issue_date(text)?;
    let cell = text.split('|').find(|c| issue_date(c).is_some())?;
    let (place, _) = cell.split_once(", ngày")?;
    let place = place.trim();
    let words: Vec<&str> = place.split_whitespace().collect();
    let named = (1..=6).contains(&words.len()) && proper_name(&words, 5).len() == words.len();
    named.then_some(place)
}

/// "Cát Hải, ngày 03 tháng 01 năm 2020".
fn issue_date(text: &str) -> Option<CivilDate> {
    let folded = fold(text);
    let at = folded.find("ngay ")?;
    let words: Vec<&str> = folded[at..].split_whitespace().collect();
    match words.as_slice() {
        ["ngay", d, "thang", m, "nam", y, ..] => {
            let digits = |s: &'_ str| s.trim_matches(|c: char| !c.is_ascii_digit()).to_owned();
            CivilDate::from_numbers(
                digits(y).parse().ok()?,
                digits(m).parse().ok()?,
                digits(d).parse().ok()?,
            )
        }
        _ => None,
    }
}

const TERRITORIES: &[(&str, Level)] = &[
    ("thành phố", Level::Province),
    ("tỉnh", Level::Province),
    ("huyện", Level::District),
    ("quận", Level::District),
    ("thị xã", Level::District),
    ("thị trấn", Level::Commune),
    ("phường", Level::Commune),
    ("xã", Level::Commune),
];

/// "trên địa bàn huyện Cát Hải" → ("huyện Cát Hải", district).
fn territory(text: &str) -> Option<(String, Level)> {
    let lower = text.to_lowercase();
    let at = lower
        .find("trên địa bàn ")
        .map(|i| i + "trên địa bàn ".len())?;
    let rest = &text[at..];
    let rest_lower = &lower[at..];
    for (word, level) in TERRITORIES {
        if !rest_lower.starts_with(word) {
            continue;
        }
        let words: Vec<&str> = rest[word.len()..].split_whitespace().collect();
        let name: Vec<&str> = proper_name(&words, 4)
            .into_iter()
            .map(|w| w.trim_end_matches([',', ';', '.', ':']))
            .collect();
        if name.is_empty() {
            return None;
        }
        let written = format!("{word} {}", name.join(" "));
        let level = level_of(&written, *level);
        return Some((written, level));
    }
    None
}

/// The capitalised words a unit's name is made of, up to `most`, with the
/// dash that joins two names ("BÀ RỊA - VŨNG TÀU") when a capitalised
/// word follows it.
fn proper_name<'a>(words: &[&'a str], most: usize) -> Vec<&'a str> {
    let capital = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    let mut name = Vec::new();
    let mut taken = 0;
    for (i, word) in words.iter().enumerate() {
        let joins = matches!(*word, "-" | "–") && !name.is_empty();
        if joins && words.get(i + 1).is_some_and(capital) {
            name.push(*word);
            continue;
        }
        if !capital(word) || taken == most {
            break;
        }
        name.push(*word);
        taken += 1;
    }
    name
}

/// A "thành phố" heads a province only when it is one of the cities run
/// by the centre (Hải Phòng, Cần Thơ…); thành phố Thái Bình was a city of
/// its province, at district level, and its plan is no province's.
fn level_of(written: &str, level: Level) -> Level {
    use crate::units::registry::{self, Resolution, Tier};
    if level != Level::Province || !fold(written).starts_with("thanh pho ") {
        return level;
    }
    let aliases = |id: &str| crate::units::Units::embedded().province_names(id);
    let is_province = |map: &registry::Map| {
        // The name alone finds tỉnh Thái Bình for thành phố Thái Bình.
        matches!(
            map.resolve(Tier::Province, written, None, &aliases),
            Resolution::Found(found) if found.iter().any(|u| u.kind == "thành phố")
        )
    };
    if is_province(registry::after()) || is_province(registry::before()) {
        Level::Province
    } else {
        Level::District
    }
}

/// "UBND TỈNH VĨNH LONG", "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN CÁT HẢI" → the
/// territory of the committee that issues the plan, as written there.
fn issuing_committee(text: &str) -> Option<(String, Level)> {
    // A header copied from a table: one cell per column.
    text.split('|').find_map(committee_in)
}

fn committee_in(cell: &str) -> Option<(String, Level)> {
    let words: Vec<&str> = cell.split_whitespace().collect();
    let folded: Vec<String> = words.iter().map(|w| fold(w)).collect();
    // The committee heads the line, as the issuer does in a letterhead or
    // a decision ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …"); one cited inside a
    // sentence ("… của Ủy ban nhân dân thành phố Hải Phòng") is not the issuer.
    let from = usize::from(folded.starts_with(&["chu".to_owned(), "tich".to_owned()])) * 2;
    let after = if folded
        .get(from..from + 4)
        .is_some_and(|w| w == ["uy", "ban", "nhan", "dan"])
    {
        from + 4
    } else if folded.get(from).is_some_and(|w| w == "ubnd") {
        from + 1
    } else {
        return None;
    };
    TERRITORIES.iter().find_map(|(word, level)| {
        let kind: Vec<String> = word.split(' ').map(fold).collect();
        let name_at = after + kind.len();
        (folded.get(after..name_at)? == kind.as_slice()).then_some(())?;
        let name = proper_name(&words[name_at..], 4);
        (!name.is_empty()).then(|| {
            let written = format!("{word} {}", name.join(" "));
            let level = level_of(&written, *level);
            (written, level)
        })
    })
}

/// The title's years: its own period, else (for review) the scheme's.
fn period_in(
    title: &str,
    date: Option<CivilDate>,
    review: &mut Vec<Message>,
) -> Option<(Option<u16>, u16)> {
    if let Some(own) = title_years(title) {
        return Some(own);
    }
    // "Thực hiện Đề án “… giai đoạn 2021 - 2030” trên địa bàn tỉnh …": a
    // plan that names no period of its own carries the scheme out over the
    // scheme's, from the year it is issued in at the earliest.
    let (start, end) = scheme_years(title)?;
    let start = date
        .and_then(|d| u16::try_from(d.year()).ok())
        .map_or(start, |year| year.clamp(start, end));
    review.push(msg!("extract.header.period-of-scheme", start, end));
    Some((Some(start), end))
}

/// "giai đoạn 2021-2030" or "2014 - 2020" → both; "đến năm 2020" → the end.
fn title_years(title: &str) -> Option<(Option<u16>, u16)> {
    let folded = fold(title);
    if let Some((start, end, _)) = spans(&folded).find(|(_, _, quoted)| !quoted) {
        return Some((Some(start), end));
    }
    let at = folded.rfind("den nam ")?;
    four_digit_year(&folded[at + "den nam ".len()..]).map(|end| (None, end))
}

/// The period of the scheme a title names in quotes ("Đề án “Xây dựng xã
/// hội học tập giai đoạn 2021 - 2030”").
fn scheme_years(title: &str) -> Option<(u16, u16)> {
    spans(&fold(title))
        .find(|(_, _, quoted)| *quoted)
        .map(|(start, end, _)| (start, end))
}

/// Each "giai đoạn 2021-2030" of a folded title, and whether it stands in
/// quotes (the scheme's own period is named in them; the plan's is not).
fn spans(folded: &str) -> impl Iterator<Item = (u16, u16, bool)> + '_ {
    folded.match_indices("giai doan ").filter_map(|(at, _)| {
        let rest = &folded[at + "giai doan ".len()..];
        let start = four_digit_year(rest)?;
        let after = rest
            .get(4..)
            .unwrap_or("")
            .trim_start()
            .trim_start_matches(['-', '–'])
            .trim_start();
        let end = four_digit_year(after)?;
        let before = &folded[..at];
        let quoted = before.matches('“').count() > before.matches('”').count();
        Some((start, end, quoted))
    })
}

fn four_digit_year(s: &str) -> Option<u16> {
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    digits
        .parse()
        .ok()
        .filter(|y| (1945..=2100).contains(y) && digits.len() == 4)
}

/// The schemes the preamble implements ("Căn cứ Quyết định số
/// 89/QĐ-TTg …") and the plan it is issued under ("Thực hiện Kế hoạch số
/// 300/KH-UBND …"), each with the line it is on.
/// A link and the line it was read on.
type Located = (Link, usize);

fn links(preamble: &[&Line]) -> (Vec<Located>, Option<Located>) {
    let schemes: Vec<&crate::model::Plan> = crate::baselines::embedded()
        .filter_map(|l| l.plan.as_ref().ok())
        .collect();
    let mut implements: Vec<Located> = Vec::new();
    let mut parent = None;
    for line in preamble {
        if !starts_preamble(&line.text) {
            continue;
        }
        for cited in citations(&line.text) {
            let key = compact(&cited.number);
            let scheme = schemes.iter().find(|s| {
                s.document
                    .number
                    .as_ref()
                    .is_some_and(|n| compact(n.as_str()) == key)
            });
            let link = |plan: String, available: bool| Link {
                plan,
                number: Text::new(&cited.number),
                date: cited.date,
                available,
                quote: Some(Text::new(&cited.quote)),
                section: Some(Text::new("preamble")),
                note: None,
            };
            match scheme {
                Some(s) if !implements.iter().any(|(l, _)| l.plan == s.document.id) => {
                    implements.push((link(s.document.id.clone(), true), line.no));
                }
                None if parent.is_none() && fold(&cited.quote).starts_with("ke hoach") => {
                    let year = cited
                        .date
                        .map(|d| format!("-{}", d.year()))
                        .unwrap_or_default();
                    let id = format!("kh-{}{year}", crate::init::slug(&cited.number));
                    parent = Some((link(id, false), line.no));
                }
                _ => {}
            }
        }
    }
    (implements, parent)
}

struct Cited {
    number: String,
    date: Option<CivilDate>,
    quote: String,
}

/// "Quyết định số 89/QĐ-TTg ngày 09/01/2013 của Thủ tướng Chính phủ": the
/// document's number, its date, and the words that cite it.
fn citations(text: &str) -> Vec<Cited> {
    let mut found = Vec::new();
    for (at, _) in text.match_indices(" số ") {
        let start = text[..at]
            .rfind(['Q', 'K', 'C', 'N'])
            .filter(|s| at - s <= "Quyết định".len() + 2)
            .unwrap_or(at + 1);
        let rest = &text[at + " số ".len()..];
        let number: String = rest
            .split_whitespace()
            .next()
            .unwrap_or("")
            .trim_end_matches([',', ';'])
            .to_owned();
        if !number.contains('/') {
            continue;
        }
        let after = &rest[number.len()..];
        let date = after
            .trim_start()
            .strip_prefix("ngày ")
            .and_then(|d| dmy(d.split_whitespace().next().unwrap_or("")));
        let mut end = at + " số ".len() + number.len();
        if date.is_some() {
            let dated = after.trim_start();
            let word_end = "ngày ".len()
                + dated["ngày ".len()..]
                    .find([' ', ',', ';'])
                    .unwrap_or(dated.len() - "ngày ".len());
            end += (after.len() - dated.len()) + word_end;
            let issuer = &text[end..];
            if let Some(of) = issuer.strip_prefix(" của ") {
                let stop = of.find([',', ';']).unwrap_or(of.len());
                let stop = of[..stop]
                    .find(" về ")
                    .or_else(|| of[..stop].find(" phê duyệt"))
                    .unwrap_or(stop);
                end += " của ".len() + stop;
            }
        }
        found.push(Cited {
            number,
            date,
            quote: text[start..end].trim().to_owned(),
        });
    }
    found
}

/// "09/01/2013" (day first, as Vietnamese dates always are).
fn dmy(text: &str) -> Option<CivilDate> {
    let parts: Vec<&str> = text
        .trim_end_matches(|c: char| !c.is_ascii_digit())
        .split('/')
        .collect();
    let [d, m, y] = parts.as_slice() else {
        return None;
    };
    CivilDate::from_numbers(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_of_a_district_plan() {
        let doc = Doc::parse(
            "Số: 08 /KH-BCĐ\nCát Hải, ngày 03 tháng 01 năm 2020\nKẾ HOẠCH\nTriển khai thực hiện Đề án “Xây dựng xã hội học tập giai đoạn 2012-2020” trên địa bàn huyện Cát Hải đến năm 2020\nCăn cứ Quyết định số 89/QĐ-TTg ngày 09/01/2013 của Thủ tướng Chính phủ phê duyệt Đề án;\nThực hiện Kế hoạch số 300/KH-UBND ngày 24/4/2019 của Ủy ban nhân dân thành phố về việc triển khai;\nI. MỤC ĐÍCH",
        );
        let header = read(&doc);
        assert_eq!(header.number.as_deref(), Some("08 /KH-BCĐ"));
        assert_eq!(header.date, CivilDate::from_numbers(2020, 1, 3));
        assert_eq!(
            header.jurisdiction,
            Some(("huyện Cát Hải".to_owned(), Level::District))
        );
        assert_eq!(header.years, Some((None, 2020)));
        let (scheme, line) = &header.implements[0];
        assert_eq!((scheme.plan.as_str(), *line), ("de-an-89", 5));
        assert_eq!(
            scheme.quote.as_ref().map(Text::as_str),
            Some("Quyết định số 89/QĐ-TTg ngày 09/01/2013 của Thủ tướng Chính phủ")
        );
        let (parent, _) = header.parent.as_ref().unwrap();
        assert_eq!(parent.number.as_str(), "300/KH-UBND");
        assert!(!parent.available);
    }

    #[test]
    fn the_issuing_committee_names_the_territory() {
        assert_eq!(
            issuing_committee("CHỦ TỊCH UỶ BAN NHÂN DÂN TỈNH VĨNH LONG"),
            Some(("tỉnh VĨNH LONG".to_owned(), Level::Province))
        );
        assert_eq!(
            issuing_committee("UBND THỊ XÃ BA ĐỒN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            Some(("thị xã BA ĐỒN".to_owned(), Level::District))
        );
        assert_eq!(
            issuing_committee("ỦY BAN NHÂN DÂN XÃ VŨ PHÚC"),
            Some(("xã VŨ PHÚC".to_owned(), Level::Commune))
        );
        assert_eq!(issuing_committee("Ủy ban nhân dân các huyện"), None);
        // Two names joined by a dash are one province's.
        assert_eq!(
            issuing_committee("ỦY BAN NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU"),
            Some(("tỉnh BÀ RỊA - VŨNG TÀU".to_owned(), Level::Province))
        );
        assert_eq!(
            territory("học tập trên địa bàn tỉnh Bà Rịa – Vũng Tàu - giai đoạn mới"),
            Some(("tỉnh Bà Rịa – Vũng Tàu".to_owned(), Level::Province))
        );
        // A city of a province is no province.
        assert_eq!(
            issuing_committee("ỦY BAN NHÂN DÂN THÀNH PHỐ THÁI BÌNH"),
            Some(("thành phố THÁI BÌNH".to_owned(), Level::District))
        );
        assert_eq!(
            issuing_committee("ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG"),
            Some(("thành phố HẢI PHÒNG".to_owned(), Level::Province))
        );
        assert_eq!(
            issuing_committee(
                "theo Quyết định số 2791/QĐ-UBND của Ủy ban nhân dân thành phố Hải Phòng"
            ),
            None
        );
    }

    #[test]
    fn a_period_in_the_title() {
        assert_eq!(
            title_years(
                "Thực hiện Đề án “Xây dựng xã hội học tập giai đoạn 2021-2030” trên địa bàn tỉnh Thái Bình giai đoạn 2021-2030"
            ),
            Some((Some(2021), 2030))
        );
    }

    #[test]
    fn a_title_without_a_period_of_its_own_takes_the_schemes() {
        let text = "KẾ HOẠCH\nTriển khai Chương trình “Học tập suốt đời giai đoạn 2022 – 2028” tại huyện Thử\nI. MỤC TIÊU";
        let header = read(&Doc::parse(text));
        assert_eq!(header.years, Some((Some(2022), 2028)));
        assert_eq!(
            header.review.iter().filter_map(Message::id).next_back(),
            Some("extract.header.period-of-scheme")
        );
        // Issued later than the scheme began: the plan starts when issued.
        let dated = format!("Thử, ngày 5 tháng 9 năm 2024\n{text}");
        assert_eq!(read(&Doc::parse(&dated)).years, Some((Some(2024), 2028)));
        // A period of its own, or an end year, wins over the scheme's.
        let own = "KẾ HOẠCH\nThực hiện Đề án “Học tập giai đoạn 2022-2028” trên địa bàn huyện Thử đến năm 2025";
        assert_eq!(read(&Doc::parse(own)).years, Some((None, 2025)));
    }

    #[test]
    fn a_title_may_begin_thuc_hien_a_preamble_line_cites_a_number() {
        let doc = Doc::parse(
            "KẾ HOẠCH\nThực hiện Chương trình “Học tập suốt đời” trên địa bàn huyện Thử\nThực hiện Kế hoạch số 7/KH-UBND ngày 02/3/2022 của Ủy ban nhân dân tỉnh;\nI. MỤC TIÊU",
        );
        let header = read(&doc);
        assert_eq!(
            header.title.as_deref(),
            Some("Thực hiện Chương trình “Học tập suốt đời” trên địa bàn huyện Thử")
        );
        assert_eq!(header.parent.unwrap().0.number.as_str(), "7/KH-UBND");
        let cited_first = Doc::parse(
            "KẾ HOẠCH\nThực hiện Quyết định số 1373/QĐ-TTg ngày 30/7/2021;\nI. MỤC TIÊU",
        );
        assert_eq!(read(&cited_first).title, None);
    }

    #[test]
    fn a_letterhead_without_a_territory_is_placed_by_its_date_line() {
        // The committee's name broken over two lines, as a table copied
        // from a portal leaves it.
        let doc = Doc::parse(
            "ỦY\nBAN NHÂN DÂN |\nCỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 15/KH-UBND |\nBắc Kạn, ngày 02 tháng 6 năm 2020 |\nI. MỤC ĐÍCH",
        );
        let header = read(&doc);
        assert_eq!(
            header.jurisdiction,
            Some(("tỉnh Bắc Kạn".to_owned(), Level::Province))
        );
        assert!(!header.says_commune, "HÒA XÃ HỘI is no commune");
        // A district's name is a district when no province bears it.
        let district =
            Doc::parse("UBND\nSố: 3/KH-UBND\nĐông Anh, ngày 2 tháng 3 năm 2021\nKẾ HOẠCH");
        assert_eq!(
            read(&district).jurisdiction,
            Some(("huyện Đông Anh".to_owned(), Level::District))
        );
        // A place the list does not hold says nothing.
        let unknown = Doc::parse("UBND\nThử, ngày 2 tháng 3 năm 2021\nKẾ HOẠCH");
        assert_eq!(read(&unknown).jurisdiction, None);
    }
}
