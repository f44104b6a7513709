//! Tasks: who leads them, whether a mass organisation is ordered, whether
//! the roles match the wording, and deadlines that exist.

use super::{AgencyKind, Check, Due, Mode, Plan, period_text, root};
use crate::finding::Rule;
use crate::i18n::Message;
use crate::model::Task;
use crate::msg;
use crate::roles::{Inversion, Issuer};
use crate::source::FieldPath;
use crate::suggest::{closest, did_you_mean};
use crate::text::fold;

impl Check<'_> {
    pub(super) fn tasks(&mut self) {
        let plan = self.plan;
        let spellings = crate::roles::Spellings::of(plan);
        let issuer = crate::roles::issuer(plan);
        let cx = self.cx;
        let schemes: Vec<&Plan> = plan
            .links
            .implements
            .iter()
            .filter_map(|l| Some(cx.plans.get(l.plan.as_str())?.0))
            .collect();
        for (i, task) in plan.tasks.iter().enumerate() {
            let path = root().key("tasks").index(i);
            self.task_agencies(task, &path);
            self.lead_count(task, &path);
            if task.mode == Mode::Assigned {
                self.ordered_mass_organisations(task, &path, &issuer, &schemes);
            }
            if let Some(inversion) = spellings.inversion(task) {
                self.role_inverted(task, &path, &inversion);
            }
            self.carries_out(task, &path);
            if let Some(due) = task.deadline.as_ref().and_then(|d| d.due.as_ref()) {
                self.due(due, &path.key("deadline").key("due"));
            }
        }
    }

    /// Every agency a task leads with or coordinates with is declared.
    fn task_agencies(&mut self, task: &Task, path: &FieldPath) {
        let agency_ids: Vec<&str> = self.plan.agencies.iter().map(|a| a.id.as_str()).collect();
        for (field, ids) in [("leads", &task.leads), ("coordinates", &task.coordinates)] {
            for (j, id) in ids.iter().enumerate() {
                if agency_ids.contains(&id.as_str()) {
                    continue;
                }
                let finding = self.at(
                    Rule::UnknownAgency,
                    &path.key(field).index(j),
                    msg!("validate.tasks.unknown-agency", task = &task.id, id),
                );
                let finding = match (
                    self.agency_named(id),
                    closest(id, agency_ids.iter().copied()),
                ) {
                    (Some(agency), _) => finding.hint(msg!(
                        "validate.tasks.name-not-id",
                        name = id.as_str(),
                        id = agency
                    )),
                    (None, Some(best)) => finding.hint(did_you_mean(best)),
                    (None, None) => finding.hint(msg!("validate.tasks.unknown-agency-hint")),
                };
                self.push(finding);
            }
        }
    }

    /// The id of the declared agency that `name` names (its name or one of
    /// its other spellings, diacritics and case aside): a lead written as
    /// the document writes it rather than by its id.
    fn agency_named(&self, name: &str) -> Option<&str> {
        let wanted = fold(name);
        self.plan
            .agencies
            .iter()
            .find(|a| {
                std::iter::once(&a.name)
                    .chain(&a.aliases)
                    .any(|n| fold(n.as_str()) == wanted)
            })
            .map(|a| a.id.as_str())
    }

    /// A government plan that assigns a task to a mass organisation it can
    /// only request.
    fn ordered_mass_organisations(
        &mut self,
        task: &Task,
        path: &FieldPath,
        issuer: &Issuer<'_>,
        schemes: &[&Plan],
    ) {
        let plan = self.plan;
        for (j, id) in task.leads.iter().enumerate() {
            let ordered = plan.agencies.iter().find(|a| &a.id == id).filter(|a| {
                a.kind == AgencyKind::MassOrganisation
                    && crate::roles::questionable_order(plan, issuer, a, schemes)
            });
            if ordered.is_some() {
                let finding = self
                    .at(
                        Rule::OrderedMassOrganisation,
                        &path.key("leads").index(j),
                        msg!(
                            "validate.tasks.ordered-mass-organisation",
                            task = &task.id,
                            id
                        ),
                    )
                    .hint(msg!("validate.tasks.ordered-mass-organisation-hint"));
                self.push(finding);
            }
        }
    }

    /// Roles listed the other way round from what the quoted wording says.
    fn role_inverted(&mut self, task: &Task, path: &FieldPath, inversion: &Inversion<'_>) {
        let (message, hint) = match inversion {
            Inversion::PartnerLeads(partner) => (
                msg!(
                    "validate.tasks.partner-leads",
                    task = &task.id,
                    partner = &partner.name,
                    id = &partner.id
                ),
                msg!("validate.tasks.partner-leads-hint", id = &partner.id),
            ),
            Inversion::PartnerCoordinates(partner) => (
                msg!(
                    "validate.tasks.partner-coordinates",
                    task = &task.id,
                    partner = &partner.name,
                    id = &partner.id
                ),
                msg!("validate.tasks.partner-coordinates-hint", id = &partner.id),
            ),
        };
        let finding = self
            .at(Rule::RoleInverted, &path.key("leads"), message)
            .hint(hint);
        self.push(finding);
    }

    /// Each task of another plan that a task carries out exists.
    fn carries_out(&mut self, task: &Task, path: &FieldPath) {
        for (j, reference) in task.carries_out.iter().enumerate() {
            let ref_path = path.key("carries_out").index(j);
            match self.known_plan(&reference.plan) {
                None => {
                    let finding = self.unknown_plan(&ref_path.key("plan"), &reference.plan);
                    self.push(finding);
                }
                Some(other) if !other.tasks.iter().any(|t| t.id == reference.item) => {
                    let mut finding = self.at(
                        Rule::UnknownItem,
                        &ref_path.key("item"),
                        msg!(
                            "validate.tasks.no-task",
                            plan = &reference.plan,
                            item = &reference.item
                        ),
                    );
                    if let Some(best) =
                        closest(&reference.item, other.tasks.iter().map(|t| t.id.as_str()))
                    {
                        finding = finding.hint(did_you_mean(best));
                    }
                    self.push(finding);
                }
                Some(_) => {}
            }
        }
    }

    pub(super) fn lead_count(&mut self, task: &Task, path: &FieldPath) {
        let collective = task.leads.iter().any(|id| {
            self.plan
                .agencies
                .iter()
                .find(|a| &a.id == id)
                .is_some_and(|a| a.kind == AgencyKind::Collective)
        });
        let message = match task.leads.len() {
            1 if !collective => return,
            1 => msg!("validate.tasks.collective-lead", task = &task.id),
            0 => msg!("validate.tasks.no-lead", task = &task.id),
            count => msg!("validate.tasks.several-leads", task = &task.id, count),
        };
        let at = if task.leads.is_empty() {
            path.key("id")
        } else {
            path.key("leads")
        };
        let finding = self
            .at(Rule::LeadCount, &at, message)
            .note(msg!("validate.tasks.lead-count-note"));
        self.push(finding);
    }

    /// A deadline names a phase, a day, a month or a cycle that exists, in
    /// a year of the plan's period.
    pub(super) fn due(&mut self, due: &Due, path: &FieldPath) {
        if let Due::Phase(id) = due
            && !self.plan.document.phases.iter().any(|p| &p.id == id)
        {
            let finding = self.at(
                Rule::UnknownItem,
                &path.key("phase"),
                msg!("validate.tasks.no-phase", id),
            );
            self.push(finding);
        }
        if let Some((at, message)) = impossible_due(due, path) {
            let finding = self.at(Rule::OutOfRange, &at, message);
            self.push(finding);
        }
        let period = self.plan.document.period;
        if let Some(year) = due_year(due)
            && self.period_is_sound()
            && !period.contains(year)
        {
            let finding = self.at(
                Rule::YearOutsidePeriod,
                path,
                msg!(
                    "validate.tasks.due-outside",
                    year,
                    period = period_text(period)
                ),
            );
            self.push(finding);
        }
    }
}

/// The year a deadline falls in (the first year of a recurring one), if it
/// names one.
fn due_year(due: &Due) -> Option<u16> {
    match *due {
        Due::Date(date) => u16::try_from(date.year()).ok(),
        Due::Half { year, .. }
        | Due::Month { year, .. }
        | Due::Quarter { year, .. }
        | Due::Year(year)
        | Due::FromYear(year) => Some(year),
        Due::Yearly { from, .. } | Due::EveryMonths { from, .. } => from,
        Due::Ongoing | Due::Phase(_) => None,
    }
}

/// A half, month, quarter, day or cycle no calendar has, with the field
/// that names it.
fn impossible_due(due: &Due, path: &FieldPath) -> Option<(FieldPath, Message)> {
    match *due {
        Due::Half { half, .. } => (!(1..=2).contains(&half)).then(|| {
            (
                path.key("half").key("half"),
                msg!("validate.tasks.no-half", half),
            )
        }),
        Due::Month { month, .. } => (!(1..=12).contains(&month)).then(|| {
            (
                path.key("month").key("month"),
                msg!("validate.tasks.no-month", month),
            )
        }),
        Due::Quarter { quarter, .. } => (!(1..=4).contains(&quarter)).then(|| {
            (
                path.key("quarter").key("quarter"),
                msg!("validate.tasks.no-quarter", quarter),
            )
        }),
        Due::Yearly { .. } => {
            impossible_day_of_year(due).map(|message| (path.key("yearly"), message))
        }
        Due::EveryMonths { months, .. } => (!(1..=12).contains(&months)).then(|| {
            (
                path.key("every_months").key("months"),
                msg!("validate.tasks.not-a-cycle", months),
            )
        }),
        Due::Date(_) | Due::Year(_) | Due::FromYear(_) | Due::Phase(_) | Due::Ongoing => None,
    }
}

/// The first day (or month) of a yearly obligation that no year has; a
/// leap year, so that 29 February passes.
fn impossible_day_of_year(due: &Due) -> Option<Message> {
    due.days_of_year().into_iter().find_map(|d| {
        let (month, day) = (d.month, d.day.unwrap_or(1));
        crate::date::CivilDate::from_numbers(2024, month, day)
            .is_none()
            .then(|| match d.day {
                Some(day) => msg!("validate.tasks.no-day", day, month),
                None => msg!("validate.tasks.no-month", month),
            })
    })
}
