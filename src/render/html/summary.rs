//! The first page of the printable report: what a meeting acts on before
//! it turns to any plan. Counts per plan and kind, the largest shortfalls,
//! overdue tasks by the body that leads them, and what could not be
//! compared and why.

use std::fmt::Write;

use super::esc;
use crate::compare::{TargetRow, TargetStatus};
use crate::finding::{Finding, Kind, Rule, Severity};
use crate::i18n::{Label, Lang, format};
use crate::report::Report;
use crate::schedule::Standing;

/// How many rows the shortfall and owner tables list at most.
const LISTED: usize = 8;

pub(super) fn first_page(out: &mut String, report: &Report) {
    let lang = report.lang;
    let _ = writeln!(
        out,
        "<section class=\"summary\">\n<h2>{}</h2>",
        esc(Label::AtAGlance.text(lang))
    );
    counts(out, report);
    shortfalls(out, report);
    overdue_by_owner(out, report);
    not_compared(out, report);
    out.push_str("</section>\n");
}

/// A column of the counts: its head and the findings it counts.
type Column = (Label, fn(&Finding) -> bool);

/// One row per plan, one column per kind of finding, and a total.
fn counts(out: &mut String, report: &Report) {
    let lang = report.lang;
    let columns: [Column; 6] = [
        (Label::Gap, |f| f.kind == Kind::Gap),
        (Label::Shortfall, |f| f.kind == Kind::Shortfall),
        (Label::Conflicts, |f| f.kind == Kind::Conflict),
        (Label::Overdue, |f| {
            matches!(f.code, Rule::Overdue | Rule::MissedOccurrence)
        }),
        (Label::NotComparable, |f| f.kind == Kind::Comparison),
        (Label::Errors, |f| {
            f.kind == Kind::Validation && f.severity == Severity::Error
        }),
    ];
    out.push_str("<table class=\"counts\">\n<thead><tr><th>");
    out.push_str(&esc(Label::Plan.text(lang)));
    out.push_str("</th>");
    for (label, _) in &columns {
        let _ = write!(out, "<th>{}</th>", esc(&capitalized(label.text(lang))));
    }
    let _ = write!(out, "<th>{}</th>", esc(Label::Progress.text(lang)));
    out.push_str("</tr></thead>\n<tbody>\n");
    let mut totals = [0usize; 6];
    let mut shown = 0;
    for (number, plan) in super::reviewed(report) {
        shown += 1;
        let _ = write!(
            out,
            "<tr><td>{number}. {}</td>",
            esc(&plan.number.clone().unwrap_or_else(|| plan.id.clone()))
        );
        for (column, (_, wanted)) in columns.iter().enumerate() {
            let n = report
                .findings
                .iter()
                .filter(|f| f.is_new() && wanted(f) && super::belongs(f, plan))
                .count();
            totals[column] += n;
            let _ = write!(out, "<td class=\"num\">{n}</td>");
        }
        let progress = report
            .progress
            .iter()
            .find(|p| p.plan == plan.id)
            .map(std::slice::from_ref)
            .and_then(|p| crate::render::progress::status_counts(p, lang))
            .unwrap_or_else(|| "—".into());
        let _ = writeln!(out, "<td>{}</td></tr>", esc(&progress));
    }
    if shown > 1 {
        let _ = write!(out, "<tr class=\"total\"><td>{}</td>", esc(Label::Total.text(lang)));
        for total in totals {
            let _ = write!(out, "<td class=\"num\">{total}</td>");
        }
        out.push_str("<td></td></tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

/// The shortfalls furthest below the figure above, across all plans.
fn shortfalls(out: &mut String, report: &Report) {
    let lang = report.lang;
    let mut rows: Vec<(usize, &TargetRow)> = report
        .comparisons
        .iter()
        // Listed only where the counts above count shortfalls: not when
        // `--only` left them out, nor when every one was accepted.
        .filter(|c| {
            report.findings.iter().any(|f| {
                f.is_new() && f.kind == Kind::Shortfall && f.plan.as_deref() == Some(&c.plan)
            })
        })
        .flat_map(|c| {
            let plan = super::number_of(report, &c.plan);
            c.targets.iter().map(move |row| (plan, row))
        })
        .filter(|(_, row)| row.status == TargetStatus::Shortfall && row.difference.is_some())
        .collect();
    if rows.is_empty() {
        return;
    }
    rows.sort_by(|a, b| a.1.difference.partial_cmp(&b.1.difference).unwrap_or(std::cmp::Ordering::Equal));
    let _ = writeln!(out, "<h3>{}</h3>", esc(Label::LargestShortfalls.text(lang)));
    let header = [
        Label::PlanNumber,
        Label::Indicator,
        Label::Year,
        Label::Scheme,
        Label::PlanValue,
        Label::Difference,
    ];
    table_head(out, &header, lang);
    let catalogue = crate::catalogue::Catalogue::embedded();
    for (plan, row) in rows.iter().take(LISTED) {
        let value = |v: Option<&crate::i18n::Message>| v.map_or_else(|| "—".into(), |v| v.render(lang));
        let _ = writeln!(
            out,
            "<tr><td class=\"num\">{plan}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            esc(&catalogue.indicator_label(&row.indicator, lang)),
            row.year,
            esc(&value(row.scheme_value.as_ref())),
            esc(&value(row.plan_value.as_ref())),
            esc(&crate::render::report::difference_text(row, lang)),
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

/// Bodies with tasks overdue or occurrences missed, the most first.
fn overdue_by_owner(out: &mut String, report: &Report) {
    let lang = report.lang;
    let mut rows = Vec::new();
    for progress in &report.progress {
        let plan = super::number_of(report, &progress.plan);
        for owner in &progress.owners {
            let late: Vec<_> = owner
                .tasks
                .iter()
                .filter(|t| matches!(t.standing, Standing::Overdue | Standing::Missed))
                .collect();
            if late.is_empty() {
                continue;
            }
            let earliest = late.iter().filter_map(|t| t.due).min();
            let mut name = owner.name.clone().unwrap_or_else(|| Label::NoLeadNamed.text(lang).to_owned());
            if owner.collective {
                name.push_str(&format!(" ({})", Label::Collective.text(lang)));
            }
            rows.push((plan, name, late.len(), earliest));
        }
    }
    if rows.is_empty() {
        return;
    }
    rows.sort_by(|a, b| b.2.cmp(&a.2).then(a.3.cmp(&b.3)));
    let _ = writeln!(out, "<h3>{}</h3>", esc(Label::OverdueByOwner.text(lang)));
    table_head(out, &[Label::PlanNumber, Label::Owner, Label::Count, Label::Earliest], lang);
    for (plan, name, count, earliest) in rows.iter().take(LISTED) {
        let _ = writeln!(
            out,
            "<tr><td class=\"num\">{plan}</td><td>{}</td><td class=\"num\">{count}</td><td class=\"num\">{}</td></tr>",
            esc(name),
            earliest.map(|d| format::date(d, lang)).unwrap_or_default(),
        );
    }
    if rows.len() > LISTED {
        let _ = writeln!(out, "<tr><td></td><td>… (+{})</td><td></td><td></td></tr>", rows.len() - LISTED);
    }
    out.push_str("</tbody>\n</table>\n");
}

/// Why a comparison could not be made: the notices, plan by plan.
fn not_compared(out: &mut String, report: &Report) {
    let lang = report.lang;
    let notices: Vec<(usize, &Finding)> = report
        .findings
        .iter()
        .filter(|f| f.is_new() && f.kind == Kind::Comparison)
        .map(|f| {
            let plan = super::reviewed(report)
                .find(|(_, p)| super::belongs(f, p))
                .map_or(0, |(number, _)| number);
            (plan, f)
        })
        .collect();
    if notices.is_empty() {
        return;
    }
    let _ = writeln!(out, "<h3>{}</h3>", esc(Label::NotCompared.text(lang)));
    table_head(out, &[Label::PlanNumber, Label::Message], lang);
    for (plan, finding) in notices {
        let _ = writeln!(
            out,
            "<tr><td class=\"num\">{plan}</td><td>{}</td></tr>",
            crate::render::markup_message(&finding.message.render(lang))
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

/// "Còn thiếu" for a column's head, from the label "còn thiếu".
fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
}

fn table_head(out: &mut String, labels: &[Label], lang: Lang) {
    out.push_str("<table class=\"glance\">\n<thead><tr>");
    for label in labels {
        let _ = write!(out, "<th>{}</th>", esc(&capitalized(label.text(lang))));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
}
