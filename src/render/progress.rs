//! The progress section: each target against the figures recorded for it,
//! then who does what by when. Laid out as blocks, drawn by the table,
//! Markdown and HTML formats alike.

use crate::i18n::format::{date, number, period};
use crate::i18n::{Label, Lang};
use crate::progress::owners::OwnerRow;
use crate::progress::{Figure, PlanProgress, ProgressStatus, TargetProgressRow};
use crate::render::report::{Block, standing};

/// The targets table (or what to do to get one) and the method it rests on.
pub(crate) fn target_blocks(progress: &PlanProgress, as_of_year: u16, lang: Lang) -> Vec<Block> {
    let l = |label: Label| label.text(lang).to_owned();
    let recorded = progress.targets.iter().any(|row| row.latest.is_some());
    if !recorded {
        return vec![Block::Para(l(Label::NoFiguresRecorded))];
    }
    // A target with nothing recorded and its year still to come says
    // nothing yet: counted, not listed.
    let (shown, waiting): (Vec<&TargetProgressRow>, Vec<&TargetProgressRow>) =
        progress.targets.iter().partition(|row| {
            row.latest.is_some() || row.status != ProgressStatus::NoData || row.year < as_of_year
        });
    let rows = shown.iter().map(|row| target_row(row, lang)).collect();
    let method = crate::msg!(
        "progress.method",
        threshold = crate::progress::ON_TRACK * 100.0
    );
    let mut out = vec![
        Block::Table {
            header: [
                Label::Indicator,
                Label::Year,
                Label::TargetValue,
                Label::Baseline,
                Label::LatestFigure,
                Label::PacePerYear,
                Label::GapLeft,
                Label::Status,
            ]
            .iter()
            .map(|label| l(*label))
            .collect(),
            rows,
        },
        Block::Para(format!("{}: {}", l(Label::Method), method.render(lang))),
    ];
    if !waiting.is_empty() {
        let count = waiting.len();
        out.insert(
            1,
            Block::Para(crate::msg!("progress.not-yet-measured", count).render(lang)),
        );
    }
    out
}

fn target_row(row: &TargetProgressRow, lang: Lang) -> Vec<String> {
    let unit = |text: String| match row.unit {
        crate::model::Unit::Percent => format!("{text}%"),
        crate::model::Unit::PercentGrowthPerYear => {
            crate::msg!("compare.value.growth-per-year", figure = text).render(lang)
        }
        crate::model::Unit::Count | crate::model::Unit::Level => text,
    };
    let shown = |figure: &Option<Figure>| {
        figure.as_ref().map_or_else(String::new, |f| {
            let mut text = format!("{} ({})", unit(exact(f.value, lang)), f.year);
            if let Some(day) = f.date {
                text.push_str(&format!(", {}", date(day, lang)));
            }
            if let Some(source) = &f.source {
                text.push_str(&format!("; {source}"));
            }
            text
        })
    };
    let pace = match (row.achieved_per_year, row.needed_per_year) {
        (Some(achieved), Some(needed)) => {
            format!("{} / {}", signed(achieved, lang), signed(needed, lang))
        }
        _ => String::new(),
    };
    let catalogue = crate::catalogue::Catalogue::embedded();
    let mut name = row
        .label
        .as_ref()
        .map_or_else(|| row.indicator.clone(), |label| label.render(lang));
    if let Some(level) = row.level {
        name.push_str(&format!(
            " ({})",
            crate::msg!("render.html.level", level).render(lang)
        ));
    }
    if let Some(condition) = &row.condition {
        name.push_str(&format!(
            " [{}]",
            catalogue.condition_label(condition, lang)
        ));
    }
    // A gap is shown whenever the figure falls short, even by nothing at
    // all against a strict bound ("trên 99%", 99 recorded).
    let short = matches!(
        row.status,
        ProgressStatus::NotAchieved | ProgressStatus::OffTrack | ProgressStatus::TooEarly
    );
    vec![
        name,
        row.year.to_string(),
        row.value.render(lang),
        shown(&row.baseline),
        shown(&row.latest),
        pace,
        row.gap
            .filter(|_| short)
            .map(|gap| exact(gap, lang))
            .unwrap_or_default(),
        row.status.message().render(lang),
    ]
}

/// A figure with as many decimals as it takes not to look like another:
/// 99.996 is not "100" beside a verdict that it falls short of 100.
fn exact(value: f64, lang: Lang) -> String {
    for decimals in 2..=6 {
        let scale = 10f64.powi(decimals);
        if ((value * scale).round() / scale - value).abs() < 1e-9 {
            return crate::i18n::format::number_with(value, decimals.unsigned_abs(), lang);
        }
    }
    crate::i18n::format::number_with(value, 6, lang)
}

/// A change with its sign: "+1,2", "−0,5".
pub(crate) fn signed(value: f64, lang: Lang) -> String {
    let text = number(value.abs(), lang);
    if text == "0" {
        text
    } else if value < 0.0 {
        format!("−{text}")
    } else {
        format!("+{text}")
    }
}

/// One table of open tasks by lead, the most pressing first.
pub(crate) fn owner_blocks(owners: &[OwnerRow], lang: Lang) -> Vec<Block> {
    let l = |label: Label| label.text(lang).to_owned();
    if owners.is_empty() {
        return vec![Block::Para(l(Label::NoDeadlines))];
    }
    let mut rows = Vec::new();
    for owner in owners {
        let mut name = owner.name.clone().unwrap_or_else(|| l(Label::NoLeadNamed));
        if owner.collective {
            name.push_str(&format!(" ({})", l(Label::Collective)));
        }
        if owner.closed > 0 {
            name.push_str(&format!(" · {} {}", owner.closed, l(Label::Closed)));
        }
        for (i, task) in owner.tasks.iter().enumerate() {
            rows.push(vec![
                if i == 0 { name.clone() } else { String::new() },
                format!("{}: {}", task.task, task.title),
                due_text(task.period.as_deref(), task.due, lang),
                standing(task.standing, lang).to_owned(),
            ]);
        }
        if owner.tasks.is_empty() {
            rows.push(vec![name, String::new(), String::new(), String::new()]);
        }
    }
    vec![Block::Table {
        header: [Label::Owner, Label::OpenTasks, Label::Due, Label::Status]
            .iter()
            .map(|label| l(*label))
            .collect(),
        rows,
    }]
}

/// "Quý III/2026 (30/09/2026)"; the due date alone when the occurrence is
/// named by a date (the due date may be the day before: "trước 15/01").
fn due_text(key: Option<&str>, due: Option<crate::date::CivilDate>, lang: Lang) -> String {
    match (key, due) {
        (Some(key), Some(day)) if crate::date::CivilDate::parse_iso(key).is_err() => {
            format!("{} ({})", period(key, lang), date(day, lang))
        }
        (_, Some(day)) => date(day, lang),
        _ => String::new(),
    }
}

/// How many targets stand where, for the summary: "2 achieved, 1 not achieved".
pub(crate) fn status_counts(progress: &[PlanProgress], lang: Lang) -> Option<String> {
    let rows: Vec<&TargetProgressRow> = progress
        .iter()
        .flat_map(|p| &p.targets)
        .filter(|row| row.latest.is_some())
        .collect();
    if rows.is_empty() {
        return None;
    }
    let parts: Vec<String> = ProgressStatus::ALL
        .iter()
        .map(|status| (status, rows.iter().filter(|r| r.status == *status).count()))
        .filter(|(_, n)| *n > 0)
        .map(|(status, n)| format!("{n} {}", status.message().render(lang)))
        .collect();
    Some(parts.join(", "))
}
