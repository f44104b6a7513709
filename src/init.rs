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
    for comparison in &diff.comparisons {
        let Some(&(upper, _)) = known.get(comparison.against.as_str()) else {
            continue;
        };
        for row in &comparison.targets {
            let wanted = row.status == TargetStatus::Gap;
            let theirs = row
                .scheme_target
                .as_ref()
                .and_then(|id| upper.targets.iter().find(|t| &t.id == id));
            if let (true, Some(theirs)) = (wanted, theirs) {
                let link = ItemRef {
                    plan: upper.document.id.clone(),
                    item: theirs.id.clone(),
                };
                let entry = targets
                    .entry(target_id(theirs))
                    .or_insert_with(|| blank_target(theirs));
                entry.restates.push(link);
            }
        }
        for row in &comparison.duties {
            if row.status != DutyStatus::Gap {
                continue;
            }
            let Some(duty) = upper.tasks.iter().find(|t| t.id == row.duty) else {
                continue;
            };
            let leads = local_owners(&mut plan, upper, duty, registry, request.level);
            // A government plan asks mass organisations; it cannot order them.
            let requested = leads.iter().all(|id| {
                plan.agencies
                    .iter()
                    .any(|a| &a.id == id && a.kind == AgencyKind::MassOrganisation)
            });
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
                carries_out: vec![ItemRef {
                    plan: upper.document.id.clone(),
                    item: duty.id.clone(),
                }],
                in_force_from: None,
                verification: None,
                sources: Vec::new(),
                quote: None,
                section: None,
                note: None,
            });
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
            province: province_of(parent),
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

/// The province a plan under `parent` lies in, by its id in the units catalogue.
fn province_of(parent: &Plan) -> Option<String> {
    if parent.document.province.is_some() {
        return parent.document.province.clone();
    }
    match crate::units::Units::embedded().of_plan(parent)? {
        crate::units::PlanProvince::Before2025(p) => Some(p.id.clone()),
        crate::units::PlanProvince::From2025(p) => Some(p.id.clone()),
    }
}

/// The bodies at the new plan's level that answer for `duty`, declared as
/// the plan's agencies: the registry's counterparts of its leads above;
/// the People's Committee when the registry has none.
fn local_owners(
    plan: &mut Plan,
    upper: &Plan,
    duty: &Task,
    registry: &Registry,
    level: Level,
) -> Vec<String> {
    let mut owners = Vec::new();
    for lead in &duty.leads {
        let Some(agency) = upper.agencies.iter().find(|a| &a.id == lead) else {
            continue;
        };
        let Some(body) = crate::roles::body_of(registry, agency) else {
            continue;
        };
        for local in registry.counterparts(&body.id, level) {
            // The People's Committee issuing the plan is already declared.
            if local.kind == AgencyKind::PeoplesCommittee {
                plan.agencies[0].registry = Some(local.id.clone());
                if !owners.contains(&plan.agencies[0].id) {
                    owners.push(plan.agencies[0].id.clone());
                }
                continue;
            }
            if !plan.agencies.iter().any(|a| a.id == local.id) {
                plan.agencies.push(Agency {
                    id: local.id.clone(),
                    name: local.name.clone(),
                    aliases: Vec::new(),
                    kind: local.kind,
                    level,
                    registry: Some(local.id.clone()),
                });
            }
            if !owners.contains(&local.id) {
                owners.push(local.id.clone());
            }
        }
    }
    if owners.is_empty() {
        owners.push(plan.agencies[0].id.clone());
    }
    owners
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

/// One id per indicator, level, condition and year: the same figure in the
/// parent and in the scheme is one target restating both.
fn target_id(target: &Target) -> String {
    let mut id = slug(&target.indicator);
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
fn slug(text: &str) -> String {
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
