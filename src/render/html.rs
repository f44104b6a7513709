//! The printable gap report: one self-contained HTML file (no network, no
//! script) laid out like the appendix of a Vietnamese administrative
//! document, with an SVG bar chart per indicator group.

use std::fmt::Write;

use crate::catalogue::Catalogue;
use crate::compare::{Comparison, TargetStatus};
use crate::finding::{Finding, Kind};
use crate::i18n::{self, Label, Lang};
use crate::model::Verification;
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

pub fn render(report: &Report) -> String {
    let lang = report.lang;
    let l = |label: Label| label.text(lang);
    let mut out = String::new();
    let title = l(Label::ReportTitle);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n",
        lang.pick("en", "vi"),
        esc(title)
    );
    header(&mut out, report);
    let _ = writeln!(out, "<h1>{}</h1>", esc(title));
    let _ = writeln!(
        out,
        "<p class=\"subtitle\">({} {})</p>",
        esc(l(Label::AsOf)),
        report.as_of
    );

    for comparison in report.comparisons.iter().filter(|c| !c.targets.is_empty()) {
        let _ = writeln!(
            out,
            "<h2>{}: {} {}</h2>",
            esc(&comparison.plan),
            esc(l(Label::Comparison)),
            esc(&comparison.against)
        );
        comparison_table(&mut out, comparison, lang);
        charts(&mut out, comparison, lang);
    }

    let schedule: Vec<&Finding> = report
        .findings
        .iter()
        .filter(|f| f.kind == Kind::Schedule)
        .collect();
    let _ = writeln!(out, "<h2>{}</h2>", esc(l(Label::OverdueAndDueSoon)));
    findings_table(&mut out, &schedule, lang);
    for schedule in &report.schedules {
        blocks(
            &mut out,
            &crate::render::report::schedule_blocks(schedule, lang),
        );
    }

    let others: Vec<&Finding> = report
        .findings
        .iter()
        .filter(|f| {
            matches!(
                f.kind,
                Kind::Gap | Kind::Shortfall | Kind::Conflict | Kind::Comparison
            )
        })
        .collect();
    let _ = writeln!(out, "<h2>{}</h2>", esc(l(Label::GapsAndShortfalls)));
    findings_table(&mut out, &others, lang);

    let validation: Vec<&Finding> = report
        .findings
        .iter()
        .filter(|f| f.kind == Kind::Validation)
        .collect();
    if !validation.is_empty() {
        let _ = writeln!(out, "<h2>{}</h2>", esc(l(Label::ValidationFindings)));
        findings_table(&mut out, &validation, lang);
    }

    let baselines: Vec<String> = report
        .baselines
        .iter()
        .map(|b| format!("{} (sha256 {})", b.id, &b.sha256[..12]))
        .collect();
    let _ = writeln!(
        out,
        "<p class=\"footer\">{} {} {} · {}: {}</p>",
        esc(l(Label::Generated)),
        report.tool.name,
        report.tool.version,
        esc(l(Label::Baselines)),
        esc(&baselines.join(", "))
    );
    out.push_str("</main>\n</body>\n</html>\n");
    out
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
        esc(lang.pick("Note", "Ghi chú")),
    );
    let catalogue = Catalogue::embedded();
    for (i, row) in comparison.targets.iter().enumerate() {
        let mut indicator = match catalogue.indicator(&row.indicator) {
            Some(known) => match lang {
                Lang::Vi => known.vi.to_string(),
                _ => known.en.clone(),
            },
            None => row.indicator.clone(),
        };
        if let Some(level) = row.level {
            let _ = write!(indicator, " ({} {level})", lang.pick("level", "mức độ"));
        }
        if let Some(condition) = &row.condition {
            let _ = write!(indicator, " [{condition}]");
        }
        let _ = write!(indicator, ", {}", row.year);
        let class = match row.status {
            TargetStatus::Gap => "gap",
            TargetStatus::Shortfall => "shortfall",
            TargetStatus::OwnFigure => "unverified",
            _ => "",
        };
        let flag = match row.verification.filter(|_| row.scheme_value.is_some()) {
            Some(flag) if !flag.is_solid() => Some(flag_note(flag, lang)),
            _ => None,
        };
        let note: Vec<String> = flag
            .into_iter()
            .chain(row.basis.as_ref().map(|b| b.render(lang)))
            .collect();
        let note = note.join("; ");
        let _ = writeln!(
            out,
            "<tr><td class=\"stt\">{}</td><td>{}<br><small>{}</small></td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"{class}\">{}</td><td class=\"unverified\">{}</td></tr>",
            i + 1,
            esc(&indicator),
            esc(&row.indicator),
            esc(&row
                .scheme_value
                .as_ref()
                .map_or_else(|| "—".into(), |v| v.render(lang))),
            esc(&row
                .plan_value
                .as_ref()
                .map_or_else(|| "—".into(), |v| v.render(lang))),
            esc(&target_status(&row.status, lang)),
            esc(&note),
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

fn flag_note(flag: Verification, lang: Lang) -> String {
    match flag {
        Verification::VerifiedEn => lang.pick(
            "national figure seen only in an English/French summary",
            "số liệu quốc gia chỉ thấy trong bản tóm tắt tiếng Anh/Pháp",
        ),
        Verification::VerifiedLocal => lang.pick(
            "national figure seen only in provincial restatements",
            "số liệu quốc gia chỉ thấy trong kế hoạch của địa phương",
        ),
        Verification::SingleSource => lang.pick(
            "national figure from a single source",
            "số liệu quốc gia chỉ có một nguồn",
        ),
        Verification::Disputed => lang.pick(
            "sources disagree on the national figure",
            "các nguồn không thống nhất",
        ),
        _ => lang.pick(
            "national figure unverified",
            "số liệu quốc gia chưa được kiểm chứng",
        ),
    }
    .to_owned()
}

/// One horizontal bar chart per indicator group, drawn only for pairs that
/// can be compared; a national bar resting on an unconfirmed figure is
/// hatched and starred.
fn charts(out: &mut String, comparison: &Comparison, lang: Lang) {
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
    if groups.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "<p class=\"legend\"><svg width=\"12\" height=\"10\"><rect width=\"12\" height=\"10\" fill=\"#9a9a9a\"/></svg> {} \
         <svg width=\"12\" height=\"10\"><rect width=\"12\" height=\"10\" fill=\"#1f4e9a\"/></svg> {} \
         <svg width=\"12\" height=\"10\"><rect width=\"12\" height=\"10\" fill=\"#b22222\"/></svg> {} · * {}</p>",
        esc(lang.pick("national", "quốc gia")),
        esc(lang.pick("local", "địa phương")),
        esc(lang.pick("local, below national", "địa phương, thấp hơn quốc gia")),
        esc(lang.pick(
            "national figure not confirmed in a Vietnamese source",
            "số liệu quốc gia chưa được xác nhận từ văn bản tiếng Việt"
        )),
    );
    for group in groups {
        let rows: Vec<_> = comparison
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
            .map_or(group.to_owned(), |g| match lang {
                Lang::Vi => g.vi.to_string(),
                _ => g.en.clone(),
            });
        let (label_w, bar_w, row_h) = (230.0, 400.0, 34.0);
        let height = rows.len() as f64 * row_h + 24.0;
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
            let y = i as f64 * row_h + 4.0;
            let short = row.indicator.rsplit('.').next().unwrap_or(&row.indicator);
            let mut label = format!("{short} {}", row.year);
            if let Some(level) = row.level {
                let _ = write!(label, " {}{level}", lang.pick("L", "mức "));
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
                let w = value / max * bar_w;
                let _ = write!(
                    out,
                    "<rect x=\"{label_w}\" y=\"{:.1}\" width=\"{w:.1}\" height=\"11\" fill=\"{fill}\"/>\
                     <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"10\" font-family=\"sans-serif\">{value}{}</text>",
                    y + offset + 2.0,
                    label_w + w + 4.0,
                    y + offset + 11.0,
                    if starred { "*" } else { "" }
                );
            }
        }
        out.push_str("</svg></figure>\n");
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
            esc(&f.location.file.display().to_string()),
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
