//! Whether a figure of the plan above binds this plan at all, and which of
//! the plan's targets answer it: levels of government, regions, a plan's own
//! `not_applicable` record, and levels of a standard.

use crate::catalogue::{Catalogue, Condition, Standards, Step};
use crate::i18n::Message;
use crate::model::{Level, Plan, Target};
use crate::msg;
use crate::units::{Membership, Units};

/// Whether a figure of the plan above binds this plan at all.
pub(super) enum Scope {
    /// It binds; `regional` when it is a region's figure and the plan's
    /// province lies in that region, so the plan's province-wide targets
    /// answer it.
    Binds {
        regional: bool,
    },
    NotApplicable(Message),
    /// Whether it binds cannot be told from the record.
    Undecided(Message),
}

pub(super) fn scope(plan: &Plan, upper: &Plan, theirs: &Target, year: u16) -> Scope {
    if let Some(why) = recorded_not_applicable(plan, upper, theirs) {
        return Scope::NotApplicable(why);
    }
    if let Some(why) = other_level(plan, theirs) {
        return Scope::NotApplicable(why);
    }
    match regional_condition(theirs) {
        Some(condition) => regional_scope(plan, condition),
        None => province_wide_scope(plan, upper, theirs, year),
    }
}

/// The plan's own `not_applicable` record for the figure, with a reason.
fn recorded_not_applicable(plan: &Plan, upper: &Plan, theirs: &Target) -> Option<Message> {
    let recorded = plan.not_applicable.iter().find(|n| {
        n.plan == upper.document.id
            && n.item == theirs.id
            && !crate::text::is_blank(n.reason.as_str())
    })?;
    Some(msg!("compare.scope.recorded", reason = &recorded.reason))
}

/// An indicator the catalogue holds only some levels of government to.
fn other_level(plan: &Plan, theirs: &Target) -> Option<Message> {
    let level = plan.document.level;
    let indicator = Catalogue::embedded().indicator(&theirs.indicator)?;
    (level != Level::National && !indicator.binds.contains(&level)).then(|| {
        msg!(
            "compare.scope.other-level",
            indicator = crate::i18n::Arg::indicator(&theirs.indicator),
            levels = level_names(&indicator.binds),
            level = level_name(level)
        )
    })
}

/// The condition of a target that names regions: a region's own figure.
fn regional_condition(t: &Target) -> Option<&'static Condition> {
    t.condition
        .as_deref()
        .and_then(|c| Catalogue::embedded().condition(c))
        .filter(|c| !c.regions.is_empty())
}

fn unknown_province(plan: &Plan) -> Message {
    msg!(
        "compare.scope.unknown-province",
        jurisdiction = &plan.document.jurisdiction
    )
}

/// A region's figure binds a plan whose province lies in the region.
fn regional_scope(plan: &Plan, condition: &Condition) -> Scope {
    let units = Units::embedded();
    let Some(province) = units.of_plan(plan) else {
        return Scope::Undecided(unknown_province(plan));
    };
    let (region, province_name) = (&condition.vi, province.name());
    match units.membership(province, &condition.regions) {
        Membership::In => Scope::Binds { regional: true },
        Membership::Out => Scope::NotApplicable(msg!(
            "compare.scope.outside-region",
            region,
            province = province_name
        )),
        Membership::Partly(why) | Membership::Unknown(why) => Scope::Undecided(msg!(
            "compare.scope.region-unsettled",
            region,
            province = province_name,
            why
        )),
    }
}

/// The province-wide figure gives way to its region's own figure for a
/// province in that region; when that is not settled, neither is this.
fn province_wide_scope(plan: &Plan, upper: &Plan, theirs: &Target, year: u16) -> Scope {
    let regional = upper.targets.iter().find(|t| {
        t.indicator == theirs.indicator
            && t.level == theirs.level
            && (t.year == year || (t.each_year && year <= t.year))
            && regional_condition(t).is_some()
    });
    let (Some(regional), None) = (regional, &theirs.condition) else {
        return Scope::Binds { regional: false };
    };
    let Some(condition) = regional_condition(regional) else {
        return Scope::Binds { regional: false };
    };
    let units = Units::embedded();
    let value = regional.value_text();
    let Some(province) = units.of_plan(plan) else {
        return Scope::Undecided(msg!(
            "compare.scope.regional-figure-unsettled",
            value,
            why = unknown_province(plan)
        ));
    };
    let region = &condition.vi;
    match units.membership(province, &condition.regions) {
        Membership::In => Scope::NotApplicable(msg!(
            "compare.scope.in-region",
            province = province.name(),
            region,
            value
        )),
        Membership::Out => Scope::Binds { regional: false },
        Membership::Partly(why) | Membership::Unknown(why) => Scope::Undecided(msg!(
            "compare.scope.region-figure-unsettled",
            value,
            region,
            why
        )),
    }
}

/// The level's name in the run's language.
pub(crate) fn level_name(level: Level) -> Message {
    match level {
        Level::National => msg!("compare.level.national"),
        Level::Province => msg!("compare.level.province"),
        Level::District => msg!("compare.level.district"),
        Level::Commune => msg!("compare.level.commune"),
    }
}

pub(super) fn level_names(levels: &[Level]) -> Vec<Message> {
    levels.iter().map(|&l| level_name(l)).collect()
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
