//! The roll-up as an Excel workbook: the matrix (a figure and a coloured
//! verdict per target), the targets with their counts, the units without a
//! plan, and the plans left out.

use crate::date::CivilDate;
use crate::i18n::{Label, Lang, Message};
use crate::msg;
use crate::render::book::{Cell, Sheet, Tone, workbook};
use crate::rollup::{CellStatus, Rollup};

pub(super) fn draw(rollup: &Rollup, made: CivilDate) -> Vec<u8> {
    let sheets = [
        matrix(rollup),
        targets(rollup),
        units(rollup),
        left_out(rollup),
    ];
    // Writing to memory fails only on a sheet Excel cannot hold, which
    // `workbook` cuts to size first.
    workbook(&sheets, made, rollup.lang).expect("a workbook in memory")
}

fn text(id: &'static str, lang: Lang) -> String {
    Message::new(id, Vec::new()).render(lang)
}

fn tone(status: CellStatus) -> Tone {
    match status {
        CellStatus::Shortfall | CellStatus::Gap => Tone::Bad,
        CellStatus::Meets | CellStatus::Exceeds => Tone::Good,
        // As the report's workbook colours them: a figure to fill in is
        // the plan's to act on, the rest cannot be judged.
        CellStatus::ToFill => Tone::Caution,
        CellStatus::NotApplicable
        | CellStatus::NotCommitted
        | CellStatus::OutsidePeriod
        | CellStatus::NotComparable
        | CellStatus::OwnFigure
        | CellStatus::NoNationalFigure
        | CellStatus::NoFigures
        | CellStatus::NotCompared => Tone::Muted,
    }
}

fn matrix(rollup: &Rollup) -> Sheet {
    let lang = rollup.lang;
    let header = super::matrix_header(rollup);
    let rows = rollup
        .rows
        .iter()
        .map(|row| {
            let mut cells = vec![
                Cell::text(&row.plan),
                Cell::text(row.file.display().to_string()),
                Cell::text(&row.jurisdiction),
                Cell::text(crate::compare::level_name(row.level).render(lang)),
            ];
            for cell in &row.cells {
                cells.push(Cell::number_or_empty(cell.figure));
                cells.push(Cell::Status(
                    super::status_with_reason(cell, lang),
                    tone(cell.status),
                ));
            }
            match &row.against_parent {
                Some(p) => cells.extend([
                    Cell::text(&p.parent),
                    Cell::count(p.judged),
                    Cell::count(p.shortfalls),
                    Cell::count(p.gaps),
                ]),
                None => cells.extend([Cell::Empty, Cell::Empty, Cell::Empty, Cell::Empty]),
            }
            cells.push(Cell::count(row.errors));
            cells
        })
        .collect();
    Sheet {
        name: text("rollup.heading.plans", lang),
        header,
        rows,
    }
}

fn targets(rollup: &Rollup) -> Sheet {
    let lang = rollup.lang;
    let rows = rollup
        .columns
        .iter()
        .enumerate()
        .map(|(i, column)| {
            let c = &column.counts;
            vec![
                Cell::count(i + 1),
                Cell::text(super::column_name(column, lang)),
                Cell::Number(f64::from(column.year)),
                Cell::text(super::column_value(column, lang)),
                Cell::count(c.restated),
                Cell::count(c.meets),
                Cell::count(c.shortfall),
                Cell::count(c.gap),
                Cell::count(c.not_applicable),
                Cell::count(c.undecided),
            ]
        })
        .collect();
    Sheet {
        name: text("rollup.sheet.targets", lang),
        header: super::columns_header(rollup),
        rows,
    }
}

/// Every unit counted without a plan of its own: missing, covered only
/// through older plans, and the plans the list cannot place.
fn units(rollup: &Rollup) -> Sheet {
    let lang = rollup.lang;
    let mut rows = Vec::new();
    for coverage in &rollup.coverage {
        let level = crate::compare::level_name(coverage.level).render(lang);
        for unit in &coverage.missing {
            rows.push(vec![
                Cell::text(&level),
                Cell::text(unit),
                Cell::Status(text("rollup.unit.missing", lang), Tone::Bad),
                Cell::Empty,
            ]);
        }
        for succession in &coverage.through_old {
            let status = if succession.without_plan.is_empty() {
                Cell::Status(text("rollup.unit.through-old", lang), Tone::Caution)
            } else {
                let without = succession.without_plan.join("; ");
                Cell::Status(
                    msg!("rollup.unit.partly", without).render(lang),
                    Tone::Caution,
                )
            };
            rows.push(vec![
                Cell::text(&level),
                Cell::text(&succession.unit),
                status,
                Cell::text(succession.plans.join("; ")),
            ]);
        }
        for unplaced in &coverage.unplaced {
            rows.push(vec![
                Cell::text(&level),
                Cell::Empty,
                Cell::Status(unplaced.reason.render(lang), Tone::Caution),
                Cell::text(&unplaced.plan),
            ]);
        }
    }
    Sheet {
        name: text("rollup.heading.coverage", lang),
        header: vec![
            text("rollup.column.level", lang),
            text("rollup.column.unit", lang),
            Label::Status.text(lang).to_owned(),
            Label::Plan.text(lang).to_owned(),
        ],
        rows,
    }
}

fn left_out(rollup: &Rollup) -> Sheet {
    let lang = rollup.lang;
    Sheet {
        name: text("rollup.heading.left-out", lang),
        header: vec![
            text("rollup.column.file", lang),
            Label::Plan.text(lang).to_owned(),
            text("rollup.column.reason", lang),
        ],
        rows: rollup
            .left_out
            .iter()
            .map(|l| {
                vec![
                    Cell::text(l.file.display().to_string()),
                    l.plan.as_ref().map_or(Cell::Empty, Cell::text),
                    Cell::text(l.reason.render(lang)),
                ]
            })
            .collect(),
    }
}
