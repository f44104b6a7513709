//! The roll-up in each format: one file per format, as for the report.
//! The table and Markdown share the blocks built here.

mod csv;
mod html;
mod json;
mod xlsx;

use crate::cli::RollupFormat;
use crate::i18n::{Label, Lang, Message};
use crate::model::Level;
use crate::msg;
use crate::rollup::{CellStatus, Column, Coverage, Rollup};

use super::report::Block;

/// The roll-up in `format`, ready to write: text from a plan is escaped
/// the way the format needs. `made` dates a workbook.
pub(crate) fn draw(
    format: RollupFormat,
    rollup: &Rollup,
    color: bool,
    made: crate::date::CivilDate,
) -> super::Document {
    match format {
        RollupFormat::Table => {
            super::report::terminal(&blocks(rollup, Matrix::Symbols), color).into()
        }
        RollupFormat::Json => json::draw(rollup).into(),
        RollupFormat::Csv => csv::draw(rollup).into(),
        // Made inert like the report's: a plan's control characters must not
        // reach a terminal or a file as they are.
        RollupFormat::Markdown => super::printable(
            &super::report::markdown(&blocks(rollup, Matrix::Figures)),
            false,
        )
        .into(),
        RollupFormat::Html => html::draw(rollup).into(),
        RollupFormat::Xlsx => xlsx::draw(rollup, made).into(),
    }
}

/// How the matrix's cells are written: one symbol each, so that the row
/// of a plan fits a terminal; or each with its figure.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Matrix {
    Symbols,
    Figures,
}

fn blocks(rollup: &Rollup, matrix: Matrix) -> Vec<Block> {
    let lang = rollup.lang;
    let mut out = vec![
        Block::Heading(1, title(rollup).render(lang)),
        Block::Para(scope(rollup).render(lang)),
        Block::Heading(2, msg!("rollup.heading.targets").render(lang)),
        columns_table(rollup),
        Block::Heading(2, msg!("rollup.heading.plans").render(lang)),
    ];
    if rollup.columns.is_empty() {
        out.push(Block::Para(no_targets(rollup).render(lang)));
    }
    if rollup.rows.is_empty() {
        out.push(Block::Para(msg!("rollup.no-rows").render(lang)));
    } else {
        out.push(Block::Para(legend(lang)));
        out.push(plans_table(rollup, matrix));
    }
    out.push(Block::Para(siblings(rollup).render(lang)));
    out.extend(coverage_blocks(rollup));
    out.extend(left_out_blocks(rollup));
    out
}

fn left_out_blocks(rollup: &Rollup) -> Vec<Block> {
    let lang = rollup.lang;
    if rollup.left_out.is_empty() {
        return Vec::new();
    }
    vec![
        Block::Heading(2, msg!("rollup.heading.left-out").render(lang)),
        Block::Table {
            header: vec![
                msg!("rollup.column.file").render(lang),
                msg!("rollup.column.reason").render(lang),
            ],
            rows: rollup
                .left_out
                .iter()
                .map(|l| vec![super::shown_path(&l.file), l.reason.render(lang)])
                .collect(),
        },
    ]
}

/// "Roll-up against 89/QĐ-TTg (2012–2020)".
fn title(rollup: &Rollup) -> Message {
    let against = rollup
        .against
        .number
        .clone()
        .unwrap_or_else(|| rollup.against.title.clone());
    let period = crate::rollup::period_text(rollup.against.period);
    msg!("rollup.title", against, period)
}

/// A plan that sets no targets has no column to draw: its duties are
/// `diff`'s to compare.
fn no_targets(rollup: &Rollup) -> Message {
    msg!("rollup.no-targets", against = rollup.against.id.as_str())
}

/// How many plans, at which level, under which plan.
fn scope(rollup: &Rollup) -> Message {
    let plans = rollup.rows.len();
    let title = rollup.against.title.as_str();
    match (&rollup.under, rollup.level) {
        (Some(under), _) => msg!("rollup.scope.under", plans, title, under = under.as_str()),
        (None, Some(level)) => msg!(
            "rollup.scope.level",
            plans,
            title,
            level = crate::compare::level_name(level)
        ),
        (None, None) => msg!("rollup.scope.all", plans, title),
    }
}

/// What a target is, as a reader names it: its indicator, with the level
/// and condition that narrow it.
pub(super) fn column_name(column: &Column, lang: Lang) -> String {
    let catalogue = crate::catalogue::Catalogue::embedded();
    let mut name = column
        .label
        .as_ref()
        .map_or_else(|| column.indicator.clone(), |l| l.render(lang));
    if let Some(level) = column.level {
        name.push_str(&msg!("rollup.column.at-level", level = u32::from(level)).render(lang));
    }
    if let Some(condition) = &column.condition {
        name.push_str(&format!(
            " [{}]",
            catalogue.condition_label(condition, lang)
        ));
    }
    name
}

/// The figure the plan held to sets, with its flag when it is not solid.
pub(super) fn column_value(column: &Column, lang: Lang) -> String {
    let mut value = column
        .value
        .as_ref()
        .map_or_else(|| "—".to_owned(), |v| v.render(lang));
    // "not found" needs no flag saying it was not found.
    let flagged = column
        .verification
        .filter(|f| !f.is_solid() && *f != crate::model::Verification::NotFound);
    if let Some(flag) = flagged {
        value.push_str(&format!(" ({})", super::baselines::flag_text(flag, lang)));
    }
    value
}

/// The matrix's header for a spreadsheet (CSV, XLSX): the plan, then a
/// figure and a verdict column per target, then the plan against its
/// parent and its errors.
fn matrix_header(rollup: &Rollup) -> Vec<String> {
    let lang = rollup.lang;
    let text = |id: &'static str| Message::new(id, Vec::new()).render(lang);
    let mut header = vec![
        Label::Plan.text(lang).to_owned(),
        text("rollup.column.file"),
        text("rollup.column.jurisdiction"),
        text("rollup.column.level"),
    ];
    for (i, column) in rollup.columns.iter().enumerate() {
        let name = format!(
            "{}. {} ({}; {})",
            i + 1,
            column_name(column, lang),
            column.year,
            column_value(column, lang)
        );
        header.push(name.clone());
        header.push(format!("{name}: {}", Label::Status.text(lang)));
    }
    header.extend([
        text("rollup.column.parent"),
        text("rollup.column.parent-judged"),
        text("rollup.column.parent-lower"),
        text("rollup.column.parent-left-out"),
        Label::Error.text(lang).to_owned(),
    ]);
    header
}

fn columns_header(rollup: &Rollup) -> Vec<String> {
    let lang = rollup.lang;
    let text = |id: &'static str| Message::new(id, Vec::new()).render(lang);
    vec![
        "#".to_owned(),
        Label::Indicator.text(lang).to_owned(),
        Label::Year.text(lang).to_owned(),
        rollup
            .against
            .number
            .clone()
            .unwrap_or_else(|| Label::Scheme.text(lang).to_owned()),
        text("rollup.column.restated"),
        Label::Meets.text(lang).to_owned(),
        Label::Shortfall.text(lang).to_owned(),
        Label::Gap.text(lang).to_owned(),
        Label::NotApplicable.text(lang).to_owned(),
        text("rollup.column.undecided"),
    ]
}

fn columns_table(rollup: &Rollup) -> Block {
    let lang = rollup.lang;
    Block::Table {
        header: columns_header(rollup),
        rows: rollup
            .columns
            .iter()
            .enumerate()
            .map(|(i, column)| {
                let c = &column.counts;
                vec![
                    (i + 1).to_string(),
                    column_name(column, lang),
                    column.year.to_string(),
                    column_value(column, lang),
                    c.restated.to_string(),
                    c.meets.to_string(),
                    c.shortfall.to_string(),
                    c.gap.to_string(),
                    c.not_applicable.to_string(),
                    c.undecided.to_string(),
                ]
            })
            .collect(),
    }
}

fn plans_table(rollup: &Rollup, matrix: Matrix) -> Block {
    let lang = rollup.lang;
    let mut header = vec![
        Label::Plan.text(lang).to_owned(),
        msg!("rollup.column.jurisdiction").render(lang),
    ];
    match matrix {
        Matrix::Symbols => header.push(symbols_header(rollup.columns.len())),
        Matrix::Figures => header.extend((1..=rollup.columns.len()).map(|n| n.to_string())),
    }
    header.push(msg!("rollup.column.below-parent").render(lang));
    header.push(Label::Error.text(lang).to_owned());
    let rows = rollup
        .rows
        .iter()
        .map(|row| {
            let mut cells = vec![row.plan.clone(), row.jurisdiction.clone()];
            match matrix {
                Matrix::Symbols => cells.push(row.cells.iter().map(|c| symbol(c.status)).collect()),
                Matrix::Figures => cells.extend(row.cells.iter().map(|c| cell_text(c, lang))),
            }
            cells.push(below_parent(row, lang));
            cells.push(row.errors.to_string());
            cells
        })
        .collect();
    Block::Table { header, rows }
}

/// Column numbers over a row of symbols: "1234567890123", the tens above
/// would need a second header line, so every tenth column is marked.
fn symbols_header(columns: usize) -> String {
    (1..=columns)
        .map(|n| {
            if n % 10 == 0 {
                char::from_digit(u32::try_from(n / 10 % 10).unwrap_or(0), 10).unwrap_or('0')
            } else {
                '.'
            }
        })
        .collect()
}

pub(super) fn symbol(status: CellStatus) -> char {
    match status {
        CellStatus::Meets | CellStatus::Exceeds => '✓',
        CellStatus::Shortfall => '✗',
        CellStatus::Gap => '○',
        CellStatus::NotApplicable | CellStatus::NotCommitted => '–',
        CellStatus::OutsidePeriod => '·',
        CellStatus::ToFill
        | CellStatus::NotComparable
        | CellStatus::OwnFigure
        | CellStatus::NoNationalFigure
        | CellStatus::NoFigures
        | CellStatus::NotCompared => '?',
    }
}

fn legend(lang: Lang) -> String {
    msg!("rollup.legend").render(lang)
}

/// A cell with its figure: "✓ 95%", "✗ 80% (−10)", "○".
pub(super) fn cell_text(cell: &crate::rollup::Cell, lang: Lang) -> String {
    let mut text = symbol(cell.status).to_string();
    if let Some(value) = &cell.value {
        text.push(' ');
        text.push_str(&value.render(lang));
    }
    if let Some(difference) = cell
        .difference
        .filter(|_| cell.status == CellStatus::Shortfall)
    {
        text.push_str(&format!(" ({})", super::progress::signed(difference, lang)));
    }
    text
}

/// A cell's verdict in words with what it rests on: by how much it falls
/// short, or why it does not bind or cannot be judged.
pub(super) fn status_with_reason(cell: &crate::rollup::Cell, lang: Lang) -> String {
    let mut text = status_text(cell.status, lang);
    if let Some(difference) = cell
        .difference
        .filter(|_| cell.status == CellStatus::Shortfall)
    {
        text.push_str(&format!(" ({})", super::progress::signed(difference, lang)));
    }
    if let Some(reason) = &cell.reason {
        text.push_str(": ");
        text.push_str(&reason.render(lang));
    }
    text
}

/// A cell's status in words.
pub(super) fn status_text(status: CellStatus, lang: Lang) -> String {
    let label = match status {
        CellStatus::Shortfall => Label::Shortfall,
        CellStatus::Gap => Label::Gap,
        CellStatus::ToFill => Label::ToFill,
        CellStatus::NotComparable => Label::NotComparable,
        CellStatus::OwnFigure => Label::OwnFigure,
        CellStatus::NoNationalFigure => Label::NoNationalFigure,
        CellStatus::NoFigures => Label::NoFigures,
        CellStatus::NotCommitted => Label::NotCommitted,
        CellStatus::NotApplicable => Label::NotApplicable,
        CellStatus::Meets => Label::Meets,
        CellStatus::Exceeds => Label::Exceeds,
        CellStatus::OutsidePeriod => return msg!("rollup.cell.outside-period").render(lang),
        CellStatus::NotCompared => return msg!("rollup.cell.not-compared").render(lang),
    };
    label.text(lang).to_owned()
}

/// "2 of 15 below `thai-binh-2021-2030`", or a dash without the parent.
pub(super) fn below_parent(row: &crate::rollup::PlanRow, lang: Lang) -> String {
    row.against_parent.as_ref().map_or_else(
        || "—".to_owned(),
        |p| {
            msg!(
                "rollup.below-parent",
                shortfalls = p.shortfalls,
                judged = p.judged,
                gaps = p.gaps
            )
            .render(lang)
        },
    )
}

pub(super) fn siblings(rollup: &Rollup) -> Message {
    let s = &rollup.siblings;
    if s.with_parent == 0 {
        return msg!("rollup.siblings.none");
    }
    let share = 100.0 * f64::from(u32::try_from(s.below_parent).unwrap_or(u32::MAX))
        / f64::from(u32::try_from(s.with_parent).unwrap_or(u32::MAX));
    msg!(
        "rollup.siblings.some",
        below = s.below_parent,
        plans = s.with_parent,
        share = (share * 10.0).round() / 10.0
    )
}

/// The most units a table or page names before it says how many more there
/// are: the JSON lists them all.
const NAMED_UNITS: usize = 60;

fn coverage_lines(coverage: &Coverage) -> Vec<Message> {
    let mut lines = vec![coverage_count(coverage)];
    if coverage.era == crate::rollup::Era::Before2025 && coverage.level != Level::Province {
        lines.push(msg!("rollup.coverage.list-of-january-2025"));
    }
    if !coverage.missing.is_empty() {
        // A unit is named with the units it lies in, after commas: units
        // are set apart by semicolons.
        let shown: Vec<&str> = coverage
            .missing
            .iter()
            .take(NAMED_UNITS)
            .map(String::as_str)
            .collect();
        let more = coverage.missing.len() - shown.len();
        let shown = shown.join("; ");
        lines.push(if more == 0 {
            msg!("rollup.coverage.missing", units = shown)
        } else {
            msg!("rollup.coverage.missing-more", units = shown, more)
        });
    }
    lines
}

fn coverage_count(coverage: &Coverage) -> Message {
    let level = crate::compare::level_name(coverage.level);
    let era = match coverage.era {
        crate::rollup::Era::Before2025 => msg!("rollup.coverage.era-before"),
        crate::rollup::Era::After2025 => msg!("rollup.coverage.era-after"),
    };
    let within = coverage.within.as_ref().map_or_else(
        || Message::verbatim(""),
        |area| msg!("rollup.coverage.within", area = area.as_str()),
    );
    let (expected, covered, missing) =
        (coverage.expected, coverage.covered, coverage.missing.len());
    match coverage.through_old.len() {
        0 => msg!(
            "rollup.coverage.count",
            expected,
            level,
            era,
            within,
            covered,
            missing
        ),
        through => msg!(
            "rollup.coverage.count-through",
            expected,
            level,
            era,
            within,
            covered,
            through,
            missing
        ),
    }
}

fn coverage_blocks(rollup: &Rollup) -> Vec<Block> {
    let lang = rollup.lang;
    let mut out = vec![Block::Heading(
        2,
        msg!("rollup.heading.coverage").render(lang),
    )];
    for why in &rollup.coverage_notes {
        out.push(Block::Para(
            msg!("rollup.coverage.not-counted", why).render(lang),
        ));
    }
    if rollup.coverage.iter().any(|c| c.spans_merger) {
        out.push(Block::Para(
            msg!("rollup.coverage.spans-merger").render(lang),
        ));
    }
    for coverage in &rollup.coverage {
        out.extend(coverage_level_blocks(coverage, lang));
    }
    out
}

fn coverage_level_blocks(coverage: &Coverage, lang: Lang) -> Vec<Block> {
    let mut out: Vec<Block> = coverage_lines(coverage)
        .into_iter()
        .map(|m| Block::Para(m.render(lang)))
        .collect();
    if !coverage.through_old.is_empty() {
        out.push(Block::Table {
            header: vec![
                msg!("rollup.column.unit").render(lang),
                msg!("rollup.column.old-plans").render(lang),
                msg!("rollup.column.without-plan").render(lang),
            ],
            rows: coverage
                .through_old
                .iter()
                .map(|s| {
                    let plans: Vec<String> = s
                        .plans
                        .iter()
                        .zip(&s.from)
                        .map(|(plan, from)| format!("{plan} ({from})"))
                        .collect();
                    vec![
                        s.unit.clone(),
                        plans.join("; "),
                        if s.without_plan.is_empty() {
                            "—".to_owned()
                        } else {
                            s.without_plan.join("; ")
                        },
                    ]
                })
                .collect(),
        });
    }
    if !coverage.unplaced.is_empty() {
        out.push(Block::Para(msg!("rollup.coverage.unplaced").render(lang)));
        out.push(Block::Table {
            header: vec![
                Label::Plan.text(lang).to_owned(),
                msg!("rollup.column.reason").render(lang),
            ],
            rows: coverage
                .unplaced
                .iter()
                .map(|u| vec![u.plan.clone(), u.reason.render(lang)])
                .collect(),
        });
    }
    out
}
