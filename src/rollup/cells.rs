//! One cell of the matrix: how one plan answers one target of the plan it
//! is held to, read from the rows of the target comparison.

use schemars::JsonSchema;
use serde::Serialize;

use super::ColumnCounts;
use crate::compare::{TargetRow, TargetStatus};
use crate::i18n::Message;
use crate::model::Plan;

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Cell {
    pub status: CellStatus,
    /// Why the target does not bind the plan, or cannot be judged.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<Message>,
    /// The plan's own value, as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<Message>,
    /// The least the plan's value asks for, where the pair was judged.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub figure: Option<f64>,
    /// The plan's figure minus the target's, where the pair was judged.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub difference: Option<f64>,
}

/// A comparison row's status, and two a matrix needs besides: the target's
/// year lies outside the plan's period, or the two could not be compared
/// at all. Declared worst first, which is their order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CellStatus {
    Shortfall,
    Gap,
    ToFill,
    NotComparable,
    OwnFigure,
    NoNationalFigure,
    NoFigures,
    NotCompared,
    NotCommitted,
    NotApplicable,
    OutsidePeriod,
    Meets,
    Exceeds,
}

impl CellStatus {
    fn of(status: &TargetStatus) -> Self {
        match status {
            TargetStatus::Shortfall => Self::Shortfall,
            TargetStatus::Gap => Self::Gap,
            TargetStatus::ToFill => Self::ToFill,
            TargetStatus::NotComparable(_) => Self::NotComparable,
            TargetStatus::OwnFigure => Self::OwnFigure,
            TargetStatus::NoNationalFigure => Self::NoNationalFigure,
            TargetStatus::NoFigures => Self::NoFigures,
            TargetStatus::NotCommitted(_) => Self::NotCommitted,
            TargetStatus::NotApplicable(_) => Self::NotApplicable,
            TargetStatus::Meets => Self::Meets,
            TargetStatus::Exceeds => Self::Exceeds,
            // A row without the plan above's target is no cell of its columns.
            TargetStatus::LocalOnly => Self::NotCompared,
        }
    }

    /// Where a cell falls in its column's counts.
    pub(crate) fn is_pass(self) -> bool {
        matches!(self, Self::Meets | Self::Exceeds)
    }

    pub(crate) fn binds_not(self) -> bool {
        matches!(
            self,
            Self::NotApplicable | Self::NotCommitted | Self::OutsidePeriod
        )
    }
}

impl Cell {
    pub(super) fn count(&self, counts: &mut ColumnCounts) {
        if self.value.is_some() {
            counts.restated += 1;
        }
        match self.status {
            status if status.is_pass() => counts.meets += 1,
            CellStatus::Shortfall => counts.shortfall += 1,
            CellStatus::Gap => counts.gap += 1,
            status if status.binds_not() => counts.not_applicable += 1,
            _ => counts.undecided += 1,
        }
    }

    fn outside_period() -> Self {
        Self {
            status: CellStatus::OutsidePeriod,
            reason: None,
            value: None,
            figure: None,
            difference: None,
        }
    }
}

/// A cell per target of `yardstick`, from the rows `plan`'s comparison
/// with it gave. A target judged in several years (a yearly figure) or
/// answered by several of the plan's targets shows its worst row: one
/// year short is short.
pub(super) fn of_plan(plan: &Plan, yardstick: &Plan, rows: &[TargetRow]) -> Vec<Cell> {
    yardstick
        .targets
        .iter()
        .map(|target| {
            let worst = rows
                .iter()
                .filter(|row| row.scheme_target.as_deref() == Some(target.id.as_str()))
                .min_by_key(|row| CellStatus::of(&row.status));
            match worst {
                Some(row) => Cell {
                    status: CellStatus::of(&row.status),
                    reason: reason(&row.status),
                    value: row.plan_value.clone(),
                    figure: row.plan_figure,
                    difference: row.difference,
                },
                None if !plan.document.period.contains(target.year) => Cell::outside_period(),
                None => Cell {
                    status: CellStatus::NotCompared,
                    ..Cell::outside_period()
                },
            }
        })
        .collect()
}

fn reason(status: &TargetStatus) -> Option<Message> {
    match status {
        TargetStatus::NotApplicable(why)
        | TargetStatus::NotCommitted(why)
        | TargetStatus::NotComparable(why) => Some(why.clone()),
        _ => None,
    }
}
