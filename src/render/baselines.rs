//! `xhht baselines`: the embedded schemes, with how far their figures can be
//! trusted.

use comfy_table::{ContentArrangement, Table, presets};

use crate::baselines::Honesty;
use crate::model::{Plan, Target, TargetValue, Verification};

pub fn table(color: bool) -> Table {
    let mut table = Table::new();
    table.load_style(presets::UTF8_FULL_CONDENSED);
    table.set_content_arrangement(ContentArrangement::Dynamic);
    if !color {
        table.force_no_tty();
        table.set_width(120);
    }
    table
}

pub fn list(plans: &[&Plan], color: bool) -> String {
    let mut t = table(color);
    t.set_header([
        "id",
        "decision",
        "date",
        "period",
        "targets",
        "verified",
        "summary/local only",
        "unverified",
        "disputed",
        "no figure",
    ]);
    for plan in plans {
        let doc = &plan.document;
        let h = Honesty::of(plan);
        t.add_row([
            doc.id.clone(),
            doc.number
                .as_ref()
                .map(|n| n.to_string())
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

pub fn show(plan: &Plan, color: bool) -> String {
    let doc = &plan.document;
    let mut out = format!(
        "{} — {}\n{}{}\n",
        doc.id,
        doc.title,
        doc.number
            .as_ref()
            .map(|n| format!("{n}, "))
            .unwrap_or_default(),
        doc.date
            .map(|d| d.to_string())
            .unwrap_or_else(|| "no date".into()),
    );
    if let Some(note) = &doc.note {
        out.push_str(&format!("note: {note}\n"));
    }
    if plan.targets.is_empty() {
        out.push_str(
            "\nThis scheme has no targets on record: a comparison against it can only say so.\n",
        );
        return out;
    }
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
    for group in TRUST_GROUPS {
        let members: Vec<&Target> = targets
            .iter()
            .copied()
            .filter(|t| trust_group(t) == *group)
            .collect();
        if members.is_empty() {
            continue;
        }
        out.push_str(&format!("\n{} ({}):\n", group.heading(), members.len()));
        let mut t = table(color);
        t.set_header(["indicator", "level", "condition", "year", "value", "flag"]);
        for target in members {
            t.add_row([
                target.indicator.clone(),
                target.level.map(|l| l.to_string()).unwrap_or_default(),
                target.condition.clone().unwrap_or_default(),
                target.year.to_string(),
                target.value_text(),
                trust_text(target).to_owned(),
            ]);
        }
        out.push_str(&t.to_string());
        out.push('\n');
    }
    let h = Honesty::of(plan);
    out.push_str(&format!(
        "\n{} targets: {} verified, {} from a summary or provincial restatement only, {} unverified, {} disputed, {} with no figure found\n",
        h.targets, h.verified, h.secondary, h.unverified, h.disputed, h.unavailable
    ));
    out
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
    fn heading(self) -> &'static str {
        match self {
            Self::Verified => "Verified in a Vietnamese source",
            Self::Secondary => "Resting on a summary or a provincial restatement only",
            Self::Doubtful => "Unverified or disputed: never grounds for a hard shortfall",
            Self::Unavailable => "Named, but no figure found",
        }
    }
}

fn trust_group(target: &Target) -> TrustGroup {
    if target.value == TargetValue::Unavailable {
        return TrustGroup::Unavailable;
    }
    match target.verification {
        Some(Verification::Verified | Verification::VerifiedDerived) => TrustGroup::Verified,
        Some(Verification::VerifiedEn | Verification::VerifiedLocal) => TrustGroup::Secondary,
        Some(Verification::Unverified | Verification::Disputed | Verification::NotFound) | None => {
            TrustGroup::Doubtful
        }
    }
}

pub fn trust_text(target: &Target) -> &'static str {
    if target.value == TargetValue::Unavailable {
        return "no figure found";
    }
    match target.verification {
        Some(Verification::Verified) => "verified",
        Some(Verification::VerifiedDerived) => "verified (derived from an official review)",
        Some(Verification::VerifiedEn) => "summary only (English/French)",
        Some(Verification::VerifiedLocal) => "provincial restatement only",
        Some(Verification::Unverified) | None => "unverified",
        Some(Verification::Disputed) => "disputed",
        Some(Verification::NotFound) => "not found",
    }
}
