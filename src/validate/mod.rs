//! Structure and internal consistency of one plan: ids, references, ranges,
//! years, milestones, leads, modes and citations. Comparison with other plans
//! is not done here.

use std::collections::HashMap;

use crate::catalogue::Catalogue;
use crate::finding::{Anchor, Finding, Location, Rule};
use crate::i18n::Message;
use crate::model::{AgencyKind, Direction, Due, Mode, Plan, Target, TargetValue, Unit};
use crate::source::{FieldPath, SourceFile};
use crate::text::fold;

mod citations;
mod ids;
mod jurisdiction;
mod references;
mod targets;
mod tasks;
mod to_fill;

/// What a plan's references may point at.
pub(crate) struct Context<'a> {
    pub catalogue: &'a Catalogue,
    /// Plans known by id: the embedded baselines and every file of the run.
    pub plans: crate::compare::chain::Known<'a>,
}

pub(crate) fn validate(plan: &Plan, source: &SourceFile, cx: &Context<'_>) -> Vec<Finding> {
    let mut check = Check {
        plan,
        source,
        cx,
        findings: Vec::new(),
    };
    check.ids();
    check.links();
    check.period();
    check.targets();
    check.milestone_regressions();
    check.tasks();
    check.citations();
    check.not_applicable();
    check.province();
    check.jurisdiction();
    check.lead();
    check.blanks();
    let id = &plan.document.id;
    check
        .findings
        .into_iter()
        .map(|f| {
            let subject = f.field.as_deref().map(|field| stable_subject(plan, field));
            match (subject, f.subject.is_some()) {
                (Some(subject), false) => f.about(id, subject),
                _ => f.in_plan(id),
            }
        })
        .collect()
}

/// A field path with list positions replaced by the items' ids
/// (`targets[3].value` → `targets[lit-2020].value`), so a finding keeps its
/// subject when items are inserted before it (the ratchet matches on it).
fn stable_subject(plan: &Plan, field: &str) -> String {
    let lists: [(&str, Vec<&str>); 5] = [
        (
            "targets",
            plan.targets.iter().map(|t| t.id.as_str()).collect(),
        ),
        ("tasks", plan.tasks.iter().map(|t| t.id.as_str()).collect()),
        (
            "agencies",
            plan.agencies.iter().map(|a| a.id.as_str()).collect(),
        ),
        (
            "citations",
            plan.citations.iter().map(|c| c.id.as_str()).collect(),
        ),
        (
            "document.phases",
            plan.document.phases.iter().map(|p| p.id.as_str()).collect(),
        ),
    ];
    for (list, ids) in lists {
        let Some(rest) = field.strip_prefix(list).and_then(|r| r.strip_prefix('[')) else {
            continue;
        };
        let Some((index, tail)) = rest.split_once(']') else {
            continue;
        };
        if let Some(id) = index.parse::<usize>().ok().and_then(|i| ids.get(i)) {
            return format!("{list}[{id}]{tail}");
        }
    }
    field.to_owned()
}

struct Check<'a> {
    plan: &'a Plan,
    source: &'a SourceFile,
    cx: &'a Context<'a>,
    findings: Vec<Finding>,
}

fn root() -> FieldPath {
    FieldPath::root()
}

fn is_valid_id(id: &str) -> bool {
    id.bytes()
        .next()
        .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        && id.bytes().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'-' | b'_' | b'.')
        })
}

impl Check<'_> {
    fn push(&mut self, finding: Finding) {
        self.findings.push(finding);
    }

    fn at(&self, rule: Rule, path: &FieldPath, message: Message) -> Finding {
        Finding::at(rule, self.source, path, Anchor::Value, message)
    }

    /// Where the value at `path` sits, for a message that points back at it.
    fn location(&self, path: &FieldPath) -> Location {
        // Only the location is kept: the rule and the empty text never show.
        let placeholder = Message::verbatim(String::new());
        Finding::at(Rule::Syntax, self.source, path, Anchor::Value, placeholder).location
    }
}

/// A period as a reader writes it: "2020", "2012-2020", "2021-".
pub(crate) fn period_text(period: crate::model::Period) -> String {
    match period.end {
        Some(end) if end == period.start => format!("{end}"),
        Some(end) => format!("{}-{end}", period.start),
        None => format!("{}-", period.start),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subjects_name_items_by_id() {
        let plan: Plan = serde_saphyr::from_str(
            "document: {id: p, title: t, kind: plan, issuer: i, level: province, jurisdiction: j, period: {start: 2020}}\n\
             targets:\n  - {id: lit, indicator: x, unit: percent, population: people, value: {point: 1}, year: 2020}\n",
        )
        .unwrap();
        assert_eq!(
            stable_subject(&plan, "targets[0].value"),
            "targets[lit].value"
        );
        assert_eq!(
            stable_subject(&plan, "targets[7].value"),
            "targets[7].value"
        );
        assert_eq!(stable_subject(&plan, "document.id"), "document.id");
    }

    #[test]
    fn halves_and_days_of_the_year_must_exist() {
        let text = "document: {id: p, title: t, kind: plan, issuer: i, level: province, jurisdiction: j, period: {start: 2020, end: 2020}}\n\
             tasks:\n  \
             - {id: a, title: A, deadline: {wording: w, due: {half: {year: 2020, half: 3}}}}\n  \
             - {id: b, title: B, deadline: {wording: w, due: {yearly: {month: 6, day: 30, also: [{month: 2, day: 30}]}}}}\n  \
             - {id: c, title: C, deadline: {wording: w, due: {yearly: {month: 13}}}}\n  \
             - {id: d, title: D, deadline: {wording: w, due: ongoing}}\n  \
             - {id: e, title: E, deadline: {wording: w, due: {half: {year: 2021, half: 1}}}}\n";
        let loaded = crate::load::load_bytes(
            "p.yaml".into(),
            text.as_bytes().to_vec(),
            crate::source::Format::Yaml,
        );
        let plan = loaded.plan.unwrap();
        let cx = Context {
            catalogue: Catalogue::embedded(),
            plans: crate::compare::chain::known(std::iter::empty()),
        };
        let found: Vec<(Rule, String)> = validate(&plan, &loaded.source, &cx)
            .into_iter()
            .filter(|f| matches!(f.code, Rule::OutOfRange | Rule::YearOutsidePeriod))
            .map(|f| (f.code, f.field.unwrap()))
            .collect();
        assert_eq!(
            found,
            [
                (
                    Rule::OutOfRange,
                    "tasks[0].deadline.due.half.half".to_owned()
                ),
                (Rule::OutOfRange, "tasks[1].deadline.due.yearly".to_owned()),
                (Rule::OutOfRange, "tasks[2].deadline.due.yearly".to_owned()),
                (Rule::YearOutsidePeriod, "tasks[4].deadline.due".to_owned()),
            ]
        );
    }

    #[test]
    fn ids() {
        assert!(is_valid_id("so-gddt"));
        assert!(is_valid_id("literacy.rate.age_15_60"));
        assert!(!is_valid_id("Sở-GD"));
        assert!(!is_valid_id("-x"));
        assert!(!is_valid_id(""));
    }
}
