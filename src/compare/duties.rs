//! Duty by duty: every function the scheme hands out needs a local owner,
//! and where the scheme names a national body, the owner should be that
//! body's local counterpart (Bộ GD&ĐT → Sở GD&ĐT → Phòng GD&ĐT).

use serde::Serialize;

use crate::finding::{Anchor, Finding, Rule, Severity};
use crate::model::{Agency, Function, Plan, Task, Verification};
use crate::registry::{Body, Registry};
use crate::roles::body_of;
use crate::source::{FieldPath, SourceFile};
use crate::tr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DutyStatus {
    /// A local task carries the duty, led by the mapped body (or any body, when the scheme names none).
    Owned,
    /// Local tasks carry the duty, but none is led by the mapped body.
    Elsewhere,
    /// No local task carries the duty.
    Gap,
    /// Local tasks carry the duty; the registry cannot tell whether the body
    /// leading them is the national lead's counterpart at this level.
    Unmapped,
}

/// One function the scheme hands out, and who carries it locally.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct DutyRow {
    pub function: Function,
    /// Ids of the scheme's tasks with this function.
    pub duties: Vec<String>,
    /// The national leads, as the scheme names them.
    pub national_leads: Vec<String>,
    /// The local bodies that should carry it, from the registry.
    pub expected_owners: Vec<String>,
    /// The plan's tasks that carry it, and their leads.
    pub local_tasks: Vec<String>,
    pub local_leads: Vec<String>,
    pub status: DutyStatus,
    /// The best verification among the scheme's tasks with this function.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verification: Option<Verification>,
}

pub(super) fn compare(
    local: &Plan,
    source: &SourceFile,
    upper: &Plan,
    upper_source: &SourceFile,
    registry: &Registry,
) -> (Vec<DutyRow>, Vec<Finding>) {
    let mut functions: Vec<Function> = upper
        .tasks
        .iter()
        .filter_map(|t| t.function)
        .filter(|f| *f != Function::Other)
        .collect();
    functions.sort();
    functions.dedup();
    let mut rows = Vec::new();
    let mut findings = Vec::new();
    for function in functions {
        let duties: Vec<(usize, &Task)> = upper
            .tasks
            .iter()
            .enumerate()
            .filter(|(_, t)| t.function == Some(function))
            .collect();
        let national: Vec<&Agency> = unique(
            duties
                .iter()
                .flat_map(|(_, t)| t.leads.iter().filter_map(|id| agency(upper, id))),
        );
        let expected: Vec<&Body> = national
            .iter()
            .filter_map(|a| body_of(registry, a))
            .flat_map(|b| {
                if b.level == local.document.level {
                    vec![b]
                } else {
                    registry.counterparts(&b.id, local.document.level)
                }
            })
            .collect();
        let carrying: Vec<(usize, &Task)> = local
            .tasks
            .iter()
            .enumerate()
            .filter(|(_, t)| {
                t.function == Some(function)
                    || t.carries_out.iter().any(|r| {
                        r.plan == upper.document.id && duties.iter().any(|(_, d)| d.id == r.item)
                    })
            })
            .collect();
        let local_leads: Vec<&Agency> = unique(
            carrying
                .iter()
                .flat_map(|(_, t)| t.leads.iter().filter_map(|id| agency(local, id))),
        );
        let owner = carrying.iter().find(|(_, t)| {
            t.leads.iter().filter_map(|id| agency(local, id)).any(|a| {
                body_of(registry, a).is_some_and(|b| expected.iter().any(|e| e.id == b.id))
            })
        });
        let status = match (carrying.first(), owner) {
            (None, _) => DutyStatus::Gap,
            (Some(_), Some(_)) => DutyStatus::Owned,
            // The scheme names no lead: any local owner carries it.
            (Some(_), None) if national.is_empty() => DutyStatus::Owned,
            // It names one the registry cannot map to this level: say so
            // rather than guess who should own it.
            (Some(_), None) if expected.is_empty() => DutyStatus::Unmapped,
            (Some(_), None) => DutyStatus::Elsewhere,
        };
        let mut expected_names: Vec<String> = expected.iter().map(|b| b.name.to_string()).collect();
        expected_names.sort();
        expected_names.dedup();
        let national_names: Vec<String> = national.iter().map(|a| a.name.to_string()).collect();
        let local_names: Vec<String> = local_leads.iter().map(|a| a.name.to_string()).collect();
        let verification = duties
            .iter()
            .filter_map(|(_, t)| t.verification)
            .min_by_key(|v| trust_rank(*v));
        let label = function_label(function);
        match status {
            DutyStatus::Gap => {
                let (index, first) = duties[0];
                findings.push(
                    duty_finding(
                        Rule::ResponsibilityGap,
                        upper_source,
                        &FieldPath::root().key("tasks").index(index).key("function"),
                        tr!(
                            "{} hands out {label} ({}); no task of `{}` carries it",
                            "{} giao nhiệm vụ {label} ({}); không có nhiệm vụ nào của `{}` đảm nhận",
                            upper.document.id,
                            ids(&duties),
                            local.document.id
                        ),
                        verification,
                        &expected_names,
                    )
                    .about(&local.document.id, label.clone())
                    .figures(Some(expected_names.join("; ")), None)
                    .rests_on(&upper.document.id, &first.id, verification),
                );
            }
            DutyStatus::Elsewhere => {
                let (index, _) = carrying[0];
                findings.push(
                    duty_finding(
                        Rule::ResponsibilityElsewhere,
                        source,
                        &FieldPath::root().key("tasks").index(index).key("leads"),
                        if local_names.is_empty() {
                            tr!(
                                "{} gives {label} to {}; in `{}` it is led by nobody",
                                "{} giao {label} cho {}; trong `{}`, nhiệm vụ này không có cơ quan chủ trì",
                                upper.document.id,
                                national_names.join(", "),
                                local.document.id
                            )
                        } else {
                            tr!(
                                "{} gives {label} to {}; in `{}` it is led by {}",
                                "{} giao {label} cho {}; trong `{}`, cơ quan chủ trì là {}",
                                upper.document.id,
                                national_names.join(", "),
                                local.document.id,
                                local_names.join("; ")
                            )
                        },
                        verification,
                        &expected_names,
                    )
                    .about(&local.document.id, label.clone())
                    .figures(
                        Some(expected_names.join("; ")),
                        Some(local_names.join("; ")),
                    )
                    .rests_on(
                        &upper.document.id,
                        &duties[0].1.id,
                        verification,
                    ),
                );
            }
            DutyStatus::Owned | DutyStatus::Unmapped => {}
        }
        rows.push(DutyRow {
            function,
            duties: duties.iter().map(|(_, t)| t.id.clone()).collect(),
            national_leads: national_names,
            expected_owners: expected_names,
            local_tasks: carrying.iter().map(|(_, t)| t.id.clone()).collect(),
            local_leads: local_names,
            status,
            verification,
        });
    }
    (rows, findings)
}

fn ids(tasks: &[(usize, &Task)]) -> String {
    tasks
        .iter()
        .map(|(_, t)| format!("`{}`", t.id))
        .collect::<Vec<_>>()
        .join(", ")
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

fn trust_rank(v: Verification) -> u8 {
    match v {
        Verification::Verified | Verification::VerifiedDerived => 0,
        Verification::VerifiedEn | Verification::VerifiedLocal | Verification::SingleSource => 1,
        Verification::Disputed => 2,
        Verification::Unverified | Verification::NotFound => 3,
    }
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
