//! Who does what, as a civil servant reads a plan: which body issued it,
//! whether it may order a mass organisation, and who leads a task when the
//! text says "phối hợp với".
//!
//! The convention for `leads` and `coordinates` (applied to every bundled
//! plan): "A chủ trì, phối hợp với B" makes A the lead and B a coordinator;
//! under the heading of body A, "A: Phối hợp với B …" makes B the lead and A
//! a coordinator, because the text gives A a supporting role in B's work,
//! unless B is a collective ("các sở, ngành liên quan"), which cannot lead.

use crate::model::{Agency, AgencyKind, Plan, Task};
use crate::registry::{Body, Registry};
use crate::text::fold;

/// The body that issued a plan: one of its agencies when the issuer's name
/// matches one, and in any case the kind of body it is.
pub(crate) struct Issuer<'p> {
    pub agency: Option<&'p Agency>,
    pub kind: Option<AgencyKind>,
}

pub(crate) fn issuer(plan: &Plan) -> Issuer<'_> {
    let wanted = fold(plan.document.issuer.as_str());
    let agency = plan.agencies.iter().find(|a| {
        std::iter::once(&a.name)
            .chain(&a.aliases)
            .any(|name| fold(name.as_str()) == wanted)
    });
    let kind = agency.map(|a| a.kind).or_else(|| {
        let registry = Registry::embedded();
        registry
            .find(plan.document.issuer.as_str(), Some(plan.document.level))
            .map(|b| b.kind)
    });
    Issuer { agency, kind }
}

/// Whether a plan's order to mass organisation `org` is one a civil servant
/// would question: only a state body (a People's Committee or a department)
/// must "request" ("Đề nghị …") instead of ordering; a steering committee
/// orders its own members, an organisation may order itself, and the body a
/// scheme designates to lead (Hội Khuyến học under 281) carries the scheme's
/// own mandate.
pub(crate) fn questionable_order(
    plan: &Plan,
    issuer: &Issuer<'_>,
    org: &Agency,
    schemes: &[&Plan],
) -> bool {
    let state_body = matches!(
        issuer.kind,
        Some(AgencyKind::PeoplesCommittee | AgencyKind::Department | AgencyKind::Office)
    );
    if !state_body || issuer.agency.is_some_and(|a| a.id == org.id) {
        return false;
    }
    !designated_lead(org, plan, schemes)
}

/// `org` is the local counterpart of the body a scheme the plan implements
/// designates to lead it (`document.lead`).
fn designated_lead(org: &Agency, plan: &Plan, schemes: &[&Plan]) -> bool {
    let registry = Registry::embedded();
    let Some(local) = body_of(registry, org) else {
        return false;
    };
    schemes.iter().any(|scheme| {
        scheme
            .document
            .lead
            .as_ref()
            .and_then(|id| scheme.agencies.iter().find(|a| &a.id == id))
            .and_then(|a| body_of(registry, a))
            .is_some_and(|national| {
                national.id == local.id
                    || registry
                        .counterparts(&national.id, plan.document.level)
                        .iter()
                        .any(|b| b.id == local.id)
            })
    })
}

/// The registry body an agency of a plan stands for.
pub(crate) fn body_of<'r>(registry: &'r Registry, agency: &Agency) -> Option<&'r Body> {
    if let Some(id) = &agency.registry {
        return registry.get(id);
    }
    std::iter::once(&agency.name)
        .chain(&agency.aliases)
        .find_map(|name| registry.find(name.as_str(), Some(agency.level)))
}

/// A task whose roles contradict its own wording.
#[derive(Debug, PartialEq)]
pub(crate) enum Inversion<'p> {
    /// "Chủ trì, phối hợp với B": B is among the leads.
    PartnerLeads(&'p Agency),
    /// "Phối hợp với B" without "chủ trì": B only coordinates.
    PartnerCoordinates(&'p Agency),
}

/// The plan's agencies with their spellings folded once, for reading the
/// bodies a task's sentence names.
pub(crate) struct Spellings<'p> {
    agencies: Vec<(&'p Agency, Vec<String>)>,
}

impl<'p> Spellings<'p> {
    pub(crate) fn of(plan: &'p Plan) -> Self {
        let agencies = plan
            .agencies
            .iter()
            .map(|a| {
                let names = std::iter::once(&a.name)
                    .chain(&a.aliases)
                    .map(|n| fold(n.as_str()))
                    .filter(|n| n.len() >= 4)
                    .collect();
                (a, names)
            })
            .collect();
        Self { agencies }
    }

    /// Reads the task's quoted sentence for "phối hợp với" and the bodies
    /// named after it; only what the text makes visible is judged.
    pub(crate) fn inversion(&self, task: &Task) -> Option<Inversion<'p>> {
        let quote = task.quote.as_ref()?.as_str();
        // Cheap test first: most quotes name no partner at all.
        if !quote.to_lowercase().contains("hợp với") && !quote.to_lowercase().contains("hop voi")
        {
            return None;
        }
        let quote = fold(quote);
        let at = quote.find("phoi hop voi")?;
        let (before, after) = quote.split_at(at);
        let after = &after["phoi hop voi".len()..];
        // "Chỉ đạo các đơn vị phối hợp với B": the body addressed directs, and
        // the coordinating is done by those it directs; nothing to judge.
        if before.contains("chi dao") {
            return None;
        }
        let leads_itself = before.contains("chu tri");
        let partners = self
            .agencies
            .iter()
            .filter(|(_, names)| names.iter().any(|n| after.contains(n.as_str())));
        let leads = |a: &Agency| task.leads.contains(&a.id);
        let coordinates = |a: &Agency| task.coordinates.contains(&a.id);
        if leads_itself {
            // A body named before "chủ trì" as well is the lead itself.
            partners
                .filter(|(a, names)| leads(a) && !names.iter().any(|n| before.contains(n.as_str())))
                .map(|(a, _)| Inversion::PartnerLeads(a))
                .next()
        } else {
            // A collective ("các sở, ngành liên quan") cannot lead: the body
            // addressed does.
            partners
                .filter(|(a, _)| coordinates(a) && !leads(a) && a.kind != AgencyKind::Collective)
                .map(|(a, _)| Inversion::PartnerCoordinates(a))
                .next()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(issuer: &str, tasks: &str) -> Plan {
        serde_saphyr::from_str(&format!(
            "document: {{id: p, title: t, kind: plan, issuer: \"{issuer}\", level: province, jurisdiction: tỉnh Thử, period: {{start: 2020}}}}\n\
             agencies:\n\
             \x20 - {{id: so-gddt, name: Sở Giáo dục và Đào tạo, aliases: [Sở GD&ĐT], kind: department, level: province}}\n\
             \x20 - {{id: hoi-kh, name: Hội Khuyến học tỉnh, kind: mass_organisation, level: province}}\n\
             \x20 - {{id: ubnd, name: Ủy ban nhân dân tỉnh Thử, kind: peoples_committee, level: province}}\n\
             tasks:\n{tasks}"
        ))
        .unwrap()
    }

    #[test]
    fn the_partner_of_phoi_hop_voi_leads_unless_the_body_chu_tri() {
        let p = plan(
            "Ủy ban nhân dân tỉnh Thử",
            "  - {id: a, title: t, leads: [so-gddt], coordinates: [hoi-kh], quote: \"Phối hợp với Hội Khuyến học tỉnh tổ chức công nhận\"}\n\
             \x20 - {id: b, title: t, leads: [hoi-kh], coordinates: [so-gddt], quote: \"Phối hợp với Hội Khuyến học tỉnh tổ chức công nhận\"}\n\
             \x20 - {id: c, title: t, leads: [hoi-kh], coordinates: [so-gddt], quote: \"Chủ trì, phối hợp với Sở GD&ĐT tổ chức\"}\n\
             \x20 - {id: d, title: t, leads: [so-gddt], coordinates: [hoi-kh], quote: \"Chủ trì, phối hợp với Sở GD&ĐT tổ chức\"}\n",
        );
        let hoi = &p.agencies[1];
        let so = &p.agencies[0];
        let spellings = Spellings::of(&p);
        let inversion = |i: usize| spellings.inversion(&p.tasks[i]);
        assert_eq!(inversion(0), Some(Inversion::PartnerCoordinates(hoi)));
        assert_eq!(inversion(1), None);
        assert_eq!(inversion(2), None);
        assert_eq!(inversion(3), Some(Inversion::PartnerLeads(so)));
    }

    #[test]
    fn only_a_state_body_must_request() {
        let tasks = "  - {id: a, title: t, leads: [hoi-kh]}\n";
        let questionable = |p: &Plan| questionable_order(p, &issuer(p), &p.agencies[1], &[]);
        assert!(questionable(&plan("Ủy ban nhân dân tỉnh Thử", tasks)));
        assert!(!questionable(&plan("Hội Khuyến học tỉnh", tasks)));
        assert!(!questionable(&plan(
            "Ban Chỉ đạo xây dựng xã hội học tập tỉnh",
            tasks
        )));
    }
}
