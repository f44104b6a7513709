//! How far each target has got: the figures recorded for it (in a status
//! file or the plan's inline `progress`) judged against the target, as of a
//! date; and who must do what by when.
//!
//! The method follows Open SDG's progress measure (the growth needed from a
//! baseline to reach the target by its year, against the growth achieved so
//! far), with average yearly change in place of compound growth: most
//! targets here are shares in per cent, whose change the plans and their
//! reports state in percentage points a year.
//!
//! - A target whose year is over is **achieved** or **not achieved** by the
//!   figure recorded for that year (with the gap); with no figure for that
//!   year, **no data**.
//! - Before its year: **achieved** once the latest figure meets it; else,
//!   from the earliest figure (the baseline) to the latest, **on track** when
//!   the yearly change so far is at least [`ON_TRACK`] of the yearly change
//!   still needed from the baseline, **off track** otherwise; one figure
//!   alone gives no trend (**too early**).
//! - A yearly target ("hằng năm", or a growth per year) must hold in every
//!   year: any year over that fell short makes it **not achieved**.
//! - A target without a figure (qualitative, not found, still TODO) cannot
//!   be measured (**no figure**).

pub mod owners;

use std::path::PathBuf;

use schemars::JsonSchema;
use serde::Serialize;

use crate::catalogue::Catalogue;
use crate::date::CivilDate;
use crate::i18n::{Lang, Message};
use crate::model::{Bound, Direction, Plan, Progress, Target, TargetProgress, Unit};

/// The share of the needed yearly change a target's yearly change so far
/// must reach to be on track (Open SDG's threshold for substantial progress).
pub const ON_TRACK: f64 = 0.95;

/// One plan's progress: its targets, and its open tasks by owner.
#[derive(Debug, Serialize, JsonSchema)]
pub struct PlanProgress {
    pub plan: String,
    /// Where the figures were read from, when a status file was found or named.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status_file: Option<PathBuf>,
    /// One row per target with a year, in plan order.
    pub targets: Vec<TargetProgressRow>,
    /// Who does what by when: the plan's scheduled tasks grouped by lead.
    pub owners: Vec<owners::OwnerRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct TargetProgressRow {
    pub target: String,
    pub indicator: String,
    /// The standard level the target names ("mức độ 2").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<u8>,
    /// The sub-population it is restricted to, by its catalogue id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub condition: Option<String>,
    /// The indicator's name in the report's language, from the catalogue.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<Message>,
    pub year: u16,
    /// The target's value as the plan sets it.
    pub value: Message,
    pub unit: Unit,
    /// The earliest figure recorded, from which the trend is measured.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline: Option<Figure>,
    /// The figure the status rests on: for a target whose year is over, the
    /// one for that year; else the latest recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub latest: Option<Figure>,
    pub status: ProgressStatus,
    /// How far the figure is from the target, in the target's unit
    /// (positive: short of it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gap: Option<f64>,
    /// The yearly change needed from the baseline to reach the target by its year.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub needed_per_year: Option<f64>,
    /// The yearly change from the baseline to the latest figure.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub achieved_per_year: Option<f64>,
}

/// A figure recorded for a target.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Figure {
    pub year: u16,
    pub value: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<CivilDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ProgressStatus {
    Achieved,
    NotAchieved,
    OnTrack,
    OffTrack,
    /// One figure before the target's year, not meeting it: no trend yet.
    TooEarly,
    /// Nothing recorded (for a target whose year is over: nothing for that year).
    NoData,
    /// The target sets no figure to measure against.
    NoFigure,
}

impl ProgressStatus {
    pub const ALL: [Self; 7] = [
        Self::Achieved,
        Self::NotAchieved,
        Self::OnTrack,
        Self::OffTrack,
        Self::TooEarly,
        Self::NoData,
        Self::NoFigure,
    ];

    pub fn message(self) -> Message {
        Message::new(
            match self {
                Self::Achieved => "progress.status.achieved",
                Self::NotAchieved => "progress.status.not-achieved",
                Self::OnTrack => "progress.status.on-track",
                Self::OffTrack => "progress.status.off-track",
                Self::TooEarly => "progress.status.too-early",
                Self::NoData => "progress.status.no-data",
                Self::NoFigure => "progress.status.no-figure",
            },
            Vec::new(),
        )
    }

    /// Whether the row asks for attention: a target missed or falling behind.
    pub fn is_concern(self) -> bool {
        matches!(self, Self::NotAchieved | Self::OffTrack)
    }
}

/// The progress of every target of `plan` with the merged `progress`, as of
/// `as_of`; labels in `lang`.
pub fn targets(
    plan: &Plan,
    progress: &Progress,
    as_of: CivilDate,
    lang: Lang,
) -> Vec<TargetProgressRow> {
    let catalogue = Catalogue::embedded();
    plan.targets
        .iter()
        .map(|target| {
            // A figure dated after the as-of date, or for a year not begun,
            // did not exist then: it cannot decide a verdict (XH024 says so).
            let known_then = |r: &&TargetProgress| {
                i32::from(r.year) <= i32::from(as_of.year()) && r.date.is_none_or(|d| d <= as_of)
            };
            let mut figures: Vec<&TargetProgress> = progress
                .targets
                .iter()
                .filter(|r| r.target == target.id && r.achieved.is_finite())
                .filter(known_then)
                .collect();
            // The last record of a year wins: merged records put the status file's last.
            figures.reverse();
            figures.sort_by_key(|r| r.year);
            figures.dedup_by_key(|r| r.year);
            let indicator = catalogue.indicator(&target.indicator);
            let direction = target
                .direction
                .or(indicator.map(|i| i.direction))
                .unwrap_or(Direction::HigherIsBetter);
            let mut row = judge(
                target,
                &figures,
                direction,
                as_of,
                plan.document.period.start,
            );
            row.label = indicator.map(|i| {
                Message::verbatim(match lang {
                    Lang::Vi => i.vi.to_string(),
                    Lang::En => i.en.clone(),
                })
            });
            row
        })
        .collect()
}

/// `from` is the first year of the plan: a yearly target binds from then
/// on, and a figure from before is a baseline, never a missed year.
fn judge(
    target: &Target,
    figures: &[&TargetProgress],
    direction: Direction,
    as_of: CivilDate,
    from: u16,
) -> TargetProgressRow {
    let mut row = TargetProgressRow {
        target: target.id.clone(),
        indicator: target.indicator.clone(),
        level: target.level,
        condition: target.condition.clone(),
        label: None,
        year: target.year,
        value: target.value_text(),
        unit: target.unit,
        baseline: None,
        latest: None,
        status: ProgressStatus::NoData,
        gap: None,
        needed_per_year: None,
        achieved_per_year: None,
    };
    let bound = match direction {
        Direction::HigherIsBetter => target.value.floor(),
        Direction::LowerIsBetter => target.value.ceiling(),
    };
    let Some(bound) = bound else {
        row.status = ProgressStatus::NoFigure;
        row.latest = figures.last().map(|r| figure(r));
        return row;
    };
    let meets = |value: f64| meets(value, bound, direction);
    let shortfall = |value: f64| match direction {
        Direction::HigherIsBetter => bound.value - value,
        Direction::LowerIsBetter => value - bound.value,
    };
    // A year is over once the as-of date is past its last day.
    let over = |year: u16| i32::from(as_of.year()) > i32::from(year);
    let yearly = target.each_year || target.unit == Unit::PercentGrowthPerYear;
    if yearly
        && let Some(missed) = figures
            .iter()
            .rev()
            .find(|r| (from..=target.year).contains(&r.year) && over(r.year) && !meets(r.achieved))
    {
        row.latest = Some(figure(missed));
        row.gap = Some(shortfall(missed.achieved));
        row.status = ProgressStatus::NotAchieved;
        return row;
    }
    if over(target.year) {
        let Some(result) = figures.iter().find(|r| r.year == target.year) else {
            row.latest = figures.last().map(|r| figure(r));
            return row;
        };
        row.latest = Some(figure(result));
        row.status = if meets(result.achieved) {
            ProgressStatus::Achieved
        } else {
            row.gap = Some(shortfall(result.achieved));
            ProgressStatus::NotAchieved
        };
        return row;
    }
    let known: Vec<&&TargetProgress> = figures.iter().filter(|r| r.year <= target.year).collect();
    let Some(&&latest) = known.last() else {
        return row;
    };
    row.latest = Some(figure(latest));
    if meets(latest.achieved) {
        row.status = if yearly {
            ProgressStatus::OnTrack
        } else {
            ProgressStatus::Achieved
        };
        return row;
    }
    row.gap = Some(shortfall(latest.achieved));
    pace(&mut row, known[0], latest, bound, direction);
    row
}

/// Judges a target not yet met before its year by the pace from `baseline`
/// to `latest`, against the pace still needed to reach `bound` in time.
fn pace(
    row: &mut TargetProgressRow,
    baseline: &TargetProgress,
    latest: &TargetProgress,
    bound: Bound,
    direction: Direction,
) {
    if baseline.year == latest.year {
        row.status = ProgressStatus::TooEarly;
        return;
    }
    row.baseline = Some(figure(baseline));
    let needed = (bound.value - baseline.achieved) / f64::from(row.year - baseline.year);
    let achieved = (latest.achieved - baseline.achieved) / f64::from(latest.year - baseline.year);
    row.needed_per_year = Some(needed);
    row.achieved_per_year = Some(achieved);
    // Needed and achieved point the same way when the figure moves towards
    // the target; a baseline that already met it leaves nothing needed, and
    // falling back from it is off track.
    let ratio = match direction {
        Direction::HigherIsBetter if needed > 0.0 => achieved / needed,
        Direction::LowerIsBetter if needed < 0.0 => achieved / needed,
        _ => f64::NEG_INFINITY,
    };
    row.status = if ratio >= ON_TRACK {
        ProgressStatus::OnTrack
    } else {
        ProgressStatus::OffTrack
    };
}

fn meets(value: f64, bound: Bound, direction: Direction) -> bool {
    match (direction, bound.strict) {
        (Direction::HigherIsBetter, false) => value >= bound.value,
        (Direction::HigherIsBetter, true) => value > bound.value,
        (Direction::LowerIsBetter, false) => value <= bound.value,
        (Direction::LowerIsBetter, true) => value < bound.value,
    }
}

fn figure(record: &TargetProgress) -> Figure {
    Figure {
        year: record.year,
        value: record.achieved,
        date: record.date,
        source: record.source.as_ref().map(ToString::to_string),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TargetValue;

    fn target(value: &TargetValue, year: u16) -> Target {
        let text = format!(
            "id: t\nindicator: literacy.rate.age_15_60\nunit: percent\npopulation: people\nvalue: {}\nyear: {year}\n",
            serde_json::to_string(value).unwrap()
        );
        serde_saphyr::from_str(&text).unwrap()
    }

    fn record(year: u16, achieved: f64) -> TargetProgress {
        TargetProgress {
            target: "t".into(),
            year,
            achieved,
            date: None,
            source: None,
            note: None,
        }
    }

    fn status_of(target: &Target, records: &[TargetProgress], as_of: &str) -> TargetProgressRow {
        let refs: Vec<&TargetProgress> = records.iter().collect();
        judge(
            target,
            &refs,
            Direction::HigherIsBetter,
            CivilDate::parse_iso(as_of).unwrap(),
            2021,
        )
    }

    #[test]
    fn a_target_whose_year_is_over_is_achieved_or_not_by_that_years_figure() {
        let t = target(&TargetValue::AtLeast(98.0), 2025);
        let met = status_of(&t, &[record(2020, 95.0), record(2025, 98.2)], "2026-11-30");
        assert_eq!(met.status, ProgressStatus::Achieved);
        let missed = status_of(&t, &[record(2020, 95.0), record(2025, 97.5)], "2026-11-30");
        assert_eq!(missed.status, ProgressStatus::NotAchieved);
        assert_eq!(missed.gap, Some(0.5));
        // A figure for another year is not the result for 2025.
        let other = status_of(&t, &[record(2024, 99.0)], "2026-11-30");
        assert_eq!(other.status, ProgressStatus::NoData);
        assert_eq!(other.latest.map(|f| f.year), Some(2024));
        let strict = target(&TargetValue::Above(99.0), 2025);
        let at = status_of(&strict, &[record(2025, 99.0)], "2026-01-01");
        assert_eq!(at.status, ProgressStatus::NotAchieved);
    }

    #[test]
    fn before_its_year_a_target_is_judged_by_the_pace_so_far() {
        let t = target(&TargetValue::Point(100.0), 2030);
        // Needed: (100 - 90) / 10 = 1 a year; achieved: (94 - 90) / 4 = 1 a year.
        let on = status_of(&t, &[record(2020, 90.0), record(2024, 94.0)], "2025-06-01");
        assert_eq!(on.status, ProgressStatus::OnTrack);
        assert_eq!(on.needed_per_year, Some(1.0));
        assert_eq!(on.achieved_per_year, Some(1.0));
        // Half the pace needed.
        let off = status_of(&t, &[record(2020, 90.0), record(2024, 92.0)], "2025-06-01");
        assert_eq!(off.status, ProgressStatus::OffTrack);
        assert_eq!(off.gap, Some(8.0));
        let one = status_of(&t, &[record(2024, 92.0)], "2025-06-01");
        assert_eq!(one.status, ProgressStatus::TooEarly);
        let reached = status_of(&t, &[record(2024, 100.0)], "2025-06-01");
        assert_eq!(reached.status, ProgressStatus::Achieved);
        let none = status_of(&t, &[], "2025-06-01");
        assert_eq!(none.status, ProgressStatus::NoData);
    }

    #[test]
    fn falling_back_from_a_baseline_that_met_the_target_is_off_track() {
        let t = target(&TargetValue::AtLeast(95.0), 2030);
        let fell = status_of(&t, &[record(2021, 96.0), record(2023, 94.0)], "2024-01-01");
        assert_eq!(fell.status, ProgressStatus::OffTrack);
    }

    #[test]
    fn a_lower_is_better_target_is_met_from_below() {
        let t = target(&TargetValue::Point(5.0), 2030);
        let records = [record(2020, 15.0), record(2025, 9.0)];
        let refs: Vec<&TargetProgress> = records.iter().collect();
        let row = judge(
            &t,
            &refs,
            Direction::LowerIsBetter,
            CivilDate::parse_iso("2026-01-01").unwrap(),
            2021,
        );
        // Needed −1 a year, achieved −1.2 a year.
        assert_eq!(row.status, ProgressStatus::OnTrack);
        assert_eq!(row.gap, Some(4.0));
    }

    #[test]
    fn a_yearly_target_must_hold_every_year_that_is_over() {
        let mut t = target(&TargetValue::AtLeast(90.0), 2030);
        t.each_year = true;
        let missed = status_of(
            &t,
            &[record(2022, 91.0), record(2023, 88.0), record(2024, 92.0)],
            "2025-03-01",
        );
        assert_eq!(missed.status, ProgressStatus::NotAchieved);
        assert_eq!(missed.latest.map(|f| f.year), Some(2023));
        let held = status_of(&t, &[record(2023, 91.0), record(2024, 92.0)], "2025-03-01");
        assert_eq!(held.status, ProgressStatus::OnTrack);
        // A baseline from before the plan began is not a year it missed.
        let before = status_of(&t, &[record(2020, 85.0), record(2024, 92.0)], "2025-03-01");
        assert_eq!(before.status, ProgressStatus::OnTrack);
    }

    #[test]
    fn a_figure_not_yet_known_on_the_as_of_date_decides_nothing() {
        let text = "document:\n  id: p\n  title: P\n  kind: plan\n  issuer: UBND\n  level: province\n  \
             jurisdiction: tỉnh X\n  period: {start: 2021, end: 2030}\n\
             targets:\n  - {id: t, indicator: literacy.rate.age_15_60, unit: percent, population: people, value: {at_least: 98}, year: 2025}\n";
        let loaded = crate::load::load_bytes(
            "p.yaml".into(),
            text.as_bytes().to_vec(),
            crate::source::Format::Yaml,
        );
        let plan = loaded.plan.unwrap();
        let mut result = record(2025, 99.0);
        result.date = CivilDate::parse_iso("2026-01-15").ok();
        let progress = Progress {
            tasks: Vec::new(),
            targets: vec![record(2021, 96.0), result],
        };
        let on = |day: &str| {
            targets(
                &plan,
                &progress,
                CivilDate::parse_iso(day).unwrap(),
                Lang::En,
            )
        };
        assert_eq!(on("2026-03-01")[0].status, ProgressStatus::Achieved);
        // Before the 2025 figure was published, there was none for 2025.
        assert_eq!(on("2026-01-10")[0].status, ProgressStatus::NoData);
        assert_eq!(on("2024-06-01")[0].status, ProgressStatus::TooEarly);
    }

    #[test]
    fn a_target_without_a_figure_cannot_be_measured() {
        let t = target(&TargetValue::Qualitative, 2025);
        assert_eq!(
            status_of(&t, &[record(2025, 1.0)], "2026-01-01").status,
            ProgressStatus::NoFigure
        );
    }
}
