//! Target by target: does the plan ask for at least what the plan above it
//! asks for?

use serde::Serialize;

use crate::catalogue::Catalogue;
use crate::finding::{Anchor, Finding, Rule, Severity};
use crate::i18n::Lang;
use crate::model::{Direction, Plan, Population, Target, TargetValue, Unit, Verification};
use crate::source::{FieldPath, SourceFile};
use crate::tr;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case", tag = "status", content = "reason")]
pub enum TargetStatus {
    /// The upper plan sets a figure for a milestone in the plan's period; the plan has nothing.
    Gap,
    Shortfall,
    Meets,
    Exceeds,
    /// Same indicator, counted differently; the reason says how.
    NotComparable(String),
    /// Both state the aim without a figure.
    NoFigures,
    /// The upper plan names the indicator, but no figure was found for the milestone.
    NoNationalFigure,
    /// In the plan, not in the upper plan.
    LocalOnly,
}

/// One pair of targets, or one unpaired target, as a row a reader can check
/// against both texts.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct TargetRow {
    pub indicator: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub condition: Option<String>,
    pub year: u16,
    /// Id of the upper plan's target.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scheme_target: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scheme_value: Option<String>,
    /// Id of the plan's target.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan_target: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan_value: Option<String>,
    /// Plan minus scheme, in the unit of both, where the pair is comparable.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub difference: Option<f64>,
    /// The least the scheme's and the plan's values ask for, where the pair
    /// is comparable (what a chart draws).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scheme_figure: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan_figure: Option<f64>,
    #[serde(flatten)]
    pub status: TargetStatus,
    /// The verification flag of the upper plan's figure.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verification: Option<Verification>,
}

pub(super) fn compare(
    local: &Plan,
    local_source: &SourceFile,
    upper: &Plan,
    upper_source: &SourceFile,
) -> (Vec<TargetRow>, Vec<Finding>) {
    let catalogue = Catalogue::embedded();
    let period = local.document.period;
    let mut rows = Vec::new();
    let mut findings = Vec::new();
    let mut paired = vec![false; local.targets.len()];
    for (ui, theirs) in upper.targets.iter().enumerate() {
        if !period.contains(theirs.year) {
            continue;
        }
        let matches: Vec<usize> = local
            .targets
            .iter()
            .enumerate()
            .filter(|(_, ours)| pairs(ours, theirs, &upper.document.id))
            .map(|(i, _)| i)
            .collect();
        if matches.is_empty() {
            let regional = theirs
                .condition
                .as_deref()
                .and_then(|c| catalogue.condition(c))
                .filter(|c| c.region);
            let status = if theirs.value == TargetValue::Unavailable {
                TargetStatus::NoNationalFigure
            } else if let Some(region) = regional {
                // Which provinces a region holds is not on record; a gap here
                // could be false, and silence would hide a real one.
                TargetStatus::NotComparable(tr!(
                    "binds only {}; whether {} is one of them is not on record",
                    "chỉ áp dụng cho {}; chưa có thông tin {} có thuộc phạm vi này hay không",
                    region.vi,
                    local.document.jurisdiction
                ))
            } else {
                findings.push(gap(local, upper, upper_source, ui));
                TargetStatus::Gap
            };
            rows.push(row(theirs, Some(theirs), None, status));
            continue;
        }
        for li in matches {
            paired[li] = true;
            let ours = &local.targets[li];
            // The plan above decides which way is better; a plan cannot turn
            // its own comparison around.
            let direction = theirs
                .direction
                .or_else(|| catalogue.indicator(&theirs.indicator).map(|i| i.direction))
                .unwrap_or(Direction::HigherIsBetter);
            let status = judge(ours, theirs, direction);
            if status == TargetStatus::Shortfall {
                findings.push(
                    shortfall(local_source, li, ours, upper, theirs)
                        .about(&local.document.id, subject(ours)),
                );
            }
            rows.push(row(theirs, Some(theirs), Some(ours), status));
        }
    }
    for (li, ours) in local.targets.iter().enumerate() {
        if !paired[li] {
            rows.push(row(ours, None, Some(ours), TargetStatus::LocalOnly));
        }
    }
    rows.sort_by(|a, b| {
        (a.year, &a.indicator, a.level, &a.condition, &a.plan_target).cmp(&(
            b.year,
            &b.indicator,
            b.level,
            &b.condition,
            &b.plan_target,
        ))
    });
    (rows, findings)
}

/// Same indicator, level, year and condition, or an explicit `restates` link.
fn pairs(ours: &Target, theirs: &Target, upper_id: &str) -> bool {
    let restated = ours
        .restates
        .iter()
        .any(|r| r.plan == upper_id && r.item == theirs.id);
    let same_key = ours.indicator == theirs.indicator
        && ours.level == theirs.level
        && ours.year == theirs.year
        && ours.condition == theirs.condition;
    restated || same_key
}

/// The least a value asks for: the figure and whether it must be exceeded
/// strictly ("trên 99%" asks for more than 99%).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Floor {
    value: f64,
    strict: bool,
}

fn floor(value: &TargetValue) -> Option<Floor> {
    match *value {
        TargetValue::Point(v) | TargetValue::AtLeast(v) => Some(Floor {
            value: v,
            strict: false,
        }),
        TargetValue::Above(v) => Some(Floor {
            value: v,
            strict: true,
        }),
        TargetValue::Range { min, .. } => Some(Floor {
            value: min,
            strict: false,
        }),
        TargetValue::Qualitative | TargetValue::Unavailable => None,
    }
}

/// The most a value allows, for indicators where lower is better.
fn ceiling(value: &TargetValue) -> Option<Floor> {
    match *value {
        TargetValue::Point(v) => Some(Floor {
            value: v,
            strict: false,
        }),
        TargetValue::Range { max, .. } => Some(Floor {
            value: max,
            strict: false,
        }),
        TargetValue::AtLeast(_)
        | TargetValue::Above(_)
        | TargetValue::Qualitative
        | TargetValue::Unavailable => None,
    }
}

fn judge(ours: &Target, theirs: &Target, direction: Direction) -> TargetStatus {
    if theirs.value == TargetValue::Unavailable {
        return TargetStatus::NoNationalFigure;
    }
    if ours
        .value
        .numbers()
        .iter()
        .chain(&theirs.value.numbers())
        .any(|v| !v.is_finite())
    {
        return TargetStatus::NotComparable(tr!(
            "a value is not a number",
            "có giá trị không phải là số"
        ));
    }
    if ours.direction.is_some_and(|d| d != direction) {
        return TargetStatus::NotComparable(tr!(
            "the plan reverses which way is better for this indicator",
            "kế hoạch đảo ngược chiều đánh giá của chỉ tiêu này"
        ));
    }
    if ours.condition != theirs.condition {
        return TargetStatus::NotComparable(match &ours.condition {
            Some(condition) => tr!(
                "the plan restricts the target to `{condition}`",
                "kế hoạch chỉ đặt chỉ tiêu cho `{condition}`"
            ),
            None => tr!(
                "the scheme's target is for a sub-population the plan does not single out",
                "chỉ tiêu của đề án dành cho một nhóm đối tượng mà kế hoạch không tách riêng"
            ),
        });
    }
    if ours.level.is_none() && theirs.level.is_some() {
        return TargetStatus::NotComparable(tr!(
            "the plan names no standard level; the scheme sets one",
            "kế hoạch không nêu mức độ chuẩn; đề án có nêu"
        ));
    }
    // A restated target set for a later year postpones the scheme's.
    if ours.year > theirs.year && theirs.value != TargetValue::Qualitative {
        return TargetStatus::Shortfall;
    }
    if ours.unit != theirs.unit || ours.population != theirs.population {
        return TargetStatus::NotComparable(tr!(
            "the scheme counts {}, the plan counts {}",
            "đề án tính {}, kế hoạch tính {}",
            counted(theirs),
            counted(ours)
        ));
    }
    if let (Some(a), Some(b)) = (ours.level, theirs.level)
        && a != b
    {
        return if a < b {
            TargetStatus::Shortfall
        } else {
            TargetStatus::NotComparable(tr!(
                "the plan sets level {a}, the scheme level {b}: a higher standard, but the shares are of different things",
                "kế hoạch đặt mức độ {a}, đề án đặt mức độ {b}: chuẩn cao hơn, nhưng hai tỷ lệ tính trên những đối tượng khác nhau"
            ))
        };
    }
    let (ours_bound, theirs_bound) = match direction {
        Direction::HigherIsBetter => (floor(&ours.value), floor(&theirs.value)),
        Direction::LowerIsBetter => (ceiling(&ours.value), ceiling(&theirs.value)),
    };
    match (ours_bound, theirs_bound) {
        (None, None) => TargetStatus::NoFigures,
        // The scheme sets a figure and the plan only states the aim.
        (None, Some(_)) => TargetStatus::Shortfall,
        // A figure against an aim the scheme states without one.
        (Some(_), None) => TargetStatus::NotComparable(tr!(
            "the scheme states the aim without a figure",
            "đề án chỉ nêu định hướng, không có số liệu"
        )),
        (Some(a), Some(b)) => {
            let better = |x: Floor, y: Floor| match direction {
                Direction::HigherIsBetter => {
                    x.value > y.value || (x.value == y.value && x.strict && !y.strict)
                }
                Direction::LowerIsBetter => {
                    x.value < y.value || (x.value == y.value && x.strict && !y.strict)
                }
            };
            if better(a, b) {
                TargetStatus::Exceeds
            } else if better(b, a) {
                TargetStatus::Shortfall
            } else {
                TargetStatus::Meets
            }
        }
    }
}

/// What a target counts: "percent of districts", "tỷ lệ % số huyện".
fn counted(t: &Target) -> String {
    match crate::i18n::lang() {
        Lang::En => format!("{:?} of {:?}", t.unit, t.population).to_lowercase(),
        Lang::Vi => {
            let of = match t.population {
                Population::People => "người",
                Population::Provinces => "tỉnh",
                Population::Districts => "huyện",
                Population::Communes => "xã",
                Population::Households => "hộ gia đình",
                Population::Clans => "dòng họ",
                Population::Communities => "thôn, ấp, bản, tổ dân phố",
                Population::Units => "đơn vị",
                Population::Institutions => "cơ sở",
                Population::Libraries => "thư viện",
                Population::Museums => "bảo tàng",
                Population::CulturalCentres => "trung tâm văn hóa",
                Population::Members => "hội viên",
                Population::Uses => "lượt sử dụng",
            };
            match t.unit {
                Unit::Percent => format!("tỷ lệ % số {of}"),
                Unit::Count => format!("số {of}"),
                Unit::PercentGrowthPerYear => format!("mức tăng % mỗi năm của số {of}"),
                Unit::Level => format!("mức độ đạt được của {of}"),
            }
        }
    }
}

fn row(
    key: &Target,
    theirs: Option<&Target>,
    ours: Option<&Target>,
    status: TargetStatus,
) -> TargetRow {
    let comparable = matches!(
        status,
        TargetStatus::Meets | TargetStatus::Exceeds | TargetStatus::Shortfall
    );
    let figures = match (
        ours.and_then(|t| floor(&t.value)),
        theirs.and_then(|t| floor(&t.value)),
    ) {
        (Some(a), Some(b)) if comparable => Some((a.value, b.value)),
        _ => None,
    };
    let difference = figures.map(|(a, b)| ((a - b) * 100.0).round() / 100.0);
    TargetRow {
        indicator: key.indicator.clone(),
        level: key.level,
        condition: key.condition.clone(),
        year: key.year,
        scheme_target: theirs.map(|t| t.id.clone()),
        scheme_value: theirs.map(Target::value_text),
        plan_target: ours.map(|t| t.id.clone()),
        plan_value: ours.map(Target::value_text),
        difference,
        scheme_figure: figures.map(|(_, b)| b),
        plan_figure: figures.map(|(a, _)| a),
        status,
        verification: theirs.and_then(|t| t.verification),
    }
}

/// Findings on a national figure the reference could not confirm are
/// softened, and say what they rest on. A parent plan's figures are its own
/// text: they carry no flag and are taken as written.
fn trust(upper: &Plan, theirs: &Target) -> (Severity, Option<String>) {
    if upper.document.level != crate::model::Level::National {
        return (Severity::Error, None);
    }
    match theirs.verification {
        Some(Verification::Verified | Verification::VerifiedDerived) => (Severity::Error, None),
        Some(Verification::VerifiedEn) => (
            Severity::Warning,
            Some(tr!(
                "the national figure was seen only in an English or French summary, which may blur its wording",
                "số liệu quốc gia chỉ thấy trong bản tóm tắt tiếng Anh hoặc tiếng Pháp, có thể không sát với văn bản gốc"
            )),
        ),
        Some(Verification::VerifiedLocal) => (
            Severity::Warning,
            Some(tr!(
                "the national figure was seen only in provincial plans restating the scheme",
                "số liệu quốc gia chỉ thấy trong kế hoạch của các tỉnh nhắc lại đề án"
            )),
        ),
        Some(Verification::Disputed) => (
            Severity::Info,
            Some(tr!(
                "sources disagree on the national figure",
                "các nguồn không thống nhất về số liệu quốc gia"
            )),
        ),
        Some(Verification::Unverified | Verification::NotFound) | None => (
            Severity::Info,
            Some(tr!(
                "the national figure is unverified",
                "số liệu quốc gia chưa được kiểm chứng"
            )),
        ),
    }
}

/// The subject of a target finding: indicator, level, condition and year.
/// The same in every language, so that findings of two runs can be matched.
fn subject(t: &Target) -> String {
    format!("{} {}", describe_in(t, Lang::En), t.year)
}

/// The indicator with its level and condition, for a message.
fn describe(t: &Target) -> String {
    describe_in(t, crate::i18n::lang())
}

fn describe_in(t: &Target, lang: Lang) -> String {
    let mut s = t.indicator.clone();
    if let Some(level) = t.level {
        s.push_str(&format!(" ({} {level})", lang.pick("level", "mức độ")));
    }
    if let Some(condition) = &t.condition {
        s.push_str(&format!(" [{condition}]"));
    }
    s
}

fn gap(local: &Plan, upper: &Plan, upper_source: &SourceFile, index: usize) -> Finding {
    let theirs = &upper.targets[index];
    let (severity, rests_on) = trust(upper, theirs);
    let path = FieldPath::root().key("targets").index(index);
    let mut finding = Finding::at(
        Rule::Gap,
        upper_source,
        &path.key("id"),
        Anchor::Value,
        tr!(
            "{} sets {} for {} by {}; `{}` has no target for it",
            "{} đặt {} cho {} đến năm {}; `{}` không có chỉ tiêu tương ứng",
            upper.document.id,
            theirs.value_text(),
            describe(theirs),
            theirs.year,
            local.document.id
        ),
    )
    .severity(severity)
    .about(&local.document.id, subject(theirs))
    .figures(Some(theirs.value_text()), None)
    .rests_on(&upper.document.id, &theirs.id, theirs.verification)
    .hint(tr!(
        "add a target with indicator `{}` and year {} to `{}`, or a `restates` link from the target that covers it",
        "bổ sung vào `{2}` một chỉ tiêu có mã chỉ tiêu `{0}` và năm {1}, hoặc thêm liên kết `restates` từ chỉ tiêu đã bao hàm nội dung này",
        theirs.indicator,
        theirs.year,
        local.document.id
    ));
    if let Some(why) = rests_on {
        finding = finding.note(why);
    }
    let related: Vec<String> = local
        .targets
        .iter()
        .filter(|t| t.indicator == theirs.indicator && t.year == theirs.year)
        .map(|t| {
            let level = t
                .level
                .map(|l| tr!(" at level {l}", ", mức độ {l}"))
                .unwrap_or_default();
            format!("`{}` ({}{level})", t.id, t.value_text())
        })
        .collect();
    if !related.is_empty() {
        finding = finding.note(tr!(
            "the plan does set {} for the same indicator and year: check whether it covers this one",
            "kế hoạch có đặt {} cho cùng chỉ tiêu và năm này: kiểm tra xem có bao hàm chỉ tiêu trên không",
            related.join(", ")
        ));
    }
    finding
}

fn shortfall(
    source: &SourceFile,
    index: usize,
    ours: &Target,
    upper: &Plan,
    theirs: &Target,
) -> Finding {
    let (severity, rests_on) = trust(upper, theirs);
    let path = FieldPath::root().key("targets").index(index).key("value");
    let message = match (&ours.value, ours.level, theirs.level) {
        (TargetValue::Qualitative, _, _) => tr!(
            "`{}` states {} without a figure; {} sets {} by {}",
            "`{}` nêu {} nhưng không có số liệu; {} đặt {} đến năm {}",
            ours.id,
            describe(ours),
            upper.document.id,
            theirs.value_text(),
            theirs.year
        ),
        (_, Some(a), Some(b)) if a < b => tr!(
            "`{}` sets level {a} for {}; {} sets level {b}",
            "`{}` đặt mức độ {a} cho {}; {} đặt mức độ {b}",
            ours.id,
            ours.indicator,
            upper.document.id
        ),
        _ => tr!(
            "`{}` sets {} for {} by {}; {} sets {} by {}",
            "`{}` đặt {} cho {} đến năm {}; {} đặt {} đến năm {}",
            ours.id,
            ours.value_text(),
            describe(ours),
            ours.year,
            upper.document.id,
            theirs.value_text(),
            theirs.year
        ),
    };
    let mut finding =
        Finding::at(Rule::Shortfall, source, &path, Anchor::Value, message).severity(severity);
    if let Some(why) = rests_on {
        finding = finding.note(why);
    }
    if let Some(note) = &theirs.note {
        finding = finding.note(tr!(
            "on the national figure: {note}",
            "về số liệu quốc gia: {note}"
        ));
    }
    finding
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Population, Unit};

    fn target(value: TargetValue) -> Target {
        Target {
            id: "t".into(),
            indicator: "model.learning_clan".into(),
            level: None,
            unit: Unit::Percent,
            population: Population::Clans,
            value,
            stance: None,
            direction: None,
            year: 2020,
            each_year: false,
            condition: None,
            restates: Vec::new(),
            verification: None,
            sources: Vec::new(),
            quote: None,
            section: None,
            note: None,
        }
    }

    fn status(ours: TargetValue, theirs: TargetValue) -> TargetStatus {
        judge(&target(ours), &target(theirs), Direction::HigherIsBetter)
    }

    #[test]
    fn bounds_points_and_ranges() {
        use TargetValue::*;
        assert_eq!(
            status(
                Range {
                    min: 30.0,
                    max: 50.0
                },
                Point(50.0)
            ),
            TargetStatus::Shortfall
        );
        assert_eq!(status(Above(99.0), Point(98.0)), TargetStatus::Exceeds);
        assert_eq!(status(Above(90.0), Point(90.0)), TargetStatus::Exceeds);
        assert_eq!(status(Point(90.0), Above(90.0)), TargetStatus::Shortfall);
        assert_eq!(status(AtLeast(90.0), Point(90.0)), TargetStatus::Meets);
        assert_eq!(status(Point(85.0), Point(90.0)), TargetStatus::Shortfall);
        assert_eq!(status(Qualitative, Point(90.0)), TargetStatus::Shortfall);
        assert_eq!(status(Qualitative, Qualitative), TargetStatus::NoFigures);
        assert_eq!(
            status(Point(90.0), Unavailable),
            TargetStatus::NoNationalFigure
        );
    }

    #[test]
    fn a_plan_cannot_turn_its_comparison_around() {
        let mut ours = target(TargetValue::Point(5.0));
        ours.direction = Some(Direction::LowerIsBetter);
        let theirs = target(TargetValue::Point(40.0));
        assert!(matches!(
            judge(&ours, &theirs, Direction::HigherIsBetter),
            TargetStatus::NotComparable(_)
        ));
    }

    #[test]
    fn restated_targets_must_match_year_level_and_condition() {
        let theirs = target(TargetValue::Point(40.0));
        let mut later = target(TargetValue::Point(40.0));
        later.year = 2030;
        assert_eq!(
            judge(&later, &theirs, Direction::HigherIsBetter),
            TargetStatus::Shortfall
        );
        let mut narrower = target(TargetValue::Point(40.0));
        narrower.condition = Some("disadvantaged_areas".into());
        assert!(matches!(
            judge(&narrower, &theirs, Direction::HigherIsBetter),
            TargetStatus::NotComparable(_)
        ));
        let mut levelled = target(TargetValue::Point(40.0));
        levelled.level = Some(2);
        let unlevelled = target(TargetValue::Point(90.0));
        assert!(matches!(
            judge(&unlevelled, &levelled, Direction::HigherIsBetter),
            TargetStatus::NotComparable(_)
        ));
        assert!(matches!(
            status(TargetValue::Point(0.0), TargetValue::Qualitative),
            TargetStatus::NotComparable(_)
        ));
    }

    #[test]
    fn lower_is_better_reverses() {
        let s = judge(
            &target(TargetValue::Point(5.0)),
            &target(TargetValue::Point(10.0)),
            Direction::LowerIsBetter,
        );
        assert_eq!(s, TargetStatus::Exceeds);
    }

    #[test]
    fn other_population_is_not_comparable() {
        let mut ours = target(TargetValue::Point(100.0));
        ours.population = Population::Districts;
        let mut theirs = target(TargetValue::Point(70.0));
        theirs.population = Population::Provinces;
        match judge(&ours, &theirs, Direction::HigherIsBetter) {
            TargetStatus::NotComparable(why) => assert!(
                why.contains("provinces") && why.contains("districts"),
                "{why}"
            ),
            other => panic!("{other:?}"),
        }
    }
}
