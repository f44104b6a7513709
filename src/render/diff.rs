//! `xhht diff` as side-by-side tables: a reader can check each row against
//! the two texts.

use crate::compare::{Relation, TargetStatus};
use crate::finding::{Finding, Tally};
use crate::i18n::{Lang, Message};
use crate::msg;
use crate::render::report::{Block, comparison_blocks, terminal};
use crate::report::Report;

pub(crate) fn render(report: &Report, color: bool) -> String {
    let lang = report.lang;
    let plan = report.plans.first().map_or("", |p| p.id.as_str());
    let mut blocks = Vec::new();
    for comparison in &report.comparisons {
        let relation = relation(comparison.relation);
        let against = &comparison.against;
        let heading = msg!("render.diff.against", plan, against, relation);
        blocks.push(Block::Para(format!("\n{}", heading.render(lang))));
        if comparison.targets.is_empty() && comparison.duties.is_empty() {
            let nothing = msg!("render.diff.nothing-to-compare");
            blocks.push(Block::Para(nothing.render(lang)));
        }
        blocks.extend(comparison_blocks(comparison, lang));
    }
    let mut out = terminal(&blocks, color);
    if !report.findings.is_empty() {
        out.push_str(&format!(
            "\n{}\n",
            msg!("render.diff.findings").render(lang)
        ));
        for f in &report.findings {
            out.push_str(&line(f, lang));
        }
    }
    out.push_str(&summary(report, plan, lang));
    out
}

fn relation(relation: Relation) -> Message {
    match relation {
        Relation::Parent => msg!("render.diff.relation.parent"),
        Relation::Implements => msg!("render.diff.relation.implements"),
        Relation::Chosen => msg!("render.diff.relation.chosen"),
    }
}

fn line(f: &Finding, lang: Lang) -> String {
    super::compiler_line(f, &f.message.render(lang)) + "\n"
}

fn summary(report: &Report, plan: &str, lang: Lang) -> String {
    let count = |wanted: fn(&TargetStatus) -> bool| {
        report
            .comparisons
            .iter()
            .flat_map(|c| &c.targets)
            .filter(|r| wanted(&r.status))
            .count()
    };
    let tally = Tally::of(&report.findings);
    let own = count(|s| *s == TargetStatus::OwnFigure);
    let counts = msg!(
        "render.diff.summary",
        plan,
        gaps = count(|s| *s == TargetStatus::Gap),
        shortfalls = count(|s| *s == TargetStatus::Shortfall),
        meet = count(|s| *s == TargetStatus::Meets),
        exceed = count(|s| *s == TargetStatus::Exceeds),
        not_committed = count(|s| matches!(s, TargetStatus::NotCommitted(_))),
        not_applicable = count(|s| matches!(s, TargetStatus::NotApplicable(_))),
        not_comparable = count(|s| matches!(s, TargetStatus::NotComparable(_))),
        no_national_figure = count(|s| *s == TargetStatus::NoNationalFigure),
        local_only = count(|s| *s == TargetStatus::LocalOnly),
        errors = tally.errors,
        warnings = tally.warnings,
        infos = tally.infos,
    );
    let mut out = format!("\n{}\n", counts.render(lang));
    if own > 0 {
        out.push_str(&msg!("render.diff.own-figures", own).render(lang));
        out.push('\n');
    }
    out
}
