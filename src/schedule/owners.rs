//! Who owes a task on a given day: its leads, those gone by then, and the
//! successors of a province merged on 1 July 2025.

use super::messages::semicolons;
use super::{
    Agency, AgencyKind, Check, CivilDate, Message, Task, TaskProgress, TaskState, dates, status,
};
use crate::msg;

impl<'a> Check<'a> {
    /// The last day of the plan's period, when it has an end.
    pub(super) fn period_end(&self) -> Option<CivilDate> {
        let end = self.plan.document.period.end?;
        dates::year_end(i16::try_from(end).ok()?)
    }

    /// The last record for the task that applies: `occurrence` is its key
    /// and whether it recurs. A record without a period is about the task as
    /// a whole: it settles a one-off deadline, while for a recurring one only
    /// `cancelled` carries over to every occurrence (one "done" says nothing
    /// about each period).
    pub(super) fn record(
        &self,
        task: &Task,
        occurrence: Option<(&str, bool)>,
    ) -> Option<&'a TaskProgress> {
        self.progress.tasks.iter().rev().find(|r| {
            // As of a date, what was recorded for later had not happened yet.
            let recorded_by_then = r.date.is_none_or(|d| d <= self.as_of);
            r.task == task.id
                && recorded_by_then
                && match (&r.period, occurrence) {
                    (Some(period), Some((key, _))) => status::period_eq(period, key),
                    (Some(_), None) => false,
                    (None, Some((_, true))) => r.state == TaskState::Cancelled,
                    (None, _) => true,
                }
        })
    }

    pub(super) fn agency(&self, id: &str) -> Option<&'a Agency> {
        self.plan.agencies.iter().find(|a| a.id == id)
    }

    pub(super) fn owner(&self, task: &Task) -> String {
        task.leads
            .iter()
            .map(|id| self.agency(id).map_or(id.as_str(), |a| a.name.as_str()))
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// From 1 July 2025 a merged province's departments are gone and their
    /// duties passed to the new province's: "Sở Giáo dục và Đào tạo tỉnh
    /// Hưng Yên, successor of Sở Giáo dục và Đào tạo tỉnh Thái Bình". Only
    /// provincial leads pass this way; a district's bodies ended with it.
    pub(super) fn successor(&self, task: &Task) -> Option<Message> {
        let units = crate::units::Units::embedded();
        let crate::units::PlanProvince::Before2025(old) = units.of_plan(self.plan)? else {
            return None;
        };
        let new = units.merged_into(&old.id)?;
        let heirs: Vec<Message> = task
            .leads
            .iter()
            .filter_map(|id| self.agency(id))
            .filter(|a| {
                a.level == crate::model::Level::Province && a.kind != AgencyKind::Collective
            })
            .map(|a| {
                let body = without_place(a.name.as_str(), old.name.as_str());
                if new.name == old.name {
                    msg!(
                        "schedule.successor.same-name",
                        body,
                        prefix = new.kind.prefix(),
                        name = &new.name
                    )
                } else {
                    msg!(
                        "schedule.successor.renamed",
                        body,
                        new_prefix = new.kind.prefix(),
                        new_name = &new.name,
                        old_prefix = old.kind.prefix(),
                        old_name = &old.name
                    )
                }
            })
            .collect();
        (!heirs.is_empty()).then(|| {
            msg!(
                "schedule.successor.owed-by",
                heirs = semicolons(heirs),
                prefix = new.kind.prefix(),
                name = &new.name,
                formed_from = formed_from(units, new)
            )
        })
    }

    /// The leads that had ceased to exist before `due`, described, and
    /// whether that is every lead (a task without leads has no owner to lose).
    pub(super) fn gone_owners(&self, task: &Task, due: CivilDate) -> (Vec<Message>, bool) {
        let mut gone = Vec::new();
        for id in &task.leads {
            let Some(agency) = self.agency(id) else {
                continue;
            };
            let body = agency
                .registry
                .as_deref()
                .and_then(|id| self.registry.get(id))
                .or_else(|| {
                    std::iter::once(&agency.name)
                        .chain(&agency.aliases)
                        .find_map(|name| self.registry.find(name.as_str(), Some(agency.level)))
                });
            let Some((body, until)) = body.and_then(|b| Some((b, b.valid_until?))) else {
                continue;
            };
            if until < due {
                let successor = body
                    .successor
                    .as_deref()
                    .and_then(|id| self.registry.get(id))
                    .map_or_else(
                        || msg!("schedule.gone.none-recorded"),
                        |s| Message::verbatim(s.name.to_string()),
                    );
                gone.push(msg!(
                    "schedule.gone.lead",
                    name = &agency.name,
                    until,
                    successor
                ));
            }
        }
        let everyone = !task.leads.is_empty() && gone.len() == task.leads.len();
        (gone, everyone)
    }
}

/// "Thái Bình, Hưng Yên": the provinces a 2025 province was formed from.
pub(super) fn formed_from(
    units: &crate::units::Units,
    new: &crate::units::MergedProvince,
) -> String {
    let names: Vec<&str> = new
        .formed_from
        .iter()
        .map(|id| units.province(id).map_or(id.as_str(), |p| p.name.as_str()))
        .collect();
    names.join(", ")
}

/// "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh" and "Sở Y tế tỉnh Thái Bình" →
/// the body without its place, so the successor's place can follow it.
pub(super) fn without_place<'n>(name: &'n str, province: &str) -> &'n str {
    let name = name.trim_end();
    let name = name.strip_suffix(province).unwrap_or(name).trim_end();
    ["tỉnh", "thành phố"]
        .iter()
        .find_map(|kind| name.strip_suffix(kind))
        .unwrap_or(name)
        .trim_end()
}
