//! Who does what by when: a plan's open scheduled tasks grouped by the body
//! that leads them, the most pressing first, so a meeting can go round the
//! table. A collective lead ("các sở, ban, ngành") is kept as the plan
//! names it and said to be collective: no single body answers for it.

use schemars::JsonSchema;
use serde::Serialize;

use crate::date::CivilDate;
use crate::model::{AgencyKind, Plan};
use crate::schedule::{Row, Standing};

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct OwnerRow {
    /// The lead's id in the plan; none for tasks the plan gives no lead.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agency: Option<String>,
    /// The lead's name as the plan writes it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A collective such as "các sở, ban, ngành và địa phương".
    pub collective: bool,
    /// Open tasks: not done and not cancelled, the most pressing first.
    pub tasks: Vec<OwnerTask>,
    /// Tasks recorded as done (late or not), or cancelled.
    pub closed: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct OwnerTask {
    pub task: String,
    pub title: String,
    pub standing: Standing,
    /// The date that matters: the missed one for a task overdue, else the next due.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<CivilDate>,
    /// The occurrence that date belongs to, as a status file names it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
}

/// The rows of `plan`'s schedule grouped by lead: bodies with a task overdue
/// first, then by their next date.
pub fn by_owner(plan: &Plan, rows: &[Row]) -> Vec<OwnerRow> {
    let mut owners: Vec<OwnerRow> = Vec::new();
    for row in rows {
        let Some(task) = plan.tasks.iter().find(|t| t.id == row.task) else {
            continue;
        };
        let leads: Vec<Option<&String>> = if task.leads.is_empty() {
            vec![None]
        } else {
            task.leads.iter().map(Some).collect()
        };
        for lead in leads {
            let at = if let Some(at) = owners.iter().position(|o| o.agency.as_ref() == lead) {
                at
            } else {
                let agency = lead.and_then(|id| plan.agencies.iter().find(|a| &a.id == id));
                owners.push(OwnerRow {
                    agency: lead.cloned(),
                    name: agency.map(|a| a.name.to_string()).or_else(|| lead.cloned()),
                    collective: agency.is_some_and(|a| a.kind == AgencyKind::Collective),
                    tasks: Vec::new(),
                    closed: 0,
                });
                owners.len() - 1
            };
            let owner = &mut owners[at];
            if is_closed(row.standing) {
                owner.closed += 1;
            } else {
                owner.tasks.push(open_task(row));
            }
        }
    }
    owners.retain(|o| !o.tasks.is_empty() || o.closed > 0);
    for owner in &mut owners {
        owner.tasks.sort_by_key(urgency);
    }
    owners.sort_by_key(|o| o.tasks.first().map(urgency));
    // Bodies with nothing open go last, in plan order.
    owners.sort_by_key(|o| o.tasks.is_empty());
    owners
}

fn is_closed(standing: Standing) -> bool {
    matches!(
        standing,
        Standing::Done | Standing::DoneLate | Standing::Cancelled
    )
}

fn open_task(row: &Row) -> OwnerTask {
    let dated = match row.standing {
        Standing::Overdue | Standing::Missed => row.last_missed.as_ref(),
        _ => row.next_due.as_ref(),
    }
    .or(row.next_due.as_ref())
    .or(row.last_missed.as_ref());
    OwnerTask {
        task: row.task.clone(),
        title: row.title.clone(),
        standing: row.standing,
        due: dated.map(|d| d.due),
        period: dated.map(|d| d.period.clone()),
    }
}

/// Overdue and missed first, then due soon, then the rest by date; tasks
/// without a date (ongoing, unreadable) last.
fn urgency(task: &OwnerTask) -> (u8, Option<CivilDate>) {
    let rank = match task.standing {
        Standing::Overdue | Standing::Missed => 0,
        Standing::DueSoon => 1,
        Standing::Upcoming | Standing::OwnerGone => 2,
        _ => 3,
    };
    let rank = if task.due.is_none() {
        rank.max(3)
    } else {
        rank
    };
    (rank, task.due)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_bytes;
    use crate::model::Progress;
    use crate::registry::Registry;
    use crate::source::Format;

    #[test]
    fn open_tasks_are_grouped_by_lead_the_most_pressing_first() {
        let text = "document:\n  id: p\n  title: P\n  kind: plan\n  issuer: UBND\n  level: province\n  \
             jurisdiction: tỉnh X\n  period: {start: 2024, end: 2027}\n\
             agencies:\n  - {id: so-gddt, name: Sở Giáo dục và Đào tạo, kind: department, level: province}\n  \
             - {id: cac-so, name: \"các sở, ban, ngành\", kind: collective, level: province}\n\
             tasks:\n  \
             - {id: a, title: A, leads: [so-gddt], deadline: {wording: \"năm 2027\", due: {year: 2027}}}\n  \
             - {id: b, title: B, leads: [so-gddt], deadline: {wording: \"năm 2024\", due: {year: 2024}}}\n  \
             - {id: c, title: C, leads: [cac-so], deadline: {wording: \"năm 2026\", due: {year: 2026}}}\n  \
             - {id: d, title: D, deadline: {wording: \"năm 2026\", due: {year: 2026}}}\n";
        let loaded = load_bytes("p.yaml".into(), text.as_bytes().to_vec(), Format::Yaml);
        let plan = loaded.plan.unwrap();
        let schedule = crate::schedule::check(
            &plan,
            &loaded.source,
            &Progress::default(),
            CivilDate::parse_iso("2025-06-01").unwrap(),
            None,
            Registry::embedded(),
        );
        let owners = by_owner(&plan, &schedule.rows);
        let names: Vec<Option<&str>> = owners.iter().map(|o| o.name.as_deref()).collect();
        assert_eq!(
            names,
            [
                Some("Sở Giáo dục và Đào tạo"),
                Some("các sở, ban, ngành"),
                None
            ]
        );
        let tasks: Vec<&str> = owners[0].tasks.iter().map(|t| t.task.as_str()).collect();
        assert_eq!(tasks, ["b", "a"]);
        assert_eq!(owners[0].tasks[0].standing, Standing::Overdue);
        assert!(owners[1].collective && !owners[0].collective);
    }
}
