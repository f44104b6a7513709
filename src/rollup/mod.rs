//! The national view: many plans held to one plan above them (a scheme, or
//! a province's plan), one row per plan and one column per target of that
//! plan; which units have no plan at all; where a plan asks less than its
//! own parent. Every cell is a row of the target comparison `diff` makes,
//! so a plan's cell says what `xhht diff PLAN --against ID` says of it.

mod cells;
mod coverage;

use std::collections::HashMap;
use std::path::PathBuf;

use schemars::JsonSchema;
use serde::Serialize;

pub use cells::{Cell, CellStatus};
pub use coverage::{Coverage, Era, Succession, Unplaced};

use crate::compare::chain::Known;
use crate::finding::{Finding, Severity};
use crate::i18n::{Lang, Message};
use crate::load::Loaded;
use crate::model::{Level, Plan};
use crate::msg;
use crate::source::SourceFile;

/// Bumped when a field changes meaning or disappears; additions keep it.
pub const ROLLUP_VERSION: u32 = 1;

#[derive(Debug, Serialize, JsonSchema)]
pub struct Rollup {
    pub version: u32,
    pub tool: crate::report::Tool,
    pub lang: Lang,
    /// The plan every row is held to.
    pub against: Against,
    /// With `--under`: only plans issued under this one, directly or
    /// through the plans between.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub under: Option<String>,
    /// With `--level`: only plans at this level.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
    /// One per target of the plan held to, in its order.
    pub columns: Vec<Column>,
    /// One per plan, in file order; each has one cell per column.
    pub rows: Vec<PlanRow>,
    /// Plans of the run not in the matrix, each with the reason.
    pub left_out: Vec<LeftOut>,
    /// Which units have a plan, one entry per level counted.
    pub coverage: Vec<Coverage>,
    /// Why a level's units could not be counted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub coverage_notes: Vec<Message>,
    /// Plans held to their own parent plan as well, where the run has it.
    pub siblings: Siblings,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Against {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    pub title: String,
    pub level: Level,
    pub period: crate::model::Period,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Column {
    /// Id of the target in the plan held to.
    pub target: String,
    pub indicator: String,
    /// The indicator's name in the report's language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<Message>,
    pub year: u16,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub condition: Option<String>,
    /// The figure as the plan held to states it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<Message>,
    /// How far the figure was confirmed, where the plan held to records it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verification: Option<crate::model::Verification>,
    pub counts: ColumnCounts,
}

/// How the plans of the matrix answer one target.
#[derive(Debug, Default, Serialize, JsonSchema)]
pub struct ColumnCounts {
    /// Plans that state a figure or aim of their own for it.
    pub restated: usize,
    /// Plans that meet or exceed it.
    pub meets: usize,
    pub shortfall: usize,
    /// Plans it binds that have nothing for it.
    pub gap: usize,
    /// Plans it does not bind (another level, region or condition).
    pub not_applicable: usize,
    /// Plans where no verdict can be given; the cell says why.
    pub undecided: usize,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct PlanRow {
    pub plan: String,
    pub file: PathBuf,
    pub jurisdiction: String,
    pub level: Level,
    pub period: crate::model::Period,
    pub cells: Vec<Cell>,
    /// Against its own parent plan, when the run has that plan.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub against_parent: Option<AgainstParent>,
    /// Errors `xhht validate` reports in the file: its verdicts may rest on them.
    pub errors: usize,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct AgainstParent {
    pub parent: String,
    /// The parent's figures the plan was judged against.
    pub judged: usize,
    /// Of those, the ones the plan sets lower.
    pub shortfalls: usize,
    /// The parent's figures binding the plan that it leaves out.
    pub gaps: usize,
}

#[derive(Debug, Default, Serialize, JsonSchema)]
pub struct Siblings {
    /// Plans of the matrix whose parent plan is in the run.
    pub with_parent: usize,
    /// Of those, the ones that set at least one figure lower than their parent.
    pub below_parent: usize,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct LeftOut {
    pub file: PathBuf,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan: Option<String>,
    pub reason: Message,
}

pub(crate) struct Options<'a> {
    pub against: &'a str,
    pub under: Option<&'a str>,
    pub level: Option<Level>,
    pub lang: Lang,
}

/// Why a roll-up cannot be made: a plan named on the command line that the
/// run does not have.
#[derive(Debug)]
pub enum RollupError {
    UnknownAgainst {
        id: String,
        best: Option<String>,
    },
    UnknownUnder {
        id: String,
        best: Option<String>,
    },
    /// `--under` names a scheme: plans implement a scheme, they are not issued under it.
    UnderScheme {
        id: String,
    },
}

impl RollupError {
    pub fn message(&self) -> Message {
        let suggestion = |best: &Option<String>| match best {
            Some(best) => msg!("app.did-you-mean", best = best.as_str()),
            None => Message::verbatim(""),
        };
        match self {
            Self::UnknownAgainst { id, best } => msg!(
                "rollup.unknown-against",
                id = id.as_str(),
                suggestion = suggestion(best)
            ),
            Self::UnknownUnder { id, best } => msg!(
                "rollup.unknown-under",
                id = id.as_str(),
                suggestion = suggestion(best)
            ),
            Self::UnderScheme { id } => msg!("rollup.under-scheme", id = id.as_str()),
        }
    }
}

/// The roll-up of `files` (the run's plans, validated into `validation`)
/// against the plan `options.against`, found among `known`.
pub(crate) fn build(
    files: &[Loaded],
    validation: &[Finding],
    known: &Known<'_>,
    options: &Options<'_>,
) -> Result<Rollup, RollupError> {
    use rayon::prelude::*;

    let best = |id: &str| crate::suggest::closest(id, known.ids()).map(ToOwned::to_owned);
    let under = match options.under {
        Some(id) => {
            let (plan, _) = known.get(id).ok_or_else(|| RollupError::UnknownUnder {
                id: id.to_owned(),
                best: best(id),
            })?;
            if plan.document.level == Level::National {
                return Err(RollupError::UnderScheme { id: id.to_owned() });
            }
            Some(plan)
        }
        None => None,
    };
    let (yardstick, _) = known
        .get(options.against)
        .ok_or_else(|| RollupError::UnknownAgainst {
            id: options.against.to_owned(),
            best: best(options.against),
        })?;
    // Held to a plan of a province, district or commune, the plans are
    // those issued under it, and its units are the ones counted.
    let under = under.or((yardstick.document.level != Level::National).then_some(yardstick));
    let (chosen, left_out) = select(files, yardstick, under, options, known);
    let errors = errors_by_file(validation);
    let rows: Vec<PlanRow> = chosen
        .par_iter()
        .map(|&(plan, source)| {
            let errors = errors.get(&source.path).copied().unwrap_or(0);
            row(plan, source, yardstick, known, errors)
        })
        .collect();
    let mut columns = columns(yardstick, options.lang);
    for row in &rows {
        for (column, cell) in columns.iter_mut().zip(&row.cells) {
            cell.count(&mut column.counts);
        }
    }
    let siblings = Siblings {
        with_parent: rows.iter().filter(|r| r.against_parent.is_some()).count(),
        below_parent: rows
            .iter()
            .filter(|r| r.against_parent.as_ref().is_some_and(|p| p.shortfalls > 0))
            .count(),
    };
    let plans: Vec<&Plan> = chosen.iter().map(|&(plan, _)| plan).collect();
    let (coverage, coverage_notes) =
        coverage::count_levels(yardstick, under, options.level, &plans);
    Ok(Rollup {
        version: ROLLUP_VERSION,
        tool: crate::report::Tool::XHHT,
        lang: options.lang,
        against: Against {
            id: yardstick.document.id.clone(),
            number: yardstick.document.number.as_ref().map(ToString::to_string),
            title: yardstick.document.title.to_string(),
            level: yardstick.document.level,
            period: yardstick.document.period,
        },
        under: under.map(|p| p.document.id.clone()),
        level: options.level,
        columns,
        rows,
        left_out,
        coverage,
        coverage_notes,
        siblings,
    })
}

type Chosen<'a> = Vec<(&'a Plan, &'a SourceFile)>;

/// The run's plans that go in the matrix, and those that do not with the
/// reason: a file that did not load, a national scheme, the plan held to
/// itself, another level, a plan not under `--under`, or a period that
/// does not meet the plan held to's (Thái Bình's 2021-2030 plan says
/// nothing about 2012-2020).
fn select<'a>(
    files: &'a [Loaded],
    yardstick: &Plan,
    under: Option<&Plan>,
    options: &Options<'_>,
    known: &Known<'a>,
) -> (Chosen<'a>, Vec<LeftOut>) {
    let mut chosen = Vec::new();
    let mut left_out = Vec::new();
    for file in files {
        let Ok(plan) = &file.plan else {
            left_out.push(LeftOut {
                file: file.source.path.clone(),
                plan: None,
                reason: msg!("rollup.left-out.unreadable"),
            });
            continue;
        };
        let reason = if plan.document.level == Level::National {
            Some(msg!("rollup.left-out.national"))
        } else if plan.document.id == yardstick.document.id {
            Some(msg!("rollup.left-out.itself"))
        } else if let Some(wanted) = options.level.filter(|&l| l != plan.document.level) {
            Some(msg!(
                "rollup.left-out.level",
                level = crate::compare::level_name(plan.document.level),
                wanted = crate::compare::level_name(wanted)
            ))
        } else if let Some(under) = under.filter(|u| !descends_from(plan, u, known)) {
            Some(msg!(
                "rollup.left-out.not-under",
                under = under.document.id.as_str()
            ))
        } else if !overlaps(plan.document.period, yardstick.document.period) {
            let period = period_text(plan.document.period);
            let theirs = period_text(yardstick.document.period);
            Some(msg!("rollup.left-out.period", period, theirs))
        } else if yardstick.document.level == Level::National
            && !implements(plan, &yardstick.document.id, known)
        {
            let implemented: Vec<String> = plan
                .links
                .implements
                .iter()
                .map(|l| l.plan.clone())
                .collect();
            Some(msg!(
                "rollup.left-out.not-implementing",
                scheme = yardstick.document.id.as_str(),
                implemented
            ))
        } else {
            None
        };
        match reason {
            Some(reason) => left_out.push(LeftOut {
                file: file.source.path.clone(),
                plan: Some(plan.document.id.clone()),
                reason,
            }),
            None => chosen.push((plan, &file.source)),
        }
    }
    (chosen, left_out)
}

/// Whether `plan` implements the scheme `scheme`, itself or through the
/// plans it is issued under (a commune's plan carries out the scheme its
/// province's plan implements).
fn implements(plan: &Plan, scheme: &str, known: &Known<'_>) -> bool {
    let mut seen: Vec<&str> = Vec::new();
    let mut at = Some(plan);
    while let Some(p) = at {
        if p.links.implements.iter().any(|l| l.plan == scheme) {
            return true;
        }
        let Some(parent) = p.links.parent.as_ref().map(|l| l.plan.as_str()) else {
            return false;
        };
        if seen.contains(&parent) {
            return false;
        }
        seen.push(parent);
        at = known.get(parent).map(|(p, _)| p);
    }
    false
}

/// Whether `plan` is issued under `ancestor`, following parent links
/// through the plans the run knows (a loop ends the walk).
fn descends_from(plan: &Plan, ancestor: &Plan, known: &Known<'_>) -> bool {
    let mut seen = Vec::new();
    let mut parent = plan.links.parent.as_ref().map(|l| l.plan.as_str());
    while let Some(id) = parent {
        if id == ancestor.document.id {
            return true;
        }
        if seen.contains(&id) {
            return false;
        }
        seen.push(id);
        parent = known
            .get(id)
            .and_then(|(p, _)| p.links.parent.as_ref())
            .map(|l| l.plan.as_str());
    }
    false
}

/// "2012–2020", "2020" for one year, or "2026–" for an open-ended plan.
pub(crate) fn period_text(period: crate::model::Period) -> String {
    match period.end {
        Some(end) if end == period.start => end.to_string(),
        Some(end) => format!("{}–{end}", period.start),
        None => format!("{}–", period.start),
    }
}

fn overlaps(a: crate::model::Period, b: crate::model::Period) -> bool {
    let end = |p: crate::model::Period| p.end.unwrap_or(u16::MAX);
    a.start <= end(b) && b.start <= end(a)
}

fn errors_by_file(validation: &[Finding]) -> HashMap<&PathBuf, usize> {
    let mut errors = HashMap::new();
    for finding in validation.iter().filter(|f| f.severity == Severity::Error) {
        *errors.entry(&finding.location.file).or_default() += 1;
    }
    errors
}

fn columns(yardstick: &Plan, lang: Lang) -> Vec<Column> {
    let catalogue = crate::catalogue::Catalogue::embedded();
    yardstick
        .targets
        .iter()
        .map(|target| Column {
            target: target.id.clone(),
            indicator: target.indicator.clone(),
            label: catalogue
                .indicator(&target.indicator)
                .map(|_| Message::verbatim(catalogue.indicator_label(&target.indicator, lang))),
            year: target.year,
            level: target.level,
            condition: target.condition.clone(),
            value: Some(target.value_text()),
            verification: target.verification,
            counts: ColumnCounts::default(),
        })
        .collect()
}

/// One plan's row: each of the yardstick's targets as `diff --against`
/// judges it, and the plan against its own parent when the run has it.
fn row(
    plan: &Plan,
    source: &SourceFile,
    yardstick: &Plan,
    known: &Known<'_>,
    errors: usize,
) -> PlanRow {
    let registry = crate::registry::Registry::embedded();
    let against = |id: &str| {
        let chain = crate::compare::resolve(plan, source, known, Some(id));
        crate::compare::diff(plan, source, &chain, registry)
    };
    let diff = against(&yardstick.document.id);
    let rows: Vec<_> = diff
        .comparisons
        .into_iter()
        .flat_map(|c| c.targets)
        .collect();
    let cells = cells::of_plan(plan, yardstick, &rows);
    let against_parent = plan
        .links
        .parent
        .as_ref()
        .map(|link| link.plan.as_str())
        .filter(|id| known.get(id).is_some())
        .map(|id| {
            let rows: Vec<_> = against(id)
                .comparisons
                .into_iter()
                .flat_map(|c| c.targets)
                .collect();
            AgainstParent {
                parent: id.to_owned(),
                judged: rows.iter().filter(|r| r.status.is_verdict()).count(),
                shortfalls: rows
                    .iter()
                    .filter(|r| r.status == crate::compare::TargetStatus::Shortfall)
                    .count(),
                gaps: rows
                    .iter()
                    .filter(|r| r.status == crate::compare::TargetStatus::Gap)
                    .count(),
            }
        });
    PlanRow {
        plan: plan.document.id.clone(),
        file: source.path.clone(),
        jurisdiction: plan.document.jurisdiction.to_string(),
        level: plan.document.level,
        period: plan.document.period,
        cells,
        against_parent,
        errors,
    }
}

/// The JSON Schema of `xhht rollup --format json`.
pub fn schema() -> String {
    let schema = schemars::schema_for!(Rollup);
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema always serializes");
    text.push('\n');
    text
}
