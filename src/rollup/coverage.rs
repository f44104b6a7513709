//! Which units have a plan: the units of one level in force during the
//! period of the plan held to (the 63 provinces for Đề án 89; the 34 for a
//! period that reaches past 1 July 2025, an older plan counting for the
//! province it became part of, and saying so); or the units of `--under`'s
//! unit, on the list its plan was issued on.

use std::collections::{BTreeMap, HashSet};

use schemars::JsonSchema;
use serde::Serialize;

use crate::i18n::Message;
use crate::model::{Level, Plan};
use crate::msg;
use crate::units::registry::{self, Extent, Map, Tier, Unit};
use crate::units::{PlanProvince, UnitOf, Units, issued_after_merger};

#[derive(Debug, Serialize, JsonSchema)]
pub struct Coverage {
    /// The list the units are counted on.
    pub era: Era,
    /// The level counted.
    pub level: Level,
    /// The unit whose units are counted; the whole country when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub within: Option<String>,
    /// Whether the period of the plan held to reaches across 1 July 2025,
    /// so that plans of the units before it count for their successors.
    pub spans_merger: bool,
    /// How many units the list has at that level, there.
    pub expected: usize,
    /// Of those, the units with a plan of their own.
    pub covered: usize,
    /// Units covered only by plans of the units they were formed from.
    pub through_old: Vec<Succession>,
    /// Units without any plan in the run.
    pub missing: Vec<String>,
    /// Plans at that level the list cannot place, each with the reason.
    pub unplaced: Vec<Unplaced>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Era {
    /// The 63 provinces, their districts and communes before 1 July 2025.
    Before2025,
    /// The 34 provinces and their communes from 1 July 2025.
    After2025,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Succession {
    /// The unit of the list counted.
    pub unit: String,
    /// The plans that count for it.
    pub plans: Vec<String>,
    /// The units those plans are for.
    pub from: Vec<String>,
    /// Units it was formed from that have no plan: it is covered in part.
    pub without_plan: Vec<String>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Unplaced {
    pub plan: String,
    pub reason: Message,
}

impl Era {
    fn map(self) -> &'static Map {
        match self {
            Self::Before2025 => registry::before(),
            Self::After2025 => registry::after(),
        }
    }

    fn of_plan(plan: &Plan) -> Self {
        if issued_after_merger(plan) {
            Self::After2025
        } else {
            Self::Before2025
        }
    }
}

/// The units counted at each level: `level` when given; under a plan, the
/// level most plans under it are at; otherwise the provinces, and each
/// other level the run has plans of (the country's communes as well as its
/// provinces). A level that cannot be counted comes back as the reason.
pub(super) fn count_levels(
    yardstick: &Plan,
    under: Option<&Plan>,
    level: Option<Level>,
    plans: &[&Plan],
) -> (Vec<Coverage>, Vec<Message>) {
    let era = era(yardstick, under);
    let levels: Vec<Level> = match (level, under) {
        (Some(level), _) => vec![level],
        (None, Some(under)) => match most_common_level(plans) {
            Some(level) => vec![level],
            None => match below(under.document.level, era) {
                Ok(level) => vec![level],
                Err(why) => return (Vec::new(), vec![why]),
            },
        },
        (None, None) => [Level::Province, Level::District, Level::Commune]
            .into_iter()
            .filter(|&l| l == Level::Province || plans.iter().any(|p| p.document.level == l))
            .collect(),
    };
    let mut counted = Vec::new();
    let mut notes = Vec::new();
    for level in levels {
        match count(yardstick, under, level, era, plans) {
            Ok(coverage) => counted.push(coverage),
            Err(why) => notes.push(why),
        }
    }
    (counted, notes)
}

/// A province's units are those of the list its plan was issued on (the
/// communes of Thái Bình for Thái Bình's plan of 2021); the country's,
/// those in force during the period of the plan held to.
fn era(yardstick: &Plan, under: Option<&Plan>) -> Era {
    match under {
        Some(under) if under.document.level != Level::National => Era::of_plan(under),
        _ if yardstick.document.period.end.is_some_and(|end| end <= 2025) => Era::Before2025,
        _ => Era::After2025,
    }
}

/// Counts the units of `level` with a plan among `plans` (the matrix's
/// rows), or says why they cannot be counted.
fn count(
    yardstick: &Plan,
    under: Option<&Plan>,
    level: Level,
    era: Era,
    plans: &[&Plan],
) -> Result<Coverage, Message> {
    let period = yardstick.document.period;
    let tier = match (level, era) {
        (Level::National, _) => return Err(msg!("rollup.coverage.national")),
        (Level::Province, _) => Tier::Province,
        (Level::District, Era::Before2025) => Tier::District,
        (Level::District, Era::After2025) => return Err(msg!("rollup.coverage.no-districts")),
        (Level::Commune, _) => Tier::Commune,
    };
    let map = era.map();
    let area = match under {
        Some(under) if under.document.level != Level::National => Some(area_of(under, era)?),
        _ => None,
    };
    let in_area = |unit: &Unit| area.is_none_or(|a| map.lies_in(unit, a));
    let expected: Vec<&Unit> = map.units_of(tier).filter(|u| in_area(u)).collect();
    let mut own = HashSet::new();
    let mut old: BTreeMap<u32, (String, Vec<String>, Vec<String>)> = BTreeMap::new();
    let mut unplaced = Vec::new();
    // Old communes with a plan in the run, whether or not it counts for a
    // unit here (a divided commune's counts for none): none of them is
    // "without a plan".
    let planned_before: HashSet<String> = plans
        .iter()
        .filter(|p| p.document.level == level && Era::of_plan(p) == Era::Before2025)
        .filter_map(|p| match crate::units::unit_of_plan(p, tier) {
            UnitOf::Found(unit) => Some(registry::before().path(unit)),
            UnitOf::Ambiguous | UnitOf::NotFound => None,
        })
        .collect();
    for plan in plans.iter().filter(|p| p.document.level == level) {
        let id = plan.document.id.clone();
        match place(plan, tier, era) {
            Placed::Own(unit) if in_area(unit) => {
                own.insert(unit.code);
            }
            Placed::Old { unit, from } if in_area(unit) => {
                let entry = old
                    .entry(unit.code)
                    .or_insert_with(|| (map.path(unit), Vec::new(), Vec::new()));
                entry.1.push(id);
                entry.2.push(from);
            }
            Placed::Own(unit) | Placed::Old { unit, .. } => unplaced.push(Unplaced {
                plan: id,
                reason: msg!("rollup.coverage.outside-area", unit = map.path(unit)),
            }),
            Placed::Nowhere(reason) => unplaced.push(Unplaced { plan: id, reason }),
        }
    }
    let through: HashSet<u32> = old.keys().copied().filter(|c| !own.contains(c)).collect();
    let through_old: Vec<Succession> = old
        .into_iter()
        .filter(|(code, _)| !own.contains(code))
        .map(|(code, (unit, plans, from))| Succession {
            without_plan: merged_without_plan(map, tier, code, &planned_before),
            unit,
            plans,
            from,
        })
        .collect();
    let missing = expected
        .iter()
        .filter(|u| !own.contains(&u.code) && !through.contains(&u.code))
        .map(|u| map.path(u))
        .collect();
    Ok(Coverage {
        era,
        level,
        within: area.map(|a| map.path(a)),
        spans_merger: area.is_none() && era == Era::After2025 && period.start <= 2025,
        expected: expected.len(),
        covered: expected.iter().filter(|u| own.contains(&u.code)).count(),
        through_old,
        missing,
        unplaced,
    })
}

/// The level most of the plans under a plan are at: a province's plans
/// reach its communes directly since 2025, and often did before.
fn most_common_level(plans: &[&Plan]) -> Option<Level> {
    [Level::Province, Level::District, Level::Commune]
        .into_iter()
        .map(|level| {
            let count = plans.iter().filter(|p| p.document.level == level).count();
            (count, level)
        })
        .filter(|(count, _)| *count > 0)
        .max_by_key(|(count, _)| *count)
        .map(|(_, level)| level)
}

/// The level counted under a plan of `level` when `--level` is not given
/// and no plan is under it.
fn below(level: Level, era: Era) -> Result<Level, Message> {
    match (level, era) {
        (Level::National, _) => Ok(Level::Province),
        (Level::Province, Era::Before2025) => Ok(Level::District),
        (Level::Province | Level::District, _) => Ok(Level::Commune),
        (Level::Commune, _) => Err(msg!("rollup.coverage.nothing-below")),
    }
}

/// The unit of the `--under` plan in the list counted.
fn area_of(under: &Plan, era: Era) -> Result<&'static Unit, Message> {
    let id = under.document.id.as_str();
    match place(under, tier_of(under.document.level), era) {
        Placed::Own(unit) | Placed::Old { unit, .. } => Ok(unit),
        Placed::Nowhere(why) => Err(msg!("rollup.coverage.area-unknown", id, why)),
    }
}

fn tier_of(level: Level) -> Tier {
    match level {
        Level::National | Level::Province => Tier::Province,
        Level::District => Tier::District,
        Level::Commune => Tier::Commune,
    }
}

/// Where a plan's unit stands in the list of `era`.
enum Placed {
    Own(&'static Unit),
    /// A unit before 1 July 2025 (`from`), counted for the one it became.
    Old {
        unit: &'static Unit,
        from: String,
    },
    Nowhere(Message),
}

fn place(plan: &Plan, tier: Tier, era: Era) -> Placed {
    let map = era.map();
    let jurisdiction = plan.document.jurisdiction.as_str();
    let unknown = || {
        Placed::Nowhere(match Era::of_plan(plan) {
            Era::Before2025 => msg!("rollup.coverage.unknown-unit-before", jurisdiction),
            Era::After2025 => msg!("rollup.coverage.unknown-unit", jurisdiction),
        })
    };
    if tier == Tier::Province {
        let units = Units::embedded();
        return match units.of_plan(plan) {
            Some(PlanProvince::Before2025(p)) if era == Era::Before2025 => {
                map.province(&p.id).map_or_else(unknown, Placed::Own)
            }
            Some(PlanProvince::Before2025(p)) => match units.successor(&p.id) {
                // A province that carried on unmerged is the same unit.
                Some(s) if s.formed_from.len() == 1 => {
                    map.province(&s.id).map_or_else(unknown, Placed::Own)
                }
                Some(s) => map
                    .province(&s.id)
                    .map_or_else(unknown, |unit| Placed::Old {
                        unit,
                        from: format!("{} {}", p.kind.prefix(), p.name),
                    }),
                None => unknown(),
            },
            Some(PlanProvince::From2025(p)) if era == Era::After2025 => {
                map.province(&p.id).map_or_else(unknown, Placed::Own)
            }
            Some(PlanProvince::From2025(_)) => {
                Placed::Nowhere(msg!("rollup.coverage.after-merger", jurisdiction))
            }
            None => unknown(),
        };
    }
    let own_era = Era::of_plan(plan);
    let own_map = own_era.map();
    let found = match crate::units::unit_of_plan(plan, tier) {
        UnitOf::Found(unit) => unit,
        UnitOf::Ambiguous => {
            return Placed::Nowhere(msg!("rollup.coverage.ambiguous-unit", jurisdiction));
        }
        UnitOf::NotFound => return unknown(),
    };
    match (own_era, era) {
        (a, b) if a == b => Placed::Own(found),
        (Era::Before2025, Era::After2025) => successor(found, own_map.path(found)),
        _ => Placed::Nowhere(msg!("rollup.coverage.after-merger", jurisdiction)),
    }
}

/// Where a plan of `old`, a unit before 1 July 2025 (written `from`),
/// counts: for the commune it went into whole; for none when it was
/// divided (which part the plan was for is not the record's to guess), or
/// when the record does not say what it became.
fn successor(old: &Unit, from: String) -> Placed {
    match Units::embedded().successors_of(old)[..] {
        [(unit, Extent::Whole)] => Placed::Old { unit, from },
        [] => Placed::Nowhere(msg!("rollup.coverage.no-successor", unit = from)),
        ref parts => {
            let successors = parts
                .iter()
                .map(|(unit, _)| registry::after().path(unit))
                .collect::<Vec<_>>()
                .join("; ");
            Placed::Nowhere(msg!(
                "units.successor.counts-for-none",
                unit = from,
                successors
            ))
        }
    }
}

/// The units merged into the province or commune `code` that have no plan
/// among `planned` (the units of the map before with a plan in the run).
fn merged_without_plan(map: &Map, tier: Tier, code: u32, planned: &HashSet<String>) -> Vec<String> {
    if tier == Tier::Commune {
        let before = registry::before();
        return registry::predecessor_units(code)
            .into_iter()
            .map(|unit| before.path(unit))
            .filter(|path| !planned.contains(path))
            .collect();
    }
    if tier != Tier::Province {
        return Vec::new();
    }
    let units = Units::embedded();
    let Some(merged) = map
        .by_code(tier, code)
        .and_then(|unit| units.province_2025(unit.province))
    else {
        return Vec::new();
    };
    merged
        .formed_from
        .iter()
        .filter_map(|id| units.province(id))
        .map(|p| format!("{} {}", p.kind.prefix(), p.name))
        .filter(|name| !planned.contains(name))
        .collect()
}
