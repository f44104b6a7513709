//! `xhht baselines`: the embedded schemes, with how far their figures can be
//! trusted.

use comfy_table::{ColumnConstraint, ContentArrangement, Table, presets};

use crate::baselines::Honesty;
use crate::i18n::{Lang, Message};
use crate::model::{Document, Plan, Target, TargetValue, Task, Verification};
use crate::msg;

/// A table with this header whose first column, an id a reader copies into
/// a plan, is never wrapped.
pub(crate) fn id_table<const N: usize>(color: bool, header: [&str; N]) -> Table {
    let mut t = table(color);
    t.set_header(header);
    if let Some(column) = t.column_mut(0) {
        column.set_constraint(ColumnConstraint::ContentWidth);
    }
    t
}

pub(crate) fn table(color: bool) -> Table {
    let mut table = Table::new();
    table.load_style(presets::UTF8_FULL_CONDENSED);
    table.set_content_arrangement(ContentArrangement::Dynamic);
    if !color {
        table.force_no_tty();
        table.set_width(140);
    }
    table
}

const LIST_COLUMNS: [&str; 10] = [
    "render.baselines.list.id",
    "render.baselines.list.decision",
    "render.baselines.list.date",
    "render.baselines.list.period",
    "render.baselines.list.targets",
    "render.baselines.list.verified",
    "render.baselines.list.secondary",
    "render.baselines.list.unverified",
    "render.baselines.list.disputed",
    "render.baselines.list.unavailable",
];

/// The id comes first: it is what a local plan's `restates` names.
const SHOW_COLUMNS: [&str; 7] = [
    "lookup.baselines.id",
    "render.baselines.show.indicator",
    "render.baselines.show.level",
    "render.baselines.show.condition",
    "render.baselines.show.year",
    "render.baselines.show.value",
    "render.baselines.show.flag",
];

pub(crate) fn list(plans: &[&Plan], lang: Lang, color: bool) -> String {
    let mut t = table(color);
    t.set_header(LIST_COLUMNS.map(|id| lang.fixed(id)));
    for plan in plans {
        let doc = &plan.document;
        let h = Honesty::of(plan);
        t.add_row([
            doc.id.clone(),
            doc.number
                .as_ref()
                .map(std::string::ToString::to_string)
                .unwrap_or_default(),
            doc.date.map(|d| d.to_string()).unwrap_or_default(),
            match doc.period.end {
                Some(end) => format!("{}-{end}", doc.period.start),
                None => format!("{}-", doc.period.start),
            },
            h.targets.to_string(),
            h.verified.to_string(),
            h.secondary.to_string(),
            h.unverified.to_string(),
            h.disputed.to_string(),
            h.unavailable.to_string(),
        ]);
    }
    t.to_string()
}

/// The id comes first: it is what a local plan's `carries_out` names.
const TASK_COLUMNS: [&str; 4] = [
    "lookup.baselines.id",
    "lookup.baselines.task",
    "lookup.baselines.leads",
    "lookup.baselines.due",
];

pub(crate) fn show(plan: &Plan, lang: Lang, color: bool) -> String {
    let mut out = heading(&plan.document, lang);
    if plan.targets.is_empty() {
        push_paragraph(&mut out, lang.fixed("render.baselines.no-targets"));
    } else {
        out.push_str(&targets(plan, lang, color));
    }
    if !plan.tasks.is_empty() {
        out.push_str(&tasks(&plan.tasks, lang, color));
    }
    out
}

/// The targets grouped by how far each figure can be trusted, and a count.
fn targets(plan: &Plan, lang: Lang, color: bool) -> String {
    let mut out = String::new();
    // Grouped by how far each figure can be trusted, most trusted first; the
    // notes behind each flag stay in the plan file.
    let mut targets: Vec<&Target> = plan.targets.iter().collect();
    targets.sort_by(|a, b| {
        (a.year, &a.indicator, a.level, &a.condition).cmp(&(
            b.year,
            &b.indicator,
            b.level,
            &b.condition,
        ))
    });
    for &group in TRUST_GROUPS {
        let members: Vec<&Target> = targets
            .iter()
            .copied()
            .filter(|t| trust_group(t) == group)
            .collect();
        if !members.is_empty() {
            out.push_str(&group_table(group, &members, lang, color));
        }
    }
    push_paragraph(&mut out, &summary(&Honesty::of(plan)).render(lang));
    out
}

/// The scheme's duties in the order it gives them, with who leads each.
fn tasks(tasks: &[Task], lang: Lang, color: bool) -> String {
    let mut t = id_table(color, TASK_COLUMNS.map(|id| lang.fixed(id)));
    for task in tasks {
        t.add_row([
            task.id.clone(),
            task.title.to_string(),
            task.leads.join(", "),
            task.deadline
                .as_ref()
                .map(|d| d.wording.to_string())
                .unwrap_or_default(),
        ]);
    }
    let heading = msg!("lookup.baselines.tasks", count = tasks.len()).render(lang);
    format!("\n{heading}\n{t}\n")
}

/// Id and title, decision number and date, and the scheme's note.
fn heading(doc: &Document, lang: Lang) -> String {
    let mut out = format!(
        "{} — {}\n{}{}\n",
        doc.id,
        doc.title,
        doc.number
            .as_ref()
            .map(|n| format!("{n}, "))
            .unwrap_or_default(),
        doc.date.map_or_else(
            || lang.fixed("render.baselines.no-date").to_owned(),
            |d| d.to_string()
        ),
    );
    if let Some(note) = &doc.note {
        out.push_str(&msg!("render.baselines.note", note).render(lang));
        out.push('\n');
    }
    out
}

/// Text set off by a blank line above it.
fn push_paragraph(out: &mut String, text: &str) {
    out.push('\n');
    out.push_str(text);
    out.push('\n');
}

fn group_table(group: TrustGroup, members: &[&Target], lang: Lang, color: bool) -> String {
    let mut t = id_table(color, SHOW_COLUMNS.map(|id| lang.fixed(id)));
    for target in members {
        t.add_row([
            target.id.clone(),
            target.indicator.clone(),
            target.level.map(|l| l.to_string()).unwrap_or_default(),
            target.condition.clone().unwrap_or_default(),
            target.year.to_string(),
            target.value_text().render(lang),
            trust_text(target, lang).to_owned(),
        ]);
    }
    format!("\n{} ({}):\n{t}\n", group.heading(lang), members.len())
}

fn summary(h: &Honesty) -> Message {
    msg!(
        "render.baselines.summary",
        targets = h.targets,
        verified = h.verified,
        secondary = h.secondary,
        unverified = h.unverified,
        disputed = h.disputed,
        unavailable = h.unavailable,
    )
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TrustGroup {
    Verified,
    Secondary,
    Doubtful,
    Unavailable,
}

const TRUST_GROUPS: &[TrustGroup] = &[
    TrustGroup::Verified,
    TrustGroup::Secondary,
    TrustGroup::Doubtful,
    TrustGroup::Unavailable,
];

impl TrustGroup {
    fn heading(self, lang: Lang) -> &'static str {
        lang.fixed(match self {
            Self::Verified => "render.baselines.group.verified",
            Self::Secondary => "render.baselines.group.secondary",
            Self::Doubtful => "render.baselines.group.doubtful",
            Self::Unavailable => "render.baselines.group.unavailable",
        })
    }
}

fn trust_group(target: &Target) -> TrustGroup {
    if target.value == TargetValue::Unavailable {
        return TrustGroup::Unavailable;
    }
    match target.verification {
        Some(Verification::Verified | Verification::VerifiedDerived) => TrustGroup::Verified,
        Some(
            Verification::VerifiedEn | Verification::VerifiedLocal | Verification::SingleSource,
        ) => TrustGroup::Secondary,
        Some(Verification::Unverified | Verification::Disputed | Verification::NotFound) | None => {
            TrustGroup::Doubtful
        }
    }
}

pub(crate) fn trust_text(target: &Target, lang: Lang) -> &'static str {
    if target.value == TargetValue::Unavailable {
        return lang.fixed("render.baselines.trust.unavailable");
    }
    flag_text(
        target.verification.unwrap_or(Verification::Unverified),
        lang,
    )
}

/// A verification flag as a reader says it, in `lang`.
pub(crate) fn flag_text(flag: Verification, lang: Lang) -> &'static str {
    flag.message().id().map_or("", |id| lang.fixed(id))
}
