//! The roll-up as a printable heat map: one self-contained HTML page (no
//! network, no script), A4 landscape, a coloured cell per plan and target
//! with its symbol and figure, so it reads in black and white too.

use std::fmt::Write as _;

use crate::i18n::{Label, Lang};
use crate::msg;
use crate::render::escape_markup as esc;
use crate::render::report::Block;
use crate::rollup::{CellStatus, Rollup};

const STYLE: &str = r#"
@page { size: A4 landscape; margin: 12mm 10mm; }
* { box-sizing: border-box; }
body { font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; font-size: 10pt; color: #000; margin: 0; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
main { padding: 6mm 0; }
.maker { text-align: right; font-size: 8.5pt; color: #333; margin: 0; }
h1 { font-size: 13pt; text-align: center; text-transform: uppercase; margin: 2mm 0 1mm; }
.subtitle { text-align: center; font-style: italic; margin-bottom: 4mm; }
h2 { font-size: 11.5pt; margin: 5mm 0 2mm; break-after: avoid; }
table { border-collapse: collapse; margin-bottom: 4mm; font-size: 8.5pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 1px solid #555; padding: 0.6mm 1mm; vertical-align: top; }
th { background: #eee; font-weight: bold; text-align: center; }
table.matrix td.cell { text-align: center; white-space: nowrap; min-width: 9mm; }
table.matrix td:first-child, table.matrix td:nth-child(2) { white-space: nowrap; }
.meets { background: #c8e6c9; } .shortfall { background: #ef9a9a; font-weight: bold; }
.gap { background: #ffcc80; font-weight: bold; } .not-applicable { background: #eeeeee; color: #555; }
.undecided { background: #fff59d; } .outside { background: #fff; color: #999; }
.legend { font-size: 8.5pt; margin: 1mm 0 3mm; }
.legend span { display: inline-block; border: 1px solid #555; padding: 0 1.5mm; margin-right: 2mm; }
"#;

pub(super) fn draw(rollup: &Rollup) -> String {
    let lang = rollup.lang;
    let mut out = String::new();
    let title = super::title(rollup).render(lang);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n",
        lang.code(),
        esc(&title)
    );
    let _ = writeln!(
        out,
        "<p class=\"maker\">xhht {}</p>\n<h1>{}</h1>\n<p class=\"subtitle\">{}</p>",
        env!("CARGO_PKG_VERSION"),
        esc(&title),
        crate::render::markup_message(&super::scope(rollup).render(lang))
    );
    let _ = writeln!(
        out,
        "<h2>{}</h2>",
        esc(&msg!("rollup.heading.plans").render(lang))
    );
    if rollup.columns.is_empty() {
        let _ = writeln!(
            out,
            "<p>{}</p>",
            crate::render::markup_message(&super::no_targets(rollup).render(lang))
        );
    }
    if rollup.rows.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", esc(&msg!("rollup.no-rows").render(lang)));
    } else {
        legend(&mut out, lang);
        matrix(&mut out, rollup);
    }
    let _ = writeln!(
        out,
        "<p>{}</p>",
        crate::render::markup_message(&super::siblings(rollup).render(lang))
    );
    let mut rest = vec![
        Block::Heading(2, msg!("rollup.heading.targets").render(lang)),
        super::columns_table(rollup),
    ];
    rest.extend(super::coverage_blocks(rollup));
    rest.extend(super::left_out_blocks(rollup));
    crate::render::report::html(&mut out, &rest);
    out.push_str("</main>\n</body>\n</html>\n");
    crate::render::printable(&out, false)
}

fn class(status: CellStatus) -> &'static str {
    match status {
        CellStatus::Meets | CellStatus::Exceeds => "meets",
        CellStatus::Shortfall => "shortfall",
        CellStatus::Gap => "gap",
        CellStatus::NotApplicable | CellStatus::NotCommitted => "not-applicable",
        CellStatus::OutsidePeriod => "outside",
        CellStatus::ToFill
        | CellStatus::NotComparable
        | CellStatus::OwnFigure
        | CellStatus::NoNationalFigure
        | CellStatus::NoFigures
        | CellStatus::NotCompared => "undecided",
    }
}

fn legend(out: &mut String, lang: Lang) {
    out.push_str("<p class=\"legend\">");
    for status in [
        CellStatus::Meets,
        CellStatus::Shortfall,
        CellStatus::Gap,
        CellStatus::NotApplicable,
        CellStatus::NotComparable,
        CellStatus::OutsidePeriod,
    ] {
        let words = match status {
            CellStatus::NotComparable => msg!("rollup.column.undecided").render(lang),
            _ => super::status_text(status, lang),
        };
        let _ = write!(
            out,
            "<span class=\"{}\">{} {}</span>",
            class(status),
            super::symbol(status),
            esc(&words)
        );
    }
    out.push_str("</p>\n");
}

fn matrix(out: &mut String, rollup: &Rollup) {
    let lang = rollup.lang;
    let _ = write!(
        out,
        "<table class=\"matrix\">\n<thead><tr><th>{}</th><th>{}</th>",
        esc(Label::Plan.text(lang)),
        esc(&msg!("rollup.column.jurisdiction").render(lang))
    );
    for (i, column) in rollup.columns.iter().enumerate() {
        let name = format!(
            "{} ({}): {}",
            super::column_name(column, lang),
            column.year,
            super::column_value(column, lang)
        );
        let _ = write!(out, "<th title=\"{}\">{}</th>", esc(&name), i + 1);
    }
    let _ = writeln!(
        out,
        "<th>{}</th><th>{}</th></tr></thead>\n<tbody>",
        esc(&msg!("rollup.column.below-parent").render(lang)),
        esc(Label::Error.text(lang))
    );
    for row in &rollup.rows {
        let _ = write!(
            out,
            "<tr><td>{}</td><td>{}</td>",
            esc(&row.plan),
            esc(&row.jurisdiction)
        );
        for cell in &row.cells {
            let why = super::status_with_reason(cell, lang);
            let _ = write!(
                out,
                "<td class=\"cell {}\" title=\"{}\">{}</td>",
                class(cell.status),
                esc(&why),
                esc(&super::cell_text(cell, lang))
            );
        }
        let _ = writeln!(
            out,
            "<td>{}</td><td class=\"num\">{}</td></tr>",
            esc(&super::below_parent(row, lang)),
            row.errors
        );
    }
    out.push_str("</tbody>\n</table>\n");
}
