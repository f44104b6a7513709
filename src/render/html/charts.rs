//! The bar charts of the printable report: one per indicator group, each
//! with its own legend so the two never fall on different pages.

use std::fmt::Write;

use super::esc;
use crate::catalogue::Catalogue;
use crate::compare::{Comparison, TargetRow, TargetStatus};
use crate::i18n::Lang;
use crate::model::Verification;
use crate::msg;

/// One horizontal bar chart per indicator group, drawn only for pairs that
/// can be compared; a national bar resting on an unconfirmed figure is
/// hatched and starred.
pub(super) fn charts(out: &mut String, comparison: &Comparison, lang: Lang) {
    let groups = chart_groups(comparison);
    if groups.is_empty() {
        return;
    }
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
    // Each bar is named by its row's number in the table above, which no
    // two rows share, and the start of the indicator's name.
    let rows: Vec<(usize, &TargetRow)> = comparison
        .targets
        .iter()
        .enumerate()
        .map(|(i, row)| (i + 1, row))
        .filter(|(_, r)| r.plan_figure.is_some())
        .filter(|(_, r)| {
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
    legend(out, lang);
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 680 {height}\" width=\"100%\" role=\"img\" aria-label=\"{}\">\
         <defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">\
         <rect width=\"6\" height=\"6\" fill=\"#d0d0d0\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#707070\" stroke-width=\"2\"/></pattern></defs>",
        esc(&name)
    );
    let max = rows
        .iter()
        .flat_map(|(_, r)| [r.plan_figure, r.scheme_figure])
        .flatten()
        .fold(100.0_f64, f64::max);
    for (i, (number, row)) in rows.iter().enumerate() {
        let top = f64::from(u32::try_from(i).unwrap_or(u32::MAX)) * ROW_HEIGHT + 4.0;
        chart_row(out, *number, row, top, max, lang);
    }
    out.push_str("</svg></figure>\n");
}

/// A row's label and its two bars, national above local, at height `y`;
/// `max` is the figure a full-width bar stands for.
fn chart_row(out: &mut String, number: usize, row: &TargetRow, y: f64, max: f64, lang: Lang) {
    const NAME_CHARS: usize = 22;
    let name = Catalogue::embedded().indicator_label(&row.indicator, lang);
    let mut short: String = name.chars().take(NAME_CHARS).collect();
    if name.chars().count() > NAME_CHARS {
        short = format!("{}…", short.trim_end());
    }
    let mut label = format!("{number}. {short} {}", row.year);
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
             <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"10\" font-family=\"sans-serif\">{}{}</text>",
            y + offset + 2.0,
            LABEL_WIDTH + w + 4.0,
            y + offset + 11.0,
            crate::i18n::format::number(value, lang),
            if starred { "*" } else { "" }
        );
    }
}

