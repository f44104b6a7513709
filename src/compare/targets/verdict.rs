//! Judging a pair: bounds, ranges and directions, and the conversions that
//! make a share of districts answer a share of provinces, each no surer than
//! the facts it rests on.

use super::super::evidence::Certainty;
use super::{Pairing, TargetStatus, cumulative, level_name};
use crate::catalogue::{Catalogue, Standards};
use crate::i18n::Message;
use crate::model::{
    Bound, Direction, Level, Plan, Population, Target, TargetValue, Unit, Verification,
};
use crate::msg;
use crate::units::semicolons;

/// A judged pair: the status, how it was made comparable, whether the two
/// figures are in one unit (so their difference means something), and the
/// flags of the facts the conversion rested on (a threshold, a level step).
pub(super) struct Verdict {
    pub(super) status: TargetStatus,
    pub(super) basis: Option<Message>,
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

    /// A verdict is no surer than the figure and the facts it rests on.
    pub(super) fn certainty(&self, figure: Certainty) -> Certainty {
        self.facts
            .iter()
            .fold(figure, |sure, &fact| sure.weakest(Certainty::of(fact)))
    }
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
    let mut basis: Vec<Message> = Vec::new();
    if year != theirs.year {
        basis.push(msg!("compare.verdict.each-year", until = theirs.year));
    }
    basis.extend(verdict.basis.take());
    if pairing == Pairing::HigherLevel
        && let (Some(higher), Some(lower)) = (ours.level, theirs.level)
        && let Some(steps) = cumulative(&theirs.indicator, higher, lower)
    {
        let flags: Vec<Message> = steps.iter().map(|s| s.verification.message()).collect();
        basis.push(msg!("compare.verdict.includes-level", higher, lower, flags));
        verdict.facts.extend(steps.iter().map(|s| s.verification));
    }
    verdict.basis = (!basis.is_empty()).then(|| semicolons(basis));
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
    // Validation reports the blank; a verdict on it would be about nothing.
    if ours.value == TargetValue::Todo || theirs.value == TargetValue::Todo {
        return Verdict::plain(TargetStatus::ToFill);
    }
    if let Some(why) = unlike(ours, theirs, direction) {
        return Verdict::plain(TargetStatus::NotComparable(why));
    }
    // A restated target set for a later year postpones the scheme's.
    if ours.year > theirs.year && theirs.value != TargetValue::Qualitative {
        return Verdict::plain(TargetStatus::Shortfall);
    }
    if let Some(status) = by_level(ours, theirs, pairing) {
        return Verdict::plain(status);
    }
    if ours.unit != theirs.unit || ours.population != theirs.population {
        return through_units(plan, ours, theirs);
    }
    if is_membership(plan, theirs) {
        return membership(plan, ours, theirs);
    }
    Verdict::plain(by_bounds(ours, theirs, direction))
}

/// Why two targets of one indicator do not ask for the same thing, if they
/// do not: a value that is no number, a reversed direction, a narrower or
/// wider group of people, a missing standard level.
fn unlike(ours: &Target, theirs: &Target, direction: Direction) -> Option<Message> {
    let numbers = ours.value.numbers();
    if numbers
        .iter()
        .chain(&theirs.value.numbers())
        .any(|v| !v.is_finite())
    {
        return Some(msg!("compare.verdict.not-a-number"));
    }
    if ours.direction.is_some_and(|d| d != direction) {
        return Some(msg!("compare.verdict.reversed"));
    }
    if let Some(condition) = &ours.condition
        && ours.condition != theirs.condition
    {
        return Some(msg!("compare.verdict.restricted", condition));
    }
    if ours.condition.is_none()
        && let Some(condition) = &theirs.condition
        && Catalogue::embedded()
            .condition(condition)
            .is_none_or(|c| c.regions.is_empty())
    {
        return Some(msg!("compare.verdict.sub-population"));
    }
    if ours.level.is_none() && theirs.level.is_some() {
        return Some(msg!("compare.verdict.no-level"));
    }
    None
}

/// A lower level of a standard falls short; a higher one answers a lower
/// one only where the record says it includes it.
fn by_level(ours: &Target, theirs: &Target, pairing: Pairing) -> Option<TargetStatus> {
    let (Some(ours_level), Some(theirs_level)) = (ours.level, theirs.level) else {
        return None;
    };
    if ours_level < theirs_level {
        return Some(TargetStatus::Shortfall);
    }
    (pairing == Pairing::HigherLevelUnproven).then(|| {
        TargetStatus::NotComparable(msg!(
            "compare.verdict.level-unproven",
            ours_level,
            theirs_level
        ))
    })
}

/// Two figures of one unit, by the least (or, lower being better, the most)
/// each asks for.
fn by_bounds(ours: &Target, theirs: &Target, direction: Direction) -> TargetStatus {
    let (ours_bound, theirs_bound) = match direction {
        Direction::HigherIsBetter => (ours.value.floor(), theirs.value.floor()),
        Direction::LowerIsBetter => (ours.value.ceiling(), theirs.value.ceiling()),
    };
    match (ours_bound, theirs_bound) {
        (None, None) => TargetStatus::NoFigures,
        // The scheme sets a figure and the plan only states the aim.
        (None, Some(_)) => TargetStatus::Shortfall,
        // A figure against an aim the scheme states without one.
        (Some(_), None) => TargetStatus::NotComparable(msg!("compare.verdict.aim-only")),
        (Some(a), Some(b)) => compare_bounds(a, b, direction),
    }
}

#[expect(
    clippy::float_cmp,
    reason = "figures are decimals copied from documents: 90% equals 90%, exactly"
)]
pub(super) fn compare_bounds(a: Bound, b: Bound, direction: Direction) -> TargetStatus {
    let better = |x: Bound, y: Bound| match direction {
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
    let share = theirs.value.floor()?.value;
    (is_membership(plan, theirs) && share < 100.0).then(|| {
        TargetStatus::NotCommitted(msg!(
            "compare.verdict.silent-on-share",
            share,
            units = counted_units(theirs.population),
            unit = &plan.document.jurisdiction
        ))
    })
}

/// "35% of provinces become learning provinces" against a province's plan:
/// the plan either commits its own unit (100% of the one province) or not.
pub(super) fn membership(plan: &Plan, ours: &Target, theirs: &Target) -> Verdict {
    let committed = ours.value.floor().is_some_and(|f| f.value >= 100.0);
    share_verdict(committed, theirs, plan.document.jurisdiction.as_str(), None)
}

/// Whether the plan's unit is held to reach what the scheme asks of a
/// share of units, and the verdict either way.
pub(super) fn share_verdict(
    committed: bool,
    theirs: &Target,
    unit: &str,
    how: Option<Message>,
) -> Verdict {
    let national = theirs.value.floor().map(|f| f.value);
    let status = match (committed, national) {
        (true, _) => TargetStatus::Meets,
        (false, Some(share)) if share >= 100.0 => TargetStatus::Shortfall,
        (false, Some(share)) => TargetStatus::NotCommitted(msg!(
            "compare.verdict.not-committed",
            unit,
            share,
            units = counted_units(theirs.population)
        )),
        (false, None) => TargetStatus::NoFigures,
    };
    let commitment = if committed {
        msg!("compare.verdict.commits", unit)
    } else {
        msg!("compare.verdict.does-not-commit", unit)
    };
    let basis = match how {
        Some(how) => msg!("compare.verdict.recognised-so", how, commitment),
        None => commitment,
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
        Verdict::plain(TargetStatus::NotComparable(msg!(
            "compare.verdict.counted-differently",
            theirs = counted(theirs),
            ours = counted(ours)
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
        || msg!("compare.verdict.no-recognition-rule"),
        |d| Message::verbatim(d.as_str()),
    );
    let threshold = |at: Option<u8>| {
        standard
            .level(at)
            .and_then(|l| l.threshold(level))
            .and_then(|t| Some((t.share?, t.verification)))
    };
    let floor_value = ours.value.floor().map(|f| f.value);
    let reaches = |(share, _): (f64, Verification)| floor_value.is_some_and(|v| v >= share);
    // Its own level first; if the plan falls short of that, the lower level
    // the scheme asks for, which its sub-units at the higher level also hold.
    let own = threshold(ours.level);
    let (used, at) = match own {
        Some(t) if reaches(t) || ours.level == theirs.level => (Some(t), ours.level),
        _ => (threshold(theirs.level), theirs.level),
    };
    let at_level = at.map_or_else(
        || Message::verbatim(""),
        |level| msg!("compare.verdict.at-level", level),
    );
    let Some((share, flag)) = used else {
        return Verdict::plain(TargetStatus::NotComparable(msg!(
            "compare.verdict.threshold-unknown",
            units = counted_units(sub_units),
            level = level_name(level),
            at_level,
            decree
        )));
    };
    let how = msg!(
        "compare.verdict.recognised",
        level = level_name(level),
        at_level,
        share,
        units = counted_units(sub_units),
        decree,
        flag = flag.message()
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

/// The units a share counts, as a scheme names them: "provinces", "tỉnh".
pub(super) fn counted_units(population: Population) -> Message {
    match population {
        Population::Provinces | Population::Districts | Population::Communes => {
            population_name(population)
        }
        _ => population_name(Population::Units),
    }
}

/// What a target counts: "percent of districts", "tỷ lệ % số huyện".
pub(super) fn counted(t: &Target) -> Message {
    let of = population_name(t.population);
    match t.unit {
        Unit::Percent => msg!("compare.counted.percent", of),
        Unit::Count => msg!("compare.counted.count", of),
        Unit::PercentGrowthPerYear => msg!("compare.counted.percent-growth-per-year", of),
        Unit::Level => msg!("compare.counted.level", of),
    }
}

fn population_name(population: Population) -> Message {
    match population {
        Population::People => msg!("compare.population.people"),
        Population::Provinces => msg!("compare.population.provinces"),
        Population::Districts => msg!("compare.population.districts"),
        Population::Communes => msg!("compare.population.communes"),
        Population::Households => msg!("compare.population.households"),
        Population::Clans => msg!("compare.population.clans"),
        Population::Communities => msg!("compare.population.communities"),
        Population::Units => msg!("compare.population.units"),
        Population::Institutions => msg!("compare.population.institutions"),
        Population::Libraries => msg!("compare.population.libraries"),
        Population::Museums => msg!("compare.population.museums"),
        Population::CulturalCentres => msg!("compare.population.cultural-centres"),
        Population::Members => msg!("compare.population.members"),
        Population::Uses => msg!("compare.population.uses"),
    }
}
