//! Holding a plan to the plans above it: its parent and the schemes it
//! implements. Targets are paired by indicator, level, year and condition (or
//! by an explicit `restates` link, never by wording); duties by function and
//! the registry's mapping of national bodies to local ones. Where the record
//! cannot support a verdict, the row says so instead of passing or failing.

pub(crate) mod chain;
mod deadlines;
mod duties;
pub(crate) mod evidence;
mod targets;

use serde::Serialize;

pub(crate) use chain::{Chain, resolve};
pub(crate) use duties::{DutyRow, DutyStatus, function_label};
pub(crate) use targets::{TargetRow, TargetStatus, level_name};

use crate::finding::Finding;
use crate::model::Plan;
use crate::registry::Registry;
use crate::source::SourceFile;

/// The comparison of one plan with one plan above it.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct Comparison {
    /// Document id of the plan compared.
    pub plan: String,
    /// Document id of the plan compared against.
    pub against: String,
    /// Its number as cited ("1373/QĐ-TTg"), when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub against_number: Option<String>,
    /// Its title as issued.
    pub against_title: String,
    /// Why it is compared against: its parent, or a scheme it implements.
    pub relation: Relation,
    pub targets: Vec<TargetRow>,
    pub duties: Vec<DutyRow>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    Parent,
    Implements,
    /// Named with `--against`.
    Chosen,
}

/// Everything `diff` reports about a plan.
#[derive(Debug, Serialize)]
pub struct Diff {
    pub plan: String,
    pub comparisons: Vec<Comparison>,
    pub findings: Vec<Finding>,
}

/// Compares `plan` with every plan of its chain.
pub(crate) fn diff(
    plan: &Plan,
    source: &SourceFile,
    chain: &Chain<'_>,
    registry: &Registry,
) -> Diff {
    let mut findings = chain.findings.clone();
    let mut comparisons = Vec::new();
    for reference in &chain.references {
        let upper = reference.plan;
        if let Some(finding) = chain::periods_apart(plan, source, upper) {
            findings.push(finding);
            comparisons.push(Comparison {
                plan: plan.document.id.clone(),
                against: upper.document.id.clone(),
                against_number: upper.document.number.as_ref().map(ToString::to_string),
                against_title: upper.document.title.to_string(),
                relation: reference.relation,
                targets: Vec::new(),
                duties: Vec::new(),
            });
            continue;
        }
        let local = targets::Local {
            plan,
            source,
            link: chain::link_path(plan, &upper.document.id),
        };
        let (target_rows, target_findings) = targets::compare(&local, upper, reference.source);
        let (duty_rows, duty_findings) = duties::compare(&local, upper, reference.source, registry);
        findings.extend(target_findings);
        findings.extend(duty_findings);
        findings.extend(deadlines::compare(plan, source, upper));
        if upper.targets.is_empty() && upper.tasks.is_empty() {
            findings.push(chain::nothing_to_compare(plan, source, upper));
        }
        comparisons.push(Comparison {
            plan: plan.document.id.clone(),
            against: upper.document.id.clone(),
            against_number: upper.document.number.as_ref().map(ToString::to_string),
            against_title: upper.document.title.to_string(),
            relation: reference.relation,
            targets: target_rows,
            duties: duty_rows,
        });
    }
    let id = &plan.document.id;
    let mut findings: Vec<Finding> = findings.into_iter().map(|f| f.in_plan(id)).collect();
    crate::finding::sort(&mut findings);
    Diff {
        plan: plan.document.id.clone(),
        comparisons,
        findings,
    }
}

impl Comparison {
    /// How a reader cites the plan compared against: its number, else its title.
    pub fn against_label(&self) -> &str {
        self.against_number
            .as_deref()
            .unwrap_or(&self.against_title)
    }
}
