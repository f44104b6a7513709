//! Duty by duty: each task the scheme hands out is matched to the local
//! tasks that carry it out (an explicit `carries_out` link, else the same
//! function), and the body leading them is checked against the registry's
//! counterpart of that duty's own national lead (Bộ GD&ĐT → Sở GD&ĐT →
//! Phòng GD&ĐT). A duty set after the plan was issued, or one the plan
//! itself fulfils (issuing the implementing plan), is said as such.

use serde::Serialize;

use super::evidence;
use super::targets::Local;
use crate::date::CivilDate;
use crate::finding::{Anchor, Finding, Rule};
use crate::i18n::Message;
use crate::model::{Agency, AgencyKind, Function, Plan, Task, Verification};
use crate::msg;
use crate::registry::{Body, Registry};
use crate::roles::body_of;
use crate::source::{FieldPath, SourceFile};

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
    pub local_leads: Vec<Message>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matched_by: Option<Matched>,
    pub status: DutyStatus,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verification: Option<Verification>,
    /// When the duty was set, if later than the scheme.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub in_force_from: Option<CivilDate>,
}

/// The plan above and its file, where duty findings point back to the duty.
struct Above<'a> {
    plan: &'a Plan,
    source: &'a SourceFile,
}

/// One duty of the plan above, read against the plan: the bodies that
/// should carry it locally, and the tasks and bodies that do.
struct Duty<'a> {
    /// Its place among the tasks of the plan above.
    index: usize,
    task: &'a Task,
    function: Function,
    /// The national leads, as the scheme names them.
    national: Vec<&'a Agency>,
    /// Their counterparts at the plan's level, from the registry.
    expected: Vec<&'a Body>,
    /// The plan's tasks that carry it, with their places.
    carrying: Vec<(usize, &'a Task)>,
    matched_by: Option<Matched>,
    /// The bodies leading those tasks.
    local_leads: Vec<&'a Agency>,
    /// The steering committee that issues the plan, when it carries the
    /// duty by doing so.
    by_issuer: Option<&'a Agency>,
}

pub(super) fn compare(
    local: &Local<'_>,
    upper: &Plan,
    upper_source: &SourceFile,
    registry: &Registry,
) -> (Vec<DutyRow>, Vec<Finding>) {
    let issue_day = issue_date(local.plan);
    let issuer = crate::roles::issuer(local.plan).agency;
    let above = Above {
        plan: upper,
        source: upper_source,
    };
    let mut rows = Vec::new();
    let mut findings = Vec::new();
    for index in 0..upper.tasks.len() {
        let duty = Duty::read(local.plan, upper, index, registry, issuer);
        let status = duty.status(registry, issue_day);
        findings.extend(duty.finding(status, local, &above));
        rows.push(duty.row(status));
    }
    (rows, findings)
}

impl<'a> Duty<'a> {
    fn read(
        plan: &'a Plan,
        upper: &'a Plan,
        index: usize,
        registry: &'a Registry,
        issuer: Option<&'a Agency>,
    ) -> Self {
        let task = &upper.tasks[index];
        let function = task.function.unwrap_or(Function::Other);
        let national = unique(task.leads.iter().filter_map(|id| agency(upper, id)));
        let expected = expected_owners(&national, plan, registry);
        let (carrying, matched_by) = carriers(plan, &upper.document.id, task, function);
        let local_leads = unique(
            carrying
                .iter()
                .flat_map(|(_, t)| t.leads.iter().filter_map(|id| agency(plan, id))),
        );
        // A steering committee that issues the plan exists and steers by
        // doing so (Cát Hải's plan is its committee's own): it carries the
        // steering duties, setting up the committee included. No other duty
        // is carried by merely issuing a plan.
        let by_issuer = issuer.filter(|a| {
            a.kind == AgencyKind::SteeringCommittee && function == Function::SteeringAndCoordination
        });
        Self {
            index,
            task,
            function,
            national,
            expected,
            carrying,
            matched_by,
            local_leads,
            by_issuer,
        }
    }

    /// Where the duty stands: first whether the plan is held to it at all,
    /// then whether anyone carries it, then whether the right body leads.
    fn status(&self, registry: &Registry, issue_day: Option<CivilDate>) -> DutyStatus {
        let set_later = self
            .task
            .in_force_from
            .zip(issue_day)
            .is_some_and(|(from, issue_day)| from > issue_day);
        let carried = !self.carrying.is_empty() || self.by_issuer.is_some();
        if set_later {
            DutyStatus::NotInForce
        } else if self.function == Function::Planning {
            DutyStatus::ThisPlan
        } else if self.carrying.is_empty() && self.function == Function::Other {
            DutyStatus::NotChecked
        } else if self.carrying.is_empty() && !self.national.is_empty() && self.expected.is_empty()
        {
            DutyStatus::NoCounterpart
        } else if !carried {
            DutyStatus::Gap
        } else if self.local_leads.is_empty() && self.by_issuer.is_none() {
            DutyStatus::NoLead
        } else if self.led_by_expected(registry) || self.national.is_empty() {
            DutyStatus::Owned
        } else if self.expected.is_empty() {
            // A national lead the registry cannot map to this level: say so
            // rather than guess who should own it.
            DutyStatus::Unmapped
        } else {
            DutyStatus::Elsewhere
        }
    }

    fn led_by_expected(&self, registry: &Registry) -> bool {
        let is_expected = |a: &Agency| {
            body_of(registry, a).is_some_and(|b| self.expected.iter().any(|e| e.id == b.id))
        };
        self.local_leads.iter().any(|a| is_expected(a)) || self.by_issuer.is_some()
    }

    /// The registry's local counterparts of the national leads, by name.
    fn expected_names(&self) -> Vec<String> {
        let mut names: Vec<String> = self.expected.iter().map(|b| b.name.to_string()).collect();
        names.sort();
        names.dedup();
        names
    }

    fn national_names(&self) -> Vec<String> {
        self.national.iter().map(|a| a.name.to_string()).collect()
    }

    fn local_names(&self) -> Vec<String> {
        self.local_leads
            .iter()
            .map(|a| a.name.to_string())
            .collect()
    }

    /// Only a duty carried by no one, or by another body than the one that
    /// should, is a finding; a duty the issuer carries is owned, so a
    /// finding never names the issuer.
    fn finding(&self, status: DutyStatus, local: &Local<'_>, above: &Above<'_>) -> Option<Finding> {
        match status {
            DutyStatus::Gap => Some(self.gap(local, above)),
            DutyStatus::Elsewhere | DutyStatus::NoLead => {
                Some(self.led_elsewhere(status, local, above))
            }
            DutyStatus::Owned
            | DutyStatus::Unmapped
            | DutyStatus::ThisPlan
            | DutyStatus::NotInForce
            | DutyStatus::NotChecked
            | DutyStatus::NoCounterpart => None,
        }
    }

    fn gap(&self, local: &Local<'_>, above: &Above<'_>) -> Finding {
        let (upper, plan) = (&above.plan.document.id, &local.plan.document.id);
        let message = msg!(
            "compare.duties.gap",
            upper,
            duty = &self.task.id,
            title = &self.task.title,
            plan
        );
        self.duty_finding(Rule::ResponsibilityGap, local, &local.link, message, above)
            .figures(
                Some(Message::verbatim(self.expected_names().join("; "))),
                None,
            )
            .hint(msg!("compare.duties.gap-hint", upper, duty = &self.task.id))
    }

    fn led_elsewhere(&self, status: DutyStatus, local: &Local<'_>, above: &Above<'_>) -> Finding {
        let (upper, plan) = (&above.plan.document.id, &local.plan.document.id);
        let (duty, title) = (&self.task.id, &self.task.title);
        let local_names = self.local_names().join("; ");
        let message = if status == DutyStatus::NoLead {
            msg!(
                "compare.duties.no-lead",
                upper,
                duty,
                title,
                national = or_nobody(&self.national_names()),
                plan
            )
        } else {
            msg!(
                "compare.duties.elsewhere",
                upper,
                duty,
                title,
                national = self.national_names().join(", "),
                plan,
                local = &local_names
            )
        };
        let (task_index, _) = self.carrying[0];
        let path = FieldPath::root()
            .key("tasks")
            .index(task_index)
            .key("leads");
        let finding = self
            .duty_finding(Rule::ResponsibilityElsewhere, local, &path, message, above)
            .figures(
                Some(Message::verbatim(self.expected_names().join("; "))),
                Some(Message::verbatim(local_names)),
            );
        if self.matched_by == Some(Matched::Function) {
            let function = function_label(self.function);
            finding.note(msg!("compare.duties.by-function", function))
        } else {
            finding
        }
    }

    /// A finding on this duty at `path` of the plan, pointing back at the
    /// duty above; as severe as the duty is sure.
    fn duty_finding(
        &self,
        rule: Rule,
        local: &Local<'_>,
        path: &FieldPath,
        message: Message,
        above: &Above<'_>,
    ) -> Finding {
        let upper = &above.plan.document.id;
        let expected = self.expected_names();
        let duty_path = FieldPath::root().key("tasks").index(self.index).key("id");
        let mut finding = Finding::at(rule, local.source, path, Anchor::Value, message);
        if !expected.is_empty() {
            finding = finding.note(msg!("compare.duties.mapped-to", expected));
        }
        if let Some((severity, why)) = evidence::duty_severity(self.task.verification) {
            finding = finding.severity(severity).note(why);
        }
        finding
            .about(&local.plan.document.id, self.task.id.clone())
            .rests_on(upper, &self.task.id, self.task.verification)
            .related(
                above.source,
                &duty_path,
                msg!("compare.duties.the-duty", upper),
            )
    }

    fn row(&self, status: DutyStatus) -> DutyRow {
        // A duty the plan is not held to, or fulfils by existing, has no
        // local tasks to show.
        let judged = !matches!(status, DutyStatus::NotInForce | DutyStatus::ThisPlan);
        DutyRow {
            duty: self.task.id.clone(),
            title: self.task.title.to_string(),
            function: self.function,
            national_leads: self.national_names(),
            expected_owners: self.expected_names(),
            local_tasks: if judged {
                self.carrying.iter().map(|(_, t)| t.id.clone()).collect()
            } else {
                Vec::new()
            },
            local_leads: if judged {
                self.local_lead_entries()
            } else {
                Vec::new()
            },
            matched_by: self.matched_by.filter(|_| judged),
            status,
            verification: self.task.verification,
            in_force_from: self.task.in_force_from,
        }
    }

    /// The bodies leading the duty locally, the issuer last when it carries
    /// the duty by issuing the plan.
    fn local_lead_entries(&self) -> Vec<Message> {
        let mut entries: Vec<Message> = self
            .local_names()
            .into_iter()
            .map(Message::verbatim)
            .collect();
        if let Some(issuer) = self
            .by_issuer
            .filter(|a| !self.local_leads.iter().any(|l| l.id == a.id))
        {
            entries.push(msg!("compare.duties.issuer-of-plan", issuer = &issuer.name));
        }
        entries
    }
}

/// The plan's tasks that carry a duty: those that name it in `carries_out`,
/// else, for lack of a link, those of the same function.
fn carriers<'p>(
    plan: &'p Plan,
    upper: &str,
    duty: &Task,
    function: Function,
) -> (Vec<(usize, &'p Task)>, Option<Matched>) {
    let tasks = || plan.tasks.iter().enumerate();
    let linked: Vec<(usize, &Task)> = tasks()
        .filter(|(_, t)| {
            t.carries_out
                .iter()
                .any(|r| r.plan == upper && r.item == duty.id)
        })
        .collect();
    if !linked.is_empty() {
        return (linked, Some(Matched::Link));
    }
    if function == Function::Other {
        return (Vec::new(), None);
    }
    let same_function: Vec<(usize, &Task)> = tasks()
        .filter(|(_, t)| t.function == Some(function))
        .collect();
    let matched = (!same_function.is_empty()).then_some(Matched::Function);
    (same_function, matched)
}

/// The day the plan was issued: its date, or the first day of its period.
fn issue_date(plan: &Plan) -> Option<CivilDate> {
    plan.document
        .date
        .or_else(|| CivilDate::new(i16::try_from(plan.document.period.start).ok()?, 1, 1))
}

fn or_nobody(names: &[String]) -> Message {
    if names.is_empty() {
        msg!("compare.duties.no-named-body")
    } else {
        Message::verbatim(names.join(", "))
    }
}

/// The local bodies that answer for the national leads at the plan's
/// level, when the plan takes effect: a body merged away by then answers
/// through its successor.
fn expected_owners<'r>(national: &[&Agency], plan: &Plan, registry: &'r Registry) -> Vec<&'r Body> {
    let day = plan
        .document
        .date
        .or_else(|| CivilDate::from_numbers(plan.document.period.start, 1, 1));
    let mut owners: Vec<&Body> = national
        .iter()
        .filter_map(|a| body_of(registry, a))
        .flat_map(|b| {
            if b.level == plan.document.level {
                vec![b]
            } else {
                registry.counterparts(&b.id, plan.document.level)
            }
        })
        .map(|b| day.map_or(b, |day| registry.in_office_on(b, day)))
        .collect();
    owners.dedup_by(|a, b| a.id == b.id);
    owners
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
/// A function's name, in the run's language when rendered.
pub(crate) fn function_label(function: Function) -> Message {
    let id = match function {
        Function::StandingBody => "function.standing-body",
        Function::SteeringAndCoordination => "function.steering-and-coordination",
        Function::Literacy => "function.literacy",
        Function::UniversalEducation => "function.universal-education",
        Function::ContinuingEducation => "function.continuing-education",
        Function::CommunityLearningCentres => "function.community-learning-centres",
        Function::VocationalTraining => "function.vocational-training",
        Function::CivilServantTraining => "function.civil-servant-training",
        Function::LibrariesMuseums => "function.libraries-museums",
        Function::Communication => "function.communication",
        Function::LearningModels => "function.learning-models",
        Function::WorkersLearning => "function.workers-learning",
        Function::DigitalLearning => "function.digital-learning",
        Function::Funding => "function.funding",
        Function::Planning => "function.planning",
        Function::InspectionAndReview => "function.inspection-and-review",
        Function::Reporting => "function.reporting",
        Function::EmulationAndAwards => "function.emulation-and-awards",
        Function::InternationalCooperation => "function.international-cooperation",
        Function::Other => "function.other",
    };
    Message::new(id, Vec::new())
}

fn agency<'p>(plan: &'p Plan, id: &str) -> Option<&'p Agency> {
    plan.agencies.iter().find(|a| a.id == id)
}
