//! Target by target: does the plan ask for at least what the plan above it
//! asks for? Each verdict says what it rests on: how sure xhht is of the
//! figure above, which conversion (a standard's recognition threshold, a
//! cumulative level, a yearly figure) made the pair comparable, and when a
//! figure cannot hold the plan at all (another level of government, another
//! region, the plan's own figure).

use serde::Serialize;

mod messages;
mod scope;
mod verdict;

use messages::{Shortfall, gap, subject};
pub(crate) use scope::level_name;
use scope::{Pairing, Scope, cumulative, pairing, prefer_exact, scope};
use verdict::{Verdict, judge, silent_on_a_share};

use super::evidence::{self, Certainty, Evidence};
use crate::finding::Finding;
use crate::i18n::Message;
use crate::model::{Plan, Target, TargetValue, Verification};
use crate::source::{FieldPath, SourceFile};

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
    NotApplicable(Message),
    /// The plan does not commit its unit to a standard the scheme expects only
    /// a share of units to reach; the reason says so.
    NotCommitted(Message),
    /// Same indicator, counted differently; the reason says how.
    NotComparable(Message),
    /// Both state the aim without a figure.
    NoFigures,
    /// The plan's figure is still to be written in (`value: TODO`).
    ToFill,
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
    /// The indicator's name in the report's language, from the catalogue.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<Message>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub condition: Option<String>,
    pub year: u16,
    /// Id of the upper plan's target.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scheme_target: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scheme_value: Option<Message>,
    /// Id of the plan's target.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan_target: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan_value: Option<Message>,
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
    pub basis: Option<Message>,
    /// The verification flag of the upper plan's figure.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verification: Option<Verification>,
    /// How sure xhht is of the upper plan's figure, for this plan.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub certainty: Option<Certainty>,
    /// Independent publishers of the upper figure besides this plan (a site,
    /// a news agency's language services, a restating plan: one each).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publishers: Option<usize>,
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
    let mut comparing = Comparing {
        local,
        upper,
        upper_source,
        rows: Vec::new(),
        findings: Vec::new(),
        paired: vec![false; local.plan.targets.len()],
    };
    for (ui, theirs) in upper.targets.iter().enumerate() {
        let evidence = evidence::weigh(local.plan, upper, theirs);
        for year in binding_years(local.plan, upper, theirs) {
            comparing.figure(ui, year, &evidence);
        }
    }
    comparing.finish()
}

/// The rows and findings of one plan against one plan above, as its figures
/// are taken one by one; `paired` marks the plan's targets that answer one.
struct Comparing<'a> {
    local: &'a Local<'a>,
    upper: &'a Plan,
    upper_source: &'a SourceFile,
    rows: Vec<TargetRow>,
    findings: Vec<Finding>,
    paired: Vec<bool>,
}

impl Comparing<'_> {
    /// The `ui`th figure of the plan above, in one year it binds.
    fn figure(&mut self, ui: usize, year: u16, evidence: &Evidence) {
        let theirs = &self.upper.targets[ui];
        let scope = scope(self.local.plan, self.upper, theirs, year);
        let answers = self.answers(theirs, year, &scope);
        if answers.is_empty() {
            // A yearly figure is reported unpaired once, in the year it is filed under.
            if year == theirs.year {
                let status = self.unanswered(ui, scope, evidence);
                self.rows.push(row(
                    theirs,
                    year,
                    Some(theirs),
                    None,
                    status,
                    Some(evidence),
                ));
            }
            return;
        }
        for (li, pairing) in answers {
            self.paired[li] = true;
            if let Scope::Undecided(why) = &scope {
                let ours = &self.local.plan.targets[li];
                let status = TargetStatus::NotComparable(why.clone());
                self.rows.push(row(
                    theirs,
                    year,
                    Some(theirs),
                    Some(ours),
                    status,
                    Some(evidence),
                ));
            } else {
                self.pair(li, theirs, year, pairing, evidence);
            }
        }
    }

    /// The plan's targets that answer a figure, an exact pair first. Where it
    /// is not settled whether the figure binds, the plan's own target is
    /// still shown beside it, never as "local only".
    fn answers(&self, theirs: &Target, year: u16, scope: &Scope) -> Vec<(usize, Pairing)> {
        let regional = match scope {
            Scope::Binds { regional } => *regional,
            Scope::Undecided(_) => theirs.condition.is_some(),
            Scope::NotApplicable(_) => return Vec::new(),
        };
        let upper_id = &self.upper.document.id;
        let matches = self
            .local
            .plan
            .targets
            .iter()
            .enumerate()
            .filter_map(|(i, ours)| pairing(ours, theirs, upper_id, year, regional).map(|p| (i, p)))
            .collect();
        prefer_exact(matches)
    }

    /// Why no target of the plan answers the `ui`th figure: it does not
    /// bind, there is no figure, it is the plan's own, or a gap.
    fn unanswered(&mut self, ui: usize, scope: Scope, evidence: &Evidence) -> TargetStatus {
        let theirs = &self.upper.targets[ui];
        match (scope, silent_on_a_share(self.local.plan, theirs)) {
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
                let finding = gap(self.local, self.upper, self.upper_source, ui, evidence);
                self.findings.push(finding);
                TargetStatus::Gap
            }
        }
    }

    /// A figure and the plan's `li`th target that answers it: the verdict,
    /// no surer than what it rests on, and a finding when it falls short.
    fn pair(
        &mut self,
        li: usize,
        theirs: &Target,
        year: u16,
        pairing: Pairing,
        evidence: &Evidence,
    ) {
        let plan = self.local.plan;
        let ours = &plan.targets[li];
        let verdict = judge(plan, ours, theirs, year, pairing);
        let evidence = Evidence {
            certainty: verdict.certainty(evidence.certainty),
            ..*evidence
        };
        let mut status = verdict.status.clone();
        if status.is_verdict() && evidence.certainty == Certainty::OwnFigure {
            status = TargetStatus::OwnFigure;
        }
        if status == TargetStatus::Shortfall {
            let shortfall = Shortfall {
                index: li,
                ours,
                upper: self.upper,
                theirs,
                year,
            };
            let finding = shortfall
                .finding(self.local, &evidence, &verdict)
                .about(&plan.document.id, subject(ours, year));
            self.findings.push(finding);
        }
        let mut r = row(
            theirs,
            year,
            Some(theirs),
            Some(ours),
            status,
            Some(&evidence),
        );
        r.basis.clone_from(&verdict.basis);
        if !verdict.figures_comparable {
            (r.difference, r.difference_upper) = (None, None);
            (r.scheme_figure, r.plan_figure) = (None, None);
        }
        self.rows.push(r);
    }

    /// The plan's targets no figure above asks for, then every row in order.
    fn finish(mut self) -> (Vec<TargetRow>, Vec<Finding>) {
        for (li, ours) in self.local.plan.targets.iter().enumerate() {
            if !self.paired[li] {
                let status = TargetStatus::LocalOnly;
                self.rows
                    .push(row(ours, ours.year, None, Some(ours), status, None));
            }
        }
        self.rows.sort_by(|a, b| {
            (a.year, &a.indicator, a.level, &a.condition, &a.plan_target).cmp(&(
                b.year,
                &b.indicator,
                b.level,
                &b.condition,
                &b.plan_target,
            ))
        });
        (self.rows, self.findings)
    }
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

fn row(
    key: &Target,
    year: u16,
    theirs: Option<&Target>,
    ours: Option<&Target>,
    status: TargetStatus,
    evidence: Option<&Evidence>,
) -> TargetRow {
    let figures = match (
        ours.and_then(|t| t.value.floor()),
        theirs.and_then(|t| t.value.floor()),
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
        label: None,
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
        publishers: evidence.map(|e| e.publishers),
    }
}

#[cfg(test)]
mod tests {
    use super::verdict::judge_values;
    use super::*;
    use crate::model::{Direction, Population, Unit};

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
            TargetStatus::NotComparable(why) => {
                let why = why.english();
                assert!(
                    why.contains("provinces") && why.contains("districts"),
                    "{why}"
                );
            }
            other => panic!("{other:?}"),
        }
    }
}
