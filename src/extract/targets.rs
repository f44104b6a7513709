//! Targets: the figures under a plan's "Mục tiêu" headings, each with its
//! year, level, population and condition, and the catalogue's indicator
//! where one fits. A figure the text reports as reached ("năm 2020 đạt
//! 85%", "đã đạt") is a result, not a target, and is left out.

use crate::catalogue::Catalogue;
use crate::i18n::Message;
use crate::model::{Period, Population, Stance, Target, TargetValue, Unit};
use crate::msg;
use crate::text::{Text, fold};

use super::doc::{Doc, Line, has_words};
use super::figures::{Figure, percentages};

/// A target read from the document.
#[derive(Debug, Clone)]
pub struct Found {
    pub target: Target,
    pub line: usize,
    /// False when no catalogue indicator fits: the author must name one.
    pub indicator_known: bool,
    pub review: Vec<Message>,
}

pub struct Context {
    /// The year the plan was issued in, if the text dates it.
    pub issued: Option<u16>,
    pub period: Period,
}

pub fn extract(doc: &Doc, cx: &Context) -> Vec<Found> {
    let mut found = Vec::new();
    for (i, line) in doc.lines.iter().enumerate() {
        if !in_targets(line) || is_heading(line) {
            continue;
        }
        let lead_in = lead_in(doc, i);
        for clause in clauses(&line.text) {
            for (figure, quote) in split(clause) {
                if let Some(target) = read(doc, i, &figure, quote, clause, lead_in, cx) {
                    found.push(target);
                }
            }
        }
        for quote in in_words(&line.text) {
            let figure = Figure {
                start: 0,
                end: quote.len(),
                value: TargetValue::Qualitative,
            };
            if let Some(mut target) = read(doc, i, &figure, quote, quote, lead_in, cx) {
                target.target.each_year = fold(quote).starts_with("hang nam");
                target.review.insert(0, msg!("extract.targets.qualitative"));
                found.push(target);
            }
        }
    }
    let mut ids = Vec::new();
    for item in &mut found {
        item.target.id = unique(&mut ids, id_of(&item.target, item.line));
    }
    found
}

/// Under a heading that sets targets, and not one that reports results.
fn in_targets(line: &Line) -> bool {
    let headings: Vec<String> = line.headings.iter().map(|h| fold(h)).collect();
    headings.iter().any(|h| has_words(h, "muc tieu"))
        && !headings.iter().any(|h| {
            ["ket qua", "thuc trang", "danh gia", "tinh hinh"]
                .iter()
                .any(|w| has_words(h, w))
        })
}

fn is_heading(line: &Line) -> bool {
    matches!(line.marker, super::doc::Marker::Number { .. }) && !line.text.contains('%')
}

/// The nearest line above that introduces a list ("- Đối với cán bộ, công
/// chức cấp xã", "a) Đến năm 2025:"): short, with no figure of its own.
fn lead_in(doc: &Doc, i: usize) -> Option<&Line> {
    doc.lines[..i]
        .iter()
        .rev()
        .take(12)
        .find(|l| !l.text.contains('%') && l.text.split_whitespace().count() <= 16)
}

/// Sentences and semicolon-separated parts of a line.
fn clauses(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        let ends = c == ';'
            || (c == '.'
                && bytes.get(i + 1) == Some(&b' ')
                && text[i + 2..].chars().next().is_some_and(char::is_uppercase));
        if ends {
            parts.push(text[start..i].trim());
            start = i + 1;
        }
    }
    parts.push(text[start..].trim());
    parts.retain(|p| !p.is_empty());
    parts
}

/// Targets a plan sets in words, without a figure: "Hằng năm, tăng tỷ lệ
/// …", "Bảo đảm tỷ lệ biết chữ cân bằng giữa nam và nữ", "duy trì kết
/// quả phổ cập …". A clause with no figure that opens with a target's verb
/// and names what is measured starts one; the figure-less clauses after it
/// in the same sentence belong to it. Each is marked for review.
fn in_words(text: &str) -> Vec<&str> {
    let mut found = Vec::new();
    for sentence in sentences(text) {
        let mut run: Option<(usize, usize)> = None;
        let mut at = 0;
        for piece in sentence.split_inclusive(';') {
            let (from, to) = (at, at + piece.trim_end_matches(';').len());
            at += piece.len();
            let clause = &sentence[from..to];
            if !percentages(clause).is_empty() {
                found.extend(run.take().map(|(f, t)| sentence[f..t].trim()));
            } else if let Some((_, end)) = &mut run {
                *end = to;
            } else if sets_in_words(&fold(clause.trim())) {
                run = Some((from, to));
            }
        }
        found.extend(run.map(|(f, t)| sentence[f..t].trim()));
    }
    found.retain(|q| !q.is_empty());
    found
}

/// Sentences of a line: cut at a full stop before a capital.
fn sentences(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c == '.'
            && text.as_bytes().get(i + 1) == Some(&b' ')
            && text[i + 2..].chars().next().is_some_and(char::is_uppercase)
        {
            parts.push(text[start..i].trim());
            start = i + 1;
        }
    }
    parts.push(text[start..].trim().trim_end_matches('.'));
    parts
}

/// A folded clause that sets a target in words: a target's verb first
/// (after "hằng năm", "tiếp tục", "đặc biệt"), and something measured.
fn sets_in_words(folded: &str) -> bool {
    let mut rest = folded;
    loop {
        let before = rest;
        for opener in ["hang nam", "tiep tuc", "dac biet", "to chuc", "tung buoc"] {
            if let Some(after) = rest.strip_prefix(opener) {
                rest = after.trim_start_matches([',', ' ']);
            }
        }
        if rest == before {
            break;
        }
    }
    let verb = [
        "tang", "bao dam", "dam bao", "uu tien", "duy tri", "giam", "phan dau", "nang",
    ]
    .iter()
    .any(|v| rest.starts_with(v) && super::doc::boundary(rest, v.len()));
    let measured = ["ty le", "pho cap", "mu chu", "biet chu", "dat chuan"]
        .iter()
        .any(|w| has_words(rest, w));
    verb && measured
}

/// Each figure of a clause with the words that belong to it: the whole
/// clause for one figure; for "Trên 55% … bậc 2 và 30% có trình độ bậc 3",
/// each from its figure to the next.
fn split(clause: &str) -> Vec<(Figure, &str)> {
    let figures = percentages(clause);
    let count = figures.len();
    let mut out = Vec::new();
    for (n, figure) in figures.iter().enumerate() {
        let from = if n == 0 { 0 } else { figure.start };
        let to = figures.get(n + 1).map_or(clause.len(), |next| next.start);
        let quote = clause[from..to]
            .trim()
            .trim_end_matches([',', ';', ':', '.'])
            .trim_end();
        let quote = if count > 1 {
            quote
                .strip_suffix(" và")
                .unwrap_or(quote)
                .trim_end_matches(',')
        } else {
            quote
        };
        for governed in governed(quote.trim()) {
            out.push((figure.clone(), governed));
        }
    }
    out
}

/// The results one figure governs, each its own target: "100% xã củng cố
/// kết quả chống mù chữ cấp độ 2, kết quả phổ cập giáo dục mầm non, phổ
/// cập tiểu học mức độ 3" holds three. A part after a comma counts when it
/// names a universalisation or literacy result of its own; other parts
/// stay with the one before them.
fn governed(quote: &str) -> Vec<&str> {
    let names_result = |part: &str| {
        let folded = fold(part);
        ["pho cap", "mu chu"].iter().any(|w| has_words(&folded, w))
    };
    let mut starts = vec![0];
    let mut at = 0;
    for piece in quote.split_inclusive(", ") {
        let next = at + piece.len();
        let current = &quote[*starts.last().unwrap_or(&0)..at];
        // After a cited document's number comes its title ("Nghị định số
        // 20/2014/NĐ-CP … về phổ cập giáo dục, xóa mù chữ"), not a result.
        if at > 0 && names_result(piece) && names_result(current) && !cites_document(current) {
            starts.push(at);
        }
        at = next;
    }
    let parts: Vec<&str> = starts
        .iter()
        .enumerate()
        .map(|(n, from)| {
            let to = starts.get(n + 1).map_or(quote.len(), |s| *s);
            quote[*from..to].trim().trim_end_matches(',').trim_end()
        })
        .collect();
    // Results measured by their own levels ("cấp độ 2", "mức độ 3") are
    // separate standards; without levels the list is one result, as the
    // catalogue's joint indicators ("phổ cập tiểu học và trung học cơ sở") count it.
    let levelled = parts.iter().filter(|p| level(&fold(p)).is_some()).count();
    if levelled >= 2 { parts } else { vec![quote] }
}

/// Whether `text` cites a document by its number ("số 20/2014/NĐ-CP").
fn cites_document(text: &str) -> bool {
    text.split_whitespace().any(|w| {
        w.starts_with(|c: char| c.is_ascii_digit())
            && w.contains('/')
            && w.chars().any(char::is_alphabetic)
    })
}

fn read(
    doc: &Doc,
    i: usize,
    figure: &Figure,
    quote: &str,
    clause: &str,
    lead_in: Option<&Line>,
    cx: &Context,
) -> Option<Found> {
    let line = &doc.lines[i];
    let folded = fold(quote);
    let clause_folded = fold(clause);
    if is_result(&clause_folded, cx) {
        return None;
    }
    let mut review = Vec::new();
    let year = own_year(&clause_folded)
        .or_else(|| year_above(doc, i))
        .unwrap_or_else(|| {
            review.push(msg!("extract.review.year-assumed"));
            cx.period.end.unwrap_or(cx.period.start)
        });
    if cx.issued.is_some_and(|issued| year < issued) {
        return None;
    }
    let after = fold(&clause[figure.end..]);
    let mut context = clause_folded.clone();
    for text in lead_in
        .iter()
        .map(|l| l.text.as_str())
        .chain(line.headings.iter().map(String::as_str))
    {
        context.push(' ');
        context.push_str(&fold(text));
    }
    let indicator = indicator(&folded, &context);
    if indicator.is_none() {
        review.push(msg!("extract.review.no-indicator"));
    }
    let stance = stance(&clause_folded);
    let target = Target {
        id: String::new(),
        indicator: indicator.clone().unwrap_or_else(|| "TODO".to_owned()),
        level: level(&folded),
        unit: Unit::Percent,
        population: population(&after),
        value: figure.value.clone(),
        stance,
        direction: None,
        year,
        each_year: false,
        condition: condition(&clause_folded),
        restates: Vec::new(),
        verification: None,
        sources: Vec::new(),
        quote: Some(Text::new(quote)),
        section: (!line.section.is_empty()).then(|| Text::new(&line.section)),
        note: None,
    };
    Some(Found {
        target,
        line: line.no,
        indicator_known: indicator.is_some(),
        review,
    })
}

/// A figure the text says was reached: "đã đạt", "đạt được", or a year
/// before the plan's without "đến" ("năm 2020 đạt 85%" in a 2021 plan).
fn is_result(clause: &str, cx: &Context) -> bool {
    if ["da dat", "dat duoc", "da co", "hien nay", "hien co"]
        .iter()
        .any(|w| has_words(clause, w))
    {
        return true;
    }
    let Some(issued) = cx.issued else {
        return false;
    };
    years_after(clause, "nam ").iter().any(|(year, before)| {
        let looks_ahead = ["den", "toi", "vao", "het", "giai doan"]
            .iter()
            .any(|w| before.ends_with(w));
        *year < issued && !looks_ahead
    })
}

/// Years written after `word`, each with the folded text before the word.
fn years_after<'a>(folded: &'a str, word: &str) -> Vec<(u16, &'a str)> {
    folded
        .match_indices(word)
        .filter_map(|(at, _)| {
            let rest = &folded[at + word.len()..];
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            let year: u16 = digits.parse().ok()?;
            (digits.len() == 4 && (1945..=2100).contains(&year))
                .then(|| (year, folded[..at].trim_end()))
        })
        .collect()
}

/// "đến năm 2025", "tới năm 2030", "đến hết năm 2020" in the clause itself.
fn own_year(clause: &str) -> Option<u16> {
    years_after(clause, "nam ")
        .into_iter()
        .find(|(_, before)| {
            ["den", "toi", "het", "vao"]
                .iter()
                .any(|w| before.ends_with(w))
        })
        .map(|(year, _)| year)
}

/// The year of the nearest heading or lead-in above, in the same part of
/// the document: "a) Mục tiêu đến năm 2025", "II. MỤC TIÊU ĐẾN NĂM 2020".
fn year_above(doc: &Doc, i: usize) -> Option<u16> {
    let part = doc.lines[i].section.split('.').next().unwrap_or("");
    doc.lines[..i]
        .iter()
        .rev()
        .take_while(|l| l.section.split('.').next().unwrap_or("") == part)
        .filter(|l| !l.text.contains('%') && l.text.split_whitespace().count() <= 16)
        .find_map(|l| {
            let folded = fold(&l.text);
            own_year(&folded).or_else(|| {
                years_after(&folded, "nam ")
                    .into_iter()
                    .find(|(_, before)| before.ends_with("trong") || before.is_empty())
                    .map(|(y, _)| y)
            })
        })
}

fn level(folded: &str) -> Option<u8> {
    ["muc do ", "cap do ", "bac "].iter().find_map(|word| {
        folded.match_indices(word).find_map(|(at, _)| {
            let digits: String = folded[at + word.len()..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            digits.parse::<u8>().ok().filter(|l| (1..=9).contains(l))
        })
    })
}

fn stance(clause: &str) -> Option<Stance> {
    if has_words(clause, "phan dau") {
        Some(Stance::Strive)
    } else if has_words(clause, "duy tri") {
        Some(Stance::Maintain)
    } else if has_words(clause, "khoang") {
        Some(Stance::About)
    } else {
        None
    }
}

fn condition(clause: &str) -> Option<String> {
    [
        "vung kho khan",
        "dac biet kho khan",
        "vung sau",
        "vung xa",
        "vung nui",
    ]
    .iter()
    .any(|w| has_words(clause, w))
    .then(|| "disadvantaged_areas".to_owned())
}

/// What the figure counts, from the words after it.
fn population(after: &str) -> Population {
    let words = after
        .trim_start()
        .trim_start_matches("tro len")
        .trim_start()
        .trim_start_matches("so ")
        .trim_start_matches("cac ")
        .trim_start();
    let starts = |p: &str| words.starts_with(p);
    if starts("don vi hanh chinh cap xa") || starts("xa") || starts("phuong") {
        Population::Communes
    } else if starts("huyen") || starts("quan") {
        Population::Districts
    } else if starts("tinh") {
        Population::Provinces
    } else if starts("gia dinh") || starts("ho ") {
        Population::Households
    } else if starts("dong ho") {
        Population::Clans
    } else if ["cong dong", "thon", "ap", "khu pho", "to dan pho"]
        .iter()
        .any(|p| starts(p))
    {
        Population::Communities
    } else if ["trung tam", "co so", "truong"].iter().any(|p| starts(p)) {
        Population::Institutions
    } else if ["co quan", "don vi", "doanh nghiep"]
        .iter()
        .any(|p| starts(p))
    {
        Population::Units
    } else {
        Population::People
    }
}

/// Words of an indicator's name that say nothing of what it measures.
const PLAIN: &[&str] = &[
    "ty", "le", "cac", "va", "cua", "theo", "trong", "tai", "o", "cho", "muc", "do", "bac", "duoc",
    "co", "dat", "the", "nhung", "so",
];

/// The catalogue's indicator whose name the clause (with the lines that
/// introduce it) says best, if it says nearly all of it.
fn indicator(quote: &str, context: &str) -> Option<String> {
    let words = |text: &str| -> Vec<String> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty() && !PLAIN.contains(w))
            .map(str::to_owned)
            .collect()
    };
    let (own, around) = (words(quote), words(context));
    let mut best: Option<(f64, usize, bool, &str)> = None;
    for indicator in &Catalogue::embedded().indicators {
        if indicator.unit != Unit::Percent {
            continue;
        }
        let name = fold(indicator.vi.as_str());
        let wanted = words(&name);
        if wanted.is_empty() {
            continue;
        }
        let met = wanted
            .iter()
            .filter(|w| around.contains(w) || own.contains(w))
            .count();
        let in_own = wanted.iter().filter(|w| own.contains(w)).count();
        #[expect(clippy::cast_precision_loss, reason = "word counts are small")]
        let share = met as f64 / wanted.len() as f64;
        let level = names_the_level(&name, quote, context);
        let better = best.is_none_or(|(s, o, l, _)| {
            let same = (share - s).abs() < f64::EPSILON;
            share > s || (same && in_own > o) || (same && in_own == o && level && !l)
        });
        if better {
            best = Some((share, in_own, level, indicator.id.as_str()));
        }
    }
    best.filter(|(share, in_own, _, _)| *share >= 0.75 && *in_own >= 2)
        .map(|(_, _, _, id)| id.to_owned())
}

/// Whether an indicator's name (folded) names the level of government the
/// clause or the lines above it name: of two indicators the words fit
/// equally ("công chức … bồi dưỡng" of the province and of the commune),
/// the one of the level the plan is speaking of.
fn names_the_level(name: &str, quote: &str, context: &str) -> bool {
    const LEVELS: &[&str] = &["cap xa", "cap huyen", "cap tinh"];
    LEVELS.iter().any(|level| {
        has_words(name, level) && (has_words(quote, level) || has_words(context, level))
    })
}

fn id_of(target: &Target, line: usize) -> String {
    if target.indicator == "TODO" {
        return format!("target-line-{line}");
    }
    let name = target
        .indicator
        .rsplit('.')
        .next()
        .unwrap_or(&target.indicator)
        .replace('_', "-");
    match target.level {
        Some(level) => format!("{name}-l{level}-{}", target.year),
        None => format!("{name}-{}", target.year),
    }
}

pub(super) fn unique(taken: &mut Vec<String>, wanted: String) -> String {
    let id = if taken.contains(&wanted) {
        (2..u32::MAX)
            .map(|n| format!("{wanted}-{n}"))
            .find(|id| !taken.contains(id))
            .unwrap_or_default()
    } else {
        wanted
    };
    taken.push(id.clone());
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn of_two_indicators_that_fit_alike_the_one_of_the_level_named_wins() {
        let clause = fold("duy trì 98% thực hiện chế độ bồi dưỡng bắt buộc tối thiểu hằng năm");
        // Both names' words are all here; only the level tells them apart.
        let commune = fold("Về cán bộ, công chức cấp xã trong 5 năm tới:");
        let province = fold("Đối với cán bộ, công chức cấp tỉnh, cấp huyện:");
        assert_eq!(
            indicator(&clause, &commune).as_deref(),
            Some("professional.officials_commune.compulsory_annual_training")
        );
        assert_eq!(
            indicator(&clause, &province).as_deref(),
            Some("professional.officials_province_district.compulsory_annual_training")
        );
    }

    #[test]
    fn one_figure_governs_each_result_it_lists() {
        assert_eq!(
            governed(
                "100% xã duy trì kết quả xóa mù chữ mức độ 2, kết quả phổ cập giáo dục mầm non cho trẻ 5 tuổi, phổ cập tiểu học mức độ 3"
            ),
            [
                "100% xã duy trì kết quả xóa mù chữ mức độ 2",
                "kết quả phổ cập giáo dục mầm non cho trẻ 5 tuổi",
                "phổ cập tiểu học mức độ 3"
            ]
        );
        // Without levels, one result (the catalogue counts them jointly).
        assert_eq!(
            governed(
                "100% huyện củng cố kết quả phổ cập tiểu học, kết quả phổ cập trung học cơ sở"
            ),
            ["100% huyện củng cố kết quả phổ cập tiểu học, kết quả phổ cập trung học cơ sở"]
        );
        // A list of who is counted is one target, not several.
        assert_eq!(
            governed("95% cán bộ, công chức, viên chức được bồi dưỡng"),
            ["95% cán bộ, công chức, viên chức được bồi dưỡng"]
        );
    }

    fn found(text: &str) -> Vec<Found> {
        let cx = Context {
            issued: Some(2024),
            period: Period {
                start: 2024,
                end: Some(2028),
            },
        };
        extract(&Doc::parse(text), &cx)
    }

    #[test]
    fn a_target_set_in_words_is_kept_for_review() {
        let got = found(
            "II. MỤC TIÊU ĐẾN NĂM 2028
             - Mỗi năm, 95% học viên hoàn thành khóa học. Hằng năm, nâng dần tỷ lệ người cao tuổi tham gia câu lạc bộ đọc sách.
             - Bảo đảm tỷ lệ trẻ em gái đến trường ngang bằng trẻ em trai; chú trọng các thôn vùng cao.
             - Khuyến khích người dân tự học qua mạng.
             - Từng bước duy trì kết quả phổ cập giáo dục mầm non; phấn đấu 60% thôn có tủ sách.",
        );
        let words: Vec<(&str, bool)> = got
            .iter()
            .filter(|f| f.target.value == TargetValue::Qualitative)
            .map(|f| {
                let quote = f.target.quote.as_ref().map_or("", Text::as_str);
                (quote, f.target.each_year)
            })
            .collect();
        assert_eq!(
            words,
            [
                (
                    "Hằng năm, nâng dần tỷ lệ người cao tuổi tham gia câu lạc bộ đọc sách",
                    true
                ),
                (
                    "Bảo đảm tỷ lệ trẻ em gái đến trường ngang bằng trẻ em trai; chú trọng các thôn vùng cao",
                    false
                ),
                ("Từng bước duy trì kết quả phổ cập giáo dục mầm non", false),
            ],
            "an encouragement that measures nothing is no target"
        );
        let qualitative = got
            .iter()
            .find(|f| f.target.value == TargetValue::Qualitative)
            .unwrap();
        assert_eq!(qualitative.target.year, 2028);
        assert_eq!(
            qualitative.review[0].id(),
            Some("extract.targets.qualitative")
        );
        assert_eq!(got.len(), 5, "and the two figures");
    }

    #[test]
    fn a_cited_documents_title_is_no_result_of_its_own() {
        let got = found(
            "II. MỤC TIÊU
- Đến năm 2028, 100% xã giữ vững phổ cập tiểu học mức độ 3, xóa mù chữ mức độ 2 theo Thông tư số 07/2016/TT-BGDĐT về phổ cập giáo dục, xóa mù chữ.",
        );
        let levels: Vec<Option<u8>> = got.iter().map(|f| f.target.level).collect();
        assert_eq!(levels, [Some(3), Some(2)]);
    }

    #[test]
    fn each_governed_result_has_its_own_level() {
        let doc = Doc::parse(
            "II. MỤC TIÊU\n- Đến năm 2026, 100% xã giữ vững kết quả xóa mù chữ mức độ 2, phổ cập giáo dục tiểu học mức độ 3.",
        );
        let cx = Context {
            issued: Some(2024),
            period: Period {
                start: 2024,
                end: Some(2026),
            },
        };
        let got: Vec<(Option<u8>, u16)> = extract(&doc, &cx)
            .iter()
            .map(|f| (f.target.level, f.target.year))
            .collect();
        assert_eq!(got, [(Some(2), 2026), (Some(3), 2026)]);
    }
}
