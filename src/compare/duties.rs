//! Duty by duty: each task the scheme hands out is matched to the local
//! tasks that carry it out (an explicit `carries_out` link, else the same
//! function), and the body leading them is checked against the registry's
//! counterpart of that duty's own national lead (Bộ GD&ĐT → Sở GD&ĐT →
//! Phòng GD&ĐT). A duty set after the plan was issued, or one the plan
//! itself fulfils (issuing the implementing plan), is said as such.

use serde::Serialize;

use super::targets::Local;
use crate::date::CivilDate;
use crate::finding::{Anchor, Finding, Rule, Severity};
use crate::model::{Agency, AgencyKind, Function, Plan, Task, Verification};
use crate::registry::{Body, Registry};
use crate::roles::body_of;
use crate::source::{FieldPath, SourceFile};
use crate::tr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DutyStatus {
    /// A local task carries the duty, led by the mapped body (or by a named
    /// body, when the scheme names none).
    Owned,
    /// Local tasks carry the duty, but none is led by the mapped body.
    Elsewhere,
    /// Local tasks carry the duty, but none names a body that leads it.
    NoLead,
    /// No local task carries the duty.
    Gap,
    /// Local tasks carry the duty; the registry cannot tell whether the body
    /// leading them is the national lead's counterpart at this level.
    Unmapped,
    /// The duty is to issue an implementing plan: the plan checked is that plan.
    ThisPlan,
    /// The duty was set after the plan was issued.
    NotInForce,
    /// The duty has no function xhht can match by, and no local task names it.
    NotChecked,
    /// No local task carries it, and none of its national leads has a
    /// counterpart at the plan's level (a ministry's duty in a commune plan).
    NoCounterpart,
}

/// How the local tasks of a row were found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Matched {
    /// Local tasks name the duty in `carries_out`.
    Link,
    /// Local tasks of the same function, for lack of a link.
    Function,
}

/// One duty of the plan above, and who carries it locally.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct DutyRow {
    /// Id of the scheme's task.
    pub duty: String,
    pub title: String,
    pub function: Function,
    /// The national leads, as the scheme names them.
    pub national_leads: Vec<String>,
    /// The local bodies that should lead it, from the registry.
    pub expected_owners: Vec<String>,
    /// The plan's tasks that carry it.
    pub local_tasks: Vec<String>,
    /// The bodies leading those tasks.
    pub local_leads: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matched_by: Option<Matched>,
    pub status: DutyStatus,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verification: Option<Verification>,
    /// When the duty was set, if later than the scheme.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub in_force_from: Option<CivilDate>,
}

pub(super) fn compare(
    local: &Local<'_>,
    upper: &Plan,
    upper_source: &SourceFile,
    registry: &Registry,
) -> (Vec<DutyRow>, Vec<Finding>) {
    let plan = local.plan;
    let issued = issue_date(plan);
    let issuer = crate::roles::issuer(plan).agency;
    let mut rows = Vec::new();
    let mut findings = Vec::new();
    for (index, duty) in upper.tasks.iter().enumerate() {
        let function = duty.function.unwrap_or(Function::Other);
        let national = unique(duty.leads.iter().filter_map(|id| agency(upper, id)));
        let expected = expected_owners(&national, plan, registry);
        let linked: Vec<(usize, &Task)> = plan
            .tasks
            .iter()
            .enumerate()
            .filter(|(_, t)| {
                t.carries_out
                    .iter()
                    .any(|r| r.plan == upper.document.id && r.item == duty.id)
            })
            .collect();
        let (carrying, matched_by) = if !linked.is_empty() {
            (linked, Some(Matched::Link))
        } else if function == Function::Other {
            (Vec::new(), None)
        } else {
            let same_function: Vec<(usize, &Task)> = plan
                .tasks
                .iter()
                .enumerate()
                .filter(|(_, t)| t.function == Some(function))
                .collect();
            let matched = (!same_function.is_empty()).then_some(Matched::Function);
            (same_function, matched)
        };
        let local_leads = unique(
            carrying
                .iter()
                .flat_map(|(_, t)| t.leads.iter().filter_map(|id| agency(plan, id))),
        );
        let is_expected = |a: &Agency| {
            body_of(registry, a).is_some_and(|b| expected.iter().any(|e| e.id == b.id))
        };
        // A steering committee that issues the plan exists and steers by
        // doing so (Cát Hải's plan is its committee's own): it carries the
        // steering duties, setting up the committee included. No other duty
        // is carried by merely issuing a plan.
        let by_issuer = issuer.filter(|a| {
            a.kind == AgencyKind::SteeringCommittee && function == Function::SteeringAndCoordination
        });
        let led_by_expected = local_leads.iter().any(|a| is_expected(a)) || by_issuer.is_some();
        let status = if duty
            .in_force_from
            .zip(issued)
            .is_some_and(|(from, issued)| from > issued)
        {
            DutyStatus::NotInForce
        } else if function == Function::Planning {
            DutyStatus::ThisPlan
        } else if carrying.is_empty() && function == Function::Other {
            DutyStatus::NotChecked
        } else if carrying.is_empty() && !national.is_empty() && expected.is_empty() {
            DutyStatus::NoCounterpart
        } else if carrying.is_empty() && by_issuer.is_none() {
            DutyStatus::Gap
        } else if local_leads.is_empty() && by_issuer.is_none() {
            DutyStatus::NoLead
        } else if led_by_expected || national.is_empty() {
            DutyStatus::Owned
        } else if expected.is_empty() {
            // A national lead the registry cannot map to this level: say so
            // rather than guess who should own it.
            DutyStatus::Unmapped
        } else {
            DutyStatus::Elsewhere
        };
        let mut expected_names: Vec<String> = expected.iter().map(|b| b.name.to_string()).collect();
        expected_names.sort();
        expected_names.dedup();
        let national_names: Vec<String> = national.iter().map(|a| a.name.to_string()).collect();
        let mut local_names: Vec<String> = local_leads.iter().map(|a| a.name.to_string()).collect();
        if let Some(issuer) = by_issuer.filter(|a| !local_leads.iter().any(|l| l.id == a.id)) {
            local_names.push(tr!(
                "{} (issuer of the plan)",
                "{} (cơ quan ban hành kế hoạch)",
                issuer.name
            ));
        }
        let duty_path = FieldPath::root().key("tasks").index(index).key("id");
        match status {
            DutyStatus::Gap => findings.push(
                duty_finding(
                    Rule::ResponsibilityGap,
                    local.source,
                    &local.link,
                    tr!(
                        "{} hands out `{}` ({}); no task of `{}` carries it",
                        "{} giao nhiệm vụ `{}` ({}); không có nhiệm vụ nào của `{}` đảm nhận",
                        upper.document.id,
                        duty.id,
                        duty.title,
                        plan.document.id
                    ),
                    duty.verification,
                    &expected_names,
                )
                .about(&plan.document.id, duty.id.clone())
                .figures(Some(expected_names.join("; ").into()), None)
                .rests_on(&upper.document.id, &duty.id, duty.verification)
                .related(
                    upper_source,
                    &duty_path,
                    tr!("the duty in {}", "nhiệm vụ trong {}", upper.document.id),
                )
                .hint(tr!(
                    "add a task that carries it out (`carries_out: [{{plan: {}, item: {}}}]`) and name the body that leads it",
                    "bổ sung nhiệm vụ thực hiện nội dung này (`carries_out: [{{plan: {}, item: {}}}]`) và nêu cơ quan chủ trì",
                    upper.document.id,
                    duty.id
                )),
            ),
            DutyStatus::Elsewhere | DutyStatus::NoLead => {
                let (task_index, _) = carrying[0];
                let message = if status == DutyStatus::NoLead {
                    tr!(
                        "{} gives `{}` ({}) to {}; in `{}` the tasks that carry it name no body to lead them",
                        "{} giao `{}` ({}) cho {}; trong `{}`, các nhiệm vụ thực hiện nội dung này không nêu cơ quan chủ trì",
                        upper.document.id,
                        duty.id,
                        duty.title,
                        or_nobody(&national_names),
                        plan.document.id
                    )
                } else {
                    tr!(
                        "{} gives `{}` ({}) to {}; in `{}` it is led by {}",
                        "{} giao `{}` ({}) cho {}; trong `{}`, cơ quan chủ trì là {}",
                        upper.document.id,
                        duty.id,
                        duty.title,
                        national_names.join(", "),
                        plan.document.id,
                        local_names.join("; ")
                    )
                };
                let mut finding = duty_finding(
                    Rule::ResponsibilityElsewhere,
                    local.source,
                    &FieldPath::root().key("tasks").index(task_index).key("leads"),
                    message,
                    duty.verification,
                    &expected_names,
                )
                .about(&plan.document.id, duty.id.clone())
                .figures(
                    Some(expected_names.join("; ").into()),
                    Some(local_names.join("; ").into()),
                )
                .rests_on(&upper.document.id, &duty.id, duty.verification)
                .related(
                    upper_source,
                    &duty_path,
                    tr!("the duty in {}", "nhiệm vụ trong {}", upper.document.id),
                );
                if matched_by == Some(Matched::Function) {
                    finding = finding.note(tr!(
                        "matched by function ({}): link the task that carries it out with `carries_out` to check that task alone",
                        "đối chiếu theo chức năng ({}): liên kết nhiệm vụ thực hiện bằng `carries_out` để chỉ kiểm tra nhiệm vụ đó",
                        function_label(function)
                    ));
                }
                findings.push(finding);
            }
            DutyStatus::Owned
            | DutyStatus::Unmapped
            | DutyStatus::ThisPlan
            | DutyStatus::NotInForce
            | DutyStatus::NotChecked
            | DutyStatus::NoCounterpart => {}
        }
        // A duty the plan is not held to, or fulfils by existing, has no
        // local tasks to show.
        let judged = !matches!(status, DutyStatus::NotInForce | DutyStatus::ThisPlan);
        rows.push(DutyRow {
            duty: duty.id.clone(),
            title: duty.title.to_string(),
            function,
            national_leads: national_names,
            expected_owners: expected_names,
            local_tasks: if judged {
                carrying.iter().map(|(_, t)| t.id.clone()).collect()
            } else {
                Vec::new()
            },
            local_leads: if judged { local_names } else { Vec::new() },
            matched_by: matched_by.filter(|_| judged),
            status,
            verification: duty.verification,
            in_force_from: duty.in_force_from,
        });
    }
    (rows, findings)
}

/// The day the plan was issued: its date, or the first day of its period.
fn issue_date(plan: &Plan) -> Option<CivilDate> {
    plan.document
        .date
        .or_else(|| CivilDate::new(i16::try_from(plan.document.period.start).ok()?, 1, 1))
}

fn or_nobody(names: &[String]) -> String {
    if names.is_empty() {
        tr!("no named body", "không nêu cơ quan")
    } else {
        names.join(", ")
    }
}

/// The local bodies that answer for the national leads at the plan's level.
fn expected_owners<'r>(national: &[&Agency], plan: &Plan, registry: &'r Registry) -> Vec<&'r Body> {
    national
        .iter()
        .filter_map(|a| body_of(registry, a))
        .flat_map(|b| {
            if b.level == plan.document.level {
                vec![b]
            } else {
                registry.counterparts(&b.id, plan.document.level)
            }
        })
        .collect()
}

fn unique<'p>(agencies: impl Iterator<Item = &'p Agency>) -> Vec<&'p Agency> {
    let mut seen: Vec<&Agency> = Vec::new();
    for a in agencies {
        if !seen.iter().any(|s| s.id == a.id) {
            seen.push(a);
        }
    }
    seen
}

/// The function as the plan format spells it, e.g. `libraries_museums`.
pub fn function_label(function: Function) -> String {
    crate::model::wire_name(&function)
}

fn agency<'p>(plan: &'p Plan, id: &str) -> Option<&'p Agency> {
    plan.agencies.iter().find(|a| a.id == id)
}

/// Duties rest on thinner evidence than targets: the reference found few
/// ministry-by-ministry clauses. A duty no source confirms is reported as info.
fn duty_finding(
    rule: Rule,
    source: &SourceFile,
    path: &FieldPath,
    message: String,
    verification: Option<Verification>,
    expected: &[String],
) -> Finding {
    let mut finding = Finding::at(rule, source, path, Anchor::Value, message);
    if !expected.is_empty() {
        finding = finding.note(tr!(
            "the registry maps the national lead to {}",
            "theo danh mục cơ quan, cơ quan chủ trì trung ương tương ứng với {} ở địa phương",
            expected.join(", ")
        ));
    }
    match verification {
        Some(flag) if flag.is_solid() => finding,
        _ => finding
            .severity(Severity::Info)
            .note(tr!(
                "the national duty is not verified: it rests on follow-up instructions or provincial mirrors",
                "nhiệm vụ ở cấp quốc gia chưa được kiểm chứng: chỉ dựa trên văn bản hướng dẫn thực hiện hoặc kế hoạch của các tỉnh"
            )),
    }
}
