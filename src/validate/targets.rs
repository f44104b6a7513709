//! Periods, targets and milestones: values that can be, years inside the
//! plan, and later milestones that do not ask for less.

use super::*;
use crate::finding::Rule;
use crate::source::FieldPath;
use crate::suggest::{closest, did_you_mean};
use crate::tr;

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
                tr!(
                    "the period ends in {end}, before it starts in {}",
                    "thời kỳ kết thúc năm {end}, trước năm bắt đầu {}",
                    doc.period.start
                ),
            );
            self.push(finding);
        }
        for (i, &year) in doc.milestones.iter().enumerate() {
            if !doc.period.contains(year) {
                let finding = self.at(
                    Rule::YearOutsidePeriod,
                    &base.key("milestones").index(i),
                    tr!(
                        "milestone {year} is outside the plan's period {}",
                        "mốc năm {year} nằm ngoài thời kỳ của kế hoạch {}",
                        period_text(doc.period)
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
                    tr!(
                        "phase `{}` ends in {} before it starts in {}",
                        "giai đoạn `{}` kết thúc năm {}, trước năm bắt đầu {}",
                        phase.id,
                        phase.end,
                        phase.start
                    ),
                );
                self.push(finding);
            } else if !doc.period.contains(phase.start) || !doc.period.contains(phase.end) {
                let finding = self.at(
                    Rule::YearOutsidePeriod,
                    &path,
                    tr!(
                        "phase `{}` ({}-{}) runs outside the plan's period {}",
                        "giai đoạn `{}` ({}-{}) vượt ra ngoài thời kỳ của kế hoạch {}",
                        phase.id,
                        phase.start,
                        phase.end,
                        period_text(doc.period)
                    ),
                );
                self.push(finding);
            }
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
                    tr!(
                        "indicator `{}` is not in the catalogue",
                        "chỉ tiêu `{}` không có trong danh mục",
                        target.indicator
                    ),
                );
                let ids = catalogue.indicators.iter().map(|i| i.id.as_str());
                let finding = match closest(&target.indicator, ids) {
                    Some(best) => finding.hint(did_you_mean(best)),
                    None => finding.hint(tr!(
                        "catalogue/indicators.yaml lists the known indicators; add a new one there",
                        "danh mục chỉ tiêu nằm ở catalogue/indicators.yaml; bổ sung chỉ tiêu mới vào đó"
                    )),
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
                    tr!(
                        "condition `{condition}` is not in the catalogue",
                        "điều kiện `{condition}` không có trong danh mục"
                    ),
                );
                if let Some(best) = closest(condition, ids) {
                    finding = finding.hint(did_you_mean(best));
                }
                self.push(finding);
            }
            self.target_value(target, &path);
            if !self.plan.document.period.contains(target.year) {
                let finding = self.at(
                    Rule::YearOutsidePeriod,
                    &path.key("year"),
                    tr!(
                        "target `{}` is set for {}, outside the plan's period {}",
                        "chỉ tiêu `{}` đặt cho năm {}, ngoài thời kỳ của kế hoạch {}",
                        target.id,
                        target.year,
                        period_text(self.plan.document.period)
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
                tr!(
                    "target `{}` is not a number a plan can set",
                    "chỉ tiêu `{}` không phải là một con số mà kế hoạch có thể đặt",
                    target.id
                ),
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
                    tr!(
                        "target `{}` has a range from {min} down to {max}",
                        "chỉ tiêu `{}` có khoảng giá trị từ {min} giảm xuống {max}",
                        target.id
                    ),
                )
                .hint(tr!(
                    "write the smaller figure as `min`",
                    "ghi số nhỏ hơn vào `min`"
                ));
            self.push(finding);
        }
        if target.unit == Unit::Percent {
            for v in target.value.numbers() {
                if !(0.0..=100.0).contains(&v) {
                    let finding = self.at(
                        Rule::OutOfRange,
                        &value_path,
                        tr!(
                            "target `{}` is {v}%, but a percentage lies between 0 and 100",
                            "chỉ tiêu `{}` là {v}%, nhưng tỷ lệ phải nằm trong khoảng từ 0 đến 100",
                            target.id
                        ),
                    );
                    self.push(finding);
                }
            }
        } else if target.value.numbers().iter().any(|v| *v < 0.0) {
            let finding = self.at(
                Rule::OutOfRange,
                &value_path,
                tr!(
                    "target `{}` is negative",
                    "chỉ tiêu `{}` có giá trị âm",
                    target.id
                ),
            );
            self.push(finding);
        }
        if let Some(level) = target.level
            && !(1..=5).contains(&level)
        {
            let finding = self.at(
                Rule::OutOfRange,
                &path.key("level"),
                tr!(
                    "level {level} is not a standard level (1 to 5)",
                    "mức độ {level} không phải mức độ chuẩn (từ 1 đến 5)"
                ),
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
                let (Some(a), Some(b)) = (floor(&earlier.value), floor(&later.value)) else {
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
                    let first = self
                        .at(
                            Rule::MilestoneRegression,
                            &root().key("targets").index(pair[0]),
                            "",
                        )
                        .location;
                    let finding = self
                        .at(
                            Rule::MilestoneRegression,
                            &root().key("targets").index(pair[1]).key("value"),
                            tr!(
                                "`{}` asks for {b} by {}, less than the {a} it asks for by {}",
                                "`{}` yêu cầu {b} vào năm {}, thấp hơn mức {a} yêu cầu vào năm {}",
                                later.indicator,
                                later.year,
                                earlier.year
                            ),
                        )
                        .note(tr!(
                            "the {} target is at line {}",
                            "chỉ tiêu năm {} ở dòng {}",
                            earlier.year,
                            first.line
                        ))
                        .hint(tr!(
                            "check both figures against the source text; if the text says so, this warning is about the plan, not the file",
                            "đối chiếu cả hai số liệu với văn bản gốc; nếu văn bản ghi đúng như vậy thì cảnh báo này là về kế hoạch, không phải về tệp"
                        ));
                    self.push(finding);
                }
            }
        }
    }
}

fn floor(value: &TargetValue) -> Option<f64> {
    match *value {
        TargetValue::Point(v) | TargetValue::AtLeast(v) | TargetValue::Above(v) => Some(v),
        TargetValue::Range { min, .. } => Some(min),
        TargetValue::Qualitative | TargetValue::Unavailable => None,
    }
}
