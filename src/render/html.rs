//! The printable gap report: one self-contained HTML file (no network, no
//! script) laid out like the appendix of a Vietnamese administrative
//! document, with an SVG bar chart per indicator group.

use std::borrow::Cow;
use std::fmt::Write;

use crate::catalogue::Catalogue;
use crate::compare::{Comparison, TargetRow, TargetStatus};
use crate::finding::{Finding, Kind};
use crate::i18n::{self, Label, Lang, Localize};
use crate::model::Verification;
use crate::msg;
use crate::render::report::{Block, target_status};
use crate::report::Report;

const STYLE: &str = r#"
@page { size: A4; margin: 18mm 15mm 18mm 20mm; }
* { box-sizing: border-box; }
body { font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; font-size: 12pt; color: #000; margin: 0; }
main { max-width: 180mm; margin: 0 auto; padding: 8mm 0; }
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
figcaption { font-weight: bold; margin-bottom: 1mm; }
.footer { font-size: 9pt; margin-top: 8mm; color: #333; }
@media print { main { padding: 0; } }
"#;

pub(super) fn draw(input: &super::Input<'_>) -> String {
    super::printable(&render(input.report), false)
}

fn render(report: &Report) -> String {
    let lang = report.lang;
    let mut out = String::new();
    head(&mut out, report);
    for comparison in report.comparisons.iter().filter(|c| !c.targets.is_empty()) {
        let _ = writeln!(
            out,
            "<h2>{}: {} {}</h2>",
            esc(&comparison.plan),
            esc(Label::Comparison.text(lang)),
            esc(&comparison.against)
        );
        comparison_table(&mut out, comparison, lang);
        charts(&mut out, comparison, lang);
    }
    schedule(&mut out, report);
    findings_sections(&mut out, report);
    footer(&mut out, report);
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// The document's head, the page's letterhead and its title.
fn head(out: &mut String, report: &Report) {
    let lang = report.lang;
    let title = Label::ReportTitle.text(lang);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n",
        lang.code(),
        esc(title)
    );
    header(out, report);
    let _ = writeln!(out, "<h1>{}</h1>", esc(title));
    let _ = writeln!(
        out,
        "<p class=\"subtitle\">({} {})</p>",
        esc(Label::AsOf.text(lang)),
        report.as_of
    );
}

fn schedule(out: &mut String, report: &Report) {
    let lang = report.lang;
    let _ = writeln!(out, "<h2>{}</h2>", esc(Label::OverdueAndDueSoon.text(lang)));
    findings_table(out, &of_kind(report, |k| k == Kind::Schedule), lang);
    for schedule in &report.schedules {
        blocks(out, &crate::render::report::schedule_blocks(schedule, lang));
    }
    blocks(out, &crate::render::report::progress_blocks(report));
}

/// Gaps, shortfalls and conflicts always, validation findings when any.
fn findings_sections(out: &mut String, report: &Report) {
    let lang = report.lang;
    let others = of_kind(report, |k| {
        matches!(
            k,
            Kind::Gap | Kind::Shortfall | Kind::Conflict | Kind::Comparison
        )
    });
    let _ = writeln!(out, "<h2>{}</h2>", esc(Label::GapsAndShortfalls.text(lang)));
    findings_table(out, &others, lang);

    let validation = of_kind(report, |k| k == Kind::Validation);
    if !validation.is_empty() {
        let _ = writeln!(out, "<h2>{}</h2>", esc(Label::ValidationFindings.text(lang)));
        findings_table(out, &validation, lang);
    }
}

fn of_kind(report: &Report, wanted: impl Fn(Kind) -> bool) -> Vec<&Finding> {
    // With --accepted, the findings the accepted file covers are counted in
    // the summary, not listed again.
    report
        .findings
        .iter()
        .filter(|f| wanted(f.kind) && f.is_new())
        .collect()
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

/// Issuer on the left, the national motto on the right, as on the first page
/// of every administrative document.
fn header(out: &mut String, report: &Report) {
    let Some(plan) = report
        .plans
        .iter()
        .find(|p| p.level != crate::model::Level::National)
        .or(report.plans.first())
    else {
        return;
    };
    let number = plan
        .number
        .as_deref()
        .map(|n| format!("Số: {n}"))
        .unwrap_or_default();
    let date = plan
        .date
        .map(|d| format!("ngày {}", d.0.strftime("%d/%m/%Y")))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "<div class=\"header\"><div><div class=\"issuer\">{}</div><div>{}</div></div>\
         <div><div class=\"motto\">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<span>Độc lập - Tự do - Hạnh phúc</span></div><div><i>{}</i></div></div></div>",
        esc(&plan.issuer),
        esc(&number),
        esc(&date)
    );
    let _ = writeln!(out, "<p class=\"subtitle\">{}</p>", esc(&plan.title));
}

fn comparison_table(out: &mut String, comparison: &Comparison, lang: Lang) {
    let l = |label: Label| label.text(lang);
    let _ = writeln!(
        out,
        "<table class=\"targets\">\n<colgroup><col class=\"stt\"><col class=\"ind\"><col class=\"val\"><col class=\"val\"><col class=\"status\"><col class=\"note\"></colgroup>\n\
         <thead><tr><th>STT</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>",
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
            "<tr><td class=\"stt\">{}</td><td>{}<br><small>{}</small></td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"{class}\">{}</td><td class=\"unverified\">{}</td></tr>",
            i + 1,
            esc(&indicator_cell(row, lang)),
            esc(&row.indicator),
            esc(&value_cell(row.scheme_value.as_ref(), lang)),
            esc(&value_cell(row.plan_value.as_ref(), lang)),
            esc(&target_status(&row.status, lang)),
            esc(&row_note(row, lang)),
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
    let mut cell = match Catalogue::embedded().indicator(&row.indicator) {
        #[expect(
            clippy::match_wildcard_for_single_variants,
            reason = "indicator names are recorded in Vietnamese and English; other languages read the English"
        )]
        Some(known) => match lang {
            Lang::Vi => known.vi.to_string(),
            _ => known.en.clone(),
        },
        None => row.indicator.clone(),
    };
    if let Some(level) = row.level {
        let _ = write!(cell, " ({})", msg!("render.html.level", level).render(lang));
    }
    if let Some(condition) = &row.condition {
        let _ = write!(cell, " [{}]", condition.localize(lang));
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

/// One horizontal bar chart per indicator group, drawn only for pairs that
/// can be compared; a national bar resting on an unconfirmed figure is
/// hatched and starred.
fn charts(out: &mut String, comparison: &Comparison, lang: Lang) {
    let groups = chart_groups(comparison);
    if groups.is_empty() {
        return;
    }
    legend(out, lang);
    for group in groups {
        chart(out, comparison, group, lang);
    }
}

/// The catalogue's groups of the rows that have a local figure, in the
/// order the rows first name them.
fn chart_groups(comparison: &Comparison) -> Vec<&'static str> {
    let catalogue = Catalogue::embedded();
    let mut groups: Vec<&str> = Vec::new();
    for row in &comparison.targets {
        if row.plan_figure.is_some()
            && let Some(indicator) = catalogue.indicator(&row.indicator)
            && !groups.contains(&indicator.group.as_str())
        {
            groups.push(&indicator.group);
        }
    }
    groups
}

fn legend(out: &mut String, lang: Lang) {
    let _ = writeln!(
        out,
        "<p class=\"legend\"><svg width=\"12\" height=\"10\"><rect width=\"12\" height=\"10\" fill=\"#9a9a9a\"/></svg> {} \
         <svg width=\"12\" height=\"10\"><rect width=\"12\" height=\"10\" fill=\"#1f4e9a\"/></svg> {} \
         <svg width=\"12\" height=\"10\"><rect width=\"12\" height=\"10\" fill=\"#b22222\"/></svg> {} · * {}</p>",
        esc(lang.fixed("render.html.legend.national")),
        esc(lang.fixed("render.html.legend.local")),
        esc(lang.fixed("render.html.legend.below-national")),
        esc(lang.fixed("render.html.legend.unconfirmed")),
    );
}

/// Width of the row labels, of the longest bar, and height of a row, in
/// the chart's units.
const LABEL_WIDTH: f64 = 230.0;
const BAR_WIDTH: f64 = 400.0;
const ROW_HEIGHT: f64 = 34.0;

fn chart(out: &mut String, comparison: &Comparison, group: &str, lang: Lang) {
    let catalogue = Catalogue::embedded();
    let rows: Vec<&TargetRow> = comparison
        .targets
        .iter()
        .filter(|r| r.plan_figure.is_some())
        .filter(|r| {
            catalogue
                .indicator(&r.indicator)
                .is_some_and(|i| i.group == group)
        })
        .collect();
    let name = catalogue
        .group(group)
        .map_or(group.to_owned(), |g| {
            #[expect(
                clippy::match_wildcard_for_single_variants,
                reason = "group names are recorded in Vietnamese and English; other languages read the English"
            )]
            match lang {
            Lang::Vi => g.vi.to_string(),
            _ => g.en.clone(),
            }
        });
    let height = f64::from(u32::try_from(rows.len()).unwrap_or(u32::MAX)) * ROW_HEIGHT + 24.0;
    let _ = writeln!(out, "<figure><figcaption>{}</figcaption>", esc(&name));
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 680 {height}\" width=\"100%\" role=\"img\" aria-label=\"{}\">\
         <defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">\
         <rect width=\"6\" height=\"6\" fill=\"#d0d0d0\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#707070\" stroke-width=\"2\"/></pattern></defs>",
        esc(&name)
    );
    let max = rows
        .iter()
        .flat_map(|r| [r.plan_figure, r.scheme_figure])
        .flatten()
        .fold(100.0_f64, f64::max);
    for (i, row) in rows.iter().enumerate() {
        let top = f64::from(u32::try_from(i).unwrap_or(u32::MAX)) * ROW_HEIGHT + 4.0;
        chart_row(out, row, top, max, lang);
    }
    out.push_str("</svg></figure>\n");
}

/// A row's label and its two bars, national above local, at height `y`;
/// `max` is the figure a full-width bar stands for.
fn chart_row(out: &mut String, row: &TargetRow, y: f64, max: f64, lang: Lang) {
    let short = row.indicator.rsplit('.').next().unwrap_or(&row.indicator);
    let mut label = format!("{short} {}", row.year);
    if let Some(level) = row.level {
        let _ = write!(label, " {}", msg!("render.html.chart-level", level).render(lang));
    }
    let _ = write!(
        out,
        "<text x=\"0\" y=\"{:.1}\" font-size=\"11\" font-family=\"sans-serif\">{}</text>",
        y + 18.0,
        esc(&label)
    );
    let solid = row.verification.is_some_and(Verification::is_solid);
    let bars = [
        (
            row.scheme_figure,
            if solid { "#9a9a9a" } else { "url(#hatch)" },
            0.0,
            !solid,
        ),
        (
            row.plan_figure,
            if row.status == TargetStatus::Shortfall {
                "#b22222"
            } else {
                "#1f4e9a"
            },
            13.0,
            false,
        ),
    ];
    for (value, fill, offset, starred) in bars {
        let Some(value) = value else { continue };
        let w = value / max * BAR_WIDTH;
        let _ = write!(
            out,
            "<rect x=\"{LABEL_WIDTH}\" y=\"{:.1}\" width=\"{w:.1}\" height=\"11\" fill=\"{fill}\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"10\" font-family=\"sans-serif\">{value}{}</text>",
            y + offset + 2.0,
            LABEL_WIDTH + w + 4.0,
            y + offset + 11.0,
            if starred { "*" } else { "" }
        );
    }
}

/// Blocks laid out once for every format (the schedule's), in this page's
/// style.
fn blocks(out: &mut String, blocks: &[Block]) {
    for block in blocks {
        match block {
            Block::Heading(level, text) => {
                let _ = writeln!(out, "<h{level}>{}</h{level}>", esc(text));
            }
            Block::Para(text) => {
                let _ = writeln!(out, "<p class=\"legend\">{}</p>", esc(text));
            }
            Block::Table { header, rows } => {
                out.push_str("<table>\n<thead><tr>");
                for cell in header {
                    let _ = write!(out, "<th>{}</th>", esc(cell));
                }
                out.push_str("</tr></thead>\n<tbody>\n");
                for row in rows {
                    out.push_str("<tr>");
                    for cell in row {
                        let _ = write!(out, "<td>{}</td>", esc(cell));
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</tbody>\n</table>\n");
            }
        }
    }
}

fn findings_table(out: &mut String, findings: &[&Finding], lang: Lang) {
    let l = |label: Label| label.text(lang);
    if findings.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", esc(l(Label::NoFindings)));
        return;
    }
    let _ = writeln!(
        out,
        "<table class=\"findings\">\n<colgroup><col class=\"stt\"><col class=\"sev\"><col class=\"code\"><col class=\"loc\"><col class=\"msg\"></colgroup>\n\
         <thead><tr><th>STT</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>",
        esc(l(Label::Severity)),
        esc(l(Label::Code)),
        esc(l(Label::Location)),
        esc(l(Label::Message)),
    );
    for (i, f) in findings.iter().enumerate() {
        let _ = writeln!(
            out,
            "<tr><td class=\"stt\">{}</td><td>{}</td><td>{}</td><td>{}:{}</td><td>{}</td></tr>",
            i + 1,
            esc(i18n::severity(f.severity, lang)),
            f.code.code(),
            esc(&super::shown_path(&f.location.file)),
            f.location.line,
            esc(&f.message.render(lang)),
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
