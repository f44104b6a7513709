//! Judging a pair: bounds, ranges and directions, and the conversions that
//! make a share of districts answer a share of provinces, each no surer than
//! the facts it rests on.

use super::super::evidence::Certainty;
use super::*;
use crate::catalogue::{Catalogue, Standards};
use crate::i18n::Lang;
use crate::model::{Direction, Level, Plan, Population, Target, TargetValue, Unit, Verification};
use crate::tr;

/// The least a value asks for: the figure and whether it must be exceeded
/// strictly ("trên 99%" asks for more than 99%).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Floor {
    pub(super) value: f64,
    pub(super) strict: bool,
}

pub(super) fn floor(value: &TargetValue) -> Option<Floor> {
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
pub(super) fn ceiling(value: &TargetValue) -> Option<Floor> {
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

/// A judged pair: the status, how it was made comparable, whether the two
/// figures are in one unit (so their difference means something), and the
/// flags of the facts the conversion rested on (a threshold, a level step).
pub(super) struct Verdict {
    pub(super) status: TargetStatus,
    pub(super) basis: Option<String>,
    pub(super) figures_comparable: bool,
    pub(super) facts: Vec<Verification>,
}

impl Verdict {
    pub(super) fn plain(status: TargetStatus) -> Self {
        let figures_comparable = status.is_verdict();
        Self {
            status,
            basis: None,
            figures_comparable,
            facts: Vec::new(),
        }
    }

    /// A verdict is no surer than the weakest fact it rests on.
    pub(super) fn certainty(&self, figure: Certainty) -> Certainty {
        self.facts.iter().fold(figure, |sure, &fact| {
            let cap = match fact {
                Verification::Verified | Verification::VerifiedDerived => Certainty::Sure,
                Verification::VerifiedEn
                | Verification::VerifiedLocal
                | Verification::SingleSource => Certainty::SingleSource,
                Verification::Disputed | Verification::Unverified | Verification::NotFound => {
                    Certainty::Doubtful
                }
            };
            weakest(sure, cap)
        })
    }
}

pub(super) fn weakest(a: Certainty, b: Certainty) -> Certainty {
    let rank = |c: Certainty| match c {
        Certainty::Sure => 0,
        Certainty::SingleSource => 1,
        Certainty::Doubtful => 2,
        Certainty::OwnFigure => 3,
    };
    if rank(a) >= rank(b) { a } else { b }
}

pub(super) fn judge(
    plan: &Plan,
    ours: &Target,
    theirs: &Target,
    year: u16,
    pairing: Pairing,
) -> Verdict {
    let catalogue = Catalogue::embedded();
    // The plan above decides which way is better; a plan cannot turn its
    // own comparison around.
    let direction = theirs
        .direction
        .or_else(|| catalogue.indicator(&theirs.indicator).map(|i| i.direction))
        .unwrap_or(Direction::HigherIsBetter);
    let mut verdict = judge_values(plan, ours, theirs, direction, pairing);
    // Shares of different things have no difference worth printing.
    if ours.unit != theirs.unit || ours.population != theirs.population {
        verdict.figures_comparable = false;
    }
    let mut basis: Vec<String> = Vec::new();
    if year != theirs.year {
        basis.push(tr!(
            "the scheme's figure holds every year up to {}",
            "chỉ tiêu của đề án áp dụng hằng năm đến năm {}",
            theirs.year
        ));
    }
    basis.extend(verdict.basis.take());
    if pairing == Pairing::HigherLevel
        && let (Some(a), Some(b)) = (ours.level, theirs.level)
        && let Some(steps) = cumulative(&theirs.indicator, a, b)
    {
        let flags: Vec<String> = steps
            .iter()
            .map(|s| crate::model::wire_name(&s.verification))
            .collect();
        basis.push(tr!(
            "level {a} includes level {b} ({})",
            "đạt mức độ {a} là đã đạt mức độ {b} ({})",
            flags.join(", ")
        ));
        verdict.facts.extend(steps.iter().map(|s| s.verification));
    }
    verdict.basis = (!basis.is_empty()).then(|| basis.join("; "));
    verdict
}

pub(super) fn judge_values(
    plan: &Plan,
    ours: &Target,
    theirs: &Target,
    direction: Direction,
    pairing: Pairing,
) -> Verdict {
    if theirs.value == TargetValue::Unavailable {
        return Verdict::plain(TargetStatus::NoNationalFigure);
    }
    if ours
        .value
        .numbers()
        .iter()
        .chain(&theirs.value.numbers())
        .any(|v| !v.is_finite())
    {
        return Verdict::plain(TargetStatus::NotComparable(tr!(
            "a value is not a number",
            "có giá trị không phải là số"
        )));
    }
    if ours.direction.is_some_and(|d| d != direction) {
        return Verdict::plain(TargetStatus::NotComparable(tr!(
            "the plan reverses which way is better for this indicator",
            "kế hoạch đảo ngược chiều đánh giá của chỉ tiêu này"
        )));
    }
    if ours.condition != theirs.condition && ours.condition.is_some() {
        return Verdict::plain(TargetStatus::NotComparable(tr!(
            "the plan restricts the target to `{}`",
            "kế hoạch chỉ đặt chỉ tiêu cho `{}`",
            ours.condition.as_deref().unwrap_or_default()
        )));
    }
    if ours.condition.is_none()
        && let Some(condition) = &theirs.condition
        && Catalogue::embedded()
            .condition(condition)
            .is_none_or(|c| c.regions.is_empty())
    {
        return Verdict::plain(TargetStatus::NotComparable(tr!(
            "the scheme's target is for a sub-population the plan does not single out",
            "chỉ tiêu của đề án dành cho một nhóm đối tượng mà kế hoạch không tách riêng"
        )));
    }
    if ours.level.is_none() && theirs.level.is_some() {
        return Verdict::plain(TargetStatus::NotComparable(tr!(
            "the plan names no standard level; the scheme sets one",
            "kế hoạch không nêu mức độ chuẩn; đề án có nêu"
        )));
    }
    // A restated target set for a later year postpones the scheme's.
    if ours.year > theirs.year && theirs.value != TargetValue::Qualitative {
        return Verdict::plain(TargetStatus::Shortfall);
    }
    if let (Some(a), Some(b)) = (ours.level, theirs.level) {
        if a < b {
            return Verdict::plain(TargetStatus::Shortfall);
        }
        if pairing == Pairing::HigherLevelUnproven {
            return Verdict::plain(TargetStatus::NotComparable(tr!(
                "the plan sets level {a}, the scheme level {b}; whether level {a} includes level {b} is not on record",
                "kế hoạch đặt mức độ {a}, đề án đặt mức độ {b}; chưa có căn cứ mức độ {a} bao hàm mức độ {b}"
            )));
        }
    }
    if ours.unit != theirs.unit || ours.population != theirs.population {
        return through_units(plan, ours, theirs);
    }
    if is_membership(plan, theirs) {
        return membership(plan, ours, theirs);
    }
    let (ours_bound, theirs_bound) = match direction {
        Direction::HigherIsBetter => (floor(&ours.value), floor(&theirs.value)),
        Direction::LowerIsBetter => (ceiling(&ours.value), ceiling(&theirs.value)),
    };
    let status = match (ours_bound, theirs_bound) {
        (None, None) => TargetStatus::NoFigures,
        // The scheme sets a figure and the plan only states the aim.
        (None, Some(_)) => TargetStatus::Shortfall,
        // A figure against an aim the scheme states without one.
        (Some(_), None) => TargetStatus::NotComparable(tr!(
            "the scheme states the aim without a figure",
            "đề án chỉ nêu định hướng, không có số liệu"
        )),
        (Some(a), Some(b)) => compare_bounds(a, b, direction),
    };
    Verdict::plain(status)
}

pub(super) fn compare_bounds(a: Floor, b: Floor, direction: Direction) -> TargetStatus {
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

/// The population a plan's own unit belongs to: a province plan is one of
/// the provinces a national share counts.
pub(super) fn own_population(level: Level) -> Option<Population> {
    match level {
        Level::Province => Some(Population::Provinces),
        Level::District => Some(Population::Districts),
        Level::Commune => Some(Population::Communes),
        Level::National => None,
    }
}

pub(super) fn is_membership(plan: &Plan, theirs: &Target) -> bool {
    plan.document.level != Level::National
        && theirs.unit == Unit::Percent
        && own_population(plan.document.level) == Some(theirs.population)
}

/// A plan silent on a share of units the scheme expects only some units to
/// reach ("35% of provinces") has not committed its own unit; that is what
/// it is, not a gap.
pub(super) fn silent_on_a_share(plan: &Plan, theirs: &Target) -> Option<TargetStatus> {
    let share = floor(&theirs.value)?.value;
    (is_membership(plan, theirs) && share < 100.0).then(|| {
        TargetStatus::NotCommitted(tr!(
            "the plan sets no target for it; the scheme expects {share}% of {}, so {} may be among the rest",
            "kế hoạch không đặt chỉ tiêu này; đề án chỉ yêu cầu {share}% số {}, nên {} có thể thuộc số còn lại",
            counted_units(theirs.population),
            plan.document.jurisdiction
        ))
    })
}

/// "35% of provinces become learning provinces" against a province's plan:
/// the plan either commits its own unit (100% of the one province) or not.
pub(super) fn membership(plan: &Plan, ours: &Target, theirs: &Target) -> Verdict {
    let unit = plan.document.jurisdiction.to_string();
    let committed = floor(&ours.value).is_some_and(|f| f.value >= 100.0);
    share_verdict(committed, theirs, &unit, None)
}

/// Whether the plan's unit is held to reach what the scheme asks of a
/// share of units, and the verdict either way.
pub(super) fn share_verdict(
    committed: bool,
    theirs: &Target,
    unit: &str,
    how: Option<String>,
) -> Verdict {
    let national = floor(&theirs.value).map(|f| f.value);
    let status = match (committed, national) {
        (true, _) => TargetStatus::Meets,
        (false, Some(share)) if share >= 100.0 => TargetStatus::Shortfall,
        (false, Some(share)) => TargetStatus::NotCommitted(tr!(
            "the plan does not commit {unit} to it; the scheme expects {share}% of {}, so {unit} may be among the rest",
            "kế hoạch không cam kết {unit} đạt; đề án chỉ yêu cầu {share}% số {}, nên {unit} có thể thuộc số còn lại",
            counted_units(theirs.population)
        )),
        (false, None) => TargetStatus::NoFigures,
    };
    let committed_text = if committed {
        tr!(
            "{unit} commits to reach it, so it counts towards the scheme's share",
            "{unit} cam kết đạt, nên được tính vào tỷ lệ của đề án"
        )
    } else {
        tr!(
            "{unit} does not commit to reach it",
            "{unit} không cam kết đạt"
        )
    };
    let basis = match how {
        Some(how) => format!("{how}: {committed_text}"),
        None => committed_text,
    };
    Verdict {
        status,
        basis: Some(basis),
        figures_comparable: false,
        facts: Vec::new(),
    }
}

/// "70% of provinces reach the standard" against "100% of our districts
/// reach it": a province is recognised when enough of its districts are
/// (a district, enough of its communes), by the decree's threshold. A plan
/// that sets a higher level answers a lower one through the threshold of
/// its own level (reached, it includes the lower one) or, short of that,
/// through the lower level's threshold, which must be on record.
pub(super) fn through_units(plan: &Plan, ours: &Target, theirs: &Target) -> Verdict {
    let not_comparable = || {
        Verdict::plain(TargetStatus::NotComparable(tr!(
            "the scheme counts {}, the plan counts {}",
            "đề án tính {}, kế hoạch tính {}",
            counted(theirs),
            counted(ours)
        )))
    };
    let level = plan.document.level;
    let sub_units = match level {
        Level::Province => Population::Districts,
        Level::District => Population::Communes,
        _ => return not_comparable(),
    };
    if ours.unit != Unit::Percent
        || theirs.unit != Unit::Percent
        || ours.population != sub_units
        || own_population(level) != Some(theirs.population)
    {
        return not_comparable();
    }
    let Some(standard) = Standards::embedded().of(&theirs.indicator) else {
        return not_comparable();
    };
    let decree = standard.decree.as_ref().map_or_else(
        || tr!("no recognition rule on record", "chưa có văn bản quy định"),
        |d| d.to_string(),
    );
    let threshold = |at: Option<u8>| {
        standard
            .level(at)
            .and_then(|l| l.threshold(level))
            .and_then(|t| Some((t.share?, t.verification)))
    };
    let floor_value = floor(&ours.value).map(|f| f.value);
    let reaches = |(share, _): (f64, Verification)| floor_value.is_some_and(|v| v >= share);
    // Its own level first; if the plan falls short of that, the lower level
    // the scheme asks for, which its sub-units at the higher level also hold.
    let own = threshold(ours.level);
    let (used, at) = match own {
        Some(t) if reaches(t) || ours.level == theirs.level => (Some(t), ours.level),
        _ => (threshold(theirs.level), theirs.level),
    };
    let Some((share, flag)) = used else {
        let level_text = at
            .map(|l| tr!(" at level {l}", " mức độ {l}"))
            .unwrap_or_default();
        return Verdict::plain(TargetStatus::NotComparable(tr!(
            "the share of {} a {} needs to be recognised{level_text} ({decree}) is not on record",
            "chưa có căn cứ về tỷ lệ số {} cần đạt để {} được công nhận{level_text} ({decree})",
            counted_units(sub_units),
            level_name(level)
        )));
    };
    let level_text = at
        .map(|l| tr!(" at level {l}", " mức độ {l}"))
        .unwrap_or_default();
    let how = tr!(
        "a {} is recognised{level_text} when {share}% of its {} are ({decree}, {})",
        "{} được công nhận{level_text} khi {share}% số {} đạt chuẩn ({decree}, {})",
        level_name(level),
        counted_units(sub_units),
        crate::model::wire_name(&flag)
    );
    let mut verdict = share_verdict(
        reaches((share, flag)),
        theirs,
        plan.document.jurisdiction.as_str(),
        Some(how),
    );
    verdict.facts.push(flag);
    verdict
}

pub(super) fn counted_units(population: Population) -> String {
    let lang = crate::i18n::lang();
    match population {
        Population::Provinces => lang.pick("provinces", "tỉnh"),
        Population::Districts => lang.pick("districts", "huyện"),
        Population::Communes => lang.pick("communes", "xã"),
        _ => lang.pick("units", "đơn vị"),
    }
    .to_owned()
}

/// What a target counts: "percent of districts", "tỷ lệ % số huyện".
pub(super) fn counted(t: &Target) -> String {
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
