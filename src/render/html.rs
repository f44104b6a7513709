//! The printable gap report: one self-contained HTML file (no network, no
//! script) laid out like the appendix of a Vietnamese administrative
//! document, with an SVG bar chart per indicator group.

use std::borrow::Cow;
use std::fmt::Write;

use crate::catalogue::Catalogue;
use crate::compare::{Comparison, TargetRow, TargetStatus};
use crate::finding::{Finding, Kind};
use crate::i18n::{self, Label, Lang, Localize, format};
use crate::model::Verification;
use crate::msg;
use crate::render::report::{Block, target_status};
use crate::report::{PlanSchedule, PlanSummary, Report};

const STYLE: &str = r#"
@page { size: A4; margin: 18mm 15mm 18mm 20mm; }
* { box-sizing: border-box; }
body { font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; font-size: 12pt; color: #000; margin: 0; }
main { max-width: 180mm; margin: 0 auto; padding: 8mm 0; }
header.report { margin-bottom: 6mm; }
header.report .maker { text-align: right; font-size: 9.5pt; color: #333; margin: 0; }
table.meta th { width: 28%; text-align: left; background: #f4f4f4; }
table.meta { font-size: 10.5pt; }
section.plan { break-before: page; }
section.summary h3 { margin-top: 3mm; }
table.counts, table.glance { table-layout: auto; }
table.counts th, table.glance th, table.counts td, table.glance td { overflow-wrap: normal; }
tr.total td { font-weight: bold; }
code { font-family: inherit; font-size: inherit; }
table.findings col.owner { width: 18%; }
.header { display: flex; justify-content: space-between; text-align: center; margin-bottom: 6mm; font-size: 11pt; }
.header > div:first-child { width: 42%; }
.header > div:last-child { width: 56%; }
.header .issuer { font-weight: bold; text-transform: uppercase; }
.header .motto { font-weight: bold; }
.header .motto span { display: block; font-weight: bold; text-decoration: underline; }
h1 { font-size: 14pt; text-align: center; text-transform: uppercase; margin: 4mm 0 1mm; }
.subtitle { text-align: center; font-style: italic; margin-bottom: 6mm; }
h2 { font-size: 13pt; margin: 6mm 0 2mm; break-after: avoid; }
h3 { font-size: 12pt; margin: 4mm 0 2mm; break-after: avoid; }
table { width: 100%; border-collapse: collapse; margin-bottom: 4mm; font-size: 10pt; table-layout: fixed; }
td, th { overflow-wrap: anywhere; }
table.targets col.stt { width: 8%; } table.targets col.ind { width: 36%; } table.targets col.val { width: 10%; }
table.targets col.status { width: 16%; } table.targets col.note { width: 20%; }
table.findings col.stt { width: 8%; } table.findings col.sev { width: 12%; } table.findings col.code { width: 10%; }
table.findings col.loc { width: 22%; } table.findings col.msg { width: 48%; }
td small { color: #444; font-size: 8.5pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 1px solid #000; padding: 1.5mm 2mm; vertical-align: top; }
th { background: #eee; font-weight: bold; text-align: center; }
td.num { text-align: right; white-space: nowrap; }
td.stt { text-align: center; width: 9mm; }
.shortfall, .gap { font-weight: bold; }
.unverified { font-style: italic; }
.legend { font-size: 9.5pt; margin: 1mm 0 4mm; }
figure { margin: 0 0 5mm; break-inside: avoid; }
figure .legend { margin: 0 0 1mm; }
figcaption { font-weight: bold; margin-bottom: 1mm; }
.footer { font-size: 9pt; margin-top: 8mm; color: #333; }
@media print { main { padding: 0; } }
"#;

mod charts;
mod summary;

pub(super) fn draw(input: &super::Input<'_>) -> String {
    super::printable(&render(input.report), false)
}

fn render(report: &Report) -> String {
    let mut out = String::new();
    head(&mut out, report);
    report_header(&mut out, report);
    summary::first_page(&mut out, report);
    for (number, plan) in reviewed(report) {
        plan_section(&mut out, report, number, plan);
    }
    unplaced_findings(&mut out, report);
    footer(&mut out, report);
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// The document's head.
fn head(out: &mut String, report: &Report) {
    let lang = report.lang;
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n",
        lang.code(),
        esc(Label::ReportTitle.text(lang))
    );
}

/// The report's own header: what it is, which plans it reviews against
/// which documents, as of when, made when and by what. Never a plan's
/// letterhead: the report is not the plan.
fn report_header(out: &mut String, report: &Report) {
    let lang = report.lang;
    let l = |label: Label| esc(label.text(lang));
    let _ = writeln!(
        out,
        "<header class=\"report\"><p class=\"maker\">xhht {} · {} {}</p>\n<h1>{}</h1>\n<p class=\"subtitle\">{} {}</p>",
        report.tool.version,
        l(Label::MadeOn),
        format::date(report.generated, lang),
        l(Label::ReportTitle),
        l(Label::AsOf),
        format::date(report.as_of, lang),
    );
    out.push_str("<table class=\"meta\">\n");
    let plans: Vec<String> = reviewed(report)
        .map(|(number, p)| format!("{number}. {}", esc(&plan_name(p, lang))))
        .collect();
    let _ = writeln!(
        out,
        "<tr><th>{}</th><td>{}</td></tr>",
        l(Label::PlansReviewed),
        plans.join("<br>")
    );
    let mut against: Vec<String> = Vec::new();
    for comparison in &report.comparisons {
        let name = match &comparison.against_number {
            Some(number) => format!("{number}: {}", comparison.against_title),
            None => comparison.against_title.clone(),
        };
        if !against.contains(&name) {
            against.push(name);
        }
    }
    if !against.is_empty() {
        let against: Vec<String> = against.iter().map(|a| esc(a)).collect();
        let _ = writeln!(
            out,
            "<tr><th>{}</th><td>{}</td></tr>",
            l(Label::ComparedWith),
            against.join("<br>")
        );
    }
    out.push_str("</table>\n</header>\n");
}

/// The plans the report reviews, numbered: the run's local plans; the
/// national schemes in it are what they are compared with, unless the run
/// holds nothing else.
pub(super) fn reviewed(report: &Report) -> impl Iterator<Item = (usize, &PlanSummary)> {
    let local = report
        .plans
        .iter()
        .any(|p| p.level != crate::model::Level::National);
    report
        .plans
        .iter()
        .filter(move |p| !local || p.level != crate::model::Level::National)
        .enumerate()
        .map(|(i, p)| (i + 1, p))
}

/// The number a plan has in the report, 0 for one not reviewed.
fn number_of(report: &Report, id: &str) -> usize {
    reviewed(report)
        .find(|(_, p)| p.id == id)
        .map_or(0, |(number, _)| number)
}

/// "Kế hoạch 1960/KH-UBND ngày 02/06/2020 của Ủy ban nhân dân tỉnh Ninh Thuận: title".
fn plan_name(plan: &PlanSummary, lang: Lang) -> String {
    let mut cited = plan.title.clone();
    let mut by = Vec::new();
    if let Some(number) = &plan.number {
        by.push(number.clone());
    }
    if let Some(date) = plan.date {
        by.push(format::date(date, lang));
    }
    by.push(plan.issuer.clone());
    cited.push_str(&format!(" ({})", by.join(", ")));
    if let Some(successor) = &plan.successor {
        cited.push_str(&format!(". {}", successor.render(lang)));
    }
    cited
}

/// Everything about one plan under its own heading: its comparisons, its
/// findings by kind, its deadlines and its progress.
fn plan_section(out: &mut String, report: &Report, number: usize, plan: &PlanSummary) {
    let lang = report.lang;
    let l = |label: Label| label.text(lang);
    let _ = writeln!(
        out,
        "<section class=\"plan\">\n<h2>{number}. {}</h2>\n<p class=\"legend\">{}: {}</p>",
        esc(&plan.title),
        esc(l(Label::Location)),
        esc(&super::display_path(&plan.file)),
    );
    let mine = |kinds: &[Kind]| -> Vec<&Finding> {
        report
            .findings
            .iter()
            .filter(|f| f.is_new() && kinds.contains(&f.kind) && belongs(f, plan))
            .collect()
    };
    for comparison in report.comparisons.iter().filter(|c| c.plan == plan.id) {
        if !comparison.targets.is_empty() {
            let _ = writeln!(
                out,
                "<h3>{} {}</h3>",
                esc(l(Label::Comparison)),
                esc(comparison.against_label())
            );
            comparison_table(out, comparison, lang);
            charts::charts(out, comparison, lang);
        }
        if !comparison.duties.is_empty() {
            let duties = crate::render::report::comparison_blocks(comparison, lang);
            super::report::html(out, duties.iter().skip_while(|b| !is_duties_heading(b, lang)));
        }
    }
    for (label, kinds) in [
        (Label::GapsAndShortfalls, &[Kind::Gap, Kind::Shortfall][..]),
        (Label::Conflicts, &[Kind::Conflict]),
        (Label::ComparisonNotices, &[Kind::Comparison]),
    ] {
        let _ = writeln!(out, "<h3>{}</h3>", esc(l(label)));
        findings_table(out, &mine(kinds), lang, None);
    }
    if let Some(schedule) = report.schedules.iter().find(|s| s.plan == plan.id) {
        let _ = writeln!(out, "<h3>{}</h3>", esc(l(Label::OverdueAndDueSoon)));
        findings_table(out, &mine(&[Kind::Schedule]), lang, Some(schedule));
        let rows = crate::render::report::schedule_blocks(schedule, lang);
        super::report::html(out, rows.iter().skip(1));
    }
    if let Some(progress) = report.progress.iter().find(|p| p.plan == plan.id) {
        let as_of_year = u16::try_from(report.as_of.year()).unwrap_or_default();
        let _ = writeln!(out, "<h3>{}</h3>", esc(l(Label::Progress)));
        super::report::html(out, &crate::render::progress::target_blocks(progress, as_of_year, lang));
        let _ = writeln!(out, "<h3>{}</h3>", esc(l(Label::Responsibilities)));
        super::report::html(out, &crate::render::progress::owner_blocks(&progress.owners, lang));
    }
    let validation = mine(&[Kind::Validation]);
    if !validation.is_empty() {
        let _ = writeln!(out, "<h3>{}</h3>", esc(l(Label::ValidationFindings)));
        findings_table(out, &validation, lang, None);
    }
    out.push_str("</section>\n");
}

fn is_duties_heading(block: &Block, lang: Lang) -> bool {
    matches!(block, Block::Heading(_, text) if text.contains(Label::Duties.text(lang)))
}

/// Whether a finding is about `plan`: named so, or found in its file.
pub(super) fn belongs(finding: &Finding, plan: &PlanSummary) -> bool {
    match &finding.plan {
        Some(id) => *id == plan.id,
        None => finding.location.file == plan.file,
    }
}

/// Findings about no plan of the report: a file that did not load.
fn unplaced_findings(out: &mut String, report: &Report) {
    let loose: Vec<&Finding> = report
        .findings
        .iter()
        .filter(|f| f.is_new() && !reviewed(report).any(|(_, p)| belongs(f, p)))
        .collect();
    if !loose.is_empty() {
        let _ = writeln!(
            out,
            "<section class=\"plan\">\n<h2>{}</h2>",
            esc(Label::ValidationFindings.text(report.lang))
        );
        findings_table(out, &loose, report.lang, None);
        out.push_str("</section>\n");
    }
}

fn footer(out: &mut String, report: &Report) {
    let lang = report.lang;
    let baselines: Vec<String> = report
        .baselines
        .iter()
        .map(|b| format!("{} (sha256 {})", b.id, &b.sha256[..12]))
        .collect();
    let _ = writeln!(
        out,
        "<p class=\"footer\">{} {} {} · {}: {}</p>",
        esc(Label::Generated.text(lang)),
        report.tool.name,
        report.tool.version,
        esc(Label::Baselines.text(lang)),
        esc(&baselines.join(", "))
    );
}

fn comparison_table(out: &mut String, comparison: &Comparison, lang: Lang) {
    let l = |label: Label| label.text(lang);
    let _ = writeln!(
        out,
        "<table class=\"targets\">\n<colgroup><col class=\"stt\"><col class=\"ind\"><col class=\"val\"><col class=\"val\"><col class=\"status\"><col class=\"note\"></colgroup>\n\
         <thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>",
        esc(l(Label::Number)),
        esc(l(Label::Indicator)),
        esc(l(Label::Scheme)),
        esc(l(Label::PlanValue)),
        esc(l(Label::Status)),
        esc(lang.fixed("render.html.note")),
    );
    for (i, row) in comparison.targets.iter().enumerate() {
        let class = match row.status {
            TargetStatus::Gap => "gap",
            TargetStatus::Shortfall => "shortfall",
            TargetStatus::OwnFigure => "unverified",
            _ => "",
        };
        let _ = writeln!(
            out,
            "<tr><td class=\"stt\">{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"{class}\">{}</td><td class=\"unverified\">{}</td></tr>",
            i + 1,
            esc(&indicator_cell(row, lang)),
            esc(&value_cell(row.scheme_value.as_ref(), lang)),
            esc(&value_cell(row.plan_value.as_ref(), lang)),
            super::markup_message(&target_status(&row.status, lang)),
            super::markup_message(&row_note(row, lang)),
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

/// A side's value in `lang`, or a dash where that side has none.
fn value_cell(value: Option<&impl Localize>, lang: Lang) -> Cow<'_, str> {
    value.map_or(Cow::Borrowed("—"), |value| value.localize(lang))
}

/// The indicator's name in `lang` where the catalogue knows it, with the
/// level, condition and year the row is about.
fn indicator_cell(row: &TargetRow, lang: Lang) -> String {
    let catalogue = Catalogue::embedded();
    let mut cell = catalogue.indicator_label(&row.indicator, lang);
    if let Some(level) = row.level {
        let _ = write!(cell, " ({})", msg!("render.html.level", level).render(lang));
    }
    if let Some(condition) = &row.condition {
        let _ = write!(cell, " [{}]", catalogue.condition_label(condition, lang));
    }
    let _ = write!(cell, ", {}", row.year);
    cell
}

/// Why the national figure is doubtful, and how the pair was made comparable.
fn row_note(row: &TargetRow, lang: Lang) -> String {
    let flag = match row.verification.filter(|_| row.scheme_value.is_some()) {
        Some(flag) if !flag.is_solid() => Some(Cow::Borrowed(flag_note(flag, lang))),
        _ => None,
    };
    let basis = row.basis.as_ref().map(|basis| basis.localize(lang));
    let note: Vec<Cow<str>> = flag.into_iter().chain(basis).collect();
    note.join("; ")
}

fn flag_note(flag: Verification, lang: Lang) -> &'static str {
    lang.fixed(match flag {
        Verification::VerifiedEn => "render.html.flag.verified-en",
        Verification::VerifiedLocal => "render.html.flag.verified-local",
        Verification::SingleSource => "render.html.flag.single-source",
        Verification::Disputed => "render.html.flag.disputed",
        _ => "render.html.flag.unverified",
    })
}

/// Findings, numbered; with the plan's schedule, the owner of each task too.
/// Hints are left out: they tell the plan's author what to type in its file,
/// which a printed page for a meeting has no use for.
fn findings_table(
    out: &mut String,
    findings: &[&Finding],
    lang: Lang,
    schedule: Option<&PlanSchedule>,
) {
    let l = |label: Label| label.text(lang);
    if findings.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", esc(l(Label::NoFindings)));
        return;
    }
    let owner_head = match schedule {
        Some(_) => format!("<th>{}</th>", esc(l(Label::Owner))),
        None => String::new(),
    };
    let owner_col = if schedule.is_some() { "<col class=\"owner\">" } else { "" };
    let _ = writeln!(
        out,
        "<table class=\"findings\">\n<colgroup><col class=\"stt\"><col class=\"sev\"><col class=\"code\"><col class=\"loc\">{owner_col}<col class=\"msg\"></colgroup>\n\
         <thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th>{owner_head}<th>{}</th></tr></thead>\n<tbody>",
        esc(l(Label::Number)),
        esc(l(Label::Severity)),
        esc(l(Label::Code)),
        esc(l(Label::Location)),
        esc(l(Label::Message)),
    );
    for (i, f) in findings.iter().enumerate() {
        let owner = schedule.map(|schedule| {
            let owner = schedule
                .rows
                .iter()
                .find(|row| Some(&row.task) == f.subject.as_ref())
                .map_or("", |row| row.owner.as_str());
            format!("<td>{}</td>", esc(owner))
        });
        let _ = writeln!(
            out,
            "<tr><td class=\"stt\">{}</td><td>{}</td><td>{}</td><td>{}:{}</td>{}<td>{}</td></tr>",
            i + 1,
            esc(i18n::severity(f.severity, lang)),
            f.code.code(),
            esc(&super::display_path(&f.location.file)),
            f.location.line,
            owner.unwrap_or_default(),
            super::markup_message(&f.message.render(lang)),
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

fn esc(text: &str) -> String {
    super::escape_markup(text)
}

#[cfg(test)]
mod tests {
    use super::esc;

    #[test]
    fn plan_text_cannot_inject_markup() {
        assert_eq!(
            esc("<script>\"Sở GD&ĐT\"</script>"),
            "&lt;script&gt;&quot;Sở GD&amp;ĐT&quot;&lt;/script&gt;"
        );
    }
}
