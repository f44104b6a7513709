//! Periods, targets and milestones: values that can be, years inside the
//! plan, and later milestones that do not ask for less.

use super::{Check, Direction, HashMap, Target, TargetValue, Unit, period_text, root};
use crate::finding::Rule;
use crate::model::Period;
use crate::msg;
use crate::source::FieldPath;
use crate::suggest::{closest, did_you_mean};

impl Check<'_> {
    pub(super) fn period(&mut self) {
        let doc = &self.plan.document;
        let base = root().key("document");
        if let Some(end) = doc.period.end
            && end < doc.period.start
        {
            let finding = self.at(
                Rule::OutOfRange,
                &base.key("period").key("end"),
                msg!(
                    "validate.targets.period-reversed",
                    end,
                    start = doc.period.start
                ),
            );
            let finding = finding.note(msg!("validate.targets.period-reversed-note"));
            self.push(finding);
        }
        self.period_bounds();
        let sound = self.period_is_sound();
        for (i, &year) in doc.milestones.iter().enumerate().filter(|_| sound) {
            if !doc.period.contains(year) {
                let finding = self.at(
                    Rule::YearOutsidePeriod,
                    &base.key("milestones").index(i),
                    msg!(
                        "validate.targets.milestone-outside",
                        year,
                        period = period_text(doc.period)
                    ),
                );
                self.push(finding);
            }
        }
        for (i, phase) in doc.phases.iter().enumerate() {
            let path = base.key("phases").index(i);
            if phase.end < phase.start {
                let finding = self.at(
                    Rule::OutOfRange,
                    &path.key("end"),
                    msg!(
                        "validate.targets.phase-reversed",
                        id = &phase.id,
                        end = phase.end,
                        start = phase.start
                    ),
                );
                self.push(finding);
            } else if sound
                && (!doc.period.contains(phase.start) || !doc.period.contains(phase.end))
            {
                let finding = self.at(
                    Rule::YearOutsidePeriod,
                    &path,
                    msg!(
                        "validate.targets.phase-outside",
                        id = &phase.id,
                        start = phase.start,
                        end = phase.end,
                        period = period_text(doc.period)
                    ),
                );
                self.push(finding);
            }
        }
    }

    /// A period outside the years a plan can cover is a typo, and one that
    /// would have the schedule walk thousands of years.
    pub(super) fn period_is_sound(&self) -> bool {
        self.plan.document.period.is_sound()
    }

    fn period_bounds(&mut self) {
        let doc = &self.plan.document;
        let base = root().key("document");
        let (earliest, latest) = (Period::EARLIEST, Period::LATEST);
        if doc.period.start < earliest {
            let finding = self
                .at(
                    Rule::OutOfRange,
                    &base.key("period").key("start"),
                    msg!(
                        "validate.targets.period-too-early",
                        start = doc.period.start,
                        earliest
                    ),
                )
                .hint(msg!(
                    "validate.targets.period-bounds-hint",
                    earliest,
                    latest
                ));
            self.push(finding);
        }
        let start = doc.period.start;
        let (field, message) = if let Some(end) = doc.period.end {
            ("end", msg!("validate.targets.period-too-late", end, latest))
        } else {
            let message = msg!("validate.targets.period-starts-too-late", start, latest);
            ("start", message)
        };
        if doc.period.end.unwrap_or(doc.period.start) > latest {
            let finding = self
                .at(Rule::OutOfRange, &base.key("period").key(field), message)
                .hint(msg!(
                    "validate.targets.period-bounds-hint",
                    earliest,
                    latest
                ));
            self.push(finding);
        }
    }

    pub(super) fn targets(&mut self) {
        let catalogue = self.cx.catalogue;
        for (i, target) in self.plan.targets.iter().enumerate() {
            let path = root().key("targets").index(i);
            if catalogue.indicator(&target.indicator).is_none() {
                let finding = self.at(
                    Rule::UnknownIndicator,
                    &path.key("indicator"),
                    msg!(
                        "validate.targets.unknown-indicator",
                        indicator = &target.indicator
                    ),
                );
                let ids = catalogue.indicators.iter().map(|i| i.id.as_str());
                let finding = match closest(&target.indicator, ids) {
                    Some(best) => finding.hint(did_you_mean(best)),
                    None => finding.hint(msg!("validate.targets.unknown-indicator-hint")),
                };
                self.push(finding);
            }
            if let Some(condition) = &target.condition
                && catalogue.condition(condition).is_none()
            {
                let ids = catalogue.conditions.iter().map(|c| c.id.as_str());
                let mut finding = self.at(
                    Rule::UnknownIndicator,
                    &path.key("condition"),
                    msg!("validate.targets.unknown-condition", condition),
                );
                if let Some(best) = closest(condition, ids) {
                    finding = finding.hint(did_you_mean(best));
                }
                self.push(finding);
            }
            self.target_value(target, &path);
            if self.period_is_sound() && !self.plan.document.period.contains(target.year) {
                let finding = self.at(
                    Rule::YearOutsidePeriod,
                    &path.key("year"),
                    msg!(
                        "validate.targets.year-outside",
                        id = &target.id,
                        year = target.year,
                        period = period_text(self.plan.document.period)
                    ),
                );
                self.push(finding);
            }
            for (j, reference) in target.restates.iter().enumerate() {
                let ref_path = path.key("restates").index(j);
                self.target_ref(&ref_path, &reference.plan, &reference.item);
            }
        }
    }

    pub(super) fn target_value(&mut self, target: &Target, path: &FieldPath) {
        if target.value.numbers().iter().any(|v| !v.is_finite()) {
            let finding = self.at(
                Rule::OutOfRange,
                &path.key("value"),
                msg!("validate.targets.not-a-number", id = &target.id),
            );
            self.push(finding);
            return;
        }
        let value_path = path.key("value");
        if let TargetValue::Range { min, max } = target.value
            && min > max
        {
            let finding = self
                .at(
                    Rule::OutOfRange,
                    &value_path,
                    msg!("validate.targets.range-reversed", id = &target.id, min, max),
                )
                .hint(msg!("validate.targets.range-reversed-hint"));
            self.push(finding);
        }
        if target.unit == Unit::Percent {
            for v in target.value.numbers() {
                if !(0.0..=100.0).contains(&v) {
                    let finding = self.at(
                        Rule::OutOfRange,
                        &value_path,
                        msg!(
                            "validate.targets.not-a-percentage",
                            id = &target.id,
                            value = v
                        ),
                    );
                    self.push(finding);
                }
            }
        } else if target.value.numbers().iter().any(|v| *v < 0.0) {
            let finding = self.at(
                Rule::OutOfRange,
                &value_path,
                msg!("validate.targets.negative", id = &target.id),
            );
            self.push(finding);
        }
        if let Some(level) = target.level
            && !(1..=5).contains(&level)
        {
            let finding = self.at(
                Rule::OutOfRange,
                &path.key("level"),
                msg!("validate.targets.bad-level", level),
            );
            self.push(finding);
        }
    }

    /// A 2020 target below the 2015 target of the same indicator, when
    /// higher is better, asks for less over time.
    pub(super) fn milestone_regressions(&mut self) {
        let catalogue = self.cx.catalogue;
        let targets = &self.plan.targets;
        let mut by_series: HashMap<_, Vec<usize>> = HashMap::new();
        for (i, t) in targets.iter().enumerate() {
            let key = (&t.indicator, t.level, &t.condition, t.unit, t.population);
            by_series.entry(key).or_default().push(i);
        }
        let mut series: Vec<Vec<usize>> = by_series.into_values().collect();
        series.sort();
        for mut indices in series {
            indices.sort_by_key(|&i| (targets[i].year, i));
            for pair in indices.windows(2) {
                let (earlier, later) = (&targets[pair[0]], &targets[pair[1]]);
                if earlier.year == later.year {
                    continue;
                }
                let (Some(a), Some(b)) = (earlier.value.least(), later.value.least()) else {
                    continue;
                };
                let direction = later
                    .direction
                    .or_else(|| catalogue.indicator(&later.indicator).map(|i| i.direction))
                    .unwrap_or(Direction::HigherIsBetter);
                let regresses = match direction {
                    Direction::HigherIsBetter => b < a,
                    Direction::LowerIsBetter => b > a,
                };
                if regresses {
                    let first = self.location(&root().key("targets").index(pair[0]));
                    let finding = self
                        .at(
                            Rule::MilestoneRegression,
                            &root().key("targets").index(pair[1]).key("value"),
                            msg!(
                                "validate.targets.regression",
                                indicator = &later.indicator,
                                later = b,
                                later_year = later.year,
                                earlier = a,
                                earlier_year = earlier.year
                            ),
                        )
                        .note(msg!(
                            "validate.targets.regression-earlier",
                            year = earlier.year,
                            line = first.line
                        ))
                        .hint(msg!("validate.targets.regression-hint"));
                    self.push(finding);
                }
            }
        }
    }
}
