//! References to other plans and their items, to agencies, and to the
//! units catalogue: each must name something that exists.

use super::{Check, Finding, Plan, root};
use crate::finding::Rule;
use crate::msg;
use crate::source::FieldPath;
use crate::suggest::{closest, did_you_mean};

impl Check<'_> {
    pub(super) fn known_plan(&self, id: &str) -> Option<&Plan> {
        self.cx.plans.get(id).map(|(plan, _)| plan)
    }

    pub(super) fn unknown_plan(&self, path: &FieldPath, id: &str) -> Finding {
        let finding = self.at(
            Rule::UnknownPlan,
            path,
            msg!("validate.references.unknown-plan", id),
        );
        match closest(id, self.cx.plans.ids()) {
            Some(best) => finding.hint(did_you_mean(best)),
            None => finding.hint(msg!("validate.references.unknown-plan-hint")),
        }
    }

    pub(super) fn links(&mut self) {
        let links = &self.plan.links;
        let base = root().key("links");
        let mut all = Vec::new();
        for (i, link) in links.implements.iter().enumerate() {
            all.push((base.key("implements").index(i), link));
        }
        if let Some(parent) = &links.parent {
            all.push((base.key("parent"), parent));
        }
        for (path, link) in all {
            if link.available && self.known_plan(&link.plan).is_none() {
                let finding = self.unknown_plan(&path.key("plan"), &link.plan);
                self.push(finding);
            }
        }
    }

    /// A reference to a target of another plan: both must exist.
    pub(super) fn target_ref(&mut self, path: &FieldPath, plan: &str, item: &str) {
        let Some(other) = self.known_plan(plan) else {
            let finding = self.unknown_plan(&path.key("plan"), plan);
            self.push(finding);
            return;
        };
        if other.targets.iter().any(|t| t.id == item) {
            return;
        }
        let ids = other.targets.iter().map(|t| t.id.as_str());
        let mut finding = self.at(
            Rule::UnknownItem,
            &path.key("item"),
            msg!("validate.references.no-target", plan, item),
        );
        if let Some(best) = closest(item, ids) {
            finding = finding.hint(did_you_mean(best));
        }
        self.push(finding);
    }

    pub(super) fn not_applicable(&mut self) {
        for (i, entry) in self.plan.not_applicable.iter().enumerate() {
            let path = root().key("not_applicable").index(i);
            self.target_ref(&path, &entry.plan, &entry.item);
            if crate::text::is_blank(entry.reason.as_str()) {
                let finding = self
                    .at(
                        Rule::MissingField,
                        &path.key("reason"),
                        msg!("validate.references.no-reason", item = &entry.item),
                    )
                    .hint(msg!("validate.references.no-reason-hint"));
                self.push(finding);
            }
        }
    }

    pub(super) fn lead(&mut self) {
        let Some(id) = &self.plan.document.lead else {
            return;
        };
        let ids = self.plan.agencies.iter().map(|a| a.id.as_str());
        if self.plan.agencies.iter().any(|a| &a.id == id) {
            return;
        }
        let mut finding = self.at(
            Rule::UnknownAgency,
            &root().key("document").key("lead"),
            msg!("validate.references.unknown-lead", id),
        );
        if let Some(best) = closest(id, ids) {
            finding = finding.hint(did_you_mean(best));
        }
        self.push(finding);
    }

    /// `document.province` names a province of the units catalogue, in the
    /// map of the plan's time.
    pub(super) fn province(&mut self) {
        let Some(id) = &self.plan.document.province else {
            return;
        };
        let units = crate::units::Units::embedded();
        if units.of_plan(self.plan).is_some() {
            return;
        }
        let after = crate::units::issued_after_merger(self.plan);
        let ids: Vec<&str> = if after {
            units.provinces_2025.iter().map(|p| p.id.as_str()).collect()
        } else {
            units.provinces.iter().map(|p| p.id.as_str()).collect()
        };
        let mut finding = self
            .at(
                Rule::UnknownProvince,
                &root().key("document").key("province"),
                msg!("validate.references.unknown-province", id),
            )
            .note(msg!("validate.references.province-maps"));
        let other_era = if after {
            units.merged_into(id).map(|p| p.id.clone()).or_else(|| {
                units
                    .provinces_2025
                    .iter()
                    .find(|p| p.formed_from.iter().any(|f| f == id))
                    .map(|p| p.id.clone())
            })
        } else {
            units
                .province_2025(id)
                .and_then(|p| (p.formed_from.len() == 1).then(|| p.formed_from[0].clone()))
        };
        if let Some(right) = other_era {
            finding = finding.hint(msg!("validate.references.other-map", id, right));
        } else if let Some(best) = closest(id, ids) {
            finding = finding.hint(did_you_mean(best));
        }
        self.push(finding);
    }
}
