//! Whether a figure of the plan above binds this plan at all, and which of
//! the plan's targets answer it: levels of government, regions, a plan's own
//! `not_applicable` record, and levels of a standard.

use crate::catalogue::{Catalogue, Standards, Step};
use crate::model::{Level, Plan, Target};
use crate::tr;
use crate::units::{Membership, Units};

/// Whether a figure of the plan above binds this plan at all.
pub(super) enum Scope {
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

pub(super) fn scope(plan: &Plan, upper: &Plan, theirs: &Target, year: u16) -> Scope {
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

pub(super) fn level_name(level: Level) -> String {
    let lang = crate::i18n::lang();
    match level {
        Level::National => lang.pick("national", "trung ương"),
        Level::Province => lang.pick("province", "tỉnh"),
        Level::District => lang.pick("district", "huyện"),
        Level::Commune => lang.pick("commune", "xã"),
    }
    .to_owned()
}

pub(super) fn level_names(levels: &[Level]) -> String {
    let names: Vec<String> = levels.iter().map(|&l| level_name(l)).collect();
    names.join(", ")
}

/// How a plan's target answers a figure above it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Pairing {
    /// Same indicator, level, year and condition, or a `restates` link.
    Exact,
    /// A higher level of a standard whose levels are cumulative.
    HigherLevel,
    /// A higher level, where no source says it includes the lower one.
    HigherLevelUnproven,
}

pub(super) fn pairing(
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
pub(super) fn prefer_exact(matches: Vec<(usize, Pairing)>) -> Vec<(usize, Pairing)> {
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
pub(super) fn cumulative(indicator: &str, higher: u8, lower: u8) -> Option<Vec<&'static Step>> {
    Standards::embedded()
        .of(indicator)
        .and_then(|s| s.steps(higher, lower))
}
