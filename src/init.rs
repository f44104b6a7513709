//! A new plan's first draft, under a parent plan or a scheme: the header to
//! fill in, the links, a target for every figure above that binds the new
//! plan's level and a task for every duty, each linked to what it answers.
//! What only the document can say is left as `TODO`, which validation
//! reports (XH023) until it is written in.
//!
//! Which figures and duties apply is not decided here: an empty plan is
//! compared with the plans above as any plan is, and each gap becomes an
//! entry. So the draft holds exactly what `diff` would ask of it.

use std::collections::BTreeMap;
use std::path::Path;

use crate::compare::{self, DutyStatus, TargetStatus};
use crate::load::Loaded;
use crate::model::{
    Agency, AgencyKind, Document, DocumentKind, ItemRef, Level, Link, Links, Period, Plan, Target,
    TargetValue, Task,
};
use crate::registry::Registry;
use crate::source::Format;
use crate::text::Text;

/// What the author gives on the command line.
pub struct Request<'a> {
    pub level: Level,
    /// The territory, e.g. "xã Thử"; without it the id and names are left to fill in.
    pub name: Option<&'a str>,
    pub period: Period,
}

/// The draft, and what it holds.
pub struct Draft {
    pub plan: Plan,
    pub targets: usize,
    pub tasks: usize,
}

/// The marker validation reports: see `validate::to_fill`.
const TODO: &str = "TODO";

/// The draft of a plan issued under `under` (a plan or a scheme), with the
/// plans above it in `known` (`under` among them).
pub fn draft(request: &Request<'_>, under: &Loaded, known: &[&Loaded]) -> Option<Draft> {
    let parent = under.plan.as_ref().ok()?;
    let mut plan = skeleton(request, parent);
    let text = crate::convert::convert(&plan, Format::Yaml, None, Path::new("draft.yaml")).ok()?;
    let empty = crate::load::load_bytes("draft.yaml".into(), text.into_bytes(), Format::Yaml);
    let empty_plan = empty.plan.as_ref().ok()?;
    let known = compare::chain::known(known.iter().copied());
    let chain = compare::resolve(empty_plan, &empty.source, &known, None);
    let registry = Registry::embedded();
    let diff = compare::diff(empty_plan, &empty.source, &chain, registry);
    let mut targets: BTreeMap<String, Target> = BTreeMap::new();
    let mut duties = Duties::default();
    // The parent comes first in the chain: a scheme's duty that the parent
    // already hands down is carried by the task made for the parent's.
    for comparison in &diff.comparisons {
        let Some((upper, _)) = known.get(comparison.against.as_str()) else {
            continue;
        };
        for row in &comparison.targets {
            let theirs = row
                .scheme_target
                .as_ref()
                .and_then(|id| upper.targets.iter().find(|t| &t.id == id));
            if let (TargetStatus::Gap, Some(theirs)) = (&row.status, theirs) {
                let entry = targets
                    .entry(target_id(theirs))
                    .or_insert_with(|| blank_target(theirs));
                entry.restates.push(item(upper, &theirs.id));
            }
        }
        for row in &comparison.duties {
            let duty = upper.tasks.iter().find(|t| t.id == row.duty);
            if let (DutyStatus::Gap, Some(duty)) = (row.status, duty) {
                duties.add(&mut plan, upper, duty, registry, request);
            }
        }
    }
    plan.targets = targets.into_values().collect();
    plan.targets
        .sort_by(|a, b| (a.year, &a.id).cmp(&(b.year, &b.id)));
    Some(Draft {
        targets: plan.targets.len(),
        tasks: plan.tasks.len(),
        plan,
    })
}

fn item(upper: &Plan, id: &str) -> ItemRef {
    ItemRef {
        plan: upper.document.id.clone(),
        item: id.to_owned(),
    }
}

/// The tasks made so far, by the duties above they carry out.
#[derive(Default)]
struct Duties {
    /// (plan, duty) → the index of the task carrying it, including the
    /// duties the parent's own task carries out in turn.
    carried: BTreeMap<(String, String), usize>,
}

impl Duties {
    fn add(
        &mut self,
        plan: &mut Plan,
        upper: &Plan,
        duty: &Task,
        registry: &Registry,
        request: &Request<'_>,
    ) {
        let key = (upper.document.id.clone(), duty.id.clone());
        if let Some(&index) = self.carried.get(&key) {
            plan.tasks[index].carries_out.push(item(upper, &duty.id));
            return;
        }
        let leads = local_owners(plan, upper, duty, registry, request);
        // A government plan asks mass organisations; it cannot order them.
        let requested = leads.iter().all(|id| {
            plan.agencies
                .iter()
                .any(|a| &a.id == id && a.kind == AgencyKind::MassOrganisation)
        });
        let index = plan.tasks.len();
        self.carried.insert(key, index);
        for above in &duty.carries_out {
            self.carried
                .insert((above.plan.clone(), above.item.clone()), index);
        }
        plan.tasks.push(Task {
            id: format!("{}-{}", slug(&upper.document.id), slug(&duty.id)),
            title: Text::new(&format!("{TODO}: {}", duty.title.as_str())),
            leads,
            coordinates: Vec::new(),
            mode: if requested {
                crate::model::Mode::Requested
            } else {
                crate::model::Mode::Assigned
            },
            deadline: None,
            function: duty.function,
            carries_out: vec![item(upper, &duty.id)],
            in_force_from: None,
            verification: None,
            sources: Vec::new(),
            quote: None,
            section: None,
            note: None,
        });
    }
}

/// The plan with its header and links, and no targets or tasks yet.
fn skeleton(request: &Request<'_>, parent: &Plan) -> Plan {
    let Period { start, end } = request.period;
    let years = match end {
        Some(end) => format!("{start}-{end}"),
        None => start.to_string(),
    };
    let place = request.name.map_or_else(
        || format!("{TODO}: tên địa bàn"),
        |name| name.trim().to_owned(),
    );
    let id = match request.name {
        Some(name) => format!("{}-{years}", slug(name)),
        None => format!("ke-hoach-{years}"),
    };
    let committee = Agency {
        id: "ubnd".to_owned(),
        name: Text::new(&format!("Ủy ban nhân dân {place}")),
        aliases: Vec::new(),
        kind: AgencyKind::PeoplesCommittee,
        level: request.level,
        registry: None,
    };
    Plan {
        document: Document {
            id,
            title: Text::new(&format!(
                "{TODO}: Kế hoạch xây dựng xã hội học tập {place} giai đoạn {years}"
            )),
            kind: DocumentKind::Plan,
            issuer: committee.name.clone(),
            level: request.level,
            jurisdiction: Text::new(&place),
            province: province_of(parent, request.period),
            number: Some(Text::new(TODO)),
            date: None,
            lead: None,
            approved_by: None,
            period: request.period,
            milestones: parent
                .document
                .milestones
                .iter()
                .copied()
                .filter(|year| request.period.contains(*year))
                .collect(),
            phases: Vec::new(),
            sources: Vec::new(),
            restatements: Vec::new(),
            note: None,
        },
        links: links(parent),
        citations: Vec::new(),
        agencies: vec![committee],
        targets: Vec::new(),
        tasks: Vec::new(),
        not_applicable: Vec::new(),
        progress: None,
    }
}

/// The new plan's links: to the parent, and to the schemes the parent
/// implements (or to the scheme itself, when drafted under one).
fn links(parent: &Plan) -> Links {
    let link = |plan: &Plan| Link {
        plan: plan.document.id.clone(),
        number: plan
            .document
            .number
            .clone()
            .unwrap_or_else(|| Text::new(TODO)),
        date: plan.document.date,
        available: true,
        quote: None,
        section: None,
        note: None,
    };
    let (parent_link, implements) = if parent.document.kind == DocumentKind::Scheme {
        (None, vec![link(parent)])
    } else {
        // The parent's own words about its links are not the new plan's.
        let implements = parent.links.implements.iter().map(|l| Link {
            quote: None,
            section: None,
            note: None,
            ..l.clone()
        });
        (Some(link(parent)), implements.collect())
    };
    Links {
        implements,
        parent: parent_link,
    }
}

/// The province a plan under `parent` lies in, by its id in the units
/// catalogue of the new plan's time: a plan starting after 2025 names one
/// of the 34 provinces, into which the parent's may have merged.
fn province_of(parent: &Plan, period: Period) -> Option<String> {
    let units = crate::units::Units::embedded();
    let old = match &parent.document.province {
        Some(id) => id.clone(),
        None => match units.of_plan(parent)? {
            crate::units::PlanProvince::Before2025(p) => p.id.clone(),
            crate::units::PlanProvince::From2025(p) => p.id.clone(),
        },
    };
    if period.start <= MERGER_YEAR || units.province_2025(&old).is_some() {
        return Some(old);
    }
    units.merged_into(&old).map(|merged| merged.id.clone())
}

/// Provinces merged on 1 July 2025 (Nghị quyết 202/2025/QH15); a plan
/// starting after that year names a province of the new map.
const MERGER_YEAR: u16 = 2025;

/// The bodies at the new plan's level that answer for `duty`, declared as
/// the plan's agencies: a lead at that level itself, else the registry's
/// counterparts of its leads above, each replaced by its successor if it
/// ended before the plan's period; the People's Committee when the
/// registry has none.
fn local_owners(
    plan: &mut Plan,
    upper: &Plan,
    duty: &Task,
    registry: &Registry,
    request: &Request<'_>,
) -> Vec<String> {
    let starts = crate::date::CivilDate::from_numbers(request.period.start, 1, 1);
    let mut owners = Vec::new();
    for lead in &duty.leads {
        let Some(agency) = upper.agencies.iter().find(|a| &a.id == lead) else {
            continue;
        };
        let Some(body) = crate::roles::body_of(registry, agency) else {
            continue;
        };
        let locals = if body.level == request.level {
            vec![body]
        } else {
            registry.counterparts(&body.id, request.level)
        };
        for local in locals {
            let local = starts.map_or(local, |day| registry.in_office_on(local, day));
            let id = declare(plan, local);
            if !owners.contains(&id) {
                owners.push(id);
            }
        }
    }
    if owners.is_empty() {
        owners.push(plan.agencies[0].id.clone());
    }
    owners
}

/// The plan's agency id for a registry body, declaring it if need be; the
/// People's Committee issuing the plan is declared already.
fn declare(plan: &mut Plan, body: &crate::registry::Body) -> String {
    if body.kind == AgencyKind::PeoplesCommittee {
        plan.agencies[0].registry = Some(body.id.clone());
        return plan.agencies[0].id.clone();
    }
    if !plan.agencies.iter().any(|a| a.id == body.id) {
        plan.agencies.push(Agency {
            id: body.id.clone(),
            name: body.name.clone(),
            aliases: Vec::new(),
            kind: body.kind,
            level: body.level,
            registry: Some(body.id.clone()),
        });
    }
    body.id.clone()
}

/// A target answering `theirs`: the same indicator, level, unit, year and
/// condition; the figure left to the author.
fn blank_target(theirs: &Target) -> Target {
    Target {
        id: target_id(theirs),
        indicator: theirs.indicator.clone(),
        level: theirs.level,
        unit: theirs.unit,
        population: theirs.population,
        value: TargetValue::Todo,
        stance: None,
        direction: None,
        year: theirs.year,
        each_year: theirs.each_year,
        condition: theirs.condition.clone(),
        restates: Vec::new(),
        verification: None,
        sources: Vec::new(),
        quote: None,
        section: None,
        note: None,
    }
}

/// One id per indicator, level, unit, population, condition and year: the
/// same figure in the parent and in the scheme is one target restating both.
fn target_id(target: &Target) -> String {
    let mut id = slug(&target.indicator);
    // Another unit or population is another figure, never merged.
    if target.unit != crate::model::Unit::Percent
        || target.population != crate::model::Population::People
    {
        id.push('-');
        id.push_str(&crate::model::wire_name(&target.unit).replace('_', "-"));
        id.push('-');
        id.push_str(&crate::model::wire_name(&target.population).replace('_', "-"));
    }
    if let Some(level) = target.level {
        id.push_str(&format!("-muc-{level}"));
    }
    if let Some(condition) = &target.condition {
        id.push('-');
        id.push_str(&slug(condition));
    }
    format!("{id}-{}", target.year)
}

/// An id from any text: lower-case ASCII letters and digits joined by '-'.
pub fn slug(text: &str) -> String {
    let folded = crate::text::fold(text);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_ascii_words_joined_by_hyphens() {
        assert_eq!(slug("xã Thử"), "xa-thu");
        assert_eq!(slug("model.learning_citizen"), "model-learning-citizen");
        assert_eq!(slug("Phường Đông Hà"), "phuong-dong-ha");
    }
}
