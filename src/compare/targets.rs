//! Target by target: does the plan ask for at least what the plan above it
//! asks for? Each verdict says what it rests on: how sure xhht is of the
//! figure above, which conversion (a standard's recognition threshold, a
//! cumulative level, a yearly figure) made the pair comparable, and when a
//! figure cannot hold the plan at all (another level of government, another
//! region, the plan's own figure).

use serde::Serialize;

use super::evidence::{self, Certainty, Evidence};
use crate::catalogue::{Catalogue, Standards, Step};
use crate::finding::{Anchor, Finding, Rule, Severity};
use crate::i18n::Lang;
use crate::model::{Direction, Level, Plan, Population, Target, TargetValue, Unit, Verification};
use crate::source::{FieldPath, SourceFile};
use crate::tr;
use crate::units::{Membership, Units};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case", tag = "status", content = "reason")]
pub enum TargetStatus {
    /// The upper plan sets a figure for a milestone in the plan's period; the plan has nothing.
    Gap,
    Shortfall,
    Meets,
    Exceeds,
    /// The national figure was read from this very plan: the pair proves nothing.
    OwnFigure,
    /// The figure does not bind this plan; the reason says why.
    NotApplicable(String),
    /// The plan does not commit its unit to a standard the scheme expects only
    /// a share of units to reach; the reason says so.
    NotCommitted(String),
    /// Same indicator, counted differently; the reason says how.
    NotComparable(String),
    /// Both state the aim without a figure.
    NoFigures,
    /// The upper plan names the indicator, but no figure was found for the milestone.
    NoNationalFigure,
    /// In the plan, not in the upper plan.
    LocalOnly,
}

impl TargetStatus {
    /// A verdict on the plan's figure: the rows a summary counts as a pass or
    /// a failure.
    pub fn is_verdict(&self) -> bool {
        matches!(self, Self::Meets | Self::Exceeds | Self::Shortfall)
    }
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
    /// Plan minus scheme, in the unit of both, where the pair is comparable;
    /// for a range, its lower end.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub difference: Option<f64>,
    /// For a range, its upper end minus the scheme's figure.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub difference_upper: Option<f64>,
    /// The least the scheme's and the plan's values ask for, where the pair
    /// is comparable (what a chart draws).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scheme_figure: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan_figure: Option<f64>,
    #[serde(flatten)]
    pub status: TargetStatus,
    /// How the pair was made comparable, when it took more than reading two
    /// figures: a recognition threshold, a cumulative level, a yearly figure.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub basis: Option<String>,
    /// The verification flag of the upper plan's figure.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verification: Option<Verification>,
    /// How sure xhht is of the upper plan's figure, for this plan.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub certainty: Option<Certainty>,
}

/// What `compare` needs to know about the plan being checked.
pub(super) struct Local<'a> {
    pub plan: &'a Plan,
    pub source: &'a SourceFile,
    /// Where the plan names the plan above: gap findings point there, in the
    /// file the user has.
    pub link: FieldPath,
}

pub(super) fn compare(
    local: &Local<'_>,
    upper: &Plan,
    upper_source: &SourceFile,
) -> (Vec<TargetRow>, Vec<Finding>) {
    let plan = local.plan;
    let mut rows = Vec::new();
    let mut findings = Vec::new();
    let mut paired = vec![false; plan.targets.len()];
    for (ui, theirs) in upper.targets.iter().enumerate() {
        let evidence = evidence::weigh(plan, upper, theirs);
        for year in binding_years(plan, upper, theirs) {
            let filed_year = year == theirs.year;
            let scope = scope(plan, upper, theirs, year);
            // Where it is not settled whether the figure binds, the plan's
            // own target is still shown beside it, never as "local only".
            let regional = match &scope {
                Scope::Binds { regional } => Some(*regional),
                Scope::Undecided(_) => Some(theirs.condition.is_some()),
                Scope::NotApplicable(_) => None,
            };
            let matches: Vec<(usize, Pairing)> = match regional {
                Some(regional) => plan
                    .targets
                    .iter()
                    .enumerate()
                    .filter_map(|(i, ours)| {
                        pairing(ours, theirs, &upper.document.id, year, regional).map(|p| (i, p))
                    })
                    .collect(),
                None => Vec::new(),
            };
            let matches = prefer_exact(matches);
            if let Scope::Undecided(why) = &scope
                && !matches.is_empty()
            {
                for &(li, _) in &matches {
                    paired[li] = true;
                    let status = TargetStatus::NotComparable(why.clone());
                    let ours = &plan.targets[li];
                    rows.push(row(
                        theirs,
                        year,
                        Some(theirs),
                        Some(ours),
                        status,
                        Some(&evidence),
                    ));
                }
                continue;
            }
            if matches.is_empty() {
                // A yearly figure is reported unpaired once, in the year it is filed under.
                if !filed_year {
                    continue;
                }
                let status = match (scope, silent_on_a_share(plan, theirs)) {
                    (Scope::NotApplicable(why), _) => TargetStatus::NotApplicable(why),
                    (Scope::Undecided(why), _) => TargetStatus::NotComparable(why),
                    (Scope::Binds { .. }, _) if theirs.value == TargetValue::Unavailable => {
                        TargetStatus::NoNationalFigure
                    }
                    (Scope::Binds { .. }, _) if evidence.certainty == Certainty::OwnFigure => {
                        TargetStatus::OwnFigure
                    }
                    (Scope::Binds { .. }, Some(not_committed)) => not_committed,
                    (Scope::Binds { .. }, None) => {
                        findings.push(gap(local, upper, upper_source, ui, &evidence));
                        TargetStatus::Gap
                    }
                };
                rows.push(row(
                    theirs,
                    year,
                    Some(theirs),
                    None,
                    status,
                    Some(&evidence),
                ));
                continue;
            }
            for (li, pairing) in matches {
                paired[li] = true;
                let ours = &plan.targets[li];
                let verdict = judge(plan, ours, theirs, year, pairing);
                let evidence = Evidence {
                    certainty: verdict.certainty(evidence.certainty),
                    ..evidence
                };
                let mut status = verdict.status.clone();
                if status.is_verdict() && evidence.certainty == Certainty::OwnFigure {
                    status = TargetStatus::OwnFigure;
                }
                if status == TargetStatus::Shortfall {
                    findings.push(
                        shortfall(local, li, ours, upper, theirs, year, &evidence, &verdict)
                            .about(&plan.document.id, subject(ours, year)),
                    );
                }
                let mut r = row(
                    theirs,
                    year,
                    Some(theirs),
                    Some(ours),
                    status,
                    Some(&evidence),
                );
                r.basis = verdict.basis.clone();
                if !verdict.figures_comparable {
                    (r.difference, r.difference_upper) = (None, None);
                    (r.scheme_figure, r.plan_figure) = (None, None);
                }
                rows.push(r);
            }
        }
    }
    for (li, ours) in plan.targets.iter().enumerate() {
        if !paired[li] {
            rows.push(row(
                ours,
                ours.year,
                None,
                Some(ours),
                TargetStatus::LocalOnly,
                None,
            ));
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

/// The years of the plan a figure binds: the year it is filed under and, for
/// a figure that holds every year ("hằng năm"), every milestone and target
/// year of the plan from the scheme's start up to it.
fn binding_years(plan: &Plan, upper: &Plan, theirs: &Target) -> Vec<u16> {
    let period = plan.document.period;
    let mut years = vec![theirs.year];
    if theirs.each_year {
        let from = upper.document.period.start;
        years.extend(
            plan.document
                .milestones
                .iter()
                .copied()
                .chain(
                    plan.targets
                        .iter()
                        .filter(|t| t.indicator == theirs.indicator)
                        .map(|t| t.year),
                )
                .filter(|&y| y >= from && y < theirs.year),
        );
    }
    years.retain(|&y| period.contains(y));
    years.sort_unstable();
    years.dedup();
    years
}

/// Whether a figure of the plan above binds this plan at all.
enum Scope {
    /// It binds; `regional` when it is a region's figure and the plan's
    /// province lies in that region, so the plan's province-wide targets
    /// answer it.
    Binds {
        regional: bool,
    },
    NotApplicable(String),
    /// Whether it binds cannot be told from the record.
    Undecided(String),
}

fn scope(plan: &Plan, upper: &Plan, theirs: &Target, year: u16) -> Scope {
    if let Some(recorded) = plan.not_applicable.iter().find(|n| {
        n.plan == upper.document.id
            && n.item == theirs.id
            && !crate::text::is_blank(n.reason.as_str())
    }) {
        return Scope::NotApplicable(tr!(
            "the plan records it does not apply: {}",
            "kế hoạch ghi nhận không áp dụng: {}",
            recorded.reason
        ));
    }
    let catalogue = Catalogue::embedded();
    let level = plan.document.level;
    if let Some(indicator) = catalogue.indicator(&theirs.indicator)
        && level != Level::National
        && !indicator.binds.contains(&level)
    {
        return Scope::NotApplicable(tr!(
            "{} binds {} plans, not a {} plan",
            "{} chỉ áp dụng cho kế hoạch cấp {}, không áp dụng cho kế hoạch cấp {}",
            theirs.indicator,
            level_names(&indicator.binds),
            level_name(level)
        ));
    }
    let regions = |t: &Target| {
        t.condition
            .as_deref()
            .and_then(|c| catalogue.condition(c))
            .filter(|c| !c.regions.is_empty())
    };
    let units = Units::embedded();
    let province = units.of_plan(plan);
    let unknown_province = || {
        tr!(
            "xhht cannot tell which province {} is in: set `document.province`",
            "xhht không xác định được {} thuộc tỉnh nào: hãy khai báo `document.province`",
            plan.document.jurisdiction
        )
    };
    if let Some(condition) = regions(theirs) {
        let Some(province) = province else {
            return Scope::Undecided(unknown_province());
        };
        return match units.membership(province, &condition.regions) {
            Membership::In => Scope::Binds { regional: true },
            Membership::Out => Scope::NotApplicable(tr!(
                "binds only {}; {} is not one of them",
                "chỉ áp dụng cho {}; {} không thuộc phạm vi này",
                condition.vi,
                province.name()
            )),
            Membership::Partly(why) | Membership::Unknown(why) => Scope::Undecided(tr!(
                "binds only {}; whether it binds {} is not settled: {why}",
                "chỉ áp dụng cho {}; chưa xác định được có áp dụng cho {} hay không: {why}",
                condition.vi,
                province.name()
            )),
        };
    }
    // The province-wide figure gives way to its region's own figure for a
    // province in that region; when that is not settled, neither is this.
    let regional = upper.targets.iter().find(|t| {
        t.indicator == theirs.indicator
            && t.level == theirs.level
            && (t.year == year || (t.each_year && year <= t.year))
            && regions(t).is_some()
    });
    let (Some(regional), None) = (regional, &theirs.condition) else {
        return Scope::Binds { regional: false };
    };
    let Some(condition) = regions(regional) else {
        return Scope::Binds { regional: false };
    };
    let Some(province) = province else {
        return Scope::Undecided(tr!(
            "whether the regional figure ({}) applies instead is not settled: {}",
            "chưa xác định được có áp dụng chỉ tiêu riêng của vùng ({}) thay cho chỉ tiêu này hay không: {}",
            regional.value_text(),
            unknown_province()
        ));
    };
    match units.membership(province, &condition.regions) {
        Membership::In => Scope::NotApplicable(tr!(
            "{} lies in {}: the regional figure ({}) applies instead",
            "{} thuộc {}: áp dụng chỉ tiêu riêng của vùng ({})",
            province.name(),
            condition.vi,
            regional.value_text()
        )),
        Membership::Out => Scope::Binds { regional: false },
        Membership::Partly(why) | Membership::Unknown(why) => Scope::Undecided(tr!(
            "whether the regional figure ({}) for {} applies instead is not settled: {why}",
            "chưa xác định được có áp dụng chỉ tiêu riêng ({}) của {} thay cho chỉ tiêu này hay không: {why}",
            regional.value_text(),
            condition.vi
        )),
    }
}

fn level_name(level: Level) -> String {
    let lang = crate::i18n::lang();
    match level {
        Level::National => lang.pick("national", "trung ương"),
        Level::Province => lang.pick("province", "tỉnh"),
        Level::District => lang.pick("district", "huyện"),
        Level::Commune => lang.pick("commune", "xã"),
    }
    .to_owned()
}

fn level_names(levels: &[Level]) -> String {
    let names: Vec<String> = levels.iter().map(|&l| level_name(l)).collect();
    names.join(", ")
}

/// How a plan's target answers a figure above it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pairing {
    /// Same indicator, level, year and condition, or a `restates` link.
    Exact,
    /// A higher level of a standard whose levels are cumulative.
    HigherLevel,
    /// A higher level, where no source says it includes the lower one.
    HigherLevelUnproven,
}

fn pairing(
    ours: &Target,
    theirs: &Target,
    upper_id: &str,
    year: u16,
    regional: bool,
) -> Option<Pairing> {
    if ours
        .restates
        .iter()
        .any(|r| r.plan == upper_id && r.item == theirs.id)
        && (year == theirs.year || ours.year == year)
    {
        return Some(Pairing::Exact);
    }
    // A province inside the region answers the region's figure with its own
    // province-wide target.
    let condition = ours.condition == theirs.condition || (regional && ours.condition.is_none());
    if ours.indicator != theirs.indicator || ours.year != year || !condition {
        return None;
    }
    match (ours.level, theirs.level) {
        (a, b) if a == b => Some(Pairing::Exact),
        (Some(a), Some(b)) if a > b && cumulative(&theirs.indicator, a, b).is_some() => {
            Some(Pairing::HigherLevel)
        }
        // A higher level answers the lower one only as far as the record
        // says it includes it: paired, so the row says so instead of a gap.
        (Some(a), Some(b)) if a > b => Some(Pairing::HigherLevelUnproven),
        _ => None,
    }
}

/// An exact pair wins over a pair through a higher level.
fn prefer_exact(matches: Vec<(usize, Pairing)>) -> Vec<(usize, Pairing)> {
    if matches.iter().any(|(_, p)| *p == Pairing::Exact) {
        matches
            .into_iter()
            .filter(|(_, p)| *p == Pairing::Exact)
            .collect()
    } else {
        matches
    }
}

/// The cumulative steps from level `higher` down to `lower`, when a source
/// states every one of them.
fn cumulative(indicator: &str, higher: u8, lower: u8) -> Option<Vec<&'static Step>> {
    Standards::embedded()
        .of(indicator)
        .and_then(|s| s.steps(higher, lower))
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

/// A judged pair: the status, how it was made comparable, whether the two
/// figures are in one unit (so their difference means something), and the
/// flags of the facts the conversion rested on (a threshold, a level step).
struct Verdict {
    status: TargetStatus,
    basis: Option<String>,
    figures_comparable: bool,
    facts: Vec<Verification>,
}

impl Verdict {
    fn plain(status: TargetStatus) -> Self {
        let figures_comparable = status.is_verdict();
        Self {
            status,
            basis: None,
            figures_comparable,
            facts: Vec::new(),
        }
    }

    /// A verdict is no surer than the weakest fact it rests on.
    fn certainty(&self, figure: Certainty) -> Certainty {
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

fn weakest(a: Certainty, b: Certainty) -> Certainty {
    let rank = |c: Certainty| match c {
        Certainty::Sure => 0,
        Certainty::SingleSource => 1,
        Certainty::Doubtful => 2,
        Certainty::OwnFigure => 3,
    };
    if rank(a) >= rank(b) { a } else { b }
}

fn judge(plan: &Plan, ours: &Target, theirs: &Target, year: u16, pairing: Pairing) -> Verdict {
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

fn judge_values(
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

fn compare_bounds(a: Floor, b: Floor, direction: Direction) -> TargetStatus {
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
fn own_population(level: Level) -> Option<Population> {
    match level {
        Level::Province => Some(Population::Provinces),
        Level::District => Some(Population::Districts),
        Level::Commune => Some(Population::Communes),
        Level::National => None,
    }
}

fn is_membership(plan: &Plan, theirs: &Target) -> bool {
    plan.document.level != Level::National
        && theirs.unit == Unit::Percent
        && own_population(plan.document.level) == Some(theirs.population)
}

/// A plan silent on a share of units the scheme expects only some units to
/// reach ("35% of provinces") has not committed its own unit; that is what
/// it is, not a gap.
fn silent_on_a_share(plan: &Plan, theirs: &Target) -> Option<TargetStatus> {
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
fn membership(plan: &Plan, ours: &Target, theirs: &Target) -> Verdict {
    let unit = plan.document.jurisdiction.to_string();
    let committed = floor(&ours.value).is_some_and(|f| f.value >= 100.0);
    share_verdict(committed, theirs, &unit, None)
}

/// Whether the plan's unit is held to reach what the scheme asks of a
/// share of units, and the verdict either way.
fn share_verdict(committed: bool, theirs: &Target, unit: &str, how: Option<String>) -> Verdict {
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
fn through_units(plan: &Plan, ours: &Target, theirs: &Target) -> Verdict {
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

fn counted_units(population: Population) -> String {
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
    year: u16,
    theirs: Option<&Target>,
    ours: Option<&Target>,
    status: TargetStatus,
    evidence: Option<&Evidence>,
) -> TargetRow {
    let figures = match (
        ours.and_then(|t| floor(&t.value)),
        theirs.and_then(|t| floor(&t.value)),
    ) {
        (Some(a), Some(b)) if status.is_verdict() => Some((a.value, b.value)),
        _ => None,
    };
    let round = |d: f64| (d * 100.0).round() / 100.0;
    let difference = figures.map(|(a, b)| round(a - b));
    let difference_upper = match (ours.map(|t| &t.value), figures) {
        (Some(TargetValue::Range { max, .. }), Some((_, b))) => Some(round(max - b)),
        _ => None,
    };
    TargetRow {
        indicator: key.indicator.clone(),
        level: key.level,
        condition: key.condition.clone(),
        year,
        scheme_target: theirs.map(|t| t.id.clone()),
        scheme_value: theirs.map(Target::value_text),
        plan_target: ours.map(|t| t.id.clone()),
        plan_value: ours.map(Target::value_text),
        difference,
        difference_upper,
        scheme_figure: figures.map(|(_, b)| b),
        plan_figure: figures.map(|(a, _)| a),
        status,
        basis: None,
        verification: theirs.and_then(|t| t.verification),
        certainty: evidence.map(|e| e.certainty),
    }
}

/// A finding's severity follows how sure xhht is of the figure it rests on,
/// with a note saying why when it is not an error.
fn severity(evidence: &Evidence, theirs: &Target) -> (Severity, Option<String>) {
    match evidence.certainty {
        Certainty::Sure => (Severity::Error, None),
        Certainty::SingleSource => (
            Severity::Warning,
            Some(match theirs.verification {
                Some(Verification::VerifiedEn) => tr!(
                    "the national figure was seen only in English or French summaries of one publisher, which may blur its wording",
                    "số liệu quốc gia chỉ thấy trong bản tóm tắt tiếng Anh hoặc tiếng Pháp của một nguồn, có thể không sát với văn bản gốc"
                ),
                Some(Verification::VerifiedLocal) => tr!(
                    "the national figure rests on one provincial restatement besides this plan",
                    "số liệu quốc gia chỉ dựa trên một kế hoạch của tỉnh khác nhắc lại đề án"
                ),
                _ => tr!(
                    "the national figure rests on a single source",
                    "số liệu quốc gia chỉ dựa trên một nguồn"
                ),
            }),
        ),
        Certainty::Doubtful => (
            Severity::Info,
            Some(match theirs.verification {
                Some(Verification::Disputed) => tr!(
                    "sources disagree on the national figure",
                    "các nguồn không thống nhất về số liệu quốc gia"
                ),
                _ => tr!(
                    "the national figure is unverified",
                    "số liệu quốc gia chưa được kiểm chứng"
                ),
            }),
        ),
        Certainty::OwnFigure => (Severity::Info, None),
    }
}

/// The subject of a target finding: indicator, level, condition and year.
/// The same in every language, so that findings of two runs can be matched.
fn subject(t: &Target, year: u16) -> String {
    format!("{} {year}", describe_in(t, Lang::En))
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

/// A gap is located where the plan names the plan above (the file the user
/// has), with the national item as a related location.
fn gap(
    local: &Local<'_>,
    upper: &Plan,
    upper_source: &SourceFile,
    index: usize,
    evidence: &Evidence,
) -> Finding {
    let plan = local.plan;
    let theirs = &upper.targets[index];
    let (severity, rests_on) = severity(evidence, theirs);
    let mut finding = Finding::at(
        Rule::Gap,
        local.source,
        &local.link,
        Anchor::Value,
        tr!(
            "{} sets {} for {} by {}; `{}` has no target for it",
            "{} đặt {} cho {} đến năm {}; `{}` không có chỉ tiêu tương ứng",
            upper.document.id,
            theirs.value_text(),
            describe(theirs),
            theirs.year,
            plan.document.id
        ),
    )
    .severity(severity)
    .about(&plan.document.id, subject(theirs, theirs.year))
    .figures(Some(theirs.value_text()), None)
    .rests_on(&upper.document.id, &theirs.id, theirs.verification)
    .related(
        upper_source,
        &FieldPath::root().key("targets").index(index).key("id"),
        tr!(
            "the target in {}",
            "chỉ tiêu trong {}",
            upper.document.id
        ),
    )
    .hint(tr!(
        "add a target with indicator `{}` and year {} to `{}`, a `restates` link from the target that covers it, or a `not_applicable` entry with the reason",
        "bổ sung vào `{2}` một chỉ tiêu có mã chỉ tiêu `{0}` và năm {1}, thêm liên kết `restates` từ chỉ tiêu đã bao hàm nội dung này, hoặc ghi `not_applicable` kèm lý do",
        theirs.indicator,
        theirs.year,
        plan.document.id
    ));
    if let Some(why) = rests_on {
        finding = finding.note(why);
    }
    let related: Vec<String> = plan
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

#[allow(clippy::too_many_arguments)]
fn shortfall(
    local: &Local<'_>,
    index: usize,
    ours: &Target,
    upper: &Plan,
    theirs: &Target,
    year: u16,
    evidence: &Evidence,
    verdict: &Verdict,
) -> Finding {
    let (severity, rests_on) = severity(evidence, theirs);
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
        (TargetValue::Range { min, max }, _, _) if verdict.figures_comparable => {
            let national = floor(&theirs.value).map_or(0.0, |f| f.value);
            tr!(
                "`{}` sets {} for {} by {}; {} sets {}: the lower end ({min}) falls short by {}, the upper end ({max}) {}",
                "`{}` đặt {} cho {} đến năm {}; {} đặt {}: mức thấp ({min}) thiếu {}, mức cao ({max}) {}",
                ours.id,
                ours.value_text(),
                describe(ours),
                ours.year,
                upper.document.id,
                theirs.value_text(),
                ((national - min) * 100.0).round() / 100.0,
                if *max >= national {
                    tr!("meets it", "đạt")
                } else {
                    tr!("falls short too", "cũng thiếu")
                }
            )
        }
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
    let mut finding = Finding::at(Rule::Shortfall, local.source, &path, Anchor::Value, message)
        .severity(severity)
        .figures(Some(theirs.value_text()), Some(ours.value_text()))
        .rests_on(&upper.document.id, &theirs.id, theirs.verification);
    if year != theirs.year {
        finding = finding.note(tr!(
            "{} holds every year up to {}, so it binds {year} too",
            "{} áp dụng hằng năm đến năm {}, nên cũng áp dụng cho năm {year}",
            upper.document.id,
            theirs.year
        ));
    }
    if let Some(basis) = &verdict.basis {
        finding = finding.note(basis.clone());
    }
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

    fn plan() -> Plan {
        serde_saphyr::from_str(
            "document: {id: p, title: t, kind: plan, issuer: i, level: province, jurisdiction: tỉnh Thái Bình, period: {start: 2020, end: 2030}}\n",
        )
        .unwrap()
    }

    fn judge(ours: &Target, theirs: &Target, direction: Direction) -> TargetStatus {
        judge_values(&plan(), ours, theirs, direction, Pairing::Exact).status
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
